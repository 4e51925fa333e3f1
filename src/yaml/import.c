/*
 * The panel-file importer (spec/yaml-format.md): panel files in, rows merged
 * into the database as one change; or, when anything is wrong, nothing
 * written and every problem reported with its file, line and column.
 *
 * doc.c loads each file and enforces the hostile-input limits; everything
 * here is about meaning, read from the field tables of record.h (kinds.c),
 * so that a new field needs no new code. All files are checked in three
 * passes before anything is written:
 *   1. gather the ids the files give, so that a reference may point forward
 *      or into another file, and an id given twice is caught;
 *   2. check each record and turn it into the pb_values pb_record_put takes;
 *   3. check the rules that join records (dates in order, strategies'
 *      parent chains, theme leads who have left), reading from the database
 *      what the files leave out.
 * Ids live in hashed sets and the database is asked once per distinct id
 * (or once per kind), so checking costs little next to parsing.
 *
 * This file runs an import from start to end. Pass 1 and the walk of pass 2
 * are in import_walk.c, the check of one record in import_record.c, pass 3
 * in import_joins.c and the writing in import_write.c; what they share is
 * declared in import.h.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

/* Passes 1 and 2 over the records held, then pass 3. */
static void check_all(struct import *im)
{
    for (size_t f = 0; f < im->n_files; f++)
        import_walk_file(im, f, false);
    for (size_t f = 0; f < im->n_files && !import_done_checking(im); f++)
        import_walk_file(im, f, true);
    /* Pass 2 stops early only when import_done_checking: every record has its values. */
    if (!import_done_checking(im))
        import_check_joins(im);
}

/* ---- reading the files: streamed kinds gathered (pass 1) or checked and
 * written (pass 2) as each record is read ---- */

struct reading {
    struct import *im;
    size_t file;
    bool checking;
};

static bool streamed_key(const char *key, void *ctx)
{
    (void)ctx;
    enum pb_kind kind = import_top_kind(key);
    return kind != PB_KIND_COUNT && import_is_streamed(kind);
}

static enum pb_status on_item(const char *key, const struct doc_node *item, void *ctx,
                              struct pb_error *err)
{
    struct reading *r = ctx;
    enum pb_kind kind = import_top_kind(key);
    if (!r->checking) {
        import_gather_streamed(r->im, kind, item, r->file);
        return PB_OK;
    }
    return import_check_streamed(r->im, kind, item, r->file, err);
}

/* Reads file f: the first time into im->docs[f], keeping its bytes when
 * it cannot be read again; the second time (checking) into a tree thrown
 * away, since what it holds was checked the first time. */
static enum pb_status read_file(struct import *im, size_t f, bool checking, struct pb_error *err)
{
    struct reading r = {im, f, checking};
    struct doc_stream stream = {streamed_key, on_item, &r, checking ? &im->docs[f] : NULL};
    struct doc again, *out = checking ? &again : &im->docs[f];
    memset(out, 0, sizeof *out);
    const unsigned char *data = im->kept[f];
    unsigned char *read = NULL;
    size_t len = im->kept_len[f];
    bool regular = true;
    enum pb_status s = PB_OK;
    if (!data) {
        s = doc_read_file(im->names[f], &read, &len, &regular, err);
        data = read;
    }
    if (s == PB_OK)
        s = doc_stream_buffer(im->names[f], data, len, &stream, out, err);
    if (read && !regular && !checking) {
        im->kept[f] = read;
        im->kept_len[f] = len;
    } else {
        free(read);
    }
    if (checking)
        doc_free(&again);
    return s;
}

/* Pass 2 of the streamed kinds, and their writing when all else is
 * written: each file read again. */
static enum pb_status check_streamed(struct import *im, struct pb_error *err)
{
    enum pb_status s = PB_OK;
    for (size_t f = 0; f < im->n_files && s == PB_OK && !import_done_checking(im); f++)
        if (im->docs[f].root)
            s = read_file(im, f, true, err);
    return s;
}

static struct import *import_new(struct pb_db *db, const char *const *names, size_t n_files)
{
    struct import *im = pb_xcalloc(1, sizeof *im);
    im->db = db;
    im->names = names;
    im->n_files = n_files;
    im->docs = pb_xcalloc(n_files ? n_files : 1, sizeof *im->docs);
    im->kept = pb_xcalloc(n_files ? n_files : 1, sizeof *im->kept);
    im->kept_len = pb_xcalloc(n_files ? n_files : 1, sizeof *im->kept_len);
    im->own_kept = true;
    im->values = &im->arena;
    strmap_seed(im->seed);
    for (int k = 0; k < PB_KIND_COUNT; k++) {
        im->kinds[k].ids.seed = im->seed;
        im->kinds[k].db.seed = im->seed;
    }
    return im;
}

