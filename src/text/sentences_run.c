/* Does a run of terminal punctuation end the sentence? The run is the
 * terminators with the closing quotes and brackets around them ('?")',
 * 'p.m.).'); the answer comes from the kind of run, the word on its left
 * (an abbreviation? an initial? a list number?) and the word on its right
 * (capitalised? a function word that starts sentences?). The rules are
 * explained in doc/SEGMENTER.md. */
#include "text/sentences_chars.h"
#include "text/sentences_lexicon.h"
#include "text/sentences_seg.h"
#include <string.h>

/* The run of terminators and closers a candidate end consists of. */
typedef struct term_run {
    size_t first, end; /* first terminator byte; end of the whole run */
    int dots;          /* '.' seen (spaced ". . ." included) */
    int ellipsis;      /* an ellipsis: two dots or more, or U+2026 */
    int bang;          /* a ? or ! (or kin) */
    int wide;          /* an East Asian full stop, which needs no space */
    int closed;        /* a closing quote or bracket followed a terminator */
    int reopened;      /* a terminator followed a closer, as in "p.m.)." */
} term_run;

/* The word left of a run. */
enum { SHAPE_WORD, SHAPE_EMPTY, SHAPE_NUMBER, SHAPE_INITIAL, SHAPE_DOTTED, SHAPE_ROMAN };
typedef struct left_word {
    int shape;
    int lex;   /* lexicon classes */
    int first; /* it is the first word of the sentence */
    size_t len;
} left_word;

/* What follows a run on the same line. */
typedef struct next_word {
    int none;     /* nothing: end of text or of the line */
    int spaced;   /* white space separates it from the run */
    int quoted;   /* it opens with a quote (1) or a bracket (2) */
    int cas;      /* sentchar_case of its first character */
    int lex;      /* lexicon classes of its leading letters */
    int initial;  /* a single letter and a period, as in "J. R. R." */
    int label;    /* its letters are followed by a colon */
    int emoticon; /* it is an emoticon, which stays with this sentence */
    int punct;    /* it starts with , ; or :, which no sentence does */
    int url;      /* it starts with http:// or www. */
    int enum_item; /* it continues the sentence's "a) ... b)" enumeration */
} next_word;

/* Counts the " ." repeats at k (a spaced ellipsis ". . ."). */
static int run_spaced_dots(const seg *s, size_t k)
{
    int m = 0;
    while (k + 1 < s->len && s->t[k] == ' ' && s->t[k + 1] == '.') {
        m++;
        k += 2;
    }
    return m;
}

/* Returns 1 if t[e] is the end of the text or of its line. */
static int run_line_ends(const seg *s, size_t e)
{
    size_t n;
    while (e < s->len && (n = sentchar_space_len(s->t + e, s->len - e)) != 0)
        e += n;
    return e == s->len || sentchar_break_len(s->t + e, s->len - e);
}

/* Returns the length of " X" at k when X is a closer standing alone
 * before white space or the end ("day. )", tokenised text), and closes
 * something: a bracket, a curly quote, a straight quote while the line
 * holds an odd number of them (for ', of lone ones: "said: ' A ... '"), or
 * any quote that ends its line
 * (nothing follows for it to open); else 0. */
static size_t run_lone_closer(const seg *s, size_t k)
{
    if (k + 1 >= s->len || s->t[k] != ' ')
        return 0;
    size_t n = sentchar_closer_len(s->t + k + 1, s->len - k - 1), e = k + 1 + n;
    if (!n)
        return 0;
    if (run_line_ends(s, e))
        return 1 + n;
    if ((s->t[k + 1] == '\'' && s->squotes % 2 == 0) || (s->t[k + 1] == '"' && s->dquotes % 2 == 0))
        return 0;
    return sentchar_space_len(s->t + e, s->len - e) ? 1 + n : 0;
}

/* Returns the length of a citation mark "[12]" (or several) at k, which
 * follows the period in encyclopedic text: "pregnancy.[1] Problems", and
 * with a space before it, when white space follows: "died. [68] Because". */
static size_t run_citation(const seg *s, size_t k)
{
    if (k + 1 < s->len && s->t[k] == ' ' && s->t[k + 1] == '[') {
        size_t n = run_citation(s, k + 1), e = k + 1 + n;
        return n && (e == s->len || sentchar_space_len(s->t + e, s->len - e) ||
                     sentchar_break_len(s->t + e, s->len - e))
                   ? 1 + n
                   : 0;
    }
    size_t e = k;
    while (e < s->len && s->t[e] == '[') {
        size_t d = 1;
        while (e + d < s->len && d <= 4 && s->t[e + d] >= '0' && s->t[e + d] <= '9')
            d++;
        if (d == 1 || e + d >= s->len || s->t[e + d] != ']')
            break;
        e += d + 1;
    }
    return e - k;
}

