#include "select/concepts.h"
#include "core/alloc.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The hash slot holding key, or the empty slot where it would go. */
static size_t slot_for(const concepts *c, uint64_t key)
{
    size_t k = hash_bytes64(&key, 8) & (c->nslots - 1);
    while (c->slot[k] && c->cs[c->slot[k] - 1].key != key)
        k = (k + 1) & (c->nslots - 1);
    return k;
}

/* Doubles the hash table; 0 or -1 (OOM). */
static int table_grow(concepts *c)
{
    size_t n = c->nslots ? c->nslots * 2 : 4096;
    uint32_t *slot = xcalloc(n, sizeof *slot);
    if (!slot)
        return -1;
    xfree(c->slot);
    c->slot = slot, c->nslots = n;
    for (size_t i = 0; i < c->n; i++)
        c->slot[slot_for(c, c->cs[i].key)] = (uint32_t)i + 1;
    return 0;
}

/* Returns the id of the concept with this key, creating it; -1 on OOM. */
static int64_t concept_id(concepts *c, uint64_t key)
{
    if ((c->n + 1) * 2 > c->nslots && table_grow(c))
        return -1;
    size_t k = slot_for(c, key);
    if (c->slot[k])
        return c->slot[k] - 1;
    if (GROW(c->cs, c->cap, c->n + 1) || GROW(c->last_sent, c->last_cap, c->n + 1))
        return -1;
    c->cs[c->n] = (concept){.key = key, .first_pos = UINT32_MAX};
    c->last_sent[c->n] = 0;
    c->slot[k] = (uint32_t)++c->n;
    return (int64_t)c->n - 1;
}

/* Adds concept id to sentence i's list unless already there; 0 or -1
 * when out of memory. */
static int sentence_add(concepts *c, size_t i, uint32_t id)
{
    if (c->last_sent[id] == i + 1)
        return 0;
    c->last_sent[id] = (uint32_t)i + 1;
    if (c->nids == c->idcap && GROW(c->ids, c->idcap, c->nids + 1))
        return -1;
    c->ids[c->nids++] = id;
    return 0;
}

/* Counts one occurrence of concept x in sentence s. */
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

/* Lists and counts the concepts of sentence i; 0 or -1 (OOM). */
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
        if (id < 0 || sentence_add(c, i, (uint32_t)id))
            return -1;
        count_concept(&c->cs[id], s);
    }
    return 0;
}

/* With a query: sums, per concept, how fully each new sentence holding
 * it answers the query, squared, and counts those sentences (in the
 * fields collecting no longer needs: concepts.h). */
static void sum_answers(concepts *c)
{
    const model *m = c->m;
    if (!m->query_rel)
        return;
    for (size_t k = 0; k < c->n; k++)
        c->cs[k].nsents = 0, c->cs[k].weight = 0;
    for (size_t i = 0; i < m->nsents; i++) {
        if (m->sents[i].seen)
            continue;
        double a = m->query_rel[i] * m->query_rel[i];
        for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++) {
            concept *x = &c->cs[c->ids[k]];
            x->nsents++, x->weight += a;
        }
    }
}

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

/* Returns the number of reports with a usable sentence. */
static size_t usable_documents(const model *m, long min_words)
{
    size_t n = 0;
    uint32_t last = UINT32_MAX;
    for (size_t i = 0; i < m->nsents; i++)
        if (m->sents[i].doc != last && model_sentence_usable(m, i, (uint32_t)min_words))
            last = m->sents[i].doc, n++;
    return n;
}

/* The weight a concept in df reports starts from: df at or above the
 * threshold; a share of it one report short of the threshold, when there
 * is no query (a soft edge: two reports of ten are weaker evidence, not
 * none); else 0. */
static double threshold_weight(const model *m, uint32_t df, uint32_t min_df)
{
    if (df >= min_df)
        return df;
    if (df + 1 == min_df && !m->in_query)
        return df * CONCEPT_NEAR_THRESHOLD_SHARE;
    return 0;
}

/* Weight = document frequency, kept only for concepts in enough documents
 * (three, as Gillick & Favre on 10-document sets, or half the reports with
 * usable sentences, rounded up, when fewer than six; threshold_weight for
 * the soft edge); divided by
 * sqrt(1 + the reports already read that hold it) (update mode); times 1 + CONCEPT_POSITION_PRIOR / (1 + p)
 * for a concept first seen at sentence position p; times
 * 1 + CONCEPT_QUERY_BOOST * the share of its terms in the query; times
 * 1 + CONCEPT_ANSWER_BOOST * how fully the sentences holding it answer
 * the query (concepts.h). */
