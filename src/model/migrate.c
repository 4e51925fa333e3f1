/*
 * Creating and upgrading the schema. Version 1 is schema.sql plus the
 * history triggers, which are generated here from the tables' own column
 * lists so that they can never fall out of step with the schema; version 2
 * (schema_2.sql) adds agenda items, attendance and declarations, version 3
 * adds the indexes the dashboard's pages read through, version 4 those of
 * undo and redo by who, version 5 the one a queue reads through, version 6
 * the login behind each change (schema_login.sql), version 7 what a bulk
 * load needs (bulk.c), version 8 what a queue reads, kept in its order
 * (schema_queue.sql), version 9 the actions counted (schema_counts.sql,
 * counts.c).
 */
#include "migrate.h"

#include "counts.h"

#include <stdlib.h>
#include <string.h>

extern const char pb_schema_sql[];
extern const char pb_schema_2_sql[];
extern const char pb_schema_login_sql[];
extern const char pb_schema_queue_sql[];

/* "PBRD": tells our databases from other SQLite files. */
#define PB_APPLICATION_ID 0x50425244

/* The tables of each version: a step creates the history triggers of the
 * tables it adds or changes. */
static const char *const v1_tables[] = {
    "panel",    "members",   "co_options", "themes",  "theme_subgroup", "strategies",
    "strategy_priorities",   "meetings",   "decisions", "questions",    "actions",
    "action_owners", "updates", "feedback", NULL,
};

static const char *const v2_changed_tables[] = {"meetings", "actions", NULL};
static const char *const v2_new_tables[] = {
    "meeting_present", "meeting_apologies", "declarations", "items", "item_documents",
    "item_decisions",  "item_questions",    NULL,
};

const char *const history_tables[] = {
    "panel",    "members",   "co_options", "themes",  "theme_subgroup", "strategies",
    "strategy_priorities",   "meetings",   "meeting_present", "meeting_apologies",
    "declarations", "items", "item_documents", "item_decisions", "item_questions",
    "decisions", "questions",    "actions",
    "action_owners", "updates", "feedback", NULL,
};

char *history_json_expr(struct pb_db *db, const char *table, const char *prefix,
                        struct pb_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1,
                           &st, NULL) != SQLITE_OK) {
        sql_fail(db, err);
        return NULL;
    }
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    struct pb_buf b = {0};
    pb_buf_puts(&b, "json_object(");
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(st, 0);
        pb_buf_addf(&b, "%s'%s', %s.\"%s\"", n++ ? ", " : "", col, prefix, col);
    }
    sqlite3_finalize(st);
    pb_buf_puts(&b, ")");
    if (n == 0) {
        pb_buf_free(&b);
        pb_error_set(err, PB_ERR_INTERNAL, "no table %s", table);
        return NULL;
    }
    return pb_buf_take(&b);
}

static const char *const events[] = {"INSERT", "UPDATE", "DELETE"};

/* With bulk_aware (schema 7 on), a trigger stays quiet for the rows a bulk
 * load adds (bulk.c), which it records at once at the end. */
static enum pb_status create_triggers(struct pb_db *db, const char *const tables[], bool bulk_aware,
                                      struct pb_error *err)
{
    for (size_t t = 0; tables[t]; t++) {
        const char *table = tables[t];
        char *new_img = history_json_expr(db, table, "NEW", err);
        char *old_img = history_json_expr(db, table, "OLD", err);
        if (!new_img || !old_img) {
            free(new_img);
            free(old_img);
            return err ? err->status : PB_ERR_INTERNAL;
        }
        enum pb_status s = PB_OK;
        for (size_t e = 0; e < 3 && s == PB_OK; e++) {
            bool ins = e == 0, del = e == 2;
            const char *row = del ? "OLD" : "NEW";
            char *when = bulk_aware ? pb_xasprintf(" WHEN NOT EXISTS (SELECT 1 FROM bulk_marks"
                                                   " WHERE tbl = '%s' AND %s.rowid > mark)",
                                                   table, row)
                                    : pb_xstrdup("");
            char *sql = pb_xasprintf(
                "CREATE TRIGGER %s_history_%c AFTER %s ON %s%s BEGIN "
                "INSERT INTO change_rows (change, tbl, row_id, before, after) VALUES "
                "((SELECT max(id) FROM changes), '%s', %s.rowid, %s, %s); END;",
                table, events[e][0] + 32, events[e], table, when, table, row,
                ins ? "NULL" : old_img, del ? "NULL" : new_img);
            free(when);
            s = sql_exec(db, sql, err);
            free(sql);
        }
        free(new_img);
        free(old_img);
        if (s != PB_OK)
            return s;
    }
    return PB_OK;
}

