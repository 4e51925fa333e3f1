/*
 * Typed edits, drop and the themes' order (edit.h): each checks the values
 * against the kind's field table, the one description of what a field may
 * hold, then checks the revision inside the change, so that a save made by
 * someone else in between is a conflict and not a silent overwrite.
 */
#include <panelboard/edit.h>

#include "sql.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static enum pb_status failed(const struct pb_error *err)
{
    return err ? err->status : PB_ERR_INTERNAL;
}

/* "member 'thirkill'" or "action #7", for messages and the history. */
static char *row_name(enum pb_kind kind, const char *key, int64_t id)
{
    const char *singular = pb_kind_info(kind)->singular;
    return key ? pb_xasprintf("%s '%s'", singular, key)
               : pb_xasprintf("%s #%" PRId64, singular, id);
}

static bool int_keyed(enum pb_kind kind)
{
    return pb_kind_info(kind)->fields[0].type == PB_FIELD_INT_KEY;
}

static void bind_key(sqlite3_stmt *st, const char *key, int64_t id)
{
    if (key)
        sql_bind_text(st, ":key", key);
    else
        sql_bind_int(st, ":key", id);
}

enum pb_status pb_record_revision(struct pb_db *db, enum pb_kind kind, const char *key,
                                  int64_t id, int64_t *revision, struct pb_error *err)
{
    const struct table_map *map = columns_of(kind);
    if (!map->key_column || (key == NULL) != int_keyed(kind))
        return pb_error_set(err, PB_ERR_INTERNAL, "%s rows are not named that way",
                            pb_kind_info(kind)->singular);
    const char *sql = sql_keep_unique(
        db, pb_xasprintf("SELECT revision FROM \"%s\" WHERE \"%s\" = :key", map->table,
                         map->key_column));
    sqlite3_stmt *st = sql_prepare(db, sql, err);
    if (!st)
        return failed(err);
    bind_key(st, key, id);
    int rc = sql_step(db, st, err);
    *revision = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc < 0)
        return failed(err);
    if (rc == SQLITE_ROW)
        return PB_OK;
    if (key)
        return pb_record_require(db, kind, key, err);
    char *name = row_name(kind, key, id);
    enum pb_status s = pb_error_set(err, PB_ERR_NOT_FOUND, "no %s", name);
    free(name);
    return s;
}

/* Inside the change: the row is there, at the revision the caller read. */
static enum pb_status check_revision(struct pb_db *db, enum pb_kind kind, const char *key,
                                     int64_t id, int64_t expected, struct pb_error *err)
{
    int64_t revision = 0;
    enum pb_status s = pb_record_revision(db, kind, key, id, &revision, err);
    if (s != PB_OK || expected < 0 || revision == expected)
        return s;
    char *name = row_name(kind, key, id);
    s = pb_error_set(err, PB_ERR_CONFLICT, "%s was changed by someone else since you read it",
                     name);
    free(name);
    return s;
}

/* ---- checking values against the field table ---- */

/* Cleaned copies of the texts an edit writes, freed with the edit. */
struct kept {
    struct pb_arena arena;
};

static enum pb_status check_enum(const struct pb_field *f, const char *text,
                                 struct pb_error *err)
{
    size_t n = 0;
    for (; f->values[n]; n++)
        if (strcmp(f->values[n], text) == 0)
            return PB_OK;
    const char *near = pb_suggest(text, f->values, n);
    if (near)
        return pb_error_set(err, PB_ERR_DATA, "%s: no value '%s'; did you mean '%s'?", f->key,
                            text, near);
    return pb_error_set(err, PB_ERR_DATA, "%s: no value '%s'", f->key, text);
}

static enum pb_status check_text(struct kept *k, const struct pb_field *f, struct pb_value *v,
                                 struct pb_error *err)
{
    size_t max = f->type == PB_FIELD_NAME ? PB_NAME_MAX_CHARS : PB_TEXT_MAX_CHARS;
    char *clean = NULL;
    enum pb_status s =
        pb_text_clean(f->key, v->text, max, f->type == PB_FIELD_LONG_TEXT, &clean, err);
    if (s == PB_OK)
        v->text = pb_arena_strndup(&k->arena, clean, strlen(clean));
    free(clean);
    return s;
}

