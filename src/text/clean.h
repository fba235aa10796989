/* Recognition of scraping debris (photo captions and credits, bylines,
 * "Related content:" links, share and newsletter prompts, video widgets,
 * navigation) and of datelines at the start of a sentence.
 *
 * The patterns are PCRE2 regular expressions kept in data/debris/<kind>.txt
 * (one per line, '#' starts a comment line), compiled into the library by
 * the build; doc/CLEANING.md says what they recognise and how to add one.
 * A prefilter reads from each pattern's source the literal text it needs
 * and skips patterns that cannot match a sentence (clean.c says how; any
 * construct it does not understand just means the pattern always runs).
 * A cleaner does not change once made, except that each debris pattern is
 * JIT-compiled, under a lock, on its first use; one cleaner may serve many
 * threads. */
#ifndef NF_TEXT_CLEAN_H
#define NF_TEXT_CLEAN_H
#include <stddef.h>

enum debris_kind { DEBRIS_NONE = 0, DEBRIS_CAPTION, DEBRIS_CREDIT, DEBRIS_BYLINE, DEBRIS_CONTRIBUTOR,
                   DEBRIS_RELATED, DEBRIS_SHARE, DEBRIS_WIDGET, DEBRIS_NAVIGATION, DEBRIS_OTHER };

typedef struct cleaner cleaner;

/* Compiles the patterns from data/debris/. Returns a cleaner the caller
 * releases with cleaner_free, or NULL when out of memory or when a pattern
 * file is missing or holds a pattern PCRE2 rejects. */
cleaner *cleaner_new(void);

/* Returns the process-wide cleaner, made on first use: the patterns take
 * milliseconds to compile (far more than a summary) and a cleaner is
 * immutable, so one serves every call and thread. NULL when it cannot be
 * made (out of memory); the next call tries again. Never free it. */
const cleaner *cleaner_shared(void);

/* Releases c and everything it owns; NULL is fine. */
void cleaner_free(cleaner *c);

/* Classifies one sentence (UTF-8 bytes s[0..n), surrounding white space
 * ignored): returns the debris_kind of the first kind, in enum order, with
 * a pattern that matches, or DEBRIS_NONE for content. Invalid UTF-8 never
 * fails: an invalid sequence matches no pattern item. Returns DEBRIS_NONE
 * too when out of memory, so a failure never drops content. Thread-safe for
 * concurrent calls on one cleaner. */
int cleaner_debris(const cleaner *c, const char *s, size_t n);

/* Returns the length in bytes of a dateline at the start of s ("NAIROBI,
 * January 4 (Xinhua) -- ", "WASHINGTON (AP) — ", "LONDON (Reuters) - ",
 * "FORT WORTH -- "), including the separator and following spaces, or 0
 * when there is none. A doubled dateline ("GENEVA (AP) -- GENEVA (AP) --")
 * counts whole. The sentence stays; only this prefix is not content. */
size_t cleaner_dateline(const cleaner *c, const char *s, size_t n);

/* For tests only (the differential tests and tests/fuzz/fuzz_clean_diff.c):
 * cleaner_debris and cleaner_dateline without the prefilter, i.e. every
 * pattern is run by PCRE2 with no condition, minimum-length or first-byte
 * check first. Same contracts; the verdicts must always equal the filtered
 * ones, which is what those tests check. Slow: not for the pipeline. */
int cleaner_debris_unfiltered(const cleaner *c, const char *s, size_t n);
size_t cleaner_dateline_unfiltered(const cleaner *c, const char *s, size_t n);

/* For tests only, stricter than comparing verdicts (where an earlier
 * pattern's match can hide a wrong skip): returns how many patterns, debris
 * and dateline, PCRE2 matches on s[0..n) (white space around it trimmed,
 * as cleaner_debris does; datelines at its start) although the prefilter
 * would not have run them. Must always be 0. 0 too when out of memory. */
size_t cleaner_prefilter_misses(const cleaner *c, const char *s, size_t n);

/* Returns the lower-case name of a debris kind ("caption", "credit", ...),
 * "none" for DEBRIS_NONE, or "unknown" for any other value. The string is
 * static. */
const char *cleaner_kind_name(int kind);

#endif
