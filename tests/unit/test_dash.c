/*
 * The dashboard with no terminal (src/app, dash.h): a real SQLite file
 * holding the example panel, or a generated one, a pinned clock, keys fed
 * one at a time through dash_key, and the state read back as the screen
 * would read it (the pane, the row under the cursor, the window of rows,
 * the one-line editor, the status line's message and hints, the detail).
 */
#include "dash.h"

#include <panelboard/action.h>
#include <panelboard/minutes.h>
#include <panelboard/panelfile.h>

#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2022-12-01 10:00:00 UTC, the day meson pins with PANELBOARD_TODAY */
#define NOW       ((time_t)1669888800)
#define TODAY     "2022-12-01"
#define GENERATED 500

struct fixture {
    struct testdb t;
    struct dash d;
    bool open;
    struct pb_db *other; /* a second connection to the same file, or NULL */
};

/* ---- panels ---- */

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

static const char small_panel[] = "panelboard: 1\n"
                                  "panel:\n"
                                  "  name: Generated Panel\n"
                                  "members:\n"
                                  "  - id: thirkill\n"
                                  "    name: Cllr Thirkill\n"
                                  "    kind: councillor\n"
                                  "themes:\n"
                                  "  - id: housing\n"
                                  "    title: Housing\n"
                                  "    lead: thirkill\n";

/* GENERATED actions #1..#GENERATED, added as one change. */
static void generate_actions(struct pb_db *db)
{
    testdb_import_text(db, "small.yaml", small_panel);
    struct pb_error err = {0};
    assert_int_equal(pb_change_begin(db, "generate", &err), PB_OK);
    const char *owner = "thirkill";
    enum pb_status s = PB_OK;
    for (int i = 1; i <= GENERATED && s == PB_OK; i++) {
        char title[64];
        snprintf(title, sizeof title, "Generated action %d", i);
        struct pb_action_new a = {.title = title, .owners = &owner, .n_owners = 1};
        int64_t id = 0;
        s = pb_action_add(db, &a, &id, &err);
        if (s == PB_OK)
            assert_int_equal(id, i);
    }
    assert_int_equal(pb_change_end(db, s, &err), PB_OK);
}

/* ---- the fixture ---- */

static void open_dash_with(struct fixture *f, const char *as, bool read_only)
{
    struct dash_options opt = {.as = as, .read_only = read_only};
    struct pb_error err = {0};
    if (dash_open(&f->d, f->t.db, &opt, NOW, &err) != PB_OK)
        fail_msg("dash_open: %s", err.message);
    f->open = true;
}

static int setup_example(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    testdb_open(&f->t, TODAY);
    import_example(f->t.db);
    open_dash_with(f, NULL, false);
    *state = f;
    return 0;
}

/* The example panel, the dashboard open as thirkill. */
static int setup_example_as(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    testdb_open(&f->t, TODAY);
    import_example(f->t.db);
    open_dash_with(f, "thirkill", false);
    *state = f;
    return 0;
}

/* The example panel, the dashboard not yet open (the test chooses how). */
static int setup_example_closed(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    testdb_open(&f->t, TODAY);
    import_example(f->t.db);
    *state = f;
    return 0;
}

static int setup_generated(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    testdb_open(&f->t, TODAY);
    generate_actions(f->t.db);
    open_dash_with(f, NULL, false);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    if (f->open)
        dash_close(&f->d);
    if (f->other)
        pb_db_close(f->other);
    testdb_close(&f->t);
    free(f);
    return 0;
}

/* Another connection to the dashboard's file, as a second terminal would
 * have, making its changes as `who`. */
static struct pb_db *second_terminal(struct fixture *f, const char *who)
{
    struct pb_db_options options = {.path = f->t.path};
    struct pb_error err = {0};
    if (pb_db_open(&options, &f->other, &err) != PB_OK)
        fail_msg("open %s again: %s", f->t.path, err.message);
    pb_day today = 0;
    assert_true(pb_date_parse(TODAY, &today));
    pb_db_set_today(f->other, today);
    pb_db_set_who(f->other, who);
    return f->other;
}

/* ---- driving it ---- */

static unsigned key(struct fixture *f, int k)
{
    return dash_key(&f->d, k);
}

/* Types UTF-8 text a code point at a time, as get_wch hands it over. */
static void type(struct fixture *f, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t left = strlen(text);
    while (left) {
        uint32_t cp = 0;
        size_t n = pb_utf8_decode(s, left, &cp);
        assert_true(n > 0);
        dash_key(&f->d, (int)cp);
        s += n;
        left -= n;
    }
}

static void keys(struct fixture *f, int k, int times)
{
    for (int i = 0; i < times; i++)
        dash_key(&f->d, k);
}

/* The id of the row under the cursor ("" when the list is empty). */
static const char *selected(const struct fixture *f)
{
    const struct dash_row *r = dash_selected(&f->d);
    return r ? r->id : "";
}

static void assert_input_text(const struct fixture *f, const char *want)
{
    char *text = dash_input_text(&f->d.input);
    assert_string_equal(text, want);
    free(text);
}

static void assert_message_has(const struct fixture *f, const char *want)
{
    if (!strstr(f->d.message, want))
        fail_msg("the message '%s' lacks '%s'", f->d.message, want);
}

static bool hints_have(const struct fixture *f, const char *hint)
{
    char buf[1024];
    dash_hints(&f->d, buf, sizeof buf);
    return strstr(buf, hint) != NULL;
}

/* The status of action #id as the database has it. */
static char *status_of(struct pb_db *db, int64_t id)
{
    struct pb_action *a = NULL;
    struct pb_error err = {0};
    if (pb_action_get(db, id, &a, &err) != PB_OK)
        fail_msg("get #%" PRId64 ": %s", id, err.message);
    char *status = pb_xstrdup(a->status);
    pb_action_free(a);
    return status;
}

static void assert_status(struct pb_db *db, int64_t id, const char *want)
{
    char *got = status_of(db, id);
    if (strcmp(got, want) != 0)
        fail_msg("#%" PRId64 " is %s, expected %s", id, got, want);
    free(got);
}

static bool action_exists(struct pb_db *db, int64_t id)
{
    struct pb_action *a = NULL;
    struct pb_error err = {0};
    enum pb_status s = pb_action_get(db, id, &a, &err);
    pb_action_free(a);
    return s == PB_OK;
}

/* The ids of the rows in the window, joined by spaces. */
static char *window_ids(const struct fixture *f, enum dash_pane_id p)
{
    struct pb_buf b = {0};
    const struct dash_list *l = &f->d.lists[p];
    for (size_t i = 0; i < l->n; i++)
        pb_buf_addf(&b, "%s%s", i ? " " : "", l->rows[i].id);
    char *out = pb_buf_take(&b);
    return out ? out : pb_xstrdup("");
}

static void assert_window(const struct fixture *f, enum dash_pane_id p, const char *want)
{
    char *got = window_ids(f, p);
    assert_string_equal(got, want);
    free(got);
}

static const struct dash_row *row_with_id(const struct fixture *f, enum dash_pane_id p,
                                          const char *id)
{
    const struct dash_list *l = &f->d.lists[p];
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->rows[i].id, id) == 0)
            return &l->rows[i];
    fail_msg("no row %s in the window", id);
    return NULL;
}

/* The window holds a few screens at most, and the cursor is on the screen. */
static void assert_window_bounded(const struct fixture *f, enum dash_pane_id p)
{
    const struct dash_list *l = &f->d.lists[p];
    size_t most = 10 * (f->d.height > 8 ? f->d.height : 8);
    if (l->n > most || l->n >= GENERATED)
        fail_msg("the window holds %zu rows (at most %zu expected)", l->n, most);
    assert_true(l->cursor < l->n);
    assert_true(l->top <= l->cursor && l->cursor < l->top + f->d.height);
}

/* ---- panes ---- */

static void dash__opens_on_the_themes_pane__in_the_chairs_order(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(f->d.pane, DASH_THEMES);
    assert_window(f, DASH_THEMES,
                  "fe-skills education health housing leisure youth-justice adults-businesses");
    assert_string_equal(selected(f), "fe-skills");
    assert_string_equal(f->d.panel_name, "Corporate Parenting Panel");
    assert_string_equal(f->d.meeting, "last meeting 2022-10-12");
    assert_string_equal(f->d.message, "");
}

