/*
 * The terminal: refusing one that cannot move the cursor, curses set up
 * for a dashboard (raw keys, a short Esc delay, colours only where they
 * exist and NO_COLOR is unset), and the terminal given back as it was on
 * every way out: q, Ctrl-C, SIGTERM or SIGHUP, Ctrl-Z (and back on fg),
 * and a crash signal, whose handler restores the saved terminal modes
 * with async-signal-safe calls before the default action runs.
 */
#include "tui_internal.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

struct tui_state tui;

static volatile sig_atomic_t stopping;
static struct termios saved_modes;
static bool have_saved_modes;
static SCREEN *screen;
/* What puts the terminal back (leave the alternate screen, show the
 * cursor, plain attributes), ready for the crash handler to write. */
static char restore_seq[256];
static size_t restore_len;

static void on_stop_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static void on_crash_signal(int sig)
{
    if (restore_len)
        (void)!write(STDOUT_FILENO, restore_seq, restore_len);
    if (have_saved_modes)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
    signal(sig, SIG_DFL);
    raise(sig);
}

bool tui_term_stopping(void)
{
    return stopping != 0;
}

static void add_restore(const char *cap)
{
    const char *s = tigetstr(cap);
    if (!s || s == (char *)-1)
        return;
    size_t n = strlen(s);
    if (restore_len + n < sizeof restore_seq) {
        memcpy(restore_seq + restore_len, s, n);
        restore_len += n;
    }
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = on_crash_signal;
    sa.sa_flags = SA_RESETHAND;
    static const int crashes[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    for (size_t i = 0; i < sizeof crashes / sizeof crashes[0]; i++)
        sigaction(crashes[i], &sa, NULL);
}

static void start_colours(void)
{
    const char *no_colour = getenv("NO_COLOR");
    tui.colour = has_colors() && !(no_colour && *no_colour);
    if (!tui.colour)
        return;
    start_color();
    use_default_colors();
    init_pair(PAIR_OVERDUE, COLOR_RED, -1);
    init_pair(PAIR_WARN, COLOR_YELLOW, -1);
    init_pair(PAIR_GOOD, COLOR_GREEN, -1);
    init_pair(PAIR_HEADER, COLOR_WHITE, COLOR_BLUE);
    init_pair(PAIR_TAB, COLOR_BLACK, COLOR_CYAN);
}

enum pb_status tui_term_start(struct pb_error *err)
{
    /* only the character type: numbers and dates stay as the program writes them */
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    tui.utf8 = codeset && strcmp(codeset, "UTF-8") == 0;
    const char *term = getenv("TERM");
    if (!term || !*term || strcmp(term, "dumb") == 0)
        return pb_error_set(err, PB_ERR_USAGE,
                            "the dashboard needs a terminal that can move its cursor (TERM is "
                            "'%s'); use the commands instead (see panelboard --help)",
                            term ? term : "");
    have_saved_modes = tcgetattr(STDIN_FILENO, &saved_modes) == 0;
    screen = newterm(NULL, stdout, stdin);
    if (!screen)
        return pb_error_set(err, PB_ERR_USAGE,
                            "cannot use terminal type '%s' (is it in terminfo?)", term);
    set_term(screen);
    const char *cup = tigetstr("cup");
    if (!cup || cup == (char *)-1) {
        tui_term_stop();
        return pb_error_set(err, PB_ERR_USAGE,
                            "the dashboard needs a terminal that can move its cursor ('%s' "
                            "cannot); use the commands instead",
                            term);
    }
    add_restore("rmcup");
    add_restore("cnorm");
    add_restore("sgr0");
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    wtimeout(stdscr, 250);
    start_colours();
    catch_signals();
    return PB_OK;
}

void tui_term_stop(void)
{
    if (!screen)
        return;
    curs_set(1);
    endwin();
    delscreen(screen);
    screen = NULL;
    if (have_saved_modes)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}

void tui_term_suspend(void)
{
    def_prog_mode();
    endwin();
    if (have_saved_modes)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
    /* stop as the shell expects; SIGCONT brings us back here */
    signal(SIGTSTP, SIG_DFL);
    kill(0, SIGTSTP);
    reset_prog_mode();
    refresh();
}
