/* nf_summarize: model the document set, let the chosen method select under
 * the budget, order for reading, and record sources and warnings. */
#include "api/api.h"
#include "core/alloc.h"
#include "facts/facts.h"
#include "select/corroborate.h"
#include "select/methods.h"
#include "select/summary.h"
#include "text/clean.h"
#include "text/tokens.h"
#include "core/utf8.h"
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int summary_warn(struct nf_summary *s, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    utf8_cut_invalid(msg); /* a cut or a raw file-name id must not reach JSON */
    if (GROW(s->warnings, s->wcap, s->nwarnings + 1))
        return NF_ENOMEM;
    const char *w = arena_strndup(&s->mem, msg, strlen(msg));
    if (!w)
        return NF_ENOMEM;
    s->warnings[s->nwarnings++] = w;
    return NF_OK;
}

/* Byte length of the first `words` white-space words of s[0..n). */
static size_t prefix_words(const char *s, size_t n, long words)
{
    size_t i = 0;
    for (long w = 0; i < n; w++) {
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            i++;
        if (w == words)
            break;
        while (i < n && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            i++;
    }
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t' || s[i - 1] == '\r'))
        i--;
    return i;
}

/* Records the sentences of other reports that corroborate summary
 * sentence o (model sentence i). */
static int fill_corroboration(nf_summary *out, const model *m, size_t i, uint8_t *mark, ssent *o)
{
    corroboration c = {0};
    if (corroborate(m, i, mark, &c))
        return NF_ENOMEM;
    o->support = c.ndocs;
    o->corr = arena_alloc(&out->mem, (c.n ? c.n : 1) * sizeof *o->corr);
    for (size_t k = 0; o->corr && k < c.n; k++) {
        const msent *x = &m->sents[c.sents[k]];
        const document *d = model_document(m, x);
        o->corr[k] = (sspan){x->doc, utf8_original_offset(d->fixes, d->nfixes, x->start),
                             utf8_original_offset(d->fixes, d->nfixes, x->end)};
    }
    o->ncorr = c.n;
    corroboration_free(&c);
    return o->corr ? NF_OK : NF_ENOMEM;
}

/* Copies the chosen sentences into the summary with original offsets. */
/* Copies chosen sentence k into the summary with original offsets. */
static int fill_one(nf_summary *out, const model *m, const selection *sel, size_t k, uint8_t *mark)
{
    const msent *s = &m->sents[sel->idx[k]];
    const document *d = &m->ds->docs[s->doc];
    int cut = sel->cut_words > 0 && sel->idx[k] == sel->cut_sent;
    size_t len = s->end - s->start;
    if (cut)
        len = prefix_words(d->text + s->start, len, sel->cut_words);
    ssent *o = &out->sents[out->n++];
    o->text = arena_strndup(&out->mem, d->text + s->start, len);
    if (!o->text)
        return NF_ENOMEM;
    o->len = len, o->doc = s->doc, o->score = sel->score[k];
    o->start = utf8_original_offset(d->fixes, d->nfixes, s->start);
    o->end = utf8_original_offset(d->fixes, d->nfixes, s->start + len);
    out->words_out += (size_t)(cut ? sel->cut_words : (long)s->nwords);
    return fill_corroboration(out, m, sel->idx[k], mark, o);
}

static int fill_sentences(nf_summary *out, const model *m, const selection *sel)
{
    out->sents = arena_alloc(&out->mem, (sel->n ? sel->n : 1) * sizeof *out->sents);
    uint8_t *mark = xcalloc(m->voc.nterms + 1, 1);
    int rc = out->sents && mark ? NF_OK : NF_ENOMEM;
    for (size_t k = 0; rc == NF_OK && k < sel->n; k++)
        rc = fill_one(out, m, sel, k, mark);
    xfree(mark);
    return rc;
}

/* Documents named one by one in the invalid-UTF-8 warnings; the rest are
 * summed up in one more, so 10,000 bad reports make no 10,000 warnings. */
#define WARN_REPAIRED_DOCS 5

/* Warns about the invalid UTF-8 repaired in each document (reports and
 * seen reports): which document, how many sequences, the byte offset of
 * the first in its original text. Returns NF_OK or NF_ENOMEM. */
static int warn_repairs(nf_summary *out, const nf_docset *ds)
{
    size_t named = 0, more_docs = 0, more_seqs = 0, in_docs = 0;
    int rc = NF_OK;
    for (size_t i = 0; rc == NF_OK && i < ds->ndocs + ds->nseen; i++) {
        const document *d = i < ds->ndocs ? &ds->docs[i] : &ds->seen[i - ds->ndocs];
        in_docs += d->nfixes;
        if (!d->nfixes)
            continue;
        if (named == WARN_REPAIRED_DOCS) {
            more_docs++, more_seqs += d->nfixes;
            continue;
        }
        named++;
        rc = summary_warn(out, "%sdocument \"%s\": replaced %zu invalid UTF-8 sequence(s) with U+FFFD "
                          "(the first at byte %zu)", i < ds->ndocs ? "" : "seen ", d->id, d->nfixes,
                          utf8_original_offset(d->fixes, d->nfixes, d->fixes[0].at));
    }
    if (rc == NF_OK && more_docs)
        rc = summary_warn(out, "replaced %zu more invalid UTF-8 sequence(s) in %zu more document(s)",
                          more_seqs, more_docs);
    /* JSON input is repaired as a whole line before it is parsed, so its
     * repairs belong to no one document. */
    if (rc == NF_OK && ds->replaced > in_docs)
        rc = summary_warn(out, "replaced %zu invalid UTF-8 sequence(s) with U+FFFD in the JSON input",
                          ds->replaced - in_docs);
    return rc;
}

/* qsort order of documents by id, ties by position (deterministic). */
static int cmp_doc_ids(const void *a, const void *b)
{
    const document *x = *(const document *const *)a, *y = *(const document *const *)b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x > y) - (x < y);
}

