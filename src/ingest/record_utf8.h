/* What the container readers hand over and say must be valid UTF-8: an
 * error message that quotes the input (a tag name, a header value,
 * libxml2's own text), and a feed's fields, which libxml2 can leave with
 * raw bytes once it falls back to Latin-1 inside a document. */
#ifndef NF_INGEST_RECORD_UTF8_H
#define NF_INGEST_RECORD_UTF8_H
#include <stddef.h>

/* Replaces, in place, each byte of s[0..n) that does not begin a valid
 * UTF-8 character (a stray byte, a character cut short, a NUL) with '?'. */
void record_utf8_clean(char *s, size_t n);

#endif
