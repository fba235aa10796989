/* Numbers written as words and as digits. In update mode they are one
 * term (model.c): a report read that says "fourteen were killed" and a new
 * one that says "14 were killed" state the same figure, for the concepts,
 * the near-duplicates and the novelty against what was read. Figures also
 * answer a question about a count (model/query.h). */
#ifndef NF_MODEL_NUMBERS_H
#define NF_MODEL_NUMBERS_H
#include <stddef.h>

/* Reads the number words (once per process, thread-safe); a thread calls
 * it before its first number_word_digits. */
void numbers_init(void);

/* Returns the digits of a case-folded number word from two to ninety-nine
 * written as one word ("two" .. "nineteen", "twenty" .. "ninety":
 * data/facts/numbers.txt, roles unit and ten), or NULL for any other word.
 * "one" and "zero" stay words (a pronoun, a figure of speech), and so do
 * the multipliers ("hundred") and the vague plurals ("dozens"). */
const char *number_word_digits(const char *w, size_t n);

/* Returns 1 if s[0..n) is a figure written in digits: digits only, and
 * not a year (1900-2099 written as four digits). */
int number_is_digits(const char *s, size_t n);

/* Returns the i-th number word that writes a figure (the words
 * number_word_digits maps, the multipliers "hundred" .. "trillion",
 * "dozen"), or NULL for i past the last. */
const char *number_figure_word(size_t i);

#endif
