/* An article's term vectors, in three channels: body words and title
 * words (folded, stemmed, stop words and bare numbers out: the tokenizer
 * of summaries, text/tokens.c), and names, the capitalised phrases of the
 * body ("Lucien Bouchard", "Parti Quebecois") that are not the first word
 * of a sentence, a separate vocabulary (prefixed "\1") because a name is
 * stronger evidence of one event than its words apart. Weights are tf-idf
 * with the idf of the stream so far, so nothing is needed beforehand and
 * the weights follow the stream's own vocabulary. */
#include "core/alloc.h"
#include "events/events.h"
#include "text/tokens.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The terms an article keeps per channel (its centroid share): the most
 * weighty ones carry its topic; the long tail costs time and memory. */
static const uint32_t keep_terms[CH_COUNT] = {100, 16, 24};
/* Names: at most this many words, this many bytes. */
#define NAME_WORDS 4
#define NAME_BYTES 80
/* The body is read as far as this many bytes (to the last space before):
 * a news report says what it is about first (the inverted pyramid), and
 * an article then costs the same however long it is. */
#ifndef BODY_BYTES
#define BODY_BYTES 4000
#endif

typedef struct reading {
    terms *tm;
    const char *text;
    int channel; /* CH_BODY or CH_TITLE */
    char name[NAME_BYTES + 2];
    size_t name_len, name_words, name_end;
    int failed;
} reading;

/* Makes room for term ids below n in the per-id arrays. */
static int reserve_ids(terms *tm, size_t n)
{
    if (n <= tm->countcap && n <= tm->dfcap)
        return 0;
    size_t cap = tm->countcap ? tm->countcap : 4096;
    while (cap < n)
        cap *= 2;
    for (int c = 0; c < CH_COUNT; c++) {
        uint32_t *p = xrealloc(tm->count[c], cap * sizeof *p);
        if (!p)
            return -1;
        memset(p + tm->countcap, 0, (cap - tm->countcap) * sizeof *p);
        tm->count[c] = p;
    }
    uint32_t *df = xrealloc(tm->df, cap * sizeof *df);
    if (!df)
        return -1;
    memset(df + tm->dfcap, 0, (cap - tm->dfcap) * sizeof *df);
    tm->df = df;
    float *logdf = xrealloc(tm->logdf, cap * sizeof *logdf);
    if (!logdf)
        return -1;
    for (size_t i = tm->dfcap; i < cap; i++)
        logdf[i] = (float)log(0.5);
    tm->logdf = logdf, tm->dfcap = tm->countcap = cap;
    return 0;
}

/* Counts the term of this hash once more in channel c. */
static int count_term(terms *tm, int c, uint64_t hash)
{
    hash = hash ? hash : 1;
    long id = keymap_get(&tm->ids, hash);
    if (id < 0) {
        id = (long)tm->nterms;
        if (reserve_ids(tm, (size_t)id + 1) || keymap_put(&tm->ids, hash, (uint32_t)id))
            return -1;
        tm->nterms++;
    }
    if (tm->count[c][id]++ == 0) {
        if (GROW(tm->touched[c], tm->touchcap[c], tm->ntouched[c] + 1))
            return -1;
        tm->touched[c][tm->ntouched[c]++] = (uint32_t)id;
    }
    return 0;
}

static int flush_name(reading *rd)
{
    int rc = 0;
    if (rd->name_words) {
        rc = count_term(rd->tm, CH_NAMES, hash_bytes64(rd->name, rd->name_len));
        rd->name_words = 0;
    }
    return rc;
}

/* Returns 1 if the token at text[start] opens a sentence: only quotes,
 * brackets and white space stand between it and a full stop, a line
 * break or the start of the text. */
static int sentence_initial(const char *text, size_t start)
{
    while (start > 0) {
        char c = text[--start];
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':')
            return 1;
        if (c != ' ' && c != '"' && c != '\'' && c != '(' && c != '\t')
            return 0;
    }
    return 1;
}

/* A name word: capitalised in the text, not a stop word, not the first
 * word of a sentence. Consecutive ones, a single space apart, make one
 * phrase. */
static int name_token(reading *rd, const token *t)
{
    unsigned char first = (unsigned char)rd->text[t->start];
    int cap = first >= 'A' && first <= 'Z' && !t->stop && !sentence_initial(rd->text, t->start);
    if (!cap)
        return flush_name(rd);
    int joins = rd->name_words && rd->name_words < NAME_WORDS && t->start == rd->name_end + 1 &&
                rd->text[rd->name_end] == ' ' && rd->name_len + 1 + t->folded_len <= NAME_BYTES;
    if (!joins) {
        if (flush_name(rd))
            return -1;
        if (t->folded_len + 1 > NAME_BYTES)
            return 0;
        rd->name[0] = '\1', rd->name_len = 1;
    } else
        rd->name[rd->name_len++] = ' ';
    memcpy(rd->name + rd->name_len, t->folded, t->folded_len);
    rd->name_len += t->folded_len, rd->name_words++, rd->name_end = t->end;
    return 0;
}

