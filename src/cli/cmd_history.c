/* `panelboard history [--limit N] [--full]`: the changes, newest first,
 * one line each with the rows they changed in brief; --full adds each
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

/* A change's line: id, when, who (and the login behind the --as, which is
 * taken on trust), what, the day it counts for. */
static void print_line(const struct pb_history_entry *e)
{
    printf("#%lld  ", (long long)e->id);
    put(e->at);
    fputs("  ", stdout);
    put(e->who ? e->who : "-");
    fputs(" (login ", stdout);
    put(e->login ? e->login : "not recorded");
    fputs(")  ", stdout);
    put(e->what);
    /* the day it counts for, when that is not the day it was typed */
    if (e->on_day && strncmp(e->on_day, e->at, 10) != 0) {
        fputs("  (on ", stdout);
        put(e->on_day);
        putchar(')');
    }
    if (e->undoes)
        printf("  (undoes #%lld)", (long long)e->undoes);
}

/* Rows named on a change's line; an import's thousands are counted. */
#define BRIEF_ROWS 5

static void print_brief(const struct pb_history_entry *e)
{
    print_line(e);
    for (size_t i = 0; i < e->n_rows && i < BRIEF_ROWS; i++) {
        const struct pb_history_row *r = &e->rows[i];
        char op = !r->before ? '+' : !r->after ? '-' : '~';
        printf("%s%c", i ? ", " : "  : ", op);
        put(r->table);
        if (r->key && *r->key) {
            putchar(' ');
            put(r->key);
        }
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
    print_line(e);
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
    return pb_history_each(cli->db, limit, print_entry, &full, err);
}
