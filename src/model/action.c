/*
 * Actions (action.h): typed operations over the actions, action_owners and
 * updates tables. Writes go through changes, so the history triggers record
 * them; reads stream rows straight from SQLite, so that a listing of a large
 * panel never holds more than one action in memory.
 */
#include <panelboard/action.h>

#include "action_rows.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const pb_action_statuses[] = {"open", "in-progress", "done", "dropped", NULL};

/* ---- checking what callers pass in ---- */

static enum pb_status check_status(const char *status, struct pb_error *err)
{
    for (size_t i = 0; pb_action_statuses[i]; i++)
        if (strcmp(status, pb_action_statuses[i]) == 0)
            return PB_OK;
    size_t n = 0;
    while (pb_action_statuses[n])
        n++;
    const char *near = pb_suggest(status, pb_action_statuses, n);
    if (near)
        return pb_error_set(err, PB_ERR_DATA,
                            "no status '%s'; did you mean '%s'? (open, in-progress, done or "
                            "dropped)",
                            status, near);
    return pb_error_set(err, PB_ERR_DATA, "no status '%s' (use open, in-progress, done or dropped)",
                        status);
}

enum pb_status action_check_ref(struct pb_db *db, enum pb_kind kind, const char *id,
                                struct pb_error *err)
{
    return pb_record_require(db, kind, id, err);
}

static enum pb_status step_failed(struct pb_error *err)
{
    return err ? err->status : PB_ERR_INTERNAL;
}

/* ---- reading rows ---- */

enum {
    COL_ID,
    COL_TITLE,
    COL_ALL,
    COL_OWNERS,
    COL_THEME,
    COL_DUE,
    COL_STATUS,
    COL_MEETING,
    COL_REF,
    COL_REVISION,
    COL_OVERDUE
};

/* Where the owners of the row being read are split; reused row to row. */
struct owners_scratch {
    char *text;
    const char **items;
    size_t cap;
};

static void split_owners(const char *joined, struct owners_scratch *s, struct pb_action *a)
{
    a->owners = NULL;
    a->n_owners = 0;
    if (!joined)
        return;
    size_t len = strlen(joined);
    if (len + 1 > s->cap) {
        s->cap = len + 1;
        s->text = pb_xrealloc(s->text, s->cap);
        /* at most one id per two bytes: "a,b" */
        s->items = pb_xrealloc(s->items, (s->cap / 2 + 1) * sizeof *s->items);
    }
    memcpy(s->text, joined, len + 1);
    size_t n = 0;
    for (char *p = s->text; p; n++) {
        s->items[n] = p;
        p = strchr(p, ',');
        if (p)
            *p++ = '\0';
    }
    a->owners = s->items;
    a->n_owners = n;
}

static void scratch_free(struct owners_scratch *s)
{
    free(s->text);
    free(s->items);
}

/* The action on the current row of an ACTION_COLUMNS statement; its strings
 * live until the statement moves on. */
static void read_action(sqlite3_stmt *st, struct owners_scratch *s, struct pb_action *a)
{
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(st, COL_ID);
    a->title = sql_text(st, COL_TITLE);
    a->owners_all = sqlite3_column_int(st, COL_ALL) != 0;
    split_owners(sql_text(st, COL_OWNERS), s, a);
    a->theme = sql_text(st, COL_THEME);
    const char *due = sql_text(st, COL_DUE);
    a->has_due = due && pb_date_parse(due, &a->due);
    a->status = sql_text(st, COL_STATUS);
    a->meeting = sql_text(st, COL_MEETING);
    a->ref = sql_text(st, COL_REF);
    a->revision = sqlite3_column_int64(st, COL_REVISION);
    a->overdue = sqlite3_column_int(st, COL_OVERDUE) != 0;
}

void action_bind_today(struct pb_db *db, sqlite3_stmt *st)
{
    char today[11];
    pb_date_format(pb_db_today(db), today);
    sql_bind_text(st, ":today", today);
}

