/* Figure sheet tests for the counts the gold format puts in scope beyond
 * casualties (issue 14, mention recall): outcomes of troops sent, places
 * attacked, people present, the charged; counts that point back ("the two
 * men"); and what stays out (names, counts of no one affected). Invented
 * sentences about invented events. */
#include "facts/facts.h"
#include "newsfuse.h"
#include "test.h"
#include <stdlib.h>

/* What the sheet says of one figure: its event, class and whether it is
 * grouped; event "-" when there is no figure written `text` (the nth). */
typedef struct seen {
    char event[32], counted[32], kind[16];
    int grouped;
    double low;
} seen;

static seen look(const char *const *reports, size_t n, const char *text, int nth)
{
    seen s = {"-", "-", "-", 0, -1};
    nf_docset *ds = nf_docset_new();
    for (size_t i = 0; i < n; i++)
        nf_docset_add(ds, NULL, NULL, NULL, reports[i], strlen(reports[i]));
    nf_facts_sheet *sh = NULL;
    nf_facts(ds, NULL, &sh);
    nf_figure f;
    for (size_t i = 0; sh && i < nf_facts_figure_count(sh); i++)
        if (nf_facts_figure(sh, i, &f, sizeof f) == NF_OK && !strcmp(f.text, text) && nth-- == 0) {
            snprintf(s.event, sizeof s.event, "%s", f.event);
            snprintf(s.counted, sizeof s.counted, "%s", f.counted);
            snprintf(s.kind, sizeof s.kind, "%s", f.kind);
            s.grouped = f.group >= 0, s.low = f.low;
            break;
        }
    nf_facts_free(sh);
    nf_docset_free(ds);
    return s;
}

/* Checks the event of figure `text` (the nth) in a one-report text and
 * that it is grouped exactly when it has an event. */
static void want(const char *report, const char *text, int nth, const char *event)
{
    seen s = look(&report, 1, text, nth);
    if (strcmp(s.event, event))
        fprintf(stderr, "  \"%s\" in \"%s\": event \"%s\", want \"%s\"\n", text, report, s.event, event);
    CHECK_STR(s.event, event);
    CHECK(s.grouped == (event[0] && event[0] != '-'));
}

/* Checks the kind of figure `text` in a one-report text. */
static void want_kind(const char *report, const char *text, const char *kind)
{
    seen s = look(&report, 1, text, 0);
    CHECK_STR(s.kind, kind);
}

/* Checks that no figure written `text` (the nth) is grouped. */
static void want_out(const char *report, const char *text, int nth)
{
    seen s = look(&report, 1, text, nth);
    if (s.grouped)
        fprintf(stderr, "  \"%s\" in \"%s\" is grouped (%s %s)\n", text, report, s.event, s.counted);
    CHECK(!s.grouped);
}

TEST(definite_counts_point_back)
{
    /* "the two" restates the report's earlier count of two */
    want("Police in Varn arrested two men on Saturday. The two men were suspected of smuggling.", "two", 1,
         "arrested");
    want("Police in Varn arrested two men on Saturday. A judge said the two would appear on Monday.", "two", 1,
         "arrested");
    /* another value, or another class, is not a restatement */
    want("Police in Varn arrested two men on Saturday. The three men were suspected of smuggling.", "three", 0,
         "");
    want("Police in Varn arrested two men on Saturday. The two countries signed a treaty.", "two", 1, "");
}

TEST(number_words_in_names)
{
    want("She was taken to Three Rivers Hospital with minor injuries.", "Three", 0, "-");
    want("He walked into the Two Harbours Centre building.", "Two", 0, "-");
    want("Three miners were rescued on Sunday.", "Three", 0, "rescued");
}

TEST(outcome_nouns_and_forms)
{
    want("The army made the arrest of 40 persons in January.", "40", 0, "arrested");
    want("The union welcomed the release of seven youth leaders.", "seven", 0, "freed");
    /* a noun of an outcome with its own subject governs no count after it */
    want("His arrest was prompted by a request from two foreign judges.", "two", 0, "");
    want("The shelling sent tens of thousands of civilians fleeing.", "tens of thousands of", 0, "displaced");
    want("Border officials said some 20,000 villagers had sought refuge there.", "some 20,000", 0, "displaced");
    want("The guards will be assisted by thousands of agents from the capital.", "thousands of", 0, "deployed");
    want("Police said two people were taken into custody.", "two", 0, "arrested");
    want("A police spokesman said that no arrest has been made.", "no", 0, "arrested");
    want("The number of agents in the county has been doubled to about 80.", "about 80", 0, "deployed");
    want("Dozens of FBI agents searched the house on Monday.", "Dozens of", 0, "deployed");
    want("Two FBI agents were injured in the raid.", "Two", 0, "injured");
    want("Agents interviewed some 200 possible suspects.", "some 200", 0, "");
}

