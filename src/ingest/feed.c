/* RSS and Atom feeds into records (feed.h): libxml2's XML parser in SAX
 * mode, recovering from errors; the fields of the item being read are kept
 * in buffers, and the item is handed over when it ends. Nothing else of
 * the document is kept, so a feed of any length costs one item's memory
 * (plus the input the caller holds). */
#include "ingest/feed.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "ingest/record_date.h"
#include "ingest/record_utf8.h"
#include "newsfuse.h"
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RSS09 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* Past this many errors only the count goes on. */
#define FEED_MAX_REPORTED 50

/* The fields of an item that are read. */
enum field {
    F_NONE = -1,
    F_TITLE,
    F_LINK,
    F_GUID,
    F_PUBLISHED, /* Atom published (0.3: issued, created) */
    F_PUBDATE,
    F_DCDATE,
    F_UPDATED, /* Atom updated (0.3: modified) */
    F_ENCODED, /* content:encoded */
    F_CONTENT,
    F_DESCRIPTION,
    F_SUMMARY,
    F_COUNT
};

/* How a field's text is kept. */
enum mode {
    M_TEXT,   /* text only (titles, dates, links): nested tags dropped */
    M_HTML,   /* HTML source: text as the parser gives it, nested elements
                 written back as markup */
    M_PLAIN,  /* plain text (Atom type="text") */
    M_IGNORE, /* a body in a form we do not read (base64, out of line) */
};

typedef struct field_buf {
    buf b;
    int mode;
    int started, done; /* met; ended (its end tag, or its item's) */
    int over;          /* cut at FEED_MAX_FIELD_BYTES */
} field_buf;

typedef struct feed_state {
    xmlParserCtxtPtr ctxt;
    const char *data;
    size_t len;
    ingest_record_fn on_record;
    ingest_record_error_fn on_error;
    void *arg;
    feed_stats *st;
    int depth;            /* open elements */
    int item_depth;       /* depth of the open item, 0: none */
    long item_no;         /* 1-based number of the open (or last) item */
    long long item_off;   /* where its start tag begins */
    int item_err;         /* an error of this item was reported */
    long outside_err_at;  /* the item after which an error outside items was reported, or -1 */
    int field;            /* the field being read, or F_NONE */
    int field_depth;
    field_buf f[F_COUNT];
    char atom_rel_link;   /* the link kept is rel="alternate" (or has no rel) */
    int stop;             /* a callback's non-zero value */
    int nomem;
    int not_feed;         /* the root is not a feed */
    int root_seen;
    int early_code;       /* the first parser error before the root element */
    int early_line;
    long long early_at;
    char early_msg[200];
} feed_state;

/* ---- Sniffing ---- */

/* The first occurrence of the NUL-terminated needle in s[0..n), or NULL. */
static const char *find(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (const char *p = s; k <= n && (p = memchr(p, needle[0], n - k + 1 - (size_t)(p - s))); p++)
        if (!memcmp(p, needle, k))
            return p;
    return NULL;
}

/* Skips the XML prolog at s (BOM, declaration, comments, PIs, DOCTYPE,
 * white space). Returns the first byte of the root start tag's name, or
 * NULL when the head ends first or holds something else. */
static const char *prolog_skip(const char *s, const char *end)
{
    if (end - s >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
        s += 3;
    while (s < end) {
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
            s++;
            continue;
        }
        if (*s != '<' || end - s < 2)
            return NULL;
        const char *close = s[1] == '?' ? "?>" : s[1] == '!' && end - s >= 4 && !memcmp(s, "<!--", 4) ? "-->"
                          : s[1] == '!' ? ">" : NULL;
        if (!close)
            return s + 1;
        const char *e = find(s + 2, (size_t)(end - s - 2), close);
        if (!e)
            return NULL;
        s = e + strlen(close);
    }
    return NULL;
}

int feed_sniff(const char *head, size_t n)
{
    const char *end = head + n, *name = head ? prolog_skip(head, end) : NULL;
    if (!name)
        return FEED_NONE;
    size_t k = 0;
    while (name + k < end && !strchr(" \t\r\n/>", name[k]))
        k++;
    const char *colon = memchr(name, ':', k), *local = colon ? colon + 1 : name;
    size_t lk = k - (size_t)(local - name);
    if ((lk == 3 && !memcmp(local, "rss", 3)) || (lk == 3 && !memcmp(local, "RDF", 3)))
        return FEED_RSS;
    if (lk == 4 && !memcmp(local, "feed", 4))
        return FEED_ATOM;
    return FEED_NONE;
}

