/*
 * Generic operations over the kinds of record.h: merge a record by key
 * (what an import does), read every record of a kind in order (what an
 * export does), and list keys. The SQL is built once per kind from the
 * field tables (kinds.c) and the column map (columns.c), and cached with
 * the places of its parameters, so that a put costs SQLite's work and
 * little more: an import puts every row of a panel file.
 */
#include <panelboard/page.h>

#include "columns.h"
#include "record_match.h"
#include "sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum sql_use {
    USE_FIND,
    USE_INSERT,
    USE_INSERT_NEW,
    USE_INSERT_BATCH,
    USE_UPDATE,
    USE_EACH,
    USE_KEYS
};

enum list_use { LIST_READ, LIST_DELETE, LIST_INSERT, LIST_ALL_FLAG };

/* Rows of one INSERT in pb_record_put_many: one statement for many rows
 * saves SQLite's work per statement, a fifth of an insert's cost. */
#define BATCH_ROWS 32

_Static_assert(USE_KEYS < RECORD_ROW_USES, "sql.h: RECORD_ROW_USES");
_Static_assert(LIST_ALL_FLAG < RECORD_LIST_USES, "sql.h: RECORD_LIST_USES");

/* The named parameters of the built statements: field i is :f<i>. */
enum param { P_PARENT = COLUMNS_MAX, P_KEY, P_ROWID, P_OWNER, P_ITEM, P_POSITION, P_ALL };

static const char *param_name(int p)
{
    static const char *const names[RECORD_PARAMS] = {
        ":f0", ":f1", ":f2", ":f3", ":f4", ":f5", ":f6", ":f7", ":f8", ":f9", ":f10", ":f11",
        ":parent", ":key", ":rowid", ":owner", ":item", ":position", ":all",
    };
    return names[p];
}

/* A cached statement, reset, with its bindings cleared; the bind helpers
 * below bind by the parameter numbers found on its first use. A batch
 * insert repeats its parameters for every row: offset moves to a row's. */
struct stmt {
    sqlite3_stmt *st;
    const struct record_stmt *rs;
    int offset;
};

static bool prepare(struct pb_db *db, struct record_stmt *rs, struct stmt *out,
                    struct pb_error *err)
{
    out->st = sql_prepare(db, rs->sql, err);
    out->rs = rs;
    out->offset = 0;
    if (out->st && !rs->resolved) {
        for (int p = 0; p < RECORD_PARAMS; p++)
            rs->param[p] = (unsigned char)sqlite3_bind_parameter_index(out->st, param_name(p));
        rs->resolved = true;
    }
    return out->st != NULL;
}

static int param_at(const struct stmt *s, int p)
{
    if (!s->rs->param[p])
        sql_bug("no parameter %s in: %s", param_name(p), sqlite3_sql(s->st));
    return s->rs->param[p] + s->offset;
}

/* The text must outlive the statement's step (SQLITE_STATIC): the values
 * put are the caller's, and live until the put returns. */
static void bind_text(const struct stmt *s, int p, const char *text)
{
    sqlite3_bind_text(s->st, param_at(s, p), text, -1, SQLITE_STATIC);
}

static void bind_int(const struct stmt *s, int p, int64_t i)
{
    sqlite3_bind_int64(s->st, param_at(s, p), i);
}

static void bind_null(const struct stmt *s, int p)
{
    sqlite3_bind_null(s->st, param_at(s, p));
}

/* Text owner (a text key) or integer owner. */
static void bind_owner(const struct stmt *s, int p, const char *text, int64_t i)
{
    if (text)
        bind_text(s, p, text);
    else
        bind_int(s, p, i);
}

/* The status of a failure that err already describes. */
static enum pb_status failure(const struct pb_error *err)
{
    return err ? err->status : PB_ERR_INTERNAL;
}

static bool is_int_field(enum pb_field_type t)
{
    return t == PB_FIELD_INT_KEY || t == PB_FIELD_INT_REF || t == PB_FIELD_BOOL;
}

static bool is_list_field(enum pb_field_type t)
{
    return t == PB_FIELD_REF_LIST || t == PB_FIELD_TEXT_LIST;
}

/* The column a field is stored in: its own, or the all-flag of owners. */
static const char *stored_column(const struct column_map *col)
{
    return col->column ? col->column : col->all_column;
}

/* The SELECT list of a kind's columns, in field order, after rowid. */
static void add_column_list(struct pb_buf *b, const struct pb_kind_info *info,
                            const struct table_map *map)
{
    pb_buf_puts(b, "rowid");
    for (size_t i = 0; i < info->n_fields; i++) {
        if (map->fields[i].column)
            pb_buf_addf(b, ", \"%s\"", map->fields[i].column);
        else if (map->fields[i].all_column)
            pb_buf_addf(b, ", \"%s\"", map->fields[i].all_column);
        else
            pb_buf_puts(b, ", NULL");
    }
}

