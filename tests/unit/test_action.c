/*
 * Actions over a real SQLite file (action.h): adding and reading them,
 * listings and queues in the order the panel works them, status changes
 * with their notes, and the revision check that stops one person's save
 * from silently overwriting another's. Today is always pinned.
 */
#include <panelboard/action.h>
#include <panelboard/record.h>

#include "action_rows.h"
#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static void add_member(struct pb_db *db, const char *id, const char *kind)
{
    struct pb_value v[11] = {0};
    v[0] = (struct pb_value){.state = PB_VALUE_TEXT, .text = id};
    v[1] = (struct pb_value){.state = PB_VALUE_TEXT, .text = id};
    v[2] = (struct pb_value){.state = PB_VALUE_TEXT, .text = kind};
    put(db, PB_KIND_MEMBER, v);
}

static void add_theme(struct pb_db *db, const char *id, const char *lead)
{
    struct pb_value v[6] = {0};
    v[0] = (struct pb_value){.state = PB_VALUE_TEXT, .text = id};
    v[1] = (struct pb_value){.state = PB_VALUE_TEXT, .text = id};
    v[2] = (struct pb_value){.state = PB_VALUE_TEXT, .text = lead};
    put(db, PB_KIND_THEME, v);
}

/* A panel like the example's: a chair, two theme leads, an officer. */
static int setup(void **state)
{
    struct testdb *f = calloc(1, sizeof *f);
    testdb_open(f, "2022-12-01");
    add_member(f->db, "chair", "councillor");
    add_member(f->db, "thirkill", "councillor");
    add_member(f->db, "knox", "councillor");
    add_member(f->db, "gov-officer", "officer");
    add_theme(f->db, "housing", "thirkill");
    add_theme(f->db, "leisure", "knox");
    struct pb_value m[16] = {0}; /* at least the fields of a meeting */
    m[0] = (struct pb_value){.state = PB_VALUE_TEXT, .text = "2022-10-12"};
    m[1] = (struct pb_value){.state = PB_VALUE_TEXT, .text = "2022-10-12"};
    put(f->db, PB_KIND_MEETING, m);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    return 0;
}

/* Adds an action owned by `owner` ("all" for everyone), with theme and due
 * date when not NULL; returns its id. */
static int64_t add(struct pb_db *db, const char *title, const char *owner, const char *theme,
                   const char *due)
{
    const char *owners[] = {owner};
    bool all = strcmp(owner, "all") == 0;
    struct pb_action_new a = {
        .title = title,
        .owners = all ? NULL : owners,
        .n_owners = all ? 0 : 1,
        .owners_all = all,
        .theme = theme,
        .has_due = due != NULL,
        .due = due ? day(due) : 0,
    };
    int64_t id = 0;
    struct pb_error err = {0};
    assert_int_equal(pb_action_add(db, &a, &id, &err), PB_OK);
    return id;
}

static void set_status(struct pb_db *db, int64_t id, const char *status)
{
    struct pb_error err = {0};
    assert_int_equal(pb_action_set_status(db, id, status, NULL, -1, &err), PB_OK);
}

/* Listings collected as "3!,8,1": ids in order, ! for overdue. */
struct ids {
    char text[512];
};

static enum pb_status collect(const struct pb_action *a, void *ctx, struct pb_error *err)
{
    (void)err;
    struct ids *c = ctx;
    size_t len = strlen(c->text);
    snprintf(c->text + len, sizeof c->text - len, "%s%lld%s", len ? "," : "", (long long)a->id,
             a->overdue ? "!" : "");
    return PB_OK;
}

static const char *listed(struct pb_db *db, struct pb_action_filter filter, struct ids *c)
{
    struct pb_error err = {0};
    memset(c, 0, sizeof *c);
    assert_int_equal(pb_action_list(db, &filter, collect, c, &err), PB_OK);
    return c->text;
}

