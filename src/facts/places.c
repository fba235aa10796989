/* Places: the country a count is about ("8 were arrested in Greece",
 * "1,563 detained across Turkey", "Neighboring Greece arrested eight
 * men"), read from data/facts/places.txt; align.c splits a group whose
 * counts name two countries or more. Also the gazetteer's lookups (any
 * name, nationality word or city to its country: gazetteer.tsv) and the
 * classes of counted nouns that may name the same people (aliases.txt). */
#include "core/arena.h"
#include "facts/sentence.h"
#include <string.h>

/* Returns 1 if words from j name a country of places.txt (up to three
 * capitalised words), setting *len and *key. */
static int country_at(const sent_ctx *c, size_t j, size_t *len, const char **key)
{
    const word *w = c->w;
    for (size_t n = 3; n >= 1; n--) {
        char name[3 * WORD_MAX];
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (j + i >= c->nw || !w[j + i].cap || w[j + i].punct)
                break;
            if (i)
                name[m++] = ' ';
            memcpy(name + m, w[j + i].low, w[j + i].len);
            m += w[j + i].len;
            const lex_entry *e = i + 1 == n ? lex_find(&c->lx->places, name, m) : NULL;
            if (e) {
                *len = n, *key = e->val;
                return 1;
            }
        }
    }
    return 0;
}

/* The country named at word k: "in"/"across"/"throughout", then at most
 * four lower-case words ("the", "neighbouring"), then a country of
 * places.txt in up to three capitalised words ("in Greece", "across
 * Turkey", "in the United States"). Cities and regions are not taken: a
 * story names its city, its state and its country for one set ("in New
 * York City", "in the United States"). Sets *len (words) and *key and
 * returns the country's first word index + 1, or 0. */
static size_t place_at(const sent_ctx *c, size_t k, size_t *len, const char **key)
{
    const word *w = c->w;
    if (!is_word(w, c->nw, k, "in") && !is_word(w, c->nw, k, "across") && !is_word(w, c->nw, k, "throughout"))
        return 0;
    size_t j = k + 1;
    while (j < c->nw && j < k + 5 && !w[j].cap && !w[j].punct && !w[j].digit)
        j++;
    return country_at(c, j, len, key) ? j + 1 : 0;
}

/* A country as the subject of the event word right after it ("Neighboring
 * Greece arrested eight men"): where it happened. Returns the country's
 * first word index + 1 (it may open the sentence), or 0. */
static size_t subject_place_at(const sent_ctx *c, size_t k, size_t *len, const char **key)
{
    for (size_t n = 1; n <= 3 && n <= k; n++)
        if (k < c->nw && sentence_event_at(c, k) && country_at(c, k - n, len, key) && *len == n)
            return k - n + 1;
    return 0;
}

/* The place a count is about: the nearest place_at() after its noun
 * phrase (up to eight words), else before it in its clause (up to fifteen),
 * not across a clause word or punctuation ("8 were arrested in Greece";
 * "in Kenya killed at least 224 people"). Sets the figure's place (as
 * written) and its key; "" when none. */
int places_find(sent_ctx *c, const quantity *q, const np *p, figure *f)
{
    const word *w = c->w;
    size_t at = 0, len = 0;
    const char *key = "";
    for (size_t k = sentence_apposition_end(c, p->end), n = 0; !at && k < c->nw && n < 8 && !is_boundary(w, k);
         k++, n++) {
        if (np_role(c->lx, &w[k]) == NP_CLAUSE)
            break;
        at = place_at(c, k, &len, &key);
    }
    for (size_t k = q->w0, n = 0; !at && k > 0 && n < 15 && !is_boundary(w, k - 1); k--, n++) {
        if (np_role(c->lx, &w[k - 1]) == NP_CLAUSE)
            break;
        at = place_at(c, k - 1, &len, &key);
        if (!at)
            at = subject_place_at(c, k - 1, &len, &key);
    }
    f->place = f->place_key = "";
    if (!at)
        return NF_OK;
    at--; /* the place's first word */
    f->place = arena_strndup(&c->sh->mem, c->text + w[at].start, w[at + len - 1].end - w[at].start);
    f->place_key = key;
    return f->place ? NF_OK : NF_ENOMEM;
}