/* ---- Errors ---- */

/* Hands one error to on_error (numbered by item, offset in bytes) unless
 * the cap on reported errors was passed; counts it either way. */
static void feed_error(feed_state *s, long number, long long offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void feed_error(feed_state *s, long number, long long offset, const char *fmt, ...)
{
    s->st->errors++;
    if (!s->on_error || s->stop || s->st->errors > FEED_MAX_REPORTED + 1)
        return;
    char msg[512];
    if (s->st->errors == FEED_MAX_REPORTED + 1)
        snprintf(msg, sizeof msg, "more than %d errors: the rest are not reported", FEED_MAX_REPORTED);
    else {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
    }
    record_utf8_clean(msg, strlen(msg));
    int rc = s->on_error(number, offset, msg, s->arg);
    if (rc) {
        s->stop = rc;
        xmlStopParser(s->ctxt);
    }
}

/* The byte offset of the parser's position in the input. */
static long long feed_pos(const feed_state *s)
{
    long off = xmlByteConsumed(s->ctxt);
    return off < 0 ? 0 : (long long)off > (long long)s->len ? (long long)s->len : off;
}

/* Appends bytes to the field being read, minding the cap. */
static void field_add(feed_state *s, const char *p, size_t n)
{
    field_buf *f = &s->f[s->field];
    if (f->over || f->mode == M_IGNORE)
        return;
    if (f->b.len + n > FEED_MAX_FIELD_BYTES) {
        f->over = 1;
        return;
    }
    buf_append(&f->b, p, n);
}

/* Appends text escaped for HTML (markup written back inside a body). */
static void field_add_escaped(feed_state *s, const char *p, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = p[i] == '<' ? "&lt;" : p[i] == '>' ? "&gt;" : p[i] == '&' ? "&amp;"
                        : p[i] == '"' ? "&quot;" : NULL;
        if (!rep)
            continue;
        field_add(s, p + from, i - from);
        field_add(s, rep, strlen(rep));
        from = i + 1;
    }
    field_add(s, p + from, n - from);
}

/* An undeclared entity (&nbsp; in a feed written as HTML): the parser
 * drops it with an error; when HTML knows the name, the field gets it (as
 * the reference in a body, which HTML reads; as the character elsewhere)
 * and no error is reported. Returns 1 when taken care of. */
static int feed_html_entity(feed_state *s, const char *name)
{
    const htmlEntityDesc *e = name ? htmlEntityLookup((const xmlChar *)name) : NULL;
    if (!e)
        return 0;
    if (s->field == F_NONE)
        return 1;
    if (s->f[s->field].mode == M_HTML) {
        char ref[64];
        int n = snprintf(ref, sizeof ref, "&%s;", name);
        if (n > 0 && (size_t)n < sizeof ref)
            field_add(s, ref, (size_t)n);
    } else {
        xmlChar u[8];
        int n = xmlCopyCharMultiByte(u, (int)e->value);
        if (n > 0)
            field_add(s, (const char *)u, (size_t)n);
    }
    return 1;
}

/* Reports an error of the parser where it happened: one per item (and one
 * per stretch between items), numbered by the item, with the line and the
 * byte. */
static void feed_parse_error(feed_state *s, int line, long long at, const char *msg)
{
    if (s->item_depth) {
        if (s->item_err++)
            return;
        feed_error(s, s->item_no, at, "item %ld, line %d, byte %lld: %s", s->item_no, line, at, msg);
    } else {
        if (s->outside_err_at == s->st->items)
            return;
        s->outside_err_at = s->st->items;
        if (s->st->items)
            feed_error(s, s->st->items, at, "after item %ld, line %d, byte %lld: %s", s->st->items,
                       line, at, msg);
        else
            feed_error(s, 0, at, "line %d, byte %lld: %s", line, at, msg);
    }
}

/* libxml2's structured error handler. An error before the root element is
 * kept (the first one) until the root shows the input is a feed at all;
 * the rest are reported where they happen. */
