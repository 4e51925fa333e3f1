/*
 * Running a meeting (agenda.h): today's meeting, its agenda, decisions,
 * questions, minutes text and attendance, each write one change; and the
 * updates a theme's lead reports back.
 */
#include <panelboard/agenda.h>
#include <panelboard/record.h>

#include "sql.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum pb_status failed(struct pb_error *err)
{
    return err ? err->status : PB_ERR_INTERNAL;
}

/* Steps st to its end, handing each row to row (which turns it into what
 * the caller's function takes), and resets it. */
typedef enum pb_status (*row_fn)(sqlite3_stmt *st, void *call, struct pb_error *err);
static enum pb_status each_row(struct pb_db *db, sqlite3_stmt *st, row_fn row, void *call,
                               struct pb_error *err)
{
    enum pb_status s = PB_OK;
    int rc = SQLITE_DONE;
    while (s == PB_OK && (rc = sql_step(db, st, err)) == SQLITE_ROW)
        s = row(st, call, err);
    if (s == PB_OK && rc < 0)
        s = failed(err);
    sqlite3_reset(st);
    return s;
}

/* ---- the meeting of a day ---- */

static enum pb_status meeting_on(struct pb_db *db, const char *day, bool *found,
                                 struct pb_meeting_brief *out, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db, "SELECT id FROM meetings WHERE date = :day ORDER BY rowid DESC LIMIT 1", err);
    if (!st)
        return failed(err);
    sql_bind_text(st, ":day", day);
    int rc = sql_step(db, st, err);
    *found = rc == SQLITE_ROW;
    if (*found) {
        snprintf(out->id, sizeof out->id, "%s", sql_text(st, 0));
        pb_date_parse(day, &out->date);
    }
    sqlite3_reset(st);
    return rc < 0 ? failed(err) : PB_OK;
}

static enum pb_status id_taken(struct pb_db *db, const char *id, bool *taken,
                               struct pb_error *err)
{
    return pb_record_exists(db, PB_KIND_MEETING, id, 0, taken, err);
}

static enum pb_status insert_meeting(struct pb_db *db, const char *day, const char *title,
                                     struct pb_meeting_brief *out, struct pb_error *err)
{
    char id[sizeof out->id];
    bool taken = true;
    enum pb_status s = PB_OK;
    for (int n = 1; s == PB_OK && taken; n++) {
        if (n == 1)
            snprintf(id, sizeof id, "%s", day);
        else
            snprintf(id, sizeof id, "%s-%d", day, n);
        s = id_taken(db, id, &taken, err);
    }
    sqlite3_stmt *st = s == PB_OK ? sql_prepare(db,
        "INSERT INTO meetings (id, date, title) VALUES (:id, :date, :title)", err) : NULL;
    if (s == PB_OK && !st)
        s = failed(err);
    if (s != PB_OK)
        return s;
    sql_bind_text(st, ":id", id);
    sql_bind_text(st, ":date", day);
    sql_bind_text(st, ":title", title);
    s = sql_run(db, st, err);
    if (s == PB_OK) {
        snprintf(out->id, sizeof out->id, "%s", id);
        pb_date_parse(day, &out->date);
    }
    return s;
}

enum pb_status pb_meeting_for_day(struct pb_db *db, pb_day day, const char *title, bool create,
                                  bool *found, struct pb_meeting_brief *out, struct pb_error *err)
{
    char date[11];
    pb_date_format(day, date);
    enum pb_status s = meeting_on(db, date, found, out, err);
    if (s != PB_OK || *found || !create)
        return s;
    char *clean = NULL;
    s = pb_text_clean("a meeting's title", title ? title : "", PB_NAME_MAX_CHARS, false, &clean,
                          err);
    if (s != PB_OK)
        return s;
    char what[64];
    snprintf(what, sizeof what, "start meeting %s", date);
    s = pb_change_begin(db, what, err);
    if (s == PB_OK)
        s = pb_change_end(db, insert_meeting(db, date, clean, out, err), err);
    free(clean);
    *found = s == PB_OK;
    return s;
}