static const char *queued(struct pb_db *db, const char *member, struct ids *c)
{
    struct pb_error err = {0};
    memset(c, 0, sizeof *c);
    assert_int_equal(pb_action_queue(db, member, collect, c, &err), PB_OK);
    return c->text;
}

static void add__then_get__returns_every_field_at_revision_1(void **state)
{
    struct testdb *f = *state;
    const char *owners[] = {"thirkill", "gov-officer"};
    struct pb_action_new a = {
        .title = "  Write to DWP  ",
        .owners = owners,
        .n_owners = 2,
        .theme = "housing",
        .has_due = true,
        .due = day("2022-12-15"),
        .meeting = "2022-10-12",
        .ref = "Resolved (3)",
    };
    int64_t id = 0;
    struct pb_error err = {0};
    size_t before = testdb_history_entries(f->db);
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_OK);
    assert_int_equal(id, 1);
    assert_int_equal(testdb_history_entries(f->db), before + 1);

    struct pb_action *got = NULL;
    assert_int_equal(pb_action_get(f->db, id, &got, &err), PB_OK);
    assert_string_equal(got->title, "Write to DWP");
    assert_int_equal(got->n_owners, 2);
    assert_string_equal(got->owners[0], "thirkill");
    assert_string_equal(got->owners[1], "gov-officer");
    assert_false(got->owners_all);
    assert_string_equal(got->theme, "housing");
    assert_true(got->has_due);
    assert_int_equal(got->due, day("2022-12-15"));
    assert_string_equal(got->status, "open");
    assert_string_equal(got->meeting, "2022-10-12");
    assert_string_equal(got->ref, "Resolved (3)");
    assert_int_equal(got->revision, 1);
    assert_false(got->overdue);
    assert_int_equal(got->n_updates, 0);
    pb_action_free(got);
}

static void add__refuses_an_unknown_owner_with_suggestion__and_adds_nothing(void **state)
{
    struct testdb *f = *state;
    const char *owners[] = {"thirkil"};
    struct pb_action_new a = {.title = "Write to DWP", .owners = owners, .n_owners = 1};
    int64_t id = 0;
    struct pb_error err = {0};
    size_t before = testdb_history_entries(f->db);
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_ERR_NOT_FOUND);
    assert_string_equal(err.message, "no member 'thirkil'; did you mean 'thirkill'?");

    a.owners_all = true;
    a.n_owners = 0;
    a.theme = "housin";
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_ERR_NOT_FOUND);
    assert_string_equal(err.message, "no theme 'housin'; did you mean 'housing'?");

    struct ids c;
    assert_string_equal(listed(f->db, (struct pb_action_filter){0}, &c), "");
    assert_int_equal(testdb_history_entries(f->db), before);
}

static void add__needs_an_owner_and_a_one_line_title(void **state)
{
    struct testdb *f = *state;
    struct pb_action_new a = {.title = "Write to DWP"};
    int64_t id = 0;
    struct pb_error err = {0};
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_ERR_DATA);
    assert_string_equal(err.message, "an action needs an owner: a member, or all");
    a.owners_all = true;
    a.title = "Write\nto DWP";
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_ERR_DATA);
    assert_string_equal(err.message, "a title holds a control character");
    a.title = "   ";
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_ERR_DATA);
    assert_string_equal(err.message, "a title cannot be empty");
}

