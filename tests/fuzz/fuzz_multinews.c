/* Fuzz target: one Multi-News line (nf_docset_add_multinews). Documents
 * come out non-empty, trimmed, decoded (no separator, no NEWLINE_CHAR
 * left) and valid UTF-8; an empty line is NF_EEMPTY. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nf_docset *ds = nf_docset_new();
    if (!ds)
        return 0;
    int rc = nf_docset_add_multinews(ds, (const char *)data, size);
    FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY || rc == NF_ENOMEM);
    FUZZ_CHECK(rc != NF_OK || nf_docset_count(ds) > 0);
    FUZZ_CHECK(rc != NF_EEMPTY || nf_docset_count(ds) == 0);
    fuzz_check_docset(ds);
    for (size_t i = 0; i < nf_docset_count(ds); i++) {
        size_t len;
        const char *t = nf_docset_text(ds, i, &len);
        FUZZ_CHECK(len > 0 && !strchr(" \t\r\n", t[0]) && !strchr(" \t\r\n", t[len - 1]));
        FUZZ_CHECK(!strstr(t, "|||||") && !strstr(t, "NEWLINE_CHAR"));
    }
    nf_docset_free(ds);
    return 0;
}
