/*
 * The action log (action_log.h, action_log_report.h) on small panels in
 * temporary databases: which actions are outstanding when a meeting is
 * held, how they are grouped, the cut-off at the meeting's date, the
 * section of those closed since the meeting before, actions agreed at no
 * meeting, owners named by post, and the Markdown, CSV and TSV written
 * from the rows.
 */
#include <panelboard/action.h>
#include <panelboard/action_log.h>
#include <panelboard/action_log_report.h>

#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
    struct testdb *f = calloc(1, sizeof *f);
    assert_int_equal(setenv("PANELBOARD_TODAY", "2023-01-01", 1), 0);
    testdb_open(f, "2023-01-01");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    return 0;
}

/* Three meetings; actions agreed at the first two (one under no item),
 * one at no meeting, one at the third. */
static const char panel[] =
    "panelboard: 1\n"
    "panel: {name: Corporate Parenting Panel}\n"
    "members:\n"
    "  - {id: chair, name: Jo Bloggs, kind: councillor, post: Chair}\n"
    "  - {id: thirkill, name: Cllr Thirkill, kind: councillor}\n"
    "  - {id: gov-officer, name: Łukasz Nguyễn, kind: officer, post: Governance Officer}\n"
    "meetings:\n"
    "  - id: m1\n"
    "    date: 2022-10-12\n"
    "    items:\n"
    "      - {ref: '3', title: Housing for care leavers}\n"
    "      - {ref: '4', title: Co-opted members}\n"
    "  - id: m2\n"
    "    date: 2023-01-11\n"
    "    items:\n"
    "      - {ref: '2', title: Pledge}\n"
    "  - id: m3\n"
    "    date: 2023-03-15\n"
    "actions:\n"
    "  - {id: 1, title: Write to the *DWP*, owners: [thirkill], due: 2022-12-01,"
    " meeting: m1, item: '4', ref: Resolved (2)}\n"
    "  - {id: 2, title: Advise on procedure, owners: [all, gov-officer], due: 2023-01-05,"
    " meeting: m1, item: '3', ref: Resolved (4)}\n"
    "  - {id: 3, title: Tell young people, owners: [chair], due: 2023-02-01,"
    " meeting: m1, item: '4'}\n"
    "  - {id: 4, title: Visit the hub, owners: [chair], meeting: m2, item: '2'}\n"
    "  - {id: 5, title: Book the room, owners: [gov-officer]}\n"
    "  - {id: 6, title: Agreed later, owners: [chair], meeting: m3}\n";

static struct pb_action_log *load(struct pb_db *db, const char *before)
{
    struct pb_action_log *log = NULL;
    struct pb_error err = {0};
    if (pb_action_log_load(db, before, &log, &err) != PB_OK)
        fail_msg("load the log: %s", err.message);
    return log;
}

static void close_on(struct pb_db *db, int64_t id, const char *status, const char *day)
{
    pb_day d;
    assert_true(pb_date_parse(day, &d));
    pb_db_set_on_day(db, &d);
    struct pb_error err = {0};
    if (pb_action_set_status(db, id, status, NULL, -1, &err) != PB_OK)
        fail_msg("%s #%lld: %s", status, (long long)id, err.message);
    pb_db_set_on_day(db, NULL);
}

static char *ids_of(const struct pb_action_log_entry *es, size_t n)
{
    struct pb_buf b = {0};
    for (size_t i = 0; i < n; i++)
        pb_buf_addf(&b, "%s%lld", i ? "," : "", (long long)es[i].id);
    return pb_buf_take(&b);
}

static void action_log__groups_by_meeting_then_item_oldest_first__no_meeting_last(void **state)
{
    struct testdb *f = *state;
    testdb_import_text(f->db, "panel.yaml", panel);
    struct pb_action_log *log = load(f->db, "m3");
    char *ids = ids_of(log->open, log->n_open);
    /* m1 item 3 (#2), m1 item 4 (#1, #3), m2 (#4), no meeting (#5); #6 is m3's own */
    assert_string_equal(ids, "2,1,3,4,5");
    assert_string_equal(log->open[0].item_title, "Housing for care leavers");
    assert_null(log->open[4].meeting);
    free(ids);
    pb_action_log_free(log);
}