static char *build_sql(enum pb_kind kind, enum sql_use use)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    struct pb_buf b = {0};
    switch (use) {
    case USE_FIND:
    case USE_EACH:
        pb_buf_puts(&b, "SELECT ");
        add_column_list(&b, info, map);
        pb_buf_addf(&b, " FROM \"%s\"", map->table);
        if (use == USE_EACH) {
            if (map->parent_column)
                pb_buf_addf(&b, " WHERE \"%s\" = :parent", map->parent_column);
            pb_buf_addf(&b, " ORDER BY %s", map->order);
        } else if (map->parent_column) {
            pb_buf_addf(&b, " WHERE \"%s\" = :parent", map->parent_column);
            for (size_t i = 0; i < info->n_fields; i++)
                if (map->fields[i].identity)
                    pb_buf_addf(&b, " AND \"%s\" IS :f%zu", map->fields[i].column, i);
        } else if (map->key_column) {
            pb_buf_addf(&b, " WHERE \"%s\" = :key", map->key_column);
        } else {
            pb_buf_puts(&b, " WHERE id = 1");
        }
        break;
    case USE_INSERT:
    case USE_INSERT_NEW: {
        struct pb_buf vals = {0};
        pb_buf_addf(&b, "INSERT INTO \"%s\" (", map->table);
        const char *sep = "";
        if (!map->key_column && !map->parent_column) {
            pb_buf_puts(&b, "id");
            pb_buf_puts(&vals, "1");
            sep = ", ";
        }
        if (map->parent_column) {
            pb_buf_addf(&b, "\"%s\"", map->parent_column);
            pb_buf_puts(&vals, ":parent");
            sep = ", ";
        }
        for (size_t i = 0; i < info->n_fields; i++) {
            const char *col = stored_column(&map->fields[i]);
            if (!col)
                continue;
            pb_buf_addf(&b, "%s\"%s\"", sep, col);
            pb_buf_addf(&vals, "%s:f%zu", sep, i);
            sep = ", ";
        }
        if (map->positioned) {
            pb_buf_addf(&b, "%sposition", sep);
            pb_buf_addf(&vals, "%s(SELECT coalesce(max(position), 0) + 1 FROM \"%s\")", sep,
                        map->table);
        }
        pb_buf_addf(&b, ") VALUES (%s)", vals.data ? vals.data : "");
        if (use == USE_INSERT_NEW)
            pb_buf_addf(&b, " ON CONFLICT (\"%s\") DO NOTHING",
                        map->key_column ? map->key_column : "id");
        pb_buf_free(&vals);
        break;
    }
    case USE_INSERT_BATCH: {
        /* only for kinds with a key column, no parent and no position */
        struct pb_buf row = {0};
        pb_buf_addf(&b, "INSERT INTO \"%s\" (", map->table);
        for (size_t i = 0; i < info->n_fields; i++) {
            const char *col = stored_column(&map->fields[i]);
            if (!col)
                continue;
            pb_buf_addf(&b, "%s\"%s\"", row.len ? ", " : "", col);
            pb_buf_puts(&row, row.len ? ", ?" : "(?");
        }
        pb_buf_puts(&b, ") VALUES ");
        for (int r = 0; r < BATCH_ROWS; r++)
            pb_buf_addf(&b, "%s%s)", r ? ", " : "", row.data);
        pb_buf_free(&row);
        break;
    }
    case USE_UPDATE: {
        pb_buf_addf(&b, "UPDATE \"%s\" SET ", map->table);
        for (size_t i = 0; i < info->n_fields; i++) {
            const char *col = stored_column(&map->fields[i]);
            if (col)
                pb_buf_addf(&b, "\"%s\" = :f%zu, ", col, i);
        }
        pb_buf_puts(&b, "revision = revision + 1 WHERE rowid = :rowid");
        break;
    }
    case USE_KEYS:
        pb_buf_addf(&b, "SELECT \"%s\" FROM \"%s\" ORDER BY %s", map->key_column, map->table,
                    map->order);
        break;
    }
    return pb_buf_take(&b);
}

/* The parameters of a batch insert are ?s, a row's in field order: the
 * first row's are the ones recorded, and row r's come r * columns later. */
static int number_batch_params(enum pb_kind kind, struct record_stmt *rs)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    int n = 0;
    for (size_t i = 0; i < info->n_fields; i++)
        if (stored_column(&map->fields[i]))
            rs->param[i] = (unsigned char)++n;
    rs->resolved = true;
    return n;
}

/* The statement for (kind, use), built on first use. */
static bool row_stmt(struct pb_db *db, enum pb_kind kind, enum sql_use use, struct stmt *out,
                     struct pb_error *err)
{
    struct record_stmt *rs = &db->record_stmts[kind][use];
    if (!rs->sql) {
        rs->sql = sql_keep(db, build_sql(kind, use));
        if (use == USE_INSERT_BATCH)
            db->batch_columns[kind] = number_batch_params(kind, rs);
    }
    return prepare(db, rs, out, err);
}

