/*
 * What the files of the panel-file importer share (import.c describes the
 * importer and its three passes): the state of one import, and the helpers
 * more than one pass uses. Each function is defined in the file named above
 * its group.
 *
 * Internal to src/yaml.
 */
#ifndef PB_YAML_IMPORT_H
#define PB_YAML_IMPORT_H

#include "doc.h"
#include "strmap.h"

#include <panelboard/panelfile.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NO_REC    SIZE_MAX
#define SHOWN_MAX 48 /* bytes of a bad value quoted back in a message */

/* ---- the state of one import ---- */

struct rec {
    /* the record's mapping; of a streamed kind, only while it is checked
     * and written (pass 2) */
    const struct doc_node *node;
    int line, column; /* where the record starts */
    int id_line;      /* where its id is given, or 0 */
    size_t file;
    size_t parent;           /* child kinds: the parent's index among its kind's records */
    const char *key;         /* its id (integers written canonically), or NULL */
    size_t first;            /* the record that gave the same id first, or NO_REC */
    struct pb_value *values; /* one per field, from pass 2 */
    int64_t row_id;          /* once written */
};

/* What the import knows about one id: the value of its entry in an id map
 * (import_id_add). It lives in the import's arena; its key, in a document
 * or the arena. */
struct import_id {
    size_t rec;          /* ids the files give: the record that gives it first */
    bool exists;         /* database look-ups: whether the row is there */
    const char **values; /* rows read from the database: DATE and REF fields, else NULL */
    size_t walk;         /* strategies: the parent-chain walk that reached it */
};

struct kind_state {
    struct rec *recs;
    size_t n, cap;
    size_t cursor;      /* pass 2: the next of the records pass 1 gathered */
    struct str_map ids; /* ids the files give -> struct import_id */
    struct str_map db;  /* ids looked up in, or read from, the database -> struct import_id */
    bool db_loaded;     /* db holds every row of the kind */
    char **db_keys;     /* for suggestions: fetched on the first unknown reference */
    size_t n_db_keys;
    bool db_keys_loaded;
};

struct found {
    struct pb_error error;
    size_t file;
    size_t seq;
};

struct import {
    struct pb_db *db;
    const char *const *names;
    /* The bytes of each file that cannot be read again (a pipe), or of
     * pb_import_buffer's one, kept for pass 2; else NULL. */
    const unsigned char **kept;
    size_t *kept_len;
    bool own_kept;
    struct doc *docs;
    size_t n_files;
    struct kind_state kinds[PB_KIND_COUNT];
    struct pb_arena arena; /* values, lists, texts: zeroed, so a new pb_value is PB_VALUE_UNSET */
    /* A streamed record's values, texts and children live in `record`,
     * freed once it is written; `values` is the arena pass 2 fills. */
    struct pb_arena record;
    struct pb_arena *values;
    bool writing; /* pass 2 writes each streamed record it checks */
    struct pb_import_summary *summary;
    uint64_t seed[2];      /* the hash key of the id maps */
    struct found errors[PB_IMPORT_MAX_ERRORS];
    size_t n_errors;
    enum pb_status failure; /* the database failed while checking */
    struct pb_error failure_err;
};

/* ---- import_report.c: the problems found ---- */

