/* Concepts for coverage methods (after Gillick & Favre 2009): stemmed word
 * bigrams, not both stop words, each weighing the number of documents that
 * contain it; concepts in too few documents weigh nothing. Shared by the
 * greedy concept method and the exact ILP. */
#ifndef NF_SELECT_CONCEPTS_H
#define NF_SELECT_CONCEPTS_H
#include "select/select.h"

typedef struct concepts {
    const model *m;
    uint32_t *sent_first; /* concepts of sentence i: ids[sent_first[i] .. sent_first[i+1]) */
    uint32_t *ids;
    size_t nids, idcap;
    double *weight; /* per concept */
    size_t n;       /* concepts */
    /* construction state */
    uint32_t *df, *last_doc;
    size_t ccap;
    uint64_t *keys; /* hash table: concept key per slot */
    uint32_t *slot_id;
    size_t nslots;
} concepts;

/* Extracts and weighs the concepts of every non-debris sentence of m.
 * Returns 0 or -1 when out of memory (c is then safe to free). */
int concepts_build(concepts *c, const model *m);
void concepts_free(concepts *c);

/* Coverage as a scorer for the shared selector: the gain of a sentence is
 * the summed weight of its concepts not yet covered. */
typedef struct coverage {
    const concepts *c;
    uint8_t *covered;
} coverage;

/* Returns 0 or -1 when out of memory. */
int coverage_init(coverage *cv, const concepts *c);
scorer coverage_scorer(coverage *cv);
void coverage_free(coverage *cv);

#endif
