/*
 * newsfuse: summaries of several news reports about one event, each sentence
 * linked back to its source.
 *
 * Ownership, in one sentence: every object you get from an nf_*_new or an
 * nf_* call that returns a pointer through an out-parameter is yours and is
 * released with its matching nf_*_free (all of which accept NULL), and every
 * const char * a getter returns stays owned by the object it came from and
 * lives as long as that object.
 *
 * Errors: calls that can fail return an int status, NF_OK (0) or a negative
 * NF_E* code; nf_strerror() names the code and the handle's *_error() getter
 * says what exactly went wrong. The library never prints, exits or aborts on
 * user input.
 *
 * Threads: distinct handles may be used from distinct threads at once; one
 * handle must not be used from two threads at the same time. nf_set_allocator
 * must be called before any other call, if at all.
 */
#ifndef NEWSFUSE_H
#define NEWSFUSE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NF_VERSION "0.1.0"
#define NF_SCHEMA "newsfuse/1"

/* Status codes. */
enum {
    NF_OK = 0,
    NF_ENOMEM = -1,   /* an allocation failed */
    NF_EINVAL = -2,   /* a bad argument or option value (a usage error) */
    NF_EIO = -3,      /* a file could not be read or written */
    NF_EDATA = -4,    /* input data is malformed */
    NF_ELIMIT = -5,   /* a configured limit was exceeded */
    NF_EEMPTY = -6    /* nothing to work on (no documents, no sentences) */
};

/* Returns a static, human-readable name for a status code. */
const char *nf_strerror(int status);

/* Returns the library version string, e.g. "0.1.0". */
const char *nf_version(void);

/* Replaces malloc/realloc/free for everything the library allocates
 * (including its JSON library). Pass NULLs to restore the defaults. Meant
 * for embedding and for fault-injection tests; call before anything else. */
void nf_set_allocator(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t),
                      void (*free_fn)(void *));

/* Frees memory the library handed out as a plain buffer (rendered output). */
void nf_free(void *p);

/* ---- Sentences. ---- */

/* Splits text[0..len) into sentences. *spans receives a new array of
 * 2 * *count offsets (start0, end0, start1, end1, ...), byte offsets into
 * text, each sentence trimmed of surrounding white space; free it with
 * nf_free. Any bytes are accepted. Returns NF_OK or NF_ENOMEM. */
int nf_split(const char *text, size_t len, size_t **spans, size_t *count);

/* ---- Options: a string-keyed registry shared by the API, the CLI flags
 * and the bindings. Keys (values are strings):
 *   words N       length budget in words (default 100 when no other budget)
 *   sentences N   length budget in sentences
 *   bytes N       length budget in bytes
 *   ratio R       length budget as a fraction of the input's words (0 < R <= 1)
 *   cut 0|1       cut the last sentence at the budget exactly (ROUGE style)
 *   method NAME   summarization method (see nf_methods)
 *   language L    stemmer and stop-word language (default "english")
 *   order date|rank   order of summary sentences (default date)
 *   min_words N   shortest sentence a summary may use (default 6)
 *   query TEXT    a question or topic: favour what answers it (default:
 *                 the document set's topic, if it has one)
 * ---------------------------------------------------------------------- */
typedef struct nf_options nf_options;

/* Returns a new option set holding the defaults, or NULL if out of memory. */
nf_options *nf_options_new(void);
void nf_options_free(nf_options *opts);
/* Sets key to value after checking it: NF_EINVAL for an unknown key or a
 * bad value (nf_options_error says which), NF_ENOMEM. */
int nf_options_set(nf_options *opts, const char *key, const char *value);
/* Returns the current value of key as a string, or NULL for an unknown key. */
const char *nf_options_get(const nf_options *opts, const char *key);
/* Returns the message of the last failed nf_options_set ("" if none). */
const char *nf_options_error(const nf_options *opts);
/* Returns a NULL-terminated static list of the option keys. */
const char *const *nf_option_keys(void);
/* Returns a NULL-terminated static list of the method names. */
const char *const *nf_methods(void);

/* ---- Document sets: the reports about one event. ---- */
typedef struct nf_docset nf_docset;

nf_docset *nf_docset_new(void);
void nf_docset_free(nf_docset *ds);
/* Copies one report into the set. id, title and date may be NULL (date is
 * "YYYY-MM-DD" when known). text need not be valid UTF-8: invalid bytes are
 * replaced by U+FFFD and counted in a warning of the result, never fatal;
 * NUL bytes are treated the same way. Returns NF_OK or NF_ENOMEM. */
