/* Query mode that answers and update mode that knows what was read (issue
 * 16, items 1 and 2): numbers across words and digits, how much each
 * sentence answers a query, novelty against the reports already read, and
 * both end to end on invented events (text written for these tests). */
#include "test.h"
#include "test_fixture.h"
#include "model/numbers.h"
#include "model/query.h"
#include "select/concepts.h"
#include <stdlib.h>

/* Two reports of a hostage crisis. The count the question asks for is in
 * the middle of the first ("eleven of its citizens were missing") and, in
 * other words, of the second; the leads are about the siege. */
static const char *const HOSTAGE[] = {
    "VELMORA -- Armed men stormed the Orlan Grand Hotel in the coastal city of Velmora on "
    "Tuesday night and took dozens of guests hostage, police said.\n\n"
    "The gunmen, who arrived in two pickup trucks, sealed the hotel's main entrance and set up "
    "positions on the roof, according to witnesses.\n\n"
    "Security forces surrounded the building before dawn and closed the coastal road to "
    "traffic.\n\n"
    "Interior Minister Dario Falk said negotiators had opened contact with the hostage takers "
    "by telephone.\n\n"
    "The Kestrian foreign ministry said eleven of its citizens were missing after the attack "
    "and were believed to be held inside the hotel.\n\n"
    "A group calling itself the Southern Front claimed responsibility in a statement posted "
    "online.\n\n"
    "The hotel, a favourite of foreign business travellers, had been hosting a trade "
    "conference on fisheries.\n\n"
    "Falk said the government would not bargain over the release of prisoners.",
    "Gunmen holding hostages at a hotel in Velmora released a group of women and children on "
    "Wednesday as security forces kept the building surrounded.\n\n"
    "The Southern Front, which claimed the attack, demanded the release of its jailed "
    "members, Interior Minister Dario Falk said.\n\n"
    "Negotiators were talking to the hostage takers by telephone, the minister said.\n\n"
    "Kestria said 11 Kestrian nationals remained unaccounted for, and its ambassador "
    "travelled to Velmora to meet officials.\n\n"
    "Witnesses said the gunmen had arrived in pickup trucks and taken positions on the hotel "
    "roof.\n\n"
    "Two police officers were wounded in an exchange of fire near the hotel entrance "
    "overnight.\n\n"
    "The trade conference on fisheries that had drawn many of the guests was cancelled.\n\n"
    "Hotel staff who escaped through a kitchen door said the attackers were heavily armed.",
};

/* A ferry disaster: the report already read gives the first death toll in
 * words; the new ones restate it (in digits, and in words) beside what is
 * new (the toll risen to 19, the captain detained, the overloading). */
static const char *const FERRY_READ =
    "PORT SALLAN -- Fourteen people were killed when the ferry Marisol capsized in a storm off "
    "Port Sallan on Monday, the coast guard said.\n\n"
    "The ferry was carrying about 120 passengers from the island of Dreve to the mainland when "
    "high waves struck it, officials said.\n\n"
    "Rescue boats pulled dozens of survivors from the water through the night.\n\n"
    "The Marisol had passed a safety inspection in May, the shipping company said.\n\n"
    "Relatives gathered at the harbour waiting for news of the missing.";
static const char *const FERRY_NEW[] = {
    "PORT SALLAN -- The death toll from the capsizing of the ferry Marisol rose to 19 on "
    "Wednesday after divers recovered five more bodies from the hull, the coast guard said.\n\n"
    "14 people were killed when the ferry capsized in a storm off Port Sallan on Monday.\n\n"
    "Investigators said the ferry had been carrying 40 more passengers than it was licensed "
    "for.\n\n"
    "The captain of the Marisol was detained for questioning, police said.\n\n"
    "The shipping company said it would cooperate fully with the inquiry.",
    "Police detained the captain of the capsized ferry Marisol on Wednesday as the number of "
    "dead rose to 19.\n\n"
    "The ferry was overloaded by 40 passengers, investigators said, and its captain had "
    "ignored a storm warning.\n\n"
    "Fourteen people were killed on Monday when the ferry capsized off Port Sallan.\n\n"
    "Divers recovered five more bodies from the hull, the coast guard said.\n\n"
    "The search for three people still missing will continue on Thursday.",
};

/* The summary of the reports (seen: one read report or NULL) under the
 * options words and query (NULL: none), as one string of its sentences
 * joined by newlines; the caller frees it. */
