#include "text/tokens.h"
#include "core/alloc.h"
#include "core/data.h"
#include <libstemmer.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* A remembered stem: word and stem side by side in the cache's text,
 * with the word's stop-list verdict (one lookup answers both). */
struct stem_entry {
    uint32_t off, word_len;   /* word at text + off, then its stem */
    uint32_t stem_len : 31;   /* under 2^30 (stem_remember's bound) */
    uint32_t stop : 1;        /* the word is on the stop list */
    uint64_t stem_hash;       /* hash_bytes of the stem */
};

/* The stem table starts small and doubles when half full, up to
 * STEM_SLOTS; a thread's kept tokenizer (tokenizer_for_thread) empties it
 * once it is full, so it follows the words of the text at hand in bounded
 * memory (about 2 MB: 32768 words, 24 bytes a slot, twice the slots). */
enum { STEM_SLOTS = 1 << 16, STEM_MAX_ENTRIES = STEM_SLOTS / 2, STEM_FIRST_SLOTS = 1 << 10 };

struct tokenizer {
    char language[48]; /* as given to tokenizer_new (shorter names only) */
    struct sb_stemmer *stemmer;
    char **stops; /* open-addressing set of stop words */
    size_t nslots;
    char *fold; /* scratch for the folded token */
    size_t foldcap;
    /* Stemming is the costliest step per token and news repeats its words:
     * stems are remembered (up to STEM_MAX_ENTRIES words, then computed). */
    struct stem_entry *stem_slots; /* nstem_slots, word_len 0 = empty */
    size_t nstem_slots, nstems;
    char *stem_text;
    size_t stem_len, stem_cap;
};

/* FNV-1a: a small, fixed hash so the set's layout is deterministic. */
static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static int stop_insert(const char *line, size_t len, void *arg)
{
    tokenizer *tk = arg;
    size_t i = hash_bytes(line, len) & (tk->nslots - 1);
    while (tk->stops[i]) {
        if (strlen(tk->stops[i]) == len && !memcmp(tk->stops[i], line, len))
            return 0;
        i = (i + 1) & (tk->nslots - 1);
    }
    tk->stops[i] = xstrndup(line, len);
    return tk->stops[i] ? 0 : -1;
}

/* tokenizer_is_stop, given hash_bytes(w, n). */
static int stop_lookup(const tokenizer *tk, const char *w, size_t n, size_t hash)
{
    size_t i = hash & (tk->nslots - 1);
    while (tk->stops[i]) {
        if (!strncmp(tk->stops[i], w, n) && tk->stops[i][n] == '\0')
            return 1;
        i = (i + 1) & (tk->nslots - 1);
    }
    return 0;
}

int tokenizer_is_stop(const tokenizer *tk, const char *w, size_t n)
{
    return stop_lookup(tk, w, n, hash_bytes(w, n));
}

static void stop_list_name(const char *language, char *name, size_t size)
{
    snprintf(name, size, "stopwords/%s.txt", language);
}

int tokenizer_language_ok(const char *language)
{
    char name[96];
    stop_list_name(language, name, sizeof name);
    if (!data_get(name, NULL))
        return 0;
    for (const char **l = sb_stemmer_list(); *l; l++)
        if (!strcmp(*l, language))
            return 1;
    return 0;
}

tokenizer *tokenizer_new(const char *language)
{
    char name[96];
    if (strlen(language) >= sizeof ((tokenizer *)0)->language || !tokenizer_language_ok(language))
        return NULL;
    tokenizer *tk = xcalloc(1, sizeof *tk);
    if (!tk)
        return NULL;
    strcpy(tk->language, language);
    tk->nslots = 2048; /* stop lists hold a few hundred words */
    tk->stops = xcalloc(tk->nslots, sizeof *tk->stops);
    tk->stemmer = sb_stemmer_new(language, "UTF_8");
    tk->nstem_slots = STEM_FIRST_SLOTS;
    tk->stem_slots = xcalloc(tk->nstem_slots, sizeof *tk->stem_slots);
    stop_list_name(language, name, sizeof name);
    if (!tk->stops || !tk->stemmer || !tk->stem_slots || data_each_line(name, stop_insert, tk)) {
        tokenizer_free(tk);
        return NULL;
    }
    return tk;
}

void tokenizer_free(tokenizer *tk)
{
    if (!tk)
        return;
    if (tk->stops)
        for (size_t i = 0; i < tk->nslots; i++)
            xfree(tk->stops[i]);
    xfree(tk->stops);
    if (tk->stemmer)
        sb_stemmer_delete(tk->stemmer);
    xfree(tk->fold);
    xfree(tk->stem_slots);
    xfree(tk->stem_text);
    xfree(tk);
}

/* Letters, digits and combining marks make words. */
static int is_word_cp(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

/* Decodes one code point at s (valid UTF-8 expected); invalid bytes read
 * as U+FFFD one byte at a time. Returns its byte length. */
static size_t next_cp(const char *s, size_t n, utf8proc_int32_t *cp)
{
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cp);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)k;
}

