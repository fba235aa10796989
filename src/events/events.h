/* Events: a stream of articles grouped into events, one pass, no
 * look-ahead (include/newsfuse.h "Events"; doc/EVENTS.md).
 *
 *   terms.c    an article's three term vectors (body words, title words,
 *              names: capitalised phrases), weighted by the stream's idf
 *   index.c    the inverted index term -> active events (candidates), and
 *              the map of article keys (id, text) -> event (duplicates)
 *   scorer.c   the features of an (article, event) pair and the learned
 *              linear score (data/events/model.txt)
 *   stream.c   event state: join or open, centroids, retirement
 *
 * Everything here is deterministic: hashes are FNV-1a, ties are broken by
 * the event's number. */
#ifndef NF_EVENTS_EVENTS_H
#define NF_EVENTS_EVENTS_H
#include "model/vocab.h"
#include <stddef.h>
#include <stdint.h>

/* ---- terms.c: sparse term vectors ---- */
typedef struct tw {
    uint32_t id; /* a term of the stream's vocabulary */
    float w;
} tw;

/* Sorted by id. An article's weights are its tf share (1 + ln tf, over
 * the tf-idf norm at the time it came); an event's their sums. The
 * current idf is applied when vectors are compared. */
typedef struct tvec {
    tw *t;
    uint32_t n, cap;
} tvec;

enum { CH_BODY, CH_TITLE, CH_NAMES, CH_COUNT };

/* A map of 64-bit keys (never 0) to 32-bit values, with removal (index.c). */
typedef struct key_map {
    uint64_t *keys;
    uint32_t *vals;
    size_t n, cap; /* cap a power of two, or 0 */
} key_map;

/* The stream's vocabulary and document frequencies. A term is known by
 * the 64-bit FNV-1a hash of its form (the tokenizer has it): two forms
 * that share one hash would count as one term, which at 64 bits does not
 * happen in any vocabulary a stream has; no string is kept. */
typedef struct terms {
    key_map ids; /* form hash -> term id */
    uint32_t nterms;
    uint32_t *df;  /* per term id: articles holding it */
    float *logdf;  /* per term id: ln(df + 0.5) */
    size_t dfcap;
    uint64_t ndocs;
    double logn;   /* ln(ndocs + 1) */
    /* scratch of one article: counts by term id per channel, the ids touched */
    uint32_t *count[CH_COUNT];
    size_t countcap;
    uint32_t *touched[CH_COUNT];
    size_t ntouched[CH_COUNT], touchcap[CH_COUNT];
    const char *language;
} terms;

/* One article as the stream sees it. */
typedef struct events_article {
    const char *id;    /* may be NULL */
    const char *title; /* may be NULL */
    const char *text;
    size_t len;
    long day;          /* days since 1970-01-01, or EVENTS_UNDATED */
} events_article;
#define EVENTS_UNDATED (-2147483647L)

/* Reads the article's vectors into v[CH_COUNT] (replacing their contents),
 * each cut to its channel's most weighty terms. Returns 0 or -1 (no
 * memory). */
int terms_article(terms *tm, const events_article *a, tvec v[CH_COUNT]);
/* Counts the article just read (terms_article) into the document
 * frequencies. Returns 0 or -1. */
int terms_count(terms *tm);
/* The idf of term id now: ln((N + 1) / (df + 0.5)). */
double terms_idf(const terms *tm, uint32_t id);
/* The length of v under the current idf. */
double tvec_norm(const terms *tm, const tvec *v);
/* Spreads a's weights, times idf squared, over *dense (indexed by term
 * id, grown to the vocabulary, zero elsewhere), so that comparing a with
 * many vectors costs one pass over each of them. Returns 0 or -1. */
int tvec_scatter(const terms *tm, const tvec *a, float **dense, size_t *cap);
/* Zeroes what tvec_scatter set. */
void tvec_unscatter(const tvec *a, float *dense);
/* The cosine under the current idf of the vector scattered into dense
 * (its length anorm) and b (its length bnorm). */
double tvec_cosine(const float *dense, double anorm, const tvec *b, double bnorm);
/* dst += src, then cut to the k terms weightiest under the current idf.
 * Returns 0 or -1. */
