/*
 * Generic operations over the kinds of record.h: merge a record by key
 * (what an import does), read every record of a kind in order (what an
 * export does), and list keys. The SQL is built once per kind from the
 * field tables (kinds.c) and the column map (columns.c), and cached.
 */
#include "columns.h"
#include "sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum sql_use { USE_FIND, USE_INSERT, USE_UPDATE, USE_EACH, USE_KEYS };

/* Run-time built statements, one per kind and use, kept for the connection. */
static const char *built_sql(struct pb_db *db, enum pb_kind kind, enum sql_use use);

/* The parameter bound to field i in every built statement. */
static const char *field_param(size_t i)
{
    static const char *const names[COLUMNS_MAX] = {":f0", ":f1", ":f2", ":f3", ":f4",  ":f5",
                                                   ":f6", ":f7", ":f8", ":f9", ":f10", ":f11"};
    return names[i];
}

static bool is_int_field(enum pb_field_type t)
{
    return t == PB_FIELD_INT_KEY || t == PB_FIELD_INT_REF || t == PB_FIELD_BOOL;
}

static bool is_list_field(enum pb_field_type t)
{
    return t == PB_FIELD_REF_LIST || t == PB_FIELD_TEXT_LIST;
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
    case USE_INSERT: {
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
            const char *col = map->fields[i].column ? map->fields[i].column
                                                    : map->fields[i].all_column;
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
        pb_buf_free(&vals);
        break;
    }
    case USE_UPDATE: {
        pb_buf_addf(&b, "UPDATE \"%s\" SET ", map->table);
        for (size_t i = 0; i < info->n_fields; i++) {
            const char *col = map->fields[i].column ? map->fields[i].column
                                                    : map->fields[i].all_column;
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

static const char *built_sql(struct pb_db *db, enum pb_kind kind, enum sql_use use)
{
    /* Built once per connection; the strings live as long as it does. */
    const char **slot = &db->record_sql[kind][use];
    if (!*slot)
        *slot = sql_keep(db, build_sql(kind, use));
    return *slot;
}

static void bind_field(sqlite3_stmt *st, size_t i, const struct pb_field *f,
                       const struct pb_value *v)
{
    const char *name = field_param(i);
    if (v->state == PB_VALUE_TEXT)
        sql_bind_text(st, name, v->text);
    else if (v->state == PB_VALUE_INT)
        sql_bind_int(st, name, v->i);
    else
        sql_bind_null(st, name);
    (void)f;
}

/* owners: the word "all" is a flag, not a member. */
static bool list_is_all(const struct pb_value *v)
{
    return v->state == PB_VALUE_LIST && v->n_items == 1 && strcmp(v->items[0], "all") == 0;
}

/* Binds the value a new row gets for field i. */
static void bind_insert_value(sqlite3_stmt *st, size_t i, const struct pb_kind_info *info,
                              const struct column_map *col, const struct pb_value *values)
{
    const struct pb_field *f = &info->fields[i];
    const struct pb_value *v = &values[i];
    const char *name = field_param(i);
    if (col->all_column) {
        sql_bind_int(st, name, list_is_all(v));
    } else if (v->state == PB_VALUE_TEXT || v->state == PB_VALUE_INT) {
        bind_field(st, i, f, v);
    } else if (col->insert_default) {
        sql_bind_text(st, name, col->insert_default);
    } else if (f->type == PB_FIELD_BOOL) {
        /* voting: councillors vote by default, everyone else does not */
        int kind_field = pb_field_index(PB_KIND_MEMBER, "kind");
        const struct pb_value *k = kind_field >= 0 ? &values[kind_field] : NULL;
        sql_bind_int(st, name, k && k->state == PB_VALUE_TEXT &&
                                   strcmp(k->text, "councillor") == 0);
    } else {
        sql_bind_null(st, name);
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

/* The list stored for a row, as an array of strings. */
static enum pb_status read_list(struct pb_db *db, const struct column_map *col,
                                sqlite3_stmt **cached, int64_t owner_int, const char *owner_text,
                                char ***items, size_t *n, struct pb_error *err)
{
    (void)cached;
    char *sql = pb_xasprintf("SELECT \"%s\" FROM \"%s\" WHERE \"%s\" = :owner ORDER BY position",
                             col->list_item, col->list_table, col->list_owner);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
        free(sql);
        return sql_fail(db, err);
    }
    free(sql);
    if (owner_text)
        sql_bind_text(st, ":owner", owner_text);
    else
        sql_bind_int(st, ":owner", owner_int);
    size_t cap = 0;
    *items = NULL;
    *n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            *items = pb_xrealloc(*items, cap * sizeof **items);
        }
        (*items)[(*n)++] = sql_text_dup(st, 0);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        pb_strings_free(*items, *n);
        *items = NULL;
        *n = 0;
        return sql_fail(db, err);
    }
    return PB_OK;
}

static bool same_list(char **have, size_t n_have, const struct pb_value *v)
{
    if (n_have != v->n_items)
        return false;
    for (size_t i = 0; i < n_have; i++)
        if (strcmp(have[i], v->items[i]) != 0)
            return false;
    return true;
}

/* Replaces a row's list with v's items; *changed says whether it differed. */
static enum pb_status put_list(struct pb_db *db, const struct column_map *col, int64_t owner_int,
                               const char *owner_text, const struct pb_value *v, bool *changed,
                               struct pb_error *err)
{
    char **have = NULL;
    size_t n_have = 0;
    enum pb_status s = read_list(db, col, NULL, owner_int, owner_text, &have, &n_have, err);
    if (s != PB_OK)
        return s;
    bool same = col->all_column && list_is_all(v) ? n_have == 0 : same_list(have, n_have, v);
    pb_strings_free(have, n_have);
    if (same)
        return PB_OK;
    *changed = true;
    char *del = pb_xasprintf("DELETE FROM \"%s\" WHERE \"%s\" = :owner", col->list_table,
                             col->list_owner);
    char *ins = pb_xasprintf("INSERT INTO \"%s\" (\"%s\", \"%s\", position) "
                             "VALUES (:owner, :item, :position)",
                             col->list_table, col->list_owner, col->list_item);
    sqlite3_stmt *d = NULL, *i = NULL;
    if (sqlite3_prepare_v2(db->sql, del, -1, &d, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->sql, ins, -1, &i, NULL) != SQLITE_OK) {
        s = sql_fail(db, err);
    } else {
        if (owner_text)
            sql_bind_text(d, ":owner", owner_text);
        else
            sql_bind_int(d, ":owner", owner_int);
        if (sqlite3_step(d) != SQLITE_DONE)
            s = sql_fail(db, err);
        size_t n = col->all_column && list_is_all(v) ? 0 : v->n_items;
        for (size_t k = 0; k < n && s == PB_OK; k++) {
            sqlite3_reset(i);
            if (owner_text)
                sql_bind_text(i, ":owner", owner_text);
            else
                sql_bind_int(i, ":owner", owner_int);
            sql_bind_text(i, ":item", v->items[k]);
            sql_bind_int(i, ":position", (int64_t)k + 1);
            if (sqlite3_step(i) != SQLITE_DONE)
                s = sql_fail(db, err);
        }
    }
    sqlite3_finalize(d);
    sqlite3_finalize(i);
    free(del);
    free(ins);
    return s;
}

/* Lists of a row: put each list field that is set. */
static enum pb_status put_lists(struct pb_db *db, enum pb_kind kind, int64_t owner_int,
                                const char *owner_text, const struct pb_value *values,
                                bool *changed, struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    for (size_t i = 0; i < info->n_fields; i++) {
        if (!is_list_field(info->fields[i].type) || values[i].state == PB_VALUE_UNSET)
            continue;
        struct pb_value empty = {.state = PB_VALUE_LIST};
        const struct pb_value *v = values[i].state == PB_VALUE_LIST ? &values[i] : &empty;
        enum pb_status s = put_list(db, &map->fields[i], owner_int, owner_text, v, changed, err);
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
    sqlite3_stmt *st = sql_prepare(db, built_sql(db, kind, USE_UPDATE), err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    for (size_t i = 0; i < info->n_fields; i++) {
        const struct column_map *col = &map->fields[i];
        const char *name = field_param(i);
        if (col->column && values[i].state != PB_VALUE_UNSET)
            bind_field(st, i, &info->fields[i], &values[i]);
        else if (col->column || col->all_column)
            sqlite3_bind_value(st, sqlite3_bind_parameter_index(st, name),
                               sqlite3_column_value(found, (int)i + 1));
    }
    sql_bind_int(st, ":rowid", sqlite3_column_int64(found, 0));
    return sql_run(db, st, err);
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
        char *sql = pb_xasprintf("UPDATE \"%s\" SET \"%s\" = :all, revision = revision + 1 "
                                 "WHERE rowid = :rowid AND \"%s\" IS NOT :all",
                                 map->table, map->fields[i].all_column,
                                 map->fields[i].all_column);
        sqlite3_stmt *st = NULL;
        enum pb_status s = PB_OK;
        if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
            s = sql_fail(db, err);
        } else {
            sql_bind_int(st, ":all", list_is_all(&values[i]));
            sql_bind_int(st, ":rowid", rowid);
            if (sqlite3_step(st) != SQLITE_DONE)
                s = sql_fail(db, err);
            else if (sqlite3_changes(db->sql) > 0)
                *changed = true;
        }
        sqlite3_finalize(st);
        free(sql);
        if (s != PB_OK)
            return s;
    }
    return PB_OK;
}

static enum pb_status insert_row(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                                 int64_t parent_id, const struct pb_value *values,
                                 int64_t *rowid, struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    sqlite3_stmt *st = sql_prepare(db, built_sql(db, kind, USE_INSERT), err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    if (map->parent_column) {
        if (parent_key)
            sql_bind_text(st, ":parent", parent_key);
        else
            sql_bind_int(st, ":parent", parent_id);
    }
    for (size_t i = 0; i < info->n_fields; i++)
        if (map->fields[i].column || map->fields[i].all_column)
            bind_insert_value(st, i, info, &map->fields[i], values);
    enum pb_status s = sql_run(db, st, err);
    *rowid = sqlite3_last_insert_rowid(db->sql);
    return s;
}

static enum pb_status put(struct pb_db *db, enum pb_kind kind, const char *parent_key,
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

    sqlite3_stmt *found = NULL;
    int rc = SQLITE_DONE;
    if (keyed || !map->key_column) {
        found = sql_prepare(db, built_sql(db, kind, USE_FIND), err);
        if (!found)
            return err ? err->status : PB_ERR_INTERNAL;
        if (map->parent_column) {
            if (parent_key)
                sql_bind_text(found, ":parent", parent_key);
            else
                sql_bind_int(found, ":parent", parent_id);
            for (size_t i = 0; i < info->n_fields; i++)
                if (map->fields[i].identity)
                    bind_field(found, i, &info->fields[i], &values[i]);
        } else if (keyed) {
            if (int_key)
                sql_bind_int(found, ":key", values[0].i);
            else
                sql_bind_text(found, ":key", values[0].text);
        }
        rc = sql_step(db, found, err);
        if (rc < 0)
            return err ? err->status : PB_ERR_INTERNAL;
    }
    if (rc == SQLITE_ROW) {
        rowid = sqlite3_column_int64(found, 0);
        s = update_row(db, kind, found, values, &changed, err);
        sqlite3_reset(found);
        if (s == PB_OK)
            s = sync_all_flag(db, kind, rowid, values, &changed, err);
    } else {
        if (found)
            sqlite3_reset(found);
        s = insert_row(db, kind, parent_key, parent_id, values, &rowid, err);
        added = true;
    }
    if (s == PB_OK) {
        const char *owner_text = map->key_column && !int_key ? values[0].text : NULL;
        s = put_lists(db, kind, rowid, owner_text, values, &changed, err);
    }
    if (s != PB_OK)
        return s;
    if (result)
        *result = added ? PB_PUT_ADDED : changed ? PB_PUT_UPDATED : PB_PUT_UNCHANGED;
    if (id_out)
        *id_out = rowid;
    return PB_OK;
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
                            enum pb_put_result *result, struct pb_error *err)
{
    if (kind >= PB_KIND_COUNT || !columns_of(kind)->parent_column)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_child_put: not a child kind");
    enum pb_status s = pb_change_begin(db, pb_kind_info(kind)->singular, err);
    if (s != PB_OK)
        return s;
    s = put(db, kind, parent_key, parent_id, values, result, NULL, err);
    return pb_change_end(db, s, err);
}

enum pb_status pb_record_exists(struct pb_db *db, enum pb_kind kind, const char *key, int64_t id,
                                bool *exists, struct pb_error *err)
{
    const struct table_map *map = columns_of(kind);
    if (!map || !map->key_column)
        return pb_error_set(err, PB_ERR_INTERNAL, "pb_record_exists: kind has no key");
    sqlite3_stmt *st = sql_prepare(db, built_sql(db, kind, USE_FIND), err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    if (key)
        sql_bind_text(st, ":key", key);
    else
        sql_bind_int(st, ":key", id);
    int rc = sql_step(db, st, err);
    sqlite3_reset(st);
    if (rc < 0)
        return err ? err->status : PB_ERR_INTERNAL;
    *exists = rc == SQLITE_ROW;
    return PB_OK;
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
    sqlite3_stmt *st = sql_prepare(db, built_sql(db, kind, USE_KEYS), err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    size_t cap = 0;
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *keys = pb_xrealloc(*keys, cap * sizeof **keys);
        }
        (*keys)[(*n)++] = sql_text_dup(st, 0);
    }
    sqlite3_reset(st);
    if (rc < 0) {
        pb_strings_free(*keys, *n);
        *keys = NULL;
        *n = 0;
        return err ? err->status : PB_ERR_INTERNAL;
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
    for (size_t i = 0; i < info->n_fields; i++) {
        const struct pb_field *f = &info->fields[i];
        const struct column_map *col = &map->fields[i];
        int c = (int)i + 1;
        struct pb_value *v = &values[i];
        memset(v, 0, sizeof *v);
        lists[i] = NULL;
        n_lists[i] = 0;
        if (f->type == PB_FIELD_CHILDREN) {
            v->state = PB_VALUE_UNSET;
        } else if (is_list_field(f->type)) {
            static const char *const all[] = {"all"};
            v->state = PB_VALUE_LIST;
            if (col->all_column && sqlite3_column_int(st, c)) {
                v->items = all;
                v->n_items = 1;
                continue;
            }
            const char *owner_text = map->key_column && info->fields[0].type == PB_FIELD_KEY
                                         ? sql_text(st, 1)
                                         : NULL;
            enum pb_status s = read_list(db, col, NULL, sqlite3_column_int64(st, 0), owner_text,
                                         &lists[i], &n_lists[i], err);
            if (s != PB_OK)
                return s;
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
    /* Not from the cache: fn may read other kinds (and children) meanwhile. */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, built_sql(db, kind, USE_EACH), -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err);
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
    sqlite3_finalize(st);
    return s;
}
