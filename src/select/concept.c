/* Concept coverage, the default method (after Gillick & Favre 2009):
 * concepts are stemmed word bigrams (not both stop words) weighing the
 * number of reports that contain them (select/concepts.c: threshold,
 * position prior, query boost, update discount). The summary maximises the
 * total weight of the concepts it covers, each counted once, so redundancy
 * costs coverage by construction. Solved greedily by the shared selector
 * (gain per word); the `ilp` method solves the same objective exactly. */
#include "select/concepts.h"
#include "select/methods.h"

int method_concept(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    concepts c;
    coverage cv;
    int rc = -1;
    if (concepts_build(&c, m, o->min_words) == 0 && coverage_init(&cv, &c) == 0) {
        scorer sc = coverage_scorer(&cv);
        rc = select_greedy(m, b, &sc, o->min_words, sel);
        coverage_free(&cv);
    }
    concepts_free(&c);
    return rc;
}
