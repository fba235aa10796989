/* WARC records into records (warc.h), over the bounded stream of
 * warc_stream.c: a record's header is read line by line, its block is
 * skipped unless it is an HTTP 200 response with HTML, whose body alone is
 * held in memory (up to the cap), and the record is handed over only once
 * its end shows its Content-Length was right. */
#include "ingest/warc.h"
#include "core/alloc.h"
#include "ingest/record_date.h"
#include "ingest/record_utf8.h"
#include "newsfuse.h"
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* A WARC header or an HTTP header may not be longer. */
#define WARC_MAX_HEADER ((size_t)64 << 10)
/* Past this many errors only the count goes on. */
#define WARC_MAX_REPORTED 1000
/* A body buffer larger than this is not kept from one record to the next. */
#define WARC_KEEP_BUFFER ((size_t)8 << 20)

/* The fields of a WARC record header that are read. */
typedef struct warc_head {
    char type[32];
    char uri[8192];
    char date[64];
    char ctype[256];
    char payload_type[128];
    unsigned long long length;
    int has_length, bad_length;
} warc_head;

/* The fields of the HTTP response header in a response record. */
typedef struct http_head {
    int status;
    char ctype[256];
    char encoding[64];
    int chunked;
} http_head;

/* An error waiting to be handed out by warc_next. */
typedef struct warc_error_item {
    long number;
    long long offset;
    char msg[600];
} warc_error_item;

struct warc_reader {
    wstream ws;
    size_t max_body;
    warc_stats stats, *st;
    int nomem, not_warc, ended, status;
    long number;            /* the record being read */
    long long offset;       /* where it starts (its member, for gzip) */
    long long uoffset;      /* its uncompressed offset */
    int own_member;         /* it starts its gzip member */
    int rec_failed;         /* an error of this record was reported */
    char *body, *dec;       /* the body read, and decoded */
    size_t body_cap, dec_cap;
    warc_head h;
    http_head http;
    /* what warc_next hands out: the errors met (in order), then the
     * article that followed them (its body in body or dec) */
    warc_error_item *errs;
    size_t err_head, err_end, err_cap;
    ingest_record rec;
    int has_rec;
    char rec_date[RECORD_DATE_MAX], rec_charset[40];
};

/* ---- Errors ---- */

/* Queues msg (about record number, at offset) for warc_next while under
 * the cap on reported errors; counts it either way. The queue holds what
 * one step met: an error of a record, and those between records. */
static void report(warc_reader *R, long number, long long offset, char *msg)
{
    R->st->errors++;
    if (R->st->errors > WARC_MAX_REPORTED + 1)
        return;
    if (R->st->errors == WARC_MAX_REPORTED + 1)
        snprintf(msg, 64, "more errors: the rest are not reported");
    record_utf8_clean(msg, strlen(msg));
    if (R->err_head == R->err_end)
        R->err_head = R->err_end = 0;
    if (R->err_end == R->err_cap) {
        size_t cap = R->err_cap ? R->err_cap * 2 : 4;
        warc_error_item *e = xrealloc(R->errs, cap * sizeof *e);
        if (!e) {
            R->nomem = 1;
            return;
        }
        R->errs = e, R->err_cap = cap;
    }
    warc_error_item *e = &R->errs[R->err_end++];
    e->number = number, e->offset = offset;
    snprintf(e->msg, sizeof e->msg, "%s", msg);
}

/* Queues an error about the record being read, "record N (byte
 * X): ...", the first of the record only (what follows from it, such as a
 * block cut short after a broken header, is not news). */
