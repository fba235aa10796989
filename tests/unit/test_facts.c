/* Figure sheet tests: hand-written sentences for every number form, kind,
 * event, attribution, part-of-whole, revised against conflict; the bundled
 * example's planted disagreements; allocation failures. */
#include "facts/facts.h"
#include "newsfuse.h"
#include "test.h"
#include "test_alloc.h"
#include <stdlib.h>

/* Every figure read here is of this version's struct (its size argument:
 * tests/unit/test_api.c tests other sizes). */
#define nf_facts_figure(sh, i, out) (nf_facts_figure)(sh, i, out, sizeof *(out))

/* A sheet of the given reports (dates may be NULL). */
static nf_facts_sheet *sheet_of(nf_docset **ds, const char *const *texts, const char *const *dates, size_t n)
{
    *ds = nf_docset_new();
    for (size_t i = 0; i < n; i++)
        nf_docset_add(*ds, NULL, NULL, dates ? dates[i] : NULL, texts[i], strlen(texts[i]));
    nf_facts_sheet *sh = NULL;
    nf_facts(*ds, NULL, &sh);
    return sh;
}

/* The first figure whose text is `text` (as written), or -1. */
static long find_figure(const nf_facts_sheet *sh, const nf_docset *ds, const char *text, nf_figure *out)
{
    (void)ds; /* the sheet keeps its set */
    for (size_t i = 0; i < nf_facts_figure_count(sh); i++)
        if (nf_facts_figure(sh, i, out) == NF_OK && !strcmp(out->text, text))
            return (long)i;
    return -1;
}

/* The label of the group counting (event, counted, modifier), or NULL. */
static const char *group_label(const nf_facts_sheet *sh, const char *event, const char *counted,
                               const char *modifier)
{
    for (size_t g = 0; g < nf_facts_group_count(sh); g++) {
        const char *e, *c, *m, *l;
        nf_facts_group(sh, g, &e, &c, &m, &l, NULL);
        if (!strcmp(e, event) && !strcmp(c, counted) && !strcmp(m, modifier))
            return l;
    }
    return NULL;
}

/* The label of the group holding the figure written text, or NULL. */
static const char *label_at(const nf_facts_sheet *sh, const nf_docset *ds, const char *text)
{
    nf_figure f;
    const char *e, *c, *m, *l = NULL;
    if (find_figure(sh, ds, text, &f) < 0 || f.group < 0)
        return NULL;
    nf_facts_group(sh, (size_t)f.group, &e, &c, &m, &l, NULL);
    return l;
}

/* Checks one figure of a one-sentence report: value, qualifier, kind. */
static void check_one(const char *sentence, const char *text, double lo, double hi, const char *qual,
                      const char *kind)
{
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &sentence, NULL, 1);
    nf_figure f;
    long i = find_figure(sh, ds, text, &f);
    if (i < 0)
        fprintf(stderr, "  no figure \"%s\" in \"%s\"\n", text, sentence);
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_NEAR(f.low, lo, 1e-9);
        CHECK_NEAR(f.high, hi, 1e-9);
        CHECK_STR(f.qualifier, qual);
        CHECK_STR(f.kind, kind);
    }
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(number_forms)
{
    check_one("Rebels freed 23 hostages.", "23", 23, -1, "exact", "count");
    check_one("Police said 1,000 people were evacuated.", "1,000", 1000, -1, "exact", "count");
    check_one("Tens of thousands of civilians fled the fighting.", "Tens of thousands of", 10000, 99999, "vague", "count");
    check_one("Hundreds of thousands of people were displaced.", "Hundreds of thousands of", 100000, 999999, "vague", "count");
    check_one("The flood displaced 3.5 million people.", "3.5 million", 3.5e6, -1, "exact", "count");
    check_one("Twenty-three miners were rescued.", "Twenty-three", 23, -1, "exact", "count");
    check_one("A dozen soldiers were arrested.", "A dozen", 12, -1, "exact", "count");
    check_one("Two hundred and fifty people were evacuated.", "Two hundred and fifty", 250, -1, "exact", "count");
    check_one("Hundreds of people were injured.", "Hundreds of", 200, 1999, "vague", "count");
    check_one("Several dozen people were injured.", "Several dozen", 24, 108, "vague", "count");
    check_one("At least 40 people were killed.", "At least 40", 40, -1, "at_least", "count");
    check_one("About 100 people were injured.", "About 100", 100, -1, "about", "count");
    check_one("More than 600 foreigners were evacuated.", "More than 600", 600, -1, "more_than", "count");
    check_one("Between 30 and 40 people were killed.", "Between 30 and 40", 30, 40, "range", "count");
    check_one("Officials said 12 to 15 people died.", "12 to 15", 12, 15, "range", "count");
}

/* Figures of the number in a one-sentence report whose value is v. */
static size_t figures_valued(const char *sentence, double v)
{
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &sentence, NULL, 1);
    size_t n = 0;
    nf_figure f;
    for (size_t i = 0; i < nf_facts_figure_count(sh); i++)
        n += nf_facts_figure(sh, i, &f) == NF_OK && f.low == v;
    nf_facts_free(sh);
    nf_docset_free(ds);
    return n;
}

/* A number written with an exponent is a computer's, not a count of
 * people: its exponent ("308" of "1E+308") is no figure either. */
TEST(exponents_are_not_counts)
{
    CHECK(figures_valued("1E+308 people were killed.", 308) == 0);
    CHECK(figures_valued("Officials said 2.5e+6 people were evacuated.", 6) == 0);
    CHECK(figures_valued("1E-5 people were killed.", 5) == 0);
    CHECK(figures_valued("The score was 1 + 308 people.", 308) == 1); /* spaced: two numbers */
}

TEST(quantity_kinds)
{
    /* a unit after "more" is still a unit; numbers after "ages" are ages */
    check_one("He is expected to stay in hospital for two more weeks.", "two", 2, -1, "exact", "duration");
    check_one("The ages of the arrested ranged from 28 to 70.", "28", 28, -1, "exact", "age");
    check_one("The ages of the arrested ranged from 28 to 70.", "70", 70, -1, "exact", "age");
    check_one("Police found two more bodies.", "two", 2, -1, "exact", "count");
    check_one("He is accused of killings between 1973 and 1983.", "between 1973 and 1983", 1973, 1983, "range", "year");
    check_one("He treated between 350 to 400 people.", "between 350 to 400", 350, 400, "range", "count");
    check_one("The siege lasted four days.", "four", 4, -1, "exact", "duration");
    check_one("The bank lost $5 million last year.", "5 million", 5e6, -1, "exact", "money");
    check_one("Only 47 percent of students passed.", "47", 47, -1, "exact", "percent");
    check_one("The bridge fell at about 9.40 p.m. on Saturday.", "about 9.40", 9.4, -1, "about", "time");
    check_one("The bridge was built in 1962 by the council.", "1962", 1962, -1, "exact", "year");
    check_one("A 60-metre walkway gave way.", "60-metre", 60, -1, "exact", "measure");
    check_one("Dara Finn, 54, said she rowed out.", "54", 54, -1, "exact", "age");
    check_one("The talks resume on Wednesday.", "Wednesday", -1, -1, "exact", "date");
    check_one("EgyptAir Flight 990 crashed into the sea.", "990", 990, -1, "exact", "id");
    check_one("The quake struck at 3:00 am and thousands were injured.", "3", 3, -1, "exact", "time");
}

