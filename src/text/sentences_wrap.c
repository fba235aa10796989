/* Line breaks that only wrap a sentence (see sentences_wrap.h).
 *
 * A break is a wrap when
 *   - the text is hard-wrapped: its lines fill a width. W is the longest
 *     line that has a space (an unbreakable URL may be longer), 40 to 200
 *     characters; a line is *full* when the next line's first word would
 *     not have fitted after it (length + 1 + word > W), which is why a
 *     wrapping editor broke it there; and of the lines of at least W/2
 *     characters followed by another non-blank line (list items aside), at
 *     least 2 and at least 60% are full. Then every full line's break is a
 *     wrap, unless the next line opens a list item ("- ", "* ",
 *     "\xE2\x80\xA2", "2.", "b)") or is blank. A short line (a paragraph's
 *     last, a heading, a list item) keeps its break.
 *   - or the line ends in white space and a word or a comma, and the next
 *     line starts in lower case ("It was a cold \nnight"): editors leave
 *     the space where they wrapped;
 *   - or the text marks paragraphs with blank lines, and a line of 40
 *     bytes or more ending in a letter, digit, comma, semicolon or hyphen
 *     is followed by one starting in lower case.
 * In both treebanks every line break ends a sentence and no line ends in
 * white space, and the news sets have no single break inside a paragraph:
 * these fire in 2 documents of them all (EWT dev, lines of questions and
 * answers that happen to fill a width), at 4 breaks that end a sentence
 * anyway. The same treebank texts wrapped at 72 columns
 * (bench/wrap_gold.py) are split almost as well as unwrapped: EWT dev 0.87
 * (unwrapped 0.93), GUM news dev 0.96 (0.97). */
#include "text/sentences_wrap.h"
#include "core/alloc.h"
#include <string.h>

#define WRAP_WIDTH_MIN 40  /* narrowest wrapping width believed */
#define WRAP_WIDTH_MAX 200 /* widest */
#define WRAP_LINES_MIN 2   /* full lines needed to call a text wrapped */
#define WRAP_JOIN_MIN 40   /* shortest line of the blank-line rule, in bytes */

/* One line: [a, e) without its break; brk where the break starts (e,
 * or the \r before \n); next the start of the following line. */
typedef struct wrap_line {
    size_t a, e, brk, next;
} wrap_line;

/* Reads the line starting at a into *l; returns 0 at the end of text. */
static int wrap_line_at(const char *t, size_t len, size_t a, wrap_line *l)
{
    if (a >= len)
        return 0;
    const char *nl = memchr(t + a, '\n', len - a);
    l->a = a;
    l->next = nl ? (size_t)(nl - t) + 1 : len;
    l->brk = nl ? (size_t)(nl - t) : len;
    l->e = l->brk;
    if (l->e > a && t[l->e - 1] == '\r')
        l->e = --l->brk;
    return 1;
}

/* Returns the number of characters of t[a..e) (UTF-8 lead bytes). */
static size_t wrap_chars(const char *t, size_t a, size_t e)
{
    size_t n = 0;
    for (size_t k = a; k < e; k++)
        n += ((unsigned char)t[k] & 0xC0) != 0x80;
    return n;
}

/* Returns 1 if t[a..e) holds only spaces and tabs. */
static int wrap_blank(const char *t, size_t a, size_t e)
{
    for (size_t k = a; k < e; k++)
        if (t[k] != ' ' && t[k] != '\t')
            return 0;
    return 1;
}

/* Returns the characters of the first word of the line [a, e). */
static size_t wrap_first_word(const char *t, size_t a, size_t e)
{
    while (a < e && (t[a] == ' ' || t[a] == '\t'))
        a++;
    size_t w = a;
    while (w < e && t[w] != ' ' && t[w] != '\t')
        w++;
    return wrap_chars(t, a, w);
}

/* Returns 1 if the line [a, e) opens a list item: a bullet or a marker
 * ("2.", "b)") followed by a space. */
