/* The sentence segmenter: one left-to-right pass over the bytes.
 *
 * A sentence ends at a line break (except where the text is hard-wrapped,
 * see seg_detect_wrapping), before a caption credit label ("Image:"), and
 * after a run of terminal punctuation (. ! ? and their Unicode kin, with
 * the closing quotes and brackets that follow) when the words on both
 * sides agree: the left word decides whether the period may be an
 * abbreviation's, the right word whether a new sentence begins. The word
 * lists live in data/abbreviations/ (sentences_lexicon.c); doc/SEGMENTER.md
 * explains the rules and what they were measured on.
 *
 * Every look-around is bounded (SEG_WORD_MAX bytes back, one run of
 * spaces and openers forward), so the pass is linear in the input. */
#include "text/sentences.h"
#include "text/sentences_chars.h"
#include "text/sentences_lexicon.h"
#include <string.h>

#define SEG_WORD_MAX 64 /* longest left word examined; longer ones are plain words */
#define SEG_NEXT_MAX 32 /* longest right word looked up */
#define SEG_WRAP_MIN 40 /* shortest line that may be a wrapped one */

typedef struct seg {
    const char *t;
    size_t len;
    span_vec *out;
    size_t start;   /* where the current sentence began */
    size_t content; /* its first non-space byte, once seen */
    int has_content;
    size_t line;    /* where the current line began */
    int wrapped;    /* single line breaks are hard wrapping, not ends */
} seg;

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
    int none;    /* nothing: end of text or of the line */
    int spaced;  /* white space separates it from the run */
    int quoted;  /* it opens with a quote (1) or a bracket (2) */
    int cas;     /* sentchar_case of its first character */
    int lex;     /* lexicon classes of its leading letters */
    int initial; /* a single letter and a period, as in "J. R. R." */
    int label;   /* its letters are followed by a colon */
} next_word;

/* Returns the length of the space character ending just before e (not
 * before lo), or 0. */
static size_t seg_space_before(const seg *s, size_t lo, size_t e)
{
    for (size_t n = 1; n <= 3 && n <= e - lo; n++) {
        size_t got = sentchar_space_len(s->t + e - n, n);
        if (!got)
            got = sentchar_break_len(s->t + e - n, n);
        if (got == n)
            return n;
    }
    return 0;
}

/* Appends [a, e) trimmed of white space, unless nothing remains; starts
 * the next sentence at e. Returns 0, or -1 when out of memory. */
static int seg_emit(seg *s, size_t e)
{
    size_t a = s->start, n;
    s->start = e;
    s->has_content = 0;
    while (a < e && (n = sentchar_space_len(s->t + a, e - a) + sentchar_break_len(s->t + a, e - a)))
        a += n;
    while (e > a && (n = seg_space_before(s, a, e)))
        e -= n;
    return e > a ? span_vec_push(s->out, a, e) : 0;
}

/* Returns 1 if text[0..len) looks hard-wrapped: it has blank lines (so
 * paragraphs are marked) and so, probably, single breaks are wrapping.
 * seg_joins_lines still asks for evidence at each break. */
static int seg_detect_wrapping(const char *t, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++) {
        if (t[i] != '\n')
            continue;
        size_t j = i + 1;
        while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
            j++;
        if (j < len && t[j] == '\n')
            return 1;
    }
    return 0;
}

/* Returns 1 if the line break at [i, i+n) only wraps a sentence: the text
 * is wrapped, the line is long, does not end in punctuation, and the next
 * line starts in lower case. */
static int seg_joins_lines(const seg *s, size_t i, size_t n)
{
    if (!s->wrapped || i - s->line < SEG_WRAP_MIN)
        return 0;
    size_t e = i, c;
    while (e > s->line && seg_space_before(s, s->line, e))
        e -= seg_space_before(s, s->line, e);
    unsigned char last = e > s->line ? (unsigned char)s->t[e - 1] : '.';
    if (!(last >= 0x80 || (last >= 'a' && last <= 'z') || (last >= '0' && last <= '9') ||
          last == ','))
        return 0;
    size_t j = i + n;
    while (j < s->len && sentchar_space_len(s->t + j, s->len - j))
        j += sentchar_space_len(s->t + j, s->len - j);
    return j < s->len && sentchar_case(s->t + j, s->len - j, &c) == -1;
}

