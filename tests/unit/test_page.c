/*
 * The dashboard's pages over a real SQLite file (page.h): 2,000 generated
 * actions walked page by page in both directions under every filter,
 * order and queue, against the listings sorted in C; counts against
 * counting in C; every page query's plan free of scans and sorts; and what
 * changed since a reader last looked. Today is pinned.
 */
#include <panelboard/action.h>
#include <panelboard/edit.h>
#include <panelboard/page.h>
#include <panelboard/record.h>

#include "page_sql.h"
#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_ACTIONS 2000
#define TODAY     "2022-12-01"

static const char *const members[] = {"m0", "m1", "m2", "m3", "m4", "m5"};
#define N_MEMBERS 6
/* theme t<i> is led by leads[i]; m0 leads two, m5 none, t3 has no lead */
static const char *const themes[] = {"t0", "t1", "t2", "t3", "t4"};
static const char *const leads[] = {"m1", "m0", "m2", NULL, "m0"};
#define N_THEMES 5

/* The themes of a fixture and their leads. */
struct theme_table {
    const char *const *ids;
    const char *const *leads;
    size_t n;
};
static const struct theme_table five_themes = {themes, leads, N_THEMES};
/* m4 leads twenty themes: more than a queue reads one by one (16) */
static const char *const many_ids[] = {"u00", "u01", "u02", "u03", "u04", "u05", "u06",
                                       "u07", "u08", "u09", "u10", "u11", "u12", "u13",
                                       "u14", "u15", "u16", "u17", "u18", "u19"};
static const char *const many_leads[] = {"m4", "m4", "m4", "m4", "m4", "m4", "m4",
                                         "m4", "m4", "m4", "m4", "m4", "m4", "m4",
                                         "m4", "m4", "m4", "m4", "m4", "m4"};
static const struct theme_table many_themes = {many_ids, many_leads, 20};
static const struct theme_table *fixture = &five_themes;

static pb_day day(const char *text)
{
    pb_day d = 0;
    assert_true(pb_date_parse(text, &d));
    return d;
}

static void put(struct pb_db *db, enum pb_kind kind, struct pb_value *v)
{
    struct pb_error err = {0};
    assert_int_equal(pb_record_put(db, kind, v, NULL, NULL, &err), PB_OK);
}

static void add_member(struct pb_db *db, const char *id)
{
    struct pb_value v[11] = {0};
    char name[32];
    snprintf(name, sizeof name, "Member %s", id);
    v[0] = (struct pb_value){.state = PB_VALUE_TEXT, .text = id};
    v[1] = (struct pb_value){.state = PB_VALUE_TEXT, .text = name};
    v[2] = (struct pb_value){.state = PB_VALUE_TEXT, .text = "councillor"};
    put(db, PB_KIND_MEMBER, v);
}

static void add_theme(struct pb_db *db, const char *id, const char *lead)
{
    struct pb_value v[6] = {0};
    char title[32];
    snprintf(title, sizeof title, "Theme %s", id);
    v[0] = (struct pb_value){.state = PB_VALUE_TEXT, .text = id};
    v[1] = (struct pb_value){.state = PB_VALUE_TEXT, .text = title};
    if (lead)
        v[2] = (struct pb_value){.state = PB_VALUE_TEXT, .text = lead};
    put(db, PB_KIND_THEME, v);
}

