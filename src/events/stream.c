/* The state of the stream: active events (centroids per channel, dates,
 * size, the keys of their articles), how an article joins or opens one,
 * and retirement. An article is compared with the few events that share
 * one of its terms (the term index), never with every event. */
#include "core/alloc.h"
#include "events/events.h"
#include <stdlib.h>
#include <string.h>

/* Terms kept per event centroid and channel: enough for the words a
 * developing story accumulates, bounded so that an event's cost and
 * memory do not grow with its size. */
static const uint32_t centroid_terms[CH_COUNT] = {300, 40, 64};
/* Candidates scored in full per article (the events sharing the most
 * weight with it). */
#define MAX_CANDIDATES 16
/* How often (in articles) undated events are looked at for retirement
 * when the stream's date does not move. */
#define RETIRE_EVERY 256
/* The latest articles of an event compared one by one (F_NEAR). */
#define RECENT 4
/* The lengths of an event's vectors are kept, and weighed again when it
 * changes or the stream has grown by this share since (idf moves slowly). */
#define NORM_DRIFT 64

typedef struct event {
    uint64_t serial; /* 0: a free slot */
    tvec c[CH_COUNT];
    tvec recent[RECENT]; /* body vectors of its latest articles, a ring */
    uint32_t nrecent, next;
    double norm[CH_COUNT], recent_norm[RECENT];
    uint64_t norm_at; /* the stream's size when they were weighed; 0: to weigh */
    long first, last;   /* the days of its dated articles, or EVENTS_UNDATED */
    uint64_t last_seq;  /* the number of its latest article in the stream */
    uint32_t size;
    uint64_t *keys;     /* its articles' keys in the key map */
    size_t nkeys, keycap;
} event;

struct events {
    events_config cfg;
    terms tm;
    term_index ix;
    key_map keys;
    event *ev;
    size_t nev, evcap, active;
    uint32_t *free_slots;
    size_t nfree, freecap;
    uint64_t opened, seq;
    long stream_day, checked_day;
    uint64_t checked_seq;
    tvec a[CH_COUNT]; /* the article being added */
    double anorm[CH_COUNT];
    float *dense[CH_COUNT]; /* its vectors scattered (tvec_scatter) */
    size_t densecap[CH_COUNT];
    tvec old;         /* an event's centroid before an update */
    double *acc;      /* per slot: weight shared with the article */
    size_t acccap;
    uint32_t *touched; /* the slots with a weight in acc */
    size_t ntouched, touchcap;
    struct cand {
        double acc;
        uint64_t serial;
        uint32_t slot;
    } *cand;
    size_t ncand, candcap;
    uint64_t *retired;
    size_t nretired, retcap;
};

int events_config_default(events_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->window_days = 365;
    cfg->window_articles = 5000;
    cfg->language = "english";
    return events_model_default(&cfg->model);
}

events *events_new(const events_config *cfg)
{
    events *e = xcalloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->cfg = *cfg;
    e->tm.language = cfg->language;
    e->stream_day = e->checked_day = EVENTS_UNDATED;
    return e;
}

/* ---- keys of articles: an id, a text ---- */

static uint64_t article_key(char kind, const char *s, size_t n)
{
    uint64_t h = hash_bytes64(s, n) ^ (uint64_t)(unsigned char)kind * 0x9e3779b97f4a7c15ULL;
    return h ? h : 1;
}

static int event_add_key(events *e, uint32_t slot, uint64_t key)
{
    event *ev = &e->ev[slot];
    if (keymap_get(&e->keys, key) >= 0)
        return 0; /* a duplicate's key stays its first copy's */
    if (GROW(ev->keys, ev->keycap, ev->nkeys + 1) || keymap_put(&e->keys, key, slot))
        return -1;
    ev->keys[ev->nkeys++] = key;
    return 0;
}

static int add_keys(events *e, uint32_t slot, const events_article *a)
{
    if (a->id && event_add_key(e, slot, article_key('i', a->id, strlen(a->id))))
        return -1;
    return event_add_key(e, slot, article_key('t', a->text, a->len));
}

/* The slot of the event a holds a copy of (*kind DUP_ID or DUP_TEXT), or -1. */
static long duplicate_of(const events *e, const events_article *a, int *kind)
{
    long slot = a->id ? keymap_get(&e->keys, article_key('i', a->id, strlen(a->id))) : -1;
    *kind = DUP_ID;
    if (slot < 0)
        slot = keymap_get(&e->keys, article_key('t', a->text, a->len)), *kind = DUP_TEXT;
    return slot;
}

