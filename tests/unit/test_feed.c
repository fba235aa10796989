/* Feeds (src/ingest/feed.c) and container dates (record_date.c): RSS 2.0,
 * RSS 1.0 and Atom feeds we wrote about invented events, their fields,
 * entities and CDATA, and feeds that are broken, empty, binary, not feeds
 * at all or in an unknown charset. */
#include "test.h"
#include "ingest/feed.h"
#include "ingest/record_date.h"
#include "newsfuse.h"
#include <stdlib.h>
#include <string.h>

/* What the callbacks saw: each record's fields copied, each error's
 * number, offset and message. */
typedef struct seen {
    int n, nerr;
    char title[8][200], url[8][200], date[8][40], body[8][1200];
    int is_html[8];
    long number[8];
    long long offset[8];
    long err_no[16];
    long long err_off[16];
    char err[16][600];
    int stop_at; /* return 7 from the record callback at this count */
} seen;

static int on_rec(const ingest_record *r, void *arg)
{
    seen *s = arg;
    if (s->n < 8) {
        snprintf(s->title[s->n], sizeof s->title[0], "%s", r->title ? r->title : "(null)");
        snprintf(s->url[s->n], sizeof s->url[0], "%s", r->url ? r->url : "(null)");
        snprintf(s->date[s->n], sizeof s->date[0], "%s", r->date ? r->date : "(null)");
        snprintf(s->body[s->n], sizeof s->body[0], "%.*s", (int)r->body_len, r->body);
        s->is_html[s->n] = r->is_html;
        s->number[s->n] = r->number;
        s->offset[s->n] = r->offset;
    }
    s->n++;
    return s->stop_at && s->n == s->stop_at ? 7 : 0;
}

static int on_err(long number, long long offset, const char *msg, void *arg)
{
    seen *s = arg;
    if (s->nerr < 16) {
        s->err_no[s->nerr] = number;
        s->err_off[s->nerr] = offset;
        snprintf(s->err[s->nerr], sizeof s->err[0], "%s", msg);
    }
    s->nerr++;
    return 0;
}

static int read_feed(const char *xml, seen *s, feed_stats *st)
{
    memset(s, 0, sizeof *s);
    return feed_read(xml, strlen(xml), on_rec, on_err, s, st);
}

static const char RSS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
    "     xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
    "<channel><title>The Varn Gazette</title><link>https://varn.example/</link>\n"
    "<atom:link rel=\"self\" href=\"https://varn.example/feed.xml\"/>\n"
    "<item>\n"
    "  <title>Bridge at Varn closed after barge strike</title>\n"
    "  <link>https://varn.example/2031/04/02/bridge-closed</link>\n"
    "  <pubDate>Wed, 02 Apr 2031 14:05:00 +0200</pubDate>\n"
    "  <description>Short teaser.</description>\n"
    "  <content:encoded><![CDATA[<p>A grain barge struck the old bridge at Varn on "
    "Wednesday &amp; engineers closed it.</p><p>Ferries will run instead.</p>]]></content:encoded>\n"
    "</item>\n"
    "<item>\n"
    "  <title>Ferries &amp; buses replace the bridge</title>\n"
    "  <guid isPermaLink=\"true\">https://varn.example/2031/04/03/ferries</guid>\n"
    "  <dc:date>2031-04-03T07:30:00Z</dc:date>\n"
    "  <description>&lt;p&gt;The town&#8217;s council hired two ferries&lt;/p&gt;</description>\n"
    "</item>\n"
    "<item>\n"
    "  <title>Repairs to take six weeks</title>\n"
    "  <guid isPermaLink=\"false\">varn-4411</guid>\n"
    "  <pubDate>Fri, 4 Apr 31 09:00 EDT</pubDate>\n"
    "  <description>Engineers said the span&nbsp;would reopen in May.</description>\n"
    "</item>\n"
    "</channel></rss>\n";

