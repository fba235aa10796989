/* Character sets of web pages: the bytes of a page, whatever their
 * encoding, become UTF-8 (glibc iconv), with a map back to the original
 * bytes. The order of evidence: a byte order mark, then the charset of
 * the HTTP header (a WARC response's, a fetched page's), then the page's
 * own declaration (<meta charset>, <meta http-equiv="Content-Type">, an XML
 * declaration), then the bytes themselves: valid UTF-8 is read as UTF-8
 * (even against a declaration: UTF-8 is never valid by accident), and a
 * byte that is not valid UTF-8 is read as Windows-1252, with a warning. */
#ifndef NF_INGEST_CHARSET_H
#define NF_INGEST_CHARSET_H
#include <stddef.h>

/* One stretch of the conversion: from text offset u and original offset o
 * to the next segment's. An even stretch holds the original bytes
 * unchanged and maps byte for byte; any other (converted characters) maps
 * as a whole to its start. */
typedef struct charset_seg {
    size_t u, o;
    int even;
} charset_seg;

typedef struct charset_text {
    char *text;        /* UTF-8, NUL-terminated, xmalloc'd; NUL bytes and
                          C0 controls (but tab, newline, form feed, carriage
                          return) read as spaces */
    size_t len;
    charset_seg *segs; /* nsegs >= 2; the last is {len, original length} */
    size_t nsegs;
    char name[40];     /* what the bytes were read as: "UTF-8", "WINDOWS-1252"... */
    char warning[200]; /* "" or why the reading is a guess */
} charset_text;

/* Reads in[0..n) as text into *out. Returns 0; 1 when the bytes are not
 * text (binary data, a compressed file: out->warning says which, out->text
 * is NULL); -1 when out of memory. Release *out with charset_text_free. */
int charset_decode(const char *in, size_t n, charset_text *out);
/* charset_decode with the charset an HTTP header names (a WARC response's
 * or a fetched page's Content-Type; NULL or "" for none): it goes after a
 * byte order mark and before the page's own declaration (an unknown one
 * gives way to the page's, with a warning). */
int charset_decode_http(const char *in, size_t n, const char *http, charset_text *out);
void charset_text_free(charset_text *ct);
/* Reads in[0..n) as Windows-1252 whatever it holds (a text file that is
 * not UTF-8): every byte over 0x7f and every control byte but tab,
 * newline, form feed and carriage return through the table (controls as
 * spaces). Returns 0, or -1 when out of memory. */
int charset_decode_cp1252(const char *in, size_t n, charset_text *out);

/* The original offset of text offset u (an offset inside a converted
 * character maps to the start of its bytes). */
size_t charset_orig_offset(const charset_text *ct, size_t u);

/* The index of the segment holding text offset u (the last segment whose
 * u is <= the offset), for callers that walk segments themselves. */
size_t charset_seg_at(const charset_text *ct, size_t u);

#endif
