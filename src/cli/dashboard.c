/*
 * No command: the dashboard, on the database the options name (or the
 * --demo copy), as the --as member, read-only where the file is.
 */
#include "cli.h"

#include <tui.h>

#include <unistd.h>

enum pb_status cli_dashboard(struct cli *cli, struct pb_error *err)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return pb_error_set(err, PB_ERR_USAGE,
                            "the dashboard needs a terminal; give a command to use "
                            "panelboard without one (see panelboard --help)");
    enum pb_status s = cli_open_db(cli, err);
    if (s == PB_OK && cli->as)
        s = cli_require_member(cli, cli->as, "--as", err);
    if (s != PB_OK)
        return s;
    struct tui_options opt = {.as = cli->as, .read_only = pb_db_read_only(cli->db)};
    return tui_run(cli->db, &opt, err);
}
