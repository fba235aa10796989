/* The reader (nf_reader_*, src/ingest/reader.c, formats.c, reports.c):
 * the format table and its names, sniffing, every format's events and
 * per-record errors with their place, deferred records, report sets from
 * files and directories (what is skipped and said), Windows-1252 text,
 * web pages with their metadata and provenance, and the record->report
 * adapter of container formats on a record source written here. Every
 * event is invented. */
#include "test.h"
#include "ingest/docset.h"
#include "ingest/reader.h"
#include "newsfuse.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Helpers ---- */

/* A reader of buf (a C string) called name, in format (NULL: auto). */
static nf_reader *reader_of(const char *buf, const char *name, const char *format)
{
    nf_reader *r = NULL;
    CHECK(nf_reader_open_buffer(buf, strlen(buf), name, &r) == NF_OK);
    if (format)
        CHECK(nf_reader_set(r, "format", format) == NF_OK);
    return r;
}

/* The format auto finds for buf called name. */
static const char *sniffed(const char *buf, const char *name)
{
    static char out[32];
    nf_reader *r = reader_of(buf, name, NULL);
    snprintf(out, sizeof out, "%s", nf_reader_format(r));
    nf_reader_free(r);
    return out;
}

/* Reads the next item: its status, and (OK) its set in *ds (else NULL). */
static int next(nf_reader *r, nf_docset **ds)
{
    nf_docset_free(*ds);
    *ds = NULL;
    return nf_reader_next(r, ds);
}

/* Returns 1 if one of the reader's last warnings holds needle. */
static int warned(const nf_reader *r, const char *needle)
{
    for (size_t i = 0; i < nf_reader_warning_count(r); i++)
        if (strstr(nf_reader_warning(r, i), needle))
            return 1;
    return 0;
}

/* Writes data to dir/name (dir NULL: name is the path). */
static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s%s", dir ? dir : "", dir ? "/" : "", name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
}

static const char CLUSTERS[] =
    "{\"id\":\"e1\",\"documents\":[{\"id\":\"a\",\"title\":\"Ferry\",\"date\":\"2026-03-02\","
    "\"text\":\"The ferry across the bay ran again on Tuesday after a strike.\"}]}\n"
    "\n"
    "{\"id\":\"e2\",\"documents\":[{\"text\":\n"
    "{\"id\":\"e3\",\"documents\":[\"Storm winds closed the airport for six hours on Friday.\","
    "\"Flights resumed late on Friday after the storm passed.\"]}\n";

static const char PAGE[] =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Quay wall gives way | Harbour Post</title>"
    "<meta property=\"article:published_time\" content=\"2024-09-14T08:00:00Z\">"
    "<link rel=\"canonical\" href=\"https://harbour.example/2024/09/14/quay\"></head><body>"
    "<div class=\"cookie-consent\"><p>We use cookies to run this site, and by going on you "
    "agree to their use.</p></div>"
    "<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/local\">Local</a></div>"
    "<div class=\"article-body\"><h1>Quay wall gives way in the storm</h1>"
    "<p>A section of the old quay wall collapsed into the harbour on Friday night as the storm "
    "reached its peak, the port authority said.</p>"
    "<p>Nobody was hurt, but three fishing boats moored along the wall sank, and divers were "
    "checking the hulls on Saturday morning.</p></div>"
    "<footer><p>Copyright 2024 Harbour Post</p></footer></body></html>";

/* ---- The table ---- */