/* ---- The gazetteer (data/facts/gazetteer.tsv) and noun classes. ---- */

enum {
    GAZ_NAME_MAX = 128, /* bytes of a name gaz_at reads (the longest listed is about 50) */
    /* Letters an ALL-CAPS name other than a country needs to be looked up
     * in any case: shorter capitals are mostly acronyms (NICE, SWAT, GAO). */
    GAZ_CAPS_MIN = 5,
    ALIAS_MAX = 64
};

/* Returns 1 if s[0..n) has an upper-case ASCII letter and no lower-case
 * one ("NAIROBI", "U.S."); counts its letters into *letters. */
static int all_caps(const char *s, size_t n, size_t *letters)
{
    size_t upper = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        upper += s[i] >= 'A' && s[i] <= 'Z';
    }
    *letters = upper;
    return upper > 0;
}

/* The entry of a name as written, else, for ALL-CAPS text, in any case.
 * The gazetteer is sorted case-folded: names that differ only in case sit
 * together, the exact one among them. */
static const lex_entry *gaz_entry(const lexicon *lx, const char *s, size_t n)
{
    size_t end, letters;
    const lex_entry *any = NULL;
    for (size_t k = lex_fold_range(&lx->gaz, s, n, &end); k < end && !lx->gaz.items[k].key[n]; k++) {
        if (!memcmp(lx->gaz.items[k].key, s, n))
            return &lx->gaz.items[k];
        any = any ? any : &lx->gaz.items[k];
    }
    if (!any || !all_caps(s, n, &letters))
        return NULL;
    return any->role == GAZ_COUNTRY || letters >= GAZ_CAPS_MIN ? any : NULL;
}

/* The length of s[0..n) without a possessive ending ("Kenya's", "Kenya’s",
 * "Philippines'"), or 0 when it has none. */
static size_t possessive_cut(const char *s, size_t n)
{
    static const char *const ends[] = {"'s", "'S", "\xE2\x80\x99s", "\xE2\x80\x99S", "'", "\xE2\x80\x99"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t m = strlen(ends[i]);
        if (n <= m || memcmp(s + n - m, ends[i], m))
            continue;
        int bare = ends[i][m - 1] != 's' && ends[i][m - 1] != 'S';
        if (!bare || s[n - m - 1] == 's' || s[n - m - 1] == 'S')
            return n - m;
    }
    return 0;
}

/* The entry of a name, a possessive ending dropped when the name with it
 * is not listed ("Cox's Bazar" is; "Kenya's" is Kenya). */
static const lex_entry *gaz_lookup(const lexicon *lx, const char *s, size_t n)
{
    const lex_entry *e = gaz_entry(lx, s, n);
    size_t m = e ? 0 : possessive_cut(s, n);
    return m ? gaz_entry(lx, s, m) : e;
}

const char *gaz_country(const lexicon *lx, const char *name, size_t n)
{
    const lex_entry *e = lx && name ? gaz_lookup(lx, name, n) : NULL;
    return e && e->role != GAZ_NOT ? e->val : NULL;
}

/* Returns 1 if some name is longer than s[0..n) and starts with it, in
 * the case written or, for ALL-CAPS text, in any case: reading one more
 * word may still find a name. */
static int name_may_grow(const lexicon *lx, const char *s, size_t n)
{
    size_t end, letters;
    int caps = all_caps(s, n, &letters);
    for (size_t k = lex_fold_range(&lx->gaz, s, n, &end); k < end; k++) {
        const char *key = lx->gaz.items[k].key;
        if (key[n] && (caps || !memcmp(key, s, n)))
            return 1;
    }
    return 0;
}