/* A table that gains columns needs triggers that copy them too. */
static enum pb_status drop_history_triggers(struct pb_db *db, const char *const tables[],
                                            struct pb_error *err)
{
    enum pb_status s = PB_OK;
    for (size_t t = 0; tables[t] && s == PB_OK; t++)
        for (size_t e = 0; e < 3 && s == PB_OK; e++) {
            char *sql = pb_xasprintf("DROP TRIGGER IF EXISTS %s_history_%c;", tables[t],
                                     events[e][0] + 32);
            s = sql_exec(db, sql, err);
            free(sql);
        }
    return s;
}

static enum pb_status step_1(struct pb_db *db, struct pb_error *err)
{
    enum pb_status s = sql_exec(db, pb_schema_sql, err);
    if (s == PB_OK)
        s = create_triggers(db, v1_tables, false, err);
    return s;
}

/* Agenda items, attendance, declarations, an action's item and the day a
 * change counts for (schema_2.sql). */
static enum pb_status step_2(struct pb_db *db, struct pb_error *err)
{
    enum pb_status s = sql_exec(db, pb_schema_2_sql, err);
    if (s == PB_OK)
        s = drop_history_triggers(db, v2_changed_tables, err);
    if (s == PB_OK)
        s = create_triggers(db, v2_changed_tables, false, err);
    if (s == PB_OK)
        s = create_triggers(db, v2_new_tables, false, err);
    return s;
}

/* The dashboard's pages read each list in display order from an index
 * that is already in that order, starting next to the key of a row the
 * reader has (page.h), so that no page query scans a table or sorts. The
 * partial indexes hold only the actions still open or in progress, which
 * are what overdue counts and queues look at; their WHERE must be written
 * the same way in the queries that use them. */
static enum pb_status step_page_indexes(struct pb_db *db, struct pb_error *err)
{
    return sql_exec(
        db,
        "CREATE INDEX actions_by_theme_id ON actions (theme);"
        "CREATE INDEX actions_by_theme_due ON actions (theme, due);"
        "CREATE INDEX actions_by_status ON actions (status);"
        "CREATE INDEX actions_by_due ON actions (due);"
        "CREATE INDEX actions_live_by_id ON actions (id)"
        " WHERE status IN ('open', 'in-progress');"
        "CREATE INDEX actions_live_by_due ON actions (due)"
        " WHERE status IN ('open', 'in-progress');"
        "CREATE INDEX actions_live_by_theme_due ON actions (theme, due)"
        " WHERE status IN ('open', 'in-progress');"
        "CREATE INDEX actions_all_live ON actions (due)"
        " WHERE owners_all = 1 AND status IN ('open', 'in-progress');"
        /* (member, action) serves what (member) did, in action order */
        "DROP INDEX action_owners_by_member;"
        "CREATE INDEX action_owners_by_member ON action_owners (member, action);"
        "DROP INDEX themes_by_lead;"
        "CREATE INDEX themes_by_lead ON themes (lead, position);"
        /* an action's owners in the order given, for every row of a page */
        "CREATE INDEX action_owners_in_order ON action_owners (action, position);"
        "CREATE INDEX updates_by_author ON updates (by, date);"
        "CREATE INDEX change_rows_by_row ON change_rows (tbl, row_id, change);",
        err);
}

/* Undo and redo of "my latest change" walk one person's changes, newest
 * first, and each one's reversals (undo_mine.c): two indexes instead of a
 * scan of the whole history. */
static enum pb_status step_change_indexes(struct pb_db *db, struct pb_error *err)
{
    return sql_exec(db,
                    "CREATE INDEX changes_by_who ON changes (who, id);"
                    "CREATE INDEX changes_by_undoes ON changes (undoes);",
                    err);
}

/* A queue reads the live actions in (due, id) order and keeps those that
 * are everyone's, the member's or their theme's. Through actions_live_by_due
 * each live action cost a seek into the table to read owners_all and
 * theme; with both in the index only the actions kept are read (2.7 times
 * faster at 100,000 actions). */
static enum pb_status step_queue_index(struct pb_db *db, struct pb_error *err)
{
    return sql_exec(db,
                    "CREATE INDEX actions_live_queue ON actions (due, id, owners_all, theme)"
                    " WHERE status IN ('open', 'in-progress');",
                    err);
}

/* The real login beside --as in every change (schema_login.sql). The
 * history triggers need nothing new: changes is not a history table. */
static enum pb_status step_login(struct pb_db *db, struct pb_error *err)
{
    return sql_exec(db, pb_schema_login_sql, err);
}

/* A bulk load (an import) records the rows it adds at once at its end
 * (bulk.c), so every history trigger learns to skip them: bulk_marks holds,
 * while one runs, each table's last rowid before it. And an id-less action
 * of a file is found by its meeting and title (record_match.c): through
 * (meeting) alone each look-up read every action of the meeting. */
