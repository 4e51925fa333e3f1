/*
 * The minutes of a meeting (minutes.md): the example panel's two meetings
 * word for word as an officer would paste them, the example of minutes.md
 * itself, and the rules one at a time on small panels in temporary
 * databases: what each section holds, when it is left out, how people,
 * owners, references and dates are written, and how lines wrap.
 */
#include <panelboard/meeting.h>
#include <panelboard/minutes.h>
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

/* The history's clock reads PANELBOARD_TODAY: each test sets it, and this
 * puts back what the test run was given. */
static char *run_today;

static void set_clock(const char *day)
{
    assert_int_equal(setenv("PANELBOARD_TODAY", day, 1), 0);
}

static int setup(void **state)
{
    struct testdb *f = calloc(1, sizeof *f);
    testdb_open(f, NULL);
    set_clock("2022-12-01");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    if (run_today)
        set_clock(run_today);
    else
        unsetenv("PANELBOARD_TODAY");
    return 0;
}

static void import_example(struct pb_db *db)
{
    const char *root = getenv("PB_SOURCE_ROOT");
    assert_non_null(root);
    char *path = pb_xasprintf("%s/data/example-panel.yaml", root);
    const char *const paths[] = {path};
    struct pb_error err = {0};
    enum pb_status status =
        pb_import_files(db, paths, 1, false, NULL, testdb_print_import_error, NULL, &err);
    free(path);
    if (status != PB_OK)
        fail_msg("import the example panel: %s", err.message);
}

static void import_text(struct pb_db *db, const char *text)
{
    testdb_import_text(db, "test.yaml", text);
}

/* The minutes of meeting id (NULL: the latest); the caller frees them. */
static char *minutes_of(struct pb_db *db, const char *id)
{
    struct pb_buf out = {0};
    struct pb_error err = {0};
    enum pb_status status = pb_minutes_write(db, id, &out, &err);
    if (status != PB_OK)
        fail_msg("minutes of %s: %s", id ? id : "the latest meeting", err.message);
    return pb_buf_take(&out);
}

/* Moves co-option seat id to status as one change. */
static void set_seat_status(struct pb_db *db, const char *id, const char *status)
{
    struct pb_value values[16] = {0};
    values[pb_field_index(PB_KIND_CO_OPTION, "id")] =
        (struct pb_value){.state = PB_VALUE_TEXT, .text = id};
    values[pb_field_index(PB_KIND_CO_OPTION, "status")] =
        (struct pb_value){.state = PB_VALUE_TEXT, .text = status};
    struct pb_error err = {0};
    assert_int_equal(pb_change_begin(db, "seat status", &err), PB_OK);
    enum pb_status s = pb_record_put(db, PB_KIND_CO_OPTION, values, NULL, NULL, &err);
    if (pb_change_end(db, s, &err) != PB_OK)
        fail_msg("set %s to %s: %s", id, status, err.message);
}

/* ---- the example panel ---- */

static const char example_2022_10_12[] =
    "# Corporate Parenting Panel — 12 October 2022\n"
    "\n"
    "## Report-back by theme\n"
    "\n"
    "### Youth Justice — Panel lead: Claire Smith\n"
    "- Action agreed: report to the Panel on avoiding the criminalisation of young people\n"
    "  in care. Action: Claire Smith — by 11 January 2023\n"
    "\n"
    "## Resolved –\n"
    "(1) That the Panel noted the importance of acting in liaison with the appropriate\n"
    "portfolio-holders to ensure that they recognised the importance of resourcing these\n"
    "areas of work. The role of Councillors and officers as corporate parent was a\n"
    "collective one and was apolitical: Panel members needed to emphasise in their work\n"
    "with portfolio-holders and other Council members their cross-party responsibility for\n"
    "going beyond the statutory minimum requirement to provide the best for Bradford’s\n"
    "young people. As a political leadership team, the Panel needed to ensure that\n"
    "tangible action was taken in each of the themes.\n"
    "\n"
    "(2) That as work progressed on each theme, the Panel would consider how best to\n"
    "inform young people of the actions that had been taken and the outcomes, and to gain\n"
    "their feedback on the impact.\n"
    "\n"
    "(3) That the Panel considered that the representation of partners through its\n"
    "co-opted members should be expanded to include Housing, the Department for Work and\n"
    "Pensions and Youth Justice.\n"
    "\n"
    "(4) That the Governance Officer advise on procedure for the appointment of additional\n"
    "Co-opted Panel members.\n"
    "\n"
    "## Actions arising\n"
    "- Inform portfolio-holders of the names of the lead Panel Members who will contact\n"
    "  them.\n"
    "  Action: Chair (1) — by 30 November 2022\n"
    "- Identify the major issues expected to arise within each theme and advise the lead\n"
    "  Panel Members.\n"
    "  Action: Chair, iAD/SRCP — by 30 November 2022\n"
    "- Consider how best to tell young people what was done on each theme and the\n"
    "  outcomes, and gain their feedback.\n"
    "  Action: All (2) — by 11 January 2023\n"
    "- Advise on procedure for the appointment of additional co-opted Panel members.\n"
    "  Action: Governance Officer (4) — by 31 October 2022\n"
    "- Report to the Panel on avoiding the criminalisation of young people in care.\n"
    "  Action: Claire Smith (Themes) — by 11 January 2023\n"
    "\n"
    "## Co-opted membership\n"
    "- Housing: proposed (Resolved (3))\n"
    "- Department for Work and Pensions: proposed (Resolved (3))\n"
    "- Youth Justice: proposed (Resolved (3))\n";

