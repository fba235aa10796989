/* The document set's part of a result's JSON (docset_json.h). */
#include "emit/docset_json.h"
#include "ingest/docset.h"
#include <jansson.h>

json_t *docset_json_source(const nf_docset *ds, size_t doc, size_t start, size_t end)
{
    const document *d = &ds->docs[doc];
    if (!d->nsource)
        return NULL;
    size_t a = docset_source_offset(d, start, 0), b = end > start ? docset_source_offset(d, end, 1) : a;
    return json_pack("{s:I, s:I}", "start", (json_int_t)a, "end", (json_int_t)(b > a ? b : a));
}

void docset_json_warnings(const nf_docset *ds, json_t *warns)
{
    for (size_t i = 0; ds && warns && i < ds->nwarnings; i++)
        json_array_append_new(warns, json_string(ds->warnings[i]));
}
