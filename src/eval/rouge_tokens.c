/* Reading one SPL text the way ROUGE-1.5.5 reads a file: lines, ASCII
 * lowercasing, the -l/-b cut (twice: once for the n-gram text, once, with
 * the script's byte-limit bug, for the ROUGE-L/W sentences), tokens, stop
 * words and stems, then the sorted n-gram and skip-bigram lists that the
 * scores merge. Everything is bytes, as in the Perl script; --unicode only
 * changes lowercasing, what a token is and what white space is. */
#include "core/alloc.h"
#include "core/data.h"
#include "eval/rouge.h"
#include <string.h>
#include <utf8proc.h>

/* A growable list of ids. */
typedef struct idvec {
    uint32_t *v;
    size_t len, cap;
} idvec;

/* Appends x; 0 or -1. */
static int idvec_push(idvec *a, uint32_t x)
{
    if (a->len == a->cap && GROW(a->v, a->cap, a->len + 1))
        return -1;
    a->v[a->len++] = x;
    return 0;
}

/* ---- word lists ---- */

/* data_each_line callback: one stop word. */
static int load_stop(const char *line, size_t len, void *arg)
{
    return strmap_put(arg, line, len, 1) ? -1 : 0;
}

/* data_each_line callback: "word<TAB>base" of the exception table. */
static int load_exc(const char *line, size_t len, void *arg)
{
    rouge_lexicon *lx = arg;
    const char *tab = memchr(line, '\t', len);
    if (!tab)
        return 0;
    size_t klen = (size_t)(tab - line), vlen = len - klen - 1;
    if (lx->nexc % 1024 == 0) {
        size_t cap = lx->nexc + 1024;
        const char **t = xrealloc(lx->exc_text, cap * sizeof *t);
        if (!t)
            return -1;
        lx->exc_text = t;
        uint32_t *l = xrealloc(lx->exc_len, cap * sizeof *l);
        if (!l)
            return -1;
        lx->exc_len = l;
    }
    lx->exc_text[lx->nexc] = tab + 1; /* the embedded data is static */
    lx->exc_len[lx->nexc] = (uint32_t)vlen;
    return strmap_put(&lx->exc, line, klen, (uint32_t)lx->nexc++) ? -1 : 0;
}

int lexicon_init(rouge_lexicon *lx, const rouge_settings *st)
{
    memset(lx, 0, sizeof *lx);
    if ((st->stop && !data_get("rouge/smart_common_words.txt", NULL)) ||
        (st->stem && !data_get("rouge/wordnet2.0_exceptions.tsv", NULL)))
        return NF_EDATA; /* a word list is missing from the build */
    if (st->stop && data_each_line("rouge/smart_common_words.txt", load_stop, &lx->stop))
        return NF_ENOMEM;
    if (st->stem && data_each_line("rouge/wordnet2.0_exceptions.tsv", load_exc, lx))
        return NF_ENOMEM;
    return NF_OK;
}

void lexicon_free(rouge_lexicon *lx)
{
    strmap_free(&lx->stop);
    strmap_free(&lx->exc);
    strmap_free(&lx->seen);
    strmap_free(&lx->forms);
    xfree(lx->exc_text);
    xfree(lx->exc_len);
    xfree(lx->scratch);
    memset(lx, 0, sizeof *lx);
}

/* Is t[0..n) plain ASCII? Only such tokens are stemmed. */
static int is_ascii(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)t[i] >= 0x80)
            return 0;
    return 1;
}

int lexicon_stem(rouge_lexicon *lx, const char *t, size_t n, const char **form, size_t *flen)
{
    *form = t, *flen = n;
    if (n <= 3 || !is_ascii(t, n))
        return 0;
    uint32_t k;
    if (strmap_get(&lx->exc, t, n, &k)) {
        *form = lx->exc_text[k], *flen = lx->exc_len[k];
        return 0;
    }
    if (n + 2 > lx->scratch_cap && GROW(lx->scratch, lx->scratch_cap, n + 2))
        return -1;
    *flen = porter_stem(t, n, lx->scratch);
    *form = lx->scratch;
    return 0;
}

/* The id of token t after stop words and stemming (0: dropped); each
 * distinct token is worked out once. 0 or -1 when out of memory. */