TEST(rss_items_become_records)
{
    seen s;
    feed_stats st;
    CHECK(read_feed(RSS, &s, &st) == NF_OK);
    CHECK(st.kind == FEED_RSS && st.items == 3 && st.records == 3 && st.errors == 0);
    CHECK(s.n == 3 && s.nerr == 0);
    CHECK_STR(s.title[0], "Bridge at Varn closed after barge strike");
    CHECK_STR(s.url[0], "https://varn.example/2031/04/02/bridge-closed");
    CHECK_STR(s.date[0], "2031-04-02T14:05:00+02:00");
    /* content:encoded wins over the description; CDATA kept as HTML source */
    CHECK_STR(s.body[0], "<p>A grain barge struck the old bridge at Varn on Wednesday &amp; "
                         "engineers closed it.</p><p>Ferries will run instead.</p>");
    CHECK(s.is_html[0] == 1 && s.number[0] == 1);
    CHECK(s.offset[0] == (long long)(strstr(RSS, "<item>") - RSS));
    CHECK_STR(s.title[1], "Ferries & buses replace the bridge");
    CHECK_STR(s.url[1], "https://varn.example/2031/04/03/ferries"); /* the permalink guid */
    CHECK_STR(s.date[1], "2031-04-03T07:30:00Z");
    CHECK_STR(s.body[1], "<p>The town\xe2\x80\x99s council hired two ferries</p>");
    CHECK(s.number[1] == 2);
    CHECK_STR(s.url[2], "(null)"); /* a guid that is not a permalink is no address */
    CHECK_STR(s.date[2], "2031-04-04T09:00:00-04:00");
    /* &nbsp; is not XML, but HTML knows it: kept as the reference, no error */
    CHECK_STR(s.body[2], "Engineers said the span&nbsp;would reopen in May.");
}

