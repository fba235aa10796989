/* Centroid methods.
 * "centroid" (MEAD; Radev, Jing, Stys & Tam 2004): the centroid holds each
 * term's average count per document times its idf, over the terms found in
 * more than one document (the cluster's topic words); a sentence scores
 * the summed centroid values of its words plus a position score
 * ((n - p) / n times the best centroid score in its document, p the
 * position among n sentences), and MEAD's reranker drops sentences whose
 * cosine to one already chosen exceeds 0.7.
 * "centroid-revisited" (Gholipour Ghalandari 2017): the centroid is the sum
 * of the sentences' tf-idf vectors (topic words only), and the summary, not
 * the sentence, is compared with it: the greedy selector adds the sentence
 * that most raises the cosine between the summary's vector and the
 * centroid.
 * "mmr" (Carbonell & Goldstein 1998): relevance is a sentence's cosine to
 * that centroid, plus its cosine to the query when there is one (MMR was
 * made for queries), redundancy its highest cosine to a chosen sentence,
 * lambda = 0.7. */
#include "core/alloc.h"
#include "model/vectors.h"
#include "select/methods.h"
#include "select/mmr.h"
#include <math.h>
#include <string.h>

#define MEAD_MAX_SIM 0.7
#define MMR_LAMBDA 0.7

/* Returns 1 if term t is a topic word: a content term found in at least
 * two documents (in the only one when there is one). */
static int topic_term(const model *m, size_t t)
{
    const term *tm = &m->voc.terms[t];
    return !tm->stop && tm->df >= (m->ndocs >= 2 ? 2u : 1u);
}

/* Fills c (per term) with MEAD's centroid values. */
static void mead_centroid(const model *m, const vectors *v, double *c)
{
    double nd = m->ndocs ? (double)m->ndocs : 1;
    for (size_t t = 0; t < m->voc.nterms; t++)
        c[t] = topic_term(m, t) ? m->voc.terms[t].cf / nd * v->idf[t] : 0;
}

/* Fills score with MEAD's centroid + position scores. */
static void mead_scores(const model *m, const double *c, double *score)
{
    for (size_t i = 0; i < m->nsents; i++) {
        const msent *s = &m->sents[i];
        score[i] = 0;
        for (uint32_t k = 0; !s->debris && !s->seen && k < s->ntok; k++)
            score[i] += c[m->toks[s->tok + k]];
    }
    for (size_t i = 0, d0 = 0; i < m->nsents; i++) {
        if (i == 0 || m->sents[i].doc != m->sents[i - 1].doc)
            d0 = i;
        if (i + 1 < m->nsents && m->sents[i + 1].doc == m->sents[i].doc)
            continue;
        double best = 0; /* sentences d0..i are one document */
        for (size_t k = d0; k <= i; k++)
            best = score[k] > best ? score[k] : best;
        for (size_t k = d0; k <= i; k++) {
            const msent *s = &m->sents[k];
            if (!s->debris && !s->seen)
                score[k] += (double)(s->ndoc_sents - s->pos) / s->ndoc_sents * best;
        }
    }
}

int method_centroid(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    vectors v;
    if (vectors_build(&v, m))
        return -1;
    double *c = xcalloc(m->voc.nterms ? m->voc.nterms : 1, sizeof *c);
    double *score = xcalloc(m->nsents ? m->nsents : 1, sizeof *score);
    int rc = -1;
    if (c && score) {
        mead_centroid(m, &v, c);
        mead_scores(m, c, score);
        rc = mmr_select_scores(m, b, o->min_words, &v, score, 1.0, MEAD_MAX_SIM, sel);
    }
    xfree(c), xfree(score);
    vectors_free(&v);
    return rc;
}

/* Fills c with the sum of the new (not seen), non-debris sentences'
 * vectors over topic words; returns its length. */
static double sum_centroid(const model *m, const vectors *v, double *c)
{
    memset(c, 0, (m->voc.nterms ? m->voc.nterms : 1) * sizeof *c);
    for (size_t i = 0; i < m->nsents; i++) {
        if (m->sents[i].debris || m->sents[i].seen)
            continue;
        for (uint32_t k = v->off[i]; k < v->off[i + 1]; k++)
            c[v->ids[k]] += topic_term(m, v->ids[k]) ? v->w[k] : 0;
    }
    double n2 = 0;
    for (size_t t = 0; t < m->voc.nterms; t++)
        n2 += c[t] * c[t];
    return sqrt(n2);
}

