/* The connection guard: deadlines per request phase and the connection
 * budget (guard.h says why libmicrohttpd's own limits are not enough).
 * Connections are kept in a list under one mutex; a timer thread checks
 * the deadlines every GUARD_TICK seconds. */
#include "guard.h"
#include <errno.h>
#include <stddef.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#ifdef __linux__
#include <netinet/in.h>
#include <linux/tcp.h> /* struct tcp_info with tcpi_bytes_received (Linux 4.1) */
#endif

/* How often deadlines are checked: a deadline is late by at most this. */
#define GUARD_TICK 0.2

/* A keep-alive connection that has sent nothing of its next request for
 * this long is idle, and may be closed to keep the budget. A busy client
 * sends its next request within milliseconds of an answer: closing it then
 * would lose that request, and it would reconnect at once and close
 * another, a cycle that kept 256 busy clients reconnecting (issue 12). */
#define GUARD_IDLE 1.0

/* A connection that has sent part of its headers and nothing the server
 * has not read is slow once its headers have taken this long: a request
 * sent at once is read and handed on within microseconds, and this keeps
 * the guard from closing one in that moment. */
#define GUARD_PARTIAL 0.1

struct guard_conn {
    guard_conn *prev, *next; /* the list is in the order of `since` */
    int fd;
    enum guard_phase phase;
    double since; /* monotonic seconds at the start of the phase */
    unsigned long long base; /* bytes received by the kernel at the start of HEADERS */
    int cut;      /* shut down by the guard */
    int closing;  /* answered with Connection: close to make room */
    int started;  /* a request has begun on it (its headers came in) */
};

struct guard {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t timer;
    int stopping;
    guard_conn *head, *tail; /* head: the oldest phase */
    unsigned live;           /* connections not cut */
    unsigned soft, hard;
    unsigned pending;        /* connections closing to make room, not yet closed */
    int listen_fd;           /* for the accept queue's length, or -1 */
    double dry_until;        /* no connection could go: do not look again before */
    double header_seconds, body_seconds;
    unsigned long cut_deadline, cut_budget, rotated;
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
static void cut(guard *g, guard_conn *gc)
{
    if (!gc->cut) {
        shutdown(gc->fd, SHUT_RDWR);
        g->live--;
    }
    gc->cut = 1;
}

/* Bytes the kernel has received on socket fd so far; 0 where unknown. */
static unsigned long long received(int fd)
{
#if defined(__linux__) && defined(TCP_INFO)
    struct tcp_info ti;
    socklen_t len = sizeof ti;
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 &&
        len >= offsetof(struct tcp_info, tcpi_bytes_received) + sizeof ti.tcpi_bytes_received)
        return ti.tcpi_bytes_received;
#else
    (void)fd;
#endif
    return 0;
}

/* Connections waiting in the listening socket's accept queue (0 where
 * unknown): Linux reports it as tcpi_unacked of a listening socket. */
static unsigned accept_queue(int fd)
{
#if defined(__linux__) && defined(TCP_INFO)
    struct tcp_info ti;
    socklen_t len = sizeof ti;
    if (fd >= 0 && getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 &&
        ti.tcpi_state == 10 /* TCP_LISTEN */)
        return ti.tcpi_unacked;
#else
    (void)fd;
#endif
    return 0;
}

/* Bytes received on fd and not yet read by the server. */
static int unread(int fd)
{
    int n = 0;
    return ioctl(fd, FIONREAD, &n) == 0 ? n : 0;
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
            cut(g, gc);
            g->cut_deadline++;
        }
    }
}

static void keep_budget_tick(guard *g, double now);

/* The timer thread: checks the deadlines and the budget until guard_stop. */
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
        if (rc == ETIMEDOUT || rc == 0) {
            double now = guard_now();
            cut_late(g, now);
            keep_budget_tick(g, now);
        }
    }
    pthread_mutex_unlock(&g->lock);
    return NULL;
}

