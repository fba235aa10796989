/* Sentence ends with no terminator: between two words, where web text
 * whose line breaks were lost runs one unit into the next ("long lines on
 * the weekends Great service", "officials say The Pentagon"). A candidate
 * (a gap) is a capitalised starter, greeting or label ("The", "Thanks",
 * "Image") after a word on the line that ends in no terminator, and not
 * after a colon, a comma, a lone dash or a list marker, nor inside a
 * sentence whose words are all capitalised (doc/SEGMENTER.md, "Gaps").
 * The learned model weighs the two words (their forms, shapes, the next
 * one's word-list classes, the last character before the gap) and the
 * sentence so far, with features of their own ("g..."), so these weights
 * and those of terminator runs do not mix. Every look is within the two
 * words, so the cost is linear. */
#include "text/sentences_chars.h"
#include "text/sentences_lexicon.h"
#include "text/sentences_seg.h"
#include <string.h>

/* Returns 1 if the byte c ends a sentence as a terminator or a closer
 * (the ASCII ones; a run of them was a candidate of its own). */
static int gap_ascii_end(char c) { return c == '.' || c == '!' || c == '?'; }

/* Returns the end of the token [a, e) without its trailing closers
 * (ASCII quotes and brackets, curly quotes). */
static size_t gap_strip_closers(const seg *s, size_t a, size_t e)
{
    for (;;) {
        if (e > a && strchr("\"')]}", s->t[e - 1]) && s->t[e - 1])
            e--;
        else if (e - a >= 3 && (memcmp(s->t + e - 3, "\xE2\x80\x9D", 3) == 0 ||
                                memcmp(s->t + e - 3, "\xE2\x80\x99", 3) == 0))
            e -= 3;
        else
            return e;
    }
}

/* Returns 1 if the previous word ends in a terminator (perhaps before
 * closers): its run was judged already. */
static int gap_after_terminator(const seg *s, const seg_token *p)
{
    size_t e = gap_strip_closers(s, p->start, p->end);
    if (e > p->start && gap_ascii_end(s->t[e - 1]))
        return 1;
    return e - p->start >= 3 && memcmp(s->t + e - 3, "\xE2\x80\xA6", 3) == 0;
}

/* Returns 1 if the word p is a dash alone: "-", "--", "_", an en or em
 * dash. */
static int gap_is_dash(const seg *s, const seg_token *p)
{
    size_t n = p->end - p->start;
    const char *w = s->t + p->start;
    if (n <= 2 && (w[0] == '-' || w[0] == '_') && w[n - 1] == w[0])
        return 1;
    return n == 3 && (memcmp(w, "\xE2\x80\x93", 3) == 0 || memcmp(w, "\xE2\x80\x94", 3) == 0);
}

/* Returns where the letters of the word at j begin, after opening quotes
 * and brackets, and sets *cas to the case of its first letter. */
static size_t gap_letters_at(const seg *s, size_t j, size_t e, int *cas)
{
    size_t n, clen;
    int quote;
    for (int k = 0; k < 4 && j < e && (n = sentchar_opener_len(s->t + j, e - j, &quote)); k++)
        j += n;
    *cas = j < e ? sentchar_case(s->t + j, e - j, &clen) : 0;
    return j;
}

/* The values of a gap's features, each hashed once. */
typedef struct gap_values {
    char word[FEATS_WORD_MAX + 1], shape[9], last[2];
    char nword[FEATS_WORD_MAX + 1], nshape[9], nlex[12];
    feats_val w, ws, wl, n, ns, nx;
} gap_values;

/* Returns the class of the byte before a gap as a feature value: a
 * letter "a"/"A", a digit "d", a non-ASCII byte "u", or the character. */
static char gap_last_class(unsigned char c)
{
    return c >= 'a' && c <= 'z' ? 'a' : c >= 'A' && c <= 'Z' ? 'A' : c >= '0' && c <= '9' ? 'd'
           : c >= 0x80 ? 'u' : c <= ' ' || c == '=' || c == '|' ? '_' : (char)c;
}

/* Returns the end of the ASCII letters (with ' and -) at k, at most
 * SEG_NEXT_MAX of them. */
static size_t gap_letters_end(const seg *s, size_t k, size_t e)
{
    size_t a = k;
    while (k < e && k - a < SEG_NEXT_MAX &&
           ((s->t[k] >= 'a' && s->t[k] <= 'z') || (s->t[k] >= 'A' && s->t[k] <= 'Z') ||
            (k > a && (s->t[k] == '\'' || s->t[k] == '-'))))
        k++;
    return k;
}

