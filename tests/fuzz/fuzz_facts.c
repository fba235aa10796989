/* Fuzz target: figure extraction (nf_facts and its getters, nf_facts_render
 * in every format). Input: reports separated by 0x1e. Every figure must lie
 * inside its sentence and its report, every string must be valid UTF-8,
 * every group must list figures that exist, and the JSON must parse. */
#include "fuzz.h"
#include <jansson.h>

#define MAX_DOCS 16

/* A figure's strings are never NULL and always valid UTF-8. */
static void check_strings(const nf_figure *f)
{
    const char *s[] = {f->text,    f->kind,    f->qualifier, f->counted, f->modifier,
                       f->event,   f->speaker, f->time,      f->cue};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        FUZZ_CHECK(s[i] && fuzz_utf8_valid(s[i], strlen(s[i])));
}

/* Checks every figure against the reports (lengths len[0..n)). */
static void check_figures(const nf_facts_sheet *sh, const size_t *len, size_t n)
{
    size_t nf = nf_facts_figure_count(sh), ng = nf_facts_group_count(sh);
    for (size_t i = 0; i < nf; i++) {
        nf_figure f;
        FUZZ_CHECK(nf_facts_figure(sh, i, &f, sizeof f) == NF_OK);
        FUZZ_CHECK(f.doc < n && f.start <= f.end && f.end <= len[f.doc]);
        FUZZ_CHECK(f.sentence_start <= f.start && f.end <= f.sentence_end);
        FUZZ_CHECK(f.sentence_end <= len[f.doc]);
        FUZZ_CHECK(f.part_of >= -1 && f.part_of < (long)nf);
        FUZZ_CHECK(f.group >= -1 && f.group < (long)ng);
        check_strings(&f);
    }
    nf_figure f;
    FUZZ_CHECK(nf_facts_figure(sh, nf, &f, sizeof f) == NF_EINVAL);
    for (size_t g = 0; g < ng; g++) {
        const char *label;
        size_t k, count;
        FUZZ_CHECK(nf_facts_group(sh, g, NULL, NULL, NULL, &label, &count) == NF_OK);
        FUZZ_CHECK(label && count > 0);
        for (k = 0; k < count; k++) {
            long fi = nf_facts_group_figure(sh, g, k);
            FUZZ_CHECK(fi >= 0 && fi < (long)nf);
        }
        FUZZ_CHECK(nf_facts_group_figure(sh, g, k) == -1);
    }
    for (size_t i = 0; i < nf_facts_warning_count(sh); i++)
        FUZZ_CHECK(fuzz_utf8_valid(nf_facts_warning(sh, i), strlen(nf_facts_warning(sh, i))));
}

/* Renders the sheet in every format. */
static void check_render(const nf_facts_sheet *sh)
{
    static const char *const formats[] = {"text", "json", "jsonl", "md"};
    for (size_t i = 0; i < 4; i++) {
        char *out = NULL;
        size_t len = 0;
        int rc = nf_facts_render(sh, formats[i], &out, &len);
        FUZZ_CHECK(rc == NF_OK || rc == NF_ENOMEM);
        if (rc != NF_OK)
            continue;
        FUZZ_CHECK(out && strlen(out) == len && fuzz_utf8_valid(out, len));
        if (i == 1 || i == 2) {
            json_error_t e;
            json_t *j = json_loadb(out, len, 0, &e);
            FUZZ_CHECK(j && json_is_object(j));
            json_decref(j);
        }
        nf_free(out);
    }
    char *out = NULL;
    size_t len;
    FUZZ_CHECK(nf_facts_render(sh, "xml", &out, &len) == NF_EINVAL);
    nf_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *part[MAX_DOCS];
    size_t len[MAX_DOCS], n = fuzz_parts(data, size, part, len, MAX_DOCS);
    nf_docset *ds = nf_docset_new();
    for (size_t i = 0; ds && i < n; i++)
        if (nf_docset_add(ds, NULL, NULL, NULL, part[i], len[i]) != NF_OK)
            n = i;
    nf_facts_sheet *sh = NULL;
    int rc = ds ? nf_facts(ds, NULL, &sh) : NF_ENOMEM;
    FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY || rc == NF_ENOMEM);
    if (sh && ds && nf_docset_count(ds) == n) {
        check_figures(sh, len, n);
        check_render(sh);
    }
    nf_facts_free(sh);
    nf_docset_free(ds);
    return 0;
}
