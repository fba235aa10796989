/* The JSON API of `newsfuse serve`, apart from HTTP: a parsed request in,
 * a status and a NF_SCHEMA JSON body out. Only the public library API
 * (include/newsfuse.h) does the work. */
#ifndef NF_SERVER_API_H
#define NF_SERVER_API_H
#include "request.h"
#include <stddef.h>

/* A response body (malloc'd, NUL-terminated, owned by the holder) and its
 * HTTP status. */
typedef struct srv_body {
    int status;
    char *data;
    size_t len;
} srv_body;

/* Runs a parsed request: 200 with the result, 422 when the reports hold
 * nothing to work on, 400 for data the library refuses, 500 only when
 * memory runs out. Returns 0, or -1 if not even an error could be made. */
int srv_api_run(const srv_request *req, srv_body *out);
/* Parses and runs body for route: srv_request_parse then srv_api_run. */
int srv_api_call(int route, const char *body, size_t len, const srv_limits *lim, srv_body *out);
/* The error document {"schema", "error": {"status", "message"}}. */
int srv_api_error(int status, const char *message, srv_body *out);
/* GET /healthz; GET /version (with the methods, options and limits, so a
 * client can fill its forms). */
int srv_api_health(srv_body *out);
int srv_api_version(const srv_limits *lim, int events, srv_body *out);
/* GET /v1/events (recent events of the track database db, a page of
 * limit before the cursor before: query values as given, NULL when
 * absent) and GET /v1/events/ID: 200, 400 (a bad limit or cursor), 404
 * (no database, no such event), 503 (the database cannot be read). */
int srv_api_events(const char *db, const char *limit, const char *before, srv_body *out);
int srv_api_event(const char *db, const char *id, srv_body *out);

#endif