static void on_xml_error(void *ud, xmlErrorPtr e)
{
    feed_state *s = ud;
    if (!e)
        return;
    if ((e->code == XML_ERR_UNDECLARED_ENTITY || e->code == XML_WAR_UNDECLARED_ENTITY) &&
        feed_html_entity(s, e->str1))
        return;
    if (e->level == XML_ERR_WARNING)
        return;
    if (e->code == XML_ERR_NO_MEMORY) {
        s->nomem = 1;
        return;
    }
    char msg[200];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "error");
    for (size_t n = strlen(msg); n && (msg[n - 1] == '\n' || msg[n - 1] == ' ');)
        msg[--n] = '\0';
    if (!s->root_seen) {
        if (!s->early_code) {
            s->early_code = e->code, s->early_line = e->line, s->early_at = feed_pos(s);
            snprintf(s->early_msg, sizeof s->early_msg, "%s", msg);
        }
        return;
    }
    feed_parse_error(s, e->line, feed_pos(s), msg);
}

/* ---- Items ---- */

/* Starts item number ++items at the current position. */
static void item_begin(feed_state *s)
{
    for (int i = 0; i < F_COUNT; i++) {
        s->f[i].b.len = 0;
        if (s->f[i].b.data)
            s->f[i].b.data[0] = '\0';
        s->f[i].b.failed = 0;
        s->f[i].started = s->f[i].done = s->f[i].over = 0;
        s->f[i].mode = M_TEXT;
    }
    s->item_no = ++s->st->items;
    s->item_err = 0;
    s->field = F_NONE;
    s->atom_rel_link = 0;
    /* The parser stands after the start tag: its '<' is the last before. */
    long long at = feed_pos(s);
    while (at > 0 && s->data[at - 1] != '<')
        at--;
    s->item_off = at > 0 ? at - 1 : 0;
}

/* Returns the text of a field with white space trimmed (*n its length),
 * or NULL when the field is missing, empty or was not read whole. */
static const char *field_text(feed_state *s, int i, size_t *n)
{
    field_buf *f = &s->f[i];
    if (!f->done || f->over || f->mode == M_IGNORE || !f->b.data)
        return NULL;
    const char *p = f->b.data, *e = p + f->b.len;
    while (p < e && strchr(" \t\r\n", *p))
        p++;
    while (e > p && strchr(" \t\r\n", e[-1]))
        e--;
    *n = (size_t)(e - p);
    return p < e ? p : NULL;
}

/* A title with markup (Atom type="html", or an RSS title holding tags):
 * tags dropped, the few entities HTML titles use decoded, white space runs
 * as one space; in place (never longer). Plain text ("text" type) keeps
 * its '<' and '&'. */
static void title_clean(char *t, int markup)
{
    char *w = t;
    int space = 0, tags = markup;
    for (const char *r = t; *r; r++) {
        if (tags && *r == '<') {
            const char *gt = strchr(r, '>');
            if (gt) {
                r = gt;
                continue;
            }
            tags = 0; /* no '>' anywhere after: no more tags (and no quadratic search) */
        }
        if (markup && *r == '&') {
            size_t left = strnlen(r, 34);
            const char *semi = memchr(r, ';', left);
            char name[32];
            if (semi && semi - r - 1 > 0 && semi - r - 1 < (long)sizeof name) {
                memcpy(name, r + 1, (size_t)(semi - r - 1));
                name[semi - r - 1] = '\0';
                long cp = name[0] == '#' ? (name[1] == 'x' || name[1] == 'X' ? strtol(name + 2, NULL, 16)
                                                                             : strtol(name + 1, NULL, 10))
                                         : 0;
                const htmlEntityDesc *e = name[0] == '#' ? NULL : htmlEntityLookup((const xmlChar *)name);
                if (e)
                    cp = (long)e->value;
                if (cp > 0x20 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
                    xmlChar u[8];
                    int k = xmlCopyCharMultiByte(u, (int)cp);
                    if (k > 0 && k <= semi - r + 1) { /* never longer than the reference */
                        if (space && w > t)
                            *w++ = ' ';
                        space = 0;
                        memcpy(w, u, (size_t)k), w += k;
                        r = semi;
                        continue;
                    }
                }
            }
        }
        if (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n' || (markup && (unsigned char)*r < 0x20)) {
            space = 1;
            continue;
        }
        if (space && w > t)
            *w++ = ' ';
        space = 0;
        *w++ = *r;
    }
    *w = '\0';
}

/* The body field of the item: content:encoded, Atom content, description,
 * summary, the first that has text. Returns its index or F_NONE. */