/* Appends the case fold of cp to tk->fold at *len; -1 when out of memory. */
static int fold_cp(tokenizer *tk, size_t *len, utf8proc_int32_t cp)
{
    utf8proc_int32_t out[8];
    int last = 0;
    utf8proc_ssize_t k = cp < 0x80 ? (out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp, 1)
                                   : utf8proc_decompose_char(cp, out, 8, UTF8PROC_CASEFOLD, &last);
    if (k < 0 || k > 8) {
        out[0] = cp;
        k = 1;
    }
    if (GROW(tk->fold, tk->foldcap, *len + 4 * (size_t)k + 1))
        return -1;
    for (utf8proc_ssize_t i = 0; i < k; i++)
        *len += (size_t)utf8proc_encode_char(out[i], (utf8proc_uint8_t *)tk->fold + *len);
    return 0;
}

/* Appends ASCII word byte c, lower-cased, to tk->fold at *len (as fold_cp
 * would, without utf8proc); -1 when out of memory. */
static int fold_ascii(tokenizer *tk, size_t *len, unsigned char c)
{
    if (*len + 2 > tk->foldcap && GROW(tk->fold, tk->foldcap, *len + 2))
        return -1;
    tk->fold[(*len)++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return 0;
}

/* Doubles the stem table (up to STEM_SLOTS) and places the entries anew.
 * Returns 0, or -1 when it cannot grow (the table is then unchanged). */
static int stem_grow(tokenizer *tk)
{
    size_t n = tk->nstem_slots * 2;
    struct stem_entry *slots = n <= STEM_SLOTS ? xcalloc(n, sizeof *slots) : NULL;
    if (!slots)
        return -1;
    for (size_t i = 0; i < tk->nstem_slots; i++) {
        const struct stem_entry *e = &tk->stem_slots[i];
        if (!e->word_len)
            continue;
        size_t k = hash_bytes(tk->stem_text + e->off, e->word_len) & (n - 1);
        while (slots[k].word_len)
            k = (k + 1) & (n - 1);
        slots[k] = *e;
    }
    xfree(tk->stem_slots);
    tk->stem_slots = slots;
    tk->nstem_slots = n;
    return 0;
}

/* Remembers word w -> stem s (hash: hash_bytes(w, wn)) and its stop
 * verdict when there is room; failures only mean the word will be
 * stemmed again. */
static void stem_remember(tokenizer *tk, size_t hash, const char *w, size_t wn, const char *s,
                          size_t sn, uint64_t stem_hash, int stop)
{
    if ((tk->nstems + 1) * 2 > tk->nstem_slots && stem_grow(tk))
        return;
    if (tk->nstems >= STEM_MAX_ENTRIES || wn + sn > UINT32_MAX / 4 ||
        GROW(tk->stem_text, tk->stem_cap, tk->stem_len + wn + sn))
        return;
    size_t slot = hash & (tk->nstem_slots - 1);
    while (tk->stem_slots[slot].word_len)
        slot = (slot + 1) & (tk->nstem_slots - 1);
    memcpy(tk->stem_text + tk->stem_len, w, wn);
    memcpy(tk->stem_text + tk->stem_len + wn, s, sn);
    tk->stem_slots[slot] = (struct stem_entry){(uint32_t)tk->stem_len, (uint32_t)wn, (uint32_t)sn,
                                               (uint32_t)(stop != 0), stem_hash};
    tk->stem_len += wn + sn;
    tk->nstems++;
}

/* The stem of the folded word w[0..n) (whose hash_bytes is hash):
 * remembered, or from Snowball, with its own hash in *stem_hash and the
 * word's stop verdict in *stop. Returns NULL when out of memory. */
static const char *stem_of(tokenizer *tk, const char *w, size_t n, size_t hash, size_t *len,
                           uint64_t *stem_hash, int *stop)
{
    size_t slot = hash & (tk->nstem_slots - 1);
    for (; tk->stem_slots[slot].word_len; slot = (slot + 1) & (tk->nstem_slots - 1)) {
        const struct stem_entry *e = &tk->stem_slots[slot];
        if (e->word_len == n && !memcmp(tk->stem_text + e->off, w, n)) {
            *len = e->stem_len;
            *stem_hash = e->stem_hash;
            *stop = e->stop;
            return tk->stem_text + e->off + n;
        }
    }
    const sb_symbol *st = sb_stemmer_stem(tk->stemmer, (const sb_symbol *)w, (int)n);
    if (!st)
        return NULL;
    *len = (size_t)sb_stemmer_length(tk->stemmer);
    *stem_hash = hash_bytes((const char *)st, *len);
    *stop = stop_lookup(tk, w, n, hash);
    stem_remember(tk, hash, w, n, (const char *)st, *len, *stem_hash, *stop);
    return (const char *)st;
}

static int emit_token(tokenizer *tk, size_t start, size_t end, size_t flen,
                      int (*fn)(const token *, void *), void *arg)
{
    tk->fold[flen] = '\0';
    token t = {.folded = tk->fold, .folded_len = flen, .start = start, .end = end};
    size_t hash = hash_bytes(tk->fold, flen); /* one hash for both tables */
    t.form = stem_of(tk, tk->fold, flen, hash, &t.len, &t.form_hash, &t.stop);
    return t.form ? fn(&t, arg) : -1;
}

/* Returns 1 if b is an ASCII letter or digit (a word byte). */
static int is_ascii_word(unsigned char b)
{
    return (unsigned)((b | 0x20) - 'a') < 26u || (unsigned)(b - '0') < 10u;
}

/* Appends the ASCII word bytes s[0..k), lower-cased, to tk->fold at *len
 * (as fold_ascii would one at a time); -1 when out of memory. */
static int fold_ascii_run(tokenizer *tk, size_t *len, const char *s, size_t k)
{
    if (*len + k + 1 > tk->foldcap && GROW(tk->fold, tk->foldcap, *len + k + 1))
        return -1;
    char *f = tk->fold + *len; /* a local pointer: the stores cannot alias *len */
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)s[i];
        f[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    *len += k;
    return 0;
}

int tokenizer_each(tokenizer *tk, const char *s, size_t n,
                   int (*fn)(const token *t, void *arg), void *arg)
{
    size_t i = 0, start = 0, flen = 0;
    int in_word = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (is_ascii_word(b)) { /* the common case: a run of ASCII word bytes at once */
            size_t j = i + 1;
            while (j < n && is_ascii_word((unsigned char)s[j]))
                j++;
            if (!in_word)
                start = i, flen = 0, in_word = 1;
            if (fold_ascii_run(tk, &flen, s + i, j - i))
                return -1;
            i = j;
            continue;
        }
        utf8proc_int32_t cp = b;
        size_t k = b < 0x80 ? 1 : next_cp(s + i, n - i, &cp); /* ASCII needs no decoding */
        if (is_word_cp(cp)) {
            if (!in_word)
                start = i, flen = 0, in_word = 1;
            if (b < 0x80 ? fold_ascii(tk, &flen, b) : fold_cp(tk, &flen, cp))
                return -1;
        } else if (in_word) {
            in_word = 0;
            int rc = emit_token(tk, start, i, flen, fn, arg);
            if (rc)
                return rc;
        }
        i += k;
    }
    return in_word ? emit_token(tk, start, n, flen, fn, arg) : 0;
}

