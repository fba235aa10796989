/* The options of a result as JSON (emit/options_json.h). */
#include "emit/options_json.h"
#include "core/options.h"
#include <jansson.h>

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
        } else {
            v = json_string(nf_options_get(o, options_keys[k]));
        }
        json_object_set_new(obj, options_keys[k], v);
    }
    return obj;
}
