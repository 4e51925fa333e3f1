/*
 * The dashboard's state: opening it over a database, the panes and their
 * windows, the detail of the selected row, and the key dispatch through
 * the key table (keys.c). What each command does to the panel is in
 * edit.c, search.c and filter.c; others' changes are picked up in live.c.
 */
#include "dash_internal.h"

#include "input.h"
#include "list.h"
#include "panes.h"

#include <panelboard/record.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct dash_pane_ops *const panes[DASH_PANE_COUNT] = {
    [DASH_THEMES] = &dash_pane_themes,         [DASH_LEADS] = &dash_pane_leads,
    [DASH_ACTIONS] = &dash_pane_actions,       [DASH_CO_OPTED] = &dash_pane_co_opted,
    [DASH_STRATEGIES] = &dash_pane_strategies, [DASH_FEEDBACK] = &dash_pane_feedback,
    [DASH_AGENDA] = &dash_pane_agenda,
};

const struct dash_pane_ops *dash_pane(enum dash_pane_id id)
{
    return panes[id];
}

struct dash_list *dash_current(struct dash *d)
{
    return &d->lists[d->pane];
}

const struct dash_row *dash_selected(const struct dash *d)
{
    const struct dash_list *l = &d->lists[d->pane];
    return l->n ? &l->rows[l->cursor] : NULL;
}

void dash_message(struct dash *d, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
    d->message_error = error;
}

void dash_fail(struct dash *d, const struct pb_error *err)
{
    dash_message(d, true, "%s", err->message[0] ? err->message : "something went wrong");
}

/* ---- reading ---- */

static void detail_clear(struct dash *d)
{
    for (size_t i = 0; i < d->n_detail; i++) {
        free(d->detail[i].label);
        free(d->detail[i].text);
    }
    d->n_detail = 0;
    d->detail_top = 0;
}

void dash_detail_lines(struct dash *d, const struct dash_line **lines, size_t *n)
{
    if (d->detail_stale) {
        detail_clear(d);
        struct pb_error err = {0};
        if (panes[d->pane]->detail(d, dash_selected(d), &err) != PB_OK)
            dash_detail_add(d, DASH_LINE_ALERT, NULL, err.message);
        d->detail_stale = false;
    }
    *lines = d->detail;
    *n = d->n_detail;
}

enum pb_status dash_reload_pane(struct dash *d, enum dash_pane_id p, struct pb_error *err)
{
    enum pb_status s = dash_list_reload(d, p, err);
    if (s == PB_OK)
        s = dash_pane_count(d, p, err);
    d->stale[p] = false;
    if (p == d->pane)
        d->detail_stale = true;
    return s;
}

/* The header's facts: the panel's name, and the meeting today (else the
 * next one, else the last). */
enum pb_status dash_read_header(struct dash *d, struct pb_error *err)
{
    free(d->panel_name);
    d->panel_name = NULL;
    enum pb_status s = pb_panel_name(d->db, &d->panel_name, err);
    struct pb_meeting_brief last = {0}, next = {0};
    bool has_next = false;
    if (s == PB_OK)
        s = pb_meeting_on_or_before(d->db, d->today, &d->has_last_meeting, &last, err);
    if (s == PB_OK)
        s = pb_meeting_after(d->db, d->today, &has_next, &next, err);
    if (s != PB_OK)
        return s;
    d->last_meeting = last.date;
    d->meeting[0] = '\0';
    snprintf(d->meeting_today, sizeof d->meeting_today, "%s",
             d->has_last_meeting && last.date == d->today ? last.id : "");
    const struct pb_meeting_brief *m =
        d->has_last_meeting && last.date == d->today ? &last : has_next ? &next
                                                         : d->has_last_meeting ? &last : NULL;
    if (m) {
        char day[11];
        pb_date_format(m->date, day);
        snprintf(d->meeting, sizeof d->meeting, "%s %s",
                 m->date == d->today ? "meeting today" : m->date > d->today ? "next meeting"
                                                                            : "last meeting",
                 day);
    }
    return PB_OK;
}

