/* Article JSONL lines (batch.h): one report per line, with the event it
 * belongs to; consecutive lines of one event make one document set. */
#include "ingest/article_jsonl.h"
#include "core/alloc.h"
#include "ingest/docset.h"
#include "core/utf8.h"
#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Reads an optional string member; 0 or -1 (wrong type, err filled). */
static int article_string(json_t *root, const char *key, const char **out, char *err, size_t errlen)
{
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return 0;
    }
    snprintf(err, errlen, "\"%s\" must be a string or null", key);
    return -1;
}

/* Reads the event key: a non-empty string or an integer; absent or null,
 * the article has no event (a->event NULL). A string with a NUL byte
 * (\u0000) is refused: the key is used as a C string, so it would be cut
 * there, and events that differ after the NUL would merge (an empty key
 * made a set with an empty id). */
static int article_event(article_line *a, json_t *root, char *err, size_t errlen)
{
    json_t *v = json_object_get(root, "event");
    if (!v || json_is_null(v))
        a->event = NULL;
    else if (json_is_integer(v)) {
        snprintf(a->event_buf, sizeof a->event_buf, "%lld", (long long)json_integer_value(v));
        a->event = a->event_buf;
    } else if (json_is_string(v) && json_string_length(v) > 0 &&
               strlen(json_string_value(v)) == json_string_length(v))
        a->event = json_string_value(v);
    else {
        snprintf(err, errlen, "\"event\" must be a non-empty string without NUL bytes, an integer "
                 "or null");
        return -1;
    }
    return 0;
}

/* Checks the members of a parsed line and points *a at them. */
static int article_fields(article_line *a, json_t *root, char *err, size_t errlen)
{
    if (!json_is_object(root)) {
        snprintf(err, errlen, "an article must be a JSON object");
        return NF_EDATA;
    }
    if (article_string(root, "id", &a->id, err, errlen))
        return NF_EDATA; /* first, so an error record can name the article */
    json_t *text = json_object_get(root, "text");
    if (!json_is_string(text)) {
        snprintf(err, errlen, "\"text\" must be a string");
        return NF_EDATA;
    }
    a->text = json_string_value(text);
    a->text_len = json_string_length(text);
    if (article_event(a, root, err, errlen) || article_string(root, "title", &a->title, err, errlen) ||
        article_string(root, "date", &a->date, err, errlen) ||
        article_string(root, "url", &a->url, err, errlen))
        return NF_EDATA;
    return NF_OK;
}

static int article_line_read(article_line *a, const char *line, size_t len, char *err, size_t errlen);

int article_line_parse(article_line *a, const char *line, size_t len, char *err, size_t errlen)
{
    unsigned long failures = alloc_failures();
    int rc = article_line_read(a, line, len, err, errlen);
    /* jansson reports running out of memory as a parse error ("column -1"):
     * the line was not read */
    if (rc != NF_ENOMEM && alloc_failures() != failures) {
        snprintf(err, errlen, "out of memory");
        rc = NF_ENOMEM;
    }
    return rc;
}

static int article_line_read(article_line *a, const char *line, size_t len, char *err, size_t errlen)
{
    memset(a, 0, sizeof *a);
    err[0] = '\0';
    utf8_repair r;
    if (utf8_repair_text(line, len, &r)) {
        snprintf(err, errlen, "out of memory");
        return NF_ENOMEM;
    }
    json_error_t e;
    json_t *root = json_loadb(r.text, r.len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &e);
    a->replaced = r.nfixes;
    utf8_repair_free(&r);
    if (!root) {
        /* jansson quotes the bytes it stopped at, which may end inside a
         * character (so may errlen): cut there, as the cluster reader
         * does, since the message goes into a JSON error record. */
        snprintf(err, errlen, "column %d: %s", e.column, e.text);
        utf8_cut_invalid(err);
        return NF_EDATA;
    }
    a->json = root;
    return article_fields(a, root, err, errlen);
}

int article_line_add(nf_docset *ds, const article_line *a)
{
    int rc = docset_add_mapped(ds, 0, a->id, a->title, a->date, a->url, a->text, a->text_len,
                               NULL, 0);
    if (rc == NF_OK)
        ds->replaced += a->replaced;
    return rc;
}

void article_line_free(article_line *a)
{
    json_decref(a->json);
    a->json = NULL;
}

int article_is_line(const char *line, size_t len)
{
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL, NULL);
    int kind = !json_is_object(root) ? -1
               : !json_object_get(root, "documents") &&
                 (json_object_get(root, "event") || json_object_get(root, "text")) ? 1 : 0;
    json_decref(root);
    return kind;
}

/* Makes the set of a new event: empty, with the event as its id (none for
 * articles without an event). */
static nf_docset *article_event_set(const char *event)
{
    nf_docset *ds = nf_docset_new();
    if (ds && nf_docset_set_id(ds, event) != NF_OK) {
        nf_docset_free(ds);
        ds = NULL;
    }
    return ds;
}

int article_group(nf_docset **open, nf_docset **closed, const char *line, size_t len,
                        char **bad_id, char *err, size_t errlen)
{
    article_line a;
    *closed = NULL, *bad_id = NULL;
    int rc = article_line_parse(&a, line, len, err, errlen);
    if (rc == NF_EDATA && a.id && !(*bad_id = xstrdup(a.id)))
        rc = NF_ENOMEM;
    const char *open_event = *open ? nf_docset_id(*open) : NULL;
    int same = open_event && a.event ? !strcmp(open_event, a.event) : open_event == a.event;
    if (rc == NF_OK && *open && !same) {
        *closed = *open; /* the event ends where another begins */
        *open = NULL;
    }
    if (rc == NF_OK && !*open && !(*open = article_event_set(a.event)))
        rc = NF_ENOMEM;
    if (rc == NF_OK)
        rc = article_line_add(*open, &a);
    if (rc == NF_ENOMEM)
        snprintf(err, errlen, "out of memory");
    article_line_free(&a);
    return rc;
}
