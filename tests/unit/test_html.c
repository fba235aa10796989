/* nf_page: the article text and metadata of web pages we wrote ourselves
 * (invented events), in several layouts: semantic tags, div soup with
 * class names, div soup without any; entities, charsets, provenance,
 * dates, and input that is not a page. */
#include "test.h"
#include "newsfuse.h"
#include <stdlib.h>
#include <string.h>

/* The article every layout carries, as the extractor should give it. */
static const char ARTICLE_TEXT[] =
    "A passenger ferry carrying 212 people ran aground off Kelmar Island early on Tuesday, "
    "the coast guard said.\n\n"
    "No one was hurt, and all passengers were taken ashore by lifeboats and fishing boats "
    "within three hours, a spokeswoman for the harbour authority said.\n\n"
    "Cause of the grounding\n\n"
    "Investigators will examine the ship's route and the weather, which had been calm, before "
    "the ferry is towed to the shipyard at Port Ellery.\n\n"
    "The operator, Tessaly Lines, suspended its morning crossings and said refunds would be paid.";

#define ARTICLE_BODY                                                                                      \
    "<p>A passenger ferry carrying 212 people ran aground off Kelmar Island early on Tuesday, "           \
    "the coast guard said.</p>\n"                                                                         \
    "<p>No one was hurt, and all passengers were taken ashore by lifeboats and fishing boats within "     \
    "three hours, a spokeswoman for the harbour authority said.</p>\n"                                    \
    "<h2>Cause of the grounding</h2>\n"                                                                   \
    "<p>Investigators will examine the ship&#x27;s route and the weather, which had been calm, before "  \
    "the ferry is towed to the shipyard at <a href=\"/places/port-ellery\">Port Ellery</a>.</p>\n"         \
    "<p>The operator, Tessaly Lines, suspended its morning crossings and said refunds would be "          \
    "paid.</p>\n"

#define HEAD                                                                                              \
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"                                      \
    "<title>Ferry runs aground off Kelmar Island | The Coast Courier</title>"                               \
    "<meta property=\"og:site_name\" content=\"The Coast Courier\">"                                       \
    "<meta name=\"author\" content=\"Ana Ruiz\">"                                                          \
    "<meta property=\"article:published_time\" content=\"2024-04-02T08:10:00+02:00\">"                    \
    "<link rel=\"canonical\" href=\"https://courier.example/2024/04/02/ferry-aground\"></head>\n"

static const char SEMANTIC[] =
    HEAD "<body><div class=\"cookie-banner\">We use cookies to improve your experience on our site. "
         "<a href=\"/privacy\">Privacy policy</a> <button>Accept all</button></div>\n"
         "<header><a href=\"/\">The Coast Courier</a><nav><ul><li><a href=\"/\">Home</a></li>"
         "<li><a href=\"/world\">World</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav></header>\n"
         "<main><article><h1>Ferry runs aground off Kelmar Island</h1>\n"
         "<p class=\"byline\">By Ana Ruiz, April 2, 2024</p>\n"
         "<figure><img src=\"ferry.jpg\"><figcaption>The ferry on the rocks off Kelmar Island, seen from "
         "the coast guard's helicopter.</figcaption></figure>\n" ARTICLE_BODY
         "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a> "
         "<a href=\"#\">Email this story</a></div></article>\n"
         "<aside><h3>Related</h3><ul><li><a href=\"/a\">Storm closes the port at Varn for two days</a></li>"
         "<li><a href=\"/b\">New ferry route to the islands opens in May</a></li></ul></aside>\n"
         "<section class=\"comments\"><h3>3 comments</h3><p>I was on that ferry last year and the crew "
         "were always careful, so this surprises me a great deal, honestly.</p><p>Glad that nobody was "
         "hurt, the lifeboat crews at Kelmar do a wonderful job every winter.</p></section></main>\n"
         "<footer><p>&copy; 2024 The Coast Courier. All rights reserved.</p><a href=\"/about\">About us</a>"
         "</footer></body></html>\n";

