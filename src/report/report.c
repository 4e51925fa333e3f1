/*
 * pb_report: the Markdown report or the CSV of the actions, read in one
 * snapshot and handed to the caller's FILE in one go.
 */
#include "report.h"

enum pb_status pb_report(struct pb_db *db, enum pb_report_format format, FILE *out,
                         struct pb_error *err)
{
    /* One snapshot: a write by someone else mid-report cannot mix states. */
    enum pb_status status = pb_read_begin(db, err);
    if (status != PB_OK)
        return status;
    struct pb_buf buf = {0};
    if (format == PB_REPORT_MD)
        status = pb_report_md(db, &buf, err);
    else if (format == PB_REPORT_CSV)
        status = pb_report_csv(db, &buf, err);
    else
        status = pb_error_set(err, PB_ERR_INTERNAL, "unknown report format %d", (int)format);
    pb_read_end(db);
    /* Read by people: a row that another program wrote with escape
     * sequences must not drive their terminal. */
    if (status == PB_OK) {
        struct pb_buf shown = {0};
        pb_visible(&shown, buf.data ? buf.data : "", buf.len, PB_VISIBLE_LINES);
        pb_buf_free(&buf);
        buf = shown;
    }
    if (status == PB_OK)
        status = pb_buf_write(&buf, out, err);
    pb_buf_free(&buf);
    return status;
}