static char *build_list_sql(enum pb_kind kind, const struct column_map *col, enum list_use use)
{
    const char *table = columns_of(kind)->table;
    switch (use) {
    case LIST_READ:
        return pb_xasprintf("SELECT \"%s\" FROM \"%s\" WHERE \"%s\" = :owner ORDER BY position",
                            col->list_item, col->list_table, col->list_owner);
    case LIST_DELETE:
        return pb_xasprintf("DELETE FROM \"%s\" WHERE \"%s\" = :owner", col->list_table,
                            col->list_owner);
    case LIST_INSERT:
        return pb_xasprintf("INSERT INTO \"%s\" (\"%s\", \"%s\", position) "
                            "VALUES (:owner, :item, :position)",
                            col->list_table, col->list_owner, col->list_item);
    case LIST_ALL_FLAG:
        return pb_xasprintf("UPDATE \"%s\" SET \"%s\" = :all, revision = revision + 1 "
                            "WHERE rowid = :rowid AND \"%s\" IS NOT :all",
                            table, col->all_column, col->all_column);
    }
    return NULL;
}

/* The statement for list field `field` of kind, built on first use. */
static bool list_stmt(struct pb_db *db, enum pb_kind kind, size_t field, enum list_use use,
                      struct stmt *out, struct pb_error *err)
{
    struct record_stmt *rs = &db->list_stmts[kind][field][use];
    if (!rs->sql)
        rs->sql = sql_keep(db, build_list_sql(kind, &columns_of(kind)->fields[field], use));
    return prepare(db, rs, out, err);
}

static void bind_field(const struct stmt *s, size_t i, const struct pb_value *v)
{
    if (v->state == PB_VALUE_TEXT)
        bind_text(s, (int)i, v->text);
    else if (v->state == PB_VALUE_INT)
        bind_int(s, (int)i, v->i);
    else
        bind_null(s, (int)i);
}

/* owners: a leading word "all" is a flag, not a member; the members named
 * after it are the list's rows. */
static bool list_is_all(const struct pb_value *v)
{
    return v->state == PB_VALUE_LIST && v->n_items >= 1 && strcmp(v->items[0], "all") == 0;
}

/* The items of v stored as rows: all but a leading "all" of owners. */
static size_t list_skip(const struct column_map *col, const struct pb_value *v)
{
    return col->all_column && list_is_all(v) ? 1 : 0;
}

/* Binds the value a new row gets for field i. */
static void bind_insert_value(const struct stmt *s, size_t i, const struct pb_kind_info *info,
                              const struct column_map *col, const struct pb_value *values)
{
    const struct pb_field *f = &info->fields[i];
    const struct pb_value *v = &values[i];
    if (col->all_column) {
        bind_int(s, (int)i, list_is_all(v));
    } else if (v->state == PB_VALUE_TEXT || v->state == PB_VALUE_INT) {
        bind_field(s, i, v);
    } else if (col->insert_default) {
        bind_text(s, (int)i, col->insert_default);
    } else if (f->type == PB_FIELD_BOOL) {
        /* voting: councillors vote by default, everyone else does not */
        int kind_field = pb_field_index(PB_KIND_MEMBER, "kind");
        const struct pb_value *k = kind_field >= 0 ? &values[kind_field] : NULL;
        bind_int(s, (int)i, k && k->state == PB_VALUE_TEXT && strcmp(k->text, "councillor") == 0);
    } else {
        bind_null(s, (int)i);
    }
}

/* Does the stored column (in `row` at result column `col`) hold v? */
static bool column_equals(sqlite3_stmt *row, int col, const struct pb_value *v)
{
    int type = sqlite3_column_type(row, col);
    if (v->state == PB_VALUE_NULL)
        return type == SQLITE_NULL;
    if (v->state == PB_VALUE_INT)
        return type == SQLITE_INTEGER && sqlite3_column_int64(row, col) == v->i;
    if (v->state == PB_VALUE_TEXT)
        return type == SQLITE_TEXT && strcmp(sql_text(row, col), v->text) == 0;
    return true;
}

/* The list stored for a row (list field `field` of kind), as an array of
 * strings. The statement is done with before this returns, so callers may
 * nest (an export reads lists row by row). */
static enum pb_status read_list(struct pb_db *db, enum pb_kind kind, size_t field,
                                int64_t owner_int, const char *owner_text, char ***items,
                                size_t *n, struct pb_error *err)
{
    struct stmt s;
    *items = NULL;
    *n = 0;
    if (!list_stmt(db, kind, field, LIST_READ, &s, err))
        return failure(err);
    bind_owner(&s, P_OWNER, owner_text, owner_int);
    size_t cap = 0;
    int rc;
    while ((rc = sql_step(db, s.st, err)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            *items = pb_xrealloc(*items, cap * sizeof **items);
        }
        (*items)[(*n)++] = sql_text_dup(s.st, 0);
    }
    sqlite3_reset(s.st);
    if (rc < 0) {
        pb_strings_free(*items, *n);
        *items = NULL;
        *n = 0;
        return failure(err);
    }
    return PB_OK;
}