static int token_id(rouge_lexicon *lx, const rouge_settings *st, const char *t, size_t n,
                    uint32_t *id)
{
    if (strmap_get(&lx->seen, t, n, id))
        return 0;
    *id = 0;
    uint32_t dummy;
    if (!(st->stop && strmap_get(&lx->stop, t, n, &dummy))) {
        const char *form;
        size_t flen;
        form = t, flen = n;
        if (st->stem && lexicon_stem(lx, t, n, &form, &flen))
            return -1;
        if (!strmap_get(&lx->forms, form, flen, id)) {
            *id = ++lx->nforms;
            if (strmap_put(&lx->forms, form, flen, *id))
                return -1;
        }
    }
    return strmap_put(&lx->seen, t, n, *id);
}

/* ---- characters ---- */

/* Decodes one code point; invalid bytes read as -1, one at a time. */
static size_t next_cp(const char *s, size_t n, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)(n < 4 ? n : 4), &c);
    if (k <= 0) {
        *cp = -1;
        return 1;
    }
    *cp = c;
    return (size_t)k;
}

/* Perl's \s on bytes: ASCII white space only. */
static int ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of the white space at s (0 if none); --unicode adds Z* spaces. */
static inline size_t space_at(const char *s, size_t n, int unicode)
{
    unsigned char c = (unsigned char)*s;
    if (c > ' ' && (c < 0x80 || !unicode))
        return 0; /* the common case: a printable byte */
    if (ascii_space(c))
        return 1;
    if (!unicode || c < 0x80)
        return 0;
    int32_t cp;
    size_t k = next_cp(s, n, &cp);
    if (cp == 0x85)
        return k;
    int cat = cp < 0 ? 0 : utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
                   cat == UTF8PROC_CATEGORY_ZP ? k : 0;
}

/* --unicode: is cp part of a word (letters, digits, marks)? */
static int word_cp(int32_t cp)
{
    if (cp < 0)
        return 0;
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    int cat = utf8proc_category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* --unicode: scripts written without spaces, where each character is a
 * token (Han, kana, Hangul syllables are split per character as well). */
static int solo_cp(int32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x2FFFF);
}

/* ASCII mode: a token is a run of [A-Za-z0-9] (the script turns every
 * other byte, and '-', into a separator) that starts with [a-z0-9]. */
static int tokens_ascii(const char *s, size_t n, int (*fn)(const char *, size_t, void *),
                        void *arg)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (((c = (unsigned char)s[j]) >= 'a' && c <= 'z') ||
                         (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            j++;
        int rc = (s[i] >= 'A' && s[i] <= 'Z') ? 0 : fn(s + i, j - i, arg);
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

/* --unicode: runs of letters, digits and marks; spaceless scripts one
 * character at a time. */
static int tokens_unicode(const char *s, size_t n, int (*fn)(const char *, size_t, void *),
                          void *arg)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        size_t k = next_cp(s + i, n - i, &cp);
        if (!word_cp(cp) || (utf8proc_category(cp) >= UTF8PROC_CATEGORY_MN &&
                             utf8proc_category(cp) <= UTF8PROC_CATEGORY_ME)) {
            i += k;
            continue;
        }
        size_t j = i + k;
        while (!solo_cp(cp) && j < n) {
            size_t k2 = next_cp(s + j, n - j, &cp);
            if (!word_cp(cp) || solo_cp(cp))
                break;
            j += k2;
        }
        int rc = fn(s + i, j - i, arg);
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

int tokens_each(const char *text, size_t len, int unicode,
                int (*fn)(const char *tok, size_t n, void *arg), void *arg)
{
    return unicode ? tokens_unicode(text, len, fn, arg) : tokens_ascii(text, len, fn, arg);
}

/* ---- reading ---- */

/* A byte range of the lowercased text. */
typedef struct piece {
    size_t start, len;
} piece;

typedef struct pieces {
    piece *v;
    size_t len, cap;
} pieces;

/* Appends one range; 0 or -1. */
static int pieces_push(pieces *p, size_t start, size_t len)
{
    if (p->len == p->cap && GROW(p->v, p->cap, p->len + 1))
        return -1;
    p->v[p->len++] = (piece){start, len};
    return 0;
}

/* A lowercased copy of text: ASCII A-Z only (tr/A-Z/a-z/), or every
 * script with --unicode. NULL when out of memory; *olen gets its length. */
static char *lowercase_copy(const char *text, size_t len, int unicode, size_t *olen)
{
    char *out = xmalloc(unicode ? 4 * len + 1 : len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80 || !unicode) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int32_t cp;
        size_t k = next_cp(text + i, len - i, &cp);
        if (cp < 0)
            out[o++] = (char)c;
        else
            o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)out + o);
        i += k;
    }
    out[o] = '\0';
    *olen = o;
    return out;
}

