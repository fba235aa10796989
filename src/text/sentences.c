/* PLACEHOLDER segmenter (to be replaced by the real one): splits after
 * . ! ? followed by white space, and at blank lines. */
#include "text/sentences.h"
#include <ctype.h>

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int emit(const char *t, size_t s, size_t e, span_vec *out)
{
    while (s < e && is_space(t[s]))
        s++;
    while (e > s && is_space(t[e - 1]))
        e--;
    return e > s ? span_vec_push(out, s, e) : 0;
}

int sentences_split(const char *text, size_t len, span_vec *out)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        int end_punct = (text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 1 < len &&
                        is_space(text[i + 1]);
        int blank = text[i] == '\n' && i + 1 < len && text[i + 1] == '\n';
        if (end_punct || blank) {
            if (emit(text, start, i + 1, out))
                return -1;
            start = i + 1;
        }
    }
    return emit(text, start, len, out);
}
