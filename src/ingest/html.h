/* HTML pages, inside the library: the page read into a compact tree
 * (html_dom.c, on libxml2's HTML parser in SAX mode), its main text
 * (html_main.c), its metadata (html_meta.c) and dates (html_date.c); the
 * public face is nf_page (html.c). Every offset is 32 bits: pages are
 * refused past HTML_MAX_BYTES. */
#ifndef NF_INGEST_HTML_H
#define NF_INGEST_HTML_H
#include "ingest/charset.h"
#include "newsfuse.h"
#include <stdint.h>

#define HTML_MAX_BYTES ((size_t)256 << 20)
#define HTML_MAX_DEPTH 400 /* elements deeper than this add no node (their text goes on) */

/* Tags the extractor tells apart; every other is HT_OTHER. HT_TEXT marks a
 * text node, HT_DOC the root. */
enum html_tag {
    HT_TEXT, HT_DOC, HT_OTHER,
    HT_A, HT_ADDRESS, HT_ARTICLE, HT_ASIDE, HT_AUDIO, HT_B, HT_BLOCKQUOTE, HT_BODY, HT_BR,
    HT_BUTTON, HT_CANVAS, HT_CAPTION, HT_CENTER, HT_CITE, HT_CODE, HT_DD, HT_DETAILS, HT_DIALOG,
    HT_DIV, HT_DL, HT_DT, HT_EM, HT_EMBED, HT_FIELDSET, HT_FIGCAPTION, HT_FIGURE, HT_FOOTER,
    HT_FORM, HT_H1, HT_H2, HT_H3, HT_H4, HT_H5, HT_H6, HT_HEAD, HT_HEADER, HT_HGROUP, HT_HR,
    HT_HTML, HT_I, HT_IFRAME, HT_IMG, HT_INPUT, HT_LABEL, HT_LEGEND, HT_LI, HT_LINK, HT_MAIN,
    HT_MATH, HT_MENU, HT_META, HT_NAV, HT_NOSCRIPT, HT_OBJECT, HT_OL, HT_OPTION, HT_P, HT_PICTURE,
    HT_PRE, HT_Q, HT_SCRIPT, HT_SECTION, HT_SELECT, HT_SMALL, HT_SOURCE, HT_SPAN, HT_STRONG,
    HT_STYLE, HT_SUMMARY, HT_SUP, HT_SVG, HT_TABLE, HT_TBODY, HT_TD, HT_TEMPLATE, HT_TEXTAREA,
    HT_TFOOT, HT_TH, HT_THEAD, HT_TIME, HT_TITLE, HT_TR, HT_U, HT_UL, HT_VIDEO,
    HT_COUNT
};

/* What a tag is (html_tag_props). */
enum {
    TP_BLOCK = 1,    /* starts and ends a paragraph */
    TP_SKIP = 2,     /* never text of the page (scripts, forms, media, head) */
    TP_HEADING = 4,  /* h1-h6 */
    TP_BOILER = 8,   /* navigation, asides, page header and footer, dialogs */
    TP_LIST = 16,    /* ul, ol, dl, menu */
    TP_CAPTION = 32, /* figcaption, caption */
    TP_BREAK = 64,   /* br: a line break inside a paragraph */
    TP_PRE = 128     /* white space kept */
};

/* Attributes the extractor reads; others are dropped while parsing. */
enum html_attr {
    HA_CLASS, HA_ID, HA_ITEMPROP, HA_ROLE, HA_HREF, HA_REL, HA_LANG, HA_NAME, HA_PROPERTY,
    HA_CONTENT, HA_HTTP_EQUIV, HA_DATETIME, HA_TYPE, HA_ITEMTYPE, HA_PUBDATE, HA_TITLE,
    HA_COUNT
};

/* Node flags. */
enum {
    HF_HIDDEN = 1, /* hidden, aria-hidden="true", display:none, visibility:hidden */
    HF_DROPPED = 2 /* text under it was not kept (script, style...) */
};

typedef struct hnode {
    uint32_t parent, first, last, next; /* node indices; 0 = none (node 0 is the root) */
    uint32_t off, len;   /* text: its decoded UTF-8 in pool; element: its attributes
                            attrs[off .. off + len) */
    uint32_t run, nruns; /* text: its runs (provenance) */
    uint32_t end;        /* element: one past its last descendant's index */
    uint16_t tag, flags;
} hnode;

