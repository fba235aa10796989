/* Luhn (1958), "The automatic creation of literature abstracts": the
 * significant words are the most frequent content words; a sentence's
 * significance is, over its clusters of significant words (runs where
 * significant words are at most four other words apart), the highest
 * (significant words in the cluster)^2 / (words the cluster spans). Luhn
 * cut the frequency list by hand; here the top tenth of the content terms
 * by frequency (at least ten), seen at least twice, are significant. */
#include "core/alloc.h"
#include "model/vectors.h"
#include "select/methods.h"
#include "select/mmr.h"
#include <stdlib.h>

#define LUHN_MAX_GAP 4

typedef struct term_cf {
    uint32_t cf, id;
} term_cf;

/* Most frequent first, then lower id. */
static int cmp_cf(const void *a, const void *b)
{
    const term_cf *x = a, *y = b;
    if (x->cf != y->cf)
        return x->cf > y->cf ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* Returns a per-term mask of the significant terms, or NULL on OOM. */
static uint8_t *significant_terms(const model *m)
{
    size_t nt = m->voc.nterms, n = 0;
    uint8_t *sig = xcalloc(nt ? nt : 1, 1);
    term_cf *t = xmalloc((nt ? nt : 1) * sizeof *t);
    if (!sig || !t) {
        xfree(sig), xfree(t);
        return NULL;
    }
    for (size_t i = 0; i < nt; i++)
        if (!m->voc.terms[i].stop)
            t[n].cf = m->voc.terms[i].cf, t[n++].id = (uint32_t)i;
    qsort(t, n, sizeof *t, cmp_cf);
    size_t keep = n / 10 > 10 ? n / 10 : 10;
    for (size_t k = 0; k < n && k < keep && t[k].cf >= 2; k++)
        sig[t[k].id] = 1;
    xfree(t);
    return sig;
}

/* Luhn's significance of sentence i. */
static double significance(const model *m, size_t i, const uint8_t *sig)
{
    const msent *s = &m->sents[i];
    double best = 0;
    long first = -1, last = -1, count = 0;
    for (uint32_t k = 0; k <= s->ntok; k++) {
        int is_sig = k < s->ntok && sig[m->toks[s->tok + k]];
        if (k < s->ntok && !is_sig)
            continue;
        if (first >= 0 && (k == s->ntok || (long)k - last - 1 > LUHN_MAX_GAP)) {
            double v = (double)(count * count) / (double)(last - first + 1);
            best = v > best ? v : best;
            first = -1, count = 0;
        }
        if (is_sig) {
            if (first < 0)
                first = k;
            last = k, count++;
        }
    }
    return best;
}

int method_luhn(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    vectors v;
    if (vectors_build(&v, m))
        return -1;
    uint8_t *sig = significant_terms(m);
    double *score = xcalloc(m->nsents ? m->nsents : 1, sizeof *score);
    int rc = -1;
    if (sig && score) {
        for (size_t i = 0; i < m->nsents; i++)
            score[i] = significance(m, i, sig);
        rc = mmr_select_scores(m, b, o->min_words, &v, score, 1.0, MMR_MAX_SIM, sel);
    }
    xfree(sig), xfree(score);
    vectors_free(&v);
    return rc;
}
