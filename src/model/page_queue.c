/*
 * A member's queue (action.h, page.h): the live actions that are
 * everyone's, the member's own, or in a theme they lead, read from those
 * rows only, so that a queue costs what it shows and not one index entry
 * per live action of the panel.
 *
 * A queue query is a compound SELECT of parts that never share a row:
 * everyone's (actions_all_live), the member's own that are not everyone's
 * (queue_owned, schema_queue.sql), and each led theme's that are neither
 * (actions_live_by_theme_due). Each part reads in the page's order from
 * its index; SQLite merges them in order (MERGE (UNION ALL) in the plan)
 * and stops at the page's limit, so a first page reads about a page from
 * each. The themes are counted first because each is a part of its own:
 * one index range in due order per theme, where "theme IN (...)" would
 * sort all their rows.
 */
#include "action_rows.h"
#include "page_sql.h"

#include <stdint.h>

/* Past this many led themes the rest are one part that sorts its rows, so
 * that the statement stays far below SQLite's limit of 500 parts. */
#define QUEUE_THEME_PARTS 16

/* The queue's parts, each a set of rows the others do not hold. */
enum queue_part { QUEUE_ALL, QUEUE_OWN, QUEUE_THEME, QUEUE_OTHER_THEMES };

/* The member's own rows of queue_owned, each with its action a. Those
 * without a due date (due '') are a range by id; those with one, by (due,
 * id), are the rows after the key forward, since no key is below ("",
 * INT64_MAX) (page_actions.c), and backward those before it down to "". */
#define OWN_ROWS                                                                                   \
    " FROM queue_owned q CROSS JOIN actions a ON a.id = q.action WHERE q.member = :queue"
#define OWN_DUE_BACKWARD OWN_ROWS " AND q.due > ''"
#define OWN_NO_DUE       OWN_ROWS " AND q.due = ''"

/* Neither everyone's nor the member's own: from the index that
 * ACTION_COLUMNS reads the action's owners from, whose page that reads. */
#define NOT_OWN                                                                                    \
    " AND a.owners_all = 0 AND NOT EXISTS (SELECT 1 FROM action_owners o"                          \
    " INDEXED BY action_owners_in_order WHERE o.action = a.id AND o.member = :queue)"

/* The themes the member leads, in the chair's order (themes_by_lead). */
#define LED_THEMES "SELECT id FROM themes WHERE lead = :queue ORDER BY position, rowid"

enum pb_status page_queue_led(struct pb_db *db, const char *member, size_t *led,
                              struct pb_error *err)
{
    *led = 0;
    sqlite3_stmt *st = sql_prepare(db, "SELECT count(*) FROM themes WHERE lead = :queue", err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    sql_bind_text(st, ":queue", member);
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW)
        *led = (size_t)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc < 0 ? (err ? err->status : PB_ERR_INTERNAL) : PB_OK;
}

/* The index each part reads in the order of page part `part` (PART_ID: by
 * id; else by (due, id)); counting has no order and uses the due ones. */
static const char *part_index(enum queue_part qp, enum page_part part)
{
    if (qp == QUEUE_ALL)
        /* no index holds everyone's live actions by id: by id, they are
         * picked out of the live ones */
        return part == PART_ID ? " INDEXED BY actions_live_by_id" : " INDEXED BY actions_all_live";
    return part == PART_ID ? " INDEXED BY actions_by_theme_id"
                           : " INDEXED BY actions_live_by_theme_due";
}

/* Appends the FROM and WHERE of part qp of a query over actions a (for
 * QUEUE_THEME the k-th led theme, for QUEUE_OTHER_THEMES those from the
 * k-th on) up to where the caller's filters go. The member's own, by id,
 * are looked up from queue_owned, whose ids come in order. */
static void add_from(struct pb_buf *b, enum queue_part qp, size_t k, enum page_part part)
{
    switch (qp) {
    case QUEUE_ALL:
        pb_buf_addf(b, " FROM actions a%s WHERE a.owners_all = 1 AND " ACTION_LIVE,
                    part_index(qp, part));
        break;
    case QUEUE_OWN:
        pb_buf_puts(b, part == PART_ID ? " FROM actions a NOT INDEXED WHERE a.id IN (SELECT action"
                                         " FROM queue_owned WHERE member = :queue)"
                                       : OWN_ROWS);
        break;
    case QUEUE_THEME:
        pb_buf_addf(b,
                    " FROM actions a%s WHERE a.theme = (" LED_THEMES " LIMIT 1 OFFSET %zu)" NOT_OWN
                    " AND " ACTION_LIVE,
                    part_index(qp, part), k);
        break;
    case QUEUE_OTHER_THEMES:
        pb_buf_addf(b,
                    " FROM actions a%s WHERE a.theme IN (" LED_THEMES
                    " LIMIT -1 OFFSET %zu)" NOT_OWN " AND " ACTION_LIVE,
                    part_index(qp, part), k);
        break;
    }
}

