/* The WARC reader's byte stream: see warc_stream.h. One window of
 * decompressed (or plain) bytes is refilled in place; gzip members are
 * inflated one after the other with one z_stream, and corrupt data is
 * skipped by looking for the next member's magic bytes. */
#include "ingest/warc_stream.h"
#include "core/alloc.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

/* ---- Raw bytes (gzip input) ---- */

/* Reads more raw bytes once the buffer is used up (keeping any unread ones
 * at its front). Returns how many were added; 0 at the end of the input or
 * on a read error (ws->state WS_ERROR then). */
static size_t raw_more(wstream *ws)
{
    if (ws->raw_eof)
        return 0;
    if (ws->raw_pos) {
        memmove(ws->raw, ws->raw + ws->raw_pos, ws->raw_len - ws->raw_pos);
        ws->raw_base += (long long)ws->raw_pos;
        ws->raw_len -= ws->raw_pos, ws->raw_pos = 0;
    }
    if (ws->raw_len == WS_RAW_BYTES)
        return 0;
    long got = ws->read(ws->src, (char *)ws->raw + ws->raw_len, WS_RAW_BYTES - ws->raw_len);
    if (got < 0) {
        ws->read_errno = errno ? errno : EIO;
        ws->state = WS_ERROR;
        ws->error_at = ws->raw_base + (long long)ws->raw_len;
        snprintf(ws->error, sizeof ws->error, "read error at byte %lld: %s", ws->error_at,
                 strerror(ws->read_errno));
        return 0;
    }
    if (!got)
        ws->raw_eof = 1;
    ws->raw_len += (size_t)got;
    ws->bytes_in += got;
    return (size_t)got;
}

/* Makes n raw bytes available at raw_pos if the input has them. */
static size_t raw_need(wstream *ws, size_t n)
{
    while (ws->raw_len - ws->raw_pos < n && raw_more(ws))
        ;
    return ws->raw_len - ws->raw_pos;
}

/* Is there a plausible gzip member header at raw[i] (magic, deflate, no
 * reserved flag bits)? Needs 4 bytes from i. */
static int raw_is_member(const wstream *ws, size_t i)
{
    const unsigned char *r = ws->raw + i;
    return r[0] == 0x1f && r[1] == 0x8b && r[2] == 8 && !(r[3] & 0xe0);
}

/* Sets the error state with a message about file offset at. */
static void ws_fail(wstream *ws, long long at, const char *what, const char *detail)
{
    ws->state = WS_ERROR;
    ws->error_at = at;
    snprintf(ws->error, sizeof ws->error, "%s at byte %lld%s%s", what, at, detail ? ": " : "",
             detail ? detail : "");
}

/* Starts the member at the raw position. Returns 1, or 0 with the state
 * set: WS_EOF at the end of the input, WS_ERROR for bytes that are not a
 * gzip member (or a read error). */
static int member_begin(wstream *ws)
{
    size_t have = raw_need(ws, 4);
    if (ws->state == WS_ERROR)
        return 0;
    if (!have) {
        ws->state = WS_EOF;
        return 0;
    }
    if (have < 4 || !raw_is_member(ws, ws->raw_pos)) {
        ws_fail(ws, ws->raw_base + (long long)ws->raw_pos, "bytes that are not gzip data", NULL);
        return 0;
    }
    if (inflateReset2(&ws->z, 15 + 16) != Z_OK) {
        ws->state = WS_NOMEM;
        return 0;
    }
    ws->in_member = 1;
    ws->members++;
    ws->member_start = ws->raw_base + (long long)ws->raw_pos;
    ws->member_out = ws->win_base + (long long)ws->len;
    return 1;
}

/* Inflates raw bytes into win[len..WS_WINDOW_BYTES). Returns the bytes
 * added; 0 with the state set at a member's end, the input's end, or an
 * error. A member found by a resync that fails before giving a byte was a
 * false match: the search goes on quietly. */
