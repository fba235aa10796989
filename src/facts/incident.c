/* The incident a figure counts (issue 14): a count said of a sub-event
 * ("seven hostages were killed in the final assault", "the second bombing
 * alone killed 14") is not the count of the event as a whole, and never
 * joins its group. A sub-event is an order word and a happening word of
 * data/facts/incidents.txt ("final assault", "earlier attack"), said of
 * the figure: after "in", "during", "by" or "from" ("in the final
 * assault"), or as the subject that "alone" marks ("the final assault
 * alone killed seven"). Sentence by sentence; "" is the main event. */
#include "facts/facts.h"
#include <stdio.h>
#include <string.h>

static int has_role(const lexicon *lx, const word *x, const char *role)
{
    const lex_entry *e = x->punct ? NULL : lex_find(&lx->incidents, x->low, x->len);
    return e && !strcmp(e->val, role);
}

/* Returns 1 if the sub-event at words [i, j] is said of the sentence's
 * counts: a preposition of setting before it (past "the"), or "alone"
 * right after it. */
static int said_of_counts(const word *w, size_t nw, size_t i, size_t j)
{
    static const char *const preps[] = {"in", "during", "by", "from"};
    size_t k = i;
    if (k > 0 && !strcmp(w[k - 1].low, "the"))
        k--;
    for (size_t p = 0; k > 0 && p < sizeof preps / sizeof *preps; p++)
        if (!strcmp(w[k - 1].low, preps[p]))
            return 1;
    return j + 1 < nw && !strcmp(w[j + 1].low, "alone");
}

/* The sub-event the sentence's words name, written into out ("final
 * assault"); "" when none. */
static void sub_event(const lexicon *lx, const word *w, size_t nw, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t i = 0; i < nw; i++) {
        if (!has_role(lx, &w[i], "order"))
            continue;
        for (size_t j = i + 1; j < nw && j <= i + 2 && !w[j].punct; j++)
            if (has_role(lx, &w[j], "happening") && said_of_counts(w, nw, i, j)) {
                snprintf(out, cap, "%s %s", w[i].low, w[j].low);
                return;
            }
    }
}

int incidents_sentence(nf_facts_sheet *sh, const lexicon *lx, size_t first)
{
    if (first >= sh->n)
        return NF_OK;
    char label[2 * WORD_MAX + 2];
    sub_event(lx, sh->scratch, sh->scratch_n, label, sizeof label);
    if (!label[0])
        return NF_OK;
    const char *kept = arena_strndup(&sh->mem, label, strlen(label));
    if (!kept)
        return NF_ENOMEM;
    for (size_t i = first; i < sh->n; i++)
        if (sh->figs[i].kind == KIND_COUNT)
            sh->figs[i].incident = kept;
    return NF_OK;
}