static void dash__number_keys_tab_and_shift_tab__switch_panes(void **state)
{
    struct fixture *f = *state;
    assert_true(key(f, '3') & DASH_DRAW_LIST);
    assert_int_equal(f->d.pane, DASH_ACTIONS);
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6");
    key(f, '4');
    assert_int_equal(f->d.pane, DASH_CO_OPTED);
    assert_window(f, DASH_CO_OPTED, "housing dwp youth-justice");
    key(f, '6');
    assert_int_equal(f->d.pane, DASH_FEEDBACK);
    assert_window(f, DASH_FEEDBACK, "1 2");
    key(f, DASH_KEY_TAB);
    assert_int_equal(f->d.pane, DASH_THEMES);
    key(f, DASH_KEY_TAB);
    assert_int_equal(f->d.pane, DASH_LEADS);
    assert_true(f->d.lists[DASH_LEADS].n > 0);
    key(f, DASH_KEY_BTAB);
    assert_int_equal(f->d.pane, DASH_THEMES);
    key(f, DASH_KEY_BTAB);
    assert_int_equal(f->d.pane, DASH_FEEDBACK);
    key(f, DASH_KEY_BTAB);
    assert_int_equal(f->d.pane, DASH_STRATEGIES);
    assert_window(f, DASH_STRATEGIES, "cic-care-leavers sufficiency");
    key(f, '5');
    assert_int_equal(f->d.pane, DASH_STRATEGIES);
    key(f, '2');
    assert_int_equal(f->d.pane, DASH_LEADS);
    key(f, '1');
    assert_int_equal(f->d.pane, DASH_THEMES);
}

static void dash__a_pane_switched_away_from__keeps_its_cursor(void **state)
{
    struct fixture *f = *state;
    keys(f, 'j', 3);
    assert_string_equal(selected(f), "housing");
    key(f, '3');
    keys(f, 'j', 2);
    assert_string_equal(selected(f), "3");
    key(f, '1');
    assert_string_equal(selected(f), "housing");
    key(f, '3');
    assert_string_equal(selected(f), "3");
}

/* ---- moving over a long list ---- */

static void
dash__j_and_k_over_500_actions__visit_every_id_in_order_with_a_bounded_window(void **state)
{
    struct fixture *f = *state;
    dash_resize(&f->d, 10);
    key(f, '3');
    assert_string_equal(selected(f), "1");
    assert_window_bounded(f, DASH_ACTIONS);
    char want[24];
    for (int i = 2; i <= GENERATED; i++) {
        key(f, 'j');
        snprintf(want, sizeof want, "%d", i);
        assert_string_equal(selected(f), want);
        assert_window_bounded(f, DASH_ACTIONS);
    }
    /* at the end j stays, and says nothing changed */
    assert_int_equal(key(f, 'j'), 0);
    assert_string_equal(selected(f), "500");
    assert_true(f->d.lists[DASH_ACTIONS].at_end);
    for (int i = GENERATED - 1; i >= 1; i--) {
        key(f, i % 2 ? 'k' : DASH_KEY_UP);
        snprintf(want, sizeof want, "%d", i);
        assert_string_equal(selected(f), want);
        assert_window_bounded(f, DASH_ACTIONS);
    }
    assert_int_equal(key(f, 'k'), 0);
    assert_string_equal(selected(f), "1");
    assert_true(f->d.lists[DASH_ACTIONS].at_start);
}

static void
dash__g_G_and_pgdn_pgup_over_500_actions__jump_and_page_across_window_edges(void **state)
{
    struct fixture *f = *state;
    dash_resize(&f->d, 10);
    key(f, '3');
    key(f, 'G');
    assert_string_equal(selected(f), "500");
    assert_window_bounded(f, DASH_ACTIONS);
    key(f, 'g');
    assert_string_equal(selected(f), "1");
    assert_window_bounded(f, DASH_ACTIONS);
    key(f, DASH_KEY_END);
    assert_string_equal(selected(f), "500");
    key(f, DASH_KEY_HOME);
    assert_string_equal(selected(f), "1");

    char want[24];
    int at = 1;
    while (at < GENERATED) {
        key(f, at % 2 ? DASH_KEY_PGDN : DASH_CTRL('f'));
        at = at + 10 < GENERATED ? at + 10 : GENERATED;
        snprintf(want, sizeof want, "%d", at);
        assert_string_equal(selected(f), want);
        assert_window_bounded(f, DASH_ACTIONS);
    }
    while (at > 1) {
        key(f, at % 2 ? DASH_KEY_PGUP : DASH_CTRL('b'));
        at = at - 10 > 1 ? at - 10 : 1;
        snprintf(want, sizeof want, "%d", at);
        assert_string_equal(selected(f), want);
        assert_window_bounded(f, DASH_ACTIONS);
    }
    /* from the far end back by a page: the rows in between are read again */
    key(f, 'G');
    key(f, DASH_KEY_PGUP);
    assert_string_equal(selected(f), "490");
    key(f, 'j');
    assert_string_equal(selected(f), "491");
}

static void dash__a_taller_screen__reads_enough_rows_to_fill_it(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    dash_resize(&f->d, 120);
    assert_true(f->d.lists[DASH_ACTIONS].n >= 120);
    assert_window_bounded(f, DASH_ACTIONS);
    assert_string_equal(selected(f), "1");
}

/* ---- quick capture ---- */

static void dash__a_typed_key_by_key_with_tab__completes_the_owner_and_adds_the_action(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'a');
    assert_int_equal(f->d.input.kind, DASH_INPUT_CAPTURE);
    assert_string_equal(f->d.input.prompt, "add: ");
    assert_input_text(f, "");
    type(f, "Write to DWP @thi");
    key(f, DASH_KEY_TAB);
    assert_input_text(f, "Write to DWP @thirkill ");
    type(f, "#hou");
    key(f, DASH_KEY_TAB);
    assert_input_text(f, "Write to DWP @thirkill #housing ");
    type(f, "due:2022-12-20");
    assert_false(action_exists(f->t.db, 7));
    key(f, DASH_KEY_ENTER);

    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_message_has(f, "added #7: Write to DWP");
    assert_false(f->d.message_error);
    struct pb_action *a = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_action_get(f->t.db, 7, &a, &err), PB_OK);
    assert_string_equal(a->title, "Write to DWP");
    assert_int_equal(a->n_owners, 1);
    assert_string_equal(a->owners[0], "thirkill");
    assert_string_equal(a->theme, "housing");
    assert_string_equal(a->status, "open");
    pb_day due = 0;
    assert_true(pb_date_parse("2022-12-20", &due));
    assert_true(a->has_due);
    assert_int_equal(a->due, due);
    pb_action_free(a);
    /* the list shows it, the cursor on it */
    assert_string_equal(selected(f), "7");
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6 7");
    assert_string_equal(f->d.lists[DASH_ACTIONS].count, "7 actions · 7 open · 4 overdue");
}

static void dash__tab_with_several_candidates__shows_them_and_keeps_the_shared_prefix(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'a');
    type(f, "Call @k");
    key(f, DASH_KEY_TAB);
    assert_input_text(f, "Call @k");
    assert_message_has(f, "@khan");
    assert_message_has(f, "@knox");
    assert_message_has(f, "@kay");
    type(f, "n");
    key(f, DASH_KEY_TAB);
    assert_input_text(f, "Call @knox ");
    /* a word that is not an @ or # says what Tab does */
    type(f, "now");
    key(f, DASH_KEY_TAB);
    assert_input_text(f, "Call @knox now");
    assert_message_has(f, "Tab completes");
    key(f, DASH_KEY_ESC);
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_false(action_exists(f->t.db, 7));
}

static void dash__a_on_the_themes_pane__fills_in_the_theme_under_the_cursor(void **state)
{
    struct fixture *f = *state;
    keys(f, 'j', 3);
    assert_string_equal(selected(f), "housing");
    key(f, 'a');
    assert_int_equal(f->d.input.kind, DASH_INPUT_CAPTURE);
    assert_input_text(f, " #housing");
    /* the cursor is before the context: the title comes first */
    assert_int_equal(f->d.input.cursor, 0);
    type(f, "Call LCS @kay");
    assert_input_text(f, "Call LCS @kay #housing");
    key(f, DASH_KEY_ENTER);
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    struct pb_action *a = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_action_get(f->t.db, 7, &a, &err), PB_OK);
    assert_string_equal(a->title, "Call LCS");
    assert_string_equal(a->theme, "housing");
    assert_string_equal(a->owners[0], "kay");
    pb_action_free(a);
    /* the theme's row counts it */
    assert_int_equal(f->d.pane, DASH_THEMES);
    assert_string_equal(selected(f), "housing");
    assert_int_equal(dash_selected(&f->d)->total, 1);
}