/* Returns 1 if the token is digits only (a figure, not a topic word). */
static int bare_number(const token *t)
{
    for (size_t i = 0; i < t->folded_len; i++)
        if (t->folded[i] < '0' || t->folded[i] > '9')
            return 0;
    return 1;
}

static int on_token(const token *t, void *arg)
{
    reading *rd = arg;
    if (rd->channel == CH_BODY && name_token(rd, t))
        return -1;
    if (t->stop || bare_number(t))
        return 0;
    return count_term(rd->tm, rd->channel, t->form_hash) ? -1 : 0;
}

double terms_idf(const terms *tm, uint32_t id)
{
    /* ln((N + 1) / (df + 0.5)), of logarithms kept up to date as they change */
    return tm->logn - (id < tm->dfcap ? tm->logdf[id] : log(0.5));
}

static int by_weight_desc(const void *a, const void *b)
{
    const tw *x = a, *y = b;
    return x->w > y->w ? -1 : x->w < y->w ? 1 : x->id < y->id ? -1 : x->id > y->id;
}

static int by_id(const void *a, const void *b)
{
    const tw *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Moves the k first of t[0..n) in by_weight_desc order to its front, in
 * any order (quickselect: a total order, so the same k whatever the
 * input order). */
static void select_top(tw *t, uint32_t n, uint32_t k)
{
    uint32_t lo = 0, hi = n; /* the k-th lies in [lo, hi); terms are distinct */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2, store = lo;
        tw pivot = t[mid];
        t[mid] = t[hi - 1], t[hi - 1] = pivot;
        for (uint32_t i = lo; i < hi - 1; i++) /* Lomuto: those before the pivot first */
            if (by_weight_desc(&t[i], &pivot) < 0) {
                tw x = t[i];
                t[i] = t[store], t[store] = x;
                store++;
            }
        t[hi - 1] = t[store], t[store] = pivot;
        if (store + 1 == k)
            return;
        if (store + 1 > k)
            hi = store;
        else
            lo = store + 1;
    }
}

/* Keeps the k terms of v weightiest under the current idf, sorted by id. */
static void keep_top(const terms *tm, tvec *v, uint32_t k)
{
    if (v->n > k) {
        for (uint32_t i = 0; i < v->n; i++) /* weigh, select, cut, unweigh */
            v->t[i].w = (float)(v->t[i].w * terms_idf(tm, v->t[i].id));
        select_top(v->t, v->n, k);
        v->n = k;
        for (uint32_t i = 0; i < v->n; i++)
            v->t[i].w = (float)(v->t[i].w / terms_idf(tm, v->t[i].id));
    }
    if (v->n > 1) /* qsort's base may not be NULL, even for nothing */
        qsort(v->t, v->n, sizeof *v->t, by_id);
}

/* Channel c of the article just counted, as a vector of tf shares. */
static int channel_vector(terms *tm, int c, tvec *v)
{
    size_t n = tm->ntouched[c];
    v->n = 0;
    if (n > v->cap) {
        tw *t = xrealloc(v->t, n * sizeof *t);
        if (!t)
            return -1;
        v->t = t, v->cap = (uint32_t)n;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t id = tm->touched[c][i];
        v->t[v->n++] = (tw){id, (float)(1.0 + log((double)tm->count[c][id]))};
    }
    keep_top(tm, v, keep_terms[c]);
    double norm = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        double x = v->t[i].w * terms_idf(tm, v->t[i].id);
        norm += x * x;
    }
    norm = sqrt(norm);
    for (uint32_t i = 0; norm > 0 && i < v->n; i++)
        v->t[i].w = (float)(v->t[i].w / norm);
    return 0;
}

/* Forgets the counts of the article read before. */
static void clear_counts(terms *tm)
{
    for (int c = 0; c < CH_COUNT; c++) {
        for (size_t i = 0; i < tm->ntouched[c]; i++)
            tm->count[c][tm->touched[c][i]] = 0;
        tm->ntouched[c] = 0;
    }
}

