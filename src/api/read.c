/* The one reading of a document set (api.h): a summary, its figure sheet
 * and nf_facts all work from the model built here. */
#include "api/api.h"
#include "core/options.h"
#include "text/clean.h"
#include "text/tokens.h"
#include <string.h>

int api_read(model *m, const nf_docset *ds, const nf_options *o, double start, tokenizer **tk,
             tokenizer **own)
{
    *own = NULL;
    *tk = tokenizer_for_thread(o->language);
    if (!*tk)
        *tk = *own = tokenizer_new(o->language);
    const cleaner *cl = cleaner_shared();
    model_limits lim = {(size_t)o->max_doc_bytes, (size_t)o->max_sentences,
                        o->max_seconds > 0 ? start + o->max_seconds : 0, o->idf,
                        o->standalone ? MODEL_SA_OPENERS | MODEL_SA_QUOTES : 0};
    if (!*tk || !cl) {
        memset(m, 0, sizeof *m);
        return NF_ENOMEM;
    }
    return model_build(m, ds, *tk, cl, &lim);
}