/* Returns the length of " ..." or " \u2026" at k when an ellipsis of
 * omission stands alone after a sentence's end ("go. ... They"), so it
 * joins the run instead of making a sentence of its own. */
static size_t run_loose_ellipsis(const seg *s, size_t k)
{
    size_t e = k + 1;
    if (k + 1 >= s->len || s->t[k] != ' ')
        return 0;
    if (s->len - e >= 3 && memcmp(s->t + e, "\xE2\x80\xA6", 3) == 0)
        e += 3;
    else
        while (e < s->len && s->t[e] == '.')
            e++;
    if (e - k < 3 || (e < s->len && !sentchar_space_len(s->t + e, s->len - e) &&
                      !sentchar_break_len(s->t + e, s->len - e)))
        return 0;
    return e - k;
}

/* Returns 1 if the straight double quote at k, glued to a capital and
 * with the quotes of the line so far balanced, opens the next
 * sentence rather than closing this one: 'place."Each child'. */
static int run_opens_glued(const seg *s, size_t k)
{
    return s->t[k] == '"' && s->dquotes % 2 == 0 && k + 1 < s->len && s->t[k + 1] >= 'A' &&
           s->t[k + 1] <= 'Z';
}

/* Adds the terminator of the given kind and length at *k to *r. */
static void run_add_term(const seg *s, term_run *r, size_t *k, int kind, size_t n)
{
    r->dots += kind == TERM_DOT;
    r->ellipsis |= kind == TERM_ELLIPSIS;
    r->bang |= kind == TERM_BANG;
    r->wide |= kind == TERM_WIDE;
    *k += n;
    int m = kind == TERM_DOT && !r->bang ? run_spaced_dots(s, *k) : 0;
    if (m && r->dots + m >= 3) {
        r->dots += m;
        *k += 2 * (size_t)m;
    }
}

/* Reads the run of terminators and closers starting at the terminator at
 * i into *r. */
static void run_read(const seg *s, size_t i, term_run *r)
{
    size_t k = i, n;
    int kind, after_closer = 0;
    memset(r, 0, sizeof *r);
    r->first = i;
    for (;;) {
        if (k < s->len && (n = sentchar_term_len(s->t + k, s->len - k, &kind)) != 0) {
            r->reopened |= after_closer;
            run_add_term(s, r, &k, kind, n);
        } else if (k < s->len && (n = sentchar_closer_len(s->t + k, s->len - k)) != 0 &&
                   !run_opens_glued(s, k)) {
            r->closed = after_closer = 1;
            k += n;
        } else if ((n = run_lone_closer(s, k)) != 0 || (n = run_citation(s, k)) != 0) {
            r->closed = after_closer = 1;
            k += n;
        } else if (!r->ellipsis && (n = run_loose_ellipsis(s, k)) != 0) {
            r->ellipsis = 1;
            k += n;
        } else
            break;
    }
    r->ellipsis |= r->dots >= 2;
    r->end = k;
}

/* Returns the shape of w[0..n): a number, an initial, a dotted
 * abbreviation (U.S, a.m, Ph.D), a roman numeral, or a plain word. */
static int run_shape(const char *w, size_t n)
{
    size_t digits = 0, letters = 0, dots = 0, seg_len = 0, roman = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        digits += c >= '0' && c <= '9';
        letters += letter;
        roman += c && strchr("ivxIVX", c) != NULL;
        dots += c == '.';
        seg_len = c == '.' ? 0 : seg_len + 1;
        longest = seg_len > longest ? seg_len : longest;
    }
    if (n == 0)
        return SHAPE_EMPTY;
    if (digits && w[0] >= '0' && w[0] <= '9' && letters == 0)
        return SHAPE_NUMBER;
    if (n == 1 && letters == 1)
        return w[0] == 'I' ? SHAPE_ROMAN : SHAPE_INITIAL;
    if (dots && letters + dots == n && longest <= 2 && w[n - 1] != '.' && w[0] != '.')
        return SHAPE_DOTTED;
    return roman == n && n <= 4 ? SHAPE_ROMAN : SHAPE_WORD;
}

/* Returns 1 if the punctuation at k (before e) belongs inside a word:
 * '.', '&' and apostrophes ("U.S", "AT&T", "12's", "12\xE2\x80\x99s"). */
