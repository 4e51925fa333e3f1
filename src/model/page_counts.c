/*
 * Counting the actions a query shows, by status and overdue (page.h).
 * Whatever the count tables can answer (counts.h) is read from them, in a
 * few seeks however many actions there are: every filter but the text
 * search, and a member's queue, as sums and differences of what they hold
 * under each owner key. What they cannot answer, one member's actions
 * within another's queue, is counted from the actions: five count(*)s,
 * each served by an index whose leading columns are its equalities.
 */
#include "action_rows.h"
#include "page_sql.h"

#include <stdlib.h>
#include <string.h>

static const char *const counted_statuses[] = {"open", "in-progress", "done", "dropped"};

/* One owner key's counts, added or taken away; led: only in the themes
 * the queue's member leads. */
struct term {
    int sign;
    const char *owner; /* SQL: a key, or the parameter that names a member */
    bool led;
};

/* The terms whose sum is what the query shows, or 0 when there are none.
 * A queue is the actions of its member's themes, theirs and all's, still
 * to do; all's and theirs never overlap, and the themes' overlap with
 * each is taken away again. */
static size_t terms_of(const struct pb_action_query *q, struct term *t)
{
    const char *owner = q->filter.owner, *queue = q->queue;
    if (owner && queue && strcmp(owner, queue) != 0)
        return 0;
    if (owner) {
        t[0] = (struct term){1, COUNTS_ALL, false};
        t[1] = (struct term){1, ":owner", false};
        return 2;
    }
    if (!queue) {
        t[0] = (struct term){1, COUNTS_EVERY, false};
        return 1;
    }
    t[0] = (struct term){1, COUNTS_ALL, false};
    t[1] = (struct term){1, ":queue", false};
    t[2] = (struct term){1, COUNTS_EVERY, true};
    t[3] = (struct term){-1, COUNTS_ALL, true};
    t[4] = (struct term){-1, ":queue", true};
    return 5;
}

/* Column i's count (see add_column) under owner, over the themes that
 * from and themes pick (counts.h), added or taken away: for i < 4 the
 * actions of a status; for the overdue, of the months before this one, or
 * of this month's days (days). */
static void add_count(struct pb_buf *b, int sign, const char *from, const char *owner,
                      const char *themes, size_t i, bool days)
{
    pb_buf_puts(b, sign > 0 ? " + " : " - ");
    if (i < 4)
        pb_buf_addf(b, COUNTS_STATUS("%s", "%s", "%s", "%s"), from, owner, themes,
                    counted_statuses[i]);
    else if (!days)
        pb_buf_addf(b, COUNTS_MONTHS_BEFORE("%s", "%s", "%s", " AND c.status = '%s'"), from, owner,
                    themes, counted_statuses[i - 4]);
    else
        pb_buf_addf(b, COUNTS_DAYS_BEFORE("%s", "%s", "%s", " AND c.status = '%s'"), from, owner,
                    themes, counted_statuses[i - 4]);
}

/* A term's counts of column i, in the themes the query and the term pick.
 * In every theme, the overdue are the months theme by theme, those of the
 * actions without a theme, and this month's days in one run. */
static void add_term(struct pb_buf *b, const struct pb_action_query *q, const struct term *t,
                     size_t i)
{
    const char *from = "";
    char *themes = NULL;
    if (t->led) {
        from = COUNTS_LED_FROM;
        themes =
            pb_xasprintf("%s%s", COUNTS_LED(":queue"), q->filter.theme ? " AND l.id = :theme" : "");
    } else if (q->filter.theme) {
        themes = pb_xstrdup(COUNTS_THEME(":theme"));
    }
    if (i < 4) {
        add_count(b, t->sign, from, t->owner, themes ? themes : "", i, false);
    } else if (themes) {
        add_count(b, t->sign, from, t->owner, themes, i, false);
        add_count(b, t->sign, from, t->owner, themes, i, true);
    } else {
        add_count(b, t->sign, COUNTS_EVERY_FROM, t->owner, COUNTS_EVERY_THEME, i, false);
        add_count(b, t->sign, "", t->owner, COUNTS_THEME("''"), i, false);
        add_count(b, t->sign, "", t->owner, "", i, true);
    }
    free(themes);
}

/* Column i of the statement: the actions of counted_statuses[i], or for
 * i = 4 and 5 the overdue ones of open and in-progress; the sum of the
 * terms. */
