/*
 * A pane's window of rows: filled a page at a time next to the rows it
 * already holds, trimmed at the far end so that it stays a few screens
 * tall, and re-read around the cursor's row when the data changes, so the
 * cursor stays on its row while others write.
 */
#include "list.h"

#include <stdlib.h>
#include <string.h>

/* Rows read per page, and the most a window keeps, in screens. */
#define MIN_PAGE 16
#define WINDOW_SCREENS 4

static size_t page_size(const struct dash *d)
{
    return d->height * 2 > MIN_PAGE ? d->height * 2 : MIN_PAGE;
}

void dash_row_clear(struct dash_row *r)
{
    free(r->id);
    free(r->status);
    free(r->theme);
    free(r->member);
    free(r->text);
    for (size_t i = 0; i < DASH_MAX_CELLS; i++)
        free(r->cells[i]);
    memset(r, 0, sizeof *r);
}

static void rows_clear(struct dash_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        dash_row_clear(&l->rows[i]);
    l->n = 0;
}

void dash_list_free(struct dash_list *l)
{
    rows_clear(l);
    free(l->rows);
    memset(l, 0, sizeof *l);
}

struct dash_row *dash_list_take(struct dash *d, const struct pb_page_key *key, const char *id)
{
    struct dash_list *l = d->collect;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->rows = pb_xrealloc(l->rows, l->cap * sizeof *l->rows);
    }
    struct dash_row *r = &l->rows[l->n++];
    memset(r, 0, sizeof *r);
    r->key = *key;
    r->id = pb_xstrdup(id);
    return r;
}

/* Reads one page into out (emptied first), in the list's order whichever
 * way it was read. */
static enum pb_status read_page(struct dash *d, enum dash_pane_id p, const struct pb_page *page,
                                struct dash_list *out, struct pb_error *err)
{
    rows_clear(out);
    d->collect = out;
    enum pb_status s = dash_pane(p)->page(d, page, err);
    d->collect = NULL;
    if (s != PB_OK) {
        rows_clear(out);
        return s;
    }
    if (page->dir == PB_PAGE_BACKWARD)
        for (size_t i = 0, j = out->n; i + 1 < j; i++, j--) {
            struct dash_row t = out->rows[i];
            out->rows[i] = out->rows[j - 1];
            out->rows[j - 1] = t;
        }
    return PB_OK;
}

/* Moves the rows of src to the end (or the start) of l; src is left empty. */
static void splice(struct dash_list *l, struct dash_list *src, bool at_end)
{
    if (src->n == 0)
        return;
    if (l->n + src->n > l->cap) {
        l->cap = l->n + src->n + 32;
        l->rows = pb_xrealloc(l->rows, l->cap * sizeof *l->rows);
    }
    if (at_end) {
        memcpy(l->rows + l->n, src->rows, src->n * sizeof *src->rows);
    } else {
        memmove(l->rows + src->n, l->rows, l->n * sizeof *l->rows);
        memcpy(l->rows, src->rows, src->n * sizeof *src->rows);
        l->cursor += src->n;
        l->top += src->n;
    }
    l->n += src->n;
    src->n = 0;
}

/* Drops rows far from the cursor so the window stays WINDOW_SCREENS pages. */
static void trim(struct dash *d, struct dash_list *l)
{
    size_t keep = page_size(d) * WINDOW_SCREENS;
    if (l->n <= keep)
        return;
    size_t extra = l->n - keep;
    if (l->cursor > l->n / 2) {
        size_t drop = extra < l->top ? extra : l->top;
        for (size_t i = 0; i < drop; i++)
            dash_row_clear(&l->rows[i]);
        memmove(l->rows, l->rows + drop, (l->n - drop) * sizeof *l->rows);
        l->n -= drop;
        l->cursor -= drop;
        l->top -= drop;
        if (drop)
            l->at_start = false;
    } else {
        size_t last_shown = l->top + d->height;
        size_t room = l->n > last_shown ? l->n - last_shown : 0;
        size_t drop = extra < room ? extra : room;
        for (size_t i = l->n - drop; i < l->n; i++)
            dash_row_clear(&l->rows[i]);
        l->n -= drop;
        if (drop)
            l->at_end = false;
    }
}