/* Counts the " ." repeats at k (a spaced ellipsis ". . ."). */
static int seg_spaced_dots(const seg *s, size_t k)
{
    int m = 0;
    while (k + 1 < s->len && s->t[k] == ' ' && s->t[k + 1] == '.') {
        m++;
        k += 2;
    }
    return m;
}

/* Reads the run of terminators and closers starting at the terminator at
 * i into *r. */
static void seg_read_run(const seg *s, size_t i, term_run *r)
{
    size_t k = i, n;
    int kind, after_closer = 0;
    memset(r, 0, sizeof *r);
    r->first = i;
    for (;;) {
        if (k < s->len && (n = sentchar_term_len(s->t + k, s->len - k, &kind)) != 0) {
            r->dots += kind == TERM_DOT;
            r->ellipsis |= kind == TERM_ELLIPSIS;
            r->bang |= kind == TERM_BANG;
            r->wide |= kind == TERM_WIDE;
            r->reopened |= after_closer;
            k += n;
            int m = kind == TERM_DOT && !r->bang ? seg_spaced_dots(s, k) : 0;
            if (m && r->dots + m >= 3) {
                r->dots += m;
                k += 2 * (size_t)m;
            }
        } else if (k < s->len && (n = sentchar_closer_len(s->t + k, s->len - k)) != 0) {
            r->closed = after_closer = 1;
            k += n;
        } else
            break;
    }
    r->ellipsis |= r->dots >= 2;
    r->end = k;
}

/* Returns the shape of w[0..n): a number, an initial, a dotted
 * abbreviation (U.S, a.m, Ph.D), a roman numeral, or a plain word. */
static int seg_shape(const char *w, size_t n)
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
    if (digits && digits + (n - digits - letters) == n && w[0] >= '0' && w[0] <= '9')
        return SHAPE_NUMBER;
    if (n == 1 && letters == 1)
        return w[0] == 'I' ? SHAPE_ROMAN : SHAPE_INITIAL;
    if (dots && letters + dots == n && longest <= 2 && w[n - 1] != '.' && w[0] != '.')
        return SHAPE_DOTTED;
    return roman == n && n <= 4 ? SHAPE_ROMAN : SHAPE_WORD;
}

/* Reads the word ending just before the run at r->first into *lw: back to
 * white space (at most SEG_WORD_MAX bytes), leading openers dropped. */
static void seg_read_left(const seg *s, const term_run *r, left_word *lw)
{
    size_t b = r->first, n;
    int quote;
    while (b > s->start && r->first - b <= SEG_WORD_MAX && !seg_space_before(s, s->start, b))
        b--;
    memset(lw, 0, sizeof *lw);
    if (r->first - b > SEG_WORD_MAX) {
        lw->shape = SHAPE_WORD;
        return;
    }
    lw->first = !s->has_content || b <= s->content;
    while (b < r->first && (n = sentchar_opener_len(s->t + b, r->first - b, &quote)) != 0)
        b += n;
    lw->len = r->first - b;
    lw->shape = seg_shape(s->t + b, lw->len);
    lw->lex = lexicon_lookup(s->t + b, lw->len);
}

/* Reads what follows the run on its line into *nw. */
static void seg_read_next(const seg *s, const term_run *r, next_word *nw)
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
    for (int k = 0; k < 4 && j < s->len && (n = sentchar_opener_len(s->t + j, s->len - j, &quote));
         k++) {
        nw->quoted = nw->quoted ? nw->quoted : (quote ? 1 : 2);
        j += n;
    }
    if (j >= s->len)
        return;
    nw->cas = sentchar_case(s->t + j, s->len - j, &clen);
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

/* Returns 1 if the next word begins a sentence after a word that may be
 * an abbreviation: a capitalised starter or label, or a quote opening on a
 * capital. */
