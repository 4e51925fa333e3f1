/*
 * Loading a panel file from disk: the whole file read into memory, refused
 * once it is over the size limit, then loaded as a buffer (doc.c).
 */
#include "doc.h"

#include <panelboard/base.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static enum pb_status cannot_read(const char *path, int error, struct pb_error *err)
{
    return pb_error_at(err, PB_ERR_NO_INPUT, path, 0, 0, "cannot read the file: %s",
                       strerror(error));
}

/* The whole file, refusing one over the limit before reading it where its
 * size is known, and after one byte too many where it is not (a pipe). */
enum pb_status doc_read_file(const char *path, unsigned char **data, size_t *len, bool *regular,
                             struct pb_error *err)
{
    const size_t limit = DOC_MAX_FILE_SIZE + 1;
    FILE *f = fopen(path, "rb");
    if (!f)
        return cannot_read(path, errno, err);
    struct stat st;
    size_t cap = 65536;
    *regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    if (*regular) {
        if ((uintmax_t)st.st_size > DOC_MAX_FILE_SIZE) {
            fclose(f);
            return pb_error_at(err, PB_ERR_DATA, path, 0, 0, "file is larger than 64 MiB");
        }
        cap = (size_t)st.st_size + 1; /* + 1: the read that finds the end */
    }
    unsigned char *buf = pb_xmalloc(cap);
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            if (cap == limit)
                break;
            cap = cap > limit / 2 ? limit : cap * 2;
            buf = pb_xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int error = ferror(f) ? errno : 0;
    fclose(f);
    if (error || n > DOC_MAX_FILE_SIZE) {
        free(buf);
        if (error)
            return cannot_read(path, error, err);
        return pb_error_at(err, PB_ERR_DATA, path, 0, 0, "file is larger than 64 MiB");
    }
    *data = buf;
    *len = n;
    return PB_OK;
}

enum pb_status doc_load_file(const char *path, struct doc *out, struct pb_error *err)
{
    unsigned char *data = NULL;
    size_t len = 0;
    bool regular;
    memset(out, 0, sizeof *out);
    enum pb_status s = doc_read_file(path, &data, &len, &regular, err);
    if (s != PB_OK)
        return s;
    s = doc_load_buffer(path, data, len, out, err);
    free(data);
    return s;
}