static void list__filters_by_theme_owner_status_and_overdue(void **state)
{
    struct testdb *f = *state;
    add(f->db, "Visit Skills House", "thirkill", "housing", "2022-11-30"); /* 1: overdue */
    add(f->db, "Tell young people", "all", NULL, "2023-01-11");            /* 2 */
    add(f->db, "Pupil Premium Plus", "knox", "leisure", "2022-11-01");     /* 3: overdue */
    add(f->db, "Housing options", "knox", "housing", NULL);                /* 4 */
    add(f->db, "Procedure", "gov-officer", NULL, "2022-10-31");            /* 5: done */
    set_status(f->db, 5, "done");
    struct ids c;
    assert_string_equal(listed(f->db, (struct pb_action_filter){0}, &c), "1!,2,3!,4,5");
    assert_string_equal(listed(f->db, (struct pb_action_filter){.theme = "housing"}, &c), "1!,4");
    /* an action owned by all is knox's too */
    assert_string_equal(listed(f->db, (struct pb_action_filter){.owner = "knox"}, &c), "2,3!,4");
    assert_string_equal(listed(f->db, (struct pb_action_filter){.status = "done"}, &c), "5");
    assert_string_equal(listed(f->db, (struct pb_action_filter){.overdue = true}, &c), "1!,3!");
    assert_string_equal(
        listed(f->db, (struct pb_action_filter){.owner = "knox", .overdue = true}, &c), "3!");
    assert_string_equal(
        listed(f->db, (struct pb_action_filter){.theme = "housing", .status = "open"}, &c), "1!,4");
}

static void list__refuses_unknown_theme_owner_and_status(void **state)
{
    struct testdb *f = *state;
    struct ids c = {0};
    struct pb_error err = {0};
    struct pb_action_filter bad_theme = {.theme = "leisur"};
    assert_int_equal(pb_action_list(f->db, &bad_theme, collect, &c, &err), PB_ERR_NOT_FOUND);
    assert_string_equal(err.message, "no theme 'leisur'; did you mean 'leisure'?");
    struct pb_action_filter bad_owner = {.owner = "nox"};
    assert_int_equal(pb_action_list(f->db, &bad_owner, collect, &c, &err), PB_ERR_NOT_FOUND);
    assert_string_equal(err.message, "no member 'nox'; did you mean 'knox'?");
    struct pb_action_filter bad_status = {.status = "closed"};
    assert_int_equal(pb_action_list(f->db, &bad_status, collect, &c, &err), PB_ERR_DATA);
    assert_non_null(strstr(err.message, "open, in-progress, done or dropped"));
}

static void queue__overdue_first_then_due_then_id__no_due_date_last(void **state)
{
    struct testdb *f = *state;
    add(f->db, "Write to DWP", "thirkill", NULL, "2022-12-15");        /* 1 */
    add(f->db, "Tell young people", "all", NULL, "2023-01-11");        /* 2: all's */
    add(f->db, "Housing options", "knox", "housing", "2022-11-01");    /* 3: his theme */
    add(f->db, "Someday", "thirkill", NULL, NULL);                     /* 4: no due date */
    add(f->db, "Finished", "thirkill", NULL, "2022-11-20");            /* 5: done */
    add(f->db, "Pupil Premium Plus", "knox", "leisure", "2022-11-01"); /* 6: not his */
    add(f->db, "Chase the reply", "thirkill", NULL, "2022-12-15");     /* 7 */
    add(f->db, "Visit Skills House", "thirkill", NULL, "2022-11-25");  /* 8: in progress */
    add(f->db, "Abandoned", "thirkill", "housing", "2022-11-02");      /* 9: dropped */
    set_status(f->db, 5, "done");
    set_status(f->db, 8, "in-progress");
    set_status(f->db, 9, "dropped");
    struct ids c;
    assert_string_equal(queued(f->db, "thirkill", &c), "3!,8!,1,7,2,4");
    assert_string_equal(queued(f->db, "knox", &c), "3!,6!,2");
    assert_string_equal(queued(f->db, "chair", &c), "2");
}

static void queue__of_an_unknown_member_is_refused_with_suggestion(void **state)
{
    struct testdb *f = *state;
    struct ids c = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_action_queue(f->db, "thirkil", collect, &c, &err), PB_ERR_NOT_FOUND);
    assert_string_equal(err.message, "no member 'thirkil'; did you mean 'thirkill'?");
}

