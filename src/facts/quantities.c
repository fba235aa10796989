/* Quantities in a sentence: its words, then digits ("23", "1,000", "3.5
 * million"), number words ("twenty-three", "a dozen", "hundreds"),
 * qualifiers ("at least", "about", "more than"), ranges ("40 to 50",
 * "between 40 and 50") and what kind of quantity each is (a count, money,
 * a percentage, a measure, a duration, a date, a time, an age, a year). */
#include "facts/facts.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int is_alnum_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Length of a UTF-8 punctuation mark at s (curly quotes, dashes, currency
 * signs, ellipsis), or 0 when s starts a letter or is ASCII. */
static size_t utf8_punct_len(const unsigned char *s, size_t n)
{
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0xA6)
        return 3;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x82 && s[2] == 0xAC) /* euro sign */
        return 3;
    if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xA3 || s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB))
        return 2;
    return 0;
}

/* Returns 1 if the byte at i joins the word it is in: a comma or period
 * between digits, a period between letters ("U.S", "p.m"), a hyphen or an
 * apostrophe between word characters. */
/* Returns 1 if s[0..n) starts with U+2019, the typographic apostrophe. */
static int is_curly_apostrophe(const unsigned char *s, size_t n)
{
    return n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99;
}

static int joins(const unsigned char *s, size_t n, size_t i)
{
    if (i == 0 || i + 1 >= n || !is_alnum_byte(s[i - 1]))
        return 0;
    unsigned char c = s[i], next = s[i + 1], prev = s[i - 1];
    int dprev = prev >= '0' && prev <= '9', dnext = next >= '0' && next <= '9';
    if (c == ',')
        return dprev && dnext;
    if (c == '.')
        return (dprev && dnext) || (!dprev && !dnext && is_alnum_byte(next));
    if (c == '-' || c == '\'')
        return is_alnum_byte(next) || next >= 0x80;
    return 0;
}