int tvec_add_top(const terms *tm, tvec *dst, const tvec *src, uint32_t k);
void tvec_free(tvec *v);
void terms_free(terms *tm);
/* Days since 1970-01-01 of "YYYY-MM-DD" (a longer ISO 8601 time may
 * follow), or EVENTS_UNDATED when s is NULL or empty; -1 in *bad when
 * s is given but cannot be read (then EVENTS_UNDATED). */
long events_day(const char *s, int *bad);

/* ---- index.c ---- */
/* term id -> the slots of the active events whose centroid holds it. */
typedef struct postings {
    uint32_t *ev;
    uint32_t n, cap;
} postings;

typedef struct term_index {
    postings *p;
    size_t np;
} term_index;

int index_add(term_index *x, uint32_t id, uint32_t slot);
void index_remove(term_index *x, uint32_t id, uint32_t slot);
void index_free(term_index *x);

int keymap_put(key_map *m, uint64_t key, uint32_t val);
/* The value of key, or -1. */
long keymap_get(const key_map *m, uint64_t key);
void keymap_remove(key_map *m, uint64_t key);
void keymap_free(key_map *m);

/* ---- scorer.c ---- */
enum { F_BIAS, F_BODY, F_TITLE, F_NAMES, F_NEAR, F_DATED, F_DAYS, F_SIZE, F_COUNT };
/* The names of the features, as data/events/model.txt spells them. */
extern const char *const events_feature_names[F_COUNT];

typedef struct events_model {
    double w[F_COUNT];
    double threshold;
} events_model;

/* The learned model compiled in (data/events/model.txt). Returns 0, or -1
 * when the file is missing or malformed (a build error). */
int events_model_default(events_model *m);
/* What the scorer sees of an event. */
typedef struct event_view {
    const tvec *c;      /* its centroid, per channel */
    const double *norm; /* their lengths */
    const tvec *recent; /* the body vectors of its latest articles */
    const double *recent_norm;
    size_t nrecent;
    long first, last;   /* the days of its dated articles, or EVENTS_UNDATED */
    uint32_t size;
} event_view;
/* The features of an article (its vectors scattered, their lengths, its
 * day) against an event. */
void events_features(float *const dense[CH_COUNT], const double anorm[CH_COUNT], long day,
                     const event_view *ev, double f[F_COUNT]);
/* The linear score w . f (joins when at least the threshold). */
double events_score(const events_model *m, const double f[F_COUNT]);

/* ---- stream.c ---- */
typedef struct events events;

typedef struct events_config {
    long window_days;     /* 0: never by days */
    long window_articles; /* 0: never by articles */
    events_model model;
    const char *language;
} events_config;

/* The defaults: windows of 365 days and 5,000 articles, the learned model. */
int events_config_default(events_config *cfg);

typedef struct events_result {
    uint64_t serial; /* the event's number, from 1 in order of opening */
    int opened;
    int duplicate;   /* 0, DUP_ID or DUP_TEXT */
} events_result;
enum { DUP_ID = 1, DUP_TEXT = 2 };

events *events_new(const events_config *cfg);
/* Adds the next article (it must have text): it joins the event it
 * duplicates, else the best candidate scoring at least the threshold,
 * else opens one. Events left behind by the stream's time retire first.
 * Returns 0, or -1 (no memory: the article is not added). */
int events_add(events *e, const events_article *a, events_result *res);
/* For learning the model (tools/events_features.c): the article goes to
 * event `serial` (0: a new one) whatever it scores; probe gets each
 * candidate's features. A serial that is not active opens a new event. */
typedef void (*events_probe_fn)(void *arg, uint64_t serial, const double f[F_COUNT]);
int events_add_forced(events *e, const events_article *a, uint64_t serial, events_probe_fn probe,
                      void *arg, events_result *res);
/* Every active event retires. */
void events_finish(events *e);
/* The serials retired by the last add or finish (*n of them, in slot
 * order; valid until the next add or finish). */
const uint64_t *events_retired(events *e, size_t *n);
size_t events_active(const events *e);
void events_free(events *e);

#endif
