/* The HTTP side of `newsfuse serve`, on libmicrohttpd: routing, the checks
 * made before a body is read (method, token, content type, declared
 * length), the body under its limits, responses and the access log.
 * The work itself is server/api.c; the page is server/assets.c. */
#include "api.h"
#include "guard.h"
#include "server.h"
#include "core/utf8.h"
#include <arpa/inet.h>
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* What the server knows about one request while it is being served. */
typedef struct exchange {
    double start;      /* monotonic seconds at its first byte of headers */
    int route;         /* enum srv_route, or -1 for the other routes */
    char *body;        /* the body so far (malloc) */
    size_t len, cap;
    int over;          /* the body went over max_body: discarded, then 413 */
    int last;          /* answered while stopping: the connection is closed after */
    int status;        /* the status sent, for the log */
    size_t bytes;      /* the body bytes sent, for the log */
    char method[32];   /* as received, cut to fit: escaped only when logged */
    char path[256];
} exchange;

/* The running server: its settings and whether its bind is loopback. */
typedef struct server {
    const srv_config *cfg;
    int loopback;
    guard *guard; /* deadlines and the connection budget (guard.h) */
    atomic_int inflight; /* requests begun and not completed (SIGTERM waits) */
    atomic_int stopping; /* set at SIGTERM: answers close their connection */
} server;

/* Monotonic seconds: request times never jump with the wall clock. */
static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The guard's record of c's connection (NULL if it could not be made). */
static guard_conn *conn_guard(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

/* Moves c's connection to phase p (its deadline starts now). */
static void set_phase(const server *s, struct MHD_Connection *c, enum guard_phase p)
{
    guard_phase(s->guard, conn_guard(c), p);
}

void srv_config_defaults(srv_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->bind = "127.0.0.1";
    cfg->port = 8080;
    cfg->timeout = 10;
    cfg->header_seconds = 10;
    cfg->body_seconds = 30;
    cfg->grace_seconds = 10;
    cfg->max_connections = 256;
    cfg->limits.max_body = 8u << 20;
    cfg->limits.max_documents = 200;
    cfg->limits.max_doc_bytes = 1u << 20;
    cfg->limits.max_seconds = 10;
}

/* ---- responses ---- */

/* Adds the headers every response carries. */
static void add_common_headers(struct MHD_Response *r, const char *type)
{
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
}

/* Queues body (taken over: freed by MHD) with its status. */
static enum MHD_Result send_body(struct MHD_Connection *c, exchange *x, srv_body *b,
                                 const char *allow)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(b->len, b->data,
                                                             MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(b->data);
        return MHD_NO;
    }
    add_common_headers(r, "application/json; charset=utf-8");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (x->last)
        MHD_add_response_header(r, "Connection", "close");
    if (allow)
        MHD_add_response_header(r, "Allow", allow);
    if (b->status == 401)
        MHD_add_response_header(r, "WWW-Authenticate", "Bearer realm=\"newsfuse\"");
    x->status = b->status;
    x->bytes = b->len;
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)b->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* Queues an error document. */
static enum MHD_Result send_error(struct MHD_Connection *c, exchange *x, int status,
                                  const char *message, const char *allow)
{
    srv_body b;
    if (srv_api_error(status, message, &b))
        return MHD_NO;
    return send_body(c, x, &b, allow);
}

/* Queues one of the page's files. */
static enum MHD_Result send_asset(struct MHD_Connection *c, exchange *x, const srv_asset *a)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(a->len, (void *)a->bytes,
                                                             MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    add_common_headers(r, a->type);
    MHD_add_response_header(r, "Cache-Control", "no-cache");
    if (x->last)
        MHD_add_response_header(r, "Connection", "close");
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                            "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    x->status = 200;
    x->bytes = a->len;
    enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ok;
}

/* ---- routing ---- */

/* The JSON route of a path, or -1. */
static int route_of(const char *path)
{
    if (!strcmp(path, "/v1/summarize"))
        return SRV_SUMMARIZE;
    if (!strcmp(path, "/v1/facts"))
        return SRV_FACTS;
    if (!strcmp(path, "/v1/rouge"))
        return SRV_ROUGE;
    if (!strcmp(path, "/v1/read"))
        return SRV_READ;
    return -1;
}

/* Returns 1 for the methods that read (GET, HEAD). */
static int is_get(const char *method)
{
    return !strcmp(method, "GET") || !strcmp(method, "HEAD");
}

/* The prefix of the events routes (serve --db). */
#define EVENTS_PATH "/v1/events"

