/* A page's metadata: title (and the heading that shows it), author, site
 * name, language and canonical URL, from <meta> tags (Open Graph, Twitter,
 * Dublin Core, schema.org itemprop), JSON-LD, <link rel=canonical>, <html
 * lang> and the page's own headings. */
#include "core/alloc.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "ingest/html.h"
#include <string.h>
#include <strings.h>

const char *html_meta_get(const hdom *dom, const char *const *keys)
{
    for (size_t k = 0; keys[k]; k++)
        for (uint32_t i = 1; i < dom->n; i++) {
            if (dom->nodes[i].tag != HT_META)
                continue;
            const char *key = html_attr(dom, i, HA_PROPERTY);
            if (!key || strcasecmp(key, keys[k]))
                key = html_attr(dom, i, HA_NAME);
            if (!key || strcasecmp(key, keys[k]))
                key = html_attr(dom, i, HA_ITEMPROP);
            if (!key || strcasecmp(key, keys[k]))
                key = html_attr(dom, i, HA_HTTP_EQUIV);
            if (!key || strcasecmp(key, keys[k]))
                continue;
            const char *v = html_attr(dom, i, HA_CONTENT);
            if (v && *v)
                return v;
        }
    return NULL;
}

/* Appends s[0..n) to b with white space squeezed (*space: a space is
 * pending). */
static void squeeze_append(buf *b, const char *s, size_t n, int *space)
{
    for (size_t k = 0; k < n; k++) {
        char c = s[k];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            *space = b->len > 0;
            continue;
        }
        if (*space)
            buf_putc(b, ' ');
        *space = 0;
        buf_putc(b, c);
    }
}

char *html_squeeze(const char *s, size_t n)
{
    buf b = {0};
    int space = 0;
    squeeze_append(&b, s, n, &space);
    buf_putc(&b, '\0');
    return buf_take(&b, NULL);
}

char *html_node_text(const hdom *dom, uint32_t i)
{
    buf b = {0};
    int space = 0;
    for (uint32_t k = i; k < dom->nodes[i].end; k++) {
        const hnode *t = &dom->nodes[k];
        if (t->tag == HT_TEXT)
            squeeze_append(&b, dom->pool + t->off, t->len, &space);
        else if (k != i && (html_tag_props(t->tag) & (TP_BLOCK | TP_BREAK)))
            space = b.len > 0;
    }
    buf_putc(&b, '\0');
    return buf_take(&b, NULL);
}

/* Returns the length of a UTF-8 punctuation or space character at s
 * (no-break space, « », the General Punctuation block: dashes, quotes,
 * ellipsis), or 0. */
static size_t wide_gap(const unsigned char *s)
{
    if (s[0] == 0xc2 && (s[1] == 0xa0 || s[1] == 0xab || s[1] == 0xbb || s[1] == 0xb7))
        return 2;
    if (s[0] == 0xe2 && s[1] == 0x80 && s[2])
        return 3;
    return 0;
}

/* Lower-cases ASCII letters of s and keeps letters and digits only (any
 * other run becomes one space), for comparing titles. */
static void fold_title(const char *str, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = 0, g;
    int gap = 0;
    while (*s && n + 2 < cap) {
        unsigned char c = *s;
        if ((g = wide_gap(s)) != 0) {
            gap = 1, s += g;
            continue;
        }
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (gap && n)
                out[n++] = ' ';
            gap = 0;
            out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else
            gap = 1;
        s++;
    }
    out[n] = '\0';
}

/* Returns 1 if the heading text h and the title t name the same thing:
 * one holds the other (a <title> adds the site's name), and the shorter
 * is at least half the longer. */
static int same_title(const char *h, const char *t)
{
    char a[512], b[512];
    fold_title(h, a, sizeof a);
    fold_title(t, b, sizeof b);
    size_t la = strlen(a), lb = strlen(b);
    if (la < 8 || lb < 8)
        return la && la == lb && !strcmp(a, b);
    if (la <= lb)
        return la * 2 >= lb && strstr(b, a) != NULL;
    return lb * 2 >= la && strstr(a, b) != NULL;
}

