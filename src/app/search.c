/*
 * Search as you type: each key moves the cursor to the first row at or
 * after where the search began whose text holds what is typed, wrapping
 * round at the end; Enter keeps the search so that n and N step through
 * the matches; Esc goes back to where the cursor was.
 */
#include "dash_internal.h"

#include "input.h"
#include "list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum pb_status find(struct dash *d, const struct pb_page *from, const char *text,
                           bool *found, struct pb_page_key *at, struct pb_error *err)
{
    return dash_pane_find(d, d->pane, from, text, found, at, err);
}

/* Moves to the first match from `from`, round past the edge if need be. */
static unsigned jump_to_match(struct dash *d, const struct pb_page *from, const char *text)
{
    bool found = false;
    struct pb_page_key at = {0};
    struct pb_error err = {0};
    enum pb_status s = find(d, from, text, &found, &at, &err);
    if (s == PB_OK && !found && !from->from_edge) {
        struct pb_page round = {.dir = from->dir, .from_edge = true};
        s = find(d, &round, text, &found, &at, &err);
        if (s == PB_OK && found)
            dash_message(d, false, "search went round past the %s",
                         from->dir == PB_PAGE_FORWARD ? "end" : "start");
    }
    if (s != PB_OK) {
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    if (!found) {
        dash_message(d, true, "no %s holds '%s'", dash_pane(d->pane)->singular, text);
        return DASH_DRAW_STATUS;
    }
    struct dash_list *l = dash_current(d);
    size_t screen_row = l->n ? l->cursor - l->top : 0;
    if (dash_list_around(d, d->pane, &at, screen_row, &err) != PB_OK)
        dash_fail(d, &err);
    d->detail_stale = true;
    return DASH_DRAW_LIST | DASH_DRAW_DETAIL | DASH_DRAW_STATUS;
}

unsigned dash_start_search(struct dash *d)
{
    const struct dash_row *row = dash_selected(d);
    free(d->search);
    d->search = NULL;
    d->search_from = row ? row->key : (struct pb_page_key){0};
    d->search_from_edge = !row;
    dash_input_start(&d->input, DASH_INPUT_SEARCH, "/", NULL, 0);
    return DASH_DRAW_STATUS;
}

static struct pb_page start_page(const struct dash *d)
{
    return (struct pb_page){.dir = PB_PAGE_FORWARD, .from_edge = d->search_from_edge,
                            .key = d->search_from, .inclusive = true};
}

unsigned dash_search_typed(struct dash *d, const char *text)
{
    struct pb_page from = start_page(d);
    if (!*text) {
        if (d->search_from_edge)
            return 0;
        struct pb_error err = {0};
        if (dash_list_around(d, d->pane, &d->search_from, d->height / 2, &err) != PB_OK)
            dash_fail(d, &err);
        d->detail_stale = true;
        return DASH_DRAW_LIST | DASH_DRAW_DETAIL;
    }
    return jump_to_match(d, &from, text);
}

unsigned dash_search_step(struct dash *d, bool forward)
{
    const struct dash_row *row = dash_selected(d);
    if (!d->search || !row)
        return 0;
    struct pb_page from = {.dir = forward ? PB_PAGE_FORWARD : PB_PAGE_BACKWARD, .key = row->key};
    return jump_to_match(d, &from, d->search);
}

unsigned dash_end_search(struct dash *d)
{
    free(d->search);
    d->search = NULL;
    return DASH_DRAW_STATUS;
}

unsigned dash_cancel_search(struct dash *d)
{
    dash_end_search(d);
    return dash_search_typed(d, "") | DASH_DRAW_STATUS;
}
