/*
 * The report writers of pb_report (report.c): each builds its whole output
 * in a pb_buf, so that pb_report is the one place that writes to the
 * caller's FILE. Internal to src/report.
 */
#ifndef PB_REPORT_REPORT_H
#define PB_REPORT_REPORT_H

#include <panelboard/report.h>

enum pb_status pb_report_md(struct pb_db *db, struct pb_buf *out, struct pb_error *err);
enum pb_status pb_report_csv(struct pb_db *db, struct pb_buf *out, struct pb_error *err);

/* "All" when all own it, then the owners as named, joined with ", " in the
 * order given, escaped for Markdown; nobody when there are none. */
void pb_report_owners(struct pb_buf *b, bool all, const char *const *named, size_t n,
                      const char *nobody);

/* Appends text (NULL: nothing) as one CSV field, RFC 4180: quoted when it
 * holds a comma, a quote or a line break, its quotes doubled. */
void pb_report_csv_field(struct pb_buf *out, const char *text);

/* A date as minutes write it ("12 October 2022"); text that is not a
 * date, escaped for Markdown. */
void pb_report_date(struct pb_buf *b, const char *ymd);

#endif
