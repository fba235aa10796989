/* Syntax for the figure sheet (syntax.h): Link Grammar's best linkage of a
 * sentence, read through the links that matter to a number's frame. A
 * link joins two words with a type (the capitals of its label: "Ss*s" is
 * S, "MVp" is MV); the types read here (Link Grammar's English dictionary):
 *   S   subject - finite verb       SI  verb - inverted subject ("said Mr X")
 *   O   verb - object               J   preposition - its object
 *   MV  verb - its modifier (a prepositional phrase, "including", "when")
 *   M   noun - its modifier (a prepositional phrase, a participle)
 *   MX  noun - apposition or relative clause between commas
 *   B, R  noun - its relative clause   D, ND, AN  number - its noun
 *   NI, SJ, VJ  coordination of numbers, nouns, verbs (through "and")
 *   PP, P, I  auxiliary - participle, adjective or infinitive
 *   CV  verb of saying or subordinator - the head of its clause
 *   C   verb of saying or subordinator - the clause's subject
 *   TH  verb - "that"                CO  an opener - the clause's subject
 *   CP  the wall - a verb of saying after its clause ("..., police said")
 *   WV  the wall - the main clause's verb
 *   G, GN, YS, DD, DG, A, _IB...  words of a name or noun phrase
 * Word subscripts say the part of speech: .v .q .w verbs, .g a gerund or
 * participle, .j a conjunction, .a an adjective. */
#include "facts/syntax.h"
#include "core/alloc.h"
#include <link-grammar/dict-api.h>
#include <link-grammar/link-includes.h>
#include <dlfcn.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { LABEL_MAX = 16, SFX_MAX = 8, UP_MAX = 6, SPEAKER_MAX = 10, LINKAGES_TRIED = 100 };

typedef struct lg_link {
    size_t l, r; /* Link Grammar words, l < r */
    char label[LABEL_MAX];
} lg_link;

typedef struct lg_word {
    size_t ours;       /* the caller's word it lies in, SYN_NONE for a wall */
    char sfx[SFX_MAX]; /* its subscript ("v-d", "q-d", "n", "j-c"), "" if none */
    int left_wall;
} lg_word;

struct syn_sent {
    const word *w;
    size_t nw;
    lg_word *lw;
    size_t n;
    lg_link *links;
    size_t nlinks;
    size_t *lg_of; /* per caller's word: its first Link Grammar word, or SYN_NONE */
};

/* Returns 1 if label is of type t: t, then a subscript (lower case, '*'
 * or nothing): "Ss*s" is S, "SIs" is SI, not S. */
static int is_type(const char *label, const char *t)
{
    size_t n = strlen(t);
    char c = label[n];
    return !strncmp(label, t, n) && !(c >= 'A' && c <= 'Z') && c != '_';
}

/* Link Grammar is opened at run time (dlopen), not linked: without it, or
 * without its English dictionary, the sheet keeps its word rules, and a
 * program linked fully statically (which cannot load a shared library
 * safely) runs without it. Its functions, by their declared types: */
#define LG_FUNCTIONS \
    X(dictionary_create_lang) \
    X(dictionary_word_is_known) \
    X(lg_error_set_handler) \
    X(lg_error_set_handler_data) \
    X(linkage_create) \
    X(linkage_delete) \
    X(linkage_get_link_label) \
    X(linkage_get_link_lword) \
    X(linkage_get_link_rword) \
    X(linkage_get_num_links) \
    X(linkage_get_num_words) \
    X(linkage_get_violation_name) \
    X(linkage_get_word) \
    X(linkage_get_word_byte_end) \
    X(linkage_get_word_byte_start) \
    X(parse_options_create) \
    X(parse_options_delete) \
    X(parse_options_resources_exhausted) \
    X(parse_options_set_disjunct_cost) \
    X(parse_options_set_linkage_limit) \
    X(parse_options_set_max_null_count) \
    X(parse_options_set_max_parse_time) \
    X(parse_options_set_min_null_count) \
    X(parse_options_set_spell_guess) \
    X(parse_options_set_verbosity) \
    X(sentence_create) \
    X(sentence_delete) \
    X(sentence_num_valid_linkages) \
    X(sentence_parse)
