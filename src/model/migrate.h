/* Schema creation and migrations, keyed on PRAGMA user_version. */
#ifndef PANELBOARD_MIGRATE_H
#define PANELBOARD_MIGRATE_H

#include "sql.h"

/* The tables whose rows the history records (and undo restores). */
extern const char *const history_tables[];

/* Brings the database to PB_SCHEMA_VERSION, each step in a transaction.
 * Refuses (touching nothing) a database that is not panelboard's or is
 * newer than this program. */
enum pb_status migrate(struct pb_db *db, struct pb_error *err);

/* "json_object('c1', P.c1, ...)" for table's columns, P being NEW or OLD
 * or a table alias; the caller frees it. */
char *history_json_expr(struct pb_db *db, const char *table, const char *prefix,
                        struct pb_error *err);

#endif