/* ---- One kept tokenizer per thread and language ---- */

/* A few languages per thread: a batch worker meets one, a server thread
 * perhaps several; the oldest kept one gives way to a new one. */
enum { THREAD_TOKENIZERS = 4 };

struct thread_tokenizers {
    tokenizer *tk[THREAD_TOKENIZERS];
    size_t next; /* the slot a new language takes */
};

/* The thread's own list, reachable from thread-local storage (so a leak
 * checker sees it live) and freed at thread exit through tk_key. */
static _Thread_local struct thread_tokenizers tk_kept;
static pthread_key_t tk_key;
static pthread_once_t tk_key_once = PTHREAD_ONCE_INIT;
static int tk_key_ok;

/* tk_key's destructor: frees the exiting thread's tokenizers. */
static void tk_thread_end(void *arg)
{
    struct thread_tokenizers *kept = arg;
    for (size_t i = 0; i < THREAD_TOKENIZERS; i++) {
        tokenizer_free(kept->tk[i]);
        kept->tk[i] = NULL;
    }
}

/* pthread_once routine: makes the key whose destructor frees them. */
static void tk_key_make(void) { tk_key_ok = pthread_key_create(&tk_key, tk_thread_end) == 0; }

/* Empties a full stem table, keeping its memory: the words remembered
 * from earlier texts give way to the current one's. */
static void stem_forget_when_full(tokenizer *tk)
{
    if (tk->nstems < STEM_MAX_ENTRIES)
        return;
    memset(tk->stem_slots, 0, tk->nstem_slots * sizeof *tk->stem_slots);
    tk->nstems = 0;
    tk->stem_len = 0;
}

/* Returns the calling thread's tokenizer for language, made on first use
 * and kept (with its stem cache, warm for the next text) until the thread
 * ends; NULL when the language is unknown or memory runs out. Owned by the
 * thread: never freed by the caller, used by this thread only, and not
 * across another call of tokenizer_for_thread. */
tokenizer *tokenizer_for_thread(const char *language)
{
    struct thread_tokenizers *kept = &tk_kept;
    for (size_t i = 0; i < THREAD_TOKENIZERS; i++)
        if (kept->tk[i] && !strcmp(kept->tk[i]->language, language)) {
            stem_forget_when_full(kept->tk[i]);
            return kept->tk[i];
        }
    pthread_once(&tk_key_once, tk_key_make);
    if (!tk_key_ok || pthread_setspecific(tk_key, kept))
        return NULL;
    tokenizer *tk = tokenizer_new(language);
    if (!tk)
        return NULL;
    size_t slot = kept->next;
    kept->next = (slot + 1) % THREAD_TOKENIZERS;
    tokenizer_free(kept->tk[slot]);
    kept->tk[slot] = tk;
    return tk;
}
