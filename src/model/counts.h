/*
 * The count tables (schema_counts.sql), inside the model: the SQL that
 * reads them, what they should hold, and rebuilding them from the actions.
 */
#ifndef PANELBOARD_COUNTS_H
#define PANELBOARD_COUNTS_H

#include "sql.h"

/* The owner keys that are not a member: every action, and those owned by
 * all. */
#define COUNTS_EVERY "''"
#define COUNTS_ALL   "'*'"

/* What the count tables count, one row per action and owner key it counts
 * under (owner, theme, status, due), as the triggers count it. */
#define COUNTS_ROWS                                                                                \
    "SELECT '' AS owner, coalesce(theme, '') AS theme, status, due FROM actions"                   \
    " UNION ALL SELECT '*', coalesce(theme, ''), status, due FROM actions WHERE owners_all = 1"    \
    " UNION ALL SELECT o.member, coalesce(a.theme, ''), a.status, a.due"                           \
    "  FROM action_owners o JOIN actions a ON a.id = o.action WHERE a.owners_all = 0"

/* What each table should hold, as (key..., n): its rows grouped. */
#define COUNTS_BY_STATUS                                                                           \
    "SELECT owner, theme, status, count(*) AS n FROM (" COUNTS_ROWS ")"                            \
    " GROUP BY owner, theme, status"
#define COUNTS_BY_DUE                                                                              \
    "SELECT owner, theme, status, span,"                                                           \
    " CASE span WHEN 'day' THEN due ELSE date(due, 'start of month') END AS due, count(*) AS n"    \
    " FROM (" COUNTS_ROWS ") r, (SELECT 'day' AS span UNION ALL SELECT 'month') s"                 \
    " WHERE r.due IS NOT NULL AND r.status IN ('open', 'in-progress')"                             \
    " GROUP BY 1, 2, 3, 4, 5"

/* Reading them. Each count is a parenthesised integer expression over
 * `from` (what the themes are read from, joined before the count table
 * c, or "") and the owner key `owner` (SQL), with `themes` the conditions
 * (" AND ...") that pick the themes: "" for every theme, else one of
 * these. Never an IN list of themes or statuses: SQLite 3.40's IN-scan
 * (OP_SeekScan), chosen once ANALYZE has run, skips the upper bound of
 * the due range that follows it and counts actions not yet due. */

/* Laid out by hand: clang-format breaks strings beside macro calls apart. */
/* clang-format off */

/* One theme, by an SQL expression. */
#define COUNTS_THEME(theme) " AND c.theme = " theme
/* The themes a member leads (by an SQL expression). */
#define COUNTS_LED_FROM "themes l CROSS JOIN "
#define COUNTS_LED(lead) " AND l.lead = " lead " AND c.theme = l.id"
/* Every theme, one by one, for the due counts: each theme's months and
 * days are sought, instead of every day of every theme being read. The
 * actions without a theme are the one more term COUNTS_THEME("''"). */
#define COUNTS_EVERY_FROM  "themes k CROSS JOIN "
#define COUNTS_EVERY_THEME " AND c.theme = k.id"

/* The actions of a status. */
#define COUNTS_STATUS(from, owner, themes, status)                                                 \
    "(SELECT coalesce(sum(c.n), 0) FROM " from "action_counts c WHERE c.owner = " owner themes     \
    " AND c.status = '" status "')"

/* Those still to do: open or in progress. */
#define COUNTS_LIVE(from, owner, themes)                                                           \
    "(" COUNTS_STATUS(from, owner, themes, "open") " + "                                           \
    COUNTS_STATUS(from, owner, themes, "in-progress") ")"

/* Of a status still to do, those due before :today: the months before
 * today's, then the days of today's month before today. */
#define COUNTS_OVERDUE_OF(from, owner, themes, status)                                             \
    "((SELECT coalesce(sum(c.n), 0) FROM " from "action_due_counts c WHERE c.owner = " owner       \
    themes " AND c.status = '" status "' AND c.span = 'month'"                                     \
    " AND c.due < date(:today, 'start of month'))"                                                 \
    " + (SELECT coalesce(sum(c.n), 0) FROM " from "action_due_counts c WHERE c.owner = " owner     \
    themes " AND c.status = '" status "' AND c.span = 'day'"                                       \
    " AND c.due >= date(:today, 'start of month') AND c.due < :today))"

/* Those still to do and due before :today. */
#define COUNTS_OVERDUE(from, owner, themes)                                                        \
    "(" COUNTS_OVERDUE_OF(from, owner, themes, "open") " + "                                       \
    COUNTS_OVERDUE_OF(from, owner, themes, "in-progress") ")"
/* The same in every theme and none. */
#define COUNTS_OVERDUE_EVERYWHERE(owner)                                                           \
    "(" COUNTS_OVERDUE(COUNTS_EVERY_FROM, owner, COUNTS_EVERY_THEME) " + "                         \
    COUNTS_OVERDUE("", owner, COUNTS_THEME("''")) ")"

/* clang-format on */

/* Empties the count tables and fills them again from the actions and
 * their owners, set-based, in a savepoint of its own (inside the caller's
 * transaction when there is one). For a bulk load that has written the
 * actions without the triggers, and for the migration that adds them. */
enum pb_status pb_counts_rebuild(struct pb_db *db, struct pb_error *err);

/* The migration step: the tables, their triggers (schema_counts.sql) and
 * their rows, from the actions already there. */
enum pb_status counts_create(struct pb_db *db, struct pb_error *err);

/* One line for each count that the tables hold wrongly (for check.c).
 * The owner '' is every action, '*' those owned by all. */
#define COUNTS_CHECK_STATUS                                                                        \
    "SELECT 'action_counts: ' || sum(kept) || ' counted, ' || sum(actual) || ' held, for owner '"  \
    " || quote(owner) || ', theme ' || quote(theme) || ', status ' || status FROM ("               \
    " SELECT owner, theme, status, n AS kept, 0 AS actual FROM action_counts"                      \
    " UNION ALL SELECT owner, theme, status, 0, n FROM (" COUNTS_BY_STATUS "))"                    \
    " GROUP BY owner, theme, status HAVING sum(kept) <> sum(actual)"
#define COUNTS_CHECK_DUE                                                                           \
    "SELECT 'action_due_counts: ' || sum(kept) || ' counted, ' || sum(actual) || ' held, for'"     \
    " || ' owner ' || quote(owner) || ', theme ' || quote(theme) || ', status ' || status"         \
    " || ', ' || span || ' ' || due FROM ("                                                        \
    " SELECT owner, theme, status, span, due, n AS kept, 0 AS actual FROM action_due_counts"       \
    " UNION ALL SELECT owner, theme, status, span, due, 0, n FROM (" COUNTS_BY_DUE "))"            \
    " GROUP BY owner, theme, status, span, due HAVING sum(kept) <> sum(actual)"

#endif
