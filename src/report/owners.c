/*
 * How a list of owners reads, the one rule the minutes and the report
 * share (minutes.md: "Action: All, Governance Officer").
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
