/* Handing a document set over from a reader to a worker (batch.h). */
#include "batch/batch.h"
#include "ingest/docset.h"
#include <string.h>

nf_docset *batch_docset_take(nf_docset *ds)
{
    /* A set holds no pointer to itself (its arena and arrays are separate
     * blocks), so the struct can move by value. */
    nf_docset *to = nf_docset_new();
    if (!to)
        return NULL;
    *to = *ds;
    memset(ds, 0, sizeof *ds);
    return to;
}