typedef struct hattr {
    uint32_t val, len; /* the value in pool */
    uint16_t name;     /* enum html_attr */
} hattr;

/* A piece of decoded text and the bytes of the (UTF-8) page it came from;
 * exact: the same bytes (no entity, nothing changed by the parser). */
typedef struct hrun {
    uint32_t text, text_len; /* in pool */
    uint32_t html, html_len; /* in the UTF-8 page (charset_text.text) */
    uint32_t exact;
} hrun;

typedef struct hdom {
    hnode *nodes;
    size_t n, cap;
    hattr *attrs;
    size_t nattrs, attrcap;
    hrun *runs;
    size_t nruns, runcap;
    char *pool; /* decoded text and attribute values */
    size_t plen, pcap;
    int failed; /* out of memory while building */
} hdom;

/* Reads the UTF-8 page ct into *dom. Returns NF_OK or NF_ENOMEM. */
int html_dom_parse(const charset_text *ct, hdom *dom);
void html_dom_free(hdom *dom);
/* The tag of a lower-case name, and a tag's TP_* properties. */
int html_tag_of(const char *name);
unsigned html_tag_props(int tag);
/* The value of attribute a of element i (NUL-terminated in the pool), or
 * NULL when it has none. */
const char *html_attr(const hdom *dom, uint32_t i, int a);

/* A run of the text and the page bytes it came from (nf_page_span). */
typedef nf_page_span page_run;

/* What the stages hand back to nf_page. Strings are xmalloc'd (NULL when
 * unknown). */
typedef struct html_found {
    char *text;
    size_t len;
    page_run *runs; /* in UTF-8 page offsets until html.c maps them back */
    size_t nruns;
    char *title, *author, *site, *language, *url, *date, *updated;
    uint32_t title_node; /* the heading that gives the title, or 0 */
    uint32_t body_node;  /* the first text node of the main text, or 0 */
} html_found;

/* What a page's JSON-LD (schema.org) says of its article; strings are
 * xmalloc'd, NULL when absent. */
typedef struct html_ld {
    char *headline, *published, *modified, *author, *publisher, *language, *url;
    char *body; /* articleBody, when the page gives it */
} html_ld;

/* Reads the <script type="application/ld+json"> blocks of dom. Broken JSON
 * is passed over. Returns NF_OK or NF_ENOMEM. */
int html_ld_read(const hdom *dom, html_ld *ld);
void html_ld_free(html_ld *ld);

/* The main text of dom into found->text and found->runs; the title (and
 * its heading, left out of the text) must be known. Returns NF_OK or
 * NF_ENOMEM; an empty text is NF_OK with len 0. */
int html_main_extract(const hdom *dom, const html_ld *ld, html_found *found);
/* Title, author, site name, language and canonical URL; url is the page's
 * address as given (NULL if none), a fallback for the canonical one. */
int html_meta_read(const hdom *dom, const html_ld *ld, const char *url, html_found *found);
/* The published and updated dates ("YYYY-MM-DD"), from the metadata,
 * JSON-LD, <time>, the URL and the visible text. */
int html_date_find(const hdom *dom, const html_ld *ld, const char *url, html_found *found);

/* Helpers the stages share (html_meta.c). */
/* The content of the first <meta> whose property, name, itemprop or
 * http-equiv is one of keys (in the order of keys; NULL-terminated),
 * ignoring case; NULL if none. */
const char *html_meta_get(const hdom *dom, const char *const *keys);
/* The text of element i, white space squeezed, block elements apart
 * (xmalloc'd; NULL when out of memory). */
char *html_node_text(const hdom *dom, uint32_t i);
/* s[0..n) with white space squeezed and trimmed (xmalloc'd). */
char *html_squeeze(const char *s, size_t n);

/* nf_page_extract with the charset an HTTP header named (a WARC
 * response's, a fetched page's Content-Type; NULL for none), read after a
 * byte order mark and before the page's own declaration. */
int html_page_extract(const char *html, size_t len, const char *url, const char *http_charset,
                      nf_page **out);

/* The page (nf_page_*): what html_found gathered, the runs mapped back to
 * the bytes as given, the charset and the warnings. */
struct nf_page {
    html_found f;
    char charset[40];
    char **warnings;
    size_t nwarnings, warncap;
    char err[256];
};

#endif
