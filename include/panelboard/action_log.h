/*
 * The action log a committee receives as an agenda item ("outstanding
 * actions"): the actions still to do when a meeting is held, with what the
 * Panel needs to see of each, and those closed since the meeting before.
 * Read in one snapshot; no SQL above this. The writers are in
 * action_log_report.h.
 *
 * When things happened is the day a change counts for (`--on DATE`, else
 * the day it was typed), as for the minutes:
 * - an action's status at the meeting is its status after the last change
 *   of the action that counts for the meeting's date or before (its status
 *   now when the history holds none), so one closed on a later day is still
 *   outstanding, and one closed on the meeting's date is not;
 * - it is on the log when that status is open or in progress and it was
 *   agreed at a meeting held before this one (or, agreed at no meeting,
 *   first recorded on or before the meeting's date);
 * - it was closed since the previous meeting when that status is done or
 *   dropped and the change that closed it counts for a day after the
 *   previous meeting's date (any day, when there is none). An action that
 *   the history never saw closing (imported closed) counts as closed on the
 *   date of its latest update, and is left out when it has none.
 */
#ifndef PANELBOARD_ACTION_LOG_H
#define PANELBOARD_ACTION_LOG_H

#include <panelboard/model.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a reader sees at once of an outstanding action. */
enum pb_action_log_state {
    PB_LOG_OVERDUE,    /* due before today (before the meeting's date, for a past meeting) */
    PB_LOG_DUE_BEFORE, /* due between today and the meeting */
    PB_LOG_ON_TRACK,   /* due on the meeting's date or later */
    PB_LOG_NO_DUE,     /* no due date */
};

/* One action on the log. Strings are NULL when the field is empty. */
struct pb_action_log_entry {
    int64_t id;
    const char *title;
    bool owners_all;
    const char *const *owners;    /* named as minutes name them, in the order given */
    const char *const *owner_ids; /* the same owners as member ids */
    size_t n_owners;
    const char *theme; /* theme id */
    const char *due;   /* YYYY-MM-DD */
    const char *status; /* as at the meeting: open or in-progress; done or dropped when closed */
    const char *ref;    /* the minute reference */
    const char *meeting;       /* id of the meeting that agreed it */
    const char *meeting_date;  /* YYYY-MM-DD */
    const char *meeting_title;
    const char *item;       /* the ref of the agenda item that agreed it */
    const char *item_title; /* NULL when the meeting records no such item */
    bool item_exempt;       /* the item was taken in private */
    const char *update;      /* the latest update on or before the meeting's date */
    const char *update_date; /* YYYY-MM-DD */
    const char *update_by;   /* named */
    enum pb_action_log_state state; /* outstanding ones only */
    const char *closed_on;          /* closed ones only: YYYY-MM-DD */
};

/* Owned by the record; free it with pb_action_log_free. */
struct pb_action_log {
    const char *panel_name;
    const char *date;          /* the cut-off: the meeting's date, else today */
    const char *meeting;       /* the meeting, NULL when none (today) */
    const char *meeting_title;
    const char *previous;      /* the meeting before, NULL when none */
    const char *previous_date;
    /* Grouped by the meeting that agreed them (oldest first), those agreed
     * at no meeting last; within a meeting by agenda item, then by id. */
    const struct pb_action_log_entry *open;
    size_t n_open;
    /* By the day they were closed, then by id. */
    const struct pb_action_log_entry *closed;
    size_t n_closed;
};

/* Reads the log for meeting `before` (NULL: the next meeting on or after
 * the database's today, else today itself). An unknown meeting:
 * PB_ERR_NOT_FOUND naming the nearest id. */
enum pb_status pb_action_log_load(struct pb_db *db, const char *before, struct pb_action_log **out,
                                  struct pb_error *err);
void pb_action_log_free(struct pb_action_log *log);

#endif
