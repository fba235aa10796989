/* Background term statistics (nf_idf): how many documents of a large
 * corpus hold each term, as the summarizer tokenizes it (folded, stemmed,
 * stop words left out), so term weights can come from that corpus instead
 * of the one document set being summarized. A table is built by counting
 * document sets (nf_idf_add_docset) or read from the TSV that
 * nf_idf_render writes; once an option set holds it, it is read-only and
 * may be shared by any number of threads. */
#ifndef NF_MODEL_IDF_H
#define NF_MODEL_IDF_H
#include "core/arena.h"
#include "model/vocab.h"
#include "newsfuse.h"
#include <stdatomic.h>

/* The first bytes of every table file; the version changes only when old
 * readers would misread a new file. */
#define IDF_FORMAT "# newsfuse-idf/1"

struct tokenizer;

struct nf_idf {
    arena mem;
    vocab voc;       /* the terms; voc.terms[id].df = documents holding it */
    size_t ndocs;    /* documents counted */
    long min_df;     /* terms under it were left out of the file (0: none) */
    char language[48];
    struct tokenizer *tk; /* while counting (built lazily) */
    atomic_int refs;      /* owners: the caller and every option set */
    atomic_int frozen;    /* 1 once shared: no more counting or reading */
    char err[256];
};

/* Returns the number of documents of the table holding term s[0..len)
 * (folded and stemmed, as the tokenizer makes it); 0 when the table lacks
 * it (never seen, or dropped under min_df). */
double idf_df(const struct nf_idf *t, const char *s, size_t len);

/* Takes one more reference to t (for an option set) and makes it
 * read-only. Returns t. */
struct nf_idf *idf_share(struct nf_idf *t);


#endif
