/*
 * Drawing the dashboard's state: the header (panel, meeting, who, clock),
 * the pane tabs, the one list widget every pane uses (its columns from the
 * pane's table), the detail, the message or one-line editor, and the
 * status line with the count and the keys that work where the cursor is.
 */
#include "tui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *sep(void)
{
    return tui.utf8 ? " · " : " - ";
}

static void draw_header(WINDOW *win, struct dash *d, const struct tui_layout *l)
{
    char now[16];
    struct tm tm;
    localtime_r(&d->now, &tm);
    strftime(now, sizeof now, "%H:%M", &tm);
    char clock[16];
    snprintf(clock, sizeof clock, "%s", now);
    char text[512];
    snprintf(text, sizeof text, " %s%s%s%sas: %s%s ", d->panel_name ? d->panel_name : "panelboard",
             d->meeting[0] ? sep() : "", d->meeting, sep(), d->opt.as ? d->opt.as : "nobody",
             d->opt.read_only ? " (read-only)" : "");
    int x = l->framed ? 1 : 0, w = l->cols - 2 * x;
    int clock_w = tui_text_width(clock) + 2;
    attr_t attr = l->framed ? A_BOLD : A_REVERSE | A_BOLD;
    if (!l->framed)
        tui_put(win, l->header_y, 0, "", l->cols, attr, 0, true);
    int used = tui_put(win, l->header_y, x, text, w - clock_w, attr, 0, false);
    (void)used;
    tui_put(win, l->header_y, x + w - clock_w + 1, clock, clock_w - 1, attr, 0, false);
}

/* What the tabs' line says on its right: the filters, my queue, or the
 * meeting's clocks (on this item, and in all). */
static void tabs_right(const struct dash *d, char *buf, size_t size)
{
    char mode[128] = "";
    if (d->in_meeting) {
        int item = (int)((d->now - d->item_since) / 60 % 6000);
        int meeting = (int)((d->now - d->meeting_since) / 60 % 6000);
        snprintf(mode, sizeof mode, "[meeting: item %.31s %d:%02d%sin all %d:%02d]",
                 d->current_ref[0] ? d->current_ref : "-", item / 60, item % 60, sep(),
                 meeting / 60, meeting % 60);
    } else if (d->queue) {
        snprintf(mode, sizeof mode, "[my queue]");
    }
    char *filter = dash_filter_text(d);
    snprintf(buf, size, "%s%s%s", *filter ? "filter: " : "", filter, mode);
    free(filter);
}

static void draw_tabs(WINDOW *win, struct dash *d, const struct tui_layout *l)
{
    int x0 = l->framed ? 1 : 0, w = l->cols - 2 * x0, x = x0;
    tui_put(win, l->tabs_y, x0, "", w, A_NORMAL, 0, true);
    char right[384];
    tabs_right(d, right, sizeof right);
    int rw = tui_text_width(right);
    /* the six tabs (and the meeting's) take 68 cells (79); short of that,
     * only the open pane is named */
    int tabs = DASH_TABS + (d->in_meeting ? 1 : 0);
    bool brief = w < (d->in_meeting ? 79 : 68) + (rw ? rw + 2 : 8);
    for (int p = 0; p < tabs; p++) {
        if (brief && p != (int)d->pane)
            continue;
        char tab[48];
        if (p == DASH_AGENDA)
            snprintf(tab, sizeof tab, " M %s ", dash_pane(DASH_AGENDA)->title);
        else
            snprintf(tab, sizeof tab, " %d %s ", p + 1, dash_pane((enum dash_pane_id)p)->title);
        bool on = p == (int)d->pane;
        x += tui_put(win, l->tabs_y, x, tab, x0 + w - x, on ? A_REVERSE | A_BOLD : A_NORMAL, 0,
                     false);
        if (brief)
            x += tui_put(win, l->tabs_y, x, " of 1-6 ", x0 + w - x, A_DIM, 0, false);
    }
    if (rw && x + rw + 1 < x0 + w)
        tui_put(win, l->tabs_y, x0 + w - rw - 1, right, rw, A_BOLD, 0, false);
    else if (rw)
        tui_put(win, l->tabs_y, x + 1, right, x0 + w - x - 1, A_BOLD, 0, false);
}

