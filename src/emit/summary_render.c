/* Rendering a summary as text for a terminal or as NF_SCHEMA JSON. */
#include "core/alloc.h"
#include "core/buf.h"
#include "emit/formats.h"
#include "emit/options_json.h"
#include "emit/docset_json.h"
#include "ingest/docset.h"
#include "facts/facts.h"
#include "select/summary.h"
#include <jansson.h>
#include <string.h>

/* Text: one sentence per line followed by its source mark [n] (and how many
 * other reports repeat it), then the list of sources used. */
static char *render_text(const nf_summary *s, const nf_docset *ds, size_t *len)
{
    buf b = {0};
    for (size_t i = 0; i < s->n; i++) {
        const ssent *x = &s->sents[i];
        for (size_t k = 0; k < x->len; k++)
            buf_putc(&b, x->text[k] == '\n' || x->text[k] == '\r' ? ' ' : x->text[k]);
        buf_printf(&b, " [%zu]", x->doc + 1);
        if (x->support)
            buf_printf(&b, " (+%u)", x->support);
        buf_putc(&b, '\n');
    }
    if (s->n)
        buf_puts(&b, "\nSources:\n");
    for (size_t d = 0; d < ds->ndocs; d++) {
        int used = 0;
        for (size_t i = 0; i < s->n; i++)
            used |= s->sents[i].doc == d;
        if (!used)
            continue;
        const document *dc = &ds->docs[d];
        buf_printf(&b, "  [%zu] %s", d + 1, dc->id);
        if (dc->title)
            buf_printf(&b, " \"%s\"", dc->title);
        if (dc->date)
            buf_printf(&b, " (%s)", dc->date);
        if (dc->url)
            buf_printf(&b, " <%s>", dc->url);
        buf_putc(&b, '\n');
    }
    return buf_take(&b, len);
}

/* The text summary, then the figure sheet's table when there is one. */
static int render_text_with_facts(const nf_summary *s, const nf_docset *ds, char **out,
                                  size_t *len)
{
    size_t n = 0, fn = 0;
    char *text = render_text(s, ds, &n), *sheet = NULL;
    if (text && s->facts && nf_facts_render(s->facts, "text", &sheet, &fn) != NF_OK) {
        xfree(text);
        return NF_ENOMEM;
    }
    buf b = {0};
    buf_append(&b, text ? text : "", n);
    if (sheet) {
        buf_puts(&b, "\nFigures:\n");
        buf_append(&b, sheet, fn);
    }
    xfree(text);
    nf_free(sheet);
    *out = text ? buf_take(&b, len) : (buf_free(&b), NULL);
    return *out ? NF_OK : NF_ENOMEM;
}

static json_t *json_doc_ref(const nf_docset *ds, size_t doc)
{
    return json_pack("{s:I, s:s}", "index", (json_int_t)doc, "id", ds->docs[doc].id);
}

/* The other reports' sentences that say the same, as source spans. */
static json_t *json_corroboration(const ssent *x, const nf_docset *ds)
{
    json_t *a = json_array();
    for (size_t k = 0; a && k < x->ncorr; k++) {
        const sspan *c = &x->corr[k];
        json_array_append_new(a, json_pack("{s:o, s:I, s:I, s:o*}", "doc", json_doc_ref(ds, c->doc),
                                           "start", (json_int_t)c->start, "end", (json_int_t)c->end,
                                           "source", docset_json_source(ds, c->doc, c->start, c->end)));
    }
    return a;
}

static json_t *json_sentence(const ssent *x, const nf_docset *ds)
{
    return json_pack("{s:s%, s:o, s:I, s:I, s:o*, s:f, s:I, s:o}", "text", x->text, x->len, "doc",
                     json_doc_ref(ds, x->doc), "start", (json_int_t)x->start, "end",
                     (json_int_t)x->end, "source", docset_json_source(ds, x->doc, x->start, x->end),
                     "score", x->score, "support", (json_int_t)x->support,
                     "corroboration", json_corroboration(x, ds));
}

static json_t *json_documents(const nf_docset *ds)
{
    json_t *a = json_array();
    for (size_t d = 0; a && d < ds->ndocs; d++) {
        const document *dc = &ds->docs[d];
        json_t *o = json_pack("{s:I, s:s, s:s?, s:s?, s:I}", "index", (json_int_t)d, "id", dc->id,
                              "title", dc->title, "date", dc->date, "bytes", (json_int_t)dc->len);
        if (o && dc->url) /* only where a report has one: other documents stay as they were */
            json_object_set_new(o, "url", json_string(dc->url));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *json_summary(const nf_summary *s, const nf_docset *ds)
{
    json_t *sents = json_array(), *warns = json_array();
    for (size_t i = 0; sents && i < s->n; i++)
        json_array_append_new(sents, json_sentence(&s->sents[i], ds));
    docset_json_warnings(ds, warns); /* the input's first, naming its files */
    for (size_t i = 0; warns && i < s->nwarnings; i++)
        json_array_append_new(warns, json_string(s->warnings[i]));
    json_t *stats = json_pack("{s:I, s:I, s:I, s:I, s:I}", "documents", (json_int_t)s->ndocs,
                              "seen_documents", (json_int_t)s->nseen,
                              "sentences", (json_int_t)s->nsents_in, "words", (json_int_t)s->words_in,
                              "summary_words", (json_int_t)s->words_out);
    json_t *facts = s->facts ? facts_json(s->facts) : NULL;
    if (s->facts && !facts) {
        json_decref(sents), json_decref(warns), json_decref(stats);
        return NULL;
    }
    return json_pack("{s:s, s:s?, s:s, s:s?, s:o, s:o, s:o*, s:o, s:o, s:o}", "schema", NF_SCHEMA, "id",
                     ds->id, "method", s->opts.method, "query", s->query, "options",
                     options_json(&s->opts), "summary", sents, "facts", facts,
                     "documents", json_documents(ds), "stats", stats, "warnings", warns);
}

static int render(const nf_summary *s, const nf_docset *ds, const char *format, char **out,
                  size_t *len);

/* Renders, and reports NF_ENOMEM when any allocation failed on the way,
 * even one a callee (jansson) absorbed by leaving something out. */
int nf_summary_render(const nf_summary *s, const char *format, char **out, size_t *len)
{
    if (!out)
        return NF_EINVAL;
    unsigned long failures0 = alloc_failures();
    int rc = render(s, s ? s->ds : NULL, format, out, len);
    if (rc == NF_OK && alloc_failures() != failures0) {
        xfree(*out);
        *out = NULL;
        rc = NF_ENOMEM;
    }
    return rc;
}

static int render(const nf_summary *s, const nf_docset *ds, const char *format, char **out,
                  size_t *len)
{
    *out = NULL;
    int f = format_index("summary", format);
    if (!s || !ds || f < 0)
        return NF_EINVAL;
    if (f == FORMAT_TEXT)
        return render_text_with_facts(s, ds, out, len);
    json_t *root = json_summary(s, ds);
    if (!root)
        return NF_ENOMEM;
    size_t flags = JSON_PRESERVE_ORDER | OPTIONS_JSON_REALS |
                   (f == FORMAT_JSON ? JSON_INDENT(2) : JSON_COMPACT);
    *out = json_dumps(root, flags);
    json_decref(root);
    if (!*out)
        return NF_ENOMEM;
    if (len)
        *len = strlen(*out);
    return NF_OK;
}