/* ---- the index of centroid terms (body and names: title words are
 * body words too) ---- */

static int index_vector(events *e, const tvec *v, uint32_t slot)
{
    for (uint32_t i = 0; i < v->n; i++)
        if (index_add(&e->ix, v->t[i].id, slot))
            return -1;
    return 0;
}

/* Updates the index from old to now, both sorted by id. */
static int index_update(events *e, const tvec *old, const tvec *now, uint32_t slot)
{
    uint32_t i = 0, j = 0;
    while (i < old->n || j < now->n) {
        if (j == now->n || (i < old->n && old->t[i].id < now->t[j].id))
            index_remove(&e->ix, old->t[i++].id, slot);
        else if (i == old->n || now->t[j].id < old->t[i].id) {
            if (index_add(&e->ix, now->t[j++].id, slot))
                return -1;
        } else
            i++, j++;
    }
    return 0;
}

/* ---- events: open, grow, retire ---- */

static void retire(events *e, uint32_t slot)
{
    event *ev = &e->ev[slot];
    for (int c = 0; c < CH_COUNT; c++) {
        if (c != CH_TITLE)
            for (uint32_t i = 0; i < ev->c[c].n; i++)
                index_remove(&e->ix, ev->c[c].t[i].id, slot);
        tvec_free(&ev->c[c]);
    }
    for (int k = 0; k < RECENT; k++)
        tvec_free(&ev->recent[k]);
    for (size_t k = 0; k < ev->nkeys; k++)
        keymap_remove(&e->keys, ev->keys[k]);
    xfree(ev->keys);
    uint64_t serial = ev->serial;
    memset(ev, 0, sizeof *ev);
    e->active--;
    /* both arrays hold at most the slots there are: reserved when a slot is made */
    e->free_slots[e->nfree++] = slot;
    e->retired[e->nretired++] = serial;
}

static int stale(const events *e, const event *ev)
{
    if (ev->last != EVENTS_UNDATED)
        return e->cfg.window_days > 0 && e->stream_day != EVENTS_UNDATED &&
               e->stream_day - ev->last > e->cfg.window_days;
    return e->cfg.window_articles > 0 && e->seq - ev->last_seq > (uint64_t)e->cfg.window_articles;
}

/* Retires the events the stream has left behind, in slot order: looked
 * at when the stream's date moves, and every RETIRE_EVERY articles. */
static void retire_stale(events *e)
{
    if (e->stream_day == e->checked_day && e->seq - e->checked_seq < RETIRE_EVERY)
        return;
    e->checked_day = e->stream_day, e->checked_seq = e->seq;
    for (size_t s = 0; s < e->nev; s++)
        if (e->ev[s].serial && stale(e, &e->ev[s]))
            retire(e, (uint32_t)s);
}

/* A slot for a new event (reusing a retired one's). -1: no memory. */
static long new_slot(events *e)
{
    if (e->nfree)
        return e->free_slots[--e->nfree];
    if (GROW(e->ev, e->evcap, e->nev + 1) || GROW(e->free_slots, e->freecap, e->nev + 1) ||
        GROW(e->retired, e->retcap, e->nev + 1))
        return -1;
    memset(&e->ev[e->nev], 0, sizeof *e->ev);
    return (long)e->nev++;
}

static int copy_ids(tvec *dst, const tvec *src);

/* Keeps the article's body vector among the event's latest. */
static int note_recent(events *e, event *ev)
{
    if (copy_ids(&ev->recent[ev->next], &e->a[CH_BODY]))
        return -1;
    ev->next = (ev->next + 1) % RECENT;
    if (ev->nrecent < RECENT)
        ev->nrecent++;
    return 0;
}

/* Weighs the lengths of the event's vectors again when they are stale. */
static void refresh_norms(const events *e, event *ev)
{
    uint64_t n = e->tm.ndocs;
    if (ev->norm_at && n - ev->norm_at <= n / NORM_DRIFT)
        return;
    for (int c = 0; c < CH_COUNT; c++)
        ev->norm[c] = tvec_norm(&e->tm, &ev->c[c]);
    for (uint32_t k = 0; k < ev->nrecent; k++)
        ev->recent_norm[k] = tvec_norm(&e->tm, &ev->recent[k]);
    ev->norm_at = n ? n : 1;
}

