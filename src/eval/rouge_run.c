/* nf_rouge_score and the result getters: every summary scored for every
 * metric, then ROUGE-1.5.5's bootstrap per system and metric. References
 * are read once per cluster (ROUGE-1.5.5 rereads them for every system and
 * metric, which is where most of its time goes). */
#include "core/alloc.h"
#include "eval/rouge.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends one metric; 0 or -1. */
static int metric_add(nf_rouge *r, size_t *cap, int kind, int n, const char *name)
{
    if (GROW(r->metrics, *cap, r->nmetrics + 1))
        return -1;
    rouge_metric *m = &r->metrics[r->nmetrics++];
    m->kind = kind, m->n = n;
    snprintf(m->name, sizeof m->name, "%s", name);
    return 0;
}

/* The metrics in ROUGE-1.5.5's order: N, L, W, then S/SU as -u/-U say. */
static int metrics_build(nf_rouge *r)
{
    const rouge_settings *st = &r->st;
    size_t cap = 0;
    char name[48];
    int rc = 0;
    for (int n = 1; !rc && n <= st->max_n; n++) {
        snprintf(name, sizeof name, "ROUGE-%d", n);
        rc = metric_add(r, &cap, ROUGE_N, n, name);
    }
    if (!rc && st->lcs)
        rc = metric_add(r, &cap, ROUGE_L, 0, "ROUGE-L");
    if (!rc && st->has_w) {
        snprintf(name, sizeof name, "ROUGE-W-%s", st->weight_text);
        rc = metric_add(r, &cap, ROUGE_W, 0, name);
    }
    if (!rc && st->has_skip) {
        const char *d = st->skip < 0 ? "*" : st->skip_text;
        if (!st->skip_unigrams) {
            snprintf(name, sizeof name, "ROUGE-S%s", d);
            rc = metric_add(r, &cap, ROUGE_S, 0, name);
        }
        if (!rc && (st->skip_unigrams || st->skip_both)) {
            snprintf(name, sizeof name, "ROUGE-SU%s", d);
            rc = metric_add(r, &cap, ROUGE_SU, 0, name);
        }
    }
    return rc;
}

/* What one scoring run holds besides the scorer. */
typedef struct run {
    rouge_lexicon lx;
    rouge_idmap grams[ROUGE_MAX_N];
    arena models;         /* every reference, read once */
    rouge_doc **docs;     /* docs[cluster][reference] */
    rouge_work work;
} run;

/* Releases what a run holds (nclusters: how many docs rows exist). */
static void run_free(run *u, size_t nclusters)
{
    lexicon_free(&u->lx);
    for (int k = 0; k < ROUGE_MAX_N; k++)
        idmap_free(&u->grams[k]);
    arena_free(&u->models);
    if (u->docs)
        for (size_t i = 0; i < nclusters; i++)
            xfree(u->docs[i]);
    xfree(u->docs);
    work_free(&u->work);
}

/* Reads every reference of every cluster. */
static int read_models(nf_rouge *r, run *u)
{
    if (!(u->docs = xcalloc(r->nclusters ? r->nclusters : 1, sizeof *u->docs)))
        return NF_ENOMEM;
    for (size_t i = 0; i < r->nclusters; i++) {
        rouge_cluster *c = &r->clusters[i];
        if (!(u->docs[i] = xcalloc(c->nrefs ? c->nrefs : 1, sizeof **u->docs)))
            return NF_ENOMEM;
        for (size_t j = 0; j < c->nrefs; j++)
            if (doc_read(&u->lx, &r->st, u->grams, &u->models, c->refs[j], c->ref_len[j],
                         &u->docs[i][j]))
                return NF_ENOMEM;
    }
    return NF_OK;
}

/* Scores one system's summaries into s->scores. */
static int score_system(nf_rouge *r, run *u, rouge_system *s)
{
    size_t per = r->nmetrics * 3;
    if (!(s->scores = xmalloc((r->nclusters ? r->nclusters : 1) * (per ? per : 1) * sizeof(double))))
        return NF_ENOMEM;
    for (size_t i = 0; i < r->nclusters * per; i++)
        s->scores[i] = NAN;
    for (size_t e = 0; e < s->nentries; e++) {
        rouge_entry *en = &s->entries[e];
        uint32_t ci;
        if (!strmap_get(&r->cluster_ids, en->id, strlen(en->id), &ci)) {
            snprintf(r->err, sizeof r->err, "summary '%s' of system '%s' has no references",
                     en->id, s->name);
            return NF_EDATA;
        }
        en->cluster = ci;
        arena peer_mem = {0};
        rouge_doc peer;
        int rc = doc_read(&u->lx, &r->st, u->grams, &peer_mem, en->text, en->len, &peer);
        const rouge_cluster *c = &r->clusters[ci];
        for (size_t m = 0; !rc && m < r->nmetrics; m++) {
            rc = score_eval(&r->st, &r->metrics[m], &peer, u->docs[ci], c->nrefs,
                            u->lx.nforms, &u->work, s->scores + ci * per + m * 3);
            if (rc == NF_EDATA)
                snprintf(r->err, sizeof r->err,
                         "ROUGE-W: a reference of '%s' has no words (ROUGE-1.5.5 stops with "
                         "\"Illegal division by zero\")", c->id);
        }
        arena_free(&peer_mem);
        if (rc)
            return rc;
    }
    return NF_OK;
}

/* A bootstrap instance: "<id>.<system>" and where its scores are. */
typedef struct inst {
    char *key;
    size_t cluster;
} inst;

/* qsort: instances by key, bytewise (Perl's sort keys). */
static int inst_cmp(const void *a, const void *b)
{
    return strcmp(((const inst *)a)->key, ((const inst *)b)->key);
}

