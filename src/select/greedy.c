#include "core/alloc.h"
#include "select/select.h"

/* Returns 1 if i was already chosen. Selections are short (a summary), so
 * a scan is cheaper than a set. */
static int chosen(const selection *sel, size_t i)
{
    for (size_t k = 0; k < sel->n; k++)
        if (sel->idx[k] == i)
            return 1;
    return 0;
}

/* Finds the usable, unchosen sentence with the best gain per word among
 * those that fit whole (fit = 1) or that do not (fit = 0). Returns its
 * index or (size_t)-1, and its gain in *best_gain. */
static size_t best_candidate(const model *m, const budget *b, const scorer *sc, long min_words,
                             const selection *sel, int fit, double *best_gain)
{
    size_t best = (size_t)-1;
    double best_ratio = 0;
    for (size_t i = 0; i < m->nsents; i++) {
        if (!model_sentence_usable(m, i, (uint32_t)min_words) || chosen(sel, i) ||
            budget_fits(b, sel, m, i) != fit)
            continue;
        double g = sc->gain(sc->ctx, i);
        double ratio = g / (double)(m->sents[i].nwords ? m->sents[i].nwords : 1);
        if (g > 0 && ratio > best_ratio) {
            best_ratio = ratio;
            best = i;
            *best_gain = g;
        }
    }
    return best;
}

/* With a word budget and --cut, the space left is filled by the best
 * sentence that does not fit, cut to the words that remain. */
static int fill_cut(const model *m, const budget *b, const scorer *sc, long min_words,
                    selection *sel)
{
    if (!b->cut || !b->words || sel->words >= b->words ||
        (b->sentences && (long)sel->n >= b->sentences))
        return 0;
    double g = 0;
    size_t i = best_candidate(m, b, sc, min_words, sel, 0, &g);
    if (i == (size_t)-1)
        return 0;
    long left = b->words - sel->words;
    if (selection_add(sel, m, i, g))
        return -1;
    sel->words = b->words;
    sel->cut_words = left;
    sel->cut_sent = i;
    return 0;
}

int select_greedy(const model *m, const budget *b, const scorer *sc, long min_words,
                  selection *sel)
{
    while (!budget_full(b, sel)) {
        double g = 0;
        size_t i = best_candidate(m, b, sc, min_words, sel, 1, &g);
        if (i == (size_t)-1)
            break;
        if (selection_add(sel, m, i, g))
            return -1;
        sc->commit(sc->ctx, i);
    }
    return fill_cut(m, b, sc, min_words, sel);
}
