/* Features of a candidate boundary (see sentences_feats.h). A feature's
 * hash is FNV-1a of its name, then, for each
 * value, the state mixed with the value's own FNV-1a hash (feats_join). */
#include "text/sentences_feats.h"

#define FNV_OFFSET 14695981039346656037ull
#define FNV_PRIME 1099511628211ull

/* Returns the FNV-1a hash state h moved on by s[0..n). */
static uint64_t feats_mix(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
    return h;
}

uint64_t feats_hash(const char *s, size_t n)
{
    const char *eq = memchr(s, '=', n);
    if (!eq)
        return feats_mix(FNV_OFFSET, s, n);
    uint64_t h = feats_mix(FNV_OFFSET, s, (size_t)(eq - s));
    for (const char *a = eq + 1, *end = s + n;;) {
        const char *bar = memchr(a, '|', (size_t)(end - a));
        const char *e = bar ? bar : end;
        h = feats_join(h, feats_mix(FNV_OFFSET, a, (size_t)(e - a)));
        if (!bar)
            return h;
        a = bar + 1;
    }
}

void feats_clear(seg_feats *f)
{
    f->n = 0;
    f->len = 0;
}

/* Appends s[0..n) to the trace text, if it fits. */
static void feats_trace(seg_feats *f, const char *s, size_t n)
{
    if (f->len + n < FEATS_TEXT_MAX) {
        memcpy(f->text + f->len, s, n);
        f->len += n;
    }
}

void feats_trace_feature(seg_feats *f, const char *name, size_t nn, const feats_val *v, size_t k)
{
    if (f->len)
        feats_trace(f, " ", 1);
    feats_trace(f, name, nn);
    for (size_t i = 0; i < k; i++) {
        feats_trace(f, i ? "|" : "=", 1);
        feats_trace(f, v[i].s, v[i].n);
    }
}

size_t feats_shape(const char *w, size_t n, char *out)
{
    size_t k = 0;
    char last = 0;
    for (size_t i = 0; i < n && k < 8; i++) {
        unsigned char c = (unsigned char)w[i];
        char sym = c >= 'A' && c <= 'Z'   ? 'X'
                   : c >= 'a' && c <= 'z' ? 'x'
                   : c >= '0' && c <= '9' ? 'd'
                   : c >= 0x80            ? 'u'
                   : c <= ' ' || c == '=' || c == '|' ? '_'
                                                      : (char)c;
        if (sym != last)
            out[k++] = sym;
        last = sym;
    }
    if (k == 0)
        out[k++] = '-';
    out[k] = '\0';
    return k;
}

size_t feats_word(const char *w, size_t n, char *out)
{
    if (n > FEATS_WORD_MAX) {
        strcpy(out, "~");
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        if (w[i] >= '0' && w[i] <= '9') {
            out[0] = '#';
            return 1 + feats_shape(w, n, out + 1);
        }
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        out[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : (unsigned char)c <= ' ' || c == '=' || c == '|' ? '_' : c;
    }
    out[n] = '\0';
    if (n == 0) {
        strcpy(out, "-");
        return 1;
    }
    return n;
}
