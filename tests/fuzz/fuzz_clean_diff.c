/* Fuzz target: the debris cleaner's prefilter against no prefilter. The
 * input is taken as one sentence and, split at 0x1e, as up to eight more;
 * for each, cleaner_debris and cleaner_dateline (prefiltered: conditions
 * read from the patterns' sources, PCRE2's minimum length and first-byte
 * map) must give exactly the verdicts of cleaner_debris_unfiltered and
 * cleaner_dateline_unfiltered (every pattern run), and
 * cleaner_prefilter_misses must find no matching pattern skipped. A
 * difference aborts. */
#include "fuzz.h"
#include "text/clean.h"

/* Checks both verdicts on one sentence. */
static void check_sentence(const cleaner *cl, const char *s, size_t n)
{
    int kind = cleaner_debris(cl, s, n), ref = cleaner_debris_unfiltered(cl, s, n);
    if (kind != ref)
        fprintf(stderr, "debris: prefiltered %s, unfiltered %s\n", cleaner_kind_name(kind),
                cleaner_kind_name(ref));
    FUZZ_CHECK(kind == ref);
    size_t len = cleaner_dateline(cl, s, n), rlen = cleaner_dateline_unfiltered(cl, s, n);
    if (len != rlen)
        fprintf(stderr, "dateline: prefiltered %zu, unfiltered %zu\n", len, rlen);
    FUZZ_CHECK(len == rlen && len <= n);
    /* Stricter: no pattern that matches was skipped, even one hidden
     * behind an earlier match. */
    size_t miss = cleaner_prefilter_misses(cl, s, n);
    if (miss)
        fprintf(stderr, "prefilter skipped %zu matching patterns\n", miss);
    FUZZ_CHECK(miss == 0);
    /* Different code per verdict, so libFuzzer (which cannot see inside
     * PCRE2) keeps inputs that reach a new kind or a dateline. */
    static volatile unsigned seen[DEBRIS_OTHER + 1][2];
    seen[kind][len > 0]++;
    switch (kind) {
    case DEBRIS_CAPTION: seen[0][0]++; break;
    case DEBRIS_CREDIT: seen[0][0] += 2; break;
    case DEBRIS_BYLINE: seen[0][0] += 3; break;
    case DEBRIS_CONTRIBUTOR: seen[0][0] += 4; break;
    case DEBRIS_RELATED: seen[0][0] += 5; break;
    case DEBRIS_SHARE: seen[0][0] += 6; break;
    case DEBRIS_WIDGET: seen[0][0] += 7; break;
    case DEBRIS_NAVIGATION: seen[0][0] += 8; break;
    case DEBRIS_OTHER: seen[0][0] += 9; break;
    default: break;
    }
    if (len > 0)
        seen[0][1]++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cleaner *cl;
    if (!cl)
        cl = cleaner_new(); /* made once: the patterns take a while to compile */
    if (!cl)
        return 0;
    const char *part[8];
    size_t len[8];
    check_sentence(cl, (const char *)data, size);
    size_t n = fuzz_parts(data, size, part, len, 8);
    for (size_t i = 0; n > 1 && i < n; i++)
        check_sentence(cl, part[i], len[i]);
    return 0;
}
