/* Hard-wrapped text (mail, wire copy, text pasted from a PDF or a
 * terminal): line breaks inside a paragraph that only wrap it. The
 * segmenter reads such text with those breaks made spaces, so a sentence
 * runs on across them; paragraph breaks stay breaks. Not for use outside
 * src/text/sentences*.c. */
#ifndef NF_TEXT_SENTENCES_WRAP_H
#define NF_TEXT_SENTENCES_WRAP_H
#include <stddef.h>

/* Looks for line breaks of text[0..len) that only wrap a sentence. When
 * there are some, sets *copy to a new copy of the text (same length,
 * xfree it) in which each such break (its "\r\n" or "\n") is spaces, and
 * returns 1; returns 0 when there are none (*copy NULL), -1 when out of
 * memory. */
int wrap_unwrap(const char *text, size_t len, char **copy);

#endif
