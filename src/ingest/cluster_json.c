/* Cluster JSONL: one event per line, the format of every evaluation set. */
#include "core/alloc.h"
#include "ingest/docset.h"
#include <jansson.h>
#include <string.h>

/* Reads an optional string member: NF_OK with *out NULL when absent or
 * null, NF_EDATA when present with another type. */
static int opt_string(nf_docset *ds, json_t *obj, const char *key, const char *where,
                      const char **out, size_t *len)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (len)
        *len = 0;
    if (!v || json_is_null(v))
        return NF_OK;
    if (!json_is_string(v))
        return docset_fail(ds, NF_EDATA, "%s: \"%s\" must be a string", where, key);
    *out = json_string_value(v);
    if (len)
        *len = json_string_length(v);
    return NF_OK;
}

/* Adds documents[i], an object with "text" or a plain string. */
static int add_document(nf_docset *ds, json_t *d, size_t i)
{
    char where[64];
    snprintf(where, sizeof where, "documents[%zu]", i);
    if (json_is_string(d))
        return nf_docset_add(ds, NULL, NULL, NULL, json_string_value(d), json_string_length(d));
    if (!json_is_object(d))
        return docset_fail(ds, NF_EDATA, "%s: must be an object or a string", where);
    const char *id, *title, *date, *url, *text;
    size_t len;
    int rc;
    if ((rc = opt_string(ds, d, "id", where, &id, NULL)) ||
        (rc = opt_string(ds, d, "title", where, &title, NULL)) ||
        (rc = opt_string(ds, d, "date", where, &date, NULL)) ||
        (rc = opt_string(ds, d, "url", where, &url, NULL)) ||
        (rc = opt_string(ds, d, "text", where, &text, &len)))
        return rc;
    if (!text)
        return docset_fail(ds, NF_EDATA, "%s: missing \"text\"", where);
    return docset_add_mapped(ds, 0, id, title, date, url, text, len, NULL, 0);
}

static int add_documents(nf_docset *ds, json_t *root)
{
    json_t *docs = json_object_get(root, "documents");
    if (!docs)
        return docset_fail(ds, NF_EDATA, "missing \"documents\"");
    if (!json_is_array(docs))
        return docset_fail(ds, NF_EDATA, "\"documents\" must be an array");
    for (size_t i = 0; i < json_array_size(docs); i++) {
        int rc = add_document(ds, json_array_get(docs, i), i);
        if (rc)
            return rc;
    }
    return NF_OK;
}

static int add_references(nf_docset *ds, json_t *root)
{
    json_t *refs = json_object_get(root, "references");
    if (!refs || json_is_null(refs))
        return NF_OK;
    if (!json_is_array(refs))
        return docset_fail(ds, NF_EDATA, "\"references\" must be an array of strings");
    for (size_t i = 0; i < json_array_size(refs); i++) {
        json_t *r = json_array_get(refs, i);
        if (!json_is_string(r))
            return docset_fail(ds, NF_EDATA, "references[%zu]: must be a string", i);
        if (docset_add_reference(ds, json_string_value(r), json_string_length(r)))
            return docset_fail(ds, NF_ENOMEM, "out of memory");
    }
    return NF_OK;
}

/* The topic of query-focused sets: {"title", "narrative"} joined by ". ",
 * or a plain string. */
static int add_topic(nf_docset *ds, json_t *root)
{
    json_t *t = json_object_get(root, "topic");
    const char *title = NULL, *narr = NULL;
    int rc;
    if (!t || json_is_null(t))
        return NF_OK;
    if (json_is_string(t))
        title = json_string_value(t);
    else if (!json_is_object(t))
        return docset_fail(ds, NF_EDATA, "\"topic\" must be an object or a string");
    else if ((rc = opt_string(ds, t, "title", "topic", &title, NULL)) ||
             (rc = opt_string(ds, t, "narrative", "topic", &narr, NULL)))
        return rc;
    size_t n = (title ? strlen(title) : 0) + (narr ? strlen(narr) : 0) + 3;
    char *s = arena_alloc(&ds->mem, n);
    if (!s)
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    snprintf(s, n, "%s%s%s", title ? title : "", title && narr ? ". " : "", narr ? narr : "");
    ds->topic = s;
    return NF_OK;
}

static int add_header(nf_docset *ds, json_t *root)
{
    const char *id, *set;
    int rc;
    if ((rc = opt_string(ds, root, "id", "event", &id, NULL)) ||
        (rc = opt_string(ds, root, "update_set", "event", &set, NULL)))
        return rc;
    if (nf_docset_set_id(ds, id))
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    ds->update_set = set ? arena_strndup(&ds->mem, set, strlen(set)) : NULL;
    return set && !ds->update_set ? docset_fail(ds, NF_ENOMEM, "out of memory") : NF_OK;
}

static int add_json(nf_docset *ds, const char *line, size_t len);

int nf_docset_add_json(nf_docset *ds, const char *line, size_t len)
{
    unsigned long failures0 = alloc_failures();
    int rc = add_json(ds, line, len);
    /* jansson may absorb a failure by cutting a string short, or report it
     * as a parse error ("column -1"): either way the line was not read. */
    if (rc != NF_ENOMEM && alloc_failures() != failures0)
        rc = docset_fail(ds, NF_ENOMEM, "out of memory");
    return rc;
}

static int add_json(nf_docset *ds, const char *line, size_t len)
{
    /* Invalid UTF-8 is repaired before parsing, so one bad byte costs a
     * warning, not the whole event. */
    utf8_repair r;
    if (utf8_repair_text(line, len, &r))
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    json_error_t e;
    json_t *root = json_loadb(r.text, r.len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &e);
    size_t replaced = r.nfixes;
    utf8_repair_free(&r);
    if (!root)
        return docset_fail(ds, e.position >= (int)len ? NF_EDATA : NF_EDATA,
                           "column %d: %s", e.column, e.text);
    int rc = NF_OK;
    if (!json_is_object(root))
        rc = docset_fail(ds, NF_EDATA, "a cluster must be a JSON object");
    else if (!(rc = add_header(ds, root)) && !(rc = add_documents(ds, root)) &&
             !(rc = add_references(ds, root)))
        rc = add_topic(ds, root);
    json_decref(root);
    ds->replaced += replaced;
    return rc;
}