/* ---- the agenda ---- */

struct agenda_call {
    pb_agenda_fn fn;
    void *ctx;
};

static enum pb_status agenda_row(sqlite3_stmt *st, void *call, struct pb_error *err)
{
    struct agenda_call *c = call;
    struct pb_agenda_item it = {
        .id = sqlite3_column_int64(st, 0),
        .ref = sql_text(st, 1),
        .title = sql_text(st, 2),
        .report_backs = sqlite3_column_int(st, 3) != 0,
        .exempt = sqlite3_column_int(st, 4) != 0,
        .minutes = sql_text(st, 5),
        .revision = sqlite3_column_int64(st, 6),
        .n_decisions = (size_t)sqlite3_column_int64(st, 7),
        .n_questions = (size_t)sqlite3_column_int64(st, 8),
    };
    return c->fn(&it, c->ctx, err);
}

enum pb_status pb_agenda_each(struct pb_db *db, const char *meeting, pb_agenda_fn fn, void *ctx,
                              struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db,
        "SELECT i.id, i.ref, i.title, i.report_backs, i.exempt, i.minutes, i.revision,"
        " (SELECT count(*) FROM item_decisions WHERE item = i.id),"
        " (SELECT count(*) FROM item_questions WHERE item = i.id)"
        " FROM items i WHERE i.meeting = :meeting ORDER BY i.rowid",
        err);
    if (!st)
        return failed(err);
    sql_bind_text(st, ":meeting", meeting);
    struct agenda_call call = {fn, ctx};
    return each_row(db, st, agenda_row, &call, err);
}

struct line_call {
    pb_item_line_fn fn;
    void *ctx;
};

static enum pb_status line_row(sqlite3_stmt *st, void *call, struct pb_error *err)
{
    struct line_call *c = call;
    return c->fn(sql_text(st, 0), sql_text(st, 1), c->ctx, err);
}

enum pb_status pb_item_record_each(struct pb_db *db, int64_t item, pb_item_line_fn fn, void *ctx,
                                   struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db,
        "SELECT '(' || ref || ')', text, 0 AS kind, id FROM item_decisions WHERE item = :item"
        " UNION ALL SELECT 'Q', coalesce((SELECT named FROM member_named WHERE id = q.by),"
        " 'A Member') || ' asked: ' || q.asked || coalesce(' Answer: ' || q.answer, ''), 1, q.id"
        " FROM item_questions q WHERE q.item = :item ORDER BY kind, id",
        err);
    if (!st)
        return failed(err);
    sql_bind_int(st, ":item", item);
    struct line_call call = {fn, ctx};
    return each_row(db, st, line_row, &call, err);
}

static enum pb_status insert_item(struct pb_db *db, const char *meeting, const char *ref,
                                  const char *title, bool report_backs, int64_t *id,
                                  struct pb_error *err)
{
    enum pb_status s = pb_record_require(db, PB_KIND_MEETING, meeting, err);
    sqlite3_stmt *st = s == PB_OK ? sql_prepare(db,
        "INSERT INTO items (meeting, ref, title, report_backs) VALUES (:meeting, :ref, :title,"
        " :report_backs) ON CONFLICT (meeting, ref) DO NOTHING", err) : NULL;
    if (s == PB_OK && !st)
        s = failed(err);
    if (s != PB_OK)
        return s;
    sql_bind_text(st, ":meeting", meeting);
    sql_bind_text(st, ":ref", ref);
    sql_bind_text(st, ":title", title);
    sql_bind_int(st, ":report_backs", report_backs);
    s = sql_run(db, st, err);
    if (s == PB_OK && sqlite3_changes(db->sql) == 0)
        return pb_error_set(err, PB_ERR_DATA, "meeting %s already has an item %s", meeting, ref);
    if (s == PB_OK && id)
        *id = sqlite3_last_insert_rowid(db->sql);
    return s;
}

