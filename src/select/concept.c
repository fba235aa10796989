/* Concept coverage (after Gillick & Favre 2009): concepts are stemmed word
 * bigrams (not both stop words); a concept weighs the number of documents
 * that contain it, and concepts found in too few documents weigh nothing.
 * The summary maximises the total weight of the concepts it covers, each
 * counted once, so redundancy costs coverage by construction. Solved here
 * greedily by the shared selector (gain per word). */
#include "core/alloc.h"
#include "select/methods.h"
#include <math.h>
#include <string.h>

/* What is known of one concept. */
typedef struct concept {
    uint64_t key;      /* the bigram: term ids a << 32 | b */
    uint32_t df;       /* new reports holding it */
    uint32_t seen_df;  /* reports already read holding it (update mode) */
    uint32_t last_doc; /* for counting df: last document seen + 1 */
    uint32_t first_pos; /* earliest sentence position it occurs at */
    double weight;
    uint8_t covered;
} concept;

typedef struct concept_ctx {
    const model *m;
    concept *cs;
    size_t ncs, cap;
    uint32_t *sent_first; /* concepts of sentence i: ids[sent_first[i] .. sent_first[i+1]) */
    uint32_t *ids;
    size_t nids, idcap;
    uint32_t *slot; /* hash table of concept ids + 1 by key, 0 = empty */
    size_t nslots;
} concept_ctx;

static size_t slot_for(const concept_ctx *c, uint64_t key)
{
    size_t k = hash_bytes64(&key, 8) & (c->nslots - 1);
    while (c->slot[k] && c->cs[c->slot[k] - 1].key != key)
        k = (k + 1) & (c->nslots - 1);
    return k;
}

static int table_grow(concept_ctx *c)
{
    size_t n = c->nslots ? c->nslots * 2 : 4096;
    uint32_t *slot = xcalloc(n, sizeof *slot);
    if (!slot)
        return -1;
    xfree(c->slot);
    c->slot = slot, c->nslots = n;
    for (size_t i = 0; i < c->ncs; i++)
        c->slot[slot_for(c, c->cs[i].key)] = (uint32_t)i + 1;
    return 0;
}

/* Returns the id of the concept with this key, creating it; -1 on OOM. */
static int64_t concept_id(concept_ctx *c, uint64_t key)
{
    if ((c->ncs + 1) * 2 > c->nslots && table_grow(c))
        return -1;
    size_t k = slot_for(c, key);
    if (c->slot[k])
        return c->slot[k] - 1;
    if (GROW(c->cs, c->cap, c->ncs + 1))
        return -1;
    c->cs[c->ncs] = (concept){.key = key, .first_pos = UINT32_MAX};
    c->slot[k] = (uint32_t)++c->ncs;
    return (int64_t)c->ncs - 1;
}

/* Adds concept id to the current sentence's list unless already there. */
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

/* Counts one occurrence of concept id in sentence s. */
static void count_concept(concept *x, const msent *s)
{
    if (!s->seen && s->pos < x->first_pos)
        x->first_pos = s->pos;
    if (x->last_doc == s->doc + 1)
        return;
    x->last_doc = s->doc + 1;
    if (s->seen)
        x->seen_df++;
    else
        x->df++;
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
        count_concept(&c->cs[id], s);
    }
    return 0;
}

/* How much more a concept made only of query terms weighs (query-focused
 * summaries): weight x (1 + QUERY_BOOST x share of its terms in the query).
 * Tuned on the DUC 2006 development half among 0, 1, 2, 4, 8 (2 best on
 * R-2 and R-SU4; DUC 2007 agreed within noise). */
#define QUERY_BOOST 2.0

/* Share of a concept's non-stop terms that the query holds (0 to 1). */
static double query_share(const model *m, uint64_t key)
{
    if (!m->in_query)
        return 0;
    uint32_t t[2] = {(uint32_t)(key >> 32), (uint32_t)key};
    int n = 0, hit = 0;
    for (int i = 0; i < 2; i++) {
        if (m->voc.terms[t[i]].stop)
            continue;
        n++;
        hit += m->in_query[t[i]];
    }
    return n ? (double)hit / n : 0;
}

/* News puts what matters first: a concept first seen in a document's
 * sentence at position p weighs 1 + POSITION_PRIOR / (1 + p) times more
 * (Gillick & Favre boosted concepts of early sentences too). Tuned on the
 * DUC 2004 development half among 0.5, 1, 2, 4; Multi-News agreed. */
#define POSITION_PRIOR 2.0

/* Reports with at least one sentence a summary may use: scraped pages that
 * hold only debris (a widget notice, a cookie banner) are not reports. */
static size_t usable_documents(const model *m, long min_words)
{
    size_t n = 0;
    uint32_t last = UINT32_MAX;
    for (size_t i = 0; i < m->nsents; i++)
        if (m->sents[i].doc != last && model_sentence_usable(m, i, (uint32_t)min_words))
            last = m->sents[i].doc, n++;
    return n;
}

/* Weight = document frequency, kept only for concepts in enough documents:
 * three, as Gillick & Favre on 10-document DUC sets, or half the reports
 * (rounded up) when there are fewer than six, so that a two-report event
 * still has concepts. Only reports with usable sentences count. */
/* In update mode a concept found in k reports already read weighs
 * 1 / sqrt(1 + k) as much: tuned on the DUC 2007 development half (five
 * topics: a fragile choice) among the exponents 0, 0.5, 1, 2, 4. */
static void weigh(concept_ctx *c, long min_words)
{
    size_t half = (usable_documents(c->m, min_words) + 1) / 2;
    uint32_t min_df = (uint32_t)(half < 3 ? (half ? half : 1) : 3);
    for (size_t k = 0; k < c->ncs; k++) {
        concept *x = &c->cs[k];
        double w = x->df >= min_df ? x->df : 0;
        w /= sqrt(1.0 + x->seen_df); /* update mode: what was read counts for less */
        if (x->first_pos != UINT32_MAX)
            w *= 1.0 + POSITION_PRIOR / (1.0 + x->first_pos);
        x->weight = w * (1.0 + QUERY_BOOST * query_share(c->m, x->key));
    }
}

static double concept_gain(void *ctx, size_t i)
{
    concept_ctx *c = ctx;
    double g = 0;
    for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
        if (!c->cs[c->ids[k]].covered)
            g += c->cs[c->ids[k]].weight;
    return g;
}

static void concept_commit(void *ctx, size_t i)
{
    concept_ctx *c = ctx;
    for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
        c->cs[c->ids[k]].covered = 1;
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
    weigh(&c, o->min_words);
    scorer sc = {concept_gain, concept_commit, &c};
    rc = select_greedy(m, b, &sc, o->min_words, sel);
done:
    xfree(c.cs), xfree(c.sent_first), xfree(c.ids), xfree(c.slot);
    return rc;
}
