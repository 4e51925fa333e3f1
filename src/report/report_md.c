/*
 * The panel as a Markdown report to print for a meeting: themes in the
 * chair's order with their leads and actions (overdue ones flagged),
 * actions without a theme, co-opted seats, members, strategies, meetings
 * and "you said, we did". People are named as the minutes name them: by
 * the post they hold on the panel, else by name. Plain headings and lists
 * only, so that it reads as well as text as it does rendered; user text is
 * escaped just where it would otherwise change the layout.
 */
#include "report.h"

#include "export.h"

#include <panelboard/action.h>
#include <panelboard/meeting.h>

#include <stdlib.h>
#include <string.h>

/* Every top-level kind, loaded once: people are looked up by id throughout. */
struct report {
    struct pb_db *db;
    struct pb_export_rows rows[PB_KIND_DECLARATION];
    struct pb_members_named named; /* people as the minutes name them */
    int64_t *overdue;              /* the ids of the overdue actions, ascending */
    size_t n_overdue, cap_overdue;
    pb_day today;
    struct pb_buf *out;
};

static const struct pb_export_rows *rows_of(const struct report *r, enum pb_kind kind)
{
    return &r->rows[kind];
}

/* ---- escaping ---- */

/* User text in a list item or paragraph whose continuation lines are
 * indented by `indent`: each line of multi-line text keeps its break (two
 * trailing spaces), blank lines stay paragraph breaks, and leading blanks
 * are dropped so that a line cannot become a code block. */
static void md_text_at(struct pb_buf *out, const char *s, int indent, bool heading)
{
    bool first = true, previous_blank = false;
    while (true) {
        const char *end = strchr(s, '\n');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (!first) {
            while (len > 0 && (*s == ' ' || *s == '\t'))
                s++, len--;
            pb_buf_puts(out, len == 0 || previous_blank ? "\n" : "  \n");
            if (len > 0)
                pb_buf_addf(out, "%*s", indent, "");
        }
        pb_md_escape_line(out, s, len, heading);
        previous_blank = len == 0;
        first = false;
        if (!end)
            break;
        s = end + 1;
    }
}

static void md_text(struct pb_buf *out, const char *s, int indent)
{
    md_text_at(out, s, indent, false);
}

/* ---- people, dates, statuses ---- */

/* As the minutes name people (the model's member_named). */
static const char *person(const struct report *r, const char *id)
{
    const char *named = pb_members_named_find(&r->named, id);
    return named ? named : id;
}

/* An owner list ("all" may stand first) or a sub-group, as named. */
static void people(const struct report *r, const struct pb_value *list)
{
    size_t n = list->state == PB_VALUE_LIST ? list->n_items : 0;
    bool all = n > 0 && strcmp(list->items[0], "all") == 0;
    const char **named = pb_xcalloc(n + 1, sizeof *named);
    for (size_t i = all; i < n; i++)
        named[i - all] = person(r, list->items[i]);
    pb_report_owners(r->out, all, named, n - all, "nobody named");
    free(named);
}

/* "30 November 2022"; a date the model should never hold is shown as is. */
static void long_date(struct pb_buf *out, const char *date)
{
    pb_day day;
    char text[32];
    if (pb_date_parse(date, &day)) {
        pb_date_format_long(day, text, sizeof text);
        pb_buf_puts(out, text);
    } else {
        md_text(out, date, 0);
    }
}

static const char *action_status(const struct pb_value *action)
{
    const char *status = pb_export_text(PB_KIND_ACTION, action, "status");
    return status ? status : "open";
}

