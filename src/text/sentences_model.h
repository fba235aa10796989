/* The learned sentence-boundary model: a table of feature weights
 * (data/segmenter/en.model, built by scripts/train_segmenter.py from UD
 * English EWT train) that scores a candidate boundary from its hashed
 * features (sentences_feats.h). Loaded once, on first use, into a fixed
 * static table: no allocation, so scoring cannot fail and is
 * thread-safe. Not for use outside src/text/sentences*.c and the
 * training tool. */
#ifndef NF_TEXT_SENTENCES_MODEL_H
#define NF_TEXT_SENTENCES_MODEL_H
#include <stddef.h>
#include <stdint.h>

/* Returns the sum of the weights of the n features h[] (absent features
 * weigh nothing): above 0, the candidate is a sentence boundary. */
long segmodel_score(const uint64_t *h, size_t n);

/* Returns the number of features the model holds (loads it first). */
size_t segmodel_size(void);

/* Replaces the model by the one in text[0..len) (the model file's
 * format); returns the features read, or -1 when they do not fit. For
 * the training tool only: not thread-safe. */
long segmodel_replace(const char *text, size_t len);

#endif
