/* The one greedy budgeted selector (select.h). Each step takes the usable
 * sentence with the best gain per word. How the summary ends under --cut
 * with a word budget depends on the method:
 * - by default, once nothing fits whole, the best sentence that does not
 *   fit (by whole gain per word) is added cut to the words left;
 * - with a prefix gain (select_greedy_prefix, no byte budget), every step
 *   also weighs ending the summary at once with a sentence cut at the
 *   budget, scored by what its kept words gain: what a reader (and ROUGE)
 *   gets of a cut sentence is its first words only. */
#include "core/alloc.h"
#include "select/select.h"

/* A cut sentence ends the summary, giving up whatever whole sentences
 * could still follow; it must pack this many times the gain per word of
 * the best whole sentence to be taken before nothing else fits. Set at 2
 * (share 0.5) before tuning, for concept (the one method with a prefix
 * gain); DUC 2004 dev is flat from 0.2 to 0.8. */
#define CUT_DENSITY_SHARE 0.5

/* One selection run: its inputs and the selection it grows. */
typedef struct run {
    const model *m;
    const budget *b;
    const scorer *sc;
    prefix_gain_fn prefix_gain; /* NULL: cut endings are not weighed */
    long min_words;
    selection *sel;
} run;

/* The best next step: a sentence taken whole, or one cut to the words
 * left, which ends the summary (ties: lower index). */
typedef struct step {
    size_t i; /* (size_t)-1: none */
    double ratio, gain;
    int cut;
} step;

/* Returns 1 if i was already chosen. Selections are short (a summary), so
 * a scan is cheaper than a set. */
static int chosen(const selection *sel, size_t i)
{
    for (size_t k = 0; k < sel->n; k++)
        if (sel->idx[k] == i)
            return 1;
    return 0;
}

/* Returns 1 if this run weighs cut endings at every step: a prefix gain,
 * --cut and a word budget, and no byte budget (which may not hold a cut
 * sentence: the default ending is kept then). */
static int run_weighs_cut(const run *r)
{
    return r->prefix_gain && r->b->cut && r->b->words > 0 && !r->b->bytes;
}

/* Considers sentence i (whole gain g) by its gain per word; cut marks it
 * as the sentence that ends the summary cut at the budget. */
static void consider_whole(const model *m, size_t i, double g, int cut, step *best)
{
    double r = g / (double)(m->sents[i].nwords ? m->sents[i].nwords : 1);
    if (r > best->ratio)
        *best = (step){i, r, g, cut};
}

/* Considers sentence i as a cut ending by the gain of the words it keeps
 * per word left, at CUT_DENSITY_SHARE. Its whole gain g bounds its prefix
 * gain (the prefix_gain contract), so most sentences are dismissed
 * without computing the prefix. */
static void consider_prefix(const run *r, long left, size_t i, double g, step *best)
{
    if (g * CUT_DENSITY_SHARE / (double)left <= best->ratio)
        return;
    double pg = r->prefix_gain(r->sc->ctx, i, left);
    double ratio = pg * CUT_DENSITY_SHARE / (double)left;
    if (pg > 0 && ratio > best->ratio)
        *best = (step){i, ratio, pg, 1};
}

/* Finds the best step among the usable, unchosen sentences with a
 * positive gain: those that fit whole (if whole) and those that do not,
 * as cut endings (if cut). best->i = (size_t)-1 if none. */
static void run_best_step(const run *r, int whole, int cut, step *best)
{
    long left = r->b->words - r->sel->words;
    int by_prefix = run_weighs_cut(r);
    *best = (step){(size_t)-1, 0, 0, 0};
    for (size_t i = 0; i < r->m->nsents; i++) {
        if (!model_sentence_usable(r->m, i, (uint32_t)r->min_words) || chosen(r->sel, i))
            continue;
        int fits = budget_fits(r->b, r->sel, r->m, i);
        if (fits ? !whole : !cut)
            continue;
        double g = r->sc->gain(r->sc->ctx, i);
        if (g <= 0)
            continue;
        if (!fits && by_prefix)
            consider_prefix(r, left, i, g, best);
        else
            consider_whole(r->m, i, g, !fits, best);
    }
}

/* Adds the step's sentence; a cut one fills the word budget and ends the
 * summary, a whole one is committed to the scorer. Returns 0 or -1 when
 * out of memory. */
static int run_take(const run *r, const step *st)
{
    long left = r->b->words - r->sel->words;
    if (selection_add(r->sel, r->m, st->i, st->gain))
        return -1;
    if (!st->cut) {
        r->sc->commit(r->sc->ctx, st->i);
        return 0;
    }
    r->sel->words = r->b->words;
    r->sel->cut_words = left;
    r->sel->cut_sent = st->i;
    return 0;
}

/* The default ending: with a word budget and --cut, the space left is
 * filled by the best sentence that does not fit, cut to the words that
 * remain. Returns 0 or -1 when out of memory. */
static int run_fill_cut(const run *r)
{
    const budget *b = r->b;
    if (!b->cut || !b->words || r->sel->words >= b->words ||
        (b->sentences && (long)r->sel->n >= b->sentences))
        return 0;
    step st;
    run_best_step(r, 0, 1, &st);
    return st.i == (size_t)-1 ? 0 : run_take(r, &st);
}

int select_greedy_prefix(const model *m, const budget *b, const scorer *sc,
                         prefix_gain_fn prefix_gain, long min_words, selection *sel)
{
    run r = {m, b, sc, prefix_gain, min_words, sel};
    int weighs_cut = run_weighs_cut(&r);
    while (!budget_full(b, sel)) {
        step st;
        run_best_step(&r, 1, weighs_cut, &st);
        if (st.i == (size_t)-1)
            break;
        if (run_take(&r, &st))
            return -1;
    }
    /* A run that weighed cut endings at every step has already chosen
     * whether to end with one. */
    return weighs_cut ? 0 : run_fill_cut(&r);
}

int select_greedy(const model *m, const budget *b, const scorer *sc, long min_words,
                  selection *sel)
{
    return select_greedy_prefix(m, b, sc, NULL, min_words, sel);
}
