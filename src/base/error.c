/*
 * Errors as values: filling struct pb_error, formatting it as the one line
 * a user sees, and the mapping from a status to a sysexits.h exit code.
 */
#include <panelboard/error.h>

#include <stdio.h>
#include <string.h>

enum pb_status pb_error_setv(struct pb_error *err, enum pb_status status, const char *fmt,
                             va_list ap)
{
    if (err) {
        err->status = status;
        err->file[0] = '\0';
        err->line = 0;
        err->column = 0;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
    }
    return status;
}

enum pb_status pb_error_set(struct pb_error *err, enum pb_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pb_error_setv(err, status, fmt, ap);
    va_end(ap);
    return status;
}

enum pb_status pb_error_at(struct pb_error *err, enum pb_status status, const char *file, int line,
                           int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pb_error_setv(err, status, fmt, ap);
    va_end(ap);
    if (err) {
        snprintf(err->file, sizeof err->file, "%s", file ? file : "");
        err->line = line;
        err->column = column;
    }
    return status;
}

void pb_error_clear(struct pb_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

void pb_error_format(const struct pb_error *err, char *buf, size_t size)
{
    if (err->file[0] && err->line > 0)
        snprintf(buf, size, "%s:%d:%d: error: %s", err->file, err->line,
                 err->column > 0 ? err->column : 1, err->message);
    else if (err->file[0])
        snprintf(buf, size, "panelboard: %s: %s", err->file, err->message);
    else
        snprintf(buf, size, "panelboard: %s", err->message);
}

int pb_status_exit_code(enum pb_status status)
{
    switch (status) {
    case PB_OK:
        return 0;
    case PB_ERR_USAGE:
        return 64;
    case PB_ERR_DATA:
    case PB_ERR_NOT_FOUND:
        return 65;
    case PB_ERR_NO_INPUT:
        return 66;
    case PB_ERR_TOO_NEW:
        return 69;
    case PB_ERR_INTERNAL:
        return 70;
    case PB_ERR_CANT_CREATE:
        return 73;
    case PB_ERR_IO:
        return 74;
    case PB_ERR_BUSY:
    case PB_ERR_CONFLICT: /* someone else saved first: try again, like a busy database */
        return 75;
    }
    return 70;
}
