/* The options of a result as JSON (emit/options_json.h): each value typed
 * by its key (core/options.c: options_types), read from its string form
 * (nf_options_get), so the JSON says exactly what nf_options_get says. */
#include "emit/options_json.h"
#include "core/options.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

/* x as the result's JSON prints it (OPTIONS_JSON_REALS: six significant
 * digits), so the value in memory is the value read back from a record. */
static double as_printed(double x)
{
    char text[32];
    snprintf(text, sizeof text, "%.6g", x);
    return strtod(text, NULL);
}

static json_t *typed(int k, const char *v)
{
    switch (options_types[k]) {
    case OPT_T_COUNT:
        return json_integer((json_int_t)strtoll(v, NULL, 10));
    case OPT_T_NUMBER:
        return json_real(as_printed(strtod(v, NULL)));
    case OPT_T_BOOL:
        return json_boolean(v[0] == '1');
    default:
        return json_string(v);
    }
}

json_t *options_json(const nf_options *o)
{
    json_t *obj = json_object();
    for (int k = 0; obj && k < OPT_COUNT; k++) {
        json_t *v;
        if (k == OPT_IDF) {
            /* A background table changes the weights: say which, so the
             * run can be repeated (left out when there is none, as before
             * tables existed). */
            if (!o->idf)
                continue;
            v = json_string(o->idf_path[0] ? o->idf_path : "(a table given through the API)");
        } else if (k == OPT_STANDALONE && !o->standalone) {
            continue; /* left out when off, as before the key existed */
        } else {
            v = typed(k, nf_options_get(o, options_keys[k]));
        }
        json_object_set_new(obj, options_keys[k], v);
    }
    return obj;
}