static size_t inflate_some(wstream *ws)
{
    for (;;) {
        if (!ws->in_member && !member_begin(ws))
            return 0;
        if (ws->raw_pos == ws->raw_len)
            raw_more(ws);
        if (ws->state == WS_ERROR)
            return 0;
        size_t in = ws->raw_len - ws->raw_pos, room = WS_WINDOW_BYTES - ws->len;
        ws->z.next_in = ws->raw + ws->raw_pos, ws->z.avail_in = (uInt)in;
        ws->z.next_out = ws->win + ws->len, ws->z.avail_out = (uInt)room;
        int zr = inflate(&ws->z, Z_NO_FLUSH);
        ws->raw_pos += in - ws->z.avail_in;
        size_t made = room - ws->z.avail_out;
        ws->len += made;
        if (made)
            ws->member_silent = 0;
        if (zr == Z_STREAM_END) {
            ws->in_member = 0;
            ws->state = WS_MEMBER_END;
            return made;
        }
        if (zr == Z_MEM_ERROR) {
            ws->state = WS_NOMEM;
            return made;
        }
        if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT || zr == Z_STREAM_ERROR) {
            ws->in_member = 0;
            if (ws->member_silent) {
                if (!ws_recover(ws))
                    return 0;
                continue;
            }
            ws_fail(ws, ws->member_start, "corrupt gzip data in the member", ws->z.msg ? ws->z.msg : "bad data");
            return made;
        }
        if (made)
            return made;
        if (!ws->z.avail_in && ws->raw_eof) {
            ws->in_member = 0;
            if (ws->member_silent) {
                ws->state = WS_EOF;
                return 0;
            }
            ws_fail(ws, ws->member_start, "truncated gzip: the file ends inside the member", NULL);
            return 0;
        }
    }
}

/* Adds bytes after win[len]. Returns how many; 0 with the state set. */
static size_t produce(wstream *ws)
{
    if (ws->state != WS_DATA)
        return 0;
    if (ws->gz)
        return inflate_some(ws);
    long got = ws->read(ws->src, (char *)ws->win + ws->len, WS_WINDOW_BYTES - ws->len);
    if (got < 0) {
        ws->read_errno = errno ? errno : EIO;
        ws_fail(ws, ws->win_base + (long long)ws->len, "read error", strerror(ws->read_errno));
        return 0;
    }
    if (!got)
        ws->state = WS_EOF;
    ws->len += (size_t)got;
    ws->bytes_in += got;
    return (size_t)got;
}

/* ---- The window ---- */

int ws_open(wstream *ws, warc_read_fn read, void *src, const char *head, size_t n)
{
    memset(ws, 0, sizeof *ws);
    ws->read = read, ws->src = src;
    if (n > WS_WINDOW_BYTES)
        return -2; /* a plain head must fit the window */
    size_t raw_size = n > WS_RAW_BYTES ? n : WS_RAW_BYTES;
    ws->win = xmalloc(WS_WINDOW_BYTES);
    ws->raw = xmalloc(raw_size);
    if (!ws->win || !ws->raw) {
        ws_close(ws);
        return -1;
    }
    if (n)
        memcpy(ws->raw, head, n);
    ws->raw_len = n;
    ws->bytes_in = (long long)n;
    if (n < 2 && !ws->raw_eof)
        raw_need(ws, 2);
    if (ws->raw_len >= 2 && ws->raw[0] == 0x1f && ws->raw[1] == 0x8b) {
        ws->gz = 1;
        if (inflateInit2(&ws->z, 15 + 16) != Z_OK) {
            ws_close(ws);
            return -1;
        }
        ws->z_ready = 1;
        return 0;
    }
    /* Plain: the raw bytes read so far are the window's first. */
    size_t k = ws->raw_len < WS_WINDOW_BYTES ? ws->raw_len : WS_WINDOW_BYTES;
    memcpy(ws->win, ws->raw, k);
    ws->len = k;
    if (ws->raw_eof)
        ws->state = WS_EOF;
    return 0;
}

void ws_close(wstream *ws)
{
    if (ws->z_ready)
        inflateEnd(&ws->z);
    xfree(ws->win);
    xfree(ws->raw);
    ws->win = ws->raw = NULL;
    ws->z_ready = 0;
}

