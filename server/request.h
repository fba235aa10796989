/* The request parser of `newsfuse serve`: a pure function from the bytes of
 * a request body (and its route) to a validated request or an error with
 * the HTTP status that fits. It touches no socket, clock or global state,
 * so a fuzz target can call srv_request_parse on arbitrary bytes directly
 * (see doc/SERVER.md). */
#ifndef NF_SERVER_REQUEST_H
#define NF_SERVER_REQUEST_H
#include "newsfuse.h"
#include <stddef.h>

/* The routes that take a JSON body. */
enum srv_route { SRV_SUMMARIZE = 0, SRV_FACTS = 1, SRV_ROUGE = 2, SRV_READ = 3 };

/* What one request may hold. */
typedef struct srv_limits {
    size_t max_body;      /* bytes of the request body */
    size_t max_documents; /* documents + seen (summarize, facts); summaries and
                             references (rouge) */
    size_t max_doc_bytes; /* bytes of one document, summary or reference */
    double max_seconds;   /* time per request (handed to the library) */
} srv_limits;

/* One report (or one ROUGE text): pointers into the parsed JSON. */
typedef struct srv_doc {
    const char *id, *title, *date; /* NULL when not given */
    const char *text;              /* its bytes: the "text", or the decoded "base64" */
    size_t len;
    const char *format; /* how to read it: a name of nf_reader_formats ("text":
                           as it is, the default) */
    char *decoded;      /* the bytes of "base64" (malloc'd, owned), or NULL */
} srv_doc;

/* One cluster's references for /v1/rouge. */
typedef struct srv_refs {
    const char *id;
    const char **texts;
    size_t *lens;
    size_t n;
} srv_refs;

/* A parsed request. Every string points into the JSON tree it owns. */
typedef struct srv_request {
    int route;
    void *json;         /* the jansson tree (json_t *), owner of the strings */
    srv_doc *docs;      /* summarize/facts/read: the reports */
    size_t ndocs;
    srv_doc *seen;      /* summarize: the reports already read */
    size_t nseen;
    nf_options *opts;   /* validated options (summarize, facts) */
    const char *input;  /* summarize/facts/read: the documents' format when
                           they do not say ("input"; default "text") */
    srv_doc *summaries; /* rouge: id in .id, system name in .title */
    size_t nsummaries;
    srv_refs *refs;     /* rouge: references per cluster id */
    size_t nrefs;
    const char *flags;  /* rouge: ROUGE-1.5.5 flags, NULL for the defaults */
    const char *splitter; /* rouge: a name of nf_rouge_splitters, for texts without breaks */
} srv_request;

/* Why a request was refused: an HTTP status and a message for people. */
typedef struct srv_error {
    int status;
    char message[512]; /* room for an option error that lists the accepted values */
} srv_error;

/* Parses body[0..len) for route under lim into a new *out (freed with
 * srv_request_free). Returns 0, or the HTTP status (400 bad JSON or
 * fields, 413 over a limit, 422 nothing usable, 500 out of memory only)
 * with err filled in and *out NULL. Any bytes are accepted as input. */
int srv_request_parse(int route, const char *body, size_t len, const srv_limits *lim,
                      srv_request **out, srv_error *err);
/* Frees a request and everything it owns; NULL is fine. */
void srv_request_free(srv_request *r);

/* Fills err and returns status: the one way errors are made. */
int srv_fail(srv_error *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
