/* Reading the history of changes, newest first (see model.h). */
#include "sql.h"

#include <stdlib.h>
#include <string.h>

static void free_rows(struct pb_history_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)rows[i].table);
        free((char *)rows[i].before);
        free((char *)rows[i].after);
        free((char *)rows[i].key);
    }
    free(rows);
}

static enum pb_status load_rows(struct pb_db *db, int64_t change, struct pb_history_row **rows,
                                size_t *n, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db,
        "SELECT tbl, row_id, before, after, "
        /* the row as people know it: its id, or what identifies a list item */
        "CASE tbl WHEN 'panel' THEN '' "
        "WHEN 'theme_subgroup' THEN json_extract(img, '$.theme') || ' ' || "
        "  json_extract(img, '$.member') "
        "WHEN 'action_owners' THEN '#' || json_extract(img, '$.action') || ' ' || "
        "  json_extract(img, '$.member') "
        "WHEN 'strategy_priorities' THEN json_extract(img, '$.strategy') || ' ' || "
        "  json_extract(img, '$.position') "
        "ELSE iif(json_type(img, '$.id') = 'integer', '#', '') || json_extract(img, '$.id') END "
        "FROM (SELECT *, coalesce(after, before) AS img FROM change_rows "
        "WHERE change = :change) ORDER BY id",
        err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    sql_bind_int(st, ":change", change);
    size_t cap = 0;
    *rows = NULL;
    *n = 0;
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            *rows = pb_xrealloc(*rows, cap * sizeof **rows);
        }
        (*rows)[(*n)++] = (struct pb_history_row){
            .table = sql_text_dup(st, 0),
            .row_id = sqlite3_column_int64(st, 1),
            .before = sql_text_dup(st, 2),
            .after = sql_text_dup(st, 3),
            .key = sql_text_dup(st, 4),
        };
    }
    sqlite3_reset(st);
    if (rc < 0) {
        free_rows(*rows, *n);
        return err ? err->status : PB_ERR_INTERNAL;
    }
    return PB_OK;
}

enum pb_status pb_history_each(struct pb_db *db, int64_t limit, pb_history_fn fn, void *ctx,
                               struct pb_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT id, at, who, what, coalesce(undoes, 0), on_day, login"
                           " FROM changes "
                           "ORDER BY id DESC LIMIT ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return sql_fail(db, err);
    sqlite3_bind_int64(st, 1, limit > 0 ? limit : -1);
    enum pb_status s = PB_OK;
    int rc;
    while (s == PB_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct pb_history_entry e = {
            .id = sqlite3_column_int64(st, 0),
            .at = sql_text(st, 1),
            .who = sql_text(st, 2),
            .what = sql_text(st, 3),
            .undoes = sqlite3_column_int64(st, 4),
            .on_day = sql_text(st, 5),
            .login = sql_text(st, 6),
        };
        struct pb_history_row *rows = NULL;
        size_t n = 0;
        s = load_rows(db, e.id, &rows, &n, err);
        if (s == PB_OK) {
            e.rows = rows;
            e.n_rows = n;
            s = fn(&e, ctx, err);
            free_rows(rows, n);
        }
    }
    if (s == PB_OK && rc != SQLITE_DONE)
        s = sql_fail(db, err);
    sqlite3_finalize(st);
    return s;
}
