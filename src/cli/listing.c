/* Listings of rows other than actions (listing.h). */
#include "listing.h"

#include <getopt.h>

enum pb_status listing_args(struct cli *cli, enum output_format *format, struct pb_error *err)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {NULL, 0, NULL, 0},
    };
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "", options, NULL)) != -1) {
        enum pb_status s = c == 'f' ? output_parse_format(cli, optarg, format, err)
                                    : cli_bad_option(cli, err);
        if (s != PB_OK)
            return s;
    }
    if (optind < cli->argc)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[optind]);
    return PB_OK;
}

void listing_begin(struct listing *l, enum output_format format, const char *const *columns,
                   size_t n_columns)
{
    output_begin(&l->o, format, stdout);
    l->columns = columns;
    l->n_columns = n_columns;
}

static void put_header(struct listing *l)
{
    if (l->o.format != OUTPUT_TSV)
        return;
    for (size_t i = 0; i < l->n_columns; i++)
        fprintf(l->o.out, "%s%s", i ? "\t" : "", l->columns[i]);
    putc('\n', l->o.out);
}

enum pb_status listing_row(struct listing *l, const char *const *cells, struct pb_error *err)
{
    if (l->o.rows++ == 0)
        put_header(l);
    bool tsv = l->o.format == OUTPUT_TSV;
    for (size_t i = 0; i < l->n_columns; i++) {
        const char *cell = cells[i] && *cells[i] ? cells[i] : tsv ? "" : "-";
        fputs(i == 0 ? "" : tsv ? "\t" : "  ", l->o.out);
        if (tsv)
            output_tsv(l->o.out, cell);
        else
            output_text(l->o.out, cell);
    }
    putc('\n', l->o.out);
    if (ferror(l->o.out))
        return pb_error_set(err, PB_ERR_IO, "cannot write the output");
    return PB_OK;
}

void listing_end(struct listing *l, const char *empty)
{
    if (l->o.rows > 0)
        return;
    put_header(l);
    if (l->o.format == OUTPUT_TEXT)
        fprintf(stderr, "%s\n", empty);
}