#define X(f) __typeof__(f) *f;
static struct {
    LG_FUNCTIONS
} lg;
#undef X

static Dictionary dict;
static locale_t utf8;
static pthread_once_t dict_once = PTHREAD_ONCE_INIT;

/* Link Grammar reports through a per-thread handler; the sheet has no use
 * for its messages (a sentence that does not parse falls back). */
static void quiet(lg_errinfo *e, void *data)
{
    (void)e, (void)data;
}

/* The handler and its data as they were before a call, restored after. */
typedef struct lg_guard {
    locale_t locale;
    lg_error_handler handler;
    const void *data;
} lg_guard;

/* Link Grammar reads text through mbrtowc(), so it needs a UTF-8 LC_CTYPE;
 * given none, it would set the whole program's (setlocale). A per-thread
 * locale (uselocale) gives it one for the call alone. */
static void guard_enter(lg_guard *g)
{
    g->locale = uselocale(utf8);
    g->data = lg.lg_error_set_handler_data(NULL);
    g->handler = lg.lg_error_set_handler(quiet, NULL);
}

static void guard_leave(const lg_guard *g)
{
    lg.lg_error_set_handler(g->handler, (void *)g->data);
    uselocale(g->locale);
}

/* Set to an address only in a program with a dynamic section: a program
 * linked with -static has none, and dlopen() there would bring a second C
 * library into the process. */
extern const char _DYNAMIC[] __attribute__((weak));

/* Loads Link Grammar's shared library and every function the sheet calls.
 * Returns 1, or 0 (nothing kept) when any is missing. */
static int lg_load(void)
{
    if (!_DYNAMIC)
        return 0;
    void *h = dlopen("liblink-grammar.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        h = dlopen("liblink-grammar.so", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return 0;
    int ok = 1;
#define X(f) ok &= (*(void **)&lg.f = dlsym(h, #f)) != NULL;
    LG_FUNCTIONS
#undef X
    if (!ok) {
        memset(&lg, 0, sizeof lg);
        dlclose(h);
    }
    return ok; /* the library stays loaded with its dictionary, like the lexicon */
}

/* pthread_once routine: loads Link Grammar and opens its English
 * dictionary, unless NF_FACTS_SYNTAX=off (to measure the sheet without
 * syntax, and to test the fallback) or no UTF-8 locale exists. */
static void dict_open(void)
{
    const char *env = getenv("NF_FACTS_SYNTAX");
    if ((env && !strcmp(env, "off")) || !lg_load())
        return;
    utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!utf8)
        utf8 = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
    if (!utf8)
        return;
    lg_guard g;
    guard_enter(&g);
    dict = lg.dictionary_create_lang("en");
    guard_leave(&g);
}

int syntax_available(void)
{
    pthread_once(&dict_once, dict_open);
    return dict != NULL;
}

/* Returns 1 if the sentence is short enough to parse. */
static int short_enough(const word *w, size_t nw)
{
    size_t n = 0;
    for (size_t k = 0; k < nw; k++)
        n += !w[k].punct;
    return n <= SYN_MAX_WORDS;
}

/* The subscript of a Link Grammar word ("said.v-d" -> "v-d"): after its
 * last dot, lower-case letters and hyphens; "" for none ("U.S.", "3.5"). */
static void subscript(const char *s, char *out)
{
    const char *dot = strrchr(s, '.');
    out[0] = '\0';
    if (!dot || dot == s || dot[-1] == '.' || dot[1] < 'a' || dot[1] > 'z' || strlen(dot + 1) >= SFX_MAX)
        return;
    for (const char *c = dot + 1; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || *c == '-'))
            return;
    strcpy(out, dot + 1);
}

