/* nf_reader: inputs in (paths, "-", directories, buffers), events out, one
 * at a time, with an error in place of each record that cannot be read
 * (reader.h). Each input is opened once and its first bytes looked at
 * through the same nf_input that then reads it, so a pipe, a FIFO or
 * standard input loses nothing to the sniffing; lines are read with a cap
 * (max_line_bytes); a text report is read no further than the library will
 * use it (max_document_bytes). What is read goes into a queue of items
 * (events and errors, in input order) that nf_reader_next hands out. */
#include "core/alloc.h"
#include "core/utf8.h"
#include "ingest/article_jsonl.h"
#include "ingest/docset.h"
#include "ingest/input.h"
#include "ingest/reader.h"
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The first bytes looked at to tell a format; JSON lines are looked at
 * further, up to their first 16 lines or 1 MiB. */
#define HEAD_FIRST 4096
#define HEAD_MAX ((size_t)1 << 20)
#define HEAD_LINES 16
/* Bytes of a text report read past max_document_bytes: enough for the
 * library to see that the report is longer than the cap (and warn), and
 * to complete a UTF-8 character that starts just before it. */
#define READ_SLACK 4
/* The default of max_document_bytes (the option's). */
#define DEFAULT_MAX_DOC ((size_t)8 << 20)

/* An event or an error, as nf_reader_next hands it out. */
typedef struct reader_item {
    int status;
    nf_docset *ds;
    char *file, *id, *message;
    long line, record;
    long long byte;
    char **warnings;
    size_t nwarnings;
} reader_item;

typedef struct reader_input {
    char *name;                  /* the path, "-", or the buffer's name */
    char *data;                  /* a buffer's bytes (owned), or NULL */
    size_t len;
    int buffer;
    nf_input *in;                /* opened early by nf_reader_format, or NULL */
    const reader_format *format; /* what it was sniffed as, or NULL */
} reader_input;

typedef struct reader_dir {
    char *path;
    char **names;                /* its files, "dir/name", in name order */
    size_t n, i, files;          /* names, the next to read, regular files */
    const reader_format *f;      /* the format asked for, or NULL */
    int open;
} reader_dir;

struct nf_reader {
    const reader_format *format; /* the format asked for; NULL: auto */
    size_t max_line, max_doc;
    int defer;
    int per_article; /* group article: every report its own set */
    reader_input *inputs;
    size_t ninputs, inputcap, next;
    int started, done, oom;
    /* the corpus being read (a line format) */
    const reader_format *corpus;
    nf_input *in;
    const char *in_name;
    long lineno;
    nf_docset *history; /* cluster JSONL: the update sets read */
    nf_docset *open;    /* article JSONL: the event being read */
    long open_line;
    /* group article: a WARC read one article per item (stream_step) */
    int streaming;
    void *stream;       /* its reading (reader_step_slot), NULL before and after */
    nf_input *stream_in;
    char *stream_name, *stream_id;
    size_t stream_warned, stream_hidden; /* warnings about its records */
    const reader_format *stream_f;
    /* the directory being read, a file per step */
    reader_dir dir;
    /* the event the report inputs make */
    nf_docset *reports;
    size_t skipped;
    int report_inputs;
    /* warnings for the next item */
    char **warn;
    size_t nwarn, warncap;
    long warn_quota;    /* warnings still kept (-1: no quota) */
    size_t warn_hidden; /* warnings past the quota */
    /* items read and not yet handed out: items[ihead .. iend) */
    reader_item *items;
    size_t ihead, iend, icap;
    reader_item cur; /* the item handed out last */
};

/* ---- Items and warnings ---- */

static void item_free(reader_item *it)
{
    nf_docset_free(it->ds);
    xfree(it->file), xfree(it->id), xfree(it->message);
    for (size_t k = 0; k < it->nwarnings; k++)
        xfree(it->warnings[k]);
    xfree(it->warnings);
    memset(it, 0, sizeof *it);
    it->byte = -1;
}

static void push(nf_reader *r, int status, nf_docset *ds, const char *file, long line, long record,
                 long long byte, const char *id, const char *message);

/* Under group article: queues each report of ds as a set of its own (the
 * warnings gathered so far come with the first), in order; ds is freed. */
static void push_articles(nf_reader *r, nf_docset *ds, const char *file, long line, long long byte)
{
    for (size_t k = 0; k < nf_docset_count(ds) && !r->oom; k++) {
        nf_docset *one = nf_docset_new();
        if (!one || nf_docset_copy_report(one, ds, k, NULL, NULL, NULL, 0) != NF_OK) {
            nf_docset_free(one);
            r->oom = 1;
        } else
            push(r, NF_OK, one, file, line, 0, byte, NULL, NULL);
    }
    nf_docset_free(ds);
}

