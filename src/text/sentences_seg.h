/* Internals of the sentence segmenter, shared by its three parts:
 * sentences.c (the pass over the text), sentences_run.c (does a run of
 * terminal punctuation end the sentence?) and sentences_units.c (breaks
 * between two words with no terminator: URLs, e-mail headers, emoticons,
 * separators, captions). Not for use outside src/text/sentences*.c. */
#ifndef NF_TEXT_SENTENCES_SEG_H
#define NF_TEXT_SENTENCES_SEG_H
#include "text/sentences_feats.h"
#include "text/span.h"
#include <stddef.h>

#define SEG_WORD_MAX 64 /* longest left word examined; longer ones are plain words */
#define SEG_NEXT_MAX 32 /* longest right word looked up */

/* What the pass knows about the word before the current position. */
typedef struct seg_token {
    size_t start, end; /* its bytes; end == 0 when there is none on this line */
    int url;           /* starts with http://, https:// or www. */
    int email;         /* has an '@' with a '.' after it */
    int separator;     /* only - = _ * ~ #, like "-----" or "***" */
    int emoticon;      /* ":)", ";-)" and the like */
    int list_item;     /* a numbered item: "1)" to "99)" */
    char letter_item;  /* the letter of an item "a)" to "z)", else 0 */
    char bullet;       /* it is a bullet alone: "\xE2\x80\xA2", "-", "*" */
    char mark_kind;    /* a list marker "3." "3.)" "3)" "c." "\xE2\x80\xA29.": 'n', 'a', 'A'; else 0 */
    char mark_suffix;  /* its suffix: '.' for ".", ']' for ".)", ')' for ")" */
    unsigned short mark_value; /* its number, or its letter */
} seg_token;

/* Watches the learned decisions (the training tool): at each candidate
 * boundary, decide is given where the sentence would end, the candidate's
 * features (with their text) and the model's score and verdict, and
 * returns the verdict to follow (the gold one, when training). */
typedef struct seg_observer {
    int (*decide)(void *arg, size_t end, const seg_feats *f, long score, int yes);
    void *arg;
} seg_observer;

typedef struct seg {
    const char *t;
    size_t len;
    span_vec *out;
    size_t start;   /* where the current sentence began */
    size_t content; /* its first non-space byte, once seen */
    int has_content;
    int dquotes;      /* straight double quotes seen on its line */
    int squotes;      /* lone ' words seen on its line (never apostrophes) */
    int parens;       /* brackets open in it */
    char enum_next;   /* after "a) ... b)": 'c', the item that would continue it */
    seg_token list;   /* the list marker the sentence opens with ("1.", "a)"), if any */
    int pull_quote;   /* the line is a quotation with its attribution */
    size_t paren_end; /* when it opens with a bracket: where that closed */
    size_t line;      /* where the current line began */
    int in_space;     /* the last character was white space */
    size_t ts_end;    /* end of the last timestamp matched (0: none) */
    seg_token prev;   /* the last word */
    const unsigned short *first_classes; /* lexicon_first_classes() */
    size_t words;     /* words in the sentence so far */
    size_t capitals;  /* of them, those that start with an ASCII capital */
    const seg_observer *obs; /* NULL but when training */
    seg_feats feats;  /* the current candidate's features */
} seg;

/* Returns the length of the space or line-break character ending just
 * before e (not before lo), or 0. */
size_t seg_space_before(const seg *s, size_t lo, size_t e);

/* sentences.c: returns 1 if the candidate boundary whose features are in
 * s->feats ends the sentence at end: the model's verdict, or the
 * observer's. */
int seg_decide(seg *s, size_t end);

/* Splits like sentences_split, showing every learned decision to obs
 * (which may overrule it). */
int sentences_split_observed(const char *text, size_t len, span_vec *out, const seg_observer *obs);

/* sentences_run.c: the terminator at i starts a run; returns where the
 * run ends and sets *ends to 1 if the sentence ends there. */
size_t run_judge(seg *s, size_t i, int *ends);

/* Writes into out (at least 12 bytes) the letters of the lexicon
 * classes lex, a feature value ("-" for none). */
void run_lex_letters(int lex, char *out);
/* Returns the feature value of a sentence's length so far in words. */
const char *run_words_name(size_t words);

/* sentences_gap.c: a capitalised word starts at j after white space, and
 * no terminator ends the word before it (tok: this word, scanned);
 * returns 1 if the model says a sentence starts there. */
int gap_starts(seg *s, size_t j, const seg_token *tok);

/* sentences_units.c: a word starts at j after white space; fills *tok
 * with what it is and returns 1 if a new sentence should start at j. */
int units_break_before(seg *s, size_t j, seg_token *tok);
/* Notes the word scanned into *tok as the list marker its sentence opens
 * with, when it is one and comes first (or after a lone bullet). */
void units_list_note(seg *s, const seg_token *tok);
/* Returns 1 if an emoticon starts at j (and is followed by space or the
 * end). */
int units_emoticon_at(const seg *s, size_t j);
/* Returns 1 if a URL (http://, https://, www.) starts at j. */
int units_url_at(const seg *s, size_t j);

#endif
