/* The API's work: documents into a docset, the library's summary, figure
 * sheet or ROUGE scores out as NF_SCHEMA JSON. The library renders every
 * result itself (with "facts": true the summary carries its figure
 * sheet); the server only adds the error document. */
#include "api.h"
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Takes ownership of a buffer from nf_free's world into malloc's: copies
 * it (the library's allocator may differ from malloc). */
static int take_rendered(char *rendered, size_t len, int status, srv_body *out)
{
    out->data = malloc(len + 1);
    if (out->data) {
        memcpy(out->data, rendered, len);
        out->data[len] = '\0';
    }
    nf_free(rendered);
    out->len = len;
    out->status = status;
    return out->data ? 0 : -1;
}

/* Serializes a JSON value into out (status set); steals the reference. */
static int take_json(json_t *v, int status, srv_body *out)
{
    char *text = v ? json_dumps(v, JSON_COMPACT) : NULL;
    json_decref(v);
    if (!text)
        return -1;
    out->len = strlen(text);
    out->data = malloc(out->len + 2);
    if (out->data)
        memcpy(out->data, text, out->len), out->data[out->len++] = '\n', out->data[out->len] = 0;
    free(text);
    out->status = status;
    return out->data ? 0 : -1;
}

int srv_api_error(int status, const char *message, srv_body *out)
{
    json_t *v = json_pack("{s:s,s:{s:i,s:s}}", "schema", NF_SCHEMA, "error", "status", status,
                          "message", message);
    if (!take_json(v, status, out))
        return 0;
    /* Out of memory: a fixed body still tells the client. */
    static const char oom[] = "{\"schema\":\"" NF_SCHEMA "\",\"error\":{\"status\":500,"
                              "\"message\":\"out of memory\"}}\n";
    out->data = malloc(sizeof oom);
    if (!out->data)
        return -1;
    memcpy(out->data, oom, sizeof oom);
    out->len = sizeof oom - 1, out->status = 500;
    return 0;
}

/* Maps a library status onto an error response. */
static int library_error(int rc, const char *what, srv_body *out)
{
    if (rc == NF_ENOMEM)
        return srv_api_error(500, "out of memory", out);
    if (rc == NF_EEMPTY)
        return srv_api_error(422, what && *what ? what : "nothing to work on in these reports",
                             out);
    return srv_api_error(rc == NF_ELIMIT || rc == NF_EDATA ? 422 : 400,
                         what && *what ? what : nf_strerror(rc), out);
}

/* Why a document could not be read: an HTTP status and a message. */
typedef struct read_error {
    int status;
    char message[512];
} read_error;

/* Reads document d (number i of list) through the library's reader, in
 * its format, as newsfuse summarize reads a file: every report it holds
 * joins ds (seen: as already read), its title and date the document's
 * when it gives them; the reader's warnings, when warnings is not NULL,
 * join that array. Returns NF_OK, NF_ENOMEM, or NF_EDATA with why. */
static int read_document(nf_docset *ds, const srv_doc *d, const char *list, size_t i, int seen,
                         json_t *warnings, read_error *why)
{
    char name[32], where[48];
    snprintf(name, sizeof name, "%zu", i + 1); /* the id a report without one gets */
    snprintf(where, sizeof where, "%s[%zu]", list, i);
    nf_reader *r = NULL;
    int rc = nf_reader_open_buffer(d->text, d->len, d->id ? d->id : name, &r);
    if (rc == NF_OK)
        rc = nf_reader_set(r, "format", d->format);
    nf_docset *ev = NULL;
    size_t reports = 0;
    while (rc == NF_OK && (rc = nf_reader_next(r, &ev)) != NF_EEMPTY) {
        for (size_t k = 0; warnings && k < nf_reader_warning_count(r); k++)
            json_array_append_new(warnings, json_string(nf_reader_warning(r, k)));
        if (rc == NF_ENOMEM)
            break;
        if (rc != NF_OK) { /* the warnings say why when the reader skipped the document */
            long line = nf_reader_line(r);
            size_t nw = nf_reader_warning_count(r);
            why->status = 422;
            snprintf(why->message, sizeof why->message, "%s%s%.0ld: %s%s%s%s", where,
                     line ? ", line " : "", line, nf_reader_error(r), nw ? " (" : "",
                     nw ? nf_reader_warning(r, nw - 1) : "", nw ? ")" : "");
            break;
        }
        for (size_t k = 0; rc == NF_OK && k < nf_docset_count(ev); k++, reports++)
            rc = nf_docset_copy_report(ds, ev, k, NULL, d->title, d->date, seen);
        nf_docset_free(ev);
        ev = NULL;
    }
    for (size_t k = 0; warnings && rc == NF_EEMPTY && k < nf_reader_warning_count(r); k++)
        json_array_append_new(warnings, json_string(nf_reader_warning(r, k)));
    if (rc == NF_EEMPTY && !reports && !why->status) {
        why->status = 422;
        snprintf(why->message, sizeof why->message, "%s: no report in it", where);
    }
    nf_docset_free(ev);
    nf_reader_free(r);
    if (rc == NF_ENOMEM)
        return NF_ENOMEM;
    return why->status ? NF_EDATA : NF_OK;
}

/* Adds the parsed reports (and seen reports) to a new docset: a document
 * in format text as it is, any other through the reader. */
static int make_docset(const srv_request *req, nf_docset **out, json_t *warnings, read_error *why)
{
    nf_docset *ds = nf_docset_new();
    int rc = ds ? NF_OK : NF_ENOMEM;
    why->status = 0;
    for (int seen = 0; seen <= 1; seen++) {
        const srv_doc *docs = seen ? req->seen : req->docs;
        size_t n = seen ? req->nseen : req->ndocs;
        for (size_t i = 0; rc == NF_OK && i < n; i++) {
            const srv_doc *d = docs + i;
            if (!d->format || !strcmp(d->format, "text"))
                rc = (seen ? nf_docset_add_seen : nf_docset_add)(ds, d->id, d->title, d->date,
                                                                  d->text, d->len);
            else
                rc = read_document(ds, d, seen ? "seen" : "documents", i, seen, warnings, why);
        }
    }
    if (rc != NF_OK)
        nf_docset_free(ds), ds = NULL;
    *out = ds;
    return rc;
}

/* A document that could not be read: its error response. */
static int unread_error(int rc, const read_error *why, srv_body *out)
{
    return rc == NF_EDATA ? srv_api_error(why->status, why->message, out)
                          : srv_api_error(500, "out of memory", out);
}

/* Renders the figure sheet of ds as one line of JSON (caller nf_frees). */
static int render_facts(const nf_docset *ds, const nf_options *opts, char **json, size_t *len)
{
    nf_facts_sheet *sh = NULL;
    int rc = nf_facts(ds, opts, &sh);
    *json = NULL;
    if (sh && (rc == NF_OK || rc == NF_EEMPTY))
        rc = nf_facts_render(sh, "jsonl", json, len);
    nf_facts_free(sh);
    return rc;
}

/* The summary as the 200 response; with the option facts=1 the library
 * renders the figure sheet inside it ("facts"). */
static int summary_body(const nf_summary *s, srv_body *out)
{
    char *json = NULL;
    size_t len = 0;
    int rc = nf_summary_render(s, "jsonl", &json, &len);
    if (rc != NF_OK) {
        nf_free(json);
        return library_error(rc, NULL, out);
    }
    return take_rendered(json, len, 200, out);
}

/* POST /v1/summarize. */
static int run_summarize(const srv_request *req, srv_body *out)
{
    nf_docset *ds = NULL;
    nf_summary *s = NULL;
    read_error why;
    int rc = make_docset(req, &ds, NULL, &why);
    if (rc != NF_OK)
        return unread_error(rc, &why, out);
    rc = nf_summarize(ds, req->opts, &s);
    int result;
    if (rc == NF_OK)
        result = summary_body(s, out);
    else
        result = library_error(rc, s && nf_summary_warning_count(s) ? nf_summary_warning(s, 0)
                                                                    : NULL, out);
    nf_summary_free(s);
    nf_docset_free(ds);
    return result;
}

/* POST /v1/facts. */
static int run_facts(const srv_request *req, srv_body *out)
{
    nf_docset *ds = NULL;
    char *json = NULL;
    size_t len = 0;
    read_error why;
    int rc = make_docset(req, &ds, NULL, &why);
    if (rc != NF_OK)
        return unread_error(rc, &why, out);
    rc = render_facts(ds, req->opts, &json, &len);
    nf_docset_free(ds);
    if (rc != NF_OK) {
        nf_free(json);
        return library_error(rc, NULL, out);
    }
    return take_rendered(json, len, 200, out);
}

/* POST /v1/read: the reports as the library's reader reads the documents
 * (a web page's article text, title, date and URL; a text file's text),
 * the same reading as newsfuse summarize's, so a client can show what
 * will be summarized and send it back as text. */
static int run_read(const srv_request *req, srv_body *out)
{
    nf_docset *ds = NULL;
    read_error why;
    json_t *warnings = json_array(), *docs = json_array();
    int rc = warnings && docs ? make_docset(req, &ds, warnings, &why) : NF_ENOMEM;
    if (rc != NF_OK) {
        json_decref(warnings), json_decref(docs);
        return unread_error(rc, &why, out);
    }
    for (size_t i = 0; i < nf_docset_count(ds); i++) {
        size_t len;
        const char *text = nf_docset_text(ds, i, &len);
        json_array_append_new(docs, json_pack("{s:I, s:s, s:s?, s:s?, s:s?, s:I, s:s%}", "index",
                                              (json_int_t)i, "id", nf_docset_doc_id(ds, i), "title",
                                              nf_docset_doc_title(ds, i), "date",
                                              nf_docset_doc_date(ds, i), "url",
                                              nf_docset_doc_url(ds, i), "bytes", (json_int_t)len,
                                              "text", text, len));
    }
    nf_docset_free(ds);
    return take_json(json_pack("{s:s, s:o, s:o}", "schema", NF_SCHEMA, "documents", docs, "warnings",
                               warnings), 200, out);
}

/* Adds one summary to the scorer, split into SPL lines first. */
static int rouge_add_summary(nf_rouge *r, const srv_request *req, const srv_doc *d)
{
    char *spl = NULL;
    size_t n = 0;
    int rc = nf_rouge_spl(d->text, d->len, req->splitter, &spl, &n);
    if (rc == NF_OK)
        rc = nf_rouge_add_summary(r, d->title, d->id, spl, n);
    nf_free(spl);
    return rc;
}

/* Adds one cluster's references, each split into SPL lines first. */
static int rouge_add_refs(nf_rouge *r, const srv_request *req, const srv_refs *rf)
{
    char **spl = calloc(rf->n + 1, sizeof *spl);
    size_t *lens = calloc(rf->n + 1, sizeof *lens);
    int rc = spl && lens ? NF_OK : NF_ENOMEM;
    for (size_t k = 0; rc == NF_OK && k < rf->n; k++)
        rc = nf_rouge_spl(rf->texts[k], rf->lens[k], req->splitter, &spl[k], &lens[k]);
    if (rc == NF_OK)
        rc = nf_rouge_add_references(r, rf->id, (const char *const *)spl, lens, rf->n);
    for (size_t k = 0; spl && k < rf->n; k++)
        nf_free(spl[k]);
    free(spl), free(lens);
    return rc;
}

/* The defaults of `newsfuse rouge` without metric options. */
static const char default_flags[] = "-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5";

/* Fills the scorer from the request and scores. */
static int rouge_fill(nf_rouge *r, const srv_request *req)
{
    int rc = nf_rouge_set_flags(r, req->flags ? req->flags : default_flags);
    for (size_t i = 0; rc == NF_OK && i < req->nrefs; i++)
        rc = rouge_add_refs(r, req, req->refs + i);
    for (size_t i = 0; rc == NF_OK && i < req->nsummaries; i++)
        rc = rouge_add_summary(r, req, req->summaries + i);
    return rc == NF_OK ? nf_rouge_score(r) : rc;
}

/* POST /v1/rouge: duplicate ids are a bad request (400), a summary
 * without references or a reference without words is unusable (422). */
static int run_rouge(const srv_request *req, srv_body *out)
{
    nf_rouge *r = nf_rouge_new();
    if (!r)
        return srv_api_error(500, "out of memory", out);
    int rc = rouge_fill(r, req);
    char *json = NULL;
    size_t len = 0;
    if (rc == NF_OK)
        rc = nf_rouge_render(r, "json", 1, &json, &len);
    int result = rc == NF_OK ? take_rendered(json, len, 200, out)
                             : library_error(rc, nf_rouge_error(r), out);
    nf_rouge_free(r);
    return result;
}

int srv_api_run(const srv_request *req, srv_body *out)
{
    memset(out, 0, sizeof *out);
    if (req->route == SRV_SUMMARIZE)
        return run_summarize(req, out);
    if (req->route == SRV_FACTS)
        return run_facts(req, out);
    if (req->route == SRV_READ)
        return run_read(req, out);
    return run_rouge(req, out);
}

int srv_api_call(int route, const char *body, size_t len, const srv_limits *lim, srv_body *out)
{
    srv_request *req = NULL;
    srv_error err;
    memset(out, 0, sizeof *out);
    if (srv_request_parse(route, body, len, lim, &req, &err))
        return srv_api_error(err.status, err.message, out);
    int rc = srv_api_run(req, out);
    srv_request_free(req);
    return rc;
}

int srv_api_health(srv_body *out)
{
    return take_json(json_pack("{s:s,s:s}", "schema", NF_SCHEMA, "status", "ok"), 200, out);
}

/* A JSON array of a NULL-terminated list of strings, but for skip (NULL:
 * none). */
static json_t *string_list(const char *const *list, const char *skip)
{
    json_t *a = json_array();
    for (size_t i = 0; a && list[i]; i++)
        if (!skip || strcmp(list[i], skip))
            json_array_append_new(a, json_string(list[i]));
    return a;
}

int srv_api_version(const srv_limits *lim, int events, srv_body *out)
{
    json_t *v = json_pack("{s:s,s:s,s:s,s:o*,s:o*,s:o*,s:{s:I,s:I,s:I,s:f},s:b}", "schema", NF_SCHEMA,
                          "name", "newsfuse", "version", nf_version(), "methods",
                          string_list(nf_methods(), NULL), "options",
                          /* the options a request may set: idf is the operator's (403) */
                          string_list(nf_option_keys(), "idf"),
                          /* the names of "input" and a document's "format" */
                          "inputs", string_list(nf_reader_formats(), NULL),
                          "limits", "max_body_bytes", (json_int_t)lim->max_body, "max_documents",
                          (json_int_t)lim->max_documents, "max_document_bytes",
                          (json_int_t)lim->max_doc_bytes, "max_seconds", lim->max_seconds,
                          /* whether GET /v1/events answers (serve --db) */
                          "events", events);
    return take_json(v, 200, out);
}

/* ---- the events of a track database (serve --db) ---- */

/* Opens the database for one request: a reader sees the last commit of a
 * tracker writing at the same time. Returns NULL after queueing the error. */
static nf_track *open_events(const char *db, srv_body *out)
{
    nf_track *t = NULL;
    if (!db) {
        srv_api_error(404, "this server serves no events (newsfuse serve --db FILE)", out);
        return NULL;
    }
    int rc = nf_track_open(db, "r", &t);
    if (rc != NF_OK) {
        char msg[1100];
        snprintf(msg, sizeof msg, "the events database cannot be read: %s",
                 t ? nf_track_error(t) : nf_strerror(rc));
        srv_api_error(rc == NF_ENOMEM ? 500 : 503, msg, out);
        nf_track_free(t);
        return NULL;
    }
    return t;
}

/* A query value as a count in [min, max] (absent: dflt); -1 if it is not one. */
static long long query_count(const char *v, long long dflt, long long min, long long max)
{
    if (!v)
        return dflt;
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    return *v && !*end && !errno && n >= min && n <= max ? n : -1;
}

/* A rendered answer of the tracker (or its error) as the response. */
static int track_answer(nf_track *t, int rc, char *json, size_t len, srv_body *out)
{
    int result = rc == NF_OK ? take_rendered(json, len, 200, out)
                 : rc == NF_EEMPTY ? srv_api_error(404, nf_track_error(t), out)
                 : rc == NF_ENOMEM ? srv_api_error(500, "out of memory", out)
                                   : srv_api_error(503, nf_track_error(t), out);
    if (rc != NF_OK)
        nf_free(json);
    nf_track_free(t);
    return result;
}

int srv_api_events(const char *db, const char *limit, const char *before, srv_body *out)
{
    memset(out, 0, sizeof *out);
    long long n = query_count(limit, 20, 1, 100), cursor = query_count(before, 0, 0, LLONG_MAX);
    if (n < 0 || cursor < 0)
        return srv_api_error(400, n < 0 ? "limit must be a whole number from 1 to 100"
                                        : "before must be a cursor (\"next\" of a page)", out);
    nf_track *t = open_events(db, out);
    if (!t)
        return out->data ? 0 : -1;
    char *json = NULL;
    size_t len = 0;
    int rc = nf_track_events(t, (size_t)n, cursor, &json, &len);
    return track_answer(t, rc, json, len, out);
}

int srv_api_event(const char *db, const char *id, srv_body *out)
{
    memset(out, 0, sizeof *out);
    nf_track *t = open_events(db, out);
    if (!t)
        return out->data ? 0 : -1;
    char *json = NULL;
    size_t len = 0;
    int rc = nf_track_event(t, id, &json, &len);
    return track_answer(t, rc, json, len, out);
}
