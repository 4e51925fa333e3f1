/*
 * Reading one meeting for its minutes (meeting.h): a handful of queries
 * run inside one savepoint, so that they all see the same snapshot. People
 * are named in SQL (the member_named view: post, else name) so that the
 * layers above never see a member id they would have to look up again.
 */
#include <panelboard/meeting.h>

#include "sql.h"

#include <stdlib.h>
#include <string.h>

/* The record and what it owns; pb_meeting_free casts back to it. */
struct record {
    struct pb_meeting pub; /* first */
    struct pb_meeting_theme *themes;
    struct pb_meeting_update *updates;
    struct pb_meeting_action *actions;
    struct pb_meeting_decision *decisions;
    struct pb_meeting_question *questions;
    struct pb_meeting_seat *seats;
    struct pb_meeting_person *present;
    const char **apologies;
    struct pb_meeting_declaration *declarations;
    struct pb_meeting_item *items;
    size_t cap_themes, cap_updates, cap_actions, cap_decisions, cap_questions, cap_seats;
    size_t cap_present, cap_apologies, cap_declarations, cap_items;
    void **owned; /* strings and owner lists */
    size_t n_owned, cap_owned;
};

/* A new zeroed element at the end of array arr (count n, capacity cap). */
#define APPEND(arr, n, cap)                                                                        \
    ((n) == (cap)                                                                                  \
         ? (void)((arr) = pb_xrealloc((arr), ((cap) = (cap) ? 2 * (cap) : 8) * sizeof *(arr)))     \
         : (void)0,                                                                                \
     memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

static void *own(struct record *r, void *p)
{
    if (p)
        *APPEND(r->owned, r->n_owned, r->cap_owned) = p;
    return p;
}

/* Column text kept for the life of the record; NULL for SQL NULL. */
static const char *keep(struct record *r, sqlite3_stmt *st, int col)
{
    return own(r, sql_text_dup(st, col));
}

static enum pb_status failed(struct pb_error *err)
{
    return err ? err->status : PB_ERR_INTERNAL;
}

typedef enum pb_status (*row_fn)(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                 struct pb_error *err);

/* Steps st to the end, handing each row to fn, and resets it. */
static enum pb_status each_row(struct pb_db *db, struct record *r, sqlite3_stmt *st, row_fn fn,
                               struct pb_error *err)
{
    enum pb_status s = PB_OK;
    int rc;
    while (s == PB_OK && (rc = sql_step(db, st, err)) == SQLITE_ROW)
        s = fn(db, r, st, err);
    sqlite3_reset(st);
    if (s == PB_OK && rc < 0)
        s = failed(err);
    return s;
}

/* A query over the meeting's id or date, run to the end through fn. */
static enum pb_status query(struct pb_db *db, struct record *r, const char *sql, row_fn fn,
                            struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, sql, err);
    if (!st)
        return failed(err);
    if (sqlite3_bind_parameter_index(st, ":meeting"))
        sql_bind_text(st, ":meeting", r->pub.id);
    if (sqlite3_bind_parameter_index(st, ":date"))
        sql_bind_text(st, ":date", r->pub.date);
    return each_row(db, r, st, fn, err);
}

static enum pb_status not_found(struct pb_db *db, const char *id, struct pb_error *err)
{
    if (!id)
        return pb_error_set(err, PB_ERR_NOT_FOUND, "no meetings yet");
    char **keys = NULL;
    size_t n = 0;
    enum pb_status s = pb_record_keys(db, PB_KIND_MEETING, &keys, &n, err);
    if (s != PB_OK)
        return s;
    const char *near = pb_suggest(id, (const char *const *)keys, n);
    if (n == 0)
        s = pb_error_set(err, PB_ERR_NOT_FOUND, "no meeting '%s': no meetings yet", id);
    else if (near)
        s = pb_error_set(err, PB_ERR_NOT_FOUND, "no meeting '%s'; did you mean '%s'?", id, near);
    else
        s = pb_error_set(err, PB_ERR_NOT_FOUND, "no meeting '%s'", id);
    pb_strings_free(keys, n);
    return s;
}