enum pb_status action_stream(struct pb_db *db, sqlite3_stmt *st, pb_action_fn fn, void *ctx,
                             struct pb_error *err)
{
    struct owners_scratch scratch = {0};
    struct pb_action a;
    enum pb_status s = PB_OK;
    int rc = SQLITE_DONE;
    while (s == PB_OK && (rc = sql_step(db, st, err)) == SQLITE_ROW) {
        read_action(st, &scratch, &a);
        s = fn(&a, ctx, err);
    }
    if (s == PB_OK && rc < 0)
        s = step_failed(err);
    sqlite3_reset(st);
    scratch_free(&scratch);
    return s;
}

/* ---- one action, owned by the caller ---- */

/* What pb_action_get hands out: the action, and everything it points to. */
struct owned_action {
    struct pb_action action; /* first, so that pb_action_free gets the rest back */
    char **strings;
    size_t n_strings;
    const char **owners;
    struct pb_action_update *updates;
};

static const char *keep(struct owned_action *o, const char *s)
{
    if (!s)
        return NULL;
    o->strings = pb_xrealloc(o->strings, (o->n_strings + 1) * sizeof *o->strings);
    return o->strings[o->n_strings++] = pb_xstrdup(s);
}

static void keep_action(struct owned_action *o, const struct pb_action *a)
{
    o->action = *a;
    o->action.title = keep(o, a->title);
    o->action.theme = keep(o, a->theme);
    o->action.status = keep(o, a->status);
    o->action.meeting = keep(o, a->meeting);
    o->action.ref = keep(o, a->ref);
    o->owners = pb_xcalloc(a->n_owners + 1, sizeof *o->owners);
    for (size_t i = 0; i < a->n_owners; i++)
        o->owners[i] = keep(o, a->owners[i]);
    o->action.owners = o->owners;
}

static enum pb_status read_updates(struct pb_db *db, struct owned_action *o, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db, "SELECT id, date, by, text FROM updates WHERE action = :id ORDER BY date, id", err);
    if (!st)
        return step_failed(err);
    sql_bind_int(st, ":id", o->action.id);
    size_t n = 0;
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
        o->updates = pb_xrealloc(o->updates, (n + 1) * sizeof *o->updates);
        struct pb_action_update *u = &o->updates[n++];
        u->id = sqlite3_column_int64(st, 0);
        if (!pb_date_parse(sql_text(st, 1), &u->date))
            u->date = 0; /* the schema's CHECK makes this unreachable */
        u->by = keep(o, sql_text(st, 2));
        u->text = keep(o, sql_text(st, 3));
    }
    sqlite3_reset(st);
    o->action.updates = o->updates;
    o->action.n_updates = n;
    return rc < 0 ? step_failed(err) : PB_OK;
}

static enum pb_status no_action(int64_t id, struct pb_error *err)
{
    return pb_error_set(err, PB_ERR_NOT_FOUND, "no action #%" PRId64, id);
}

enum pb_status pb_action_get(struct pb_db *db, int64_t id, struct pb_action **out,
                             struct pb_error *err)
{
    *out = NULL;
    sqlite3_stmt *st = sql_prepare(db, ACTION_COLUMNS " WHERE a.id = :id", err);
    if (!st)
        return step_failed(err);
    action_bind_today(db, st);
    sql_bind_int(st, ":id", id);
    int rc = sql_step(db, st, err);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return rc < 0 ? step_failed(err) : no_action(id, err);
    }
    struct owned_action *o = pb_xcalloc(1, sizeof *o);
    struct owners_scratch scratch = {0};
    struct pb_action a;
    read_action(st, &scratch, &a);
    keep_action(o, &a);
    scratch_free(&scratch);
    sqlite3_reset(st);
    enum pb_status s = read_updates(db, o, err);
    if (s != PB_OK) {
        pb_action_free(&o->action);
        return s;
    }
    *out = &o->action;
    return PB_OK;
}

void pb_action_free(struct pb_action *action)
{
    if (!action)
        return;
    struct owned_action *o = (struct owned_action *)action;
    pb_strings_free(o->strings, o->n_strings);
    free(o->owners);
    free(o->updates);
    free(o);
}

/* ---- writing ---- */

