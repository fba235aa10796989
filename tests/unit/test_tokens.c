/* Tokens: Unicode word boundaries, case folding, stop words, stemming. */
#include "test.h"
#include "newsfuse.h"
#include "text/tokens.h"
#include <libstemmer.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

struct collect {
    char out[512];
    size_t n;
};

static int on_token(const token *t, void *arg)
{
    struct collect *c = arg;
    c->n += (size_t)snprintf(c->out + c->n, sizeof c->out - c->n, "%s%.*s%s", c->n ? " " : "",
                             (int)t->len, t->form, t->stop ? "/s" : "");
    return 0;
}

static const char *tokens_of(tokenizer *tk, const char *s)
{
    static struct collect c;
    c.n = 0;
    c.out[0] = '\0';
    CHECK(tokenizer_each(tk, s, strlen(s), on_token, &c) == 0);
    return c.out;
}

TEST(english_stems_and_stops)
{
    tokenizer *tk = tokenizer_new("english");
    CHECK(tk != NULL);
    if (!tk)
        return;
    CHECK_STR(tokens_of(tk, "The rescuers were searching"), "the/s rescuer were/s search");
    CHECK_STR(tokens_of(tk, "3.5 million, 1,000"), "3 5 million 1 000");
    CHECK_STR(tokens_of(tk, "state-of-the-art"), "state of/s the/s art");
    tokenizer_free(tk);
}

