/* The segmenter's word lists (see sentences_lexicon.h): an open-addressing
 * hash table whose keys point into the compiled-in data files, so building
 * it allocates nothing and it lives as long as the program. */
#include "text/sentences_lexicon.h"
#include "core/data.h"
#include <pthread.h>
#include <string.h>

#define LEX_SLOTS 4096 /* a power of two, several times the lists' size */
#define LEX_MAX_WORD 32

typedef struct lex_entry {
    const char *word; /* into static data; NULL = empty slot */
    unsigned char len;
    unsigned short classes;
} lex_entry;

static lex_entry lex_table[LEX_SLOTS];
static size_t lex_count;
static unsigned short lex_first_classes[256]; /* the classes of words starting with each byte */
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

/* Which file fills which class. */
static const struct {
    const char *file;
    int cls;
} lex_files[] = {
    {"abbreviations/en_titles.txt", LEX_TITLE},   {"abbreviations/en_inner.txt", LEX_INNER},
    {"abbreviations/en_numeric.txt", LEX_NUMERIC}, {"abbreviations/en_common.txt", LEX_COMMON},
    {"abbreviations/en_starters.txt", LEX_STARTER}, {"abbreviations/en_labels.txt", LEX_LABEL},
    {"abbreviations/en_exclaim.txt", LEX_EXCLAIM}, {"abbreviations/emoticons.txt", LEX_EMOTICON},
    {"abbreviations/en_closings.txt", LEX_CLOSING}, {"abbreviations/en_greetings.txt", LEX_CLOSING}, {"abbreviations/en_header_labels.txt", LEX_LABEL},
    {"abbreviations/domains.txt", LEX_DOMAIN},
};

/* Returns the FNV-1a hash of word[0..len). */
static size_t lex_hash(const char *word, size_t len)
{
    size_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)word[i]) * 16777619u;
    return h;
}

/* Returns the slot holding word, or the empty slot where it belongs, or
 * NULL when the table is full and the word is absent. */
static lex_entry *lex_slot(const char *word, size_t len)
{
    size_t h = lex_hash(word, len);
    for (size_t probe = 0; probe < LEX_SLOTS; probe++) {
        lex_entry *e = &lex_table[(h + probe) & (LEX_SLOTS - 1)];
        if (!e->word || (e->len == len && memcmp(e->word, word, len) == 0))
            return e;
    }
    return NULL;
}

/* data_each_line callback: adds one line of a list (a final '.', ':',
 * '!' or ',' dropped) with the class in *arg. Always returns 0: an over-long word or
 * a full table only loses that word. */
static int lex_add_line(const char *line, size_t len, void *arg)
{
    if (len > 1 && line[len - 1] && strchr(".:!,", line[len - 1]))
        len--;
    lex_entry *e = len <= LEX_MAX_WORD && lex_count < LEX_SLOTS / 2 ? lex_slot(line, len) : NULL;
    if (!e)
        return 0;
    if (!e->word) {
        e->word = line;
        e->len = (unsigned char)len;
        lex_count++;
    }
    int cls = *(const int *)arg;
    e->classes |= (unsigned short)cls;
    lex_first_classes[(unsigned char)line[0]] |= (unsigned short)cls;
    return 0;
}

/* pthread_once routine: loads every list. */
static void lex_load(void)
{
    for (size_t i = 0; i < sizeof lex_files / sizeof lex_files[0]; i++)
        data_each_line(lex_files[i].file, lex_add_line, (void *)&lex_files[i].cls);
}

/* Returns the classes of exactly word[0..len), 0 when absent. */
static int lex_find(const char *word, size_t len)
{
    lex_entry *e = lex_slot(word, len);
    return e && e->word ? e->classes : 0;
}

/* Returns the classes of word merged with those of its capitalised and
 * lower-case forms (ASCII folding only: the lists are English), so "No"
 * is both the numeric abbreviation and the starter "no", and "thanks"
 * the closing "Thanks". */
int lexicon_lookup(const char *word, size_t len)
{
    char buf[LEX_MAX_WORD];
    if (len == 0 || len > LEX_MAX_WORD)
        return 0;
    pthread_once(&lex_once, lex_load);
    int cls = lex_find(word, len), upper = 0;
    for (size_t i = 0; i < len; i++) {
        char c = word[i];
        upper |= c >= 'A' && c <= 'Z';
        buf[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    if (upper)
        cls |= lex_find(buf, len);
    if (buf[0] >= 'a' && buf[0] <= 'z') {
        buf[0] = (char)(buf[0] - 'a' + 'A');
        /* A capitalised abbreviation is not its lower-case word ("Ill."
         * is Illinois, "ill." is not); the other lists fold freely. */
        cls |= lex_find(buf, len) & (upper ? ~0 : ~LEX_ABBREVIATION);
    }
    return cls;
}

/* Returns 1 if some word of class cls (one bit) starts with byte c: a
 * cheap test before a lookup. */
int lexicon_may_start(int cls, unsigned char c)
{
    if (cls <= 0 || (cls & (cls - 1)) || cls >= 1 << LEX_CLASSES)
        return 1; /* not one class: no test */
    pthread_once(&lex_once, lex_load);
    return (lex_first_classes[c] & cls) != 0;
}

/* Returns the first-byte classes table (see the header). */
const unsigned short *lexicon_first_classes(void)
{
    pthread_once(&lex_once, lex_load);
    return lex_first_classes;
}

/* Returns how many distinct words the lists hold. */
size_t lexicon_size(void)
{
    pthread_once(&lex_once, lex_load);
    return lex_count;
}
