/* JSON-LD (schema.org) in a page: the article's headline, dates, author,
 * publisher, language, URL and body, from the object whose @type is an
 * article (NewsArticle, BlogPosting...), searched through arrays and
 * @graph. */
#include "core/alloc.h"
#include "core/buf.h"
#include "ingest/html.h"
#include <jansson.h>
#include <string.h>

/* Returns 1 if an @type names an article (or a report, a posting). */
static int type_is_article(const char *t)
{
    static const char *const kinds[] = {"Article", "NewsArticle", "BlogPosting", "ReportageNews",
                                        "AnalysisNewsArticle", "OpinionNewsArticle",
                                        "BackgroundNewsArticle", "ReviewNewsArticle",
                                        "LiveBlogPosting", "SocialMediaPosting", "TechArticle",
                                        "ScholarlyArticle", "Report", "Review", "Posting"};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        if (!strcmp(t, kinds[k]))
            return 1;
    return 0;
}

/* How much o looks like the page's article: 2 an article type, 1 a thing
 * with a publication date, 0 anything else. */
static int object_rank(json_t *o)
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_string(t) && type_is_article(json_string_value(t)))
        return 2;
    for (size_t k = 0; json_is_array(t) && k < json_array_size(t); k++)
        if (json_is_string(json_array_get(t, k)) && type_is_article(json_string_value(json_array_get(t, k))))
            return 2;
    return json_is_string(json_object_get(o, "datePublished")) ? 1 : 0;
}

/* Finds the best-ranked object in v (depth-limited). */
static void find_best(json_t *v, int depth, json_t **best, int *rank)
{
    if (depth > 8)
        return;
    if (json_is_array(v)) {
        for (size_t k = 0; k < json_array_size(v); k++)
            find_best(json_array_get(v, k), depth + 1, best, rank);
        return;
    }
    if (!json_is_object(v))
        return;
    int r = object_rank(v);
    if (r > *rank)
        *best = v, *rank = r;
    json_t *graph = json_object_get(v, "@graph");
    if (graph)
        find_best(graph, depth + 1, best, rank);
}

/* A name from a string, an object's "name", or an array of either
 * (joined by ", "). */
static void name_of(json_t *v, buf *b, int depth)
{
    if (depth > 3)
        return;
    if (json_is_string(v)) {
        if (b->len)
            buf_puts(b, ", ");
        buf_append(b, json_string_value(v), json_string_length(v));
    } else if (json_is_object(v))
        name_of(json_object_get(v, "name"), b, depth + 1);
    else if (json_is_array(v))
        for (size_t k = 0; k < json_array_size(v) && k < 8; k++)
            name_of(json_array_get(v, k), b, depth + 1);
}

/* Sets *dst (unless set) to the squeezed name of v. */
static void take_name(char **dst, json_t *v)
{
    if (*dst || !v)
        return;
    buf b = {0};
    name_of(v, &b, 0);
    if (!b.len) {
        buf_free(&b);
        return;
    }
    *dst = html_squeeze(b.data, b.len);
    buf_free(&b);
    if (*dst && !**dst)
        xfree(*dst), *dst = NULL;
}

/* Sets *dst (unless set) to the string v, or to v's "@id" or "url". */
static void take_url(char **dst, json_t *v)
{
    if (*dst)
        return;
    if (json_is_object(v))
        v = json_object_get(v, "@id") ? json_object_get(v, "@id") : json_object_get(v, "url");
    if (json_is_string(v) && json_string_length(v))
        *dst = xstrdup(json_string_value(v));
}

static void ld_take(html_ld *ld, json_t *o)
{
    take_name(&ld->headline, json_object_get(o, "headline"));
    take_name(&ld->published, json_object_get(o, "datePublished"));
    take_name(&ld->modified, json_object_get(o, "dateModified"));
    take_name(&ld->author, json_object_get(o, "author"));
    take_name(&ld->publisher, json_object_get(o, "publisher"));
    take_name(&ld->language, json_object_get(o, "inLanguage"));
    take_url(&ld->url, json_object_get(o, "url"));
    take_url(&ld->url, json_object_get(o, "mainEntityOfPage"));
    json_t *body = json_object_get(o, "articleBody");
    if (!ld->body && json_is_string(body))
        ld->body = xstrndup(json_string_value(body), json_string_length(body));
}

/* Parses one JSON-LD block s[0..n) (control bytes, which pages leave
 * unescaped inside strings, read as spaces) into ld. */
static void ld_block(html_ld *ld, const char *s, size_t n)
{
    char *copy = xstrndup(s, n);
    if (!copy)
        return;
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)copy[k] < 0x20)
            copy[k] = ' ';
    json_t *root = json_loadb(copy, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    xfree(copy);
    json_t *best = NULL;
    int rank = 0;
    find_best(root, 0, &best, &rank);
    if (best)
        ld_take(ld, best);
    json_decref(root);
}

int html_ld_read(const hdom *dom, html_ld *ld)
{
    memset(ld, 0, sizeof *ld);
    for (uint32_t i = 1; i < dom->n; i++) {
        if (dom->nodes[i].tag != HT_SCRIPT || (dom->nodes[i].flags & HF_DROPPED))
            continue;
        for (uint32_t k = dom->nodes[i].first; k; k = dom->nodes[k].next)
            if (dom->nodes[k].tag == HT_TEXT)
                ld_block(ld, dom->pool + dom->nodes[k].off, dom->nodes[k].len);
    }
    return NF_OK;
}

void html_ld_free(html_ld *ld)
{
    xfree(ld->headline), xfree(ld->published), xfree(ld->modified), xfree(ld->author);
    xfree(ld->publisher), xfree(ld->language), xfree(ld->url), xfree(ld->body);
    memset(ld, 0, sizeof *ld);
}
