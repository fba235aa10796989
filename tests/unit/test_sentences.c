/* The sentence segmenter: hand-written hard cases (each an input and the
 * sentences expected, joined by '|'), robustness on hostile bytes, linear
 * time, allocation failure, and the word lists. The cases are our own;
 * the treebank scores live in bench/sentences.sh. */
#include "core/alloc.h"
#include "newsfuse.h"
#include "test.h"
#include "test_alloc.h"
#include "text/sentences.h"
#include "text/sentences_feats.h"
#include "text/sentences_lexicon.h"
#include "text/sentences_model.h"
#include <jansson.h>
#include <stdlib.h>
#include <time.h>

struct split_case {
    const char *in;
    const char *want; /* sentences joined by '|' */
};

/* Returns the sentences of s joined by '|' (a static buffer), or
 * "(error)" when sentences_split fails. */
static const char *split_joined(const char *s, size_t len)
{
    static char buf[4096];
    span_vec v = {0};
    size_t n = 0;
    if (sentences_split(s, len, &v)) {
        span_vec_free(&v);
        return "(error)";
    }
    buf[0] = '\0';
    for (size_t i = 0; i < v.len && n + 2 < sizeof buf; i++) {
        size_t k = v.items[i].end - v.items[i].start;
        if (k > sizeof buf - n - 2)
            k = sizeof buf - n - 2;
        if (i)
            buf[n++] = '|';
        memcpy(buf + n, s + v.items[i].start, k);
        n += k;
        buf[n] = '\0';
    }
    span_vec_free(&v);
    return buf;
}

/* Checks every case of a table; returns how many there were. */
static size_t run_cases(const struct split_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *got = split_joined(c[i].in, strlen(c[i].in));
        if (strcmp(got, c[i].want) != 0) {
            fprintf(stderr, "  case %zu: %s\n    got  %s\n    want %s\n", i, c[i].in, got,
                    c[i].want);
            test_failed_ = 1;
        }
    }
    return n;
}

#define RUN_CASES(table) (cases_total += run_cases(table, sizeof table / sizeof table[0]))
static size_t cases_total;

static const struct split_case basic[] = {
    {"One. Two.", "One.|Two."},
    {"Is it? Yes! Fine.", "Is it?|Yes!|Fine."},
    {"No terminal punctuation at all", "No terminal punctuation at all"},
    {"  Leading and trailing space.   ", "Leading and trailing space."},
    {"Multiple   spaces.    Between them.", "Multiple   spaces.|Between them."},
    {"Tabs\tinside.\tAnd after.", "Tabs\tinside.|And after."},
    {"What?! Really?!", "What?!|Really?!"},
    {"He left.The door closed.", "He left.|The door closed."},
    {"It rained. it poured.", "It rained.|it poured."},
    {"Stop. 2024 was a hard year.", "Stop.|2024 was a hard year."},
    {"The end .", "The end ."},
    {"Wait . Then go .", "Wait .|Then go ."},
};

static const struct split_case abbreviations[] = {
    {"Were Sam and co. at the game?", "Were Sam and co. at the game?"},
    {"Ask Sam and co. They know.", "Ask Sam and co.|They know."},
    {"It is on 3rd st. near the park.", "It is on 3rd st. near the park."},
    {"Mr. Smith arrived. He sat.", "Mr. Smith arrived.|He sat."},
    {"Mrs. Jones and Ms. Lee met Dr. Patel.", "Mrs. Jones and Ms. Lee met Dr. Patel."},
    {"Gen. Mark Milley spoke. Sen. Warren replied.", "Gen. Mark Milley spoke.|Sen. Warren replied."},
    {"Rep. Will Hurd voted no.", "Rep. Will Hurd voted no."},
    {"Gov. Newsom and Lt. Gov. Kounalakis attended.", "Gov. Newsom and Lt. Gov. Kounalakis attended."},
    {"Prof. Chen teaches at the Univ. of Iowa.", "Prof. Chen teaches at the Univ. of Iowa."},
    {"The U.S. economy grew. Europe did not.", "The U.S. economy grew.|Europe did not."},
    {"He moved to the U.S. The move was hard.", "He moved to the U.S.|The move was hard."},
    {"He moved to the U.S. President Biden welcomed him.",
     "He moved to the U.S. President Biden welcomed him."},
    {"The U.K. and the U.N. agreed.", "The U.K. and the U.N. agreed."},
    {"She lives in Washington, D.C. It is humid.", "She lives in Washington, D.C.|It is humid."},
    {"Talks in Washington D.C. drew crowds.", "Talks in Washington D.C. drew crowds."},
    {"He lives at No. 10 Downing St. in London.", "He lives at No. 10 Downing St. in London."},
    {"The answer was no. Nobody asked again.", "The answer was no.|Nobody asked again."},
    {"No. That is wrong.", "No.|That is wrong."},
    {"See Vol. 3, pp. 12-14 and Fig. 2 for details.", "See Vol. 3, pp. 12-14 and Fig. 2 for details."},
    {"Call ext. 4412 today.", "Call ext. 4412 today."},
    {"Apple Inc. said profits rose. Shares fell.", "Apple Inc. said profits rose.|Shares fell."},
    {"He sold it to Apple Inc. The deal closed.", "He sold it to Apple Inc.|The deal closed."},
    {"Acme Corp. Chief Executive Jane Roe resigned.", "Acme Corp. Chief Executive Jane Roe resigned."},
    {"Smith & Co. However, they lost.", "Smith & Co.|However, they lost."},
    {"Martin Luther King Jr. was born in 1929.", "Martin Luther King Jr. was born in 1929."},
    {"The award went to John Smith Jr. He accepted it.",
     "The award went to John Smith Jr.|He accepted it."},
    {"It opened Jan. 5, 2021. Sales began in Feb. The shop closed in Dec. 2022.",
     "It opened Jan. 5, 2021.|Sales began in Feb.|The shop closed in Dec. 2022."},
    {"The vote is set for Sept. 30.", "The vote is set for Sept. 30."},
    {"They met in Springfield, Ill. The city was cold.", "They met in Springfield, Ill.|The city was cold."},
    {"Sacramento, Calif., is the capital.", "Sacramento, Calif., is the capital."},
    {"Fruit, e.g. apples, is healthy.", "Fruit, e.g. apples, is healthy."},
    {"Use a solvent, i.e. Acetone, carefully.", "Use a solvent, i.e. Acetone, carefully."},
    {"It was Chicago vs. Boston. Boston won.", "It was Chicago vs. Boston.|Boston won."},
    {"It weighed approx. 40 kg.", "It weighed approx. 40 kg."},
    {"Cf. Section 2 below.", "Cf. Section 2 below."},
    {"MR. JONES SPOKE FIRST.", "MR. JONES SPOKE FIRST."},
    {"She earned a Ph.D. in physics.", "She earned a Ph.D. in physics."},
    {"She earned a Ph.D. Then she left.", "She earned a Ph.D.|Then she left."},
    {"St. Louis is big. Main St. The end.", "St. Louis is big.|Main St.|The end."},
    {"Smith et al. reported it. Others agree.", "Smith et al. reported it.|Others agree."},
    {"The Rev. Al Sharpton spoke.", "The Rev. Al Sharpton spoke."},
    {"Capt. Sully landed. Sgt. Pepper sang.", "Capt. Sully landed.|Sgt. Pepper sang."},
    {"He left the firm, Bros. and all. Then he retired.",
     "He left the firm, Bros. and all.|Then he retired."},
};

