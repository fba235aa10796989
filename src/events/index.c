/* The two indexes of the active events: term -> events whose centroid
 * holds the term (an article's candidates are the events sharing one of
 * its weightiest terms, so its cost follows the length of those lists,
 * not the number of events), and article key -> event (an id or a text
 * already seen, for duplicates). Both drop a retired event, so they stay
 * as large as the active set. */
#include "core/alloc.h"
#include "events/events.h"
#include <string.h>

int index_add(term_index *x, uint32_t id, uint32_t slot)
{
    if (id >= x->np) {
        size_t np = x->np ? x->np : 4096;
        while (np <= id)
            np *= 2;
        postings *p = xrealloc(x->p, np * sizeof *p);
        if (!p)
            return -1;
        memset(p + x->np, 0, (np - x->np) * sizeof *p);
        x->p = p, x->np = np;
    }
    postings *p = &x->p[id];
    if (p->n == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 4;
        uint32_t *ev = xrealloc(p->ev, cap * sizeof *ev);
        if (!ev)
            return -1;
        p->ev = ev, p->cap = cap;
    }
    p->ev[p->n++] = slot;
    return 0;
}

void index_remove(term_index *x, uint32_t id, uint32_t slot)
{
    if (id >= x->np)
        return;
    postings *p = &x->p[id];
    for (uint32_t i = 0; i < p->n; i++)
        if (p->ev[i] == slot) {
            memmove(p->ev + i, p->ev + i + 1, (p->n - i - 1) * sizeof *p->ev); /* keeps the order */
            p->n--;
            break;
        }
    if (!p->n) { /* an empty list gives its memory back */
        xfree(p->ev);
        p->ev = NULL, p->cap = 0;
    }
}

void index_free(term_index *x)
{
    for (size_t i = 0; i < x->np; i++)
        xfree(x->p[i].ev);
    xfree(x->p);
    memset(x, 0, sizeof *x);
}

/* ---- key map: open addressing, linear probing, removal by backward
 * shift (no tombstones, so a long stream does not clog it) ---- */

static size_t home(const key_map *m, uint64_t key)
{
    return (size_t)(key ^ (key >> 29)) & (m->cap - 1);
}

static int rehash(key_map *m, size_t cap)
{
    uint64_t *keys = xcalloc(cap, sizeof *keys);
    uint32_t *vals = xmalloc(cap * sizeof *vals);
    if (!keys || !vals) {
        xfree(keys), xfree(vals);
        return -1;
    }
    key_map n = {keys, vals, 0, cap};
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            keymap_put(&n, m->keys[i], m->vals[i]);
    xfree(m->keys), xfree(m->vals);
    *m = n;
    return 0;
}

int keymap_put(key_map *m, uint64_t key, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap && rehash(m, m->cap ? m->cap * 2 : 1024))
        return -1;
    size_t i = home(m, key);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        m->n++;
    m->keys[i] = key, m->vals[i] = val;
    return 0;
}

long keymap_get(const key_map *m, uint64_t key)
{
    if (!m->cap)
        return -1;
    for (size_t i = home(m, key); m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (m->keys[i] == key)
            return (long)m->vals[i];
    return -1;
}

void keymap_remove(key_map *m, uint64_t key)
{
    if (!m->cap)
        return;
    size_t i = home(m, key);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        return;
    m->keys[i] = 0, m->n--;
    /* shift back the keys after it whose home is not between the hole and them */
    for (size_t j = (i + 1) & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1)) {
        size_t h = home(m, m->keys[j]);
        int stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
        if (!stays) {
            m->keys[i] = m->keys[j], m->vals[i] = m->vals[j];
            m->keys[j] = 0;
            i = j;
        }
    }
}

void keymap_free(key_map *m)
{
    xfree(m->keys), xfree(m->vals);
    memset(m, 0, sizeof *m);
}