/* The caller's word holding bytes [b0, b1) of the document, or SYN_NONE. */
static size_t our_word(const word *w, size_t nw, size_t b0, size_t b1)
{
    for (size_t k = 0; k < nw && w[k].start < b1; k++)
        if (w[k].end > b0)
            return k;
    return SYN_NONE;
}

/* Copies the linkage's words and links into p. Returns 0, or -1 when out
 * of memory. */
static int sent_read(syn_sent *p, Linkage lk, size_t base)
{
    p->n = lg.linkage_get_num_words(lk);
    p->nlinks = lg.linkage_get_num_links(lk);
    p->lw = xcalloc(p->n ? p->n : 1, sizeof *p->lw);
    p->links = xcalloc(p->nlinks ? p->nlinks : 1, sizeof *p->links);
    p->lg_of = xmalloc(p->nw * sizeof *p->lg_of);
    if (!p->lw || !p->links || !p->lg_of)
        return -1;
    for (size_t k = 0; k < p->nw; k++)
        p->lg_of[k] = SYN_NONE;
    for (size_t i = 0; i < p->n; i++) {
        const char *s = lg.linkage_get_word(lk, i);
        lg_word *x = &p->lw[i];
        x->left_wall = !strcmp(s, "LEFT-WALL");
        size_t b0 = lg.linkage_get_word_byte_start(lk, i), b1 = lg.linkage_get_word_byte_end(lk, i);
        x->ours = x->left_wall || !strcmp(s, "RIGHT-WALL") || b1 <= b0 ? SYN_NONE
                                                                       : our_word(p->w, p->nw, base + b0, base + b1);
        subscript(s, x->sfx);
        if (x->ours != SYN_NONE && p->lg_of[x->ours] == SYN_NONE)
            p->lg_of[x->ours] = i;
    }
    for (size_t j = 0; j < p->nlinks; j++) {
        lg_link *l = &p->links[j];
        l->l = lg.linkage_get_link_lword(lk, j), l->r = lg.linkage_get_link_rword(lk, j);
        const char *lab = lg.linkage_get_link_label(lk, j);
        strncpy(l->label, lab ? lab : "", LABEL_MAX - 1);
    }
    return 0;
}

void syntax_free(syn_sent *p)
{
    if (!p)
        return;
    xfree(p->lw);
    xfree(p->links);
    xfree(p->lg_of);
    xfree(p);
}

/* Returns 1 if a linkage reads the sentence as a fragment: the wall
 * linked to a bare noun phrase (Wa: a headline), or a noun opening a
 * reduced relative clause (Rn: "40 [that] employees were sent"). Link
 * Grammar ranks such readings first when it guesses an unknown capitalised
 * word ("Maskhadov said ...": "Maskhadov", then "said X" inverted). */
static int fragment(Linkage lk)
{
    for (size_t j = 0; j < lg.linkage_get_num_links(lk); j++) {
        const char *l = lg.linkage_get_link_label(lk, j);
        if (l && (is_type(l, "Wa") || is_type(l, "Rn")))
            return 1;
    }
    return 0;
}

/* The first of the best linkages (by Link Grammar's cost) that breaks no
 * rule of its dictionary and is no fragment, or NULL. */
static Linkage sane_linkage(Sentence s, Parse_Options o)
{
    int n = lg.sentence_num_valid_linkages(s);
    for (int i = 0; i < n && i < LINKAGES_TRIED; i++) {
        Linkage lk = lg.linkage_create((LinkageIdx)i, s, o);
        if (lk && !lg.linkage_get_violation_name(lk) && !fragment(lk))
            return lk;
        if (lk)
            lg.linkage_delete(lk);
    }
    return NULL;
}

/* Lower-cases the sentence's first word in buf (bytes b0 on of the
 * document) when only its lower-case form is a dictionary word: Link
 * Grammar would also read "Police" or "Witnesses" there as an unknown
 * name, and ranks that reading's fragments first. Names stay. */
