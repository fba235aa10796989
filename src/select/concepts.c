#include "select/concepts.h"
#include "core/alloc.h"
#include <string.h>

static int table_grow(concepts *c)
{
    size_t n = c->nslots ? c->nslots * 2 : 4096;
    uint64_t *keys = xcalloc(n, sizeof *keys);
    uint32_t *ids = xcalloc(n, sizeof *ids);
    if (!keys || !ids) {
        xfree(keys);
        xfree(ids);
        return -1;
    }
    for (size_t i = 0; i < c->nslots; i++) {
        if (!c->slot_id[i])
            continue;
        size_t k = hash_bytes64(&c->keys[i], 8) & (n - 1);
        while (ids[k])
            k = (k + 1) & (n - 1);
        keys[k] = c->keys[i], ids[k] = c->slot_id[i];
    }
    xfree(c->keys);
    xfree(c->slot_id);
    c->keys = keys, c->slot_id = ids, c->nslots = n;
    return 0;
}

/* Returns the id of the concept with this key, creating it; -1 on OOM. */
static int64_t concept_id(concepts *c, uint64_t key)
{
    if ((c->n + 1) * 2 > c->nslots && table_grow(c))
        return -1;
    size_t k = hash_bytes64(&key, 8) & (c->nslots - 1);
    for (; c->slot_id[k]; k = (k + 1) & (c->nslots - 1))
        if (c->keys[k] == key)
            return c->slot_id[k] - 1;
    if (GROW(c->df, c->ccap, c->n + 1))
        return -1;
    uint32_t *ld = xrealloc(c->last_doc, c->ccap * sizeof *ld);
    if (!ld)
        return -1;
    c->last_doc = ld;
    c->df[c->n] = 0, c->last_doc[c->n] = 0;
    c->keys[k] = key;
    c->slot_id[k] = (uint32_t)++c->n;
    return (int64_t)c->n - 1;
}

/* Adds concept id to the current sentence's list unless already there. */
static int sentence_add(concepts *c, size_t first, uint32_t id)
{
    for (size_t k = first; k < c->nids; k++)
        if (c->ids[k] == id)
            return 0;
    if (GROW(c->ids, c->idcap, c->nids + 1))
        return -1;
    c->ids[c->nids++] = id;
    return 0;
}

static int collect_sentence(concepts *c, size_t i)
{
    const model *m = c->m;
    const msent *s = &m->sents[i];
    size_t first = c->nids;
    c->sent_first[i] = (uint32_t)first;
    if (s->debris)
        return 0;
    for (uint32_t k = 1; k < s->ntok; k++) {
        uint32_t a = m->toks[s->tok + k - 1], b = m->toks[s->tok + k];
        if (m->voc.terms[a].stop && m->voc.terms[b].stop)
            continue;
        int64_t id = concept_id(c, ((uint64_t)a << 32) | b);
        if (id < 0 || sentence_add(c, first, (uint32_t)id))
            return -1;
        if (c->last_doc[id] != s->doc + 1)
            c->last_doc[id] = s->doc + 1, c->df[id]++;
    }
    return 0;
}

/* Weight = document frequency, kept only for concepts in enough documents
 * (three, as Gillick & Favre, or fewer when the event has few reports). */
static int weigh(concepts *c)
{
    uint32_t min_df = c->m->ndocs >= 6 ? 3 : c->m->ndocs >= 2 ? 2 : 1;
    c->weight = xcalloc(c->n ? c->n : 1, sizeof *c->weight);
    if (!c->weight)
        return -1;
    for (size_t k = 0; k < c->n; k++)
        c->weight[k] = c->df[k] >= min_df ? c->df[k] : 0;
    return 0;
}

int concepts_build(concepts *c, const model *m)
{
    memset(c, 0, sizeof *c);
    c->m = m;
    c->sent_first = xcalloc(m->nsents + 1, sizeof *c->sent_first);
    if (!c->sent_first)
        return -1;
    for (size_t i = 0; i < m->nsents; i++)
        if (collect_sentence(c, i))
            return -1;
    c->sent_first[m->nsents] = (uint32_t)c->nids;
    return weigh(c);
}

void concepts_free(concepts *c)
{
    xfree(c->sent_first), xfree(c->ids), xfree(c->weight), xfree(c->df);
    xfree(c->last_doc), xfree(c->keys), xfree(c->slot_id);
    memset(c, 0, sizeof *c);
}

static double coverage_gain(void *ctx, size_t i)
{
    coverage *cv = ctx;
    const concepts *c = cv->c;
    double g = 0;
    for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
        if (!cv->covered[c->ids[k]])
            g += c->weight[c->ids[k]];
    return g;
}

static void coverage_commit(void *ctx, size_t i)
{
    coverage *cv = ctx;
    const concepts *c = cv->c;
    for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
        cv->covered[c->ids[k]] = 1;
}

int coverage_init(coverage *cv, const concepts *c)
{
    cv->c = c;
    cv->covered = xcalloc(c->n ? c->n : 1, 1);
    return cv->covered ? 0 : -1;
}

scorer coverage_scorer(coverage *cv)
{
    scorer sc = {coverage_gain, coverage_commit, cv};
    return sc;
}

void coverage_free(coverage *cv)
{
    xfree(cv->covered);
    cv->covered = NULL;
}
