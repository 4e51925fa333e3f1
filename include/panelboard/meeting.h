/*
 * One meeting as its minutes need it: what was decided, asked and agreed at
 * it, the updates given on its date, the co-option seats it touched, and
 * the themes with their leads. Read in one snapshot, so that a writer
 * working at the same time cannot leave the minutes half old, half new.
 *
 * People come already named as minutes name them: by their post where they
 * hold one, else by name ("Chair", "Cllr Thirkill").
 */
#ifndef PANELBOARD_MEETING_H
#define PANELBOARD_MEETING_H

#include <panelboard/model.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pb_meeting_theme {
    const char *id;
    const char *title;
    const char *lead; /* named; NULL when the theme has no lead */
};

/* An update given on the meeting's date, on any action. */
struct pb_meeting_update {
    int64_t action;
    const char *theme; /* the action's theme id, NULL when none */
    const char *by;    /* named; NULL when nobody was recorded */
    const char *text;
};

/* An action agreed at the meeting, whatever its status now. */
struct pb_meeting_action {
    int64_t id;
    const char *title;
    bool owners_all;
    const char *const *owners; /* named, in the order given; none with owners_all */
    size_t n_owners;
    const char *theme; /* theme id, NULL when none */
    const char *due;   /* YYYY-MM-DD, NULL when none */
    const char *ref;   /* the minute reference as recorded, NULL when none */
};

struct pb_meeting_decision {
    const char *ref;
    const char *text;
};

struct pb_meeting_question {
    const char *by; /* named; NULL when the minutes name no one */
    const char *asked;
    const char *answer; /* NULL when none was recorded */
};

/* A co-option seat the meeting resolved to create (its resolved date is the
 * meeting's date), or whose status changed on the meeting's date according
 * to the history (a seat first recorded that day does not count: adding
 * seats is not changing them). */
struct pb_meeting_seat {
    const char *sector;
    /* As the history knows it at the end of the meeting's date; the current
     * status when the history starts after that day. */
    const char *status;
    const char *member; /* named; NULL when the seat is not filled */
    const char *ref;    /* NULL when none */
};

/* Everything is owned by the record; free it with pb_meeting_free. Every
 * list is in the panel's order (themes by position, actions by id, the
 * rest as recorded). */
struct pb_meeting {
    const char *id;
    const char *date;       /* YYYY-MM-DD */
    const char *title;      /* NULL when the meeting has none */
    const char *panel_name; /* NULL when the panel has none */
    const struct pb_meeting_theme *themes;
    size_t n_themes;
    const struct pb_meeting_update *updates;
    size_t n_updates;
    const struct pb_meeting_action *actions;
    size_t n_actions;
    const struct pb_meeting_decision *decisions;
    size_t n_decisions;
    const struct pb_meeting_question *questions;
    size_t n_questions;
    const struct pb_meeting_seat *seats;
    size_t n_seats;
};

/* Reads meeting `id`, or the latest by date when id is NULL (of two on one
 * day, the one recorded last). An unknown id: PB_ERR_NOT_FOUND naming the
 * nearest id; no meetings at all: PB_ERR_NOT_FOUND "no meetings yet". */
enum pb_status pb_meeting_load(struct pb_db *db, const char *id, struct pb_meeting **out,
                               struct pb_error *err);
void pb_meeting_free(struct pb_meeting *meeting);

#endif
