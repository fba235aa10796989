/* Syntax for the figure sheet (src/facts/syntax.c): the frame Link Grammar
 * gives a number in invented sentences (governing verb, subject or object,
 * the noun whose phrase or relative clause holds it, the speaker of the
 * verb of saying that governs it), the speakers the sheet takes from it,
 * and the word rules when a sentence is not parsed. Skipped when the
 * English dictionary is absent at run time (the sheet then keeps its word
 * rules, which tests/cli/facts_syntax.sh checks). */
#include "facts/facts.h"
#include "facts/syntax.h"
#include "newsfuse.h"
#include "test.h"
#include <stdlib.h>

enum { WORDS = 256 };

/* One parsed sentence and its words. */
typedef struct parsed {
    const char *text;
    word w[WORDS];
    size_t nw;
    syn_sent *p;
} parsed;

static void parse(parsed *s, const char *text)
{
    s->text = text;
    s->nw = words_split(text, strlen(text), 0, s->w, WORDS);
    s->p = syntax_parse(text, s->w, s->nw);
}

/* The index of the word written low (lower case), the nth from 0, or
 * SYN_NONE. */
static size_t word_index(const parsed *s, const char *low, int nth)
{
    for (size_t k = 0; k < s->nw; k++)
        if (!strcmp(s->w[k].low, low) && nth-- == 0)
            return k;
    return SYN_NONE;
}

/* The frame of the number written low (the nth of that spelling). */
static int frame_of(const parsed *s, const char *low, int nth, syn_frame *f)
{
    size_t k = word_index(s, low, nth);
    return k != SYN_NONE && s->p && syntax_frame(s->p, lexicon_get(), k, f);
}

/* The frame's speaker as written, into buf. */
static const char *speaker_of(const parsed *s, const syn_frame *f, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (f->spk1 > f->spk0)
        snprintf(buf, cap, "%.*s", (int)(s->w[f->spk1 - 1].end - s->w[f->spk0].start),
                 s->text + s->w[f->spk0].start);
    return buf;
}

static const char *word_or_none(const parsed *s, size_t k)
{
    return k == SYN_NONE ? "-" : s->w[k].low;
}

TEST(frames_of_numbers)
{
    if (!syntax_available())
        SKIP("no Link Grammar English dictionary at run time");
    parsed s;
    syn_frame f;
    char buf[128];
    /* a relative clause's verb of saying speaks for its noun; the main
     * clause's for its own count, not the one told after it */
    parse(&s, "The ministry, which earlier said 12 hostages had died, now says 23 were killed, a spokesman "
              "told reporters.");
    CHECK(s.p != NULL);
    CHECK(frame_of(&s, "12", 0, &f));
    CHECK(f.role == SYN_SUBJECT);
    CHECK_STR(word_or_none(&s, f.say), "said");
    CHECK_STR(speaker_of(&s, &f, buf, sizeof buf), "The ministry");
    CHECK_STR(word_or_none(&s, f.rel), "ministry");
    CHECK(frame_of(&s, "23", 0, &f));
    CHECK_STR(word_or_none(&s, f.say), "says");
    CHECK_STR(speaker_of(&s, &f, buf, sizeof buf), "The ministry");
    CHECK(f.rel == SYN_NONE);
    syntax_free(s.p);

    /* a list is one subject; a number in a noun's phrase names the noun */
    parse(&s, "In Estmark, police said 12 captives and 18 kidnappers were killed, up from a previous count "
              "of 10.");
    CHECK(s.p != NULL);
    CHECK(frame_of(&s, "18", 0, &f));
    CHECK(f.role == SYN_SUBJECT);
    CHECK_STR(speaker_of(&s, &f, buf, sizeof buf), "police");
    CHECK(frame_of(&s, "10", 0, &f));
    CHECK(f.role == SYN_OTHER);
    CHECK_STR(word_or_none(&s, f.noun), "count");
    syntax_free(s.p);

    /* an object, and a verb of saying after its clause */
    parse(&s, "The blast killed 12 people, officials said.");
    CHECK(frame_of(&s, "12", 0, &f));
    CHECK(f.role == SYN_OBJECT);
    CHECK_STR(word_or_none(&s, f.verb), "killed");
    CHECK_STR(word_or_none(&s, f.say), "said");
    CHECK_STR(speaker_of(&s, &f, buf, sizeof buf), "officials");
    syntax_free(s.p);

    /* the sources themselves are not their own speaker */
    parse(&s, "Two officials said the ferry sank.");
    CHECK(frame_of(&s, "two", 0, &f));
    CHECK(f.say == SYN_NONE);
    syntax_free(s.p);
}

