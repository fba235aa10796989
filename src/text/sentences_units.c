/* Breaks between two words where no terminator stands: text whose line
 * breaks were lost (mail, forum posts, captions run into the next line,
 * lists run into one line) still shows where its units end. A new
 * sentence starts
 *   - before the list marker that follows the one the sentence opens
 *     with, in the same form: "2." after "1. ...", "c)" after "b) ...",
 *     "\xE2\x80\xA2 10." after "\xE2\x80\xA2 9. ..." (before the bullet);
 *   - after a URL, before a capital or another URL;
 *   - after an e-mail address, before a capital;
 *   - before and after a mail header's "08/16/2000 12:05 PM" (not before
 *     when "on" or "at" introduces it);
 *   - before and after a separator such as "-----", "=====" or "***";
 *   - after an emoticon (":)" closes what precedes it);
 *   - after "--" alone at the start (the delimiter of a signature);
 *   - before "- name.ext" and after "<< File: name.ext >>" (the
 *     attachment lists of mail);
 *   - after a greeting or closing formula that is all the sentence holds
 *     ("Hi,", "Thanks,");
 *   - before a numbered list item "2)" that follows other words;
 *   - before a caption credit or header label ("Image:", "Groups:");
 *   - after a bracketed group of several words that is all the sentence
 *     holds, before a capital: "(New Scientist Space) NASA is...". One
 *     word in brackets is a dateline and stays: "(CNN) The storm...".
 * Each rule looks at the two words around one space, so the cost is
 * linear. The lists are in data/abbreviations/. */
#include "text/sentences_chars.h"
#include "text/sentences_lexicon.h"
#include "text/sentences_seg.h"
#include <string.h>

#define UNITS_LABEL_MAX 16 /* longest label word */
#define UNITS_CLOSING_MAX 24 /* longest closing formula */

/* Returns 1 if s[j..] starts with the ASCII prefix p, ignoring case. */
static int units_prefix(const seg *s, size_t j, const char *p)
{
    size_t n = strlen(p);
    if (s->len - j < n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = s->t[j + k];
        if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != p[k])
            return 0;
    }
    return 1;
}

/* Returns the end of the word starting at j: the next space or break.
 * Printable ASCII is neither, so only other bytes are asked about. */
static size_t units_word_end(const seg *s, size_t j)
{
    const unsigned char *t = (const unsigned char *)s->t;
    for (; j < s->len; j++)
        if ((t[j] <= ' ' || t[j] >= 0x80) &&
            (sentchar_space_len(s->t + j, s->len - j) || sentchar_break_len(s->t + j, s->len - j)))
            break;
    return j;
}

/* Returns 0 if no URL can start at j (its first byte is not h or w),
 * sparing units_url_at's three prefix tests for most words. */
static int units_may_be_url(const seg *s, size_t j)
{
    char c = j < s->len ? (char)(s->t[j] | 0x20) : 0;
    return c == 'h' || c == 'w';
}

/* Returns 1 if t[a..e) holds an '@' with a letter before it and a '.'
 * after it: an e-mail address, perhaps in <...>. */
static int units_is_email(const seg *s, size_t a, size_t e)
{
    const char *at = memchr(s->t + a, '@', e - a);
    if (!at || at == s->t + a)
        return 0;
    return memchr(at, '.', (size_t)(s->t + e - at)) != NULL;
}

/* Returns 1 if t[a..e) is a rule line: one of - = _ * ~ # repeated, at
 * least three times, four when it is '-' ("---" is a dash). Mixed runs
 * such as "----==" are decoration inside a banner, not rules. */
static int units_is_separator(const seg *s, size_t a, size_t e)
{
    char c = s->t[a];
    if (c != '-' && c != '=' && c != '_' && c != '*' && c != '~' && c != '#')
        return 0;
    for (size_t k = a; k < e; k++)
        if (s->t[k] != c)
            return 0;
    return e - a >= (c == '-' ? 4u : 3u);
}

/* Returns the length of the digits at t[j..], between lo and hi of them,
 * or 0. */
static size_t units_digits(const seg *s, size_t j, size_t lo, size_t hi)
{
    size_t n = 0;
    while (j + n < s->len && n < hi && s->t[j + n] >= '0' && s->t[j + n] <= '9')
        n++;
    return n >= lo && !(j + n < s->len && s->t[j + n] >= '0' && s->t[j + n] <= '9') ? n : 0;
}