TEST(formats_are_named_once_and_listed)
{
    const char *const *names = nf_reader_formats();
    const char *want[] = {"auto", "text", "html", "cluster", "articles", "multinews",
                          "rss", "atom", "warc", "url"};
    size_t n = 0;
    while (names[n])
        n++;
    CHECK(n == FMT_COUNT && n == sizeof want / sizeof *want);
    for (size_t i = 0; i < n && i < FMT_COUNT; i++) {
        CHECK_STR(names[i], want[i]);
        CHECK(reader_format_named(names[i]) == &reader_formats[i]);
        /* every format but auto can be recognised, and read one way */
        const reader_format *f = &reader_formats[i];
        CHECK(i == FMT_AUTO || (f->sniff && f->about && f->yields));
        CHECK(f->shape != SHAPE_REPORT || f->report);
        CHECK(f->shape != SHAPE_EVENTS || f->line);
        CHECK(f->shape != SHAPE_RECORDS || f->records);
    }
    CHECK(reader_format_named("jsonl") == &reader_formats[FMT_CLUSTER]);
    CHECK(reader_format_named("xml") == NULL);
}

TEST(settings_are_checked_and_come_before_reading)
{
    nf_reader *r = reader_of("Rain fell.\n", "t.txt", NULL);
    CHECK(nf_reader_set(r, "format", "xml") == NF_EINVAL);
    CHECK(strstr(nf_reader_error(r), "the formats are auto, text, html, cluster") != NULL);
    CHECK(nf_reader_set(r, "format", "jsonl") == NF_OK);
    CHECK_STR(nf_reader_format(r), "cluster");
    CHECK(nf_reader_set(r, "format", "auto") == NF_OK);
    CHECK_STR(nf_reader_format(r), "text");
    CHECK(nf_reader_set(r, "max_line_bytes", "lots") == NF_EINVAL);
    CHECK(nf_reader_set(r, "max_document_bytes", "-1") == NF_EINVAL);
    CHECK(nf_reader_set(r, "defer", "2") == NF_EINVAL);
    CHECK(nf_reader_set(r, "colour", "1") == NF_EINVAL);
    CHECK(strstr(nf_reader_error(r), "unknown key") != NULL);
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_OK && nf_docset_count(ds) == 1);
    CHECK(nf_reader_set(r, "format", "text") == NF_EINVAL);
    CHECK(nf_reader_add(r, "x.txt") == NF_EINVAL);
    CHECK(next(r, &ds) == NF_EEMPTY && ds == NULL);
    CHECK(next(r, &ds) == NF_EEMPTY); /* and it stays at the end */
    nf_reader_free(r);
    CHECK(nf_reader_open(NULL, &r) == NF_EINVAL && r == NULL);
    CHECK(nf_reader_open_buffer(NULL, 3, "x", &r) == NF_EINVAL);
    CHECK(nf_reader_next(NULL, &ds) == NF_EINVAL);
    CHECK_STR(nf_reader_error(NULL), "");
    nf_reader_free(NULL);
}

/* ---- Sniffing ---- */

TEST(auto_tells_every_format_by_name_and_first_bytes)
{
    CHECK_STR(sniffed("The ferry ran again.\n", "a.txt"), "text");
    CHECK_STR(sniffed("The ferry ran again.\n", NULL), "text");
    CHECK_STR(sniffed(PAGE, NULL), "html");
    CHECK_STR(sniffed("  \n<p>One paragraph of a page.</p>", "x"), "html");
    CHECK_STR(sniffed("<Reuters> said the ferry ran.", "x"), "text"); /* not a tag a page starts with */
    CHECK_STR(sniffed("Whatever it holds.", "saved.HTM"), "html");
    CHECK_STR(sniffed(CLUSTERS, "x"), "cluster");
    CHECK_STR(sniffed("", "corpus.jsonl"), "cluster");
    CHECK_STR(sniffed("{\"event\":\"e\",\"text\":\"One.\"}\n", NULL), "articles");
    CHECK_STR(sniffed("{\"id\":\"a1\",\"title\":\"T\",\"text\":\"No event.\"}\n", "a.jsonl"), "articles");
    /* a broken first line says nothing: the next object decides */
    CHECK_STR(sniffed("{\"event\":\n\n{\"event\":1,\"text\":\"x\"}\n", NULL), "articles");
    CHECK_STR(sniffed("\xef\xbb\xbf{\"id\":\"x\",\"documents\":[]}\n", NULL), "cluster");
    CHECK_STR(sniffed("One report. ||||| Another report.\n", "mn.txt"), "multinews");
    CHECK_STR(sniffed("One report.NEWLINE_CHARSecond line.\n", NULL), "multinews");
    CHECK_STR(sniffed("{\"id\":\"x\",\"documents\":[\"a ||||| b\"]}\n", NULL), "cluster");
}

