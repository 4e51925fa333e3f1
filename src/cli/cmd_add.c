/* `panelboard add TEXT [--meeting ID]`: quick capture of an action (the
 * syntax of cli.md, shared with the dashboard); prints the new id. */
#include "cli.h"

#include <panelboard/action.h>
#include <panelboard/capture.h>
#include <panelboard/record.h>

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* The ids quick capture may name, read from the database. */
struct known_ids {
    char **members, **themes;
    size_t n_members, n_themes;
};

static enum pb_status load_ids(struct pb_db *db, struct known_ids *k, struct capture_ids *ids,
                               struct pb_error *err)
{
    enum pb_status s = pb_record_keys(db, PB_KIND_MEMBER, &k->members, &k->n_members, err);
    if (s == PB_OK)
        s = pb_record_keys(db, PB_KIND_THEME, &k->themes, &k->n_themes, err);
    *ids = (struct capture_ids){
        .members = (const char *const *)k->members,
        .n_members = k->n_members,
        .themes = (const char *const *)k->themes,
        .n_themes = k->n_themes,
    };
    return s;
}

static void free_ids(struct known_ids *k)
{
    pb_strings_free(k->members, k->n_members);
    pb_strings_free(k->themes, k->n_themes);
}

struct todays_meeting {
    const char *today;
    char *id;
};

static enum pb_status match_meeting(const struct pb_value *values, void *ctx, struct pb_error *err)
{
    (void)err;
    struct todays_meeting *m = ctx;
    if (!m->id && values[1].state == PB_VALUE_TEXT && strcmp(values[1].text, m->today) == 0)
        m->id = pb_xstrdup(values[0].text);
    return PB_OK;
}

/* An action captured on the day of a meeting was agreed at it: the
 * dashboard's capture line is used during the meeting itself. */
static enum pb_status meeting_held_today(struct pb_db *db, char **id, struct pb_error *err)
{
    char today[11];
    pb_date_format(pb_db_today(db), today);
    struct todays_meeting m = {.today = today};
    enum pb_status s = pb_record_each(db, PB_KIND_MEETING, NULL, 0, match_meeting, &m, err);
    *id = m.id;
    return s;
}

/* The words of TEXT, which may come as one argument or several. */
static char *join_words(char **words, int n)
{
    struct pb_buf b = {0};
    for (int i = 0; i < n; i++) {
        if (i)
            pb_buf_puts(&b, " ");
        pb_buf_puts(&b, words[i]);
    }
    return pb_buf_take(&b);
}

static enum pb_status parse_args(struct cli *cli, const char **meeting, char **line,
                                 struct pb_error *err)
{
    static const struct option options[] = {
        {"meeting", required_argument, NULL, 'm'},
        {NULL, 0, NULL, 0},
    };
    /* Options may come after TEXT; `--` ends them, for a title with a dash. */
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "", options, NULL)) != -1) {
        if (c != 'm')
            return cli_bad_option(cli, err);
        *meeting = optarg;
    }
    if (optind >= cli->argc)
        return cli_usage(cli, err,
                         "give the action: TEXT [@owner ...] [#theme] [due:DATE] "
                         "[ref:TEXT]");
    *line = join_words(cli->argv + optind, cli->argc - optind);
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
    char *line = NULL, *today_meeting = NULL;
    enum pb_status s = parse_args(cli, &meeting, &line, err);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    if (s == PB_OK && cli->as)
        s = cli_require_member(cli, cli->as, "--as", err);
    struct known_ids k = {0};
    struct capture_ids ids;
    struct capture c = {0};
    if (s == PB_OK)
        s = load_ids(cli->db, &k, &ids, err);
    if (s == PB_OK)
        s = capture_parse(line, pb_db_today(cli->db), &ids, &c, err);
    if (s == PB_OK && !meeting) {
        s = meeting_held_today(cli->db, &today_meeting, err);
        meeting = today_meeting;
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
    free_ids(&k);
    free(today_meeting);
    free(line);
    return s;
}
