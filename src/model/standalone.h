/* Whether a sentence can stand alone in a summary. One that opens with a
 * word leaning on the sentence before (data/select/dependent_openers.txt:
 * "He classified the death as an accident.", "But the river rose.") needs
 * that sentence. So does one that begins inside a quotation an earlier
 * sentence opened, and one that ends inside a quotation needs the next:
 * quotations are followed through each report, sentence by sentence. A
 * sentence whose quotation marks cannot be matched (a quotation left open
 * at the end of a paragraph, a closing mark with no opening one) is
 * broken: it goes into no summary. The selector takes a sentence that
 * leans only together with what it leans on (select/greedy.c), so
 * extraction stays verbatim. */
#ifndef NF_MODEL_STANDALONE_H
#define NF_MODEL_STANDALONE_H
#include "model/model.h"
#include <stddef.h>

enum { LEANS_PREV = 1, LEANS_NEXT = 2, LEANS_BROKEN = 4 };

/* Returns LEANS_PREV if s[0..n) opens with a dependent opener (past any
 * opening quotation marks and brackets), else 0; -1 when the word list
 * cannot be loaded (out of memory). */
int standalone_opener(const char *s, size_t n);

/* Adds to sents[0..n), the sentences of one report in order (text: the
 * report's text, which their spans index), what their quotation marks
 * make them lean on: LEANS_PREV for a sentence that begins inside a
 * quotation, LEANS_NEXT for one that ends inside one, LEANS_BROKEN for
 * one whose marks cannot be matched. */
void standalone_quotes(const char *text, msent *sents, size_t n);

/* Returns the model index of the sentence of its report that introduces
 * the person sentence i of m quotes by surname only ("..., Berg said.",
 * "said Berg") by a fuller name or role ("Harbour master Ola Berg"), or -1
 * when it quotes nobody so; *sur_off and *sur_len get where the surname is
 * in sentence i. The reading order puts a summary sentence that names the
 * person in full before it (select/order.c); it asks for the summary's
 * sentences only. Looks back at most 30,000 bytes. */
long standalone_intro(const model *m, size_t i, size_t *sur_off, size_t *sur_len);

/* Returns 1 if t[0..n) names the surname sur[0..sl) in full: after a
 * capitalised word that is not a courtesy title ("Ola Berg", "Officer
 * Berg"; not "Mr. Berg"). */
int standalone_names_in_full(const char *t, size_t n, const char *sur, size_t sl);

#endif
