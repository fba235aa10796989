/* Places: the country a count is about ("8 were arrested in Greece",
 * "1,563 detained across Turkey", "Neighboring Greece arrested eight
 * men"), read from data/facts/places.txt; align.c splits a group whose
 * counts name two countries or more. */
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

