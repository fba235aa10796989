#include "select/graphrank.h"
#include "core/alloc.h"
#include "select/mmr.h"
#include <math.h>
#include <string.h>

/* PageRank stops when the L1 change falls under this, or after this many
 * rounds (both fixed: deterministic). */
#define PAGERANK_TOLERANCE 1e-6
#define PAGERANK_MAX_ROUNDS 100

uint8_t *graph_node_mask(const model *m, const vectors *v)
{
    uint8_t *mask = xcalloc(m->nsents ? m->nsents : 1, 1);
    for (size_t i = 0; mask && i < m->nsents; i++)
        mask[i] = !m->sents[i].debris && !m->sents[i].seen && v->off[i + 1] > v->off[i];
    return mask;
}

/* Fills out[j] with node j's total outgoing weight. */
static void out_weights(const simgraph *g, int binary, double *out)
{
    for (size_t j = 0; j < g->n; j++) {
        out[j] = 0;
        for (uint32_t e = g->first[j]; e < g->first[j + 1]; e++)
            out[j] += binary ? 1 : g->sim[e];
    }
}

/* One round: next from p. Returns the L1 change. */
static double pagerank_round(const simgraph *g, const uint8_t *mask, int binary, double jump,
                             size_t nodes, const double *out, const double *p, double *next)
{
    double dangling = 0;
    for (size_t j = 0; j < g->n; j++)
        if (mask[j] && out[j] <= 0)
            dangling += p[j];
    double base = jump / nodes + (1 - jump) * dangling / nodes, change = 0;
    for (size_t i = 0; i < g->n; i++) {
        if (!mask[i]) {
            next[i] = 0;
            continue;
        }
        double s = 0;
        /* The graph is symmetric: i's neighbours are the nodes pointing to i. */
        for (uint32_t e = g->first[i]; e < g->first[i + 1]; e++) {
            uint32_t j = g->nbr[e];
            s += p[j] * (binary ? 1 : g->sim[e]) / out[j];
        }
        next[i] = base + (1 - jump) * s;
        change += fabs(next[i] - p[i]);
    }
    return change;
}

int graph_pagerank(const simgraph *g, const uint8_t *mask, int binary, double jump,
                   double *score)
{
    size_t nodes = 0, n = g->n ? g->n : 1;
    for (size_t i = 0; i < g->n; i++)
        nodes += mask[i] != 0;
    double *out = xmalloc(n * sizeof *out), *next = xmalloc(n * sizeof *next);
    if (!out || !next) {
        xfree(out), xfree(next);
        return -1;
    }
    out_weights(g, binary, out);
    for (size_t i = 0; i < g->n; i++)
        score[i] = mask[i] ? 1.0 / (double)nodes : 0;
    for (int r = 0; nodes && r < PAGERANK_MAX_ROUNDS; r++) {
        double change = pagerank_round(g, mask, binary, jump, nodes, out, score, next);
        memcpy(score, next, g->n * sizeof *score);
        if (change < PAGERANK_TOLERANCE)
            break;
    }
    xfree(out), xfree(next);
    return 0;
}

void graph_fold_duplicates(const model *m, double *score)
{
    for (size_t i = m->nsents; i-- > 0;)
        if (m->sents[i].dup_of >= 0) {
            score[m->sents[i].dup_of] += score[i];
            score[i] = 0;
        }
}

int graph_method(const model *m, const budget *b, long min_words, enum simkind kind,
                 double min_sim, int binary, selection *sel)
{
    vectors v;
    simgraph g = {0};
    uint8_t *mask = NULL;
    double *score = NULL;
    int rc = -1;
    if (vectors_build(&v, m))
        return -1;
    mask = graph_node_mask(m, &v);
    score = xcalloc(m->nsents ? m->nsents : 1, sizeof *score);
    if (!mask || !score || simgraph_build(&g, &v, mask, kind, min_sim, GRAPH_MAX_PAIRS) ||
        graph_pagerank(&g, mask, binary, 0.15, score))
        goto done;
    graph_fold_duplicates(m, score);
    rc = mmr_select_scores(m, b, min_words, &v, score, 1.0, MMR_MAX_SIM, sel);
done:
    xfree(mask), xfree(score);
    simgraph_free(&g);
    vectors_free(&v);
    return rc;
}
