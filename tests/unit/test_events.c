/* Events (nf_clusterer_*, src/events/): articles grouped by topic,
 * determinism, duplicates, articles without text or date, retirement, kept
 * events and their rendering, settings, and the reader's group article.
 * The articles are invented for these tests. */
#include "newsfuse.h"
#include "test.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two stories, told by several outlets, interleaved in the stream. */
static const char *const BRIDGE[] = {
    "Engineers inspected the collapsed Varnholt river bridge on Tuesday after a span fell into the "
    "Elske river during the morning commute. Rescue divers searched the water for drivers.",
    "Divers recovered two cars from the Elske river where the Varnholt bridge collapsed. The "
    "bridge operator Kestrel Roadworks said inspectors had flagged corrosion in the span.",
    "The mayor of Varnholt ordered every bridge over the Elske river closed for inspection after "
    "the collapse, as Kestrel Roadworks faced questions about corrosion reports.",
    "Investigators blamed corrosion of steel cables for the Varnholt bridge collapse, saying "
    "Kestrel Roadworks delayed repairs to the span over the Elske river.",
};
static const char *const CHESS[] = {
    "Grandmaster Ilse Marwitz won the Quellmoor chess championship on Sunday, defeating the "
    "defending champion in a tense endgame that lasted seven hours.",
    "Ilse Marwitz said her victory at the Quellmoor chess championship came from a rook endgame "
    "she had prepared with her coach for months.",
    "The Quellmoor chess championship drew a record crowd for the final game, where Ilse Marwitz "
    "sacrificed a knight and converted the endgame.",
};

/* A set of one article. */
static nf_docset *article(const char *id, const char *title, const char *date, const char *text)
{
    nf_docset *ds = nf_docset_new();
    if (ds && nf_docset_add(ds, id, title, date, text, text ? strlen(text) : 0) != NF_OK) {
        nf_docset_free(ds);
        ds = NULL;
    }
    return ds;
}

/* Adds one article; returns its event's number (e7 -> 7), 0 on error. */
static int add(nf_clusterer *c, const char *id, const char *date, const char *text)
{
    nf_docset *ds = article(id, NULL, date, text);
    const char *ev = NULL;
    int opened;
    int rc = ds ? nf_clusterer_add(c, ds, 0, &ev, &opened) : NF_ENOMEM;
    nf_docset_free(ds);
    return rc == NF_OK && ev && ev[0] == 'e' ? atoi(ev + 1) : 0;
}

/* Feeds the two stories interleaved; events[i] gets article i's event. */
static void feed_stories(nf_clusterer *c, int events[7], int dated)
{
    static const char *const dates[] = {"2031-03-04", "2031-03-04", "2031-03-05", "2031-03-05",
                                        "2031-03-06", "2031-03-07", "2031-03-08"};
    const char *order[7] = {BRIDGE[0], CHESS[0], BRIDGE[1], BRIDGE[2], CHESS[1], BRIDGE[3], CHESS[2]};
    for (int i = 0; i < 7; i++) {
        char id[16];
        snprintf(id, sizeof id, "a%d", i);
        events[i] = add(c, id, dated ? dates[i] : NULL, order[i]);
    }
}

static void check_stories(const int ev[7])
{
    if (getenv("NF_TEST_VERBOSE"))
        fprintf(stderr, "  events: %d %d %d %d %d %d %d\n", ev[0], ev[1], ev[2], ev[3], ev[4], ev[5], ev[6]);
    for (int i = 0; i < 7; i++)
        CHECK(ev[i] > 0);
    /* bridge: 0 2 3 5; chess: 1 4 6 */
    CHECK(ev[0] == ev[2] && ev[0] == ev[3] && ev[0] == ev[5]);
    CHECK(ev[1] == ev[4] && ev[1] == ev[6]);
    CHECK(ev[0] != ev[1]);
}

TEST(events_stories_grouped)
{
    nf_clusterer *c;
    CHECK(nf_clusterer_new(&c) == NF_OK);
    int ev[7];
    feed_stories(c, ev, 1);
    check_stories(ev);
    CHECK(ev[0] == 1 && ev[1] == 2); /* numbered in order of opening */
    CHECK(nf_clusterer_active(c) == 2);
    nf_clusterer_free(c);
}

