/* One report from a file's bytes (text, html) or from a container's record
 * (reader.h): what is skipped and why, the charset of a text file, the
 * page's article and metadata, the map back to the bytes as read. */
#include "core/alloc.h"
#include "core/utf8.h"
#include "ingest/charset.h"
#include "ingest/docset.h"
#include "ingest/html.h"
#include "ingest/reader.h"
#include <stdio.h>
#include <string.h>

/* How much of a report the binary check looks at. */
#define SNIFF_BYTES 65536

/* Names the kind of a file whose first bytes are a known binary format's
 * signature, or returns NULL. */
static const char *binary_signature(const char *s, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } sigs[] = {
        {"\x1f\x8b", 2, "gzip data"},       {"PK\x03\x04", 4, "a zip archive"},
        {"\x7f" "ELF", 4, "an executable"},   {"%PDF-", 5, "a PDF document"},
        {"\x89PNG", 4, "a PNG image"},        {"\xff\xd8\xff", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},           {"\xfd" "7zXZ", 5, "xz data"},
        {"\x28\xb5\x2f\xfd", 4, "zstd data"},
        {"\xff\xfe", 2, "UTF-16 text (convert it to UTF-8)"},
        {"\xfe\xff", 2, "UTF-16 text (convert it to UTF-8)"},
    };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        if (n >= sigs[i].len && !memcmp(s, sigs[i].magic, sigs[i].len))
            return sigs[i].what;
    return NULL;
}

/* Returns 1 and says why in why[0..cap) when text[0..len) is no text
 * report: empty, a known binary format, or a start (SNIFF_BYTES) of which
 * over a quarter are NUL, control or invalid UTF-8 bytes (random bytes
 * give over half; Latin-1 news a few percent). */
static int not_text(const char *text, size_t len, char *why, size_t cap)
{
    const char *sig = len ? binary_signature(text, len) : "empty file";
    if (sig) {
        snprintf(why, cap, "%s", sig);
        return 1;
    }
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, bad = 0;
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = 0, k; i < n; i += k) {
        k = utf8_valid_char(u + i, n - i);
        if (!k)
            bad++, k = 1;
        else if ((u[i] < 0x20 && !strchr("\t\n\r\f\v", u[i])) || u[i] == 0x7f)
            bad++;
    }
    if (bad * 4 <= n)
        return 0;
    snprintf(why, cap, "binary data (%zu%% of its first %zu bytes are NUL, control or invalid "
             "UTF-8 bytes)", bad * 100 / n, n);
    return 1;
}

