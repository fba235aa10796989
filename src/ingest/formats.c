/* The input formats (reader.h): one table, each with its name, how it is
 * recognised, how it is read and what it yields. nf_reader_formats lists
 * the names; the CLI's --input, the server's "input" and "format" fields
 * and the Python binding take them. */
#define _GNU_SOURCE /* memmem, strcasecmp */
#include "ingest/reader.h"
#include "ingest/feed.h"
#include "ingest/html.h"
#include "ingest/warc.h"
#include <pthread.h>
#include <string.h>
#include <strings.h>

/* ---- Evidence ---- */

/* Returns 1 if name ends in one of the NULL-terminated suffixes (any case). */
static int name_ends(const char *name, const char *const *suffixes)
{
    size_t n = name ? strlen(name) : 0;
    for (; *suffixes; suffixes++) {
        size_t k = strlen(*suffixes);
        if (n > k && !strcasecmp(name + n - k, *suffixes))
            return 1;
    }
    return 0;
}

/* The first byte of the input after white space, or -1. */
static int first_byte(const reader_sniff *s)
{
    return s->skip < s->len ? (unsigned char)s->head[s->skip] : -1;
}

/* Returns 1 if the input opens with HTML markup: a doctype, a comment or
 * a tag a page starts with (or a body tag), in any case. */
static int opens_with_markup(const reader_sniff *s)
{
    static const char *const tags[] = {
        "!doctype html", "html", "head", "body", "meta", "title", "link", "script", "style",
        "!--", "div", "p", "article", "section", "main", "header", "nav", "h1", "h2", "h3",
        "table", "span", "a", "img", "br", "ul", "ol", "base", "noscript", "figure", NULL};
    const char *p = s->head + s->skip, *end = s->head + s->len;
    if (p >= end || *p != '<')
        return 0;
    p++;
    for (const char *const *t = tags; *t; t++) {
        size_t k = strlen(*t);
        if ((size_t)(end - p) > k && !strncasecmp(p, *t, k) &&
            (p[k] == '>' || p[k] == ' ' || p[k] == '\t' || p[k] == '\n' || p[k] == '\r' ||
             p[k] == '/' || (*t)[0] == '!'))
            return 1;
    }
    return 0;
}

/* Returns 1 if the input is JSON lines by its name or its first byte. */
static int looks_json(const reader_sniff *s)
{
    static const char *const ext[] = {".jsonl", ".json", ".ndjson", NULL};
    return first_byte(s) == '{' || name_ends(s->name, ext);
}

/* ---- Sniffers: 0 (not this format) to 100 ---- */

static int sniff_text(const reader_sniff *s)
{
    (void)s;
    return 10; /* anything is text, at worst */
}

static int sniff_html(const reader_sniff *s)
{
    static const char *const ext[] = {".html", ".htm", ".xhtml", ".shtml", NULL};
    if (name_ends(s->name, ext))
        return 90;
    return opens_with_markup(s) ? 70 : 0;
}

static int sniff_cluster(const reader_sniff *s)
{
    return looks_json(s) && s->article != 1 ? 80 : 0;
}

static int sniff_articles(const reader_sniff *s)
{
    return looks_json(s) && s->article == 1 ? 85 : 0;
}

static int sniff_multinews(const reader_sniff *s)
{
    return memmem(s->head, s->len, "|||||", 5) || memmem(s->head, s->len, "NEWLINE_CHAR", 12) ? 50
                                                                                                : 0;
}

/* A feed by its root element (feed_sniff), else by its name. */
static int sniff_feed(const reader_sniff *s, int kind, const char *const *ext)
{
    if (s->len && feed_sniff(s->head, s->len) == kind)
        return 95;
    return name_ends(s->name, ext) ? 60 : 0;
}

static int sniff_rss(const reader_sniff *s)
{
    static const char *const ext[] = {".rss", ".rdf", NULL};
    return sniff_feed(s, FEED_RSS, ext);
}

/* Atom: a <feed> root; in the Atom namespace (1.0, or 0.3's) it is sure,
 * without one it is still more likely Atom than text. */
static int sniff_atom(const reader_sniff *s)
{
    static const char *const ext[] = {".atom", NULL};
    int k = sniff_feed(s, FEED_ATOM, ext);
    if (k == 95 && !memmem(s->head, s->len, "http://www.w3.org/2005/Atom", 27) &&
        !memmem(s->head, s->len, "http://purl.org/atom/ns#", 24))
        k = 75;
    return k;
}

/* A WARC file, plain or gzip (warc_sniff inflates a gzip head), else by
 * its name. */
static int sniff_warc(const reader_sniff *s)
{
    static const char *const ext[] = {".warc", ".warc.gz", NULL};
    if (s->len && warc_sniff(s->head, s->len))
        return 100;
    return name_ends(s->name, ext) ? 60 : 0;
}

