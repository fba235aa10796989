/* Cleaning: debris kinds, near-miss content that must stay, datelines,
 * invalid UTF-8, allocation failure, concurrent use and match cost.
 * Every sentence here was written for this test (invented places, people
 * and outlets); none is taken from the evaluation data. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "test.h"
#include "test_alloc.h"
#include "core/data.h"
#include "newsfuse.h"
#include "text/clean.h"
#include <jansson.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

static cleaner *shared_cleaner;

/* Returns the kind of a NUL-terminated sentence. */
static int kind_of(const char *s) { return cleaner_debris(shared_cleaner, s, strlen(s)); }

/* Checks one case and names the sentence when it fails. */
#define CHECK_KIND(s, want)                                                                \
    do {                                                                                   \
        int got_ = kind_of(s);                                                             \
        if (got_ != (want)) {                                                              \
            fprintf(stderr, "  %s:%d: \"%s\" is %s, want %s\n", __FILE__, __LINE__, (s),   \
                    cleaner_kind_name(got_), cleaner_kind_name(want));                     \
            test_failed_ = 1;                                                              \
        }                                                                                  \
    } while (0)

struct kcase {
    const char *s;
    int kind;
};

/* Debris, one or more per kind. */
static const struct kcase debris_cases[] = {
    {"Image caption Rescue workers search the riverbank near the old mill", DEBRIS_CAPTION},
    {"Image copyright Harbour Press Image caption The pier before the storm", DEBRIS_CAPTION},
    {"FILE - In this March 3, 2019 file photo, a ferry leaves the port of Velmora.", DEBRIS_CAPTION},
    {"In this Tuesday, June 4, 2024, photo provided by the Coast Guard, divers enter the water.", DEBRIS_CAPTION},
    {"Volunteers carry sandbags along the quay. (Photo: Mira Tallis, Coastline News)", DEBRIS_CAPTION},
    {"The mayor speaks to reporters (AP Photo/Jon Arbel)", DEBRIS_CAPTION},
    {"A crane lifts a section of the walkway. (Lena Ostrova/Getty Images)", DEBRIS_CAPTION},
    {"Residents gather at the memorial. Photograph: Tomas Reyd/Velmora Herald", DEBRIS_CAPTION},
    {"Enlarge this image toggle caption Anna Berg/NPR Anna Berg/NPR", DEBRIS_CAPTION},
    {"Slideshow (12 Images)", DEBRIS_CAPTION},
    {"(NYT7) PORTLAND -- Oct. 2, 2001 -- A fisherman mends a net.", DEBRIS_CAPTION},
    {"Image copyright Getty Images", DEBRIS_CREDIT},
    {"Photo by Carla Mendes", DEBRIS_CREDIT},
    {"Credit: Velmora Port Authority", DEBRIS_CREDIT},
    {"Dana Whitfield/Reuters", DEBRIS_CREDIT},
    {"VCG via Getty Images", DEBRIS_CREDIT},
    {"Courtesy of the Okafor Family", DEBRIS_CREDIT},
    {"\xC2\xA9 2024 Coastline Broadcasting. All rights reserved.", DEBRIS_CREDIT},
    {"Copyright 2023 Harbour Gazette", DEBRIS_CREDIT},
    {"This material may not be published, broadcast, rewritten or redistributed.", DEBRIS_CREDIT},
    {"(Associated Press)", DEBRIS_CREDIT},
    {"Image via Instagram", DEBRIS_CREDIT},
    {"By Marta Kowalczyk", DEBRIS_BYLINE},
    {"By Marta Kowalczyk and Owen Pryce, Coastline News", DEBRIS_BYLINE},
    {"BY DANIEL OSEI, Associated Press Writer", DEBRIS_BYLINE},
    {"By Priya Natarajan of the Velmora Herald", DEBRIS_BYLINE},
    {"(Published Tuesday, Oct. 8, 2024)", DEBRIS_BYLINE},
    {"Published on Aug 11, 2022", DEBRIS_BYLINE},
    {"First Published: Jun 13, 2021 12:29 IST", DEBRIS_BYLINE},
    {"/ Updated By Lauren Hale and Sam Ortiz", DEBRIS_BYLINE},
    {"Reuters and The Associated Press contributed to this report.", DEBRIS_CONTRIBUTOR},
    {"Staff writer Elena Duarte contributed reporting from Velmora.", DEBRIS_CONTRIBUTOR},
    {"(Reporting by Ivo Marek; Editing by Ruth Sandoval)", DEBRIS_CONTRIBUTOR},
    {"Marek reported from Velmora, Ostland.", DEBRIS_CONTRIBUTOR},
    {"To contact the reporter on this story: Ivo Marek in Velmora at imarek@example.com", DEBRIS_CONTRIBUTOR},
    {"Write to Ruth Sandoval at ruth.sandoval@example.com", DEBRIS_CONTRIBUTOR},
    {"Elena Duarte can be reached at 555-201-3344.", DEBRIS_CONTRIBUTOR},
    {"Related content:", DEBRIS_RELATED},
    {"RELATED: Ferry operators warn of delays", DEBRIS_RELATED},
    {"Read more: The history of the Velmora pier", DEBRIS_RELATED},
    {"[Related: Five things to know about bridge inspections]", DEBRIS_RELATED},
    {"SEE ALSO: Storm season starts early", DEBRIS_RELATED},
    {"Harbour towns brace for winter storms Read more", DEBRIS_RELATED},
    {"Share Tweet Email", DEBRIS_SHARE},
    {"Discuss as: Tweet", DEBRIS_SHARE},
    {"Follow us on Twitter.", DEBRIS_SHARE},
    {"For the latest updates, follow @velmoranews.", DEBRIS_SHARE},
    {"Sign up for our daily newsletter.", DEBRIS_SHARE},
    {"Subscribe to the Morning Brief newsletter.", DEBRIS_SHARE},
    {"This site uses cookies to improve your experience.", DEBRIS_SHARE},
    {"Click here to read the full report.", DEBRIS_SHARE},
    {"Read or Share this story: https://example.com/x", DEBRIS_SHARE},
    {"Want the headlines delivered to your inbox?", DEBRIS_SHARE},
    {"Add this video to your website by copying the code below.", DEBRIS_WIDGET},
    {"Media playback is unsupported on your device", DEBRIS_WIDGET},
    {"Tweet with a location", DEBRIS_WIDGET},
    {"Rain again on the quay. \xE2\x80\x94 Jo Fenn (@jofenn) March 2, 2021", DEBRIS_WIDGET},
    {"JUST WATCHED Divers search the harbor Replay More Videos ...", DEBRIS_WIDGET},
    {"Please enable JavaScript to view the comments.", DEBRIS_WIDGET},
    {"Advertisement", DEBRIS_NAVIGATION},
    {"Story continues below advertisement", DEBRIS_NAVIGATION},
    {"___", DEBRIS_NAVIGATION},
    {"Home > News > World", DEBRIS_NAVIGATION},
    {"History [ edit ]", DEBRIS_NAVIGATION},
    {"Story highlights The pier gave way during the festival", DEBRIS_NAVIGATION},
    {"Since 1996 a partner has given its crawl data to the Internet Archive every day.", DEBRIS_OTHER},
    {"These pages are added to the Wayback Machine after an embargo period.", DEBRIS_OTHER},
    {"The WARC files for this collection are not public.", DEBRIS_OTHER},
    {"This story has been updated to correct the number of injured.", DEBRIS_OTHER},
    {"Editor's note: An earlier version misspelled the mayor's name.", DEBRIS_OTHER},
    {"Originally published on Coastline Weekly.", DEBRIS_OTHER},
    {"Dow Jones Reprints: This copy is for your personal, non-commercial use only.", DEBRIS_OTHER},
    {"(Tomas Reyd/Velmora Herald)", DEBRIS_CREDIT},
    {"ASSOCIATED PRESS", DEBRIS_CREDIT},
    {"-- Anna Griffith", DEBRIS_BYLINE},
    {"\xE2\x80\x94 By Ivo Marek, Meridian Harbour Writer", DEBRIS_BYLINE},
    {"1/12 On the fireworks \xE2\x80\x9cWe expected a party.\xE2\x80\x9d", DEBRIS_CAPTION},
    {"This story appears in the June 2025 issue of Coastline Monthly.", DEBRIS_OTHER},
    {"Contributing: Ivo Marek, Ruth Sandoval", DEBRIS_CONTRIBUTOR},
    {"(Also on Coastline: Ferry timetable changes)", DEBRIS_RELATED},
    {"Have a news tip?", DEBRIS_SHARE},
    {"Back to Harbour News >", DEBRIS_NAVIGATION},
    {"(gb)", DEBRIS_OTHER},
    {"A diver surfaces beside the broken walkway in Port Avelin, Ostland, Sunday, June 15, 2025.", DEBRIS_CAPTION},
    {"Officials say the walkway had been closed twice before the...", DEBRIS_RELATED},
    {"Loading video...", DEBRIS_WIDGET},
    {"Harbour master Ola Berg, left, and diver Ana Reyd inspect the pier on Tuesday.", DEBRIS_CAPTION},
    {"-- Mira Tallis, right, speaks with a rescuer near the old mill.", DEBRIS_CAPTION},
    {"Aerial view of the flooded valley below the dam.", DEBRIS_CAPTION},
    {"View of the harbour from the lighthouse.", DEBRIS_CAPTION},
    {"The site of the ferry collapse near Velmora on Sunday, June 15, 2025.", DEBRIS_CAPTION},
    {"Velmora Mayor Ana Lee speaks at a news conference Tuesday about the pier.", DEBRIS_CAPTION},
    {"Rescuers carry a survivor from the water in Port Avelin, early Sunday, June 15, 2025.", DEBRIS_CAPTION},
    {"A man collects driftwood on the beach near Port Avelin.", DEBRIS_CAPTION},
    {"Police investigate the fire at the Harbour Hotel in Velmora.", DEBRIS_CAPTION},
    {"Rescuers have increasingly searched the northern reefs...", DEBRIS_RELATED},
};

