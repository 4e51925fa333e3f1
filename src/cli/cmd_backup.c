/* `panelboard backup FILE`: a checked copy of the database, safe to run
 * from cron while the panel is in use. */
#include "cli.h"

enum pb_status cmd_backup(struct cli *cli, struct pb_error *err)
{
    if (cli->argc < 2)
        return cli_usage(cli, err, "backup needs a FILE to write");
    if (cli->argc > 2)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[2]);
    struct pb_db_options opt = {.path = cli->db_path, .must_exist = true};
    enum pb_status s = cli->demo ? cli_open_db(cli, err) : pb_db_open(&opt, &cli->db, err);
    if (s == PB_OK)
        s = pb_db_backup(cli->db, cli->argv[1], err);
    if (s == PB_OK)
        fprintf(stderr, "backed up %s to %s (checked: sound)\n", pb_db_path(cli->db),
                cli->argv[1]);
    return s;
}
