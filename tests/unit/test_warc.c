/* WARC files (src/ingest/warc.c, warc_stream.c), built here record by
 * record about invented events: plain, gzip per record and whole-file
 * gzip; what is kept and what is skipped and counted; wrong lengths, bad
 * headers, truncated and corrupt gzip, bodies over the cap, input that is
 * not a WARC file; a file larger than the stream's window read through a
 * file descriptor; the pull reader (warc_open/warc_next) item by item. */
#include "test.h"
#include "core/buf.h"
#include "ingest/warc.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* ---- Building WARC files ---- */

/* An HTTP response: status line, headers (extra may add some), body. */
static void http_response(buf *b, int status, const char *ctype, const char *extra, const char *body,
                          size_t body_len)
{
    buf_printf(b, "HTTP/1.1 %d %s\r\n", status, status == 200 ? "OK" : "Not Found");
    if (ctype)
        buf_printf(b, "Content-Type: %s\r\n", ctype);
    buf_printf(b, "Server: invented/1.0\r\n%s\r\n", extra ? extra : "");
    buf_append(b, body, body_len);
}

/* One WARC record; length < 0: the block's true length, else this one. */
static void warc_record_add(buf *w, const char *type, const char *uri, const char *ctype,
                            const char *block, size_t block_len, long length)
{
    static int id;
    buf_printf(w, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
    if (uri)
        buf_printf(w, "WARC-Target-URI: %s\r\n", uri);
    buf_printf(w, "WARC-Date: 2031-04-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n",
               id);
    id++;
    if (ctype)
        buf_printf(w, "Content-Type: %s\r\n", ctype);
    buf_printf(w, "Content-Length: %ld\r\n\r\n", length < 0 ? (long)block_len : length);
    buf_append(w, block, block_len);
    buf_append(w, "\r\n\r\n", 4);
}

/* A response record for uri with an HTTP status, type and body. */
static void add_response(buf *w, const char *uri, int status, const char *ctype, const char *body, long length)
{
    buf h = {0};
    http_response(&h, status, ctype, NULL, body, strlen(body));
    warc_record_add(w, "response", uri, "application/http; msgtype=response", h.data, h.len, length);
    buf_free(&h);
}

/* Appends data[0..n) as one gzip member. */
static void gzip_member(buf *out, const char *data, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&z, (uLong)n);
    unsigned char *o = malloc(cap);
    z.next_in = (unsigned char *)data, z.avail_in = (uInt)n;
    z.next_out = o, z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    buf_append(out, (const char *)o, cap - z.avail_out);
    deflateEnd(&z);
    free(o);
}

static const char PAGE1[] =
    "<!DOCTYPE html><html><head><title>Dam at Orlen holds after record rain</title></head><body>"
    "<p>The dam at Orlen held on Sunday after the heaviest rain in forty years.</p></body></html>";
static const char PAGE2[] =
    "<html><body><p>Villagers below the dam at Orlen returned home on Monday.</p></body></html>";

/* The test archive's records, one string each (so they can be gzipped one
 * by one): warcinfo, request, 200 HTML, 404, 200 PNG, metadata, revisit,
 * 200 XHTML with a charset. */
static int archive_records(buf rec[8])
{
    memset(rec, 0, 8 * sizeof *rec);
    warc_record_add(&rec[0], "warcinfo", NULL, "application/warc-fields", "software: invented\r\n", 20, -1);
    warc_record_add(&rec[1], "request", "https://orlen.example/dam", "application/http; msgtype=request",
                    "GET /dam HTTP/1.1\r\nHost: orlen.example\r\n\r\n", 41, -1);
    add_response(&rec[2], "https://orlen.example/dam", 200, "text/html", PAGE1, -1);
    add_response(&rec[3], "https://orlen.example/missing", 404, "text/html", "<p>Not here</p>", -1);
    add_response(&rec[4], "https://orlen.example/dam.png", 200, "image/png", "\x89PNG....", -1);
    warc_record_add(&rec[5], "metadata", "https://orlen.example/dam", "application/warc-fields",
                    "fetchTimeMs: 120\r\n", 18, -1);
    warc_record_add(&rec[6], "revisit", "https://orlen.example/dam", "application/http; msgtype=response",
                    "HTTP/1.1 200 OK\r\n\r\n", 19, -1);
    add_response(&rec[7], "https://orlen.example/villagers", 200, "application/xhtml+xml; charset=\"ISO-8859-1\"",
                 PAGE2, -1);
    return 8;
}

