/*
 * The command line: what every command gets (the parsed global options and
 * the database, opened on demand) and the one table of commands that drives
 * both dispatch and --help.
 */
#ifndef PANELBOARD_CLI_H
#define PANELBOARD_CLI_H

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
    int argc;            /* the command's arguments; argv[0] is the command's name */
    char **argv;
};

struct cli_command {
    const char *name;
    enum pb_status (*run)(struct cli *cli, struct pb_error *err);
    const char *synopsis; /* "import FILE... [--dry-run]" */
    const char *summary;  /* one line for panelboard --help */
    const char *help;     /* the rest of panelboard COMMAND --help */
};

/* The table, ended by an entry whose name is NULL. */
extern const struct cli_command cli_commands[];

/* Opens (creating where needed) the database the options name, once. */
enum pb_status cli_open_db(struct cli *cli, struct pb_error *err);

/* PB_OK when member `id` exists; else PB_ERR_DATA naming the nearest id
 * ("WHAT: no member 'thirkil'; did you mean 'thirkill'?"). */
enum pb_status cli_require_member(struct cli *cli, const char *id, const char *what,
                                  struct pb_error *err);

/* Parses a positive integer id ("7" or "#7"); PB_ERR_DATA otherwise. */
enum pb_status cli_parse_id(const char *text, const char *what, int64_t *out, struct pb_error *err);

/* Usage error for the command: "COMMAND: MESSAGE (see panelboard COMMAND --help)". */
enum pb_status cli_usage(struct cli *cli, struct pb_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Usage error for the option getopt_long just refused (unknown, or its
 * value missing). */
enum pb_status cli_bad_option(struct cli *cli, struct pb_error *err);

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

#endif