static const char ATOM[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    "  <title>Kelmar Island Radio</title><id>urn:kir:feed</id>\n"
    "  <updated>2031-05-01T10:00:00Z</updated>\n"
    "  <entry>\n"
    "    <title type=\"html\">Ferry &lt;em&gt;aground&lt;/em&gt; off Kelmar</title>\n"
    "    <link rel=\"self\" href=\"https://kir.example/api/1\"/>\n"
    "    <link rel=\"alternate\" type=\"text/html\" href=\"https://kir.example/news/ferry-aground\"/>\n"
    "    <id>urn:kir:1</id>\n"
    "    <published>2031-04-30T22:15:00.500+01:00</published>\n"
    "    <updated>2031-05-01T09:00:00Z</updated>\n"
    "    <summary>A short summary.</summary>\n"
    "    <content type=\"html\">&lt;p&gt;The ferry ran aground at dawn.&lt;/p&gt;</content>\n"
    "  </entry>\n"
    "  <entry>\n"
    "    <title>Passengers safe &amp; ashore</title>\n"
    "    <link href=\"https://kir.example/news/passengers-safe\"/>\n"
    "    <updated>2031-05-01T11:00:00Z</updated>\n"
    "    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>All 212 "
    "passengers<br/>are ashore &amp; safe.</p></div></content>\n"
    "  </entry>\n"
    "  <entry>\n"
    "    <title>Salvage begins</title>\n"
    "    <link href=\"https://kir.example/news/salvage\"/>\n"
    "    <updated>2031-05-02</updated>\n"
    "    <summary>Tugs <arrived> at noon.</summary>\n"
    "  </entry>\n"
    "</feed>\n";

TEST(atom_entries_become_records)
{
    seen s;
    feed_stats st;
    int rc = read_feed(ATOM, &s, &st);
    CHECK(rc == NF_OK);
    CHECK(st.kind == FEED_ATOM && st.items == 3);
    CHECK(s.n == 3);
    CHECK_STR(s.title[0], "Ferry aground off Kelmar");
    CHECK_STR(s.url[0], "https://kir.example/news/ferry-aground"); /* alternate, not self */
    CHECK_STR(s.date[0], "2031-04-30T22:15:00+01:00");             /* published over updated */
    CHECK_STR(s.body[0], "<p>The ferry ran aground at dawn.</p>");
    CHECK(s.is_html[0] == 1);
    CHECK_STR(s.title[1], "Passengers safe & ashore");
    CHECK_STR(s.date[1], "2031-05-01T11:00:00Z");
    CHECK_STR(s.body[1], "<div><p>All 212 passengers<br>are ashore &amp; safe.</p></div>");
    CHECK(s.is_html[1] == 1);
    /* A summary of type text (the default) is plain text; the bad markup
     * in it is an error of entry 3, which is still read. */
    CHECK(s.n < 3 || s.is_html[2] == 0);
    CHECK_STR(s.date[2], "2031-05-02");
    CHECK(s.nerr >= 1 && s.err_no[0] == 3 && strstr(s.err[0], "item 3, line 25, byte ") != NULL);
}

TEST(rss1_rdf_items)
{
    static const char RDF[] =
        "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "<channel rdf:about=\"https://dunmore.example/\"><title>Dunmore Post</title></channel>\n"
        "<item rdf:about=\"https://dunmore.example/fire\"><title>Mill fire in Dunmore</title>"
        "<link>https://dunmore.example/fire</link><dc:date>2031-06-09</dc:date>"
        "<description>Fire crews fought a blaze at the old mill overnight.</description></item>\n"
        "</rdf:RDF>\n";
    seen s;
    feed_stats st;
    CHECK(read_feed(RDF, &s, &st) == NF_OK);
    CHECK(st.kind == FEED_RSS && s.n == 1);
    CHECK_STR(s.title[0], "Mill fire in Dunmore");
    CHECK_STR(s.date[0], "2031-06-09");
    CHECK_STR(s.url[0], "https://dunmore.example/fire");
}

TEST(broken_feed_recovers_items_and_names_them)
{
    /* Item 2 has a tag left open; the feed ends inside item 3. */
    static const char BROKEN[] =
        "<rss version=\"2.0\"><channel>\n"
        "<item><title>Storm closes the port at Varn</title><description>Gales of 120 km/h kept "
        "ships in harbour.</description></item>\n"
        "<item><title>Port reopens</title><description><p>Ships sailed again on Friday."
        "</description></item>\n"
        "<item><title>Losses counted</title><description>Owners said the storm cost";
    seen s;
    feed_stats st;
    int rc = read_feed(BROKEN, &s, &st);
    CHECK(rc == NF_OK);
    CHECK(st.items == 3);
    CHECK(s.n >= 1);
    CHECK_STR(s.title[0], "Storm closes the port at Varn");
    CHECK(s.n < 2 || !strcmp(s.title[1], "Port reopens"));
    int named2 = 0, named3 = 0;
    for (int i = 0; i < s.nerr && i < 16; i++) {
        if (s.err_no[i] == 2 && strstr(s.err[i], "item 2, line 3, byte"))
            named2 = 1;
        if (s.err_no[i] == 3 && strstr(s.err[i], "item 3, line 4, byte") &&
            strstr(s.err[i], "Premature end of data"))
            named3 = 1;
    }
    CHECK(named2);
    CHECK(named3);
    CHECK(s.nerr == 2); /* one error per item */
    for (int i = 0; i < s.n; i++)
        CHECK(strcmp(s.title[i], "Losses counted") != 0); /* its description never ended */
}

TEST(item_without_body_is_an_error)
{
    static const char NOBODY[] =
        "<rss><channel><item><title>Only a link</title><link>https://varn.example/x</link></item>"
        "<item><title>Has text</title><description>The council met on Monday.</description></item>"
        "</channel></rss>";
    seen s;
    feed_stats st;
    CHECK(read_feed(NOBODY, &s, &st) == NF_OK);
    CHECK(s.n == 1 && s.number[0] == 2);
    CHECK(s.nerr == 1 && s.err_no[0] == 1 && s.err_off[0] == 14);
    CHECK(strstr(s.err[0], "item 1 (byte 14): no content, description or summary") != NULL);
}

TEST(bad_input_gets_a_clear_error)
{
    seen s;
    CHECK(read_feed("", &s, NULL) == NF_EEMPTY);
    CHECK(s.nerr == 1 && strstr(s.err[0], "empty feed"));
    CHECK(read_feed(" \n\t", &s, NULL) == NF_EEMPTY);
    CHECK(read_feed("<rss version=\"2.0\"><channel><title>x</title></channel></rss>", &s, NULL) ==
          NF_EEMPTY);
    CHECK(s.nerr == 1 && strstr(s.err[0], "RSS feed without any item"));
    CHECK(read_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>", &s, NULL) ==
          NF_EEMPTY);
    CHECK(strstr(s.err[0], "Atom feed without any entry"));
    CHECK(read_feed("<html><body><p>A page</p></body></html>", &s, NULL) == NF_EDATA);
    CHECK(strstr(s.err[0], "not a feed: the root element is <html>"));
    CHECK(read_feed("just some words, no markup", &s, NULL) == NF_EDATA);
    CHECK(s.nerr == 1 && strstr(s.err[0], "not a feed: "));
    static const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    memset(&s, 0, sizeof s);
    CHECK(feed_read(bin, sizeof bin - 1, on_rec, on_err, &s, NULL) == NF_EDATA);
    CHECK(s.nerr == 1 && strstr(s.err[0], "binary data"));
    static const char gz[] = "\x1f\x8b\x08\0\0\0\0\0";
    memset(&s, 0, sizeof s);
    CHECK(feed_read(gz, sizeof gz - 1, on_rec, on_err, &s, NULL) == NF_EDATA);
    CHECK(strstr(s.err[0], "gzip"));
}

TEST(charsets)
{
    /* Latin-1 declared: read into UTF-8 */
    static const char LATIN1[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item>"
                                 "<title>Caf\xe9 closes</title><description>The caf\xe9 in "
                                 "M\xfchlberg closed.</description></item></channel></rss>";
    seen s;
    CHECK(read_feed(LATIN1, &s, NULL) == NF_OK);
    CHECK_STR(s.title[0], "Caf\xc3\xa9 closes");
    CHECK_STR(s.body[0], "The caf\xc3\xa9 in M\xc3\xbchlberg closed.");
    /* An unknown charset: said, and the feed read as UTF-8 */
    static const char UNKNOWN[] = "<?xml version=\"1.0\" encoding=\"x-martian-7\"?><rss><channel><item>"
                                  "<title>Dust storm</title><description>A dust storm hit the "
                                  "colony.</description></item></channel></rss>";
    CHECK(read_feed(UNKNOWN, &s, NULL) == NF_OK);
    CHECK(s.n == 1 && s.nerr >= 1);
    CHECK(strstr(s.err[0], "unknown charset") && strstr(s.err[0], "x-martian-7"));
    CHECK_STR(s.title[0], "Dust storm");
}

TEST(callback_stops_the_reading)
{
    seen s;
    memset(&s, 0, sizeof s);
    s.stop_at = 1;
    CHECK(feed_read(RSS, strlen(RSS), on_rec, on_err, &s, NULL) == 7);
    CHECK(s.n == 1);
}

TEST(sniff)
{
    CHECK(feed_sniff(RSS, strlen(RSS)) == FEED_RSS);
    CHECK(feed_sniff(ATOM, strlen(ATOM)) == FEED_ATOM);
    const char *rdf = "\xef\xbb\xbf<?xml version=\"1.0\"?><!-- a comment --><rdf:RDF xmlns:rdf=\"x\">";
    CHECK(feed_sniff(rdf, strlen(rdf)) == FEED_RSS);
    const char *dt = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\" "
                     "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\">";
    CHECK(feed_sniff(dt, strlen(dt)) == FEED_RSS);
    CHECK(feed_sniff("<!DOCTYPE html><html>", 21) == FEED_NONE);
    CHECK(feed_sniff("<feedback>", 10) == FEED_NONE);
    CHECK(feed_sniff("", 0) == FEED_NONE);
    CHECK(feed_sniff("<?xml version", 13) == FEED_NONE);
}

TEST(dates)
{
    char d[RECORD_DATE_MAX];
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Wed, 02 Apr 2031 14:05:00 GMT", "2031-04-02T14:05:00Z"},
        {"Wed, 02 Apr 2031 14:05:00 +0000", "2031-04-02T14:05:00Z"},
        {"2 Apr 2031 14:05 -0530", "2031-04-02T14:05:00-05:30"},
        {"Wednesday, 2 April 2031 14:05:09 PDT", "2031-04-02T14:05:09-07:00"},
        {"Thu, 03 Apr 97 10:00:00 XYZ", "1997-04-03T10:00:00"}, /* unknown zone: none */
        {" Sun, 6 Apr 2031 ", "2031-04-06"},
        {"2031-04-02", "2031-04-02"},
        {"2031-04-02T14:05:00Z", "2031-04-02T14:05:00Z"},
        {"2031-04-02T14:05:00.123456+02:00", "2031-04-02T14:05:00+02:00"},
        {"2031-04-02 14:05", "2031-04-02T14:05:00"},
        {"2031-04-02T14:05:00 UTC", "2031-04-02T14:05:00Z"},
        {"2028-02-29T00:00:00Z", "2028-02-29T00:00:00Z"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        CHECK(record_date_norm(cases[i].in, strlen(cases[i].in), d) == 1);
        CHECK_STR(d, cases[i].want);
    }
    static const char *const bad[] = {"", "yesterday", "2031-02-30", "2031-13-01", "32 Apr 2031",
                                      "2031-04-02T25:00:00Z", "Wed, 02 Foo 2031", "0999-01-01",
                                      "2031-04-02 garbage", "02 Apr 203"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK(record_date_norm(bad[i], strlen(bad[i]), d) == 0);
        CHECK(d[0] == '\0');
    }
}

int main(void)
{
    RUN(rss_items_become_records);
    RUN(atom_entries_become_records);
    RUN(rss1_rdf_items);
    RUN(broken_feed_recovers_items_and_names_them);
    RUN(item_without_body_is_an_error);
    RUN(bad_input_gets_a_clear_error);
    RUN(charsets);
    RUN(callback_stops_the_reading);
    RUN(sniff);
    RUN(dates);
    TEST_EXIT();
}
