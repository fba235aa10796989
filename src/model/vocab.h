/* The vocabulary of one document set: term string -> dense id, with the
 * statistics the scorers need. Terms are stemmed, case-folded forms. */
#ifndef NF_MODEL_VOCAB_H
#define NF_MODEL_VOCAB_H
#include "core/arena.h"
#include <stdint.h>

typedef struct term {
    const char *s; /* in the owner's arena */
    uint32_t len;
    uint32_t df;       /* documents containing it */
    uint32_t cf;       /* occurrences */
    uint32_t last_doc; /* for df counting: last document seen + 1 */
    uint32_t canon;    /* the id + 1 of the term standing for the same content
                          in another form (model/forms.h; itself when none);
                          0 until the model sets it */
    uint8_t stop;
} term;

typedef struct vocab {
    term *terms;
    size_t nterms, cap;
    uint32_t *slots; /* open addressing: id + 1, 0 = empty */
    size_t nslots;
} vocab;

/* Returns the id of s[0..len), adding it (stop flag as given) if new, or
 * -1 when out of memory. Strings are copied into a. */
int64_t vocab_intern(vocab *v, arena *a, const char *s, size_t len, int stop);
/* vocab_intern, given hash == hash_bytes64(s, len) (the tokenizer has it). */
int64_t vocab_intern_hashed(vocab *v, arena *a, const char *s, size_t len, uint64_t hash, int stop);
/* Returns the id of s[0..len) or -1 if absent. */
int64_t vocab_find(const vocab *v, const char *s, size_t len);
void vocab_free(vocab *v);

/* Returns a hash of bytes (FNV-1a: fixed, so results are deterministic). */
uint64_t hash_bytes64(const void *p, size_t n);

#endif
