/* Character sets of web pages (charset.h): sniffing, the declaration, and
 * the conversion to UTF-8 with a map back to the original bytes. */
#include "ingest/charset.h"
#include "core/alloc.h"
#include "core/utf8.h"
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* A character as UTF-8: up to 4 bytes and their count. */
typedef struct u8char {
    unsigned char b[4], n;
} u8char;

/* The output being built: the text and its segments. */
typedef struct conv {
    char *text;
    size_t len, cap;
    charset_seg *segs;
    size_t nsegs, segcap;
    size_t o;   /* original bytes consumed */
    int failed; /* out of memory */
} conv;

/* ---- Output ---- */

/* Makes room for n more text bytes; returns 0 or -1. */
static int conv_room(conv *c, size_t n)
{
    if (c->len + n + 1 <= c->cap)
        return 0;
    size_t want = c->cap ? c->cap : 4096;
    while (want < c->len + n + 1)
        want *= 2;
    char *p = xrealloc(c->text, want);
    if (!p)
        return c->failed = 1, -1;
    c->text = p, c->cap = want;
    return 0;
}

/* Starts a segment at the current offsets (unless the last one starts
 * there already), byte for byte (even) or not. */
static void conv_mark(conv *c, int even)
{
    if (c->nsegs && c->segs[c->nsegs - 1].u == c->len) {
        c->segs[c->nsegs - 1].o = c->o;
        c->segs[c->nsegs - 1].even = even;
        return;
    }
    if (GROW(c->segs, c->segcap, c->nsegs + 1)) {
        c->failed = 1;
        return;
    }
    c->segs[c->nsegs++] = (charset_seg){c->len, c->o, even};
}

/* Appends u[0..un) read from olen original bytes; even: they are those
 * bytes, unchanged. Even pieces extend an even segment; any other piece
 * gets a segment of its own. */
static void conv_put(conv *c, const void *u, size_t un, size_t olen, int even)
{
    if (c->failed || conv_room(c, un))
        return;
    even = even && un == olen;
    if (!c->nsegs || !even || !c->segs[c->nsegs - 1].even)
        conv_mark(c, even);
    memcpy(c->text + c->len, u, un);
    c->len += un, c->o += olen;
    if (!even)
        conv_mark(c, 1);
}

/* ---- Tables ---- */

/* Encodes code point cp as UTF-8 into *out. */
static void u8_encode(unsigned long cp, u8char *out)
{
    unsigned char *b = out->b;
    if (cp < 0x80)
        b[0] = (unsigned char)cp, out->n = 1;
    else if (cp < 0x800)
        b[0] = (unsigned char)(0xc0 | cp >> 6), b[1] = (unsigned char)(0x80 | (cp & 0x3f)), out->n = 2;
    else if (cp < 0x10000)
        b[0] = (unsigned char)(0xe0 | cp >> 12), b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f)),
        b[2] = (unsigned char)(0x80 | (cp & 0x3f)), out->n = 3;
    else
        b[0] = (unsigned char)(0xf0 | cp >> 18), b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f)),
        b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f)), b[3] = (unsigned char)(0x80 | (cp & 0x3f)),
        out->n = 4;
}

/* Returns 1 for a control byte that is read as a space. */
static int is_void_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7f;
}

/* Fills t[256] with the characters of the single-byte charset cd (bytes it
 * cannot convert become U+FFFD, controls spaces). Returns 0, or -1 when the
 * charset is not single-byte (a byte starts a longer sequence). */
static int table_build(iconv_t cd, u8char t[256])
{
    for (int b = 0; b < 256; b++) {
        char in = (char)b, *ip = &in, out[8], *op = out;
        size_t il = 1, ol = sizeof out;
        iconv(cd, NULL, NULL, NULL, NULL);
        if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
            if (errno == EINVAL)
                return -1;
            u8_encode(0xfffd, &t[b]);
            continue;
        }
        size_t n = (size_t)(op - out);
        if (!n || n > 4) {
            u8_encode(0xfffd, &t[b]);
            continue;
        }
        memcpy(t[b].b, out, n);
        t[b].n = (unsigned char)n;
        if (is_void_control((unsigned char)b))
            t[b].b[0] = ' ', t[b].n = 1;
    }
    return 0;
}

