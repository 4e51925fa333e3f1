/* `panelboard history [--limit N]`: the changes, newest first, with each
 * row's before and after image. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Everything stored is shown through the sanitizer: an --as, a file name
 * or a row written by another program may hold escape sequences. */
static void put(const char *s)
{
    pb_visible_put(stdout, s, 0);
}

static enum pb_status print_entry(const struct pb_history_entry *e, void *ctx, struct pb_error *err)
{
    (void)ctx;
    (void)err;
    printf("#%lld  ", (long long)e->id);
    put(e->at);
    fputs("  ", stdout);
    put(e->who ? e->who : "-");
    /* --as is taken on trust; the login is who really typed it */
    fputs(" (login ", stdout);
    put(e->login ? e->login : "not recorded");
    fputs(")  ", stdout);
    put(e->what);
    if (e->undoes)
        printf("  (undoes #%lld)", (long long)e->undoes);
    putchar('\n');
    for (size_t i = 0; i < e->n_rows; i++) {
        const struct pb_history_row *r = &e->rows[i];
        const char *op = !r->before ? "added" : !r->after ? "removed" : "changed";
        printf("    %s ", op);
        put(r->table);
        if (r->key && *r->key) {
            putchar(' ');
            put(r->key);
        }
        putchar('\n');
        if (r->before) {
            fputs("      before: ", stdout);
            put(r->before);
            putchar('\n');
        }
        if (r->after) {
            fputs("      after:  ", stdout);
            put(r->after);
            putchar('\n');
        }
    }
    return PB_OK;
}

enum pb_status cmd_history(struct cli *cli, struct pb_error *err)
{
    static const struct option options[] = {
        {"limit", required_argument, NULL, 'n'},
        {NULL, 0, NULL, 0},
    };
    int64_t limit = 20;
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "+n:", options, NULL)) != -1) {
        if (c != 'n')
            return cli_bad_option(cli, err);
        char *end = NULL;
        errno = 0;
        long long v = strtoll(optarg, &end, 10);
        if (!*optarg || *end || v < 0 || errno == ERANGE)
            return cli_usage(cli, err, "--limit takes a number, not '%s'", optarg);
        limit = v;
    }
    if (optind < cli->argc)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[optind]);
    enum pb_status s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    return pb_history_each(cli->db, limit, print_entry, NULL, err);
}
