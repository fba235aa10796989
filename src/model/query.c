#include "model/query.h"
#include "core/alloc.h"
#include "model/model.h"
#include "model/numbers.h"
#include "newsfuse.h"
#include "text/tokens.h"
#include <math.h>
#include <string.h>

/* Reading a query: the model and the previous word (folded), for the
 * cues of a question about a count. */
struct query_ctx {
    model *m;
    char prev[8];
};

/* Returns 1 if the folded word w[0..n) equals s. */
static int word_is(const char *w, size_t n, const char *s)
{
    return strlen(s) == n && !memcmp(w, s, n);
}

/* Returns 1 if the token, after the word prev, asks for a figure: "how
 * many", "how much", "number of", "toll". Sets *asks when the token itself
 * only asks ("many" of "how many": no word to look for in the reports). */
static int count_cue(const char *prev, const token *t, int *asks)
{
    const char *w = t->folded;
    size_t n = t->folded_len;
    *asks = !strcmp(prev, "how") && (word_is(w, n, "many") || word_is(w, n, "much"));
    return *asks || (!strcmp(prev, "number") && word_is(w, n, "of")) || word_is(w, n, "toll") ||
           word_is(w, n, "tolls");
}

static int on_query_token(const token *t, void *arg)
{
    struct query_ctx *c = arg;
    model *m = c->m;
    int asks;
    if (count_cue(c->prev, t, &asks))
        m->query_answer = QUERY_ANSWER_COUNT;
    /* a number word is looked for as itself and, where the model writes
     * numbers as digits (update mode), as its digits */
    const char *digits = number_word_digits(t->folded, t->folded_len);
    int64_t id = vocab_find(&m->voc, t->form, t->len);
    if (id < 0 && digits)
        id = vocab_find(&m->voc, digits, strlen(digits));
    if (id >= 0 && !t->stop && !asks && !m->in_query[id]) {
        m->in_query[id] = 1;
        m->nquery++;
    }
    size_t n = t->folded_len < sizeof c->prev ? t->folded_len : 0;
    memcpy(c->prev, t->folded, n);
    c->prev[n] = '\0';
    return 0;
}

/* Marks, in figure[], the term of the number word the tokenizer hands
 * over (its stemmed form, as the model interned it). */
static int on_figure_word(const token *t, void *arg)
{
    const model *m = ((void **)arg)[0];
    uint8_t *figure = ((void **)arg)[1];
    int64_t id = vocab_find(&m->voc, t->form, t->len);
    if (id >= 0)
        figure[id] = 1;
    return 0;
}

/* Returns per term 1 if it writes a figure (digits that are no year, a
 * number word), or NULL when out of memory. */
static uint8_t *figure_terms(const model *m, tokenizer *tk)
{
    uint8_t *figure = xcalloc(m->voc.nterms + 1, 1);
    if (!figure)
        return NULL;
    for (size_t t = 0; t < m->voc.nterms; t++)
        figure[t] = (uint8_t)number_is_digits(m->voc.terms[t].s, m->voc.terms[t].len);
    const char *w;
    void *arg[2] = {(void *)m, figure};
    for (size_t i = 0; (w = number_figure_word(i)); i++)
        if (tokenizer_each(tk, w, strlen(w), on_figure_word, arg)) {
            xfree(figure);
            return NULL;
        }
    return figure;
}

/* How much sentence s gives the figure a question about a count asks
 * for (query.h): 1, 0.5 or 0. */
static double figure_answer(const model *m, const uint8_t *figure, const msent *s)
{
    const uint32_t *tok = m->toks + s->tok;
    int found = 0, asked = 0;
    for (uint32_t k = 0; k < s->ntok; k++) {
        asked |= m->in_query[tok[k]];
        if (!figure[tok[k]])
            continue;
        found = 1;
        uint32_t lo = k > QUERY_FIGURE_WINDOW ? k - QUERY_FIGURE_WINDOW : 0;
        uint32_t hi = k + QUERY_FIGURE_WINDOW < s->ntok ? k + QUERY_FIGURE_WINDOW : s->ntok - 1;
        for (uint32_t j = lo; j <= hi; j++)
            if (m->in_query[tok[j]])
                return 1;
    }
    return found && asked ? 0.5 : 0;
}