static enum pb_status find_meeting(struct pb_db *db, struct record *r, const char *id,
                                   struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db,
        id ? "SELECT id, date, title FROM meetings WHERE id = :id"
           : "SELECT id, date, title FROM meetings ORDER BY date DESC, rowid DESC LIMIT 1",
        err);
    if (!st)
        return failed(err);
    if (id)
        sql_bind_text(st, ":id", id);
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW) {
        r->pub.id = keep(r, st, 0);
        r->pub.date = keep(r, st, 1);
        r->pub.title = keep(r, st, 2);
    }
    sqlite3_reset(st);
    if (rc < 0)
        return failed(err);
    return rc == SQLITE_ROW ? PB_OK : not_found(db, id, err);
}

static enum pb_status panel_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                struct pb_error *err)
{
    (void)db;
    (void)err;
    r->pub.panel_name = keep(r, st, 0);
    return PB_OK;
}

static enum pb_status theme_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                struct pb_error *err)
{
    (void)db;
    (void)err;
    struct pb_meeting_theme *t = APPEND(r->themes, r->pub.n_themes, r->cap_themes);
    t->id = keep(r, st, 0);
    t->title = keep(r, st, 1);
    t->lead = keep(r, st, 2);
    return PB_OK;
}

static enum pb_status update_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                 struct pb_error *err)
{
    (void)db;
    (void)err;
    struct pb_meeting_update *u = APPEND(r->updates, r->pub.n_updates, r->cap_updates);
    u->action = sqlite3_column_int64(st, 0);
    u->theme = keep(r, st, 1);
    u->by = keep(r, st, 2);
    u->text = keep(r, st, 3);
    u->action_title = keep(r, st, 4);
    u->action_item = keep(r, st, 5);
    return PB_OK;
}

/* An action's owners, named, in the order given. */
static enum pb_status read_owners(struct pb_db *db, struct record *r, struct pb_meeting_action *a,
                                  struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db,
        "SELECT m.named FROM action_owners o JOIN member_named m ON m.id = o.member "
        "WHERE o.action = :action ORDER BY o.position",
        err);
    if (!st)
        return failed(err);
    sql_bind_int(st, ":action", a->id);
    const char **owners = NULL;
    size_t cap = 0;
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW)
        *APPEND(owners, a->n_owners, cap) = keep(r, st, 0);
    sqlite3_reset(st);
    a->owners = own(r, owners);
    return rc < 0 ? failed(err) : PB_OK;
}

static enum pb_status action_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                 struct pb_error *err)
{
    struct pb_meeting_action *a = APPEND(r->actions, r->pub.n_actions, r->cap_actions);
    a->id = sqlite3_column_int64(st, 0);
    a->title = keep(r, st, 1);
    a->owners_all = sqlite3_column_int(st, 2) != 0;
    a->theme = keep(r, st, 3);
    a->due = keep(r, st, 4);
    a->ref = keep(r, st, 5);
    a->item = keep(r, st, 6);
    a->status = keep(r, st, 7);
    a->closed_that_day = sqlite3_column_int(st, 8) != 0;
    return read_owners(db, r, a, err);
}

static enum pb_status decision_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                   struct pb_error *err)
{
    (void)db;
    (void)err;
    struct pb_meeting_decision *d = APPEND(r->decisions, r->pub.n_decisions, r->cap_decisions);
    d->ref = keep(r, st, 0);
    d->text = keep(r, st, 1);
    return PB_OK;
}

static enum pb_status question_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                   struct pb_error *err)
{
    (void)db;
    (void)err;
    struct pb_meeting_question *q = APPEND(r->questions, r->pub.n_questions, r->cap_questions);
    q->by = keep(r, st, 0);
    q->asked = keep(r, st, 1);
    q->answer = keep(r, st, 2);
    return PB_OK;
}

static enum pb_status seat_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                               struct pb_error *err)
{
    (void)db;
    (void)err;
    struct pb_meeting_seat *s = APPEND(r->seats, r->pub.n_seats, r->cap_seats);
    s->sector = keep(r, st, 0);
    s->status = keep(r, st, 1);
    s->member = keep(r, st, 2);
    s->ref = keep(r, st, 3);
    s->resolved_here = sqlite3_column_int(st, 4) != 0;
    return PB_OK;
}

static enum pb_status chair_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                struct pb_error *err)
{
    (void)db;
    (void)err;
    r->pub.chair = keep(r, st, 0);
    return PB_OK;
}