static char *summary_of(const char *const *docs, size_t n, const char *seen, const char *words,
                        const char *query)
{
    nf_docset *ds = nf_docset_new();
    nf_options *o = nf_options_new();
    nf_summary *s = NULL;
    char *out = calloc(1, 4096);
    CHECK(ds && o && out);
    for (size_t i = 0; ds && i < n; i++)
        CHECK(nf_docset_add(ds, NULL, NULL, NULL, docs[i], strlen(docs[i])) == NF_OK);
    if (seen)
        CHECK(nf_docset_add_seen(ds, NULL, NULL, NULL, seen, strlen(seen)) == NF_OK);
    CHECK(nf_options_set(o, "words", words) == NF_OK);
    if (query)
        CHECK(nf_options_set(o, "query", query) == NF_OK);
    CHECK(nf_summarize(ds, o, &s) == NF_OK);
    for (size_t i = 0; s && out && i < nf_summary_count(s); i++) {
        const char *t;
        size_t len;
        nf_summary_sentence(s, i, &t, &len, NULL, NULL, NULL, NULL);
        if (strlen(out) + len + 2 < 4096)
            strncat(out, t, len), strcat(out, "\n");
    }
    nf_summary_free(s);
    nf_options_free(o);
    nf_docset_free(ds);
    return out;
}

TEST(number_words_have_digits)
{
    numbers_init();
    CHECK_STR(number_word_digits("fourteen", 8), "14");
    CHECK_STR(number_word_digits("two", 3), "2");
    CHECK_STR(number_word_digits("ninety", 6), "90");
    CHECK(number_word_digits("one", 3) == NULL);     /* a pronoun as often */
    CHECK(number_word_digits("hundred", 7) == NULL); /* a multiplier */
    CHECK(number_word_digits("fourteenth", 10) == NULL);
    CHECK(number_word_digits("the", 3) == NULL);
    CHECK(number_word_digits("fourteenx", 8) != NULL); /* only the first n bytes count */
    CHECK(number_is_digits("19", 2) && number_is_digits("250", 3) && number_is_digits("2150", 4));
    CHECK(!number_is_digits("1999", 4) && !number_is_digits("2024", 4)); /* years */
    CHECK(!number_is_digits("14th", 4) && !number_is_digits("", 0));
    int hundred = 0, dozen = 0;
    const char *w;
    for (size_t i = 0; (w = number_figure_word(i)); i++)
        hundred |= !strcmp(w, "hundred"), dozen |= !strcmp(w, "dozen");
    CHECK(hundred && dozen);
}

/* Index of the model sentence whose text starts with prefix, or 0 (a
 * failed check). */
static size_t sentence(const fixture *f, const char *prefix)
{
    long i = find_sentence(f, prefix);
    CHECK(i >= 0);
    return i < 0 ? 0 : (size_t)i;
}

TEST(a_question_about_a_count_is_answered_by_the_count_of_what_it_asks)
{
    fixture f;
    fixture_open(&f, HOSTAGE, 2);
    CHECK(f.ok && model_set_query(&f.m, f.tk, "How many of its citizens are missing?") == NF_OK);
    CHECK(f.m.query_answer == QUERY_ANSWER_COUNT);
    CHECK(f.m.nquery == 2); /* citizens, missing ("many" only asks) */
    /* Both query words and the figure next to them: the whole question. */
    CHECK_NEAR(f.m.query_rel[sentence(&f, "The Kestrian foreign ministry")], 1.0, 1e-9);
    /* A figure with none of the question's words answers nothing of it. */
    CHECK(f.m.query_rel[sentence(&f, "The gunmen, who arrived in two")] == 0);
    CHECK(f.m.query_rel[sentence(&f, "Armed men stormed")] == 0);
    /* Without the count cue, the figure is no part of the answer. */
    CHECK(model_set_query(&f.m, f.tk, "missing citizens") == NF_OK);
    CHECK(f.m.query_answer == QUERY_ANSWER_ANY);
    CHECK_NEAR(f.m.query_rel[sentence(&f, "The Kestrian foreign ministry")], 1.0, 1e-9);
    /* A question the reports do not answer: no sentence answers it. */
    CHECK(model_set_query(&f.m, f.tk, "How many tanks were destroyed?") == NF_OK);
    for (size_t i = 0; i < f.m.nsents; i++)
        CHECK(f.m.query_rel[i] == 0);
    fixture_close(&f);
}

