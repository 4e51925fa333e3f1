/*
 * The problems an import finds: each kept with its file, line and column
 * until the report is full, values quoted back short and on one line, and
 * at the end all of them handed over in file order.
 */
#include "import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Stop checking once the report is full or the database has failed. */
bool import_done_checking(const struct import *im)
{
    return im->n_errors == PB_IMPORT_MAX_ERRORS || im->failure != PB_OK;
}

void import_add_error(struct import *im, size_t file, const struct pb_error *e)
{
    if (im->n_errors == PB_IMPORT_MAX_ERRORS)
        return;
    struct found *f = &im->errors[im->n_errors];
    f->error = *e;
    f->file = file;
    f->seq = im->n_errors++;
}

void import_report(struct import *im, size_t file, const struct doc_node *at, const char *fmt, ...)
{
    struct pb_error e;
    va_list ap;
    va_start(ap, fmt);
    pb_error_setv(&e, PB_ERR_DATA, fmt, ap);
    va_end(ap);
    snprintf(e.file, sizeof e.file, "%s", im->names[file]);
    e.line = at->line;
    e.column = at->column;
    import_add_error(im, file, &e);
}

void import_db_failed(struct import *im, enum pb_status status)
{
    if (im->failure == PB_OK)
        im->failure = status;
}

/* A value quoted back in a message: one line, and short. */
const char *import_shown(const char *s, char buf[SHOWN_MAX + 4])
{
    size_t n = 0;
    for (; s[n] && n < SHOWN_MAX; n++)
        buf[n] = s[n] == '\n' || s[n] == '\t' ? ' ' : s[n];
    if (s[n]) {
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* do not cut a character in half */
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
    return buf;
}

/* "at line 12", or "at other.yaml:12" for a place in another file. */
const char *import_place_of(const struct import *im, size_t here, size_t file, int line,
                            char *buf, size_t size)
{
    if (file == here)
        snprintf(buf, size, "at line %d", line);
    else
        snprintf(buf, size, "at %s:%d", im->names[file], line);
    return buf;
}

static int by_place(const void *a, const void *b)
{
    const struct found *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->error.line != y->error.line)
        return x->error.line < y->error.line ? -1 : 1;
    if (x->error.column != y->error.column)
        return x->error.column < y->error.column ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Every problem found, in file order, through on_error; err gets the first. */
enum pb_status import_report_errors(struct import *im, pb_import_error_fn on_error, void *ctx,
                                    struct pb_error *err)
{
    qsort(im->errors, im->n_errors, sizeof im->errors[0], by_place);
    for (size_t i = 0; i < im->n_errors; i++)
        if (on_error)
            on_error(&im->errors[i].error, ctx);
    if (err)
        *err = im->errors[0].error;
    return PB_ERR_DATA;
}
