/* The main text of a page: the article body without navigation, banners,
 * share bars, related lists, comments, captions and footers (doc/INGEST.md
 * has the method and its scores).
 *
 * 1. The page's text is cut into blocks (paragraphs) at block-level
 *    elements; each block knows its words, the words inside links, its
 *    punctuation and its element.
 * 2. Each element gets evidence from its tag (nav, aside, footer...), its
 *    class, id, role and itemprop (html_hint.c) and its visibility.
 * 3. A block is good (text that reads like an article: enough words, few of
 *    them in links, sentence punctuation) or bad (link lists, short labels,
 *    anything under boilerplate evidence), weighted by its words; the
 *    container is the element whose subtree holds the most good words net
 *    of bad ones.
 * 4. Inside the container, blocks under boilerplate evidence, link lists,
 *    captions and the title's own heading are left out; the rest are the
 *    paragraphs, headings on their own. */
#include "core/alloc.h"
#include "core/buf.h"
#include "ingest/html.h"
#include "ingest/html_hint.h"
#include <string.h>

/* A block: the text nodes [first, last] between two block boundaries. */
typedef struct block {
    uint32_t first, last; /* node range (text nodes inside it that are not skipped) */
    uint32_t owner;       /* the innermost block element holding it */
    uint32_t words, link_words, chars, stops, commas;
    uint8_t heading;      /* 1-6, or 0 */
    uint8_t pre;
} block;

typedef struct mainx {
    const hdom *dom;
    uint8_t *flags;   /* per node: MX_* */
    int8_t *hint;     /* per node: its own class/id/role evidence */
    uint32_t *words, *stops, *commas; /* per text node: its counts */
    uint32_t *sub;    /* per node: the words of its subtree, shown or not */
    block *blocks;
    size_t nblocks, cap;
    float *good, *bad; /* per node: block words under it */
} mainx;

enum {
    MX_SKIP = 1,   /* never text: scripts, forms, media, hidden */
    MX_LINK = 2,   /* inside a link */
    MX_BOILER = 4, /* boilerplate by tag or hint */
    MX_CAPTION = 8,
    MX_POSITIVE = 16, /* an article-body hint on it or above */
    MX_PRE = 32,      /* white space kept */
    MX_CARDS = 64     /* inside a list of teaser cards */
};

/* ---- Node evidence ---- */

/* Sets each node's structural flags (skipped, link, caption, pre, a
 * boilerplate tag) from its tag and its parent's, and its own hint (a
 * parent always has a lower index, so one forward pass does). An element
 * hidden by its attributes that holds most of the page's words is shown
 * all the same: a page whose script reveals its article. */
static void mx_flags(mainx *m)
{
    const hdom *dom = m->dom;
    for (size_t i = 1; i < dom->n; i++) {
        const hnode *n = &dom->nodes[i];
        uint8_t f = m->flags[n->parent] & (uint8_t)~MX_POSITIVE;
        if (n->tag != HT_TEXT) {
            unsigned p = html_tag_props(n->tag);
            if ((p & TP_SKIP) || ((n->flags & HF_HIDDEN) && m->sub[i] * 2 <= m->sub[0]))
                f |= MX_SKIP;
            if (n->tag == HT_A)
                f |= MX_LINK;
            if (p & TP_BOILER)
                f |= MX_BOILER;
            if ((p & TP_CAPTION) || n->tag == HT_FIGURE)
                f |= MX_CAPTION;
            if (p & TP_PRE)
                f |= MX_PRE;
            /* The classes of <html> and <body> describe the page (a post
             * with comments, a sidebar), not an element of it. */
            int h = n->tag == HT_HTML || n->tag == HT_BODY ? 0 : html_hint(dom, (uint32_t)i);
            m->hint[i] = (int8_t)(h < -9 ? -9 : h > 9 ? 9 : h);
        }
        m->flags[i] = f;
    }
}

