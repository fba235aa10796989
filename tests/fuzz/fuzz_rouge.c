/* Fuzz target: the ROUGE tokenizer and scorer. Input parts (split at
 * 0x1e): a ROUGE-1.5.5 command line for nf_rouge_set_flags, then texts in
 * turn: a reference of cluster c1, a summary of system A for c1, a
 * reference of c2, A's summary for c2, system B's summary for c1, a second
 * reference of c1. The first byte of each text picks whether it goes
 * through nf_rouge_spl (and with which splitter) or in raw. Checks: SPL
 * output is squeezed, trimmed, one non-empty line each; scores and their
 * intervals are in [0, 1] (ROUGE-W with a weight of at most 1: not
 * negative), low <= high; the JSON report parses. */
#include "fuzz.h"
#include <jansson.h>
#include <math.h>

#define MAX_PARTS 8

/* Checks that out[0..n) is SPL as nf_rouge_spl promises. */
static void check_spl(const char *out, size_t n)
{
    size_t line = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)out[i];
        if (c == '\n') {
            FUZZ_CHECK(i > line && out[line] != ' ' && out[i - 1] != ' ');
            line = i + 1;
            continue;
        }
        FUZZ_CHECK(!((c >= 9 && c <= 13) || (c >= 28 && c <= 31)));
        FUZZ_CHECK(c != ' ' || out[i + 1] != ' ');
    }
    FUZZ_CHECK(line == n);
}

/* Adds one text, first through nf_rouge_spl unless its first byte says
 * raw. kind: 0 reference, 1 summary. Returns the status of the add. */
static int add_text(nf_rouge *r, int kind, const char *sys, const char *id, const char *t, size_t n)
{
    char *spl = NULL;
    size_t spl_len = 0;
    int how = n ? (unsigned char)t[0] % 4 : 3;
    if (how < 3) {
        int rc = nf_rouge_spl(t, n, nf_rouge_splitters()[how], &spl, &spl_len);
        FUZZ_CHECK(rc == NF_OK || rc == NF_ENOMEM);
        if (rc != NF_OK)
            return rc;
        check_spl(spl, spl_len);
        t = spl, n = spl_len;
    }
    int rc = kind ? nf_rouge_add_summary(r, sys, id, t, n) : nf_rouge_add_references(r, id, &t, &n, 1);
    nf_free(spl);
    return rc;
}

/* The upper bound of metric m's scores: 1, except for ROUGE-W with a
 * weight of at most 1 (named ROUGE-W-<weight as written>), which
 * ROUGE-W is not defined for: ROUGE-1.5.5 then prints recalls above 1
 * (1.13 at -w 0.5), and so do we, with a warning in the CLI. */
static double score_bound(const char *name)
{
    if (strncmp(name, "ROUGE-W-", 8) || strtod(name + 8, NULL) > 1)
        return 1;
    return INFINITY;
}

/* Checks every score of every system, metric and cluster. */
static void check_scores(const nf_rouge *r)
{
    for (size_t s = 0; s < nf_rouge_system_count(r); s++)
        for (size_t m = 0; m < nf_rouge_metric_count(r); m++) {
            FUZZ_CHECK(nf_rouge_metric_name(r, m) != NULL);
            double top = score_bound(nf_rouge_metric_name(r, m));
            for (int v = 0; v < 3; v++) {
                double a[3];
                FUZZ_CHECK(nf_rouge_average(r, s, m, v, a) == NF_OK);
                /* The average and the interval are rounded separately and
                 * a narrow -c may leave the mean outside: only the order
                 * of the bounds is certain. */
                for (int k = 0; k < 3; k++)
                    FUZZ_CHECK(a[k] >= 0 && a[k] <= top);
                FUZZ_CHECK(a[1] <= a[2]);
            }
            for (size_t c = 0; c < nf_rouge_cluster_count(r); c++) {
                double rpf[3];
                int rc = nf_rouge_cluster_score(r, s, m, c, rpf);
                FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY);
                for (int v = 0; rc == NF_OK && v < 3; v++)
                    FUZZ_CHECK(rpf[v] >= 0 && rpf[v] <= top);
            }
        }
}

/* Renders every report format, with and without per-cluster scores. */
static void check_render(const nf_rouge *r)
{
    for (const char *const *f = nf_formats("rouge"); *f; f++)
        for (int per = 0; per < 2; per++) {
            char *out = NULL;
            size_t len = 0;
            int rc = nf_rouge_render(r, *f, per, &out, &len);
            FUZZ_CHECK(rc == NF_OK || rc == NF_ENOMEM);
            if (rc == NF_OK && !strcmp(*f, "json")) {
                json_error_t e;
                json_t *j = json_loadb(out, len, 0, &e);
                FUZZ_CHECK(j != NULL);
                json_decref(j);
            }
            FUZZ_CHECK(rc != NF_OK || strlen(out) == len);
            nf_free(out);
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct { int kind; const char *sys, *id; } role[MAX_PARTS - 1] = {
        {0, NULL, "c1"}, {1, "A", "c1"}, {0, NULL, "c2"}, {1, "A", "c2"},
        {1, "B", "c1"},  {0, NULL, "c1"}, {1, "B", "c3"}};
    const char *part[MAX_PARTS];
    size_t len[MAX_PARTS], n = fuzz_parts(data, size, part, len, MAX_PARTS);
    nf_rouge *r = nf_rouge_new();
    char flags[256];
    snprintf(flags, sizeof flags, "%.*s", (int)(len[0] < 255 ? len[0] : 255), part[0]);
    if (!r)
        return 0;
    if (nf_rouge_set_flags(r, flags) != NF_OK) {
        const char *msg = nf_rouge_error(r);
        FUZZ_CHECK(msg[0] != '\0');
        FUZZ_CHECK(fuzz_utf8_valid(msg, strlen(msg))); /* the server puts it in JSON */
    }
    nf_rouge_set(r, "resamples", "20"); /* keeps each run fast */
    for (size_t i = 1; i < n; i++)
        add_text(r, role[i - 1].kind, role[i - 1].sys, role[i - 1].id, part[i], len[i]);
    int rc = nf_rouge_score(r);
    FUZZ_CHECK(rc == NF_OK || rc == NF_EDATA || rc == NF_ENOMEM || rc == NF_EINVAL);
    if (rc == NF_OK) {
        FUZZ_CHECK(nf_rouge_signature(r) != NULL);
        check_scores(r);
        check_render(r);
    } else
        FUZZ_CHECK(nf_rouge_error(r)[0] != '\0');
    nf_rouge_free(r);
    return 0;
}
