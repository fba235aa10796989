/* URLs: a page fetched over HTTP or HTTPS with libcurl, within limits
 * (connect and total timeouts, a size cap, a redirect limit), HTTPS always
 * verified, under a user agent that says what we are (doc/INGEST.md,
 * "URLs"). */
#ifndef NF_INGEST_FETCH_H
#define NF_INGEST_FETCH_H
#include "ingest/records.h"
#include "newsfuse.h"
#include <stddef.h>

#define FETCH_CONNECT_TIMEOUT_MS 10000L
#define FETCH_TIMEOUT_MS 30000L
#define FETCH_MAX_BYTES ((size_t)16 << 20)
#define FETCH_MAX_REDIRECTS 5L
/* Who is asking: the program, its version, and what it does with the
 * page, so a site's operator can tell. */
#define FETCH_USER_AGENT "newsfuse/" NF_VERSION " (news summarizer; reads one page per request)"

/* Limits of one fetch; a zeroed struct (or NULL) means the defaults. */
typedef struct fetch_options {
    long connect_timeout_ms; /* 0: FETCH_CONNECT_TIMEOUT_MS */
    long timeout_ms;         /* the whole transfer; 0: FETCH_TIMEOUT_MS */
    size_t max_bytes;        /* the body, decoded; 0: FETCH_MAX_BYTES */
    long max_redirects;      /* 0: FETCH_MAX_REDIRECTS; < 0: none followed */
    const char *user_agent;  /* NULL: FETCH_USER_AGENT */
    const char *ca_file;     /* certificates to trust (PEM); NULL: the system's */
} fetch_options;

/* What a fetch brought back. */
typedef struct fetch_result {
    char *body;             /* NUL-terminated, xmalloc'd (fetch_result_free) */
    size_t len;
    long status;            /* the final HTTP status */
    char url[4096];         /* where the page was found, after redirects */
    char content_type[256]; /* as the server said it, or "" */
    char charset[40];       /* its charset parameter, or "" */
} fetch_result;

/* Fetches url (http:// or https:// only, and so are redirects) into *res.
 * Returns NF_OK with the body; or, with a message naming the URL in
 * err[0..errlen) and *res freed: NF_EINVAL (not an http or https URL),
 * NF_EIO (cannot connect, timed out, TLS or certificate failure, an HTTP
 * status of 400 or more: "URL: HTTP status 404"), NF_ELIMIT (over the size
 * cap: aborted; too many redirects; a redirect when none may be followed),
 * NF_ENOMEM. Thread-safe. */
int fetch_get(const char *url, const fetch_options *opt, fetch_result *res, char *err, size_t errlen);
void fetch_result_free(fetch_result *res);

/* Fetches url and hands the page to on_record as one record: url (after
 * redirects), body, is_html (text/html or application/xhtml+xml, or a body
 * that starts with '<' when the server names no type; text/plain and other
 * text/ types are plain text), charset (the Content-Type's), number 1,
 * offset 0. A failure, an empty page (NF_EEMPTY) or a type that is not
 * text (an image, a PDF: NF_EDATA) goes to on_error (may be NULL) as (1, 0,
 * message naming the URL). Returns the status of fetch_get, NF_EEMPTY,
 * NF_EDATA, or what on_record returned when not 0. */
int fetch_url(const char *url, const fetch_options *opt, ingest_record_fn on_record,
              ingest_record_error_fn on_error, void *arg);

#endif