static enum pb_status check_list(struct pb_db *db, struct kept *k, const struct pb_field *f,
                                 struct pb_value *v, struct pb_error *err)
{
    const char **items = pb_arena_alloc(&k->arena, (v->n_items + 1) * sizeof *items,
                                        _Alignof(const char *));
    enum pb_status s = PB_OK;
    for (size_t i = 0; s == PB_OK && i < v->n_items; i++) {
        items[i] = v->items[i];
        if (f->type == PB_FIELD_TEXT_LIST) {
            struct pb_value one = {.state = PB_VALUE_TEXT, .text = v->items[i]};
            struct pb_field line = {.key = f->key, .type = PB_FIELD_TEXT};
            s = check_text(k, &line, &one, err);
            items[i] = one.text;
        } else if (!(i == 0 && strcmp(v->items[i], "all") == 0 && f->required)) {
            s = pb_record_require(db, f->ref, v->items[i], err);
        }
    }
    if (s == PB_OK && f->required && v->n_items == 0)
        s = pb_error_set(err, PB_ERR_DATA, "%s needs at least one", f->key);
    v->items = items;
    return s;
}

static enum pb_status check_value(struct pb_db *db, struct kept *k, const struct pb_field *f,
                                  struct pb_value *v, struct pb_error *err)
{
    pb_day day;
    if (v->state == PB_VALUE_NULL && f->required)
        return pb_error_set(err, PB_ERR_DATA, "%s cannot be cleared", f->key);
    if (v->state == PB_VALUE_LIST)
        return check_list(db, k, f, v, err);
    if (v->state == PB_VALUE_INT && f->type == PB_FIELD_INT_REF) {
        bool exists = false;
        enum pb_status s = pb_record_exists(db, f->ref, NULL, v->i, &exists, err);
        if (s == PB_OK && !exists)
            s = pb_error_set(err, PB_ERR_NOT_FOUND, "no %s #%" PRId64,
                             pb_kind_info(f->ref)->singular, v->i);
        return s;
    }
    if (v->state != PB_VALUE_TEXT)
        return PB_OK;
    switch (f->type) {
    case PB_FIELD_NAME:
    case PB_FIELD_TEXT:
    case PB_FIELD_LONG_TEXT:
        return check_text(k, f, v, err);
    case PB_FIELD_DATE:
        if (!pb_date_parse(v->text, &day))
            return pb_error_set(err, PB_ERR_DATA, "%s: '%s' is not a date (YYYY-MM-DD)", f->key,
                                v->text);
        return PB_OK;
    case PB_FIELD_ENUM:
        return check_enum(f, v->text, err);
    case PB_FIELD_REF:
        return pb_record_require(db, f->ref, v->text, err);
    default:
        return PB_OK;
    }
}

enum pb_status pb_record_edit(struct pb_db *db, enum pb_kind kind, const struct pb_value *values,
                              int64_t expected_revision, struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    bool by_int = int_keyed(kind);
    const char *key = by_int ? NULL : values[0].text;
    if (!columns_of(kind)->key_column ||
        values[0].state != (by_int ? PB_VALUE_INT : PB_VALUE_TEXT))
        return pb_error_set(err, PB_ERR_INTERNAL, "an edit must name its %s", info->singular);
    struct kept k = {0};
    struct pb_value *v = pb_arena_alloc(&k.arena, info->n_fields * sizeof *v,
                                        _Alignof(struct pb_value));
    memcpy(v, values, info->n_fields * sizeof *v);
    enum pb_status s = PB_OK;
    for (size_t i = 1; s == PB_OK && i < info->n_fields; i++)
        if (info->fields[i].type != PB_FIELD_CHILDREN)
            s = check_value(db, &k, &info->fields[i], &v[i], err);
    char *name = row_name(kind, key, values[0].i);
    char *what = pb_xasprintf("edit %s", name);
    if (s == PB_OK)
        s = pb_change_begin(db, what, err);
    if (s == PB_OK) {
        s = check_revision(db, kind, key, values[0].i, expected_revision, err);
        if (s == PB_OK)
            s = pb_record_put(db, kind, v, NULL, NULL, err);
        s = pb_change_end(db, s, err);
    }
    free(what);
    free(name);
    pb_arena_free(&k.arena);
    return s;
}

