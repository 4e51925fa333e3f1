/* `panelboard actions [FILTERS]` and `panelboard queue [MEMBER]`: listings
 * of actions, as text or TSV (output.c). */
#include "cli.h"
#include "output.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_THEME = 't', OPT_OWNER = 'o', OPT_STATUS = 's', OPT_OVERDUE = 'v', OPT_FORMAT = 'f' };

static enum pb_status parse_actions_args(struct cli *cli, struct pb_action_filter *filter,
                                         enum output_format *format, struct pb_error *err)
{
    static const struct option options[] = {
        {"theme", required_argument, NULL, OPT_THEME},
        {"owner", required_argument, NULL, OPT_OWNER},
        {"status", required_argument, NULL, OPT_STATUS},
        {"overdue", no_argument, NULL, OPT_OVERDUE},
        {"format", required_argument, NULL, OPT_FORMAT},
        {NULL, 0, NULL, 0},
    };
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "", options, NULL)) != -1) {
        enum pb_status s = PB_OK;
        if (c == OPT_THEME)
            filter->theme = optarg;
        else if (c == OPT_OWNER)
            filter->owner = optarg;
        else if (c == OPT_STATUS)
            filter->status = optarg;
        else if (c == OPT_OVERDUE)
            filter->overdue = true;
        else if (c == OPT_FORMAT)
            s = output_parse_format(cli, optarg, format, err);
        else
            s = cli_bad_option(cli, err);
        if (s != PB_OK)
            return s;
    }
    if (optind < cli->argc)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[optind]);
    return PB_OK;
}

/* Prints a listing: the actions filter selects, or member's queue when
 * member is set; `empty` is what to say when there are none. */
static enum pb_status print_listing(struct cli *cli, enum output_format format,
                                    const struct pb_action_filter *filter, const char *member,
                                    const char *empty, struct pb_error *err)
{
    enum pb_status s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    struct output o;
    output_begin(&o, format, stdout);
    s = member ? pb_action_queue(cli->db, member, output_action, &o, err)
               : pb_action_list(cli->db, filter, output_action, &o, err);
    if (s == PB_OK)
        output_end(&o, empty);
    return s;
}

enum pb_status cmd_actions(struct cli *cli, struct pb_error *err)
{
    struct pb_action_filter filter = {0};
    enum output_format format = OUTPUT_TEXT;
    enum pb_status s = parse_actions_args(cli, &filter, &format, err);
    if (s != PB_OK)
        return s;
    return print_listing(cli, format, &filter, NULL, "no actions", err);
}

/* MEMBER defaults to --as: "my queue". */
static enum pb_status parse_queue_args(struct cli *cli, const char **member,
                                       enum output_format *format, struct pb_error *err)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {NULL, 0, NULL, 0},
    };
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "", options, NULL)) != -1) {
        enum pb_status s = c == OPT_FORMAT ? output_parse_format(cli, optarg, format, err)
                                           : cli_bad_option(cli, err);
        if (s != PB_OK)
            return s;
    }
    if (cli->argc - optind > 1)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[optind + 1]);
    *member = optind < cli->argc ? cli->argv[optind] : cli->as;
    if (!*member)
        return cli_usage(cli, err, "whose queue? name a MEMBER, or say who you are with --as");
    return PB_OK;
}

enum pb_status cmd_queue(struct cli *cli, struct pb_error *err)
{
    const char *member = NULL;
    enum output_format format = OUTPUT_TEXT;
    enum pb_status s = parse_queue_args(cli, &member, &format, err);
    if (s != PB_OK || !member)
        return s;
    char *empty = pb_xasprintf("nothing in %s's queue", member);
    s = print_listing(cli, format, NULL, member, empty, err);
    free(empty);
    return s;
}