size_t ws_fill(wstream *ws, size_t want)
{
    while (ws_avail(ws) < want && ws->state == WS_DATA) {
        if (ws->pos == ws->len || WS_WINDOW_BYTES - ws->len < WS_WINDOW_BYTES / 4) {
            memmove(ws->win, ws->win + ws->pos, ws->len - ws->pos);
            ws->win_base += (long long)ws->pos;
            ws->len -= ws->pos, ws->pos = 0;
        }
        produce(ws);
    }
    return ws_avail(ws);
}

size_t ws_line(wstream *ws, size_t max, const char **line)
{
    size_t scanned = 0;
    for (;;) {
        size_t avail = ws_avail(ws);
        const unsigned char *nl = memchr(ws->win + ws->pos + scanned, '\n', avail - scanned);
        if (nl) {
            size_t n = (size_t)(nl - (ws->win + ws->pos)) + 1;
            if (n > max)
                return 0;
            *line = (const char *)ws->win + ws->pos;
            ws->pos += n;
            return n;
        }
        scanned = avail;
        if (avail >= max || ws_fill(ws, avail + 1) == avail)
            return 0;
    }
}

unsigned long long ws_read(wstream *ws, char *dst, unsigned long long n)
{
    unsigned long long done = 0;
    while (done < n) {
        size_t avail = ws_avail(ws);
        if (!avail && !(avail = ws_fill(ws, 1)))
            break;
        size_t k = n - done < avail ? (size_t)(n - done) : avail;
        if (dst)
            memcpy(dst + done, ws->win + ws->pos, k);
        ws->pos += k, done += k;
    }
    return done;
}

void ws_next_member(wstream *ws)
{
    if (ws->state == WS_MEMBER_END)
        ws->state = WS_DATA;
}

int ws_recover(wstream *ws)
{
    if (ws->read_errno || ws->state == WS_NOMEM || !ws->gz)
        return 0;
    ws->win_base += (long long)ws->len; /* the broken member's bytes are dropped */
    ws->pos = ws->len = 0;
    ws->in_member = 0;
    for (;;) {
        size_t have = raw_need(ws, 4);
        if (ws->read_errno)
            return 0;
        for (size_t i = ws->raw_pos; i + 4 <= ws->raw_len; i++)
            if (raw_is_member(ws, i)) {
                ws->raw_pos = i;
                ws->state = WS_DATA;
                ws->member_silent = 1;
                return 1;
            }
        if (have < 4 && ws->raw_eof) {
            ws->raw_pos = ws->raw_len;
            ws->state = WS_EOF;
            return 0;
        }
        ws->raw_pos = ws->raw_len - 3; /* a magic may straddle the refill */
        if (!raw_more(ws) && ws->raw_eof) {
            ws->raw_pos = ws->raw_len;
            ws->state = ws->read_errno ? WS_ERROR : WS_EOF;
            return 0;
        }
    }
}

int ws_seek_record(wstream *ws, int line_start)
{
    static const char mark[] = "WARC/1.";
    const size_t k = sizeof mark - 1;
    if (line_start && ws_fill(ws, k) >= k && !memcmp(ws->win + ws->pos, mark, k))
        return 1;
    for (;;) {
        size_t avail = ws_fill(ws, WS_WINDOW_BYTES / 4);
        const unsigned char *w = ws->win + ws->pos;
        for (const unsigned char *p = w; avail > k && (p = memchr(p, '\n', avail - k - (size_t)(p - w)));
             p++)
            if (!memcmp(p + 1, mark, k)) {
                ws->pos += (size_t)(p + 1 - w);
                return 1;
            }
        if (avail <= k) {
            ws->pos = ws->len;
            if (ws->state == WS_DATA)
                continue;
            return 0;
        }
        ws->pos += avail - k; /* keep what may be the start of a mark */
        if (ws->state != WS_DATA && ws_avail(ws) <= k) {
            ws->pos = ws->len;
            return 0;
        }
    }
}
