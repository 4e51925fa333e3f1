/*
 * The fuzz targets' databases: one temporary folder per process, removed at
 * exit; per input a byte copy of a template made once, empty or holding
 * the example panel (pb_example_panel, compiled in).
 */
#include "fuzz_db.h"

#include <panelboard/panelfile.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern const char pb_example_panel[];
extern const size_t pb_example_panel_len;

static char folder[64];
static char path[128], template_path[128], empty_path[128];

static void remove_all(void)
{
    const char *const files[] = {path, template_path, empty_path};
    char extra[160];
    for (int i = 0; i < 3; i++) {
        const char *base = files[i];
        unlink(base);
        snprintf(extra, sizeof extra, "%s-wal", base);
        unlink(extra);
        snprintf(extra, sizeof extra, "%s-shm", base);
        unlink(extra);
        snprintf(extra, sizeof extra, "%s-journal", base);
        unlink(extra);
    }
    rmdir(folder);
}

static void fresh(const char *file)
{
    char extra[160];
    unlink(file);
    snprintf(extra, sizeof extra, "%s-wal", file);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", file);
    unlink(extra);
}

static struct pb_db *open_at(const char *file)
{
    struct pb_db_options opt = {.path = file};
    struct pb_db *db = NULL;
    struct pb_error err = {0};
    if (pb_db_open(&opt, &db, &err) != PB_OK) {
        fprintf(stderr, "fuzz: cannot open %s: %s\n", file, err.message);
        abort();
    }
    pb_db_set_today(db, 19327); /* 2022-12-01 */
    return db;
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (!in || !out)
        abort();
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            abort();
    fclose(in);
    if (fclose(out) != 0)
        abort();
}

static void setup(void)
{
    if (folder[0])
        return;
    const char *tmp = getenv("TMPDIR");
    snprintf(folder, sizeof folder, "%s/pb-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(folder))
        abort();
    snprintf(path, sizeof path, "%s/panel.db", folder);
    snprintf(template_path, sizeof template_path, "%s/example.db", folder);
    snprintf(empty_path, sizeof empty_path, "%s/empty.db", folder);
    atexit(remove_all);
    /* made once and copied, since creating the schema is most of a run */
    pb_db_close(open_at(empty_path));
    struct pb_db *db = open_at(template_path);
    struct pb_import_summary summary;
    struct pb_error err = {0};
    if (pb_import_buffer(db, "example-panel.yaml", pb_example_panel, pb_example_panel_len,
                         &summary, NULL, NULL, &err) != PB_OK) {
        fprintf(stderr, "fuzz: cannot import the example: %s\n", err.message);
        abort();
    }
    /* the last connection's close checkpoints and removes the -wal, so
     * that a byte copy of the file is the whole database */
    pb_db_close(db);
}

struct pb_db *fuzz_db_open(bool example)
{
    setup();
    fresh(path);
    copy_file(example ? template_path : empty_path, path);
    return open_at(path);
}

void fuzz_db_close(struct pb_db *db)
{
    pb_db_close(db);
}