/* GET /v1/events and /v1/events/ID. */
static enum MHD_Result serve_events(const server *s, struct MHD_Connection *c, exchange *x,
                                    const char *path)
{
    srv_body b;
    if (!is_get(x->method))
        return send_error(c, x, 405, "use GET", "GET, HEAD");
    const char *id = path + strlen(EVENTS_PATH);
    int rc = !*id ? srv_api_events(s->cfg->db,
                                   MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "limit"),
                                   MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "before"), &b)
             : id[0] == '/' && id[1] ? srv_api_event(s->cfg->db, id + 1, &b)
                                     : srv_api_error(404, "no such path", &b);
    return rc ? MHD_NO : send_body(c, x, &b, NULL);
}

/* 1 for the paths of the events routes. */
static int is_events_path(const char *path)
{
    size_t n = strlen(EVENTS_PATH);
    return !strncmp(path, EVENTS_PATH, n) && (!path[n] || path[n] == '/');
}

/* GET routes: /healthz, /version, the events and the page. */
static enum MHD_Result serve_get(const server *s, struct MHD_Connection *c, exchange *x,
                                 const char *path)
{
    srv_body b;
    srv_asset a;
    if (is_events_path(path))
        return serve_events(s, c, x, path);
    int is_health = !strcmp(path, "/healthz"), is_version = !strcmp(path, "/version");
    if (!is_health && !is_version) {
        if (srv_asset_find(path, &a))
            return is_get(x->method) ? send_asset(c, x, &a)
                                     : send_error(c, x, 405, "use GET", "GET, HEAD");
        return send_error(c, x, 404, "no such path", NULL);
    }
    if (!is_get(x->method))
        return send_error(c, x, 405, "use GET", "GET, HEAD");
    int rc = is_health ? srv_api_health(&b) : srv_api_version(&s->cfg->limits, s->cfg->db != NULL, &b);
    return rc ? MHD_NO : send_body(c, x, &b, NULL);
}

/* Checks made on the headers of a POST before its body is read. Returns
 * 0 to go on, or the status of the error it queued (-1: none could be). */
