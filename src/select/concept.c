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
 * scored by the concepts of those words only (concept_prefix_gain).
 *
 * Update mode (reports already read): besides the concepts' discount
 * (concepts.c), a sentence's gain is scaled by its novelty against the
 * read sentences (concepts_novelty: 1 - cos² to the closest one), so a
 * restatement of what was read, the same figure in words or in digits
 * included (model/numbers.h), is not news. */
#include "core/alloc.h"
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

/* One run of the method: the coverage, its scorer, and each sentence's
 * novelty against the reports already read (NULL when none were: the
 * selector then calls the coverage directly). */
typedef struct concept_run {
    coverage cv;
    scorer base;
    double *novelty;
} concept_run;

static double novel_gain(void *ctx, size_t i)
{
    concept_run *r = ctx;
    return r->base.gain(r->base.ctx, i) * r->novelty[i];
}

static void novel_commit(void *ctx, size_t i)
{
    concept_run *r = ctx;
    r->base.commit(r->base.ctx, i);
}

/* The joint gain of a unit of sentences (select.h), scaled by the mean
 * novelty of its members. */
static double novel_unit_gain(void *ctx, const size_t *idx, size_t n)
{
    concept_run *r = ctx;
    double nov = 0;
    for (size_t k = 0; k < n; k++)
        nov += r->novelty[idx[k]];
    return r->base.unit_gain(r->base.ctx, idx, n) * (n ? nov / (double)n : 0);
}

/* The weight of the uncovered concepts among the bigrams of the first
 * `words` words of sentence i. */
static double prefix_gain(coverage *cv, size_t i, long words)
{
    const model *m = cv->c->m;
    const msent *s = &m->sents[i];
    const char *text = model_document(m, s)->text + s->start;
    return coverage_prefix_gain(cv, i, prefix_tokens(text, s->end - s->start, words));
}

/* The prefix gain for the shared selector (ctx: the coverage). */
static double concept_prefix_gain(void *ctx, size_t i, long words)
{
    return prefix_gain(ctx, i, words);
}

/* The same, scaled by the sentence's novelty as its whole gain is (ctx:
 * the run). */
static double novel_prefix_gain(void *ctx, size_t i, long words)
{
    concept_run *r = ctx;
    return prefix_gain(&r->cv, i, words) * r->novelty[i];
}

/* Fills r->novelty when reports were read; 0 or -1 when out of memory. */
static int run_novelty(concept_run *r, const concepts *c)
{
    const model *m = c->m;
    if (!m->ds->nseen)
        return 0;
    r->novelty = xmalloc((m->nsents ? m->nsents : 1) * sizeof *r->novelty);
    return r->novelty ? concepts_novelty(c, r->novelty) : -1;
}

int method_concept(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    concepts c;
    concept_run r = {0};
    int rc = -1;
    if (concepts_build(&c, m, o->min_words) == 0 && run_novelty(&r, &c) == 0 &&
        coverage_init(&r.cv, &c) == 0) {
        r.base = coverage_scorer(&r.cv);
        scorer novel = {novel_gain, novel_commit, &r, novel_unit_gain};
        rc = r.novelty ? select_greedy_prefix(m, b, &novel, novel_prefix_gain, o->min_words, sel)
                       : select_greedy_prefix(m, b, &r.base, concept_prefix_gain, o->min_words, sel);
        coverage_free(&r.cv);
    }
    xfree(r.novelty);
    concepts_free(&c);
    return rc;
}
