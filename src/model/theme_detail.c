/*
 * One theme whole, for the dashboard's detail pane (page.h): its row with
 * counts, its long fields and its sub-group's names, owned by the caller.
 */
#include "page_sql.h"

#include <stdlib.h>
#include <string.h>

/* What pb_theme_get hands out: the detail, and the strings it points to. */
struct owned_theme {
    struct pb_theme_detail detail; /* first, so that the free gets the rest back */
    char *strings[6];
    char **names;
};

static enum pb_status read_subgroup(struct pb_db *db, struct owned_theme *o, const char *id,
                                    struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db,
                                   "SELECT m.name FROM theme_subgroup g"
                                   " JOIN members m ON m.id = g.member"
                                   " WHERE g.theme = :id ORDER BY g.position",
                                   err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    sql_bind_text(st, ":id", id);
    size_t n = 0;
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
        o->names = pb_xrealloc(o->names, (n + 1) * sizeof *o->names);
        o->names[n++] = sql_text_dup(st, 0);
    }
    sqlite3_reset(st);
    o->detail.subgroup = (const char *const *)o->names;
    o->detail.n_subgroup = n;
    return rc < 0 ? (err ? err->status : PB_ERR_INTERNAL) : PB_OK;
}

static char *dup_or_null(const char *s)
{
    return s ? pb_xstrdup(s) : NULL;
}

/* Copies the current row (PAGE_THEME_COLUMNS, then thoughts and portfolio)
 * into o. */
static void keep_row(sqlite3_stmt *st, struct owned_theme *o)
{
    struct pb_theme_row r;
    page_read_theme(st, &r);
    const char *from[6] = {r.id, r.title, r.lead, r.lead_name, sql_text(st, 11), sql_text(st, 12)};
    for (size_t i = 0; i < 6; i++)
        o->strings[i] = dup_or_null(from[i]);
    o->detail.row = r;
    o->detail.row.id = o->strings[0];
    o->detail.row.title = o->strings[1];
    o->detail.row.lead = o->strings[2];
    o->detail.row.lead_name = o->strings[3];
    o->detail.thoughts = o->strings[4];
    o->detail.portfolio = o->strings[5];
}

enum pb_status pb_theme_get(struct pb_db *db, const char *id, struct pb_theme_detail **out,
                            struct pb_error *err)
{
    *out = NULL;
    sqlite3_stmt *st = sql_prepare(db,
                                   PAGE_THEME_COLUMNS ", t.thoughts, t.portfolio FROM themes t"
                                                      " LEFT JOIN members m ON m.id = t.lead"
                                                      " WHERE t.id = :id",
                                   err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    char today[11];
    pb_date_format(pb_db_today(db), today);
    sql_bind_text(st, ":today", today);
    sql_bind_text(st, ":id", id);
    int rc = sql_step(db, st, err);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return rc < 0 ? (err ? err->status : PB_ERR_INTERNAL)
                      : pb_error_set(err, PB_ERR_NOT_FOUND, "no theme '%s'", id);
    }
    struct owned_theme *o = pb_xcalloc(1, sizeof *o);
    keep_row(st, o);
    sqlite3_reset(st);
    enum pb_status s = read_subgroup(db, o, id, err);
    if (s != PB_OK) {
        pb_theme_detail_free(&o->detail);
        return s;
    }
    *out = &o->detail;
    return PB_OK;
}

void pb_theme_detail_free(struct pb_theme_detail *detail)
{
    if (!detail)
        return;
    struct owned_theme *o = (struct owned_theme *)detail;
    for (size_t i = 0; i < 6; i++)
        free(o->strings[i]);
    for (size_t i = 0; i < detail->n_subgroup; i++)
        free(o->names[i]);
    free(o->names);
    free(o);
}