static int ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Windows-1252 (and Latin-1) text has no valid multi-byte UTF-8 sequence
 * and no NUL, and its bytes over 0x7f are letters and quotes inside words
 * ("caf\xe9", "M\xfcller", "l\x92homme"): most runs of them touch an ASCII
 * letter. Stray bytes in UTF-8 text stand alone ("pier \xff\xfe
 * collapsed"), or sit beside valid sequences: such text is repaired as
 * UTF-8 (U+FFFD, counted in a warning), as before. */
int reader_looks_cp1252(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t runs = 0, touching = 0;
    for (size_t i = 0; i < len;) {
        if (!u[i])
            return 0;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t start = i;
        for (; i < len && u[i] >= 0x80; i++)
            if (utf8_valid_char(u + i, len - i))
                return 0;
        runs++;
        touching += (start > 0 && ascii_letter(u[start - 1])) || (i < len && ascii_letter(u[i]));
    }
    return runs > 0 && touching * 2 >= runs;
}

/* Adds text decoded from Windows-1252, with its map back to the bytes. */
static int add_cp1252(reader_doc *doc, const char *data, size_t len)
{
    charset_text ct;
    if (charset_decode_cp1252(data, len, &ct))
        return NF_ENOMEM;
    nf_page_span *runs = xmalloc((ct.nsegs ? ct.nsegs : 1) * sizeof *runs);
    size_t n = 0;
    for (size_t k = 0; runs && k + 1 < ct.nsegs; k++) {
        const charset_seg *a = &ct.segs[k], *b = &ct.segs[k + 1];
        if (b->u > a->u)
            runs[n++] = (nf_page_span){a->u, b->u - a->u, a->o, b->o - a->o, a->even};
    }
    int rc = runs ? docset_add_mapped(doc->event, 0, doc->id, NULL, NULL, NULL, ct.text, ct.len,
                                      runs, n)
                  : NF_ENOMEM;
    xfree(runs);
    charset_text_free(&ct);
    if (rc == NF_OK)
        reader_warn(doc->r, "%s: not UTF-8: read as Windows-1252 (Latin-1)", doc->name);
    return rc;
}

int reader_report_text(reader_doc *doc, const char *data, size_t len)
{
    char why[160];
    if (not_text(data, len, why, sizeof why)) {
        reader_warn(doc->r, "%s: %s, skipped", doc->name, why);
        reader_skipped(doc->r);
        return 0;
    }
    int rc = reader_looks_cp1252(data, len) ? add_cp1252(doc, data, len)
                                            : nf_docset_add(doc->event, doc->id, NULL, NULL, data, len);
    return rc == NF_OK ? 1 : NF_ENOMEM;
}

/* Reads one page (url: its address, or NULL) and adds its article as a
 * report; title, date and url fall back on the given ones (a container's
 * record) when the page does not say. */
static int add_page(reader_doc *doc, const char *html, size_t len, const char *url,
                    const char *title, const char *date, const char *http_charset)
{
    nf_page *p = NULL;
    int rc = html_page_extract(html, len, url, http_charset, &p);
    if (rc == NF_ENOMEM || rc == NF_EINVAL)
        return NF_ENOMEM;
    for (size_t k = 0; k < nf_page_warning_count(p); k++)
        reader_warn(doc->r, "%s: %s", doc->name, nf_page_warning(p, k));
    if (rc != NF_OK) {
        reader_warn(doc->r, "%s: %s, skipped", doc->name, nf_page_error(p));
        reader_skipped(doc->r);
        nf_page_free(p);
        return 0;
    }
    size_t tlen, n;
    const char *text = nf_page_text(p, &tlen);
    const nf_page_span *runs = nf_page_spans(p, &n);
    const char *t = nf_page_title(p), *d = nf_page_date(p), *u = nf_page_url(p);
    rc = docset_add_mapped(doc->event, 0, doc->id, t ? t : title, d ? d : date, u ? u : url, text,
                           tlen, runs, runs ? n : 0);
    nf_page_free(p);
    return rc == NF_OK ? 1 : NF_ENOMEM;
}

int reader_report_html(reader_doc *doc, const char *data, size_t len)
{
    return add_page(doc, data, len, NULL, NULL, NULL, NULL);
}

/* ---- Containers: a record becomes a report ---- */

/* "YYYY-MM-DD" from a container's date ("2024-05-01", "2024-05-01T10:00Z"),
 * into out[11]; NULL when it does not start so. */
static const char *record_day(const char *date, char out[11])
{
    if (!date || strlen(date) < 10)
        return NULL;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? date[i] != '-' : (date[i] < '0' || date[i] > '9'))
            return NULL;
    memcpy(out, date, 10);
    out[10] = '\0';
    return out;
}

/* How messages name a record of doc's container: "feed.xml: item 3",
 * "crawl.warc.gz: record 7 (byte 5120)", or a fetched URL by itself. */
static void record_name(const reader_doc *doc, long number, long long offset, char *out, size_t cap)
{
    const reader_format *f = doc->format;
    const char *unit = f ? f->unit : "record";
    if (!unit)
        snprintf(out, cap, "%s", doc->name);
    else if (f && f->unit_byte)
        snprintf(out, cap, "%s: %s %ld (byte %lld)", doc->name, unit, number, offset);
    else
        snprintf(out, cap, "%s: %s %ld", doc->name, unit, number);
    utf8_cut_invalid(out);
}

