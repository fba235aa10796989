/* The page read into a compact tree: libxml2's HTML parser in SAX mode
 * (it never builds its own tree, which costs more than the reading), the
 * nodes in document order in one array (a parent always comes before its
 * children, so one backward loop adds up a subtree), text and attribute
 * values in one pool, and for every piece of text the bytes of the page it
 * came from (the parser's input position at each event). */
#include "core/alloc.h"
#include "ingest/html.h"
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- Tags and attributes ---- */

static const struct tag_def {
    const char *name;
    uint16_t tag;
    uint16_t props;
} tags[] = { /* sorted by name */
    {"a", HT_A, 0}, {"address", HT_ADDRESS, TP_BLOCK}, {"applet", HT_OBJECT, TP_SKIP},
    {"area", HT_OTHER, TP_SKIP}, {"article", HT_ARTICLE, TP_BLOCK},
    {"aside", HT_ASIDE, TP_BLOCK | TP_BOILER}, {"audio", HT_AUDIO, TP_SKIP}, {"b", HT_B, 0},
    {"base", HT_OTHER, TP_SKIP}, {"blockquote", HT_BLOCKQUOTE, TP_BLOCK}, {"body", HT_BODY, TP_BLOCK},
    {"br", HT_BR, TP_BREAK}, {"button", HT_BUTTON, TP_SKIP}, {"canvas", HT_CANVAS, TP_SKIP},
    {"caption", HT_CAPTION, TP_BLOCK | TP_CAPTION}, {"center", HT_CENTER, TP_BLOCK},
    {"cite", HT_CITE, 0}, {"code", HT_CODE, 0}, {"datalist", HT_OTHER, TP_SKIP},
    {"dd", HT_DD, TP_BLOCK}, {"details", HT_DETAILS, TP_BLOCK},
    {"dialog", HT_DIALOG, TP_BLOCK | TP_BOILER}, {"dir", HT_UL, TP_BLOCK | TP_LIST},
    {"div", HT_DIV, TP_BLOCK}, {"dl", HT_DL, TP_BLOCK | TP_LIST}, {"dt", HT_DT, TP_BLOCK},
    {"em", HT_EM, 0}, {"embed", HT_EMBED, TP_SKIP}, {"fieldset", HT_FIELDSET, TP_BLOCK},
    {"figcaption", HT_FIGCAPTION, TP_BLOCK | TP_CAPTION}, {"figure", HT_FIGURE, TP_BLOCK},
    {"footer", HT_FOOTER, TP_BLOCK | TP_BOILER}, {"form", HT_FORM, TP_BLOCK},
    {"frame", HT_OTHER, TP_SKIP}, {"frameset", HT_OTHER, TP_SKIP},
    {"h1", HT_H1, TP_BLOCK | TP_HEADING}, {"h2", HT_H2, TP_BLOCK | TP_HEADING},
    {"h3", HT_H3, TP_BLOCK | TP_HEADING}, {"h4", HT_H4, TP_BLOCK | TP_HEADING},
    {"h5", HT_H5, TP_BLOCK | TP_HEADING}, {"h6", HT_H6, TP_BLOCK | TP_HEADING},
    {"head", HT_HEAD, TP_SKIP}, {"header", HT_HEADER, TP_BLOCK | TP_BOILER},
    {"hgroup", HT_HGROUP, TP_BLOCK}, {"hr", HT_HR, TP_BLOCK}, {"html", HT_HTML, TP_BLOCK},
    {"i", HT_I, 0}, {"iframe", HT_IFRAME, TP_SKIP}, {"img", HT_IMG, 0},
    {"input", HT_INPUT, TP_SKIP}, {"label", HT_LABEL, 0}, {"legend", HT_LEGEND, TP_BLOCK},
    {"li", HT_LI, TP_BLOCK}, {"link", HT_LINK, TP_SKIP}, {"main", HT_MAIN, TP_BLOCK},
    {"map", HT_OTHER, TP_SKIP}, {"math", HT_MATH, TP_SKIP},
    {"menu", HT_MENU, TP_BLOCK | TP_LIST | TP_BOILER}, {"meta", HT_META, TP_SKIP},
    {"nav", HT_NAV, TP_BLOCK | TP_BOILER}, {"noframes", HT_OTHER, TP_SKIP},
    {"noscript", HT_NOSCRIPT, TP_SKIP}, {"object", HT_OBJECT, TP_SKIP},
    {"ol", HT_OL, TP_BLOCK | TP_LIST}, {"optgroup", HT_OTHER, TP_SKIP},
    {"option", HT_OPTION, TP_SKIP}, {"output", HT_OTHER, TP_SKIP}, {"p", HT_P, TP_BLOCK},
    {"param", HT_OTHER, TP_SKIP}, {"picture", HT_PICTURE, 0},
    {"pre", HT_PRE, TP_BLOCK | TP_PRE}, {"progress", HT_OTHER, TP_SKIP}, {"q", HT_Q, 0},
    {"script", HT_SCRIPT, TP_SKIP}, {"section", HT_SECTION, TP_BLOCK},
    {"select", HT_SELECT, TP_SKIP}, {"small", HT_SMALL, 0}, {"source", HT_SOURCE, TP_SKIP},
    {"span", HT_SPAN, 0}, {"strong", HT_STRONG, 0}, {"style", HT_STYLE, TP_SKIP},
    {"summary", HT_SUMMARY, TP_BLOCK}, {"sup", HT_SUP, 0}, {"svg", HT_SVG, TP_SKIP},
    {"table", HT_TABLE, TP_BLOCK}, {"tbody", HT_TBODY, TP_BLOCK}, {"td", HT_TD, TP_BLOCK},
    {"template", HT_TEMPLATE, TP_SKIP}, {"textarea", HT_TEXTAREA, TP_SKIP},
    {"tfoot", HT_TFOOT, TP_BLOCK}, {"th", HT_TH, TP_BLOCK}, {"thead", HT_THEAD, TP_BLOCK},
    {"time", HT_TIME, 0}, {"title", HT_TITLE, TP_SKIP}, {"tr", HT_TR, TP_BLOCK},
    {"track", HT_OTHER, TP_SKIP}, {"u", HT_U, 0}, {"ul", HT_UL, TP_BLOCK | TP_LIST},
    {"video", HT_VIDEO, TP_SKIP},
};
#define NTAGS (sizeof tags / sizeof *tags)

