/*
 * The model's public face: opening a panel's database, and changes.
 *
 * Every write goes through a change: pb_change_begin takes the write lock
 * (BEGIN IMMEDIATE, waiting out a busy database up to the timeout), the
 * writes record their before and after images in the history, and
 * pb_change_end commits all of it as one history entry or rolls all of it
 * back. Changes nest: an inner begin/end pair joins the outer change, so a
 * typed operation called on its own is atomic, and called inside an import
 * it is part of the import.
 */
#ifndef PANELBOARD_MODEL_H
#define PANELBOARD_MODEL_H

#include <panelboard/base.h>
#include <panelboard/error.h>

#include <stdbool.h>
#include <stdint.h>

struct pb_db;

/* The schema version this program writes (PRAGMA user_version). */
#define PB_SCHEMA_VERSION 9
#define PB_BUSY_TIMEOUT_MS 5000

struct pb_db_options {
    const char *path;     /* the database file */
    bool shared;          /* create group-shared (0660, folder 2770), else owner-only */
    bool must_exist;      /* refuse to create it (PB_ERR_NO_INPUT) */
    int busy_timeout_ms;  /* 0: PB_BUSY_TIMEOUT_MS */
};

/* Opens (creating the file and its folder where missing) and migrates the
 * database. A database written by a newer program: PB_ERR_TOO_NEW, and
 * nothing is touched. */
enum pb_status pb_db_open(const struct pb_db_options *options, struct pb_db **out,
                          struct pb_error *err);
void pb_db_close(struct pb_db *db);
const char *pb_db_path(const struct pb_db *db);
/* True when the file could be opened only for reading (its mode or its
 * owner forbids writing): every change is then refused. */
bool pb_db_read_only(const struct pb_db *db);
/* True when pb_db_open created the file. */
bool pb_db_was_created(const struct pb_db *db);

/* Who is making changes (a member id, or NULL): recorded in the history. */
void pb_db_set_who(struct pb_db *db, const char *member_id);
const char *pb_db_who(const struct pb_db *db);

/* Today, for "overdue" and for the dates the model writes itself (an update
 * added by `done`). Defaults to pb_date_today(); tests pin it. */
void pb_db_set_today(struct pb_db *db, pb_day today);
pb_day pb_db_today(const struct pb_db *db);

/* The day the changes that follow count for, when it is not today
 * (`--on DATE`): what an officer types up after a meeting counts as the
 * meeting's. It dates the updates the model writes and is kept with each
 * change (the minutes read it); the history still records when the change
 * was made. NULL: back to today. */
void pb_db_set_on_day(struct pb_db *db, const pb_day *day);
/* The day work counts for: the day set by pb_db_set_on_day, else today. */
pb_day pb_db_work_day(const struct pb_db *db);

/* Changes on disk made by anyone since the last call returned a different
 * number: the dashboard polls it to refresh live (PRAGMA data_version plus
 * our own commits). */
int64_t pb_db_data_version(struct pb_db *db);

/* Integrity: SQLite's own check, foreign keys, and the panel's rules. Each
 * problem found is appended to report as one line; PB_OK means sound. */
enum pb_status pb_db_check(struct pb_db *db, struct pb_buf *report, struct pb_error *err);

/* Refreshes the planner's statistics (ANALYZE): after a bulk load, so
 * that the plans follow the panel's new shape. Inside a change it lands or rolls back with it. */
enum pb_status pb_db_analyze(struct pb_db *db, struct pb_error *err);
/* A consistent copy of the whole database in path (SQLite's online backup,
 * one snapshot while others write), synced, opened and checked before it
 * replaces path; on failure path is left as it was. */
enum pb_status pb_db_backup(struct pb_db *db, const char *path, struct pb_error *err);

/* One change = one transaction = one history entry. `what` says what it was
 * ("import example.yaml", "done #7"). A change that ends up writing nothing
 * leaves no history entry. */
enum pb_status pb_change_begin(struct pb_db *db, const char *what, struct pb_error *err);
/* Commits when status is PB_OK, else rolls back; returns status, or the
 * commit's failure. Use as: `return pb_change_end(db, st, err);` */
enum pb_status pb_change_end(struct pb_db *db, enum pb_status status, struct pb_error *err);
/* A bulk load inside the change in progress (an import): the rows it adds
 * are recorded in the history at once by pb_bulk_end, each as the history
 * triggers would have recorded it, rather than row by row; rows that were
 * there before are recorded as usual. Call pb_bulk_end before the change
 * ends; a change rolled back takes the load's marks with it. */
enum pb_status pb_bulk_begin(struct pb_db *db, struct pb_error *err);
/* The load is about to add n actions. When that is more than the panel
 * holds (and at least PB_BULK_MIN_ROWS), the indexes the dashboard reads
 * actions through are dropped, and the tables derived from the actions
 * (the queues' rows, the counts) left alone, until pb_bulk_end builds them
 * all again: sorted once, rather than kept in order row by row. The
 * indexes a load looks rows up by stay. */
#define PB_BULK_MIN_ROWS 10000
enum pb_status pb_bulk_expect_actions(struct pb_db *db, size_t n, struct pb_error *err);
enum pb_status pb_bulk_end(struct pb_db *db, struct pb_error *err);
/* Rolls back the whole change in progress (outermost included) and ends
 * it: what --dry-run uses after doing all the work. */
void pb_change_cancel(struct pb_db *db);
/* The id of the change in progress, or of the last committed one (0: none). */
int64_t pb_change_last(const struct pb_db *db);
/* True when the change in progress has written a row so far. */
bool pb_change_dirty(struct pb_db *db);

/* A consistent view for reading several tables (an export): between
 * begin and end, other processes' commits are not seen. Inside a change it
 * does nothing (the change already is one). */
enum pb_status pb_read_begin(struct pb_db *db, struct pb_error *err);
void pb_read_end(struct pb_db *db);

/* History, newest first. Each entry is one change; its rows are the before
 * and after images (JSON objects, NULL for an insert's before or a delete's
 * after). */
struct pb_history_row {
    const char *table;
    int64_t row_id;
    const char *key; /* the row's id as people know it ("thirkill", "#7"), or NULL */
    const char *before;
    const char *after;
};
struct pb_history_entry {
    int64_t id;
    const char *at;     /* "YYYY-MM-DD HH:MM:SS.UUUUUU" UTC (older: to the second) */
    const char *on_day; /* "YYYY-MM-DD": the day it counts for (older: NULL, `at`'s day) */
    const char *who;   /* NULL when nobody said --as */
    const char *login; /* the account that made it; NULL before schema 4 */
    const char *what;
    int64_t undoes;    /* 0, or the change this one reversed */
    const struct pb_history_row *rows;
    size_t n_rows;
};
typedef enum pb_status (*pb_history_fn)(const struct pb_history_entry *entry, void *ctx,
                                        struct pb_error *err);
enum pb_status pb_history_each(struct pb_db *db, int64_t limit, pb_history_fn fn, void *ctx,
                               struct pb_error *err);

/* Reverses change `id`: every row it touched is put back as it was before
 * (rows inserted are deleted, deleted rows come back with their ids, updated
 * rows get their old fields and a new revision). The reversal is a change of
 * its own, recorded in the history with `undoes` = id, so it can be undone
 * too (redo). *new_change receives its id (may be NULL). A row that has
 * been changed again since is refused with PB_ERR_CONFLICT. */
enum pb_status pb_change_undo(struct pb_db *db, int64_t id, int64_t *new_change,
                              struct pb_error *err);

#endif