static enum pb_status step_bulk_load(struct pb_db *db, struct pb_error *err)
{
    enum pb_status s = sql_exec(db,
                                "CREATE TABLE bulk_marks (tbl TEXT PRIMARY KEY, mark INTEGER NOT NULL)"
                                " STRICT;"
                                "DROP INDEX actions_by_meeting;"
                                "CREATE INDEX actions_by_meeting_title ON actions (meeting, title);"
                                "CREATE INDEX feedback_by_date_said ON feedback (date, said);",
                                err);
    if (s == PB_OK)
        s = drop_history_triggers(db, history_tables, err);
    if (s == PB_OK)
        s = create_triggers(db, history_tables, true, err);
    return s;
}

/* A queue's own rows in its order, and the owners' index with the member
 * (schema_queue.sql). */
static enum pb_status step_queue_owned(struct pb_db *db, struct pb_error *err)
{
    return sql_exec(db, pb_schema_queue_sql, err);
}

/* The dashboard's counts (themes, leads, the status line) from tables the
 * triggers keep, instead of count(*)s that grow with the panel: at
 * 1,000,000 actions the themes' counts took 300 ms of the first frame, the
 * status line's 125 ms and the leads' seconds. Filled from the rows already
 * there. */
static enum pb_status step_counts(struct pb_db *db, struct pb_error *err)
{
    return counts_create(db, err);
}

static enum pb_status (*const steps[PB_SCHEMA_VERSION])(struct pb_db *, struct pb_error *) = {
    step_1,
    step_2,
    step_page_indexes,
    step_change_indexes,
    step_queue_index,
    step_login,
    step_bulk_load,
    step_queue_owned,
    step_counts,
};

static enum pb_status upgrade(struct pb_db *db, int64_t from, struct pb_error *err)
{
    for (int64_t v = from; v < PB_SCHEMA_VERSION; v++) {
        enum pb_status s = sql_exec(db, "BEGIN IMMEDIATE", err);
        if (s != PB_OK)
            return s;
        int64_t now;
        /* another process may have migrated while we waited for the lock */
        s = sql_read_int(db, "PRAGMA user_version", &now, err);
        if (s == PB_OK && now == v) {
            s = steps[v](db, err);
            if (s == PB_OK) {
                char *sql = pb_xasprintf("PRAGMA user_version = %lld; PRAGMA application_id = %d;",
                                         (long long)v + 1, PB_APPLICATION_ID);
                s = sql_exec(db, sql, err);
                free(sql);
            }
        }
        if (s == PB_OK)
            s = sql_exec(db, "COMMIT", err);
        if (s != PB_OK) {
            sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
            return s;
        }
    }
    return PB_OK;
}

enum pb_status migrate(struct pb_db *db, struct pb_error *err)
{
    int64_t version = 0, app_id = 0, tables = 0;
    /* One snapshot: read one by one, another process creating the same new
     * database between the reads would make it look like a stranger's. */
    enum pb_status s = sql_exec(db, "BEGIN", err);
    if (s == PB_OK)
        s = sql_read_int(db, "PRAGMA user_version", &version, err);
    if (s == PB_OK)
        s = sql_read_int(db, "PRAGMA application_id", &app_id, err);
    if (s == PB_OK)
        s = sql_read_int(db, "SELECT count(*) FROM sqlite_schema", &tables, err);
    sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
    if (s != PB_OK)
        return s;
    if (app_id == PB_APPLICATION_ID && version == 0)
        return pb_error_set(err, PB_ERR_DATA,
                            "%s is a panelboard database whose schema version (user_version) "
                            "has been reset to 0; it cannot be trusted: restore it from a backup",
                            db->path);
    if (app_id != PB_APPLICATION_ID && (app_id != 0 || version != 0 || tables != 0))
        return pb_error_set(err, PB_ERR_DATA,
                            "%s is not a panelboard database (it is another SQLite file)",
                            db->path);
    if (version > PB_SCHEMA_VERSION)
        return pb_error_set(err, PB_ERR_TOO_NEW,
                            "%s was written by a newer panelboard (schema %lld; this program "
                            "knows %d): upgrade panelboard to use it",
                            db->path, (long long)version, PB_SCHEMA_VERSION);
    bool read_only = sqlite3_db_readonly(db->sql, "main") == 1;
    if (version < PB_SCHEMA_VERSION && read_only)
        return pb_error_set(err, PB_ERR_IO,
                            "%s needs upgrading to schema %d, but it is read-only here",
                            db->path, PB_SCHEMA_VERSION);
    if (read_only)
        return PB_OK;
    if (version < PB_SCHEMA_VERSION) {
        s = upgrade(db, version, err);
        if (s != PB_OK)
            return s;
    }
    /* WAL lets the dashboard read while another process writes. Set once:
     * setting it again on every open would need the -shm file, which a
     * read-only folder refuses, and a lock that a busy database refuses. */
    sqlite3_stmt *st = NULL;
    bool wal = false;
    if (sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        wal = sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
    sqlite3_finalize(st);
    return wal ? PB_OK : sql_exec(db, "PRAGMA journal_mode = WAL;", err);
}
