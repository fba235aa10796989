/* The "options" object of a result (doc/SCHEMA.md): what a summary record
 * carries, and what newsfuse batch --resume compares a record with. One
 * writer for both, so they cannot drift apart. */
#ifndef NF_EMIT_OPTIONS_JSON_H
#define NF_EMIT_OPTIONS_JSON_H
#include "newsfuse.h"

struct json_t;
/* A new JSON object with every option key of o in nf_option_keys order
 * (idf, the background table's path, only when o holds a table), or NULL
 * when out of memory. */
struct json_t *options_json(const nf_options *o);

#endif
