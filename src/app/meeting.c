/*
 * Meeting mode: M starts (or resumes) today's meeting, asking for its
 * title the first time, and ends it; on its agenda I adds an item, D
 * records a decision of the item under the cursor, Q a question in three
 * parts (question, answer, who asked), w hands the item's minutes to
 * $EDITOR, P ticks attendance and p shows the minutes as they stand. The
 * cursor's item and the time spent on it are kept for the header.
 */
#include "dash_internal.h"

#include "input.h"
#include "list.h"
#include "panes.h"

#include <panelboard/agenda.h>
#include <panelboard/action_log_report.h>
#include <panelboard/minutes.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- starting, resuming, ending ---- */

static unsigned enter(struct dash *d, const struct pb_meeting_brief *m)
{
    d->run = *m;
    if (!d->in_meeting)
        d->meeting_since = d->item_since = d->now;
    d->in_meeting = true;
    d->current_item = 0;
    d->stale[DASH_AGENDA] = true;
    struct pb_error err = {0};
    if (dash_read_header(d, &err) != PB_OK)
        dash_fail(d, &err);
    unsigned redraw = dash_switch(d, DASH_AGENDA);
    dash_note_item(d);
    return redraw;
}

unsigned dash_meeting(struct dash *d)
{
    if (d->in_meeting && d->pane != DASH_AGENDA)
        return enter(d, &d->run);
    if (d->in_meeting) {
        long minutes = (long)(d->now - d->meeting_since) / 60;
        d->in_meeting = false;
        dash_message(d, false, "meeting %s ended after %ld:%02ld; panelboard minutes %s prints it",
                     d->run.id, minutes / 60, minutes % 60, d->run.id);
        return dash_switch(d, DASH_THEMES);
    }
    struct pb_meeting_brief m = {0};
    bool found = false;
    struct pb_error err = {0};
    if (pb_meeting_for_day(d->db, d->today, NULL, false, &found, &m, &err) != PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    if (found)
        return enter(d, &m);
    if (d->opt.read_only) {
        dash_message(d, true, "no meeting today, and the database is read-only here");
        return DASH_DRAW_STATUS;
    }
    dash_input_start(&d->input, DASH_INPUT_MEETING_TITLE, "today's meeting, its title: ",
                     d->panel_name ? d->panel_name : "", (size_t)-1);
    return DASH_DRAW_STATUS;
}

unsigned dash_submit_meeting_title(struct dash *d, const char *title)
{
    struct pb_meeting_brief m = {0};
    bool found = false;
    struct pb_error err = {0};
    if (pb_meeting_for_day(d->db, d->today, title, true, &found, &m, &err) != PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    char what[96];
    snprintf(what, sizeof what, "start meeting %s", m.id);
    dash_made(d, what);
    d->input.kind = DASH_INPUT_NONE;
    snprintf(d->meeting_today, sizeof d->meeting_today, "%s", m.id);
    unsigned redraw = enter(d, &m);
    dash_message(d, false, "meeting %s started: I adds an agenda item", m.id);
    return redraw | DASH_DRAW_ALL;
}

void dash_note_item(struct dash *d)
{
    /* away from the agenda, the item it was on is still the one in hand */
    if (!d->in_meeting || d->pane != DASH_AGENDA)
        return;
    const struct dash_row *row = dash_selected(d);
    int64_t item = row ? row->item : 0;
    if (item == d->current_item)
        return;
    d->current_item = item;
    d->item_since = d->now;
    /* a theme row is inside its report-backs item: its id is REF/THEME */
    if (row)
        snprintf(d->current_ref, sizeof d->current_ref, "%.*s", (int)strcspn(row->id, "/"),
                 row->id);
    else
        d->current_ref[0] = '\0';
}

/* The item under the cursor, or NULL with a message saying why. */
static const struct dash_row *current(struct dash *d)
{
    const struct dash_row *row = dash_selected(d);
    if (!row)
        dash_message(d, true, "the agenda is empty: I adds an item first");
    return row;
}

/* ---- adding to the agenda ---- */

unsigned dash_start_item(struct dash *d)
{
    dash_input_start(&d->input, DASH_INPUT_ITEM,
                     "new item, ref and title (end with * for the report-backs item): ", NULL, 0);
    return DASH_DRAW_STATUS;
}

unsigned dash_submit_item(struct dash *d, const char *line)
{
    while (*line == ' ')
        line++;
    size_t ref_len = strcspn(line, " ");
    const char *title = line + ref_len;
    while (*title == ' ')
        title++;
    if (!ref_len || !*title) {
        dash_message(d, true, "give the item's ref and then its title: 5 Budget monitoring");
        return DASH_DRAW_STATUS;
    }
    char *ref = pb_xstrndup(line, ref_len);
    char *text = pb_xstrdup(title);
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')
        text[--n] = '\0';
    bool report_backs = n && text[n - 1] == '*';
    if (report_backs) {
        text[--n] = '\0';
        while (n && text[n - 1] == ' ')
            text[--n] = '\0';
    }
    int64_t id = 0;
    struct pb_error err = {0};
    unsigned redraw = DASH_DRAW_STATUS;
    if (pb_item_add(d->db, d->run.id, ref, text, report_backs, &id, &err) != PB_OK) {
        dash_fail(d, &err);
    } else {
        char what[96];
        snprintf(what, sizeof what, "add item %.40s", ref);
        dash_made(d, what);
        d->input.kind = DASH_INPUT_NONE;
        dash_message(d, false, "item %s added%s", ref,
                     report_backs ? ", with the themes under it for the leads' reports" : "");
        redraw = dash_reload_tables(d, PB_TABLE_ITEMS) | DASH_DRAW_ALL;
    }
    free(ref);
    free(text);
    return redraw;
}

/* ---- under the item ---- */

unsigned dash_start_decision(struct dash *d)
{
    const struct dash_row *row = current(d);
    if (!row)
        return DASH_DRAW_STATUS;
    char prompt[80];
    snprintf(prompt, sizeof prompt, "item %s resolved: ", d->current_ref);
    dash_input_start(&d->input, DASH_INPUT_DECISION, prompt, NULL, 0);
    return DASH_DRAW_STATUS;
}

unsigned dash_submit_decision(struct dash *d, const char *text)
{
    const struct dash_row *row = dash_selected(d);
    if (!row)
        return DASH_DRAW_STATUS;
    char ref[16] = "";
    struct pb_error err = {0};
    if (pb_item_decide(d->db, row->item, text, ref, sizeof ref, &err) != PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    char what[96];
    snprintf(what, sizeof what, "decision (%s) of item %s", ref, d->current_ref);
    dash_made(d, what);
    d->input.kind = DASH_INPUT_NONE;
    dash_message(d, false, "item %s: resolved (%s)", d->current_ref, ref);
    return dash_reload_tables(d, PB_TABLE_ITEMS) | DASH_DRAW_ALL;
}

unsigned dash_start_question(struct dash *d)
{
    if (!current(d))
        return DASH_DRAW_STATUS;
    free(d->asked);
    free(d->answer);
    d->asked = d->answer = NULL;
    dash_input_start(&d->input, DASH_INPUT_ASKED, "question: ", NULL, 0);
    return DASH_DRAW_STATUS;
}

/* The question's parts in turn: what was asked, the answer, who asked. */
unsigned dash_submit_question_part(struct dash *d, const char *text)
{
    if (d->input.kind == DASH_INPUT_ASKED) {
        d->asked = pb_xstrdup(text);
        dash_input_start(&d->input, DASH_INPUT_ANSWER, "the answer (Enter: none): ", NULL, 0);
        return DASH_DRAW_STATUS;
    }
    if (d->input.kind == DASH_INPUT_ANSWER) {
        d->answer = *text ? pb_xstrdup(text) : NULL;
        dash_input_start(&d->input, DASH_INPUT_ASKER, "asked by (@member; Enter: a Member): ",
                         "@", (size_t)-1);
        return DASH_DRAW_STATUS;
    }
    const char *by = text;
    while (*by == ' ' || *by == '@')
        by++;
    char *who = pb_xstrndup(by, strcspn(by, " "));
    const struct dash_row *row = dash_selected(d);
    struct pb_error err = {0};
    unsigned redraw = DASH_DRAW_STATUS;
    if (!row) {
        dash_message(d, true, "the item is gone; the question is kept: Q again");
    } else if (pb_item_ask(d->db, row->item, *who ? who : NULL, d->asked, d->answer, &err) !=
               PB_OK) {
        dash_fail(d, &err);
    } else {
        char what[96];
        snprintf(what, sizeof what, "question on item %s", d->current_ref);
        dash_made(d, what);
        d->input.kind = DASH_INPUT_NONE;
        dash_message(d, false, "item %s: question recorded", d->current_ref);
        redraw = dash_reload_tables(d, PB_TABLE_ITEMS) | DASH_DRAW_ALL;
    }
    free(who);
    return redraw;
}

unsigned dash_start_write(struct dash *d)
{
    const struct dash_row *row = current(d);
    if (!row)
        return DASH_DRAW_STATUS;
    if (row->theme) {
        dash_message(d, true, "w writes an item's minutes: move to item %s", d->current_ref);
        return DASH_DRAW_STATUS;
    }
    free(d->edit.text);
    /* what a refused save kept comes back first */
    bool kept = d->kept_minutes && d->kept_item == row->item;
    d->edit.text = kept ? d->kept_minutes : pb_xstrdup(row->text ? row->text : "");
    if (kept)
        d->kept_minutes = NULL;
    d->edit.item = row->item;
    d->edit.revision = row->revision;
    snprintf(d->edit.what, sizeof d->edit.what, "the minutes of item %s", row->id);
    return DASH_EDIT;
}

unsigned dash_edit_done(struct dash *d, const char *text)
{
    char *was = d->edit.text;
    d->edit.text = NULL;
    if (d->edit.for_form) {
        d->edit.for_form = false;
        free(was);
        if (d->form)
            dash_form_edited(d, text);
        return DASH_DRAW_ALL;
    }
    if (!text) {
        dash_message(d, true, "the editor did not finish: nothing was saved");
        free(was);
        return DASH_DRAW_ALL;
    }
    bool same = strcmp(was, text) == 0;
    free(was);
    if (same && !d->kept_minutes) {
        dash_message(d, false, "%s: unchanged", d->edit.what);
        return DASH_DRAW_ALL;
    }
    struct pb_error err = {0};
    enum pb_status s = pb_item_set_minutes(d->db, d->edit.item, text, d->edit.revision, &err);
    if (s != PB_OK) {
        /* what was typed must not be lost: keep it for another w */
        dash_message(d, true, "%s; what you wrote is kept: w opens it again", err.message);
        free(d->kept_minutes);
        d->kept_minutes = pb_xstrdup(text);
        d->kept_item = d->edit.item;
        return dash_reload_tables(d, PB_TABLE_ITEMS) | DASH_DRAW_ALL;
    }
    char what[128];
    snprintf(what, sizeof what, "%s", d->edit.what);
    dash_made(d, what);
    dash_message(d, false, "%s saved", d->edit.what);
    return dash_reload_tables(d, PB_TABLE_ITEMS) | DASH_DRAW_ALL;
}

/* ---- overlays: attendance and the minutes as they stand ---- */

static void overlay_clear(struct dash_overlay *o)
{
    for (size_t i = 0; i < o->n; i++) {
        free(o->lines[i].label);
        free(o->lines[i].text);
        if (o->members)
            free(o->members[i]);
    }
    free(o->lines);
    free(o->members);
    free(o->states);
    memset(o, 0, sizeof *o);
}

void dash_overlay_close(struct dash *d)
{
    overlay_clear(&d->overlay);
}

static void overlay_add(struct dash_overlay *o, enum dash_line_style style, const char *label,
                        const char *text)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 32;
        o->lines = pb_xrealloc(o->lines, o->cap * sizeof *o->lines);
        if (o->kind == DASH_OVERLAY_ATTENDANCE) {
            o->members = pb_xrealloc(o->members, o->cap * sizeof *o->members);
            o->states = pb_xrealloc(o->states, o->cap * sizeof *o->states);
        }
    }
    o->lines[o->n].style = style;
    o->lines[o->n].label = label ? pb_xstrdup(label) : NULL;
    o->lines[o->n].text = pb_xstrdup(text);
    o->n++;
}

static const char *const attendance_label[] = {"[ ]", "[present]", "[apologies]"};

static enum pb_status add_attendee(const struct pb_attendee *a, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash_overlay *o = ctx;
    overlay_add(o, DASH_LINE_FIELD, attendance_label[a->state], a->name);
    o->members[o->n - 1] = pb_xstrdup(a->member);
    o->states[o->n - 1] = (int)a->state;
    return PB_OK;
}

unsigned dash_attendance(struct dash *d)
{
    overlay_clear(&d->overlay);
    struct dash_overlay *o = &d->overlay;
    o->kind = DASH_OVERLAY_ATTENDANCE;
    snprintf(o->title, sizeof o->title,
             "Attendance at %s: Space cycles present, apologies, not recorded; Esc closes",
             d->run.id);
    struct pb_error err = {0};
    if (pb_attendance_each(d->db, d->run.id, add_attendee, o, &err) != PB_OK) {
        overlay_clear(o);
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    return DASH_DRAW_ALL;
}

static unsigned cycle_attendance(struct dash *d)
{
    struct dash_overlay *o = &d->overlay;
    if (!o->n || d->opt.read_only)
        return 0;
    size_t i = o->cursor;
    int next = (o->states[i] + 1) % 3;
    struct pb_error err = {0};
    if (pb_attendance_set(d->db, d->run.id, o->members[i], (enum pb_attendance)next, &err) !=
        PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_ALL;
    }
    char what[160];
    snprintf(what, sizeof what, "attendance: %s %s", o->members[i], attendance_label[next]);
    dash_made(d, what);
    o->states[i] = next;
    free(o->lines[i].label);
    o->lines[i].label = pb_xstrdup(attendance_label[next]);
    return DASH_DRAW_ALL;
}

/* An item that receives the action log: "Matters arising", "Outstanding
 * actions", "Action log". */
static bool receives_action_log(const struct dash_row *row)
{
    const char *title = row && !row->theme ? row->cells[1] : NULL;
    return title && (dash_contains(title, "matters arising") ||
                     dash_contains(title, "outstanding actions") ||
                     dash_contains(title, "action log"));
}

unsigned dash_preview(struct dash *d)
{
    overlay_clear(&d->overlay);
    struct dash_overlay *o = &d->overlay;
    o->kind = DASH_OVERLAY_PREVIEW;
    bool log = receives_action_log(dash_selected(d));
    snprintf(o->title, sizeof o->title,
             log ? "The outstanding actions before %s (as panelboard action-log prints them); "
                   "Esc closes"
                 : "The minutes of %s as they stand (as panelboard minutes prints them); Esc closes",
             d->run.id);
    struct pb_buf out = {0};
    struct pb_error err = {0};
    enum pb_status s =
        log ? pb_action_log_write(d->db, d->run.id, PB_ACTION_LOG_TEXT, false, &out, &err)
            : pb_minutes_write(d->db, d->run.id, PB_MINUTES_TEXT, false, &out, &err);
    if (s != PB_OK) {
        overlay_clear(o);
        pb_buf_free(&out);
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    for (char *line = out.data, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        overlay_add(o, DASH_LINE_TEXT, NULL, line);
    }
    pb_buf_free(&out);
    return DASH_DRAW_ALL;
}

unsigned dash_overlay_key(struct dash *d, int key)
{
    struct dash_overlay *o = &d->overlay;
    size_t last = o->n ? o->n - 1 : 0;
    switch (key) {
    case 'j':
    case DASH_KEY_DOWN:
        o->cursor = o->cursor < last ? o->cursor + 1 : last;
        break;
    case 'k':
    case DASH_KEY_UP:
        o->cursor = o->cursor ? o->cursor - 1 : 0;
        break;
    case DASH_KEY_PGDN:
        o->cursor = o->cursor + d->height < last ? o->cursor + d->height : last;
        break;
    case DASH_KEY_PGUP:
        o->cursor = o->cursor > d->height ? o->cursor - d->height : 0;
        break;
    case 'g':
    case DASH_KEY_HOME:
        o->cursor = 0;
        break;
    case 'G':
    case DASH_KEY_END:
        o->cursor = last;
        break;
    case ' ':
        return o->kind == DASH_OVERLAY_ATTENDANCE ? cycle_attendance(d) : 0;
    case DASH_KEY_ESC:
    case 'q':
    case 'P':
    case 'p':
        overlay_clear(o);
        return DASH_DRAW_ALL;
    case DASH_CTRL('c'):
        return DASH_QUIT;
    default:
        return 0;
    }
    return DASH_DRAW_ALL;
}
