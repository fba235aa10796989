/* Conformance of the ROUGE scorer with ROUGE-1.5.5's own output: the
 * vectors S1..S9 (per-summary R/P/F, averages and CI bounds, and the
 * report lines byte for byte), the 56 hand-made edge cases under 11
 * settings, and the stems of 19,459 words. All of it is read at run time
 * from ../shared/rouge (licensed data, never copied here); each test skips
 * with a message when that folder is absent. */
#include "test.h"
#include "eval/rouge.h"
#include "newsfuse.h"
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#define SHARED "../shared/rouge"

/* Tally of the values compared in one test. */
typedef struct tally {
    long checked, differ;
    double maxdev;
} tally;

/* Compares ours with ROUGE's printed string; counts and reports a miss. */
static void compare(tally *t, double ours, const char *want, const char *what)
{
    double w = want ? strtod(want, NULL) : NAN;
    double dev = fabs(ours - w);
    t->checked++;
    if (!(dev <= t->maxdev))
        t->maxdev = dev != dev ? INFINITY : dev;
    char got[32];
    snprintf(got, sizeof got, "%7.5f", ours);
    if (!want || strcmp(got, want)) {
        if (t->differ++ < 8)
            fprintf(stderr, "  %s: got %s, want %s\n", what, got, want ? want : "(none)");
        test_failed_ = 1;
    }
}

/* Applies a ROUGE-1.5.5 flag string ("-n 4 -m ... -d -e <dir>"). */
static int apply_flags(nf_rouge *r, const char *flags)
{
    char copy[512], *save = NULL;
    snprintf(copy, sizeof copy, "%s", flags);
    for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (t[0] != '-' || !t[1] || t[2])
            return -1;
        if (t[1] == 'e')
            break; /* -e <data dir>: the rest is the directory */
        int arity = rouge_flag_arity(t[1]);
        const char *v = arity == 1 ? strtok_r(NULL, " ", &save) : NULL;
        if (arity < 0 || (arity == 1 && !v) || rouge_set_flag(r, t[1], v) != NF_OK)
            return -1;
    }
    return 0;
}

/* Joins a JSON array of sentences into SPL text (each line ends in \n). */
static char *spl_of(const json_t *sents, size_t *len)
{
    buf b = {0};
    size_t i;
    json_t *s;
    json_array_foreach(sents, i, s)
    {
        buf_puts(&b, json_string_value(s));
        buf_putc(&b, '\n');
    }
    buf_putc(&b, '\0');
    char *out = buf_take(&b, len);
    if (out)
        (*len)--;
    return out;
}

/* Index of name among the scorer's metrics / systems / clusters, or -1. */
static long find_metric(const nf_rouge *r, const char *name)
{
    for (size_t i = 0; i < nf_rouge_metric_count(r); i++)
        if (!strcmp(nf_rouge_metric_name(r, i), name))
            return (long)i;
    return -1;
}

static long find_system(const nf_rouge *r, const char *name)
{
    for (size_t i = 0; i < nf_rouge_system_count(r); i++)
        if (!strcmp(nf_rouge_system_name(r, i), name))
            return (long)i;
    return -1;
}

static long find_cluster(const nf_rouge *r, const char *id)
{
    for (size_t i = 0; i < nf_rouge_cluster_count(r); i++)
        if (!strcmp(nf_rouge_cluster_id(r, i), id))
            return (long)i;
    return -1;
}

/* Adds the inputs of a vector file: references M0.. per cluster, then
 * every system's summary. */