static void dash__a_on_the_leads_pane__fills_in_the_lead_as_owner(void **state)
{
    struct fixture *f = *state;
    key(f, '2');
    const struct dash_row *row = dash_selected(&f->d);
    assert_non_null(row);
    assert_non_null(row->member);
    char *want = pb_xasprintf(" @%s", row->member);
    key(f, 'a');
    assert_input_text(f, want);
    free(want);
}

static void dash__a_with_an_unknown_owner__suggests_the_nearest_and_keeps_the_line(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'a');
    type(f, "Write to DWP @thirkil #housing");
    key(f, DASH_KEY_ENTER);
    assert_message_has(f, "no member 'thirkil'; did you mean 'thirkill'?");
    assert_true(f->d.message_error);
    assert_int_equal(f->d.input.kind, DASH_INPUT_CAPTURE);
    assert_input_text(f, "Write to DWP @thirkil #housing");
    assert_false(action_exists(f->t.db, 7));
    /* mended in place, it goes through */
    key(f, DASH_KEY_END);
    for (int i = 0; i < (int)strlen(" #housing"); i++)
        key(f, DASH_KEY_LEFT);
    type(f, "l");
    assert_input_text(f, "Write to DWP @thirkill #housing");
    key(f, DASH_KEY_ENTER);
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_true(action_exists(f->t.db, 7));
}

static void dash__a_without_an_owner_or_as__asks_for_one(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'a');
    type(f, "Write to DWP");
    key(f, DASH_KEY_ENTER);
    assert_message_has(f, "name an owner");
    assert_int_equal(f->d.input.kind, DASH_INPUT_CAPTURE);
    assert_false(action_exists(f->t.db, 7));
}

static void dash__a_with_as__makes_the_as_member_the_owner(void **state)
{
    struct fixture *f = *state;
    open_dash_with(f, "thirkill", false);
    key(f, '3');
    key(f, 'a');
    type(f, "Write to DWP");
    key(f, DASH_KEY_ENTER);
    struct pb_action *a = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_action_get(f->t.db, 7, &a, &err), PB_OK);
    assert_int_equal(a->n_owners, 1);
    assert_string_equal(a->owners[0], "thirkill");
    pb_action_free(a);
}

static void dash__a_while_sorted_by_due__puts_the_cursor_on_the_new_action(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'S');
    key(f, 'a');
    type(f, "Write to DWP @thirkill due:2022-11-15");
    key(f, DASH_KEY_ENTER);
    assert_window(f, DASH_ACTIONS, "5 4 7 1 2 3 6");
    assert_string_equal(selected(f), "7");
    key(f, 'a');
    type(f, "No date yet @thirkill");
    key(f, DASH_KEY_ENTER);
    assert_window(f, DASH_ACTIONS, "5 4 7 1 2 3 6 8");
    assert_string_equal(selected(f), "8");
}

/* ---- done, status, note, undo, redo ---- */

static void dash__d_on_an_action__marks_it_done_and_u_undoes_it(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    assert_string_equal(selected(f), "1");
    assert_true(dash_selected(&f->d)->flags & DASH_ROW_OVERDUE);
    key(f, 'd');
    assert_message_has(f, "#1 is done");
    assert_false(f->d.message_error);
    assert_status(f->t.db, 1, "done");
    assert_string_equal(selected(f), "1");
    assert_string_equal(dash_selected(&f->d)->status, "done");
    assert_true(dash_selected(&f->d)->flags & DASH_ROW_DONE);
    assert_false(dash_selected(&f->d)->flags & DASH_ROW_OVERDUE);

    key(f, 'u');
    assert_message_has(f, "undone: #1 done");
    assert_status(f->t.db, 1, "in-progress");
    assert_string_equal(selected(f), "1");
    assert_string_equal(dash_selected(&f->d)->status, "in-progress");
    assert_true(dash_selected(&f->d)->flags & DASH_ROW_OVERDUE);

    key(f, DASH_CTRL('r'));
    assert_message_has(f, "redone: #1 done");
    assert_status(f->t.db, 1, "done");
    /* d on a done action says so and writes nothing */
    size_t entries = testdb_history_entries(f->t.db);
    key(f, 'd');
    assert_message_has(f, "already done");
    assert_int_equal(testdb_history_entries(f->t.db), entries);
}

static void dash__s_cycles_the_status_and_u_and_ctrl_r_walk_back_and_forth(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'j');
    assert_string_equal(selected(f), "2");
    const char *const cycle[] = {"open", "in-progress", "done", "dropped", "open"};
    for (int i = 1; i <= 4; i++) {
        key(f, 's');
        assert_status(f->t.db, 2, cycle[i]);
        assert_string_equal(dash_selected(&f->d)->status, cycle[i]);
    }
    assert_true(dash_selected(&f->d)->flags & DASH_ROW_OVERDUE);
    for (int i = 3; i >= 0; i--) {
        key(f, 'u');
        assert_status(f->t.db, 2, cycle[i]);
        assert_string_equal(selected(f), "2");
    }
    key(f, 'u');
    assert_message_has(f, "nothing of this session to undo");
    assert_status(f->t.db, 2, "open");
    for (int i = 1; i <= 4; i++) {
        key(f, DASH_CTRL('r'));
        assert_status(f->t.db, 2, cycle[i]);
    }
    key(f, DASH_CTRL('r'));
    assert_message_has(f, "nothing to redo");
    /* a new change after an undo leaves nothing to redo */
    key(f, 'u');
    assert_status(f->t.db, 2, "dropped");
    key(f, 'd');
    assert_status(f->t.db, 2, "done");
    key(f, DASH_CTRL('r'));
    assert_message_has(f, "nothing to redo");
    assert_status(f->t.db, 2, "done");
}

static void dash__undo_over_several_kinds_of_change__takes_them_back_newest_first(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'd'); /* #1 done */
    key(f, 'a');
    type(f, "Write to DWP @thirkill");
    key(f, DASH_KEY_ENTER); /* #7 */
    assert_true(action_exists(f->t.db, 7));
    key(f, 'g');
    keys(f, 'j', 3);
    assert_string_equal(selected(f), "4");
    key(f, 's'); /* #4 in-progress */
    assert_status(f->t.db, 4, "in-progress");

    key(f, 'u');
    assert_status(f->t.db, 4, "open");
    assert_true(action_exists(f->t.db, 7));
    key(f, 'u');
    assert_false(action_exists(f->t.db, 7));
    assert_status(f->t.db, 1, "done");
    key(f, 'u');
    assert_status(f->t.db, 1, "in-progress");
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6");

    key(f, DASH_CTRL('r'));
    assert_status(f->t.db, 1, "done");
    key(f, DASH_CTRL('r'));
    assert_true(action_exists(f->t.db, 7));
    key(f, DASH_CTRL('r'));
    assert_status(f->t.db, 4, "in-progress");
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6 7");
}

static void dash__n_on_an_action__adds_a_note_that_the_detail_shows(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'j');
    key(f, 'n');
    assert_int_equal(f->d.input.kind, DASH_INPUT_NOTE);
    assert_string_equal(f->d.input.prompt, "note on #2: ");
    type(f, "Letter sent to DWP");
    key(f, DASH_KEY_ENTER);
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_message_has(f, "noted on #2");

    struct pb_action *a = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_action_get(f->t.db, 2, &a, &err), PB_OK);
    assert_int_equal(a->n_updates, 1);
    assert_string_equal(a->updates[0].text, "Letter sent to DWP");
    pb_action_free(a);

    const struct dash_line *lines = NULL;
    size_t n = 0;
    dash_detail_lines(&f->d, &lines, &n);
    bool shown = false;
    for (size_t i = 0; i < n; i++)
        if (strcmp(lines[i].text, "Letter sent to DWP") == 0 &&
            strcmp(lines[i].label, "2022-12-01") == 0)
            shown = true;
    assert_true(shown);

    key(f, 'u');
    assert_int_equal(pb_action_get(f->t.db, 2, &a, &err), PB_OK);
    assert_int_equal(a->n_updates, 0);
    pb_action_free(a);
}

