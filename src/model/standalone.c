/* Sentences that cannot stand alone (standalone.h). */
#include "model/standalone.h"
#include "core/alloc.h"
#include "core/data.h"
#include <pthread.h>
#include <string.h>

#define OPENERS_FILE "select/dependent_openers.txt"
#define OPENER_MAX 24

/* The opener words, loaded once per process (read only afterwards). */
static struct {
    char (*word)[OPENER_MAX];
    size_t n, cap;
    int failed;
} openers;
static pthread_once_t openers_once = PTHREAD_ONCE_INIT;

static int add_opener(const char *line, size_t len, void *arg)
{
    (void)arg;
    if (!len || line[0] == '#' || len >= OPENER_MAX)
        return 0;
    if (GROW(openers.word, openers.cap, openers.n + 1))
        return -1;
    memcpy(openers.word[openers.n], line, len);
    openers.word[openers.n++][len] = '\0';
    return 0;
}

static void load_openers(void)
{
    openers.failed = data_each_line(OPENERS_FILE, add_opener, NULL) != 0;
}

/* Returns 1 if the word s[0..n) is a dependent opener. */
static int is_opener(const char *s, size_t n)
{
    for (size_t i = 0; i < openers.n; i++)
        if (openers.word[i][0] == s[0] && !strncmp(openers.word[i], s, n) && openers.word[i][n] == '\0')
            return 1;
    return 0;
}

/* Returns 1 if s[i..n) starts with U+2018..U+201F (e2 80 98..9f), a
 * curly quotation mark; *last gets its last byte. */
static int curly_at(const char *s, size_t n, size_t i, unsigned char *last)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 3 > n || u[0] != 0xE2 || u[1] != 0x80 || u[2] < 0x98 || u[2] > 0x9F)
        return 0;
    *last = u[2];
    return 1;
}

int standalone_opener(const char *s, size_t n)
{
    pthread_once(&openers_once, load_openers);
    if (openers.failed)
        return -1;
    size_t i = 0;
    unsigned char c;
    for (;;) { /* past opening quotes and brackets: "“But ..." leans too */
        if (i < n && (s[i] == '"' || s[i] == '\'' || s[i] == '('))
            i++;
        else if (curly_at(s, n, i, &c) && (c == 0x9C || c == 0x98))
            i += 3;
        else
            break;
    }
    size_t j = i;
    while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
        j++;
    int apostrophe = j < n && (s[j] == '\'' || (curly_at(s, n, j, &c) && c == 0x99)); /* "They're" */
    return j > i && (j == n || s[j] == ' ' || s[j] == ',' || apostrophe) && is_opener(s + i, j - i)
               ? LEANS_PREV : 0;
}

/* Quotation marks as met in a report's text. */
enum { MARK_NONE, MARK_OPEN, MARK_CLOSE };

/* Returns 1 if c, the byte before a straight mark, lets it open a
 * quotation: nothing, a space, an opening bracket or a dash's last byte. */
static int opens_after(int c)
{
    return c < 0 || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == '[' ||
           c == '-' || c == 0x94 /* U+2014, U+2013 end in 94, 93 */ || c == 0x93;
}

/* Returns 1 if c, the byte after a straight mark, lets it close one:
 * nothing, a space, punctuation or a closing bracket. */
static int closes_before(int c)
{
    return c < 0 || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '.' || c == ',' ||
           c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '-';
}

/* The double quotation mark at text[i] (of len bytes), if any: its kind
 * (curly ones by shape; a straight one by what surrounds it, and where
 * that does not tell, by whether a quotation is open) and its length in
 * *w. */
static int mark_at(const char *text, size_t len, size_t i, int inside, size_t *w)
{
    unsigned char c;
    if (text[i] == '"') {
        *w = 1;
        int before = i ? (unsigned char)text[i - 1] : -1;
        int after = i + 1 < len ? (unsigned char)text[i + 1] : -1;
        int open = opens_after(before), close = closes_before(after);
        if (open != close)
            return open ? MARK_OPEN : MARK_CLOSE;
        return inside ? MARK_CLOSE : MARK_OPEN;
    }
    if (curly_at(text, len, i, &c) && (c == 0x9C || c == 0x9D)) {
        *w = 3;
        return c == 0x9C ? MARK_OPEN : MARK_CLOSE;
    }
    *w = 1;
    return MARK_NONE;
}

/* Returns 1 if text[a..b) holds a line break (paragraphs end there). */
static int has_break(const char *text, size_t a, size_t b)
{
    return a < b && memchr(text + a, '\n', b - a) != NULL;
}

/* The first byte at or after i (before end) that may start a double
 * quotation mark: '"', or 0xE2 (the first byte of U+201C, U+201D); end if
 * none. memchr, not a loop: most of a report holds no mark. */
static size_t next_mark_byte(const char *text, size_t i, size_t end)
{
    const char *q = i < end ? memchr(text + i, '"', end - i) : NULL;
    size_t lim = q ? (size_t)(q - text) : end;
    const char *e = i < lim ? memchr(text + i, 0xE2, lim - i) : NULL;
    return e ? (size_t)(e - text) : lim;
}

