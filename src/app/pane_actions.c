/*
 * The actions pane: every action, or those the filters or "my queue" let
 * through, by id or by due date; its detail is the action whole with its
 * owners named and its updates, newest first.
 */
#include "panes.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_ID, C_STATUS, C_DUE, C_OWNERS, C_THEME, C_TITLE };

static const struct dash_column columns[] = {
    [C_ID] = {"#", 3, 6, true},
    [C_STATUS] = {"status", 6, 11, false},
    [C_DUE] = {"due", 10, 10, false},
    [C_OWNERS] = {"owners", 6, 18, false},
    [C_THEME] = {"theme", 5, 13, false},
    [C_TITLE] = {"title", 10, 0, false},
};

void dash_owners_text(const struct pb_action *a, struct pb_buf *b)
{
    if (a->owners_all)
        pb_buf_puts(b, "all");
    for (size_t i = 0; i < a->n_owners; i++)
        pb_buf_addf(b, "%s%s", i || a->owners_all ? "," : "", a->owners[i]);
    if (!b->data)
        pb_buf_puts(b, "");
}

static enum pb_status take(const struct pb_action *a, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash *d = ctx;
    char id[24];
    snprintf(id, sizeof id, "%" PRId64, a->id);
    struct pb_page_key key = pb_action_key(a, d->query.order);
    struct dash_row *r = dash_list_take(d, &key, id);
    r->revision = a->revision;
    r->status = pb_xstrdup(a->status);
    r->theme = a->theme ? pb_xstrdup(a->theme) : NULL;
    dash_row_set(r, C_ID, id);
    dash_row_set(r, C_STATUS, a->status);
    if (a->has_due) {
        char due[11];
        pb_date_format(a->due, due);
        dash_row_set(r, C_DUE, due);
    }
    struct pb_buf owners = {0};
    dash_owners_text(a, &owners);
    dash_row_set(r, C_OWNERS, owners.data);
    pb_buf_free(&owners);
    dash_row_set(r, C_THEME, a->theme);
    dash_row_set(r, C_TITLE, a->title);
    if (a->overdue)
        r->flags |= DASH_ROW_OVERDUE;
    else if (strcmp(a->status, "done") == 0)
        r->flags |= DASH_ROW_DONE;
    else if (strcmp(a->status, "dropped") == 0)
        r->flags |= DASH_ROW_DROPPED;
    return PB_OK;
}

static enum pb_status page(struct dash *d, const struct pb_page *pg, struct pb_error *err)
{
    return pb_action_page(d->db, &d->query, pg, take, d, err);
}

static enum pb_status find(struct dash *d, const struct pb_page *from, const char *text,
                           bool *found, struct pb_page_key *at, struct pb_error *err)
{
    return pb_action_find(d->db, &d->query, from, text, found, at, err);
}

static enum pb_status count(struct dash *d, char *buf, size_t size, struct pb_error *err)
{
    struct pb_action_counts c;
    enum pb_status s = pb_action_count(d->db, &d->query, &c, err);
    if (s != PB_OK)
        return s;
    int64_t all = c.open + c.in_progress + c.done + c.dropped;
    snprintf(buf, size, "%" PRId64 " action%s · %" PRId64 " open · %" PRId64 " overdue", all,
             all == 1 ? "" : "s", c.open + c.in_progress, c.overdue);
    return PB_OK;
}

static enum pb_status detail(struct dash *d, const struct dash_row *row, struct pb_error *err)
{
    if (!row)
        return PB_OK;
    struct pb_action *a = NULL;
    enum pb_status s = pb_action_get(d->db, strtoll(row->id, NULL, 10), &a, err);
    if (s != PB_OK)
        return s;
    dash_detail_addf(d, DASH_LINE_HEADING, NULL, "#%" PRId64 " %s", a->id, a->title);
    dash_detail_add(d, a->overdue ? DASH_LINE_ALERT : DASH_LINE_FIELD, "status",
                    a->overdue ? "overdue" : a->status);
    if (a->overdue)
        dash_detail_add(d, DASH_LINE_FIELD, "was", a->status);
    if (a->has_due) {
        char due[32];
        pb_date_format_long(a->due, due, sizeof due);
        dash_detail_add(d, DASH_LINE_FIELD, "due", due);
    }
    if (a->owners_all)
        dash_detail_add(d, DASH_LINE_FIELD, "owners", "All");
    for (size_t i = 0; i < a->n_owners; i++) {
        char *name = dash_member_name(d, a->owners[i]);
        dash_detail_addf(d, DASH_LINE_FIELD, i || a->owners_all ? "" : "owners", "%s (%s)", name,
                         a->owners[i]);
        free(name);
    }
    dash_detail_add(d, DASH_LINE_FIELD, "theme", a->theme);
    dash_detail_add(d, DASH_LINE_FIELD, "meeting", a->meeting);
    dash_detail_add(d, DASH_LINE_FIELD, "ref", a->ref);
    dash_detail_add(d, DASH_LINE_HEADING, NULL, a->n_updates ? "Updates, newest first" : "No updates yet");
    for (size_t i = a->n_updates; i-- > 0;) {
        const struct pb_action_update *u = &a->updates[i];
        char date[11];
        pb_date_format(u->date, date);
        char *by = u->by ? dash_member_name(d, u->by) : NULL;
        dash_detail_addf(d, DASH_LINE_FIELD, date, "%s%s%s", u->text, by ? " — " : "",
                         by ? by : "");
        free(by);
    }
    pb_action_free(a);
    return PB_OK;
}

const struct dash_pane_ops dash_pane_actions = {
    .title = "Actions",
    .singular = "action",
    .plural = "actions",
    .columns = columns,
    .n_columns = sizeof columns / sizeof columns[0],
    .page = page,
    .find = find,
    .count = count,
    .detail = detail,
    .tables = PB_TABLE_ACTIONS | PB_TABLE_ACTION_OWNERS | PB_TABLE_UPDATES | PB_TABLE_THEMES |
              PB_TABLE_MEMBERS,
};