static void dash__n_with_an_empty_note__writes_nothing(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    size_t entries = testdb_history_entries(f->t.db);
    key(f, 'n');
    type(f, "   ");
    key(f, DASH_KEY_ENTER);
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_int_equal(testdb_history_entries(f->t.db), entries);
}

static void dash__d_on_an_action_changed_by_another_terminal__is_refused_naming_who(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    assert_string_equal(selected(f), "1");
    struct pb_db *other = second_terminal(f, "knox");
    struct pb_error err = {0};
    assert_int_equal(pb_action_set_status(other, 1, "dropped", "Not ours", -1, &err), PB_OK);

    key(f, 'd');
    assert_true(f->d.message_error);
    assert_message_has(f, "#1 was changed by knox");
    assert_message_has(f, "press d again");
    /* theirs is kept and shown */
    assert_status(f->t.db, 1, "dropped");
    assert_string_equal(selected(f), "1");
    assert_string_equal(dash_selected(&f->d)->status, "dropped");
    assert_true(dash_selected(&f->d)->flags & DASH_ROW_DROPPED);
    /* nothing of ours to undo */
    key(f, 'u');
    assert_message_has(f, "nothing of this session to undo");
    assert_status(f->t.db, 1, "dropped");
    /* d again, on their version, goes through */
    key(f, 'd');
    assert_false(f->d.message_error);
    assert_status(f->t.db, 1, "done");
}

static void
dash__u_after_another_terminal_changed_the_row__is_refused_and_keeps_theirs(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'd');
    assert_status(f->t.db, 1, "done");
    struct pb_db *other = second_terminal(f, "knox");
    struct pb_error err = {0};
    assert_int_equal(pb_action_set_status(other, 1, "dropped", NULL, -1, &err), PB_OK);
    key(f, 'u');
    assert_true(f->d.message_error);
    assert_status(f->t.db, 1, "dropped");
}

/* ---- search ---- */

static void dash__slash_as_you_type__moves_the_cursor_and_n_N_step_through_matches(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, '/');
    assert_int_equal(f->d.input.kind, DASH_INPUT_SEARCH);
    type(f, "y");
    /* "Identify" is the first title from #1 with a y */
    assert_string_equal(selected(f), "2");
    type(f, "oung");
    assert_string_equal(selected(f), "3");
    key(f, DASH_KEY_BACKSPACE);
    assert_string_equal(selected(f), "3");
    type(f, "g");
    key(f, DASH_KEY_ENTER);
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_non_null(f->d.search);
    assert_string_equal(f->d.search, "young");
    assert_true(hints_have(f, "n next"));
    assert_false(hints_have(f, "n note"));

    key(f, 'n');
    assert_string_equal(selected(f), "6");
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    key(f, 'n');
    assert_string_equal(selected(f), "3");
    assert_message_has(f, "round past the end");
    key(f, 'N');
    assert_string_equal(selected(f), "6");
    assert_message_has(f, "round past the start");
    key(f, 'N');
    assert_string_equal(selected(f), "3");

    /* Esc ends the search where the cursor is; n is a note again */
    key(f, DASH_KEY_ESC);
    assert_null(f->d.search);
    assert_string_equal(selected(f), "3");
    assert_true(hints_have(f, "n note"));
}

static void dash__esc_while_typing_a_search__returns_the_cursor_to_where_it_was(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'j');
    assert_string_equal(selected(f), "2");
    key(f, '/');
    type(f, "criminal");
    assert_string_equal(selected(f), "6");
    key(f, DASH_KEY_ESC);
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_null(f->d.search);
    assert_string_equal(selected(f), "2");
}

static void dash__search_with_no_match__says_so_and_stays(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'j');
    key(f, '/');
    type(f, "zebra");
    assert_message_has(f, "no action holds 'zebra'");
    assert_string_equal(selected(f), "2");
}

static void dash__search_on_the_themes_pane__finds_by_title(void **state)
{
    struct fixture *f = *state;
    key(f, '/');
    type(f, "leis");
    assert_string_equal(selected(f), "leisure");
    key(f, DASH_KEY_ENTER);
    key(f, 'n');
    assert_string_equal(selected(f), "leisure");
}

static void dash__search_erased_back_to_nothing__puts_the_cursor_back(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    keys(f, 'j', 3);
    key(f, '/');
    type(f, "crim");
    assert_string_equal(selected(f), "6");
    keys(f, DASH_KEY_BACKSPACE, 4);
    assert_input_text(f, "");
    assert_string_equal(selected(f), "4");
}

static void dash__search_typed_in_utf8__finds_text_with_curly_quotes(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, '/');
    type(f, "members\u2019 f");
    assert_string_equal(selected(f), "5");
    key(f, DASH_KEY_ENTER);
    assert_string_equal(f->d.search, "members\u2019 f");
}

/* ---- filters and sorting ---- */

/* More actions in housing: #7 is the only one open, overdue and
 * thirkill's; each of the others fails one of those. */
static void add_housing_actions(struct pb_db *db)
{
    struct {
        const char *owner, *due, *status;
    } rows[] = {
        {"thirkill", "2022-11-01", "open"},        /* #7 matches */
        {"knox", "2022-11-01", "open"},            /* #8 not thirkill's */
        {"thirkill", "2023-02-01", "open"},        /* #9 not overdue */
        {"thirkill", "2022-11-01", "in-progress"}, /* #10 not open */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct pb_action_new a = {.title = "Housing work",
                                  .owners = &rows[i].owner,
                                  .n_owners = 1,
                                  .theme = "housing",
                                  .has_due = true};
        assert_true(pb_date_parse(rows[i].due, &a.due));
        int64_t id = 0;
        struct pb_error err = {0};
        assert_int_equal(pb_action_add(db, &a, &id, &err), PB_OK);
        assert_int_equal(id, (int64_t)(7 + i));
        if (strcmp(rows[i].status, "open") != 0)
            assert_int_equal(pb_action_set_status(db, id, rows[i].status, NULL, -1, &err), PB_OK);
    }
}

static void dash__f_with_owner_theme_status_and_overdue__shows_only_matching_rows(void **state)
{
    struct fixture *f = *state;
    add_housing_actions(f->t.db);
    open_dash_with(f, NULL, false);
    key(f, '3');
    assert_int_equal(f->d.lists[DASH_ACTIONS].n, 10);
    key(f, 'f');
    assert_int_equal(f->d.input.kind, DASH_INPUT_FILTER);
    type(f, "@thi");
    key(f, DASH_KEY_TAB);
    type(f, "#housing status:open overdue");
    assert_input_text(f, "@thirkill #housing status:open overdue");
    key(f, DASH_KEY_ENTER);
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_int_equal(f->d.pane, DASH_ACTIONS);
    assert_window(f, DASH_ACTIONS, "7");
    assert_string_equal(selected(f), "7");
    assert_string_equal(f->d.lists[DASH_ACTIONS].count, "1 action · 1 open · 1 overdue");
    char *text = dash_filter_text(&f->d);
    assert_string_equal(text, "@thirkill #housing status:open overdue ");
    free(text);
    /* f again starts from the filters in force */
    key(f, 'f');
    assert_input_text(f, "@thirkill #housing status:open overdue ");
    key(f, DASH_KEY_ESC);

    key(f, 'F');
    assert_message_has(f, "filters cleared");
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6 7 8 9 10");
    assert_string_equal(row_with_id(f, DASH_ACTIONS, "10")->status, "in-progress");
    text = dash_filter_text(&f->d);
    assert_string_equal(text, "");
    free(text);
}

static void dash__f_with_a_misspelt_owner__suggests_the_nearest_and_keeps_the_line(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'f');
    type(f, "@thirkil overdue");
    key(f, DASH_KEY_ENTER);
    assert_message_has(f, "no member 'thirkil'; did you mean 'thirkill'?");
    assert_true(f->d.message_error);
    assert_int_equal(f->d.input.kind, DASH_INPUT_FILTER);
    assert_input_text(f, "@thirkil overdue");
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6");
    key(f, DASH_CTRL('u'));
    type(f, "status:opne");
    key(f, DASH_KEY_ENTER);
    assert_message_has(f, "did you mean status:open?");
    assert_int_equal(f->d.input.kind, DASH_INPUT_FILTER);
}

