/* The shared selection machinery every method uses: the length budget,
 * one greedy budgeted selector driven by a method's gain function, and the
 * orderer. Methods differ only in how they score. */
#ifndef NF_SELECT_SELECT_H
#define NF_SELECT_SELECT_H
#include "core/clock.h"
#include "core/options.h"
#include "model/model.h"

typedef struct budget {
    long words, sentences, bytes; /* 0 = unlimited in that unit */
    int cut;                      /* cut the last sentence at the budget */
    double deadline;              /* monotonic seconds (clock_now); 0 = none */
} budget;

/* What has been chosen so far, in the order chosen. */
typedef struct selection {
    size_t *idx;   /* model sentence indices */
    double *score; /* gain when chosen */
    size_t n, cap;
    long words, bytes; /* used */
    long cut_words;    /* > 0: sentence cut_sent keeps only this many words */
    size_t cut_sent;
    char note[160]; /* a method's remark for the result's warnings ("" = none),
                       e.g. that an exact solver fell back to greedy */
} selection;

/* Derives the budget from the options (ratio against the input's words). */
void budget_from_options(budget *b, const struct nf_options *o, const model *m);

/* Returns 1 if sentence i fits whole into what is left of the budget. */
int budget_fits(const budget *b, const selection *sel, const model *m, size_t i);

/* Returns 1 if sentences [a, end) fit whole into what is left, together. */
int budget_fits_range(const budget *b, const selection *sel, const model *m, size_t a, size_t end);

/* Returns 1 once nothing more can be added: the budget is used up, or the
 * deadline has passed (then the summary is cut short; the caller warns). */
int budget_full(const budget *b, const selection *sel);

/* Appends sentence i with its score; 0 or -1 when out of memory. */
int selection_add(selection *sel, const model *m, size_t i, double score);
void selection_free(selection *sel);

/* A method's marginal gain of adding sentence i given what was chosen
 * (gain), and its bookkeeping once i is chosen (commit). */
typedef struct scorer {
    double (*gain)(void *ctx, size_t i);
    void (*commit)(void *ctx, size_t i);
    void *ctx;
    /* The gain of sentences idx[0..n) taken together, given what was
     * chosen (a unit of sentences that lean on each other); NULL: the
     * members' gains summed, each against what was chosen. */
    double (*unit_gain)(void *ctx, const size_t *idx, size_t n);
} scorer;

/* Greedy budgeted selection: repeatedly takes the usable sentence with the
 * best gain per word (ties: lower index) until the budget is full or no
 * gain is positive; with b->cut, ends with the best sentence that does not
 * fit, cut at the budget. Returns 0 or -1 when out of memory. */
int select_greedy(const model *m, const budget *b, const scorer *sc, long min_words,
                  selection *sel);

/* The gain of only the first `words` words of sentence i (what a sentence
 * cut there gives), given what was chosen; ctx is the scorer's. Never more
 * than the scorer's gain of the whole sentence: the selector relies on
 * that bound to skip most sentences. */
typedef double (*prefix_gain_fn)(void *ctx, size_t i, long words);

/* select_greedy, except that with a prefix gain (NULL: select_greedy),
 * b->cut and a word budget but no byte budget, every step also weighs
 * ending the summary with a sentence cut at the budget, by its prefix
 * gain per word left at a discount (greedy.c); taken, it ends the
 * selection. Returns 0 or -1 when out of memory. */
int select_greedy_prefix(const model *m, const budget *b, const scorer *sc,
                         prefix_gain_fn prefix_gain, long min_words, selection *sel);

/* The end (one past the last) of the fewest consecutive sentences from a
 * that may join sel together (model/standalone.h: a with what it leans
 * on after it; what it leans on before it already chosen), or a when
 * none may. For methods that take sentences in their own order (lead);
 * the greedy selector also weighs longer units. */
size_t select_unit_end(const model *m, const selection *sel, size_t a, long min_words);

/* Sorts the chosen sentences for reading: by document date when known,
 * then document, then position (ties broken by index: deterministic);
 * then a sentence that names a person by surname only (standalone_intro) comes
 * after the first summary sentence naming them in full, whose block of
 * consecutive sentences moves before its own. */
void order_for_reading(const model *m, selection *sel);

#endif