/* The summary-level centroid objective (Ghalandari 2017). */
typedef struct revisited {
    const model *m;
    const vectors *v;
    const double *c; /* centroid, per term */
    double cnorm;
    double *sum;     /* the summary's vector (sum of chosen sentence vectors) */
    double dot, n2;  /* sum . c and |sum|^2 */
} revisited;

/* The summary's cosine to the centroid once sentence i is added. */
static double cosine_after(const revisited *r, size_t i)
{
    const vectors *v = r->v;
    double dot = r->dot + vectors_dot_dense(v, i, r->c);
    double n2 = r->n2 + 2 * vectors_dot_dense(v, i, r->sum);
    for (uint32_t k = v->off[i]; k < v->off[i + 1]; k++)
        n2 += v->w[k] * v->w[k];
    return n2 > 0 && r->cnorm > 0 ? dot / (sqrt(n2) * r->cnorm) : 0;
}

/* Gain: the rise in cosine, times words so the selector ranks by it. */
static double revisited_gain(void *ctx, size_t i)
{
    revisited *r = ctx;
    double before = r->n2 > 0 && r->cnorm > 0 ? r->dot / (sqrt(r->n2) * r->cnorm) : 0;
    double g = cosine_after(r, i) - before;
    return g > 0 ? g * (r->m->sents[i].nwords ? r->m->sents[i].nwords : 1) : 0;
}

/* Adds sentence i's vector to the summary's. */
static void revisited_commit(void *ctx, size_t i)
{
    revisited *r = ctx;
    const vectors *v = r->v;
    r->dot += vectors_dot_dense(v, i, r->c);
    r->n2 += 2 * vectors_dot_dense(v, i, r->sum);
    for (uint32_t k = v->off[i]; k < v->off[i + 1]; k++) {
        r->n2 += v->w[k] * v->w[k];
        r->sum[v->ids[k]] += v->w[k];
    }
}

int method_centroid_revisited(const model *m, const budget *b, const struct nf_options *o,
                              selection *sel)
{
    vectors v;
    if (vectors_build(&v, m))
        return -1;
    size_t nt = m->voc.nterms ? m->voc.nterms : 1;
    double *c = xmalloc(nt * sizeof *c), *sum = xcalloc(nt, sizeof *sum);
    int rc = -1;
    if (c && sum) {
        revisited r = {m, &v, c, sum_centroid(m, &v, c), sum, 0, 0};
        scorer sc = {revisited_gain, revisited_commit, &r, NULL};
        rc = select_greedy(m, b, &sc, o->min_words, sel);
    }
    xfree(c), xfree(sum);
    vectors_free(&v);
    return rc;
}

/* Adds to score[i] the cosine of sentence i to the query (its terms,
 * weighted by idf), when there is one: MMR's relevance is to the query. */
static int add_query_relevance(const model *m, const vectors *v, double *score)
{
    if (!m->in_query)
        return 0;
    double *q = xcalloc(m->voc.nterms ? m->voc.nterms : 1, sizeof *q), n2 = 0;
    if (!q)
        return -1;
    for (size_t t = 0; t < m->voc.nterms; t++)
        if (m->in_query[t])
            q[t] = v->idf[t], n2 += v->idf[t] * v->idf[t];
    for (size_t i = 0; n2 > 0 && i < m->nsents; i++)
        score[i] += vectors_dot_dense(v, i, q) / sqrt(n2);
    xfree(q);
    return 0;
}

int method_mmr(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    vectors v;
    if (vectors_build(&v, m))
        return -1;
    size_t nt = m->voc.nterms ? m->voc.nterms : 1;
    double *c = xmalloc(nt * sizeof *c), *score = xcalloc(m->nsents ? m->nsents : 1, sizeof *score);
    int rc = -1;
    if (c && score) {
        double cn = sum_centroid(m, &v, c);
        for (size_t i = 0; i < m->nsents; i++)
            score[i] = cn > 0 ? vectors_dot_dense(&v, i, c) / cn : 0;
        if (!add_query_relevance(m, &v, score))
            rc = mmr_select_scores(m, b, o->min_words, &v, score, MMR_LAMBDA, 1.0, sel);
    }
    xfree(c), xfree(score);
    vectors_free(&v);
    return rc;
}