/* Cuts a site name off a <title>: "Headline | Site", "Headline - Site". */
static void title_trim(char *t)
{
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " · "};
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        char *p = strstr(t, seps[k]), *last = NULL;
        while (p)
            last = p, p = strstr(p + 1, seps[k]);
        if (last && last - t >= 15 && strlen(last) < (size_t)(last - t)) {
            *last = '\0';
            return;
        }
    }
}

/* Finds the heading that shows the title (h1 first, then h2): returns its
 * node, 0 if none matches any of the candidate titles. */
static uint32_t title_heading(const hdom *dom, const char *const *cands, size_t ncands, char **text)
{
    *text = NULL;
    for (int level = HT_H1; level <= HT_H2; level++)
        for (uint32_t i = 1; i < dom->n; i++) {
            if (dom->nodes[i].tag != level)
                continue;
            char *h = html_node_text(dom, i);
            for (size_t k = 0; h && k < ncands; k++)
                if (cands[k] && same_title(h, cands[k])) {
                    *text = h;
                    return i;
                }
            xfree(h);
        }
    return 0;
}

/* The text of the page's <title>, trimmed of a site name; NULL if none. */
static char *page_title(const hdom *dom)
{
    for (uint32_t i = 1; i < dom->n; i++)
        if (dom->nodes[i].tag == HT_TITLE) {
            char *t = html_node_text(dom, i);
            if (t && *t) {
                title_trim(t);
                return t;
            }
            xfree(t);
        }
    return NULL;
}

/* Copies s (NULL: none) as a new squeezed string into *dst unless *dst is
 * set already; empty strings count as none. */
static void set_once(char **dst, const char *s)
{
    if (*dst || !s)
        return;
    char *v = html_squeeze(s, strlen(s));
    if (v && *v)
        *dst = v;
    else
        xfree(v);
}

static void meta_title(const hdom *dom, const html_ld *ld, html_found *f)
{
    static const char *const og[] = {"og:title", "twitter:title", "dc.title", "headline", NULL};
    char *tag_title = page_title(dom);
    const char *cands[] = {html_meta_get(dom, og), ld->headline, tag_title};
    char *h;
    f->title_node = title_heading(dom, cands, 3, &h);
    if (h && *h)
        f->title = h;
    else
        xfree(h);
    for (size_t k = 0; k < 3 && !f->title; k++)
        set_once(&f->title, cands[k]);
    xfree(tag_title);
}

/* An author as people write it: not a URL (Open Graph's article:author
 * often is one). */
static const char *author_ok(const char *a)
{
    return a && *a && !strstr(a, "://") && strlen(a) < 200 ? a : NULL;
}

/* The visible byline: the text of the first element with itemprop=author
 * or rel=author; NULL if none. */
static char *byline_author(const hdom *dom)
{
    for (uint32_t i = 1; i < dom->n; i++) {
        const char *ip = html_attr(dom, i, HA_ITEMPROP), *rel = html_attr(dom, i, HA_REL);
        if (((ip && !strcasecmp(ip, "author")) || (rel && !strcasecmp(rel, "author") && dom->nodes[i].tag == HT_A)) &&
            dom->nodes[i].end - i <= 64) {
            char *t = html_node_text(dom, i);
            if (t && *t && strlen(t) < 120)
                return t;
            xfree(t);
        }
    }
    return NULL;
}

static void meta_author(const hdom *dom, const html_ld *ld, html_found *f)
{
    static const char *const keys[] = {"author", "article:author", "dc.creator", "byl",
                                       "parsely-author", "sailthru.author", "twitter:creator", NULL};
    set_once(&f->author, ld->author);
    set_once(&f->author, author_ok(html_meta_get(dom, keys)));
    if (!f->author)
        f->author = byline_author(dom);
}

