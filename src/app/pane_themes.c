/*
 * The themes pane, in the order the chair walks them: each theme's lead,
 * its open, overdue and done actions and a bar of done over all; the
 * detail gives the lead's initial thoughts, the portfolio, the sub-group
 * and the theme's open actions.
 */
#include "panes.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

enum { C_TITLE, C_LEAD, C_OPEN, C_OVERDUE, C_DONE, C_BAR };

static const struct dash_column columns[] = {
    [C_TITLE] = {"theme", 8, 0, false},   [C_LEAD] = {"lead", 6, 22, false},
    [C_OPEN] = {"open", 4, 4, true},      [C_OVERDUE] = {"late", 4, 4, true},
    [C_DONE] = {"done", 4, 4, true},      [C_BAR] = {"progress", 8, 22, false},
};

static enum pb_status take(const struct pb_theme_row *t, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash *d = ctx;
    struct dash_row *r = dash_list_take(d, &t->key, t->id);
    r->revision = t->revision;
    r->theme = pb_xstrdup(t->id);
    r->member = t->lead ? pb_xstrdup(t->lead) : NULL;
    dash_row_set(r, C_TITLE, t->title);
    dash_row_set(r, C_LEAD, t->lead_name ? t->lead_name : "no lead");
    dash_row_setf(r, C_OPEN, "%" PRId64, t->counts.open + t->counts.in_progress);
    dash_row_setf(r, C_OVERDUE, "%" PRId64, t->counts.overdue);
    dash_row_setf(r, C_DONE, "%" PRId64, t->counts.done);
    r->done = t->counts.done;
    /* dropped actions are neither done nor left to do */
    r->total = t->counts.open + t->counts.in_progress + t->counts.done;
    if (t->counts.overdue)
        r->flags |= DASH_ROW_OVERDUE;
    return PB_OK;
}

static enum pb_status page(struct dash *d, const struct pb_page *pg, struct pb_error *err)
{
    return pb_theme_page(d->db, pg, take, d, err);
}

static enum pb_status detail(struct dash *d, const struct dash_row *row, struct pb_error *err)
{
    if (!row)
        return PB_OK;
    struct pb_theme_detail *t = NULL;
    enum pb_status s = pb_theme_get(d->db, row->id, &t, err);
    if (s != PB_OK)
        return s;
    dash_detail_add(d, DASH_LINE_HEADING, NULL, t->row.title);
    dash_detail_add(d, DASH_LINE_FIELD, "lead", t->row.lead_name ? t->row.lead_name : "no lead");
    dash_detail_add(d, DASH_LINE_FIELD, "portfolio", t->portfolio);
    if (t->n_subgroup) {
        struct pb_buf b = {0};
        for (size_t i = 0; i < t->n_subgroup; i++)
            pb_buf_addf(&b, "%s%s", i ? ", " : "", t->subgroup[i]);
        dash_detail_add(d, DASH_LINE_FIELD, "sub-group", b.data);
        pb_buf_free(&b);
    }
    dash_detail_addf(d, DASH_LINE_FIELD, "actions",
                     "%" PRId64 " open, %" PRId64 " in progress, %" PRId64 " overdue, %" PRId64
                     " done",
                     t->row.counts.open, t->row.counts.in_progress, t->row.counts.overdue,
                     t->row.counts.done);
    if (t->thoughts) {
        dash_detail_add(d, DASH_LINE_HEADING, NULL, "Initial thoughts");
        dash_detail_add(d, DASH_LINE_TEXT, NULL, t->thoughts);
    }
    dash_detail_add(d, DASH_LINE_HEADING, NULL, "Open actions, soonest due first");
    struct pb_action_query q = {.filter.theme = t->row.id, .order = PB_ORDER_DUE};
    s = dash_detail_actions(d, &q, 12, err);
    pb_theme_detail_free(t);
    return s;
}

const struct dash_pane_ops dash_pane_themes = {
    .title = "Themes",
    .singular = "theme",
    .plural = "themes",
    .list = PB_LIST_THEMES,
    .columns = columns,
    .n_columns = sizeof columns / sizeof columns[0],
    .page = page,
    .detail = detail,
    .tables = PB_TABLE_THEMES | PB_TABLE_THEME_SUBGROUP | PB_TABLE_ACTIONS | PB_TABLE_MEMBERS,
};
