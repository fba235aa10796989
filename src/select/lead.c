/* Lead baselines: news puts the important facts first. "lead" takes the
 * first sentences of the first report; "lead-rr" takes the first sentence
 * of every report, then the second of every report, and so on. Reports
 * already read (update mode) are never quoted. */
#include "core/alloc.h"
#include "select/methods.h"

/* Adds sentence i if usable and it fits, with the sentences after it that
 * it needs (a quotation it opens) when they fit too; a sentence that leans
 * on the one before goes in only after it (select_unit_end). Returns -1
 * on OOM, else 0. */
static int take(const model *m, const budget *b, long min_words, selection *sel, size_t i)
{
    size_t end = select_unit_end(m, sel, i, min_words);
    if (end == i || !budget_fits_range(b, sel, m, i, end))
        return 0;
    for (size_t k = i; k < end; k++)
        if (selection_add(sel, m, k, 1.0 / (1.0 + m->sents[k].pos)))
            return -1;
    return 0;
}

/* Index of the first sentence of a new report, or m->nsents. */
static size_t first_new(const model *m)
{
    size_t i = 0;
    while (i < m->nsents && m->sents[i].seen)
        i++;
    return i;
}

int method_lead(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    size_t first = first_new(m);
    for (size_t i = first; i < m->nsents && !budget_full(b, sel); i++)
        if (m->sents[i].doc == m->sents[first].doc && take(m, b, o->min_words, sel, i))
            return -1;
    return 0;
}

/* Sentences come grouped by report, in order: start[k] is where report k's
 * run begins among the new reports (start[nruns] = m->nsents). */
static size_t *report_starts(const model *m, size_t first, size_t *nruns)
{
    size_t *start = xmalloc((m->ndocs + 1) * sizeof *start), n = 0;
    for (size_t i = first; start && i < m->nsents; i++)
        if (i == first || m->sents[i].doc != m->sents[i - 1].doc)
            start[n++] = i;
    if (start)
        start[n] = m->nsents;
    *nruns = n;
    return start;
}

int method_lead_rr(const model *m, const budget *b, const struct nf_options *o, selection *sel)
{
    size_t nruns, *start = report_starts(m, first_new(m), &nruns);
    if (!start)
        return -1;
    /* Round pos takes the pos-th sentence of every report still long enough;
     * the rounds end when no report has a sentence at that position. */
    int any = 1, rc = 0;
    for (size_t pos = 0; any && !rc && !budget_full(b, sel); pos++) {
        any = 0;
        for (size_t k = 0; k < nruns && !rc && !budget_full(b, sel); k++) {
            if (start[k] + pos >= start[k + 1])
                continue;
            any = 1;
            rc = take(m, b, o->min_words, sel, start[k] + pos);
        }
    }
    xfree(start);
    return rc;
}
