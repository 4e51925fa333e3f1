/*
 * The arena a loaded tree lives in: every node, text and array of a struct
 * doc comes from its blocks, and doc_free frees them all at once, because a
 * big file has millions of nodes.
 */
#include "doc_arena.h"

#include <panelboard/base.h>

#include <stdlib.h>
#include <string.h>

struct doc_block {
    struct doc_block *next;
    size_t used, size;
    max_align_t data[];
};

_Static_assert(sizeof(struct doc_node) <= 56, "doc.h: keep struct doc_node small");

#define FIRST_BLOCK ((size_t)16 * 1024)
#define MAX_BLOCK   ((size_t)1024 * 1024)

/* Memory for the tree, aligned to align (a power of two), freed only by
 * doc_free. Blocks double up to MAX_BLOCK, so a small file costs little and
 * a big one few mallocs; a request too big for a block gets its own, put
 * behind the current block so that the rest of that is not wasted. */
void *doc_arena_alloc(struct doc *d, size_t size, size_t align)
{
    struct doc_block *b = d->blocks;
    if (b) {
        size_t at = (b->used + align - 1) & ~(align - 1);
        if (at <= b->size && size <= b->size - at) {
            b->used = at + size;
            return (char *)b->data + at;
        }
    }
    size_t cap = b ? (b->size < MAX_BLOCK ? b->size * 2 : MAX_BLOCK) : FIRST_BLOCK;
    bool own = size > cap / 4;
    if (own)
        cap = size;
    struct doc_block *nb = pb_xmalloc(sizeof *nb + cap);
    nb->size = cap;
    nb->used = size;
    if (own && b) {
        nb->next = b->next;
        b->next = nb;
    } else {
        nb->next = b;
        d->blocks = nb;
    }
    return nb->data;
}

char *doc_arena_text(struct doc *d, const unsigned char *s, size_t len)
{
    char *copy = doc_arena_alloc(d, len + 1, 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

void doc_free(struct doc *d)
{
    while (d->blocks) {
        struct doc_block *next = d->blocks->next;
        free(d->blocks);
        d->blocks = next;
    }
    d->root = NULL;
}
