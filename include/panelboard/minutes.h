/*
 * The minutes of one meeting in the council's own form (minutes.md):
 * attendance, declarations, each agenda item with its summary, discussion,
 * questions, "Resolved –" and "Action:" lines, and co-opted membership
 * changes. Written once as Markdown; HTML and plain text are rendered from
 * that Markdown by cmark. Shared by `panelboard minutes` and the
 * dashboard; no terminal and no SQL here.
 */
#ifndef PANELBOARD_MINUTES_H
#define PANELBOARD_MINUTES_H

#include <panelboard/base.h>
#include <panelboard/meeting.h>

enum pb_minutes_format {
    PB_MINUTES_MD,   /* Markdown, one paragraph a line */
    PB_MINUTES_HTML, /* one HTML document */
    PB_MINUTES_TEXT, /* no Markdown marks, headings in capitals */
};

/* Appends the minutes of meeting to out as Markdown. exempt: the
 * confidential minute book, with exempt items whole. */
void pb_minutes_format(const struct pb_meeting *meeting, bool exempt, struct pb_buf *out);

/* Appends the Markdown md rendered as format (PB_MINUTES_MD: as it is). */
void pb_minutes_render(const char *md, enum pb_minutes_format format, struct pb_buf *out);

/* Reads meeting `id` (NULL: the latest) and appends its minutes to out.
 * Errors are those of pb_meeting_load. */
enum pb_status pb_minutes_write(struct pb_db *db, const char *id, enum pb_minutes_format format,
                                bool exempt, struct pb_buf *out, struct pb_error *err);

#endif
