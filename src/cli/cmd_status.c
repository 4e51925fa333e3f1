/* `panelboard done ID [NOTE]` and `panelboard status ID STATUS [NOTE]`:
 * move an action along, the NOTE becoming an update dated today by the
 * --as member. */
#include "cli.h"

#include <panelboard/action.h>

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* Only `--` is an option here: it lets a NOTE start with a dash. */
static enum pb_status take_args(struct cli *cli, int min, int *first, struct pb_error *err)
{
    static const struct option none[] = {{NULL, 0, NULL, 0}};
    optind = 0;
    opterr = 0;
    if (getopt_long(cli->argc, cli->argv, "+", none, NULL) != -1)
        return cli_usage(cli, err, "unknown option '%s'", cli->argv[optind - 1]);
    if (cli->argc - optind < min)
        return cli_usage(cli, err, "%s", min == 1 ? "name the action: ID" : "give ID and STATUS");
    *first = optind;
    return PB_OK;
}

/* The NOTE's words, which may come as one argument or several; NULL when
 * there are none. */
static char *join_note(char **words, int n)
{
    struct pb_buf b = {0};
    for (int i = 0; i < n; i++) {
        if (i)
            pb_buf_puts(&b, " ");
        pb_buf_puts(&b, words[i]);
    }
    return n > 0 ? pb_buf_take(&b) : NULL;
}

/* Reads the action first so that the message can say where it came from,
 * and hands its revision back: someone saving in between is a conflict,
 * not a silent overwrite. */
static enum pb_status move(struct cli *cli, const char *id_text, const char *status,
                           const char *note, struct pb_error *err)
{
    int64_t id = 0;
    enum pb_status s = cli_parse_id(id_text, "action", &id, err);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    if (s == PB_OK && cli->as)
        s = cli_require_member(cli, cli->as, "--as", err);
    struct pb_action *a = NULL;
    if (s == PB_OK)
        s = pb_action_get(cli->db, id, &a, err);
    if (s != PB_OK)
        return s;
    bool same = strcmp(a->status, status) == 0;
    if (same && !note) {
        fprintf(stderr, "action #%" PRId64 " is already %s\n", id, status);
    } else {
        s = pb_action_set_status(cli->db, id, status, note, a->revision, err);
        if (s == PB_OK && same)
            fprintf(stderr, "action #%" PRId64 ": update added\n", id);
        else if (s == PB_OK)
            fprintf(stderr, "action #%" PRId64 ": %s -> %s%s\n", id, a->status, status,
                    note ? ", update added" : "");
    }
    pb_action_free(a);
    return s;
}

enum pb_status cmd_done(struct cli *cli, struct pb_error *err)
{
    int first = 0;
    enum pb_status s = take_args(cli, 1, &first, err);
    if (s != PB_OK)
        return s;
    char *note = join_note(cli->argv + first + 1, cli->argc - first - 1);
    s = move(cli, cli->argv[first], "done", note, err);
    free(note);
    return s;
}

enum pb_status cmd_status(struct cli *cli, struct pb_error *err)
{
    int first = 0;
    enum pb_status s = take_args(cli, 2, &first, err);
    if (s != PB_OK)
        return s;
    char *note = join_note(cli->argv + first + 2, cli->argc - first - 2);
    s = move(cli, cli->argv[first], cli->argv[first + 1], note, err);
    free(note);
    return s;
}
