/*
 * Panel files (yaml-format.md): import into the model, and export of the
 * whole panel as a panel file, a Markdown report or a CSV of the actions.
 */
#ifndef PANELBOARD_PANELFILE_H
#define PANELBOARD_PANELFILE_H

#include <panelboard/record.h>

#include <stdio.h>

/* At most this many errors are reported from one import run. */
#define PB_IMPORT_MAX_ERRORS 50

/* Counts for one kind of row: the import summary. */
struct pb_import_count {
    size_t added, updated, unchanged;
};

struct pb_import_summary {
    struct pb_import_count kinds[PB_KIND_COUNT];
};

/* Called once per error found, in file order (up to PB_IMPORT_MAX_ERRORS),
 * with err->file/line/column set. */
typedef void (*pb_import_error_fn)(const struct pb_error *err, void *ctx);

/*
 * Imports the files as one change: every row of every file lands, or
 * nothing does. With dry_run, does all the work and rolls back. On any
 * problem in the files, each is reported through on_error and the result is
 * PB_ERR_DATA, with err describing the first; an unreadable file is
 * PB_ERR_NO_INPUT.
 */
enum pb_status pb_import_files(struct pb_db *db, const char *const *paths, size_t n_paths,
                               bool dry_run, struct pb_import_summary *summary,
                               pb_import_error_fn on_error, void *ctx, struct pb_error *err);

/* The same for a file already in memory (the bundled example panel). */
enum pb_status pb_import_buffer(struct pb_db *db, const char *name, const char *data, size_t len,
                                struct pb_import_summary *summary, pb_import_error_fn on_error,
                                void *ctx, struct pb_error *err);

/* Writes the whole panel to out as a panel file, re-importable (the reports
 * are report.h's). I/O failures: PB_ERR_IO. */
enum pb_status pb_export(struct pb_db *db, FILE *out, struct pb_error *err);

#endif