typedef void add_fn(struct pb_buf *b, enum queue_part qp, size_t k, const void *ctx);

/* Calls add for every part of a queue, joined by UNION ALL: everyone's,
 * the member's own, the first `apart` led themes one by one and, with
 * rest, the others as one part. */
static void add_parts(struct pb_buf *b, size_t apart, bool rest, add_fn *add, const void *ctx)
{
    add(b, QUEUE_ALL, 0, ctx);
    pb_buf_puts(b, " UNION ALL ");
    add(b, QUEUE_OWN, 0, ctx);
    for (size_t k = 0; k < apart; k++) {
        pb_buf_puts(b, " UNION ALL ");
        add(b, QUEUE_THEME, k, ctx);
    }
    if (rest) {
        pb_buf_puts(b, " UNION ALL ");
        add(b, QUEUE_OTHER_THEMES, apart, ctx);
    }
}

struct page_args {
    const struct pb_action_query *filters; /* the query without its queue */
    enum page_part part;
    enum pb_page_dir dir;
    enum page_start start;
    bool find;
};

static void add_page_part(struct pb_buf *b, enum queue_part qp, size_t k, const void *ctx)
{
    const struct page_args *a = ctx;
    if (qp != QUEUE_OWN || a->part == PART_ID) {
        pb_buf_puts(b, ACTION_COLUMNS_AS("a.id", "a.due"));
        add_from(b, qp, k, a->part);
        page_action_rest(b, a->filters, a->part, a->dir, a->start, a->find);
        return;
    }
    /* the id and due date that order the page from queue_owned's key */
    if (a->part == PART_DUE)
        pb_buf_puts(b, a->dir == PB_PAGE_FORWARD ? ACTION_COLUMNS_AS("q.action", "q.due") OWN_ROWS
                                                 : ACTION_COLUMNS_AS("q.action", "q.due")
                                                       OWN_DUE_BACKWARD);
    else
        pb_buf_puts(b, ACTION_COLUMNS_AS("q.action", "a.due") OWN_NO_DUE);
    page_action_where(b, a->filters);
    page_key_start(b, a->part, a->dir, a->start, "q.action", "q.due");
    if (a->find)
        pb_buf_puts(b, " AND " PAGE_FIND);
}

/* The columns of ACTION_COLUMNS a compound's ORDER BY names by number. */
#define ORDER_ID  "1"
#define ORDER_DUE "6"

char *page_queue_sql(const struct pb_action_query *query, size_t led, enum page_part part,
                     enum pb_page_dir dir, enum page_start start, bool find)
{
    struct pb_action_query filters = *query;
    filters.queue = NULL;
    struct page_args args = {&filters, part, dir, start, find};
    struct pb_buf b = {0};
    size_t apart = led < QUEUE_THEME_PARTS ? led : QUEUE_THEME_PARTS;
    add_parts(&b, apart, led > apart, add_page_part, &args);
    const char *desc = dir == PB_PAGE_BACKWARD ? " DESC" : "";
    /* rows without a due date, by id: the own part's due is not in its key */
    if (part != PART_DUE)
        pb_buf_addf(&b, " ORDER BY " ORDER_ID "%s", desc);
    else
        pb_buf_addf(&b, " ORDER BY " ORDER_DUE "%s, " ORDER_ID "%s", desc, desc);
    pb_buf_puts(&b, " LIMIT :limit");
    return pb_buf_take(&b);
}

static void add_count_part(struct pb_buf *b, enum queue_part qp, size_t k, const void *ctx)
{
    pb_buf_puts(b, "SELECT a.status AS s, " ACTION_OVERDUE " AS o");
    add_from(b, qp, k, PART_DUE);
    page_action_where(b, ctx);
}

const char *page_queue_count_sql(struct pb_db *db, const struct pb_action_query *query)
{
    struct pb_action_query filters = *query;
    filters.queue = NULL;
    struct pb_buf b = {0};
    pb_buf_puts(&b, "SELECT count(*) FILTER (WHERE s = 'open'),"
                    " count(*) FILTER (WHERE s = 'in-progress'),"
                    " count(*) FILTER (WHERE s = 'done'), count(*) FILTER (WHERE s = 'dropped'),"
                    " count(*) FILTER (WHERE o) FROM (");
    /* a count has no order to keep: all the led themes are one part */
    add_parts(&b, 0, true, add_count_part, &filters);
    pb_buf_puts(&b, ")");
    return sql_keep_unique(db, pb_buf_take(&b));
}

/* The whole queue is one page without a limit. */
enum pb_status pb_action_queue(struct pb_db *db, const char *member, pb_action_fn fn, void *ctx,
                               struct pb_error *err)
{
    struct pb_action_query query = {.queue = member, .order = PB_ORDER_DUE};
    struct pb_page page = {.dir = PB_PAGE_FORWARD, .from_edge = true, .limit = SIZE_MAX};
    return pb_action_page(db, &query, &page, fn, ctx, err);
}
