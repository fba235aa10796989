/* The ROUGE scorer on cases worked out by hand (no shared data needed):
 * tokens, the Porter variant and the exception table, n-gram, skip-bigram
 * and LCS scores, truncation quirks, -f B, the bootstrap against glibc's
 * drand48, SPL conversion, reports, errors and allocation failures.
 * Every text here was written for this test. */
#include "test.h"
#include "test_alloc.h"
#include "eval/rouge.h"
#include "newsfuse.h"
#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

/* ---- helpers ---- */

/* tokens_each callback: appends "tok|" to a buffer. */
static int join_tok(const char *t, size_t n, void *arg)
{
    buf_append(arg, t, n);
    buf_putc(arg, '|');
    return 0;
}

/* The tokens of s joined by '|' (static buffer). */
static const char *toks(const char *s, int unicode)
{
    static char out[512];
    buf b = {0};
    tokens_each(s, strlen(s), unicode, join_tok, &b);
    buf_putc(&b, '\0');
    char *t = buf_take(&b, NULL);
    snprintf(out, sizeof out, "%s", t ? t : "");
    nf_free(t);
    return out;
}

/* A scorer set from a flag string such as "-n 2 -m". */
static nf_rouge *scorer(const char *flags)
{
    nf_rouge *r = nf_rouge_new();
    CHECK(r && nf_rouge_set_flags(r, flags) == NF_OK);
    return r;
}

/* Scores one peer against models (NULL-ended) under flags and returns
 * {R, P, F} of the named metric in rpf. */
static void score1(const char *flags, const char *metric, const char *peer,
                   const char *const *models, double rpf[3])
{
    nf_rouge *r = scorer(flags);
    size_t n = 0, lens[8];
    while (models[n]) {
        lens[n] = strlen(models[n]);
        n++;
    }
    CHECK(nf_rouge_add_references(r, "c1", models, lens, n) == NF_OK);
    CHECK(nf_rouge_add_summary(r, "sys", "c1", peer, strlen(peer)) == NF_OK);
    CHECK(nf_rouge_score(r) == NF_OK);
    rpf[0] = rpf[1] = rpf[2] = -1;
    for (size_t m = 0; m < nf_rouge_metric_count(r); m++)
        if (!strcmp(nf_rouge_metric_name(r, m), metric))
            CHECK(nf_rouge_cluster_score(r, 0, m, 0, rpf) == NF_OK);
    nf_rouge_free(r);
}

#define CHECK_RPF(rpf, r, p, f)                                                            \
    do {                                                                                   \
        CHECK_NEAR((rpf)[0], r, 1e-9);                                                     \
        CHECK_NEAR((rpf)[1], p, 1e-9);                                                     \
        CHECK_NEAR((rpf)[2], f, 1e-9);                                                     \
    } while (0)

/* ---- tokens and stems ---- */

TEST(tokens_ascii)
{
    /* Every byte outside [A-Za-z0-9] separates; '-' too. */
    CHECK_STR(toks("the cat's 41.5% state-of-the-art $5_million caf\xc3\xa9", 0),
              "the|cat|s|41|5|state|of|the|art|5|million|caf|");
    /* The script keeps only tokens that start with [a-z0-9] (it lowercases
     * first, so in practice this never drops anything). */
    CHECK_STR(toks("Abc def 9x", 0), "def|9x|");
    /* Greek and CJK vanish in ROUGE-1.5.5 mode. */
    CHECK_STR(toks("\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1 2008\xe5\xb9\xb4", 0), "2008|");
}

TEST(tokens_unicode)
{
    /* Letters of every script stay whole; Han characters one by one. */
    CHECK_STR(toks("\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1 caf\xc3\xa9 "
                   "\xe5\x8c\x97\xe4\xba\xac 2008",
                   1),
              "\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1|caf\xc3\xa9|\xe5\x8c\x97|\xe4\xba\xac|2008|");
}

/* porter_stem on a NUL-terminated word (static buffer). */
static const char *stem(const char *w)
{
    static char out[64];
    size_t n = porter_stem(w, strlen(w), out);
    out[n] = '\0';
    return out;
}

