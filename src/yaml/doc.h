/*
 * The bottom half of the panel-file importer: one YAML file in, a tree of
 * positioned nodes out, with every hostile-input limit of the panel file
 * format (spec/yaml-format.md, "Errors") enforced on the way. It reads
 * libyaml's event stream and stops at the first problem, so a hostile file
 * costs what the limits allow, not what its size would. Which keys and values
 * mean anything is the schema layer's business, not this one's.
 *
 * Internal to src/yaml: nothing outside this folder sees libyaml.
 */
#ifndef PB_YAML_DOC_H
#define PB_YAML_DOC_H

#include <panelboard/base.h>
#include <panelboard/error.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DOC_MAX_FILE_SIZE ((size_t)64 * 1024 * 1024)
/* Deepest nesting of sequences and mappings; the root collection is level 1. */
#define DOC_MAX_DEPTH 64
/* Nodes that aliases may add in all, each alias counting what it stands
 * for: this bounds the work of anyone who walks the tree. */
#define DOC_MAX_NODES 100000
/* Nodes the file itself may spell out that are held at once (keys
 * included): the tree, plus the streamed item being read (struct
 * doc_stream). 100,000 members take about 1.1 million. This bounds memory
 * at about 256 MB; a streamed list costs one item at a time. */
#define DOC_MAX_HELD_NODES 3000000

enum doc_kind { DOC_SCALAR, DOC_SEQUENCE, DOC_MAPPING };

/* The explicit tag of a node; only the core schema's tags get this far. */
enum doc_tag {
    DOC_TAG_NONE,
    DOC_TAG_STR,
    DOC_TAG_INT,
    DOC_TAG_BOOL,
    DOC_TAG_NULL,
    DOC_TAG_FLOAT,
    DOC_TAG_SEQ,
    DOC_TAG_MAP,
};

struct doc_node {
    enum doc_kind kind;
    /* 1-based, where the node starts (its anchor or tag, if it has one). A
     * node reached through an alias is the anchored node itself, so its
     * position is the anchor's, not the alias's. */
    int line, column;
    enum doc_tag tag;

    /* Scalars: the text as libyaml decoded it, NUL-terminated; len excludes
     * the NUL (32 bits: no text is longer than the file). It never holds a
     * control character other than \n and \t (so never a NUL), and is valid
     * UTF-8. The fields are ordered so that a node takes 56 bytes: a big
     * file has millions. */
    char *text;
    uint32_t len;
    bool plain;      /* plain style: only a plain ~, null or empty value is null */
    bool tagged_str; /* tag == DOC_TAG_STR: "!!str 12" is text whatever it looks like */

    /* Sequences: items[0..n). Mappings: n pairs, keys[i] -> items[i]; every
     * key is a scalar, and no two keys of one mapping have the same text. */
    struct doc_node **items;
    struct doc_node **keys;
    size_t n;
};

/* A loaded file. Nodes may be shared (aliases), so free only with doc_free. */
struct doc {
    struct doc_node *root;
    size_t size;     /* of the file, in bytes */
    uint64_t digest; /* of its bytes: a file read again must be the same */
    /* Every node, text and array of the tree lives in this arena, which
     * doc_free frees at once: a big file has millions of nodes. */
    struct pb_arena arena;
};

/* Read and load one file. On failure *out is empty (doc_free is still safe)
 * and err says what and where: PB_ERR_NO_INPUT when the file cannot be read,
 * PB_ERR_DATA for anything wrong with its content, with err->file = path. */
enum pb_status doc_load_file(const char *path, struct doc *out, struct pb_error *err);

/* As doc_load_file, for bytes already in memory; name is used in errors. */
enum pb_status doc_load_buffer(const char *name, const unsigned char *data, size_t len,
                               struct doc *out, struct pb_error *err);

/* Streaming: each item of a top-level list whose key streamed() takes is
 * handed to on_item as soon as it is read, and freed when on_item returns
 * (anchors in it are kept); in the tree such a list stays empty. A status
 * other than PB_OK from on_item (which then fills err) ends the load. */
struct doc_stream {
    bool (*streamed)(const char *key, void *ctx);
    enum pb_status (*on_item)(const char *key, const struct doc_node *item, void *ctx,
                              struct pb_error *err);
    void *ctx;
    /* A file read again: refused before any item when its bytes are not
     * those of this load, so that two readings cannot disagree. */
    const struct doc *same_as;
};

/* The whole file, refused over DOC_MAX_FILE_SIZE; *regular: a file that
 * can be read again (not a pipe). The caller frees *data. */
enum pb_status doc_read_file(const char *path, unsigned char **data, size_t *len, bool *regular,
                             struct pb_error *err);
enum pb_status doc_stream_buffer(const char *name, const unsigned char *data, size_t len,
                                 const struct doc_stream *stream, struct doc *out,
                                 struct pb_error *err);

void doc_free(struct doc *d);

#endif
