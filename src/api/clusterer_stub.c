/* TEMPORARY stand-in for the events branch's clusterer (clusterer_stub.h):
 * an article joins the first event whose first title shares two long words
 * with its title; the same id joins its first copy's event. */
#include "api/clusterer_stub.h"
#include "core/alloc.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct stub_event { char *words; char id[24]; } stub_event;
typedef struct stub_seen { char *id; size_t event; } stub_seen;
struct nf_clusterer {
    stub_event *ev; size_t nev, cev;
    stub_seen *seen; size_t nseen, cseen;
    char warn[256], err[256];
};

int nf_clusterer_new(nf_clusterer **out) { *out = xcalloc(1, sizeof **out); return *out ? NF_OK : NF_ENOMEM; }
int nf_clusterer_set(nf_clusterer *c, const char *key, const char *value)
{
    (void)value;
    if (!strcmp(key, "window_days") || !strcmp(key, "threshold"))
        return NF_OK;
    snprintf(c->err, sizeof c->err, "unknown clusterer key '%s'", key);
    return NF_EINVAL;
}
static char *words_of(const char *t)
{
    size_t n = strlen(t);
    char *w = xmalloc(n + 3);
    size_t k = 0;
    w[k++] = ' ';
    for (size_t i = 0; i < n; i++)
        w[k++] = isalpha((unsigned char)t[i]) ? (char)tolower((unsigned char)t[i]) : ' ';
    w[k++] = ' ', w[k] = 0;
    return w;
}
static int shares(const char *a, const char *b)
{
    int n = 0;
    const char *p = a;
    while (*p) {
        while (*p == ' ') p++;
        const char *q = p;
        while (*q && *q != ' ') q++;
        if (q - p >= 5) {
            char word[64];
            snprintf(word, sizeof word, " %.*s ", (int)(q - p < 60 ? q - p : 60), p);
            if (strstr(b, word)) n++;
        }
        p = q;
    }
    return n;
}
int nf_clusterer_add(nf_clusterer *c, const nf_docset *ds, size_t i, const char **event, int *opened)
{
    size_t len;
    const char *text = nf_docset_text(ds, i, &len);
    c->warn[0] = 0;
    if (!text || !len) { snprintf(c->err, sizeof c->err, "no text"); return NF_EDATA; }
    const char *id = nf_docset_doc_id(ds, i);
    for (size_t k = 0; k < c->nseen; k++)
        if (!strcmp(c->seen[k].id, id)) {
            snprintf(c->warn, sizeof c->warn, "duplicate id %s", id);
            *event = c->ev[c->seen[k].event].id, *opened = 0;
            return NF_OK;
        }
    const char *title = nf_docset_doc_title(ds, i);
    char *w = words_of(title ? title : "");
    size_t e = c->nev;
    for (size_t k = 0; k < c->nev && e == c->nev; k++)
        if (shares(w, c->ev[k].words) >= 2) e = k;
    if (e == c->nev) {
        GROW(c->ev, c->cev, c->nev + 1);
        c->ev[e].words = w;
        snprintf(c->ev[e].id, sizeof c->ev[e].id, "e%zu", e + 1);
        c->nev++;
        *opened = 1;
    } else { xfree(w); *opened = 0; }
    GROW(c->seen, c->cseen, c->nseen + 1);
    c->seen[c->nseen].id = xstrdup(id);
    c->seen[c->nseen++].event = e;
    *event = c->ev[e].id;
    return NF_OK;
}
const char *nf_clusterer_warning(const nf_clusterer *c) { return c->warn; }
const char *nf_clusterer_error(const nf_clusterer *c) { return c->err; }
size_t nf_clusterer_retired(nf_clusterer *c, const char *const **ids) { (void)c; *ids = NULL; return 0; }
void nf_clusterer_free(nf_clusterer *c)
{
    if (!c) return;
    for (size_t k = 0; k < c->nev; k++) xfree(c->ev[k].words);
    for (size_t k = 0; k < c->nseen; k++) xfree(c->seen[k].id);
    xfree(c->ev); xfree(c->seen); xfree(c);
}