/* Returns 1 if text[a..b) holds a letter or a digit. */
static int has_word(const char *text, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        unsigned char ch = (unsigned char)text[i];
        if ((ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z'))
            return 1;
    }
    return 0;
}

void standalone_quotes(const char *text, msent *sents, size_t n)
{
    int inside = 0;
    size_t prev_end = 0;
    for (size_t k = 0; k < n; k++) {
        msent *s = &sents[k];
        size_t start = s->start < prev_end ? prev_end : s->start;
        /* Marks between sentences (rare) move the state; a line break
         * inside a quotation ends it: a quotation left open there is one
         * that never closes, or one the next paragraph opens again (as
         * news writes a quotation over paragraphs). */
        for (size_t i = prev_end, w; i < start; i += w) {
            i = next_mark_byte(text, i, start);
            if (i >= start)
                break;
            int mk = mark_at(text, start, i, inside, &w);
            if (mk != MARK_NONE)
                inside = mk == MARK_OPEN;
        }
        if (inside && has_break(text, prev_end, start)) {
            sents[k - 1].leans |= LEANS_BROKEN;
            inside = 0;
        }
        if (inside)
            s->leans |= LEANS_PREV;
        for (size_t i = start, w; i < s->end; i += w) {
            i = next_mark_byte(text, i, s->end);
            if (i >= s->end)
                break;
            int mk = mark_at(text, s->end, i, inside, &w);
            if (mk == MARK_OPEN) {
                if (inside && !has_word(text, start, i) && k) {
                    /* A quotation opened again at the start of a sentence:
                     * the one before never closed (paragraphs run together) */
                    sents[k - 1].leans |= LEANS_BROKEN;
                    s->leans &= ~LEANS_PREV;
                } else if (inside) {
                    s->leans |= LEANS_BROKEN;
                }
                inside = 1;
            } else if (mk == MARK_CLOSE && inside) {
                inside = 0;
            } else if (mk == MARK_CLOSE) {
                s->leans |= LEANS_BROKEN; /* closes what it never opened */
            }
        }
        if (inside)
            s->leans |= LEANS_NEXT;
        prev_end = s->end;
    }
    if (inside && n)
        sents[n - 1].leans |= LEANS_BROKEN;
}

/* People named by surname only ------------------------------------------ */

/* A word of a text: bytes [a, b). */
typedef struct word {
    size_t a, b;
} word;

#define WORDS_MAX 160
#define INTRO_WINDOW 30000 /* bytes before a sentence searched for an introduction */

/* Bytes of words: letters, digits, bytes of non-ASCII characters,
 * apostrophes and hyphens (one bit per byte value). */
static const uint32_t word_bytes[8] = {0, 0x03ff2080, 0x07fffffe, 0x07fffffe,
                                       0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff};

static int word_byte(unsigned char c)
{
    return (word_bytes[c >> 5] >> (c & 31)) & 1;
}

/* Splits s[a..b) into words (at most max); returns how many. */
static size_t split_words(const char *s, size_t a, size_t b, word *w, size_t max)
{
    size_t n = 0;
    for (size_t i = a; i < b && n < max;) {
        while (i < b && !word_byte((unsigned char)s[i]))
            i++;
        size_t j = i;
        while (j < b && word_byte((unsigned char)s[j]))
            j++;
        if (j > i)
            w[n++] = (word){i, j};
        i = j;
    }
    return n;
}

static int word_is(const char *s, word w, const char *lit)
{
    size_t n = strlen(lit);
    return w.b - w.a == n && !memcmp(s + w.a, lit, n);
}

/* A capitalised word that could be a name: an upper-case ASCII letter and
 * then a lower-case one ("Berg", "McKinney"; not "NASA", "I"). */
static int name_like(const char *s, word w)
{
    return w.b - w.a >= 2 && s[w.a] >= 'A' && s[w.a] <= 'Z' && s[w.a + 1] >= 'a' && s[w.a + 1] <= 'z';
}

/* Words before a surname that do not make it a full name or a role. */
static int not_a_first_name(const char *s, word w)
{
    static const char *const no[] = {"Mr", "Mrs", "Ms", "Miss", "The", "A", "An", "He", "She",
                                     "It", "They", "We", "But", "And", "In", "On", "At", "As"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (word_is(s, w, no[i]))
            return 1;
    return 0;
}

/* Verbs that attribute a statement to a person. */
static const char *const saying_verbs[] = {"said",   "says",  "told",   "added",    "explained",
                                           "wrote",  "stated", "noted", "argued",   "insisted",
                                           "asked",  "recalled", "testified", "continued",
                                           "according"};
#define NSAYING (sizeof saying_verbs / sizeof *saying_verbs)

static int saying(const char *s, word w)
{
    size_t n = w.b - w.a;
    if (n < 4 || n > 9 || s[w.a] < 'a' || s[w.a] > 'w')
        return 0;
    for (size_t i = 0; i < NSAYING; i++)
        if (word_is(s, w, saying_verbs[i]))
            return 1;
    return 0;
}

/* Returns 1 if only a space or ", " separates words x and y. */
static int close_by(const char *s, word x, word y)
{
    size_t gap = y.a - x.b;
    return gap == 1 ? s[x.b] == ' ' : gap == 2 && s[x.b] == ',' && s[x.b + 1] == ' ';
}

/* The first occurrence of needle[0..m) in hay[0..n), or NULL (memmem is
 * not C11). */
static const char *find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
    for (const char *p = hay, *end = hay + n; m && (size_t)(end - p) >= m;) {
        const char *c = memchr(p, needle[0], (size_t)(end - p) - m + 1);
        if (!c)
            return NULL;
        if (!memcmp(c, needle, m))
            return c;
        p = c + 1;
    }
    return NULL;
}

/* Returns 1 if text[p..p+n) is a whole word. */
static int whole_word(const char *text, size_t len, size_t p, size_t n)
{
    return (p == 0 || !word_byte((unsigned char)text[p - 1])) &&
           (p + n >= len || !word_byte((unsigned char)text[p + n]));
}

/* The first place in text[a..b) where the surname sur[0..n) follows a
 * capitalised word and a space ("Ola Berg", "Officer Berg"), or b. */
static size_t full_mention(const char *text, size_t a, size_t b, const char *sur, size_t n)
{
    for (size_t p = a; p + n <= b;) {
        const char *hit = find_bytes(text + p, b - p, sur, n);
        if (!hit)
            return b;
        size_t at = (size_t)(hit - text);
        p = at + 1;
        if (at < 2 || text[at - 1] != ' ' || !whole_word(text, b, at, n))
            continue;
        size_t k = at - 1;
        while (k > a && word_byte((unsigned char)text[k - 1]))
            k--;
        word prev = {k, at - 1};
        if (prev.b > prev.a && text[k] >= 'A' && text[k] <= 'Z' && !not_a_first_name(text, prev))
            return at;
    }
    return b;
}

/* Returns 1 if text[a..b) (from the introduction to the sentence) holds
 * the surname written in lower case as a word (then it is a common word:
 * "State Police ... the police ... Police said"). */
static int lower_case_use(const char *text, size_t a, size_t b, const char *sur, size_t n)
{
    char low[64];
    if (n >= sizeof low)
        return 1;
    memcpy(low, sur, n);
    low[0] = (char)(low[0] | 32);
    for (size_t p = a; p + n <= b;) {
        const char *hit = find_bytes(text + p, b - p, low, n);
        if (!hit)
            return 0;
        size_t at = (size_t)(hit - text);
        if (whole_word(text, b, at, n))
            return 1;
        p = at + 1;
    }
    return 0;
}

/* The index among sents[0..n) of the sentence holding byte p, or n. */
static size_t sentence_at(const msent *sents, size_t n, size_t p)
{
    for (size_t j = 0; j < n; j++)
        if (p >= sents[j].start && p < sents[j].end)
            return j;
    return n;
}

long standalone_intro(const model *m, size_t i, size_t *sur_off, size_t *sur_len)
{
    const msent *s = &m->sents[i];
    size_t first = i; /* a report's sentences follow each other in the model */
    while (first > 0 && m->sents[first - 1].doc == s->doc)
        first--;
    const char *text = model_document(m, s)->text;
    word w[WORDS_MAX];
    size_t nw = split_words(text, s->start, s->end, w, WORDS_MAX);
    for (size_t k = 0; k < nw; k++) {
        if (!name_like(text, w[k]) || w[k].b - w[k].a > 40)
            continue;
        int speaker = (k + 1 < nw && saying(text, w[k + 1]) && close_by(text, w[k], w[k + 1])) ||
                      (k >= 1 && saying(text, w[k - 1]) && close_by(text, w[k - 1], w[k])) ||
                      (k >= 2 && word_is(text, w[k - 1], "to") && word_is(text, w[k - 2], "according"));
        if (!speaker)
            continue;
        if (k >= 1 && name_like(text, w[k - 1]) && w[k].a - w[k - 1].b == 1 &&
            !not_a_first_name(text, w[k - 1]))
            continue; /* "Ola Berg said", "Officer Berg said" */
        if (k + 1 < nw && name_like(text, w[k + 1]) && w[k + 1].a - w[k].b == 1)
            continue; /* "said Ola Berg" */
        const char *sur = text + w[k].a;
        size_t sl = w[k].b - w[k].a;
        size_t from = s->start > INTRO_WINDOW ? s->start - INTRO_WINDOW : 0;
        if (full_mention(text, s->start, w[k].a, sur, sl) < w[k].a)
            return -1; /* named in full before in the sentence */
        size_t at = full_mention(text, from, s->start, sur, sl);
        size_t j = at < s->start ? sentence_at(m->sents + first, i - first, at) : i - first;
        if (j == i - first || lower_case_use(text, m->sents[first + j].start, s->end, sur, sl))
            return -1; /* no introduction, or a common word */
        *sur_off = w[k].a - s->start, *sur_len = sl;
        return (long)(first + j); /* one speaker per sentence */
    }
    return -1;
}

int standalone_names_in_full(const char *t, size_t n, const char *sur, size_t sl)
{
    return full_mention(t, 0, n, sur, sl) < n;
}