/* ---- Corpora ---- */

TEST(cluster_lines_are_events_and_a_bad_line_an_error_in_its_place)
{
    nf_reader *r = reader_of(CLUSTERS, "c.jsonl", NULL);
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_OK);
    CHECK_STR(nf_docset_id(ds), "e1");
    CHECK(nf_reader_line(r) == 1 && nf_reader_byte(r) == 0);
    CHECK_STR(nf_reader_file(r), "c.jsonl");
    CHECK_STR(nf_docset_doc_title(ds, 0), "Ferry");
    CHECK_STR(nf_docset_doc_date(ds, 0), "2026-03-02");
    CHECK(next(r, &ds) == NF_EDATA && ds == NULL);
    CHECK(nf_reader_line(r) == 3 && nf_reader_record(r) == 0);
    CHECK(nf_reader_byte(r) == (long long)(strchr(CLUSTERS, '\n') - CLUSTERS) + 2);
    CHECK(strstr(nf_reader_error(r), "column") != NULL);
    CHECK_STR(nf_reader_file(r), "c.jsonl");
    CHECK(next(r, &ds) == NF_OK && nf_docset_count(ds) == 2);
    CHECK_STR(nf_docset_id(ds), "e3");
    CHECK(nf_reader_line(r) == 4);
    CHECK(next(r, &ds) == NF_EEMPTY);
    nf_reader_free(r);
}

TEST(update_sets_read_their_topics_earlier_sets)
{
    const char *lines = "{\"id\":\"T1-A\",\"update_set\":\"A\",\"documents\":[\"First.\",\"Second.\"]}\n"
                        "{\"id\":\"T1-B\",\"update_set\":\"B\",\"documents\":[\"Third.\"]}\n";
    for (int defer = 0; defer <= 1; defer++) {
        nf_reader *r = reader_of(lines, "u.jsonl", NULL);
        CHECK(nf_reader_set(r, "defer", defer ? "1" : "0") == NF_OK);
        nf_docset *ds = NULL;
        CHECK(next(r, &ds) == NF_OK && nf_docset_pending(ds) == 0); /* an update set is read in order */
        CHECK(nf_docset_seen_count(ds) == 0);
        CHECK(next(r, &ds) == NF_OK && nf_docset_pending(ds) == 0);
        CHECK(nf_docset_seen_count(ds) == 2 && nf_docset_count(ds) == 1);
        next(r, &ds);
        nf_reader_free(r);
    }
}

TEST(deferred_lines_are_read_by_the_caller)
{
    nf_reader *r = reader_of(CLUSTERS, "c.jsonl", "cluster");
    CHECK(nf_reader_set(r, "defer", "1") == NF_OK);
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_OK && nf_docset_pending(ds) > 0 && nf_docset_count(ds) == 0);
    CHECK(nf_docset_read_pending(ds) == NF_OK && nf_docset_pending(ds) == 0);
    CHECK_STR(nf_docset_id(ds), "e1");
    CHECK(nf_docset_count(ds) == 1);
    CHECK(nf_docset_read_pending(ds) == NF_OK); /* nothing left: still fine */
    CHECK(next(r, &ds) == NF_OK && nf_reader_line(r) == 3); /* the bad line, unread */
    CHECK(nf_docset_read_pending(ds) == NF_EDATA);
    CHECK(strstr(nf_docset_error(ds), "column") != NULL);
    CHECK(next(r, &ds) == NF_OK && nf_docset_read_pending(ds) == NF_OK && nf_docset_count(ds) == 2);
    CHECK(next(r, &ds) == NF_EEMPTY);
    nf_reader_free(r);
    /* Multi-News lines, deferred too; a line without a report is empty. */
    r = reader_of("One report. ||||| Another one.\n||||| |||||\n", "m", "multinews");
    CHECK(nf_reader_set(r, "defer", "1") == NF_OK);
    CHECK(next(r, &ds) == NF_OK && nf_docset_read_pending(ds) == NF_OK && nf_docset_count(ds) == 2);
    CHECK(next(r, &ds) == NF_OK && nf_docset_read_pending(ds) == NF_EEMPTY);
    next(r, &ds);
    nf_reader_free(r);
}