static enum pb_status insert_owners(struct pb_db *db, int64_t id, const struct pb_action_new *a,
                                    struct pb_error *err)
{
    int64_t position = 0;
    for (size_t i = 0; i < a->n_owners; i++) {
        bool again = false;
        for (size_t j = 0; j < i; j++)
            again |= strcmp(a->owners[i], a->owners[j]) == 0;
        if (again)
            continue; /* "@knox @knox" means knox */
        sqlite3_stmt *st = sql_prepare(db,
                                       "INSERT INTO action_owners (action, member, position)"
                                       " VALUES (:action, :member, :position)",
                                       err);
        if (!st)
            return step_failed(err);
        sql_bind_int(st, ":action", id);
        sql_bind_text(st, ":member", a->owners[i]);
        sql_bind_int(st, ":position", ++position);
        enum pb_status s = sql_run(db, st, err);
        if (s != PB_OK)
            return s;
    }
    return PB_OK;
}

static enum pb_status insert_action(struct pb_db *db, const struct pb_action_new *a,
                                    const char *title, const char *ref, int64_t *id,
                                    struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db,
                                   "INSERT INTO actions (title, owners_all, theme, due, status,"
                                   " meeting, item, ref) VALUES (:title, :all, :theme, :due,"
                                   " 'open', :meeting, :item, :ref)",
                                   err);
    if (!st)
        return step_failed(err);
    char due[11];
    if (a->has_due)
        pb_date_format(a->due, due);
    sql_bind_text(st, ":title", title);
    sql_bind_int(st, ":all", a->owners_all);
    sql_bind_text(st, ":theme", a->theme);
    sql_bind_text(st, ":due", a->has_due ? due : NULL);
    sql_bind_text(st, ":meeting", a->meeting);
    sql_bind_text(st, ":item", a->item);
    sql_bind_text(st, ":ref", ref);
    enum pb_status s = sql_run(db, st, err);
    if (s != PB_OK)
        return s;
    *id = sqlite3_last_insert_rowid(db->sql);
    return insert_owners(db, *id, a, err);
}

/* Everything an action names must exist before anything is written. */
static enum pb_status check_item(struct pb_db *db, const char *meeting, const char *ref,
                                 struct pb_error *err)
{
    sqlite3_stmt *st =
        sql_prepare(db, "SELECT 1 FROM items WHERE meeting = :meeting AND ref = :ref", err);
    if (!st)
        return step_failed(err);
    sql_bind_text(st, ":meeting", meeting);
    sql_bind_text(st, ":ref", ref);
    int rc = sql_step(db, st, err);
    sqlite3_reset(st);
    if (rc < 0)
        return step_failed(err);
    if (rc != SQLITE_ROW)
        return pb_error_set(err, PB_ERR_NOT_FOUND, "meeting %s has no agenda item '%s'", meeting,
                            ref);
    return PB_OK;
}

static enum pb_status check_new(struct pb_db *db, const struct pb_action_new *a,
                                struct pb_error *err)
{
    /* all may lead named owners: "Action: All, Governance Officer" */
    if (!a->owners_all && a->n_owners == 0)
        return pb_error_set(err, PB_ERR_DATA, "an action needs an owner: a member, or all");
    enum pb_status s = PB_OK;
    for (size_t i = 0; s == PB_OK && i < a->n_owners; i++)
        s = action_check_ref(db, PB_KIND_MEMBER, a->owners[i], err);
    if (s == PB_OK && a->theme)
        s = action_check_ref(db, PB_KIND_THEME, a->theme, err);
    if (s == PB_OK && a->meeting)
        s = action_check_ref(db, PB_KIND_MEETING, a->meeting, err);
    if (s == PB_OK && a->item && !a->meeting)
        s = pb_error_set(err, PB_ERR_DATA, "an action's agenda item needs its meeting");
    if (s == PB_OK && a->item)
        s = check_item(db, a->meeting, a->item, err);
    return s;
}

