/*
 * Undo of each kind of change, in a chain: after every change the whole
 * panel is exported as a snapshot; undoing the changes newest first must
 * bring back each earlier snapshot exactly, and undoing the undos (redo)
 * must bring the later ones back, every reversal recorded in the history.
 */
#include <panelboard/action.h>
#include <panelboard/panelfile.h>

#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_STEPS 16

struct chain {
    struct testdb t;
    char *snapshot[MAX_STEPS + 1]; /* snapshot[i]: the panel after i changes */
    int64_t change[MAX_STEPS + 1]; /* change[i]: the id of change i (1-based) */
    int steps;
};

static char *export_yaml(struct pb_db *db)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    struct pb_error err = {0};
    assert_int_equal(pb_export(db, out, &err), PB_OK);
    fclose(out);
    return text;
}

/* Records the change just made as the next step of the chain. */
static void step_done(struct chain *c)
{
    c->steps++;
    c->change[c->steps] = pb_change_last(c->t.db);
    assert_true(c->change[c->steps] > 0);
    c->snapshot[c->steps] = export_yaml(c->t.db);
    assert_string_not_equal(c->snapshot[c->steps], c->snapshot[c->steps - 1]);
}

static const char panel_text[] = "panelboard: 1\n"
                                 "members:\n"
                                 "  - {id: chair, name: Chair of the Panel, kind: councillor, post: Chair}\n"
                                 "  - {id: thirkill, name: Cllr Thirkill, kind: councillor}\n"
                                 "themes:\n"
                                 "  - {id: housing, title: Housing, lead: thirkill, subgroup: [thirkill]}\n"
                                 "meetings:\n"
                                 "  - id: 2022-10-12\n"
                                 "    date: 2022-10-12\n"
                                 "    decisions:\n"
                                 "      - {ref: \"3\", text: Co-opted membership to be expanded.}\n";

static const char second_text[] = "panelboard: 1\n"
                                  "themes:\n"
                                  "  - {id: housing, title: Housing and homes, subgroup: [thirkill, chair]}\n"
                                  "meetings:\n"
                                  "  - id: 2022-10-12\n"
                                  "    date: 2022-10-12\n"
                                  "    decisions:\n"
                                  "      - {ref: \"4\", text: The Governance Officer to advise.}\n"
                                  "feedback:\n"
                                  "  - {id: 1, said: We were not told what happened., theme: housing}\n";

static int setup(void **state)
{
    struct chain *c = calloc(1, sizeof *c);
    testdb_open(&c->t, "2022-11-11");
    pb_db_set_who(c->t.db, "chair");
    struct pb_error err = {0};
    c->snapshot[0] = export_yaml(c->t.db);

    struct pb_import_summary sum;
    /* 1: an import (several kinds, lists and child records at once) */
    assert_int_equal(pb_import_buffer(c->t.db, "panel.yaml", panel_text, strlen(panel_text), &sum,
                                      NULL, NULL, &err),
                     PB_OK);
    step_done(c);
    /* 2: an import that updates a row, replaces a list, adds a child and a feedback item */
    assert_int_equal(pb_import_buffer(c->t.db, "second.yaml", second_text, strlen(second_text),
                                      &sum, NULL, NULL, &err),
                     PB_OK);
    step_done(c);
    /* 3: quick capture of an action with two owners */
    const char *owners[] = {"thirkill", "chair"};
    struct pb_action_new a = {.title = "Write to DWP", .owners = owners, .n_owners = 2,
                              .theme = "housing", .ref = "Resolved (3)"};
    int64_t id = 0;
    assert_int_equal(pb_action_add(c->t.db, &a, &id, &err), PB_OK);
    step_done(c);
    /* 4: an update note */
    assert_int_equal(pb_action_add_update(c->t.db, id, "Drafted.", &err), PB_OK);
    step_done(c);
    /* 5: done, with a note: status and update in one change */
    assert_int_equal(pb_action_set_status(c->t.db, id, "done", "Letter sent", -1, &err), PB_OK);
    step_done(c);
    *state = c;
    return 0;
}

static int teardown(void **state)
{
    struct chain *c = *state;
    testdb_close(&c->t);
    for (int i = 0; i <= c->steps; i++)
        free(c->snapshot[i]);
    free(c);
    return 0;
}

