/* Corroboration: the sentences of other reports that say the same thing
 * as a summary sentence, so a reader sees what several outlets confirm and
 * what rests on one. */
#ifndef NF_SELECT_CORROBORATE_H
#define NF_SELECT_CORROBORATE_H
#include "model/model.h"

/* Content-word overlap (cosine of the sets of non-stop terms, each by its
 * canonical form: model.ctoks) at or above
 * which a sentence of another report counts as saying the same thing. Two
 * sentences sharing 6 of 10 content words each score 0.6. */
#define CORROBORATE_MIN_COSINE 0.6

typedef struct corroboration {
    uint32_t *sents; /* model indices, in model order */
    size_t n, cap;
    uint32_t ndocs; /* distinct other reports among them */
} corroboration;

/* Fills out with the first sentence of each other new report that repeats
 * sentence i (a near-duplicate) or shares at least CORROBORATE_MIN_COSINE
 * of its content words: one per report, so the list is bounded by the
 * reports. mark is scratch of m->voc.nterms bytes, all zero, and is
 * left zero. Returns 0 or -1 when out of memory. */
int corroborate(const model *m, size_t i, uint8_t *mark, corroboration *out);
void corroboration_free(corroboration *c);

#endif
