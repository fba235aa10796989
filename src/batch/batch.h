/* The batch runner of newsfuse batch (the top layer): an ordered worker
 * pool, handing a document set over to a worker, and --resume. Internal:
 * hidden in the shared library. The rules a record depends on (article
 * grouping, update-set history, the error record) are public API, in
 * newsfuse.h's "Batch" section, so the bindings write the same bytes. */
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
 * batch_resume_scan, as ones this run would write: NF_SCHEMA records with
 * an id (or an error record's line) and, when opts is given, the same
 * options: each key with the same value, and no other key (a record
 * without any, an error record, passes). *keys receives their keys in order (xfree), for
 * checking each against the input's event at the same place. Returns NF_OK,
 * NF_EDATA (why[0..cap) says what and which record), NF_EIO, NF_ENOMEM. */
int batch_resume_keys(int fd, long records, const nf_options *opts, uint64_t **keys, char *why,
                      size_t cap);

#endif
