/*
 * The dashboard's terminal loop: keys in through get_wch (wide characters,
 * pasted text), translated to the app's keys; a short timeout so that the
 * clock and others' changes are picked up while nobody types; a repaint
 * only when a key or a tick says something changed, flushed once.
 */
#include "tui.h"
#include "tui_internal.h"

#include <stdlib.h>
#include <time.h>

static int translate(int kind, wint_t wch)
{
    if (kind == OK) {
        if (wch == '\n' || wch == '\r')
            return DASH_KEY_ENTER;
        if (wch == 8)
            return DASH_KEY_BACKSPACE;
        return (int)wch;
    }
    switch (wch) {
    case KEY_UP: return DASH_KEY_UP;
    case KEY_DOWN: return DASH_KEY_DOWN;
    case KEY_LEFT: return DASH_KEY_LEFT;
    case KEY_RIGHT: return DASH_KEY_RIGHT;
    case KEY_HOME: return DASH_KEY_HOME;
    case KEY_END: return DASH_KEY_END;
    case KEY_PPAGE: return DASH_KEY_PGUP;
    case KEY_NPAGE: return DASH_KEY_PGDN;
    case KEY_BTAB: return DASH_KEY_BTAB;
    case KEY_DC: return DASH_KEY_DELETE;
    case KEY_BACKSPACE: return DASH_KEY_BACKSPACE;
    case KEY_ENTER: return DASH_KEY_ENTER;
    default: return 0;
    }
}

static void relayout(struct dash *d, struct tui_layout *l)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    tui_layout(l, rows, cols);
    /* the list's first row holds its column titles */
    if (!l->too_small)
        dash_resize(d, (size_t)(l->list_h > 1 ? l->list_h - 1 : 1));
}

enum pb_status tui_run(struct pb_db *db, const struct tui_options *opt, struct pb_error *err)
{
    struct dash d;
    struct dash_options dopt = {.as = opt->as, .read_only = opt->read_only};
    enum pb_status s = dash_open(&d, db, &dopt, time(NULL), err);
    if (s != PB_OK) {
        dash_close(&d);
        return s;
    }
    s = tui_term_start(err);
    if (s != PB_OK) {
        dash_close(&d);
        return s;
    }
    struct tui_layout layout;
    relayout(&d, &layout);
    unsigned redraw = DASH_DRAW_ALL;
    while (!tui_term_stopping()) {
        if (redraw & DASH_CLEAR)
            clearok(curscr, TRUE);
        if (redraw) {
            tui_draw(stdscr, &d, &layout);
            tui_place_cursor(stdscr, &d, &layout);
            refresh();
        }
        redraw = 0;
        wint_t wch;
        int kind = wget_wch(stdscr, &wch);
        if (kind == ERR) {
            redraw = dash_tick(&d, time(NULL));
            continue;
        }
        if (kind == KEY_CODE_YES && wch == KEY_RESIZE) {
            relayout(&d, &layout);
            redraw = DASH_DRAW_ALL;
            continue;
        }
        int key = translate(kind, wch);
        if (!key)
            continue;
        redraw = dash_key(&d, key);
        if (redraw & DASH_QUIT)
            break;
        if (redraw & DASH_EDIT) {
            char *text = tui_edit_text(d.edit.text ? d.edit.text : "");
            redraw = dash_edit_done(&d, text) | DASH_CLEAR;
            free(text);
            relayout(&d, &layout);
        }
        if (redraw & DASH_SUSPEND) {
            tui_term_suspend();
            relayout(&d, &layout);
            redraw = DASH_DRAW_ALL | DASH_CLEAR;
        }
    }
    tui_term_stop();
    dash_close(&d);
    return PB_OK;
}