static uint32_t next_random(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

/* Actions over every theme (and none), owned by one or two members or by
 * all, in every status, due over a year around today or not at all, as
 * one change. */
static void add_actions(struct pb_db *db, int n_actions)
{
    struct pb_error err = {0};
    uint32_t seed = 7;
    pb_day today = day(TODAY);
    assert_int_equal(pb_change_begin(db, "generate", &err), PB_OK);
    for (int i = 0; i < n_actions; i++) {
        char title[64];
        snprintf(title, sizeof title, "Action number %d%s", i, i == 1234 ? " Needle" : "");
        const char *owners[2] = {members[next_random(&seed) % N_MEMBERS],
                                 members[next_random(&seed) % N_MEMBERS]};
        unsigned kind = next_random(&seed) % 4;
        struct pb_action_new a = {.title = title, .owners = owners, .n_owners = kind ? 1 : 0};
        if (kind == 3)
            a.n_owners = 2;
        a.owners_all = kind == 0;
        /* all may name owners as well: such an action is in a queue once */
        if (a.owners_all && i % 2)
            a.n_owners = 1;
        size_t t = next_random(&seed) % (fixture->n + 1);
        a.theme = t < fixture->n ? fixture->ids[t] : NULL;
        a.has_due = next_random(&seed) % 5 != 0;
        /* few distinct dates, so that many actions share one */
        a.due = today - 180 + (pb_day)(next_random(&seed) % 40) * 9;
        int64_t id = 0;
        assert_int_equal(pb_action_add(db, &a, &id, &err), PB_OK);
        const char *status = pb_action_statuses[next_random(&seed) % 4];
        assert_int_equal(pb_action_set_status(db, id, status, NULL, -1, &err), PB_OK);
    }
    assert_int_equal(pb_change_end(db, PB_OK, &err), PB_OK);
}

static int setup(void **state)
{
    struct testdb *t = calloc(1, sizeof *t);
    testdb_open(t, TODAY);
    for (size_t i = 0; i < N_MEMBERS; i++)
        add_member(t->db, members[i]);
    for (size_t i = 0; i < fixture->n; i++)
        add_theme(t->db, fixture->ids[i], fixture->leads[i]);
    add_actions(t->db, fixture == &five_themes ? N_ACTIONS : 600);
    *state = t;
    return 0;
}

static int setup_many_themes(void **state)
{
    fixture = &many_themes;
    return setup(state);
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    fixture = &five_themes;
    return 0;
}

/* ---- rows as keys, collected ---- */

struct row {
    int64_t id;
    struct pb_page_key key;
    char status[16];
    bool overdue;
    bool owners_all;
    char owners[2][8];
    char theme[8];
};

struct rows {
    struct row *items;
    size_t n;
    enum pb_action_order order;
};

static enum pb_status collect(const struct pb_action *a, void *ctx, struct pb_error *err)
{
    (void)err;
    struct rows *r = ctx;
    r->items = realloc(r->items, (r->n + 1) * sizeof *r->items);
    struct row *row = &r->items[r->n++];
    memset(row, 0, sizeof *row);
    row->id = a->id;
    row->key = pb_action_key(a, r->order);
    snprintf(row->status, sizeof row->status, "%s", a->status);
    row->overdue = a->overdue;
    row->owners_all = a->owners_all;
    for (size_t i = 0; i < a->n_owners && i < 2; i++)
        snprintf(row->owners[i], sizeof row->owners[i], "%s", a->owners[i]);
    snprintf(row->theme, sizeof row->theme, "%s", a->theme ? a->theme : "");
    return PB_OK;
}

static bool is_live(const struct row *r)
{
    return strcmp(r->status, "open") == 0 || strcmp(r->status, "in-progress") == 0;
}

/* In member's queue, by its definition (action.h), from the fixture's leads. */
static bool in_queue(const struct row *r, const char *member)
{
    if (!is_live(r))
        return false;
    if (r->owners_all || strcmp(r->owners[0], member) == 0 || strcmp(r->owners[1], member) == 0)
        return true;
    for (size_t t = 0; t < fixture->n; t++)
        if (strcmp(r->theme, fixture->ids[t]) == 0)
            return fixture->leads[t] && strcmp(fixture->leads[t], member) == 0;
    return false;
}

static int by_due(const void *pa, const void *pb)
{
    const struct row *a = pa, *b = pb;
    if (a->key.has_due != b->key.has_due)
        return a->key.has_due ? -1 : 1;
    if (a->key.has_due && a->key.due != b->key.due)
        return a->key.due < b->key.due ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

static int by_id(const void *pa, const void *pb)
{
    const struct row *a = pa, *b = pb;
    return (a->id > b->id) - (a->id < b->id);
}

/* What the query shows: pb_action_list's rows, those in the queue (by
 * in_queue, not by the queue's own code), sorted in C. */
static struct rows expected(struct pb_db *db, const struct pb_action_query *q)
{
    struct rows all = {.order = q->order};
    struct pb_error err = {0};
    assert_int_equal(pb_action_list(db, &q->filter, collect, &all, &err), PB_OK);
    /* outstanding is the listing's rows still open or in progress */
    size_t kept = 0;
    for (size_t i = 0; i < all.n; i++)
        if ((!q->filter.outstanding || is_live(&all.items[i])) &&
            (!q->queue || in_queue(&all.items[i], q->queue)))
            all.items[kept++] = all.items[i];
    all.n = kept;
    if (all.n)
        qsort(all.items, all.n, sizeof *all.items, q->order == PB_ORDER_DUE ? by_due : by_id);
    return all;
}

static void assert_same(const struct rows *want, const struct rows *got)
{
    assert_int_equal(got->n, want->n);
    for (size_t i = 0; i < want->n; i++)
        assert_int_equal(got->items[i].id, want->items[i].id);
}

/* Every row of the query, page by page from the edge in direction dir,
 * each page starting after the last row of the one before; a backward
 * walk is put back in display order. */
static struct rows walk(struct pb_db *db, const struct pb_action_query *q, enum pb_page_dir dir,
                        size_t limit)
{
    struct rows got = {.order = q->order};
    struct pb_page page = {.dir = dir, .from_edge = true, .limit = limit};
    struct pb_error err = {0};
    for (;;) {
        size_t before = got.n;
        assert_int_equal(pb_action_page(db, q, &page, collect, &got, &err), PB_OK);
        assert_true(got.n - before <= limit);
        if (got.n == before)
            break;
        page.from_edge = false;
        page.key = got.items[got.n - 1].key;
    }
    if (dir == PB_PAGE_BACKWARD)
        for (size_t i = 0; i < got.n / 2; i++) {
            struct row tmp = got.items[i];
            got.items[i] = got.items[got.n - 1 - i];
            got.items[got.n - 1 - i] = tmp;
        }
    return got;
}

/* Every combination of the filters, each order, with and without a queue
 * (pb_action_list has no outstanding filter: expected() applies it). */
static size_t queries(struct pb_action_query *out)
{
    static const char *const queues[] = {NULL, "m0", "m5"};
    size_t n = 0;
    for (size_t qi = 0; qi < 3; qi++)
        for (unsigned f = 0; f < 32; f++)
            for (int o = 0; o < 2; o++) {
                struct pb_action_query q = {.queue = queues[qi], .order = (enum pb_action_order)o};
                q.filter.theme = f & 1 ? "t1" : NULL;
                q.filter.owner = f & 2 ? "m2" : NULL;
                q.filter.status = f & 4 ? "open" : NULL;
                q.filter.overdue = f & 8;
                q.filter.outstanding = f & 16;
                out[n++] = q;
            }
    return n;
}

static void page__walks_forward_and_backward_as_the_sorted_listing(void **state)
{
    struct testdb *t = *state;
    struct pb_action_query qs[192];
    size_t n = queries(qs);
    for (size_t i = 0; i < n; i++) {
        struct rows want = expected(t->db, &qs[i]);
        struct rows fwd = walk(t->db, &qs[i], PB_PAGE_FORWARD, 37);
        struct rows back = walk(t->db, &qs[i], PB_PAGE_BACKWARD, 50);
        assert_same(&want, &fwd);
        assert_same(&want, &back);
        free(want.items);
        free(fwd.items);
        free(back.items);
    }
    /* the walks are not trivial */
    struct pb_action_query all = {.order = PB_ORDER_DUE};
    struct rows want = expected(t->db, &all);
    assert_int_equal(want.n, N_ACTIONS);
    free(want.items);
}

/* The whole queue (`panelboard queue`) is what its pages show. */
static void queue__lists_the_rows_its_pages_show(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    for (size_t m = 0; m < N_MEMBERS; m++) {
        struct pb_action_query q = {.queue = members[m], .order = PB_ORDER_DUE};
        struct rows want = expected(t->db, &q);
        struct rows got = {.order = q.order};
        assert_int_equal(pb_action_queue(t->db, members[m], collect, &got, &err), PB_OK);
        assert_same(&want, &got);
        free(want.items);
        free(got.items);
    }
}

/* Past the themes a queue reads one by one, the rest are one part. */
static void queue__of_a_member_leading_many_themes_pages_and_counts_as_the_listing(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    for (int o = 0; o < 2; o++) {
        struct pb_action_query q = {.queue = "m4", .order = (enum pb_action_order)o};
        struct rows want = expected(t->db, &q);
        assert_true(want.n > 100);
        struct rows fwd = walk(t->db, &q, PB_PAGE_FORWARD, 7);
        struct rows back = walk(t->db, &q, PB_PAGE_BACKWARD, 11);
        assert_same(&want, &fwd);
        assert_same(&want, &back);
        struct pb_action_counts c;
        assert_int_equal(pb_action_count(t->db, &q, &c, &err), PB_OK);
        assert_int_equal(c.open + c.in_progress, want.n);
        free(want.items);
        free(fwd.items);
        free(back.items);
    }
    queue__lists_the_rows_its_pages_show(state);
}

/* Every member's queue, whole and walked by due backward and by id, is
 * its definition over the listing. */
static void assert_queues_as_defined(struct pb_db *db)
{
    struct pb_error err = {0};
    for (size_t m = 0; m < N_MEMBERS; m++) {
        struct pb_action_query q = {.queue = members[m], .order = PB_ORDER_DUE};
        struct rows want = expected(db, &q);
        struct rows got = {.order = q.order};
        assert_int_equal(pb_action_queue(db, members[m], collect, &got, &err), PB_OK);
        assert_same(&want, &got);
        struct rows back = walk(db, &q, PB_PAGE_BACKWARD, 9);
        assert_same(&want, &back);
        free(want.items);
        free(got.items);
        free(back.items);
        q.order = PB_ORDER_ID;
        want = expected(db, &q);
        got = walk(db, &q, PB_PAGE_FORWARD, 9);
        assert_same(&want, &got);
        free(want.items);
        free(got.items);
    }
}

/* The first live action after id `after` that only members own. */
static int64_t an_owned_action(struct pb_db *db, int64_t after)
{
    struct pb_action_query q = {.order = PB_ORDER_ID};
    struct rows all = expected(db, &q);
    int64_t id = 0;
    for (size_t i = 0; i < all.n && !id; i++)
        if (all.items[i].id > after && !all.items[i].owners_all && is_live(&all.items[i]))
            id = all.items[i].id;
    free(all.items);
    assert_true(id > 0);
    return id;
}

/* A queue reads its member's own actions from rows kept beside actions
 * and action_owners (queue_owned): they follow every way those change. */
static void queue__follows_edits_of_due_status_and_owners__drops_and_undo(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    int64_t id = an_owned_action(t->db, 0);
    const char *one[] = {"m3"}, *two[] = {"m1", "m2"};
    struct pb_action_edit edits[] = {
        {.set_due = true, .has_due = true, .due = day(TODAY) - 400}, /* first in its queues */
        {.set_due = true, .has_due = false},                         /* among the undated */
        {.set_due = true, .has_due = true, .due = day(TODAY) + 30},
        {.set_owners = true, .owners = one, .n_owners = 1},
        {.set_owners = true, .owners = one, .n_owners = 1, .owners_all = true},
        {.set_owners = true, .owners = two, .n_owners = 2},
    };
    int64_t changes[16];
    size_t n = 0;
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        assert_int_equal(pb_action_edit(t->db, id, &edits[i], -1, &err), PB_OK);
        changes[n++] = pb_change_last(t->db);
        assert_queues_as_defined(t->db);
    }
    assert_int_equal(pb_action_set_status(t->db, id, "done", NULL, -1, &err), PB_OK);
    changes[n++] = pb_change_last(t->db);
    assert_queues_as_defined(t->db);
    assert_int_equal(pb_action_set_status(t->db, id, "in-progress", NULL, -1, &err), PB_OK);
    changes[n++] = pb_change_last(t->db);
    assert_queues_as_defined(t->db);
    int64_t other = an_owned_action(t->db, id);
    assert_int_equal(pb_record_drop(t->db, PB_KIND_ACTION, NULL, other, -1, &err), PB_OK);
    changes[n++] = pb_change_last(t->db);
    assert_queues_as_defined(t->db);
    /* undo puts the rows back as they were, the latest first */
    while (n > 0) {
        assert_int_equal(pb_change_undo(t->db, changes[--n], NULL, &err), PB_OK);
        assert_queues_as_defined(t->db);
    }
}

static void exec(struct pb_db *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", msg, sql);
}

/* And when the two tables are written behind panelboard's back, as in the
 * sqlite3 shell, whose foreign keys are off: an owner moved to another
 * member, an action deleted before its owners, owners added before their
 * action. */
static void queue__follows_rows_written_in_any_order_behind_its_back(void **state)
{
    struct testdb *t = *state;
    int64_t id = an_owned_action(t->db, 100), other = an_owned_action(t->db, id);
    exec(t->db, "PRAGMA foreign_keys = OFF");
    char *sql =
        pb_xasprintf("UPDATE action_owners SET member = 'm5' WHERE action = %lld;"
                     "DELETE FROM actions WHERE id = %lld;"
                     "INSERT INTO action_owners (action, member, position)"
                     " VALUES (5000, 'm2', 1), (5000, 'm3', 2);"
                     "INSERT INTO actions (id, title, due) VALUES (5000, 'Late', '2022-12-24')",
                     (long long)id, (long long)other);
    exec(t->db, sql);
    free(sql);
    exec(t->db, "DELETE FROM action_owners WHERE action NOT IN (SELECT id FROM actions);"
                "PRAGMA foreign_keys = ON");
    assert_queues_as_defined(t->db);
    /* and nothing is left behind that `panelboard check` would report */
    struct pb_buf report = {0};
    struct pb_error err = {0};
    if (pb_db_check(t->db, &report, &err) != PB_OK)
        fail_msg("%s", report.data ? report.data : err.message);
    pb_buf_free(&report);
}

static void page__starts_at_its_key_when_inclusive(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    for (int o = 0; o < 2; o++) {
        struct pb_action_query q = {.order = (enum pb_action_order)o};
        struct rows want = expected(t->db, &q);
        for (size_t k = 0; k < want.n; k += 97) {
            for (int d = 0; d < 2; d++) {
                struct pb_page page = {.dir = (enum pb_page_dir)d,
                                       .key = want.items[k].key,
                                       .inclusive = true,
                                       .limit = 3};
                struct rows got = {.order = q.order};
                assert_int_equal(pb_action_page(t->db, &q, &page, collect, &got, &err), PB_OK);
                assert_true(got.n >= 1);
                assert_int_equal(got.items[0].id, want.items[k].id);
                if (got.n > 1)
                    assert_int_equal(got.items[1].id,
                                     want.items[d == PB_PAGE_FORWARD ? k + 1 : k - 1].id);
                free(got.items);
            }
        }
        free(want.items);
    }
}

static void page__from_the_edge_gives_the_first_and_last_rows(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    struct pb_action_query q = {.order = PB_ORDER_DUE, .filter = {.theme = "t2"}};
    struct rows want = expected(t->db, &q);
    struct pb_page page = {.dir = PB_PAGE_FORWARD, .from_edge = true, .limit = 5};
    struct rows got = {.order = q.order};
    assert_int_equal(pb_action_page(t->db, &q, &page, collect, &got, &err), PB_OK);
    assert_int_equal(got.n, 5);
    assert_int_equal(got.items[0].id, want.items[0].id);
    free(got.items);
    page.dir = PB_PAGE_BACKWARD;
    got = (struct rows){.order = q.order};
    assert_int_equal(pb_action_page(t->db, &q, &page, collect, &got, &err), PB_OK);
    assert_int_equal(got.n, 5);
    assert_false(got.items[0].key.has_due); /* the undated come last */
    assert_int_equal(got.items[0].id, want.items[want.n - 1].id);
    assert_int_equal(got.items[4].id, want.items[want.n - 5].id);
    free(got.items);
    free(want.items);
}

static void page__refuses_unknown_ids(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    struct pb_page page = {.from_edge = true, .limit = 5};
    struct rows got = {0};
    struct pb_action_query q = {.filter = {.theme = "nope"}};
    assert_int_equal(pb_action_page(t->db, &q, &page, collect, &got, &err), PB_ERR_NOT_FOUND);
    q = (struct pb_action_query){.queue = "nobody"};
    assert_int_equal(pb_action_page(t->db, &q, &page, collect, &got, &err), PB_ERR_NOT_FOUND);
    struct pb_action_counts c;
    assert_int_equal(pb_action_count(t->db, &q, &c, &err), PB_ERR_NOT_FOUND);
    assert_int_equal(got.n, 0);
}

static void count__equals_counting_the_listing(void **state)
{
    struct testdb *t = *state;
    struct pb_action_query qs[192];
    size_t n = queries(qs);
    struct pb_error err = {0};
    for (size_t i = 0; i < n; i += 2) {
        struct rows want = expected(t->db, &qs[i]);
        struct pb_action_counts c = {0}, got;
        for (size_t j = 0; j < want.n; j++) {
            const char *s = want.items[j].status;
            c.open += strcmp(s, "open") == 0;
            c.in_progress += strcmp(s, "in-progress") == 0;
            c.done += strcmp(s, "done") == 0;
            c.dropped += strcmp(s, "dropped") == 0;
            c.overdue += want.items[j].overdue;
        }
        assert_int_equal(pb_action_count(t->db, &qs[i], &got, &err), PB_OK);
        assert_int_equal(got.open, c.open);
        assert_int_equal(got.in_progress, c.in_progress);
        assert_int_equal(got.done, c.done);
        assert_int_equal(got.dropped, c.dropped);
        assert_int_equal(got.overdue, c.overdue);
        free(want.items);
    }
}

/* ---- plans ---- */

/* No line of sql's plan scans a table without an index or sorts (a scan
 * of a subquery's few rows, "SCAN (subquery-1)", or of the one row of a
 * SELECT without FROM, "SCAN CONSTANT ROW", reads no table). */
static void assert_plan_clean(struct pb_db *db, const char *sql)
{
    char *explain = pb_xasprintf("EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, explain, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sqlite3_errmsg(db->sql), sql);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *detail = (const char *)sqlite3_column_text(st, 3);
        bool bad = strstr(detail, "TEMP B-TREE") ||
                   (strncmp(detail, "SCAN ", 5) == 0 && detail[5] != '(' &&
                    !strstr(detail, "INDEX") && strcmp(detail, "SCAN CONSTANT ROW") != 0);
        if (bad)
            fail_msg("%s\n  in the plan of: %s", detail, sql);
    }
    sqlite3_finalize(st);
    free(explain);
}

static void plan_page_queries(struct pb_db *db)
{
    struct pb_action_query qs[192];
    size_t n = queries(qs);
    struct pb_error err = {0};
    for (size_t i = 0; i < n; i++) {
        size_t led = 0;
        if (qs[i].queue)
            assert_int_equal(page_queue_led(db, qs[i].queue, &led, &err), PB_OK);
        for (int part = 0; part < 3; part++) {
            if ((part == PART_ID) != (qs[i].order == PB_ORDER_ID) ||
                (part == PART_NO_DUE && qs[i].filter.overdue)) /* never run */
                continue;
            for (int d = 0; d < 2; d++)
                for (int s = 0; s < 3; s++)
                    for (int f = 0; f < 2; f++)
                        assert_plan_clean(db, page_action_sql(db, &qs[i], led, (enum page_part)part,
                                                              (enum pb_page_dir)d,
                                                              (enum page_start)s, f));
        }
        assert_plan_clean(db, page_count_sql(db, &qs[i]));
    }
    for (int list = PB_LIST_THEMES; list <= PB_LIST_FEEDBACK; list++)
        for (int d = 0; d < 2; d++)
            for (int s = 0; s < 3; s++)
                for (int f = 0; f < 2; f++)
                    assert_plan_clean(db, page_list_sql(db, (enum pb_list)list, (enum pb_page_dir)d,
                                                        (enum page_start)s, f));
}

/* As an import leaves the database (with ANALYZE's statistics) and before. */
static void plan__no_page_query_scans_a_table_or_sorts__with_or_without_statistics(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    plan_page_queries(t->db);
    assert_int_equal(pb_db_analyze(t->db, &err), PB_OK);
    plan_page_queries(t->db);
}

/* ---- find ---- */

static void find__finds_forward_and_backward_and_says_when_not(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    struct pb_action_query q = {.order = PB_ORDER_ID};
    struct pb_page from = {.dir = PB_PAGE_FORWARD, .from_edge = true};
    bool found = false;
    struct pb_page_key at = {0};
    assert_int_equal(pb_action_find(t->db, &q, &from, "nEEDLE", &found, &at, &err), PB_OK);
    assert_true(found);
    assert_int_equal(at.order, 1235); /* the 1235th action added */
    from = (struct pb_page){.dir = PB_PAGE_FORWARD, .key = at};
    assert_int_equal(pb_action_find(t->db, &q, &from, "needle", &found, &at, &err), PB_OK);
    assert_false(found);
    from = (struct pb_page){.dir = PB_PAGE_BACKWARD, .key = {.order = 1900}};
    assert_int_equal(pb_action_find(t->db, &q, &from, "needle", &found, &at, &err), PB_OK);
    assert_true(found);
    assert_int_equal(at.order, 1235);
    from.key.order = 1235;
    assert_int_equal(pb_action_find(t->db, &q, &from, "needle", &found, &at, &err), PB_OK);
    assert_false(found);
    from.inclusive = true;
    assert_int_equal(pb_action_find(t->db, &q, &from, "needle", &found, &at, &err), PB_OK);
    assert_true(found);
    /* by id, in due order */
    q.order = PB_ORDER_DUE;
    from = (struct pb_page){.dir = PB_PAGE_BACKWARD, .from_edge = true};
    assert_int_equal(pb_action_find(t->db, &q, &from, "#77", &found, &at, &err), PB_OK);
    assert_true(found);
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)at.order);
    assert_non_null(strstr(id, "77"));
    assert_int_equal(pb_action_find(t->db, &q, &from, "no such words", &found, &at, &err), PB_OK);
    assert_false(found);
}

