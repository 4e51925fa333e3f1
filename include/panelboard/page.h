/*
 * What the dashboard reads: pages of each list's rows in display order,
 * counts, one row's detail, and what changed since the reader last looked.
 *
 * Paging is by key, not by offset: a page starts next to a row the reader
 * already has (its struct pb_page_key) and reads at most `limit` rows from
 * an index that is already in the display order, so a page costs the same
 * at the top of a million actions as at the bottom, and EXPLAIN QUERY PLAN
 * shows neither a full scan nor a temporary B-tree (but for the queue of a
 * member who leads more than 16 themes, which sorts the others' actions).
 *
 * Rows are handed to a callback one at a time, nearest the starting point
 * first (so a backward page arrives last row first); the strings live
 * until the callback returns. A callback status other than PB_OK stops the
 * page and is returned.
 */
#ifndef PANELBOARD_PAGE_H
#define PANELBOARD_PAGE_H

#include <panelboard/action.h>
#include <panelboard/record.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A row's place in its list's order. Actions ordered by due: (has_due,
 * due, order) with the rows that have no due date last; every other order:
 * `order` alone (an action's or feedback item's id, a theme's position,
 * the rowid of a member, lead, co-option or strategy). */
struct pb_page_key {
    int64_t order;
    bool has_due;
    pb_day due;
};

enum pb_page_dir { PB_PAGE_FORWARD, PB_PAGE_BACKWARD };

struct pb_page {
    enum pb_page_dir dir;
    /* true: start at the first row (forward) or the last (backward), and
     * ignore key */
    bool from_edge;
    /* the row to start next to; with inclusive, that row itself comes first
     * (when it still exists) */
    struct pb_page_key key;
    bool inclusive;
    size_t limit;
};

/* ---- actions ---- */

enum pb_action_order {
    PB_ORDER_ID,  /* by id */
    PB_ORDER_DUE, /* by due date, then id; no due date last */
};

/* Which actions a list shows: every filter set must hold, as in
 * pb_action_list; with queue set, only that member's queue (the rows of
 * pb_action_queue: open or in progress, owned by them or by all, or in a
 * theme they lead), in the query's order. Unknown ids: PB_ERR_NOT_FOUND. */
struct pb_action_query {
    struct pb_action_filter filter;
    const char *queue;
    enum pb_action_order order;
};

/* The key of action a in order. */
struct pb_page_key pb_action_key(const struct pb_action *a, enum pb_action_order order);

enum pb_status pb_action_page(struct pb_db *db, const struct pb_action_query *query,
                              const struct pb_page *page, pb_action_fn fn, void *ctx,
                              struct pb_error *err);

/* Counts by status of the actions a query shows; overdue counts those open
 * or in progress and due before the database's today. */
struct pb_action_counts {
    int64_t open, in_progress, done, dropped, overdue;
};
enum pb_status pb_action_count(struct pb_db *db, const struct pb_action_query *query,
                               struct pb_action_counts *out, struct pb_error *err);

/* The first action after (or, backward, before) `from` in the query's
 * order whose title, ref or id ("#7", "7") contains text, case-insensitive
 * for ASCII letters. from_edge as in struct pb_page (only dir, from_edge,
 * key and inclusive are read). *found is false when there is none; the
 * caller wraps around by searching again from the edge. */
enum pb_status pb_action_find(struct pb_db *db, const struct pb_action_query *query,
                              const struct pb_page *from, const char *text, bool *found,
                              struct pb_page_key *at, struct pb_error *err);

/* ---- themes: in the chair's order, with their actions counted ---- */

struct pb_theme_row {
    struct pb_page_key key; /* order: the theme's position */
    const char *id;
    const char *title;
    const char *lead;      /* member id, NULL when the theme has no lead */
    const char *lead_name; /* the lead's name */
    int64_t revision;
    struct pb_action_counts counts; /* of the theme's actions */
};
typedef enum pb_status (*pb_theme_fn)(const struct pb_theme_row *row, void *ctx,
                                      struct pb_error *err);
enum pb_status pb_theme_page(struct pb_db *db, const struct pb_page *page, pb_theme_fn fn,
                             void *ctx, struct pb_error *err);

/* One theme whole: the row, and its long fields and sub-group (names, in
 * the order given). Free with pb_theme_detail_free. */
