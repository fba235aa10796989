#include "model/vectors.h"
#include "core/alloc.h"
#include "model/idf.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* qsort order of uint32_t, ascending. */
static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

void vectors_free(vectors *v)
{
    xfree(v->off), xfree(v->ids), xfree(v->w), xfree(v->tf), xfree(v->idf), xfree(v->sf);
    memset(v, 0, sizeof *v);
}

/* Counts, per term, the sentences that contain it (content terms only). */
static int count_sentence_freq(vectors *v, const model *m)
{
    uint32_t *last = xcalloc(v->nterms ? v->nterms : 1, sizeof *last);
    if (!last)
        return -1;
    for (size_t i = 0; i < m->nsents; i++) {
        const msent *s = &m->sents[i];
        for (uint32_t k = 0; k < s->ntok; k++) {
            uint32_t t = m->toks[s->tok + k];
            if (!m->voc.terms[t].stop && last[t] != i + 1)
                last[t] = (uint32_t)i + 1, v->sf[t]++;
        }
    }
    xfree(last);
    return 0;
}

/* Writes sentence i's sorted content term ids into tmp; returns their count. */
static size_t sorted_terms(const model *m, size_t i, uint32_t *tmp)
{
    const msent *s = &m->sents[i];
    size_t n = 0;
    for (uint32_t k = 0; k < s->ntok; k++) {
        uint32_t t = m->toks[s->tok + k];
        if (!m->voc.terms[t].stop)
            tmp[n++] = t;
    }
    qsort(tmp, n, sizeof *tmp, cmp_u32);
    return n;
}

/* Appends sentence i's vector (tf * idf, unit length) at v->off[i]. */
static void fill_vector(vectors *v, const model *m, size_t i, uint32_t *tmp)
{
    size_t n = sorted_terms(m, i, tmp), at = v->off[i];
    double norm = 0;
    for (size_t k = 0; k < n;) {
        size_t r = k;
        while (r < n && tmp[r] == tmp[k])
            r++;
        double w = (double)(r - k) * v->idf[tmp[k]];
        if (w > 0) {
            v->ids[at] = tmp[k], v->tf[at] = (uint32_t)(r - k), v->w[at++] = w;
            norm += w * w;
        }
        k = r;
    }
    norm = sqrt(norm);
    for (size_t k = v->off[i]; k < at; k++)
        v->w[k] /= norm;
    v->off[i + 1] = (uint32_t)at;
}

/* Fills v->idf (terms in no sentence stay 0). Without a background
 * table: log((n + 1) / sf) over the set's n sentences. With one, the set's
 * sentences join the table's N documents as one collection:
 * log((N + n + 1) / (df + sf + 1)), so a large background decides, a term
 * the background lacks weighs by how often this set uses it (at most
 * log(N + n + 1)), and a common word stays near 0 whatever the set says.
 * (Measured on the development sets against the table's idf alone,
 * log((N + 1) / (df + 1)): better for most methods on most sets.) */
static void set_idf(vectors *v, const model *m, const struct nf_idf *bg)
{
    double n = (double)v->n, bn = bg ? (double)bg->ndocs : 0;
    for (size_t t = 0; t < v->nterms; t++) {
        const term *x = &m->voc.terms[t];
        if (!v->sf[t])
            v->idf[t] = 0;
        else if (bg)
            v->idf[t] = log((bn + n + 1) / (idf_df(bg, x->s, x->len) + v->sf[t] + 1));
        else
            v->idf[t] = log((n + 1) / v->sf[t]);
    }
}

int vectors_build(vectors *v, const model *m)
{
    memset(v, 0, sizeof *v);
    v->n = m->nsents, v->nterms = m->voc.nterms;
    size_t nt = v->nterms ? v->nterms : 1, cap = m->ntoks ? m->ntoks : 1, longest = 1;
    v->off = xcalloc(v->n + 1, sizeof *v->off);
    v->ids = xmalloc(cap * sizeof *v->ids);
    v->w = xmalloc(cap * sizeof *v->w);
    v->tf = xmalloc(cap * sizeof *v->tf);
    v->idf = xcalloc(nt, sizeof *v->idf);
    v->sf = xcalloc(nt, sizeof *v->sf);
    for (size_t i = 0; i < m->nsents; i++)
        if (m->sents[i].ntok > longest)
            longest = m->sents[i].ntok;
    uint32_t *tmp = xmalloc(longest * sizeof *tmp);
    if (!v->off || !v->ids || !v->w || !v->tf || !v->idf || !v->sf || !tmp ||
        count_sentence_freq(v, m)) {
        xfree(tmp);
        vectors_free(v);
        return -1;
    }
    set_idf(v, m, m->background);
    for (size_t i = 0; i < m->nsents; i++)
        fill_vector(v, m, i, tmp);
    xfree(tmp);
    return 0;
}

double vectors_cosine(const vectors *v, size_t i, size_t j)
{
    uint32_t a = v->off[i], ae = v->off[i + 1], b = v->off[j], be = v->off[j + 1];
    double dot = 0;
    while (a < ae && b < be) {
        if (v->ids[a] < v->ids[b])
            a++;
        else if (v->ids[a] > v->ids[b])
            b++;
        else
            dot += v->w[a++] * v->w[b++];
    }
    return dot;
}

double vectors_dot_dense(const vectors *v, size_t i, const double *dense)
{
    double dot = 0;
    for (uint32_t k = v->off[i]; k < v->off[i + 1]; k++)
        dot += v->w[k] * dense[v->ids[k]];
    return dot;
}

