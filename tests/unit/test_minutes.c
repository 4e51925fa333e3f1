/*
 * The minutes of a meeting (minutes.md): the example of minutes.md line for
 * line, the example panel's October meeting item by item as the seed has
 * it, and the rules one at a time on small panels in temporary databases:
 * attendance, declarations, items in order, every action once and no
 * dropped one, updates naming their action, what counts for the meeting's
 * day, exempt items, and the three formats from the one Markdown.
 */
#include <panelboard/action.h>
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
    enum pb_status status = pb_minutes_write(db, id, PB_MINUTES_MD, false, &out, &err);
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

static void minutes__of_the_example_panels_october_meeting__read_item_by_item(void **state)
{
    struct testdb *f = *state;
    import_example(f->db);
    char *text = minutes_of(f->db, "2022-10-12");
    /* the seed's order: heading, attendance, the item with its parts, seats */
    const char *const in_order[] = {
        "# Corporate Parenting Panel — 12 October 2022\n\n",
        "Present: Cllr Dunbar (Chair), Cllr Thirkill, Cllr Pollard\n"
        "In attendance: iAD/SRCP, Governance Officer\n",
        "No declarations of interest were made.\n",
        "## 3. NATIONAL IMPLEMENTATION ADVISER FOR CARE LEAVERS VISIT 8 AND 9 SEPTEMBER 2022\n",
        "(Contact: Amandip Johal)\n",
        "Minutes:\n",
        "Resolved –\n\n(1) That the Panel noted",
        "(4) That the Governance Officer advise",
        "Action: Chair (1) — inform portfolio-holders of the names of the lead Panel Members "
        "who will contact them, by 30 November 2022\n",
        "Action: All, Governance Officer (4), by 31 October 2022\n",
        "## Co-opted membership\n\n- Housing: proposed (Resolved (3))\n",
    };
    const char *at = text;
    for (size_t i = 0; i < sizeof in_order / sizeof in_order[0]; i++) {
        const char *found = strstr(at, in_order[i]);
        if (!found)
            fail_msg("want, after what came before:\n%s\nin:\n%s", in_order[i], text);
        at = found + strlen(in_order[i]);
    }
    free(text);
}

static void minutes__without_a_meeting_named__are_of_the_latest_by_date(void **state)
{
    struct testdb *f = *state;
    import_example(f->db);
    char *october = minutes_of(f->db, "2022-10-12");
    /* recorded last but held earliest: the date decides, not the order */
    import_text(f->db, "panelboard: 1\n"
                       "meetings:\n"
                       "  - id: first\n"
                       "    date: 2022-01-12\n");
    char *text = minutes_of(f->db, NULL);
    assert_string_equal(text, october);
    free(text);
    free(october);
}

static void minutes__of_an_unknown_meeting__are_refused_with_the_nearest_id(void **state)
{
    struct testdb *f = *state;
    import_example(f->db);
    struct pb_buf out = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_minutes_write(f->db, "2022-10-21", PB_MINUTES_MD, false, &out, &err),
                     PB_ERR_NOT_FOUND);
    assert_string_equal(err.message, "no meeting '2022-10-21'; did you mean '2022-10-12'?");
    assert_int_equal(out.len, 0);
    pb_buf_free(&out);
}

static void minutes__with_no_meetings_yet__say_so(void **state)
{
    struct testdb *f = *state;
    struct pb_buf out = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_minutes_write(f->db, NULL, PB_MINUTES_MD, false, &out, &err),
                     PB_ERR_NOT_FOUND);
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

