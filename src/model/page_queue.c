/*
 * A member's queue (action.h, page.h): the live actions that are
 * everyone's, the member's own, or in a theme they lead, read from those
 * rows only, so that a queue costs what it shows and not one index entry
 * per live action of the panel.
 *
 * A queue query is a compound SELECT of parts that never share a row:
 * everyone's (actions_all_live), the member's own that are not everyone's
 * (their action_owners rows, looked up by id), and each led theme's that
 * are neither (actions_live_by_theme_due). Each part reads in the page's
 * order from its index, except the member's own, which are few and sorted;
 * SQLite merges the parts in order (MERGE (UNION ALL) in the plan) and
 * stops at the page's limit, so a first page reads about a page from each.
 * The themes are counted first because each is a part of its own: one
 * index range in due order per theme, where "theme IN (...)" would have to
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

/* An action in the member's own action_owners rows (an action owned by
 * all may list owners too: those count as everyone's). */
#define OWN_ROWS                                                                                   \
    " a.id IN (SELECT action FROM action_owners WHERE member = :queue) AND a.owners_all = 0"

/* Neither everyone's nor the member's own. */
#define NOT_OWN                                                                                    \
    " AND a.owners_all = 0 AND NOT EXISTS (SELECT 1 FROM action_owners o"                          \
    " WHERE o.action = a.id AND o.member = :queue)"

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
    switch (qp) {
    case QUEUE_ALL:
        /* no index holds everyone's live actions by id: by id, they are
         * picked out of the live ones */
        return part == PART_ID ? " INDEXED BY actions_live_by_id" : " INDEXED BY actions_all_live";
    case QUEUE_OWN:
        /* by rowid from the member's action_owners rows, never from an
         * index of every action in order */
        return " NOT INDEXED";
    case QUEUE_THEME:
    case QUEUE_OTHER_THEMES:
        return part == PART_ID ? " INDEXED BY actions_by_theme_id"
                               : " INDEXED BY actions_live_by_theme_due";
    }
    return "";
}

/* Appends part qp (for QUEUE_THEME the k-th led theme, for
 * QUEUE_OTHER_THEMES those from the k-th on) of select, an ACTION_COLUMNS
 * like text ending in "FROM actions a", up to its WHERE's live test: the
 * caller appends the rest of the WHERE. */
static void add_part(struct pb_buf *b, const char *select, enum queue_part qp, size_t k,
                     enum page_part part)
{
    pb_buf_puts(b, select);
    pb_buf_puts(b, part_index(qp, part));
    pb_buf_puts(b, " WHERE");
    switch (qp) {
    case QUEUE_ALL:
        pb_buf_puts(b, " a.owners_all = 1");
        break;
    case QUEUE_OWN:
        pb_buf_puts(b, OWN_ROWS);
        break;
    case QUEUE_THEME:
        pb_buf_addf(b, " a.theme = (" LED_THEMES " LIMIT 1 OFFSET %zu)" NOT_OWN, k);
        break;
    case QUEUE_OTHER_THEMES:
        pb_buf_addf(b, " a.theme IN (" LED_THEMES " LIMIT -1 OFFSET %zu)" NOT_OWN, k);
        break;
    }
    pb_buf_puts(b, " AND " ACTION_LIVE);
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
    add_part(b, ACTION_COLUMNS, qp, k, a->part);
    page_action_rest(b, a->filters, a->part, a->dir, a->start, a->find);
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
    if (part == PART_ID)
        pb_buf_addf(&b, " ORDER BY " ORDER_ID "%s", desc);
    else
        pb_buf_addf(&b, " ORDER BY " ORDER_DUE "%s, " ORDER_ID "%s", desc, desc);
    pb_buf_puts(&b, " LIMIT :limit");
    return pb_buf_take(&b);
}

static void add_count_part(struct pb_buf *b, enum queue_part qp, size_t k, const void *ctx)
{
    add_part(b, "SELECT a.status AS s, " ACTION_OVERDUE " AS o FROM actions a", qp, k, PART_DUE);
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