static bool same_list(char **have, size_t n_have, const struct pb_value *v, size_t skip)
{
    if (n_have != v->n_items - skip)
        return false;
    for (size_t i = 0; i < n_have; i++)
        if (strcmp(have[i], v->items[skip + i]) != 0)
            return false;
    return true;
}

/* Replaces a row's list with v's items; *changed says whether it differed.
 * A row just added (fresh) has no list yet: nothing to read or delete,
 * which halves the statements of a first import. */
static enum pb_status put_list(struct pb_db *db, enum pb_kind kind, size_t field,
                               int64_t owner_int, const char *owner_text, bool fresh,
                               const struct pb_value *v, bool *changed, struct pb_error *err)
{
    const struct column_map *col = &columns_of(kind)->fields[field];
    size_t skip = list_skip(col, v);
    enum pb_status s = PB_OK;
    if (!fresh) {
        char **have = NULL;
        size_t n_have = 0;
        s = read_list(db, kind, field, owner_int, owner_text, &have, &n_have, err);
        if (s != PB_OK)
            return s;
        bool same = same_list(have, n_have, v, skip);
        pb_strings_free(have, n_have);
        if (same)
            return PB_OK;
        struct stmt del;
        if (!list_stmt(db, kind, field, LIST_DELETE, &del, err))
            return failure(err);
        bind_owner(&del, P_OWNER, owner_text, owner_int);
        s = sql_run(db, del.st, err);
    }
    *changed = true;
    for (size_t k = 0; k + skip < v->n_items && s == PB_OK; k++) {
        struct stmt ins;
        if (!list_stmt(db, kind, field, LIST_INSERT, &ins, err))
            return failure(err);
        bind_owner(&ins, P_OWNER, owner_text, owner_int);
        bind_text(&ins, P_ITEM, v->items[skip + k]);
        bind_int(&ins, P_POSITION, (int64_t)k + 1);
        s = sql_run(db, ins.st, err);
    }
    return s;
}

/* Lists of a row: put each list field that is set. */
static enum pb_status put_lists(struct pb_db *db, enum pb_kind kind, int64_t owner_int,
                                const char *owner_text, bool fresh, const struct pb_value *values,
                                bool *changed, struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    for (size_t i = 0; i < info->n_fields; i++) {
        if (!is_list_field(info->fields[i].type) || values[i].state == PB_VALUE_UNSET)
            continue;
        struct pb_value empty = {.state = PB_VALUE_LIST};
        const struct pb_value *v = values[i].state == PB_VALUE_LIST ? &values[i] : &empty;
        enum pb_status s = put_list(db, kind, i, owner_int, owner_text, fresh, v, changed, err);
        if (s != PB_OK)
            return s;
    }
    return PB_OK;
}

/* Updates the row `found` (positioned on it) with the fields that are set
 * and differ; *changed says whether anything did. */
static enum pb_status update_row(struct pb_db *db, enum pb_kind kind, sqlite3_stmt *found,
                                 const struct pb_value *values, bool *changed,
                                 struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    bool differs = false;
    for (size_t i = 0; i < info->n_fields; i++) {
        const struct column_map *col = &map->fields[i];
        if (col->column && values[i].state != PB_VALUE_UNSET &&
            values[i].state != PB_VALUE_LIST && !column_equals(found, (int)i + 1, &values[i]))
            differs = true;
    }
    if (!differs)
        return PB_OK;
    *changed = true;
    struct stmt s;
    if (!row_stmt(db, kind, USE_UPDATE, &s, err))
        return failure(err);
    for (size_t i = 0; i < info->n_fields; i++) {
        const struct column_map *col = &map->fields[i];
        if (col->column && values[i].state != PB_VALUE_UNSET)
            bind_field(&s, i, &values[i]);
        else if (col->column || col->all_column)
            sqlite3_bind_value(s.st, param_at(&s, (int)i), sqlite3_column_value(found, (int)i + 1));
    }
    bind_int(&s, P_ROWID, sqlite3_column_int64(found, 0));
    return sql_run(db, s.st, err);
}

/* The all-flag of owners changes with the list; it is kept in step here. */
static enum pb_status sync_all_flag(struct pb_db *db, enum pb_kind kind, int64_t rowid,
                                    const struct pb_value *values, bool *changed,
                                    struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    for (size_t i = 0; i < info->n_fields; i++) {
        if (!map->fields[i].all_column || values[i].state != PB_VALUE_LIST)
            continue;
        struct stmt s;
        if (!list_stmt(db, kind, i, LIST_ALL_FLAG, &s, err))
            return failure(err);
        bind_int(&s, P_ALL, list_is_all(&values[i]));
        bind_int(&s, P_ROWID, rowid);
        enum pb_status st = sql_run(db, s.st, err);
        if (st != PB_OK)
            return st;
        if (sqlite3_changes(db->sql) > 0)
            *changed = true;
    }
    return PB_OK;
}