/* Queues an item made of the given parts (copied; ds taken), with the
 * warnings gathered so far. Out of memory marks the reader. */
static void push(nf_reader *r, int status, nf_docset *ds, const char *file, long line, long record,
                 long long byte, const char *id, const char *message)
{
    if (r->per_article && ds && nf_docset_count(ds) > 1) {
        push_articles(r, ds, file, line, byte);
        return;
    }
    reader_item it = {status, ds, NULL, NULL, NULL, line, record, byte, NULL, 0};
    if ((file && !(it.file = xstrdup(file))) || (id && !(it.id = xstrdup(id))) ||
        (message && !(it.message = xstrdup(message)))) {
        item_free(&it);
        r->oom = 1;
        return;
    }
    if (r->ihead == r->iend)
        r->ihead = r->iend = 0;
    if (GROW(r->items, r->icap, r->iend + 1)) {
        item_free(&it);
        r->oom = 1;
        return;
    }
    /* An event carries its input's warnings into the results' JSON; so
     * does the event of report inputs still being read when a record of
     * theirs fails (the warnings then come with the error item first). */
    nf_docset *keep = ds ? ds : r->reports;
    for (size_t k = 0; keep && k < r->nwarn; k++)
        if (docset_add_warning(keep, r->warn[k]) != NF_OK)
            r->oom = 1;
    it.warnings = r->warn, it.nwarnings = r->nwarn;
    r->warn = NULL, r->nwarn = r->warncap = 0;
    r->items[r->iend++] = it;
}

/* Formats a message into msg[MSG_BYTES], cut to valid UTF-8 (it quotes
 * input, and may end inside a character). */
#define MSG_BYTES 640
#define FORMAT_MESSAGE(msg, fmt)                                                                   \
    do {                                                                                           \
        va_list ap;                                                                                \
        va_start(ap, fmt);                                                                         \
        vsnprintf(msg, MSG_BYTES, fmt, ap);                                                        \
        va_end(ap);                                                                                \
        utf8_cut_invalid(msg);                                                                     \
    } while (0)

void reader_warn(nf_reader *r, const char *fmt, ...)
{
    if (r->warn_quota == 0) {
        r->warn_hidden++;
        return;
    }
    if (r->warn_quota > 0)
        r->warn_quota--;
    char msg[MSG_BYTES];
    FORMAT_MESSAGE(msg, fmt);
    char *w = xstrdup(msg);
    if (!w || GROW(r->warn, r->warncap, r->nwarn + 1)) {
        xfree(w);
        r->oom = 1;
        return;
    }
    r->warn[r->nwarn++] = w;
}

void reader_error(nf_reader *r, int status, const char *file, long line, long record,
                  long long byte, const char *id, const char *fmt, ...)
{
    char msg[MSG_BYTES];
    FORMAT_MESSAGE(msg, fmt);
    push(r, status, NULL, file, line, record, byte, id, msg);
}

void **reader_step_slot(nf_reader *r)
{
    return r->streaming ? &r->stream : NULL;
}

void reader_skipped(nf_reader *r)
{
    r->skipped++;
}

void reader_warn_quota(nf_reader *r, long quota) { r->warn_quota = quota; }
long reader_warn_left(const nf_reader *r) { return r->warn_quota; }

size_t reader_warn_hidden(nf_reader *r)
{
    size_t n = r->warn_hidden;
    r->warn_hidden = 0;
    return n;
}

/* ---- Opening and sniffing ---- */

/* The id of an input's report: a path's file name, a buffer's name. */
static const char *input_id(const reader_input *inp)
{
    const char *base = inp->buffer ? NULL : strrchr(inp->name, '/');
    return base && base[1] ? base + 1 : inp->name;
}

/* Opens an input (its buffer, or its path). NULL with errno set. */
static nf_input *input_open(reader_input *inp)
{
    if (inp->in) {
        nf_input *in = inp->in;
        inp->in = NULL;
        return in;
    }
    if (inp->buffer) {
        nf_input *in = input_open_buffer(inp->data, inp->len);
        if (!in)
            errno = ENOMEM;
        return in;
    }
    return nf_input_open(inp->name);
}

/* Returns 1 if s[0..n) is only white space. */
static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

/* The input's first bytes, as far as its first `lines` lines (within
 * HEAD_MAX) or `want` bytes; NULL when they cannot be read (the reading
 * fails again and says so). A live stream is not waited on for bytes
 * the decision does not need. */
static const char *head_lines(nf_input *in, size_t want, int lines, size_t *n)
{
    for (;; want *= 4) {
        const char *head = nf_input_head(in, want, n);
        if (!head)
            return NULL;
        int seen = 0;
        for (const char *p = head; seen < lines && (p = memchr(p, '\n', (size_t)(head + *n - p))); p++)
            seen++;
        if (seen >= lines || *n < want || want >= HEAD_MAX)
            return head;
    }
}

