/* `panelboard done ID [NOTE]` and `panelboard status ID STATUS [NOTE]`,
 * each with `--on DATE`: move an action along, the NOTE becoming an update
 * by the --as member, dated today or the --on day. */
#include "cli.h"

#include <panelboard/action.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* The words of the command line, *n of them in *words (the caller frees
 * the array), without `--on DATE`, which may stand anywhere among them, as
 * may `--` to end the options. These commands take no short options, so a
 * word with one dash is a NOTE's ("-2 weeks: slipped"); any other `--NAME`
 * is refused. */
static enum pb_status take_args(struct cli *cli, int min, char ***words, int *n,
                                struct pb_error *err)
{
    *words = pb_xcalloc((size_t)cli->argc, sizeof **words);
    *n = 0;
    bool options = true;
    enum pb_status s = PB_OK;
    for (int i = 1; s == PB_OK && i < cli->argc; i++) {
        const char *a = cli->argv[i];
        if (!options || strncmp(a, "--", 2) != 0)
            (*words)[(*n)++] = cli->argv[i];
        else if (strcmp(a, "--") == 0)
            options = false;
        else if (strncmp(a, "--on=", 5) == 0)
            s = cli_parse_on(cli, a + 5, err);
        else if (strcmp(a, "--on") == 0 && i + 1 < cli->argc)
            s = cli_parse_on(cli, cli->argv[++i], err);
        else
            s = cli_usage(cli, err, "unknown option or missing value '%s'", a);
    }
    if (s == PB_OK && *n < min)
        s = cli_usage(cli, err, "%s", min == 1 ? "name the action: ID" : "give ID and STATUS");
    return s;
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
    char **words = NULL;
    int n = 0;
    enum pb_status s = take_args(cli, 1, &words, &n, err);
    if (s == PB_OK) {
        char *note = join_note(words + 1, n - 1);
        s = move(cli, words[0], "done", note, err);
        free(note);
    }
    free(words);
    return s;
}

enum pb_status cmd_status(struct cli *cli, struct pb_error *err)
{
    char **words = NULL;
    int n = 0;
    enum pb_status s = take_args(cli, 2, &words, &n, err);
    if (s == PB_OK) {
        char *note = join_note(words + 2, n - 2);
        s = move(cli, words[0], words[1], note, err);
        free(note);
    }
    free(words);
    return s;
}
