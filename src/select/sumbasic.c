/* SumBasic (Nenkova & Vanderwende 2005): a word's probability is its share
 * of the input's content words; a sentence weighs the average probability
 * of its words; the best sentence among those holding the currently most
 * probable word is taken, and the probabilities of the words it holds are
 * squared, so their repetition counts for less ("context adjustment"). */
#include "core/alloc.h"
#include "model/vectors.h"
#include "select/methods.h"

typedef struct sumbasic {
    const model *m;
    const vectors *v;
    double *p;   /* per term */
    uint32_t top; /* the most probable term */
} sumbasic;

/* Finds the most probable term (ties: the lower id). */
static void find_top(sumbasic *s)
{
    double best = -1;
    for (size_t t = 0; t < s->m->voc.nterms; t++)
        if (s->p[t] > best)
            best = s->p[t], s->top = (uint32_t)t;
}

/* Average probability of the sentence's content words, plus one when it
 * holds the top word (so those sentences always come first), times words
 * so the selector ranks by it. */
static double sumbasic_gain(void *ctx, size_t i)
{
    sumbasic *s = ctx;
    const vectors *v = s->v;
    double sum = 0, n = 0, has_top = 0;
    for (uint32_t k = v->off[i]; k < v->off[i + 1]; k++) {
        sum += v->tf[k] * s->p[v->ids[k]], n += v->tf[k];
        has_top = v->ids[k] == s->top ? 1 : has_top;
    }
    return n > 0 ? (sum / n + has_top) * s->m->sents[i].nwords : 0;
}

/* Squares the probabilities of sentence i's words, once per word. */
static void sumbasic_commit(void *ctx, size_t i)
{
    sumbasic *s = ctx;
    for (uint32_t k = s->v->off[i]; k < s->v->off[i + 1]; k++)
        s->p[s->v->ids[k]] *= s->p[s->v->ids[k]];
    find_top(s);
}

int method_sumbasic(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    vectors v;
    if (vectors_build(&v, m))
        return -1;
    sumbasic s = {m, &v, xcalloc(m->voc.nterms ? m->voc.nterms : 1, sizeof *s.p), 0};
    int rc = -1;
    if (s.p) {
        double total = 0;
        for (size_t t = 0; t < m->voc.nterms; t++)
            total += m->voc.terms[t].stop ? 0 : m->voc.terms[t].cf;
        for (size_t t = 0; t < m->voc.nterms; t++)
            s.p[t] = m->voc.terms[t].stop || total <= 0 ? 0 : m->voc.terms[t].cf / total;
        find_top(&s);
        scorer sc = {sumbasic_gain, sumbasic_commit, &s, NULL};
        rc = select_greedy(m, b, &sc, o->min_words, sel);
    }
    xfree(s.p);
    vectors_free(&v);
    return rc;
}