/* Two items, attendance and a declaration, as another council would file them. */
static const char two_items[] =
    "panelboard: 1\n"
    "meetings:\n"
    "  - id: m1\n"
    "    date: 2023-01-11\n"
    "    chair: chair\n"
    "    present: [thirkill, gov-officer]\n"
    "    apologies: [knox]\n"
    "    declarations:\n"
    "      - {by: thirkill, item: '4', text: Her partner works for the DWP.}\n"
    "    items:\n"
    "      - ref: '4'\n"
    "        title: Housing for care leavers\n"
    "        summary: The report sets out the housing offer.\n"
    "        contact: Pat Jones\n"
    "        minutes: \"The Panel discussed the **offer**.\\n\\n- one\\n- two\\n\"\n"
    "        documents: [Report A]\n"
    "        decisions:\n"
    "          - {ref: '1', text: That the report be noted.}\n"
    "          - {ref: '2', text: That the Governance Officer write to the DWP.}\n"
    "        questions:\n"
    "          - {by: knox, asked: Whether the offer was funded, answer: It was.}\n"
    "      - ref: '5'\n"
    "        title: Work programme\n"
    "        decisions:\n"
    "          - {ref: '1', text: That the work programme be agreed.}\n"
    "actions:\n"
    "  - {id: 1, title: Write to the DWP, owners: [gov-officer], meeting: m1, item: '4',"
    " ref: '2'}\n"
    "  - {id: 2, title: Circulate the work programme, owners: [all, chair], meeting: m1,"
    " item: '5', due: 2023-02-01}\n"
    "  - {id: 3, title: Abandoned idea, owners: [chair], meeting: m1, item: '4',"
    " status: dropped}\n"
    "  - {id: 4, title: Visit a scheme, owners: [thirkill], theme: housing, meeting: m1,"
    " item: '4'}\n";

static void minutes__print_each_item_in_order_in_the_councils_form(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    import_text(f->db, two_items);
    char *text = minutes_of(f->db, "m1");
    assert_string_equal(
        text, "# Corporate Parenting Panel — 11 January 2023\n"
              "\n"
              "Present: Jo Bloggs (Chair), Cllr Thirkill\n"
              "In attendance: Sam Clerk\n"
              "Apologies: Cllr Knox\n"
              "\n"
              "## Declarations of interest\n"
              "\n"
              "Cllr Thirkill declared an interest in item 4: Her partner works for the DWP.\n"
              "\n"
              "## 4. HOUSING FOR CARE LEAVERS\n"
              "\n"
              "The report sets out the housing offer.\n"
              "\n"
              "(Contact: Pat Jones)\n"
              "\n"
              "Minutes:\n"
              "\n"
              "The Panel discussed the **offer**.\n"
              "\n"
              "- one\n"
              "- two\n"
              "\n"
              /* another bullet: after a "- " list the questions start a list of their own */
              "* Cllr Knox asked whether the offer was funded. In response, it was.\n"
              "\n"
              "Resolved –\n"
              "\n"
              "(1) That the report be noted.\n"
              "\n"
              "(2) That the Governance Officer write to the DWP.\n"
              "\n"
              "Action: Governance Officer (2)\n"
              "Action: Cllr Thirkill — visit a scheme\n"
              "\n"
              "Supporting documents:\n"
              "\n"
              "- Report A\n"
              "\n"
              "## 5. WORK PROGRAMME\n"
              "\n"
              "Resolved –\n"
              "\n"
              "That the work programme be agreed.\n"
              "\n"
              "Action: All, Chair — circulate the work programme, by 1 February 2023\n");
    free(text);
}

static void minutes__leave_out_dropped_actions(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    import_text(f->db, two_items);
    char *text = minutes_of(f->db, "m1");
    assert_null(strstr(text, "bandoned idea"));
    free(text);
}

static void minutes__print_each_action_once__a_themes_under_the_report_backs(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    import_text(f->db, two_items);
    import_text(f->db, "panelboard: 1\n"
                       "meetings:\n"
                       "  - id: m1\n"
                       "    date: 2023-01-11\n"
                       "    items:\n"
                       "      - {ref: '4', title: Housing for care leavers, report-backs: true}\n");
    char *text = minutes_of(f->db, "m1");
    const char *theme = strstr(text, "### Housing — Panel lead: Cllr Thirkill\n\n"
                                     "Action: Cllr Thirkill — visit a scheme\n");
    if (!theme)
        fail_msg("no theme with its action in:\n%s", text);
    const char *once = strstr(theme, "visit a scheme");
    assert_null(strstr(once + 1, "visit a scheme"));
    assert_ptr_equal(strstr(text, "visit a scheme"), once);
    free(text);
}

static void minutes__name_the_action_of_an_update_given_that_day(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    import_text(f->db, "panelboard: 1\n"
                       "actions:\n"
                       "  - id: 7\n"
                       "    title: Write to the DWP\n"
                       "    owners: [thirkill]\n"
                       "    theme: housing\n"
                       "    updates:\n"
                       "      - {date: 2023-01-11, by: thirkill, text: Letter sent}\n"
                       "      - {date: 2023-01-12, by: thirkill, text: Reply received}\n");
    char *text = minutes_of(f->db, "m1");
    /* no item is marked for report-backs: a closing section has them */
    assert_string_equal(text, "# Corporate Parenting Panel — 11 January 2023\n"
                              "\n"
                              "## Reports from Panel Leads\n"
                              "\n"
                              "### Housing — Panel lead: Cllr Thirkill\n"
                              "\n"
                              "- Update from Cllr Thirkill on ‘Write to the DWP’ (#7): letter "
                              "sent\n");
    free(text);
}

