/*
 * The dashboard's state and key handling, with no terminal: the screen
 * (src/tui) feeds it keys and the clock, and draws what it holds; tests do
 * the same with a pinned clock and no screen at all.
 *
 * The six panes are lists over the model (page.h). Each keeps a window of
 * rows around its cursor, a few screens tall, filled page by page from the
 * database, so the dashboard reads what it shows and not the whole panel.
 */
#ifndef PANELBOARD_DASH_H
#define PANELBOARD_DASH_H

#include <panelboard/page.h>
#include <panelboard/record.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum dash_pane_id {
    DASH_THEMES,
    DASH_LEADS,
    DASH_ACTIONS,
    DASH_CO_OPTED,
    DASH_STRATEGIES,
    DASH_FEEDBACK,
    DASH_AGENDA, /* meeting mode: today's agenda, the themes under its report-backs item */
    DASH_PANE_COUNT
};
/* The panes with a tab and a number key (the agenda has M). */
#define DASH_TABS 6

/* Keys as the dashboard knows them: a Unicode code point for a printable
 * key, a control character (1-31) for Ctrl-letter, or one of these. */
enum dash_key {
    DASH_KEY_ESC = 27,
    DASH_KEY_ENTER = '\r',
    DASH_KEY_TAB = '\t',
    DASH_KEY_BACKSPACE = 127,
    DASH_KEY_UP = 0x110000,
    DASH_KEY_DOWN,
    DASH_KEY_LEFT,
    DASH_KEY_RIGHT,
    DASH_KEY_HOME,
    DASH_KEY_END,
    DASH_KEY_PGUP,
    DASH_KEY_PGDN,
    DASH_KEY_BTAB, /* Shift-Tab */
    DASH_KEY_DELETE,
};
#define DASH_CTRL(c) ((c) & 0x1f)

/* What a key or a tick changed, so the screen repaints only that. */
enum dash_redraw {
    DASH_DRAW_HEADER = 1u << 0,
    DASH_DRAW_LIST = 1u << 1,
    DASH_DRAW_DETAIL = 1u << 2,
    DASH_DRAW_STATUS = 1u << 3,
    DASH_DRAW_ALL = 0xffu,
    DASH_CLEAR = 1u << 8,   /* Ctrl-L: forget what is on the screen */
    DASH_QUIT = 1u << 9,
    DASH_SUSPEND = 1u << 10, /* Ctrl-Z */
    DASH_EDIT = 1u << 11     /* open d->edit.text in $EDITOR, then call dash_edit_done */
};

/* ---- the key table: one row per command, which drives the dispatch,
 * the status line's hints, the help overlay and the man page ---- */

enum dash_cmd {
    CMD_PANE_1, CMD_PANE_2, CMD_PANE_3, CMD_PANE_4, CMD_PANE_5, CMD_PANE_6,
    CMD_PANE_NEXT, CMD_PANE_PREV,
    CMD_DOWN, CMD_UP, CMD_TOP, CMD_BOTTOM, CMD_PAGE_DOWN, CMD_PAGE_UP,
    CMD_DETAIL,
    CMD_CAPTURE, CMD_FORM_ADD, CMD_FORM_EDIT, CMD_NOTE, CMD_DONE, CMD_CYCLE, CMD_REASSIGN,
    CMD_MARK, CMD_MARK_ALL,
    CMD_SEARCH, CMD_SEARCH_NEXT, CMD_SEARCH_PREV,
    CMD_FILTER, CMD_FILTER_CLEAR, CMD_SORT, CMD_QUEUE,
    CMD_MEETING, CMD_ITEM_ADD, CMD_DECIDE, CMD_ASK, CMD_WRITE, CMD_ATTEND, CMD_PREVIEW,
    CMD_UNDO, CMD_REDO, CMD_RELOAD, CMD_REDRAW, CMD_SUSPEND,
    CMD_HELP, CMD_BACK, CMD_QUIT,
    CMD_COUNT
};