guard *guard_start(unsigned soft, unsigned hard, double header_seconds, double body_seconds)
{
    guard *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->soft = soft;
    g->hard = hard;
    g->listen_fd = -1;
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

/* Appends gc at the tail (the newest phase). Lock held. */
static void link_tail(guard *g, guard_conn *gc)
{
    gc->next = NULL;
    gc->prev = g->tail;
    if (g->tail)
        g->tail->next = gc;
    else
        g->head = gc;
    g->tail = gc;
}

/* Takes gc out of the list. Lock held. */
static void unlink_conn(guard *g, guard_conn *gc)
{
    if (gc->prev)
        gc->prev->next = gc->next;
    else
        g->head = gc->next;
    if (gc->next)
        gc->next->prev = gc->prev;
    else
        g->tail = gc->prev;
}

/* Whether gc may be closed to keep the budget: it waits for its headers,
 * the server has read everything it sent (unread bytes are the server's
 * delay, not the client's), it has waited GUARD_PARTIAL seconds or more,
 * and it is new and has not sent a whole request (a client sends its first
 * request as it connects), or it has sent part of a next one (a slow
 * client: headers still incomplete), or nothing for GUARD_IDLE seconds (an
 * idle keep-alive connection). */
static int evictable(const guard_conn *gc, double now)
{
    double waited = now - gc->since;
    if (gc->cut || gc->phase != GUARD_HEADERS || waited < GUARD_PARTIAL || unread(gc->fd) > 0)
        return 0;
    return waited >= GUARD_IDLE || !gc->started || received(gc->fd) > gc->base;
}

/* Over the budget: closes the evictable connection that has waited
 * longest for its headers, other than `fresh`; returns 0 if there is none
 * (libmicrohttpd's own limit, a little higher, then makes new clients
 * wait in the accept queue). Lock held. */
static int keep_budget(guard *g, const guard_conn *fresh, double now)
{
    for (guard_conn *gc = g->head; gc; gc = gc->next)
        if (gc != fresh && evictable(gc, now)) {
            cut(g, gc);
            g->cut_budget++;
            return 1;
        }
    return 0;
}

/* Keeps the budget from the timer too: connections that became evictable
 * (idle long enough) make room even when no new connection arrives,
 * which it cannot while libmicrohttpd is at its limit. Lock held. */
static void keep_budget_tick(guard *g, double now)
{
    g->dry_until = 0;
    while (g->live > g->soft && keep_budget(g, NULL, now))
        ;
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
    link_tail(g, gc);
    g->live++;
    /* A scan that found no connection to close is not repeated before the
     * next tick: connections arriving in a burst do not each scan them all. */
    if (g->live > g->soft && gc->since >= g->dry_until && !keep_budget(g, gc, gc->since))
        g->dry_until = gc->since + GUARD_TICK;
    pthread_mutex_unlock(&g->lock);
    return gc;
}

void guard_close(guard *g, guard_conn *gc)
{
    if (!gc)
        return;
    pthread_mutex_lock(&g->lock);
    unlink_conn(g, gc);
    if (!gc->cut)
        g->live--;
    if (gc->closing)
        g->pending--;
    pthread_mutex_unlock(&g->lock);
    free(gc);
}

void guard_phase(guard *g, guard_conn *gc, enum guard_phase p)
{
    if (!gc)
        return;
    /* Waiting for a next request: what the kernel has received so far
     * belongs to the requests before (read outside the lock). */
    unsigned long long base = p == GUARD_HEADERS ? received(gc->fd) : 0;
    pthread_mutex_lock(&g->lock);
    gc->phase = p;
    gc->since = guard_now();
    gc->base = base;
    gc->started |= p != GUARD_HEADERS;
    unlink_conn(g, gc);
    link_tail(g, gc);
    pthread_mutex_unlock(&g->lock);
}

void guard_listener(guard *g, int fd)
{
    pthread_mutex_lock(&g->lock);
    g->listen_fd = fd;
    pthread_mutex_unlock(&g->lock);
}

int guard_make_room(guard *g, guard_conn *gc)
{
    if (!gc)
        return 0;
    int close_it = 0;
    pthread_mutex_lock(&g->lock);
    /* Below the soft budget there is room (the accept queue is not read). */
    if (!gc->cut && !gc->closing && g->listen_fd >= 0 && g->live >= g->soft) {
        long need = (long)g->live + (long)accept_queue(g->listen_fd) - (long)g->hard;
        if (need > (long)g->pending) {
            gc->closing = close_it = 1;
            g->pending++;
            g->rotated++;
        }
    }
    pthread_mutex_unlock(&g->lock);
    return close_it;
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

void guard_counts(guard *g, unsigned long *deadline, unsigned long *budget,
                  unsigned long *rotated)
{
    pthread_mutex_lock(&g->lock);
    *deadline = g->cut_deadline;
    *budget = g->cut_budget;
    *rotated = g->rotated;
    pthread_mutex_unlock(&g->lock);
}
