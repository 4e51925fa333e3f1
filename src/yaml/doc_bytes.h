/*
 * The checks doc.c makes on a file's raw bytes before libyaml reads them
 * (doc_bytes.c), and the positions of byte offsets.
 *
 * Internal to src/yaml.
 */
#ifndef PB_YAML_DOC_BYTES_H
#define PB_YAML_DOC_BYTES_H

#include <panelboard/error.h>

#include <stddef.h>

/* Encoding, NUL bytes, raw control characters, and whether there is
 * anything but blanks and comments; the first problem goes to err as
 * PB_ERR_DATA in the file name. On success, *content_end is the number of
 * characters (as libyaml counts them) up to the last one that is not white
 * space. */
enum pb_status doc_check_bytes(const char *name, const unsigned char *data, size_t len,
                               size_t *content_end, struct pb_error *err);

/* The 1-based line and column (in characters, as libyaml counts them) of
 * byte offset in data[0..len). */
void doc_position_of(const unsigned char *data, size_t len, size_t offset, int *line, int *column);

#endif