/* Content that resembles debris: it mentions photos, newsletters, bylines,
 * agencies, sharing or the archive, and must stay. */
static const char *const content_cases[] = {
    "He turned left, and the car went into the water.",
    "The left, the right and the centre all voted for the bill.",
    "The views of the ministers have changed over the years.",
    "The site of the new bridge was chosen in 2019.",
    "Mayor Ana Lee spoke at a news conference on Tuesday.",
    "Ola Berg speaks fluent Ostlandic and reads poetry.",
    "A close look at the hull shows where the plates gave way in Velmora.",
    "\"We kept going and going...",
    "I don't know what happens next...",
    "And we waited, and waited...",
    "The photo shows the pier moments before it collapsed, police said.",
    "Photographers were kept behind a cordon for most of the day.",
    "She signed up for the rescue team after her brother drowned.",
    "By Monday, divers had recovered 12 bodies from the harbor.",
    "By the time firefighters arrived, the walkway had already fallen.",
    "By comparison, last year's festival drew 40,000 visitors.",
    "The newsletter of the fishermen's union warned of rot in the pilings last year.",
    "Residents shared videos of the collapse on social media.",
    "The mayor said on Twitter that the town was in mourning.",
    "Follow the money, the auditor told the council.",
    "Related charges could follow, prosecutors said.",
    "Getty Images said on Monday it had licensed the footage to broadcasters.",
    "He contributed to the report's findings on harbor safety.",
    "The engineers who contributed to this report were not named.",
    "Copyright law does not protect facts, the judge wrote.",
    "Subscribers to the harbor newsletter received the warning two days earlier.",
    "Click and collect services were suspended at the port.",
    "The cookies sold at the festival raised money for the lifeboat crew.",
    "Reuters reported that the death toll had risen to 14.",
    "The Associated Press counted 14 dead by Wednesday evening.",
    "Published in 1998, the inspection report warned of corrosion.",
    "Image matters to a port that lives on tourism, the mayor said.",
    "In this town, everyone knows someone who was on the pier.",
    "FILE transfers between the agencies were delayed.",
    "Advertisements for the festival promised a new pier.",
    "Home owners near the quay were evacuated.",
    "Watch out for falling debris, the police warned.",
    "Story after story described the same moment: a crack, then a roar.",
    "Share prices of the operator fell 8 percent on Thursday.",
    "Email records show the inspection was postponed twice.",
    "Credit card donations poured in overnight.",
    "Courtesy calls were made to every family on Thursday.",
    "He said the video, shot by a tourist, showed the railing give way.",
    "Like many towns on the coast, Velmora depends on its harbor.",
    "A man in a photo posted on Facebook was later identified as the missing engineer.",
    "Discussions about the pier's future will start next week.",
    "More than 200 people were on the pier.",
    "Related by marriage to the mayor, the contractor denied any conflict.",
    "The Internet Archive preserved the festival's old website.",
    "Reporting by local media suggested the railing had been repaired in June.",
    "Write to your councillor, the campaigners urged.",
    "Contact with the divers was lost at 3 p.m.",
    "Tweets from the pier showed the crowd moments before the fall.",
    "Originally published in 1851, the harbor charter is still in force.",
    "WASHINGTON has not commented on the collapse.",
    "The town's photo archive was opened to investigators.",
    "-- and then, witnesses said, it simply fell.",
    "(The railing had been painted in May.)",
    "Anna Griffith for Mayor signs lined the quay.",
    "By 10 p.m. the quay was full.",
    "The inquiry opens on Monday, June 23, 2025, in the town hall.",
    "\"It was wrong, and they knew it ...",
    "\"Nobody expected the old bridge to fall...", /* quotations trail off */
    "9/11 Commission members visited the port in 2004.",
    "\xE2\x80\x94 and by then the tide had turned.",
};

