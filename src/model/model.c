#include "model/model.h"
#include "core/clock.h"
#include "model/forms.h"
#include "model/numbers.h"
#include "model/redundancy.h"
#include "model/standalone.h"
#include "core/alloc.h"
#include "text/clean.h"
#include "text/sentences.h"
#include "text/tokens.h"
#include <string.h>

struct tok_ctx {
    model *m;
    uint32_t doc;
    int seen; /* seen reports add terms but no counts */
};

/* Sets the canonical form of new term id from its token t (forms.h): the
 * term of the other form, interned (counted nowhere) when not met yet, or
 * the term itself. Returns 0 or -1 (OOM). */
static int set_canon(model *m, uint32_t id, const token *t)
{
    const char *form = t->stop ? NULL : forms_canonical(t->folded, t->folded_len);
    int64_t c = id;
    if (form && (c = vocab_intern(&m->voc, &m->mem, form, strlen(form), 0)) < 0)
        return -1;
    if (!m->voc.terms[c].canon)
        m->voc.terms[c].canon = (uint32_t)c + 1;
    m->voc.terms[id].canon = (uint32_t)c + 1;
    return 0;
}

/* Counts term id (of token t) once more and appends it. */
static inline int add_term(struct tok_ctx *c, int64_t id, const token *t)
{
    model *m = c->m;
    if (id < 0 || GROW(m->toks, m->tokcap, m->ntoks + 1))
        return -1;
    if (!m->voc.terms[id].canon && set_canon(m, (uint32_t)id, t))
        return -1;
    term *tm = &m->voc.terms[id];
    if (!c->seen)
        tm->cf++;
    if (!c->seen && tm->last_doc != c->doc + 1) {
        tm->last_doc = c->doc + 1;
        tm->df++;
    }
    m->toks[m->ntoks++] = (uint32_t)id;
    return 0;
}

/* Tokenizer callback: interns the term, counts it, appends its id. */
static int on_token(const token *t, void *arg)
{
    struct tok_ctx *c = arg;
    model *m = c->m;
    return add_term(c, vocab_intern_hashed(&m->voc, &m->mem, t->form, t->len, t->form_hash, t->stop), t);
}

/* on_token in update mode: a number word is interned as its digits
 * (model/numbers.h), so "fourteen" read and "14" new are one term. (No
 * number word is a stop word: those are not looked up.) */
static int on_token_numbers(const token *t, void *arg)
{
    struct tok_ctx *c = arg;
    model *m = c->m;
    const char *digits = t->stop ? NULL : number_word_digits(t->folded, t->folded_len);
    if (!digits)
        return on_token(t, arg);
    return add_term(c, vocab_intern(&m->voc, &m->mem, digits, strlen(digits), 0), t);
}