struct pb_theme_detail {
    struct pb_theme_row row;
    const char *thoughts;
    const char *portfolio;
    const char *const *subgroup;
    size_t n_subgroup;
};
enum pb_status pb_theme_get(struct pb_db *db, const char *id, struct pb_theme_detail **out,
                            struct pb_error *err);
void pb_theme_detail_free(struct pb_theme_detail *detail);

/* ---- leads: the members who lead a theme, in the order of their first
 * theme ---- */

struct pb_lead_row {
    struct pb_page_key key; /* order: the position of their first theme */
    const char *id;
    const char *name;
    const char *post;   /* NULL when none */
    const char *themes; /* the titles of the themes they lead, joined by ", " */
    /* the actions of their themes and the actions they own (or all own) */
    int64_t open;    /* open or in progress */
    int64_t overdue; /* of those, due before today */
    bool has_last_update;
    pb_day last_update; /* the date of their latest update on any action */
};
typedef enum pb_status (*pb_lead_fn)(const struct pb_lead_row *row, void *ctx,
                                     struct pb_error *err);
enum pb_status pb_lead_page(struct pb_db *db, const struct pb_page *page, pb_lead_fn fn, void *ctx,
                            struct pb_error *err);

/* ---- members ---- */

struct pb_member_row {
    struct pb_page_key key; /* order: rowid, the panel file's order */
    const char *id;
    const char *name;
    const char *kind;
    const char *post;
    bool voting;
    const char *organisation;
    const char *email;
    const char *phone;
    const char *joined; /* YYYY-MM-DD or NULL */
    const char *left;
    const char *notes;
    int64_t revision;
};
typedef enum pb_status (*pb_member_fn)(const struct pb_member_row *row, void *ctx,
                                       struct pb_error *err);
enum pb_status pb_member_page(struct pb_db *db, const struct pb_page *page, pb_member_fn fn,
                              void *ctx, struct pb_error *err);
/* One member by id, passed to fn (PB_ERR_NOT_FOUND when there is none). */
enum pb_status pb_member_get(struct pb_db *db, const char *id, pb_member_fn fn, void *ctx,
                             struct pb_error *err);

/* ---- co-option seats ---- */

struct pb_co_option_row {
    struct pb_page_key key; /* order: rowid */
    const char *id;
    const char *sector;
    const char *status;
    const char *member;      /* member id, NULL while vacant */
    const char *member_name; /* the holder's name */
    const char *nominated_by;
    const char *resolved; /* YYYY-MM-DD or NULL */
    const char *ref;
    const char *term_end;
    const char *notes;
    int64_t revision;
};
typedef enum pb_status (*pb_co_option_fn)(const struct pb_co_option_row *row, void *ctx,
                                          struct pb_error *err);
enum pb_status pb_co_option_page(struct pb_db *db, const struct pb_page *page, pb_co_option_fn fn,
                                 void *ctx, struct pb_error *err);

/* ---- strategies ---- */

struct pb_strategy_row {
    struct pb_page_key key; /* order: rowid */
    const char *id;
    const char *title;
    const char *parent; /* strategy id or NULL */
    const char *from;   /* YYYY-MM-DD or NULL */
    const char *to;
    const char *const *priorities; /* in order */
    size_t n_priorities;
    int64_t revision;
};
typedef enum pb_status (*pb_strategy_fn)(const struct pb_strategy_row *row, void *ctx,
                                         struct pb_error *err);
enum pb_status pb_strategy_page(struct pb_db *db, const struct pb_page *page, pb_strategy_fn fn,
                                void *ctx, struct pb_error *err);

/* ---- feedback: "you said, we did" ---- */

struct pb_feedback_row {
    struct pb_page_key key; /* order: id */
    int64_t id;
    const char *date; /* YYYY-MM-DD or NULL */
    const char *theme;
    const char *said;
    const char *did;
    int64_t action; /* 0: none */
    const char *status;
    const char *told;
    const char *channel;
    int64_t revision;
};
typedef enum pb_status (*pb_feedback_fn)(const struct pb_feedback_row *row, void *ctx,
                                         struct pb_error *err);
enum pb_status pb_feedback_page(struct pb_db *db, const struct pb_page *page, pb_feedback_fn fn,
                                void *ctx, struct pb_error *err);

/* The first row after (or before) `from` whose text contains text,
 * case-insensitive for ASCII letters, for the lists other than actions:
 * themes (id, title, lead's name), leads (id, name, theme titles), members
 * (id, name, post, organisation), co-options (id, sector, holder's name),
 * strategies (id, title), feedback (said, did). */