static void note_article(event *ev, long day, uint64_t seq)
{
    if (day != EVENTS_UNDATED) {
        if (ev->first == EVENTS_UNDATED || day < ev->first)
            ev->first = day;
        if (ev->last == EVENTS_UNDATED || day > ev->last)
            ev->last = day;
    }
    ev->last_seq = seq;
    ev->size++;
    ev->norm_at = 0;
}

static long open_event(events *e, long day)
{
    long slot = new_slot(e);
    if (slot < 0)
        return -1;
    event *ev = &e->ev[slot];
    ev->serial = ++e->opened;
    ev->first = ev->last = EVENTS_UNDATED;
    e->active++;
    for (int c = 0; c < CH_COUNT; c++)
        if (tvec_add_top(&e->tm, &ev->c[c], &e->a[c], centroid_terms[c]) ||
            (c != CH_TITLE && index_vector(e, &ev->c[c], (uint32_t)slot)))
            return -1;
    if (note_recent(e, ev))
        return -1;
    note_article(ev, day, e->seq);
    return slot;
}

static int copy_ids(tvec *dst, const tvec *src)
{
    if (src->n > dst->cap) {
        tw *t = xrealloc(dst->t, src->n * sizeof *t);
        if (!t)
            return -1;
        dst->t = t, dst->cap = src->n;
    }
    if (src->n)
        memcpy(dst->t, src->t, src->n * sizeof *dst->t);
    dst->n = src->n;
    return 0;
}

static int join_event(events *e, uint32_t slot, long day)
{
    event *ev = &e->ev[slot];
    for (int c = 0; c < CH_COUNT; c++) {
        if (c != CH_TITLE && copy_ids(&e->old, &ev->c[c]))
            return -1;
        if (tvec_add_top(&e->tm, &ev->c[c], &e->a[c], centroid_terms[c]) ||
            (c != CH_TITLE && index_update(e, &e->old, &ev->c[c], slot)))
            return -1;
    }
    if (note_recent(e, ev))
        return -1;
    note_article(ev, day, e->seq);
    return 0;
}

/* ---- candidates ---- */

/* By shared weight, then by the event's number: deterministic. */
static int cand_order(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->acc != y->acc)
        return x->acc > y->acc ? -1 : 1;
    return x->serial < y->serial ? -1 : x->serial > y->serial;
}

/* The active events sharing weight with the article, best first, at
 * most MAX_CANDIDATES of them (e->cand, e->ncand). */
static int find_candidates(events *e)
{
    if (e->nev > e->acccap) {
        double *acc = xrealloc(e->acc, e->nev * sizeof *acc);
        if (!acc)
            return -1;
        memset(acc + e->acccap, 0, (e->nev - e->acccap) * sizeof *acc);
        e->acc = acc, e->acccap = e->nev;
    }
    e->ncand = 0;
    for (int c = 0; c < CH_COUNT; c++) {
        if (c == CH_TITLE)
            continue;
        for (uint32_t i = 0; i < e->a[c].n; i++) {
            uint32_t id = e->a[c].t[i].id;
            if (id >= e->ix.np)
                continue;
            double w = e->a[c].t[i].w * terms_idf(&e->tm, id);
            const postings *p = &e->ix.p[id];
            for (uint32_t k = 0; k < p->n; k++) {
                uint32_t s = p->ev[k];
                if (e->acc[s] == 0) {
                    if (GROW(e->touched, e->touchcap, e->ntouched + 1))
                        return -1;
                    e->touched[e->ntouched++] = s;
                }
                e->acc[s] += w > 0 ? w : 1e-9;
            }
        }
    }
    if (GROW(e->cand, e->candcap, e->ntouched + 1))
        return -1;
    for (size_t i = 0; i < e->ntouched; i++) {
        uint32_t s = e->touched[i];
        e->cand[i] = (struct cand){e->acc[s], e->ev[s].serial, s};
        e->acc[s] = 0;
    }
    e->ncand = e->ntouched, e->ntouched = 0;
    qsort(e->cand, e->ncand, sizeof *e->cand, cand_order);
    if (e->ncand > MAX_CANDIDATES)
        e->ncand = MAX_CANDIDATES;
    return 0;
}