TEST(long_or_broken_sentences_are_not_parsed)
{
    if (!syntax_available())
        SKIP("no Link Grammar English dictionary at run time");
    char text[2048] = "Officials said";
    for (int i = 0; i < SYN_MAX_WORDS; i++)
        strcat(text, " and more");
    strcat(text, " 12 people died.");
    parsed s;
    parse(&s, text);
    CHECK(s.p == NULL);
    parse(&s, "Said said 12 12 the the of of.");
    CHECK(s.p == NULL);
    parse(&s, "");
    CHECK(s.p == NULL);
}

/* The speaker the sheet gives the figure written text in a one-report
 * sheet of the sentences, or NULL. */
static const char *sheet_speaker(const char *const *texts, size_t n, const char *text, char *buf, size_t cap)
{
    nf_docset *ds = nf_docset_new();
    for (size_t i = 0; i < n; i++)
        nf_docset_add(ds, NULL, NULL, NULL, texts[i], strlen(texts[i]));
    nf_facts_sheet *sh = NULL;
    nf_facts(ds, NULL, &sh);
    const char *got = NULL;
    nf_figure f;
    for (size_t i = 0; sh && i < nf_facts_figure_count(sh); i++)
        if (nf_facts_figure(sh, i, &f, sizeof f) == NF_OK && !strcmp(f.text, text)) {
            snprintf(buf, cap, "%s", f.speaker);
            got = buf;
            break;
        }
    nf_facts_free(sh);
    nf_docset_free(ds);
    return got;
}

TEST(speakers_of_the_sheet)
{
    if (!syntax_available())
        SKIP("no Link Grammar English dictionary at run time");
    /* each speaker here the nearest-word rules miss: the ministry behind
     * "which", a name before an apposition, a verb of saying after the
     * clause that is not the one governing the count */
    const char *t1[] = {"The ministry, which earlier said 12 hostages had died, now says 23 were killed, a "
                        "spokesman told reporters."};
    const char *t2[] = {"Dara Finn, 54, told the Harbor Gazette that about 40 people were trapped inside."};
    const char *t3[] = {"Lena Brask, a spokeswoman for the port authority, said 31 people were injured."};
    const char *t4[] = {"Police said the blast killed six people and injured 30, the agency reported."};
    const char *t5[] = {"The crane operator union, whose members struck last year, said 17 dockers were hurt."};
    char buf[128];
    CHECK_STR(sheet_speaker(t1, 1, "12", buf, sizeof buf), "The ministry");
    CHECK_STR(sheet_speaker(t1, 1, "23", buf, sizeof buf), "The ministry");
    CHECK_STR(sheet_speaker(t2, 1, "about 40", buf, sizeof buf), "Dara Finn");
    CHECK_STR(sheet_speaker(t3, 1, "31", buf, sizeof buf), "Lena Brask");
    CHECK_STR(sheet_speaker(t4, 1, "30", buf, sizeof buf), "Police");
    CHECK_STR(sheet_speaker(t5, 1, "17", buf, sizeof buf), "The crane operator union");
    /* a long subject whole; a subject that holds the count is no speaker
     * of it (the word rules' stand) */
    const char *t6[] = {"The brief statement by six of the nine harbor pilots said 20 sailors were killed."};
    CHECK_STR(sheet_speaker(t6, 1, "20", buf, sizeof buf), "The brief statement by six of the nine harbor pilots");
    CHECK(sheet_speaker(t6, 1, "six", buf, sizeof buf) && !strstr(buf, "six"));
}

TEST(word_rules_without_a_parse)
{
    /* no complete linkage: a word Link Grammar cannot place ("zzq"), so the
     * nearest verb of saying and the words after it stand */
    const char *t[] = {"Zzq qqz, 54, told the Harbor Gazette that 40 people were trapped zzq."};
    char buf[128];
    CHECK_STR(sheet_speaker(t, 1, "40", buf, sizeof buf), "the Harbor Gazette");
}

int main(void)
{
    RUN(frames_of_numbers);
    RUN(long_or_broken_sentences_are_not_parsed);
    RUN(speakers_of_the_sheet);
    RUN(word_rules_without_a_parse);
    TEST_EXIT();
}
