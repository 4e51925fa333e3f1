/*
 * The panel's kinds of row, described once as tables of fields, and generic
 * operations over them: put (merge by key, as an import does), exists, and
 * each (read in the panel's order, as an export does).
 *
 * The field tables are the single description of the panel file's shape:
 * the importer validates against them, the exporter writes from them, and
 * the model maps them to columns. Field order is the order of the panel
 * file (yaml-format.md); field 0 is always the key (or, for the panel and
 * child records, the first field).
 */
#ifndef PANELBOARD_RECORD_H
#define PANELBOARD_RECORD_H

#include <panelboard/model.h>

enum pb_kind {
    PB_KIND_PANEL,
    PB_KIND_MEMBER,
    PB_KIND_CO_OPTION,
    PB_KIND_THEME,
    PB_KIND_STRATEGY,
    PB_KIND_MEETING,
    PB_KIND_ACTION,
    PB_KIND_FEEDBACK,
    /* child records: they belong to a row of another kind */
    PB_KIND_DECLARATION,   /* of a meeting */
    PB_KIND_ITEM,          /* of a meeting: an agenda item */
    PB_KIND_ITEM_DECISION, /* of an agenda item */
    PB_KIND_ITEM_QUESTION, /* of an agenda item */
    PB_KIND_DECISION,      /* of a meeting */
    PB_KIND_QUESTION,      /* of a meeting */
    PB_KIND_UPDATE,        /* of an action */
    PB_KIND_COUNT
};

enum pb_field_type {
    PB_FIELD_KEY,       /* text id: 1-64 of a-z 0-9 - _ . starting with a letter or digit */
    PB_FIELD_INT_KEY,   /* positive integer id given by the database */
    PB_FIELD_NAME,      /* one line, 1-200 characters */
    PB_FIELD_TEXT,      /* one line, 1-4000 characters */
    PB_FIELD_LONG_TEXT, /* newlines allowed, 1-4000 characters */
    PB_FIELD_BOOL,      /* true | false */
    PB_FIELD_DATE,      /* YYYY-MM-DD, a real date */
    PB_FIELD_ENUM,      /* one of values[] */
    PB_FIELD_REF,       /* the text id of a row of kind `ref` */
    PB_FIELD_INT_REF,   /* the integer id of a row of kind `ref` */
    PB_FIELD_REF_LIST,  /* a list of ids of kind `ref` (owners may start with the word all) */
    PB_FIELD_TEXT_LIST, /* a list of one-line texts (priorities) */
    PB_FIELD_CHILDREN,  /* records of kind `ref` (updates, decisions, questions) */
};

struct pb_field {
    const char *key;            /* in the panel file */
    enum pb_field_type type;
    bool required;
    const char *const *values;  /* PB_FIELD_ENUM: allowed values, NULL-terminated */
    enum pb_kind ref;           /* REF, INT_REF, REF_LIST: kind named; CHILDREN: child kind */
};

struct pb_kind_info {
    const char *key;      /* top-level key in the panel file: "members", "co-options" ... */
    const char *singular; /* "member", "co-option" ... for messages */
    const struct pb_field *fields;
    size_t n_fields;
    enum pb_kind parent;  /* child kinds: the kind they belong to; else PB_KIND_COUNT */
};

const struct pb_kind_info *pb_kind_info(enum pb_kind kind);
/* The index of `key` in kind's fields, or -1. */
int pb_field_index(enum pb_kind kind, const char *key);

/* One field's value. Text is UTF-8, already validated by the caller. */
enum pb_value_state {
    PB_VALUE_UNSET, /* the file leaves it out: an update keeps the current value */
    PB_VALUE_NULL,  /* ~: cleared */
    PB_VALUE_TEXT,  /* KEY, NAME, TEXT, LONG_TEXT, DATE, ENUM, REF */
    PB_VALUE_INT,   /* INT_KEY, INT_REF, BOOL (0 or 1) */
    PB_VALUE_LIST,  /* REF_LIST, TEXT_LIST */
};
struct pb_value {
    enum pb_value_state state;
    const char *text;
    int64_t i;
    const char *const *items;
    size_t n_items;
};

