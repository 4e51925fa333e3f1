/*
 * Where everything goes for a terminal of a given size: framed and side by
 * side on a wide screen (the projector), stacked on a narrow one, the
 * detail dropped before the list on a small one, and "too small" below
 * 40x10.
 */
#include "tui_internal.h"

#include <string.h>

void tui_layout(struct tui_layout *l, int rows, int cols)
{
    memset(l, 0, sizeof *l);
    l->rows = rows;
    l->cols = cols;
    if (rows < TUI_MIN_ROWS || cols < TUI_MIN_COLS) {
        l->too_small = true;
        return;
    }
    l->framed = rows >= 20 && cols >= 60;
    int edge = l->framed ? 1 : 0;
    l->header_y = 0;
    l->tabs_y = edge ? 1 : 1;
    /* frame: top (with the header in it), tabs, rule, body, rule, message,
     * status, bottom; bare: header, tabs, body, message, status */
    int body_y = l->framed ? 3 : 2;
    int below = l->framed ? 4 : 2;
    int body_h = rows - body_y - below;
    int inner_x = edge, inner_w = cols - 2 * edge;
    l->message_y = rows - (l->framed ? 3 : 2);
    l->status_y = rows - (l->framed ? 2 : 1);
    l->list_y = body_y;
    l->list_x = inner_x;
    l->side = l->framed && cols >= 100;
    if (l->side) {
        l->list_w = (inner_w - 1) * 2 / 3;
        l->list_h = body_h;
        l->detail_x = inner_x + l->list_w + 1;
        l->detail_w = inner_w - l->list_w - 1;
        l->detail_y = body_y;
        l->detail_h = body_h;
    } else if (body_h >= 14) {
        l->list_w = inner_w;
        l->list_h = body_h * 3 / 5;
        l->detail_x = inner_x;
        l->detail_w = inner_w;
        l->detail_y = body_y + l->list_h + 1;
        l->detail_h = body_h - l->list_h - 1;
    } else {
        l->list_w = inner_w;
        l->list_h = body_h;
    }
}
