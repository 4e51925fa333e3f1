/* `panelboard undo [CHANGE]` and `panelboard redo`: reverse the latest
 * change made --as this member (or change CHANGE), or the latest undo. */
#include "cli.h"

#include <panelboard/edit.h>

#include <inttypes.h>
#include <stdlib.h>

static enum pb_status reverse(struct cli *cli, bool redo, struct pb_error *err)
{
    char **words = NULL;
    int n = 0;
    enum pb_status s = cli_take_words(cli, false, &words, &n, err);
    int64_t change = 0, reversal = 0;
    if (s == PB_OK && n > (redo ? 0 : 1))
        s = cli_usage(cli, err, "unexpected argument '%s'", words[redo ? 0 : 1]);
    if (s == PB_OK && n == 1)
        s = cli_parse_id(words[0], "change", &change, err);
    free(words);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    if (change)
        s = pb_change_undo(cli->db, change, &reversal, err);
    else if (redo)
        s = pb_redo_mine(cli->db, &change, &reversal, err);
    else
        s = pb_undo_mine(cli->db, &change, &reversal, err);
    if (s == PB_OK)
        fprintf(stderr, "%s #%" PRId64 " (as change #%" PRId64 ")\n", redo ? "redid" : "undid",
                change, reversal);
    return s;
}

enum pb_status cmd_undo(struct cli *cli, struct pb_error *err)
{
    return reverse(cli, false, err);
}

enum pb_status cmd_redo(struct cli *cli, struct pb_error *err)
{
    return reverse(cli, true, err);
}