static const struct split_case initials[] = {
    /* "I" after a capitalised name is an initial, after anything else the
     * pronoun. */
    {"We met Harold I. Wilson there.", "We met Harold I. Wilson there."},
    {"It was you and I. Then we left.", "It was you and I.|Then we left."},
    {"John F. Kennedy was president.", "John F. Kennedy was president."},
    {"J.R.R. Tolkien wrote books.", "J.R.R. Tolkien wrote books."},
    {"J. R. R. Tolkien wrote books.", "J. R. R. Tolkien wrote books."},
    {"George W. Bush spoke. Laura W. Bush did not.", "George W. Bush spoke.|Laura W. Bush did not."},
    {"The author is F. Scott Fitzgerald.", "The author is F. Scott Fitzgerald."},
    {"F. A. Hayek won the prize.", "F. A. Hayek won the prize."},
    {"He spoke of Malcolm X. The crowd cheered.", "He spoke of Malcolm X.|The crowd cheered."},
    {"Take vitamin C. It helps.", "Take vitamin C.|It helps."},
    {"Plan B. Nobody liked it.", "Plan B. Nobody liked it."},
    {"Michael J. Fox and Samuel L. Jackson met.", "Michael J. Fox and Samuel L. Jackson met."},
    {"It was written by L. Ron Hubbard in 1950.", "It was written by L. Ron Hubbard in 1950."},
    {"He was better than I. Then he lost.", "He was better than I.|Then he lost."},
};

static const struct split_case numbers[] = {
    {"She paid 2,500.That was all.", "She paid 2,500.|That was all."},
    {"See v2.0.Beta notes.", "See v2.0.Beta notes."},
    {"It is at N\xC2\xB0. 12 on the quay.", "It is at N\xC2\xB0. 12 on the quay."},
    {"Sales rose 3.5 million. Costs fell.", "Sales rose 3.5 million.|Costs fell."},
    {"About 1,000 people came. Some left.", "About 1,000 people came.|Some left."},
    {"Rates rose 4.5% in May. They fell later.", "Rates rose 4.5% in May.|They fell later."},
    {"It cost $12.99. That was cheap.", "It cost $12.99.|That was cheap."},
    {"The score was 3.14159 exactly.", "The score was 3.14159 exactly."},
    {"It happened in 2005. 25 people died.", "It happened in 2005.|25 people died."},
    {"Version 2.0.1 shipped. Bugs followed.", "Version 2.0.1 shipped.|Bugs followed."},
    {"Meet at 10 a.m. Tuesday in the hall.", "Meet at 10 a.m. Tuesday in the hall."},
    {"Meet at 10 a.m. The hall is booked.", "Meet at 10 a.m.|The hall is booked."},
    {"The fire started at 4 a.m. A spokesman confirmed it.",
     "The fire started at 4 a.m.|A spokesman confirmed it."},
    {"The show ends at 9 p.m. Eastern time.", "The show ends at 9 p.m. Eastern time."},
    {"It ends at 9 P.M. He will leave early.", "It ends at 9 P.M.|He will leave early."},
    {"The temperature was -3.5 degrees. Snow fell.", "The temperature was -3.5 degrees.|Snow fell."},
    {"He ran 26.2 miles. He rested.", "He ran 26.2 miles.|He rested."},
    {"Pi is about 3.14. E is about 2.72.", "Pi is about 3.14.|E is about 2.72."},
    {"Room 4.12 is closed.", "Room 4.12 is closed."},
};

static const struct split_case ellipses[] = {
    {"Well... I don't know.", "Well...|I don't know."},
    {"He paused... and went on.", "He paused... and went on."},
    {"It was late\xE2\x80\xA6 She slept.", "It was late\xE2\x80\xA6|She slept."},
    {"It was late\xE2\x80\xA6 and cold.", "It was late\xE2\x80\xA6 and cold."},
    {"The text reads . . . and so on.", "The text reads . . . and so on."},
    {"They waited . . . Nothing came.", "They waited . . .|Nothing came."},
    {"Wait...what?", "Wait...what?"},
    {"Hmm.. OK then.", "Hmm..|OK then."},
    {"The quote \"we will [...] win\" was cut.", "The quote \"we will [...] win\" was cut."},
    {"So... \"Fine,\" she said.", "So...|\"Fine,\" she said."},
    {"Nothing left...", "Nothing left..."},
};

static const struct split_case quotes[] = {
    /* A closing quote or bracket before a lower-case word, and an
     * author-and-page citation, belong to the sentence. */
    {"He wrote (in a letter to the board.) that he would stay.",
     "He wrote (in a letter to the board.) that he would stay."},
    {"'It is done.' he said.", "'It is done.' he said."},
    {"The ruling \"changed everything [...]\" (Jones 12). Appeals followed.",
     "The ruling \"changed everything [...]\" (Jones 12).|Appeals followed."},
    {"He said, \"Go home.\" She did.", "He said, \"Go home.\"|She did."},
    {"\"Why?\" she asked.", "\"Why?\" she asked."},
    {"\"Stop!\" he shouted. Nobody stopped.", "\"Stop!\" he shouted.|Nobody stopped."},
    {"\"It is over.\" The crowd left.", "\"It is over.\"|The crowd left."},
    {"She wrote \"Done?\" and left.", "She wrote \"Done?\" and left."},
    {"\xE2\x80\x9CIt works.\xE2\x80\x9D He smiled.", "\xE2\x80\x9CIt works.\xE2\x80\x9D|He smiled."},
    {"\xE2\x80\x9CReally?\xE2\x80\x9D she asked.", "\xE2\x80\x9CReally?\xE2\x80\x9D she asked."},
    {"He called it \xE2\x80\x98" "fine.\xE2\x80\x99 Then he left.",
     "He called it \xE2\x80\x98" "fine.\xE2\x80\x99|Then he left."},
    {"'Go away.' He went.", "'Go away.'|He went."},
    {"The sign read \"Closed.\" We left.", "The sign read \"Closed.\"|We left."},
    {"He won (by a mile). Others lost.", "He won (by a mile).|Others lost."},
    {"He won. (Nobody expected it.) Others lost.", "He won.|(Nobody expected it.)|Others lost."},
    {"He left (at 5 p.m.) and drove home.", "He left (at 5 p.m.) and drove home."},
    {"He left at 5 p.m. (local time). Then he called.", "He left at 5 p.m. (local time).|Then he called."},
    {"See the note (p. 4). It helps.", "See the note (p. 4).|It helps."},
    {"It closed [sic]. Fans wept.", "It closed [sic].|Fans wept."},
    {"\"We will rebuild,\" the mayor said. \"We must.\"",
     "\"We will rebuild,\" the mayor said.|\"We must.\""},
    {"\xC2\xAB" "C'est fini.\xC2\xBB Il part.", "\xC2\xAB" "C'est fini.\xC2\xBB|Il part."},
    {"He asked \"why?\" twice.", "He asked \"why?\" twice."},
    {"(See attached file.) Thanks.", "(See attached file.)|Thanks."},
    {"He paid (about $5.50) for it.", "He paid (about $5.50) for it."},
    {"It ended. ) Then more.", "It ended. )|Then more."},
    {"He wrote: ' It is over. ' And then left.", "He wrote: ' It is over. '|And then left."},
    {"It's over. ' Nobody knew.", "It's over.|' Nobody knew."},
};

