/* The figure sheet's word lists (the files of data/facts/), loaded once into
 * sorted tables. Language resources live in data files, not in code. */
#include "core/alloc.h"
#include "core/data.h"
#include "facts/facts.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct load_ctx {
    arena *mem;
    lex_table *t;
    size_t cap;
    int failed;
} load_ctx;

/* Maps a role name of numbers.txt, update_cues.txt, attribution.txt or
 * qualifiers.txt to its enum value; 0 when the column is free text. */
static int role_of(const char *s, size_t n)
{
    /* The gazetteer's kinds first: its six thousand lines outnumber all
     * the other files together. */
    static const struct { const char *name; int role; } roles[] = {
        {"city", GAZ_CITY}, {"region", GAZ_REGION}, {"country", GAZ_COUNTRY}, {"alias", GAZ_ALIAS},
        {"demonym", GAZ_DEMONYM}, {"adjective", GAZ_ADJECTIVE}, {"not", GAZ_NOT},
        {"unit", NUM_UNIT},   {"ten", NUM_TEN},         {"mult", NUM_MULT},
        {"vague", NUM_VAGUE}, {"dozen", NUM_DOZEN},     {"update", CUE_UPDATE},
        {"previous", CUE_PREVIOUS}, {"verb", ATTR_VERB}, {"follows", ATTR_FOLLOWS},
        {"participle", ATTR_PARTICIPLE}, {"several", Q_VAGUE},
        {"at_least", Q_AT_LEAST}, {"more_than", Q_MORE_THAN}, {"at_most", Q_AT_MOST},
        {"fewer_than", Q_FEWER_THAN}, {"about", Q_ABOUT},
        {"stop", NP_STOP}, {"skip", NP_SKIP}, {"increment", NP_INCREMENT},
        {"clause", NP_CLAUSE}, {"place", NP_PLACE}, {"size", NP_SIZE},
        {"day", WHEN_DAY}, {"rel", WHEN_REL}, {"part", WHEN_PART},
        {"money", KIND_MONEY}, {"percent", KIND_PERCENT}, {"measure", KIND_MEASURE},
        {"duration", KIND_DURATION}, {"time", KIND_TIME}, {"date", KIND_DATE}, {"age", KIND_AGE},
        {"id", KIND_ID}, {"weak", EVENT_WEAK}, {"adj", EVENT_ADJ}, {"default", EVENT_DEFAULT},
        {"noun", EVENT_NOUN}, {"own", EVENT_OWN},
        {"article", DET_ARTICLE}, {"pair", DET_PAIR}, {"some", DET_SOME}, {"negation", DET_NEGATION}};
    /* The first byte rules out most names before any comparison. */
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (n && roles[i].name[0] == s[0] && !strncmp(roles[i].name, s, n) && !roles[i].name[n])
            return roles[i].role;
    return 0;
}

/* One line "KEY<TAB>VALUE[<TAB>ROLE]" into the table being loaded. */
static int load_line(const char *line, size_t len, void *arg)
{
    load_ctx *c = arg;
    const char *tab = memchr(line, '\t', len);
    if (!tab)
        return 0;
    size_t klen = (size_t)(tab - line);
    const char *v = tab + 1, *end = line + len;
    const char *tab2 = memchr(v, '\t', (size_t)(end - v));
    size_t vlen = (size_t)((tab2 ? tab2 : end) - v);
    if (GROW(c->t->items, c->cap, c->t->n + 1))
        return c->failed = 1;
    lex_entry *e = &c->t->items[c->t->n];
    e->key = arena_strndup(c->mem, line, klen);
    e->val = arena_strndup(c->mem, v, vlen);
    if (!e->key || !e->val)
        return c->failed = 1;
    /* Only numbers.txt's values are numbers; strtod on every name of the
     * gazetteer would be a tenth of the load. */
    e->num = (e->val[0] >= '0' && e->val[0] <= '9') || e->val[0] == '.' || e->val[0] == '-'
                 ? strtod(e->val, NULL) : 0;
    e->role = tab2 ? role_of(tab2 + 1, (size_t)(end - tab2 - 1)) : role_of(v, vlen);
    c->t->n++;
    return 0;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const lex_entry *)a)->key, ((const lex_entry *)b)->key);
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

int lex_fold_ncmp(const char *key, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char a = fold((unsigned char)key[i]), b = fold((unsigned char)s[i]);
        if (!key[i] || a != b)
            return !key[i] ? -1 : a < b ? -1 : 1;
    }
    return 0;
}

/* The gazetteer's order: case-folded, then as written. One table serves
 * both lookups (lex_fold_range), so the load sorts it once. */
static int cmp_fold(const void *a, const void *b)
{
    const char *x = ((const lex_entry *)a)->key, *y = ((const lex_entry *)b)->key;
    size_t i = 0;
    while (x[i] && fold((unsigned char)x[i]) == fold((unsigned char)y[i]))
        i++;
    int c = (int)fold((unsigned char)x[i]) - (int)fold((unsigned char)y[i]);
    return c ? c : strcmp(x, y);
}