static void warc_error(warc_reader *R, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warc_error(warc_reader *R, const char *fmt, ...)
{
    if (R->rec_failed++)
        return;
    char what[400], msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (R->ws.gz && !R->own_member)
        snprintf(msg, sizeof msg, "record %ld (uncompressed byte %lld of the gzip member at byte %lld): %s",
                 R->number, R->uoffset, R->offset, what);
    else
        snprintf(msg, sizeof msg, "record %ld (byte %lld): %s", R->number, R->offset, what);
    report(R, R->number, R->offset, msg);
}

/* Hands an error found between records (or about the whole input) to
 * warc_next: numbered by the last record read, "after record N: ...". */
static void input_error(warc_reader *R, long long at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void input_error(warc_reader *R, long long at, const char *fmt, ...)
{
    char what[400], msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (R->number)
        snprintf(msg, sizeof msg, "after record %ld: %s", R->number, what);
    else
        snprintf(msg, sizeof msg, "%s", what);
    report(R, R->number, at, msg);
}

/* Writes up to 40 bytes of s[0..n) for a message: printable ASCII kept,
 * anything else as '?', line ends dropped. */
static void show_bytes(char out[48], const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < 40; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r' || c == '\n')
            continue;
        out[k++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
    }
    out[k] = '\0';
}

/* Reports a stream error (corrupt or truncated gzip, a read error) of the
 * record being read, or between records, and goes on at the next member
 * when there is one. Returns 1 when the reading can go on. */
static int stream_error(warc_reader *R, int in_record)
{
    if (R->ws.state == WS_NOMEM) {
        R->nomem = 1;
        return 0;
    }
    if (in_record)
        warc_error(R, "%s", R->ws.error);
    else
        input_error(R, R->ws.error_at, "%s", R->ws.error);
    return ws_recover(&R->ws);
}

/* ---- Headers ---- */

/* The first place needle (lower case) occurs in s, ignoring case; NULL. */
static const char *find_nocase(const char *s, const char *needle)
{
    size_t k = strlen(needle);
    for (; *s; s++)
        if (!strncasecmp(s, needle, k))
            return s;
    return NULL;
}

/* Copies the value of a header line (after "Name:", trimmed) into out. */
static void header_value(const char *v, const char *end, char *out, size_t cap)
{
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t'))
        end--;
    size_t n = (size_t)(end - v) < cap - 1 ? (size_t)(end - v) : cap - 1;
    memcpy(out, v, n);
    out[n] = '\0';
}

/* Is line[0..n) the header field name (case-insensitive), and where does
 * its value start? */
static const char *header_is(const char *line, size_t n, const char *name)
{
    size_t k = strlen(name);
    return n > k && line[k] == ':' && !strncasecmp(line, name, k) ? line + k + 1 : NULL;
}

/* Reads one WARC header field into R->h. */
static void warc_field(warc_reader *R, const char *line, size_t n)
{
    const char *v, *end = line + n;
    warc_head *h = &R->h;
    if ((v = header_is(line, n, "WARC-Type")))
        header_value(v, end, h->type, sizeof h->type);
    else if ((v = header_is(line, n, "WARC-Target-URI"))) {
        header_value(v, end, h->uri, sizeof h->uri);
        size_t k = strlen(h->uri); /* WARC/1.0 wrote it in angle brackets */
        if (k >= 2 && h->uri[0] == '<' && h->uri[k - 1] == '>')
            memmove(h->uri, h->uri + 1, k - 2), h->uri[k - 2] = '\0';
    } else if ((v = header_is(line, n, "WARC-Date")))
        header_value(v, end, h->date, sizeof h->date);
    else if ((v = header_is(line, n, "Content-Type")))
        header_value(v, end, h->ctype, sizeof h->ctype);
    else if ((v = header_is(line, n, "WARC-Identified-Payload-Type")))
        header_value(v, end, h->payload_type, sizeof h->payload_type);
    else if ((v = header_is(line, n, "Content-Length"))) {
        char num[32];
        header_value(v, end, num, sizeof num);
        unsigned long long x = 0;
        int ok = num[0] != '\0';
        for (const char *p = num; *p && ok; p++)
            ok = *p >= '0' && *p <= '9' && x < (1ULL << 58), x = x * 10 + (unsigned)(*p - '0');
        h->has_length = ok, h->bad_length = !ok, h->length = x;
    }
}

/* Reads header lines up to the blank line, each handed to field (NULL:
 * the HTTP header's). budget caps the bytes; *used gets how many were
 * read. Returns 1; 0 with an error reported (a header too long, or cut by
 * the end of the member or input); -1 after a stream error (reported: the
 * stream has moved on to the next member, the record is abandoned). */
static int read_header(warc_reader *R, size_t budget, size_t *used, int http)
{
    *used = 0;
    for (;;) {
        const char *line;
        size_t max = budget - *used, n = ws_line(&R->ws, max, &line);
        if (!n) {
            if (R->ws.state == WS_ERROR || R->ws.state == WS_NOMEM)
                return stream_error(R, 1), -1;
            warc_error(R, "%s", R->ws.state == WS_DATA
                                    ? (http ? "HTTP header longer than the record or 64 KiB"
                                            : "WARC header over 64 KiB")
                                    : http ? "HTTP header cut short by the end of the record"
                                           : "WARC header cut short by the end of the input");
            return 0;
        }
        *used += n;
        if (n == 1 || (n == 2 && line[0] == '\r'))
            return 1;
        if (!http)
            warc_field(R, line, n);
        else {
            const char *v, *end = line + n;
            if ((v = header_is(line, n, "Content-Type")))
                header_value(v, end, R->http.ctype, sizeof R->http.ctype);
            else if ((v = header_is(line, n, "Content-Encoding")))
                header_value(v, end, R->http.encoding, sizeof R->http.encoding);
            else if ((v = header_is(line, n, "Transfer-Encoding"))) {
                char te[64];
                header_value(v, end, te, sizeof te);
                R->http.chunked = find_nocase(te, "chunked") != NULL;
            }
        }
    }
}

/* ---- Media types ---- */

/* Is the media type of a Content-Type value HTML? */
static int type_is_html(const char *ct)
{
    while (*ct == ' ')
        ct++;
    return !strncasecmp(ct, "text/html", 9) || !strncasecmp(ct, "application/xhtml+xml", 21);
}

/* Copies the charset parameter of a Content-Type value (token characters
 * only) into out; "" when there is none. */
static void type_charset(const char *ct, char out[40])
{
    out[0] = '\0';
    const char *p = find_nocase(ct, "charset=");
    if (!p)
        return;
    p += 8;
    if (*p == '"' || *p == '\'')
        p++;
    size_t k = 0;
    while (k < 39 && (isalnum((unsigned char)p[k]) || strchr("-_.:", p[k])))
        out[k] = p[k], k++;
    out[k] = '\0';
}

/* Do the next bytes of the block (at most n) start like an HTML page? */
static int sniff_html(warc_reader *R, unsigned long long n)
{
    size_t a = ws_fill(&R->ws, n < 512 ? (size_t)n : 512);
    const char *p = (const char *)R->ws.win + R->ws.pos, *e = p + (a < n ? a : n);
    if (e - p >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
        p += 3;
    while (p < e && isspace((unsigned char)*p))
        p++;
    return (e - p >= 14 && !strncasecmp(p, "<!doctype html", 14)) || (e - p >= 5 && !strncasecmp(p, "<html", 5));
}

/* ---- Blocks ---- */

/* Makes room for n bytes in *b (capacity *cap). Returns 0, or -1. */
static int room_for(char **b, size_t *cap, size_t n)
{
    if (n + 1 <= *cap)
        return 0;
    char *p = xrealloc(*b, n + 1);
    if (!p)
        return -1;
    *b = p, *cap = n + 1;
    return 0;
}

/* Reads (dst) or drops (dst NULL) n bytes of the block. Where a gzip
 * member ends first, a record that began its own member and is followed
 * by a member starting "WARC/" is too short: its Content-Length is wrong
 * (the next record is kept); otherwise the block goes on in the next
 * member. Returns 1 when all n bytes were read; 0 with an error reported
 * (the stream then stands where reading can go on, or at its end). */
static int block_read(warc_reader *R, char *dst, unsigned long long n)
{
    unsigned long long done = 0;
    for (;;) {
        done += ws_read(&R->ws, dst ? dst + done : NULL, n - done);
        if (done == n)
            return 1;
        switch (R->ws.state) {
        case WS_MEMBER_END:
            ws_next_member(&R->ws);
            if (R->own_member && ws_fill(&R->ws, 5) >= 5 && !memcmp(R->ws.win + R->ws.pos, "WARC/", 5)) {
                warc_error(R, "Content-Length %llu runs past the end of its gzip member: wrong length",
                           R->h.length);
                return 0;
            }
            continue;
        case WS_EOF:
            warc_error(R, "the input ends inside the record (%llu of the %llu bytes of its block "
                          "left to read)", n - done, R->h.length);
            return 0;
        default:
            stream_error(R, 1);
            return 0;
        }
    }
}

/* After the block: the blank lines that end a record, then the end of the
 * member or input, or the next record. Returns 1 when so, or when the
 * record ends with its proper "\r\n\r\n" (what follows is then the next
 * record's problem: a wrong length rarely lands right before one); else
 * reports the wrong length and drops bytes up to the next record (0). */
static int block_end(warc_reader *R)
{
    wstream *ws = &R->ws;
    char ends[4];
    size_t k = 0;
    for (;;) {
        size_t a = ws_fill(ws, 5);
        if (!a) {
            if (ws->state == WS_MEMBER_END || ws->state == WS_EOF)
                return 1;
            stream_error(R, 1);
            return 0;
        }
        unsigned char c = ws->win[ws->pos];
        if (c == '\r' || c == '\n') {
            if (k < 4)
                ends[k] = (char)c;
            k++;
            ws_consume(ws, 1);
            continue;
        }
        if ((a >= 5 && !memcmp(ws->win + ws->pos, "WARC/", 5)) || (k == 4 && !memcmp(ends, "\r\n\r\n", 4)) ||
            (k == 2 && !memcmp(ends, "\n\n", 2)))
            return 1;
        char shown[48];
        show_bytes(shown, (const char *)ws->win + ws->pos, a);
        warc_error(R, "Content-Length %llu does not end the record (\"%s\" follows at %sbyte %lld): "
                      "wrong length; skipped to the next record",
                   R->h.length, shown, ws->gz ? "uncompressed " : "", ws_tell(ws));
        if (!ws_seek_record(ws, 0) && ws->state == WS_ERROR)
            stream_error(R, 0);
        return 0;
    }
}

/* Undoes chunked transfer coding in place in b[0..*n). Returns 0, or -1
 * when the chunks do not add up. */
static int dechunk(char *b, size_t *n)
{
    size_t r = 0, w = 0;
    for (;;) {
        unsigned long long size = 0;
        int digits = 0;
        while (r < *n && isxdigit((unsigned char)b[r]) && size < (1ULL << 40))
            size = size * 16 + (unsigned)(isdigit((unsigned char)b[r]) ? b[r] - '0' : (b[r] | 0x20) - 'a' + 10),
            r++, digits++;
        const char *nl = memchr(b + r, '\n', *n - r);
        if (!digits || !nl)
            return -1;
        r = (size_t)(nl - b) + 1;
        if (!size)
            break;
        if (size > *n - r)
            return -1;
        memmove(b + w, b + r, (size_t)size);
        w += (size_t)size, r += (size_t)size;
        if (r < *n && b[r] == '\r')
            r++;
        if (r < *n && b[r] == '\n')
            r++;
    }
    *n = w;
    b[w] = '\0';
    return 0;
}

/* Inflates in[0..n) (gzip or zlib, else raw deflate) into R->dec, at most
 * cap bytes. Returns the length, or -1 (corrupt, over the cap: *why) or
 * -2 when out of memory. */
static long long inflate_body(warc_reader *R, const char *in, size_t n, size_t cap, const char **why)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, attempt ? -15 : 15 + 32) != Z_OK)
            return -2;
        z.next_in = (unsigned char *)(uintptr_t)in, z.avail_in = (uInt)n;
        size_t out = 0;
        int zr = Z_OK;
        while (zr == Z_OK) {
            if (out == cap) {
                *why = "over the cap once decoded";
                inflateEnd(&z);
                return -1;
            }
            size_t want = out + ((size_t)1 << 20) < cap ? out + ((size_t)1 << 20) : cap;
            if (room_for(&R->dec, &R->dec_cap, want)) {
                inflateEnd(&z);
                return -2;
            }
            z.next_out = (unsigned char *)R->dec + out, z.avail_out = (uInt)(want - out);
            zr = inflate(&z, Z_NO_FLUSH);
            out = want - z.avail_out;
            if (zr == Z_BUF_ERROR && z.avail_out)
                break;
            if (zr == Z_BUF_ERROR)
                zr = Z_OK;
        }
        inflateEnd(&z);
        if (zr == Z_STREAM_END || (attempt && zr == Z_BUF_ERROR && out)) {
            R->dec[out] = '\0';
            return (long long)out;
        }
    }
    *why = "corrupt compressed body";
    return -1;
}