/* Warns when two reports share an id: sources named by id are then
 * ambiguous. Names the first such id and its first two documents (by
 * index, as the output numbers them), and counts the others. Returns
 * NF_OK or NF_ENOMEM. */
static int warn_duplicate_ids(nf_summary *out, const nf_docset *ds)
{
    if (ds->ndocs < 2)
        return NF_OK;
    const document **by_id = xmalloc(ds->ndocs * sizeof *by_id);
    if (!by_id)
        return NF_ENOMEM;
    for (size_t i = 0; i < ds->ndocs; i++)
        by_id[i] = &ds->docs[i];
    qsort(by_id, ds->ndocs, sizeof *by_id, cmp_doc_ids);
    const document *first = NULL, *second = NULL;
    size_t ids = 0;
    for (size_t i = 1; i < ds->ndocs; i++) {
        if (strcmp(by_id[i - 1]->id, by_id[i]->id))
            continue;
        ids += i == 1 || strcmp(by_id[i - 2]->id, by_id[i]->id);
        if (!first || by_id[i - 1] < first)
            first = by_id[i - 1], second = by_id[i];
    }
    xfree(by_id);
    if (!ids)
        return NF_OK;
    return summary_warn(out, "duplicate document id \"%s\" (documents %zu and %zu%s): sources given "
                        "by id are ambiguous", first->id, (size_t)(first - ds->docs),
                        (size_t)(second - ds->docs), ids > 1 ? ", and more ids used twice" : "");
}

static int warn_input(nf_summary *out, const nf_docset *ds, const model *m)
{
    int rc = warn_repairs(out, ds);
    if (!rc)
        rc = warn_duplicate_ids(out, ds);
    if (!rc && m->truncated)
        rc = summary_warn(out, "input cut at %zu sentences (max_sentences)", m->max_sentences);
    if (!rc && m->docs_cut)
        rc = summary_warn(out, "%zu document(s) cut at %zu bytes (max_document_bytes)", m->docs_cut,
                          m->max_doc_bytes);
    if (!rc && m->timed_out)
        rc = summary_warn(out, "time limit of %g s reached while reading the reports: %zu sentence(s) "
                          "read, %zu document(s) left unread (max_seconds)", out->opts.max_seconds,
                          m->nsents, m->docs_unread);
    if (!rc && ds->ndocs == 0)
        rc = summary_warn(out, "no documents");
    else if (!rc && m->nsents == 0)
        rc = summary_warn(out, "the documents hold no sentence");
    return rc;
}

/* When the time limit ran out before the method chose anything, the lead
 * baselines (linear in the sentences, no deadline) still give a summary:
 * the first report's lead, else the first sentence of every report in
 * turn. Sets *fell_back; returns NF_OK or NF_ENOMEM. */
static int select_lead_fallback(const model *m, budget *b, const nf_summary *out, selection *sel,
                                int *fell_back)
{
    *fell_back = 0;
    if (sel->n || b->deadline <= 0 || clock_now() <= b->deadline || !m->nsents)
        return NF_OK;
    *fell_back = 1;
    b->deadline = 0;
    sel->note[0] = '\0';
    if (method_lead(m, b, &out->opts, sel))
        return NF_ENOMEM;
    return sel->n || !method_lead_rr(m, b, &out->opts, sel) ? NF_OK : NF_ENOMEM;
}

/* Warns that max_seconds cut the selection (fell_back: the lead stood in). */
static int warn_deadline(nf_summary *out, int fell_back)
{
    if (fell_back)
        return summary_warn(out, "time limit of %g s reached before method %s chose a sentence: "
                            "the summary takes the lead sentences instead (max_seconds)",
                            out->opts.max_seconds, out->opts.method);
    return summary_warn(out, "time limit of %g s reached: the summary may be short (max_seconds)",
                        out->opts.max_seconds);
}

/* Runs the method over a built model and fills the summary; the time
 * limit counts from start. */