enum pb_status dash_read_ids(struct dash *d, struct pb_error *err)
{
    pb_strings_free(d->member_ids, d->n_member_ids);
    pb_strings_free(d->theme_ids, d->n_theme_ids);
    d->member_ids = d->theme_ids = NULL;
    d->n_member_ids = d->n_theme_ids = 0;
    enum pb_status s = pb_record_keys(d->db, PB_KIND_MEMBER, &d->member_ids, &d->n_member_ids, err);
    if (s == PB_OK)
        s = pb_record_keys(d->db, PB_KIND_THEME, &d->theme_ids, &d->n_theme_ids, err);
    return s;
}

enum pb_status dash_open(struct dash *d, struct pb_db *db, const struct dash_options *opt,
                         time_t now, struct pb_error *err)
{
    memset(d, 0, sizeof *d);
    d->db = db;
    d->opt = *opt;
    d->now = now;
    d->today = pb_db_today(db);
    d->height = 20;
    d->query.order = PB_ORDER_ID;
    d->data_version = pb_db_data_version(db);
    /* where live.c starts looking from; what the history held before is
     * what the panes read now */
    enum pb_status s = pb_changes_since(db, 0, NULL, &d->seen_change, err);
    if (s == PB_OK)
        s = dash_read_header(d, err);
    if (s == PB_OK)
        s = dash_read_ids(d, err);
    for (int p = 0; p < DASH_PANE_COUNT; p++)
        d->stale[p] = true;
    if (s == PB_OK)
        s = dash_reload_pane(d, d->pane, err);
    return s;
}

void dash_close(struct dash *d)
{
    for (int p = 0; p < DASH_PANE_COUNT; p++)
        dash_list_free(&d->lists[p]);
    detail_clear(d);
    free(d->detail);
    free(d->panel_name);
    free(d->filter_theme);
    free(d->filter_owner);
    free(d->filter_status);
    free(d->search);
    pb_strings_free(d->member_ids, d->n_member_ids);
    pb_strings_free(d->theme_ids, d->n_theme_ids);
    dash_steps_free(d);
    free(d->marks);
    free(d->asked);
    free(d->answer);
    free(d->edit.text);
    free(d->kept_minutes);
    dash_overlay_close(d);
    dash_form_close(d);
    memset(d, 0, sizeof *d);
}

unsigned dash_resize(struct dash *d, size_t rows)
{
    size_t old = d->height;
    d->height = rows ? rows : 1;
    for (int p = 0; p < DASH_PANE_COUNT; p++)
        dash_list_fit(d, (enum dash_pane_id)p);
    /* a taller screen may show more than the window holds */
    if (d->height > old) {
        struct pb_error err = {0};
        for (int p = 0; p < DASH_PANE_COUNT; p++)
            if (d->lists[p].n)
                d->stale[p] = true;
        if (dash_reload_pane(d, d->pane, &err) != PB_OK)
            dash_fail(d, &err);
    }
    return DASH_DRAW_ALL;
}

/* ---- moving ---- */

unsigned dash_switch(struct dash *d, enum dash_pane_id p)
{
    d->pane = p;
    d->detail_focus = false;
    d->detail_stale = true;
    if (d->stale[p]) {
        struct pb_error err = {0};
        if (dash_reload_pane(d, p, &err) != PB_OK)
            dash_fail(d, &err);
    }
    return DASH_DRAW_ALL;
}

static unsigned move(struct dash *d, long delta)
{
    if (d->detail_focus) {
        if (delta < 0 && d->detail_top < (size_t)-delta)
            d->detail_top = 0;
        else if (delta < 0)
            d->detail_top -= (size_t)-delta;
        else if (d->detail_top + (size_t)delta < d->n_detail)
            d->detail_top += (size_t)delta;
        else if (d->n_detail)
            d->detail_top = d->n_detail - 1;
        return DASH_DRAW_DETAIL;
    }
    struct dash_list *l = dash_current(d);
    size_t before = l->cursor, top = l->top;
    const char *id = l->n ? l->rows[l->cursor].id : NULL;
    char *was = id ? pb_xstrdup(id) : NULL;
    struct pb_error err = {0};
    if (dash_list_move(d, d->pane, delta, &err) != PB_OK)
        dash_fail(d, &err);
    bool same = l->n && was && strcmp(l->rows[l->cursor].id, was) == 0;
    free(was);
    if (same && l->cursor == before && l->top == top)
        return 0;
    d->detail_stale = true;
    return DASH_DRAW_LIST | DASH_DRAW_DETAIL | DASH_DRAW_STATUS;
}

