/*
 * Running a meeting (the dashboard's meeting mode): today's meeting found
 * or made, its agenda read and added to, decisions and questions recorded
 * under an item as they are made, an item's minutes text, attendance
 * ticked member by member, and what each theme's actions heard since the
 * last meeting. Each write is one change (model.h).
 */
#ifndef PANELBOARD_AGENDA_H
#define PANELBOARD_AGENDA_H

#include <panelboard/page.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The meeting held on day (the latest recorded that day); with create and
 * none found, a new one titled title, whose id is the date (or the date
 * and -2, -3 ... when that id is taken). *found says whether there is one
 * now. */
enum pb_status pb_meeting_for_day(struct pb_db *db, pb_day day, const char *title, bool create,
                                  bool *found, struct pb_meeting_brief *out, struct pb_error *err);

struct pb_agenda_item {
    int64_t id;
    const char *ref;
    const char *title;
    bool report_backs;
    bool exempt;
    const char *minutes; /* NULL when none yet */
    int64_t revision;
    size_t n_decisions, n_questions;
};
typedef enum pb_status (*pb_agenda_fn)(const struct pb_agenda_item *item, void *ctx,
                                       struct pb_error *err);
/* The meeting's agenda items in order. */
enum pb_status pb_agenda_each(struct pb_db *db, const char *meeting, pb_agenda_fn fn, void *ctx,
                              struct pb_error *err);

/* What an item has recorded so far: each decision (ref, text) and each
 * question (by named, or NULL; asked; answer or NULL), in order, passed to
 * fn as one line of text with a label: "(1)" for a decision, "Q" for a
 * question. */
typedef enum pb_status (*pb_item_line_fn)(const char *label, const char *text, void *ctx,
                                          struct pb_error *err);
enum pb_status pb_item_record_each(struct pb_db *db, int64_t item, pb_item_line_fn fn, void *ctx,
                                   struct pb_error *err);

/* A new item at the end of the agenda; a ref the meeting already has:
 * PB_ERR_DATA. */
enum pb_status pb_item_add(struct pb_db *db, const char *meeting, const char *ref,
                           const char *title, bool report_backs, int64_t *id,
                           struct pb_error *err);

/* A decision of item, numbered next after the item's others ("1", "2" ...,
 * as the minutes print "(1)"); its ref in ref (at least 16 bytes). */
enum pb_status pb_item_decide(struct pb_db *db, int64_t item, const char *text, char *ref,
                              size_t ref_size, struct pb_error *err);

/* A member's question on item (by: a member id, or NULL for "a Member"),
 * and the answer given (may be NULL). */
enum pb_status pb_item_ask(struct pb_db *db, int64_t item, const char *by, const char *asked,
                           const char *answer, struct pb_error *err);

/* The item's minutes text (Markdown; NULL or blank clears it), refused
 * with PB_ERR_CONFLICT when the item changed since expected_revision. */
enum pb_status pb_item_set_minutes(struct pb_db *db, int64_t item, const char *text,
                                   int64_t expected_revision, struct pb_error *err);

enum pb_attendance { PB_ATTENDANCE_NONE, PB_ATTENDANCE_PRESENT, PB_ATTENDANCE_APOLOGIES };

struct pb_attendee {
    const char *member;
    const char *name;
    const char *kind;
    enum pb_attendance state;
};
typedef enum pb_status (*pb_attendee_fn)(const struct pb_attendee *a, void *ctx,
                                         struct pb_error *err);
/* Every member who has not left by the meeting's date, in the panel's
 * order, with what the meeting recorded of them. */
enum pb_status pb_attendance_each(struct pb_db *db, const char *meeting, pb_attendee_fn fn,
                                  void *ctx, struct pb_error *err);
/* Records member as present, as having sent apologies, or neither. */
enum pb_status pb_attendance_set(struct pb_db *db, const char *meeting, const char *member,
                                 enum pb_attendance state, struct pb_error *err);

/* The updates on a theme's actions dated after day, oldest first: what the
 * lead reports back at this meeting. */
struct pb_theme_news {
    int64_t action;
    const char *title; /* the action's */
    const char *date;  /* YYYY-MM-DD */
    const char *by;    /* named: post, else name; NULL when nobody was recorded */
    const char *text;
};
typedef enum pb_status (*pb_theme_news_fn)(const struct pb_theme_news *n, void *ctx,
                                           struct pb_error *err);
enum pb_status pb_theme_news_since(struct pb_db *db, const char *theme, pb_day day,
                                   pb_theme_news_fn fn, void *ctx, struct pb_error *err);

#endif
