/* Document sets, ingest formats, options and the summarizer end to end. */
#include "test.h"
#include "newsfuse.h"
#include <stdlib.h>

static const char *REPORTS[] = {
    "PORT ALDER -- A footbridge over the harbour collapsed on Saturday evening during the "
    "lantern festival. At least twelve people were killed and dozens were injured, the harbour "
    "authority said. Rescue divers searched the water through the night.\n\n"
    "The bridge had been inspected in March, officials said.",
    "A footbridge over the harbour collapsed on Saturday evening during the lantern festival. "
    "Rescue divers searched the water through the night for the missing. The harbour authority "
    "said the bridge had been inspected in March and was rated safe.",
    /* (parenthesized: clang's -Wstring-concatenation takes a two-piece
     * element of a list for a missing comma) */
    ("The death toll from the footbridge collapse rose to fourteen on Sunday, the harbour "
     "authority said. Rescue divers searched the water through the night. Why did it fail?"),
};

static nf_docset *example(void)
{
    nf_docset *ds = nf_docset_new();
    for (size_t i = 0; ds && i < 3; i++)
        CHECK(nf_docset_add(ds, NULL, NULL, NULL, REPORTS[i], strlen(REPORTS[i])) == NF_OK);
    return ds;
}

/* Words in s, split on white space. */
static size_t words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        w += !sp && !in;
        in = !sp;
    }
    return w;
}

TEST(summary_respects_word_budget_and_offsets)
{
    nf_docset *ds = example();
    nf_options *o = nf_options_new();
    CHECK(nf_options_set(o, "words", "40") == NF_OK);
    nf_summary *s = NULL;
    CHECK(nf_summarize(ds, o, &s) == NF_OK);
    size_t total = 0;
    CHECK(nf_summary_count(s) >= 1);
    for (size_t i = 0; i < nf_summary_count(s); i++) {
        const char *t;
        size_t len, d, st, en, dl;
        CHECK(nf_summary_sentence(s, i, &t, &len, &d, &st, &en, NULL) == NF_OK);
        const char *doc = nf_docset_text(ds, d, &dl);
        CHECK(en <= dl && st < en && en - st == len && memcmp(doc + st, t, len) == 0);
        total += words(t, len);
    }
    CHECK(total <= 40);
    nf_summary_free(s);
    nf_options_free(o);
    nf_docset_free(ds);
}

TEST(dateline_and_question_kept_out)
{
    nf_docset *ds = example();
    nf_options *o = nf_options_new();
    CHECK(nf_options_set(o, "sentences", "10") == NF_OK);
    nf_summary *s = NULL;
    nf_summarize(ds, o, &s);
    for (size_t i = 0; s && i < nf_summary_count(s); i++) {
        const char *t;
        nf_summary_sentence(s, i, &t, NULL, NULL, NULL, NULL, NULL);
        CHECK(strncmp(t, "PORT ALDER", 10) != 0);
        CHECK(strchr(t, '?') == NULL);
    }
    nf_summary_free(s);
    nf_options_free(o);
    nf_docset_free(ds);
}

TEST(repeated_sentence_counts_once_as_support)
{
    nf_docset *ds = example();
    nf_options *o = nf_options_new();
    nf_options_set(o, "sentences", "10");
    nf_summary *s = NULL;
    nf_summarize(ds, o, &s);
    char *json = NULL;
    CHECK(nf_summary_render(s, "jsonl", &json, NULL) == NF_OK);
    /* "Rescue divers searched the water through the night." appears in two
     * reports (the first one's sentence starts after its dateline). */
    size_t hits = 0;
    for (const char *p = json; p && (p = strstr(p, "searched the water through the night")); p++)
        hits++;
    CHECK(hits == 1);
    CHECK(json && strstr(json, "\"support\":1") != NULL);
    CHECK(json && strstr(json, "\"schema\":\"newsfuse/2\"") != NULL);
    nf_free(json);
    nf_summary_free(s);
    nf_options_free(o);
    nf_docset_free(ds);
}

TEST(options_validate)
{
    nf_options *o = nf_options_new();
    CHECK(nf_options_set(o, "words", "-3") == NF_EINVAL);
    CHECK(strstr(nf_options_error(o), "words") != NULL);
    CHECK(nf_options_set(o, "ratio", "1.5") == NF_EINVAL);
    CHECK(nf_options_set(o, "method", "nosuch") == NF_EINVAL);
    CHECK(nf_options_set(o, "colour", "red") == NF_EINVAL);
    CHECK(nf_options_set(o, "language", "german") == NF_OK);
    CHECK_STR(nf_options_get(o, "language"), "german");
    CHECK_STR(nf_options_get(o, "words"), "100");
    CHECK(nf_options_set(o, "sentences", "2") == NF_OK);
    CHECK_STR(nf_options_get(o, "words"), "0"); /* an explicit budget replaces the default */
    nf_options_free(o);
    nf_options_free(NULL);
}

