/*
 * Listings of the panel's other rows (members, themes, meetings,
 * co-options, feedback): one row a line, as text for people or TSV for
 * scripts with the same rules as the actions' listings (output.h).
 */
#ifndef PANELBOARD_CLI_LISTING_H
#define PANELBOARD_CLI_LISTING_H

#include "output.h"

struct listing {
    struct output o; /* format, stream, rows written */
    const char *const *columns; /* the TSV header's lower-case names */
    size_t n_columns;
};

/* The arguments of a listing command: --format text|tsv, nothing else. */
enum pb_status listing_args(struct cli *cli, enum output_format *format, struct pb_error *err);

void listing_begin(struct listing *l, enum output_format format, const char *const *columns,
                   size_t n_columns);

/* One row of n_columns cells (NULL: empty). Text: the cells separated by
 * two spaces, an empty one as "-"; TSV: after the header when it is the
 * first. PB_ERR_IO once the output cannot be written. */
enum pb_status listing_row(struct listing *l, const char *const *cells, struct pb_error *err);

/* As output_end: an empty TSV listing still has its header; an empty text
 * listing says `empty` on standard error. */
void listing_end(struct listing *l, const char *empty);

#endif
