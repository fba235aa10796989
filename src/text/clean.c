/* Debris and dateline recognition with PCRE2 (see clean.h).
 *
 * Every pattern is compiled with UTF, UCP (\w, \b and \d follow Unicode),
 * CASELESS (a pattern that needs case writes (?-i)) and MATCH_INVALID_UTF,
 * so a subject with invalid UTF-8 cannot make a match fail badly: an
 * invalid sequence simply matches nothing, and no per-call UTF check walks
 * the whole sentence once per pattern. Matches run with a match limit, so
 * a pattern that backtracks badly costs a bounded amount of work instead of
 * hanging the pipeline. PCRE2's own allocations go through xmalloc/xfree
 * like the rest of the library. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "text/clean.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/data.h"
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define DEBRIS_KINDS (DEBRIS_OTHER + 1)
/* How many stacked datelines ("GENEVA (AP) -- GENEVA (AP) --") to strip. */
#define DATELINE_REPEAT 2

static const char *const kind_names[DEBRIS_KINDS] = {
    "none", "caption", "credit", "byline", "contributor",
    "related", "share", "widget", "navigation", "other",
};

struct pattern {
    pcre2_code *re;
    int kind; /* a debris_kind, or DEBRIS_NONE for a dateline pattern */
};

struct cleaner {
    struct pattern *pats; /* debris patterns, in kind order, then file order */
    size_t npats, cap;
    struct pattern *dates; /* dateline patterns, in file order */
    size_t ndates, datecap;
    pcre2_general_context *gctx;
    pcre2_compile_context *cctx;
    pcre2_match_context *mctx;
};

/* Adapters so PCRE2 allocates through the library's hook. */
static void *clean_pcre_malloc(PCRE2_SIZE size, void *unused)
{
    (void)unused;
    return xmalloc(size);
}

static void clean_pcre_free(void *p, void *unused)
{
    (void)unused;
    xfree(p);
}

const char *cleaner_kind_name(int kind)
{
    if (kind < 0 || kind >= DEBRIS_KINDS)
        return "unknown";
    return kind_names[kind];
}

/* Compiles one pattern line; returns the code, or NULL when the pattern is
 * bad or memory ran out. JIT is an optimisation only: when it is not
 * available the interpreter runs the same pattern. */
static pcre2_code *clean_compile(cleaner *c, const char *line, size_t len)
{
    const uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF;
    int err;
    PCRE2_SIZE erroff;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)line, len, opts, &err, &erroff, c->cctx);
    if (re)
        (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

struct load_arg {
    cleaner *c;
    int kind; /* DEBRIS_NONE while loading datelines */
    buf anchored; /* a debris file's patterns anchored at the start, joined */
};

/* Appends a compiled pattern to the debris or the dateline list. Returns 0,
 * or -1 on a bad pattern or out of memory. */
static int clean_add_pattern(struct load_arg *la, const char *src, size_t len)
{
    cleaner *c = la->c;
    int dateline = la->kind == DEBRIS_NONE;
    if (dateline ? GROW(c->dates, c->datecap, c->ndates + 1) : GROW(c->pats, c->cap, c->npats + 1))
        return -1;
    pcre2_code *re = clean_compile(c, src, len);
    if (!re)
        return -1;
    struct pattern *p = dateline ? &c->dates[c->ndates++] : &c->pats[c->npats++];
    p->re = re;
    p->kind = la->kind;
    return 0;
}

/* 1 if the pattern can only match at the start: "^..." or "(?-i)^...". */
static int clean_is_anchored(const char *line, size_t len)
{
    return (len > 0 && line[0] == '^') || (len > 5 && !strncmp(line, "(?-i)^", 6));
}

/* data_each_line callback. A debris pattern anchored at the start joins
 * its file's alternation: tried at one position only, a kind's anchored
 * patterns cost one match call instead of one each, and the kind found is
 * the same (any of them matching gives the file's kind). Other patterns,
 * and datelines (whose longest match counts), are compiled alone. */
static int clean_add_line(const char *line, size_t len, void *arg)
{
    struct load_arg *la = arg;
    if (la->kind == DEBRIS_NONE || !clean_is_anchored(line, len))
        return clean_add_pattern(la, line, len);
    buf_puts(&la->anchored, la->anchored.len ? "|(?:" : "(?:");
    buf_append(&la->anchored, line, len);
    buf_putc(&la->anchored, ')');
    return la->anchored.failed ? -1 : 0;
}

/* Loads data/debris/<name>.txt as patterns of the given kind. Returns 0, or
 * -1 when the file is missing, a pattern is bad or memory ran out. */
static int clean_load_file(cleaner *c, const char *name, int kind)
{
    char path[64];
    snprintf(path, sizeof path, "debris/%s.txt", name);
    struct load_arg la = {c, kind, {0}};
    int rc = data_each_line(path, clean_add_line, &la) ? -1 : 0;
    if (rc == 0 && la.anchored.failed)
        rc = -1;
    if (rc == 0 && la.anchored.len)
        rc = clean_add_pattern(&la, la.anchored.data, la.anchored.len);
    buf_free(&la.anchored);
    return rc;
}

/* Creates the PCRE2 contexts: allocation through the hook, and match limits
 * that bound the work of any one match. Returns 0 or -1. */
static int clean_make_contexts(cleaner *c)
{
    c->gctx = pcre2_general_context_create(clean_pcre_malloc, clean_pcre_free, NULL);
    if (!c->gctx)
        return -1;
    c->cctx = pcre2_compile_context_create(c->gctx);
    c->mctx = pcre2_match_context_create(c->gctx);
    if (!c->cctx || !c->mctx)
        return -1;
    pcre2_set_match_limit(c->mctx, 200000);
    pcre2_set_depth_limit(c->mctx, 20000);
    pcre2_set_heap_limit(c->mctx, 4096); /* KiB */
    return 0;
}

cleaner *cleaner_new(void)
{
    cleaner *c = xcalloc(1, sizeof *c);
    if (!c || clean_make_contexts(c)) {
        cleaner_free(c);
        return NULL;
    }
    for (int k = DEBRIS_NONE + 1; k < DEBRIS_KINDS; k++) {
        if (clean_load_file(c, kind_names[k], k)) {
            cleaner_free(c);
            return NULL;
        }
    }
    if (clean_load_file(c, "dateline", DEBRIS_NONE)) {
        cleaner_free(c);
        return NULL;
    }
    return c;
}

void cleaner_free(cleaner *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->npats; i++)
        pcre2_code_free(c->pats[i].re);
    for (size_t i = 0; i < c->ndates; i++)
        pcre2_code_free(c->dates[i].re);
    xfree(c->pats);
    xfree(c->dates);
    pcre2_match_context_free(c->mctx);
    pcre2_compile_context_free(c->cctx);
    pcre2_general_context_free(c->gctx);
    xfree(c);
}

