/* Submodular coverage + diversity (Lin & Bilmes 2011):
 *   F(S) = sum_i min(C_i(S), alpha C_i(V)) + lambda sum_k sqrt(sum_{j in P_k, S} r_j)
 * with C_i(S) = sum_{j in S} w_ij the tf-idf cosine coverage of sentence i
 * by the summary (w_ii = 1), saturated at the fraction alpha = a / N of
 * what the whole input gives it; P_k clusters of sentences and r_j = (1/N)
 * sum_i w_ij a sentence's singleton reward. Greedy by gain / words^r
 * (their scaled cost), which the paper shows near-optimal. Constants as the
 * paper's DUC 2004 setting as we read it: a = 5, lambda = 6, r = 0.3.
 * Clusters: the paper uses k-means; here a sentence joins the most similar
 * earlier cluster leader at cosine >= SUBMOD_CLUSTER_SIM (one pass over
 * the sparse graph, deterministic, linear), or leads a new cluster. */
#include "core/alloc.h"
#include "model/vectors.h"
#include "select/graphrank.h"
#include "select/methods.h"
#include <math.h>
#include <string.h>

#define SUBMOD_A 5.0
#define SUBMOD_LAMBDA 6.0
#define SUBMOD_R 0.3
#define SUBMOD_CLUSTER_SIM 0.2

typedef struct submod {
    const model *m;
    const simgraph *g;
    const uint8_t *mask;
    double *cov, *sat; /* per sentence: C_i(S) and alpha C_i(V) */
    double *reward;    /* r_j */
    uint32_t *cluster; /* per sentence */
    double *csum;      /* per cluster: rewards chosen */
} submod;

/* Leader clustering over the graph (see the file comment). */
static void cluster_sentences(submod *s)
{
    const simgraph *g = s->g;
    for (size_t i = 0; i < g->n; i++) {
        double best = SUBMOD_CLUSTER_SIM - 1e-12; /* ties: the lower leader */
        s->cluster[i] = (uint32_t)i;
        for (uint32_t e = g->first[i]; e < g->first[i + 1] && g->nbr[e] < i; e++) {
            uint32_t j = g->nbr[e];
            if (s->mask[j] && s->cluster[j] == j && g->sim[e] > best)
                best = g->sim[e], s->cluster[i] = j;
        }
    }
}

/* Fills sat and reward from the graph. */
static void weigh(submod *s)
{
    const simgraph *g = s->g;
    size_t nodes = 0;
    for (size_t i = 0; i < g->n; i++)
        nodes += s->mask[i] != 0;
    double alpha = nodes ? SUBMOD_A / (double)nodes : 1;
    for (size_t i = 0; i < g->n; i++) {
        double total = s->mask[i] ? 1 : 0;
        for (uint32_t e = g->first[i]; e < g->first[i + 1]; e++)
            total += g->sim[e];
        s->sat[i] = alpha * total;
        s->reward[i] = nodes ? total / (double)nodes : 0;
    }
}

/* How much sentence i's saturated coverage rises with add more. */
static double saturated(const submod *s, size_t i, double add)
{
    double before = s->cov[i] < s->sat[i] ? s->cov[i] : s->sat[i];
    double after = s->cov[i] + add < s->sat[i] ? s->cov[i] + add : s->sat[i];
    return after - before;
}

/* F(S + j) - F(S), scaled for the selector (see the end). */
static double submod_gain(void *ctx, size_t j)
{
    submod *s = ctx;
    const simgraph *g = s->g;
    if (!s->mask[j])
        return 0;
    double cover = saturated(s, j, 1);
    for (uint32_t e = g->first[j]; e < g->first[j + 1]; e++)
        cover += saturated(s, g->nbr[e], g->sim[e]);
    double cs = s->csum[s->cluster[j]];
    double gain = cover + SUBMOD_LAMBDA * (sqrt(cs + s->reward[j]) - sqrt(cs));
    /* The selector divides by words: this leaves gain / words^r. */
    return gain * pow(s->m->sents[j].nwords ? s->m->sents[j].nwords : 1, 1 - SUBMOD_R);
}

/* Adds j's coverage of its neighbours and its reward to its cluster. */
static void submod_commit(void *ctx, size_t j)
{
    submod *s = ctx;
    const simgraph *g = s->g;
    s->cov[j] += 1;
    for (uint32_t e = g->first[j]; e < g->first[j + 1]; e++)
        s->cov[g->nbr[e]] += g->sim[e];
    s->csum[s->cluster[j]] += s->reward[j];
}

/* Clusters, weighs and selects; 0 or -1 (OOM). */
static int submod_run(const model *m, const budget *b, long min_words, const simgraph *g,
                      const uint8_t *mask, selection *sel)
{
    size_t n = m->nsents ? m->nsents : 1;
    submod s = {m, g, mask, xcalloc(n, sizeof *s.cov), xcalloc(n, sizeof *s.sat),
                xcalloc(n, sizeof *s.reward), xcalloc(n, sizeof *s.cluster),
                xcalloc(n, sizeof *s.csum)};
    int rc = -1;
    if (s.cov && s.sat && s.reward && s.cluster && s.csum) {
        cluster_sentences(&s);
        weigh(&s);
        scorer sc = {submod_gain, submod_commit, &s, NULL};
        rc = select_greedy(m, b, &sc, min_words, sel);
    }
    xfree(s.cov), xfree(s.sat), xfree(s.reward), xfree(s.cluster), xfree(s.csum);
    return rc;
}

int method_submodular(const model *m, const budget *b, const struct nf_options *o,
                      selection *sel)
{
    vectors v;
    simgraph g = {0};
    if (vectors_build(&v, m))
        return -1;
    uint8_t *mask = graph_node_mask(m, &v);
    int rc = -1;
    if (mask && !simgraph_build(&g, &v, mask, SIM_COSINE, 0.0, GRAPH_MAX_PAIRS))
        rc = submod_run(m, b, o->min_words, &g, mask, sel);
    xfree(mask);
    simgraph_free(&g);
    vectors_free(&v);
    return rc;
}
