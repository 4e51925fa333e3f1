/*
 * The count tables (schema_counts.sql): creating them with their triggers,
 * and filling them from the actions in one pass, set-based, for the
 * migration that adds them and for a bulk load that wrote actions without
 * the triggers.
 */
#include "counts.h"

extern const char pb_schema_counts_sql[];

enum pb_status pb_counts_rebuild(struct pb_db *db, struct pb_error *err)
{
    enum pb_status s = sql_exec(db, "SAVEPOINT counts_rebuild", err);
    if (s != PB_OK)
        return s;
    s = sql_exec(db,
                 "DELETE FROM action_counts; DELETE FROM action_month_counts;"
                 " DELETE FROM action_day_counts;"
                 "INSERT INTO action_counts (owner, theme, status, n) " COUNTS_BY_STATUS ";"
                 "INSERT INTO action_month_counts (owner, theme, month, status, n) " COUNTS_BY_MONTH
                 ";"
                 "INSERT INTO action_day_counts (owner, due, theme, status, n) " COUNTS_BY_DAY ";",
                 err);
    if (s != PB_OK)
        sqlite3_exec(db->sql, "ROLLBACK TO counts_rebuild", NULL, NULL, NULL);
    sqlite3_exec(db->sql, "RELEASE counts_rebuild", NULL, NULL, NULL);
    return s;
}

enum pb_status counts_create(struct pb_db *db, struct pb_error *err)
{
    enum pb_status s = sql_exec(db, pb_schema_counts_sql, err);
    if (s == PB_OK)
        s = pb_counts_rebuild(db, err);
    return s;
}