static u8char cp1252[256];
static pthread_once_t cp1252_once = PTHREAD_ONCE_INIT;

/* Builds the Windows-1252 table once (glibc's converter; where it lacks
 * iconv or the charset, Latin-1). */
static void cp1252_init(void)
{
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd != (iconv_t)-1 && table_build(cd, cp1252) == 0) {
        iconv_close(cd);
        return;
    }
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    for (int b = 0; b < 256; b++) {
        u8_encode((unsigned long)b, &cp1252[b]);
        if (is_void_control((unsigned char)b))
            cp1252[b].b[0] = ' ', cp1252[b].n = 1;
    }
}

/* ---- Sniffing ---- */

/* Returns a reason if in[0..n) is not text (a known binary signature, or
 * many control bytes near the start), else NULL. */
static const char *sniff_binary(const unsigned char *in, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } sig[] = {
        {"\x1f\x8b", 2, "gzip-compressed data (decompress it first)"},
        {"%PDF-", 5, "a PDF file"},
        {"\x89PNG", 4, "a PNG image"},
        {"\xff\xd8\xff", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},
        {"PK\x03\x04", 4, "a ZIP archive"},
        {"\x7f" "ELF", 4, "an executable"},
        {"BZh", 3, "bzip2-compressed data (decompress it first)"},
        {"\xfd" "7zXZ", 5, "xz-compressed data (decompress it first)"},
        {"\x28\xb5\x2f\xfd", 4, "zstd-compressed data (decompress it first)"},
    };
    for (size_t i = 0; i < sizeof sig / sizeof *sig; i++)
        if (n >= sig[i].len && !memcmp(in, sig[i].magic, sig[i].len))
            return sig[i].what;
    size_t look = n < 4096 ? n : 4096, bad = 0;
    for (size_t i = 0; i < look; i++)
        bad += is_void_control(in[i]) && in[i] != 0x1b && in[i] != 0x7f;
    return look && bad * 50 > look ? "binary data (control bytes), not a web page" : NULL;
}

/* Returns the charset a byte order mark (or UTF-16 markup without one)
 * names, setting *skip to the mark's length; NULL when there is none. */
static const char *sniff_bom(const unsigned char *in, size_t n, size_t *skip)
{
    *skip = 0;
    if (n >= 3 && in[0] == 0xef && in[1] == 0xbb && in[2] == 0xbf)
        return *skip = 3, "UTF-8";
    if (n >= 2 && in[0] == 0xff && in[1] == 0xfe)
        return *skip = 2, "UTF-16LE";
    if (n >= 2 && in[0] == 0xfe && in[1] == 0xff)
        return *skip = 2, "UTF-16BE";
    if (n >= 4 && in[0] == '<' && !in[1] && in[2] && !in[3])
        return "UTF-16LE";
    if (n >= 4 && !in[0] && in[1] == '<' && !in[2] && in[3])
        return "UTF-16BE";
    return NULL;
}

/* Copies the charset name at s (quotes, spaces and ';' end it) into
 * name[0..cap), lower-cased. */
static void copy_label(const char *s, const char *end, char *name, size_t cap)
{
    while (s < end && (*s == ' ' || *s == '"' || *s == '\'' || *s == '='))
        s++;
    size_t k = 0; /* a label is ASCII letters, digits and "-_.:" (anything else ends it) */
    while (s < end && k + 1 < cap && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
                                      (*s >= '0' && *s <= '9') || (*s && strchr("-_.:", *s))))
        name[k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s), s++;
    name[k] = '\0';
}

/* Finds needle (lower case) in s[0..end) ignoring case; NULL if absent. */
static const char *find_ci(const char *s, const char *end, const char *needle)
{
    size_t k = strlen(needle);
    for (; s + k <= end; s++)
        if (!strncasecmp(s, needle, k))
            return s;
    return NULL;
}

/* Looks for a declared charset in the first 8 KiB: <meta charset=...>,
 * <meta http-equiv=Content-Type content="...; charset=...">, or the XML
 * declaration's encoding. Fills name (empty when there is none). */