/* The first JSON object among the first HEAD_LINES non-blank lines of
 * head: 1 an article, 0 another object, -1 none (a broken line says
 * nothing). */
static int first_object(const char *head, size_t n)
{
    int kind = -1;
    for (int tries = 0; kind < 0 && tries < HEAD_LINES && n;) {
        const char *nl = memchr(head, '\n', n);
        size_t len = nl ? (size_t)(nl - head) + 1 : n;
        if (!is_blank(head, len))
            kind = article_is_line(head, len), tries++;
        head += len, n -= len;
    }
    return kind;
}

/* Tells the format of an open input by its name and first bytes (none
 * consumed); only report formats when reports_only (a directory's files).
 * NULL when out of memory. */
static const reader_format *sniff_input(nf_input *in, const char *name, int reports_only)
{
    size_t n;
    const char *head = nf_input_head(in, HEAD_FIRST, &n);
    if (!head) /* a read error fails again when the input is read, and is said then */
        return nf_input_errno(in) ? &reader_formats[FMT_TEXT] : NULL;
    reader_sniff s = {name, head, n, 0, -1};
    size_t bom = n >= 3 && !memcmp(head, "\xef\xbb\xbf", 3) ? 3 : 0;
    while (bom + s.skip < n && strchr(" \t\r\n", head[bom + s.skip]))
        s.skip++;
    s.head += bom, s.len -= bom;
    int json = s.skip < s.len && s.head[s.skip] == '{';
    if (!reports_only && !json) {
        reader_sniff by_name = s;
        by_name.len = 0;
        const reader_format *f = reader_format_sniff(&by_name, 0);
        json = f->shape == SHAPE_EVENTS || f->shape == SHAPE_ARTICLES; /* a .jsonl name */
    }
    if (!reports_only && json) { /* cluster or article JSONL: their first lines tell */
        unsigned long failures = alloc_failures();
        const char *more = head_lines(in, HEAD_FIRST, HEAD_LINES, &n);
        if (!more && !nf_input_errno(in))
            return NULL;
        if (more) {
            s.head = more + bom, s.len = n - bom;
            s.article = first_object(s.head, s.len);
        }
        if (alloc_failures() != failures) /* the JSON parser ran out: no answer */
            return NULL;
    }
    return reader_format_sniff(&s, reports_only);
}

/* A format read from its name alone (a URL) that the name shows, or NULL. */
static const reader_format *sniff_name_only(const char *name)
{
    reader_sniff s = {name, "", 0, 0, -1};
    for (int i = 0; i < FMT_COUNT; i++)
        if (reader_formats[i].by_name && reader_formats[i].sniff(&s) > 0)
            return &reader_formats[i];
    return NULL;
}

/* ---- Reports: text, pages, containers; files and directories ---- */

/* The set the report inputs make, made on first use (NULL: no memory). */
static nf_docset *reports_set(nf_reader *r)
{
    if (!r->reports && !(r->reports = nf_docset_new()))
        r->oom = 1;
    return r->reports;
}

/* Reads one report input (open as in, or read by its name when in is
 * NULL) in format f into the reports' event. */
static void read_report(nf_reader *r, const reader_format *f, nf_input *in, const char *name,
                        const char *id)
{
    reader_doc doc = {r, name, id, reports_set(r), f};
    r->report_inputs++;
    if (!doc.event)
        return;
    if (f->shape == SHAPE_RECORDS) {
        reader_source src = {name, in, r->max_doc, r};
        long k = reader_read_records(&doc, f->records, &src);
        if (k == NF_ENOMEM)
            r->oom = 1;
        else if (k < 0)
            reader_error(r, (int)k, name, 0, 0, -1, NULL, "cannot be read as %s: %s", f->about,
                         nf_strerror((int)k));
        return;
    }
    if (!in) { /* only a container is read by its name */
        reader_error(r, NF_EINVAL, name, 0, 0, -1, NULL, "%s is not read from a name", f->about);
        return;
    }
    int huge = r->max_doc > SIZE_MAX / 2; /* no buffer that big anyway */
    size_t limit = f->max_bytes ? f->max_bytes : r->max_doc && !huge ? r->max_doc + READ_SLACK : 0;
    char *data;
    size_t len;
    int more, rc = nf_input_read_all(in, limit, &data, &len, &more);
    if (rc == NF_EIO) {
        reader_error(r, NF_EIO, name, 0, 0, -1, NULL, "read error: %s",
                     strerror(nf_input_errno(in)));
        return;
    }
    if (rc != NF_OK) {
        r->oom = 1;
        return;
    }
    if (more && !f->max_bytes)
        reader_warn(r, "%s: read only the first %zu bytes (max_document_bytes is %zu: the rest "
                    "would be cut)", name, len, len - READ_SLACK);
    if (f->report(&doc, data, len) < 0)
        r->oom = 1;
    nf_free(data);
}