/* The best candidate's slot and score (-1 when there is none). */
static long best_candidate(events *e, long day, events_probe_fn probe, void *arg, double *best)
{
    long pick = -1;
    for (size_t i = 0; i < e->ncand; i++) {
        event *ev = &e->ev[e->cand[i].slot];
        double f[F_COUNT];
        refresh_norms(e, ev);
        event_view view = {ev->c, ev->norm, ev->recent, ev->recent_norm, ev->nrecent,
                           ev->first, ev->last, ev->size};
        events_features(e->dense, e->anorm, day, &view, f);
        if (probe)
            probe(arg, ev->serial, f);
        double s = events_score(&e->cfg.model, f);
        if (pick < 0 || s > *best || (s == *best && ev->serial < e->ev[pick].serial))
            pick = e->cand[i].slot, *best = s;
    }
    return pick;
}

static long slot_of_serial(const events *e, uint64_t serial)
{
    for (size_t s = 0; serial && s < e->nev; s++)
        if (e->ev[s].serial == serial)
            return (long)s;
    return -1;
}

static int add(events *e, const events_article *a, int forced, uint64_t serial,
               events_probe_fn probe, void *arg, events_result *res)
{
    memset(res, 0, sizeof *res);
    e->nretired = 0; /* events_retired lists one add's */
    if (a->day != EVENTS_UNDATED && (e->stream_day == EVENTS_UNDATED || a->day > e->stream_day))
        e->stream_day = a->day;
    e->seq++;
    retire_stale(e);
    long slot = forced ? -1 : duplicate_of(e, a, &res->duplicate);
    if (slot >= 0) { /* a copy adds nothing to the centroid: it only counts */
        note_article(&e->ev[slot], a->day, e->seq);
        res->serial = e->ev[slot].serial;
        return 0;
    }
    res->duplicate = 0;
    double best = 0;
    if (terms_article(&e->tm, a, e->a) || find_candidates(e))
        return -1;
    for (int c = 0; c < CH_COUNT; c++) {
        e->anorm[c] = tvec_norm(&e->tm, &e->a[c]);
        if (tvec_scatter(&e->tm, &e->a[c], &e->dense[c], &e->densecap[c]))
            return -1;
    }
    long pick = best_candidate(e, a->day, probe, arg, &best);
    for (int c = 0; c < CH_COUNT; c++)
        tvec_unscatter(&e->a[c], e->dense[c]);
    if (forced)
        pick = slot_of_serial(e, serial);
    else if (pick >= 0 && best < e->cfg.model.threshold)
        pick = -1;
    if (pick >= 0 ? join_event(e, (uint32_t)pick, a->day) : (pick = open_event(e, a->day)) < 0)
        return -1;
    res->serial = e->ev[pick].serial;
    res->opened = e->ev[pick].size == 1;
    if (terms_count(&e->tm) || add_keys(e, (uint32_t)pick, a))
        return -1;
    return 0;
}

int events_add(events *e, const events_article *a, events_result *res)
{
    return add(e, a, 0, 0, NULL, NULL, res);
}

int events_add_forced(events *e, const events_article *a, uint64_t serial, events_probe_fn probe,
                      void *arg, events_result *res)
{
    return add(e, a, 1, serial, probe, arg, res);
}

void events_finish(events *e)
{
    e->nretired = 0;
    for (size_t s = 0; s < e->nev; s++)
        if (e->ev[s].serial)
            retire(e, (uint32_t)s);
}

const uint64_t *events_retired(events *e, size_t *n)
{
    *n = e->nretired;
    e->nretired = 0;
    return e->retired;
}

size_t events_active(const events *e)
{
    return e->active;
}

void events_free(events *e)
{
    if (!e)
        return;
    for (size_t s = 0; s < e->nev; s++) {
        for (int c = 0; c < CH_COUNT; c++)
            tvec_free(&e->ev[s].c[c]);
        for (int k = 0; k < RECENT; k++)
            tvec_free(&e->ev[s].recent[k]);
        xfree(e->ev[s].keys);
    }
    for (int c = 0; c < CH_COUNT; c++)
        tvec_free(&e->a[c]), xfree(e->dense[c]);
    tvec_free(&e->old);
    xfree(e->ev), xfree(e->free_slots), xfree(e->retired), xfree(e->acc), xfree(e->cand);
    xfree(e->touched);
    terms_free(&e->tm);
    index_free(&e->ix);
    keymap_free(&e->keys);
    xfree(e);
}