/* ---- Reading ---- */

typedef struct seen {
    int n, nerr;
    char url[8][120], date[8][40], charset[8][40], body[8][400];
    long number[8];
    long long offset[8];
    long err_no[8];
    long long err_off[8];
    char err[8][600];
    int stop_at;
} seen;

static int on_rec(const ingest_record *r, void *arg)
{
    seen *s = arg;
    if (s->n < 8) {
        snprintf(s->url[s->n], sizeof s->url[0], "%s", r->url ? r->url : "(null)");
        snprintf(s->date[s->n], sizeof s->date[0], "%s", r->date ? r->date : "(null)");
        snprintf(s->charset[s->n], sizeof s->charset[0], "%s", r->charset ? r->charset : "(null)");
        snprintf(s->body[s->n], sizeof s->body[0], "%.*s", (int)r->body_len, r->body);
        s->number[s->n] = r->number;
        s->offset[s->n] = r->offset;
    }
    s->n++;
    return s->stop_at && s->n == s->stop_at ? 9 : 0;
}

static int on_err(long number, long long offset, const char *msg, void *arg)
{
    seen *s = arg;
    if (s->nerr < 8) {
        s->err_no[s->nerr] = number;
        s->err_off[s->nerr] = offset;
        snprintf(s->err[s->nerr], sizeof s->err[0], "%s", msg);
    }
    s->nerr++;
    return 0;
}

static void dump(const seen *s);

static int read_buf(const buf *w, size_t max_body, seen *s, warc_stats *st)
{
    memset(s, 0, sizeof *s);
    int rc = warc_read_mem(w->data, w->len, max_body, on_rec, on_err, s, st);
    dump(s);
    return rc;
}

/* The two pages of the archive came out, the rest was counted. */
static void check_archive(const seen *s, const warc_stats *st)
{
    CHECK(s->n == 2 && s->nerr == 0);
    CHECK(st->records == 8 && st->articles == 2 && st->errors == 0);
    CHECK(st->skipped_type == 3 && st->skipped_revisit == 1 && st->skipped_status == 1 &&
          st->skipped_mime == 1);
    CHECK_STR(s->url[0], "https://orlen.example/dam");
    CHECK_STR(s->body[0], PAGE1);
    CHECK_STR(s->date[0], "2031-04-03T10:00:00Z");
    CHECK_STR(s->charset[0], "(null)");
    CHECK(s->number[0] == 3 && s->number[1] == 8);
    CHECK_STR(s->url[1], "https://orlen.example/villagers");
    CHECK_STR(s->charset[1], "ISO-8859-1");
    CHECK_STR(s->body[1], PAGE2);
}

TEST(plain_archive)
{
    buf rec[8], w = {0};
    archive_records(rec);
    size_t off[8];
    for (int i = 0; i < 8; i++)
        off[i] = w.len, buf_append(&w, rec[i].data, rec[i].len), buf_free(&rec[i]);
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    check_archive(&s, &st);
    CHECK(s.offset[0] == (long long)off[2] && s.offset[1] == (long long)off[7]);
    CHECK(!st.gzip && st.members == 0 && st.bytes_in == (long long)w.len);
    buf_free(&w);
}

TEST(gzip_per_record)
{
    buf rec[8], w = {0};
    archive_records(rec);
    size_t off[8];
    for (int i = 0; i < 8; i++)
        off[i] = w.len, gzip_member(&w, rec[i].data, rec[i].len), buf_free(&rec[i]);
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    check_archive(&s, &st);
    CHECK(s.offset[0] == (long long)off[2] && s.offset[1] == (long long)off[7]); /* member offsets */
    CHECK(st.gzip && st.members == 8);
    buf_free(&w);
}

TEST(gzip_whole_file)
{
    buf rec[8], all = {0}, w = {0};
    archive_records(rec);
    for (int i = 0; i < 8; i++)
        buf_append(&all, rec[i].data, rec[i].len), buf_free(&rec[i]);
    gzip_member(&w, all.data, all.len);
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    check_archive(&s, &st);
    CHECK(s.offset[0] == 0 && st.members == 1 && st.bytes_out == (long long)all.len);
    buf_free(&all);
    buf_free(&w);
}

/* Three gzip members: a page, a record whose Content-Length is 40 bytes
 * too long, a page. */