TEST(articles_group_by_event_and_without_one_make_one_event)
{
    const char *lines = "{\"event\":\"e1\",\"id\":\"a\",\"text\":\"The quay wall fell on Friday.\"}\n"
                        "{\"event\":\"e1\",\"id\":\"b\",\"text\":\"Boats sank at the quay.\"}\n"
                        "{\"event\":\"e1\",\"id\":\"bad\",\"text\":5}\n"
                        "{\"event\":\"e2\",\"id\":\"c\",\"text\":\"A storm closed the airport.\"}\n";
    nf_reader *r = reader_of(lines, "a.jsonl", NULL);
    CHECK_STR(nf_reader_format(r), "articles");
    nf_docset *ds = NULL;
    /* the bad line's error comes where it is met, before e1 ends */
    CHECK(next(r, &ds) == NF_EDATA && nf_reader_line(r) == 3);
    CHECK_STR(nf_reader_record_id(r), "bad");
    CHECK(strstr(nf_reader_error(r), "\"text\" must be a string") != NULL);
    CHECK(next(r, &ds) == NF_OK && nf_docset_count(ds) == 2 && nf_reader_line(r) == 2);
    CHECK_STR(nf_docset_id(ds), "e1");
    CHECK(next(r, &ds) == NF_OK && nf_docset_count(ds) == 1 && nf_reader_line(r) == 4);
    CHECK(next(r, &ds) == NF_EEMPTY);
    nf_reader_free(r);
    /* One article per line, no "event" (crawlers write so): one event. */
    r = reader_of("{\"id\":\"x\",\"title\":\"Quay\",\"date\":\"2024-09-14\",\"text\":\"The wall fell.\"}\n"
                  "{\"id\":\"y\",\"text\":\"Boats sank.\"}\n", "crawl.jsonl", NULL);
    CHECK(next(r, &ds) == NF_OK && nf_docset_count(ds) == 2 && nf_docset_id(ds) == NULL);
    CHECK_STR(nf_docset_doc_title(ds, 0), "Quay");
    CHECK(next(r, &ds) == NF_EEMPTY);
    nf_reader_free(r);
}

TEST(long_and_binary_lines_are_named_and_the_rest_read)
{
    char buf[600];
    snprintf(buf, sizeof buf, "{\"id\":\"a\",\"documents\":[\"One.\"]}\n{\"id\":\"long\",\"documents\":"
             "[\"%0200d\"]}\n{\"id\":\"b\",\"documents\":[\"Two.\"]}\n", 7);
    nf_reader *r = reader_of(buf, "l.jsonl", NULL);
    CHECK(nf_reader_set(r, "max_line_bytes", "100") == NF_OK);
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_OK);
    CHECK(next(r, &ds) == NF_ELIMIT && nf_reader_line(r) == 2);
    CHECK(strstr(nf_reader_error(r), "line longer than 100 bytes (max_line_bytes)") != NULL);
    CHECK(next(r, &ds) == NF_OK);
    CHECK_STR(nf_docset_id(ds), "b");
    CHECK(next(r, &ds) == NF_EEMPTY);
    nf_reader_free(r);
    /* NUL bytes in a line over the cap: binary data, the reading stops. */
    char bin[300] = "{\"id\":\"a\",\"documents\":[\"One.\"]}\n";
    size_t n = strlen(bin);
    memset(bin + n, 0, 200);
    n += 200;
    CHECK(nf_reader_open_buffer(bin, n, "z", &r) == NF_OK);
    CHECK(nf_reader_set(r, "format", "cluster") == NF_OK && nf_reader_set(r, "max_line_bytes", "64") == NF_OK);
    CHECK(next(r, &ds) == NF_OK);
    CHECK(next(r, &ds) == NF_EDATA && nf_reader_line(r) == 2);
    CHECK(strstr(nf_reader_error(r), "binary data (NUL bytes)") != NULL);
    CHECK(next(r, &ds) == NF_EEMPTY);
    nf_reader_free(r);
}