static int clean_is_space(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Runs one pattern on s[0..n); returns the end offset of the match, or -1
 * when it does not match (an error such as a hit match limit counts as no
 * match: the sentence is then kept as content). */
static long clean_match(const cleaner *c, const pcre2_code *re, const char *s, size_t n,
                        pcre2_match_data *md)
{
    int rc = pcre2_match(re, (PCRE2_SPTR)s, n, 0, 0, md, c->mctx);
    if (rc < 0)
        return -1;
    return (long)pcre2_get_ovector_pointer(md)[1];
}

int cleaner_debris(const cleaner *c, const char *s, size_t n)
{
    if (!c || !s)
        return DEBRIS_NONE;
    while (n && clean_is_space((unsigned char)s[n - 1]))
        n--;
    while (n && clean_is_space((unsigned char)*s)) {
        s++;
        n--;
    }
    if (!n)
        return DEBRIS_NONE;
    /* One match block per call keeps concurrent calls independent. */
    pcre2_match_data *md = pcre2_match_data_create(1, c->gctx);
    if (!md)
        return DEBRIS_NONE;
    int kind = DEBRIS_NONE;
    for (size_t i = 0; i < c->npats && kind == DEBRIS_NONE; i++) {
        if (clean_match(c, c->pats[i].re, s, n, md) >= 0)
            kind = c->pats[i].kind;
    }
    pcre2_match_data_free(md);
    return kind;
}

/* Returns the length of the longest dateline pattern match at the start of
 * s[0..n), or 0. */
static size_t clean_dateline_once(const cleaner *c, const char *s, size_t n, pcre2_match_data *md)
{
    size_t best = 0;
    for (size_t i = 0; i < c->ndates; i++) {
        long end = clean_match(c, c->dates[i].re, s, n, md);
        if (end > 0 && (size_t)end > best)
            best = (size_t)end;
    }
    return best;
}

size_t cleaner_dateline(const cleaner *c, const char *s, size_t n)
{
    if (!c || !s || !n)
        return 0;
    pcre2_match_data *md = pcre2_match_data_create(1, c->gctx);
    if (!md)
        return 0;
    size_t total = 0;
    for (int r = 0; r < DATELINE_REPEAT && total < n; r++) {
        size_t len = clean_dateline_once(c, s + total, n - total, md);
        if (!len)
            break;
        total += len;
    }
    pcre2_match_data_free(md);
    return total;
}

const cleaner *cleaner_shared(void)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static cleaner *shared;
    pthread_mutex_lock(&lock);
    if (!shared)
        shared = cleaner_new();
    cleaner *c = shared;
    pthread_mutex_unlock(&lock);
    return c;
}
