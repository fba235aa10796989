/* Sparse tf-idf sentence vectors and the one similarity every method that
 * compares sentences uses (cosine), plus a bounded sparse similarity graph
 * built through an inverted index, so graph methods stay near-linear on
 * very large inputs. */
#ifndef NF_MODEL_VECTORS_H
#define NF_MODEL_VECTORS_H
#include "model/model.h"
#include <stdint.h>

/* Sentence i's vector: terms ids[off[i] .. off[i+1]) (ascending) with
 * weights w[...] and counts tf[...]. Weights are tf * idf over content terms (stop words
 * left out), idf = log((nsents + 1) / sentences containing the term), or,
 * when a background table is installed for the running method (model/idf.h,
 * the idf option), that of the table's N documents and the sentences
 * together, log((N + nsents + 1) / (df + sf + 1)), and each
 * vector has unit length, so the cosine of two sentences is their dot
 * product. A sentence without content terms has an empty vector. */
typedef struct vectors {
    uint32_t *off;
    uint32_t *ids;
    double *w;
    uint32_t *tf;  /* the term's count in the sentence, parallel to ids */
    double *idf;   /* per vocabulary term (0 for stop words and terms in no sentence) */
    uint32_t *sf;  /* per vocabulary term: sentences containing it */
    size_t n;      /* sentences */
    size_t nterms; /* vocabulary size */
} vectors;

/* Builds the vectors of every sentence of m. Returns 0 or -1 when out of
 * memory (v is then empty and safe to free). */
int vectors_build(vectors *v, const model *m);
void vectors_free(vectors *v);

/* Returns the cosine similarity of sentences i and j (0 if either is
 * empty). Linear in the two vectors' lengths. */
double vectors_cosine(const vectors *v, size_t i, size_t j);

/* Returns the dot product of sentence i's vector with a dense vector over
 * the vocabulary. */
double vectors_dot_dense(const vectors *v, size_t i, const double *dense);

/* A sparse similarity graph in compressed rows: the neighbours of i are
 * nbr[first[i] .. first[i+1]) with weights sim[...], ascending by index,
 * never i itself. */
typedef struct simgraph {
    uint32_t *first;
    uint32_t *nbr;
    double *sim;
    size_t n, nedges;
} simgraph;

enum simkind {
    SIM_COSINE,  /* tf-idf cosine (LexRank, Lin & Bilmes) */
    SIM_OVERLAP, /* shared content terms / (log|Si| + log|Sj|) (TextRank) */
};

/* Builds the graph over the sentences with keep[i] != 0 (all when keep is
 * NULL), with an edge wherever the similarity exceeds min_sim. Candidate
 * pairs come from an inverted index over content terms. To bound the work
 * on very large inputs, only the terms found in the fewest sentences
 * generate pairs: as many as keep the pairs visited (the sum over those
 * terms of their sentence count squared) within max_pairs, so the commonest
 * terms, which have the lowest idf, are the first left out. When every term
 * fits, the graph is exact. Returns 0 or -1 when out of memory. */
int simgraph_build(simgraph *g, const vectors *v, const uint8_t *keep,
                   enum simkind kind, double min_sim, size_t max_pairs);
void simgraph_free(simgraph *g);

#endif
