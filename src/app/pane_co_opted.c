/*
 * The co-opted pane: the seats the panel resolved to fill from partner
 * agencies, each with its holder or "vacant", its status and the date it
 * was resolved; the detail gives the rest of the seat and its holder.
 */
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_SECTOR, C_HOLDER, C_STATUS, C_RESOLVED, C_REF };

static const struct dash_column columns[] = {
    [C_SECTOR] = {"sector", 10, 0, false},   [C_HOLDER] = {"holder", 6, 24, false},
    [C_STATUS] = {"status", 6, 10, false},   [C_RESOLVED] = {"resolved", 10, 10, false},
    [C_REF] = {"ref", 3, 14, false},
};

static enum pb_status take(const struct pb_co_option_row *c, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash *d = ctx;
    struct dash_row *r = dash_list_take(d, &c->key, c->id);
    r->revision = c->revision;
    r->member = c->member ? pb_xstrdup(c->member) : NULL;
    dash_row_set(r, C_SECTOR, c->sector);
    dash_row_set(r, C_HOLDER, c->member_name ? c->member_name : "vacant");
    dash_row_set(r, C_STATUS, c->status);
    dash_row_set(r, C_RESOLVED, c->resolved);
    dash_row_set(r, C_REF, c->ref);
    if (strcmp(c->status, "ended") == 0 || strcmp(c->status, "withdrawn") == 0)
        r->flags |= DASH_ROW_DROPPED;
    return PB_OK;
}

static enum pb_status page(struct dash *d, const struct pb_page *pg, struct pb_error *err)
{
    return pb_co_option_page(d->db, pg, take, d, err);
}

struct seat_detail {
    struct dash *d;
    const char *id;
};

static enum pb_status seat_fields(const struct pb_co_option_row *c, void *ctx,
                                  struct pb_error *err)
{
    (void)err;
    struct seat_detail *sd = ctx;
    if (strcmp(c->id, sd->id) != 0)
        return PB_OK;
    struct dash *d = sd->d;
    dash_detail_add(d, DASH_LINE_HEADING, NULL, c->sector);
    dash_detail_add(d, DASH_LINE_FIELD, "seat", c->id);
    dash_detail_add(d, DASH_LINE_FIELD, "status", c->status);
    dash_detail_add(d, DASH_LINE_FIELD, "holder", c->member_name ? c->member_name : "vacant");
    dash_detail_add(d, DASH_LINE_FIELD, "nominated by", c->nominated_by);
    dash_detail_add(d, DASH_LINE_FIELD, "resolved", c->resolved);
    dash_detail_add(d, DASH_LINE_FIELD, "ref", c->ref);
    dash_detail_add(d, DASH_LINE_FIELD, "term ends", c->term_end);
    if (c->notes) {
        dash_detail_add(d, DASH_LINE_HEADING, NULL, "Notes");
        dash_detail_add(d, DASH_LINE_TEXT, NULL, c->notes);
    }
    return PB_OK;
}

static enum pb_status detail(struct dash *d, const struct dash_row *row, struct pb_error *err)
{
    if (!row)
        return PB_OK;
    /* the seat itself: the one row of an inclusive page at its key */
    struct seat_detail sd = {d, row->id};
    struct pb_page pg = {.dir = PB_PAGE_FORWARD, .key = row->key, .inclusive = true, .limit = 1};
    return pb_co_option_page(d->db, &pg, seat_fields, &sd, err);
}

const struct dash_pane_ops dash_pane_co_opted = {
    .title = "Co-opted",
    .singular = "co-opted seat",
    .plural = "co-opted seats",
    .list = PB_LIST_CO_OPTIONS,
    .columns = columns,
    .n_columns = sizeof columns / sizeof columns[0],
    .page = page,
    .detail = detail,
    .tables = PB_TABLE_CO_OPTIONS | PB_TABLE_MEMBERS,
};
