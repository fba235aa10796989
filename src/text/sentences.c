/* The sentence segmenter: one left-to-right pass over the bytes.
 *
 * A sentence ends
 *   - at a line break, except where the text is hard-wrapped: those
 *     breaks are made spaces first (sentences_wrap.c); in news copy a
 *     single break ends a headline or a caption as surely as a blank line
 *     does;
 *   - after a run of terminal punctuation (. ! ? and their Unicode kin,
 *     with the closing quotes and brackets that belong to the sentence)
 *     when the learned model, weighing the words on both sides and the
 *     word lists' verdict, says so (sentences_run.c, sentences_feats.c,
 *     sentences_model.c);
 *   - between two words where the text's structure shows a unit ended
 *     without punctuation: after a URL or an emoticon, around a mail
 *     timestamp, before a caption label (sentences_units.c).
 * The word lists live in data/abbreviations/ (sentences_lexicon.c), the
 * model in data/segmenter/; doc/SEGMENTER.md explains the rules, the
 * model and what they were measured on.
 * Every look-around is bounded or covers a word once, so the pass is
 * linear in the input. */
#include "text/sentences.h"
#include "text/sentences_chars.h"
#include "text/sentences_lexicon.h"
#include "text/sentences_model.h"
#include "text/sentences_seg.h"
#include "text/sentences_wrap.h"
#include "core/alloc.h"
#include <string.h>

#define SEG_PULL_MAX 2000        /* longest line tried as a pull quote */
#define SEG_ATTRIBUTION_MAX 60   /* longest attribution of a pull quote */

/* Returns the length of the space character ending just before e (not
 * before lo), or 0. */
size_t seg_space_before(const seg *s, size_t lo, size_t e)
{
    unsigned char c = e > lo ? (unsigned char)s->t[e - 1] : 0;
    if (c && c < 0x80) /* ASCII ends no longer character: only itself can be the space */
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    for (size_t n = 1; n <= 3 && n <= e - lo; n++) {
        size_t got = sentchar_space_len(s->t + e - n, n);
        if (!got)
            got = sentchar_break_len(s->t + e - n, n);
        if (got == n)
            return n;
    }
    return 0;
}

/* Returns the length of the white space or void character (a control
 * byte, U+FFFD) ending just before e (not before lo), or 0. */
static size_t seg_blank_before(const seg *s, size_t lo, size_t e)
{
    size_t n = seg_space_before(s, lo, e);
    if (!n && sentchar_void_len(s->t + e - 1, 1))
        n = 1;
    if (!n && e - lo >= 3 && sentchar_void_len(s->t + e - 3, 3) == 3)
        n = 3;
    return n;
}

/* Returns the length of the white space or void character at a (before
 * e), or 0. */
static size_t seg_blank_at(const seg *s, size_t a, size_t e)
{
    const char *p = s->t + a;
    return sentchar_space_len(p, e - a) + sentchar_break_len(p, e - a) + sentchar_void_len(p, e - a);
}

/* Appends [start, e) trimmed of white space and void characters, unless
 * nothing remains, and starts the next sentence at e. Returns 0, or -1
 * when out of memory. */
static int seg_emit(seg *s, size_t e)
{
    size_t a = s->start, n;
    s->start = e;
    s->has_content = 0;
    s->words = s->capitals = 0;
    s->list.mark_kind = 0;
    s->parens = 0;
    s->paren_end = 0;
    s->enum_next = 0;
    while (a < e && (n = seg_blank_at(s, a, e)))
        a += n;
    while (e > a && (n = seg_blank_before(s, a, e)))
        e -= n;
    return e > a ? span_vec_push(s->out, a, e) : 0;
}

/* Returns the length of a dash of attribution at k ("-", "--", en or em
 * dash), or 0. */
