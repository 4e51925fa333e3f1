/*
 * A string-keyed hash table (strmap.c), for the loader's anchors and the
 * keys of one mapping, and the importer's ids. Point seed at the two words
 * of a hash key (strmap_seed) before the first lookup; the caller frees
 * slots, and whatever the keys and values point to.
 *
 * Internal to src/yaml.
 */
#ifndef PB_YAML_STRMAP_H
#define PB_YAML_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct str_slot {
    uint64_t hash;
    const char *key; /* NULL: the slot is free; the text is owned elsewhere */
    size_t len;
    void *value;
};

struct str_map {
    struct str_slot *slots;
    size_t cap; /* a power of two, or 0 until the first lookup */
    size_t count;
    const uint64_t *seed;
};

/* A random hash key, or a fixed one where the kernel gives no randomness. */
void strmap_seed(uint64_t seed[2]);
uint64_t strmap_hash(const struct str_map *m, const char *key, size_t len);
/* The slot holding key, or the free slot where it would go. */
struct str_slot *strmap_find(struct str_map *m, uint64_t hash, const char *key, size_t len);
/* Fill a free slot that strmap_find returned; the slot is not valid afterwards. */
void strmap_put(struct str_map *m, struct str_slot *slot, uint64_t hash, const char *key,
                size_t len, void *value);
/* The value stored under key, or NULL when key is not in the map. */
void *strmap_get(const struct str_map *m, const char *key, size_t len);

#endif