TEST(unicode_letters_and_case_folding)
{
    tokenizer *tk = tokenizer_new("english");
    if (!tk)
        return;
    /* Accented Latin, Greek and Cyrillic letters make words; dashes do not. */
    CHECK_STR(tokens_of(tk, "Z\xC3\xBCRICH \xE2\x80\x94 caf\xC3\xA9"), "z\xC3\xBCrich caf\xC3\xA9");
    CHECK_STR(tokens_of(tk, "\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91"), "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1");
    CHECK_STR(tokens_of(tk, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"), "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    tokenizer_free(tk);
}

static size_t starts[8], ends[8], noff;
static int on_offsets(const token *t, void *arg)
{
    (void)arg;
    if (noff < 8)
        starts[noff] = t->start, ends[noff] = t->end;
    noff++;
    return 0;
}

TEST(offsets_index_the_input)
{
    tokenizer *tk = tokenizer_new("english");
    if (!tk)
        return;
    noff = 0;
    CHECK(tokenizer_each(tk, "  Hi, caf\xC3\xA9!", 12, on_offsets, NULL) == 0);
    CHECK(noff == 2);
    CHECK(starts[0] == 2 && ends[0] == 4);
    CHECK(starts[1] == 6 && ends[1] == 11);
    tokenizer_free(tk);
}

TEST(languages)
{
    CHECK(tokenizer_language_ok("english"));
    CHECK(tokenizer_language_ok("french"));
    CHECK(!tokenizer_language_ok("klingon"));
    CHECK(tokenizer_new("klingon") == NULL);
    tokenizer *tk = tokenizer_new("french");
    if (!tk)
        return;
    /* Stop words are checked before stemming, forms are stemmed. */
    CHECK_STR(tokens_of(tk, "les enfants"), "le/s enfant");
    tokenizer_free(tk);
}

/* ---- tokenizer_for_thread ---- */

/* Blocks the library holds right now: the allocator hook counts them
 * (installed first thing in main), so a thread's exit can be seen to free. */
static atomic_long live_blocks;
/* Allocations asked for so far: a kept tokenizer comes back without one
 * (pointer equality alone could be fooled by a freed address reused). */
static atomic_long alloc_calls;

/* malloc, counted (each call, and each block it hands out). */
static void *live_malloc(size_t n)
{
    atomic_fetch_add(&alloc_calls, 1);
    void *p = malloc(n);
    if (p)
        atomic_fetch_add(&live_blocks, 1);
    return p;
}

/* realloc, counted (a new block only when p was NULL). */
static void *live_realloc(void *p, size_t n)
{
    atomic_fetch_add(&alloc_calls, 1);
    void *q = realloc(p, n);
    if (q && !p)
        atomic_fetch_add(&live_blocks, 1);
    return q;
}

/* free, counting the block as gone. */
static void live_free(void *p)
{
    if (p)
        atomic_fetch_sub(&live_blocks, 1);
    free(p);
}

/* A growing record of every token field, one line a token, so two runs
 * can be compared whole. */
struct trace {
    char *s;
    size_t n, cap;
    size_t stops, stemmed; /* tokens that are stop words / changed by stemming */
};

/* tokenizer_each callback: appends t's fields to the trace; 1 on error. */
static int on_trace(const token *t, void *arg)
{
    struct trace *tr = arg;
    char line[256];
    int k = snprintf(line, sizeof line, "%.*s|%.*s|%zu|%zu|%d|%016llx\n", (int)t->len, t->form,
                     (int)t->folded_len, t->folded, t->start, t->end, t->stop,
                     (unsigned long long)t->form_hash);
    if (k < 0 || (size_t)k >= sizeof line)
        return 1;
    if (tr->n + (size_t)k + 1 > tr->cap) {
        size_t cap = tr->cap ? tr->cap * 2 + (size_t)k : 4096;
        char *s = realloc(tr->s, cap);
        if (!s)
            return 1;
        tr->s = s, tr->cap = cap;
    }
    memcpy(tr->s + tr->n, line, (size_t)k + 1);
    tr->n += (size_t)k;
    tr->stops += t->stop != 0;
    tr->stemmed += t->len != t->folded_len || memcmp(t->form, t->folded, t->len) != 0;
    return 0;
}

/* Returns the malloc'd trace of tk over s (caller frees), NULL on error. */
static char *trace_of(tokenizer *tk, const char *s, struct trace *tr)
{
    *tr = (struct trace){0};
    if (!tk || tokenizer_each(tk, s, strlen(s), on_trace, tr) != 0) {
        free(tr->s);
        return NULL;
    }
    return tr->s ? tr->s : calloc(1, 1);
}

/* Returns the trace of a fresh tokenizer_new(language) over s (caller frees). */
static char *fresh_trace_of(const char *language, const char *s)
{
    struct trace tr;
    tokenizer *tk = tokenizer_new(language);
    char *out = trace_of(tk, s, &tr);
    tokenizer_free(tk);
    return out;
}

/* Stop words, inflections, repeats, capitals, digits, accents, Greek. */
static const char varied_text[] =
    "The rescuers were searching the collapsed buildings; THE RESCUERS searched again. "
    "Officials said that 1,200 people had been evacuated and were running out of supplies. "
    "Connected connections connecting: the generously generous generalization of "
    "nationalities. Z\xC3\xBCrich caf\xC3\xA9s reopened \xE2\x80\x94 "
    "\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91 and \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
    "too. They would have been there if it had not been for the storms' storming.";

/* Compares tk's trace over varied_text with a fresh tokenizer's, twice
 * (the second pass is served from the stem cache). Returns 1 if equal. */
static int same_as_fresh(tokenizer *tk, const char *language, const char *text)
{
    char *want = fresh_trace_of(language, text);
    int same = want != NULL;
    for (int pass = 0; pass < 2 && same; pass++) {
        struct trace tr;
        char *got = trace_of(tk, text, &tr);
        same = got && !strcmp(got, want);
        free(got);
    }
    free(want);
    return same;
}

/* Returns 1 if the thread's tokenizer for language is kept: it comes back
 * as *was, with no allocation. Sets *was to what came back (so a broken
 * keeper fails the checks instead of leaving a freed pointer in use). */
static int kept_again(const char *language, tokenizer **was)
{
    long before = atomic_load(&alloc_calls);
    tokenizer *tk = tokenizer_for_thread(language);
    int kept = tk && tk == *was && atomic_load(&alloc_calls) == before;
    *was = tk;
    return kept;
}

TEST(varied_text_has_stops_and_stems)
{
    /* Guards the comparisons below: the text must exercise both verdicts. */
    struct trace tr;
    tokenizer *tk = tokenizer_new("english");
    char *s = trace_of(tk, varied_text, &tr);
    CHECK(s != NULL);
    CHECK(tr.stops >= 10);
    CHECK(tr.stemmed >= 10);
    free(s);
    tokenizer_free(tk);
}

TEST(thread_tokenizer_is_kept_per_language)
{
    tokenizer *en = tokenizer_for_thread("english");
    CHECK(en != NULL);
    CHECK(kept_again("english", &en));
    tokenizer *fr = tokenizer_for_thread("french");
    CHECK(fr != NULL && fr != en);
    CHECK(kept_again("english", &en));
    CHECK(kept_again("french", &fr));
    CHECK(tokenizer_for_thread("klingon") == NULL);
    CHECK(kept_again("english", &en));
    /* Each is a tokenizer of its own language. */
    if ((fr = tokenizer_for_thread("french")) != NULL)
        CHECK_STR(tokens_of(fr, "les enfants"), "le/s enfant");
    if ((en = tokenizer_for_thread("english")) != NULL)
        CHECK_STR(tokens_of(en, "The rescuers"), "the/s rescuer");
    CHECK(same_as_fresh(tokenizer_for_thread("english"), "english", varied_text));
}

/* Runs fn(arg) in a new thread and joins it. Returns 0 on success. */
static int in_thread(void *(*fn)(void *), void *arg)
{
    pthread_t th;
    if (pthread_create(&th, NULL, fn, arg))
        return -1;
    return pthread_join(th, NULL);
}

struct eviction {
    const char *langs[5]; /* languages with a stemmer and a stop list */
    int n;                /* how many: four are kept, a fifth evicts */
    int distinct, kept_four, oldest_replaced, fresh_works, others_kept;
};

/* Thread body: five languages in turn; the first gives way to the fifth. */
static void *evict_oldest(void *arg)
{
    struct eviction *ev = arg;
    const char *const *langs = ev->langs;
    tokenizer *tk[5];
    for (int i = 0; i < 4; i++)
        tk[i] = tokenizer_for_thread(langs[i]);
    ev->distinct = tk[0] && tk[1] && tk[2] && tk[3] && tk[0] != tk[1] && tk[1] != tk[2] &&
                   tk[2] != tk[3] && tk[0] != tk[3];
    ev->kept_four = 1;
    for (int i = 0; i < 4; i++)
        ev->kept_four &= kept_again(langs[i], &tk[i]);
    if (ev->n < 5)
        return NULL;
    /* langs[0] (made first) is the oldest; asking again does not refresh it. */
    tk[4] = tokenizer_for_thread(langs[4]);
    ev->others_kept = tk[4] != NULL;
    for (int i = 1; i < 4; i++)
        ev->others_kept &= kept_again(langs[i], &tk[i]);
    ev->others_kept &= kept_again(langs[4], &tk[4]);
    long before = atomic_load(&alloc_calls);
    tokenizer *again = tokenizer_for_thread(langs[0]);
    ev->oldest_replaced = again != NULL && atomic_load(&alloc_calls) > before;
    for (int i = 1; i < 5; i++)
        ev->oldest_replaced &= again != tk[i];
    ev->fresh_works = again && same_as_fresh(again, langs[0], varied_text);
    return NULL;
}

TEST(fifth_language_replaces_the_oldest)
{
    struct eviction ev = {0};
    for (const char **l = sb_stemmer_list(); *l && ev.n < 5; l++)
        if (tokenizer_language_ok(*l))
            ev.langs[ev.n++] = *l;
    CHECK(ev.n >= 4);
    if (ev.n < 4)
        return;
    long live = atomic_load(&live_blocks);
    CHECK(in_thread(evict_oldest, &ev) == 0);
    CHECK(atomic_load(&live_blocks) == live); /* the evicted one too is freed */
    CHECK(ev.distinct);
    CHECK(ev.kept_four);
    if (ev.n < 5)
        SKIP("four languages kept; a fifth needs another stop list in data/stopwords");
    CHECK(ev.others_kept);
    CHECK(ev.oldest_replaced);
    CHECK(ev.fresh_works);
}

/* Writes n distinct lower-case words (base 26, from index first) separated
 * by spaces into a malloc'd string (caller frees). */
static char *distinct_words(size_t first, size_t n)
{
    char *s = malloc(n * 8 + 1), *p = s;
    if (!s)
        return NULL;
    for (size_t i = first; i < first + n; i++) {
        *p++ = 'q'; /* "q" + letters: no stop word, never a number */
        for (size_t v = i, k = 0; k < 4; k++, v /= 26)
            *p++ = (char)('a' + v % 26);
        *p++ = ' ';
    }
    *p = '\0';
    return s;
}

/* Returns a malloc'd copy of words with an "s" after each (caller frees). */
static char *plurals_of(const char *words)
{
    char *s = malloc(strlen(words) * 2 + 1), *p = s;
    for (const char *w = words; s && *w; w++) {
        if (*w == ' ')
            *p++ = 's';
        *p++ = *w;
    }
    if (s)
        *p = '\0';
    return s;
}

TEST(stem_cache_full_then_emptied_gives_same_results)
{
    enum { WORDS = 40000 }; /* past the cache's 32768 words */
    char *fill = distinct_words(0, WORDS), *plural = fill ? plurals_of(fill) : NULL;
    CHECK(fill && plural);
    if (!fill || !plural) {
        free(fill);
        return;
    }
    tokenizer *tk = tokenizer_for_thread("english");
    CHECK(tk && same_as_fresh(tk, "english", varied_text));
    /* Fill past the bound: the words beyond it are stemmed, not remembered,
     * and still come out right, as do the cached words. */
    CHECK(same_as_fresh(tk, "english", fill));
    CHECK(same_as_fresh(tk, "english", varied_text));
    /* Asking again empties the full cache (same tokenizer). The plurals are
     * then remembered where the words were ("qaaaas" where "qaaaa" was), so
     * a forgotten word still answering would give a wrong stem below. */
    CHECK(kept_again("english", &tk));
    CHECK(same_as_fresh(tk, "english", plural));
    CHECK(same_as_fresh(tk, "english", fill));
    /* Emptied again and again, it refills in the memory it kept (bounded):
     * the words take no more room than the plurals did, so nothing is
     * allocated. */
    for (int round = 0; round < 4; round++) {
        CHECK(kept_again("english", &tk));
        struct trace tr;
        long before = atomic_load(&alloc_calls);
        char *again = trace_of(tk, fill, &tr);
        CHECK(again != NULL && atomic_load(&alloc_calls) == before);
        free(again);
    }
    CHECK(same_as_fresh(tk, "english", varied_text));
    free(plural);
    free(fill);
}

/* Thread body: uses the thread's tokenizers of two languages, then exits. */
static void *use_and_exit(void *arg)
{
    int *ok = arg;
    *ok = same_as_fresh(tokenizer_for_thread("english"), "english", varied_text) &&
          tokenizer_for_thread("french") != NULL;
    return NULL;
}

TEST(thread_exit_frees_its_tokenizers)
{
    /* Make the main thread's own tokenizers first so they are not counted. */
    CHECK(tokenizer_for_thread("english") != NULL);
    long before = atomic_load(&live_blocks);
    for (int i = 0; i < 3; i++) {
        int ok = 0;
        CHECK(in_thread(use_and_exit, &ok) == 0);
        CHECK(ok);
        CHECK(atomic_load(&live_blocks) == before);
    }
}

enum { THREADS = 4 };

struct together {
    pthread_barrier_t *all_made; /* every thread holds its tokenizer before any exits */
    tokenizer *tk;
    char *trace;
    int same_again;
};

/* Thread body: gets its tokenizer, waits for the others, traces the text. */
static void *trace_together(void *arg)
{
    struct together *t = arg;
    struct trace tr;
    t->tk = tokenizer_for_thread("english");
    pthread_barrier_wait(t->all_made);
    t->trace = trace_of(t->tk, varied_text, &tr);
    t->same_again = tokenizer_for_thread("english") == t->tk;
    pthread_barrier_wait(t->all_made);
    return NULL;
}

TEST(threads_at_once_get_their_own_tokenizers)
{
    pthread_barrier_t bar;
    pthread_t th[THREADS];
    struct together t[THREADS] = {{0}};
    int started = 0;
    CHECK(pthread_barrier_init(&bar, NULL, THREADS) == 0);
    for (int i = 0; i < THREADS; i++) {
        t[i].all_made = &bar;
        started += pthread_create(&th[i], NULL, trace_together, &t[i]) == 0;
    }
    CHECK(started == THREADS);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    pthread_barrier_destroy(&bar);
    char *want = fresh_trace_of("english", varied_text);
    CHECK(want != NULL);
    for (int i = 0; i < started; i++) {
        CHECK(t[i].tk != NULL && t[i].same_again);
        CHECK(t[i].tk != tokenizer_for_thread("english"));
        for (int j = 0; j < i; j++)
            CHECK(t[i].tk != t[j].tk);
        CHECK(want && t[i].trace && !strcmp(t[i].trace, want));
        free(t[i].trace);
    }
    free(want);
}

int main(void)
{
    nf_set_allocator(live_malloc, live_realloc, live_free); /* before any other call */
    RUN(english_stems_and_stops);
    RUN(unicode_letters_and_case_folding);
    RUN(offsets_index_the_input);
    RUN(languages);
    RUN(varied_text_has_stops_and_stems);
    RUN(thread_tokenizer_is_kept_per_language);
    RUN(fifth_language_replaces_the_oldest);
    RUN(stem_cache_full_then_emptied_gives_same_results);
    RUN(thread_exit_frees_its_tokenizers);
    RUN(threads_at_once_get_their_own_tokenizers);
    TEST_EXIT();
}
