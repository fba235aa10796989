/* Background term statistics: counting, the TSV file, lookups. The file:
 *
 *   # newsfuse-idf/1<TAB>language=english<TAB>documents=N<TAB>min_df=K
 *   term<TAB>df
 *   ...
 *
 * terms in byte order (so the same corpus always gives the same file),
 * each once, df from 1 to N. Header fields other than language and
 * documents are optional, and unknown ones are ignored. */
#include "model/idf.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/options.h"
#include "model/model.h"
#include "text/clean.h"
#include "text/tokens.h"
#include "core/utf8.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The largest table file read (a table of every term of a large corpus
 * is a few megabytes). */
#define IDF_MAX_FILE (1 << 30)

/* Formats the table's error message, cut before any invalid UTF-8 (a
 * path or a language name from the file may hold some; messages reach
 * JSON); returns code for tail calls. */
static int fail(nf_idf *t, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(nf_idf *t, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->err, sizeof t->err, fmt, ap);
    va_end(ap);
    utf8_cut_invalid(t->err);
    return code;
}

nf_idf *nf_idf_new(void)
{
    nf_idf *t = xcalloc(1, sizeof *t);
    if (!t)
        return NULL;
    snprintf(t->language, sizeof t->language, "english");
    atomic_init(&t->refs, 1);
    atomic_init(&t->frozen, 0);
    return t;
}

/* Drops one reference; the last frees the table. */
void nf_idf_free(nf_idf *t)
{
    if (!t || atomic_fetch_sub(&t->refs, 1) != 1)
        return;
    tokenizer_free(t->tk);
    vocab_free(&t->voc);
    arena_free(&t->mem);
    xfree(t);
}

struct nf_idf *idf_share(struct nf_idf *t)
{
    atomic_store(&t->frozen, 1);
    atomic_fetch_add(&t->refs, 1);
    return t;
}

const char *nf_idf_error(const nf_idf *t) { return t ? t->err : ""; }
const char *nf_idf_language(const nf_idf *t) { return t ? t->language : NULL; }
size_t nf_idf_documents(const nf_idf *t) { return t ? t->ndocs : 0; }
size_t nf_idf_term_count(const nf_idf *t) { return t ? t->voc.nterms : 0; }

long nf_idf_df(const nf_idf *t, const char *word)
{
    int64_t id = t && word ? vocab_find(&t->voc, word, strlen(word)) : -1;
    return id < 0 ? 0 : (long)t->voc.terms[id].df;
}

double idf_df(const struct nf_idf *t, const char *s, size_t len)
{
    int64_t id = vocab_find(&t->voc, s, len);
    return id < 0 ? 0 : t->voc.terms[id].df;
}

/* Returns NF_OK if t may still change, else NF_EINVAL with a message. */
static int check_writable(nf_idf *t, const char *what)
{
    if (atomic_load(&t->frozen))
        return fail(t, NF_EINVAL, "%s: the table is shared (read-only)", what);
    return NF_OK;
}

int nf_idf_set_language(nf_idf *t, const char *language)
{
    if (!t || !language)
        return NF_EINVAL;
    if (check_writable(t, "language") || t->ndocs || t->voc.nterms)
        return fail(t, NF_EINVAL, "language: set it before counting or reading");
    if (strlen(language) >= sizeof t->language || !tokenizer_language_ok(language))
        return fail(t, NF_EINVAL, "language '%.40s' has no stemmer and stop list", language);
    snprintf(t->language, sizeof t->language, "%s", language);
    return NF_OK;
}

/* Adds the document frequencies of a model's content terms. */
static int add_model_counts(nf_idf *t, const model *m)
{
    for (size_t k = 0; k < m->voc.nterms; k++) {
        const term *x = &m->voc.terms[k];
        if (x->stop || !x->df)
            continue;
        int64_t id = vocab_intern(&t->voc, &t->mem, x->s, x->len, 0);
        if (id < 0)
            return NF_ENOMEM;
        t->voc.terms[id].df += x->df;
    }
    return NF_OK;
}

/* Counts each report of ds (not the ones already read) once per content
 * term, through the same model as nf_summarize: sentences, datelines
 * stripped, tokens folded and stemmed. */
int nf_idf_add_docset(nf_idf *t, const nf_docset *ds)
{
    if (!t || !ds)
        return NF_EINVAL;
    if (check_writable(t, "add"))
        return NF_EINVAL;
    if (!t->tk && !(t->tk = tokenizer_new(t->language)))
        return fail(t, NF_ENOMEM, "out of memory");
    unsigned long failures0 = alloc_failures();
    const cleaner *cl = cleaner_shared();
    model m;
    int rc = cl ? model_build(&m, ds, t->tk, cl, &(model_limits){.max_doc_bytes = OPT_DEFAULT_MAX_DOC_BYTES}) : NF_ENOMEM;
    if (rc == NF_OK)
        rc = add_model_counts(t, &m);
    if (cl)
        model_free(&m);
    if (rc == NF_OK && alloc_failures() != failures0) /* a callee absorbed one */
        rc = NF_ENOMEM;
    if (rc == NF_OK)
        t->ndocs += ds->ndocs;
    return rc == NF_OK ? NF_OK : fail(t, rc, "out of memory");
}