static const char DIV_SOUP[] =
    HEAD "<body><div id=\"cookie-consent\" class=\"consent-overlay\"><div>We and our partners use "
         "cookies to personalise content and ads, and to analyse our traffic, as our policy explains.</div>"
         "<div><a href=\"#\">I agree</a> <a href=\"#\">Manage settings</a></div></div>\n"
         "<div id=\"top\"><div class=\"menu\"><a href=\"/\">Home</a> | <a href=\"/news\">News</a> | "
         "<a href=\"/weather\">Weather</a> | <a href=\"/jobs\">Jobs</a></div></div>\n"
         "<div class=\"wrap\"><div class=\"col-left\">"
         "<div class=\"headline\"><h1>Ferry runs aground off Kelmar Island</h1></div>"
         "<div class=\"info\">By Ana Ruiz | 2 April 2024</div>"
         "<div class=\"story-text\">" ARTICLE_BODY "</div>"
         "<div class=\"social-share\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a> "
         "<a href=\"#\">WhatsApp</a></div>"
         "<div class=\"related-links\"><b>Read more</b><div><a href=\"/a\">Storm closes the port at Varn "
         "for two days</a></div><div><a href=\"/b\">New ferry route to the islands opens in May</a></div>"
         "</div>"
         "<div id=\"comments\"><div class=\"comment\"><b>harbourwatcher</b><div>I was on that ferry last "
         "year and the crew were always careful, so this surprises me a great deal, honestly.</div></div>"
         "<div class=\"comment\"><b>islander</b><div>Glad that nobody was hurt, the lifeboat crews at "
         "Kelmar do a wonderful job every winter, and they deserve our thanks.</div></div></div>"
         "</div><div class=\"col-right sidebar\"><div class=\"most-read\"><b>Most read</b><ol>"
         "<li><a href=\"/c\">Council approves the new bridge at last</a></li>"
         "<li><a href=\"/d\">Fishing quotas cut again for the coming season</a></li></ol></div></div></div>\n"
         "<div class=\"footer\">The Coast Courier, 4 Quay Street, Port Ellery. Copyright 2024.</div>"
         "</body></html>\n";

/* Div soup with no class or id: only the text tells. */
static const char BARE_SOUP[] =
    HEAD "<body><div><div><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/weather\">"
         "Weather</a> <a href=\"/jobs\">Jobs</a> <a href=\"/shop\">Shop</a></div></div>"
         "<div><div><h1>Ferry runs aground off Kelmar Island</h1>" ARTICLE_BODY "</div>"
         "<div><div><a href=\"/a\">Storm closes the port at Varn for two days</a></div>"
         "<div><a href=\"/b\">New ferry route to the islands opens in May</a></div>"
         "<div><a href=\"/c\">Council approves the new bridge at last</a></div></div></div>"
         "<div><a href=\"/about\">About</a> <a href=\"/contact\">Contact</a> <a href=\"/terms\">Terms</a>"
         "</div></body></html>\n";

/* Extracts page[0..len) and checks the call's status. */
static nf_page *extract(const char *page, size_t len, const char *url, int want)
{
    nf_page *p = NULL;
    int rc = nf_page_extract(page, len, url, &p);
    CHECK(rc == want);
    if (rc != want)
        fprintf(stderr, "  status %d (%s): %s\n", rc, nf_strerror(rc), p ? nf_page_error(p) : "");
    return p;
}

/* Checks that every run that maps byte for byte holds the same bytes in
 * the text and in the page, and that runs are in text order. */
static void check_spans(const nf_page *p, const char *page, size_t len)
{
    size_t n, tl, last = 0;
    const char *text = nf_page_text(p, &tl);
    const nf_page_span *s = nf_page_spans(p, &n);
    CHECK(n > 0 && s != NULL);
    for (size_t k = 0; k < n; k++) {
        CHECK(s[k].text >= last && s[k].text + s[k].text_len <= tl);
        CHECK(s[k].html + s[k].html_len <= len);
        if (s[k].exact)
            CHECK(s[k].text_len == s[k].html_len && !memcmp(text + s[k].text, page + s[k].html, s[k].text_len));
        last = s[k].text + s[k].text_len;
    }
}

