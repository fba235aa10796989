/* Across reports: figures that count the same thing (same event, same
 * counted class, same modifiers) form a group, and each group is labelled
 * agree, revised (a newer report or an update cue gives the new value) or
 * conflict (different values and nothing says which is newer). Parts of a
 * whole ("4 of the 18"), wholes, increments ("two more bodies") and vague
 * amounts ("dozens") and components of a total are shown in their group but
 * never disagree. */
#include "core/alloc.h"
#include "facts/facts.h"
#include "model/docset.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* How far an approximate value reaches, as a share of the larger value. */
static const double APPROX_SPAN = 0.05;

/* Renumbers the figures' groups [0, ngroups) in first-seen order, dropping
 * empty ones; renum has room for ngroups. Returns the new count. */
static long renumber_groups(nf_facts_sheet *sh, long ngroups, long *renum)
{
    long n = 0;
    for (long g = 0; g < ngroups; g++)
        renum[g] = -1;
    for (size_t i = 0; i < sh->n; i++) {
        figure *f = &sh->figs[i];
        if (f->group < 0)
            continue;
        if (renum[f->group] < 0)
            renum[f->group] = n++;
        f->group = renum[f->group];
    }
    return n;
}

/* Returns 1 if bound figure a ("more than 24", "fewer than 10") admits
 * the value of b. "At least" is not a bound here: "at least 12 killed"
 * is a count, and "14 killed" later is a new count. */
static int within_bound(const figure *a, const figure *b)
{
    if (b->qual == Q_MORE_THAN || b->qual == Q_FEWER_THAN)
        return 0;
    return (a->qual == Q_MORE_THAN && b->lo >= a->lo) || (a->qual == Q_FEWER_THAN && b->lo <= a->lo);
}

/* Returns 1 if the two figures give the same amount: equal bounds, one
 * admitted by the other's bound, or within APPROX_SPAN of the larger when
 * one is approximate. "About N" ("some", "nearly", "an estimated") is a
 * rounding of the count, and a reporter rounds 183 to "about 180", not 190:
 * 5% keeps the rounding of two-significant-digit figures ("about 180"
 * covers 171-189; "nearly 3,000" 2,850-3,150) and makes a different count
 * from another source a disagreement ("about 180" against 190). A tenth
 * made "about 750" the same as 800. */
static int same_value(const figure *a, const figure *b)
{
    if (a->lo == b->lo && a->hi == b->hi)
        return 1;
    if (within_bound(a, b) || within_bound(b, a))
        return 1;
    if (a->qual != Q_ABOUT && b->qual != Q_ABOUT)
        return 0;
    double m = a->lo > b->lo ? a->lo : b->lo;
    return fabs(a->lo - b->lo) <= APPROX_SPAN * m;
}

/* Returns 1 if a is known to be newer than b: b is marked as an earlier
 * value, or a's report is dated later, or (same or unknown dates) a is
 * marked as an update and b is not and comes from the same report or one
 * given before a's: an update cue speaks for its own report and those
 * before it, not for reports that came later. */
static int newer(const figure *a, const figure *b, const nf_docset *ds)
{
    if (b->cue == CUE_PREVIOUS && a->cue != CUE_PREVIOUS)
        return 1;
    const char *da = ds->docs[a->doc].date, *db = ds->docs[b->doc].date;
    int cmp = da && db ? strcmp(da, db) : 0;
    if (cmp)
        return cmp > 0;
    return a->cue == CUE_UPDATE && b->cue != CUE_UPDATE && a->doc >= b->doc;
}

/* Returns 1 if the figure takes part in the comparison of its group: not
 * a whole, a part of a whole in the same group, a component, an increment
 * or a vague amount. ("Four of the 18 BP employees" missing does compare
 * with "two of the 18" missing: the whole has no event of its own.) */
static int comparable(const figure *f, const uint8_t *aside, size_t i)
{
    return !aside[i] && !f->increment && f->qual != Q_VAGUE;
}

/* What the figures holding the newest value can vouch for: a summary
 * that makes newer() a linear test. */
typedef struct vouch {
    int any_current;        /* one not marked as an earlier value */
    const char *max_date;   /* the latest report date among them */
    long undated_update;    /* the last report (index) of an undated update, or -1 */
    long dated_update;      /* the last report of a dated update, or -1 */
    const char *max_update; /* the latest date among those marked as updates */
    long max_update_doc;    /* the last report of an update on that date */
} vouch;