/* The event and counted class of the figure written `text`. */
static void check_event(const char *sentence, const char *text, const char *event, const char *counted,
                        const char *modifier)
{
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &sentence, NULL, 1);
    nf_figure f;
    long i = find_figure(sh, ds, text, &f);
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_STR(f.event, event);
        CHECK_STR(f.counted, counted);
        CHECK_STR(f.modifier, modifier);
    }
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(event_types)
{
    check_event("Gunmen killed 12 villagers overnight.", "12", "killed", "villager", "");
    check_event("The attack left 30 dead.", "30", "killed", "people", "");
    check_event("Nine people died in the crash.", "Nine", "killed", "people", "");
    check_event("The army freed 23 foreign hostages.", "23", "freed", "hostages", "foreign");
    check_event("Four British citizens were released on Monday.", "Four", "freed", "people", "britain");
    check_event("Six citizens of Estmark are still missing.", "Six", "missing", "people", "estmark");
    check_event("Five Estmarkians were unaccounted for.", "Five", "missing", "people", "estmark");
    check_event("At least 12 people were killed and 37 injured.", "37", "injured", "people", "");
    check_event("Police said 40 protesters were wounded.", "40", "injured", "protester", "");
    check_event("The militants are holding 41 hostages.", "41", "held", "hostages", "");
    check_event("Police arrested 14 men after the riot.", "14", "arrested", "men", "");
    check_event("About 3,000 residents were evacuated.", "About 3,000", "evacuated", "people", "");
    check_event("Of the 162 injured, 76 remain in hospital.", "76", "hospitalized", "people", "");
    check_event("Killing at least 60 people and injuring about 180.", "at least 60", "killed", "people", "");
    check_event("A dispute on July 12 left seven people dead.", "seven", "killed", "people", "");
    check_event("There have been five confirmed deaths and several dozen cases of infection.", "five", "killed",
                "people", "");
    check_event("There have been five confirmed deaths and several dozen cases of infection.", "several dozen",
                "infected", "case", "");
    check_event("Four dead crows found in New Jersey tested positive.", "Four", "killed", "crow", "");
    check_event("None of the 178 insects he has collected were infected.", "178", "infected", "insect", "");
    /* a count "on board" is of those aboard, unless a verb before it acts on them */
    check_event("All the 217 people on board are feared dead.", "217", "aboard", "people", "");
    check_event("The airliner disappeared a month ago with 239 people on board.", "239", "aboard", "people", "");
    check_event("None of the 13 workers aboard was seriously injured.", "13", "aboard", "worker", "");
    check_event("The crash killed all 109 people on board.", "109", "killed", "people", "");
    check_event("Police arrested eight men aboard a helicopter.", "eight", "arrested", "men", "");
    /* "held a protest" holds an occasion, not people (the demonstrators took part:
     * involved, test_facts_recall.c); "rounded up", "fell ill", "felled" */
    check_event("Some 50 demonstrators on Thursday held a protest outside the offices.", "Some 50", "involved",
                "demonstrator", "");
    check_event("Rebels held the 23 hostages for four days.", "23", "held", "hostages", "");
    /* outcomes of issue 14: sent, attacked, charged, and an attack word before "dead" */
    check_event("About 15 rescue vessels were sent to the area.", "About 15", "deployed", "vessel", "rescue");
    check_event("The lion mauled two tourists.", "two", "attacked", "tourist", "");
    check_event("Two women were charged in connection with the incident.", "Two", "charged", "women", "");
    check_event("Rangers shot dead three lions.", "three", "killed", "lion", "");
    check_event("The toll jumped to 50 on Monday.", "50", "killed", "people", "");
    check_event("Authorities rounded up nearly 3,000 suspected plotters.", "nearly 3,000", "arrested", "plotter",
                "suspected");
    check_event("Samples from 77 people who fell ill would be tested again.", "77", "infected", "people", "");
    check_event("The virus has felled scores of birds in the region.", "scores of", "killed", "bird", "");
    check_event("Officials said 29 people were released from area hospitals.", "29", "discharged", "people", "");
    check_event("The rebels released 12 hostages on Sunday.", "12", "freed", "hostages", "");
    check_event("Two soldiers were critically injured.", "Two", "critical", "soldier", "");
    const char *outside = "About 1,500 Kurds who spent the night outside a military hospital went on strike.";
    nf_docset *ds2;
    nf_facts_sheet *sh2 = sheet_of(&ds2, &outside, NULL, 1);
    nf_figure f2;
    CHECK(find_figure(sh2, ds2, "About 1,500", &f2) >= 0 && !strcmp(f2.event, "")); /* not hospitalized */
    nf_facts_free(sh2);
    nf_docset_free(ds2);
    check_event("About 20 people were taken to a hospital near the site.", "About 20", "hospitalized", "people", "");
    check_event("Officials say 161 civilians or security forces were killed during the coup.", "161", "killed",
                "civilian", "");
    check_event("The bombing killed 12 people or more, and police arrested 3 men.", "12", "killed", "people", "");
    /* a relative clause between the count and its verb is skipped */
    check_event("All 29 victims of the blast, which rocked a crowded and busy street, have been released from "
                "area hospitals.", "29", "discharged", "people", "");
    check_event("The crash killed all 109 people on board and four people on the ground.", "four", "killed",
                "people", "");
    /* "one of the two people": an individual, the two a count */
    const char *one = "She was one of the two people injured in the blast.";
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &one, NULL, 1);
    nf_figure f;
    CHECK(find_figure(sh, ds, "one", &f) >= 0 && f.group < 0);
    CHECK(find_figure(sh, ds, "two", &f) >= 0 && !strcmp(f.event, "injured"));
    nf_facts_free(sh);
    nf_docset_free(ds);
}

/* The value, event and counted class of the figure written `text`, which
 * must exist and be grouped. */
static void check_det(const char *sentence, const char *text, double lo, double hi, const char *event,
                      const char *counted)
{
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &sentence, NULL, 1);
    nf_figure f;
    long i = find_figure(sh, ds, text, &f);
    if (i < 0)
        fprintf(stderr, "  no figure \"%s\" in \"%s\"\n", text, sentence);
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_NEAR(f.low, lo, 1e-9);
        CHECK_NEAR(f.high, hi, 1e-9);
        CHECK_STR(f.event, event);
        CHECK_STR(f.counted, counted);
        CHECK(f.group >= 0);
    }
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(counts_without_a_number)
{
    /* an article before a person beside an outcome verb is one */
    check_det("The bombing killed an off-duty policeman.", "an", 1, -1, "killed", "policeman");
    check_det("The blast seriously injured a nurse.", "a", 1, -1, "injured", "nurse");
    check_det("A Dane was killed in the collapse.", "A", 1, -1, "killed", "people");
    check_det("Several police officers had been killed overnight.", "Several", 3, 9, "killed", "officer");
    check_det("The march ended with nearly 100 arrests and several injuries.", "several", 3, 9, "injured",
              "people");
    check_det("He pulled to safety several people.", "several", 3, 9, "rescued", "people");
    check_det("Police said the couple both died of strangulation.", "both", 2, -1, "killed", "people");
    check_det("The bombs went off but nobody was injured.", "nobody", 0, -1, "injured", "people");
    check_det("No deaths were reported.", "No", 0, -1, "killed", "people");
    check_det("None of the 13 workers aboard was seriously injured.", "None", 0, -1, "injured", "worker");
    /* ... and nothing otherwise */
    const char *none[] = {"A spokesman said the talks failed.", "The son of a farmer was killed.",
                          "A man who killed three people was arrested.", "It quoted an expert involved in it.",
                          "The blasts were designed to cause no casualties.",
                          "Problems were serious in both 2004 and 2005.", "No ship was involved in the collision.",
                          "He made a few calls."};
    for (size_t k = 0; k < sizeof none / sizeof *none; k++) {
        nf_docset *ds;
        nf_facts_sheet *sh = sheet_of(&ds, &none[k], NULL, 1);
        nf_figure f;
        for (size_t i = 0; i < nf_facts_figure_count(sh); i++)
            if (nf_facts_figure(sh, i, &f) == NF_OK && f.group >= 0 && f.low <= 1) {
                fprintf(stderr, "  \"%s\" grouped in \"%s\"\n", f.text, none[k]);
                CHECK(0);
            }
        nf_facts_free(sh);
        nf_docset_free(ds);
    }
}

