/*
 * The typed rows of the lists' pages (page.h): each page function hands
 * page_list_run a reader that turns the current row of its list's query
 * into the row struct and passes it on.
 */
#include "page_sql.h"

#include <stdlib.h>

struct typed {
    void (*fn)(void); /* the caller's callback, cast back by the reader */
    void *ctx;
};

static struct pb_page_key key_of(sqlite3_stmt *st)
{
    return (struct pb_page_key){.order = sqlite3_column_int64(st, 0)};
}

void page_read_theme(sqlite3_stmt *st, struct pb_theme_row *r)
{
    *r = (struct pb_theme_row){
        .key = key_of(st),
        .id = sql_text(st, 1),
        .title = sql_text(st, 2),
        .lead = sql_text(st, 3),
        .lead_name = sql_text(st, 4),
        .revision = sqlite3_column_int64(st, 5),
        .counts = {.open = sqlite3_column_int64(st, 6),
                   .in_progress = sqlite3_column_int64(st, 7),
                   .done = sqlite3_column_int64(st, 8),
                   .dropped = sqlite3_column_int64(st, 9),
                   .overdue = sqlite3_column_int64(st, 10)},
    };
}

static enum pb_status theme_row(struct pb_db *db, sqlite3_stmt *st, void *ctx, struct pb_error *err)
{
    (void)db;
    struct typed *t = ctx;
    struct pb_theme_row r;
    page_read_theme(st, &r);
    return ((pb_theme_fn)t->fn)(&r, t->ctx, err);
}

enum pb_status pb_theme_page(struct pb_db *db, const struct pb_page *page, pb_theme_fn fn,
                             void *ctx, struct pb_error *err)
{
    struct typed t = {(void (*)(void))fn, ctx};
    return page_list_run(db, PB_LIST_THEMES, page, NULL, theme_row, &t, err);
}

static enum pb_status lead_row(struct pb_db *db, sqlite3_stmt *st, void *ctx, struct pb_error *err)
{
    (void)db;
    struct typed *t = ctx;
    const char *last = sql_text(st, 7);
    struct pb_lead_row r = {
        .key = key_of(st),
        .id = sql_text(st, 1),
        .name = sql_text(st, 2),
        .post = sql_text(st, 3),
        .themes = sql_text(st, 4),
        .open = sqlite3_column_int64(st, 5),
        .overdue = sqlite3_column_int64(st, 6),
    };
    r.has_last_update = last && pb_date_parse(last, &r.last_update);
    return ((pb_lead_fn)t->fn)(&r, t->ctx, err);
}

enum pb_status pb_lead_page(struct pb_db *db, const struct pb_page *page, pb_lead_fn fn, void *ctx,
                            struct pb_error *err)
{
    struct typed t = {(void (*)(void))fn, ctx};
    return page_list_run(db, PB_LIST_LEADS, page, NULL, lead_row, &t, err);
}

static enum pb_status member_row(struct pb_db *db, sqlite3_stmt *st, void *ctx,
                                 struct pb_error *err)
{
    (void)db;
    struct typed *t = ctx;
    struct pb_member_row r = {
        .key = key_of(st),
        .id = sql_text(st, 1),
        .name = sql_text(st, 2),
        .kind = sql_text(st, 3),
        .post = sql_text(st, 4),
        .voting = sqlite3_column_int(st, 5) != 0,
        .organisation = sql_text(st, 6),
        .email = sql_text(st, 7),
        .phone = sql_text(st, 8),
        .joined = sql_text(st, 9),
        .left = sql_text(st, 10),
        .notes = sql_text(st, 11),
        .revision = sqlite3_column_int64(st, 12),
    };
    return ((pb_member_fn)t->fn)(&r, t->ctx, err);
}

enum pb_status pb_member_page(struct pb_db *db, const struct pb_page *page, pb_member_fn fn,
                              void *ctx, struct pb_error *err)
{
    struct typed t = {(void (*)(void))fn, ctx};
    return page_list_run(db, PB_LIST_MEMBERS, page, NULL, member_row, &t, err);
}

enum pb_status pb_member_get(struct pb_db *db, const char *id, pb_member_fn fn, void *ctx,
                             struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, PAGE_MEMBER_SELECT " WHERE m.id = :id", err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    sql_bind_text(st, ":id", id);
    struct typed t = {(void (*)(void))fn, ctx};
    int rc = sql_step(db, st, err);
    enum pb_status s = rc == SQLITE_ROW ? member_row(db, st, &t, err)
                       : rc < 0         ? (err ? err->status : PB_ERR_INTERNAL)
                                        : pb_error_set(err, PB_ERR_NOT_FOUND, "no member '%s'", id);
    sqlite3_reset(st);
    return s;
}