TEST(events_undated_stories_grouped)
{
    nf_clusterer *c;
    CHECK(nf_clusterer_new(&c) == NF_OK);
    int ev[7];
    feed_stories(c, ev, 0);
    /* Without the dates' evidence, the last bridge report (which shares
     * fewer words with the first ones, in a stream of seven articles whose
     * idf is still rough) may open an event of its own: the stories must
     * not mix, and the first reports of each must be together. */
    for (int i = 0; i < 7; i++)
        CHECK(ev[i] > 0);
    CHECK(ev[0] == ev[2] && ev[0] == ev[3]);
    CHECK(ev[1] == ev[4] && ev[1] == ev[6]);
    CHECK(ev[5] != ev[1]);
    CHECK(nf_clusterer_warning(c) == NULL); /* no date is not a fault */
    nf_clusterer_free(c);
}

/* Runs the stories with a jsonl line per article into out. */
static void stories_lines(char *out, size_t cap)
{
    nf_clusterer *c;
    out[0] = 0;
    if (nf_clusterer_new(&c) != NF_OK)
        return;
    const char *order[7] = {BRIDGE[0], CHESS[0], BRIDGE[1], BRIDGE[2], CHESS[1], BRIDGE[3], CHESS[2]};
    for (int i = 0; i < 7; i++) {
        char id[16], *line = NULL;
        snprintf(id, sizeof id, "a%d", i);
        nf_docset *ds = article(id, "A title", "2031-03-04", order[i]);
        const char *ev;
        int opened;
        if (ds && nf_clusterer_add(c, ds, 0, &ev, &opened) == NF_OK &&
            nf_clusterer_render_last(c, &line, NULL) == NF_OK)
            snprintf(out + strlen(out), cap - strlen(out), "%s", line);
        nf_free(line);
        nf_docset_free(ds);
    }
    nf_clusterer_free(c);
}

TEST(events_deterministic)
{
    char a[4096], b[4096];
    stories_lines(a, sizeof a);
    stories_lines(b, sizeof b);
    CHECK(strlen(a) > 100);
    CHECK_STR(a, b);
    CHECK(strstr(a, "{\"id\":\"a0\",\"event\":\"e1\",\"opened\":true}\n") == a);
}

TEST(events_duplicates_join_first_copy)
{
    nf_clusterer *c;
    CHECK(nf_clusterer_new(&c) == NF_OK);
    int first = add(c, "x1", "2031-03-04", BRIDGE[0]);
    add(c, "x2", "2031-03-04", CHESS[0]);
    /* the same id with another text */
    CHECK(add(c, "x1", "2031-03-05", CHESS[1]) == first);
    CHECK(nf_clusterer_warning(c) && strstr(nf_clusterer_warning(c), "same id"));
    /* the same text with another id */
    CHECK(add(c, "x9", "2031-03-05", BRIDGE[0]) == first);
    CHECK(nf_clusterer_warning(c) && strstr(nf_clusterer_warning(c), "same text"));
    CHECK(nf_clusterer_active(c) == 2);
    nf_clusterer_free(c);
}

TEST(events_no_text_refused)
{
    nf_clusterer *c;
    CHECK(nf_clusterer_new(&c) == NF_OK);
    nf_docset *ds = article("empty", "A title", "2031-03-04", " \n\t ");
    const char *ev = "x";
    int opened = 7;
    CHECK(nf_clusterer_add(c, ds, 0, &ev, &opened) == NF_EDATA);
    CHECK(ev == NULL && opened == 0);
    CHECK(strstr(nf_clusterer_error(c), "empty") && strstr(nf_clusterer_error(c), "no text"));
    CHECK(nf_clusterer_add(c, ds, 1, &ev, &opened) == NF_EINVAL); /* no report 1 */
    CHECK(nf_clusterer_active(c) == 0);
    nf_docset_free(ds);
    /* the stream goes on */
    CHECK(add(c, "ok", NULL, BRIDGE[0]) == 1);
    nf_clusterer_free(c);
}

