/*
 * Benchmark of the dashboard inside the program: the first full frame in a
 * 200x50 terminal, and a keystroke from key to redraw (move, page, switch
 * to the actions, filter, search), on generated panels of 1,000 and
 * 100,000 actions. Curses draws to /dev/null, so what is timed is our
 * work and curses' own, not a terminal's. Prints each figure and the ratio
 * of the large panel to the small: a dashboard that reads only what it
 * shows costs about the same on both.
 */
#include "tui_internal.h"

#include <panelboard/action.h>
#include <panelboard/panelfile.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MEMBERS 40
#define THEMES 12

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void check(enum pb_status s, const struct pb_error *err, const char *what)
{
    if (s != PB_OK) {
        fprintf(stderr, "bench_dash: %s: %s\n", what, err->message);
        exit(1);
    }
}

/* A panel of MEMBERS members, THEMES themes and n actions over them: owners,
 * themes, statuses and two years of due dates, deterministic. */
static void generate(const char *path, int n)
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
    check(pb_change_begin(db, "generate", &err), &err, "begin");
    pb_day start;
    pb_date_parse("2022-01-01", &start);
    unsigned seed = 1;
    for (int i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        char owner[8], theme[8], title[64];
        snprintf(owner, sizeof owner, "m%02u", (seed >> 8) % MEMBERS);
        snprintf(theme, sizeof theme, "t%02u", (seed >> 12) % THEMES);
        snprintf(title, sizeof title, "Generated action %d about item %u", i, seed % 977);
        const char *owners[] = {owner};
        struct pb_action_new a = {.title = title, .owners = owners, .n_owners = 1,
                                  .theme = theme, .has_due = (seed >> 4) % 8 != 0,
                                  .due = start + (pb_day)((seed >> 16) % 730)};
        int64_t id;
        check(pb_action_add(db, &a, &id, &err), &err, "add");
        if ((seed >> 20) % 3 == 0)
            check(pb_action_set_status(db, id, (seed >> 22) % 4 ? "done" : "in-progress", NULL,
                                       -1, &err),
                  &err, "status");
    }
    check(pb_change_end(db, PB_OK, &err), &err, "end");
    pb_db_close(db);
}

struct figures {
    double first_frame, actions_pane, move, page, filter, search;
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
    double t0 = now_ms();
    for (int i = 0; i < times; i++) {
        for (const int *k = keys; *k; k++) {
            if (dash_key(d, *k))
                frame(d, l);
        }
    }
    size_t n = 0;
    while (keys[n])
        n++;
    return (now_ms() - t0) / (double)(times * (int)n);
}

static void type(struct dash *d, const struct tui_layout *l, const char *s)
{
    for (; *s; s++)
        if (dash_key(d, (unsigned char)*s))
            frame(d, l);
}

static struct figures measure(const char *path)
{
    struct figures f = {0};
    struct pb_db *db = NULL;
    struct pb_error err = {0};
    struct pb_db_options opt = {.path = path, .must_exist = true};
    double t0 = now_ms();
    check(pb_db_open(&opt, &db, &err), &err, "open");
    struct dash d;
    struct dash_options dopt = {.as = "m01"};
    check(dash_open(&d, db, &dopt, time(NULL), &err), &err, "dash_open");
    struct tui_layout l;
    tui_layout(&l, LINES, COLS);
    dash_resize(&d, (size_t)(l.list_h - 1));
    frame(&d, &l);
    f.first_frame = now_ms() - t0;

    t0 = now_ms();
    if (dash_key(&d, '3'))
        frame(&d, &l);
    f.actions_pane = now_ms() - t0;
    f.move = keystroke(&d, &l, (const int[]){'j', 0}, 2000);
    f.page = keystroke(&d, &l, (const int[]){DASH_KEY_PGDN, DASH_KEY_PGDN, DASH_KEY_PGUP, 0}, 100);
    t0 = now_ms();
    type(&d, &l, "f#t03 status:open\r");
    type(&d, &l, "F");
    f.filter = (now_ms() - t0) / 2;
    t0 = now_ms();
    type(&d, &l, "/item 9");
    f.search = (now_ms() - t0) / 7;
    type(&d, &l, "\033");
    dash_close(&d);
    pb_db_close(db);
    return f;
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

int main(void)
{
    static const int sizes[] = {1000, 100000};
    struct figures f[2];
    char dir[] = "/tmp/pb-bench-dash-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    setenv("TERM", "xterm-256color", 1);
    setenv("LINES", "50", 1);
    setenv("COLUMNS", "200", 1);
    FILE *out = fopen("/dev/null", "w");
    SCREEN *screen = newterm(NULL, out, stdin);
    if (!screen) {
        fprintf(stderr, "bench_dash: no terminal description for xterm-256color\n");
        return 1;
    }
    set_term(screen);
    for (int i = 0; i < 2; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/panel-%d.db", dir, sizes[i]);
        double t0 = now_ms();
        generate(path, sizes[i]);
        fprintf(stderr, "generated %d actions in %.1f s\n", sizes[i], (now_ms() - t0) / 1e3);
        f[i] = measure(path);
        remove_db(path);
    }
    endwin();
    delscreen(screen);
    fclose(out);
    rmdir(dir);
    printf("dashboard in a 200x50 terminal     %10s %10s %8s\n", "1,000", "100,000", "ratio");
#define ROW(label, field)                                                                          \
    printf("%-34s %8.3f ms %7.3f ms %7.2fx\n", label, f[0].field, f[1].field,                      \
           f[1].field / f[0].field)
    ROW("first full frame (themes)", first_frame);
    ROW("3: to the actions pane", actions_pane);
    ROW("j: move a row", move);
    ROW("PgDn/PgUp: a screen", page);
    ROW("f: filter, and F: clear", filter);
    ROW("/: search, a key as typed", search);
    return 0;
}
