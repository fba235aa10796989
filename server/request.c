/* The request parser: bytes of a JSON body in, a validated srv_request or
 * an error with its HTTP status out. Strict where a typo would silently
 * change the result (top-level fields, option names), lenient where other
 * tools add fields (document objects may carry "url" and the like). */
#include "request.h"
#include "core/utf8.h"
#include "eval/rouge_flags.h" /* rouge_flag_arity: which letters take a value */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most bootstrap resamples a ROUGE request may ask for: the cost of a
 * request must stay bounded by its size, and -r is a multiplier. */
#define MAX_RESAMPLES 10000L
/* The longest id, title, date or system name accepted. */
#define MAX_NAME_BYTES 1024
/* The most ROUGE work a request may ask for, in byte pairs: ROUGE-L costs
 * (summary length x its references' length) whatever the sentences, and
 * unlimited skip-bigrams (-2 -1) cost a text's length squared when it is
 * one sentence. 2e9 is about 4 s of one worker at worst (measured with
 * -n 4 -2 -1 -u -w 1.2 on one-line texts: 30 KB against 30 KB, 2.7e9,
 * 3.9 s); 100-word summaries against four references are about 2e6 each. */
#define MAX_ROUGE_WORK 2e9
/* The longest ROUGE flag string (check_resamples reads a copy of it). */
#define MAX_FLAGS_BYTES 500

int srv_fail(srv_error *err, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    utf8_cut_invalid(err->message); /* quoted input may end inside a character */
    err->status = status;
    return status;
}

void srv_request_free(srv_request *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ndocs; i++)
        free(r->docs[i].decoded);
    for (size_t i = 0; i < r->nseen; i++)
        free(r->seen[i].decoded);
    for (size_t i = 0; i < r->nrefs; i++)
        free(r->refs[i].texts), free(r->refs[i].lens);
    free(r->refs);
    free(r->summaries);
    free(r->docs);
    free(r->seen);
    nf_options_free(r->opts);
    json_decref((json_t *)r->json);
    free(r);
}

/* Returns 1 if s[0..n) holds nothing but ASCII white space. */
static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", s[i]) || !s[i])
            return 0;
    return 1;
}

/* Reads an optional name field (string or null) of obj into *out. Returns
 * 0 or 400. A name must not hold NUL bytes: it is used as a C string. */
static int get_name(json_t *obj, const char *key, const char *where, const char **out,
                    srv_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return srv_fail(err, 400, "%s: \"%s\" must be a string", where, key);
    size_t n = json_string_length(v);
    if (n > MAX_NAME_BYTES || strlen(json_string_value(v)) != n)
        return srv_fail(err, 400, "%s: \"%s\" is over %d bytes or holds a NUL", where, key,
                        MAX_NAME_BYTES);
    *out = json_string_value(v);
    return 0;
}

/* Reads a text (a JSON string) into d; 400 if it is not a string, 413 if
 * it is over the size limit. */
static int get_text(json_t *v, const char *where, const srv_limits *lim, srv_doc *d,
                    srv_error *err)
{
    if (!json_is_string(v))
        return srv_fail(err, 400, "%s must be a string", where);
    d->text = json_string_value(v);
    d->len = json_string_length(v);
    if (d->len > lim->max_doc_bytes)
        return srv_fail(err, 413, "%s is %zu bytes, over the limit of %zu", where, d->len,
                        lim->max_doc_bytes);
    return 0;
}

/* The value of a base64 letter, or -1. */
static int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
}

/* Decodes base64 s[0..n) (the standard or the URL alphabet; padding and
 * white space ignored) into a new buffer *out (malloc) of *len bytes.
 * Returns 0, -1 for a character that is not base64, -2 out of memory. */
static int b64_decode(const char *s, size_t n, char **out, size_t *len)
{
    unsigned char *o = malloc(n / 4 * 3 + 3);
    if (!o)
        return -2;
    unsigned long acc = 0;
    int bits = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '=' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        int v = b64_value(c);
        if (v < 0) {
            free(o);
            return -1;
        }
        acc = (acc << 6 | (unsigned long)v) & 0xffffff, bits += 6;
        if (bits >= 8)
            bits -= 8, o[k++] = (unsigned char)(acc >> bits);
    }
    *out = (char *)o, *len = k;
    return 0;
}

/* Returns 1 if name is a format of the library's reader. */
static int reader_knows(const char *name)
{
    for (const char *const *f = nf_reader_formats(); *f; f++)
        if (!strcmp(*f, name))
            return 1;
    nf_reader *r = NULL; /* another name for one ("jsonl") */
    int ok = nf_reader_open_buffer("", 0, NULL, &r) == NF_OK && nf_reader_set(r, "format", name) == NF_OK;
    nf_reader_free(r);
    return ok;
}

