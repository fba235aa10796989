/* A web page's extraction (nf_page) as text or as one JSON object, the
 * output of newsfuse extract. */
#include "core/alloc.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "newsfuse.h"
#include <jansson.h>
#include <string.h>

/* A JSON string of s, or null for NULL; bytes that are not valid UTF-8
 * (a file name may hold any) become U+FFFD. */
static json_t *json_str_or_null(const char *s)
{
    if (!s)
        return json_null();
    utf8_repair r;
    if (utf8_repair_text(s, strlen(s), &r))
        return NULL;
    json_t *v = json_stringn(r.text, r.len);
    utf8_repair_free(&r);
    return v;
}

/* The page as a JSON object (NULL when out of memory). */
static json_t *page_json(const nf_page *p, const char *source)
{
    size_t len;
    const char *text = nf_page_text(p, &len);
    json_t *o = json_object(), *warn = json_array();
    if (!o || !warn) {
        json_decref(o), json_decref(warn);
        return NULL;
    }
    const char *keys[] = {"title", "date", "updated", "author", "site", "language", "url", "charset"};
    const char *vals[] = {nf_page_title(p), nf_page_date(p), nf_page_updated(p), nf_page_author(p),
                          nf_page_site(p), nf_page_language(p), nf_page_url(p), nf_page_charset(p)};
    int bad = json_object_set_new(o, "source", json_str_or_null(source));
    bad |= json_object_set_new(o, "text", json_stringn(text, len));
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        bad |= json_object_set_new(o, keys[k], json_str_or_null(vals[k]));
    for (size_t k = 0; k < nf_page_warning_count(p); k++)
        bad |= json_array_append_new(warn, json_string(nf_page_warning(p, k)));
    bad |= json_object_set_new(o, "warnings", warn);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

int nf_page_render(const nf_page *p, const char *source, const char *format, char **out, size_t *len)
{
    if (!p || !format || !out)
        return NF_EINVAL;
    *out = NULL;
    unsigned long failures = alloc_failures();
    size_t n = 0;
    if (!strcmp(format, "text")) {
        buf b = {0};
        size_t tl;
        const char *t = nf_page_text(p, &tl);
        buf_append(&b, t, tl);
        buf_putc(&b, '\n');
        *out = buf_take(&b, &n);
    } else if (!strcmp(format, "json") || !strcmp(format, "jsonl")) {
        json_t *o = page_json(p, source);
        *out = o ? json_dumps(o, JSON_PRESERVE_ORDER | (format[4] ? JSON_COMPACT : JSON_INDENT(2))) : NULL;
        json_decref(o);
        n = *out ? strlen(*out) : 0;
    } else
        return NF_EINVAL;
    if (!*out || alloc_failures() != failures) {
        nf_free(*out);
        *out = NULL;
        return NF_ENOMEM;
    }
    if (len)
        *len = n;
    return NF_OK;
}