/* Inserts a row (USE_INSERT), or one whose key is new (USE_INSERT_NEW:
 * *inserted is false, and nothing is written, when the key is taken). */
static enum pb_status insert_row(struct pb_db *db, enum pb_kind kind, enum sql_use use,
                                 const char *parent_key, int64_t parent_id,
                                 const struct pb_value *values, int64_t *rowid, bool *inserted,
                                 struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    struct stmt s;
    if (!row_stmt(db, kind, use, &s, err))
        return failure(err);
    if (map->parent_column)
        bind_owner(&s, P_PARENT, parent_key, parent_id);
    for (size_t i = 0; i < info->n_fields; i++)
        if (map->fields[i].column || map->fields[i].all_column)
            bind_insert_value(&s, i, info, &map->fields[i], values);
    enum pb_status st = sql_run(db, s.st, err);
    /* changes() counts the statement's own row, not the history's */
    *inserted = st == PB_OK && (use == USE_INSERT || sqlite3_changes(db->sql) > 0);
    if (*inserted)
        *rowid = sqlite3_last_insert_rowid(db->sql);
    return st;
}

/* Whether a new row of this kind could be inserted from values alone:
 * every required field is given, so that only a taken key would stop the
 * insert (the columns of required fields are the NOT NULL ones). */
static bool insertable(const struct pb_kind_info *info, const struct pb_value *values)
{
    for (size_t i = 0; i < info->n_fields; i++)
        if (info->fields[i].required && values[i].state != PB_VALUE_TEXT &&
            values[i].state != PB_VALUE_INT && values[i].state != PB_VALUE_LIST)
            return false;
    return true;
}

/* Finds the row values name: by key, by the child's identity within its
 * parent, or the panel's single row. SQLITE_ROW leaves `found` on it. */
static int find_row(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                    int64_t parent_id, const struct pb_value *values, struct stmt *found,
                    struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    if (!row_stmt(db, kind, USE_FIND, found, err))
        return -1;
    if (map->parent_column) {
        bind_owner(found, P_PARENT, parent_key, parent_id);
        for (size_t i = 0; i < info->n_fields; i++)
            if (map->fields[i].identity)
                bind_field(found, i, &values[i]);
    } else if (map->key_column) {
        if (info->fields[0].type == PB_FIELD_INT_KEY)
            bind_int(found, P_KEY, values[0].i);
        else
            bind_text(found, P_KEY, values[0].text);
    }
    return sql_step(db, found->st, err);
}

static enum pb_status put_row(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                              int64_t parent_id, const struct pb_value *values,
                              enum pb_put_result *result, int64_t *id_out, struct pb_error *err);

/* An id-less action or feedback item is the row that matches it, when
 * one does: it is put again under that row's id. */
static enum pb_status put(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                          int64_t parent_id, const struct pb_value *values,
                          enum pb_put_result *result, int64_t *id_out, struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    if (info->fields[0].type != PB_FIELD_INT_KEY || values[0].state != PB_VALUE_UNSET)
        return put_row(db, kind, parent_key, parent_id, values, result, id_out, err);
    int64_t id = 0;
    enum pb_status s = record_match_unkeyed(db, kind, values, &id, err);
    if (s != PB_OK)
        return s;
    if (id == 0)
        return put_row(db, kind, parent_key, parent_id, values, result, id_out, err);
    struct pb_value *keyed = pb_xmalloc(info->n_fields * sizeof *keyed);
    memcpy(keyed, values, info->n_fields * sizeof *keyed);
    keyed[0] = (struct pb_value){.state = PB_VALUE_INT, .i = id};
    s = put_row(db, kind, parent_key, parent_id, keyed, result, id_out, err);
    free(keyed);
    return s;
}

