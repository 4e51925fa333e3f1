/* `panelboard action-log [--before MEETING] [--format md|html|text|csv|tsv]
 * [--bom]`: the outstanding actions as a committee receives them, for the
 * agenda pack (action_log.h). */
#include "cli.h"

#include <panelboard/action_log_report.h>

#include <getopt.h>
#include <string.h>

static enum pb_status parse_format(struct cli *cli, const char *name,
                                   enum pb_action_log_format *format, struct pb_error *err)
{
    static const char *const names[] = {"md", "html", "text", "csv", "tsv"};
    size_t i = 0;
    enum pb_status s = cli_choose_format(cli, name, names, sizeof names / sizeof names[0], &i, err);
    *format = (enum pb_action_log_format)i;
    return s;
}

enum pb_status cmd_action_log(struct cli *cli, struct pb_error *err)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {"before", required_argument, NULL, 'b'},
        {"bom", no_argument, NULL, 'B'},
        {NULL, 0, NULL, 0},
    };
    enum pb_action_log_format format = PB_ACTION_LOG_MD;
    const char *before = NULL;
    bool bom = false;
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "f:", options, NULL)) != -1) {
        if (c == 'f') {
            enum pb_status s = parse_format(cli, optarg, &format, err);
            if (s != PB_OK)
                return s;
        } else if (c == 'b') {
            before = optarg;
        } else if (c == 'B') {
            bom = true;
        } else {
            return cli_bad_option(cli, err);
        }
    }
    if (optind < cli->argc)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[optind]);
    if (bom && format != PB_ACTION_LOG_CSV)
        return cli_usage(cli, err, "--bom is for --format csv only");
    enum pb_status s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    struct pb_buf out = {0};
    s = pb_action_log_write(cli->db, before, format, bom, &out, err);
    if (s == PB_OK && out.data)
        s = pb_buf_write(&out, stdout, err);
    pb_buf_free(&out);
    return s;
}
