/* Shared by the fuzz targets (tests/fuzz/fuzz_*.c): the libFuzzer entry
 * point's prototype, a check that aborts (so libFuzzer and the replay both
 * see a broken invariant as a crash), and helpers to carve one input into
 * parts. Each target is built twice: with clang -fsanitize=fuzzer (make
 * fuzz) and with tests/fuzz/replay.c as a plain program that replays its
 * corpus (make check). */
#ifndef NF_FUZZ_H
#define NF_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "newsfuse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken invariant is a finding: say which and abort. */
#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);  \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

/* The byte that separates the parts of an input (documents, references,
 * summaries): ASCII record separator, rare in text, easy for the fuzzer. */
#define FUZZ_SEP 0x1e

/* Splits data[0..size) at FUZZ_SEP into at most max parts (the last one
 * keeps any further separators). Returns the number of parts (at least 1). */
static inline size_t fuzz_parts(const uint8_t *data, size_t size, const char **part, size_t *len,
                                size_t max)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i < size && n + 1 < max; i++)
        if (data[i] == FUZZ_SEP) {
            part[n] = (const char *)data + start, len[n++] = i - start;
            start = i + 1;
        }
    part[n] = (const char *)data + start, len[n++] = size - start;
    return n;
}

/* Returns 1 if s[0..n) is valid UTF-8 without NUL bytes (what the library
 * promises for every text it stores or prints), else 0. */
static inline int fuzz_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
                 : (c & 0xf8) == 0xf0 ? 4 : 0;
        if (!c || !k || i + k > n)
            return 0;
        unsigned long cp = k == 1 ? c : c & (0x7f >> k);
        for (size_t j = 1; j < k; j++) {
            if ((s[i + j] & 0xc0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3f);
        }
        static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[k] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        i += k;
    }
    return 1;
}

/* Returns 1 for the ASCII white space the library trims. */
static inline int fuzz_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Walks every getter of a document set and checks what the header
 * promises: ids never NULL, texts valid UTF-8 of the stated length,
 * references and topic valid UTF-8 too. */
static inline void fuzz_check_docset(const nf_docset *ds)
{
    FUZZ_CHECK(nf_docset_error(ds) != NULL);
    for (size_t i = 0; i < nf_docset_count(ds); i++) {
        size_t len = (size_t)-1;
        const char *t = nf_docset_text(ds, i, &len);
        FUZZ_CHECK(t && strlen(t) == len && fuzz_utf8_valid(t, len));
        FUZZ_CHECK(nf_docset_doc_id(ds, i) != NULL);
    }
    FUZZ_CHECK(nf_docset_text(ds, nf_docset_count(ds), NULL) == NULL);
    for (size_t i = 0; i < nf_docset_reference_count(ds); i++) {
        const char *r = nf_docset_reference(ds, i);
        FUZZ_CHECK(r && fuzz_utf8_valid(r, strlen(r)));
    }
    const char *topic = nf_docset_topic(ds), *id = nf_docset_id(ds);
    FUZZ_CHECK(!topic || fuzz_utf8_valid(topic, strlen(topic)));
    FUZZ_CHECK(!id || fuzz_utf8_valid(id, strlen(id)));
    (void)nf_docset_update_set(ds);
    (void)nf_docset_seen_count(ds);
}

#endif