static enum pb_status put_row(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                              int64_t parent_id, const struct pb_value *values,
                              enum pb_put_result *result, int64_t *id_out, struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    bool int_key = map->key_column && info->fields[0].type == PB_FIELD_INT_KEY;
    bool keyed = map->key_column && values[0].state != PB_VALUE_UNSET &&
                 values[0].state != PB_VALUE_NULL;
    bool changed = false, added = false;
    int64_t rowid = 0;
    enum pb_status s = PB_OK;

    /* A row with a key (or the panel's) is usually all new, as in a first
     * import, or all there, as in the next: while the kind's rows keep
     * turning out new, try the insert first and skip the look-up. */
    if ((keyed || (!map->key_column && !map->parent_column)) && !db->put_found[kind] &&
        insertable(info, values)) {
        s = insert_row(db, kind, USE_INSERT_NEW, parent_key, parent_id, values, &rowid, &added,
                       err);
        if (s != PB_OK)
            return s;
    }
    /* A parent this change has just added has no children but those put
     * since, and a file never gives one child twice (import_record.c): a
     * first import of an action's updates needs no look-up. */
    bool fresh_parent = map->parent_column && parent_id != 0 &&
                        db->added_rowid[info->parent] == parent_id && !map->key_column;
    bool found_row = false;
    if (!added && !fresh_parent && (keyed || !map->key_column)) {
        struct stmt found;
        int rc = find_row(db, kind, parent_key, parent_id, values, &found, err);
        if (rc < 0)
            return failure(err);
        found_row = rc == SQLITE_ROW;
        if (found_row) {
            rowid = sqlite3_column_int64(found.st, 0);
            s = update_row(db, kind, found.st, values, &changed, err);
        }
        sqlite3_reset(found.st);
        if (s == PB_OK && found_row)
            s = sync_all_flag(db, kind, rowid, values, &changed, err);
        if (s != PB_OK)
            return s;
    }
    if (!added && !found_row) {
        s = insert_row(db, kind, USE_INSERT, parent_key, parent_id, values, &rowid, &added, err);
        if (s != PB_OK)
            return s;
    }
    db->put_found[kind] = found_row;
    db->added_rowid[kind] = added ? rowid : 0;
    const char *owner_text = map->key_column && !int_key ? values[0].text : NULL;
    s = put_lists(db, kind, rowid, owner_text, added, values, &changed, err);
    if (s != PB_OK)
        return s;
    if (result)
        *result = added ? PB_PUT_ADDED : changed ? PB_PUT_UPDATED : PB_PUT_UNCHANGED;
    if (id_out)
        *id_out = rowid;
    return PB_OK;
}

/* Whether rows[0..BATCH_ROWS) may go in as one batch insert: the kind's
 * rows have been turning out new, and each record could be inserted. */
static bool batchable(struct pb_db *db, enum pb_kind kind, const struct pb_value *const rows[])
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    if (db->put_found[kind] || !map->key_column || map->positioned)
        return false;
    for (size_t r = 0; r < BATCH_ROWS; r++)
        if (rows[r][0].state == PB_VALUE_UNSET || rows[r][0].state == PB_VALUE_NULL ||
            !insertable(info, rows[r]))
            return false;
    return true;
}

/* Inserts BATCH_ROWS new rows with one statement, all or none: a taken key
 * or any other failure rolls the statement back (SQLite's statement
 * journal), and the caller puts the rows one by one instead. */
static bool insert_batch(struct pb_db *db, enum pb_kind kind, const struct pb_value *const rows[])
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    struct pb_error ignored;
    struct stmt s;
    if (!row_stmt(db, kind, USE_INSERT_BATCH, &s, &ignored))
        return false;
    for (size_t r = 0; r < BATCH_ROWS; r++) {
        s.offset = (int)r * db->batch_columns[kind];
        for (size_t i = 0; i < info->n_fields; i++)
            if (stored_column(&map->fields[i]))
                bind_insert_value(&s, i, info, &map->fields[i], rows[r]);
    }
    return sql_run(db, s.st, &ignored) == PB_OK;
}

enum pb_status pb_record_put_many(struct pb_db *db, enum pb_kind kind,
                                  const struct pb_value *const rows[], size_t n,
                                  enum pb_put_result results[], size_t *failed,
                                  struct pb_error *err)
{
    *failed = 0;
    if (kind >= PB_KIND_COUNT || columns_of(kind)->parent_column)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_record_put_many: not a top-level kind");
    enum pb_status s = pb_change_begin(db, pb_kind_info(kind)->key, err);
    if (s != PB_OK)
        return s;
    const bool int_key = pb_kind_info(kind)->fields[0].type == PB_FIELD_INT_KEY;
    size_t i = 0;
    while (i < n && s == PB_OK) {
        size_t end = i + 1;
        bool batched = false;
        if (n - i >= BATCH_ROWS && batchable(db, kind, rows + i)) {
            end = i + BATCH_ROWS;
            batched = insert_batch(db, kind, rows + i);
        }
        for (; i < end && s == PB_OK; i++) {
            if (batched) {
                /* the key is the owner of the row's lists (an action's is its id) */
                bool changed = false;
                results[i] = PB_PUT_ADDED;
                s = put_lists(db, kind, rows[i][0].i, int_key ? NULL : rows[i][0].text, true,
                              rows[i], &changed, err);
            } else {
                s = put(db, kind, NULL, 0, rows[i], &results[i], NULL, err);
            }
            if (s != PB_OK)
                *failed = i;
        }
    }
    return pb_change_end(db, s, err);
}

