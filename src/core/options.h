/* The option registry behind nf_options: typed values plus their string
 * forms, so the API, the CLI and the bindings share one set of keys. */
#ifndef NF_CORE_OPTIONS_H
#define NF_CORE_OPTIONS_H
#include "newsfuse.h"

enum { OPT_WORDS, OPT_SENTENCES, OPT_BYTES, OPT_RATIO, OPT_CUT, OPT_METHOD, OPT_LANGUAGE,
       OPT_ORDER, OPT_MIN_WORDS, OPT_QUERY, OPT_MAX_DOC_BYTES, OPT_MAX_SENTENCES,
       OPT_MAX_SECONDS, OPT_FACTS, OPT_MAX_FIGURES, OPT_IDF, OPT_STANDALONE, OPT_COUNT };

/* Defaults of the limits that keep hostile or huge input bounded. */
#define OPT_DEFAULT_MAX_DOC_BYTES (8L << 20) /* 8 MiB of text per document */
#define OPT_DEFAULT_MAX_SENTENCES 200000L    /* sentences read per event */
#define OPT_DEFAULT_MAX_SECONDS 30.0         /* per event */
#define OPT_DEFAULT_MAX_FIGURES 10000L       /* figures a sheet keeps */

enum { OPT_QUERY_MAX = 4096, OPT_IDF_PATH_MAX = 1024 };

struct nf_options {
    long words, sentences, bytes; /* 0 = no such budget */
    double ratio;                 /* 0 = none */
    int cut;
    int order_by_rank;
    long min_words; /* shortest sentence a summary may use */
    long max_doc_bytes, max_sentences; /* limits: 0 = none */
    double max_seconds;                /* limit: 0 = none */
    int facts;                         /* add the figure sheet to the summary */
    long max_figures;                  /* figures a sheet keeps: 0 = no limit */
    int standalone;                    /* only sentences that stand alone (model/standalone.h) */
    /* clock_now() when max_seconds began, 0 = when the call begins: the
     * sheet nf_summarize adds shares the summary's time (not a key). */
    double clock_start;
    char method[48], language[48];
    char set[OPT_COUNT];      /* 1 if the user set the key */
    char value[OPT_COUNT][48]; /* string form of each value (not the query nor idf) */
    char query[OPT_QUERY_MAX]; /* topic or question for query-focused summaries */
    /* The background table (key "idf", its path in idf_path): a reference
     * this option set owns, or NULL. A copy of the struct (nf_summarize
     * keeps one) borrows it and must not free it. */
    struct nf_idf *idf;
    char idf_path[OPT_IDF_PATH_MAX]; /* as given to the idf key ("" for none or the API) */
    char err[320];
};

/* The keys, in enum order, NULL-terminated (nf_option_keys). */
extern const char *const options_keys[OPT_COUNT + 1];

/* What each key's value is, for a result's JSON (emit/options_json.c):
 * a count (a JSON integer), a number (a JSON real), 0|1 (a JSON boolean)
 * or text (a JSON string). */
enum opt_type { OPT_T_COUNT, OPT_T_NUMBER, OPT_T_BOOL, OPT_T_TEXT };
extern const unsigned char options_types[OPT_COUNT];

/* Fills o with the defaults (used when a caller passes NULL options). */
void options_defaults(struct nf_options *o);

#endif