enum pb_status pb_action_edit(struct pb_db *db, int64_t id, const struct pb_action_edit *edit,
                              int64_t expected_revision, struct pb_error *err)
{
    if (!edit->title && !edit->set_owners && !edit->set_theme && !edit->set_due &&
        !edit->set_ref)
        return pb_error_set(err, PB_ERR_USAGE,
                            "nothing to change: name a title, @owners, #theme, due: or ref:");
    struct pb_value v[COLUMNS_MAX] = {{0}};
    v[0] = (struct pb_value){.state = PB_VALUE_INT, .i = id};
    int title = pb_field_index(PB_KIND_ACTION, "title");
    int owners = pb_field_index(PB_KIND_ACTION, "owners");
    int theme = pb_field_index(PB_KIND_ACTION, "theme");
    int due = pb_field_index(PB_KIND_ACTION, "due");
    int ref = pb_field_index(PB_KIND_ACTION, "ref");
    if (edit->title)
        v[title] = (struct pb_value){.state = PB_VALUE_TEXT, .text = edit->title};
    const char **list = pb_xcalloc(edit->n_owners + 1, sizeof *list);
    if (edit->set_owners) {
        size_t n = 0;
        if (edit->owners_all)
            list[n++] = "all"; /* the panel file's spelling: all first */
        for (size_t i = 0; i < edit->n_owners; i++)
            list[n++] = edit->owners[i];
        v[owners] = (struct pb_value){.state = PB_VALUE_LIST, .items = list, .n_items = n};
    }
    if (edit->set_theme)
        v[theme] = edit->theme ? (struct pb_value){.state = PB_VALUE_TEXT, .text = edit->theme}
                               : (struct pb_value){.state = PB_VALUE_NULL};
    char day[11];
    if (edit->set_due && edit->has_due)
        pb_date_format(edit->due, day);
    if (edit->set_due)
        v[due] = edit->has_due ? (struct pb_value){.state = PB_VALUE_TEXT, .text = day}
                               : (struct pb_value){.state = PB_VALUE_NULL};
    if (edit->set_ref)
        v[ref] = edit->ref ? (struct pb_value){.state = PB_VALUE_TEXT, .text = edit->ref}
                           : (struct pb_value){.state = PB_VALUE_NULL};
    enum pb_status s = pb_record_edit(db, PB_KIND_ACTION, v, expected_revision, err);
    free(list);
    return s;
}

/* ---- drop ---- */

static void bind_owner(sqlite3_stmt *st, const char *text, int64_t i)
{
    if (text)
        sql_bind_text(st, ":owner", text);
    else
        sql_bind_int(st, ":owner", i);
}

static enum pb_status run_on_owner(struct pb_db *db, char *sql, const char *text, int64_t i,
                                   struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, sql_keep_unique(db, sql), err);
    if (!st)
        return failed(err);
    bind_owner(st, text, i);
    return sql_run(db, st, err);
}

/* Deletes what belongs to the row owner names: its lists, and its child
 * records with theirs (an agenda item's documents and decisions). */
static enum pb_status drop_dependents(struct pb_db *db, enum pb_kind kind, const char *owner_text,
                                      int64_t owner_int, struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct table_map *map = columns_of(kind);
    enum pb_status s = PB_OK;
    for (size_t f = 0; s == PB_OK && f < info->n_fields; f++) {
        const struct column_map *col = &map->fields[f];
        if (col->list_table)
            s = run_on_owner(db,
                             pb_xasprintf("DELETE FROM \"%s\" WHERE \"%s\" = :owner",
                                          col->list_table, col->list_owner),
                             owner_text, owner_int, err);
        if (s != PB_OK || info->fields[f].type != PB_FIELD_CHILDREN)
            continue;
        const struct table_map *child = columns_of(info->fields[f].ref);
        sqlite3_stmt *st = sql_prepare(
            db,
            sql_keep_unique(db, pb_xasprintf("SELECT rowid FROM \"%s\" WHERE \"%s\" = :owner",
                                             child->table, child->parent_column)),
            err);
        if (!st)
            return failed(err);
        bind_owner(st, owner_text, owner_int);
        int64_t *rows = NULL;
        size_t n = 0;
        int rc;
        while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
            rows = pb_xrealloc(rows, (n + 1) * sizeof *rows);
            rows[n++] = sqlite3_column_int64(st, 0);
        }
        sqlite3_reset(st);
        s = rc < 0 ? failed(err) : PB_OK;
        for (size_t r = 0; s == PB_OK && r < n; r++)
            s = drop_dependents(db, info->fields[f].ref, NULL, rows[r], err);
        free(rows);
        if (s == PB_OK)
            s = run_on_owner(db,
                             pb_xasprintf("DELETE FROM \"%s\" WHERE \"%s\" = :owner",
                                          child->table, child->parent_column),
                             owner_text, owner_int, err);
    }
    return s;
}

