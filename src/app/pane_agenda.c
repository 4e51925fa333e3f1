/*
 * The agenda pane of meeting mode: today's meeting's items in order, the
 * item marked for report-backs followed by one row per theme in the
 * themes' order, so the chair steps through the leads with j and k. An
 * item's detail is what it has recorded (decisions, questions, minutes);
 * a theme's is its lead, what its actions heard since the last meeting,
 * and its open and overdue actions.
 */
#include "list.h"
#include "panes.h"

#include <panelboard/agenda.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_REF, C_TITLE, C_LEAD, C_OPEN, C_LATE };

static const struct dash_column columns[] = {
    [C_REF] = {"item", 4, 6, false},  [C_TITLE] = {"title", 10, 0, false},
    [C_LEAD] = {"lead", 6, 22, false}, [C_OPEN] = {"open", 4, 4, true},
    [C_LATE] = {"late", 4, 4, true},
};

/* The agenda is a few dozen rows: it is read whole, and a page is the
 * part of it after (or before) the key, the key being the row's place. */
struct agenda {
    struct dash *d;
    struct dash_row *rows;
    size_t n, cap;
    int64_t report_backs; /* the report-backs item being read, else 0 */
    char *report_ref;
};

static struct dash_row *add(struct agenda *a)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 16;
        a->rows = pb_xrealloc(a->rows, a->cap * sizeof *a->rows);
    }
    struct dash_row *r = &a->rows[a->n];
    memset(r, 0, sizeof *r);
    r->key.order = (int64_t)a->n++;
    return r;
}

static enum pb_status take_theme(const struct pb_theme_row *t, void *ctx, struct pb_error *err)
{
    (void)err;
    struct agenda *a = ctx;
    struct dash_row *r = add(a);
    r->id = pb_xasprintf("%s/%s", a->report_ref, t->id);
    r->item = a->report_backs;
    r->theme = pb_xstrdup(t->id);
    r->member = t->lead ? pb_xstrdup(t->lead) : NULL;
    dash_row_setf(r, C_TITLE, "  %s", t->title);
    dash_row_set(r, C_LEAD, t->lead_name ? t->lead_name : "no lead");
    dash_row_setf(r, C_OPEN, "%" PRId64, t->counts.open + t->counts.in_progress);
    dash_row_setf(r, C_LATE, "%" PRId64, t->counts.overdue);
    if (t->counts.overdue)
        r->flags |= DASH_ROW_OVERDUE;
    return PB_OK;
}

static enum pb_status take_item(const struct pb_agenda_item *it, void *ctx, struct pb_error *err)
{
    struct agenda *a = ctx;
    struct dash_row *r = add(a);
    r->id = pb_xstrdup(it->ref);
    r->item = it->id;
    r->revision = it->revision;
    r->text = it->minutes ? pb_xstrdup(it->minutes) : NULL;
    dash_row_set(r, C_REF, it->ref);
    dash_row_setf(r, C_TITLE, "%s%s%s", it->title, it->exempt ? " (exempt)" : "",
                  it->report_backs ? ": the leads report back" : "");
    if (it->n_decisions || it->n_questions)
        dash_row_setf(r, C_LEAD, "%zu resolved, %zu asked", it->n_decisions, it->n_questions);
    if (!it->report_backs)
        return PB_OK;
    /* the themes in order, under the item at which their leads report */
    a->report_backs = it->id;
    a->report_ref = pb_xstrdup(it->ref);
    struct pb_page all = {.dir = PB_PAGE_FORWARD, .from_edge = true, .limit = 500};
    enum pb_status s = pb_theme_page(a->d->db, &all, take_theme, a, err);
    free(a->report_ref);
    a->report_ref = NULL;
    a->report_backs = 0;
    return s;
}

static bool in_page(const struct pb_page *pg, int64_t order)
{
    if (pg->from_edge)
        return true;
    if (pg->dir == PB_PAGE_FORWARD)
        return pg->inclusive ? order >= pg->key.order : order > pg->key.order;
    return pg->inclusive ? order <= pg->key.order : order < pg->key.order;
}

static void copy_row(struct dash *d, const struct dash_row *src)
{
    struct dash_row *r = dash_list_take(d, &src->key, src->id);
    r->item = src->item;
    r->revision = src->revision;
    r->flags = src->flags;
    r->text = src->text ? pb_xstrdup(src->text) : NULL;
    r->theme = src->theme ? pb_xstrdup(src->theme) : NULL;
    r->member = src->member ? pb_xstrdup(src->member) : NULL;
    for (size_t c = 0; c < DASH_MAX_CELLS; c++)
        dash_row_set(r, c, src->cells[c]);
}

static void agenda_free(struct agenda *a)
{
    for (size_t i = 0; i < a->n; i++)
        dash_row_clear(&a->rows[i]);
    free(a->rows);
}

static enum pb_status page(struct dash *d, const struct pb_page *pg, struct pb_error *err)
{
    if (!d->in_meeting)
        return PB_OK;
    struct agenda a = {.d = d};
    enum pb_status s = pb_agenda_each(d->db, d->run.id, take_item, &a, err);
    size_t taken = 0;
    for (size_t k = 0; s == PB_OK && k < a.n && taken < pg->limit; k++) {
        size_t i = pg->dir == PB_PAGE_FORWARD ? k : a.n - 1 - k;
        if (!in_page(pg, a.rows[i].key.order))
            continue;
        copy_row(d, &a.rows[i]);
        taken++;
    }
    agenda_free(&a);
    return s;
}

