/* `panelboard history [--limit N] [--full]`: the changes, newest first,
 * one line each with the rows they changed in brief; --full adds each
 * row's before and after image. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Rows named on a change's line; an import's thousands are counted. */
#define BRIEF_ROWS 5

static void print_brief(const struct pb_history_entry *e)
{
    printf("#%lld  %s  %s  %s", (long long)e->id, e->at, e->who ? e->who : "-", e->what);
    if (e->on_day)
        printf("  (on %s)", e->on_day);
    if (e->undoes)
        printf("  (undoes #%lld)", (long long)e->undoes);
    for (size_t i = 0; i < e->n_rows && i < BRIEF_ROWS; i++) {
        const struct pb_history_row *r = &e->rows[i];
        char op = !r->before ? '+' : !r->after ? '-' : '~';
        printf("%s%c%s%s%s", i ? ", " : "  : ", op, r->table, r->key && *r->key ? " " : "",
               r->key ? r->key : "");
    }
    if (e->n_rows > BRIEF_ROWS)
        printf(" and %zu more rows", e->n_rows - BRIEF_ROWS);
    putchar('\n');
}

static enum pb_status print_entry(const struct pb_history_entry *e, void *ctx, struct pb_error *err)
{
    (void)err;
    if (!*(bool *)ctx) {
        print_brief(e);
        return PB_OK;
    }
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
        {"full", no_argument, NULL, 'F'},
        {NULL, 0, NULL, 0},
    };
    int64_t limit = 20;
    bool full = false;
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "n:", options, NULL)) != -1) {
        if (c == 'F') {
            full = true;
            continue;
        }
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
    return pb_history_each(cli->db, limit, print_entry, &full, err);
}