static uint32_t count_words(const char *s, size_t n)
{
    uint32_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* A sentence that does not end with . ! ? (possibly inside closing quotes
 * or brackets) or that starts with a lower-case ASCII letter is a headline,
 * a caption or a piece of a broken line, not a sentence to quote alone. */
static uint8_t is_fragment(const char *s, size_t n)
{
    if (n == 0 || (s[0] >= 'a' && s[0] <= 'z'))
        return 1;
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ')
            n--;
        else if (n >= 3 && c >= 0x80 && (unsigned char)s[n - 3] == 0xE2 &&
                 (unsigned char)s[n - 2] == 0x80 && (c == 0x9D || c == 0x99))
            n -= 3; /* closing curly quotes U+201D, U+2019 */
        else
            break;
    }
    return !(n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?'));
}

/* Adds sentence [start, end) of document d at position pos. */
static int add_sentence(model *m, tokenizer *tk, const cleaner *cl, uint32_t d, uint32_t pos,
                        span sp)
{
    int seen = d >= m->ds->ndocs;
    const char *text = seen ? m->ds->seen[d - m->ds->ndocs].text : m->ds->docs[d].text;
    if (GROW(m->sents, m->cap, m->nsents + 1))
        return -1;
    msent *s = &m->sents[m->nsents];
    memset(s, 0, sizeof *s);
    s->doc = d, s->pos = pos, s->dup_of = -1, s->seen = (uint8_t)seen;
    s->debris = (uint8_t)cleaner_debris(cl, text + sp.start, sp.end - sp.start);
    size_t skip = cleaner_dateline(cl, text + sp.start, sp.end - sp.start);
    s->start = sp.start + skip, s->end = sp.end;
    s->question = text[sp.end - 1] == '?' ||
                  (sp.end - sp.start >= 2 && text[sp.end - 2] == '?' && text[sp.end - 1] == '"');
    s->fragment = is_fragment(text + s->start, s->end - s->start);
    int lean = m->standalone & MODEL_SA_OPENERS ? standalone_opener(text + s->start, s->end - s->start) : 0;
    if (lean < 0)
        return -1;
    s->leans = (uint8_t)lean;
    s->nwords = count_words(text + s->start, s->end - s->start);
    s->tok = (uint32_t)m->ntoks;
    struct tok_ctx c = {m, d, seen};
    if (tokenizer_each(tk, text + s->start, s->end - s->start, m->ds->nseen ? on_token_numbers : on_token, &c))
        return -1;
    s->ntok = (uint32_t)(m->ntoks - s->tok);
    if (!seen)
        m->total_words += s->nwords;
    m->nsents++;
    return 0;
}

/* Sentences read between two looks at the clock (a look costs little,
 * but there are up to max_sentences sentences). */
#define DEADLINE_EVERY 1024

/* Returns 1 if the reading deadline has passed (then sets m->timed_out). */
static int past_deadline(model *m)
{
    if (!m->timed_out && m->deadline > 0 && clock_now() > m->deadline)
        m->timed_out = 1;
    return m->timed_out;
}

static int add_document(model *m, tokenizer *tk, const cleaner *cl, uint32_t d)
{
    span_vec v = {0};
    const document *dc = d >= m->ds->ndocs ? &m->ds->seen[d - m->ds->ndocs] : &m->ds->docs[d];
    size_t len = dc->len;
    if (m->max_doc_bytes && len > m->max_doc_bytes) {
        len = m->max_doc_bytes;
        while (len > 0 && ((unsigned char)dc->text[len] & 0xC0) == 0x80)
            len--; /* never cut inside a character */
        m->docs_cut++;
    }
    if (sentences_split(dc->text, len, &v)) {
        span_vec_free(&v);
        return -1;
    }
    size_t first = m->nsents;
    for (size_t i = 0; i < v.len; i++) {
        if (m->max_sentences && m->nsents >= m->max_sentences) {
            m->truncated = 1;
            break;
        }
        if (i && i % DEADLINE_EVERY == 0 && past_deadline(m))
            break; /* the rest of this document is left unread */
        if (add_sentence(m, tk, cl, d, (uint32_t)i, v.items[i])) {
            span_vec_free(&v);
            return -1;
        }
    }
    for (size_t i = first; i < m->nsents; i++)
        m->sents[i].ndoc_sents = (uint32_t)(m->nsents - first);
    if ((m->standalone & MODEL_SA_QUOTES) && m->nsents > first) /* m->sents may be NULL */
        standalone_quotes(dc->text, m->sents + first, m->nsents - first);
    span_vec_free(&v);
    return 0;
}

/* Hash of a sentence's content tokens, for exact duplicate detection. */
static uint64_t sentence_hash(const model *m, const msent *s)
{
    return hash_bytes64(m->toks + s->tok, s->ntok * sizeof *m->toks);
}

/* Marks repeated sentences (same token sequence, e.g. wire copy) as
 * duplicates of the first and counts the other documents that repeat it. */
static int mark_duplicates(model *m)
{
    size_t nslots = 16;
    while (nslots < m->nsents * 2)
        nslots *= 2;
    int64_t *slot = xmalloc(nslots * sizeof *slot);
    if (!slot)
        return -1;
    memset(slot, 0xff, nslots * sizeof *slot);
    for (size_t i = 0; i < m->nsents; i++) {
        msent *s = &m->sents[i];
        if (s->ntok < 4)
            continue;
        size_t k = sentence_hash(m, s) & (nslots - 1);
        for (; slot[k] >= 0; k = (k + 1) & (nslots - 1)) {
            msent *o = &m->sents[slot[k]];
            if (o->ntok == s->ntok && !memcmp(m->toks + o->tok, m->toks + s->tok, s->ntok * 4))
                break;
        }
        if (slot[k] < 0) {
            slot[k] = (int64_t)i;
            continue;
        }
        s->dup_of = (int32_t)slot[k];
        if (s->doc != m->sents[slot[k]].doc)
            m->sents[slot[k]].support++;
    }
    xfree(slot);
    return 0;
}

/* Reads document d unless the deadline has passed (first: read it
 * anyway); returns 0 or -1 (OOM). */
static int read_document(model *m, tokenizer *tk, const cleaner *cl, uint32_t d, int first)
{
    if (!first && past_deadline(m)) {
        m->docs_unread++;
        return 0;
    }
    return add_document(m, tk, cl, d);
}

/* Fills m->ctoks: every token by its canonical term. 0 or -1 (OOM). */
static int canonical_tokens(model *m)
{
    m->ctoks = xmalloc((m->ntoks ? m->ntoks : 1) * sizeof *m->ctoks);
    if (!m->ctoks)
        return -1;
    for (size_t k = 0; k < m->ntoks; k++)
        m->ctoks[k] = model_canon(m, m->toks[k]);
    return 0;
}

int model_build(model *m, const nf_docset *ds, tokenizer *tk, const cleaner *cl,
                const model_limits *lim)
{
    memset(m, 0, sizeof *m);
    if (lim) {
        m->max_sentences = lim->max_sentences;
        m->max_doc_bytes = lim->max_doc_bytes;
        m->deadline = lim->deadline;
        m->background = lim->background;
        m->standalone = lim->standalone;
    }
    m->ds = ds;
    m->ndocs = ds->ndocs;
    if (forms_init()) /* for set_canon; it reads the numbers of on_token_numbers too */
        return NF_ENOMEM;
    for (size_t k = 0; k < ds->nseen; k++)
        if (read_document(m, tk, cl, (uint32_t)(ds->ndocs + k), 0))
            return NF_ENOMEM;
    for (uint32_t d = 0; d < ds->ndocs; d++)
        if (read_document(m, tk, cl, d, d == 0))
            return NF_ENOMEM;
    return canonical_tokens(m) || mark_duplicates(m) || redundancy_mark_near_duplicates(m, REDUNDANCY_MIN_JACCARD)
               ? NF_ENOMEM : NF_OK;
}

void model_free(model *m)
{
    xfree(m->in_query);
    xfree(m->query_rel);
    xfree(m->sents);
    xfree(m->toks);
    xfree(m->ctoks);
    vocab_free(&m->voc);
    arena_free(&m->mem);
    memset(m, 0, sizeof *m);
}

int model_sentence_usable_in_unit(const model *m, size_t i, uint32_t min_words)
{
    const msent *s = &m->sents[i];
    return !s->debris && !s->seen && s->dup_of < 0 && !s->question && !s->fragment &&
           s->nwords >= min_words && s->ntok > 0 && !(s->leans & LEANS_BROKEN);
}

int model_sentence_usable(const model *m, size_t i, uint32_t min_words)
{
    return model_sentence_usable_in_unit(m, i, min_words) && !m->sents[i].leans;
}

int model_sentence_member(const model *m, size_t i)
{
    const msent *s = &m->sents[i];
    return !s->debris && !s->seen && s->ntok > 0 && !(s->leans & LEANS_BROKEN);
}

const document *model_document(const model *m, const msent *s)
{
    return s->doc >= m->ds->ndocs ? &m->ds->seen[s->doc - m->ds->ndocs] : &m->ds->docs[s->doc];
}
