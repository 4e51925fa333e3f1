/*
 * The count tables (schema_counts.sql) against counting the actions, over
 * a real SQLite file: a panel imported, then hundreds of adds, status,
 * theme, due and owner changes, deletes, undos and redos, with every
 * count the dashboard shows (pb_action_count under each filter and queue,
 * each theme's row, each lead's row) compared with a count(*) over the
 * actions at several pinned todays, and `check` finding the tables as a
 * rebuild would make them. The planner's statistics are refreshed on the
 * way, as an import does, since they change the plans.
 */
#include <panelboard/action.h>
#include <panelboard/edit.h>
#include <panelboard/page.h>

#include "counts.h"
#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char panel[] =
    "panelboard: 1\n"
    "members:\n"
    "- {id: m0, name: Member Nought, kind: councillor}\n"
    "- {id: m1, name: Member One, kind: officer}\n"
    "- {id: m2, name: Member Two, kind: partner}\n"
    "- {id: m3, name: Member Three, kind: councillor}\n"
    "themes:\n"
    "- {id: t0, title: Housing, lead: m0}\n"
    "- {id: t1, title: Health, lead: m1}\n"
    "- {id: t2, title: Money, lead: m0}\n"
    "- {id: t3, title: Sport}\n"
    "actions:\n"
    "- {id: 1, title: Write, owners: [m0, m2], theme: t0, due: 2023-02-28}\n"
    "- {id: 2, title: Visit, owners: all, theme: t1, due: 2023-03-14, status: in-progress}\n"
    "- {id: 3, title: Ring, owners: [m3], due: 2023-03-01}\n"
    "- {id: 4, title: Report, owners: [m1], theme: t2, due: 2023-01-15, status: done}\n"
    "- {id: 5, title: Plan, owners: [m2], theme: t3, status: dropped}\n";

static const char *const members[] = {"m0", "m1", "m2", "m3"};
static const char *const themes[] = {"t0", "t1", "t2", "t3"};
#define N_MEMBERS 4
#define N_THEMES  4

/* Todays to count at: the first, the middle and the last of a month the
 * dues fall in, and before and after all of them. */
static const char *const todays[] = {"2023-03-01", "2023-03-15", "2023-03-31", "2022-06-01",
                                     "2024-01-01"};

static pb_day day(const char *text)
{
    pb_day d = 0;
    assert_true(pb_date_parse(text, &d));
    return d;
}

/* ---- counting the actions, by hand ---- */

/* count(*) over the actions shown by filter and queue as page.h defines
 * them, of one status, or overdue ones (status NULL). */
