/*
 * Memory for the tree that doc.c builds (doc_arena.c), freed only by
 * doc_free.
 *
 * Internal to src/yaml.
 */
#ifndef PB_YAML_DOC_ARENA_H
#define PB_YAML_DOC_ARENA_H

#include "doc.h"

#include <stddef.h>

/* size bytes aligned to align, a power of two. */
void *doc_arena_alloc(struct doc *d, size_t size, size_t align);

/* A NUL-terminated copy of s[0..len). */
char *doc_arena_text(struct doc *d, const unsigned char *s, size_t len);

#endif