/* The non-empty lines (chomped: only "\n" goes) of s[0..n). */
static int split_lines(const char *s, size_t n, pieces *lines)
{
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - s) : n;
        if (end > i && pieces_push(lines, i, end - i))
            return -1;
        i = end + 1;
    }
    return 0;
}

/* Perl's scalar(split(/\s+/, line)) and, for keep > 0, the length of the
 * prefix that holds the first keep fields (a leading space makes an empty
 * first field; trailing empty fields do not count). */
static size_t line_fields(const char *s, size_t n, int unicode, size_t keep, size_t *prefix)
{
    size_t runs = 0, i = 0, k;
    int lead = n > 0 && space_at(s, n, unicode) > 0;
    size_t fields_before = lead ? 1 : 0;
    *prefix = 0;
    if (keep && keep <= fields_before)
        keep = 0; /* the empty first field: nothing to keep */
    while (i < n) {
        if ((k = space_at(s + i, n - i, unicode))) {
            i += k;
            continue;
        }
        while (i < n && !space_at(s + i, n - i, unicode))
            i++;
        runs++;
        if (keep && runs + fields_before == keep)
            *prefix = i;
    }
    return runs ? runs + fields_before : 0;
}

/* The line ranges ROUGE's readText (lcs = 0) or readText_LCS (lcs = 1)
 * keeps under -l / -b. readText_LCS never adds to its byte count, so it
 * keeps every line shorter than the limit whole (the script's bug). */
static int cut_lines(const char *s, const pieces *lines, const rouge_settings *st, int lcs,
                     pieces *out)
{
    size_t used = 0;
    for (size_t i = 0; i < lines->len; i++) {
        piece p = lines->v[i];
        if (st->words > 0) {
            size_t pre, f = line_fields(s + p.start, p.len, st->unicode, 0, &pre);
            if (used + f < (size_t)st->words) {
                used += f;
            } else {
                line_fields(s + p.start, p.len, st->unicode, (size_t)st->words - used, &pre);
                return pieces_push(out, p.start, pre);
            }
        } else if (st->bytes > 0) {
            if (used + p.len >= (size_t)st->bytes)
                return pieces_push(out, p.start, (size_t)st->bytes - used);
            if (!lcs)
                used += p.len;
        }
        if (pieces_push(out, p.start, p.len))
            return -1;
    }
    return 0;
}

/* tokens_each callback state: ids go to out. */
typedef struct tok_ctx {
    rouge_lexicon *lx;
    const rouge_settings *st;
    idvec *out;
} tok_ctx;

/* tokens_each callback: map a token to its id and keep it unless dropped. */
static int tok_collect(const char *t, size_t n, void *arg)
{
    tok_ctx *c = arg;
    uint32_t id;
    if (token_id(c->lx, c->st, t, n, &id))
        return -1;
    return id ? idvec_push(c->out, id) : 0;
}

/* Copies a vector into the arena (a 1-element dummy when empty). */
static uint32_t *arena_ids(arena *mem, const uint32_t *v, size_t n)
{
    uint32_t *a = arena_alloc(mem, (n ? n : 1) * sizeof *a);
    if (a && n)
        memcpy(a, v, n * sizeof *a);
    return a;
}

/* The sorted n-gram ids of d->tok for n = 1..max_n; an n-gram's id is the
 * interned pair (id of its first n-1 words, last word), exact and cheap. */
static int doc_grams(const rouge_settings *st, rouge_idmap *grams, arena *mem, rouge_doc *d)
{
    int N = st->max_n;
    d->grams = arena_alloc(mem, (size_t)(N ? N : 1) * sizeof *d->grams);
    d->ngrams = arena_alloc(mem, (size_t)(N ? N : 1) * sizeof *d->ngrams);
    uint32_t *cur = xmalloc((d->ntok ? d->ntok : 1) * sizeof *cur);
    if (!d->grams || !d->ngrams || !cur) {
        xfree(cur);
        return -1;
    }
    if (d->ntok)
        memcpy(cur, d->tok, d->ntok * sizeof *cur);
    size_t count = d->ntok;
    for (int k = 0; k < N; k++) {
        if (k > 0) {
            count = d->ntok >= (size_t)k + 1 ? d->ntok - (size_t)k : 0;
            for (size_t i = 0; i < count; i++)
                if (!(cur[i] = idmap_intern(&grams[k], (uint64_t)cur[i] << 32 | d->tok[i + (size_t)k])))
                    return xfree(cur), -1;
        }
        d->ngrams[k] = count;
        if (!(d->grams[k] = arena_ids(mem, cur, count)) || sort_u32(d->grams[k], count))
            return xfree(cur), -1;
    }
    xfree(cur);
    return 0;
}