TEST(every_pattern_compiles)
{
    /* Compiles each line on its own so a bad one is named, not just a
     * NULL from cleaner_new. */
    static const char *const files[] = {"caption", "credit", "byline", "contributor", "related",
                                        "share", "widget", "navigation", "other", "dateline"};
    struct {
        int bad, total;
    } st = {0, 0};
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        char name[64];
        snprintf(name, sizeof name, "debris/%s.txt", files[f]);
        int before = st.total;
        size_t len;
        const char *p = data_get(name, &len);
        CHECK(p != NULL);
        if (!p)
            continue;
        const char *end = p + len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *eol = nl ? nl : end;
            size_t n = (size_t)(eol - p);
            while (n && (p[n - 1] == ' ' || p[n - 1] == '\r'))
                n--;
            if (n && p[0] != '#') {
                int err;
                PCRE2_SIZE off;
                pcre2_code *re = pcre2_compile((PCRE2_SPTR)p, n,
                                               PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF,
                                               &err, &off, NULL);
                if (!re) {
                    PCRE2_UCHAR msg[160];
                    pcre2_get_error_message(err, msg, sizeof msg);
                    fprintf(stderr, "  %s: offset %zu: %s: %.*s\n", name, (size_t)off, (char *)msg, (int)n, p);
                    st.bad++;
                }
                pcre2_code_free(re);
                st.total++;
            }
            p = eol + 1;
        }
        CHECK(st.total > before); /* no empty pattern file */
    }
    CHECK(st.bad == 0);
    CHECK(shared_cleaner != NULL);
}

TEST(debris_of_every_kind)
{
    if (!shared_cleaner)
        return;
    int seen[DEBRIS_OTHER + 1] = {0};
    for (size_t i = 0; i < sizeof debris_cases / sizeof *debris_cases; i++) {
        CHECK_KIND(debris_cases[i].s, debris_cases[i].kind);
        seen[debris_cases[i].kind]++;
    }
    for (int k = DEBRIS_CAPTION; k <= DEBRIS_OTHER; k++)
        CHECK(seen[k] >= 3);
}

TEST(near_miss_content_stays)
{
    if (!shared_cleaner)
        return;
    for (size_t i = 0; i < sizeof content_cases / sizeof *content_cases; i++)
        CHECK_KIND(content_cases[i], DEBRIS_NONE);
}

