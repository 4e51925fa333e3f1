/*
 * A bulk load: the rows a change adds are recorded in the history at once
 * at its end, one INSERT ... SELECT per table, instead of one trigger
 * firing per row. The triggers skip a row whose rowid is above its table's
 * mark in bulk_marks (schema 7), the last rowid before the load; rows that
 * were there before are recorded by the triggers as usual. What lands in
 * change_rows is what the triggers would have written (an after-image per
 * row added), so undo, redo, the history and the action log read it the
 * same. At 20,000 actions the capture costs a fifth of the triggers.
 */
#include "derived.h"
#include "migrate.h"

#include <stdlib.h>

/* What a load reads while it writes: an id-less action's match, a row's
 * list and an action's updates (record.c, record_match.c). */
static const char keep_indexes[] = "'actions_by_meeting_title', 'action_owners_in_order',"
                                   " 'updates_by_action'";

enum pb_status pb_bulk_expect_actions(struct pb_db *db, size_t n, struct pb_error *err)
{
    if (n < PB_BULK_MIN_ROWS || db->bulk_indexes)
        return PB_OK;
    int64_t held = 0;
    enum pb_status s = sql_read_int(db, "SELECT count(*) FROM actions", &held, err);
    if (s != PB_OK || (int64_t)n <= held)
        return s;
    char *sql = pb_xasprintf("SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                             " AND tbl_name IN ('actions', 'action_owners', 'updates')"
                             " AND sql IS NOT NULL AND name NOT IN (%s) ORDER BY name",
                             keep_indexes);
    sqlite3_stmt *st = sql_prepare(db, sql_keep(db, sql), err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    struct pb_buf drop = {0}, create = {0};
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
        pb_buf_addf(&drop, "DROP INDEX \"%s\";", (const char *)sqlite3_column_text(st, 0));
        pb_buf_addf(&create, "%s;", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_reset(st);
    s = rc < 0 ? (err ? err->status : PB_ERR_INTERNAL) : PB_OK;
    if (s == PB_OK && drop.len)
        s = sql_exec(db, drop.data, err);
    pb_buf_free(&drop);
    /* and the derived tables' triggers wait for derived_rebuild */
    if (s == PB_OK)
        s = sql_exec(db, "INSERT INTO bulk_marks (tbl, mark) VALUES ('" DERIVED_MARK "', 0)", err);
    if (s == PB_OK && create.len)
        db->bulk_indexes = pb_buf_take(&create);
    else
        pb_buf_free(&create);
    return s;
}

enum pb_status pb_bulk_begin(struct pb_db *db, struct pb_error *err)
{
    if (db->change_depth == 0)
        return pb_error_set(err, PB_ERR_INTERNAL, "a bulk load needs a change");
    /* a load rolled back took its dropped indexes back with it */
    free(db->bulk_indexes);
    db->bulk_indexes = NULL;
    enum pb_status s = PB_OK;
    for (size_t t = 0; history_tables[t] && s == PB_OK; t++) {
        char *sql = pb_xasprintf("INSERT INTO bulk_marks (tbl, mark)"
                                 " SELECT '%s', coalesce(max(rowid), 0) FROM \"%s\"",
                                 history_tables[t], history_tables[t]);
        s = sql_exec(db, sql, err);
        free(sql);
    }
    return s;
}

enum pb_status pb_bulk_end(struct pb_db *db, struct pb_error *err)
{
    enum pb_status s = PB_OK;
    for (size_t t = 0; history_tables[t] && s == PB_OK; t++) {
        const char *table = history_tables[t];
        char *image = history_json_expr(db, table, "r", err);
        if (!image)
            return err ? err->status : PB_ERR_INTERNAL;
        char *sql = pb_xasprintf(
            "INSERT INTO change_rows (change, tbl, row_id, before, after)"
            " SELECT %lld, '%s', r.rowid, NULL, %s FROM \"%s\" r"
            " WHERE r.rowid > (SELECT mark FROM bulk_marks WHERE tbl = '%s') ORDER BY r.rowid",
            (long long)db->change_id, table, image, table, table);
        s = sql_exec(db, sql, err);
        free(sql);
        free(image);
    }
    /* whether pb_bulk_expect_actions silenced the derived tables' triggers */
    int64_t silenced = 0;
    if (s == PB_OK)
        s = sql_read_int(db,
                         "SELECT EXISTS (SELECT 1 FROM bulk_marks WHERE tbl = '" DERIVED_MARK "')",
                         &silenced, err);
    if (s == PB_OK && silenced)
        s = derived_rebuild(db, err);
    if (s == PB_OK)
        s = sql_exec(db, "DELETE FROM bulk_marks", err);
    if (s == PB_OK && db->bulk_indexes)
        s = sql_exec(db, db->bulk_indexes, err);
    free(db->bulk_indexes);
    db->bulk_indexes = NULL;
    return s;
}
