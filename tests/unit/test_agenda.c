/*
 * Running a meeting over a real SQLite file (agenda.h): today's meeting
 * found or made, items added in order, decisions numbered, questions,
 * minutes text with its revision check, attendance, and what a theme's
 * lead reports back; and the minutes printing what was recorded.
 */
#include <panelboard/action.h>
#include <panelboard/agenda.h>
#include <panelboard/minutes.h>

#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char panel[] = "panelboard: 1\n"
                            "panel: {name: Corporate Parenting Panel}\n"
                            "members:\n"
                            "  - {id: dunbar, name: Cllr Dunbar, kind: councillor, post: Chair}\n"
                            "  - {id: knox, name: Cllr Knox, kind: councillor}\n"
                            "  - {id: gone, name: Cllr Gone, kind: councillor, left: 2022-01-01}\n"
                            "themes:\n"
                            "  - {id: housing, title: Housing, lead: knox}\n"
                            "actions:\n"
                            "  - id: 1\n"
                            "    title: Write to the DWP\n"
                            "    owners: [knox]\n"
                            "    theme: housing\n"
                            "    updates:\n"
                            "      - {date: 2022-09-01, by: knox, text: Drafted.}\n"
                            "      - {date: 2022-11-20, by: knox, text: Letter sent.}\n";

static pb_day day(const char *text)
{
    pb_day d = 0;
    assert_true(pb_date_parse(text, &d));
    return d;
}

static int setup(void **state)
{
    struct testdb *t = calloc(1, sizeof *t);
    testdb_open(t, "2022-12-01");
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

static struct pb_meeting_brief start(struct pb_db *db)
{
    struct pb_meeting_brief m = {0};
    bool found = false;
    struct pb_error err = {0};
    assert_int_equal(pb_meeting_for_day(db, day("2022-12-01"), "Corporate Parenting Panel", true,
                                        &found, &m, &err),
                     PB_OK);
    assert_true(found);
    return m;
}

struct items {
    char refs[256];
    int64_t ids[8];
    int64_t revisions[8];
    size_t n;
};

static enum pb_status collect(const struct pb_agenda_item *it, void *ctx, struct pb_error *err)
{
    (void)err;
    struct items *x = ctx;
    size_t used = strlen(x->refs);
    snprintf(x->refs + used, sizeof x->refs - used, "%s%s:%zu/%zu", used ? " " : "", it->ref,
             it->n_decisions, it->n_questions);
    x->ids[x->n] = it->id;
    x->revisions[x->n++] = it->revision;
    return PB_OK;
}

static struct items agenda(struct pb_db *db, const char *meeting)
{
    struct items x = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_agenda_each(db, meeting, collect, &x, &err), PB_OK);
    return x;
}

static void meeting__for_today__is_made_once_and_found_after(void **state)
{
    struct testdb *t = *state;
    struct pb_meeting_brief m = start(t->db);
    assert_string_equal(m.id, "2022-12-01");
    struct pb_meeting_brief again = {0};
    bool found = false;
    struct pb_error err = {0};
    assert_int_equal(
        pb_meeting_for_day(t->db, day("2022-12-01"), NULL, false, &found, &again, &err), PB_OK);
    assert_true(found);
    assert_string_equal(again.id, "2022-12-01");
    assert_int_equal(
        pb_meeting_for_day(t->db, day("2022-12-02"), NULL, false, &found, &again, &err), PB_OK);
    assert_false(found);
}

static void agenda__items_keep_their_order__and_a_ref_twice_is_refused(void **state)
{
    struct testdb *t = *state;
    struct pb_meeting_brief m = start(t->db);
    struct pb_error err = {0};
    int64_t id;
    assert_int_equal(pb_item_add(t->db, m.id, "3", "Adviser's visit", false, &id, &err), PB_OK);
    assert_int_equal(pb_item_add(t->db, m.id, "4", "Reports from Panel Leads", true, &id, &err),
                     PB_OK);
    assert_int_equal(pb_item_add(t->db, m.id, "3", "Again", false, &id, &err), PB_ERR_DATA);
    assert_non_null(strstr(err.message, "already has an item 3"));
    assert_string_equal(agenda(t->db, m.id).refs, "3:0/0 4:0/0");
}

static void decisions__are_numbered_in_turn_and_print_in_the_minutes(void **state)
{
    struct testdb *t = *state;
    struct pb_meeting_brief m = start(t->db);
    struct pb_error err = {0};
    int64_t item;
    assert_int_equal(pb_item_add(t->db, m.id, "3", "Co-options", false, &item, &err), PB_OK);
    char ref[16];
    assert_int_equal(pb_item_decide(t->db, item, "That Housing be co-opted.", ref, sizeof ref,
                                    &err),
                     PB_OK);
    assert_string_equal(ref, "1");
    assert_int_equal(pb_item_decide(t->db, item, "That DWP be co-opted.", ref, sizeof ref, &err),
                     PB_OK);
    assert_string_equal(ref, "2");
    assert_int_equal(pb_item_ask(t->db, item, "knox", "Who nominates?", "The partner.", &err),
                     PB_OK);
    assert_string_equal(agenda(t->db, m.id).refs, "3:2/1");
    struct pb_buf out = {0};
    assert_int_equal(pb_minutes_write(t->db, m.id, PB_MINUTES_MD, false, &out, &err), PB_OK);
    assert_non_null(strstr(out.data, "(2) That DWP be co-opted."));
    assert_non_null(strstr(out.data, "Cllr Knox asked who nominates?"));
    pb_buf_free(&out);
}