TEST(wrong_length_gzip)
{
    buf a = {0}, b = {0}, c = {0}, w = {0};
    add_response(&a, "https://orlen.example/1", 200, "text/html", PAGE1, -1);
    buf h = {0};
    http_response(&h, 200, "text/html", NULL, PAGE2, strlen(PAGE2));
    warc_record_add(&b, "response", "https://orlen.example/2", "application/http; msgtype=response", h.data,
                    h.len, (long)h.len + 40);
    add_response(&c, "https://orlen.example/3", 200, "text/html", PAGE2, -1);
    gzip_member(&w, a.data, a.len);
    size_t off2 = w.len;
    gzip_member(&w, b.data, b.len);
    gzip_member(&w, c.data, c.len);
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    CHECK(s.n == 2 && st.articles == 2 && st.errors == 1 && st.records == 3);
    CHECK_STR(s.url[1], "https://orlen.example/3");
    CHECK(s.nerr == 1 && s.err_no[0] == 2 && s.err_off[0] == (long long)off2);
    char want[80];
    snprintf(want, sizeof want, "record 2 (byte %zu): Content-Length", off2);
    CHECK(strstr(s.err[0], want) && strstr(s.err[0], "wrong length"));
    buf_free(&a), buf_free(&b), buf_free(&c), buf_free(&w), buf_free(&h);
}

/* Plain: a Content-Length too short, then one too long (which eats the
 * start of the next record: that one is lost), then a page. */
TEST(wrong_length_plain)
{
    buf w = {0}, h = {0};
    add_response(&w, "https://orlen.example/1", 200, "text/html", PAGE1, -1);
    http_response(&h, 200, "text/html", NULL, PAGE2, strlen(PAGE2));
    size_t off2 = w.len;
    warc_record_add(&w, "response", "https://orlen.example/2", "application/http; msgtype=response", h.data,
                    h.len, (long)h.len - 30);
    add_response(&w, "https://orlen.example/3", 200, "text/html", PAGE1, -1);
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    CHECK(s.n == 2 && st.errors == 1);
    CHECK_STR(s.url[1], "https://orlen.example/3");
    char want[80];
    snprintf(want, sizeof want, "record 2 (byte %zu): Content-Length %zu does not end the record", off2,
             h.len - 30);
    CHECK(s.nerr == 1 && strstr(s.err[0], want));
    /* too long by 60: runs into record 4, which is lost; record 5 is read */
    buf_free(&w);
    add_response(&w, "https://orlen.example/1", 200, "text/html", PAGE1, -1);
    warc_record_add(&w, "response", "https://orlen.example/2", "application/http; msgtype=response", h.data,
                    h.len, (long)h.len + 60);
    add_response(&w, "https://orlen.example/4", 200, "text/html", PAGE1, -1);
    add_response(&w, "https://orlen.example/5", 200, "text/html", PAGE2, -1);
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    CHECK(s.n == 2 && st.errors == 1 && s.nerr == 1);
    CHECK_STR(s.url[1], "https://orlen.example/5");
    CHECK(strstr(s.err[0], "record 2 (byte ") && strstr(s.err[0], "wrong length"));
    buf_free(&w), buf_free(&h);
}

TEST(truncated_gzip)
{
    buf a = {0}, b = {0}, w = {0};
    add_response(&a, "https://orlen.example/1", 200, "text/html", PAGE1, -1);
    add_response(&b, "https://orlen.example/2", 200, "text/html", PAGE2, -1);
    gzip_member(&w, a.data, a.len);
    size_t off2 = w.len;
    gzip_member(&w, b.data, b.len);
    w.len -= 25; /* the second member cut short */
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    CHECK(s.n == 1 && st.errors == 1 && s.nerr == 1);
    char want[120];
    snprintf(want, sizeof want, "truncated gzip: the file ends inside the member at byte %zu", off2);
    CHECK(strstr(s.err[0], want) != NULL);
    CHECK(s.err_no[0] == 2);
    buf_free(&a), buf_free(&b), buf_free(&w);
}

