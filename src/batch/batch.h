/* Batch work over many events (newsfuse batch, the bindings' bulk calls):
 * an ordered worker pool, handing a document set over to a worker, and
 * article JSONL lines. Internal: hidden in the shared library. What a
 * front end outside the library needs of it is public, in newsfuse.h's
 * "Batch" section (batch_api.c), under nf_* names. */
#ifndef NF_BATCH_BATCH_H
#define NF_BATCH_BATCH_H
#include "newsfuse.h"
#include <stddef.h>
#include <stdint.h>

/* ---- The ordered pool ----
 * Jobs are submitted in order from one thread (the caller's); `threads`
 * workers run `work` on them in any order and at once; `emit` runs
 * strictly in submission order, one call at a time, on a worker as soon as
 * the job is done and all before it are emitted (or on the caller's thread
 * inside batch_pool_submit and batch_pool_finish), and owns the job it is
 * given. At most `window`
 * jobs, weighing at most `max_weight` together (say, bytes of input; a
 * heavier job waits to be alone), are submitted but not yet emitted, so
 * memory is bounded by the window, not by the input. With threads == 0 the caller runs every job
 * itself (no thread is started): the same order, the same output. */
typedef struct batch_pool batch_pool;
typedef void (*batch_work_fn)(void *job, void *ctx);
/* Returns 0, or non-zero to stop (an output error): every later job is
 * then given to `drop` instead, unrun or unemitted, and the value is
 * returned by the next submit and by finish. */
typedef int (*batch_emit_fn)(void *job, void *ctx);
typedef void (*batch_drop_fn)(void *job, void *ctx);

/* Returns a running pool, or NULL (out of memory, a thread could not be
 * started, window 0). */
batch_pool *batch_pool_new(int threads, size_t window, size_t max_weight, batch_work_fn work,
                           batch_emit_fn emit, batch_drop_fn drop, void *ctx);
/* Takes job (always: it is emitted or dropped), first emitting finished
 * jobs and waiting while the window is full. Returns 0 or the stop value. */
int batch_pool_submit(batch_pool *p, void *job, size_t weight);
/* Waits for every job and emits the rest. Returns 0 or the stop value. */
int batch_pool_finish(batch_pool *p);
/* Finishes (if not yet), stops the workers and frees the pool. */
void batch_pool_free(batch_pool *p);

/* ---- Hand-over ----
 * Moves everything ds holds into a new set and leaves ds empty (as from
 * nf_docset_new), so a reader that frees its set after a callback can
 * pass the contents on to a worker. Returns the new set (the caller's) or
 * NULL if out of memory (ds is then untouched). */
nf_docset *batch_docset_take(nf_docset *ds);

/* ---- Article JSONL ----
 * One article per line: {"event": ..., "id", "title", "date", "text"};
 * event is a string or an integer, id, title and date strings or null or
 * absent, text a string. Invalid UTF-8 is repaired before parsing, as for
 * cluster lines (one bad byte costs a warning, not the article). */
typedef struct batch_article {
    const char *event, *id, *title, *date, *text; /* owned by json */
    size_t text_len;
    size_t replaced; /* invalid UTF-8 sequences replaced in the line */
    void *json;      /* the parsed line */
    char event_buf[32]; /* an integer event, printed */
} batch_article;

/* Parses one line into *a. Returns NF_OK, NF_EDATA (err says what, with
 * the column or the field) or NF_ENOMEM; free *a in every case. */
int batch_article_parse(batch_article *a, const char *line, size_t len, char *err, size_t errlen);
/* Adds the article to ds as one report. Returns NF_OK or NF_ENOMEM. */
int batch_article_add(nf_docset *ds, const batch_article *a);
void batch_article_free(batch_article *a);
/* Reads one article line into the event being read, *open (NULL at the
 * start): when the line's event differs from *open's, *open moves to
 * *closed (the caller's, in every case; NULL when nothing ended) and a new
 * set for the line's event becomes *open. Returns NF_OK; NF_EDATA for a
 * line that cannot be read (err says why, *bad_id is the article's id or
 * NULL, xfree it; *open is untouched); NF_ENOMEM. The one rule of grouping
 * for newsfuse batch and the bindings (public: nf_batch_article_group). */
int batch_article_group(nf_docset **open, nf_docset **closed, const char *line, size_t len,
                        char **bad_id, char *err, size_t errlen);
/* For format detection: returns 1 if line is a JSON object with an
 * "event" key and no "documents" key (an article line), 0 for another
 * object, -1 if it is not a JSON object (a broken line says nothing). */
int batch_is_article_line(const char *line, size_t len);

/* ---- Update sets ----
 * Gives ds (just read) the history of its topic: set A, or a set whose
 * topic differs from the history's, starts a new history; a later set of
 * the same topic gets the history's reports as seen ones; then ds's own
 * reports join the history. A set with no update set leaves it as it is.
 * *history starts NULL and is the caller's (nf_docset_free). Returns NF_OK
 * or NF_ENOMEM. Used by cli/clusters.c, and by batch and the bindings
 * through nf_batch_update_history. */
int batch_update_history(nf_docset **history, nf_docset *ds);

/* ---- Time limits ----
 * Returns 1 if a time limit cut s (max_seconds, or the ILP solver's limit):
 * its sentences then depend on the machine's speed and load, so two runs
 * (or two -j) may differ on that event; 0 otherwise, and for NULL.
 * Public as nf_summary_timed. */
int batch_summary_timed(const nf_summary *s);

/* ---- Resuming ----
 * Scans an output file of one JSON record per line, open read-write on
 * fd: counts its complete lines (those ending in a newline), cuts off a
 * trailing partial line (what an interrupted write leaves), and returns
 * the "id" of the last complete record in *last_id (xfree it; NULL when
 * there is none or it is null). Leaves the file offset at the end.
 * Returns NF_OK, NF_EIO (errno says why) or NF_ENOMEM. */
int batch_resume_scan(int fd, long *records, char **last_id);
/* The key of a record: its event's id, or (an error record without one) the
 * input line it names. */
uint64_t batch_record_key(const char *id, long line);
/* Verifies the first `records` records of the output on fd, after
 * batch_resume_scan, as ones this run would write: newsfuse/1 records with
 * an id (or an error record's line) and, when opts is given, the same
 * value of each of its options in their "options" (records without any:
 * error records). *keys receives their keys in order (xfree), for
 * checking each against the input's event at the same place. Returns NF_OK,
 * NF_EDATA (why[0..cap) says what and which record), NF_EIO, NF_ENOMEM. */
int batch_resume_keys(int fd, long records, const nf_options *opts, uint64_t **keys, char *why,
                      size_t cap);

#endif