/* The newest change of the history, for what it says of when and on. */
struct newest {
    char *at, *on_day;
};

static enum pb_status keep_newest(const struct pb_history_entry *e, void *ctx, struct pb_error *err)
{
    (void)err;
    struct newest *n = ctx;
    n->at = pb_xstrdup(e->at);
    n->on_day = e->on_day ? pb_xstrdup(e->on_day) : NULL;
    return PB_OK;
}

static void minutes__count_what_is_typed_up_the_day_after_with_on_as_the_meetings(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    import_text(f->db, "panelboard: 1\n"
                       "actions:\n"
                       "  - {id: 7, title: Write to the DWP, owners: [thirkill], theme: housing,"
                       " meeting: m1}\n");
    set_clock("2023-01-12");
    pb_day typed, meeting;
    assert_true(pb_date_parse("2023-01-12", &typed));
    assert_true(pb_date_parse("2023-01-11", &meeting));
    pb_db_set_today(f->db, typed);
    pb_db_set_who(f->db, "thirkill");
    pb_db_set_on_day(f->db, &meeting);
    struct pb_error err = {0};
    if (pb_action_set_status(f->db, 7, "done", "Letter sent", -1, &err) != PB_OK)
        fail_msg("done #7 on the meeting's day: %s", err.message);
    pb_db_set_on_day(f->db, NULL);

    char *text = minutes_of(f->db, "m1");
    if (!strstr(text, "- Update from Cllr Thirkill on ‘Write to the DWP’ (#7): letter sent\n") ||
        !strstr(text, "Action: Cllr Thirkill — write to the DWP — done\n"))
        fail_msg("the update and the closing are not the meeting's:\n%s", text);
    free(text);

    struct newest n = {0};
    assert_int_equal(pb_history_each(f->db, 1, keep_newest, &n, &err), PB_OK);
    /* when it was typed is the real clock's; the day it counts for, the meeting's */
    assert_int_not_equal(strncmp(n.at, "2023-01-11", 10), 0);
    assert_string_equal(n.on_day, "2023-01-11");
    free(n.at);
    free(n.on_day);
}

static void minutes__cite_a_seats_resolution_only_when_it_is_this_meetings(void **state)
{
    struct testdb *f = *state;
    set_clock("2022-10-12");
    import_example(f->db);
    import_text(f->db, "panelboard: 1\n"
                       "meetings:\n"
                       "  - {id: 2022-11-23, date: 2022-11-23}\n");
    set_clock("2022-11-23");
    set_seat_status(f->db, "dwp", "nominated");
    char *text = minutes_of(f->db, "2022-11-23");
    const char *tail = strstr(text, "## Co-opted membership\n");
    assert_non_null(tail);
    assert_string_equal(tail, "## Co-opted membership\n"
                              "\n"
                              "- Department for Work and Pensions: nominated\n");
    free(text);
}

static void minutes__of_an_exempt_item__print_only_its_title(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    import_text(f->db, two_items);
    import_text(f->db, "panelboard: 1\n"
                       "meetings:\n"
                       "  - id: m1\n"
                       "    date: 2023-01-11\n"
                       "    items:\n"
                       "      - {ref: '4', title: Housing for care leavers, exempt: true}\n");
    char *text = minutes_of(f->db, "m1");
    assert_non_null(strstr(text, "## 4. HOUSING FOR CARE LEAVERS\n\n"
                                 "Exempt information: not for publication\n\n## 5."));
    assert_null(strstr(text, "housing offer"));
    assert_null(strstr(text, "visit a scheme"));
    free(text);
    struct pb_buf out = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_minutes_write(f->db, "m1", PB_MINUTES_MD, true, &out, &err), PB_OK);
    assert_true(strncmp(out.data, "CONFIDENTIAL", 12) == 0);
    assert_non_null(strstr(out.data, "visit a scheme"));
    pb_buf_free(&out);
}