static int item_body(feed_state *s)
{
    static const int order[] = {F_ENCODED, F_CONTENT, F_DESCRIPTION, F_SUMMARY};
    for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
        size_t n;
        if (field_text(s, order[k], &n))
            return order[k];
    }
    return F_NONE;
}

/* Hands the item over (or reports why it cannot be); called at its end,
 * at the next item's start or at the end of the input (eof: fields still
 * open are dropped). */
static void item_end(feed_state *s, int eof)
{
    s->item_depth = 0;
    for (int i = 0; i < F_COUNT; i++)
        if (s->f[i].started && !eof)
            s->f[i].done = 1;
    s->field = F_NONE;
    for (int i = 0; i < F_COUNT; i++)
        if (s->f[i].b.failed)
            s->nomem = 1;
    if (s->nomem || s->stop)
        return;
    const char *tag = s->st->kind == FEED_ATOM ? "entry" : "item";
    if (eof && !s->item_err++) /* else the parser's error said so already */
        feed_error(s, s->item_no, s->item_off, "item %ld (byte %lld): the feed ends inside this %s",
                   s->item_no, s->item_off, tag);
    for (int i = 0; i < F_COUNT; i++)
        if (s->f[i].over) {
            feed_error(s, s->item_no, s->item_off, "item %ld (byte %lld): a field over %zu MiB: skipped",
                       s->item_no, s->item_off, FEED_MAX_FIELD_BYTES >> 20);
            return;
        }
    int body = item_body(s);
    if (body == F_NONE && eof)
        return; /* cut short: said above */
    if (body == F_NONE) {
        feed_error(s, s->item_no, s->item_off,
                   "item %ld (byte %lld): no content, description or summary: skipped", s->item_no,
                   s->item_off);
        return;
    }
    size_t n;
    ingest_record r = {0};
    r.number = s->item_no, r.offset = s->item_off;
    r.body = field_text(s, body, &r.body_len);
    record_utf8_clean((char *)(uintptr_t)r.body, r.body_len); /* our own buffer */
    r.is_html = s->f[body].mode == M_HTML;
    char *title = NULL, date[RECORD_DATE_MAX];
    const char *t = field_text(s, F_TITLE, &n);
    if (t && (title = xstrndup(t, n)) == NULL) {
        s->nomem = 1;
        return;
    }
    if (title) {
        record_utf8_clean(title, n);
        title_clean(title, s->f[F_TITLE].mode != M_PLAIN && (strchr(title, '<') || strchr(title, '&')));
        r.title = title[0] ? title : NULL;
    }
    static const int dates[] = {F_PUBLISHED, F_PUBDATE, F_DCDATE, F_UPDATED};
    for (size_t k = 0; k < 4 && !r.date; k++)
        if ((t = field_text(s, dates[k], &n)) && record_date_norm(t, n, date))
            r.date = date;
    char *url = NULL;
    if (!(t = field_text(s, F_LINK, &n)) && (t = field_text(s, F_GUID, &n)) &&
        strncmp(t, "http://", 7) && strncmp(t, "https://", 8))
        t = NULL; /* a guid that is not an address */
    if (t && !(url = xstrndup(t, n)))
        s->nomem = 1;
    if (url)
        record_utf8_clean(url, n);
    r.url = url;
    if (!s->nomem) {
        s->st->records++;
        int rc = s->on_record ? s->on_record(&r, s->arg) : 0;
        if (rc) {
            s->stop = rc;
            xmlStopParser(s->ctxt);
        }
    }
    xfree(title);
    xfree(url);
}

/* ---- SAX handlers ---- */

/* The value of attribute name of a SAX2 attribute list, or NULL; *n its
 * length. */
static const char *attr_get(int nb, const xmlChar **attrs, const char *name, size_t *n)
{
    for (int i = 0; i < nb; i++)
        if (!strcmp((const char *)attrs[5 * i], name) && !attrs[5 * i + 2]) {
            *n = (size_t)(attrs[5 * i + 4] - attrs[5 * i + 3]);
            return (const char *)attrs[5 * i + 3];
        }
    return NULL;
}

static int attr_is(int nb, const xmlChar **attrs, const char *name, const char *want)
{
    size_t n;
    const char *v = attr_get(nb, attrs, name, &n);
    return v && n == strlen(want) && !strncasecmp(v, want, n);
}

