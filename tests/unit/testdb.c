/*
 * The temporary databases the unit tests work on (testdb.h), and the small
 * helpers several of those tests share.
 */
#include "testdb.h"

#include "sql.h"

#include <sqlite3.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many folders deep nftw keeps open at once while removing. */
#define OPEN_FOLDERS 16

static struct pb_db *open_path(const char *path, const char *today)
{
    struct pb_db_options options = {.path = path};
    struct pb_db *db = NULL;
    struct pb_error err = {0};
    if (pb_db_open(&options, &db, &err) != PB_OK)
        fail_msg("open %s: %s", path, err.message);
    if (today) {
        pb_day day = 0;
        assert_true(pb_date_parse(today, &day));
        pb_db_set_today(db, day);
    }
    return db;
}

/* Writes dir/name into out, failing the test rather than cutting it short. */
static void join(char *out, size_t size, const char *dir, const char *name)
{
    int n = snprintf(out, size, "%s/%s", dir, name);
    assert_true(n > 0 && (size_t)n < size);
}

void testdb_open_at(struct testdb *t, const char *relative, const char *today)
{
    const char *tmp = getenv("TMPDIR");
    join(t->dir, sizeof t->dir, tmp && *tmp ? tmp : "/tmp", "pb-test-XXXXXX");
    if (!mkdtemp(t->dir))
        fail_msg("make a folder %s: %s", t->dir, strerror(errno));
    join(t->path, sizeof t->path, t->dir, relative);
    t->db = open_path(t->path, today);
    t->n_others = 0;
}

void testdb_open(struct testdb *t, const char *today)
{
    testdb_open_at(t, "panel.db", today);
}

struct pb_db *testdb_open_another(struct testdb *t, const char *today)
{
    char name[32];
    snprintf(name, sizeof name, "another-%d.db", ++t->n_others);
    char path[PATH_MAX];
    join(path, sizeof path, t->dir, name);
    return open_path(path, today);
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    if (remove(path) == 0)
        return 0;
    print_error("remove %s: %s\n", path, strerror(errno));
    return -1;
}

void testdb_close(struct testdb *t)
{
    pb_db_close(t->db);
    t->db = NULL;
    /* depth first, so each folder is empty by the time it is removed; links
     * are removed, never followed */
    assert_int_equal(nftw(t->dir, remove_entry, OPEN_FOLDERS, FTW_DEPTH | FTW_PHYS), 0);
}

void testdb_print_import_error(const struct pb_error *err, void *ctx)
{
    (void)ctx;
    char line[1024];
    pb_error_format(err, line, sizeof line);
    print_error("%s\n", line);
}

void testdb_import_text(struct pb_db *db, const char *name, const char *text)
{
    struct pb_import_summary summary;
    struct pb_error err = {0};
    enum pb_status status = pb_import_buffer(db, name, text, strlen(text), &summary,
                                             testdb_print_import_error, NULL, &err);
    if (status != PB_OK)
        fail_msg("import %s: %s", name, err.message);
}

static enum pb_status count_entry(const struct pb_history_entry *e, void *ctx, struct pb_error *err)
{
    (void)e;
    (void)err;
    (*(size_t *)ctx)++;
    return PB_OK;
}

size_t testdb_history_entries(struct pb_db *db)
{
    size_t n = 0;
    struct pb_error err = {0};
    assert_int_equal(pb_history_each(db, 0, count_entry, &n, &err), PB_OK);
    return n;
}

static struct {
    struct pb_db *db;
    const char *sql_part;
    int after;
} failing;

static int fail_statement(void *ctx)
{
    (void)ctx;
    for (sqlite3_stmt *st = sqlite3_next_stmt(failing.db->sql, NULL); st;
         st = sqlite3_next_stmt(failing.db->sql, st))
        if (sqlite3_stmt_busy(st) && strstr(sqlite3_sql(st), failing.sql_part) &&
            sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 0) > failing.after)
            return 1;
    return 0;
}

void testdb_fail_statement(struct pb_db *db, const char *sql_part, int after)
{
    failing.db = db;
    failing.sql_part = sql_part;
    failing.after = after;
    sqlite3_progress_handler(db->sql, sql_part ? 1 : 0, sql_part ? fail_statement : NULL, NULL);
}

void testdb_back_to_version_6(const char *path)
{
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, TESTDB_DROP_COUNTS TESTDB_BACK_TO_VERSION_7, NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw,
                                        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    char *names[128], *sqls[128];
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < 128) {
        names[n] = strdup((const char *)sqlite3_column_text(st, 0));
        sqls[n++] = strdup((const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_exec(raw, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    for (size_t i = 0; i < n; i++) {
        char *when = strstr(sqls[i], " WHEN NOT EXISTS");
        char *begin = when ? strstr(when, " BEGIN ") : NULL;
        assert_non_null(begin);
        memmove(when, begin, strlen(begin) + 1);
        char drop[256];
        snprintf(drop, sizeof drop, "DROP TRIGGER \"%s\"", names[i]);
        assert_int_equal(sqlite3_exec(raw, drop, NULL, NULL, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_exec(raw, sqls[i], NULL, NULL, NULL), SQLITE_OK);
        free(names[i]);
        free(sqls[i]);
    }
    assert_int_equal(sqlite3_exec(raw,
                                  "DROP TABLE bulk_marks; DROP INDEX actions_by_meeting_title;"
                                  "DROP INDEX feedback_by_date_said;"
                                  "CREATE INDEX actions_by_meeting ON actions (meeting);"
                                  "PRAGMA user_version = 6; COMMIT;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
}

int64_t testdb_count(const char *path, const char *sql)
{
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(raw, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return n;
}
