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
#include <ctype.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#define DEBRIS_KINDS (DEBRIS_OTHER + 1)
/* Patterns the prefilter index covers: 64 per word (more are always run). */
#define CAND_WORDS 4
/* The sentence set has 2^GRAM_BITS bits (see the prefilter). */
#define GRAM_BITS 13
#define GRAM_MASK ((1u << GRAM_BITS) - 1)
#define TRIGRAMS (1u << GRAM_BITS)
#define TRIGRAM_WORDS (TRIGRAMS / 64)
/* How many stacked datelines ("GENEVA (AP) -- GENEVA (AP) --") to strip. */
#define DATELINE_REPEAT 2

static const char *const kind_names[DEBRIS_KINDS] = {
    "none", "caption", "credit", "byline", "contributor",
    "related", "share", "widget", "navigation", "other",
};

struct pattern {
    pcre2_code *re;
    uint32_t *cond; /* a necessary condition (see the prefilter below), or NULL */
    int kind;       /* a debris_kind, or DEBRIS_NONE for a dateline pattern */
    /* PCRE2's own start information, checked before calling it: the
     * fewest characters a match needs and, for a pattern anchored at the
     * start, the bytes a match may start with (all when unknown). */
    uint32_t minlen;
    uint8_t first[32];
};

struct cleaner {
    struct pattern *pats; /* debris patterns, in kind order, then file order */
    size_t npats, cap;
    struct pattern *dates; /* dateline patterns, in file order */
    size_t ndates, datecap;
    pcre2_general_context *gctx;
    pcre2_compile_context *cctx;
    pcre2_match_context *mctx;
    /* The prefilter's index: for each trigram, the patterns (bit i of
     * CAND_WORDS words is pattern i) with that trigram among their keys;
     * and the patterns without keys, which are always run. */
    uint64_t (*by_key)[CAND_WORDS];
    uint64_t keyless[CAND_WORDS];
    uint64_t keyed[TRIGRAM_WORDS]; /* the set bits that are some pattern's key */
    /* The set bits of common English trigrams (those of the stop words):
     * a key there would pass for most sentences, so keys avoid them. */
    uint64_t common[TRIGRAM_WORDS];
    struct clean_jit *jit; /* see clean_match_debris */
};

/* Debris patterns are JIT-compiled on first use: the prefilter leaves most
 * of them unrun on most inputs, and compiling them all took longer than
 * summarizing a small cluster. Every match still runs JIT code, as when
 * all were compiled up front. */
