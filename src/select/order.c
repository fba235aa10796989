#include "model/standalone.h"
#include "select/select.h"
#include <string.h>

/* Reading order of sentences a and b: by date when both documents have
 * one, then document, then position. */
static int cmp_reading(const model *m, size_t a, size_t b)
{
    const msent *x = &m->sents[a], *y = &m->sents[b];
    const char *dx = m->ds->docs[x->doc].date, *dy = m->ds->docs[y->doc].date;
    if (dx && dy && x->doc != y->doc) {
        int c = strcmp(dx, dy);
        if (c)
            return c;
    }
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The end of the block of summary positions starting at p: sentences
 * that follow each other in one report (a unit stays whole). */
static size_t block_end(const model *m, const selection *sel, size_t p)
{
    size_t e = p + 1;
    while (e < sel->n && sel->idx[e] == sel->idx[e - 1] + 1 &&
           m->sents[sel->idx[e]].doc == m->sents[sel->idx[e - 1]].doc)
        e++;
    return e;
}

/* Returns 1 if summary sentence at position q names in full the surname
 * sur[0..sl). */
static int names_in_full(const model *m, const selection *sel, size_t q, const char *sur, size_t sl)
{
    const msent *x = &m->sents[sel->idx[q]];
    return standalone_names_in_full(model_document(m, x)->text + x->start, x->end - x->start, sur, sl);
}

/* Moves positions [a, b) of sel to position to (< a), keeping order. */
static void move_block(selection *sel, size_t to, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        size_t id = sel->idx[k];
        double sc = sel->score[k];
        for (size_t j = k; j > to + (k - a); j--) {
            sel->idx[j] = sel->idx[j - 1];
            sel->score[j] = sel->score[j - 1];
        }
        sel->idx[to + (k - a)] = id;
        sel->score[to + (k - a)] = sc;
    }
}

/* A summary sentence that names a person by surname only after its report
 * introduced them (standalone_intro, asked of the summary's sentences
 * only) comes after one that names them in full, when the summary has
 * one: the block holding the first such sentence after it moves before
 * its block. */
static void introduce_before_surnames(const model *m, selection *sel)
{
    size_t moves = 0; /* two sentences that each name in full whom the other
                         names by surname cannot both come first: bounded */
    for (size_t p = 0; p < sel->n && moves < sel->n; p++) {
        const msent *s = &m->sents[sel->idx[p]];
        size_t off, sl;
        if (standalone_intro(m, sel->idx[p], &off, &sl) < 0)
            continue;
        const char *sur = model_document(m, s)->text + s->start + off;
        size_t q = 0;
        while (q < p && !names_in_full(m, sel, q, sur, sl))
            q++;
        if (q < p)
            continue; /* named in full before */
        for (q = p + 1; q < sel->n && !names_in_full(m, sel, q, sur, sl); q++)
            ;
        if (q == sel->n)
            continue;
        size_t a = 0; /* the start of p's block */
        for (size_t e = 0; e <= p; e = block_end(m, sel, e))
            a = e;
        size_t qa = q; /* the start of q's block */
        for (size_t e = 0; e <= q; e = block_end(m, sel, e))
            qa = e;
        if (qa > a) {
            move_block(sel, a, qa, block_end(m, sel, qa));
            p = a; /* look again from the moved block on */
            moves++;
        }
    }
}

void order_for_reading(const model *m, selection *sel)
{
    /* Insertion sort of (index, score) pairs: a summary is a handful of
     * sentences, and the sort is stable, so the order is deterministic. */
    for (size_t i = 1; i < sel->n; i++) {
        size_t id = sel->idx[i];
        double s = sel->score[i];
        size_t j = i;
        for (; j > 0 && cmp_reading(m, sel->idx[j - 1], id) > 0; j--) {
            sel->idx[j] = sel->idx[j - 1];
            sel->score[j] = sel->score[j - 1];
        }
        sel->idx[j] = id;
        sel->score[j] = s;
    }
    introduce_before_surnames(m, sel);
}