static void first_word_case(char *buf, size_t b0, const word *w, size_t nw)
{
    size_t k = 0;
    while (k < nw && w[k].punct)
        k++;
    if (k == nw || !w[k].cap || w[k].digit || w[k].end - w[k].start >= WORD_MAX)
        return;
    char s[WORD_MAX];
    size_t n = w[k].end - w[k].start;
    memcpy(s, buf + (w[k].start - b0), n);
    s[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            return;
    if (lg.dictionary_word_is_known(dict, s) || s[0] < 'A' || s[0] > 'Z')
        return;
    s[0] = (char)(s[0] - 'A' + 'a');
    if (lg.dictionary_word_is_known(dict, s))
        buf[w[k].start - b0] = s[0];
}

/* The best complete linkage of the sentence text[b0, b1), within the time
 * bound, read into p. Returns 1, 0 when there is none, -1 out of memory. */
static int parse_into(syn_sent *p, const char *text, size_t b0, size_t b1)
{
    char *buf = xmalloc(b1 - b0 + 1);
    if (!buf)
        return -1;
    for (size_t i = b0; i < b1; i++) /* a control byte or a NUL is a space: offsets stay */
        buf[i - b0] = (unsigned char)text[i] < 0x20 ? ' ' : text[i];
    buf[b1 - b0] = '\0';
    lg_guard g;
    guard_enter(&g);
    first_word_case(buf, b0, p->w, p->nw);
    int r = 0;
    Parse_Options o = lg.parse_options_create();
    Sentence s = o ? lg.sentence_create(buf, dict) : NULL;
    if (s) {
        lg.parse_options_set_verbosity(o, 0);
        lg.parse_options_set_max_parse_time(o, 1); /* seconds: the smallest bound it takes */
        lg.parse_options_set_spell_guess(o, 0);    /* the speller is not thread-safe, and guesses mislead */
        lg.parse_options_set_min_null_count(o, 0);
        lg.parse_options_set_max_null_count(o, 0); /* a linkage of every word, or none */
        lg.parse_options_set_linkage_limit(o, 100);
        lg.parse_options_set_disjunct_cost(o, 2.0f); /* the dictionary's 2.7 admits costlier readings: slower, seldom right */
    }
    if (s && lg.sentence_parse(s, o) > 0 && !lg.parse_options_resources_exhausted(o)) {
        Linkage lk = sane_linkage(s, o);
        r = lk ? (sent_read(p, lk, b0) ? -1 : 1) : 0;
        if (lk)
            lg.linkage_delete(lk);
    }
    if (s)
        lg.sentence_delete(s);
    if (o)
        lg.parse_options_delete(o);
    guard_leave(&g);
    xfree(buf);
    return r;
}

syn_sent *syntax_parse(const char *text, const word *w, size_t nw)
{
    if (!nw || !short_enough(w, nw) || !syntax_available())
        return NULL;
    syn_sent *p = xcalloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->w = w, p->nw = nw;
    if (parse_into(p, text, w[0].start, w[nw - 1].end) != 1) {
        syntax_free(p);
        return NULL;
    }
    return p;
}

/* ---- reading the links ---- */

static int verbish(const syn_sent *p, size_t i)
{
    char c = p->lw[i].sfx[0];
    return c == 'v' || c == 'q' || c == 'w' || c == 'g';
}

static int is_conj(const syn_sent *p, size_t i)
{
    return p->lw[i].sfx[0] == 'j';
}

/* The word linked to i by a link of type t on i's right (side > 0: i is
 * the link's left word) or on its left (side < 0), else SYN_NONE. */
static size_t linked(const syn_sent *p, size_t i, const char *t, int side)
{
    for (size_t j = 0; j < p->nlinks; j++) {
        const lg_link *l = &p->links[j];
        if (side > 0 && l->l == i && is_type(l->label, t))
            return l->r;
        if (side < 0 && l->r == i && is_type(l->label, t))
            return l->l;
    }
    return SYN_NONE;
}

/* The caller's lower-case word of Link Grammar word i, or "". */
static const char *low(const syn_sent *p, size_t i)
{
    return i != SYN_NONE && p->lw[i].ours != SYN_NONE ? p->w[p->lw[i].ours].low : "";
}

/* A conjunction linked to x as a list of numbers or nouns (NI, SJ), other
 * than avoid, or SYN_NONE. */
static size_t list_conj(const syn_sent *p, size_t x, size_t avoid)
{
    for (size_t j = 0; j < p->nlinks; j++) {
        const lg_link *l = &p->links[j];
        size_t o = l->l == x ? l->r : l->r == x ? l->l : SYN_NONE;
        if (o != SYN_NONE && o != avoid && is_conj(p, o) && (is_type(l->label, "NI") || is_type(l->label, "SJ")))
            return o;
    }
    return SYN_NONE;
}

/* The head of the number's noun phrase: its noun ("12 hostages"), or the
 * conjunction of a list it is in ("12 captives and 18 kidnappers"). */
static size_t phrase_head(const syn_sent *p, size_t t)
{
    static const char *const nouns[] = {"D", "ND", "AN"};
    size_t h = t;
    for (size_t i = 0; i < 3 && h == t; i++) {
        size_t x = linked(p, t, nouns[i], 1);
        if (x != SYN_NONE && !verbish(p, x) && !is_conj(p, x))
            h = x;
    }
    size_t c = list_conj(p, h, SYN_NONE), prev = SYN_NONE;
    if (c == SYN_NONE && h != t)
        c = list_conj(p, t, SYN_NONE); /* "12 -NI- and": the number carries the link */
    for (int n = 0; c != SYN_NONE && n < 4; n++) { /* up through nested lists */
        prev = h, h = c;
        c = list_conj(p, h, prev);
    }
    return h;
}

/* Returns 1 if Link Grammar word i is a relative pronoun. */
static int relative_pronoun(const syn_sent *p, size_t i)
{
    const char *s = low(p, i);
    return !strcmp(s, "which") || !strcmp(s, "who") || !strcmp(s, "whom") || !strcmp(s, "that");
}

/* The noun a relative pronoun stands for ("the ministry, which said"). */
static size_t antecedent(const syn_sent *p, size_t i)
{
    static const char *const rel[] = {"MX", "M", "R", "B"};
    for (size_t k = 0; k < 4; k++) {
        size_t n = linked(p, i, rel[k], -1);
        if (n != SYN_NONE && !verbish(p, n) && !p->lw[n].left_wall)
            return n;
    }
    return SYN_NONE;
}

/* How phrase head h attaches to a verb: sets *verb and returns the role;
 * a prepositional phrase of a noun sets *noun instead. */
static int phrase_role(const syn_sent *p, size_t h, size_t *verb, size_t *noun)
{
    *verb = *noun = SYN_NONE;
    if ((*verb = linked(p, h, "S", 1)) != SYN_NONE || (*verb = linked(p, h, "SI", -1)) != SYN_NONE)
        return SYN_SUBJECT;
    if ((*verb = linked(p, h, "O", -1)) != SYN_NONE)
        return SYN_OBJECT;
    size_t v = linked(p, h, "M", 1); /* "12 people killed": a participle of the noun */
    if (v != SYN_NONE && verbish(p, v)) {
        *verb = v;
        return SYN_SUBJECT;
    }
    size_t pr = linked(p, h, "J", -1);
    if (pr == SYN_NONE)
        return SYN_OTHER;
    if ((v = linked(p, pr, "MV", -1)) != SYN_NONE || (v = linked(p, pr, "P", -1)) != SYN_NONE) {
        *verb = v;
        return SYN_PREP;
    }
    if ((v = linked(p, pr, "M", -1)) != SYN_NONE && !verbish(p, v))
        *noun = v; /* "a previous count of 12" */
    return SYN_OTHER;
}

/* The verb that governs noun n: the verb of its phrase, climbing through
 * lists and the nouns whose prepositional phrases hold it ("... like the
 * crash of a train in Germany that killed 101": Germany, train, crash,
 * "tragedies and ...", then its verb), or SYN_NONE. */
static size_t noun_verb(const syn_sent *p, size_t n)
{
    for (int depth = 0; n != SYN_NONE && depth < UP_MAX; depth++) {
        size_t c = list_conj(p, n, SYN_NONE), prev = SYN_NONE;
        for (int k = 0; c != SYN_NONE && k < 4; k++) {
            prev = n, n = c;
            c = list_conj(p, n, prev);
        }
        size_t verb, noun;
        phrase_role(p, n, &verb, &noun);
        if (verb != SYN_NONE)
            return verb;
        n = noun;
    }
    return SYN_NONE;
}

/* The verb group of v: v with its auxiliaries, participles, predicate
 * adjectives and coordinated verbs. Returns the count written to g. */
static size_t verb_group(const syn_sent *p, size_t v, size_t *g, size_t cap)
{
    static const char *const chain[] = {"PP", "P", "I", "VJ"};
    size_t n = 0;
    g[n++] = v;
    for (size_t k = 0; k < n; k++)
        for (size_t j = 0; j < p->nlinks && n < cap; j++) {
            const lg_link *l = &p->links[j];
            size_t x = l->l == g[k] ? l->r : l->r == g[k] ? l->l : SYN_NONE;
            int ok = 0;
            for (size_t t = 0; t < 4; t++)
                ok |= x != SYN_NONE && is_type(l->label, chain[t]);
            ok = ok && (verbish(p, x) || is_conj(p, x) || p->lw[x].sfx[0] == 'a');
            for (size_t i = 0; ok && i < n; i++)
                ok = g[i] != x;
            if (ok)
                g[n++] = x;
        }
    return n;
}

/* What governs a subordinator or "that" x (the left end of a CV link):
 * the verb it is the object (TH) or modifier (MV) of, else SYN_NONE. */
static size_t subordinator_up(const syn_sent *p, size_t x)
{
    size_t y = linked(p, x, "TH", -1);
    if (y == SYN_NONE)
        y = linked(p, x, "MV", -1);
    return y != SYN_NONE && verbish(p, y) ? y : SYN_NONE;
}

/* The verb of a verb of saying written after the main clause ("...,
 * police said"): the right end of a CP link. */
static size_t postposed_say(const syn_sent *p)
{
    for (size_t j = 0; j < p->nlinks; j++)
        if (is_type(p->links[j].label, "CP") && verbish(p, p->links[j].r))
            return p->links[j].r;
    return SYN_NONE;
}

/* The subject of the group as written (S, or SI after the verb), or
 * SYN_NONE. */
static size_t raw_subject(const syn_sent *p, const size_t *g, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t s = linked(p, g[k], "S", -1);
        if (s == SYN_NONE)
            s = linked(p, g[k], "SI", 1);
        if (s != SYN_NONE)
            return s;
    }
    return SYN_NONE;
}

