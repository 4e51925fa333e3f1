/* `panelboard import FILE... [--dry-run]`: load panel files, print the summary. */
#include "cli.h"
#include "demo.h"

#include <panelboard/panelfile.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void print_error(const struct pb_error *e, void *ctx)
{
    size_t *count = ctx;
    (*count)++;
    char line[PB_ERROR_FILE_MAX + PB_ERROR_MESSAGE_MAX + 64];
    pb_error_format(e, line, sizeof line);
    pb_visible_put(stderr, line, 0); /* file names and values may hold escapes */
    fputc('\n', stderr);
}

static void print_summary(const struct pb_import_summary *sum, bool dry_run)
{
    bool any = false;
    for (int k = 0; k < PB_KIND_COUNT; k++) {
        const struct pb_import_count *c = &sum->kinds[k];
        if (c->added + c->updated + c->unchanged == 0)
            continue;
        printf("%-12s %zu added, %zu updated, %zu unchanged\n", pb_kind_info(k)->key, c->added,
               c->updated, c->unchanged);
        any = true;
    }
    bool changed = false;
    for (int k = 0; k < PB_KIND_COUNT; k++)
        changed |= sum->kinds[k].added + sum->kinds[k].updated > 0;
    if (!any)
        puts("nothing to import");
    else if (!changed)
        puts("nothing changed: the database already holds all of it");
    if (dry_run)
        puts("dry run: nothing was written");
}

/* --as names who imports; before the first members exist (the first
 * import of a panel) there is no one to check it against. */
static enum pb_status check_as(struct cli *cli, struct pb_error *err)
{
    if (!cli->as)
        return PB_OK;
    pb_db_set_who(cli->db, cli->as);
    char **keys = NULL;
    size_t n = 0;
    enum pb_status s = pb_record_keys(cli->db, PB_KIND_MEMBER, &keys, &n, err);
    pb_strings_free(keys, n);
    if (s != PB_OK || n == 0)
        return s;
    return cli_require_member(cli, cli->as, "--as", err);
}

enum pb_status cmd_import(struct cli *cli, struct pb_error *err)
{
    bool dry_run = false;
    const char **paths = pb_xcalloc((size_t)cli->argc, sizeof *paths);
    size_t n = 0;
    bool after_dashes = false;
    for (int i = 1; i < cli->argc; i++) {
        const char *a = cli->argv[i];
        if (!after_dashes && strcmp(a, "--dry-run") == 0)
            dry_run = true;
        else if (!after_dashes && strcmp(a, "--") == 0)
            after_dashes = true;
        else if (!after_dashes && a[0] == '-' && a[1]) {
            free(paths);
            return cli_usage(cli, err, "unknown option '%s'", a);
        } else
            paths[n++] = a;
    }
    if (n == 0) {
        free(paths);
        return cli_usage(cli, err, "name at least one panel file");
    }
    struct stat st;
    enum pb_status s = dry_run && !cli->demo && stat(cli->db_path, &st) != 0
                           ? demo_open_empty(cli, err)
                           : cli_open_db(cli, err);
    if (s == PB_OK && !dry_run && !cli->demo && pb_db_was_created(cli->db))
        fprintf(stderr, "created %s\n", pb_db_path(cli->db));
    if (s == PB_OK)
        s = check_as(cli, err);
    struct pb_import_summary summary = {0};
    size_t errors = 0;
    if (s == PB_OK)
        s = pb_import_files(cli->db, paths, n, dry_run, &summary, print_error, &errors, err);
    free(paths);
    if (s == PB_OK)
        print_summary(&summary, dry_run);
    else if (s == PB_ERR_DATA && err->file[0])
        /* each problem is already printed; say what became of the import */
        pb_error_set(err, PB_ERR_DATA, "import refused%s: nothing was written",
                     errors >= PB_IMPORT_MAX_ERRORS ? " (stopped after 50 errors)" : "");
    else if (s == PB_ERR_IO || s == PB_ERR_BUSY) {
        /* the database's fault (a full disk, say), not the file's: no place
         * in the file, and what became of the import */
        char why[PB_ERROR_MESSAGE_MAX];
        snprintf(why, sizeof why, "%s", err->message);
        pb_error_set(err, s, "%s: import not done, nothing was written", why);
    }
    return s;
}
