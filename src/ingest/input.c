/* Reading an input once: a file, a pipe, a FIFO or standard input, opened a
 * single time and read through one buffer, so the first bytes can be looked
 * at (to tell the format) without being lost, and lines are read with a cap
 * (an oversized line is skipped and named, never taken for the end of the
 * input; a read or allocation error is an error). */
#include "ingest/input.h"
#include "core/alloc.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define BLOCK (1u << 16) /* bytes asked of read() at a time */

struct nf_input {
    int fd, own_fd;
    char *buf;         /* bytes read and not yet consumed: buf[pos..len) */
    size_t pos, len, cap;
    int eof, err;      /* err: the errno of a failed read, or 0 */
    char *line;        /* the last line handed out (nf_input_line) */
    size_t line_cap;
    long lineno;       /* lines consumed so far */
    long long consumed; /* bytes consumed before buf[pos] */
    long long line_at;  /* where the last line handed out began */
};

nf_input *nf_input_open(const char *path)
{
    int is_stdin = !strcmp(path, "-");
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    nf_input *in = xcalloc(1, sizeof *in);
    if (!in) {
        if (!is_stdin)
            close(fd);
        errno = ENOMEM;
        return NULL;
    }
    in->fd = fd, in->own_fd = !is_stdin;
    return in;
}

nf_input *input_open_buffer(const char *data, size_t len)
{
    nf_input *in = xcalloc(1, sizeof *in);
    if (!in)
        return NULL;
    in->buf = xmalloc(len ? len : 1);
    if (!in->buf) {
        xfree(in);
        return NULL;
    }
    if (len)
        memcpy(in->buf, data, len);
    in->fd = -1, in->cap = len ? len : 1, in->len = len, in->eof = 1;
    return in;
}

long long input_line_offset(const nf_input *in)
{
    return in->line_at;
}

void nf_input_close(nf_input *in)
{
    if (!in)
        return;
    if (in->own_fd)
        close(in->fd);
    xfree(in->buf);
    xfree(in->line);
    xfree(in);
}

int nf_input_errno(const nf_input *in)
{
    return in ? in->err : 0;
}

/* Reads one more block onto the buffer (moving the unconsumed bytes to its
 * front first). Returns 1 when bytes came, 0 at end of input, -1 on a read
 * error (in->err) or when out of memory (NF_ENOMEM through *status). */
static int fill(nf_input *in, int *status)
{
    if (in->err) { /* a read failed before: it fails again, never reads as the end */
        *status = NF_EIO;
        return -1;
    }
    if (in->eof)
        return 0;
    if (in->pos) {
        memmove(in->buf, in->buf + in->pos, in->len - in->pos);
        in->consumed += (long long)in->pos;
        in->len -= in->pos, in->pos = 0;
    }
    if (in->cap - in->len < BLOCK) {
        size_t want = in->cap + in->cap / 2 > in->len + BLOCK ? in->cap + in->cap / 2 : in->len + BLOCK;
        char *p = xrealloc(in->buf, want);
        if (!p) {
            *status = NF_ENOMEM;
            return -1;
        }
        in->buf = p, in->cap = want;
    }
    ssize_t n;
    do
        n = read(in->fd, in->buf + in->len, BLOCK);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        in->err = errno;
        *status = NF_EIO;
        return -1;
    }
    if (n == 0)
        in->eof = 1;
    in->len += (size_t)n;
    return n > 0;
}

const char *nf_input_head(nf_input *in, size_t want, size_t *n)
{
    int status = NF_OK;
    while (in->len - in->pos < want && fill(in, &status) > 0)
        ;
    *n = in->len - in->pos;
    if (*n > want)
        *n = want;
    return status == NF_OK ? in->buf + in->pos : NULL;
}

/* Appends buf[pos..pos+n) to the line being gathered (of *len bytes) unless
 * it would pass max; returns 0, 1 when the line is over max (it is then
 * dropped), -1 when out of memory. */
static int gather(nf_input *in, size_t *len, size_t n, size_t max, int *over)
{
    if (*over || (max && *len + n > max)) {
        /* A skipped line holding NUL bytes is binary data (/dev/zero, an
         * image): it may never end, so it ends the reading. */
        *over = memchr(in->buf + in->pos, 0, n) ? 2 : 1;
        return 1;
    }
    if (*len + n + 1 > in->line_cap) {
        size_t want = in->line_cap ? in->line_cap : 256;
        while (want < *len + n + 1)
            want *= 2;
        char *p = xrealloc(in->line, want);
        if (!p)
            return -1;
        in->line = p, in->line_cap = want;
    }
    memcpy(in->line + *len, in->buf + in->pos, n);
    *len += n;
    return 0;
}

int nf_input_line(nf_input *in, size_t max, const char **line, size_t *len, long *lineno)
{
    size_t n = 0;
    int over = 0, status = NF_OK;
    in->line_at = in->consumed + (long long)in->pos;
    for (;;) {
        char *start = in->buf ? in->buf + in->pos : NULL;
        size_t avail = in->len - in->pos;
        char *nl = avail ? memchr(start, '\n', avail) : NULL;
        size_t take = nl ? (size_t)(nl - start) + 1 : avail;
        if (take && gather(in, &n, take, max, &over) < 0)
            return NF_ENOMEM;
        in->pos += take;
        if (over == 2) {
            *lineno = in->lineno + 1;
            in->err = 0, in->eof = 1; /* nothing more is read */
            return NF_EDATA;
        }
        if (nl)
            break;
        int got = fill(in, &status);
        if (got < 0)
            return status;
        if (got == 0) {
            if (!n && !over)
                return NF_EEMPTY;
            break;
        }
    }
    *lineno = ++in->lineno;
    if (over) {
        *line = NULL, *len = 0;
        return NF_ELIMIT;
    }
    if (in->lineno == 1 && n >= 3 && !memcmp(in->line, "\xef\xbb\xbf", 3)) {
        n -= 3; /* a UTF-8 byte order mark is no part of the first record */
        memmove(in->line, in->line + 3, n);
    }
    in->line[n] = '\0';
    *line = in->line, *len = n;
    return NF_OK;
}

long input_read(nf_input *in, char *buf, size_t n)
{
    size_t have = in->len - in->pos;
    if (have) {
        size_t k = have < n ? have : n;
        memcpy(buf, in->buf + in->pos, k);
        in->pos += k;
        return (long)k;
    }
    if (in->err)
        return -1;
    if (in->eof || in->fd < 0)
        return 0;
    ssize_t got;
    do
        got = read(in->fd, buf, n);
    while (got < 0 && errno == EINTR);
    if (got < 0)
        in->err = errno;
    else if (got == 0)
        in->eof = 1;
    else
        in->consumed += got;
    return (long)got;
}

int nf_input_read_all(nf_input *in, size_t limit, char **data, size_t *len, int *more)
{
    int status = NF_OK;
    *data = NULL, *len = 0, *more = 0;
    if (!limit)
        limit = (size_t)-1 / 2;
    /* Read until the buffer holds more than limit bytes or the input ends. */
    while (in->len - in->pos <= limit) {
        int got = fill(in, &status);
        if (got < 0)
            return status;
        if (got == 0)
            break;
    }
    size_t n = in->len - in->pos;
    *more = n > limit;
    if (n > limit)
        n = limit;
    char *out = xmalloc(n + 1);
    if (!out)
        return NF_ENOMEM;
    memcpy(out, in->buf + in->pos, n);
    out[n] = '\0';
    in->pos += n;
    *data = out, *len = n;
    return NF_OK;
}