int reader_record_doc(reader_doc *doc, const ingest_record *rec)
{
    char idbuf[64], day[11], name[320];
    if (!rec->url)
        snprintf(idbuf, sizeof idbuf, "%.40s#%ld", doc->id ? doc->id : "record", rec->number);
    record_name(doc, rec->number, rec->offset, name, sizeof name);
    reader_doc one = {doc->r, name, rec->url ? rec->url : idbuf, doc->event, NULL};
    const char *date = record_day(rec->date, day);
    /* A feed's summary is often plain text though the feed says HTML. */
    if (rec->is_html && memchr(rec->body, '<', rec->body_len))
        return add_page(&one, rec->body, rec->body_len, rec->url, rec->title, date, rec->charset);
    char why[160];
    if (not_text(rec->body, rec->body_len, why, sizeof why)) {
        reader_warn(doc->r, "%s: %s, skipped", name, why);
        reader_skipped(doc->r);
        return 0;
    }
    int rc = docset_add_mapped(doc->event, 0, one.id, rec->title, date, rec->url, rec->body,
                               rec->body_len, NULL, 0);
    return rc == NF_OK ? 1 : NF_ENOMEM;
}

/* Warnings about one container's records (a page without article text,
 * a charset guessed) past this many are counted in one more. */
#define RECORD_WARNINGS_SHOWN 50

/* The state of one container's reading. */
typedef struct records_run {
    reader_doc *doc;
    long added, errors;
    long quota; /* record warnings still shown */
    int failed; /* out of memory */
} records_run;

static int on_record(const ingest_record *rec, void *arg)
{
    records_run *run = arg;
    reader_warn_quota(run->doc->r, run->quota);
    int rc = reader_record_doc(run->doc, rec);
    run->quota = reader_warn_left(run->doc->r);
    reader_warn_quota(run->doc->r, -1);
    if (rc < 0) {
        run->failed = 1;
        return 1; /* stop: out of memory */
    }
    run->added += rc;
    return 0;
}

static int on_record_error(long number, long long offset, const char *message, void *arg)
{
    records_run *run = arg;
    const reader_doc *doc = run->doc;
    const reader_format *f = doc->format;
    const char *unit = f ? f->unit : "record";
    size_t nl = strlen(doc->name);
    run->errors++;
    /* The container's own messages name the record ("record 3 (byte
     * 812): ...", "item 2, line 9: ...") or the URL; others get its number. */
    if (!strncmp(message, doc->name, nl) && !strncmp(message + nl, ": ", 2))
        message += nl + 2;
    if (!unit || number <= 0 || !strncmp(message, unit, strlen(unit)) || !strncmp(message, "after ", 6))
        reader_error(doc->r, NF_EDATA, doc->name, 0, number, offset, NULL, "%s", message);
    else
        reader_error(doc->r, NF_EDATA, doc->name, 0, number, offset, NULL, "%s %ld: %s", unit,
                     number, message);
    return 0;
}

long reader_read_records(reader_doc *doc, reader_records_fn records, const reader_source *src)
{
    records_run run = {doc, 0, 0, RECORD_WARNINGS_SHOWN, 0};
    int rc = records(src, on_record, on_record_error, &run);
    size_t hidden = reader_warn_hidden(doc->r);
    if (hidden)
        reader_warn(doc->r, "%s: %zu more warnings about its %ss not shown", doc->name, hidden,
                    doc->format && doc->format->unit ? doc->format->unit : "record");
    if (run.failed || rc == NF_ENOMEM)
        return NF_ENOMEM;
    /* A container that could not be read at all has said why through
     * on_record_error (not a WARC file, a failed fetch): said once. */
    return rc < 0 && !run.errors ? rc : run.added;
}
