/* The method registry: one pair of parallel tables maps names to methods,
 * so the options, the CLI's help and the bindings list the same set. Add a
 * method by adding a line to both, in the same place. A method finds
 * the options' background idf table, if any, in the model it is given
 * (model.background). */
#include "core/options.h"
#include "select/methods.h"
#include <string.h>

static const char *const names[] = {
    "concept",
    "lead",
    "lead-rr",
    "luhn",
    "centroid",
    "centroid-revisited",
    "mmr",
    "lexrank",
    "lexrank-threshold",
    "textrank",
    "sumbasic",
    "kl",
    "lsa",
    "submodular",
    "ilp",
    NULL,
};

static const method_fn methods[] = {
    method_concept,
    method_lead,
    method_lead_rr,
    method_luhn,
    method_centroid,
    method_centroid_revisited,
    method_mmr,
    method_lexrank,
    method_lexrank_threshold,
    method_textrank,
    method_sumbasic,
    method_kl,
    method_lsa,
    method_submodular,
    method_ilp,
};

_Static_assert(sizeof names / sizeof *names == sizeof methods / sizeof *methods + 1,
               "every method needs a name");

const char *const *method_names(void) { return names; }

method_fn method_find(const char *name)
{
    for (size_t i = 0; names[i]; i++)
        if (!strcmp(names[i], name))
            return methods[i];
    return NULL;
}