static unsigned props_of[HT_COUNT];
static pthread_once_t props_once = PTHREAD_ONCE_INIT;

/* Fills props_of from the table (and initialises libxml2, once). */
static void tables_init(void)
{
    for (size_t i = 0; i < NTAGS; i++)
        props_of[tags[i].tag] = tags[i].props;
    props_of[HT_OTHER] = 0;
    xmlInitParser();
}

static int tag_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct tag_def *)elem)->name);
}

int html_tag_of(const char *name)
{
    const struct tag_def *t = bsearch(name, tags, NTAGS, sizeof *tags, tag_cmp);
    return t ? t->tag : HT_OTHER;
}

unsigned html_tag_props(int tag)
{
    pthread_once(&props_once, tables_init);
    return tag >= 0 && tag < HT_COUNT ? props_of[tag] : 0;
}

/* The attribute of a lower-case name, or -1 for one the extractor ignores. */
static int attr_of(const char *name)
{
    static const char *const names[HA_COUNT] = {
        "class", "id", "itemprop", "role", "href", "rel", "lang", "name", "property",
        "content", "http-equiv", "datetime", "type", "itemtype", "pubdate", "title"};
    for (int i = 0; i < HA_COUNT; i++)
        if (!strcmp(name, names[i]))
            return i;
    return -1;
}

const char *html_attr(const hdom *dom, uint32_t i, int a)
{
    const hnode *n = &dom->nodes[i];
    if (n->tag == HT_TEXT)
        return NULL;
    for (uint32_t k = n->off; k < n->off + n->len; k++)
        if (dom->attrs[k].name == a)
            return dom->pool + dom->attrs[k].val;
    return NULL;
}

/* ---- Building ---- */