/* The words of block b that read like an article (enough of them, few in
 * links, sentence punctuation), whatever the markup says. */
static float block_text_words(const block *b)
{
    if (b->words < 10 || !(b->stops || b->commas) || b->link_words * 2 > b->words)
        return 0;
    return (float)(b->words - b->link_words);
}

/* Turns hints into flags. A boilerplate hint on an element that wraps the
 * article is void: when the element holds the title's heading; when most
 * of its article-like words are under an article-body hint further down
 * (Blogger's "widget Blog" around "post-body") and the hint is weak (-1)
 * or the element holds most of the page's article-like words (CNN's
 * "pg-rail-tall" around "pg-rail-tall__body"); a weak one also when the
 * element holds a good share of the page's article-like words (page
 * builders' "elementor-widget-container"). A comment section or a
 * most-read list of "post" items holds none of these. */
static int mx_hints(mainx *m, uint32_t title)
{
    const hdom *dom = m->dom;
    float *raw = xcalloc(dom->n, sizeof *raw), *pos = xcalloc(dom->n, sizeof *pos);
    uint32_t *posanc = xcalloc(dom->n, sizeof *posanc);
    if (!raw || !pos || !posanc) {
        xfree(raw), xfree(pos), xfree(posanc);
        return -1;
    }
    for (size_t i = 1; i < dom->n; i++)
        posanc[i] = m->hint[i] > 0 ? (uint32_t)i : posanc[dom->nodes[i].parent];
    for (size_t k = 0; k < m->nblocks; k++) {
        const block *b = &m->blocks[k];
        float w = block_text_words(b);
        raw[b->owner] += w;
        if (posanc[b->owner])
            pos[dom->nodes[posanc[b->owner]].parent] += w;
    }
    for (size_t i = dom->n - 1; i > 0; i--) {
        raw[dom->nodes[i].parent] += raw[i];
        pos[dom->nodes[i].parent] += pos[i];
    }
    for (uint32_t a = title; a; a = dom->nodes[a].parent)
        pos[a] = raw[a] + 1; /* holds the title: void too */
    float mass = raw[0] * 0.3f;
    for (size_t i = 1; i < dom->n; i++) {
        uint8_t f = m->flags[i] | (m->flags[dom->nodes[i].parent] & (MX_BOILER | MX_POSITIVE));
        int weak_void = m->hint[i] == -1 && raw[i] > 0 && raw[i] >= mass;
        int wraps = pos[i] > 0 && pos[i] * 2 >= raw[i] && (m->hint[i] == -1 || raw[i] >= 2 * mass);
        if (m->hint[i] < 0 && !wraps && !weak_void)
            f |= MX_BOILER;
        else if (m->hint[i] > 0)
            f |= MX_POSITIVE;
        m->flags[i] = f;
    }
    xfree(raw), xfree(pos), xfree(posanc);
    return 0;
}

/* ---- Blocks ---- */

/* The sentence punctuation of scripts that do not use the Latin marks:
 * the ideographic full stop and comma, full-width ! ? and comma, the
 * Arabic comma and full stop, the Devanagari danda. 1 a stop, 2 a comma,
 * 0 none, for the character at s (of n bytes). */
static int wide_mark(const unsigned char *s, size_t n)
{
    if (n >= 3 && s[0] == 0xe3 && s[1] == 0x80)
        return s[2] == 0x82 ? 1 : s[2] == 0x81 ? 2 : 0;
    if (n >= 3 && s[0] == 0xef && s[1] == 0xbc)
        return s[2] == 0x81 || s[2] == 0x9f ? 1 : s[2] == 0x8c ? 2 : 0;
    if (n >= 2 && s[0] == 0xd8 && s[1] == 0x8c)
        return 2;
    if (n >= 2 && s[0] == 0xdb && s[1] == 0x94)
        return 1;
    if (n >= 3 && s[0] == 0xe0 && s[1] == 0xa5 && s[2] == 0xa4)
        return 1;
    return 0;
}