static void overdue__follows_the_pinned_today_and_ends_when_done(void **state)
{
    struct testdb *f = *state;
    add(f->db, "Inform portfolio-holders", "chair", NULL, "2022-11-30");
    struct ids c;
    pb_db_set_today(f->db, day("2022-11-30"));
    assert_string_equal(listed(f->db, (struct pb_action_filter){0}, &c), "1");
    pb_db_set_today(f->db, day("2022-12-01"));
    assert_string_equal(listed(f->db, (struct pb_action_filter){0}, &c), "1!");
    set_status(f->db, 1, "done");
    assert_string_equal(listed(f->db, (struct pb_action_filter){0}, &c), "1");
    assert_string_equal(listed(f->db, (struct pb_action_filter){.overdue = true}, &c), "");
}

static void set_status__with_note__adds_update_by_who_dated_today__in_one_change(void **state)
{
    struct testdb *f = *state;
    int64_t id = add(f->db, "Write to DWP", "thirkill", "housing", "2022-12-15");
    size_t before = testdb_history_entries(f->db);
    pb_db_set_who(f->db, "thirkill");
    struct pb_error err = {0};
    assert_int_equal(pb_action_set_status(f->db, id, "done", "Letter sent\n", 1, &err), PB_OK);
    assert_int_equal(testdb_history_entries(f->db), before + 1);

    struct pb_action *a = NULL;
    assert_int_equal(pb_action_get(f->db, id, &a, &err), PB_OK);
    assert_string_equal(a->status, "done");
    assert_int_equal(a->revision, 2);
    assert_int_equal(a->n_updates, 1);
    assert_string_equal(a->updates[0].text, "Letter sent");
    assert_string_equal(a->updates[0].by, "thirkill");
    assert_int_equal(a->updates[0].date, day("2022-12-01"));
    pb_action_free(a);
}

static void set_status__refuses_a_stale_revision__and_changes_nothing(void **state)
{
    struct testdb *f = *state;
    int64_t id = add(f->db, "Write to DWP", "thirkill", "housing", "2022-12-15");
    struct pb_action *seen = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_action_get(f->db, id, &seen, &err), PB_OK);
    /* someone else, on another connection, moves it on first */
    struct pb_db *other = NULL;
    struct pb_db_options opt = {.path = f->path, .must_exist = true};
    assert_int_equal(pb_db_open(&opt, &other, &err), PB_OK);
    assert_int_equal(pb_action_set_status(other, id, "in-progress", NULL, seen->revision, &err),
                     PB_OK);
    pb_db_close(other);
    size_t before = testdb_history_entries(f->db);

    assert_int_equal(
        pb_action_set_status(f->db, id, "dropped", "No longer needed", seen->revision, &err),
        PB_ERR_CONFLICT);
    assert_string_equal(err.message, "action #1 was changed by someone else since you read it");
    pb_action_free(seen);

    struct pb_action *now = NULL;
    assert_int_equal(pb_action_get(f->db, id, &now, &err), PB_OK);
    assert_string_equal(now->status, "in-progress");
    assert_int_equal(now->revision, 2);
    assert_int_equal(now->n_updates, 0);
    pb_action_free(now);
    assert_int_equal(testdb_history_entries(f->db), before);
}

static void set_status__same_status_without_note__writes_nothing(void **state)
{
    struct testdb *f = *state;
    int64_t id = add(f->db, "Write to DWP", "thirkill", NULL, NULL);
    size_t before = testdb_history_entries(f->db);
    set_status(f->db, id, "open");
    assert_int_equal(testdb_history_entries(f->db), before);
}

