/* The ROUGE scorer's insides (src/eval/): it reproduces ROUGE-1.5.5 (Lin
 * 2004) number for number. The public face is the nf_rouge_* section of
 * newsfuse.h (rouge_api.c); this header ties the pieces together:
 *   rouge_map.c        string and 64-bit key hash maps
 *   rouge_porter.c     the script's own Porter variant
 *   rouge_tokens.c     SPL reading, truncation, tokens, stop words, stems
 *   rouge_score.c      ROUGE-N, -L, -W, -S/SU of one summary vs references
 *   rouge_bootstrap.c  Perl's drand48 and the resampled averages
 *   rouge_signature.c  the settings signature (the reports: emit/rouge_render.c)
 *   rouge_spl.c        running text -> one sentence per line */
#ifndef NF_EVAL_ROUGE_H
#define NF_EVAL_ROUGE_H
#include "core/arena.h"
#include "core/buf.h"
#include "eval/rouge_flags.h"
#include "newsfuse.h"
#include <stddef.h>
#include <stdint.h>

/* ---- hash maps (rouge_map.c) ---- */

/* Strings -> uint32 values; keys are copied into the map's arena. */
typedef struct rouge_strmap {
    const char **keys;
    uint32_t *klen, *vals;
    size_t cap, len;
    arena mem;
} rouge_strmap;

/* Returns 1 and sets *val if s[0..n) is a key, else 0. */
int strmap_get(const rouge_strmap *m, const char *s, size_t n, uint32_t *val);
/* Inserts or overwrites; returns 0 or -1 when out of memory. */
int strmap_put(rouge_strmap *m, const char *s, size_t n, uint32_t val);
void strmap_free(rouge_strmap *m);

/* Non-zero 64-bit keys -> uint32 ids handed out in order from 1. */
typedef struct rouge_idmap {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, len;
} rouge_idmap;

/* Returns the id of key (a new one if unseen), or 0 when out of memory. */
uint32_t idmap_intern(rouge_idmap *m, uint64_t key);
void idmap_free(rouge_idmap *m);

/* ---- settings (rouge_api.c) ---- */

#define ROUGE_MAX_N 32

typedef struct rouge_settings {
    int max_n;            /* -n: ROUGE-1..max_n (0: none) */
    int stem;             /* -m */
    int stop;             /* -s */
    long words, bytes;    /* -l, -b (0: no limit) */
    char limit_flag;      /* 'l' or 'b' once one was given (not both) */
    int has_skip, skip;   /* -2 D (skip < 0: no distance limit) */
    int skip_unigrams;    /* -u */
    int skip_both;        /* -U: ROUGE-S and ROUGE-SU */
    char formula;         /* -f: 'A' pools the references, 'B' keeps the best */
    double alpha;         /* -p */
    double conf;          /* -c */
    long resamples;       /* -r */
    int lcs;              /* ROUGE-L unless -x */
    int has_w;            /* -w given */
    double weight;        /* -w */
    int unicode;          /* tokens of every script (not ROUGE-1.5.5) */
    /* The values as written, for metric names and the signature. */
    char alpha_text[24], conf_text[24], weight_text[24], skip_text[24];
} rouge_settings;

/* ---- the Porter variant (rouge_porter.c) ---- */

/* Stems w[0..n) (lower case) the way ROUGE-1.5.5's stem() does into out,
 * which must hold n + 2 bytes; returns the length written (no NUL). */
size_t porter_stem(const char *w, size_t n, char *out);

/* ---- words (rouge_tokens.c) ---- */

/* Token forms and their ids, plus the word lists: one per scoring run. */
typedef struct rouge_lexicon {
    rouge_strmap stop;    /* SMART stop words (only with -s) */
    rouge_strmap exc;     /* WordNet exceptions: word -> index in exc_text */
    const char **exc_text;
    uint32_t *exc_len;
    size_t nexc;
    rouge_strmap seen;    /* token as read -> final id, 0 = dropped */
    rouge_strmap forms;   /* final form (after stemming) -> id from 1 */
    uint32_t nforms;
    char *scratch;        /* stemming buffer */
    size_t scratch_cap;
} rouge_lexicon;

/* One SPL text (a summary or one reference) ready to score. */
typedef struct rouge_doc {
    uint32_t *tok;        /* tokens of the (cut) text, as ROUGE-N sees it */
    size_t ntok;
    uint32_t *stok;       /* tokens of the sentences ROUGE-L/W see */
    size_t nstok;
    uint32_t *send;       /* end of sentence i in stok */
    size_t nsent;
    uint32_t **grams;     /* grams[k]: sorted ids of the (k+1)-grams */
    size_t *ngrams;
    uint64_t *skip;       /* sorted skip-bigram keys (ROUGE-S) */
    size_t nskip;
    uint64_t *skip_u;     /* the same plus unigram keys (ROUGE-SU) */
    size_t nskip_u;
} rouge_doc;

/* Loads the word lists the settings need; NF_OK, NF_ENOMEM, or NF_EDATA
 * when the build lacks one. */
int lexicon_init(rouge_lexicon *lx, const rouge_settings *st);
void lexicon_free(rouge_lexicon *lx);
/* The form -m gives token t[0..n): for more than 3 bytes (ASCII), its
 * WordNet exception base form if it has one (not stemmed further), else
 * its Porter stem; else t itself. *form may point into lx's scratch,
 * valid until the next call. 0 or -1 when out of memory. */