static void undo__each_kind_of_change_newest_first__restores_each_earlier_panel(void **state)
{
    struct chain *c = *state;
    struct pb_error err = {0};
    int64_t undo_of[MAX_STEPS + 1];
    for (int i = c->steps; i >= 1; i--) {
        assert_int_equal(pb_change_undo(c->t.db, c->change[i], &undo_of[i], &err), PB_OK);
        char *now = export_yaml(c->t.db);
        assert_string_equal(now, c->snapshot[i - 1]);
        free(now);
    }
    /* every reversal is a change of its own */
    assert_int_equal(testdb_history_entries(c->t.db), 2 * c->steps);
    /* redo: undoing the undos, oldest first, brings each later panel back */
    for (int i = 1; i <= c->steps; i++) {
        assert_int_equal(pb_change_undo(c->t.db, undo_of[i], NULL, &err), PB_OK);
        char *now = export_yaml(c->t.db);
        assert_string_equal(now, c->snapshot[i]);
        free(now);
    }
}

static void undo__out_of_order_over_a_later_change__is_refused_and_changes_nothing(void **state)
{
    struct chain *c = *state;
    struct pb_error err = {0};
    /* change 3 added the action; change 5 has moved it on since */
    assert_int_equal(pb_change_undo(c->t.db, c->change[3], NULL, &err), PB_ERR_CONFLICT);
    char *now = export_yaml(c->t.db);
    assert_string_equal(now, c->snapshot[c->steps]);
    free(now);
    assert_int_equal(testdb_history_entries(c->t.db), c->steps);
}

static void undo__of_the_last_change_only__keeps_the_earlier_ones(void **state)
{
    struct chain *c = *state;
    struct pb_error err = {0};
    assert_int_equal(pb_change_undo(c->t.db, c->change[c->steps], NULL, &err), PB_OK);
    struct pb_action *a = NULL;
    assert_int_equal(pb_action_get(c->t.db, 1, &a, &err), PB_OK);
    assert_string_equal(a->status, "open");
    assert_int_equal(a->n_updates, 1);
    assert_string_equal(a->updates[0].text, "Drafted.");
    pb_action_free(a);
}

/* A form read the action, someone else moved it on and then undid that:
 * the row is as the form saw it but has moved on twice, and a save with the
 * revision the form read must be refused, not silently win. */
static void undo__gives_the_row_a_new_revision__so_a_stale_save_is_refused(void **state)
{
    struct chain *c = *state;
    struct pb_error err = {0};
    struct pb_action *seen = NULL;
    assert_int_equal(pb_action_get(c->t.db, 1, &seen, &err), PB_OK);
    int64_t read_revision = seen->revision;
    pb_action_free(seen);

    assert_int_equal(pb_action_set_status(c->t.db, 1, "dropped", NULL, -1, &err), PB_OK);
    assert_int_equal(pb_change_undo(c->t.db, pb_change_last(c->t.db), NULL, &err), PB_OK);
    assert_int_equal(pb_action_set_status(c->t.db, 1, "open", NULL, read_revision, &err),
                     PB_ERR_CONFLICT);
    struct pb_action *now = NULL;
    assert_int_equal(pb_action_get(c->t.db, 1, &now, &err), PB_OK);
    assert_string_equal(now->status, "done");
    assert_true(now->revision > read_revision);
    pb_action_free(now);
}

/* The rows of the change are gathered first; a step that fails part way
 * must fail the undo, not reverse the part gathered and commit it. */
static void undo__whose_rows_cannot_all_be_read__fails_and_changes_nothing(void **state)
{
    struct chain *c = *state;
    struct pb_error err = {0};
    testdb_fail_statement(c->t.db, "SELECT tbl, row_id, before, after FROM change_rows", 20);
    enum pb_status s = pb_change_undo(c->t.db, c->change[c->steps], NULL, &err);
    testdb_fail_statement(c->t.db, NULL, 0);
    assert_int_not_equal(s, PB_OK);
    char *now = export_yaml(c->t.db);
    assert_string_equal(now, c->snapshot[c->steps]);
    free(now);
    assert_int_equal(testdb_history_entries(c->t.db), c->steps);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(undo__each_kind_of_change_newest_first__restores_each_earlier_panel),
        T(undo__out_of_order_over_a_later_change__is_refused_and_changes_nothing),
        T(undo__of_the_last_change_only__keeps_the_earlier_ones),
        T(undo__gives_the_row_a_new_revision__so_a_stale_save_is_refused),
        T(undo__whose_rows_cannot_all_be_read__fails_and_changes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
