/* The API's one convention (include/newsfuse.h): formats and splitters
 * named by strings and listed; keys set one way per handle. */
#include "test.h"
#include "newsfuse.h"
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

int main(void)
{
    RUN(formats_are_listed_by_result);
    RUN(every_listed_format_renders_and_no_other);
    RUN(splitters_by_name);
    RUN(figure_struct_is_versioned_by_size);
    TEST_EXIT();
}
