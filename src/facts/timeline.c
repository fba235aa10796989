/* Labels from an explicit order in time (issue 14): each figure of a group
 * gets a place in time from, in this order, the time it is said to hold
 * ("on Monday", "Sunday morning", "yesterday", resolved against its
 * report's date), its report's date (in an undated report, the latest time
 * the report names), and its cues (a previous figure is older than the
 * current ones beside it; an update is newer than what its report and the
 * reports before it said). A group whose values differ is revised when one
 * value is newer than every other value, agree when nothing orders them
 * but every two values may state one count ("at least 14" and 14), conflict
 * otherwise. The latest value is the newest current figure, never a
 * previous or feared one. Every label carries its reason. */
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

/* The values figure f admits, [*lo, *hi]: a bound is open on one side
 * ("at least 14", "more than 200"), a range or a vague amount spans its
 * ends ("300 or 400", "dozens": 24-239), "about" its rounding. Counts are
 * whole, so "more than 200" starts above 200. */
static void admits(const figure *f, double *lo, double *hi)
{
    double v = f->lo;
    *lo = *hi = v;
    switch (f->qual) {
    case Q_AT_LEAST: *hi = INFINITY; break;
    case Q_MORE_THAN: *lo = v + 0.5, *hi = INFINITY; break;
    case Q_AT_MOST: *lo = 0; break;
    case Q_FEWER_THAN: *lo = 0, *hi = v - 0.5; break;
    case Q_ABOUT: *lo = v * (1 - SPAN), *hi = v * (1 + SPAN); break;
    case Q_RANGE:
    case Q_VAGUE: *hi = f->hi >= v ? f->hi : INFINITY; break;
    default: break;
    }
}

/* Returns 1 if the figure gives more than one value: a bound, a range or
 * a vague amount (not "about", which is compared as a rounding). */
static int open_value(const figure *f)
{
    return f->qual != Q_EXACT && f->qual != Q_ABOUT;
}

/* Returns 1 if a and b may state one count: the same value, or an open
 * value that admits some value of the other ("at least 14" and 14,
 * "hundreds" and at least 350, "300 or 400" and about 400; not "dozens"
 * and 265). Compatible approximations agree when nothing orders them. */
static int compatible(const figure *a, const figure *b)
{
    if (facts_same_value(a, b))
        return 1;
    if (!open_value(a) && !open_value(b))
        return 0;
    double alo, ahi, blo, bhi;
    admits(a, &alo, &ahi);
    admits(b, &blo, &bhi);
    return alo <= bhi && blo <= ahi;
}

/* Returns 1 if figure b restates newer figure a's count, if less exactly
 * or more loosely, so that a revises nothing of it: a's value, or every
 * value b admits is admitted by a (a newer "at least 4,000" beside an
 * older 4,299), or b is an estimate with two ends that admits a ("300 or
 * 400", "hundreds" beside a newer about 400). A lower bound alone is no
 * such estimate: "at least 60" then 65 is a toll that grew. */
