/*
 * Errors as values. Every layer returns an enum pb_status and, on failure,
 * fills a struct pb_error with where it happened and what went wrong. Only
 * main() turns a status into an exit code (pb_status_exit_code).
 */
#ifndef PANELBOARD_ERROR_H
#define PANELBOARD_ERROR_H

#include <stdarg.h>
#include <stddef.h>

enum pb_status {
    PB_OK = 0,
    PB_ERR_USAGE,      /* wrong command line */
    PB_ERR_DATA,       /* bad input data: a panel file, an id, a value */
    PB_ERR_NOT_FOUND,  /* a row named by id does not exist (bad input data) */
    PB_ERR_CONFLICT,   /* the row changed since the caller read it */
    PB_ERR_NO_INPUT,   /* an input file cannot be read */
    PB_ERR_TOO_NEW,    /* the database was written by a newer program */
    PB_ERR_INTERNAL,   /* a bug or an impossible state */
    PB_ERR_CANT_CREATE,/* the database (or its folder) cannot be created */
    PB_ERR_IO,         /* reading or writing failed */
    PB_ERR_BUSY,       /* another writer held the database past the timeout */
};

#define PB_ERROR_MESSAGE_MAX 512
#define PB_ERROR_FILE_MAX 4096 /* PATH_MAX: an editor must be able to jump to it */

/* line and column are 1-based; 0 means "not known" and is not printed. */
struct pb_error {
    enum pb_status status;
    char file[PB_ERROR_FILE_MAX];
    int line;
    int column;
    char message[PB_ERROR_MESSAGE_MAX];
};

/* Fill err (may be NULL) and return status, so callers can write
 * `return pb_error_set(err, PB_ERR_DATA, "no member '%s'", id);` */
enum pb_status pb_error_set(struct pb_error *err, enum pb_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
enum pb_status pb_error_setv(struct pb_error *err, enum pb_status status, const char *fmt,
                             va_list ap);
/* As pb_error_set, with a place in an input file. */
enum pb_status pb_error_at(struct pb_error *err, enum pb_status status, const char *file, int line,
                           int column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void pb_error_clear(struct pb_error *err);

/* One line, no newline: "FILE:LINE:COLUMN: error: MESSAGE" when the error
 * has a place, else "panelboard: MESSAGE". */
void pb_error_format(const struct pb_error *err, char *buf, size_t size);

/* The sysexits.h status for a status (cli.md: 64 usage, 65 data ...). */
int pb_status_exit_code(enum pb_status status);

#endif
