#include "select/select.h"
#include "core/alloc.h"
#include <time.h>

void budget_from_options(budget *b, const struct nf_options *o, const model *m)
{
    b->words = o->words;
    b->sentences = o->sentences;
    b->bytes = o->bytes;
    b->cut = o->cut;
    b->deadline = 0;
    if (o->ratio > 0) {
        long w = (long)(o->ratio * (double)m->total_words + 0.5);
        if (w < 1)
            w = 1;
        if (!b->words || w < b->words)
            b->words = w;
    }
}

static long sentence_bytes(const model *m, size_t i)
{
    return (long)(m->sents[i].end - m->sents[i].start);
}

int budget_fits(const budget *b, const selection *sel, const model *m, size_t i)
{
    const msent *s = &m->sents[i];
    if (b->sentences && (long)sel->n + 1 > b->sentences)
        return 0;
    if (b->words && sel->words + (long)s->nwords > b->words)
        return 0;
    /* Summary sentences are joined by one space when the budget is bytes. */
    if (b->bytes && sel->bytes + (sel->n ? 1 : 0) + sentence_bytes(m, i) > b->bytes)
        return 0;
    return 1;
}

int budget_fits_range(const budget *b, const selection *sel, const model *m, size_t a, size_t end)
{
    long words = 0, bytes = 0;
    for (size_t k = a; k < end; k++)
        words += m->sents[k].nwords, bytes += sentence_bytes(m, k) + 1;
    if (b->sentences && (long)(sel->n + (end - a)) > b->sentences)
        return 0;
    if (b->words && sel->words + words > b->words)
        return 0;
    return !b->bytes || sel->bytes + bytes - (sel->n ? 0 : 1) <= b->bytes;
}

int budget_full(const budget *b, const selection *sel)
{
    if (b->deadline > 0 && clock_now() > b->deadline)
        return 1;
    return (b->sentences && (long)sel->n >= b->sentences) || (b->words && sel->words >= b->words) ||
           (b->bytes && sel->bytes >= b->bytes) || sel->cut_words > 0;
}

int selection_add(selection *sel, const model *m, size_t i, double score)
{
    if (GROW(sel->idx, sel->cap, sel->n + 1))
        return -1;
    /* score grows alongside idx, to the same capacity. */
    double *sc = xrealloc(sel->score, sel->cap * sizeof *sc);
    if (!sc)
        return -1;
    sel->score = sc;
    sel->bytes += (sel->n ? 1 : 0) + sentence_bytes(m, i);
    sel->idx[sel->n] = i;
    sel->score[sel->n++] = score;
    sel->words += m->sents[i].nwords;
    return 0;
}

void selection_free(selection *sel)
{
    xfree(sel->idx);
    xfree(sel->score);
    sel->idx = NULL;
    sel->score = NULL;
    sel->n = sel->cap = 0;
}
