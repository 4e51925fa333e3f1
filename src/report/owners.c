/*
 * The rules the minutes, the report and the action log share: how a list
 * of owners reads (minutes.md: "Action: All, Governance Officer"), how a
 * date is written ("12 October 2022"), and how a CSV field is quoted.
 */
#include "report.h"

#include <string.h>

void pb_report_owners(struct pb_buf *b, bool all, const char *const *named, size_t n,
                      const char *nobody)
{
    if (all)
        pb_buf_puts(b, "All");
    for (size_t i = 0; i < n; i++) {
        if (i > 0 || all)
            pb_buf_puts(b, ", ");
        /* escaped as at a line's start, so that it is safe wherever it lands */
        pb_md_escape_line(b, named[i], strlen(named[i]), false);
    }
    if (!all && n == 0)
        pb_buf_puts(b, nobody);
}

void pb_report_date(struct pb_buf *b, const char *ymd)
{
    pb_day day;
    if (pb_date_parse(ymd, &day)) {
        char date[32];
        pb_date_format_long(day, date, sizeof date);
        pb_buf_puts(b, date);
    } else {
        pb_md_escape(b, ymd, strlen(ymd), false);
    }
}

void pb_report_csv_field(struct pb_buf *out, const char *text)
{
    if (!text)
        return;
    if (!strpbrk(text, ",\"\r\n")) {
        pb_buf_puts(out, text);
        return;
    }
    pb_buf_puts(out, "\"");
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            pb_buf_add(out, "\"", 1);
        pb_buf_add(out, p, 1);
    }
    pb_buf_puts(out, "\"");
}
