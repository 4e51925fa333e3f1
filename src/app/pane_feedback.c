/*
 * The feedback pane, "you said, we did": what young people said, what was
 * done about it, and whether they have been told.
 */
#include "panes.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_ID, C_DATE, C_STATUS, C_THEME, C_SAID };

static const struct dash_column columns[] = {
    [C_ID] = {"#", 3, 6, true},          [C_DATE] = {"date", 10, 10, false},
    [C_STATUS] = {"status", 5, 9, false}, [C_THEME] = {"theme", 5, 14, false},
    [C_SAID] = {"you said", 10, 0, false},
};

static enum pb_status take(const struct pb_feedback_row *f, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash *d = ctx;
    char id[24];
    snprintf(id, sizeof id, "%" PRId64, f->id);
    struct dash_row *r = dash_list_take(d, &f->key, id);
    r->revision = f->revision;
    r->theme = f->theme ? pb_xstrdup(f->theme) : NULL;
    dash_row_set(r, C_ID, id);
    dash_row_set(r, C_DATE, f->date);
    dash_row_set(r, C_STATUS, f->status);
    dash_row_set(r, C_THEME, f->theme);
    dash_row_set(r, C_SAID, f->said);
    if (strcmp(f->status, "told-back") == 0)
        r->flags |= DASH_ROW_DONE;
    return PB_OK;
}

static enum pb_status page(struct dash *d, const struct pb_page *pg, struct pb_error *err)
{
    return pb_feedback_page(d->db, pg, take, d, err);
}

static enum pb_status fields(const struct pb_feedback_row *f, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash *d = ctx;
    dash_detail_addf(d, DASH_LINE_HEADING, NULL, "Feedback #%" PRId64, f->id);
    dash_detail_add(d, DASH_LINE_FIELD, "date", f->date);
    dash_detail_add(d, DASH_LINE_FIELD, "status", f->status);
    dash_detail_add(d, DASH_LINE_FIELD, "theme", f->theme);
    if (f->action)
        dash_detail_addf(d, DASH_LINE_FIELD, "action", "#%" PRId64, f->action);
    dash_detail_add(d, DASH_LINE_FIELD, "told", f->told);
    dash_detail_add(d, DASH_LINE_FIELD, "how", f->channel);
    dash_detail_add(d, DASH_LINE_HEADING, NULL, "You said");
    dash_detail_add(d, DASH_LINE_TEXT, NULL, f->said);
    dash_detail_add(d, DASH_LINE_HEADING, NULL, "We did");
    dash_detail_add(d, f->did ? DASH_LINE_TEXT : DASH_LINE_DIM, NULL,
                    f->did ? f->did : "nothing recorded yet");
    return PB_OK;
}

static enum pb_status detail(struct dash *d, const struct dash_row *row, struct pb_error *err)
{
    if (!row)
        return PB_OK;
    struct pb_page pg = {.dir = PB_PAGE_FORWARD, .key = row->key, .inclusive = true, .limit = 1};
    return pb_feedback_page(d->db, &pg, fields, d, err);
}

const struct dash_pane_ops dash_pane_feedback = {
    .title = "Feedback",
    .singular = "item of feedback",
    .plural = "items of feedback",
    .list = PB_LIST_FEEDBACK,
    .columns = columns,
    .n_columns = sizeof columns / sizeof columns[0],
    .page = page,
    .detail = detail,
    .tables = PB_TABLE_FEEDBACK,
};
