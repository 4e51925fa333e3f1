/*
 * What the dashboard's header shows (page.h): the panel's name, and the
 * meetings either side of a day, found through meetings_by_date.
 */
#include <panelboard/page.h>

#include "sql.h"

#include <string.h>

static enum pb_status failed(struct pb_error *err)
{
    return err ? err->status : PB_ERR_INTERNAL;
}

enum pb_status pb_panel_name(struct pb_db *db, char **name, struct pb_error *err)
{
    *name = NULL;
    sqlite3_stmt *st = sql_prepare(db, "SELECT name FROM panel WHERE id = 1", err);
    if (!st)
        return failed(err);
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW)
        *name = sql_text_dup(st, 0);
    sqlite3_reset(st);
    return rc < 0 ? failed(err) : PB_OK;
}

static enum pb_status one_meeting(struct pb_db *db, const char *sql, pb_day day, bool *found,
                                  struct pb_meeting_brief *out, struct pb_error *err)
{
    *found = false;
    sqlite3_stmt *st = sql_prepare(db, sql, err);
    if (!st)
        return failed(err);
    char date[11];
    pb_date_format(day, date);
    sql_bind_text(st, ":day", date);
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW) {
        memset(out, 0, sizeof *out);
        const char *id = sql_text(st, 0);
        strncpy(out->id, id, sizeof out->id - 1);
        *found = pb_date_parse(sql_text(st, 1), &out->date);
    }
    sqlite3_reset(st);
    return rc < 0 ? failed(err) : PB_OK;
}

/* Meetings on the same day come in the order they were added (rowid). */
enum pb_status pb_meeting_on_or_before(struct pb_db *db, pb_day day, bool *found,
                                       struct pb_meeting_brief *out, struct pb_error *err)
{
    return one_meeting(db,
                       "SELECT id, date FROM meetings WHERE date <= :day"
                       " ORDER BY date DESC, rowid DESC LIMIT 1",
                       day, found, out, err);
}

enum pb_status pb_meeting_after(struct pb_db *db, pb_day day, bool *found,
                                struct pb_meeting_brief *out, struct pb_error *err)
{
    return one_meeting(db,
                       "SELECT id, date FROM meetings WHERE date > :day"
                       " ORDER BY date, rowid LIMIT 1",
                       day, found, out, err);
}