/* Fills v for the previous word p and the word tok whose letters are
 * [j, ne), of the lexicon classes nlex. */
static void gap_read_values(const seg *s, const seg_token *p, const seg_token *tok, size_t j,
                            size_t ne, int nlex, gap_values *v)
{
    size_t a = p->start, e = p->end;
    v->ws = feats_val_of(v->shape, feats_shape(s->t + a, e - a, v->shape));
    v->last[0] = gap_last_class((unsigned char)s->t[e - 1]);
    v->last[1] = '\0';
    v->wl = feats_val_of(v->last, 1);
    while (a < e && !((s->t[a] | 0x20) >= 'a' && (s->t[a] | 0x20) <= 'z') && !(s->t[a] & 0x80) &&
           !(s->t[a] >= '0' && s->t[a] <= '9'))
        a++; /* the word without its leading punctuation */
    size_t we = a;
    while (we < e && !strchr(",;:)\"]}", s->t[we]))
        we++; /* and without what follows it */
    v->w = feats_val_of(v->word, feats_word(s->t + a, we - a, v->word));
    v->n = feats_val_of(v->nword, feats_word(s->t + j, ne - j, v->nword));
    v->ns = feats_val_of(v->nshape, feats_shape(s->t + tok->start, tok->end - tok->start, v->nshape));
    run_lex_letters(nlex, v->nlex);
    v->nx = feats_val_str(v->nlex);
}

/* Adds the features of the gap before the word tok, whose letters are
 * [j, ne), of the lexicon classes nlex, to s->feats. */
static void gap_features(seg *s, const seg_token *tok, size_t j, size_t ne, int nlex)
{
    seg_feats *f = &s->feats;
    gap_values v;
    gap_read_values(s, &s->prev, tok, j, ne, nlex, &v);
    feats_clear(f);
    feats_add1(f, "b", feats_val_str("gap"));
    feats_add1(f, "gw", v.w);
    feats_add1(f, "gs", v.ws);
    feats_add1(f, "gl", v.wl);
    feats_add1(f, "gn", v.n);
    feats_add1(f, "gns", v.ns);
    feats_add1(f, "gnx", v.nx);
    feats_add1(f, "gsl", feats_val_str(run_words_name(s->words)));
    feats_add2(f, "gw|gn", v.w, v.n);
    feats_add2(f, "gs|gns", v.ws, v.ns);
    feats_add2(f, "gl|gnx", v.wl, v.nx);
    feats_add2(f, "gw|gnx", v.w, v.nx);
    feats_add2(f, "gs|gn", v.ws, v.n);
    if (s->dquotes % 2)
        feats_add1(f, "gdq", feats_val_of("1", 1));
    if (s->parens > 0)
        feats_add1(f, "gpa", feats_val_of("1", 1));
}

int gap_starts(seg *s, size_t j, const seg_token *tok)
{
    const seg_token *p = &s->prev;
    unsigned char c = (unsigned char)s->t[j];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || !s->has_content || !p->end ||
        s->pull_quote)
        return 0; /* most words: no capital here, or no word before on this line */
    int cas;
    size_t at = gap_letters_at(s, j, tok->end, &cas);
    char last = s->t[p->end - 1];
    if (cas != 1 || gap_after_terminator(s, p) || last == ':' || last == ',' || p->mark_kind ||
        p->letter_item || p->list_item || gap_is_dash(s, p) ||
        (s->words >= 2 && s->capitals == s->words))
        return 0; /* a colon announces ("Batman: The Animated Series"), a comma
                   * continues ("As Crime Rate Falls, More Prisons"), a dash
                   * follows a dateline ("WASHINGTON _ When"), which stays with
                   * its sentence; a list marker opens its item ("b) Refusing");
                   * in a title every word is capitalised ("Spring Floods Are
                   * Forecast") */
    const int starts = LEX_STARTER | LEX_CLOSING | LEX_LABEL;
    if (!(s->first_classes[(unsigned char)s->t[at]] & starts))
        return 0;
    size_t ne = gap_letters_end(s, at, tok->end);
    int nlex = ne > at ? lexicon_lookup(s->t + at, ne - at) : 0;
    if (!(nlex & starts))
        return 0;
    gap_features(s, tok, at, ne, nlex);
    return seg_decide(s, j);
}
