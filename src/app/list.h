/* The window of rows each pane keeps (list.c), inside the app. */
#ifndef PANELBOARD_APP_LIST_H
#define PANELBOARD_APP_LIST_H

#include "dash.h"

void dash_row_clear(struct dash_row *r);
void dash_list_free(struct dash_list *l);

/* The first (or last) page of pane p, the cursor on its first (last) row. */
enum pb_status dash_list_edge(struct dash *d, enum dash_pane_id p, bool first,
                              struct pb_error *err);
/* The rows around key, the cursor on key's row (or the next one when it is
 * gone) at screen_row rows from the top of the screen. */
enum pb_status dash_list_around(struct dash *d, enum dash_pane_id p, const struct pb_page_key *key,
                                size_t screen_row, struct pb_error *err);
/* Re-reads the window around the cursor's row. */
enum pb_status dash_list_reload(struct dash *d, enum dash_pane_id p, struct pb_error *err);
/* Moves the cursor delta rows, reading pages as it passes the window's edge. */
enum pb_status dash_list_move(struct dash *d, enum dash_pane_id p, long delta,
                              struct pb_error *err);
/* Scrolls so the cursor is on the screen (after a resize). */
void dash_list_fit(struct dash *d, enum dash_pane_id p);

#endif
