/* nf_track_*: the long-running tracker (doc/TRACK.md). This file wires the
 * parts together: the stream clusterer assigns each article its event,
 * track/store.c commits both, and an event's output is made of the update
 * summary (nf_summarize), the sheet's changes (track/changes.c) and the
 * store's sources and timeline, rendered by emit/track_render.c. */
#include "core/alloc.h"
#include "core/buf.h"
#include "emit/track_render.h"
#include "track/changes.h"
#include "track/outlet.h"
#include "track/store.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct nf_track {
    track_store *st;
    int readonly;
    int resumed; /* the clusterer holds every stored article */
    int broken;  /* a commit failed after the clusterer took an article */
    nf_options *opts;
    nf_clusterer *cl;
    json_t *settings; /* the clusterer's settings given to nf_track_set */
    char *event;      /* the last article's event */
    char err[1024];
    char warn[512];
};

/* Records why a call failed; returns rc. */
static int track_fail(nf_track *t, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int track_fail(nf_track *t, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->err, sizeof t->err, fmt, ap);
    va_end(ap);
    return rc;
}

/* The store's failure as the handle's. */
static int store_fail(nf_track *t, int rc)
{
    return track_fail(t, rc, "%s", store_error(t->st));
}

int nf_track_open(const char *path, const char *mode, nf_track **out)
{
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    if (!path || !mode || (strcmp(mode, "r") && strcmp(mode, "w")))
        return NF_EINVAL;
    nf_track *t = xcalloc(1, sizeof *t);
    if (!t || !(t->opts = nf_options_new()) || !(t->settings = json_object())) {
        nf_track_free(t);
        return NF_ENOMEM;
    }
    t->readonly = mode[0] == 'r';
    *out = t;
    int rc = store_open(path, t->readonly, &t->st, t->err, sizeof t->err);
    return rc;
}

void nf_track_free(nf_track *t)
{
    if (!t)
        return;
    store_close(t->st);
    nf_clusterer_free(t->cl);
    nf_options_free(t->opts);
    json_decref(t->settings);
    xfree(t->event);
    xfree(t);
}

const char *nf_track_error(const nf_track *t) { return t ? t->err : ""; }
const char *nf_track_warning(const nf_track *t) { return t ? t->warn : ""; }

int nf_track_set(nf_track *t, const char *key, const char *value)
{
    if (!t || !key || !value)
        return NF_EINVAL;
    if (t->resumed)
        return track_fail(t, NF_EINVAL, "%s: set before the first article", key);
    if (nf_options_get(t->opts, key)) {
        int rc = nf_options_set(t->opts, key, value);
        return rc == NF_OK ? NF_OK : track_fail(t, rc, "%s", nf_options_error(t->opts));
    }
    nf_clusterer *probe = NULL; /* checks the value now, not at the first article */
    int rc = nf_clusterer_new(&probe);
    if (rc == NF_OK && (rc = nf_clusterer_set(probe, key, value)) != NF_OK)
        track_fail(t, rc, "%s", nf_clusterer_error(probe));
    nf_clusterer_free(probe);
    if (rc == NF_OK && json_object_set_new(t->settings, key, json_string(value)))
        rc = NF_ENOMEM;
    return rc;
}

/* The clusterer's settings: those kept with the database, which later
 * handles may repeat but not change; a new database keeps those given. */
