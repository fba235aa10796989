/* A page's publication date (and its last update), from the evidence
 * pages give, in order of trust:
 *   1. metadata: article:published_time, datePublished, Dublin Core and
 *      the other <meta> names CMSs write, and JSON-LD's datePublished;
 *   2. the page's address: /2031/04/02/, 2031-04-02, 20310402;
 *   3. marked-up dates: <time datetime> (pubdate, itemprop=datePublished,
 *      a class naming publication), elements with itemprop=datePublished;
 *   4. the text of elements whose class or id names a date or a byline
 *      ("date", "published", "posted", "byline", "meta"...);
 *   5. the visible text: the first date after the title's heading (or
 *      the first <h1>, or the start of the main text), else just before.
 * A date must be a calendar date between 1995 and tomorrow. */
#include "core/alloc.h"
#include "ingest/html.h"
#include "ingest/html_dates.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Returns 1 if s holds needle (lower case) ignoring the case of s. */
static int has_ci(const char *s, const char *needle)
{
    size_t k = strlen(needle);
    for (; *s; s++)
        if (!strncasecmp(s, needle, k))
            return 1;
    return 0;
}

/* The most nodes an element may hold for its text to be read as a date's
 * (a byline, a dateline; not a wrapper around the article). */
#define SHORT_NODES 64

/* Reads a date from an attribute or metadata value: ISO first, else the
 * first date written any other way. */
static int date_from_value(const char *v, int us, ymd *d)
{
    return v && (date_parse_iso(v, d) || date_find(v, strlen(v), us, d, NULL));
}

/* 1. Metadata and JSON-LD. */
static int date_from_meta(const hdom *dom, const html_ld *ld, int us, ymd *d)
{
    static const char *const keys[] = {
        "article:published_time", "og:published_time", "og:article:published_time",
        "datePublished", "article.published", "article_date_original", "publish-date",
        "publish_date", "publishdate", "published_time", "published-date", "pubdate",
        "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date",
        "dcterms.date", "sailthru.date", "parsely-pub-date", "citation_publication_date",
        "cxenseparse:recs:publishtime", "original-publish-date", "date_published",
        "article:post_date", "date", "created", NULL};
    for (size_t k = 0; keys[k]; k++) {
        const char *one[] = {keys[k], NULL};
        if (date_from_value(html_meta_get(dom, one), us, d))
            return 1;
    }
    return date_from_value(ld->published, us, d);
}

/* Returns 1 if the element's class, id or itemprop names a publication
 * date ("published", "pubdate", "datePublished", "post-date"...). */
static int names_publication(const hdom *dom, uint32_t i)
{
    const int attrs[] = {HA_CLASS, HA_ID, HA_ITEMPROP};
    for (size_t k = 0; k < 3; k++) {
        const char *v = html_attr(dom, i, attrs[k]);
        if (v && (has_ci(v, "publish") || has_ci(v, "pubdate") || has_ci(v, "created") ||
                  has_ci(v, "post-date") || has_ci(v, "entry-date")))
            return 1;
    }
    return 0;
}

/* 3. <time datetime> and itemprop=datePublished: the first that names
 * publication, else the first <time> of the page. */
static int date_from_markup(const hdom *dom, int us, ymd *d)
{
    int have_first = 0;
    ymd first = {0, 0, 0};
    for (uint32_t i = 1; i < dom->n; i++) {
        const hnode *n = &dom->nodes[i];
        const char *ip = html_attr(dom, i, HA_ITEMPROP);
        int pub = ip && !strcasecmp(ip, "datePublished");
        if (n->tag != HT_TIME && !pub)
            continue;
        const char *v = html_attr(dom, i, HA_DATETIME);
        if (!v)
            v = html_attr(dom, i, HA_CONTENT);
        ymd x;
        int ok = date_from_value(v, us, &x);
        if (!ok && n->end - i <= SHORT_NODES) {
            char *t = html_node_text(dom, i);
            ok = t && date_find(t, strlen(t), us, &x, NULL);
            xfree(t);
        }
        if (!ok)
            continue;
        if (pub || html_attr(dom, i, HA_PUBDATE) || names_publication(dom, i)) {
            *d = x;
            return 1;
        }
        if (!have_first)
            first = x, have_first = 1;
    }
    if (have_first)
        *d = first;
    return have_first;
}

