/* KL-Sum (Haghighi & Vanderwende 2009): greedily add the sentence after
 * which KL(P || Q) is lowest, P the input's distribution of content words
 * and Q the summary's, smoothed by adding KL_DELTA to every word's count;
 * until the budget is full. While the summary is short, with the
 * smoothing, every addition may raise the divergence: the choice is still
 * the sentence leaving it lowest (stopping when it rises ends DUC
 * summaries after one sentence).
 * With c the summary's counts and L their sum, V words with P > 0:
 *   KL = sum P log P - sum P log(c + delta) + log(L + delta V),
 * so a candidate's divergence needs only its own words. */
#include "core/alloc.h"
#include "model/vectors.h"
#include "select/methods.h"
#include <math.h>

#define KL_DELTA 0.01

typedef struct klsum {
    const model *m;
    const vectors *v;
    double *p;      /* input distribution, per term */
    uint32_t *c;    /* summary counts, per term */
    double len, nv; /* L and V */
    double kl;      /* the current divergence */
} klsum;

/* Returns KL after adding sentence i. */
static double kl_after(const klsum *k, size_t i)
{
    const vectors *v = k->v;
    double drop = 0, add = 0;
    for (uint32_t q = v->off[i]; q < v->off[i + 1]; q++) {
        uint32_t t = v->ids[q];
        drop += k->p[t] * (log(k->c[t] + v->tf[q] + KL_DELTA) - log(k->c[t] + KL_DELTA));
        add += v->tf[q];
    }
    return k->kl - drop + log(k->len + add + KL_DELTA * k->nv) - log(k->len + KL_DELTA * k->nv);
}

/* exp(-KL after), times words so the selector ranks by it: the choice is
 * the sentence leaving the lowest divergence. */
static double kl_gain(void *ctx, size_t i)
{
    klsum *k = ctx;
    return exp(-kl_after(k, i)) * (k->m->sents[i].nwords ? k->m->sents[i].nwords : 1);
}

/* Adds sentence i's words to the summary's counts. */
static void kl_commit(void *ctx, size_t i)
{
    klsum *k = ctx;
    k->kl = kl_after(k, i);
    for (uint32_t q = k->v->off[i]; q < k->v->off[i + 1]; q++) {
        k->c[k->v->ids[q]] += k->v->tf[q];
        k->len += k->v->tf[q];
    }
}

/* Fills the input distribution and the divergence of the empty summary
 * (Q uniform over the V words). */
static void kl_start(klsum *k)
{
    const model *m = k->m;
    double total = 0;
    for (size_t t = 0; t < m->voc.nterms; t++)
        total += m->voc.terms[t].stop ? 0 : m->voc.terms[t].cf;
    for (size_t t = 0; t < m->voc.nterms; t++) {
        k->p[t] = m->voc.terms[t].stop || total <= 0 ? 0 : m->voc.terms[t].cf / total;
        k->nv += k->p[t] > 0;
    }
    for (size_t t = 0; t < m->voc.nterms; t++)
        k->kl += k->p[t] > 0 ? k->p[t] * log(k->p[t] * k->nv) : 0;
}

int method_kl(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    vectors v;
    if (vectors_build(&v, m))
        return -1;
    size_t nt = m->voc.nterms ? m->voc.nterms : 1;
    klsum k = {m, &v, xcalloc(nt, sizeof *k.p), xcalloc(nt, sizeof *k.c), 0, 0, 0};
    int rc = -1;
    if (k.p && k.c) {
        kl_start(&k);
        scorer sc = {kl_gain, kl_commit, &k, NULL};
        rc = select_greedy(m, b, &sc, o->min_words, sel);
    }
    xfree(k.p), xfree(k.c);
    vectors_free(&v);
    return rc;
}
