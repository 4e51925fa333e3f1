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

/* What each table should hold, in its columns' order and n: its rows
 * grouped. */
#define COUNTS_BY_STATUS                                                                           \
    "SELECT owner, theme, status, count(*) AS n FROM (" COUNTS_ROWS ")"                            \
    " GROUP BY owner, theme, status"
#define COUNTS_LIVE_DATED " WHERE due IS NOT NULL AND status IN ('open', 'in-progress')"
#define COUNTS_BY_MONTH                                                                            \
    "SELECT owner, theme, date(due, 'start of month') AS month, status, count(*) AS n"             \
    " FROM (" COUNTS_ROWS ")" COUNTS_LIVE_DATED " GROUP BY owner, theme, month, status"
#define COUNTS_BY_DAY                                                                              \
    "SELECT owner, due, theme, status, count(*) AS n FROM (" COUNTS_ROWS ")" COUNTS_LIVE_DATED    \
    " GROUP BY owner, due, theme, status"

/* Reading them. Each count is a parenthesised integer expression under
 * the owner key `owner` (SQL) over the themes that `from` (joined before
 * the count table c, or "") and `themes` (conditions, " AND ...") pick:
 * "" and "" for every theme, else one of these. Never an IN list before a
 * range: SQLite 3.40's IN-scan (OP_SeekScan), chosen once ANALYZE has run,
 * skips the upper bound of the range that follows it and counted actions
 * not yet due. */

/* Laid out by hand: clang-format breaks strings beside macro calls apart. */
/* clang-format off */

/* One theme, by an SQL expression. */
#define COUNTS_THEME(theme) " AND c.theme = " theme
/* The themes a member leads (by an SQL expression). */
#define COUNTS_LED_FROM "themes l CROSS JOIN "
#define COUNTS_LED(lead) " AND l.lead = " lead " AND c.theme = l.id"
/* Every theme, one by one, for the months: each theme's run of months is
 * sought, instead of every theme's every month being read. The actions
 * without a theme are the one more term COUNTS_THEME("''"). */
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

/* Of those still to do (and of statuses, " AND c.status = ..." or ""),
 * the ones due in the months before today's, and on the days of today's
 * month before today. */
#define COUNTS_MONTHS_BEFORE(from, owner, themes, statuses)                                        \
    "(SELECT coalesce(sum(c.n), 0) FROM " from "action_month_counts c WHERE c.owner = " owner      \
    themes " AND c.month < date(:today, 'start of month')" statuses ")"
#define COUNTS_DAYS_BEFORE(from, owner, themes, statuses)                                          \
    "(SELECT coalesce(sum(c.n), 0) FROM " from "action_day_counts c WHERE c.owner = " owner        \
    " AND c.due >= date(:today, 'start of month') AND c.due < :today" themes statuses ")"

/* Those still to do and due before :today, in the themes picked, or in
 * every theme and none. */
#define COUNTS_OVERDUE(from, owner, themes)                                                        \
    "(" COUNTS_MONTHS_BEFORE(from, owner, themes, "") " + "                                        \
    COUNTS_DAYS_BEFORE(from, owner, themes, "") ")"
#define COUNTS_OVERDUE_EVERYWHERE(owner)                                                           \
    "(" COUNTS_MONTHS_BEFORE(COUNTS_EVERY_FROM, owner, COUNTS_EVERY_THEME, "") " + "               \
    COUNTS_MONTHS_BEFORE("", owner, COUNTS_THEME("''"), "") " + "                                  \
    COUNTS_DAYS_BEFORE("", owner, "", "") ")"

/* clang-format on */

/* Empties the count tables and fills them again from the actions and
 * their owners, set-based, in a savepoint of its own (inside the caller's
 * transaction when there is one). For a bulk load that has written the
 * actions without the triggers, and for the migration that adds them. */
enum pb_status pb_counts_rebuild(struct pb_db *db, struct pb_error *err);

/* The migration step: the tables, their triggers (schema_counts.sql) and
 * their rows, from the actions already there. */
enum pb_status counts_create(struct pb_db *db, struct pb_error *err);

/* One line for each count that a table holds wrongly (for check.c): the
 * table, its key and the counts kept and held by the actions. The owner
 * '' is every action, '*' those owned by all. */
#define COUNTS_CHECK(table, key, by)                                                               \
    "SELECT '" table ": ' || sum(kept) || ' counted, ' || sum(actual) || ' held, for '"            \
    " || k FROM (SELECT " key " AS k, n AS kept, 0 AS actual FROM " table                          \
    " UNION ALL SELECT " key ", 0, n FROM (" by ")) GROUP BY k HAVING sum(kept) <> sum(actual)"
#define COUNTS_CHECK_STATUS                                                                        \
    COUNTS_CHECK("action_counts",                                                                  \
                 "'owner ' || quote(owner) || ', theme ' || quote(theme) || ', ' || status",       \
                 COUNTS_BY_STATUS)
#define COUNTS_CHECK_MONTH                                                                         \
    COUNTS_CHECK("action_month_counts",                                                            \
                 "'owner ' || quote(owner) || ', theme ' || quote(theme) || ', month ' || month"   \
                 " || ', ' || status",                                                             \
                 COUNTS_BY_MONTH)
#define COUNTS_CHECK_DAY                                                                           \
    COUNTS_CHECK("action_day_counts",                                                              \
                 "'owner ' || quote(owner) || ', theme ' || quote(theme) || ', day ' || due"       \
                 " || ', ' || status",                                                             \
                 COUNTS_BY_DAY)

#endif