static void minutes__of_the_example_panels_october_meeting__read_like_the_councils(void **state)
{
    struct testdb *f = *state;
    import_example(f->db);
    char *text = minutes_of(f->db, "2022-10-12");
    assert_string_equal(text, example_2022_10_12);
    free(text);
}

static void minutes__of_the_example_panels_may_meeting__give_questions_with_responses(void **state)
{
    struct testdb *f = *state;
    import_example(f->db);
    char *text = minutes_of(f->db, "2022-05-12");
    assert_string_equal(
        text,
        "# Corporate Parenting Panel — 12 May 2022\n"
        "\n"
        "## Members' questions and responses\n"
        "- A Member asked what still needed to be done, as the ‘how’ seemed to be missing.\n"
        "  Response: the responsibility for actions still needed to be put in place.\n"
        "- A Member asked whether the strategy could make more reference to children in care\n"
        "  and their contribution, with an emphasis on the people who are the subject of the\n"
        "  strategy (i.e. young people).\n"
        "  Response: the strategy had been built on what had been said by children in care, as\n"
        "  there was a stigma to being in care. The aim was to dispel the myths and celebrate\n"
        "  what had been achieved.\n"
        "- A Member asked how it would be demonstrated that the views of young people had been\n"
        "  acknowledged and made accessible and readable to them.\n"
        "  Response: this was already anticipated: work would be carried out with children in\n"
        "  care and care leavers groups to achieve a ‘you said, we did’ environment.\n"
        "  Conversations between children in care and OFSTED indicated that young people felt\n"
        "  they were listened to but no action came about as a result of what they were\n"
        "  saying.\n"
        "- A Member asked whether any Care Leavers Ambassadors had been appointed, and noted\n"
        "  that training for all elected members as Corporate Parents needed to be of a high\n"
        "  standard and not just a tick box.\n"
        "  Response: Care Leavers Ambassadors were in place, with one now recruited as an\n"
        "  apprentice with the Council.\n"
        "\n"
        "## Resolved –\n"
        "(Strategies tracking) That Members of the panel note and approve the contents of the\n"
        "strategies and have the opportunity to offer feedback and comments that can further\n"
        "strengthen these important documents directly to the Assistant Director, Children’s\n"
        "Services.\n"
        "\n"
        "## Actions arising\n"
        "- Take members’ feedback and comments on the two strategies to strengthen them.\n"
        "  Action: Strategic Director, Children’s Services (Strategies tracking)\n"
        "  — by 30 June 2022\n");
    free(text);
}

static void minutes__without_a_meeting_named__are_of_the_latest_by_date(void **state)
{
    struct testdb *f = *state;
    import_example(f->db);
    /* recorded last but held earliest: the date decides, not the order */
    import_text(f->db, "panelboard: 1\n"
                       "meetings:\n"
                       "  - id: first\n"
                       "    date: 2022-01-12\n");
    char *text = minutes_of(f->db, NULL);
    assert_string_equal(text, example_2022_10_12);
    free(text);
}

