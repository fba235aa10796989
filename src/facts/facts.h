/* The figure sheet's internals: the word lists it reads from data/facts/,
 * one sentence's words, the quantities found in them, the figures (what is
 * counted, what happened to it, who says so) and their groups across
 * reports. doc/FACTS.md describes the rules. */
#ifndef NF_FACTS_FACTS_H
#define NF_FACTS_FACTS_H
#include "core/arena.h"
#include "newsfuse.h"
#include <stddef.h>
#include <stdint.h>

struct json_t;

/* ---- lexicon.c: the data files, loaded once and shared (immutable). ---- */

enum num_role { NUM_UNIT = 1, NUM_TEN, NUM_MULT, NUM_VAGUE, NUM_DOZEN };
enum qualifier { Q_EXACT = 0, Q_AT_LEAST, Q_MORE_THAN, Q_AT_MOST, Q_FEWER_THAN, Q_ABOUT, Q_RANGE,
                 Q_VAGUE };
enum cue { CUE_NONE = 0, CUE_UPDATE, CUE_PREVIOUS };
enum attr_kind { ATTR_VERB = 1, ATTR_FOLLOWS, ATTR_PARTICIPLE };
enum np_role { NP_STOP = 1, NP_SKIP, NP_INCREMENT, NP_CLAUSE, NP_PLACE, NP_SIZE };
enum when_kind { WHEN_DAY = 1, WHEN_REL, WHEN_PART };
enum { EVENT_WEAK = 1, EVENT_ADJ, EVENT_DEFAULT, EVENT_NOUN, EVENT_OWN };
enum det_role { DET_ARTICLE = 1, DET_PAIR, DET_SOME, DET_NEGATION };
/* The KIND column of gazetteer.tsv. */
enum gaz_kind { GAZ_COUNTRY = 1, GAZ_ALIAS, GAZ_DEMONYM, GAZ_ADJECTIVE, GAZ_CITY, GAZ_REGION, GAZ_NOT };

typedef struct lex_entry {
    const char *key; /* lower case, words separated by one space */
    const char *val;
    double num;
    int role;
} lex_entry;

typedef struct lex_table {
    lex_entry *items; /* sorted by key */
    size_t n;
} lex_table;

typedef struct lexicon {
    arena mem;
    lex_table numbers, qualifiers, events, counted, demonyms, cues, attribution, units, when, np;
    lex_table persons; /* counted classes that are people (persons.txt) */
    lex_table places;  /* countries (places.txt), up to three words */
    lex_table pair_model; /* the grouping model's weights (pair_model.txt: feature, weight) */
    lex_table incidents;  /* words of sub-events (incidents.txt: order or happening) */
    lex_table not_affected; /* counted classes that name no one affected (not_affected.txt) */
    lex_table affected; /* classes other than people an event befalls (affected.txt: animal, vessel, ...) */
    lex_table gaz;     /* gazetteer.tsv: name as written -> country key; in
                          lex_fold_range's order, not lex_find's */
    size_t gaz_longest; /* bytes of the longest name */
    lex_table aliases; /* aliases.txt: counted noun -> class */
    lex_table determiners; /* counts without a number: "a", "both", "no one" */
    lex_table status; /* status_cues.txt: role = enum fig_status */
    /* The event of a count of people that no word of its sentence gives
     * (events.txt, role "default": "four gunmen" are involved), or NULL. */
    const char *people_event;
} lexicon;

/* Returns the shared lexicon, loading it on first use (thread-safe), or
 * NULL when out of memory or a data file is missing. Never freed. */
const lexicon *lexicon_get(void);
/* Returns the entry whose key is the n bytes at w (lower case), or NULL. */
const lex_entry *lex_find(const lex_table *t, const char *w, size_t n);
/* Compares key's first n bytes with s[0..n), ASCII case folded, as strncmp
 * does (a key shorter than n is less). */
int lex_fold_ncmp(const char *key, const char *s, size_t n);
/* In a table sorted case-folded (the gazetteer): the index of the first key
 * whose first n bytes equal s[0..n) in any case; *end is one past the last.
 * Keys equal to s in length come first. */
size_t lex_fold_range(const lex_table *t, const char *s, size_t n, size_t *end);

/* ---- quantities.c: words and numbers of one sentence. ---- */

enum { WORD_MAX = 40 };
typedef struct word {
    size_t start, end; /* bytes in the document's text */
    char low[WORD_MAX]; /* lower-cased (ASCII), cut at WORD_MAX - 1 */
    uint8_t len;        /* strlen(low) */
    uint8_t punct;      /* a punctuation mark, not a word */
    uint8_t cap;        /* starts with an upper-case letter */
    uint8_t digit;      /* starts with a digit */
} word;