/* Where a command works. */
enum dash_where {
    DASH_ANY = 0,
    DASH_ON_ACTION = 1u << 0, /* the cursor on an action (actions pane) */
    DASH_WRITING = 1u << 1,   /* needs a database that can be written */
    DASH_SEARCHING = 1u << 2, /* a search is active */
    DASH_HAS_AS = 1u << 3,    /* needs --as */
    DASH_OPEN = 1u << 4,      /* something is open (detail, help, search, marks) */
    DASH_IN_MEETING = 1u << 5, /* meeting mode, on the agenda */
};

struct dash_binding {
    enum dash_cmd cmd;
    int keys[4];         /* 0-terminated */
    const char *keys_label; /* as people read them: "j ↓" */
    const char *hint;       /* a word or two for the status line; NULL: never hinted */
    const char *help;       /* one line for the help overlay and the man page */
    unsigned where;         /* enum dash_where */
};
extern const struct dash_binding dash_bindings[];
extern const size_t dash_n_bindings;

/* ---- rows and panes ---- */

/* What a row means, which the screen shows by a mark beside it and by
 * colour, so that meaning never rests on colour alone. */
enum dash_row_flag {
    DASH_ROW_OVERDUE = 1u << 0, /* red, marked ! */
    DASH_ROW_DONE = 1u << 1,    /* dimmed, ticked */
    DASH_ROW_DROPPED = 1u << 2, /* dimmed, marked - */
    DASH_ROW_WARN = 1u << 3,    /* a lead who has not reported since the last meeting: ? */
};

#define DASH_MAX_CELLS 7

/* One row of a list as the screen shows it: the cells are already text. */
struct dash_row {
    struct pb_page_key key;
    char *id;           /* the row's id: "housing", "7" */
    int64_t revision;
    unsigned flags;     /* enum dash_row_flag */
    char *cells[DASH_MAX_CELLS];
    int64_t done, total; /* a progress bar (themes); total 0: none */
    char *status;       /* actions: the status, for cycling */
    char *theme;        /* the row's theme id, for capture in context */
    char *member;       /* the row's member id (leads) */
    int64_t item;       /* the agenda item (agenda rows; a theme row: its report-backs item) */
    char *text;         /* the row's long text, for $EDITOR (an item's minutes) */
};

/* A column of a pane's list. */
struct dash_column {
    const char *title;
    int min;     /* cells it needs to be worth showing */
    int max;     /* at most (0: takes what is left) */
    bool right;  /* right-aligned (numbers) */
};

/* A line of a detail pane. */
enum dash_line_style { DASH_LINE_TEXT, DASH_LINE_HEADING, DASH_LINE_FIELD, DASH_LINE_ALERT,
                       DASH_LINE_DIM };
struct dash_line {
    enum dash_line_style style;
    char *label; /* DASH_LINE_FIELD: the field's name */
    char *text;
};

struct dash;

/* What a pane is: its list's columns, how it reads pages, finds text and
 * counts, and what its detail says. One file per pane (pane_*.c). */
struct dash_pane_ops {
    const char *title;
    const char *singular; /* "theme", "action" ... */
    const char *plural;
    enum pb_list list;    /* the model's list, for find and count when they are NULL */
    const struct dash_column *columns;
    size_t n_columns;
    /* Reads a page of rows, each passed to dash_list_take (list.c). */
    enum pb_status (*page)(struct dash *d, const struct pb_page *page, struct pb_error *err);
    /* NULL: pb_list_find over `list` */
    enum pb_status (*find)(struct dash *d, const struct pb_page *from, const char *text,
                           bool *found, struct pb_page_key *at, struct pb_error *err);
    /* The status line's count: "12 actions · 3 overdue"; NULL: "N plural" */
    enum pb_status (*count)(struct dash *d, char *buf, size_t size, struct pb_error *err);
    /* The detail of row (may be NULL when the list is empty). */
    enum pb_status (*detail)(struct dash *d, const struct dash_row *row, struct pb_error *err);
    /* The tables whose changes this pane shows (page.h's pb_table bits). */
    unsigned tables;
};

/* A list's window: rows [0, n) are consecutive rows of the pane's order. */
struct dash_list {
    struct dash_row *rows;
    size_t n, cap;
    size_t cursor; /* index in rows; 0 when empty */
    size_t top;    /* index of the first row on the screen */
    bool at_start, at_end; /* the window reaches the list's first / last row */
    char count[96];        /* the status line's count */
};

