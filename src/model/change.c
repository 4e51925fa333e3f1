/*
 * Changes: one transaction and one history entry each. The write lock is
 * taken up front (BEGIN IMMEDIATE) so that a busy database is found before
 * any work is done, and waited out up to the busy timeout.
 */
#include "sql.h"

#include <string.h>

enum pb_status pb_change_begin(struct pb_db *db, const char *what, struct pb_error *err)
{
    if (db->change_depth++ > 0)
        return PB_OK;
    db->change_failed = false;
    memset(db->added_rowid, 0, sizeof db->added_rowid);
    enum pb_status s = sql_exec(db, "BEGIN IMMEDIATE", err);
    if (s != PB_OK) {
        db->change_depth = 0;
        return s;
    }
    /* Rows may name rows that the same change adds later (an import's
     * forward references): check foreign keys at commit. */
    s = sql_exec(db, "PRAGMA defer_foreign_keys = ON", err);
    char at[32];
    pb_now_format(at, sizeof at);
    sqlite3_stmt *st = s == PB_OK ? sql_prepare(db,
        "INSERT INTO changes (at, who, login, what, on_day) "
        "VALUES (:at, :who, :login, :what, :on_day)", err) : NULL;
    if (st) {
        /* The day the change counts for: the day --on names, else today as
         * the panel sees it (PANELBOARD_TODAY may pin it); at is the real
         * clock, always. */
        char on_day[11];
        pb_date_format(pb_db_work_day(db), on_day);
        sql_bind_text(st, ":at", at);
        sql_bind_text(st, ":who", db->who);
        sql_bind_text(st, ":login", db->login);
        sql_bind_text(st, ":on_day", on_day);
        sql_bind_text(st, ":what", what);
        s = sql_run(db, st, err);
    } else if (s == PB_OK) {
        s = err ? err->status : PB_ERR_INTERNAL;
    }
    if (s != PB_OK) {
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
        db->change_depth = 0;
        return s;
    }
    db->change_id = sqlite3_last_insert_rowid(db->sql);
    return PB_OK;
}

bool pb_change_dirty(struct pb_db *db)
{
    sqlite3_stmt *st = sql_prepare(db,
        "SELECT EXISTS (SELECT 1 FROM change_rows WHERE change = :id)", NULL);
    if (!st)
        return true;
    sql_bind_int(st, ":id", db->change_id);
    bool dirty = sql_step(db, st, NULL) == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return dirty;
}

void pb_change_cancel(struct pb_db *db)
{
    if (db->change_depth == 0)
        return;
    sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    db->change_depth = 0;
    db->change_failed = false;
}

static enum pb_status commit(struct pb_db *db, struct pb_error *err)
{
    enum pb_status s = PB_OK;
    bool empty = !pb_change_dirty(db);
    if (empty) {
        /* Nothing changed: leave no empty entry in the history. */
        sqlite3_stmt *st = sql_prepare(db, "DELETE FROM changes WHERE id = :id", err);
        if (!st)
            return err ? err->status : PB_ERR_INTERNAL;
        sql_bind_int(st, ":id", db->change_id);
        s = sql_run(db, st, err);
    }
    if (s == PB_OK && sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int code = sqlite3_extended_errcode(db->sql);
        if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
            s = pb_error_set(err, PB_ERR_DATA,
                             "the change names a row that does not exist (foreign key)");
        else
            s = sql_fail(db, err);
    }
    if (s == PB_OK) {
        db->own_commits++;
        if (empty)
            db->change_id = 0; /* nothing to show or undo */
    }
    return s;
}

enum pb_status pb_change_end(struct pb_db *db, enum pb_status status, struct pb_error *err)
{
    if (db->change_depth == 0)
        return status;
    if (status != PB_OK)
        db->change_failed = true;
    if (--db->change_depth > 0)
        return status;
    if (!db->change_failed) {
        status = commit(db, err);
        if (status == PB_OK)
            return PB_OK;
    }
    sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    db->change_failed = false;
    return status;
}

int64_t pb_change_last(const struct pb_db *db)
{
    return db->change_id;
}

enum pb_status pb_read_begin(struct pb_db *db, struct pb_error *err)
{
    if (db->change_depth > 0 || db->reading)
        return PB_OK;
    enum pb_status s = sql_exec(db, "BEGIN DEFERRED", err);
    db->reading = s == PB_OK;
    return s;
}

void pb_read_end(struct pb_db *db)
{
    if (!db->reading)
        return;
    sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
    db->reading = false;
}
