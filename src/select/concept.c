/* Concept coverage, the default method (after Gillick & Favre 2009):
 * concepts are stemmed word bigrams (not both stop words) weighing the
 * number of reports that contain them (select/concepts.c: threshold,
 * position prior, query boost, update discount). The summary maximises the
 * total weight of the concepts it covers, each counted once, so redundancy
 * costs coverage by construction. Solved greedily (gain per word); the
 * `ilp` method solves the same objective exactly.
 *
 * With --cut and a word budget the greedy here also weighs, at every step,
 * ending the summary with a sentence cut at the budget: what a reader (and
 * ROUGE) gets of that sentence is its first words, so it is scored by the
 * concepts of those words only, per word left. The shared selector
 * (greedy.c) instead ends with the best whole-sentence ratio among the
 * sentences that do not fit, once nothing fits; this is the same loop with
 * that one difference, kept here until the shared selector offers it. */
#include "select/concepts.h"
#include "select/methods.h"

/* A cut sentence ends the summary, giving up whatever whole sentences
 * could still follow; it must pack this many times the gain per word of
 * the best whole sentence to be taken before nothing else fits. Set at 2
 * (share 0.5) before tuning; DUC 2004 dev is flat from 0.2 to 0.8. */
#define CUT_DENSITY_SHARE 0.5

/* Returns the tokens (runs of ASCII letters and digits, or of non-ASCII
 * bytes, as the tokenizer's letters mostly are) in the first `words`
 * white-space separated words of s[0..n). An estimate: a lone non-ASCII
 * symbol counts as a token. */
static uint32_t prefix_tokens(const char *s, size_t n, long words)
{
    uint32_t tokens = 0;
    long w = 0;
    int in_word = 0, in_token = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            if (in_word && ++w == words)
                break;
            in_word = in_token = 0;
            continue;
        }
        in_word = 1;
        int letter = (ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z') || ch >= 0x80;
        tokens += letter && !in_token;
        in_token = letter;
    }
    return tokens;
}

/* Returns 1 if sentence i was already chosen (a summary is short: a scan). */
static int chosen(const selection *sel, size_t i)
{
    for (size_t k = 0; k < sel->n; k++)
        if (sel->idx[k] == i)
            return 1;
    return 0;
}

/* The best next step: a whole sentence by gain per word, or one cut to
 * the words left by prefix gain per word left times CUT_DENSITY_SHARE
 * (ties: lower index). */
typedef struct step {
    size_t i; /* (size_t)-1: none */
    double ratio, gain;
    int cut;
} step;

/* Considers sentence i as a cut ending; its whole gain g bounds its
 * prefix gain, so most sentences are dismissed without the prefix. */
static void consider_cut(const model *m, coverage *cv, long left, size_t i, double g,
                         step *best)
{
    if (g * CUT_DENSITY_SHARE / (double)left <= best->ratio)
        return;
    const msent *s = &m->sents[i];
    const char *text = model_document(m, s)->text + s->start;
    double pg = coverage_prefix_gain(cv, i, prefix_tokens(text, s->end - s->start, left));
    double r = pg * CUT_DENSITY_SHARE / (double)left;
    if (pg > 0 && r > best->ratio)
        *best = (step){i, r, pg, 1};
}

/* Finds the best next step under budget b; best->i = (size_t)-1 if none. */
static void best_step(const model *m, const budget *b, const scorer *sc, coverage *cv,
                      long min_words, const selection *sel, step *best)
{
    int may_cut = b->cut && b->words > 0;
    long left = b->words - sel->words;
    *best = (step){(size_t)-1, 0, 0, 0};
    for (size_t i = 0; i < m->nsents; i++) {
        if (!model_sentence_usable(m, i, (uint32_t)min_words) || chosen(sel, i))
            continue;
        int fits = budget_fits(b, sel, m, i);
        if (!fits && !may_cut)
            continue;
        double g = sc->gain(sc->ctx, i);
        if (g <= 0)
            continue;
        if (!fits) {
            consider_cut(m, cv, left, i, g, best);
            continue;
        }
        double r = g / (double)(m->sents[i].nwords ? m->sents[i].nwords : 1);
        if (r > best->ratio)
            *best = (step){i, r, g, 0};
    }
}

/* Greedy budgeted selection as select_greedy, with cut endings weighed at
 * every step (see the file comment). Returns 0 or -1 when out of memory. */
static int select_with_cut(const model *m, const budget *b, const scorer *sc, coverage *cv,
                           long min_words, selection *sel)
{
    while (!budget_full(b, sel)) {
        step st;
        best_step(m, b, sc, cv, min_words, sel, &st);
        if (st.i == (size_t)-1)
            return 0;
        long left = b->words - sel->words;
        if (selection_add(sel, m, st.i, st.gain))
            return -1;
        if (st.cut) {
            sel->words = b->words;
            sel->cut_words = left;
            sel->cut_sent = st.i;
            return 0;
        }
        sc->commit(sc->ctx, st.i);
    }
    return 0;
}

int method_concept(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    concepts c;
    coverage cv;
    int rc = -1;
    if (concepts_build(&c, m, o->min_words) == 0 && coverage_init(&cv, &c) == 0) {
        scorer sc = coverage_scorer(&cv);
        /* A byte budget may not hold a cut sentence: the shared selector
         * then keeps its own ending. */
        rc = b->bytes ? select_greedy(m, b, &sc, o->min_words, sel)
                      : select_with_cut(m, b, &sc, &cv, o->min_words, sel);
        coverage_free(&cv);
    }
    concepts_free(&c);
    return rc;
}