TEST(first_kind_wins_and_space_is_ignored)
{
    if (!shared_cleaner)
        return;
    /* A credit label followed by a caption is both: the earlier kind wins. */
    CHECK_KIND("Image copyright Getty Images Image caption Boats at anchor", DEBRIS_CAPTION);
    CHECK_KIND("  \tAdvertisement \r\n", DEBRIS_NAVIGATION);
    CHECK_KIND("", DEBRIS_NONE);
    CHECK_KIND(" \n\t ", DEBRIS_NONE);
    CHECK(cleaner_debris(shared_cleaner, "Related content: and more", 16) == DEBRIS_RELATED);
    CHECK(cleaner_debris(NULL, "Advertisement", 13) == DEBRIS_NONE);
    CHECK(cleaner_debris(shared_cleaner, NULL, 0) == DEBRIS_NONE);
}

TEST(kind_names)
{
    CHECK_STR(cleaner_kind_name(DEBRIS_NONE), "none");
    CHECK_STR(cleaner_kind_name(DEBRIS_CAPTION), "caption");
    CHECK_STR(cleaner_kind_name(DEBRIS_CREDIT), "credit");
    CHECK_STR(cleaner_kind_name(DEBRIS_BYLINE), "byline");
    CHECK_STR(cleaner_kind_name(DEBRIS_CONTRIBUTOR), "contributor");
    CHECK_STR(cleaner_kind_name(DEBRIS_RELATED), "related");
    CHECK_STR(cleaner_kind_name(DEBRIS_SHARE), "share");
    CHECK_STR(cleaner_kind_name(DEBRIS_WIDGET), "widget");
    CHECK_STR(cleaner_kind_name(DEBRIS_NAVIGATION), "navigation");
    CHECK_STR(cleaner_kind_name(DEBRIS_OTHER), "other");
    CHECK_STR(cleaner_kind_name(-1), "unknown");
    CHECK_STR(cleaner_kind_name(DEBRIS_OTHER + 1), "unknown");
}

/* Checks that s starts with a dateline of exactly the bytes of want. */
static void check_dateline(const char *s, const char *want, int line)
{
    size_t got = cleaner_dateline(shared_cleaner, s, strlen(s));
    if (got != strlen(want) || strncmp(s, want, strlen(want)) != 0) {
        fprintf(stderr, "  %s:%d: dateline of \"%s\" is %zu bytes, want \"%s\"\n", __FILE__, line, s, got, want);
        test_failed_ = 1;
    }
}
#define CHECK_DATELINE(s, want) check_dateline((s), (want), __LINE__)

TEST(datelines)
{
    if (!shared_cleaner)
        return;
    CHECK_DATELINE("NAIROBI, January 4 (Xinhua) -- Kenya said on Tuesday that ...", "NAIROBI, January 4 (Xinhua) -- ");
    CHECK_DATELINE("WASHINGTON (AP) \xE2\x80\x94 The Senate voted late on Monday.", "WASHINGTON (AP) \xE2\x80\x94 ");
    CHECK_DATELINE("LONDON (Reuters) - Britain's ports reopened.", "LONDON (Reuters) - ");
    CHECK_DATELINE("FORT WORTH -- A man is in custody.", "FORT WORTH -- ");
    CHECK_DATELINE("BUFFALO, N.Y. (AP) _ For the first time, the lake froze.", "BUFFALO, N.Y. (AP) _ ");
    CHECK_DATELINE("VELMORA, Ostland, March 14 (Harbour Wire) \xE2\x80\x93 The pier fell.",
                   "VELMORA, Ostland, March 14 (Harbour Wire) \xE2\x80\x93 ");
    CHECK_DATELINE("BEIDAIHE (Hebei), March 5 (Xinhua) -- Wetlands matter.", "BEIDAIHE (Hebei), March 5 (Xinhua) -- ");
    CHECK_DATELINE("SAN JUAN, Puerto Rico (AP) -- Two sailors landed.", "SAN JUAN, Puerto Rico (AP) -- ");
    CHECK_DATELINE("(CNN) -- After days of waiting, the families got news.", "(CNN) -- ");
    CHECK_DATELINE("(CNN) A storm is heading for the coast.", "(CNN) ");
    CHECK_DATELINE("Hong Kong (CNN)Shares fell on Monday.", "Hong Kong (CNN)");
    CHECK_DATELINE("Dec 17 (Reuters) - Ticket sales rose.", "Dec 17 (Reuters) - ");
    CHECK_DATELINE("GENEVA (AP) -- GENEVA (AP) -- Two balloonists neared Africa.", "GENEVA (AP) -- GENEVA (AP) -- ");
    CHECK_DATELINE("(UNDATED) _ It is easy to be angry.", "(UNDATED) _ ");
    CHECK_DATELINE("PORT ELLIS, Ostland -", "PORT ELLIS, Ostland -");
    CHECK_DATELINE("TORONTO\xE2\x80\x94The pier was closed.", "TORONTO\xE2\x80\x94");
    CHECK_DATELINE("WOODLAND HILLS >> Detectives are investigating.", "WOODLAND HILLS >> ");
    /* A dash left behind where the place was dropped. */
    CHECK_DATELINE("\xE2\x80\x94 Ten volunteers were arrested.", "\xE2\x80\x94 ");
}

