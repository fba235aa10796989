/* What a query asks and how much each sentence answers it: model_set_query
 * (model.h) is here, and fills the model's in_query, query_answer and
 * query_rel. */
#ifndef NF_MODEL_QUERY_H
#define NF_MODEL_QUERY_H

/* Answer types a query may ask for. */
enum query_answer {
    QUERY_ANSWER_ANY = 0,
    QUERY_ANSWER_COUNT, /* "how many", "how much", "number of", "toll": a figure */
};

/* How much a sentence answers the query (query_rel, 0 to 1): each query
 * term weighs its idf over the new reports' sentences, log((n + 1) /
 * sentences holding it), so a rare word of the question counts more than
 * one every sentence holds, and a sentence answers the share of that
 * weight it holds. A query that asks for a count has one more part, the
 * figure, weighing as much as its heaviest term: answered by a figure
 * (digits that are no year, or a number word: model/numbers.h) within
 * QUERY_FIGURE_WINDOW tokens of a query term ("eleven of its citizens"),
 * half answered by one elsewhere in a sentence holding a query term, not
 * by a figure alone. When no query term is in the new reports, no
 * sentence answers anything. */
#define QUERY_FIGURE_WINDOW 4

#endif
