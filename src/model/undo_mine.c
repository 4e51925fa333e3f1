/*
 * Undo and redo of "my latest change" (edit.h). A change's place in a
 * chain of reversals says what it is: one that undoes nothing is work, one
 * that undoes work is an undo, one that undoes an undo is a redo (work
 * again), and so on by parity. The search walks only the `changes` rows of
 * one person, newest first, through the index on (who, id), and the
 * reversals of each through the index on undoes: the images in
 * change_rows are never read to find what to reverse.
 */
#include <panelboard/edit.h>

#include "sql.h"

/* How many reversals deep change id is: 0 for work, 1 for an undo ... */
static int depth_of(struct pb_db *db, int64_t id, struct pb_error *err)
{
    int depth = 0;
    for (;;) {
        sqlite3_stmt *st = sql_prepare(db, "SELECT undoes FROM changes WHERE id = :id", err);
        if (!st)
            return -1;
        sql_bind_int(st, ":id", id);
        int rc = sql_step(db, st, err);
        id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (rc < 0)
            return -1;
        if (id == 0)
            return depth;
        depth++;
    }
}

/* A change is in effect unless a reversal of it is. 1, 0, or -1 on error. */
static int in_effect(struct pb_db *db, int64_t id, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, "SELECT id FROM changes WHERE undoes = :id", err);
    if (!st)
        return -1;
    sql_bind_int(st, ":id", id);
    int64_t reversals[8];
    size_t n = 0;
    int rc;
    while (n < 8 && (rc = sql_step(db, st, err)) == SQLITE_ROW)
        reversals[n++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (n < 8 && rc < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        int e = in_effect(db, reversals[i], err);
        if (e != 0)
            return e < 0 ? -1 : 0;
    }
    return 1;
}

/* The newest change of pb_db_who to reverse: for undo, work in effect (a
 * redo included); for redo, an undo in effect, met before any work. */
static enum pb_status find_mine(struct pb_db *db, bool redo, int64_t *found,
                                struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, "SELECT id FROM changes WHERE who IS :who"
                                       " ORDER BY id DESC", err);
    if (!st)
        return err ? err->status : PB_ERR_INTERNAL;
    sql_bind_text(st, ":who", pb_db_who(db));
    *found = 0;
    int rc, effect = 0, depth = 0;
    while (*found == 0 && (rc = sql_step(db, st, err)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        effect = in_effect(db, id, err);
        depth = effect > 0 ? depth_of(db, id, err) : 0;
        if (effect < 0 || depth < 0)
            break;
        if (effect == 0)
            continue;
        if (redo ? depth % 2 == 1 : depth % 2 == 0)
            *found = id;
        else if (redo && depth == 0)
            break; /* new work since: nothing left to redo */
    }
    sqlite3_reset(st);
    if (rc < 0 || effect < 0 || depth < 0)
        return err ? err->status : PB_ERR_INTERNAL;
    if (*found == 0) {
        const char *who = pb_db_who(db);
        if (who)
            return pb_error_set(err, PB_ERR_NOT_FOUND, "nothing made as %s to %s", who,
                                redo ? "redo" : "undo");
        return pb_error_set(err, PB_ERR_NOT_FOUND, "nothing made without --as to %s",
                            redo ? "redo" : "undo");
    }
    return PB_OK;
}

static enum pb_status reverse_mine(struct pb_db *db, bool redo, int64_t *which,
                                   int64_t *reversal, struct pb_error *err)
{
    int64_t id = 0;
    enum pb_status s = find_mine(db, redo, &id, err);
    if (s == PB_OK && which)
        *which = id;
    return s == PB_OK ? pb_change_undo(db, id, reversal, err) : s;
}

enum pb_status pb_undo_mine(struct pb_db *db, int64_t *undone, int64_t *reversal,
                            struct pb_error *err)
{
    return reverse_mine(db, false, undone, reversal, err);
}

enum pb_status pb_redo_mine(struct pb_db *db, int64_t *redone, int64_t *reversal,
                            struct pb_error *err)
{
    return reverse_mine(db, true, redone, reversal, err);
}
