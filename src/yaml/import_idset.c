/*
 * Sets of ids for the import: open addressing with FNV-1a, growing at half
 * full. The keys are owned by the documents or the import's arena.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash_text(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static struct id_entry *id_slot(const struct id_set *set, const char *key, uint32_t h)
{
    size_t mask = set->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct id_entry *e = &set->slots[i];
        if (!e->key || (e->hash == h && strcmp(e->key, key) == 0))
            return e;
    }
}

struct id_entry *id_find(const struct id_set *set, const char *key)
{
    if (set->cap == 0)
        return NULL;
    struct id_entry *e = id_slot(set, key, hash_text(key));
    return e->key ? e : NULL;
}

/* Grows at half full, so probes stay short. */
static void id_grow(struct id_set *set)
{
    struct id_set bigger = {.cap = set->cap ? set->cap * 2 : 64, .count = set->count};
    bigger.slots = pb_xcalloc(bigger.cap, sizeof *bigger.slots);
    for (size_t i = 0; i < set->cap; i++)
        if (set->slots[i].key)
            *id_slot(&bigger, set->slots[i].key, set->slots[i].hash) = set->slots[i];
    free(set->slots);
    *set = bigger;
}

/* The entry for key, added (zeroed) when missing. Pointers to entries last
 * only until the next id_add on the same set. */
struct id_entry *id_add(struct id_set *set, const char *key, bool *added)
{
    if (2 * (set->count + 1) > set->cap)
        id_grow(set);
    uint32_t h = hash_text(key);
    struct id_entry *e = id_slot(set, key, h);
    *added = !e->key;
    if (*added) {
        memset(e, 0, sizeof *e);
        e->key = key;
        e->hash = h;
        set->count++;
    }
    return e;
}

void id_set_free(struct id_set *set)
{
    free(set->slots);
    memset(set, 0, sizeof *set);
}
