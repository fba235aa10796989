/* Fuzz target: the whole summarize pipeline, nf_summarize then
 * nf_summary_render in every format. Input: byte 0 picks the method, byte
 * 1 the budget, order, cut and query; the rest is either one
 * cluster JSONL line (when it starts with '{') or reports separated by
 * 0x1e, a report starting with 0x1d being one already read. Checks: the
 * status is one the header lists, every sentence points inside its report
 * and equals its bytes there when the report was valid UTF-8, the JSON
 * renderings parse, the text rendering is valid UTF-8. */
#include "fuzz.h"
#include <jansson.h>

#define MAX_DOCS 24

typedef struct input {
    const char *doc[MAX_DOCS];
    size_t len[MAX_DOCS];
    int seen[MAX_DOCS];
    size_t n;
} input;

/* Sets the options byte 0 and byte 1 choose. */
static void set_options(nf_options *o, uint8_t b0, uint8_t b1)
{
    const char *const *m = nf_methods();
    size_t nm = 0;
    while (m[nm])
        nm++;
    nf_options_set(o, "method", m[b0 % nm]);
    static const char *const budget[][2] = {{"words", "40"},   {"sentences", "3"}, {"bytes", "300"},
                                            {"ratio", "0.3"},  {"words", "1"},     {"sentences", "0"},
                                            {"bytes", "5"},    {"words", "100000"}};
    nf_options_set(o, budget[b1 & 7][0], budget[b1 & 7][1]);
    nf_options_set(o, "cut", b1 & 8 ? "1" : "0");
    nf_options_set(o, "order", b1 & 16 ? "rank" : "date");
    if (b1 & 32)
        nf_options_set(o, "query", "bridge collapse victims");
    nf_options_set(o, "max_seconds", "2");
}

/* Fills ds from the reports of data[0..size); records them in *in. */
static int add_reports(nf_docset *ds, const uint8_t *data, size_t size, input *in)
{
    in->n = 0;
    if (size && data[0] == '{')
        return nf_docset_add_json(ds, (const char *)data, size);
    const char *part[MAX_DOCS];
    size_t len[MAX_DOCS], n = fuzz_parts(data, size, part, len, MAX_DOCS);
    for (size_t i = 0; i < n; i++) {
        int seen = len[i] && part[i][0] == 0x1d;
        int rc = seen ? nf_docset_add_seen(ds, NULL, NULL, NULL, part[i] + 1, len[i] - 1)
                      : nf_docset_add(ds, NULL, NULL, NULL, part[i], len[i]);
        if (rc)
            return rc;
        if (!seen) {
            in->doc[in->n] = part[i], in->len[in->n++] = len[i];
        }
    }
    return NF_OK;
}

/* Checks each summary sentence against the reports it came from. */
static void check_sentences(const nf_summary *s, const nf_docset *ds, const input *in)
{
    for (size_t i = 0; i < nf_summary_count(s); i++) {
        const char *t;
        size_t len, doc, a, e;
        FUZZ_CHECK(nf_summary_sentence(s, i, &t, &len, &doc, &a, &e, NULL) == NF_OK);
        FUZZ_CHECK(doc < nf_docset_count(ds) && a <= e && t && strlen(t) == len);
        FUZZ_CHECK(fuzz_utf8_valid(t, len));
        if (!in->n)
            continue; /* JSON: the original bytes are the decoded strings */
        FUZZ_CHECK(doc < in->n && e <= in->len[doc]);
        if (fuzz_utf8_valid(in->doc[doc], in->len[doc]))
            FUZZ_CHECK(e - a == len && !memcmp(in->doc[doc] + a, t, len));
    }
    FUZZ_CHECK(nf_summary_sentence(s, nf_summary_count(s), NULL, NULL, NULL, NULL, NULL, NULL) ==
               NF_EINVAL);
    for (size_t i = 0; i < nf_summary_warning_count(s); i++)
        FUZZ_CHECK(fuzz_utf8_valid(nf_summary_warning(s, i), strlen(nf_summary_warning(s, i))));
}

/* Renders s in every format: JSON must parse, text must be UTF-8. */
static void check_render(const nf_summary *s)
{
    for (const char *const *fmt = nf_formats("summary"); *fmt; fmt++) {
        const char *f = *fmt;
        char *out = NULL;
        size_t len = 0;
        int rc = nf_summary_render(s, f, &out, &len);
        FUZZ_CHECK(rc == NF_OK || rc == NF_ENOMEM);
        if (rc != NF_OK)
            continue;
        FUZZ_CHECK(out && strlen(out) == len && fuzz_utf8_valid(out, len));
        if (strcmp(f, "text")) {
            json_error_t e;
            json_t *j = json_loadb(out, len, 0, &e);
            FUZZ_CHECK(j && json_is_object(j) && json_object_get(j, "summary"));
            json_decref(j);
        }
        FUZZ_CHECK(strcmp(f, "jsonl") || !memchr(out, '\n', len));
        nf_free(out);
    }
    char *out = NULL;
    size_t len = 0;
    FUZZ_CHECK(nf_summary_render(s, "md", &out, &len) == NF_EINVAL);
    nf_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    nf_docset *ds = nf_docset_new();
    nf_options *o = nf_options_new();
    input in;
    if (ds && o) {
        set_options(o, data[0], data[1]);
        int rc = add_reports(ds, data + 2, size - 2, &in);
        FUZZ_CHECK(rc == NF_OK || rc == NF_EDATA || rc == NF_ENOMEM);
        nf_summary *s = NULL;
        rc = nf_summarize(ds, o, &s);
        FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY || rc == NF_ENOMEM);
        FUZZ_CHECK(rc == NF_ENOMEM || s != NULL);
        if (s) {
            check_sentences(s, ds, &in);
            check_render(s);
        }
        nf_summary_free(s);
    }
    nf_options_free(o);
    nf_docset_free(ds);
    return 0;
}