/* Under group article a report input's reports are handed out as they
 * are read, not gathered into one event. */
static void read_report_articles(nf_reader *r, const reader_format *f, nf_input *in,
                                 const char *name, const char *id)
{
    read_report(r, f, in, name, id);
    if (r->per_article && r->reports && nf_docset_count(r->reports)) {
        nf_docset *ds = r->reports;
        r->reports = NULL;
        push(r, NF_OK, ds, name, 0, 0, -1, NULL, NULL);
    }
}

/* The end of a streamed WARC (or the reader freed before it). */
static void stream_end(nf_reader *r)
{
    reader_records_warc_abort(&r->stream);
    nf_input_close(r->stream_in);
    xfree(r->stream_name), xfree(r->stream_id);
    r->stream_in = NULL, r->stream_name = r->stream_id = NULL;
    r->streaming = 0;
}

/* Group article: a WARC input is read one article or bad record per step
 * (a crawl of any size in the memory of one record), not whole. Takes in
 * (closed at the end); returns 0 (in not taken) when it cannot start. */
static int stream_start(nf_reader *r, const reader_format *f, nf_input *in, const char *name,
                        const char *id)
{
    if (!r->per_article || f->records != reader_records_warc)
        return 0;
    if (!(r->stream_name = xstrdup(name)) || !(r->stream_id = xstrdup(id))) {
        xfree(r->stream_name), r->stream_name = NULL;
        r->oom = 1;
        return 0;
    }
    r->report_inputs++;
    r->streaming = 1, r->stream = NULL, r->stream_in = in, r->stream_f = f;
    r->stream_warned = r->stream_hidden = 0;
    return 1;
}

/* Warnings about one streamed container's records (pages without article
 * text, charsets guessed) past this many are counted, as reports.c does
 * for a container read whole (RECORD_WARNINGS_SHOWN). */
#define STREAM_WARNINGS_SHOWN 50

/* Keeps the warnings r->warn[from..) about a streamed record while under
 * the container's quota; counts the rest. */
static void stream_warnings(nf_reader *r, size_t from)
{
    for (size_t k = from; k < r->nwarn; k++) {
        if (r->stream_warned < STREAM_WARNINGS_SHOWN) {
            r->warn[from++] = r->warn[k];
            r->stream_warned++;
        } else {
            xfree(r->warn[k]);
            r->stream_hidden++;
        }
    }
    r->nwarn = from;
}

/* Reads the streamed WARC's next article or bad record. */
static void stream_step(nf_reader *r)
{
    reader_doc doc = {r, r->stream_name, r->stream_id, reports_set(r), r->stream_f};
    if (!doc.event)
        return;
    reader_source src = {r->stream_name, r->stream_in, r->max_doc, r};
    size_t warned = r->nwarn;
    long k = reader_read_records(&doc, r->stream_f->records, &src);
    if (r->stream) /* a record was read (the end's own warnings are kept) */
        stream_warnings(r, warned);
    else if (r->stream_hidden)
        reader_warn(r, "%s: %zu more warnings about its records not shown", r->stream_name,
                    r->stream_hidden);
    if (k == NF_ENOMEM)
        r->oom = 1;
    else if (k < 0)
        reader_error(r, (int)k, r->stream_name, 0, 0, -1, NULL, "cannot be read as %s: %s",
                     r->stream_f->about, nf_strerror((int)k));
    if (r->reports && nf_docset_count(r->reports)) {
        nf_docset *ds = r->reports;
        r->reports = NULL;
        push(r, NF_OK, ds, r->stream_name, 0, 0, -1, NULL, NULL);
    }
    if (!r->stream || r->oom)
        stream_end(r);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular, non-hidden files of dir (README.md left out), sorted by
 * name, as "dir/name" paths (*n of them; NULL and n 0 for none). */
static char **list_directory(nf_reader *r, DIR *d, const char *dir, size_t *n)
{
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "README.md"))
            continue;
        char *path = xmalloc(strlen(dir) + strlen(e->d_name) + 2);
        if (!path || GROW(names, cap, *n + 1)) {
            xfree(path);
            r->oom = 1;
            break;
        }
        sprintf(path, "%s/%s", dir, e->d_name);
        names[(*n)++] = path;
    }
    if (*n)
        qsort(names, *n, sizeof *names, cmp_names);
    return names;
}

/* A directory of reports: its files, each a report (in format f, or each
 * sniffed as a report format), one file per step (dir_step), so a WARC
 * file among them can be read one record per item under group article. */