/* Whether action #id of the fixture (titled "Action number <id - 1>")
 * holds text in its title or as "#<id>". */
static bool fixture_matches(int64_t id, const char *text)
{
    char title[64], hash[24];
    snprintf(title, sizeof title, "action number %lld", (long long)id - 1);
    snprintf(hash, sizeof hash, "#%lld", (long long)id);
    return strstr(title, text) || strstr(hash, text);
}

/* In a queue, find walks the matching rows of the queue alone, in its
 * order, either way. */
static void find__in_a_queue_finds_its_matching_rows_in_order(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    static const char *const queues[] = {"m0", "m5"};
    for (size_t m = 0; m < 2; m++)
        for (int o = 0; o < 2; o++)
            for (int d = 0; d < 2; d++) {
                struct pb_action_query q = {.queue = queues[m], .order = (enum pb_action_order)o};
                struct rows want = expected(t->db, &q);
                struct pb_page from = {.dir = (enum pb_page_dir)d, .from_edge = true};
                size_t seen = 0;
                for (size_t k = 0; k < want.n; k++) {
                    size_t i = d == PB_PAGE_FORWARD ? k : want.n - 1 - k;
                    if (!fixture_matches(want.items[i].id, "number 12"))
                        continue;
                    bool found = false;
                    struct pb_page_key at = {0};
                    assert_int_equal(
                        pb_action_find(t->db, &q, &from, "Number 12", &found, &at, &err), PB_OK);
                    assert_true(found);
                    assert_int_equal(at.order, want.items[i].id);
                    from = (struct pb_page){.dir = from.dir, .key = at};
                    seen++;
                }
                bool found = true;
                struct pb_page_key at = {0};
                assert_int_equal(pb_action_find(t->db, &q, &from, "Number 12", &found, &at, &err),
                                 PB_OK);
                assert_false(found);
                assert_true(seen > 3);
                free(want.items);
            }
}