static void import_free(struct import *im)
{
    for (size_t f = 0; f < im->n_files; f++)
        doc_free(&im->docs[f]);
    free(im->docs);
    for (size_t f = 0; f < im->n_files && im->own_kept; f++)
        free((void *)im->kept[f]);
    free(im->kept);
    free(im->kept_len);
    for (int k = 0; k < PB_KIND_COUNT; k++) {
        free(im->kinds[k].recs);
        free(im->kinds[k].ids.slots);
        free(im->kinds[k].db.slots);
        pb_strings_free(im->kinds[k].db_keys, im->kinds[k].n_db_keys);
    }
    pb_arena_free(&im->arena);
    pb_arena_free(&im->record);
    free(im);
}

/* Keeps a file's loading error; an unreadable file ends the import. */
static enum pb_status loaded(struct import *im, size_t file, enum pb_status s,
                             const struct pb_error *e, struct pb_error *err)
{
    if (s == PB_ERR_DATA)
        import_add_error(im, file, e);
    else if (s != PB_OK && err)
        *err = *e;
    return s == PB_ERR_DATA ? PB_OK : s;
}

/* Checks and writes the loaded files as one change ("import a.yaml, b.yaml"),
 * the rows it adds recorded in the history at once (pb_bulk_begin). A dry
 * run ends its change as failed, which rolls it back. */
static enum pb_status import_run(struct import *im, bool dry_run, struct pb_import_summary *summary,
                                 pb_import_error_fn on_error, void *ctx, struct pb_error *err)
{
    struct pb_import_summary ignored;
    if (!summary)
        summary = &ignored;
    memset(summary, 0, sizeof *summary);
    im->summary = summary;
    struct pb_buf what = {0};
    pb_buf_puts(&what, "import ");
    for (size_t f = 0; f < im->n_files; f++)
        pb_buf_addf(&what, "%s%s", f ? ", " : "", im->names[f]);
    enum pb_status s = pb_change_begin(im->db, what.data, err);
    pb_buf_free(&what);
    if (s == PB_OK)
        s = pb_bulk_begin(im->db, err);
    if (s != PB_OK)
        return pb_change_end(im->db, s, NULL);
    check_all(im);
    struct pb_error e = {0};
    if (im->failure == PB_OK && im->n_errors == 0) {
        s = import_write_all(im, summary, &e);
        if (s == PB_OK)
            s = pb_bulk_expect_actions(im->db, im->kinds[PB_KIND_ACTION].n, &e);
        im->writing = s == PB_OK;
    }
    if (s == PB_OK && im->failure == PB_OK)
        s = check_streamed(im, &e);
    if (im->failure != PB_OK) {
        s = im->failure;
        if (err)
            *err = im->failure_err;
    } else if (s == PB_OK && im->n_errors > 0) {
        s = import_report_errors(im, on_error, ctx, err);
    } else {
        if (s == PB_OK)
            s = pb_bulk_end(im->db, &e);
        if (s == PB_OK && !dry_run)
            s = pb_db_analyze(im->db, &e);
        if (s == PB_ERR_DATA && on_error)
            on_error(&e, ctx);
        if (s != PB_OK && err)
            *err = e;
    }
    if (s == PB_OK && dry_run) {
        pb_change_cancel(im->db);
        return PB_OK;
    }
    return pb_change_end(im->db, s, err);
}

enum pb_status pb_import_files(struct pb_db *db, const char *const *paths, size_t n_paths,
                               bool dry_run, struct pb_import_summary *summary,
                               pb_import_error_fn on_error, void *ctx, struct pb_error *err)
{
    struct import *im = import_new(db, paths, n_paths);
    enum pb_status s = PB_OK;
    for (size_t f = 0; f < n_paths && s == PB_OK; f++) {
        struct pb_error e = {0};
        s = loaded(im, f, read_file(im, f, false, &e), &e, err);
    }
    if (s == PB_OK)
        s = import_run(im, dry_run, summary, on_error, ctx, err);
    import_free(im);
    return s;
}

enum pb_status pb_import_buffer(struct pb_db *db, const char *name, const char *data, size_t len,
                                struct pb_import_summary *summary, pb_import_error_fn on_error,
                                void *ctx, struct pb_error *err)
{
    const char *const names[] = {name};
    struct import *im = import_new(db, names, 1);
    im->kept[0] = (const unsigned char *)data;
    im->kept_len[0] = len;
    im->own_kept = false;
    struct pb_error e = {0};
    enum pb_status s = loaded(im, 0, read_file(im, 0, false, &e), &e, err);
    if (s == PB_OK)
        s = import_run(im, false, summary, on_error, ctx, err);
    import_free(im);
    return s;
}
