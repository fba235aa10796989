/* nf_rouge: the public face of the ROUGE scorer. Settings come by key
 * (nf_rouge_set) or as a ROUGE-1.5.5 command line (nf_rouge_set_flags),
 * both through the one setter of a letter (rouge_set_flag); texts
 * are stored as given; nf_rouge_score reads every reference once per
 * cluster, scores every summary for every metric, then runs the bootstrap
 * per system and metric exactly as ROUGE-1.5.5 does. */
#include "core/alloc.h"
#include "eval/rouge.h"
#include "core/utf8.h"
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Records a message for nf_rouge_error and returns status. */
static int fail(nf_rouge *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(nf_rouge *r, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    va_end(ap);
    utf8_cut_invalid(r->err); /* a quoted flag or value may end inside a character */
    return status;
}

nf_rouge *nf_rouge_new(void)
{
    nf_rouge *r = xcalloc(1, sizeof *r);
    if (!r)
        return NULL;
    rouge_settings *st = &r->st;
    st->formula = 'A';
    st->alpha = 0.5, st->conf = 95, st->resamples = 1000, st->lcs = 1;
    strcpy(st->alpha_text, "0.5");
    strcpy(st->conf_text, "95");
    return r;
}

/* Frees a system's storage. */
static void system_free(rouge_system *s)
{
    for (size_t i = 0; i < s->nentries; i++)
        xfree(s->entries[i].id), xfree(s->entries[i].text);
    xfree(s->entries), xfree(s->name), xfree(s->scores), xfree(s->avg);
    strmap_free(&s->ids);
}

void nf_rouge_free(nf_rouge *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nclusters; i++) {
        rouge_cluster *c = &r->clusters[i];
        for (size_t j = 0; j < c->nrefs; j++)
            xfree(c->refs[j]);
        xfree(c->refs), xfree(c->ref_len), xfree(c->id);
    }
    for (size_t i = 0; i < r->nsystems; i++)
        system_free(&r->systems[i]);
    xfree(r->clusters), xfree(r->systems), xfree(r->metrics), xfree(r->signature);
    strmap_free(&r->cluster_ids), strmap_free(&r->system_ids);
    xfree(r);
}

const char *nf_rouge_error(const nf_rouge *r)
{
    return r ? r->err : "";
}

/* ---- settings ---- */

/* Parses a whole-string integer; 0 or -1. */
static int parse_long(const char *s, long *v)
{
    char *end;
    if (!s || !*s)
        return -1;
    errno = 0;
    *v = strtol(s, &end, 10);
    return *end || errno ? -1 : 0;
}

/* Parses a whole-string number; 0 or -1. */
static int parse_double(const char *s, double *v)
{
    char *end;
    if (!s || !*s)
        return -1;
    errno = 0;
    *v = strtod(s, &end);
    return *end || errno || !isfinite(*v) ? -1 : 0;
}

/* Copies a value as written (for names and the signature). */
static void keep_text(char *dst, const char *src)
{
    snprintf(dst, 24, "%s", src);
}

int rouge_flag_arity(char flag)
{
    if (flag && strchr("nlb2fpcrwte", flag))
        return 1;
    if (flag && strchr("msuUxadv", flag))
        return 0;
    return -1;
}

/* The flags that take a number: range checks as ROUGE-1.5.5 makes them. */
static int set_number_flag(nf_rouge *r, char flag, const char *value)
{
    rouge_settings *st = &r->st;
    long n = 0;
    double x = 0;
    int isint = strchr("nlb2r", flag) != NULL;
    if (isint ? parse_long(value, &n) : parse_double(value, &x))
        return fail(r, NF_EINVAL, "-%c: '%s' is not a number", flag, value ? value : "");
    switch (flag) {
    case 'n':
        if (n < 0 || n > ROUGE_MAX_N)
            return fail(r, NF_EINVAL, "-n: n-gram size must be 0..%d", ROUGE_MAX_N);
        st->max_n = (int)n;
        return NF_OK;
    case 'l': case 'b':
        if (n < 0)
            return fail(r, NF_EINVAL, "-%c: the limit must be >= 0", flag);
        if (st->limit_flag && st->limit_flag != flag) /* ROUGE-1.5.5 refuses both, even 0 */
            return fail(r, NF_EINVAL, "-l and -b: give a limit in words or in bytes, not both");
        st->limit_flag = flag;
        *(flag == 'l' ? &st->words : &st->bytes) = n;
        return NF_OK;
    case '2':
        if (n < -1000000 || n > 1000000)
            return fail(r, NF_EINVAL, "-2: skip distance out of range");
        st->has_skip = 1, st->skip = (int)n;
        keep_text(st->skip_text, value);
        return NF_OK;
    case 'r':
        if (n < 1 || n > 10000000)
            return fail(r, NF_EINVAL, "-r: the number of resamples must be 1..10000000");
        st->resamples = n;
        return NF_OK;
    case 'p':
        if (x < 0 || x > 1)
            return fail(r, NF_EINVAL, "-p: alpha must be within 0 and 1");
        st->alpha = x;
        keep_text(st->alpha_text, value);
        return NF_OK;
    case 'c':
        if (x < 0 || x > 100)
            return fail(r, NF_EINVAL, "-c: the confidence level must be within 0 and 100");
        st->conf = x;
        keep_text(st->conf_text, value);
        return NF_OK;
    default: /* 'w' */
        if (!(x > 0))
            return fail(r, NF_EINVAL, "-w: the ROUGE-W weight must be greater than 0");
        st->has_w = 1, st->weight = x;
        keep_text(st->weight_text, value);
        return NF_OK;
    }
}

