/*
 * The one way text leaves for a terminal or a report (base.h, pb_visible):
 * what a terminal would obey rather than show — C0 controls, DEL, the C1
 * controls U+0080..U+009F (U+009B is a CSI on its own) and bytes that are
 * not UTF-8 — is written as a visible escape, so that a stored ESC ] 52 or
 * ESC [ 2 J is read as text by whoever reads the history, an export or an
 * error message, and never runs.
 */
#include <panelboard/base.h>

#include <string.h>

static void add_escape(struct pb_buf *out, const char *s, size_t len, unsigned flags)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            size_t run = i + 1;
            while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F &&
                   !((flags & PB_VISIBLE_TSV) && s[run] == '\\'))
                run++;
            if ((flags & PB_VISIBLE_TSV) && c == '\\') {
                pb_buf_puts(out, "\\\\");
                i++;
                continue;
            }
            pb_buf_add(out, s + i, run - i);
            i = run;
            continue;
        }
        /* a CSV's line ends: a lone carriage return could overwrite a line */
        if (c == '\r' && (flags & PB_VISIBLE_LINES) && i + 1 < len && s[i + 1] == '\n') {
            pb_buf_add(out, "\r\n", 2);
            i += 2;
            continue;
        }
        if (c == '\n' || c == '\t') {
            if (flags & PB_VISIBLE_LINES)
                pb_buf_add(out, s + i, 1);
            else if (flags & PB_VISIBLE_TSV)
                pb_buf_puts(out, c == '\n' ? "\\n" : "\\t");
            else if (flags & PB_VISIBLE_SPACES)
                pb_buf_add(out, " ", 1);
            else
                pb_buf_addf(out, "\\x%02x", c);
            i++;
            continue;
        }
        if (c < 0x80) {
            pb_buf_addf(out, "\\x%02x", c);
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = pb_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0) {
            pb_buf_addf(out, "\\x%02x", c);
            i++;
        } else if (cp < 0xA0) {
            pb_buf_addf(out, "\\u%04x", (unsigned)cp);
            i += n;
        } else {
            pb_buf_add(out, s + i, n);
            i += n;
        }
    }
}

void pb_visible(struct pb_buf *out, const char *s, size_t len, unsigned flags)
{
    pb_buf_add(out, "", 0);
    if (s)
        add_escape(out, s, len, flags);
}

char *pb_visible_dup(const char *s, unsigned flags)
{
    struct pb_buf b = {0};
    pb_visible(&b, s, s ? strlen(s) : 0, flags);
    return pb_buf_take(&b);
}

int pb_visible_put(FILE *out, const char *s, unsigned flags)
{
    if (!s)
        return 0;
    struct pb_buf b = {0};
    pb_visible(&b, s, strlen(s), flags);
    int rc = b.len && fwrite(b.data, 1, b.len, out) != b.len ? EOF : 0;
    pb_buf_free(&b);
    return rc;
}

bool pb_visible_clean(const char *s, size_t len, bool lines)
{
    if (!pb_utf8_valid(s, len))
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (lines && (c == '\n' || c == '\t'))
            continue;
        if (c < 0x20 || c == 0x7F || (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] < 0xA0))
            return false;
    }
    return true;
}