TEST(not_datelines)
{
    if (!shared_cleaner)
        return;
    static const char *const cases[] = {
        "FILE - In this photo, the pier is seen from the water.",
        "UPDATE -- Police said the toll had risen.",
        "EXCLUSIVE \xE2\x80\x94 The mayor speaks.",
        "NASA said the launch would go ahead.",
        "The mayor -- who was on the pier -- survived.",
        "I -- I don't know, he said.",
        "U.S. officials said the bridge was safe.",
        "Washington said on Monday it would send divers.",
        "OK -- that is fine.",
        "EQUAL PAY FOR EVERY HARBOUR WORKER NOW _ the banners said.",
        "ABSENCE OF WAR- U AND ME",
        "Velmora (a port of 9,000 people) -- is in mourning.",
        "A MAN was pulled from the water.",
        "",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CHECK_DATELINE(cases[i], "");
    CHECK(cleaner_dateline(NULL, "LONDON -- x", 11) == 0);
    CHECK(cleaner_dateline(shared_cleaner, NULL, 0) == 0);
    /* The dateline is found within the n bytes given, never beyond. */
    CHECK(cleaner_dateline(shared_cleaner, "LONDON -- x", 6) == 0);
}

TEST(invalid_utf8_is_harmless)
{
    if (!shared_cleaner)
        return;
    /* A valid debris prefix is still recognised before the bad bytes. */
    CHECK(cleaner_debris(shared_cleaner, "Related content:\xFF\xFE", 18) == DEBRIS_RELATED);
    /* Bad bytes inside a pattern's text stop that pattern from matching. */
    CHECK(cleaner_debris(shared_cleaner, "Advert\xC3isement", 14) == DEBRIS_NONE);
    CHECK(cleaner_debris(shared_cleaner, "\xC0\xAF\xED\xA0\x80\xF8\x88\x80\x80\x80", 10) == DEBRIS_NONE);
    /* A dateline stops where the bad bytes start and stays inside s. */
    const char *d = "LONDON (Reuters) - \xFF\xFE the text";
    CHECK(cleaner_dateline(shared_cleaner, d, strlen(d)) == strlen("LONDON (Reuters) - "));
    CHECK(cleaner_dateline(shared_cleaner, "LON\xFF" "DON -- x", 12) == 0);
    /* A truncated sequence at the very end and embedded NUL bytes. */
    CHECK(cleaner_debris(shared_cleaner, "Advertisement\xE2\x80", 15) == DEBRIS_NONE);
    CHECK(cleaner_debris(shared_cleaner, "Share\0Tweet", 11) == DEBRIS_NONE);
    /* Random bytes: any answer in range, no crash, no read past n (ASan). */
    unsigned long x = 12345;
    for (int t = 0; t < 3000; t++) {
        size_t n = (size_t)(t % 97) + 1;
        char *buf = malloc(n);
        if (!buf)
            return;
        for (size_t i = 0; i < n; i++) {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            static const char alphabet[] = "Share Tweet (AP) -- \xE2\x80\x94\xFF";
            unsigned long r = x >> 33;
            buf[i] = t % 3 ? (char)(r & 0xFF) : alphabet[r % (sizeof alphabet - 1)];
        }
        int k = cleaner_debris(shared_cleaner, buf, n);
        CHECK(k >= DEBRIS_NONE && k <= DEBRIS_OTHER);
        CHECK(cleaner_dateline(shared_cleaner, buf, n) <= n);
        free(buf);
    }
}

TEST(allocation_failure)
{
    /* Counts the allocations of a successful cleaner_new, then makes the
     * Nth fail for N spread over that range: every failure must give NULL
     * (and, under ASan, leak nothing). */
    nf_set_allocator(budget_malloc, budget_realloc, free);
    alloc_budget = -1;
    alloc_count = 0;
    cleaner *c = cleaner_new();
    long total = alloc_count;
    CHECK(c != NULL);
    cleaner_free(c);
    int failures = 0;
    for (long k = 0; k < total; k = k < 8 ? k + 1 : k + total / 23 + 1) {
        alloc_budget = k;
        c = cleaner_new();
        if (!c)
            failures++;
        cleaner_free(c);
    }
    CHECK(failures > 10);
    /* With no memory at all, classification keeps content and finds no dateline. */
    alloc_budget = -1;
    c = cleaner_new();
    alloc_budget = 0;
    CHECK(cleaner_debris(c, "Advertisement", 13) == DEBRIS_NONE);
    CHECK(cleaner_dateline(c, "LONDON -- x", 11) == 0);
    alloc_budget = -1;
    cleaner_free(c);
    nf_set_allocator(NULL, NULL, NULL);
    cleaner_free(NULL);
}

struct worker {
    int mismatches;
};

/* Classifies every case 40 times and counts answers that differ from the
 * expected ones. */
static void *worker_run(void *arg)
{
    struct worker *w = arg;
    for (int r = 0; r < 40; r++) {
        for (size_t i = 0; i < sizeof debris_cases / sizeof *debris_cases; i++)
            w->mismatches += kind_of(debris_cases[i].s) != debris_cases[i].kind;
        for (size_t i = 0; i < sizeof content_cases / sizeof *content_cases; i++)
            w->mismatches += kind_of(content_cases[i]) != DEBRIS_NONE;
        w->mismatches += cleaner_dateline(shared_cleaner, "LONDON (Reuters) - x", 20) != 19;
    }
    return NULL;
}

TEST(concurrent_calls_on_one_cleaner)
{
    if (!shared_cleaner)
        return;
    pthread_t th[4];
    struct worker w[4] = {{0}};
    int started = 0;
    for (int i = 0; i < 4; i++)
        started += pthread_create(&th[i], NULL, worker_run, &w[i]) == 0;
    CHECK(started == 4);
    for (int i = 0; i < started; i++) {
        pthread_join(th[i], NULL);
        CHECK(w[i].mismatches == 0);
    }
}

/* Builds a string of n bytes repeating unit. The caller frees it. */
static char *repeat(const char *unit, size_t n)
{
    char *s = malloc(n + 1);
    size_t u = strlen(unit);
    for (size_t i = 0; s && i < n; i++)
        s[i] = unit[i % u];
    if (s)
        s[n] = '\0';
    return s;
}

TEST(match_cost_stays_linear)
{
    if (!shared_cleaner)
        return;
    /* Long inputs built from the pieces patterns look for (words, slashes,
     * parentheses, names, "By", "contributed", "Internet Archive") but
     * never completing a match. A pattern that backtracks quadratically
     * would take minutes on these; linear ones take milliseconds. */
    static const char *const units[] = {
        "By Ann Lee and ", "Ann Lee/", "(Photo: a ", "contributed to this ", "Internet Archive ",
        "follow Ann on ", "a ", "FILE ", "Image copyright ", "\xE2\x80\x94 Ann (@", "Related ",
    };
    clock_t t0 = clock();
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        char *s = repeat(units[i], 200000);
        if (!s)
            return;
        int k = cleaner_debris(shared_cleaner, s, strlen(s));
        CHECK(k >= DEBRIS_NONE && k <= DEBRIS_OTHER);
        CHECK(cleaner_dateline(shared_cleaner, s, strlen(s)) < 200000);
        free(s);
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (secs > 20)
        fprintf(stderr, "  match cost: %.1f s for %zu inputs of 200 kB\n", secs, sizeof units / sizeof *units);
    CHECK(secs < 20);
}


/* Checks that both verdicts on s[0..n) (debris kind, dateline length) are
 * the same with and without the prefilter, and that the prefilter skips no
 * pattern that matches; prints the sentence if not. Returns 1 if so. */
static int agrees(const char *s, size_t n)
{
    int k = cleaner_debris(shared_cleaner, s, n), rk = cleaner_debris_unfiltered(shared_cleaner, s, n);
    size_t d = cleaner_dateline(shared_cleaner, s, n), rd = cleaner_dateline_unfiltered(shared_cleaner, s, n);
    size_t miss = cleaner_prefilter_misses(shared_cleaner, s, n);
    if (k == rk && d == rd && !miss)
        return 1;
    fprintf(stderr, "  prefilter differs: %s/%zu, unfiltered %s/%zu, %zu patterns missed on \"",
            cleaner_kind_name(k), d, cleaner_kind_name(rk), rd, miss);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, (unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f ? "\\x%02X" : "%c",
                (unsigned char)s[i]);
    fprintf(stderr, "\"\n");
    return 0;
}

TEST(unicode_case_variants_classify_like_ascii)
{
    if (!shared_cleaner)
        return;
    /* Under CASELESS and UCP, s also matches U+017F LONG S and k U+212A
     * KELVIN SIGN: the prefilter folds them to s and k, so these are
     * recognised as their ASCII spellings are, not skipped. */
    static const struct {
        const char *ascii, *variant;
        int kind;
    } cases[] = {
        {"Continue reading the main story", "Continue reading the main \xC5\xBFtory", DEBRIS_NAVIGATION},
        {"Continue reading the main story", "Continue reading the main \xC5\xBF\x54ORY", DEBRIS_NAVIGATION},
        {"Facebook Twitter Pinterest", "Faceboo\xE2\x84\xAA Twitter Pinterest", DEBRIS_SHARE},
        {"Facebook Twitter Pinterest", "FACEBOO\xE2\x84\xAA TWITTER PINTERE\xC5\xBFT", DEBRIS_SHARE},
        {"Share this article", "\xC5\xBFhare this article", DEBRIS_SHARE},
        {"Like this:", "Li\xE2\x84\xAA" "e this:", DEBRIS_SHARE},
        {"Story highlights", "\xC5\xBFtory highlights", DEBRIS_NAVIGATION},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        CHECK_KIND(cases[i].ascii, cases[i].kind);
        CHECK_KIND(cases[i].variant, cases[i].kind);
        CHECK(agrees(cases[i].variant, strlen(cases[i].variant)));
    }
    /* Other look-alikes are not case variants: they stay content. */
    CHECK_KIND("Continue reading the main \xC5\xBE" "tory", DEBRIS_NONE);  /* U+017E */
    CHECK_KIND("Faceboo\xE2\x84\xAB Twitter Pinterest", DEBRIS_NONE);     /* U+212B */
}

TEST(only_long_s_and_kelvin_fold_to_ascii)
{
    /* The prefilter's premise, checked against PCRE2 over every code
     * point: with the cleaner's options, no character beyond ASCII matches
     * an ASCII letter caselessly except U+017F (s) and U+212A (k). If a
     * PCRE2 update adds one, clean_trigrams must fold it too. */
    int err;
    PCRE2_SIZE off;
    const uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF;
    pcre2_code *cls = pcre2_compile((PCRE2_SPTR) "^[a-z]$", PCRE2_ZERO_TERMINATED, opts, &err, &off, NULL);
    pcre2_code *k = pcre2_compile((PCRE2_SPTR) "^k$", PCRE2_ZERO_TERMINATED, opts, &err, &off, NULL);
    pcre2_code *sl = pcre2_compile((PCRE2_SPTR) "^s$", PCRE2_ZERO_TERMINATED, opts, &err, &off, NULL);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    CHECK(cls && k && sl && md);
    if (!cls || !k || !sl || !md)
        goto out;
    int found = 0;
    for (uint32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        unsigned char u[4];
        size_t n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        u[0] = (unsigned char)(n == 2 ? 0xC0 | cp >> 6 : n == 3 ? 0xE0 | cp >> 12 : 0xF0 | cp >> 18);
        for (size_t j = 1; j < n; j++)
            u[j] = (unsigned char)(0x80 | (cp >> (6 * (n - 1 - j)) & 0x3F));
        if (pcre2_match(cls, u, n, 0, 0, md, NULL) >= 0) {
            found++;
            CHECK(cp == 0x17F || cp == 0x212A);
            if (cp != 0x17F && cp != 0x212A)
                fprintf(stderr, "  U+%04X matches [a-z] caselessly\n", (unsigned)cp);
        }
    }
    CHECK(found == 2);
    CHECK(pcre2_match(k, (PCRE2_SPTR) "\xE2\x84\xAA", 3, 0, 0, md, NULL) >= 0);
    CHECK(pcre2_match(sl, (PCRE2_SPTR) "\xC5\xBF", 2, 0, 0, md, NULL) >= 0);
out:
    pcre2_match_data_free(md);
    pcre2_code_free(cls);
    pcre2_code_free(k);
    pcre2_code_free(sl);
}

/* The literal pieces of the debris and dateline patterns: runs of bytes
 * that are not regex syntax, as the prefilter reads them. */
struct pieces {
    char text[16384];
    size_t start[2048], len[2048], n, used;
};

/* Adds the literal runs of one pattern line to pc. */
static void pieces_of_line(struct pieces *pc, const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && pc->n < 2048) {
        size_t a = pc->used;
        while (i < n && pc->used < sizeof pc->text && !strchr("()[]{}|?*+^$.\\", p[i]))
            pc->text[pc->used++] = p[i++];
        if (pc->used - a >= 2)
            pc->start[pc->n] = a, pc->len[pc->n++] = pc->used - a;
        else
            pc->used = a;
        if (i < n && p[i] == '\\')
            i++; /* an escaped byte is skipped with its escape */
        i++;
    }
}