/* Stop checking once the report is full or the database has failed. */
bool import_done_checking(const struct import *im);
void import_add_error(struct import *im, size_t file, const struct pb_error *e);
/* A problem in file, at the node's line and column. */
void import_report(struct import *im, size_t file, const struct doc_node *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void import_db_failed(struct import *im, enum pb_status status);
/* A value quoted back in a message: one line, and short. */
const char *import_shown(const char *s, char buf[SHOWN_MAX + 4]);
/* "at line 12", or "at other.yaml:12" for a place in another file. */
const char *import_place_of(const struct import *im, size_t here, size_t file, int line,
                            char *buf, size_t size);
/* Every problem found, in file order, through on_error; err gets the first. */
enum pb_status import_report_errors(struct import *im, pb_import_error_fn on_error, void *ctx,
                                    struct pb_error *err);

/* ---- import_node.c: reading nodes ---- */

const struct doc_node *import_map_get(const struct doc_node *map, const char *key);
/* YAML's null: a plain ~, null or empty value, or an explicit !!null. */
bool import_is_null(const struct doc_node *v);
bool import_is_word(const struct doc_node *v, const char *word);
/* Plain (or !!int) digits only: 1 to 999999999. */
bool import_parse_positive(const struct doc_node *v, int64_t *out);
/* An id: 1 to 64 of a-z 0-9 - _ . starting with a letter or digit. */
bool import_key_valid(const char *s, size_t len);

/* ---- import_walk.c: passes 1 and 2 over the files' top level ---- */

/* The entry for key in an id map of the import, or NULL. */
struct import_id *import_id_find(const struct str_map *ids, const char *key);
/* The entry for key, added (zeroed, in arena) when missing; key must last
 * as long as the map. */
struct import_id *import_id_add(struct pb_arena *arena, struct str_map *ids, const char *key,
                                bool *added);
bool import_is_top_level(enum pb_kind kind);
/* Actions and feedback: nothing joins them to other records but their
 * references, so each is checked and written as it is read (pass 2), and
 * a file of a million costs the memory of one. */
bool import_is_streamed(enum pb_kind kind);
/* The top-level kind whose key this is, or PB_KIND_COUNT. */
enum pb_kind import_top_kind(const char *key);
struct rec *import_add_rec(struct import *im, enum pb_kind kind, const struct doc_node *node,
                           size_t file, size_t parent);
/* Registers the record's key; a key given before makes it a duplicate. */
void import_claim_key(struct import *im, enum pb_kind kind, struct rec *rec, const char *key);
const char *import_canonical_int(struct import *im, int64_t n);
/* Pass 1 (checking false) gathers each record of the file and the id it
 * gives; pass 2 (checking true) checks each of them. Streamed kinds'
 * records are not in the tree: import_gather_streamed takes each as the
 * file is read in pass 1, import_check_streamed in pass 2. */
void import_walk_file(struct import *im, size_t file, bool checking);
void import_gather_streamed(struct import *im, enum pb_kind kind, const struct doc_node *item,
                            size_t file);
enum pb_status import_check_streamed(struct import *im, enum pb_kind kind,
                                     const struct doc_node *item, size_t file,
                                     struct pb_error *err);

/* ---- import_db.c: what the database holds ---- */

/* Reads every row of a text-keyed kind once (for pass 3). */
void import_load_db(struct import *im, enum pb_kind kind);
/* Whether a row with this id is in the files or the database. */
bool import_ref_exists(struct import *im, enum pb_kind kind, const char *key, int64_t id);
/* The nearest id of the kind, in the files or the database, or NULL. */
const char *import_suggest_id(struct import *im, enum pb_kind kind, const char *word);

/* ---- import_record.c: pass 2, one record ---- */

/* Checks the record against its kind's fields, filling rec->values. */
void import_check_rec(struct import *im, enum pb_kind kind, struct rec *rec);
void import_unknown_key(struct import *im, size_t file, const struct doc_node *key,
                        const char *const *known, size_t n);

/* ---- import_joins.c: pass 3 ---- */

/* The rules that join records: dates in order, strategies' parent chains,
 * theme leads who have left. */
void import_check_joins(struct import *im);

/* ---- import_write.c: writing ---- */

/* Every record of the kinds held, through the model, in the order of
 * yaml-format.md; then each streamed record, with its children, as pass 2
 * checks it. */
enum pb_status import_write_all(struct import *im, struct pb_import_summary *summary,
                                struct pb_error *err);
enum pb_status import_write_streamed(struct import *im, enum pb_kind kind, struct rec *rec,
                                     struct pb_import_summary *summary, struct pb_error *err);

#endif
