/*
 * Benchmark of the dashboard inside the program: the first full frame in a
 * 200x50 terminal (the best of FIRST_FRAMES, each from opening the
 * database), and a keystroke from key to redraw (to the leads and the
 * actions, move, page, filter, search), on generated panels of 1,000,
 * 100,000 and 1,000,000 actions, with the peak memory of each. Curses
 * draws to /dev/null, so what is timed is our work and curses' own, not a
 * terminal's. Prints each figure and the ratio of the largest panel to the
 * smallest: a dashboard that reads only what it shows costs about the
 * same on both. The keys walk the same screens at every size, within the
 * first 1,000 actions: past them the smallest panel has nothing to show,
 * and the others' memory would count screens it never drew.
 *
 * Each panel is generated in a child process and measured in another, so
 * that the peak resident set of the measuring child (its own ru_maxrss:
 * libraries, curses and SQLite's cache included) is the dashboard's alone:
 * neither the generator's page cache nor a smaller panel's allocations
 * count against it. The parent touches no database.
 */
#include "tui_internal.h"

#include <panelboard/action.h>
#include <panelboard/panelfile.h>

#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MEMBERS 40
#define THEMES  12

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The measures are the process's CPU time (user and system, the reads of
 * the file included): on a machine shared with other work, the time
 * others' processes hold the CPU would otherwise count as ours. */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void check(enum pb_status s, const struct pb_error *err, const char *what)
{
    if (s != PB_OK) {
        fprintf(stderr, "bench_dash: %s: %s\n", what, err->message);
        exit(1);
    }
}

static void check_sql(sqlite3 *raw, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "bench_dash: %s: %s\n", what, sqlite3_errmsg(raw));
        exit(1);
    }
}

/* The members and themes, through the importer as a person would make
 * them. */
static void generate_panel(const char *path)
{
    struct pb_db *db = NULL;
    struct pb_error err = {0};
    struct pb_db_options opt = {.path = path};
    check(pb_db_open(&opt, &db, &err), &err, "open");
    struct pb_buf yaml = {0};
    pb_buf_puts(&yaml, "panelboard: 1\npanel:\n  name: Corporate Parenting Panel\nmembers:\n");
    for (int i = 0; i < MEMBERS; i++)
        pb_buf_addf(&yaml, "  - {id: m%02d, name: Cllr Member %d, kind: councillor}\n", i, i);
    pb_buf_puts(&yaml, "themes:\n");
    for (int i = 0; i < THEMES; i++)
        pb_buf_addf(&yaml, "  - {id: t%02d, title: Theme number %d, lead: m%02d}\n", i, i, i);
    check(pb_import_buffer(db, "bench.yaml", yaml.data, yaml.len, NULL, NULL, NULL, &err), &err,
          "import");
    pb_buf_free(&yaml);
    pb_db_close(db);
}

/* A panel of MEMBERS members, THEMES themes and n actions over them: one
 * owner each, themes, statuses and two years of due dates, deterministic.
 * The actions go in by SQL as one change in one transaction, so that a
 * million take seconds rather than the minutes of a million pb_action_add;
 * the schema's triggers (history, counts) run on every row as they would
 * for any other writer. */