/* The length of a blank character at s (of n bytes), or 0: ASCII white
 * space, the no-break and the other Unicode spaces (*shows = 1: it
 * separates words), the zero-width space and the byte order mark (*shows =
 * 0: it is dropped). */
static size_t blank_len(const unsigned char *s, size_t n, int *shows)
{
    unsigned char c = s[0];
    *shows = 1;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')
        return 1;
    if (c < 0xc2 || n < 2)
        return 0;
    if (c == 0xc2)
        return s[1] == 0xa0 ? 2 : 0;
    if (n < 3)
        return 0;
    if (c == 0xe2 && s[1] == 0x80 && (s[2] <= 0x8b || s[2] == 0xaf)) {
        *shows = s[2] != 0x8b;
        return 3;
    }
    if ((c == 0xe2 && s[1] == 0x81 && s[2] == 0x9f) || (c == 0xe3 && s[1] == 0x80 && s[2] == 0x80))
        return 3;
    if (c == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
        *shows = 0;
        return 3;
    }
    return 0;
}

/* Counts the words, sentence ends and commas of s[0..n). Scripts written
 * without spaces (Chinese, Japanese) count a word for every two of their
 * characters (kana and ideographs), so that their paragraphs weigh about
 * as much as others. */
static void count_text(const char *str, size_t n, uint32_t *words, uint32_t *stops, uint32_t *commas)
{
    const unsigned char *s = (const unsigned char *)str;
    int in_word = 0;
    uint32_t cjk = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = s[k];
        int shows;
        size_t blank = c == ' ' ? 1 : c > ' ' && c < 0xc2 ? 0 : blank_len(s + k, n - k, &shows);
        if (blank) {
            in_word = 0;
            k += blank - 1;
            continue;
        }
        if (!in_word)
            (*words)++;
        in_word = 1;
        if (c == '.' || c == '!' || c == '?')
            (*stops)++;
        else if (c == ',')
            (*commas)++;
        else if (c >= 0xd8) {
            int mark = wide_mark(s + k, n - k);
            *stops += mark == 1, *commas += mark == 2;
            cjk += (c == 0xe3 && k + 1 < n && s[k + 1] >= 0x81) || (c >= 0xe4 && c <= 0xe9);
        }
    }
    *words += cjk / 2;
}

/* Counts every text node's words, stops and commas once, and the words of
 * every subtree. */
static void mx_count(mainx *m)
{
    const hdom *dom = m->dom;
    for (size_t i = dom->n - 1; i > 0; i--) {
        const hnode *n = &dom->nodes[i];
        if (n->tag == HT_TEXT) {
            count_text(dom->pool + n->off, n->len, &m->words[i], &m->stops[i], &m->commas[i]);
            m->sub[i] = m->words[i];
        }
        m->sub[n->parent] += m->sub[i];
    }
}

/* Opens a new block owned by element owner; returns it or NULL. */
static block *block_open(mainx *m, uint32_t owner)
{
    if (GROW(m->blocks, m->cap, m->nblocks + 1))
        return NULL;
    block *b = &m->blocks[m->nblocks++];
    memset(b, 0, sizeof *b);
    b->owner = owner;
    return b;
}

/* Leaves out inline elements that are link lists inside a paragraph (a
 * hover card of related stories inside a <span>): three links or more,
 * and most of their words in links. A paragraph's own links are single
 * anchors in its sentences. Returns 0 or -1 (out of memory). */
