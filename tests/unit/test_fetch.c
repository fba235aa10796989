/* URLs (src/ingest/fetch.c) against a local server only: a libmicrohttpd
 * daemon on 127.0.0.1 started here, serving invented pages: charsets,
 * plain text, statuses, redirects (a loop, a hop, one to file://), a body
 * over the cap (announced and not), a slow answer, an image, a gzip body,
 * the user agent; HTTPS with a self-signed certificate (made with the
 * openssl command when there is one) is refused unless trusted. Nothing
 * here reaches the internet. */
#include "test.h"
#include "ingest/fetch.h"
#include "newsfuse.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static const char PAGE[] = "<html><body><p>The caf\xe9 in Orlen reopened after the flood.</p></body></html>";
#define BIG_BYTES ((size_t)2 << 20)

/* Gives BIG_BYTES of 'a' in pieces, with no length announced. */
static ssize_t stream_piece(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)cls;
    if (pos >= BIG_BYTES)
        return MHD_CONTENT_READER_END_OF_STREAM;
    size_t k = max < 4096 ? max : 4096;
    memset(buf, 'a', k);
    return (ssize_t)k;
}

/* Answers with body (copied) of type ctype and status, plus a header. */
static enum MHD_Result answer(struct MHD_Connection *c, unsigned status, const char *ctype, const void *body,
                              size_t len, const char *hname, const char *hvalue)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)(uintptr_t)body, MHD_RESPMEM_MUST_COPY);
    if (ctype)
        MHD_add_response_header(r, "Content-Type", ctype);
    if (hname)
        MHD_add_response_header(r, hname, hvalue);
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result serve(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                             const char *version, const char *upload, size_t *upload_size, void **state)
{
    (void)cls, (void)method, (void)version, (void)upload, (void)upload_size, (void)state;
    if (!strcmp(url, "/page"))
        return answer(c, 200, "text/html; charset=ISO-8859-1", PAGE, strlen(PAGE), NULL, NULL);
    if (!strcmp(url, "/text"))
        return answer(c, 200, "text/plain", "The river at Orlen rose by two metres.", 38, NULL, NULL);
    if (!strcmp(url, "/untyped"))
        return answer(c, 200, NULL, "  <p>No type given.</p>", 23, NULL, NULL);
    if (!strcmp(url, "/empty"))
        return answer(c, 200, "text/html", "", 0, NULL, NULL);
    if (!strcmp(url, "/image"))
        return answer(c, 200, "image/png", "\x89PNG\r\n\x1a\n", 8, NULL, NULL);
    if (!strcmp(url, "/loop"))
        return answer(c, 302, "text/html", "", 0, "Location", "/loop");
    if (!strcmp(url, "/hop"))
        return answer(c, 301, "text/html", "", 0, "Location", "/page");
    if (!strcmp(url, "/tofile"))
        return answer(c, 302, "text/html", "", 0, "Location", "file:///etc/hostname");
    if (!strcmp(url, "/ua")) {
        const char *ua = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "User-Agent");
        return answer(c, 200, "text/plain", ua ? ua : "", ua ? strlen(ua) : 0, NULL, NULL);
    }
    if (!strcmp(url, "/big")) {
        char *big = malloc(BIG_BYTES);
        memset(big, 'a', BIG_BYTES);
        enum MHD_Result ok = answer(c, 200, "text/html", big, BIG_BYTES, NULL, NULL);
        free(big);
        return ok;
    }
    if (!strcmp(url, "/stream")) {
        struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, stream_piece, NULL, NULL);
        MHD_add_response_header(r, "Content-Type", "text/html");
        enum MHD_Result ok = MHD_queue_response(c, 200, r);
        MHD_destroy_response(r);
        return ok;
    }
    if (!strcmp(url, "/gzip")) {
        unsigned char z[512];
        z_stream s;
        memset(&s, 0, sizeof s);
        deflateInit2(&s, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
        s.next_in = (unsigned char *)(uintptr_t)PAGE, s.avail_in = (uInt)strlen(PAGE);
        s.next_out = z, s.avail_out = sizeof z;
        deflate(&s, Z_FINISH);
        size_t n = sizeof z - s.avail_out;
        deflateEnd(&s);
        return answer(c, 200, "text/html; charset=ISO-8859-1", z, n, "Content-Encoding", "gzip");
    }
    if (!strcmp(url, "/slow")) {
        usleep(1500 * 1000);
        return answer(c, 200, "text/html", PAGE, strlen(PAGE), NULL, NULL);
    }
    return answer(c, 404, "text/html", "<p>Not here</p>", 15, NULL, NULL);
}

