/* The sheet from the model of the reports (the one reading a summary
 * uses: the same sentences, cleaning and limits): every content sentence
 * read for figures, then grouped and labelled; the sheet's accessors.
 * nf_facts itself, which builds the model, is api/facts.c. */
#include "core/alloc.h"
#include "core/clock.h"
#include "core/options.h"
#include "facts/facts.h"
#include "ingest/docset.h"
#include "model/model.h"
#include "text/clean.h"
#include <pthread.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Adds a formatted warning to the sheet. Returns NF_OK or NF_ENOMEM. */
static int sheet_warn(nf_facts_sheet *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int sheet_warn(nf_facts_sheet *sh, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (GROW(sh->warnings, sh->warncap, sh->nwarnings + 1))
        return NF_ENOMEM;
    char *w = arena_strndup(&sh->mem, msg, strlen(msg));
    if (!w)
        return NF_ENOMEM;
    sh->warnings[sh->nwarnings++] = w;
    return NF_OK;
}

/* Marks the counts of document d's sentences that name a year before
 * the report's own: "in 1978, 20 people died" is another event, not a
 * figure of this one. A report without a date is taken to be about the
 * present, so any year it names in a sentence with counts is the past.
 * Only a year that anchors the sentence counts ("in 1978", "since 1978"),
 * not one inside a name ("the 1996 Nobel Peace Prize winner"). */
static void mark_past(nf_facts_sheet *sh, size_t first, const document *doc)
{
    double ref = doc->date ? (double)strtol(doc->date, NULL, 10) : 1e9;
    for (size_t i = first; i < sh->n; i++) {
        const figure *y = &sh->figs[i];
        if (y->kind != KIND_YEAR || y->lo >= ref || !y->anchor)
            continue;
        size_t a = i, b = i; /* a sentence's figures are contiguous */
        while (a > first && sh->figs[a - 1].sent_start == y->sent_start)
            a--;
        while (b < sh->n && sh->figs[b].sent_start == y->sent_start)
            sh->figs[b++].past = 1;
        while (a < i)
            sh->figs[a++].past = 1;
    }
}

/* What the sheet keeps and how long it may take (the model's reading
 * already honoured max_document_bytes and max_sentences), and what the
 * limits cut, for the warnings. */
typedef struct sheet_limits {
    size_t max_figures; /* 0 = no limit */
    double max_seconds, deadline; /* deadline: clock_now() time, 0 = none */
    size_t nsents;      /* sentences read for figures */
    size_t docs_unread; /* documents the deadline left out */
    int figs_cut, timed_out;
} sheet_limits;

/* Sentences read between two looks at the clock, as in model.c. */
#define DEADLINE_EVERY 1024

static void limits_from(sheet_limits *lim, const nf_options *o)
{
    memset(lim, 0, sizeof *lim);
    lim->max_figures = (size_t)o->max_figures;
    lim->max_seconds = o->max_seconds;
    if (o->max_seconds > 0)
        lim->deadline = (o->clock_start > 0 ? o->clock_start : clock_now()) + o->max_seconds;
}

/* Returns 1 if the deadline has passed (then sets lim->timed_out). */
static int past_deadline(sheet_limits *lim)
{
    if (!lim->timed_out && lim->deadline > 0 && clock_now() > lim->deadline)
        lim->timed_out = 1;
    return lim->timed_out;
}

/* Reads the figures of one sentence; a sentence that would take the sheet
 * past max_figures is dropped whole (its figures may point at each
 * other, never at a later sentence's), and reading stops. */
static int sentence_figures(nf_facts_sheet *sh, const lexicon *lx, sheet_limits *lim, uint32_t d,
                            const char *text, size_t s, size_t e)
{
    size_t before = sh->n;
    int rc = figures_sentence(sh, lx, d, text, s, e);
    if (rc == NF_OK)
        rc = incidents_sentence(sh, lx, before);
    if (rc == NF_OK && lim->max_figures && sh->n > lim->max_figures) {
        sh->n = before;
        lim->figs_cut = 1;
    }
    return rc;
}

/* Reads the figures of the model's sentences [from, to), all of report
 * d: the content ones (debris is skipped; datelines were cut when the
 * model read the report), until the figure cap or the deadline stops it. */
static int doc_figures(nf_facts_sheet *sh, const lexicon *lx, sheet_limits *lim, const model *m,
                       size_t from, size_t to)
{
    size_t first = sh->n;
    uint32_t d = m->sents[from].doc;
    const document *doc = &m->ds->docs[d];
    int rc = NF_OK;
    for (size_t i = from; rc == NF_OK && i < to && !lim->figs_cut; i++) {
        if (++lim->nsents % DEADLINE_EVERY == 0 && past_deadline(lim))
            break;
        const msent *x = &m->sents[i];
        if (x->debris == DEBRIS_NONE)
            rc = sentence_figures(sh, lx, lim, d, doc->text, x->start, x->end);
    }
    if (rc == NF_OK)
        mark_past(sh, first, doc);
    return rc;
}

/* Warns of what the limits cut, in the summary's words: the model's
 * reading, then the sheet's own cap and deadline. */
static int warn_limits(nf_facts_sheet *sh, const model *m, const sheet_limits *lim)
{
    int rc = NF_OK;
    if (lim->figs_cut)
        rc = sheet_warn(sh, "figure sheet cut at %zu figures: later sentences unread (max_figures is %zu; "
                            "the sentence that would pass it is left out whole)", sh->n, lim->max_figures);
    if (rc == NF_OK && m->truncated)
        rc = sheet_warn(sh, "input cut at %zu sentences (max_sentences)", m->max_sentences);
    if (rc == NF_OK && m->docs_cut)
        rc = sheet_warn(sh, "%zu document(s) cut at %zu bytes (max_document_bytes)", m->docs_cut,
                        m->max_doc_bytes);
    if (rc == NF_OK && (m->timed_out || lim->timed_out))
        rc = sheet_warn(sh, "time limit of %g s reached while reading the reports: %zu sentence(s) "
                        "read, %zu document(s) left unread (max_seconds)", lim->max_seconds,
                        lim->nsents, m->docs_unread + lim->docs_unread);
    return rc;
}

/* Reads the figures of every report the model holds, report by report
 * (the model keeps a report's sentences together; reports already read,
 * in update mode, are not this event's figures). The first report is
 * always begun, so a sheet exists even when a summary used up the time;
 * a later one is left unread once the deadline has passed or the cap was
 * reached. */
static int read_model(nf_facts_sheet *sh, const lexicon *lx, sheet_limits *lim, const model *m)
{
    int rc = NF_OK;
    int begun = 0;
    for (size_t i = 0, j; rc == NF_OK && i < m->nsents; i = j) {
        for (j = i + 1; j < m->nsents && m->sents[j].doc == m->sents[i].doc;)
            j++;
        if (m->sents[i].seen)
            continue;
        if (begun && (lim->figs_cut || past_deadline(lim))) {
            lim->docs_unread += !lim->figs_cut;
            continue;
        }
        begun = 1;
        rc = doc_figures(sh, lx, lim, m, i, j);
    }
    return rc;
}

static int sheet_build(nf_facts_sheet *sh, const model *m, const nf_options *opts)
{
    const lexicon *lx = lexicon_get();
    if (!lx)
        return NF_ENOMEM;
    const nf_docset *ds = m->ds;
    sheet_limits lim;
    limits_from(&lim, opts);
    int rc = read_model(sh, lx, &lim, m);
    xfree(sh->scratch);
    sh->scratch = NULL, sh->scratch_cap = 0;
    if (rc == NF_OK)
        rc = align_figures(sh, ds);
    if (rc == NF_OK)
        rc = warn_limits(sh, m, &lim);
    if (rc == NF_OK && ds->replaced)
        rc = sheet_warn(sh, "%zu invalid UTF-8 sequence%s replaced by U+FFFD", ds->replaced,
                        ds->replaced == 1 ? "" : "s");
    if (rc == NF_OK && !ds->ndocs)
        rc = sheet_warn(sh, "no reports");
    return rc;
}

int facts_from_model(const model *m, const nf_options *opts, nf_facts_sheet **out)
{
    *out = NULL;
    nf_facts_sheet *sh = xcalloc(1, sizeof *sh);
    if (!sh)
        return NF_ENOMEM;
    sh->ds = m->ds;
    sh->ndocs = m->ds->ndocs;
    if (sheet_build(sh, m, opts) != NF_OK) {
        nf_facts_free(sh);
        return NF_ENOMEM;
    }
    *out = sh;
    return NF_OK;
}

void nf_facts_free(nf_facts_sheet *sh)
{
    if (!sh)
        return;
    xfree(sh->figs);
    xfree(sh->warnings);
    xfree(sh->scratch);
    arena_free(&sh->mem);
    xfree(sh);
}

size_t nf_facts_figure_count(const nf_facts_sheet *sh) { return sh ? sh->n : 0; }
size_t nf_facts_group_count(const nf_facts_sheet *sh) { return sh ? sh->ngroups : 0; }
size_t nf_facts_warning_count(const nf_facts_sheet *sh) { return sh ? sh->nwarnings : 0; }

const char *nf_facts_warning(const nf_facts_sheet *sh, size_t i)
{
    return sh && i < sh->nwarnings ? sh->warnings[i] : NULL;
}

static const char *cue_name(int cue)
{
    return cue == CUE_UPDATE ? "update" : cue == CUE_PREVIOUS ? "previous" : "";
}

/* Offsets in document doc's stored text mapped to its original bytes. */
size_t facts_original_offset(const nf_docset *ds, size_t doc, size_t pos)
{
    const document *d = &ds->docs[doc];
    return utf8_original_offset(d->fixes, d->nfixes, pos);
}

/* The end of the struct's first version (its last field, place): a size
 * below it is no nf_figure. Later fields are only ever appended, so this
 * stays right when the struct grows. */
#define FIGURE_V1_SIZE (offsetof(nf_figure, place) + sizeof(const char *))

int nf_facts_figure(const nf_facts_sheet *sh, size_t i, nf_figure *out, size_t size)
{
    const nf_docset *ds = sh ? sh->ds : NULL;
    if (!sh || !ds || !out || size < FIGURE_V1_SIZE || i >= sh->n || sh->figs[i].doc >= ds->ndocs)
        return NF_EINVAL;
    const figure *f = &sh->figs[i];
    nf_figure v = {.doc = f->doc, .low = f->lo, .high = f->hi, .text = f->text,
                   .kind = facts_kind_name(f->kind), .qualifier = facts_qualifier_name(f->qual),
                   .counted = f->counted, .modifier = f->modifier, .event = f->event,
                   .speaker = f->speaker, .time = f->when, .cue = cue_name(f->cue),
                   .part_of = f->part_of, .group = f->group, .increment = f->increment,
                   .component = f->component, .place = f->place ? f->place : ""};
    v.start = facts_original_offset(ds, f->doc, f->start);
    v.end = facts_original_offset(ds, f->doc, f->end);
    v.sentence_start = facts_original_offset(ds, f->doc, f->sent_start);
    v.sentence_end = facts_original_offset(ds, f->doc, f->sent_end);
    /* The caller's version of the struct: what fits, and no more. */
    memcpy(out, &v, size < sizeof v ? size : sizeof v);
    return NF_OK;
}

int nf_facts_group(const nf_facts_sheet *sh, size_t g, const char **event, const char **counted,
                   const char **modifier, const char **label, size_t *nfigures)
{
    if (!sh || g >= sh->ngroups)
        return NF_EINVAL;
    const fgroup *x = &sh->groups[g];
    if (event)
        *event = x->event;
    if (counted)
        *counted = x->counted;
    if (modifier)
        *modifier = x->modifier;
    if (label)
        *label = facts_label_name(x->label);
    if (nfigures)
        *nfigures = x->n;
    return NF_OK;
}

long nf_facts_group_figure(const nf_facts_sheet *sh, size_t g, size_t k)
{
    if (!sh || g >= sh->ngroups || k >= sh->groups[g].n)
        return -1;
    return (long)sh->groups[g].figs[k];
}