static int check_post(const server *s, struct MHD_Connection *c, exchange *x)
{
    enum MHD_Result q;
    const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    char msg[120];
    if (strcmp(x->method, "POST"))
        q = send_error(c, x, 405, "use POST with a JSON body", "POST");
    else if (!srv_is_json_type(ct))
        q = send_error(c, x, 415, "the body must be JSON: send Content-Type: application/json",
                       NULL);
    else if (MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding"))
        /* libmicrohttpd parses chunk lines itself and answers one longer
         * than its buffer (a 64 KiB chunk extension) with its own HTML 500
         * before we see a byte: refusing chunked bodies at the headers is
         * the only way such input gets our JSON 4xx. */
        q = send_error(c, x, 411, "send the body with a Content-Length: chunked bodies are "
                       "not accepted", NULL);
    else if (cl && strtoull(cl, NULL, 10) > s->cfg->limits.max_body) {
        snprintf(msg, sizeof msg, "the request body is %.20s bytes, over the limit of %zu", cl,
                 s->cfg->limits.max_body);
        q = send_error(c, x, 413, msg, NULL);
    } else
        return 0;
    return q == MHD_YES ? x->status : -1;
}

/* Checks made on every request: the Host (with a loopback bind) and the
 * token (for the API). Same return as check_post. */
static int check_access(const server *s, struct MHD_Connection *c, exchange *x)
{
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    int api = x->route >= 0 || !strcmp(x->path, "/version") || is_events_path(x->path);
    enum MHD_Result q;
    if (s->loopback && !srv_host_is_loopback(host))
        q = send_error(c, x, 403, "this server answers loopback names only", NULL);
    else if (api && s->cfg->token &&
             !srv_token_ok(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization"),
                           s->cfg->token))
        q = send_error(c, x, 401, "a valid bearer token is needed (Authorization: Bearer ...)",
                       NULL);
    else
        return 0;
    return q == MHD_YES ? x->status : -1;
}

/* Appends an upload chunk under the body limit (past it the rest is read
 * and dropped, so the client still gets its 413). */
static int take_chunk(const server *s, exchange *x, const char *data, size_t n)
{
    if (x->over || x->len + n > s->cfg->limits.max_body) {
        x->over = 1;
        return 0;
    }
    if (x->len + n + 1 > x->cap) {
        size_t cap = x->cap ? x->cap : 16384;
        while (cap < x->len + n + 1)
            cap *= 2;
        char *p = realloc(x->body, cap);
        if (!p)
            return -1;
        x->body = p, x->cap = cap;
    }
    memcpy(x->body + x->len, data, n);
    x->len += n;
    return 0;
}

/* The whole body is in: runs the API call and queues its answer. */
static enum MHD_Result finish_post(const server *s, struct MHD_Connection *c, exchange *x)
{
    if (x->over) {
        char msg[96];
        snprintf(msg, sizeof msg, "the request body is over the limit of %zu bytes",
                 s->cfg->limits.max_body);
        return send_error(c, x, 413, msg, NULL);
    }
    srv_body b;
    if (srv_api_call(x->route, x->body ? x->body : "", x->len, &s->cfg->limits, &b))
        return MHD_NO;
    free(x->body);
    x->body = NULL;
    return send_body(c, x, &b, NULL);
}

/* Starts an exchange on the first call for a request. */
static exchange *exchange_new(const char *method, const char *url)
{
    exchange *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->start = now_seconds();
    snprintf(x->method, sizeof x->method, "%s", method);
    snprintf(x->path, sizeof x->path, "%s", url);
    x->route = route_of(url);
    return x;
}

/* libmicrohttpd's access handler: called once at the headers, once per
 * body chunk, and once more when the body is complete. Refusals made at
 * the headers are queued at once (the unread body then closes the
 * connection); answers are queued at the last call, which keeps the
 * connection alive. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **state)
{
    (void)version;
    server *s = cls;
    exchange *x = *state;
    if (!x) {
        if (!(*state = x = exchange_new(method, url)))
            return MHD_NO;
        atomic_fetch_add(&s->inflight, 1);
        set_phase(s, c, GUARD_BODY);
        int rc = check_access(s, c, x);
        if (!rc && x->route >= 0)
            rc = check_post(s, c, x);
        if (rc > 0)
            set_phase(s, c, GUARD_ANSWER);
        return rc < 0 ? MHD_NO : MHD_YES;
    }
    if (x->status)
        return MHD_YES; /* answered at the headers: the body is dropped */
    if (*upload_size) {
        if (now_seconds() - x->start > s->cfg->body_seconds) {
            x->status = 408;
            return MHD_NO; /* a body trickling in: the connection is closed */
        }
        int rc = x->route >= 0 ? take_chunk(s, x, upload_data, *upload_size) : 0;
        *upload_size = 0;
        return rc ? MHD_NO : MHD_YES;
    }
    set_phase(s, c, GUARD_WORK); /* bounded by --max-seconds, not by the guard */
    /* Closed after this answer while stopping, or to let in a client
     * waiting at the connection limit. */
    x->last = atomic_load(&s->stopping) || guard_make_room(s->guard, conn_guard(c));
    enum MHD_Result q = x->route >= 0 ? finish_post(s, c, x) : serve_get(s, c, x, url);
    set_phase(s, c, GUARD_ANSWER);
    return q;
}

/* ---- access log ---- */

/* Writes s into out as the inside of a JSON string (at most size-1 bytes,
 * never cutting an escape or a character). The method and path are the
 * client's bytes: quotes, backslashes and controls are escaped and invalid
 * UTF-8 becomes U+FFFD, so that every log line is valid JSON. */
static void json_escape(char *out, size_t size, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0, left = strlen(s);
    while (left && n + 7 < size) {
        size_t k = *p < 0x80 ? 1 : utf8_valid_char(p, left);
        if (*p == '"' || *p == '\\')
            out[n++] = '\\', out[n++] = (char)*p;
        else if (*p < 0x20)
            n += (size_t)snprintf(out + n, size - n, "\\u%04x", *p);
        else if (k)
            memcpy(out + n, p, k), n += k;
        else
            memcpy(out + n, "\\ufffd", 6), n += 6, k = 1;
        p += k, left -= k;
    }
    out[n] = '\0';
}

/* The client's address as text. */
static void peer_address(struct MHD_Connection *c, char *out, size_t size)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, size, "-");
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  (socklen_t)size);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  (socklen_t)size);
}

/* One JSON line per request on stderr, written with one write(2) so that
 * lines of concurrent requests never interleave. */