enum pb_status pb_record_put(struct pb_db *db, enum pb_kind kind, const struct pb_value *values,
                             enum pb_put_result *result, int64_t *id_out, struct pb_error *err)
{
    if (kind >= PB_KIND_COUNT || columns_of(kind)->parent_column)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_record_put: not a top-level kind");
    enum pb_status s = pb_change_begin(db, pb_kind_info(kind)->singular, err);
    if (s != PB_OK)
        return s;
    s = put(db, kind, NULL, 0, values, result, id_out, err);
    return pb_change_end(db, s, err);
}

enum pb_status pb_child_put(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                            int64_t parent_id, const struct pb_value *values,
                            enum pb_put_result *result, int64_t *id_out, struct pb_error *err)
{
    if (kind >= PB_KIND_COUNT || !columns_of(kind)->parent_column)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_child_put: not a child kind");
    enum pb_status s = pb_change_begin(db, pb_kind_info(kind)->singular, err);
    if (s != PB_OK)
        return s;
    s = put(db, kind, parent_key, parent_id, values, result, id_out, err);
    return pb_change_end(db, s, err);
}

enum pb_status pb_record_exists(struct pb_db *db, enum pb_kind kind, const char *key, int64_t id,
                                bool *exists, struct pb_error *err)
{
    const struct table_map *map = columns_of(kind);
    if (!map || !map->key_column)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_record_exists: kind has no key");
    struct stmt s;
    if (!row_stmt(db, kind, USE_FIND, &s, err))
        return failure(err);
    bind_owner(&s, P_KEY, key, id);
    int rc = sql_step(db, s.st, err);
    sqlite3_reset(s.st);
    if (rc < 0)
        return failure(err);
    *exists = rc == SQLITE_ROW;
    return PB_OK;
}

enum pb_status pb_record_require(struct pb_db *db, enum pb_kind kind, const char *key,
                                 struct pb_error *err)
{
    bool exists = false;
    enum pb_status s = pb_record_exists(db, kind, key, 0, &exists, err);
    if (s != PB_OK || exists)
        return s;
    char **keys = NULL;
    size_t n = 0;
    s = pb_record_keys(db, kind, &keys, &n, err);
    if (s != PB_OK)
        return s;
    const char *singular = pb_kind_info(kind)->singular;
    const char *near = pb_suggest(key, (const char *const *)keys, n);
    if (near)
        s = pb_error_set(err, PB_ERR_NOT_FOUND, "no %s '%s'; did you mean '%s'?", singular, key,
                         near);
    else
        s = pb_error_set(err, PB_ERR_NOT_FOUND, "no %s '%s'", singular, key);
    pb_strings_free(keys, n);
    return s;
}

void pb_strings_free(char **strings, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(strings[i]);
    free(strings);
}

enum pb_status pb_record_keys(struct pb_db *db, enum pb_kind kind, char ***keys, size_t *n,
                              struct pb_error *err)
{
    *keys = NULL;
    *n = 0;
    const struct table_map *map = columns_of(kind);
    if (!map || !map->key_column)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_record_keys: kind has no key");
    struct stmt s;
    if (!row_stmt(db, kind, USE_KEYS, &s, err))
        return failure(err);
    size_t cap = 0;
    int rc;
    while ((rc = sql_step(db, s.st, err)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *keys = pb_xrealloc(*keys, cap * sizeof **keys);
        }
        (*keys)[(*n)++] = sql_text_dup(s.st, 0);
    }
    sqlite3_reset(s.st);
    if (rc < 0) {
        pb_strings_free(*keys, *n);
        *keys = NULL;
        *n = 0;
        return failure(err);
    }
    return PB_OK;
}

/* Fills values from the current row of an each-statement. Lists are read
 * with their own queries and freed by free_row_lists. */
static enum pb_status read_row(struct pb_db *db, enum pb_kind kind, sqlite3_stmt *st,
                               struct pb_value *values, char **lists[], size_t n_lists[],
                               struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    /* all of them first: a list that fails to read returns early, and the
     * caller frees every field's */
    for (size_t i = 0; i < info->n_fields; i++) {
        lists[i] = NULL;
        n_lists[i] = 0;
    }
    for (size_t i = 0; i < info->n_fields; i++) {
        const struct pb_field *f = &info->fields[i];
        const struct column_map *col = &map->fields[i];
        int c = (int)i + 1;
        struct pb_value *v = &values[i];
        memset(v, 0, sizeof *v);
        if (f->type == PB_FIELD_CHILDREN) {
            v->state = PB_VALUE_UNSET;
            v->i = sqlite3_column_int64(st, 0);
        } else if (is_list_field(f->type)) {
            v->state = PB_VALUE_LIST;
            const char *owner_text = map->key_column && info->fields[0].type == PB_FIELD_KEY
                                         ? sql_text(st, 1)
                                         : NULL;
            enum pb_status s = read_list(db, kind, i, sqlite3_column_int64(st, 0), owner_text,
                                         &lists[i], &n_lists[i], err);
            if (s != PB_OK)
                return s;
            if (col->all_column && sqlite3_column_int(st, c)) {
                lists[i] = pb_xrealloc(lists[i], (n_lists[i] + 1) * sizeof *lists[i]);
                memmove(lists[i] + 1, lists[i], n_lists[i] * sizeof *lists[i]);
                lists[i][0] = pb_xstrdup("all");
                n_lists[i]++;
            }
            v->items = (const char *const *)lists[i];
            v->n_items = n_lists[i];
        } else if (sqlite3_column_type(st, c) == SQLITE_NULL) {
            v->state = PB_VALUE_NULL;
        } else if (is_int_field(f->type)) {
            v->state = PB_VALUE_INT;
            v->i = sqlite3_column_int64(st, c);
        } else {
            v->state = PB_VALUE_TEXT;
            v->text = sql_text(st, c);
        }
    }
    return PB_OK;
}

