/* `panelboard done IDS [NOTE]` and `panelboard status IDS STATUS [NOTE]`,
 * each with `--on DATE`: move actions along as one change, the NOTE
 * becoming an update on each by the --as member, dated today or the --on
 * day. */
#include "cli.h"

#include <panelboard/action.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* `done 8 9` closes two actions in other trackers: here it would store
 * "9" as a note, so a note that is only ids is refused, the list form
 * suggested. */
static enum pb_status check_note(struct cli *cli, char **words, int n, const char *ids,
                                 struct pb_error *err)
{
    for (int i = 0; i < n; i++)
        if (!cli_is_id_list(words[i]))
            return PB_OK;
    if (n == 0)
        return PB_OK;
    char *all = pb_xstrdup(ids);
    for (int i = 0; i < n; i++) {
        char *more = pb_xasprintf("%s,%s", all, words[i]);
        free(all);
        all = more;
    }
    enum pb_status s = cli_usage(cli, err,
                                 "'%s' is not a note; for several actions write one list: "
                                 "panelboard %s %s%s",
                                 words[0], cli->argv[0], all,
                                 strcmp(cli->argv[0], "status") == 0 ? " STATUS" : "");
    free(all);
    return s;
}

/* Each action is read first so that the message can say where it came
 * from, and its revision handed back: someone saving in between is a
 * conflict, not a silent overwrite. All of them are one change. */
static enum pb_status move_all(struct cli *cli, const char *list, const char *status,
                               const char *note, struct pb_error *err)
{
    int64_t *ids = NULL;
    size_t n = 0;
    enum pb_status s = cli_parse_id_list(list, &ids, &n, err);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    if (s == PB_OK && cli->as)
        s = cli_require_member(cli, cli->as, "--as", err);
    /* the history names the ids as the person wrote them, without a '#' */
    const char *shown = list[0] == '#' ? list + 1 : list;
    char *what = strcmp(status, "done") == 0 ? pb_xasprintf("done #%s", shown)
                                             : pb_xasprintf("status #%s %s", shown, status);
    if (s == PB_OK)
        s = pb_change_begin(cli->db, what, err);
    free(what);
    if (s != PB_OK) {
        free(ids);
        return s;
    }
    struct pb_buf said = {0};
    for (size_t i = 0; s == PB_OK && i < n; i++) {
        struct pb_action *a = NULL;
        s = pb_action_get(cli->db, ids[i], &a, err);
        if (s != PB_OK)
            break;
        bool same = strcmp(a->status, status) == 0;
        if (same && !note) {
            pb_buf_addf(&said, "action #%" PRId64 " is already %s\n", ids[i], status);
        } else {
            s = pb_action_set_status(cli->db, ids[i], status, note, a->revision, err);
            if (same)
                pb_buf_addf(&said, "action #%" PRId64 ": update added\n", ids[i]);
            else
                pb_buf_addf(&said, "action #%" PRId64 ": %s -> %s%s\n", ids[i], a->status,
                            status, note ? ", update added" : "");
        }
        pb_action_free(a);
    }
    s = pb_change_end(cli->db, s, err);
    if (s == PB_OK && said.data)
        fputs(said.data, stderr);
    pb_buf_free(&said);
    free(ids);
    return s;
}

static enum pb_status run_move(struct cli *cli, int fixed, const char *status,
                               struct pb_error *err)
{
    char **words = NULL;
    int n = 0;
    enum pb_status s = cli_take_words(cli, true, &words, &n, err);
    if (s == PB_OK && n < fixed)
        s = cli_usage(cli, err, "%s", fixed == 1 ? "name the actions: IDS" : "give IDS and STATUS");
    if (s == PB_OK)
        s = check_note(cli, words + fixed, n - fixed, words[0], err);
    if (s == PB_OK) {
        char *note = cli_join_words(words + fixed, n - fixed);
        s = move_all(cli, words[0], status ? status : words[1], note, err);
        free(note);
    }
    free(words);
    return s;
}

enum pb_status cmd_done(struct cli *cli, struct pb_error *err)
{
    return run_move(cli, 1, "done", err);
}

enum pb_status cmd_status(struct cli *cli, struct pb_error *err)
{
    return run_move(cli, 2, NULL, err);
}
