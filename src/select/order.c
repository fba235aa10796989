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
}