/* Reads a format field (a name of nf_reader_formats) into *out. */
static int get_format(json_t *obj, const char *key, const char *where, const char **out,
                      srv_error *err)
{
    const char *name;
    if (get_name(obj, key, where, &name, err))
        return err->status;
    if (name && !reader_knows(name))
        return srv_fail(err, 400, "%s: \"%s\" is not a format: the formats are those of "
                        "newsfuse summarize --input (text, html, auto...)", where, key);
    if (name)
        *out = name;
    return 0;
}

/* A document's bytes given as "base64" (a page in any charset, byte for
 * byte): decoded into d. */
static int get_base64(json_t *v, const char *where, const srv_limits *lim, srv_doc *d,
                      srv_error *err)
{
    if (!json_is_string(v))
        return srv_fail(err, 400, "%s.base64 must be a string", where);
    size_t n = json_string_length(v);
    if (n / 4 * 3 > lim->max_doc_bytes + 3)
        return srv_fail(err, 413, "%s is about %zu bytes, over the limit of %zu", where, n / 4 * 3,
                        lim->max_doc_bytes);
    int rc = b64_decode(json_string_value(v), n, &d->decoded, &d->len);
    if (rc == -2)
        return srv_fail(err, 500, "out of memory");
    if (rc)
        return srv_fail(err, 400, "%s.base64 is not base64", where);
    d->text = d->decoded;
    if (d->len > lim->max_doc_bytes)
        return srv_fail(err, 413, "%s is %zu bytes, over the limit of %zu", where, d->len,
                        lim->max_doc_bytes);
    return 0;
}

/* One report: a string, or an object {id?, title?, date?, format?, text}
 * or {..., base64} (its bytes). format: how to read it, default_format
 * when it does not say. */
static int parse_doc(json_t *v, const char *list, size_t i, const srv_limits *lim,
                     const char *default_format, srv_doc *d, srv_error *err)
{
    char where[80];
    snprintf(where, sizeof where, "%.16s[%zu]", list, i);
    memset(d, 0, sizeof *d);
    d->format = default_format;
    if (json_is_string(v))
        return get_text(v, where, lim, d, err);
    if (!json_is_object(v))
        return srv_fail(err, 400, "%s must be a string or an object with \"text\"", where);
    int rc = get_name(v, "id", where, &d->id, err);
    if (!rc)
        rc = get_name(v, "title", where, &d->title, err);
    if (!rc)
        rc = get_name(v, "date", where, &d->date, err);
    if (!rc)
        rc = get_format(v, "format", where, &d->format, err);
    if (rc)
        return rc;
    json_t *t = json_object_get(v, "text"), *b = json_object_get(v, "base64");
    if (t && b)
        return srv_fail(err, 400, "%s has both \"text\" and \"base64\": give one", where);
    if (b)
        return get_base64(b, where, lim, d, err);
    if (!t)
        return srv_fail(err, 400, "%s has no \"text\"", where);
    snprintf(where + strlen(where), sizeof where - strlen(where), ".text");
    return get_text(t, where, lim, d, err);
}

/* Reads the array field key of root (optional unless required) into a new
 * array of documents. Returns 0, 400, 413 or 500. */
static int parse_docs(json_t *root, const char *key, int required, const srv_limits *lim,
                      const char *format, srv_doc **out, size_t *n, srv_error *err)
{
    json_t *a = json_object_get(root, key);
    *out = NULL, *n = 0;
    if (!a && !required)
        return 0;
    if (!a)
        return srv_fail(err, 400, "\"%s\" is missing: an array of reports", key);
    if (!json_is_array(a))
        return srv_fail(err, 400, "\"%s\" must be an array", key);
    size_t count = json_array_size(a);
    if (count > lim->max_documents)
        return srv_fail(err, 413, "%zu %s, over the limit of %zu", count, key, lim->max_documents);
    if (!count)
        return 0;
    if (!(*out = calloc(count, sizeof **out)))
        return srv_fail(err, 500, "out of memory");
    *n = count;
    for (size_t i = 0; i < count; i++) {
        int rc = parse_doc(json_array_get(a, i), key, i, lim, format, *out + i, err);
        if (rc)
            return rc;
    }
    return 0;
}

/* Turns a JSON scalar into an option value string in buf. Returns 0, or
 * -1 for a value that cannot be one (array, object). null gives "". */