static void log_exchange(struct MHD_Connection *c, const exchange *x,
                         enum MHD_RequestTerminationCode why, int cut)
{
    /* Room for the worst case: every byte of method and path a 6-byte
     * escape, plus about 200 bytes of keys, time, address and numbers. */
    char method[6 * sizeof x->method + 8], path[6 * sizeof x->path + 8], peer[64], stamp[32];
    char line[sizeof method + sizeof path + 256];
    json_escape(method, sizeof method, x->method);
    json_escape(path, sizeof path, x->path);
    peer_address(c, peer, sizeof peer);
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    int late = why == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED || cut;
    int status = x->status ? x->status : late ? 408 : 0;
    int n = snprintf(line, sizeof line,
                     "{\"time\":\"%s\",\"remote\":\"%s\",\"method\":\"%s\",\"path\":\"%s\","
                     "\"status\":%d,\"bytes\":%zu,\"ms\":%.2f%s}\n",
                     stamp, peer, method, path, status, x->bytes,
                     (now_seconds() - x->start) * 1000.0,
                     why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : ",\"closed\":true");
    if (n > 0)
        (void)!write(2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* A request this large (body plus answer) leaves its worker's malloc arena
 * holding hundreds of MB (7 reports of 1 MB: about 300 MB per worker,
 * never reused by the other workers' arenas): glibc keeps freed memory
 * unless asked to give it back. Smaller requests do not pay for the trim. */
#define TRIM_AFTER_BYTES ((size_t)1 << 20)

/* Returns the heap's free memory to the system after a large request. */
static void trim_after(const exchange *x)
{
#ifdef __GLIBC__
    if (x->len + x->bytes > TRIM_AFTER_BYTES)
        malloc_trim(0);
#else
    (void)x;
#endif
}

/* Called by libmicrohttpd when a request is over, whatever the reason. */
static void on_completed(void *cls, struct MHD_Connection *c, void **state,
                         enum MHD_RequestTerminationCode why)
{
    server *s = cls;
    exchange *x = *state;
    if (!x)
        return;
    atomic_fetch_sub(&s->inflight, 1);
    if (!s->cfg->quiet)
        log_exchange(c, x, why, guard_was_cut(s->guard, conn_guard(c)));
    /* Kept alive: the next request's headers are awaited from now. */
    set_phase(s, c, GUARD_HEADERS);
    free(x->body);
    trim_after(x);
    free(x);
    *state = NULL;
}

/* Connection start and end: the guard's record lives in the socket
 * context; libmicrohttpd reports the end before closing the socket. */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    const server *s = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        *socket_context = ci ? guard_open(s->guard, ci->connect_fd) : NULL;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        guard_close(s->guard, *socket_context);
        *socket_context = NULL;
    }
}

/* libmicrohttpd's own messages, prefixed like the CLI's. */
static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n && msg[n - 1] == '\n')
        msg[--n] = '\0';
    fprintf(stderr, "newsfuse: serve: %s\n", msg);
}

/* ---- start and stop ---- */

/* Fills addr from cfg->bind and cfg->port. Returns 0, or -1 if the bind
 * address is not a numeric IPv4 or IPv6 address. */
static int make_address(const srv_config *cfg, struct sockaddr_storage *addr, int *v6,
                        int *loopback)
{
    memset(addr, 0, sizeof *addr);
    struct sockaddr_in *a4 = (struct sockaddr_in *)(void *)addr;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)(void *)addr;
    *v6 = strchr(cfg->bind, ':') != NULL;
    if (*v6) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)cfg->port);
        if (inet_pton(AF_INET6, cfg->bind, &a6->sin6_addr) != 1)
            return -1;
        *loopback = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
        return 0;
    }
    a4->sin_family = AF_INET;
    a4->sin_port = htons((uint16_t)cfg->port);
    if (inet_pton(AF_INET, cfg->bind, &a4->sin_addr) != 1)
        return -1;
    *loopback = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
    return 0;
}

/* Connections one worker may hold. libmicrohttpd 0.9.75 takes epoll
 * events 128 at a time and, when a batch is full, waits again with its
 * blocking timeout before it handles any: a worker whose 128 connections
 * all had a request ready slept until the next connection timeout
 * (--timeout, 10 s) while every one of them waited (issue 12, item 7: at
 * the default 256 connections on 2 workers, 78 requests/s instead of
 * 40,000 and p99 near 10 s). With at most 125 connections, plus the
 * listening socket and the wake-up pipe, a batch is never full. */
#define CONNECTIONS_PER_WORKER 125u

/* The number of worker threads: the setting, or one per core, and at
 * least enough that no worker holds over CONNECTIONS_PER_WORKER
 * connections. */
static unsigned thread_count(const srv_config *cfg)
{
    long n = cfg->threads ? (long)cfg->threads : sysconf(_SC_NPROCESSORS_ONLN);
    long need = ((long)cfg->max_connections + CONNECTIONS_PER_WORKER - 1) / CONNECTIONS_PER_WORKER;
    if (n < need)
        n = need;
    return n < 1 ? 1u : n > 256 ? 256u : (unsigned)n;
}

/* Starts libmicrohttpd on addr; NULL on failure (printed by on_mhd_log).
 * The logger must be the first option to catch every message. */