static enum pb_status find(struct dash *d, const struct pb_page *from, const char *text,
                           bool *found, struct pb_page_key *at, struct pb_error *err)
{
    /* the agenda is short: search what it holds */
    struct agenda a = {.d = d};
    *found = false;
    enum pb_status s = d->in_meeting ? pb_agenda_each(d->db, d->run.id, take_item, &a, err) : PB_OK;
    for (size_t k = 0; s == PB_OK && k < a.n && !*found; k++) {
        size_t i = from->dir == PB_PAGE_FORWARD ? k : a.n - 1 - k;
        const char *title = a.rows[i].cells[C_TITLE];
        if (in_page(from, a.rows[i].key.order) && title && dash_contains(title, text)) {
            *found = true;
            *at = a.rows[i].key;
        }
    }
    agenda_free(&a);
    return s;
}

static enum pb_status count(struct dash *d, char *buf, size_t size, struct pb_error *err)
{
    (void)err;
    char day[32];
    pb_date_format_long(d->run.date, day, sizeof day);
    snprintf(buf, size, "meeting of %s", day);
    return PB_OK;
}

static enum pb_status record_line(const char *label, const char *text, void *ctx,
                                  struct pb_error *err)
{
    (void)err;
    dash_detail_add(ctx, DASH_LINE_FIELD, label, text);
    return PB_OK;
}

static enum pb_status news_line(const struct pb_theme_news *n, void *ctx, struct pb_error *err)
{
    (void)err;
    dash_detail_addf(ctx, DASH_LINE_FIELD, n->date, "#%" PRId64 " %s: %s%s%s", n->action, n->title,
                     n->text, n->by ? " — " : "", n->by ? n->by : "");
    return PB_OK;
}

static enum pb_status theme_detail(struct dash *d, const struct dash_row *row,
                                   struct pb_error *err)
{
    struct pb_theme_detail *t = NULL;
    enum pb_status s = pb_theme_get(d->db, row->theme, &t, err);
    if (s != PB_OK)
        return s;
    dash_detail_add(d, DASH_LINE_HEADING, NULL, t->row.title);
    dash_detail_add(d, DASH_LINE_FIELD, "lead", t->row.lead_name ? t->row.lead_name : "no lead");
    pb_theme_detail_free(t);
    /* the meeting before this one: what the lead reports back is since then */
    struct pb_meeting_brief before = {0};
    bool found = false;
    s = pb_meeting_on_or_before(d->db, d->run.date - 1, &found, &before, err);
    if (s != PB_OK)
        return s;
    char since[32] = "the start";
    if (found)
        pb_date_format_long(before.date, since, sizeof since);
    dash_detail_addf(d, DASH_LINE_HEADING, NULL, "Since %s", since);
    size_t had = d->n_detail;
    s = pb_theme_news_since(d->db, row->theme, found ? before.date : 0, news_line, d, err);
    if (s != PB_OK)
        return s;
    if (d->n_detail == had)
        dash_detail_add(d, DASH_LINE_DIM, NULL, "no updates since then");
    dash_detail_add(d, DASH_LINE_HEADING, NULL, "Open actions, soonest due first");
    struct pb_action_query q = {.filter.theme = row->theme, .order = PB_ORDER_DUE};
    return dash_detail_actions(d, &q, 12, err);
}

static enum pb_status detail(struct dash *d, const struct dash_row *row, struct pb_error *err)
{
    if (!row) {
        dash_detail_add(d, DASH_LINE_DIM, NULL, "no items yet: I adds one (ref and title)");
        return PB_OK;
    }
    if (row->theme)
        return theme_detail(d, row, err);
    dash_detail_addf(d, DASH_LINE_HEADING, NULL, "%s. %s", row->cells[C_REF],
                     row->cells[C_TITLE]);
    size_t had = d->n_detail;
    enum pb_status s = pb_item_record_each(d->db, row->item, record_line, d, err);
    if (s != PB_OK)
        return s;
    if (d->n_detail == had)
        dash_detail_add(d, DASH_LINE_DIM, NULL, "nothing resolved or asked yet: D, Q");
    dash_detail_add(d, DASH_LINE_HEADING, NULL, "Minutes");
    dash_detail_add(d, row->text ? DASH_LINE_TEXT : DASH_LINE_DIM, NULL,
                    row->text ? row->text : "none yet: w writes them in $EDITOR");
    return PB_OK;
}

const struct dash_pane_ops dash_pane_agenda = {
    .title = "Meeting",
    .singular = "item",
    .plural = "items",
    .columns = columns,
    .n_columns = sizeof columns / sizeof columns[0],
    .page = page,
    .find = find,
    .count = count,
    .detail = detail,
    .tables = PB_TABLE_ITEMS | PB_TABLE_THEMES | PB_TABLE_ACTIONS | PB_TABLE_UPDATES |
              PB_TABLE_MEETINGS | PB_TABLE_ATTENDANCE,
};
