/* Fuzz target: sentence splitting and cleaning. nf_split's spans must be
 * non-empty, in order, disjoint, inside the text and trimmed; the cleaner
 * (debris classes, datelines) must stay inside each sentence; and the same
 * text summarized as one report (lead, which runs the whole model: repair,
 * split, clean, tokens) must point back inside the input. */
#include "fuzz.h"
#include "text/clean.h"

/* Checks every span of nf_split and runs the cleaner on each sentence. */
static void check_split(const char *text, size_t len)
{
    static cleaner *cl;
    if (!cl)
        cl = cleaner_new(); /* made once: the patterns take a while to compile */
    size_t *spans = NULL, count = 0;
    int rc = nf_split(text, len, &spans, &count);
    FUZZ_CHECK(rc == NF_OK || rc == NF_ENOMEM);
    if (rc != NF_OK)
        return;
    size_t prev = 0;
    for (size_t i = 0; i < count; i++) {
        size_t a = spans[2 * i], e = spans[2 * i + 1];
        FUZZ_CHECK(prev <= a && a < e && e <= len);
        FUZZ_CHECK(!fuzz_is_space(text[a]) && !fuzz_is_space(text[e - 1]));
        prev = e;
        if (cl) {
            int kind = cleaner_debris(cl, text + a, e - a);
            FUZZ_CHECK(kind >= DEBRIS_NONE && kind <= DEBRIS_OTHER);
            FUZZ_CHECK(cleaner_dateline(cl, text + a, e - a) <= e - a);
        }
    }
    nf_free(spans);
}

/* Summarizes text as one report with the lead method. */
static void check_summary(const char *text, size_t len)
{
    nf_docset *ds = nf_docset_new();
    nf_options *o = nf_options_new();
    nf_summary *s = NULL;
    if (ds && o && nf_docset_add(ds, "d", NULL, NULL, text, len) == NF_OK &&
        nf_options_set(o, "method", "lead") == NF_OK &&
        nf_options_set(o, "min_words", "0") == NF_OK) {
        int rc = nf_summarize(ds, o, &s);
        FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY || rc == NF_ENOMEM);
        for (size_t i = 0; s && i < nf_summary_count(s); i++) {
            size_t doc, a, e;
            FUZZ_CHECK(nf_summary_sentence(s, i, NULL, NULL, &doc, &a, &e, NULL) == NF_OK);
            FUZZ_CHECK(doc == 0 && a <= e && e <= len);
        }
    }
    nf_summary_free(s);
    nf_options_free(o);
    nf_docset_free(ds);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_split((const char *)data, size);
    check_summary((const char *)data, size);
    return 0;
}