static void sniff_declared(const char *in, size_t n, char *name, size_t cap)
{
    const char *end = in + (n < 8192 ? n : 8192), *p = in;
    name[0] = '\0';
    if (n > 5 && !strncmp(in, "<?xml", 5)) {
        const char *close = memchr(in, '>', (size_t)(end - in));
        const char *enc = close ? find_ci(in, close, "encoding") : NULL;
        if (enc) {
            copy_label(enc + 8, close, name, cap);
            return;
        }
    }
    while ((p = find_ci(p, end, "<meta")) != NULL) {
        const char *close = memchr(p, '>', (size_t)(end - p));
        if (!close)
            return;
        const char *cs = find_ci(p, close, "charset");
        if (cs) {
            copy_label(cs + 7, close, name, cap);
            if (name[0])
                return;
        }
        p = close;
    }
}

/* The iconv name of a charset label (the WHATWG Encoding Standard's
 * mapping for the labels that differ: Latin-1 and ASCII are read as
 * Windows-1252, GB2312 as GB18030...), or the label itself. */
static const char *charset_canonical(const char *label)
{
    static const struct {
        const char *label, *name;
    } alias[] = {
        {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
        {"utf-16", "UTF-8"}, {"utf-16le", "UTF-8"}, {"utf-16be", "UTF-8"}, /* a declaration the bytes just read as ASCII cannot be UTF-16 */
        {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"},
        {"latin1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
        {"ascii", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
        {"x-cp1252", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"}, {"iso-ir-100", "WINDOWS-1252"},
        {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"}, {"iso-8859-11", "WINDOWS-874"},
        {"tis-620", "WINDOWS-874"}, {"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
        {"gb_2312-80", "GB18030"}, {"chinese", "GB18030"}, {"csgb2312", "GB18030"},
        {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"}, {"x-sjis", "CP932"},
        {"ms_kanji", "CP932"}, {"windows-31j", "CP932"}, {"euc-kr", "CP949"},
        {"ks_c_5601-1987", "CP949"}, {"big5", "BIG5-HKSCS"}, {"x-mac-roman", "MACINTOSH"},
    };
    for (size_t i = 0; i < sizeof alias / sizeof *alias; i++)
        if (!strcmp(label, alias[i].label))
            return alias[i].name;
    return label;
}

/* ---- Decoding ---- */

/* Counts the valid multi-byte UTF-8 sequences and the invalid bytes of
 * in[0..n). */
static void utf8_census(const unsigned char *in, size_t n, size_t *multi, size_t *invalid)
{
    *multi = *invalid = 0;
    for (size_t i = 0; i < n;) {
        if (in[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = utf8_valid_char(in + i, n - i);
        if (k)
            (*multi)++, i += k;
        else
            (*invalid)++, i++;
    }
}

/* Reads in[0..n) as UTF-8: valid characters as they are, each byte that is
 * not part of one as Windows-1252 (so a Latin-1 page without a declaration
 * reads right, and a UTF-8 page with a stray Latin-1 byte too). */
static void decode_utf8(conv *c, const unsigned char *in, size_t n)
{
    pthread_once(&cp1252_once, cp1252_init);
    size_t run = 0; /* start of the pending stretch of plain bytes */
    for (size_t i = 0; i < n;) {
        unsigned char b = in[i];
        size_t k = b < 0x80 ? (is_void_control(b) ? 0 : 1) : utf8_valid_char(in + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        conv_put(c, in + run, i - run, i - run, 1);
        const u8char *t = b < 0x80 ? &(u8char){{' '}, 1} : &cp1252[b];
        conv_put(c, t->b, t->n, 1, 0);
        run = ++i;
    }
    conv_put(c, in + run, n - run, n - run, 1);
}

/* Reads in[0..n) through the single-byte table t. */
static void decode_table(conv *c, const unsigned char *in, size_t n, const u8char t[256])
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (in[i] < 0x80 && !is_void_control(in[i]))
            continue;
        conv_put(c, in + run, i - run, i - run, 1);
        conv_put(c, t[in[i]].b, t[in[i]].n, 1, 0);
        run = i + 1;
    }
    conv_put(c, in + run, n - run, n - run, 1);
}

/* Reads in[0..n) through iconv, a few output bytes at a time so that the
 * map stays fine-grained; a sequence iconv refuses becomes U+FFFD (one
 * byte skipped). Returns the number of such sequences. */
static size_t decode_iconv(conv *c, iconv_t cd, const unsigned char *in, size_t n)
{
    size_t bad = 0;
    char *ip = (char *)in;
    size_t il = n;
    while (il && !c->failed) {
        char out[4], *op = out;
        size_t ol = sizeof out, before = il;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        size_t made = (size_t)(op - out);
        if (made) {
            for (size_t k = 0; k < made; k++)
                if (is_void_control((unsigned char)out[k]))
                    out[k] = ' ';
            const char *was = (const char *)in + (n - before);
            conv_put(c, out, made, before - il, made == before - il && !memcmp(out, was, made));
        } else if (r == (size_t)-1 && errno != E2BIG) {
            if (before != il)
                conv_put(c, "", 0, before - il, 0); /* a shift sequence before it */
            conv_put(c, "\xef\xbf\xbd", 3, 1, 0); /* EILSEQ, or EINVAL: cut short at the end */
            ip++, il--, bad++;
        } else if (before != il)
            conv_put(c, "", 0, before - il, 0); /* input taken, nothing yet (a shift state) */
        else
            break;
    }
    return bad;
}

/* Reads the page through a declared (or BOM-named) charset other than
 * UTF-8. Returns 0, or -1 when iconv does not know it. */
static int decode_declared(conv *c, charset_text *ct, const char *name, const unsigned char *in,
                           size_t n)
{
    /* UTF-7 hides markup in ASCII (the HTML standard never reads it). */
    if (!strncasecmp(name, "utf-7", 5) || !strncasecmp(name, "utf7", 4))
        return -1;
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return -1;
    if (!strcmp(name, "WINDOWS-1252")) {
        pthread_once(&cp1252_once, cp1252_init);
        decode_table(c, in, n, cp1252);
    } else {
        u8char *t = xmalloc(256 * sizeof *t);
        if (!t)
            c->failed = 1;
        else if (table_build(cd, t) == 0)
            decode_table(c, in, n, t);
        else {
            iconv(cd, NULL, NULL, NULL, NULL);
            size_t bad = decode_iconv(c, cd, in, n);
            if (bad)
                snprintf(ct->warning, sizeof ct->warning,
                         "%zu byte sequences are not valid %s: replaced by U+FFFD", bad, name);
        }
        xfree(t);
    }
    iconv_close(cd);
    snprintf(ct->name, sizeof ct->name, "%s", name);
    return 0;
}

/* Reads the page as UTF-8 (the default, and the reading of valid UTF-8
 * whatever the declaration said; declared is "" when there is none or a
 * byte order mark overrules it), naming and warning as it goes. */
static void decode_default(conv *c, charset_text *ct, const char *declared, const unsigned char *in,
                           size_t n, size_t multi, size_t invalid)
{
    decode_utf8(c, in, n);
    snprintf(ct->name, sizeof ct->name, invalid && !multi ? "WINDOWS-1252" : "UTF-8");
    if (!invalid) {
        if (multi && declared[0] && strcmp(charset_canonical(declared), "UTF-8"))
            snprintf(ct->warning, sizeof ct->warning,
                     "declared charset %s, but the bytes are valid UTF-8: read as UTF-8", declared);
    } else if (declared[0] && strcmp(charset_canonical(declared), "UTF-8"))
        snprintf(ct->warning, sizeof ct->warning,
                 "unknown charset '%s': read as UTF-8, other bytes as Windows-1252", declared);
    else if (multi)
        snprintf(ct->warning, sizeof ct->warning,
                 "%zu bytes are not valid UTF-8: read as Windows-1252", invalid);
    else
        snprintf(ct->warning, sizeof ct->warning, "%s: read as Windows-1252 (a guess)",
                 declared[0] ? "declared UTF-8, but the bytes are not"
                             : "no charset declared and the bytes are not UTF-8");
}

/* Chooses the reading of in[0..n) and runs it into c: a byte order mark
 * first; valid UTF-8 as UTF-8 (but for the 7-bit ISO-2022 charsets, whose
 * bytes are ASCII); otherwise the charset the HTTP header names (http, or
 * NULL), else the page's own declaration, the first that iconv knows;
 * otherwise UTF-8 with the Windows-1252 fallback. */
static void decode_page(conv *c, charset_text *ct, const unsigned char *in, size_t n,
                        const char *http)
{
    size_t skip, multi, invalid;
    const char *bom = sniff_bom(in, n, &skip);
    c->o = skip;
    if (bom && strcmp(bom, "UTF-8") && decode_declared(c, ct, bom, in + skip, n - skip) == 0)
        return;
    char label[2][40] = {"", ""}; /* the HTTP header's, the page's */
    if (!bom) {
        if (http)
            copy_label(http, http + strlen(http), label[0], sizeof label[0]);
        sniff_declared((const char *)in, n, label[1], sizeof label[1]);
    }
    utf8_census(in + skip, n - skip, &multi, &invalid);
    const char *declared = label[0][0] ? label[0] : label[1];
    for (int k = 0; k < 2; k++) {
        const char *name = charset_canonical(label[k]);
        if (!label[k][0])
            continue;
        declared = label[k];
        if (!strcmp(name, "UTF-8"))
            break; /* the first declaration that is known wins */
        if (!invalid && strncasecmp(name, "iso-2022", 8))
            break; /* valid UTF-8 is read as UTF-8 whatever is declared */
        if (decode_declared(c, ct, name, in, n) == 0) {
            if (k == 1 && label[0][0] && strcmp(charset_canonical(label[0]), "UTF-8"))
                snprintf(ct->warning, sizeof ct->warning, "unknown charset '%s' in the HTTP "
                         "header: read as %s, as the page declares", label[0], name);
            return;
        }
    }
    decode_default(c, ct, declared, in + skip, n - skip, multi, invalid);
}

/* Ends the conversion c of n original bytes into *out. Returns 0, or -1
 * when out of memory (everything freed). */
static int conv_finish(conv *c, size_t n, charset_text *out)
{
    if (!c->failed && (conv_room(c, 0) == 0)) {
        conv_mark(c, 1); /* the end: {len, n} */
        c->segs[c->nsegs - 1].o = n;
    }
    if (c->failed || !c->text) {
        xfree(c->text), xfree(c->segs);
        return -1;
    }
    c->text[c->len] = '\0';
    out->text = c->text, out->len = c->len;
    out->segs = c->segs, out->nsegs = c->nsegs;
    return 0;
}

int charset_decode_cp1252(const char *in, size_t n, charset_text *out)
{
    memset(out, 0, sizeof *out);
    pthread_once(&cp1252_once, cp1252_init);
    conv c = {0};
    decode_table(&c, (const unsigned char *)in, n, cp1252);
    snprintf(out->name, sizeof out->name, "WINDOWS-1252");
    return conv_finish(&c, n, out);
}

int charset_decode(const char *in, size_t n, charset_text *out)
{
    return charset_decode_http(in, n, NULL, out);
}

int charset_decode_http(const char *in, size_t n, const char *http, charset_text *out)
{
    memset(out, 0, sizeof *out);
    size_t skip;
    const char *bom = sniff_bom((const unsigned char *)in, n, &skip);
    const char *why = bom && strcmp(bom, "UTF-8") ? NULL : sniff_binary((const unsigned char *)in, n);
    if (why) {
        snprintf(out->warning, sizeof out->warning, "%s", why);
        return 1;
    }
    conv c = {0};
    decode_page(&c, out, (const unsigned char *)in, n, http && *http ? http : NULL);
    return conv_finish(&c, n, out);
}

void charset_text_free(charset_text *ct)
{
    if (!ct)
        return;
    xfree(ct->text);
    xfree(ct->segs);
    ct->text = NULL, ct->segs = NULL;
}

size_t charset_seg_at(const charset_text *ct, size_t u)
{
    size_t lo = 0, hi = ct->nsegs;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (ct->segs[mid].u <= u)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t charset_orig_offset(const charset_text *ct, size_t u)
{
    if (!ct->nsegs)
        return u;
    size_t i = charset_seg_at(ct, u);
    const charset_seg *s = &ct->segs[i];
    if (i + 1 == ct->nsegs)
        return s->o;
    return s->even ? s->o + (u - s->u) : s->o;
}