enum pb_status pb_record_each(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                              int64_t parent_id, pb_record_fn fn, void *ctx, struct pb_error *err)
{
    if (kind >= PB_KIND_COUNT)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_record_each: no such kind");
    const struct table_map *map = columns_of(kind);
    /* From the cache, prepared once however many parents ask (an export
     * reads each action's updates): fn may read other kinds, or this one,
     * meanwhile, and the cache gives a busy statement's reader a copy. */
    struct record_stmt *rs = &db->record_stmts[kind][USE_EACH];
    if (!rs->sql)
        rs->sql = sql_keep(db, build_sql(kind, USE_EACH));
    sqlite3_stmt *st = sql_prepare(db, rs->sql, err);
    if (!st)
        return failure(err);
    if (map->parent_column) {
        if (parent_key)
            sql_bind_text(st, ":parent", parent_key);
        else
            sql_bind_int(st, ":parent", parent_id);
    }
    struct pb_value values[COLUMNS_MAX];
    char **lists[COLUMNS_MAX];
    size_t n_lists[COLUMNS_MAX];
    const size_t n_fields = pb_kind_info(kind)->n_fields;
    enum pb_status s = PB_OK;
    int rc;
    while (s == PB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        s = read_row(db, kind, st, values, lists, n_lists, err);
        if (s == PB_OK)
            s = fn(values, ctx, err);
        for (size_t i = 0; i < n_fields; i++)
            pb_strings_free(lists[i], n_lists[i]);
    }
    if (s == PB_OK && rc != SQLITE_DONE)
        s = sql_fail(db, err);
    sqlite3_reset(st);
    return s;
}

enum pb_status pb_record_get(struct pb_db *db, enum pb_kind kind, const char *key, int64_t id,
                             pb_record_fn fn, void *ctx, struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    if (!map->key_column || map->parent_column)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_record_get: %s has no key", info->singular);
    struct stmt found;
    if (!row_stmt(db, kind, USE_FIND, &found, err))
        return err ? err->status : PB_ERR_INTERNAL;
    if (info->fields[0].type == PB_FIELD_INT_KEY)
        bind_int(&found, P_KEY, id);
    else
        bind_text(&found, P_KEY, key);
    int rc = sql_step(db, found.st, err);
    if (rc < 0)
        return err ? err->status : PB_ERR_INTERNAL;
    if (rc != SQLITE_ROW) {
        sqlite3_reset(found.st);
        if (key)
            return pb_error_set(err, PB_ERR_NOT_FOUND, "no %s '%s'", info->singular, key);
        return pb_error_set(err, PB_ERR_NOT_FOUND, "no %s #%lld", info->singular, (long long)id);
    }
    struct pb_value values[COLUMNS_MAX];
    char **lists[COLUMNS_MAX];
    size_t n_lists[COLUMNS_MAX];
    enum pb_status s = read_row(db, kind, found.st, values, lists, n_lists, err);
    if (s == PB_OK)
        s = fn(values, ctx, err);
    for (size_t i = 0; i < info->n_fields; i++)
        pb_strings_free(lists[i], n_lists[i]);
    sqlite3_reset(found.st);
    return s;
}

enum pb_status pb_record_last_change(struct pb_db *db, enum pb_kind kind, const char *key,
                                     int64_t id, bool *found, struct pb_change_brief *out,
                                     struct pb_error *err)
{
    const struct table_map *map = columns_of(kind);
    *found = false;
    if (!map->key_column || map->parent_column)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_record_last_change: no key");
    if (pb_kind_info(kind)->fields[0].type == PB_FIELD_INT_KEY)
        return pb_row_last_change(db, map->table, id, found, out, err);
    char *sql = pb_xasprintf("SELECT rowid FROM \"%s\" WHERE \"%s\" = ?1", map->table,
                             map->key_column);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
    free(sql);
    if (rc != SQLITE_OK)
        return sql_fail(db, err);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st);
    int64_t rowid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(db, err);
    if (rc != SQLITE_ROW)
        return PB_OK;
    return pb_row_last_change(db, map->table, rowid, found, out, err);
}