int nf_docset_add(nf_docset *ds, const char *id, const char *title, const char *date,
                  const char *text, size_t len);
/* Adds a report the reader has already read (update summaries): what it
 * says is not repeated and what is new is favoured. Same rules as
 * nf_docset_add; seen reports are never quoted. */
int nf_docset_add_seen(nf_docset *ds, const char *id, const char *title, const char *date,
                       const char *text, size_t len);
size_t nf_docset_seen_count(const nf_docset *ds);
/* Sets the event id (may be NULL). Returns NF_OK or NF_ENOMEM. */
int nf_docset_set_id(nf_docset *ds, const char *id);
size_t nf_docset_count(const nf_docset *ds);
/* Fills ds from one line of cluster JSONL ({"id", "documents": [{"id",
 * "title", "date", "text"}], "references"?, "topic"?, "update_set"?}), the
 * format of every evaluation set. Documents may also be plain strings.
 * Returns NF_OK, NF_EDATA (nf_docset_error says what and where: the
 * column, the field), NF_ENOMEM. */
int nf_docset_add_json(nf_docset *ds, const char *line, size_t len);
/* Fills ds from one Multi-News line: documents separated by "|||||",
 * newlines written "NEWLINE_CHAR". Empty documents are skipped. Returns
 * NF_OK, NF_EEMPTY (no document), NF_ENOMEM. */
int nf_docset_add_multinews(nf_docset *ds, const char *line, size_t len);
/* Returns the last error message of ds ("" if none). */
const char *nf_docset_error(const nf_docset *ds);
/* The event id (NULL if none), the reference summaries and the topic
 * (title and narrative joined, NULL if none) read from JSON. */
const char *nf_docset_id(const nf_docset *ds);
size_t nf_docset_reference_count(const nf_docset *ds);
const char *nf_docset_reference(const nf_docset *ds, size_t i);
const char *nf_docset_topic(const nf_docset *ds);
/* The update set ("A", "B", ...) of an update-task cluster, or NULL. */
const char *nf_docset_update_set(const nf_docset *ds);
/* Document i's id (never NULL: "1", "2", ... when none was given). */
const char *nf_docset_doc_id(const nf_docset *ds, size_t i);
/* Returns the text of document i as stored (after UTF-8 repair) and its
 * length, or NULL if i is out of range. Summary offsets index into the
 * original bytes given to nf_docset_add; they coincide unless the
 * document needed repair. */
const char *nf_docset_text(const nf_docset *ds, size_t i, size_t *len);

/* ---- Summaries. ---- */
typedef struct nf_summary nf_summary;

/* Summarizes ds under opts (NULL for the defaults) into *out. Returns NF_OK,
 * NF_ENOMEM, NF_EINVAL (bad options), NF_EEMPTY (no sentence to choose; *out
 * still receives an empty summary carrying a warning). */
int nf_summarize(const nf_docset *ds, const nf_options *opts, nf_summary **out);
void nf_summary_free(nf_summary *s);

size_t nf_summary_count(const nf_summary *s);
/* Sentence i of the summary: its text (NUL-terminated, *len bytes), the
 * index of its source document, its byte span [start, end) in that
 * document's original text, and its selection score. Out-parameters may be
 * NULL. Returns NF_OK or NF_EINVAL if i is out of range. */
int nf_summary_sentence(const nf_summary *s, size_t i, const char **text, size_t *len,
                        size_t *doc, size_t *start, size_t *end, double *score);
size_t nf_summary_warning_count(const nf_summary *s);
const char *nf_summary_warning(const nf_summary *s, size_t i);

/* Output formats of nf_summary_render. */
enum { NF_FORMAT_TEXT = 0, NF_FORMAT_JSON = 1, NF_FORMAT_JSONL = 2 };

/* Renders the summary (with the options used and the warnings) into a new
 * NUL-terminated buffer that the caller frees with nf_free. JSON follows the
 * "newsfuse/1" schema of doc/SCHEMA.md; JSONL is the same on one line.
 * Returns NF_OK, NF_EINVAL or NF_ENOMEM. */
int nf_summary_render(const nf_summary *s, const nf_docset *ds, int format, char **out,
                      size_t *len);

/* ---- ROUGE (section owned by src/eval/) ---- */

#ifdef __cplusplus
}
#endif
#endif