static unsigned edge(struct dash *d, bool first)
{
    if (d->detail_focus) {
        d->detail_top = first || !d->n_detail ? 0 : d->n_detail - 1;
        return DASH_DRAW_DETAIL;
    }
    struct pb_error err = {0};
    if (dash_list_edge(d, d->pane, first, &err) != PB_OK)
        dash_fail(d, &err);
    d->detail_stale = true;
    return DASH_DRAW_LIST | DASH_DRAW_DETAIL | DASH_DRAW_STATUS;
}

/* ---- the key table ---- */

bool dash_binding_applies(const struct dash *d, const struct dash_binding *b)
{
    const struct dash_row *row = dash_selected(d);
    if ((b->where & DASH_ON_ACTION) && (d->pane != DASH_ACTIONS || !row))
        return false;
    if ((b->where & DASH_WRITING) && d->opt.read_only)
        return false;
    if ((b->where & DASH_SEARCHING) && !d->search)
        return false;
    if ((b->where & DASH_HAS_AS) && !d->opt.as)
        return false;
    if ((b->where & DASH_IN_MEETING) && (!d->in_meeting || d->pane != DASH_AGENDA))
        return false;
    if ((b->where & DASH_OPEN) && !d->detail_focus && !d->search && !d->help && !d->n_marks)
        return false;
    /* while searching, n steps through the matches, as in less and vim */
    if (b->cmd == CMD_NOTE && d->search)
        return false;
    return true;
}

static bool binding_has_key(const struct dash_binding *b, int key)
{
    for (size_t k = 0; k < sizeof b->keys / sizeof b->keys[0] && b->keys[k]; k++)
        if (b->keys[k] == key)
            return true;
    return false;
}

void dash_hints(const struct dash *d, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < dash_n_bindings; i++) {
        const struct dash_binding *b = &dash_bindings[i];
        if (!b->hint || !dash_binding_applies(d, b))
            continue;
        const char *key = b->keys_label;
        size_t klen = strcspn(key, " ");
        int w = snprintf(buf + used, size - used, "%s%.*s %s", used ? "  " : "", (int)klen, key,
                         b->hint);
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
}

static unsigned run(struct dash *d, enum dash_cmd cmd)
{
    switch (cmd) {
    case CMD_PANE_1: case CMD_PANE_2: case CMD_PANE_3:
    case CMD_PANE_4: case CMD_PANE_5: case CMD_PANE_6:
        return dash_switch(d, (enum dash_pane_id)(cmd - CMD_PANE_1));
    case CMD_PANE_NEXT:
        return dash_switch(d, (enum dash_pane_id)(d->pane >= DASH_TABS - 1 ? 0 : d->pane + 1));
    case CMD_PANE_PREV:
        return dash_switch(d, (enum dash_pane_id)(d->pane == 0 || d->pane >= DASH_TABS
                                                      ? DASH_TABS - 1
                                                      : d->pane - 1));
    case CMD_DOWN: return move(d, 1);
    case CMD_UP: return move(d, -1);
    case CMD_PAGE_DOWN: return move(d, (long)d->height);
    case CMD_PAGE_UP: return move(d, -(long)d->height);
    case CMD_TOP: return edge(d, true);
    case CMD_BOTTOM: return edge(d, false);
    case CMD_DETAIL:
        d->detail_focus = !d->detail_focus;
        return DASH_DRAW_ALL;
    case CMD_CAPTURE: return dash_start_capture(d);
    case CMD_FORM_ADD: return dash_form_add(d);
    case CMD_FORM_EDIT: return dash_form_edit(d);
    case CMD_NOTE: return dash_start_note(d);
    case CMD_DONE: return dash_done(d);
    case CMD_CYCLE: return dash_cycle(d);
    case CMD_REASSIGN: return dash_start_reassign(d);
    case CMD_MARK: return dash_toggle_mark(d);
    case CMD_MARK_ALL: return dash_mark_all(d);
    case CMD_SEARCH: return dash_start_search(d);
    case CMD_SEARCH_NEXT: return dash_search_step(d, true);
    case CMD_SEARCH_PREV: return dash_search_step(d, false);
    case CMD_FILTER: return dash_start_filter(d);
    case CMD_FILTER_CLEAR: return dash_clear_filter(d);
    case CMD_SORT: return dash_toggle_sort(d);
    case CMD_QUEUE: return dash_toggle_queue(d);
    case CMD_MEETING: return dash_meeting(d);
    case CMD_ITEM_ADD: return dash_start_item(d);
    case CMD_DECIDE: return dash_start_decision(d);
    case CMD_ASK: return dash_start_question(d);
    case CMD_WRITE: return dash_start_write(d);
    case CMD_ATTEND: return dash_attendance(d);
    case CMD_PREVIEW: return dash_preview(d);
    case CMD_UNDO: return dash_undo(d);
    case CMD_REDO: return dash_redo(d);
    case CMD_RELOAD: return dash_reload_all(d);
    case CMD_REDRAW: return DASH_DRAW_ALL | DASH_CLEAR;
    case CMD_SUSPEND: return DASH_SUSPEND;
    case CMD_HELP:
        d->help = !d->help;
        d->help_top = 0;
        return DASH_DRAW_ALL;
    case CMD_BACK:
        if (d->help)
            d->help = false;
        else if (d->search)
            dash_end_search(d);
        else if (d->n_marks && !d->detail_focus) {
            dash_marks_clear(d);
            dash_message(d, false, "marks cleared");
        } else
            d->detail_focus = false;
        return DASH_DRAW_ALL;
    case CMD_QUIT: return DASH_QUIT;
    case CMD_COUNT: break;
    }
    return 0;
}

