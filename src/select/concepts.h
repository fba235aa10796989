/* Concepts for coverage methods (after Gillick & Favre 2009): stemmed word
 * bigrams, not both stop words, each weighing the number of documents that
 * contain it; concepts in too few documents weigh nothing (details at
 * weigh() in concepts.c: position prior, update and query modes, as in
 * concept.c). Shared by the greedy concept method and the exact ILP. */
#ifndef NF_SELECT_CONCEPTS_H
#define NF_SELECT_CONCEPTS_H
#include "select/select.h"

/* What is known of one concept. */
typedef struct concept {
    uint64_t key;       /* the bigram: term ids a << 32 | b */
    uint32_t df;        /* new reports holding it */
    uint32_t seen_df;   /* reports already read holding it (update mode) */
    union {
        uint32_t last_doc; /* while collecting, for counting df: last document + 1 */
        uint32_t nsents;   /* then, with a query: the new sentences holding it */
    };
    uint32_t first_pos; /* earliest sentence position it occurs at */
    double weight;      /* (with a query, before weighing: the sum over those
                           sentences of how fully each answers it, squared) */
} concept;

/* News puts what matters first: a concept first seen at sentence position
 * p weighs 1 + CONCEPT_POSITION_PRIOR / (1 + p) times more; a concept made
 * only of query terms 1 + CONCEPT_QUERY_BOOST times more. The values of
 * concept.c (position prior tuned there on DUC 2004 dev, query boost on
 * DUC 2006 dev). */
#define CONCEPT_POSITION_PRIOR 2.0
#define CONCEPT_QUERY_BOOST 2.0

/* The query acts on the sentences that answer it, in proportion to how
 * fully they do: a concept weighs 1 + CONCEPT_ANSWER_BOOST * a times more,
 * a the mean, over the new sentences holding it, of the square of the share
 * of the query each answers (model/query.h: the query's terms by idf, and
 * the figure a question about a count asks for). Squared, so a sentence
 * that answers the whole question counts fully, one that shares a word
 * or two of a long topic statement hardly at all. Chosen by
 * leave-one-topic-out over the 35 query-focused development topics of DUC
 * 2006 and 2007 (doc/METHODS.md). */
#define CONCEPT_ANSWER_BOOST 6.0

/* The threshold's soft edge: without a query, a concept one report short
 * of the threshold (in two reports when three are needed, in one when
 * two are) keeps this share of its weight instead of none. Tuned on DUC
 * 2004 dev (0.25-0.6 all help both halves, 0.5 best); query-focused sets
 * (DUC 2006, 2007) lose with it, so it stays out of query mode. */
#define CONCEPT_NEAR_THRESHOLD_SHARE 0.5

typedef struct concepts {
    const model *m;
    concept *cs;
    size_t n, cap;        /* concepts */
    uint32_t *sent_first; /* concepts of sentence i: ids[sent_first[i] .. sent_first[i+1]) */
    uint32_t *ids;
    size_t nids, idcap;
    uint32_t *slot; /* hash table of concept ids + 1 by key, 0 = empty */
    size_t nslots;
    uint32_t *last_sent; /* while collecting, per concept: last sentence + 1 holding it */
    size_t last_cap;
} concepts;

/* Extracts and weighs the concepts of every non-debris sentence of m
 * (min_words: the shortest usable sentence, which decides which reports
 * count for the document-frequency threshold). Returns 0 or -1 when out of
 * memory (c is then safe to free). */
int concepts_build(concepts *c, const model *m, long min_words);
void concepts_free(concepts *c);

/* Update mode: fills nov[i] for every sentence of c->m. For a sentence of
 * a new report that a summary may hold (model_sentence_usable), its
 * novelty against the reports already read: 1 - cos² to the closest read
 * sentence, cos the cosine of their sets of concepts (shared / sqrt(|A|
 * |B|)). cos² is the share of the sentence that the read one spans, so a
 * restatement of what was read scores near 0 (numbers match across words
 * and digits: model/numbers.h), news near 1. Every other sentence, and
 * every sentence when nothing was read, gets 1. Candidate pairs come from
 * an inverted index of the read sentences' concepts; on very large inputs
 * the concepts held by the most read sentences stop adding pairs once
 * CONCEPT_NOVELTY_MAX_PAIRS have been visited. Returns 0 or -1 when out of
 * memory. */
int concepts_novelty(const concepts *c, double *nov);
#define CONCEPT_NOVELTY_MAX_PAIRS 4000000

/* Coverage as a scorer for the shared selector: the gain of a sentence is
 * the summed weight of its concepts not yet covered. */
typedef struct coverage {
    const concepts *c;
    uint8_t *covered;
    uint32_t *stamp; /* per concept: the prefix_gain call that last counted it */
    uint32_t calls;
} coverage;

/* Returns 0 or -1 when out of memory. */
int coverage_init(coverage *cv, const concepts *c);

/* The gain of only the first ntok tokens of sentence i: the weight of the
 * uncovered concepts among their bigrams (what a cut sentence covers; the
 * base of concept's prefix gain for the shared selector). */
double coverage_prefix_gain(coverage *cv, size_t i, uint32_t ntok);
scorer coverage_scorer(coverage *cv);
void coverage_free(coverage *cv);

#endif
