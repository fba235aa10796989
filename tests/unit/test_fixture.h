/* A model over hand-made reports for the unit tests that look inside the
 * library (test_methods.c, test_query_update.c): the document set, its
 * tokenizer and cleaner kept alongside, and finding a sentence by its
 * first words. */
#ifndef NF_TEST_FIXTURE_H
#define NF_TEST_FIXTURE_H
#include "test.h"
#include "model/model.h"
#include "newsfuse.h"
#include "text/clean.h"
#include "text/tokens.h"

typedef struct fixture {
    nf_docset *ds;
    tokenizer *tk;
    cleaner *cl;
    model m;
    int ok;
} fixture;

/* The model of texts[0..n) with the report seen already read (NULL:
 * none), built under lim (NULL: no limits, the default rules). */
static inline void fixture_open_limits(fixture *f, const char *const *texts, size_t n, const char *seen,
                                       const model_limits *lim)
{
    memset(f, 0, sizeof *f);
    f->ds = nf_docset_new();
    f->tk = tokenizer_new("english");
    f->cl = cleaner_new();
    for (size_t i = 0; f->ds && i < n; i++)
        CHECK(nf_docset_add(f->ds, NULL, NULL, NULL, texts[i], strlen(texts[i])) == NF_OK);
    if (f->ds && seen)
        CHECK(nf_docset_add_seen(f->ds, NULL, NULL, NULL, seen, strlen(seen)) == NF_OK);
    f->ok = f->ds && f->tk && f->cl && model_build(&f->m, f->ds, f->tk, f->cl, lim) == NF_OK;
    CHECK(f->ok);
}

static inline void fixture_open_seen(fixture *f, const char *const *texts, size_t n, const char *seen)
{
    fixture_open_limits(f, texts, n, seen, NULL);
}

static inline void fixture_open(fixture *f, const char *const *texts, size_t n)
{
    fixture_open_seen(f, texts, n, NULL);
}

static inline void fixture_close(fixture *f)
{
    model_free(&f->m);
    cleaner_free(f->cl);
    tokenizer_free(f->tk);
    nf_docset_free(f->ds);
}

/* Index of the model sentence whose text starts with prefix, or -1. */
static inline long find_sentence(const fixture *f, const char *prefix)
{
    for (size_t i = 0; i < f->m.nsents; i++) {
        const msent *s = &f->m.sents[i];
        const char *t = model_document(&f->m, s)->text + s->start;
        if (s->end - s->start >= strlen(prefix) && !strncmp(t, prefix, strlen(prefix)))
            return (long)i;
    }
    return -1;
}

#endif