/* ---- Reports ---- */

TEST(a_page_is_its_article_with_title_date_url_and_provenance)
{
    nf_reader *r = reader_of(PAGE, "quay.html", NULL);
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_OK && nf_docset_count(ds) == 1);
    CHECK_STR(nf_docset_doc_id(ds, 0), "quay.html");
    CHECK_STR(nf_docset_doc_date(ds, 0), "2024-09-14");
    CHECK_STR(nf_docset_doc_url(ds, 0), "https://harbour.example/2024/09/14/quay");
    CHECK(nf_docset_doc_title(ds, 0) && strstr(nf_docset_doc_title(ds, 0), "Quay wall"));
    size_t len;
    const char *text = nf_docset_text(ds, 0, &len);
    CHECK(strstr(text, "three fishing boats") && !strstr(text, "cookies") && !strstr(text, "Copyright"));
    /* A sentence of the text maps back to the same bytes of the page. */
    const char *s = strstr(text, "Nobody was hurt");
    const char *e = strstr(text, "Saturday morning.") + strlen("Saturday morning.");
    size_t a = 0, b = 0;
    CHECK(nf_docset_source_span(ds, 0, (size_t)(s - text), (size_t)(e - text), &a, &b) == NF_OK);
    CHECK(b - a == (size_t)(e - s) && !memcmp(PAGE + a, s, b - a));
    CHECK(nf_docset_source_span(ds, 1, 0, 1, &a, &b) == NF_EINVAL);
    next(r, &ds);
    nf_reader_free(r);
    /* A page without article text is skipped, and said. */
    r = reader_of("<html><head><title>Only a title</title></head><body></body></html>", "e.html", NULL);
    CHECK(next(r, &ds) == NF_EDATA && nf_reader_file(r) && !strcmp(nf_reader_file(r), "e.html"));
    CHECK(strstr(nf_reader_error(r), "no report to read: 1 input file(s) skipped") != NULL);
    CHECK(warned(r, "e.html: no article text found, skipped"));
    nf_reader_free(r);
}

TEST(windows_1252_text_is_decoded_and_broken_utf8_repaired)
{
    const char latin[] = "The caf\xe9 on the quay closed on Friday, its owner M\xfcller said.\n";
    nf_reader *r = reader_of(latin, "l.txt", NULL);
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_OK);
    CHECK(warned(r, "l.txt: not UTF-8: read as Windows-1252"));
    size_t len, a, b;
    const char *text = nf_docset_text(ds, 0, &len);
    CHECK(strstr(text, "caf\xc3\xa9") && strstr(text, "M\xc3\xbcller") && len == strlen(latin) + 2);
    /* "Müller said." in the text is bytes [.., ..) of the file as read. */
    const char *m = strstr(text, "M\xc3\xbcller");
    CHECK(nf_docset_source_span(ds, 0, (size_t)(m - text), len - 1, &a, &b) == NF_OK);
    CHECK(a == (size_t)(strstr(latin, "M\xfc") - latin) && b == strlen(latin) - 1);
    nf_reader_free(r);
    nf_docset_free(ds);
    /* Stray bytes in text that is otherwise UTF-8 (or standing alone) are
     * repaired to U+FFFD, as before; valid UTF-8 is left alone. */
    const char *utf8_like[] = {"The pier \xff\xfe collapsed on Saturday.\n",
                               "Caf\xc3\xa9 and a stray \xe9 byte.\n", "Plain ASCII only.\n"};
    for (size_t i = 0; i < 3; i++) {
        CHECK(!reader_looks_cp1252(utf8_like[i], strlen(utf8_like[i])));
        r = reader_of(utf8_like[i], "u.txt", NULL);
        ds = NULL;
        CHECK(next(r, &ds) == NF_OK && !warned(r, "Windows-1252"));
        nf_docset_source_span(ds, 0, 0, 3, &a, &b);
        CHECK(a == 0 && b == 3);
        nf_reader_free(r);
        nf_docset_free(ds);
    }
    CHECK(reader_looks_cp1252("na\xefve r\xe9sum\xe9", 12));
    CHECK(!reader_looks_cp1252("na\xefve\0", 6)); /* a NUL: not text of this kind */
}

