/* Across reports: figures that count the same thing (same event, same
 * counted class, same modifiers) form a group, and each group is labelled
 * agree, revised (a newer report or an update cue gives the new value) or
 * conflict (different values and nothing says which is newer: timeline.c).
 * Parts of a whole ("4 of the 18"), wholes, increments ("two more bodies")
 * and components of a total are shown in their group but never disagree. */
#include "core/alloc.h"
#include "facts/facts.h"
#include "ingest/docset.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* Returns 1 if the figure takes part in the comparison of its group: not
 * a whole, a part of a whole in the same group, a component, an increment
 * or a vague amount. ("Four of the 18 BP employees" missing does compare
 * with "two of the 18" missing: the whole has no event of its own.) */
static int comparable(const figure *f, const uint8_t *aside, size_t i)
{
    return !aside[i] && !f->increment && f->qual != Q_VAGUE;
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
            g->place = "", g->incident = f->incident, g->nation = f->nation, g->nation_shown = f->nation_shown;
        if (!g->place[0] && f->place_key[0])
            g->place = f->place; /* the place its counts are restricted to (group.c keeps one) */
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
    facts_timeline *tl = rc == NF_OK ? facts_timeline_new(sh, ds) : NULL;
    if (rc == NF_OK && !tl)
        rc = NF_ENOMEM;
    for (size_t g = 0; rc == NF_OK && g < sh->ngroups; g++)
        facts_label_group(sh, &sh->groups[g], aside, ds, tl);
    facts_timeline_free(tl);
    xfree(aside);
    return rc;
}