enum pb_status pb_item_add(struct pb_db *db, const char *meeting, const char *ref,
                           const char *title, bool report_backs, int64_t *id,
                           struct pb_error *err)
{
    char *clean_ref = NULL, *clean_title = NULL;
    enum pb_status s =
        pb_text_clean("an item's ref", ref ? ref : "", PB_NAME_MAX_CHARS, false, &clean_ref, err);
    if (s == PB_OK)
        s = pb_text_clean("an item's title", title ? title : "", PB_NAME_MAX_CHARS, false,
                              &clean_title, err);
    if (s == PB_OK) {
        char what[96];
        snprintf(what, sizeof what, "add item %.40s to %.40s", clean_ref, meeting);
        s = pb_change_begin(db, what, err);
        if (s == PB_OK)
            s = pb_change_end(
                db, insert_item(db, meeting, clean_ref, clean_title, report_backs, id, err), err);
    }
    free(clean_ref);
    free(clean_title);
    return s;
}

/* ---- under an item ---- */

static enum pb_status item_exists(struct pb_db *db, int64_t item, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, "SELECT 1 FROM items WHERE id = :id", err);
    if (!st)
        return failed(err);
    sql_bind_int(st, ":id", item);
    int rc = sql_step(db, st, err);
    sqlite3_reset(st);
    if (rc < 0)
        return failed(err);
    return rc == SQLITE_ROW ? PB_OK
                            : pb_error_set(err, PB_ERR_NOT_FOUND, "no agenda item %" PRId64, item);
}

static enum pb_status insert_decision(struct pb_db *db, int64_t item, const char *text, char *ref,
                                      size_t ref_size, struct pb_error *err)
{
    enum pb_status s = item_exists(db, item, err);
    /* the next number after the item's numbered decisions */
    sqlite3_stmt *st = s == PB_OK ? sql_prepare(db,
        "INSERT INTO item_decisions (item, ref, text) VALUES (:item,"
        " (SELECT coalesce(max(CAST(ref AS INTEGER)), 0) + 1 FROM item_decisions"
        "  WHERE item = :item), :text) RETURNING ref", err) : NULL;
    if (s == PB_OK && !st)
        s = failed(err);
    if (s != PB_OK)
        return s;
    sql_bind_int(st, ":item", item);
    sql_bind_text(st, ":text", text);
    int rc = sql_step(db, st, err);
    if (rc == SQLITE_ROW)
        snprintf(ref, ref_size, "%s", sql_text(st, 0));
    if (rc == SQLITE_ROW)
        rc = sql_step(db, st, err);
    sqlite3_reset(st);
    return rc < 0 ? failed(err) : PB_OK;
}

enum pb_status pb_item_decide(struct pb_db *db, int64_t item, const char *text, char *ref,
                              size_t ref_size, struct pb_error *err)
{
    char *clean = NULL;
    enum pb_status s =
        pb_text_clean("a decision", text ? text : "", PB_TEXT_MAX_CHARS, true, &clean, err);
    if (s != PB_OK)
        return s;
    s = pb_change_begin(db, "record a decision", err);
    if (s == PB_OK)
        s = pb_change_end(db, insert_decision(db, item, clean, ref, ref_size, err), err);
    free(clean);
    return s;
}

static enum pb_status insert_question(struct pb_db *db, int64_t item, const char *by,
                                      const char *asked, const char *answer,
                                      struct pb_error *err)
{
    enum pb_status s = item_exists(db, item, err);
    if (s == PB_OK && by)
        s = pb_record_require(db, PB_KIND_MEMBER, by, err);
    sqlite3_stmt *st = s == PB_OK ? sql_prepare(db,
        "INSERT INTO item_questions (item, by, asked, answer) VALUES (:item, :by, :asked,"
        " :answer) ON CONFLICT (item, asked) DO UPDATE SET by = excluded.by,"
        " answer = excluded.answer, revision = revision + 1", err) : NULL;
    if (s == PB_OK && !st)
        s = failed(err);
    if (s != PB_OK)
        return s;
    sql_bind_int(st, ":item", item);
    sql_bind_text(st, ":by", by);
    sql_bind_text(st, ":asked", asked);
    sql_bind_text(st, ":answer", answer);
    return sql_run(db, st, err);
}

