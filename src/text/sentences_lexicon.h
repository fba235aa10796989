/* The word lists the sentence segmenter consults, read from the data
 * files under data/abbreviations/ (see doc/SEGMENTER.md for what each
 * list means). Built once, on first use, into a fixed static table: no
 * allocation, so looking a word up cannot fail and is thread-safe. */
#ifndef NF_TEXT_SENTENCES_LEXICON_H
#define NF_TEXT_SENTENCES_LEXICON_H
#include <stddef.h>

enum lex_class {
    LEX_TITLE = 1,    /* Mr. Dr. Gen.: precedes a name, never ends a sentence */
    LEX_INNER = 2,    /* e.g. i.e. cf. vs.: never ends a sentence */
    LEX_NUMERIC = 4,  /* No. Vol. pp.: does not end one before a number */
    LEX_COMMON = 8,   /* Inc. Jan. a.m. U.S.: ends one only before a starter */
    LEX_STARTER = 16, /* the, he, however: capitalised, begins a sentence */
    LEX_LABEL = 32,   /* Image: Photo: (a caption credit opens a new unit) */
    LEX_EXCLAIM = 64,   /* Yahoo!: a name whose "!" ends nothing */
    LEX_EMOTICON = 128, /* :) ;-) : closes the sentence it follows */
    LEX_CLOSING = 256,  /* "Thanks," "Best regards,": a unit of its own */
    LEX_DOMAIN = 512    /* Com, Org: "Agency.Com" is a name, not two sentences */
};

#define LEX_CLASSES 10 /* bits used above */

/* The classes that describe abbreviations (as opposed to whole words). */
#define LEX_ABBREVIATION (LEX_TITLE | LEX_INNER | LEX_NUMERIC | LEX_COMMON | LEX_EXCLAIM)

/* Returns the lex_class bits of word[0..len) (for abbreviations, without
 * the final period; for labels, without the colon; for closings, without
 * the comma). Tries the word as
 * written, capitalised (MR -> Mr, thanks -> Thanks) and in lower case
 * (Etc -> etc); a lower-case word never takes the abbreviation classes of
 * its capitalised form. */
int lexicon_lookup(const char *word, size_t len);

/* Returns 1 if a word of class cls (a single bit) may start with byte
 * c, 0 if none does: lets a caller skip most lookups. */
int lexicon_may_start(int cls, unsigned char c);
/* The table behind lexicon_may_start: for each byte, the classes of the
 * words starting with it (loads the lists first). Lives as long as the
 * program; a pass over a text fetches it once. */
const unsigned short *lexicon_first_classes(void);

/* Returns the number of entries loaded (for tests); loads on first use. */
size_t lexicon_size(void);

#endif