static void minutes__of_an_unknown_meeting__are_refused_with_the_nearest_id(void **state)
{
    struct testdb *f = *state;
    import_example(f->db);
    struct pb_buf out = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_minutes_write(f->db, "2022-10-21", &out, &err), PB_ERR_NOT_FOUND);
    assert_string_equal(err.message, "no meeting '2022-10-21'; did you mean '2022-10-12'?");
    assert_int_equal(out.len, 0);
    pb_buf_free(&out);
}

static void minutes__with_no_meetings_yet__say_so(void **state)
{
    struct testdb *f = *state;
    struct pb_buf out = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_minutes_write(f->db, NULL, &out, &err), PB_ERR_NOT_FOUND);
    assert_string_equal(err.message, "no meetings yet");
    assert_int_equal(out.len, 0);
    pb_buf_free(&out);
}

/* ---- the rules, one at a time ---- */

static const char small_panel[] =
    "panelboard: 1\n"
    "members:\n"
    "  - {id: chair, name: Jo Bloggs, kind: councillor, post: Chair}\n"
    "  - {id: thirkill, name: Cllr Thirkill, kind: councillor}\n"
    "  - {id: knox, name: Cllr Knox, kind: councillor}\n"
    "  - {id: gov-officer, name: Sam Clerk, kind: officer, post: Governance Officer}\n"
    "themes:\n"
    "  - {id: housing, title: Housing, lead: thirkill}\n"
    "  - {id: leisure, title: Leisure, lead: knox}\n"
    "  - {id: health, title: Health}\n"
    "meetings:\n"
    "  - id: m1\n"
    "    date: 2023-01-11\n";

static void minutes__of_a_meeting_with_nothing_recorded__are_only_the_heading(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    char *text = minutes_of(f->db, "m1");
    assert_string_equal(text, "# Corporate Parenting Panel — 11 January 2023\n");
    free(text);
}

static void minutes__leave_out_each_empty_section(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    import_text(f->db, "panelboard: 1\n"
                       "panel: {name: Bradford Corporate Parenting Panel}\n"
                       "meetings:\n"
                       "  - id: m1\n"
                       "    date: 2023-01-11\n"
                       "    decisions:\n"
                       "      - {ref: Resolved (1), text: That the report be noted.}\n");
    char *text = minutes_of(f->db, "m1");
    /* no report-back, questions, actions or seats: no headings for them */
    assert_string_equal(text, "# Bradford Corporate Parenting Panel — 11 January 2023\n"
                              "\n"
                              "## Resolved –\n"
                              "(1) That the report be noted.\n");
    free(text);
}

static void minutes__show_an_update_given_on_the_meeting_date__under_its_theme(void **state)
{
    struct testdb *f = *state;
    import_example(f->db);
    import_text(f->db,
                "panelboard: 1\n"
                "actions:\n"
                "  - id: 7\n"
                "    title: Identify the major issues expected within the theme, and brief the "
                "lead\n"
                "    owners: [chair]\n"
                "    theme: housing\n"
                "    due: 2022-11-30\n"
                "    meeting: 2022-10-12\n"
                "    ref: \"Action: Chair\"\n"
                "  - id: 8\n"
                "    title: Write to DWP\n"
                "    owners: [thirkill]\n"
                "    theme: housing\n"
                "    updates:\n"
                "      - {date: 2022-10-12, by: thirkill, text: 'Liaising with Louise Kay, LCS'}\n"
                "      - {date: 2022-10-13, by: thirkill, text: Letter sent}\n"
                "  - id: 1\n"
                "    title: Inform portfolio-holders of the names of the lead Panel Members who "
                "will contact them\n"
                "    owners: [chair]\n"
                "    updates:\n"
                "      - {date: 2022-10-12, text: Two portfolio-holders told.}\n");
    char *text = minutes_of(f->db, "2022-10-12");
    /* themes in their order, updates before the actions agreed, only the
     * day's updates, and those on actions outside every theme last */
    const char *want =
        "## Report-back by theme\n"
        "\n"
        "### Housing — Panel lead: Cllr Thirkill\n"
        "- Update from Cllr Thirkill: liaising with Louise Kay, LCS.\n"
        "- Action agreed: identify the major issues expected within the theme, and brief the\n"
        "  lead. Action: Chair — by 30 November 2022\n"
        "\n"
        "### Youth Justice — Panel lead: Claire Smith\n"
        "- Action agreed: report to the Panel on avoiding the criminalisation of young people\n"
        "  in care. Action: Claire Smith — by 11 January 2023\n"
        "\n"
        "### Other actions\n"
        "- Update: two portfolio-holders told.\n"
        "\n"
        "## Resolved –\n";
    if (!strstr(text, want))
        fail_msg("report-back: want\n%s\nin\n%s", want, text);
    assert_null(strstr(text, "Letter sent"));
    /* the theme's action is also among the actions arising, with no
     * repeat of its "Action: Chair" reference */
    assert_non_null(strstr(text, "- Identify the major issues expected within the theme, and "
                                 "brief the lead.\n  Action: Chair — by 30 November 2022\n"));
    free(text);
}

