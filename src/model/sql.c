/*
 * The statement cache and the small wrappers every model file uses to talk
 * to SQLite (see sql.h).
 */
#include "sql.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void sql_bug(const char *fmt, ...)
{
    va_list ap;
    fputs("panelboard: internal error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(70);
}

/* More copies of one statement in use at once than any nesting of ours
 * reaches: a caller left one stepping, and would leak a statement a call. */
#define SQL_MAX_COPIES 16

const char *sql_keep(struct pb_db *db, char *sql)
{
    if (db->n_owned_sql == db->cap_owned_sql) {
        db->cap_owned_sql = db->cap_owned_sql ? 2 * db->cap_owned_sql : 64;
        db->owned_sql = pb_xrealloc(db->owned_sql, db->cap_owned_sql * sizeof *db->owned_sql);
    }
    db->owned_sql[db->n_owned_sql++] = sql;
    return sql;
}

const char *sql_keep_unique(struct pb_db *db, char *sql)
{
    for (size_t i = 0; i < db->n_owned_sql; i++) {
        if (strcmp(db->owned_sql[i], sql) == 0) {
            free(sql);
            return db->owned_sql[i];
        }
    }
    return sql_keep(db, sql);
}

sqlite3_stmt *sql_prepare(struct pb_db *db, const char *sql, struct pb_error *err)
{
    int copies = 0;
    for (size_t i = 0; i < db->n_cache; i++) {
        if (db->cache[i].text != sql)
            continue;
        sqlite3_stmt *st = db->cache[i].stmt;
        /* Resetting a statement another caller is stepping would restart
         * its loop under it. */
        if (sqlite3_stmt_busy(st)) {
            copies++;
            continue;
        }
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return st;
    }
    if (copies >= SQL_MAX_COPIES) {
        pb_error_set(err, PB_ERR_INTERNAL, "%d copies of one statement left stepping: %s", copies,
                     sql);
        return NULL;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        /* A statement of ours that does not prepare is a bug, unless the
         * database is not ours or is locked while reading the schema. */
        sql_fail(db, err);
        return NULL;
    }
    if (db->n_cache == db->cap_cache) {
        db->cap_cache = db->cap_cache ? 2 * db->cap_cache : 128;
        db->cache = pb_xrealloc(db->cache, db->cap_cache * sizeof *db->cache);
    }
    db->cache[db->n_cache].text = sql;
    db->cache[db->n_cache].stmt = st;
    db->n_cache++;
    return st;
}

static int param(sqlite3_stmt *st, const char *name)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i == 0)
        sql_bug("no parameter %s in: %s", name, sqlite3_sql(st));
    return i;
}

void sql_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
    int i = param(st, name);
    if (value)
        sqlite3_bind_text(st, i, value, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

void sql_bind_textn(sqlite3_stmt *st, const char *name, const char *value, size_t len)
{
    sqlite3_bind_text64(st, param(st, name), value, len, SQLITE_TRANSIENT, SQLITE_UTF8);
}

void sql_bind_int(sqlite3_stmt *st, const char *name, int64_t value)
{
    sqlite3_bind_int64(st, param(st, name), value);
}

void sql_bind_null(sqlite3_stmt *st, const char *name)
{
    sqlite3_bind_null(st, param(st, name));
}

enum pb_status sql_fail(struct pb_db *db, struct pb_error *err)
{
    int code = sqlite3_extended_errcode(db->sql);
    const char *msg = sqlite3_errmsg(db->sql);
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return pb_error_set(err, PB_ERR_BUSY,
                            "%s: the database stayed busy (another writer) for %d s; try again",
                            db->path, db->busy_timeout_ms / 1000);
    case SQLITE_CONSTRAINT:
        return pb_error_set(err, PB_ERR_DATA, "%s", msg);
    case SQLITE_NOTADB:
        return pb_error_set(err, PB_ERR_DATA, "%s: not a panelboard database (%s)", db->path, msg);
    case SQLITE_CORRUPT:
        /* a database, and maybe ours: saying "not ours" would send its
         * keeper looking in the wrong place */
        return pb_error_set(err, PB_ERR_DATA,
                            "%s is damaged (%s): run panelboard check, and restore it from a backup",
                            db->path, msg);
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        return pb_error_set(err, PB_ERR_IO, "%s: %s", db->path, msg);
    default:
        /* the history's JSON written over by another program: bad data in
         * the file, not a fault of ours (check names the rows) */
        if (strstr(msg, "malformed JSON"))
            return pb_error_set(err, PB_ERR_DATA,
                                "%s is damaged (the history holds %s): run panelboard check",
                                db->path, msg);
        return pb_error_set(err, PB_ERR_INTERNAL, "%s: %s", db->path, msg);
    }
}

int sql_step(struct pb_db *db, sqlite3_stmt *st, struct pb_error *err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return rc;
    sql_fail(db, err);
    sqlite3_reset(st);
    return -1;
}

enum pb_status sql_run(struct pb_db *db, sqlite3_stmt *st, struct pb_error *err)
{
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW)
        ;
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? PB_OK : err ? err->status : PB_ERR_INTERNAL;
}

enum pb_status sql_exec(struct pb_db *db, const char *sql, struct pb_error *err)
{
    if (sqlite3_exec(db->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
        return sql_fail(db, err);
    return PB_OK;
}

enum pb_status sql_read_int(struct pb_db *db, const char *sql, int64_t *out, struct pb_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err);
    int rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(db, err);
    return PB_OK;
}

const char *sql_text(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

char *sql_text_dup(sqlite3_stmt *st, int col)
{
    const char *s = sql_text(st, col);
    return s ? pb_xstrndup(s, (size_t)sqlite3_column_bytes(st, col)) : NULL;
}