TEST(attribution_and_time)
{
    const char *texts[] = {
        "At least 12 people were killed on Saturday night, officials said.",
        "Five citizens were missing, according to the Estmarkian consulate.",
        "\"It is terrible,\" said Mayor Kovach, adding that 37 people were hurt.",
        "The interior ministry said 23 hostages were freed earlier."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 4);
    nf_figure f;
    CHECK(find_figure(sh, ds, "At least 12", &f) >= 0);
    CHECK_STR(f.speaker, "officials");
    CHECK_STR(f.time, "on Saturday night");
    CHECK(find_figure(sh, ds, "Five", &f) >= 0);
    CHECK_STR(f.speaker, "the Estmarkian consulate");
    CHECK(find_figure(sh, ds, "37", &f) >= 0);
    CHECK_STR(f.speaker, "Mayor Kovach");
    CHECK(find_figure(sh, ds, "23", &f) >= 0);
    CHECK_STR(f.speaker, "The interior ministry");
    CHECK_STR(f.time, "earlier");
    nf_facts_free(sh);
    nf_docset_free(ds);

    const char *clauses[] = {
        "Five people are missing, the consulate said, friends who came on Saturday morning.",
        "Six people are missing, the ministry said in a statement on Monday.",
        "On Friday, police said 59 bodies were found."};
    sh = sheet_of(&ds, clauses, NULL, 3);
    CHECK(find_figure(sh, ds, "Five", &f) >= 0);
    CHECK_STR(f.time, "");
    CHECK(find_figure(sh, ds, "Six", &f) >= 0);
    CHECK_STR(f.time, "on Monday");
    CHECK(find_figure(sh, ds, "59", &f) >= 0);
    CHECK_STR(f.time, "On Friday");
    CHECK_STR(f.speaker, "police");
    nf_facts_free(sh);
    nf_docset_free(ds);

    const char *participles[] = {"A strain never before reported in the city is to blame for three deaths.",
                                 "There have been five confirmed deaths in the area.",
                                 "The agency TT reported 190 people were taken to hospitals."};
    sh = sheet_of(&ds, participles, NULL, 3);
    CHECK(find_figure(sh, ds, "three", &f) >= 0);
    CHECK_STR(f.speaker, "");
    CHECK(find_figure(sh, ds, "five", &f) >= 0);
    CHECK_STR(f.speaker, "");
    CHECK(find_figure(sh, ds, "190", &f) >= 0);
    CHECK_STR(f.speaker, "The agency TT");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(part_of_whole_is_not_a_conflict)
{
    const char *texts[] = {"Four of the 18 BP employees were killed, the company said.",
                           "Four BP employees were killed in the attack.",
                           "The militants held 107 foreign and 685 Algerian hostages."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 3);
    nf_figure f, whole;
    long part = find_figure(sh, ds, "Four", &f);
    CHECK(part >= 0);
    CHECK(f.part_of >= 0);
    CHECK_STR(f.event, "killed");
    CHECK(nf_facts_figure(sh, (size_t)f.part_of, &whole) == NF_OK);
    CHECK_NEAR(whole.low, 18, 0);
    CHECK_STR(group_label(sh, "killed", "employee", "bp"), "agree");
    CHECK_STR(group_label(sh, "held", "hostages", "alger"), "single");
    CHECK(find_figure(sh, ds, "107", &f) >= 0);
    CHECK_STR(f.modifier, "foreign");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(revised_against_conflict)
{
    const char *cue[] = {"Twelve people were killed in the blast.", "The death toll rose to 14 on Monday."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, cue, NULL, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "revised");
    nf_facts_free(sh);
    nf_docset_free(ds);

    const char *plain[] = {"Twelve people were killed in the blast.", "Fourteen people were killed in the blast."};
    sh = sheet_of(&ds, plain, NULL, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "conflict");
    nf_facts_free(sh);
    nf_docset_free(ds);

    const char *dates[] = {"2013-01-17", "2013-01-19"};
    sh = sheet_of(&ds, plain, dates, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "revised");
    nf_facts_free(sh);
    nf_docset_free(ds);

    const char *same[] = {"Twelve people were killed in the blast.", "At least 12 people were killed."};
    sh = sheet_of(&ds, same, NULL, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "agree");
    nf_facts_free(sh);
    nf_docset_free(ds);

    const char *past[] = {"Twelve people were killed in the blast.",
                          "In 1978, 20 people were killed in a similar blast."};
    sh = sheet_of(&ds, past, NULL, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "single");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

/* The label of the killed/people group of two undated reports. */
static const char *label_of_two(const char *a, const char *b, const char *event)
{
    const char *texts[] = {a, b};
    static char label[16];
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 2);
    const char *l = group_label(sh, event, "people", "");
    snprintf(label, sizeof label, "%s", l ? l : "(none)");
    nf_facts_free(sh);
    nf_docset_free(ds);
    return label;
}

/* The number of groups of two undated reports. */
static size_t groups_of_two(const char *a, const char *b)
{
    const char *texts[] = {a, b};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 2);
    size_t n = sh ? nf_facts_group_count(sh) : 0;
    nf_facts_free(sh);
    nf_docset_free(ds);
    return n;
}

TEST(one_set_named_two_ways)
{
    /* the same event and value, "people" and a class of people: one set */
    CHECK_STR(label_of_two("Police arrested nine activists on Thursday.",
                           "Nine people were arrested, the police said.", "arrested"), "agree");
    CHECK(groups_of_two("Police arrested nine activists on Thursday.", "Nine people were arrested.") == 1);
    /* different values say nothing of the names */
    CHECK(groups_of_two("Police arrested nine activists.", "Police arrested eight people.") == 2);
    /* not people: never one set */
    CHECK(groups_of_two("Four dead crows were found in the park.", "Four people died of the virus.") == 2);
    /* the same small count named two ways is still one set, as the annotators
     * read it ("two nurses" and "two people" killed: one pair) */
    CHECK(groups_of_two("Two soldiers were killed.", "Two people were killed.") == 1);
    /* men or women say who the people are, not their part: "four men" may
     * be the four hostages, but not four women */
    CHECK(groups_of_two("The bodies of four men were found on the road.", "Four hostages were killed.") == 1);
    CHECK(groups_of_two("Five women were killed in the fire.", "Five passengers were killed in the fire.") == 1);
    CHECK(groups_of_two("Four men were killed in the raid.", "Four women were killed in the raid.") == 2);
    /* sex and origin are two ways of saying who, not two sets */
    CHECK(groups_of_two("Four foreigners were killed in the raid.", "Four hostages were killed.") == 1);
    CHECK(groups_of_two("The bodies of four men were found on the road.", "Four foreigners were killed.") == 1);
    /* nationalities stay apart even with the generic class between them */
    CHECK(groups_of_two("Five Estmarkians were killed.", "Five Brysians were killed.") == 2);
}

TEST(places_split_a_group)
{
    nf_docset *ds;
    const char *texts[] = {"Eight soldiers were arrested in Greece.", "Officials said 1,563 soldiers were arrested across Turkey.",
                           "Police said 12 soldiers were arrested."};
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 3);
    CHECK(sh && nf_facts_group_count(sh) == 3);
    CHECK_STR(group_label(sh, "arrested", "soldier", ""), "single");
    nf_figure f;
    CHECK(find_figure(sh, ds, "Eight", &f) >= 0 && strstr(f.place, "Greece"));
    CHECK(find_figure(sh, ds, "12", &f) >= 0 && !strcmp(f.place, ""));
    nf_facts_free(sh);
    nf_docset_free(ds);
    /* a country as the subject of the verb; one place alone splits nothing */
    CHECK(groups_of_two("Neighboring Greece arrested eight soldiers.", "Turkey arrested 1,563 soldiers.") == 2);
    CHECK(groups_of_two("At least 224 people were killed in Kenya.", "The bombing killed 247 people.") == 1);
    /* cities and states are not places here: one story names its city and its country */
    CHECK(groups_of_two("Five people died in New York City.", "Six people died in Boston.") == 1);
}