/* One step up from the clause of group g, whose number's phrase is self:
 * the verb that governs it (*up set, returns 1) or the noun whose relative
 * clause it is (*up set, returns 2); 0 at the top. A clause attached by
 * no link read here is taken as the main one, which a verb of saying after
 * it governs ("..., police said"). */
static int clause_up(const syn_sent *p, const size_t *g, size_t n, size_t self, size_t *up)
{
    static const char *const rel[] = {"B", "M", "MX"};
    for (size_t k = 0; k < n; k++) {
        size_t x = linked(p, g[k], "CV", -1);
        if (x != SYN_NONE && (*up = verbish(p, x) ? x : subordinator_up(p, x)) != SYN_NONE)
            return 1;
        x = linked(p, g[k], "MV", -1); /* "died, including ...", "killing 12" */
        if (x != SYN_NONE && verbish(p, x) && (*up = x) != SYN_NONE)
            return 1;
        for (size_t t = 0; t < 3; t++)
            if ((x = linked(p, g[k], rel[t], -1)) != SYN_NONE && x != self && !verbish(p, x) &&
                !p->lw[x].left_wall) {
                *up = x;
                return 2;
            }
    }
    size_t s = raw_subject(p, g, n), x;
    if (s != SYN_NONE && relative_pronoun(p, s) && (x = antecedent(p, s)) != SYN_NONE && x != self) {
        *up = x; /* "the ministry, which said ..." */
        return 2;
    }
    if (s != SYN_NONE && (x = linked(p, s, "CO", -1)) != SYN_NONE && verbish(p, x)) {
        *up = x; /* "..., he said, the blast killed 12" */
        return 1;
    }
    if (s != SYN_NONE && (x = linked(p, s, "C", -1)) != SYN_NONE &&
        (*up = verbish(p, x) ? x : subordinator_up(p, x)) != SYN_NONE)
        return 1;
    *up = postposed_say(p);
    for (size_t k = 0; k < n; k++)
        if (g[k] == *up)
            return 0;
    return *up != SYN_NONE;
}