/* Returns 1 if the element's class or id names a date or a byline. */
static int names_date(const hdom *dom, uint32_t i)
{
    static const char *const words[] = {"date", "time", "publish", "posted", "byline", "dateline",
                                        "meta", "info", "submitted", "stamp", "datum", "fecha"};
    const char *v[] = {html_attr(dom, i, HA_CLASS), html_attr(dom, i, HA_ID)};
    for (size_t k = 0; k < 2; k++)
        for (size_t w = 0; v[k] && w < sizeof words / sizeof *words; w++)
            if (has_ci(v[k], words[w]))
                return 1;
    return 0;
}

/* 4. The text of the first element named for a date that holds one
 * (short texts only: a byline, not an article). */
static int date_from_named(const hdom *dom, int us, ymd *d)
{
    for (uint32_t i = 1; i < dom->n; i++) {
        const hnode *n = &dom->nodes[i];
        if (n->tag == HT_TEXT || n->tag == HT_META || n->tag == HT_SCRIPT || !n->len ||
            n->end - i > SHORT_NODES || !names_date(dom, i))
            continue;
        char *t = html_node_text(dom, i);
        int ok = t && strlen(t) < 300 && date_find(t, strlen(t), us, d, NULL);
        xfree(t);
        if (ok)
            return 1;
    }
    return 0;
}

/* Marks the nodes inside an element whose text is never shown (scripts,
 * forms, hidden elements): one forward pass, parents first. NULL when out
 * of memory. */
static uint8_t *hidden_nodes(const hdom *dom)
{
    uint8_t *h = xcalloc(dom->n, 1);
    for (size_t i = 1; h && i < dom->n; i++) {
        const hnode *n = &dom->nodes[i];
        h[i] = h[n->parent] || (n->tag != HT_TEXT && ((html_tag_props(n->tag) & TP_SKIP) ||
                                                       (n->flags & HF_HIDDEN)));
    }
    return h;
}

/* The node where the article starts for a reader: the title's heading,
 * else the first <h1>, else the first node of the main text, else 1. */
static uint32_t article_start(const hdom *dom, const html_found *f)
{
    if (f->title_node)
        return f->title_node;
    for (uint32_t i = 1; i < dom->n; i++)
        if (dom->nodes[i].tag == HT_H1)
            return i;
    return f->body_node ? f->body_node : 1;
}

/* 5. The first date in the visible text from where the article starts,
 * within the next 200 text nodes; else the nearest within the 30 text
 * nodes before it (a dateline above the headline). */
static int date_from_text(const hdom *dom, const uint8_t *hid, uint32_t start, int us, ymd *d)
{
    int seen = 0;
    for (uint32_t i = start; i < dom->n && seen < 200; i++) {
        const hnode *n = &dom->nodes[i];
        if (n->tag != HT_TEXT || hid[i])
            continue;
        seen++;
        if (date_find(dom->pool + n->off, n->len, us, d, NULL))
            return 1;
    }
    seen = 0;
    for (uint32_t i = start; i > 1 && seen < 30; i--) {
        const hnode *n = &dom->nodes[i - 1];
        if (n->tag != HT_TEXT || hid[i - 1])
            continue;
        seen++;
        if (date_find(dom->pool + n->off, n->len, us, d, NULL))
            return 1;
    }
    return 0;
}

/* 6. When no source has a date: the date the visible text gives most
 * often (ties: the first), over the whole page. */
