/*
 * Allocation that never returns NULL: running out of memory is reported in
 * one place, and the program ends with status 70 (EX_SOFTWARE).
 */
#include <panelboard/base.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "panelboard: out of memory (asked for %zu bytes)\n", size);
    exit(70);
}

void *pb_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *pb_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory(n * size);
    return p;
}

void *pb_xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        out_of_memory(size);
    return q;
}

char *pb_xstrndup(const char *s, size_t n)
{
    char *p = pb_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *pb_xstrdup(const char *s)
{
    return pb_xstrndup(s, strlen(s));
}

char *pb_xasprintf(const char *fmt, ...)
{
    struct pb_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    pb_buf_addfv(&b, fmt, ap);
    va_end(ap);
    return pb_buf_take(&b);
}