static int settle_settings(nf_track *t, long long articles)
{
    char *kept = NULL;
    int rc = store_meta_get(t->st, "clusterer", &kept);
    if (rc != NF_OK)
        return store_fail(t, rc);
    json_t *old = kept ? json_loads(kept, 0, NULL) : json_object();
    xfree(kept);
    if (!old)
        return track_fail(t, NF_EDATA, "the database's clusterer settings are not JSON");
    const char *k;
    json_t *v;
    json_object_foreach(t->settings, k, v) {
        json_t *was = json_object_get(old, k);
        if (articles > 0 && (!was || !json_equal(was, v))) {
            json_decref(old);
            return track_fail(t, NF_EINVAL, "%s: the database's events were made with %s=%s; "
                              "another value would change them", k, k,
                              was ? json_string_value(was) : "its default");
        }
        json_object_set(old, k, v);
    }
    json_object_foreach(old, k, v)
        if ((rc = nf_clusterer_set(t->cl, k, json_string_value(v))) != NF_OK) {
            json_decref(old);
            return track_fail(t, rc, "%s", nf_clusterer_error(t->cl));
        }
    char *text = json_dumps(old, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(old);
    rc = text ? NF_OK : NF_ENOMEM;
    if (rc == NF_OK && articles == 0 && (rc = store_meta_set(t->st, "clusterer", text)) != NF_OK)
        store_fail(t, rc);
    xfree(text);
    return rc;
}

static int resume(nf_track *t);

/* Replays one stored article through the clusterer: it must join the
 * event it joined when it was stored. */
static int replay_one(const track_article *a, const char *event, void *arg)
{
    nf_track *t = arg;
    nf_docset *ds = nf_docset_new();
    if (!ds || nf_docset_add(ds, a->id, a->title, a->date, a->text, a->len) != NF_OK) {
        nf_docset_free(ds);
        return track_fail(t, NF_ENOMEM, "out of memory");
    }
    const char *got = NULL;
    int opened = 0, rc = nf_clusterer_add(t->cl, ds, 0, &got, &opened);
    nf_docset_free(ds);
    const char *const *retired;
    nf_clusterer_retired(t->cl, &retired);
    if (rc != NF_OK)
        return track_fail(t, rc, "replay of article %s: %s", a->id, nf_clusterer_error(t->cl));
    if (!got || strcmp(got, event))
        return track_fail(t, NF_EDATA, "replay of article %s (number %lld) gives event %s, the "
                          "database says %s: was it written by another version or settings?",
                          a->id, a->seq, got ? got : "none", event);
    return NF_OK;
}

int nf_track_resume(nf_track *t)
{
    if (!t)
        return NF_EINVAL;
    t->err[0] = '\0';
    return resume(t);
}

/* Rebuilds the clusterer from the stored articles, once per handle. */
static int resume(nf_track *t)
{
    if (t->resumed)
        return NF_OK;
    if (t->readonly)
        return track_fail(t, NF_EINVAL, "the database was opened read-only");
    long long articles = 0, events = 0;
    int rc = store_counts(t->st, &articles, &events);
    if (rc != NF_OK)
        return store_fail(t, rc);
    if ((rc = nf_clusterer_new(&t->cl)) != NF_OK)
        return track_fail(t, rc, "out of memory");
    if ((rc = settle_settings(t, articles)) != NF_OK)
        return rc;
    rc = store_each_article(t->st, NULL, replay_one, t);
    if (rc != NF_OK)
        return *t->err ? rc : store_fail(t, rc);
    t->resumed = 1;
    return NF_OK;
}

/* Report i of ds as an article to store (its text as stored). */
static void article_of(const nf_docset *ds, size_t i, track_article *a, char *outlet, size_t n)
{
    memset(a, 0, sizeof *a);
    a->id = nf_docset_doc_id(ds, i);
    a->title = nf_docset_doc_title(ds, i);
    a->date = nf_docset_doc_date(ds, i);
    a->url = nf_docset_doc_url(ds, i);
    a->outlet = track_outlet(a->url, outlet, n) ? outlet : NULL;
    a->text = nf_docset_text(ds, i, &a->len);
}

/* Commits the article with its event. */
static int commit_article(nf_track *t, track_article *a, const char *event, int opened)
{
    int rc = store_begin(t->st);
    if (rc == NF_OK && (rc = store_add_article(t->st, a, event, opened)) == NF_OK)
        rc = store_commit(t->st);
    if (rc != NF_OK) {
        store_fail(t, rc);
        store_rollback(t->st);
        t->broken = 1; /* the clusterer has the article, the database not */
    }
    return rc;
}

int nf_track_add(nf_track *t, const nf_docset *ds, size_t i, const char **event, int *added)
{
    if (event)
        *event = NULL;
    if (added)
        *added = 0;
    if (!t || !ds || i >= nf_docset_count(ds))
        return t ? track_fail(t, NF_EINVAL, "no such report") : NF_EINVAL;
    t->err[0] = t->warn[0] = '\0';
    if (t->broken)
        return track_fail(t, NF_EIO, "an earlier commit failed: open the database again to resume");
    int rc = resume(t);
    if (rc != NF_OK)
        return rc;
    track_article a;
    char outlet[256];
    article_of(ds, i, &a, outlet, sizeof outlet);
    if ((rc = store_has_article(t->st, a.id)) != 0)
        return rc > 0 ? NF_OK : store_fail(t, rc); /* stored before: skipped */
    const char *ev = NULL;
    int opened = 0;
    rc = nf_clusterer_add(t->cl, ds, i, &ev, &opened);
    const char *const *retired; /* events stay in the database after retiring */
    nf_clusterer_retired(t->cl, &retired);
    const char *w = nf_clusterer_warning(t->cl);
    snprintf(t->warn, sizeof t->warn, "%s", w ? w : "");
    if (rc != NF_OK)
        return track_fail(t, rc, "%s", nf_clusterer_error(t->cl)); /* it names the article */
    xfree(t->event);
    if (!(t->event = xstrdup(ev)))
        return track_fail(t, NF_ENOMEM, "out of memory");
    if ((rc = commit_article(t, &a, t->event, opened)) != NF_OK)
        return rc;
    if (event)
        *event = t->event;
    if (added)
        *added = 1;
    return NF_OK;
}

/* ---- outputs ---- */

/* An event's reports for its output: in sum, those already shown as read
 * and the new ones as reports; in all, every one (the sheet reads them
 * all); the new ones' ids in fresh. */
typedef struct event_reports {
    nf_docset *sum, *all;
    json_t *fresh;
    const char *first_date, *last_date;
    int rc;
} event_reports;

static int collect_report(const track_article *a, const char *event, void *arg)
{
    (void)event;
    event_reports *r = arg;
    int rc = (a->shown ? nf_docset_add_seen : nf_docset_add)(r->sum, a->id, a->title, a->date,
                                                               a->text, a->len);
    if (rc == NF_OK)
        rc = nf_docset_add(r->all, a->id, a->title, a->date, a->text, a->len);
    if (rc == NF_OK && !a->shown && json_array_append_new(r->fresh, json_string(a->id)))
        rc = NF_ENOMEM;
    return r->rc = rc;
}

/* The rendered sheet and its changes since the last output. */
typedef struct sheet_part {
    char *rendered; /* nf_facts_render's json, compact */
    char *digest;
    json_t *changes, *timeline;
} sheet_part;

static int sheet_changes(nf_track *t, const char *event, const nf_docset *all, sheet_part *p,
                         long *updates)
{
    char *prev = NULL;
    int rc = store_event_state(t->st, event, &prev, updates);
    if (rc != NF_OK)
        return store_fail(t, rc);
    nf_facts_sheet *sh = NULL;
    rc = nf_facts(all, t->opts, &sh);
    if (sh && (rc == NF_OK || rc == NF_EEMPTY))
        rc = changes_compute(all, sh, prev, &p->changes, &p->timeline, &p->digest);
    if (rc == NF_OK)
        rc = nf_facts_render(sh, "jsonl", &p->rendered, NULL);
    nf_facts_free(sh);
    xfree(prev);
    return rc == NF_OK ? NF_OK : track_fail(t, rc, "%s: figure sheet: %s", event, nf_strerror(rc));
}

static void sheet_part_free(sheet_part *p)
{
    xfree(p->rendered), xfree(p->digest);
    json_decref(p->changes), json_decref(p->timeline);
}

/* Renders the record of one event into *record. */
static int render_event(nf_track *t, const char *event, event_reports *r, sheet_part *p,
                        char **record, size_t *len)
{
    long updates = 0;
    int rc = sheet_changes(t, event, r->all, p, &updates);
    if (rc != NF_OK)
        return rc;
    nf_summary *s = NULL;
    rc = nf_summarize(r->sum, t->opts, &s);
    if (rc != NF_OK && rc != NF_EEMPTY) {
        nf_summary_free(s);
        return track_fail(t, rc, "%s: summary: %s", event, nf_strerror(rc));
    }
    json_t *sources = store_sources(t->st, event), *timeline = store_timeline(t->st, event);
    for (size_t k = 0; timeline && k < json_array_size(p->timeline); k++) {
        json_t *e = json_deep_copy(json_array_get(p->timeline, k));
        json_object_del(e, "seq");
        json_array_append_new(timeline, e);
    }
    size_t n = nf_docset_count(r->all);
    track_update u = {event, updates + 1, nf_docset_doc_title(r->all, 0), NULL, NULL, n, r->fresh, s,
                      p->changes, sources, timeline};
    for (size_t k = 0; k < n; k++) { /* the dates the reports span */
        const char *d = nf_docset_doc_date(r->all, k);
        if (d && (!u.first_date || strcmp(d, u.first_date) < 0))
            u.first_date = d;
        if (d && (!u.last_date || strcmp(d, u.last_date) > 0))
            u.last_date = d;
    }
    rc = sources && timeline ? track_render_update(&u, record, len) : NF_ENOMEM;
    json_decref(sources), json_decref(timeline);
    nf_summary_free(s);
    return rc == NF_OK ? NF_OK : track_fail(t, rc, "out of memory");
}

/* Makes, emits and commits the output of one event. */
static int output_event(nf_track *t, const char *event,
                        int (*emit)(const char *, size_t, void *), void *arg)
{
    event_reports r = {nf_docset_new(), nf_docset_new(), json_array(), NULL, NULL, NF_OK};
    sheet_part p = {0};
    char *record = NULL;
    size_t len = 0;
    int rc = r.sum && r.all && r.fresh ? NF_OK : NF_ENOMEM;
    if (rc == NF_OK && (rc = store_each_article(t->st, event, collect_report, &r)) != NF_OK)
        rc = r.rc ? track_fail(t, r.rc, "out of memory") : store_fail(t, rc);
    if (rc == NF_OK)
        rc = render_event(t, event, &r, &p, &record, &len);
    if (rc == NF_OK && emit(record, len, arg))
        rc = track_fail(t, NF_EIO, "%s: the record could not be written", event);
    if (rc == NF_OK && (rc = store_begin(t->st)) == NF_OK &&
        (rc = store_save_output(t->st, event, record, p.rendered, p.digest, p.timeline)) == NF_OK)
        rc = store_commit(t->st);
    if (rc != NF_OK && !*t->err)
        store_fail(t, rc), store_rollback(t->st);
    xfree(record);
    sheet_part_free(&p);
    nf_docset_free(r.sum), nf_docset_free(r.all);
    json_decref(r.fresh);
    return rc;
}

int nf_track_flush(nf_track *t, int (*emit)(const char *record, size_t len, void *arg), void *arg,
                   size_t *records)
{
    if (records)
        *records = 0;
    if (!t || !emit)
        return NF_EINVAL;
    t->err[0] = '\0';
    int rc = resume(t);
    char **ids = NULL;
    size_t n = 0;
    if (rc == NF_OK && (rc = store_changed_events(t->st, &ids, &n)) != NF_OK)
        store_fail(t, rc);
    for (size_t i = 0; rc == NF_OK && i < n; i++)
        if ((rc = output_event(t, ids[i], emit, arg)) == NF_OK && records)
            (*records)++;
    store_free_list(ids, n);
    return rc;
}

/* ---- reading ---- */

/* Hands a JSON value over as a rendered buffer (with "schema" first). */
static int json_out(nf_track *t, json_t *v, char **json, size_t *len)
{
    json_t *o = v ? json_pack("{s:s}", "schema", NF_SCHEMA) : NULL;
    if (o)
        json_object_update(o, v);
    json_decref(v);
    *json = o ? json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
    json_decref(o);
    if (!*json)
        return *t->err ? NF_EIO : track_fail(t, NF_ENOMEM, "out of memory");
    if (len)
        *len = strlen(*json);
    return NF_OK;
}

int nf_track_events(nf_track *t, size_t limit, long long before, char **json, size_t *len)
{
    if (!json)
        return NF_EINVAL;
    *json = NULL;
    if (!t || limit < 1 || limit > 1000 || before < 0)
        return t ? track_fail(t, NF_EINVAL, "limit must be 1 to 1000, before a cursor") : NF_EINVAL;
    t->err[0] = '\0';
    return json_out(t, store_events_page(t->st, limit, before), json, len);
}

int nf_track_event(nf_track *t, const char *id, char **json, size_t *len)
{
    if (!json)
        return NF_EINVAL;
    *json = NULL;
    if (!t || !id)
        return NF_EINVAL;
    t->err[0] = '\0';
    int status = NF_OK;
    json_t *v = store_event_detail(t->st, id, &status);
    if (!v)
        return status == NF_EEMPTY ? track_fail(t, status, "no event %s", id) : status;
    return json_out(t, v, json, len);
}

static int assignment_line(const track_article *a, const char *event, void *arg)
{
    json_t *o = json_pack("{s:s,s:s}", "id", a->id, "event", event);
    char *line = o ? json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
    json_decref(o);
    if (!line)
        return NF_ENOMEM;
    buf_puts(arg, line);
    buf_putc(arg, '\n');
    xfree(line);
    return ((buf *)arg)->failed ? NF_ENOMEM : NF_OK;
}

int nf_track_assignments(nf_track *t, char **out, size_t *len)
{
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    if (!t)
        return NF_EINVAL;
    buf b = {0};
    buf_puts(&b, "");
    int rc = store_each_article(t->st, NULL, assignment_line, &b);
    if (rc != NF_OK) {
        buf_free(&b);
        return rc == NF_ENOMEM ? track_fail(t, rc, "out of memory") : store_fail(t, rc);
    }
    size_t n = 0;
    *out = buf_take(&b, &n);
    if (len)
        *len = n;
    return *out ? NF_OK : track_fail(t, NF_ENOMEM, "out of memory");
}

int nf_track_counts(nf_track *t, long long *articles, long long *events)
{
    if (!t || !articles || !events)
        return NF_EINVAL;
    int rc = store_counts(t->st, articles, events);
    return rc == NF_OK ? NF_OK : store_fail(t, rc);
}