/* Undoes the transfer and content codings of the body b[0..*n). Returns
 * the bytes to hand over (b, or R->dec), or NULL with an error reported. */
static const char *body_decode(warc_reader *R, char *b, size_t *n)
{
    if (R->http.chunked && dechunk(b, n)) {
        warc_error(R, "bad chunked transfer coding: skipped");
        return NULL;
    }
    const char *e = R->http.encoding;
    if (!e[0] || !strcasecmp(e, "identity"))
        return b;
    if (strcasecmp(e, "gzip") && strcasecmp(e, "x-gzip") && strcasecmp(e, "deflate")) {
        warc_error(R, "content encoding \"%.40s\" is not read: skipped", e);
        return NULL;
    }
    const char *why = NULL;
    long long got = inflate_body(R, b, *n, R->max_body, &why);
    if (got == -2) {
        R->nomem = 1;
        return NULL;
    }
    if (got < 0) {
        warc_error(R, "%s body: %s: skipped", e, why);
        return NULL;
    }
    *n = (size_t)got;
    return R->dec;
}

/* ---- Records ---- */

/* Makes the body b[0..n) of the record the article warc_next hands out. */
static void emit(warc_reader *R, const char *b, size_t n)
{
    type_charset(R->http.ctype, R->rec_charset);
    ingest_record *r = &R->rec;
    memset(r, 0, sizeof *r);
    record_utf8_clean(R->h.uri, strlen(R->h.uri)); /* an address is ASCII; stray bytes become '?' */
    r->url = R->h.uri[0] ? R->h.uri : NULL;
    r->date = record_date_norm(R->h.date, strlen(R->h.date), R->rec_date) ? R->rec_date : NULL;
    r->body = b, r->body_len = n, r->is_html = 1;
    r->charset = R->rec_charset[0] ? R->rec_charset : NULL;
    r->number = R->number, r->offset = R->offset;
    R->st->articles++;
    R->has_rec = 1;
}