static int add_vector_inputs(nf_rouge *r, const json_t *inputs)
{
    const char *cid;
    json_t *c;
    json_object_foreach((json_t *)inputs, cid, c)
    {
        const json_t *models = json_object_get(c, "models");
        size_t n = json_object_size(models);
        char **refs = calloc(n, sizeof *refs);
        size_t *lens = calloc(n, sizeof *lens);
        for (size_t j = 0; j < n; j++) {
            char key[32];
            snprintf(key, sizeof key, "M%zu", j);
            refs[j] = spl_of(json_object_get(models, key), &lens[j]);
        }
        int rc = nf_rouge_add_references(r, cid, (const char *const *)refs, lens, n);
        for (size_t j = 0; j < n; j++)
            nf_free(refs[j]);
        free(refs), free(lens);
        const char *sys;
        json_t *sents;
        json_object_foreach(json_object_get(c, "peers"), sys, sents)
        {
            size_t len;
            char *text = spl_of(sents, &len);
            rc = rc ? rc : nf_rouge_add_summary(r, sys, cid, text, len);
            nf_free(text);
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* Checks the averages and CIs of every system and metric. */
static void check_averages(const nf_rouge *r, const json_t *avgs, const char *sys_only,
                           tally *t)
{
    static const char *const vn[3] = {"R", "P", "F"};
    const char *sys;
    json_t *mets;
    json_object_foreach((json_t *)avgs, sys, mets)
    {
        long si = find_system(r, sys_only ? sys_only : sys);
        const char *met;
        json_t *vals;
        json_object_foreach(mets, met, vals)
        {
            long mi = find_metric(r, met);
            for (int v = 0; v < 3; v++) {
                const json_t *e = json_object_get(vals, vn[v]);
                double out[3] = {NAN, NAN, NAN};
                if (si < 0 || mi < 0 || nf_rouge_average(r, (size_t)si, (size_t)mi, v, out))
                    fprintf(stderr, "  no average for %s %s\n", sys, met);
                char what[160];
                snprintf(what, sizeof what, "%s %s Average_%s", sys, met, vn[v]);
                compare(t, out[0], json_string_value(json_object_get(e, "avg")), what);
                compare(t, out[1], json_string_value(json_object_get(e, "ci_low")), what);
                compare(t, out[2], json_string_value(json_object_get(e, "ci_high")), what);
            }
        }
    }
}

/* Checks one system's per-cluster R/P/F for one metric. */
static void check_rows(const nf_rouge *r, long si, const char *sys, const char *met,
                       const json_t *rows, tally *t)
{
    long mi = find_metric(r, met);
    const char *cid;
    json_t *rpf;
    json_object_foreach((json_t *)rows, cid, rpf)
    {
        long ci = find_cluster(r, cid);
        double got[3] = {NAN, NAN, NAN};
        if (si < 0 || mi < 0 || ci < 0 ||
            nf_rouge_cluster_score(r, (size_t)si, (size_t)mi, (size_t)ci, got))
            fprintf(stderr, "  no score for %s %s %s\n", sys, met, cid);
        for (int v = 0; v < 3; v++) {
            char what[160];
            snprintf(what, sizeof what, "%s %s %s [%d]", sys, met, cid, v);
            compare(t, got[v], json_string_value(json_array_get(rpf, (size_t)v)), what);
        }
    }
}

/* The report must equal ROUGE-1.5.5's stdout up to our signature line. */
static void check_report(const nf_rouge *r, const char *stdout_path)
{
    FILE *f = fopen(stdout_path, "rb");
    char *out = NULL;
    size_t len = 0;
    if (!f || nf_rouge_render(r, "rouge155", 1, &out, &len) != NF_OK) {
        CHECK(!"report or reference stdout missing");
        if (f)
            fclose(f);
        nf_free(out);
        return;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *want = malloc((size_t)n + 1);
    size_t got = fread(want, 1, (size_t)n, f);
    fclose(f);
    want[got] = '\0';
    char *sig = strstr(out, "# signature: ");
    if (sig)
        *sig = '\0';
    if (strcmp(out, want)) {
        size_t i = 0;
        while (out[i] && out[i] == want[i])
            i++;
        fprintf(stderr, "  report differs from %s at byte %zu: \"%.60s\" vs \"%.60s\"\n",
                stdout_path, i, out + i, want + i);
        test_failed_ = 1;
    }
    free(want);
    nf_free(out);
}

/* One vector file: everything ROUGE printed for that setting. */
static void check_vector(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, SHARED "/vectors/%s.json", name);
    if (access(path, R_OK))
        SKIP("../shared/rouge is absent (licensed test vectors)");
    json_error_t err;
    json_t *d = json_load_file(path, 0, &err);
    nf_rouge *r = nf_rouge_new();
    CHECK(d && r);
    if (!d || !r)
        return;
    CHECK(apply_flags(r, json_string_value(json_object_get(d, "rouge_flags"))) == 0);
    CHECK(add_vector_inputs(r, json_object_get(d, "inputs")) == 0);
    int rc = nf_rouge_score(r);
    CHECK(rc == NF_OK);
    tally rows = {0, 0, 0}, avgs = {0, 0, 0};
    if (rc == NF_OK) {
        const char *sys;
        json_t *mets;
        json_object_foreach(json_object_get(d, "per_cluster"), sys, mets)
        {
            const char *met;
            json_t *rws;
            json_object_foreach(mets, met, rws)
                check_rows(r, find_system(r, sys), sys, met, rws, &rows);
        }
        check_averages(r, json_object_get(d, "averages"), NULL, &avgs);
        snprintf(path, sizeof path, SHARED "/vectors/%s.rouge_stdout.txt", name);
        check_report(r, path);
    }
    printf("  %s: %ld per-summary values (max |dev| %.5f, %ld differ), %ld averages and CI "
           "bounds (max |dev| %.5f, %ld differ)\n",
           name, rows.checked, rows.maxdev, rows.differ, avgs.checked, avgs.maxdev, avgs.differ);
    nf_rouge_free(r);
    json_decref(d);
}

TEST(vector_s1) { check_vector("S1"); }
TEST(vector_s2) { check_vector("S2"); }
TEST(vector_s3) { check_vector("S3"); }
TEST(vector_s4) { check_vector("S4"); }
TEST(vector_s5) { check_vector("S5"); }
TEST(vector_s6) { check_vector("S6"); }
TEST(vector_s7) { check_vector("S7"); }
TEST(vector_s8) { check_vector("S8"); }
TEST(vector_s9) { check_vector("S9"); }

/* Loads edge_cases.jsonl as a JSON array of cases. */
static json_t *load_cases(void)
{
    FILE *f = fopen(SHARED "/edge_cases.jsonl", "rb");
    if (!f)
        return NULL;
    json_t *all = json_array();
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        json_error_t err;
        json_t *c = json_loads(line, 0, &err);
        if (c)
            json_array_append_new(all, c);
    }
    fclose(f);
    return all;
}

/* Adds one case under id: its peer as system "P", its models. */
static int add_case(nf_rouge *r, const json_t *c)
{
    const char *id = json_string_value(json_object_get(c, "id"));
    const json_t *models = json_object_get(c, "models");
    size_t n = json_array_size(models);
    const char *refs[16];
    size_t lens[16];
    for (size_t j = 0; j < n && j < 16; j++) {
        refs[j] = json_string_value(json_array_get(models, j));
        lens[j] = json_string_length(json_array_get(models, j));
    }
    const json_t *peer = json_object_get(c, "peer");
    int rc = nf_rouge_add_references(r, id, refs, lens, n);
    return rc ? rc
              : nf_rouge_add_summary(r, "P", id, json_string_value(peer), json_string_length(peer));
}

/* One edge-case setting: every case it ran on, and the averages. */
static void check_edge_setting(const json_t *cases, const json_t *exp, const char *setting,
                               const char *flags, tally *rows, tally *avgs)
{
    nf_rouge *r = nf_rouge_new();
    CHECK(r && apply_flags(r, flags) == 0);
    size_t i;
    json_t *c;
    json_array_foreach(cases, i, c)
    {
        const char *id = json_string_value(json_object_get(c, "id"));
        const json_t *e = json_object_get(json_object_get(exp, id), setting);
        if (e && !json_object_get(e, "error"))
            CHECK(add_case(r, c) == 0);
    }
    CHECK(nf_rouge_score(r) == NF_OK);
    long si = find_system(r, "P");
    json_array_foreach(cases, i, c)
    {
        const char *id = json_string_value(json_object_get(c, "id"));
        const json_t *e = json_object_get(json_object_get(exp, id), setting);
        if (!e || json_object_get(e, "error"))
            continue;
        const char *met;
        json_t *rpf;
        json_object_foreach((json_t *)e, met, rpf)
        {
            json_t *one = json_object();
            json_object_set(one, id, rpf);
            check_rows(r, si, "P", met, one, rows);
            json_decref(one);
        }
    }
    json_t *wrap = json_object();
    json_object_set(wrap, "P", json_object_get(json_object_get(exp, "_averages"), setting));
    check_averages(r, wrap, "P", avgs);
    json_decref(wrap);
    nf_rouge_free(r);
}

TEST(edge_cases)
{
    json_error_t err;
    json_t *exp = json_load_file(SHARED "/edge_cases_expected.json", 0, &err);
    json_t *cases = exp ? load_cases() : NULL;
    if (!exp || !cases) {
        json_decref(exp);
        SKIP("../shared/rouge is absent (edge cases)");
    }
    const char *setting;
    json_t *flags;
    tally rows = {0, 0, 0}, avgs = {0, 0, 0};
    long nsettings = 0;
    json_object_foreach(json_object_get(json_object_get(exp, "_about"), "settings"), setting,
                        flags)
    {
        check_edge_setting(cases, exp, setting, json_string_value(flags), &rows, &avgs);
        nsettings++;
    }
    printf("  edge cases: %ld settings, %ld per-case values (max |dev| %.5f, %ld differ), %ld "
           "averages and CI bounds (max |dev| %.5f, %ld differ)\n",
           nsettings, rows.checked, rows.maxdev, rows.differ, avgs.checked, avgs.maxdev,
           avgs.differ);
    CHECK(rows.checked > 10000);
    json_decref(cases);
    json_decref(exp);
}

/* -U computes ROUGE-S4 and ROUGE-SU4 in one run: each must equal the
 * run that asked for it alone (E_m_noU and E_m). */
TEST(edge_cases_s_and_su)
{
    json_error_t err;
    json_t *exp = json_load_file(SHARED "/edge_cases_expected.json", 0, &err);
    json_t *cases = exp ? load_cases() : NULL;
    if (!exp || !cases) {
        json_decref(exp);
        SKIP("../shared/rouge is absent (edge cases)");
    }
    const char *flags = "-n 4 -2 4 -U -c 95 -r 1000 -f A -p 0.5 -t 0 -a -m";
    tally rows = {0, 0, 0}, avgs = {0, 0, 0};
    check_edge_setting(cases, exp, "E_m_noU", flags, &rows, &avgs);
    check_edge_setting(cases, exp, "E_m", flags, &rows, &avgs);
    printf("  -U: %ld per-case values, %ld averages and CI bounds, %ld + %ld differ\n",
           rows.checked, avgs.checked, rows.differ, avgs.differ);
    json_decref(cases);
    json_decref(exp);
}

/* ROUGE-W with a reference that has no words: ROUGE-1.5.5 dies; we fail
 * with NF_EDATA and a message naming the cluster. */
TEST(edge_wlcs_empty_model)
{
    json_t *cases = load_cases();
    if (!cases)
        SKIP("../shared/rouge is absent (edge cases)");
    nf_rouge *r = nf_rouge_new();
    CHECK(apply_flags(r, "-n 4 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -m -w 1.2") == 0);
    size_t i;
    json_t *c;
    json_array_foreach(cases, i, c)
        if (!strcmp(json_string_value(json_object_get(c, "id")), "empty_model_one"))
            CHECK(add_case(r, c) == 0);
    CHECK(nf_rouge_score(r) == NF_EDATA);
    CHECK(strstr(nf_rouge_error(r), "empty_model_one") != NULL);
    nf_rouge_free(r);
    json_decref(cases);
}

/* Reads a JSONL file into an object keyed by "id". */
static json_t *load_by_id(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    json_t *all = json_object();
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        if (json_is_string(json_object_get(o, "id")))
            json_object_set(all, json_string_value(json_object_get(o, "id")), o);
        json_decref(o);
    }
    free(line);
    fclose(f);
    return all;
}

/* One raw text through nf_rouge_spl (regex splitter) against the lines
 * the vectors' generator wrote for it. */
static void check_spl(const char *raw, const json_t *want_lines, tally *t, const char *what)
{
    size_t wlen, glen;
    char *want = spl_of(want_lines, &wlen), *got = NULL;
    t->checked++;
    if (!raw || nf_rouge_spl(raw, strlen(raw), "regex", &got, &glen) != NF_OK ||
        strcmp(got, want)) {
        if (t->differ++ < 5)
            fprintf(stderr, "  %s: SPL differs\n   got: %.200s\n  want: %.200s\n", what,
                    got ? got : "(none)", want);
        test_failed_ = 1;
    }
    nf_free(got);
    nf_free(want);
}

/* The sentences the vectors were made from, remade from the raw data by
 * nf_rouge_spl: DUC 2004 references and system summaries (S1), Multi-News
 * references (S9, no line breaks: all split by the regex). */
TEST(spl_matches_vector_inputs)
{
    json_error_t err;
    json_t *s1 = json_load_file(SHARED "/vectors/S1.json", 0, &err);
    json_t *s9 = s1 ? json_load_file(SHARED "/vectors/S9.json", 0, &err) : NULL;
    json_t *duc = load_by_id("../shared/data/duc2004.dev.jsonl");
    json_t *mn = load_by_id("../shared/data/multinews.dev.jsonl");
    if (!s1 || !s9 || !duc || !mn) {
        json_decref(s1), json_decref(s9), json_decref(duc), json_decref(mn);
        SKIP("../shared is absent (vectors and raw data)");
    }
    tally t = {0, 0, 0};
    const char *cid;
    json_t *c;
    json_object_foreach(json_object_get(s1, "inputs"), cid, c)
    {
        const json_t *refs = json_object_get(json_object_get(duc, cid), "references");
        for (size_t j = 0; j < json_array_size(refs); j++) {
            char key[32];
            snprintf(key, sizeof key, "M%zu", j);
            check_spl(json_string_value(json_array_get(refs, j)),
                      json_object_get(json_object_get(c, "models"), key), &t, cid);
        }
    }
    size_t i;
    json_t *sys;
    json_array_foreach(json_object_get(s1, "systems"), i, sys)
    {
        char path[256];
        snprintf(path, sizeof path, "../shared/data/duc2004.systems/%s.jsonl", json_string_value(sys));
        json_t *sums = load_by_id(path);
        json_object_foreach(json_object_get(s1, "inputs"), cid, c)
            check_spl(json_string_value(json_object_get(json_object_get(sums, cid), "summary")),
                      json_object_get(json_object_get(c, "peers"), json_string_value(sys)), &t, cid);
        json_decref(sums);
    }
    json_object_foreach(json_object_get(s9, "inputs"), cid, c)
        check_spl(json_string_value(json_array_get(json_object_get(json_object_get(mn, cid), "references"), 0)),
                  json_object_get(json_object_get(c, "models"), "M0"), &t, cid);
    printf("  SPL: %ld texts remade from the raw data, %ld differ\n", t.checked, t.differ);
    CHECK(t.checked > 500);
    json_decref(s1), json_decref(s9), json_decref(duc), json_decref(mn);
}

TEST(stems_match_rouge)
{
    FILE *f = fopen(SHARED "/stems.tsv", "rb");
    if (!f)
        SKIP("../shared/rouge is absent (stems.tsv)");
    rouge_settings st;
    memset(&st, 0, sizeof st);
    st.stem = 1;
    rouge_lexicon lx;
    CHECK(lexicon_init(&lx, &st) == NF_OK);
    char line[512];
    long n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        char *want = tab + 1;
        want[strcspn(want, "\r\n")] = '\0';
        const char *form;
        size_t flen;
        CHECK(lexicon_stem(&lx, line, strlen(line), &form, &flen) == 0);
        n++;
        if (flen != strlen(want) || memcmp(form, want, flen)) {
            if (bad++ < 10)
                fprintf(stderr, "  stem(%s) = %.*s, want %s\n", line, (int)flen, form, want);
            test_failed_ = 1;
        }
    }
    fclose(f);
    printf("  stems: %ld words, %ld differ\n", n, bad);
    CHECK(n > 19000);
    lexicon_free(&lx);
}

int main(void)
{
    RUN(stems_match_rouge);
    RUN(spl_matches_vector_inputs);
    RUN(edge_cases);
    RUN(edge_cases_s_and_su);
    RUN(edge_wlcs_empty_model);
    RUN(vector_s1);
    RUN(vector_s2);
    RUN(vector_s3);
    RUN(vector_s4);
    RUN(vector_s5);
    RUN(vector_s6);
    RUN(vector_s7);
    RUN(vector_s8);
    RUN(vector_s9);
    TEST_EXIT();
}
