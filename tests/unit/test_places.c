/* The gazetteer (data/facts/gazetteer.tsv) and the noun classes
 * (data/facts/aliases.txt): names, nationality words and cities to their
 * country, as written and in ALL-CAPS text; the longest name at a word of a
 * sentence; which counted nouns may name the same people; and the data
 * files' own consistency. */
#include "facts/facts.h"
#include "test.h"
#include <string.h>

/* gaz_country on a NUL-terminated name. */
static const char *country(const lexicon *lx, const char *name)
{
    return gaz_country(lx, name, strlen(name));
}

/* alias_class on a NUL-terminated noun. */
static const char *noun_class(const lexicon *lx, const char *noun)
{
    return alias_class(lx, noun, strlen(noun));
}

/* Checks gaz_at at the word of s whose text starts at byte `at`: the
 * country it returns (NULL for none) and the words it spans. */
static void check_at(const lexicon *lx, const char *s, const char *at, const char *want, size_t want_words)
{
    word w[64];
    size_t nw = words_split(s, strlen(s), 0, w, 64), i = 0, start = (size_t)(strstr(s, at) - s), n = 99;
    while (i < nw && w[i].start != start)
        i++;
    CHECK(i < nw);
    const char *got = gaz_at(lx, s, w, nw, i, &n);
    if (want)
        CHECK_STR(got, want);
    else
        CHECK(got == NULL);
    if (n != want_words)
        fprintf(stderr, "  \"%s\" in \"%s\": %zu words, want %zu\n", at, s, n, want_words);
    CHECK(n == want_words);
}

TEST(names_as_written)
{
    const lexicon *lx = lexicon_get();
    CHECK(lx != NULL);
    if (!lx)
        return;
    CHECK_STR(country(lx, "Tanzanian"), "Tanzania");
    CHECK_STR(country(lx, "Nairobi"), "Kenya");
    CHECK_STR(country(lx, "El Salvador's"), "El Salvador");
    CHECK_STR(country(lx, "Britons"), "Britain");
    CHECK_STR(country(lx, "U.S."), "United States");
    CHECK_STR(country(lx, "United Kingdom"), "Britain");
    CHECK_STR(country(lx, "Filipinos"), "Philippines");
    CHECK_STR(country(lx, "Dutch"), "Netherlands");
    CHECK_STR(country(lx, "Sri Lanka"), "Sri Lanka");
    CHECK_STR(country(lx, "New York"), "United States");
    CHECK_STR(country(lx, "São Paulo"), "Brazil");
    CHECK_STR(country(lx, "Côte d'Ivoire"), "Ivory Coast");
    CHECK_STR(country(lx, "Kenya\xE2\x80\x99s"), "Kenya");  /* curly apostrophe */
    CHECK_STR(country(lx, "Philippines'"), "Philippines"); /* plural possessive */
    CHECK_STR(country(lx, "Cox's Bazar"), "Bangladesh");   /* the "'s" is the name's own */
    CHECK_STR(country(lx, "Gaza"), "Palestine");
    /* A name of another sense than the usual is not guessed at. */
    CHECK(country(lx, "Tuesday") == NULL);
    CHECK(country(lx, "Gunmen") == NULL);
    CHECK(country(lx, "Korea") == NULL);     /* two countries */
    CHECK(country(lx, "Jerusalem") == NULL); /* its status is unresolved */
    CHECK(country(lx, "Gulf of Aden") == NULL);
    CHECK(country(lx, "") == NULL);
    CHECK(gaz_country(NULL, "Kenya", 5) == NULL);
    /* Only the first n bytes count. */
    CHECK_STR(gaz_country(lx, "Kenyans and", 7), "Kenya");
}

TEST(case_counts_except_in_capitals)
{
    const lexicon *lx = lexicon_get();
    if (!lx)
        return;
    CHECK_STR(country(lx, "NAIROBI"), "Kenya");
    CHECK_STR(country(lx, "NEW YORK"), "United States");
    CHECK_STR(country(lx, "IRAN"), "Iran"); /* a country name of any length */
    CHECK_STR(country(lx, "KENYA'S"), "Kenya");
    CHECK(country(lx, "nairobi") == NULL); /* lower case is not a name */
    CHECK(country(lx, "china") == NULL);   /* the porcelain */
    CHECK(country(lx, "Nairobi's") != NULL);
    /* Short capitals are mostly acronyms: NICE is a British health body,
     * not Nice, France. */
    CHECK_STR(country(lx, "Nice"), "France");
    CHECK(country(lx, "NICE") == NULL);
    CHECK_STR(country(lx, "US"), "United States");
    CHECK(country(lx, "Us") == NULL);
}