static const struct split_case datelines[] = {
    {"WASHINGTON (AP) -- The Senate voted Tuesday. It passed.",
     "WASHINGTON (AP) -- The Senate voted Tuesday.|It passed."},
    {"NAIROBI, January 4 (Xinhua) -- Only 47 percent passed. Others failed.",
     "NAIROBI, January 4 (Xinhua) -- Only 47 percent passed.|Others failed."},
    {"LONDON, Jan. 5 (Reuters) - Prices rose.", "LONDON, Jan. 5 (Reuters) - Prices rose."},
    {"PHOENIX _ The heat broke records.", "PHOENIX _ The heat broke records."},
    {"BEIJING, Oct. 1 -- Crowds gathered.", "BEIJING, Oct. 1 -- Crowds gathered."},
    {"PARIS (AFP) \xE2\x80\x94 Strikes spread. Trains stopped.",
     "PARIS (AFP) \xE2\x80\x94 Strikes spread.|Trains stopped."},
    {"ST. LOUIS (AP) -- Rain fell.", "ST. LOUIS (AP) -- Rain fell."},
    {"(CNN) -- A storm hit Florida.", "(CNN) -- A storm hit Florida."},
};

static const struct split_case lines[] = {
    {"Storm Hits Coast\nThe storm arrived at dawn.", "Storm Hits Coast|The storm arrived at dawn."},
    {"Headline\n\nBody text here.", "Headline|Body text here."},
    {"A caption without a period\n\nA paragraph. Another.",
     "A caption without a period|A paragraph.|Another."},
    {"Line one\nline two", "Line one|line two"},
    {"Windows\r\nline endings.\r\nAgain.", "Windows|line endings.|Again."},
    {"Para one.\n\n\n\nPara two.", "Para one.|Para two."},
    {"Ends with newline.\n", "Ends with newline."},
    {"\n\nStarts after blanks.", "Starts after blanks."},
    {"Line\xE2\x80\xA8separator", "Line|separator"},
    {"Paragraph\xE2\x80\xA9separator", "Paragraph|separator"},
    {"Photo: A man walks.\nThe man walked home.", "Photo: A man walks.|The man walked home."},
    {"Rescuers search the rubble Image: Reuters\nThe quake struck.",
     "Rescuers search the rubble|Image: Reuters|The quake struck."},
    {"The launch was delayed. Photo: NASA", "The launch was delayed.|Photo: NASA"},
    {"Form feed\fsplits too.", "Form feed|splits too."},
};

static const struct split_case urls[] = {
    {"Visit www.example.com. It is free.", "Visit www.example.com.|It is free."},
    {"Read http://example.org/a.b.html for more.", "Read http://example.org/a.b.html for more."},
    {"Mail me at jane.doe@example.com. I reply fast.",
     "Mail me at jane.doe@example.com.|I reply fast."},
    {"See http://a.example.org Then reply.", "See http://a.example.org|Then reply."},
    {"http://one.example http://two.example", "http://one.example|http://two.example"},
    {"Contact: bob@example.net Our office is open.", "Contact: bob@example.net|Our office is open."},
    {"Write to bob@example.net or call.", "Write to bob@example.net or call."},
    {"The file is report.v2.final.pdf now.", "The file is report.v2.final.pdf now."},
    {"Go to example.com/page?id=3. Done.", "Go to example.com/page?id=3.|Done."},
    {"Pretty cool... http://x.example/pic", "Pretty cool...|http://x.example/pic"},
};

static const struct split_case lists[] = {
    {"1. Preheat the oven.\n2. Mix the flour.", "1. Preheat the oven.|2. Mix the flour."},
    {"a. First option\nb. Second option", "a. First option|b. Second option"},
    {"IV. Results\nThe results were good.", "IV. Results|The results were good."},
    {"- milk\n- eggs\n- bread", "- milk|- eggs|- bread"},
    {"\xE2\x80\xA2 One point\n\xE2\x80\xA2 Another point", "\xE2\x80\xA2 One point|\xE2\x80\xA2 Another point"},
    {"I need three things 1) a map 2) a guide 3) luck",
     "I need three things|1) a map|2) a guide|3) luck"},
    {"It fell on Monday (March 4) and rose.", "It fell on Monday (March 4) and rose."},
    {"Step 3. Stir well.", "Step 3.|Stir well."},
    {"12. The last item", "12. The last item"},
    /* A list run into one line: the item that follows the sentence's own
     * marker, in the same form, starts the next one. */
    {"1.) Pack the tent 2.) Load the car", "1.) Pack the tent|2.) Load the car"},
    {"1. Pack the tent 2. Load the car 3. Drive north", "1. Pack the tent|2. Load the car|3. Drive north"},
    {"1) Pack the tent. 2) Load the car.", "1) Pack the tent.|2) Load the car."},
    {"a. Red paint b. Blue paint", "a. Red paint|b. Blue paint"},
    {"\xE2\x80\xA2 4. First stop \xE2\x80\xA2 5. Second stop", "\xE2\x80\xA2 4. First stop|\xE2\x80\xA2 5. Second stop"},
    {"\xE2\x81\x83" "7. Wash \xE2\x81\x83" "8. Dry", "\xE2\x81\x83" "7. Wash|\xE2\x81\x83" "8. Dry"},
};