/* The block of a response record: its HTTP header, then its body, read
 * into memory when it is an HTML page with status 200 under the cap. Sets
 * *keep (the body to hand over once the record's end is checked) and
 * *skip (the stats counter of a skipped record). Returns 1 when the block
 * was read to its end, 0 after an error (reported). */
static int response_block(warc_reader *R, long **skip, const char **keep, size_t *keep_len)
{
    unsigned long long left = R->h.length;
    if (strncasecmp(R->h.ctype, "application/http", 16)) {
        *skip = &R->st->skipped_mime; /* dns:, a response that is not HTTP */
        return block_read(R, NULL, left);
    }
    size_t used, budget = left < WARC_MAX_HEADER ? (size_t)left : WARC_MAX_HEADER;
    const char *line;
    size_t n = ws_line(&R->ws, budget, &line);
    if (!n || n < 12 || strncmp(line, "HTTP/", 5)) {
        char shown[48];
        show_bytes(shown, n ? line : "", n);
        warc_error(R, "response without an HTTP status line (\"%s\")", shown);
        return block_read(R, NULL, left - n), 0;
    }
    const char *sp = memchr(line, ' ', n);
    R->http.status = sp && sp + 4 <= line + n && isdigit((unsigned char)sp[1]) && isdigit((unsigned char)sp[2]) &&
                             isdigit((unsigned char)sp[3])
                         ? (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0')
                         : 0;
    int got = read_header(R, budget - n, &used, 1);
    if (got <= 0)
        return got ? 0 : (block_read(R, NULL, left - n - used), 0);
    left -= n + used;
    if (R->http.status != 200) {
        *skip = &R->st->skipped_status;
        return block_read(R, NULL, left);
    }
    const char *ct = R->http.ctype[0] ? R->http.ctype : R->h.payload_type;
    if (ct[0] ? !type_is_html(ct) : !sniff_html(R, left)) {
        *skip = &R->st->skipped_mime;
        return block_read(R, NULL, left);
    }
    if (left > R->max_body) {
        warc_error(R, "HTTP body of %llu bytes over the cap of %zu: skipped", left, R->max_body);
        block_read(R, NULL, left);
        return 0;
    }
    if (room_for(&R->body, &R->body_cap, (size_t)left)) {
        R->nomem = 1;
        return 0;
    }
    if (!block_read(R, R->body, left))
        return 0;
    size_t len = (size_t)left;
    R->body[len] = '\0';
    *keep = body_decode(R, R->body, &len);
    *keep_len = len;
    if (!*keep && !R->nomem) {
        block_end(R);
        return 0;
    }
    return 1;
}

/* Reads one record from its "WARC/" line to its end. */
static void warc_record(warc_reader *R)
{
    wstream *ws = &R->ws;
    R->number++;
    R->st->records++;
    R->rec_failed = 0;
    R->uoffset = ws_tell(ws);
    R->own_member = ws->gz && R->uoffset - ws->member_out <= 4;
    R->offset = ws->gz ? ws->member_start : R->uoffset;
    memset(&R->h, 0, sizeof R->h);
    memset(&R->http, 0, sizeof R->http);
    const char *line;
    size_t n = ws_line(ws, 64, &line), used;
    if (!n || strncmp(line, "WARC/", 5)) {
        char shown[48];
        if (!n && ws->state == WS_ERROR) {
            stream_error(R, 1);
            return;
        }
        show_bytes(shown, n ? line : (const char *)ws->win + ws->pos, n ? n : ws_avail(ws));
        if (R->number == 1) {
            R->not_warc = 1;
            R->number = 0;
            R->st->records = 0;
            input_error(R, 0, "not a WARC file: it starts with \"%s\"%s", shown,
                        ws->gz ? " (once decompressed)" : "");
            return;
        }
        warc_error(R, "not a WARC record header (\"%s\"): skipped to the next record", shown);
        if (!n)
            ws_consume(ws, ws_avail(ws) < 64 ? ws_avail(ws) : 64);
        if (!ws_seek_record(ws, n > 0) && ws->state == WS_ERROR)
            stream_error(R, 0);
        return;
    }
    int whole = read_header(R, WARC_MAX_HEADER, &used, 0);
    if (whole < 0)
        return;
    if (!whole || !R->h.has_length) {
        if (whole)
            warc_error(R, R->h.bad_length ? "Content-Length is not a number: skipped to the next record"
                                          : "no Content-Length: skipped to the next record");
        if (!ws_seek_record(ws, whole) && ws->state == WS_ERROR)
            stream_error(R, 0);
        return;
    }
    long *skip = NULL;
    const char *keep = NULL;
    size_t keep_len = 0;
    if (!strcasecmp(R->h.type, "response")) {
        if (!response_block(R, &skip, &keep, &keep_len))
            return;
    } else {
        skip = !strcasecmp(R->h.type, "revisit") ? &R->st->skipped_revisit : &R->st->skipped_type;
        if (!block_read(R, NULL, R->h.length))
            return;
    }
    if (R->nomem || !block_end(R))
        return;
    if (keep)
        emit(R, keep, keep_len);
    else if (skip)
        ++*skip;
}

/* Skips the blank lines between records and crosses member ends. Returns
 * 1 at the start of the next record, 0 at the end (or a fatal error). */
static int next_record(warc_reader *R)
{
    wstream *ws = &R->ws;
    for (;;) {
        if (ws_fill(ws, 1)) {
            unsigned char c = ws->win[ws->pos];
            if (c != '\r' && c != '\n')
                return 1;
            ws_consume(ws, 1);
            continue;
        }
        if (ws->state == WS_MEMBER_END)
            ws_next_member(ws);
        else if (ws->state == WS_EOF)
            return 0;
        else if (!stream_error(R, 0))
            return 0;
    }
}

/* Frees the body buffers when a large record left them large. */
static void buffers_trim(warc_reader *R)
{
    if (R->body_cap > WARC_KEEP_BUFFER)
        xfree(R->body), R->body = NULL, R->body_cap = 0;
    if (R->dec_cap > WARC_KEEP_BUFFER)
        xfree(R->dec), R->dec = NULL, R->dec_cap = 0;
}

int warc_open(warc_reader **out, warc_read_fn read, void *src, const char *head, size_t n,
              size_t max_body)
{
    *out = NULL;
    warc_reader *R = xcalloc(1, sizeof *R);
    if (!R)
        return NF_ENOMEM;
    R->st = &R->stats;
    R->max_body = max_body ? max_body : WARC_MAX_BODY_BYTES;
    int opened = ws_open(&R->ws, read, src, head, n);
    if (opened) {
        xfree(R);
        return opened == -2 ? NF_EINVAL : NF_ENOMEM;
    }
    *out = R;
    return NF_OK;
}

/* The end of the input: what the reading comes to (an input without a
 * single record says so through an error). */
static void warc_end(warc_reader *R)
{
    int rc = R->nomem ? NF_ENOMEM : R->ws.read_errno ? NF_EIO : R->not_warc ? NF_EDATA : NF_OK;
    if (rc == NF_OK && !R->st->records && !R->st->errors) {
        input_error(R, 0, "%s", R->ws.bytes_in ? "no WARC record in the input" : "empty WARC file");
        rc = NF_EEMPTY;
    }
    R->status = rc;
    R->ended = 1;
}

int warc_next(warc_reader *R, warc_item *it)
{
    memset(it, 0, sizeof *it);
    for (;;) {
        if (R->err_head < R->err_end) {
            const warc_error_item *e = &R->errs[R->err_head++];
            it->kind = WARC_ERROR;
            it->number = e->number, it->offset = e->offset, it->message = e->msg;
            return WARC_ERROR;
        }
        if (R->has_rec) {
            R->has_rec = 0;
            it->kind = WARC_RECORD;
            it->rec = R->rec;
            it->number = R->rec.number, it->offset = R->rec.offset;
            return WARC_RECORD;
        }
        if (R->ended)
            return WARC_END;
        buffers_trim(R); /* the article handed out last is no longer needed */
        if (R->nomem || R->not_warc || !next_record(R))
            warc_end(R);
        else
            warc_record(R);
    }
}

int warc_close(warc_reader *R, warc_stats *stats)
{
    if (!R)
        return NF_EINVAL;
    int rc = R->ended ? R->status : R->nomem ? NF_ENOMEM : NF_OK;
    R->st->bytes_in = R->ws.bytes_in;
    R->st->bytes_out = ws_tell(&R->ws);
    R->st->members = R->ws.members;
    R->st->gzip = R->ws.gz;
    if (stats)
        *stats = *R->st;
    xfree(R->body);
    xfree(R->dec);
    xfree(R->errs);
    ws_close(&R->ws);
    xfree(R);
    return rc;
}

int warc_read(warc_read_fn read, void *src, const char *head, size_t n, size_t max_body,
              ingest_record_fn on_record, ingest_record_error_fn on_error, void *arg,
              warc_stats *stats)
{
    warc_reader *R;
    int rc = warc_open(&R, read, src, head, n, max_body);
    if (rc) {
        if (stats)
            memset(stats, 0, sizeof *stats);
        return rc;
    }
    warc_item it;
    int stop = 0;
    while (!stop && warc_next(R, &it) != WARC_END) {
        if (it.kind == WARC_RECORD)
            stop = on_record ? on_record(&it.rec, arg) : 0;
        else
            stop = on_error ? on_error(it.number, it.offset, it.message, arg) : 0;
    }
    rc = warc_close(R, stats);
    return stop ? stop : rc;
}

/* ---- Sources ---- */

typedef struct mem_src {
    const char *data;
    size_t len, pos;
} mem_src;

static long mem_read(void *src, char *buf, size_t n)
{
    mem_src *m = src;
    size_t k = m->len - m->pos < n ? m->len - m->pos : n;
    memcpy(buf, m->data + m->pos, k);
    m->pos += k;
    return (long)k;
}

int warc_read_mem(const char *data, size_t len, size_t max_body, ingest_record_fn on_record,
                  ingest_record_error_fn on_error, void *arg, warc_stats *stats)
{
    mem_src m = {data ? data : "", data ? len : 0, 0};
    return warc_read(mem_read, &m, NULL, 0, max_body, on_record, on_error, arg, stats);
}

static long fd_read(void *src, char *buf, size_t n)
{
    ssize_t got;
    do
        got = read(*(int *)src, buf, n);
    while (got < 0 && errno == EINTR);
    return (long)got;
}

int warc_read_fd(int fd, size_t max_body, ingest_record_fn on_record,
                 ingest_record_error_fn on_error, void *arg, warc_stats *stats)
{
    return warc_read(fd_read, &fd, NULL, 0, max_body, on_record, on_error, arg, stats);
}

int warc_sniff(const char *head, size_t n)
{
    const unsigned char *u = (const unsigned char *)head;
    if (!head)
        return 0;
    if (n >= 2 && u[0] == 0x1f && u[1] == 0x8b) {
        unsigned char out[16];
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, 15 + 16) != Z_OK)
            return 0;
        z.next_in = (unsigned char *)(uintptr_t)head, z.avail_in = (uInt)(n < (1u << 20) ? n : 1u << 20);
        z.next_out = out, z.avail_out = sizeof out;
        inflate(&z, Z_NO_FLUSH);
        size_t got = sizeof out - z.avail_out;
        inflateEnd(&z);
        return got >= 7 && !memcmp(out, "WARC/1.", 7);
    }
    size_t i = 0;
    while (i < n && (head[i] == '\r' || head[i] == '\n'))
        i++;
    return n - i >= 7 && !memcmp(head + i, "WARC/1.", 7);
}