static void dash__f_on_the_themes_pane__starts_from_the_theme_under_the_cursor(void **state)
{
    struct fixture *f = *state;
    keys(f, 'j', 5);
    assert_string_equal(selected(f), "youth-justice");
    key(f, 'f');
    assert_input_text(f, "#youth-justice ");
    key(f, DASH_KEY_ENTER);
    assert_int_equal(f->d.pane, DASH_ACTIONS);
    assert_window(f, DASH_ACTIONS, "6");
    /* capture on the filtered actions pane fills in the theme */
    key(f, 'a');
    assert_input_text(f, " #youth-justice");
}

static void dash__S_toggles_the_actions_between_due_date_and_id_order(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6");
    key(f, 'S');
    assert_message_has(f, "by due date");
    assert_window(f, DASH_ACTIONS, "5 4 1 2 3 6");
    assert_string_equal(selected(f), "5");
    key(f, 'S');
    assert_message_has(f, "by id");
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6");
}

static void dash__m_without_as__says_it_needs_as(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    assert_false(hints_have(f, "my queue"));
    key(f, 'm');
    assert_true(f->d.message_error);
    assert_message_has(f, "needs --as");
    assert_false(f->d.queue);
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6");
}

static void dash__m_with_as__shows_the_members_queue_and_m_again_shows_all(void **state)
{
    struct fixture *f = *state;
    open_dash_with(f, "chair", false);
    assert_true(hints_have(f, "m my queue"));
    key(f, 'm');
    assert_true(f->d.queue);
    assert_int_equal(f->d.pane, DASH_ACTIONS);
    assert_message_has(f, "my queue: chair's");
    /* the chair owns #1 and #2, and #3 and #4 are everyone's; soonest due first */
    assert_window(f, DASH_ACTIONS, "4 1 2 3");
    key(f, 'm');
    assert_false(f->d.queue);
    /* back in the order it had before the queue: by id */
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6");
}

/* ---- marks ---- */

static void dash__space_marks_two_and_d__closes_both_as_one_change_one_u_undoes(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, ' ');
    assert_string_equal(selected(f), "2");
    assert_message_has(f, "1 marked");
    key(f, 'j');
    key(f, ' ');
    assert_int_equal(f->d.n_marks, 2);
    assert_true(dash_is_marked(&f->d, &f->d.lists[DASH_ACTIONS].rows[0]));
    assert_false(dash_is_marked(&f->d, &f->d.lists[DASH_ACTIONS].rows[1]));
    key(f, 'd');
    assert_false(f->d.message_error);
    assert_message_has(f, "2 actions done");
    assert_status(f->t.db, 1, "done");
    assert_status(f->t.db, 2, "open");
    assert_status(f->t.db, 3, "done");
    assert_int_equal(f->d.n_marks, 0);
    key(f, 'u');
    assert_status(f->t.db, 1, "in-progress");
    assert_status(f->t.db, 3, "open");
}

static void dash__V_marks_every_action_the_filter_shows__and_s_moves_them_all(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'f');
    type(f, "status:open");
    key(f, DASH_KEY_ENTER);
    size_t shown = f->d.lists[DASH_ACTIONS].n;
    assert_true(shown >= 2);
    key(f, 'V');
    assert_int_equal(f->d.n_marks, shown);
    /* open's next status, for every marked action */
    key(f, 's');
    assert_message_has(f, "in-progress");
    assert_int_equal(f->d.lists[DASH_ACTIONS].n, 0);
    assert_status(f->t.db, 2, "in-progress");
    assert_status(f->t.db, 3, "in-progress");
    key(f, 'F');
    key(f, 'V');
    key(f, 'V');
    assert_int_equal(f->d.n_marks, 0);
    assert_message_has(f, "marks cleared");
}

static void dash__marked_rows_one_changed_by_another_terminal__change_nothing(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, ' ');
    key(f, ' ');
    struct pb_db *other = second_terminal(f, "knox");
    struct pb_error err = {0};
    assert_int_equal(pb_action_set_status(other, 2, "dropped", NULL, -1, &err), PB_OK);
    key(f, 'd');
    assert_true(f->d.message_error);
    assert_message_has(f, "nothing was changed");
    assert_status(f->t.db, 1, "in-progress");
    assert_status(f->t.db, 2, "dropped");
    assert_int_equal(f->d.n_marks, 2);
    key(f, DASH_KEY_ESC);
    assert_int_equal(f->d.n_marks, 0);
}

/* ---- meeting mode ---- */

static void assert_minutes_have(struct fixture *f, const char *want)
{
    struct pb_buf out = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_minutes_write(f->t.db, TODAY, PB_MINUTES_MD, false, &out, &err), PB_OK);
    if (!strstr(out.data, want))
        fail_msg("the minutes lack '%s':\n%s", want, out.data);
    pb_buf_free(&out);
}

static void dash__a_whole_meeting_from_the_keyboard__is_in_its_minutes(void **state)
{
    struct fixture *f = *state;
    key(f, 'M');
    assert_int_equal(f->d.input.kind, DASH_INPUT_MEETING_TITLE);
    key(f, DASH_KEY_ENTER);
    assert_true(f->d.in_meeting);
    assert_int_equal(f->d.pane, DASH_AGENDA);
    assert_string_equal(f->d.run.id, TODAY);
    assert_true(hints_have(f, "I item"));

    key(f, 'I');
    type(f, "3 Adviser's visit");
    key(f, DASH_KEY_ENTER);
    key(f, 'I');
    type(f, "4 Reports from Panel Leads *");
    key(f, DASH_KEY_ENTER);
    assert_message_has(f, "item 4 added, with the themes");
    key(f, 'g');
    assert_string_equal(f->d.current_ref, "3");

    key(f, 'D');
    type(f, "That the Panel noted the visit.");
    key(f, DASH_KEY_ENTER);
    assert_message_has(f, "resolved (1)");
    key(f, 'Q');
    type(f, "Had ambassadors been appointed?");
    key(f, DASH_KEY_ENTER);
    type(f, "Yes, one.");
    key(f, DASH_KEY_ENTER);
    type(f, "kno");
    key(f, DASH_KEY_TAB);
    key(f, DASH_KEY_ENTER);
    assert_message_has(f, "question recorded");
    assert_true(key(f, 'w') & DASH_EDIT);
    assert_string_equal(f->d.edit.text, "");
    dash_edit_done(&f->d, "The Chair welcomed the Adviser.");
    assert_message_has(f, "saved");

    key(f, 'P');
    assert_int_equal(f->d.overlay.kind, DASH_OVERLAY_ATTENDANCE);
    key(f, ' ');
    key(f, 'j');
    key(f, ' ');
    key(f, ' ');
    key(f, DASH_KEY_ESC);
    assert_int_equal(f->d.overlay.kind, DASH_OVERLAY_NONE);

    /* down to the Housing lead's row under item 4 */
    const struct dash_row *row;
    for (int i = 0; i < 12 && (!(row = dash_selected(&f->d))->theme ||
                               strcmp(row->theme, "housing") != 0);
         i++)
        key(f, 'j');
    assert_string_equal(dash_selected(&f->d)->theme, "housing");
    assert_string_equal(f->d.current_ref, "4");
    key(f, 'a');
    assert_input_text(f, " #housing");
    type(f, "Write to the DWP @thirkill");
    key(f, DASH_KEY_ENTER);
    assert_message_has(f, "added #7");
    struct pb_action *a = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_action_get(f->t.db, 7, &a, &err), PB_OK);
    assert_string_equal(a->theme, "housing");
    assert_string_equal(a->meeting, TODAY);
    pb_action_free(a);

    key(f, 'p');
    assert_int_equal(f->d.overlay.kind, DASH_OVERLAY_PREVIEW);
    key(f, DASH_KEY_ESC);
    key(f, 'M');
    assert_false(f->d.in_meeting);
    assert_message_has(f, "ended");

    assert_minutes_have(f, "## 3. ADVISER'S VISIT");
    assert_minutes_have(f, "That the Panel noted the visit.");
    assert_minutes_have(f, "Cllr Knox asked: Had ambassadors been appointed?");
    assert_minutes_have(f, "The Chair welcomed the Adviser.");
    assert_minutes_have(f, "Apologies: Cllr Thirkill");
    assert_minutes_have(f, "### Housing — Panel lead: Cllr Thirkill");
    assert_minutes_have(f, "Action: Cllr Thirkill — write to the DWP");
    /* and one u takes back the last of it */
    key(f, 'u');
    assert_false(action_exists(f->t.db, 7));
}

