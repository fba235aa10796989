/* Sentence segmentation of (valid UTF-8) text. */
#ifndef NF_TEXT_SENTENCES_H
#define NF_TEXT_SENTENCES_H
#include "text/span.h"

/* Appends to *out the span of every sentence of text[0..len), in order,
 * each trimmed of surrounding white space and never empty. A line break
 * ends a sentence (so headlines and captions without final punctuation
 * stand alone), except in hard-wrapped text, where a break that only
 * wraps a paragraph is a space (see sentences_wrap.h). Returns 0, or -1
 * when out of memory (*out then holds the sentences found so far). */
int sentences_split(const char *text, size_t len, span_vec *out);

#endif
