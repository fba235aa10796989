/* TextRank for sentences (Mihalcea & Tarau 2004): the graph's edges weigh
 * the content words two sentences share, normalised by the logarithms of
 * their lengths; weighted PageRank with damping 0.85 ranks the sentences,
 * which then pass the shared redundancy limit in the greedy selector. */
#include "select/graphrank.h"
#include "select/methods.h"

int method_textrank(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    return graph_method(m, b, o->min_words, SIM_OVERLAP, 0.0, 0, sel);
}
