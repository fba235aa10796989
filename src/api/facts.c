/* nf_facts: the figure sheet on its own, read from the same model of the
 * reports a summary uses (api_read), under the same options. */
#include "api/api.h"
#include "core/alloc.h"
#include "core/clock.h"
#include "core/options.h"
#include "facts/facts.h"
#include "text/tokens.h"
#include <string.h>

int nf_facts(const nf_docset *ds, const nf_options *opts, nf_facts_sheet **out)
{
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    if (!ds)
        return NF_EINVAL;
    unsigned long failures0 = alloc_failures();
    nf_options o;
    if (opts)
        o = *opts;
    else
        options_defaults(&o);
    if (o.clock_start <= 0)
        o.clock_start = clock_now();
    tokenizer *tk = NULL, *own = NULL;
    model m = {0};
    int rc = api_read(&m, ds, &o, o.clock_start, &tk, &own);
    if (rc == NF_OK)
        rc = facts_from_model(&m, &o, out);
    model_free(&m);
    tokenizer_free(own);
    /* A failure a callee absorbed (the cleaner's verdict) is one too. */
    if (rc == NF_OK && alloc_failures() != failures0)
        rc = NF_ENOMEM;
    if (rc != NF_OK) {
        nf_facts_free(*out);
        *out = NULL;
        return NF_ENOMEM;
    }
    return ds->ndocs ? NF_OK : NF_EEMPTY;
}
