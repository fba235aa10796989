/* The reader (nf_reader_*, include/newsfuse.h "Reading reports"): every
 * input format in one table (formats.c), how each is recognised, read and
 * what it yields; the reader (reader.c) walks the inputs, sniffs, and
 * hands out events and per-record errors; reports.c turns a file's bytes,
 * or a container's record, into a report.
 *
 * Adding a format is one entry in reader_formats (formats.c) and the
 * function its shape calls:
 *   SHAPE_REPORT   a file is one report (text, html): report(doc, bytes)
 *   SHAPE_RECORDS  a container of articles (RSS, Atom, WARC, a fetched
 *                  URL): records(src, fn, bad, arg) calls fn with each
 *                  ingest_record (records.h) and bad with each record that
 *                  cannot be read; reader_record_doc turns a record into a
 *                  report, HTML extracted with nf_page
 *   SHAPE_EVENTS   one event per line (cluster JSONL, Multi-News):
 *                  line(ds, bytes) fills a document set
 *   SHAPE_ARTICLES one article per line, grouped into events by
 *                  article_group (article JSONL)
 * Report and record formats may be read together (several files, a
 * directory: one event); the line formats hold their own events and are
 * read alone. */
#ifndef NF_INGEST_READER_H
#define NF_INGEST_READER_H
#include "ingest/records.h"
#include "newsfuse.h"
#include <stddef.h>

enum reader_shape { SHAPE_AUTO, SHAPE_REPORT, SHAPE_RECORDS, SHAPE_EVENTS, SHAPE_ARTICLES };

/* The formats, in the order of reader_formats and nf_reader_formats. */
enum reader_format_id {
    FMT_AUTO, FMT_TEXT, FMT_HTML, FMT_CLUSTER, FMT_ARTICLES, FMT_MULTINEWS,
    FMT_RSS, FMT_ATOM, FMT_WARC, FMT_URL, FMT_COUNT
};

/* What sniffing sees of an input (nothing of it consumed). */
typedef struct reader_sniff {
    const char *name;  /* the path or name as given ("-": standard input), or NULL */
    const char *head;  /* its first bytes, after a UTF-8 byte order mark */
    size_t len;
    size_t skip;       /* the white space before the first other byte */
    int article;       /* the first JSON object among the first 16 non-blank
                          lines: 1 an article, 0 another object, -1 none */
} reader_sniff;

/* One report being read: where it goes and what to call it. */
typedef struct reader_doc {
    nf_reader *r;       /* warnings and errors go to the reader */
    const char *name;   /* the input as given, for messages */
    const char *id;     /* the report's id (its file name, or its name) */
    nf_docset *event;   /* the set the report joins */
    const struct reader_format *format; /* a container's format (how its
                           records are named in messages), or NULL */
} reader_doc;

/* What a container format reads from. */
typedef struct reader_source {
    const char *name;   /* the path, URL or name as given */
    nf_input *in;       /* its bytes (NULL for a format read by its name) */
    size_t max_bytes;   /* the most bytes worth reading of one report */
    nf_reader *r;       /* for warnings (what was skipped), or NULL */
} reader_source;

/* SHAPE_REPORT: adds data[0..len) as one report to doc->event. Returns 1
 * (added), 0 (skipped: a warning says why), NF_ENOMEM. */
typedef int (*reader_report_fn)(reader_doc *doc, const char *data, size_t len);
/* SHAPE_EVENTS: reads one line into ds. NF_OK, NF_EEMPTY (no report in
 * it), NF_EDATA (nf_docset_error says why), NF_ENOMEM. */
typedef int (*reader_line_fn)(nf_docset *ds, const char *line, size_t len);
/* SHAPE_RECORDS: reads every record of src. Returns 0 at the end, the
 * non-zero value fn or bad returned to stop, or a negative NF_E* status
 * when the container cannot be read at all (then the reader says
 * "cannot be read" with the name). */
typedef int (*reader_records_fn)(const reader_source *src, ingest_record_fn fn,
                                 ingest_record_error_fn bad, void *arg);