static void vouch_add(vouch *v, const figure *y, const nf_docset *ds)
{
    const char *d = ds->docs[y->doc].date;
    long doc = (long)y->doc;
    v->any_current |= y->cue != CUE_PREVIOUS;
    if (d && (!v->max_date || strcmp(d, v->max_date) > 0))
        v->max_date = d;
    if (y->cue != CUE_UPDATE)
        return;
    if (!d && doc > v->undated_update)
        v->undated_update = doc;
    if (d && doc > v->dated_update)
        v->dated_update = doc;
    int cmp = d && v->max_update ? strcmp(d, v->max_update) : 1;
    if (d && cmp > 0)
        v->max_update = d, v->max_update_doc = doc;
    else if (d && cmp == 0 && doc > v->max_update_doc)
        v->max_update_doc = doc;
}

/* Returns 1 if some figure summarised in v is newer() than x. */
static int vouch_beats(const vouch *v, const figure *x, const nf_docset *ds)
{
    const char *d = ds->docs[x->doc].date;
    long doc = (long)x->doc;
    if (x->cue == CUE_PREVIOUS && v->any_current)
        return 1;
    if (d && v->max_date && strcmp(v->max_date, d) > 0)
        return 1;
    if (x->cue == CUE_UPDATE)
        return 0;
    if (v->undated_update >= doc || (!d && v->dated_update >= doc))
        return 1;
    return d && v->max_update && !strcmp(v->max_update, d) && v->max_update_doc >= doc;
}

/* The newest comparable figure of the group (newer() wins, then order). */
static long newest(const nf_facts_sheet *sh, const fgroup *g, const uint8_t *aside, const nf_docset *ds)
{
    long m = -1;
    for (size_t a = 0; a < g->n; a++) {
        size_t i = g->figs[a];
        if (comparable(&sh->figs[i], aside, i) && (m < 0 || newer(&sh->figs[i], &sh->figs[m], ds)))
            m = (long)i;
    }
    return m;
}

/* If the newest figure's value supersedes every other value of the group
 * returns that figure, else -1. Linear in the group's size. */
static long supersedes(const nf_facts_sheet *sh, const fgroup *g, const uint8_t *aside,
                       const nf_docset *ds)
{
    long m = newest(sh, g, aside, ds);
    vouch v = {0, NULL, -1, -1, NULL, -1};
    for (size_t a = 0; a < g->n; a++) {
        const figure *y = &sh->figs[g->figs[a]];
        if (comparable(y, aside, g->figs[a]) && same_value(y, &sh->figs[m]))
            vouch_add(&v, y, ds);
    }
    for (size_t a = 0; a < g->n; a++) {
        const figure *x = &sh->figs[g->figs[a]];
        if (comparable(x, aside, g->figs[a]) && !same_value(x, &sh->figs[m]) && !vouch_beats(&v, x, ds))
            return -1;
    }
    return m;
}

/* Returns 1 if every comparable value among figures [a0, a1) of the group
 * is also among [b0, b1) (or [b0, b1) has none). */
static int values_within(const nf_facts_sheet *sh, const fgroup *g, size_t a0, size_t a1, size_t b0,
                         size_t b1, const uint8_t *aside)
{
    int any = 0;
    for (size_t b = b0; b < b1; b++)
        any |= comparable(&sh->figs[g->figs[b]], aside, g->figs[b]);
    for (size_t a = a0; any && a < a1; a++) {
        const figure *x = &sh->figs[g->figs[a]];
        int found = !comparable(x, aside, g->figs[a]);
        for (size_t b = b0; b < b1 && !found; b++)
            found = comparable(&sh->figs[g->figs[b]], aside, g->figs[b]) &&
                    same_value(x, &sh->figs[g->figs[b]]);
        if (!found)
            return 0;
    }
    return 1;
}

/* Returns 1 if two reports give different sets of values: one report
 * giving "at least 250 and perhaps as many as 400" twice over does not
 * disagree with itself or with a report saying the same. Compares each
 * report's values with the first report's (value sets, both ways). */
