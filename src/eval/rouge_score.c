/* One evaluation: a summary (the peer) against its references (the
 * models) for one metric, computed and rounded exactly as ROUGE-1.5.5's
 * computeNGramScore / computeSkipBigramScore / computeLCSScore /
 * computeWLCSScore do, quirks included (see doc/ROUGE.md). */
#include "core/alloc.h"
#include "eval/rouge.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double round5(double x)
{
    /* Fast path: when x * 1e5 is not within 1e-6 of a rounding tie, the
     * nearest integer is the digit string printf would make, and r / 1e5
     * (one correctly rounded division) is the double strtod would read. */
    double y = x * 1e5, r = floor(y + 0.5);
    if (x >= 0 && y < 1e12 && fabs(y - floor(y) - 0.5) > 1e-6)
        return r / 1e5;
    char b[64];
    snprintf(b, sizeof b, "%7.5f", x);
    return strtod(b, NULL);
}

/* Sum over distinct values of min(count in m, count in p): the clipped
 * hits of two sorted lists. */
static size_t hits_u32(const uint32_t *m, size_t nm, const uint32_t *p, size_t np)
{
    size_t i = 0, j = 0, h = 0;
    while (i < nm && j < np) {
        if (m[i] != p[j]) {
            m[i] < p[j] ? i++ : j++;
            continue;
        }
        uint32_t x = m[i];
        size_t cm = 0, cp = 0;
        for (; i < nm && m[i] == x; i++)
            cm++;
        for (; j < np && p[j] == x; j++)
            cp++;
        h += cm < cp ? cm : cp;
    }
    return h;
}

/* hits_u32 for 64-bit keys. */
static size_t hits_u64(const uint64_t *m, size_t nm, const uint64_t *p, size_t np)
{
    size_t i = 0, j = 0, h = 0;
    while (i < nm && j < np) {
        if (m[i] != p[j]) {
            m[i] < p[j] ? i++ : j++;
            continue;
        }
        uint64_t x = m[i];
        size_t cm = 0, cp = 0;
        for (; i < nm && m[i] == x; i++)
            cm++;
        for (; j < np && p[j] == x; j++)
            cp++;
        h += cm < cp ? cm : cp;
    }
    return h;
}

/* What one model contributes: counts, hits and its -f B score. */
typedef struct part {
    double model, hit, peer, score;
} part;

/* Makes room in the scratch buffers for an m x n DP and nforms counts. */
static int work_reserve(rouge_work *w, size_t m, size_t n, size_t nforms)
{
    size_t cells = (m + 1) * (n + 1);
    if (cells > w->dir_cap && GROW(w->dir, w->dir_cap, cells))
        return -1;
    if (m + 1 > w->mask_cap && GROW(w->mask, w->mask_cap, m + 1))
        return -1;
    size_t words = (n + 63) / 64 + 1, need = (n + m + 2) * words;
    if (need > w->bits_cap && GROW(w->bits, w->bits_cap, need))
        return -1;
    if (m + 1 > w->rows_cap) {
        size_t cap = w->rows_cap;
        if (GROW(w->rows, cap, m + 1))
            return -1;
        cap = w->rows_cap;
        if (GROW(w->row_at, cap, m + 1))
            return -1;
        w->rows_cap = cap;
    }
    if (2 * (n + 1) > w->row_cap) {
        size_t cap = w->row_cap;
        if (GROW(w->rowd, cap, 2 * (n + 1)))
            return -1;
        cap = w->row_cap;
        if (GROW(w->rowi, cap, 2 * (n + 1)))
            return -1;
        w->row_cap = cap;
    }
    if (nforms + 1 > w->count_cap) {
        size_t cap = w->count_cap, old = w->count_cap;
        if (GROW(w->mcount, cap, nforms + 1))
            return -1;
        cap = w->count_cap;
        if (GROW(w->pcount, cap, nforms + 1))
            return -1;
        cap = w->count_cap;
        if (GROW(w->stamp, cap, nforms + 1))
            return -1;
        cap = w->count_cap;
        if (GROW(w->slot, cap, nforms + 1))
            return -1;
        memset(w->mcount + old, 0, (cap - old) * sizeof *w->mcount);
        memset(w->pcount + old, 0, (cap - old) * sizeof *w->pcount);
        memset(w->stamp + old, 0, (cap - old) * sizeof *w->stamp);
        w->count_cap = cap;
    }
    return 0;
}

