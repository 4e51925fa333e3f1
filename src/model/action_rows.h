/*
 * What action.c shares with the pages (page_actions.c): the columns every
 * read of actions selects, streaming them to a callback, and the checks of
 * the ids a filter names.
 */
#ifndef PANELBOARD_ACTION_ROWS_H
#define PANELBOARD_ACTION_ROWS_H

#include <panelboard/action.h>
#include <panelboard/record.h>

#include "sql.h"

/* An action still to do: open or in progress, over the actions aliased a.
 * Word for word the WHERE of the partial indexes (migrate.c's
 * step_page_indexes), so that the planner can use them for a query that
 * says it. */
#define ACTION_LIVE "a.status IN ('open', 'in-progress')"

/* The one definition of overdue, for every listing, filter, page and
 * report: still to do, and due before the database's today (:today, bound
 * by action_bind_today). An action with no due date is never overdue. */
#define ACTION_OVERDUE ACTION_LIVE " AND a.due < :today"

/* Every read of actions selects these columns, in this order (see
 * read_action). Owners come joined by commas, which ids cannot hold, in
 * the order of the subquery, which group_concat keeps. */
#define ACTION_COLUMNS ACTION_COLUMNS_AS("a.id", "a.due") " FROM actions a"

/* The same columns over actions a, without the FROM, with the id and the
 * due date from other columns equal to them (a.id, a.due), so that the
 * planner sees a query's order in the table it reads in that order. */
#define ACTION_COLUMNS_AS(id, due)                                                                 \
    "SELECT " id ", a.title, a.owners_all,"                                                        \
    " (SELECT group_concat(member, ',') FROM (SELECT member FROM action_owners"                    \
    "   WHERE action = a.id ORDER BY position)),"                                                  \
    " a.theme, " due ", a.status, a.meeting, a.ref, a.revision, " ACTION_OVERDUE

/* Binds :today, which every ACTION_COLUMNS statement takes. */
void action_bind_today(struct pb_db *db, sqlite3_stmt *st);

/* Steps st, an ACTION_COLUMNS statement with everything bound, handing
 * each action to fn; resets st. */
enum pb_status action_stream(struct pb_db *db, sqlite3_stmt *st, pb_action_fn fn, void *ctx,
                             struct pb_error *err);

/* The text of listing `which` (a bit set: 1 theme, 2 owner, 4 status,
 * 8 overdue), for the tests of their plans. */
const char *action_list_sql(unsigned which);

/* A member, theme or meeting that must exist; a typo gets the nearest id. */
enum pb_status action_check_ref(struct pb_db *db, enum pb_kind kind, const char *id,
                                struct pb_error *err);
/* Every id the filter names exists, and its status is one of ours. */
enum pb_status action_check_filter(struct pb_db *db, const struct pb_action_filter *f,
                                   struct pb_error *err);

#endif