static enum pb_status present_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                  struct pb_error *err)
{
    (void)db;
    (void)err;
    struct pb_meeting_person *p = APPEND(r->present, r->pub.n_present, r->cap_present);
    p->name = keep(r, st, 0);
    p->attends = sqlite3_column_int(st, 1) != 0;
    return PB_OK;
}

static enum pb_status apologies_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                    struct pb_error *err)
{
    (void)db;
    (void)err;
    *APPEND(r->apologies, r->pub.n_apologies, r->cap_apologies) = keep(r, st, 0);
    return PB_OK;
}

static enum pb_status declaration_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                                      struct pb_error *err)
{
    (void)db;
    (void)err;
    struct pb_meeting_declaration *d =
        APPEND(r->declarations, r->pub.n_declarations, r->cap_declarations);
    d->by = keep(r, st, 0);
    d->item = keep(r, st, 1);
    d->text = keep(r, st, 2);
    return PB_OK;
}

/* The rows of an item's query (its documents, decisions or questions),
 * each handed to fn with the item. */
typedef void (*item_part_fn)(struct record *r, struct pb_meeting_item *item, sqlite3_stmt *st,
                             size_t *cap);

static enum pb_status item_part(struct pb_db *db, struct record *r, struct pb_meeting_item *item,
                                int64_t item_id, const char *sql, item_part_fn fn,
                                struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, sql, err);
    if (!st)
        return failed(err);
    sql_bind_int(st, ":item", item_id);
    size_t cap = 0;
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW)
        fn(r, item, st, &cap);
    sqlite3_reset(st);
    return rc < 0 ? failed(err) : PB_OK;
}

static void document_part(struct record *r, struct pb_meeting_item *item, sqlite3_stmt *st,
                          size_t *cap)
{
    const char **docs = (const char **)item->documents;
    *APPEND(docs, item->n_documents, *cap) = keep(r, st, 0);
    item->documents = docs;
}

static void decision_part(struct record *r, struct pb_meeting_item *item, sqlite3_stmt *st,
                          size_t *cap)
{
    struct pb_meeting_decision *ds = (struct pb_meeting_decision *)item->decisions;
    struct pb_meeting_decision *d = APPEND(ds, item->n_decisions, *cap);
    d->ref = keep(r, st, 0);
    d->text = keep(r, st, 1);
    item->decisions = ds;
}

static void question_part(struct record *r, struct pb_meeting_item *item, sqlite3_stmt *st,
                          size_t *cap)
{
    struct pb_meeting_question *qs = (struct pb_meeting_question *)item->questions;
    struct pb_meeting_question *q = APPEND(qs, item->n_questions, *cap);
    q->by = keep(r, st, 0);
    q->asked = keep(r, st, 1);
    q->answer = keep(r, st, 2);
    item->questions = qs;
}

static enum pb_status item_row(struct pb_db *db, struct record *r, sqlite3_stmt *st,
                               struct pb_error *err)
{
    struct pb_meeting_item *item = APPEND(r->items, r->pub.n_items, r->cap_items);
    int64_t id = sqlite3_column_int64(st, 0);
    item->ref = keep(r, st, 1);
    item->title = keep(r, st, 2);
    item->summary = keep(r, st, 3);
    item->contact = keep(r, st, 4);
    item->minutes = keep(r, st, 5);
    item->report_backs = sqlite3_column_int(st, 6) != 0;
    item->exempt = sqlite3_column_int(st, 7) != 0;
    enum pb_status s = item_part(
        db, r, item, id, "SELECT text FROM item_documents WHERE item = :item ORDER BY position",
        document_part, err);
    if (s == PB_OK)
        s = item_part(db, r, item, id,
                      "SELECT ref, text FROM item_decisions WHERE item = :item ORDER BY rowid",
                      decision_part, err);
    if (s == PB_OK)
        s = item_part(db, r, item, id,
                      "SELECT m.named, q.asked, q.answer FROM item_questions q "
                      "LEFT JOIN member_named m ON m.id = q.by WHERE q.item = :item "
                      "ORDER BY q.rowid",
                      question_part, err);
    own(r, (void *)item->documents);
    own(r, (void *)item->decisions);
    own(r, (void *)item->questions);
    return s;
}

static const char panel_sql[] = "SELECT name FROM panel";