/* Returns the length of a bullet at t[a..e): U+2022, U+2043, U+00B7,
 * '-' or '*'; else 0. */
static size_t units_bullet_len(const seg *s, size_t a, size_t e)
{
    if (a < e && (s->t[a] == '-' || s->t[a] == '*'))
        return 1;
    if (e - a >= 3 &&
        (memcmp(s->t + a, "\xE2\x80\xA2", 3) == 0 || memcmp(s->t + a, "\xE2\x81\x83", 3) == 0))
        return 3;
    return e - a >= 2 && memcmp(s->t + a, "\xC2\xB7", 2) == 0 ? 2 : 0;
}

/* Reads a list marker at t[a..e) into *tok: a bullet or not, then one to
 * three digits or one letter, then ".", ".)" or ")" and nothing more. */
static void units_scan_marker(const seg *s, size_t a, size_t e, seg_token *tok)
{
    size_t b = units_bullet_len(s, a, e);
    tok->bullet = b && b == e - a;
    a += b;
    size_t d = a < e ? units_digits(s, a, 1, 3) : 0, k = a + d;
    char c = a < e ? s->t[a] : 0;
    int letter = !d && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    k += letter;
    if (k == a || k >= e)
        return;
    char suffix = e - k == 1 && s->t[k] == '.'   ? '.'
                  : e - k == 1 && s->t[k] == ')' ? ')'
                  : e - k == 2 && s->t[k] == '.' && s->t[k + 1] == ')' ? ']'
                                                                        : 0;
    if (!suffix)
        return;
    tok->mark_suffix = suffix;
    tok->mark_kind = letter ? (c >= 'a' ? 'a' : 'A') : 'n';
    unsigned v = 0;
    for (size_t i = a; i < a + d; i++)
        v = v * 10 + (unsigned)(s->t[i] - '0');
    tok->mark_value = (unsigned short)(letter ? (unsigned char)c : v);
}

/* Returns 1 if *tok is the marker that follows the sentence's own: "2."
 * after "1.", "c)" after "b)", with the same suffix. */
static int units_list_next(const seg *s, const seg_token *tok)
{
    const seg_token *m = &s->list;
    return m->mark_kind && tok->mark_kind == m->mark_kind && tok->mark_suffix == m->mark_suffix &&
           tok->mark_value == m->mark_value + 1;
}

/* Returns 1 if the word after white space at e is the marker that
 * follows the sentence's own. */
static int units_list_next_after(const seg *s, size_t e)
{
    size_t n;
    if (!s->list.mark_kind)
        return 0;
    while (e < s->len && (n = sentchar_space_len(s->t + e, s->len - e)) != 0)
        e += n;
    seg_token next;
    memset(&next, 0, sizeof next);
    size_t w = units_word_end(s, e);
    if (w == e || w - e > 8)
        return 0;
    units_scan_marker(s, e, w, &next);
    return units_list_next(s, &next);
}

/* Notes the sentence's opening list marker (see sentences_seg.h). */
void units_list_note(seg *s, const seg_token *tok)
{
    if (!tok->mark_kind)
        return;
    if (!s->has_content || (s->words == 1 && s->prev.bullet && s->prev.start == s->content))
        s->list = *tok;
}

/* Scans the word starting at j into *tok. */
static void units_scan(const seg *s, size_t j, seg_token *tok)
{
    memset(tok, 0, sizeof *tok);
    tok->start = j;
    tok->end = units_word_end(s, j);
    size_t a = j + (j < tok->end && (s->t[j] == '<' || s->t[j] == '[' || s->t[j] == '('));
    tok->url = units_may_be_url(s, a) && units_url_at(s, a);
    tok->email = !tok->url && units_is_email(s, j, tok->end);
    tok->separator = units_is_separator(s, j, tok->end);
    size_t n = tok->end - j;
    tok->list_item = n >= 2 && n <= 3 && s->t[tok->end - 1] == ')' &&
                     units_digits(s, j, n - 1, n - 1) == n - 1;
    if (n == 2 && s->t[j + 1] == ')' && s->t[j] >= 'a' && s->t[j] <= 'z')
        tok->letter_item = s->t[j];
    tok->emoticon = tok->end - j <= 4 && (s->first_classes[(unsigned char)s->t[j]] & LEX_EMOTICON) &&
                    (lexicon_lookup(s->t + j, tok->end - j) & LEX_EMOTICON);
    char last = s->t[tok->end - 1];
    if (n <= 8 && (last == '.' || last == ')'))
        units_scan_marker(s, j, tok->end, tok);
    else
        tok->bullet = units_bullet_len(s, j, tok->end) == n;
}