static const struct split_case unicode[] = {
    {"Caf\xC3\xA9 open. \xC3\x89t\xC3\xA9 came.", "Caf\xC3\xA9 open.|\xC3\x89t\xC3\xA9 came."},
    {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82. \xD0\x9F\xD0\xBE\xD0\xBA\xD0\xB0.",
     "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82.|\xD0\x9F\xD0\xBE\xD0\xBA\xD0\xB0."},
    {"\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82\xE5\x86\x8D\xE8\xA7\x81\xE3\x80\x82",
     "\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82|\xE5\x86\x8D\xE8\xA7\x81\xE3\x80\x82"},
    {"\xE6\x98\xAF\xE5\x90\x97\xEF\xBC\x9F\xE6\x98\xAF\xEF\xBC\x81",
     "\xE6\x98\xAF\xE5\x90\x97\xEF\xBC\x9F|\xE6\x98\xAF\xEF\xBC\x81"},
    {"Non-breaking.\xC2\xA0Space follows.", "Non-breaking.|Space follows."},
    {"Ideographic.\xE3\x80\x80Space.", "Ideographic.|Space."},
    {"\xC2\xBFQu\xC3\xA9 pasa? Nada.", "\xC2\xBFQu\xC3\xA9 pasa?|Nada."},
    {"Wow\xE2\x80\xBC Great.", "Wow\xE2\x80\xBC|Great."},
    {"\xEF\xBB\xBF" "Byte order mark. Then text.", "Byte order mark.|Then text."},
    {"He said \xE2\x80\x9Cno\xE2\x80\x9D. Then left.", "He said \xE2\x80\x9Cno\xE2\x80\x9D.|Then left."},
    {"\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87\xE0\xA5\xA4 "
     "\xE0\xA4\xA0\xE0\xA5\x80\xE0\xA4\x95\xE0\xA5\xA4",
     "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87\xE0\xA5\xA4|"
     "\xE0\xA4\xA0\xE0\xA5\x80\xE0\xA4\x95\xE0\xA5\xA4"},
    {"Trailing NBSP.\xC2\xA0\xC2\xA0", "Trailing NBSP."},
};

static const struct split_case web[] = {
    {"Loved every bit of it. :) Will come back.", "Loved every bit of it. :)|Will come back."},
    {"see you there :-) Posted by Ann", "see you there :-)|Posted by Ann"},
    {"Great food! :P the staff was nice", "Great food! :P|the staff was nice"},
    {"Jane Roe 08/16/2000 12:05 PM Please call me.",
     "Jane Roe|08/16/2000 12:05 PM|Please call me."},
    {"Sent by Jane on 08/16/2000 03:14:14 PM Hello team.",
     "Sent by Jane on 08/16/2000 03:14:14 PM|Hello team."},
    {"The end. ***** Next part here.", "The end.|*****|Next part here."},
    {"Section one ========== Section two", "Section one|==========|Section two"},
    {"He paused -- then spoke.", "He paused -- then spoke."},
    {"It was cut off --- do you know why?", "It was cut off --- do you know why?"},
    {"Thanks, Sean", "Thanks,|Sean"},
    {"Best regards, Ann Lee", "Best regards,|Ann Lee"},
    {"Hi, Yes the office is open.", "Hi,|Yes the office is open."},
    {"Thanks, but no thanks.", "Thanks,|but no thanks."},
    {"Email: ann@example.org Groups: alt.cats", "Email: ann@example.org|Groups: alt.cats"},
    {"(Jerusalem Post) The militant group spoke.", "(Jerusalem Post)|The militant group spoke."},
    {"(CNN) The militant group spoke.", "(CNN) The militant group spoke."},
    {"(In brief) the rest follows.", "(In brief) the rest follows."},
    {"It ends here. -- Posted by Ann", "It ends here.|--|Posted by Ann"},
    {"Direct Dial:? 555-0100 Fax:? 555-0101", "Direct Dial:? 555-0100 Fax:? 555-0101"},
    {"(See attached file: a.pdf) - Stocks.pdf - Crude_2.doc", "(See attached file: a.pdf)|- Stocks.pdf|- Crude_2.doc"},
    {"Thanks. - Notes.htm << File: Notes.htm >> I was away.",
     "Thanks.|- Notes.htm << File: Notes.htm >>|I was away."},
    {"Growth was slow - 2.5bn in all.", "Growth was slow - 2.5bn in all."},
    {"He paused - U.S. officials waited.", "He paused - U.S. officials waited."},
    {"He agreed. , 2000 was the year.", "He agreed. , 2000 was the year."},
    {"We love Yahoo! and Google.", "We love Yahoo! and Google."},
    {"P.S. I am moving soon.", "P.S. I am moving soon."},
};

static const struct split_case wrapped[] = {
    /* Blank lines mark paragraphs, so a long line continued in lower case
     * is a wrapped one and the break does not end the sentence. */
    {"The committee met on Tuesday to discuss the budget and\nthe plan for next year.\n\n"
     "A second paragraph.",
     "The committee met on Tuesday to discuss the budget and\nthe plan for next year.|"
     "A second paragraph."},
    {"It was a long and well-known story that everyone had heard before, a well-\nknown tale "
     "told at night by the fire on the hill;\nthe end.\n\nNext.",
     "It was a long and well-known story that everyone had heard before, a well-\nknown tale "
     "told at night by the fire on the hill;\nthe end.|Next."},
    /* Short lines are list items, not wrapping. */
    {"Buy these:\nbottled water\nbaby carrier\n\nDone.", "Buy these:|bottled water|baby carrier|Done."},
    /* Without blank lines every break ends a sentence. */
    {"The committee met on Tuesday to discuss the budget and\nthe plan for next year.",
     "The committee met on Tuesday to discuss the budget and|the plan for next year."},
    /* A capital on the next line starts a new sentence even when wrapped. */
    {"A caption for the photograph that runs long enough here\nThe story begins.\n\nEnd.",
     "A caption for the photograph that runs long enough here|The story begins.|End."},
    /* Hard-wrapped text: the lines fill a width (here 50), so a break
     * that the next word explains is a space; a short line keeps its
     * break, and so does a blank line. */
    {"The city council voted on Tuesday to approve a new\nbudget for the coming year, after a "
     "long debate\nabout the cost of repairs to the old bridge over\nthe river. Mr. Smith, who "
     "chairs the committee,\nsaid the vote was close.\nThe mayor will sign it.\n\nNext week "
     "the work starts.",
     "The city council voted on Tuesday to approve a new\nbudget for the coming year, after a "
     "long debate\nabout the cost of repairs to the old bridge over\nthe river.|Mr. Smith, who "
     "chairs the committee,\nsaid the vote was close.|The mayor will sign it.|Next week the work "
     "starts."},
    /* A list item after a full line keeps its break. */
    {"We will need to bring the following things with us\nwhen we go on the trip next week, and "
     "a few more\nthings which we will buy on the way there, at the\nshop in the village by the "
     "lake:\n- a tent\n- a stove",
     "We will need to bring the following things with us\nwhen we go on the trip next week, and "
     "a few more\nthings which we will buy on the way there, at the\nshop in the village by the "
     "lake:|- a tent|- a stove"},
    /* A line that ends in white space, continued in lower case. */
    {"It was a cold \nnight in the city.", "It was a cold \nnight in the city."},
    {"features\ncontact manager\nevents, activities\n", "features|contact manager|events, activities"},
    /* A period ends the sentence whatever the next line holds. */
    {"This line is long enough to count as a wrapped line of text.\nand then more.\n\nx",
     "This line is long enough to count as a wrapped line of text.|and then more.|x"},
};

