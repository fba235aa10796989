/* Words that say the same thing in another form, for the comparisons of
 * content between sentences (model/redundancy.c, select/corroborate.c): a
 * number written as a word and as digits ("fourteen", "14": the words of
 * model/numbers.h), and the words of one outcome of the figure sheet
 * ("killed", "dead", "died"; "freed", "released": data/facts/events.txt
 * less its "weak" states), so the summary and the sheet agree on what is
 * the same count. Multi-word numbers ("twenty-one") are not joined. */
#ifndef NF_MODEL_FORMS_H
#define NF_MODEL_FORMS_H
#include <stddef.h>

/* Reads the lists (once per process, thread-safe); a thread calls it
 * before its first forms_canonical. Returns 0, or -1 when they could not
 * be read (out of memory). */
int forms_init(void);

/* The form standing for the folded word w[0..n) (lower case, unstemmed):
 * the digits of a number word, or "=" and the outcome's name (not a word
 * the tokenizer makes, so it meets only its own kind). Returns it
 * (NUL-terminated, static), or NULL when w has no other form. */
const char *forms_canonical(const char *w, size_t n);

#endif
