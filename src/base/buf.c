/* A growable, always NUL-terminated string for building output and SQL. */
#include <panelboard/base.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(struct pb_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = pb_xrealloc(b->data, cap);
    b->cap = cap;
}

void pb_buf_add(struct pb_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void pb_buf_puts(struct pb_buf *b, const char *s)
{
    pb_buf_add(b, s, strlen(s));
}

void pb_buf_addfv(struct pb_buf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    char probe[1]; /* measures the length (gcc warns on a NULL buffer) */
    int n = vsnprintf(probe, sizeof probe, fmt, ap);
    if (n > 0) {
        reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void pb_buf_addf(struct pb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pb_buf_addfv(b, fmt, ap);
    va_end(ap);
}

void pb_buf_free(struct pb_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *pb_buf_take(struct pb_buf *b)
{
    char *s = b->data ? b->data : pb_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

enum pb_status pb_buf_write(const struct pb_buf *b, FILE *out, struct pb_error *err)
{
    errno = 0;
    bool ok = b->len == 0 || fwrite(b->data, 1, b->len, out) == b->len;
    ok = fflush(out) == 0 && ok && !ferror(out);
    if (ok)
        return PB_OK;
    return pb_error_set(err, PB_ERR_IO, "cannot write the export: %s",
                        errno ? strerror(errno) : "write error");
}