/* ---- what changed ---- */

static void changes__since_names_exactly_the_tables_touched(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    unsigned tables = 0;
    int64_t since = 0, latest = 0;
    assert_int_equal(pb_changes_since(t->db, 0, &tables, &since, &err), PB_OK);
    assert_true(tables & PB_TABLE_ACTIONS);
    assert_true(tables & PB_TABLE_MEMBERS);
    assert_int_equal(pb_changes_since(t->db, since, &tables, &latest, &err), PB_OK);
    assert_int_equal(tables, 0);
    assert_int_equal(latest, since);

    const char *owner[] = {"m1"};
    struct pb_action_new a = {.title = "Fresh", .owners = owner, .n_owners = 1};
    int64_t id;
    assert_int_equal(pb_action_add(t->db, &a, &id, &err), PB_OK);
    assert_int_equal(pb_changes_since(t->db, since, &tables, &latest, &err), PB_OK);
    assert_int_equal(tables, PB_TABLE_ACTIONS | PB_TABLE_ACTION_OWNERS);
    assert_true(latest > since);
    since = latest;
    assert_int_equal(pb_action_add_update(t->db, id, "a note", &err), PB_OK);
    assert_int_equal(pb_changes_since(t->db, since, &tables, &latest, &err), PB_OK);
    assert_int_equal(tables, PB_TABLE_UPDATES);
}

