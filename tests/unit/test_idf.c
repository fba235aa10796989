/* Background term statistics (nf_idf): counting document sets, the TSV
 * round trip, malformed tables, the idf option and its language rule, the
 * weights the tf-idf vectors take from a table, sharing across threads,
 * and allocation failures. */
#include "test.h"
#include "test_alloc.h"
#include "core/options.h"
#include "model/idf.h"
#include "model/model.h"
#include "model/vectors.h"
#include "newsfuse.h"
#include "text/clean.h"
#include "text/tokens.h"
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Reports whose stems are easy to predict. */
static const char *const corpus_a[] = {
    "The bridge collapsed in the storm. Divers searched the harbour.",
    "A bridge fell into the harbour on Saturday.",
};
static const char *const corpus_b[] = {"Rain fell on the town all week."};

/* Adds texts to a new document set (NULL if out of memory). */
static nf_docset *docset_of(const char *const *texts, size_t n)
{
    nf_docset *ds = nf_docset_new();
    for (size_t i = 0; ds && i < n; i++)
        if (nf_docset_add(ds, NULL, NULL, NULL, texts[i], strlen(texts[i])) != NF_OK) {
            nf_docset_free(ds);
            return NULL;
        }
    return ds;
}

/* A table counted from both corpora (three documents). */
static nf_idf *counted_table(void)
{
    nf_idf *t = nf_idf_new();
    nf_docset *a = docset_of(corpus_a, 2), *b = docset_of(corpus_b, 1);
    int ok = t && a && b && nf_idf_add_docset(t, a) == NF_OK && nf_idf_add_docset(t, b) == NF_OK;
    nf_docset_free(a), nf_docset_free(b);
    if (!ok)
        nf_idf_free(t);
    return ok ? t : NULL;
}

/* Writes text to a new temporary file named into path[64]; returns path
 * or NULL. */