static const struct split_case scraped[] = {
    /* Paragraphs joined without a space by a scraper. */
    {"Fires burned across the county.Sheriff Ken Sealey said more were set.",
     "Fires burned across the county.|Sheriff Ken Sealey said more were set."},
    {"It was taking place.\"Each child winced,\" he said.",
     "It was taking place.|\"Each child winced,\" he said."},
    {"He loves his daughter.\"I think so,\" he said.", "He loves his daughter.|\"I think so,\" he said."},
    {"\"Find her.\"She adds more.", "\"Find her.\"|She adds more."},
    {"It was over.A man left.", "It was over.|A man left."},
    {"The fire started at 4 a.m. Police arrived soon.", "The fire started at 4 a.m.|Police arrived soon."},
    {"He joined the U.S. Marines in 2001.", "He joined the U.S. Marines in 2001."},
    {"Install Node.js first.", "Install Node.js first."},
    {"Visit www.Example.com today.", "Visit www.Example.com today."},
    {"Posted via Newsfeed.Com today.", "Posted via Newsfeed.Com today."},
    {"Born in the U.S.A.Then raised abroad.", "Born in the U.S.A.Then raised abroad."},
    {"Rates hit 3.5.Then fell.", "Rates hit 3.5.Then fell."},
    {"See example.org/News.Html now.", "See example.org/News.Html now."},
    {"Call Mr.Smith now.", "Call Mr.Smith now."},
    {"He asked why?Nobody knew.", "He asked why?Nobody knew."},
    /* Citation marks of encyclopedic text stay with their sentence. */
    {"It is common.[1] Problems follow.[2][3] See below.",
     "It is common.[1]|Problems follow.[2][3]|See below."},
    {"Array a[1]. Next one.", "Array a[1].|Next one."},
    {"It was given intravenously. [68] Because of that, it worked.",
     "It was given intravenously. [68]|Because of that, it worked."},
    {"WOODLAND HILLS >> Homicide detectives are at the home.",
     "WOODLAND HILLS >> Homicide detectives are at the home."},
    /* An ellipsis of omission between sentences is not a sentence. */
    /* An ellipsis of omission after a sentence's end opens the next one,
     * as UD English EWT has it (12 times of 16 in train) and the Golden
     * Rules' "4-dot ellipsis"; at the end of a line it closes the sentence. */
    {"Leaders come and go. ... They get sacked.", "Leaders come and go.|... They get sacked."},
    {"You know? \xE2\x80\xA6 The rest is history.", "You know?|\xE2\x80\xA6 The rest is history."},
    {"It ended. ... and then?", "It ended.|... and then?"},
    {"It is done. . . . The next part begins.", "It is done.|. . . The next part begins."},
    {"They left. ...\nNobody stayed.", "They left. ...|Nobody stayed."},
    /* A closing quote alone before the end of a line closes. */
    {"He said, 'Go like you are.' \"\nThen they drove.", "He said, 'Go like you are.' \"|Then they drove."},
    /* Leading dashes do not hide an abbreviation. */
    {"--Aug. 12: The submarine sinks.", "--Aug. 12: The submarine sinks."},
    {"--U.S. and Canada: call us.", "--U.S. and Canada: call us."},
    {"He said\xE2\x80\x94Mr. Smith agreed.", "He said\xE2\x80\x94Mr. Smith agreed."},
    {"It was 'Mr. Nobody' then. No under 12's. People wait.",
     "It was 'Mr. Nobody' then.|No under 12's.|People wait."},
    {"AT&T. Verizon said no.", "AT&T.|Verizon said no."},
    /* Windows-1252 quotes decoded as Latin-1. */
    {"She said \xC2\x93no.\xC2\x94 Then she left.", "She said \xC2\x93no.\xC2\x94|Then she left."},
};

static const struct split_case news[] = {
    {"I live in the U.S. and you live in the U.K. We are far apart.",
     "I live in the U.S. and you live in the U.K.|We are far apart."},
    {"The meeting is at 3 p.m. on Friday.", "The meeting is at 3 p.m. on Friday."},
    {"Dr. No was a film. He said no. No one listened.",
     "Dr. No was a film.|He said no.|No one listened."},
    {"He shouted \"Fire!\" and ran.", "He shouted \"Fire!\" and ran."},
    {"\"He said 'Go.'\" Then he went.", "\"He said 'Go.'\"|Then he went."},
    {"Pick (a) the red one or (b) the blue one.", "Pick (a) the red one or (b) the blue one."},
    {"Gen. Stanley McChrystal, the U.S. commander, spoke.",
     "Gen. Stanley McChrystal, the U.S. commander, spoke."},
    {"The firm, based in St. Paul, Minn., said so.", "The firm, based in St. Paul, Minn., said so."},
    {"Call 1-800-555-0100. Operators are waiting.", "Call 1-800-555-0100.|Operators are waiting."},
    {"The vote was 52-48. Democrats objected.", "The vote was 52-48.|Democrats objected."},
    {"It's 5 o'clock. Time to go.", "It's 5 o'clock.|Time to go."},
    {"The F.B.I. said it was looking. The F.B.I. The agency declined.",
     "The F.B.I. said it was looking.|The F.B.I.|The agency declined."},
    {"He joined the N.F.L. In 2005 he retired.", "He joined the N.F.L.|In 2005 he retired."},
    {"A Washington, D.C.-based group sued.", "A Washington, D.C.-based group sued."},
    {"U.S.-China trade grew. It grew fast.", "U.S.-China trade grew.|It grew fast."},
    {"He was No. 1. The rest trailed.", "He was No. 1.|The rest trailed."},
    {"Ms. Rowling's book sold well.", "Ms. Rowling's book sold well."},
    {"The Sept. 11 attacks changed it.", "The Sept. 11 attacks changed it."},
    {"Prices rose 2.5 pct. in March.", "Prices rose 2.5 pct. in March."},
    {"It stars Sean Penn. Critics loved it.", "It stars Sean Penn.|Critics loved it."},
    {"We hiked at Pt. Reyes on Hwy. 1 all day.", "We hiked at Pt. Reyes on Hwy. 1 all day."},
    {"Oil hit $100 a barrel.\xE2\x80\x9D The market fell.",
     "Oil hit $100 a barrel.\xE2\x80\x9D|The market fell."},
    {"\xE2\x80\x9CWe won\xE2\x80\x9D, he said. \xE2\x80\x9C" "Finally.\xE2\x80\x9D",
     "\xE2\x80\x9CWe won\xE2\x80\x9D, he said.|\xE2\x80\x9C" "Finally.\xE2\x80\x9D"},
    {"Friday, July 21, 2017\nA group of teenagers won.", "Friday, July 21, 2017|A group of teenagers won."},
    /* A pull quote with its attribution on a line of its own is one unit. */
    {"\"It works. It ships.\" - Jane Doe\nThe rest.", "\"It works. It ships.\" - Jane Doe|The rest."},
    {"\xE2\x80\x9CWe came. We saw.\xE2\x80\x9D \xE2\x80\x94 Mayor J. Doe",
     "\xE2\x80\x9CWe came. We saw.\xE2\x80\x9D \xE2\x80\x94 Mayor J. Doe"},
    {"\"It works. It ships.\" - and then he left.", "\"It works.|It ships.\"|- and then he left."},
    {"He said: \"It works. It ships.\" - Jane Doe", "He said: \"It works.|It ships.\"|- Jane Doe"},
    {"\"It works. It ships.\" Jane Doe said.", "\"It works.|It ships.\"|Jane Doe said."},
    /* An inline enumeration a) b) c) stays in its sentence. */
    {"She listed a) one thing. b) another thing. Done.", "She listed a) one thing. b) another thing.|Done."},
    {"Choose b) now. c) Later.", "Choose b) now.|c) Later."},
    {"The hall in Washington D.C. Image: United States Navy.",
     "The hall in Washington D.C.|Image: United States Navy."},
    {"Group F \xE2\x80\x94 Sweden 1 \xE2\x80\x93 0 Korea\nIn the first game, Sweden led.",
     "Group F \xE2\x80\x94 Sweden 1 \xE2\x80\x93 0 Korea|In the first game, Sweden led."},
};

