/*
 * The panel's reports, for people to read rather than to import again: the
 * whole panel as a Markdown report for a meeting, and the actions table as
 * CSV for spreadsheets. The minutes of one meeting are minutes.h's.
 */
#ifndef PANELBOARD_REPORT_H
#define PANELBOARD_REPORT_H

#include <panelboard/model.h>

#include <stdio.h>

enum pb_report_format { PB_REPORT_MD, PB_REPORT_CSV };

/* Writes the report to out, from one snapshot of the panel. I/O failures:
 * PB_ERR_IO. */
enum pb_status pb_report(struct pb_db *db, enum pb_report_format format, FILE *out,
                         struct pb_error *err);

#endif
