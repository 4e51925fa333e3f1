/* `panelboard export [-o FILE] [--format yaml|md|csv]`. */
#include "cli.h"

#include <panelboard/panelfile.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum pb_status parse_format(struct cli *cli, const char *name, enum pb_export_format *f,
                                   struct pb_error *err)
{
    if (strcmp(name, "yaml") == 0)
        *f = PB_EXPORT_YAML;
    else if (strcmp(name, "md") == 0)
        *f = PB_EXPORT_MD;
    else if (strcmp(name, "csv") == 0)
        *f = PB_EXPORT_CSV;
    else
        return cli_usage(cli, err, "no format '%s' (yaml, md or csv)", name);
    return PB_OK;
}

/* Writes to a temporary file beside FILE and renames it into place, so a
 * failed export never leaves half a file where a good one was. */
static enum pb_status export_to_file(struct cli *cli, enum pb_export_format format,
                                     const char *path, struct pb_error *err)
{
    char *tmp = pb_xasprintf("%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        enum pb_status s = pb_error_set(err, PB_ERR_CANT_CREATE, "cannot write %s: %s", path,
                                        strerror(errno));
        free(tmp);
        return s;
    }
    FILE *out = fdopen(fd, "w");
    enum pb_status s = pb_export(cli->db, format, out, err);
    if (fclose(out) != 0 && s == PB_OK)
        s = pb_error_set(err, PB_ERR_IO, "cannot write %s: %s", path, strerror(errno));
    if (s == PB_OK && rename(tmp, path) != 0)
        s = pb_error_set(err, PB_ERR_IO, "cannot write %s: %s", path, strerror(errno));
    if (s != PB_OK)
        unlink(tmp);
    free(tmp);
    return s;
}

enum pb_status cmd_export(struct cli *cli, struct pb_error *err)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0},
    };
    enum pb_export_format format = PB_EXPORT_YAML;
    const char *output = NULL;
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "+f:o:", options, NULL)) != -1) {
        if (c == 'o') {
            output = optarg;
        } else if (c == 'f') {
            enum pb_status s = parse_format(cli, optarg, &format, err);
            if (s != PB_OK)
                return s;
        } else {
            return cli_usage(cli, err, "unknown option or missing value '%s'",
                             cli->argv[optind - 1]);
        }
    }
    if (optind < cli->argc)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[optind]);
    enum pb_status s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    if (output && strcmp(output, "-") != 0)
        return export_to_file(cli, format, output, err);
    return pb_export(cli->db, format, stdout, err);
}