static void generate(const char *path, int n)
{
    generate_panel(path);
    sqlite3 *raw = NULL;
    check_sql(raw, sqlite3_open(path, &raw), "open");
    check_sql(raw,
              sqlite3_exec(raw,
                           "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; BEGIN;"
                           " INSERT INTO changes (at, what) VALUES (datetime('now'), 'generate');",
                           NULL, NULL, NULL),
              "begin");
    sqlite3_stmt *action = NULL, *owner = NULL;
    check_sql(raw,
              sqlite3_prepare_v2(raw,
                                 "INSERT INTO actions (id, title, theme, due, status)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                                 -1, &action, NULL),
              "prepare");
    check_sql(raw,
              sqlite3_prepare_v2(raw,
                                 "INSERT INTO action_owners (action, member, position)"
                                 " VALUES (?1, ?2, 0)",
                                 -1, &owner, NULL),
              "prepare");
    pb_day start;
    pb_date_parse("2022-01-01", &start);
    unsigned seed = 1;
    for (int i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        char member[8], theme[8], title[64], due[11];
        snprintf(member, sizeof member, "m%02u", (seed >> 8) % MEMBERS);
        snprintf(theme, sizeof theme, "t%02u", (seed >> 12) % THEMES);
        snprintf(title, sizeof title, "Generated action %d about item %u", i, seed % 977);
        pb_date_format(start + (pb_day)((seed >> 16) % 730), due);
        const char *status = "open";
        if ((seed >> 20) % 3 == 0)
            status = (seed >> 22) % 4 ? "done" : "in-progress";
        sqlite3_bind_int64(action, 1, i + 1);
        sqlite3_bind_text(action, 2, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(action, 3, theme, -1, SQLITE_TRANSIENT);
        if ((seed >> 4) % 8 != 0)
            sqlite3_bind_text(action, 4, due, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(action, 4);
        sqlite3_bind_text(action, 5, status, -1, SQLITE_STATIC);
        check_sql(raw, sqlite3_step(action), "insert action");
        sqlite3_reset(action);
        sqlite3_bind_int64(owner, 1, i + 1);
        sqlite3_bind_text(owner, 2, member, -1, SQLITE_TRANSIENT);
        check_sql(raw, sqlite3_step(owner), "insert owner");
        sqlite3_reset(owner);
    }
    sqlite3_finalize(action);
    sqlite3_finalize(owner);
    /* the statistics an import leaves (pb_db_analyze): the plans follow them */
    check_sql(raw, sqlite3_exec(raw, "COMMIT; ANALYZE;", NULL, NULL, NULL), "commit");
    check_sql(raw, sqlite3_close(raw), "close");
}

struct figures {
    double first_frame, leads_pane, actions_pane, move, page, filter, search;
    /* the measuring process's largest resident set, after the first
     * frames and after the keys */
    double first_peak_mb, peak_mb;
};

static void frame(struct dash *d, const struct tui_layout *l)
{
    tui_draw(stdscr, d, l);
    refresh();
}

/* The mean time of one key to redraw over `times` presses of each key in
 * keys (taken in turn). */
static double keystroke(struct dash *d, const struct tui_layout *l, const int *keys, int times)
{
    double t0 = cpu_ms();
    for (int i = 0; i < times; i++) {
        for (const int *k = keys; *k; k++) {
            if (dash_key(d, *k))
                frame(d, l);
        }
    }
    size_t n = 0;
    while (keys[n])
        n++;
    return (cpu_ms() - t0) / (double)(times * (int)n);
}

static void type(struct dash *d, const struct tui_layout *l, const char *s)
{
    for (; *s; s++)
        if (dash_key(d, (unsigned char)*s))
            frame(d, l);
}

static double peak_mb(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (double)usage.ru_maxrss / 1024.0; /* Linux: kilobytes */
}

/* Opens the database and the dashboard and draws the first frame, as
 * `panelboard` does; returns how long that took. */
static double first_frame(const char *path, struct pb_db **db, struct dash *d, struct tui_layout *l)
{
    struct pb_error err = {0};
    struct pb_db_options opt = {.path = path, .must_exist = true};
    double t0 = cpu_ms();
    check(pb_db_open(&opt, db, &err), &err, "open");
    struct dash_options dopt = {.as = "m01"};
    check(dash_open(d, *db, &dopt, time(NULL), &err), &err, "dash_open");
    tui_layout(l, LINES, COLS);
    dash_resize(d, (size_t)(l->list_h - 1));
    frame(d, l);
    return cpu_ms() - t0;
}

/* The first frame is the best of this many, each over a connection of its
 * own, so that a moment of the other work on a shared machine does not
 * decide it. */
#define FIRST_FRAMES 5

static struct figures measure(const char *path)
{
    setenv("TERM", "xterm-256color", 1);
    setenv("LINES", "50", 1);
    setenv("COLUMNS", "200", 1);
    FILE *out = fopen("/dev/null", "w");
    SCREEN *screen = newterm(NULL, out, stdin);
    if (!screen) {
        fprintf(stderr, "bench_dash: no terminal description for xterm-256color\n");
        exit(1);
    }
    set_term(screen);

    struct figures f = {0};
    struct pb_db *db = NULL;
    struct dash d;
    struct tui_layout l;
    for (int i = 0; i < FIRST_FRAMES; i++) {
        if (i) {
            dash_close(&d);
            pb_db_close(db);
        }
        double t = first_frame(path, &db, &d, &l);
        if (i == 0 || t < f.first_frame)
            f.first_frame = t;
    }
    f.first_peak_mb = peak_mb();

    double t0 = cpu_ms();
    if (dash_key(&d, '2'))
        frame(&d, &l);
    f.leads_pane = cpu_ms() - t0;
    t0 = cpu_ms();
    if (dash_key(&d, '3'))
        frame(&d, &l);
    f.actions_pane = cpu_ms() - t0;
    /* 400 rows, then ten screens on: the 1,000 actions hold them all */
    f.move = keystroke(&d, &l, (const int[]){'j', 0}, 400);
    f.page = keystroke(&d, &l, (const int[]){DASH_KEY_PGDN, DASH_KEY_PGDN, DASH_KEY_PGUP, 0}, 10);
    t0 = cpu_ms();
    type(&d, &l, "f#t03 status:open\r");
    type(&d, &l, "F");
    f.filter = (cpu_ms() - t0) / 2;
    t0 = cpu_ms();
    type(&d, &l, "/item 9");
    f.search = (cpu_ms() - t0) / 7;
    type(&d, &l, "\033");
    dash_close(&d);
    pb_db_close(db);
    endwin();
    delscreen(screen);
    fclose(out);
    f.peak_mb = peak_mb();
    return f;
}

/* Runs what in a child. */
static pid_t spawn(int fd_out, void (*what)(const char *, int, int), const char *path, int n)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench_dash: fork");
        exit(1);
    }
    if (pid == 0) {
        what(path, n, fd_out);
        _exit(0);
    }
    return pid;
}

static void wait_for(pid_t pid, const char *what)
{
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_dash: %s failed\n", what);
        exit(1);
    }
}

