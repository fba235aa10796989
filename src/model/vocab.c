#include "model/vocab.h"
#include "core/alloc.h"
#include <string.h>

uint64_t hash_bytes64(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ULL;
    return h;
}

/* Finds the slot holding s (whose hash_bytes64 is hash), or the empty slot
 * where it would go. */
static size_t slot_at(const vocab *v, const char *s, size_t len, uint64_t hash)
{
    size_t i = hash & (v->nslots - 1);
    for (;;) {
        uint32_t id = v->slots[i];
        if (!id)
            return i;
        const term *t = &v->terms[id - 1];
        if (t->len == len && !memcmp(t->s, s, len))
            return i;
        i = (i + 1) & (v->nslots - 1);
    }
}

static size_t slot_of(const vocab *v, const char *s, size_t len)
{
    return slot_at(v, s, len, hash_bytes64(s, len));
}

/* Doubles the slot table when it is half full. */
static int rehash(vocab *v)
{
    size_t n = v->nslots ? v->nslots * 2 : 1024;
    uint32_t *slots = xcalloc(n, sizeof *slots);
    if (!slots)
        return -1;
    xfree(v->slots);
    v->slots = slots;
    v->nslots = n;
    for (size_t id = 0; id < v->nterms; id++)
        v->slots[slot_of(v, v->terms[id].s, v->terms[id].len)] = (uint32_t)id + 1;
    return 0;
}

int64_t vocab_find(const vocab *v, const char *s, size_t len)
{
    if (!v->nslots)
        return -1;
    uint32_t id = v->slots[slot_of(v, s, len)];
    return id ? (int64_t)id - 1 : -1;
}

int64_t vocab_intern(vocab *v, arena *a, const char *s, size_t len, int stop)
{
    return vocab_intern_hashed(v, a, s, len, hash_bytes64(s, len), stop);
}

int64_t vocab_intern_hashed(vocab *v, arena *a, const char *s, size_t len, uint64_t hash, int stop)
{
    if ((v->nterms + 1) * 2 > v->nslots && rehash(v))
        return -1;
    size_t i = slot_at(v, s, len, hash);
    if (v->slots[i])
        return (int64_t)v->slots[i] - 1;
    if (GROW(v->terms, v->cap, v->nterms + 1))
        return -1;
    char *copy = arena_strndup(a, s, len);
    if (!copy)
        return -1;
    v->terms[v->nterms] = (term){.s = copy, .len = (uint32_t)len, .stop = (uint8_t)stop};
    v->slots[i] = (uint32_t)++v->nterms;
    return (int64_t)v->nterms - 1;
}

void vocab_free(vocab *v)
{
    xfree(v->terms);
    xfree(v->slots);
    memset(v, 0, sizeof *v);
}