static void weigh(concepts *c, long min_words)
{
    int answers = c->m->query_rel != NULL;
    size_t half = (usable_documents(c->m, min_words) + 1) / 2;
    uint32_t min_df = (uint32_t)(half < 3 ? (half ? half : 1) : 3);
    for (size_t k = 0; k < c->n; k++) {
        concept *x = &c->cs[k];
        double answer = answers && x->nsents ? x->weight / x->nsents : 0;
        double w = threshold_weight(c->m, x->df, min_df);
        w /= sqrt(1.0 + x->seen_df);
        if (x->first_pos != UINT32_MAX)
            w *= 1.0 + CONCEPT_POSITION_PRIOR / (1.0 + x->first_pos);
        x->weight = w * (1.0 + CONCEPT_QUERY_BOOST * query_share(c->m, x->key));
        x->weight *= 1.0 + CONCEPT_ANSWER_BOOST * answer;
    }
}

int concepts_build(concepts *c, const model *m, long min_words)
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
    xfree(c->last_sent); /* only needed while collecting */
    c->last_sent = NULL, c->last_cap = 0;
    sum_answers(c);
    weigh(c, min_words);
    return 0;
}

void concepts_free(concepts *c)
{
    xfree(c->sent_first), xfree(c->ids), xfree(c->cs), xfree(c->slot);
    xfree(c->last_sent);
    memset(c, 0, sizeof *c);
}

/* The weight of sentence i's concepts not yet covered. */
static double coverage_gain(void *ctx, size_t i)
{
    coverage *cv = ctx;
    const concepts *c = cv->c;
    double g = 0;
    for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
        if (!cv->covered[c->ids[k]])
            g += c->cs[c->ids[k]].weight;
    return g;
}

/* Starts a new count of concepts (cv->stamp): a concept counts once per
 * call of coverage_prefix_gain or coverage_unit_gain. */
static void stamps_next(coverage *cv)
{
    if (++cv->calls == 0) { /* the stamps wrapped: start them afresh */
        memset(cv->stamp, 0, (cv->c->n ? cv->c->n : 1) * sizeof *cv->stamp);
        cv->calls = 1;
    }
}

double coverage_prefix_gain(coverage *cv, size_t i, uint32_t ntok)
{
    const concepts *c = cv->c;
    const model *m = c->m;
    const msent *s = &m->sents[i];
    double g = 0;
    if (!c->nslots || s->debris)
        return 0;
    if (ntok > s->ntok)
        ntok = s->ntok;
    stamps_next(cv);
    for (uint32_t k = 1; k < ntok; k++) {
        uint64_t key = (uint64_t)m->toks[s->tok + k - 1] << 32 | m->toks[s->tok + k];
        uint32_t id = c->slot[slot_for(c, key)];
        if (!id-- || cv->covered[id] || cv->stamp[id] == cv->calls)
            continue;
        cv->stamp[id] = cv->calls; /* a concept counts once */
        g += c->cs[id].weight;
    }
    return g;
}

/* The weight of the concepts of sentences idx[0..n) not yet covered, each
 * counted once (a unit: select.h). */
static double coverage_unit_gain(void *ctx, const size_t *idx, size_t n)
{
    coverage *cv = ctx;
    const concepts *c = cv->c;
    double g = 0;
    stamps_next(cv);
    for (size_t u = 0; u < n; u++)
        for (uint32_t k = c->sent_first[idx[u]]; k < c->sent_first[idx[u] + 1]; k++) {
            uint32_t id = c->ids[k];
            if (cv->covered[id] || cv->stamp[id] == cv->calls)
                continue;
            cv->stamp[id] = cv->calls;
            g += c->cs[id].weight;
        }
    return g;
}

/* Marks sentence i's concepts covered. */
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
    cv->calls = 0;
    cv->covered = xcalloc(c->n ? c->n : 1, 1);
    cv->stamp = xcalloc(c->n ? c->n : 1, sizeof *cv->stamp);
    if (cv->covered && cv->stamp)
        return 0;
    coverage_free(cv); /* callers free only what initialised */
    return -1;
}

scorer coverage_scorer(coverage *cv)
{
    scorer sc = {coverage_gain, coverage_commit, cv, coverage_unit_gain};
    return sc;
}

void coverage_free(coverage *cv)
{
    xfree(cv->covered);
    xfree(cv->stamp);
    cv->covered = NULL;
    cv->stamp = NULL;
}

/* An inverted index of the read sentences' concepts: concept k is held by
 * the read sentences sent[first[k] .. first[k + 1]). */