static void read_directory(nf_reader *r, const char *dir, const reader_format *f)
{
    r->report_inputs++;
    DIR *d = opendir(dir);
    if (!d) {
        reader_error(r, NF_EIO, dir, 0, 0, -1, NULL, "cannot open directory: %s", strerror(errno));
        return;
    }
    reader_dir *D = &r->dir;
    memset(D, 0, sizeof *D);
    D->names = list_directory(r, d, dir, &D->n);
    closedir(d);
    if (!(D->path = xstrdup(dir))) {
        r->oom = 1;
        return;
    }
    D->f = f, D->open = 1;
}

/* Frees what is left of the directory being read. */
static void dir_free(reader_dir *D)
{
    for (size_t i = D->i; i < D->n; i++)
        xfree(D->names[i]);
    xfree(D->names), xfree(D->path);
    memset(D, 0, sizeof *D);
}

/* Reads the directory's next file; at the end, says when none could be. */
static void dir_step(nf_reader *r)
{
    reader_dir *D = &r->dir;
    if (D->i == D->n) {
        if (D->files == 0)
            reader_error(r, NF_EDATA, D->path, 0, 0, -1, NULL, "no files%s",
                         D->n ? " that can be read" : "");
        dir_free(D);
        return;
    }
    char *name = D->names[D->i++];
    struct stat st;
    if (stat(name, &st) != 0) { /* a broken link or a loop: say so, never pass it by */
        reader_warn(r, "%s: %s, skipped", name, strerror(errno));
        r->skipped++;
    } else if (S_ISREG(st.st_mode)) {
        D->files++;
        nf_input *in = nf_input_open(name);
        if (!in)
            reader_error(r, NF_EIO, name, 0, 0, -1, NULL, "cannot open: %s", strerror(errno));
        else {
            const reader_format *g = D->f ? D->f : sniff_input(in, name, 1);
            if (!g)
                r->oom = 1;
            else if (stream_start(r, g, in, name, strrchr(name, '/') + 1))
                in = NULL; /* the stream closes it */
            else
                read_report_articles(r, g, in, name, strrchr(name, '/') + 1);
        }
        nf_input_close(in);
    }
    xfree(name);
}

/* The end of the report inputs: their event, or why there is none. */
static void finish_reports(nf_reader *r)
{
    if (!r->report_inputs)
        return;
    if (r->reports && nf_docset_count(r->reports)) {
        nf_docset *ds = r->reports;
        r->reports = NULL;
        push(r, NF_OK, ds, r->inputs[0].name, 0, 0, -1, NULL, NULL);
    } else if (r->skipped && !r->per_article)
        reader_error(r, NF_EDATA, r->ninputs == 1 ? r->inputs[0].name : NULL, 0, 0, -1, NULL,
                     "no report to read: %zu input file(s) "
                     "skipped (empty, not text, or a page without article text)", r->skipped);
}

/* ---- Corpora: one event per line, or articles grouped by event ---- */

/* Returns 1 if a cluster line may hold an update set: it names
 * "update_set", or escapes an ASCII letter (\u0041 to \u007a), which could
 * spell the key. Such a line is read in order, as the update-set history
 * needs, even when reading is deferred. */
static int may_hold_update_set(const char *s, size_t n)
{
    static const char key[] = "update_set";
    for (const char *p = s, *end = s + n; (p = memchr(p, '\\', (size_t)(end - p))); p++)
        if (end - p >= 6 && !strncmp(p, "\\u00", 4) && p[4] >= '4' && p[4] <= '7')
            return 1;
    /* By its '_', rarer in text than its letters: "update" stands before it. */
    for (const char *p = s + (n < 6 ? n : 6), *end = s + n; (p = memchr(p, '_', (size_t)(end - p))); p++)
        if ((size_t)(end - p) >= sizeof key - 7 && !memcmp(p - 6, key, sizeof key - 1))
            return 1;
    return 0;
}

/* The corpus ends (or cannot go on): the event still open, then nothing. */
static void end_corpus(nf_reader *r)
{
    if (r->open) {
        nf_docset *ds = r->open;
        r->open = NULL;
        push(r, NF_OK, ds, r->in_name, r->open_line, 0, -1, NULL, NULL);
    }
    nf_docset_free(r->history);
    r->history = NULL;
    nf_input_close(r->in);
    r->in = NULL, r->corpus = NULL;
}

