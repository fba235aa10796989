/* Character classes the sentence segmenter needs: white space, line
 * breaks, sentence terminators, closing and opening punctuation, letter
 * case. Each function looks at the character starting at p (at most len
 * bytes, len > 0) and returns its length in bytes, or 0 when it is not of
 * the class. Invalid UTF-8 is never an error: a byte that does not start a
 * valid sequence is simply "some other character" of length 1. */
#ifndef NF_TEXT_SENTENCES_CHARS_H
#define NF_TEXT_SENTENCES_CHARS_H
#include <stddef.h>

/* What a terminator is: a full stop (which abbreviations also use), an
 * ellipsis character, a ? or ! (or their combinations), or an East Asian
 * full stop, which needs no space after it. */
enum sentchar_term { TERM_DOT = 1, TERM_ELLIPSIS, TERM_BANG, TERM_WIDE };

/* The non-ASCII halves of the two below (out of line). */
size_t sentchar_wide_space_len(const char *p, size_t len);
size_t sentchar_wide_break_len(const char *p, size_t len);

/* Horizontal white space: space, tab, NBSP and the Unicode spaces. Inline,
 * with an ASCII fast path: the pass asks this of nearly every byte. */
static inline size_t sentchar_space_len(const char *p, size_t len)
{
    if (*p == ' ' || *p == '\t')
        return 1;
    return (unsigned char)*p < 0x80 ? 0 : sentchar_wide_space_len(p, len);
}

/* A line break: \n, \r, \v, \f, U+0085, U+2028, U+2029. */
static inline size_t sentchar_break_len(const char *p, size_t len)
{
    if (*p == '\n' || *p == '\r' || *p == '\v' || *p == '\f')
        return 1;
    return (unsigned char)*p < 0x80 ? 0 : sentchar_wide_break_len(p, len);
}
/* A character that carries no text: a control character other than the
 * line breaks (NUL, DEL...) or U+FFFD, which stands for bytes the UTF-8
 * repair threw out. Trimmed from the ends of a sentence like white space,
 * so that one glued to the full stop does not hide the sentence's end. */
size_t sentchar_void_len(const char *p, size_t len);
/* A sentence terminator; sets *kind to an enum sentchar_term. The
 * non-ASCII half is out of line; sentchar_term_len is inline because the
 * pass asks it of every word's first byte. */
size_t sentchar_wide_term_len(const char *p, size_t len, int *kind);
static inline size_t sentchar_term_len(const char *p, size_t len, int *kind)
{
    if (*p == '.' || *p == '!' || *p == '?') {
        *kind = *p == '.' ? TERM_DOT : TERM_BANG;
        return 1;
    }
    return (unsigned char)*p < 0x80 ? 0 : sentchar_wide_term_len(p, len, kind);
}
/* Punctuation that may follow a terminator and still belong to the
 * sentence: closing quotes and brackets (the ASCII quotes count). */
size_t sentchar_closer_len(const char *p, size_t len);
/* Punctuation that may open a sentence: opening quotes and brackets, the
 * Spanish inverted marks; sets *quote to 1 for a quote, 0 for a bracket. */
size_t sentchar_opener_len(const char *p, size_t len, int *quote);

/* Letter case of the character at p: 1 upper or title case, -1 lower
 * case, 2 a decimal digit, 3 another letter (caseless scripts), 0 anything
 * else. Sets *clen to the character's length (at least 1). */
int sentchar_case(const char *p, size_t len, size_t *clen);

#endif
