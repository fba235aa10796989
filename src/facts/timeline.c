/* Labels from an explicit order in time (issue 14): each figure of a group
 * gets a place in time from, in this order, the time it is said to hold
 * ("on Monday", "Sunday morning", "yesterday", resolved against its
 * report's date), its report's date, and its cues (a previous figure is
 * older than the current ones beside it; an update is newer than what its
 * report and the reports before it said). A group whose values differ is
 * revised when one value is newer than every other value, conflict when
 * nothing orders them or sources disagree at the same time. The latest
 * value is the newest current figure, never a previous or feared one.
 * Every label carries its reason. */
#include "core/alloc.h"
#include "facts/facts.h"
#include "ingest/docset.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How far an approximate value reaches, as a share of the larger value:
 * "about 180" covers 171-189 (a reporter rounds to two significant
 * digits), so another source's 190 is a different count. */
static const double SPAN = 0.05;

/* Returns 1 if bound figure a ("more than 24", "fewer than 10") admits
 * the value of b. "At least" is not a bound here: "at least 12 killed"
 * is a count, and "14 killed" later is a new count. */
static int within_bound(const figure *a, const figure *b)
{
    if (b->qual == Q_MORE_THAN || b->qual == Q_FEWER_THAN)
        return 0;
    return (a->qual == Q_MORE_THAN && b->lo >= a->lo) || (a->qual == Q_FEWER_THAN && b->lo <= a->lo);
}

int facts_same_value(const figure *a, const figure *b)
{
    if (a->lo == b->lo && a->hi == b->hi)
        return 1;
    if (within_bound(a, b) || within_bound(b, a))
        return 1;
    if (a->qual == Q_VAGUE || b->qual == Q_VAGUE) /* "dozens" restates only "dozens" */
        return a->qual == b->qual && a->lo == b->lo;
    if (a->qual != Q_ABOUT && b->qual != Q_ABOUT)
        return 0;
    double m = a->lo > b->lo ? a->lo : b->lo;
    return fabs(a->lo - b->lo) <= SPAN * m;
}

/* Days since 1970-01-01 of "YYYY-MM-DD", or -1. */
static long date_days(const char *d)
{
    int y, m, dd;
    if (!d || sscanf(d, "%4d-%2d-%2d", &y, &m, &dd) != 3 || m < 1 || m > 12 || dd < 1 || dd > 31)
        return -1;
    y -= m <= 2; /* days from civil (H. Hinnant's algorithm) */
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The weekday (0 Monday .. 6 Sunday) a time reference names, or -1. */
static int weekday_of(const char *when)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday"};
    char low[64];
    size_t n = 0;
    for (; when[n] && n + 1 < sizeof low; n++)
        low[n] = (char)(when[n] >= 'A' && when[n] <= 'Z' ? when[n] + 32 : when[n]);
    low[n] = '\0';
    for (int d = 0; d < 7; d++)
        if (strstr(low, days[d]))
            return d;
    return -1;
}

/* The part of the day a reference names, as a fraction of the day (0 when
 * it names none): a count "on Monday evening" follows one "Monday morning". */
static double day_part(const char *when)
{
    static const struct { const char *w; double at; } parts[] = {
        {"morning", 0.25}, {"afternoon", 0.5}, {"evening", 0.75}, {"night", 0.85}};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (strstr(when, parts[i].w))
            return parts[i].at;
    return 0;
}

/* A figure's place in time: day (days since 1970, or a weekday index in
 * an undated set) or unknown; part of the day; phase from its cues. */
typedef struct when_t {
    double day; /* NAN: unknown */
    int phase;  /* -1 previous, 0 current, +1 update */
    long doc;
} when_t;

/* The first weekday of the shortest window holding every weekday named in
 * the group: reports of one event span days, not weeks, so in an undated
 * set Saturday, Sunday and Monday run in that order. */
static int window_start(const nf_facts_sheet *sh, const fgroup *g)
{
    int seen[7] = {0};
    for (size_t a = 0; a < g->n; a++) {
        int d = weekday_of(sh->figs[g->figs[a]].when);
        if (d >= 0)
            seen[d] = 1;
    }
    int best = 0, best_span = 8;
    for (int s = 0; s < 7; s++) {
        if (!seen[s])
            continue;
        int span = 0;
        for (int k = 0; k < 7; k++)
            if (seen[(s + k) % 7])
                span = k;
        if (span < best_span)
            best_span = span, best = s;
    }
    return best;
}

/* The month (1-12) of the word that ends at text[end) ("Aug.", "August",
 * "Sept."), or 0. The calendar's names are no vocabulary to tune. */
static int month_before(const char *text, size_t end)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    size_t e = end;
    while (e > 0 && text[e - 1] == ' ')
        e--;
    if (e > 0 && text[e - 1] == '.')
        e--;
    size_t b = e;
    while (b > 0 && ((text[b - 1] | 32) >= 'a' && (text[b - 1] | 32) <= 'z'))
        b--;
    if (e - b < 3 || e - b > 9)
        return 0;
    for (int m = 0; m < 12; m++)
        if (((text[b] | 32) == months[m][0]) && ((text[b + 1] | 32) == months[m][1]) &&
            ((text[b + 2] | 32) == months[m][2]))
            return m + 1;
    return 0;
}