static int wrap_list_item(const char *t, size_t a, size_t e)
{
    while (a < e && (t[a] == ' ' || t[a] == '\t'))
        a++;
    if (a + 1 < e && (t[a] == '-' || t[a] == '*' || t[a] == '>') && t[a + 1] == ' ')
        return 1;
    if (e - a >= 3 && memcmp(t + a, "\xE2\x80\xA2", 3) == 0)
        return 1;
    size_t k = a;
    while (k < e && k - a < 3 && t[k] >= '0' && t[k] <= '9')
        k++;
    if (k == a && k < e && ((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z')))
        k++;
    return k > a && k + 1 < e && (t[k] == '.' || t[k] == ')') && t[k + 1] == ' ';
}

/* Returns the first non-blank byte of the line [a, e), or 0. */
static char wrap_first_byte(const char *t, size_t a, size_t e)
{
    while (a < e && (t[a] == ' ' || t[a] == '\t'))
        a++;
    return a < e ? t[a] : 0;
}

/* Returns 1 if c may end a line that a sentence continues after: a
 * letter (or any non-ASCII byte), a digit, a comma, a semicolon, a hyphen. */
static int wrap_open_end(char c)
{
    unsigned char u = (unsigned char)c;
    return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == ',' || c == ';' || c == '-';
}

/* The text's wrapping width, when its lines look wrapped; else 0. */
static size_t wrap_width(const char *t, size_t len)
{
    size_t width = 0, inner = 0, full = 0;
    wrap_line l, m;
    for (size_t a = 0; wrap_line_at(t, len, a, &l); a = l.next)
        if (memchr(t + l.a, ' ', l.e - l.a)) {
            size_t n = wrap_chars(t, l.a, l.e);
            width = n > width ? n : width;
        }
    if (width < WRAP_WIDTH_MIN || width > WRAP_WIDTH_MAX)
        return 0;
    for (size_t a = 0; wrap_line_at(t, len, a, &l) && wrap_line_at(t, len, l.next, &m); a = l.next) {
        if (wrap_blank(t, l.a, l.e) || wrap_blank(t, m.a, m.e) || wrap_list_item(t, l.a, l.e) ||
            wrap_list_item(t, m.a, m.e))
            continue; /* paragraph ends, list items: no evidence either way */
        size_t n = wrap_chars(t, l.a, l.e);
        if (2 * n < width)
            continue; /* a short line: a paragraph's end, a heading */
        inner++;
        full += n + 1 + wrap_first_word(t, m.a, m.e) > width;
    }
    return full >= WRAP_LINES_MIN && 10 * full >= 6 * inner ? width : 0;
}

/* Returns 1 if the text has a blank line (paragraphs marked). */
static int wrap_has_blank_line(const char *t, size_t len)
{
    wrap_line l;
    for (size_t a = 0; wrap_line_at(t, len, a, &l); a = l.next)
        if (l.next < len && wrap_blank(t, l.a, l.e) && l.a > 0)
            return 1;
    return 0;
}

/* Returns 1 if the break after line l (followed by line m) only wraps. */
static int wrap_soft(const char *t, const wrap_line *l, const wrap_line *m, size_t width, int blank)
{
    if (wrap_blank(t, l->a, l->e) || wrap_blank(t, m->a, m->e))
        return 0;
    char first = wrap_first_byte(t, m->a, m->e);
    size_t e = l->e;
    while (e > l->a && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
    int lower = first >= 'a' && first <= 'z', open = wrap_open_end(t[e - 1]);
    if (width && !wrap_list_item(t, m->a, m->e) &&
        wrap_chars(t, l->a, l->e) + 1 + wrap_first_word(t, m->a, m->e) > width)
        return 1;
    if (e < l->e && open && lower)
        return 1; /* "It was a cold \nnight" */
    return blank && l->e - l->a >= WRAP_JOIN_MIN && open && lower;
}

int wrap_unwrap(const char *text, size_t len, char **copy)
{
    *copy = NULL;
    if (!text || !memchr(text, '\n', len))
        return 0;
    size_t width = wrap_width(text, len);
    int blank = wrap_has_blank_line(text, len);
    wrap_line l, m;
    for (size_t a = 0; wrap_line_at(text, len, a, &l) && wrap_line_at(text, len, l.next, &m); a = l.next) {
        if (!wrap_soft(text, &l, &m, width, blank))
            continue;
        if (!*copy) {
            if (!(*copy = xmalloc(len ? len : 1)))
                return -1;
            memcpy(*copy, text, len);
        }
        memset(*copy + l.brk, ' ', l.next - l.brk);
    }
    return *copy != NULL;
}