static void minutes__name_people_by_post_else_by_name_and_owners_in_order(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    import_text(f->db, "panelboard: 1\n"
                       "meetings:\n"
                       "  - id: m1\n"
                       "    date: 2023-01-11\n"
                       "    questions:\n"
                       "      - {by: chair, asked: Whether the budget was agreed, answer: "
                       "It was.}\n"
                       "      - {by: knox, asked: What the timetable was}\n"
                       "actions:\n"
                       "  - {id: 1, title: Report back, owners: [thirkill, gov-officer, chair],"
                       " meeting: m1, ref: '4'}\n"
                       "  - {id: 2, title: Read the report!, owners: all, meeting: m1}\n");
    char *text = minutes_of(f->db, "m1");
    assert_string_equal(text, "# Corporate Parenting Panel — 11 January 2023\n"
                              "\n"
                              "## Members' questions and responses\n"
                              "- Chair asked whether the budget was agreed.\n"
                              "  Response: it was.\n"
                              "- Cllr Knox asked what the timetable was.\n"
                              "\n"
                              "## Actions arising\n"
                              "- Report back.\n"
                              "  Action: Cllr Thirkill, Governance Officer, Chair (4)\n"
                              "- Read the report!\n"
                              "  Action: All\n");
    free(text);
}

static void minutes__list_a_seat_whose_status_changed_on_the_meeting_date(void **state)
{
    struct testdb *f = *state;
    set_clock("2022-05-01");
    import_example(f->db);
    set_clock("2022-05-12");
    set_seat_status(f->db, "dwp", "nominated");
    set_seat_status(f->db, "housing", "withdrawn");
    set_seat_status(f->db, "housing", "proposed"); /* put back the same day: no change */
    set_clock("2022-05-13");
    set_seat_status(f->db, "youth-justice", "nominated"); /* the day after: not this meeting */
    char *text = minutes_of(f->db, "2022-05-12");
    const char *tail = strstr(text, "## Co-opted membership\n");
    assert_non_null(tail);
    assert_string_equal(tail, "## Co-opted membership\n"
                              "- Department for Work and Pensions: nominated (Resolved (3))\n");
    free(text);
}

static void minutes__give_a_seat_the_status_it_had_at_the_meeting(void **state)
{
    struct testdb *f = *state;
    set_clock("2022-10-12");
    import_example(f->db);
    set_clock("2022-11-20");
    set_seat_status(f->db, "dwp", "appointed");
    char *text = minutes_of(f->db, "2022-10-12");
    /* the October minutes keep saying what October resolved */
    assert_non_null(strstr(text, "- Department for Work and Pensions: proposed (Resolved (3))\n"));
    assert_null(strstr(text, "appointed"));
    free(text);
}

/* ---- formatting, without a database ---- */

/* The example of minutes.md, between its ```markdown fence and the next. */
static char *spec_example(void)
{
    const char *shared = getenv("PB_SHARED");
    if (!shared || !*shared)
        skip(); /* ../shared is not beside this checkout */
    char *path = pb_xasprintf("%s/spec/minutes.md", shared);
    FILE *in = fopen(path, "r");
    free(path);
    assert_non_null(in);
    struct pb_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
        pb_buf_add(&b, chunk, n);
    fclose(in);
    char *text = pb_buf_take(&b);
    const char *start = strstr(text, "```markdown\n");
    assert_non_null(start);
    start += strlen("```markdown\n");
    const char *end = strstr(start, "```");
    assert_non_null(end);
    char *example = pb_xstrndup(start, (size_t)(end - start));
    free(text);
    return example;
}

