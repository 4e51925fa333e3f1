/*
 * What every pane file needs: filling a row's cells and a detail's lines,
 * naming a member, and the find and count of the lists whose rows are not
 * actions.
 */
#include "panes.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool dash_contains(const char *text, const char *what)
{
    size_t n = strlen(what);
    for (; *text; text++) {
        size_t i = 0;
        while (i < n && text[i] && lower(text[i]) == lower(what[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

void dash_row_set(struct dash_row *row, size_t cell, const char *text)
{
    free(row->cells[cell]);
    row->cells[cell] = text ? pb_xstrdup(text) : NULL;
}

void dash_row_setf(struct dash_row *row, size_t cell, const char *fmt, ...)
{
    struct pb_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    pb_buf_addfv(&b, fmt, ap);
    va_end(ap);
    free(row->cells[cell]);
    row->cells[cell] = pb_buf_take(&b);
}

void dash_detail_add(struct dash *d, enum dash_line_style style, const char *label,
                     const char *text)
{
    /* an empty field says nothing: leave it out */
    if (style == DASH_LINE_FIELD && (!text || !*text))
        return;
    if (d->n_detail == d->cap_detail) {
        d->cap_detail = d->cap_detail ? d->cap_detail * 2 : 32;
        d->detail = pb_xrealloc(d->detail, d->cap_detail * sizeof *d->detail);
    }
    struct dash_line *l = &d->detail[d->n_detail++];
    l->style = style;
    l->label = label ? pb_xstrdup(label) : NULL;
    l->text = pb_xstrdup(text ? text : "");
}

void dash_detail_addf(struct dash *d, enum dash_line_style style, const char *label,
                      const char *fmt, ...)
{
    struct pb_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    pb_buf_addfv(&b, fmt, ap);
    va_end(ap);
    char *text = pb_buf_take(&b);
    dash_detail_add(d, style, label, text);
    free(text);
}

static enum pb_status keep_name(const struct pb_member_row *row, void *ctx, struct pb_error *err)
{
    (void)err;
    char **name = ctx;
    *name = pb_xstrdup(row->name);
    return PB_OK;
}

char *dash_member_name(struct dash *d, const char *id)
{
    char *name = NULL;
    struct pb_error err = {0};
    if (pb_member_get(d->db, id, keep_name, &name, &err) != PB_OK || !name)
        return pb_xstrdup(id);
    return name;
}

enum pb_status dash_pane_find(struct dash *d, enum dash_pane_id p, const struct pb_page *from,
                              const char *text, bool *found, struct pb_page_key *at,
                              struct pb_error *err)
{
    const struct dash_pane_ops *ops = dash_pane(p);
    if (ops->find)
        return ops->find(d, from, text, found, at, err);
    return pb_list_find(d->db, ops->list, from, text, found, at, err);
}

enum pb_status dash_pane_count(struct dash *d, enum dash_pane_id p, struct pb_error *err)
{
    const struct dash_pane_ops *ops = dash_pane(p);
    struct dash_list *l = &d->lists[p];
    if (ops->count)
        return ops->count(d, l->count, sizeof l->count, err);
    int64_t n = 0;
    enum pb_status s = pb_list_count(d->db, ops->list, &n, err);
    if (s == PB_OK)
        snprintf(l->count, sizeof l->count, "%" PRId64 " %s", n,
                 n == 1 ? ops->singular : ops->plural);
    return s;
}

struct open_actions {
    struct dash *d;
    size_t shown, max;
};

static enum pb_status add_open(const struct pb_action *a, void *ctx, struct pb_error *err)
{
    (void)err;
    struct open_actions *o = ctx;
    if (o->shown == o->max)
        return PB_OK;
    char due[11] = "";
    if (a->has_due)
        pb_date_format(a->due, due);
    char label[24];
    snprintf(label, sizeof label, "#%" PRId64, a->id);
    dash_detail_addf(o->d, a->overdue ? DASH_LINE_ALERT : DASH_LINE_FIELD, label, "%s%s%s%s",
                     a->overdue ? "! " : "", a->title, *due ? ", due " : "", due);
    o->shown++;
    return PB_OK;
}

enum pb_status dash_detail_actions(struct dash *d, const struct pb_action_query *q, size_t max,
                                   struct pb_error *err)
{
    /* asked for as such, so that the page is the lines shown: read with
     * the closed ones among them, a theme's at a million actions were
     * most of the first frame's reading */
    struct pb_action_query open = *q;
    open.filter.outstanding = true;
    struct open_actions o = {.d = d, .max = max};
    struct pb_page page = {.dir = PB_PAGE_FORWARD, .from_edge = true, .limit = max};
    enum pb_status s = pb_action_page(d->db, &open, &page, add_open, &o, err);
    if (s != PB_OK)
        return s;
    if (o.shown == 0)
        dash_detail_add(d, DASH_LINE_DIM, NULL, "no open actions");
    return PB_OK;
}
