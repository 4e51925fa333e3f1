/*
 * The strategies pane: the strategies the panel follows, their dates and
 * their priorities in order.
 */
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_TITLE, C_FROM, C_TO, C_PRIORITIES };

static const struct dash_column columns[] = {
    [C_TITLE] = {"strategy", 10, 0, false},
    [C_FROM] = {"from", 10, 10, false},
    [C_TO] = {"to", 10, 10, false},
    [C_PRIORITIES] = {"priorities", 4, 10, true},
};

static enum pb_status take(const struct pb_strategy_row *s, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash *d = ctx;
    struct dash_row *r = dash_list_take(d, &s->key, s->id);
    r->revision = s->revision;
    dash_row_set(r, C_TITLE, s->title);
    dash_row_set(r, C_FROM, s->from);
    dash_row_set(r, C_TO, s->to);
    dash_row_setf(r, C_PRIORITIES, "%zu", s->n_priorities);
    return PB_OK;
}

static enum pb_status page(struct dash *d, const struct pb_page *pg, struct pb_error *err)
{
    return pb_strategy_page(d->db, pg, take, d, err);
}

struct strategy_detail {
    struct dash *d;
    const char *id;
};

static enum pb_status fields(const struct pb_strategy_row *s, void *ctx, struct pb_error *err)
{
    (void)err;
    struct strategy_detail *sd = ctx;
    if (strcmp(s->id, sd->id) != 0)
        return PB_OK;
    struct dash *d = sd->d;
    dash_detail_add(d, DASH_LINE_HEADING, NULL, s->title);
    dash_detail_add(d, DASH_LINE_FIELD, "id", s->id);
    dash_detail_add(d, DASH_LINE_FIELD, "part of", s->parent);
    dash_detail_add(d, DASH_LINE_FIELD, "from", s->from);
    dash_detail_add(d, DASH_LINE_FIELD, "to", s->to);
    dash_detail_add(d, DASH_LINE_HEADING, NULL, s->n_priorities ? "Priorities" : "No priorities");
    for (size_t i = 0; i < s->n_priorities; i++)
        dash_detail_addf(d, DASH_LINE_TEXT, NULL, "%zu. %s", i + 1, s->priorities[i]);
    return PB_OK;
}

static enum pb_status detail(struct dash *d, const struct dash_row *row, struct pb_error *err)
{
    if (!row)
        return PB_OK;
    struct strategy_detail sd = {d, row->id};
    struct pb_page pg = {.dir = PB_PAGE_FORWARD, .key = row->key, .inclusive = true, .limit = 1};
    return pb_strategy_page(d->db, &pg, fields, &sd, err);
}

const struct dash_pane_ops dash_pane_strategies = {
    .title = "Strategies",
    .singular = "strategy",
    .plural = "strategies",
    .list = PB_LIST_STRATEGIES,
    .columns = columns,
    .n_columns = sizeof columns / sizeof columns[0],
    .page = page,
    .detail = detail,
    .tables = PB_TABLE_STRATEGIES | PB_TABLE_STRATEGY_PRIORITIES,
};