static int run_word_inner(const seg *s, size_t k, size_t e)
{
    char c = s->t[k];
    return c == '.' || c == '&' || c == '\'' ||
           (e - k >= 3 && memcmp(s->t + k, "\xE2\x80\x99", 3) == 0);
}

/* Reads the word ending just before the run at r->first into *lw: back to
 * white space (at most SEG_WORD_MAX bytes), then only what follows its
 * last punctuation that is not inside words (run_word_inner): "--Aug.",
 * "said\xE2\x80\x94Mr.", "(U.S.". */
static void run_read_left(const seg *s, const term_run *r, left_word *lw)
{
    size_t b = r->first, n;
    while (b > s->start && r->first - b <= SEG_WORD_MAX && !seg_space_before(s, s->start, b))
        b--;
    memset(lw, 0, sizeof *lw);
    if (r->first - b > SEG_WORD_MAX) {
        lw->shape = SHAPE_WORD;
        return;
    }
    lw->first = !s->has_content || b <= s->content;
    for (size_t k = b; k < r->first; k += n)
        if (sentchar_case(s->t + k, r->first - k, &n) == 0 && !run_word_inner(s, k, r->first))
            b = k + n; /* the word starts after the last punctuation */
    while (b < r->first && run_word_inner(s, b, r->first) && s->t[b] != '.')
        b += s->t[b] == '\'' || s->t[b] == '&' ? 1 : 3; /* but not with a quote */
    lw->len = r->first - b;
    lw->shape = run_shape(s->t + b, lw->len);
    lw->lex = lexicon_lookup(s->t + b, lw->len);
}

/* Fills the lexical facts of the word whose letters start at j. */
static void run_read_word(const seg *s, size_t j, next_word *nw)
{
    size_t w = j;
    while (w < s->len && w - j < SEG_NEXT_MAX &&
           ((s->t[w] >= 'a' && s->t[w] <= 'z') || (s->t[w] >= 'A' && s->t[w] <= 'Z')))
        w++;
    if (w == j)
        return;
    nw->lex = lexicon_lookup(s->t + j, w - j);
    nw->initial = w - j == 1 && w < s->len && s->t[w] == '.';
    nw->label = w < s->len && s->t[w] == ':';
}

/* Reads what follows the run on its line into *nw. */
static void run_read_next(const seg *s, const term_run *r, next_word *nw)
{
    size_t j = r->end, n, clen;
    int quote;
    memset(nw, 0, sizeof *nw);
    while (j < s->len && (n = sentchar_space_len(s->t + j, s->len - j)) != 0)
        j += n;
    nw->spaced = j > r->end;
    if (j >= s->len || sentchar_break_len(s->t + j, s->len - j)) {
        nw->none = 1;
        return;
    }
    nw->emoticon = units_emoticon_at(s, j);
    nw->punct = s->t[j] == ',' || s->t[j] == ';' || s->t[j] == ':';
    nw->url = units_url_at(s, j);
    nw->enum_item = s->enum_next && j + 2 <= s->len && s->t[j] == s->enum_next && s->t[j + 1] == ')';
    for (int k = 0; k < 4 && j < s->len && (n = sentchar_opener_len(s->t + j, s->len - j, &quote));
         k++) {
        nw->quoted = nw->quoted ? nw->quoted : (quote ? 1 : 2);
        j += n;
    }
    if (j >= s->len)
        return;
    nw->cas = sentchar_case(s->t + j, s->len - j, &clen);
    run_read_word(s, j, nw);
}

/* Returns 1 if the next word begins a sentence after a word that may be
 * an abbreviation: a capitalised starter or label, or a quote opening on a
 * capital. */
static int run_starts_sentence(const next_word *nw)
{
    if (nw->cas != 1 || nw->initial)
        return 0;
    if (nw->quoted == 1 || (nw->lex & LEX_STARTER))
        return 1;
    return nw->label && (nw->lex & LEX_LABEL);
}

/* Returns 1 if a single period (possibly followed by closers) ends the
 * sentence, judging by the word before it. */
static int run_period_ends(const left_word *lw, const next_word *nw)
{
    if (lw->first && (lw->shape == SHAPE_ROMAN || lw->shape == SHAPE_INITIAL ||
                      (lw->shape == SHAPE_NUMBER && lw->len <= 3)))
        return 0; /* a list marker: "1. Preheat", "b. Remove", "IV. Results" */
    if (lw->lex & (LEX_TITLE | LEX_INNER))
        return 0;
    if ((lw->lex & LEX_NUMERIC) && nw->cas == 2)
        return 0;
    if ((lw->lex & LEX_COMMON) || lw->shape == SHAPE_DOTTED || lw->shape == SHAPE_INITIAL)
        return run_starts_sentence(nw);
    return 1;
}

