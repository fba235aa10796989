#include "text/span.h"
#include "core/alloc.h"

int span_vec_push(span_vec *v, size_t start, size_t end)
{
    if (GROW(v->items, v->cap, v->len + 1))
        return -1;
    v->items[v->len++] = (span){start, end};
    return 0;
}

void span_vec_free(span_vec *v)
{
    xfree(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}