TEST(porter_by_hand)
{
    CHECK_STR(stem("caresses"), "caress"); /* sses -> ss */
    CHECK_STR(stem("ponies"), "poni");     /* ies -> i */
    CHECK_STR(stem("hopping"), "hop");     /* double consonant undone */
    CHECK_STR(stem("filing"), "file");     /* CVC gets its e back */
    CHECK_STR(stem("happy"), "happi");     /* y -> i after a vowel */
    CHECK_STR(stem("relational"), "relat"); /* ational -> ate, then e dropped */
    CHECK_STR(stem("agreement"), "agreem"); /* Lin's step 4: ent after ment failed */
    CHECK_STR(stem("adoption"), "adopt");  /* (s|t)ion with m > 1 */
    CHECK_STR(stem("mouse"), "mous");      /* final e, m = 1, not CVC */
    CHECK_STR(stem("yelling"), "yell");    /* initial y is a consonant */
    CHECK_STR(stem("uses"), "us");
}

TEST(exceptions_then_porter)
{
    rouge_settings st;
    memset(&st, 0, sizeof st);
    st.stem = 1;
    rouge_lexicon lx;
    CHECK(lexicon_init(&lx, &st) == NF_OK);
    static const char *const cases[][2] = {
        {"mice", "mouse"}, /* the base form, not stemmed further */
        {"went", "go"},      {"better", "well"}, {"best", "well"}, /* the original db */
        {"uses", "us"},      {"use", "use"},     /* 3 bytes: untouched */
        {"1990s", "1990"},   {"cats", "cat"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *form;
        size_t n;
        CHECK(lexicon_stem(&lx, cases[i][0], strlen(cases[i][0]), &form, &n) == 0);
        char got[64];
        snprintf(got, sizeof got, "%.*s", (int)n, form);
        CHECK_STR(got, cases[i][1]);
    }
    lexicon_free(&lx);
}

/* ---- scores ---- */

TEST(ngrams_and_lcs_by_hand)
{
    const char *model[] = {"the cat sat on a mat\n", NULL};
    double v[3];
    /* Unigrams: the, cat, sat, on, mat match (the peer's second "the" is
     * clipped by the model's one): 5 of 6 both ways. */
    score1("-n 2", "ROUGE-1", "the cat sat on the mat\n", model, v);
    CHECK_RPF(v, 0.83333, 0.83333, 0.83333);
    /* Bigrams: the cat, cat sat, sat on: 3 of 5. */
    score1("-n 2", "ROUGE-2", "the cat sat on the mat\n", model, v);
    CHECK_RPF(v, 0.6, 0.6, 0.6);
    /* LCS: the cat sat on mat = 5. */
    score1("-n 2", "ROUGE-L", "the cat sat on the mat\n", model, v);
    CHECK_RPF(v, 0.83333, 0.83333, 0.83333);
    /* Sentence split matters for ROUGE-L only: "c d e / a b" against
     * "a b c d e" has a union LCS of c d e plus a b = 5 ... */
    const char *m2[] = {"a b c d e\n", NULL};
    score1("-n 1", "ROUGE-L", "c d e\na b\n", m2, v);
    CHECK_RPF(v, 1, 1, 1);
    /* ... while on one line the LCS is c d e = 3. */
    score1("-n 1", "ROUGE-L", "c d e a b\n", m2, v);
    CHECK_RPF(v, 0.6, 0.6, 0.6);
}

TEST(skip_bigrams_by_hand)
{
    const char *model[] = {"a b c\n", NULL};
    double v[3];
    /* Model: (a,b) (a,c) (b,c) + unigrams a, b (not the last token) = 5;
     * peer "a b": (a,b) + unigram a = 2; both hit. */
    score1("-2 4 -u", "ROUGE-SU4", "a b\n", model, v);
    CHECK_RPF(v, 0.4, 1, 0.57143);
    /* Without -u: 1 of 3, 1 of 1. */
    score1("-2 4", "ROUGE-S4", "a b\n", model, v);
    CHECK_RPF(v, 0.33333, 1, 0.5);
    /* Skip distance 0: only adjacent pairs. */
    score1("-2 0", "ROUGE-S0", "a c\n", model, v);
    CHECK_RPF(v, 0, 0, 0);
}

TEST(formula_b_and_alpha)
{
    /* Model 1 recalls 1 of 2 unigrams, model 2 recalls 2 of 3: -f B keeps
     * model 2; -f A pools: 3 of 5, and P = 3 / (2 models x 3 tokens). */
    const char *models[] = {"x q\n", "x y z\n", NULL};
    double v[3];
    score1("-n 1 -f B", "ROUGE-1", "x y w\n", models, v);
    CHECK_RPF(v, 0.66667, 0.66667, 0.66667);
    score1("-n 1 -f A", "ROUGE-1", "x y w\n", models, v);
    CHECK_RPF(v, 0.6, 0.5, 0.54545);
    /* -p 0.8: F = RP / (0.2 P + 0.8 R) from the rounded R and P. */
    score1("-n 1 -f A -p 0.8", "ROUGE-1", "x y w\n", models, v);
    CHECK_NEAR(v[2], round5(0.6 * 0.5 / (0.2 * 0.5 + 0.8 * 0.6)), 1e-12);
}

TEST(word_limit_cuts_references_too)
{
    /* -l 4: the peer keeps "one two three four", the model "four five six
     * seven": one shared word of four. */
    const char *model[] = {"four five six seven eight\n", NULL};
    double v[3];
    score1("-n 1 -l 4", "ROUGE-1", "one two three\nfour five six\n", model, v);
    CHECK_RPF(v, 0.25, 0.25, 0.25);
    /* A leading space counts as an (empty) word: " a b c" holds 3 + 1. */
    const char *m2[] = {"a b c\n", NULL};
    score1("-n 1 -l 3", "ROUGE-1", " a b c\n", m2, v);
    CHECK_RPF(v, 0.66667, 1, 0.8);
}

TEST(byte_limit_lcs_quirk)
{
    /* -b 12: the n-gram reader keeps "aaaa bbbb" (9 bytes) and cuts the
     * second line to 3 bytes ("ccc"); the ROUGE-L reader never adds up its
     * bytes and keeps both 9-byte lines whole. Model and peer are the same
     * text, so ROUGE-1 is 1, but ROUGE-L marks cccc and dddd, which the
     * clipping tables (from the cut text) do not hold: 2 hits over a model
     * length of 4, and P = 2 / 3 peer tokens. */
    const char *model[] = {"aaaa bbbb\ncccc dddd\n", NULL};
    double v[3];
    score1("-n 1 -b 12", "ROUGE-1", "aaaa bbbb\ncccc dddd\n", model, v);
    CHECK_RPF(v, 1, 1, 1);
    score1("-n 1 -b 12", "ROUGE-L", "aaaa bbbb\ncccc dddd\n", model, v);
    CHECK_RPF(v, 0.5, 0.66667, 0.57143);
}

TEST(unicode_mode_scores_greek)
{
    const char *model[] = {"\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1\n", NULL};
    const char *peer = "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1 \xce\xbd\xce\xad\xce\xb1\n";
    double v[3];
    score1("-n 1", "ROUGE-1", peer, model, v); /* ROUGE-1.5.5: nothing left */
    CHECK_RPF(v, 0, 0, 0);
    nf_rouge *r = scorer("-n 1");
    CHECK(nf_rouge_set(r, "unicode", "1") == NF_OK);
    size_t len = strlen(model[0]);
    CHECK(nf_rouge_add_references(r, "g", model, &len, 1) == NF_OK);
    CHECK(nf_rouge_add_summary(r, "s", "g", peer, strlen(peer)) == NF_OK);
    CHECK(nf_rouge_score(r) == NF_OK);
    CHECK(nf_rouge_cluster_score(r, 0, 0, 0, v) == NF_OK);
    CHECK_RPF(v, 1, 0.5, 0.66667); /* the capital Alpha is lowercased */
    nf_rouge_free(r);
}

TEST(wlcs_identical_is_not_one)
{
    /* ROUGE-W weighs the model length twice: for one 4-token sentence the
     * hits are 4^1.2 and R = (4^1.2 / (4^1.2)^1.2)^(1/1.2). */
    const char *model[] = {"a b c d\n", NULL};
    double v[3];
    score1("-n 1 -w 1.2", "ROUGE-W-1.2", "a b c d\n", model, v);
    double h = pow(4, 1.2);
    CHECK_NEAR(v[0], round5(pow(h / pow(h, 1.2), 1 / 1.2)), 1e-12);
    CHECK_NEAR(v[1], round5(pow(h / pow(4, 1.2), 1 / 1.2)), 1e-12);
    CHECK(v[0] < 1 && v[1] == 1);
}

/* ---- ROUGE-L against a plain DP ---- */

/* The script's lcs_inner + markLCS, cell by cell, for one pair. */
static void naive_mark(const int *x, int m, const int *y, int n, unsigned char *mask)
{
    int *c = calloc((size_t)(m + 1) * (size_t)(n + 1), sizeof *c);
    char *b = calloc((size_t)(m + 1) * (size_t)(n + 1), 1);
    for (int i = 1; i <= m; i++)
        for (int j = 1; j <= n; j++) {
            int *cij = &c[i * (n + 1) + j];
            if (x[i - 1] == y[j - 1])
                *cij = c[(i - 1) * (n + 1) + j - 1] + 1, b[i * (n + 1) + j] = 'd';
            else if (c[(i - 1) * (n + 1) + j] >= c[i * (n + 1) + j - 1])
                *cij = c[(i - 1) * (n + 1) + j], b[i * (n + 1) + j] = 'u';
            else
                *cij = c[i * (n + 1) + j - 1], b[i * (n + 1) + j] = 'l';
        }
    for (int i = m, j = n; i && j;) {
        char d = b[i * (n + 1) + j];
        if (d == 'd')
            mask[--i] = 1, j--;
        else if (d == 'u')
            i--;
        else
            j--;
    }
    free(c), free(b);
}

/* Appends sentence words "w<id>" to a buffer, one line. */
static void put_sentence(buf *t, const int *x, int n)
{
    for (int i = 0; i < n; i++)
        buf_printf(t, "%sw%d", i ? " " : "", x[i]);
    buf_putc(t, '\n');
}

TEST(lcs_matches_plain_dp)
{
    /* Random sentences over a small vocabulary (many ties), long enough
     * for several 64-bit words per row; ROUGE-L hits from the scorer must
     * equal those of the cell-by-cell DP with the script's clipping. */
    srand(7);
    int bad = 0;
    for (int trial = 0; trial < 60; trial++) {
        int vocab = 3 + rand() % 9, ms = 1 + rand() % 3, ps = 1 + rand() % 3;
        int mx[3][200], ml[3], px[3][200], pl[3];
        buf mt = {0}, pt = {0};
        for (int s = 0; s < ms; s++) {
            ml[s] = 1 + rand() % 190;
            for (int i = 0; i < ml[s]; i++)
                mx[s][i] = rand() % vocab;
            put_sentence(&mt, mx[s], ml[s]);
        }
        for (int s = 0; s < ps; s++) {
            pl[s] = 1 + rand() % 190;
            for (int i = 0; i < pl[s]; i++)
                px[s][i] = rand() % vocab;
            put_sentence(&pt, px[s], pl[s]);
        }
        /* The expected hits: marks ORed over peer sentences, clipped by
         * the unigram counts of the whole texts. */
        int mc[16] = {0}, pc[16] = {0}, hits = 0, base = 0, ptoks = 0;
        for (int s = 0; s < ms; s++)
            for (int i = 0; i < ml[s]; i++)
                mc[mx[s][i]]++;
        for (int s = 0; s < ps; s++)
            for (int i = 0; i < pl[s]; i++)
                pc[px[s][i]]++, ptoks++;
        for (int s = 0; s < ms; s++) {
            unsigned char mask[200] = {0};
            for (int q = 0; q < ps; q++)
                naive_mark(mx[s], ml[s], px[q], pl[q], mask);
            base += ml[s];
            for (int i = 0; i < ml[s]; i++)
                if (mask[i] && mc[mx[s][i]] > 0 && pc[mx[s][i]] > 0)
                    hits++, mc[mx[s][i]]--, pc[mx[s][i]]--;
        }
        buf_putc(&mt, '\0'), buf_putc(&pt, '\0');
        char *mtext = buf_take(&mt, NULL), *ptext = buf_take(&pt, NULL);
        const char *models[] = {mtext, NULL};
        double v[3];
        score1("-n 1", "ROUGE-L", ptext, models, v);
        bad += v[0] != round5((double)hits / base) || v[1] != round5((double)hits / ptoks);
        nf_free(mtext), nf_free(ptext);
    }
    CHECK(bad == 0);
}

/* ---- bootstrap ---- */

TEST(bootstrap_draws_are_drand48)
{
    /* Perl's srand(i) + rand() is drand48 seeded with (i << 16) + 0x330E,
     * which is what glibc's srand48(i) does: check our draws against it. */
    size_t n = 7;
    long R = 50;
    uint32_t *d = bootstrap_draws(n, R);
    CHECK(d != NULL);
    int same = 1;
    for (long i = 0; d && i < R; i++) {
        srand48(i);
        for (size_t k = 0; k < n; k++)
            same &= d[(size_t)i * n + k] == (uint32_t)(drand48() * (double)n);
    }
    CHECK(same);
    nf_free(d);
}

TEST(bootstrap_small_by_hand)
{
    /* Three values, one resample: srand(0) draws indices 0, 2, 0, so the
     * mean is (0.1 + 0.6 + 0.1) / 3; with -r 1 ROUGE's CI formula reads
     * past the end (0) and gives 1.025 x the mean on both sides. */
    double vals[3] = {0.1, 0.2, 0.6}, out[3];
    uint32_t *d = bootstrap_draws(3, 1);
    CHECK(d && d[0] == 0 && d[1] == 2 && d[2] == 0);
    CHECK(bootstrap_average(vals, 1, 3, d, 1, 95, out) == 0);
    double mean = (0.1 + 0.6 + 0.1) / 3;
    CHECK_NEAR(out[0], round5(mean), 1e-12);
    CHECK_NEAR(out[1], round5(mean * 1.025), 1e-12);
    CHECK_NEAR(out[2], round5(mean * 1.025), 1e-12);
    nf_free(d);
    /* Equal values: every resample mean is that value. */
    double same[4] = {0.25, 0.25, 0.25, 0.25};
    d = bootstrap_draws(4, 1000);
    CHECK(bootstrap_average(same, 1, 4, d, 1000, 95, out) == 0);
    CHECK_NEAR(out[0], 0.25, 1e-12);
    CHECK_NEAR(out[1], 0.25, 1e-12);
    CHECK_NEAR(out[2], 0.25, 1e-12);
    nf_free(d);
}

TEST(rounding_like_printf)
{
    /* round5 must agree with printf's correctly rounded "%7.5f". */
    for (int i = 0; i < 20000; i++) {
        double x = (double)i / 19997.0 + (i % 7) * 1e-7;
        char b[32];
        snprintf(b, sizeof b, "%7.5f", x);
        if (round5(x) != strtod(b, NULL)) {
            CHECK(!"round5 differs from printf");
            break;
        }
    }
}

/* ---- SPL, reports, errors ---- */

TEST(spl_conversion)
{
    char *out;
    size_t n;
    CHECK(nf_rouge_spl("A b.  C d!\n", 11, "regex", &out, &n) == NF_OK);
    CHECK_STR(out, "A b.\nC d!\n");
    nf_free(out);
    CHECK(nf_rouge_spl("A b.  C d!\n", 11, "lines", &out, &n) == NF_OK);
    CHECK_STR(out, "A b. C d!\n");
    nf_free(out);
    /* Line breaks inside: lines kept, squeezed, trimmed, empty ones gone. */
    const char *t = " x \t y\r\n\n  z \n";
    CHECK(nf_rouge_spl(t, strlen(t), "newsfuse", &out, &n) == NF_OK);
    CHECK_STR(out, "x y\nz\n");
    CHECK(n == 6);
    nf_free(out);
    /* A break followed only by (Unicode) white space is no inner break. */
    t = "A. B\n\xc2\xa0";
    CHECK(nf_rouge_spl(t, strlen(t), "regex", &out, &n) == NF_OK);
    CHECK_STR(out, "A.\nB\n");
    nf_free(out);
    /* A closing quote after the terminator goes with the separator. */
    t = "He said \"no.\" Then 2 left.";
    CHECK(nf_rouge_spl(t, strlen(t), "regex", &out, &n) == NF_OK);
    CHECK_STR(out, "He said \"no.\nThen 2 left.\n");
    nf_free(out);
}

TEST(reports)
{
    nf_rouge *r = scorer("-n 1 -r 10 -d");
    const char *m[] = {"a b c\n"};
    size_t len = 6;
    CHECK(nf_rouge_add_references(r, "10", m, &len, 1) == NF_OK);
    CHECK(nf_rouge_add_references(r, "9", m, &len, 1) == NF_OK);
    CHECK(nf_rouge_add_summary(r, "S", "10", "a b\n", 4) == NF_OK);
    CHECK(nf_rouge_add_summary(r, "S", "9", "a\n", 2) == NF_OK);
    char *out;
    CHECK(nf_rouge_render(r, "rouge155", 1, &out, NULL) == NF_EINVAL); /* not scored */
    CHECK(nf_rouge_score(r) == NF_OK);
    CHECK(nf_rouge_render(r, "rouge155", 1, &out, NULL) == NF_OK);
    /* ROUGE-1.5.5 lists numeric ids by number: 9 before 10. */
    const char *e9 = strstr(out, "S ROUGE-1 Eval 9.S R:0.33333 P:1.00000 F:0.50000\n");
    const char *e10 = strstr(out, "S ROUGE-1 Eval 10.S R:0.66667 P:1.00000 F:0.80000\n");
    CHECK(e9 && e10 && e9 < e10);
    CHECK(strstr(out, "S ROUGE-1 Average_R: ") && strstr(out, "(95%-conf.int. "));
    CHECK(strstr(out, "# signature: newsfuse-rouge") != NULL);
    nf_free(out);
    CHECK(nf_rouge_render(r, "json", 1, &out, NULL) == NF_OK);
    json_error_t err;
    json_t *j = json_loads(out, 0, &err);
    CHECK(j != NULL);
    json_t *s0 = json_array_get(json_object_get(j, "systems"), 0);
    CHECK_STR(json_string_value(json_object_get(s0, "system")), "S");
    json_t *c10 = json_object_get(json_object_get(json_object_get(s0, "clusters"), "10"), "ROUGE-1");
    CHECK_NEAR(json_real_value(json_array_get(c10, 0)), 0.66667, 1e-9);
    CHECK(strstr(json_string_value(json_object_get(j, "signature")), "flags: -n 1 ") != NULL);
    CHECK_STR(json_string_value(json_object_get(j, "rouge155_flags")),
              "-n 1 -c 95 -r 10 -f A -p 0.5 -t 0 -a");
    json_decref(j);
    nf_free(out);
    CHECK(nf_rouge_render(r, "table", 0, &out, NULL) == NF_OK);
    CHECK(strstr(out, "ROUGE-1") && strstr(out, "signature: "));
    nf_free(out);
    nf_rouge_free(r);
}

TEST(errors)
{
    nf_rouge *r = nf_rouge_new();
    CHECK(rouge_set_flag(r, 'l', "100") == NF_OK);
    CHECK(rouge_set_flag(r, 'b', "665") == NF_EINVAL); /* words or bytes */
    CHECK(rouge_set_flag(r, 'b', "0") == NF_EINVAL);   /* even 0, as ROUGE-1.5.5 */
    CHECK(rouge_set_flag(r, 'l', "50") == NF_OK);      /* the same one again is fine */
    CHECK(rouge_set_flag(r, 't', "1") == NF_EINVAL);
    CHECK(rouge_set_flag(r, 'p', "1.5") == NF_EINVAL);
    CHECK(rouge_set_flag(r, 'f', "C") == NF_EINVAL);
    CHECK(rouge_set_flag(r, 'n', "x") == NF_EINVAL);
    CHECK(rouge_set_flag(r, 'q', NULL) == NF_EINVAL);
    CHECK(rouge_flag_arity('q') == -1 && rouge_flag_arity('m') == 0 &&
          rouge_flag_arity('n') == 1);
    CHECK(nf_rouge_set(r, "unicode", "2") == NF_EINVAL);
    /* Keys are spelled as the option keys: words joined by '_'. */
    CHECK(nf_rouge_set(r, "skip_unigrams", "1") == NF_OK && r->st.skip_unigrams == 1);
    CHECK(nf_rouge_set(r, "skip_unigrams", "0") == NF_OK && r->st.skip_unigrams == 0);
    CHECK(nf_rouge_set(r, "skip_both", "1") == NF_OK && r->st.skip_both == 1);
    CHECK(nf_rouge_set(r, "skip_both", "0") == NF_OK);
    CHECK(nf_rouge_set(r, "skip-unigrams", "1") == NF_EINVAL);
    CHECK(strstr(nf_rouge_error(r), "skip-unigrams") != NULL);
    CHECK(nf_rouge_set_flags(r, "-n4 -mu -2 4") == NF_OK);
    CHECK(nf_rouge_set_flags(r, "-n") == NF_EINVAL);
    CHECK(nf_rouge_set_flags(r, "-n 2 config.xml") == NF_EINVAL);
    CHECK(strstr(nf_rouge_error(r), "config.xml") != NULL);
    const char *m[] = {"a\n"};
    size_t len = 2;
    CHECK(nf_rouge_add_references(r, "c1", m, &len, 1) == NF_OK);
    CHECK(nf_rouge_add_references(r, "c1", m, &len, 1) == NF_EDATA);
    CHECK(nf_rouge_add_summary(r, "S", "c1", "a\n", 2) == NF_OK);
    CHECK(nf_rouge_add_summary(r, "S", "c1", "a\n", 2) == NF_EDATA);
    CHECK(nf_rouge_add_summary(r, "S", "c2", "a\n", 2) == NF_OK);
    CHECK(nf_rouge_score(r) == NF_EDATA);
    CHECK(strstr(nf_rouge_error(r), "'c2'") != NULL); /* the id is named */
    nf_rouge_free(r);
    nf_rouge_free(NULL);
}

/* ---- arbitrary bytes ---- */

TEST(random_bytes_score_in_range)
{
    /* Any bytes (NUL, CR, invalid UTF-8, cut characters under -b) must
     * score within [0, 1] in both tokenizations, and (under the
     * sanitizers) never read out of bounds. */
    static const char alphabet[] = "ab cA.\n\n\r\t-'\xc3\xa9\xce\xb1\xe5\x8c\x97\xff\x80\x00";
    srand(11);
    int bad = 0;
    for (int trial = 0; trial < 200; trial++) {
        char text[3][160];
        size_t len[3];
        for (int t = 0; t < 3; t++) {
            len[t] = (size_t)(rand() % 150);
            for (size_t i = 0; i < len[t]; i++)
                text[t][i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
        }
        static const char *const flags[] = {"-n 3 -m -2 2 -u -w 1.5 -r 5", "-n 2 -s -l 7 -r 5",
                                            "-n 2 -2 -1 -b 13 -f B -r 5"};
        nf_rouge *r = scorer(flags[trial % 3]);
        CHECK(nf_rouge_set(r, "unicode", trial % 2 ? "1" : "0") == NF_OK);
        const char *refs[2] = {text[1], text[2]};
        int rc = nf_rouge_add_references(r, "x", refs, len + 1, 2);
        rc = rc ? rc : nf_rouge_add_summary(r, "s", "x", text[0], len[0]);
        rc = rc ? rc : nf_rouge_score(r);
        if (rc == NF_EDATA) { /* ROUGE-W and a reference without words */
            nf_rouge_free(r);
            continue;
        }
        bad += rc != NF_OK;
        for (size_t m = 0; !rc && m < nf_rouge_metric_count(r); m++) {
            double v[3], a[3];
            bad += nf_rouge_cluster_score(r, 0, m, 0, v) != NF_OK;
            bad += nf_rouge_average(r, 0, m, 2, a) != NF_OK;
            for (int k = 0; k < 3; k++)
                bad += !(v[k] >= 0 && v[k] <= 1) || !(a[k] >= 0 && a[k] <= 1.025);
        }
        nf_rouge_free(r);
    }
    CHECK(bad == 0);
}

/* ---- threads ---- */

/* Scores and renders a small run; returns the report (nf_free). */
static char *small_report(void)
{
    nf_rouge *r = nf_rouge_new();
    char *out = NULL;
    const char *m[] = {"Heavy rain flooded the old town.\nRoads were closed.\n",
                       "The old town flooded after heavy rain.\n"};
    size_t lens[2] = {strlen(m[0]), strlen(m[1])};
    const char *p = "Rain flooded the town.\nThe roads closed.\n";
    if (r && nf_rouge_set_flags(r, "-n 2 -m -2 4 -u -w 1.2 -r 200") == NF_OK &&
        nf_rouge_add_references(r, "10", m, lens, 2) == NF_OK &&
        nf_rouge_add_references(r, "9", m, lens, 1) == NF_OK &&
        nf_rouge_add_summary(r, "Z", "10", p, strlen(p)) == NF_OK &&
        nf_rouge_add_summary(r, "A", "9", p, strlen(p)) == NF_OK &&
        nf_rouge_add_summary(r, "A", "10", m[1], lens[1]) == NF_OK && nf_rouge_score(r) == NF_OK)
        nf_rouge_render(r, "rouge155", 1, &out, NULL);
    nf_rouge_free(r);
    return out;
}

static void *thread_reports(void *arg)
{
    const char *want = arg;
    long differ = 0;
    for (int i = 0; i < 30; i++) {
        char *got = small_report();
        differ += !got || strcmp(got, want) != 0;
        nf_free(got);
    }
    return (void *)differ;
}

TEST(threads_distinct_scorers)
{
    char *want = small_report();
    CHECK(want != NULL);
    if (!want)
        return;
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        CHECK(pthread_create(&t[i], NULL, thread_reports, want) == 0);
    long differ = 0;
    for (int i = 0; i < 4; i++) {
        void *rv;
        pthread_join(t[i], &rv);
        differ += (long)rv;
    }
    CHECK(differ == 0);
    nf_free(want);
}

/* ---- allocation failures ---- */

/* One full run with every metric; returns the status of the first failure. */
static int full_run(void)
{
    nf_rouge *r = nf_rouge_new();
    if (!r)
        return NF_ENOMEM;
    const char *flags[][2] = {{"n", "3"}, {"m", NULL}, {"s", NULL}, {"2", "4"}, {"u", NULL},
                              {"w", "1.2"}, {"r", "20"}, {"l", "30"}};
    int rc = NF_OK;
    for (size_t i = 0; !rc && i < sizeof flags / sizeof *flags; i++)
        rc = rouge_set_flag(r, flags[i][0][0], flags[i][1]);
    const char *m[] = {"The storms flooded the valley towns.\nRescuers arrived on Monday.\n",
                       "Floods hit valley towns after storms.\n"};
    size_t lens[2] = {strlen(m[0]), strlen(m[1])};
    rc = rc ? rc : nf_rouge_add_references(r, "e1", m, lens, 2);
    rc = rc ? rc : nf_rouge_add_references(r, "e2", m, lens, 1);
    const char *p = "Storms flooded valley towns on Monday.\nRescuers came.\n";
    rc = rc ? rc : nf_rouge_add_summary(r, "A", "e1", p, strlen(p));
    rc = rc ? rc : nf_rouge_add_summary(r, "A", "e2", p, strlen(p));
    rc = rc ? rc : nf_rouge_add_summary(r, "B", "e1", m[1], lens[1]);
    rc = rc ? rc : nf_rouge_score(r);
    char *out = NULL;
    rc = rc ? rc : nf_rouge_render(r, "json", 1, &out, NULL);
    nf_free(out);
    nf_rouge_free(r);
    return rc;
}

TEST(allocation_failures)
{
    nf_set_allocator(budget_malloc, budget_realloc, free);
    alloc_budget = -1;
    alloc_count = 0;
    CHECK(full_run() == NF_OK);
    /* alloc_budget -1: nothing fails, alloc_count counts the run's allocations */
    alloc_count = 0;
    CHECK(full_run() == NF_OK);
    long total = alloc_count;
    int bad = 0;
    for (long k = 0; k < total; k += k < 64 ? 1 : total / 97 + 1) {
        alloc_budget = k;
        alloc_count = 0;
        int rc = full_run();
        bad += rc != NF_ENOMEM && rc != NF_OK;
    }
    nf_set_allocator(NULL, NULL, NULL);
    CHECK(total > 50);
    CHECK(bad == 0);
}

int main(void)
{
    RUN(tokens_ascii);
    RUN(tokens_unicode);
    RUN(porter_by_hand);
    RUN(exceptions_then_porter);
    RUN(ngrams_and_lcs_by_hand);
    RUN(skip_bigrams_by_hand);
    RUN(formula_b_and_alpha);
    RUN(word_limit_cuts_references_too);
    RUN(byte_limit_lcs_quirk);
    RUN(unicode_mode_scores_greek);
    RUN(wlcs_identical_is_not_one);
    RUN(lcs_matches_plain_dp);
    RUN(bootstrap_draws_are_drand48);
    RUN(bootstrap_small_by_hand);
    RUN(rounding_like_printf);
    RUN(spl_conversion);
    RUN(reports);
    RUN(errors);
    RUN(random_bytes_score_in_range);
    RUN(threads_distinct_scorers);
    RUN(allocation_failures);
    TEST_EXIT();
}
