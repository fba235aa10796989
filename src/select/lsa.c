/* LSA (Steinberger & Jezek 2004, after Gong & Liu 2001): the term-sentence
 * matrix A of tf-idf weights is decomposed as A = U S V^T; a sentence's
 * score is the length of its vector in the latent space, sqrt(sum_k
 * (s_k v_ik)^2), so a sentence counts for how strongly it expresses the
 * main topics. Of the LSA_DIMS strongest dimensions, only those holding at
 * least half the variance of the strongest (singular value >= 1/sqrt(2)
 * of the largest) count: a weak dimension is often a single off-topic
 * sentence, which would otherwise score as high as the main topic. (On
 * DUC 2004 dev, R-2 6.80 with half the singular value, 8.37 with half the
 * variance, 8.54 with the first dimension alone.) The singular
 * vectors come from subspace (block power) iteration on A^T A with the
 * sparse matrix, a fixed number of rounds and fixed start vectors: no
 * LAPACK needed, linear in the matrix's non-zeros per round. */
#include "core/alloc.h"
#include "model/vectors.h"
#include "select/graphrank.h"
#include "select/methods.h"
#include "select/mmr.h"
#include <math.h>
#include <string.h>

#define LSA_DIMS 8
#define LSA_ROUNDS 40
#define LSA_MIN_SHARE 0.70710678 /* of the largest singular value */

typedef struct lsa {
    const vectors *v;
    const uint8_t *mask;
    size_t n, nterms, k;
    double *x;  /* k sentence-space vectors, x[j * n + i] */
    double *u;  /* term-space scratch */
    double *cell; /* the matrix's entries, parallel to v->ids */
} lsa;

/* The matrix's entries: a sentence's term counts scaled to unit length
 * (term frequency, as Gong & Liu; idf weighting lets each sentence's rare
 * words dominate, and then every sentence is a topic of its own). */
static void fill_cells(const vectors *v, double *cell)
{
    for (size_t i = 0; i < v->n; i++) {
        double n2 = 0;
        for (uint32_t q = v->off[i]; q < v->off[i + 1]; q++)
            n2 += (double)v->tf[q] * v->tf[q];
        for (uint32_t q = v->off[i]; q < v->off[i + 1]; q++)
            cell[q] = v->tf[q] / sqrt(n2);
    }
}

/* y = A^T A x for one sentence-space vector (sentences off the mask are 0). */
static void apply_ata(const lsa *l, const double *x, double *y)
{
    const vectors *v = l->v;
    memset(l->u, 0, l->nterms * sizeof *l->u);
    for (size_t i = 0; i < l->n; i++)
        for (uint32_t q = v->off[i]; l->mask[i] && q < v->off[i + 1]; q++)
            l->u[v->ids[q]] += l->cell[q] * x[i];
    for (size_t i = 0; i < l->n; i++) {
        y[i] = 0;
        for (uint32_t q = v->off[i]; l->mask[i] && q < v->off[i + 1]; q++)
            y[i] += l->cell[q] * l->u[v->ids[q]];
    }
}

/* Orthonormalises the k vectors in place (modified Gram-Schmidt); a
 * vector that vanishes stays zero. */
static void orthonormalise(lsa *l)
{
    for (size_t j = 0; j < l->k; j++) {
        double *xj = l->x + j * l->n;
        for (size_t p = 0; p < j; p++) {
            const double *xp = l->x + p * l->n;
            double d = 0;
            for (size_t i = 0; i < l->n; i++)
                d += xj[i] * xp[i];
            for (size_t i = 0; i < l->n; i++)
                xj[i] -= d * xp[i];
        }
        double n2 = 0;
        for (size_t i = 0; i < l->n; i++)
            n2 += xj[i] * xj[i];
        double inv = n2 > 1e-300 ? 1 / sqrt(n2) : 0;
        for (size_t i = 0; i < l->n; i++)
            xj[i] *= inv;
    }
}

/* Fixed pseudo-random start vectors (a linear congruential sequence). */
static void start_vectors(lsa *l)
{
    uint64_t state = 88172645463325252ULL;
    for (size_t i = 0; i < l->k * l->n; i++) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        l->x[i] = l->mask[i % l->n] ? (double)(state >> 11) / 9007199254740992.0 - 0.5 : 0;
    }
}

/* Runs the iteration, then writes each sentence's score. */
static int lsa_scores(lsa *l, double *score)
{
    double *y = xmalloc(l->n * sizeof *y);
    if (!y)
        return -1;
    start_vectors(l);
    orthonormalise(l);
    for (int r = 0; r < LSA_ROUNDS; r++) {
        for (size_t j = 0; j < l->k; j++) {
            apply_ata(l, l->x + j * l->n, y);
            memcpy(l->x + j * l->n, y, l->n * sizeof *y);
        }
        orthonormalise(l);
    }
    memset(score, 0, l->n * sizeof *score);
    double top = 0;
    for (size_t j = 0; j < l->k; j++) {
        const double *xj = l->x + j * l->n;
        apply_ata(l, xj, y);
        double s2 = 0; /* s_j^2 = x^T A^T A x */
        for (size_t i = 0; i < l->n; i++)
            s2 += xj[i] * y[i];
        top = s2 > top ? s2 : top;
        if (s2 < top * LSA_MIN_SHARE * LSA_MIN_SHARE)
            continue;
        for (size_t i = 0; i < l->n; i++)
            score[i] += s2 * xj[i] * xj[i];
    }
    for (size_t i = 0; i < l->n; i++)
        score[i] = sqrt(score[i]);
    xfree(y);
    return 0;
}

int method_lsa(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    vectors v;
    if (vectors_build(&v, m))
        return -1;
    lsa l = {&v, graph_node_mask(m, &v), m->nsents, m->voc.nterms, 0, NULL, NULL, NULL};
    size_t nodes = 0;
    for (size_t i = 0; l.mask && i < m->nsents; i++)
        nodes += l.mask[i];
    l.k = nodes < LSA_DIMS ? nodes : LSA_DIMS;
    size_t n = m->nsents ? m->nsents : 1;
    l.x = xmalloc((l.k ? l.k : 1) * n * sizeof *l.x);
    l.u = xmalloc((l.nterms ? l.nterms : 1) * sizeof *l.u);
    double *score = xmalloc(n * sizeof *score);
    l.cell = xmalloc((v.off[v.n] ? v.off[v.n] : 1) * sizeof *l.cell);
    int rc = -1;
    if (l.cell)
        fill_cells(&v, l.cell);
    if (l.mask && l.x && l.u && l.cell && score && !lsa_scores(&l, score)) {
        graph_fold_duplicates(m, score);
        rc = mmr_select_scores(m, b, o->min_words, &v, score, 1.0, MMR_MAX_SIM, sel);
    }
    xfree((void *)l.mask), xfree(l.x), xfree(l.u), xfree(l.cell), xfree(score);
    vectors_free(&v);
    return rc;
}
