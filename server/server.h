/* `newsfuse serve`: the HTTP server (libmicrohttpd) around the JSON API
 * of server/api.h and the page of server/www/. doc/SERVER.md describes
 * the routes, the limits and the access log. */
#ifndef NF_SERVER_SERVER_H
#define NF_SERVER_SERVER_H
#include "request.h"

typedef struct srv_config {
    const char *bind;         /* numeric address; default 127.0.0.1 */
    unsigned port;            /* 0: any free port (printed at start) */
    unsigned threads;         /* worker threads; 0: one per core */
    unsigned timeout;         /* seconds a connection may stay idle */
    unsigned header_seconds;  /* seconds a request's headers may take */
    unsigned body_seconds;    /* seconds a request body may take to arrive */
    unsigned grace_seconds;   /* at SIGTERM, seconds in-flight requests may take */
    unsigned max_connections; /* open connections at once */
    srv_limits limits;        /* per request */
    const char *token;        /* bearer token for /v1/ and /version, or NULL */
    const char *db;           /* a newsfuse track database for /v1/events, or NULL */
    int quiet;                /* no access log */
} srv_config;

/* Fills cfg with the defaults. */
void srv_config_defaults(srv_config *cfg);
/* Serves until SIGINT or SIGTERM, then stops accepting and lets requests
 * in flight finish (up to grace_seconds). Returns 0 after a clean stop, 1 if the
 * server could not start (the reason is printed on stderr). */
int srv_run(const srv_config *cfg);

/* An embedded file of the page: its path ("/", "/app.js"), media type
 * and bytes; NULL if there is none of that path. */
typedef struct srv_asset {
    const char *type;
    const char *bytes;
    size_t len;
} srv_asset;
int srv_asset_find(const char *path, srv_asset *out);

/* Checks a Content-Type for JSON: "application/json", parameters allowed,
 * a charset only if UTF-8. Returns 1 if acceptable. */
int srv_is_json_type(const char *content_type);
/* Checks an Authorization header against the token in constant time.
 * Returns 1 if it is "Bearer TOKEN". */
int srv_token_ok(const char *authorization, const char *token);
/* Checks a Host header for a loopback name (localhost, 127.x, [::1]):
 * with a loopback bind, other names are refused (DNS rebinding). */
int srv_host_is_loopback(const char *host);

#endif
