#include "ingest/docset.h"
#include "core/alloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

nf_docset *nf_docset_new(void) { return xcalloc(1, sizeof(nf_docset)); }

/* Frees what a document holds outside the arena. */
static void document_release(document *d)
{
    xfree(d->fixes);
    xfree(d->source);
    d->fixes = NULL, d->source = NULL;
}

void nf_docset_free(nf_docset *ds)
{
    if (!ds)
        return;
    for (size_t i = 0; i < ds->ndocs; i++)
        document_release(&ds->docs[i]);
    for (size_t i = 0; i < ds->nseen; i++)
        document_release(&ds->seen[i]);
    xfree(ds->docs);
    xfree(ds->seen);
    xfree(ds->refs);
    xfree(ds->warnings);
    xfree(ds->pending);
    arena_free(&ds->mem);
    xfree(ds);
}

int docset_fail(nf_docset *ds, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ds->err, sizeof ds->err, fmt, ap);
    va_end(ap);
    utf8_cut_invalid(ds->err);
    return code;
}

/* Copies an optional string into the arena; *out = NULL for NULL. */
static int copy_opt(nf_docset *ds, const char *s, const char **out)
{
    *out = NULL;
    if (!s)
        return 0;
    *out = arena_strndup(&ds->mem, s, strlen(s));
    return *out ? 0 : -1;
}

/* Repairs text into the arena and records the fixes on d. */
static int store_text(nf_docset *ds, document *d, const char *text, size_t len)
{
    utf8_repair r;
    if (utf8_repair_text(text, len, &r))
        return -1;
    char *t = arena_strndup(&ds->mem, r.text, r.len);
    d->text = t;
    d->len = r.len;
    d->fixes = r.fixes;
    d->nfixes = r.nfixes;
    ds->replaced += r.nfixes;
    r.fixes = NULL;
    utf8_repair_free(&r);
    return t ? 0 : -1;
}

/* Copies n runs into d->source (none: NULL). */
static int store_source(document *d, const nf_page_span *source, size_t n)
{
    if (!n)
        return 0;
    d->source = xmalloc(n * sizeof *source);
    if (!d->source)
        return -1;
    memcpy(d->source, source, n * sizeof *source);
    d->nsource = n;
    return 0;
}

/* Appends a document with its fields set to the list of ds (reports, or
 * seen ones); the id is numbered when none is given. */
static document *append(nf_docset *ds, int seen, const char **id, char idbuf[32])
{
    document **docs = seen ? &ds->seen : &ds->docs;
    size_t *n = seen ? &ds->nseen : &ds->ndocs, *cap = seen ? &ds->seencap : &ds->cap;
    if (GROW(*docs, *cap, *n + 1))
        return NULL;
    document *d = &(*docs)[*n];
    memset(d, 0, sizeof *d);
    if (!*id) {
        snprintf(idbuf, 32, "%zu", *n + 1);
        *id = idbuf;
    }
    return d;
}

int docset_add_mapped(nf_docset *ds, int seen, const char *id, const char *title, const char *date,
                      const char *url, const char *text, size_t len, const nf_page_span *source,
                      size_t nsource)
{
    if (!ds || (!text && len) || (!source && nsource))
        return NF_EINVAL;
    char idbuf[32];
    document *d = append(ds, seen, &id, idbuf);
    if (!d)
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    if (copy_opt(ds, id, &d->id) || copy_opt(ds, title, &d->title) ||
        copy_opt(ds, date, &d->date) || copy_opt(ds, url, &d->url) ||
        store_text(ds, d, text ? text : "", len) || store_source(d, source, nsource)) {
        document_release(d);
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    }
    (*(seen ? &ds->nseen : &ds->ndocs))++;
    return NF_OK;
}

int nf_docset_add(nf_docset *ds, const char *id, const char *title, const char *date,
                  const char *text, size_t len)
{
    return docset_add_mapped(ds, 0, id, title, date, NULL, text, len, NULL, 0);
}

int nf_docset_add_seen(nf_docset *ds, const char *id, const char *title, const char *date,
                       const char *text, size_t len)
{
    return docset_add_mapped(ds, 1, id, title, date, NULL, text, len, NULL, 0);
}

int nf_docset_copy_report(nf_docset *ds, const nf_docset *from, size_t i, const char *id,
                          const char *title, const char *date, int seen)
{
    if (!ds || !from || i >= from->ndocs || ds == from)
        return NF_EINVAL;
    const document *s = &from->docs[i];
    char idbuf[32];
    const char *want = id ? id : s->id;
    document *d = append(ds, seen, &want, idbuf);
    if (!d)
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    /* The stored text is valid already: copied as it is, with the fixes
     * that map it back to the bytes first given. */
    d->len = s->len;
    if (copy_opt(ds, want, &d->id) || copy_opt(ds, title ? title : s->title, &d->title) ||
        copy_opt(ds, date ? date : s->date, &d->date) || copy_opt(ds, s->url, &d->url) ||
        !(d->text = arena_strndup(&ds->mem, s->text, s->len)) ||
        store_source(d, s->source, s->nsource) ||
        (s->nfixes && !(d->fixes = xmalloc(s->nfixes * sizeof *s->fixes)))) {
        document_release(d);
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    }
    if (s->nfixes)
        memcpy(d->fixes, s->fixes, s->nfixes * sizeof *s->fixes);
    d->nfixes = s->nfixes;
    ds->replaced += s->nfixes;
    (*(seen ? &ds->nseen : &ds->ndocs))++;
    return NF_OK;
}

