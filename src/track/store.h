/* The tracker's store: one SQLite database (WAL) holding the stream's
 * articles in stream order with the event each joined, the events, the
 * last output of each event and its timeline. Every write is one
 * transaction, so a process killed at any moment leaves the database as
 * it was after its last commit (doc/TRACK.md has the schema). */
#ifndef NF_TRACK_STORE_H
#define NF_TRACK_STORE_H
#include <jansson.h>
#include <stddef.h>

typedef struct track_store track_store;

/* One article as stored. */
typedef struct track_article {
    long long seq;     /* 1, 2, ... in stream order */
    const char *id, *title, *date, *url, *outlet;
    const char *text;
    size_t len;
    int shown;         /* 1: in an output already */
} track_article;

/* Opens path: readonly 0 creates it when absent (schema, WAL) and checks
 * it; 1 opens an existing one for reading. NF_OK, NF_EIO (cannot open or
 * create), NF_EDATA (not a tracker database, corrupt, a newer schema),
 * NF_ENOMEM; err says why (the file named). *out is NULL on failure. */
int store_open(const char *path, int readonly, track_store **out, char *err, size_t errlen);
void store_close(track_store *s);
/* The message of the last failure ("" if none). */
const char *store_error(const track_store *s);

/* Transactions: NF_OK or NF_EIO (store_error says why). */
int store_begin(track_store *s);
int store_commit(track_store *s);
void store_rollback(track_store *s);

/* A setting kept with the database (the clusterer's): *value a new string
 * (xfree) or NULL when unset. */
int store_meta_get(track_store *s, const char *key, char **value);
int store_meta_set(track_store *s, const char *key, const char *value);

/* 1 if an article of that id is stored, 0 if not, or a negative status. */
int store_has_article(track_store *s, const char *id);
/* Stores the next article of the stream (a->seq is set) in event, with
 * the event's counts and its timeline (the first report, a new outlet).
 * Inside a transaction. NF_OK or NF_EIO. */
int store_add_article(track_store *s, track_article *a, const char *event, int opened);
/* Calls fn on every article in stream order (event: the one it joined),
 * or those of one event when event is not NULL; stops at a non-zero
 * return, which it returns. NF_EIO on a read error. */
typedef int (*store_article_fn)(const track_article *a, const char *event, void *arg);
int store_each_article(track_store *s, const char *event, store_article_fn fn, void *arg);
/* The events with articles not yet in an output, oldest change first:
 * *ids a new array of new strings (store_free_list). */
int store_changed_events(track_store *s, char ***ids, size_t *n);
void store_free_list(char **ids, size_t n);
/* The event's last sheet digest (NULL before its first output) and its
 * number of outputs. */
int store_event_state(track_store *s, const char *event, char **digest, long *updates);
/* Saves an event's output (inside a transaction): its record, sheet
 * (rendered) and digest; marks its articles shown; appends the timeline
 * entries (an array of objects). */
int store_save_output(track_store *s, const char *event, const char *record, const char *sheet,
                      const char *digest, json_t *timeline);
/* The event's sources (outlet, headline, date, url, id) and timeline, as
 * JSON arrays (new references). */
json_t *store_sources(track_store *s, const char *event);
json_t *store_timeline(track_store *s, const char *event);
/* A page of events, most recently changed first, before the cursor
 * (0: from the newest): {"events": [...], "next": cursor or null}. */
json_t *store_events_page(track_store *s, size_t limit, long long before);
/* One event: its counts, last record and sheet, sources and timeline;
 * NULL with NF_EEMPTY in *status for an unknown id. */
json_t *store_event_detail(track_store *s, const char *event, int *status);
/* Counts of articles and events. */
int store_counts(track_store *s, long long *articles, long long *events);

#endif
