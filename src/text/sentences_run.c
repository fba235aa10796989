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
    size_t start; /* its first byte (after leading punctuation) */
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
    size_t at;     /* where it starts, after opening quotes and brackets */
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

/* Returns 1 if only closing quotes and brackets stand between e and the
 * end of the text or of its line. */
static int run_line_ends_after_closers(const seg *s, size_t e)
{
    size_t n;
    while (e < s->len && (n = sentchar_closer_len(s->t + e, s->len - e)) != 0)
        e += n;
    return run_line_ends(s, e);
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
 * omission stands alone after a sentence's end and ends the line ("go.
 * ...\n"), so it joins the run instead of making a sentence of its own.
 * Before a word it starts the next sentence ("go. ... They came"), as
 * the treebanks have it. */
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
    if (e - k < 3 || !run_line_ends_after_closers(s, e))
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
    /* ". . ." after a full stop glued to its word starts the next sentence
     * ("compounds. . . . The practice"), unless nothing but closers
     * follows it on the line ("less complex. . . .\xE2\x80\x9D"). */
    int own = r->dots >= 2 || r->first == 0 || seg_space_before(s, 0, r->first) ||
              run_line_ends_after_closers(s, *k + 2 * (size_t)m);
    if (m && r->dots + m >= 3 && own) {
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
        roman += c == 'i' || c == 'v' || c == 'x' || c == 'I' || c == 'V' || c == 'X';
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
 * '.', '&', apostrophes and the degree sign ("U.S", "AT&T", "12's",
 * "12\xE2\x80\x99s", "N\xC2\xB0"). */
static int run_word_inner(const seg *s, size_t k, size_t e)
{
    char c = s->t[k];
    return c == '.' || c == '&' || c == '\'' ||
           (e - k >= 3 && memcmp(s->t + k, "\xE2\x80\x99", 3) == 0) ||
           (e - k >= 2 && memcmp(s->t + k, "\xC2\xB0", 2) == 0); /* "N\xC2\xB0." */
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
    lw->start = r->first;
    if (r->first - b > SEG_WORD_MAX) {
        lw->shape = SHAPE_WORD;
        return;
    }
    lw->first = !s->has_content || b <= s->content;
    for (size_t k = b; k < r->first; k += n)
        if (sentchar_case(s->t + k, r->first - k, &n) == 0 && !run_word_inner(s, k, r->first))
            b = k + n; /* the word starts after the last punctuation */
    while (b < r->first && run_word_inner(s, b, r->first) && s->t[b] != '.')
        b += s->t[b] == '\'' || s->t[b] == '&' ? 1 : (unsigned char)s->t[b] == 0xC2 ? 2 : 3; /* not with a quote */
    lw->start = b;
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
    nw->at = j;
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

/* The word lists' verdict on a single period (possibly followed by
 * closers), judging by the word before it: the name of the rule that
 * decides, "+" when it ends the sentence, "-" when not. */
static const char *run_period_hint(const left_word *lw, const next_word *nw)
{
    if (lw->first && (lw->shape == SHAPE_ROMAN || lw->shape == SHAPE_INITIAL ||
                      (lw->shape == SHAPE_NUMBER && lw->len <= 3)))
        return "-marker"; /* a list marker: "1. Preheat", "b. Remove", "IV. Results" */
    if (lw->lex & LEX_TITLE)
        return "-title";
    if (lw->lex & LEX_INNER)
        return "-inner";
    if ((lw->lex & LEX_NUMERIC) && nw->cas == 2)
        return "-numeric";
    int starts = run_starts_sentence(nw);
    if (lw->lex & LEX_COMMON)
        return starts ? "+common" : "-common";
    if (lw->shape == SHAPE_DOTTED)
        return starts ? "+dotted" : "-dotted";
    if (lw->shape == SHAPE_INITIAL)
        return starts ? "+initial" : "-initial";
    return "+plain";
}

/* Sets [*a, *e) to the token ending before pos (white space skipped,
 * within the line and the sentence, at most SEG_WORD_MAX bytes); *a ==
 * *e when there is none. */
static void run_token_before(const seg *s, size_t pos, size_t *a, size_t *e)
{
    size_t lo = s->line > s->start ? s->line : s->start, n;
    while (pos > lo && (n = seg_space_before(s, lo, pos)) != 0)
        pos -= n;
    *e = *a = pos;
    while (*a > lo && pos - *a < SEG_WORD_MAX && !seg_space_before(s, lo, *a))
        (*a)--;
}

/* Returns 1 if the word before pos is a capitalised name-like word
 * ("Albert" in "Albert I."): an upper-case letter, then lower case. */
static int run_after_name(const seg *s, size_t pos)
{
    size_t a, e;
    run_token_before(s, pos, &a, &e);
    if (e - a < 2 || s->t[a] < 'A' || s->t[a] > 'Z')
        return 0;
    for (size_t k = a + 1; k < e; k++)
        if (s->t[k] < 'a' || s->t[k] > 'z')
            return 0;
    return !(lexicon_lookup(s->t + a, e - a) & LEX_STARTER);
}

/* The hand-written rules' verdict on a run followed by white space and a
 * word (doc/SEGMENTER.md, "Terminal punctuation"), as a feature: the name
 * of the rule that decides, "+" when it ends the sentence, "-" when not.
 * The model learns how far to trust each. */
static const char *run_rule_hint(const seg *s, const term_run *r, const left_word *lw,
                                 const next_word *nw)
{
    if (r->closed && nw->cas == -1)
        return "-closed-lower"; /* "Stop!" she said */
    if (r->first > s->start && s->t[r->first - 1] == ':')
        return "-colon"; /* "Dial:?" a colon announces more */
    if (r->ellipsis && nw->url)
        return "+ellipsis-url";
    if (r->ellipsis && !r->bang)
        return nw->cas == 1 || nw->cas == 3 ? "+ellipsis-capital" : "-ellipsis";
    if (r->bang || r->wide)
        return !(lw->lex & LEX_EXCLAIM) ? "+bang" : run_starts_sentence(nw) ? "+exclaim" : "-exclaim";
    if (r->closed || r->reopened)
        return "+closed";
    if (lw->len == 1 && s->t[lw->start] == 'I' && run_after_name(s, lw->start)) {
        left_word initial = *lw; /* "Albert I. Jones": an initial, not the pronoun */
        initial.shape = SHAPE_INITIAL;
        return run_period_hint(&initial, nw);
    }
    return run_period_hint(lw, nw);
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

/* Returns 1 if t[a..e) is a plain number: digits and thousands commas,
 * no other dot ("1,000" in "bought 1,000.That", not "v2.0"). */
static int run_plain_number(const seg *s, size_t a, size_t e)
{
    if (e <= a || s->t[a] < '0' || s->t[a] > '9')
        return 0;
    for (size_t k = a; k < e; k++)
        if (!((s->t[k] >= '0' && s->t[k] <= '9') || s->t[k] == ','))
            return 0;
    return 1;
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
 * ("the county.Sheriff Ken Sealey said", "bought 1,000.That is"). Both
 * sides must be plain words (or a plain number on the left), so
 * "Node.js", "U.S.A", "www.Example.com" and "3.5" are left alone. */
static int run_glued_end(const seg *s, const term_run *r)
{
    if (r->dots != 1 || r->bang || r->ellipsis || r->wide || r->first == 0)
        return 0;
    char c = s->t[r->first - 1];
    int digit = c >= '0' && c <= '9';
    if ((c < 'a' || c > 'z') && !digit)
        return 0;
    size_t a = r->first;
    while (a > s->start && r->first - a <= SEG_WORD_MAX && !seg_space_before(s, s->start, a))
        a--;
    size_t j = r->end + (r->end < s->len && s->t[r->end] == '"');
    return (digit ? run_plain_number(s, a, r->first) : run_plain_word(s, a, r->first)) &&
           run_plain_capital(s, j);
}

/* Writes into out (at least 9 bytes) the run's signature: its marks in
 * order, repeats collapsed, at most 8: '.' a full stop, 'e' an ellipsis
 * (two dots or more, spaced or not, or U+2026), '?', '!', 'w' an East
 * Asian stop, 'q' a closing quote, ')' a closing bracket, 'c' a citation
 * mark ('."' is a quotation's end, '.)' a bracket's). */
static void run_signature(const seg *s, const term_run *r, char *out)
{
    size_t k = r->first, n, m = 0;
    int kind;
    while (k < r->end && m < 8) {
        char sym;
        if ((n = sentchar_term_len(s->t + k, r->end - k, &kind)) != 0)
            sym = kind == TERM_DOT ? '.' : kind == TERM_ELLIPSIS ? 'e' : kind == TERM_WIDE ? 'w'
                  : s->t[k] == '?' ? '?' : '!';
        else if ((n = sentchar_closer_len(s->t + k, r->end - k)) != 0)
            sym = s->t[k] == ')' || s->t[k] == ']' || s->t[k] == '}' ? ')' : 'q';
        else {
            n = 1;
            sym = s->t[k] == '[' || (s->t[k] >= '0' && s->t[k] <= '9') ? 'c' : 0;
        }
        k += n;
        if (!sym || (m && sym == 'c' && out[m - 1] == 'c'))
            continue;
        if (m && sym == '.' && (out[m - 1] == '.' || out[m - 1] == 'e'))
            out[m - 1] = 'e';
        else if (!m || out[m - 1] != sym)
            out[m++] = sym;
    }
    out[m] = '\0';
}

/* Returns the end of the token starting at j (white space or a line break
 * ends it; at most SEG_WORD_MAX bytes). */
static size_t run_token_end(const seg *s, size_t j)
{
    size_t e = j;
    while (e < s->len && e - j < SEG_WORD_MAX && !sentchar_space_len(s->t + e, s->len - e) &&
           !sentchar_break_len(s->t + e, s->len - e))
        e++;
    return e;
}

/* Returns 1 if c is punctuation that trails a word ("However," "said:"). */
static int run_trailing_punct(char c)
{
    switch (c) {
    case ',': case ';': case ':': case '.': case '!': case '?':
    case '"': case '\'': case ')': case ']': case '}':
        return 1;
    default:
        return 0;
    }
}

/* Writes into out the letters of the lexicon classes lex ("-" for none). */
void run_lex_letters(int lex, char *out)
{
    static const struct {
        int cls;
        char c;
    } names[] = {{LEX_TITLE, 'T'},   {LEX_INNER, 'I'},   {LEX_NUMERIC, 'N'}, {LEX_COMMON, 'C'},
                 {LEX_EXCLAIM, 'E'}, {LEX_STARTER, 'S'}, {LEX_LABEL, 'L'},   {LEX_CLOSING, 'G'},
                 {LEX_DOMAIN, 'D'}};
    size_t m = 0;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (lex & names[k].cls)
            out[m++] = names[k].c;
    if (!m)
        out[m++] = '-';
    out[m] = '\0';
}

/* Returns the feature value of a letter case (sentchar_case). */
static const char *run_case_name(int cas)
{
    return cas == 1 ? "U" : cas == -1 ? "L" : cas == 2 ? "D" : cas == 3 ? "C" : "O";
}

/* Returns the feature value of a sentence's length so far in words. */
const char *run_words_name(size_t words)
{
    return words <= 1 ? "1" : words == 2 ? "2" : words == 3 ? "3" : words <= 6 ? "4-6"
           : words <= 12 ? "7-12" : "13+";
}

/* The values a run's features are made of, each hashed once. */
typedef struct run_values {
    char word[FEATS_WORD_MAX + 1], shape[9], lex[12], len[2];
    char pword[FEATS_WORD_MAX + 1], pshape[9];
    char nword[FEATS_WORD_MAX + 1], nshape[9], nlex[12], sig[9];
    feats_val w, ws, wx, wl, p, ps, n, ns, nx, nc, nq, r;
} run_values;

/* Fills v with the values of the left word lw (and the word before it),
 * the next word nw and the run r. */
static void run_read_values(const seg *s, const term_run *r, const left_word *lw,
                            const next_word *nw, run_values *v)
{
    size_t a, e, ln = lw->len;
    const char *w = s->t + lw->start;
    v->w = feats_val_of(v->word, feats_word(w, ln, v->word));
    v->ws = feats_val_of(v->shape, feats_shape(w, ln, v->shape));
    run_lex_letters(lw->lex, v->lex);
    v->wx = feats_val_str(v->lex);
    v->len[0] = (char)('0' + (ln >= 6 ? 6 : ln));
    v->len[1] = '\0';
    v->wl = feats_val_of(v->len, 1);
    run_token_before(s, lw->start, &a, &e);
    while (e > a && run_trailing_punct(s->t[e - 1]))
        e--;
    v->p = feats_val_of(v->pword, feats_word(s->t + a, e - a, v->pword));
    v->ps = feats_val_of(v->pshape, feats_shape(s->t + a, e - a, v->pshape));
    size_t ne = run_token_end(s, nw->at), nb = ne;
    while (nb > nw->at && run_trailing_punct(s->t[nb - 1]))
        nb--;
    v->n = feats_val_of(v->nword, feats_word(s->t + nw->at, nb - nw->at, v->nword));
    v->ns = feats_val_of(v->nshape, feats_shape(s->t + nw->at, ne - nw->at, v->nshape));
    run_lex_letters(nw->lex, v->nlex);
    v->nx = feats_val_str(v->nlex);
    v->nc = feats_val_str(run_case_name(nw->cas));
    v->nq = feats_val_str(nw->quoted == 1 ? "q" : nw->quoted ? "b" : "-");
    run_signature(s, r, v->sig);
    v->r = feats_val_str(v->sig);
}

/* Adds the features of a run to s->feats: the run's marks, the words
 * around it (their form, shape, length, word-list classes, case), the
 * sentence so far (its length, open quotes and brackets), and the rules'
 * verdict (hint). */
static void run_features(seg *s, const term_run *r, const left_word *lw, const next_word *nw,
                         const char *hint)
{
    seg_feats *f = &s->feats;
    run_values v;
    feats_val yes = feats_val_of("1", 1);
    run_read_values(s, r, lw, nw, &v);
    feats_clear(f);
    feats_add1(f, "b", feats_val_str("run"));
    feats_add1(f, "r", v.r);
    feats_add1(f, "lw", v.w);
    feats_add1(f, "ls", v.ws);
    feats_add1(f, "lx", v.wx);
    feats_add2(f, "ll", v.wl, v.ws);
    feats_add2(f, "lf", feats_val_str(lw->first ? "1" : "0"), v.ws);
    feats_add1(f, "sl", feats_val_str(run_words_name(s->words)));
    feats_add1(f, "pw", v.p);
    feats_add1(f, "ps", v.ps);
    feats_add1(f, "nw", v.n);
    feats_add1(f, "ns", v.ns);
    feats_add1(f, "nc", v.nc);
    feats_add1(f, "nq", v.nq);
    feats_add1(f, "nx", v.nx);
    feats_add2(f, "lw|nc", v.w, v.nc);
    feats_add2(f, "ls|nc", v.ws, v.nc);
    feats_add2(f, "lx|nc", v.wx, v.nc);
    feats_add2(f, "ls|ns", v.ws, v.ns);
    feats_add2(f, "pw|lw", v.p, v.w);
    feats_add2(f, "lw|nw", v.w, v.n);
    feats_add2(f, "r|nc", v.r, v.nc);
    feats_add2(f, "r|nq", v.r, v.nq);
    if (nw->initial)
        feats_add1(f, "ni", yes);
    if (nw->label)
        feats_add1(f, "nl", yes);
    if (s->dquotes % 2)
        feats_add1(f, "dq", yes);
    if (s->parens > 0)
        feats_add1(f, "pa", yes);
    feats_add1(f, "rh", feats_val_str(hint));
    feats_add1(f, "rule", feats_val_of(hint, 1));
}

/* Returns the end of the letters at k (ASCII, with ' and -). */
static size_t run_letters_end(const seg *s, size_t k)
{
    while (k < s->len && ((s->t[k] >= 'a' && s->t[k] <= 'z') || (s->t[k] >= 'A' && s->t[k] <= 'Z') ||
                          s->t[k] == '\'' || s->t[k] == '-'))
        k++;
    return k;
}

/* Returns 1 if an author-and-page citation follows the run at r->end,
 * closed by the sentence's own terminator: '... [...]" (Smith 55).': one
 * to three capitalised words, a comma or not, a number or range, ")"
 * and a terminator. */
static int run_citation_next(const seg *s, const term_run *r)
{
    size_t k = r->end, e, words = 0;
    while (k < s->len && s->t[k] == ' ')
        k++;
    if (k >= s->len || s->t[k] != '(')
        return 0;
    for (k++; words < 3 && k < s->len && s->t[k] >= 'A' && s->t[k] <= 'Z'; words++) {
        k = run_letters_end(s, k);
        k += k < s->len && s->t[k] == ',';
        if (k >= s->len || s->t[k] != ' ')
            return 0;
        k++;
    }
    for (e = k; e < s->len && ((s->t[e] >= '0' && s->t[e] <= '9') || (e > k && s->t[e] == '-')); e++)
        ;
    return words && e > k && e + 1 < s->len && s->t[e] == ')' && strchr(".!?", s->t[e + 1]);
}

/* Returns 1 if the hand-written rules are sure that the run does not end
 * the sentence, by its rule hint (run_rule_hint) and the next word. In
 * UD English EWT train these hold for: a title (121 runs of 121), an
 * inner abbreviation (28 of 30), a numeric abbreviation before a digit
 * (11 of 11), a list marker (46 of 48), an abbreviation, dotted word or
 * initial before a lower-case word (55 of 56). A closing quote or bracket
 * before a lower-case word (19 of 29 there; 3 of 3 in EWT dev, 5 of 6 in
 * GUM news dev) and an author-and-page citation ("(Smith 55).") belong
 * to the sentence too. */
static int run_rule_never(const seg *s, const term_run *r, const char *hint, const left_word *lw,
                          const next_word *nw)
{
    if (hint[0] == '-' && (!strcmp(hint, "-title") || !strcmp(hint, "-inner") ||
                           !strcmp(hint, "-numeric") || !strcmp(hint, "-marker") ||
                           !strcmp(hint, "-closed-lower")))
        return 1;
    if (r->ellipsis && !r->bang && r->first == s->content)
        return 1; /* an ellipsis that opens the sentence: ". . . The practice" */
    if (s->list.mark_kind && r->first >= s->list.start && r->first < s->list.end)
        return 1; /* the period of the list marker the sentence opens with: "\xE2\x80\xA2 10. The" */
    if (nw->cas == -1 && !r->bang && !r->ellipsis &&
        ((lw->lex & LEX_ABBREVIATION) || lw->shape == SHAPE_DOTTED || lw->shape == SHAPE_INITIAL))
        return 1;
    return nw->quoted == 2 && run_citation_next(s, r);
}

/* Returns 1 if the run r, followed by white space and a word on its line,
 * ends the sentence: the model's verdict on its features. */
static int run_model_ends(seg *s, const term_run *r, const left_word *lw, const next_word *nw)
{
    const char *hint = run_rule_hint(s, r, lw, nw);
    if (run_rule_never(s, r, hint, lw, nw))
        return 0;
    run_features(s, r, lw, nw, hint);
    return seg_decide(s, r->end);
}

/* Returns 1 if the run r ends the current sentence: the cases the text's
 * structure decides (the end of a line, a pull quote, no space after the
 * run, a comma or an emoticon next), then the model. */
static int run_ends(seg *s, const term_run *r)
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
    if (nw.emoticon || nw.punct || nw.enum_item)
        return 0; /* "Great. :)" ends after the emoticon; no sentence starts with
                   * ","; "a) ... world. b) ..." is one enumeration */
    run_read_left(s, r, &lw);
    return run_model_ends(s, r, &lw, &nw);
}

/* Reads the run starting at the terminator at i; returns its end and sets
 * *ends. */
size_t run_judge(seg *s, size_t i, int *ends)
{
    term_run r;
    run_read(s, i, &r);
    *ends = run_ends(s, &r);
    return r.end;
}
