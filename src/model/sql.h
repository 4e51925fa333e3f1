/*
 * The one door to SQLite, inside the model: the connection, prepared
 * statements cached per connection, binding by parameter name (a wrong name
 * is a bug and stops the program loudly), stepping with SQLite's errors
 * turned into pb_error values.
 */
#ifndef PANELBOARD_SQL_H
#define PANELBOARD_SQL_H

#include "columns.h"

#include <sqlite3.h>

/* A statement record.c builds at run time, and where each of its named
 * parameters is (record.c's parameter numbers; 0: not in the statement),
 * so that binding does not search the names for every row. */
#define RECORD_PARAMS    (COLUMNS_MAX + 7)
#define RECORD_ROW_USES  7
#define RECORD_LIST_USES 4
struct record_stmt {
    const char *sql;
    bool resolved; /* param[] filled in */
    unsigned char param[RECORD_PARAMS];
};

/* A cached statement, keyed by pointer: a literal or a string kept below.
 * One text may have several, one per caller stepping it at the same time. */
struct sql_cached {
    const char *text;
    sqlite3_stmt *stmt;
};

struct pb_db {
    sqlite3 *sql;
    char *path;
    bool created;
    char *who;
    char *login; /* the process's account, from its user id */
    pb_day today;
    bool today_pinned;     /* pb_db_set_today was called: else today is the clock's */
    bool has_on_day;       /* pb_db_set_on_day */
    pb_day on_day;
    int busy_timeout_ms;
    int change_depth;    /* nesting of pb_change_begin */
    bool change_failed;  /* an inner part of the change failed */
    bool reading;        /* inside pb_read_begin */
    int64_t change_id;   /* the change in progress, or the last one */
    int64_t own_commits; /* for pb_db_data_version */
    struct sql_cached *cache;
    size_t n_cache, cap_cache;
    char **owned_sql; /* SQL built at run time (record.c, the pages) */
    size_t n_owned_sql, cap_owned_sql;
    /* record.c's statements: by kind and use, and by kind, list field and use */
    struct record_stmt record_stmts[PB_KIND_COUNT][RECORD_ROW_USES];
    struct record_stmt list_stmts[PB_KIND_COUNT][COLUMNS_MAX][RECORD_LIST_USES];
    bool put_found[PB_KIND_COUNT];    /* record.c: the last put of the kind found its row */
    /* record.c: the row of each kind the change in progress added last */
    int64_t added_rowid[PB_KIND_COUNT];
    int batch_columns[PB_KIND_COUNT]; /* record.c: parameters a row of a batch insert takes */
    char *bulk_indexes; /* bulk.c: the CREATE INDEX statements pb_bulk_end runs again */
};

/* A cached statement, reset and with its bindings cleared, that nobody is
 * stepping: when the cached one is in the middle of a caller's loop (a
 * listing's callback reading the same thing), another one is prepared and
 * cached beside it. NULL on error. */
sqlite3_stmt *sql_prepare(struct pb_db *db, const char *sql, struct pb_error *err);
/* Keep a run-time built SQL string for the life of the connection, so it
 * can key the cache; returns the kept copy. */
const char *sql_keep(struct pb_db *db, char *sql);
/* The same for SQL built afresh on each call (the pages' variants): an
 * equal text kept before is returned instead, and sql is freed. */
const char *sql_keep_unique(struct pb_db *db, char *sql);

void sql_bind_text(sqlite3_stmt *st, const char *name, const char *value); /* NULL binds NULL */
void sql_bind_textn(sqlite3_stmt *st, const char *name, const char *value, size_t len);
void sql_bind_int(sqlite3_stmt *st, const char *name, int64_t value);
void sql_bind_null(sqlite3_stmt *st, const char *name);

/* SQLITE_ROW or SQLITE_DONE, or -1 with err filled. */
int sql_step(struct pb_db *db, sqlite3_stmt *st, struct pb_error *err);
/* Steps a statement that returns no rows (or ignores them). */
enum pb_status sql_run(struct pb_db *db, sqlite3_stmt *st, struct pb_error *err);
/* Runs SQL text of one or more statements, uncached (schema, pragmas). */
enum pb_status sql_exec(struct pb_db *db, const char *sql, struct pb_error *err);
/* The first column of the first row of one statement, uncached (a pragma,
 * a count); 0 when it returns no row. */
enum pb_status sql_read_int(struct pb_db *db, const char *sql, int64_t *out, struct pb_error *err);
/* Turns the connection's current SQLite error into a status and message. */
enum pb_status sql_fail(struct pb_db *db, struct pb_error *err);

/* Column text as a C string, NULL for SQL NULL. */
const char *sql_text(sqlite3_stmt *st, int col);
char *sql_text_dup(sqlite3_stmt *st, int col);

/* A bug in panelboard itself: print and exit 70. */
_Noreturn void sql_bug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
