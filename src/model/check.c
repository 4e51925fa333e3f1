/*
 * `panelboard check`: SQLite's integrity check, the foreign keys, and the
 * panel's own rules that the schema cannot state.
 */
#include "sql.h"

#include <string.h>

static enum pb_status collect(struct pb_db *db, const char *sql, const char *ok_text,
                              const char *label, struct pb_buf *report, size_t *problems,
                              struct pb_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err);
    if (sqlite3_bind_parameter_index(st, ":today")) {
        char today[11];
        pb_date_format(db->today, today);
        sql_bind_text(st, ":today", today);
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = sql_text(st, 0);
        if (ok_text && text && strcmp(text, ok_text) == 0)
            continue;
        pb_buf_addf(report, "%s: %s\n", label, text ? text : "?");
        (*problems)++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return sql_fail(db, err);
    return PB_OK;
}

enum pb_status pb_db_check(struct pb_db *db, struct pb_buf *report, struct pb_error *err)
{
    static const struct {
        const char *label, *sql, *ok;
    } checks[] = {
        {"integrity", "PRAGMA integrity_check", "ok"},
        {"foreign key",
         "SELECT \"table\" || ' row ' || rowid || ' refers to a row of ' || parent "
         "|| ' that does not exist' FROM pragma_foreign_key_check",
         NULL},
        {"theme lead",
         "SELECT 'theme ' || t.id || ' is led by ' || m.id || ', who left on ' || m.left_on "
         "FROM themes t JOIN members m ON m.id = t.lead WHERE m.left_on IS NOT NULL "
         "AND m.left_on < :today",
         NULL},
        {"strategy",
         "WITH RECURSIVE up(start, id, depth) AS (SELECT id, parent, 1 FROM strategies "
         "WHERE parent IS NOT NULL UNION ALL SELECT up.start, s.parent, depth + 1 "
         "FROM up JOIN strategies s ON s.id = up.id WHERE s.parent IS NOT NULL AND depth < 1000) "
         "SELECT DISTINCT 'strategy ' || start || ' is its own ancestor' FROM up "
         "WHERE id = start",
         NULL},
        {"action", "SELECT 'action ' || id || ' has no owner' FROM actions WHERE owners_all = 0 "
                   "AND NOT EXISTS (SELECT 1 FROM action_owners o WHERE o.action = actions.id)",
         NULL},
    };
    size_t problems = 0;
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        enum pb_status s = collect(db, checks[i].sql, checks[i].ok, checks[i].label, report,
                                   &problems, err);
        if (s != PB_OK)
            return s;
    }
    if (problems)
        return pb_error_set(err, PB_ERR_DATA, "%zu problem%s found in %s", problems,
                            problems == 1 ? "" : "s", db->path);
    return PB_OK;
}
