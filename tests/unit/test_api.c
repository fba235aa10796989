/* The API's one convention (include/newsfuse.h): formats and splitters
 * named by strings and listed; keys set one way per handle. */
#include "test.h"
#include "newsfuse.h"
#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>

static const char *const REPORTS[] = {
    "PORT ALDER -- A footbridge over the harbour collapsed on Saturday evening. At least "
    "twelve people were killed and 37 were injured, the harbour authority said.",
    "The death toll from the footbridge collapse rose to fourteen on Sunday, officials said. "
    "Rescue divers searched the water through the night.",
};

static nf_docset *example(void)
{
    nf_docset *ds = nf_docset_new();
    for (size_t i = 0; ds && i < 2; i++)
        CHECK(nf_docset_add(ds, NULL, NULL, NULL, REPORTS[i], strlen(REPORTS[i])) == NF_OK);
    return ds;
}

/* The list joined by spaces, for comparing. */
static const char *joined(const char *const *list)
{
    static char buf[256];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; list && list[i]; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? " " : "", list[i]);
    return buf;
}

TEST(formats_are_listed_by_result)
{
    CHECK_STR(joined(nf_formats("summary")), "text json jsonl");
    CHECK_STR(joined(nf_formats("facts")), "text json jsonl md");
    CHECK_STR(joined(nf_formats("rouge")), "table json rouge155");
    CHECK(nf_formats("idf") == NULL);
    CHECK(nf_formats(NULL) == NULL);
    CHECK_STR(joined(nf_rouge_splitters()), "newsfuse regex lines");
}

/* Every listed format renders; an unknown one (or NULL) is NF_EINVAL. */
TEST(every_listed_format_renders_and_no_other)
{
    nf_docset *ds = example();
    nf_summary *s = NULL;
    nf_facts_sheet *sh = NULL;
    CHECK(nf_summarize(ds, NULL, &s) == NF_OK);
    CHECK(nf_facts(ds, NULL, &sh) == NF_OK);
    char *out = NULL;
    size_t len = 0;
    for (const char *const *f = nf_formats("summary"); *f; f++) {
        CHECK(nf_summary_render(s, *f, &out, &len) == NF_OK && out && strlen(out) == len);
        nf_free(out);
    }
    for (const char *const *f = nf_formats("facts"); *f; f++) {
        CHECK(nf_facts_render(sh, *f, &out, &len) == NF_OK && out && strlen(out) == len);
        nf_free(out);
    }
    const char *bad[] = {"md", "table", "JSON", "", NULL};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        out = (char *)1;
        CHECK(nf_summary_render(s, bad[i], &out, &len) == NF_EINVAL && out == NULL);
        if (i)
            CHECK(nf_facts_render(sh, bad[i], &out, &len) == NF_EINVAL);
    }
    nf_facts_free(sh);
    nf_summary_free(s);
    nf_docset_free(ds);

    nf_rouge *r = nf_rouge_new();
    const char *ref = "a b c\n";
    size_t rlen = 6;
    CHECK(nf_rouge_add_references(r, "d1", &ref, &rlen, 1) == NF_OK);
    CHECK(nf_rouge_add_summary(r, "S", "d1", "a b\n", 4) == NF_OK);
    CHECK(nf_rouge_set_flags(r, "-n 1 -r 10") == NF_OK && nf_rouge_score(r) == NF_OK);
    for (const char *const *f = nf_formats("rouge"); *f; f++) {
        CHECK(nf_rouge_render(r, *f, 1, &out, &len) == NF_OK && out && strlen(out) == len);
        nf_free(out);
    }
    CHECK(nf_rouge_render(r, "text", 0, &out, &len) == NF_EINVAL);
    CHECK(nf_rouge_render(r, NULL, 0, &out, &len) == NF_EINVAL);
    nf_rouge_free(r);
}

TEST(splitters_by_name)
{
    const char *t = "One sentence here. Another one there.";
    char *out = NULL;
    size_t n = 0;
    CHECK(nf_rouge_spl(t, strlen(t), "lines", &out, &n) == NF_OK);
    CHECK_STR(out, "One sentence here. Another one there.\n");
    nf_free(out);
    CHECK(nf_rouge_spl(t, strlen(t), NULL, &out, &n) == NF_OK); /* NULL: newsfuse */
    CHECK_STR(out, "One sentence here.\nAnother one there.\n");
    nf_free(out);
    CHECK(nf_rouge_spl(t, strlen(t), "sentences", &out, &n) == NF_EINVAL && out == NULL);
}

/* nf_facts_figure fills the caller's version of the struct: all of this
 * one; of a later, longer one (a program built against a newer header)
 * what this version has, the rest untouched; a size below this first
 * version is refused. */
