/* What the dashboard's own files share (dash.c, edit.c, search.c,
 * filter.c, prompt.c, live.c); the screen sees only dash.h. */
#ifndef PANELBOARD_APP_DASH_INTERNAL_H
#define PANELBOARD_APP_DASH_INTERNAL_H

#include "dash.h"

#include <stdarg.h>

void dash_message(struct dash *d, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void dash_fail(struct dash *d, const struct pb_error *err);

/* Re-reads pane p's window around its cursor, and its count. */
enum pb_status dash_reload_pane(struct dash *d, enum dash_pane_id p, struct pb_error *err);
/* Marks the panes that show any of tables for reloading, and reloads the
 * one on the screen. */
unsigned dash_reload_tables(struct dash *d, unsigned tables);
unsigned dash_reload_all(struct dash *d);
enum pb_status dash_read_header(struct dash *d, struct pb_error *err);
enum pb_status dash_read_ids(struct dash *d, struct pb_error *err);
unsigned dash_switch(struct dash *d, enum dash_pane_id p);

/* edit.c: the changes a key makes, each one change in the history */
unsigned dash_start_capture(struct dash *d);
unsigned dash_submit_capture(struct dash *d, const char *line);
unsigned dash_start_note(struct dash *d);
unsigned dash_submit_note(struct dash *d, int64_t action, const char *text);
unsigned dash_done(struct dash *d);
unsigned dash_cycle(struct dash *d);
unsigned dash_undo(struct dash *d);
unsigned dash_redo(struct dash *d);
void dash_steps_free(struct dash *d);
/* A change of ours went through as the newest change: it can be undone. */
void dash_made(struct dash *d, const char *what);

/* marks.c */
unsigned dash_toggle_mark(struct dash *d);
unsigned dash_mark_all(struct dash *d);
/* Moves every marked action to status as one change. */
unsigned dash_marked_status(struct dash *d, const char *status);
/* o: the owners of the marked actions (else the one under the cursor). */
unsigned dash_start_reassign(struct dash *d);
unsigned dash_submit_reassign(struct dash *d, const char *text);
void dash_marks_clear(struct dash *d);

/* search.c */
unsigned dash_start_search(struct dash *d);
unsigned dash_search_typed(struct dash *d, const char *text);
unsigned dash_search_step(struct dash *d, bool forward);
unsigned dash_end_search(struct dash *d);
unsigned dash_cancel_search(struct dash *d);

/* filter.c */
unsigned dash_start_filter(struct dash *d);
unsigned dash_submit_filter(struct dash *d, const char *text);
unsigned dash_clear_filter(struct dash *d);
unsigned dash_toggle_sort(struct dash *d);
unsigned dash_toggle_queue(struct dash *d);

/* meeting.c */
unsigned dash_meeting(struct dash *d);
unsigned dash_submit_meeting_title(struct dash *d, const char *title);
/* Notes the item under the cursor, for the header's time on the item. */
void dash_note_item(struct dash *d);
unsigned dash_start_item(struct dash *d);
unsigned dash_submit_item(struct dash *d, const char *line);
unsigned dash_start_decision(struct dash *d);
unsigned dash_submit_decision(struct dash *d, const char *text);
unsigned dash_start_question(struct dash *d);
unsigned dash_submit_question_part(struct dash *d, const char *text);
unsigned dash_start_write(struct dash *d);
unsigned dash_attendance(struct dash *d);
unsigned dash_preview(struct dash *d);
unsigned dash_overlay_key(struct dash *d, int key);
void dash_overlay_close(struct dash *d);

/* form.c */
unsigned dash_form_add(struct dash *d);
unsigned dash_form_edit(struct dash *d);
unsigned dash_form_key(struct dash *d, int key);
void dash_form_close(struct dash *d);
/* The text $EDITOR gave back for the form's field (NULL: it failed). */
void dash_form_edited(struct dash *d, const char *text);

/* prompt.c: a key while the one-line editor is open */
unsigned dash_input_dispatch(struct dash *d, int key);

#endif
