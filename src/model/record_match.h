/* The model's own: the row an id-less record of the panel file is
 * (record_match.c). */
#ifndef PANELBOARD_RECORD_MATCH_H
#define PANELBOARD_RECORD_MATCH_H

#include <panelboard/record.h>

/* For an action or feedback item without an id: *id the one row that
 * matches it (0 when none, or for other kinds); several: PB_ERR_DATA
 * naming their ids. */
enum pb_status record_match_unkeyed(struct pb_db *db, enum pb_kind kind,
                                    const struct pb_value *values, int64_t *id,
                                    struct pb_error *err);

#endif
