/*
 * The actions table as CSV (RFC 4180), for spreadsheets: a header line,
 * one record per action in id order, CRLF after every record, and a field
 * quoted when it holds a comma, a double quote, CR or LF, with its quotes
 * doubled. Text is written exactly as stored, line breaks inside the quotes
 * included. Columns that name rows hold ids, as the listings' TSV does.
 */
#include "report.h"

#include "export.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"id",  "title",  "owners",  "theme",
                                      "due", "status", "meeting", "ref"};

/* Owners are ids joined by commas inside one quoted field
 * ("thirkill,gov-officer"), the same text as the owners column of
 * `panelboard actions --format tsv`; an action for everyone is "all". */
static void owners_field(struct pb_buf *out, const struct pb_value *owners)
{
    struct pb_buf joined = {0};
    for (size_t i = 0; owners->state == PB_VALUE_LIST && i < owners->n_items; i++) {
        if (i > 0)
            pb_buf_puts(&joined, ",");
        pb_buf_puts(&joined, owners->items[i]);
    }
    char *text = pb_buf_take(&joined);
    pb_report_csv_field(out, text);
    free(text);
}

static void value_field(struct pb_buf *out, const struct pb_value *value)
{
    if (value->state == PB_VALUE_TEXT)
        pb_report_csv_field(out, value->text);
    else if (value->state == PB_VALUE_INT)
        pb_buf_addf(out, "%" PRId64, value->i);
}

static void write_action(struct pb_buf *out, const struct pb_value *action)
{
    for (size_t c = 0; c < sizeof columns / sizeof columns[0]; c++) {
        const struct pb_value *value = pb_export_field(PB_KIND_ACTION, action, columns[c]);
        if (c > 0)
            pb_buf_puts(out, ",");
        if (value->state == PB_VALUE_LIST)
            owners_field(out, value);
        else
            value_field(out, value);
    }
    pb_buf_puts(out, "\r\n");
}

enum pb_status pb_report_csv(struct pb_db *db, struct pb_buf *out, struct pb_error *err)
{
    struct pb_export_rows actions;
    enum pb_status status = pb_export_rows_load(db, PB_KIND_ACTION, NULL, 0, &actions, err);
    if (status == PB_OK) {
        for (size_t c = 0; c < sizeof columns / sizeof columns[0]; c++)
            pb_buf_addf(out, "%s%s", c > 0 ? "," : "", columns[c]);
        pb_buf_puts(out, "\r\n");
        for (size_t a = 0; a < actions.n; a++)
            write_action(out, actions.rows[a]);
    }
    pb_export_rows_free(&actions);
    return status;
}