static int64_t count_actions(struct pb_db *db, const struct pb_action_query *q, const char *status,
                             bool overdue)
{
    sqlite3_stmt *st = NULL;
    const char *sql =
        "SELECT count(*) FROM actions a WHERE (?1 IS NULL OR a.theme = ?1)"
        " AND (?2 IS NULL OR a.status = ?2) AND (?3 IS NULL OR a.status = ?3)"
        " AND (NOT ?4 OR (a.status IN ('open', 'in-progress') AND a.due < ?5))"
        " AND (NOT ?6 OR a.status IN ('open', 'in-progress'))"
        " AND (?7 IS NULL OR a.owners_all = 1"
        "      OR EXISTS (SELECT 1 FROM action_owners o WHERE o.action = a.id AND o.member = ?7))"
        " AND (?8 IS NULL OR (a.status IN ('open', 'in-progress') AND (a.owners_all = 1"
        "      OR EXISTS (SELECT 1 FROM action_owners o WHERE o.action = a.id AND o.member = ?8)"
        "      OR EXISTS (SELECT 1 FROM themes t WHERE t.id = a.theme AND t.lead = ?8))))";
    assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
    char today[11];
    pb_date_format(pb_db_today(db), today);
    sqlite3_bind_text(st, 1, q->filter.theme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, q->filter.status, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, status, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, overdue || q->filter.overdue);
    sqlite3_bind_text(st, 5, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 6, q->filter.outstanding);
    sqlite3_bind_text(st, 7, q->filter.owner, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, q->queue, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static struct pb_action_counts counted_by_hand(struct pb_db *db, const struct pb_action_query *q)
{
    return (struct pb_action_counts){
        .open = count_actions(db, q, "open", false),
        .in_progress = count_actions(db, q, "in-progress", false),
        .done = count_actions(db, q, "done", false),
        .dropped = count_actions(db, q, "dropped", false),
        .overdue = count_actions(db, q, NULL, true),
    };
}

static void assert_same_counts(const struct pb_action_counts *got,
                               const struct pb_action_counts *want, const char *what)
{
    if (got->open != want->open || got->in_progress != want->in_progress ||
        got->done != want->done || got->dropped != want->dropped || got->overdue != want->overdue)
        fail_msg("%s: counted %lld/%lld/%lld/%lld/%lld, the actions hold %lld/%lld/%lld/%lld/%lld"
                 " (open/in progress/done/dropped/overdue)",
                 what, (long long)got->open, (long long)got->in_progress, (long long)got->done,
                 (long long)got->dropped, (long long)got->overdue, (long long)want->open,
                 (long long)want->in_progress, (long long)want->done, (long long)want->dropped,
                 (long long)want->overdue);
}

/* ---- what the dashboard shows ---- */

static const char *shown(const char *s)
{
    return s ? s : "-";
}

/* Every filter the status line can show, over every theme and none,
 * every owner and none, and every queue (alone, or with its own member as
 * the owner: another owner within a queue is counted from the actions, as
 * the pages test). */
static void assert_status_line_counts(struct pb_db *db, const char *today)
{
    static const char *const statuses[] = {NULL, "open", "done"};
    for (int th = -1; th < N_THEMES; th++)
        for (int ow = -1; ow < N_MEMBERS; ow++)
            for (int qu = -1; qu < N_MEMBERS; qu++)
                for (size_t stt = 0; stt < 3; stt++)
                    for (int flags = 0; flags < 3; flags++) {
                        if (ow >= 0 && qu >= 0 && ow != qu)
                            continue;
                        struct pb_action_query q = {
                            .filter = {.theme = th < 0 ? NULL : themes[th],
                                       .owner = ow < 0 ? NULL : members[ow],
                                       .status = statuses[stt],
                                       .overdue = flags == 1,
                                       .outstanding = flags == 2},
                            .queue = qu < 0 ? NULL : members[qu],
                        };
                        struct pb_action_counts got;
                        struct pb_error err = {0};
                        assert_int_equal(pb_action_count(db, &q, &got, &err), PB_OK);
                        struct pb_action_counts want = counted_by_hand(db, &q);
                        char what[160];
                        snprintf(what, sizeof what,
                                 "at %s, theme %s owner %s queue %s status %s%s%s", today,
                                 shown(q.filter.theme), shown(q.filter.owner), shown(q.queue),
                                 shown(q.filter.status), q.filter.overdue ? " overdue" : "",
                                 q.filter.outstanding ? " outstanding" : "");
                        assert_same_counts(&got, &want, what);
                    }
}

struct seen {
    struct pb_db *db;
    const char *today;
    int rows;
};

static enum pb_status check_theme(const struct pb_theme_row *row, void *ctx, struct pb_error *err)
{
    (void)err;
    struct seen *s = ctx;
    struct pb_action_query q = {.filter.theme = row->id};
    struct pb_action_counts want = counted_by_hand(s->db, &q);
    char what[64];
    snprintf(what, sizeof what, "theme %s at %s", row->id, s->today);
    assert_same_counts(&row->counts, &want, what);
    s->rows++;
    return PB_OK;
}

/* A lead's row counts their queue: their themes', theirs and all's. */
static enum pb_status check_lead(const struct pb_lead_row *row, void *ctx, struct pb_error *err)
{
    (void)err;
    struct seen *s = ctx;
    struct pb_action_query q = {.queue = row->id};
    struct pb_action_counts want = counted_by_hand(s->db, &q);
    if (row->open != want.open + want.in_progress || row->overdue != want.overdue)
        fail_msg("lead %s at %s: %lld open, %lld overdue; the actions hold %lld and %lld", row->id,
                 s->today, (long long)row->open, (long long)row->overdue,
                 (long long)(want.open + want.in_progress), (long long)want.overdue);
    s->rows++;
    return PB_OK;
}

static void assert_tables_as_rebuilt(struct pb_db *db)
{
    struct pb_buf report = {0};
    struct pb_error err = {0};
    enum pb_status s = pb_db_check(db, &report, &err);
    if (s != PB_OK)
        fail_msg("check: %s\n%s", err.message, report.data ? report.data : "");
    pb_buf_free(&report);
}

/* Every count the dashboard shows, at every one of todays, equals counting
 * the actions; and the tables hold what a rebuild would. */
static void assert_counts_agree(struct pb_db *db)
{
    pb_day was = pb_db_today(db);
    for (size_t i = 0; i < sizeof todays / sizeof todays[0]; i++) {
        pb_db_set_today(db, day(todays[i]));
        assert_status_line_counts(db, todays[i]);
        struct pb_page page = {.from_edge = true, .limit = 100};
        struct pb_error err = {0};
        struct seen s = {.db = db, .today = todays[i]};
        assert_int_equal(pb_theme_page(db, &page, check_theme, &s, &err), PB_OK);
        assert_int_equal(s.rows, N_THEMES);
        s.rows = 0;
        assert_int_equal(pb_lead_page(db, &page, check_lead, &s, &err), PB_OK);
        assert_int_equal(s.rows, 2);
    }
    pb_db_set_today(db, was);
    assert_tables_as_rebuilt(db);
}

/* ---- the fixture ---- */

static int setup(void **state)
{
    struct testdb *t = calloc(1, sizeof *t);
    testdb_open(t, "2023-03-15");
    testdb_import_text(t->db, "panel.yaml", panel);
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    return 0;
}

static unsigned next_random(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

static int64_t n_actions(struct pb_db *db)
{
    struct pb_action_query all = {0};
    struct pb_action_counts c;
    struct pb_error err = {0};
    assert_int_equal(pb_action_count(db, &all, &c, &err), PB_OK);
    return c.open + c.in_progress + c.done + c.dropped;
}

/* An action id that exists, or 0. */
static int64_t some_action(struct pb_db *db, unsigned *seed)
{
    for (int tries = 0; tries < 20; tries++) {
        int64_t id = 1 + next_random(seed) % 200;
        struct pb_action *a = NULL;
        struct pb_error err = {0};
        if (pb_action_get(db, id, &a, &err) == PB_OK) {
            pb_action_free(a);
            return id;
        }
    }
    return 0;
}

/* Dues over February to April 2023, so that the todays fall among them. */
static pb_day some_due(unsigned *seed)
{
    return day("2023-02-01") + (pb_day)(next_random(seed) % 89);
}

static void random_owners(unsigned *seed, const char **owners, size_t *n, bool *all)
{
    *all = next_random(seed) % 5 == 0;
    *n = *all ? 0 : 1 + next_random(seed) % 2;
    owners[0] = members[next_random(seed) % N_MEMBERS];
    owners[1] = members[next_random(seed) % N_MEMBERS];
    if (*n == 2 && strcmp(owners[0], owners[1]) == 0)
        *n = 1;
}

static int64_t rows_of(struct pb_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static int64_t latest_change(struct pb_db *db)
{
    return rows_of(db, "SELECT coalesce(max(id), 0) FROM changes");
}

/* What random_change has done: the last undo (to redo), and how many
 * undos and redos went through. */
struct walk {
    unsigned seed;
    int64_t last_undo;
    int undos, redos;
};

/* One change of a kind picked at random; refusals (a conflicting undo,
 * nothing to redo) are fine, a wrong count is not. */
static void random_change(struct pb_db *db, struct walk *w)
{
    unsigned *seed = &w->seed;
    struct pb_error err = {0};
    unsigned kind = next_random(seed) % 9;
    int64_t id = some_action(db, seed);
    if (kind == 0 || id == 0) {
        const char *owners[2];
        struct pb_action_new a = {.title = "Generated"};
        random_owners(seed, owners, &a.n_owners, &a.owners_all);
        a.owners = owners;
        unsigned th = next_random(seed) % (N_THEMES + 1);
        a.theme = th < N_THEMES ? themes[th] : NULL;
        a.has_due = next_random(seed) % 4 != 0;
        a.due = some_due(seed);
        assert_int_equal(pb_action_add(db, &a, &id, &err), PB_OK);
    } else if (kind <= 2) {
        const char *status = pb_action_statuses[next_random(seed) % 4];
        assert_int_equal(pb_action_set_status(db, id, status, NULL, -1, &err), PB_OK);
    } else if (kind == 3) {
        unsigned th = next_random(seed) % (N_THEMES + 1);
        struct pb_action_edit e = {.set_theme = true, .theme = th < N_THEMES ? themes[th] : NULL};
        assert_int_equal(pb_action_edit(db, id, &e, -1, &err), PB_OK);
    } else if (kind == 4) {
        struct pb_action_edit e = {
            .set_due = true, .has_due = next_random(seed) % 5 != 0, .due = some_due(seed)};
        assert_int_equal(pb_action_edit(db, id, &e, -1, &err), PB_OK);
    } else if (kind == 5) {
        const char *owners[2];
        struct pb_action_edit e = {.set_owners = true, .owners = owners};
        random_owners(seed, owners, &e.n_owners, &e.owners_all);
        assert_int_equal(pb_action_edit(db, id, &e, -1, &err), PB_OK);
    } else if (kind == 6) {
        assert_int_equal(pb_record_drop(db, PB_KIND_ACTION, NULL, id, -1, &err), PB_OK);
    } else if (kind == 7) {
        /* one of the latest few changes, which may have been undone or
         * overtaken already */
        int64_t change = latest_change(db) - (int64_t)(next_random(seed) % 4);
        enum pb_status s = pb_change_undo(db, change, &w->last_undo, &err);
        if (s != PB_OK && s != PB_ERR_CONFLICT)
            fail_msg("undo #%lld: %s", (long long)change, err.message);
        w->undos += s == PB_OK;
    } else if (w->last_undo) {
        enum pb_status s = pb_change_undo(db, w->last_undo, NULL, &err);
        if (s != PB_OK && s != PB_ERR_CONFLICT)
            fail_msg("redo #%lld: %s", (long long)w->last_undo, err.message);
        w->redos += s == PB_OK;
        w->last_undo = 0;
    }
}

/* ---- the tests ---- */

static void counts__after_an_import__equal_counting_the_actions(void **state)
{
    struct testdb *t = *state;
    assert_int_equal(n_actions(t->db), 5);
    assert_counts_agree(t->db);
}

static void
counts__after_every_kind_of_change_and_its_undo__equal_counting_the_actions(void **state)
{
    struct testdb *t = *state;
    struct walk w = {.seed = 11};
    for (int round = 0; round < 8; round++) {
        for (int i = 0; i < 40; i++)
            random_change(t->db, &w);
        /* the plans an imported panel gets, once there are rows to count */
        if (round == 3) {
            struct pb_error err = {0};
            assert_int_equal(pb_db_analyze(t->db, &err), PB_OK);
        }
        assert_counts_agree(t->db);
    }
    /* the walk was not trivial: actions came and went in every status,
     * changes were undone and redone */
    assert_true(n_actions(t->db) > 20);
    assert_true(w.undos > 5);
    assert_true(w.redos > 2);
    struct pb_action_query q = {.filter.status = "dropped"};
    struct pb_action_counts c;
    struct pb_error err = {0};
    assert_int_equal(pb_action_count(t->db, &q, &c, &err), PB_OK);
    assert_true(c.dropped > 0);
}

/* The count tables' rows, as one text. */
static char *tables_text(struct pb_db *db)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db->sql,
                                        "SELECT group_concat(r, ';') FROM ("
                                        " SELECT owner || '/' || theme || '/' || status || '='"
                                        " || n AS r FROM action_counts UNION ALL"
                                        " SELECT owner || '/' || theme || '/' || month || '/'"
                                        " || status || '=' || n FROM action_month_counts UNION ALL"
                                        " SELECT owner || '/' || theme || '/' || due || '/'"
                                        " || status || '=' || n FROM action_day_counts"
                                        " ORDER BY 1)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char *text = pb_xstrdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return text;
}

static void counts__undoing_everything__leaves_the_tables_as_for_the_import(void **state)
{
    struct testdb *t = *state;
    char *imported = tables_text(t->db);
    int64_t import_change = latest_change(t->db);
    struct walk w = {.seed = 5};
    for (int i = 0; i < 60; i++)
        random_change(t->db, &w);
    char *changed = tables_text(t->db);
    assert_string_not_equal(changed, imported);
    free(changed);
    /* newest first, undos too: what an undo reversed comes back, and is
     * reversed again when its own change's turn comes */
    struct pb_error err = {0};
    for (int64_t id = latest_change(t->db); id > import_change; id--)
        if (pb_change_undo(t->db, id, NULL, &err) != PB_OK)
            fail_msg("undo #%lld: %s", (long long)id, err.message);
    assert_int_equal(n_actions(t->db), 5);
    char *now = tables_text(t->db);
    assert_string_equal(now, imported);
    free(now);
    free(imported);
    assert_counts_agree(t->db);
}

static void counts__overdue__moves_with_today_across_a_month(void **state)
{
    struct testdb *t = *state;
    /* open or in progress and dated: #1 2023-02-28, #2 2023-03-14, #3
     * 2023-03-01 */
    static const struct {
        const char *today;
        int64_t overdue;
    } at[] = {{"2023-02-28", 0}, {"2023-03-01", 1}, {"2023-03-02", 2}, {"2023-03-14", 2},
              {"2023-03-15", 3}, {"2023-04-01", 3}, {"2023-01-01", 0}};
    struct pb_action_query all = {0};
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        pb_db_set_today(t->db, day(at[i].today));
        struct pb_action_counts c;
        struct pb_error err = {0};
        assert_int_equal(pb_action_count(t->db, &all, &c, &err), PB_OK);
        if (c.overdue != at[i].overdue)
            fail_msg("at %s: %lld overdue, want %lld", at[i].today, (long long)c.overdue,
                     (long long)at[i].overdue);
    }
}

static void counts__are_derived__so_the_history_never_holds_them(void **state)
{
    struct testdb *t = *state;
    struct walk w = {.seed = 3};
    for (int i = 0; i < 30; i++)
        random_change(t->db, &w);
    assert_true(rows_of(t->db, "SELECT count(*) FROM action_counts") > 0);
    assert_true(rows_of(t->db, "SELECT count(*) FROM action_day_counts") > 0);
    assert_int_equal(rows_of(t->db,
                             "SELECT count(*) FROM change_rows WHERE tbl IN"
                             " ('action_counts', 'action_month_counts', 'action_day_counts')"),
                     0);
    assert_int_equal(rows_of(t->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                    " AND tbl_name IN ('action_counts', 'action_month_counts',"
                                    " 'action_day_counts')"),
                     0);
}

static void check__finds_a_count_that_drifted__and_rebuild_mends_it(void **state)
{
    struct testdb *t = *state;
    sqlite3 *raw = t->db->sql;
    /* as a program that wrote the actions without the triggers would */
    assert_int_equal(sqlite3_exec(raw,
                                  "UPDATE action_counts SET n = n + 1 WHERE owner = ''"
                                  " AND theme = 't0' AND status = 'open';"
                                  "DELETE FROM action_day_counts WHERE owner = 'm3';"
                                  "UPDATE action_month_counts SET n = 5 WHERE owner = '*';",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    struct pb_buf report = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_db_check(t->db, &report, &err), PB_ERR_DATA);
    assert_non_null(strstr(report.data, "counts: action_counts: 2 counted, 1 held, for owner '',"
                                        " theme 't0', open\n"));
    assert_non_null(strstr(report.data, "counts: action_day_counts: 0 counted, 1 held, for"
                                        " owner 'm3', theme '', day 2023-03-01, open\n"));
    assert_non_null(strstr(report.data, "counts: action_month_counts: 5 counted, 1 held, for"
                                        " owner '*', theme 't1', month 2023-03-01, in-progress\n"));
    pb_buf_free(&report);

    assert_int_equal(pb_change_begin(t->db, "rebuild the counts", &err), PB_OK);
    assert_int_equal(pb_change_end(t->db, pb_counts_rebuild(t->db, &err), &err), PB_OK);
    assert_counts_agree(t->db);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(counts__after_an_import__equal_counting_the_actions),
        T(counts__after_every_kind_of_change_and_its_undo__equal_counting_the_actions),
        T(counts__undoing_everything__leaves_the_tables_as_for_the_import),
        T(counts__overdue__moves_with_today_across_a_month),
        T(counts__are_derived__so_the_history_never_holds_them),
        T(check__finds_a_count_that_drifted__and_rebuild_mends_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
