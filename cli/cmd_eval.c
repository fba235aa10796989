/* newsfuse eval: summarize every cluster of an evaluation set with one
 * method and length, score the summaries with ROUGE under the set's
 * standard settings, print one row. */
#include "commands.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A data set's standard evaluation (../shared/data/README.md). */
typedef struct convention {
    const char *name;
    const char *flags; /* ROUGE-1.5.5 flags */
    const char *words; /* summary length */
    int value;         /* 0 recall, 2 F */
    const char *sets;  /* update sets scored ("BC"), NULL for all */
} convention;

static const convention conventions[] = {
    {"duc2004", "-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100", "100", 0, NULL},
    {"multinews", "-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a", "260", 2, NULL},
    {"duc2006", "-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 250", "250", 0, NULL},
    {"duc2007", "-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100", "100", 0, "BC"},
};

typedef struct eval_run {
    const convention *conv;
    nf_options *opts;
    nf_rouge *rouge;
    const char *name;
    size_t clusters;
    double seconds; /* summarizing only */
    int format;     /* 0 table, 1 markdown row, 2 json */
} eval_run;

static void eval_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse eval [options] DATA.jsonl\n\n"
            "Summarizes every cluster of an evaluation set and scores the summaries\n"
            "with ROUGE (exactly as ROUGE-1.5.5) under the set's standard settings:\n"
            "  duc2004    recall at 100 words, -n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -l 100\n"
            "  multinews  F at 260 words (summaries cut to 260 words, no -l)\n"
            "  duc2006    recall at 250 words, -n 2 -x -m -2 4 -u ... -l 250 (query: the topic)\n"
            "  duc2007    recall at 100 words on update sets B and C (A, B already read)\n"
            "Prints R-1, R-2, R-SU4 and R-L (when scored) and the time per cluster.\n\n"
            "  --dataset NAME   one of the above (default: the \"source\" of the data)\n"
            "  --name NAME      the row's name (default: the method)\n"
            "  --format F       table (default), md (a Markdown row), json\n"
            "  summarize's options (--method, --words, --query, --idf FILE, ...)\n"
            "  apply; the length defaults to the set's and the last sentence is cut\n"
            "  (--cut). --idf takes term weights from a background table (newsfuse idf\n"
            "  build): build it from another corpus than the one evaluated.\n\n"
            "Exit status: 0 success, 1 bad data (a cluster that cannot be read or\n"
            "scored), 2 bad usage (an unknown data set: use --dataset).\n");
}

static const convention *find_convention(const char *name)
{
    for (size_t i = 0; i < sizeof conventions / sizeof *conventions; i++)
        if (!strcmp(conventions[i].name, name))
            return &conventions[i];
    return NULL;
}