/* One line of a one-event-per-line format. */
static void event_line(nf_reader *r, const char *line, size_t n, long long at)
{
    nf_docset *ds = nf_docset_new();
    if (!ds) {
        r->oom = 1;
        return;
    }
    int cluster = r->corpus == &reader_formats[FMT_CLUSTER];
    if (r->defer && !r->per_article && !(cluster && may_hold_update_set(line, n))) {
        if (docset_defer(ds, line, n, r->corpus->line) != NF_OK) {
            nf_docset_free(ds);
            r->oom = 1;
        } else
            push(r, NF_OK, ds, r->in_name, r->lineno, 0, at, NULL, NULL);
        return;
    }
    int rc = r->corpus->line(ds, line, n);
    if (rc != NF_OK && rc != NF_EEMPTY) {
        reader_error(r, rc, r->in_name, r->lineno, 0, at, nf_docset_id(ds), "%s", nf_docset_error(ds));
        nf_docset_free(ds);
    } else if (nf_batch_update_history(&r->history, ds) != NF_OK) {
        nf_docset_free(ds);
        r->oom = 1;
    } else
        push(r, NF_OK, ds, r->in_name, r->lineno, 0, at, NULL, NULL);
}

/* One line of article JSONL: the event it ends, or its error, in order. */
static void read_article_line(nf_reader *r, const char *line, size_t n, long long at)
{
    nf_docset *closed, *one = NULL;
    char *bad_id, err[256];
    /* group article: each line its own set, handed out at once */
    int rc = article_group(r->per_article ? &one : &r->open, &closed, line, n, &bad_id, err,
                           sizeof err);
    if (one)
        push(r, NF_OK, one, r->in_name, r->lineno, 0, at, NULL, NULL);
    if (closed)
        push(r, NF_OK, closed, r->in_name, r->open_line, 0, -1, NULL, NULL);
    if (rc == NF_OK)
        r->open_line = r->lineno;
    else if (rc == NF_EDATA)
        reader_error(r, NF_EDATA, r->in_name, r->lineno, 0, at, bad_id, "%s", err);
    else
        r->oom = 1;
    xfree(bad_id);
}

/* Reads the corpus's next line. */
static void corpus_step(nf_reader *r)
{
    const char *line;
    size_t n;
    long lineno = r->lineno;
    int rc = nf_input_line(r->in, r->max_line, &line, &n, &lineno);
    long long at = input_line_offset(r->in);
    if (rc == NF_OK || rc == NF_ELIMIT || rc == NF_EDATA)
        r->lineno = lineno;
    if (rc == NF_EEMPTY)
        end_corpus(r);
    else if (rc == NF_EDATA) {
        reader_error(r, NF_EDATA, r->in_name, lineno, 0, at, NULL, "binary data (NUL bytes) in a "
                     "line longer than %zu bytes: not JSONL or Multi-News; reading stopped",
                     r->max_line);
        end_corpus(r);
    } else if (rc == NF_ELIMIT)
        reader_error(r, NF_ELIMIT, r->in_name, lineno, 0, at, NULL,
                     "line longer than %zu bytes (max_line_bytes): skipped", r->max_line);
    else if (rc != NF_OK) {
        reader_error(r, rc, r->in_name, 0, 0, -1, NULL, "%s after line %ld: %s",
                     rc == NF_EIO ? "read error" : "cannot go on", r->lineno,
                     rc == NF_EIO ? strerror(nf_input_errno(r->in)) : nf_strerror(rc));
        end_corpus(r);
    } else if (!is_blank(line, n)) {
        if (r->corpus->shape == SHAPE_ARTICLES)
            read_article_line(r, line, n, at);
        else
            event_line(r, line, n, at);
    }
}

/* ---- The inputs ---- */

static int is_directory(const char *path)
{
    struct stat st;
    return strcmp(path, "-") && !stat(path, &st) && S_ISDIR(st.st_mode);
}

/* Starts reading the next input: a directory, a report, or a corpus. */
static void input_step(nf_reader *r, reader_input *inp)
{
    const reader_format *f = r->format ? r->format : inp->format;
    if (!f && !inp->buffer)
        f = sniff_name_only(inp->name);
    if (f && f->by_name) {
        if (inp->buffer) { /* bytes are never taken for an address to fetch */
            r->report_inputs++;
            reader_error(r, NF_EINVAL, inp->name, 0, 0, -1, NULL, "%s is read from a path "
                         "argument, not from bytes", f->about);
        } else
            read_report_articles(r, f, NULL, inp->name, input_id(inp));
        return;
    }
    int reports = !f || f->shape == SHAPE_REPORT || f->shape == SHAPE_RECORDS;
    if (reports && !inp->buffer && !inp->in && is_directory(inp->name)) {
        read_directory(r, inp->name, f);
        return;
    }
    nf_input *in = input_open(inp);
    if (!in) {
        r->report_inputs++;
        if (errno == ENOMEM)
            r->oom = 1;
        else
            reader_error(r, NF_EIO, inp->name, 0, 0, -1, NULL, "cannot open: %s", strerror(errno));
        return;
    }
    if (!f && !(f = sniff_input(in, inp->name, 0))) {
        nf_input_close(in);
        r->oom = 1;
        return;
    }
    if (f->shape == SHAPE_EVENTS || f->shape == SHAPE_ARTICLES) {
        if (r->ninputs == 1) {
            r->corpus = f, r->in = in, r->in_name = inp->name, r->lineno = 0;
            return;
        }
        r->report_inputs++;
        reader_error(r, NF_EINVAL, inp->name, 0, 0, -1, NULL, "%s holds its own events and is read "
                     "alone, not with other inputs (format text reads it as one report)", f->about);
    } else if (stream_start(r, f, in, inp->name, input_id(inp)))
        return;
    else
        read_report_articles(r, f, in, inp->name, input_id(inp));
    nf_input_close(in);
}