int rouge_set_flag(nf_rouge *r, char flag, const char *value)
{
    rouge_settings *st = &r->st;
    if (r->scored)
        return fail(r, NF_EINVAL, "settings are fixed once the scores are computed");
    switch (flag) {
    case 'm': st->stem = 1; return NF_OK;
    case 's': st->stop = 1; return NF_OK;
    case 'u': st->skip_unigrams = 1; return NF_OK;
    case 'U': st->skip_both = 1; return NF_OK;
    case 'x': st->lcs = 0; return NF_OK;
    case 'a': case 'd': case 'v': case 'e': return NF_OK; /* nothing to change here */
    case 'f':
        if (!value || (strcmp(value, "A") && strcmp(value, "B")))
            return fail(r, NF_EINVAL, "-f: the scoring formula is A or B");
        st->formula = value[0];
        return NF_OK;
    case 't':
        if (!value || strcmp(value, "0"))
            return fail(r, NF_EINVAL, "-t: only -t 0 (average over summaries) is supported");
        return NF_OK;
    default:
        if (rouge_flag_arity(flag) == 1)
            return set_number_flag(r, flag, value);
        return fail(r, NF_EINVAL, "unknown ROUGE-1.5.5 option -%c", flag ? flag : '?');
    }
}

/* Copies the next white-space separated word of *p into w (cap bytes);
 * returns 0 at the end of the string. */
static int next_word(const char **p, char *w, size_t cap)
{
    const char *s = *p + strspn(*p, " \t\r\n");
    size_t n = strcspn(s, " \t\r\n");
    *p = s + n;
    if (!n)
        return 0;
    snprintf(w, cap, "%.*s", (int)n, s);
    return 1;
}

int nf_rouge_set_flags(nf_rouge *r, const char *flags)
{
    char w[256], v[256];
    const char *p = flags ? flags : "";
    while (next_word(&p, w, sizeof w)) {
        if (w[0] != '-' || !w[1])
            return fail(r, NF_EINVAL, "'%s' is not a ROUGE-1.5.5 option", w);
        for (const char *g = w + 1; *g; g++) {
            int arity = rouge_flag_arity(*g);
            if (arity < 0)
                return fail(r, NF_EINVAL, "unknown ROUGE-1.5.5 option -%c", *g);
            if (arity == 0) {
                if (rouge_set_flag(r, *g, NULL))
                    return NF_EINVAL;
                continue;
            }
            const char *val = g[1] ? g + 1 : (next_word(&p, v, sizeof v) ? v : NULL);
            if (!val)
                return fail(r, NF_EINVAL, "-%c needs a value", *g);
            int rc = rouge_set_flag(r, *g, val);
            if (rc)
                return rc;
            break;
        }
    }
    return NF_OK;
}

/* The keys and the letter each stands for; switches take 0|1 values. */
static const struct {
    const char *name;
    char flag;
} long_names[] = {
    {"ngram", 'n'}, {"stem", 'm'}, {"stopwords", 's'}, {"words", 'l'}, {"bytes", 'b'},
    {"skip", '2'}, {"skip_unigrams", 'u'}, {"skip_both", 'U'}, {"formula", 'f'},
    {"alpha", 'p'}, {"confidence", 'c'}, {"resamples", 'r'}, {"wlcs", 'w'},
};

