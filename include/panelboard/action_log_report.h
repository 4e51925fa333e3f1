/*
 * The action log as the agenda pack prints it (`panelboard action-log`):
 * Markdown written once and rendered to HTML or plain text by the minutes'
 * cmark path (minutes.h), or the rows as CSV for spreadsheets and TSV for
 * scripts. No SQL here: the rows come from pb_action_log_load.
 */
#ifndef PANELBOARD_ACTION_LOG_REPORT_H
#define PANELBOARD_ACTION_LOG_REPORT_H

#include <panelboard/action_log.h>
#include <panelboard/base.h>

enum pb_action_log_format {
    PB_ACTION_LOG_MD,
    PB_ACTION_LOG_HTML,
    PB_ACTION_LOG_TEXT,
    PB_ACTION_LOG_CSV, /* RFC 4180, CRLF, people's names */
    PB_ACTION_LOG_TSV, /* cli.md's listings: ids, \t \n \\ escaped */
};

/* The words a reader sees for state: "Overdue", "Due before the meeting"... */
const char *pb_action_log_state_label(enum pb_action_log_state state);

/* Appends the log as Markdown, one paragraph a line. */
void pb_action_log_format_md(const struct pb_action_log *log, struct pb_buf *out);
/* Appends the rows, outstanding then closed, as CSV; bom: a UTF-8 byte
 * order mark first, for spreadsheet programs that want one. */
void pb_action_log_format_csv(const struct pb_action_log *log, bool bom, struct pb_buf *out);
void pb_action_log_format_tsv(const struct pb_action_log *log, struct pb_buf *out);

/* Reads the log for meeting `before` (NULL: the next) and appends it in
 * format to out; bom applies to CSV only. Errors are pb_action_log_load's. */
enum pb_status pb_action_log_write(struct pb_db *db, const char *before,
                                   enum pb_action_log_format format, bool bom, struct pb_buf *out,
                                   struct pb_error *err);

#endif
