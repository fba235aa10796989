#include "select/corroborate.h"
#include "core/alloc.h"
#include <math.h>

/* Marks sentence i's content terms in mark, each by its canonical form
 * (model.ctoks: "fourteen" is "14", "dead" is "killed"); returns how many
 * distinct. (A canonical term is a stop word only when it is itself.) */
static size_t mark_terms(const model *m, size_t i, uint8_t *mark, uint8_t value)
{
    const msent *s = &m->sents[i];
    size_t n = 0;
    for (uint32_t k = 0; k < s->ntok; k++) {
        uint32_t t = m->ctoks[s->tok + k];
        if (!m->voc.terms[t].stop && mark[t] != value) {
            mark[t] = value;
            n++;
        }
    }
    return n;
}

/* Cosine of the content-term sets of sentence j and the marked sentence
 * (na distinct terms). Each distinct term of j is counted once. */
static double overlap(const model *m, size_t j, uint8_t *mark, size_t na)
{
    const msent *s = &m->sents[j];
    size_t nb = 0, both = 0;
    for (uint32_t k = 0; k < s->ntok; k++) {
        uint32_t t = m->ctoks[s->tok + k];
        if (m->voc.terms[t].stop || mark[t] & 2)
            continue;
        mark[t] |= 2; /* seen in j */
        nb++;
        both += mark[t] & 1;
    }
    for (uint32_t k = 0; k < s->ntok; k++)
        mark[m->ctoks[s->tok + k]] &= 1;
    return na && nb ? (double)both / sqrt((double)na * (double)nb) : 0;
}

static int push(corroboration *c, size_t j)
{
    if (GROW(c->sents, c->cap, c->n + 1))
        return -1;
    c->sents[c->n++] = (uint32_t)j;
    return 0;
}

int corroborate(const model *m, size_t i, uint8_t *mark, corroboration *out)
{
    const msent *s = &m->sents[i];
    size_t na = mark_terms(m, i, mark, 1);
    uint32_t last_doc = UINT32_MAX;
    int rc = 0;
    for (size_t j = 0; j < m->nsents && !rc; j++) {
        const msent *o = &m->sents[j];
        if (o->doc == s->doc || o->seen || o->debris)
            continue;
        /* Sentences are in document order: once a report has given one, the
         * rest of it is passed over (a report repeating a line 100,000 times
         * makes one entry, not 100,000: the list stays within the reports). */
        if (o->doc == last_doc)
            continue;
        int same = o->dup_of == (int32_t)i || overlap(m, j, mark, na) >= CORROBORATE_MIN_COSINE;
        if (!same)
            continue;
        rc = push(out, j);
        out->ndocs++, last_doc = o->doc;
    }
    mark_terms(m, i, mark, 0);
    return rc;
}

void corroboration_free(corroboration *c)
{
    xfree(c->sents);
    c->sents = NULL;
    c->n = c->cap = 0;
}