/* Returns 1 if Link Grammar word i is a verb of saying (attribution.txt:
 * a verb or a participle; "according to" is left to the word rules). */
static int says(const syn_sent *p, const lexicon *lx, size_t i)
{
    const char *s = low(p, i);
    const lex_entry *e = verbish(p, i) ? lex_find(&lx->attribution, s, strlen(s)) : NULL;
    return e && (e->role == ATTR_VERB || e->role == ATTR_PARTICIPLE);
}

/* Returns 1 if a link of this label joins a noun phrase's words: a
 * determiner, an adjective, a noun or title before a name, a possessive. */
static int np_link(const char *label)
{
    static const char *const t[] = {"D", "DD", "DG", "A", "AN", "G", "GN", "YS", "YP", "NM", "L"};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (is_type(label, t[i]))
            return 1;
    return label[0] == '_'; /* an idiom's words ("Prime Minister") */
}

/* Returns 1 if Link Grammar word i may stand before a noun in its phrase
 * when no link says so (Link Grammar links unknown names loosely): a
 * capitalised word that is no time ("Interior Ministry spokesman", not
 * "On Monday"); a lower-case word joins only by a link ("several meetings
 * Kerry said": not "meetings Kerry"). */
static int np_word(const syn_sent *p, const lexicon *lx, size_t i)
{
    size_t k = p->lw[i].ours;
    if (k == SYN_NONE || p->w[k].punct || !p->w[k].cap || lex_find(&lx->when, p->w[k].low, p->w[k].len))
        return 0;
    char c = p->lw[i].sfx[0];
    return !(c == 'v' || c == 'q' || c == 'w' || c == 'g' || c == 'j' || c == 'r' || c == 'e');
}