enum pb_status pb_action_add(struct pb_db *db, const struct pb_action_new *action, int64_t *id,
                             struct pb_error *err)
{
    char *title = NULL, *ref = NULL;
    enum pb_status s = pb_text_clean("a title", action->title ? action->title : "", PB_NAME_MAX_CHARS,
                                  false, &title, err);
    if (s == PB_OK && action->ref)
        s = pb_text_clean("a ref", action->ref, PB_NAME_MAX_CHARS, false, &ref, err);
    if (s == PB_OK) {
        char *what = pb_xasprintf("add action: %s", title);
        s = pb_change_begin(db, what, err);
        free(what);
        if (s == PB_OK) {
            s = check_new(db, action, err);
            if (s == PB_OK)
                s = insert_action(db, action, title, ref, id, err);
            s = pb_change_end(db, s, err);
        }
    }
    free(title);
    free(ref);
    return s;
}

/* The note's author must be a member (the history keeps any --as, but an
 * update's `by` names a row). It is dated the day the work counts for. */
static enum pb_status insert_update(struct pb_db *db, int64_t id, const char *text,
                                    struct pb_error *err)
{
    const char *who = pb_db_who(db);
    if (who) {
        enum pb_status s = action_check_ref(db, PB_KIND_MEMBER, who, err);
        if (s != PB_OK)
            return s;
    }
    sqlite3_stmt *st = sql_prepare(db,
                                   "INSERT INTO updates (action, date, by, text)"
                                   " VALUES (:action, :date, :by, :text)",
                                   err);
    if (!st)
        return step_failed(err);
    char date[11];
    pb_date_format(pb_db_work_day(db), date);
    sql_bind_int(st, ":action", id);
    sql_bind_text(st, ":date", date);
    sql_bind_text(st, ":by", who);
    sql_bind_text(st, ":text", text);
    return sql_run(db, st, err);
}

/* Inside the change: the action exists and is still at the revision the
 * caller read. */
static enum pb_status check_revision(struct pb_db *db, int64_t id, int64_t expected,
                                     struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, "SELECT revision FROM actions WHERE id = :id", err);
    if (!st)
        return step_failed(err);
    sql_bind_int(st, ":id", id);
    int rc = sql_step(db, st, err);
    int64_t revision = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc < 0)
        return step_failed(err);
    if (rc != SQLITE_ROW)
        return no_action(id, err);
    if (expected >= 0 && revision != expected)
        return pb_error_set(err, PB_ERR_CONFLICT,
                            "action #%" PRId64 " was changed by someone else since you read it",
                            id);
    return PB_OK;
}

static enum pb_status update_status(struct pb_db *db, int64_t id, const char *status,
                                    struct pb_error *err)
{
    /* The same status again is no change: no new revision, no history row. */
    sqlite3_stmt *st = sql_prepare(db,
                                   "UPDATE actions SET status = :status, revision = revision + 1"
                                   " WHERE id = :id AND status IS NOT :status",
                                   err);
    if (!st)
        return step_failed(err);
    sql_bind_int(st, ":id", id);
    sql_bind_text(st, ":status", status);
    return sql_run(db, st, err);
}

enum pb_status pb_action_set_status(struct pb_db *db, int64_t id, const char *status,
                                    const char *note, int64_t expected_revision,
                                    struct pb_error *err)
{
    char *text = NULL;
    enum pb_status s = check_status(status, err);
    if (s == PB_OK && note)
        s = pb_text_clean("a note", note, PB_TEXT_MAX_CHARS, true, &text, err);
    if (s != PB_OK)
        return s;
    char what[64];
    if (strcmp(status, "done") == 0)
        snprintf(what, sizeof what, "done #%" PRId64, id);
    else
        snprintf(what, sizeof what, "status #%" PRId64 " %s", id, status);
    s = pb_change_begin(db, what, err);
    if (s == PB_OK) {
        s = check_revision(db, id, expected_revision, err);
        if (s == PB_OK)
            s = update_status(db, id, status, err);
        if (s == PB_OK && text)
            s = insert_update(db, id, text, err);
        s = pb_change_end(db, s, err);
    }
    free(text);
    return s;
}

enum pb_status pb_action_add_update(struct pb_db *db, int64_t id, const char *text,
                                    struct pb_error *err)
{
    char *clean = NULL;
    enum pb_status s = pb_text_clean("a note", text, PB_TEXT_MAX_CHARS, true, &clean, err);
    if (s != PB_OK)
        return s;
    char what[64];
    snprintf(what, sizeof what, "update #%" PRId64, id);
    s = pb_change_begin(db, what, err);
    if (s == PB_OK) {
        s = check_revision(db, id, -1, err);
        if (s == PB_OK)
            s = insert_update(db, id, clean, err);
        s = pb_change_end(db, s, err);
    }
    free(clean);
    return s;
}