TEST(figure_struct_is_versioned_by_size)
{
    nf_docset *ds = example();
    nf_facts_sheet *sh = NULL;
    CHECK(nf_facts(ds, NULL, &sh) == NF_OK && nf_facts_figure_count(sh) > 0);
    nf_figure f;
    memset(&f, 0xAB, sizeof f);
    CHECK(nf_facts_figure(sh, 0, &f, sizeof f) == NF_OK);
    CHECK(f.doc == 0 && f.start < f.end && f.text && f.kind && f.place && f.part_of >= -1);
    CHECK(!strncmp(REPORTS[0] + f.start, f.text, strlen(f.text)));
    struct later {
        nf_figure v1;
        long added_later;
    } g;
    g.added_later = 12345;
    CHECK(nf_facts_figure(sh, 0, &g.v1, sizeof g) == NF_OK);
    CHECK(g.added_later == 12345 && !memcmp(&g.v1, &f, offsetof(nf_figure, place) + sizeof f.place));
    CHECK(nf_facts_figure(sh, 0, &f, offsetof(nf_figure, place)) == NF_EINVAL);
    CHECK(nf_facts_figure(sh, 0, &f, 0) == NF_EINVAL);
    CHECK(nf_facts_figure(sh, 0, NULL, sizeof f) == NF_EINVAL);
    CHECK(nf_facts_figure(sh, nf_facts_figure_count(sh), &f, sizeof f) == NF_EINVAL);
    nf_facts_free(sh);
    nf_docset_free(ds);
}

/* A summary's "options" carry every key of nf_option_keys, typed by key
 * (newsfuse/2): counts as integers, numbers as reals, switches as
 * booleans, the rest as strings; idf only with a table. */
TEST(options_in_json_are_typed)
{
    nf_docset *ds = example();
    nf_options *o = nf_options_new();
    CHECK(nf_options_set(o, "ratio", "0.25") == NF_OK && nf_options_set(o, "cut", "1") == NF_OK);
    CHECK(nf_options_set(o, "query", "toll") == NF_OK && nf_options_set(o, "max_seconds", "7.5") == NF_OK);
    nf_summary *s = NULL;
    CHECK(nf_summarize(ds, o, &s) == NF_OK);
    char *out = NULL;
    CHECK(nf_summary_render(s, "jsonl", &out, NULL) == NF_OK);
    json_t *root = json_loads(out ? out : "", 0, NULL);
    json_t *opts = json_object_get(root, "options");
    CHECK_STR(json_string_value(json_object_get(root, "schema")), NF_SCHEMA);
    CHECK_STR(NF_SCHEMA, "newsfuse/2");
    CHECK(json_is_integer(json_object_get(opts, "words")) &&
          json_integer_value(json_object_get(opts, "words")) == 0);
    CHECK(json_integer_value(json_object_get(opts, "min_words")) == 6);
    CHECK(json_integer_value(json_object_get(opts, "max_document_bytes")) == 8 << 20);
    CHECK(json_is_real(json_object_get(opts, "ratio")) &&
          json_real_value(json_object_get(opts, "ratio")) == 0.25);
    CHECK(json_real_value(json_object_get(opts, "max_seconds")) == 7.5);
    CHECK(json_is_true(json_object_get(opts, "cut")) && json_is_false(json_object_get(opts, "facts")));
    CHECK_STR(json_string_value(json_object_get(opts, "method")), "concept");
    CHECK_STR(json_string_value(json_object_get(opts, "query")), "toll");
    CHECK(json_object_get(opts, "idf") == NULL); /* no table */
    CHECK(json_object_get(opts, "standalone") == NULL); /* off: left out */
    size_t keys = 0;
    for (const char *const *k = nf_option_keys(); *k; k++) {
        keys++;
        CHECK(!strcmp(*k, "idf") || !strcmp(*k, "standalone") || json_object_get(opts, *k) != NULL);
    }
    CHECK(keys == json_object_size(opts) + 2);
    json_decref(root);
    nf_free(out);
    nf_summary_free(s);
    /* Stand-alone sentences only: said, as a boolean. */
    CHECK(nf_options_set(o, "standalone", "yes") == NF_EINVAL);
    CHECK(nf_options_set(o, "standalone", "1") == NF_OK);
    CHECK_STR(nf_options_get(o, "standalone"), "1");
    CHECK(nf_summarize(ds, o, &s) == NF_OK && nf_summary_render(s, "json", &out, NULL) == NF_OK);
    root = json_loads(out ? out : "", 0, NULL);
    CHECK(json_is_true(json_object_get(json_object_get(root, "options"), "standalone")));
    json_decref(root);
    nf_free(out);
    nf_summary_free(s);
    CHECK(nf_options_set(o, "standalone", "0") == NF_OK);
    /* A table given as an object: listed in the result, no path to read back. */
    nf_idf *t = nf_idf_new();
    CHECK(nf_idf_add_docset(t, ds) == NF_OK && nf_options_set_idf(o, t) == NF_OK);
    nf_idf_free(t);
    CHECK_STR(nf_options_get(o, "idf"), "");
    CHECK(nf_summarize(ds, o, &s) == NF_OK && nf_summary_render(s, "json", &out, NULL) == NF_OK);
    root = json_loads(out ? out : "", 0, NULL);
    CHECK_STR(json_string_value(json_object_get(json_object_get(root, "options"), "idf")),
              "(a table given through the API)");
    json_decref(root);
    nf_free(out);
    nf_summary_free(s);
    nf_options_free(o);
    nf_docset_free(ds);
}

int main(void)
{
    RUN(formats_are_listed_by_result);
    RUN(every_listed_format_renders_and_no_other);
    RUN(splitters_by_name);
    RUN(figure_struct_is_versioned_by_size);
    RUN(options_in_json_are_typed);
    TEST_EXIT();
}