/* Collects the pieces of every pattern file. */
static void pieces_collect(struct pieces *pc)
{
    static const char *const files[] = {"caption", "credit", "byline", "contributor", "related",
                                        "share", "widget", "navigation", "other", "dateline"};
    pc->n = pc->used = 0;
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        char name[64];
        size_t len;
        snprintf(name, sizeof name, "debris/%s.txt", files[f]);
        const char *p = data_get(name, &len), *end = p ? p + len : NULL;
        while (p && p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p)), *eol = nl ? nl : end;
            if (eol > p && *p != '#')
                pieces_of_line(pc, p, (size_t)(eol - p));
            p = eol + 1;
        }
    }
}

static unsigned long rng_state;
static unsigned rng(unsigned bound)
{
    rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)(rng_state >> 33) % bound;
}

/* Appends byte or string to out[0..*n) within cap. */
static void put(char *out, size_t *n, size_t cap, const char *s, size_t len)
{
    for (size_t i = 0; i < len && *n < cap; i++)
        out[(*n)++] = s[i];
}

/* Appends one piece, mutated: case flips, s and k as long s and Kelvin,
 * a punctuation byte, a space or a bad byte inserted, or cut short. */
static void put_mutated(char *out, size_t *n, size_t cap, const char *p, size_t len)
{
    static const char *const odd[] = {"\xC5\xBF", "\xE2\x84\xAA", "\xFF", "\xC5", "\xE2\x84", " ", "-", ".",
                                      ":", "'", "\xE2\x80\x94", "/", "(", ")", "\xC3\xA9", "\0"};
    if (rng(4) == 0)
        len = rng((unsigned)len) + 1; /* truncated */
    for (size_t i = 0; i < len; i++) {
        char c = p[i];
        unsigned r = rng(24);
        if (r == 0 && (c | 32) == 's')
            put(out, n, cap, "\xC5\xBF", 2);
        else if (r == 0 && (c | 32) == 'k')
            put(out, n, cap, "\xE2\x84\xAA", 3);
        else if (r == 1) {
            const char *o = odd[rng(sizeof odd / sizeof *odd)];
            put(out, n, cap, o, *o ? strlen(o) : 1);
            put(out, n, cap, &c, 1);
        } else if (r == 2)
            continue; /* dropped */
        else {
            if (r < 8 && ((c | 32) >= 'a' && (c | 32) <= 'z'))
                c ^= 32;
            put(out, n, cap, &c, 1);
        }
    }
}