/* ---- listings ---- */

/* One statement per combination of filters, written out so that each is a
 * constant the statement cache keys on. Each names the index that yields
 * its rows already in id order (INDEXED BY, as the pages do), so that a
 * listing streams from its first row and `| head` costs what it shows:
 * left to itself, and with no statistics, the planner took the status
 * index for --overdue and sorted every match before the first line. */
enum { F_THEME = 1, F_OWNER = 2, F_STATUS = 4, F_OVERDUE = 8 };

#define W_THEME " AND a.theme = :theme"
#define W_OWNER                                                                                    \
    " AND (a.owners_all = 1 OR a.id IN (SELECT action FROM action_owners"                          \
    " WHERE member = :owner))"
#define W_STATUS    " AND a.status = :status"
#define W_OVERDUE   " AND " ACTION_OVERDUE
#define LIST(index, where) ACTION_COLUMNS index " WHERE 1" where " ORDER BY a.id"
#define BY_ID          ""
#define BY_THEME       " INDEXED BY actions_by_theme_id"
#define BY_STATUS      " INDEXED BY actions_by_status"
#define BY_LIVE        " INDEXED BY actions_live_by_id"

static const char *const list_sql[16] = {
    LIST(BY_ID, ""),
    LIST(BY_THEME, W_THEME),
    LIST(BY_ID, W_OWNER),
    LIST(BY_THEME, W_THEME W_OWNER),
    LIST(BY_STATUS, W_STATUS),
    LIST(BY_THEME, W_THEME W_STATUS),
    LIST(BY_STATUS, W_OWNER W_STATUS),
    LIST(BY_THEME, W_THEME W_OWNER W_STATUS),
    LIST(BY_LIVE, W_OVERDUE),
    LIST(BY_THEME, W_THEME W_OVERDUE),
    LIST(BY_LIVE, W_OWNER W_OVERDUE),
    LIST(BY_THEME, W_THEME W_OWNER W_OVERDUE),
    LIST(BY_STATUS, W_STATUS W_OVERDUE),
    LIST(BY_THEME, W_THEME W_STATUS W_OVERDUE),
    LIST(BY_STATUS, W_OWNER W_STATUS W_OVERDUE),
    LIST(BY_THEME, W_THEME W_OWNER W_STATUS W_OVERDUE),
};

const char *action_list_sql(unsigned which)
{
    return list_sql[which & 15];
}

enum pb_status action_check_filter(struct pb_db *db, const struct pb_action_filter *f,
                                   struct pb_error *err)
{
    enum pb_status s = PB_OK;
    if (f->theme)
        s = action_check_ref(db, PB_KIND_THEME, f->theme, err);
    if (s == PB_OK && f->owner)
        s = action_check_ref(db, PB_KIND_MEMBER, f->owner, err);
    if (s == PB_OK && f->status)
        s = check_status(f->status, err);
    return s;
}

enum pb_status pb_action_list(struct pb_db *db, const struct pb_action_filter *filter,
                              pb_action_fn fn, void *ctx, struct pb_error *err)
{
    static const struct pb_action_filter none = {0};
    const struct pb_action_filter *f = filter ? filter : &none;
    enum pb_status s = action_check_filter(db, f, err);
    if (s != PB_OK)
        return s;
    unsigned which = (f->theme ? F_THEME : 0) | (f->owner ? F_OWNER : 0) |
                     (f->status ? F_STATUS : 0) | (f->overdue ? F_OVERDUE : 0);
    sqlite3_stmt *st = sql_prepare(db, list_sql[which], err);
    if (!st)
        return step_failed(err);
    action_bind_today(db, st);
    if (f->theme)
        sql_bind_text(st, ":theme", f->theme);
    if (f->owner)
        sql_bind_text(st, ":owner", f->owner);
    if (f->status)
        sql_bind_text(st, ":status", f->status);
    return action_stream(db, st, fn, ctx, err);
}
