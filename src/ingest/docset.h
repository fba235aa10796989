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
    const char *url; /* where the report lives (a web page's address), or NULL */
    /* A report converted on reading (a web page's article text, a file
     * read as Windows-1252): runs of its text and the bytes of the source
     * as read that each came from (xmalloc'd; NULL when the text is the
     * source's own bytes). */
    nf_page_span *source;
    size_t nsource;
} document;

/* Reads a deferred record into its set (nf_docset_read_pending). */
typedef int (*docset_read_fn)(nf_docset *ds, const char *raw, size_t len);

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
    char *pending;   /* a record still to read (the reader's "defer"), xmalloc'd */
    size_t pending_len;
    docset_read_fn pending_read;
    /* What the reader said of the input this event came from (a charset
     * guessed, a page or record skipped, a report cut), each naming its
     * file: the results' "warnings" carry them (in the arena). */
    const char **warnings;
    size_t nwarnings, warncap;
    char err[256];
};

/* Formats an error message into ds->err; returns code for tail calls. */
int docset_fail(nf_docset *ds, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Appends a warning of the reader about the set's input (copied).
 * Returns NF_OK or NF_ENOMEM. */
int docset_add_warning(nf_docset *ds, const char *msg);

/* Appends a reference summary (copied). Returns NF_OK or NF_ENOMEM. */
int docset_add_reference(nf_docset *ds, const char *text, size_t len);

/* Adds a report (seen: one already read) with everything a report may
 * carry: url (may be NULL), and the runs mapping text back to its source
 * (copied; NULL, 0 for none). Same rules as nf_docset_add otherwise.
 * Returns NF_OK, NF_EINVAL or NF_ENOMEM. */
int docset_add_mapped(nf_docset *ds, int seen, const char *id, const char *title, const char *date,
                      const char *url, const char *text, size_t len, const nf_page_span *source,
                      size_t nsource);

/* Leaves raw[0..len) (copied) in ds to be read later by read (the
 * reader's deferred records). Returns NF_OK or NF_ENOMEM. */
int docset_defer(nf_docset *ds, const char *raw, size_t len, docset_read_fn read);

/* The source byte of text offset t of d: for the end of a span (end = 1),
 * the byte just past the source of text byte t - 1. */
size_t docset_source_offset(const document *d, size_t t, int end);

#endif