static void minutes__format_the_example_of_the_spec_line_for_line(void **state)
{
    (void)state;
    static const char *const chair[] = {"Chair"};
    static const char *const smith[] = {"Claire Smith"};
    static const char *const gov[] = {"Governance Officer"};
    static const struct pb_meeting_theme themes[] = {
        {"fe-skills", "Further Education and skills", "Cllr Alipoor"},
        {"housing", "Housing", "Cllr Thirkill"},
        {"youth-justice", "Youth Justice", "Claire Smith"},
    };
    static const struct pb_meeting_update updates[] = {
        {2, "housing", "Cllr Thirkill", "Liaising with Louise Kay, LCS."},
    };
    static const struct pb_meeting_action actions[] = {
        {1, "Inform portfolio-holders of the names of the lead Panel Members", false, chair, 1,
         NULL, "2022-11-30", "Resolved (1)"},
        {2, "Identify the major issues expected within the theme, and brief the lead", false, chair,
         1, "housing", "2022-11-30", "Action: Chair"},
        {3, "Report on avoiding the criminalisation of young people in care", false, smith, 1,
         "youth-justice", "2023-01-11", NULL},
        {4, "Advise on the procedure for appointing additional co-opted members", false, gov, 1,
         NULL, NULL, "Resolved (4)"},
    };
    static const struct pb_meeting_question questions[] = {
        {"Cllr Knox", "What still needed to be done, as the \"how\" seemed to be missing",
         "The responsibility for actions still needed to be put in place."},
    };
    static const struct pb_meeting_decision decisions[] = {
        {"1", "That the Panel noted the importance of acting in liaison with the appropriate "
              "portfolio-holders."},
        {"Resolved (3)",
         "That the representation of partners through co-opted members be expanded to include "
         "Housing, the Department for Work and Pensions and Youth Justice."},
        {"(4)", "That the Governance Officer advise on procedure for the appointment of "
                "additional co-opted Panel members."},
    };
    static const struct pb_meeting_seat seats[] = {
        {"Housing", "proposed", NULL, "Resolved (3)"},
        {"Department for Work and Pensions", "proposed", NULL, "Resolved (3)"},
        {"Youth Justice", "proposed", NULL, "Resolved (3)"},
    };
    const struct pb_meeting m = {
        .id = "2022-10-12",
        .date = "2022-10-12",
        .title = NULL,
        .panel_name = NULL,
        .themes = themes,
        .n_themes = 3,
        .updates = updates,
        .n_updates = 1,
        .actions = actions,
        .n_actions = 4,
        .decisions = decisions,
        .n_decisions = 3,
        .questions = questions,
        .n_questions = 1,
        .seats = seats,
        .n_seats = 3,
    };
    struct pb_buf out = {0};
    pb_minutes_format(&m, &out);
    char *want = spec_example();
    /* Up to the actions arising, the example word for word. */
    const char *arising = strstr(want, "## Actions arising\n");
    assert_non_null(arising);
    size_t head = (size_t)(arising - want);
    if (out.len < head || memcmp(out.data, want, head) != 0)
        fail_msg("want:\n%.*s\ngot:\n%s", (int)head, want, out.data);
    /* Every action agreed is among the actions arising, the themes' too;
     * owners cannot be both "all" and a member, so (4) is the Governance
     * Officer's alone. Then the seats, word for word. */
    assert_string_equal(out.data + head,
                        "## Actions arising\n"
                        "- Inform portfolio-holders of the names of the lead Panel Members.\n"
                        "  Action: Chair (1) — by 30 November 2022\n"
                        "- Identify the major issues expected within the theme, and brief the "
                        "lead.\n"
                        "  Action: Chair — by 30 November 2022\n"
                        "- Report on avoiding the criminalisation of young people in care.\n"
                        "  Action: Claire Smith — by 11 January 2023\n"
                        "- Advise on the procedure for appointing additional co-opted members.\n"
                        "  Action: Governance Officer (4)\n"
                        "\n"
                        "## Co-opted membership\n"
                        "- Housing: proposed (Resolved (3))\n"
                        "- Department for Work and Pensions: proposed (Resolved (3))\n"
                        "- Youth Justice: proposed (Resolved (3))\n");
    assert_non_null(strstr(want, "## Co-opted membership\n- Housing: proposed (Resolved (3))\n"
                                 "- Department for Work and Pensions: proposed (Resolved (3))\n"
                                 "- Youth Justice: proposed (Resolved (3))\n"));
    free(want);
    pb_buf_free(&out);
}