static void dash__meeting_keys_off_the_agenda__do_not_apply(void **state)
{
    struct fixture *f = *state;
    assert_false(hints_have(f, "D decision"));
    key(f, 'D');
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
}

/* ---- forms ---- */

static const struct dash_form_field *form_field(struct fixture *f, const char *name)
{
    assert_non_null(f->d.form);
    for (size_t i = 0; i < f->d.form->n; i++)
        if (strcmp(f->d.form->fields[i].field->key, name) == 0)
            return &f->d.form->fields[i];
    fail_msg("the form has no field %s", name);
    return NULL;
}

static void to_field(struct fixture *f, const char *name)
{
    const struct dash_form_field *want = form_field(f, name);
    while (&f->d.form->fields[f->d.form->cursor] != want)
        key(f, DASH_KEY_DOWN);
}

static char *theme_title(struct pb_db *db, const char *id)
{
    struct pb_theme_detail *t = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_theme_get(db, id, &t, &err), PB_OK);
    char *title = pb_xstrdup(t->row.title);
    pb_theme_detail_free(t);
    return title;
}

static void dash__e_on_a_theme__edits_it_through_a_form_and_ctrl_s_saves(void **state)
{
    struct fixture *f = *state;
    keys(f, 'j', 3);
    assert_string_equal(selected(f), "housing");
    key(f, 'e');
    assert_true(form_field(f, "id")->read_only);
    to_field(f, "title");
    key(f, DASH_KEY_END);
    type(f, " and homes");
    to_field(f, "lead");
    key(f, DASH_CTRL('u'));
    type(f, "kno");
    key(f, DASH_KEY_TAB);
    char *lead = dash_input_text(&form_field(f, "lead")->in);
    assert_string_equal(lead, "knox");
    free(lead);
    key(f, DASH_CTRL('s'));
    assert_null(f->d.form);
    assert_message_has(f, "saved");
    char *title = theme_title(f->t.db, "housing");
    assert_string_equal(title, "Housing and homes");
    free(title);
    key(f, 'u');
    title = theme_title(f->t.db, "housing");
    assert_string_equal(title, "Housing");
    free(title);
}

static void dash__a_form_saved_after_another_terminal__shows_theirs_and_keeps_yours(void **state)
{
    struct fixture *f = *state;
    keys(f, 'j', 3);
    key(f, 'e');
    to_field(f, "title");
    key(f, DASH_CTRL('u'));
    type(f, "Housing for care leavers");
    struct pb_db *other = second_terminal(f, "smith");
    testdb_import_text(other, "theirs.yaml",
                       "panelboard: 1\nthemes:\n  - {id: housing, title: Homes}\n");
    key(f, DASH_CTRL('s'));
    assert_non_null(f->d.form);
    assert_non_null(strstr(f->d.form->message, "smith saved this"));
    assert_string_equal(form_field(f, "title")->theirs, "Homes");
    char *mine = dash_input_text(&form_field(f, "title")->in);
    assert_string_equal(mine, "Housing for care leavers");
    free(mine);
    assert_null(form_field(f, "lead")->theirs);
    char *title = theme_title(f->t.db, "housing");
    assert_string_equal(title, "Homes");
    free(title);
    /* Ctrl-S again: yours over theirs */
    key(f, DASH_CTRL('s'));
    assert_null(f->d.form);
    title = theme_title(f->t.db, "housing");
    assert_string_equal(title, "Housing for care leavers");
    free(title);
}

static void dash__A_with_a_field_wrong__says_so_beside_it_and_saves_nothing(void **state)
{
    struct fixture *f = *state;
    key(f, '2');
    key(f, 'A');
    assert_non_null(f->d.form);
    type(f, "newbie");
    to_field(f, "kind");
    type(f, "councilor");
    to_field(f, "joined");
    type(f, "2022-02-30");
    key(f, DASH_CTRL('s'));
    assert_non_null(f->d.form);
    assert_string_equal(form_field(f, "name")->error, "needed");
    assert_non_null(strstr(form_field(f, "kind")->error, "councillor"));
    assert_non_null(strstr(form_field(f, "joined")->error, "a date"));
    bool exists = true;
    struct pb_error err = {0};
    assert_int_equal(pb_record_exists(f->t.db, PB_KIND_MEMBER, "newbie", 0, &exists, &err), PB_OK);
    assert_false(exists);
    key(f, DASH_KEY_ESC);
    assert_null(f->d.form);
    assert_message_has(f, "nothing was saved");
}

static void dash__long_text_in_a_form__goes_to_the_editor_and_back(void **state)
{
    struct fixture *f = *state;
    keys(f, 'j', 3);
    key(f, 'e');
    to_field(f, "thoughts");
    assert_true(key(f, DASH_CTRL('o')) & DASH_EDIT);
    assert_string_equal(f->d.edit.text, "Liaising with Louise Kay, LCS.");
    dash_edit_done(&f->d, "First line.\nSecond line.");
    assert_string_equal(form_field(f, "thoughts")->text, "First line.\nSecond line.");
    key(f, DASH_CTRL('s'));
    assert_null(f->d.form);
    struct pb_theme_detail *t = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_theme_get(f->t.db, "housing", &t, &err), PB_OK);
    assert_string_equal(t->thoughts, "First line.\nSecond line.");
    pb_theme_detail_free(t);
}

static void dash__f_outstanding_from_a_lead__shows_their_open_actions_soonest_due_first(void **state)
{
    struct fixture *f = *state;
    key(f, '2');
    key(f, 'f');
    char *text = dash_input_text(&f->d.input);
    assert_non_null(strstr(text, " outstanding "));
    free(text);
    key(f, DASH_KEY_ENTER);
    assert_int_equal(f->d.pane, DASH_ACTIONS);
    assert_true(f->d.query.filter.outstanding);
    assert_int_equal(f->d.query.order, PB_ORDER_DUE);
    const struct dash_list *l = &f->d.lists[DASH_ACTIONS];
    assert_true(l->n > 0);
    for (size_t i = 0; i < l->n; i++)
        assert_true(strcmp(l->rows[i].status, "open") == 0 ||
                    strcmp(l->rows[i].status, "in-progress") == 0);
}

static void dash__p_on_a_matters_arising_item__shows_the_outstanding_actions(void **state)
{
    struct fixture *f = *state;
    key(f, 'M');
    key(f, DASH_KEY_ENTER);
    key(f, 'I');
    type(f, "2 Matters arising");
    key(f, DASH_KEY_ENTER);
    key(f, 'p');
    assert_int_equal(f->d.overlay.kind, DASH_OVERLAY_PREVIEW);
    assert_non_null(strstr(f->d.overlay.title, "outstanding actions"));
    bool listed = false;
    for (size_t i = 0; i < f->d.overlay.n; i++)
        listed |= strstr(f->d.overlay.lines[i].text, "Inform portfolio-holders") != NULL;
    assert_true(listed);
    key(f, DASH_KEY_ESC);
    key(f, 'I');
    type(f, "3 Visit");
    key(f, DASH_KEY_ENTER);
    key(f, 'G');
    key(f, 'p');
    assert_non_null(strstr(f->d.overlay.title, "minutes of"));
}

static char *owners_of(struct pb_db *db, int64_t id)
{
    struct pb_action *a = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_action_get(db, id, &a, &err), PB_OK);
    struct pb_buf b = {0};
    if (a->owners_all)
        pb_buf_puts(&b, "all ");
    for (size_t i = 0; i < a->n_owners; i++)
        pb_buf_addf(&b, "%s ", a->owners[i]);
    pb_action_free(a);
    return pb_buf_take(&b);
}

static void dash__o_on_marked_actions__reassigns_them_all_as_one_change(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, ' ');
    key(f, ' ');
    key(f, 'o');
    assert_int_equal(f->d.input.kind, DASH_INPUT_REASSIGN);
    assert_non_null(strstr(f->d.input.prompt, "2 marked"));
    type(f, "kno");
    key(f, DASH_KEY_TAB);
    key(f, DASH_KEY_ENTER);
    assert_false(f->d.message_error);
    char *one = owners_of(f->t.db, 1), *two = owners_of(f->t.db, 2);
    assert_string_equal(one, "knox ");
    assert_string_equal(two, "knox ");
    free(one);
    free(two);
    key(f, 'u');
    one = owners_of(f->t.db, 1);
    assert_string_equal(one, "chair ");
    free(one);
    /* a typo is refused with the nearest id, nothing changed */
    key(f, 'o');
    type(f, "knx");
    key(f, DASH_KEY_ENTER);
    assert_true(f->d.message_error);
    assert_message_has(f, "did you mean 'knox'");
}