/* Starts the daemon on 127.0.0.1 (a free port; TLS with key and cert when
 * given); *port gets the port. */
static struct MHD_Daemon *server_start(const char *key, const char *cert, unsigned *port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | (key ? MHD_USE_TLS : 0);
    struct MHD_Daemon *d =
        key ? MHD_start_daemon(flags, 0, NULL, NULL, serve, NULL, MHD_OPTION_SOCK_ADDR, &a,
                               MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_HTTPS_MEM_CERT, cert, MHD_OPTION_END)
            : MHD_start_daemon(flags, 0, NULL, NULL, serve, NULL, MHD_OPTION_SOCK_ADDR, &a, MHD_OPTION_END);
    const union MHD_DaemonInfo *i = d ? MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT) : NULL;
    *port = i ? i->port : 0;
    return d;
}

static unsigned port;

/* "http://127.0.0.1:PORT" + path. */
static const char *at(const char *path)
{
    static char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%u%s", port, path);
    return url;
}

typedef struct seen {
    int n, nerr, is_html;
    char url[200], body[400], charset[40], err[600];
    long number;
} seen;

static int on_rec(const ingest_record *r, void *arg)
{
    seen *s = arg;
    s->n++;
    snprintf(s->url, sizeof s->url, "%s", r->url ? r->url : "(null)");
    snprintf(s->body, sizeof s->body, "%.*s", (int)r->body_len, r->body);
    snprintf(s->charset, sizeof s->charset, "%s", r->charset ? r->charset : "(null)");
    s->is_html = r->is_html;
    s->number = r->number;
    return 0;
}

static int on_err(long number, long long offset, const char *msg, void *arg)
{
    seen *s = arg;
    (void)number, (void)offset;
    s->nerr++;
    snprintf(s->err, sizeof s->err, "%s", msg);
    return 0;
}

static int fetch(const char *path, const fetch_options *o, seen *s)
{
    memset(s, 0, sizeof *s);
    return fetch_url(at(path), o, on_rec, on_err, s);
}

TEST(pages_become_records)
{
    seen s;
    CHECK(fetch("/page", NULL, &s) == NF_OK);
    CHECK(s.n == 1 && s.nerr == 0 && s.is_html == 1 && s.number == 1);
    CHECK_STR(s.body, PAGE);
    CHECK_STR(s.charset, "ISO-8859-1");
    CHECK_STR(s.url, at("/page"));
    CHECK(fetch("/text", NULL, &s) == NF_OK);
    CHECK(s.n == 1 && s.is_html == 0);
    CHECK_STR(s.body, "The river at Orlen rose by two metres.");
    CHECK_STR(s.charset, "(null)");
    CHECK(fetch("/untyped", NULL, &s) == NF_OK);
    CHECK(s.n == 1 && s.is_html == 1);
    CHECK(fetch("/gzip", NULL, &s) == NF_OK); /* the coding undone */
    CHECK_STR(s.body, PAGE);
    CHECK(fetch("/hop", NULL, &s) == NF_OK); /* one redirect, followed */
    CHECK_STR(s.url, at("/page"));
    CHECK_STR(s.body, PAGE);
}

TEST(user_agent_says_who)
{
    seen s;
    CHECK(fetch("/ua", NULL, &s) == NF_OK);
    CHECK_STR(s.body, FETCH_USER_AGENT);
    CHECK(!strncmp(s.body, "newsfuse/" NF_VERSION " (", 10 + strlen(NF_VERSION)));
    fetch_options o = {0};
    o.user_agent = "orlen-archive/2.0";
    CHECK(fetch("/ua", &o, &s) == NF_OK);
    CHECK_STR(s.body, "orlen-archive/2.0");
}

