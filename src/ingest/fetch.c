/* URLs through libcurl (fetch.h), loaded at run time: one easy handle per fetch, the limits
 * set on it, the body gathered into one buffer that refuses to grow past
 * the cap (the transfer is aborted there, whatever Content-Length said or
 * did not say, and after content decoding, so a small compressed body
 * cannot expand past it either). */
#include "ingest/fetch.h"
#include "core/alloc.h"
#include "core/buf.h"
/* The calls go through pointers (below): no type-checking macros. */
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* libcurl is opened at run time (dlopen), not linked, as Link Grammar is
 * (facts/syntax.c): a program that never fetches a URL, or is linked
 * statically (libcurl's own dependencies have no static libraries in
 * Debian), needs none of it; without it a fetch is an error that says so.
 * Its functions, by their declared types: */
#define CURL_FUNCTIONS \
    X(curl_global_init) \
    X(curl_easy_init) \
    X(curl_easy_setopt) \
    X(curl_easy_perform) \
    X(curl_easy_getinfo) \
    X(curl_easy_cleanup) \
    X(curl_easy_strerror)
#define X(f) __typeof__(f) *f;
static struct {
    CURL_FUNCTIONS
} cu;
#undef X

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static int curl_ready; /* loaded and curl_global_init done */

/* Set to an address only in a program with a dynamic section: a program
 * linked with -static has none, and dlopen() there would bring a second C
 * library into the process. */
extern const char _DYNAMIC[] __attribute__((weak));

/* pthread_once routine: loads libcurl and every function used, and runs
 * curl_global_init (not thread-safe: once). Sets curl_ready. */
static void curl_init(void)
{
    if (!_DYNAMIC)
        return;
    void *h = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        h = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    int ok = 1;
#define X(f) ok &= (*(void **)&cu.f = dlsym(h, #f)) != NULL;
    CURL_FUNCTIONS
#undef X
    if (ok && cu.curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK)
        curl_ready = 1; /* the library stays loaded */
    else {
        memset(&cu, 0, sizeof cu);
        dlclose(h);
    }
}

/* The body being received (b.failed: out of memory). */
typedef struct sink {
    buf b;
    size_t max;
    int over; /* the cap was reached: the transfer is aborted */
} sink;

/* libcurl's write callback: appends, or aborts the transfer (returning
 * less than given) past the cap or when out of memory. */
static size_t sink_write(char *p, size_t size, size_t n, void *ud)
{
    sink *s = ud;
    size_t k = size * n;
    if (k > s->max - s->b.len) {
        s->over = 1;
        return 0;
    }
    buf_append(&s->b, p, k);
    return s->b.failed ? 0 : k;
}

/* Copies the charset parameter of a Content-Type value into out[40]. */
static void charset_of(const char *ct, char out[40])
{
    out[0] = '\0';
    for (const char *p = ct; *p; p++)
        if (!strncasecmp(p, "charset=", 8)) {
            p += 8;
            p += *p == '"' || *p == '\'';
            size_t k = 0;
            while (k < 39 && (isalnum((unsigned char)p[k]) || strchr("-_.:", p[k])))
                out[k] = p[k], k++;
            out[k] = '\0';
            return;
        }
}

/* Sets the handle's options from opt (defaults where 0). Returns the
 * first error of curl_easy_setopt, or CURLE_OK. */