enum pb_list {
    PB_LIST_THEMES,
    PB_LIST_LEADS,
    PB_LIST_MEMBERS,
    PB_LIST_CO_OPTIONS,
    PB_LIST_STRATEGIES,
    PB_LIST_FEEDBACK,
};
enum pb_status pb_list_find(struct pb_db *db, enum pb_list list, const struct pb_page *from,
                            const char *text, bool *found, struct pb_page_key *at,
                            struct pb_error *err);
/* How many rows the list has. */
enum pb_status pb_list_count(struct pb_db *db, enum pb_list list, int64_t *n,
                             struct pb_error *err);

/* ---- the panel and its meetings, for the header ---- */

/* The panel's name, or NULL when it has none; the caller frees it. */
enum pb_status pb_panel_name(struct pb_db *db, char **name, struct pb_error *err);

struct pb_meeting_brief {
    char id[65];
    pb_day date;
};
/* The latest meeting on or before day (*found false when none). */
enum pb_status pb_meeting_on_or_before(struct pb_db *db, pb_day day, bool *found,
                                       struct pb_meeting_brief *out, struct pb_error *err);
/* The first meeting after day. */
enum pb_status pb_meeting_after(struct pb_db *db, pb_day day, bool *found,
                                struct pb_meeting_brief *out, struct pb_error *err);

/* ---- what changed since a reader last looked ---- */

/* One bit per table of the history (or per group of a meeting's tables),
 * so a reader reloads only the lists a change touched. */
enum pb_table {
    PB_TABLE_PANEL = 1u << 0,
    PB_TABLE_MEMBERS = 1u << 1,
    PB_TABLE_CO_OPTIONS = 1u << 2,
    PB_TABLE_THEMES = 1u << 3,
    PB_TABLE_THEME_SUBGROUP = 1u << 4,
    PB_TABLE_STRATEGIES = 1u << 5,
    PB_TABLE_STRATEGY_PRIORITIES = 1u << 6,
    PB_TABLE_MEETINGS = 1u << 7,
    PB_TABLE_DECISIONS = 1u << 8,
    PB_TABLE_QUESTIONS = 1u << 9,
    PB_TABLE_ACTIONS = 1u << 10,
    PB_TABLE_ACTION_OWNERS = 1u << 11,
    PB_TABLE_UPDATES = 1u << 12,
    PB_TABLE_FEEDBACK = 1u << 13,
    PB_TABLE_ATTENDANCE = 1u << 14, /* present, apologies, declarations */
    PB_TABLE_ITEMS = 1u << 15,      /* agenda items, their documents, decisions, questions */
    PB_TABLE_OTHER = 1u << 31, /* a table added later; reload everything */
};

/* The tables touched by changes with ids above `since`, as pb_table bits,
 * and the newest change id (*latest; `since` when there is none newer).
 * Reads only the history rows of those changes, through an index; with
 * tables NULL, only the newest id. */
enum pb_status pb_changes_since(struct pb_db *db, int64_t since, unsigned *tables, int64_t *latest,
                                struct pb_error *err);

/* The latest change that touched a row: who made it (NULL when nobody
 * said --as) and when ("YYYY-MM-DD HH:MM:SS" UTC), for a message that
 * says who got there first. table is a history table's name ("actions"),
 * row_id its rowid. *found false when the history has none. */
struct pb_change_brief {
    int64_t id;
    char who[65];
    char at[20];
    char what[128];
};
enum pb_status pb_row_last_change(struct pb_db *db, const char *table, int64_t row_id, bool *found,
                                  struct pb_change_brief *out, struct pb_error *err);
/* The same for a row of a kind with a key (record.h): key for text ids, id
 * for integer ones. */
enum pb_status pb_record_last_change(struct pb_db *db, enum pb_kind kind, const char *key,
                                     int64_t id, bool *found, struct pb_change_brief *out,
                                     struct pb_error *err);

/* The latest changes (at most limit) to action #id, its owners or its
 * updates, newest first, each once. */
typedef enum pb_status (*pb_change_brief_fn)(const struct pb_change_brief *change, void *ctx,
                                             struct pb_error *err);
enum pb_status pb_action_changes(struct pb_db *db, int64_t id, int64_t limit,
                                 pb_change_brief_fn fn, void *ctx, struct pb_error *err);

#endif