static int mx_inline_lists(mainx *m)
{
    const hdom *dom = m->dom;
    uint32_t *words = xcalloc(dom->n, sizeof *words), *lwords = xcalloc(dom->n, sizeof *lwords);
    uint32_t *anchors = xcalloc(dom->n, sizeof *anchors);
    int rc = words && lwords && anchors ? 0 : -1;
    for (size_t i = dom->n - 1; !rc && i > 0; i--) {
        const hnode *n = &dom->nodes[i];
        if (n->tag == HT_TEXT && !(m->flags[i] & MX_SKIP)) {
            words[i] = m->words[i];
            if (m->flags[i] & MX_LINK)
                lwords[i] = words[i];
        }
        anchors[i] += n->tag == HT_A;
        words[n->parent] += words[i], lwords[n->parent] += lwords[i], anchors[n->parent] += anchors[i];
    }
    for (size_t i = 1; !rc && i < dom->n; i++) {
        const hnode *n = &dom->nodes[i];
        m->flags[i] |= m->flags[n->parent] & MX_SKIP;
        if (n->tag != HT_TEXT && n->tag != HT_A && !(html_tag_props(n->tag) & TP_BLOCK) &&
            anchors[i] >= 3 && words[i] >= 8 && lwords[i] * 5 >= words[i] * 4)
            m->flags[i] |= MX_SKIP;
    }
    xfree(words), xfree(lwords), xfree(anchors);
    return rc;
}

/* Returns 1 if element i is a table cell of a few words (30 at most) and
 * no block element: a cell of a data table, whose row reads as one line
 * ("1 Varn Rovers 40"), not as paragraphs a word long. A cell of a layout
 * table holds blocks, or more text. */
static int cell_inline(const mainx *m, uint32_t i)
{
    const hdom *dom = m->dom;
    if ((dom->nodes[i].tag != HT_TD && dom->nodes[i].tag != HT_TH) || m->sub[i] > 30)
        return 0;
    for (uint32_t k = i + 1; k < dom->nodes[i].end; k++)
        if (dom->nodes[k].tag != HT_TEXT && (html_tag_props(dom->nodes[k].tag) & TP_BLOCK))
            return 0;
    return 1;
}

/* Cuts the page's text into blocks. Returns 0 or -1 (out of memory). */
static int mx_blocks(mainx *m)
{
    const hdom *dom = m->dom;
    uint32_t stack[HTML_MAX_DEPTH + 2];
    int depth = 0;
    block *cur = NULL;
    for (uint32_t i = 1; i < dom->n; i++) {
        while (depth && dom->nodes[stack[depth - 1]].end <= i)
            depth--, cur = NULL; /* a block element closed: a boundary */
        const hnode *n = &dom->nodes[i];
        if (n->tag != HT_TEXT) {
            if ((html_tag_props(n->tag) & TP_BLOCK) && !cell_inline(m, i) && depth < HTML_MAX_DEPTH + 2)
                stack[depth++] = i, cur = NULL;
            continue;
        }
        if (m->flags[i] & MX_SKIP)
            continue;
        uint32_t w = m->words[i], st = m->stops[i], co = m->commas[i];
        if (!cur && !w)
            continue;
        if (!cur && !(cur = block_open(m, depth ? stack[depth - 1] : 0)))
            return -1;
        cur->pre = (m->flags[i] & MX_PRE) != 0;
        if (!cur->first)
            cur->first = i;
        cur->last = i;
        cur->words += w, cur->stops += st, cur->commas += co, cur->chars += n->len;
        if (m->flags[i] & MX_LINK)
            cur->link_words += w;
    }
    return 0;
}

/* ---- Teaser cards ---- */

/* A block with more of its words in links than this is a link list (a
 * menu, related stories); below it, links are part of the text. */
#define LINK_LIST 0.6f

/* Returns 1 if block b is a link list (a menu, a headline that is a link):
 * most of its words in links, and prose only when it has sentences. */
static int block_is_links(const block *b)
{
    float limit = b->stops >= 2 && b->words >= 30 ? 0.9f : LINK_LIST;
    return b->words >= 2 && (float)b->link_words > limit * (float)b->words;
}

/* A hash of element i's tag and first class: cards of one list look
 * alike (WordPress adds each item's own "post-123" after). */
