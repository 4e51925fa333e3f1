/*
 * Quick capture: one line such as
 *     Inform portfolio-holders @thirkill #housing due:fri ref:"Resolved (1)"
 * read into what it says about a new action. Shared by `panelboard add` and
 * the dashboard's capture line; no terminal and no database here, so the
 * caller supplies the known ids and today's date.
 */
#ifndef PANELBOARD_CAPTURE_H
#define PANELBOARD_CAPTURE_H

#include <panelboard/base.h>
#include <panelboard/error.h>

#include <stdbool.h>
#include <stddef.h>

/* The ids that @ and # may name (either list may be empty). */
struct capture_ids {
    const char *const *members;
    size_t n_members;
    const char *const *themes;
    size_t n_themes;
};

/* What one line of quick capture says; every string is owned by it. */
struct capture {
    char *title;     /* the words that are not tokens, joined by single spaces */
    char **owners;   /* member ids in the order given, each once */
    size_t n_owners; /* 0 with owners_all, and when no @ was given */
    bool owners_all; /* @all: everyone */
    char *theme;     /* NULL when none */
    bool has_due;    /* whether due: was given */
    pb_day due;      /* only with has_due */
    bool clears_due; /* capture_parse_edit only: due:~ */
    char *ref;       /* NULL when none */
};

/* Read line (UTF-8). On failure nothing is left in out, and err says what
 * is wrong (status PB_ERR_DATA) with err->column at the 1-based character
 * where the offending token starts. Tokens:
 *     @MEMBER ... or @all, #THEME (once), due:DATE, ref:WORD, ref:"TEXT"
 *     or ref:'TEXT' (where an apostrophe inside a word is part of TEXT)
 * anywhere in the line; the other words are the title, which must not be
 * empty. An unknown id is reported with the nearest known one. */
enum pb_status capture_parse(const char *line, pb_day today, const struct capture_ids *ids,
                             struct capture *out, struct pb_error *err);
/* As capture_parse, for changing an action (`panelboard edit`): the title
 * may be left out (out->title NULL), and due:~ clears the due date. */
enum pb_status capture_parse_edit(const char *line, pb_day today, const struct capture_ids *ids,
                                  struct capture *out, struct pb_error *err);
void capture_free(struct capture *c);

/* A due: value alone: YYYY-MM-DD, +Nd, +Nw (at most 3650 days ahead), a
 * weekday name or its first three letters (the next such day after today),
 * today or tomorrow; case does not matter. err->column is left 0. */
enum pb_status capture_parse_due(const char *text, pb_day today, pb_day *out, struct pb_error *err);

#endif
