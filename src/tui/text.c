/*
 * Text onto the screen by character cells: UTF-8 decoded to wide
 * characters, measured with wcwidth, truncated on a cell boundary with an
 * ellipsis, combining marks kept with their base. Nothing from the
 * database reaches the terminal raw: a control character (C0, DEL, C1) or
 * anything wcwidth calls unprintable is drawn as a visible '?', and in a
 * locale that is not UTF-8 so is everything beyond ASCII.
 */
#include "tui_internal.h"

#include <string.h>
#include <wchar.h>

/* The next character of s as it will be drawn: its code point (after
 * replacement), its width in cells, and how many bytes it took. */
static size_t next_char(const char *s, size_t left, wchar_t *out, int *width)
{
    uint32_t cp;
    size_t n = pb_utf8_decode((const unsigned char *)s, left, &cp);
    if (n == 0) {
        n = 1;
        cp = '?';
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        cp = '?';
    if (!tui.utf8 && cp > 0x7E)
        cp = '?';
    int w = wcwidth((wchar_t)cp);
    if (w < 0) {
        cp = '?';
        w = 1;
    }
    *out = (wchar_t)cp;
    *width = w;
    return n;
}

int tui_text_width(const char *s)
{
    if (!s)
        return 0;
    int total = 0;
    size_t left = strlen(s);
    while (left) {
        wchar_t wc;
        int w;
        size_t n = next_char(s, left, &wc, &w);
        total += w;
        s += n;
        left -= n;
    }
    return total;
}

static void put_cluster(WINDOW *win, const wchar_t *wcs, size_t n, attr_t attr, short pair)
{
    cchar_t cc;
    wchar_t buf[CCHARW_MAX + 1];
    size_t k = n < CCHARW_MAX ? n : CCHARW_MAX;
    memcpy(buf, wcs, k * sizeof *buf);
    buf[k] = L'\0';
    setcchar(&cc, buf, attr, pair, NULL);
    wadd_wch(win, &cc);
}

int tui_put(WINDOW *win, int y, int x, const char *s, int width, attr_t attr, short pair,
            bool pad)
{
    if (width <= 0)
        return 0;
    wmove(win, y, x);
    int used = 0;
    if (s) {
        bool cut = tui_text_width(s) > width;
        int room = cut ? width - 1 : width;
        size_t left = strlen(s);
        wchar_t cluster[CCHARW_MAX];
        size_t in_cluster = 0;
        int cluster_w = 0;
        while (left) {
            wchar_t wc;
            int w;
            size_t n = next_char(s, left, &wc, &w);
            if (w == 0 && in_cluster > 0) {
                if (in_cluster < CCHARW_MAX)
                    cluster[in_cluster++] = wc;
            } else if (w > 0) {
                if (in_cluster)
                    put_cluster(win, cluster, in_cluster, attr, pair);
                in_cluster = 0;
                if (used + w > room)
                    break;
                cluster[in_cluster++] = wc;
                cluster_w = w;
                used += cluster_w;
            }
            s += n;
            left -= n;
        }
        if (in_cluster)
            put_cluster(win, cluster, in_cluster, attr, pair);
        if (cut) {
            /* a wide character that did not fit leaves a cell to pad */
            while (used < width - 1) {
                put_cluster(win, L" ", 1, attr, pair);
                used++;
            }
            put_cluster(win, tui.utf8 ? L"…" : L"~", 1, attr, pair);
            used++;
        }
    }
    if (pad)
        for (; used < width; used++)
            put_cluster(win, L" ", 1, attr, pair);
    return used;
}

size_t tui_wrap(const char *s, int width, size_t *line_end)
{
    /* the longest start of s that fits width cells, broken after a space
     * when one is there; never less than one character */
    size_t left = strlen(s), i = 0, last_space = 0;
    int used = 0;
    while (i < left) {
        if (s[i] == '\n')
            return *line_end = i, i + 1;
        wchar_t wc;
        int w;
        size_t n = next_char(s + i, left - i, &wc, &w);
        if (used + w > width && i > 0) {
            if (last_space) {
                *line_end = last_space;
                return last_space + 1;
            }
            *line_end = i;
            return i;
        }
        used += w;
        if (s[i] == ' ')
            last_space = i;
        i += n;
    }
    *line_end = left;
    return left;
}