enum { DIAG = 1, UP = 2, LEFT = 3 };

/* Follows the moves back from (m, n) and marks the model positions that
 * the diagonal moves pass (the script's markLCS). */
static void mark_path(const unsigned char *dir, size_t m, size_t n, unsigned char *mask)
{
    size_t i = m, j = n;
    while (i && j) {
        unsigned char d = dir[i * (n + 1) + j];
        if (d == DIAG)
            mask[--i] = 1, j--;
        else if (d == UP)
            i--;
        else
            j--;
    }
}

/* c[i][j] of the LCS DP from bit row v (W words): the zero bits of v
 * below j, as in the bit-parallel LCS of Allison-Dix and Hyyro, where a
 * zero bit j says c[i][j+1] = c[i][j] + 1. */
static size_t lcs_at(const uint64_t *v, size_t j)
{
    size_t ones = 0, k = 0;
    for (; j >= 64; j -= 64)
        ones += (size_t)__builtin_popcountll(v[k++]);
    if (j)
        ones += (size_t)__builtin_popcountll(v[k] & ((1ULL << j) - 1));
    return k * 64 + j - ones;
}

/* 1 if bit j of v is zero: c[i][j+1] - c[i][j]. */
static size_t step_at(const uint64_t *v, size_t j)
{
    return !((v[j / 64] >> (j % 64)) & 1);
}

/* Walks the DP path back from (k, n) and marks the model positions of
 * its diagonal moves. c(i, j) and c(i-1, j) are carried along: a move
 * left updates both from one bit each; only a change of row needs a
 * count over the row above. */
static void lcs_walk(const uint32_t *rows, const uint32_t *row_at, size_t k, const uint32_t *y,
                     size_t n, const uint64_t *V, size_t W, unsigned char *mask)
{
    size_t i = k, j = n;
    if (!i || !j)
        return;
    size_t up = lcs_at(V + (i - 1) * W, j); /* c(i-1, j) */
    size_t here = lcs_at(V + i * W, j);     /* c(i, j) */
    while (i && j) {
        if (rows[i - 1] == y[j - 1]) {
            mask[row_at[i - 1]] = 1;
            here = up - step_at(V + (i - 1) * W, j - 1); /* c(i-1, j-1) */
            i--, j--;
        } else if (up >= here - step_at(V + i * W, j - 1)) {
            here = up;
            i--;
        } else {
            here -= step_at(V + i * W, j - 1);
            up -= step_at(V + (i - 1) * W, j - 1);
            j--;
            continue;
        }
        if (i && j)
            up = lcs_at(V + (i - 1) * W, j);
    }
}

/* Builds the match masks of peer sentence y[0..n) in w->bits (one per
 * distinct token, W words each) and stamps its tokens; returns how many. */
static size_t lcs_peer_masks(const uint32_t *y, size_t n, size_t W, rouge_work *w)
{
    size_t nslots = 0;
    if (++w->epoch == 0) { /* wrapped: forget the old stamps */
        memset(w->stamp, 0, w->count_cap * sizeof *w->stamp);
        w->epoch = 1;
    }
    uint64_t *pm = w->bits;
    for (size_t j = 0; j < n; j++) {
        if (w->stamp[y[j]] != w->epoch) {
            w->stamp[y[j]] = w->epoch, w->slot[y[j]] = (uint32_t)nslots;
            for (size_t q = 0; q < W; q++)
                pm[nslots * W + q] = 0;
            nslots++;
        }
        pm[w->slot[y[j]] * W + j / 64] |= 1ULL << (j % 64);
    }
    return nslots;
}