static void child_generate(const char *path, int n, int fd)
{
    (void)fd;
    generate(path, n);
}

static void child_measure(const char *path, int n, int fd)
{
    (void)n;
    struct figures f = measure(path);
    if (write(fd, &f, sizeof f) != (ssize_t)sizeof f)
        _exit(1);
}

static void remove_db(const char *path)
{
    char side[4200];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

#define N_SIZES 3

int main(void)
{
    static const int sizes[N_SIZES] = {1000, 100000, 1000000};
    struct figures f[N_SIZES];
    char dir[] = "/tmp/pb-bench-dash-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    for (int i = 0; i < N_SIZES; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/panel-%d.db", dir, sizes[i]);
        double t0 = now_ms();
        wait_for(spawn(-1, child_generate, path, sizes[i]), "generate");
        fprintf(stderr, "generated %d actions in %.1f s\n", sizes[i], (now_ms() - t0) / 1e3);
        int fds[2];
        if (pipe(fds) != 0) {
            perror("bench_dash: pipe");
            return 1;
        }
        pid_t pid = spawn(fds[1], child_measure, path, sizes[i]);
        close(fds[1]);
        ssize_t got = read(fds[0], &f[i], sizeof f[i]);
        close(fds[0]);
        wait_for(pid, "measure");
        if (got != (ssize_t)sizeof f[i]) {
            fprintf(stderr, "bench_dash: no figures from the measure\n");
            return 1;
        }
        remove_db(path);
    }
    rmdir(dir);
    printf("dashboard in 200x50, CPU time      %10s %10s %10s %8s\n", "1,000", "100,000",
           "1,000,000", "1M/1k");
#define ROW(label, field, unit)                                                                    \
    printf("%-34s %7.3f %s %7.3f %s %7.3f %s %7.2fx\n", label, f[0].field, unit, f[1].field, unit, \
           f[2].field, unit, f[2].field / f[0].field)
    ROW("first full frame (themes)", first_frame, "ms");
    ROW("2: to the leads pane", leads_pane, "ms");
    ROW("3: to the actions pane", actions_pane, "ms");
    ROW("j: move a row", move, "ms");
    ROW("PgDn/PgUp: a screen", page, "ms");
    ROW("f: filter, and F: clear", filter, "ms");
    ROW("/: search, a key as typed", search, "ms");
    ROW("peak memory, first frame", first_peak_mb, "MB");
    ROW("peak memory, after the keys", peak_mb, "MB");
    return 0;
}