/* Column widths for a list of width w: each column its minimum, those
 * that do not fit dropped from the right (the flexible one kept), then the
 * room left shared: half to the flexible column (a title, a name), the
 * other half a cell at a time to the rest up to their maximums, and what
 * they cannot take to the flexible column too. */
static void column_widths(const struct dash_pane_ops *ops, int w, int *widths)
{
    int left = w - 2; /* the mark and a space */
    size_t flex = ops->n_columns;
    for (size_t i = 0; i < ops->n_columns; i++) {
        widths[i] = 0;
        if (ops->columns[i].max == 0)
            flex = i;
    }
    if (flex < ops->n_columns) {
        widths[flex] = ops->columns[flex].min;
        left -= widths[flex] + 1;
    }
    for (size_t i = 0; i < ops->n_columns; i++) {
        if (i == flex || ops->columns[i].min + 1 > left)
            continue;
        widths[i] = ops->columns[i].min;
        left -= widths[i] + 1;
    }
    int share = flex < ops->n_columns ? left / 2 : left;
    left -= share;
    for (bool grew = true; share > 0 && grew;) {
        grew = false;
        for (size_t i = 0; i < ops->n_columns && share > 0; i++) {
            if (i == flex || !widths[i] || widths[i] >= ops->columns[i].max)
                continue;
            widths[i]++;
            share--;
            grew = true;
        }
    }
    if (flex < ops->n_columns)
        widths[flex] += left + share;
}

static const char *mark_of(unsigned flags, bool marked)
{
    if (marked)
        return tui.utf8 ? "●" : "*";
    if (flags & DASH_ROW_OVERDUE)
        return "!";
    if (flags & DASH_ROW_DONE)
        return tui.utf8 ? "✓" : "x";
    if (flags & DASH_ROW_DROPPED)
        return "-";
    if (flags & DASH_ROW_WARN)
        return "?";
    return " ";
}

static void draw_bar(WINDOW *win, int y, int x, int w, const struct dash_row *r, attr_t attr)
{
    if (r->total == 0) {
        tui_put(win, y, x, "no actions", w, attr | A_DIM, 0, true);
        return;
    }
    char pct[8];
    snprintf(pct, sizeof pct, " %3d%%", (int)(r->done * 100 / r->total));
    int bar_w = w - (int)strlen(pct);
    if (bar_w < 3) {
        tui_put(win, y, x, pct + 1, w, attr, 0, true);
        return;
    }
    int full = (int)(r->done * bar_w / r->total);
    struct pb_buf b = {0};
    for (int i = 0; i < bar_w; i++)
        pb_buf_puts(&b, i < full ? (tui.utf8 ? "█" : "#") : (tui.utf8 ? "░" : "."));
    pb_buf_puts(&b, pct);
    tui_put(win, y, x, b.data, w, attr | (full ? 0 : A_DIM), full ? (short)(tui.colour ? PAIR_GOOD : 0) : 0, true);
    pb_buf_free(&b);
}

static void draw_row(WINDOW *win, int y, const struct tui_layout *l,
                     const struct dash_pane_ops *ops, const int *widths,
                     const struct dash_row *r, bool selected, bool marked)
{
    attr_t attr = selected ? A_REVERSE | A_BOLD : A_NORMAL;
    short pair = 0;
    if (r->flags & DASH_ROW_OVERDUE) {
        pair = tui.colour ? PAIR_OVERDUE : 0;
        attr |= A_BOLD;
    } else if (r->flags & (DASH_ROW_DONE | DASH_ROW_DROPPED)) {
        attr |= selected ? 0 : A_DIM;
    } else if (r->flags & DASH_ROW_WARN) {
        pair = tui.colour ? PAIR_WARN : 0;
    }
    int x = l->list_x;
    tui_put(win, y, x, mark_of(r->flags, marked), 1, attr | A_BOLD, pair, true);
    tui_put(win, y, x + 1, " ", 1, attr, pair, true);
    x += 2;
    for (size_t c = 0; c < ops->n_columns; c++) {
        if (!widths[c])
            continue;
        const char *text = r->cells[c] ? r->cells[c] : "";
        if (strcmp(ops->columns[c].title, "progress") == 0) {
            draw_bar(win, y, x, widths[c], r, attr);
        } else if (ops->columns[c].right) {
            int tw = tui_text_width(text);
            int pad = widths[c] > tw ? widths[c] - tw : 0;
            tui_put(win, y, x, "", pad, attr, pair, true);
            tui_put(win, y, x + pad, text, widths[c] - pad, attr, pair, true);
        } else {
            tui_put(win, y, x, text, widths[c], attr, pair, true);
        }
        x += widths[c];
        if (x < l->list_x + l->list_w) {
            tui_put(win, y, x, " ", 1, attr, pair, true);
            x++;
        }
    }
    if (x < l->list_x + l->list_w)
        tui_put(win, y, x, "", l->list_x + l->list_w - x, attr, pair, true);
}

