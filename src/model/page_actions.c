/*
 * Pages of actions (page.h): keyset paging in id or due order under any
 * filter or a member's queue (whose query page_queue.c makes), and finding
 * the next action whose text matches. Each variant of the query is built
 * once per connection and names the index that serves its order (INDEXED
 * BY), so its plan cannot drift into a scan or a sort as the data grows.
 */
#include "action_rows.h"
#include "page_sql.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct pb_page_key pb_action_key(const struct pb_action *a, enum pb_action_order order)
{
    struct pb_page_key key = {.order = a->id};
    if (order == PB_ORDER_DUE) {
        key.has_due = a->has_due;
        key.due = a->has_due ? a->due : 0;
    }
    return key;
}

enum page_start page_start_of(const struct pb_page *page)
{
    if (page->from_edge)
        return PAGE_EDGE;
    return page->inclusive ? PAGE_AT : PAGE_AFTER;
}

char *page_find_text(const char *text)
{
    char *lower = pb_xstrdup(text);
    for (char *p = lower; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return lower;
}

static bool is_live(const struct pb_action_query *q)
{
    return q->filter.overdue || q->filter.outstanding;
}

/* The index whose order is the part's order under the query's most
 * selective equality; the other filters are checked row by row. */
static const char *index_for(const struct pb_action_query *q, enum page_part part)
{
    const struct pb_action_filter *f = &q->filter;
    if (part == PART_ID) {
        if (f->theme && f->status)
            return "INDEXED BY actions_by_theme";
        if (f->theme)
            return "INDEXED BY actions_by_theme_id";
        if (f->status)
            return "INDEXED BY actions_by_status";
        return is_live(q) ? "INDEXED BY actions_live_by_id" : "NOT INDEXED";
    }
    if (f->theme)
        return is_live(q) ? "INDEXED BY actions_live_by_theme_due"
                          : "INDEXED BY actions_by_theme_due";
    if (f->status)
        return "INDEXED BY actions_by_status_due";
    return is_live(q) ? "INDEXED BY actions_live_by_due" : "INDEXED BY actions_by_due";
}

void page_action_where(struct pb_buf *b, const struct pb_action_query *q)
{
    const struct pb_action_filter *f = &q->filter;
    if (f->theme)
        pb_buf_puts(b, " AND a.theme = :theme");
    if (f->status)
        pb_buf_puts(b, " AND a.status = :status");
    if (f->overdue)
        pb_buf_puts(b, " AND " ACTION_OVERDUE);
    else if (f->outstanding)
        pb_buf_puts(b, " AND " ACTION_LIVE);
    if (f->owner)
        pb_buf_puts(b, " AND (a.owners_all = 1 OR EXISTS (SELECT 1 FROM action_owners o"
                       " WHERE o.action = a.id AND o.member = :owner))");
}

void page_key_start(struct pb_buf *b, enum page_part part, enum pb_page_dir dir,
                    enum page_start start, const char *id, const char *due)
{
    const char *op =
        dir == PB_PAGE_FORWARD ? (start == PAGE_AT ? ">=" : ">") : (start == PAGE_AT ? "<=" : "<");
    if (part == PART_DUE)
        pb_buf_addf(b, " AND (%s, %s) %s (:due, :id)", due, id, op);
    else
        pb_buf_addf(b, " AND %s %s :id", id, op);
}

void page_action_rest(struct pb_buf *b, const struct pb_action_query *query, enum page_part part,
                      enum pb_page_dir dir, enum page_start start, bool find)
{
    page_action_where(b, query);
    if (part == PART_DUE)
        pb_buf_puts(b, " AND a.due IS NOT NULL");
    else if (part == PART_NO_DUE)
        pb_buf_puts(b, " AND a.due IS NULL");
    page_key_start(b, part, dir, start, "a.id", "a.due");
    if (find)
        pb_buf_puts(b, " AND " PAGE_FIND);
}

const char *page_action_sql(struct pb_db *db, const struct pb_action_query *query, size_t led,
                            enum page_part part, enum pb_page_dir dir, enum page_start start,
                            bool find)
{
    if (query->queue)
        return sql_keep_unique(db, page_queue_sql(query, led, part, dir, start, find));
    struct pb_buf b = {0};
    pb_buf_addf(&b, ACTION_COLUMNS " %s WHERE 1", index_for(query, part));
    page_action_rest(&b, query, part, dir, start, find);
    const char *desc = dir == PB_PAGE_BACKWARD ? " DESC" : "";
    if (part == PART_ID)
        pb_buf_addf(&b, " ORDER BY a.id%s", desc);
    else
        pb_buf_addf(&b, " ORDER BY a.due%s, a.id%s", desc, desc);
    pb_buf_puts(&b, " LIMIT :limit");
    return sql_keep_unique(db, pb_buf_take(&b));
}

void page_action_bind(sqlite3_stmt *st, const struct pb_action_query *q)
{
    if (q->filter.theme)
        sql_bind_text(st, ":theme", q->filter.theme);
    if (q->filter.status)
        sql_bind_text(st, ":status", q->filter.status);
    if (q->filter.owner)
        sql_bind_text(st, ":owner", q->filter.owner);
    if (q->queue)
        sql_bind_text(st, ":queue", q->queue);
}

enum pb_status page_check_query(struct pb_db *db, const struct pb_action_query *q,
                                struct pb_error *err)
{
    enum pb_status s = action_check_filter(db, &q->filter, err);
    if (s == PB_OK && q->queue)
        s = action_check_ref(db, PB_KIND_MEMBER, q->queue, err);
    return s;
}

/* One part of a page: what to read, and what has been read so far. */
struct part_run {
    const struct pb_action_query *query;
    enum pb_page_dir dir;
    const struct pb_page_key *key;
    const char *find; /* lowered, or NULL */
    size_t led;       /* the themes the queue's member leads */
    size_t left;      /* rows still wanted */
    pb_action_fn fn;
    void *ctx;
};

static enum pb_status counted(const struct pb_action *a, void *ctx, struct pb_error *err)
{
    struct part_run *r = ctx;
    r->left--;
    return r->fn(a, r->ctx, err);
}

static enum pb_status run_part(struct pb_db *db, struct part_run *r, enum page_part part,
                               enum page_start start, struct pb_error *err)
{
    const struct pb_action_query *q = r->query;
    /* overdue actions have a due date; asking for one without would only
     * confuse the planner */
    if (r->left == 0 || (part == PART_NO_DUE && q->filter.overdue))
        return PB_OK;
    sqlite3_stmt *st =
        sql_prepare(db, page_action_sql(db, q, r->led, part, r->dir, start, r->find != NULL), err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    action_bind_today(db, st);
    page_action_bind(st, q);
    bool forward = r->dir == PB_PAGE_FORWARD;
    char due[11];
    if (start == PAGE_EDGE) {
        /* every id is above INT64_MIN, every date above "" and below "~";
         * ("", INT64_MAX) is also above the rows of queue_owned without a
         * due date, whose due is "" (page_queue.c) */
        sql_bind_int(st, ":id", forward ? (part == PART_DUE ? INT64_MAX : INT64_MIN) : INT64_MAX);
        strcpy(due, forward ? "" : "~");
    } else {
        sql_bind_int(st, ":id", r->key->order);
        pb_date_format(r->key->due, due);
    }
    if (part == PART_DUE)
        sql_bind_text(st, ":due", due);
    if (r->find)
        sql_bind_text(st, ":text", r->find);
    sql_bind_int(st, ":limit", r->left > INT64_MAX ? INT64_MAX : (int64_t)r->left);
    return action_stream(db, st, counted, r, err);
}

/* In due order the rows with a due date come first: a page that starts
 * among them runs on into the rows without one (and backward, the other
 * way round). */
static enum pb_status run_page(struct pb_db *db, struct part_run *r, enum pb_action_order order,
                               enum page_start start, struct pb_error *err)
{
    if (order == PB_ORDER_ID)
        return run_part(db, r, PART_ID, start, err);
    bool forward = r->dir == PB_PAGE_FORWARD;
    enum page_part first = forward ? PART_DUE : PART_NO_DUE;
    enum page_part second = forward ? PART_NO_DUE : PART_DUE;
    bool key_in_first = start == PAGE_EDGE || r->key->has_due == forward;
    if (!key_in_first)
        return run_part(db, r, second, start, err);
    enum pb_status s = run_part(db, r, first, start, err);
    if (s == PB_OK)
        s = run_part(db, r, second, PAGE_EDGE, err);
    return s;
}

/* Checks the query's ids and reads its page: a queue's in one read
 * transaction, so that the themes counted are the themes read. */
static enum pb_status run_query(struct pb_db *db, struct part_run *r, enum page_start start,
                                struct pb_error *err)
{
    const struct pb_action_query *q = r->query;
    enum pb_status s = page_check_query(db, q, err);
    if (s != PB_OK || !q->queue)
        return s == PB_OK ? run_page(db, r, q->order, start, err) : s;
    bool outer = db->reading; /* an export, or a caller's own snapshot */
    s = pb_read_begin(db, err);
    if (s == PB_OK)
        s = page_queue_led(db, q->queue, &r->led, err);
    if (s == PB_OK)
        s = run_page(db, r, q->order, start, err);
    if (!outer)
        pb_read_end(db);
    return s;
}

enum pb_status pb_action_page(struct pb_db *db, const struct pb_action_query *query,
                              const struct pb_page *page, pb_action_fn fn, void *ctx,
                              struct pb_error *err)
{
    struct part_run r = {.query = query,
                         .dir = page->dir,
                         .key = &page->key,
                         .left = page->limit,
                         .fn = fn,
                         .ctx = ctx};
    return run_query(db, &r, page_start_of(page), err);
}

struct found {
    enum pb_action_order order;
    bool found;
    struct pb_page_key at;
};

static enum pb_status note_found(const struct pb_action *a, void *ctx, struct pb_error *err)
{
    (void)err;
    struct found *f = ctx;
    f->found = true;
    f->at = pb_action_key(a, f->order);
    return PB_OK;
}

enum pb_status pb_action_find(struct pb_db *db, const struct pb_action_query *query,
                              const struct pb_page *from, const char *text, bool *found,
                              struct pb_page_key *at, struct pb_error *err)
{
    *found = false;
    char *lower = page_find_text(text);
    struct found f = {.order = query->order};
    struct part_run r = {.query = query,
                         .dir = from->dir,
                         .key = &from->key,
                         .find = lower,
                         .left = 1,
                         .fn = note_found,
                         .ctx = &f};
    enum pb_status s = run_query(db, &r, page_start_of(from), err);
    free(lower);
    if (s == PB_OK && f.found) {
        *found = true;
        *at = f.at;
    }
    return s;
}
