/* Class, id, role and itemprop evidence (data/html/hints.txt): what a
 * page's markup says an element is, by the conventions sites share. */
#ifndef NF_INGEST_HTML_HINT_H
#define NF_INGEST_HTML_HINT_H
#include "ingest/html.h"

/* The summed weight of the patterns element i matches: < 0 boilerplate
 * (comments, sharing, ads, navigation...), > 0 an article body, 0 no
 * evidence (or none either way). */
int html_hint(const hdom *dom, uint32_t i);

/* Returns 1 if the block text s[0..n) is page furniture wherever it
 * stands (data/html/furniture.txt: "Advertisement", "Read more", "Share
 * this"...), compared in lower case without punctuation around it. */
int html_furniture(const char *s, size_t n);

#endif
