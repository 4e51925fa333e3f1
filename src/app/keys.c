/*
 * The key table: every command of the dashboard once, with its keys, the
 * word the status line shows for it, and its line of help. The dispatch
 * (dash.c), the status line's hints, the help overlay and the man page's
 * key list (checked by a test) are all read from here.
 */
#include "dash.h"

const struct dash_binding dash_bindings[] = {
    {CMD_PANE_1, {'1'}, "1", NULL, "themes: their lead, counts and progress", DASH_ANY},
    {CMD_PANE_2, {'2'}, "2", NULL, "leads: who reported back since the last meeting", DASH_ANY},
    {CMD_PANE_3, {'3'}, "3", NULL, "actions: id, status, due, owners, theme, title", DASH_ANY},
    {CMD_PANE_4, {'4'}, "4", NULL, "co-opted seats: sector, holder or vacant, status", DASH_ANY},
    {CMD_PANE_5, {'5'}, "5", NULL, "strategies and their priorities", DASH_ANY},
    {CMD_PANE_6, {'6'}, "6", NULL, "feedback: you said, we did", DASH_ANY},
    {CMD_PANE_NEXT, {DASH_KEY_TAB}, "Tab", NULL, "next pane", DASH_ANY},
    {CMD_PANE_PREV, {DASH_KEY_BTAB}, "Shift-Tab", NULL, "previous pane", DASH_ANY},
    {CMD_DOWN, {'j', DASH_KEY_DOWN}, "j Down", NULL, "move down", DASH_ANY},
    {CMD_UP, {'k', DASH_KEY_UP}, "k Up", NULL, "move up", DASH_ANY},
    {CMD_TOP, {'g', DASH_KEY_HOME}, "g Home", NULL, "first row", DASH_ANY},
    {CMD_BOTTOM, {'G', DASH_KEY_END}, "G End", NULL, "last row", DASH_ANY},
    {CMD_PAGE_DOWN, {DASH_KEY_PGDN, DASH_CTRL('f')}, "PgDn Ctrl-F", NULL, "a screen down",
     DASH_ANY},
    {CMD_PAGE_UP, {DASH_KEY_PGUP, DASH_CTRL('b')}, "PgUp Ctrl-B", NULL, "a screen up", DASH_ANY},
    {CMD_DETAIL, {DASH_KEY_ENTER, '\n'}, "Enter", "detail",
     "open the detail of the row; j and k then scroll it", DASH_ANY},
    {CMD_CAPTURE, {'a'}, "a", "add",
     "quick capture of an action: title @owner #theme due:DATE ref:TEXT (Tab completes)",
     DASH_WRITING},
    {CMD_NOTE, {'n'}, "n", "note", "add an update note to the action", DASH_ON_ACTION | DASH_WRITING},
    {CMD_DONE, {'d'}, "d", "done", "mark the action done", DASH_ON_ACTION | DASH_WRITING},
    {CMD_CYCLE, {'s'}, "s", "status", "cycle its status: open, in-progress, done, dropped",
     DASH_ON_ACTION | DASH_WRITING},
    {CMD_MARK, {' '}, "Space", NULL,
     "mark the action (again: unmark); d and s then act on every marked one as one change",
     DASH_ON_ACTION},
    {CMD_MARK_ALL, {'V'}, "V", NULL, "mark every action shown (again: clear the marks)",
     DASH_ON_ACTION},
    {CMD_SEARCH, {'/'}, "/", "search", "search as you type; Enter keeps it, Esc goes back",
     DASH_ANY},
    {CMD_SEARCH_NEXT, {'n'}, "n", "next", "while searching: the next match", DASH_SEARCHING},
    {CMD_SEARCH_PREV, {'N'}, "N", "prev", "while searching: the previous match", DASH_SEARCHING},
    {CMD_FILTER, {'f'}, "f", "filter",
     "filter the actions: @owner #theme status:S overdue (Tab completes)", DASH_ANY},
    {CMD_FILTER_CLEAR, {'F'}, "F", NULL, "clear the filters", DASH_ANY},
    {CMD_SORT, {'S'}, "S", NULL, "sort the actions by due date or by id", DASH_ANY},
    {CMD_QUEUE, {'m'}, "m", "my queue", "my queue: the actions of the --as member", DASH_HAS_AS},
    {CMD_UNDO, {'u'}, "u", "undo", "undo the session's latest change", DASH_WRITING},
    {CMD_REDO, {DASH_CTRL('r')}, "Ctrl-R", NULL, "redo what u undid", DASH_WRITING},
    {CMD_RELOAD, {'r'}, "r", NULL, "reload from the database", DASH_ANY},
    {CMD_REDRAW, {DASH_CTRL('l')}, "Ctrl-L", NULL, "redraw the screen", DASH_ANY},
    {CMD_SUSPEND, {DASH_CTRL('z')}, "Ctrl-Z", NULL, "suspend to the shell (fg resumes)",
     DASH_ANY},
    {CMD_HELP, {'?'}, "?", "help", "this help", DASH_ANY},
    {CMD_BACK, {DASH_KEY_ESC}, "Esc", "back", "close what is open: detail, search, help, marks",
     DASH_OPEN},
    {CMD_QUIT, {'q', DASH_CTRL('c')}, "q Ctrl-C", "quit", "quit", DASH_ANY},
};

const size_t dash_n_bindings = sizeof dash_bindings / sizeof dash_bindings[0];