TEST(money_written_around_the_number)
{
    want_kind("The robber took 80,000 Hong Kong dollars and killed four people.", "80,000", "money");
    want_kind("They seized goods worth 1.3 million yuan (some 160,000 U.S. dollars).", "some 160,000", "money");
    want_kind("The gang stole 370,000 yuan-worth of goods and injured two guards.", "370,000", "money");
    want_kind("The reward was raised to dlrs 1 million for information leading to his arrest.", "1 million", "money");
}

TEST(totals_at_the_scene)
{
    want("Police estimate that at least 350 were on the walkway when it fell.", "at least 350", 0, "present");
    want("About 400 students were at the dance on the second floor.", "About 400", 0, "present");
    want("Witnesses said hundreds of people had crowded onto the pier.", "hundreds of", 0, "present");
    want("Ten ships were in the area where the submarine sank.", "Ten", 0, "present");
    want("Police said all four of the people in the car were questioned.", "four", 0, "aboard");
    want("The fate of her two relatives, who were also on board, was unclear.", "two", 0, "aboard");
    /* a state is not a place, and an outcome of the sentence comes first */
    want("The couple had two children, who were in their father's custody.", "two", 0, "");
    want("Doctors said the three were in good health.", "three", 0, "");
    want("Five miners were in hospital on Monday.", "Five", 0, "hospitalized");
}

TEST(buildings_an_attack_struck)
{
    want("The gunman killed nine people at two brokerage firms.", "two", 0, "attacked");
    want("We saw the attack against the two embassies.", "two", 0, "attacked");
    /* a setting where nothing violent happened is no count of the affected */
    want("The inspectors visited two brokerage firms on Monday.", "two", 0, "");
    /* "two or even three attacks" count attacks, not what they struck */
    const char *attacks = "This may be the first of two or even possibly three attacks on embassies.";
    CHECK(!look(&attacks, 1, "two", 0).grouped);
}

TEST(animals_and_agents)
{
    want("Rangers shot dead a lion near the park.", "a", 0, "killed");
    want("The lion lunged at a passing rider in the town.", "a", 0, "attacked");
    /* the subject of an active verb acts: no count of one */
    const char *mauled = "On Monday a lion mauled a pedestrian near the park.";
    CHECK_STR(look(&mauled, 1, "a", 0).counted, "pedestrian");
    CHECK_STR(look(&mauled, 1, "a", 1).event, "-");
}

TEST(appositions_lists_and_parts)
{
    want("More than 20 people, including a woman, have been arrested on suspicion of spying.", "More than 20", 0,
         "arrested");
    want("More than 20 people, including a woman, have been arrested on suspicion of spying.", "a", 0,
         "arrested");
    want("Although an estimated 400 people, most aged 13 to 18, were at the dance, the hall was small.",
         "an estimated 400", 0, "present");
    want("They planned a rescue of the hostages, three Britons and a New Zealander.", "three", 0, "held");
    want("They planned a rescue of the hostages, three Britons and a New Zealander.", "a", 0, "held");
    want("The cause of death for both deceased was smoke.", "both", 0, "killed");
    want("She injured the five children - three girls and two boys - on Friday.", "three", 0, "injured");
    want("She injured the five children - three girls and two boys - on Friday.", "two", 0, "injured");
    want("About 15 rescue vessels and warships were sent to the area.", "About 15", 0, "deployed");
    /* "one of" is one person, unless an outcome verb acts on it */
    want("Officials had caught one of the captors on Monday.", "one", 0, "arrested");
    want("Some 50 demonstrators on Thursday held a protest outside the offices.", "Some 50", 0, "involved");
    want("The father of one of the captors spoke on Monday.", "one", 0, "");
    want("The Kursk, one of Russia's most modern submarines, sank in 2000 with 118 aboard.", "one", 0, "");
    /* a verb read as a noun is no class: "the two" still points back */
    want("Police arrested two converts on Friday. The two admitted that they had trained abroad.", "two", 1,
         "arrested");
}

TEST(occurrences_are_not_counts)
{
    const char *stabbed = "She was stabbed four times in the chest.";
    CHECK(!look(&stabbed, 1, "four", 0).grouped);
}

