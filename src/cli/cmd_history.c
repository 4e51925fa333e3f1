/* `panelboard history [--limit N]`: the changes, newest first, with each
 * row's before and after image. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static enum pb_status print_entry(const struct pb_history_entry *e, void *ctx, struct pb_error *err)
{
    (void)ctx;
    (void)err;
    printf("#%lld  %s  %s  %s", (long long)e->id, e->at, e->who ? e->who : "-", e->what);
    if (e->on_day)
        printf("  (on %s)", e->on_day);
    if (e->undoes)
        printf("  (undoes #%lld)", (long long)e->undoes);
    putchar('\n');
    for (size_t i = 0; i < e->n_rows; i++) {
        const struct pb_history_row *r = &e->rows[i];
        const char *op = !r->before ? "added" : !r->after ? "removed" : "changed";
        if (r->key && *r->key)
            printf("    %s %s %s\n", op, r->table, r->key);
        else
            printf("    %s %s\n", op, r->table);
        if (r->before)
            printf("      before: %s\n", r->before);
        if (r->after)
            printf("      after:  %s\n", r->after);
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
        long long v = strtoll(optarg, &end, 10);
        if (!*optarg || *end || v < 0)
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