static void add_column(struct pb_buf *b, const struct pb_action_query *q, const struct term *t,
                       size_t n, size_t i)
{
    pb_buf_puts(b, i ? ", 0" : " 0");
    for (size_t k = 0; k < n; k++)
        add_term(b, q, &t[k], i);
}

/* The count(*)s over the actions, for what the tables cannot answer (a
 * queue's have their own, page_queue.c). */
static char *actions_count_sql(const struct pb_action_query *query)
{
    struct pb_buf b = {0};
    pb_buf_puts(&b, "SELECT");
    for (size_t i = 0; i < 4; i++) {
        pb_buf_puts(&b, i ? ", (SELECT count(*) FROM actions a WHERE 1"
                          : " (SELECT count(*) FROM actions a WHERE 1");
        page_action_where(&b, query);
        pb_buf_addf(&b, " AND a.status = '%s')", counted_statuses[i]);
    }
    struct pb_action_query overdue = *query;
    overdue.filter.overdue = true;
    pb_buf_puts(&b, ", (SELECT count(*) FROM actions a WHERE 1");
    page_action_where(&b, &overdue);
    pb_buf_puts(&b, ")");
    return pb_buf_take(&b);
}

const char *page_count_sql(struct pb_db *db, const struct pb_action_query *query)
{
    struct term t[5];
    size_t n = terms_of(query, t);
    if (n == 0 && query->queue)
        return page_queue_count_sql(db, query);
    if (n == 0)
        return sql_keep_unique(db, actions_count_sql(query));
    struct pb_buf b = {0};
    pb_buf_puts(&b, "SELECT");
    for (size_t i = 0; i < 6; i++)
        add_column(&b, query, t, n, i);
    return sql_keep_unique(db, pb_buf_take(&b));
}

static bool is_live(const char *status)
{
    return strcmp(status, "open") == 0 || strcmp(status, "in-progress") == 0;
}

/* Whether the query shows actions of status at all. */
static bool shows(const struct pb_action_query *q, const char *status)
{
    if (q->filter.status && strcmp(q->filter.status, status) != 0)
        return false;
    return is_live(status) || !(q->filter.overdue || q->filter.outstanding || q->queue);
}

/* The counts from a row of the tables' statement: each status the query
 * shows, of all its actions or, filtered to the overdue, of those. */
static void read_tables(sqlite3_stmt *st, const struct pb_action_query *q,
                        struct pb_action_counts *out)
{
    int64_t *of[4] = {&out->open, &out->in_progress, &out->done, &out->dropped};
    for (int i = 0; i < 4; i++) {
        if (!shows(q, counted_statuses[i]))
            continue;
        int64_t all = sqlite3_column_int64(st, i);
        int64_t overdue = i < 2 ? sqlite3_column_int64(st, 4 + i) : 0;
        *of[i] = q->filter.overdue ? overdue : all;
        out->overdue += overdue;
    }
}

static void read_actions(sqlite3_stmt *st, struct pb_action_counts *out)
{
    out->open = sqlite3_column_int64(st, 0);
    out->in_progress = sqlite3_column_int64(st, 1);
    out->done = sqlite3_column_int64(st, 2);
    out->dropped = sqlite3_column_int64(st, 3);
    out->overdue = sqlite3_column_int64(st, 4);
}

static void bind_if_there(sqlite3_stmt *st, const char *name, const char *value)
{
    if (value && sqlite3_bind_parameter_index(st, name))
        sql_bind_text(st, name, value);
}

enum pb_status pb_action_count(struct pb_db *db, const struct pb_action_query *query,
                               struct pb_action_counts *out, struct pb_error *err)
{
    *out = (struct pb_action_counts){0};
    enum pb_status s = page_check_query(db, query, err);
    if (s != PB_OK)
        return s;
    struct term t[5];
    bool tables = terms_of(query, t) > 0;
    sqlite3_stmt *st = sql_prepare(db, page_count_sql(db, query), err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    action_bind_today(db, st);
    if (tables) {
        bind_if_there(st, ":theme", query->filter.theme);
        bind_if_there(st, ":owner", query->filter.owner);
        bind_if_there(st, ":queue", query->queue);
    } else {
        page_action_bind(st, query);
    }
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW && tables)
        read_tables(st, query, out);
    else if (rc == SQLITE_ROW)
        read_actions(st, out);
    sqlite3_reset(st);
    return rc < 0 ? (err ? err->status : PB_ERR_INTERNAL) : PB_OK;
}