/* Marks in mask the model positions of the LCS path that ROUGE-1.5.5's DP
 * (lcs_inner, then markLCS) finds for model x[0..m) and the peer sentence
 * y[0..n) whose masks lcs_peer_masks made: equal tokens always go
 * diagonal, else up when c[i-1][j] >= c[i][j-1], else left. The DP table
 * is computed 64 cells at a time as bit rows (V' = (V + U) | (V - U),
 * U = V & match mask); the walk back reads c from them. A model token
 * absent from y makes a row that only copies the one above and always
 * goes up, so such rows are left out: same marks, less work. */
static void lcs_mark(const uint32_t *x, size_t m, const uint32_t *y, size_t n, size_t W,
                     size_t nslots, rouge_work *w, unsigned char *mask)
{
    size_t k = 0;
    for (size_t i = 0; i < m; i++)
        if (w->stamp[x[i]] == w->epoch)
            w->rows[k] = x[i], w->row_at[k++] = (uint32_t)i;
    if (!k)
        return;
    const uint64_t *pm = w->bits;
    uint64_t *V = w->bits + nslots * W; /* V[r * W ..]: row r; row 0 all ones */
    for (size_t q = 0; q < W; q++)
        V[q] = ~0ULL;
    for (size_t r = 1; r <= k; r++) {
        const uint64_t *prev = V + (r - 1) * W, *M = pm + (size_t)w->slot[w->rows[r - 1]] * W;
        uint64_t *cur = V + r * W, carry = 0;
        for (size_t q = 0; q < W; q++) {
            uint64_t u = prev[q] & M[q], sum = prev[q] + u + carry;
            carry = sum < prev[q] || (carry && sum == prev[q]);
            cur[q] = sum | (prev[q] & ~u);
        }
    }
    lcs_walk(w->rows, w->row_at, k, y, n, V, W, mask);
}

/* Weighted LCS DP: a match adds (k+1)^w - k^w for a run of k matches so
 * far, summed in the script's order; ties as in lcs_mark. */
static void wlcs_mark(const uint32_t *x, size_t m, const uint32_t *y, size_t n, double wt,
                      rouge_work *w, unsigned char *mask)
{
    double *cp = w->rowd, *cc = w->rowd + n + 1;
    int32_t *lp = w->rowi, *lc = w->rowi + n + 1;
    memset(cp, 0, (n + 1) * sizeof *cp);
    memset(lp, 0, (n + 1) * sizeof *lp);
    for (size_t i = 1; i <= m; i++) {
        unsigned char *d = w->dir + i * (n + 1);
        cc[0] = 0, lc[0] = 0;
        for (size_t j = 1; j <= n; j++) {
            if (x[i - 1] == y[j - 1]) {
                int32_t k = lp[j - 1];
                cc[j] = cp[j - 1] + pow(k + 1, wt) - pow(k, wt);
                lc[j] = k + 1, d[j] = DIAG;
            } else if (cp[j] >= cc[j - 1]) {
                cc[j] = cp[j], lc[j] = 0, d[j] = UP;
            } else {
                cc[j] = cc[j - 1], lc[j] = 0, d[j] = LEFT;
            }
        }
        double *t = cp;
        cp = cc, cc = t;
        int32_t *u = lp;
        lp = lc, lc = u;
    }
    mark_path(w->dir, m, n, mask);
}

/* Sets (or, with sign -1, clears) the unigram counts of d's tokens. */
static void counts_fill(int32_t *cnt, const rouge_doc *d, int fill)
{
    for (size_t i = 0; i < d->ntok; i++)
        cnt[d->tok[i]] = fill ? cnt[d->tok[i]] + 1 : 0;
}

/* ROUGE-L marks of every model (w->mask: the models' sentence tokens one
 * after another) against every peer sentence, ORed: each peer sentence's
 * match masks are built once for all model sentences. */