static int reports_differ(const nf_facts_sheet *sh, const fgroup *g, const uint8_t *aside)
{
    size_t a0 = 0, a1 = 0; /* the first report's figures: [a0, a1) */
    while (a0 < g->n && !comparable(&sh->figs[g->figs[a0]], aside, g->figs[a0]))
        a0++;
    for (a1 = a0; a1 < g->n && sh->figs[g->figs[a1]].doc == sh->figs[g->figs[a0]].doc; a1++)
        ;
    for (size_t a = a1; a < g->n;) {
        size_t b = a;
        while (b < g->n && sh->figs[g->figs[b]].doc == sh->figs[g->figs[a]].doc)
            b++;
        if (!values_within(sh, g, a, b, a0, a1, aside) || !values_within(sh, g, a0, a1, a, b, aside))
            return 1;
        a = b;
    }
    return 0;
}

enum { DISTINCT_MAX = 32 };

/* Returns 1 if two comparable values of the group are not the same. Each
 * value is checked against every distinct value seen before it (the first
 * DISTINCT_MAX): a loose bound ("more than 750") admits both "about 750"
 * and "almost 800", which still differ from each other. */
static int values_differ(const nf_facts_sheet *sh, const fgroup *g, const uint8_t *aside)
{
    const figure *rep[DISTINCT_MAX];
    size_t nrep = 0;
    for (size_t a = 0; a < g->n; a++) {
        const figure *f = &sh->figs[g->figs[a]];
        if (!comparable(f, aside, g->figs[a]))
            continue;
        int seen = 0;
        for (size_t r = 0; r < nrep; r++) {
            if (!same_value(f, rep[r]))
                return 1;
            seen |= f->lo == rep[r]->lo && f->hi == rep[r]->hi && f->qual == rep[r]->qual;
        }
        if (!seen && nrep < DISTINCT_MAX)
            rep[nrep++] = f;
    }
    return 0;
}

/* Labels one group, in time linear in its size. */
static void label_group(nf_facts_sheet *sh, fgroup *g, const uint8_t *aside, const nf_docset *ds)
{
    g->ndocs = 0;
    for (size_t a = 0; a < g->n; a++)
        g->ndocs += a == 0 || sh->figs[g->figs[a]].doc != sh->figs[g->figs[a - 1]].doc;
    int differ = values_differ(sh, g, aside);
    g->latest = -1;
    if (!differ) {
        g->label = g->ndocs > 1 ? LABEL_AGREE : LABEL_SINGLE;
        return;
    }
    g->latest = supersedes(sh, g, aside, ds);
    if (g->latest >= 0)
        g->label = LABEL_REVISED;
    else
        g->label = reports_differ(sh, g, aside) ? LABEL_CONFLICT : LABEL_AGREE;
}