/* A URL given where a path goes. */
static int sniff_url(const reader_sniff *s)
{
    return s->name && (!strncasecmp(s->name, "http://", 7) || !strncasecmp(s->name, "https://", 8))
               ? 100
               : 0;
}

/* ---- The table ---- */

const reader_format reader_formats[FMT_COUNT] = {
    [FMT_AUTO] = {.name = "auto", .about = "any format (sniffed)", .shape = SHAPE_AUTO},
    [FMT_TEXT] = {.name = "text",
                  .about = "plain text",
                  .yields = "id (the file name); a file not in UTF-8 is read as Windows-1252",
                  .shape = SHAPE_REPORT,
                  .sniff = sniff_text,
                  .report = reader_report_text},
    [FMT_HTML] = {.name = "html",
                  .about = "a web page",
                  .yields = "id (the file name), title, date, url; the article text, mapped "
                            "back to the page's bytes",
                  .shape = SHAPE_REPORT,
                  .max_bytes = HTML_MAX_BYTES + 1,
                  .sniff = sniff_html,
                  .report = reader_report_html},
    [FMT_CLUSTER] = {.name = "cluster",
                     .alias = "jsonl",
                     .about = "cluster JSONL",
                     .yields = "an event per line: id, documents (id, title, date), references, "
                               "topic, update set",
                     .shape = SHAPE_EVENTS,
                     .sniff = sniff_cluster,
                     .line = nf_docset_add_json},
    [FMT_ARTICLES] = {.name = "articles",
                      .about = "article JSONL",
                      .yields = "a report per line (id, title, date); consecutive lines of one "
                                "event make an event, lines without one the same",
                      .shape = SHAPE_ARTICLES,
                      .sniff = sniff_articles},
    [FMT_MULTINEWS] = {.name = "multinews",
                       .about = "Multi-News lines",
                       .yields = "an event per line, reports separated by |||||",
                       .shape = SHAPE_EVENTS,
                       .sniff = sniff_multinews,
                       .line = nf_docset_add_multinews},
    [FMT_RSS] = {.name = "rss",
                 .about = "an RSS feed",
                 .yields = "a report per item (id: its link), title, date (pubDate, dc:date), "
                           "url; the body (content:encoded, else description) extracted as a page",
                 .shape = SHAPE_RECORDS,
                 .unit = "item",
                 .sniff = sniff_rss,
                 .records = reader_records_feed},
    [FMT_ATOM] = {.name = "atom",
                  .about = "an Atom feed",
                  .yields = "a report per entry (id: its link), title, date (published, else "
                            "updated), url; the content (else summary) extracted as a page",
                  .shape = SHAPE_RECORDS,
                  .unit = "item",
                  .sniff = sniff_atom,
                  .records = reader_records_feed},
    [FMT_WARC] = {.name = "warc",
                  .about = "a WARC file",
                  .yields = "a report per HTTP 200 HTML response (id: WARC-Target-URI), date "
                            "(the page's, else WARC-Date), url; other records skipped and counted",
                  .shape = SHAPE_RECORDS,
                  .unit = "record",
                  .unit_byte = 1,
                  .sniff = sniff_warc,
                  .records = reader_records_warc},
    [FMT_URL] = {.name = "url",
                 .about = "a URL (http or https)",
                 .yields = "the page fetched (libcurl): id (its address after redirects), "
                           "title, date, url; HTML extracted, plain text as is",
                 .shape = SHAPE_RECORDS,
                 .by_name = 1,
                 .sniff = sniff_url,
                 .records = reader_records_url},
};

const reader_format *reader_format_named(const char *name)
{
    for (int i = 0; name && i < FMT_COUNT; i++)
        if (!strcmp(name, reader_formats[i].name) ||
            (reader_formats[i].alias && !strcmp(name, reader_formats[i].alias)))
            return &reader_formats[i];
    return NULL;
}

const reader_format *reader_format_sniff(const reader_sniff *s, int reports_only)
{
    const reader_format *best = &reader_formats[FMT_TEXT];
    int score = 0;
    for (int i = 0; i < FMT_COUNT; i++) {
        const reader_format *f = &reader_formats[i];
        /* A format read by its name (a URL) is told before anything is
         * opened (reader.c), never here: a buffer named like a URL (a
         * server request's document id) is bytes, not an address to fetch. */
        if (!f->sniff || f->by_name ||
            (reports_only && f->shape != SHAPE_REPORT && f->shape != SHAPE_RECORDS))
            continue;
        int k = f->sniff(s);
        if (k > score)
            best = f, score = k;
    }
    return best;
}

/* The names of the table, in its order, NULL-terminated. */
static const char *format_names[FMT_COUNT + 1];
static pthread_once_t format_names_once = PTHREAD_ONCE_INIT;

static void format_names_init(void)
{
    for (int i = 0; i < FMT_COUNT; i++)
        format_names[i] = reader_formats[i].name;
}

const char *const *nf_reader_formats(void)
{
    pthread_once(&format_names_once, format_names_init);
    return format_names;
}
