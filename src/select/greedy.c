/* The one greedy budgeted selector (select.h). Each step takes the usable
 * sentence with the best gain per word. How the summary ends under --cut
 * with a word budget depends on the method:
 * - by default, once nothing fits whole, the best sentence that does not
 *   fit (by whole gain per word) is added cut to the words left;
 * - with a prefix gain (select_greedy_prefix, no byte budget), every step
 *   also weighs ending the summary at once with a sentence cut at the
 *   budget, scored by what its kept words gain: what a reader (and ROUGE)
 *   gets of a cut sentence is its first words only.
 * A sentence that cannot stand alone (model/standalone.h: a "He ..." or
 * "But ...", part of a quotation) is taken alone only once what it leans
 * on was chosen; before that, only in a unit with it (consecutive
 * sentences of one report, taken whole, weighed by their joint gain per
 * word). */
#include "core/alloc.h"
#include "model/standalone.h"
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

/* The most sentences one step takes: a unit (model.h). */
#define STEP_MAX MODEL_UNIT_MAX

/* The best next step: a sentence taken whole, one cut to the words left,
 * which ends the summary, or the sentences of a unit taken whole together
 * (ties: lower index). */
typedef struct step {
    size_t i; /* the first sentence; (size_t)-1: none */
    double ratio, gain;
    int cut;
    size_t n;            /* sentences taken: 1, or a unit's */
    size_t idx[STEP_MAX]; /* idx[0] == i */
} step;

/* A step of one sentence. */
static step single(size_t i, double ratio, double gain, int cut)
{
    step st = {i, ratio, gain, cut, 1, {i}};
    return st;
}

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
        *best = single(i, r, g, cut);
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
        *best = single(i, ratio, pg, 1);
}

/* Returns 1 if sentences idx[0..n) fit whole into what is left. */
static int unit_fits(const budget *b, const selection *sel, const model *m, const size_t *idx,
                     size_t n)
{
    long words = 0, bytes = 0;
    for (size_t k = 0; k < n; k++) {
        const msent *s = &m->sents[idx[k]];
        words += s->nwords, bytes += (long)(s->end - s->start) + 1;
    }
    if (b->sentences && (long)(sel->n + n) > b->sentences)
        return 0;
    if (b->words && sel->words + words > b->words)
        return 0;
    return !b->bytes || sel->bytes + bytes - (sel->n ? 0 : 1) <= b->bytes;
}

/* Returns 1 if sentence j is a chosen sentence of document doc. */
static int chosen_in(const run *r, size_t j, uint32_t doc)
{
    return j < r->m->nsents && r->m->sents[j].doc == doc && chosen(r->sel, j);
}

/* Returns 1 if what sentence i leans on was chosen (as a cut ending, only
 * what comes before it: what it would open is cut away). */
static int leans_met(const run *r, size_t i, int as_cut)
{
    const msent *s = &r->m->sents[i];
    if (!s->leans)
        return 1;
    if ((s->leans & LEANS_PREV) && !(i > 0 && chosen_in(r, i - 1, s->doc)))
        return 0;
    return as_cut || !(s->leans & LEANS_NEXT) || chosen_in(r, i + 1, s->doc);
}

/* Returns 1 if sentence i may be taken alone given what was chosen: usable
 * but for what it leans on, and what it leans on (the sentence before
 * or after it, of the same report) already chosen. A cut ending needs
 * only the sentence before: what it would open is cut away. */
static int usable_now(const run *r, size_t i, int as_cut)
{
    return model_sentence_usable_in_unit(r->m, i, (uint32_t)r->min_words) && !chosen(r->sel, i) &&
           leans_met(r, i, as_cut);
}

/* The gain of sentences idx[0..n) taken together: the scorer's own, or
 * the members' gains summed. */
static double unit_gain(const run *r, const size_t *idx, size_t n)
{
    if (r->sc->unit_gain)
        return r->sc->unit_gain(r->sc->ctx, idx, n);
    double g = 0;
    for (size_t k = 0; k < n; k++)
        g += r->sc->gain(r->sc->ctx, idx[k]);
    return g;
}

/* Considers the step st (st->idx, st->n) whole, if it fits, by its joint
 * gain per word. */