static struct MHD_Daemon *start_daemon(server *s, const struct sockaddr_storage *addr, int v6)
{
    unsigned threads = thread_count(s->cfg);
    /* MHD_USE_ITC: MHD_quiesce_daemon needs it to stop accepting at SIGTERM. */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
                     MHD_USE_ITC | (v6 ? MHD_USE_IPv6 : 0);
    return MHD_start_daemon(
        flags, (uint16_t)s->cfg->port, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER,
        on_mhd_log, NULL, MHD_OPTION_SOCK_ADDR, addr,
        MHD_OPTION_THREAD_POOL_SIZE, threads > 1 ? threads : 0u, MHD_OPTION_CONNECTION_TIMEOUT,
        s->cfg->timeout, MHD_OPTION_CONNECTION_LIMIT, s->cfg->max_connections,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536, MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, s, MHD_OPTION_NOTIFY_CONNECTION, on_connection, s, MHD_OPTION_END);
}

/* Blocks SIGINT and SIGTERM (inherited by the server's threads) and
 * ignores SIGPIPE; *set receives the two for sigwait. */
static void block_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, set, NULL);
    signal(SIGPIPE, SIG_IGN);
}

/* After SIGINT or SIGTERM: stops accepting, then waits for the requests
 * in flight to finish, at most --grace-seconds (a second signal ends the
 * wait). Idle keep-alive connections and half-sent headers are closed by
 * MHD_stop_daemon afterwards. */
static void drain(server *s, struct MHD_Daemon *d, const sigset_t *set)
{
    atomic_store(&s->stopping, 1);
    guard_listener(s->guard, -1);
    MHD_socket listener = MHD_quiesce_daemon(d);
    if (listener != MHD_INVALID_SOCKET)
        close(listener);
    double until = now_seconds() + s->cfg->grace_seconds;
    const struct timespec tick = {0, 20 * 1000 * 1000};
    int left;
    while ((left = atomic_load(&s->inflight)) > 0 && now_seconds() < until)
        if (sigtimedwait(set, NULL, &tick) > 0)
            break;
    if (left > 0)
        fprintf(stderr, "newsfuse: serve: %d request%s still in flight: closed\n", left,
                left == 1 ? "" : "s");
}

int srv_run(const srv_config *cfg)
{
    server s = {.cfg = cfg};
    struct sockaddr_storage addr;
    int v6 = 0;
    if (make_address(cfg, &addr, &v6, &s.loopback)) {
        fprintf(stderr, "newsfuse: serve: --bind must be a numeric IPv4 or IPv6 address\n");
        return 1;
    }
    sigset_t set;
    block_signals(&set);
    /* Over the budget the longest-waiting headers make room, an eighth of
     * the connections ahead of libmicrohttpd's limit (where it would stop
     * accepting and leave new clients waiting). */
    unsigned spare = cfg->max_connections / 8 ? cfg->max_connections / 8 : 1;
    s.guard = guard_start(cfg->max_connections > spare ? cfg->max_connections - spare : 1,
                          cfg->max_connections, cfg->header_seconds, cfg->body_seconds);
    struct MHD_Daemon *d = s.guard ? start_daemon(&s, &addr, v6) : NULL;
    if (!d) {
        guard_stop(s.guard);
        fprintf(stderr, "newsfuse: serve: cannot listen on %s port %u: %s\n", cfg->bind,
                cfg->port, strerror(errno));
        return 1;
    }
    const union MHD_DaemonInfo *li = MHD_get_daemon_info(d, MHD_DAEMON_INFO_LISTEN_FD);
    if (li)
        guard_listener(s.guard, li->listen_fd);
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    fprintf(stderr, "newsfuse: serving http://%s%s%s:%u/ with %u threads\n", v6 ? "[" : "",
            cfg->bind, v6 ? "]" : "", di ? di->port : cfg->port, thread_count(cfg));
    int sig = 0;
    sigwait(&set, &sig);
    fprintf(stderr, "newsfuse: serve: stopping (signal %d)\n", sig);
    drain(&s, d, &set);
    MHD_stop_daemon(d);
    unsigned long late, budget, rotated;
    guard_counts(s.guard, &late, &budget, &rotated);
    fprintf(stderr, "newsfuse: serve: stopped; the guard closed %lu connection%s at deadlines and "
            "%lu over the budget, and %lu answer%s closed %s connection to let a waiting one in\n",
            late, late == 1 ? "" : "s", budget, rotated, rotated == 1 ? "" : "s",
            rotated == 1 ? "its" : "their");
    guard_stop(s.guard);
    return 0;
}
