/* `panelboard minutes [MEETING] [--format md|html|text] [--exempt]`: the
 * minutes of one meeting, the latest by date unless one is named
 * (minutes.md). */
#include "cli.h"

#include <panelboard/minutes.h>

#include <getopt.h>
#include <string.h>

static enum pb_status parse_format(struct cli *cli, const char *name,
                                   enum pb_minutes_format *format, struct pb_error *err)
{
    static const char *const names[] = {"md", "html", "text"};
    size_t i = 0;
    enum pb_status s = cli_choose_format(cli, name, names, sizeof names / sizeof names[0], &i, err);
    *format = (enum pb_minutes_format)i;
    return s;
}

enum pb_status cmd_minutes(struct cli *cli, struct pb_error *err)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {"exempt", no_argument, NULL, 'x'},
        {NULL, 0, NULL, 0},
    };
    enum pb_minutes_format format = PB_MINUTES_MD;
    bool exempt = false;
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "f:", options, NULL)) != -1) {
        if (c == 'f') {
            enum pb_status s = parse_format(cli, optarg, &format, err);
            if (s != PB_OK)
                return s;
        } else if (c == 'x') {
            exempt = true;
        } else {
            return cli_bad_option(cli, err);
        }
    }
    int arg = optind;
    const char *meeting = arg < cli->argc ? cli->argv[arg++] : NULL;
    if (arg < cli->argc)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[arg]);
    enum pb_status s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    struct pb_buf out = {0};
    s = pb_minutes_write(cli->db, meeting, format, exempt, &out, err);
    if (s == PB_OK && out.data)
        pb_visible_put(stdout, out.data, PB_VISIBLE_LINES);
    pb_buf_free(&out);
    return s;
}