static enum pb_status extend(struct dash *d, enum dash_pane_id p, bool forward,
                             struct pb_error *err)
{
    struct dash_list *l = &d->lists[p];
    if (l->n == 0 || (forward ? l->at_end : l->at_start))
        return PB_OK;
    size_t limit = page_size(d);
    struct pb_page page = {
        .dir = forward ? PB_PAGE_FORWARD : PB_PAGE_BACKWARD,
        .key = l->rows[forward ? l->n - 1 : 0].key,
        .limit = limit,
    };
    struct dash_list got = {0};
    enum pb_status s = read_page(d, p, &page, &got, err);
    if (s == PB_OK) {
        if (got.n < limit) {
            if (forward)
                l->at_end = true;
            else
                l->at_start = true;
        }
        splice(l, &got, forward);
        trim(d, l);
    }
    dash_list_free(&got);
    return s;
}

enum pb_status dash_list_edge(struct dash *d, enum dash_pane_id p, bool first,
                              struct pb_error *err)
{
    struct dash_list *l = &d->lists[p];
    size_t limit = page_size(d);
    struct pb_page page = {
        .dir = first ? PB_PAGE_FORWARD : PB_PAGE_BACKWARD, .from_edge = true, .limit = limit};
    struct dash_list got = {0};
    enum pb_status s = read_page(d, p, &page, &got, err);
    if (s == PB_OK) {
        rows_clear(l);
        l->cursor = l->top = 0;
        splice(l, &got, true);
        l->at_start = first || l->n < limit;
        l->at_end = !first || l->n < limit;
        if (!first && l->n) {
            l->cursor = l->n - 1;
            l->top = l->n > d->height ? l->n - d->height : 0;
        }
    }
    dash_list_free(&got);
    return s;
}

enum pb_status dash_list_around(struct dash *d, enum dash_pane_id p, const struct pb_page_key *key,
                                size_t screen_row, struct pb_error *err)
{
    struct dash_list *l = &d->lists[p];
    size_t limit = page_size(d);
    struct pb_page back = {.dir = PB_PAGE_BACKWARD, .key = *key, .limit = limit};
    struct pb_page fwd = {.dir = PB_PAGE_FORWARD, .key = *key, .inclusive = true, .limit = limit};
    struct dash_list before = {0}, after = {0};
    enum pb_status s = read_page(d, p, &back, &before, err);
    if (s == PB_OK)
        s = read_page(d, p, &fwd, &after, err);
    if (s == PB_OK) {
        rows_clear(l);
        l->cursor = l->top = 0;
        l->at_start = before.n < limit;
        l->at_end = after.n < limit;
        size_t n_before = before.n, n_after = after.n;
        splice(l, &before, true);
        splice(l, &after, true);
        l->cursor = n_after ? n_before : (n_before ? n_before - 1 : 0);
        l->top = l->cursor > screen_row ? l->cursor - screen_row : 0;
    }
    dash_list_free(&before);
    dash_list_free(&after);
    return s;
}

enum pb_status dash_list_reload(struct dash *d, enum dash_pane_id p, struct pb_error *err)
{
    struct dash_list *l = &d->lists[p];
    if (l->n == 0)
        return dash_list_edge(d, p, true, err);
    struct pb_page_key key = l->rows[l->cursor].key;
    return dash_list_around(d, p, &key, l->cursor - l->top, err);
}

/* Keeps the cursor on the screen, scrolling as little as possible. */
static void scroll_to_cursor(struct dash *d, struct dash_list *l)
{
    size_t h = d->height ? d->height : 1;
    if (l->cursor < l->top)
        l->top = l->cursor;
    else if (l->cursor >= l->top + h)
        l->top = l->cursor - h + 1;
}

enum pb_status dash_list_move(struct dash *d, enum dash_pane_id p, long delta,
                              struct pb_error *err)
{
    struct dash_list *l = &d->lists[p];
    enum pb_status s = PB_OK;
    if (l->n == 0)
        return PB_OK;
    if (delta > 0) {
        while (s == PB_OK && l->cursor + (size_t)delta >= l->n && !l->at_end)
            s = extend(d, p, true, err);
        size_t target = l->cursor + (size_t)delta;
        l->cursor = target < l->n ? target : l->n - 1;
    } else if (delta < 0) {
        size_t back = (size_t)-delta;
        while (s == PB_OK && back > l->cursor && !l->at_start)
            s = extend(d, p, false, err);
        l->cursor = back <= l->cursor ? l->cursor - back : 0;
    }
    scroll_to_cursor(d, l);
    return s;
}

void dash_list_fit(struct dash *d, enum dash_pane_id p)
{
    scroll_to_cursor(d, &d->lists[p]);
}