int terms_article(terms *tm, const events_article *a, tvec v[CH_COUNT])
{
    tokenizer *tk = tokenizer_for_thread(tm->language);
    if (!tk)
        return -1;
    clear_counts(tm);
    reading rd = {.tm = tm, .text = a->text, .channel = CH_BODY};
    size_t len = a->len;
    if (len > BODY_BYTES) {
        len = BODY_BYTES;
        while (len > 0 && a->text[len] != ' ' && a->text[len] != '\n')
            len--;
    }
    if (tokenizer_each(tk, a->text, len, on_token, &rd) || flush_name(&rd))
        return -1;
    if (a->title) {
        rd.text = a->title, rd.channel = CH_TITLE;
        if (tokenizer_each(tk, a->title, strlen(a->title), on_token, &rd))
            return -1;
    }
    for (int c = 0; c < CH_COUNT; c++)
        if (channel_vector(tm, c, &v[c]))
            return -1;
    return 0;
}

int terms_count(terms *tm)
{
    /* body and title share their ids: a term in both counts once */
    for (int c = 0; c < CH_COUNT; c++)
        for (size_t i = 0; i < tm->ntouched[c]; i++) {
            uint32_t id = tm->touched[c][i];
            if (c != CH_TITLE || !tm->count[CH_BODY][id])
                tm->logdf[id] = (float)log(++tm->df[id] + 0.5);
        }
    tm->ndocs++;
    tm->logn = log((double)tm->ndocs + 1.0);
    return 0;
}

double tvec_norm(const terms *tm, const tvec *v)
{
    double n = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        double x = v->t[i].w * terms_idf(tm, v->t[i].id);
        n += x * x;
    }
    return sqrt(n);
}

int tvec_scatter(const terms *tm, const tvec *a, float **dense, size_t *cap)
{
    if (*cap < tm->dfcap) {
        float *d = xrealloc(*dense, tm->dfcap * sizeof *d);
        if (!d)
            return -1;
        memset(d + *cap, 0, (tm->dfcap - *cap) * sizeof *d);
        *dense = d, *cap = tm->dfcap;
    }
    for (uint32_t i = 0; i < a->n; i++) {
        double idf = terms_idf(tm, a->t[i].id);
        (*dense)[a->t[i].id] = (float)(a->t[i].w * idf * idf);
    }
    return 0;
}

void tvec_unscatter(const tvec *a, float *dense)
{
    for (uint32_t i = 0; i < a->n; i++)
        dense[a->t[i].id] = 0;
}

double tvec_cosine(const float *dense, double anorm, const tvec *b, double bnorm)
{
    if (anorm <= 0 || bnorm <= 0)
        return 0.0;
    double dot = 0;
    for (uint32_t j = 0; j < b->n; j++)
        dot += dense[b->t[j].id] * b->t[j].w;
    return dot / (anorm * bnorm);
}

int tvec_add_top(const terms *tm, tvec *dst, const tvec *src, uint32_t k)
{
    uint32_t need = dst->n + src->n;
    if (!src->n) { /* nothing to add (and dst->t may be NULL) */
        keep_top(tm, dst, k);
        return 0;
    }
    if (need > dst->cap) {
        tw *t = xrealloc(dst->t, (size_t)need * sizeof *t);
        if (!t)
            return -1;
        dst->t = t, dst->cap = need;
    }
    /* merge in place from the back: both sorted by id */
    uint32_t n = dst->n, i = 0, j = 0, out = 0;
    tw *merged = dst->t + n; /* src's terms not in dst go after dst's */
    for (j = 0; j < src->n; j++) {
        while (i < n && dst->t[i].id < src->t[j].id)
            i++;
        if (i < n && dst->t[i].id == src->t[j].id)
            dst->t[i].w += src->t[j].w;
        else
            merged[out++] = src->t[j];
    }
    dst->n = n + out;
    keep_top(tm, dst, k);
    return 0;
}

void tvec_free(tvec *v)
{
    xfree(v->t);
    memset(v, 0, sizeof *v);
}

void terms_free(terms *tm)
{
    keymap_free(&tm->ids);
    xfree(tm->df), xfree(tm->logdf);
    for (int c = 0; c < CH_COUNT; c++)
        xfree(tm->count[c]), xfree(tm->touched[c]);
    memset(tm, 0, sizeof *tm);
}

/* Days from 1970-01-01 to a civil date (proleptic Gregorian). */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long events_day(const char *s, int *bad)
{
    *bad = 0;
    if (!s || !*s)
        return EVENTS_UNDATED;
    int ok = strlen(s) >= 10 && s[4] == '-' && s[7] == '-' && (!s[10] || s[10] == 'T' || s[10] == ' ');
    for (int i = 0; ok && i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            ok = 0;
    long y = ok ? strtol(s, NULL, 10) : 0, m = ok ? strtol(s + 5, NULL, 10) : 0,
         d = ok ? strtol(s + 8, NULL, 10) : 0;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!ok || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
        (m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400))) || y < 1) {
        *bad = 1;
        return EVENTS_UNDATED;
    }
    return days_from_civil(y, m, d);
}