/* Returns 1 if the words before text[at) open a period ("since August 2",
 * "from June 3"): a count since a date holds at its report's time. */
static int opens_period(const char *text, size_t at)
{
    static const char *const words[] = {"since ", "from ", "Since ", "From "};
    size_t b = at;
    while (b > 0 && text[b - 1] != ' ')
        b--; /* the number's own word */
    while (b > 0 && text[b - 1] == ' ')
        b--;
    while (b > 0 && text[b - 1] != ' ')
        b--; /* the month */
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k]);
        if (b >= n && !strncmp(text + b - n, words[k], n))
            return 1;
    }
    return 0;
}

/* The day (since 1970) a date in figure i's sentence names ("on Aug. 18"),
 * in the year that puts it on or before its report's date (report_day), or
 * -1 when the sentence names none, or one opening a period. */
static long sentence_date(const nf_facts_sheet *sh, size_t i, const nf_docset *ds, long report_day, int year)
{
    const figure *f = &sh->figs[i];
    const char *text = ds->docs[f->doc].text;
    size_t lo = i, hi = i;
    while (lo > 0 && sh->figs[lo - 1].doc == f->doc && sh->figs[lo - 1].sent_start == f->sent_start)
        lo--;
    while (hi + 1 < sh->n && sh->figs[hi + 1].doc == f->doc && sh->figs[hi + 1].sent_start == f->sent_start)
        hi++;
    for (size_t k = lo; k <= hi; k++) {
        const figure *d = &sh->figs[k];
        int month = d->kind == KIND_DATE ? month_before(text, d->start) : 0;
        if (!month || d->lo < 1 || d->lo > 31 || opens_period(text, d->start))
            continue;
        char iso[48];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, (int)d->lo);
        long day = date_days(iso);
        if (day > report_day + 1) { /* a month after the report's: last year's */
            snprintf(iso, sizeof iso, "%04d-%02d-%02d", year - 1, month, (int)d->lo);
            day = date_days(iso);
        }
        return day;
    }
    return -1;
}