TEST(sentence_basics) { RUN_CASES(basic); }
TEST(sentence_news_copy) { RUN_CASES(news); }
TEST(sentence_scraped_text) { RUN_CASES(scraped); }
TEST(sentence_abbreviations_and_titles) { RUN_CASES(abbreviations); }
TEST(sentence_initials) { RUN_CASES(initials); }
TEST(sentence_numbers_and_times) { RUN_CASES(numbers); }
TEST(sentence_ellipses) { RUN_CASES(ellipses); }
TEST(sentence_quotes_and_brackets) { RUN_CASES(quotes); }
TEST(sentence_datelines) { RUN_CASES(datelines); }
TEST(sentence_line_breaks_headlines_captions) { RUN_CASES(lines); }
TEST(sentence_urls_and_emails) { RUN_CASES(urls); }
TEST(sentence_lists) { RUN_CASES(lists); }
TEST(sentence_unicode_punctuation) { RUN_CASES(unicode); }
TEST(sentence_web_and_mail_structure) { RUN_CASES(web); }
TEST(sentence_wrapped_text) { RUN_CASES(wrapped); }

TEST(sentence_case_count)
{
    /* The issue asks for at least 150 hand-written cases. */
    fprintf(stderr, "  %zu hand-written cases\n", cases_total);
    CHECK(cases_total >= 150);
}

/* Checks the invariants every result must hold: spans in order, inside
 * the text, non-empty, not starting or ending with ASCII white space. */
static void check_spans(const char *s, size_t len, const span_vec *v)
{
    size_t prev = 0;
    for (size_t i = 0; i < v->len; i++) {
        span sp = v->items[i];
        CHECK(sp.start < sp.end && sp.end <= len && sp.start >= prev);
        if (!(sp.start < sp.end && sp.end <= len))
            return;
        CHECK(!strchr(" \t\r\n", s[sp.start]) || s[sp.start] == '\0');
        CHECK(!strchr(" \t\r\n", s[sp.end - 1]) || s[sp.end - 1] == '\0');
        prev = sp.end;
    }
}

TEST(sentence_empty_and_blank_inputs)
{
    span_vec v = {0};
    CHECK(sentences_split("", 0, &v) == 0 && v.len == 0);
    CHECK(sentences_split(NULL, 0, &v) == 0 && v.len == 0);
    CHECK(sentences_split("   \t  ", 6, &v) == 0 && v.len == 0);
    CHECK(sentences_split("\n\n\r\n", 4, &v) == 0 && v.len == 0);
    CHECK(sentences_split("\xC2\xA0\xE3\x80\x80", 5, &v) == 0 && v.len == 0);
    CHECK(sentences_split(". . .", 5, &v) == 0 && v.len == 1);
    span_vec_free(&v);
    CHECK_STR(split_joined("?", 1), "?");
    CHECK_STR(split_joined("...", 3), "...");
    CHECK_STR(split_joined("a", 1), "a");
}

TEST(sentence_nul_bytes_and_invalid_utf8)
{
    static const char nul[] = "One.\0Two. Three\0 four.";
    span_vec v = {0};
    CHECK(sentences_split(nul, sizeof nul - 1, &v) == 0);
    check_spans(nul, sizeof nul - 1, &v);
    CHECK(v.len == 2);
    span_vec_free(&v);
    /* Truncated and overlong sequences, lone continuation bytes, 0xFF. */
    static const char bad[] = "Bad \xE2\x80 bytes. \xC0\xAF More \xFF\xFE. End\xE2";
    CHECK(sentences_split(bad, sizeof bad - 1, &v) == 0);
    check_spans(bad, sizeof bad - 1, &v);
    CHECK(v.len == 3);
    span_vec_free(&v);
    /* A truncated terminator or space at the very end must not be read past. */
    const char *tails[] = {"x\xE2", "x\xE2\x80", "x\xC2", "x\xE3\x80", "x\xEF\xBC", "x. \xE2\x80"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        size_t n = strlen(tails[i]);
        char *copy = malloc(n); /* exact size, so ASan sees any overread */
        if (!copy)
            continue;
        memcpy(copy, tails[i], n);
        CHECK(sentences_split(copy, n, &v) == 0);
        check_spans(copy, n, &v);
        span_vec_free(&v);
        free(copy);
    }
}

TEST(sentence_every_byte_value)
{
    /* All 256 byte values, then all pairs behind a period: no crash, and
     * the invariants hold. */
    char buf[3 * 256 * 256 + 1];
    size_t n = 0;
    for (int a = 0; a < 256; a++)
        for (int b = 0; b < 256; b += 7) {
            buf[n++] = (char)a;
            buf[n++] = '.';
            buf[n++] = (char)b;
        }
    span_vec v = {0};
    CHECK(sentences_split(buf, n, &v) == 0);
    check_spans(buf, n, &v);
    span_vec_free(&v);
}

