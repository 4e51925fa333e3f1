/*
 * panelboard's entry point: global options (before or after the command),
 * the command's dispatch through the table in commands.c, and the one place
 * where a status becomes an exit code and an error becomes a line on stderr.
 */
#include "cli.h"
#include "demo.h"

#include <panelboard/record.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PANELBOARD_VERSION
#define PANELBOARD_VERSION "unknown"
#endif

static void print_usage(FILE *out)
{
    fputs("usage: panelboard [OPTIONS] [COMMAND [ARGS]]\n"
          "\n"
          "A dashboard for a council's Corporate Parenting Panel. With no command it opens\n"
          "the dashboard; with a command it does one job and exits.\n"
          "\n"
          "Options (before or after the command):\n"
          "  -d, --db FILE   the database (else $PANELBOARD_DB, else\n"
          "                  $XDG_DATA_HOME/panelboard/panel.db)\n"
          "      --as ID     who is using it: a member id (else $PANELBOARD_AS)\n"
          "      --shared    create the database group-shared (0660, folder 2770)\n"
          "      --demo      use a temporary copy of the bundled example panel\n"
          "  -V, --version   print the version\n"
          "  -h, --help      this help; COMMAND --help for a command's own\n"
          "\n"
          "Commands:\n",
          out);
    for (const struct cli_command *c = cli_commands; c->name; c++)
        fprintf(out, "  %s\n      %s\n", c->synopsis, c->summary);
    fputs("\nExit status: 0 done, 64 usage, 65 bad data, 66 unreadable input, 69 database\n"
          "too new, 70 internal error, 73 cannot create, 74 I/O error, 75 busy.\n"
          "See panelboard(1) and panelboard-file(5).\n",
          out);
}

static void print_command_help(const struct cli_command *c)
{
    printf("usage: panelboard %s\n\n%s\n", c->synopsis, c->summary);
    if (c->help && *c->help)
        printf("\n%s", c->help);
}

