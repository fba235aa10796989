/* Grouping figures as constrained clustering (issue 14): which figures
 * count the same thing. Not an exact key: every pair of figures with the
 * same outcome gets a compatibility score from the features of its frames
 * (class, nationality, place, status, value, where they stand), weighed by
 * data/facts/pair_model.txt (a logistic model rebuilt from the annotated
 * clusters by tools/facts_pairs.py), and hard constraints say what can
 * never be one count (cannot-links: a part and its whole, two nationalities
 * or places, two incidents (a sub-event and the event), a feared toll and a
 * counted one, two different values in one
 * sentence with no cue between them, two classes that are neither of one
 * alias class (aliases.txt) nor the generic "people" beside a class of
 * persons). Figures that restate each other
 * exactly (same frame, same value) are joined first (must-links); then the
 * clusters are merged greedily by average score, best first, while it
 * stays above zero and no cannot-link is crossed.
 *
 * NF_FACTS_PAIRS=FILE appends every scored pair's features to FILE (for
 * the training script; figure ids are the sheet's). */
#include "core/alloc.h"
#include "facts/facts.h"
#include "ingest/docset.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The features of a pair, in the order of pair_model.txt's weights. */
enum {
    PF_BIAS = 0,
    PF_SAME_CLASS,   /* the same counted class */
    PF_GENERIC,      /* one is the generic class ("people"), the other a class of people */
    PF_OTHER_CLASS,  /* two different classes otherwise */
    PF_NAT_ONE,      /* a nationality on one side only */
    PF_PLACE_ONE,    /* a place on one side only */
    PF_SAME_VALUE,   /* the same amount (approximations included) */
    PF_LOG_RATIO,    /* |log(a/b)| of the values, capped at 3 */
    PF_SAME_DOC,     /* both in one report, different values */
    PF_CUE,          /* one of them carries an update or previous cue */
    PF_VAGUE,        /* one is vague ("dozens") */
    PF_OTHER_STATUS, /* claimed or negated against current */
    PF_WEAK_EVENT,   /* one's event is only its noun's or a state */
    PF_ALIAS,        /* two classes of one alias class (aliases.txt: gunmen, kidnappers) */
    PF_COUNT
};

static const char *const feature_names[PF_COUNT] = {
    "bias", "same_class", "generic", "other_class", "nat_one", "place_one", "same_value",
    "log_ratio", "same_doc", "cue", "vague", "other_status", "weak_event", "alias"};

/* The weights when data/facts/pair_model.txt cannot be read: set by hand,
 * in the direction each feature must pull (a missing file is an error the
 * lexicon reports; these keep the sheet usable in the meantime). */
static const double default_weights[PF_COUNT] = {-1.0, 2.0, 0.5, -3.0, -2.0, -0.5, 2.5, -1.0,
                                                 -1.5, 1.0, -0.5, -0.5, -0.25, 1.5};

static int is_generic(const char *counted)
{
    return !strcmp(counted, "people");
}

/* The dimension by which a class names people without their part
 * (persons.txt: "sex" for men and women, "origin" for foreigners), or
 * NULL for a class of role (hostages, passengers) or no class of people. */
static const char *identity(const lexicon *lx, const char *counted)
{
    const lex_entry *e = lx ? lex_find(&lx->persons, counted, strlen(counted)) : NULL;
    return e && e->val && strcmp(e->val, "person") ? e->val : NULL;
}

/* The nationality (or body: "BP employees") a figure's people are given:
 * its proper modifier ("Estmarkians", "citizens of Estmark"), else a
 * modifier word demonyms.txt or places.txt knows; "" when none. Other
 * modifiers ("young", "political") say nothing of who is counted. Writes
 * into buf (cap bytes). */
static const char *nationality(const lexicon *lx, const figure *f, char *buf, size_t cap)
{
    if (f->nation && f->nation[0])
        return f->nation;
    for (const char *m = f->modifier; lx && *m;) {
        size_t n = strcspn(m, " ");
        if (lex_find(&lx->demonyms, m, n) || lex_find(&lx->places, m, n)) {
            snprintf(buf, cap, "%.*s", (int)n, m);
            return buf;
        }
        m += n + (m[n] == ' ');
    }
    return "";
}

/* Returns 1 if the figures name two nationalities, 2 if only one of them
 * names one, 0 if both name the same or none. */
