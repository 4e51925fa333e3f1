/*
 * Reading the action log (action_log.h): which meeting it is for, the one
 * before, and the actions outstanding at it or closed since, in one
 * savepoint so that all of it comes from one snapshot. An action's past is
 * read from the history's images of its row (change_rows, JSON), dated by
 * the day each change counts for.
 */
#include <panelboard/action_log.h>
#include <panelboard/record.h>

#include "sql.h"

#include <stdlib.h>
#include <string.h>

struct record {
    struct pb_action_log pub; /* first */
    struct pb_action_log_entry *open, *closed;
    size_t cap_open, cap_closed;
    void **owned;
    size_t n_owned, cap_owned;
};

static void grow(void **arr, size_t n, size_t *cap, size_t size)
{
    if (n == *cap) {
        *cap = *cap ? 2 * *cap : 8;
        *arr = pb_xrealloc(*arr, *cap * size);
    }
}

static void *own(struct record *r, void *p)
{
    if (p) {
        grow((void **)&r->owned, r->n_owned, &r->cap_owned, sizeof *r->owned);
        r->owned[r->n_owned++] = p;
    }
    return p;
}

static const char *keep(struct record *r, sqlite3_stmt *st, int col)
{
    return own(r, sql_text_dup(st, col));
}

static enum pb_status failed(struct pb_error *err)
{
    return err ? err->status : PB_ERR_INTERNAL;
}

/* One meeting's id, date and title into the three pointers; *found says
 * whether there was a row. */
static enum pb_status one_meeting(struct pb_db *db, struct record *r, const char *sql,
                                  const char *name, const char *value, const char **id,
                                  const char **date, const char **title, bool *found,
                                  struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, sql, err);
    if (!st)
        return failed(err);
    sql_bind_text(st, name, value);
    int rc = sql_step(db, st, err);
    *found = rc == SQLITE_ROW;
    if (*found) {
        *id = keep(r, st, 0);
        *date = keep(r, st, 1);
        if (title)
            *title = keep(r, st, 2);
    }
    sqlite3_reset(st);
    return rc < 0 ? failed(err) : PB_OK;
}

/* The meeting the log is for, its date (today when there is none), and
 * the meeting before it. */
static enum pb_status find_meetings(struct pb_db *db, struct record *r, const char *before,
                                    struct pb_error *err)
{
    char today[11];
    pb_date_format(pb_db_today(db), today);
    bool found;
    enum pb_status s;
    if (before) {
        s = one_meeting(db, r, "SELECT id, date, title FROM meetings WHERE id = :id", ":id", before,
                        &r->pub.meeting, &r->pub.date, &r->pub.meeting_title, &found, err);
        /* the model's one "no meeting 'x'; did you mean 'y'?" */
        if (s == PB_OK && !found)
            return pb_record_require(db, PB_KIND_MEETING, before, err);
    } else {
        s = one_meeting(db, r,
                        "SELECT id, date, title FROM meetings WHERE date >= :today "
                        "ORDER BY date, rowid LIMIT 1",
                        ":today", today, &r->pub.meeting, &r->pub.date, &r->pub.meeting_title,
                        &found, err);
        if (s == PB_OK && !found)
            r->pub.date = own(r, pb_xstrdup(today));
    }
    if (s != PB_OK)
        return s;
    return one_meeting(db, r,
                       "SELECT id, date FROM meetings WHERE date < :date "
                       "ORDER BY date DESC, rowid DESC LIMIT 1",
                       ":date", r->pub.date, &r->pub.previous, &r->pub.previous_date, NULL, &found,
                       err);
}

static enum pb_status panel_name(struct pb_db *db, struct record *r, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, "SELECT name FROM panel", err);
    if (!st)
        return failed(err);
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW)
        r->pub.panel_name = keep(r, st, 0);
    sqlite3_reset(st);
    return rc < 0 ? failed(err) : PB_OK;
}