/* A meeting with only decisions, for the formatting tests below. */
static char *format_decisions(const struct pb_meeting_decision *decisions, size_t n)
{
    const struct pb_meeting m = {.id = "m",
                                 .date = "2023-01-11",
                                 .title = "Panel",
                                 .decisions = decisions,
                                 .n_decisions = n};
    struct pb_buf out = {0};
    pb_minutes_format(&m, &out);
    return pb_buf_take(&out);
}

static void minutes__never_start_a_wrapped_line_with_markdown_block_syntax(void **state)
{
    (void)state;
    /* Each of "-", "1.", "#", "1)", "+" and ">" falls where a plain wrap
     * would start a line with it, turning the rest of the resolution into a
     * list, a heading or a quote; "*" is escaped, so may start a line. */
    static const struct pb_meeting_decision d[] = {
        {"1", "That the Panel note the figures for the year, which are in the appendices to "
              "the - report and in the budget"},
        {"2", "That the Panel note the figures for the year, which are in the appendix to item "
              "1. and to the budget"},
        {"3", "That the Panel note the figures for the year, which are in the appendix to items "
              "# of the budget"},
        {"4", "That the Panel note the figures for the year, which are in the appendix to item "
              "1) and to the budget"},
        {"5", "That the Panel note the figures for the year, which are in the appendix to items "
              "+ the budget"},
        {"6", "That the Panel note the figures for the year, which are in the appendix to items "
              "> the budget"},
        {"7", "That the Panel note the figures for the year, which are in the appendix to item "
              "* the budget"},
    };
    char *text = format_decisions(d, 7);
    for (const char *line = strstr(text, "(1)"); line; line = strchr(line, '\n')) {
        line += *line == '\n';
        if (!*line)
            break;
        if (strncmp(line, "- ", 2) == 0 || strncmp(line, "1. ", 3) == 0 ||
            strncmp(line, "# ", 2) == 0 || strncmp(line, "1) ", 3) == 0 ||
            strncmp(line, "+ ", 2) == 0 || strncmp(line, "> ", 2) == 0 ||
            strncmp(line, "* ", 2) == 0)
            fail_msg("a line starts a Markdown block: %s", line);
    }
    assert_string_equal(text, "# Panel — 11 January 2023\n"
                              "\n"
                              "## Resolved –\n"
                              "(1) That the Panel note the figures for the year, which are in the "
                              "appendices to the -\n"
                              "report and in the budget\n"
                              "\n"
                              "(2) That the Panel note the figures for the year, which are in the "
                              "appendix to item 1.\n"
                              "and to the budget\n"
                              "\n"
                              "(3) That the Panel note the figures for the year, which are in the "
                              "appendix to items #\n"
                              "of the budget\n"
                              "\n"
                              "(4) That the Panel note the figures for the year, which are in the "
                              "appendix to item 1)\n"
                              "and to the budget\n"
                              "\n"
                              "(5) That the Panel note the figures for the year, which are in the "
                              "appendix to items +\n"
                              "the budget\n"
                              "\n"
                              "(6) That the Panel note the figures for the year, which are in the "
                              "appendix to items >\n"
                              "the budget\n"
                              "\n"
                              "(7) That the Panel note the figures for the year, which are in the "
                              "appendix to item\n"
                              "\\* the budget\n");
    free(text);
}

static void minutes__keep_paragraphs_of_a_resolution_and_wrap_at_85_columns(void **state)
{
    (void)state;
    static const struct pb_meeting_decision d[] = {
        {"Strategies tracking",
         "That the strategies be approved.\n\nThat feedback go to the Assistant Director, "
         "Children’s Services, whose name is long enough to wrap here at last."},
    };
    char *text = format_decisions(d, 1);
    assert_string_equal(text, "# Panel — 11 January 2023\n"
                              "\n"
                              "## Resolved –\n"
                              "(Strategies tracking) That the strategies be approved.\n"
                              "\n"
                              "That feedback go to the Assistant Director, Children’s Services, "
                              "whose name is long\n"
                              "enough to wrap here at last.\n");
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        assert_true(pb_utf8_length(line, (size_t)(end - line)) <= PB_MINUTES_WIDTH);
        line = end + 1;
    }
    free(text);
}

