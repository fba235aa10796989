/* Character classes for the sentence segmenter (see sentences_chars.h).
 * Non-ASCII members are matched as exact UTF-8 byte sequences, so an
 * invalid sequence can never match and needs no special case. */
#include "text/sentences_chars.h"
#include <string.h>
#include <utf8proc.h>

/* Returns the length of the first of the NULL-ended byte sequences in set
 * that starts p (within len bytes), or 0 when none does. */
static size_t match_any(const char *p, size_t len, const char *const *set)
{
    for (; *set; set++) {
        size_t n = strlen(*set);
        if (n <= len && memcmp(p, *set, n) == 0)
            return n;
    }
    return 0;
}

/* NBSP, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000, and the BOM, which
 * carries no text and would otherwise glue itself to the first sentence. */
static const char *const wide_spaces[] = {
    "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82", "\xE2\x80\x83",
    "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88", "\xE2\x80\x89",
    "\xE2\x80\x8A", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80", "\xEF\xBB\xBF", NULL};

/* Returns the length of the non-ASCII horizontal space at p, or 0. */
size_t sentchar_wide_space_len(const char *p, size_t len) { return match_any(p, len, wide_spaces); }

static const char *const wide_breaks[] = {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", NULL};

/* Returns the length of the non-ASCII line break at p, or 0. */
size_t sentchar_wide_break_len(const char *p, size_t len) { return match_any(p, len, wide_breaks); }

/* Returns the length of the void character at p (see the header), or 0. */
size_t sentchar_void_len(const char *p, size_t len)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x20)
        return c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != '\t';
    if (c == 0x7f)
        return 1;
    return c == 0xEF && len >= 3 && memcmp(p, "\xEF\xBF\xBD", 3) == 0 ? 3 : 0;
}

/* U+203C-U+2049 double marks, Arabic question mark, Devanagari dandas. */
static const char *const wide_bangs[] = {"\xE2\x80\xBC", "\xE2\x81\x87", "\xE2\x81\x88",
                                         "\xE2\x81\x89", "\xD8\x9F",     "\xE0\xA5\xA4",
                                         "\xE0\xA5\xA5", NULL};
/* Ideographic full stop, fullwidth ! and ?, halfwidth ideographic stop. */
static const char *const wide_stops[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F",
                                         "\xEF\xBD\xA1", NULL};

/* Returns the length of the non-ASCII terminator at p and sets *kind,
 * or 0. */
size_t sentchar_wide_term_len(const char *p, size_t len, int *kind)
{
    size_t n;
    if (len >= 3 && memcmp(p, "\xE2\x80\xA6", 3) == 0) {
        *kind = TERM_ELLIPSIS;
        return 3;
    }
    if ((n = match_any(p, len, wide_bangs)) != 0) {
        *kind = TERM_BANG;
        return n;
    }
    if ((n = match_any(p, len, wide_stops)) != 0)
        *kind = TERM_WIDE;
    return n;
}

/* Right double and single quotes, guillemets, corner brackets, fullwidth
 * right parenthesis, and U+0094/U+0092: the right quotes of Windows-1252
 * text decoded as Latin-1, common in scraped news. */
static const char *const wide_closers[] = {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB",
                                           "\xE2\x80\xBA", "\xE3\x80\x8D", "\xE3\x80\x8F",
                                           "\xEF\xBC\x89", "\xC2\x94",     "\xC2\x92", NULL};

/* Returns the length of the closing quote or bracket at p, or 0. */
size_t sentchar_closer_len(const char *p, size_t len)
{
    if (*p == '"' || *p == '\'' || *p == ')' || *p == ']' || *p == '}')
        return 1;
    return (unsigned char)*p < 0x80 ? 0 : match_any(p, len, wide_closers);
}

/* Quote-like openers (the inverted marks open a sentence as a quote does;
 * U+0093/U+0091 are Windows-1252 left quotes decoded as Latin-1). */
static const char *const wide_open_quotes[] = {
    "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "\xE2\x80\xB9", "\xE2\x80\x9E", "\xE3\x80\x8C",
    "\xE3\x80\x8E", "\xC2\xBF",     "\xC2\xA1", "\xC2\x93",     "\xC2\x91",     NULL};

/* Returns the length of the opening quote or bracket at p, or 0. */
size_t sentchar_opener_len(const char *p, size_t len, int *quote)
{
    size_t n;
    if (*p == '"' || *p == '\'') {
        *quote = 1;
        return 1;
    }
    if (*p == '(' || *p == '[' || *p == '{') {
        *quote = 0;
        return 1;
    }
    if ((unsigned char)*p < 0x80)
        return 0;
    if ((n = match_any(p, len, wide_open_quotes)) != 0) {
        *quote = 1;
        return n;
    }
    *quote = 0;
    return len >= 3 && memcmp(p, "\xEF\xBC\x88", 3) == 0 ? 3 : 0;
}

/* Returns the case class of the character at p (see the header). */
int sentchar_case(const char *p, size_t len, size_t *clen)
{
    unsigned char c = (unsigned char)*p;
    *clen = 1;
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z')
            return 1;
        if (c >= 'a' && c <= 'z')
            return -1;
        return c >= '0' && c <= '9' ? 2 : 0;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p,
                                          (utf8proc_ssize_t)(len < 4 ? len : 4), &cp);
    if (n <= 0)
        return 0;
    *clen = (size_t)n;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return 1;
    case UTF8PROC_CATEGORY_LL:
        return -1;
    case UTF8PROC_CATEGORY_ND:
        return 2;
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_LM:
        return 3;
    default:
        return 0;
    }
}
