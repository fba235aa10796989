/* One sentence as the figure sheet reads it (figures.c, places.c): its
 * words, the noun phrase after a number, and the word-level helpers both
 * files use. Private to src/facts/. */
#ifndef NF_FACTS_SENTENCE_H
#define NF_FACTS_SENTENCE_H
#include "facts/facts.h"
#include <string.h>

typedef struct sent_ctx {
    nf_facts_sheet *sh;
    const lexicon *lx;
    const char *text;
    const word *w;
    size_t nw;
    uint32_t doc;
    size_t s0, s1;
    size_t first; /* index of the sentence's first figure in sh */
} sent_ctx;

/* What the noun phrase after a number says. */
typedef struct np {
    size_t end;          /* the word after the phrase */
    char head[WORD_MAX]; /* lower case, "" if none */
    char counted[WORD_MAX];
    char modifier[3 * WORD_MAX];
    char nation[WORD_MAX]; /* the first proper modifier's key: a nationality or body ("estmark", "bp") */
    char nation_shown[WORD_MAX]; /* the same as a reader reads it: the gazetteer's country
                                    ("Britain"), else the word as written ("Estmarkian") */
    const char *event;   /* the head's own event ("dead", "hostages"), or NULL */
    int increment;
    int part_next;       /* "of the 18": the next quantity is the whole */
    int part_prev;       /* "of them": the previous count is the whole */
    int share_next;      /* "107 foreign and 685 Algerian hostages" */
    int of_the;          /* "one of the missing men": an individual of a set */
    int event_weak;      /* the head's own event is a state ("hostages": held) */
} np;

static inline int is_word(const word *w, size_t nw, size_t k, const char *s)
{
    return k < nw && !strcmp(w[k].low, s);
}

/* Returns 1 if x is a quotation mark (", U+201C, U+201D). */
static inline int is_quote(const word *x)
{
    const unsigned char *s = (const unsigned char *)x->low;
    return x->punct && (s[0] == '"' || (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9C || s[2] == 0x9D)));
}

/* Returns 1 if word k is a boundary for searches: punctuation other than
 * a hyphen or an apostrophe, or a number. */
static inline int is_boundary(const word *w, size_t k)
{
    if (w[k].digit)
        return 1;
    return w[k].punct && w[k].low[0] != '-' && w[k].low[0] != '\'';
}

/* The role of word x in np_words.txt (NP_STOP, NP_CLAUSE, ...), or 0. */
static inline int np_role(const lexicon *lx, const word *x)
{
    const lex_entry *e = x->punct ? NULL : lex_find(&lx->np, x->low, x->len);
    return e ? e->role : 0;
}

/* The event of word k of the sentence, read in its context (figures.c),
 * or NULL. */
const lex_entry *sentence_event_at(const sent_ctx *c, size_t k);
/* After a comma at k, the word after an apposition that picks out some of
 * a count (", most of them civilians,"); k when there is none. */
size_t sentence_apposition_end(const sent_ctx *c, size_t k);
/* The same, also for an apposition naming a part or some of a subject
 * before its verb (", including a woman, have been"); k when none. */
size_t sentence_subject_apposition_end(const sent_ctx *c, size_t k);
/* Sets the place figure f (a count read at quantity q, noun phrase p) is
 * about: f->place as written and f->place_key, "" when none (places.c).
 * Returns NF_OK or NF_ENOMEM. */
int places_find(sent_ctx *c, const quantity *q, const np *p, figure *f);
/* Gives a definite count with no outcome of its own ("the two men") the
 * outcome of the earlier count of its report it restates (anaphora.c). */
void anaphora_events(sent_ctx *c);
/* Gives a count with no outcome whose people are at a place after a form
 * of "be" ("were on the bridge") the outcome "present", or "aboard" a
 * craft ("the four people in the car") (scene.c). */
void scene_events(sent_ctx *c);

#endif