TEST(longest_name_at_a_word)
{
    const lexicon *lx = lexicon_get();
    if (!lx)
        return;
    const char *s = "Gunmen in El Salvador's capital San Salvador killed 12 Britons, the U.S. embassy said.";
    check_at(lx, s, "El Salvador", "El Salvador", 2);
    check_at(lx, s, "San Salvador", "El Salvador", 2);
    check_at(lx, s, "Britons", "Britain", 1);
    check_at(lx, s, "U.S.", "United States", 2); /* "U.S" and its period */
    check_at(lx, s, "Gunmen", NULL, 0);
    check_at(lx, s, "capital", NULL, 0);
    /* A dateline in capitals, then the country as written. */
    check_at(lx, "NAIROBI, Kenya (AP) - Police said.", "NAIROBI", "Kenya", 1);
    check_at(lx, "NAIROBI, Kenya (AP) - Police said.", "Kenya", "Kenya", 1);
    /* A curly possessive is three words; a line break is a space. */
    check_at(lx, "Kenya\xE2\x80\x99s police said.", "Kenya", "Kenya", 1); /* one word, as "Kenya's" */
    check_at(lx, "flooding in New\nYork City killed two", "New", "United States", 3);
    check_at(lx, "Sri Lanka's navy", "Sri", "Sri Lanka", 2);
    /* The longest name wins: not Guinea, not Mexico. */
    check_at(lx, "in Papua New Guinea on Monday", "Papua", "Papua New Guinea", 3);
    check_at(lx, "in New Mexico on Monday", "New", "United States", 2);
    /* A name in no one country spans its words, so "Aden" is not read. */
    check_at(lx, "pirates in the Gulf of Aden seized", "Gulf", NULL, 3);
    check_at(lx, "across Latin America", "Latin", NULL, 2);
}

TEST(nouns_that_may_name_the_same_people)
{
    const lexicon *lx = lexicon_get();
    if (!lx)
        return;
    const char *attackers = noun_class(lx, "gunmen");
    CHECK(attackers != NULL);
    CHECK_STR(noun_class(lx, "kidnappers"), attackers ? attackers : "?");
    CHECK_STR(noun_class(lx, "hostage-takers"), attackers ? attackers : "?");
    CHECK_STR(noun_class(lx, "sailors"), "crew");
    CHECK_STR(noun_class(lx, "crew"), "crew");
    CHECK_STR(noun_class(lx, "Crew  Members"), "crew"); /* any case, one space */
    CHECK_STR(noun_class(lx, "troops"), "soldiers");
    CHECK_STR(noun_class(lx, "policemen"), "police");
    CHECK_STR(noun_class(lx, "captives"), "hostages");
    CHECK_STR(noun_class(lx, "toddlers"), "children");
    CHECK_STR(noun_class(lx, "victims"), "people");
    /* Rebels are a side in a war, not the attackers of one attack. */
    CHECK(noun_class(lx, "rebels") != NULL);
    CHECK(attackers && noun_class(lx, "rebels") && strcmp(noun_class(lx, "rebels"), attackers));
    CHECK(noun_class(lx, "pilots") && strcmp(noun_class(lx, "pilots"), "crew"));
    CHECK(noun_class(lx, "tables") == NULL);
    CHECK(noun_class(lx, "") == NULL);
    CHECK(alias_class(NULL, "gunmen", 6) == NULL);
}

/* Every country a line names has its own line; names that differ only in
 * case agree on their country (ALL-CAPS text could not tell them apart);
 * every line's kind is known. */
TEST(gazetteer_is_consistent)
{
    const lexicon *lx = lexicon_get();
    if (!lx)
        return;
    const lex_table *t = &lx->gaz;
    size_t countries = 0;
    CHECK(t->n > 2000);
    for (size_t i = 0; i < t->n; i++) {
        const lex_entry *e = &t->items[i];
        CHECK(e->role >= GAZ_COUNTRY && e->role <= GAZ_NOT);
        countries += e->role == GAZ_COUNTRY;
        if (e->role == GAZ_NOT)
            CHECK_STR(e->val, "-");
        else if (!country(lx, e->val) || strcmp(country(lx, e->val), e->val))
            fprintf(stderr, "  %s -> %s: no such country\n", e->key, e->val), test_failed_ = 1;
        size_t n = strlen(e->key);
        if (i && strlen(t->items[i - 1].key) == n && !lex_fold_ncmp(t->items[i - 1].key, e->key, n) &&
            strcmp(t->items[i - 1].val, e->val))
            fprintf(stderr, "  %s and %s: two countries\n", t->items[i - 1].key, e->key), test_failed_ = 1;
    }
    CHECK(countries >= 193); /* every UN member, and territories */
    CHECK(lexicon_get() == lx); /* loaded once */
}

int main(void)
{
    RUN(names_as_written);
    RUN(case_counts_except_in_capitals);
    RUN(longest_name_at_a_word);
    RUN(nouns_that_may_name_the_same_people);
    RUN(gazetteer_is_consistent);
    TEST_EXIT();
}
