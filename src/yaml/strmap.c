/*
 * A string-keyed hash table for the loader (doc.c): its anchors, and the
 * keys of one mapping; and for the importer's ids. Open addressing, hashed with SipHash-1-3 under a
 * random seed, so that names in a hostile file cannot be chosen to pile up
 * in one slot. The table never owns the text of its keys.
 */
#include "strmap.h"

#include <panelboard/base.h>

#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

static uint64_t rotl(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

static void sip_round(uint64_t v[4])
{
    v[0] += v[1];
    v[1] = rotl(v[1], 13) ^ v[0];
    v[0] = rotl(v[0], 32);
    v[2] += v[3];
    v[3] = rotl(v[3], 16) ^ v[2];
    v[0] += v[3];
    v[3] = rotl(v[3], 21) ^ v[0];
    v[2] += v[1];
    v[1] = rotl(v[1], 17) ^ v[2];
    v[2] = rotl(v[2], 32);
}

/* SipHash-1-3 under a random key: names in a hostile file cannot be chosen
 * to pile up in one slot, which would make every lookup a linear scan. */
static uint64_t str_hash(const uint64_t key[2], const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t v[4] = {0x736f6d6570736575ULL ^ key[0], 0x646f72616e646f6dULL ^ key[1],
                     0x6c7967656e657261ULL ^ key[0], 0x7465646279746573ULL ^ key[1]};
    uint64_t last = (uint64_t)len << 56;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t m = 0;
        for (int b = 0; b < 8; b++)
            m |= (uint64_t)p[i + b] << (8 * b);
        v[3] ^= m;
        sip_round(v);
        v[0] ^= m;
    }
    for (int b = 0; i < len; i++, b++)
        last |= (uint64_t)p[i] << (8 * b);
    v[3] ^= last;
    sip_round(v);
    v[0] ^= last;
    v[2] ^= 0xff;
    sip_round(v);
    sip_round(v);
    sip_round(v);
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}

static void map_grow(struct str_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    struct str_slot *slots = pb_xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = m->slots[i].hash & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

void strmap_seed(uint64_t seed[2])
{
    if (getrandom(seed, 2 * sizeof *seed, GRND_NONBLOCK) != (ssize_t)(2 * sizeof *seed)) {
        /* A fixed key still works where the kernel gives no randomness; it
         * only makes the hash predictable. */
        seed[0] = 0x70616e656c626f61ULL;
        seed[1] = 0x72642d7961726e21ULL;
    }
}

uint64_t strmap_hash(const struct str_map *m, const char *key, size_t len)
{
    return str_hash(m->seed, key, len);
}

/* The slot holding key, or the free slot where it would go (cap > 0). */
static struct str_slot *probe(const struct str_map *m, uint64_t hash, const char *key, size_t len)
{
    size_t mask = m->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct str_slot *s = &m->slots[i];
        if (!s->key || (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

/* The slot holding key, or the free slot where it would go. */
struct str_slot *strmap_find(struct str_map *m, uint64_t hash, const char *key, size_t len)
{
    if (m->cap == 0)
        map_grow(m);
    return probe(m, hash, key, len);
}

/* Fill a free slot that strmap_find returned; the slot is not valid afterwards. */
void strmap_put(struct str_map *m, struct str_slot *slot, uint64_t hash, const char *key,
                size_t len, void *value)
{
    *slot = (struct str_slot){.hash = hash, .key = key, .len = len, .value = value};
    if (++m->count * 2 > m->cap)
        map_grow(m);
}

/* The value stored under key, or NULL when key is not in the map. */
void *strmap_get(const struct str_map *m, const char *key, size_t len)
{
    if (m->count == 0)
        return NULL;
    return probe(m, strmap_hash(m, key, len), key, len)->value;
}