/* The sorted skip-bigram keys (first << 32 | second) within the skip
 * distance, with a unigram key (first << 32) for every token but the last
 * when unigrams is set (the script's loop stops one short). */
static uint64_t *skip_keys(const rouge_settings *st, const rouge_doc *d, int unigrams,
                           arena *mem, size_t *count)
{
    size_t T = d->ntok, n = 0, cap = 1;
    for (size_t i = 0; i + 1 < T; i++) {
        size_t last = st->skip < 0 || i + (size_t)st->skip + 1 > T - 1 ? T - 1 : i + (size_t)st->skip + 1;
        cap += (last - i) + (unigrams ? 1 : 0);
    }
    uint64_t *k = arena_alloc(mem, cap * sizeof *k);
    if (!k)
        return NULL;
    for (size_t i = 0; i + 1 < T; i++) {
        if (unigrams)
            k[n++] = (uint64_t)d->tok[i] << 32;
        for (size_t j = i + 1; j < T && (st->skip < 0 || j <= i + (size_t)st->skip + 1); j++)
            k[n++] = (uint64_t)d->tok[i] << 32 | d->tok[j];
    }
    if (sort_u64(k, n))
        return NULL;
    *count = n;
    return k;
}

/* Tokenizes the n-gram view and the sentence view into d. When they are
 * the same lines (no -b), the sentences share the n-gram tokens. */
static int doc_tokens(rouge_lexicon *lx, const rouge_settings *st, arena *mem, const char *s,
                      const pieces *text, const pieces *sents, rouge_doc *d)
{
    idvec toks = {0}, stoks = {0}, ends = {0};
    tok_ctx c = {lx, st, &toks};
    int same = text == sents, rc = 0;
    for (size_t i = 0; !rc && i < text->len; i++) {
        rc = tokens_each(s + text->v[i].start, text->v[i].len, st->unicode, tok_collect, &c);
        if (same && !rc)
            rc = idvec_push(&ends, (uint32_t)toks.len);
    }
    c.out = &stoks;
    for (size_t i = 0; !same && !rc && i < sents->len; i++) {
        rc = tokens_each(s + sents->v[i].start, sents->v[i].len, st->unicode, tok_collect, &c);
        rc = rc ? rc : idvec_push(&ends, (uint32_t)stoks.len);
    }
    if (!rc) {
        d->ntok = toks.len, d->nsent = ends.len;
        d->tok = arena_ids(mem, toks.v, toks.len);
        d->stok = same ? d->tok : arena_ids(mem, stoks.v, stoks.len);
        d->nstok = same ? toks.len : stoks.len;
        d->send = arena_ids(mem, ends.v, ends.len);
        rc = d->tok && d->stok && d->send ? 0 : -1;
    }
    xfree(toks.v), xfree(stoks.v), xfree(ends.v);
    return rc;
}

int doc_read(rouge_lexicon *lx, const rouge_settings *st, rouge_idmap *grams, arena *mem,
             const char *text, size_t len, rouge_doc *d)
{
    memset(d, 0, sizeof *d);
    size_t n;
    char *s = lowercase_copy(text, len, st->unicode, &n);
    pieces lines = {0}, cut = {0}, sents = {0};
    /* The two readers differ only under -b (the LCS reader's bug). */
    int rc = !s || split_lines(s, n, &lines) || cut_lines(s, &lines, st, 0, &cut) ||
             (st->bytes > 0 && cut_lines(s, &lines, st, 1, &sents)) ||
             doc_tokens(lx, st, mem, s, &cut, st->bytes > 0 ? &sents : &cut, d) ||
             doc_grams(st, grams, mem, d);
    if (!rc && st->has_skip && (st->skip_both || !st->skip_unigrams))
        rc = !(d->skip = skip_keys(st, d, 0, mem, &d->nskip));
    if (!rc && st->has_skip && (st->skip_both || st->skip_unigrams))
        rc = !(d->skip_u = skip_keys(st, d, 1, mem, &d->nskip_u));
    xfree(s), xfree(lines.v), xfree(cut.v), xfree(sents.v);
    return rc ? NF_ENOMEM : NF_OK;
}