/* Returns 1 if t[k] is c. */
static int units_char(const seg *s, size_t k, char c) { return k < s->len && s->t[k] == c; }

/* Returns the length of "D/D/YY[YY] H:MM[:SS] [AM|PM]" at j (the stamp of
 * a forwarded or quoted mail; seconds or AM/PM required), or 0. */
static size_t units_timestamp_len(const seg *s, size_t j)
{
    size_t k = j, n;
    if (!(n = units_digits(s, k, 1, 2)) || !units_char(s, k += n, '/'))
        return 0;
    if (!(n = units_digits(s, ++k, 1, 2)) || !units_char(s, k += n, '/'))
        return 0;
    if (!(n = units_digits(s, ++k, 2, 4)) || !units_char(s, k += n, ' '))
        return 0;
    if (!(n = units_digits(s, ++k, 1, 2)) || !units_char(s, k += n, ':'))
        return 0;
    if (!(n = units_digits(s, ++k, 2, 2)))
        return 0;
    k += n;
    int seconds = units_char(s, k, ':') && (n = units_digits(s, k + 1, 2, 2)) != 0;
    k += seconds ? 1 + n : 0;
    size_t m = k + units_char(s, k, ' ');
    if ((units_prefix(s, m, "am") || units_prefix(s, m, "pm")) &&
        !(m + 2 < s->len && ((s->t[m + 2] | 0x20) >= 'a' && (s->t[m + 2] | 0x20) <= 'z')))
        return m + 2 - j;
    return seconds ? k - j : 0;
}

/* Returns 1 if a caption or header label ("Image:", "Groups:") starts at
 * j: a capitalised word, a colon, a space. */
static int units_label_at(const seg *s, size_t j)
{
    size_t w = j;
    if (s->t[j] < 'A' || s->t[j] > 'Z')
        return 0;
    while (w < s->len && w - j < UNITS_LABEL_MAX &&
           ((s->t[w] >= 'a' && s->t[w] <= 'z') || (s->t[w] >= 'A' && s->t[w] <= 'Z')))
        w++;
    if (w + 1 >= s->len || s->t[w] != ':' || s->t[w + 1] != ' ')
        return 0;
    return (lexicon_lookup(s->t + j, w - j) & LEX_LABEL) != 0;
}

/* Returns 1 if the sentence so far is a closing formula and a comma,
 * "Thanks," or "Best regards,", ending with the previous word. */
static int units_after_closing(const seg *s)
{
    const seg_token *p = &s->prev;
    if (!s->has_content || p->end <= s->content || s->t[p->end - 1] != ',')
        return 0;
    size_t n = p->end - 1 - s->content;
    return n <= UNITS_CLOSING_MAX && (lexicon_lookup(s->t + s->content, n) & LEX_CLOSING);
}

/* Returns 1 if t[a..e) is a file name: letters, digits, '_', '-', '.',
 * a letter somewhere, and a final extension of 2 to 4 letters
 * ("Lisa_resume.doc", "API.pdf"). */
static int units_is_file(const seg *s, size_t a, size_t e)
{
    size_t dot = e, letters = 0;
    for (size_t k = a; k < e; k++) {
        char c = s->t[k];
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.')
            return 0;
        letters += letter;
        dot = c == '.' ? k : dot;
    }
    if (dot == e || dot == a || e - dot - 1 < 2 || e - dot - 1 > 4 || letters <= e - dot - 1)
        return 0;
    for (size_t k = dot + 1; k < e; k++)
        if (!((s->t[k] >= 'a' && s->t[k] <= 'z') || (s->t[k] >= 'A' && s->t[k] <= 'Z')))
            return 0;
    return 1;
}

/* Returns 1 if the word at j is a lone "-" and a file name follows it:
 * the next item of a mail's attachment list ("- API.pdf - Notes.doc"). */
static int units_attachment_at(const seg *s, size_t j, const seg_token *tok)
{
    if (tok->end - j != 1 || s->t[j] != '-')
        return 0;
    size_t a = tok->end, n;
    while (a < s->len && (n = sentchar_space_len(s->t + a, s->len - a)) != 0)
        a += n;
    size_t e = a;
    while (e < s->len && e - a <= SEG_WORD_MAX && !sentchar_space_len(s->t + e, s->len - e) &&
           !sentchar_break_len(s->t + e, s->len - e))
        e++;
    return e > a && e - a <= SEG_WORD_MAX && units_is_file(s, a, e);
}

