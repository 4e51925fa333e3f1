/* What the screen's files share (src/tui): the terminal's abilities, the
 * layout and the drawing helpers. The only headers that include curses. */
#ifndef PANELBOARD_TUI_INTERNAL_H
#define PANELBOARD_TUI_INTERNAL_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>

#include "dash.h"

/* Colour pairs; 0 is the terminal's own colours. */
enum tui_pair { PAIR_OVERDUE = 1, PAIR_WARN, PAIR_GOOD, PAIR_HEADER, PAIR_TAB, PAIR_COUNT };

struct tui_state {
    bool utf8;   /* the locale can show Unicode: box drawing, ✓, … */
    bool colour; /* colours in use (a colour terminal and no NO_COLOR) */
};
extern struct tui_state tui;

/* What the terminal looks like now. */
struct tui_layout {
    int rows, cols;
    bool too_small;
    bool framed;      /* box-drawing frame round the panes */
    bool side;        /* list and detail side by side, else stacked */
    int header_y, tabs_y;
    int list_y, list_x, list_h, list_w; /* list_h counts the column titles */
    int detail_y, detail_x, detail_h, detail_w; /* detail_h 0: no room */
    int message_y, status_y;
};
#define TUI_MIN_COLS 40
#define TUI_MIN_ROWS 10

void tui_layout(struct tui_layout *l, int rows, int cols);

/* Text by cells (text.c). */
int tui_text_width(const char *s);
/* Draws s at (y, x) in at most width cells, an ellipsis when cut; with
 * pad, fills the rest of width with spaces. Returns the cells drawn. */
int tui_put(WINDOW *win, int y, int x, const char *s, int width, attr_t attr, short pair,
            bool pad);
/* The bytes of s that fit a line of width cells: *line_end is where the
 * line's text ends, the result where the next line starts. */
size_t tui_wrap(const char *s, int width, size_t *line_end);

/* The whole screen (draw.c). */
void tui_draw(WINDOW *win, struct dash *d, const struct tui_layout *l);
/* Where the terminal's cursor goes: in the one-line editor, else hidden. */
void tui_place_cursor(WINDOW *win, const struct dash *d, const struct tui_layout *l);

/* The frame and the help overlay (frame.c). */
void tui_draw_frame(WINDOW *win, const struct tui_layout *l);
void tui_draw_help(WINDOW *win, const struct dash *d, const struct tui_layout *l);

/* Opens text in $VISUAL or $EDITOR and returns what was saved (the
 * caller frees it), or NULL when the editor failed (editor.c). */
char *tui_edit_text(const char *text);

/* The terminal itself (term.c). */
enum pb_status tui_term_start(struct pb_error *err);
void tui_term_stop(void);
/* A signal asked us to stop (SIGTERM, SIGINT, SIGHUP). */
bool tui_term_stopping(void);
/* Ctrl-Z: back to the shell until fg. */
void tui_term_suspend(void);

#endif