/* The one-line editor for capture, notes, search and filters. */
enum dash_input_kind { DASH_INPUT_NONE, DASH_INPUT_CAPTURE, DASH_INPUT_NOTE, DASH_INPUT_SEARCH,
                       DASH_INPUT_FILTER, DASH_INPUT_MEETING_TITLE, DASH_INPUT_ITEM,
                       DASH_INPUT_DECISION, DASH_INPUT_ASKED, DASH_INPUT_ANSWER,
                       DASH_INPUT_ASKER, DASH_INPUT_REASSIGN };
#define DASH_INPUT_MAX 4000
struct dash_input {
    enum dash_input_kind kind;
    char prompt[96];
    uint32_t text[DASH_INPUT_MAX]; /* code points */
    size_t len, cursor;
    int64_t action; /* DASH_INPUT_NOTE: the action */
    /* Tab completion: the word being completed and the next candidate */
    size_t completing;
};

/* What is drawn over the panes: the attendance list (P) or the minutes as
 * they stand (p). */
enum dash_overlay_kind { DASH_OVERLAY_NONE, DASH_OVERLAY_ATTENDANCE, DASH_OVERLAY_PREVIEW };
struct dash_overlay {
    enum dash_overlay_kind kind;
    char title[192];
    struct dash_line *lines;
    size_t n, cap;
    size_t cursor, top;
    char **members; /* attendance: the member of each line */
    int *states;    /* attendance: enum pb_attendance of each line */
};

/* Text for $EDITOR: what the screen opens in the editor when a key asks
 * for DASH_EDIT; dash_edit_done takes back what was written. */
struct dash_edit {
    char *text;
    bool for_form; /* the form's field under its cursor, not an item's minutes */
    char what[96];
    int64_t item;
    int64_t revision;
};

/* A form (A adds, e edits): one field a line over the panes. */
#define DASH_FORM_FIELDS 12
struct dash_form_field {
    const struct pb_field *field;
    size_t index;         /* in the kind's field table */
    bool read_only;       /* the key of a row being edited */
    struct dash_input in; /* what is typed; long text is in text instead */
    char *text;           /* long text and lists of texts, whole */
    char *was;            /* the value as read, to tell what someone else changed */
    char *theirs;         /* after a refused save: the value they saved */
    char error[160];
};
struct dash_form {
    enum pb_kind kind;
    bool adding;
    char title[160];
    char key[72]; /* the row being edited */
    int64_t id;
    int64_t revision;
    struct dash_form_field fields[DASH_FORM_FIELDS];
    size_t n, cursor;
    char message[640];
    char **meeting_ids, **strategy_ids; /* for completion */
    size_t n_meeting_ids, n_strategy_ids;
};

struct dash_options {
    const char *as;  /* --as member, or NULL */
    bool read_only;  /* the database cannot be written */
};

struct dash {
    struct pb_db *db;
    struct dash_options opt;
    time_t now;
    pb_day today;
    char *panel_name;
    char meeting[96]; /* "meeting today 2022-10-12" for the header, or "" */
    char meeting_today[65]; /* the id of today's meeting, which captures join; or "" */
    pb_day last_meeting; /* the latest meeting on or before today */
    bool has_last_meeting;

    enum dash_pane_id pane;
    struct dash_list lists[DASH_PANE_COUNT];
    bool stale[DASH_PANE_COUNT]; /* reload on the next look */
    struct dash_list *collect;   /* the page being read (list.c) */
    size_t height;               /* rows of the list on the screen */

    /* the detail of the row under the cursor */
    struct dash_line *detail;
    size_t n_detail, cap_detail;
    bool detail_stale;
    bool detail_focus; /* Enter: j/k scroll the detail */
    size_t detail_top;

    /* the actions pane's query */
    struct pb_action_query query;
    char *filter_theme, *filter_owner, *filter_status;
    bool queue;
    enum pb_action_order order_before_queue;

    struct dash_input input;
    char *search; /* the active search, or NULL */
    struct pb_page_key search_from; /* where the cursor was when the search began */
    bool search_from_edge;          /* the list was empty then */