/* Appends word x to the name read so far in buf (*m bytes of cap), with
 * one space where the text had any gap before it (a line break inside
 * "New\nYork"); tokens that touch ("U.S" ".") are joined as written.
 * Returns 0 when it would not fit. */
static int name_append(char *buf, size_t *m, size_t cap, const char *text, const word *prev, const word *x)
{
    size_t gap = prev && x->start > prev->end, len = x->end - x->start;
    if (*m + gap + len >= cap)
        return 0;
    if (gap)
        buf[(*m)++] = ' ';
    memcpy(buf + *m, text + x->start, len);
    *m += len;
    return 1;
}

/* Returns 1 if word x is an apostrophe, straight or curly. */
static int is_apostrophe(const char *text, const word *x)
{
    size_t n = x->end - x->start;
    const char *s = text + x->start;
    return (n == 1 && s[0] == '\'') || (n == 3 && !memcmp(s, "\xE2\x80\x99", 3));
}

/* The words of a possessive that follows word k as separate tokens
 * ("Kenya" "’" "s", "Philippines" "'"): 2, 1 or 0. */
static size_t possessive_words(const char *text, const word *w, size_t nw, size_t k)
{
    if (k + 1 >= nw || w[k + 1].start != w[k].end || !is_apostrophe(text, &w[k + 1]))
        return 0;
    if (k + 2 < nw && w[k + 2].start == w[k + 1].end && !strcmp(w[k + 2].low, "s"))
        return 2;
    return w[k].len && w[k].low[w[k].len - 1] == 's';
}

/* Returns 1 if word x may open a name: names start with a capital, a
 * letter outside ASCII ("Île-de-France") or an apostrophe
 * ("'s-Hertogenbosch"); most words are skipped without a lookup. */
static int may_open(const char *text, const word *x)
{
    unsigned char c = (unsigned char)text[x->start];
    return (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '\'';
}

const char *gaz_at(const lexicon *lx, const char *text, const word *w, size_t nw, size_t i, size_t *nwords)
{
    if (nwords)
        *nwords = 0;
    if (!lx || !text || !w || !nwords || i >= nw || !may_open(text, &w[i]))
        return NULL;
    char buf[GAZ_NAME_MAX];
    size_t m = 0, cap = lx->gaz_longest + 4 < sizeof buf ? lx->gaz_longest + 4 : sizeof buf, end = 0;
    const lex_entry *best = NULL;
    for (size_t k = i; k < nw && name_append(buf, &m, cap, text, k > i ? &w[k - 1] : NULL, &w[k]); k++) {
        const lex_entry *e = gaz_lookup(lx, buf, m);
        if (e)
            best = e, end = k + 1;
        if (!name_may_grow(lx, buf, m))
            break;
    }
    if (!best)
        return NULL;
    *nwords = end - i + possessive_words(text, w, nw, end - 1);
    return best->role == GAZ_NOT ? NULL : best->val;
}

/* Copies a noun to out (cap bytes) in lower case with each run of spaces
 * made one ("Crew  Members" -> "crew members"). Returns its length, or 0
 * when it is empty or does not fit. */
static size_t fold_noun(const char *s, size_t n, char *out, size_t cap)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        int space = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
        if (space && (m == 0 || out[m - 1] == ' '))
            continue;
        if (m + 1 >= cap)
            return 0;
        out[m++] = space ? ' ' : (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    }
    while (m && out[m - 1] == ' ')
        m--;
    out[m] = '\0';
    return m;
}

const char *alias_class(const lexicon *lx, const char *noun, size_t n)
{
    char low[ALIAS_MAX];
    size_t m = lx && noun ? fold_noun(noun, n, low, sizeof low) : 0;
    const lex_entry *e = m ? lex_find(&lx->aliases, low, m) : NULL;
    return e ? e->val : NULL;
}