/* Is (URI, local) an item element? */
static int is_item(const char *uri, const char *local)
{
    if (!strcmp(local, "item"))
        return !uri || !strcmp(uri, NS_RSS1) || !strcmp(uri, NS_RSS09);
    return !strcmp(local, "entry") && (!uri || !strcmp(uri, NS_ATOM) || !strcmp(uri, NS_ATOM03));
}

/* The field an item's child element is, or F_NONE. */
static int field_of(const char *uri, const char *local)
{
    static const struct {
        const char *name;
        int field;
    } core[] = {{"title", F_TITLE},         {"link", F_LINK},       {"guid", F_GUID},
                {"id", F_GUID},             {"pubDate", F_PUBDATE}, {"published", F_PUBLISHED},
                {"issued", F_PUBLISHED},    {"created", F_PUBLISHED}, {"updated", F_UPDATED},
                {"modified", F_UPDATED},    {"content", F_CONTENT}, {"description", F_DESCRIPTION},
                {"summary", F_SUMMARY}};
    if (uri && !strcmp(uri, NS_CONTENT))
        return !strcmp(local, "encoded") ? F_ENCODED : F_NONE;
    if (uri && !strcmp(uri, NS_DC))
        return !strcmp(local, "date") ? F_DCDATE : F_NONE;
    if (uri && strcmp(uri, NS_ATOM) && strcmp(uri, NS_ATOM03) && strcmp(uri, NS_RSS1) &&
        strcmp(uri, NS_RSS09))
        return F_NONE; /* media:title, itunes:summary and the like */
    for (size_t i = 0; i < sizeof core / sizeof *core; i++)
        if (!strcmp(local, core[i].name))
            return core[i].field;
    return F_NONE;
}

/* How an Atom text construct or content is kept, by its type attribute. */
static int atom_mode(int nb, const xmlChar **attrs, int is_body)
{
    size_t n;
    const char *type = attr_get(nb, attrs, "type", &n), *src = attr_get(nb, attrs, "src", &n);
    if (src && is_body)
        return M_IGNORE; /* out of line: nothing here to read */
    if (!type || (n == 4 && !strncasecmp(type, "text", 4)) || (n == 10 && !strncasecmp(type, "text/plain", 10)))
        return M_PLAIN; /* Atom's default type is text */
    if ((n == 4 && !strncasecmp(type, "html", 4)) || (n == 5 && !strncasecmp(type, "xhtml", 5)) ||
        (n >= 9 && !strncasecmp(type, "text/html", 9)) ||
        (n >= 21 && !strncasecmp(type, "application/xhtml+xml", 21)))
        return M_HTML;
    return is_body ? M_IGNORE : M_TEXT;
}

/* HTML elements without an end tag: written back as a start tag alone. */
static int html_void(const char *name)
{
    static const char *const v[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                    "link", "meta", "param", "source", "track", "wbr"};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        if (!strcasecmp(name, v[i]))
            return 1;
    return 0;
}

/* A start tag inside a body field, written back as HTML markup. */
static void markup_start(feed_state *s, const char *local, int nb, const xmlChar **attrs)
{
    field_add(s, "<", 1);
    field_add(s, local, strlen(local));
    for (int i = 0; i < nb; i++) {
        const char *name = (const char *)attrs[5 * i];
        field_add(s, " ", 1);
        field_add(s, name, strlen(name));
        field_add(s, "=\"", 2);
        field_add_escaped(s, (const char *)attrs[5 * i + 3], (size_t)(attrs[5 * i + 4] - attrs[5 * i + 3]));
        field_add(s, "\"", 1);
    }
    field_add(s, ">", 1);
}

/* The root element: decides RSS or Atom, or stops on anything else. */
static void on_root(feed_state *s, const char *local)
{
    s->root_seen = 1;
    if (s->early_code && s->early_code != XML_ERR_UNSUPPORTED_ENCODING)
        feed_parse_error(s, s->early_line, s->early_at, s->early_msg);
    if (!strcmp(local, "rss") || !strcmp(local, "RDF"))
        s->st->kind = FEED_RSS;
    else if (!strcmp(local, "feed"))
        s->st->kind = FEED_ATOM;
    else {
        s->not_feed = 1;
        feed_error(s, 0, 0, "not a feed: the root element is <%.60s>, not <rss>, <rdf:RDF> or <feed>", local);
        xmlStopParser(s->ctxt);
    }
}

