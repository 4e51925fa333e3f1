/*
 * Actions: the typed operations the command line and the dashboard use to
 * work the panel's actions (add, read, move along, note progress, list,
 * queue). Each write is one change (model.h): one transaction, one history
 * entry. Ids of members, themes and meetings that do not exist are refused
 * up front with the nearest id suggested, so a typo never reaches the
 * history.
 */
#ifndef PANELBOARD_ACTION_H
#define PANELBOARD_ACTION_H

#include <panelboard/model.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The statuses an action moves through, in order, NULL-terminated. */
extern const char *const pb_action_statuses[];

/* A new action. Owners are member ids, or owners_all for everyone ("all"),
 * not both; at least one of them. NULL strings leave the field empty. */
struct pb_action_new {
    const char *title; /* one line, 1-200 characters */
    const char *const *owners;
    size_t n_owners;
    bool owners_all;
    const char *theme; /* a theme id */
    bool has_due;
    pb_day due;
    const char *meeting; /* the meeting id it was agreed at */
    const char *item;    /* the ref of that meeting's agenda item that agreed it */
    const char *ref;     /* the minute reference: "Resolved (3)" */
};

/* Adds the action, status open, as one change; *id receives its id. */
enum pb_status pb_action_add(struct pb_db *db, const struct pb_action_new *action, int64_t *id,
                             struct pb_error *err);

/* A dated progress note of an action. */
struct pb_action_update {
    int64_t id;
    pb_day date;
    const char *by; /* a member id, or NULL */
    const char *text;
};

/* One action as read. Strings are NULL when the field is empty. */
struct pb_action {
    int64_t id;
    const char *title;
    const char *const *owners; /* member ids in the order given; none with owners_all */
    size_t n_owners;
    bool owners_all;
    const char *theme;
    bool has_due;
    pb_day due;
    const char *status; /* one of pb_action_statuses */
    const char *meeting;
    const char *ref;
    int64_t revision;                       /* pass it back to pb_action_set_status */
    bool overdue;                           /* open or in progress, and due before the db's today */
    const struct pb_action_update *updates; /* oldest first; pb_action_get only */
    size_t n_updates;
};

/* Reads action #id with its updates; free with pb_action_free. An unknown
 * id: PB_ERR_NOT_FOUND. */
enum pb_status pb_action_get(struct pb_db *db, int64_t id, struct pb_action **out,
                             struct pb_error *err);
void pb_action_free(struct pb_action *action);

/*
 * Moves action #id to status, and adds note (may be NULL) as an update dated
 * pb_db_work_day by pb_db_who, all as one change. expected_revision is the
 * revision the caller read (-1: do not check); when the action has changed
 * since, nothing is written and the result is PB_ERR_CONFLICT. Setting the
 * status it already has writes only the note (or nothing). An unknown
 * status: PB_ERR_DATA; an unknown id: PB_ERR_NOT_FOUND.
 */
enum pb_status pb_action_set_status(struct pb_db *db, int64_t id, const char *status,
                                    const char *note, int64_t expected_revision,
                                    struct pb_error *err);

/* Adds a progress note to action #id, dated pb_db_work_day by pb_db_who, as
 * one change. It does not change the action's revision. */
enum pb_status pb_action_add_update(struct pb_db *db, int64_t id, const char *text,
                                    struct pb_error *err);

/* Called once per action of a listing; the action lives until fn returns
 * (its updates are not read: n_updates is 0). fn must not list actions
 * itself. A status other than PB_OK from fn stops the listing and is
 * returned. */
typedef enum pb_status (*pb_action_fn)(const struct pb_action *action, void *ctx,
                                       struct pb_error *err);

/* Which actions pb_action_list passes on; every filter set must hold. */
struct pb_action_filter {
    const char *theme;  /* in this theme */
    const char *owner;  /* owned by this member, or by all */
    const char *status; /* with this status */
    bool overdue;       /* open or in progress, and due before today */
    bool outstanding;   /* open or in progress: the action log's "outstanding" */
};

/* The actions that pass filter (NULL: all of them), by id. Unknown ids in
 * the filter: PB_ERR_NOT_FOUND; an unknown status: PB_ERR_DATA. */
enum pb_status pb_action_list(struct pb_db *db, const struct pb_action_filter *filter,
                              pb_action_fn fn, void *ctx, struct pb_error *err);

/* member's queue: the actions still open or in progress that member owns
 * (an action owned by all is everyone's) or that sit in a theme member
 * leads; overdue first, then by due date, then by id, those with no due
 * date last. An unknown member: PB_ERR_NOT_FOUND. */
enum pb_status pb_action_queue(struct pb_db *db, const char *member, pb_action_fn fn, void *ctx,
                               struct pb_error *err);

#endif