TEST(errors_name_the_url)
{
    seen s;
    char want[200];
    CHECK(fetch("/missing", NULL, &s) == NF_EIO);
    snprintf(want, sizeof want, "%s: HTTP status 404", at("/missing"));
    CHECK(s.n == 0 && s.nerr == 1);
    CHECK_STR(s.err, want);
    CHECK(fetch("/loop", NULL, &s) == NF_ELIMIT);
    CHECK(strstr(s.err, "more than 5 redirects") != NULL);
    fetch_options o = {0};
    o.max_redirects = -1;
    CHECK(fetch("/hop", &o, &s) == NF_ELIMIT);
    CHECK(strstr(s.err, "HTTP status 301: redirects are not followed") != NULL);
    CHECK(fetch("/tofile", NULL, &s) == NF_EIO);
    CHECK(strstr(s.err, at("/tofile")) && strstr(s.err, "not http or https"));
    CHECK(fetch("/image", NULL, &s) == NF_EDATA);
    CHECK(strstr(s.err, "not a page (Content-Type image/png)") != NULL);
    CHECK(fetch("/empty", NULL, &s) == NF_EEMPTY);
    CHECK(strstr(s.err, "empty page") != NULL);
    memset(&s, 0, sizeof s);
    CHECK(fetch_url("file:///etc/hostname", NULL, on_rec, on_err, &s) == NF_EINVAL);
    CHECK(strstr(s.err, "not an http:// or https:// address") != NULL);
    CHECK(fetch_url("ftp://127.0.0.1/x", NULL, on_rec, on_err, &s) == NF_EINVAL);
    /* a port nobody listens on (the server's, once stopped, is not known
     * to be free; port 1 needs root to listen on and nothing does here) */
    memset(&s, 0, sizeof s);
    CHECK(fetch_url("http://127.0.0.1:1/", NULL, on_rec, on_err, &s) == NF_EIO);
    CHECK(strstr(s.err, "http://127.0.0.1:1/: ") != NULL);
}

TEST(limits)
{
    seen s;
    fetch_options o = {0};
    o.max_bytes = (size_t)1 << 20;
    CHECK(fetch("/big", &o, &s) == NF_ELIMIT); /* announced by Content-Length */
    CHECK(strstr(s.err, "over the size cap of 1048576 bytes: aborted") != NULL);
    CHECK(fetch("/stream", &o, &s) == NF_ELIMIT); /* not announced */
    CHECK(strstr(s.err, "over the size cap") != NULL);
    o.max_bytes = 0;
    CHECK(fetch("/stream", &o, &s) == NF_OK); /* 2 MiB is under the default */
    o.timeout_ms = 300;
    CHECK(fetch("/slow", &o, &s) == NF_EIO);
    CHECK(strstr(s.err, "timed out") != NULL);
}

/* Writes a self-signed certificate for 127.0.0.1 with the openssl command
 * into dir (key.pem, cert.pem). Returns 0, or -1 when it cannot. */
static int make_cert(const char *dir)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
             "-addext subjectAltName=IP:127.0.0.1 -keyout %s/key.pem -out %s/cert.pem >/dev/null 2>&1",
             dir, dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Reads a whole small file into a new string (free), or NULL. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *b = calloc(1, 65536);
    size_t n = b ? fread(b, 1, 65535, f) : 0;
    fclose(f);
    if (b && !n)
        free(b), b = NULL;
    return b;
}

TEST(https_is_verified)
{
    if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
        SKIP("libmicrohttpd without TLS");
    char dir[] = "/tmp/nf_test_fetch_XXXXXX";
    if (!mkdtemp(dir) || make_cert(dir))
        SKIP("no openssl command to make a certificate");
    char kp[200], cp[200];
    snprintf(kp, sizeof kp, "%s/key.pem", dir);
    snprintf(cp, sizeof cp, "%s/cert.pem", dir);
    char *key = slurp(kp), *cert = slurp(cp);
    unsigned tls_port = 0;
    struct MHD_Daemon *d = key && cert ? server_start(key, cert, &tls_port) : NULL;
    if (!d) {
        free(key), free(cert);
        SKIP("could not start a TLS server");
    }
    char url[128];
    snprintf(url, sizeof url, "https://127.0.0.1:%u/page", tls_port);
    seen s;
    memset(&s, 0, sizeof s);
    CHECK(fetch_url(url, NULL, on_rec, on_err, &s) == NF_EIO); /* self-signed: refused */
    CHECK(s.n == 0 && strstr(s.err, "TLS: ") != NULL);
    fetch_options o = {0};
    o.ca_file = cp; /* trusted on purpose: verified, and accepted */
    memset(&s, 0, sizeof s);
    CHECK(fetch_url(url, &o, on_rec, on_err, &s) == NF_OK);
    CHECK(s.n == 1);
    CHECK_STR(s.body, PAGE);
    MHD_stop_daemon(d);
    free(key), free(cert);
    unlink(kp), unlink(cp), rmdir(dir);
}

int main(void)
{
    struct MHD_Daemon *d = server_start(NULL, NULL, &port);
    if (!d) {
        printf("FAIL fetch_server: could not start a server on 127.0.0.1\n");
        return 1;
    }
    RUN(pages_become_records);
    RUN(user_agent_says_who);
    RUN(errors_name_the_url);
    RUN(limits);
    RUN(https_is_verified);
    MHD_stop_daemon(d);
    TEST_EXIT();
}