typedef struct builder {
    hdom *dom;
    htmlParserCtxtPtr ctxt;
    const char *src;   /* the UTF-8 page */
    size_t src_len;
    size_t prev;       /* where the last event ended in src */
    uint32_t stack[HTML_MAX_DEPTH]; /* the parser's open elements; 0: one we closed */
    int depth;         /* open elements on the stack */
    long overflow;     /* open elements past HTML_MAX_DEPTH (no node) */
    int drop_depth;    /* > 0: text below stack[drop_depth - 1] is not kept */
} builder;

/* The innermost open element that is still open in the tree (0: the
 * root). */
static uint32_t builder_parent(const builder *b)
{
    for (int k = b->depth - 1; k >= 0; k--)
        if (b->stack[k])
            return b->stack[k];
    return 0;
}

/* The parser's position in src. */
static size_t builder_pos(const builder *b)
{
    const xmlParserInput *in = b->ctxt->input;
    size_t p = (size_t)(in->cur - in->base) + (size_t)in->consumed;
    return p > b->src_len ? b->src_len : p;
}

/* Appends s[0..n) and a NUL to the pool; returns its offset (0 on failure,
 * with dom->failed set: offset 0 holds the empty string). */
static uint32_t pool_add(hdom *dom, const char *s, size_t n)
{
    if (dom->plen + n + 1 > dom->pcap) {
        size_t want = dom->pcap ? dom->pcap : 1 << 16;
        while (want < dom->plen + n + 1)
            want *= 2;
        char *p = want > UINT32_MAX ? NULL : xrealloc(dom->pool, want);
        if (!p)
            return dom->failed = 1, 0;
        dom->pool = p, dom->pcap = want;
    }
    uint32_t at = (uint32_t)dom->plen;
    memcpy(dom->pool + at, s, n);
    dom->pool[at + n] = '\0';
    dom->plen += n + 1;
    return at;
}

/* Appends a node of tag under parent; returns its index, 0 on failure. */
static uint32_t node_add(hdom *dom, uint32_t parent, int tag)
{
    if (dom->n >= UINT32_MAX - 1 || GROW(dom->nodes, dom->cap, dom->n + 1))
        return dom->failed = 1, 0;
    uint32_t i = (uint32_t)dom->n++;
    hnode *n = &dom->nodes[i];
    memset(n, 0, sizeof *n);
    n->tag = (uint16_t)tag;
    n->parent = parent;
    n->end = i + 1;
    hnode *p = &dom->nodes[parent];
    if (p->last)
        dom->nodes[p->last].next = i;
    else
        p->first = i;
    p->last = i;
    return i;
}