TEST(sentence_token_soup)
{
    /* 200,000 tokens drawn (with a fixed seed) from the pieces the rules
     * react to: invariants hold and two runs agree. */
    static const char *const pieces[] = {
        "Mr.", "U.S.", "The", "the", "said.", "3.5", "\"", "'", "(", ")", "...", "\xE2\x80\xA6",
        "?", "!", ".", "\n", "\n\n", " ", "  ", "\xC2\xA0", ":)", "http://x.org", "a@b.co", "-----",
        "08/16/2000 12:05 PM", "Image:", "Thanks,", "1)", "[1]", "\xE2\x80\x9C", "\xE2\x80\x9D",
        "\xE3\x80\x82", "\xFF", "\xE2\x80", "\0", "Inc.", "a.m.", "J.", "No.", "10", "--", "place.\"Each"};
    size_t npieces = sizeof pieces / sizeof *pieces, cap = 200000 * 24, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        SKIP("no memory");
    unsigned long x = 12345;
    for (int i = 0; i < 200000; i++) {
        x = x * 6364136223846793005ul + 1442695040888963407ul;
        const char *p = pieces[(x >> 33) % npieces];
        size_t k = p[0] ? strlen(p) : 1;
        memcpy(buf + n, p, k);
        n += k;
        buf[n++] = (x >> 20) % 3 ? ' ' : 'x';
    }
    span_vec a = {0}, b = {0};
    CHECK(sentences_split(buf, n, &a) == 0 && sentences_split(buf, n, &b) == 0);
    check_spans(buf, n, &a);
    CHECK(a.len == b.len && a.len > 1000 && !memcmp(a.items, b.items, a.len * sizeof *a.items));
    span_vec_free(&a);
    span_vec_free(&b);
    free(buf);
}

/* Returns seconds of CPU time to split the n bytes at s; checks spans. */
static double time_split(const char *s, size_t n, size_t *count)
{
    span_vec v = {0};
    clock_t t0 = clock();
    CHECK(sentences_split(s, n, &v) == 0);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    check_spans(s, n, &v);
    *count = v.len;
    span_vec_free(&v);
    return secs;
}

TEST(sentence_long_inputs_are_linear)
{
    /* 16 MB in five hostile shapes: one word with no space at all, one
     * line of abbreviations that never end a sentence, two million
     * one-word sentences, spaced dots and blank lines, two million lines
     * that open with a quote. A quadratic pass would take hours. */
    size_t n = 16u << 20, count;
    char *s = malloc(n);
    if (!s)
        SKIP("no memory for the 16 MB input");
    memset(s, 'a', n);
    double t1 = time_split(s, n, &count);
    CHECK(count == 1);
    for (size_t i = 0; i + 8 <= n; i += 8)
        memcpy(s + i, "Mr. Dr. ", 8);
    double t2 = time_split(s, n, &count);
    CHECK(count == 1);
    for (size_t i = 0; i + 8 <= n; i += 8)
        memcpy(s + i, "Word.   ", 8);
    double t3 = time_split(s, n, &count);
    CHECK(count == n / 8);
    for (size_t i = 0; i + 8 <= n; i += 8)
        memcpy(s + i, i % 4096 ? "a. . . b" : "\n\n.....", 8);
    double t4 = time_split(s, n, &count);
    for (size_t i = 0; i + 8 <= n; i += 8)
        memcpy(s + i, "\"a. b\xE2\x80\xA8", 8); /* lines that open with a quote */
    double t5 = time_split(s, n, &count);
    CHECK(count == n / 8); /* "a." at a line's start is a list marker */
    free(s);
    /* Generous bounds: a linear pass takes well under a second each, even
     * under the sanitizers. */
    CHECK(t1 < 20 && t2 < 20 && t3 < 20 && t4 < 20 && t5 < 20);
}

TEST(sentence_out_of_memory)
{
    /* The span list grows 8, 16: with no allocation allowed nothing is
     * found, with one the first 8 spans are kept, with two all 11. Either
     * way nothing leaks (ASan checks that part). */
    const char *text = "One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten. Eleven.";
    static const size_t kept[] = {0, 8, 11, 11};
    nf_set_allocator(budget_malloc, budget_realloc, free);
    for (long budget = 0; budget < 4; budget++) {
        span_vec v = {0};
        alloc_budget = budget;
        int rc = sentences_split(text, strlen(text), &v);
        CHECK(rc == (budget < 2 ? -1 : 0));
        CHECK(v.len == kept[budget]);
        span_vec_free(&v);
    }
    /* Hard-wrapped text needs its unwrapped copy first. */
    const char *hard = "One two three four five six seven eight nine ten eleven\n"
                          "twelve thirteen fourteen fifteen sixteen seventeen a\n"
                          "eighteen nineteen twenty twenty-one twenty-two twenty\n"
                          "three and twenty-four, twenty-five twenty-six end.\n";
    span_vec w = {0};
    alloc_budget = 0;
    CHECK(sentences_split(hard, strlen(hard), &w) == -1 && w.len == 0);
    alloc_budget = 2;
    CHECK(sentences_split(hard, strlen(hard), &w) == 0 && w.len == 1);
    span_vec_free(&w);
    size_t *spans = NULL, count = 0;
    alloc_budget = 2; /* the list, but not the array nf_split returns */
    CHECK(nf_split(text, strlen(text), &spans, &count) == NF_ENOMEM && spans == NULL && count == 0);
    nf_set_allocator(NULL, NULL, NULL);
}

TEST(sentence_lexicon_lists)
{
    CHECK(lexicon_size() > 400);
    CHECK(lexicon_lookup("Mr", 2) & LEX_TITLE);
    CHECK(lexicon_lookup("MR", 2) & LEX_TITLE);
    CHECK(lexicon_lookup("No", 2) & LEX_NUMERIC);
    CHECK(lexicon_lookup("No", 2) & LEX_STARTER);
    CHECK(lexicon_lookup("Inc", 3) & LEX_COMMON);
    CHECK(lexicon_lookup("e.g", 3) & LEX_INNER);
    CHECK(lexicon_lookup("The", 3) & LEX_STARTER);
    CHECK(lexicon_lookup("Image", 5) & LEX_LABEL);
    CHECK(lexicon_lookup(":-)", 3) & LEX_EMOTICON);
    CHECK(lexicon_lookup("best regards", 12) & LEX_CLOSING);
    CHECK(lexicon_lookup("Best Regards", 12) & LEX_CLOSING);
    CHECK(!(lexicon_lookup("ill", 3) & LEX_COMMON)); /* only "Ill." is Illinois */
    CHECK(lexicon_lookup("Ill", 3) & LEX_COMMON);
    CHECK(lexicon_lookup("Smith", 5) == 0);
    CHECK(lexicon_lookup("", 0) == 0);
    CHECK(lexicon_lookup("abcdefghijklmnopqrstuvwxyzabcdefghijkl", 38) == 0);
}

