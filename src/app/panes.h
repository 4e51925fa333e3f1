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
extern const struct dash_pane_ops dash_pane_agenda;

/* Whether text holds what, ASCII letters in either case. */
bool dash_contains(const char *text, const char *what);

/* An action's owners as ids, "all" first: "all,gov-officer". */
void dash_owners_text(const struct pb_action *a, struct pb_buf *b);

/* Up to max of the open actions a query shows, as detail lines. */
enum pb_status dash_detail_actions(struct dash *d, const struct pb_action_query *q, size_t max,
                                   struct pb_error *err);

#endif
