/* ROUGE-1.5.5's options letter by letter (rouge_api.c): not public (the
 * public calls are nf_rouge_set, by key, and nf_rouge_set_flags, a whole
 * command line), but the front ends read a command line or a request's
 * flags a letter at a time, and the static library offers them this. */
#ifndef NF_EVAL_ROUGE_FLAGS_H
#define NF_EVAL_ROUGE_FLAGS_H
#include "newsfuse.h"

/* Sets one ROUGE-1.5.5 option by its letter, value NULL for switches:
 * n l b 2 f p c r w t take a value; m s u U x are switches; a d v (and
 * e DIR) are accepted and change nothing; -t takes only 0. Returns NF_OK
 * or NF_EINVAL (nf_rouge_error says why). */
int rouge_set_flag(nf_rouge *r, char flag, const char *value);
/* Returns 1 if the option letter takes a value, 0 if not, -1 if unknown. */
int rouge_flag_arity(char flag);

#endif
