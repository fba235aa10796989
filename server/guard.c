/* The connection guard: deadlines per request phase and the connection
 * budget (guard.h says why libmicrohttpd's own limits are not enough).
 * Connections are kept in a list under one mutex; a timer thread checks
 * the deadlines every GUARD_TICK seconds. */
#include "guard.h"
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

/* How often deadlines are checked: a deadline is late by at most this. */
#define GUARD_TICK 0.2

struct guard_conn {
    guard_conn *prev, *next;
    int fd;
    enum guard_phase phase;
    double since; /* monotonic seconds at the start of the phase */
    int cut;      /* shut down by the guard */
};

struct guard {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t timer;
    int stopping;
    guard_conn *head;
    unsigned soft;
    double header_seconds, body_seconds;
    unsigned long cut_deadline, cut_budget;
};

/* Monotonic seconds. */
static double guard_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Ends the connection: libmicrohttpd's next read sees end-of-file and
 * closes it. Called with the lock held, so the descriptor is still the
 * connection's (guard_close runs before libmicrohttpd closes it). */
static void cut(guard_conn *gc)
{
    if (!gc->cut)
        shutdown(gc->fd, SHUT_RDWR);
    gc->cut = 1;
}

/* The deadline of a phase, or 0 for none. */
static double phase_limit(const guard *g, enum guard_phase p)
{
    return p == GUARD_HEADERS ? g->header_seconds
         : p == GUARD_BODY || p == GUARD_ANSWER ? g->body_seconds : 0;
}

/* Closes the connections past their phase's deadline (lock held). */
static void cut_late(guard *g, double now)
{
    for (guard_conn *gc = g->head; gc; gc = gc->next) {
        double limit = phase_limit(g, gc->phase);
        if (!gc->cut && limit > 0 && now - gc->since > limit) {
            cut(gc);
            g->cut_deadline++;
        }
    }
}

/* The timer thread: checks the deadlines until guard_stop. */
static void *timer_main(void *arg)
{
    guard *g = arg;
    pthread_mutex_lock(&g->lock);
    while (!g->stopping) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += (long)(GUARD_TICK * 1e9);
        if (ts.tv_nsec >= 1000000000L)
            ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        int rc = pthread_cond_timedwait(&g->wake, &g->lock, &ts);
        if (rc == ETIMEDOUT || rc == 0)
            cut_late(g, guard_now());
    }
    pthread_mutex_unlock(&g->lock);
    return NULL;
}

guard *guard_start(unsigned soft, double header_seconds, double body_seconds)
{
    guard *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->soft = soft;
    g->header_seconds = header_seconds;
    g->body_seconds = body_seconds;
    pthread_mutex_init(&g->lock, NULL);
    pthread_cond_init(&g->wake, NULL);
    if (pthread_create(&g->timer, NULL, timer_main, g)) {
        pthread_cond_destroy(&g->wake);
        pthread_mutex_destroy(&g->lock);
        free(g);
        return NULL;
    }
    return g;
}

void guard_stop(guard *g)
{
    if (!g)
        return;
    pthread_mutex_lock(&g->lock);
    g->stopping = 1;
    pthread_cond_signal(&g->wake);
    pthread_mutex_unlock(&g->lock);
    pthread_join(g->timer, NULL);
    while (g->head) {
        guard_conn *next = g->head->next;
        free(g->head);
        g->head = next;
    }
    pthread_cond_destroy(&g->wake);
    pthread_mutex_destroy(&g->lock);
    free(g);
}

/* Over the budget: closes the connection waiting longest for its headers,
 * other than the one just opened (with none to close, libmicrohttpd's own
 * limit, a little higher, then makes new clients wait). Lock held. */
static void keep_budget(guard *g, const guard_conn *fresh)
{
    guard_conn *oldest = NULL;
    for (guard_conn *gc = g->head; gc; gc = gc->next)
        if (gc != fresh && !gc->cut && gc->phase == GUARD_HEADERS &&
            (!oldest || gc->since < oldest->since))
            oldest = gc;
    if (oldest) {
        cut(oldest);
        g->cut_budget++;
    }
}

/* The connections not yet cut: the cut ones are on their way out. */
static unsigned live_count(const guard *g)
{
    unsigned n = 0;
    for (const guard_conn *gc = g->head; gc; gc = gc->next)
        n += !gc->cut;
    return n;
}

guard_conn *guard_open(guard *g, int fd)
{
    guard_conn *gc = calloc(1, sizeof *gc);
    if (!gc)
        return NULL;
    gc->fd = fd;
    gc->phase = GUARD_HEADERS;
    gc->since = guard_now();
    pthread_mutex_lock(&g->lock);
    gc->next = g->head;
    if (g->head)
        g->head->prev = gc;
    g->head = gc;
    if (live_count(g) > g->soft)
        keep_budget(g, gc);
    pthread_mutex_unlock(&g->lock);
    return gc;
}

void guard_close(guard *g, guard_conn *gc)
{
    if (!gc)
        return;
    pthread_mutex_lock(&g->lock);
    if (gc->prev)
        gc->prev->next = gc->next;
    else
        g->head = gc->next;
    if (gc->next)
        gc->next->prev = gc->prev;
    pthread_mutex_unlock(&g->lock);
    free(gc);
}

void guard_phase(guard *g, guard_conn *gc, enum guard_phase p)
{
    if (!gc)
        return;
    pthread_mutex_lock(&g->lock);
    gc->phase = p;
    gc->since = guard_now();
    pthread_mutex_unlock(&g->lock);
}

int guard_was_cut(guard *g, const guard_conn *gc)
{
    if (!gc)
        return 0;
    pthread_mutex_lock(&g->lock);
    int c = gc->cut;
    pthread_mutex_unlock(&g->lock);
    return c;
}

void guard_counts(guard *g, unsigned long *deadline, unsigned long *budget)
{
    pthread_mutex_lock(&g->lock);
    *deadline = g->cut_deadline;
    *budget = g->cut_budget;
    pthread_mutex_unlock(&g->lock);
}
