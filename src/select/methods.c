/* The method registry: one pair of parallel tables maps names to methods,
 * so the options, the CLI's help and the bindings list the same set. Add a
 * method by adding a line to both, in the same place. Every method runs
 * with the options' background idf table (model/idf.h) installed for its
 * thread, so the shared vectors see it without a new argument. */
#include "core/options.h"
#include "model/idf.h"
#include "select/methods.h"
#include <string.h>

/* Runs fn with o's background table installed on this thread. */
static int run_with_background(method_fn fn, const model *m, const budget *b,
                               const struct nf_options *o, selection *sel)
{
    const struct nf_idf *old = idf_background_swap(o->idf);
    int rc = fn(m, b, o, sel);
    idf_background_swap(old);
    return rc;
}

/* bg_NAME: method NAME under its options' background table. */
#define WITH_BACKGROUND(fn)                                                                  \
    static int bg_##fn(const model *m, const budget *b, const struct nf_options *o,         \
                       selection *sel)                                                       \
    {                                                                                        \
        return run_with_background(fn, m, b, o, sel);                                        \
    }
WITH_BACKGROUND(method_concept)
WITH_BACKGROUND(method_lead)
WITH_BACKGROUND(method_lead_rr)
WITH_BACKGROUND(method_luhn)
WITH_BACKGROUND(method_centroid)
WITH_BACKGROUND(method_centroid_revisited)
WITH_BACKGROUND(method_mmr)
WITH_BACKGROUND(method_lexrank)
WITH_BACKGROUND(method_lexrank_threshold)
WITH_BACKGROUND(method_textrank)
WITH_BACKGROUND(method_sumbasic)
WITH_BACKGROUND(method_kl)
WITH_BACKGROUND(method_lsa)
WITH_BACKGROUND(method_submodular)
WITH_BACKGROUND(method_ilp)

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
    bg_method_concept,
    bg_method_lead,
    bg_method_lead_rr,
    bg_method_luhn,
    bg_method_centroid,
    bg_method_centroid_revisited,
    bg_method_mmr,
    bg_method_lexrank,
    bg_method_lexrank_threshold,
    bg_method_textrank,
    bg_method_sumbasic,
    bg_method_kl,
    bg_method_lsa,
    bg_method_submodular,
    bg_method_ilp,
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
