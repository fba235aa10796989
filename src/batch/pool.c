/* The ordered worker pool of batch.h: a ring of `window` slots; workers
 * take slots in submission order, and the jobs are emitted in the same
 * order as they finish at the head, by whichever thread sees the head
 * done (one at a time: the `emitting` token), so a caller blocked reading
 * slow input does not hold finished records back. Output therefore never
 * depends on the number of threads or on which one ran a job. */
#include "batch/batch.h"
#include "core/alloc.h"
#include <pthread.h>
#include <stdint.h>

struct batch_pool {
    pthread_mutex_t lock;
    pthread_cond_t queued;   /* a job was queued, or the pool is closing */
    pthread_cond_t finished; /* a job finished or was emitted */
    void **jobs;
    size_t *weights;          /* per slot: what the job counts against max_weight */
    unsigned char *done;      /* per slot: the job has run */
    size_t max_weight, weight; /* the bound, and the weight of the jobs in flight */
    size_t window;
    size_t head, next, tail;  /* next to emit, next to run, next to submit */
    int closing, status, nthreads;
    int emitting; /* a thread is inside emit or drop (they never overlap) */
    pthread_t *threads;
    batch_work_fn work;
    batch_emit_fn emit;
    batch_drop_fn drop;
    void *ctx;
};

/* Emits (or, after a stop, drops) the job at the head. Called with the
 * lock held, the head done and no one emitting; returns with the lock
 * held. emit runs unlocked, holding the emitting token; the job keeps its
 * slot (and counts in the window) until emit returns. */
static void pool_emit_head(batch_pool *p)
{
    size_t slot = p->head % p->window;
    void *job = p->jobs[slot];
    int stopped = p->status;
    p->emitting = 1;
    pthread_mutex_unlock(&p->lock);
    int rc = 0;
    if (stopped)
        p->drop(job, p->ctx);
    else
        rc = p->emit(job, p->ctx);
    pthread_mutex_lock(&p->lock);
    if (rc && !p->status)
        p->status = rc;
    p->done[slot] = 0;
    p->weight -= p->weights[slot];
    p->head++;
    p->emitting = 0;
    pthread_cond_broadcast(&p->finished);
}

/* Returns 1 if the head job is done and no one is emitting. Lock held. */
static int pool_head_ready(const batch_pool *p)
{
    return !p->emitting && p->head < p->tail && p->done[p->head % p->window];
}

/* Worker loop: takes the oldest queued job, runs it unlocked, marks it,
 * and emits whatever is ready at the head. */
static void *pool_worker(void *arg)
{
    batch_pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next == p->tail && !p->closing)
            pthread_cond_wait(&p->queued, &p->lock);
        if (p->next == p->tail)
            break;
        size_t slot = p->next++ % p->window;
        void *job = p->jobs[slot];
        pthread_mutex_unlock(&p->lock);
        p->work(job, p->ctx);
        pthread_mutex_lock(&p->lock);
        p->done[slot] = 1;
        while (pool_head_ready(p))
            pool_emit_head(p);
        pthread_cond_broadcast(&p->finished);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Inline (no threads): hands one job to emit, or to drop once stopped. */
static void pool_deliver(batch_pool *p, void *job)
{
    if (p->status) {
        p->drop(job, p->ctx);
        return;
    }
    int rc = p->emit(job, p->ctx);
    if (rc)
        p->status = rc;
}

/* Returns 1 if a job of weight w may join the jobs in flight: the window
 * has a free slot and the weight stays in bound (a job heavier than the
 * bound runs alone). */
static int pool_has_room(const batch_pool *p, size_t w)
{
    if (p->tail - p->head >= p->window)
        return 0;
    return p->head == p->tail || p->weight + w <= p->max_weight;
}

/* Emits finished jobs at the head, in order, until a job of weight w has
 * room (w = SIZE_MAX: until every job is emitted).
 * Called with the lock held; returns with it held. */
static void pool_drain(batch_pool *p, size_t w)
{
    while (p->head < p->tail) {
        if (pool_head_ready(p)) {
            pool_emit_head(p);
            continue;
        }
        if (w != SIZE_MAX && pool_has_room(p, w))
            return;
        pthread_cond_wait(&p->finished, &p->lock);
    }
}

/* Frees what batch_pool_new allocated (threads already joined). */
static void pool_release(batch_pool *p)
{
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->queued);
    pthread_cond_destroy(&p->finished);
    xfree(p->threads);
    xfree(p->jobs);
    xfree(p->weights);
    xfree(p->done);
    xfree(p);
}

/* Starts the worker threads; on failure stops those started. */
static int pool_start(batch_pool *p, int threads)
{
    for (; p->nthreads < threads; p->nthreads++)
        if (pthread_create(&p->threads[p->nthreads], NULL, pool_worker, p))
            break;
    if (p->nthreads == threads)
        return 0;
    batch_pool_free(p);
    return -1;
}

batch_pool *batch_pool_new(int threads, size_t window, size_t max_weight, batch_work_fn work,
                           batch_emit_fn emit, batch_drop_fn drop, void *ctx)
{
    if (!window || threads < 0)
        return NULL;
    batch_pool *p = xcalloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->jobs = xcalloc(window, sizeof *p->jobs);
    p->weights = xcalloc(window, sizeof *p->weights);
    p->done = xcalloc(window, 1);
    p->threads = xcalloc((size_t)threads + 1, sizeof *p->threads);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->queued, NULL);
    pthread_cond_init(&p->finished, NULL);
    p->window = window, p->max_weight = max_weight, p->work = work, p->emit = emit, p->drop = drop, p->ctx = ctx;
    if (!p->jobs || !p->weights || !p->done || !p->threads) {
        pool_release(p);
        return NULL;
    }
    return pool_start(p, threads) ? NULL : p;
}

int batch_pool_submit(batch_pool *p, void *job, size_t weight)
{
    if (!p->nthreads) {
        if (!p->status)
            p->work(job, p->ctx);
        pool_deliver(p, job);
        return p->status;
    }
    pthread_mutex_lock(&p->lock);
    pool_drain(p, weight);
    p->jobs[p->tail % p->window] = job;
    p->weights[p->tail % p->window] = weight;
    p->weight += weight;
    p->tail++;
    pthread_cond_signal(&p->queued);
    int status = p->status;
    pthread_mutex_unlock(&p->lock);
    return status;
}

int batch_pool_finish(batch_pool *p)
{
    if (!p->nthreads)
        return p->status;
    pthread_mutex_lock(&p->lock);
    pool_drain(p, SIZE_MAX);
    int status = p->status;
    pthread_mutex_unlock(&p->lock);
    return status;
}

void batch_pool_free(batch_pool *p)
{
    if (!p)
        return;
    batch_pool_finish(p);
    pthread_mutex_lock(&p->lock);
    p->closing = 1;
    pthread_cond_broadcast(&p->queued);
    pthread_mutex_unlock(&p->lock);
    for (int i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
    pool_release(p);
}