static when_t when_of(const nf_facts_sheet *sh, size_t i, const nf_docset *ds, int start)
{
    const figure *f = &sh->figs[i];
    when_t w = {NAN, 0, (long)f->doc};
    w.phase = f->status == ST_PREVIOUS || f->cue == CUE_PREVIOUS ? -1 : f->cue == CUE_UPDATE ? 1 : 0;
    long date = date_days(ds->docs[f->doc].date);
    int wd = weekday_of(f->when);
    const char *rel = f->when;
    if (date >= 0) {
        w.day = (double)date;
        int dow = (int)(((date % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday (3) */
        long said = wd < 0 ? sentence_date(sh, i, ds, date, atoi(ds->docs[f->doc].date)) : -1;
        if (wd >= 0)
            w.day -= (dow - wd + 7) % 7; /* the last such weekday on or before the report */
        else if (strstr(rel, "yesterday"))
            w.day -= 1;
        else if (said >= 0)
            w.day = (double)said; /* "rose to 300 on Aug. 18" */
    } else if (wd >= 0)
        w.day = (wd - start + 7) % 7;
    if (!isnan(w.day))
        w.day += day_part(f->when);
    return w;
}

/* Returns 1 if a is known to be newer than b. */
static int newer(const when_t *a, const when_t *b)
{
    if (!isnan(a->day) && !isnan(b->day) && a->day != b->day)
        return a->day > b->day;
    if (a->phase != b->phase) {
        if (a->phase < 0 || b->phase < 0) /* an earlier count is older than the current ones */
            return b->phase < 0;
        /* an update speaks for its own report and those given before it */
        return a->phase > b->phase && a->doc >= b->doc;
    }
    return 0;
}

/* Returns 1 if the figure takes part in the comparison of its group. */
static int comparable(const figure *f, const uint8_t *aside, size_t i)
{
    return !aside[i] && !f->increment && f->qual != Q_VAGUE && f->status != ST_FEARED &&
           f->status != ST_PROJECTED && f->status != ST_HYPOTHETICAL;
}

enum { LABEL_MAX = 512 }; /* figures of one group ordered pairwise; the rest are restatements */

/* Fills the group's reason (arena string), printf-style. */
static void reason(nf_facts_sheet *sh, fgroup *g, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void reason(nf_facts_sheet *sh, fgroup *g, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    g->reason = arena_strndup(&sh->mem, buf, strlen(buf));
}

/* Why figure f is the newest, in words: its value, report, date, time
 * and cue. */
static void newest_why(const figure *f, const nf_docset *ds, char *out, size_t cap)
{
    char v[48];
    facts_value_string(f, v, sizeof v);
    const char *date = ds->docs[f->doc].date;
    snprintf(out, cap, "%s (report %u%s%s%s%s%s) is newer than every other value", v, f->doc + 1,
             date ? ", dated " : "", date ? date : "", f->when[0] ? ", " : "", f->when,
             f->cue == CUE_UPDATE ? ", an update" : "");
}

/* Why a group is in conflict: two of its values and who gives them. */
static void conflict_why(nf_facts_sheet *sh, fgroup *g, const size_t *idx, size_t n)
{
    const figure *a = &sh->figs[idx[0]], *b = NULL;
    for (size_t k = 1; k < n && !b; k++)
        if (!facts_same_value(&sh->figs[idx[k]], a))
            b = &sh->figs[idx[k]];
    char va[48], vb[48];
    facts_value_string(a, va, sizeof va);
    facts_value_string(b ? b : a, vb, sizeof vb);
    reason(sh, g, "%s (report %u%s%s) against %s (report %u%s%s): nothing says which is newer", va, a->doc + 1,
           a->speaker[0] ? ", per " : "", a->speaker, vb, b ? b->doc + 1 : a->doc + 1,
           b && b->speaker[0] ? ", per " : "", b ? b->speaker : "");
}

/* Labels one group (single, agree, revised or conflict) with its reason. */
void facts_label_group(nf_facts_sheet *sh, fgroup *g, const uint8_t *aside, const nf_docset *ds)
{
    g->ndocs = 0;
    for (size_t a = 0; a < g->n; a++)
        g->ndocs += a == 0 || sh->figs[g->figs[a]].doc != sh->figs[g->figs[a - 1]].doc;
    g->latest = -1;
    size_t idx[LABEL_MAX], n = 0;
    for (size_t a = 0; a < g->n && n < LABEL_MAX; a++)
        if (comparable(&sh->figs[g->figs[a]], aside, g->figs[a]))
            idx[n++] = g->figs[a];
    int differ = 0;
    for (size_t a = 1; a < n && !differ; a++)
        differ = !facts_same_value(&sh->figs[idx[a]], &sh->figs[idx[0]]);
    for (size_t a = 1; a < n && !differ; a++) /* a loose bound admits values that differ */
        for (size_t b = 1; b < a && !differ; b++)
            differ = !facts_same_value(&sh->figs[idx[a]], &sh->figs[idx[b]]);
    if (!differ) {
        g->label = g->ndocs > 1 ? LABEL_AGREE : LABEL_SINGLE;
        if (g->ndocs > 1)
            reason(sh, g, "%zu reports give the same value", g->ndocs);
        else
            reason(sh, g, "one report");
        return;
    }
    int start = window_start(sh, g);
    when_t *w = xmalloc(n * sizeof *w);
    if (!w) { /* no order to read: the values still differ */
        g->label = LABEL_CONFLICT;
        return;
    }
    for (size_t a = 0; a < n; a++)
        w[a] = when_of(sh, idx[a], ds, start);
    /* The candidate: a current figure no other figure is newer than, and
     * of those the one newer than the most others (a figure with no time
     * of its own is beaten by none and beats none). */
    long m = -1;
    size_t most = 0;
    for (size_t a = 0; a < n; a++) {
        if (w[a].phase < 0)
            continue;
        size_t beaten = 0, beats = 0;
        for (size_t b = 0; b < n; b++)
            beaten += newer(&w[b], &w[a]), beats += newer(&w[a], &w[b]);
        if (!beaten && (m < 0 || beats > most))
            m = (long)a, most = beats;
    }
    /* Revised when every other value is older than the candidate's: each
     * of its figures is older than a figure of the candidate's value, or
     * has no time of its own and restates a value that is (the undated
     * "five are missing" beside "five on Sunday" and "six on Monday"). */
    const figure *fm = m >= 0 ? &sh->figs[idx[m]] : NULL;
    uint8_t *old = m >= 0 ? xcalloc(n, 1) : NULL;
    int ordered = old != NULL;
    for (size_t a = 0; ordered && a < n; a++)
        for (size_t b = 0; !old[a] && b < n; b++)
            old[a] = !facts_same_value(&sh->figs[idx[a]], fm) && facts_same_value(&sh->figs[idx[b]], fm) &&
                     newer(&w[b], &w[a]);
    for (size_t a = 0; ordered && a < n; a++) {
        if (old[a] || facts_same_value(&sh->figs[idx[a]], fm))
            continue;
        int restates = 0;
        for (size_t b = 0; isnan(w[a].day) && !restates && b < n; b++)
            restates = old[b] && facts_same_value(&sh->figs[idx[a]], &sh->figs[idx[b]]);
        ordered = restates;
    }
    xfree(old);
    if (ordered) {
        char why[200];
        g->label = LABEL_REVISED;
        g->latest = (long)idx[m];
        newest_why(fm, ds, why, sizeof why);
        reason(sh, g, "%s", why);
    } else {
        g->label = LABEL_CONFLICT;
        conflict_why(sh, g, idx, n);
    }
    xfree(w);
}