enum fig_kind { KIND_COUNT = 0, KIND_MONEY, KIND_PERCENT, KIND_MEASURE, KIND_DURATION, KIND_DATE,
                KIND_TIME, KIND_AGE, KIND_YEAR, KIND_ORDINAL, KIND_ID, KIND_RATE };

typedef struct quantity {
    uint32_t w0, w1;  /* words [w0, w1) of the sentence: qualifier + number */
    uint32_t n0;      /* first word of the number itself */
    double lo, hi;    /* hi < 0: no upper bound */
    int qual, kind;
} quantity;

/* Splits s[0..n) (document offsets from base) into words and punctuation.
 * Returns the count written to out (at most cap). */
size_t words_split(const char *s, size_t n, size_t base, word *out, size_t cap);
/* Reads the quantity starting at word i if there is one: fills *q (kind
 * still KIND_COUNT for plain counts) and returns 1, else 0. */
int quantity_at(const lexicon *lx, const word *w, size_t nw, size_t i, quantity *q);
/* Sets q->kind from the words around it (money, percent, measures,
 * durations, dates, times, ages, years). */
void quantity_classify(const lexicon *lx, const word *w, size_t nw, quantity *q);
/* Returns 1 if dash (a number word's suffix from its hyphen) counts members
 * ("-member", "-strong": "a 70-member team"). */
int members_suffix(const char *dash);

/* ---- places.c: the gazetteer and the noun classes. ---- */

/* The country key ("Kenya", "Britain", "United States") of a name,
 * demonym, adjective, city or region as written in n bytes at name
 * ("Nairobi", "Britons", "U.S.", "El Salvador"); a possessive "'s" or "'"
 * is dropped ("Kenya's"). Case counts, except that ALL-CAPS text
 * ("NAIROBI") is looked up in any case. NULL for anything else. */
const char *gaz_country(const lexicon *lx, const char *name, size_t n);
/* The longest gazetteer name that starts at word i of a sentence (words of
 * text, as words_split made them): returns its country and sets *nwords to
 * the words it spans, a trailing possessive included ("El Salvador's" is 2
 * words, "Kenya ' s" 3). NULL with *nwords 0 when none starts there; NULL
 * with *nwords > 0 for a name in no one country ("Gulf of Aden"), whose
 * words the caller should skip. */
const char *gaz_at(const lexicon *lx, const char *text, const word *w, size_t nw, size_t i, size_t *nwords);
/* The class of a counted noun in n bytes (any case; "gunmen" ->
 * "attackers"): nouns of one class may name the same people. For grouping
 * only, never for what is shown. NULL when the noun has no class. */
const char *alias_class(const lexicon *lx, const char *noun, size_t n);

/* ---- figures.c / align.c / the sheet ---- */

/* What the text asserts of a figure (FIGURES_GOLD.md): only a current one
 * is a count of what happened; a previous one was superseded, the others
 * are expected, feared, claimed by a party, denied or supposed. */
enum fig_status { ST_CURRENT = 0, ST_PREVIOUS, ST_PROJECTED, ST_FEARED, ST_CLAIMED, ST_NEGATED,
                  ST_HYPOTHETICAL };

typedef struct figure {
    uint32_t doc;
    size_t start, end;       /* the figure's words (qualifier + number), stored text */
    size_t sent_start, sent_end;
    size_t np_end;           /* end of its counted noun phrase (bytes), for lists */
    double lo, hi;
    int qual, kind, cue;
    const char *text;        /* as written, e.g. "at least 12" */
    const char *counted;     /* normalised head noun class, "" if none */
    const char *head;        /* the head noun as written in lower case, "" if none */
    const char *modifier;    /* nationality or proper modifier key, "" if none */
    const char *nation;      /* the first proper modifier's key (a nationality or body), "" if none */
    const char *nation_shown; /* the nationality as a reader reads it ("Britain", "Estmarkian"), "" if none */
    const char *event;       /* normalised event, "" if none */
    const char *place;       /* "in Homs": the place it is about as written, "" if none */
    const char *place_key;   /* its key (demonyms.txt or the suffix rule), "" if none */
    const char *speaker;     /* "" if none */
    const char *when;        /* time reference, "" if none */
    long part_of;            /* index of the whole ("4 of the 18"), or -1 */
    int increment;           /* "two more bodies": added to a count, not a total */
    int past;                /* its sentence names an earlier year: another event */
    int share_next;          /* its noun is the next figure's ("107 foreign and 685 ...") */
    int strong;              /* its event: 2 a verb of its clause, 1 its noun's own, 0 a state or none */
    int component;           /* with another count of its report, adds up to a total */
    int anchor;              /* a year after "in", "since", "during": dates its sentence */
    long group;              /* index of its group, or -1 */
    int by_place;            /* its group is its place's share of a split group */
    int individual;          /* "one of the two people": one person, not a count */
    int status;              /* enum fig_status */
    const char *incident;    /* the sub-event it counts ("final assault"), "" for the main event */
    const char *status_cue;  /* the words that set a status other than current, "" if none */
} figure;