/* Returns 1 if Link Grammar word i joins the phrase [a, h] before it: a
 * noun phrase link to one of its words, or a word np_word allows. */
static int np_joins(const syn_sent *p, const lexicon *lx, size_t i, size_t a, size_t h)
{
    size_t k = p->lw[i].ours;
    if (k == SYN_NONE || p->w[k].punct || p->lw[i].left_wall)
        return 0;
    for (size_t j = 0; j < p->nlinks; j++) {
        const lg_link *l = &p->links[j];
        if (l->l == i && l->r >= a && l->r <= h && np_link(l->label))
            return 1;
    }
    return np_word(p, lx, i);
}

/* The first word of the noun phrase headed by h: the words before it that
 * join it, up to SPEAKER_MAX. */
static size_t phrase_start(const syn_sent *p, const lexicon *lx, size_t h)
{
    size_t a = h;
    while (a > 0 && h - a + 1 < SPEAKER_MAX && np_joins(p, lx, a - 1, a, h))
        a--;
    return a;
}

/* The words of the noun phrase headed by h, as Link Grammar words [*a, *b]:
 * both members of "police and prosecutors", and one prepositional phrase
 * after its noun ("a spokesman for the Interior Ministry") if the whole
 * stays within SPEAKER_MAX words. */
static void phrase_span(const syn_sent *p, const lexicon *lx, size_t h, size_t *a, size_t *b)
{
    size_t l = is_conj(p, h) ? linked(p, h, "SJ", -1) : SYN_NONE;
    size_t r = is_conj(p, h) ? linked(p, h, "SJ", 1) : SYN_NONE;
    if (l != SYN_NONE && r != SYN_NONE) {
        *a = phrase_start(p, lx, l), *b = r;
        return;
    }
    *a = phrase_start(p, lx, h), *b = h;
    size_t pr = linked(p, h, "M", 1), obj = pr != SYN_NONE ? linked(p, pr, "J", 1) : SYN_NONE;
    if (obj != SYN_NONE && obj > h && obj - *a < SPEAKER_MAX)
        *b = obj;
}