static void minutes__in_text_have_headings_in_capitals_and_no_marks(void **state)
{
    struct testdb *f = *state;
    import_text(f->db, small_panel);
    import_text(f->db, two_items);
    struct pb_buf out = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_minutes_write(f->db, "m1", PB_MINUTES_TEXT, false, &out, &err), PB_OK);
    assert_true(strncmp(out.data, "CORPORATE PARENTING PANEL — 11 JANUARY 2023\n\n", 46) == 0);
    assert_non_null(strstr(out.data, "\nDECLARATIONS OF INTEREST\n"));
    assert_non_null(strstr(out.data, "\nThe Panel discussed the offer.\n\n- one\n- two\n"));
    assert_null(strstr(out.data, "#"));
    assert_null(strstr(out.data, "**"));
    pb_buf_free(&out);
    assert_int_equal(pb_minutes_write(f->db, "m1", PB_MINUTES_HTML, false, &out, &err), PB_OK);
    assert_non_null(strstr(out.data, "<h2>4. HOUSING FOR CARE LEAVERS</h2>"));
    assert_non_null(strstr(out.data, "<strong>offer</strong>"));
    pb_buf_free(&out);
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
    /* the seat was resolved on in October: May's minutes do not cite it */
    assert_string_equal(tail, "## Co-opted membership\n"
                              "\n"
                              "- Department for Work and Pensions: nominated\n");
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
    static const char *const gov[] = {"Governance Officer"};
    static const struct pb_meeting_person present[] = {
        {"Cllr Dunbar", false},
        {"Cllr Thirkill", false},
        {"Cllr Pollard", false},
        {"iAD/SRCP", true},
        {"Governance Officer", true},
    };
    static const struct pb_meeting_decision decisions[] = {
        {"1", "That the Panel noted the importance of acting in liaison with the appropriate "
              "portfolio-holders."},
        {"2", "That the Panel would consider how best to inform young people."},
        {"Resolved (3)",
         "That the representation of partners through co-opted members be expanded to include "
         "Housing, the Department for Work and Pensions and Youth Justice."},
        {"(4)", "That the Governance Officer advise on procedure for the appointment of "
                "additional co-opted Panel members."},
    };
    static const struct pb_meeting_item items[] = {{
        .ref = "3",
        .title = "National Implementation Adviser for Care Leavers visit 8 and 9 September 2022",
        .summary = "The Assistant Director Safeguarding and Review will provide feedback on the "
                   "two-day visit.",
        .contact = "Amandip Johal",
        .minutes = "The Chair said that Cllrs Thirkill and Dunbar had attended a session with the "
                   "Adviser, who had offered to visit Bradford.\n",
        .decisions = decisions,
        .n_decisions = 4,
    }};
    static const struct pb_meeting_action actions[] = {
        {.id = 1, .title = "Inform portfolio-holders of the names of the lead Panel Members",
         .owners = chair, .n_owners = 1, .due = "2022-11-30", .ref = "Resolved (1)", .item = "3",
         .status = "open"},
        {.id = 2, .title = "Tell young people", .owners = chair, .n_owners = 1, .item = "3",
         .ref = "Resolved (2)", .status = "dropped"},
        {.id = 4, .title = "Advise on procedure for the appointment of additional co-opted Panel "
                           "members",
         .owners_all = true, .owners = gov, .n_owners = 1, .ref = "Resolved (4)", .item = "3",
         .status = "open"},
    };
    static const struct pb_meeting_seat seats[] = {
        {.sector = "Housing", .status = "proposed", .ref = "Resolved (3)", .resolved_here = true},
        {.sector = "Department for Work and Pensions", .status = "proposed",
         .ref = "Resolved (3)", .resolved_here = true},
    };
    /* The dropped action 2 is not loaded (meeting.c leaves dropped ones out). */
    const struct pb_meeting m = {
        .id = "2022-10-12",
        .date = "2022-10-12",
        .chair = "Cllr Dunbar",
        .present = present,
        .n_present = 5,
        .items = items,
        .n_items = 1,
        .actions = (const struct pb_meeting_action[]){actions[0], actions[2]},
        .n_actions = 2,
        .seats = seats,
        .n_seats = 2,
    };
    struct pb_buf out = {0};
    pb_minutes_format(&m, false, &out);
    char *want = spec_example();
    /* The example is abridged: each of its lines is one of ours, in order
     * (a line ending "…" the start of one), and its first lines are ours. */
    const char *at = out.data;
    size_t matched = 0;
    for (char *line = strtok(want, "\n"); line; line = strtok(NULL, "\n")) {
        size_t n = strlen(line);
        const char *ellipsis = " …";
        bool abridged = n >= strlen(ellipsis) && strcmp(line + n - strlen(ellipsis), ellipsis) == 0;
        if (abridged)
            n -= strlen(ellipsis);
        const char *found = NULL;
        for (const char *p = at; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
            if (strncmp(p, line, n) == 0 && (abridged || p[n] == '\n')) {
                found = p;
                break;
            }
        }
        if (!found)
            fail_msg("line %zu of the example is missing or out of order:\n%s\nin:\n%s",
                     matched + 1, line, out.data);
        at = found + n;
        matched++;
    }
    assert_true(matched >= 15);
    /* word for word up to the discussion */
    assert_true(strncmp(out.data,
                        "# Corporate Parenting Panel — 12 October 2022\n\n"
                        "Present: Cllr Dunbar (Chair), Cllr Thirkill, Cllr Pollard\n"
                        "In attendance: iAD/SRCP, Governance Officer\n\n",
                        strlen("# Corporate Parenting Panel — 12 October 2022\n\n"
                               "Present: Cllr Dunbar (Chair), Cllr Thirkill, Cllr Pollard\n"
                               "In attendance: iAD/SRCP, Governance Officer\n\n")) == 0);
    free(want);
    pb_buf_free(&out);
}

