/* Fuzz target: the idf table parser (nf_idf_parse, what `newsfuse idf
 * check` and --idf FILE read). A table is read (NF_OK) or refused with
 * NF_EDATA and a message that names the file and line and is valid UTF-8
 * (the server and the error records put it in JSON), leaving the table
 * empty; NF_ENOMEM is allowed. A table read renders to a file that reads
 * back to the same table: rendering that one gives the same bytes. */
#include "fuzz.h"

/* Renders t (every term), or returns NULL when out of memory. */
static char *render(const nf_idf *t, size_t *len)
{
    char *out = NULL;
    int rc = nf_idf_render(t, 1, &out, len);
    FUZZ_CHECK(rc == NF_OK || rc == NF_ENOMEM);
    FUZZ_CHECK(rc != NF_OK || (out && strlen(out) == *len));
    return rc == NF_OK ? out : NULL;
}

/* A table read renders and reads back to the same table. */
static void check_round_trip(const nf_idf *t)
{
    FUZZ_CHECK(nf_idf_documents(t) >= 1);
    size_t len = 0, len2 = 0;
    char *out = render(t, &len);
    nf_idf *back = out ? nf_idf_new() : NULL;
    if (back) {
        int rc = nf_idf_parse(back, out, len, "rendered");
        FUZZ_CHECK(rc == NF_OK || rc == NF_ENOMEM);
        FUZZ_CHECK(rc != NF_OK || nf_idf_term_count(back) == nf_idf_term_count(t));
        FUZZ_CHECK(rc != NF_OK || nf_idf_documents(back) == nf_idf_documents(t));
        char *out2 = rc == NF_OK ? render(back, &len2) : NULL;
        FUZZ_CHECK(!out2 || (len2 == len && !memcmp(out, out2, len)));
        nf_free(out2);
    }
    nf_idf_free(back);
    nf_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nf_idf *t = nf_idf_new();
    if (!t)
        return 0;
    int rc = nf_idf_parse(t, (const char *)data, size, "fuzz.tsv");
    FUZZ_CHECK(rc == NF_OK || rc == NF_EDATA || rc == NF_ENOMEM);
    const char *msg = nf_idf_error(t);
    FUZZ_CHECK(fuzz_utf8_valid(msg, strlen(msg)));
    if (rc == NF_EDATA) {
        FUZZ_CHECK(!strncmp(msg, "fuzz.tsv:", 9)); /* file:line */
        FUZZ_CHECK(nf_idf_documents(t) == 0 && nf_idf_term_count(t) == 0);
    }
    if (rc == NF_OK)
        check_round_trip(t);
    nf_idf_free(t);
    return 0;
}
