/*
 * The tables derived from the actions and their owners: queue_owned
 * (schema_queue.sql) and the count tables (counts.h). Triggers keep them;
 * a bulk load big enough to rebuild the actions' indexes (bulk.c) silences
 * those triggers with the bulk_marks row DERIVED_MARK (the triggers name
 * it as 'derived') and rebuilds the tables here at once at its end.
 */
#ifndef PANELBOARD_DERIVED_H
#define PANELBOARD_DERIVED_H

#include "sql.h"

#define DERIVED_MARK "derived"

/* What queue_owned holds: (member, due or '', action) of each owner of a
 * live action that is not everyone's. */
#define QUEUE_OWNED_ROWS                                                                           \
    "SELECT o.member, coalesce(a.due, ''), a.id FROM action_owners o"                              \
    " JOIN actions a ON a.id = o.action"                                                           \
    " WHERE a.owners_all = 0 AND a.status IN ('open', 'in-progress')"

/* Empties every derived table and fills it again from the actions. */
enum pb_status derived_rebuild(struct pb_db *db, struct pb_error *err);

#endif
