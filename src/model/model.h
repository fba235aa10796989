/* The model of one document set that every method reads: its sentences,
 * each with its tokens as term ids, word count, debris kind, and the
 * vocabulary with document frequencies. */
#ifndef NF_MODEL_MODEL_H
#define NF_MODEL_MODEL_H
#include "core/arena.h"
#include "ingest/docset.h"
#include "model/vocab.h"
#include <stdint.h>

struct tokenizer;
struct cleaner;

typedef struct msent {
    uint32_t doc, pos;  /* document index (seen report k: ndocs + k); index in it */
    uint32_t ndoc_sents; /* sentences in that document (for position) */
    size_t start, end;   /* content span in the document's stored text (after any dateline) */
    uint32_t tok, ntok;  /* tokens: model.toks[tok .. tok + ntok) */
    uint32_t nwords;     /* white-space separated words in [start, end) */
    uint8_t debris;      /* debris kind (text/clean.h), 0 for content */
    uint8_t question;    /* ends with '?' */
    uint8_t seen;        /* from a report already read (update mode) */
    uint8_t fragment;    /* no final punctuation, or starts in lower case:
                            a headline, caption or a piece of a broken line */
    uint8_t leans;       /* what it cannot stand without: LEANS_PREV, LEANS_NEXT,
                            LEANS_BROKEN (standalone.h); such a sentence is
                            chosen only in a unit with its neighbours */
    int32_t dup_of;      /* -1, or the first sentence with the same content */
    uint32_t support;    /* other documents holding a near-duplicate */
} msent;

typedef struct model {
    arena mem;
    const nf_docset *ds;
    msent *sents;
    size_t nsents, cap;
    uint32_t *toks; /* term id of every token, sentence by sentence */
    size_t ntoks, tokcap;
    uint32_t *ctoks; /* the same tokens by canonical term (model_canon), for
                        redundancy and corroboration */
    vocab voc;
    size_t ndocs;
    size_t total_words;
    uint8_t *in_query;    /* per term id: 1 if the query holds it; NULL = no query */
    size_t nquery;        /* distinct non-stop query terms found in the documents */
    double *query_rel;    /* per sentence: the share of the query it answers (model/query.h) */
    int query_answer;     /* what the query asks for (enum query_answer) */
    size_t max_sentences; /* cap on sentences read; 0 = none */
    size_t max_doc_bytes; /* cap on bytes read of each document; 0 = none */
    int truncated;        /* 1 when the sentence cap cut input */
    size_t docs_cut;      /* documents cut by the byte cap */
    double deadline;      /* clock_now() time to stop reading; 0 = none */
    size_t docs_unread;   /* documents (seen ones too) the deadline left out */
    int timed_out;        /* 1 once the deadline has passed while reading */
    /* Term weights from a background corpus (the options' idf table, read
     * only and shared), or NULL: the set's own statistics (vectors.c). */
    const struct nf_idf *background;
    int standalone; /* MODEL_SA_*: which stand-alone rules the model marks */
} model;

/* The stand-alone rules (model/standalone.h) a model marks: a sentence
 * opening with a word that leans on the one before, and a sentence inside
 * or across a quotation. Unmarked, every sentence stands alone. */
enum { MODEL_SA_OPENERS = 1, MODEL_SA_QUOTES = 2 };

/* What model_build may read: bytes of each document and sentences in all
 * (0 = no cap), and a clock_now() time after which it stops reading (0 =
 * none). The first new document is always read, so a summary is possible. */
typedef struct model_limits {
    size_t max_doc_bytes, max_sentences;
    double deadline;
    const struct nf_idf *background; /* becomes model.background */
    int standalone;                  /* becomes model.standalone */
} model_limits;

/* The term standing for term t's content in any form (model/forms.h:
 * "fourteen" and "14", "dead" and "killed"): what redundancy and
 * corroboration compare (through model.ctoks). */
static inline uint32_t model_canon(const model *m, uint32_t t)
{
    uint32_t c = m->voc.terms[t].canon;
    return c ? c - 1 : t;
}

/* Returns the document sentence s comes from (a seen one included). */
const document *model_document(const model *m, const msent *s);

/* Builds the model of ds: splits every document into sentences, strips
 * datelines, classifies debris, tokenizes, counts. Seen reports come first
 * (so a new sentence repeating one is the duplicate) but do not count in
 * the statistics. lim may be NULL (no limits); what a limit cut is in
 * truncated, docs_cut and docs_unread. Returns NF_OK or NF_ENOMEM. The
 * model refers to ds, which must outlive it. */
int model_build(model *m, const nf_docset *ds, struct tokenizer *tk, const struct cleaner *cl,
                const model_limits *lim);
void model_free(model *m);

/* Marks the non-stop terms of query (UTF-8, any length) that occur in the
 * documents, notes whether it asks for a count, and works out how much
 * each sentence answers it (model/query.c). Returns NF_OK or NF_ENOMEM. */
int model_set_query(model *m, struct tokenizer *tk, const char *query);

/* The most sentences one unit holds: a sentence that leans on a
 * neighbour (msent.leans) is chosen only together with it, in a unit of
 * consecutive sentences of one report (select/greedy.c). */
#define MODEL_UNIT_MAX 5

/* Returns 1 if the sentence may go into a summary alone: not debris, not a
 * duplicate, not a question, not a fragment, at least min_words words, and
 * leaning on no neighbour. */
int model_sentence_usable(const model *m, size_t i, uint32_t min_words);

/* model_sentence_usable but for its leaning: the sentence may open a unit,
 * or go alone once what it leans on is chosen. */
int model_sentence_usable_in_unit(const model *m, size_t i, uint32_t min_words);

/* Returns 1 if the sentence may follow the first one in a unit: it is
 * text of a new report (not debris, not already read, with tokens). */
int model_sentence_member(const model *m, size_t i);

#endif