/* Builds one tricky sentence of pieces into out; returns its length. */
static size_t tricky_sentence(const struct pieces *pc, char *out, size_t cap)
{
    static const char *const glue[] = {" ", "", ": ", " -- ", ", ", ". ", " (AP) ", " \xE2\x80\x94 ", "/",
                                       "John Smith", " 12 ", "THE ", " and ", "\n"};
    size_t n = 0, parts = rng(5) + 1;
    for (size_t i = 0; i < parts; i++) {
        size_t k = rng((unsigned)pc->n);
        if (rng(3) == 0)
            put(out, &n, cap, pc->text + pc->start[k], pc->len[k]);
        else
            put_mutated(out, &n, cap, pc->text + pc->start[k], pc->len[k]);
        const char *g = glue[rng(sizeof glue / sizeof *glue)];
        if (i + 1 < parts || rng(2))
            put(out, &n, cap, g, strlen(g));
    }
    return n;
}

TEST(prefilter_agrees_on_tricky_sentences)
{
    if (!shared_cleaner)
        return;
    /* Sentences made of the patterns' own literal pieces, mutated (see
     * put_mutated), from a fixed seed: each must get the same debris kind
     * and dateline length with the prefilter as without it. */
    static struct pieces pc;
    pieces_collect(&pc);
    CHECK(pc.n > 200);
    if (pc.n == 0)
        return;
    rng_state = 20261122;
    int bad = 0, debris = 0;
    char s[600];
    for (int t = 0; t < 30000 && bad < 10; t++) {
        size_t n = tricky_sentence(&pc, s, sizeof s);
        bad += !agrees(s, n);
        debris += cleaner_debris(shared_cleaner, s, n) != DEBRIS_NONE;
    }
    CHECK(bad == 0);
    /* The generator reaches the patterns: a fair share is debris. */
    CHECK(debris > 300);
}

