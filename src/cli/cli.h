/*
 * The command line: what every command gets (the parsed global options and
 * the database, opened on demand) and the one table of commands that drives
 * both dispatch and --help.
 */
#ifndef PANELBOARD_CLI_H
#define PANELBOARD_CLI_H

#include <panelboard/capture.h>
#include <panelboard/model.h>

#include <stdio.h>

struct cli {
    const char *db_path; /* --db, $PANELBOARD_DB, or the XDG default */
    const char *as;      /* --as, $PANELBOARD_AS, or NULL */
    bool shared;         /* --shared */
    bool demo;           /* --demo: a temporary database with the example panel */
    char *demo_dir;      /* the --demo database's folder, removed at exit */
    char *default_path;  /* owns the XDG default path */
    struct pb_db *db;    /* opened by cli_open_db */
    bool may_create;     /* the command may create the database (init, import) */
    bool has_on;         /* a command's --on DATE, set by cli_parse_on */
    pb_day on;
    int argc;            /* the command's arguments; argv[0] is the command's name */
    char **argv;
};

struct cli_command {
    const char *name;
    enum pb_status (*run)(struct cli *cli, struct pb_error *err);
    const char *synopsis; /* "import FILE... [--dry-run]" */
    const char *summary;  /* one line for panelboard --help */
    const char *help;     /* the rest of panelboard COMMAND --help */
    bool creates_db;      /* may create the database; every other command needs it there */
};

/* The table, ended by an entry whose name is NULL. */
extern const struct cli_command cli_commands[];

/* Opens the database the options name, once: creating it only for a
 * command that may (a mistyped --db must not leave an empty panel behind),
 * else PB_ERR_NO_INPUT naming the path. */
enum pb_status cli_open_db(struct cli *cli, struct pb_error *err);

/* PB_OK when member `id` exists; else PB_ERR_DATA naming the nearest id
 * ("WHAT: no member 'thirkil'; did you mean 'thirkill'?"). */
enum pb_status cli_require_member(struct cli *cli, const char *id, const char *what,
                                  struct pb_error *err);

/* Parses a positive integer id ("7" or "#7"); PB_ERR_DATA otherwise. */
enum pb_status cli_parse_id(const char *text, const char *what, int64_t *out, struct pb_error *err);

/* The value of a command's `--on DATE`: the day the work counts for, which
 * cli_open_db hands to the model. Not a date: PB_ERR_USAGE; a day after
 * today, when nothing can have been done yet: PB_ERR_DATA. */
enum pb_status cli_parse_on(struct cli *cli, const char *text, struct pb_error *err);

/* The command's words (words.c), without `--on DATE` (when takes_on) and
 * `--`, which may stand anywhere; any other --OPTION is a usage error. The
 * caller frees *words. */
enum pb_status cli_take_words(struct cli *cli, bool takes_on, char ***words, int *n,
                              struct pb_error *err);
/* words[0..n) joined by spaces, or NULL when n is 0. */
char *cli_join_words(char **words, int n);

/* The index of name among a --format option's names (words.c); a name that
 * is not one of them: the usage error "no format 'x' (md, html or text)". */
enum pb_status cli_choose_format(struct cli *cli, const char *name, const char *const *names,
                                 size_t n, size_t *index, struct pb_error *err);
/* True when text is only action ids: 8, #8, 8,9, 12-14. */
bool cli_is_id_list(const char *text);
/* The ids of such a list, in order, each once; PB_ERR_DATA otherwise. */
enum pb_status cli_parse_id_list(const char *text, int64_t **ids, size_t *n,
                                 struct pb_error *err);

/* Usage error for the command: "COMMAND: MESSAGE (see panelboard COMMAND --help)". */
enum pb_status cli_usage(struct cli *cli, struct pb_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Usage error for the option getopt_long just refused (unknown, or its
 * value missing). */
enum pb_status cli_bad_option(struct cli *cli, struct pb_error *err);

/* The member and theme ids quick capture may name (capture_ids.c): k owns
 * them, ids points into k. Free with cli_free_ids. */
struct cli_known_ids {
    char **members, **themes;
    size_t n_members, n_themes;
};
enum pb_status cli_load_ids(struct pb_db *db, struct cli_known_ids *k, struct capture_ids *ids,
                            struct pb_error *err);
void cli_free_ids(struct cli_known_ids *k);

/* No command: the dashboard (dashboard.c). */
enum pb_status cli_dashboard(struct cli *cli, struct pb_error *err);

/* Each command's entry point. */
enum pb_status cmd_init(struct cli *cli, struct pb_error *err);
enum pb_status cmd_import(struct cli *cli, struct pb_error *err);
enum pb_status cmd_export(struct cli *cli, struct pb_error *err);
enum pb_status cmd_check(struct cli *cli, struct pb_error *err);
enum pb_status cmd_backup(struct cli *cli, struct pb_error *err);
enum pb_status cmd_history(struct cli *cli, struct pb_error *err);
enum pb_status cmd_minutes(struct cli *cli, struct pb_error *err);
enum pb_status cmd_add(struct cli *cli, struct pb_error *err);
enum pb_status cmd_done(struct cli *cli, struct pb_error *err);
enum pb_status cmd_status(struct cli *cli, struct pb_error *err);
enum pb_status cmd_actions(struct cli *cli, struct pb_error *err);
enum pb_status cmd_queue(struct cli *cli, struct pb_error *err);
enum pb_status cmd_note(struct cli *cli, struct pb_error *err);
enum pb_status cmd_undo(struct cli *cli, struct pb_error *err);
enum pb_status cmd_redo(struct cli *cli, struct pb_error *err);
enum pb_status cmd_show(struct cli *cli, struct pb_error *err);
enum pb_status cmd_edit(struct cli *cli, struct pb_error *err);
enum pb_status cmd_members(struct cli *cli, struct pb_error *err);
enum pb_status cmd_themes(struct cli *cli, struct pb_error *err);
enum pb_status cmd_meetings(struct cli *cli, struct pb_error *err);
enum pb_status cmd_co_options(struct cli *cli, struct pb_error *err);
enum pb_status cmd_feedback(struct cli *cli, struct pb_error *err);
enum pb_status cmd_action_log(struct cli *cli, struct pb_error *err);

#endif
