#include "model/numbers.h"
#include "core/data.h"
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The number words of data/facts/numbers.txt that become digits (roles
 * unit and ten, values 2 to 90) and the ones that only mark a figure
 * (mult, dozen). Read once; then read only, so threads share it. */
#define MAX_WORDS 64
static struct entry {
    char word[16];
    char digits[4]; /* "" = a figure word that stays a word */
    size_t len;     /* of word */
} entries[MAX_WORDS];
static size_t nentries;
static size_t shortest, longest; /* the lengths of the words */
static uint8_t by_letter[27]; /* entries of first letter c: [by_letter[c], by_letter[c + 1]) */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* data_each_line callback: WORD<TAB>VALUE<TAB>ROLE. */
static int on_line(const char *line, size_t len, void *arg)
{
    (void)arg;
    const char *t1 = memchr(line, '\t', len);
    const char *t2 = t1 ? memchr(t1 + 1, '\t', len - (size_t)(t1 + 1 - line)) : NULL;
    if (!t2 || nentries == MAX_WORDS || (size_t)(t1 - line) >= sizeof entries[0].word)
        return 0;
    size_t rlen = len - (size_t)(t2 + 1 - line);
    const char *role = t2 + 1;
    long v = strtol(t1 + 1, NULL, 10);
    int digits = (rlen == 4 && !memcmp(role, "unit", 4)) || (rlen == 3 && !memcmp(role, "ten", 3));
    int figure = (rlen == 4 && !memcmp(role, "mult", 4)) || (rlen == 5 && !memcmp(role, "dozen", 5));
    if (!(digits && v >= 2 && v < 100) && !figure)
        return 0;
    struct entry *e = &entries[nentries++];
    memcpy(e->word, line, (size_t)(t1 - line));
    e->word[t1 - line] = '\0';
    e->len = (size_t)(t1 - line);
    if (digits)
        snprintf(e->digits, sizeof e->digits, "%ld", v);
    return 0;
}

static int by_word(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->word, ((const struct entry *)b)->word);
}

static void load(void)
{
    data_each_line("facts/numbers.txt", on_line, NULL);
    qsort(entries, nentries, sizeof *entries, by_word);
    shortest = nentries ? sizeof entries[0].word : 1;
    for (size_t i = 0; i < nentries; i++) {
        if (entries[i].len < shortest)
            shortest = entries[i].len;
        if (entries[i].len > longest)
            longest = entries[i].len;
    }
    size_t k = 0;
    for (int c = 0; c <= 26; c++) {
        while (k < nentries && entries[k].word[0] - 'a' < c)
            k++;
        by_letter[c] = (uint8_t)k;
    }
}

void numbers_init(void)
{
    pthread_once(&once, load);
}

/* (numbers_init has been called by this thread.) */
static const struct entry *lookup(const char *w, size_t n)
{
    if (n < shortest || n > longest || w[0] < 'a' || w[0] > 'z')
        return NULL;
    for (size_t i = by_letter[w[0] - 'a']; i < by_letter[w[0] - 'a' + 1]; i++)
        if (entries[i].len == n && !memcmp(entries[i].word, w, n))
            return &entries[i];
    return NULL;
}

const char *number_word_digits(const char *w, size_t n)
{
    const struct entry *e = lookup(w, n);
    return e && e->digits[0] ? e->digits : NULL;
}

int number_is_digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return !(n == 4 && ((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')));
}

const char *number_figure_word(size_t i)
{
    numbers_init();
    return i < nentries ? entries[i].word : NULL;
}
