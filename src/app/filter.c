/*
 * The actions pane's filters, typed as quick capture is: `@owner`,
 * `#theme`, `status:S` (or the status alone) and `overdue`, each id
 * checked with the nearest one suggested; the sort by id or by due date;
 * and "my queue" for the --as member.
 */
#include "dash_internal.h"

#include "input.h"
#include "list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set(char **field, const char *value)
{
    free(*field);
    *field = value ? pb_xstrdup(value) : NULL;
}

static void apply(struct dash *d, bool overdue, bool outstanding)
{
    d->query.filter.outstanding = outstanding;
    d->query.filter.theme = d->filter_theme;
    d->query.filter.owner = d->filter_owner;
    d->query.filter.status = d->filter_status;
    d->query.filter.overdue = overdue;
    d->query.queue = d->queue ? d->opt.as : NULL;
}

/* The actions pane from its first row, as the new query shows it. */
static unsigned show_actions(struct dash *d)
{
    struct pb_error err = {0};
    /* marks on rows the new filter may hide would act unseen */
    dash_marks_clear(d);
    d->pane = DASH_ACTIONS;
    d->detail_focus = false;
    enum pb_status s = dash_list_edge(d, DASH_ACTIONS, true, &err);
    if (s == PB_OK)
        s = dash_pane_count(d, DASH_ACTIONS, &err);
    if (s != PB_OK)
        dash_fail(d, &err);
    d->stale[DASH_ACTIONS] = false;
    d->detail_stale = true;
    return DASH_DRAW_ALL;
}

char *dash_filter_text(const struct dash *d)
{
    struct pb_buf b = {0};
    if (d->filter_owner)
        pb_buf_addf(&b, "@%s ", d->filter_owner);
    if (d->filter_theme)
        pb_buf_addf(&b, "#%s ", d->filter_theme);
    if (d->filter_status)
        pb_buf_addf(&b, "status:%s ", d->filter_status);
    if (d->query.filter.overdue)
        pb_buf_puts(&b, "overdue ");
    if (d->query.filter.outstanding)
        pb_buf_puts(&b, "outstanding ");
    return pb_buf_take(&b);
}

unsigned dash_start_filter(struct dash *d)
{
    char *text = dash_filter_text(d);
    const struct dash_row *row = dash_selected(d);
    /* from another pane, the row under the cursor is the likely filter */
    if (!*text && row && d->pane == DASH_THEMES) {
        free(text);
        text = pb_xasprintf("#%s ", row->id);
    } else if (!*text && row && d->pane == DASH_LEADS && row->member) {
        /* a lead's outstanding actions: what they will report on */
        free(text);
        text = pb_xasprintf("@%s outstanding ", row->member);
    }
    dash_input_start(&d->input, DASH_INPUT_FILTER, "filter: ", text, (size_t)-1);
    free(text);
    return DASH_DRAW_STATUS;
}

/* "no member 'smit'; did you mean 'smith'?" */
static void unknown(struct dash *d, const char *what, const char *word, char **ids, size_t n)
{
    const char *near = pb_suggest(word, (const char *const *)ids, n);
    if (near)
        dash_message(d, true, "no %s '%s'; did you mean '%s'?", what, word, near);
    else
        dash_message(d, true, "no %s '%s'", what, word);
}

static bool known(const char *word, char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], word) == 0)
            return true;
    return false;
}

static bool is_status(const char *word)
{
    for (size_t i = 0; pb_action_statuses[i]; i++)
        if (strcmp(pb_action_statuses[i], word) == 0)
            return true;
    return false;
}

unsigned dash_submit_filter(struct dash *d, const char *text)
{
    char *owner = NULL, *theme = NULL, *status = NULL;
    bool overdue = false, outstanding = false, ok = true;
    char *copy = pb_xstrdup(text);
    for (char *save = NULL, *w = strtok_r(copy, " \t", &save); w && ok;
         w = strtok_r(NULL, " \t", &save)) {
        if (w[0] == '@' && known(w + 1, d->member_ids, d->n_member_ids)) {
            set(&owner, w + 1);
        } else if (w[0] == '@') {
            unknown(d, "member", w + 1, d->member_ids, d->n_member_ids);
            ok = false;
        } else if (w[0] == '#' && known(w + 1, d->theme_ids, d->n_theme_ids)) {
            set(&theme, w + 1);
        } else if (w[0] == '#') {
            unknown(d, "theme", w + 1, d->theme_ids, d->n_theme_ids);
            ok = false;
        } else if (strcmp(w, "overdue") == 0) {
            overdue = true;
        } else if (strcmp(w, "outstanding") == 0) {
            /* the action log's view: what is still open, soonest due first */
            outstanding = true;
            d->query.order = PB_ORDER_DUE;
        } else {
            const char *st = strncmp(w, "status:", 7) == 0 ? w + 7 : w;
            if (is_status(st)) {
                set(&status, st);
            } else {
                const char *near = pb_suggest(st, pb_action_statuses, 4);
                dash_message(d, true, "'%s' is not a filter%s%s%s (use @owner #theme status:S "
                             "overdue outstanding)", w, near ? "; did you mean status:" : "",
                             near ? near : "", near ? "?" : "");
                ok = false;
            }
        }
    }
    free(copy);
    if (!ok) {
        free(owner);
        free(theme);
        free(status);
        return DASH_DRAW_STATUS;
    }
    free(d->filter_owner);
    free(d->filter_theme);
    free(d->filter_status);
    d->filter_owner = owner;
    d->filter_theme = theme;
    d->filter_status = status;
    apply(d, overdue, outstanding);
    d->input.kind = DASH_INPUT_NONE;
    return show_actions(d);
}

unsigned dash_clear_filter(struct dash *d)
{
    set(&d->filter_owner, NULL);
    set(&d->filter_theme, NULL);
    set(&d->filter_status, NULL);
    if (d->queue)
        d->query.order = d->order_before_queue;
    d->queue = false;
    apply(d, false, false);
    dash_message(d, false, "filters cleared: every action is shown");
    return show_actions(d);
}

unsigned dash_toggle_sort(struct dash *d)
{
    d->query.order = d->query.order == PB_ORDER_ID ? PB_ORDER_DUE : PB_ORDER_ID;
    dash_message(d, false, "actions by %s", d->query.order == PB_ORDER_ID ? "id" : "due date");
    return show_actions(d);
}

unsigned dash_toggle_queue(struct dash *d)
{
    d->queue = !d->queue;
    /* a queue reads soonest due first; leaving it puts back the order before */
    if (d->queue) {
        d->order_before_queue = d->query.order;
        d->query.order = PB_ORDER_DUE;
    } else {
        d->query.order = d->order_before_queue;
    }
    apply(d, d->query.filter.overdue, d->query.filter.outstanding);
    dash_message(d, false, d->queue ? "my queue: %s's open actions, soonest due first (m again "
                                      "for all)"
                                    : "all actions (m for %s's queue)",
                 d->opt.as);
    return show_actions(d);
}
