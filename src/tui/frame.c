/*
 * The frame round the panes, in box-drawing characters where the locale
 * has them and in ASCII where it does not, and the help overlay, drawn
 * from the key table that dispatches the keys.
 */
#include "tui_internal.h"

#include <stdio.h>
#include <string.h>

/* The frame's pieces: horizontal, vertical, corners and tees. */
enum piece { H, V, TL, TR, BL, BR, LT, RT, TT, BT };

static void put_piece(WINDOW *win, int y, int x, enum piece p)
{
    static const wchar_t *const fancy[] = {L"─", L"│", L"┌", L"┐", L"└", L"┘",
                                           L"├", L"┤", L"┬", L"┴"};
    static const wchar_t *const plain[] = {L"-", L"|", L"+", L"+", L"+", L"+",
                                           L"+", L"+", L"+", L"+"};
    cchar_t cc;
    setcchar(&cc, (tui.utf8 ? fancy : plain)[p], A_NORMAL, 0, NULL);
    mvwadd_wch(win, y, x, &cc);
}

static void rule(WINDOW *win, int y, int x0, int x1, enum piece left, enum piece right)
{
    put_piece(win, y, x0, left);
    for (int x = x0 + 1; x < x1; x++)
        put_piece(win, y, x, H);
    put_piece(win, y, x1, right);
}

void tui_draw_frame(WINDOW *win, const struct tui_layout *l)
{
    if (!l->framed)
        return;
    int right = l->cols - 1, bottom = l->rows - 1;
    rule(win, 0, 0, right, TL, TR);
    rule(win, l->list_y - 1, 0, right, LT, RT);
    rule(win, l->message_y - 1, 0, right, LT, RT);
    rule(win, bottom, 0, right, BL, BR);
    for (int y = 1; y < bottom; y++) {
        if (y == l->list_y - 1 || y == l->message_y - 1)
            continue;
        put_piece(win, y, 0, V);
        put_piece(win, y, right, V);
    }
    if (l->side) {
        int x = l->detail_x - 1;
        put_piece(win, l->list_y - 1, x, TT);
        for (int y = l->list_y; y < l->list_y + l->list_h; y++)
            put_piece(win, y, x, V);
        put_piece(win, l->message_y - 1, x, BT);
    } else if (l->detail_h > 0) {
        rule(win, l->detail_y - 1, 0, right, LT, RT);
    }
}

void tui_draw_help(WINDOW *win, const struct dash *d, const struct tui_layout *l)
{
    /* over the whole inside of the screen, so nothing shows through */
    int x0 = l->framed ? 1 : 0, y0 = 1;
    int w = l->cols - 2 * x0, h = l->rows - y0 - (l->framed ? 1 : 0);
    int key_w = 13;
    for (int y = y0; y < y0 + h; y++)
        tui_put(win, y, x0, "", w, A_NORMAL, 0, true);
    tui_put(win, y0, x0 + 1, "Keys (j/k scroll, Esc or ? closes)", w - 2, A_BOLD, 0, false);
    int y = y0 + 2;
    for (size_t i = d->help_top; i < dash_n_bindings && y < y0 + h; i++, y++) {
        const struct dash_binding *b = &dash_bindings[i];
        bool here = dash_binding_applies(d, b);
        tui_put(win, y, x0 + 1, b->keys_label, key_w, A_BOLD, 0, true);
        tui_put(win, y, x0 + 1 + key_w + 1, b->help, w - key_w - 3, here ? A_NORMAL : A_DIM, 0,
                true);
    }
}