static int date_from_anywhere(const hdom *dom, const uint8_t *hid, int us, ymd *d)
{
    ymd seen[64];
    int count[64], n = 0, best = -1;
    for (uint32_t i = 1; i < dom->n; i++) {
        const hnode *t = &dom->nodes[i];
        if (t->tag != HT_TEXT || hid[i])
            continue;
        size_t at = 0, off;
        ymd x;
        while (at < t->len && date_find(dom->pool + t->off + at, t->len - at, us, &x, &off)) {
            at += off + 1;
            int k = 0;
            while (k < n && (seen[k].y != x.y || seen[k].m != x.m || seen[k].d != x.d))
                k++;
            if (k == n && n < 64)
                seen[n] = x, count[n++] = 0;
            if (k < n && (++count[k], best < 0 || count[k] > count[best]))
                best = k;
        }
    }
    if (best >= 0)
        *d = seen[best];
    return best >= 0;
}

/* Returns 1 if numeric dates of the page put the month first: its
 * language is American English. */
static int month_first(const html_found *f)
{
    const char *l = f->language;
    return l && !strncasecmp(l, "en", 2) && (!l[2] || !strcasecmp(l + 2, "-us"));
}

/* The sources of a publication date, in the order that breaks ties, and
 * the weight of each one's vote: the address is the most reliable (a
 * date in a path is the day the page was filed), metadata next (but a
 * template's date, or UTC for an evening story, misleads it); the dates a
 * reader sees, in markup, named elements and the text, agree with each
 * other when they are right. */
enum { SRC_URL, SRC_META, SRC_MARKUP, SRC_NAMED, SRC_TEXT, NSRC };
static const float src_weight[NSRC] = {3.0f, 1.5f, 1.0f, 1.0f, 1.0f};

/* The date most sources vote for (ties: the earlier source). */
static int date_vote(const ymd *x, const int *ok, ymd *d)
{
    int best = -1;
    float best_votes = 0;
    for (int k = 0; k < NSRC; k++) {
        if (!ok[k])
            continue;
        float v = 0;
        for (int j = 0; j < NSRC; j++)
            if (ok[j] && x[j].y == x[k].y && x[j].m == x[k].m && x[j].d == x[k].d)
                v += src_weight[j];
        if (v > best_votes)
            best = k, best_votes = v;
    }
    if (best >= 0)
        *d = x[best];
    return best >= 0;
}

int html_date_find(const hdom *dom, const html_ld *ld, const char *url, html_found *f)
{
    static const char *const mod[] = {"article:modified_time", "og:updated_time", "dateModified",
                                      "article.updated", "last-modified", "dc.date.modified",
                                      "dcterms.modified", NULL};
    int us = month_first(f);
    ymd x[NSRC], d;
    char s[11];
    int ok[NSRC];
    ok[SRC_URL] = date_in_url(url, &x[SRC_URL]) || date_in_url(f->url, &x[SRC_URL]);
    ok[SRC_META] = date_from_meta(dom, ld, us, &x[SRC_META]);
    ok[SRC_MARKUP] = date_from_markup(dom, us, &x[SRC_MARKUP]);
    ok[SRC_NAMED] = date_from_named(dom, us, &x[SRC_NAMED]);
    uint8_t *hid = hidden_nodes(dom);
    if (!hid)
        return NF_ENOMEM;
    ok[SRC_TEXT] = date_from_text(dom, hid, article_start(dom, f), us, &x[SRC_TEXT]);
    int found = date_vote(x, ok, &d) || date_from_anywhere(dom, hid, us, &d);
    xfree(hid);
    if (found) {
        date_format(&d, s);
        f->date = xstrdup(s);
    }
    if (date_from_value(html_meta_get(dom, mod), us, &d) || date_from_value(ld->modified, us, &d)) {
        date_format(&d, s);
        f->updated = xstrdup(s);
    }
    return NF_OK;
}