static uint32_t node_signature(const hdom *dom, uint32_t i)
{
    uint32_t h = 2166136261u ^ dom->nodes[i].tag;
    const char *c = html_attr(dom, i, HA_CLASS);
    while (c && *c == ' ')
        c++;
    for (; c && *c && *c != ' '; c++) /* the first class: later ones may name the item */
        h = (h ^ (unsigned char)*c) * 16777619u;
    return h;
}

/* Marks lists of teaser cards: an element with three or more children
 * alike (tag and class) that are each a card (a linked headline and at
 * most two short paragraphs, 150 words at most, not the page's own title),
 * two of them with a paragraph. The paragraphs of cards read like an
 * article but are other articles' summaries (more stories, related, most
 * read). */
static int mx_cards(mainx *m, uint32_t title)
{
    const hdom *dom = m->dom;
    uint32_t *nlink = xcalloc(dom->n, sizeof *nlink), *ngood = xcalloc(dom->n, sizeof *ngood);
    uint32_t *words = xcalloc(dom->n, sizeof *words), *sig = xcalloc(dom->n, sizeof *sig);
    uint16_t *alike = xcalloc(dom->n, sizeof *alike), *described = xcalloc(dom->n, sizeof *described);
    uint8_t *card = xcalloc(dom->n, 1);
    int rc = nlink && ngood && words && sig && alike && described && card ? 0 : -1;
    for (size_t k = 0; !rc && k < m->nblocks; k++) {
        const block *b = &m->blocks[k];
        nlink[b->owner] += block_is_links(b);
        ngood[b->owner] += block_text_words(b) > 0;
        words[b->owner] += b->words;
    }
    for (uint32_t a = title; !rc && a; a = dom->nodes[a].parent)
        words[a] = UINT32_MAX / 2; /* never a card */
    for (size_t i = dom->n - 1; !rc && i > 0; i--) {
        uint32_t p = dom->nodes[i].parent;
        card[i] = dom->nodes[i].tag != HT_TEXT && nlink[i] && ngood[i] <= 2 && words[i] <= 150;
        nlink[p] += nlink[i], ngood[p] += ngood[i];
        words[p] = words[p] + words[i] > UINT32_MAX / 2 ? UINT32_MAX / 2 : words[p] + words[i];
    }
    for (uint32_t i = 1; !rc && i < dom->n; i++) { /* runs of alike cards */
        uint32_t p = dom->nodes[i].parent, h = node_signature(dom, i);
        if (!card[i])
            continue;
        alike[p] = (uint16_t)(sig[p] == h ? alike[p] + 1 : alike[p] > 1 ? alike[p] : 1);
        described[p] += ngood[i] > 0;
        sig[p] = h;
    }
    for (size_t i = 1; !rc && i < dom->n; i++) {
        uint32_t p = dom->nodes[i].parent;
        if (card[i] && alike[p] >= 3 && described[p] >= 2)
            m->flags[i] |= MX_CARDS;
        m->flags[i] |= m->flags[p] & MX_CARDS;
    }
    xfree(nlink), xfree(ngood), xfree(words), xfree(sig), xfree(alike), xfree(described), xfree(card);
    return rc;
}

/* ---- The container ---- */


/* The good and bad weight of a block: words of text that reads like an
 * article, words of link lists and boilerplate. */
static void block_weight(const mainx *m, const block *b, float *good, float *bad)
{
    uint8_t f = m->flags[b->owner] | m->flags[b->first];
    float link = b->words ? (float)b->link_words / (float)b->words : 0;
    *good = *bad = 0;
    (void)link;
    if ((f & (MX_BOILER | MX_CAPTION | MX_CARDS)) || block_is_links(b)) {
        *bad = (float)b->words;
        return;
    }
    if (b->words - b->link_words >= 8 && (b->stops || b->commas))
        *good = (float)(b->words - b->link_words);
    else if (b->words < 6)
        *bad = (float)b->words * 0.5f;
}