/* Guesses the data set from the first line's "source" (or the file name). */
static const convention *detect_convention(const char *path)
{
    FILE *f = fopen(path, "rb");
    char head[512] = "";
    if (f) {
        size_t n = fread(head, 1, sizeof head - 1, f);
        head[n] = '\0';
        fclose(f);
    }
    const char *names[] = {"duc2004", "multinews", "duc2006", "duc2007"};
    for (int i = 0; i < 4; i++)
        if (strstr(head, names[i]) || strstr(path, names[i]))
            return find_convention(names[i]);
    return NULL;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The summary as SPL text: one sentence per line. */
static char *summary_spl(const nf_summary *s)
{
    size_t total = 1;
    for (size_t i = 0; i < nf_summary_count(s); i++) {
        size_t len;
        nf_summary_sentence(s, i, NULL, &len, NULL, NULL, NULL, NULL);
        total += len + 1;
    }
    char *out = malloc(total), *p = out;
    for (size_t i = 0; out && i < nf_summary_count(s); i++) {
        const char *t;
        size_t len;
        nf_summary_sentence(s, i, &t, &len, NULL, NULL, NULL, NULL);
        for (size_t k = 0; k < len; k++)
            *p++ = t[k] == '\n' || t[k] == '\r' ? ' ' : t[k];
        *p++ = '\n';
    }
    if (out)
        *p = '\0';
    return out;
}

/* The references of ds, split as the ROUGE test vectors were. */
static int add_references(eval_run *e, const nf_docset *ds)
{
    size_t n = nf_docset_reference_count(ds);
    char **spl = calloc(n ? n : 1, sizeof *spl);
    size_t *lens = calloc(n ? n : 1, sizeof *lens);
    int rc = spl && lens ? NF_OK : NF_ENOMEM;
    for (size_t i = 0; rc == NF_OK && i < n; i++) {
        const char *r = nf_docset_reference(ds, i);
        rc = nf_rouge_spl(r, strlen(r), "regex", &spl[i], &lens[i]);
    }
    if (rc == NF_OK)
        rc = nf_rouge_add_references(e->rouge, nf_docset_id(ds), (const char *const *)spl, lens, n);
    for (size_t i = 0; spl && i < n; i++)
        nf_free(spl[i]);
    free(spl);
    free(lens);
    return rc;
}

static int on_cluster(nf_docset *ds, long line, void *arg)
{
    eval_run *e = arg;
    const char *set = nf_docset_update_set(ds), *id = nf_docset_id(ds);
    if (e->conv->sets && (!set || !strchr(e->conv->sets, set[0])))
        return EXIT_OK;
    if (!id || !nf_docset_reference_count(ds))
        return cli_error(EXIT_DATA, "eval: line %ld: a cluster needs an id and references", line);
    nf_summary *s = NULL;
    double t0 = now_seconds();
    int rc = nf_summarize(ds, e->opts, &s);
    e->seconds += now_seconds() - t0;
    e->clusters++;
    char *spl = s ? summary_spl(s) : NULL;
    if (rc == NF_ENOMEM || !spl)
        rc = NF_ENOMEM;
    else if ((rc = add_references(e, ds)) == NF_OK)
        rc = nf_rouge_add_summary(e->rouge, e->name, id, spl, strlen(spl));
    free(spl);
    nf_summary_free(s);
    if (rc != NF_OK)
        return cli_error(EXIT_DATA, "eval: %s: %s", id, rc == NF_ENOMEM ? "out of memory"
                                                                       : nf_rouge_error(e->rouge));
    return EXIT_OK;
}

static int on_event(nf_docset **ds, const nf_reader *r, void *arg)
{
    return on_cluster(*ds, nf_reader_line(r), arg);
}

/* Summarizes and adds every cluster of the data file (cluster JSONL,
 * through the library's reader); a line that cannot be read is named. */
static int eval_clusters(eval_run *e, char *path)
{
    nf_reader *r = cli_reader_open(&path, 1, "cluster", e->opts);
    int rc = r ? cli_each_event(r, on_event, NULL, e) : EXIT_DATA;
    nf_reader_free(r);
    return rc;
}

/* Finds metric name among the scored ones; (size_t)-1 if absent. */
static size_t metric_index(const nf_rouge *r, const char *name)
{
    for (size_t i = 0; i < nf_rouge_metric_count(r); i++)
        if (!strcmp(nf_rouge_metric_name(r, i), name))
            return i;
    return (size_t)-1;
}

/* Prints the row: R-1, R-2, R-SU4, R-L (recall or F, x100) and timing. */
static void print_row(const eval_run *e)
{
    static const char *metrics[] = {"ROUGE-1", "ROUGE-2", "ROUGE-SU4", "ROUGE-L"};
    double v[4];
    int have[4];
    for (int k = 0; k < 4; k++) {
        size_t m = metric_index(e->rouge, metrics[k]);
        double out[3] = {0, 0, 0};
        have[k] = m != (size_t)-1 && nf_rouge_average(e->rouge, 0, m, e->conv->value, out) == NF_OK;
        v[k] = 100 * out[0];
    }
    double ms = e->clusters ? 1000 * e->seconds / (double)e->clusters : 0;
    const char *what = e->conv->value ? "F" : "R";
    if (e->format == 2) {
        printf("{\"dataset\":\"%s\",\"name\":\"%s\",\"measure\":\"%s\",\"clusters\":%zu,", e->conv->name,
               e->name, what, e->clusters);
        for (int k = 0; k < 4; k++)
            if (have[k])
                printf("\"%s\":%.2f,", metrics[k], v[k]);
        printf("\"ms_per_cluster\":%.2f,\"signature\":", ms);
        cli_print_json_string(stdout, nf_rouge_signature(e->rouge));
        printf("}\n");
        return;
    }
    if (e->format == 0)
        printf("%-12s %7s %7s %7s %7s %12s   (%s, %s, %zu clusters)\n", "name", "R-1", "R-2",
               "R-SU4", "R-L", "ms/cluster", e->conv->name, e->conv->value ? "F" : "recall",
               e->clusters);
    printf(e->format == 1 ? "| %s |" : "%-12s", e->name);
    for (int k = 0; k < 4; k++) {
        if (have[k])
            printf(e->format == 1 ? " %.2f |" : " %7.2f", v[k]);
        else
            printf(e->format == 1 ? " - |" : " %7s", "-");
    }
    printf(e->format == 1 ? " %.2f |\n" : " %12.2f\n", ms);
    if (e->format == 0)
        printf("%s\n", nf_rouge_signature(e->rouge));
}

/* Parses eval's own flags; the others go to the summarize options. */
static int parse_eval_args(eval_run *e, int argc, char **argv, const char **path)
{
    const char *dataset = NULL;
    *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "--help") || !strcmp(f, "-h"))
            return eval_usage(stdout), -1;
        if (f[0] != '-') {
            if (*path)
                return cli_error(EXIT_USAGE, "eval: one data file at a time");
            *path = f;
            continue;
        }
        if (cli_set_switch(e->opts, f))
            continue;
        if (strncmp(f, "--", 2) || i + 1 >= argc)
            return cli_error(EXIT_USAGE, "eval: '%s' needs a value or is unknown (see --help)", f);
        const char *v = argv[++i];
        if (!strcmp(f, "--dataset"))
            dataset = v;
        else if (!strcmp(f, "--name"))
            e->name = v;
        else if (!strcmp(f, "--format")) {
            e->format = !strcmp(v, "table") ? 0 : !strcmp(v, "md") ? 1 : !strcmp(v, "json") ? 2 : -1;
            if (e->format < 0)
                return cli_error(EXIT_USAGE, "eval: --format must be table, md or json");
        } else {
            int rc = cli_set_option(e->opts, f, v, "eval");
            if (rc)
                return rc;
        }
    }
    if (!*path)
        return eval_usage(stderr), cli_error(EXIT_USAGE, "eval: no data file");
    e->conv = dataset ? find_convention(dataset) : detect_convention(*path);
    if (!e->conv)
        return cli_error(EXIT_USAGE, "eval: unknown data set%s%s (use --dataset)", dataset ? " " : "",
                         dataset ? dataset : "");
    return EXIT_OK;
}

