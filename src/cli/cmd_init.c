/* `panelboard init`: create the database and say where it is. */
#include "cli.h"

enum pb_status cmd_init(struct cli *cli, struct pb_error *err)
{
    if (cli->argc > 1)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[1]);
    enum pb_status s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    printf("%s ", pb_db_was_created(cli->db) ? "created" : "already there:");
    pb_visible_put(stdout, pb_db_path(cli->db), 0);
    putchar('\n');
    return PB_OK;
}
