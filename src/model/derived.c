/*
 * Rebuilding the derived tables after a bulk load (derived.h): one
 * INSERT ... SELECT each, sorted once, where the triggers would have
 * written them row by row (at 100,000 actions they cost a third of the
 * import).
 */
#include "derived.h"
#include "counts.h"

enum pb_status derived_rebuild(struct pb_db *db, struct pb_error *err)
{
    enum pb_status s = sql_exec(db,
                                "DELETE FROM queue_owned;"
                                "INSERT INTO queue_owned (member, due, action) " QUEUE_OWNED_ROWS
                                " ORDER BY 1, 2, 3;",
                                err);
    if (s == PB_OK)
        s = pb_counts_rebuild(db, err);
    return s;
}