enum pb_put_result { PB_PUT_ADDED, PB_PUT_UPDATED, PB_PUT_UNCHANGED };

/*
 * Merges one record (values[i] is the value of field i; CHILDREN fields are
 * ignored here, see pb_child_put) inside the current change: a new key is
 * added, an existing row gets the fields that are set, and nothing happens
 * when they already hold those values. For actions and feedback a value of
 * PB_VALUE_UNSET for the key adds a row with a new id; *id_out (may be NULL)
 * receives the row's integer id. Foreign keys are checked when the change
 * commits, so rows may name rows put later in the same change.
 */
enum pb_status pb_record_put(struct pb_db *db, enum pb_kind kind, const struct pb_value *values,
                             enum pb_put_result *result, int64_t *id_out, struct pb_error *err);

/* As n calls of pb_record_put (rows[i] as values, results[i] as *result)
 * in one change, but quicker: new rows go in many to a statement. What an
 * import uses for kinds without children. On failure, *failed is the index
 * of the record that failed (0 when none had been put). */
enum pb_status pb_record_put_many(struct pb_db *db, enum pb_kind kind,
                                  const struct pb_value *const rows[], size_t n,
                                  enum pb_put_result results[], size_t *failed,
                                  struct pb_error *err);

/* Child records (updates, decisions, questions, items, declarations) of
 * the row whose key is parent_key (text) or parent_id (integer: an action's
 * id, or the row id of an agenda item for its decisions and questions). A
 * record that is already there with the same identity (an update's date, by
 * and text; a decision's ref; a question's asked; an item's ref; a
 * declaration's by and item) is updated or left alone. *id_out (may be
 * NULL) receives the child's row id, the parent id of its own children. */
enum pb_status pb_child_put(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                            int64_t parent_id, const struct pb_value *values,
                            enum pb_put_result *result, int64_t *id_out, struct pb_error *err);

/* Does a row of `kind` with this key (text kinds) or id (integer kinds) exist? */
enum pb_status pb_record_exists(struct pb_db *db, enum pb_kind kind, const char *key, int64_t id,
                                bool *exists, struct pb_error *err);

/* PB_OK when a row of a text-keyed kind has this id; else PB_ERR_NOT_FOUND
 * naming the nearest id ("no member 'thirkil'; did you mean 'thirkill'?"):
 * the one rule every command and the importer's callers share. */
enum pb_status pb_record_require(struct pb_db *db, enum pb_kind kind, const char *key,
                                 struct pb_error *err);

/* Every id of a text-keyed kind, in the panel's order (for suggestions and
 * completion). The caller frees with pb_strings_free. */
enum pb_status pb_record_keys(struct pb_db *db, enum pb_kind kind, char ***keys, size_t *n,
                              struct pb_error *err);
void pb_strings_free(char **strings, size_t n);

/*
 * Reads every row of a kind in the panel's order (position, or id for
 * actions and feedback) and calls fn with its values, every field set:
 * PB_VALUE_NULL for a field with no value; lists as PB_VALUE_LIST;
 * CHILDREN fields PB_VALUE_UNSET with .i the row id their children name as
 * parent_id. For a child kind, only the children of parent_key /
 * parent_id, oldest first.
 * The values live until fn returns.
 */
typedef enum pb_status (*pb_record_fn)(const struct pb_value *values, void *ctx,
                                       struct pb_error *err);
/* One row of a kind with a key (key for text ids, id for integer ones),
 * passed to fn with its values as pb_record_each gives them. An unknown
 * row: PB_ERR_NOT_FOUND. */
enum pb_status pb_record_get(struct pb_db *db, enum pb_kind kind, const char *key, int64_t id,
                             pb_record_fn fn, void *ctx, struct pb_error *err);
enum pb_status pb_record_each(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                              int64_t parent_id, pb_record_fn fn, void *ctx, struct pb_error *err);

#endif