TEST(json_cluster_ingest)
{
    nf_docset *ds = nf_docset_new();
    const char *line = "{\"id\":\"e1\",\"documents\":[{\"id\":\"a\",\"title\":null,\"date\":\"2020-01-02\","
                       "\"text\":\"One. Two.\"},\"plain string doc\"],\"references\":[\"r1\"],"
                       "\"topic\":{\"title\":\"T\",\"narrative\":\"N\"}}";
    CHECK(nf_docset_add_json(ds, line, strlen(line)) == NF_OK);
    CHECK(nf_docset_count(ds) == 2);
    CHECK_STR(nf_docset_id(ds), "e1");
    CHECK_STR(nf_docset_doc_id(ds, 0), "a");
    CHECK_STR(nf_docset_doc_id(ds, 1), "2");
    CHECK_STR(nf_docset_reference(ds, 0), "r1");
    CHECK_STR(nf_docset_topic(ds), "T. N");
    nf_docset_free(ds);
}

TEST(json_cluster_errors_say_where)
{
    const char *bad[] = {"{\"documents\":[{\"text\":1}]}", "{\"documents\":{}}", "[1,2]",
                         "{\"documents\":[{\"text\":\"a\"}", "{\"id\":\"x\"}",
                         "{\"documents\":[],\"documents\":[]}"};
    const char *want[] = {"documents[0]", "array", "object", "column", "missing", "column"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        nf_docset *ds = nf_docset_new();
        CHECK(nf_docset_add_json(ds, bad[i], strlen(bad[i])) == NF_EDATA);
        CHECK(strstr(nf_docset_error(ds), want[i]) != NULL);
        nf_docset_free(ds);
    }
}

TEST(invalid_utf8_in_json_is_repaired)
{
    nf_docset *ds = nf_docset_new();
    const char line[] = "{\"documents\":[{\"text\":\"caf\xFF ok.\"}]}";
    CHECK(nf_docset_add_json(ds, line, sizeof line - 1) == NF_OK);
    size_t len;
    const char *t = nf_docset_text(ds, 0, &len);
    CHECK(t && len == 10 && memcmp(t, "caf\xEF\xBF\xBD ok.", 10) == 0);
    nf_docset_free(ds);
}

TEST(multinews_lines)
{
    nf_docset *ds = nf_docset_new();
    const char *line = "First doc. NEWLINE_CHAR NEWLINE_CHAR Second para. ||||| ||||| Other doc.\n";
    CHECK(nf_docset_add_multinews(ds, line, strlen(line)) == NF_OK);
    CHECK(nf_docset_count(ds) == 2);
    size_t len;
    CHECK_STR(nf_docset_text(ds, 0, &len), "First doc. \n \n Second para.");
    CHECK_STR(nf_docset_text(ds, 1, &len), "Other doc.");
    nf_docset_free(ds);
    ds = nf_docset_new();
    CHECK(nf_docset_add_multinews(ds, " ||||| ", 7) == NF_EEMPTY);
    nf_docset_free(ds);
}

TEST(empty_input_gives_empty_summary_with_warning)
{
    nf_docset *ds = nf_docset_new();
    nf_summary *s = NULL;
    CHECK(nf_summarize(ds, NULL, &s) == NF_EEMPTY);
    CHECK(s != NULL && nf_summary_count(s) == 0 && nf_summary_warning_count(s) == 1);
    nf_summary_free(s);
    nf_docset_free(ds);
}

TEST(cut_fills_budget_exactly)
{
    nf_docset *ds = example();
    nf_options *o = nf_options_new();
    nf_options_set(o, "words", "25");
    nf_options_set(o, "cut", "1");
    nf_summary *s = NULL;
    CHECK(nf_summarize(ds, o, &s) == NF_OK);
    size_t total = 0;
    for (size_t i = 0; i < nf_summary_count(s); i++) {
        const char *t;
        size_t len;
        nf_summary_sentence(s, i, &t, &len, NULL, NULL, NULL, NULL);
        total += words(t, len);
    }
    CHECK(total == 25);
    nf_summary_free(s);
    nf_options_free(o);
    nf_docset_free(ds);
}

int main(void)
{
    RUN(summary_respects_word_budget_and_offsets);
    RUN(dateline_and_question_kept_out);
    RUN(repeated_sentence_counts_once_as_support);
    RUN(options_validate);
    RUN(json_cluster_ingest);
    RUN(json_cluster_errors_say_where);
    RUN(invalid_utf8_in_json_is_repaired);
    RUN(multinews_lines);
    RUN(empty_input_gives_empty_summary_with_warning);
    RUN(cut_fills_budget_exactly);
    TEST_EXIT();
}
