/* Definite counts that point back: "the two men were suspected of
 * spying", "the two would be brought before a judge", "all three face
 * charges". The count names people its report has already counted with
 * an outcome ("police arrested two men"); nothing in its own sentence
 * says what happened to them, so it takes the outcome, and when it has no
 * noun the class, of the nearest earlier count of its report with the
 * same value and a compatible class (doc/FACTS.md). */
#include "facts/sentence.h"
#include <string.h>

/* Returns 1 if word k opens a definite count: "the two", "these three",
 * "all four", "the remaining" is not one (a part, figures.c). */
static int definite_before(const sent_ctx *c, size_t k)
{
    static const char *const det[] = {"the", "these", "those", "all"};
    if (k == 0)
        return 0;
    for (size_t i = 0; i < sizeof det / sizeof *det; i++)
        if (is_word(c->w, c->nw, k - 1, det[i]))
            return 1;
    return 0;
}

/* Returns 1 if a count's class is a verb read as its noun ("the two
 * admitted", "the two spied"): a word in -ed no list knows. */
static int verb_as_class(const lexicon *lx, const char *a)
{
    size_t n = strlen(a);
    return n > 4 && !strcmp(a + n - 2, "ed") && !lex_find(&lx->persons, a, n) && !lex_find(&lx->affected, a, n);
}

/* Returns 1 if classes a and b may name the same people: the same, one
 * alias class, one of them missing or the generic "people". */
static int classes_meet(const lexicon *lx, const char *a, const char *b)
{
    if (!a[0] || !b[0] || !strcmp(a, b))
        return 1;
    const char *x = alias_class(lx, a, strlen(a)), *y = alias_class(lx, b, strlen(b));
    if (x && y && !strcmp(x, y))
        return 1;
    int pa = lex_find(&lx->persons, a, strlen(a)) != NULL, pb = lex_find(&lx->persons, b, strlen(b)) != NULL;
    return (!strcmp(a, "people") && pb) || (!strcmp(b, "people") && pa);
}

/* Returns 1 if an outcome only says where people were or that they took
 * part (present, aboard, involved): too weak to say the same people are
 * meant ("only three officers are on duty" ... "boys like the three"). */
static int state_only(const lexicon *lx, const char *event)
{
    return !strcmp(event, "present") || !strcmp(event, "aboard") ||
           (lx->people_event && !strcmp(event, lx->people_event));
}

/* The nearest earlier count of figure i's report that it restates, or
 * NULL: same exact value, an outcome that happened to them, a compatible
 * class, not another event's past nor a count of no one affected. */
static const figure *antecedent(const sent_ctx *c, size_t i)
{
    const figure *f = &c->sh->figs[i];
    for (size_t k = i; k > 0 && c->sh->figs[k - 1].doc == f->doc; k--) {
        const figure *g = &c->sh->figs[k - 1];
        if (g->kind == KIND_COUNT && g->event[0] && !state_only(c->lx, g->event) && !g->past &&
            g->qual == Q_EXACT && g->lo == f->lo &&
            g->status == ST_CURRENT && !g->individual && classes_meet(c->lx, f->counted, g->counted) &&
            !lex_find(&c->lx->not_affected, g->counted, strlen(g->counted)))
            return g;
    }
    return NULL;
}

/* Returns 1 if x is a form of "be". */
static int be_form(const word *x)
{
    static const char *const be[] = {"is", "are", "was", "were", "been", "be"};
    for (size_t i = 0; i < sizeof be / sizeof *be; i++)
        if (!strcmp(x->low, be[i]))
            return 1;
    return 0;
}

/* Returns 1 if a passive outcome other than `event` follows word k in the
 * sentence ("the two officials, surnamed ..., who ..., were arrested"):
 * the count has an outcome of its own its reading did not reach, and the
 * earlier count with another outcome is not the one it restates. */
static int other_outcome_after(const sent_ctx *c, size_t k, const char *event)
{
    for (size_t j = k + 1; j + 1 < c->nw; j++) {
        if (!be_form(&c->w[j]))
            continue;
        const lex_entry *e = c->w[j + 1].punct ? NULL : sentence_event_at(c, j + 1);
        if (e && e->role != EVENT_WEAK && e->role != EVENT_DEFAULT && strcmp(e->val, event))
            return 1;
    }
    return 0;
}

void anaphora_events(sent_ctx *c)
{
    for (size_t i = c->first; i < c->sh->n; i++) {
        figure *f = &c->sh->figs[i];
        if (f->kind != KIND_COUNT || f->event[0] || f->status != ST_CURRENT || f->qual != Q_EXACT ||
            f->lo < 2 || f->individual || f->part_of >= 0)
            continue;
        size_t k = 0;
        while (k < c->nw && c->w[k].start < f->start)
            k++;
        if (!definite_before(c, k))
            continue;
        if (verb_as_class(c->lx, f->counted))
            f->counted = "";
        const figure *g = antecedent(c, i);
        if (!g || other_outcome_after(c, k, g->event))
            continue;
        f->event = g->event;
        if (!f->counted[0])
            f->counted = g->counted, f->modifier = g->modifier, f->nation = g->nation,
            f->nation_shown = g->nation_shown;
    }
}