TEST(approximations_cover_five_percent)
{
    /* "about N" is a rounding: within 5% of the larger value it agrees,
     * beyond that another source's count disagrees. */
    CHECK_STR(label_of_two("About 180 people were taken to hospital.", "190 people were taken to hospital.",
                           "hospitalized"), "conflict");
    CHECK_STR(label_of_two("About 180 people were taken to hospital.", "185 people were taken to hospital.",
                           "hospitalized"), "agree");
    CHECK_STR(label_of_two("Nearly 3,000 people were arrested.", "Police arrested 2,900 people.", "arrested"),
              "agree");
    CHECK_STR(label_of_two("Nearly 3,000 people were arrested.", "Police arrested 2,700 people.", "arrested"),
              "conflict");
    /* A loose bound admits both values, which still differ from each other. */
    const char *texts[] = {"The group has killed more than 750 people.", "About 750 people were killed.",
                           "The group has killed almost 800 people since 1968."};
    const char *dates[] = {"1996-06-25", "1996-07-03", "1998-09-02"};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, dates, 3);
    CHECK_STR(group_label(sh, "killed", "people", ""), "revised");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(one_statement_is_single_restatements_agree)
{
    /* single is one statement; the same count in two sentences of one
     * report is restated, and agrees */
    const char *two[] = {"The storm killed 14 people. The 14 people were killed in the harbour district."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, two, NULL, 1);
    CHECK_STR(group_label(sh, "killed", "people", ""), "agree");
    nf_facts_free(sh);
    nf_docset_free(ds);
    const char *one[] = {"Police said 14 people were killed, and officials also said 14 people were killed."};
    sh = sheet_of(&ds, one, NULL, 1);
    CHECK_STR(group_label(sh, "killed", "people", ""), "single");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(compatible_approximations_agree)
{
    /* with nothing ordering them, values one count may have agree: a range
     * and a rounding inside it, a vague amount and a bound inside it */
    CHECK_STR(label_of_two("About 300 or 400 people were inside the terminal, police said.",
                           "Witnesses said about 400 people were inside the terminal.", "inside"),
              "agree");
    CHECK_STR(label_of_two("Dozens of people were injured in the blast.",
                           "At least 30 people were injured in the blast.", "injured"),
              "agree");
    CHECK_STR(label_of_two("A total of 4,299 people were killed under the regime, the commission said.",
                           "The regime was responsible for killing at least 4,000 people.", "killed"),
              "agree");
    /* a newer, looser figure restates the older one; a newer count inside
     * an older lower bound is a toll that grew */
    const char *loose[] = {"A total of 4,299 people were killed under the regime, the commission said.",
                           "The regime was responsible for killing at least 4,000 people."};
    const char *dates[] = {"1999-01-10", "1999-01-12"};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, loose, dates, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "agree");
    nf_facts_free(sh);
    nf_docset_free(ds);
    const char *grew[] = {"At least 60 people were killed in the fire.", "The fire killed 65 people."};
    sh = sheet_of(&ds, grew, dates, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "revised");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(parts_of_one_total_are_two_counts)
{
    /* four and five of one report that gives their sum, nine, are two
     * counts; other reports' four and five do not join them into one */
    const char *texts[] = {"The gunman killed nine people. Four people were dead within minutes. Five died there.",
                           "Four people were killed at the first office.",
                           "Five people were killed at the second office."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 3);
    nf_figure four, five;
    CHECK(find_figure(sh, ds, "Four", &four) >= 0 && find_figure(sh, ds, "Five", &five) >= 0);
    CHECK(four.group >= 0 && five.group >= 0 && four.group != five.group);
    CHECK_STR(label_at(sh, ds, "Four"), "agree");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(two_sources_of_one_report_dispute_a_count)
{
    /* a report seldom gives two values of one count, unless two sources
     * give them: then they are one count, disputed */
    const char *texts[] = {"Police said eight people were arrested at the gates on Thursday. "
                           "According to organiser Dana Moss, nine people were arrested.",
                           "At least nine activists were arrested at the gates."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 2);
    nf_figure a, b;
    CHECK(find_figure(sh, ds, "eight", &a) >= 0 && find_figure(sh, ds, "nine", &b) >= 0);
    CHECK(a.group >= 0 && a.group == b.group);
    CHECK_STR(label_at(sh, ds, "eight"), "conflict");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(undated_reports_hold_at_the_latest_time_they_name)
{
    /* an undated report was written no earlier than the latest time it
     * names: "as of Friday evening" comes after a briefing on Friday
     * morning, so its toll is the newer one */
    const char *texts[] = {"A fire at a ferry terminal killed at least 60 people. At a briefing on Friday morning, "
                           "police said the search went on.",
                           "The fire at the ferry terminal killed 65 people. The cause had not been found as of "
                           "Friday evening."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "revised");
    nf_figure f;
    CHECK(find_figure(sh, ds, "65", &f) >= 0);
    CHECK(nf_facts_group_count(sh) == 1);
    nf_facts_free(sh);
    nf_docset_free(ds);
    /* a day still to come is no time the report has seen */
    CHECK_STR(label_of_two("Sixty people were killed in the fire. The victims will be buried on Sunday.",
                           "The fire killed 65 people. Police closed the road on Saturday.", "killed"),
              "conflict");
    /* a count said of a later day than an undated report names is newer */
    CHECK_STR(label_of_two("The fire killed 60 people. The cause was not known as of Friday evening.",
                           "The fire killed 62 people, officials said on Saturday.", "killed"),
              "revised");
    /* nor is a count said of a day of its own older than an undated
     * report's count because that report names a later day: the day may
     * be the event's */
    CHECK_STR(label_of_two("Police arrested eight people on Thursday.",
                           "At least nine people were arrested. The protest went on until Friday evening.",
                           "arrested"),
              "conflict");
    /* "Friday" may be any time of Friday: nothing orders it against
     * "Friday morning" */
    CHECK_STR(label_of_two("Police said on Friday that 60 people were killed in the fire.",
                           "Police said on Friday morning that 65 people were killed in the fire.", "killed"),
              "conflict");
}

/* The group index of the figure written `text` (-1: not grouped). */
static long group_of(const char *sentence, const char *text, int nth)
{
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &sentence, NULL, 1);
    nf_figure f;
    long g = -2;
    for (size_t i = 0; i < nf_facts_figure_count(sh); i++)
        if (nf_facts_figure(sh, i, &f) == NF_OK && !strcmp(f.text, text) && nth-- == 0) {
            g = f.group;
            break;
        }
    nf_facts_free(sh);
    nf_docset_free(ds);
    return g;
}

TEST(what_is_not_a_count_of_the_affected)
{
    check_one("Three to five people are hospitalized every week.", "Three to five", 3, 5, "range", "rate");
    check_one("The quake had a magnitude of 7.5 near the coast.", "7.5", 7.5, -1, "exact", "measure");
    /* buildings an attack struck are in scope (attacked: test_facts_recall.c) */
    CHECK(group_of("He killed nine people at two brokerage firms.", "two", 0) >= 0);
    CHECK(group_of("He killed nine people at two brokerage firms.", "nine", 0) >= 0);
    CHECK(group_of("The slayings at the two brokerage firms shocked Atlanta.", "two", 0) >= 0);
    CHECK(group_of("The father of one of the missing men spoke.", "one", 0) == -1);
    /* people with no outcome of their own: involved when they act in the event
     * or are the total of a part the sentence gives; present when they were
     * at a place (FIGURES_GOLD.md's scope: "300 spectators on the bridge") */
    check_event("As many as 600 people were at the campground when the women were killed.", "As many as 600",
                "present", "people", "");
    check_event("Four gunmen stormed the building.", "Four", "involved", "gunman", "");
    check_event("Police estimate 300 spectators were on the bridge, and 12 of them were killed.", "300",
                "present", "spectator", "");
    check_event("Police estimate 300 spectators were on the bridge.", "300", "present", "spectator", "");
    check_event("Police estimate 300 spectators gathered, and 12 of them were killed.", "300", "involved",
                "spectator", "");
    /* ... but not sources, families, populations, limits, things or one person */
    CHECK(group_of("Two officials, speaking on condition of anonymity, said the talks failed.", "Two", 0) == -1);
    CHECK(group_of("The couple had two children.", "two", 0) == -1);
    /* the charges of a case count no one */
    CHECK(group_of("She was charged with five felony counts of battery.", "five", 0) == -1);
    CHECK(group_of("He faces three charges of fraud.", "three", 0) == -1);
    CHECK(group_of("Police charged three men with fraud.", "three", 0) >= 0);
    /* things seized are not people held */
    CHECK(group_of("Police held 49 guns and 545 bullets in the raid.", "49", 0) == -1);
    /* places are where it happened, not who it happened to */
    CHECK(group_of("In one village, 45 people died in the earthquake.", "one", 0) == -1);
    CHECK(group_of("In one village, 45 people died in the earthquake.", "45", 0) >= 0);
    CHECK(group_of("Goteborg is a city of 435,000 people.", "435,000", 0) == -1);
    CHECK(group_of("Inspectors limited the bridge to 200 people at a time.", "200", 0) == -1);
    CHECK(group_of("Ten ships sailed from the base.", "Ten", 0) == -1);
    CHECK(group_of("One passenger was told to leave his bag.", "One", 0) == -1);
    CHECK(group_of("He had intended to kill at least three more people.", "at least three", 0) == -1);
    CHECK(group_of("In 1978, 20 people died in a hotel fire.", "20", 0) == -1);
    CHECK(group_of("The group has killed 800 people since 1968.", "800", 0) >= 0); /* to this day */
    CHECK(group_of("It was the worst fire since 1978, when 20 people died.", "20", 0) == -1);
    CHECK(group_of("That is double the count of 2015, when 21 cases were confirmed.", "21", 0) == -1);
    CHECK(group_of("Last month, security forces killed 60 protesters.", "60", 0) == -1);
    const char *rise = "This year 32 cases were confirmed, up on last year, when seven cases were confirmed.";
    CHECK(group_of(rise, "32", 0) >= 0);
    CHECK(group_of(rise, "seven", 0) == -1);
    CHECK(group_of("The 1996 Nobel Peace Prize winner said 11 people were killed.", "11", 0) >= 0);
}

TEST(parts_across_sentences_and_lists)
{
    const char *text = "At least 265 people were killed. An official said 161 of them were civilians, "
                       "while the remaining 104 were coup supporters. "
                       "The general said more than 190 people died in clashes: 41 police officers, "
                       "two soldiers, 47 civilians and 104 coup plotters.";
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &text, NULL, 1);
    nf_figure f, whole;
    CHECK(find_figure(sh, ds, "161", &f) >= 0);
    CHECK(f.part_of >= 0 && nf_facts_figure(sh, (size_t)f.part_of, &whole) == NF_OK && whole.low == 265);
    CHECK_STR(f.event, "killed");
    CHECK(find_figure(sh, ds, "104", &f) >= 0);
    CHECK(f.part_of >= 0 && nf_facts_figure(sh, (size_t)f.part_of, &whole) == NF_OK && whole.low == 265);
    CHECK(find_figure(sh, ds, "41", &f) >= 0);
    CHECK(f.part_of >= 0 && nf_facts_figure(sh, (size_t)f.part_of, &whole) == NF_OK && whole.low == 190);
    CHECK_STR(f.event, "killed");
    CHECK(find_figure(sh, ds, "47", &f) >= 0);
    CHECK(f.part_of >= 0);
    nf_facts_free(sh);
    nf_docset_free(ds);
    /* A colon inside a time opens no list. */
    CHECK(group_of("At 3:00 am 12 people were killed.", "12", 0) >= 0);
}

TEST(appositions_and_participles)
{
    check_event("At least 60 people, most of them civilians, have been killed.", "At least 60", "killed", "people",
                "");
    check_event("Troops moved in, arresting some 130 soldiers.", "some 130", "arrested", "soldier", "");
    CHECK(group_of("It took the lives of five people, and it happened in one of our cars.", "one", 0) == -1);
}

TEST(members_count_with_their_body)
{
    const char *texts[] = {"Police detained two members of the Constitutional Court.",
                           "Police detained 754 members of the armed forces."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 2);
    CHECK_STR(group_label(sh, "arrested", "member", "constitutional court"), "single");
    CHECK_STR(group_label(sh, "arrested", "member", "armed forces"), "single");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(lists_and_inclusions)
{
    const char *incl = "The 217 people on board, including 15 crew members and 62 Egyptian passengers, are missing.";
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &incl, NULL, 1);
    nf_figure f, whole;
    CHECK(find_figure(sh, ds, "15", &f) >= 0);
    CHECK(f.part_of >= 0 && nf_facts_figure(sh, (size_t)f.part_of, &whole) == NF_OK && whole.low == 217);
    CHECK(find_figure(sh, ds, "62", &f) >= 0);
    CHECK(f.part_of >= 0);
    CHECK_STR(f.modifier, "egypt");
    nf_facts_free(sh);
    nf_docset_free(ds);
    check_event("The foreigners arrested include six Iraqis, six Sudanese and a Turk.", "six", "arrested", "people", "iraq");
    CHECK(group_of("The foreigners arrested include six Iraqis, six Sudanese and a Turk.", "six", 1) >= 0);
}

TEST(update_cues_speak_for_earlier_reports_only)
{
    const char *later_plain[] = {"The death toll rose to 14 on Monday.", "Twelve people were killed in the blast."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, later_plain, NULL, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "conflict");
    nf_facts_free(sh);
    nf_docset_free(ds);
    const char *bound[] = {"The blast injured more than two dozen people.", "The blast injured 29 people."};
    sh = sheet_of(&ds, bound, NULL, 2);
    CHECK_STR(group_label(sh, "injured", "people", ""), "agree");
    nf_facts_free(sh);
    nf_docset_free(ds);
    const char *parts[] = {"He killed nine people. Four people were dead within minutes. Five died there.",
                           "Barton killed nine people in two offices."};
    sh = sheet_of(&ds, parts, NULL, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "agree");
    /* the components of a total are counts of their own, not the total's */
    nf_figure f, nine;
    CHECK(find_figure(sh, ds, "nine", &nine) >= 0 && nine.component == 0);
    CHECK(find_figure(sh, ds, "Four", &f) >= 0);
    CHECK(f.group >= 0 && f.group != nine.group);
    nf_facts_free(sh);
    nf_docset_free(ds);
    const char *earlier[] = {"Police earlier had reported 65 dead.", "Police said 60 people were killed."};
    sh = sheet_of(&ds, earlier, NULL, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "revised");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

/* The cue of the figure written `text` in a one-sentence report. */
static void check_cue(const char *sentence, const char *text, const char *cue)
{
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &sentence, NULL, 1);
    nf_figure f;
    CHECK(find_figure(sh, ds, text, &f) >= 0);
    if (strcmp(f.cue, cue))
        fprintf(stderr, "  cue \"%s\", want \"%s\" in \"%s\"\n", f.cue, cue, sentence);
    CHECK_STR(f.cue, cue);
    nf_facts_free(sh);
    nf_docset_free(ds);
}

/* The status (and its cue, "" for none) of the figure written `text` in
 * a one-sentence report: the sheet's internal figure, as the JSON has it. */
static void check_status(const char *sentence, const char *text, int status, const char *cue)
{
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &sentence, NULL, 1);
    const figure *f = NULL;
    for (size_t i = 0; sh && i < sh->n && !f; i++)
        if (!strcmp(sh->figs[i].text, text))
            f = &sh->figs[i];
    CHECK(f != NULL);
    if (f && (f->status != status || strcmp(f->status_cue, cue)))
        fprintf(stderr, "  status %s (\"%s\"), want %s (\"%s\") in \"%s\"\n", facts_status_name(f->status),
                f->status_cue, facts_status_name(status), cue, sentence);
    CHECK(f && f->status == status && !strcmp(f->status_cue, cue));
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(status_of_each_figure)
{
    check_status("At least 12 people were killed on Saturday.", "At least 12", ST_CURRENT, "");
    /* previous: agrees with the update cue, both ways */
    check_status("The toll rose to 14, up from 12.", "12", ST_PREVIOUS, "up from");
    check_status("Police had said 12 people were killed.", "12", ST_PREVIOUS, "had said");
    check_cue("Police had said 12 people were killed.", "12", "previous");
    check_status("The team was doubled from its previous size of 35 agents.", "35", ST_PREVIOUS, "previous");
    /* projected, feared (only when no death is asserted), claimed */
    check_status("Officials said the toll could rise to 50.", "50", ST_PROJECTED, "could rise");
    check_status("Some 300 people are expected to be evacuated.", "Some 300", ST_PROJECTED, "expected to");
    check_status("The army is expected to free 40 hostages.", "40", ST_PROJECTED, "expected to");
    check_status("All 217 people on board are feared dead.", "217", ST_FEARED, "feared dead");
    check_status("Rescuers fear for the lives of five climbers.", "five", ST_FEARED, "fear for");
    check_status("Five people were killed and rescuers feared more were trapped.", "Five", ST_CURRENT, "");
    check_status("Rebels claimed they had killed 30 soldiers.", "30", ST_CLAIMED, "claimed they");
    check_status("ETA claimed responsibility for the bomb that killed 12 people.", "12", ST_CURRENT, "");
    check_status("The crash claimed 109 lives.", "109", ST_CURRENT, "");
    /* negated: a count of none, or a denial */
    check_status("The bombs went off but nobody was injured.", "nobody", ST_NEGATED, "nobody");
    check_status("None of the 13 workers aboard was seriously injured.", "13", ST_CURRENT, "");
    check_status("The army denied that 20 civilians were killed.", "20", ST_NEGATED, "denied");
    /* hypothetical: a condition, a supposition, an intention */
    check_status("If 20 more people die, the toll will be the worst.", "20", ST_HYPOTHETICAL, "If");
    check_status("A collapse would kill 1,000 people.", "1,000", ST_HYPOTHETICAL, "would");
    check_status("He had intended to kill at least three more people.", "at least three", ST_HYPOTHETICAL,
                 "to kill");
    /* a cue of another clause says nothing of this one */
    check_status("If the dam breaks, officials said, 20 people were evacuated.", "20", ST_CURRENT, "");
    check_status("In April and May, 7,556 homes lost water.", "7,556", ST_CURRENT, "");
    check_status("Five of the victims could not escape the flames.", "Five", ST_CURRENT, "");
}

TEST(cues_speak_for_their_clause)
{
    check_cue("Atlanta is reeling from earlier shootings, including a dispute that left seven people dead.",
              "seven", "");
    check_cue("His family was slain earlier in the week at the firm where five of his victims died.", "five", "");
    check_cue("Earlier, officials said 12 people were killed.", "12", "previous");
    check_cue("According to the latest figures, 247 people were killed.", "247", "update");
    check_cue("At least 23 hostages were killed, raising the toll from an earlier count of 12.", "12", "previous");
    check_cue("At least 23 hostages were killed, raising the toll from an earlier count of 12.", "At least 23",
              "update");
    /* "now" where it governs the number, not a narrative "now" */
    check_cue("The death toll is now 65, officials said.", "65", "update");
    check_cue("Officials now say 65 people were killed.", "65", "update");
    check_cue("Now he was alone in a flat with three bodies.", "three", "");
    check_cue("Detectives have now taken over the inquiry into the deaths of two men.", "two", "");
}

TEST(two_values_of_one_sentence_are_two_sets)
{
    /* Different places in one sentence: neither revises the other. */
    const char *texts[] = {"The Tanzanian bombing injured 70 people, while the bombing in Kenya injured 5,000.",
                           "The bombing in Kenya injured more than 5,000 people."};
    const char *dates[] = {"1998-08-08", "1998-08-09"};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, dates, 2);
    CHECK_STR(label_at(sh, ds, "5,000"), "agree");
    CHECK_STR(label_at(sh, ds, "70"), "single");
    nf_facts_free(sh);
    nf_docset_free(ds);
    const char *moved[] = {"Twelve people were killed in the blast.", "The death toll rose from 12 to 14."};
    sh = sheet_of(&ds, moved, NULL, 2);
    CHECK_STR(group_label(sh, "killed", "people", ""), "revised");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(coordinated_counts_and_parts)
{
    const char *texts[] = {
        "Twelve hostages and 18 attackers were killed on Thursday, according to the state news agency.",
        "Four of the 18 BP employees are unaccounted for, BP said. Five citizens of Norway were missing.",
        "At least 23 hostages were killed, raising the toll from an earlier count of 12. "
        "Special forces freed 685 Algerian and 107 foreign hostages.",
        "Two of the 18 BP employees remain missing. Six Norwegians are missing. "
        "Cameron said three British citizens were confirmed dead."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 4);
    nf_figure f;
    CHECK(find_figure(sh, ds, "Twelve", &f) >= 0);
    CHECK_STR(f.event, "killed");
    CHECK_STR(f.counted, "hostages");
    CHECK(find_figure(sh, ds, "107", &f) >= 0);
    CHECK_STR(f.event, "freed");
    CHECK(find_figure(sh, ds, "685", &f) >= 0);
    CHECK_STR(f.event, "freed");
    CHECK_STR(f.counted, "hostages");
    CHECK(find_figure(sh, ds, "three", &f) >= 0);
    CHECK_STR(f.speaker, "Cameron");
    CHECK(find_figure(sh, ds, "At least 23", &f) >= 0);
    CHECK_STR(f.cue, "update");
    CHECK_STR(group_label(sh, "killed", "hostages", ""), "revised");
    CHECK_STR(group_label(sh, "missing", "employee", "bp"), "conflict");
    CHECK_STR(group_label(sh, "missing", "people", "norway"), "conflict");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

/* Reads the bundled example's four reports in order. */
static nf_docset *example_docset(void)
{
    static const char *const files[] = {"1-meridian-wire.txt", "2-avelin-courier.txt", "3-nbn-news.txt",
                                        "4-coastline-daily.txt"};
    nf_docset *ds = nf_docset_new();
    for (size_t i = 0; i < 4; i++) {
        char path[256], text[8192];
        snprintf(path, sizeof path, "examples/harbor-collapse/%s", files[i]);
        FILE *f = fopen(path, "rb");
        if (!f)
            return nf_docset_free(ds), NULL;
        size_t n = fread(text, 1, sizeof text, f);
        fclose(f);
        nf_docset_add(ds, files[i], NULL, NULL, text, n);
    }
    return ds;
}

TEST(example_planted_disagreements)
{
    nf_docset *ds = example_docset();
    if (!ds)
        SKIP("examples/harbor-collapse not found (run from the repository root)");
    nf_facts_sheet *sh = NULL;
    CHECK(nf_facts(ds, NULL, &sh) == NF_OK);
    CHECK_STR(group_label(sh, "killed", "people", ""), "revised");
    CHECK_STR(group_label(sh, "injured", "people", ""), "revised");
    /* five on Sunday, six in the ministry's statement on Monday: ordered in
     * time, so a revision (the planted disagreement), not a conflict */
    CHECK_STR(group_label(sh, "missing", "people", "estmark"), "revised");
    char *out = NULL;
    size_t len = 0;
    CHECK(nf_facts_render(sh, "text", &out, &len) == NF_OK);
    CHECK(out && strstr(out, "12 -> 14") && strstr(out, "37 -> 41") && strstr(out, "5 -> 6"));
    nf_free(out);
    CHECK(nf_facts_render(sh, "json", &out, &len) == NF_OK);
    CHECK(out && strstr(out, "\"schema\": \"" NF_SCHEMA "\"") && strstr(out, "\"label\": \"revised\"") &&
          strstr(out, "6 (report 4, on Monday) is newer than every other value"));
    nf_free(out);
    CHECK(nf_facts_render(sh, "md", &out, &len) == NF_OK);
    CHECK(out && strstr(out, "| Report | Value |"));
    nf_free(out);
    CHECK(nf_facts_render(sh, "html", &out, &len) == NF_EINVAL);
    nf_facts_free(sh);
    nf_docset_free(ds);
}

/* One reading: the sheet of summarize --facts is the sheet nf_facts makes
 * of the same reports under the same options (both read one model), and
 * a report already read is no source of figures. */
TEST(one_reading_for_summary_and_sheet)
{
    nf_docset *ds = example_docset();
    if (!ds)
        SKIP("examples/harbor-collapse not found (run from the repository root)");
    nf_options *o = nf_options_new();
    CHECK(o && nf_options_set(o, "facts", "1") == NF_OK && nf_options_set(o, "max_seconds", "0") == NF_OK);
    nf_summary *s = NULL;
    nf_facts_sheet *alone = NULL;
    CHECK(nf_summarize(ds, o, &s) == NF_OK && nf_facts(ds, o, &alone) == NF_OK);
    char *a = NULL, *b = NULL;
    CHECK(nf_facts_render(alone, "json", &a, NULL) == NF_OK);
    CHECK(nf_summary_render(s, "jsonl", &b, NULL) == NF_OK);
    CHECK(a && b && nf_facts_figure_count(alone) > 10);
    /* The summary's JSON holds the sheet's figures: every figure of the
     * sheet alone is there, at the same offsets. */
    nf_figure f;
    for (size_t i = 0; a && b && i < nf_facts_figure_count(alone); i++) {
        char key[96];
        CHECK(nf_facts_figure(alone, i, &f) == NF_OK);
        snprintf(key, sizeof key, "\"start\":%zu,\"end\":%zu", f.start, f.end);
        CHECK(strstr(b, key) != NULL);
    }
    nf_free(a), nf_free(b);
    nf_summary_free(s), nf_facts_free(alone);
    nf_docset_free(ds);

    ds = nf_docset_new();
    const char *read = "Officials said 12 people were killed in the fire on Monday.";
    const char *now = "Officials said 14 people were killed in the fire on Tuesday.";
    CHECK(nf_docset_add_seen(ds, "old", NULL, NULL, read, strlen(read)) == NF_OK);
    CHECK(nf_docset_add(ds, "new", NULL, NULL, now, strlen(now)) == NF_OK);
    CHECK(nf_facts(ds, o, &alone) == NF_OK);
    CHECK(find_figure(alone, ds, "14", &f) >= 0 && f.doc == 0);
    CHECK(find_figure(alone, ds, "12", &f) < 0);
    nf_facts_free(alone);
    nf_docset_free(ds);
    nf_options_free(o);
}

TEST(a_total_is_no_revision_of_its_part)
{
    /* 113 = 109 on board + 4 on the ground in the later report: a total,
     * not a revision of the 109; two more bodies, though, revise 12 to 14 */
    const char *texts[] = {"All 109 people on board were killed when the jet crashed.",
                           "The crash killed 113 people. It killed 109 people on board and four on the ground."};
    const char *dates[] = {"2000-07-25", "2000-07-26"};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, dates, 2);
    nf_figure a, b;
    CHECK(find_figure(sh, ds, "113", &a) >= 0 && find_figure(sh, ds, "109", &b) >= 0);
    CHECK(a.group >= 0 && b.group >= 0 && a.group != b.group);
    nf_facts_free(sh);
    nf_docset_free(ds);
    const char *more[] = {"Twelve people were killed.", "The toll rose to 14 after divers found two more bodies."};
    sh = sheet_of(&ds, more, NULL, 2);
    CHECK_STR(label_at(sh, ds, "14"), "revised");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(dates_in_the_sentence_order_figures)
{
    /* two reports of one day: the dates their sentences give order them */
    const char *texts[] = {"The death toll reached 300 on Aug. 18, officials said.",
                           "Officials said 250 people were killed by Aug. 16."};
    const char *dates[] = {"1999-08-19", "1999-08-19"};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, dates, 2);
    CHECK_STR(label_at(sh, ds, "250"), "revised");
    nf_facts_free(sh);
    nf_docset_free(ds);
    /* a date of the event ("crashed on Oct. 31, killing 217") is no time
     * of the count: the later report recounts it with the newer toll */
    const char *event[] = {"The crash of the airliner killed 214 people, officials said.",
                           "The airliner crashed on Oct. 31, killing 217 people."};
    const char *later[] = {"1999-11-01", "1999-11-05"};
    sh = sheet_of(&ds, event, later, 2);
    CHECK_STR(label_at(sh, ds, "217"), "revised");
    long cur = -1;
    for (size_t g = 0; g < sh->ngroups; g++)
        if (sh->groups[g].label == LABEL_REVISED)
            cur = sh->groups[g].latest;
    CHECK(cur >= 0 && sh->figs[cur].lo == 217); /* the latest is the later report's */
    nf_facts_free(sh);
    nf_docset_free(ds);
    /* a party's claim is no current count: a later claim revises nothing */
    const char *claim[] = {"Twelve soldiers were killed in the ambush, the army said.",
                           "The rebels claimed they killed 14 soldiers in the ambush."};
    sh = sheet_of(&ds, claim, later, 2);
    CHECK_STR(label_at(sh, ds, "Twelve"), "conflict");
    nf_facts_free(sh);
    nf_docset_free(ds);
    /* a date that opens a period ("since") says when counting began, not
     * when the count holds: nothing orders these */
    const char *since[] = {"Since Aug. 2, 40 people have been arrested.", "Police said 55 people were arrested."};
    sh = sheet_of(&ds, since, dates, 2);
    CHECK_STR(label_at(sh, ds, "40"), "conflict");
    nf_facts_free(sh);
    nf_docset_free(ds);
}

/* The latest toll of the dead of a group, or -1. */
static double latest_of(const nf_facts_sheet *sh, const char *event)
{
    for (size_t g = 0; g < sh->ngroups; g++)
        if (sh->groups[g].latest >= 0 && !strcmp(sh->groups[g].event, event))
            return sh->figs[sh->groups[g].latest].lo;
    return -1;
}

TEST(a_toll_of_the_dead_does_not_fall_without_a_word)
{
    /* a later, smaller number of dead with no word that the toll fell is
     * not taken as the toll (it counts a part: one town, the bodies found
     * so far): the latest stays the larger one, and the reason says why */
    const char *texts[] = {"The earthquake killed 120 people, officials said.",
                           "The earthquake killed 310 people, officials said.",
                           "The earthquake killed 290 people, officials said."};
    const char *dates[] = {"2031-03-02", "2031-03-03", "2031-03-04"};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, dates, 3);
    CHECK_STR(label_at(sh, ds, "310"), "revised");
    CHECK_NEAR(latest_of(sh, "killed"), 310, 0);
    nf_figure f;
    const char *reason = NULL;
    if (find_figure(sh, ds, "310", &f) >= 0 && f.group >= 0)
        reason = sh->groups[f.group].reason;
    CHECK(reason && strstr(reason, "290 (report 3) is later but lower"));
    nf_facts_free(sh);
    nf_docset_free(ds);
    /* with a word that the count fell, the smaller number is the toll */
    const char *lowered[] = {"The earthquake killed 120 people, officials said.",
                             "The earthquake killed 310 people, officials said.",
                             "The death toll was lowered to 290, officials said."};
    sh = sheet_of(&ds, lowered, dates, 3);
    CHECK_NEAR(latest_of(sh, "killed"), 290, 0);
    nf_facts_free(sh);
    nf_docset_free(ds);
    /* the injured may be fewer once counted: no such rule for them */
    const char *hurt[] = {"The blast injured 80 people, officials said.",
                          "The blast injured 64 people, officials said."};
    sh = sheet_of(&ds, hurt, dates, 2);
    CHECK_NEAR(latest_of(sh, "injured"), 64, 0);
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(printed_as_written)
{
    /* speakers whole across a typographic apostrophe, vague amounts without
     * their "of", nationalities as the gazetteer names them, not as stems */
    const char *texts[] = {"Dozens of people were injured, Kenya\xe2\x80\x99s Red Cross said.",
                           "Rescuers said 12 Tanzanians were killed."};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, NULL, 2);
    nf_figure f;
    CHECK(find_figure(sh, ds, "Dozens of", &f) >= 0);
    CHECK_STR(f.speaker, "Kenya\xe2\x80\x99s Red Cross");
    char *out = NULL;
    size_t len = 0;
    CHECK(nf_facts_render(sh, "text", &out, &len) == NF_OK);
    CHECK(out && strstr(out, "injured: people  Dozens\n") && strstr(out, "killed: people (Tanzania)  12") &&
          !strstr(out, "tanzan"));
    nf_free(out);
    nf_facts_free(sh);
    nf_docset_free(ds);
}