/* Adds the blocks' weights up the tree and returns the element with the
 * most good words net of bad ones. */
static uint32_t mx_container(mainx *m)
{
    const hdom *dom = m->dom;
    for (size_t k = 0; k < m->nblocks; k++) {
        float g, b;
        block_weight(m, &m->blocks[k], &g, &b);
        m->good[m->blocks[k].owner] += g;
        m->bad[m->blocks[k].owner] += b;
    }
    for (size_t i = dom->n - 1; i > 0; i--) {
        uint32_t p = dom->nodes[i].parent;
        m->good[p] += m->good[i];
        m->bad[p] += m->bad[i];
    }
    uint32_t best = 0;
    float best_score = m->good[0] - m->bad[0];
    for (uint32_t i = 1; i < dom->n; i++) {
        if (dom->nodes[i].tag == HT_TEXT || (m->flags[i] & MX_SKIP))
            continue;
        float s = m->good[i] - m->bad[i];
        if (m->flags[i] & MX_POSITIVE)
            s *= 1.1f;
        if (s > best_score)
            best = i, best_score = s;
    }
    return best;
}

/* ---- Output ---- */

/* Returns 1 if short block b is page furniture ("Advertisement", "Read
 * more"): its text, pieced together, is one of data/html/furniture.txt. */
static int block_is_furniture(const mainx *m, const block *b)
{
    char s[64];
    size_t n = 0;
    for (uint32_t i = b->first; i <= b->last; i++) {
        const hnode *t = &m->dom->nodes[i];
        if (t->tag != HT_TEXT || (m->flags[i] & MX_SKIP))
            continue;
        if (n + t->len + 1 >= sizeof s)
            return 0;
        memcpy(s + n, m->dom->pool + t->off, t->len);
        n += t->len;
        s[n++] = ' ';
    }
    return html_furniture(s, n);
}

/* Returns 1 if block b is kept in the text of container c. */
static int block_keep(const mainx *m, const block *b, uint32_t c, uint32_t title_node)
{
    const hdom *dom = m->dom;
    if (b->first < c || b->first >= dom->nodes[c].end)
        return 0;
    for (uint32_t a = b->owner; a && a != c; a = dom->nodes[a].parent)
        if (a == title_node)
            return 0;
    if (title_node > c && title_node < dom->nodes[c].end && b->first < title_node)
        return 0; /* above the headline: a kicker, a breadcrumb, a dateline */
    uint8_t f = m->flags[b->owner] | m->flags[b->first];
    uint8_t fc = m->flags[c];
    if ((f & ~fc) & (MX_BOILER | MX_CAPTION | MX_CARDS))
        return 0;
    if (block_is_links(b) || !b->words)
        return 0;
    return b->words > 8 || !block_is_furniture(m, b);
}

/* The paragraph's text builder: white space runs become one space (but in
 * <pre>), <br> a line break; runs map each piece back to the page. */
typedef struct out {
    buf text;
    page_run *runs;
    size_t nruns, cap;
    int space;  /* a space is pending */
    int failed;
} out;

/* Records that out->text[at .. at + n) came from html[h .. h + hn),
 * exact: the same bytes. */
static void out_run(out *o, size_t at, size_t n, size_t h, size_t hn, int exact)
{
    if (o->nruns) {
        page_run *r = &o->runs[o->nruns - 1];
        if (r->exact && exact && r->text + r->text_len == at && r->html + r->html_len == h) {
            r->text_len += n, r->html_len += n;
            return;
        }
    }
    if (GROW(o->runs, o->cap, o->nruns + 1)) {
        o->failed = 1;
        return;
    }
    o->runs[o->nruns++] = (page_run){at, n, h, hn, exact};
}