/* What the dashboard asks as it opens: where to look from next time. At a
 * million actions reading the history for it was most of the first
 * frame. */
static void
changes__since_without_tables__gives_the_newest_without_reading_the_history(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    int64_t newest = 0, latest = -1;
    unsigned tables = 0;
    assert_int_equal(pb_changes_since(t->db, 0, &tables, &newest, &err), PB_OK);
    assert_true(newest > 0);
    testdb_fail_statement(t->db, "FROM change_rows WHERE change >", 0);
    assert_int_equal(pb_changes_since(t->db, 0, NULL, &latest, &err), PB_OK);
    assert_int_equal(latest, newest);
    assert_int_not_equal(pb_changes_since(t->db, 0, &tables, &latest, &err), PB_OK);
    testdb_fail_statement(t->db, NULL, 0);
}

static void changes__last_change_of_a_row_names_who(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    pb_db_set_who(t->db, "m3");
    assert_int_equal(pb_action_set_status(t->db, 5, "dropped", NULL, -1, &err), PB_OK);
    pb_db_set_who(t->db, NULL);
    bool found = false;
    struct pb_change_brief b;
    assert_int_equal(pb_row_last_change(t->db, "actions", 5, &found, &b, &err), PB_OK);
    assert_true(found);
    assert_string_equal(b.who, "m3");
    assert_string_equal(b.what, "status #5 dropped");
    assert_int_equal(b.id, pb_change_last(t->db));
    assert_int_equal(strlen(b.at), 19);
    assert_int_equal(pb_row_last_change(t->db, "actions", 999999, &found, &b, &err), PB_OK);
    assert_false(found);
}