static int scalar_text(json_t *v, char *buf, size_t size, const char **out)
{
    *out = buf;
    if (json_is_string(v))
        *out = json_string_value(v);
    else if (json_is_integer(v))
        snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        snprintf(buf, size, "%.15g", json_real_value(v));
    else if (json_is_boolean(v))
        snprintf(buf, size, "%d", json_is_true(v));
    else if (json_is_null(v))
        *out = NULL;
    else
        return -1;
    return 0;
}

/* Applies one entry of "options" to the registry (booleans become 1 and
 * 0, so "facts": true asks for the figure sheet). The time limit may only
 * be lowered. */
static int apply_option(srv_request *r, const char *key, json_t *v, const srv_limits *lim,
                        srv_error *err)
{
    /* A path is the server operator's to choose: over HTTP it would let any
     * client make the server read a file of its choosing. */
    if (!strcmp(key, "idf"))
        return srv_fail(err, 403, "options.idf is not accepted over HTTP (a background table "
                                  "is the server's to load)");
    if (!nf_options_get(r->opts, key))
        return srv_fail(err, 400, "unknown option \"%.60s\" (the option names are those of "
                                  "newsfuse summarize, with _ for -)", key);
    char buf[64];
    const char *text;
    if (scalar_text(v, buf, sizeof buf, &text))
        return srv_fail(err, 400, "options.%.60s must be a string, number or boolean", key);
    if (!text)
        return 0;
    if (!strcmp(key, "max_seconds") && lim->max_seconds > 0 &&
        !(strtod(text, NULL) > 0 && strtod(text, NULL) <= lim->max_seconds))
        return srv_fail(err, 400, "options.max_seconds must be over 0 and at most %g here",
                        lim->max_seconds);
    int rc = nf_options_set(r->opts, key, text);
    if (rc == NF_ENOMEM)
        return srv_fail(err, 500, "out of memory");
    if (rc)
        return srv_fail(err, 400, "options.%.60s: %.400s", key, nf_options_error(r->opts));
    return 0;
}

/* Builds r->opts from the server's limits, then the "options" object. */
static int parse_options(json_t *root, srv_request *r, const srv_limits *lim, srv_error *err)
{
    if (!(r->opts = nf_options_new()))
        return srv_fail(err, 500, "out of memory");
    char buf[64];
    snprintf(buf, sizeof buf, "%g", lim->max_seconds);
    if (lim->max_seconds > 0 && nf_options_get(r->opts, "max_seconds") &&
        nf_options_set(r->opts, "max_seconds", buf) != NF_OK)
        return srv_fail(err, 500, "cannot set the time limit: %s", nf_options_error(r->opts));
    json_t *o = json_object_get(root, "options");
    if (!o || json_is_null(o))
        return 0;
    if (!json_is_object(o))
        return srv_fail(err, 400, "\"options\" must be an object");
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v) {
        int rc = apply_option(r, key, v, lim, err);
        if (rc)
            return rc;
    }
    return 0;
}

/* Returns 400 naming the first field of root that route does not know. */
static int check_fields(json_t *root, const char *const *known, srv_error *err)
{
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        size_t i = 0;
        while (known[i] && strcmp(known[i], key))
            i++;
        if (!known[i])
            return srv_fail(err, 400, "unknown field \"%.60s\"", key);
    }
    return 0;
}

/* summarize, facts and read: input, documents, seen (summarize only),
 * options (not read). */
static int parse_reports(json_t *root, srv_request *r, const srv_limits *lim, srv_error *err)
{
    static const char *const sum_fields[] = {"documents", "seen", "options", "input", NULL};
    static const char *const facts_fields[] = {"documents", "options", "input", NULL};
    static const char *const read_fields[] = {"documents", "input", NULL};
    int rc = check_fields(root, r->route == SRV_SUMMARIZE ? sum_fields
                                : r->route == SRV_FACTS ? facts_fields : read_fields, err);
    r->input = "text";
    if (!rc)
        rc = get_format(root, "input", "request", &r->input, err);
    if (!rc)
        rc = parse_docs(root, "documents", 1, lim, r->input, &r->docs, &r->ndocs, err);
    if (!rc)
        rc = parse_docs(root, "seen", 0, lim, r->input, &r->seen, &r->nseen, err);
    if (!rc && r->ndocs + r->nseen > lim->max_documents)
        rc = srv_fail(err, 413, "%zu reports in all, over the limit of %zu", r->ndocs + r->nseen,
                      lim->max_documents);
    if (!rc && r->route != SRV_READ)
        rc = parse_options(root, r, lim, err);
    if (rc)
        return rc;
    if (!r->ndocs)
        return srv_fail(err, 422, "no documents: give at least one report");
    for (size_t i = 0; i < r->ndocs; i++)
        if (!is_blank(r->docs[i].text, r->docs[i].len))
            return 0;
    return srv_fail(err, 422, "every document is empty");
}

