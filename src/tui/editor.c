/*
 * Long text in $VISUAL or $EDITOR, as git and mutt do it: the text in a
 * temporary file, curses put aside while the editor has the terminal, and
 * what the editor saved read back when it exits well. The file is removed
 * whatever happens.
 */
#include "tui_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* What we read back at most: the field limits are far below it. */
#define EDIT_MAX (1 << 20)

static const char *editor(void)
{
    const char *e = getenv("VISUAL");
    if (!e || !*e)
        e = getenv("EDITOR");
    return e && *e ? e : "vi";
}

static bool write_all(int fd, const char *text)
{
    size_t left = strlen(text);
    while (left) {
        ssize_t n = write(fd, text, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        text += n;
        left -= (size_t)n;
    }
    return write(fd, "\n", 1) == 1;
}

/* Runs the editor on path with the terminal handed over; true when it
 * exited with status 0. The editor is run by the shell, so that EDITOR
 * may carry options ("emacs -nw"), with the path as "$1", never spliced
 * into the command. */
static bool run_editor(const char *path)
{
    def_prog_mode();
    endwin();
    bool ok = false;
    pid_t pid = fork();
    if (pid == 0) {
        char *cmd = pb_xasprintf("%s \"$1\"", editor());
        execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
        _exit(127);
    }
    if (pid > 0) {
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    reset_prog_mode();
    clearok(curscr, TRUE);
    refresh();
    return ok;
}

static char *read_back(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    struct pb_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < EDIT_MAX)
        pb_buf_add(&b, chunk, n);
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad) {
        pb_buf_free(&b);
        return NULL;
    }
    char *text = pb_buf_take(&b);
    size_t len = strlen(text);
    while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
        text[--len] = '\0';
    return text;
}

char *tui_edit_text(const char *text)
{
    const char *dir = getenv("TMPDIR");
    char *path = pb_xasprintf("%s/panelboard-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return NULL;
    }
    bool written = write_all(fd, text);
    close(fd);
    char *out = written && run_editor(path) ? read_back(path) : NULL;
    unlink(path);
    free(path);
    return out;
}