int nf_rouge_set(nf_rouge *r, const char *key, const char *value)
{
    if (!r)
        return NF_EINVAL;
    if (!key || !value)
        return fail(r, NF_EINVAL, "nf_rouge_set: key and value are required");
    if (r->scored)
        return fail(r, NF_EINVAL, "settings are fixed once the scores are computed");
    if (!strcmp(key, "unicode") || !strcmp(key, "lcs")) {
        if (strcmp(value, "0") && strcmp(value, "1"))
            return fail(r, NF_EINVAL, "%s: expected 0 or 1", key);
        *(key[0] == 'u' ? &r->st.unicode : &r->st.lcs) = value[0] == '1';
        return NF_OK;
    }
    if (!strcmp(key, "note")) {
        snprintf(r->note, sizeof r->note, "%s", value);
        return NF_OK;
    }
    for (size_t i = 0; i < sizeof long_names / sizeof *long_names; i++) {
        if (strcmp(key, long_names[i].name))
            continue;
        char flag = long_names[i].flag;
        if (rouge_flag_arity(flag) == 1)
            return rouge_set_flag(r, flag, value);
        if (strcmp(value, "0") && strcmp(value, "1"))
            return fail(r, NF_EINVAL, "%s: expected 0 or 1", key);
        if (value[0] == '1')
            return rouge_set_flag(r, flag, NULL);
        rouge_settings *st = &r->st;
        *(flag == 'm' ? &st->stem : flag == 's' ? &st->stop : flag == 'u' ? &st->skip_unigrams
                                                                          : &st->skip_both) = 0;
        return NF_OK;
    }
    return fail(r, NF_EINVAL, "unknown ROUGE setting '%s'", key);
}

/* ---- texts ---- */

/* Returns the index of system name, adding it if new; -1 when out of memory. */
static long system_index(nf_rouge *r, const char *name)
{
    uint32_t k;
    if (strmap_get(&r->system_ids, name, strlen(name), &k))
        return k;
    if (GROW(r->systems, r->system_cap, r->nsystems + 1))
        return -1;
    rouge_system *s = &r->systems[r->nsystems];
    memset(s, 0, sizeof *s);
    if (!(s->name = xstrdup(name)) ||
        strmap_put(&r->system_ids, name, strlen(name), (uint32_t)r->nsystems)) {
        xfree(s->name);
        return -1;
    }
    return (long)r->nsystems++;
}

int nf_rouge_add_references(nf_rouge *r, const char *id, const char *const *refs,
                            const size_t *lens, size_t n)
{
    uint32_t k;
    if (r->scored)
        return fail(r, NF_EINVAL, "texts cannot be added after scoring");
    if (!id || (n && (!refs || !lens)))
        return fail(r, NF_EINVAL, "nf_rouge_add_references: id and references are required");
    if (strmap_get(&r->cluster_ids, id, strlen(id), &k))
        return fail(r, NF_EDATA, "references for '%s' given twice", id);
    if (GROW(r->clusters, r->cluster_cap, r->nclusters + 1))
        return fail(r, NF_ENOMEM, "out of memory");
    rouge_cluster *c = &r->clusters[r->nclusters];
    memset(c, 0, sizeof *c);
    c->id = xstrdup(id);
    c->refs = xcalloc(n ? n : 1, sizeof *c->refs);
    c->ref_len = xcalloc(n ? n : 1, sizeof *c->ref_len);
    int ok = c->id && c->refs && c->ref_len;
    for (size_t i = 0; ok && i < n; i++, c->nrefs++)
        ok = (c->refs[i] = xstrndup(refs[i] ? refs[i] : "", refs[i] ? lens[i] : 0)) != NULL,
        c->ref_len[i] = refs[i] ? lens[i] : 0;
    r->nclusters++; /* freed with the scorer even when incomplete */
    if (!ok || strmap_put(&r->cluster_ids, id, strlen(id), (uint32_t)(r->nclusters - 1)))
        return fail(r, NF_ENOMEM, "out of memory");
    return NF_OK;
}

int nf_rouge_add_summary(nf_rouge *r, const char *system, const char *id, const char *text,
                         size_t len)
{
    if (r->scored)
        return fail(r, NF_EINVAL, "texts cannot be added after scoring");
    if (!system || !*system || !id || (!text && len))
        return fail(r, NF_EINVAL, "nf_rouge_add_summary: system, id and text are required");
    long si = system_index(r, system);
    if (si < 0)
        return fail(r, NF_ENOMEM, "out of memory");
    rouge_system *s = &r->systems[si];
    uint32_t k;
    if (strmap_get(&s->ids, id, strlen(id), &k))
        return fail(r, NF_EDATA, "system '%s' has two summaries for '%s'", system, id);
    if (GROW(s->entries, s->cap, s->nentries + 1))
        return fail(r, NF_ENOMEM, "out of memory");
    rouge_entry *e = &s->entries[s->nentries];
    e->id = xstrdup(id);
    e->text = xstrndup(text ? text : "", text ? len : 0);
    e->len = text ? len : 0, e->cluster = 0;
    if (!e->id || !e->text) {
        xfree(e->id), xfree(e->text);
        return fail(r, NF_ENOMEM, "out of memory");
    }
    s->nentries++;
    if (strmap_put(&s->ids, id, strlen(id), (uint32_t)s->nentries))
        return fail(r, NF_ENOMEM, "out of memory");
    return NF_OK;
}
