/* newsfuse serve: the HTTP/JSON API and the web page (server/), bound to
 * 127.0.0.1 by default. This file only reads the command line. */
#include "commands.h"
#include "../server/server.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_serve(int argc, char **argv); /* registered in cli/main.c */

/* Prints the help of `newsfuse serve` to out. */
static void serve_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse serve [options]\n\n"
            "Serves the JSON API (POST /v1/summarize, /v1/facts, /v1/rouge; GET /healthz,\n"
            "/version; schema newsfuse/2) and the web page at / until interrupted.\n"
            "One JSON line per request is logged on stderr. doc/SERVER.md has the details.\n\n"
            "  --bind ADDR            numeric address to listen on (default 127.0.0.1;\n"
            "                         another address exposes the server: use --token)\n"
            "  --port N               port (default 8080; 0 picks a free one, printed)\n"
            "  --token FILE           require \"Authorization: Bearer TOKEN\" on the API,\n"
            "                         TOKEN being the file's first line\n"
            "  --threads N            worker threads (default: one per core; at least one\n"
            "                         per 125 connections of --max-connections)\n"
            "  --timeout S            close connections idle for S seconds (default 10)\n"
            "  --header-seconds S     request headers must arrive within S seconds (default 10)\n"
            "  --body-seconds S       a request body must arrive, and its answer be read,\n"
            "                         within S seconds (default 30)\n"
            "  --max-connections N    open connections at once (default 256)\n"
            "  --grace-seconds S      at SIGINT/SIGTERM, let requests in flight finish\n"
            "                         for up to S seconds (default 10)\n"
            "  --max-body N           bytes of a request body (default 8388608)\n"
            "  --max-documents N      reports per request (default 200)\n"
            "  --max-document-bytes N bytes of one report (default 1048576)\n"
            "  --max-seconds S        time to choose a summary's sentences (default 10)\n"
            "  --db FILE              also serve the events of a newsfuse track database,\n"
            "                         read-only: GET /v1/events?limit=N&before=CURSOR (the\n"
            "                         most recently changed first) and GET /v1/events/ID,\n"
            "                         and the page's list of live events\n"
            "  --quiet                no access log\n\n"
            "Exit status: 0 after SIGINT or SIGTERM, 1 if the server cannot start,\n"
            "2 bad usage.\n");
}

/* The most bytes of a token file read: a token is a line of a few dozen
 * characters; more is not a token file (or is /dev/zero). */
#define SERVE_MAX_TOKEN_FILE 4096

/* Reads the token: the first line of path, without its line break. */
static char *read_token(const char *path)
{
    size_t len = 0;
    int more = 0;
    char *t = cli_read_file_upto(path, SERVE_MAX_TOKEN_FILE, &len, &more);
    if (t && more) {
        cli_error(EXIT_USAGE, "serve: %s: longer than %d bytes: not a token file", path,
                  SERVE_MAX_TOKEN_FILE);
        free(t);
        return NULL;
    }
    if (!t)
        return NULL;
    t[strcspn(t, "\r\n")] = '\0';
    if (!*t || strlen(t) < 8) {
        cli_error(EXIT_USAGE, "serve: %s: the token must be at least 8 characters", path);
        free(t);
        return NULL;
    }
    return t;
}

/* A positive count flag; returns -1 (after a message) if the value is not one. */
static long positive(const char *flag, const char *v, long max)
{
    long n = cli_parse_count(v);
    if (n < 1 || n > max) {
        cli_error(EXIT_USAGE, "serve: %s takes a whole number from 1 to %ld", flag, max);
        return -1;
    }
    return n;
}

/* The numeric flags, in the order set_number knows them, with their maxima. */
static const struct {
    const char *name;
    long max;
} numeric_flags[] = {
    {"--port", 65535},         {"--threads", 256},          {"--timeout", 3600},
    {"--body-seconds", 3600},  {"--max-connections", 10000}, {"--max-body", 1L << 30},
    {"--max-documents", 1000000}, {"--max-document-bytes", 1L << 30}, {"--max-seconds", 3600},
    {"--header-seconds", 3600}, {"--grace-seconds", 3600},
};

/* Stores the value of numeric flag i. */
static void set_number(srv_config *c, size_t i, long n)
{
    switch (i) {
    case 0: c->port = (unsigned)n; break;
    case 1: c->threads = (unsigned)n; break;
    case 2: c->timeout = (unsigned)n; break;
    case 3: c->body_seconds = (unsigned)n; break;
    case 4: c->max_connections = (unsigned)n; break;
    case 5: c->limits.max_body = (size_t)n; break;
    case 6: c->limits.max_documents = (size_t)n; break;
    case 7: c->limits.max_doc_bytes = (size_t)n; break;
    case 8: c->limits.max_seconds = (double)n; break;
    case 9: c->header_seconds = (unsigned)n; break;
    default: c->grace_seconds = (unsigned)n; break;
    }
}

/* Applies one "--flag value" pair. Returns EXIT_OK or EXIT_USAGE. */
static int apply_flag(srv_config *c, const char *f, const char *v, char **token)
{
    if (!strcmp(f, "--bind")) {
        c->bind = v;
        return EXIT_OK;
    }
    if (!strcmp(f, "--db")) {
        c->db = v;
        return EXIT_OK;
    }
    if (!strcmp(f, "--token")) {
        free(*token);
        *token = read_token(v);
        return *token ? EXIT_OK : EXIT_USAGE;
    }
    if (!strcmp(f, "--port") && !strcmp(v, "0")) {
        c->port = 0;
        return EXIT_OK;
    }
    size_t n = sizeof numeric_flags / sizeof *numeric_flags, i = 0;
    while (i < n && strcmp(numeric_flags[i].name, f))
        i++;
    if (i == n)
        return cli_error(EXIT_USAGE, "serve: unknown option '%s' (see --help)", f);
    long value = positive(f, v, numeric_flags[i].max);
    if (value < 0)
        return EXIT_USAGE;
    set_number(c, i, value);
    return EXIT_OK;
}

/* Parses the command line into c: EXIT_OK, EXIT_USAGE, or -1 after --help. */
static int parse_args(srv_config *c, int argc, char **argv, char **token)
{
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "--help") || !strcmp(f, "-h"))
            return serve_usage(stdout), -1;
        if (!strcmp(f, "--quiet")) {
            c->quiet = 1;
            continue;
        }
        if (strncmp(f, "--", 2) || i + 1 >= argc)
            return cli_error(EXIT_USAGE, "serve: '%s' needs a value or is unknown (see --help)", f);
        if (apply_flag(c, f, argv[++i], token) != EXIT_OK)
            return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* A database that cannot be read (absent, not a track database, corrupt)
 * is said at the start, not at the first request. */
static int check_db(const char *db)
{
    nf_track *t = NULL;
    int rc = nf_track_open(db, "r", &t);
    if (rc != NF_OK)
        rc = cli_error(EXIT_DATA, "serve: --db: %s", t ? nf_track_error(t) : nf_strerror(rc));
    nf_track_free(t);
    return rc;
}

int cmd_serve(int argc, char **argv)
{
    srv_config cfg;
    char *token = NULL;
    srv_config_defaults(&cfg);
    int rc = parse_args(&cfg, argc, argv, &token);
    if (rc == EXIT_OK && cfg.db)
        rc = check_db(cfg.db);
    if (rc == EXIT_OK) {
        cfg.token = token;
        rc = srv_run(&cfg) ? EXIT_DATA : EXIT_OK;
    }
    free(token);
    return rc < 0 ? EXIT_OK : rc;
}