typedef struct reader_format {
    const char *name;   /* the name everywhere: --input, the server, Python */
    const char *alias;  /* an older name also accepted, or NULL */
    const char *about;  /* what it is, for messages ("cluster JSONL") */
    const char *yields; /* what a report gets besides its text */
    int shape;          /* enum reader_shape */
    int by_name;        /* read from its name (a URL), not opened as a file */
    const char *unit;   /* SHAPE_RECORDS: what a record is called in
                           messages ("item", "record"), or NULL (one record:
                           the input's name says it) */
    int unit_byte;      /* messages give the record's byte offset too */
    size_t max_bytes;   /* SHAPE_REPORT: read at most this much of a file
                           (0: the reader's max_document_bytes, plus a few
                           bytes so the cut is seen) */
    /* How sure the input is this format: 0 (not it) to 100. */
    int (*sniff)(const reader_sniff *s);
    reader_report_fn report;
    reader_line_fn line;
    reader_records_fn records;
} reader_format;

/* The table (formats.c), FMT_COUNT entries, FMT_AUTO first. */
extern const reader_format reader_formats[FMT_COUNT];
/* The format of a name or alias, or NULL. */
const reader_format *reader_format_named(const char *name);
/* The format the sniffed input is, never one read by its name (a URL;
 * reader.c tells those first); only report and record formats when
 * reports_only: a directory's files); never NULL (text at worst). */
const reader_format *reader_format_sniff(const reader_sniff *s, int reports_only);

/* ---- reports.c ---- */
int reader_report_text(reader_doc *doc, const char *data, size_t len);
int reader_report_html(reader_doc *doc, const char *data, size_t len);
/* Turns one record of a container into a report of doc->event: HTML
 * through nf_page (title, date and URL the page's, else the record's),
 * plain text as a text report; id: the record's URL, else "NAME#N".
 * Returns 1, 0 (skipped, warned) or NF_ENOMEM. */
int reader_record_doc(reader_doc *doc, const ingest_record *rec);
/* Reads every record of src through records into doc->event (the
 * record->report adapter; errors of records go to the reader). Returns
 * the number of reports added, or a negative NF_E* status. */
long reader_read_records(reader_doc *doc, reader_records_fn records, const reader_source *src);
/* Returns 1 if text[0..len) reads as Windows-1252 rather than as broken
 * UTF-8 (reports.c says how it tells). */
int reader_looks_cp1252(const char *text, size_t len);

/* ---- records.c: the container formats, read from a reader_source ---- */
int reader_records_feed(const reader_source *src, ingest_record_fn fn, ingest_record_error_fn bad,
                        void *arg);
int reader_records_warc(const reader_source *src, ingest_record_fn fn, ingest_record_error_fn bad,
                        void *arg);
/* Ends a WARC reading left in *step before its end (out of memory, the
 * reader freed). */
void reader_records_warc_abort(void **step);
int reader_records_url(const reader_source *src, ingest_record_fn fn, ingest_record_error_fn bad,
                       void *arg);

/* ---- reader.c: what formats and reports report ---- */
/* A warning for the next item (formatted, file and place included). */
void reader_warn(nf_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A record or input that cannot be read: an error item in its place
 * (file and id may be NULL; line and record 0, byte -1 when they do not
 * apply). */
void reader_error(nf_reader *r, int status, const char *file, long line, long record,
                  long long byte, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));
/* Where a container read one record per call keeps its reading (group
 * article: a WARC, one article or bad record per item; the slot holds
 * NULL at first and NULL again once the reading ended), or NULL when the
 * container is read whole in one call. */
void **reader_step_slot(nf_reader *r);
/* Counts a file or record skipped with a warning (empty, not text...). */
void reader_skipped(nf_reader *r);
/* A quota on warnings: the next `quota` are kept, the rest only counted
 * (a crawl of 100,000 pages must not make 100,000 warnings); -1: none,
 * the default. reader_warn_left says what is left of it, and
 * reader_warn_hidden how many were counted (and resets the count). */
void reader_warn_quota(nf_reader *r, long quota);
long reader_warn_left(const nf_reader *r);
size_t reader_warn_hidden(nf_reader *r);

#endif
