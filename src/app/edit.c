/*
 * The changes a key makes: quick capture, an update note, done, the next
 * status, and undo and redo over the session's changes. Each is one change
 * in the history, saved at once. A save that finds the row changed by
 * someone else since the screen read it is refused, says who got there
 * first, and shows their version; typed text is never thrown away.
 */
#include "dash_internal.h"

#include "input.h"
#include "list.h"

#include <panelboard/capture.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the session's steps ---- */

static void push(struct dash_step **stack, size_t *n, size_t *cap, int64_t change,
                 const char *what)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *stack = pb_xrealloc(*stack, *cap * sizeof **stack);
    }
    (*stack)[*n].change = change;
    (*stack)[(*n)++].what = pb_xstrdup(what);
}

static void clear(struct dash_step *stack, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        free(stack[i].what);
    *n = 0;
}

void dash_steps_free(struct dash *d)
{
    clear(d->undo, &d->n_undo);
    clear(d->redo, &d->n_redo);
    free(d->undo);
    free(d->redo);
}

/* A change of ours went through: it can be undone, and what was undone
 * before it can no longer be redone. */
void dash_made(struct dash *d, const char *what)
{
    push(&d->undo, &d->n_undo, &d->cap_undo, pb_change_last(d->db), what);
    clear(d->redo, &d->n_redo);
}

static unsigned changed(struct dash *d)
{
    return dash_reload_tables(d, PB_TABLE_ACTIONS | PB_TABLE_UPDATES | PB_TABLE_ACTION_OWNERS);
}

/* Someone else saved first: say who, and show what they saved. */
static unsigned conflict(struct dash *d, int64_t action, const char *doing)
{
    struct pb_change_brief who = {0};
    bool found = false;
    struct pb_error err = {0};
    pb_row_last_change(d->db, "actions", action, &found, &who, &err);
    if (found)
        dash_message(d, true,
                     "#%" PRId64 " was changed by %s at %s UTC (%s) since you read it; "
                     "theirs is shown now: %s again to go on",
                     action, who.who[0] ? who.who : "someone", who.at + 11, who.what, doing);
    else
        dash_message(d, true,
                     "#%" PRId64 " was changed by someone else since you read it; theirs is "
                     "shown now: %s again to go on",
                     action, doing);
    return changed(d) | DASH_DRAW_STATUS;
}

/* ---- quick capture ---- */

unsigned dash_start_capture(struct dash *d)
{
    const struct dash_row *row = dash_selected(d);
    char context[96] = "";
    if (d->pane == DASH_THEMES && row)
        snprintf(context, sizeof context, " #%s", row->id);
    else if (d->pane == DASH_LEADS && row && row->member)
        snprintf(context, sizeof context, " @%s", row->member);
    else if (d->pane == DASH_ACTIONS && d->filter_theme)
        snprintf(context, sizeof context, " #%s", d->filter_theme);
    else if (d->pane == DASH_FEEDBACK && row && row->theme)
        snprintf(context, sizeof context, " #%s", row->theme);
    else if (d->pane == DASH_AGENDA && row && row->theme)
        snprintf(context, sizeof context, " #%s", row->theme);
    dash_input_start(&d->input, DASH_INPUT_CAPTURE, "add: ", context, 0);
    return DASH_DRAW_STATUS;
}