enum label { LABEL_SINGLE = 0, LABEL_AGREE, LABEL_REVISED, LABEL_CONFLICT };

typedef struct fgroup {
    const char *event, *counted, *modifier;
    const char *place; /* "" unless the group was split by place (align.c) */
    size_t *figs; /* figure indices in document order */
    size_t n;
    int label;
    size_t ndocs;   /* distinct reports */
    long latest;    /* the figure holding the current value (revised), or -1 */
    const char *reason; /* why the label, in words (timeline.c), or NULL */
    const char *incident; /* the sub-event its figures count, or NULL (the main event) */
    const char *nation;   /* its figures' nationality (figure.nation), or NULL */
    const char *nation_shown; /* the same as a reader reads it (figure.nation_shown), or NULL */
} fgroup;

struct nf_facts_sheet {
    const nf_docset *ds; /* the set it was read from, borrowed (it outlives the sheet) */
    arena mem;
    figure *figs;
    size_t n, cap;
    fgroup *groups;
    size_t ngroups;
    size_t ndocs;
    char **warnings;
    size_t nwarnings, warncap;
    word *scratch; /* one sentence's words (the last figures_sentence read) */
    size_t scratch_cap, scratch_n;
};

/* Reads the sheet of the reports m holds (not those already read), as
 * nf_facts does: opts gives max_figures and max_seconds (counted from
 * opts->clock_start when set); m's own reading honoured the other
 * limits, and its warnings are repeated in the sheet's. *out is the
 * caller's. Returns NF_OK or NF_ENOMEM (*out NULL). */
struct model;
int facts_from_model(const struct model *m, const nf_options *opts, nf_facts_sheet **out);

/* Finds the figures of one sentence text[s0..s1) of document doc and
 * appends them to sh. Returns NF_OK or NF_ENOMEM. */
int figures_sentence(nf_facts_sheet *sh, const lexicon *lx, uint32_t doc, const char *text, size_t s0,
                     size_t s1);
/* Groups the sheet's count figures by event, counted class and modifier and
 * labels each group; dates are the documents' ("YYYY-MM-DD" or NULL).
 * Returns NF_OK or NF_ENOMEM. */
int align_figures(nf_facts_sheet *sh, const nf_docset *ds);

/* incident.c: gives the count figures [first, sh->n), all of the sentence
 * figures_sentence last read (its words in sh->scratch), the sub-event the
 * sentence says they count, if any. Returns NF_OK or NF_ENOMEM. */
int incidents_sentence(nf_facts_sheet *sh, const lexicon *lx, size_t first);

/* group.c: sets every figure's group (-1: not grouped) by constrained
 * clustering of their frames; returns the number of groups, or -1 when out
 * of memory. */
long group_figures(nf_facts_sheet *sh, const nf_docset *ds);

/* timeline.c: returns 1 if the two figures give the same amount (equal,
 * one admitted by the other's bound, or within 5% when one is "about"; a
 * vague amount only the same vague amount). One home for grouping and
 * labels. */
int facts_same_value(const figure *a, const figure *b);
/* What the reports say of their own time, read once per sheet for the
 * labels (the weekdays an undated report names); NULL when out of memory. */
typedef struct facts_timeline facts_timeline;
facts_timeline *facts_timeline_new(const nf_facts_sheet *sh, const nf_docset *ds);
void facts_timeline_free(facts_timeline *tl);
/* Labels group g from the order in time of its figures (those with aside
 * set are shown but not compared), with its reason and latest figure. */
void facts_label_group(nf_facts_sheet *sh, fgroup *g, const uint8_t *aside, const nf_docset *ds,
                       const facts_timeline *tl);

/* Maps an offset in document doc's stored text to its original bytes. */
size_t facts_original_offset(const nf_docset *ds, size_t doc, size_t pos);

/* Names for output. */
const char *facts_label_name(int label);
const char *facts_status_name(int status);
const char *facts_kind_name(int kind);
const char *facts_qualifier_name(int qual);
/* The counted noun of f as a reader reads it: the head noun as written
 * ("militants") when its class is only that noun made singular by rule
 * ("militant"), else the class ("people" for "victims"), "" if none. */
const char *facts_noun_shown(const figure *f);
/* Writes the value as a journalist would read it ("at least 12", "12-15"). */
void facts_value_string(const figure *f, char *out, size_t cap);

/* The sheet as an NF_SCHEMA JSON object (new reference), or NULL when
 * out of memory; for embedding in other results (summarize --facts). */
struct json_t *facts_json(const nf_facts_sheet *sh);

#endif