/* Returns 1 if an element with these attributes is hidden from readers. */
static int attrs_hidden(const xmlChar **atts)
{
    for (size_t k = 0; atts && atts[k]; k += 2) {
        const char *name = (const char *)atts[k], *v = (const char *)atts[k + 1];
        if (!strcmp(name, "hidden"))
            return 1;
        if (!v)
            continue;
        if (!strcmp(name, "aria-hidden") && !strcasecmp(v, "true"))
            return 1;
        if (!strcmp(name, "style")) {
            char sq[128];
            size_t m = 0;
            for (const char *c = v; *c && m + 1 < sizeof sq; c++)
                if (*c != ' ')
                    sq[m++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
            sq[m] = '\0';
            if (strstr(sq, "display:none") || strstr(sq, "visibility:hidden"))
                return 1;
        }
    }
    return 0;
}

/* Keeps the attributes the extractor reads. */
static void attrs_keep(hdom *dom, hnode *n, const xmlChar **atts)
{
    n->off = (uint32_t)dom->nattrs;
    for (size_t k = 0; atts && atts[k]; k += 2) {
        int a = attr_of((const char *)atts[k]);
        if (a < 0)
            continue;
        const char *v = atts[k + 1] ? (const char *)atts[k + 1] : "";
        if (GROW(dom->attrs, dom->attrcap, dom->nattrs + 1)) {
            dom->failed = 1;
            return;
        }
        size_t len = strlen(v);
        dom->attrs[dom->nattrs++] = (hattr){pool_add(dom, v, len), (uint32_t)len, (uint16_t)a};
        n->len++;
    }
}

/* Returns 1 if text inside an element of tag (with these attributes) is
 * dropped while parsing: scripts (but JSON-LD), styles and the like. */
static int drops_text(int tag, const xmlChar **atts)
{
    if (tag == HT_SCRIPT) {
        for (size_t k = 0; atts && atts[k]; k += 2)
            if (!strcmp((const char *)atts[k], "type") && atts[k + 1] &&
                strstr((const char *)atts[k + 1], "ld+json"))
                return 0;
        return 1;
    }
    return tag == HT_STYLE || tag == HT_SVG || tag == HT_MATH || tag == HT_TEMPLATE ||
           tag == HT_SELECT || tag == HT_TEXTAREA || tag == HT_NOSCRIPT || tag == HT_OPTION;
}

static void on_start(void *ud, const xmlChar *name, const xmlChar **atts)
{
    builder *b = ud;
    size_t p = builder_pos(b);
    if (p < b->src_len && b->src[p] == '/')
        p++;
    if (p < b->src_len && b->src[p] == '>')
        p++;
    b->prev = p > b->prev ? p : b->prev;
    if (b->depth >= HTML_MAX_DEPTH || b->dom->failed) {
        b->overflow++;
        return;
    }
    int tag = html_tag_of((const char *)name);
    uint32_t i = node_add(b->dom, builder_parent(b), tag);
    if (!i) {
        b->overflow++;
        return;
    }
    hnode *n = &b->dom->nodes[i];
    attrs_keep(b->dom, n, atts);
    if (attrs_hidden(atts))
        n->flags |= HF_HIDDEN;
    b->stack[b->depth++] = i;
    if (!b->drop_depth && drops_text(tag, atts))
        b->drop_depth = b->depth, n->flags |= HF_DROPPED;
}

static void on_end(void *ud, const xmlChar *name)
{
    (void)name;
    builder *b = ud;
    size_t p = builder_pos(b);
    b->prev = p > b->prev ? p : b->prev;
    if (b->overflow) {
        b->overflow--;
        return;
    }
    if (!b->depth)
        return;
    uint32_t i = b->stack[--b->depth];
    if (i)
        b->dom->nodes[i].end = (uint32_t)b->dom->n;
    if (b->drop_depth > b->depth)
        b->drop_depth = 0;
}

/* Returns 1 if an end tag of this tag closes every element opened inside
 * its element, as browsers read it (the HTML standard's end tags of
 * address, article, aside, blockquote, button, div, footer, form, header,
 * li, main, nav, ol, p, section, ul... and the headings). */
static int closes_inside(int tag)
{
    switch (tag) {
    case HT_ADDRESS: case HT_ARTICLE: case HT_ASIDE: case HT_BLOCKQUOTE: case HT_BUTTON:
    case HT_CENTER: case HT_DETAILS: case HT_DIALOG: case HT_DIV: case HT_DL: case HT_FIELDSET:
    case HT_FIGCAPTION: case HT_FIGURE: case HT_FOOTER: case HT_FORM: case HT_HEADER:
    case HT_HGROUP: case HT_MAIN: case HT_MENU: case HT_NAV: case HT_OL: case HT_PRE:
    case HT_SECTION: case HT_SUMMARY: case HT_UL: case HT_P: case HT_LI: case HT_DD: case HT_DT:
    case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5: case HT_H6:
        return 1;
    default:
        return 0;
    }
}

/* An end tag the parser refused to honour because an element it ranks
 * higher is open inside ("</button>" over an unclosed <div>): browsers
 * close everything up to the element (table cells and tables bound the
 * search), and so does the tree. The parser still thinks them open: they
 * stay on the stack as 0, to be popped by its own end events later. */
static void close_to(builder *b, int tag)
{
    hdom *dom = b->dom;
    int k = b->depth - 1;
    for (; k >= 0; k--) {
        int t = b->stack[k] ? dom->nodes[b->stack[k]].tag : -1;
        if (t == tag)
            break;
        if (t == HT_TABLE || t == HT_TD || t == HT_TH || t == HT_CAPTION || t == HT_TEMPLATE ||
            t == HT_HTML || t == HT_OBJECT)
            return;
    }
    if (k < 0)
        return;
    for (int j = b->depth - 1; j >= k; j--)
        if (b->stack[j]) {
            dom->nodes[b->stack[j]].end = (uint32_t)dom->n;
            b->stack[j] = 0;
        }
    if (b->drop_depth > k)
        b->drop_depth = 0;
}

/* The parser's errors (it formats them first: msg "%s" and the text):
 * only "Opening and ending tag mismatch: X and Y", an end tag X it did not
 * honour, is acted on (close_to). */
static void on_error(void *ud, const char *msg, ...)
{
    static const char mismatch[] = "Opening and ending tag mismatch: ";
    va_list ap;
    va_start(ap, msg);
    const char *text = strcmp(msg, "%s") ? msg : va_arg(ap, const char *);
    va_end(ap);
    if (!text || strncmp(text, mismatch, sizeof mismatch - 1))
        return;
    char name[16];
    size_t k = 0;
    for (const char *c = text + sizeof mismatch - 1; *c && *c != ' ' && k + 1 < sizeof name; c++)
        name[k++] = *c;
    name[k] = '\0';
    builder *b = ud;
    int tag = html_tag_of(name);
    if (!b->overflow && closes_inside(tag))
        close_to(b, tag);
}

/* Adds a run for text[0..n) read from src[start..end) to text node t,
 * merging it into the node's last run when both are exact and meet. */
static void run_add(builder *b, hnode *t, uint32_t text, size_t n, size_t start, size_t end)
{
    hdom *dom = b->dom;
    int exact = n == end - start && !memcmp(dom->pool + text, b->src + start, n);
    if (t->nruns) {
        hrun *r = &dom->runs[t->run + t->nruns - 1];
        if (r->exact && exact && r->html + r->html_len == start && r->text + r->text_len == text) {
            r->text_len += (uint32_t)n, r->html_len += (uint32_t)n;
            return;
        }
    }
    if (GROW(dom->runs, dom->runcap, dom->nruns + 1)) {
        dom->failed = 1;
        return;
    }
    if (!t->nruns)
        t->run = (uint32_t)dom->nruns;
    dom->runs[dom->nruns++] = (hrun){text, (uint32_t)n, (uint32_t)start, (uint32_t)(end - start), (uint32_t)exact};
    t->nruns++;
}

/* The characters Windows-1252 puts at 0x80-0x9F, which pages write as
 * &#146; and the like meaning ’ (HTML reads them so); 0 where it has none. */
static const uint16_t c1_cp1252[32] = {
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178};

/* Returns 1 if s[0..n) holds a C1 control character (U+0080-U+009F). */
static int has_c1(const xmlChar *s, int n)
{
    for (int k = 0; k + 1 < n; k++)
        if (s[k] == 0xc2 && s[k + 1] >= 0x80 && s[k + 1] <= 0x9f)
            return 1;
    return 0;
}

/* Copies s[0..n) into out (3 * n bytes at least) with each C1 control read
 * as Windows-1252 (or as a space where it has no character); returns the
 * new length. */
static int c1_translate(const xmlChar *s, int n, xmlChar *out)
{
    int m = 0;
    for (int k = 0; k < n; k++) {
        if (s[k] != 0xc2 || k + 1 >= n || s[k + 1] < 0x80 || s[k + 1] > 0x9f) {
            out[m++] = s[k];
            continue;
        }
        unsigned cp = c1_cp1252[s[++k] - 0x80];
        if (!cp)
            out[m++] = ' ';
        else if (cp < 0x800)
            out[m++] = (xmlChar)(0xc0 | cp >> 6), out[m++] = (xmlChar)(0x80 | (cp & 0x3f));
        else
            out[m++] = (xmlChar)(0xe0 | cp >> 12), out[m++] = (xmlChar)(0x80 | ((cp >> 6) & 0x3f)),
            out[m++] = (xmlChar)(0x80 | (cp & 0x3f));
    }
    return m;
}

static void on_text_clean(void *ud, const xmlChar *s, int len);

/* Text from the parser: C1 controls (&#146;) read as Windows-1252 first. */
static void on_text(void *ud, const xmlChar *s, int len)
{
    if (len <= 0 || !has_c1(s, len)) {
        on_text_clean(ud, s, len);
        return;
    }
    xmlChar small[512], *t = (size_t)len * 3 / 2 + 1 <= sizeof small ? small : xmalloc((size_t)len * 3 / 2 + 1);
    if (!t) {
        ((builder *)ud)->dom->failed = 1;
        return;
    }
    on_text_clean(ud, t, c1_translate(s, len, t));
    if (t != small)
        xfree(t);
}

static void on_text_clean(void *ud, const xmlChar *s, int len)
{
    builder *b = ud;
    hdom *dom = b->dom;
    size_t end = builder_pos(b), start = b->prev < end ? b->prev : end;
    b->prev = end > b->prev ? end : b->prev;
    if (b->drop_depth || len <= 0 || dom->failed)
        return;
    uint32_t parent = builder_parent(b);
    uint32_t last = dom->nodes[parent].last, i;
    hnode *t = last ? &dom->nodes[last] : NULL;
    if (t && t->tag == HT_TEXT && t->off + t->len + 1 == dom->plen && t->run + t->nruns == dom->nruns) {
        i = last;
        dom->plen--; /* extend it over its NUL */
    } else {
        i = node_add(dom, parent, HT_TEXT);
        if (!i)
            return;
        t = &dom->nodes[i];
        t->off = (uint32_t)dom->plen;
    }
    uint32_t at = pool_add(dom, (const char *)s, (size_t)len);
    if (dom->failed)
        return;
    t = &dom->nodes[i];
    t->len += (uint32_t)len;
    run_add(b, t, at, (size_t)len, start, end);
}

static void on_other(void *ud, const xmlChar *s)
{
    (void)s;
    builder *b = ud;
    size_t p = builder_pos(b);
    b->prev = p > b->prev ? p : b->prev;
}

/* Runs libxml2's HTML parser over the UTF-8 page with our handlers: the
 * page is UTF-8 already (charset.c), so its own declarations are ignored
 * and it is never re-encoded (offsets stay those of ct->text). */
static int dom_run_parser(builder *b)
{
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(b->src, (int)b->src_len);
    if (!ctxt)
        return NF_ENOMEM;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED);
    htmlSAXHandler h;
    memset(&h, 0, sizeof h);
    h.startElement = on_start;
    h.endElement = on_end;
    h.characters = on_text;
    h.cdataBlock = on_text;
    h.ignorableWhitespace = on_text;
    h.comment = on_other;
    h.error = on_error;
    memcpy(ctxt->sax, &h, sizeof h);
    ctxt->userData = b;
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    b->ctxt = ctxt;
    htmlParseDocument(ctxt);
    int nomem = ctxt->errNo == XML_ERR_NO_MEMORY;
    htmlFreeParserCtxt(ctxt);
    return nomem ? NF_ENOMEM : NF_OK;
}