static void action_log__defaults_to_the_next_meeting_and_the_one_before(void **state)
{
    struct testdb *f = *state;
    testdb_import_text(f->db, "panel.yaml", panel);
    struct pb_action_log *log = load(f->db, NULL);
    assert_string_equal(log->meeting, "m2");
    assert_string_equal(log->date, "2023-01-11");
    assert_string_equal(log->previous, "m1");
    char *ids = ids_of(log->open, log->n_open);
    assert_string_equal(ids, "2,1,3,5"); /* not m2's own #4 */
    free(ids);
    pb_action_log_free(log);
}

static void action_log__keeps_an_action_closed_after_the_meeting_outstanding_at_it(void **state)
{
    struct testdb *f = *state;
    testdb_import_text(f->db, "panel.yaml", panel);
    close_on(f->db, 1, "done", "2023-01-12"); /* the day after m2 */
    close_on(f->db, 3, "done", "2023-01-11"); /* at m2 itself */
    struct pb_action_log *log = load(f->db, "m2");
    char *ids = ids_of(log->open, log->n_open);
    assert_string_equal(ids, "2,1,5");
    assert_string_equal(log->open[1].status, "open");
    free(ids);
    ids = ids_of(log->closed, log->n_closed);
    assert_string_equal(ids, "3");
    assert_string_equal(log->closed[0].closed_on, "2023-01-11");
    free(ids);
    pb_action_log_free(log);
}

static void action_log__lists_as_completed_only_what_closed_since_the_previous_meeting(void **state)
{
    struct testdb *f = *state;
    testdb_import_text(f->db, "panel.yaml", panel);
    close_on(f->db, 1, "done", "2022-10-01");    /* before m1: long gone */
    close_on(f->db, 2, "dropped", "2022-11-20"); /* between m1 and m2 */
    close_on(f->db, 3, "done", "2023-02-01");    /* after m2: outstanding at m2 */
    struct pb_action_log *log = load(f->db, "m2");
    char *ids = ids_of(log->closed, log->n_closed);
    assert_string_equal(ids, "2");
    assert_string_equal(log->closed[0].status, "dropped");
    free(ids);
    ids = ids_of(log->open, log->n_open);
    assert_string_equal(ids, "3,5");
    free(ids);
    pb_action_log_free(log);
}

static void action_log__counts_an_action_agreed_at_no_meeting_from_the_day_it_was_recorded(
    void **state)
{
    struct testdb *f = *state;
    /* recorded on 2023-01-01 (the pinned clock): after m1, before m2 */
    testdb_import_text(f->db, "panel.yaml", panel);
    struct pb_action_log *log = load(f->db, "m1");
    char *ids = ids_of(log->open, log->n_open);
    assert_string_equal(ids, ""); /* nothing agreed before m1, #5 not yet recorded */
    free(ids);
    pb_action_log_free(log);
    log = load(f->db, "m2");
    assert_int_equal(log->open[log->n_open - 1].id, 5);
    pb_action_log_free(log);
}

static void action_log__states_overdue_due_before_on_track_and_no_due_date(void **state)
{
    struct testdb *f = *state;
    testdb_import_text(f->db, "panel.yaml", panel);
    struct pb_action_log *log = load(f->db, "m3");
    /* today 2023-01-01, meeting 2023-03-15: #1 due 2022-12-01, #2 2023-01-05, #4 none */
    assert_int_equal(log->open[1].state, PB_LOG_OVERDUE);
    assert_int_equal(log->open[0].state, PB_LOG_DUE_BEFORE);
    assert_int_equal(log->open[3].state, PB_LOG_NO_DUE);
    pb_action_log_free(log);
    log = load(f->db, "m2");
    assert_int_equal(log->open[2].state, PB_LOG_ON_TRACK); /* #3 due after m2 */
    pb_action_log_free(log);
}

static void action_log__refuses_an_unknown_meeting_with_the_nearest_id(void **state)
{
    struct testdb *f = *state;
    testdb_import_text(f->db, "panel.yaml", panel);
    struct pb_action_log *log = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_action_log_load(f->db, "m4", &log, &err), PB_ERR_NOT_FOUND);
    assert_null(log);
    assert_non_null(strstr(err.message, "did you mean 'm"));
}

