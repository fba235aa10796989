/* Rendering events (newsfuse cluster): an event as text (its id, then its
 * articles' dates, ids and titles) or as a line of cluster JSONL, the
 * format summarize, facts and batch read (doc/SCHEMA.md); and the line
 * that says which event an article joined. */
#include "core/alloc.h"
#include "core/buf.h"
#include "emit/events_render.h"
#include "emit/formats.h"
#include "ingest/docset.h"
#include <jansson.h>
#include <string.h>

static int text_event(const nf_docset *ev, char **out, size_t *len)
{
    buf b = {0};
    buf_printf(&b, "%s (%zu article%s)\n", ev->id ? ev->id : "-", ev->ndocs, ev->ndocs == 1 ? "" : "s");
    for (size_t d = 0; d < ev->ndocs; d++) {
        const document *dc = &ev->docs[d];
        buf_printf(&b, "  %-10s  %s  %s\n", dc->date ? dc->date : "-", dc->id,
                   dc->title && *dc->title ? dc->title : "(no title)");
    }
    if (b.failed) {
        buf_free(&b);
        return NF_ENOMEM;
    }
    *out = buf_take(&b, len);
    return *out ? NF_OK : NF_ENOMEM;
}

/* One cluster JSONL line: {"id", "documents": [{"id", "title", "date",
 * "text", "url"}]}, titles and dates null when unknown, url only when
 * known (the reader takes it back, so track and summaries keep outlets). */
static json_t *cluster_event(const nf_docset *ev)
{
    json_t *docs = json_array();
    for (size_t d = 0; docs && d < ev->ndocs; d++) {
        const document *dc = &ev->docs[d];
        json_t *o = json_pack("{s:s, s:s?, s:s?, s:s%}", "id", dc->id, "title", dc->title, "date",
                              dc->date, "text", dc->text, dc->len);
        if (o && dc->url && json_object_set_new(o, "url", json_string(dc->url))) {
            json_decref(o);
            o = NULL;
        }
        if (!o || json_array_append_new(docs, o)) {
            json_decref(docs);
            return NULL;
        }
    }
    return json_pack("{s:s?, s:o}", "id", ev->id, "documents", docs);
}

/* Dumps root on one line with a final newline (root is taken). */
static int dump_line(json_t *root, char **out, size_t *len)
{
    if (!root)
        return NF_ENOMEM;
    char *s = json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(root);
    if (!s)
        return NF_ENOMEM;
    size_t n = strlen(s);
    char *line = xrealloc(s, n + 2);
    if (!line) {
        xfree(s);
        return NF_ENOMEM;
    }
    line[n] = '\n', line[n + 1] = 0;
    *out = line;
    if (len)
        *len = n + 1;
    return NF_OK;
}

/* Reports NF_ENOMEM when an allocation failed on the way, even one
 * jansson absorbed by leaving something out. */
static int checked(int rc, unsigned long failures0, char **out)
{
    if (rc == NF_OK && alloc_failures() != failures0) {
        xfree(*out);
        *out = NULL;
        rc = NF_ENOMEM;
    }
    return rc;
}

int nf_event_render(const nf_docset *ev, const char *format, char **out, size_t *len)
{
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    int f = format_index("event", format);
    if (!ev || f < 0)
        return NF_EINVAL;
    unsigned long failures0 = alloc_failures();
    size_t n = 0;
    int rc = f == FORMAT_EVENT_TEXT ? text_event(ev, out, &n) : dump_line(cluster_event(ev), out, &n);
    if (len)
        *len = n;
    return checked(rc, failures0, out);
}

int events_render_assignment(const char *id, const char *event, int opened, const char *warning,
                             char **out, size_t *len)
{
    unsigned long failures0 = alloc_failures();
    json_t *o = json_pack("{s:s?, s:s, s:b}", "id", id, "event", event, "opened", opened);
    if (o && warning)
        json_object_set_new(o, "warning", json_string(warning));
    return checked(dump_line(o, out, len), failures0, out);
}