static void draw_list(WINDOW *win, struct dash *d, const struct tui_layout *l)
{
    const struct dash_pane_ops *ops = dash_pane(d->pane);
    const struct dash_list *list = &d->lists[d->pane];
    int widths[DASH_MAX_CELLS];
    column_widths(ops, l->list_w, widths);
    int x = l->list_x + 2;
    tui_put(win, l->list_y, l->list_x, "", l->list_w, A_NORMAL, 0, true);
    for (size_t c = 0; c < ops->n_columns; c++) {
        if (!widths[c])
            continue;
        tui_put(win, l->list_y, x, ops->columns[c].title, widths[c], A_BOLD | A_UNDERLINE, 0,
                false);
        x += widths[c] + 1;
    }
    for (int i = 0; i < l->list_h - 1; i++) {
        int y = l->list_y + 1 + i;
        size_t row = list->top + (size_t)i;
        if (row < list->n)
            draw_row(win, y, l, ops, widths, &list->rows[row], row == list->cursor,
                     dash_is_marked(d, &list->rows[row]));
        else
            tui_put(win, y, l->list_x, i == 0 && list->n == 0 ? "  nothing to show here" : "",
                    l->list_w, A_DIM, 0, true);
    }
}

static void draw_detail(WINDOW *win, struct dash *d, int y0, int x0, int h, int w)
{
    const struct dash_line *lines;
    size_t n;
    dash_detail_lines(d, &lines, &n);
    /* labels as wide as the widest, up to a third of the width */
    int label_w = 0;
    for (size_t i = 0; i < n; i++)
        if (lines[i].label && tui_text_width(lines[i].label) > label_w)
            label_w = tui_text_width(lines[i].label);
    if (label_w > w / 3)
        label_w = w / 3;
    int y = y0;
    for (size_t i = d->detail_top; i < n && y < y0 + h; i++) {
        const struct dash_line *line = &lines[i];
        attr_t attr = A_NORMAL;
        short pair = 0;
        int indent = 0;
        if (line->style == DASH_LINE_HEADING)
            attr = A_BOLD | A_UNDERLINE;
        else if (line->style == DASH_LINE_ALERT)
            attr = A_BOLD, pair = tui.colour ? PAIR_OVERDUE : 0;
        else if (line->style == DASH_LINE_DIM)
            attr = A_DIM;
        if (line->label) {
            indent = label_w + 1;
            tui_put(win, y, x0, line->label, indent - 1, A_BOLD, 0, true);
            tui_put(win, y, x0 + indent - 1, " ", 1, A_NORMAL, 0, true);
        }
        const char *s = line->text;
        do {
            size_t end, next = tui_wrap(s, w - indent, &end);
            char *part = pb_xstrndup(s, end);
            tui_put(win, y, x0 + indent, part, w - indent, attr, pair, true);
            free(part);
            s += next;
            y++;
            if (*s && y < y0 + h && !line->label)
                indent = 0;
            if (*s && y < y0 + h && line->label)
                tui_put(win, y, x0, "", indent, A_NORMAL, 0, true);
        } while (*s && y < y0 + h);
    }
    for (; y < y0 + h; y++)
        tui_put(win, y, x0, "", w, A_NORMAL, 0, true);
}