TEST(sentence_model_file)
{
    /* The model file's keys are these hashes: changing the hash function
     * or the feature text silently empties the model, so both are pinned. */
    CHECK(feats_hash("b=run", 5) == 283042712019136199ull);
    static seg_feats f;
    feats_clear(&f);
    feats_add1(&f, "b", feats_val_str("run"));
    CHECK(f.n == 1 && f.h[0] == 283042712019136199ull);
    feats_add2(&f, "lw|nc", feats_val_str("inc"), feats_val_str("U"));
    CHECK(f.n == 2 && f.h[1] == feats_hash("lw|nc=inc|U", 11));
    char w[FEATS_WORD_MAX + 1], shape[9];
    feats_word("Inc", 3, w);
    CHECK_STR(w, "inc");
    feats_word("1,000", 5, w);
    CHECK_STR(w, "#d,d");
    feats_shape("U.S", 3, shape);
    CHECK_STR(shape, "X.X");
    feats_shape("Smith", 5, shape);
    CHECK_STR(shape, "Xx");
    /* The compiled-in model: the rules' verdict weighs +-8 (x1000), and
     * the learned corrections are small beside it. */
    CHECK(segmodel_size() > 500);
    uint64_t yes = feats_hash("rule=+", 6), no = feats_hash("rule=-", 6);
    CHECK(segmodel_score(&yes, 1) == 8000);
    CHECK(segmodel_score(&no, 1) == -8000);
    uint64_t absent = feats_hash("lw=no-such-word-anywhere", 23);
    CHECK(segmodel_score(&absent, 1) == 0);
}

TEST(sentence_model_decisions)
{
    /* Where the learned corrections overrule the word lists' verdict
     * (the first two: after "p.m." the rules split only before a listed
     * starter, and split each spaced "?"), and where they agree with it
     * (cases of our own). */
    static const struct split_case learned[] = {
        {"It starts at 9:00 p.m. See you there.", "It starts at 9:00 p.m.|See you there."},
        {"Who holds the high ground ? ? Talk about it.", "Who holds the high ground ? ?|Talk about it."},
        {"The bill passed. It goes to the Senate.", "The bill passed.|It goes to the Senate."},
        {"Call me at 5 p.m. Tomorrow is fine.", "Call me at 5 p.m.|Tomorrow is fine."},
        {"Is it ready?? Not yet!!", "Is it ready??|Not yet!!"},
        {"I waited... Then it rang.", "I waited...|Then it rang."},
    };
    RUN_CASES(learned);
}

TEST(sentence_gap_decisions)
{
    /* Between two words with no terminator (sentences_gap.c): the model
     * ends a sentence before a capitalised starter after a word that
     * ends none; a colon, a comma, a dateline's dash, a list marker and
     * a title in title case keep theirs, and so do names and the pronoun
     * inside a sentence. */
    static const struct split_case gaps[] = {
        {"The food was great Thanks for everything", "The food was great|Thanks for everything"},
        {"The search for MH370 A member of the crew waved", "The search for MH370|A member of the crew waved"},
        {"WASHINGTON _ When the vote came, it passed.", "WASHINGTON _ When the vote came, it passed."},
        {"He watched Batman: The Animated Series at home.", "He watched Batman: The Animated Series at home."},
        {"As Crime Rate Falls, More Prisons Are Built", "As Crime Rate Falls, More Prisons Are Built"},
        {"Spring Floods Are Forecast", "Spring Floods Are Forecast"},
        {"a) Leave the room b) The rest stays", "a) Leave the room|b) The rest stays"},
        {"We went to Paris and I loved it.", "We went to Paris and I loved it."},
        {"He met John Smith at the bank.", "He met John Smith at the bank."},
    };
    RUN_CASES(gaps);
}

/* Scores the segmenter on one gold JSONL file ({"text","offsets"} per
 * line): sets *f1 to the CoNLL 2018 sentence F1 (both trimmed ends must
 * match). Returns 0, or -1 when the file cannot be read. */
static int treebank_f1(const char *path, double *f1)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0, gold = 0, pred = 0, ok = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_t *rec = json_loadb(line, (size_t)n, JSON_ALLOW_NUL, NULL);
        json_t *text = json_object_get(rec, "text"), *offs = json_object_get(rec, "offsets");
        const char *t = json_string_value(text);
        span_vec v = {0};
        if (t && json_is_array(offs) && sentences_split(t, json_string_length(text), &v) == 0) {
            size_t k = 0, i;
            json_t *o;
            json_array_foreach(offs, i, o) {
                size_t a = (size_t)json_integer_value(json_array_get(o, 0));
                size_t e = (size_t)json_integer_value(json_array_get(o, 1));
                while (a < e && strchr(" \t\r\n", t[a]))
                    a++;
                while (e > a && strchr(" \t\r\n", t[e - 1]))
                    e--;
                while (k < v.len && v.items[k].start < a)
                    k++;
                ok += k < v.len && v.items[k].start == a && v.items[k].end == e;
            }
            gold += json_array_size(offs);
            pred += v.len;
        }
        span_vec_free(&v);
        json_decref(rec);
    }
    free(line);
    fclose(f);
    *f1 = gold + pred ? 2.0 * (double)ok / (double)(gold + pred) : 0;
    return 0;
}

TEST(sentence_treebank_conformance)
{
    /* The development halves of the gold sets the issue scores against
     * (bench/sentences.sh prints the details); the targets are 0.92 and
     * 0.97. Licensed data, read at run time only. */
    double ewt, gum;
    if (treebank_f1("../shared/data/sentences.ud_ewt_dev.jsonl", &ewt) ||
        treebank_f1("../shared/data/sentences.gum_news.dev.jsonl", &gum))
        SKIP("../shared/data is absent");
    fprintf(stderr, "  F1 UD EWT dev %.4f, GUM news dev %.4f\n", ewt, gum);
    CHECK(ewt >= 0.92);
    CHECK(gum >= 0.97);
}

int main(void)
{
    RUN(sentence_basics);
    RUN(sentence_news_copy);
    RUN(sentence_scraped_text);
    RUN(sentence_abbreviations_and_titles);
    RUN(sentence_initials);
    RUN(sentence_numbers_and_times);
    RUN(sentence_ellipses);
    RUN(sentence_quotes_and_brackets);
    RUN(sentence_datelines);
    RUN(sentence_line_breaks_headlines_captions);
    RUN(sentence_urls_and_emails);
    RUN(sentence_lists);
    RUN(sentence_unicode_punctuation);
    RUN(sentence_web_and_mail_structure);
    RUN(sentence_wrapped_text);
    RUN(sentence_case_count);
    RUN(sentence_empty_and_blank_inputs);
    RUN(sentence_nul_bytes_and_invalid_utf8);
    RUN(sentence_every_byte_value);
    RUN(sentence_token_soup);
    RUN(sentence_long_inputs_are_linear);
    RUN(sentence_out_of_memory);
    RUN(sentence_lexicon_lists);
    RUN(sentence_model_file);
    RUN(sentence_model_decisions);
    RUN(sentence_gap_decisions);
    RUN(sentence_treebank_conformance);
    TEST_EXIT();
}
