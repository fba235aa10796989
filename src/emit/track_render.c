/* One event's update record (track_render.h): the update summary's
 * sentences, each with its article, the figure sheet's changes, the
 * sources and the timeline, on one line. */
#include "emit/track_render.h"
#include "core/alloc.h"
#include "select/summary.h"
#include <string.h>

/* The summary's sentences as {"text", "article", "date"}. */
static json_t *summary_sentences(const nf_summary *s)
{
    json_t *a = json_array();
    const nf_docset *ds = s ? s->ds : NULL;
    for (size_t i = 0; a && ds && i < s->n; i++) {
        const ssent *x = &s->sents[i];
        json_array_append_new(a, json_pack("{s:s%,s:s,s:s?}", "text", x->text, x->len, "article",
                                           nf_docset_doc_id(ds, x->doc), "date",
                                           nf_docset_doc_date(ds, x->doc)));
    }
    return a;
}

static json_t *summary_warnings(const nf_summary *s)
{
    json_t *a = json_array();
    for (size_t i = 0; a && s && i < s->nwarnings; i++)
        json_array_append_new(a, json_string(s->warnings[i]));
    return a;
}

int track_render_update(const track_update *u, char **out, size_t *len)
{
    json_t *o = json_pack("{s:s,s:s,s:s,s:I,s:s?,s:s?,s:s?,s:I,s:O,s:o,s:O,s:O,s:O,s:o}", "schema",
                          NF_SCHEMA, "kind", "event_update", "event", u->event, "update",
                          (json_int_t)u->update, "title", u->title, "first_date", u->first_date,
                          "last_date", u->last_date, "articles", (json_int_t)u->articles,
                          "new_articles", u->new_articles, "summary",
                          summary_sentences(u->summary), "changes", u->changes, "sources",
                          u->sources, "timeline", u->timeline, "warnings",
                          summary_warnings(u->summary));
    *out = o ? json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
    json_decref(o);
    if (!*out)
        return NF_ENOMEM;
    if (len)
        *len = strlen(*out);
    return NF_OK;
}
