/* LexRank (Erkan & Radev 2004): sentences ranked by their centrality in the
 * graph of tf-idf cosine similarities, by PageRank with a 0.15 random jump.
 * "lexrank" is continuous LexRank (edges weighted by the cosine);
 * "lexrank-threshold" keeps only edges above 0.1, the threshold the paper
 * found best, unweighted. The ranked sentences then pass the shared
 * redundancy limit in the greedy selector. */
#include "select/graphrank.h"
#include "select/methods.h"

int method_lexrank(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    return graph_method(m, b, o->min_words, SIM_COSINE, 0.0, 0, sel);
}

int method_lexrank_threshold(const model *m, const budget *b, const struct nf_options *o,
                             selection *sel)
{
    return graph_method(m, b, o->min_words, SIM_COSINE, 0.1, 1, sel);
}