/* rouge: one summary {id, summary, system?}. */
static int parse_summary(json_t *v, size_t i, const srv_limits *lim, srv_doc *d, srv_error *err)
{
    char where[80];
    snprintf(where, sizeof where, "summaries[%zu]", i);
    if (!json_is_object(v))
        return srv_fail(err, 400, "%s must be an object {\"id\", \"summary\"}", where);
    int rc = get_name(v, "id", where, &d->id, err);
    if (!rc)
        rc = get_name(v, "system", where, &d->title, err);
    if (rc)
        return rc;
    if (!d->id)
        return srv_fail(err, 400, "%s has no \"id\"", where);
    if (!d->title)
        d->title = "system";
    json_t *t = json_object_get(v, "summary");
    if (!t)
        return srv_fail(err, 400, "%s has no \"summary\"", where);
    snprintf(where + strlen(where), sizeof where - strlen(where), ".summary");
    return get_text(t, where, lim, d, err);
}

/* rouge: one cluster's references {id, references: [strings]}. */
static int parse_refs(json_t *v, size_t i, const srv_limits *lim, srv_refs *rf, srv_error *err)
{
    char where[80];
    snprintf(where, sizeof where, "references[%zu]", i);
    if (!json_is_object(v))
        return srv_fail(err, 400, "%s must be an object {\"id\", \"references\"}", where);
    if (get_name(v, "id", where, &rf->id, err))
        return err->status;
    json_t *a = json_object_get(v, "references");
    if (!rf->id || !json_is_array(a))
        return srv_fail(err, 400, "%s needs an \"id\" and an array \"references\"", where);
    rf->n = json_array_size(a);
    if (rf->n > lim->max_documents)
        return srv_fail(err, 413, "%s: %zu references, over the limit of %zu", where, rf->n,
                        lim->max_documents);
    rf->texts = calloc(rf->n + 1, sizeof *rf->texts);
    rf->lens = calloc(rf->n + 1, sizeof *rf->lens);
    if (!rf->texts || !rf->lens)
        return srv_fail(err, 500, "out of memory");
    for (size_t k = 0; k < rf->n; k++) {
        srv_doc d;
        snprintf(where, sizeof where, "references[%zu].references[%zu]", i, k);
        if (get_text(json_array_get(a, k), where, lim, &d, err))
            return err->status;
        rf->texts[k] = d.text, rf->lens[k] = d.len;
    }
    return 0;
}

/* Checks the -r of a ROUGE flag string: switches may be bundled ("-mr")
 * and values attached ("-r5"), as nf_rouge_set_flags reads them. */
static int check_resamples(const char *flags, srv_error *err)
{
    char copy[512];
    snprintf(copy, sizeof copy, "%s", flags);
    char *save = NULL, *tok = strtok_r(copy, " \t\r\n", &save);
    while (tok) {
        const char *value = NULL, *letter = "";
        for (const char *p = tok + 1; tok[0] == '-' && tok[1] != '-' && *p; p++)
            if (rouge_flag_arity(*p) == 1) {
                letter = p;
                value = p[1] ? p + 1 : strtok_r(NULL, " \t\r\n", &save);
                break;
            }
        if (*letter == 'r' && value && strtol(value, NULL, 10) > MAX_RESAMPLES)
            return srv_fail(err, 400, "flags: -r is at most %ld here", MAX_RESAMPLES);
        tok = strtok_r(NULL, " \t\r\n", &save);
    }
    return 0;
}

/* rouge: validates "flags" and "split" without scoring anything. */
static int parse_rouge_settings(json_t *root, srv_request *r, srv_error *err)
{
    if (get_name(root, "flags", "request", &r->flags, err))
        return err->status;
    const char *split = NULL;
    if (get_name(root, "split", "request", &split, err))
        return err->status;
    r->splitter = NULL;
    for (const char *const *s = nf_rouge_splitters(); *s; s++)
        if (!split || !strcmp(split, *s))
            r->splitter = split ? *s : "newsfuse";
    if (!r->splitter)
        return srv_fail(err, 400, "\"split\" must be newsfuse, regex or lines");
    if (!r->flags)
        return 0;
    if (strlen(r->flags) > MAX_FLAGS_BYTES)
        return srv_fail(err, 400, "flags: at most %d bytes", MAX_FLAGS_BYTES);
    nf_rouge *probe = nf_rouge_new();
    if (!probe)
        return srv_fail(err, 500, "out of memory");
    int rc = nf_rouge_set_flags(probe, r->flags);
    if (rc)
        srv_fail(err, rc == NF_ENOMEM ? 500 : 400, "flags: %.200s", nf_rouge_error(probe));
    nf_rouge_free(probe);
    return rc ? err->status : check_resamples(r->flags, err);
}