/* ---- Reading the file. ---- */

/* Where the parser is: the name for messages and the line number. */
typedef struct cursor {
    nf_idf *t;
    const char *name;
    long line;
} cursor;

/* Parses a decimal count in [0, max] from s[0..n); -1 if it is not one. */
static long parse_count(const char *s, size_t n, long max)
{
    long v = 0;
    if (n == 0 || n > 18)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v <= max ? v : -1;
}

/* Reads one "key=value" field of the header. */
static int header_field(cursor *c, const char *s, size_t n, int *have)
{
    nf_idf *t = c->t;
    const char *eq = memchr(s, '=', n);
    /* Every field is key=value, unknown keys included (they are skipped
     * by their key): a field without '=' is a broken header, and there is
     * no value to point at. An empty field (a doubled or trailing tab)
     * says nothing and is skipped, as before. */
    if (!n)
        return NF_OK;
    if (!eq)
        return fail(t, NF_EDATA, "%s:%ld: header field '%.*s' is not key=value (no '=')",
                    c->name, c->line, (int)(n < 40 ? n : 40), s);
    size_t k = (size_t)(eq - s), vn = n - k - 1;
    if (k == 8 && !memcmp(s, "language", 8)) {
        char lang[48];
        if (vn >= sizeof lang)
            return fail(t, NF_EDATA, "%s:%ld: the language name is too long", c->name, c->line);
        memcpy(lang, eq + 1, vn), lang[vn] = '\0';
        if (!tokenizer_language_ok(lang))
            return fail(t, NF_EDATA, "%s:%ld: language '%s' has no stemmer and stop list", c->name,
                        c->line, lang);
        snprintf(t->language, sizeof t->language, "%s", lang);
        *have |= 1;
    } else if (k == 9 && !memcmp(s, "documents", 9)) {
        long v = parse_count(eq + 1, vn, 4000000000L);
        if (v < 1)
            return fail(t, NF_EDATA, "%s:%ld: documents= needs a count of at least 1", c->name,
                        c->line);
        t->ndocs = (size_t)v;
        *have |= 2;
    } else if (k == 6 && !memcmp(s, "min_df", 6)) {
        if ((t->min_df = parse_count(eq + 1, vn, 4000000000L)) < 0)
            return fail(t, NF_EDATA, "%s:%ld: min_df= needs a count", c->name, c->line);
    }
    return NF_OK;
}

/* Reads the header line s[0..n). */
static int parse_header(cursor *c, const char *s, size_t n)
{
    size_t f = strlen(IDF_FORMAT);
    if (n < f || memcmp(s, IDF_FORMAT, f) || (n > f && s[f] != '\t'))
        return fail(c->t, NF_EDATA, "%s:%ld: not an idf table (the first line must start "
                    "with \"%s\"; newsfuse idf build writes one)", c->name, c->line, IDF_FORMAT);
    int have = 0;
    for (size_t i = f; i < n;) {
        size_t e = ++i; /* skip the tab */
        while (e < n && s[e] != '\t')
            e++;
        int rc = header_field(c, s + i, e - i, &have);
        if (rc)
            return rc;
        i = e;
    }
    if (have != 3)
        return fail(c->t, NF_EDATA, "%s:%ld: the header needs language= and documents=", c->name,
                    c->line);
    return NF_OK;
}

/* Reads one "term<TAB>df" line s[0..n). */
static int parse_term(cursor *c, const char *s, size_t n)
{
    nf_idf *t = c->t;
    const char *tab = memchr(s, '\t', n);
    if (!tab || tab == s)
        return fail(t, NF_EDATA, "%s:%ld: expected term<TAB>document count", c->name, c->line);
    size_t tn = (size_t)(tab - s);
    long df = parse_count(tab + 1, n - tn - 1, (long)t->ndocs);
    if (df < 1)
        return fail(t, NF_EDATA, "%s:%ld: the document count must be a whole number from 1 to "
                    "documents=%zu", c->name, c->line, t->ndocs);
    if (memchr(s, '\0', tn))
        return fail(t, NF_EDATA, "%s:%ld: a term holds a NUL byte", c->name, c->line);
    if (vocab_find(&t->voc, s, tn) >= 0)
        return fail(t, NF_EDATA, "%s:%ld: the term appears twice", c->name, c->line);
    int64_t id = vocab_intern(&t->voc, &t->mem, s, tn, 0);
    if (id < 0)
        return fail(t, NF_ENOMEM, "out of memory");
    t->voc.terms[id].df = (uint32_t)df;
    return NF_OK;
}