/* ---- the other lists, over a small panel ---- */

static const char small_panel[] =
    "panelboard: 1\n"
    "panel:\n"
    "  name: Corporate Parenting Panel\n"
    "members:\n"
    "- {id: thirkill, name: Cllr Thirkill, kind: councillor}\n"
    "- {id: gov-officer, name: Siobhán O'Neill, kind: officer,"
    " post: Governance Officer}\n"
    "- {id: haider, name: Ali Jan Haider, kind: partner}\n"
    "- {id: knox, name: Cllr Knox, kind: councillor}\n"
    "co-options:\n"
    "- {id: dwp, sector: Department for Work and Pensions,"
    " status: proposed}\n"
    "- {id: youth, sector: Youth Justice, status: appointed,"
    " member: knox}\n"
    "themes:\n"
    "- {id: housing, title: Housing, lead: thirkill,"
    " thoughts: Liaising with LCS., subgroup: [thirkill, gov-officer]}\n"
    "- {id: health, title: Health, lead: haider}\n"
    "- {id: money, title: Money, lead: thirkill}\n"
    "- {id: sport, title: Sport}\n"
    "strategies:\n"
    "- id: cic\n"
    "  title: Children in Care Strategy\n"
    "  priorities: [A strong culture, Staying with families]\n"
    "- {id: sufficiency, title: Sufficiency Strategy, parent: cic}\n"
    "meetings:\n"
    "- {id: 2022-10-12, date: 2022-10-12}\n"
    "- {id: 2022-12-14, date: 2022-12-14}\n"
    "actions:\n"
    "- id: 7\n"
    "  title: Inform portfolio-holders\n"
    "  owners: [thirkill]\n"
    "  theme: housing\n"
    "  due: 2022-11-30\n"
    "  updates:\n"
    "  - {date: 2022-11-09, by: thirkill, text: Met them.}\n"
    "- {id: 8, title: Advise on co-option, owners: all,"
    " due: 2022-12-15, status: in-progress}\n"
    "- {id: 9, title: Circulate, owners: [gov-officer, thirkill],"
    " theme: housing, due: 2022-10-01, status: done}\n"
    "- {id: 10, title: Health check, owners: [haider], theme: health,"
    " due: 2022-11-01}\n"
    "feedback:\n"
    "- {id: 1, said: Nobody listened., status: heard}\n"
    "- {id: 2, said: More trips., did: Booked a coach., status: done}\n";

static int setup_small(void **state)
{
    struct testdb *t = calloc(1, sizeof *t);
    testdb_open(t, TODAY);
    testdb_import_text(t->db, "small.yaml", small_panel);
    *state = t;
    return 0;
}

struct keys {
    int64_t order[16];
    char id[16][32];
    size_t n;
};

static void keep_key(struct keys *k, struct pb_page_key key, const char *id)
{
    assert_true(k->n < 16);
    k->order[k->n] = key.order;
    snprintf(k->id[k->n], sizeof k->id[0], "%s", id ? id : "");
    k->n++;
}

#define COLLECTOR(name, row_type, id_expr)                                                         \
    static enum pb_status name(const row_type *row, void *ctx, struct pb_error *err)               \
    {                                                                                              \
        (void)err;                                                                                 \
        keep_key(ctx, row->key, id_expr);                                                          \
        return PB_OK;                                                                              \
    }
COLLECTOR(theme_key, struct pb_theme_row, row->id)
COLLECTOR(lead_key, struct pb_lead_row, row->id)
COLLECTOR(member_key, struct pb_member_row, row->id)
COLLECTOR(co_option_key, struct pb_co_option_row, row->id)
COLLECTOR(strategy_key, struct pb_strategy_row, row->id)
COLLECTOR(feedback_key, struct pb_feedback_row, row->said)

static enum pb_status list_page(struct pb_db *db, enum pb_list list, const struct pb_page *page,
                                struct keys *k, struct pb_error *err)
{
    switch (list) {
    case PB_LIST_THEMES:
        return pb_theme_page(db, page, theme_key, k, err);
    case PB_LIST_LEADS:
        return pb_lead_page(db, page, lead_key, k, err);
    case PB_LIST_MEMBERS:
        return pb_member_page(db, page, member_key, k, err);
    case PB_LIST_CO_OPTIONS:
        return pb_co_option_page(db, page, co_option_key, k, err);
    case PB_LIST_STRATEGIES:
        return pb_strategy_page(db, page, strategy_key, k, err);
    case PB_LIST_FEEDBACK:
        return pb_feedback_page(db, page, feedback_key, k, err);
    }
    return PB_ERR_INTERNAL;
}