struct clean_jit {
    pthread_mutex_t lock;           /* held while compiling */
    _Atomic unsigned char *tried;   /* per debris pattern: compiled (or JIT unavailable) */
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

/* The prefilter. Most sentences match no debris pattern, and running every
 * pattern over every sentence (most are unanchored: each scans the whole
 * sentence) used to cost more than the rest of a summary. So each pattern
 * carries a necessary condition read from its source: the literal text it
 * cannot match without, as trigrams of ASCII-case-folded bytes, combined
 * with AND (a sequence) and OR (an alternation). A sentence's trigrams go
 * into a set of 8192 bits once per call; a pattern whose condition fails on
 * that set cannot match and is not run. Whatever the reader is unsure of
 * (classes, escapes, optional parts, lookarounds) counts as "may match", so
 * the condition is never stronger than the pattern and the verdicts are
 * the same with or without it.
 *
 * Case: under CASELESS and UCP an ASCII letter matches its other ASCII case
 * and, for k and s only, U+212A KELVIN SIGN and U+017F LONG S (checked over
 * every code point); the sentence's bytes are folded the same way, so a
 * literal the pattern needs is always found in the folded sentence. Literal
 * characters beyond ASCII are left out of the condition. A run of literal
 * bytes too short for a trigram still requires its punctuation bytes, as
 * single-byte grams.
 *
 * Keys: from each condition, one leaf per alternative (the rarest choice in
 * a sequence) such that the condition cannot hold without one of them. An
 * index maps each gram to the patterns it is a key of, so building the
 * sentence's set also gives the few candidate patterns; only those have
 * their whole condition tested. Rarity only guides this choice (letter
 * frequencies, and the trigrams of the stop words count as common). */

#define COND_AND 0x80000000u /* [COND_AND, size, children...] */
#define COND_OR 0x80000001u  /* [COND_OR, size, children...]; a leaf: a gram bit (GRAM_BITS) and its rarity above */
#define COND_MAX 30000   /* longer conditions are dropped (never reached by real patterns) */
#define COND_KEYS 48     /* at most this many keys (see clean_keys) */

/* The state of reading one pattern's source into a condition. */
struct rx {
    const unsigned char *p, *end;
    int bad;              /* something not understood: no condition */
    int oom;              /* memory ran out */
    uint32_t *code;       /* the condition being built */
    size_t n, cap;
    unsigned char run[2]; /* the last two literal bytes in a row */
    int nrun;             /* how many of them there are (at most 2) */
    size_t runlen;        /* the length of the run */
    const uint64_t *common; /* see struct cleaner */
};

/* The set's bit for a gram: a | b << 8 | c << 16 for the trigram abc, or
 * CLEAN_UNIGRAM | c for the punctuation byte c alone. */
#define CLEAN_UNIGRAM (1u << 24)
static uint16_t clean_gram(uint32_t key)
{
    uint32_t h = key * 0x9E3779B1u;
    h ^= h >> 15;
    return (uint16_t)((h * 0x85EBCA77u) >> (32 - GRAM_BITS));
}

static uint16_t clean_trigram(unsigned a, unsigned b, unsigned c)
{
    return clean_gram(a | b << 8 | c << 16);
}

/* 1 for ASCII punctuation and symbols: the bytes that count alone too. */
static int clean_is_mark(unsigned c)
{
    return c > 0x20 && c < 0x7f && !((c | 32) >= 'a' && (c | 32) <= 'z') && !(c >= '0' && c <= '9');
}

/* How rare a folded byte is in English text, roughly: its rank among the
 * letters by frequency (0 for the space and e, 25 for z), 12 for others. */
static unsigned clean_rarity(unsigned char c)
{
    static const char order[] = "etaoinshrdlcumwfgypbvkjxqz";
    const char *p = c && c < 0x80 ? strchr(order, c) : NULL;
    return c == ' ' ? 0 : p ? (unsigned)(p - order) : 12;
}

/* How rare a trigram is, roughly: its letters' rarities, less for one of
 * the commonest English trigrams. Only chooses keys (see clean_keys). */
static unsigned clean_trigram_rarity(unsigned char a, unsigned char b, unsigned char c)
{
    static const char common[] = "the and ing ion tio ent for her ter hat tha ere ate his con res ver "
                                 "all ons nce men ith ted ers pro thi wit are ess not ive was ect rea "
                                 "com eve per int est sta cti ica ist ear ain one our iti rat ";
    unsigned r = clean_rarity(a) + clean_rarity(b) + clean_rarity(c);
    for (const char *p = common; *p; p += 4)
        if (p[0] == a && p[1] == b && p[2] == c)
            return r > 20 ? r - 20 : 0;
    return r;
}

/* How rare a punctuation byte alone is: the sentence marks are common. */
static unsigned clean_mark_rarity(unsigned char c)
{
    return strchr(".,-'\":;?!", c) ? 5 : 30;
}

static unsigned char clean_fold_ascii(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Appends one unit to the condition (marks it bad when too long). */
static void rx_emit(struct rx *r, unsigned v)
{
    if (r->n >= COND_MAX || GROW(r->code, r->cap, r->n + 1)) {
        r->oom |= r->n < COND_MAX;
        r->bad = 1;
        return;
    }
    r->code[r->n++] = (uint32_t)v;
}

/* Consumes a quantifier at r->p, if any, with its lazy or possessive mark.
 * Returns its minimum count, or -1 when there is none. A '{' that is not a
 * quantifier would be a literal: not understood. */
static long rx_quantifier(struct rx *r)
{
    long min = -1;
    if (r->p >= r->end)
        return -1;
    if (*r->p == '?' || *r->p == '*' || *r->p == '+') {
        min = *r->p == '+';
        r->p++;
    } else if (*r->p == '{') {
        const unsigned char *q = r->p + 1;
        min = 0;
        while (q < r->end && *q >= '0' && *q <= '9' && min < 100000)
            min = min * 10 + (*q++ - '0');
        if (q == r->p + 1)
            r->bad = 1;
        while (q < r->end && ((*q >= '0' && *q <= '9') || *q == ','))
            q++;
        if (q >= r->end || *q != '}')
            r->bad = 1;
        r->p = q < r->end ? q + 1 : q;
    } else {
        return -1;
    }
    if (r->p < r->end && (*r->p == '?' || *r->p == '+'))
        r->p++;
    return min;
}

/* Ends the run of literal bytes. A run too short for a trigram still
 * requires its punctuation bytes. */
static void rx_end_run(struct rx *r)
{
    for (size_t i = 0; r->runlen < 3 && i < r->runlen; i++)
        if (clean_is_mark(r->run[i]))
            rx_emit(r, clean_gram(CLEAN_UNIGRAM | r->run[i]) | clean_mark_rarity(r->run[i]) << GRAM_BITS);
    r->nrun = 0;
    r->runlen = 0;
}

/* An item that is not a literal byte ends the run of literals (its own
 * quantifier changes nothing). */
static void rx_atom(struct rx *r)
{
    rx_end_run(r);
    (void)rx_quantifier(r);
}

/* A literal byte: unless quantified, it extends the run and adds the
 * trigram it completes. */
static void rx_literal(struct rx *r, unsigned char c)
{
    if (rx_quantifier(r) >= 0) {
        rx_end_run(r);
        return;
    }
    c = clean_fold_ascii(c);
    if (r->nrun == 2) { /* a leaf: the trigram, and its rarity above GRAM_BITS */
        uint16_t g = clean_trigram(r->run[0], r->run[1], c);
        int common = (int)(r->common[g >> 6] >> (g & 63) & 1);
        rx_emit(r, g | (common ? 0 : clean_trigram_rarity(r->run[0], r->run[1], c)) << GRAM_BITS);
    }
    r->run[0] = r->nrun == 2 ? r->run[1] : r->run[0];
    r->run[r->nrun == 2 ? 1 : r->nrun] = c;
    r->nrun += r->nrun < 2;
    r->runlen++;
}

/* Skips a character class starting at '['. */
static void rx_skip_class(struct rx *r)
{
    r->p++;
    if (r->p < r->end && *r->p == '^')
        r->p++;
    if (r->p < r->end && *r->p == ']')
        r->p++;
    while (r->p < r->end && *r->p != ']') {
        if (*r->p == '[' && r->p + 1 < r->end && r->p[1] == ':')
            r->bad = 1; /* POSIX classes: not needed so far */
        if (*r->p == '\\' && r->p + 1 >= r->end)
            break;
        r->p += *r->p == '\\' ? 2 : 1;
    }
    if (r->p >= r->end)
        r->bad = 1;
    else
        r->p++;
}

/* Skips a group from its '(' to the matching ')', classes and escapes
 * included, adding nothing to the condition. */
static void rx_skip_group(struct rx *r)
{
    int depth = 0;
    while (r->p < r->end && !r->bad) {
        unsigned char c = *r->p;
        if (c == '[') {
            rx_skip_class(r);
            continue;
        }
        if (c == '\\' && r->p + 1 >= r->end)
            break;
        r->p += c == '\\' ? 2 : 1;
        if (c == '(')
            depth++;
        else if (c == ')' && --depth == 0)
            return;
    }
    r->bad = 1;
}

/* Skips to just after the byte stop (a name's end). */
static void rx_skip_past(struct rx *r, unsigned char stop)
{
    while (r->p < r->end && *r->p != stop)
        r->p++;
    if (r->p >= r->end)
        r->bad = 1;
    else
        r->p++;
}

/* An escape: a punctuation byte stands for itself; a letter or digit is a
 * class, an assertion, a reference or a coded character, skipped whole. */
static void rx_escape(struct rx *r)
{
    r->p++;
    if (r->p >= r->end) {
        r->bad = 1;
        return;
    }
    unsigned char e = *r->p++;
    if (e < 0x80 && !((e | 32) >= 'a' && (e | 32) <= 'z') && !(e >= '0' && e <= '9')) {
        rx_literal(r, e);
        return;
    }
    if (e == 'Q' || e == 'E' || e == 'c')
        r->bad = 1;
    else if (r->p < r->end && *r->p == '{' && strchr("pPxoN", e))
        rx_skip_past(r, '}');
    else if (e == 'g' || e == 'k') {
        if (r->p < r->end && (*r->p == '{' || *r->p == '<' || *r->p == '\''))
            rx_skip_past(r, *r->p == '{' ? '}' : *r->p == '<' ? '>' : '\'');
        else
            r->bad = 1;
    } else if (e == 'p' || e == 'P')
        r->p += r->p < r->end; /* \pL: a one-letter property */
    else if (e == 'x')
        for (int k = 0; k < 2 && r->p < r->end && isxdigit(*r->p); k++)
            r->p++;
    else if (e >= '0' && e <= '9')
        while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
            r->p++;
    else
        while (e >= 0x80 && r->p < r->end && (*r->p & 0xC0) == 0x80)
            r->p++;
    rx_atom(r);
}

static void rx_alternation(struct rx *r);

/* A group from its '('. Groups that must match (plain, capturing, named,
 * atomic, with options) add their condition unless quantified to be
 * optional; lookarounds, conditions, calls and the like add nothing. */
static void rx_group(struct rx *r)
{
    const unsigned char *q = r->p + 1;
    size_t at = r->n;
    rx_end_run(r);
    if (q < r->end && *q == '*') {
        r->bad = 1;
        return;
    }
    if (q < r->end && *q == '?') {
        q++;
        if (q < r->end && (*q == ':' || *q == '>' || *q == '|'))
            q++;
        else if (q + 1 < r->end && *q == '<' && q[1] != '=' && q[1] != '!') {
            while (q < r->end && *q != '>')
                q++;
            q++;
        } else if (q < r->end && (*q == 'i' || *q == '-')) {
            while (q < r->end && (*q == 'i' || *q == '-'))
                q++;
            if (q < r->end && *q == ')') { /* options for the rest: no atom */
                r->p = q + 1;
                return;
            }
            if (q >= r->end || *q != ':') {
                r->bad = 1;
                return;
            }
            q++;
        } else if (q < r->end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z' && *q != 'R' && *q != 'P')
                                  || *q == '#' || *q == '^')) {
            r->bad = 1; /* other options (x changes what a space means), comments */
            return;
        } else {
            rx_skip_group(r);
            rx_atom(r);
            return;
        }
    } else {
        q = r->p + 1;
    }
    r->p = q;
    rx_alternation(r);
    if (r->p >= r->end || *r->p != ')') {
        r->bad = 1;
        return;
    }
    r->p++;
    if (rx_quantifier(r) == 0)
        r->n = at; /* optional: requires nothing */
    rx_end_run(r);
}

/* One item of a sequence. */
static void rx_item(struct rx *r)
{
    unsigned char c = *r->p;
    if (c == '(')
        rx_group(r);
    else if (c == '[') {
        rx_skip_class(r);
        rx_atom(r);
    } else if (c == '\\')
        rx_escape(r);
    else if (c == '?' || c == '*' || c == '+' || c == '{')
        r->bad = 1; /* a quantifier with nothing before it */
    else if (c >= 0x80 || c == '.' || c == '^' || c == '$') {
        r->p++;
        while (c >= 0x80 && r->p < r->end && (*r->p & 0xC0) == 0x80)
            r->p++;
        rx_atom(r);
    } else {
        r->p++;
        rx_literal(r, c);
    }
}

/* Puts the leaves of the AND node at code[at] first, rarest first, so its
 * test fails early (the order within an AND does not change its meaning). */
static void rx_sort_leaves(struct rx *r, size_t at)
{
    uint32_t tmp[256], *c = r->code + at + 2;
    size_t len = r->n - at - 2, nl = 0, w;
    if (len > sizeof tmp / sizeof *tmp)
        return;
    for (size_t j = 0; j < len; j += c[j] < COND_AND ? 1 : c[j + 1])
        if (c[j] < COND_AND) {
            size_t k = nl++;
            for (; k > 0 && tmp[k - 1] >> GRAM_BITS < c[j] >> GRAM_BITS; k--)
                tmp[k] = tmp[k - 1];
            tmp[k] = c[j];
        }
    w = nl;
    for (size_t j = 0; j < len; j += c[j] < COND_AND ? 1 : c[j + 1])
        if (c[j] >= COND_AND) {
            memcpy(tmp + w, c + j, c[j + 1] * sizeof *c);
            w += c[j + 1];
        }
    memcpy(c, tmp, len * sizeof *c);
}

/* A sequence up to '|', ')' or the end: an AND node. Returns 1 if it
 * requires nothing. */
static int rx_sequence(struct rx *r)
{
    size_t at = r->n;
    rx_emit(r, COND_AND);
    rx_emit(r, 0);
    rx_end_run(r);
    while (!r->bad && r->p < r->end && *r->p != '|' && *r->p != ')')
        rx_item(r);
    rx_end_run(r);
    if (r->bad)
        return 1;
    r->code[at + 1] = (uint32_t)(r->n - at);
    rx_sort_leaves(r, at);
    return r->n - at == 2;
}

/* Alternatives up to ')' or the end: an OR node, or nothing when one
 * alternative requires nothing. */
static void rx_alternation(struct rx *r)
{
    size_t at = r->n;
    int free_branch = 0;
    rx_emit(r, COND_OR);
    rx_emit(r, 0);
    for (;;) {
        free_branch |= rx_sequence(r);
        if (r->bad || r->p >= r->end || *r->p != '|')
            break;
        r->p++;
    }
    if (free_branch || r->bad)
        r->n = at;
    else
        r->code[at + 1] = (uint32_t)(r->n - at);
}

static int clean_condition_holds(const uint32_t *code, size_t i, const uint64_t *set);

/* Writes to out the keys of the condition at code[i]: leaves such that the
 * condition cannot hold unless one of them is in the set (one leaf of each
 * alternative, the rarest choice of each sequence). Returns how many, or 0
 * when there would be more than COND_KEYS. */
static size_t clean_keys(const uint32_t *code, size_t i, uint32_t *out)
{
    unsigned op = code[i];
    if (op < COND_AND) {
        out[0] = (uint32_t)op;
        return 1;
    }
    size_t end = i + code[i + 1], n = 0;
    uint64_t best = UINT64_MAX;
    uint32_t tmp[COND_KEYS];
    for (size_t j = i + 2; j < end; j += code[j] < COND_AND ? 1 : code[j + 1]) {
        size_t k = clean_keys(code, j, tmp);
        if (op == COND_OR && (k == 0 || n + k > COND_KEYS))
            return 0;
        /* A sequence keeps the child whose keys are least likely to be
         * in a sentence: a key of rarity r counts about 2^(-r/6). */
        uint64_t cost = 0;
        for (size_t x = 0; x < k; x++) {
            unsigned r = tmp[x] >> GRAM_BITS;
            cost += (uint64_t)1 << (20 - (r > 114 ? 114 : r) / 6);
        }
        if (op == COND_OR || (k && cost < best)) {
            memcpy(out + (op == COND_OR ? n : 0), tmp, k * sizeof *tmp);
            n = op == COND_OR ? n + k : k;
            best = cost;
        }
    }
    return n;
}

/* Reads the condition of a pattern's source into *cond (the caller frees
 * it with xfree), or sets *cond to NULL when the pattern requires nothing
 * that can be checked or was not understood: that pattern is simply always
 * run. The condition is stored as [number of keys, keys..., tree...]: the
 * keys are a quick first test. Returns 0, or -1 when memory ran out. */
static int clean_condition(const cleaner *c, const char *src, size_t len, uint32_t **cond)
{
    struct rx r = {(const unsigned char *)src, (const unsigned char *)src + len, 0, 0, NULL, 0, 0, {0, 0}, 0, 0,
                   c->common};
    rx_alternation(&r);
    *cond = NULL;
    if (r.bad || r.p != r.end || r.n == 0) {
        xfree(r.code);
        return r.oom ? -1 : 0;
    }
    uint32_t keys[COND_KEYS];
    size_t nkeys = clean_keys(r.code, 0, keys);
    *cond = xmalloc((1 + nkeys + r.n) * sizeof **cond);
    if (*cond) {
        (*cond)[0] = (uint32_t)nkeys;
        memcpy(*cond + 1, keys, nkeys * sizeof *keys);
        memcpy(*cond + 1 + nkeys, r.code, r.n * sizeof *r.code);
    }
    xfree(r.code);
    return *cond ? 0 : -1;
}

/* Returns 1 if the condition at code[i] holds for the trigram set. */
static int clean_condition_holds(const uint32_t *code, size_t i, const uint64_t *set)
{
    unsigned op = code[i];
    if (op < COND_AND)
        return (int)(set[(op & GRAM_MASK) >> 6] >> (op & 63) & 1);
    size_t end = i + code[i + 1];
    for (size_t j = i + 2; j < end; j += code[j] < COND_AND ? 1 : code[j + 1]) {
        uint32_t v = code[j]; /* a leaf is tested here, without a call */
        int h = v < COND_AND ? (int)(set[(v & GRAM_MASK) >> 6] >> (v & 63) & 1) : clean_condition_holds(code, j, set);
        if (op == COND_AND && !h)
            return 0;
        if (op == COND_OR && h)
            return 1;
    }
    return op == COND_AND;
}

/* Adds gram bit g to the set and, the first time, the patterns it is a
 * key of to cand. */
static void clean_add_gram(const cleaner *cl, uint16_t g, uint64_t *set, uint64_t *cand)
{
    uint64_t bit = (uint64_t)1 << (g & 63);
    if (set[g >> 6] & bit)
        return;
    set[g >> 6] |= bit;
    if (cl->keyed[g >> 6] & bit)
        for (size_t w = 0; w < CAND_WORDS; w++)
            cand[w] |= cl->by_key[g][w];
}

/* Fills set with the trigrams of s[0..n), folded as the conditions are,
 * and cand with the patterns that one of them is a key of, plus the
 * keyless ones. */
static void clean_trigrams(const cleaner *cl, const char *s, size_t n, uint64_t *set, uint64_t *cand)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned a = 0, b = 0;
    memset(set, 0, TRIGRAM_WORDS * sizeof *set);
    memcpy(cand, cl->keyless, sizeof cl->keyless);
    for (size_t i = 0; i < n; i++) {
        unsigned c = u[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        else if (c >= 0x80) {
            if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x84 && u[i + 2] == 0xAA)
                c = 'k', i += 2; /* U+212A KELVIN SIGN */
            else if (c == 0xC5 && i + 1 < n && u[i + 1] == 0xBF)
                c = 's', i += 1; /* U+017F LATIN SMALL LETTER LONG S */
        } else if (clean_is_mark(c))
            clean_add_gram(cl, clean_gram(CLEAN_UNIGRAM | c), set, cand);
        if (i >= 2) /* a and b are set from the third byte (a bit more is harmless) */
            clean_add_gram(cl, clean_trigram(a, b, c), set, cand);
        a = b, b = c;
    }
}

