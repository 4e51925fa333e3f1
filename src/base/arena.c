/*
 * Arenas: memory for many small things that live exactly as long as one
 * job (a loaded YAML tree of millions of nodes, the values an import
 * checks) and go all at once, without a malloc and a free for each.
 */
#include <panelboard/base.h>

#include <stdlib.h>
#include <string.h>

struct pb_arena_block {
    struct pb_arena_block *next;
    size_t used, size;
    max_align_t data[];
};

#define FIRST_BLOCK ((size_t)16 * 1024)
#define MAX_BLOCK   ((size_t)1024 * 1024)

/* Blocks double up to MAX_BLOCK, so a small job costs little and a big one
 * few mallocs; a request too big for a block gets its own, put behind the
 * current block so that the rest of that is not wasted. Blocks come from
 * calloc and nothing is handed out twice, so all memory is zeroed (the
 * importer counts on it) at the price of one memset per block, or none
 * where calloc gets fresh pages from the kernel. */
void *pb_arena_alloc(struct pb_arena *a, size_t size, size_t align)
{
    struct pb_arena_block *b = a->head;
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
    struct pb_arena_block *nb = pb_xcalloc(1, sizeof *nb + cap);
    nb->size = cap;
    nb->used = size;
    if (own && b) {
        nb->next = b->next;
        b->next = nb;
    } else {
        nb->next = b;
        a->head = nb;
    }
    return nb->data;
}

char *pb_arena_strndup(struct pb_arena *a, const char *s, size_t n)
{
    char *copy = pb_arena_alloc(a, n + 1, 1);
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

void pb_arena_free(struct pb_arena *a)
{
    while (a->head) {
        struct pb_arena_block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}