/* A directory of reports written here. */
static void make_reports(char *dir)
{
    strcpy(dir, "/tmp/nf_test_reader_XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    const char *a = "Storm winds closed the airport for six hours on Friday, officials said.\n";
    write_file(dir, "1-wire.txt", a, strlen(a));
    write_file(dir, "2-page.html", PAGE, strlen(PAGE));
    write_file(dir, "3-empty.txt", "", 0);
    write_file(dir, "4-image.png", "\x89PNG\r\n\x1a\n\0\0\0", 11);
    write_file(dir, ".hidden.txt", a, strlen(a));
    write_file(dir, "README.md", a, strlen(a));
}

static void remove_reports(const char *dir)
{
    const char *names[] = {"1-wire.txt", "2-page.html", "3-empty.txt", "4-image.png", ".hidden.txt",
                           "README.md", "corpus.jsonl"};
    char path[512];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

TEST(a_directory_is_one_event_of_its_reports)
{
    char dir[64];
    make_reports(dir);
    nf_reader *r = NULL;
    CHECK(nf_reader_open(dir, &r) == NF_OK);
    CHECK_STR(nf_reader_format(r), "auto");
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_OK && nf_docset_count(ds) == 2);
    CHECK_STR(nf_docset_doc_id(ds, 0), "1-wire.txt");
    CHECK_STR(nf_docset_doc_id(ds, 1), "2-page.html");
    CHECK_STR(nf_docset_doc_date(ds, 1), "2024-09-14");
    CHECK(warned(r, "3-empty.txt: empty file, skipped") && warned(r, "4-image.png: a PNG image, skipped"));
    CHECK(!warned(r, "hidden") && !warned(r, "README"));
    CHECK(next(r, &ds) == NF_EEMPTY);
    nf_reader_free(r);
    /* --input text reads the page as text: markup and all. */
    CHECK(nf_reader_open(dir, &r) == NF_OK && nf_reader_set(r, "format", "text") == NF_OK);
    CHECK(next(r, &ds) == NF_OK && nf_docset_count(ds) == 2);
    CHECK(strstr(nf_docset_text(ds, 1, NULL), "<div class=\"cookie-consent\">") != NULL);
    next(r, &ds);
    nf_reader_free(r);
    remove_reports(dir);
}

TEST(several_inputs_are_one_event_and_nothing_is_lost_to_one_bad_input)
{
    char dir[64], p1[128], p2[128], p3[128], p4[128];
    make_reports(dir);
    snprintf(p1, sizeof p1, "%s/1-wire.txt", dir);
    snprintf(p2, sizeof p2, "%s/missing.txt", dir);
    snprintf(p3, sizeof p3, "%s/2-page.html", dir);
    snprintf(p4, sizeof p4, "%s/corpus.jsonl", dir);
    write_file(NULL, p4, CLUSTERS, strlen(CLUSTERS));
    nf_reader *r = NULL;
    CHECK(nf_reader_open(p1, &r) == NF_OK && nf_reader_add(r, p2) == NF_OK);
    CHECK(nf_reader_add(r, p3) == NF_OK && nf_reader_add(r, p4) == NF_OK);
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_EIO && nf_reader_line(r) == 0);
    CHECK_STR(nf_reader_file(r), p2);
    CHECK(strstr(nf_reader_error(r), "cannot open: No such file") != NULL);
    CHECK(next(r, &ds) == NF_EINVAL); /* a corpus among reports is read alone */
    CHECK_STR(nf_reader_file(r), p4);
    CHECK(strstr(nf_reader_error(r), "cluster JSONL holds its own events") != NULL);
    CHECK(next(r, &ds) == NF_OK && nf_docset_count(ds) == 2); /* the others, one event */
    CHECK(next(r, &ds) == NF_EEMPTY);
    nf_reader_free(r);
    /* Every input skipped: nothing to read, and said. */
    snprintf(p1, sizeof p1, "%s/3-empty.txt", dir);
    CHECK(nf_reader_open(p1, &r) == NF_OK);
    CHECK(next(r, &ds) == NF_EDATA && strstr(nf_reader_error(r), "no report to read: 1 input"));
    CHECK(warned(r, "3-empty.txt: empty file, skipped"));
    nf_reader_free(r);
    remove_reports(dir);
}

