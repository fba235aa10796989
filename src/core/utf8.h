/* UTF-8 validation and repair. Input text is never rejected for bad bytes:
 * each maximal invalid sequence (and each NUL byte) becomes U+FFFD. */
#ifndef NF_CORE_UTF8_H
#define NF_CORE_UTF8_H
#include <stddef.h>

/* One replacement: at byte at of the repaired text, 3 bytes (U+FFFD) stand
 * for orig_len bytes of the original. */
typedef struct utf8_fix {
    size_t at, orig_len;
    long long shift; /* sum of (orig_len - 3) over this fix and all before */
} utf8_fix;

typedef struct utf8_repair {
    char *text; /* repaired, NUL-terminated (xmalloc'd) */
    size_t len;
    utf8_fix *fixes; /* sorted by at; NULL when the input was valid */
    size_t nfixes;
} utf8_repair;

/* Repairs s[0..n) into *r. Returns 0, or -1 when out of memory (*r is then
 * empty). The caller releases *r with utf8_repair_free. */
int utf8_repair_text(const char *s, size_t n, utf8_repair *r);
void utf8_repair_free(utf8_repair *r);

/* Maps an offset in repaired text back to the original bytes (an offset
 * inside a replacement maps to the start of the original sequence). */
size_t utf8_original_offset(const utf8_fix *fixes, size_t nfixes, size_t pos);

/* Cuts the NUL-terminated string s before its first invalid UTF-8 byte:
 * messages built with snprintf from input text may end inside a character
 * and must stay valid to go into JSON. */
void utf8_cut_invalid(char *s);

/* Returns the number of bytes of the UTF-8 sequence starting at s[0] if it
 * is valid and complete within n bytes, else 0. NUL counts as invalid. */
size_t utf8_valid_char(const unsigned char *s, size_t n);

#endif
