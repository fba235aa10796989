/* Words that say the same thing in another form (forms.h). */
#include "model/forms.h"
#include "core/alloc.h"
#include "core/data.h"
#include "model/numbers.h"
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#define FORM_MAX 32

/* An outcome word and the name standing for it ("=killed"). */
typedef struct form {
    char word[FORM_MAX];
    char canon[FORM_MAX];
} form;

/* The outcome words, loaded once per process (read only afterwards),
 * with an open-addressing index by word: slot[h] = entry + 1, 0 = empty. */
#define FORM_SLOTS 1024 /* events.txt holds about 150 words; past half full, the rest are left out */
static struct {
    form *f;
    size_t n, cap;
    uint16_t slot[FORM_SLOTS];
    int failed;
} forms;
static pthread_once_t forms_once = PTHREAD_ONCE_INIT;

/* FNV-1a of w[0..n), folded to a slot. */
static size_t form_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h & (FORM_SLOTS - 1);
}

/* data_each_line callback for events.txt: WORD<TAB>EVENT[<TAB>KIND]; every
 * word but the weak states ("on board" yields to a verb: not an outcome). */
static int add_event(const char *line, size_t len, void *arg)
{
    (void)arg;
    const char *t1 = memchr(line, '\t', len);
    if (!t1)
        return 0;
    size_t wl = (size_t)(t1 - line), rest = len - wl - 1;
    const char *t2 = memchr(t1 + 1, '\t', rest);
    size_t cl = t2 ? (size_t)(t2 - t1 - 1) : rest;
    if (t2 && len - (size_t)(t2 + 1 - line) == 4 && !memcmp(t2 + 1, "weak", 4))
        return 0;
    if (!wl || !cl || wl >= FORM_MAX || cl + 1 >= FORM_MAX)
        return 0;
    if (GROW(forms.f, forms.cap, forms.n + 1))
        return -1;
    form *x = &forms.f[forms.n++];
    memset(x, 0, sizeof *x);
    memcpy(x->word, line, wl);
    x->canon[0] = '=';
    memcpy(x->canon + 1, t1 + 1, cl);
    return 0;
}

static void load_forms(void)
{
    numbers_init();
    forms.failed = data_each_line("facts/events.txt", add_event, NULL) != 0;
    for (size_t i = 0; !forms.failed && i < forms.n && i < FORM_SLOTS / 2; i++) {
        size_t h = form_hash(forms.f[i].word, strlen(forms.f[i].word));
        while (forms.slot[h] && strcmp(forms.f[forms.slot[h] - 1].word, forms.f[i].word))
            h = (h + 1) & (FORM_SLOTS - 1);
        if (!forms.slot[h]) /* a word listed twice keeps its first outcome */
            forms.slot[h] = (uint16_t)(i + 1);
    }
}

int forms_init(void)
{
    pthread_once(&forms_once, load_forms);
    return forms.failed ? -1 : 0;
}

const char *forms_canonical(const char *w, size_t n)
{
    const char *digits = number_word_digits(w, n);
    if (digits)
        return digits;
    if (n >= FORM_MAX)
        return NULL;
    for (size_t h = form_hash(w, n); forms.slot[h]; h = (h + 1) & (FORM_SLOTS - 1)) {
        const form *f = &forms.f[forms.slot[h] - 1];
        if (!strncmp(f->word, w, n) && !f->word[n])
            return f->canon;
    }
    return NULL;
}
