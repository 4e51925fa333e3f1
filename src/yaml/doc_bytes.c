/*
 * Checks on a panel file's raw bytes, made before libyaml sees them: it
 * would transcode UTF-16, accept a raw NEL, and report a bad byte with an
 * offset or not at all. Also where a byte offset is as a line and column,
 * for these errors and for the ones libyaml gives as offsets.
 */
#include "doc_bytes.h"

#include <panelboard/base.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* The bytes being checked, and the file name and error their problems go to. */
struct bytes {
    const char *name;
    const unsigned char *data;
    size_t len;
    struct pb_error *err;
};

static size_t bom_length(const unsigned char *data, size_t len)
{
    return len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
}

/* Line breaks as libyaml counts them, so that positions found here agree
 * with the ones libyaml gives its events. */
static bool is_break(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* The 1-based line and column (in characters, as libyaml counts them) of a
 * byte offset, for errors that libyaml or the byte checks give as offsets. */
void doc_position_of(const unsigned char *data, size_t len, size_t offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    size_t i = bom_length(data, len);
    while (i < offset && i < len) {
        uint32_t cp = data[i];
        size_t n = pb_utf8_decode(data + i, len - i, &cp);
        if (cp == '\r' && i + 1 < len && data[i + 1] == '\n') {
            i++; /* CRLF is one break: the LF counts it */
            continue;
        }
        if (is_break(cp)) {
            ++*line;
            *column = 1;
        } else {
            ++*column;
        }
        i += n ? n : 1;
    }
}

static enum pb_status fail_at_offset(const struct bytes *b, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum pb_status fail_at_offset(const struct bytes *b, size_t offset, const char *fmt, ...)
{
    int line, column;
    doc_position_of(b->data, b->len, offset, &line, &column);
    char message[PB_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return pb_error_at(b->err, PB_ERR_DATA, b->name, line, column, "%s", message);
}

static enum pb_status check_character(const struct bytes *b, size_t i, size_t *width)
{
    const unsigned char *d = b->data;
    uint32_t cp;
    if (d[i] == 0)
        return fail_at_offset(b, i, "NUL byte in the file");
    *width = pb_utf8_decode(d + i, b->len - i, &cp);
    if (*width == 0)
        return fail_at_offset(b, i, "not UTF-8: invalid byte 0x%02X", d[i]);
    if (pb_utf8_control((const char *)d + i, *width, "\t\n\r", &cp))
        return fail_at_offset(b, i, "control character U+%04X in the file", (unsigned)cp);
    return PB_OK;
}

static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Neither printable ASCII nor a line feed: check_character must look. */
static bool needs_check(unsigned char c)
{
    return (unsigned char)(c - 0x20) > 0x7E - 0x20 && c != '\n';
}

/* Encoding, NUL and raw control characters, checked on the bytes before
 * libyaml sees them (it would transcode UTF-16, accept a raw NEL, and give
 * only byte offsets); whether there is anything but blanks and comments;
 * and where the last character that is not white space is. Once there is
 * content, printable ASCII (most of any file) takes the short way. */
static enum pb_status check_bytes(const struct bytes *b, size_t *content_end)
{
    const unsigned char *d = b->data;
    if (b->len >= 2 && ((d[0] == 0xFE && d[1] == 0xFF) || (d[0] == 0xFF && d[1] == 0xFE)))
        return fail_at_offset(b, 0, "not UTF-8: the file starts with a UTF-16 byte-order mark");
    const size_t start = bom_length(d, b->len);
    bool content = false, line_head = true, comment = false;
    size_t continuation = 0; /* bytes after the first of a character */
    size_t i = start;
    while (i < b->len && !content) {
        unsigned char c = d[i];
        size_t width = 1;
        if (needs_check(c)) {
            enum pb_status s = check_character(b, i, &width);
            if (s != PB_OK)
                return s;
            continuation += width - 1;
        }
        if (c == '\n' || c == '\r') {
            line_head = true;
            comment = false;
        } else if (c != ' ' && c != '\t') {
            if (line_head && c == '#')
                comment = true;
            else if (!comment)
                content = true;
            line_head = false;
        }
        i += width;
    }
    while (i < b->len) {
        if (!needs_check(d[i])) {
            i++;
            continue;
        }
        size_t width = 1;
        enum pb_status s = check_character(b, i, &width);
        if (s != PB_OK)
            return s;
        continuation += width - 1;
        i += width;
    }
    if (!content)
        return fail_at_offset(b, 0, "empty file: no panel document");
    /* Trailing white space is ASCII, one character a byte. */
    size_t end = b->len;
    while (end > start && is_blank(d[end - 1]))
        end--;
    *content_end = end - start - continuation;
    return PB_OK;
}

enum pb_status doc_check_bytes(const char *name, const unsigned char *data, size_t len,
                               size_t *content_end, struct pb_error *err)
{
    const struct bytes b = {.name = name, .data = data, .len = len, .err = err};
    return check_bytes(&b, content_end);
}