static enum pb_status read_owners(struct pb_db *db, struct record *r,
                                  struct pb_action_log_entry *e, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db,
        "SELECT o.member, m.named FROM action_owners o JOIN member_named m ON m.id = o.member "
        "WHERE o.action = :action ORDER BY o.position",
        err);
    if (!st)
        return failed(err);
    sql_bind_int(st, ":action", e->id);
    const char **ids = NULL, **named = NULL;
    size_t cap_ids = 0, cap_named = 0;
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
        grow((void **)&ids, e->n_owners, &cap_ids, sizeof *ids);
        grow((void **)&named, e->n_owners, &cap_named, sizeof *named);
        ids[e->n_owners] = keep(r, st, 0);
        named[e->n_owners++] = keep(r, st, 1);
    }
    sqlite3_reset(st);
    e->owner_ids = own(r, ids);
    e->owners = own(r, named);
    return rc < 0 ? failed(err) : PB_OK;
}

/*
 * Every action agreed before the cut-off (:date) with its status then
 * (`then_status`), the day it was closed and the latest update by then; the outer
 * query keeps those outstanding or closed since :previous. `hist` is the
 * history of the actions' rows, dated by the day each change counts for.
 */
static const char entries_sql[] =
    "WITH hist AS MATERIALIZED ("
    "  SELECT r.row_id AS action, r.id AS seq, coalesce(c.on_day, date(c.at)) AS day,"
    "         json_extract(r.before, '$.status') AS was,"
    "         json_extract(r.after, '$.status') AS became, r.before IS NULL AS created"
    "  FROM change_rows r JOIN changes c ON c.id = r.change WHERE r.tbl = 'actions'"
    "), log AS ("
    "  SELECT a.*, g.date AS mdate, g.title AS mtitle, g.rowid AS mseq,"
    "    coalesce((SELECT became FROM hist h WHERE h.action = a.id AND h.day <= :date"
    "              ORDER BY seq DESC LIMIT 1), a.status) AS then_status,"
    "    (SELECT min(day) FROM hist h WHERE h.action = a.id AND h.created) AS created_day,"
    "    CASE WHEN EXISTS (SELECT 1 FROM hist h WHERE h.action = a.id"
    "                      AND h.was IN ('open', 'in-progress')"
    "                      AND h.became IN ('done', 'dropped'))"
    "      THEN (SELECT day FROM hist h WHERE h.action = a.id AND h.day <= :date"
    "            AND h.was IN ('open', 'in-progress') AND h.became IN ('done', 'dropped')"
    "            ORDER BY seq DESC LIMIT 1)"
    "      ELSE (SELECT max(date) FROM updates u WHERE u.action = a.id AND u.date <= :date)"
    "    END AS closed_day,"
    "    (SELECT id FROM updates u WHERE u.action = a.id AND u.date <= :date"
    "     ORDER BY u.date DESC, u.rowid DESC LIMIT 1) AS last_update"
    "  FROM actions a LEFT JOIN meetings g ON g.id = a.meeting"
    ") "
    "SELECT l.id, l.title, l.owners_all, l.theme, l.due, l.then_status, l.ref, l.meeting, l.mdate,"
    "  l.mtitle, l.item, i.title, coalesce(i.exempt, 0), u.text, u.date, m.named,"
    "  CASE WHEN l.due IS NULL THEN 3 WHEN l.due < min(:today, :date) THEN 0"
    "       WHEN l.due < :date THEN 1 ELSE 2 END,"
    "  l.closed_day, l.then_status IN ('open', 'in-progress') "
    "FROM log l LEFT JOIN items i ON i.meeting = l.meeting AND i.ref = l.item"
    " LEFT JOIN updates u ON u.id = l.last_update LEFT JOIN member_named m ON m.id = u.by "
    "WHERE (l.meeting IS NOT NULL AND l.mdate < :date"
    "       OR l.meeting IS NULL AND (l.created_day IS NULL OR l.created_day <= :date))"
    "  AND (l.then_status IN ('open', 'in-progress')"
    "       OR l.closed_day IS NOT NULL AND (:previous IS NULL OR l.closed_day > :previous)) "
    "ORDER BY l.then_status NOT IN ('open', 'in-progress'),"
    "  CASE WHEN l.then_status IN ('open', 'in-progress') THEN '' ELSE l.closed_day END,"
    "  l.meeting IS NULL, l.mdate, l.mseq, i.rowid IS NULL, i.rowid, l.item, l.id";