static const char themes_sql[] =
    "SELECT t.id, t.title, m.named FROM themes t "
    "LEFT JOIN member_named m ON m.id = t.lead ORDER BY t.position, t.rowid";

static const char chair_sql[] =
    "SELECT m.name FROM meetings g JOIN members m ON m.id = g.chair WHERE g.id = :meeting";

/* The chair first, whether or not the present list names them. */
static const char present_sql[] =
    "SELECT m.name, m.kind = 'officer' OR m.kind = 'adviser' FROM members m "
    "JOIN meetings g ON g.id = :meeting "
    "LEFT JOIN meeting_present p ON p.meeting = g.id AND p.member = m.id "
    "WHERE m.id = g.chair OR p.member IS NOT NULL "
    "ORDER BY m.id IS NOT g.chair, p.position";

static const char apologies_sql[] =
    "SELECT m.name FROM meeting_apologies a JOIN members m ON m.id = a.member "
    "WHERE a.meeting = :meeting ORDER BY a.position";

static const char declarations_sql[] =
    "SELECT m.name, d.item, d.text FROM declarations d JOIN members m ON m.id = d.by "
    "WHERE d.meeting = :meeting ORDER BY d.rowid";

static const char items_sql[] =
    "SELECT id, ref, title, summary, contact, minutes, report_backs, exempt FROM items "
    "WHERE meeting = :meeting ORDER BY rowid";

static const char updates_sql[] =
    "SELECT u.action, a.theme, m.named, u.text, a.title,"
    "       CASE WHEN a.meeting = :meeting THEN a.item END FROM updates u "
    "JOIN actions a ON a.id = u.action LEFT JOIN member_named m ON m.id = u.by "
    "WHERE u.date = :date ORDER BY u.action, u.rowid";

/* Closed at the meeting: done now, and the last change of its status to
 * done counts for the meeting's date. */
static const char actions_sql[] =
    "SELECT a.id, a.title, a.owners_all, a.theme, a.due, a.ref, a.item, a.status,"
    "  a.status = 'done' AND (SELECT coalesce(c.on_day, date(c.at)) FROM change_rows r"
    "    JOIN changes c ON c.id = r.change WHERE r.tbl = 'actions' AND r.row_id = a.id"
    "    AND json_extract(r.after, '$.status') = 'done'"
    "    AND json_extract(r.before, '$.status') IS NOT 'done'"
    "    ORDER BY r.id DESC LIMIT 1) = :date "
    "FROM actions a WHERE a.meeting = :meeting AND a.status <> 'dropped' ORDER BY a.id";

static const char decisions_sql[] =
    "SELECT ref, text FROM decisions WHERE meeting = :meeting ORDER BY rowid";

static const char questions_sql[] =
    "SELECT m.named, q.asked, q.answer FROM questions q "
    "LEFT JOIN member_named m ON m.id = q.by WHERE q.meeting = :meeting ORDER BY q.rowid";

/*
 * The seats from the history's images of co_options rows (change_rows,
 * JSON), read once up to the end of the meeting's date. A seat's status
 * changed that day when the first image of the day had one status before
 * and the last image of the day another after: a change undone the same
 * day is no change. Dates of changes are UTC, as the history records them.
 */
static const char seats_sql[] =
    "WITH seat_history AS MATERIALIZED ("
    "  SELECT r.id AS seq, coalesce(c.on_day, date(c.at)) AS day,"
    "         json_extract(coalesce(r.after, r.before), '$.id') AS seat,"
    "         json_extract(r.before, '$.status') AS was,"
    "         json_extract(r.after, '$.status') AS became"
    "  FROM change_rows r JOIN changes c ON c.id = r.change"
    "  WHERE r.tbl = 'co_options' AND coalesce(c.on_day, date(c.at)) <= :date"
    "), that_day AS ("
    "  SELECT seat,"
    "    (SELECT was FROM seat_history f WHERE f.seat = h.seat AND f.day = :date"
    "     ORDER BY seq LIMIT 1) AS was,"
    "    (SELECT became FROM seat_history l WHERE l.seat = h.seat AND l.day = :date"
    "     ORDER BY seq DESC LIMIT 1) AS became"
    "  FROM seat_history h WHERE h.day = :date GROUP BY seat"
    ") "
    "SELECT s.sector,"
    "  coalesce((SELECT became FROM seat_history h WHERE h.seat = s.id"
    "            ORDER BY seq DESC LIMIT 1), s.status),"
    "  m.named, s.ref, s.resolved IS :date "
    "FROM co_options s LEFT JOIN member_named m ON m.id = s.member "
    "WHERE s.resolved = :date OR s.id IN (SELECT seat FROM that_day WHERE was <> became) "
    "ORDER BY s.rowid";