size_t lex_fold_range(const lex_table *t, const char *s, size_t n, size_t *end)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (lex_fold_ncmp(t->items[mid].key, s, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t e = lo;
    while (e < t->n && !lex_fold_ncmp(t->items[e].key, s, n))
        e++;
    *end = e;
    return lo;
}

/* Loads data/facts/<name> into t, sorted by cmp. Returns 0 or -1. */
static int load_table(arena *mem, lex_table *t, const char *name, int (*cmp)(const void *, const void *))
{
    load_ctx c = {mem, t, 0, 0};
    int rc = data_each_line(name, load_line, &c);
    if (rc < 0 || c.failed)
        return -1;
    qsort(t->items, t->n, sizeof *t->items, cmp);
    return 0;
}

static void lexicon_free(lexicon *lx)
{
    if (!lx)
        return;
    lex_table *ts[] = {&lx->gaz, &lx->aliases, &lx->places, &lx->persons, &lx->numbers, &lx->qualifiers,
                       &lx->events, &lx->counted, &lx->demonyms, &lx->cues, &lx->attribution, &lx->units, &lx->when, &lx->np,
                       &lx->pair_model, &lx->incidents, &lx->status, &lx->determiners, &lx->not_affected, &lx->affected};
    for (size_t i = 0; i < sizeof ts / sizeof *ts; i++)
        xfree(ts[i]->items);
    arena_free(&lx->mem);
    xfree(lx);
}

/* Makes every key of demonyms.txt map to itself too ("norway" ->
 * "norway"), so a country named as such is not cut by the suffix rule
 * into something its demonym does not give. Returns 0 or -1. */
static int demonyms_self(lexicon *lx)
{
    lex_table *t = &lx->demonyms;
    size_t n = t->n, cap = t->n;
    for (size_t i = 0; i < n; i++) {
        const char *v = t->items[i].val;
        if (lex_find(t, v, strlen(v)))
            continue;
        if (GROW(t->items, cap, t->n + 1))
            return -1;
        t->items[t->n++] = (lex_entry){.key = v, .val = v};
        qsort(t->items, t->n, sizeof *t->items, cmp_entry); /* keeps lex_find valid; the list is short */
    }
    return 0;
}

/* Notes the gazetteer's longest name, which bounds how far gaz_at reads. */
static void gazetteer_longest(lexicon *lx)
{
    for (size_t i = 0; i < lx->gaz.n; i++) {
        size_t n = strlen(lx->gaz.items[i].key);
        if (n > lx->gaz_longest)
            lx->gaz_longest = n;
    }
}

/* The event events.txt names for a count of people with no word of its
 * own (role "default"), so the word stays in the data file. */
static const char *default_event(const lex_table *events)
{
    for (size_t i = 0; i < events->n; i++)
        if (events->items[i].role == EVENT_DEFAULT)
            return events->items[i].val;
    return NULL;
}

/* Gives each status cue the status its value names (the role column is
 * free text there: status names like "previous" are also cue names). */
static void status_roles(lex_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        t->items[i].role = -1;
        for (int s = ST_CURRENT; s <= ST_HYPOTHETICAL; s++)
            if (!strcmp(facts_status_name(s), t->items[i].val))
                t->items[i].role = s;
    }
}

/* Builds a lexicon from every data file, or NULL. */
static lexicon *lexicon_load(void)
{
    lexicon *lx = xcalloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    struct { lex_table *t; const char *name; int (*cmp)(const void *, const void *); } files[] = {
        {&lx->numbers, "facts/numbers.txt", cmp_entry},     {&lx->qualifiers, "facts/qualifiers.txt", cmp_entry},
        {&lx->events, "facts/events.txt", cmp_entry},       {&lx->counted, "facts/counted.txt", cmp_entry},
        {&lx->demonyms, "facts/demonyms.txt", cmp_entry},   {&lx->cues, "facts/update_cues.txt", cmp_entry},
        {&lx->attribution, "facts/attribution.txt", cmp_entry}, {&lx->units, "facts/units.txt", cmp_entry},
        {&lx->when, "facts/when.txt", cmp_entry},           {&lx->np, "facts/np_words.txt", cmp_entry},
        {&lx->persons, "facts/persons.txt", cmp_entry},     {&lx->places, "facts/places.txt", cmp_entry},
        {&lx->gaz, "facts/gazetteer.tsv", cmp_fold},        {&lx->aliases, "facts/aliases.txt", cmp_entry},
        {&lx->pair_model, "facts/pair_model.txt", cmp_entry}, {&lx->incidents, "facts/incidents.txt", cmp_entry},
        {&lx->not_affected, "facts/not_affected.txt", cmp_entry}, {&lx->affected, "facts/affected.txt", cmp_entry},
        {&lx->determiners, "facts/determiners.txt", cmp_entry}, {&lx->status, "facts/status_cues.txt", cmp_entry}};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        if (load_table(&lx->mem, files[i].t, files[i].name, files[i].cmp)) {
            lexicon_free(lx);
            return NULL;
        }
    if (demonyms_self(lx)) {
        lexicon_free(lx);
        return NULL;
    }
    gazetteer_longest(lx);
    lx->people_event = default_event(&lx->events);
    status_roles(&lx->status);
    return lx;
}

/* The lexicon is immutable once loaded, so one serves every call and
 * thread; a failed load (out of memory) is retried on the next call. */
const lexicon *lexicon_get(void)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static lexicon *shared;
    pthread_mutex_lock(&lock);
    if (!shared)
        shared = lexicon_load();
    lexicon *lx = shared;
    pthread_mutex_unlock(&lock);
    return lx;
}

const lex_entry *lex_find(const lex_table *t, const char *w, size_t n)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = t->items[mid].key;
        int c = strncmp(k, w, n);
        if (c == 0 && k[n])
            c = 1;
        if (c == 0)
            return &t->items[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
