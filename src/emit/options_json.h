/* The "options" object of a result (doc/SCHEMA.md): what a summary record
 * carries, and what newsfuse batch --resume compares a record with. One
 * writer for both, so they cannot drift apart. */
#ifndef NF_EMIT_OPTIONS_JSON_H
#define NF_EMIT_OPTIONS_JSON_H
#include "newsfuse.h"

/* How a result's JSON prints reals (jansson's dump flags): six
 * significant digits, the options' numbers among them. */
#define OPTIONS_JSON_REALS JSON_REAL_PRECISION(6)

struct json_t;
/* A new JSON object with every option key of o in nf_option_keys order,
 * each value typed: counts as integers (words 100), numbers as reals
 * rounded as OPTIONS_JSON_REALS prints them (ratio 0.25, max_seconds 30.0),
 * 0|1 switches as booleans (cut false), the rest as strings (method
 * "concept", query ""); idf, the background table's path, only when o
 * holds a table. NULL when out of memory. */
struct json_t *options_json(const nf_options *o);

#endif
