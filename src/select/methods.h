/* The summarization methods. Each fills sel (in the order it chose) under
 * the budget from the model; returns 0 or -1 when out of memory. */
#ifndef NF_SELECT_METHODS_H
#define NF_SELECT_METHODS_H
#include "select/select.h"

typedef int (*method_fn)(const model *m, const budget *b, const struct nf_options *o,
                         selection *sel);

/* The registry (methods.c): NULL-terminated names, and lookup by name. */
const char *const *method_names(void);
/* Returns the method called name, or NULL. */
method_fn method_find(const char *name);

int method_concept(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_lead(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_lead_rr(const model *m, const budget *b, const struct nf_options *o, selection *sel);

#endif