static void minutes__lower_only_ordinary_opening_words_inside_sentences(void **state)
{
    (void)state;
    static const struct pb_meeting_question q[] = {
        {NULL, "Louise Kay had been asked", "DWP would reply"},
        {NULL, "Whether Bradford led?", "The Chair agreed"},
        {NULL, "Strategic Director to report", "I would"},
    };
    const struct pb_meeting m = {
        .id = "m", .date = "2023-01-11", .title = "Panel", .questions = q, .n_questions = 3};
    struct pb_buf out = {0};
    pb_minutes_format(&m, &out);
    assert_string_equal(out.data, "# Panel — 11 January 2023\n"
                                  "\n"
                                  "## Members' questions and responses\n"
                                  "- A Member asked Louise Kay had been asked.\n"
                                  "  Response: DWP would reply.\n"
                                  "- A Member asked whether Bradford led?\n"
                                  "  Response: the Chair agreed.\n"
                                  "- A Member asked Strategic Director to report.\n"
                                  "  Response: I would.\n");
    pb_buf_free(&out);
}

static void minutes__keep_a_name_that_opens_a_sentence_as_written(void **state)
{
    (void)state;
    static const char *const thirkill[] = {"Cllr Thirkill"};
    static const struct pb_meeting_theme themes[] = {{"housing", "Housing", "Cllr Thirkill"}};
    static const struct pb_meeting_update updates[] = {
        {1, "housing", NULL, "Ofsted report to be circulated"},
        {1, "housing", NULL, "OFSTED inspection due"},
        {1, "housing", NULL, "Letter sent"},
    };
    static const struct pb_meeting_action actions[] = {
        {1, "Louise to contact the landlord", false, thirkill, 1, "housing", NULL, NULL},
        {2, "Inform Louise Kay of the date", false, thirkill, 1, "housing", NULL, NULL},
    };
    static const struct pb_meeting_question questions[] = {
        {NULL, "Whether Bradford was rated", "Bradford was rated good"},
        {"Cllr Knox", "Kirklees had been asked", "It's in hand; Louise had written"},
    };
    const struct pb_meeting m = {.id = "m",
                                 .date = "2023-01-11",
                                 .title = "Panel",
                                 .themes = themes,
                                 .n_themes = 1,
                                 .updates = updates,
                                 .n_updates = 3,
                                 .actions = actions,
                                 .n_actions = 2,
                                 .questions = questions,
                                 .n_questions = 2};
    struct pb_buf out = {0};
    pb_minutes_format(&m, &out);
    /* names (Louise, Ofsted, OFSTED, Bradford, Kirklees) stay as typed;
     * known openers (letter, inform, whether, it's) are lowered */
    assert_string_equal(out.data, "# Panel — 11 January 2023\n"
                                  "\n"
                                  "## Report-back by theme\n"
                                  "\n"
                                  "### Housing — Panel lead: Cllr Thirkill\n"
                                  "- Update: Ofsted report to be circulated.\n"
                                  "- Update: OFSTED inspection due.\n"
                                  "- Update: letter sent.\n"
                                  "- Action agreed: Louise to contact the landlord. Action: "
                                  "Cllr Thirkill\n"
                                  "- Action agreed: inform Louise Kay of the date. Action: "
                                  "Cllr Thirkill\n"
                                  "\n"
                                  "## Members' questions and responses\n"
                                  "- A Member asked whether Bradford was rated.\n"
                                  "  Response: Bradford was rated good.\n"
                                  "- Cllr Knox asked Kirklees had been asked.\n"
                                  "  Response: it's in hand; Louise had written.\n"
                                  "\n"
                                  "## Actions arising\n"
                                  "- Louise to contact the landlord.\n"
                                  "  Action: Cllr Thirkill\n"
                                  "- Inform Louise Kay of the date.\n"
                                  "  Action: Cllr Thirkill\n");
    pb_buf_free(&out);
}