static void consider_step(const run *r, step *st, long words, step *best)
{
    if (!unit_fits(r->b, r->sel, r->m, st->idx, st->n))
        return;
    double g = unit_gain(r, st->idx, st->n);
    double ratio = g / (double)(words ? words : 1);
    if (g > 0 && ratio > best->ratio) {
        st->ratio = ratio, st->gain = g, st->cut = 0;
        *best = *st;
    }
}

/* Considers the units of two or more sentences starting at sentence a
 * (at most MODEL_UNIT_MAX): a with the sentences after it that lean on
 * their predecessor or that their predecessor leans on, none of them
 * chosen, ending where nothing leans on a sentence left out. a must be
 * usable but for its leaning and its length (the unit as a whole needs
 * min_words), and what it leans on before it chosen. Each unit that fits
 * whole is weighed by its joint gain per word. */
static void consider_units(const run *r, size_t a, step *best)
{
    const model *m = r->m;
    const msent *h = &m->sents[a];
    if (!(h->leans & LEANS_NEXT) && !(a + 1 < m->nsents && (m->sents[a + 1].leans & LEANS_PREV)))
        return; /* most sentences: nothing leans across a's end */
    if (!model_sentence_usable_in_unit(m, a, 1) || chosen(r->sel, a))
        return;
    if ((h->leans & LEANS_PREV) && !(a > 0 && chosen_in(r, a - 1, h->doc)))
        return;
    step st = single(a, 0, 0, 0);
    long words = h->nwords;
    for (size_t e = a + 1; e < m->nsents && e - a < MODEL_UNIT_MAX; e++) {
        const msent *x = &m->sents[e], *p = &m->sents[e - 1];
        if (x->doc != h->doc || chosen(r->sel, e) ||
            !((p->leans & LEANS_NEXT) || (x->leans & LEANS_PREV)) || !model_sentence_member(m, e))
            return;
        words += x->nwords;
        st.idx[st.n++] = e;
        if ((x->leans & LEANS_NEXT) && !chosen_in(r, e + 1, h->doc))
            continue; /* not closed: [a, e] needs e + 1 */
        if (words >= r->min_words)
            consider_step(r, &st, words, best);
    }
}

/* Finds the best step among the usable, unchosen sentences with a
 * positive gain: those that fit whole (if whole) and those that do not,
 * as cut endings (if cut), and the units that fit whole (if whole).
 * best->i = (size_t)-1 if none. */
static void run_best_step(const run *r, int whole, int cut, step *best)
{
    long left = r->b->words - r->sel->words;
    int by_prefix = run_weighs_cut(r);
    *best = single((size_t)-1, 0, 0, 0);
    for (size_t i = 0; i < r->m->nsents; i++) {
        if (whole)
            consider_units(r, i, best);
        if (!model_sentence_usable_in_unit(r->m, i, (uint32_t)r->min_words) || chosen(r->sel, i))
            continue;
        int fits = budget_fits(r->b, r->sel, r->m, i);
        if ((fits ? !whole : !cut) || !leans_met(r, i, !fits))
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
    if (!st->cut) { /* one sentence, or each of a unit in turn */
        for (size_t k = 0; k < st->n; k++) {
            double g = st->n > 1 ? r->sc->gain(r->sc->ctx, st->idx[k]) : st->gain;
            if (selection_add(r->sel, r->m, st->idx[k], g))
                return -1;
            r->sc->commit(r->sc->ctx, st->idx[k]);
        }
        return 0;
    }
    if (selection_add(r->sel, r->m, st->i, st->gain))
        return -1;
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

size_t select_unit_end(const model *m, const selection *sel, size_t a, long min_words)
{
    run r = {m, NULL, NULL, NULL, min_words, (selection *)sel};
    if (usable_now(&r, a, 0))
        return a + 1;
    const msent *h = &m->sents[a];
    if (!model_sentence_usable_in_unit(m, a, 1) || chosen(sel, a) ||
        ((h->leans & LEANS_PREV) && !(a > 0 && chosen_in(&r, a - 1, h->doc))))
        return a;
    long words = h->nwords;
    for (size_t e = a + 1; e < m->nsents && e - a < MODEL_UNIT_MAX; e++) {
        const msent *x = &m->sents[e];
        if (x->doc != h->doc || chosen(sel, e) || !model_sentence_member(m, e))
            return a;
        words += x->nwords;
        if (!(x->leans & LEANS_NEXT) || chosen_in(&r, e + 1, h->doc))
            return words >= min_words ? e + 1 : a;
    }
    return a;
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