/* Rows that still name the dropped one: the first table found, or NULL. */
static char *still_named(struct pb_db *db, struct pb_error *err, enum pb_status *s)
{
    sqlite3_stmt *st = sql_prepare(db, "SELECT \"table\" FROM pragma_foreign_key_check", err);
    if (!st) {
        *s = failed(err);
        return NULL;
    }
    int rc = sql_step(db, st, err);
    char *table = rc == SQLITE_ROW ? sql_text_dup(st, 0) : NULL;
    sqlite3_reset(st);
    *s = rc < 0 ? failed(err) : PB_OK;
    return table;
}

enum pb_status pb_record_drop(struct pb_db *db, enum pb_kind kind, const char *key, int64_t id,
                              int64_t expected_revision, struct pb_error *err)
{
    const struct table_map *map = columns_of(kind);
    char *name = row_name(kind, key, id);
    char *what = pb_xasprintf("drop %s", name);
    enum pb_status s = pb_change_begin(db, what, err);
    free(what);
    if (s == PB_OK) {
        s = check_revision(db, kind, key, id, expected_revision, err);
        if (s == PB_OK)
            s = drop_dependents(db, kind, key, id, err);
        if (s == PB_OK)
            s = run_on_owner(db,
                             pb_xasprintf("DELETE FROM \"%s\" WHERE \"%s\" = :owner", map->table,
                                          map->key_column),
                             key, id, err);
        char *table = s == PB_OK ? still_named(db, err, &s) : NULL;
        if (table)
            s = pb_error_set(err, PB_ERR_DATA, "cannot drop %s: rows of %s still name it", name,
                             table);
        free(table);
        s = pb_change_end(db, s, err);
    }
    free(name);
    return s;
}

/* ---- the themes' order ---- */

enum pb_status pb_theme_move(struct pb_db *db, const char *id, size_t position,
                             int64_t expected_revision, struct pb_error *err)
{
    char *what = pb_xasprintf("move theme '%s'", id);
    enum pb_status s = pb_change_begin(db, what, err);
    free(what);
    if (s != PB_OK)
        return s;
    s = check_revision(db, PB_KIND_THEME, id, 0, expected_revision, err);
    char **keys = NULL;
    size_t n = 0;
    if (s == PB_OK)
        s = pb_record_keys(db, PB_KIND_THEME, &keys, &n, err);
    /* the order without the theme, then the theme put back at position */
    size_t from = 0;
    while (s == PB_OK && from < n && strcmp(keys[from], id) != 0)
        from++;
    if (s == PB_OK && from < n) {
        char *moving = keys[from];
        memmove(keys + from, keys + from + 1, (n - from - 1) * sizeof *keys);
        size_t to = position < n - 1 ? position : n - 1;
        memmove(keys + to + 1, keys + to, (n - 1 - to) * sizeof *keys);
        keys[to] = moving;
    }
    for (size_t i = 0; s == PB_OK && i < n; i++) {
        sqlite3_stmt *st = sql_prepare(db,
                                       "UPDATE themes SET position = :p, revision = revision + 1"
                                       " WHERE id = :id AND position IS NOT :p",
                                       err);
        if (!st) {
            s = failed(err);
            break;
        }
        sql_bind_int(st, ":p", (int64_t)i + 1);
        sql_bind_text(st, ":id", keys[i]);
        s = sql_run(db, st, err);
    }
    pb_strings_free(keys, n);
    return pb_change_end(db, s, err);
}