static const struct cli_command *find_command(const char *name)
{
    for (const struct cli_command *c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

static enum pb_status unknown_command(const char *name, struct pb_error *err)
{
    const char *names[64];
    size_t n = 0;
    for (const struct cli_command *c = cli_commands; c->name && n < 64; c++)
        names[n++] = c->name;
    const char *near = pb_suggest(name, names, n);
    if (near)
        return pb_error_set(err, PB_ERR_USAGE, "no command '%s'; did you mean '%s'?", name, near);
    return pb_error_set(err, PB_ERR_USAGE, "no command '%s' (see panelboard --help)", name);
}

/* Takes the global options out of argv wherever they are; what is left is
 * the command and its own arguments, in order. */
static enum pb_status parse_globals(struct cli *cli, int argc, char **argv, bool *help,
                                    bool *version, struct pb_error *err)
{
    char **rest = pb_xcalloc((size_t)argc + 1, sizeof *rest);
    int n = 0;
    bool after_dashes = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *value = NULL;
        if (after_dashes || a[0] != '-' || strcmp(a, "-") == 0) {
            rest[n++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            after_dashes = true;
            rest[n++] = argv[i];
        } else if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0 || strcmp(a, "--as") == 0) {
            if (i + 1 >= argc) {
                free(rest);
                return pb_error_set(err, PB_ERR_USAGE, "%s needs a value", a);
            }
            value = argv[++i];
            if (strcmp(a, "--as") == 0)
                cli->as = value;
            else
                cli->db_path = value;
        } else if (strncmp(a, "--db=", 5) == 0) {
            cli->db_path = a + 5;
        } else if (strncmp(a, "--as=", 5) == 0) {
            cli->as = a + 5;
        } else if (strcmp(a, "--shared") == 0) {
            cli->shared = true;
        } else if (strcmp(a, "--demo") == 0) {
            cli->demo = true;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            *version = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            *help = true;
        } else {
            rest[n++] = argv[i]; /* the command's own option */
        }
    }
    cli->argc = n;
    cli->argv = rest;
    return PB_OK;
}

static void resolve_db_path(struct cli *cli)
{
    if (!cli->db_path || !*cli->db_path)
        cli->db_path = getenv("PANELBOARD_DB");
    if (cli->db_path && *cli->db_path)
        return;
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        cli->default_path = pb_xasprintf("%s/panelboard/panel.db", xdg);
    else
        cli->default_path =
            pb_xasprintf("%s/.local/share/panelboard/panel.db", home && *home ? home : ".");
    cli->db_path = cli->default_path;
}

enum pb_status cli_open_db(struct cli *cli, struct pb_error *err)
{
    if (cli->db)
        return PB_OK;
    enum pb_status s;
    if (cli->demo) {
        s = demo_open(cli, err);
    } else {
        struct pb_db_options opt = {.path = cli->db_path, .shared = cli->shared,
                                    .must_exist = !cli->may_create};
        s = pb_db_open(&opt, &cli->db, err);
        if (s == PB_ERR_NO_INPUT)
            return pb_error_set(err, s,
                                "%s: no such database; nothing was created (check --db, or "
                                "create it with panelboard init)",
                                cli->db_path);
    }
    if (s == PB_OK) {
        pb_db_set_who(cli->db, cli->as);
        pb_db_set_on_day(cli->db, cli->has_on ? &cli->on : NULL);
    }
    return s;
}

enum pb_status cli_require_member(struct cli *cli, const char *id, const char *what,
                                  struct pb_error *err)
{
    enum pb_status s = pb_record_require(cli->db, PB_KIND_MEMBER, id, err);
    if (s != PB_OK && err) {
        char msg[PB_ERROR_MESSAGE_MAX];
        snprintf(msg, sizeof msg, "%s", err->message);
        pb_error_set(err, s, "%s: %s", what, msg);
    }
    return s;
}

enum pb_status cli_parse_id(const char *text, const char *what, int64_t *out, struct pb_error *err)
{
    const char *p = text[0] == '#' ? text + 1 : text;
    char *end = NULL;
    errno = 0;
    long long v = *p >= '0' && *p <= '9' ? strtoll(p, &end, 10) : 0;
    /* ERANGE: past 2^63 strtoll clamps, and a clamped id names another row */
    if (!end || *end || v <= 0 || errno == ERANGE)
        return pb_error_set(err, PB_ERR_DATA, "%s '%s' is not an id (a positive number)", what,
                            text);
    *out = v;
    return PB_OK;
}

enum pb_status cli_parse_on(struct cli *cli, const char *text, struct pb_error *err)
{
    if (!pb_date_parse(text, &cli->on))
        return cli_usage(cli, err, "--on takes a date written YYYY-MM-DD, not '%s'", text);
    if (cli->on > pb_date_today())
        return pb_error_set(err, PB_ERR_DATA, "%s: --on %s is after today", cli->argv[0], text);
    cli->has_on = true;
    return PB_OK;
}

enum pb_status cli_usage(struct cli *cli, struct pb_error *err, const char *fmt, ...)
{
    char msg[PB_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return pb_error_set(err, PB_ERR_USAGE, "%s: %s (see panelboard %s --help)", cli->argv[0], msg,
                        cli->argv[0]);
}

enum pb_status cli_bad_option(struct cli *cli, struct pb_error *err)
{
    return cli_usage(cli, err, "unknown option or missing value '%s'", cli->argv[optind - 1]);
}

static enum pb_status run(struct cli *cli, int argc, char **argv, struct pb_error *err)
{
    bool help = false, version = false;
    enum pb_status s = parse_globals(cli, argc, argv, &help, &version, err);
    if (s != PB_OK)
        return s;
    if (version) {
        printf("panelboard %s\n", PANELBOARD_VERSION);
        return PB_OK;
    }
    const struct cli_command *cmd = NULL;
    if (cli->argc > 0) {
        cmd = find_command(cli->argv[0]);
        if (!cmd)
            return unknown_command(cli->argv[0], err);
    }
    if (help) {
        if (cmd)
            print_command_help(cmd);
        else
            print_usage(stdout);
        return PB_OK;
    }
    if (cli->db_path && !*cli->db_path)
        return pb_error_set(err, PB_ERR_USAGE, "--db needs a file name, not an empty one");
    const char *today = getenv("PANELBOARD_TODAY");
    pb_day day;
    if (today && *today && !pb_date_parse(today, &day))
        return pb_error_set(err, PB_ERR_USAGE,
                            "PANELBOARD_TODAY is '%s'; it must be a date written YYYY-MM-DD",
                            today);
    if (!cli->as || !*cli->as)
        cli->as = getenv("PANELBOARD_AS");
    if (cli->as && !*cli->as)
        cli->as = NULL;
    /* Before any member exists --as is not looked up, and it is stored in
     * the history: it must be something a terminal shows, not obeys. */
    if (cli->as && !pb_visible_clean(cli->as, strlen(cli->as), false))
        return pb_error_set(err, PB_ERR_USAGE,
                            "--as '%s' is not a member id: it holds a control character or is "
                            "not UTF-8", cli->as);
    resolve_db_path(cli);
    cli->may_create = cmd && cmd->creates_db;
    if (!cmd)
        return cli_dashboard(cli, err);
    return cmd->run(cli, err);
}

int main(int argc, char **argv)
{
    struct cli cli = {0};
    struct pb_error err = {0};
    enum pb_status s = run(&cli, argc, argv, &err);
    if (fflush(stdout) != 0 && s == PB_OK)
        s = pb_error_set(&err, PB_ERR_IO, "cannot write the output");
    if (s != PB_OK) {
        char line[PB_ERROR_FILE_MAX + PB_ERROR_MESSAGE_MAX + 64];
        pb_error_format(&err, line, sizeof line);
        /* Messages quote what users typed (--as, $PANELBOARD_AS, file names). */
        pb_visible_put(stderr, line, 0);
        fputc('\n', stderr);
        if (s == PB_ERR_USAGE && cli.argc == 0 && !strstr(err.message, "--help"))
            fputs("see panelboard --help\n", stderr);
    }
    pb_db_close(cli.db);
    demo_cleanup(&cli);
    free(cli.argv);
    free(cli.default_path);
    return pb_status_exit_code(s);
}
