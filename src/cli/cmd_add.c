/* `panelboard add TEXT [--meeting ID] [--on DATE]`: quick capture of an
 * action (the syntax of cli.md, shared with the dashboard); prints the new
 * id. */
#include "cli.h"

#include <panelboard/action.h>
#include <panelboard/agenda.h>
#include <panelboard/capture.h>
#include <panelboard/record.h>

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* An action captured on the day of a meeting was agreed at it: the
 * dashboard's capture line is used during the meeting itself, and --on
 * names the meeting's day when it is typed up later. The meeting is the
 * one the dashboard takes for that day too (agenda.h). */
static enum pb_status meeting_held_that_day(struct pb_db *db, char **id, struct pb_error *err)
{
    struct pb_meeting_brief m = {0};
    bool found = false;
    enum pb_status s = pb_meeting_for_day(db, pb_db_work_day(db), NULL, false, &found, &m, err);
    *id = s == PB_OK && found ? pb_xstrdup(m.id) : NULL;
    return s;
}

static enum pb_status parse_args(struct cli *cli, const char **meeting, char **line,
                                 struct pb_error *err)
{
    static const struct option options[] = {
        {"meeting", required_argument, NULL, 'm'},
        {"on", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0},
    };
    /* Options may come after TEXT; `--` ends them, for a title with a dash. */
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "", options, NULL)) != -1) {
        enum pb_status s = PB_OK;
        if (c == 'm')
            *meeting = optarg;
        else if (c == 'o')
            s = cli_parse_on(cli, optarg, err);
        else
            s = cli_bad_option(cli, err);
        if (s != PB_OK)
            return s;
    }
    if (optind >= cli->argc)
        return cli_usage(cli, err,
                         "give the action: TEXT [@owner ...] [#theme] [due:DATE] "
                         "[ref:TEXT]");
    *line = cli_join_words(cli->argv + optind, cli->argc - optind);
    return PB_OK;
}

/* With no @owner the action is the --as member's: who captures it owns it
 * unless they say otherwise. */
static enum pb_status add_captured(struct cli *cli, const struct capture *c, const char *meeting,
                                   int64_t *id, struct pb_error *err)
{
    const char *as[] = {cli->as};
    struct pb_action_new a = {
        .title = c->title,
        .owners = (const char *const *)c->owners,
        .n_owners = c->n_owners,
        .owners_all = c->owners_all,
        .theme = c->theme,
        .has_due = c->has_due,
        .due = c->due,
        .meeting = meeting,
        .ref = c->ref,
    };
    if (!c->owners_all && c->n_owners == 0) {
        if (!cli->as)
            return pb_error_set(err, PB_ERR_DATA, "name an owner with @id or @all");
        a.owners = as;
        a.n_owners = 1;
    }
    return pb_action_add(cli->db, &a, id, err);
}

enum pb_status cmd_add(struct cli *cli, struct pb_error *err)
{
    const char *meeting = NULL;
    char *line = NULL, *day_meeting = NULL;
    enum pb_status s = parse_args(cli, &meeting, &line, err);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    if (s == PB_OK && cli->as)
        s = cli_require_member(cli, cli->as, "--as", err);
    struct cli_known_ids k = {0};
    struct capture_ids ids;
    struct capture c = {0};
    if (s == PB_OK)
        s = cli_load_ids(cli->db, &k, &ids, err);
    /* due:+2w counts from the day the work counts for, as the meeting said it. */
    if (s == PB_OK)
        s = capture_parse(line, pb_db_work_day(cli->db), &ids, &c, err);
    if (s == PB_OK && !meeting) {
        s = meeting_held_that_day(cli->db, &day_meeting, err);
        meeting = day_meeting;
    }
    int64_t id = 0;
    if (s == PB_OK) {
        /* The id is written out before the change commits, so that a script
         * that cannot read it (stdout on a full disk, a closed pipe) is not
         * left to add the action again: then nothing is added. */
        char *what = pb_xasprintf("add action: %s", c.title);
        s = pb_change_begin(cli->db, what, err);
        free(what);
        if (s == PB_OK) {
            s = add_captured(cli, &c, meeting, &id, err);
            if (s == PB_OK && (printf("%" PRId64 "\n", id) < 0 || fflush(stdout) != 0))
                s = pb_error_set(err, PB_ERR_IO,
                                 "cannot write the new action's id: %s; nothing was added",
                                 strerror(errno));
            s = pb_change_end(cli->db, s, err);
        }
    }
    capture_free(&c);
    cli_free_ids(&k);
    free(day_meeting);
    free(line);
    return s;
}