static CURLcode fetch_setup(CURL *c, const char *url, const fetch_options *opt, sink *s, char *errbuf)
{
    static const fetch_options none = {0};
    if (!opt)
        opt = &none;
    long redirects = opt->max_redirects ? opt->max_redirects : FETCH_MAX_REDIRECTS;
    CURLcode rc = CURLE_OK;
#define SET(o, v) (rc = rc != CURLE_OK ? rc : cu.curl_easy_setopt(c, o, v))
    SET(CURLOPT_URL, url);
    SET(CURLOPT_ERRORBUFFER, errbuf);
    SET(CURLOPT_PROTOCOLS_STR, "http,https");
    SET(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    SET(CURLOPT_FOLLOWLOCATION, redirects > 0 ? 1L : 0L);
    SET(CURLOPT_MAXREDIRS, redirects > 0 ? redirects : 0L);
    SET(CURLOPT_CONNECTTIMEOUT_MS, opt->connect_timeout_ms > 0 ? opt->connect_timeout_ms : FETCH_CONNECT_TIMEOUT_MS);
    SET(CURLOPT_TIMEOUT_MS, opt->timeout_ms > 0 ? opt->timeout_ms : FETCH_TIMEOUT_MS);
    SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s->max);
    SET(CURLOPT_USERAGENT, opt->user_agent ? opt->user_agent : FETCH_USER_AGENT);
    SET(CURLOPT_ACCEPT_ENCODING, ""); /* every coding libcurl can undo */
    SET(CURLOPT_SSL_VERIFYPEER, 1L);  /* never turned off */
    SET(CURLOPT_SSL_VERIFYHOST, 2L);
    SET(CURLOPT_NOSIGNAL, 1L);        /* threads: no SIGALRM for timeouts */
    SET(CURLOPT_WRITEFUNCTION, sink_write);
    SET(CURLOPT_WRITEDATA, s);
    if (opt->ca_file)
        SET(CURLOPT_CAINFO, opt->ca_file);
#undef SET
    return rc;
}

/* Writes the message of a failed transfer: what happened, naming url. */
static int fetch_failure(CURLcode rc, const char *url, const sink *s, const char *errbuf, long redirects,
                         char *err, size_t errlen)
{
    if (s->b.failed || rc == CURLE_OUT_OF_MEMORY)
        return snprintf(err, errlen, "%s: out of memory", url), NF_ENOMEM;
    if (s->over || rc == CURLE_FILESIZE_EXCEEDED)
        return snprintf(err, errlen, "%s: over the size cap of %zu bytes: aborted", url, s->max), NF_ELIMIT;
    if (rc == CURLE_TOO_MANY_REDIRECTS)
        return snprintf(err, errlen, "%s: more than %ld redirects", url, redirects), NF_ELIMIT;
    if (rc == CURLE_OPERATION_TIMEDOUT)
        return snprintf(err, errlen, "%s: timed out (%s)", url, errbuf[0] ? errbuf : "no answer"), NF_EIO;
    if (rc == CURLE_UNSUPPORTED_PROTOCOL)
        return snprintf(err, errlen, "%s: redirected to an address that is not http or https", url), NF_EIO;
    if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_CONNECT_ERROR)
        return snprintf(err, errlen, "%s: TLS: %s", url, errbuf[0] ? errbuf : cu.curl_easy_strerror(rc)), NF_EIO;
    snprintf(err, errlen, "%s: %s", url, errbuf[0] ? errbuf : cu.curl_easy_strerror(rc));
    return NF_EIO;
}

/* Is url http:// or https://? */
static int url_scheme_ok(const char *url)
{
    return url && (!strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8));
}