static int nationality_relation(const lexicon *lx, const figure *a, const figure *b)
{
    char x[48], y[48];
    const char *na = nationality(lx, a, x, sizeof x), *nb = nationality(lx, b, y, sizeof y);
    if (na[0] && nb[0])
        return strcmp(na, nb) != 0;
    return na[0] || nb[0] ? 2 : 0;
}

static int is_person_class(const lexicon *lx, const char *counted)
{
    return lx && (lex_find(&lx->persons, counted, strlen(counted)) || alias_class(lx, counted, strlen(counted)));
}

/* Returns 1 if class a may be the generic naming of class b: "people"
 * beside a class of people, or a class of identity beside a class of role
 * or of another identity ("four men" and "four hostages" or "four
 * foreigners"; not "men" beside "women"). */
static int names_generally(const lexicon *lx, const char *a, const char *b)
{
    const char *x = identity(lx, a), *y = identity(lx, b);
    return (is_generic(a) || (x && !(y && !strcmp(x, y)))) && is_person_class(lx, b);
}

/* Returns 1 if two different classes are of one alias class. */
static int same_alias(const lexicon *lx, const char *a, const char *b)
{
    const char *x = lx ? alias_class(lx, a, strlen(a)) : NULL, *y = lx ? alias_class(lx, b, strlen(b)) : NULL;
    return x && y && !strcmp(x, y);
}

/* A status that is not a count of what happened: its own group. */
static int unreal(int status)
{
    return status == ST_FEARED || status == ST_PROJECTED || status == ST_HYPOTHETICAL;
}

/* Returns 1 if a and b may give one amount: the same value
 * (facts_same_value), or two bounds one of which admits the other's value
 * ("more than 750" and "more than 800" may count the same dead; as labels
 * they still differ, so timeline.c keeps the stricter test). */
static int same_amount(const figure *a, const figure *b)
{
    return facts_same_value(a, b) || (a->qual == Q_MORE_THAN && b->lo >= a->lo) ||
           (b->qual == Q_MORE_THAN && a->lo >= b->lo) || (a->qual == Q_FEWER_THAN && b->lo <= a->lo) ||
           (b->qual == Q_FEWER_THAN && a->lo <= b->lo);
}

/* The exact counts of one outcome, as (report, value) keys sorted, to ask
 * whether a report gives a count that makes one figure a part of another. */
typedef struct part_index {
    uint64_t *keys;
    size_t n;
} part_index;