static size_t seg_dash_len(const seg *s, size_t k, size_t e)
{
    if (k < e && s->t[k] == '-')
        return k + 1 < e && s->t[k + 1] == '-' ? 2 : 1;
    if (e - k >= 3 && (memcmp(s->t + k, "\xE2\x80\x93", 3) == 0 || memcmp(s->t + k, "\xE2\x80\x94", 3) == 0))
        return 3;
    return 0;
}

/* Returns 1 if t[m..e) is an attribution: a short run of words with no
 * quote or terminator but the periods of initials. */
static int seg_attribution(const seg *s, size_t m, size_t e)
{
    if (e - m > SEG_ATTRIBUTION_MAX || m >= e || s->t[m] < 'A' || s->t[m] > 'Z')
        return 0;
    for (size_t k = m; k < e; k++)
        if (s->t[k] == '"' || s->t[k] == '?' || s->t[k] == '!' || (unsigned char)s->t[k] == 0xE2)
            return 0;
    return 1;
}

/* Returns 1 if the line starting at a is a pull quote: it opens with a
 * quote, and its last quotation ends a sentence and is followed only by a
 * dash and an attribution: '"A. B." - Jane Doe'. Such a line is one unit
 * (an epigraph), however many sentences the quotation holds. Looks at
 * most SEG_PULL_MAX bytes ahead, so a line costs no more than that. */
static int seg_pull_quote(const seg *s, size_t a)
{
    size_t n, e, q = 0;
    int quote;
    while (a < s->len && (n = sentchar_space_len(s->t + a, s->len - a)) != 0)
        a += n;
    if (a >= s->len || !sentchar_opener_len(s->t + a, s->len - a, &quote) || !quote)
        return 0;
    for (e = a; e < s->len && e - a < SEG_PULL_MAX && !sentchar_break_len(s->t + e, s->len - e); e++)
        if (e > a && (s->t[e - 1] == '.' || s->t[e - 1] == '!' || s->t[e - 1] == '?') &&
            (n = sentchar_closer_len(s->t + e, s->len - e)) != 0 && s->t[e] != ')')
            q = e + n; /* just after the last quotation that ends a sentence */
    if (e - a >= SEG_PULL_MAX || !q)
        return 0;
    while (e > q && s->t[e - 1] == ' ')
        e--;
    while (q < e && s->t[q] == ' ')
        q++;
    n = seg_dash_len(s, q, e);
    if (!n || q + n >= e || s->t[q + n] != ' ')
        return 0;
    for (q += n; q < e && s->t[q] == ' '; q++)
        ;
    return seg_attribution(s, q, e);
}

/* Handles a line break of n bytes at i; returns where to continue, or
 * (size_t)-1 when out of memory. */
static size_t seg_line_break(seg *s, size_t i, size_t n)
{
    s->line = i + n;
    s->in_space = 1;
    s->prev.end = 0; /* word rules look within a line only */
    s->dquotes = s->squotes = 0;
    s->pull_quote = seg_pull_quote(s, i + n);
    return !seg_emit(s, i) ? i + n : (size_t)-1;
}

/* Counts the straight double quote at i, if there is one (per line: a
 * paragraph's quotes balance, a sentence's need not, when a quotation
 * holds several sentences), and the brackets, which hold list numbers
 * such as "(March 4)" that are not list items. */
static void seg_count(seg *s, size_t i)
{
    char c = s->t[i];
    s->dquotes += c == '"';
    if (c == '(' || c == '[')
        s->parens++;
    else if ((c == ')' || c == ']') && s->parens > 0 && --s->parens == 0 &&
             (s->t[s->content] == '(' || s->t[s->content] == '[') && !s->paren_end)
        s->paren_end = i + 1;
}

/* Handles a terminator at i: judges its run; returns where to continue,
 * or (size_t)-1 when out of memory. */
static size_t seg_terminator(seg *s, size_t i)
{
    int ends;
    size_t end = run_judge(s, i, &ends);
    for (size_t k = i; k < end; k++)
        seg_count(s, k);
    return !ends || !seg_emit(s, end) ? end : (size_t)-1;
}

