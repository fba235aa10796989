/* Web archives: WARC files (ISO 28500, WARC/1.0 and 1.1), plain or gzip
 * (a member per record, as Common Crawl writes them, or the whole file),
 * read as a stream in bounded memory: the HTTP 200 responses that hold
 * HTML become records, every other record is skipped and counted
 * (doc/INGEST.md, "Web archives"). */
#ifndef NF_INGEST_WARC_H
#define NF_INGEST_WARC_H
#include "ingest/records.h"
#include "ingest/warc_stream.h"
#include <stddef.h>

/* The default cap on one response's HTTP body: a record over it is skipped
 * with an error, never read into memory. */
#define WARC_MAX_BODY_BYTES ((size_t)64 << 20)

/* What one reading saw. A record counts in one of articles, skipped_* and
 * errors (a record abandoned when it could not be read: in errors, or in
 * none when the reading stopped inside it); errors also counts what went
 * wrong between records (bytes that are not gzip, a member lost whole). */
typedef struct warc_stats {
    long records;         /* WARC records met */
    long articles;        /* handed to on_record */
    long skipped_type;    /* warcinfo, request, metadata, resource, conversion... */
    long skipped_revisit; /* revisit records (a pointer to an earlier capture) */
    long skipped_status;  /* responses whose HTTP status is not 200 */
    long skipped_mime;    /* responses that are not HTTP or not HTML */
    long errors;          /* bad records: wrong length, bad header, over the
                             cap, cut short, corrupt gzip (each once) */
    long long bytes_in;   /* bytes read from the input */
    long long bytes_out;  /* WARC bytes (after gzip) */
    long long members;    /* gzip members (0: plain) */
    int gzip;
} warc_stats;

/* Returns 1 when head[0..n) starts like a WARC file: "WARC/1." (after
 * blank lines), or a gzip member whose first bytes inflate to that; 0
 * otherwise. 512 bytes are enough. */
int warc_sniff(const char *head, size_t n);

/* The pull reader: one article or one bad record at a time, in bounded
 * memory (the window of the stream and one record's body). warc_read is
 * a loop over it. */
typedef struct warc_reader warc_reader;

/* What warc_next hands out. */
enum { WARC_END = 0, WARC_RECORD = 1, WARC_ERROR = 2 };
typedef struct warc_item {
    int kind;            /* WARC_RECORD or WARC_ERROR */
    ingest_record rec;   /* WARC_RECORD: the article, as warc_read gives it */
    long number;         /* the record's number (an error between records:
                            the last record read's) */
    long long offset;    /* where it starts, or where the error is */
    const char *message; /* WARC_ERROR: "record N (byte X): ..." */
} warc_item;

/* Opens a pull reader over read(src); head, n and max_body as for
 * warc_read. Returns NF_OK (*out set), NF_EINVAL, NF_ENOMEM. */
int warc_open(warc_reader **out, warc_read_fn read, void *src, const char *head, size_t n,
              size_t max_body);
/* Reads on to the next article or bad record (the errors a record or the
 * bytes before it caused come first). Returns WARC_RECORD or WARC_ERROR
 * with *it filled (what it points to lives until the next call), or
 * WARC_END at the end of the input (warc_close says how it ended). */
int warc_next(warc_reader *R, warc_item *it);
/* Frees the reader; *stats (may be NULL) gets what it saw. Returns what
 * warc_read would: NF_OK, NF_EEMPTY, NF_EDATA, NF_EIO, NF_ENOMEM (NF_OK
 * when closed before the end). */
int warc_close(warc_reader *R, warc_stats *stats);

/* Reads a WARC file through read(src) and calls on_record for each
 * response record with an HTTP status of 200 and an HTML payload
 * (Content-Type text/html or application/xhtml+xml, else
 * WARC-Identified-Payload-Type, else the bytes when they start like a
 * page): url (WARC-Target-URI), date (WARC-Date, record_date.h), body
 * (the HTTP body: chunked transfer and gzip or deflate content encoding
 * undone), is_html 1, charset (the HTTP Content-Type's, or NULL), number
 * (the record's 1-based number among all records), offset (where the
 * record starts: its gzip member's offset for gzip input). head[0..n) are
 * bytes already read from the input (NULL, 0 for none; at most
 * WS_WINDOW_BYTES, else NF_EINVAL). max_body caps one
 * body (0: WARC_MAX_BODY_BYTES). on_error (may be NULL) gets each bad
 * record, "record N (byte X): ...", and the reading goes on with the next
 * record where the input allows (the next gzip member, or the next line
 * starting "WARC/1."). stats may be NULL.
 * Returns NF_OK at the end of the input (whatever was skipped), NF_EEMPTY
 * for an empty input, NF_EDATA for input that is not a WARC file (binary
 * data or text that does not start with a WARC record: said through
 * on_error), NF_EIO on a read error, NF_ENOMEM, or the non-zero value a
 * callback returned to stop. */
int warc_read(warc_read_fn read, void *src, const char *head, size_t n, size_t max_body,
              ingest_record_fn on_record, ingest_record_error_fn on_error, void *arg,
              warc_stats *stats);

/* warc_read over data[0..len) in memory. */
int warc_read_mem(const char *data, size_t len, size_t max_body, ingest_record_fn on_record,
                  ingest_record_error_fn on_error, void *arg, warc_stats *stats);

/* warc_read over an open file descriptor (read(2), EINTR retried; the
 * descriptor is not closed). */
int warc_read_fd(int fd, size_t max_body, ingest_record_fn on_record,
                 ingest_record_error_fn on_error, void *arg, warc_stats *stats);

#endif