int lexicon_stem(rouge_lexicon *lx, const char *t, size_t n, const char **form, size_t *flen);

/* Reads one SPL text as ROUGE-1.5.5 reads a file and fills *d (arrays
 * allocated in mem): both token views (the n-gram text and the ROUGE-L
 * sentences), with the truncation quirks; grams[k] interns (k+1)-grams.
 * Returns NF_OK or NF_ENOMEM. */
int doc_read(rouge_lexicon *lx, const rouge_settings *st, rouge_idmap *grams, arena *mem,
             const char *text, size_t len, rouge_doc *d);

/* Calls fn on each token of text[0..len) as ROUGE-1.5.5 cuts them (or,
 * with unicode, as --unicode does), before stop words and stemming.
 * Returns fn's first non-zero value, else 0. */
int tokens_each(const char *text, size_t len, int unicode,
                int (*fn)(const char *tok, size_t n, void *arg), void *arg);

/* ---- scores (rouge_score.c) ---- */

enum { ROUGE_N = 0, ROUGE_L = 1, ROUGE_W = 2, ROUGE_S = 3, ROUGE_SU = 4 };
typedef struct rouge_metric {
    int kind, n;          /* n for ROUGE_N */
    char name[48];
} rouge_metric;

/* Scratch space reused by every evaluation. */
typedef struct rouge_work {
    int32_t *mcount, *pcount; /* unigram counts indexed by token id */
    size_t count_cap;
    unsigned char *dir, *mask;
    size_t dir_cap, mask_cap;
    double *rowd;
    int32_t *rowi;
    size_t row_cap;
    uint32_t *stamp, epoch;   /* tokens of the current peer sentence */
    uint32_t *slot;           /* token -> its match mask in bits */
    uint32_t *rows, *row_at;  /* model tokens that occur in it, and where */
    size_t rows_cap;
    uint64_t *bits;           /* match masks, then the LCS rows */
    size_t bits_cap;
} rouge_work;

/* Scores peer against models for metric m into rpf[3], each rounded as
 * ROUGE-1.5.5 prints it. Returns NF_OK, NF_ENOMEM, or NF_EDATA when a
 * reference has no token under ROUGE-W (ROUGE-1.5.5 dies there). */
int score_eval(const rouge_settings *st, const rouge_metric *m, const rouge_doc *peer,
               const rouge_doc *models, size_t nmodels, uint32_t nforms, rouge_work *w,
               double rpf[3]);
void work_free(rouge_work *w);
/* sprintf("%7.5f") and back, as Perl keeps its numbers. */
double round5(double x);

/* ---- sorting (rouge_sort.c) ---- */

/* Sort ascending; 0 or -1 when out of memory. */
int sort_u64(uint64_t *a, size_t n);
int sort_u32(uint32_t *a, size_t n);
/* Sorts n non-negative doubles (all the scorer has) with tmp[0..2n). */
void sort_doubles(double *a, uint64_t *tmp, size_t n);

/* ---- bootstrap (rouge_bootstrap.c) ---- */

/* The draws of R resamples of n items: idx[i * n + k] = int(rand(n)) of
 * the k-th draw after srand(i), with Perl's drand48. NULL when out of
 * memory; free with xfree. */
uint32_t *bootstrap_draws(size_t n, long resamples);
/* The printed Average, CI low and CI high of each of nseries series:
 * vals[v * n + k] is value k of series v (instances in sorted order);
 * out[v * 3 + 0..2] gets them. 0, or -1 when out of memory. */
int bootstrap_average(const double *vals, size_t nseries, size_t n, const uint32_t *draws,
                      long resamples, double conf, double *out);

/* ---- the scorer (rouge_api.c) ---- */

typedef struct rouge_cluster {
    char *id;
    char **refs;          /* SPL texts as added */
    size_t *ref_len, nrefs;
} rouge_cluster;

typedef struct rouge_entry {
    char *id;             /* cluster id */
    char *text;           /* SPL text */
    size_t len, cluster;  /* cluster: index, set by nf_rouge_score */
} rouge_entry;

typedef struct rouge_system {
    char *name;
    rouge_entry *entries;
    size_t nentries, cap;
    rouge_strmap ids;     /* cluster ids given */
    double *scores;       /* [cluster][metric][3]; NAN where no summary */
    double *avg;          /* [metric][R, P, F][avg, lo, hi] */
} rouge_system;

struct nf_rouge {
    rouge_settings st;
    int scored;
    rouge_cluster *clusters;
    size_t nclusters, cluster_cap;
    rouge_strmap cluster_ids; /* id -> index */
    rouge_system *systems;
    size_t nsystems, system_cap;
    rouge_strmap system_ids;  /* name -> index */
    rouge_metric *metrics;
    size_t nmetrics;
    char err[512];
    char note[256];           /* caller's words for the signature */
    char *signature;
};

/* Writes the one-line settings signature (rouge_signature.c); NULL when
 * out of memory. */
char *rouge_signature_make(const nf_rouge *r);
/* Appends the settings to b as ROUGE-1.5.5 flags (what to paste to
 * reproduce a run). */
void rouge_flags_text(buf *b, const rouge_settings *st);
/* ROUGE-1.5.5's order of -d lines: numeric prefixes when both ids start
 * with a digit, else bytes (ties by bytes). */
int rouge_evalid_cmp(const char *a, const char *b);

#endif