TEST(corrupt_gzip_member_resyncs)
{
    buf a = {0}, b = {0}, c = {0}, w = {0};
    add_response(&a, "https://orlen.example/1", 200, "text/html", PAGE1, -1);
    add_response(&b, "https://orlen.example/2", 200, "text/html", PAGE2, -1);
    add_response(&c, "https://orlen.example/3", 200, "text/html", PAGE1, -1);
    gzip_member(&w, a.data, a.len);
    size_t off2 = w.len;
    gzip_member(&w, b.data, b.len);
    for (size_t i = off2 + 20; i < off2 + 60; i++)
        w.data[i] = (char)0xff; /* garbage in the deflate data */
    gzip_member(&w, c.data, c.len);
    buf_append(&w, "trailing junk", 13);
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    CHECK(s.n == 2);
    CHECK_STR(s.url[1], "https://orlen.example/3");
    CHECK(s.nerr == 2 && st.errors == 2);
    char want[120];
    snprintf(want, sizeof want, "corrupt gzip data in the member at byte %zu", off2);
    CHECK(strstr(s.err[0], want) != NULL);
    CHECK(strstr(s.err[1], "after record 2: bytes that are not gzip data at byte") != NULL);
    buf_free(&a), buf_free(&b), buf_free(&c), buf_free(&w);
}

TEST(body_over_the_cap)
{
    buf w = {0};
    add_response(&w, "https://orlen.example/1", 200, "text/html", PAGE1, -1);
    add_response(&w, "https://orlen.example/2", 200, "text/html", PAGE2, -1);
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 100, &s, &st) == NF_OK); /* PAGE1 is over 100 bytes, PAGE2 not */
    CHECK(s.n == 1 && st.errors == 1);
    CHECK_STR(s.url[0], "https://orlen.example/2");
    char want[80];
    snprintf(want, sizeof want, "record 1 (byte 0): HTTP body of %zu bytes over the cap of 100", strlen(PAGE1));
    CHECK(s.nerr == 1 && strstr(s.err[0], want));
    buf_free(&w);
}