/* Fills w from s[a..b) (document offset base). */
static void word_fill(word *w, const char *s, size_t a, size_t b, size_t base, int punct)
{
    w->start = base + a, w->end = base + b;
    size_t k = 0, i = a;
    for (; i < b && k < WORD_MAX - 1; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!punct && is_curly_apostrophe((const unsigned char *)s + i, b - i)) {
            w->low[k++] = '\''; /* "Kenya’s" reads as "kenya's" */
            i += 2;
            continue;
        }
        w->low[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    while (k && i < b && ((unsigned char)s[i] & 0xC0) == 0x80) /* cut between characters */
        k--, i--;
    w->low[k] = '\0';
    w->len = (uint8_t)k;
    w->punct = (uint8_t)punct;
    w->cap = s[a] >= 'A' && s[a] <= 'Z';
    w->digit = s[a] >= '0' && s[a] <= '9';
}

size_t words_split(const char *s, size_t n, size_t base, word *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t nw = 0, i = 0;
    while (i < n && nw < cap) {
        size_t pl = utf8_punct_len(u + i, n - i);
        if (u[i] == ' ' || u[i] == '\t' || u[i] == '\n' || u[i] == '\r' || (pl == 2 && u[i + 1] == 0xA0)) {
            i += pl ? pl : 1;
            continue;
        }
        if (pl || (u[i] < 0x80 && !is_alnum_byte(u[i]))) {
            size_t len = pl ? pl : 1;
            word_fill(&out[nw++], s, i, i + len, base, 1);
            i += len;
            continue;
        }
        size_t j = i;
        while (j < n && (is_alnum_byte(u[j]) || (u[j] >= 0x80 && !utf8_punct_len(u + j, n - j)) ||
                         joins(u, n, j)))
            j++;
        /* a typographic apostrophe between letters is part of the word
         * ("Kenya’s"), as an ASCII one is (joins) */
        if (j < n && is_curly_apostrophe(u + j, n - j) && j > i && is_alnum_byte(u[j - 1]) && j + 3 < n &&
            is_alnum_byte(u[j + 3]))
            for (j += 3; j < n && is_alnum_byte(u[j]); j++)
                ;
        if (j == i)
            j++;
        word_fill(&out[nw++], s, i, j, base, 0);
        i = j;
    }
    return nw;
}

/* Returns 1 if a number's suffix counts the members of what follows
 * ("-member", "-strong", "-man", "-staff": "a 70-member team", "a
 * three-member gang"): a count of people, not a measure. */
int members_suffix(const char *dash)
{
    static const char *const m[] = {"-member", "-strong", "-man", "-men", "-staff", "-person"};
    for (size_t i = 0; i < sizeof m / sizeof *m; i++)
        if (!strcmp(dash, m[i]))
            return 1;
    return 0;
}

/* Parses a digit word ("23", "1,000", "3.5", "40-50"): sets *v (and *hi for
 * a hyphenated range) and returns 1; 0 when it is not a plain number
 * (ordinals, "1990s", "9/11" and the like are left alone here). */
static int parse_digits(const word *w, double *v, double *hi, int *suffix_kind)
{
    char tmp[WORD_MAX];
    size_t k = 0;
    const char *p = w->low;
    while (*p && ((*p >= '0' && *p <= '9') || *p == ',' || *p == '.'))
        if (*p++ != ',')
            tmp[k++] = p[-1];
    tmp[k] = '\0';
    *v = strtod(tmp, NULL), *hi = -1, *suffix_kind = -1;
    if (!*p)
        return 1;
    if (*p == '-' && p[1] >= '0' && p[1] <= '9') {
        *hi = strtod(p + 1, NULL);
        return 1;
    }
    if (*p == '-') { /* "60-metre", "54-year-old": the unit decides the kind */
        *suffix_kind = strstr(p, "year-old") ? KIND_AGE : members_suffix(p) ? -1 : KIND_MEASURE;
        return 1;
    }
    if (!strcmp(p, "st") || !strcmp(p, "nd") || !strcmp(p, "rd") || !strcmp(p, "th")) {
        *suffix_kind = KIND_ORDINAL;
        return 1;
    }
    if (!strcmp(p, "s") && *v >= 1000) { /* "1990s" */
        *suffix_kind = KIND_YEAR;
        return 1;
    }
    if (!strcmp(p, "m") || !strcmp(p, "bn") || !strcmp(p, "km")) {
        *v *= p[0] == 'b' ? 1e9 : p[0] == 'm' ? 1e6 : 1;
        *suffix_kind = p[0] == 'k' ? KIND_MEASURE : -1;
        return 1;
    }
    return 0;
}

/* Reads a run of number words from word i ("twenty-three", "two hundred
 * and fifty", "a dozen", "hundreds of"): sets *lo and *hi and returns the word
 * after the run, or i when there is none. */
static size_t parse_words(const lexicon *lx, const word *w, size_t nw, size_t i, double *lo, double *hi)
{
    double total = 0, cur = 0;
    int any = 0;
    size_t j = i;
    *hi = -1;
    if (j + 1 < nw && (!strcmp(w[j].low, "a") || !strcmp(w[j].low, "an"))) {
        const lex_entry *e = lex_find(&lx->numbers, w[j + 1].low, w[j + 1].len);
        if (!e || (e->role != NUM_MULT && e->role != NUM_DOZEN))
            return i;
        cur = 1, j++;
    }
    for (; j < nw && !w[j].punct; j++) {
        const char *part = w[j].low;
        const char *dash = strchr(part, '-');
        size_t plen = dash ? (size_t)(dash - part) : w[j].len;
        const lex_entry *e = lex_find(&lx->numbers, part, plen);
        if (!e && any && !strcmp(part, "and") && j + 1 < nw &&
            lex_find(&lx->numbers, w[j + 1].low, w[j + 1].len))
            continue;
        if (!e)
            break;
        if (e->role == NUM_VAGUE) {
            if (any)
                break;
            *lo = e->num, *hi = e->num * 10 - 1;
            j++;
            if (j + 1 < nw && !strcmp(w[j].low, "of"))
                j++;
            /* "tens of thousands", "hundreds of thousands": one amount, the
             * first vague word counting units of the second's magnitude
             * (thousands: 1,000), not two counts */
            const lex_entry *of = j + 1 < nw ? lex_find(&lx->numbers, w[j].low, w[j].len) : NULL;
            if (of && of->role == NUM_VAGUE && of->num > e->num) {
                double unit = of->num / 2; /* a vague plural's value is twice its unit */
                *lo = e->num / 2 * unit, *hi = e->num / 2 * unit * 10 - 1;
                j++;
                if (j + 1 < nw && !strcmp(w[j].low, "of"))
                    j++;
            }
            return j;
        }
        if (e->role == NUM_UNIT || e->role == NUM_TEN)
            cur += e->num;
        else if (e->role == NUM_DOZEN)
            cur = (cur ? cur : 1) * 12;
        else if (e->num == 100)
            cur = (cur ? cur : 1) * 100;
        else
            total += (cur ? cur : 1) * e->num, cur = 0;
        if (dash && members_suffix(dash)) { /* "a three-member gang" */
            *lo = total + cur;
            return j + 1;
        }
        if (dash) { /* "twenty-three" */
            const lex_entry *e2 = lex_find(&lx->numbers, dash + 1, strlen(dash + 1));
            if (!e2 || e2->role != NUM_UNIT)
                return any ? j : i;
            cur += e2->num;
        }
        any = 1;
    }
    if (!any)
        return i;
    *lo = total + cur;
    return j;
}

/* Applies multiplier words after a digit number ("3.5 million"). */
static size_t apply_multipliers(const lexicon *lx, const word *w, size_t nw, size_t j, double *v)
{
    while (j < nw && !w[j].punct) {
        const lex_entry *e = lex_find(&lx->numbers, w[j].low, w[j].len);
        if (!e || e->role != NUM_MULT)
            break;
        *v *= e->num;
        j++;
    }
    return j;
}

/* Returns 1 if digit word i is the exponent of a number written like
 * "1E+308": a "+" glued between it and a word of digits ending in "e".
 * ("1e308" and "1E-5" are one word, which parse_digits refuses.) */
static int is_exponent(const word *w, size_t i)
{
    if (i < 2 || !w[i - 1].punct || w[i - 1].low[0] != '+' || w[i - 1].end != w[i].start ||
        w[i - 2].end != w[i - 1].start || !w[i - 2].digit)
        return 0;
    const word *m = &w[i - 2];
    size_t k = 0;
    while (k < m->len && ((m->low[k] >= '0' && m->low[k] <= '9') || m->low[k] == '.' || m->low[k] == ','))
        k++;
    return k + 1 == m->len && m->low[k] == 'e';
}

/* Reads the number at word i alone: returns the word after it (i when
 * none) and sets lo, hi, and a kind the word itself implies (-1 if none). */
static size_t number_at(const lexicon *lx, const word *w, size_t nw, size_t i, double *lo, double *hi,
                        int *kind)
{
    *kind = -1;
    if (i >= nw || w[i].punct)
        return i;
    if (w[i].digit) {
        if (is_exponent(w, i) || !parse_digits(&w[i], lo, hi, kind))
            return i;
        return *kind == -1 ? apply_multipliers(lx, w, nw, i + 1, lo) : i + 1;
    }
    return parse_words(lx, w, nw, i, lo, hi);
}

/* Matches the longest qualifier phrase (up to three words) at word i:
 * returns its length in words and sets *qual, or 0. */
static size_t qualifier_at(const lexicon *lx, const word *w, size_t nw, size_t i, int *qual)
{
    char phrase[3 * WORD_MAX + 3];
    size_t best = 0, len = 0;
    for (size_t k = 0; k < 3 && i + k < nw && !w[i + k].punct; k++) {
        if (k)
            phrase[len++] = ' ';
        memcpy(phrase + len, w[i + k].low, w[i + k].len);
        len += w[i + k].len;
        const lex_entry *e = lex_find(&lx->qualifiers, phrase, len);
        if (e)
            best = k + 1, *qual = e->role;
    }
    return best;
}

/* Extends q by a range "to 50", "or 50", "and 50" (after "between"). */
static void range_after(const lexicon *lx, const word *w, size_t nw, quantity *q, int between)
{
    size_t j = q->w1;
    if (j + 1 >= nw)
        return;
    int ok = between ? !strcmp(w[j].low, "and") || !strcmp(w[j].low, "to") /* "between 350 to 400" */
                     : (!strcmp(w[j].low, "to") || !strcmp(w[j].low, "or") || !strcmp(w[j].low, "-"));
    if (!ok || (q->n0 > 0 && !strcmp(w[q->n0 - 1].low, "from")))
        return;
    double lo2, hi2;
    int kind;
    size_t e = number_at(lx, w, nw, j + 1, &lo2, &hi2, &kind);
    if (e == j + 1 || kind != -1 || lo2 < q->lo)
        return;
    q->hi = lo2, q->qual = Q_RANGE, q->w1 = (uint32_t)e;
}

int quantity_at(const lexicon *lx, const word *w, size_t nw, size_t i, quantity *q)
{
    memset(q, 0, sizeof *q);
    q->qual = Q_EXACT;
    size_t j = i;
    int between = !strcmp(w[i].low, "between");
    if (between)
        j++;
    else
        j += qualifier_at(lx, w, nw, i, &q->qual);
    int kind;
    size_t e = number_at(lx, w, nw, j, &q->lo, &q->hi, &kind);
    if (e == j && j != i) { /* "about" without a number: try the word itself */
        j = i, q->qual = Q_EXACT, between = 0;
        e = number_at(lx, w, nw, j, &q->lo, &q->hi, &kind);
    }
    if (e == j)
        return 0;
    q->w0 = (uint32_t)i, q->n0 = (uint32_t)j, q->w1 = (uint32_t)e;
    q->kind = kind >= 0 ? kind : KIND_COUNT;
    if (q->hi >= 0 && q->qual == Q_EXACT)
        q->qual = w[j].digit ? Q_RANGE : Q_VAGUE;
    if (q->qual == Q_VAGUE && q->hi < 0) /* "several dozen": two to nine of them */
        q->lo *= 2, q->hi = q->lo * 4.5;
    if (q->hi < 0)
        range_after(lx, w, nw, q, between);
    return 1;
}

/* Returns 1 if word k exists and reads s. */
static int word_is(const word *w, size_t nw, size_t k, const char *s)
{
    return k < nw && !strcmp(w[k].low, s);
}

/* The kind a unit word after the number gives ("days", "percent",
 * "p.m"), or -1. "years old" is an age, "per cent" a percentage. */
static int unit_kind(const lexicon *lx, const word *w, size_t nw, size_t j)
{
    if (j >= nw)
        return -1;
    if (word_is(w, nw, j, "%"))
        return KIND_PERCENT;
    const lex_entry *e = w[j].punct ? NULL : lex_find(&lx->units, w[j].low, w[j].len);
    if (!e || (e->role == KIND_AGE && strcmp(w[j].low, "old")))
        return -1;
    if (e->role == KIND_PERCENT && !strcmp(w[j].low, "per"))
        return word_is(w, nw, j + 1, "cent") ? KIND_PERCENT : -1;
    if (e->role == KIND_DURATION && word_is(w, nw, j + 1, "old"))
        return KIND_AGE;
    if (e->role == KIND_DATE && j + 1 < nw && w[j + 1].cap) /* "May Day" */
        return -1;
    return e->role;
}

/* Money written around the number other than with a sign: a currency
 * word after capitalised words ("80,000 Hong Kong dollars", "160,000
 * U.S. dollars"), one joined to a word ("370,000 yuan-worth"), or before
 * it ("dlrs 1 million"). Returns KIND_MONEY or -1. */
static int money_around(const lexicon *lx, const word *w, size_t nw, const quantity *q)
{
    size_t j = q->w1;
    while (j < nw && j < q->w1 + 4 && (w[j].cap || (w[j].punct && w[j].low[0] == '.')))
        j++;
    const lex_entry *e = j < nw && !w[j].punct ? lex_find(&lx->units, w[j].low, w[j].len) : NULL;
    const char *dash = q->w1 < nw ? strchr(w[q->w1].low, '-') : NULL;
    if (!e && dash && !w[q->w1].punct)
        e = lex_find(&lx->units, w[q->w1].low, (size_t)(dash - w[q->w1].low));
    if (!e && q->w0 > 0 && !w[q->w0 - 1].punct)
        e = lex_find(&lx->units, w[q->w0 - 1].low, w[q->w0 - 1].len);
    return e && e->role == KIND_MONEY ? KIND_MONEY : -1;
}

/* Returns 1 if x is a vulgar fraction sign (U+00BC-U+00BE: "3 ½ years"). */
static int is_fraction(const word *x)
{
    const unsigned char *s = (const unsigned char *)x->low;
    return x->len == 2 && s[0] == 0xC2 && s[1] >= 0xBC && s[1] <= 0xBE;
}

/* Returns 1 if the word before the quantity makes it money or a date. */
static int kind_before(const lexicon *lx, const word *w, size_t w0)
{
    if (w0 == 0)
        return -1;
    const word *p = &w[w0 - 1];
    if (p->punct && (p->low[0] == '$' || (unsigned char)p->low[0] == 0xC2 || (unsigned char)p->low[0] == 0xE2))
        return p->low[0] == '$' || (unsigned char)p->low[1] == 0xA3 || (unsigned char)p->low[1] == 0x82
                   ? KIND_MONEY : -1;
    const lex_entry *e = p->punct ? NULL : lex_find(&lx->units, p->low, p->len);
    if (e && e->role == KIND_DATE && p->cap)
        return KIND_DATE;
    if (!strcmp(p->low, "aged"))
        return KIND_AGE;
    if (e && e->role == KIND_MEASURE) /* "magnitude 7.5" */
        return KIND_MEASURE;
    if (p->punct && p->low[0] == '\'' && w[w0].digit && w[w0].len == 2) /* "'93" */
        return KIND_YEAR;
    if (e && e->role == KIND_ID)
        return KIND_ID;
    if (p->punct && p->low[0] == ':' && w0 >= 2 && w[w0 - 2].digit)
        return KIND_TIME;
    if (p->punct && p->low[0] == '.' && w0 >= 2 && w[w0 - 2].cap) { /* "Oct. 3" */
        const lex_entry *m = lex_find(&lx->units, w[w0 - 2].low, w[w0 - 2].len);
        if (m && m->role == KIND_DATE)
            return KIND_DATE;
    }
    return -1;
}

/* "Dara Finn, 54, said": a small number between commas after a name. */
static int looks_like_age(const word *w, size_t nw, const quantity *q)
{
    return q->qual == Q_EXACT && q->w1 == q->n0 + 1 && w[q->n0].digit && q->lo >= 1 && q->lo < 120 &&
           q->w0 >= 2 && word_is(w, nw, q->w0 - 1, ",") && w[q->w0 - 2].cap && word_is(w, nw, q->w1, ",");
}

/* A four-digit 1800-2100 (1000-2100 after "in", "since", "until") without
 * a comma and not before a plural noun;
 * a range of two of them ("between 1973 and 1983"). */
static int looks_like_year(const word *w, size_t nw, const quantity *q)
{
    const word *n = &w[q->n0];
    if (q->qual == Q_RANGE && n->digit && n->len == 4 && q->lo >= 1800 && q->hi <= 2100)
        return 1;
    int in = q->w0 > 0 && (word_is(w, nw, q->w0 - 1, "in") || word_is(w, nw, q->w0 - 1, "since") ||
                           word_is(w, nw, q->w0 - 1, "until")); /* "died in 1761" */
    if (!n->digit || n->len != 4 || q->w1 != q->n0 + 1 || q->lo < (in ? 1000 : 1800) || q->lo > 2100)
        return 0;
    const word *next = q->w1 < nw ? &w[q->w1] : NULL;
    return !next || next->punct || next->cap || next->len < 4 || next->low[next->len - 1] != 's'; /* "2004 as" */
}

/* "Flight 990", "Boeing 767", "Resolution 242": a digit number right after
 * a capitalised word that does not start the sentence. */
static int looks_like_id(const word *w, const quantity *q)
{
    return q->w0 == q->n0 && q->w0 >= 2 && w[q->n0].digit && w[q->w0 - 1].cap && !w[q->w0 - 1].punct;
}

/* "three to five people are hospitalized every week": a count per unit
 * of time, later in its clause, is a rate. */
static int looks_like_rate(const lexicon *lx, const word *w, size_t nw, const quantity *q)
{
    for (size_t k = q->w1, n = 0; k + 1 < nw && n < 8 && !(w[k].punct && w[k].low[0] != '-'); k++, n++) {
        if (strcmp(w[k].low, "every") && strcmp(w[k].low, "per") && strcmp(w[k].low, "each") &&
            strcmp(w[k].low, "a"))
            continue;
        const lex_entry *e = lex_find(&lx->units, w[k + 1].low, w[k + 1].len);
        if (e && e->role == KIND_DURATION)
            return 1;
    }
    return 0;
}

/* "3:00 am", "14:23": hours before a colon and two digits of minutes. */
static int looks_like_clock(const word *w, size_t nw, const quantity *q)
{
    return q->w1 == q->n0 + 1 && w[q->n0].digit && q->lo < 25 && word_is(w, nw, q->w1, ":") &&
           q->w1 + 1 < nw && w[q->w1 + 1].digit && w[q->w1 + 1].len == 2;
}

/* "the ages of the arrested ranged from 28 to 70", "ranging in age from
 * 18 to 25": a number shortly after "age"/"ages" in its clause is an age. */
static int after_age_word(const word *w, size_t w0)
{
    for (size_t k = w0, n = 0; k > 0 && n < 8 && !(w[k - 1].punct && w[k - 1].low[0] != '-'); k--, n++)
        if (!strcmp(w[k - 1].low, "age") || !strcmp(w[k - 1].low, "ages"))
            return 1;
    return 0;
}

/* "two more weeks", "three additional days": the unit after an increment
 * word (a duration, not "two more bodies"). */
static int unit_after_increment(const lexicon *lx, const word *w, size_t nw, size_t j)
{
    if (!word_is(w, nw, j, "more") && !word_is(w, nw, j, "additional") && !word_is(w, nw, j, "further") &&
        !word_is(w, nw, j, "other"))
        return -1;
    return unit_kind(lx, w, nw, j + 1);
}

void quantity_classify(const lexicon *lx, const word *w, size_t nw, quantity *q)
{
    if (q->kind != KIND_COUNT)
        return;
    int k = looks_like_clock(w, nw, q) ? KIND_TIME : kind_before(lx, w, q->w0);
    if (k < 0)
        k = unit_kind(lx, w, nw, q->w1);
    if (k < 0)
        k = unit_after_increment(lx, w, nw, q->w1);
    if (k < 0)
        k = money_around(lx, w, nw, q);
    if (k < 0 && q->w1 < nw && is_fraction(&w[q->w1])) /* "3 ½ years" */
        k = unit_kind(lx, w, nw, q->w1 + 1) >= 0 ? unit_kind(lx, w, nw, q->w1 + 1) : KIND_MEASURE;
    if (k < 0 && (looks_like_age(w, nw, q) || after_age_word(w, q->w0)))
        k = KIND_AGE;
    if (k < 0 && looks_like_year(w, nw, q))
        k = KIND_YEAR;
    if (k < 0 && looks_like_id(w, q))
        k = KIND_ID;
    if (k < 0 && looks_like_rate(lx, w, nw, q))
        k = KIND_RATE;
    if (k < 0 && q->lo != floor(q->lo)) /* not (long long): 1e20 would overflow it */
        k = KIND_MEASURE; /* people and things come whole: "7.5" is a measure */
    if (k == KIND_DATE && q->w0 > 0 && kind_before(lx, w, q->w0) != KIND_DATE &&
        !(w[q->n0].digit && q->lo <= 31))
        k = -1;
    q->kind = k < 0 ? KIND_COUNT : k;
}