enum pb_status pb_item_ask(struct pb_db *db, int64_t item, const char *by, const char *asked,
                           const char *answer, struct pb_error *err)
{
    char *q = NULL, *a = NULL;
    enum pb_status s =
        pb_text_clean("a question", asked ? asked : "", PB_TEXT_MAX_CHARS, true, &q, err);
    if (s == PB_OK && answer && strspn(answer, " \t\n") < strlen(answer))
        s = pb_text_clean("an answer", answer, PB_TEXT_MAX_CHARS, true, &a, err);
    if (s == PB_OK) {
        s = pb_change_begin(db, "record a question", err);
        if (s == PB_OK)
            s = pb_change_end(db, insert_question(db, item, by, q, a, err), err);
    }
    free(q);
    free(a);
    return s;
}

static enum pb_status update_minutes(struct pb_db *db, int64_t item, const char *text,
                                     int64_t expected, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(db, "SELECT revision FROM items WHERE id = :id", err);
    if (!st)
        return failed(err);
    sql_bind_int(st, ":id", item);
    int rc = sql_step(db, st, err);
    int64_t revision = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc < 0)
        return failed(err);
    if (rc != SQLITE_ROW)
        return pb_error_set(err, PB_ERR_NOT_FOUND, "no agenda item %" PRId64, item);
    if (expected >= 0 && revision != expected)
        return pb_error_set(err, PB_ERR_CONFLICT,
                            "the item's minutes were changed by someone else since you read "
                            "them");
    st = sql_prepare(db,
                     "UPDATE items SET minutes = :text, revision = revision + 1 WHERE id = :id"
                     " AND minutes IS NOT :text",
                     err);
    if (!st)
        return failed(err);
    sql_bind_int(st, ":id", item);
    sql_bind_text(st, ":text", text);
    return sql_run(db, st, err);
}

enum pb_status pb_item_set_minutes(struct pb_db *db, int64_t item, const char *text,
                                   int64_t expected_revision, struct pb_error *err)
{
    char *clean = NULL;
    bool blank = !text || strspn(text, " \t\r\n") == strlen(text);
    enum pb_status s = blank ? PB_OK
                             : pb_text_clean("the minutes", text, PB_TEXT_MAX_CHARS, true,
                                                 &clean, err);
    if (s != PB_OK)
        return s;
    s = pb_change_begin(db, "write an item's minutes", err);
    if (s == PB_OK)
        s = pb_change_end(db, update_minutes(db, item, clean, expected_revision, err), err);
    free(clean);
    return s;
}

/* ---- attendance ---- */

struct attendee_call {
    pb_attendee_fn fn;
    void *ctx;
};

static enum pb_status attendee_row(sqlite3_stmt *st, void *call, struct pb_error *err)
{
    struct attendee_call *c = call;
    struct pb_attendee a = {
        .member = sql_text(st, 0),
        .name = sql_text(st, 1),
        .kind = sql_text(st, 2),
        .state = sqlite3_column_int(st, 3)   ? PB_ATTENDANCE_PRESENT
                 : sqlite3_column_int(st, 4) ? PB_ATTENDANCE_APOLOGIES
                                             : PB_ATTENDANCE_NONE,
    };
    return c->fn(&a, c->ctx, err);
}

enum pb_status pb_attendance_each(struct pb_db *db, const char *meeting, pb_attendee_fn fn,
                                  void *ctx, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db,
        "SELECT m.id, m.name, m.kind,"
        " EXISTS (SELECT 1 FROM meeting_present p WHERE p.meeting = g.id AND p.member = m.id),"
        " EXISTS (SELECT 1 FROM meeting_apologies a WHERE a.meeting = g.id AND a.member = m.id)"
        " FROM meetings g JOIN members m ON m.left_on IS NULL OR m.left_on >= g.date"
        " WHERE g.id = :meeting ORDER BY m.rowid",
        err);
    if (!st)
        return failed(err);
    sql_bind_text(st, ":meeting", meeting);
    struct attendee_call call = {fn, ctx};
    return each_row(db, st, attendee_row, &call, err);
}

