/* Syntax for the figure sheet: a Link Grammar parse of one sentence that
 * holds a count, read as the frame of a number (doc/FACTS.md, "Syntax"):
 * the verb its noun phrase is the subject or object of, the other noun
 * whose prepositional phrase or relative clause holds it, and the subject
 * of the verb of saying that governs its clause. Private to src/facts/.
 *
 * Every call may fail (no dictionary at run time, a sentence over
 * SYN_MAX_WORDS words, no complete linkage, the time bound passed): the
 * caller then keeps its word-window rules. One English dictionary is
 * opened once per process and shared by all threads (Link Grammar allows
 * a file dictionary to be shared; sentences and parse options are made
 * per call); it is never closed, like the lexicon. */
#ifndef NF_FACTS_SYNTAX_H
#define NF_FACTS_SYNTAX_H
#include "facts/facts.h"

/* Sentences with more words than this are not parsed: the parse time grows
 * with the cube of the length, and long sentences seldom parse whole. */
enum { SYN_MAX_WORDS = 60, SYN_GROUP = 8 }; /* SYN_GROUP: the words of a verb group read */
#define SYN_NONE ((size_t)-1)

/* How a number's noun phrase attaches to its governing verb. */
enum syn_role { SYN_OTHER = 0, SYN_SUBJECT, SYN_OBJECT, SYN_PREP };

typedef struct syn_sent syn_sent;

/* What the parse says of one number. Word indices are the caller's words
 * (w of syntax_parse); SYN_NONE when the parse does not say. */
typedef struct syn_frame {
    size_t verb;   /* the governing verb: the head of the clause the number's phrase attaches to */
    int role;      /* enum syn_role: how the phrase attaches to it */
    size_t noun;   /* another noun whose prepositional phrase holds the number ("count" in "a previous count of 12") */
    size_t rel;    /* the noun a relative clause holding the number belongs to ("the ministry, which said 12 ...") */
    size_t say;    /* the verb of saying (attribution.txt) that governs the number's clause */
    size_t subj;   /* its subject as linked (a relative pronoun before its noun), SYN_NONE */
    size_t spk0, spk1; /* its subject's words [spk0, spk1), as written; spk0 == spk1 when none */
} syn_frame;

/* Returns 1 if the dictionary could be opened (opening it on first use). */
int syntax_available(void);
/* Parses the sentence whose words w[0..nw) lie in text (document
 * offsets). NULL when it cannot (see above) or out of memory. */
syn_sent *syntax_parse(const char *text, const word *w, size_t nw);
/* Fills *f for the number at word k of the parsed sentence, reading verbs
 * of saying from lx. Returns 1 if the parse placed the number, else 0. */
int syntax_frame(const syn_sent *p, const lexicon *lx, size_t k, syn_frame *f);
void syntax_free(syn_sent *p);

#endif
