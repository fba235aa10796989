/* The byte stream under the WARC reader (warc.c): a file read through a
 * callback, plain or gzip (one member per record, or one for the whole
 * file, or anything between), decompressed into one fixed window, so
 * memory stays bounded whatever the size of the input. The stream never
 * runs past the end of a gzip member on its own: the reader sees where a
 * member ends (records and members usually end together) and says when
 * to go on. */
#ifndef NF_INGEST_WARC_STREAM_H
#define NF_INGEST_WARC_STREAM_H
#include <stddef.h>
#include <zlib.h>

/* Reads up to n bytes into buf: returns how many (> 0), 0 at the end of
 * the input, -1 on a read error (errno says which). */
typedef long (*warc_read_fn)(void *src, char *buf, size_t n);

#define WS_RAW_BYTES ((size_t)64 << 10)
#define WS_WINDOW_BYTES ((size_t)256 << 10)

/* What the stream stands at when it has no byte to give. */
enum ws_state {
    WS_DATA = 0,   /* bytes to read */
    WS_MEMBER_END, /* the end of a gzip member: ws_next_member goes on */
    WS_EOF,        /* the end of the input */
    WS_ERROR,      /* a read error, corrupt or truncated gzip data:
                      ws->error says what; ws_recover goes on when it can */
    WS_NOMEM,
};

typedef struct wstream {
    warc_read_fn read;
    void *src;
    int gz;                 /* the input is gzip */
    /* raw (compressed) bytes, gzip only */
    unsigned char *raw;
    size_t raw_pos, raw_len;
    long long raw_base;     /* file offset of raw[0] */
    int raw_eof;
    z_stream z;
    int z_ready;            /* inflateInit2 done */
    int in_member;          /* inside a member (its header read or being read) */
    int member_silent;      /* a member found by a resync: fails quietly until it gives bytes */
    long long member_start; /* file offset of the current member */
    long long member_out;   /* uncompressed offset where its bytes begin */
    /* the window of bytes to read */
    unsigned char *win;
    size_t pos, len;
    long long win_base;     /* uncompressed offset of win[0] (= file offset if plain) */
    int state;              /* what stands after win[len]: enum ws_state */
    int read_errno;
    char error[200];        /* the last error */
    long long error_at;     /* its file offset */
    long long bytes_in;     /* raw bytes read from the input */
    long long members;      /* gzip members started */
} wstream;

/* Starts a stream over read(src); head[0..n) are the input's first bytes
 * when the caller has already read them (else NULL, 0; n at most
 * WS_WINDOW_BYTES). Returns 0, -1 when out of memory, -2 for a head too
 * long. Release with ws_close. */
int ws_open(wstream *ws, warc_read_fn read, void *src, const char *head, size_t n);
void ws_close(wstream *ws);

/* Bytes in the window from the read position. */
static inline size_t ws_avail(const wstream *ws) { return ws->len - ws->pos; }

/* The uncompressed offset of the read position. */
static inline long long ws_tell(const wstream *ws) { return ws->win_base + (long long)ws->pos; }

/* Makes at least want bytes (at most WS_WINDOW_BYTES / 2) available at
 * the read position, if the stream has them before the end of the member
 * or the input. Returns ws_avail(); fewer than want: ws->state says why. */
size_t ws_fill(wstream *ws, size_t want);

/* Moves the read position on by n <= ws_avail() bytes. */
static inline void ws_consume(wstream *ws, size_t n) { ws->pos += n; }

/* Reads a line (through its '\n') of at most max bytes (max <=
 * WS_WINDOW_BYTES / 2). Returns its length and points *line at it in the
 * window (valid until the next call), consuming it; 0 when the member or
 * input ends first or at an error (ws->state), or when no '\n' comes
 * within max bytes (state WS_DATA: the line is too long; nothing
 * consumed). */
size_t ws_line(wstream *ws, size_t max, const char **line);

/* Copies (dst) or drops (dst NULL) the next n bytes. Returns how many;
 * fewer than n when the member or input ends first or at an error. */
unsigned long long ws_read(wstream *ws, char *dst, unsigned long long n);

/* At WS_MEMBER_END: goes on with the next member (the state becomes
 * WS_DATA, WS_EOF or WS_ERROR). */
void ws_next_member(wstream *ws);

/* After WS_ERROR from corrupt gzip data: looks for the next gzip member in
 * the raw bytes and starts it (1), or says there is none (0: WS_EOF or a
 * read error). A read error or truncated input cannot be recovered (0). */
int ws_recover(wstream *ws);

/* Drops bytes up to the next line that starts with "WARC/1." (1: the read
 * position is there) or the end of the member or input (0: ws->state says
 * which). line_start: the read position starts a line (and may be the
 * record looked for). */
int ws_seek_record(wstream *ws, int line_start);

#endif
