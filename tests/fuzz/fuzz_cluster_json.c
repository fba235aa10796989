/* Fuzz target: one line of cluster JSONL (nf_docset_add_json). The reader
 * must answer NF_OK, NF_EDATA with a message (valid UTF-8: the CLI puts it
 * in a JSON error record), or NF_ENOMEM, and whatever it stored must
 * satisfy the getters' promises. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nf_docset *ds = nf_docset_new();
    if (!ds)
        return 0;
    int rc = nf_docset_add_json(ds, (const char *)data, size);
    FUZZ_CHECK(rc == NF_OK || rc == NF_EDATA || rc == NF_ENOMEM);
    const char *msg = nf_docset_error(ds);
    FUZZ_CHECK(rc != NF_EDATA || msg[0] != '\0');
    FUZZ_CHECK(fuzz_utf8_valid(msg, strlen(msg))); /* it goes into JSON error records */
    fuzz_check_docset(ds);
    nf_docset_free(ds);
    return 0;
}