/* Extracts page[0..len) and checks its text. */
static void check_text(const char *page, size_t len, const char *want)
{
    nf_page *p = extract(page, len, NULL, NF_OK);
    CHECK_STR(nf_page_text(p, NULL), want);
    check_spans(p, page, len);
    nf_page_free(p);
}

/* The article of a layout: the text, the metadata, the provenance. */
static void check_layout(const char *page)
{
    nf_page *p = extract(page, strlen(page), NULL, NF_OK);
    if (!p)
        return;
    CHECK_STR(nf_page_text(p, NULL), ARTICLE_TEXT);
    CHECK_STR(nf_page_title(p), "Ferry runs aground off Kelmar Island");
    CHECK_STR(nf_page_date(p), "2024-04-02");
    CHECK_STR(nf_page_author(p), "Ana Ruiz");
    CHECK_STR(nf_page_site(p), "The Coast Courier");
    CHECK_STR(nf_page_language(p), "en");
    CHECK_STR(nf_page_url(p), "https://courier.example/2024/04/02/ferry-aground");
    CHECK_STR(nf_page_charset(p), "UTF-8");
    CHECK(nf_page_warning_count(p) == 0);
    check_spans(p, page, strlen(page));
    nf_page_free(p);
}

TEST(semantic_article_without_banner_nav_share_related_comments_footer) { check_layout(SEMANTIC); }
TEST(div_soup_with_cookie_menu_related_comments_sidebar_footer) { check_layout(DIV_SOUP); }
TEST(div_soup_without_class_names) { check_layout(BARE_SOUP); }

TEST(entities_decoded_and_cp1252_references)
{
    static const char page[] =
        "<html><body><article><p>Fish &amp; chips cost &euro;4 at the caf&eacute; by the quay, "
        "said the owner&#146;s son; &lt;b&gt; is no tag &#x2014; and &quot;&hellip;&quot; is an "
        "ellipsis.</p></article></body></html>";
    nf_page *p = extract(page, sizeof page - 1, NULL, NF_OK);
    CHECK_STR(nf_page_text(p, NULL),
              "Fish & chips cost \xe2\x82\xac" "4 at the caf\xc3\xa9 by the quay, said the owner\xe2\x80\x99s "
              "son; <b> is no tag \xe2\x80\x94 and \"\xe2\x80\xa6\" is an ellipsis.");
    /* "&amp;" maps as a whole to its five bytes. */
    size_t n, at = strstr(page, "&amp;") - page;
    const nf_page_span *s = nf_page_spans(p, &n);
    int found = 0;
    for (size_t k = 0; k < n; k++)
        found |= s[k].text_len == 1 && s[k].html == at && s[k].html_len == 5;
    CHECK(found);
    CHECK(nf_page_html_offset(p, 5) == at);
    check_spans(p, page, sizeof page - 1);
    nf_page_free(p);
}

TEST(paragraphs_headings_lists_and_line_breaks)
{
    static const char page[] =
        "<html><body><div class=\"post-content\"><h2>What the council decided</h2>"
        "<p>The council of Varn voted on Monday to rebuild the old harbour wall, at a cost of "
        "four million crowns, over two years.<br>Work starts in June.</p>"
        "<ul><li>The wall will be two metres higher than the old one, the engineers said.</li>"
        "<li>The fish market stays open while the work goes on, the mayor promised.</li></ul>"
        "</div></body></html>";
    nf_page *p = extract(page, sizeof page - 1, NULL, NF_OK);
    CHECK_STR(nf_page_text(p, NULL),
              "What the council decided\n\n"
              "The council of Varn voted on Monday to rebuild the old harbour wall, at a cost of four "
              "million crowns, over two years.\nWork starts in June.\n\n"
              "The wall will be two metres higher than the old one, the engineers said.\n\n"
              "The fish market stays open while the work goes on, the mayor promised.");
    nf_page_free(p);
}

/* A Latin-1 page without a declaration: read as Windows-1252, with a
 * warning, and the runs map each converted character to its one byte. */