/* Every row of list, a page of two at a time, in direction dir. */
static struct keys walk_list(struct pb_db *db, enum pb_list list, enum pb_page_dir dir)
{
    struct keys k = {0};
    struct pb_page page = {.dir = dir, .from_edge = true, .limit = 2};
    struct pb_error err = {0};
    for (;;) {
        size_t before = k.n;
        assert_int_equal(list_page(db, list, &page, &k, &err), PB_OK);
        if (k.n == before)
            break;
        page.from_edge = false;
        page.key.order = k.order[k.n - 1];
    }
    return k;
}

static void lists__walk_both_ways_in_the_panel_order_and_count_their_rows(void **state)
{
    struct testdb *t = *state;
    static const char *const want[][5] = {
        [PB_LIST_THEMES] = {"housing", "health", "money", "sport"},
        [PB_LIST_LEADS] = {"thirkill", "haider"},
        [PB_LIST_MEMBERS] = {"thirkill", "gov-officer", "haider", "knox"},
        [PB_LIST_CO_OPTIONS] = {"dwp", "youth"},
        [PB_LIST_STRATEGIES] = {"cic", "sufficiency"},
        [PB_LIST_FEEDBACK] = {"Nobody listened.", "More trips."},
    };
    struct pb_error err = {0};
    for (int list = PB_LIST_THEMES; list <= PB_LIST_FEEDBACK; list++) {
        size_t n = 0;
        while (n < 5 && want[list][n])
            n++;
        struct keys fwd = walk_list(t->db, (enum pb_list)list, PB_PAGE_FORWARD);
        struct keys back = walk_list(t->db, (enum pb_list)list, PB_PAGE_BACKWARD);
        assert_int_equal(fwd.n, n);
        assert_int_equal(back.n, n);
        for (size_t i = 0; i < n; i++) {
            assert_string_equal(fwd.id[i], want[list][i]);
            assert_string_equal(back.id[n - 1 - i], want[list][i]);
        }
        int64_t count = -1;
        assert_int_equal(pb_list_count(t->db, (enum pb_list)list, &count, &err), PB_OK);
        assert_int_equal(count, n);
    }
}

static enum pb_status first_theme(const struct pb_theme_row *row, void *ctx, struct pb_error *err)
{
    (void)err;
    memcpy(ctx, row, sizeof *row);
    return PB_ERR_CONFLICT; /* stops the page: a callback's status is returned */
}

static void themes__count_their_actions(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    struct pb_theme_row row;
    struct pb_page page = {.from_edge = true, .limit = 10};
    assert_int_equal(pb_theme_page(t->db, &page, first_theme, &row, &err), PB_ERR_CONFLICT);
    assert_int_equal(row.counts.open, 1);
    assert_int_equal(row.counts.in_progress, 0);
    assert_int_equal(row.counts.done, 1);
    assert_int_equal(row.counts.dropped, 0);
    assert_int_equal(row.counts.overdue, 1);

    struct pb_theme_detail *d = NULL;
    assert_int_equal(pb_theme_get(t->db, "housing", &d, &err), PB_OK);
    assert_string_equal(d->row.title, "Housing");
    assert_string_equal(d->row.lead_name, "Cllr Thirkill");
    assert_string_equal(d->thoughts, "Liaising with LCS.");
    assert_null(d->portfolio);
    assert_int_equal(d->n_subgroup, 2);
    assert_string_equal(d->subgroup[0], "Cllr Thirkill");
    assert_string_equal(d->subgroup[1], "Siobhán O'Neill");
    assert_int_equal(d->row.counts.overdue, 1);
    pb_theme_detail_free(d);
    assert_int_equal(pb_theme_get(t->db, "nope", &d, &err), PB_ERR_NOT_FOUND);
    assert_null(d);
}

struct lead_seen {
    struct pb_lead_row rows[4];
    char themes[4][64];
    size_t n;
};

static enum pb_status keep_lead(const struct pb_lead_row *row, void *ctx, struct pb_error *err)
{
    (void)err;
    struct lead_seen *s = ctx;
    s->rows[s->n] = *row;
    snprintf(s->themes[s->n], sizeof s->themes[0], "%s", row->themes);
    s->n++;
    return PB_OK;
}

static void leads__count_the_actions_of_their_themes_and_their_own_once(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    struct lead_seen s = {0};
    struct pb_page page = {.from_edge = true, .limit = 10};
    assert_int_equal(pb_lead_page(t->db, &page, keep_lead, &s, &err), PB_OK);
    assert_int_equal(s.n, 2);
    /* thirkill: #7 (own, overdue), #8 (all); #9 is done */
    assert_string_equal(s.themes[0], "Housing, Money");
    assert_int_equal(s.rows[0].open, 2);
    assert_int_equal(s.rows[0].overdue, 1);
    assert_true(s.rows[0].has_last_update);
    assert_int_equal(s.rows[0].last_update, day("2022-11-09"));
    /* haider: #10 (own and in their theme, counted once, overdue), #8 */
    assert_string_equal(s.themes[1], "Health");
    assert_int_equal(s.rows[1].open, 2);
    assert_int_equal(s.rows[1].overdue, 1);
    assert_false(s.rows[1].has_last_update);
}

static enum pb_status keep_member(const struct pb_member_row *row, void *ctx, struct pb_error *err)
{
    (void)err;
    snprintf(ctx, 64, "%s / %s", row->name, row->post ? row->post : "-");
    return PB_OK;
}

static enum pb_status check_strategy(const struct pb_strategy_row *row, void *ctx,
                                     struct pb_error *err)
{
    (void)err;
    if (strcmp(row->id, "cic") == 0) {
        assert_int_equal(row->n_priorities, 2);
        assert_string_equal(row->priorities[0], "A strong culture");
        assert_string_equal(row->priorities[1], "Staying with families");
    } else {
        assert_string_equal(row->parent, "cic");
        assert_int_equal(row->n_priorities, 0);
    }
    (*(int *)ctx)++;
    return PB_OK;
}

