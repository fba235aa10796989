/* Who was at the scene: the totals the casualties of an event are parts
 * of ("300 spectators were on the bridge", "at least 350 were on it when
 * it fell", "the four people in the car"). FIGURES_GOLD.md puts them in
 * scope ("aboard", "inside", the "300 spectators on the bridge"); no word
 * of events.txt says it, a place after a form of "be" does. A count its
 * sentence gives an outcome keeps it ("five people were in hospital",
 * "two were in critical condition"): this reads only counts left without
 * one (doc/FACTS.md). */
#include "facts/sentence.h"
#include <string.h>

/* Returns 1 if x is a form of "be" or a perfect auxiliary before one
 * ("had been"), or an adverb that may stand between ("also", "still"). */
static int be_word(const word *x)
{
    static const char *const be[] = {"is",  "are", "was",  "were",  "been", "be",
                                     "had", "has", "have", "still", "also", "all"};
    for (size_t i = 0; i < sizeof be / sizeof *be; i++)
        if (!strcmp(x->low, be[i]))
            return 1;
    return 0;
}

/* Returns 1 if x is a preposition of where someone is. */
static int scene_preposition(const word *x)
{
    static const char *const p[] = {"on", "at", "in", "inside", "aboard", "onto", "into"};
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        if (!strcmp(x->low, p[i]))
            return 1;
    return 0;
}

/* Returns 1 if the words after preposition k say a state, not a place
 * ("in good health", "in need of", "at risk", "in their 20s", "in his
 * custody"). */
static int state_not_place(const sent_ctx *c, size_t k)
{
    static const char *const s[] = {"good",   "poor",  "stable", "serious", "health", "shock",  "need", "duty",
                                    "danger", "risk",  "favor",  "favour",  "charge", "control", "power",
                                    "line",   "touch", "time",   "fact",    "total",  "addition", "part",
                                    "their",  "his",   "her",    "its",     "contact", "agreement", "talks"};
    if (k + 1 >= c->nw || c->w[k + 1].punct || c->w[k + 1].digit)
        return 1;
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        if (!strcmp(c->w[k + 1].low, s[i]))
            return 1;
    for (size_t j = k + 1; j < c->nw && j < k + 5 && !is_boundary(c->w, j); j++)
        if (sentence_event_at(c, j))
            return 1; /* "in Barton's custody", "in a local hospital": an outcome's state */
    return 0;
}

/* Returns 1 if the counted class may be at a scene: people, animals,
 * vessels, or none written ("at least 350 were on it"). */
static int may_be_present(const lexicon *lx, const char *counted)
{
    if (!counted[0] || lex_find(&lx->persons, counted, strlen(counted)))
        return 1;
    const lex_entry *e = lex_find(&lx->affected, counted, strlen(counted));
    return e && (!strcmp(e->val, "animal") || !strcmp(e->val, "vessel"));
}

/* Returns 1 if a vessel or vehicle (affected.txt) is named within three
 * words after k: "in the car", "on a small plane". */
static int craft_follows(const sent_ctx *c, size_t k)
{
    for (size_t j = k + 1; j < c->nw && j < k + 5 && !is_boundary(c->w, j); j++) {
        const word *x = &c->w[j];
        size_t n = x->len > 3 && x->low[x->len - 1] == 's' ? x->len - 1u : x->len;
        const lex_entry *e = lex_find(&c->lx->affected, x->low, x->len);
        if (!e)
            e = lex_find(&c->lx->affected, x->low, n);
        if (e && (!strcmp(e->val, "vessel") || !strcmp(e->val, "vehicle")))
            return 1;
    }
    return 0;
}

/* The outcome of a count whose noun phrase ends before word k, or NULL:
 * "aboard" when a craft follows a preposition right after it ("the four
 * people in the car"), "present" for a place after a form of "be" or a
 * verb of crowding ("were on the bridge", "had crowded onto it"); a count
 * with no noun (bare) only at a place not named by a proper noun. */
static const char *scene_at(const sent_ctx *c, size_t k, int bare)
{
    k = sentence_subject_apposition_end(c, k); /* "400 people, most aged 13 to 18, were at the dance" */
    if (k < c->nw && is_word(c->w, c->nw, k, ",") && is_word(c->w, c->nw, k + 1, "who"))
        k += 2; /* "her two step-grandparents, who were also on board" */
    if (k < c->nw && scene_preposition(&c->w[k]) && craft_follows(c, k))
        return "aboard";
    size_t j = k;
    while (j < c->nw && j < k + 3 && be_word(&c->w[j]))
        j++;
    int crowd = j < c->nw && (is_word(c->w, c->nw, j, "crowded") || is_word(c->w, c->nw, j, "packed") ||
                              is_word(c->w, c->nw, j, "gathered"));
    if (j == k && !crowd)
        return NULL;
    j += crowd;
    if (is_word(c->w, c->nw, j, "on") && is_word(c->w, c->nw, j + 1, "board"))
        return "aboard";
    if (j >= c->nw || !scene_preposition(&c->w[j]) || state_not_place(c, j))
        return NULL;
    size_t place = j + 1 + (is_word(c->w, c->nw, j + 1, "the") || is_word(c->w, c->nw, j + 1, "a"));
    if (bare && place < c->nw && c->w[place].cap)
        return NULL; /* "one is in Lunenburg County": where a thing is, not who was there */
    return craft_follows(c, j) ? "aboard" : "present";
}

void scene_events(sent_ctx *c)
{
    for (size_t i = c->first; i < c->sh->n; i++) {
        figure *f = &c->sh->figs[i];
        if (f->kind != KIND_COUNT || f->event[0] || f->status != ST_CURRENT || f->individual)
            continue;
        size_t k = 0;
        size_t end = f->np_end > f->end ? f->np_end : f->end;
        while (k < c->nw && c->w[k].start < end)
            k++;
        int who = is_word(c->w, c->nw, k, ",") && is_word(c->w, c->nw, k + 1, "who"); /* persons */
        if (!who && !may_be_present(c->lx, f->counted))
            continue;
        const char *ev = scene_at(c, k, !f->counted[0]);
        if (!ev)
            continue;
        f->event = ev;
        if (!f->counted[0])
            f->counted = "people";
    }
}