/* ---- live ---- */

static void
dash__a_change_by_another_terminal__shows_after_a_tick_with_the_cursor_kept(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    keys(f, 'j', 3);
    assert_string_equal(selected(f), "4");
    assert_int_equal(dash_tick(&f->d, NOW + 1) & DASH_DRAW_LIST, 0);

    struct pb_db *other = second_terminal(f, "knox");
    struct pb_error err = {0};
    assert_int_equal(pb_action_set_status(other, 4, "done", NULL, -1, &err), PB_OK);
    const char *owner = "knox";
    struct pb_action_new a = {.title = "From the other terminal", .owners = &owner, .n_owners = 1};
    int64_t id = 0;
    assert_int_equal(pb_action_add(other, &a, &id, &err), PB_OK);
    assert_int_equal(id, 7);
    /* not before the tick */
    assert_string_equal(dash_selected(&f->d)->status, "open");

    assert_true(dash_tick(&f->d, NOW + 2) & DASH_DRAW_LIST);
    assert_string_equal(selected(f), "4");
    assert_string_equal(dash_selected(&f->d)->status, "done");
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6 7");
    assert_string_equal(row_with_id(f, DASH_ACTIONS, "7")->cells[5], "From the other terminal");
    /* and the next tick has nothing new */
    assert_int_equal(dash_tick(&f->d, NOW + 3) & DASH_DRAW_LIST, 0);
}

static void dash__a_change_by_another_terminal__updates_the_themes_counts(void **state)
{
    struct fixture *f = *state;
    keys(f, 'j', 5);
    assert_string_equal(selected(f), "youth-justice");
    assert_int_equal(dash_selected(&f->d)->done, 0);
    struct pb_db *other = second_terminal(f, "smith");
    struct pb_error err = {0};
    assert_int_equal(pb_action_set_status(other, 6, "done", NULL, -1, &err), PB_OK);
    dash_tick(&f->d, NOW + 1);
    assert_string_equal(selected(f), "youth-justice");
    assert_int_equal(dash_selected(&f->d)->done, 1);
    assert_int_equal(dash_selected(&f->d)->total, 1);
}

static void dash__a_row_removed_by_another_terminal__moves_the_cursor_to_a_neighbour(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    struct pb_db *other = second_terminal(f, "knox");
    const char *owner = "knox";
    struct pb_action_new a = {.title = "Soon undone", .owners = &owner, .n_owners = 1};
    int64_t id = 0;
    struct pb_error err = {0};
    assert_int_equal(pb_action_add(other, &a, &id, &err), PB_OK);
    dash_tick(&f->d, NOW + 1);
    key(f, 'G');
    assert_string_equal(selected(f), "7");
    assert_int_equal(pb_change_undo(other, pb_change_last(other), NULL, &err), PB_OK);
    dash_tick(&f->d, NOW + 2);
    assert_window(f, DASH_ACTIONS, "1 2 3 4 5 6");
    assert_string_equal(selected(f), "6");
}

static void dash__r_ctrl_l_and_ctrl_z__reload_redraw_and_suspend(void **state)
{
    struct fixture *f = *state;
    key(f, 'r');
    assert_message_has(f, "reloaded");
    assert_true(key(f, DASH_CTRL('l')) & DASH_CLEAR);
    assert_true(key(f, DASH_CTRL('z')) & DASH_SUSPEND);
    assert_false(key(f, DASH_CTRL('z')) & DASH_QUIT);
}

static void dash__tick_past_a_minute__redraws_the_header(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(dash_tick(&f->d, NOW + 1) & DASH_DRAW_HEADER, 0);
    assert_true(dash_tick(&f->d, NOW + 60) & DASH_DRAW_HEADER);
}

/* ---- read-only, help, quit, hints, detail ---- */

static void dash__read_only__refuses_d_a_and_u_with_a_message(void **state)
{
    struct fixture *f = *state;
    open_dash_with(f, NULL, true);
    key(f, '3');
    size_t entries = testdb_history_entries(f->t.db);
    key(f, 'd');
    assert_true(f->d.message_error);
    assert_message_has(f, "read-only");
    assert_message_has(f, "done");
    assert_status(f->t.db, 1, "in-progress");
    key(f, 'a');
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_message_has(f, "read-only");
    key(f, 'n');
    assert_int_equal(f->d.input.kind, DASH_INPUT_NONE);
    assert_message_has(f, "read-only");
    key(f, 'u');
    assert_message_has(f, "read-only");
    assert_int_equal(testdb_history_entries(f->t.db), entries);
    assert_false(hints_have(f, "a add"));
    assert_false(hints_have(f, "d done"));
    assert_true(hints_have(f, "/ search"));
}

static void dash__question_mark__toggles_the_help_and_q_there_closes_it(void **state)
{
    struct fixture *f = *state;
    assert_false(f->d.help);
    key(f, '?');
    assert_true(f->d.help);
    assert_true(hints_have(f, "Esc back"));
    key(f, 'j');
    assert_int_equal(f->d.help_top, 1);
    assert_int_equal(f->d.pane, DASH_THEMES);
    assert_string_equal(selected(f), "fe-skills");
    key(f, '?');
    assert_false(f->d.help);
    key(f, '?');
    assert_int_equal(f->d.help_top, 0);
    assert_false(key(f, 'q') & DASH_QUIT);
    assert_false(f->d.help);
    key(f, '?');
    key(f, DASH_KEY_ESC);
    assert_false(f->d.help);
}

static void dash__q_and_ctrl_c__quit(void **state)
{
    struct fixture *f = *state;
    assert_true(key(f, 'q') & DASH_QUIT);
    assert_true(key(f, DASH_CTRL('c')) & DASH_QUIT);
    key(f, '3');
    assert_true(key(f, 'q') & DASH_QUIT);
}

static void dash__q_while_typing__is_text_not_quit(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    key(f, 'a');
    assert_false(key(f, 'q') & DASH_QUIT);
    assert_input_text(f, "q");
}

static void dash__hints__list_only_the_keys_that_apply(void **state)
{
    struct fixture *f = *state;
    char buf[1024];
    dash_hints(&f->d, buf, sizeof buf);
    assert_string_equal(buf,
                        "Enter detail  a add  e edit  / search  f filter  M meeting  u undo  ? help  "
                        "q quit");
    assert_false(hints_have(f, "done"));
    key(f, '3');
    dash_hints(&f->d, buf, sizeof buf);
    assert_string_equal(buf, "Enter detail  a add  e edit  n note  d done  s status  / search  "
                             "f filter  M meeting  u undo  ? help  q quit");
    key(f, DASH_KEY_ENTER);
    assert_true(hints_have(f, "Esc back"));
    /* a short buffer is cut between hints, never inside one */
    char small[20];
    dash_hints(&f->d, small, sizeof small);
    assert_string_equal(small, "Enter detail  a add");
}

static void dash__d_on_the_themes_pane__says_it_works_on_an_action(void **state)
{
    struct fixture *f = *state;
    size_t entries = testdb_history_entries(f->t.db);
    key(f, 'd');
    assert_message_has(f, "works on an action: press 3");
    assert_int_equal(testdb_history_entries(f->t.db), entries);
    /* the message lasts until the next key */
    key(f, 'j');
    assert_string_equal(f->d.message, "");
}

static void dash__detail__shows_the_selected_action_and_enter_lets_j_scroll_it(void **state)
{
    struct fixture *f = *state;
    key(f, '3');
    const struct dash_line *lines = NULL;
    size_t n = 0;
    dash_detail_lines(&f->d, &lines, &n);
    assert_true(n >= 4);
    assert_int_equal(lines[0].style, DASH_LINE_HEADING);
    assert_string_equal(lines[0].text, "#1 Inform portfolio-holders of the names of the lead "
                                       "Panel Members who will contact them");
    assert_int_equal(lines[1].style, DASH_LINE_ALERT);
    assert_string_equal(lines[1].text, "overdue");
    assert_string_equal(lines[2].label, "was");
    assert_string_equal(lines[2].text, "in-progress");

    key(f, DASH_KEY_ENTER);
    assert_true(f->d.detail_focus);
    key(f, 'j');
    assert_string_equal(selected(f), "1");
    assert_int_equal(f->d.detail_top, 1);
    key(f, DASH_KEY_ESC);
    assert_false(f->d.detail_focus);
    key(f, 'j');
    assert_string_equal(selected(f), "2");
    dash_detail_lines(&f->d, &lines, &n);
    assert_string_equal(lines[0].text, "#2 Identify the major issues expected to arise within "
                                       "each theme and advise the lead Panel Members");
}