/* Builds the prefilter's index of keys. Returns 0 or -1 (out of memory). */
static int clean_index(cleaner *c)
{
    c->by_key = xcalloc(TRIGRAMS, sizeof *c->by_key);
    c->jit = xcalloc(1, sizeof *c->jit);
    if (!c->by_key || !c->jit)
        return -1;
    c->jit->tried = xcalloc(c->npats ? c->npats : 1, sizeof *c->jit->tried);
    if (!c->jit->tried || pthread_mutex_init(&c->jit->lock, NULL)) {
        xfree((void *)c->jit->tried);
        c->jit->tried = NULL; /* tells cleaner_free the lock was never made */
        return -1;
    }
    for (size_t i = 0; i < c->npats && i < CAND_WORDS * 64; i++) {
        const uint32_t *cond = c->pats[i].cond;
        uint64_t bit = (uint64_t)1 << (i & 63);
        if (!cond || !cond[0])
            c->keyless[i >> 6] |= bit;
        for (size_t k = 1; cond && k <= cond[0]; k++) {
            c->by_key[cond[k] & GRAM_MASK][i >> 6] |= bit;
            c->keyed[(cond[k] & GRAM_MASK) >> 6] |= (uint64_t)1 << (cond[k] & 63);
        }
    }
    return 0;
}