/* Returns 1 if t[a..e) is a plain lower-case word: letters, apostrophes
 * and hyphens only, two letters at least, no abbreviation. */
static int run_plain_word(const seg *s, size_t a, size_t e)
{
    if (e - a < 2)
        return 0;
    for (size_t k = a; k < e; k++) {
        char c = s->t[k];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '-'))
            return 0;
    }
    return !(lexicon_lookup(s->t + a, e - a) & LEX_ABBREVIATION);
}

/* Returns 1 if t[j..] is a capitalised word ("The", "Police", "I") whose
 * token is no domain or path ("Agency.Com", "Example.org/x"). */
static int run_plain_capital(const seg *s, size_t j)
{
    size_t w = j + 1, e;
    if (j + 1 >= s->len || s->t[j] < 'A' || s->t[j] > 'Z')
        return 0;
    if ((s->t[j] == 'I' || s->t[j] == 'A') && (s->t[j + 1] == ' ' || s->t[j + 1] == '\''))
        return 1; /* "daughter."I think", "over.A man" */
    if (s->t[j + 1] < 'a' || s->t[j + 1] > 'z')
        return 0;
    while (w < s->len && ((s->t[w] >= 'a' && s->t[w] <= 'z') || (s->t[w] >= 'A' && s->t[w] <= 'Z')))
        w++;
    if (lexicon_lookup(s->t + j, w - j) & LEX_DOMAIN)
        return 0;
    for (e = w; e < s->len && e - j < SEG_WORD_MAX && !sentchar_space_len(s->t + e, s->len - e) &&
                !sentchar_break_len(s->t + e, s->len - e);
         e++) {
        char c = s->t[e], d = e + 1 < s->len ? s->t[e + 1] : ' ';
        if (c == '/' || c == '@' || (c == '.' && ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z'))))
            return 0;
    }
    return 1;
}

/* Returns 1 if a single period glued to the next word ends a sentence:
 * text that lost the space, as scraped paragraphs joined together do
 * ("the county.Sheriff Ken Sealey said"). Both sides must be plain words,
 * so "Node.js", "U.S.A", "www.Example.com" and "3.5" are left alone. */
static int run_glued_end(const seg *s, const term_run *r)
{
    if (r->dots != 1 || r->bang || r->ellipsis || r->wide || r->first == 0)
        return 0;
    char c = s->t[r->first - 1];
    if (c < 'a' || c > 'z')
        return 0;
    size_t a = r->first;
    while (a > s->start && r->first - a <= SEG_WORD_MAX && !seg_space_before(s, s->start, a))
        a--;
    size_t j = r->end + (r->end < s->len && s->t[r->end] == '"');
    return run_plain_word(s, a, r->first) && run_plain_capital(s, j);
}

/* Returns 1 if the run r ends the current sentence. */
static int run_ends(const seg *s, const term_run *r)
{
    next_word nw;
    left_word lw;
    run_read_next(s, r, &nw);
    if (nw.none)
        return 1;
    if (s->pull_quote)
        return 0; /* '"A. B." - Jane Doe' on a line of its own is one unit */
    if (!nw.spaced)
        return r->wide || run_glued_end(s, r);
    if (nw.emoticon || (r->closed && nw.cas == -1) || nw.punct || nw.enum_item)
        return 0; /* "Great. :)" ends after the emoticon; "Stop!" she said;
                   * "a) ... world. b) ..." is one enumeration */
    if (r->first > s->start && s->t[r->first - 1] == ':')
        return 0; /* "Dial:?" a colon announces more, it cannot end */
    if (r->ellipsis && nw.url)
        return 1;
    if (r->ellipsis && !r->bang)
        return nw.cas == 1 || nw.cas == 3;
    run_read_left(s, r, &lw);
    if (r->bang || r->wide)
        return !(lw.lex & LEX_EXCLAIM) || run_starts_sentence(&nw);
    if (r->closed || r->reopened)
        return 1;
    return run_period_ends(&lw, &nw);
}

/* Reads the run starting at the terminator at i; returns its end and sets
 * *ends. */
size_t run_judge(const seg *s, size_t i, int *ends)
{
    term_run r;
    run_read(s, i, &r);
    *ends = run_ends(s, &r);
    return r.end;
}