TEST(a_query_about_a_count_moves_the_summary_to_the_sentence_giving_it)
{
    char *plain = summary_of(HOSTAGE, 2, NULL, "60", NULL);
    char *asked = summary_of(HOSTAGE, 2, NULL, "60", "How many of its citizens are missing?");
    char *unanswered = summary_of(HOSTAGE, 2, NULL, "60", "How many tanks were destroyed?");
    CHECK(plain && !strstr(plain, "eleven of its citizens"));
    CHECK(asked && strstr(asked, "eleven of its citizens were missing"));
    /* in proportion to the answer: a question the reports leave open
     * leaves the summary as it was */
    CHECK(plain && unanswered && !strcmp(plain, unanswered));
    free(plain), free(asked), free(unanswered);
}

TEST(numbers_in_words_and_digits_are_one_term_in_update_mode)
{
    fixture f;
    fixture_open_seen(&f, FERRY_NEW, 2, FERRY_READ);
    const msent *read = &f.m.sents[sentence(&f, "Fourteen people were killed when")];
    const msent *now = &f.m.sents[sentence(&f, "14 people were killed when")];
    CHECK(read->seen && !now->seen);
    CHECK(f.m.toks[read->tok] == f.m.toks[now->tok]); /* "fourteen" is "14" */
    fixture_close(&f);
    /* Without reports read, the words stay as written. */
    fixture_open(&f, FERRY_NEW, 2);
    CHECK(f.m.toks[f.m.sents[sentence(&f, "Fourteen people were killed on")].tok] !=
          f.m.toks[f.m.sents[sentence(&f, "14 people were killed when")].tok]);
    fixture_close(&f);
}

TEST(novelty_against_the_read_report_is_low_for_a_restatement)
{
    fixture f;
    fixture_open_seen(&f, FERRY_NEW, 2, FERRY_READ);
    concepts c;
    double *nov = calloc(f.m.nsents ? f.m.nsents : 1, sizeof *nov);
    CHECK(f.ok && nov && concepts_build(&c, &f.m, 6) == 0 && concepts_novelty(&c, nov) == 0);
    double old_words = nov[sentence(&f, "Fourteen people were killed on")];
    double news = nov[sentence(&f, "Police detained the captain")];
    /* (shared concepts: "fourteen people", "people were", "were killed",
     * "on monday", "the ferry", "off port", "port sallan") */
    CHECK(old_words < 0.8 && news > 0.95);
    /* the restatement in digits is a near-duplicate of the read sentence:
     * it never reaches a summary, and its novelty is not computed (1) */
    CHECK(f.m.sents[sentence(&f, "14 people were killed when")].dup_of >= 0);
    concepts_free(&c);
    free(nov);
    fixture_close(&f);
    /* Nothing read: everything is new. */
    fixture_open(&f, FERRY_NEW, 2);
    nov = calloc(f.m.nsents ? f.m.nsents : 1, sizeof *nov);
    CHECK(f.ok && nov && concepts_build(&c, &f.m, 6) == 0 && concepts_novelty(&c, nov) == 0);
    for (size_t i = 0; nov && i < f.m.nsents; i++)
        CHECK(nov[i] == 1);
    concepts_free(&c);
    free(nov);
    fixture_close(&f);
}

TEST(an_update_does_not_present_a_figure_already_read_as_news)
{
    char *fresh = summary_of(FERRY_NEW, 2, NULL, "50", NULL);
    char *update = summary_of(FERRY_NEW, 2, FERRY_READ, "50", NULL);
    /* Read nothing: the first toll is part of the story. */
    CHECK(fresh && strstr(fresh, "were killed"));
    /* Read the first report: the toll of fourteen is no news, the new
     * toll is. */
    CHECK(update && !strstr(update, "were killed") && !strstr(update, "14 people"));
    CHECK(update && strstr(update, "rose to 19"));
    free(fresh), free(update);
}

int main(void)
{
    RUN(number_words_have_digits);
    RUN(a_question_about_a_count_is_answered_by_the_count_of_what_it_asks);
    RUN(a_query_about_a_count_moves_the_summary_to_the_sentence_giving_it);
    RUN(numbers_in_words_and_digits_are_one_term_in_update_mode);
    RUN(novelty_against_the_read_report_is_low_for_a_restatement);
    RUN(an_update_does_not_present_a_figure_already_read_as_news);
    TEST_EXIT();
}