/* Bounds the cost of scoring before anything is scored (MAX_ROUGE_WORK):
 * 413 if the texts are too long to compare. */
static int check_rouge_work(const srv_request *r, srv_error *err)
{
    double work = 0;
    for (size_t i = 0; i < r->nrefs; i++)
        for (size_t k = 0; k < r->refs[i].n; k++)
            work += (double)r->refs[i].lens[k] * (double)r->refs[i].lens[k];
    for (size_t s = 0; s < r->nsummaries; s++) {
        const srv_doc *d = r->summaries + s;
        double refs = 0;
        for (size_t i = 0; i < r->nrefs; i++)
            for (size_t k = 0; !strcmp(r->refs[i].id, d->id) && k < r->refs[i].n; k++)
                refs += (double)r->refs[i].lens[k];
        work += (double)d->len * (refs + (double)d->len);
    }
    if (work > MAX_ROUGE_WORK)
        return srv_fail(err, 413, "the texts are too long to compare: %.2g byte pairs "
                                  "(summary x its references), over the limit of %.2g",
                        work, MAX_ROUGE_WORK);
    return 0;
}

/* rouge: summaries, references, flags, split. */
static int parse_rouge(json_t *root, srv_request *r, const srv_limits *lim, srv_error *err)
{
    static const char *const fields[] = {"summaries", "references", "flags", "split", NULL};
    if (check_fields(root, fields, err) || parse_rouge_settings(root, r, err))
        return err->status;
    json_t *s = json_object_get(root, "summaries"), *f = json_object_get(root, "references");
    if (!json_is_array(s) || !json_is_array(f))
        return srv_fail(err, 400, "\"summaries\" and \"references\" must be arrays");
    size_t ns = json_array_size(s), nr = json_array_size(f);
    if (ns > lim->max_documents || nr > lim->max_documents)
        return srv_fail(err, 413, "%zu summaries and %zu references, over the limit of %zu",
                        ns, nr, lim->max_documents);
    if (!ns || !nr)
        return srv_fail(err, 422, "nothing to score: give summaries and references");
    r->summaries = calloc(ns, sizeof *r->summaries);
    r->refs = calloc(nr, sizeof *r->refs);
    if (!r->summaries || !r->refs)
        return srv_fail(err, 500, "out of memory");
    for (; r->nsummaries < ns; r->nsummaries++)
        if (parse_summary(json_array_get(s, r->nsummaries), r->nsummaries, lim,
                          r->summaries + r->nsummaries, err))
            return err->status;
    for (; r->nrefs < nr; r->nrefs++)
        if (parse_refs(json_array_get(f, r->nrefs), r->nrefs, lim, r->refs + r->nrefs, err)) {
            r->nrefs++; /* so that srv_request_free releases its arrays */
            return err->status;
        }
    return check_rouge_work(r, err);
}

/* Parses the JSON text itself: 413 over the body limit, 400 if it is not
 * one JSON object (jansson's message says where). */
static int parse_json(const char *body, size_t len, const srv_limits *lim, json_t **root,
                      srv_error *err)
{
    if (len > lim->max_body)
        return srv_fail(err, 413, "the request body is %zu bytes, over the limit of %zu", len,
                        lim->max_body);
    if (!len)
        return srv_fail(err, 400, "empty request body: send a JSON object");
    json_error_t je;
    *root = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!*root)
        return srv_fail(err, 400, "invalid JSON at line %d, column %d: %.150s", je.line,
                        je.column, je.text);
    if (!json_is_object(*root))
        return srv_fail(err, 400, "the request body must be a JSON object");
    return 0;
}

int srv_request_parse(int route, const char *body, size_t len, const srv_limits *lim,
                      srv_request **out, srv_error *err)
{
    *out = NULL;
    err->status = 0, err->message[0] = '\0';
    srv_request *r = calloc(1, sizeof *r);
    if (!r)
        return srv_fail(err, 500, "out of memory");
    r->route = route;
    json_t *root = NULL;
    int rc = parse_json(body, len, lim, &root, err);
    r->json = root;
    if (!rc)
        rc = route == SRV_ROUGE ? parse_rouge(root, r, lim, err) : parse_reports(root, r, lim, err);
    if (rc) {
        srv_request_free(r);
        return rc;
    }
    *out = r;
    return 0;
}
