/*
 * The action log as Markdown, the agenda item "outstanding actions": a
 * heading with the meeting and its date, then the outstanding actions under
 * the meeting and agenda item that agreed them, each with its state first
 * (what a reader must see at once), its responsible people under its
 * title, due date, status and latest update; then those completed since the
 * last meeting. Typed text is escaped as the minutes escape it. HTML and
 * text come from this Markdown through pb_minutes_render.
 */
#include <panelboard/action_log_report.h>
#include <panelboard/minutes.h>

#include "report.h"

#include <string.h>

const char *pb_action_log_state_label(enum pb_action_log_state state)
{
    switch (state) {
    case PB_LOG_OVERDUE: return "Overdue";
    case PB_LOG_DUE_BEFORE: return "Due before the meeting";
    case PB_LOG_ON_TRACK: return "On track";
    case PB_LOG_NO_DUE: return "No due date";
    }
    return "";
}

static void esc(struct pb_buf *b, const char *text)
{
    pb_md_escape(b, text, strlen(text), false);
}

static void block(struct pb_buf *out)
{
    if (out->len > 0)
        pb_buf_puts(out, "\n");
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void add_heading(const struct pb_action_log *log, struct pb_buf *out)
{
    pb_buf_puts(out, "# Outstanding actions — ");
    const char *name = log->meeting_title ? log->meeting_title : log->panel_name;
    if (name) {
        pb_md_escape(out, name, strlen(name), true);
        pb_buf_puts(out, ", ");
    }
    pb_report_date(out, log->date);
    pb_buf_puts(out, "\n\n");
    if (log->meeting)
        pb_buf_puts(out, "The actions agreed at earlier meetings that are open or in progress "
                         "when the meeting is held");
    else
        pb_buf_puts(out, "The actions that are open or in progress on ");
    if (!log->meeting)
        pb_report_date(out, log->date);
    if (log->previous) {
        pb_buf_puts(out, ", and those completed since the meeting of ");
        pb_report_date(out, log->previous_date);
    }
    pb_buf_puts(out, ".\n");
}

static void add_group_heading(const struct pb_action_log_entry *e, struct pb_buf *out)
{
    block(out);
    if (!e->meeting) {
        pb_buf_puts(out, "## Actions agreed outside a meeting\n");
        return;
    }
    pb_buf_puts(out, "## Meeting of ");
    pb_report_date(out, e->meeting_date);
    pb_buf_puts(out, "\n");
}

/* "### 3. TITLE IN CAPITALS" as the minutes head an item (ASCII raised). */
static void add_item_heading(const struct pb_action_log_entry *e, struct pb_buf *out)
{
    block(out);
    pb_buf_puts(out, "### ");
    if (!e->item_title)
        pb_buf_puts(out, "Item ");
    pb_md_escape(out, e->item, strlen(e->item), true);
    if (!e->item_title) {
        pb_buf_puts(out, "\n");
        return;
    }
    size_t n = strlen(e->item);
    if (n > 0 && e->item[n - 1] != '.')
        pb_buf_puts(out, ".");
    pb_buf_puts(out, " ");
    size_t from = out->len;
    pb_md_escape(out, e->item_title, strlen(e->item_title), true);
    for (size_t i = from; i < out->len; i++)
        if (out->data[i] >= 'a' && out->data[i] <= 'z')
            out->data[i] = (char)(out->data[i] - 'a' + 'A');
    pb_buf_puts(out, "\n");
}

static void add_owners(const struct pb_action_log_entry *e, struct pb_buf *out)
{
    pb_report_owners(out, e->owners_all, e->owners, e->n_owners, "no one named");
}

static void add_update(const struct pb_action_log_entry *e, struct pb_buf *out)
{
    if (!e->update) {
        pb_buf_puts(out, "  No update given.\n");
        return;
    }
    pb_buf_puts(out, "  Latest update, ");
    pb_report_date(out, e->update_date);
    if (e->update_by) {
        pb_buf_puts(out, " (");
        esc(out, e->update_by);
        pb_buf_puts(out, ")");
    }
    pb_buf_puts(out, ": ");
    /* an update is one paragraph here: its line breaks become spaces */
    struct pb_buf text = {0};
    pb_md_escape(&text, e->update, strlen(e->update), false);
    for (size_t i = 0; i < text.len; i++)
        if (text.data[i] == '\n' || text.data[i] == '\r')
            text.data[i] = ' ';
    if (text.data)
        pb_buf_puts(out, text.data);
    pb_buf_free(&text);
    pb_buf_puts(out, "\n");
}

/* "- **Overdue**: TITLE (#1, Resolved (1))", then its people, due date,
 * status and latest update, each on a line of its own. */
static void add_title_line(const struct pb_action_log_entry *e, const char *lead,
                           struct pb_buf *out)
{
    pb_buf_addf(out, "- **%s**: ", lead);
    pb_md_escape(out, e->title, strlen(e->title), false);
    pb_buf_addf(out, " (#%lld", (long long)e->id);
    if (e->ref) {
        pb_buf_puts(out, ", ");
        esc(out, e->ref);
    }
    pb_buf_puts(out, ")\n");
}

static void add_open(const struct pb_action_log_entry *e, struct pb_buf *out)
{
    add_title_line(e, pb_action_log_state_label(e->state), out);
    pb_buf_puts(out, "  Responsible: ");
    add_owners(e, out);
    pb_buf_puts(out, "\n  Due: ");
    if (e->due)
        pb_report_date(out, e->due);
    else
        pb_buf_puts(out, "no date set");
    pb_buf_addf(out, "; status: %s\n", strcmp(e->status, "in-progress") == 0 ? "in progress" : e->status);
    add_update(e, out);
}

static void add_closed(const struct pb_action_log_entry *e, struct pb_buf *out)
{
    add_title_line(e, strcmp(e->status, "dropped") == 0 ? "Dropped" : "Done", out);
    pb_buf_puts(out, "  Responsible: ");
    add_owners(e, out);
    pb_buf_puts(out, "\n  Agreed: ");
    if (e->meeting) {
        pb_buf_puts(out, "meeting of ");
        pb_report_date(out, e->meeting_date);
        if (e->item) {
            pb_buf_puts(out, ", item ");
            esc(out, e->item);
        }
    } else {
        pb_buf_puts(out, "outside a meeting");
    }
    pb_buf_puts(out, "; closed ");
    pb_report_date(out, e->closed_on);
    pb_buf_puts(out, "\n");
    add_update(e, out);
}

/* An exempt item's actions are counted, not shown: the log is published
 * with the agenda, and the minutes withhold them too. */
static size_t add_exempt(const struct pb_action_log_entry *es, size_t i, size_t n,
                         struct pb_buf *out)
{
    size_t j = i;
    while (j < n && same(es[j].meeting, es[i].meeting) && same(es[j].item, es[i].item))
        j++;
    block(out);
    pb_buf_addf(out, "Exempt information: not for publication (%zu %s).\n", j - i,
                j - i == 1 ? "action" : "actions");
    return j;
}

static void add_outstanding(const struct pb_action_log *log, struct pb_buf *out)
{
    if (log->n_open == 0) {
        block(out);
        pb_buf_puts(out, "No actions are outstanding.\n");
        return;
    }
    for (size_t i = 0; i < log->n_open;) {
        const struct pb_action_log_entry *e = &log->open[i];
        const struct pb_action_log_entry *prev = i > 0 ? &log->open[i - 1] : NULL;
        bool new_meeting = !prev || !same(prev->meeting, e->meeting);
        if (new_meeting)
            add_group_heading(e, out);
        if (e->item && (new_meeting || !same(prev->item, e->item))) {
            add_item_heading(e, out);
            if (e->item_exempt) {
                i = add_exempt(log->open, i, log->n_open, out);
                continue;
            }
        }
        if (!e->item && !new_meeting && prev->item) {
            block(out);
            pb_buf_puts(out, "### Not under an agenda item\n");
        }
        if (new_meeting || !same(prev->item, e->item))
            block(out);
        add_open(e, out);
        i++;
    }
}

static void add_completed(const struct pb_action_log *log, struct pb_buf *out)
{
    block(out);
    pb_buf_puts(out, "## Completed since the last meeting\n");
    size_t shown = 0, withheld = 0;
    for (size_t i = 0; i < log->n_closed; i++) {
        if (log->closed[i].item_exempt) {
            withheld++;
            continue;
        }
        if (shown++ == 0)
            block(out);
        add_closed(&log->closed[i], out);
    }
    if (withheld) {
        block(out);
        pb_buf_addf(out, "Exempt information: not for publication (%zu %s).\n", withheld,
                    withheld == 1 ? "action" : "actions");
    }
    if (log->n_closed == 0) {
        block(out);
        pb_buf_puts(out, log->previous ? "No actions were completed since the last meeting.\n"
                                       : "No actions were completed.\n");
    }
}

void pb_action_log_format_md(const struct pb_action_log *log, struct pb_buf *out)
{
    add_heading(log, out);
    add_outstanding(log, out);
    add_completed(log, out);
}

enum pb_status pb_action_log_write(struct pb_db *db, const char *before,
                                   enum pb_action_log_format format, bool bom, struct pb_buf *out,
                                   struct pb_error *err)
{
    struct pb_action_log *log;
    enum pb_status s = pb_action_log_load(db, before, &log, err);
    if (s != PB_OK)
        return s;
    if (format == PB_ACTION_LOG_CSV) {
        pb_action_log_format_csv(log, bom, out);
    } else if (format == PB_ACTION_LOG_TSV) {
        pb_action_log_format_tsv(log, out);
    } else {
        struct pb_buf md = {0};
        pb_action_log_format_md(log, &md);
        pb_minutes_render(md.data ? md.data : "",
                          format == PB_ACTION_LOG_HTML   ? PB_MINUTES_HTML
                          : format == PB_ACTION_LOG_TEXT ? PB_MINUTES_TEXT
                                                         : PB_MINUTES_MD,
                          out);
        pb_buf_free(&md);
    }
    pb_action_log_free(log);
    return PB_OK;
}
