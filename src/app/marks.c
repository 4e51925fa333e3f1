/*
 * Marks on the actions pane: Space marks the row under the cursor, V every
 * row the filters show; d and s then act on all of them as one change,
 * which one u undoes. A mark keeps the revision the screen read, so a row
 * someone else changed since makes the whole change refused, not half done.
 */
#include "dash_internal.h"

#include "input.h"

#include <panelboard/edit.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* V reads the ids of every row shown; past this many it asks for a
 * narrower filter instead of reading the whole panel. */
#define MARK_ALL_MAX 10000

static size_t find_mark(const struct dash *d, int64_t id, bool *found)
{
    size_t lo = 0, hi = d->n_marks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->marks[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = lo < d->n_marks && d->marks[lo].id == id;
    return lo;
}

bool dash_is_marked(const struct dash *d, const struct dash_row *row)
{
    if (!d->n_marks || d->pane != DASH_ACTIONS)
        return false;
    bool found;
    find_mark(d, strtoll(row->id, NULL, 10), &found);
    return found;
}

static void add_mark(struct dash *d, int64_t id, int64_t revision)
{
    bool found;
    size_t at = find_mark(d, id, &found);
    if (found)
        return;
    if (d->n_marks == d->cap_marks) {
        d->cap_marks = d->cap_marks ? d->cap_marks * 2 : 32;
        d->marks = pb_xrealloc(d->marks, d->cap_marks * sizeof *d->marks);
    }
    memmove(d->marks + at + 1, d->marks + at, (d->n_marks - at) * sizeof *d->marks);
    d->marks[at].id = id;
    d->marks[at].revision = revision;
    d->n_marks++;
}

void dash_marks_clear(struct dash *d)
{
    d->n_marks = 0;
}

unsigned dash_toggle_mark(struct dash *d)
{
    const struct dash_row *row = dash_selected(d);
    if (!row || d->pane != DASH_ACTIONS)
        return 0;
    int64_t id = strtoll(row->id, NULL, 10);
    bool found;
    size_t at = find_mark(d, id, &found);
    if (found) {
        memmove(d->marks + at, d->marks + at + 1, (d->n_marks - at - 1) * sizeof *d->marks);
        d->n_marks--;
    } else {
        add_mark(d, id, row->revision);
    }
    /* on to the next row, as mutt and tig do */
    unsigned redraw = dash_key(d, 'j');
    dash_message(d, false, "%zu marked: d, s act on them all; Space unmarks", d->n_marks);
    return redraw | DASH_DRAW_LIST | DASH_DRAW_STATUS;
}

struct mark_all {
    struct dash *d;
    size_t seen;
    struct pb_page_key last;
};

static enum pb_status mark_one(const struct pb_action *a, void *ctx, struct pb_error *err)
{
    (void)err;
    struct mark_all *m = ctx;
    add_mark(m->d, a->id, a->revision);
    m->seen++;
    m->last = pb_action_key(a, m->d->query.order);
    return PB_OK;
}

unsigned dash_mark_all(struct dash *d)
{
    if (d->pane != DASH_ACTIONS)
        return 0;
    if (d->n_marks) {
        dash_marks_clear(d);
        dash_message(d, false, "marks cleared");
        return DASH_DRAW_LIST | DASH_DRAW_STATUS;
    }
    struct pb_action_counts c;
    struct pb_error err = {0};
    if (pb_action_count(d->db, &d->query, &c, &err) != PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    int64_t shown = c.open + c.in_progress + c.done + c.dropped;
    if (shown > MARK_ALL_MAX) {
        dash_message(d, true, "%" PRId64 " actions are shown; V marks at most %d: filter first (f)",
                     shown, MARK_ALL_MAX);
        return DASH_DRAW_STATUS;
    }
    struct mark_all m = {.d = d};
    struct pb_page page = {.dir = PB_PAGE_FORWARD, .from_edge = true, .limit = 512};
    for (;;) {
        size_t before = m.seen;
        if (pb_action_page(d->db, &d->query, &page, mark_one, &m, &err) != PB_OK) {
            dash_marks_clear(d);
            dash_fail(d, &err);
            return DASH_DRAW_STATUS;
        }
        if (m.seen - before < page.limit)
            break;
        page.from_edge = false;
        page.key = m.last;
    }
    dash_message(d, false, "%zu marked: d, s act on them all; V again clears", d->n_marks);
    return DASH_DRAW_LIST | DASH_DRAW_STATUS;
}

/* The marked actions' ids, "#3, #5 and 2 more", for messages and the history. */
static void describe(const struct dash *d, char *buf, size_t size)
{
    size_t used = 0;
    for (size_t i = 0; i < d->n_marks && i < 3; i++) {
        int w = snprintf(buf + used, size - used, "%s#%" PRId64, i ? ", " : "", d->marks[i].id);
        if (w < 0 || (size_t)w >= size - used)
            return;
        used += (size_t)w;
    }
    if (d->n_marks > 3)
        snprintf(buf + used, size - used, " and %zu more", d->n_marks - 3);
}

unsigned dash_marked_status(struct dash *d, const char *status)
{
    char ids[96];
    describe(d, ids, sizeof ids);
    char what[160];
    snprintf(what, sizeof what, "%s: %s", status, ids);
    struct pb_error err = {0};
    enum pb_status s = pb_change_begin(d->db, what, &err);
    for (size_t i = 0; s == PB_OK && i < d->n_marks; i++)
        s = pb_action_set_status(d->db, d->marks[i].id, status, NULL, d->marks[i].revision, &err);
    s = pb_change_end(d->db, s, &err);
    if (s == PB_ERR_CONFLICT) {
        dash_message(d, true, "%s; nothing was changed: the marks are kept, look and try again",
                     err.message);
        return dash_reload_tables(d, PB_TABLE_ACTIONS) | DASH_DRAW_STATUS;
    }
    if (s != PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    size_t n = d->n_marks;
    dash_marks_clear(d);
    dash_made(d, what);
    dash_message(d, false, "%zu action%s %s (u undoes)", n, n == 1 ? "" : "s", status);
    return dash_reload_tables(d, PB_TABLE_ACTIONS | PB_TABLE_UPDATES) | DASH_DRAW_ALL;
}

unsigned dash_start_reassign(struct dash *d)
{
    const struct dash_row *row = dash_selected(d);
    if (!row)
        return 0;
    char prompt[96];
    if (d->n_marks)
        snprintf(prompt, sizeof prompt, "reassign %zu marked to: ", d->n_marks);
    else
        snprintf(prompt, sizeof prompt, "reassign #%s to: ", row->id);
    dash_input_start(&d->input, DASH_INPUT_REASSIGN, prompt, "@", (size_t)-1);
    return DASH_DRAW_STATUS;
}

/* The owners typed, "@chair @gov-officer" or "@all ...", each a member. */
static bool read_owners(struct dash *d, const char *text, struct pb_action_edit *e,
                        char ***owners)
{
    char *copy = pb_xstrdup(text);
    size_t n = 0;
    *owners = NULL;
    bool ok = true;
    for (char *save = NULL, *w = strtok_r(copy, " ,", &save); w && ok;
         w = strtok_r(NULL, " ,", &save)) {
        if (*w == '@')
            w++;
        if (!*w)
            continue;
        if (strcmp(w, "all") == 0) {
            e->owners_all = true;
            continue;
        }
        bool known = false;
        for (size_t i = 0; i < d->n_member_ids && !known; i++)
            known = strcmp(d->member_ids[i], w) == 0;
        if (!known) {
            const char *near = pb_suggest(w, (const char *const *)d->member_ids, d->n_member_ids);
            dash_message(d, true, "no member '%s'%s%s%s", w, near ? "; did you mean '" : "",
                         near ? near : "", near ? "'?" : "");
            ok = false;
            break;
        }
        *owners = pb_xrealloc(*owners, (n + 1) * sizeof **owners);
        (*owners)[n++] = pb_xstrdup(w);
    }
    free(copy);
    e->set_owners = true;
    e->owners = (const char *const *)*owners;
    e->n_owners = n;
    if (ok && !n && !e->owners_all) {
        dash_message(d, true, "name the new owners: @member ... or @all");
        ok = false;
    }
    return ok;
}

unsigned dash_submit_reassign(struct dash *d, const char *text)
{
    struct pb_action_edit e = {0};
    char **owners = NULL;
    if (!read_owners(d, text, &e, &owners)) {
        pb_strings_free(owners, e.n_owners);
        return DASH_DRAW_STATUS;
    }
    /* the marked actions, else the one under the cursor */
    struct dash_mark one = {0};
    const struct dash_mark *targets = d->marks;
    size_t n = d->n_marks;
    if (!n) {
        const struct dash_row *row = dash_selected(d);
        one.id = strtoll(row->id, NULL, 10);
        one.revision = row->revision;
        targets = &one;
        n = 1;
    }
    char what[160];
    snprintf(what, sizeof what, "reassign %zu action%s to %s", n, n == 1 ? "" : "s", text);
    struct pb_error err = {0};
    enum pb_status s = pb_change_begin(d->db, what, &err);
    for (size_t i = 0; s == PB_OK && i < n; i++)
        s = pb_action_edit(d->db, targets[i].id, &e, targets[i].revision, &err);
    s = pb_change_end(d->db, s, &err);
    pb_strings_free(owners, e.n_owners);
    if (s != PB_OK) {
        dash_message(d, true, "%s; nothing was changed", err.message);
        return dash_reload_tables(d, PB_TABLE_ACTIONS) | DASH_DRAW_STATUS;
    }
    d->input.kind = DASH_INPUT_NONE;
    dash_marks_clear(d);
    dash_made(d, what);
    dash_message(d, false, "%s (u undoes)", what);
    return dash_reload_tables(d, PB_TABLE_ACTIONS | PB_TABLE_ACTION_OWNERS) | DASH_DRAW_ALL;
}