TEST(events_bad_date_warned)
{
    nf_clusterer *c;
    CHECK(nf_clusterer_new(&c) == NF_OK);
    CHECK(add(c, "d1", "2031-14-06", BRIDGE[0]) == 1);
    CHECK(nf_clusterer_warning(c) && strstr(nf_clusterer_warning(c), "2031-14-06"));
    CHECK(add(c, "d2", "2031-02-28", BRIDGE[1]) == 1);
    CHECK(nf_clusterer_warning(c) == NULL);
    nf_clusterer_free(c);
}

/* An article of its own words only: it opens an event. */
static int add_unique(nf_clusterer *c, int k, const char *date)
{
    char id[32], text[256];
    snprintf(id, sizeof id, "u%d", k);
    snprintf(text, sizeof text, "Qx%dalpha qx%dbeta reported qx%dgamma and qx%ddelta near qx%depsilon.",
             k, k, k, k, k);
    return add(c, id, date, text);
}

TEST(events_retire_by_days)
{
    nf_clusterer *c;
    CHECK(nf_clusterer_new(&c) == NF_OK);
    CHECK(nf_clusterer_set(c, "window_days", "10") == NF_OK);
    CHECK(add(c, "b0", "2031-03-01", BRIDGE[0]) == 1);
    CHECK(add(c, "b1", "2031-03-09", BRIDGE[1]) == 1);
    const char *const *ids;
    CHECK(nf_clusterer_retired(c, &ids) == 0);
    /* the stream moves 12 days past the bridge's last article */
    CHECK(add(c, "c0", "2031-03-21", CHESS[0]) == 2);
    CHECK(nf_clusterer_retired(c, &ids) == 1);
    CHECK_STR(ids[0], "e1");
    CHECK(nf_clusterer_active(c) == 1);
    /* a later bridge report opens a new event: the old one is gone */
    CHECK(add(c, "b2", "2031-03-22", BRIDGE[2]) == 3);
    nf_clusterer_free(c);
}

TEST(events_retirement_bounds_active)
{
    nf_clusterer *c;
    CHECK(nf_clusterer_new(&c) == NF_OK);
    CHECK(nf_clusterer_set(c, "window_articles", "20") == NF_OK);
    size_t most = 0, retired = 0;
    for (int k = 0; k < 2000; k++) {
        CHECK(add_unique(c, k, NULL) == k + 1);
        const char *const *ids;
        retired += nf_clusterer_retired(c, &ids);
        if (nf_clusterer_active(c) > most)
            most = nf_clusterer_active(c);
    }
    /* undated events are looked at every 256 articles: at most the window
     * plus that many are active */
    CHECK(most <= 20 + 256 + 1);
    CHECK(retired >= 2000 - most);
    CHECK(nf_clusterer_finish(c) == NF_OK);
    const char *const *ids;
    CHECK(retired + nf_clusterer_retired(c, &ids) == 2000);
    CHECK(nf_clusterer_active(c) == 0);
    nf_clusterer_free(c);
}

TEST(events_kept_and_rendered)
{
    nf_clusterer *c;
    CHECK(nf_clusterer_new(&c) == NF_OK);
    CHECK(nf_clusterer_set(c, "keep", "1") == NF_OK);
    int ev[7];
    feed_stories(c, ev, 1);
    CHECK(nf_clusterer_finish(c) == NF_OK);
    const char *const *ids;
    CHECK(nf_clusterer_retired(c, &ids) == 2);
    nf_docset *bridge = nf_clusterer_take(c, "e1");
    CHECK(bridge && nf_docset_count(bridge) == 4);
    CHECK(nf_clusterer_take(c, "e1") == NULL); /* handed over once */
    CHECK_STR(nf_docset_id(bridge), "e1");
    CHECK_STR(nf_docset_doc_id(bridge, 1), "a2");
    char *line = NULL, *text = NULL;
    size_t len;
    CHECK(nf_event_render(bridge, "cluster", &line, &len) == NF_OK);
    CHECK(line && len == strlen(line) && line[len - 1] == '\n');
    nf_docset *back = nf_docset_new();
    CHECK(back && nf_docset_add_json(back, line, len) == NF_OK); /* summarize reads it */
    CHECK(nf_docset_count(back) == 4);
    CHECK_STR(nf_docset_doc_date(back, 3), "2031-03-07");
    nf_free(line);
    CHECK(nf_event_render(bridge, "text", &text, &len) == NF_OK);
    CHECK(text && !strncmp(text, "e1 (4 articles)\n", 16));
    CHECK(nf_event_render(bridge, "xml", &line, &len) == NF_EINVAL);
    nf_free(text);
    nf_docset_free(back);
    nf_docset_free(bridge);
    nf_clusterer_free(c);
}