/* Is rel one of Atom's links that never lead to the article? */
static int rel_is_meta(const char *rel, size_t n)
{
    static const char *const meta[] = {"self", "edit", "enclosure", "replies", "license", "via", "edit-media"};
    for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
        if (n == strlen(meta[i]) && !strncasecmp(rel, meta[i], n))
            return 1;
    return 0;
}

/* An Atom link (<link rel href/>, in an Atom entry or as atom:link in an
 * RSS item): the first alternate one (or one without rel) is the item's
 * address; another kind is kept only while there is none (never over an
 * RSS <link>). */
static void link_href(feed_state *s, int nb, const xmlChar **attrs)
{
    size_t n, hn;
    const char *rel = attr_get(nb, attrs, "rel", &n), *href = attr_get(nb, attrs, "href", &hn);
    int alt = !rel || (n == 9 && !strncasecmp(rel, "alternate", 9));
    field_buf *f = &s->f[F_LINK];
    if (s->atom_rel_link || (!alt && rel_is_meta(rel, n)) ||
        (f->started && (!alt || s->st->kind != FEED_ATOM)))
        return;
    f->b.len = 0;
    f->mode = M_TEXT;
    s->field = F_LINK;
    field_add(s, href, hn);
    s->field = F_NONE;
    f->started = f->done = 1;
    s->atom_rel_link = (char)alt;
}

/* A child element of the open item: starts reading a field. */
static void field_begin(feed_state *s, const char *uri, const char *local, int nb, const xmlChar **attrs)
{
    int f = field_of(uri, local);
    size_t n;
    if (f == F_LINK && attr_get(nb, attrs, "href", &n)) {
        link_href(s, nb, attrs);
        return;
    }
    if (f == F_NONE || s->f[f].started)
        return;
    s->f[f].started = 1;
    s->f[f].mode = f >= F_ENCODED ? M_HTML : M_TEXT;
    if (s->st->kind == FEED_ATOM && (f == F_CONTENT || f == F_SUMMARY || f == F_TITLE))
        s->f[f].mode = atom_mode(nb, attrs, f != F_TITLE);
    if (f == F_GUID && attr_is(nb, attrs, "isPermaLink", "false"))
        s->f[f].mode = M_IGNORE;
    s->field = f;
    s->field_depth = s->depth;
}

static void on_start(void *ud, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
    (void)prefix, (void)nb_namespaces, (void)namespaces, (void)nb_defaulted;
    feed_state *s = ud;
    const char *local = (const char *)localname, *uri = (const char *)URI;
    s->depth++;
    if (!s->root_seen) {
        on_root(s, local);
        return;
    }
    if (s->field != F_NONE) {
        if (s->f[s->field].mode == M_HTML)
            markup_start(s, local, nb_attributes, attributes);
        return;
    }
    if (is_item(uri, local)) {
        if (s->item_depth) /* an item left open by a broken one: it ends here */
            item_end(s, 0);
        s->item_depth = s->depth;
        item_begin(s);
        return;
    }
    if (s->item_depth && s->depth == s->item_depth + 1)
        field_begin(s, uri, local, nb_attributes, attributes);
}

static void on_end(void *ud, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI)
{
    (void)prefix, (void)URI;
    feed_state *s = ud;
    if (s->field != F_NONE) {
        if (s->depth == s->field_depth) {
            s->f[s->field].done = 1;
            s->field = F_NONE;
        } else if (s->f[s->field].mode == M_HTML && !html_void((const char *)localname)) {
            field_add(s, "</", 2);
            field_add(s, (const char *)localname, strlen((const char *)localname));
            field_add(s, ">", 1);
        }
    }
    if (s->item_depth && s->depth <= s->item_depth)
        item_end(s, 0);
    s->depth--;
}

static void on_text(void *ud, const xmlChar *ch, int len)
{
    feed_state *s = ud;
    if (s->field == F_NONE || len <= 0)
        return;
    if (s->f[s->field].mode == M_HTML && s->depth > s->field_depth)
        field_add_escaped(s, (const char *)ch, (size_t)len);
    else
        field_add(s, (const char *)ch, (size_t)len);
}

/* ---- Reading ---- */

/* Returns a reason when data looks like binary data rather than XML (NUL
 * or most control bytes in the first 1 KiB, a compressed file's magic). */
