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
int method_luhn(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_centroid(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_centroid_revisited(const model *m, const budget *b, const struct nf_options *o,
                              selection *sel);
int method_mmr(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_lexrank(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_lexrank_threshold(const model *m, const budget *b, const struct nf_options *o,
                             selection *sel);
int method_textrank(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_sumbasic(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_kl(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_lsa(const model *m, const budget *b, const struct nf_options *o, selection *sel);
int method_submodular(const model *m, const budget *b, const struct nf_options *o,
                      selection *sel);
int method_ilp(const model *m, const budget *b, const struct nf_options *o, selection *sel);

/* The exact concept-coverage program (ilp.c) with a solver time limit in
 * milliseconds; at 0 or past the limit it falls back to greedy coverage
 * and says so in sel->note. Returns 0 or -1 when out of memory. */
int ilp_select(const model *m, const budget *b, long min_words, int time_limit_ms,
               selection *sel);

#endif
