#include "core/utf8.h"
#include "core/alloc.h"
#include <string.h>
#include <utf8proc.h>

size_t utf8_valid_char(const unsigned char *s, size_t n)
{
    if (s[0] == 0)
        return 0;
    if (s[0] < 0x80)
        return 1;
    utf8proc_int32_t cp;
    /* utf8proc rejects overlong forms, surrogates and values past U+10FFFF. */
    utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)(n < 4 ? n : 4), &cp);
    return k > 0 ? (size_t)k : 0;
}

/* Length of the invalid sequence at s, replaced by one U+FFFD: Unicode's
 * "maximal subpart" practice. A lead byte swallows the continuation bytes
 * that could still have completed it (the second byte's allowed range
 * depends on the lead: E0 A0-BF, ED 80-9F, F0 90-BF, F4 80-8F, else
 * 80-BF); a byte that can never lead, or a lead followed by a byte outside
 * that range, stands alone. */
static size_t invalid_run(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t want = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 1;
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    size_t k = 1;
    if (want > 1 && n > 1 && s[1] >= lo && s[1] <= hi) {
        k = 2;
        while (k < want && k < n && (s[k] & 0xC0) == 0x80)
            k++;
    }
    return k;
}

static int push_fix(utf8_repair *r, size_t *cap, size_t at, size_t orig_len)
{
    if (GROW(r->fixes, *cap, r->nfixes + 1))
        return -1;
    long long before = r->nfixes ? r->fixes[r->nfixes - 1].shift : 0;
    r->fixes[r->nfixes++] = (utf8_fix){at, orig_len, before + (long long)orig_len - 3};
    return 0;
}

int utf8_repair_text(const char *s, size_t n, utf8_repair *r)
{
    memset(r, 0, sizeof *r);
    size_t cap = n + 1, fixcap = 0, out = 0;
    r->text = xmalloc(cap);
    if (!r->text)
        return -1;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        /* Most text is ASCII: copy a run of it at once. */
        size_t a = i;
        while (a < n && u[a] - 1u < 0x7Fu) /* 0x01 .. 0x7F */
            a++;
        if (a > i) {
            memcpy(r->text + out, s + i, a - i);
            out += a - i;
            i = a;
            continue;
        }
        size_t k = utf8_valid_char(u + i, n - i);
        if (k) {
            memcpy(r->text + out, s + i, k);
            out += k;
            i += k;
            continue;
        }
        k = u[i] == 0 ? 1 : invalid_run(u + i, n - i);
        if (out + 3 + (n - i - k) + 1 > cap) {
            size_t need = out + 3 + (n - i - k) + 1;
            if (GROW(r->text, cap, need))
                goto fail;
        }
        if (push_fix(r, &fixcap, out, k))
            goto fail;
        memcpy(r->text + out, "\xEF\xBF\xBD", 3);
        out += 3;
        i += k;
    }
    r->text[out] = '\0';
    r->len = out;
    return 0;
fail:
    utf8_repair_free(r);
    return -1;
}

void utf8_repair_free(utf8_repair *r)
{
    xfree(r->text);
    xfree(r->fixes);
    memset(r, 0, sizeof *r);
}

size_t utf8_original_offset(const utf8_fix *fixes, size_t nfixes, size_t pos)
{
    /* Find the last fix that starts before pos (binary search). */
    size_t lo = 0, hi = nfixes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fixes[mid].at < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return pos;
    const utf8_fix *f = &fixes[lo - 1];
    long long before = f->shift - ((long long)f->orig_len - 3);
    if (pos < f->at + 3) /* inside the replacement character */
        return (size_t)((long long)f->at + before);
    return (size_t)((long long)pos + f->shift);
}

void utf8_cut_invalid(char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t k = utf8_valid_char((const unsigned char *)s + i, n - i);
        if (!k) {
            s[i] = '\0';
            return;
        }
        i += k;
    }
}
