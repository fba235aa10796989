/* nf_split: the public face of the sentence segmenter. */
#include "core/alloc.h"
#include "newsfuse.h"
#include "text/sentences.h"

int nf_split(const char *text, size_t len, size_t **spans, size_t *count)
{
    span_vec v = {0};
    *spans = NULL;
    *count = 0;
    if (sentences_split(text, len, &v)) {
        span_vec_free(&v);
        return NF_ENOMEM;
    }
    size_t *out = xcalloc(v.len ? 2 * v.len : 1, sizeof *out);
    if (!out) {
        span_vec_free(&v);
        return NF_ENOMEM;
    }
    for (size_t i = 0; i < v.len; i++) {
        out[2 * i] = v.items[i].start;
        out[2 * i + 1] = v.items[i].end;
    }
    *spans = out;
    *count = v.len;
    span_vec_free(&v);
    return NF_OK;
}