int nf_idf_parse(nf_idf *t, const char *text, size_t len, const char *name)
{
    if (!t || (!text && len))
        return NF_EINVAL;
    if (check_writable(t, "parse"))
        return NF_EINVAL;
    if (t->ndocs || t->voc.nterms)
        return fail(t, NF_EINVAL, "parse: the table is not empty");
    cursor c = {t, name ? name : "idf", 0};
    int rc = NF_OK;
    for (size_t i = 0; rc == NF_OK && i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len, n = e - i;
        c.line++;
        if (n && text[i + n - 1] == '\r')
            n--;
        if (c.line == 1)
            rc = parse_header(&c, text + i, n);
        else if (n)
            rc = parse_term(&c, text + i, n);
        i = e + 1;
    }
    if (rc == NF_OK && c.line == 0)
        rc = fail(t, NF_EDATA, "%s:1: empty file, not an idf table", c.name);
    if (rc != NF_OK) { /* leave the table empty, as it was */
        vocab_free(&t->voc), arena_free(&t->mem);
        t->ndocs = 0, t->min_df = 0;
    }
    return rc;
}

/* Reads the file at path into a new buffer (xfree it); NULL on failure.
 * Only a regular file of at most IDF_MAX_FILE bytes is read, so a path
 * such as /dev/zero cannot make the reading endless. */
static char *read_all(nf_idf *t, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f) {
        fail(t, NF_EIO, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode) || st.st_size > IDF_MAX_FILE) {
        fclose(f);
        fail(t, NF_EIO, "%s: not a regular file of at most %d MiB", path, IDF_MAX_FILE >> 20);
        return NULL;
    }
    buf b = {0};
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= IDF_MAX_FILE)
        buf_append(&b, chunk, n);
    int err = ferror(f);
    fclose(f);
    if (err) {
        buf_free(&b);
        fail(t, NF_EIO, "%s: read error", path);
        return NULL;
    }
    buf_putc(&b, '\0');
    char *data = buf_take(&b, len);
    if (!data)
        fail(t, NF_ENOMEM, "out of memory");
    else
        (*len)--; /* the NUL */
    return data;
}

int nf_idf_read(nf_idf *t, const char *path)
{
    if (!t || !path)
        return NF_EINVAL;
    if (check_writable(t, "read"))
        return NF_EINVAL;
    size_t len = 0;
    char *data = read_all(t, path, &len);
    if (!data)
        return strstr(t->err, "out of memory") ? NF_ENOMEM : NF_EIO;
    int rc = nf_idf_parse(t, data, len, path);
    xfree(data);
    return rc;
}

/* ---- Writing the file. ---- */

/* qsort order of terms by their bytes. */
static int cmp_term(const void *a, const void *b)
{
    const term *x = *(const term *const *)a, *y = *(const term *const *)b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Returns the terms with df >= min_df sorted by bytes (xfree the array)
 * and their count in *n; NULL when out of memory. */
static const term **sorted_terms(const nf_idf *t, long min_df, size_t *n)
{
    const term **ts = xmalloc((t->voc.nterms ? t->voc.nterms : 1) * sizeof *ts);
    if (!ts)
        return NULL;
    *n = 0;
    for (size_t k = 0; k < t->voc.nterms; k++)
        if ((long)t->voc.terms[k].df >= min_df)
            ts[(*n)++] = &t->voc.terms[k];
    qsort(ts, *n, sizeof *ts, cmp_term);
    return ts;
}

int nf_idf_render(const nf_idf *t, long min_df, char **out, size_t *len)
{
    if (!t || !out)
        return NF_EINVAL;
    *out = NULL;
    if (min_df < 1)
        min_df = 1;
    size_t n = 0;
    const term **ts = sorted_terms(t, min_df, &n);
    if (!ts)
        return NF_ENOMEM;
    buf b = {0};
    buf_printf(&b, "%s\tlanguage=%s\tdocuments=%zu\tmin_df=%ld\n", IDF_FORMAT, t->language,
               t->ndocs, min_df > t->min_df ? min_df : t->min_df);
    for (size_t k = 0; k < n; k++) {
        const term *x = ts[k];
        buf_append(&b, x->s, x->len);
        buf_printf(&b, "\t%u\n", x->df);
    }
    xfree(ts);
    size_t got = 0;
    *out = buf_take(&b, &got);
    if (len)
        *len = got;
    return *out ? NF_OK : NF_ENOMEM;
}