static enum pb_status record_attendance(struct pb_db *db, const char *meeting, const char *member,
                                        enum pb_attendance state, struct pb_error *err)
{
    enum pb_status s = pb_record_require(db, PB_KIND_MEETING, meeting, err);
    if (s == PB_OK)
        s = pb_record_require(db, PB_KIND_MEMBER, member, err);
    static const char *const clear[] = {
        "DELETE FROM meeting_present WHERE meeting = :meeting AND member = :member",
        "DELETE FROM meeting_apologies WHERE meeting = :meeting AND member = :member",
    };
    for (size_t i = 0; s == PB_OK && i < 2; i++) {
        sqlite3_stmt *st = sql_prepare(db, clear[i], err);
        if (!st)
            return failed(err);
        sql_bind_text(st, ":meeting", meeting);
        sql_bind_text(st, ":member", member);
        s = sql_run(db, st, err);
    }
    if (s != PB_OK || state == PB_ATTENDANCE_NONE)
        return s;
    sqlite3_stmt *st = sql_prepare(
        db,
        state == PB_ATTENDANCE_PRESENT
            ? "INSERT INTO meeting_present (meeting, member, position) VALUES (:meeting, :member,"
              " (SELECT coalesce(max(position), 0) + 1 FROM meeting_present"
              "  WHERE meeting = :meeting))"
            : "INSERT INTO meeting_apologies (meeting, member, position) VALUES (:meeting,"
              " :member, (SELECT coalesce(max(position), 0) + 1 FROM meeting_apologies"
              "  WHERE meeting = :meeting))",
        err);
    if (!st)
        return failed(err);
    sql_bind_text(st, ":meeting", meeting);
    sql_bind_text(st, ":member", member);
    return sql_run(db, st, err);
}

enum pb_status pb_attendance_set(struct pb_db *db, const char *meeting, const char *member,
                                 enum pb_attendance state, struct pb_error *err)
{
    static const char *const said[] = {"not recorded", "present", "apologies"};
    char what[160];
    snprintf(what, sizeof what, "attendance at %.64s: %.64s %s", meeting, member, said[state]);
    enum pb_status s = pb_change_begin(db, what, err);
    if (s == PB_OK)
        s = pb_change_end(db, record_attendance(db, meeting, member, state, err), err);
    return s;
}

/* ---- what a lead reports back ---- */

struct news_call {
    pb_theme_news_fn fn;
    void *ctx;
};

static enum pb_status news_row(sqlite3_stmt *st, void *call, struct pb_error *err)
{
    struct news_call *c = call;
    struct pb_theme_news n = {
        .action = sqlite3_column_int64(st, 0),
        .title = sql_text(st, 1),
        .date = sql_text(st, 2),
        .by = sql_text(st, 3),
        .text = sql_text(st, 4),
    };
    return c->fn(&n, c->ctx, err);
}

enum pb_status pb_theme_news_since(struct pb_db *db, const char *theme, pb_day day,
                                   pb_theme_news_fn fn, void *ctx, struct pb_error *err)
{
    sqlite3_stmt *st = sql_prepare(
        db,
        "SELECT u.action, a.title, u.date, (SELECT named FROM member_named WHERE id = u.by),"
        " u.text FROM actions a INDEXED BY actions_by_theme_id JOIN updates u ON u.action = a.id"
        " WHERE a.theme = :theme AND u.date > :day ORDER BY u.date, u.id",
        err);
    if (!st)
        return failed(err);
    char date[11];
    pb_date_format(day, date);
    sql_bind_text(st, ":theme", theme);
    sql_bind_text(st, ":day", date);
    struct news_call call = {fn, ctx};
    return each_row(db, st, news_row, &call, err);
}
