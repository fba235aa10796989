/* Fuzz target: one line of cluster JSONL (nf_docset_add_json). The reader
 * must answer NF_OK, NF_EDATA with a message, or NF_ENOMEM, and whatever
 * it stored must satisfy the getters' promises. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nf_docset *ds = nf_docset_new();
    if (!ds)
        return 0;
    int rc = nf_docset_add_json(ds, (const char *)data, size);
    FUZZ_CHECK(rc == NF_OK || rc == NF_EDATA || rc == NF_ENOMEM);
    if (rc == NF_EDATA)
        FUZZ_CHECK(nf_docset_error(ds)[0] != '\0');
    fuzz_check_docset(ds);
    nf_docset_free(ds);
    return 0;
}
