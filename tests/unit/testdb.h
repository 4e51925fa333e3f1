/*
 * A real database in a temporary folder of its own, for the unit tests that
 * work on SQLite files: made in setup, removed with everything in it in
 * teardown. Each call fails the running test when anything goes wrong.
 */
#ifndef PANELBOARD_TESTDB_H
#define PANELBOARD_TESTDB_H

#include <panelboard/panelfile.h>

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

struct testdb {
    char dir[PATH_MAX];  /* the temporary folder, under $TMPDIR or /tmp */
    char path[PATH_MAX]; /* the database file in it */
    struct pb_db *db;
    int n_others; /* databases testdb_open_another has made */
};

/* Undoes schema version 9 (the count tables, their view and triggers),
 * for the tests that take a database back to an older version. */
#define TESTDB_DROP_COUNTS                                                                         \
    "DROP TRIGGER actions_counts_i; DROP TRIGGER actions_counts_d; DROP TRIGGER actions_counts_u;" \
    "DROP TRIGGER action_owners_counts_i; DROP TRIGGER action_owners_counts_d;"                    \
    "DROP TRIGGER action_owners_counts_u; DROP VIEW action_count_changes;"                         \
    "DROP TABLE action_counts; DROP TABLE action_month_counts; DROP TABLE action_day_counts;"

/* Makes the folder and opens dir/panel.db in it, today ("YYYY-MM-DD")
 * pinned; NULL leaves the clock alone. */
void testdb_open(struct testdb *t, const char *today);
/* The same with the database at dir/relative (pb_db_open makes its folder). */
void testdb_open_at(struct testdb *t, const char *relative, const char *today);
/* Another empty database in the same folder; the caller closes it. */
struct pb_db *testdb_open_another(struct testdb *t, const char *today);
/* Closes t->db (NULL is fine) and removes the folder and all in it. */
void testdb_close(struct testdb *t);

/* Takes the closed database at path back to schema version 6, as the
 * release before the bulk load made it: TESTDB_DROP_COUNTS and
 * TESTDB_BACK_TO_VERSION_7, then
 * history triggers without their WHEN, no bulk_marks, the id-less actions
 * found through (meeting). */
void testdb_back_to_version_6(const char *path);

/* One number from the database file at path (sql's first column), read
 * by a connection of its own beside the program's. */
int64_t testdb_count(const char *path, const char *sql);

/* Imports text as the panel file `name`; any error is printed and fails the test. */
void testdb_import_text(struct pb_db *db, const char *name, const char *text);
/* A pb_import_error_fn that prints each error found to the test's output. */
void testdb_print_import_error(const struct pb_error *err, void *ctx);
/* How many entries the history holds. */
size_t testdb_history_entries(struct pb_db *db);

/* SQL that takes a database of version 8's schema back to version 7's
 * (queue_owned and its indexes undone). */
#define TESTDB_BACK_TO_VERSION_7                                                                   \
    "DROP TRIGGER queue_owned_owner_i; DROP TRIGGER queue_owned_owner_d;"                          \
    "DROP TRIGGER queue_owned_owner_u; DROP TRIGGER queue_owned_action_i;"                         \
    "DROP TRIGGER queue_owned_action_d; DROP TRIGGER queue_owned_action_u;"                        \
    "DROP TABLE queue_owned; DROP INDEX action_owners_in_order;"                                   \
    "CREATE INDEX action_owners_in_order ON action_owners (action, position);"                     \
    "CREATE INDEX actions_live_queue ON actions (due, id, owners_all, theme)"                      \
    " WHERE status IN ('open', 'in-progress');"                                                    \
    "PRAGMA user_version = 7;"

/* Makes SQLite fail (SQLITE_INTERRUPT) the statement whose text contains
 * sql_part once it has run `after` virtual machine steps, to test the
 * paths that handle a step error; NULL turns it off. */
void testdb_fail_statement(struct pb_db *db, const char *sql_part, int after);

#endif
