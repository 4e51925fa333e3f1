/* `panelboard edit ID TEXT [--revision N]`: changes an action with the
 * quick-capture syntax; only what TEXT names changes. */
#include "cli.h"

#include <panelboard/action.h>
#include <panelboard/edit.h>

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>

/* --revision: the revision a script read with `show`; -1 when not given,
 * and then the one read here. */
static enum pb_status parse_args(struct cli *cli, int64_t *id, char **line, int64_t *revision,
                                 struct pb_error *err)
{
    static const struct option options[] = {
        {"revision", required_argument, NULL, 'r'},
        {NULL, 0, NULL, 0},
    };
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "", options, NULL)) != -1) {
        if (c != 'r')
            return cli_bad_option(cli, err);
        enum pb_status s = cli_parse_id(optarg, "--revision", revision, err);
        if (s != PB_OK)
            return cli_usage(cli, err, "--revision takes a positive number, not '%s'", optarg);
    }
    if (cli->argc - optind < 2)
        return cli_usage(cli, err,
                         "give the action and what changes: ID [TITLE WORDS] [@owner ...] "
                         "[#theme] [due:DATE|due:~] [ref:TEXT]");
    enum pb_status s = cli_parse_id(cli->argv[optind], "action", id, err);
    if (s == PB_OK)
        *line = cli_join_words(cli->argv + optind + 1, cli->argc - optind - 1);
    return s;
}

static struct pb_action_edit edit_of(const struct capture *c)
{
    return (struct pb_action_edit){
        .title = c->title,
        .set_owners = c->owners_all || c->n_owners > 0,
        .owners = (const char *const *)c->owners,
        .n_owners = c->n_owners,
        .owners_all = c->owners_all,
        .set_theme = c->theme != NULL,
        .theme = c->theme,
        .set_due = c->has_due || c->clears_due,
        .has_due = c->has_due,
        .due = c->due,
        .set_ref = c->ref != NULL,
        .ref = c->ref,
    };
}

/* Reads the action, then writes the edit against the revision read, so a
 * change made in between (the dashboard, another officer) is not lost. */
static enum pb_status edit_action(struct cli *cli, int64_t id, const struct capture *c,
                                  int64_t revision, struct pb_error *err)
{
    struct pb_action_edit e = edit_of(c);
    if (!e.title && !e.set_owners && !e.set_theme && !e.set_due && !e.set_ref)
        return cli_usage(cli, err,
                         "nothing to change: give title words, @owner, #theme, due:DATE, "
                         "due:~ or ref:TEXT");
    struct pb_action *a = NULL;
    enum pb_status s = pb_action_get(cli->db, id, &a, err);
    if (s != PB_OK)
        return s;
    s = pb_action_edit(cli->db, id, &e, revision >= 0 ? revision : a->revision, err);
    pb_action_free(a);
    return s;
}

enum pb_status cmd_edit(struct cli *cli, struct pb_error *err)
{
    int64_t id = 0, revision = -1;
    char *line = NULL;
    enum pb_status s = parse_args(cli, &id, &line, &revision, err);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    if (s == PB_OK && cli->as)
        s = cli_require_member(cli, cli->as, "--as", err);
    struct cli_known_ids k = {0};
    struct capture_ids ids;
    struct capture c = {0};
    if (s == PB_OK)
        s = cli_load_ids(cli->db, &k, &ids, err);
    if (s == PB_OK)
        s = capture_parse_edit(line, pb_db_work_day(cli->db), &ids, &c, err);
    if (s == PB_OK)
        s = edit_action(cli, id, &c, revision, err);
    if (s == PB_OK)
        fprintf(stderr, "action #%" PRId64 ": changed\n", id);
    capture_free(&c);
    cli_free_ids(&k);
    free(line);
    return s;
}
