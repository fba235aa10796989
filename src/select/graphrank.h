/* Centrality on a sentence similarity graph, shared by LexRank (Erkan &
 * Radev 2004) and TextRank (Mihalcea & Tarau 2004): PageRank over the
 * sparse graph, with a sentence's near duplicates folding their centrality
 * into it (repetition across reports is corroboration). */
#ifndef NF_SELECT_GRAPHRANK_H
#define NF_SELECT_GRAPHRANK_H
#include "model/vectors.h"
#include "select/select.h"

/* The bound on candidate pairs a graph visits (vectors.h, simgraph_build):
 * every DUC 2004 and DUC 2006 development cluster stays below it (at most
 * 622,000), so their graphs are exact; it keeps the 145,000-word
 * Multi-News cluster (963 million pairs unbounded) well within the time
 * bound. */
#define GRAPH_MAX_PAIRS 1000000

/* Returns a mask (xmalloc'd, 1 byte per sentence) of the sentences worth a
 * node: not debris, not already read (update mode), with some content
 * term; NULL when out of memory. */
uint8_t *graph_node_mask(const model *m, const vectors *v);

/* PageRank by power iteration: score[i] = jump / N + (1 - jump) * sum over
 * neighbours j of p[j] * w(j,i) / sum_k w(j,k), w = 1 when binary, the
 * edge weight otherwise; N counts the masked nodes, and the mass of nodes
 * without edges is spread evenly. Fixed tolerance and iteration cap.
 * Fills score (0 off the mask). Returns 0 or -1 when out of memory. */
int graph_pagerank(const simgraph *g, const uint8_t *mask, int binary, double jump,
                   double *score);

/* Adds each duplicate's score to the sentence it repeats. */
void graph_fold_duplicates(const model *m, double *score);

/* The whole method: vectors, graph of kind over the masked sentences with
 * edges above min_sim (binary weights if binary), PageRank, duplicates
 * folded, then greedy selection with the redundancy limit. */
int graph_method(const model *m, const budget *b, long min_words, enum simkind kind,
                 double min_sim, int binary, selection *sel);

#endif