static void minutes__show_markdown_characters_in_user_text_as_typed(void **state)
{
    (void)state;
    static const char *const owner[] = {"Head of *Service*"};
    static const struct pb_meeting_action actions[] = {
        {.id = 1, .title = "*Urgent* review of _all_ placements", .owners = owner, .n_owners = 1,
         .ref = "Resolved [4]", .status = "open"},
    };
    static const struct pb_meeting_decision decisions[] = {
        {"1", "1. That the report be noted."},
        {"*3*", "That snake_case and louise@x_y.org stay."},
    };
    const struct pb_meeting m = {.id = "m",
                                 .date = "2023-01-11",
                                 .title = "Panel #2",
                                 .actions = actions,
                                 .n_actions = 1,
                                 .decisions = decisions,
                                 .n_decisions = 2};
    struct pb_buf out = {0};
    pb_minutes_format(&m, false, &out);
    /* an underscore inside a word (snake_case) is left alone */
    assert_string_equal(out.data, "# Panel \\#2 — 11 January 2023\n"
                                  "\n"
                                  "## Panel \\#2\n"
                                  "\n"
                                  "Resolved –\n"
                                  "\n"
                                  "(1) 1. That the report be noted.\n"
                                  "\n"
                                  "(\\*3\\*) That snake_case and louise@x_y.org stay.\n"
                                  "\n"
                                  "Action: Head of \\*Service\\* (\\[4\\]) — \\*Urgent\\* review "
                                  "of \\_all\\_ placements\n");
    pb_buf_free(&out);
}

int main(void)
{
    const char *today = getenv("PANELBOARD_TODAY");
    run_today = today ? pb_xstrdup(today) : NULL;
#define TEST(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
    const struct CMUnitTest tests[] = {
        TEST(minutes__of_the_example_panels_october_meeting__read_item_by_item),
        TEST(minutes__without_a_meeting_named__are_of_the_latest_by_date),
        TEST(minutes__of_an_unknown_meeting__are_refused_with_the_nearest_id),
        TEST(minutes__with_no_meetings_yet__say_so),
        TEST(minutes__of_a_meeting_with_nothing_recorded__are_only_the_heading),
        TEST(minutes__print_each_item_in_order_in_the_councils_form),
        TEST(minutes__leave_out_dropped_actions),
        TEST(minutes__print_each_action_once__a_themes_under_the_report_backs),
        TEST(minutes__name_the_action_of_an_update_given_that_day),
        TEST(minutes__count_what_is_typed_up_the_day_after_with_on_as_the_meetings),
        TEST(minutes__cite_a_seats_resolution_only_when_it_is_this_meetings),
        TEST(minutes__of_an_exempt_item__print_only_its_title),
        TEST(minutes__in_text_have_headings_in_capitals_and_no_marks),
        TEST(minutes__list_a_seat_whose_status_changed_on_the_meeting_date),
        TEST(minutes__give_a_seat_the_status_it_had_at_the_meeting),
        cmocka_unit_test(minutes__format_the_example_of_the_spec_line_for_line),
        cmocka_unit_test(minutes__show_markdown_characters_in_user_text_as_typed),
    };
#undef TEST
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(run_today);
    return failed;
}
