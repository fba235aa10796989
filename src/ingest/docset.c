#include "ingest/docset.h"
#include "core/alloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

nf_docset *nf_docset_new(void) { return xcalloc(1, sizeof(nf_docset)); }

void nf_docset_free(nf_docset *ds)
{
    if (!ds)
        return;
    for (size_t i = 0; i < ds->ndocs; i++)
        xfree(ds->docs[i].fixes);
    for (size_t i = 0; i < ds->nseen; i++)
        xfree(ds->seen[i].fixes);
    xfree(ds->docs);
    xfree(ds->seen);
    xfree(ds->refs);
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

/* Appends a document to the list (*docs, *n, *cap). */
static int add_to(nf_docset *ds, document **docs, size_t *n, size_t *cap, const char *id,
                  const char *title, const char *date, const char *text, size_t len)
{
    if (!ds || (!text && len))
        return NF_EINVAL;
    if (GROW(*docs, *cap, *n + 1))
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    document *d = &(*docs)[*n];
    memset(d, 0, sizeof *d);
    char idbuf[32];
    if (!id) {
        snprintf(idbuf, sizeof idbuf, "%zu", *n + 1);
        id = idbuf;
    }
    if (copy_opt(ds, id, &d->id) || copy_opt(ds, title, &d->title) ||
        copy_opt(ds, date, &d->date) || store_text(ds, d, text ? text : "", len)) {
        xfree(d->fixes);
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    }
    (*n)++;
    return NF_OK;
}

int nf_docset_add(nf_docset *ds, const char *id, const char *title, const char *date,
                  const char *text, size_t len)
{
    return ds ? add_to(ds, &ds->docs, &ds->ndocs, &ds->cap, id, title, date, text, len) : NF_EINVAL;
}

int nf_docset_add_seen(nf_docset *ds, const char *id, const char *title, const char *date,
                       const char *text, size_t len)
{
    return ds ? add_to(ds, &ds->seen, &ds->nseen, &ds->seencap, id, title, date, text, len)
              : NF_EINVAL;
}

size_t nf_docset_seen_count(const nf_docset *ds) { return ds ? ds->nseen : 0; }

int nf_docset_set_id(nf_docset *ds, const char *id)
{
    return copy_opt(ds, id, &ds->id) ? NF_ENOMEM : NF_OK;
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

const char *nf_docset_text(const nf_docset *ds, size_t i, size_t *len)
{
    if (!ds || i >= ds->ndocs)
        return NULL;
    if (len)
        *len = ds->docs[i].len;
    return ds->docs[i].text;
}
