/* `panelboard check`: print every problem found; exit 0 when sound. */
#include "cli.h"

#include <stdlib.h>

enum pb_status cmd_check(struct cli *cli, struct pb_error *err)
{
    if (cli->argc > 1)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[1]);
    enum pb_status s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    struct pb_buf report = {0};
    s = pb_db_check(cli->db, &report, err);
    if (report.len)
        fputs(report.data, stdout);
    pb_buf_free(&report);
    if (s == PB_OK)
        printf("%s: sound\n", pb_db_path(cli->db));
    return s;
}
