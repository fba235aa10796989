/* A growable byte buffer for building output. Once an append fails the
 * buffer remembers it (failed = 1) and ignores further appends, so callers
 * check once at the end. */
#ifndef NF_CORE_BUF_H
#define NF_CORE_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
    char *data; /* always NUL-terminated once anything was appended */
    size_t len, cap;
    int failed;
} buf;

void buf_append(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the bytes over (caller frees with xfree) and resets the buffer;
 * returns NULL if any append failed (and frees what was there). */
char *buf_take(buf *b, size_t *len);
void buf_free(buf *b);

#endif
