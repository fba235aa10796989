/* The connection guard of `newsfuse serve`: deadlines per phase of a
 * request and a connection budget that keeps room for well-behaved
 * clients. libmicrohttpd (0.9.75) only has an idle timeout, which a client
 * sending one byte a second never reaches, and at its connection limit it
 * stops accepting, so slow clients holding every slot starve everyone.
 * The guard closes a connection (shutdown(2) of its socket: libmicrohttpd
 * then sees the end and closes it itself) when
 * - its headers took longer than header_seconds (counted from the
 *   connection's start or the end of its previous request), or its body
 *   or the reading of its answer took longer than body_seconds;
 * - more than `soft` connections are open: the one that has waited longest
 *   for its headers goes, so a client that sends its request at once is
 *   served however many slow ones arrive. Only a connection that has sent
 *   part of its headers (a slow client) or nothing for a second (an idle
 *   keep-alive connection) goes, never one whose request the server has
 *   not read yet nor a busy client between two requests: closing those
 *   lost their requests and made them reconnect and close others, which
 *   cut throughput at --max-connections by up to 12x (issue 12, item 7).
 * And when more clients than `hard` (libmicrohttpd's limit) want a
 * connection, some of those waiting in the accept queue get one in turn:
 * guard_make_room says which answers close their connection.
 * All functions are thread-safe; no MHD types appear here. */
#ifndef NF_SERVER_GUARD_H
#define NF_SERVER_GUARD_H

/* Where a connection is: only HEADERS connections are evicted, and WORK
 * (the request is being computed) has no deadline of its own. */
enum guard_phase { GUARD_HEADERS, GUARD_BODY, GUARD_WORK, GUARD_ANSWER };

typedef struct guard guard;
typedef struct guard_conn guard_conn;

/* Starts the guard and its timer thread; NULL if out of memory. soft is
 * the number of open connections over which the longest-waiting HEADERS
 * connection is closed; hard is libmicrohttpd's connection limit. */
guard *guard_start(unsigned soft, unsigned hard, double header_seconds, double body_seconds);
/* Stops the timer thread and frees the guard (after the server stopped:
 * every connection must be closed). */
void guard_stop(guard *g);
/* A new connection on socket fd; NULL if out of memory (it is then not
 * guarded). May close the longest-waiting connection to keep the budget. */
guard_conn *guard_open(guard *g, int fd);
/* The connection is closed (before its socket is: the guard never shuts
 * down a reused descriptor). Frees gc. */
void guard_close(guard *g, guard_conn *gc);
/* The connection enters phase p; its deadline starts now. */
void guard_phase(guard *g, guard_conn *gc, enum guard_phase p);
/* The listening socket, whose accept queue guard_make_room reads; -1
 * before it is closed. */
void guard_listener(guard *g, int fd);
/* Called before an answer is queued: returns 1 if the answer should close
 * its connection (Connection: close) because the connections open and
 * those waiting in the accept queue are more than `hard` (at most one
 * closing connection per client waiting, so clients over the limit take
 * turns, first come first served, instead of waiting for an idle one). */
int guard_make_room(guard *g, guard_conn *gc);
/* Returns 1 if the guard closed this connection (for the access log). */
int guard_was_cut(guard *g, const guard_conn *gc);
/* Connections the guard closed so far, by deadline and by the budget, and
 * answers that closed their connection to make room. */
void guard_counts(guard *g, unsigned long *deadline, unsigned long *budget,
                  unsigned long *rotated);

#endif