static void set_status__unknown_id_or_status__is_refused(void **state)
{
    struct testdb *f = *state;
    add(f->db, "Write to DWP", "thirkill", NULL, NULL);
    struct pb_error err = {0};
    assert_int_equal(pb_action_set_status(f->db, 99, "done", "x", -1, &err), PB_ERR_NOT_FOUND);
    assert_string_equal(err.message, "no action #99");
    assert_int_equal(pb_action_set_status(f->db, 1, "in-progres", NULL, -1, &err), PB_ERR_DATA);
    assert_string_equal(err.message, "no status 'in-progres'; did you mean 'in-progress'? "
                                     "(open, in-progress, done or dropped)");
    struct pb_action *a = NULL;
    assert_int_equal(pb_action_get(f->db, 99, &a, &err), PB_ERR_NOT_FOUND);
    assert_null(a);
}

static void add_update__keeps_the_revision__and_orders_updates_by_date(void **state)
{
    struct testdb *f = *state;
    int64_t id = add(f->db, "Write to DWP", "thirkill", NULL, NULL);
    struct pb_error err = {0};
    pb_db_set_who(f->db, "knox");
    assert_int_equal(pb_action_add_update(f->db, id, "Chased by phone", &err), PB_OK);
    pb_db_set_today(f->db, day("2022-11-20"));
    pb_db_set_who(f->db, NULL);
    assert_int_equal(pb_action_add_update(f->db, id, "Drafted", &err), PB_OK);
    assert_int_equal(pb_action_add_update(f->db, 42, "Nowhere", &err), PB_ERR_NOT_FOUND);

    struct pb_action *a = NULL;
    assert_int_equal(pb_action_get(f->db, id, &a, &err), PB_OK);
    assert_int_equal(a->revision, 1);
    assert_int_equal(a->n_updates, 2);
    assert_string_equal(a->updates[0].text, "Drafted");
    assert_null(a->updates[0].by);
    assert_string_equal(a->updates[1].text, "Chased by phone");
    assert_string_equal(a->updates[1].by, "knox");
    pb_action_free(a);
}

/* Whether sql's plan sorts (a temporary b-tree for ORDER BY), which would
 * read every match before the first line. */
static bool plan_sorts(struct pb_db *db, const char *sql)
{
    char *explain = pb_xasprintf("EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, explain, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sqlite3_errmsg(db->sql), sql);
    bool sorts = false;
    while (sqlite3_step(st) == SQLITE_ROW)
        sorts |= strstr((const char *)sqlite3_column_text(st, 3), "TEMP B-TREE") != NULL;
    sqlite3_finalize(st);
    free(explain);
    return sorts;
}

/* (A queue is read as pages are: test_page.c looks at its plans.) */
static void list__streams_in_its_order_from_an_index__with_or_without_statistics(void **state)
{
    struct testdb *f = *state;
    for (int analyzed = 0; analyzed < 2; analyzed++) {
        for (unsigned which = 0; which < 16; which++)
            if (plan_sorts(f->db, action_list_sql(which)))
                fail_msg("listing %u sorts: %s", which, action_list_sql(which));
        struct pb_error err = {0};
        assert_int_equal(pb_db_analyze(f->db, &err), PB_OK);
    }
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(add__then_get__returns_every_field_at_revision_1),
        T(add__refuses_an_unknown_owner_with_suggestion__and_adds_nothing),
        T(add__needs_an_owner_and_a_one_line_title),
        T(list__filters_by_theme_owner_status_and_overdue),
        T(list__refuses_unknown_theme_owner_and_status),
        T(queue__overdue_first_then_due_then_id__no_due_date_last),
        T(queue__of_an_unknown_member_is_refused_with_suggestion),
        T(list__streams_in_its_order_from_an_index__with_or_without_statistics),
        T(overdue__follows_the_pinned_today_and_ends_when_done),
        T(set_status__with_note__adds_update_by_who_dated_today__in_one_change),
        T(set_status__refuses_a_stale_revision__and_changes_nothing),
        T(set_status__same_status_without_note__writes_nothing),
        T(set_status__unknown_id_or_status__is_refused),
        T(add_update__keeps_the_revision__and_orders_updates_by_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
