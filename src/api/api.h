/* What the entry points of src/api/ share. */
#ifndef NF_API_API_H
#define NF_API_API_H
#include "model/model.h"
#include "newsfuse.h"

struct tokenizer;

/* The one reading of a document set that a summary and its figure sheet
 * share: builds *m from ds under o's limits (max_document_bytes,
 * max_sentences, and max_seconds counted from start; reading counts
 * against the time limit too) with o's background idf table. *tk is the
 * tokenizer used: the thread's kept one (its stem cache warm from the
 * last call) or, when that cannot be had, a fresh one in *own, which the
 * caller frees with tokenizer_free after model_free. Returns NF_OK or
 * NF_ENOMEM. */
int api_read(model *m, const nf_docset *ds, const nf_options *o, double start, struct tokenizer **tk,
             struct tokenizer **own);

#endif
