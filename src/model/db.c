/*
 * Opening a panel's database: creating it and its folder with the right
 * permissions, refusing files that are not ours or are newer than us, the
 * connection's settings, and closing.
 */
#include "migrate.h"
#include "sql.h"

#include <errno.h>
#include <pwd.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Create each missing folder of path's parent, with mode; *made (when
 * not NULL) is the outermost folder made, for remove_unfinished. */
static enum pb_status make_parent_dirs(const char *path, mode_t mode, char **made,
                                       struct pb_error *err)
{
    char *dir = pb_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
        free(dir);
        return PB_OK;
    }
    *slash = '\0';
    for (char *p = dir + 1;; p++) {
        bool end = *p == '\0';
        if (*p == '/' || end) {
            *p = '\0';
            struct stat st;
            if (stat(dir, &st) != 0) {
                if (mkdir(dir, mode) != 0 && errno != EEXIST) {
                    enum pb_status s = pb_error_set(err, PB_ERR_CANT_CREATE,
                                                    "cannot create folder %s: %s", dir,
                                                    strerror(errno));
                    free(dir);
                    return s;
                }
                chmod(dir, mode); /* mkdir's mode is cut by the umask */
                if (made && !*made)
                    *made = pb_xstrdup(dir);
            }
            if (end)
                break;
            *p = '/';
        }
    }
    free(dir);
    return PB_OK;
}

/* Create the empty file first, so that its permissions are ours, not the
 * umask's; SQLite gives its -wal and -shm files the same permissions. */
static enum pb_status create_file(const char *path, bool shared, char **made,
                                  struct pb_error *err)
{
    mode_t mode = shared ? 0660 : 0600;
    enum pb_status s = make_parent_dirs(path, shared ? 02770 : 0700, made, err);
    if (s != PB_OK)
        return s;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    /* Another process made it in the same moment: open theirs. */
    if (fd < 0 && errno == EEXIST)
        return PB_OK;
    if (fd < 0)
        return pb_error_set(err, PB_ERR_CANT_CREATE, "cannot create %s: %s", path,
                            strerror(errno));
    fchmod(fd, mode);
    close(fd);
    return PB_OK;
}

/* A database this process created and could not set up (a full disk) is
 * removed with the folders made for it, unless another process creating it
 * at the same moment got as far as a schema (user_version, bytes 60-63 of
 * the header, not 0). */
static void remove_unfinished(const char *path, char *made)
{
    unsigned char header[64] = {0};
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    bool finished = false;
    if (fd >= 0) {
        finished = read(fd, header, sizeof header) == (ssize_t)sizeof header &&
                   (header[60] | header[61] | header[62] | header[63]) != 0;
        close(fd);
    }
    if (!finished) {
        static const char *const ends[] = {"", "-wal", "-shm", "-journal"};
        for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
            char *p = pb_xasprintf("%s%s", path, ends[i]);
            unlink(p);
            free(p);
        }
        /* the folders made, innermost first; rmdir leaves any not empty */
        char *dir = pb_xstrdup(path);
        for (char *slash; made && (slash = strrchr(dir, '/')) && slash > dir;) {
            *slash = '\0';
            rmdir(dir);
            if (strcmp(dir, made) == 0)
                break;
        }
        free(dir);
    }
    free(made);
}

/* Process-wide settings, which SQLite takes only before its first use:
 * no memory statistics, which cost a global lock on every allocation (an
 * import makes millions). */
static void configure_library(void)
{
    static bool done;
    if (!done)
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    done = true;
}

static enum pb_status configure(struct pb_db *db, struct pb_error *err)
{
    sqlite3_busy_timeout(db->sql, db->busy_timeout_ms);
    sqlite3_extended_result_codes(db->sql, 1);
    /* The statement journal in memory: every statement of a big change
     * keeps one, and on disk it was most of an import's time (millions of
     * pwrite calls for 100,000 actions). */
    return sql_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
                        " PRAGMA temp_store = MEMORY;", err);
}

/* A WAL database in a folder we cannot write cannot be read the usual
 * way: a reader must create the -shm file beside it. Nobody can write
 * there through us either, so it is opened as SQLite's "immutable". */
static enum pb_status reopen_immutable(struct pb_db *db, struct pb_error *err)
{
    sqlite3_close(db->sql);
    db->sql = NULL;
    struct pb_buf uri = {0};
    pb_buf_puts(&uri, "file:");
    for (const unsigned char *p = (const unsigned char *)db->path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7F)
            pb_buf_addf(&uri, "%%%02X", *p);
        else
            pb_buf_add(&uri, (const char *)p, 1);
    }
    pb_buf_puts(&uri, "?immutable=1");
    int rc = sqlite3_open_v2(uri.data, &db->sql,
                             SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    pb_buf_free(&uri);
    if (rc != SQLITE_OK)
        return db->sql ? sql_fail(db, err)
                       : pb_error_set(err, PB_ERR_IO, "%s: cannot open", db->path);
    enum pb_status s = configure(db, err);
    return s == PB_OK ? migrate(db, err) : s;
}

/* The account this process runs as, looked up from its real user id: not
 * $USER or $LOGNAME, which anyone can set. "uid N" when the user database
 * has no name for it (a container, say). */