/* Nouns and nationalities the sheet has no list for are printed as the
 * reports write them, never as the keys it compares: "militants", not the
 * rule's singular "militant"; "Varnesian", not "varnes"; a group of
 * additions shows them as additions. */
TEST(keys_are_never_printed)
{
    const char *texts[] = {"Officials said 18 kidnappers were killed in the siege.",
                           "The army said 18 militants were killed in the siege.",
                           "Two Varnesian engineers were missing, the embassy said.",
                           "Divers recovered two more bodies from the lake."};
    const char *dates[] = {"2031-05-01", "2031-05-03", "2031-05-03", "2031-05-03"};
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, texts, dates, 4);
    char *out = NULL, *js = NULL;
    CHECK(nf_facts_render(sh, "text", &out, NULL) == NF_OK);
    CHECK(nf_facts_render(sh, "json", &js, NULL) == NF_OK);
    CHECK(out && strstr(out, "killed: kidnappers / militants") != NULL);
    CHECK(out && strstr(out, "(Varnesian)") != NULL && !strstr(out, "(varnes"));
    CHECK(out && !strstr(out, "militant ") && !strstr(out, "kidnapper "));
    CHECK(js && strstr(js, "\"noun\": \"militants\"") && strstr(js, "\"nationality\": \"Varnesian\""));
    nf_free(out), nf_free(js);
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(offsets_point_at_the_figure)
{
    const char *text = "Officials said 23 hostages were freed.";
    nf_docset *ds;
    nf_facts_sheet *sh = sheet_of(&ds, &text, NULL, 1);
    nf_figure f;
    CHECK(find_figure(sh, ds, "23", &f) >= 0);
    CHECK(f.start == 15 && f.end == 17);
    CHECK(f.sentence_start == 0 && f.sentence_end == strlen(text));
    CHECK(nf_facts_figure(sh, 999, &f) == NF_EINVAL);
    nf_facts_free(sh);
    nf_docset_free(ds);

    const char *bad = "\xff Officials said 23 hostages were freed."; /* one invalid byte, repaired */
    sh = sheet_of(&ds, &bad, NULL, 1);
    CHECK(find_figure(sh, ds, "23", &f) >= 0);
    CHECK(f.start == 17 && f.end == 19);
    CHECK(nf_facts_warning_count(sh) == 1);
    CHECK(nf_facts_group_figure(sh, 999, 0) == -1);
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(empty_and_bad_arguments)
{
    nf_docset *ds = nf_docset_new();
    nf_facts_sheet *sh = NULL;
    CHECK(nf_facts(ds, NULL, &sh) == NF_EEMPTY);
    CHECK(sh && nf_facts_figure_count(sh) == 0 && nf_facts_warning_count(sh) == 1);
    nf_facts_free(sh);
    CHECK(nf_facts(NULL, NULL, &sh) == NF_EINVAL);
    nf_docset_free(ds);
    nf_facts_free(NULL);
}

/* Hostile input (issue 12, item 6): nreports reports of n sentences "N
 * people were killed on day N.", two figures each, all of one group. */
static nf_docset *hostile_reports(size_t nreports, size_t n)
{
    char *text = malloc(n * 48);
    size_t len = 0;
    for (size_t i = 1; i <= n; i++)
        len += (size_t)sprintf(text + len, "%zu people were killed on day %zu.\n", i, i);
    nf_docset *ds = nf_docset_new();
    for (size_t r = 0; r < nreports; r++)
        nf_docset_add(ds, NULL, NULL, NULL, text, len);
    free(text);
    return ds;
}

/* The sheet of ds with one option set (key NULL: the defaults). */
static nf_facts_sheet *sheet_with(const nf_docset *ds, const char *key, const char *value)
{
    nf_options *o = nf_options_new();
    if (key)
        CHECK(nf_options_set(o, key, value) == NF_OK);
    nf_facts_sheet *sh = NULL;
    CHECK(nf_facts(ds, o, &sh) == NF_OK);
    nf_options_free(o);
    return sh;
}

/* Returns 1 if a warning of the sheet holds s. */
static int warns(const nf_facts_sheet *sh, const char *s)
{
    for (size_t i = 0; i < nf_facts_warning_count(sh); i++)
        if (strstr(nf_facts_warning(sh, i), s))
            return 1;
    return 0;
}

TEST(limits_cut_a_hostile_sheet)
{
    nf_docset *ds = hostile_reports(7, 1000); /* 14,000 figures */
    nf_facts_sheet *sh = sheet_with(ds, NULL, NULL); /* default cap: 10,000 */
    CHECK(nf_facts_figure_count(sh) == 10000);
    CHECK(warns(sh, "cut at 10000 figures") && warns(sh, "(max_figures is 10000;"));
    CHECK(!warns(sh, "max_seconds") && !warns(sh, "max_sentences"));
    nf_facts_free(sh);

    sh = sheet_with(ds, "max_figures", "101"); /* a sentence is kept whole or not at all */
    CHECK(nf_facts_figure_count(sh) == 100 && warns(sh, "(max_figures is 101;"));
    nf_facts_free(sh);
    sh = sheet_with(ds, "max_figures", "0"); /* no cap: every figure, no warning */
    CHECK(nf_facts_figure_count(sh) == 14000 && nf_facts_warning_count(sh) == 0);
    nf_facts_free(sh);

    sh = sheet_with(ds, "max_sentences", "1500");
    CHECK(nf_facts_figure_count(sh) == 3000 && warns(sh, "input cut at 1500 sentences (max_sentences)"));
    nf_facts_free(sh);
    sh = sheet_with(ds, "max_document_bytes", "3000"); /* 3,000 bytes: 89 sentences a report */
    CHECK(nf_facts_figure_count(sh) < 7 * 200 && warns(sh, "7 document(s) cut at 3000 bytes"));
    nf_facts_free(sh);

    /* The time limit: the first report is begun, the deadline has passed
     * before the second, so six are left unread. */
    sh = sheet_with(ds, "max_seconds", "0.000001");
    CHECK(nf_facts_figure_count(sh) == 2000);
    CHECK(warns(sh, "time limit of 1e-06 s reached") && warns(sh, "6 document(s) left unread (max_seconds)"));
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(allocation_failure_is_reported)
{
    const char *texts[] = {"At least 12 people were killed and 37 injured, officials said.",
                           "The death toll rose to 14 on Monday, the government said."};
    nf_docset *ds;
    nf_facts_sheet *warm = sheet_of(&ds, texts, NULL, 2); /* loads the shared lexicon and cleaner */
    nf_facts_free(warm);
    int failures = 0, successes = 0;
    nf_set_allocator(budget_malloc, budget_realloc, free);
    for (long k = 0; k < 200; k++) {
        nf_facts_sheet *sh = NULL;
        char *out = NULL;
        alloc_budget = k;
        int rc = nf_facts(ds, NULL, &sh);
        if (rc == NF_OK)
            rc = nf_facts_render(sh, k % 2 ? "json" : "text", &out, NULL);
        alloc_budget = -1;
        CHECK(rc == NF_OK || rc == NF_ENOMEM);
        failures += rc == NF_ENOMEM, successes += rc == NF_OK;
        nf_free(out);
        nf_facts_free(sh);
    }
    nf_set_allocator(NULL, NULL, NULL);
    CHECK(failures > 0 && successes > 0);
    nf_docset_free(ds);
}

int main(void)
{
    RUN(number_forms);
    RUN(exponents_are_not_counts);
    RUN(quantity_kinds);
    RUN(event_types);
    RUN(counts_without_a_number);
    RUN(attribution_and_time);
    RUN(part_of_whole_is_not_a_conflict);
    RUN(revised_against_conflict);
    RUN(approximations_cover_five_percent);
    RUN(one_statement_is_single_restatements_agree);
    RUN(compatible_approximations_agree);
    RUN(undated_reports_hold_at_the_latest_time_they_name);
    RUN(a_toll_of_the_dead_does_not_fall_without_a_word);
    RUN(two_sources_of_one_report_dispute_a_count);
    RUN(parts_of_one_total_are_two_counts);
    RUN(one_set_named_two_ways);
    RUN(places_split_a_group);
    RUN(what_is_not_a_count_of_the_affected);
    RUN(parts_across_sentences_and_lists);
    RUN(appositions_and_participles);
    RUN(members_count_with_their_body);
    RUN(lists_and_inclusions);
    RUN(update_cues_speak_for_earlier_reports_only);
    RUN(cues_speak_for_their_clause);
    RUN(status_of_each_figure);
    RUN(two_values_of_one_sentence_are_two_sets);
    RUN(coordinated_counts_and_parts);
    RUN(example_planted_disagreements);
    RUN(one_reading_for_summary_and_sheet);
    RUN(a_total_is_no_revision_of_its_part);
    RUN(dates_in_the_sentence_order_figures);
    RUN(printed_as_written);
    RUN(keys_are_never_printed);
    RUN(offsets_point_at_the_figure);
    RUN(empty_and_bad_arguments);
    RUN(limits_cut_a_hostile_sheet);
    RUN(allocation_failure_is_reported);
    TEST_EXIT();
}
