/*
 * Changing what is already there: typed edits of the rows people change,
 * drop for the rows they delete by mistake, the themes' order, and undo
 * and redo of "my latest change". The command line's edit, note, undo and
 * redo use these, and the dashboard's forms will.
 *
 * Every edit takes the revision the caller read (-1: do not check) and is
 * refused with PB_ERR_CONFLICT, writing nothing, when the row has moved on
 * since; each is one change (model.h), so each can be undone.
 */
#ifndef PANELBOARD_EDIT_H
#define PANELBOARD_EDIT_H

#include <panelboard/record.h>

#include <stdbool.h>
#include <stdint.h>

/* What an edit of an action changes; a field not set_ is kept. */
struct pb_action_edit {
    const char *title; /* NULL: kept */
    bool set_owners;   /* owners / owners_all replace the owners (at least one) */
    const char *const *owners;
    size_t n_owners;
    bool owners_all;
    bool set_theme;
    const char *theme; /* NULL clears it */
    bool set_due;
    bool has_due; /* false clears it */
    pb_day due;
    bool set_ref;
    const char *ref; /* NULL clears it */
};

/* Changes action #id as edit says. Nothing named: PB_ERR_USAGE; an unknown
 * id: PB_ERR_NOT_FOUND; unknown owners or theme: PB_ERR_NOT_FOUND with the
 * nearest id. */
enum pb_status pb_action_edit(struct pb_db *db, int64_t id, const struct pb_action_edit *edit,
                              int64_t expected_revision, struct pb_error *err);

/* The revision of a row of a kind with a key (members, co-options, themes,
 * strategies, meetings, actions, feedback): key for text ids, id for
 * integer ones. An unknown row: PB_ERR_NOT_FOUND. */
enum pb_status pb_record_revision(struct pb_db *db, enum pb_kind kind, const char *key,
                                  int64_t id, int64_t *revision, struct pb_error *err);

/* The typed edit of any kind with a key, through its field table:
 * values[i] is field i's new value (PB_VALUE_UNSET keeps it, PB_VALUE_NULL
 * clears an optional one); values[0] must name the row, which must exist.
 * Text is checked by the field's rules (length, one line, control
 * characters, enumerated values, dates) and references must exist. */
enum pb_status pb_record_edit(struct pb_db *db, enum pb_kind kind, const struct pb_value *values,
                              int64_t expected_revision, struct pb_error *err);

/* Deletes a row of a kind with a key, with its lists and child records (an
 * action's owners and updates; a meeting's items, decisions...), as one
 * change that undo puts back. A row other rows still name (a member who
 * owns actions) is refused with PB_ERR_DATA saying which table names it. */
enum pb_status pb_record_drop(struct pb_db *db, enum pb_kind kind, const char *key, int64_t id,
                              int64_t expected_revision, struct pb_error *err);

/* Moves theme `id` to `position` (0: first; past the end: last) of the
 * themes' order, as one change. */
enum pb_status pb_theme_move(struct pb_db *db, const char *id, size_t position,
                             int64_t expected_revision, struct pb_error *err);

/* Undoes the latest change pb_db_who made that is still in effect (a redo
 * counts as a change; an undo does not), found from the history's index
 * by who, never by reading its images. *undone receives the change
 * reversed and *reversal the new change (either may be NULL). Nothing to
 * undo: PB_ERR_NOT_FOUND; later work on its rows: PB_ERR_CONFLICT. */
enum pb_status pb_undo_mine(struct pb_db *db, int64_t *undone, int64_t *reversal,
                            struct pb_error *err);
/* Reverses pb_db_who's latest undo still in effect, unless they have made
 * a change of their own since (which ends what can be redone). */
enum pb_status pb_redo_mine(struct pb_db *db, int64_t *redone, int64_t *reversal,
                            struct pb_error *err);

#endif
