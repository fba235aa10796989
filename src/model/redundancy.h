/* The one redundancy filter: near-duplicate sentences across reports (wire
 * copy repeated with small edits) count once, and count as corroboration
 * of the sentence kept. model_build marks exact repeats; this marks near
 * repeats the same way (dup_of, support). */
#ifndef NF_MODEL_REDUNDANCY_H
#define NF_MODEL_REDUNDANCY_H
#include "model/model.h"

/* Bigrams are of the terms' canonical forms (model.ctoks: "fourteen" and
 * "14", "dead" and "killed" are one word here). */

/* Word-bigram Jaccard similarity at or above which two sentences are near
 * duplicates. One inserted or changed word in a 20-word sentence keeps it
 * near 0.8; two edits about 0.65. */
#define REDUNDANCY_MIN_JACCARD 0.6

/* Marks sentences whose token-bigram sets have Jaccard similarity >=
 * min_jaccard with an earlier sentence as duplicates of the earliest of
 * their group (dup_of), adding to that sentence's support one per member
 * from another document (and the support members had). Sentences already
 * marked, debris and sentences under 6 tokens are left alone. Candidate
 * pairs come from MinHash signatures in bands (fixed seeds), so the time
 * is about linear in the tokens; pairs found are verified exactly.
 * Returns 0 or -1 when out of memory (m is then unchanged). */
int redundancy_mark_near_duplicates(model *m, double min_jaccard);

/* Returns the Jaccard similarity of the token-bigram sets of sentences i
 * and j of m (for tests and diagnostics; allocates nothing). */
double redundancy_jaccard(const model *m, size_t i, size_t j);

#endif
