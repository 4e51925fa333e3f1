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

#include <panelboard/panelfile.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NO_REC    SIZE_MAX
#define SHOWN_MAX 48 /* bytes of a bad value quoted back in a message */

/* ---- import_arena.c: values, lists and trimmed texts live as long as the import ---- */

struct arena {
    struct arena_block *head;
};

/* Zeroed memory, so a fresh pb_value is PB_VALUE_UNSET. */
void *arena_alloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* ---- import_idset.c: sets of ids, keys owned by the documents or the arena ---- */

struct id_entry {
    const char *key; /* NULL: an empty slot */
    uint32_t hash;
    size_t rec;          /* ids the files give: the record that gives it first */
    bool exists;         /* database look-ups: whether the row is there */
    const char **values; /* rows read from the database: DATE and REF fields, else NULL */
    size_t walk;         /* strategies: the parent-chain walk that reached it */
};

struct id_set {
    struct id_entry *slots;
    size_t cap, count;
};

/* The entry for key, or NULL. */
struct id_entry *id_find(const struct id_set *set, const char *key);
/* The entry for key, added (zeroed) when missing. Pointers to entries last
 * only until the next id_add on the same set. */
struct id_entry *id_add(struct id_set *set, const char *key, bool *added);
void id_set_free(struct id_set *set);

/* ---- the state of one import ---- */

struct rec {
    const struct doc_node *node; /* the record's mapping */
    size_t file;
    size_t parent;           /* child kinds: the parent's index among its kind's records */
    const char *key;         /* its id (integers written canonically), or NULL */
    size_t first;            /* the record that gave the same id first, or NO_REC */
    struct pb_value *values; /* one per field, from pass 2 */
    int64_t row_id;          /* once written */
};

struct kind_state {
    struct rec *recs;
    size_t n, cap;
    size_t cursor;     /* pass 2: the next of the records pass 1 gathered */
    struct id_set ids; /* ids the files give */
    struct id_set db;  /* ids looked up in, or read from, the database */
    bool db_loaded;    /* db holds every row of the kind */
    char **db_keys;    /* for suggestions: fetched on the first unknown reference */
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
    struct doc *docs;
    size_t n_files;
    struct kind_state kinds[PB_KIND_COUNT];
    struct arena arena;
    struct found errors[PB_IMPORT_MAX_ERRORS];
    size_t n_errors;
    enum pb_status failure; /* the database failed while checking */
    struct pb_error failure_err;
};

/* ---- import_report.c: the problems found ---- */

/* Stop checking once the report is full or the database has failed. */
bool done_checking(const struct import *im);
void add_error(struct import *im, size_t file, const struct pb_error *e);
/* A problem in file, at the node's line and column. */
void report(struct import *im, size_t file, const struct doc_node *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void db_failed(struct import *im, enum pb_status status);
/* A value quoted back in a message: one line, and short. */
const char *shown(const char *s, char buf[SHOWN_MAX + 4]);
/* "at line 12", or "at other.yaml:12" for a place in another file. */
const char *place_of(const struct import *im, size_t here, size_t file, const struct doc_node *node,
                     char *buf, size_t size);
/* Every problem found, in file order, through on_error; err gets the first. */
enum pb_status report_errors(struct import *im, pb_import_error_fn on_error, void *ctx,
                             struct pb_error *err);

/* ---- import_node.c: reading nodes ---- */

const struct doc_node *map_get(const struct doc_node *map, const char *key);
/* YAML's null: a plain ~, null or empty value, or an explicit !!null. */
bool is_null(const struct doc_node *v);
bool is_word(const struct doc_node *v, const char *word);
/* Plain (or !!int) digits only: 1 to 999999999. */
bool parse_positive(const struct doc_node *v, int64_t *out);
/* An id: 1 to 64 of a-z 0-9 - _ . starting with a letter or digit. */
bool key_valid(const char *s, size_t len);

/* ---- import_walk.c: passes 1 and 2 over the files' top level ---- */

bool is_top_level(enum pb_kind kind);
struct rec *add_rec(struct import *im, enum pb_kind kind, const struct doc_node *node, size_t file,
                    size_t parent);
/* Registers the record's key; a key given before makes it a duplicate. */
void claim_key(struct import *im, enum pb_kind kind, struct rec *rec, const char *key);
const char *canonical_int(struct import *im, int64_t n);
/* Pass 1 (checking false) gathers each record of the file and the id it
 * gives; pass 2 (checking true) checks each of them. */
void walk_file(struct import *im, size_t file, bool checking);

/* ---- import_db.c: what the database holds ---- */

/* Reads every row of a text-keyed kind once (for pass 3). */
void load_db(struct import *im, enum pb_kind kind);
/* Whether a row with this id is in the files or the database. */
bool ref_exists(struct import *im, enum pb_kind kind, const char *key, int64_t id);
/* The nearest id of the kind, in the files or the database, or NULL. */
const char *suggest_id(struct import *im, enum pb_kind kind, const char *word);

/* ---- import_record.c: pass 2, one record ---- */

/* Checks the record against its kind's fields, filling rec->values. */
void check_rec(struct import *im, enum pb_kind kind, struct rec *rec);
void unknown_key(struct import *im, size_t file, const struct doc_node *key,
                 const char *const *known, size_t n);

/* ---- import_joins.c: pass 3 ---- */

/* The rules that join records: dates in order, strategies' parent chains,
 * theme leads who have left. */
void check_joins(struct import *im);

/* ---- import_write.c: writing ---- */

/* Every record through the model, in the order of yaml-format.md. */
enum pb_status write_all(struct import *im, struct pb_import_summary *summary,
                         struct pb_error *err);

#endif