static int seg_starts_sentence(const next_word *nw)
{
    if (nw->cas != 1 || nw->initial)
        return 0;
    if (nw->quoted == 1 || (nw->lex & LEX_STARTER))
        return 1;
    return nw->label && (nw->lex & LEX_LABEL);
}

/* Returns 1 if a single period (possibly followed by closers) ends the
 * sentence, judging by the word before it. */
static int seg_period_ends(const left_word *lw, const next_word *nw)
{
    if (lw->first && (lw->shape == SHAPE_ROMAN || lw->shape == SHAPE_INITIAL ||
                      (lw->shape == SHAPE_NUMBER && lw->len <= 3)))
        return 0; /* a list marker: "1. Preheat", "b. Remove", "IV. Results" */
    if (lw->lex & (LEX_TITLE | LEX_INNER))
        return 0;
    if ((lw->lex & LEX_NUMERIC) && nw->cas == 2)
        return 0;
    if ((lw->lex & LEX_COMMON) || lw->shape == SHAPE_DOTTED || lw->shape == SHAPE_INITIAL)
        return seg_starts_sentence(nw);
    return 1;
}

/* Returns 1 if the run r ends the current sentence. */
static int seg_run_ends(const seg *s, const term_run *r)
{
    next_word nw;
    left_word lw;
    seg_read_next(s, r, &nw);
    if (nw.none)
        return 1;
    if (!nw.spaced)
        return r->wide;
    if (r->closed && nw.cas == -1)
        return 0; /* "Stop!" she said; (see p. 4.) and */
    if (r->ellipsis && !r->bang)
        return nw.cas == 1 || nw.cas == 3;
    seg_read_left(s, r, &lw);
    if (r->bang || r->wide)
        return !(lw.lex & LEX_EXCLAIM) || seg_starts_sentence(&nw);
    if (r->closed || r->reopened)
        return 1;
    return seg_period_ends(&lw, &nw);
}

/* Returns 1 if a caption credit label ("Image:") starts at i, after text
 * on the same line: it begins a new unit although nothing ended the last. */
static int seg_label_at(const seg *s, size_t i)
{
    if (!s->has_content || i == 0 || s->t[i - 1] != ' ' || s->t[i] < 'A' || s->t[i] > 'Z')
        return 0;
    size_t w = i;
    while (w < s->len && w - i < 16 && ((s->t[w] >= 'a' && s->t[w] <= 'z') ||
                                         (s->t[w] >= 'A' && s->t[w] <= 'Z')))
        w++;
    if (w + 1 >= s->len || s->t[w] != ':' || s->t[w + 1] != ' ')
        return 0;
    return (lexicon_lookup(s->t + i, w - i) & LEX_LABEL) != 0;
}

/* Handles the byte at i; returns where to continue, or (size_t)-1 when
 * out of memory. */
static size_t seg_step(seg *s, size_t i)
{
    size_t n;
    int kind;
    if ((n = sentchar_break_len(s->t + i, s->len - i)) != 0) {
        int join = seg_joins_lines(s, i, n);
        s->line = i + n;
        return join || !seg_emit(s, i) ? i + n : (size_t)-1;
    }
    if ((n = sentchar_term_len(s->t + i, s->len - i, &kind)) != 0) {
        term_run r;
        seg_read_run(s, i, &r);
        if (!s->has_content) {
            s->has_content = 1;
            s->content = i;
        }
        return !seg_run_ends(s, &r) || !seg_emit(s, r.end) ? r.end : (size_t)-1;
    }
    if (seg_label_at(s, i) && seg_emit(s, i))
        return (size_t)-1;
    if ((n = sentchar_space_len(s->t + i, s->len - i)) != 0)
        return i + n;
    if (!s->has_content) {
        s->has_content = 1;
        s->content = i;
    }
    return i + 1;
}

/* Appends every sentence of text[0..len) to *out (see sentences.h). */
int sentences_split(const char *text, size_t len, span_vec *out)
{
    seg s = {.t = text, .len = len, .out = out};
    s.wrapped = seg_detect_wrapping(text, len);
    for (size_t i = 0; i < len;) {
        i = seg_step(&s, i);
        if (i == (size_t)-1)
            return -1;
    }
    return seg_emit(&s, len);
}