static uint64_t part_key(uint32_t doc, double v)
{
    return (uint64_t)doc << 32 | (uint32_t)v;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int has_part(const part_index *p, uint32_t doc, double v)
{
    uint64_t k = part_key(doc, v);
    return p && p->n && bsearch(&k, p->keys, p->n, sizeof k, cmp_u64) != NULL;
}

/* Returns 1 if one of a and b is a total of which the other is a part: the
 * total's report gives an exact count of the same outcome that makes up the
 * difference ("113 killed: 109 on board and four on the ground": the 113 is
 * not a revision of another report's 109). An increment ("two more bodies")
 * is not such a count: it is what a revision adds. */
static int total_and_part(const part_index *p, const figure *a, const figure *b)
{
    if (a->qual != Q_EXACT || b->qual != Q_EXACT || a->lo == b->lo || a->lo >= 4e9 || b->lo >= 4e9)
        return 0;
    const figure *total = a->lo > b->lo ? a : b;
    return has_part(p, total->doc, fabs(a->lo - b->lo));
}

/* Returns 1 if a and b are two parts of one total their report gives:
 * two exact counts of one report whose sum is a count of the same outcome
 * in that report ("Four were dead within minutes. Five died there." beside
 * "killing nine"; "59 bodies were found and six others died" beside 65):
 * two counts, not one. Equal values are left to the rest: a count
 * restated in a report is not split by its double. */
static int components(const part_index *p, const figure *a, const figure *b)
{
    return a->doc == b->doc && a->qual == Q_EXACT && b->qual == Q_EXACT && a->lo != b->lo && a->lo + b->lo < 4e9 &&
           has_part(p, a->doc, a->lo + b->lo);
}

/* Returns 1 if nothing allows a and b to be one count (a cannot-link).
 * places: the outcome's figures name two places or more, so a figure that
 * names none could be about either (or all) and joins neither. */
static int cannot_link(const nf_facts_sheet *sh, size_t i, size_t j, const lexicon *lx, int places,
                       const part_index *parts)
{
    const figure *a = &sh->figs[i], *b = &sh->figs[j];
    if (total_and_part(parts, a, b) || components(parts, a, b))
        return 1;
    if (places && !a->place_key[0] != !b->place_key[0])
        return 1;
    if (strcmp(a->event, b->event))
        return 1;
    if (a->part_of == (long)j || b->part_of == (long)i)
        return 1; /* a part and its whole */
    if (a->increment || b->increment)
        return 1; /* "two more bodies" adds to a count; it is not one */
    if (strcmp(a->incident, b->incident))
        return 1; /* the final assault's dead are not the siege's */
    if (unreal(a->status) != unreal(b->status))
        return 1;
    if (nationality_relation(lx, a, b) == 1)
        return 1;
    if (a->place_key[0] && b->place_key[0] && strcmp(a->place_key, b->place_key))
        return 1;
    if (strcmp(a->counted, b->counted) && !same_alias(lx, a->counted, b->counted) &&
        !names_generally(lx, a->counted, b->counted) && !names_generally(lx, b->counted, a->counted))
        return 1; /* two classes, neither the generic naming of the other ("crows" are not "people") */
    if (a->doc == b->doc && a->sent_start == b->sent_start && !a->cue && !b->cue && !same_amount(a, b) &&
        !(a->nation[0] && !strcmp(a->nation, b->nation)))
        return 1; /* "killed 10 in Tanzania and 224 in Kenya": two counts; but "six Britons
                   * per the government, five per the prime minister" is one, disputed */
    return 0;
}

/* Fills x with the features of the pair (i, j). */
static void pair_features(const nf_facts_sheet *sh, size_t i, size_t j, const lexicon *lx, double *x)
{
    const figure *a = &sh->figs[i], *b = &sh->figs[j];
    memset(x, 0, PF_COUNT * sizeof *x);
    int same = same_amount(a, b);
    x[PF_BIAS] = 1;
    x[PF_SAME_CLASS] = !strcmp(a->counted, b->counted);
    x[PF_ALIAS] = !x[PF_SAME_CLASS] && same_alias(lx, a->counted, b->counted);
    x[PF_GENERIC] = !x[PF_SAME_CLASS] && !x[PF_ALIAS] &&
                    (names_generally(lx, a->counted, b->counted) || names_generally(lx, b->counted, a->counted));
    x[PF_OTHER_CLASS] = !x[PF_SAME_CLASS] && !x[PF_GENERIC] && !x[PF_ALIAS];
    x[PF_NAT_ONE] = nationality_relation(lx, a, b) == 2;
    x[PF_PLACE_ONE] = !a->place_key[0] != !b->place_key[0];
    x[PF_SAME_VALUE] = same;
    if (!same && a->lo > 0 && b->lo > 0) {
        double r = fabs(log(a->lo / b->lo));
        x[PF_LOG_RATIO] = r > 3 ? 3 : r;
    } else if (!same)
        x[PF_LOG_RATIO] = 3; /* none against some */
    /* A report seldom gives two values of one count, unless one sentence
     * sets them side by side for the same people, or two sources give them
     * (a disputed figure: police's eight, an activist's nine). */
    x[PF_SAME_DOC] = !same && a->doc == b->doc &&
                     !(a->sent_start == b->sent_start && a->nation[0] && !strcmp(a->nation, b->nation)) &&
                     !(a->speaker[0] && b->speaker[0] && strcmp(a->speaker, b->speaker));
    x[PF_CUE] = a->cue || b->cue || a->status == ST_PREVIOUS || b->status == ST_PREVIOUS;
    x[PF_VAGUE] = a->qual == Q_VAGUE || b->qual == Q_VAGUE;
    x[PF_OTHER_STATUS] = (a->status == ST_CLAIMED || a->status == ST_NEGATED) !=
                         (b->status == ST_CLAIMED || b->status == ST_NEGATED);
    x[PF_WEAK_EVENT] = a->strong < 2 || b->strong < 2;
}

/* The model's weights: data/facts/pair_model.txt ("name<TAB>weight"
 * lines), read once into the lexicon's numbers, else the defaults. */
static void load_weights(const lexicon *lx, double *w)
{
    memcpy(w, default_weights, sizeof default_weights);
    for (int k = 0; lx && k < PF_COUNT; k++) {
        const lex_entry *e = lex_find(&lx->pair_model, feature_names[k], strlen(feature_names[k]));
        if (e)
            w[k] = e->num;
    }
}

/* The state of one clustering: per cluster (restatements joined) its
 * figures, a linked list through next[]; between clusters the sum and
 * number of pair scores (average linkage), -INFINITY across a cannot-link. */
typedef struct gstate {
    const nf_facts_sheet *sh;
    const lexicon *lx;
    double w[PF_COUNT];
    long *head, *next; /* per cluster: first figure (-1: merged away); per figure: next */
    double *sum;       /* nc x nc */
    long *cnt;         /* nc x nc */
    long nc;
    int places; /* the block's figures name two places or more */
    part_index parts; /* the block's exact counts by report */
    FILE *dump;
    const char *id; /* the event's id, for the dump */
} gstate;

static double pair_score(gstate *g, size_t i, size_t j)
{
    double x[PF_COUNT], s = 0;
    pair_features(g->sh, i, j, g->lx, x);
    for (int k = 0; k < PF_COUNT; k++)
        s += g->w[k] * x[k];
    if (g->dump) {
        fprintf(g->dump, "%s\t%zu\t%zu", g->id ? g->id : "", i, j);
        for (int k = 0; k < PF_COUNT; k++)
            fprintf(g->dump, "\t%g", x[k]);
        fputc('\n', g->dump);
    }
    return s;
}

/* Fills the sums between clusters p and q. */
static void link_init(gstate *g, long p, long q)
{
    double sum = 0;
    long n = 0;
    for (long i = g->head[p]; i >= 0 && isfinite(sum); i = g->next[i])
        for (long j = g->head[q]; j >= 0; j = g->next[j]) {
            if (cannot_link(g->sh, (size_t)i, (size_t)j, g->lx, g->places, &g->parts)) {
                sum = -INFINITY;
                break;
            }
            sum += pair_score(g, (size_t)i, (size_t)j);
            n++;
        }
    g->sum[p * g->nc + q] = g->sum[q * g->nc + p] = sum;
    g->cnt[p * g->nc + q] = g->cnt[q * g->nc + p] = n;
}

/* Merges q into p: lists joined, sums added (a cannot-link stays). */
static void merge(gstate *g, long p, long q)
{
    long t = g->head[p];
    while (g->next[t] >= 0)
        t = g->next[t];
    g->next[t] = g->head[q];
    g->head[q] = -1;
    for (long r = 0; r < g->nc; r++) {
        if (r == p || g->head[r] < 0)
            continue;
        double s = g->sum[p * g->nc + r] + g->sum[q * g->nc + r];
        long n = g->cnt[p * g->nc + r] + g->cnt[q * g->nc + r];
        g->sum[p * g->nc + r] = g->sum[r * g->nc + p] = s;
        g->cnt[p * g->nc + r] = g->cnt[r * g->nc + p] = n;
    }
}

/* The pair of live clusters with the best average score above zero. */
static int best_pair(const gstate *g, long *bp, long *bq)
{
    double best = 0;
    *bp = *bq = -1;
    for (long p = 0; p < g->nc; p++)
        for (long q = p + 1; g->head[p] >= 0 && q < g->nc; q++) {
            long n = g->cnt[p * g->nc + q];
            double s = g->sum[p * g->nc + q];
            if (g->head[q] >= 0 && n && isfinite(s) && s / (double)n > best)
                best = s / (double)n, *bp = p, *bq = q;
        }
    return *bp >= 0;
}

/* Returns 1 if figure f takes part in grouping: a count of something that
 * happened, not of another event's past, and not of charges ("five felony
 * counts": not_affected.txt). */
static int groupable(const lexicon *lx, const figure *f)
{
    return f->kind == KIND_COUNT && f->event[0] && f->counted[0] && !f->past &&
           !(lx && lex_find(&lx->not_affected, f->counted, strlen(f->counted)));
}

/* Must-links: a figure joins the first earlier one with the same frame and
 * amount (a restatement); returns the number of clusters. */
static long restatements(gstate *g, const long *fig, long nfig, long *cl)
{
    long nc = 0;
    for (long a = 0; a < nfig; a++) {
        cl[a] = -1;
        for (long b = 0; b < a && cl[a] < 0; b++) {
            const figure *x = &g->sh->figs[fig[a]], *y = &g->sh->figs[fig[b]];
            if (!strcmp(x->counted, y->counted) && !nationality_relation(g->lx, x, y) &&
                !strcmp(x->place_key, y->place_key) && x->status == y->status && same_amount(x, y) &&
                !cannot_link(g->sh, (size_t)fig[a], (size_t)fig[b], g->lx, g->places, &g->parts))
                cl[a] = cl[b];
        }
        if (cl[a] < 0)
            cl[a] = nc++;
    }
    return nc;
}

/* Clusters figures fig[0..nfig) of one outcome; cluster ids from *next_id. */
static int cluster_block(gstate *g, const long *fig, long nfig, long *next_id, nf_facts_sheet *sh)
{
    long *cl = xmalloc((size_t)nfig * sizeof *cl);
    if (!cl)
        return NF_ENOMEM;
    const char *place = NULL;
    g->places = 0;
    for (long a = 0; a < nfig; a++) {
        const char *k = sh->figs[fig[a]].place_key;
        if (k[0] && place && strcmp(k, place))
            g->places = 1;
        if (k[0])
            place = k;
    }
    g->parts.keys = xmalloc(((size_t)nfig + 1) * sizeof *g->parts.keys);
    g->parts.n = 0;
    for (long a = 0; g->parts.keys && a < nfig; a++) {
        const figure *f = &sh->figs[fig[a]];
        if (f->qual == Q_EXACT && !f->increment && f->lo >= 1 && f->lo < 4e9)
            g->parts.keys[g->parts.n++] = part_key(f->doc, f->lo);
    }
    if (!g->parts.keys) {
        xfree(cl);
        return NF_ENOMEM;
    }
    qsort(g->parts.keys, g->parts.n, sizeof *g->parts.keys, cmp_u64);
    long nc = g->nc = restatements(g, fig, nfig, cl);
    g->sum = xmalloc((size_t)(nc * nc) * sizeof *g->sum);
    g->cnt = xmalloc((size_t)(nc * nc) * sizeof *g->cnt);
    if (!g->sum || !g->cnt) {
        xfree(cl), xfree(g->sum), xfree(g->cnt), xfree(g->parts.keys);
        return NF_ENOMEM;
    }
    for (long c = 0; c < nc; c++)
        g->head[c] = -1;
    for (long a = nfig - 1; a >= 0; a--) { /* lists in figure order */
        g->next[fig[a]] = g->head[cl[a]];
        g->head[cl[a]] = fig[a];
    }
    for (long p = 0; p < nc; p++)
        for (long q = p + 1; q < nc; q++)
            link_init(g, p, q);
    for (long p, q; best_pair(g, &p, &q);)
        merge(g, p, q);
    for (long c = 0; c < nc; c++) {
        if (g->head[c] < 0)
            continue;
        for (long i = g->head[c]; i >= 0; i = g->next[i])
            sh->figs[i].group = *next_id;
        (*next_id)++;
    }
    xfree(cl), xfree(g->sum), xfree(g->cnt), xfree(g->parts.keys);
    g->parts.keys = NULL, g->parts.n = 0;
    return NF_OK;
}

/* The most figures of one outcome clustered together (the score matrix is
 * quadratic and the merging cubic in its clusters); a larger outcome is
 * clustered in blocks of this many, in document order. */
enum { BLOCK_MAX = 400 };

long group_figures(nf_facts_sheet *sh, const nf_docset *ds)
{
    gstate g = {.sh = sh, .lx = lexicon_get(), .id = nf_docset_id(ds)};
    load_weights(g.lx, g.w);
    const char *dump = getenv("NF_FACTS_PAIRS");
    g.dump = dump && *dump ? fopen(dump, "a") : NULL;
    long *fig = xmalloc((sh->n + 1) * sizeof *fig);
    uint8_t *done = xcalloc(sh->n + 1, 1);
    g.head = xmalloc((sh->n + 1) * sizeof *g.head);
    g.next = xmalloc((sh->n + 1) * sizeof *g.next);
    long ngroups = fig && done && g.head && g.next ? 0 : -1;
    for (size_t i = 0; i < sh->n; i++)
        sh->figs[i].group = -1;
    for (size_t i = 0; ngroups >= 0 && i < sh->n; i++) {
        if (done[i] || !groupable(g.lx, &sh->figs[i]))
            continue;
        long nfig = 0; /* the figures of this outcome, in order */
        for (size_t j = i; j < sh->n && nfig < BLOCK_MAX; j++)
            if (!done[j] && groupable(g.lx, &sh->figs[j]) && !strcmp(sh->figs[j].event, sh->figs[i].event))
                fig[nfig++] = (long)j, done[j] = 1;
        if (cluster_block(&g, fig, nfig, &ngroups, sh) != NF_OK)
            ngroups = -1;
    }
    if (g.dump)
        fclose(g.dump);
    xfree(fig), xfree(done), xfree(g.head), xfree(g.next);
    return ngroups;
}
