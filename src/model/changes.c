/*
 * What changed since a reader last looked (page.h): the tables the newer
 * changes touched, read from their history rows by change_rows_by_change,
 * and the latest changes of one row, by change_rows_by_row.
 */
#include <panelboard/page.h>

#include "sql.h"

#include <string.h>

static enum pb_status failed(struct pb_error *err)
{
    return err ? err->status : PB_ERR_INTERNAL;
}

static const struct {
    const char *table;
    unsigned bit;
} table_bits[] = {
    {"panel", PB_TABLE_PANEL},
    {"members", PB_TABLE_MEMBERS},
    {"co_options", PB_TABLE_CO_OPTIONS},
    {"themes", PB_TABLE_THEMES},
    {"theme_subgroup", PB_TABLE_THEME_SUBGROUP},
    {"strategies", PB_TABLE_STRATEGIES},
    {"strategy_priorities", PB_TABLE_STRATEGY_PRIORITIES},
    {"meetings", PB_TABLE_MEETINGS},
    {"meeting_present", PB_TABLE_ATTENDANCE},
    {"meeting_apologies", PB_TABLE_ATTENDANCE},
    {"declarations", PB_TABLE_ATTENDANCE},
    {"items", PB_TABLE_ITEMS},
    {"item_documents", PB_TABLE_ITEMS},
    {"item_decisions", PB_TABLE_ITEMS},
    {"item_questions", PB_TABLE_ITEMS},
    {"decisions", PB_TABLE_DECISIONS},
    {"questions", PB_TABLE_QUESTIONS},
    {"actions", PB_TABLE_ACTIONS},
    {"action_owners", PB_TABLE_ACTION_OWNERS},
    {"updates", PB_TABLE_UPDATES},
    {"feedback", PB_TABLE_FEEDBACK},
};

static unsigned table_bit(const char *table)
{
    for (size_t i = 0; i < sizeof table_bits / sizeof table_bits[0]; i++)
        if (strcmp(table_bits[i].table, table) == 0)
            return table_bits[i].bit;
    return PB_TABLE_OTHER;
}

enum pb_status pb_changes_since(struct pb_db *db, int64_t since, unsigned *tables, int64_t *latest,
                                struct pb_error *err)
{
    if (tables)
        *tables = 0;
    *latest = since;
    sqlite3_stmt *st = sql_prepare(db, "SELECT max(id) FROM changes", err);
    if (!st)
        return failed(err);
    int rc = sql_step(db, st, err);
    int64_t newest = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc < 0)
        return failed(err);
    /* without tables, only the newest id: at since 0 the rows read would
     * be the whole history */
    if (newest <= since || !tables) {
        *latest = newest > since ? newest : since;
        return PB_OK;
    }
    st = sql_prepare(db, "SELECT tbl FROM change_rows WHERE change > :since", err);
    if (!st)
        return failed(err);
    sql_bind_int(st, ":since", since);
    unsigned bits = 0;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW)
        bits |= table_bit(sql_text(st, 0));
    sqlite3_reset(st);
    if (rc < 0)
        return failed(err);
    *tables = bits;
    *latest = newest;
    return PB_OK;
}

static void copy(char *to, size_t size, const char *from)
{
    to[0] = '\0';
    if (from)
        strncat(to, from, size - 1);
}

enum pb_status pb_row_last_change(struct pb_db *db, const char *table, int64_t row_id, bool *found,
                                  struct pb_change_brief *out, struct pb_error *err)
{
    *found = false;
    sqlite3_stmt *st = sql_prepare(db,
                                   "SELECT c.id, c.who, c.at, c.what FROM change_rows r"
                                   " JOIN changes c ON c.id = r.change"
                                   " WHERE r.tbl = :tbl AND r.row_id = :row"
                                   " ORDER BY r.change DESC LIMIT 1",
                                   err);
    if (!st)
        return failed(err);
    sql_bind_text(st, ":tbl", table);
    sql_bind_int(st, ":row", row_id);
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(st, 0);
        copy(out->who, sizeof out->who, sql_text(st, 1));
        copy(out->at, sizeof out->at, sql_text(st, 2));
        copy(out->what, sizeof out->what, sql_text(st, 3));
        *found = true;
    }
    sqlite3_reset(st);
    return rc < 0 ? failed(err) : PB_OK;
}

/* An action's changes are those of its own row and of the rows hanging off
 * it (a note is an updates row; new owners are action_owners rows). */
enum pb_status pb_action_changes(struct pb_db *db, int64_t id, int64_t limit,
                                 pb_change_brief_fn fn, void *ctx, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db,
        "SELECT c.id, c.who, c.at, c.what FROM changes c WHERE c.id IN ("
        " SELECT change FROM change_rows WHERE tbl = 'actions' AND row_id = :id"
        " UNION SELECT r.change FROM change_rows r JOIN updates u ON u.id = r.row_id"
        "  WHERE r.tbl = 'updates' AND u.action = :id"
        " UNION SELECT r.change FROM change_rows r JOIN action_owners o ON o.rowid = r.row_id"
        "  WHERE r.tbl = 'action_owners' AND o.action = :id)"
        " ORDER BY c.id DESC LIMIT :limit",
        err);
    if (!st)
        return failed(err);
    sql_bind_int(st, ":id", id);
    sql_bind_int(st, ":limit", limit);
    enum pb_status s = PB_OK;
    int rc;
    while (s == PB_OK && (rc = sql_step(db, st, err)) == SQLITE_ROW) {
        struct pb_change_brief b = {.id = sqlite3_column_int64(st, 0)};
        copy(b.who, sizeof b.who, sql_text(st, 1));
        copy(b.at, sizeof b.at, sql_text(st, 2));
        copy(b.what, sizeof b.what, sql_text(st, 3));
        s = fn(&b, ctx, err);
    }
    sqlite3_reset(st);
    if (s != PB_OK)
        return s;
    return rc < 0 ? failed(err) : PB_OK;
}