int html_dom_parse(const charset_text *ct, hdom *dom)
{
    pthread_once(&props_once, tables_init);
    memset(dom, 0, sizeof *dom);
    if (ct->len > HTML_MAX_BYTES)
        return NF_ELIMIT;
    pool_add(dom, "", 0); /* offset 0: the empty string */
    node_add(dom, 0, HT_DOC);
    if (dom->failed)
        return NF_ENOMEM;
    dom->nodes[0].parent = 0, dom->nodes[0].first = dom->nodes[0].last = 0;
    builder *b = xcalloc(1, sizeof *b);
    if (!b)
        return NF_ENOMEM;
    b->dom = dom, b->src = ct->text, b->src_len = ct->len;
    int rc = ct->len ? dom_run_parser(b) : NF_OK;
    while (b->depth) /* elements the parser left open */
        if (b->stack[--b->depth])
            dom->nodes[b->stack[b->depth]].end = (uint32_t)dom->n;
    dom->nodes[0].end = (uint32_t)dom->n;
    xfree(b);
    return dom->failed ? NF_ENOMEM : rc;
}

void html_dom_free(hdom *dom)
{
    if (!dom)
        return;
    xfree(dom->nodes);
    xfree(dom->attrs);
    xfree(dom->runs);
    xfree(dom->pool);
    memset(dom, 0, sizeof *dom);
}
