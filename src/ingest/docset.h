/* The document set of one event: the reports as given, repaired to valid
 * UTF-8, with the references and topic that came with them. Everything
 * lives in the set's arena. */
#ifndef NF_INGEST_DOCSET_H
#define NF_INGEST_DOCSET_H
#include "core/arena.h"
#include "newsfuse.h"
#include "core/utf8.h"

typedef struct document {
    const char *id, *title, *date; /* date "YYYY-MM-DD" or NULL */
    const char *text;              /* valid UTF-8, NUL-terminated */
    size_t len;
    utf8_fix *fixes; /* replacements made, to map offsets back */
    size_t nfixes;
} document;

struct nf_docset {
    arena mem;
    const char *id;
    document *docs;
    size_t ndocs, cap;
    document *seen; /* reports the reader has already read (update mode) */
    size_t nseen, seencap;
    const char **refs;
    size_t nrefs, refcap;
    const char *topic;
    const char *update_set;
    size_t replaced; /* invalid byte sequences replaced, over all documents */
    char err[256];
};

/* Formats an error message into ds->err; returns code for tail calls. */
int docset_fail(nf_docset *ds, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Appends a reference summary (copied). Returns NF_OK or NF_ENOMEM. */
int docset_add_reference(nf_docset *ds, const char *text, size_t len);

#endif