/* The bootstrap averages of one system, instances in ROUGE-1.5.5's order
 * (the strings "<eval id>.<peer id>" sorted bytewise). draws caches the
 * resample indices for the last instance count. */
static int average_system(nf_rouge *r, rouge_system *s, uint32_t **draws, size_t *draws_n)
{
    size_t n = s->nentries, per = r->nmetrics * 3;
    long R = r->st.resamples;
    inst *in = xcalloc(n ? n : 1, sizeof *in);
    double *vals = xmalloc((n ? n : 1) * (per ? per : 1) * sizeof *vals);
    s->avg = xcalloc(per ? per * 3 : 1, sizeof *s->avg);
    int rc = in && vals && s->avg ? NF_OK : NF_ENOMEM;
    for (size_t i = 0; !rc && i < n; i++) {
        size_t len = strlen(s->entries[i].id) + strlen(s->name) + 2;
        if (!(in[i].key = xmalloc(len)))
            rc = NF_ENOMEM;
        else
            snprintf(in[i].key, len, "%s.%s", s->entries[i].id, s->name);
        in[i].cluster = s->entries[i].cluster;
    }
    if (!rc && *draws_n != n) {
        xfree(*draws);
        *draws_n = (size_t)-1;
        if (!(*draws = bootstrap_draws(n, R)))
            rc = NF_ENOMEM;
        else
            *draws_n = n;
    }
    if (!rc) {
        qsort(in, n, sizeof *in, inst_cmp);
        for (size_t v = 0; v < per; v++)
            for (size_t i = 0; i < n; i++)
                vals[v * n + i] = s->scores[in[i].cluster * per + v];
        if (bootstrap_average(vals, per, n, *draws, R, r->st.conf, s->avg))
            rc = NF_ENOMEM;
    }
    for (size_t i = 0; in && i < n; i++)
        xfree(in[i].key);
    xfree(in), xfree(vals);
    return rc;
}

int nf_rouge_score(nf_rouge *r)
{
    if (r->scored)
        return NF_OK;
    if (r->st.skip_unigrams && !r->st.has_skip)
        r->st.skip_unigrams = 0; /* -u means nothing without -2, as in ROUGE-1.5.5 */
    r->nmetrics = 0; /* a failed run may be retried */
    xfree(r->signature);
    r->signature = NULL;
    for (size_t i = 0; i < r->nsystems; i++) {
        xfree(r->systems[i].scores), xfree(r->systems[i].avg);
        r->systems[i].scores = r->systems[i].avg = NULL;
    }
    run u;
    memset(&u, 0, sizeof u);
    int rc = metrics_build(r) ? NF_ENOMEM : lexicon_init(&u.lx, &r->st);
    if (rc == NF_EDATA)
        snprintf(r->err, sizeof r->err, "the ROUGE word lists are missing from this build");
    if (!rc)
        rc = read_models(r, &u);
    for (size_t i = 0; !rc && i < r->nsystems; i++)
        rc = score_system(r, &u, &r->systems[i]);
    uint32_t *draws = NULL;
    size_t draws_n = (size_t)-1;
    for (size_t i = 0; !rc && i < r->nsystems; i++)
        rc = average_system(r, &r->systems[i], &draws, &draws_n);
    xfree(draws);
    run_free(&u, r->nclusters);
    if (!rc && !(r->signature = rouge_signature_make(r)))
        rc = NF_ENOMEM;
    if (rc == NF_ENOMEM)
        snprintf(r->err, sizeof r->err, "out of memory");
    r->scored = rc == NF_OK;
    return rc;
}

/* ---- getters ---- */

size_t nf_rouge_system_count(const nf_rouge *r) { return r->nsystems; }
size_t nf_rouge_metric_count(const nf_rouge *r) { return r->scored ? r->nmetrics : 0; }
size_t nf_rouge_cluster_count(const nf_rouge *r) { return r->nclusters; }

const char *nf_rouge_system_name(const nf_rouge *r, size_t i)
{
    return i < r->nsystems ? r->systems[i].name : NULL;
}

const char *nf_rouge_metric_name(const nf_rouge *r, size_t i)
{
    return r->scored && i < r->nmetrics ? r->metrics[i].name : NULL;
}

const char *nf_rouge_cluster_id(const nf_rouge *r, size_t i)
{
    return i < r->nclusters ? r->clusters[i].id : NULL;
}

size_t nf_rouge_summary_count(const nf_rouge *r, size_t system)
{
    return system < r->nsystems ? r->systems[system].nentries : 0;
}

int nf_rouge_average(const nf_rouge *r, size_t system, size_t metric, int value, double out[3])
{
    if (!r->scored || system >= r->nsystems || metric >= r->nmetrics || value < 0 || value > 2)
        return NF_EINVAL;
    memcpy(out, r->systems[system].avg + (metric * 3 + (size_t)value) * 3, 3 * sizeof *out);
    return NF_OK;
}

int nf_rouge_cluster_score(const nf_rouge *r, size_t system, size_t metric, size_t cluster,
                           double rpf[3])
{
    if (!r->scored || system >= r->nsystems || metric >= r->nmetrics || cluster >= r->nclusters)
        return NF_EINVAL;
    const double *v = r->systems[system].scores + (cluster * r->nmetrics + metric) * 3;
    if (isnan(v[0]))
        return NF_EEMPTY;
    memcpy(rpf, v, 3 * sizeof *rpf);
    return NF_OK;
}

const char *nf_rouge_signature(const nf_rouge *r)
{
    return r->signature ? r->signature : "";
}