TEST(a_text_report_is_read_as_far_as_it_is_used)
{
    char big[5000];
    memset(big, 'a', sizeof big);
    for (size_t i = 50; i < sizeof big; i += 51)
        big[i] = ' ';
    nf_reader *r = NULL;
    CHECK(nf_reader_open_buffer(big, sizeof big, "big.txt", &r) == NF_OK);
    CHECK(nf_reader_set(r, "max_document_bytes", "1000") == NF_OK);
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_OK);
    size_t len;
    nf_docset_text(ds, 0, &len);
    CHECK(len == 1004);
    CHECK(warned(r, "big.txt: read only the first 1004 bytes (max_document_bytes is 1000"));
    next(r, &ds);
    nf_reader_free(r);
}

/* ---- Containers: the record->report adapter ---- */

/* A container of three records, written here: a page, a plain-text
 * article, one that cannot be read, and a binary one. */
static int three_records(const reader_source *src, ingest_record_fn fn, ingest_record_error_fn bad,
                         void *arg)
{
    (void)src;
    const char *text = "Fishing boats sank at the quay as the storm reached its peak on Friday.";
    ingest_record page = {"https://harbour.example/quay", "Feed title", "2024-09-15T06:00:00Z", PAGE,
                          strlen(PAGE), 1, NULL, 1, 0};
    ingest_record plain = {NULL, "Boats sink", "2024-09-13", text, strlen(text), 0, NULL, 2, 4096};
    ingest_record binary = {NULL, NULL, NULL, "\x1f\x8b\x08\0", 4, 0, NULL, 4, 9000};
    int rc = fn(&page, arg);
    if (!rc)
        rc = fn(&plain, arg);
    if (!rc)
        rc = bad(3, 8000, "a WARC record with a wrong length", arg);
    if (!rc)
        rc = fn(&binary, arg);
    return rc;
}