static enum pb_status entry_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                struct pb_error *err)
{
    bool open = sqlite3_column_int(st, 18) != 0;
    struct pb_action_log_entry *e;
    if (open) {
        grow((void **)&r->open, r->pub.n_open, &r->cap_open, sizeof *r->open);
        e = &r->open[r->pub.n_open++];
    } else {
        grow((void **)&r->closed, r->pub.n_closed, &r->cap_closed, sizeof *r->closed);
        e = &r->closed[r->pub.n_closed++];
    }
    memset(e, 0, sizeof *e);
    e->id = sqlite3_column_int64(st, 0);
    e->title = keep(r, st, 1);
    e->owners_all = sqlite3_column_int(st, 2) != 0;
    e->theme = keep(r, st, 3);
    e->due = keep(r, st, 4);
    e->status = keep(r, st, 5);
    e->ref = keep(r, st, 6);
    e->meeting = keep(r, st, 7);
    e->meeting_date = keep(r, st, 8);
    e->meeting_title = keep(r, st, 9);
    e->item = keep(r, st, 10);
    e->item_title = keep(r, st, 11);
    e->item_exempt = sqlite3_column_int(st, 12) != 0;
    e->update = keep(r, st, 13);
    e->update_date = keep(r, st, 14);
    e->update_by = keep(r, st, 15);
    e->state = (enum pb_action_log_state)sqlite3_column_int(st, 16);
    if (!open)
        e->closed_on = keep(r, st, 17);
    return read_owners(db, r, e, err);
}

static enum pb_status read_entries(struct pb_db *db, struct record *r, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, entries_sql, err);
    if (!st)
        return failed(err);
    char today[11];
    pb_date_format(pb_db_today(db), today);
    sql_bind_text(st, ":today", today);
    sql_bind_text(st, ":date", r->pub.date);
    sql_bind_text(st, ":previous", r->pub.previous_date);
    enum pb_status s = PB_OK;
    int rc;
    while (s == PB_OK && (rc = sql_step(db, st, err)) == SQLITE_ROW)
        s = entry_row(db, r, st, err);
    sqlite3_reset(st);
    if (s == PB_OK && rc < 0)
        s = failed(err);
    return s;
}

enum pb_status pb_action_log_load(struct pb_db *db, const char *before, struct pb_action_log **out,
                                  struct pb_error *err)
{
    *out = NULL;
    enum pb_status s = sql_exec(db, "SAVEPOINT action_log_load", err);
    if (s != PB_OK)
        return s;
    struct record *r = pb_xcalloc(1, sizeof *r);
    s = find_meetings(db, r, before, err);
    if (s == PB_OK)
        s = panel_name(db, r, err);
    if (s == PB_OK)
        s = read_entries(db, r, err);
    /* Only read: releasing is all there is to undo. */
    sqlite3_exec(db->sql, "RELEASE action_log_load", NULL, NULL, NULL);
    r->pub.open = r->open;
    r->pub.closed = r->closed;
    if (s != PB_OK) {
        pb_action_log_free(&r->pub);
        return s;
    }
    *out = &r->pub;
    return PB_OK;
}

void pb_action_log_free(struct pb_action_log *log)
{
    if (!log)
        return;
    struct record *r = (struct record *)log;
    for (size_t i = 0; i < r->n_owned; i++)
        free(r->owned[i]);
    free(r->owned);
    free(r->open);
    free(r->closed);
    free(r);
}