static void dash__detail_of_a_theme__names_its_lead(void **state)
{
    struct fixture *f = *state;
    keys(f, 'j', 3);
    const struct dash_line *lines = NULL;
    size_t n = 0;
    dash_detail_lines(&f->d, &lines, &n);
    assert_true(n >= 2);
    assert_string_equal(lines[0].text, "Housing");
    assert_string_equal(lines[1].label, "lead");
    assert_string_equal(lines[1].text, "Cllr Thirkill");
}

/* The open actions are asked for as such: sixty done ones due sooner do
 * not crowd out the one still to do. */
static void dash__detail_of_a_theme__lists_its_open_actions_past_many_done_ones(void **state)
{
    struct fixture *f = *state;
    struct pb_error err = {0};
    const char *owner = "thirkill";
    pb_day due = 0;
    assert_true(pb_date_parse("2022-01-01", &due));
    assert_int_equal(pb_change_begin(f->t.db, "closed ones", &err), PB_OK);
    for (int i = 0; i < 60; i++) {
        struct pb_action_new a = {.title = "Done already", .owners = &owner, .n_owners = 1,
                                  .theme = "housing", .has_due = true, .due = due + i};
        int64_t id = 0;
        assert_int_equal(pb_action_add(f->t.db, &a, &id, &err), PB_OK);
        assert_int_equal(pb_action_set_status(f->t.db, id, "done", NULL, -1, &err), PB_OK);
    }
    assert_int_equal(pb_change_end(f->t.db, PB_OK, &err), PB_OK);
    struct pb_action_new open = {.title = "Still to do", .owners = &owner, .n_owners = 1,
                                 .theme = "housing", .has_due = true, .due = due + 200};
    int64_t id = 0;
    assert_int_equal(pb_action_add(f->t.db, &open, &id, &err), PB_OK);
    open_dash_with(f, NULL, false);
    keys(f, 'j', 3);
    const struct dash_line *lines = NULL;
    size_t n = 0;
    dash_detail_lines(&f->d, &lines, &n);
    assert_string_equal(lines[0].text, "Housing");
    char label[24];
    snprintf(label, sizeof label, "#%lld", (long long)id);
    size_t found = 0;
    for (size_t i = 0; i < n; i++)
        if (lines[i].label && strcmp(lines[i].label, label) == 0) {
            assert_string_equal(lines[i].text, "! Still to do, due 2022-07-20");
            found++;
        }
    assert_int_equal(found, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(dash__opens_on_the_themes_pane__in_the_chairs_order,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__number_keys_tab_and_shift_tab__switch_panes,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__a_pane_switched_away_from__keeps_its_cursor,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__j_and_k_over_500_actions__visit_every_id_in_order_with_a_bounded_window,
            setup_generated, teardown),
        cmocka_unit_test_setup_teardown(
            dash__g_G_and_pgdn_pgup_over_500_actions__jump_and_page_across_window_edges,
            setup_generated, teardown),
        cmocka_unit_test_setup_teardown(dash__a_taller_screen__reads_enough_rows_to_fill_it,
                                        setup_generated, teardown),
        cmocka_unit_test_setup_teardown(
            dash__a_typed_key_by_key_with_tab__completes_the_owner_and_adds_the_action,
            setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__tab_with_several_candidates__shows_them_and_keeps_the_shared_prefix,
            setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__a_on_the_themes_pane__fills_in_the_theme_under_the_cursor, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(dash__a_on_the_leads_pane__fills_in_the_lead_as_owner,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__a_with_an_unknown_owner__suggests_the_nearest_and_keeps_the_line, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__a_while_sorted_by_due__puts_the_cursor_on_the_new_action, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(dash__a_without_an_owner_or_as__asks_for_one, setup_example,
                                        teardown),
        cmocka_unit_test_setup_teardown(dash__a_with_as__makes_the_as_member_the_owner,
                                        setup_example_closed, teardown),
        cmocka_unit_test_setup_teardown(
            dash__space_marks_two_and_d__closes_both_as_one_change_one_u_undoes, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__V_marks_every_action_the_filter_shows__and_s_moves_them_all, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__marked_rows_one_changed_by_another_terminal__change_nothing, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__a_whole_meeting_from_the_keyboard__is_in_its_minutes, setup_example_as, teardown),
        cmocka_unit_test_setup_teardown(dash__meeting_keys_off_the_agenda__do_not_apply,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__e_on_a_theme__edits_it_through_a_form_and_ctrl_s_saves, setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__a_form_saved_after_another_terminal__shows_theirs_and_keeps_yours, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__A_with_a_field_wrong__says_so_beside_it_and_saves_nothing, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(dash__long_text_in_a_form__goes_to_the_editor_and_back,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__f_outstanding_from_a_lead__shows_their_open_actions_soonest_due_first,
            setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__p_on_a_matters_arising_item__shows_the_outstanding_actions, setup_example_as,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__o_on_marked_actions__reassigns_them_all_as_one_change, setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__d_on_an_action__marks_it_done_and_u_undoes_it,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__s_cycles_the_status_and_u_and_ctrl_r_walk_back_and_forth, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__undo_over_several_kinds_of_change__takes_them_back_newest_first, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(dash__n_on_an_action__adds_a_note_that_the_detail_shows,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__n_with_an_empty_note__writes_nothing, setup_example,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            dash__d_on_an_action_changed_by_another_terminal__is_refused_naming_who, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__u_after_another_terminal_changed_the_row__is_refused_and_keeps_theirs,
            setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__slash_as_you_type__moves_the_cursor_and_n_N_step_through_matches, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__esc_while_typing_a_search__returns_the_cursor_to_where_it_was, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(dash__search_with_no_match__says_so_and_stays,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__search_erased_back_to_nothing__puts_the_cursor_back,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__search_typed_in_utf8__finds_text_with_curly_quotes,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__search_on_the_themes_pane__finds_by_title,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__f_with_owner_theme_status_and_overdue__shows_only_matching_rows,
            setup_example_closed, teardown),
        cmocka_unit_test_setup_teardown(
            dash__f_with_a_misspelt_owner__suggests_the_nearest_and_keeps_the_line, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__f_on_the_themes_pane__starts_from_the_theme_under_the_cursor, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(dash__S_toggles_the_actions_between_due_date_and_id_order,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__m_without_as__says_it_needs_as, setup_example,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            dash__m_with_as__shows_the_members_queue_and_m_again_shows_all, setup_example_closed,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__a_change_by_another_terminal__shows_after_a_tick_with_the_cursor_kept,
            setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__a_change_by_another_terminal__updates_the_themes_counts, setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__a_row_removed_by_another_terminal__moves_the_cursor_to_a_neighbour, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(dash__r_ctrl_l_and_ctrl_z__reload_redraw_and_suspend,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__tick_past_a_minute__redraws_the_header, setup_example,
                                        teardown),
        cmocka_unit_test_setup_teardown(dash__read_only__refuses_d_a_and_u_with_a_message,
                                        setup_example_closed, teardown),
        cmocka_unit_test_setup_teardown(dash__question_mark__toggles_the_help_and_q_there_closes_it,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__q_and_ctrl_c__quit, setup_example, teardown),
        cmocka_unit_test_setup_teardown(dash__q_while_typing__is_text_not_quit, setup_example,
                                        teardown),
        cmocka_unit_test_setup_teardown(dash__hints__list_only_the_keys_that_apply, setup_example,
                                        teardown),
        cmocka_unit_test_setup_teardown(dash__d_on_the_themes_pane__says_it_works_on_an_action,
                                        setup_example, teardown),
        cmocka_unit_test_setup_teardown(
            dash__detail__shows_the_selected_action_and_enter_lets_j_scroll_it, setup_example,
            teardown),
        cmocka_unit_test_setup_teardown(
            dash__detail_of_a_theme__lists_its_open_actions_past_many_done_ones,
            setup_example_closed, teardown),
        cmocka_unit_test_setup_teardown(dash__detail_of_a_theme__names_its_lead, setup_example,
                                        teardown),
    };
    return cmocka_run_group_tests_name("dash", tests, NULL, NULL);
}
