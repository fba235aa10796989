/* nf_page: a web page read into its article text and metadata. The stages
 * run in order: the charset (charset.c), the tree (html_dom.c), JSON-LD
 * (html_jsonld.c), the metadata (html_meta.c), the main text
 * (html_main.c), the dates (html_date.c); then the text's runs are mapped
 * back from the UTF-8 page to the bytes as given. */
#include "core/alloc.h"
#include "core/utf8.h"
#include "ingest/docset.h"
#include "ingest/html.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Adds a warning (formatted) to p; out of memory drops it (and is seen
 * through alloc_failures by the caller). */
static void page_warn(nf_page *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void page_warn(nf_page *p, const char *fmt, ...)
{
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    utf8_cut_invalid(msg);
    char *w = xstrdup(msg);
    if (!w || GROW(p->warnings, p->warncap, p->nwarnings + 1)) {
        xfree(w);
        return;
    }
    p->warnings[p->nwarnings++] = w;
}

/* Sets p's error message; returns code for tail calls. */
static int page_fail(nf_page *p, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int page_fail(nf_page *p, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err, sizeof p->err, fmt, ap);
    va_end(ap);
    utf8_cut_invalid(p->err);
    return code;
}

/* Appends run r mapped through the charset map into *out (n, cap): an
 * exact run stays exact where the charset left the bytes as they were. */
static int map_run(const charset_text *ct, const page_run *r, page_run **out, size_t *n, size_t *cap)
{
    if (!r->exact) {
        size_t a = charset_orig_offset(ct, r->html), b = charset_orig_offset(ct, r->html + r->html_len);
        if (GROW(*out, *cap, *n + 1))
            return -1;
        (*out)[(*n)++] = (page_run){r->text, r->text_len, a, b > a ? b - a : 0, 0};
        return 0;
    }
    size_t u = r->html, end = r->html + r->html_len;
    for (size_t s = charset_seg_at(ct, u); u < end && s + 1 < ct->nsegs; s++) {
        const charset_seg *g = &ct->segs[s], *h = &ct->segs[s + 1];
        size_t stop = h->u < end ? h->u : end;
        if (stop <= u)
            continue;
        page_run m = {r->text + (u - r->html), stop - u, g->even ? g->o + (u - g->u) : g->o,
                      g->even ? stop - u : h->o - g->o, g->even};
        if (GROW(*out, *cap, *n + 1))
            return -1;
        (*out)[(*n)++] = m;
        u = stop;
    }
    return 0;
}

/* Maps the text's runs from UTF-8 page offsets to the bytes as given. */
static int page_map_runs(nf_page *p, const charset_text *ct)
{
    page_run *out = NULL;
    size_t n = 0, cap = 0;
    for (size_t k = 0; k < p->f.nruns; k++)
        if (map_run(ct, &p->f.runs[k], &out, &n, &cap)) {
            xfree(out);
            return NF_ENOMEM;
        }
    xfree(p->f.runs);
    p->f.runs = out, p->f.nruns = n;
    return NF_OK;
}

/* Runs the stages over the decoded page. */
static int page_stages(nf_page *p, const charset_text *ct, const char *url)
{
    hdom dom;
    html_ld ld;
    int rc = html_dom_parse(ct, &dom);
    if (rc == NF_OK)
        rc = html_ld_read(&dom, &ld);
    else
        memset(&ld, 0, sizeof ld);
    if (rc == NF_OK)
        rc = html_meta_read(&dom, &ld, url, &p->f);
    if (rc == NF_OK)
        rc = html_main_extract(&dom, &ld, &p->f);
    if (rc == NF_OK)
        rc = html_date_find(&dom, &ld, url, &p->f);
    html_ld_free(&ld);
    html_dom_free(&dom);
    if (rc == NF_OK)
        rc = page_map_runs(p, ct);
    return rc;
}

/* Returns 1 if s[0..n) is only white space. */
static int all_space(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strchr(" \t\r\n\f\v", s[k]))
            return 0;
    return 1;
}

/* Returns 1 if the page's last '<' opens a tag that never closes: the
 * bytes stop inside markup, as a cut download does (a page ends with
 * "</html>" or text, never with "<p cla"). Only the last 4 KiB are looked
 * at: a tag is never that long. */
static int ends_inside_tag(const char *s, size_t n)
{
    size_t from = n > 4096 ? n - 4096 : 0;
    for (size_t i = n; i > from; i--) {
        if (s[i - 1] == '>')
            return 0;
        if (s[i - 1] == '<') { /* a tag starts with a letter, '/' or '!' ("a < b" is text) */
            char c = i < n ? (char)(s[i] | 32) : 0;
            return (c >= 'a' && c <= 'z') || c == '/' || c == '!';
        }
    }
    return 0;
}