TEST(container_records_become_reports_and_errors_in_place)
{
    nf_reader *r = reader_of("", "feed.xml", NULL);
    nf_docset *event = nf_docset_new();
    reader_doc doc = {r, "feed.xml", "feed.xml", event, NULL};
    reader_source src = {"feed.xml", NULL, 0, NULL};
    CHECK(reader_read_records(&doc, three_records, &src) == 2);
    CHECK(nf_docset_count(event) == 2);
    /* the page: its own title and date first, its canonical URL */
    CHECK_STR(nf_docset_doc_id(event, 0), "https://harbour.example/quay");
    CHECK(strstr(nf_docset_doc_title(event, 0), "Quay wall") != NULL);
    CHECK_STR(nf_docset_doc_date(event, 0), "2024-09-14");
    CHECK(strstr(nf_docset_text(event, 0, NULL), "three fishing boats") != NULL);
    /* the text article: the container's title and day, a made-up id */
    CHECK_STR(nf_docset_doc_id(event, 1), "feed.xml#2");
    CHECK_STR(nf_docset_doc_title(event, 1), "Boats sink");
    CHECK_STR(nf_docset_doc_date(event, 1), "2024-09-13");
    /* the record that cannot be read: an error in its place, with where */
    nf_docset *ds = NULL;
    CHECK(next(r, &ds) == NF_EDATA);
    CHECK(nf_reader_record(r) == 3 && nf_reader_byte(r) == 8000 && nf_reader_line(r) == 0);
    CHECK_STR(nf_reader_error(r), "record 3: a WARC record with a wrong length");
    /* the warning of record 4 comes with the next item (here the reader's
     * own input, empty) */
    CHECK(!warned(r, "record 4") && next(r, &ds) != NF_OK);
    CHECK(warned(r, "feed.xml: record 4: gzip data, skipped"));
    nf_docset_free(ds);
    nf_docset_free(event);
    nf_reader_free(r);
}

/* ---- Copies keep everything ---- */

TEST(a_copied_report_keeps_its_metadata_and_map)
{
    nf_reader *r = reader_of(PAGE, "quay.html", NULL);
    nf_docset *page = NULL, *to = nf_docset_new();
    CHECK(next(r, &page) == NF_OK);
    CHECK(nf_docset_copy_report(to, page, 0, NULL, NULL, NULL, 0) == NF_OK);
    CHECK(nf_docset_copy_report(to, page, 0, "mine", "My title", "2024-01-02", 0) == NF_OK);
    CHECK(nf_docset_copy_report(to, page, 0, NULL, NULL, NULL, 1) == NF_OK);
    CHECK(nf_docset_copy_report(to, page, 1, NULL, NULL, NULL, 0) == NF_EINVAL);
    CHECK(nf_docset_copy_report(page, page, 0, NULL, NULL, NULL, 0) == NF_EINVAL);
    CHECK(nf_docset_count(to) == 2 && nf_docset_seen_count(to) == 1);
    CHECK_STR(nf_docset_doc_id(to, 0), "quay.html");
    CHECK_STR(nf_docset_doc_url(to, 1), "https://harbour.example/2024/09/14/quay");
    CHECK_STR(nf_docset_doc_id(to, 1), "mine");
    CHECK_STR(nf_docset_doc_title(to, 1), "My title");
    CHECK_STR(nf_docset_doc_date(to, 1), "2024-01-02");
    size_t a, b, c, d;
    CHECK(nf_docset_source_span(page, 0, 10, 40, &a, &b) == NF_OK);
    CHECK(nf_docset_source_span(to, 1, 10, 40, &c, &d) == NF_OK && a == c && b == d && a > 10);
    nf_docset_free(to);
    nf_docset_free(page);
    nf_reader_free(r);
}

int main(void)
{
    RUN(formats_are_named_once_and_listed);
    RUN(settings_are_checked_and_come_before_reading);
    RUN(auto_tells_every_format_by_name_and_first_bytes);
    RUN(cluster_lines_are_events_and_a_bad_line_an_error_in_its_place);
    RUN(update_sets_read_their_topics_earlier_sets);
    RUN(deferred_lines_are_read_by_the_caller);
    RUN(articles_group_by_event_and_without_one_make_one_event);
    RUN(long_and_binary_lines_are_named_and_the_rest_read);
    RUN(a_page_is_its_article_with_title_date_url_and_provenance);
    RUN(windows_1252_text_is_decoded_and_broken_utf8_repaired);
    RUN(a_directory_is_one_event_of_its_reports);
    RUN(several_inputs_are_one_event_and_nothing_is_lost_to_one_bad_input);
    RUN(a_text_report_is_read_as_far_as_it_is_used);
    RUN(container_records_become_reports_and_errors_in_place);
    RUN(a_copied_report_keeps_its_metadata_and_map);
    return tests_failed_total_ ? 1 : 0;
}