int fetch_get(const char *url, const fetch_options *opt, fetch_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    if (errlen)
        err[0] = '\0';
    if (!url_scheme_ok(url)) {
        snprintf(err, errlen, "%.300s: not an http:// or https:// address", url ? url : "(null)");
        return NF_EINVAL;
    }
    pthread_once(&curl_once, curl_init);
    if (!curl_ready) {
        snprintf(err, errlen, "%.300s: cannot fetch: libcurl (libcurl.so.4) could not be loaded", url);
        return NF_EIO;
    }
    CURL *c = cu.curl_easy_init();
    if (!c) {
        snprintf(err, errlen, "%.300s: libcurl could not start", url);
        return NF_ENOMEM;
    }
    sink s = {0};
    s.max = opt && opt->max_bytes ? opt->max_bytes : FETCH_MAX_BYTES;
    char errbuf[CURL_ERROR_SIZE] = "";
    CURLcode rc = fetch_setup(c, url, opt, &s, errbuf);
    if (rc == CURLE_OK)
        rc = cu.curl_easy_perform(c);
    long redirects = opt && opt->max_redirects ? opt->max_redirects : FETCH_MAX_REDIRECTS;
    int status = rc == CURLE_OK ? NF_OK : fetch_failure(rc, url, &s, errbuf, redirects, err, errlen);
    char *ct = NULL, *eff = NULL;
    cu.curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &res->status);
    cu.curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
    cu.curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
    snprintf(res->url, sizeof res->url, "%s", eff ? eff : url);
    snprintf(res->content_type, sizeof res->content_type, "%s", ct ? ct : "");
    charset_of(res->content_type, res->charset);
    cu.curl_easy_cleanup(c);
    if (status == NF_OK && res->status >= 400) {
        snprintf(err, errlen, "%s: HTTP status %ld", url, res->status);
        status = NF_EIO;
    } else if (status == NF_OK && res->status >= 300) { /* a redirect not followed */
        snprintf(err, errlen, "%s: HTTP status %ld: redirects are not followed", url, res->status);
        status = NF_ELIMIT;
    }
    size_t len = 0;
    char *body = status == NF_OK ? buf_take(&s.b, &len) : NULL;
    if (status == NF_OK && !body && !(body = xstrdup(""))) { /* an empty body is "" */
        snprintf(err, errlen, "%s: out of memory", url);
        status = NF_ENOMEM;
    }
    if (status != NF_OK) {
        buf_free(&s.b);
        return status;
    }
    res->body = body, res->len = len;
    return NF_OK;
}

void fetch_result_free(fetch_result *res)
{
    if (res) {
        xfree(res->body);
        res->body = NULL, res->len = 0;
    }
}

/* Is the page HTML (1), plain text (0), or neither (-1), by its type, or
 * by its first bytes when the server gave none? */
static int page_kind(const fetch_result *r)
{
    const char *t = r->content_type;
    while (*t == ' ')
        t++;
    if (!strncasecmp(t, "text/html", 9) || !strncasecmp(t, "application/xhtml+xml", 21))
        return 1;
    if (!strncasecmp(t, "text/", 5))
        return 0;
    if (*t)
        return -1;
    const char *p = r->body;
    while (p < r->body + r->len && isspace((unsigned char)*p))
        p++;
    if (p < r->body + r->len && *p == '<')
        return 1;
    return memchr(r->body, '\0', r->len) ? -1 : 0;
}

int fetch_url(const char *url, const fetch_options *opt, ingest_record_fn on_record,
              ingest_record_error_fn on_error, void *arg)
{
    fetch_result r;
    char err[600];
    int rc = fetch_get(url, opt, &r, err, sizeof err);
    int kind = rc == NF_OK ? page_kind(&r) : -1;
    if (rc == NF_OK && !r.len) {
        snprintf(err, sizeof err, "%.300s: empty page", url);
        rc = NF_EEMPTY;
    } else if (rc == NF_OK && kind < 0) {
        snprintf(err, sizeof err, "%.300s: not a page (Content-Type %.100s)", url,
                 r.content_type[0] ? r.content_type : "none, and binary bytes");
        rc = NF_EDATA;
    }
    if (rc != NF_OK) {
        if (on_error)
            on_error(1, 0, err, arg);
        fetch_result_free(&r);
        return rc;
    }
    ingest_record rec = {0};
    rec.url = r.url;
    rec.body = r.body, rec.body_len = r.len;
    rec.is_html = kind;
    rec.charset = r.charset[0] ? r.charset : NULL;
    rec.number = 1;
    rc = on_record ? on_record(&rec, arg) : 0;
    fetch_result_free(&r);
    return rc;
}