/* Returns the number of content terms sentences i and j share. */
static size_t shared_terms(const vectors *v, size_t i, size_t j)
{
    uint32_t a = v->off[i], ae = v->off[i + 1], b = v->off[j], be = v->off[j + 1];
    size_t n = 0;
    while (a < ae && b < be) {
        if (v->ids[a] < v->ids[b])
            a++;
        else if (v->ids[a] > v->ids[b])
            b++;
        else
            a++, b++, n++;
    }
    return n;
}

/* The similarity of i and j under kind (see enum simkind). */
static double similarity(const vectors *v, size_t i, size_t j, enum simkind kind)
{
    if (kind == SIM_COSINE)
        return vectors_cosine(v, i, j);
    double li = v->off[i + 1] - v->off[i], lj = v->off[j + 1] - v->off[j];
    double denom = log(li) + log(lj);
    return li > 0 && lj > 0 && denom > 0 ? (double)shared_terms(v, i, j) / denom : 0;
}

void simgraph_free(simgraph *g)
{
    xfree(g->first), xfree(g->nbr), xfree(g->sim);
    memset(g, 0, sizeof *g);
}

/* The inverted index over kept sentences: postings of term t are
 * post[pfirst[t] .. pfirst[t+1]), ascending sentence indices. */
typedef struct postings {
    uint32_t *pfirst, *post;
} postings;

/* Fills p from the kept sentences' vectors. Returns 0 or -1 (OOM). */
static int postings_build(postings *p, const vectors *v, const uint8_t *keep)
{
    p->pfirst = xcalloc(v->nterms + 1, sizeof *p->pfirst);
    p->post = xmalloc((v->off[v->n] ? v->off[v->n] : 1) * sizeof *p->post);
    if (!p->pfirst || !p->post)
        return -1;
    for (size_t i = 0; i < v->n; i++)
        for (uint32_t k = v->off[i]; (!keep || keep[i]) && k < v->off[i + 1]; k++)
            p->pfirst[v->ids[k] + 1]++;
    for (size_t t = 0; t < v->nterms; t++)
        p->pfirst[t + 1] += p->pfirst[t];
    uint32_t *fill = xmalloc((v->nterms ? v->nterms : 1) * sizeof *fill);
    if (!fill)
        return -1;
    memcpy(fill, p->pfirst, v->nterms * sizeof *fill);
    for (size_t i = 0; i < v->n; i++)
        for (uint32_t k = v->off[i]; (!keep || keep[i]) && k < v->off[i + 1]; k++)
            p->post[fill[v->ids[k]]++] = (uint32_t)i;
    xfree(fill);
    return 0;
}

/* Returns the largest sentence count a generating term may have so that
 * the pairs visited stay within max_pairs. */
static size_t postings_cutoff(const postings *p, const vectors *v, size_t max_pairs)
{
    double *pairs = xcalloc(v->n + 1, sizeof *pairs);
    if (!pairs)
        return 0;
    for (size_t t = 0; t < v->nterms; t++) {
        size_t c = p->pfirst[t + 1] - p->pfirst[t];
        pairs[c] += (double)c * (double)c;
    }
    size_t cut = 0;
    double total = 0;
    for (size_t c = 1; c <= v->n && total + pairs[c] <= (double)max_pairs; c++)
        total += pairs[c], cut = c;
    xfree(pairs);
    return cut;
}

/* Collects into cand the sentences sharing a generating term with i
 * (sorted, without i); returns their count. mark[j] == i + 1 means seen. */
static size_t candidates(const vectors *v, const postings *p, size_t i, size_t max_postings,
                         uint32_t *mark, uint32_t *cand)
{
    size_t n = 0;
    for (uint32_t k = v->off[i]; k < v->off[i + 1]; k++) {
        uint32_t t = v->ids[k], a = p->pfirst[t], e = p->pfirst[t + 1];
        if (e - a > max_postings)
            continue;
        for (; a < e; a++)
            if (p->post[a] != i && mark[p->post[a]] != i + 1)
                mark[p->post[a]] = (uint32_t)i + 1, cand[n++] = p->post[a];
    }
    qsort(cand, n, sizeof *cand, cmp_u32);
    return n;
}

/* Appends the edge to j of weight s to the row being built; 0 or -1. */
static int graph_add(simgraph *g, size_t *cap, uint32_t j, double s)
{
    size_t c2 = *cap;
    if (GROW(g->nbr, *cap, g->nedges + 1))
        return -1;
    if (*cap != c2) {
        double *ns = xrealloc(g->sim, *cap * sizeof *ns);
        if (!ns)
            return -1;
        g->sim = ns;
    }
    g->nbr[g->nedges] = j, g->sim[g->nedges++] = s;
    return 0;
}

int simgraph_build(simgraph *g, const vectors *v, const uint8_t *keep,
                   enum simkind kind, double min_sim, size_t max_pairs)
{
    memset(g, 0, sizeof *g);
    g->n = v->n;
    postings p = {0};
    size_t cap = 0, n = v->n ? v->n : 1;
    uint32_t *mark = xcalloc(n, sizeof *mark), *cand = xmalloc(n * sizeof *cand);
    g->first = xcalloc(v->n + 1, sizeof *g->first);
    int rc = -1;
    if (!mark || !cand || !g->first || postings_build(&p, v, keep))
        goto done;
    size_t max_postings = postings_cutoff(&p, v, max_pairs);
    for (size_t i = 0; i < v->n; i++) {
        size_t nc = keep && !keep[i] ? 0 : candidates(v, &p, i, max_postings, mark, cand);
        for (size_t c = 0; c < nc; c++) {
            double s = similarity(v, i, cand[c], kind);
            if (s > min_sim && graph_add(g, &cap, cand[c], s))
                goto done;
        }
        g->first[i + 1] = (uint32_t)g->nedges;
    }
    rc = 0;
done:
    xfree(mark), xfree(cand), xfree(p.pfirst), xfree(p.post);
    if (rc)
        simgraph_free(g);
    return rc;
}