/* Takes s (xmalloc'd, may be NULL) and returns it as valid UTF-8: the
 * address a caller gives may hold any bytes. */
static char *valid_utf8(char *s)
{
    utf8_repair r;
    if (!s || utf8_repair_text(s, strlen(s), &r))
        return s;
    if (!r.nfixes) {
        utf8_repair_free(&r);
        return s;
    }
    xfree(s);
    char *t = xstrndup(r.text, r.len);
    utf8_repair_free(&r);
    return t;
}

/* The host of url ("https://www.example.org/x" -> "www.example.org"), or
 * NULL. */
static char *url_host(const char *url)
{
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p)
        return NULL;
    p += 3;
    size_t n = strcspn(p, "/?#:");
    return n ? xstrndup(p, n) : NULL;
}

static void meta_site(const hdom *dom, const html_ld *ld, const char *url, html_found *f)
{
    static const char *const keys[] = {"og:site_name", "application-name", "twitter:site",
                                       "publisher", "dc.publisher", NULL};
    set_once(&f->site, html_meta_get(dom, keys));
    set_once(&f->site, ld->publisher);
    if (!f->site)
        f->site = valid_utf8(url_host(f->url ? f->url : url));
}

static void meta_language(const hdom *dom, const html_ld *ld, html_found *f)
{
    static const char *const keys[] = {"content-language", "dc.language", "og:locale", "language", NULL};
    for (uint32_t i = 1; i < dom->n && !f->language; i++)
        if (dom->nodes[i].tag == HT_HTML)
            set_once(&f->language, html_attr(dom, i, HA_LANG));
    set_once(&f->language, html_meta_get(dom, keys));
    set_once(&f->language, ld->language);
    for (char *p = f->language; p && *p; p++)
        if (*p == '_')
            *p = '-';
}

/* Joins a root-relative or scheme-relative link to the page's address. */
static char *url_join(const char *link, const char *base)
{
    if (!link || strstr(link, "://"))
        return link ? xstrdup(link) : NULL;
    const char *p = base ? strstr(base, "://") : NULL;
    if (!p)
        return link[0] == '/' && link[1] == '/' ? NULL : NULL;
    if (link[0] == '/' && link[1] == '/') {
        size_t scheme = (size_t)(p - base) + 1;
        char *u = xmalloc(scheme + strlen(link) + 1);
        if (u)
            memcpy(u, base, scheme), strcpy(u + scheme, link);
        return u;
    }
    if (link[0] != '/')
        return NULL;
    size_t host = (size_t)(p + 3 - base) + strcspn(p + 3, "/?#");
    char *u = xmalloc(host + strlen(link) + 1);
    if (u)
        memcpy(u, base, host), strcpy(u + host, link);
    return u;
}

static void meta_url(const hdom *dom, const html_ld *ld, const char *url, html_found *f)
{
    static const char *const keys[] = {"og:url", "twitter:url", NULL};
    for (uint32_t i = 1; i < dom->n && !f->url; i++) {
        const char *rel = dom->nodes[i].tag == HT_LINK ? html_attr(dom, i, HA_REL) : NULL;
        if (rel && !strcasecmp(rel, "canonical"))
            f->url = url_join(html_attr(dom, i, HA_HREF), url);
    }
    if (!f->url)
        f->url = url_join(html_meta_get(dom, keys), url);
    if (!f->url)
        f->url = url_join(ld->url, url);
    if (!f->url && url)
        f->url = xstrdup(url);
    f->url = valid_utf8(f->url);
}

int html_meta_read(const hdom *dom, const html_ld *ld, const char *url, html_found *f)
{
    meta_title(dom, ld, f);
    meta_url(dom, ld, url, f);
    meta_author(dom, ld, f);
    meta_site(dom, ld, url, f);
    meta_language(dom, ld, f);
    return NF_OK;
}