static int restated_by(const figure *a, const figure *b)
{
    if (facts_same_value(a, b))
        return 1;
    double alo, ahi, blo, bhi;
    admits(a, &alo, &ahi);
    admits(b, &blo, &bhi);
    if (open_value(a) && alo <= blo && bhi <= ahi)
        return 1;
    return isfinite(bhi) && open_value(b) && compatible(a, b);
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

/* The part of the day a reference names, as a fraction of the day, or -1
 * when it names none: a count "on Monday evening" follows one "Monday
 * morning", but nothing orders it against one said "on Monday". */
static double day_part(const char *when)
{
    static const struct { const char *w; double at; } parts[] = {
        {"morning", 0.25}, {"afternoon", 0.5}, {"evening", 0.75}, {"night", 0.85}};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (strstr(when, parts[i].w))
            return parts[i].at;
    return -1;
}

/* A figure's place in time: day (days since 1970 in a dated report, a
 * weekday index in an undated one) or unknown, with its part of the day;
 * for a figure of an undated report with no time of its own, the time its
 * report was written at the earliest (rday); phase from its cues. */
typedef struct when_t {
    double day;  /* NAN: unknown */
    double rday; /* NAN: unknown; compared with figures of other reports only */
    double part, rpart; /* parts of those days, -1: unknown */
    int dated;   /* day counts days since 1970 (else a weekday index) */
    int phase;   /* -1 previous, 0 current, +1 update */
    long doc;
} when_t;

/* Per undated report, the weekdays it names as past (a bit per day) and
 * the latest part of each such day: it was written no earlier than the
 * latest of them ("as of Friday evening" after "on Friday morning"). */
typedef struct report_days {
    uint8_t mask;
    double part[7]; /* -1: none named */
} report_days;

struct facts_timeline {
    report_days *days; /* per report */
    size_t n;
};

/* Returns 1 if a word of text[from, at) puts what follows in the future
 * ("will resume on Tuesday", "is scheduled to appear Monday", "next
 * Friday"): such a day is no time the report has seen. Words of the
 * grammar of the future, not of any story. */
static int future_before(const char *text, size_t from, size_t at)
{
    static const char *const words[] = {"will", "next", "scheduled", "tomorrow", "due", "planned", "plans"};
    for (size_t k = from; k < at;) {
        while (k < at && !((text[k] | 32) >= 'a' && (text[k] | 32) <= 'z'))
            k++;
        size_t e = k;
        while (e < at && (text[e] | 32) >= 'a' && (text[e] | 32) <= 'z')
            e++;
        for (size_t w = 0; w < sizeof words / sizeof *words && e > k; w++) {
            size_t j = 0;
            while (j < e - k && words[w][j] == (text[k + j] | 32))
                j++;
            if (j == e - k && !words[w][j])
                return 1;
        }
        k = e;
    }
    return 0;
}

facts_timeline *facts_timeline_new(const nf_facts_sheet *sh, const nf_docset *ds)
{
    facts_timeline *tl = xmalloc(sizeof *tl);
    if (!tl)
        return NULL;
    tl->n = ds ? ds->ndocs : 0;
    tl->days = xcalloc(tl->n ? tl->n : 1, sizeof *tl->days);
    if (!tl->days) {
        xfree(tl);
        return NULL;
    }
    for (size_t d = 0; d < tl->n; d++)
        for (int k = 0; k < 7; k++)
            tl->days[d].part[k] = -1;
    for (size_t i = 0; i < sh->n; i++) {
        const figure *f = &sh->figs[i];
        int d = f->kind == KIND_DATE ? weekday_of(f->text) : -1;
        if (d < 0 || f->doc >= tl->n || ds->docs[f->doc].date ||
            future_before(ds->docs[f->doc].text, f->sent_start, f->start))
            continue;
        report_days *r = &tl->days[f->doc];
        double part = weekday_of(f->when) == d ? day_part(f->when) : -1;
        r->mask |= (uint8_t)(1u << d);
        if (part > r->part[d])
            r->part[d] = part;
    }
    return tl;
}

void facts_timeline_free(facts_timeline *tl)
{
    if (tl)
        xfree(tl->days), xfree(tl);
}

/* The first weekday of the shortest window holding every weekday named in
 * the group and in its undated reports: reports of one event span days,
 * not weeks, so in an undated set Saturday, Sunday and Monday run in that
 * order. */
static int window_start(const nf_facts_sheet *sh, const fgroup *g, const facts_timeline *tl)
{
    int seen[7] = {0};
    for (size_t a = 0; a < g->n; a++) {
        const figure *f = &sh->figs[g->figs[a]];
        int d = weekday_of(f->when);
        if (d >= 0)
            seen[d] = 1;
        for (int k = 0; tl && f->doc < tl->n && k < 7; k++)
            seen[k] |= (tl->days[f->doc].mask >> k) & 1;
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

/* The latest day undated report doc names, in the window that starts on
 * weekday start (NAN when it names none), and the latest part of it it
 * names (-1: none) in *part. */
static double report_time(const facts_timeline *tl, size_t doc, int start, double *part)
{
    double t = NAN;
    *part = -1;
    for (int d = 0; tl && doc < tl->n && d < 7; d++) {
        double at = (d - start + 7) % 7;
        if (((tl->days[doc].mask >> d) & 1) && (isnan(t) || at > t))
            t = at, *part = tl->days[doc].part[d];
    }
    return t;
}

/* The start of the word before a date's day at text[end) ("Aug." in "Aug. 18"). */
static size_t month_start(const char *text, size_t end)
{
    size_t e = end;
    while (e > 0 && text[e - 1] == ' ')
        e--;
    if (e > 0 && text[e - 1] == '.')
        e--;
    while (e > 0 && ((text[e - 1] | 32) >= 'a' && (text[e - 1] | 32) <= 'z'))
        e--;
    return e;
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
    size_t b = month_start(text, end);
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

/* Returns 1 if the words before text[at) (a date's month) say the date
 * is when a count holds: "by Aug. 16", "as of Aug. 16", "through July",
 * "until", "up to". Other dates of a sentence ("crashed on Oct. 31,
 * killing 217") date the event, which a later report recounts. */
static int count_date(const char *text, size_t at)
{
    static const char *const words[] = {"by ", "as of ", "through ", "until ", "till ", "up to "};
    size_t b = at;
    while (b > 0 && text[b - 1] == ' ')
        b--;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k]) - 1; /* without its space */
        if (b >= n && !strncmp(text + b - n, words[k], n) &&
            (b == n || !((text[b - n - 1] | 32) >= 'a' && (text[b - n - 1] | 32) <= 'z')))
            return 1;
    }
    return 0;
}

/* The day (since 1970) a date in figure i's sentence names, in the year
 * that puts it on or before its report's date (report_day), or -1 when
 * the sentence names none that says when its count holds: one after "by"
 * or "as of" ("250 were killed by Aug. 16"), or any date when the figure
 * is an update or an earlier value ("rose to 300 on Aug. 18", "up from 12
 * on Aug. 16"); never one opening a period ("since Aug. 2"). */
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
        if (!month || d->lo < 1 || d->lo > 31 || opens_period(text, d->start) ||
            (f->cue == CUE_NONE && !count_date(text, month_start(text, d->start))))
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

static when_t when_of(const nf_facts_sheet *sh, size_t i, const nf_docset *ds, int start, const facts_timeline *tl)
{
    const figure *f = &sh->figs[i];
    when_t w = {NAN, NAN, -1, -1, 0, 0, (long)f->doc};
    w.phase = f->status == ST_PREVIOUS || f->cue == CUE_PREVIOUS ? -1 : f->cue == CUE_UPDATE ? 1 : 0;
    long date = date_days(ds->docs[f->doc].date);
    int wd = weekday_of(f->when);
    const char *rel = f->when;
    w.dated = date >= 0;
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
    else
        w.rday = report_time(tl, f->doc, start, &w.rpart);
    w.part = day_part(f->when);
    return w;
}

/* Returns 1 if a's cues make it newer than b. */
static int newer_by_cue(const when_t *a, const when_t *b)
{
    if (a->phase != b->phase) {
        if (a->phase < 0 || b->phase < 0) /* an earlier count is older than the current ones */
            return b->phase < 0;
        /* an update speaks for its own report and those given before it */
        return a->phase > b->phase && a->doc >= b->doc;
    }
    return 0;
}

/* Returns 1 if time (da, pa) is after time (db, pb), 0 if before or
 * unknown; parts of a day (-1: none named) order one day only. */
static int after(double da, double pa, double db, double pb)
{
    if (isnan(da) || isnan(db))
        return 0;
    if (da != db)
        return da > db;
    return pa >= 0 && pb >= 0 && pa > pb;
}

/* Returns 1 if a is known to be newer than b: by their times, else by
 * their cues. A figure with no time of its own in an undated report holds
 * at some time up to when its report was written, about the latest time
 * the report names: two such figures of two reports are as old as their
 * reports; a figure said of a later time is newer than such a figure
 * ("162, officials said Saturday" after a report of Friday evening), but
 * one said of an earlier time is not older ("arrested eight on Thursday"
 * against "at least nine were arrested" in a report naming Friday: that
 * count may be Thursday's). */
static int newer(const when_t *a, const when_t *b)
{
    double da = a->day, pa = a->part, db = b->day, pb = b->part;
    if (a->doc != b->doc && isnan(da) && isnan(db))
        da = a->rday, pa = a->rpart, db = b->rday, pb = b->rpart;
    else if (a->doc != b->doc && isnan(db) && !a->dated)
        return after(da, pa, b->rday, b->rpart) ? 1 : newer_by_cue(a, b);
    else if (a->doc != b->doc && isnan(da) && !b->dated)
        return after(db, pb, a->rday, a->rpart) ? 0 : newer_by_cue(a, b);
    if (a->dated == b->dated && (after(da, pa, db, pb) || after(db, pb, da, pa)))
        return after(da, pa, db, pb);
    return newer_by_cue(a, b);
}

/* Returns 1 if the figure takes part in the comparison of its group. */
static int comparable(const figure *f, const uint8_t *aside, size_t i)
{
    return !aside[i] && !f->increment && f->status != ST_FEARED && f->status != ST_PROJECTED &&
           f->status != ST_HYPOTHETICAL;
}

enum { LABEL_MAX = 512 }; /* figures of one group ordered pairwise; the rest are restatements */
enum { CANDIDATES_MAX = 16 }; /* newest values tried, the most ordered first */

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

/* Why a group is in conflict: two of its values that cannot be one count
 * and who gives them. */
static void conflict_why(nf_facts_sheet *sh, fgroup *g, const size_t *idx, size_t n)
{
    const figure *a = &sh->figs[idx[0]], *b = NULL;
    for (size_t i = 0; i < n && !b; i++)
        for (size_t k = i + 1; k < n && !b; k++)
            if (!compatible(&sh->figs[idx[i]], &sh->figs[idx[k]]))
                a = &sh->figs[idx[i]], b = &sh->figs[idx[k]];
    char va[48], vb[48];
    facts_value_string(a, va, sizeof va);
    facts_value_string(b ? b : a, vb, sizeof vb);
    reason(sh, g, "%s (report %u%s%s) against %s (report %u%s%s): nothing says which is newer", va, a->doc + 1,
           a->speaker[0] ? ", per " : "", a->speaker, vb, b ? b->doc + 1 : a->doc + 1,
           b && b->speaker[0] ? ", per " : "", b ? b->speaker : "");
}

/* Returns 1 if every figure of the group stands in one sentence: one
 * statement, however many numbers restate it ("single"). */
static int one_sentence(const nf_facts_sheet *sh, const fgroup *g)
{
    for (size_t a = 1; a < g->n; a++) {
        const figure *x = &sh->figs[g->figs[a]], *y = &sh->figs[g->figs[0]];
        if (x->doc != y->doc || x->sent_start != y->sent_start)
            return 0;
    }
    return 1;
}

/* Labels a group whose values all agree: single when one sentence gives
 * them, else agree (several reports, or one report restating it). */
static void label_same(nf_facts_sheet *sh, fgroup *g, const char *how)
{
    if (one_sentence(sh, g)) {
        g->label = LABEL_SINGLE;
        reason(sh, g, "one report");
    } else if (g->ndocs > 1) {
        g->label = LABEL_AGREE;
        reason(sh, g, "%zu reports give %s", g->ndocs, how);
    } else {
        g->label = LABEL_AGREE;
        reason(sh, g, "one report gives %s in several sentences", how);
    }
}

/* Returns 1 if figure idx[m]'s value is newer than every other value:
 * each figure of another value is older than a figure of m's value, or
 * has no time of its own and restates a value that is (the undated "five
 * are missing" beside "five on Sunday" and "six on Monday"). old has room
 * for n flags. */
static int newest_holds(const nf_facts_sheet *sh, const size_t *idx, size_t n, const when_t *w, size_t m,
                        uint8_t *old)
{
    const figure *fm = &sh->figs[idx[m]];
    memset(old, 0, n);
    for (size_t a = 0; a < n; a++)
        for (size_t b = 0; !old[a] && b < n; b++)
            old[a] = !restated_by(fm, &sh->figs[idx[a]]) && facts_same_value(&sh->figs[idx[b]], fm) &&
                     newer(&w[b], &w[a]);
    for (size_t a = 0; a < n; a++) {
        if (old[a] || restated_by(fm, &sh->figs[idx[a]]))
            continue;
        int restates = 0;
        for (size_t b = 0; isnan(w[a].day) && !restates && b < n; b++)
            restates = old[b] && facts_same_value(&sh->figs[idx[a]], &sh->figs[idx[b]]);
        if (!restates)
            return 0;
    }
    return 1;
}

typedef struct candidate {
    size_t at, beats;
} candidate;

static int cmp_candidate(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    if (a->beats != b->beats)
        return a->beats < b->beats ? 1 : -1;
    return (a->at > b->at) - (a->at < b->at);
}

/* The newest current value: of the current figures (not a party's claim,
 * not denied) that give a value ("dozens" gives none to report as the
 * latest) and no other figure is newer than, tried in order of how many figures they are newer than
 * (the first in the group on a tie), the first whose value every other
 * value is older than. Returns its index in idx, or -1. */
static long newest(const nf_facts_sheet *sh, const size_t *idx, size_t n, const when_t *w)
{
    candidate *c = xmalloc(n * sizeof *c);
    uint8_t *old = xmalloc(n);
    long found = -1;
    size_t nc = 0;
    for (size_t a = 0; c && old && a < n; a++) {
        if (w[a].phase < 0 || sh->figs[idx[a]].qual == Q_VAGUE || sh->figs[idx[a]].status != ST_CURRENT)
            continue;
        size_t beaten = 0, beats = 0;
        for (size_t b = 0; b < n; b++)
            beaten += newer(&w[b], &w[a]), beats += newer(&w[a], &w[b]);
        if (!beaten)
            c[nc++] = (candidate){a, beats};
    }
    if (c && old)
        qsort(c, nc, sizeof *c, cmp_candidate);
    for (size_t k = 0, tried = 0; c && old && k < nc && found < 0 && tried < CANDIDATES_MAX; k++) {
        int seen = 0; /* a value already tried fails again */
        for (size_t j = 0; j < k && !seen; j++)
            seen = facts_same_value(&sh->figs[idx[c[j].at]], &sh->figs[idx[c[k].at]]);
        if (seen)
            continue;
        tried++;
        if (newest_holds(sh, idx, n, w, c[k].at, old))
            found = (long)c[k].at;
    }
    xfree(c), xfree(old);
    return found;
}

/* Returns 1 if the event's count only grows: the dead of an event are not
 * fewer on a later day (the injured may be, once the lightly hurt are
 * sent home and the rest counted; the missing and the held are, as they
 * are found or freed). */
static int only_grows(const char *event)
{
    return event && (!strcmp(event, "killed") || !strcmp(event, "executed"));
}

/* Returns 1 if f is a count, not an estimate that may come down: exact, or
 * a lower bound ("at least 60"); "about 180" injured may be 157 once they
 * are counted. */
static int firm(const figure *f)
{
    return f->qual == Q_EXACT || f->qual == Q_AT_LEAST || f->qual == Q_MORE_THAN;
}

/* Sets aside, from idx and w, each figure of a count that only grows that
 * is newer than a firm figure it is wholly below, with no word that the count
 * was lowered (an update cue: "lowered to", "fell to", "revised"): a later
 * smaller number of dead counts a part ("1,000 buried in one town" after
 * 3,879 dead, the bodies found so far), not the toll. It stays in its
 * group and the reason names it. The first set aside goes to *part (-1: none).
 * Returns how many figures remain. */
static size_t set_aside_parts(const nf_facts_sheet *sh, size_t *idx, when_t *w, size_t n, long *part)
{
    uint8_t below[LABEL_MAX] = {0}; /* judged against the whole group first, then dropped */
    for (size_t a = 0; a < n; a++) {
        const figure *fa = &sh->figs[idx[a]];
        double alo, ahi, blo, bhi;
        admits(fa, &alo, &ahi);
        for (size_t b = 0; b < n && !below[a] && fa->cue != CUE_UPDATE && fa->status == ST_CURRENT; b++) {
            const figure *fb = &sh->figs[idx[b]];
            admits(fb, &blo, &bhi);
            below[a] = b != a && fb->status == ST_CURRENT && firm(fb) && ahi < blo && newer(&w[a], &w[b]);
        }
    }
    size_t k = 0;
    *part = -1;
    for (size_t a = 0; a < n; a++) {
        if (below[a]) {
            if (*part < 0)
                *part = (long)idx[a];
            continue;
        }
        idx[k] = idx[a], w[k] = w[a], k++;
    }
    return k;
}

/* Returns 1 if every two of the values may state one count. */
static int all_compatible(const nf_facts_sheet *sh, const size_t *idx, size_t n)
{
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            if (!compatible(&sh->figs[idx[a]], &sh->figs[idx[b]]))
                return 0;
    return 1;
}

/* Returns 1 if every figure restates the newest one, fm: nothing was
 * revised. */
static int restate_all(const nf_facts_sheet *sh, const size_t *idx, size_t n, const figure *fm)
{
    for (size_t a = 0; a < n; a++)
        if (!restated_by(fm, &sh->figs[idx[a]]))
            return 0;
    return 1;
}

/* Labels one group (single, agree, revised or conflict) with its reason:
 * revised when one current value is newer than every other, agree when
 * that newest value only restates the others more loosely or, with
 * nothing ordering them, when every two values may state one count
 * ("at least 14" and 14), conflict otherwise. */
void facts_label_group(nf_facts_sheet *sh, fgroup *g, const uint8_t *aside, const nf_docset *ds,
                       const facts_timeline *tl)
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
    for (size_t a = 1; a < n && !differ; a++) /* a loose bound admits values that differ */
        for (size_t b = 0; b < a && !differ; b++)
            differ = !facts_same_value(&sh->figs[idx[a]], &sh->figs[idx[b]]);
    if (!differ) {
        label_same(sh, g, "the same value");
        return;
    }
    int start = window_start(sh, g, tl);
    when_t *w = xmalloc(n * sizeof *w);
    if (!w) { /* no order to read: the values still differ */
        g->label = LABEL_CONFLICT;
        return;
    }
    for (size_t a = 0; a < n; a++)
        w[a] = when_of(sh, idx[a], ds, start, tl);
    long part = -1;
    if (only_grows(g->event))
        n = set_aside_parts(sh, idx, w, n, &part);
    long m = newest(sh, idx, n, w);
    xfree(w);
    const figure *fm = m >= 0 ? &sh->figs[idx[m]] : NULL;
    if (fm && !restate_all(sh, idx, n, fm)) {
        char why[200], v[48];
        g->label = LABEL_REVISED;
        g->latest = (long)idx[m];
        newest_why(fm, ds, why, sizeof why);
        if (part >= 0) {
            facts_value_string(&sh->figs[part], v, sizeof v);
            reason(sh, g, "%s; %s (report %u) is later but lower, and nothing says the toll fell: not the toll",
                   why, v, sh->figs[part].doc + 1);
        } else
            reason(sh, g, "%s", why);
    } else if (fm || all_compatible(sh, idx, n))
        label_same(sh, g, "values one count may have (within their bounds)");
    else {
        g->label = LABEL_CONFLICT;
        conflict_why(sh, g, idx, n);
    }
}