static char *login_name(void)
{
    uid_t uid = getuid();
    struct passwd pw, *found = NULL;
    char buf[4096];
    if (getpwuid_r(uid, &pw, buf, sizeof buf, &found) == 0 && found && found->pw_name &&
        *found->pw_name)
        return pb_xstrdup(found->pw_name);
    return pb_xasprintf("uid %lu", (unsigned long)uid);
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite does not always wait for a lock while a new database is being
 * made by several processes at once (setting WAL, reading the schema of a
 * file another is still writing): it says busy at once. Opening waits
 * those out up to the busy timeout, as every other step does, since each
 * step of migrate is safe to run again. */
static enum pb_status migrate_waiting(struct pb_db *db, struct pb_error *err)
{
    int64_t give_up = now_ms() + db->busy_timeout_ms;
    for (;;) {
        enum pb_status s = migrate(db, err);
        if (s != PB_ERR_BUSY || now_ms() >= give_up)
            return s;
        nanosleep(&(struct timespec){.tv_nsec = 20 * 1000000}, NULL);
    }
}

enum pb_status pb_db_open(const struct pb_db_options *options, struct pb_db **out,
                          struct pb_error *err)
{
    *out = NULL;
    struct stat st;
    bool exists = stat(options->path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        return pb_error_set(err, PB_ERR_CANT_CREATE, "%s is not a database file (it is a %s)",
                            options->path, S_ISDIR(st.st_mode) ? "folder" : "special file");
    if (!exists && options->must_exist)
        return pb_error_set(err, PB_ERR_NO_INPUT, "%s: no such database", options->path);
    char *made = NULL;
    if (!exists) {
        enum pb_status s = create_file(options->path, options->shared, &made, err);
        if (s != PB_OK) {
            remove_unfinished(options->path, made);
            return s;
        }
    }

    struct pb_db *db = pb_xcalloc(1, sizeof *db);
    db->path = pb_xstrdup(options->path);
    db->created = !exists;
    db->today = pb_date_today();
    db->login = login_name();
    db->busy_timeout_ms = options->busy_timeout_ms > 0 ? options->busy_timeout_ms
                                                       : PB_BUSY_TIMEOUT_MS;
    configure_library();
    /* NOMUTEX: a connection is only ever used by the thread that opened it,
     * so SQLite need not lock it around every call. */
    /* Links are followed (a linked home folder is common); SQLite then
     * works on the file they name. */
    /* A file we may not write is still worth reading (the dashboard says
     * so in its header, and the commands that write are refused). */
    bool read_only = exists && access(options->path, W_OK) != 0;
    int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(options->path, &db->sql, flags, NULL) != SQLITE_OK) {
        enum pb_status s = db->sql ? sql_fail(db, err)
                                   : pb_error_set(err, PB_ERR_IO, "%s: cannot open",
                                                  options->path);
        if (s == PB_ERR_IO && !exists)
            s = err ? (err->status = PB_ERR_CANT_CREATE) : PB_ERR_CANT_CREATE;
        pb_db_close(db);
        if (!exists)
            remove_unfinished(options->path, made);
        return s;
    }
    enum pb_status s = configure(db, err);
    if (s == PB_OK)
        s = migrate_waiting(db, err);
    int why = sqlite3_extended_errcode(db->sql) & 0xff;
    if (s != PB_OK && read_only && (why == SQLITE_CANTOPEN || why == SQLITE_READONLY))
        s = reopen_immutable(db, err);
    if (s != PB_OK) {
        /* a new database that could not be written (a full disk) is one
         * that cannot be created (cli.md: 73) */
        if (s == PB_ERR_IO && !exists)
            s = err ? (err->status = PB_ERR_CANT_CREATE) : PB_ERR_CANT_CREATE;
        pb_db_close(db);
        if (!exists)
            remove_unfinished(options->path, made);
        return s;
    }
    free(made);
    *out = db;
    return PB_OK;
}

void pb_db_close(struct pb_db *db)
{
    if (!db)
        return;
    for (size_t i = 0; i < db->n_cache; i++)
        sqlite3_finalize(db->cache[i].stmt);
    for (size_t i = 0; i < db->n_owned_sql; i++)
        free(db->owned_sql[i]);
    free(db->cache);
    free(db->owned_sql);
    free(db->bulk_indexes);
    sqlite3_close(db->sql);
    free(db->path);
    free(db->who);
    free(db->login);
    free(db);
}

bool pb_db_read_only(const struct pb_db *db)
{
    return sqlite3_db_readonly(db->sql, "main") == 1;
}

const char *pb_db_path(const struct pb_db *db)
{
    return db->path;
}

bool pb_db_was_created(const struct pb_db *db)
{
    return db->created;
}

void pb_db_set_who(struct pb_db *db, const char *member_id)
{
    free(db->who);
    db->who = member_id ? pb_xstrdup(member_id) : NULL;
}

const char *pb_db_who(const struct pb_db *db)
{
    return db->who;
}

void pb_db_set_today(struct pb_db *db, pb_day today)
{
    db->today = today;
    db->today_pinned = true;
}

pb_day pb_db_today(const struct pb_db *db)
{
    /* a dashboard left open past midnight moves on with the clock */
    return db->today_pinned ? db->today : pb_date_today();
}

void pb_db_set_on_day(struct pb_db *db, const pb_day *day)
{
    db->has_on_day = day != NULL;
    db->on_day = day ? *day : 0;
}

pb_day pb_db_work_day(const struct pb_db *db)
{
    return db->has_on_day ? db->on_day : pb_db_today(db);
}

int64_t pb_db_data_version(struct pb_db *db)
{
    sqlite3_stmt *st = sql_prepare(db, "PRAGMA data_version", NULL);
    int64_t v = 0;
    if (st && sql_step(db, st, NULL) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    if (st)
        sqlite3_reset(st);
    /* data_version does not move for the connection's own commits */
    return v * 1000003 + db->own_commits;
}

enum pb_status pb_db_analyze(struct pb_db *db, struct pb_error *err)
{
    /* A full ANALYZE, not a sampled one (analysis_limit): sampled, it took
     * the four statuses for thousands of values. It costs about 3% of the
     * import it follows. */
    return sql_exec(db, "ANALYZE;", err);
}
