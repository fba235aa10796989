/* nf_clusterer_*: the public face of src/events/ (include/newsfuse.h,
 * "Events"): settings checked, an article read from its document set,
 * event numbers named ("e1", "e2", ...), warnings and errors said, the
 * ids of retired events listed, and under keep 1 each active event's
 * articles gathered into a document set handed over when it retires. */
#include "core/alloc.h"
#include "emit/events_render.h"
#include "events/events.h"
#include "ingest/docset.h"
#include "text/tokens.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MSG_BYTES 512

/* An event retired, its id and (keep 1) its articles. */
typedef struct gone {
    char id[24];
    nf_docset *ds; /* NULL when not kept, or taken */
} gone;

struct nf_clusterer {
    events_config cfg;
    events *ev; /* made at the first add */
    char language[32];
    int keep;
    /* keep 1: the articles of each active event, by its number */
    key_map kept;
    nf_docset **sets;
    size_t nsets, setcap;
    uint32_t *free_sets;
    size_t nfree, freecap;
    /* retired since nf_clusterer_retired was last called */
    gone *gone;
    size_t ngone, gonecap;
    const char **gone_ids;
    size_t gone_idcap;
    int handed; /* the list was handed out: the next add starts a new one */
    /* the last add */
    char event[24];
    char *article; /* its id */
    int opened, added;
    char warning[MSG_BYTES], error[MSG_BYTES];
};

static int says(nf_clusterer *c, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int says(nf_clusterer *c, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->error, sizeof c->error, fmt, ap);
    va_end(ap);
    return code;
}

int nf_clusterer_new(nf_clusterer **out)
{
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    nf_clusterer *c = xcalloc(1, sizeof *c);
    if (!c)
        return NF_ENOMEM;
    if (events_config_default(&c->cfg)) { /* the model is compiled in: a broken build */
        xfree(c);
        return NF_EDATA;
    }
    snprintf(c->language, sizeof c->language, "%s", c->cfg.language);
    c->cfg.language = c->language;
    *out = c;
    return NF_OK;
}

/* Parses a non-negative count; -1 if value is not one. */
static long parse_count(const char *v)
{
    if (!*v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 9)
        return -1;
    return strtol(v, NULL, 10);
}

int nf_clusterer_set(nf_clusterer *c, const char *key, const char *value)
{
    if (!c || !key || !value)
        return NF_EINVAL;
    c->error[0] = 0;
    if (c->ev)
        return says(c, NF_EINVAL, "%.60s: set before the first article", key);
    if (!strcmp(key, "window_days") || !strcmp(key, "window_articles")) {
        long v = parse_count(value);
        if (v < 0)
            return says(c, NF_EINVAL, "%s takes a count (0: never), not '%.60s'", key, value);
        *(key[7] == 'd' ? &c->cfg.window_days : &c->cfg.window_articles) = v;
        return NF_OK;
    }
    if (!strcmp(key, "threshold")) {
        char *end;
        errno = 0;
        double x = strtod(value, &end);
        if (!*value || *end || errno || x != x)
            return says(c, NF_EINVAL, "threshold takes a number, not '%.60s'", value);
        c->cfg.model.threshold = x;
        return NF_OK;
    }
    if (!strcmp(key, "keep")) {
        if (strcmp(value, "0") && strcmp(value, "1"))
            return says(c, NF_EINVAL, "keep takes 0 or 1, not '%.60s'", value);
        c->keep = value[0] == '1';
        return NF_OK;
    }
    if (!strcmp(key, "language")) {
        if (strlen(value) >= sizeof c->language || !tokenizer_language_ok(value))
            return says(c, NF_EINVAL, "unknown language '%.60s'", value);
        snprintf(c->language, sizeof c->language, "%s", value);
        return NF_OK;
    }
    return says(c, NF_EINVAL, "unknown key '%.60s' (window_days, window_articles, threshold, keep, "
                "language)", key);
}

/* ---- kept articles (keep 1) ---- */

/* The set of event serial, made when new (NULL: no memory). */
static nf_docset *kept_set(nf_clusterer *c, uint64_t serial, const char *id)
{
    long k = keymap_get(&c->kept, serial);
    if (k >= 0)
        return c->sets[k];
    if (!c->nfree) { /* a new slot, free until used; free_sets can hold every slot */
        if (GROW(c->sets, c->setcap, c->nsets + 1) || GROW(c->free_sets, c->freecap, c->nsets + 1))
            return NULL;
        c->sets[c->nsets] = NULL;
        c->free_sets[c->nfree++] = (uint32_t)c->nsets++;
    }
    uint32_t slot = c->free_sets[--c->nfree];
    nf_docset *ds = nf_docset_new();
    if (!ds || nf_docset_set_id(ds, id) != NF_OK || keymap_put(&c->kept, serial, slot)) {
        nf_docset_free(ds);
        c->free_sets[c->nfree++] = slot;
        return NULL;
    }
    return c->sets[slot] = ds;
}

/* Takes the kept set of event serial out of the active ones (or NULL). */
static nf_docset *unkeep(nf_clusterer *c, uint64_t serial)
{
    long k = keymap_get(&c->kept, serial);
    if (k < 0)
        return NULL;
    keymap_remove(&c->kept, serial);
    nf_docset *ds = c->sets[k];
    c->sets[k] = NULL;
    c->free_sets[c->nfree++] = (uint32_t)k;
    return ds;
}

/* ---- retired events ---- */

static void forget_gone(nf_clusterer *c)
{
    for (size_t i = 0; i < c->ngone; i++)
        nf_docset_free(c->gone[i].ds);
    c->ngone = 0, c->handed = 0;
}