/* Checks every sentence nf_split finds in t[0..n); returns the number of
 * disagreements, adding the sentences to *sentences. */
static int agree_on_text(const char *t, size_t n, size_t *sentences)
{
    size_t *spans = NULL, count = 0;
    int bad = 0;
    if (nf_split(t, n, &spans, &count) != NF_OK)
        return 0;
    for (size_t i = 0; i < count; i++)
        bad += !agrees(t + spans[2 * i], spans[2 * i + 1] - spans[2 * i]);
    *sentences += count;
    nf_free(spans);
    return bad;
}

/* The same for one JSON line's field "text", or "html" when html: then
 * each stretch of text between the tags (script and style too: the more
 * hostile, the better) on its own. */
static int agree_on_field(const char *line, size_t len, int html, size_t *sentences)
{
    json_t *j = json_loadb(line, len, 0, NULL);
    json_t *f = json_object_get(j, html ? "html" : "text");
    const char *h = json_string_value(f);
    size_t n = h ? json_string_length(f) : 0;
    int bad = 0;
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && (!html || h[e] != '<'))
            e++;
        bad += agree_on_text(h + i, e - i, sentences);
        while (e < n && h[e] != '>')
            e++;
        i = e + 1;
    }
    json_decref(j);
    return bad;
}

/* Checks every sentence of one JSONL file: clusters, or single texts
 * (articles, sentence sets) in "text", or pages when html. Returns -1 if
 * it cannot be read, else the number of disagreements, adding to
 * *sentences. */
static int agree_on_file(const char *path, int html, size_t *sentences)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int bad = 0;
    while ((len = getline(&line, &cap, f)) > 0 && bad < 10) {
        nf_docset *ds = html ? NULL : nf_docset_new();
        if (ds && nf_docset_add_json(ds, line, (size_t)len) == NF_OK)
            for (size_t d = 0; d < nf_docset_count(ds); d++) {
                size_t tlen;
                const char *t = nf_docset_text(ds, d, &tlen);
                bad += agree_on_text(t, tlen, sentences);
            }
        else
            bad += agree_on_field(line, (size_t)len, html, sentences);
        nf_docset_free(ds);
    }
    free(line);
    fclose(f);
    return bad;
}

TEST(prefilter_agrees_on_dev_data)
{
    if (!shared_cleaner)
        return;
    /* Every sentence of the dev sets (read here at run time, never
     * copied) gets the same verdicts with and without the prefilter. */
    static const struct {
        const char *path;
        int html;
    } files[] = {
        {"../shared/data/duc2004.dev.jsonl", 0},   {"../shared/data/duc2006.dev.jsonl", 0},
        {"../shared/data/duc2007_update.dev.jsonl", 0}, {"../shared/data/multinews.dev.jsonl", 0},
        {"../shared/data/clustering.dev.jsonl", 0}, {"../shared/data/sentences.gum_news.dev.jsonl", 0},
        {"../shared/data/sentences.ud_ewt_dev.jsonl", 0}, {"../shared/data/html.aeb.dev.jsonl", 1},
    };
    size_t sentences = 0;
    int read = 0;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        int bad = agree_on_file(files[i].path, files[i].html, &sentences);
        read += bad >= 0;
        CHECK(bad <= 0);
    }
    if (!read)
        SKIP("../shared/data is absent (dev sets)");
    CHECK(sentences > 1000);
}

int main(void)
{
    shared_cleaner = cleaner_new();
    RUN(every_pattern_compiles);
    RUN(debris_of_every_kind);
    RUN(near_miss_content_stays);
    RUN(first_kind_wins_and_space_is_ignored);
    RUN(kind_names);
    RUN(datelines);
    RUN(not_datelines);
    RUN(invalid_utf8_is_harmless);
    RUN(allocation_failure);
    RUN(concurrent_calls_on_one_cleaner);
    RUN(match_cost_stays_linear);
    RUN(unicode_case_variants_classify_like_ascii);
    RUN(only_long_s_and_kelvin_fold_to_ascii);
    RUN(prefilter_agrees_on_tricky_sentences);
    RUN(prefilter_agrees_on_dev_data);
    cleaner_free(shared_cleaner);
    TEST_EXIT();
}
