/* What a container format yields (feeds, web archives, fetched URLs): one
 * record per article, handed to a callback as it is read, so a reader
 * never holds more than one record (bounded memory on a crawl of any
 * size). The format table (the reader API) turns records into document
 * sets; a record's body is HTML (extracted with nf_page) or plain text.
 * Shared by ingest/feed.c, ingest/warc.c and ingest/fetch.c and the
 * reader that registers them. */
#ifndef NF_INGEST_RECORDS_H
#define NF_INGEST_RECORDS_H
#include <stddef.h>

typedef struct ingest_record {
    const char *url;     /* where the article lives, or NULL */
    const char *title;   /* as the container gives it (feed item title), or NULL */
    const char *date;    /* as the container gives it, "YYYY-MM-DD" or an ISO
                            8601 time when it could be read, or NULL */
    const char *body;    /* the article: HTML when is_html, else plain text */
    size_t body_len;
    int is_html;
    const char *charset; /* a charset the container declares (HTTP
                            Content-Type), or NULL */
    long number;         /* 1-based record number in the container */
    long long offset;    /* byte offset of the record in the container
                            (compressed bytes for gzip), for error messages */
} ingest_record;

/* Called for each record; everything it points to lives only during the
 * call. Returns 0 to go on, non-zero to stop the reading (which then
 * returns that value). */
typedef int (*ingest_record_fn)(const ingest_record *r, void *arg);

/* Called for a record that cannot be read (a WARC record with a wrong
 * length, an item without a body): what and where, and the reading goes
 * on with the next record when it can. Returns 0 to go on. */
typedef int (*ingest_record_error_fn)(long number, long long offset, const char *message, void *arg);

#endif