static int lcs_marks(const rouge_doc *models, size_t nmodels, const rouge_doc *peer,
                     rouge_work *w)
{
    size_t total = 0, maxm = 0;
    for (size_t i = 0; i < nmodels; i++) {
        total += models[i].nstok;
        for (size_t s = 0, start = 0; s < models[i].nsent; start = models[i].send[s++])
            maxm = models[i].send[s] - start > maxm ? models[i].send[s] - start : maxm;
    }
    if (work_reserve(w, total, 0, 0))
        return -1;
    memset(w->mask, 0, total + 1);
    for (size_t q = 0, pstart = 0; q < peer->nsent; pstart = peer->send[q++]) {
        const uint32_t *y = peer->stok + pstart;
        size_t n = peer->send[q] - pstart, W = (n + 63) / 64, off = 0;
        if (!n)
            continue;
        if (work_reserve(w, maxm, n, 0))
            return -1;
        size_t nslots = lcs_peer_masks(y, n, W, w);
        for (size_t i = 0; i < nmodels; off += models[i++].nstok) {
            const rouge_doc *mod = &models[i];
            for (size_t s = 0, start = 0; s < mod->nsent; start = mod->send[s++])
                lcs_mark(mod->stok + start, mod->send[s] - start, y, n, W, nslots, w,
                         w->mask + off + start);
        }
    }
    return 0;
}

/* ROUGE-W marks of one model (w->mask) against every peer sentence. */
static int wlcs_marks(const rouge_doc *mod, const rouge_doc *peer, double wt, rouge_work *w)
{
    if (work_reserve(w, mod->nstok, 0, 0))
        return -1;
    memset(w->mask, 0, mod->nstok + 1);
    for (size_t s = 0, start = 0; s < mod->nsent; start = mod->send[s++]) {
        size_t m = mod->send[s] - start;
        for (size_t q = 0, pstart = 0; m && q < peer->nsent; pstart = peer->send[q++]) {
            size_t n = peer->send[q] - pstart;
            if (work_reserve(w, m, n, 0))
                return -1;
            wlcs_mark(mod->stok + start, m, peer->stok + pstart, n, wt, w, w->mask + start);
        }
    }
    return 0;
}

/* The union-LCS hits of one model from its marks (the script's lcs() or,
 * with weighted, wlcs()): a marked token counts while both unigram
 * tables still hold it. *base gets the (weighted) model length. */
static void clip_hits(const rouge_doc *mod, const unsigned char *mask, int weighted, double wt,
                      rouge_work *w, double *hit, double *base)
{
    *hit = 0, *base = 0;
    for (size_t s = 0, start = 0; s < mod->nsent; start = mod->send[s++]) {
        const uint32_t *x = mod->stok + start;
        const unsigned char *mk = mask + start;
        size_t m = mod->send[s] - start, hit_len = 0;
        *base += weighted ? pow((double)m, wt) : (double)m;
        for (size_t j = 0; j < m; j++) {
            if (!mk[j] || w->mcount[x[j]] <= 0 || w->pcount[x[j]] <= 0)
                continue;
            w->mcount[x[j]]--, w->pcount[x[j]]--;
            if (!weighted) {
                *hit += 1;
                continue;
            }
            hit_len++;
            if (j + 1 == m || !mk[j + 1]) {
                *hit += pow((double)hit_len, wt);
                hit_len = 0;
            }
        }
    }
}

/* One model's part for ROUGE-L (mask from lcs_marks) or ROUGE-W (mask
 * NULL: the marks are made here). */
