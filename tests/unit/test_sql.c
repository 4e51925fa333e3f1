/*
 * The statement cache (sql.c) over a real SQLite file: a statement read
 * again while a caller is still stepping it leaves that caller's loop
 * where it was, and the cache takes as many statements as the program
 * makes, past any first size.
 */
#include "sql.h"
#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

static int setup(void **state)
{
    struct testdb *t = calloc(1, sizeof *t);
    testdb_open(t, "2022-12-01");
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    return 0;
}

static const char five[] =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n";

static void sql__a_nested_read_of_a_stepping_statement_leaves_the_outer_loop_in_place(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    sqlite3_stmt *outer = sql_prepare(t->db, five, &err);
    assert_non_null(outer);
    assert_int_equal(sql_step(t->db, outer, &err), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(outer, 0), 1);

    sqlite3_stmt *inner = sql_prepare(t->db, five, &err);
    assert_non_null(inner);
    int n = 0;
    while (sql_step(t->db, inner, &err) == SQLITE_ROW)
        n++;
    assert_int_equal(n, 5);
    sqlite3_reset(inner);

    for (int want = 2; want <= 5; want++) {
        assert_int_equal(sql_step(t->db, outer, &err), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(outer, 0), want);
    }
    assert_int_equal(sql_step(t->db, outer, &err), SQLITE_DONE);
    sqlite3_reset(outer);
    /* done with, both are reused rather than prepared again */
    assert_ptr_equal(sql_prepare(t->db, five, &err), outer);
}

static void sql__the_cache_takes_any_number_of_statements(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    for (int i = 0; i < 500; i++) {
        const char *sql = sql_keep(t->db, pb_xasprintf("SELECT %d", i));
        sqlite3_stmt *st = sql_prepare(t->db, sql, &err);
        assert_non_null(st);
        assert_int_equal(sql_step(t->db, st, &err), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), i);
        sqlite3_reset(st);
    }
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(sql__a_nested_read_of_a_stepping_statement_leaves_the_outer_loop_in_place),
        T(sql__the_cache_takes_any_number_of_statements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
