/*
 * Pages of the lists other than actions (page.h): each list is one
 * SELECT in display order whose first column is the order key, paged by
 * that key, searched by text and counted. The typed rows are made from it
 * in page_rows.c.
 */
#include "page_sql.h"

#include <stdlib.h>

/* A lead's actions still to do, and their overdue ones, from the count
 * tables (counts.h): those all own, those they own, and those of their
 * themes, less the ones of their themes already counted as all's or
 * theirs, so that none is counted twice. */
/* clang-format off */
#define LEAD_OPEN                                                                                  \
    "(" COUNTS_LIVE("", COUNTS_ALL, "") " + " COUNTS_LIVE("", "t.lead", "")                        \
    " + " COUNTS_LIVE(COUNTS_LED_FROM, COUNTS_EVERY, COUNTS_LED("t.lead"))                         \
    " - " COUNTS_LIVE(COUNTS_LED_FROM, COUNTS_ALL, COUNTS_LED("t.lead"))                           \
    " - " COUNTS_LIVE(COUNTS_LED_FROM, "t.lead", COUNTS_LED("t.lead")) ")"
#define LEAD_OVERDUE                                                                               \
    "(" COUNTS_OVERDUE_EVERYWHERE(COUNTS_ALL) " + " COUNTS_OVERDUE_EVERYWHERE("t.lead")            \
    " + " COUNTS_OVERDUE(COUNTS_LED_FROM, COUNTS_EVERY, COUNTS_LED("t.lead"))                      \
    " - " COUNTS_OVERDUE(COUNTS_LED_FROM, COUNTS_ALL, COUNTS_LED("t.lead"))                        \
    " - " COUNTS_OVERDUE(COUNTS_LED_FROM, "t.lead", COUNTS_LED("t.lead")) ")"
/* clang-format on */

/* A lead appears at their first theme. */
#define FIRST_THEME_OF_LEAD                                                                        \
    " t.lead IS NOT NULL AND NOT EXISTS (SELECT 1 FROM themes f WHERE f.lead = t.lead"             \
    " AND f.position < t.position)"

struct list_def {
    const char *select; /* column 0: the order */
    const char *order;  /* the order's expression */
    const char *where;  /* always true of the list's rows, or NULL */
    const char *find;   /* true when the row's text holds :text */
    bool today;         /* the select takes :today */
    const char *count;
};

static const struct list_def lists[] = {
    [PB_LIST_THEMES] =
        {
            .select = PAGE_THEME_COLUMNS " FROM themes t INDEXED BY themes_by_position"
                                         " LEFT JOIN members m ON m.id = t.lead",
            .order = "t.position",
            .find = "instr(lower(t.id), :text) OR instr(lower(t.title), :text)"
                    " OR instr(lower(m.name), :text)",
            .today = true,
            .count = "SELECT count(*) FROM themes",
        },
    [PB_LIST_LEADS] =
        {
            /* clang-format off */
            .select =
                "SELECT t.position, t.lead, m.name, m.post,"
                " (SELECT group_concat(title, ', ') FROM (SELECT title FROM themes l"
                "  WHERE l.lead = t.lead ORDER BY l.position)), "
                LEAD_OPEN ", " LEAD_OVERDUE ","
                " (SELECT max(date) FROM updates u WHERE u.by = t.lead)"
                " FROM themes t INDEXED BY themes_by_position"
                " JOIN members m ON m.id = t.lead",
            /* clang-format on */
            .order = "t.position",
            .where = FIRST_THEME_OF_LEAD,
            .find = "instr(lower(t.lead), :text) OR instr(lower(m.name), :text)"
                    " OR EXISTS (SELECT 1 FROM themes l WHERE l.lead = t.lead"
                    " AND instr(lower(l.title), :text))",
            .today = true,
            .count = "SELECT count(*) FROM themes t WHERE" FIRST_THEME_OF_LEAD,
        },
    [PB_LIST_MEMBERS] =
        {
            .select = PAGE_MEMBER_SELECT,
            .order = "m.rowid",
            .find = "instr(lower(m.id), :text) OR instr(lower(m.name), :text)"
                    " OR instr(lower(m.post), :text) OR instr(lower(m.organisation), :text)",
            .count = "SELECT count(*) FROM members",
        },
    [PB_LIST_CO_OPTIONS] =
        {
            .select = "SELECT c.rowid, c.id, c.sector, c.status, c.member, h.name,"
                      " c.nominated_by, c.resolved, c.ref, c.term_end, c.notes, c.revision"
                      " FROM co_options c LEFT JOIN members h ON h.id = c.member",
            .order = "c.rowid",
            .find = "instr(lower(c.id), :text) OR instr(lower(c.sector), :text)"
                    " OR instr(lower(h.name), :text)",
            .count = "SELECT count(*) FROM co_options",
        },
    [PB_LIST_STRATEGIES] =
        {
            .select = "SELECT s.rowid, s.id, s.title, s.parent, s.from_date, s.to_date,"
                      " s.revision FROM strategies s",
            .order = "s.rowid",
            .find = "instr(lower(s.id), :text) OR instr(lower(s.title), :text)",
            .count = "SELECT count(*) FROM strategies",
        },
    [PB_LIST_FEEDBACK] =
        {
            .select = "SELECT f.id, f.date, f.theme, f.said, f.did, f.action, f.status, f.told,"
                      " f.channel, f.revision FROM feedback f",
            .order = "f.id",
            .find = "instr(lower(f.said), :text) OR instr(lower(f.did), :text)",
            .count = "SELECT count(*) FROM feedback",
        },
};