/* Sets f's speaker from the verb of saying of group g (n words), if it
 * has one whose subject is not the number's own phrase head ("two
 * officials said" are the sources, not counted by them). Returns 1 if
 * set. */
static int group_speaker(const syn_sent *p, const lexicon *lx, size_t head, const size_t *g, size_t n,
                         syn_frame *f)
{
    size_t raw = raw_subject(p, g, n), subj = raw;
    if (raw != SYN_NONE && relative_pronoun(p, raw) && antecedent(p, raw) != SYN_NONE)
        subj = antecedent(p, raw); /* "the ministry, which said": the ministry says */
    for (size_t k = 0; k < n; k++)
        if (says(p, lx, g[k]) && subj != head && subj != SYN_NONE) {
            size_t a, b;
            phrase_span(p, lx, subj, &a, &b);
            f->say = p->lw[g[k]].ours, f->subj = p->lw[raw].ours;
            f->spk0 = p->lw[a].ours, f->spk1 = p->lw[b].ours;
            if (f->spk0 == SYN_NONE || f->spk1 == SYN_NONE || f->spk1 < f->spk0)
                f->spk0 = f->spk1 = 0;
            else
                f->spk1++;
            return 1;
        }
    return 0;
}

/* Walks up from the clause of group g (n words) that holds the number's
 * phrase (head), clause by clause, to the first verb of saying (f's
 * speaker), noting the first noun whose relative clause it passes through
 * (f->rel: "the ministry, which earlier said 12 ..."). */
static void walk_up(const syn_sent *p, const lexicon *lx, size_t head, size_t *g, size_t n, syn_frame *f)
{
    for (int depth = 0; depth < UP_MAX && n; depth++) {
        size_t up = raw_subject(p, g, n);
        if (f->rel == SYN_NONE && up != SYN_NONE && relative_pronoun(p, up) && antecedent(p, up) != SYN_NONE)
            f->rel = p->lw[antecedent(p, up)].ours; /* "which said 12 ...": a clause of the ministry */
        if (group_speaker(p, lx, head, g, n, f))
            return;
        int kind = clause_up(p, g, n, head, &up);
        if (kind == 2 && f->rel == SYN_NONE)
            f->rel = p->lw[up].ours;
        if (kind == 2)
            up = noun_verb(p, up);
        if (kind == 0 || up == SYN_NONE)
            return;
        n = verb_group(p, up, g, SYN_GROUP);
    }
}

int syntax_frame(const syn_sent *p, const lexicon *lx, size_t k, syn_frame *f)
{
    memset(f, 0, sizeof *f);
    f->verb = f->noun = f->rel = f->say = f->subj = SYN_NONE;
    size_t t = k < p->nw ? p->lg_of[k] : SYN_NONE;
    if (t == SYN_NONE)
        return 0;
    size_t head = phrase_head(p, t), verb, noun, g[SYN_GROUP];
    f->role = phrase_role(p, head, &verb, &noun);
    if (noun != SYN_NONE)
        f->noun = p->lw[noun].ours;
    if (verb == SYN_NONE && noun != SYN_NONE) /* the noun's own verb: "rose from a count of 12" */
        verb = noun_verb(p, noun);
    if (verb == SYN_NONE)
        return 1;
    f->verb = p->lw[verb].ours;
    walk_up(p, lx, head, g, verb_group(p, verb, g, SYN_GROUP), f);
    return 1;
}
