/* The result of summarizing: the chosen sentences with their sources, the
 * options used and the warnings. Everything lives in the summary's arena. */
#ifndef NF_SELECT_SUMMARY_H
#define NF_SELECT_SUMMARY_H
#include "core/arena.h"
#include "core/options.h"
#include <stdint.h>

/* A sentence of another report that says the same thing. */
typedef struct sspan {
    size_t doc, start, end; /* document index, byte span in its original text */
} sspan;

typedef struct ssent {
    const char *text; /* NUL-terminated copy (cut when the budget cut it) */
    size_t len;
    size_t doc;        /* document index */
    size_t start, end; /* byte span in the document's original text */
    double score;
    uint32_t support; /* other reports that say the same thing */
    sspan *corr;      /* their sentences that do */
    size_t ncorr;
} ssent;

struct nf_summary {
    const struct nf_docset *ds; /* the set it was made from, borrowed (it outlives s) */
    arena mem;
    ssent *sents;
    size_t n;
    const char **warnings;
    size_t nwarnings, wcap;
    struct nf_options opts; /* as used, for the record */
    size_t ndocs, nseen, nsents_in, words_in, words_out;
    const char *query; /* the query used (explicit or the set's topic), or NULL */
    struct nf_facts_sheet *facts; /* the figure sheet with option facts=1, or NULL */
};

/* Adds a formatted warning; returns NF_OK or NF_ENOMEM. */
int summary_warn(struct nf_summary *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
