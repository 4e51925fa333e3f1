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

#endif