static void minutes_text__saved_with_a_stale_revision__is_refused(void **state)
{
    struct testdb *t = *state;
    struct pb_meeting_brief m = start(t->db);
    struct pb_error err = {0};
    int64_t item;
    assert_int_equal(pb_item_add(t->db, m.id, "3", "Visit", false, &item, &err), PB_OK);
    int64_t read = agenda(t->db, m.id).revisions[0];
    assert_int_equal(pb_item_set_minutes(t->db, item, "The Chair welcomed all.", read, &err),
                     PB_OK);
    assert_int_equal(pb_item_set_minutes(t->db, item, "Typed over.", read, &err),
                     PB_ERR_CONFLICT);
    assert_int_equal(
        pb_item_set_minutes(t->db, item, "Typed over.", agenda(t->db, m.id).revisions[0], &err),
        PB_OK);
}

struct states {
    char text[256];
};

static enum pb_status note_state(const struct pb_attendee *a, void *ctx, struct pb_error *err)
{
    (void)err;
    struct states *s = ctx;
    size_t used = strlen(s->text);
    snprintf(s->text + used, sizeof s->text - used, "%s%s=%d", used ? " " : "", a->member,
             (int)a->state);
    return PB_OK;
}

static void attendance__is_recorded_member_by_member_and_leavers_are_not_listed(void **state)
{
    struct testdb *t = *state;
    struct pb_meeting_brief m = start(t->db);
    struct pb_error err = {0};
    assert_int_equal(pb_attendance_set(t->db, m.id, "dunbar", PB_ATTENDANCE_PRESENT, &err),
                     PB_OK);
    assert_int_equal(pb_attendance_set(t->db, m.id, "knox", PB_ATTENDANCE_APOLOGIES, &err),
                     PB_OK);
    struct states s = {0};
    assert_int_equal(pb_attendance_each(t->db, m.id, note_state, &s, &err), PB_OK);
    assert_string_equal(s.text, "dunbar=1 knox=2");
    assert_int_equal(pb_attendance_set(t->db, m.id, "knox", PB_ATTENDANCE_NONE, &err), PB_OK);
    memset(&s, 0, sizeof s);
    assert_int_equal(pb_attendance_each(t->db, m.id, note_state, &s, &err), PB_OK);
    assert_string_equal(s.text, "dunbar=1 knox=0");
    assert_int_equal(pb_attendance_set(t->db, m.id, "nobody", PB_ATTENDANCE_PRESENT, &err),
                     PB_ERR_NOT_FOUND);
}

struct news {
    char text[256];
};

static enum pb_status note_news(const struct pb_theme_news *n, void *ctx, struct pb_error *err)
{
    (void)err;
    struct news *x = ctx;
    size_t used = strlen(x->text);
    snprintf(x->text + used, sizeof x->text - used, "%s%s %s", used ? "; " : "", n->date,
             n->text);
    return PB_OK;
}

static void theme_news__are_the_updates_since_the_day_given(void **state)
{
    struct testdb *t = *state;
    struct news x = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_theme_news_since(t->db, "housing", day("2022-10-12"), note_news, &x, &err),
                     PB_OK);
    assert_string_equal(x.text, "2022-11-20 Letter sent.");
}

static void an_action_agreed_under_an_item__needs_an_item_the_meeting_has(void **state)
{
    struct testdb *t = *state;
    struct pb_meeting_brief m = start(t->db);
    struct pb_error err = {0};
    int64_t item, id;
    assert_int_equal(pb_item_add(t->db, m.id, "3", "Visit", false, &item, &err), PB_OK);
    const char *owners[] = {"knox"};
    struct pb_action_new a = {.title = "Report back", .owners = owners, .n_owners = 1,
                              .meeting = m.id, .item = "9"};
    assert_int_equal(pb_action_add(t->db, &a, &id, &err), PB_ERR_NOT_FOUND);
    a.item = "3";
    assert_int_equal(pb_action_add(t->db, &a, &id, &err), PB_OK);
    struct pb_buf out = {0};
    assert_int_equal(pb_minutes_write(t->db, m.id, PB_MINUTES_MD, false, &out, &err), PB_OK);
    assert_non_null(strstr(out.data, "Action: Cllr Knox"));
    pb_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(meeting__for_today__is_made_once_and_found_after, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            agenda__items_keep_their_order__and_a_ref_twice_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(
            decisions__are_numbered_in_turn_and_print_in_the_minutes, setup, teardown),
        cmocka_unit_test_setup_teardown(minutes_text__saved_with_a_stale_revision__is_refused,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            attendance__is_recorded_member_by_member_and_leavers_are_not_listed, setup,
            teardown),
        cmocka_unit_test_setup_teardown(theme_news__are_the_updates_since_the_day_given, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            an_action_agreed_under_an_item__needs_an_item_the_meeting_has, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
