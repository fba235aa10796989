/* nf_rouge_spl: running text -> ROUGE's SPL format (one sentence per
 * line). The rule is the one the ROUGE test vectors were written with: a
 * text with a line break inside keeps its lines; any other is split into
 * sentences; then white space runs become one space, lines are trimmed
 * and empty ones dropped. White space is Python's str.isspace set, as in
 * that generator. */
#include "core/alloc.h"
#include "core/buf.h"
#include "eval/rouge.h"
#include "text/sentences.h"
#include <string.h>
#include <utf8proc.h>

/* Byte length of the white space character at s, or 0. */
static size_t py_space(const char *s, size_t n)
{
    unsigned char c = (unsigned char)*s;
    if (c < 0x80)
        return (c >= 9 && c <= 13) || (c >= 28 && c <= 32) ? 1 : 0;
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)(n < 4 ? n : 4), &cp);
    if (k <= 0)
        return 0;
    int yes = cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
              cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    return yes ? (size_t)k : 0;
}

/* Appends s[0..n) as one line: white space squeezed, trimmed; nothing if
 * it is empty. */
static void put_line(buf *b, const char *s, size_t n)
{
    int any = 0;
    for (size_t i = 0, k; i < n;) {
        if ((k = py_space(s + i, n - i))) {
            i += k;
            continue;
        }
        size_t j = i + 1; /* a run of non-space bytes, appended at once */
        while (j < n && (unsigned char)s[j] > ' ' && (unsigned char)s[j] < 0x80)
            j++;
        while (j < n && !py_space(s + j, n - j))
            j++;
        if (any)
            buf_putc(b, ' ');
        buf_append(b, s + i, j - i);
        any = 1, i = j;
    }
    if (any)
        buf_putc(b, '\n');
}

/* The vectors' regex (?<=[.!?])["')\]]*\s+(?=["'(\[]?[A-Z0-9]): after a
 * terminator, optional closers then white space, before an optional
 * opener and a capital or digit. The closers and the space are dropped. */
static void split_regex(buf *b, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 1; i < n; i++) {
        if (!strchr(".!?", s[i - 1]) || !s[i - 1])
            continue;
        size_t j = i, k;
        while (j < n && strchr("\"')]", s[j]) && s[j])
            j++;
        size_t ws = j;
        while (ws < n && (k = py_space(s + ws, n - ws)))
            ws += k;
        if (ws == j || ws >= n)
            continue;
        size_t a = ws + (strchr("\"'([", s[ws]) && s[ws] ? 1 : 0);
        if (a >= n || !((s[a] >= 'A' && s[a] <= 'Z') || (s[a] >= '0' && s[a] <= '9')))
            continue;
        put_line(b, s + start, i - start);
        start = ws;
        i = ws;
    }
    put_line(b, s + start, n - start);
}

/* The newsfuse segmenter's sentences, one per line. */
static void split_newsfuse(buf *b, const char *s, size_t n)
{
    span_vec v = {0};
    if (sentences_split(s, n, &v)) {
        b->failed = 1;
    } else {
        for (size_t i = 0; i < v.len; i++)
            put_line(b, s + v.items[i].start, v.items[i].end - v.items[i].start);
    }
    span_vec_free(&v);
}

/* The splitters by name, in the order of enum splitter. */
enum splitter { SPLIT_NEWSFUSE, SPLIT_REGEX, SPLIT_LINES };
static const char *const splitter_names[] = {"newsfuse", "regex", "lines", NULL};

const char *const *nf_rouge_splitters(void) { return splitter_names; }

int nf_rouge_spl(const char *text, size_t len, const char *splitter_name, char **out,
                 size_t *out_len)
{
    if (!out || (!text && len))
        return NF_EINVAL;
    *out = NULL;
    int splitter = splitter_name ? -1 : SPLIT_NEWSFUSE;
    for (int i = 0; splitter < 0 && splitter_names[i]; i++)
        if (!strcmp(splitter_name, splitter_names[i]))
            splitter = i;
    if (splitter < 0)
        return NF_EINVAL;
    char *t = xmalloc(len + 1); /* the text without carriage returns */
    if (!t)
        return NF_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] != '\r')
            t[n++] = text[i];
    size_t a = 0, z = n, k;
    while (a < z && (k = py_space(t + a, z - a)))
        a += k;
    while (z > a) { /* back over white space, one character at a time */
        size_t c = z - 1;
        while (c > a && ((unsigned char)t[c] & 0xC0) == 0x80)
            c--;
        if (py_space(t + c, z - c) != z - c)
            break;
        z = c;
    }
    buf b = {0};
    if (splitter == SPLIT_LINES || memchr(t + a, '\n', z - a)) {
        for (size_t i = 0; i < n;) {
            const char *nl = memchr(t + i, '\n', n - i);
            size_t end = nl ? (size_t)(nl - t) : n;
            put_line(&b, t + i, end - i);
            i = end + 1;
        }
    } else if (splitter == SPLIT_REGEX) {
        split_regex(&b, t + a, z - a);
    } else {
        split_newsfuse(&b, t + a, z - a);
    }
    xfree(t);
    buf_putc(&b, '\0');
    size_t m;
    *out = buf_take(&b, &m);
    if (!*out)
        return NF_ENOMEM;
    if (out_len)
        *out_len = m - 1;
    return NF_OK;
}