/* Compiles one pattern line; returns the code, or NULL when the pattern is
 * bad or memory ran out. JIT is an optimisation only: when it is not
 * available the interpreter runs the same pattern. */
static pcre2_code *clean_compile(cleaner *c, const char *line, size_t len, int jit_now)
{
    const uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF;
    int err;
    PCRE2_SIZE erroff;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)line, len, opts, &err, &erroff, c->cctx);
    if (re && jit_now)
        (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

struct load_arg {
    cleaner *c;
    int kind; /* DEBRIS_NONE while loading datelines */
    buf anchored; /* a debris file's patterns anchored at the start, joined */
};

/* Reads PCRE2's start information of p->re into p (see struct pattern). */
static void clean_start_info(struct pattern *p)
{
    uint32_t opts = 0, minlen = 0;
    const uint8_t *bitmap = NULL;
    memset(p->first, 0xff, sizeof p->first);
    if (!pcre2_pattern_info(p->re, PCRE2_INFO_MINLENGTH, &minlen))
        p->minlen = minlen; /* characters: never more than the bytes */
    if (!pcre2_pattern_info(p->re, PCRE2_INFO_ALLOPTIONS, &opts) && (opts & PCRE2_ANCHORED) &&
        !pcre2_pattern_info(p->re, PCRE2_INFO_FIRSTBITMAP, &bitmap) && bitmap)
        memcpy(p->first, bitmap, sizeof p->first);
}

/* Appends a compiled pattern to the debris or the dateline list. Returns 0,
 * or -1 on a bad pattern or out of memory. */
static int clean_add_pattern(struct load_arg *la, const char *src, size_t len)
{
    cleaner *c = la->c;
    int dateline = la->kind == DEBRIS_NONE;
    if (dateline ? GROW(c->dates, c->datecap, c->ndates + 1) : GROW(c->pats, c->cap, c->npats + 1))
        return -1;
    uint32_t *cond = NULL;
    if (!dateline && clean_condition(c, src, len, &cond))
        return -1;
    pcre2_code *re = clean_compile(c, src, len, dateline); /* debris: on first use */
    if (!re) {
        xfree(cond);
        return -1;
    }
    struct pattern *p = dateline ? &c->dates[c->ndates++] : &c->pats[c->npats++];
    p->re = re;
    p->cond = cond;
    p->kind = la->kind;
    clean_start_info(p);
    return 0;
}

/* 1 if the pattern can only match at the start: "^..." or "(?-i)^...". */
static int clean_is_anchored(const char *line, size_t len)
{
    return (len > 0 && line[0] == '^') || (len > 5 && !strncmp(line, "(?-i)^", 6));
}

/* data_each_line callback. A debris pattern anchored at the start with
 * no condition the prefilter can check joins its file's alternation (one
 * with a condition runs alone, so the prefilter can skip it; it then has a
 * PCRE2 match limit of its own, which only matters for input so
 * pathological that a limit is hit):
 * tried at one position only, a kind's anchored patterns cost one match
 * call instead of one each, and the kind found is the same (any of them
 * matching gives the file's kind). Other patterns (a checkable one is
 * mostly skipped), and datelines (whose longest match counts), are
 * compiled alone. */
static int clean_add_line(const char *line, size_t len, void *arg)
{
    struct load_arg *la = arg;
    uint32_t *cond = NULL;
    if (la->kind != DEBRIS_NONE && clean_condition(la->c, line, len, &cond))
        return -1;
    int checkable = cond != NULL;
    xfree(cond);
    if (la->kind == DEBRIS_NONE || checkable || !clean_is_anchored(line, len))
        return clean_add_pattern(la, line, len);
    buf_puts(&la->anchored, la->anchored.len ? "|(?:" : "(?:");
    buf_append(&la->anchored, line, len);
    buf_putc(&la->anchored, ')');
    return la->anchored.failed ? -1 : 0;
}

/* data_each_line callback: marks the trigrams of " word " as common. */
static int clean_add_common(const char *w, size_t len, void *arg)
{
    cleaner *c = arg;
    unsigned a = ' ', b = clean_fold_ascii((unsigned char)w[0]);
    for (size_t i = 1; i <= len; i++) {
        unsigned ch = i < len ? clean_fold_ascii((unsigned char)w[i]) : ' ';
        uint16_t g = clean_trigram(a, b, ch);
        c->common[g >> 6] |= (uint64_t)1 << (g & 63);
        a = b, b = ch;
    }
    return 0;
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
    (void)data_each_line("stopwords/english.txt", clean_add_common, c); /* only guides keys */
    for (int k = DEBRIS_NONE + 1; k < DEBRIS_KINDS; k++) {
        if (clean_load_file(c, kind_names[k], k)) {
            cleaner_free(c);
            return NULL;
        }
    }
    if (clean_load_file(c, "dateline", DEBRIS_NONE) || clean_index(c)) {
        cleaner_free(c);
        return NULL;
    }
    return c;
}

void cleaner_free(cleaner *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->npats; i++) {
        pcre2_code_free(c->pats[i].re);
        xfree(c->pats[i].cond);
    }
    for (size_t i = 0; i < c->ndates; i++)
        pcre2_code_free(c->dates[i].re);
    xfree(c->pats);
    xfree(c->dates);
    xfree(c->by_key);
    if (c->jit && c->jit->tried) {
        pthread_mutex_destroy(&c->jit->lock);
        xfree((void *)c->jit->tried);
    }
    xfree(c->jit);
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

/* 0 if PCRE2's start information rules out a match of p on s[0..n), n > 0. */
static int clean_may_start(const struct pattern *p, const char *s, size_t n)
{
    unsigned char first = (unsigned char)s[0];
    return n >= p->minlen && (p->first[first >> 3] >> (first & 7) & 1);
}

/* clean_match for debris pattern i, JIT-compiling it first if this is its
 * first use. A pattern whose compilation ran out of memory is matched
 * under the lock (by the interpreter), since another call may be
 * compiling it, and is compiled again next time. */
static long clean_match_debris(const cleaner *c, size_t i, const char *s, size_t n,
                               pcre2_match_data *md)
{
    _Atomic unsigned char *tried = &c->jit->tried[i];
    if (atomic_load_explicit(tried, memory_order_acquire))
        return clean_match(c, c->pats[i].re, s, n, md);
    pthread_mutex_lock(&c->jit->lock);
    if (!atomic_load_explicit(tried, memory_order_relaxed) &&
        pcre2_jit_compile(c->pats[i].re, PCRE2_JIT_COMPLETE) != PCRE2_ERROR_NOMEMORY)
        atomic_store_explicit(tried, 1, memory_order_release);
    int ready = atomic_load_explicit(tried, memory_order_relaxed);
    long end = ready ? -1 : clean_match(c, c->pats[i].re, s, n, md);
    pthread_mutex_unlock(&c->jit->lock);
    return ready ? clean_match(c, c->pats[i].re, s, n, md) : end;
}

/* Returns the kind of pattern i if it matches s[0..n) (its condition
 * first), else DEBRIS_NONE. */
static int clean_try(const cleaner *c, size_t i, const char *s, size_t n, const uint64_t *set,
                     pcre2_match_data *md)
{
    const struct pattern *p = &c->pats[i];
    if (!set) /* unfiltered: every check skipped, PCRE2 decides */
        return clean_match_debris(c, i, s, n, md) >= 0 ? p->kind : DEBRIS_NONE;
    if (!clean_may_start(p, s, n))
        return DEBRIS_NONE;
    if (p->cond && !clean_condition_holds(p->cond, 1 + (size_t)p->cond[0], set))
        return DEBRIS_NONE;
    return clean_match_debris(c, i, s, n, md) >= 0 ? p->kind : DEBRIS_NONE;
}

/* Returns s with the white space around it trimmed; *n becomes the
 * trimmed length. */
static const char *clean_trim(const char *s, size_t *n)
{
    while (*n && clean_is_space((unsigned char)s[*n - 1]))
        (*n)--;
    while (*n && clean_is_space((unsigned char)*s)) {
        s++;
        (*n)--;
    }
    return s;
}

/* cleaner_debris, through the prefilter when filtered, else running every
 * pattern in order (the reference the prefilter must agree with). */
static int clean_debris(const cleaner *c, const char *s, size_t n, int filtered)
{
    if (!c || !s)
        return DEBRIS_NONE;
    s = clean_trim(s, &n);
    if (!n)
        return DEBRIS_NONE;
    /* One match block per call keeps concurrent calls independent. */
    pcre2_match_data *md = pcre2_match_data_create(1, c->gctx);
    if (!md)
        return DEBRIS_NONE;
    uint64_t set[TRIGRAM_WORDS], cand[CAND_WORDS];
    int kind = DEBRIS_NONE;
    if (!filtered) {
        for (size_t i = 0; i < c->npats && kind == DEBRIS_NONE; i++)
            kind = clean_try(c, i, s, n, NULL, md);
        pcre2_match_data_free(md);
        return kind;
    }
    clean_trigrams(c, s, n, set, cand);
    /* The candidates in pattern order, so the first kind that matches wins. */
    for (size_t w = 0; w < CAND_WORDS && kind == DEBRIS_NONE; w++)
        for (uint64_t bits = cand[w]; bits && kind == DEBRIS_NONE; bits &= bits - 1)
            kind = clean_try(c, w * 64 + (size_t)__builtin_ctzll(bits), s, n, set, md);
    for (size_t i = CAND_WORDS * 64; i < c->npats && kind == DEBRIS_NONE; i++)
        kind = clean_try(c, i, s, n, set, md);
    pcre2_match_data_free(md);
    return kind;
}

int cleaner_debris(const cleaner *c, const char *s, size_t n)
{
    return clean_debris(c, s, n, 1);
}

int cleaner_debris_unfiltered(const cleaner *c, const char *s, size_t n)
{
    return clean_debris(c, s, n, 0);
}

/* 1 if the prefilter lets debris pattern i run on s[0..n) (see
 * clean_debris): a candidate of the index, or beyond it, whose start
 * information and condition pass. */
static int clean_passes(const cleaner *c, size_t i, const char *s, size_t n, const uint64_t *set,
                        const uint64_t *cand)
{
    const struct pattern *p = &c->pats[i];
    if (i < CAND_WORDS * 64 && !(cand[i >> 6] >> (i & 63) & 1))
        return 0;
    return clean_may_start(p, s, n) && (!p->cond || clean_condition_holds(p->cond, 1 + (size_t)p->cond[0], set));
}

size_t cleaner_prefilter_misses(const cleaner *c, const char *s, size_t n)
{
    if (!c || !s)
        return 0;
    s = clean_trim(s, &n);
    pcre2_match_data *md = n ? pcre2_match_data_create(1, c->gctx) : NULL;
    if (!md)
        return 0;
    uint64_t set[TRIGRAM_WORDS], cand[CAND_WORDS];
    size_t misses = 0;
    clean_trigrams(c, s, n, set, cand);
    for (size_t i = 0; i < c->npats; i++)
        misses += !clean_passes(c, i, s, n, set, cand) && clean_match_debris(c, i, s, n, md) >= 0;
    for (size_t i = 0; i < c->ndates; i++)
        misses += !clean_may_start(&c->dates[i], s, n) && clean_match(c, c->dates[i].re, s, n, md) > 0;
    pcre2_match_data_free(md);
    return misses;
}

/* Returns the length of the longest dateline pattern match at the start of
 * s[0..n), or 0; PCRE2's start information is checked first when filtered. */
static size_t clean_dateline_once(const cleaner *c, const char *s, size_t n, pcre2_match_data *md,
                                  int filtered)
{
    size_t best = 0;
    for (size_t i = 0; i < c->ndates; i++) {
        int may = !filtered || clean_may_start(&c->dates[i], s, n);
        long end = may ? clean_match(c, c->dates[i].re, s, n, md) : -1;
        if (end > 0 && (size_t)end > best)
            best = (size_t)end;
    }
    return best;
}

/* cleaner_dateline, with or without the start-information check. */
static size_t clean_dateline(const cleaner *c, const char *s, size_t n, int filtered)
{
    if (!c || !s || !n)
        return 0;
    pcre2_match_data *md = pcre2_match_data_create(1, c->gctx);
    if (!md)
        return 0;
    size_t total = 0;
    for (int r = 0; r < DATELINE_REPEAT && total < n; r++) {
        size_t len = clean_dateline_once(c, s + total, n - total, md, filtered);
        if (!len)
            break;
        total += len;
    }
    pcre2_match_data_free(md);
    return total;
}

size_t cleaner_dateline(const cleaner *c, const char *s, size_t n)
{
    return clean_dateline(c, s, n, 1);
}

size_t cleaner_dateline_unfiltered(const cleaner *c, const char *s, size_t n)
{
    return clean_dateline(c, s, n, 0);
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