static void minutes__show_markdown_characters_in_user_text_as_typed(void **state)
{
    (void)state;
    static const char *const owner[] = {"Head of *Service*"};
    static const struct pb_meeting_theme themes[] = {{"h", "Homes & <b>Housing</b> #1", NULL}};
    static const struct pb_meeting_update updates[] = {
        {1, "h", "O_Brien", "see [the plan](http://x) and `code` \\o/ ~~gone~~ | &amp;"},
    };
    static const struct pb_meeting_action actions[] = {
        {1, "*Urgent* review of _all_ placements", false, owner, 1, "h", NULL, "Resolved [4]"},
        {2, "# Heading", false, owner, 1, NULL, NULL, NULL},
        {3, "1. Item", false, owner, 1, NULL, NULL, NULL},
    };
    static const struct pb_meeting_decision decisions[] = {
        {NULL, "1. That the report be noted."},
        {"2", "That:\n\n- the budget be agreed;\n\n2) the plan be noted;\n\n> quoted\n\n+ added"},
        {"*3*", "That snake_case and louise@x_y.org stay."},
    };
    static const struct pb_meeting_seat seats[] = {{"- Housing", "proposed", "A_B", "R_1"}};
    const struct pb_meeting m = {.id = "m",
                                 .date = "2023-01-11",
                                 .title = "Panel #2",
                                 .themes = themes,
                                 .n_themes = 1,
                                 .updates = updates,
                                 .n_updates = 1,
                                 .actions = actions,
                                 .n_actions = 3,
                                 .decisions = decisions,
                                 .n_decisions = 3,
                                 .seats = seats,
                                 .n_seats = 1};
    struct pb_buf out = {0};
    pb_minutes_format(&m, &out);
    /* an underscore inside a word (O_Brien, snake_case) is left alone */
    assert_string_equal(out.data, "# Panel \\#2 — 11 January 2023\n"
                                  "\n"
                                  "## Report-back by theme\n"
                                  "\n"
                                  "### Homes & \\<b>Housing\\</b> \\#1\n"
                                  "- Update from O_Brien: see \\[the plan\\](http://x) and "
                                  "\\`code\\` \\\\o/ \\~\\~gone\\~\\~ \\|\n"
                                  "  \\&amp;.\n"
                                  "- Action agreed: \\*Urgent\\* review of \\_all\\_ placements. "
                                  "Action: Head of \\*Service\\*\n"
                                  "\n"
                                  "## Resolved –\n"
                                  "1\\. That the report be noted.\n"
                                  "\n"
                                  "(2) That:\n"
                                  "\n"
                                  "\\- the budget be agreed;\n"
                                  "\n"
                                  "2\\) the plan be noted;\n"
                                  "\n"
                                  "\\> quoted\n"
                                  "\n"
                                  "\\+ added\n"
                                  "\n"
                                  "(\\*3\\*) That snake_case and louise@x_y.org stay.\n"
                                  "\n"
                                  "## Actions arising\n"
                                  "- \\*Urgent\\* review of \\_all\\_ placements.\n"
                                  "  Action: Head of \\*Service\\* (\\[4\\])\n"
                                  "- \\# Heading.\n"
                                  "  Action: Head of \\*Service\\*\n"
                                  "- 1\\. Item.\n"
                                  "  Action: Head of \\*Service\\*\n"
                                  "\n"
                                  "## Co-opted membership\n"
                                  "- \\- Housing: proposed, A_B (R_1)\n");
    pb_buf_free(&out);
}

int main(void)
{
    const char *today = getenv("PANELBOARD_TODAY");
    run_today = today ? pb_xstrdup(today) : NULL;
#define TEST(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
    const struct CMUnitTest tests[] = {
        TEST(minutes__of_the_example_panels_october_meeting__read_like_the_councils),
        TEST(minutes__of_the_example_panels_may_meeting__give_questions_with_responses),
        TEST(minutes__without_a_meeting_named__are_of_the_latest_by_date),
        TEST(minutes__of_an_unknown_meeting__are_refused_with_the_nearest_id),
        TEST(minutes__with_no_meetings_yet__say_so),
        TEST(minutes__of_a_meeting_with_nothing_recorded__are_only_the_heading),
        TEST(minutes__leave_out_each_empty_section),
        TEST(minutes__show_an_update_given_on_the_meeting_date__under_its_theme),
        TEST(minutes__name_people_by_post_else_by_name_and_owners_in_order),
        TEST(minutes__list_a_seat_whose_status_changed_on_the_meeting_date),
        TEST(minutes__give_a_seat_the_status_it_had_at_the_meeting),
        cmocka_unit_test(minutes__format_the_example_of_the_spec_line_for_line),
        cmocka_unit_test(minutes__never_start_a_wrapped_line_with_markdown_block_syntax),
        cmocka_unit_test(minutes__keep_paragraphs_of_a_resolution_and_wrap_at_85_columns),
        cmocka_unit_test(minutes__lower_only_ordinary_opening_words_inside_sentences),
        cmocka_unit_test(minutes__keep_a_name_that_opens_a_sentence_as_written),
        cmocka_unit_test(minutes__show_markdown_characters_in_user_text_as_typed),
    };
#undef TEST
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(run_today);
    return failed;
}