static const char *binary_reason(const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 2 && u[0] == 0x1f && u[1] == 0x8b)
        return "gzip-compressed data (decompress it first)";
    if (len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) || (u[0] == 0xff && u[1] == 0xfe)))
        return NULL; /* UTF-16 with its BOM: the parser reads it */
    size_t n = len < 1024 ? len : 1024, bad = 0;
    for (size_t i = 0; i < n; i++)
        if (u[i] == 0 || (u[i] < 0x20 && !strchr("\t\r\n\f", u[i])))
            bad++;
    return bad * 10 > n || memchr(data, 0, n) ? "binary data (NUL or control bytes)" : NULL;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }

/* Runs the parser over the input with the feed handlers (ignore_enc: the
 * declared encoding is not read: UTF-8, with libxml2's Latin-1 reading of
 * bytes that are not). */
static void feed_parse(feed_state *s, int ignore_enc)
{
    xmlSAXHandler h;
    memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = on_start;
    h.endElementNs = on_end;
    h.characters = on_text;
    h.cdataBlock = on_text;
    h.ignorableWhitespace = on_text;
    h.serror = on_xml_error;
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(s->data, (int)s->len);
    if (!ctxt) {
        s->nomem = 1;
        return;
    }
    xmlCtxtUseOptions(ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                                (ignore_enc ? XML_PARSE_IGNORE_ENC : 0));
    memcpy(ctxt->sax, &h, sizeof h);
    ctxt->userData = s;
    s->ctxt = ctxt;
    xmlParseDocument(ctxt);
    if (ctxt->errNo == XML_ERR_NO_MEMORY)
        s->nomem = 1;
    if (ctxt->myDoc) { /* a document libxml2 made for a DTD's entities: not ours to keep */
        xmlFreeDoc(ctxt->myDoc);
        ctxt->myDoc = NULL;
    }
    if (s->item_depth && !s->stop && !s->nomem)
        item_end(s, 1);
    s->ctxt = NULL;
    xmlFreeParserCtxt(ctxt);
}

/* Is data[0..len) only white space? */
static int all_space(const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", data[i]))
            return 0;
    return 1;
}

int feed_read(const char *data, size_t len, ingest_record_fn on_record,
              ingest_record_error_fn on_error, void *arg, feed_stats *stats)
{
    feed_stats local;
    feed_state s = {0};
    s.st = stats ? stats : &local;
    memset(s.st, 0, sizeof *s.st);
    s.data = data, s.len = len;
    s.on_record = on_record, s.on_error = on_error, s.arg = arg;
    s.field = F_NONE;
    s.outside_err_at = -1;
    if (!data || all_space(data, len)) {
        feed_error(&s, 0, 0, "empty feed");
        return s.stop ? s.stop : NF_EEMPTY;
    }
    const char *why = binary_reason(data, len);
    if (why) {
        feed_error(&s, 0, 0, "not a feed: %s", why);
        return s.stop ? s.stop : NF_EDATA;
    }
    if (len > INT_MAX) {
        feed_error(&s, 0, 0, "feed of %zu bytes: over the 2 GiB the parser reads", len);
        return s.stop ? s.stop : NF_ELIMIT;
    }
    pthread_once(&xml_once, xml_init);
    feed_parse(&s, 0);
    if (!s.root_seen && s.early_code == XML_ERR_UNSUPPORTED_ENCODING && !s.nomem && !s.stop) {
        /* An unknown charset: said, then the bytes read as UTF-8 (Latin-1
         * where they are not), which recovers ASCII markup and text. */
        feed_error(&s, 0, 0, "unknown charset (%s): read as UTF-8", s.early_msg);
        s.early_code = 0;
        feed_parse(&s, 1);
    }
    for (int i = 0; i < F_COUNT; i++)
        buf_free(&s.f[i].b);
    if (s.nomem)
        return NF_ENOMEM;
    if (s.stop)
        return s.stop;
    if (s.not_feed)
        return NF_EDATA;
    if (!s.root_seen) {
        feed_error(&s, 0, s.early_at, "not a feed: %s", s.early_msg[0] ? s.early_msg : "no XML element");
        return s.stop ? s.stop : NF_EDATA;
    }
    if (!s.st->items) {
        feed_error(&s, 0, 0, "%s without any %s", s.st->kind == FEED_ATOM ? "Atom feed" : "RSS feed",
                   s.st->kind == FEED_ATOM ? "entry" : "item");
        return s.stop ? s.stop : NF_EEMPTY;
    }
    return NF_OK;
}