static const char *temp_file(char *path, const char *text)
{
    snprintf(path, 64, "/tmp/nf_test_idf_XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    size_t n = strlen(text);
    int ok = write(fd, text, n) == (ssize_t)n;
    close(fd);
    return ok ? path : NULL;
}

TEST(counting_follows_the_summarizer_tokens)
{
    nf_idf *t = counted_table();
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(nf_idf_documents(t) == 3);
    CHECK_STR(nf_idf_language(t), "english");
    CHECK(nf_idf_df(t, "bridg") == 2);   /* stemmed: bridge, bridge */
    CHECK(nf_idf_df(t, "harbour") == 2); /* twice in one report counts once */
    CHECK(nf_idf_df(t, "fell") == 2);    /* two corpora add up */
    CHECK(nf_idf_df(t, "rain") == 1);
    CHECK(nf_idf_df(t, "the") == 0); /* stop words are left out */
    CHECK(nf_idf_df(t, "bridge") == 0); /* only stemmed forms are stored */
    nf_idf_free(t);
}

TEST(render_and_parse_round_trip)
{
    nf_idf *t = counted_table(), *u = nf_idf_new();
    char *out = NULL, *again = NULL;
    size_t len = 0, len2 = 0;
    CHECK(t && u && nf_idf_render(t, 1, &out, &len) == NF_OK);
    if (!out) {
        nf_idf_free(t), nf_idf_free(u);
        return;
    }
    CHECK(strncmp(out, "# newsfuse-idf/1\tlanguage=english\tdocuments=3\tmin_df=1\n", 55) == 0);
    CHECK(strstr(out, "\nbridg\t2\n") != NULL);
    CHECK(strstr(out, "\nrain\t1\n") != NULL);
    /* Terms in byte order. */
    CHECK(strstr(out, "\nbridg\t") < strstr(out, "\ncollaps\t"));
    CHECK(strstr(out, "\nharbour\t") < strstr(out, "\nrain\t"));
    CHECK(nf_idf_parse(u, out, len, "mem") == NF_OK);
    CHECK(nf_idf_documents(u) == 3 && nf_idf_term_count(u) == nf_idf_term_count(t));
    CHECK(nf_idf_df(u, "fell") == 2);
    CHECK(nf_idf_render(u, 1, &again, &len2) == NF_OK);
    CHECK(again && len2 == len && !memcmp(out, again, len));
    nf_free(out), nf_free(again);
    /* min_df drops the rare terms and says so in the header. */
    CHECK(nf_idf_render(t, 2, &out, &len) == NF_OK);
    CHECK(out && strstr(out, "min_df=2\n") && strstr(out, "\nbridg\t2\n") && !strstr(out, "\nrain\t"));
    nf_free(out);
    nf_idf_free(t), nf_idf_free(u);
}

/* Parses text and checks the status and that the message names want. */
static void expect_bad(const char *text, int status, const char *want)
{
    nf_idf *t = nf_idf_new();
    if (!t)
        return;
    int rc = nf_idf_parse(t, text, strlen(text), "x.tsv");
    CHECK(rc == status);
    if (!strstr(nf_idf_error(t), want))
        fprintf(stderr, "  message \"%s\" lacks \"%s\"\n", nf_idf_error(t), want);
    CHECK(strstr(nf_idf_error(t), want) != NULL);
    CHECK(nf_idf_documents(t) == 0 && nf_idf_term_count(t) == 0); /* left empty */
    nf_idf_free(t);
}

TEST(malformed_tables_are_refused_with_file_and_line)
{
    const char *h = "# newsfuse-idf/1\tlanguage=english\tdocuments=10\n";
    char text[256];
    expect_bad("", NF_EDATA, "x.tsv:1: empty");
    expect_bad("term\t3\n", NF_EDATA, "x.tsv:1: not an idf table");
    expect_bad("# newsfuse-idf/1\tdocuments=10\n", NF_EDATA, "x.tsv:1: the header needs");
    expect_bad("# newsfuse-idf/1\tlanguage=klingon\tdocuments=10\n", NF_EDATA, "x.tsv:1: language");
    expect_bad("# newsfuse-idf/1\tlanguage=kl\xffngon\tdocuments=10\n", NF_EDATA, "x.tsv:1: language 'kl");
    expect_bad("# newsfuse-idf/1\tlanguage=english\tdocuments=ten\n", NF_EDATA, "x.tsv:1: documents=");
    expect_bad("# newsfuse-idf/1\tlanguage=english\tdocuments=0\n", NF_EDATA, "x.tsv:1: documents=");
    /* A field without '=' (found by clang's UBSan: its value was read
     * from NULL + 1) is named; an empty one is skipped. */
    expect_bad("# newsfuse-idf/1\tlanguage=english\tdocuments=4\tmin_df\nw\t1\n", NF_EDATA,
               "x.tsv:1: header field 'min_df' is not key=value");
    expect_bad("# newsfuse-idf/1\tdocuments\tlanguage=english\n", NF_EDATA,
               "x.tsv:1: header field 'documents' is not key=value");
    expect_bad("# newsfuse-idf/1\tlanguage=english\tdocuments=4\tsource\n", NF_EDATA,
               "x.tsv:1: header field 'source' is not key=value");
    snprintf(text, sizeof text, "%sbridg\t2\nharbour 3\n", h);
    expect_bad(text, NF_EDATA, "x.tsv:3: expected term<TAB>");
    snprintf(text, sizeof text, "%sbridg\t11\n", h);
    expect_bad(text, NF_EDATA, "x.tsv:2: the document count");
    snprintf(text, sizeof text, "%sbridg\t0\n", h);
    expect_bad(text, NF_EDATA, "x.tsv:2: the document count");
    snprintf(text, sizeof text, "%sbridg\t-1\n", h);
    expect_bad(text, NF_EDATA, "x.tsv:2: the document count");
    snprintf(text, sizeof text, "%sbridg\t2\n\nbridg\t3\n", h);
    expect_bad(text, NF_EDATA, "x.tsv:4: the term appears twice");
    /* Unknown header fields, CRLF and a last line without a newline pass. */
    nf_idf *t = nf_idf_new();
    const char *ok = "# newsfuse-idf/1\tlanguage=english\t\tdocuments=10\tsource=x\t\r\nbridg\t2\r\nrain\t1";
    CHECK(t && nf_idf_parse(t, ok, strlen(ok), "ok.tsv") == NF_OK);
    CHECK(nf_idf_df(t, "bridg") == 2 && nf_idf_df(t, "rain") == 1);
    /* A filled table is not parsed into again. */
    CHECK(nf_idf_parse(t, ok, strlen(ok), "ok.tsv") == NF_EINVAL);
    nf_idf_free(t);
}

TEST(junk_is_refused_or_read_never_crashes)
{
    /* A fixed-seed generator: the same junk every run. */
    unsigned long x = 12345;
    char text[200];
    const char *h = "# newsfuse-idf/1\tlanguage=english\tdocuments=7\n";
    const char alphabet[] = "ab\t\n\r0123456789=#\0\xff ";
    for (int round = 0; round < 3000; round++) {
        size_t n = strlen(h) * (size_t)(round % 2); /* half start with a good header */
        memcpy(text, h, n);
        size_t len = n + (size_t)(round % 120);
        for (size_t i = n; i < len; i++) {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            text[i] = alphabet[(x >> 33) % (sizeof alphabet - 1)];
        }
        nf_idf *t = nf_idf_new();
        if (!t)
            return;
        int rc = nf_idf_parse(t, text, len, "junk");
        CHECK(rc == NF_OK || rc == NF_EDATA);
        CHECK(rc == NF_OK || strncmp(nf_idf_error(t), "junk:", 5) == 0);
        CHECK(!strchr(nf_idf_error(t), '\xff')); /* messages stay UTF-8 */
        CHECK(rc != NF_OK || nf_idf_documents(t) == 7);
        nf_idf_free(t);
    }
}

TEST(reading_a_missing_file_says_which)
{
    nf_idf *t = nf_idf_new();
    CHECK(t && nf_idf_read(t, "/nonexistent/idf.tsv") == NF_EIO);
    CHECK(strstr(nf_idf_error(t), "/nonexistent/idf.tsv: cannot open") != NULL);
    CHECK(nf_idf_read(t, "/dev/zero") == NF_EIO); /* not a regular file: not read */
    CHECK(strstr(nf_idf_error(t), "/dev/zero: not a regular file") != NULL);
    CHECK(nf_idf_read(t, "/tmp") == NF_EIO);
    nf_idf_free(t);
}

TEST(the_idf_option_reads_the_file_and_follows_its_language)
{
    char pbuf[64], bbuf[64];
    const char *path = temp_file(pbuf, "# newsfuse-idf/1\tlanguage=german\tdocuments=4\nbruck\t2\n");
    nf_options *o = nf_options_new();
    CHECK(path && o);
    if (!path || !o)
        return;
    CHECK(nf_options_set(o, "idf", path) == NF_OK);
    CHECK_STR(nf_options_get(o, "idf"), path);
    CHECK_STR(nf_options_get(o, "language"), "german"); /* not set: follows the table */
    CHECK(nf_options_set(o, "language", "english") == NF_EINVAL);
    CHECK(strstr(nf_options_error(o), "idf table") != NULL);
    CHECK(nf_options_set(o, "language", "german") == NF_OK);
    CHECK(nf_options_set(o, "idf", "") == NF_OK); /* dropped */
    CHECK_STR(nf_options_get(o, "idf"), "");
    CHECK(o->idf == NULL);
    CHECK(nf_options_set(o, "language", "english") == NF_OK);
    /* An explicit other language refuses the table. */
    CHECK(nf_options_set(o, "idf", path) == NF_EINVAL);
    CHECK(strstr(nf_options_error(o), "the table is for german") != NULL);
    CHECK(o->idf == NULL && !strcmp(nf_options_get(o, "idf"), ""));
    /* A bad file is an option error naming file and line. */
    const char *bad = temp_file(bbuf, "# newsfuse-idf/1\tlanguage=english\tdocuments=4\nbruck\n");
    CHECK(bad && nf_options_set(o, "idf", bad) == NF_EDATA);
    char want[96];
    snprintf(want, sizeof want, "%s:2:", bad ? bad : "");
    CHECK(strstr(nf_options_error(o), want) != NULL);
    CHECK(nf_options_set(o, "idf", "/nonexistent/idf.tsv") == NF_EIO);
    CHECK(strstr(nf_options_error(o), "cannot open") != NULL);
    /* A key like the others: listed, and its value (the path) read back. */
    int listed = 0;
    for (const char *const *k = nf_option_keys(); *k; k++)
        listed += !strcmp(*k, "idf");
    CHECK(listed == 1);
    nf_options_free(o);
    unlink(path);
    if (bad)
        unlink(bad);
}

TEST(a_shared_table_is_read_only_and_outlives_its_creator)
{
    nf_idf *t = counted_table();
    nf_options *a = nf_options_new(), *b = nf_options_new();
    CHECK(t && a && b);
    if (!t || !a || !b)
        return;
    CHECK(nf_options_set_idf(a, t) == NF_OK && nf_options_set_idf(b, t) == NF_OK);
    nf_docset *ds = docset_of(corpus_b, 1);
    CHECK(nf_idf_add_docset(t, ds) == NF_EINVAL); /* shared: no more counting */
    CHECK(nf_idf_set_language(t, "german") == NF_EINVAL);
    nf_idf_free(t); /* the options keep it */
    nf_options_free(a);
    CHECK(b->idf && nf_idf_documents(b->idf) == 3 && nf_idf_df(b->idf, "bridg") == 2);
    nf_options_free(b);
    nf_docset_free(ds);
}

/* A model of corpus_a for the vector tests. */
typedef struct fixture {
    nf_docset *ds;
    tokenizer *tk;
    cleaner *cl;
    model m;
} fixture;

static int fixture_open(fixture *f)
{
    memset(f, 0, sizeof *f);
    f->ds = docset_of(corpus_a, 2);
    f->tk = tokenizer_new("english");
    f->cl = cleaner_new();
    return f->ds && f->tk && f->cl && model_build(&f->m, f->ds, f->tk, f->cl, NULL) == NF_OK;
}

static void fixture_close(fixture *f)
{
    model_free(&f->m);
    cleaner_free(f->cl);
    tokenizer_free(f->tk);
    nf_docset_free(f->ds);
}

/* The vector weight of term s in the model's idf (-1 if absent). */
static double idf_of(const fixture *f, const vectors *v, const char *s)
{
    int64_t id = vocab_find(&f->m.voc, s, strlen(s));
    return id < 0 ? -1 : v->idf[id];
}

TEST(vectors_take_idf_from_the_table)
{
    fixture f;
    CHECK(fixture_open(&f));
    const char *tsv = "# newsfuse-idf/1\tlanguage=english\tdocuments=99\nbridg\t9\nharbour\t99\n";
    nf_idf *t = nf_idf_new();
    CHECK(t && nf_idf_parse(t, tsv, strlen(tsv), "t") == NF_OK);
    vectors own, bg;
    CHECK(vectors_build(&own, &f.m) == 0);
    f.m.background = t; /* as nf_summarize sets it from the options */
    CHECK(vectors_build(&bg, &f.m) == 0);
    f.m.background = NULL;
    /* Without a table: the set's own sentence frequencies (3 sentences). */
    CHECK_NEAR(idf_of(&f, &own, "bridg"), log(4.0 / 2), 1e-12);
    CHECK_NEAR(idf_of(&f, &own, "harbour"), log(4.0 / 2), 1e-12);
    /* With it, the 99 documents and the 3 sentences are one collection:
     * log((N + n + 1) / (df + sf + 1)). */
    CHECK_NEAR(idf_of(&f, &bg, "bridg"), log(103.0 / 12), 1e-12);
    /* A term in every background document weighs next to nothing... */
    CHECK_NEAR(idf_of(&f, &bg, "harbour"), log(103.0 / 102), 1e-12);
    /* ...one the background lacks, by this set alone: nearly the most. */
    CHECK_NEAR(idf_of(&f, &bg, "diver"), log(103.0 / 2), 1e-12);
    CHECK(idf_of(&f, &bg, "the") == 0); /* stop words stay out */
    /* The vectors follow: harbour, a top term of its sentences without the
     * table, is now the least of every sentence holding it. */
    int64_t h = vocab_find(&f.m.voc, "harbour", 7);
    int seen = 0;
    for (size_t i = 0; i < bg.n; i++)
        for (uint32_t k = bg.off[i]; k < bg.off[i + 1]; k++) {
            if (bg.ids[k] != (uint32_t)h)
                continue;
            seen++;
            for (uint32_t j = bg.off[i]; j < bg.off[i + 1]; j++)
                CHECK(bg.w[k] <= bg.w[j]);
        }
    CHECK(seen == 2);
    vectors_free(&own), vectors_free(&bg);
    nf_idf_free(t);
    fixture_close(&f);
}

/* Reports for the summary tests: the harbour sentences share words. */
static const char *const event[] = {
    "Divers searched the harbour after the bridge collapsed on Saturday night. "
    "The mayor said the festival would go on. Officials counted twelve dead in the harbour.",
    "The footbridge collapsed into the harbour during the festival. "
    "Rescue boats searched the harbour until dawn. The mayor thanked the divers.",
    "Twelve people died when the bridge collapsed. The harbour was closed to boats. "
    "Engineers will inspect every bridge in the town.",
};

/* Renders the lexrank summary of event under opts (NULL on failure). */
static char *summary_text(const nf_options *opts)
{
    nf_docset *ds = docset_of(event, 3);
    nf_summary *s = NULL;
    char *out = NULL;
    if (ds && nf_summarize(ds, opts, &s) == NF_OK)
        nf_summary_render(s, "jsonl", &out, NULL);
    nf_summary_free(s);
    nf_docset_free(ds);
    return out;
}

typedef struct worker {
    const nf_options *opts;
    char *out;
} worker;

static void *run_worker(void *arg)
{
    worker *w = arg;
    w->out = summary_text(w->opts);
    return NULL;
}

TEST(one_table_serves_many_threads_and_changes_the_summary)
{
    const char *tsv = "# newsfuse-idf/1\tlanguage=english\tdocuments=50\n"
                      "harbour\t50\nbridg\t40\ncollaps\t30\nmayor\t2\nfestiv\t1\n";
    nf_options *plain = nf_options_new(), *bg = nf_options_new();
    nf_idf *t = nf_idf_new();
    CHECK(plain && bg && t && nf_idf_parse(t, tsv, strlen(tsv), "t") == NF_OK);
    CHECK(nf_options_set(plain, "method", "lexrank") == NF_OK && nf_options_set(plain, "words", "20") == NF_OK);
    CHECK(nf_options_set(bg, "method", "lexrank") == NF_OK && nf_options_set(bg, "words", "20") == NF_OK);
    CHECK(nf_options_set_idf(bg, t) == NF_OK);
    nf_idf_free(t);
    char *alone = summary_text(bg), *without = summary_text(plain);
    CHECK(alone && without && strcmp(alone, without) != 0);
    enum { N = 4 };
    worker w[N];
    pthread_t th[N];
    for (int i = 0; i < N; i++) {
        w[i] = (worker){i % 2 ? plain : bg, NULL};
        CHECK(pthread_create(&th[i], NULL, run_worker, &w[i]) == 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(th[i], NULL);
        CHECK(w[i].out && !strcmp(w[i].out, i % 2 ? without : alone));
        nf_free(w[i].out);
    }
    nf_free(alone), nf_free(without);
    nf_options_free(plain), nf_options_free(bg);
}

TEST(allocation_failures_are_reported)
{
    const char *tsv = "# newsfuse-idf/1\tlanguage=english\tdocuments=9\nbridg\t2\nrain\t1\n";
    int failed = 0, passed = 0;
    for (long k = 0; k < 400 && !passed; k++) {
        nf_set_allocator(budget_malloc, budget_realloc, free);
        alloc_budget = k;
        nf_idf *t = nf_idf_new();
        nf_docset *ds = t ? docset_of(corpus_a, 2) : NULL;
        int rc = ds ? nf_idf_add_docset(t, ds) : NF_ENOMEM;
        if (rc == NF_OK)
            rc = nf_idf_set_language(t, "english") == NF_EINVAL ? NF_OK : NF_EINVAL;
        nf_idf *u = rc == NF_OK ? nf_idf_new() : NULL;
        int rc2 = u ? nf_idf_parse(u, tsv, strlen(tsv), "t") : NF_ENOMEM;
        char *out = NULL;
        int rc3 = rc2 == NF_OK ? nf_idf_render(u, 1, &out, NULL) : NF_ENOMEM;
        alloc_budget = -1;
        nf_set_allocator(NULL, NULL, NULL);
        CHECK(rc == NF_OK || rc == NF_ENOMEM);
        CHECK(rc2 == NF_OK || rc2 == NF_ENOMEM);
        CHECK(rc3 == NF_OK || rc3 == NF_ENOMEM);
        if (rc3 == NF_OK) {
            passed = 1;
            CHECK(out && strstr(out, "\nbridg\t2\n"));
        } else {
            failed++;
        }
        nf_free(out);
        nf_idf_free(u);
        nf_docset_free(ds);
        nf_idf_free(t);
    }
    CHECK(passed && failed > 0);
}

int main(void)
{
    RUN(counting_follows_the_summarizer_tokens);
    RUN(render_and_parse_round_trip);
    RUN(malformed_tables_are_refused_with_file_and_line);
    RUN(junk_is_refused_or_read_never_crashes);
    RUN(reading_a_missing_file_says_which);
    RUN(the_idf_option_reads_the_file_and_follows_its_language);
    RUN(a_shared_table_is_read_only_and_outlives_its_creator);
    RUN(vectors_take_idf_from_the_table);
    RUN(one_table_serves_many_threads_and_changes_the_summary);
    RUN(allocation_failures_are_reported);
    TEST_EXIT();
}