static void draw_message(WINDOW *win, struct dash *d, const struct tui_layout *l)
{
    int x = l->framed ? 1 : 0, w = l->cols - 2 * x;
    if (d->input.kind != DASH_INPUT_NONE) {
        int pw = tui_put(win, l->message_y, x, d->input.prompt, w, A_BOLD, 0, false);
        char *before = dash_input_range(&d->input, 0, d->input.cursor);
        char *all = dash_input_text(&d->input);
        /* scroll the line so the cursor is on the screen */
        int room = w - pw - 1, cw = tui_text_width(before);
        const char *shown = all;
        while (cw > room && *shown) {
            size_t step = 1;
            while ((shown[step] & 0xC0) == 0x80)
                step++;
            char *gone = pb_xstrndup(shown, step);
            cw -= tui_text_width(gone);
            free(gone);
            shown += step;
        }
        tui_put(win, l->message_y, x + pw, shown, w - pw, A_NORMAL, 0, true);
        free(before);
        free(all);
        return;
    }
    if (d->message[0])
        tui_put(win, l->message_y, x, d->message, w, d->message_error ? A_BOLD : A_NORMAL,
                d->message_error && tui.colour ? PAIR_OVERDUE : 0, true);
    else if (d->search)
        tui_put(win, l->message_y, x, d->search, w, A_DIM, 0, true);
    else
        tui_put(win, l->message_y, x, "", w, A_NORMAL, 0, true);
}

static void draw_status(WINDOW *win, struct dash *d, const struct tui_layout *l)
{
    int x = l->framed ? 1 : 0, w = l->cols - 2 * x;
    const struct dash_list *list = &d->lists[d->pane];
    char hints[512];
    dash_hints(d, hints, sizeof hints);
    attr_t attr = l->framed ? A_NORMAL : A_REVERSE;
    int used = tui_put(win, l->status_y, x, "", w, attr, 0, true);
    used = tui_put(win, l->status_y, x, list->count, w, attr | A_BOLD, 0, false);
    if (used + 3 < w)
        tui_put(win, l->status_y, x + used + 2, hints, w - used - 2, attr, 0, false);
}

/* The attendance list or the minutes' preview, over the panes. */
static void draw_overlay(WINDOW *win, struct dash *d, const struct tui_layout *l)
{
    struct dash_overlay *o = &d->overlay;
    int y0 = l->list_y, x0 = l->list_x;
    int w = l->cols - 2 * x0;
    int h = l->message_y - (l->framed ? 1 : 0) - y0;
    tui_put(win, y0, x0, o->title, w, A_BOLD | A_UNDERLINE, 0, true);
    int rows = h - 1;
    if (rows < 1)
        return;
    if (o->cursor < o->top)
        o->top = o->cursor;
    if (o->cursor >= o->top + (size_t)rows)
        o->top = o->cursor - (size_t)rows + 1;
    bool picking = o->kind == DASH_OVERLAY_ATTENDANCE;
    int label_w = picking ? 12 : 0;
    for (int i = 0; i < rows; i++) {
        size_t n = o->top + (size_t)i;
        int y = y0 + 1 + i;
        if (n >= o->n) {
            tui_put(win, y, x0, "", w, A_NORMAL, 0, true);
            continue;
        }
        attr_t attr = picking && n == o->cursor ? A_REVERSE | A_BOLD : A_NORMAL;
        if (label_w)
            tui_put(win, y, x0, o->lines[n].label, label_w, attr | A_BOLD, 0, true);
        tui_put(win, y, x0 + label_w, o->lines[n].text, w - label_w, attr, 0, true);
    }
}

/* A form's layout: where its fields start and how wide their values are. */
#define FORM_LABEL 14

/* The form's field i text as shown: long text on one line, its line
 * breaks as " / "; the caller frees it. */
static char *form_shown(const struct dash_form_field *f)
{
    if (!f->text)
        return dash_input_text(&f->in);
    struct pb_buf b = {0};
    for (const char *p = f->text; *p; p++) {
        if (*p == '\n')
            pb_buf_puts(&b, " / ");
        else
            pb_buf_add(&b, p, 1);
    }
    return b.data ? pb_buf_take(&b) : pb_xstrdup("");
}