/* The set's length and --cut, unless the user chose a length. */
static void default_length(eval_run *e)
{
    const char *budgets[] = {"words", "sentences", "bytes", "ratio"};
    for (int k = 0; k < 4; k++)
        if (strcmp(nf_options_get(e->opts, budgets[k]), k == 0 ? "100" : "0"))
            return;
    nf_options_set(e->opts, "words", e->conv->words);
    nf_options_set(e->opts, "cut", "1");
}

int cmd_eval(int argc, char **argv)
{
    eval_run e = {.name = NULL, .format = 0};
    const char *path;
    e.opts = nf_options_new();
    e.rouge = nf_rouge_new();
    int rc = e.opts && e.rouge ? parse_eval_args(&e, argc, argv, &path) : EXIT_DATA;
    if (rc == EXIT_OK && !e.conv)
        rc = EXIT_USAGE; /* parse_eval_args found one, or said why not */
    if (rc == EXIT_OK)
        rc = nf_rouge_set_flags(e.rouge, e.conv->flags) == NF_OK
                 ? EXIT_OK : cli_error(EXIT_USAGE, "eval: %s", nf_rouge_error(e.rouge));
    if (rc == EXIT_OK) {
        default_length(&e);
        if (!e.name)
            e.name = nf_options_get(e.opts, "method");
        rc = eval_clusters(&e, (char *)path);
    }
    if (rc == EXIT_OK && nf_rouge_score(e.rouge) != NF_OK)
        rc = cli_error(EXIT_DATA, "eval: %s", nf_rouge_error(e.rouge));
    if (rc == EXIT_OK)
        print_row(&e);
    nf_rouge_free(e.rouge);
    nf_options_free(e.opts);
    return rc < 0 ? EXIT_OK : rc;
}