static int part_lcs(const rouge_settings *st, const rouge_doc *mod, const rouge_doc *peer,
                    const unsigned char *mask, rouge_work *w, part *pt)
{
    int weighted = mask == NULL;
    if (weighted && wlcs_marks(mod, peer, st->weight, w))
        return NF_ENOMEM;
    counts_fill(w->mcount, mod, 1);
    counts_fill(w->pcount, peer, 1);
    double hit, base;
    clip_hits(mod, weighted ? w->mask : mask, weighted, st->weight, w, &hit, &base);
    counts_fill(w->mcount, mod, 0);
    counts_fill(w->pcount, peer, 0);
    pt->hit = hit;
    if (!weighted) {
        pt->model = base, pt->peer = (double)peer->ntok;
        pt->score = base > 0 ? hit / base : 0;
        return NF_OK;
    }
    if (base == 0)
        return NF_EDATA; /* ROUGE-1.5.5 dies: "Illegal division by zero" */
    pt->model = pow(base, st->weight); /* weighted twice, as the script does */
    pt->peer = pow((double)peer->ntok, st->weight);
    pt->score = pow(hit / base, 1 / st->weight);
    return NF_OK;
}

/* One model's part for ROUGE-N or ROUGE-S/SU. */
static void part_grams(const rouge_metric *m, const rouge_doc *mod, const rouge_doc *peer,
                       part *pt)
{
    size_t hit, nm, np;
    if (m->kind == ROUGE_N) {
        int k = m->n - 1;
        nm = mod->ngrams[k], np = peer->ngrams[k];
        hit = hits_u32(mod->grams[k], nm, peer->grams[k], np);
    } else if (m->kind == ROUGE_S) {
        nm = mod->nskip, np = peer->nskip;
        hit = hits_u64(mod->skip, nm, peer->skip, np);
    } else {
        nm = mod->nskip_u, np = peer->nskip_u;
        hit = hits_u64(mod->skip_u, nm, peer->skip_u, np);
    }
    pt->model = (double)nm, pt->peer = (double)np, pt->hit = (double)hit;
    pt->score = nm ? round5((double)hit / (double)nm) : 0;
}

/* R, P and F from the pooled counts, each rounded as printed. */
static void finish(const rouge_settings *st, int weighted, const part *t, double rpf[3])
{
    double r = 0, p = 0;
    if (t->model != 0)
        r = round5(weighted ? pow(t->hit / t->model, 1 / st->weight) : t->hit / t->model);
    if (t->peer != 0)
        p = round5(weighted ? pow(t->hit / t->peer, 1 / st->weight) : t->hit / t->peer);
    double den = (1 - st->alpha) * p + st->alpha * r;
    rpf[0] = r, rpf[1] = p;
    rpf[2] = den > 0 ? round5((p * r) / den) : 0;
}

int score_eval(const rouge_settings *st, const rouge_metric *m, const rouge_doc *peer,
               const rouge_doc *models, size_t nmodels, uint32_t nforms, rouge_work *w,
               double rpf[3])
{
    part total = {0, 0, 0, 0};
    double best = -1;
    int lcs = m->kind == ROUGE_L || m->kind == ROUGE_W;
    if (lcs && work_reserve(w, 0, 0, nforms))
        return NF_ENOMEM;
    if (m->kind == ROUGE_L && lcs_marks(models, nmodels, peer, w))
        return NF_ENOMEM;
    for (size_t i = 0, off = 0; i < nmodels; off += models[i++].nstok) {
        part pt;
        if (lcs) {
            int rc = part_lcs(st, &models[i], peer, m->kind == ROUGE_L ? w->mask + off : NULL, w,
                              &pt);
            if (rc)
                return rc;
        } else {
            part_grams(m, &models[i], peer, &pt);
        }
        if (st->formula != 'B') {
            total.model += pt.model, total.hit += pt.hit, total.peer += pt.peer;
        } else if (pt.score > best) {
            best = pt.score; /* strictly better: ties keep the first model */
            total = pt;
        }
    }
    finish(st, m->kind == ROUGE_W, &total, rpf);
    return NF_OK;
}

void work_free(rouge_work *w)
{
    xfree(w->mcount), xfree(w->pcount), xfree(w->dir), xfree(w->mask);
    xfree(w->rowd), xfree(w->rowi), xfree(w->stamp), xfree(w->rows), xfree(w->row_at);
    xfree(w->slot), xfree(w->bits);
    memset(w, 0, sizeof *w);
}
