/* `panelboard note ID TEXT [--on DATE]`: a dated update note on an action,
 * by the --as member. */
#include "cli.h"

#include <panelboard/action.h>

#include <inttypes.h>
#include <stdlib.h>

enum pb_status cmd_note(struct cli *cli, struct pb_error *err)
{
    char **words = NULL;
    int n = 0;
    enum pb_status s = cli_take_words(cli, true, &words, &n, err);
    if (s == PB_OK && n < 2)
        s = cli_usage(cli, err, "give the action and the note: ID TEXT");
    int64_t id = 0;
    if (s == PB_OK)
        s = cli_parse_id(words[0], "action", &id, err);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    if (s == PB_OK && cli->as)
        s = cli_require_member(cli, cli->as, "--as", err);
    char *text = s == PB_OK ? cli_join_words(words + 1, n - 1) : NULL;
    if (s == PB_OK)
        s = pb_action_add_update(cli->db, id, text, err);
    if (s == PB_OK)
        fprintf(stderr, "action #%" PRId64 ": update added\n", id);
    free(text);
    free(words);
    return s;
}
