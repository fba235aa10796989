/* Words: Unicode-aware tokens (utf8proc categories), case folding,
 * stop words (data/stopwords/<language>.txt) and Snowball stemming. */
#ifndef NF_TEXT_TOKENS_H
#define NF_TEXT_TOKENS_H
#include <stddef.h>
#include <stdint.h>

typedef struct tokenizer tokenizer;

typedef struct token {
    const char *form; /* folded, stemmed form; valid only during the callback */
    size_t len;
    const char *folded; /* folded form before stemming; same lifetime */
    size_t folded_len;
    size_t start, end; /* span of the token in the input */
    int stop;          /* 1 if the folded form is a stop word */
    uint64_t form_hash; /* FNV-1a (64 bits) of form, as hash_bytes64 in model/vocab.h */
} token;

/* Returns 1 if the language has a Snowball stemmer and a stop list. */
int tokenizer_language_ok(const char *language);

/* Returns a tokenizer for the language ("english", "french", ...), or NULL
 * when the language is unknown or memory runs out. A tokenizer is not
 * thread-safe (its stemmer keeps state): one per thread. */
tokenizer *tokenizer_new(const char *language);
void tokenizer_free(tokenizer *tk);

/* Returns the calling thread's own tokenizer for the language, made on
 * first use and kept until the thread exits (so its stem cache stays warm
 * from one text to the next), or NULL when the language is unknown or
 * memory runs out. The caller must not free it nor hand it to another
 * thread; a thread keeps up to four languages. */
tokenizer *tokenizer_for_thread(const char *language);

/* Calls fn for each token of s[0..n) (valid UTF-8) in order. A token is a
 * maximal run of letters, digits and combining marks. Returns 0, the first
 * non-zero value fn returned, or -1 when out of memory. */
int tokenizer_each(tokenizer *tk, const char *s, size_t n,
                   int (*fn)(const token *t, void *arg), void *arg);

/* Returns 1 if folded word w[0..n) is on the tokenizer's stop list. */
int tokenizer_is_stop(const tokenizer *tk, const char *w, size_t n);

#endif