static void draw_form(WINDOW *win, struct dash *d, const struct tui_layout *l)
{
    struct dash_form *form = d->form;
    int y0 = l->list_y, x0 = l->list_x;
    int w = l->cols - 2 * x0;
    int bottom = l->message_y - (l->framed ? 1 : 0);
    for (int y = y0; y < bottom; y++)
        tui_put(win, y, x0, "", w, A_NORMAL, 0, true);
    tui_put(win, y0, x0, form->title, w, A_BOLD | A_UNDERLINE, 0, true);
    int y = y0 + 1;
    for (size_t i = 0; i < form->n && y < bottom; i++) {
        const struct dash_form_field *f = &form->fields[i];
        bool here = i == form->cursor;
        char label[48];
        snprintf(label, sizeof label, "%s%s", f->field->key, f->field->required ? " *" : "");
        tui_put(win, y, x0, here ? ">" : " ", 1, A_BOLD, 0, true);
        tui_put(win, y, x0 + 1, label, FORM_LABEL - 1, A_BOLD, 0, true);
        char *shown = form_shown(f);
        int vw = w - FORM_LABEL;
        int ew = f->error[0] ? tui_text_width(f->error) + 3 : 0;
        if (ew > vw / 2)
            ew = vw / 2;
        attr_t attr = f->read_only ? A_DIM : here ? A_UNDERLINE : A_NORMAL;
        tui_put(win, y, x0 + FORM_LABEL, shown, vw - ew, attr, 0, true);
        if (ew)
            tui_put(win, y, x0 + w - ew + 1, f->error, ew - 1, A_BOLD,
                    tui.colour ? PAIR_OVERDUE : 0, false);
        free(shown);
        y++;
        if (f->theirs && y < bottom) {
            char *theirs = pb_xasprintf("theirs: %s", f->theirs);
            tui_put(win, y, x0 + FORM_LABEL, theirs, vw, A_DIM | A_BOLD,
                    tui.colour ? PAIR_WARN : 0, true);
            free(theirs);
            y++;
        }
    }
    if (y + 1 < bottom)
        tui_put(win, y + 1, x0, form->message[0] ? form->message
                                                 : "Tab or Down: next field (Tab completes ids) "
                                                   " Ctrl-O: $EDITOR  Ctrl-S: save  Esc: cancel",
                w, form->message[0] ? A_BOLD : A_DIM, 0, true);
}

void tui_draw(WINDOW *win, struct dash *d, const struct tui_layout *l)
{
    if (l->too_small) {
        werase(win);
        const char *msg = "terminal too small";
        char need[32];
        snprintf(need, sizeof need, "(at least %dx%d)", TUI_MIN_COLS, TUI_MIN_ROWS);
        int y = l->rows / 2 - 1;
        tui_put(win, y > 0 ? y : 0, 0, msg, l->cols, A_BOLD, 0, false);
        if (l->rows > 1)
            tui_put(win, (y > 0 ? y : 0) + 1, 0, need, l->cols, A_NORMAL, 0, false);
        return;
    }
    werase(win);
    tui_draw_frame(win, l);
    draw_header(win, d, l);
    draw_tabs(win, d, l);
    if (d->detail_focus && l->detail_h == 0)
        draw_detail(win, d, l->list_y, l->list_x, l->list_h, l->list_w);
    else
        draw_list(win, d, l);
    /* a cell of margin keeps the detail off the rule beside it */
    if (l->detail_h > 0)
        draw_detail(win, d, l->detail_y, l->detail_x + 1, l->detail_h, l->detail_w - 1);
    draw_message(win, d, l);
    draw_status(win, d, l);
    if (d->overlay.kind != DASH_OVERLAY_NONE)
        draw_overlay(win, d, l);
    if (d->form)
        draw_form(win, d, l);
    if (d->help)
        tui_draw_help(win, d, l);
}

void tui_place_cursor(WINDOW *win, const struct dash *d, const struct tui_layout *l)
{
    if (!l->too_small && d->form) {
        /* on the field in hand, at its cursor */
        const struct dash_form *form = d->form;
        int y = l->list_y + 1;
        for (size_t i = 0; i < form->cursor; i++)
            y += form->fields[i].theirs ? 2 : 1;
        const struct dash_form_field *f = &form->fields[form->cursor];
        char *before = dash_input_range(&f->in, 0, f->in.cursor);
        int x = l->list_x + FORM_LABEL + (f->text ? 0 : tui_text_width(before));
        free(before);
        int right = l->cols - 1 - (l->framed ? 1 : 0);
        wmove(win, y, x < right ? x : right);
        curs_set(1);
        return;
    }
    if (l->too_small || d->input.kind == DASH_INPUT_NONE || d->help) {
        curs_set(0);
        return;
    }
    int x = l->framed ? 1 : 0, w = l->cols - 2 * x;
    int pw = tui_text_width(d->input.prompt);
    char *before = dash_input_range(&d->input, 0, d->input.cursor);
    int cw = tui_text_width(before);
    free(before);
    int room = w - pw - 1;
    if (cw > room)
        cw = room;
    wmove(win, l->message_y, x + pw + cw);
    curs_set(1);
}