/* Handles the character at i; returns where to continue, or (size_t)-1
 * when out of memory. */
static size_t seg_step(seg *s, size_t i)
{
    size_t n;
    int kind;
    if ((n = sentchar_break_len(s->t + i, s->len - i)) != 0)
        return seg_line_break(s, i, n);
    if ((n = sentchar_space_len(s->t + i, s->len - i)) != 0) {
        s->in_space = 1;
        return i + n;
    }
    if (s->in_space) {
        seg_token tok;
        int starts = units_break_before(s, i, &tok) || gap_starts(s, i, &tok);
        if (starts && seg_emit(s, i))
            return (size_t)-1;
        units_list_note(s, &tok);
        s->prev = tok;
        s->words++;
        s->capitals += s->t[i] >= 'A' && s->t[i] <= 'Z';
        s->squotes += tok.end - i == 1 && s->t[i] == '\'';
        if (tok.letter_item && (tok.letter_item == 'a' || tok.letter_item == s->enum_next))
            s->enum_next = (char)(tok.letter_item + 1);
        s->in_space = 0;
    }
    if (!s->has_content) {
        s->has_content = 1;
        s->content = i;
    }
    if (sentchar_term_len(s->t + i, s->len - i, &kind))
        return seg_terminator(s, i);
    seg_count(s, i);
    return i + 1;
}

/* The ASCII bytes seg_step does something with: white space, line
 * breaks, terminators, and what seg_count counts. Every other ASCII byte
 * inside a word only moves the pass on by one. */
static const unsigned char seg_special[128] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1, ['!'] = 1,
    ['"'] = 1,  ['('] = 1,  [')'] = 1,  ['.'] = 1,  ['?'] = 1,  ['['] = 1, [']'] = 1};

/* Returns the first byte from i on that seg_step must look at: inside a
 * word of a sentence that has begun, the plain ASCII bytes are skipped in
 * one tight loop (the pass would only step over them one at a time). */
static size_t seg_skip_plain(const seg *s, size_t i)
{
    if (s->in_space || !s->has_content)
        return i;
    const unsigned char *t = (const unsigned char *)s->t;
    while (i < s->len && t[i] < 0x80 && !seg_special[t[i]])
        i++;
    return i;
}

/* Returns 1 if the candidate in s->feats ends the sentence at end (see
 * sentences_seg.h). */
int seg_decide(seg *s, size_t end)
{
    long score = segmodel_score(s->feats.h, s->feats.n);
    int yes = score > 0;
    return s->obs ? s->obs->decide(s->obs->arg, end, &s->feats, score, yes) : yes;
}

/* Appends every sentence of text[0..len) to *out (see sentences.h). */
int sentences_split(const char *text, size_t len, span_vec *out)
{
    return sentences_split_observed(text, len, out, NULL);
}

/* sentences_split, with the learned decisions shown to obs. */
int sentences_split_observed(const char *text, size_t len, span_vec *out, const seg_observer *obs)
{
    char *unwrapped;
    int wrapped = wrap_unwrap(text, len, &unwrapped);
    if (wrapped < 0)
        return -1;
    seg s = {.t = wrapped ? unwrapped : text, .len = len, .out = out, .in_space = 1, .obs = obs};
    s.feats.trace = obs != NULL;
    s.first_classes = lexicon_first_classes();
    s.pull_quote = seg_pull_quote(&s, 0);
    int rc = 0;
    for (size_t i = 0; i < len && !rc;) {
        if ((i = seg_skip_plain(&s, i)) >= len)
            break;
        i = seg_step(&s, i);
        rc = i == (size_t)-1 ? -1 : 0;
    }
    rc = rc ? rc : seg_emit(&s, len);
    xfree(unwrapped);
    return rc;
}
