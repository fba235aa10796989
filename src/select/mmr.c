#include "select/mmr.h"
#include "core/alloc.h"
#include <string.h>

/* Raises maxsim[j] to sentence i's cosine with j where higher. */
static void note_chosen(mmr *r, size_t i)
{
    for (size_t j = 0; j < r->m->nsents; j++) {
        double s = vectors_cosine(r->v, i, j);
        if (s > r->maxsim[j])
            r->maxsim[j] = s;
    }
}

/* Reports already read (update mode) count as chosen: what repeats them
 * is redundant. */
static int mmr_alloc(mmr *r, const model *m, const vectors *v, double lambda, double max_sim)
{
    memset(r, 0, sizeof *r);
    r->m = m, r->v = v, r->lambda = lambda, r->max_sim = max_sim, r->scale = 1;
    r->maxsim = xcalloc(m->nsents ? m->nsents : 1, sizeof *r->maxsim);
    for (size_t i = 0; r->maxsim && i < m->nsents; i++)
        if (m->sents[i].seen && !m->sents[i].debris)
            note_chosen(r, i);
    return r->maxsim ? 0 : -1;
}

int mmr_init_scores(mmr *r, const model *m, const vectors *v, const double *score,
                    double lambda, double max_sim)
{
    if (mmr_alloc(r, m, v, lambda, max_sim))
        return -1;
    r->score = score;
    double top = 0;
    for (size_t i = 0; i < m->nsents; i++)
        if (score[i] > top)
            top = score[i];
    r->scale = top > 0 ? top : 1;
    return 0;
}

/* Sentence i's words, at least 1 (a divisor). */
static double words_of(const model *m, size_t i)
{
    return m->sents[i].nwords ? (double)m->sents[i].nwords : 1.0;
}

int mmr_init_scorer(mmr *r, const model *m, const vectors *v, const scorer *base,
                    double lambda, double max_sim, long min_words)
{
    if (mmr_alloc(r, m, v, lambda, max_sim))
        return -1;
    r->base = base;
    double top = 0;
    for (size_t i = 0; i < m->nsents; i++) {
        if (!model_sentence_usable(m, i, (uint32_t)min_words))
            continue;
        double g = base->gain(base->ctx, i) / words_of(m, i);
        if (g > top)
            top = g;
    }
    r->scale = top > 0 ? top : 1;
    return 0;
}

/* value * words, so the selector's gain per word ranks by value for
 * per-sentence scores; for a base scorer, relevance is already per word. */
static double mmr_gain(void *ctx, size_t i)
{
    mmr *r = ctx;
    if (r->maxsim[i] > r->max_sim)
        return 0;
    double rel = r->score ? r->score[i] : r->base->gain(r->base->ctx, i) / words_of(r->m, i);
    double val = r->lambda * rel / r->scale - (1 - r->lambda) * r->maxsim[i];
    return val > 0 ? val * words_of(r->m, i) : 0;
}

/* Commits i to the wrapped scorer and notes its similarities. */
static void mmr_commit(void *ctx, size_t i)
{
    mmr *r = ctx;
    if (r->base)
        r->base->commit(r->base->ctx, i);
    note_chosen(r, i);
}

scorer mmr_scorer(mmr *r)
{
    scorer sc = {mmr_gain, mmr_commit, r, NULL};
    return sc;
}

void mmr_free(mmr *r)
{
    xfree(r->maxsim);
    r->maxsim = NULL;
}

int mmr_select_scores(const model *m, const budget *b, long min_words, const vectors *v,
                      const double *score, double lambda, double max_sim, selection *sel)
{
    mmr r;
    if (mmr_init_scores(&r, m, v, score, lambda, max_sim))
        return -1;
    scorer sc = mmr_scorer(&r);
    int rc = select_greedy(m, b, &sc, min_words, sel);
    mmr_free(&r);
    return rc;
}
