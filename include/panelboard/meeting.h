/*
 * One meeting as its minutes need it: who attended, the declarations of
 * interest, the agenda items with what was discussed, decided, asked and
 * agreed under each, the updates given on its date, the co-option seats it
 * touched, and the themes with their leads. Read in one snapshot, so that a
 * writer working at the same time cannot leave the minutes half old, half
 * new. What was done "on" the meeting's date counts by the day a change
 * counts for (`--on DATE`), not the day it was typed.
 *
 * People come already named as minutes name them: by their post where they
 * hold one, else by name ("Chair", "Cllr Thirkill"); attendance and
 * declarations by name.
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
    const char *action_title;
    const char *action_item; /* the item of this meeting that agreed the action, or NULL */
    const char *theme;       /* the action's theme id, NULL when none */
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
    const char *item;  /* the ref of the agenda item that agreed it, NULL when none */
    const char *status;
    bool closed_that_day; /* done, and made so on the meeting's date */
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

/* Someone who attended, by name. */
struct pb_meeting_person {
    const char *name;
    bool attends; /* an officer or adviser: "In attendance", not "Present" */
};

struct pb_meeting_declaration {
    const char *by;   /* by name */
    const char *item; /* the item's ref, NULL for the meeting as a whole */
    const char *text;
};

struct pb_meeting_item {
    const char *ref;
    const char *title;
    const char *summary; /* NULL when none, as are contact and minutes */
    const char *contact;
    const char *minutes; /* Markdown, as written */
    bool report_backs;
    bool exempt;
    const char *const *documents;
    size_t n_documents;
    const struct pb_meeting_decision *decisions;
    size_t n_decisions;
    const struct pb_meeting_question *questions;
    size_t n_questions;
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
    bool resolved_here; /* the meeting resolved to create it: ref is its minute */
};

/* Everything is owned by the record; free it with pb_meeting_free. Every
 * list is in the panel's order (themes by position, actions by id, the
 * rest as recorded). */
struct pb_meeting {
    const char *id;
    const char *date;       /* YYYY-MM-DD */
    const char *title;      /* NULL when the meeting has none */
    const char *panel_name; /* NULL when the panel has none */
    const char *chair;      /* by name; NULL when not recorded */
    const struct pb_meeting_person *present; /* the chair first */
    size_t n_present;
    const char *const *apologies; /* by name */
    size_t n_apologies;
    const struct pb_meeting_declaration *declarations;
    size_t n_declarations;
    const struct pb_meeting_item *items; /* in agenda order */
    size_t n_items;
    const struct pb_meeting_theme *themes;
    size_t n_themes;
    const struct pb_meeting_update *updates;
    size_t n_updates;
    const struct pb_meeting_action *actions;
    size_t n_actions;
    /* decisions and questions on the meeting itself, outside any item */
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

/* Every member named as the minutes name them (post where they hold one,
 * else name), for writers that walk rows holding member ids (the
 * report): named[i] is ids[i]'s, in id order. */
struct pb_members_named {
    char **ids;
    char **named;
    size_t n;
};
enum pb_status pb_members_named_load(struct pb_db *db, struct pb_members_named *out,
                                     struct pb_error *err);
/* Member id as named, or NULL when there is no such member. */
const char *pb_members_named_find(const struct pb_members_named *names, const char *id);
void pb_members_named_free(struct pb_members_named *names);

#endif
