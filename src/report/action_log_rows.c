/*
 * The action log as rows: CSV for people opening it in a spreadsheet (RFC
 * 4180: quoted where needed, quotes doubled, CRLF; people by name and dates
 * as YYYY-MM-DD, which spreadsheets read as dates; a UTF-8 byte order mark
 * only when asked, since scripts choke on it) and TSV for scripts, as
 * cli.md's listings are (a header of lower-case names, ids not names,
 * \t \n \\ escaped). Outstanding actions first, then those closed since the
 * last meeting, told apart by the `section` column.
 */
#include <panelboard/action_log_report.h>

#include <stdio.h>
#include "report.h"

#include <string.h>

static const char *const columns[] = {
    "section", "id", "meeting", "meeting_date", "item", "ref", "title", "owners", "due",
    "status", "state", "update_date", "update", "closed",
};
enum { N_COLUMNS = sizeof columns / sizeof columns[0] };

static const char *state_word(const struct pb_action_log_entry *e, bool open)
{
    if (!open)
        return "";
    switch (e->state) {
    case PB_LOG_OVERDUE: return "overdue";
    case PB_LOG_DUE_BEFORE: return "due-before-meeting";
    case PB_LOG_ON_TRACK: return "on-track";
    case PB_LOG_NO_DUE: return "no-due-date";
    }
    return "";
}

/* The fields of one row, as text (NULL for empty); owners joined, into
 * owners (the caller frees it). */
static void row_fields(const struct pb_action_log_entry *e, bool open, bool by_name,
                       const char *id, struct pb_buf *owners, const char *fields[N_COLUMNS])
{
    if (e->owners_all)
        pb_buf_puts(owners, by_name ? "All" : "all");
    const char *const *names = by_name ? e->owners : e->owner_ids;
    for (size_t i = 0; i < e->n_owners; i++) {
        if (i > 0 || e->owners_all)
            pb_buf_puts(owners, by_name ? ", " : ",");
        pb_buf_puts(owners, names[i]);
    }
    const char *values[N_COLUMNS] = {
        open ? "outstanding" : "completed",
        id,
        e->meeting,
        e->meeting_date,
        e->item,
        e->ref,
        e->title,
        owners->data,
        e->due,
        e->status,
        state_word(e, open),
        e->update_date,
        e->update,
        e->closed_on,
    };
    memcpy(fields, values, sizeof values);
    /* published with the agenda: an exempt item's actions only say so */
    if (e->item_exempt) {
        fields[6] = "Exempt information: not for publication";
        fields[11] = fields[12] = NULL;
    }
}

static void tsv_field(struct pb_buf *out, const char *text)
{
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == '\t')
            pb_buf_puts(out, "\\t");
        else if (*p == '\n')
            pb_buf_puts(out, "\\n");
        else if (*p == '\\')
            pb_buf_puts(out, "\\\\");
        else
            pb_buf_add(out, p, 1);
    }
}

typedef void (*field_fn)(struct pb_buf *out, const char *text);

static void rows(const struct pb_action_log *log, bool by_name, field_fn field, const char *sep,
                 const char *eol, struct pb_buf *out)
{
    for (size_t c = 0; c < N_COLUMNS; c++)
        pb_buf_addf(out, "%s%s", c > 0 ? sep : "", columns[c]);
    pb_buf_puts(out, eol);
    for (int part = 0; part < 2; part++) {
        const struct pb_action_log_entry *es = part == 0 ? log->open : log->closed;
        size_t n = part == 0 ? log->n_open : log->n_closed;
        for (size_t i = 0; i < n; i++) {
            char id[24];
            snprintf(id, sizeof id, "%lld", (long long)es[i].id);
            struct pb_buf owners = {0};
            const char *fields[N_COLUMNS];
            row_fields(&es[i], part == 0, by_name, id, &owners, fields);
            for (size_t c = 0; c < N_COLUMNS; c++) {
                if (c > 0)
                    pb_buf_puts(out, sep);
                field(out, fields[c]);
            }
            pb_buf_puts(out, eol);
            pb_buf_free(&owners);
        }
    }
}

void pb_action_log_format_csv(const struct pb_action_log *log, bool bom, struct pb_buf *out)
{
    if (bom)
        pb_buf_puts(out, "\xEF\xBB\xBF");
    rows(log, true, pb_report_csv_field, ",", "\r\n", out);
}

void pb_action_log_format_tsv(const struct pb_action_log *log, struct pb_buf *out)
{
    rows(log, false, tsv_field, "\t", "\n", out);
}
