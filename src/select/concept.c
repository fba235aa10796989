/* Concept coverage (after Gillick & Favre 2009): concepts are stemmed word
 * bigrams (not both stop words); a concept weighs the number of documents
 * that contain it, and concepts found in too few documents weigh nothing.
 * The summary maximises the total weight of the concepts it covers, each
 * counted once, so redundancy costs coverage by construction. Solved here
 * greedily by the shared selector (gain per word). */
#include "core/alloc.h"
#include "select/methods.h"
#include <string.h>

typedef struct concept_ctx {
    const model *m;
    uint32_t *sent_first; /* concepts of sentence i: ids[sent_first[i] .. sent_first[i+1]) */
    uint32_t *ids;
    size_t nids, idcap;
    double *weight; /* per concept */
    uint32_t *df, *last_doc;
    uint32_t *seen_df; /* seen reports holding the concept (update mode) */
    uint64_t *key_of;  /* the bigram of each concept: term ids a << 32 | b */
    uint8_t *covered;
    size_t nconcepts, ccap;
    uint64_t *keys; /* hash table: concept key per slot */
    uint32_t *slot_id;
    size_t nslots;
} concept_ctx;

static int table_grow(concept_ctx *c)
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
static int64_t concept_id(concept_ctx *c, uint64_t key)
{
    if ((c->nconcepts + 1) * 2 > c->nslots && table_grow(c))
        return -1;
    size_t k = hash_bytes64(&key, 8) & (c->nslots - 1);
    for (; c->slot_id[k]; k = (k + 1) & (c->nslots - 1))
        if (c->keys[k] == key)
            return c->slot_id[k] - 1;
    if (GROW(c->df, c->ccap, c->nconcepts + 1))
        return -1;
    size_t cap = c->ccap;
    uint32_t *ld = xrealloc(c->last_doc, cap * sizeof *ld);
    if (ld)
        c->last_doc = ld;
    uint32_t *sd = ld ? xrealloc(c->seen_df, cap * sizeof *sd) : NULL;
    if (sd)
        c->seen_df = sd;
    uint64_t *ko = sd ? xrealloc(c->key_of, cap * sizeof *ko) : NULL;
    if (!ko)
        return -1;
    c->key_of = ko;
    c->key_of[c->nconcepts] = key;
    c->df[c->nconcepts] = 0, c->last_doc[c->nconcepts] = 0, c->seen_df[c->nconcepts] = 0;
    c->keys[k] = key;
    c->slot_id[k] = (uint32_t)++c->nconcepts;
    return (int64_t)c->nconcepts - 1;
}

/* Adds concept id to sentence i's list unless already there. */
static int sentence_add(concept_ctx *c, size_t first, uint32_t id)
{
    for (size_t k = first; k < c->nids; k++)
        if (c->ids[k] == id)
            return 0;
    if (GROW(c->ids, c->idcap, c->nids + 1))
        return -1;
    c->ids[c->nids++] = id;
    return 0;
}

static int collect_sentence(concept_ctx *c, size_t i)
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
        if (c->last_doc[id] != s->doc + 1) {
            c->last_doc[id] = s->doc + 1;
            if (s->seen)
                c->seen_df[id]++;
            else
                c->df[id]++;
        }
    }
    return 0;
}

/* How much more a concept made only of query terms weighs (query-focused
 * summaries). */
#define QUERY_BOOST 1.0

/* Share of concept k's non-stop terms that the query holds (0 to 1). */
static double query_share(const concept_ctx *c, size_t k)
{
    const model *m = c->m;
    if (!m->in_query)
        return 0;
    uint32_t t[2] = {(uint32_t)(c->key_of[k] >> 32), (uint32_t)c->key_of[k]};
    int n = 0, hit = 0;
    for (int i = 0; i < 2; i++) {
        if (m->voc.terms[t[i]].stop)
            continue;
        n++;
        hit += m->in_query[t[i]];
    }
    return n ? (double)hit / n : 0;
}

/* Weight = document frequency, kept only for concepts in enough documents:
 * three, as Gillick & Favre on 10-document DUC sets, or half the reports
 * (rounded up) when there are fewer than six, so that a two-report event
 * still has concepts. */
static int weigh(concept_ctx *c)
{
    size_t half = (c->m->ndocs + 1) / 2;
    uint32_t min_df = (uint32_t)(half < 3 ? (half ? half : 1) : 3);
    c->weight = xcalloc(c->nconcepts ? c->nconcepts : 1, sizeof *c->weight);
    c->covered = xcalloc(c->nconcepts ? c->nconcepts : 1, 1);
    if (!c->weight || !c->covered)
        return -1;
    for (size_t k = 0; k < c->nconcepts; k++) {
        double w = c->df[k] >= min_df ? c->df[k] : 0;
        /* Update mode: what the reader has read counts for less. */
        w /= 1.0 + c->seen_df[k];
        c->weight[k] = w * (1.0 + QUERY_BOOST * query_share(c, k));
    }
    return 0;
}

static double concept_gain(void *ctx, size_t i)
{
    concept_ctx *c = ctx;
    double g = 0;
    for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
        if (!c->covered[c->ids[k]])
            g += c->weight[c->ids[k]];
    return g;
}

static void concept_commit(void *ctx, size_t i)
{
    concept_ctx *c = ctx;
    for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
        c->covered[c->ids[k]] = 1;
}

static void concept_free(concept_ctx *c)
{
    xfree(c->sent_first), xfree(c->ids), xfree(c->weight), xfree(c->df);
    xfree(c->last_doc), xfree(c->covered), xfree(c->keys), xfree(c->slot_id);
    xfree(c->seen_df), xfree(c->key_of);
}

int method_concept(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    concept_ctx c;
    memset(&c, 0, sizeof c);
    c.m = m;
    int rc = -1;
    c.sent_first = xcalloc(m->nsents + 1, sizeof *c.sent_first);
    if (!c.sent_first)
        goto done;
    for (size_t i = 0; i < m->nsents; i++)
        if (collect_sentence(&c, i))
            goto done;
    c.sent_first[m->nsents] = (uint32_t)c.nids;
    if (weigh(&c))
        goto done;
    scorer sc = {concept_gain, concept_commit, &c};
    rc = select_greedy(m, b, &sc, o->min_words, sel);
done:
    concept_free(&c);
    return rc;
}
