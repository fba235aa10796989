/* Concept coverage, the default method (after Gillick & Favre 2009):
 * concepts are stemmed word bigrams (not both stop words) weighing the
 * number of reports that contain them (select/concepts.c: threshold,
 * position prior, query boost, update discount). The summary maximises the
 * total weight of the concepts it covers, each counted once, so redundancy
 * costs coverage by construction. Solved greedily (gain per word); the
 * `ilp` method solves the same objective exactly.
 *
 * With --cut and a word budget the shared selector also weighs, at every
 * step, ending the summary with a sentence cut at the budget: what a
 * reader (and ROUGE) gets of that sentence is its first words, so it is
 * scored by the concepts of those words only (concept_prefix_gain). */
#include "select/concepts.h"
#include "select/methods.h"

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

/* The prefix gain for the shared selector: the weight of the uncovered
 * concepts among the bigrams of the first `words` words of sentence i
 * (ctx: the coverage). */
static double concept_prefix_gain(void *ctx, size_t i, long words)
{
    coverage *cv = ctx;
    const model *m = cv->c->m;
    const msent *s = &m->sents[i];
    const char *text = model_document(m, s)->text + s->start;
    return coverage_prefix_gain(cv, i, prefix_tokens(text, s->end - s->start, words));
}

int method_concept(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    concepts c;
    coverage cv;
    int rc = -1;
    if (concepts_build(&c, m, o->min_words) == 0 && coverage_init(&cv, &c) == 0) {
        scorer sc = coverage_scorer(&cv);
        rc = select_greedy_prefix(m, b, &sc, concept_prefix_gain, o->min_words, sel);
        coverage_free(&cv);
    }
    concepts_free(&c);
    return rc;
}