/* Reads until an item is queued or the inputs end. */
static void step(nf_reader *r)
{
    if (r->streaming)
        stream_step(r);
    else if (r->dir.open)
        dir_step(r);
    else if (r->corpus)
        corpus_step(r);
    else if (r->next < r->ninputs)
        input_step(r, &r->inputs[r->next++]);
    else {
        finish_reports(r);
        r->done = 1;
    }
}

/* ---- The public calls ---- */

/* Appends an input (path, or a buffer copied when data is not NULL). */
static int add_input(nf_reader *r, const char *name, const char *data, size_t len, int buffer)
{
    if (GROW(r->inputs, r->inputcap, r->ninputs + 1))
        return NF_ENOMEM;
    reader_input *inp = &r->inputs[r->ninputs];
    memset(inp, 0, sizeof *inp);
    inp->name = xstrdup(name);
    inp->buffer = buffer, inp->len = len;
    if (buffer && !(inp->data = xmalloc(len ? len : 1)))
        inp->len = 0;
    if (!inp->name || (buffer && !inp->data)) {
        xfree(inp->name), xfree(inp->data);
        return NF_ENOMEM;
    }
    if (buffer && len)
        memcpy(inp->data, data, len);
    r->ninputs++;
    return NF_OK;
}

static nf_reader *reader_new(void)
{
    nf_reader *r = xcalloc(1, sizeof *r);
    if (r) {
        r->max_line = NF_DEFAULT_MAX_LINE_BYTES, r->max_doc = DEFAULT_MAX_DOC;
        r->warn_quota = -1;
        r->cur.byte = -1;
    }
    return r;
}

int nf_reader_open(const char *path, nf_reader **out)
{
    if (out)
        *out = NULL;
    if (!path || !out)
        return NF_EINVAL;
    nf_reader *r = reader_new();
    if (!r || add_input(r, path, NULL, 0, 0) != NF_OK) {
        nf_reader_free(r);
        return NF_ENOMEM;
    }
    *out = r;
    return NF_OK;
}

int nf_reader_open_buffer(const char *data, size_t len, const char *name, nf_reader **out)
{
    if (out)
        *out = NULL;
    if (!out || (!data && len))
        return NF_EINVAL;
    nf_reader *r = reader_new();
    if (!r || add_input(r, name ? name : "-", data, len, 1) != NF_OK) {
        nf_reader_free(r);
        return NF_ENOMEM;
    }
    *out = r;
    return NF_OK;
}

/* Sets the reader's message (the answer of nf_reader_error); returns code. */
static int reader_says(nf_reader *r, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int reader_says(nf_reader *r, int code, const char *fmt, ...)
{
    char msg[MSG_BYTES];
    FORMAT_MESSAGE(msg, fmt);
    item_free(&r->cur);
    r->cur.status = code;
    r->cur.message = xstrdup(msg);
    return code;
}

int nf_reader_add(nf_reader *r, const char *path)
{
    if (!r || !path)
        return NF_EINVAL;
    if (r->started)
        return reader_says(r, NF_EINVAL, "inputs are added before reading");
    return add_input(r, path, NULL, 0, 0);
}

/* Parses a byte count (digits only). Returns 0, or -1. */
static int parse_size(const char *v, size_t *out)
{
    if (!v || !*v || strspn(v, "0123456789") != strlen(v))
        return -1;
    errno = 0;
    unsigned long long x = strtoull(v, NULL, 10);
    if (errno || x > SIZE_MAX)
        return -1;
    *out = (size_t)x;
    return 0;
}

int nf_reader_set(nf_reader *r, const char *key, const char *value)
{
    if (!r || !key || !value)
        return NF_EINVAL;
    if (r->started)
        return reader_says(r, NF_EINVAL, "%s: set before reading", key);
    if (!strcmp(key, "format")) {
        const reader_format *f = reader_format_named(value);
        if (!f) {
            char names[200] = "";
            for (const char *const *n = nf_reader_formats(); *n; n++)
                snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
                         n == nf_reader_formats() ? "" : ", ", *n);
            return reader_says(r, NF_EINVAL, "unknown format '%.60s': the formats are %s", value,
                               names);
        }
        r->format = f == &reader_formats[FMT_AUTO] ? NULL : f;
        for (size_t i = 0; i < r->ninputs; i++)
            r->inputs[i].format = NULL;
        return NF_OK;
    }
    size_t v;
    if (!strcmp(key, "max_line_bytes") || !strcmp(key, "max_document_bytes")) {
        if (parse_size(value, &v))
            return reader_says(r, NF_EINVAL, "%s takes a byte count (0: no limit), not '%.60s'",
                               key, value);
        *(key[4] == 'l' ? &r->max_line : &r->max_doc) = v;
        return NF_OK;
    }
    if (!strcmp(key, "defer")) {
        if (strcmp(value, "0") && strcmp(value, "1"))
            return reader_says(r, NF_EINVAL, "defer takes 0 or 1, not '%.60s'", value);
        r->defer = value[0] == '1';
        return NF_OK;
    }
    if (!strcmp(key, "group")) {
        if (strcmp(value, "event") && strcmp(value, "article"))
            return reader_says(r, NF_EINVAL, "group takes event or article, not '%.60s'", value);
        r->per_article = value[0] == 'a';
        return NF_OK;
    }
    return reader_says(r, NF_EINVAL, "unknown key '%.60s' (format, max_line_bytes, "
                       "max_document_bytes, defer, group)", key);
}