/* Returns 1 if the previous word is the ">>" that closes a mail's
 * "<< File: name.ext >>" (an opening "<<" shortly before it, in this
 * sentence), not a ">>" used as a dash ("WOODLAND HILLS >> Homicide"). */
static int units_after_file_mark(const seg *s)
{
    const seg_token *p = &s->prev;
    if (p->end - p->start != 2 || !units_prefix(s, p->start, ">>"))
        return 0;
    for (size_t k = p->start; k > s->content && p->start - k < SEG_WORD_MAX; k--)
        if (s->t[k - 1] == '<' && k >= 2 && s->t[k - 2] == '<')
            return 1;
    return 0;
}

/* Returns 1 if the previous word is "on" or "at" (which introduce a
 * timestamp inside a sentence). */
static int units_prev_introduces(const seg *s)
{
    const seg_token *p = &s->prev;
    return p->end - p->start == 2 && (units_prefix(s, p->start, "on") || units_prefix(s, p->start, "at"));
}

/* Returns 1 if the word at j starts with a capital, perhaps after
 * opening quotes or brackets. */
static int units_capital_at(const seg *s, size_t j)
{
    size_t n, c;
    int quote;
    for (int k = 0; k < 4 && j < s->len && (n = sentchar_opener_len(s->t + j, s->len - j, &quote)); k++)
        j += n;
    return j < s->len && sentchar_case(s->t + j, s->len - j, &c) == 1;
}

/* Fills *tok for the word at j and returns 1 if a sentence starts there. */
int units_break_before(seg *s, size_t j, seg_token *tok)
{
    size_t ts = units_timestamp_len(s, j);
    units_scan(s, j, tok);
    const seg_token *p = &s->prev;
    int had_stamp = p->end && p->end == s->ts_end;
    if (ts)
        s->ts_end = j + ts;
    if (!s->has_content || !p->end)
        return 0;
    if (units_list_next(s, tok) && !(p->bullet && p->start > s->content))
        return 1; /* "1. The first item 2. The second item" */
    if (tok->bullet && units_list_next_after(s, tok->end))
        return 1; /* "\xE2\x80\xA2 9. The first item \xE2\x80\xA2 10. The second" */
    /* Only a URL, an address, a ">>" or a bracketed credit before asks
     * about the case of this word (the rules below): the rest skip it. */
    int upper = (p->url || p->email || s->paren_end || p->end - p->start == 2) &&
                units_capital_at(s, j);
    if (p->emoticon || p->separator || tok->separator || had_stamp ||
        (tok->list_item && !s->parens))
        return 1;
    if (ts && !units_prev_introduces(s))
        return 1;
    if ((p->url && (upper || tok->url)) || (p->email && upper))
        return 1;
    if (p->start == s->content && p->end - p->start == 2 && units_prefix(s, p->start, "--"))
        return 1; /* "--" alone: the signature delimiter of mail and posts */
    if (units_attachment_at(s, j, tok) || (upper && units_after_file_mark(s)))
        return 1; /* "- API.pdf - Notes.doc", "<< File: a.htm >> I was" */
    if (upper && s->paren_end && p->end == s->paren_end && p->start > s->content)
        return 1; /* "(New Scientist) NASA is ...": a bracketed credit alone */
    return units_label_at(s, j) || units_after_closing(s);
}

/* Returns 1 if an emoticon starts at j and is followed by space or the
 * end. */
int units_emoticon_at(const seg *s, size_t j)
{
    size_t e = j;
    while (e < s->len && e - j <= 4 && !sentchar_space_len(s->t + e, s->len - e) &&
           !sentchar_break_len(s->t + e, s->len - e))
        e++;
    if (e - j > 4 || e == j || !lexicon_may_start(LEX_EMOTICON, (unsigned char)s->t[j]))
        return 0;
    return (lexicon_lookup(s->t + j, e - j) & LEX_EMOTICON) != 0;
}

/* Returns 1 if a URL starts at j. */
int units_url_at(const seg *s, size_t j)
{
    if (!units_may_be_url(s, j))
        return 0;
    return units_prefix(s, j, "http://") || units_prefix(s, j, "https://") ||
           units_prefix(s, j, "www.");
}
