/*
 * `panelboard check`: SQLite's integrity check, the foreign keys, the
 * panel's own rules that the schema cannot state, and the count tables
 * against a fresh count of the actions.
 */
#include "counts.h"
#include "derived.h"
#include "sql.h"

#include <stdlib.h>
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
        pb_date_format(pb_db_today(db), today);
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

/* One text column of one table: each value that the importer would refuse
 * (not UTF-8, or a control character other than newline and tab), which
 * only another program can have written and which an export would carry
 * to a re-import that fails. */
static enum pb_status check_column(struct pb_db *db, const char *table, const char *column,
                                   struct pb_buf *report, size_t *problems, struct pb_error *err)
{
    char *sql = sqlite3_mprintf("SELECT rowid, CAST(\"%w\" AS BLOB) FROM \"%w\" "
                                "WHERE typeof(\"%w\") = 'text'",
                                column, table, column);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK)
        return sql_fail(db, err);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = sqlite3_column_blob(st, 1);
        size_t len = (size_t)sqlite3_column_bytes(st, 1);
        if (!text || pb_visible_clean(text, len, true))
            continue;
        pb_buf_addf(report, "text: %s row %lld, %s, holds a control character or is not UTF-8; "
                    "its export would not import\n", table,
                    (long long)sqlite3_column_int64(st, 0), column);
        (*problems)++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PB_OK : sql_fail(db, err);
}

/* Every text column of the panel's tables (the history keeps what was
 * typed, file names included, and is shown through the sanitizer;
 * queue_owned and the count tables hold only copies of ids, dates and keys
 * from the actions). */
static enum pb_status check_text(struct pb_db *db, struct pb_buf *report, size_t *problems,
                                 struct pb_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT t.name, c.name FROM sqlite_schema t, pragma_table_info(t.name) c "
                           "WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite%' "
                           "AND t.name NOT IN ('changes', 'change_rows', 'queue_owned', "
                           "'action_counts', 'action_month_counts', 'action_day_counts') "
                           "AND c.type = 'TEXT' "
                           "ORDER BY t.name, c.cid",
                           -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err);
    enum pb_status s = PB_OK;
    int rc;
    while (s == PB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        char *table = sql_text_dup(st, 0), *column = sql_text_dup(st, 1);
        s = check_column(db, table, column, report, problems, err);
        free(table);
        free(column);
    }
    if (s == PB_OK && rc != SQLITE_DONE)
        s = sql_fail(db, err);
    sqlite3_finalize(st);
    return s;
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
        {"history",
         "SELECT 'change ' || change || ' (row ' || id || ') holds damaged JSON' FROM change_rows "
         /* CASE, because json_type() of damaged JSON is an error, not false */
         "WHERE CASE WHEN before IS NULL THEN 0 WHEN json_valid(before) "
         "THEN json_type(before) != 'object' ELSE 1 END "
         "OR CASE WHEN after IS NULL THEN 0 WHEN json_valid(after) "
         "THEN json_type(after) != 'object' ELSE 1 END",
         NULL},
        {"action", "SELECT 'action ' || id || ' has no owner' FROM actions WHERE owners_all = 0 "
                   "AND NOT EXISTS (SELECT 1 FROM action_owners o WHERE o.action = actions.id)",
         NULL},
        /* queue_owned is derived from these two (schema_queue.sql) */
        {"queue",
         "WITH owned(member, due, action) AS (" QUEUE_OWNED_ROWS ") "
         "SELECT 'action ' || action || ' is missing from the queue of ' || member "
         "FROM (SELECT * FROM owned EXCEPT SELECT * FROM queue_owned) "
         "UNION ALL SELECT 'action ' || action || ' is in the queue of ' || member "
         "|| ', who does not own it' FROM (SELECT * FROM queue_owned EXCEPT SELECT * FROM owned)",
         NULL},
        /* what the dashboard shows must be what the actions hold: a count
         * table written by another program, or with its triggers dropped,
         * would drift */
        {"counts", COUNTS_CHECK_STATUS, NULL},
        {"counts", COUNTS_CHECK_MONTH, NULL},
        {"counts", COUNTS_CHECK_DAY, NULL},
    };
    size_t problems = 0;
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        enum pb_status s = collect(db, checks[i].sql, checks[i].ok, checks[i].label, report,
                                   &problems, err);
        if (s != PB_OK)
            return s;
    }
    enum pb_status s = check_text(db, report, &problems, err);
    if (s != PB_OK)
        return s;
    if (problems)
        return pb_error_set(err, PB_ERR_DATA, "%zu problem%s found in %s", problems,
                            problems == 1 ? "" : "s", db->path);
    return PB_OK;
}
