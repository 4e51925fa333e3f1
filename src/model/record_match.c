/*
 * The row an id-less action or feedback item of a panel file is
 * (yaml-format.md, Keys): the action with the same title and meeting, the
 * feedback item with the same said and date, so that a hand-written file
 * imported twice does not double its rows.
 */
#include "record_match.h"
#include "sql.h"

#include <inttypes.h>

/* Ids named in the error when several rows match. */
#define MATCHES_NAMED 5

static void bind_value(sqlite3_stmt *st, const char *name, const struct pb_value *v)
{
    if (v->state == PB_VALUE_TEXT)
        sql_bind_text(st, name, v->text);
    else
        sql_bind_null(st, name);
}

enum pb_status record_match_unkeyed(struct pb_db *db, enum pb_kind kind,
                                    const struct pb_value *values, int64_t *id,
                                    struct pb_error *err)
{
    *id = 0;
    bool action = kind == PB_KIND_ACTION;
    if (!action && kind != PB_KIND_FEEDBACK)
        return PB_OK;
    /* both unset counts as the same: IS, not = */
    sqlite3_stmt *st = sql_prepare(
        db,
        action ? "SELECT id FROM actions WHERE title = :a AND meeting IS :b ORDER BY id LIMIT :n"
               : "SELECT id FROM feedback WHERE said = :a AND date IS :b ORDER BY id LIMIT :n",
        err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    bind_value(st, ":a", &values[pb_field_index(kind, action ? "title" : "said")]);
    bind_value(st, ":b", &values[pb_field_index(kind, action ? "meeting" : "date")]);
    sql_bind_int(st, ":n", MATCHES_NAMED + 1);
    struct pb_buf ids = {0};
    int rc, n = 0;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
        int64_t found = sqlite3_column_int64(st, 0);
        if (n < MATCHES_NAMED)
            pb_buf_addf(&ids, "%s#%" PRId64, n ? ", " : "", found);
        if (n++ == 0)
            *id = found;
    }
    sqlite3_reset(st);
    enum pb_status s = rc < 0 ? (err ? err->status : PB_ERR_INTERNAL) : PB_OK;
    if (s == PB_OK && n > 1) {
        *id = 0;
        s = pb_error_set(err, PB_ERR_DATA,
                         action ? "this action has no id, and actions %s%s have its title and "
                                  "meeting; give the id of the one it is"
                                : "this feedback has no id, and items %s%s have its said and "
                                  "date; give the id of the one it is",
                         ids.data, n > MATCHES_NAMED ? " and more" : "");
    }
    pb_buf_free(&ids);
    return s;
}