    bool help;
    size_t help_top;
    char message[512]; /* the status line's message, until the next key */
    bool message_error;

    /* completion */
    char **member_ids, **theme_ids;
    size_t n_member_ids, n_theme_ids;

    /* meeting mode */
    bool in_meeting;
    struct pb_meeting_brief run;  /* the meeting being run */
    time_t meeting_since;         /* when this session started running it */
    time_t item_since;            /* when the cursor came to the current item */
    int64_t current_item;
    char current_ref[32];
    char *asked, *answer;         /* a question being typed, part by part */
    struct dash_overlay overlay;
    struct dash_edit edit;
    struct dash_form *form; /* NULL when no form is open */
    char *kept_minutes; /* minutes whose save was refused, for the next w */
    int64_t kept_item;

    /* marked actions, by id, with the revision the screen read */
    struct dash_mark { int64_t id; int64_t revision; } *marks;
    size_t n_marks, cap_marks;

    /* the session's changes, for undo and redo */
    struct dash_step { int64_t change; char *what; } *undo, *redo;
    size_t n_undo, n_redo, cap_undo, cap_redo;

    /* live refresh */
    int64_t data_version;
    int64_t seen_change;
};

/* Opens the dashboard over db (which it does not own) at time now; the
 * first pane is read at once. */
enum pb_status dash_open(struct dash *d, struct pb_db *db, const struct dash_options *opt,
                         time_t now, struct pb_error *err);
void dash_close(struct dash *d);

/* The screen has room for `rows` list rows. */
unsigned dash_resize(struct dash *d, size_t rows);
/* A key; returns what to redraw. Errors become the status line's message. */
unsigned dash_key(struct dash *d, int key);
/* Called a few times a second: the clock, and others' changes. */
unsigned dash_tick(struct dash *d, time_t now);

const struct dash_pane_ops *dash_pane(enum dash_pane_id id);
struct dash_list *dash_current(struct dash *d);
/* The row under the cursor, or NULL. */
const struct dash_row *dash_selected(const struct dash *d);
/* The detail of the row under the cursor, read when needed. */
void dash_detail_lines(struct dash *d, const struct dash_line **lines, size_t *n);
/* The text the editor gave back for d->edit (NULL: the editor failed or
 * nothing was written); saves it. */
unsigned dash_edit_done(struct dash *d, const char *text);
/* True when row (of the actions pane) is marked. */
bool dash_is_marked(const struct dash *d, const struct dash_row *row);
/* The status line's hints for where the cursor is: "a add · d done ...". */
void dash_hints(const struct dash *d, char *buf, size_t size);
/* The filters in force as filter text ("@smith #housing overdue "); the
 * caller frees it. */
char *dash_filter_text(const struct dash *d);
/* The one-line editor's text as UTF-8 (whole, or code points [from, to));
 * the caller frees it. */
char *dash_input_text(const struct dash_input *in);
char *dash_input_range(const struct dash_input *in, size_t from, size_t to);
/* True when binding b is available where the cursor is. */
bool dash_binding_applies(const struct dash *d, const struct dash_binding *b);

/* The pane's find and count, its own or the list's. */
enum pb_status dash_pane_find(struct dash *d, enum dash_pane_id p, const struct pb_page *from,
                              const char *text, bool *found, struct pb_page_key *at,
                              struct pb_error *err);
enum pb_status dash_pane_count(struct dash *d, enum dash_pane_id p, struct pb_error *err);

/* ---- for the pane files ---- */

/* Adds a row read by a pane's page function; the strings are copied. */
struct dash_row *dash_list_take(struct dash *d, const struct pb_page_key *key, const char *id);
void dash_row_set(struct dash_row *row, size_t cell, const char *text);
void dash_row_setf(struct dash_row *row, size_t cell, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void dash_detail_add(struct dash *d, enum dash_line_style style, const char *label,
                     const char *text);
void dash_detail_addf(struct dash *d, enum dash_line_style style, const char *label,
                      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The name of member id ("Cllr Thirkill"), or id itself when unknown;
 * the caller frees it. */
char *dash_member_name(struct dash *d, const char *id);

#endif
