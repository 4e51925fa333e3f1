/*
 * The minutes of one meeting as Markdown, in the council's own form
 * (minutes.md): report-backs by theme, members' questions and responses,
 * "Resolved –" with numbered paragraphs, the actions arising with their
 * "Action:" lines, and co-opted membership changes. Shared by `panelboard
 * minutes` and the dashboard; no terminal and no SQL here.
 */
#ifndef PANELBOARD_MINUTES_H
#define PANELBOARD_MINUTES_H

#include <panelboard/base.h>
#include <panelboard/meeting.h>

/* Lines are wrapped at this many characters (a word longer than that has a
 * line of its own); headings are never wrapped. */
#define PB_MINUTES_WIDTH 85

/* Appends the minutes of meeting to out. */
void pb_minutes_format(const struct pb_meeting *meeting, struct pb_buf *out);

/* Reads meeting `id` (NULL: the latest) and appends its minutes to out.
 * Errors are those of pb_meeting_load. */
enum pb_status pb_minutes_write(struct pb_db *db, const char *id, struct pb_buf *out,
                                struct pb_error *err);

#endif