/* The work of nf_page_extract on a new page p. */
static int page_read(nf_page *p, const char *html, size_t len, const char *url, const char *http)
{
    if (len > HTML_MAX_BYTES)
        return page_fail(p, NF_ELIMIT, "the page is larger than 256 MiB");
    if (all_space(html, len))
        return page_fail(p, NF_EEMPTY, "empty page");
    charset_text ct;
    int c = charset_decode_http(html, len, http, &ct);
    if (c < 0)
        return page_fail(p, NF_ENOMEM, "out of memory");
    if (c > 0)
        return page_fail(p, NF_EDATA, "not a web page: %s", ct.warning);
    snprintf(p->charset, sizeof p->charset, "%s", ct.name);
    if (ct.warning[0])
        page_warn(p, "charset: %s", ct.warning);
    int rc = page_stages(p, &ct, url);
    charset_text_free(&ct);
    if (rc != NF_OK)
        return page_fail(p, rc, "%s", rc == NF_ENOMEM ? "out of memory" : nf_strerror(rc));
    if (!memchr(html, '<', len))
        page_warn(p, "no HTML markup: read as plain text");
    else if (ends_inside_tag(html, len))
        page_warn(p, "the page ends inside a tag: it may be cut short (a download or a copy "
                  "that stopped); read as far as it goes");
    if (!p->f.len)
        return page_fail(p, NF_EEMPTY, "no article text found");
    return NF_OK;
}

int nf_page_extract(const char *html, size_t len, const char *url, nf_page **out)
{
    return html_page_extract(html, len, url, NULL, out);
}

int html_page_extract(const char *html, size_t len, const char *url, const char *http_charset,
                      nf_page **out)
{
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    if (!html && len)
        return NF_EINVAL;
    unsigned long failures = alloc_failures();
    nf_page *p = xcalloc(1, sizeof *p);
    if (!p)
        return NF_ENOMEM;
    int rc = page_read(p, html ? html : "", len, url, http_charset);
    if (rc == NF_OK && !p->f.text)
        rc = NF_ENOMEM;
    if (rc == NF_ENOMEM || alloc_failures() != failures) {
        nf_page_free(p);
        return NF_ENOMEM;
    }
    *out = p;
    return rc;
}

void nf_page_free(nf_page *p)
{
    if (!p)
        return;
    html_found *f = &p->f;
    xfree(f->text), xfree(f->runs), xfree(f->title), xfree(f->author), xfree(f->site);
    xfree(f->language), xfree(f->url), xfree(f->date), xfree(f->updated);
    for (size_t k = 0; k < p->nwarnings; k++)
        xfree(p->warnings[k]);
    xfree(p->warnings);
    xfree(p);
}

const char *nf_page_text(const nf_page *p, size_t *len)
{
    if (len)
        *len = p && p->f.text ? p->f.len : 0;
    return p && p->f.text ? p->f.text : "";
}

const char *nf_page_title(const nf_page *p) { return p ? p->f.title : NULL; }
const char *nf_page_date(const nf_page *p) { return p ? p->f.date : NULL; }
const char *nf_page_updated(const nf_page *p) { return p ? p->f.updated : NULL; }
const char *nf_page_author(const nf_page *p) { return p ? p->f.author : NULL; }
const char *nf_page_site(const nf_page *p) { return p ? p->f.site : NULL; }
const char *nf_page_language(const nf_page *p) { return p ? p->f.language : NULL; }
const char *nf_page_url(const nf_page *p) { return p ? p->f.url : NULL; }
const char *nf_page_charset(const nf_page *p) { return p && p->charset[0] ? p->charset : NULL; }
size_t nf_page_warning_count(const nf_page *p) { return p ? p->nwarnings : 0; }
const char *nf_page_error(const nf_page *p) { return p ? p->err : ""; }

const char *nf_page_warning(const nf_page *p, size_t i)
{
    return p && i < p->nwarnings ? p->warnings[i] : NULL;
}

const nf_page_span *nf_page_spans(const nf_page *p, size_t *count)
{
    if (count)
        *count = p ? p->f.nruns : 0;
    return p && p->f.nruns ? p->f.runs : NULL;
}

size_t nf_page_html_offset(const nf_page *p, size_t t)
{
    if (!p || !p->f.nruns)
        return 0;
    size_t lo = 0, hi = p->f.nruns;
    while (hi - lo > 1) { /* the last run starting at or before t */
        size_t mid = (lo + hi) / 2;
        if (p->f.runs[mid].text <= t)
            lo = mid;
        else
            hi = mid;
    }
    const page_run *r = &p->f.runs[lo];
    if (t < r->text)
        return r->html;
    if (t >= r->text + r->text_len)
        return r->html + r->html_len;
    return r->exact ? r->html + (t - r->text) : r->html;
}

/* Here, not in docset.c: a program that uses document sets but no page
 * (a static link) then pulls in no HTML parser. */
int nf_docset_add_page(nf_docset *ds, const char *id, const nf_page *page)
{
    if (!ds || !page)
        return NF_EINVAL;
    const page_run *runs = page->f.nruns ? page->f.runs : NULL;
    return docset_add_mapped(ds, 0, id, page->f.title, page->f.date, page->f.url,
                             page->f.text ? page->f.text : "", page->f.text ? page->f.len : 0, runs,
                             runs ? page->f.nruns : 0);
}