/* Fills m->query_rel (query.h); figure is NULL unless a count is asked.
 * The query's terms are few: each gets a slot (qi[term] = slot + 1) for
 * its weight and the last sentence that held it. Returns NF_OK or
 * NF_ENOMEM. */
static int query_relevance(model *m, const uint8_t *figure)
{
    size_t nq = m->nquery < UINT16_MAX ? m->nquery : UINT16_MAX - 1;
    m->query_rel = xcalloc(m->nsents ? m->nsents : 1, sizeof *m->query_rel);
    uint16_t *qi = xcalloc(m->voc.nterms + 1, sizeof *qi);
    double *w = xcalloc(nq + 1, sizeof *w);
    size_t *last = xcalloc(nq + 1, sizeof *last); /* sentence + 1 */
    int rc = m->query_rel && qi && w && last ? NF_OK : NF_ENOMEM;
    for (size_t t = 0, q = 0; rc == NF_OK && t < m->voc.nterms && q < nq; t++)
        if (m->in_query[t])
            qi[t] = (uint16_t)++q;
    /* The query terms' idf over the new reports' sentences. */
    size_t n = 0;
    for (size_t i = 0; rc == NF_OK && i < m->nsents; i++) {
        const msent *s = &m->sents[i];
        if (s->seen || s->debris)
            continue;
        n++;
        for (uint32_t k = 0; k < s->ntok; k++) {
            uint16_t q = qi[m->toks[s->tok + k]];
            if (q && last[q] != i + 1)
                last[q] = i + 1, w[q] += 1;
        }
    }
    double total = 0, heaviest = 0;
    for (size_t q = 1; rc == NF_OK && q <= nq; q++) {
        if (w[q] > 0)
            w[q] = log((double)(n + 1) / w[q]);
        total += w[q];
        if (w[q] > heaviest)
            heaviest = w[q];
    }
    double slot = figure ? heaviest : 0; /* the figure asked for */
    total += slot;
    /* last[] now marks sentence + 1 + nsents: no clearing needed */
    for (size_t i = 0; rc == NF_OK && total > 0 && i < m->nsents; i++) {
        const msent *s = &m->sents[i];
        double got = 0;
        size_t mark = i + 1 + m->nsents;
        for (uint32_t k = 0; k < s->ntok; k++) {
            uint16_t q = qi[m->toks[s->tok + k]];
            if (q && last[q] != mark) { /* each term once a sentence */
                got += w[q];
                last[q] = mark;
            }
        }
        if (slot > 0)
            got += slot * figure_answer(m, figure, s);
        m->query_rel[i] = got / total;
    }
    xfree(qi), xfree(w), xfree(last);
    return rc;
}

int model_set_query(model *m, tokenizer *tk, const char *query)
{
    xfree(m->in_query), xfree(m->query_rel);
    m->query_rel = NULL;
    m->nquery = 0;
    m->query_answer = QUERY_ANSWER_ANY;
    m->in_query = xcalloc(m->voc.nterms + 1, 1);
    if (!m->in_query)
        return NF_ENOMEM;
    struct query_ctx c = {m, ""};
    numbers_init();
    if (tokenizer_each(tk, query, strlen(query), on_query_token, &c))
        return NF_ENOMEM;
    uint8_t *figure = NULL;
    if (m->query_answer == QUERY_ANSWER_COUNT && !(figure = figure_terms(m, tk)))
        return NF_ENOMEM;
    int rc = query_relevance(m, figure);
    xfree(figure);
    return rc;
}
