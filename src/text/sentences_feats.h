/* The features of a candidate sentence boundary: named values ("lw=inc",
 * "nc=U", "lw|nc=inc|U") hashed to 64 bits, which the learned model
 * (sentences_model.h) weighs. The same code builds them for the segmenter
 * and for the training tool (tools/seg_features.c), which also asks for
 * their text, so what the model was trained on and what it sees cannot
 * drift apart. A feature's hash combines the hash of its name with the
 * hash of each of its values, so a value used by several features is
 * hashed once; feats_hash computes the same from the feature's text.
 * Not for use outside src/text/sentences*.c and that tool. */
#ifndef NF_TEXT_SENTENCES_FEATS_H
#define NF_TEXT_SENTENCES_FEATS_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define FEATS_MAX 64        /* features of one candidate, at most */
#define FEATS_TEXT_MAX 4096 /* bytes of their text kept for a trace */
#define FEATS_WORD_MAX 24   /* longest word kept as a value; longer ones are "~" */

typedef struct seg_feats {
    uint64_t h[FEATS_MAX];
    size_t n;
    int trace;                  /* also keep the text (training only) */
    char text[FEATS_TEXT_MAX];  /* "name=value name=value|value ..." */
    size_t len;
} seg_feats;

/* A feature value: its text (no '=', '|' or white space in it) and its
 * hash. */
typedef struct feats_val {
    const char *s;
    size_t n;
    uint64_t h;
} feats_val;

/* Returns the FNV-1a hash of s[0..n). Inline, so that for a literal the
 * compiler folds it to a constant. */
static inline uint64_t feats_name_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* Returns the value s[0..n), hashed. */
static inline feats_val feats_val_of(const char *s, size_t n)
{
    feats_val v = {s, n, feats_name_hash(s, n)};
    return v;
}
/* Returns the value s (NUL-terminated), hashed. */
static inline feats_val feats_val_str(const char *s) { return feats_val_of(s, strlen(s)); }

/* Empties f (keeping its trace setting). */
void feats_clear(seg_feats *f);
/* Returns the state h joined with a value's hash v (a multiply and
 * xor-shift, as in splitmix64). */
static inline uint64_t feats_join(uint64_t h, uint64_t v)
{
    uint64_t x = (h ^ v) * 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    return x ^ (x >> 31);
}
/* Appends the text of a feature to f's trace (training only). */
void feats_trace_feature(seg_feats *f, const char *name, size_t nn, const feats_val *v, size_t k);
/* Adds the feature name[0..nn)=v[0]|v[1]|...|v[k-1], whose name hashes to
 * nh (feats_name_hash); a full f drops it. */
static inline void feats_addv(seg_feats *f, uint64_t nh, const char *name, size_t nn,
                              const feats_val *v, size_t k)
{
    if (f->n >= FEATS_MAX)
        return;
    for (size_t i = 0; i < k; i++)
        nh = feats_join(nh, v[i].h);
    f->h[f->n++] = nh;
    if (f->trace)
        feats_trace_feature(f, name, nn, v, k);
}
/* Adds name=a. */
static inline void feats_add1(seg_feats *f, const char *name, feats_val a)
{
    feats_addv(f, feats_name_hash(name, strlen(name)), name, strlen(name), &a, 1);
}
/* Adds name=a|b: a conjunction of two values. */
static inline void feats_add2(seg_feats *f, const char *name, feats_val a, feats_val b)
{
    feats_val v[2] = {a, b};
    feats_addv(f, feats_name_hash(name, strlen(name)), name, strlen(name), v, 2);
}

/* Writes into out (at least FEATS_WORD_MAX + 1 bytes) the word w[0..n)
 * as a feature value: ASCII lower case, "~" when longer than
 * FEATS_WORD_MAX, "#" + its shape when it holds a digit (numbers are
 * told apart by shape, not by value); returns its length. */
size_t feats_word(const char *w, size_t n, char *out);
/* Writes into out (at least 9 bytes) the shape of w[0..n): X for an
 * upper-case ASCII letter, x lower case, d a digit, u any non-ASCII byte
 * sequence, other bytes as themselves, repeats collapsed, at most 8
 * symbols ("Smith" Xx, "U.S" X.X, "1,000" d,d, "" -); returns its length. */
size_t feats_shape(const char *w, size_t n, char *out);

/* Returns the hash of a feature from its text "name=value|value..." (as
 * the model file holds it), the same as feats_addv gives it. */
uint64_t feats_hash(const char *s, size_t n);

#endif