TEST(bad_headers)
{
    buf w = {0};
    add_response(&w, "https://orlen.example/1", 200, "text/html", PAGE1, -1);
    size_t off2 = w.len;
    buf_puts(&w, "garbage line\r\nmore garbage\r\n");
    add_response(&w, "https://orlen.example/3", 200, "text/html", PAGE2, -1);
    size_t off4 = w.len;
    buf_puts(&w, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nbody\r\n\r\n");
    add_response(&w, "https://orlen.example/5", 200, "text/html", PAGE2, -1);
    buf_puts(&w, "WARC/1.0\r\nWARC-Type: resource\r\n\r\n");
    add_response(&w, "https://orlen.example/7", 200, "text/html", PAGE2, -1);
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    CHECK(s.n == 4 && st.errors == 3 && s.nerr == 3);
    CHECK_STR(s.url[1], "https://orlen.example/3");
    CHECK_STR(s.url[2], "https://orlen.example/5");
    CHECK_STR(s.url[3], "https://orlen.example/7");
    char want[80];
    snprintf(want, sizeof want, "record 2 (byte %zu): not a WARC record header (\"garbage line\")", off2);
    CHECK(strstr(s.err[0], want) != NULL);
    snprintf(want, sizeof want, "record 4 (byte %zu): Content-Length is not a number", off4);
    CHECK(strstr(s.err[1], want) != NULL);
    CHECK(strstr(s.err[2], "record 6 (byte ") && strstr(s.err[2], "no Content-Length"));
    buf_free(&w);
}

TEST(not_a_warc)
{
    seen s;
    memset(&s, 0, sizeof s);
    CHECK(warc_read_mem("", 0, 0, on_rec, on_err, &s, NULL) == NF_EEMPTY);
    CHECK(s.nerr == 1 && strstr(s.err[0], "empty WARC file"));
    memset(&s, 0, sizeof s);
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    CHECK(warc_read_mem(png, sizeof png - 1, 0, on_rec, on_err, &s, NULL) == NF_EDATA);
    CHECK(s.nerr == 1 && s.err_no[0] == 0 && strstr(s.err[0], "not a WARC file: it starts with \"?PNG\""));
    memset(&s, 0, sizeof s);
    const char *html = "<html><body>A page</body></html>";
    CHECK(warc_read_mem(html, strlen(html), 0, on_rec, on_err, &s, NULL) == NF_EDATA);
    buf w = {0};
    gzip_member(&w, html, strlen(html));
    memset(&s, 0, sizeof s);
    CHECK(warc_read_mem(w.data, w.len, 0, on_rec, on_err, &s, NULL) == NF_EDATA);
    CHECK(s.nerr == 1 && strstr(s.err[0], "(once decompressed)"));
    buf_free(&w);
}

TEST(http_codings_undone)
{
    buf w = {0}, h = {0}, z = {0};
    /* chunked */
    buf_puts(&h, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n");
    buf_printf(&h, "%zx\r\n%.*s\r\n%zx\r\n%s\r\n0\r\n\r\n", (size_t)20, 20, PAGE2, strlen(PAGE2) - 20, PAGE2 + 20);
    warc_record_add(&w, "response", "https://orlen.example/chunked", "application/http; msgtype=response",
                    h.data, h.len, -1);
    /* gzip content encoding */
    buf_free(&h);
    gzip_member(&z, PAGE1, strlen(PAGE1));
    buf_puts(&h, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n");
    buf_append(&h, z.data, z.len);
    warc_record_add(&w, "response", "https://orlen.example/gz", "application/http; msgtype=response", h.data,
                    h.len, -1);
    /* brotli: not read */
    buf_free(&h);
    buf_puts(&h, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n\x0b\x02\x80");
    warc_record_add(&w, "response", "https://orlen.example/br", "application/http; msgtype=response", h.data,
                    h.len, -1);
    /* no Content-Type: the bytes look like a page */
    add_response(&w, "https://orlen.example/sniffed", 200, NULL, PAGE1, -1);
    seen s;
    warc_stats st;
    CHECK(read_buf(&w, 0, &s, &st) == NF_OK);
    CHECK(s.n == 3 && st.errors == 1);
    CHECK_STR(s.body[0], PAGE2);
    CHECK_STR(s.charset[0], "utf-8");
    CHECK_STR(s.body[1], PAGE1);
    CHECK_STR(s.url[2], "https://orlen.example/sniffed");
    CHECK(s.nerr == 1 && strstr(s.err[0], "record 3 (byte") && strstr(s.err[0], "content encoding \"br\""));
    buf_free(&w), buf_free(&h), buf_free(&z);
}

TEST(stop_and_sniff)
{
    buf rec[8], w = {0}, g = {0};
    archive_records(rec);
    for (int i = 0; i < 8; i++)
        buf_append(&w, rec[i].data, rec[i].len), gzip_member(&g, rec[i].data, rec[i].len), buf_free(&rec[i]);
    seen s;
    memset(&s, 0, sizeof s);
    s.stop_at = 1;
    CHECK(warc_read_mem(w.data, w.len, 0, on_rec, on_err, &s, NULL) == 9);
    CHECK(s.n == 1);
    CHECK(warc_sniff(w.data, 512) == 1);
    CHECK(warc_sniff(g.data, 64) == 1);
    CHECK(warc_sniff("\r\nWARC/1.0\r\n", 12) == 1);
    CHECK(warc_sniff("WARC", 4) == 0);
    CHECK(warc_sniff("<html>", 6) == 0);
    buf_free(&w), buf_free(&g);
}

/* A file larger than the window (256 KiB), with a body larger than it,
 * through a file descriptor: plain and gzip. */
TEST(large_file_through_fd)
{
    buf w = {0}, g = {0};
    char *big = malloc(600001);
    for (size_t i = 0; i < 600000; i++)
        big[i] = "Rain fell on Orlen. "[i % 20];
    big[600000] = '\0';
    memcpy(big, "<html><body><p>", 15);
    int records = 0;
    for (int i = 0; i < 400; i++, records++) {
        buf r = {0};
        char uri[64];
        snprintf(uri, sizeof uri, "https://orlen.example/%d", i);
        add_response(&r, uri, i % 3 ? 200 : 404, "text/html", i == 200 ? big : PAGE1, -1);
        buf_append(&w, r.data, r.len);
        gzip_member(&g, r.data, r.len);
        buf_free(&r);
    }
    for (int pass = 0; pass < 2; pass++) {
        const buf *b = pass ? &g : &w;
        char path[] = "/tmp/nf_test_warc_XXXXXX";
        int fd = mkstemp(path);
        CHECK(fd >= 0 && write(fd, b->data, b->len) == (ssize_t)b->len);
        lseek(fd, 0, SEEK_SET);
        seen s;
        warc_stats st;
        memset(&s, 0, sizeof s);
        CHECK(warc_read_fd(fd, 0, on_rec, on_err, &s, &st) == NF_OK);
        close(fd);
        unlink(path);
        CHECK(st.records == records && st.articles == 266 && st.skipped_status == 134 && st.errors == 0);
        CHECK(s.nerr == 0);
        CHECK(st.bytes_in == (long long)b->len);
    }
    free(big);
    buf_free(&w), buf_free(&g);
}

/* Prints what a reading saw (NF_TEST_VERBOSE=1), for debugging. */
static void dump(const seen *s)
{
    if (!getenv("NF_TEST_VERBOSE"))
        return;
    for (int i = 0; i < s->n && i < 8; i++)
        fprintf(stderr, "    record %ld @%lld %s\n", s->number[i], s->offset[i], s->url[i]);
    for (int i = 0; i < s->nerr && i < 8; i++)
        fprintf(stderr, "    error %ld @%lld %s\n", s->err_no[i], s->err_off[i], s->err[i]);
}

/* A source over a buffer from pos on (the reader's head already taken). */
typedef struct rest_src {
    const char *data;
    size_t len, pos;
} rest_src;

static long rest_read(void *src, char *b, size_t n)
{
    rest_src *r = src;
    size_t k = r->len - r->pos < n ? r->len - r->pos : n;
    memcpy(b, r->data + r->pos, k);
    r->pos += k;
    return (long)k;
}

/* The first bytes already read by the caller (to tell the format) are
 * handed over as the head: the same records and offsets as from the
 * start. */
TEST(head_already_read)
{
    buf rec[8], w = {0}, g = {0};
    archive_records(rec);
    for (int i = 0; i < 8; i++)
        buf_append(&w, rec[i].data, rec[i].len), gzip_member(&g, rec[i].data, rec[i].len), buf_free(&rec[i]);
    for (int pass = 0; pass < 2; pass++) {
        const buf *b = pass ? &g : &w;
        for (size_t head = 1; head <= 700; head += 233) {
            rest_src r = {b->data, b->len, head};
            seen s;
            warc_stats st;
            memset(&s, 0, sizeof s);
            CHECK(warc_read(rest_read, &r, b->data, head, 0, on_rec, on_err, &s, &st) == NF_OK);
            check_archive(&s, &st);
            CHECK(st.bytes_in == (long long)b->len);
        }
    }
    rest_src r = {w.data, w.len, 0};
    char *huge = calloc(1, WS_WINDOW_BYTES + 1);
    CHECK(warc_read(rest_read, &r, huge, WS_WINDOW_BYTES + 1, 0, on_rec, on_err, NULL, NULL) == NF_EINVAL);
    free(huge);
    buf_free(&w), buf_free(&g);
}

/* ---- The pull reader ---- */

/* Appends an item to a log, "R<number> <url> <body length>;" or
 * "E<number> @<offset> <message>;". */
static void log_record(buf *log, const ingest_record *r)
{
    buf_printf(log, "R%ld %s %zu;", r->number, r->url ? r->url : "-", r->body_len);
}

static int log_rec(const ingest_record *r, void *arg)
{
    log_record(arg, r);
    return 0;
}

static int log_err(long number, long long offset, const char *msg, void *arg)
{
    buf_printf(arg, "E%ld @%lld %s;", number, offset, msg);
    return 0;
}

/* The archive with a response whose Content-Length is not a number
 * between its 3rd and 4th records (plain, or gzip per record); *bad_at
 * gets where the bad record starts. */
static void archive_with_bad(buf *w, int gz, size_t *bad_at)
{
    buf rec[8], bad = {0};
    archive_records(rec);
    buf h = {0};
    http_response(&h, 200, "text/html", NULL, PAGE2, strlen(PAGE2));
    buf_printf(&bad, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://orlen.example/bad\r\n"
                     "Content-Type: application/http; msgtype=response\r\nContent-Length: 12x\r\n\r\n");
    buf_append(&bad, h.data, h.len);
    buf_append(&bad, "\r\n\r\n", 4);
    for (int i = 0; i < 8; i++) {
        if (i == 3) {
            *bad_at = w->len;
            gz ? gzip_member(w, bad.data, bad.len) : buf_append(w, bad.data, bad.len);
        }
        gz ? gzip_member(w, rec[i].data, rec[i].len) : buf_append(w, rec[i].data, rec[i].len);
        buf_free(&rec[i]);
    }
    buf_free(&bad), buf_free(&h);
}

/* warc_next hands out, one at a time and in order, the articles and bad
 * records warc_read's callbacks get; the record's body lives until the
 * next call; warc_close gives the stats. Plain and gzip per record. */
TEST(pull_items_in_order)
{
    for (int gz = 0; gz < 2; gz++) {
        buf w = {0}, pushed = {0}, pulled = {0};
        size_t bad_at = 0;
        archive_with_bad(&w, gz, &bad_at);
        warc_stats st_push, st_pull;
        CHECK(warc_read_mem(w.data, w.len, 0, log_rec, log_err, &pushed, &st_push) == NF_OK);
        rest_src m = {w.data, w.len, 0};
        warc_reader *R;
        CHECK(warc_open(&R, rest_read, &m, NULL, 0, 0) == NF_OK);
        warc_item it;
        int kinds[16], n = 0, k;
        while ((k = warc_next(R, &it)) != WARC_END && n < 16) {
            kinds[n++] = k;
            CHECK(it.kind == k);
            if (k == WARC_RECORD) {
                CHECK(it.rec.body_len && it.rec.body[0] == '<' && it.rec.body[it.rec.body_len - 1] == '>');
                log_record(&pulled, &it.rec);
            } else
                log_err(it.number, it.offset, it.message, &pulled);
        }
        CHECK(warc_next(R, &it) == WARC_END); /* the end stays the end */
        CHECK(warc_close(R, &st_pull) == NF_OK);
        CHECK_STR(pulled.data, pushed.data);
        /* the page, the bad record (4th), the other page */
        CHECK(n == 3 && kinds[0] == WARC_RECORD && kinds[1] == WARC_ERROR && kinds[2] == WARC_RECORD);
        char want[64];
        snprintf(want, sizeof want, "E4 @%zu record 4 (byte %zu): Content-Length", bad_at, bad_at);
        CHECK(pulled.data && strstr(pulled.data, want));
        CHECK(st_pull.records == 9 && st_pull.articles == 2 && st_pull.errors == 1);
        CHECK(!memcmp(&st_pull, &st_push, sizeof st_pull));
        buf_free(&w), buf_free(&pushed), buf_free(&pulled);
    }
}

/* A reader closed before its end frees what it holds (the sanitizers
 * see the rest); input that is not a WARC file is one error, then the
 * end, and warc_close says NF_EDATA; an empty input NF_EEMPTY. */
TEST(pull_early_close_and_bad_input)
{
    buf w = {0};
    size_t bad_at;
    archive_with_bad(&w, 1, &bad_at);
    rest_src m = {w.data, w.len, 0};
    warc_reader *R;
    warc_item it;
    CHECK(warc_open(&R, rest_read, &m, NULL, 0, 0) == NF_OK);
    CHECK(warc_next(R, &it) == WARC_RECORD && it.rec.number == 3);
    warc_stats st;
    CHECK(warc_close(R, &st) == NF_OK && st.articles == 1 && st.records == 3);
    buf_free(&w);

    const char *text = "Dam at Orlen holds\n";
    rest_src t = {text, strlen(text), 0};
    CHECK(warc_open(&R, rest_read, &t, NULL, 0, 0) == NF_OK);
    CHECK(warc_next(R, &it) == WARC_ERROR && strstr(it.message, "not a WARC file"));
    CHECK(warc_next(R, &it) == WARC_END);
    CHECK(warc_close(R, NULL) == NF_EDATA);

    rest_src e = {"", 0, 0};
    CHECK(warc_open(&R, rest_read, &e, NULL, 0, 0) == NF_OK);
    CHECK(warc_next(R, &it) == WARC_ERROR && strstr(it.message, "empty WARC file"));
    CHECK(warc_next(R, &it) == WARC_END);
    CHECK(warc_close(R, NULL) == NF_EEMPTY);
}

int main(void)
{
    RUN(plain_archive);
    RUN(gzip_per_record);
    RUN(gzip_whole_file);
    RUN(wrong_length_gzip);
    RUN(wrong_length_plain);
    RUN(truncated_gzip);
    RUN(corrupt_gzip_member_resyncs);
    RUN(body_over_the_cap);
    RUN(bad_headers);
    RUN(not_a_warc);
    RUN(http_codings_undone);
    RUN(stop_and_sniff);
    RUN(large_file_through_fd);
    RUN(head_already_read);
    RUN(pull_items_in_order);
    RUN(pull_early_close_and_bad_input);
    TEST_EXIT();
}