/* Moves what the events layer retired into the list. */
static int collect_retired(nf_clusterer *c)
{
    size_t n;
    const uint64_t *serials = events_retired(c->ev, &n);
    /* the list of ids handed out is grown here, where a failure can be said */
    if (n && (GROW(c->gone, c->gonecap, c->ngone + n) ||
              GROW(c->gone_ids, c->gone_idcap, c->ngone + n)))
        return -1;
    for (size_t i = 0; i < n; i++) {
        gone *g = &c->gone[c->ngone++];
        snprintf(g->id, sizeof g->id, "e%llu", (unsigned long long)serials[i]);
        g->ds = unkeep(c, serials[i]);
    }
    return 0;
}

/* ---- adding ---- */

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", s[i]))
            return 0;
    return 1;
}

static int start(nf_clusterer *c)
{
    if (!c->ev && !(c->ev = events_new(&c->cfg)))
        return -1;
    if (c->handed)
        forget_gone(c);
    return 0;
}

/* The article's warning, if any (a date that cannot be read, a copy). */
static void warn_article(nf_clusterer *c, const char *id, const char *date, int bad_date,
                         int duplicate)
{
    if (duplicate)
        snprintf(c->warning, sizeof c->warning, "article %.200s: the same %s as an earlier "
                 "article: joins its event %s", id, duplicate == DUP_ID ? "id" : "text", c->event);
    else if (bad_date)
        snprintf(c->warning, sizeof c->warning, "article %.200s: date '%.40s' cannot be read "
                 "(YYYY-MM-DD): read as undated", id, date);
}

int nf_clusterer_add(nf_clusterer *c, const nf_docset *ds, size_t i, const char **event, int *opened)
{
    if (event)
        *event = NULL;
    if (opened)
        *opened = 0;
    if (!c)
        return NF_EINVAL;
    c->warning[0] = c->error[0] = 0, c->added = 0;
    if (!ds || i >= nf_docset_count(ds))
        return says(c, NF_EINVAL, "no article %zu in the set", i);
    size_t len;
    const char *text = nf_docset_text(ds, i, &len), *id = nf_docset_doc_id(ds, i);
    if (blank(text, len))
        return says(c, NF_EDATA, "article %.200s: no text: not clustered", id);
    if (start(c))
        return says(c, NF_ENOMEM, "out of memory");
    const char *date = nf_docset_doc_date(ds, i);
    int bad_date;
    events_article a = {id, nf_docset_doc_title(ds, i), text, len, events_day(date, &bad_date)};
    events_result res;
    int rc = events_add(c->ev, &a, &res);
    if (collect_retired(c) || rc)
        return says(c, NF_ENOMEM, "out of memory");
    snprintf(c->event, sizeof c->event, "e%llu", (unsigned long long)res.serial);
    xfree(c->article);
    if (!(c->article = xstrdup(id)))
        return says(c, NF_ENOMEM, "out of memory");
    if (c->keep) {
        nf_docset *set = kept_set(c, res.serial, c->event);
        if (!set || nf_docset_copy_report(set, ds, i, NULL, NULL, NULL, 0) != NF_OK)
            return says(c, NF_ENOMEM, "out of memory");
    }
    warn_article(c, id, date, bad_date, res.duplicate);
    c->opened = res.opened, c->added = 1;
    if (event)
        *event = c->event;
    if (opened)
        *opened = res.opened;
    return NF_OK;
}

const char *nf_clusterer_warning(const nf_clusterer *c)
{
    return c && c->warning[0] ? c->warning : NULL;
}

const char *nf_clusterer_error(const nf_clusterer *c)
{
    return c ? c->error : "";
}

size_t nf_clusterer_retired(nf_clusterer *c, const char *const **ids)
{
    if (ids)
        *ids = NULL;
    if (!c)
        return 0;
    if (c->handed) /* asked twice: nothing new since */
        forget_gone(c);
    for (size_t k = 0; k < c->ngone; k++)
        c->gone_ids[k] = c->gone[k].id;
    if (ids)
        *ids = c->gone_ids;
    c->handed = 1;
    return c->ngone;
}

int nf_clusterer_finish(nf_clusterer *c)
{
    if (!c)
        return NF_EINVAL;
    if (start(c))
        return says(c, NF_ENOMEM, "out of memory");
    events_finish(c->ev);
    return collect_retired(c) ? says(c, NF_ENOMEM, "out of memory") : NF_OK;
}

nf_docset *nf_clusterer_take(nf_clusterer *c, const char *event)
{
    for (size_t k = 0; c && event && k < c->ngone; k++)
        if (!strcmp(c->gone[k].id, event)) {
            nf_docset *ds = c->gone[k].ds;
            c->gone[k].ds = NULL;
            return ds;
        }
    return NULL;
}

size_t nf_clusterer_active(const nf_clusterer *c)
{
    return c && c->ev ? events_active(c->ev) : 0;
}

int nf_clusterer_render_last(const nf_clusterer *c, char **out, size_t *len)
{
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    if (!c || !c->added)
        return NF_EINVAL;
    return events_render_assignment(c->article, c->event, c->opened, nf_clusterer_warning(c), out,
                                    len);
}

void nf_clusterer_free(nf_clusterer *c)
{
    if (!c)
        return;
    events_free(c->ev);
    forget_gone(c);
    xfree(c->gone), xfree(c->gone_ids);
    for (size_t k = 0; k < c->nsets; k++)
        nf_docset_free(c->sets[k]);
    xfree(c->sets), xfree(c->free_sets);
    keymap_free(&c->kept);
    xfree(c->article);
    xfree(c);
}
