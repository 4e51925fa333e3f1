/*
 * Counting the actions a query shows, by status and overdue (page.h): one
 * statement of five counts, each of which the planner serves from an
 * index whose leading columns are the count's equalities.
 */
#include "action_rows.h"
#include "page_sql.h"

static const char *const counted_statuses[] = {"open", "in-progress", "done", "dropped"};

const char *page_count_sql(struct pb_db *db, const struct pb_action_query *query)
{
    if (query->queue)
        return page_queue_count_sql(db, query);
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
    return sql_keep_unique(db, pb_buf_take(&b));
}

enum pb_status pb_action_count(struct pb_db *db, const struct pb_action_query *query,
                               struct pb_action_counts *out, struct pb_error *err)
{
    *out = (struct pb_action_counts){0};
    enum pb_status s = page_check_query(db, query, err);
    if (s != PB_OK)
        return s;
    sqlite3_stmt *st = sql_prepare(db, page_count_sql(db, query), err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    action_bind_today(db, st);
    page_action_bind(st, query);
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW) {
        out->open = sqlite3_column_int64(st, 0);
        out->in_progress = sqlite3_column_int64(st, 1);
        out->done = sqlite3_column_int64(st, 2);
        out->dropped = sqlite3_column_int64(st, 3);
        out->overdue = sqlite3_column_int64(st, 4);
    }
    sqlite3_reset(st);
    return rc < 0 ? (err ? err->status : PB_ERR_INTERNAL) : PB_OK;
}
