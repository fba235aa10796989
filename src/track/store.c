/* The tracker's SQLite store (store.h). One connection per handle; the
 * writer holds an exclusive flock on the database file for its lifetime,
 * so two trackers cannot interleave their streams in one database, while
 * readers (newsfuse serve) read in WAL mode at the same time. */
#include "track/store.h"
#include "core/alloc.h"
#include "newsfuse.h"
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#define STORE_SCHEMA "newsfuse-track/1"

struct track_store {
    sqlite3 *db;
    int lock_fd; /* the writer's flock, -1 for a reader */
    char *path;
    char err[512];
};

static const char schema_sql[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE articles(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, event TEXT NOT NULL,"
    " title TEXT, date TEXT, url TEXT, outlet TEXT, text TEXT NOT NULL,"
    " shown INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX articles_event ON articles(event, seq);"
    "CREATE TABLE events(id TEXT PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL,"
    " output_seq INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL, title TEXT,"
    " first_date TEXT, last_date TEXT, updates INTEGER NOT NULL DEFAULT 0, record TEXT,"
    " sheet TEXT, digest TEXT);"
    "CREATE INDEX events_recent ON events(last_seq);"
    "CREATE TABLE timeline(event TEXT NOT NULL, n INTEGER NOT NULL, seq INTEGER, date TEXT,"
    " kind TEXT NOT NULL, article TEXT, outlet TEXT, text TEXT, PRIMARY KEY(event, n));"
    "INSERT INTO meta VALUES('schema', '" STORE_SCHEMA "');";

const char *store_error(const track_store *s)
{
    return s ? s->err : "";
}

/* Records SQLite's message for what failed; returns NF_EIO (NF_EDATA for
 * a corrupt file, NF_ENOMEM when SQLite ran out of memory). */
static int fail(track_store *s, const char *what)
{
    int code = sqlite3_errcode(s->db);
    snprintf(s->err, sizeof s->err, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
    if (code == SQLITE_NOMEM)
        return NF_ENOMEM;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        return NF_EDATA;
    return NF_EIO;
}

/* Prepares sql; NULL after fail(). */
static sqlite3_stmt *prepare(track_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        fail(s, "query");
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

static int exec(track_store *s, const char *sql, const char *what)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? NF_OK : fail(s, what);
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* A column as a new string (NULL for NULL). */
static char *column_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *v = sqlite3_column_text(st, i);
    return v ? xstrdup((const char *)v) : NULL;
}

/* Runs a statement that returns nothing; finalizes it. */
static int run(track_store *s, sqlite3_stmt *st, const char *what)
{
    if (!st)
        return NF_EIO;
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? NF_OK : fail(s, what);
}

/* The first column of a one-row query as a string (NULL: no row). */
static int query_text(track_store *s, const char *sql, const char *arg, char **out)
{
    sqlite3_stmt *st = prepare(s, sql);
    *out = NULL;
    if (!st)
        return sqlite3_errcode(s->db) == SQLITE_NOTADB ? NF_EDATA : NF_EIO;
    bind_text(st, 1, arg);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = column_dup(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(s, "read");
    return NF_OK;
}

/* A new database gets the schema; an existing one must be ours, of this
 * schema, and pass SQLite's quick check. A file that is not a database,
 * or another database, is refused, never rebuilt. */
static int check_schema(track_store *s, int readonly)
{
    char *n = NULL;
    int rc = query_text(s, "SELECT count(*) FROM sqlite_master", NULL, &n);
    if (rc != NF_OK) {
        snprintf(s->err, sizeof s->err, "%s: not a newsfuse track database (%s)", s->path,
                 sqlite3_errmsg(s->db));
        return NF_EDATA;
    }
    int empty = n && !strcmp(n, "0");
    xfree(n);
    if (empty && readonly) {
        snprintf(s->err, sizeof s->err, "%s: an empty database (no articles tracked yet)", s->path);
        return NF_EDATA;
    }
    if (empty)
        return exec(s, schema_sql, "create the schema");
    char *v = NULL;
    rc = query_text(s, "SELECT value FROM meta WHERE key = 'schema'", NULL, &v);
    if (rc == NF_EDATA) { /* SQLite says corrupt: the store's tables cannot be read */
        snprintf(s->err, sizeof s->err, "%s: the database is corrupt (%s); it is left as it is",
                 s->path, sqlite3_errmsg(s->db));
        return NF_EDATA;
    }
    if (rc != NF_OK || !v || strcmp(v, STORE_SCHEMA)) {
        snprintf(s->err, sizeof s->err, "%s: not a newsfuse track database (schema %s, want %s)",
                 s->path, v ? v : "missing", STORE_SCHEMA);
        xfree(v);
        return NF_EDATA;
    }
    xfree(v);
    if (readonly)
        return NF_OK; /* a reader per request (serve): corruption shows in its queries */
    rc = query_text(s, "PRAGMA quick_check", NULL, &v);
    if (rc != NF_OK || !v || strcmp(v, "ok")) {
        snprintf(s->err, sizeof s->err, "%s: the database is corrupt (%s); it is left as it is",
                 s->path, v ? v : sqlite3_errmsg(s->db));
        xfree(v);
        return NF_EDATA;
    }
    xfree(v);
    return NF_OK;
}

/* The writer's lock: one tracker per database. */
static int take_lock(track_store *s)
{
    s->lock_fd = open(s->path, O_RDONLY | O_CLOEXEC);
    if (s->lock_fd < 0 || flock(s->lock_fd, LOCK_EX | LOCK_NB)) {
        snprintf(s->err, sizeof s->err, "%s: %s", s->path,
                 s->lock_fd >= 0 && errno == EWOULDBLOCK ? "another newsfuse track is writing to it"
                                                          : strerror(errno));
        return NF_EIO;
    }
    return NF_OK;
}

static int open_db(track_store *s, int readonly)
{
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(s->path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return s->db ? fail(s, "cannot open") : NF_ENOMEM;
    sqlite3_busy_timeout(s->db, 5000);
    int rc = readonly ? NF_OK : take_lock(s);
    /* WAL: readers go on while the tracker writes; NORMAL: a commit is
     * safe from a killed process (a power cut may lose the last ones) */
    if (rc == NF_OK && !readonly)
        rc = exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", "set WAL mode");
    if (rc != NF_OK && sqlite3_errcode(s->db) == SQLITE_NOTADB) {
        snprintf(s->err, sizeof s->err, "%s: not a newsfuse track database (%s); it is left as it is",
                 s->path, sqlite3_errmsg(s->db));
        rc = NF_EDATA;
    }
    return rc == NF_OK ? check_schema(s, readonly) : rc;
}

int store_open(const char *path, int readonly, track_store **out, char *err, size_t errlen)
{
    track_store *s = xcalloc(1, sizeof *s);
    *out = NULL;
    if (!s || !(s->path = xstrdup(path))) {
        xfree(s);
        snprintf(err, errlen, "out of memory");
        return NF_ENOMEM;
    }
    s->lock_fd = -1;
    if (readonly && access(path, F_OK)) {
        snprintf(s->err, sizeof s->err, "%s: %s", path, strerror(errno));
        snprintf(err, errlen, "%s", s->err);
        store_close(s);
        return NF_EIO;
    }
    int rc = open_db(s, readonly);
    if (rc != NF_OK) {
        snprintf(err, errlen, "%s", s->err);
        store_close(s);
        return rc;
    }
    *out = s;
    return NF_OK;
}

void store_close(track_store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    if (s->lock_fd >= 0)
        close(s->lock_fd); /* after SQLite's own descriptors: closing it drops POSIX locks */
    xfree(s->path);
    xfree(s);
}

int store_begin(track_store *s) { return exec(s, "BEGIN IMMEDIATE", "begin"); }
int store_commit(track_store *s) { return exec(s, "COMMIT", "commit"); }
void store_rollback(track_store *s) { sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL); }

int store_meta_get(track_store *s, const char *key, char **value)
{
    return query_text(s, "SELECT value FROM meta WHERE key = ?1", key, value);
}

int store_meta_set(track_store *s, const char *key, const char *value)
{
    sqlite3_stmt *st = prepare(s, "INSERT OR REPLACE INTO meta VALUES(?1, ?2)");
    if (st)
        bind_text(st, 1, key), bind_text(st, 2, value);
    return run(s, st, "write a setting");
}

int store_has_article(track_store *s, const char *id)
{
    char *v = NULL;
    int rc = query_text(s, "SELECT 1 FROM articles WHERE id = ?1", id, &v);
    int has = v != NULL;
    xfree(v);
    return rc == NF_OK ? has : rc;
}

/* The event's row: a new one for its first article, else its counts. */
static int event_row(track_store *s, const track_article *a, const char *event, int *first)
{
    sqlite3_stmt *st = prepare(s, "INSERT OR IGNORE INTO events(id, first_seq, last_seq, articles,"
                                  " title, first_date, last_date) VALUES(?1, ?2, ?2, 1, ?3, ?4, ?4)");
    if (!st)
        return NF_EIO;
    bind_text(st, 1, event);
    sqlite3_bind_int64(st, 2, a->seq);
    bind_text(st, 3, a->title);
    bind_text(st, 4, a->date);
    int rc = run(s, st, "write an event");
    *first = rc == NF_OK && sqlite3_changes(s->db) == 1;
    if (rc != NF_OK || *first)
        return rc;
    st = prepare(s, "UPDATE events SET last_seq = ?2, articles = articles + 1,"
                    " first_date = CASE WHEN ?3 IS NULL OR (first_date IS NOT NULL AND first_date <= ?3)"
                    " THEN first_date ELSE ?3 END,"
                    " last_date = CASE WHEN ?3 IS NULL OR (last_date IS NOT NULL AND last_date >= ?3)"
                    " THEN last_date ELSE ?3 END WHERE id = ?1");
    if (!st)
        return NF_EIO;
    bind_text(st, 1, event);
    sqlite3_bind_int64(st, 2, a->seq);
    bind_text(st, 3, a->date);
    return run(s, st, "update an event");
}

/* Appends one timeline entry of event. */
static int timeline_add(track_store *s, const char *event, long long seq, const char *date,
                        const char *kind, const char *article, const char *outlet, const char *text)
{
    sqlite3_stmt *st = prepare(s, "INSERT INTO timeline SELECT ?1, COALESCE(MAX(n), 0) + 1, ?2, ?3,"
                                  " ?4, ?5, ?6, ?7 FROM timeline WHERE event = ?1");
    if (!st)
        return NF_EIO;
    bind_text(st, 1, event);
    if (seq > 0)
        sqlite3_bind_int64(st, 2, seq);
    bind_text(st, 3, date);
    bind_text(st, 4, kind);
    bind_text(st, 5, article);
    bind_text(st, 6, outlet);
    bind_text(st, 7, text);
    return run(s, st, "write the timeline");
}

/* 1 if an earlier article of event came from outlet. */
static int outlet_known(track_store *s, const char *event, const char *outlet, long long seq)
{
    sqlite3_stmt *st = prepare(s, "SELECT 1 FROM articles WHERE event = ?1 AND outlet = ?2 AND seq < ?3");
    if (!st)
        return -1;
    bind_text(st, 1, event);
    bind_text(st, 2, outlet);
    sqlite3_bind_int64(st, 3, seq);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int store_add_article(track_store *s, track_article *a, const char *event, int opened)
{
    (void)opened; /* the event's row says whether this is its first report */
    sqlite3_stmt *st = prepare(s, "INSERT INTO articles(id, event, title, date, url, outlet, text)"
                                  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!st)
        return NF_EIO;
    bind_text(st, 1, a->id);
    bind_text(st, 2, event);
    bind_text(st, 3, a->title);
    bind_text(st, 4, a->date);
    bind_text(st, 5, a->url);
    bind_text(st, 6, a->outlet);
    sqlite3_bind_text(st, 7, a->text, (int)a->len, SQLITE_TRANSIENT);
    int rc = run(s, st, "write an article");
    if (rc != NF_OK)
        return rc;
    a->seq = sqlite3_last_insert_rowid(s->db);
    int first = 0;
    rc = event_row(s, a, event, &first);
    if (rc != NF_OK)
        return rc;
    if (first)
        return timeline_add(s, event, a->seq, a->date, "first_report", a->id, a->outlet, a->title);
    int known = a->outlet ? outlet_known(s, event, a->outlet, a->seq) : 1;
    if (known < 0)
        return fail(s, "read the sources");
    return known ? NF_OK
                 : timeline_add(s, event, a->seq, a->date, "new_source", a->id, a->outlet, a->title);
}

/* The article of the current row (columns seq, id, title, date, url,
 * outlet, text, shown, event). */
static void row_article(sqlite3_stmt *st, track_article *a)
{
    a->seq = sqlite3_column_int64(st, 0);
    a->id = (const char *)sqlite3_column_text(st, 1);
    a->title = (const char *)sqlite3_column_text(st, 2);
    a->date = (const char *)sqlite3_column_text(st, 3);
    a->url = (const char *)sqlite3_column_text(st, 4);
    a->outlet = (const char *)sqlite3_column_text(st, 5);
    a->text = (const char *)sqlite3_column_text(st, 6);
    a->len = (size_t)sqlite3_column_bytes(st, 6);
    a->shown = sqlite3_column_int(st, 7);
}

int store_each_article(track_store *s, const char *event, store_article_fn fn, void *arg)
{
    sqlite3_stmt *st = prepare(s, event ? "SELECT seq, id, title, date, url, outlet, text, shown, event"
                                          " FROM articles WHERE event = ?1 ORDER BY seq"
                                        : "SELECT seq, id, title, date, url, outlet, text, shown, event"
                                          " FROM articles ORDER BY seq");
    if (!st)
        return NF_EIO;
    if (event)
        bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        track_article a;
        row_article(st, &a);
        stop = fn(&a, (const char *)sqlite3_column_text(st, 8), arg);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = fail(s, "read the articles");
    sqlite3_finalize(st);
    return stop;
}

void store_free_list(char **ids, size_t n)
{
    for (size_t i = 0; ids && i < n; i++)
        xfree(ids[i]);
    xfree(ids);
}

int store_changed_events(track_store *s, char ***ids, size_t *n)
{
    sqlite3_stmt *st = prepare(s, "SELECT id FROM events WHERE last_seq > output_seq ORDER BY last_seq");
    size_t cap = 0;
    *ids = NULL, *n = 0;
    if (!st)
        return NF_EIO;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char *id = column_dup(st, 0);
        if (!id || GROW(*ids, cap, *n + 1)) {
            xfree(id);
            rc = SQLITE_NOMEM;
            break;
        }
        (*ids)[(*n)++] = id;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return NF_OK;
    store_free_list(*ids, *n);
    *ids = NULL, *n = 0;
    return rc == SQLITE_NOMEM ? NF_ENOMEM : fail(s, "read the events");
}

int store_event_state(track_store *s, const char *event, char **digest, long *updates)
{
    sqlite3_stmt *st = prepare(s, "SELECT digest, updates FROM events WHERE id = ?1");
    *digest = NULL, *updates = 0;
    if (!st)
        return NF_EIO;
    bind_text(st, 1, event);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *digest = column_dup(st, 0);
        *updates = (long)sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? NF_OK : fail(s, "read an event");
}

int store_save_output(track_store *s, const char *event, const char *record, const char *sheet,
                      const char *digest, json_t *timeline)
{
    sqlite3_stmt *st = prepare(s, "UPDATE events SET output_seq = last_seq, updates = updates + 1,"
                                  " record = ?2, sheet = ?3, digest = ?4 WHERE id = ?1");
    if (st)
        bind_text(st, 1, event), bind_text(st, 2, record), bind_text(st, 3, sheet),
            bind_text(st, 4, digest);
    int rc = run(s, st, "save an output");
    st = rc == NF_OK ? prepare(s, "UPDATE articles SET shown = 1 WHERE event = ?1 AND shown = 0") : NULL;
    if (st)
        bind_text(st, 1, event);
    if (rc == NF_OK)
        rc = run(s, st, "mark articles shown");
    size_t i;
    json_t *e;
    json_array_foreach(timeline, i, e) {
        if (rc != NF_OK)
            break;
        rc = timeline_add(s, event, json_integer_value(json_object_get(e, "seq")),
                          json_string_value(json_object_get(e, "date")),
                          json_string_value(json_object_get(e, "kind")),
                          json_string_value(json_object_get(e, "article")), NULL,
                          json_string_value(json_object_get(e, "text")));
    }
    return rc;
}

/* A text column as a JSON value (null for NULL). */
static json_t *column_json(sqlite3_stmt *st, int i)
{
    const unsigned char *v = sqlite3_column_text(st, i);
    return v ? json_string((const char *)v) : json_null();
}

/* The rows of st as objects named by keys (one per column). */
static json_t *rows_json(track_store *s, sqlite3_stmt *st, const char *const *keys, size_t nkeys)
{
    json_t *a = json_array();
    int rc;
    while (a && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *o = json_object();
        for (size_t k = 0; o && k < nkeys; k++)
            json_object_set_new(o, keys[k], sqlite3_column_type(st, (int)k) == SQLITE_INTEGER
                                                ? json_integer(sqlite3_column_int64(st, (int)k))
                                                : column_json(st, (int)k));
        json_array_append_new(a, o);
    }
    if (a && rc != SQLITE_DONE) {
        fail(s, "read");
        json_decref(a), a = NULL;
    }
    sqlite3_finalize(st);
    return a;
}

json_t *store_sources(track_store *s, const char *event)
{
    static const char *const keys[] = {"id", "outlet", "headline", "date", "url"};
    sqlite3_stmt *st = prepare(s, "SELECT id, outlet, title, date, url FROM articles WHERE event = ?1"
                                  " ORDER BY seq");
    if (!st)
        return NULL;
    bind_text(st, 1, event);
    return rows_json(s, st, keys, sizeof keys / sizeof *keys);
}

json_t *store_timeline(track_store *s, const char *event)
{
    static const char *const keys[] = {"date", "kind", "article", "outlet", "text"};
    sqlite3_stmt *st = prepare(s, "SELECT date, kind, article, outlet, text FROM timeline"
                                  " WHERE event = ?1 ORDER BY n");
    if (!st)
        return NULL;
    bind_text(st, 1, event);
    return rows_json(s, st, keys, sizeof keys / sizeof *keys);
}

static const char *const event_keys[] = {"id", "title", "articles", "first_date", "last_date",
                                         "updates", "cursor"};
#define EVENT_COLUMNS "id, title, articles, first_date, last_date, updates, last_seq"

json_t *store_events_page(track_store *s, size_t limit, long long before)
{
    sqlite3_stmt *st = prepare(s, "SELECT " EVENT_COLUMNS " FROM events WHERE ?1 <= 0 OR last_seq < ?1"
                                  " ORDER BY last_seq DESC LIMIT ?2");
    if (!st)
        return NULL;
    sqlite3_bind_int64(st, 1, before);
    sqlite3_bind_int64(st, 2, (long long)limit + 1); /* one more says whether there is a next page */
    json_t *rows = rows_json(s, st, event_keys, sizeof event_keys / sizeof *event_keys);
    if (!rows)
        return NULL;
    json_t *next = json_null();
    if (json_array_size(rows) > limit) {
        json_array_remove(rows, limit);
        next = json_incref(json_object_get(json_array_get(rows, limit - 1), "cursor"));
    }
    return json_pack("{s:o,s:o}", "events", rows, "next", next);
}

/* Parses a stored JSON text (NULL: null). */
static json_t *stored_json(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? json_loads(v, 0, NULL) : json_null();
}

json_t *store_event_detail(track_store *s, const char *event, int *status)
{
    sqlite3_stmt *st = prepare(s, "SELECT " EVENT_COLUMNS ", record, sheet FROM events WHERE id = ?1");
    *status = NF_EIO;
    if (!st)
        return NULL;
    bind_text(st, 1, event);
    int rc = sqlite3_step(st);
    json_t *o = NULL;
    if (rc == SQLITE_ROW && (o = json_object())) {
        for (size_t k = 0; k < sizeof event_keys / sizeof *event_keys; k++)
            json_object_set_new(o, event_keys[k], sqlite3_column_type(st, (int)k) == SQLITE_INTEGER
                                                       ? json_integer(sqlite3_column_int64(st, (int)k))
                                                       : column_json(st, (int)k));
        json_object_set_new(o, "last_output", stored_json(st, 7));
        json_object_set_new(o, "sheet", stored_json(st, 8));
    }
    *status = rc == SQLITE_ROW ? (o ? NF_OK : NF_ENOMEM) : rc == SQLITE_DONE ? NF_EEMPTY : fail(s, "read an event");
    sqlite3_finalize(st);
    if (!o)
        return NULL;
    json_object_set_new(o, "sources", store_sources(s, event));
    json_object_set_new(o, "timeline", store_timeline(s, event));
    return o;
}

int store_counts(track_store *s, long long *articles, long long *events)
{
    char *a = NULL, *e = NULL;
    int rc = query_text(s, "SELECT count(*) FROM articles", NULL, &a);
    if (rc == NF_OK)
        rc = query_text(s, "SELECT count(*) FROM events", NULL, &e);
    *articles = a ? atoll(a) : 0;
    *events = e ? atoll(e) : 0;
    xfree(a), xfree(e);
    return rc;
}