typedef struct read_index {
    uint32_t *first, *sent;
} read_index;

static int read_index_build(read_index *x, const concepts *c)
{
    const model *m = c->m;
    x->first = xcalloc(c->n + 2, sizeof *x->first);
    if (!x->first)
        return -1;
    size_t total = 0;
    for (size_t i = 0; i < m->nsents; i++)
        if (m->sents[i].seen)
            for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
                x->first[c->ids[k] + 2]++, total++;
    for (size_t k = 0; k < c->n; k++)
        x->first[k + 2] += x->first[k + 1];
    x->sent = xmalloc((total ? total : 1) * sizeof *x->sent);
    if (!x->sent)
        return -1;
    for (size_t i = 0; i < m->nsents; i++)
        if (m->sents[i].seen)
            for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
                x->sent[x->first[c->ids[k] + 1]++] = (uint32_t)i;
    return 0; /* first[k] .. first[k + 1] now bound concept k's sentences */
}

/* qsort order of uint64_t, ascending. */
static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The most read sentences a concept may be held by and still be compared
 * on: as many concepts, the rarest first, as keep the pairs visited (its
 * new sentences times its read ones) within CONCEPT_NOVELTY_MAX_PAIRS;
 * UINT32_MAX when all fit. Sets *oom when out of memory. */
static uint32_t read_index_cap(const concepts *c, const read_index *x, int *oom)
{
    const model *m = c->m;
    uint32_t *occ = xcalloc(c->n ? c->n : 1, sizeof *occ), cap = UINT32_MAX;
    uint64_t *order = NULL;
    if (!occ) {
        *oom = 1;
        return 0;
    }
    double work = 0;
    for (size_t i = 0; i < m->nsents; i++)
        if (model_sentence_usable(m, i, 0))
            for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++)
                occ[c->ids[k]]++;
    for (size_t k = 0; k < c->n; k++)
        work += (double)occ[k] * (x->first[k + 1] - x->first[k]);
    if (work > CONCEPT_NOVELTY_MAX_PAIRS && !(order = xmalloc(c->n * sizeof *order)))
        *oom = 1;
    if (order) {
        for (size_t k = 0; k < c->n; k++)
            order[k] = (uint64_t)(x->first[k + 1] - x->first[k]) << 32 | k;
        qsort(order, c->n, sizeof *order, cmp_u64);
        work = 0;
        for (size_t k = 0; k < c->n && cap == UINT32_MAX; k++) {
            uint32_t id = (uint32_t)order[k], len = (uint32_t)(order[k] >> 32);
            work += (double)occ[id] * len;
            if (work > CONCEPT_NOVELTY_MAX_PAIRS)
                cap = len ? len - 1 : 0;
        }
    }
    xfree(occ), xfree(order);
    return cap;
}

int concepts_novelty(const concepts *c, double *nov)
{
    const model *m = c->m;
    for (size_t i = 0; i < m->nsents; i++)
        nov[i] = 1;
    if (!m->ds->nseen)
        return 0;
    read_index x = {0};
    uint32_t *shared = xcalloc(m->nsents ? m->nsents : 1, sizeof *shared);
    uint32_t *touched = xmalloc((m->nsents ? m->nsents : 1) * sizeof *touched);
    int oom = !shared || !touched || read_index_build(&x, c);
    uint32_t cap = oom ? 0 : read_index_cap(c, &x, &oom);
    for (size_t i = 0; !oom && i < m->nsents; i++) {
        if (!model_sentence_usable(m, i, 0)) /* no summary holds it */
            continue;
        size_t nt = 0;
        double na = c->sent_first[i + 1] - c->sent_first[i], best = 0;
        for (uint32_t k = c->sent_first[i]; k < c->sent_first[i + 1]; k++) {
            uint32_t id = c->ids[k];
            if (x.first[id + 1] - x.first[id] > cap)
                continue;
            for (uint32_t q = x.first[id]; q < x.first[id + 1]; q++)
                if (!shared[x.sent[q]]++)
                    touched[nt++] = x.sent[q];
        }
        for (size_t k = 0; k < nt; k++) {
            uint32_t j = touched[k];
            double cos = shared[j] / sqrt(na * (c->sent_first[j + 1] - c->sent_first[j]));
            if (cos > best)
                best = cos;
            shared[j] = 0;
        }
        nov[i] = best >= 1 ? 0 : 1 - best * best;
    }
    xfree(x.first), xfree(x.sent), xfree(shared), xfree(touched);
    return oom ? -1 : 0;
}