static enum pb_status check_co_option(const struct pb_co_option_row *row, void *ctx,
                                      struct pb_error *err)
{
    (void)err;
    if (strcmp(row->id, "youth") == 0)
        assert_string_equal(row->member_name, "Cllr Knox");
    else
        assert_null(row->member);
    (*(int *)ctx)++;
    return PB_OK;
}

static void lists__rows_carry_their_fields(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    char seen[64] = "";
    assert_int_equal(pb_member_get(t->db, "gov-officer", keep_member, seen, &err), PB_OK);
    assert_string_equal(seen, "Siobhán O'Neill / Governance Officer");
    assert_int_equal(pb_member_get(t->db, "nobody", keep_member, seen, &err), PB_ERR_NOT_FOUND);
    struct pb_page page = {.from_edge = true, .limit = 10};
    int n = 0;
    assert_int_equal(pb_strategy_page(t->db, &page, check_strategy, &n, &err), PB_OK);
    assert_int_equal(pb_co_option_page(t->db, &page, check_co_option, &n, &err), PB_OK);
    assert_int_equal(n, 4);
}

static void lists__find_the_next_row_whose_text_matches(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    struct pb_page from = {.dir = PB_PAGE_FORWARD, .from_edge = true};
    bool found = false;
    struct pb_page_key at = {0};
    struct keys members = walk_list(t->db, PB_LIST_MEMBERS, PB_PAGE_FORWARD);
    assert_int_equal(pb_list_find(t->db, PB_LIST_MEMBERS, &from, "o'NEILL", &found, &at, &err),
                     PB_OK);
    assert_true(found);
    assert_int_equal(at.order, members.order[1]);
    /* leads by the titles of their themes */
    struct keys leads = walk_list(t->db, PB_LIST_LEADS, PB_PAGE_FORWARD);
    assert_int_equal(pb_list_find(t->db, PB_LIST_LEADS, &from, "money", &found, &at, &err), PB_OK);
    assert_true(found);
    assert_int_equal(at.order, leads.order[0]);
    /* backward from the last theme, past it */
    struct keys themes = walk_list(t->db, PB_LIST_THEMES, PB_PAGE_FORWARD);
    from = (struct pb_page){.dir = PB_PAGE_BACKWARD, .key = {.order = themes.order[3]}};
    assert_int_equal(pb_list_find(t->db, PB_LIST_THEMES, &from, "ali jan", &found, &at, &err),
                     PB_OK);
    assert_true(found);
    assert_int_equal(at.order, themes.order[1]);
    from.key.order = themes.order[1];
    assert_int_equal(pb_list_find(t->db, PB_LIST_THEMES, &from, "ali jan", &found, &at, &err),
                     PB_OK);
    assert_false(found);
    from = (struct pb_page){.dir = PB_PAGE_FORWARD, .from_edge = true};
    assert_int_equal(pb_list_find(t->db, PB_LIST_FEEDBACK, &from, "COACH", &found, &at, &err),
                     PB_OK);
    assert_true(found);
    assert_int_equal(at.order, 2);
}

static void header__names_the_panel_and_the_meetings_either_side(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    char *name = NULL;
    assert_int_equal(pb_panel_name(t->db, &name, &err), PB_OK);
    assert_string_equal(name, "Corporate Parenting Panel");
    free(name);
    bool found = false;
    struct pb_meeting_brief m;
    assert_int_equal(pb_meeting_on_or_before(t->db, day(TODAY), &found, &m, &err), PB_OK);
    assert_true(found);
    assert_string_equal(m.id, "2022-10-12");
    assert_int_equal(pb_meeting_after(t->db, day(TODAY), &found, &m, &err), PB_OK);
    assert_true(found);
    assert_int_equal(m.date, day("2022-12-14"));
    assert_int_equal(pb_meeting_after(t->db, day("2022-12-14"), &found, &m, &err), PB_OK);
    assert_false(found);
    assert_int_equal(pb_meeting_on_or_before(t->db, day("2022-01-01"), &found, &m, &err), PB_OK);
    assert_false(found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(page__walks_forward_and_backward_as_the_sorted_listing),
        cmocka_unit_test(queue__lists_the_rows_its_pages_show),
        cmocka_unit_test(page__starts_at_its_key_when_inclusive),
        cmocka_unit_test(page__from_the_edge_gives_the_first_and_last_rows),
        cmocka_unit_test(page__refuses_unknown_ids),
        cmocka_unit_test(count__equals_counting_the_listing),
        cmocka_unit_test(plan__no_page_query_scans_a_table_or_sorts__with_or_without_statistics),
        cmocka_unit_test(find__finds_forward_and_backward_and_says_when_not),
        cmocka_unit_test(find__in_a_queue_finds_its_matching_rows_in_order),
        cmocka_unit_test(changes__since_names_exactly_the_tables_touched),
        cmocka_unit_test(
            changes__since_without_tables__gives_the_newest_without_reading_the_history),
        cmocka_unit_test(changes__last_change_of_a_row_names_who),
    };
    const struct CMUnitTest small[] = {
        cmocka_unit_test(lists__walk_both_ways_in_the_panel_order_and_count_their_rows),
        cmocka_unit_test(themes__count_their_actions),
        cmocka_unit_test(leads__count_the_actions_of_their_themes_and_their_own_once),
        cmocka_unit_test(lists__rows_carry_their_fields),
        cmocka_unit_test(lists__find_the_next_row_whose_text_matches),
        cmocka_unit_test(header__names_the_panel_and_the_meetings_either_side),
    };
    const struct CMUnitTest many[] = {
        cmocka_unit_test(queue__of_a_member_leading_many_themes_pages_and_counts_as_the_listing),
        cmocka_unit_test(queue__follows_edits_of_due_status_and_owners__drops_and_undo),
        cmocka_unit_test(queue__follows_rows_written_in_any_order_behind_its_back),
    };
    int failed = cmocka_run_group_tests(tests, setup, teardown);
    failed += cmocka_run_group_tests(many, setup_many_themes, teardown);
    return failed + cmocka_run_group_tests(small, setup_small, teardown);
}