unsigned dash_submit_capture(struct dash *d, const char *line)
{
    struct capture_ids ids = {
        .members = (const char *const *)d->member_ids, .n_members = d->n_member_ids,
        .themes = (const char *const *)d->theme_ids, .n_themes = d->n_theme_ids};
    struct capture c = {0};
    struct pb_error err = {0};
    if (capture_parse(line, d->today, &ids, &c, &err) != PB_OK) {
        dash_message(d, true, "%s", err.message);
        return DASH_DRAW_STATUS;
    }
    const char *as = d->opt.as;
    if (!c.owners_all && c.n_owners == 0 && !as) {
        capture_free(&c);
        dash_message(d, true, "name an owner with @id or @all");
        return DASH_DRAW_STATUS;
    }
    struct pb_action_new a = {
        .title = c.title,
        .owners = c.n_owners ? (const char *const *)c.owners : c.owners_all ? NULL : &as,
        .n_owners = c.n_owners ? c.n_owners : c.owners_all ? 0 : 1,
        .owners_all = c.owners_all,
        .theme = c.theme,
        .has_due = c.has_due,
        .due = c.due,
        .meeting = d->meeting_today[0] ? d->meeting_today : NULL,
        .ref = c.ref,
    };
    /* in meeting mode, agreed at the item under the cursor */
    if (d->in_meeting && d->pane == DASH_AGENDA && d->current_ref[0]) {
        a.meeting = d->run.id;
        a.item = d->current_ref;
    }
    int64_t id = 0;
    enum pb_status s = pb_action_add(d->db, &a, &id, &err);
    if (s != PB_OK) {
        capture_free(&c);
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    char what[64];
    snprintf(what, sizeof what, "add #%" PRId64, id);
    dash_made(d, what);
    d->input.kind = DASH_INPUT_NONE;
    dash_message(d, false, "added #%" PRId64 ": %s", id, c.title);
    unsigned redraw = changed(d) | DASH_DRAW_ALL;
    if (d->pane == DASH_ACTIONS) {
        struct pb_page_key key = {.order = id, .has_due = c.has_due, .due = c.due};
        if (d->query.order == PB_ORDER_ID)
            key.has_due = false;
        if (dash_list_around(d, DASH_ACTIONS, &key, d->height / 2, &err) != PB_OK)
            dash_fail(d, &err);
        d->detail_stale = true;
    }
    capture_free(&c);
    return redraw;
}

/* ---- the selected action ---- */

static const struct dash_row *selected_action(struct dash *d, int64_t *id)
{
    const struct dash_row *row = dash_selected(d);
    if (!row || d->pane != DASH_ACTIONS)
        return NULL;
    *id = strtoll(row->id, NULL, 10);
    return row;
}

unsigned dash_start_note(struct dash *d)
{
    int64_t id;
    if (!selected_action(d, &id))
        return 0;
    char prompt[64];
    snprintf(prompt, sizeof prompt, "note on #%" PRId64 ": ", id);
    dash_input_start(&d->input, DASH_INPUT_NOTE, prompt, NULL, 0);
    d->input.action = id;
    return DASH_DRAW_STATUS;
}

unsigned dash_submit_note(struct dash *d, int64_t action, const char *text)
{
    struct pb_error err = {0};
    if (pb_action_add_update(d->db, action, text, &err) != PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    char what[64];
    snprintf(what, sizeof what, "note on #%" PRId64, action);
    dash_made(d, what);
    d->input.kind = DASH_INPUT_NONE;
    dash_message(d, false, "noted on #%" PRId64, action);
    return changed(d) | DASH_DRAW_ALL;
}

static unsigned set_status(struct dash *d, const char *status, const char *doing)
{
    if (d->n_marks)
        return dash_marked_status(d, status);
    int64_t id;
    const struct dash_row *row = selected_action(d, &id);
    if (!row)
        return 0;
    if (strcmp(row->status, status) == 0) {
        dash_message(d, false, "#%" PRId64 " is already %s", id, status);
        return DASH_DRAW_STATUS;
    }
    struct pb_error err = {0};
    enum pb_status s = pb_action_set_status(d->db, id, status, NULL, row->revision, &err);
    if (s == PB_ERR_CONFLICT)
        return conflict(d, id, doing);
    if (s != PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    char what[64];
    snprintf(what, sizeof what, "#%" PRId64 " %s", id, status);
    dash_made(d, what);
    dash_message(d, false, "#%" PRId64 " is %s (u undoes)", id, status);
    return changed(d) | DASH_DRAW_ALL;
}

unsigned dash_done(struct dash *d)
{
    return set_status(d, "done", "press d");
}

unsigned dash_cycle(struct dash *d)
{
    int64_t id;
    const struct dash_row *row = selected_action(d, &id);
    if (!row)
        return 0;
    size_t i = 0;
    while (pb_action_statuses[i] && strcmp(pb_action_statuses[i], row->status) != 0)
        i++;
    const char *next = pb_action_statuses[i] && pb_action_statuses[i + 1]
                           ? pb_action_statuses[i + 1]
                           : pb_action_statuses[0];
    return set_status(d, next, "press s");
}

/* ---- undo and redo ---- */

static unsigned reverse(struct dash *d, bool undo)
{
    struct dash_step *from = undo ? d->undo : d->redo;
    size_t *n = undo ? &d->n_undo : &d->n_redo;
    if (*n == 0) {
        dash_message(d, false, undo ? "nothing of this session to undo" : "nothing to redo");
        return DASH_DRAW_STATUS;
    }
    struct dash_step step = from[*n - 1];
    int64_t reversal = 0;
    struct pb_error err = {0};
    if (pb_change_undo(d->db, step.change, &reversal, &err) != PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    (*n)--;
    if (undo)
        push(&d->redo, &d->n_redo, &d->cap_redo, reversal, step.what);
    else
        push(&d->undo, &d->n_undo, &d->cap_undo, reversal, step.what);
    dash_message(d, false, "%s: %s%s", undo ? "undone" : "redone", step.what,
                 undo ? " (Ctrl-R redoes)" : "");
    free(step.what);
    return dash_reload_tables(d, ~0u) | DASH_DRAW_ALL;
}

unsigned dash_undo(struct dash *d)
{
    return reverse(d, true);
}

unsigned dash_redo(struct dash *d)
{
    return reverse(d, false);
}