/* Appends the decoded text of run r, squeezing white space. */
static void out_piece(out *o, const hdom *dom, const hrun *r, int pre)
{
    const unsigned char *s = (const unsigned char *)dom->pool + r->text;
    size_t n = r->text_len, k = 0, w;
    int even = r->exact != 0, shows;
    while (k < n) {
        if (!pre && (w = blank_len(s + k, n - k, &shows)) != 0) {
            o->space |= shows && o->text.len > 0;
            k += w;
            continue;
        }
        size_t j = k;
        while (j < n && (pre || !blank_len(s + j, n - j, &shows)))
            j++;
        if (o->space && o->text.len && o->text.data[o->text.len - 1] != '\n')
            buf_putc(&o->text, ' ');
        o->space = 0;
        size_t at = o->text.len;
        buf_append(&o->text, (const char *)s + k, j - k);
        if (even)
            out_run(o, at, j - k, r->html + k, j - k, 1);
        else
            out_run(o, at, j - k, r->html, r->html_len, 0);
        k = j;
    }
}

/* Appends block b as one paragraph. */
static void out_block(out *o, const mainx *m, const block *b)
{
    const hdom *dom = m->dom;
    if (o->text.len)
        buf_append(&o->text, "\n\n", 2);
    o->space = 0;
    for (uint32_t i = b->first; i <= b->last; i++) {
        const hnode *n = &dom->nodes[i];
        if (n->tag == HT_BR && o->text.len && o->text.data[o->text.len - 1] != '\n') {
            buf_putc(&o->text, '\n');
            o->space = 0;
        }
        if ((n->tag == HT_TD || n->tag == HT_TH) && o->text.len)
            o->space = 1; /* cells of a row apart */
        if (n->tag != HT_TEXT || (m->flags[i] & MX_SKIP))
            continue;
        for (uint32_t k = 0; k < n->nruns; k++)
            out_piece(o, dom, &dom->runs[n->run + k], b->pre);
    }
}


static int mx_run(mainx *m, html_found *found)
{
    mx_count(m);
    mx_flags(m);
    if (mx_inline_lists(m) || mx_blocks(m) || mx_hints(m, found->title_node) || mx_cards(m, found->title_node))
        return NF_ENOMEM;
    if (!m->nblocks)
        return NF_OK;
    uint32_t c = mx_container(m);
    out o = {0};
    for (size_t k = 0; k < m->nblocks; k++)
        if (block_keep(m, &m->blocks[k], c, found->title_node)) {
            if (!found->body_node)
                found->body_node = m->blocks[k].first;
            out_block(&o, m, &m->blocks[k]);
        }
    size_t len;
    char *text = buf_take(&o.text, &len);
    if (!text || o.failed) {
        xfree(text), xfree(o.runs);
        return NF_ENOMEM;
    }
    found->text = text, found->len = len;
    found->runs = o.runs, found->nruns = o.nruns;
    return NF_OK;
}

int html_main_extract(const hdom *dom, const html_ld *ld, html_found *found)
{
    mainx m = {0};
    m.dom = dom;
    (void)ld;
    m.flags = xcalloc(dom->n, 1);
    m.good = xcalloc(dom->n, sizeof *m.good);
    m.bad = xcalloc(dom->n, sizeof *m.bad);
    m.hint = xcalloc(dom->n, 1);
    m.words = xcalloc(dom->n, sizeof *m.words), m.stops = xcalloc(dom->n, sizeof *m.stops);
    m.commas = xcalloc(dom->n, sizeof *m.commas), m.sub = xcalloc(dom->n, sizeof *m.sub);
    int rc = m.flags && m.good && m.bad && m.hint && m.words && m.stops && m.commas && m.sub
                 ? mx_run(&m, found)
                 : NF_ENOMEM;
    xfree(m.flags), xfree(m.good), xfree(m.bad), xfree(m.hint), xfree(m.blocks);
    xfree(m.words), xfree(m.stops), xfree(m.commas), xfree(m.sub);
    return rc;
}