static unsigned help_key(struct dash *d, int key)
{
    if (key == 'j' || key == DASH_KEY_DOWN) {
        if (d->help_top + 1 < dash_n_bindings)
            d->help_top++;
        return DASH_DRAW_ALL;
    }
    if (key == 'k' || key == DASH_KEY_UP) {
        if (d->help_top)
            d->help_top--;
        return DASH_DRAW_ALL;
    }
    if (key == 'q' || key == DASH_KEY_ESC || key == '?') {
        d->help = false;
        return DASH_DRAW_ALL;
    }
    if (key == DASH_CTRL('c'))
        return DASH_QUIT;
    return 0;
}

static unsigned dispatch(struct dash *d, int key);

unsigned dash_key(struct dash *d, int key)
{
    unsigned redraw = dispatch(d, key);
    dash_note_item(d);
    return redraw;
}

static unsigned dispatch(struct dash *d, int key)
{
    bool had_message = d->message[0] != '\0';
    d->message[0] = '\0';
    unsigned redraw = had_message ? DASH_DRAW_STATUS : 0;
    if (d->form)
        return redraw | dash_form_key(d, key);
    if (d->input.kind != DASH_INPUT_NONE)
        return redraw | dash_input_dispatch(d, key);
    if (d->help)
        return redraw | help_key(d, key);
    if (d->overlay.kind != DASH_OVERLAY_NONE)
        return redraw | dash_overlay_key(d, key);
    for (size_t i = 0; i < dash_n_bindings; i++) {
        const struct dash_binding *b = &dash_bindings[i];
        if (binding_has_key(b, key) && dash_binding_applies(d, b))
            return redraw | run(d, b->cmd);
    }
    /* a key that is bound but does not apply here says why */
    for (size_t i = 0; i < dash_n_bindings; i++) {
        const struct dash_binding *b = &dash_bindings[i];
        if (!binding_has_key(b, key))
            continue;
        if ((b->where & DASH_WRITING) && d->opt.read_only)
            dash_message(d, true, "the database is read-only here: %s is not possible",
                         b->hint ? b->hint : b->help);
        else if (b->where & DASH_HAS_AS)
            dash_message(d, true, "my queue needs --as MEMBER (or $PANELBOARD_AS)");
        else if ((b->where & DASH_ON_ACTION) && d->pane == DASH_ACTIONS)
            dash_message(d, true, "no action is shown here (F clears the filters)");
        else if (b->where & DASH_ON_ACTION)
            dash_message(d, true, "%s works on an action: press 3 for the actions",
                         b->hint ? b->hint : b->help);
        else
            continue;
        return DASH_DRAW_STATUS;
    }
    return redraw;
}
