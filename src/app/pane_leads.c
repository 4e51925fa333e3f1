/*
 * The leads pane: each panel lead with the themes they lead, their open
 * and overdue actions and the date of their last update, marked when they
 * have not reported back since the last meeting; the detail is the member
 * and their queue.
 */
#include "panes.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_NAME, C_THEMES, C_OPEN, C_OVERDUE, C_LAST };

static const struct dash_column columns[] = {
    [C_NAME] = {"lead", 8, 24, false},  [C_THEMES] = {"themes", 8, 0, false},
    [C_OPEN] = {"open", 4, 4, true},    [C_OVERDUE] = {"late", 4, 4, true},
    [C_LAST] = {"last update", 11, 11, false},
};

static enum pb_status take(const struct pb_lead_row *l, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash *d = ctx;
    struct dash_row *r = dash_list_take(d, &l->key, l->id);
    r->member = pb_xstrdup(l->id);
    dash_row_set(r, C_NAME, l->name);
    dash_row_set(r, C_THEMES, l->themes);
    dash_row_setf(r, C_OPEN, "%" PRId64, l->open);
    dash_row_setf(r, C_OVERDUE, "%" PRId64, l->overdue);
    if (l->has_last_update) {
        char day[11];
        pb_date_format(l->last_update, day);
        dash_row_set(r, C_LAST, day);
    } else {
        dash_row_set(r, C_LAST, "none");
    }
    if (d->has_last_meeting && (!l->has_last_update || l->last_update < d->last_meeting))
        r->flags |= DASH_ROW_WARN;
    if (l->overdue)
        r->flags |= DASH_ROW_OVERDUE;
    return PB_OK;
}

static enum pb_status page(struct dash *d, const struct pb_page *pg, struct pb_error *err)
{
    return pb_lead_page(d->db, pg, take, d, err);
}

static enum pb_status count(struct dash *d, char *buf, size_t size, struct pb_error *err)
{
    int64_t n = 0;
    enum pb_status s = pb_list_count(d->db, PB_LIST_LEADS, &n, err);
    if (s == PB_OK)
        snprintf(buf, size, "%" PRId64 " lead%s", n, n == 1 ? "" : "s");
    if (s == PB_OK && d->has_last_meeting) {
        char day[32];
        pb_date_format_long(d->last_meeting, day, sizeof day);
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, " · ? no update since %s", day);
    }
    return s;
}

static enum pb_status member_fields(const struct pb_member_row *m, void *ctx,
                                    struct pb_error *err)
{
    (void)err;
    struct dash *d = ctx;
    dash_detail_add(d, DASH_LINE_HEADING, NULL, m->name);
    dash_detail_add(d, DASH_LINE_FIELD, "id", m->id);
    dash_detail_add(d, DASH_LINE_FIELD, "post", m->post);
    dash_detail_add(d, DASH_LINE_FIELD, "kind", m->kind);
    dash_detail_add(d, DASH_LINE_FIELD, "organisation", m->organisation);
    dash_detail_add(d, DASH_LINE_FIELD, "email", m->email);
    dash_detail_add(d, DASH_LINE_FIELD, "phone", m->phone);
    return PB_OK;
}

static enum pb_status detail(struct dash *d, const struct dash_row *row, struct pb_error *err)
{
    if (!row)
        return PB_OK;
    enum pb_status s = pb_member_get(d->db, row->member, member_fields, d, err);
    if (s != PB_OK)
        return s;
    dash_detail_add(d, DASH_LINE_FIELD, "leads", row->cells[C_THEMES]);
    dash_detail_add(d, DASH_LINE_FIELD, "last update", row->cells[C_LAST]);
    if (row->flags & DASH_ROW_WARN) {
        char day[32];
        pb_date_format_long(d->last_meeting, day, sizeof day);
        dash_detail_addf(d, DASH_LINE_ALERT, NULL, "? has not reported back since %s", day);
    }
    dash_detail_add(d, DASH_LINE_HEADING, NULL, "Their queue, soonest due first");
    struct pb_action_query q = {.queue = row->member, .order = PB_ORDER_DUE};
    return dash_detail_actions(d, &q, 12, err);
}

const struct dash_pane_ops dash_pane_leads = {
    .title = "Leads",
    .singular = "lead",
    .plural = "leads",
    .list = PB_LIST_LEADS,
    .columns = columns,
    .n_columns = sizeof columns / sizeof columns[0],
    .page = page,
    .count = count,
    .detail = detail,
    .tables = PB_TABLE_THEMES | PB_TABLE_MEMBERS | PB_TABLE_ACTIONS | PB_TABLE_ACTION_OWNERS |
              PB_TABLE_UPDATES | PB_TABLE_MEETINGS,
};