/* Overdue as the model says it (pb_action_list's overdue filter). */
static bool is_overdue(const struct report *r, const struct pb_value *action)
{
    size_t lo = 0, hi = r->n_overdue;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->overdue[mid] == action[0].i)
            return true;
        if (r->overdue[mid] < action[0].i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static enum pb_status keep_overdue(const struct pb_action *action, void *ctx, struct pb_error *err)
{
    (void)err;
    struct report *r = ctx;
    if (r->n_overdue == r->cap_overdue) {
        r->cap_overdue = r->cap_overdue ? 2 * r->cap_overdue : 16;
        r->overdue = pb_xrealloc(r->overdue, r->cap_overdue * sizeof *r->overdue);
    }
    r->overdue[r->n_overdue++] = action->id; /* the listing is by id */
    return PB_OK;
}

/* ---- sections ---- */

static void heading(struct pb_buf *out, const char *level, const char *text)
{
    pb_buf_addf(out, "%s ", level);
    md_text_at(out, text, 0, true);
    pb_buf_puts(out, "\n\n");
}

/* "- Label: text" as an item of a list indented by `indent`. */
static void labelled(struct pb_buf *out, int indent, const char *label, const char *text)
{
    if (!text)
        return;
    pb_buf_addf(out, "%*s- %s: ", indent, "", label);
    md_text(out, text, indent + 2);
    pb_buf_puts(out, "\n");
}

static enum pb_status write_updates(struct report *r, const struct pb_value *action,
                                    struct pb_error *err)
{
    struct pb_export_rows updates;
    enum pb_status status =
        pb_export_rows_load(r->db, PB_KIND_UPDATE, NULL, action[0].i, &updates, err);
    for (size_t u = 0; status == PB_OK && u < updates.n; u++) {
        const struct pb_value *update = updates.rows[u];
        const char *by = pb_export_text(PB_KIND_UPDATE, update, "by");
        pb_buf_puts(r->out, "  - ");
        long_date(r->out, pb_export_text(PB_KIND_UPDATE, update, "date"));
        if (by) {
            pb_buf_puts(r->out, ", ");
            md_text(r->out, person(r, by), 4);
        }
        pb_buf_puts(r->out, ": ");
        md_text(r->out, pb_export_text(PB_KIND_UPDATE, update, "text"), 4);
        pb_buf_puts(r->out, "\n");
    }
    pb_export_rows_free(&updates);
    return status;
}

/* "- **#7** Title — Action: Chair — due 30 November 2022 — open", with
 * its report-backs as a list under it. */
static enum pb_status write_action(struct report *r, const struct pb_value *action,
                                   struct pb_error *err)
{
    const char *due = pb_export_text(PB_KIND_ACTION, action, "due");
    pb_buf_addf(r->out, "- **#%lld** ", (long long)action[0].i);
    md_text(r->out, pb_export_text(PB_KIND_ACTION, action, "title"), 2);
    pb_buf_puts(r->out, " — Action: ");
    people(r, pb_export_field(PB_KIND_ACTION, action, "owners"));
    if (due) {
        pb_buf_puts(r->out, " — due ");
        long_date(r->out, due);
    }
    pb_buf_addf(r->out, " — %s", action_status(action));
    if (is_overdue(r, action))
        pb_buf_puts(r->out, " — **OVERDUE**");
    pb_buf_puts(r->out, "\n");
    return write_updates(r, action, err);
}

static bool in_theme(const struct pb_value *action, const char *theme_id)
{
    const char *theme = pb_export_text(PB_KIND_ACTION, action, "theme");
    return theme_id ? theme && strcmp(theme, theme_id) == 0 : !theme;
}

/* The actions whose theme is theme_id (NULL: those without a theme). */
static enum pb_status write_actions(struct report *r, const char *theme_id, struct pb_error *err)
{
    const struct pb_export_rows *actions = rows_of(r, PB_KIND_ACTION);
    enum pb_status status = PB_OK;
    for (size_t a = 0; status == PB_OK && a < actions->n; a++)
        if (in_theme(actions->rows[a], theme_id))
            status = write_action(r, actions->rows[a], err);
    pb_buf_puts(r->out, "\n");
    return status;
}

static size_t count_actions(const struct report *r, const char *theme_id)
{
    const struct pb_export_rows *actions = rows_of(r, PB_KIND_ACTION);
    size_t n = 0;
    for (size_t a = 0; a < actions->n; a++)
        n += in_theme(actions->rows[a], theme_id);
    return n;
}

static void write_theme_details(struct report *r, const struct pb_value *theme)
{
    const char *lead = pb_export_text(PB_KIND_THEME, theme, "lead");
    const struct pb_value *subgroup = pb_export_field(PB_KIND_THEME, theme, "subgroup");
    labelled(r->out, 0, "Lead", lead ? person(r, lead) : "none yet");
    labelled(r->out, 0, "Portfolio", pb_export_text(PB_KIND_THEME, theme, "portfolio"));
    if (subgroup->state == PB_VALUE_LIST && subgroup->n_items > 0) {
        pb_buf_puts(r->out, "- Sub-group: ");
        people(r, subgroup);
        pb_buf_puts(r->out, "\n");
    }
    labelled(r->out, 0, "Thoughts", pb_export_text(PB_KIND_THEME, theme, "thoughts"));
    pb_buf_puts(r->out, "\n");
}

static enum pb_status write_themes(struct report *r, struct pb_error *err)
{
    const struct pb_export_rows *themes = rows_of(r, PB_KIND_THEME);
    enum pb_status status = PB_OK;
    if (themes->n > 0)
        pb_buf_puts(r->out, "## Themes\n\n");
    for (size_t t = 0; status == PB_OK && t < themes->n; t++) {
        const struct pb_value *theme = themes->rows[t];
        heading(r->out, "###", pb_export_text(PB_KIND_THEME, theme, "title"));
        write_theme_details(r, theme);
        if (count_actions(r, theme[0].text) == 0) {
            pb_buf_puts(r->out, "No actions.\n\n");
            continue;
        }
        pb_buf_puts(r->out, "Actions:\n\n");
        status = write_actions(r, theme[0].text, err);
    }
    return status;
}

static enum pb_status write_unthemed_actions(struct report *r, struct pb_error *err)
{
    if (count_actions(r, NULL) == 0)
        return PB_OK;
    pb_buf_puts(r->out, "## Actions without a theme\n\n");
    return write_actions(r, NULL, err);
}

/* "- Sector — status — holder or vacant — resolved DATE, REF". */
static void write_co_options(struct report *r)
{
    const struct pb_export_rows *seats = rows_of(r, PB_KIND_CO_OPTION);
    if (seats->n == 0)
        return;
    pb_buf_puts(r->out, "## Co-opted seats\n\n");
    for (size_t s = 0; s < seats->n; s++) {
        const struct pb_value *seat = seats->rows[s];
        const char *holder = pb_export_text(PB_KIND_CO_OPTION, seat, "member");
        const char *resolved = pb_export_text(PB_KIND_CO_OPTION, seat, "resolved");
        const char *ref = pb_export_text(PB_KIND_CO_OPTION, seat, "ref");
        const char *term_end = pb_export_text(PB_KIND_CO_OPTION, seat, "term_end");
        pb_buf_puts(r->out, "- ");
        md_text(r->out, pb_export_text(PB_KIND_CO_OPTION, seat, "sector"), 2);
        pb_buf_addf(r->out, " — %s — ", pb_export_text(PB_KIND_CO_OPTION, seat, "status"));
        md_text(r->out, holder ? person(r, holder) : "vacant", 2);
        if (resolved || ref)
            pb_buf_puts(r->out, " — resolved");
        if (resolved) {
            pb_buf_puts(r->out, " ");
            long_date(r->out, resolved);
        }
        if (ref) {
            pb_buf_puts(r->out, resolved ? ", " : " ");
            md_text(r->out, ref, 2);
        }
        pb_buf_puts(r->out, "\n");
        labelled(r->out, 2, "Nominated by",
                 pb_export_text(PB_KIND_CO_OPTION, seat, "nominated_by"));
        if (term_end) {
            pb_buf_puts(r->out, "  - Term ends: ");
            long_date(r->out, term_end);
            pb_buf_puts(r->out, "\n");
        }
        labelled(r->out, 2, "Notes", pb_export_text(PB_KIND_CO_OPTION, seat, "notes"));
    }
    pb_buf_puts(r->out, "\n");
}

/* "- Name — post — kind — organisation", the parts that are known. */
static void write_members(struct report *r)
{
    const struct pb_export_rows *members = rows_of(r, PB_KIND_MEMBER);
    if (members->n == 0)
        return;
    pb_buf_puts(r->out, "## Members\n\n");
    for (size_t m = 0; m < members->n; m++) {
        const struct pb_value *member = members->rows[m];
        const char *name = pb_export_text(PB_KIND_MEMBER, member, "name");
        const char *post = pb_export_text(PB_KIND_MEMBER, member, "post");
        const char *organisation = pb_export_text(PB_KIND_MEMBER, member, "organisation");
        const char *left = pb_export_text(PB_KIND_MEMBER, member, "left");
        pb_buf_puts(r->out, "- ");
        md_text(r->out, name, 2);
        /* Officers known only by their post have it as their name too. */
        if (post && strcmp(post, name) != 0) {
            pb_buf_puts(r->out, " — ");
            md_text(r->out, post, 2);
        }
        pb_buf_addf(r->out, " — %s", pb_export_text(PB_KIND_MEMBER, member, "kind"));
        if (organisation) {
            pb_buf_puts(r->out, " — ");
            md_text(r->out, organisation, 2);
        }
        if (left) {
            pb_buf_puts(r->out, " — left ");
            long_date(r->out, left);
        }
        pb_buf_puts(r->out, "\n");
    }
    pb_buf_puts(r->out, "\n");
}

static void write_strategy_period(struct report *r, const struct pb_value *strategy)
{
    const char *from = pb_export_text(PB_KIND_STRATEGY, strategy, "from");
    const char *to = pb_export_text(PB_KIND_STRATEGY, strategy, "to");
    const char *parent = pb_export_text(PB_KIND_STRATEGY, strategy, "parent");
    const struct pb_value *parent_row = pb_export_find(rows_of(r, PB_KIND_STRATEGY), parent);
    if (!from && !to && !parent)
        return;
    if (from || to) {
        pb_buf_puts(r->out, from ? "From " : "Until ");
        long_date(r->out, from ? from : to);
        if (from && to) {
            pb_buf_puts(r->out, " to ");
            long_date(r->out, to);
        }
        pb_buf_puts(r->out, parent ? ". " : ".");
    }
    if (parent) {
        pb_buf_puts(r->out, "Part of ");
        md_text(r->out, parent_row ? pb_export_text(PB_KIND_STRATEGY, parent_row, "title") : parent,
                0);
        pb_buf_puts(r->out, ".");
    }
    pb_buf_puts(r->out, "\n\n");
}

static void write_strategies(struct report *r)
{
    const struct pb_export_rows *strategies = rows_of(r, PB_KIND_STRATEGY);
    if (strategies->n > 0)
        pb_buf_puts(r->out, "## Strategies\n\n");
    for (size_t s = 0; s < strategies->n; s++) {
        const struct pb_value *strategy = strategies->rows[s];
        const struct pb_value *priorities =
            pb_export_field(PB_KIND_STRATEGY, strategy, "priorities");
        heading(r->out, "###", pb_export_text(PB_KIND_STRATEGY, strategy, "title"));
        write_strategy_period(r, strategy);
        if (priorities->state != PB_VALUE_LIST || priorities->n_items == 0)
            continue;
        for (size_t p = 0; p < priorities->n_items; p++) {
            pb_buf_addf(r->out, "%zu. ", p + 1);
            md_text(r->out, priorities->items[p], 4);
            pb_buf_puts(r->out, "\n");
        }
        pb_buf_puts(r->out, "\n");
    }
}

static void write_decisions(struct report *r, const struct pb_export_rows *decisions)
{
    for (size_t d = 0; d < decisions->n; d++) {
        const struct pb_value *decision = decisions->rows[d];
        const char *ref = pb_export_text(PB_KIND_DECISION, decision, "ref");
        /* The minutes number their resolutions, "Resolved (3)"; a ref that
         * names an agenda item instead reads better in front. */
        if (strchr(ref, ' ')) {
            pb_buf_puts(r->out, "- ");
            md_text(r->out, ref, 2);
            pb_buf_puts(r->out, " — resolved: ");
        } else {
            pb_buf_puts(r->out, "- Resolved (");
            md_text(r->out, ref, 2);
            pb_buf_puts(r->out, "): ");
        }
        md_text(r->out, pb_export_text(PB_KIND_DECISION, decision, "text"), 2);
        pb_buf_puts(r->out, "\n");
    }
}

static void write_questions(struct report *r, const struct pb_export_rows *questions)
{
    for (size_t q = 0; q < questions->n; q++) {
        const struct pb_value *question = questions->rows[q];
        const char *by = pb_export_text(PB_KIND_QUESTION, question, "by");
        pb_buf_puts(r->out, "- Question");
        if (by) {
            pb_buf_puts(r->out, " from ");
            md_text(r->out, person(r, by), 2);
        }
        pb_buf_puts(r->out, ": ");
        md_text(r->out, pb_export_text(PB_KIND_QUESTION, question, "asked"), 2);
        pb_buf_puts(r->out, "\n");
        labelled(r->out, 2, "Answer", pb_export_text(PB_KIND_QUESTION, question, "answer"));
    }
}

static enum pb_status write_meeting(struct report *r, const struct pb_value *meeting,
                                    struct pb_error *err)
{
    const char *title = pb_export_text(PB_KIND_MEETING, meeting, "title");
    struct pb_export_rows decisions, questions;
    enum pb_status status =
        pb_export_rows_load(r->db, PB_KIND_DECISION, meeting[0].text, 0, &decisions, err);
    if (status == PB_OK)
        status = pb_export_rows_load(r->db, PB_KIND_QUESTION, meeting[0].text, 0, &questions, err);
    else
        questions = (struct pb_export_rows){.kind = PB_KIND_QUESTION};
    if (status == PB_OK) {
        pb_buf_puts(r->out, "### ");
        long_date(r->out, pb_export_text(PB_KIND_MEETING, meeting, "date"));
        if (title) {
            pb_buf_puts(r->out, ": ");
            md_text_at(r->out, title, 0, true);
        }
        pb_buf_puts(r->out, "\n\n");
        write_decisions(r, &decisions);
        write_questions(r, &questions);
        if (decisions.n == 0 && questions.n == 0)
            pb_buf_puts(r->out, "No resolutions recorded.\n");
        pb_buf_puts(r->out, "\n");
    }
    pb_export_rows_free(&decisions);
    pb_export_rows_free(&questions);
    return status;
}

static enum pb_status write_meetings(struct report *r, struct pb_error *err)
{
    const struct pb_export_rows *meetings = rows_of(r, PB_KIND_MEETING);
    enum pb_status status = PB_OK;
    if (meetings->n > 0)
        pb_buf_puts(r->out, "## Meetings\n\n");
    for (size_t m = 0; status == PB_OK && m < meetings->n; m++)
        status = write_meeting(r, meetings->rows[m], err);
    return status;
}

/* What was done and how the young people were told, under what they said. */
static void write_feedback_outcome(struct report *r, const struct pb_value *item)
{
    const char *did = pb_export_text(PB_KIND_FEEDBACK, item, "did");
    const char *theme = pb_export_text(PB_KIND_FEEDBACK, item, "theme");
    const struct pb_value *theme_row = pb_export_find(rows_of(r, PB_KIND_THEME), theme);
    const struct pb_value *action = pb_export_field(PB_KIND_FEEDBACK, item, "action");
    const char *told = pb_export_text(PB_KIND_FEEDBACK, item, "told");
    const char *channel = pb_export_text(PB_KIND_FEEDBACK, item, "channel");
    labelled(r->out, 2, "We did", did ? did : "nothing yet");
    pb_buf_addf(r->out, "  - Status: %s", pb_export_text(PB_KIND_FEEDBACK, item, "status"));
    if (theme) {
        pb_buf_puts(r->out, " — theme ");
        md_text(r->out, theme_row ? pb_export_text(PB_KIND_THEME, theme_row, "title") : theme, 4);
    }
    if (action->state == PB_VALUE_INT)
        pb_buf_addf(r->out, " — action #%lld", (long long)action->i);
    pb_buf_puts(r->out, "\n");
    if (told || channel) {
        pb_buf_puts(r->out, "  - Told back");
        if (told) {
            pb_buf_puts(r->out, " ");
            long_date(r->out, told);
        }
        if (channel) {
            pb_buf_puts(r->out, " through ");
            md_text(r->out, channel, 4);
        }
        pb_buf_puts(r->out, "\n");
    }
}

static void write_feedback(struct report *r)
{
    const struct pb_export_rows *feedback = rows_of(r, PB_KIND_FEEDBACK);
    if (feedback->n == 0)
        return;
    pb_buf_puts(r->out, "## You said, we did\n\n");
    for (size_t f = 0; f < feedback->n; f++) {
        const struct pb_value *item = feedback->rows[f];
        const char *date = pb_export_text(PB_KIND_FEEDBACK, item, "date");
        pb_buf_puts(r->out, "- You said");
        if (date) {
            pb_buf_puts(r->out, " (");
            long_date(r->out, date);
            pb_buf_puts(r->out, ")");
        }
        pb_buf_puts(r->out, ": ");
        md_text(r->out, pb_export_text(PB_KIND_FEEDBACK, item, "said"), 2);
        pb_buf_puts(r->out, "\n");
        write_feedback_outcome(r, item);
    }
    pb_buf_puts(r->out, "\n");
}

static void write_title(struct report *r)
{
    const struct pb_export_rows *panel = rows_of(r, PB_KIND_PANEL);
    const char *name = panel->n ? pb_export_text(PB_KIND_PANEL, panel->rows[0], "name") : NULL;
    const char *authority =
        panel->n ? pb_export_text(PB_KIND_PANEL, panel->rows[0], "authority") : NULL;
    char today[32];
    pb_buf_puts(r->out, "# ");
    md_text_at(r->out, name ? name : "Panel report", 0, true);
    if (authority) {
        pb_buf_puts(r->out, ", ");
        md_text_at(r->out, authority, 0, true);
    }
    pb_date_format_long(r->today, today, sizeof today);
    pb_buf_addf(r->out, "\n\nAs at %s.\n\n", today);
}

static enum pb_status write_report(struct report *r, struct pb_error *err)
{
    write_title(r);
    enum pb_status status = write_themes(r, err);
    if (status == PB_OK)
        status = write_unthemed_actions(r, err);
    if (status != PB_OK)
        return status;
    write_co_options(r);
    write_members(r);
    write_strategies(r);
    status = write_meetings(r, err);
    if (status == PB_OK)
        write_feedback(r);
    return status;
}

enum pb_status pb_report_md(struct pb_db *db, struct pb_buf *out, struct pb_error *err)
{
    struct report r = {.db = db, .today = pb_db_today(db), .out = out};
    enum pb_status status = PB_OK;
    for (int kind = 0; kind < PB_KIND_DECLARATION; kind++) {
        if (status == PB_OK)
            status = pb_export_rows_load(db, (enum pb_kind)kind, NULL, 0, &r.rows[kind], err);
        else
            r.rows[kind] = (struct pb_export_rows){.kind = (enum pb_kind)kind};
    }
    if (status == PB_OK)
        status = pb_members_named_load(db, &r.named, err);
    if (status == PB_OK)
        status =
            pb_action_list(db, &(struct pb_action_filter){.overdue = true}, keep_overdue, &r, err);
    if (status == PB_OK)
        status = write_report(&r, err);
    for (int kind = 0; kind < PB_KIND_DECLARATION; kind++)
        pb_export_rows_free(&r.rows[kind]);
    pb_members_named_free(&r.named);
    free(r.overdue);
    return status;
}