size_t nf_docset_seen_count(const nf_docset *ds) { return ds ? ds->nseen : 0; }

int nf_docset_set_id(nf_docset *ds, const char *id)
{
    if (!ds)
        return NF_EINVAL;
    return copy_opt(ds, id, &ds->id) ? NF_ENOMEM : NF_OK;
}

int docset_add_warning(nf_docset *ds, const char *msg)
{
    if (GROW(ds->warnings, ds->warncap, ds->nwarnings + 1))
        return NF_ENOMEM;
    const char *w = arena_strndup(&ds->mem, msg, strlen(msg));
    if (!w)
        return NF_ENOMEM;
    ds->warnings[ds->nwarnings++] = w;
    return NF_OK;
}

int docset_add_reference(nf_docset *ds, const char *text, size_t len)
{
    if (GROW(ds->refs, ds->refcap, ds->nrefs + 1))
        return NF_ENOMEM;
    const char *r = arena_strndup(&ds->mem, text, len);
    if (!r)
        return NF_ENOMEM;
    ds->refs[ds->nrefs++] = r;
    return NF_OK;
}

size_t nf_docset_count(const nf_docset *ds) { return ds ? ds->ndocs : 0; }
const char *nf_docset_error(const nf_docset *ds) { return ds ? ds->err : ""; }
const char *nf_docset_id(const nf_docset *ds) { return ds ? ds->id : NULL; }
size_t nf_docset_reference_count(const nf_docset *ds) { return ds ? ds->nrefs : 0; }
const char *nf_docset_topic(const nf_docset *ds) { return ds ? ds->topic : NULL; }
const char *nf_docset_update_set(const nf_docset *ds) { return ds ? ds->update_set : NULL; }

const char *nf_docset_reference(const nf_docset *ds, size_t i)
{
    return ds && i < ds->nrefs ? ds->refs[i] : NULL;
}

const char *nf_docset_doc_id(const nf_docset *ds, size_t i)
{
    return ds && i < ds->ndocs ? ds->docs[i].id : NULL;
}

const char *nf_docset_doc_title(const nf_docset *ds, size_t i)
{
    return ds && i < ds->ndocs ? ds->docs[i].title : NULL;
}

const char *nf_docset_doc_date(const nf_docset *ds, size_t i)
{
    return ds && i < ds->ndocs ? ds->docs[i].date : NULL;
}

const char *nf_docset_doc_url(const nf_docset *ds, size_t i)
{
    return ds && i < ds->ndocs ? ds->docs[i].url : NULL;
}

const char *nf_docset_text(const nf_docset *ds, size_t i, size_t *len)
{
    if (!ds || i >= ds->ndocs)
        return NULL;
    if (len)
        *len = ds->docs[i].len;
    return ds->docs[i].text;
}

/* ---- Provenance: text offsets back to the source ---- */

/* The index of the last run of d starting at or before text offset t (0
 * when t is before the first). */
static size_t run_at(const document *d, size_t t)
{
    size_t lo = 0, hi = d->nsource;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (d->source[mid].text <= t)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t docset_source_offset(const document *d, size_t t, int end)
{
    if (!d->nsource)
        return t;
    if (end && t == 0)
        end = 0;
    size_t u = end ? t - 1 : t;
    size_t k = run_at(d, u);
    const nf_page_span *r = &d->source[k];
    if (u < r->text) /* before the first run */
        return r->html;
    if (u >= r->text + r->text_len) { /* between runs: text the reader wrote */
        if (!end && k + 1 < d->nsource)
            return d->source[k + 1].html;
        return r->html + r->html_len;
    }
    if (!r->exact)
        return end ? r->html + r->html_len : r->html;
    return r->html + (u - r->text) + (end ? 1 : 0);
}

int nf_docset_source_span(const nf_docset *ds, size_t doc, size_t start, size_t end,
                          size_t *src_start, size_t *src_end)
{
    if (!ds || doc >= ds->ndocs || start > end)
        return NF_EINVAL;
    const document *d = &ds->docs[doc];
    size_t a = docset_source_offset(d, start, 0), b = end > start ? docset_source_offset(d, end, 1) : a;
    if (src_start)
        *src_start = a;
    if (src_end)
        *src_end = b > a ? b : a;
    return NF_OK;
}

/* ---- Deferred records ---- */

int docset_defer(nf_docset *ds, const char *raw, size_t len, docset_read_fn read)
{
    char *copy = xmalloc(len ? len : 1);
    if (!copy)
        return NF_ENOMEM;
    memcpy(copy, raw, len);
    xfree(ds->pending);
    ds->pending = copy, ds->pending_len = len, ds->pending_read = read;
    return NF_OK;
}

size_t nf_docset_pending(const nf_docset *ds)
{
    return ds && ds->pending ? ds->pending_len : 0;
}

int nf_docset_read_pending(nf_docset *ds)
{
    if (!ds)
        return NF_EINVAL;
    if (!ds->pending)
        return NF_OK;
    char *raw = ds->pending;
    size_t len = ds->pending_len;
    ds->pending = NULL, ds->pending_len = 0;
    int rc = ds->pending_read(ds, raw, len);
    xfree(raw);
    return rc;
}
