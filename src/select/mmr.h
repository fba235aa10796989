/* Maximal marginal relevance (Carbonell & Goldstein 1998) as a scorer for
 * the shared greedy selector, usable with any method: the relevance of a
 * sentence comes either from per-sentence scores or from another scorer's
 * gain per word, normalised by its largest value, and the redundancy is
 * the highest tf-idf cosine to a sentence already chosen:
 *     value(i) = lambda * relevance(i) - (1 - lambda) * max_j cos(i, j).
 * A hard limit on that cosine doubles as the redundancy filter of the
 * ranking methods (lambda = 1: pure ranking, nothing too similar twice). */
#ifndef NF_SELECT_MMR_H
#define NF_SELECT_MMR_H
#include "model/vectors.h"
#include "select/select.h"

/* The redundancy limit the ranking methods use: a sentence whose cosine
 * to one already chosen exceeds it says the same thing. */
#define MMR_MAX_SIM 0.5

typedef struct mmr {
    const model *m;
    const vectors *v;
    const double *score; /* per-sentence relevance, or NULL ... */
    const scorer *base;  /* ... relevance = base gain per word */
    double lambda, max_sim, scale;
    double *maxsim; /* per sentence: highest cosine to a chosen one */
} mmr;

/* Sets r up over per-sentence scores (>= 0; the greedy then picks by
 * value, not value per word). Returns 0 or -1 when out of memory. */
int mmr_init_scores(mmr *r, const model *m, const vectors *v, const double *score,
                    double lambda, double max_sim);

/* Sets r up over another scorer; relevance is its gain per word, scaled
 * by the largest such gain among usable sentences at the start. */
int mmr_init_scorer(mmr *r, const model *m, const vectors *v, const scorer *base,
                    double lambda, double max_sim, long min_words);

/* The scorer to hand to select_greedy; r must outlive it. */
scorer mmr_scorer(mmr *r);
void mmr_free(mmr *r);

/* Convenience for ranking methods: greedy selection by per-sentence scores
 * with MMR (lambda) and the redundancy limit max_sim. Returns 0 or -1. */
int mmr_select_scores(const model *m, const budget *b, long min_words, const vectors *v,
                      const double *score, double lambda, double max_sim, selection *sel);

#endif