TEST(latin1_page_without_declaration)
{
    static const char page[] = "<html><body><p>Le caf\xe9 du port de Varn a rouvert ses portes "
                               "apr\xe8s la temp\xeate, a d\xe9" "clar\xe9 le maire lundi.</p></body></html>";
    nf_page *p = extract(page, sizeof page - 1, NULL, NF_OK);
    CHECK_STR(nf_page_text(p, NULL), "Le caf\xc3\xa9 du port de Varn a rouvert ses portes apr\xc3\xa8s la "
                                     "temp\xc3\xaate, a d\xc3\xa9" "clar\xc3\xa9 le maire lundi.");
    CHECK_STR(nf_page_charset(p), "WINDOWS-1252");
    CHECK(nf_page_warning_count(p) == 1 && strstr(nf_page_warning(p, 0), "Windows-1252"));
    size_t n;
    const nf_page_span *s = nf_page_spans(p, &n);
    const char *e = strchr(page, '\xe9');
    int found = 0;
    for (size_t k = 0; k < n; k++)
        found |= s[k].text_len == 2 && s[k].html == (size_t)(e - page) && s[k].html_len == 1;
    CHECK(found);
    check_spans(p, page, sizeof page - 1);
    nf_page_free(p);
}

/* A declared charset is honoured; valid UTF-8 wins over a wrong one. */
TEST(declared_charsets)
{
    static const char cyr[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                              "charset=windows-1251\"></head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2, "
                              "\xec\xe8\xf0. The mayor of Varn greeted the visitors in Russian.</p>"
                              "</body></html>";
    nf_page *p = extract(cyr, sizeof cyr - 1, NULL, NF_OK);
    CHECK_STR(nf_page_charset(p), "windows-1251");
    CHECK(!strncmp(nf_page_text(p, NULL), "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, ", 14));
    CHECK(nf_page_warning_count(p) == 0);
    nf_page_free(p);

    static const char wrong[] = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>The caf\xc3\xa9 "
                                "on the quay reopened after the storm, the owner said.</p></body></html>";
    p = extract(wrong, sizeof wrong - 1, NULL, NF_OK);
    CHECK_STR(nf_page_charset(p), "UTF-8");
    CHECK(strstr(nf_page_text(p, NULL), "caf\xc3\xa9 on") != NULL);
    CHECK(nf_page_warning_count(p) == 1 && strstr(nf_page_warning(p, 0), "valid UTF-8"));
    nf_page_free(p);

    static const char unknown[] = "<html><head><meta charset=\"x-no-such-charset\"></head><body><p>The "
                                  "caf\xe9 on the quay reopened after the storm, the owner said.</p>"
                                  "</body></html>";
    p = extract(unknown, sizeof unknown - 1, NULL, NF_OK);
    CHECK(nf_page_warning_count(p) == 1 && strstr(nf_page_warning(p, 0), "unknown charset"));
    CHECK(strstr(nf_page_text(p, NULL), "caf\xc3\xa9 on") != NULL);
    nf_page_free(p);
}

TEST(byte_order_marks)
{
    static const char bom8[] = "\xef\xbb\xbf<html><body><p>The lighthouse at Kelmar was lit again "
                               "on Sunday, after a year of repairs.</p></body></html>";
    nf_page *p = extract(bom8, sizeof bom8 - 1, NULL, NF_OK);
    CHECK_STR(nf_page_text(p, NULL), "The lighthouse at Kelmar was lit again on Sunday, after a year of repairs.");
    size_t n;
    const nf_page_span *s = nf_page_spans(p, &n);
    CHECK(n >= 1 && s[0].html == (size_t)(strstr(bom8, "The") - bom8));
    nf_page_free(p);

    const char *ascii = "<p>The lighthouse at Kelmar was lit again on Sunday, after a year of repairs.</p>";
    size_t len = 2 + 2 * strlen(ascii);
    char *u16 = malloc(len);
    u16[0] = (char)0xff, u16[1] = (char)0xfe;
    for (size_t k = 0; ascii[k]; k++)
        u16[2 + 2 * k] = ascii[k], u16[3 + 2 * k] = 0;
    p = extract(u16, len, NULL, NF_OK);
    CHECK_STR(nf_page_text(p, NULL), "The lighthouse at Kelmar was lit again on Sunday, after a year of repairs.");
    CHECK_STR(nf_page_charset(p), "UTF-16LE");
    check_spans(p, u16, len);
    nf_page_free(p);
    free(u16);
}

TEST(not_a_page)
{
    nf_page *p = extract("", 0, NULL, NF_EEMPTY);
    CHECK(p && strstr(nf_page_error(p), "empty"));
    nf_page_free(p);
    p = extract(" \n\t ", 4, NULL, NF_EEMPTY);
    nf_page_free(p);
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    p = extract(png, sizeof png - 1, NULL, NF_EDATA);
    CHECK(p && strstr(nf_page_error(p), "PNG"));
    nf_page_free(p);
    static const char gz[] = "\x1f\x8b\x08\0\0\0\0\0\0\x03";
    p = extract(gz, sizeof gz - 1, NULL, NF_EDATA);
    CHECK(p && strstr(nf_page_error(p), "gzip"));
    nf_page_free(p);
    char zeros[600] = {0};
    memcpy(zeros, "<html>", 6);
    p = extract(zeros, sizeof zeros, NULL, NF_EDATA);
    nf_page_free(p);
    static const char nav_only[] = "<html><head><title>Varn Post</title></head><body><nav><a href=\"/\">"
                                   "Home</a> <a href=\"/news\">News</a></nav></body></html>";
    p = extract(nav_only, sizeof nav_only - 1, NULL, NF_EEMPTY);
    CHECK(p && strstr(nf_page_error(p), "no article text"));
    CHECK_STR(nf_page_title(p), "Varn Post");
    CHECK_STR(nf_page_text(p, NULL), "");
    nf_page_free(p);
    CHECK(nf_page_extract(NULL, 3, NULL, &p) == NF_EINVAL);
    CHECK(nf_page_extract("<p>", 3, NULL, NULL) == NF_EINVAL);
    nf_page_free(NULL);
}

/* What stands above the headline inside the article (a kicker, a section
 * name, a dateline of the page) is not its text. */
TEST(nothing_above_the_headline)
{
    static const char page[] =
        "<html><head><title>Bridge reopens at Varn</title></head><body><div class=\"story\">"
        "<div>Local news, Varn and the islands, updated every morning at seven</div>"
        "<h1>Bridge reopens at Varn</h1><p>The bridge at Varn reopened on Friday after three weeks "
        "of repairs, the council said.</p><p>Traffic was light on the first morning, and no delays "
        "were reported, police said.</p></div></body></html>";
    check_text(page, sizeof page - 1, "The bridge at Varn reopened on Friday after three weeks of "
                                     "repairs, the council said.\n\nTraffic was light on the first "
                                     "morning, and no delays were reported, police said.");
}

TEST(broken_markup_still_reads)
{
    static const char page[] = "<html><body><div><p>The bridge at Varn reopened on Friday after "
                               "three weeks of repairs, the council said<p>Traffic was light "
                               "on the first morning, police said. <b>Drivers <i>were</b> patient.</div";
    check_text(page, sizeof page - 1, "The bridge at Varn reopened on Friday after three weeks of "
                                     "repairs, the council said\n\nTraffic was light on the first "
                                     "morning, police said. Drivers were patient.");
}

/* No-break and zero-width spaces are blanks: a paragraph of them is none,
 * and they never glue or split words. */
TEST(unicode_blanks)
{
    static const char page[] =
        "<html><body><div class=\"story\"><p>\xe2\x80\x8b\xe2\x80\x8bThe ferry\xc2\xa0to Kelmar "
        "sails\xe2\x80\x89" "again from Monday, the operator said on Friday.</p><p>\xc2\xa0</p>"
        "<p>&nbsp;&#8203;</p><p>Tickets bought for the cancelled crossings will be refunded.</p>"
        "</div></body></html>";
    check_text(page, sizeof page - 1, "The ferry to Kelmar sails again from Monday, the operator said "
                                     "on Friday.\n\nTickets bought for the cancelled crossings will be "
                                     "refunded.");
}

/* A data table inside the article: each row one line, its cells apart. */
TEST(data_table_rows)
{
    static const char page[] =
        "<html><body><div class=\"main\"><p>The Varn Rovers lead the island league after the last "
        "round of the autumn season, two points ahead of Kelmar.</p><table><tr><th>Pos.</th>"
        "<th>Team</th><th>Points</th></tr><tr><td>1</td><td>Varn Rovers</td><td>40</td></tr>"
        "<tr><td>2</td><td>Kelmar United</td><td>38</td></tr></table><p>The spring season starts "
        "in March, with the first match at Port Ellery, the league said.</p></div></body></html>";
    check_text(page, sizeof page - 1, "The Varn Rovers lead the island league after the last round of "
                                     "the autumn season, two points ahead of Kelmar.\n\n"
                                     "Pos. Team Points\n\n1 Varn Rovers 40\n\n2 Kelmar United 38\n\n"
                                     "The spring season starts in March, with the first match at Port "
                                     "Ellery, the league said.");
}

/* An end tag over an unclosed element ("</button>" after an open <div>)
 * closes it, as browsers read it: the page's header does not swallow the
 * article (libxml2 alone leaves the button open around the rest). */
TEST(end_tag_closes_what_is_open_inside)
{
    static const char page[] =
        "<html><body><header><div><button class=\"menu\"><div>Menu</button></div><div>Varn Post"
        "</div></header><article><p>The bridge at Varn reopened on Friday after three weeks of "
        "repairs, the council said.</p></article></body></html>";
    check_text(page, sizeof page - 1, "The bridge at Varn reopened on Friday after three weeks of "
                                     "repairs, the council said.");
}

/* A page whose script reveals its article (hidden, and most of the page's
 * words): the article is read all the same. */
TEST(hidden_article_revealed_by_script)
{
    static const char page[] =
        "<html><body><div><a href=\"/\">Home</a></div><div style=\"display:none\" class=\"story\">"
        "<p>The bridge at Varn reopened on Friday after three weeks of repairs, the council said.</p>"
        "<p>Traffic was light on the first morning, and no delays were reported.</p></div>"
        "<div style=\"display: none\">Please enable cookies.</div></body></html>";
    check_text(page, sizeof page - 1, "The bridge at Varn reopened on Friday after three weeks of "
                                     "repairs, the council said.\n\nTraffic was light on the first "
                                     "morning, and no delays were reported.");
}

TEST(deep_nesting)
{
    size_t depth = 20000, k = 0;
    char *page = malloc(depth * 5 + 200);
    for (size_t i = 0; i < depth; i++)
        memcpy(page + k, "<div>", 5), k += 5;
    k += (size_t)sprintf(page + k, "<p>Deep inside, the text of the report still reads, all of it, "
                                   "the mayor said.</p>");
    nf_page *p = extract(page, k, NULL, NF_OK);
    CHECK(p && strstr(nf_page_text(p, NULL), "the mayor said.") != NULL);
    nf_page_free(p);
    free(page);
}

static void check_date(const char *page, const char *url, const char *want)
{
    nf_page *p = extract(page, strlen(page), url, NF_OK);
    if (want)
        CHECK_STR(nf_page_date(p), want);
    else
        CHECK(p && nf_page_date(p) == NULL);
    nf_page_free(p);
}

#define DATED_BODY                                                                                     \
    "<p>The harbour wall of Varn was finished on time, the engineers said, and it held during the "     \
    "first storm of the winter.</p>"

TEST(publication_dates)
{
    check_date("<html><body><h1>Harbour wall finished</h1>" DATED_BODY "</body></html>",
               "https://post.example/news/2023/11/19/harbour-wall", "2023-11-19");
    check_date("<html><body><h1>Three questions</h1><p>Published 31.10.2023</p>" DATED_BODY
               "</body></html>", "https://blog.example/2023/10/3-questions-for-the-mayor/", "2023-10-31");
    check_date("<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
               "\"@type\":\"NewsArticle\",\"headline\":\"Harbour wall finished\",\"datePublished\":"
               "\"2023-11-18T21:30:00-05:00\",\"dateModified\":\"2023-11-20T09:00:00-05:00\"}</script>"
               "</head><body><h1>Harbour wall finished</h1>" DATED_BODY "</body></html>",
               NULL, "2023-11-18");
    check_date("<html><body><h1>Harbour wall finished</h1><time datetime=\"2023-11-17T10:00\" "
               "class=\"published\">Friday</time>" DATED_BODY "</body></html>", NULL, "2023-11-17");
    check_date("<html lang=\"de\"><body><h1>Hafenmauer fertig</h1><div class=\"datum\">Ver\xc3\xb6"
               "ffentlicht am 16. November 2023</div>" DATED_BODY "</body></html>", NULL, "2023-11-16");
    check_date("<html lang=\"fr\"><body><h1>Le mur du port est fini</h1><p>Publi\xc3\xa9 le 15 "
               "d\xc3\xa9" "cembre 2022</p>" DATED_BODY "</body></html>", NULL, "2022-12-15");
    check_date("<html lang=\"en-US\"><body><h1>Harbour wall finished</h1><span>Posted 11/14/2023"
               "</span>" DATED_BODY "</body></html>", NULL, "2023-11-14");
    check_date("<html><body><h1>Harbour wall finished</h1><p>By Ana Ruiz, Nov. 13, 2023</p>"
               DATED_BODY "</body></html>", NULL, "2023-11-13");
    check_date("<html lang=\"pl\"><body><h1>Most w Varn</h1><p>Opublikowano 12 pa\xc5\xba"
               "dziernika 2023 r.</p>" DATED_BODY "</body></html>", NULL, "2023-10-12");
    check_date("<html lang=\"ru\"><body><h1>\xd0\x9c\xd0\xbe\xd1\x81\xd1\x82</h1><p>11 \xd0\xbe"
               "\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f 2023</p>" DATED_BODY "</body></html>",
               NULL, "2023-10-11");
    check_date("<html lang=\"ja\"><body><h1>Harbour</h1><p>2023\xe5\xb9\xb4" "10\xe6\x9c\x88" "10"
               "\xe6\x97\xa5</p>" DATED_BODY "</body></html>", NULL, "2023-10-10");
    check_date("<html lang=\"hu\"><body><h1>H\xc3\xad" "d</h1><p>2023. okt\xc3\xb3" "ber 9.</p>"
               DATED_BODY "</body></html>", NULL, "2023-10-09");
    /* No date at all, and dates that cannot be: none. */
    check_date("<html><body><h1>Harbour wall finished</h1><p>31.02.2023 and 2099-01-01.</p>" DATED_BODY
               "</body></html>", NULL, NULL);
}

TEST(render_json)
{
    nf_page *p = extract(SEMANTIC, sizeof SEMANTIC - 1, NULL, NF_OK);
    char *out;
    size_t n;
    CHECK(nf_page_render(p, "pages/ferry.html", "jsonl", &out, &n) == NF_OK);
    CHECK(n == strlen(out) && !strchr(out, '\n'));
    CHECK(!strncmp(out, "{\"source\":\"pages/ferry.html\",\"text\":\"A passenger ferry", 53));
    CHECK(strstr(out, "\"date\":\"2024-04-02\"") && strstr(out, "\"warnings\":[]"));
    nf_free(out);
    CHECK(nf_page_render(p, NULL, "text", &out, &n) == NF_OK);
    CHECK(n == sizeof ARTICLE_TEXT && out[n - 1] == '\n');
    nf_free(out);
    CHECK(nf_page_render(p, NULL, "xml", &out, &n) == NF_EINVAL);
    nf_page_free(p);
}

int main(void)
{
    RUN(semantic_article_without_banner_nav_share_related_comments_footer);
    RUN(div_soup_with_cookie_menu_related_comments_sidebar_footer);
    RUN(div_soup_without_class_names);
    RUN(entities_decoded_and_cp1252_references);
    RUN(paragraphs_headings_lists_and_line_breaks);
    RUN(latin1_page_without_declaration);
    RUN(declared_charsets);
    RUN(byte_order_marks);
    RUN(not_a_page);
    RUN(nothing_above_the_headline);
    RUN(broken_markup_still_reads);
    RUN(unicode_blanks);
    RUN(data_table_rows);
    RUN(end_tag_closes_what_is_open_inside);
    RUN(hidden_article_revealed_by_script);
    RUN(deep_nesting);
    RUN(publication_dates);
    RUN(render_json);
    TEST_EXIT();
}
