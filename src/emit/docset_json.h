/* What every result's JSON says of its document set (doc/SCHEMA.md): the
 * bytes of a converted report's source that a span of its text came from,
 * and the reader's warnings about the input. One writer for summaries and
 * figure sheets, so they say it the same way. */
#ifndef NF_EMIT_DOCSET_JSON_H
#define NF_EMIT_DOCSET_JSON_H
#include "newsfuse.h"
#include <stddef.h>

struct json_t;
/* {"start", "end"}: the source bytes of text [start, end) of report doc
 * (nf_docset_source_span); NULL (no field) for a report that is its
 * source's own bytes, or when out of memory. */
struct json_t *docset_json_source(const nf_docset *ds, size_t doc, size_t start, size_t end);
/* Appends the reader's warnings about ds's input (each naming its file)
 * to the array warns. */
void docset_json_warnings(const nf_docset *ds, struct json_t *warns);

#endif