TEST(events_settings)
{
    nf_clusterer *c;
    CHECK(nf_clusterer_new(&c) == NF_OK);
    CHECK(nf_clusterer_set(c, "window", "3") == NF_EINVAL);
    CHECK(strstr(nf_clusterer_error(c), "window_days"));
    CHECK(nf_clusterer_set(c, "window_days", "-1") == NF_EINVAL);
    CHECK(nf_clusterer_set(c, "threshold", "high") == NF_EINVAL);
    CHECK(nf_clusterer_set(c, "keep", "2") == NF_EINVAL);
    CHECK(nf_clusterer_set(c, "language", "klingon") == NF_EINVAL);
    CHECK(nf_clusterer_set(c, "threshold", "1e9") == NF_OK);
    char *line = NULL;
    CHECK(nf_clusterer_render_last(c, &line, NULL) == NF_EINVAL); /* nothing added yet */
    /* an unreachable threshold: every article opens an event */
    int ev[7];
    feed_stories(c, ev, 1);
    for (int i = 0; i < 7; i++)
        CHECK(ev[i] == i + 1);
    CHECK(nf_clusterer_set(c, "threshold", "0") == NF_EINVAL); /* too late */
    nf_clusterer_free(c);
}

TEST(events_reader_group_article)
{
    static const char lines[] =
        "{\"id\": \"r1\", \"date\": \"2031-03-04\", \"text\": \"One.\"}\n"
        "{\"id\": \"r2\", \"text\": \"Two.\"}\n"
        "{\"id\": \"r3\", \"text\": \"Three.\"}\n";
    nf_reader *r;
    CHECK(nf_reader_open_buffer(lines, sizeof lines - 1, "a.jsonl", &r) == NF_OK);
    CHECK(nf_reader_set(r, "group", "article") == NF_OK);
    nf_docset *ds;
    int n = 0;
    while (nf_reader_next(r, &ds) != NF_EEMPTY) {
        CHECK(ds && nf_docset_count(ds) == 1);
        n++;
        if (n == 2)
            CHECK_STR(nf_docset_doc_id(ds, 0), "r2");
        nf_docset_free(ds);
    }
    CHECK(n == 3);
    nf_reader_free(r);
    static const char cluster[] = "{\"id\": \"c\", \"documents\": [\"First.\", \"Second.\"]}\n";
    CHECK(nf_reader_open_buffer(cluster, sizeof cluster - 1, "c.jsonl", &r) == NF_OK);
    CHECK(nf_reader_set(r, "group", "article") == NF_OK);
    CHECK(nf_reader_set(r, "group", "paragraph") == NF_EINVAL);
    n = 0;
    while (nf_reader_next(r, &ds) != NF_EEMPTY) {
        CHECK(ds && nf_docset_count(ds) == 1);
        n++;
        nf_docset_free(ds);
    }
    CHECK(n == 2);
    nf_reader_free(r);
}

int main(void)
{
    RUN(events_stories_grouped);
    RUN(events_undated_stories_grouped);
    RUN(events_deterministic);
    RUN(events_duplicates_join_first_copy);
    RUN(events_no_text_refused);
    RUN(events_bad_date_warned);
    RUN(events_retire_by_days);
    RUN(events_retirement_bounds_active);
    RUN(events_kept_and_rendered);
    RUN(events_settings);
    RUN(events_reader_group_article);
    TEST_EXIT();
}