static const struct list_def *def_of(enum pb_list list)
{
    return (size_t)list < sizeof lists / sizeof lists[0] ? &lists[list] : NULL;
}

const char *page_list_sql(struct pb_db *db, enum pb_list list, enum pb_page_dir dir,
                          enum page_start start, bool find)
{
    const struct list_def *d = def_of(list);
    bool forward = dir == PB_PAGE_FORWARD;
    struct pb_buf b = {0};
    pb_buf_addf(&b, "%s WHERE 1", d->select);
    if (d->where)
        pb_buf_addf(&b, " AND%s", d->where);
    pb_buf_addf(&b, " AND %s %s :order", d->order,
                forward ? (start == PAGE_AT ? ">=" : ">") : (start == PAGE_AT ? "<=" : "<"));
    if (find)
        pb_buf_addf(&b, " AND (%s)", d->find);
    pb_buf_addf(&b, " ORDER BY %s%s LIMIT :limit", d->order, forward ? "" : " DESC");
    return sql_keep_unique(db, pb_buf_take(&b));
}

static enum pb_status no_list(struct pb_error *err)
{
    return pb_error_set(err, PB_ERR_INTERNAL, "no such list");
}

enum pb_status page_list_run(struct pb_db *db, enum pb_list list, const struct pb_page *page,
                             const char *find, page_row_fn row_fn, void *ctx, struct pb_error *err)
{
    const struct list_def *d = def_of(list);
    if (!d)
        return no_list(err);
    if (page->limit == 0)
        return PB_OK;
    enum page_start start = page_start_of(page);
    sqlite3_stmt *st = sql_prepare(db, page_list_sql(db, list, page->dir, start, find), err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    if (d->today) {
        char today[11];
        pb_date_format(pb_db_today(db), today);
        sql_bind_text(st, ":today", today);
    }
    int64_t edge = page->dir == PB_PAGE_FORWARD ? INT64_MIN : INT64_MAX;
    sql_bind_int(st, ":order", start == PAGE_EDGE ? edge : page->key.order);
    if (find)
        sql_bind_text(st, ":text", find);
    sql_bind_int(st, ":limit", page->limit > INT64_MAX ? INT64_MAX : (int64_t)page->limit);
    enum pb_status s = PB_OK;
    int rc = SQLITE_DONE;
    while (s == PB_OK && (rc = sql_step(db, st, err)) == SQLITE_ROW)
        s = row_fn(db, st, ctx, err);
    sqlite3_reset(st);
    if (s == PB_OK && rc < 0)
        s = err ? err->status : PB_ERR_INTERNAL;
    return s;
}

struct found {
    bool found;
    int64_t order;
};

static enum pb_status note_found(struct pb_db *db, sqlite3_stmt *st, void *ctx,
                                 struct pb_error *err)
{
    (void)db;
    (void)err;
    struct found *f = ctx;
    f->found = true;
    f->order = sqlite3_column_int64(st, 0);
    return PB_OK;
}

enum pb_status pb_list_find(struct pb_db *db, enum pb_list list, const struct pb_page *from,
                            const char *text, bool *found, struct pb_page_key *at,
                            struct pb_error *err)
{
    *found = false;
    struct pb_page one = *from;
    one.limit = 1;
    char *lower = page_find_text(text);
    struct found f = {0};
    enum pb_status s = page_list_run(db, list, &one, lower, note_found, &f, err);
    free(lower);
    if (s == PB_OK && f.found) {
        *found = true;
        *at = (struct pb_page_key){.order = f.order};
    }
    return s;
}

enum pb_status pb_list_count(struct pb_db *db, enum pb_list list, int64_t *n, struct pb_error *err)
{
    *n = 0;
    const struct list_def *d = def_of(list);
    if (!d)
        return no_list(err);
    sqlite3_stmt *st = sql_prepare(db, d->count, err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc < 0 ? (err ? err->status : PB_ERR_INTERNAL) : PB_OK;
}
