/* Lead baselines: news puts the important facts first. "lead" takes the
 * first sentences of the first report; "lead-rr" takes the first sentence
 * of every report, then the second of every report, and so on. */
#include "select/methods.h"

/* Adds sentence i if usable and it fits; returns -1 on OOM, else 0. */
static int take(const model *m, const budget *b, long min_words, selection *sel, size_t i)
{
    if (!model_sentence_usable(m, i, (uint32_t)min_words) || !budget_fits(b, sel, m, i))
        return 0;
    return selection_add(sel, m, i, 1.0 / (1.0 + m->sents[i].pos));
}

int method_lead(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    for (size_t i = 0; i < m->nsents && !budget_full(b, sel); i++)
        if (m->sents[i].doc == m->sents[0].doc && take(m, b, o->min_words, sel, i))
            return -1;
    return 0;
}

int method_lead_rr(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    uint32_t maxpos = 0;
    for (size_t i = 0; i < m->nsents; i++)
        if (m->sents[i].pos > maxpos)
            maxpos = m->sents[i].pos;
    for (uint32_t pos = 0; pos <= maxpos && !budget_full(b, sel); pos++)
        for (size_t i = 0; i < m->nsents && !budget_full(b, sel); i++)
            if (m->sents[i].pos == pos && take(m, b, o->min_words, sel, i))
                return -1;
    return 0;
}
