/* `panelboard minutes [MEETING]`: the Markdown for the minutes of one
 * meeting, the latest by date unless one is named (minutes.md). */
#include "cli.h"

#include <panelboard/minutes.h>

#include <string.h>

enum pb_status cmd_minutes(struct cli *cli, struct pb_error *err)
{
    int arg = 1;
    if (arg < cli->argc && strcmp(cli->argv[arg], "--") == 0)
        arg++;
    if (arg < cli->argc && cli->argv[arg][0] == '-' && cli->argv[arg][1] != '\0')
        return cli_usage(cli, err, "unknown option '%s'", cli->argv[arg]);
    const char *meeting = arg < cli->argc ? cli->argv[arg++] : NULL;
    if (arg < cli->argc)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[arg]);
    enum pb_status s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    struct pb_buf out = {0};
    s = pb_minutes_write(cli->db, meeting, &out, err);
    if (s == PB_OK)
        fputs(out.data, stdout);
    pb_buf_free(&out);
    return s;
}