/* Fills the groups' figure lists (figures are in document order). */
static int fill_groups(nf_facts_sheet *sh, size_t ngroups)
{
    sh->groups = arena_alloc(&sh->mem, (ngroups ? ngroups : 1) * sizeof *sh->groups);
    if (!sh->groups)
        return NF_ENOMEM;
    sh->ngroups = ngroups;
    for (size_t i = 0; i < sh->n; i++)
        if (sh->figs[i].group >= 0)
            sh->groups[sh->figs[i].group].n++;
    for (size_t g = 0; g < ngroups; g++) {
        sh->groups[g].figs = arena_alloc(&sh->mem, sh->groups[g].n * sizeof(size_t));
        if (!sh->groups[g].figs)
            return NF_ENOMEM;
        sh->groups[g].n = 0;
    }
    for (size_t i = 0; i < sh->n; i++) {
        const figure *f = &sh->figs[i];
        if (f->group < 0)
            continue;
        fgroup *g = &sh->groups[f->group];
        if (!g->n || (strcmp(g->counted, "people") && !strcmp(f->counted, "people")))
            g->event = f->event, g->counted = f->counted, g->modifier = f->modifier; /* a joined set is "people" */
        if (!g->n)
            g->place = f->by_place ? f->place : "";
        g->figs[g->n++] = i;
    }
    return NF_OK;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Returns 1 if v is among the sorted values. */
static int has_value(const double *vals, size_t n, double v)
{
    return bsearch(&v, vals, n, sizeof *vals, cmp_double) != NULL;
}

/* Marks the components of a total: two exact counts of one report that add
 * up to a count the group gives ("59 bodies were found and six others died"
 * beside "65 dead"; "Four were dead within minutes. Five died there."
 * beside "nine killed") are set aside like parts. Pairs are looked for
 * among a report's first 32 exact counts of the group. */
static int mark_components(nf_facts_sheet *sh, const fgroup *g, uint8_t *aside)
{
    double *vals = xmalloc((g->n ? g->n : 1) * sizeof *vals);
    if (!vals)
        return NF_ENOMEM;
    size_t nv = 0;
    for (size_t a = 0; a < g->n; a++)
        if (comparable(&sh->figs[g->figs[a]], aside, g->figs[a]) && sh->figs[g->figs[a]].qual == Q_EXACT)
            vals[nv++] = sh->figs[g->figs[a]].lo;
    qsort(vals, nv, sizeof *vals, cmp_double);
    for (size_t a = 0; a < g->n;) {
        size_t idx[32], k = 0, b = a;
        for (; b < g->n && sh->figs[g->figs[b]].doc == sh->figs[g->figs[a]].doc; b++)
            if (k < 32 && comparable(&sh->figs[g->figs[b]], aside, g->figs[b]) &&
                sh->figs[g->figs[b]].qual == Q_EXACT)
                idx[k++] = g->figs[b];
        for (size_t i = 0; i < k; i++)
            for (size_t j = i + 1; j < k; j++)
                if (has_value(vals, nv, sh->figs[idx[i]].lo + sh->figs[idx[j]].lo))
                    aside[idx[i]] = aside[idx[j]] = 2, sh->figs[idx[i]].component = sh->figs[idx[j]].component = 1;
        a = b;
    }
    xfree(vals);
    return NF_OK;
}

/* Sets aside two different values of the group given in one sentence
 * with no cue between them: "the Tanzanian bombing killed 10 people and
 * injured 70, while the bombing in Kenya killed at least 224 and injured
 * 5,000" counts two sets (places, dates, sides), not one count and its
 * revision. ("Rose from 12 to 14" carries cues and still compares.) */
static void mark_siblings(const nf_facts_sheet *sh, const fgroup *g, uint8_t *aside)
{
    for (size_t a = 0; a < g->n; a++) {
        const figure *x = &sh->figs[g->figs[a]];
        for (size_t b = a + 1; b < g->n; b++) {
            const figure *y = &sh->figs[g->figs[b]];
            if (y->doc != x->doc || y->sent_start != x->sent_start)
                break;
            if (comparable(x, aside, g->figs[a]) && comparable(y, aside, g->figs[b]) && !x->cue &&
                !y->cue && !same_value(x, y))
                aside[g->figs[a]] = aside[g->figs[b]] = 3;
        }
    }
}

int align_figures(nf_facts_sheet *sh, const nf_docset *ds)
{
    long ngroups = group_figures(sh, ds);
    long *renum = ngroups >= 0 ? xmalloc((size_t)(ngroups + 1) * sizeof *renum) : NULL;
    if (!renum)
        return NF_ENOMEM;
    ngroups = renumber_groups(sh, ngroups, renum); /* first-seen order */
    xfree(renum);
    int rc = fill_groups(sh, (size_t)ngroups);
    uint8_t *aside = rc == NF_OK ? xcalloc(sh->n ? sh->n : 1, 1) : NULL;
    if (!aside)
        return NF_ENOMEM;
    for (size_t i = 0; i < sh->n; i++) {
        const figure *f = &sh->figs[i];
        if (f->part_of < 0)
            continue;
        aside[f->part_of] = 1;
        if (sh->figs[f->part_of].group == f->group)
            aside[i] = 1; /* "three of them" beside the nine: a subset, not a new count */
    }
    for (size_t g = 0; rc == NF_OK && g < sh->ngroups; g++)
        rc = mark_components(sh, &sh->groups[g], aside);
    for (size_t g = 0; rc == NF_OK && g < sh->ngroups; g++)
        mark_siblings(sh, &sh->groups[g], aside);
    for (size_t g = 0; rc == NF_OK && g < sh->ngroups; g++)
        label_group(sh, &sh->groups[g], aside, ds);
    xfree(aside);
    return rc;
}
