/* `panelboard export [-o FILE] [--format yaml|md|csv]`: the panel file
 * (pb_export) or one of the reports (pb_report). */
/* O_TMPFILE and linkat's AT_SYMLINK_FOLLOW are Linux's (fcntl.h shows
 * them with _GNU_SOURCE); elsewhere the named temporary file is used. */
#define _GNU_SOURCE
#include "cli.h"

#include <panelboard/panelfile.h>
#include <panelboard/record.h>
#include <panelboard/report.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What export writes: the panel file, or a report. */
enum format { FORMAT_YAML, FORMAT_MD, FORMAT_CSV };

static enum pb_status parse_format(struct cli *cli, const char *name, enum format *f,
                                   struct pb_error *err)
{
    static const char *const names[] = {"yaml", "md", "csv"};
    size_t i = 0;
    enum pb_status s = cli_choose_format(cli, name, names, 3, &i, err);
    *f = (enum format)i;
    return s;
}

static enum pb_status write_format(struct pb_db *db, enum format format, FILE *out,
                                   struct pb_error *err)
{
    if (format == FORMAT_YAML)
        return pb_export(db, out, err);
    return pb_report(db, format == FORMAT_MD ? PB_REPORT_MD : PB_REPORT_CSV, out, err);
}

static enum pb_status write_failed(const char *path, enum pb_status status, struct pb_error *err)
{
    return pb_error_set(err, status, "cannot write %s: %s", path, strerror(errno));
}

/* A device, a pipe or a terminal (-o /dev/stdout) is written straight. */
static enum pb_status export_to_stream(struct cli *cli, enum format format, const char *path,
                                       struct pb_error *err)
{
    FILE *out = fopen(path, "w");
    if (!out)
        return write_failed(path, PB_ERR_CANT_CREATE, err);
    enum pb_status s = write_format(cli->db, format, out, err);
    if (fclose(out) != 0 && s == PB_OK)
        s = write_failed(path, PB_ERR_IO, err);
    return s;
}

/* An unnamed file in target's folder (O_TMPFILE): an export killed at any
 * moment leaves nothing behind, since the file gets a name only once it is
 * whole. -1 where the system or the file system has no such thing. */
static int open_unnamed(const char *target, mode_t mode, bool *unnamed)
{
    *unnamed = false;
#ifdef O_TMPFILE
    char *dir = pb_xstrdup(target);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    int fd = open(slash ? dir : ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
    free(dir);
    *unnamed = fd >= 0;
    return fd;
#else
    (void)target;
    (void)mode;
    return -1;
#endif
}

/* Gives the unnamed file fd the name tmp (mkstemp's pattern, made unique
 * here), through /proc, which needs no privilege. */
static int name_unnamed(int fd, char *tmp)
{
#ifdef O_TMPFILE
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    for (int tries = 0; tries < 100; tries++) {
        int probe = mkstemp(tmp);
        if (probe < 0)
            return -1;
        close(probe);
        unlink(tmp);
        if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
            return 0;
        if (errno != EEXIST)
            return -1;
        memcpy(tmp + strlen(tmp) - 6, "XXXXXX", 6);
    }
#else
    (void)fd;
    (void)tmp;
#endif
    return -1;
}

/* The rename, on disk too. */
static void sync_folder(const char *target)
{
    char *dir = pb_xstrdup(target);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    int fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

/* A file is written beside itself and renamed into place, so a failed
 * export never leaves half a file where a good one was. A symbolic link is
 * followed (the file it names is replaced, the link stays); the file keeps
 * its permissions, and a new one gets the umask's. */
static enum pb_status export_to_file(struct cli *cli, enum format format, const char *path,
                                     struct pb_error *err)
{
    struct stat st;
    bool exists = lstat(path, &st) == 0;
    /* follow a link to what it names; anything but a regular file at the
     * end of it (a device, a pipe, a dangling link) is written straight */
    if (exists && (stat(path, &st) != 0 || !S_ISREG(st.st_mode)))
        return export_to_stream(cli, format, path, err);
    char *real = exists ? realpath(path, NULL) : NULL;
    if (exists && !real)
        return write_failed(path, PB_ERR_IO, err);
    const char *target = exists ? real : path;
    mode_t mode;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    char *tmp = pb_xasprintf("%s.XXXXXX", target);
    bool unnamed = false;
    int fd = open_unnamed(target, mode, &unnamed);
    if (fd < 0)
        fd = mkstemp(tmp);
    if (fd < 0) {
        enum pb_status s = write_failed(path, PB_ERR_CANT_CREATE, err);
        free(tmp);
        free(real);
        return s;
    }
    fchmod(fd, mode);
    FILE *out = fdopen(fd, "w");
    enum pb_status s = write_format(cli->db, format, out, err);
    /* on disk before it replaces the old file, or a crash could leave an
     * empty file where a good one was */
    if (s == PB_OK && (fflush(out) != 0 || fsync(fileno(out)) != 0))
        s = write_failed(path, PB_ERR_IO, err);
    if (s == PB_OK && unnamed && name_unnamed(fileno(out), tmp) != 0)
        s = write_failed(path, PB_ERR_IO, err);
    if (fclose(out) != 0 && s == PB_OK)
        s = write_failed(path, PB_ERR_IO, err);
    if (s == PB_OK && rename(tmp, target) != 0)
        s = write_failed(path, PB_ERR_IO, err);
    if (s == PB_OK)
        sync_folder(target);
    if (s != PB_OK && (!unnamed || access(tmp, F_OK) == 0))
        unlink(tmp);
    free(tmp);
    free(real);
    return s;
}

/* An empty panel's export written over a file is what a mistyped --db
 * used to do to a good export: it takes --force. A panel with no members,
 * themes or meetings is empty (an action needs an owner). */
static enum pb_status refuse_empty_over(struct cli *cli, const char *path, struct pb_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
        return PB_OK;
    static const enum pb_kind kinds[] = {PB_KIND_MEMBER, PB_KIND_THEME, PB_KIND_MEETING};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        char **keys = NULL;
        size_t n = 0;
        enum pb_status s = pb_record_keys(cli->db, kinds[i], &keys, &n, err);
        pb_strings_free(keys, n);
        if (s != PB_OK || n > 0)
            return s;
    }
    return pb_error_set(err, PB_ERR_DATA,
                        "%s: the panel in %s is empty; not replacing %s with its export "
                        "(--force to do it)",
                        cli->argv[0], pb_db_path(cli->db), path);
}

enum pb_status cmd_export(struct cli *cli, struct pb_error *err)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"force", no_argument, NULL, 'F'},
        {NULL, 0, NULL, 0},
    };
    bool force = false;
    enum format format = FORMAT_YAML;
    const char *output = NULL;
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(cli->argc, cli->argv, "f:o:", options, NULL)) != -1) {
        if (c == 'F') {
            force = true;
        } else if (c == 'o') {
            output = optarg;
        } else if (c == 'f') {
            enum pb_status s = parse_format(cli, optarg, &format, err);
            if (s != PB_OK)
                return s;
        } else {
            return cli_bad_option(cli, err);
        }
    }
    if (optind < cli->argc)
        return cli_usage(cli, err, "unexpected argument '%s'", cli->argv[optind]);
    enum pb_status s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    if (output && strcmp(output, "-") != 0 && !force) {
        s = refuse_empty_over(cli, output, err);
        if (s != PB_OK)
            return s;
    }
    if (output && strcmp(output, "-") != 0)
        return export_to_file(cli, format, output, err);
    return write_format(cli->db, format, stdout, err);
}
