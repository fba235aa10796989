/* nf_facts: every report's sentences (debris skipped, datelines cut) read
 * for figures, then grouped and labelled; the sheet's accessors. */
#include "core/alloc.h"
#include "facts/facts.h"
#include "model/docset.h"
#include "text/clean.h"
#include "text/sentences.h"
#include <pthread.h>
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

/* Reads the figures of document d, sentence by sentence. */
static int doc_figures(nf_facts_sheet *sh, const lexicon *lx, const cleaner *cl, uint32_t d,
                       const document *doc)
{
    span_vec v = {0};
    size_t first = sh->n;
    int rc = sentences_split(doc->text, doc->len, &v) ? NF_ENOMEM : NF_OK;
    for (size_t i = 0; rc == NF_OK && i < v.len; i++) {
        size_t s = v.items[i].start, e = v.items[i].end;
        if (cleaner_debris(cl, doc->text + s, e - s) != DEBRIS_NONE)
            continue;
        s += cleaner_dateline(cl, doc->text + s, e - s);
        rc = figures_sentence(sh, lx, d, doc->text, s, e);
    }
    span_vec_free(&v);
    if (rc == NF_OK)
        mark_past(sh, first, doc);
    return rc;
}

static int sheet_build(nf_facts_sheet *sh, const nf_docset *ds)
{
    const lexicon *lx = lexicon_get();
    const cleaner *cl = cleaner_shared();
    if (!lx || !cl)
        return NF_ENOMEM;
    int rc = NF_OK;
    for (size_t d = 0; rc == NF_OK && d < ds->ndocs; d++)
        rc = doc_figures(sh, lx, cl, (uint32_t)d, &ds->docs[d]);
    xfree(sh->scratch);
    sh->scratch = NULL, sh->scratch_cap = 0;
    if (rc == NF_OK)
        rc = align_figures(sh, ds);
    if (rc == NF_OK && ds->replaced)
        rc = sheet_warn(sh, "%zu invalid UTF-8 sequence%s replaced by U+FFFD", ds->replaced,
                        ds->replaced == 1 ? "" : "s");
    if (rc == NF_OK && !ds->ndocs)
        rc = sheet_warn(sh, "no reports");
    return rc;
}

int nf_facts(const nf_docset *ds, const nf_options *opts, nf_facts_sheet **out)
{
    (void)opts; /* no option changes the sheet yet; kept for the API's shape */
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    if (!ds)
        return NF_EINVAL;
    unsigned long failures0 = alloc_failures();
    nf_facts_sheet *sh = xcalloc(1, sizeof *sh);
    if (!sh)
        return NF_ENOMEM;
    sh->ndocs = ds->ndocs;
    /* A failure a callee absorbed (the cleaner's verdict) is one too. */
    if (sheet_build(sh, ds) != NF_OK || alloc_failures() != failures0) {
        nf_facts_free(sh);
        return NF_ENOMEM;
    }
    *out = sh;
    return ds->ndocs ? NF_OK : NF_EEMPTY;
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

int nf_facts_figure(const nf_facts_sheet *sh, const nf_docset *ds, size_t i, nf_figure *out)
{
    if (!sh || !ds || !out || i >= sh->n || sh->figs[i].doc >= ds->ndocs)
        return NF_EINVAL;
    const figure *f = &sh->figs[i];
    *out = (nf_figure){.doc = f->doc, .low = f->lo, .high = f->hi, .text = f->text,
                       .kind = facts_kind_name(f->kind), .qualifier = facts_qualifier_name(f->qual),
                       .counted = f->counted, .modifier = f->modifier, .event = f->event,
                       .speaker = f->speaker, .time = f->when, .cue = cue_name(f->cue),
                       .part_of = f->part_of, .group = f->group, .increment = f->increment,
                       .component = f->component, .place = f->place ? f->place : ""};
    out->start = facts_original_offset(ds, f->doc, f->start);
    out->end = facts_original_offset(ds, f->doc, f->end);
    out->sentence_start = facts_original_offset(ds, f->doc, f->sent_start);
    out->sentence_end = facts_original_offset(ds, f->doc, f->sent_end);
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