TEST(abbreviations_and_that)
{
    want("Two U.S. soldiers were killed on Monday.", "Two", 0, "killed");
    want("A U.N. official was injured in the blast.", "A", 0, "injured");
    want("The president said that one alleged kidnapper had been arrested.", "one", 0, "arrested");
    want_out("There was that one charging case that melted.", "one", 0);
    want_out("A motorist who had pulled over stopped her.", "A", 0);
    want("A motorist who was pulled from the river survived.", "A", 0, "rescued");
    /* "U.S." and "American" name one nationality: one group */
    const char *two[] = {"Two U.S. soldiers were killed on Monday.", "Officials said two American soldiers died."};
    nf_docset *ds = nf_docset_new();
    for (size_t i = 0; i < 2; i++)
        nf_docset_add(ds, NULL, NULL, NULL, two[i], strlen(two[i]));
    nf_facts_sheet *sh = NULL;
    nf_facts(ds, NULL, &sh);
    CHECK(sh && nf_facts_group_count(sh) == 1);
    nf_facts_free(sh);
    nf_docset_free(ds);
}

TEST(ages_and_quotes_inside_a_count)
{
    want("Police said she burned the five 2-year-olds at the centre.", "five", 0, "injured");
    want("She \"caused injury\" to the five 2-year-old children, police said.", "five", 0, "injured");
    want("The film told of the murder of the rapper Jeriko One by two officers.", "One", 0, "-");
    /* a definite count does not point back at counts of no one affected */
    want("She faces five counts of battery. Police said the five were not related.", "five", 1, "");
}

TEST(members_of_a_team)
{
    want("Police arrested a three-member gang on Friday.", "three-member", 0, "arrested");
    want("Israel sent a 120-staff rescue group to the city.", "120-staff", 0, "deployed");
    want_kind("The ship dropped a 60-metre anchor.", "60-metre", "measure");
    /* a noun of an outcome before another noun only names it */
    want("Three submarines and five submersible attack vessels circled the wreck.", "five", 0, "");
}

TEST(what_the_new_outcomes_leave_out)
{
    want_out("The 18-member parole board rejected the appeal.", "18-member", 0);
    want_out("The virus sends out 60 e-mails to 50 people in the address book.", "50", 0);
    want_out("The studio set June 9 for the release of season five.", "five", 0);
    want_out("He is pulling out of \"50 Shades of Grey\" this week.", "50", 0);
    want_out("She had to keep her phone on \"24/7\" to assist clients.", "7", 0);
    want_kind("He spent the past 3 \xc2\xbd years in custody.", "3", "duration");
    want_kind("He was charged in 2004 as he tried to flee the state.", "2004", "year");
    want_out("These are two ideas that have come under sharp attack.", "two", 0);
    want_out("The novel relies on the musings of a dead, omniscient narrator.", "a", 0);
    want_out("Because only three officers are on duty, calls went unanswered.", "three", 0);
    want_out("Two of the plants are in Essex County and one is in Kent County.", "one", 0);
    want_out("A jury of 10 men was seated on Monday.", "10", 0);
    want_out("The utility released a list of 40 commercial accounts.", "40", 0);
    want_out("A 10 milligram drop on the skin can kill an adult.", "10", 0);
    want_out("He died in the town of Tunbridge Wells in 1761 after a long illness.", "1761", 0);
    want_out("He was taken to hospital by a cop, one who was not involved in the shooting.", "one", 0);
    want_out("The score guides critical recommendation for millions of fans.", "millions of", 0);
    want_out("Her father and two family friends arrived at the hospital late on Monday.", "two", 0);
    want_out("A relative of one of those aboard said they were waiting.", "one", 1);
    want_out("There are far fewer than 1,000 examples of past missing airplanes.", "fewer than 1,000", 0);
    want_out("It is inconceivable that no innocent people have been executed.", "no", 0);
    want_out("He said there were three likely possibilities for those agents.", "three", 0);
    /* a definite count whose own verb differs from the earlier count's */
    want("Gunmen killed two officials. The two officials, named in reports, who ran the depot, were "
         "arrested.",
         "two", 1, "");
}

int main(void)
{
    RUN(abbreviations_and_that);
    RUN(what_the_new_outcomes_leave_out);
    RUN(members_of_a_team);
    RUN(ages_and_quotes_inside_a_count);
    RUN(appositions_lists_and_parts);
    RUN(occurrences_are_not_counts);
    RUN(totals_at_the_scene);
    RUN(buildings_an_attack_struck);
    RUN(animals_and_agents);
    RUN(outcome_nouns_and_forms);
    RUN(money_written_around_the_number);
    RUN(definite_counts_point_back);
    RUN(number_words_in_names);
    TEST_EXIT();
}
