/*
 * Undo: reverses one change from the before images the history holds. The
 * reversal is itself a change (so redo is undoing the undo), and it refuses
 * to run over later work: each row must still be as the change left it.
 */
#include "migrate.h"

#include <panelboard/record.h>

#include <stdlib.h>
#include <string.h>

static bool known_table(const char *table)
{
    for (size_t i = 0; history_tables[i]; i++)
        if (strcmp(history_tables[i], table) == 0)
            return true;
    return false;
}

/* The columns of table, for building the restoring statements. */
static char **table_columns(struct pb_db *db, const char *table, size_t *n)
{
    sqlite3_stmt *st = NULL;
    char **cols = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db->sql, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1,
                           &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        cols = pb_xrealloc(cols, (*n + 1) * sizeof *cols);
        cols[(*n)++] = sql_text_dup(st, 0);
    }
    sqlite3_finalize(st);
    return cols;
}

/* The statement that puts a row back from its image. The revision is not
 * taken from the image: a restored row is a new state, and a form that read
 * the row before the undo must see that it moved on. */
static char *restore_sql(struct pb_db *db, const char *table, bool insert)
{
    size_t n;
    char **cols = table_columns(db, table, &n);
    struct pb_buf b = {0};
    if (insert) {
        pb_buf_addf(&b, "INSERT INTO \"%s\" (rowid", table);
        for (size_t i = 0; i < n; i++)
            pb_buf_addf(&b, ", \"%s\"", cols[i]);
        pb_buf_puts(&b, ") VALUES (:row");
        for (size_t i = 0; i < n; i++) {
            if (strcmp(cols[i], "revision") == 0)
                pb_buf_puts(&b, ", json_extract(:image, '$.revision') + 1");
            else
                pb_buf_addf(&b, ", json_extract(:image, '$.%s')", cols[i]);
        }
        pb_buf_puts(&b, ")");
    } else {
        pb_buf_addf(&b, "UPDATE \"%s\" SET ", table);
        for (size_t i = 0; i < n; i++) {
            if (strcmp(cols[i], "revision") == 0)
                pb_buf_addf(&b, "%s\"revision\" = \"revision\" + 1", i ? ", " : "");
            else
                pb_buf_addf(&b, "%s\"%s\" = json_extract(:image, '$.%s')", i ? ", " : "",
                            cols[i], cols[i]);
        }
        pb_buf_puts(&b, " WHERE rowid = :row");
    }
    pb_strings_free(cols, n);
    return pb_buf_take(&b);
}

/* Runs sql (built here, uncached: undo is rare) with :row and :image. */
static enum pb_status run_with(struct pb_db *db, const char *sql, int64_t row, const char *image,
                               char **result, struct pb_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err);
    sql_bind_int(st, ":row", row);
    if (image)
        sql_bind_text(st, ":image", image);
    int rc = sqlite3_step(st);
    if (result)
        *result = rc == SQLITE_ROW ? sql_text_dup(st, 0) : NULL;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(db, err);
    return PB_OK;
}

static enum pb_status undo_row(struct pb_db *db, const char *table, int64_t row,
                               const char *before, const char *after, struct pb_error *err)
{
    if (!known_table(table))
        return pb_error_set(err, PB_ERR_DATA, "history names an unknown table '%s'", table);
    char *image = history_json_expr(db, table, "t", err);
    if (!image)
        return err ? err->status : PB_ERR_INTERNAL;
    /* Is the row still as the change left it? Revisions are left out: undo
     * gives restored rows new ones, so a row touched twice in one change
     * would otherwise never match its earlier image. */
    char *sql = pb_xasprintf("SELECT (SELECT json_remove(%s, '$.revision') FROM \"%s\" AS t "
                             "WHERE rowid = :row) IS json_remove(:image, '$.revision')",
                             image, table);
    free(image);
    char *same = NULL;
    enum pb_status s = run_with(db, sql, row, after, &same, err);
    free(sql);
    bool unchanged = same && strcmp(same, "1") == 0;
    free(same);
    if (s == PB_OK && !unchanged)
        s = pb_error_set(err, PB_ERR_CONFLICT,
                         "cannot undo: a row it changed (%s %lld) has been changed again since",
                         table, (long long)row);
    if (s != PB_OK)
        return s;
    if (!before) {
        sql = pb_xasprintf("DELETE FROM \"%s\" WHERE rowid = :row", table);
        s = run_with(db, sql, row, NULL, NULL, err);
    } else {
        sql = restore_sql(db, table, after == NULL);
        s = run_with(db, sql, row, before, NULL, err);
    }
    free(sql);
    return s;
}

static enum pb_status undo_rows(struct pb_db *db, int64_t id, struct pb_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT tbl, row_id, before, after FROM change_rows "
                           "WHERE change = ?1 ORDER BY id DESC",
                           -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err);
    sqlite3_bind_int64(st, 1, id);
    /* Collect first: undoing writes change_rows, which this query reads. */
    struct pb_history_row *rows = NULL;
    size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rows = pb_xrealloc(rows, (n + 1) * sizeof *rows);
        rows[n++] = (struct pb_history_row){.table = sql_text_dup(st, 0),
                                            .row_id = sqlite3_column_int64(st, 1),
                                            .before = sql_text_dup(st, 2),
                                            .after = sql_text_dup(st, 3)};
    }
    /* Rows that could not all be read: reversing the part gathered would
     * commit half an undo. */
    enum pb_status s = rc == SQLITE_DONE ? PB_OK : sql_fail(db, err);
    sqlite3_finalize(st);
    for (size_t i = 0; i < n; i++) {
        if (s == PB_OK)
            s = undo_row(db, rows[i].table, rows[i].row_id, rows[i].before, rows[i].after, err);
        free((char *)rows[i].table);
        free((char *)rows[i].before);
        free((char *)rows[i].after);
    }
    free(rows);
    return s;
}

enum pb_status pb_change_undo(struct pb_db *db, int64_t id, int64_t *new_change,
                              struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, "SELECT what FROM changes WHERE id = :id", err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    sql_bind_int(st, ":id", id);
    int rc = sql_step(db, st, err);
    char *what = rc == SQLITE_ROW ? sql_text_dup(st, 0) : NULL;
    sqlite3_reset(st);
    if (rc < 0)
        return err ? err->status : PB_ERR_INTERNAL;
    if (!what)
        return pb_error_set(err, PB_ERR_NOT_FOUND, "no change #%lld in the history",
                            (long long)id);
    char *label = pb_xasprintf("undo #%lld (%s)", (long long)id, what);
    free(what);
    enum pb_status s = pb_change_begin(db, label, err);
    free(label);
    if (s != PB_OK)
        return s;
    int64_t me = pb_change_last(db);
    st = sql_prepare(db, "UPDATE changes SET undoes = :id WHERE id = :me", err);
    if (!st) {
        s = err ? err->status : PB_ERR_INTERNAL;
    } else {
        sql_bind_int(st, ":id", id);
        sql_bind_int(st, ":me", me);
        s = sql_run(db, st, err);
    }
    if (s == PB_OK)
        s = undo_rows(db, id, err);
    s = pb_change_end(db, s, err);
    if (s == PB_OK && new_change)
        *new_change = pb_change_last(db);
    return s;
}
