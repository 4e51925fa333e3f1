/* What the pane files (pane_*.c) share inside the app. */
#ifndef PANELBOARD_APP_PANES_H
#define PANELBOARD_APP_PANES_H

#include "dash.h"

#include <stdio.h>

extern const struct dash_pane_ops dash_pane_themes;
extern const struct dash_pane_ops dash_pane_leads;
extern const struct dash_pane_ops dash_pane_actions;
extern const struct dash_pane_ops dash_pane_co_opted;
extern const struct dash_pane_ops dash_pane_strategies;
extern const struct dash_pane_ops dash_pane_feedback;

/* An action's owners as ids, "all" first: "all,gov-officer". */
void dash_owners_text(const struct pb_action *a, struct pb_buf *b);

/* The list's find and count for the panes other than actions. */
enum pb_status dash_list_find(struct dash *d, enum pb_list list, const struct pb_page *from,
                              const char *text, bool *found, struct pb_page_key *at,
                              struct pb_error *err);
enum pb_status dash_list_count_text(struct dash *d, enum pb_list list, const char *singular,
                                    const char *plural, char *buf, size_t size,
                                    struct pb_error *err);

/* Up to max of the open actions a query shows, as detail lines. */
enum pb_status dash_detail_actions(struct dash *d, const struct pb_action_query *q, size_t max,
                                   struct pb_error *err);

#endif