static char *write(struct pb_db *db, const char *before, enum pb_action_log_format format, bool bom)
{
    struct pb_buf out = {0};
    struct pb_error err = {0};
    if (pb_action_log_write(db, before, format, bom, &out, &err) != PB_OK)
        fail_msg("write the log: %s", err.message);
    return pb_buf_take(&out);
}

static void action_log_md__names_owners_by_post_and_escapes_typed_text(void **state)
{
    struct testdb *f = *state;
    testdb_import_text(f->db, "panel.yaml", panel);
    char *md = write(f->db, "m2", PB_ACTION_LOG_MD, false);
    const char *want[] = {
        "# Outstanding actions — Corporate Parenting Panel, 11 January 2023\n",
        "## Meeting of 12 October 2022\n\n### 3. HOUSING FOR CARE LEAVERS\n\n"
        "- **Due before the meeting**: Advise on procedure (#2, Resolved (4))\n"
        "  Responsible: All, Governance Officer\n"
        "  Due: 5 January 2023; status: open\n"
        "  No update given.\n",
        "- **Overdue**: Write to the \\*DWP\\* (#1, Resolved (2))\n  Responsible: Cllr Thirkill\n",
        "## Actions agreed outside a meeting\n",
        ("## Completed since the last meeting\n\nNo actions were completed since the last "
         "meeting.\n"),
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(md, want[i]))
            fail_msg("missing:\n%s\nin:\n%s", want[i], md);
    free(md);
}

static void action_log_csv__names_people_quotes_fields_and_adds_a_bom_only_when_asked(void **state)
{
    struct testdb *f = *state;
    testdb_import_text(f->db, "panel.yaml", panel);
    char *csv = write(f->db, "m2", PB_ACTION_LOG_CSV, false);
    assert_int_equal(strncmp(csv, "section,id,meeting,", 19), 0);
    assert_non_null(strstr(csv, "\r\noutstanding,2,m1,2022-10-12,3,Resolved (4),Advise on "
                                "procedure,\"All, Governance Officer\",2023-01-05,open,"
                                "due-before-meeting,,,\r\n"));
    free(csv);
    csv = write(f->db, "m2", PB_ACTION_LOG_CSV, true);
    assert_int_equal(strncmp(csv, "\xEF\xBB\xBFsection,", 11), 0);
    free(csv);
}

static void action_log_tsv__writes_ids_and_escapes_tabs_newlines_backslashes(void **state)
{
    struct testdb *f = *state;
    testdb_import_text(f->db, "panel.yaml", panel);
    struct pb_error err = {0};
    pb_db_set_who(f->db, "chair");
    assert_int_equal(pb_action_add_update(f->db, 2, "one\\two\nthree", &err), PB_OK);
    char *tsv = write(f->db, "m2", PB_ACTION_LOG_TSV, false);
    assert_non_null(strstr(tsv, "\noutstanding\t2\tm1\t2022-10-12\t3\tResolved (4)\tAdvise on "
                                "procedure\tall,gov-officer\t2023-01-05\topen\tdue-before-meeting"
                                "\t2023-01-01\tone\\\\two\\nthree\t\n"));
    free(tsv);
}

int main(void)
{
#define TEST(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
    const struct CMUnitTest tests[] = {
        TEST(action_log__groups_by_meeting_then_item_oldest_first__no_meeting_last),
        TEST(action_log__defaults_to_the_next_meeting_and_the_one_before),
        TEST(action_log__keeps_an_action_closed_after_the_meeting_outstanding_at_it),
        TEST(action_log__lists_as_completed_only_what_closed_since_the_previous_meeting),
        TEST(action_log__counts_an_action_agreed_at_no_meeting_from_the_day_it_was_recorded),
        TEST(action_log__states_overdue_due_before_on_track_and_no_due_date),
        TEST(action_log__refuses_an_unknown_meeting_with_the_nearest_id),
        TEST(action_log_md__names_owners_by_post_and_escapes_typed_text),
        TEST(action_log_csv__names_people_quotes_fields_and_adds_a_bom_only_when_asked),
        TEST(action_log_tsv__writes_ids_and_escapes_tabs_newlines_backslashes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