static enum pb_status co_option_row(struct pb_db *db, sqlite3_stmt *st, void *ctx,
                                    struct pb_error *err)
{
    (void)db;
    struct typed *t = ctx;
    struct pb_co_option_row r = {
        .key = key_of(st),
        .id = sql_text(st, 1),
        .sector = sql_text(st, 2),
        .status = sql_text(st, 3),
        .member = sql_text(st, 4),
        .member_name = sql_text(st, 5),
        .nominated_by = sql_text(st, 6),
        .resolved = sql_text(st, 7),
        .ref = sql_text(st, 8),
        .term_end = sql_text(st, 9),
        .notes = sql_text(st, 10),
        .revision = sqlite3_column_int64(st, 11),
    };
    return ((pb_co_option_fn)t->fn)(&r, t->ctx, err);
}

enum pb_status pb_co_option_page(struct pb_db *db, const struct pb_page *page, pb_co_option_fn fn,
                                 void *ctx, struct pb_error *err)
{
    struct typed t = {(void (*)(void))fn, ctx};
    return page_list_run(db, PB_LIST_CO_OPTIONS, page, NULL, co_option_row, &t, err);
}

/* A strategy's priorities, in order, for the row being read. */
static enum pb_status read_priorities(struct pb_db *db, const char *id, char ***out, size_t *n,
                                      struct pb_error *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = sql_prepare(
        db, "SELECT text FROM strategy_priorities WHERE strategy = :id ORDER BY position", err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    sql_bind_text(st, ":id", id);
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
        *out = pb_xrealloc(*out, (*n + 1) * sizeof **out);
        (*out)[(*n)++] = sql_text_dup(st, 0);
    }
    sqlite3_reset(st);
    return rc < 0 ? (err ? err->status : PB_ERR_INTERNAL) : PB_OK;
}

static enum pb_status strategy_row(struct pb_db *db, sqlite3_stmt *st, void *ctx,
                                   struct pb_error *err)
{
    struct typed *t = ctx;
    struct pb_strategy_row r = {
        .key = key_of(st),
        .id = sql_text(st, 1),
        .title = sql_text(st, 2),
        .parent = sql_text(st, 3),
        .from = sql_text(st, 4),
        .to = sql_text(st, 5),
        .revision = sqlite3_column_int64(st, 6),
    };
    char **priorities;
    size_t n;
    enum pb_status s = read_priorities(db, r.id, &priorities, &n, err);
    if (s == PB_OK) {
        r.priorities = (const char *const *)priorities;
        r.n_priorities = n;
        s = ((pb_strategy_fn)t->fn)(&r, t->ctx, err);
    }
    for (size_t i = 0; i < n; i++)
        free(priorities[i]);
    free(priorities);
    return s;
}

enum pb_status pb_strategy_page(struct pb_db *db, const struct pb_page *page, pb_strategy_fn fn,
                                void *ctx, struct pb_error *err)
{
    struct typed t = {(void (*)(void))fn, ctx};
    return page_list_run(db, PB_LIST_STRATEGIES, page, NULL, strategy_row, &t, err);
}

static enum pb_status feedback_row(struct pb_db *db, sqlite3_stmt *st, void *ctx,
                                   struct pb_error *err)
{
    (void)db;
    struct typed *t = ctx;
    struct pb_feedback_row r = {
        .key = key_of(st),
        .id = sqlite3_column_int64(st, 0),
        .date = sql_text(st, 1),
        .theme = sql_text(st, 2),
        .said = sql_text(st, 3),
        .did = sql_text(st, 4),
        .action = sqlite3_column_int64(st, 5),
        .status = sql_text(st, 6),
        .told = sql_text(st, 7),
        .channel = sql_text(st, 8),
        .revision = sqlite3_column_int64(st, 9),
    };
    return ((pb_feedback_fn)t->fn)(&r, t->ctx, err);
}

enum pb_status pb_feedback_page(struct pb_db *db, const struct pb_page *page, pb_feedback_fn fn,
                                void *ctx, struct pb_error *err)
{
    struct typed t = {(void (*)(void))fn, ctx};
    return page_list_run(db, PB_LIST_FEEDBACK, page, NULL, feedback_row, &t, err);
}