static enum pb_status load(struct pb_db *db, struct record *r, const char *id, struct pb_error *err)
{
    static const struct {
        const char *sql;
        row_fn fn;
    } queries[] = {
        {panel_sql, panel_row},
        {chair_sql, chair_row},
        {present_sql, present_row},
        {apologies_sql, apologies_row},
        {declarations_sql, declaration_row},
        {items_sql, item_row},
        {themes_sql, theme_row},
        {updates_sql, update_row},
        {actions_sql, action_row},
        {decisions_sql, decision_row},
        {questions_sql, question_row},
        {seats_sql, seat_row},
    };
    enum pb_status s = find_meeting(db, r, id, err);
    for (size_t i = 0; s == PB_OK && i < sizeof queries / sizeof queries[0]; i++)
        s = query(db, r, queries[i].sql, queries[i].fn, err);
    r->pub.themes = r->themes;
    r->pub.updates = r->updates;
    r->pub.actions = r->actions;
    r->pub.decisions = r->decisions;
    r->pub.questions = r->questions;
    r->pub.seats = r->seats;
    r->pub.present = r->present;
    r->pub.apologies = r->apologies;
    r->pub.declarations = r->declarations;
    r->pub.items = r->items;
    return s;
}

enum pb_status pb_meeting_load(struct pb_db *db, const char *id, struct pb_meeting **out,
                               struct pb_error *err)
{
    *out = NULL;
    enum pb_status s = sql_exec(db, "SAVEPOINT meeting_load", err);
    if (s != PB_OK)
        return s;
    struct record *r = pb_xcalloc(1, sizeof *r);
    s = load(db, r, id, err);
    /* Only read: releasing is all there is to undo. */
    sqlite3_exec(db->sql, "RELEASE meeting_load", NULL, NULL, NULL);
    if (s != PB_OK) {
        pb_meeting_free(&r->pub);
        return s;
    }
    *out = &r->pub;
    return PB_OK;
}

void pb_meeting_free(struct pb_meeting *meeting)
{
    if (!meeting)
        return;
    struct record *r = (struct record *)meeting;
    for (size_t i = 0; i < r->n_owned; i++)
        free(r->owned[i]);
    free(r->owned);
    free(r->themes);
    free(r->updates);
    free(r->actions);
    free(r->decisions);
    free(r->questions);
    free(r->seats);
    free(r->present);
    free(r->apologies);
    free(r->declarations);
    free(r->items);
    free(r);
}

/* ---- members as named, for the report ---- */

enum pb_status pb_members_named_load(struct pb_db *db, struct pb_members_named *out,
                                     struct pb_error *err)
{
    *out = (struct pb_members_named){0};
    /* id order is strcmp's: ids are ASCII, and BINARY compares bytes */
    sqlite3_stmt *st = sql_prepare(db, "SELECT id, named FROM member_named ORDER BY id", err);
    if (!st)
        return failed(err);
    size_t cap = 0;
    int rc;
    while ((rc = sql_step(db, st, err)) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? 2 * cap : 16;
            out->ids = pb_xrealloc(out->ids, cap * sizeof *out->ids);
            out->named = pb_xrealloc(out->named, cap * sizeof *out->named);
        }
        out->ids[out->n] = sql_text_dup(st, 0);
        out->named[out->n++] = sql_text_dup(st, 1);
    }
    sqlite3_reset(st);
    if (rc < 0) {
        pb_members_named_free(out);
        return failed(err);
    }
    return PB_OK;
}

const char *pb_members_named_find(const struct pb_members_named *names, const char *id)
{
    size_t lo = 0, hi = names->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(id, names->ids[mid]);
        if (c == 0)
            return names->named[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

void pb_members_named_free(struct pb_members_named *names)
{
    pb_strings_free(names->ids, names->n);
    pb_strings_free(names->named, names->n);
    *names = (struct pb_members_named){0};
}
