/*
 * The pages' SQL, inside the model: how a page starts, and the text of
 * each page query, which the tests run EXPLAIN QUERY PLAN on.
 */
#ifndef PANELBOARD_PAGE_SQL_H
#define PANELBOARD_PAGE_SQL_H

#include <panelboard/page.h>

#include "action_rows.h"
#include "counts.h"
#include "sql.h"

/* A theme's actions of a status, and its overdue ones, from the count
 * tables (counts.h). */
#define THEME_COUNT(status) COUNTS_STATUS("", COUNTS_EVERY, COUNTS_THEME("t.id"), status)
#define THEME_OVERDUE       COUNTS_OVERDUE("", COUNTS_EVERY, COUNTS_THEME("t.id"))

/* A theme's row (page_read_theme reads it) over themes t and its lead m,
 * without the FROM clause. */
/* Laid out by hand: clang-format breaks strings beside macro calls apart. */
/* clang-format off */
#define PAGE_THEME_COLUMNS                                                                         \
    "SELECT t.position, t.id, t.title, t.lead, m.name, t.revision, "                               \
    THEME_COUNT("open") ", " THEME_COUNT("in-progress") ", "                                       \
    THEME_COUNT("done") ", " THEME_COUNT("dropped") ", " THEME_OVERDUE
/* clang-format on */

/* A member's row. */
#define PAGE_MEMBER_SELECT                                                                         \
    "SELECT m.rowid, m.id, m.name, m.kind, m.post, m.voting, m.organisation, m.email, m.phone,"    \
    " m.joined, m.left_on, m.notes, m.revision FROM members m"

/* Where a page query starts: at an edge, after the key, or at it. An edge
 * is the same statement as after, with a key before the first row (or
 * past the last), so that its plan is the same SEARCH as any page's. */
enum page_start { PAGE_EDGE, PAGE_AFTER, PAGE_AT };

/* A page of actions ordered by due is read in two parts: the actions with
 * a due date, by (due, id), then those without, by id. */
enum page_part { PART_ID, PART_DUE, PART_NO_DUE };

enum page_start page_start_of(const struct pb_page *page);

/* The text of the action page query for this query, part, direction and
 * start; find adds the text search (page_find_text). led: how many themes
 * a queue's member leads (page_queue_led), each of which is a part of the
 * queue's query. Kept by db. */
const char *page_action_sql(struct pb_db *db, const struct pb_action_query *query, size_t led,
                            enum page_part part, enum pb_page_dir dir, enum page_start start,
                            bool find);
/* The same for the other lists; its first column is the row's order. */
const char *page_list_sql(struct pb_db *db, enum pb_list list, enum pb_page_dir dir,
                          enum page_start start, bool find);
/* The statement pb_action_count runs for a query: over the count tables
 * when they can answer it, else over the actions. */
const char *page_count_sql(struct pb_db *db, const struct pb_action_query *query);

/* Appends the query's filters (" AND ..."), as in pb_action_list, over
 * the actions aliased a (a queue is not a filter: page_queue.c reads its
 * rows); binds their parameters and the queue's (not :today). */
void page_action_where(struct pb_buf *b, const struct pb_action_query *query);
void page_action_bind(sqlite3_stmt *st, const struct pb_action_query *query);
/* An action a whose title, ref or id ("#7") holds :text (page_find_text). */
#define PAGE_FIND                                                                                  \
    "(instr(lower(a.title), :text) OR instr(lower(a.ref), :text) OR instr('#' || a.id, :text))"

/* Appends where part starts in dir: next to (or at) the key (:due, :id),
 * over the columns id and due of a table read in the part's order. */
void page_key_start(struct pb_buf *b, enum page_part part, enum pb_page_dir dir,
                    enum page_start start, const char *id, const char *due);
/* page_action_where, then the part's rows from where the page starts, and
 * with find the text search (:text). */
void page_action_rest(struct pb_buf *b, const struct pb_action_query *query, enum page_part part,
                      enum pb_page_dir dir, enum page_start start, bool find);

/* A member's queue (page_queue.c): how many themes they lead; the text of
 * a page query of it (page_action_sql's, not kept); the statement of
 * pb_action_count for it (page_count_sql's). */
enum pb_status page_queue_led(struct pb_db *db, const char *member, size_t *led,
                              struct pb_error *err);
char *page_queue_sql(const struct pb_action_query *query, size_t led, enum page_part part,
                     enum pb_page_dir dir, enum page_start start, bool find);
const char *page_queue_count_sql(struct pb_db *db, const struct pb_action_query *query);
/* Every id the query names exists. */
enum pb_status page_check_query(struct pb_db *db, const struct pb_action_query *query,
                                struct pb_error *err);

/* A row of a list's page query: its columns are the list's (page_lists.c),
 * the first being the order. */
typedef enum pb_status (*page_row_fn)(struct pb_db *db, sqlite3_stmt *st, void *ctx,
                                      struct pb_error *err);
/* Reads a page of list, each row to row_fn; find (lowered, or NULL) keeps
 * only the rows whose text holds it. */
enum pb_status page_list_run(struct pb_db *db, enum pb_list list, const struct pb_page *page,
                             const char *find, page_row_fn row_fn, void *ctx, struct pb_error *err);

/* The theme on the current row of a PAGE_THEME_COLUMNS statement. */
void page_read_theme(sqlite3_stmt *st, struct pb_theme_row *row);

/* text lowered for ASCII letters, as the find queries compare it with
 * lower() of the columns; the caller frees it. */
char *page_find_text(const char *text);

#endif
