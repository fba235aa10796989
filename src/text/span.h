/* Byte spans into a text, and growable lists of them. */
#ifndef NF_TEXT_SPAN_H
#define NF_TEXT_SPAN_H
#include <stddef.h>

typedef struct span {
    size_t start, end; /* [start, end) in bytes */
} span;

typedef struct span_vec {
    span *items;
    size_t len, cap;
} span_vec;

/* Appends one span; returns 0 or -1 when out of memory. */
int span_vec_push(span_vec *v, size_t start, size_t end);
void span_vec_free(span_vec *v);

#endif
