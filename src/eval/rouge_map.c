/* Open-addressing hash maps for the ROUGE scorer: token strings -> ids and
 * 64-bit n-gram keys -> ids. Linear probing, capacity a power of two, kept
 * at most half full. */
#include "core/alloc.h"
#include "eval/rouge.h"
#include <string.h>

/* Eight bytes at a time, each word mixed in with a multiply: tokens are
 * short and this is the scorer's most frequent lookup. */
static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 29);
}

/* A 64-bit mixer (splitmix64's finalizer) for integer keys. */
static uint64_t hash_u64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* Returns the slot of s (filled, or the empty one where it would go). */
static size_t strmap_slot(const char *const *keys, const uint32_t *klen, size_t cap,
                          const char *s, size_t n)
{
    size_t mask = cap - 1, i = (size_t)hash_bytes(s, n) & mask;
    while (keys[i] && !(klen[i] == n && memcmp(keys[i], s, n) == 0))
        i = (i + 1) & mask;
    return i;
}

int strmap_get(const rouge_strmap *m, const char *s, size_t n, uint32_t *val)
{
    if (!m->cap)
        return 0;
    size_t i = strmap_slot(m->keys, m->klen, m->cap, s, n);
    if (!m->keys[i])
        return 0;
    *val = m->vals[i];
    return 1;
}

/* Doubles the table (or creates it); 0 or -1. */
static int strmap_grow(rouge_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    const char **keys = xcalloc(cap, sizeof *keys);
    uint32_t *klen = xcalloc(cap, sizeof *klen), *vals = xcalloc(cap, sizeof *vals);
    if (!keys || !klen || !vals) {
        xfree(keys), xfree(klen), xfree(vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = strmap_slot(keys, klen, cap, m->keys[i], m->klen[i]);
        keys[j] = m->keys[i], klen[j] = m->klen[i], vals[j] = m->vals[i];
    }
    xfree(m->keys), xfree(m->klen), xfree(m->vals);
    m->keys = keys, m->klen = klen, m->vals = vals, m->cap = cap;
    return 0;
}

int strmap_put(rouge_strmap *m, const char *s, size_t n, uint32_t val)
{
    if ((m->len + 1) * 2 > m->cap && strmap_grow(m))
        return -1;
    size_t i = strmap_slot(m->keys, m->klen, m->cap, s, n);
    if (!m->keys[i]) {
        char *copy = arena_strndup(&m->mem, s, n);
        if (!copy)
            return -1;
        m->keys[i] = copy, m->klen[i] = (uint32_t)n;
        m->len++;
    }
    m->vals[i] = val;
    return 0;
}

void strmap_free(rouge_strmap *m)
{
    xfree(m->keys), xfree(m->klen), xfree(m->vals);
    arena_free(&m->mem);
    memset(m, 0, sizeof *m);
}

/* Returns the slot of key (filled or empty). */
static size_t idmap_slot(const uint64_t *keys, size_t cap, uint64_t key)
{
    size_t mask = cap - 1, i = (size_t)hash_u64(key) & mask;
    while (keys[i] && keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

/* Doubles the table; 0 or -1. */
static int idmap_grow(rouge_idmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    uint64_t *keys = xcalloc(cap, sizeof *keys);
    uint32_t *vals = xcalloc(cap, sizeof *vals);
    if (!keys || !vals) {
        xfree(keys), xfree(vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = idmap_slot(keys, cap, m->keys[i]);
        keys[j] = m->keys[i], vals[j] = m->vals[i];
    }
    xfree(m->keys), xfree(m->vals);
    m->keys = keys, m->vals = vals, m->cap = cap;
    return 0;
}

uint32_t idmap_intern(rouge_idmap *m, uint64_t key)
{
    if ((m->len + 1) * 2 > m->cap && idmap_grow(m))
        return 0;
    size_t i = idmap_slot(m->keys, m->cap, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->vals[i] = (uint32_t)++m->len;
    }
    return m->vals[i];
}

void idmap_free(rouge_idmap *m)
{
    xfree(m->keys), xfree(m->vals);
    memset(m, 0, sizeof *m);
}