const char *nf_reader_format(nf_reader *r)
{
    if (!r)
        return NULL;
    if (r->format)
        return r->format->name;
    if (!r->ninputs || r->next > 0)
        return "auto";
    reader_input *inp = &r->inputs[0];
    if (!inp->format && !inp->buffer)
        inp->format = sniff_name_only(inp->name);
    if (!inp->format && (inp->buffer || !is_directory(inp->name))) {
        if (!inp->in)
            inp->in = input_open(inp);
        if (inp->in)
            inp->format = sniff_input(inp->in, inp->name, 0); /* NULL (no memory): sniffed again */
    }
    return inp->format ? inp->format->name : "auto";
}

int nf_reader_next(nf_reader *r, nf_docset **event)
{
    if (event)
        *event = NULL;
    if (!r || !event)
        return NF_EINVAL;
    item_free(&r->cur);
    r->started = 1;
    while (r->ihead == r->iend && !r->done && !r->oom)
        step(r);
    if (r->oom) { /* what is queued may be lost: say so, and stop */
        r->oom = 0, r->done = 1;
        while (r->ihead < r->iend)
            item_free(&r->items[r->ihead++]);
        if (r->corpus)
            end_corpus(r);
        r->cur.status = NF_ENOMEM;
        r->cur.message = NULL;
        return NF_ENOMEM;
    }
    if (r->ihead == r->iend) { /* the end: the last warnings come with it */
        r->cur.status = NF_EEMPTY;
        r->cur.warnings = r->warn, r->cur.nwarnings = r->nwarn;
        r->warn = NULL, r->nwarn = r->warncap = 0;
        return NF_EEMPTY;
    }
    r->cur = r->items[r->ihead++];
    *event = r->cur.ds;
    r->cur.ds = NULL;
    return r->cur.status;
}

const char *nf_reader_error(const nf_reader *r)
{
    if (!r)
        return "";
    if (r->cur.status == NF_ENOMEM && !r->cur.message)
        return "out of memory";
    return r->cur.message ? r->cur.message : "";
}

const char *nf_reader_file(const nf_reader *r) { return r ? r->cur.file : NULL; }
long nf_reader_line(const nf_reader *r) { return r ? r->cur.line : 0; }
long nf_reader_record(const nf_reader *r) { return r ? r->cur.record : 0; }
long long nf_reader_byte(const nf_reader *r) { return r ? r->cur.byte : -1; }
const char *nf_reader_record_id(const nf_reader *r) { return r ? r->cur.id : NULL; }
size_t nf_reader_warning_count(const nf_reader *r) { return r ? r->cur.nwarnings : 0; }

const char *nf_reader_warning(const nf_reader *r, size_t i)
{
    return r && i < r->cur.nwarnings ? r->cur.warnings[i] : NULL;
}

void nf_reader_free(nf_reader *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ninputs; i++) {
        xfree(r->inputs[i].name), xfree(r->inputs[i].data);
        nf_input_close(r->inputs[i].in);
    }
    xfree(r->inputs);
    stream_end(r);
    dir_free(&r->dir);
    nf_input_close(r->in);
    nf_docset_free(r->history);
    nf_docset_free(r->open);
    nf_docset_free(r->reports);
    for (size_t k = 0; k < r->nwarn; k++)
        xfree(r->warn[k]);
    xfree(r->warn);
    while (r->ihead < r->iend)
        item_free(&r->items[r->ihead++]);
    xfree(r->items);
    item_free(&r->cur);
    xfree(r);
}