static int summarize_model(nf_summary *out, const model *m, double start)
{
    budget b;
    selection sel = {0};
    int fell_back = 0;
    budget_from_options(&b, &out->opts, m);
    if (out->opts.max_seconds > 0)
        b.deadline = start + out->opts.max_seconds;
    double deadline = b.deadline;
    int rc = method_find(out->opts.method)(m, &b, &out->opts, &sel) ? NF_ENOMEM : NF_OK;
    if (rc == NF_OK)
        rc = select_lead_fallback(m, &b, out, &sel, &fell_back);
    if (rc == NF_OK && !out->opts.order_by_rank)
        order_for_reading(m, &sel);
    if (rc == NF_OK)
        rc = fill_sentences(out, m, &sel);
    if (rc == NF_OK && deadline > 0 && (fell_back || clock_now() > deadline))
        rc = warn_deadline(out, fell_back);
    if (rc == NF_OK && sel.note[0])
        rc = summary_warn(out, "%s", sel.note);
    if (rc == NF_OK && sel.n == 0 && m->nsents > 0)
        rc = summary_warn(out, "no sentence fits the budget or passes the filters");
    selection_free(&sel);
    return rc;
}

int nf_summarize(const nf_docset *ds, const nf_options *opts, nf_summary **result)
{
    if (!result)
        return NF_EINVAL;
    *result = NULL;
    if (!ds)
        return NF_EINVAL;
    unsigned long failures0 = alloc_failures();
    nf_summary *out = xcalloc(1, sizeof *out);
    if (!out)
        return NF_ENOMEM;
    out->ds = ds; /* borrowed: the caller keeps it for as long as the summary */
    if (opts)
        out->opts = *opts;
    else
        options_defaults(&out->opts);
    double start = clock_now();
    tokenizer *own = NULL, *tk = NULL;
    model m = {0};
    int rc = api_read(&m, ds, &out->opts, start, &tk, &own);
    /* An explicit query wins; else a query-focused set's topic is used. */
    const char *query = out->opts.query[0] ? out->opts.query : ds->topic;
    if (rc == NF_OK && query && *query) {
        rc = model_set_query(&m, tk, query);
        out->query = arena_strndup(&out->mem, query, strlen(query));
        if (!out->query)
            rc = NF_ENOMEM;
    }
    if (rc == NF_OK)
        rc = warn_input(out, ds, &m);
    out->ndocs = ds->ndocs, out->nseen = ds->nseen, out->nsents_in = m.nsents, out->words_in = m.total_words;
    if (rc == NF_OK)
        rc = summarize_model(out, &m, start);
    out->opts.clock_start = start; /* the sheet's time is what the summary left */
    if (rc == NF_OK && out->opts.facts) /* the sheet reads the summary's model */
        rc = facts_from_model(&m, &out->opts, &out->facts);
    model_free(&m);
    tokenizer_free(own);
    if (alloc_failures() != failures0) /* a callee absorbed a failure */
        rc = NF_ENOMEM;
    if (rc == NF_ENOMEM) {
        nf_summary_free(out);
        return rc;
    }
    *result = out;
    return out->n ? NF_OK : NF_EEMPTY;
}

void nf_summary_free(nf_summary *s)
{
    if (!s)
        return;
    xfree(s->warnings);
    nf_facts_free(s->facts);
    arena_free(&s->mem);
    xfree(s);
}

size_t nf_summary_count(const nf_summary *s) { return s ? s->n : 0; }
size_t nf_summary_warning_count(const nf_summary *s) { return s ? s->nwarnings : 0; }

const char *nf_summary_warning(const nf_summary *s, size_t i)
{
    return s && i < s->nwarnings ? s->warnings[i] : NULL;
}

int nf_summary_sentence(const nf_summary *s, size_t i, const char **text, size_t *len,
                        size_t *doc, size_t *start, size_t *end, double *score)
{
    if (!s || i >= s->n)
        return NF_EINVAL;
    const ssent *x = &s->sents[i];
    if (text) *text = x->text;
    if (len) *len = x->len;
    if (doc) *doc = x->doc;
    if (start) *start = x->start;
    if (end) *end = x->end;
    if (score) *score = x->score;
    return NF_OK;
}

/* Which summaries depend on the clock: newsfuse batch promises the same
 * bytes whatever -j is, which holds for every event no time limit cut.
 * The warnings say so, so they are read here, in one place. */
/* Marks of the warnings a time limit leaves (src/select): max_seconds,
 * and the ILP solver's own limit. */
static const char *const timing_marks[] = {"(max_seconds)", "no optimal solution within", NULL};

int nf_summary_timed(const nf_summary *s)
{
    size_t n = s ? nf_summary_warning_count(s) : 0;
    for (size_t i = 0; i < n; i++) {
        const char *w = nf_summary_warning(s, i);
        for (int k = 0; w && timing_marks[k]; k++)
            if (strstr(w, timing_marks[k]))
                return 1;
    }
    return 0;
}
