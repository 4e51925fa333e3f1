/*
 * `panelboard backup FILE` (model.h, pb_db_backup): a consistent copy made
 * with SQLite's online backup API while others go on writing, into a
 * temporary file beside FILE that is synced, opened and checked before it
 * is renamed over FILE, so that FILE is always either the last good backup
 * or the new one, never half of one.
 */
#include "sql.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static enum pb_status fail_io(struct pb_error *err, enum pb_status status, const char *what,
                              const char *path)
{
    return pb_error_set(err, status, "backup: cannot %s %s: %s", what, path, strerror(errno));
}

static void remove_with_sidecars(const char *path)
{
    static const char *const ends[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        char *p = pb_xasprintf("%s%s", path, ends[i]);
        unlink(p);
        free(p);
    }
}

/* The whole database in one step, under one read transaction: one
 * snapshot however busy the writers are (WAL lets them go on). */
static enum pb_status copy_into(struct pb_db *db, const char *tmp, struct pb_error *err)
{
    sqlite3 *dest = NULL;
    int rc = sqlite3_open_v2(tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(dest, db->busy_timeout_ms);
        sqlite3_backup *b = sqlite3_backup_init(dest, "main", db->sql, "main");
        if (!b) {
            rc = sqlite3_errcode(dest);
        } else {
            do {
                rc = sqlite3_backup_step(b, -1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                    sqlite3_sleep(50);
            } while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            int done = sqlite3_backup_finish(b);
            if (rc == SQLITE_DONE)
                rc = done;
        }
    }
    enum pb_status s = PB_OK;
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        s = pb_error_set(err, (rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR
                                  ? PB_ERR_IO : PB_ERR_CANT_CREATE,
                         "backup: cannot write %s: %s", tmp,
                         dest ? sqlite3_errmsg(dest) : sqlite3_errstr(rc));
    sqlite3_close(dest);
    return s;
}

static enum pb_status sync_path(const char *path, int flags, struct pb_error *err)
{
    int fd = open(path, flags | O_CLOEXEC);
    if (fd < 0)
        return fail_io(err, PB_ERR_IO, "open", path);
    int rc = fsync(fd);
    close(fd);
    return rc == 0 ? PB_OK : fail_io(err, PB_ERR_IO, "sync", path);
}

/* The copy opened as a panelboard database and checked whole. */
static enum pb_status verify(const char *tmp, struct pb_error *err)
{
    struct pb_db_options opt = {.path = tmp, .must_exist = true};
    struct pb_db *copy = NULL;
    enum pb_status s = pb_db_open(&opt, &copy, err);
    if (s != PB_OK)
        return s;
    struct pb_buf report = {0};
    s = pb_db_check(copy, &report, err);
    pb_buf_free(&report);
    pb_db_close(copy);
    return s;
}

enum pb_status pb_db_backup(struct pb_db *db, const char *path, struct pb_error *err)
{
    if (!path || !*path)
        return pb_error_set(err, PB_ERR_USAGE, "backup needs a file name");
    char *tmp = pb_xasprintf("%s.tmp-%ld", path, (long)getpid());
    remove_with_sidecars(tmp);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    enum pb_status s = fd < 0 ? fail_io(err, PB_ERR_CANT_CREATE, "create", tmp) : PB_OK;
    if (fd >= 0)
        close(fd);
    if (s == PB_OK)
        s = copy_into(db, tmp, err);
    if (s == PB_OK)
        s = verify(tmp, err);
    if (s == PB_OK)
        s = sync_path(tmp, O_RDONLY, err);
    if (s == PB_OK && rename(tmp, path) != 0)
        s = fail_io(err, PB_ERR_CANT_CREATE, "rename the copy to", path);
    if (s == PB_OK) {
        /* the rename itself, on disk */
        char *dir = pb_xstrdup(path);
        char *slash = strrchr(dir, '/');
        if (slash)
            *(slash == dir ? slash + 1 : slash) = '\0';
        s = sync_path(slash ? dir : ".", O_RDONLY | O_DIRECTORY, err);
        free(dir);
    }
    if (s != PB_OK)
        remove_with_sidecars(tmp);
    free(tmp);
    return s;
}
