/*
 * Listings of actions on standard output, shared by `actions` and `queue`:
 * readable text, one action a line, or TSV for scripts (cli.md: a header of
 * lower-case column names, ids rather than names, \t \n \\ escaped).
 */
#ifndef PANELBOARD_CLI_OUTPUT_H
#define PANELBOARD_CLI_OUTPUT_H

#include "cli.h"

#include <panelboard/action.h>

enum output_format { OUTPUT_TEXT, OUTPUT_TSV };

struct output {
    enum output_format format;
    FILE *out;
    size_t rows; /* actions written so far */
};

/* The value of --format: text or tsv; anything else is a usage error. */
enum pb_status output_parse_format(struct cli *cli, const char *name, enum output_format *format,
                                   struct pb_error *err);

/* Starts a listing on out. Nothing is written yet, so that a listing
 * refused (an unknown member, say) leaves standard output empty. */
void output_begin(struct output *o, enum output_format format, FILE *out);

/* Writes one action (a pb_action_fn, with a struct output as ctx), after
 * the TSV header when it is the first. */
enum pb_status output_action(const struct pb_action *action, void *ctx, struct pb_error *err);

/* Writes s for a person's terminal: each control character as a space, so
 * that a field stays on its line and cannot drive the terminal. */
void output_text(FILE *out, const char *s);

/* Writes s as a TSV field: \t \n \\ escaped, nothing else quoted. */
void output_tsv(FILE *out, const char *s);

/* Ends a listing that succeeded: an empty TSV listing still has its header,
 * and an empty text listing says so on standard error (what names it). */
void output_end(struct output *o, const char *what);

#endif
