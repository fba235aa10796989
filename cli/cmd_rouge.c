/* newsfuse rouge: scores summaries against references exactly as
 * ROUGE-1.5.5 does. ROUGE-1.5.5's own flags are accepted as written (so a
 * usual command can be pasted), next to readable long ones; the library
 * does the scoring and the report (nf_rouge_*). The command line is read
 * letter by letter, in order, through the scorer's internal setter of a
 * letter (eval/rouge_flags.h: rouge_set_flag, rouge_flag_arity), which
 * the static library offers the CLI. */
#include "commands.h"
#include "eval/rouge_flags.h"
#include "newsfuse.h"
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Prints the help of `newsfuse rouge` to out. */
static void rouge_usage(FILE *out)
{
    fprintf(out,
        "usage: newsfuse rouge [options] SUMMARIES... REFERENCES\n\n"
        "Scores summaries exactly as ROUGE-1.5.5 does (same numbers to the last digit,\n"
        "bootstrap averages and confidence intervals included).\n"
        "SUMMARIES: a JSONL file of {\"id\", \"summary\"} (one system, named after the\n"
        "  file without its extension) or a directory with one file per cluster id;\n"
        "  several make several systems. REFERENCES: a cluster JSONL (its \"references\")\n"
        "  or a JSONL of {\"id\", \"references\"}. A text with line breaks has one\n"
        "  sentence per line; any other is split into sentences (see --split).\n\n"
        "ROUGE-1.5.5 options, accepted as written:\n"
        "  -n N        ROUGE-1 .. ROUGE-N             (--ngram N)\n"
        "  -m          Porter stemming + WordNet exceptions (--stem)\n"
        "  -s          remove the SMART stop words    (--stopwords)\n"
        "  -l N        first N words only (all texts) (--words N)\n"
        "  -b N        first N bytes only (all texts) (--bytes N)\n"
        "  -2 D        ROUGE-S with skip distance D   (--skip D)\n"
        "  -u          ROUGE-SU: add unigrams to -2   (--skip-unigrams)\n"
        "  -U          both ROUGE-S and ROUGE-SU\n"
        "  -w W        ROUGE-W with weight W          (--wlcs W)\n"
        "  -x          no ROUGE-L                     (--no-lcs)\n"
        "  -f A|B      several references: pool them (A) or keep the best (B) (--formula)\n"
        "  -p ALPHA    F = 1/(alpha/P + (1-alpha)/R), default 0.5 (--alpha)\n"
        "  -c C        C%% confidence interval, default 95 (--confidence)\n"
        "  -r R        bootstrap resamples, default 1000 (--resamples)\n"
        "  -d          per-cluster scores too         (--per-cluster)\n"
        "  -t 0, -a, -e DIR, -v   accepted; change nothing\n"
        "With no metric option (-n -2 -w -x -u -U) the metrics are those of -n 2 -2 4 -u\n"
        "plus ROUGE-L. The DUC 2004 command: -n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5\n"
        "-t 0 -a -l 100\n\n"
        "newsfuse options:\n"
        "  --format F        table (default), json (always with per-cluster scores),\n"
        "                    rouge155 (ROUGE-1.5.5's own lines)\n"
        "  --unicode         tokens keep letters and digits of every script, lowercased\n"
        "                    by utf8proc (not ROUGE-1.5.5, which drops non-ASCII)\n"
        "  --split S         sentence splitter for texts without line breaks: newsfuse\n"
        "                    (default), regex (the one the ROUGE test vectors used),\n"
        "                    lines (a text without line breaks is one sentence)\n"
        "  --peer-words N    cut each summary to N words before scoring (Multi-News\n"
        "                    convention; unlike -l, references stay whole)\n"
        "  --preset P        a data set's standard setting (../shared/data/README.md):\n"
        "                    duc2004 (-n 4 -m -2 4 -u -l 100), duc2006 (-n 2 -x -m -2 4 -u\n"
        "                    -l 250), duc2007 (-n 2 -x -m -2 4 -u -l 100), multinews\n"
        "                    (-n 2 -m -2 4 -u, --peer-words 260); all -c 95 -r 1000 -f A\n"
        "                    -p 0.5 -t 0 -a; later options still apply\n"
        "  --name NAME       system name of a single SUMMARIES\n\n"
        "Exit status: 0 success, 1 bad data, 2 bad usage.\n");
}

typedef struct rouge_args {
    nf_rouge *r;
    const char *format, *splitter; /* names: nf_formats("rouge"), nf_rouge_splitters */
    int per_cluster, metric_flag;
    long peer_words;
    const char *name;
    char **paths;
    int npaths;
} rouge_args;

/* Long options that map to a ROUGE-1.5.5 letter. */
static const struct {
    const char *name;
    char flag;
} long_flags[] = {
    {"ngram", 'n'}, {"stem", 'm'}, {"stopwords", 's'}, {"words", 'l'}, {"bytes", 'b'},
    {"skip", '2'}, {"skip-unigrams", 'u'}, {"wlcs", 'w'}, {"no-lcs", 'x'}, {"formula", 'f'},
    {"alpha", 'p'}, {"confidence", 'c'}, {"resamples", 'r'}, {"per-cluster", 'd'},
};

/* Applies one ROUGE-1.5.5 letter; returns EXIT_OK or EXIT_USAGE. */
static int apply_flag(rouge_args *a, char flag, const char *value)
{
    if (flag == 'd') {
        a->per_cluster = 1;
        return EXIT_OK;
    }
    if (flag && strchr("n2wxuU", flag))
        a->metric_flag = 1;
    if (rouge_set_flag(a->r, flag, value) != NF_OK)
        return cli_error(EXIT_USAGE, "rouge: %s", nf_rouge_error(a->r));
    /* ROUGE-W's weighting (k^W for a run of k) only favours consecutive
     * matches when W > 1; below, ROUGE-1.5.5 prints scores above 1 and so
     * do we (the same numbers), but they are no longer ROUGE-W's. */
    if (flag == 'w' && strtod(value, NULL) <= 1)
        fprintf(stderr, "newsfuse: rouge: warning: -w %s: ROUGE-W is defined for weights above 1; "
                "with this one its scores can exceed 1 (ROUGE-1.5.5 prints the same numbers)\n",
                value);
    return EXIT_OK;
}

/* A short option group at argv[*i] ("-m", "-mu", "-n 4", "-n4"). */
static int parse_short(rouge_args *a, int argc, char **argv, int *i)
{
    const char *g = argv[*i] + 1;
    for (; *g; g++) {
        int arity = rouge_flag_arity(*g);
        if (arity < 0)
            return cli_error(EXIT_USAGE, "rouge: unknown option -%c (see --help)", *g);
        if (arity == 0) {
            if (apply_flag(a, *g, NULL))
                return EXIT_USAGE;
            continue;
        }
        const char *v = g[1] ? g + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
        if (!v)
            return cli_error(EXIT_USAGE, "rouge: -%c needs a value", *g);
        return apply_flag(a, *g, v);
    }
    return EXIT_OK;
}

/* The standard settings of the development sets. */
static const struct {
    const char *name, *flags;
    long peer_words;
} presets[] = {
    {"duc2004", "-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100", 0},
    {"duc2006", "-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 250", 0},
    {"duc2007", "-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100", 0},
    {"multinews", "-n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a", 260},
};

/* --preset NAME; returns EXIT_OK or EXIT_USAGE. */
static int apply_preset(rouge_args *a, const char *name)
{
    for (size_t i = 0; i < sizeof presets / sizeof *presets; i++) {
        if (strcmp(name, presets[i].name))
            continue;
        if (nf_rouge_set_flags(a->r, presets[i].flags) != NF_OK)
            return cli_error(EXIT_USAGE, "rouge: %s", nf_rouge_error(a->r));
        a->metric_flag = 1;
        if (presets[i].peer_words)
            a->peer_words = presets[i].peer_words;
        return EXIT_OK;
    }
    return cli_error(EXIT_USAGE, "rouge: --preset is duc2004, duc2006, duc2007 or multinews");
}

/* The newsfuse-only long options; returns -1 when name is not one. */
static int parse_own(rouge_args *a, const char *name, const char *v)
{
    if (!strcmp(name, "unicode"))
        return nf_rouge_set(a->r, "unicode", "1") ? EXIT_USAGE : EXIT_OK;
    if (!v)
        return -1;
    if (!strcmp(name, "format")) {
        if (!cli_in_list(nf_formats("rouge"), v))
            return cli_error(EXIT_USAGE, "rouge: --format is table, json or rouge155");
        a->format = v;
        return EXIT_OK;
    }
    if (!strcmp(name, "split")) {
        if (!cli_in_list(nf_rouge_splitters(), v))
            return cli_error(EXIT_USAGE, "rouge: --split is newsfuse, regex or lines");
        a->splitter = v;
        return EXIT_OK;
    }
    if (!strcmp(name, "peer-words")) {
        a->peer_words = cli_parse_count(v);
        return a->peer_words <= 0 ? cli_error(EXIT_USAGE, "rouge: --peer-words needs N > 0")
                                  : EXIT_OK;
    }
    if (!strcmp(name, "preset"))
        return apply_preset(a, v);
    if (!strcmp(name, "name")) {
        a->name = v;
        return *v ? EXIT_OK : cli_error(EXIT_USAGE, "rouge: --name needs a name");
    }
    return -1;
}

/* Does the long option take a value? */
static int long_takes_value(const char *name)
{
    static const char *const with[] = {"format", "split", "peer-words", "name", "preset", NULL};
    for (int k = 0; with[k]; k++)
        if (!strcmp(name, with[k]))
            return 1;
    for (size_t k = 0; k < sizeof long_flags / sizeof *long_flags; k++)
        if (!strcmp(name, long_flags[k].name))
            return rouge_flag_arity(long_flags[k].flag) == 1;
    return 0;
}

/* A long option at argv[*i] ("--words 100" or "--words=100"). */
static int parse_long(rouge_args *a, int argc, char **argv, int *i)
{
    char name[64];
    const char *arg = argv[*i] + 2, *eq = strchr(arg, '=');
    snprintf(name, sizeof name, "%.*s", (int)(eq ? (size_t)(eq - arg) : strlen(arg)), arg);
    const char *v = eq ? eq + 1 : NULL;
    if (!v && long_takes_value(name)) {
        if (*i + 1 >= argc)
            return cli_error(EXIT_USAGE, "rouge: --%s needs a value", name);
        v = argv[++*i];
    }
    int rc = parse_own(a, name, v);
    if (rc >= 0)
        return rc;
    for (size_t k = 0; k < sizeof long_flags / sizeof *long_flags; k++)
        if (!strcmp(name, long_flags[k].name))
            return apply_flag(a, long_flags[k].flag, v);
    return cli_error(EXIT_USAGE, "rouge: unknown option --%s (see --help)", name);
}

/* Parses argv; returns EXIT_OK, EXIT_USAGE, or -1 after printing help. */
static int parse_args(rouge_args *a, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        int rc = EXIT_OK;
        if (!strcmp(s, "--help") || !strcmp(s, "-h") || !strcmp(s, "-H")) {
            rouge_usage(stdout);
            return -1;
        } else if (!strncmp(s, "--", 2) && s[2]) {
            rc = parse_long(a, argc, argv, &i);
        } else if (s[0] == '-' && s[1]) {
            rc = parse_short(a, argc, argv, &i);
        } else {
            a->paths[a->npaths++] = argv[i];
        }
        if (rc)
            return rc;
    }
    if (a->npaths < 2)
        return rouge_usage(stderr), cli_error(EXIT_USAGE, "rouge: need SUMMARIES and REFERENCES");
    if (a->name && a->npaths > 2)
        return cli_error(EXIT_USAGE, "rouge: --name names a single SUMMARIES");
    return EXIT_OK;
}

/* ---- reading ---- */

/* Cuts SPL text in place to its first n words (whole lines while the total
 * stays under n, then the line that reaches n cut after its n-th word). */
static size_t cut_words(char *t, size_t len, long n)
{
    long used = 0;
    size_t o = 0;
    for (size_t i = 0; i < len && used < n;) {
        char *nl = memchr(t + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - t) : len, w_end = i;
        long w = 0;
        for (size_t k = i; k < end; k++)
            if (t[k] != ' ' && (k + 1 == end || t[k + 1] == ' ') && used + ++w <= n)
                w_end = k + 1;
        size_t keep = used + w < n ? end - i : w_end - i;
        memmove(t + o, t + i, keep);
        o += keep;
        t[o++] = '\n';
        used += w;
        i = end + 1;
    }
    t[o] = '\0';
    return o;
}

/* A JSON value holding text: a string, or an array of sentence strings
 * (then joined one per line). Returns SPL text (nf_free) or NULL. */
static char *spl_of_value(const rouge_args *a, const json_t *v, size_t *len)
{
    char *joined = NULL, *out = NULL;
    const char *splitter = a->splitter;
    const char *text = json_string_value(v);
    size_t tlen = json_string_length(v);
    if (json_is_array(v)) {
        size_t i, n = 0;
        json_t *s;
        json_array_foreach(v, i, s) n += json_string_length(s) + 1;
        if (!(joined = malloc(n + 1)))
            return NULL;
        n = 0;
        json_array_foreach(v, i, s)
        {
            memcpy(joined + n, json_string_value(s) ? json_string_value(s) : "", json_string_length(s));
            n += json_string_length(s);
            joined[n++] = '\n';
        }
        text = joined, tlen = n, splitter = "lines";
    } else if (!text) {
        return NULL;
    }
    int rc = nf_rouge_spl(text, tlen, splitter, &out, len);
    free(joined);
    return rc == NF_OK ? out : NULL;
}

/* The most bytes read of one file: a JSONL file of summaries or
 * references (every cluster of a corpus: tens of MB at most), and one
 * cluster's summary in a SUMMARIES directory. They bound what a path such
 * as /dev/zero can make rouge hold. */
#define ROUGE_MAX_JSONL ((size_t)256 << 20)
#define ROUGE_MAX_SUMMARY ((size_t)64 << 20)

/* cli_read_file, refusing a file longer than limit with a message naming
 * it. Returns the buffer (free it) or NULL after the message. */
static char *read_capped(const char *path, size_t limit, size_t *len)
{
    int more = 0;
    char *data = cli_read_file_upto(path, limit, len, &more);
    if (data && more) {
        cli_error(EXIT_DATA, "rouge: %s: longer than %zu MiB (the most rouge reads of one file)",
                  path, limit >> 20);
        free(data);
        return NULL;
    }
    return data;
}

/* Calls fn on each non-blank line of a JSONL file as a parsed object;
 * reports bad lines with file and line. Returns EXIT_OK or EXIT_DATA. */
static int each_jsonl(const char *path, int (*fn)(json_t *, const char *, long, void *),
                      void *arg)
{
    size_t len;
    char *data = read_capped(path, ROUGE_MAX_JSONL, &len);
    if (!data)
        return EXIT_DATA;
    int rc = EXIT_OK;
    long lineno = 0;
    for (char *p = data, *end = data + len; rc == EXIT_OK && p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *eol = nl ? nl : end;
        lineno++;
        size_t n = (size_t)(eol - p);
        if (strspn(p, " \t\r") < n) {
            json_error_t err;
            json_t *o = json_loadb(p, n, 0, &err);
            if (!json_is_object(o))
                rc = cli_error(EXIT_DATA, "%s:%ld: not a JSON object%s%s", path, lineno,
                               o ? "" : ": ", o ? "" : err.text);
            else
                rc = fn(o, path, lineno, arg);
            json_decref(o);
        }
        p = eol + 1;
    }
    free(data);
    return rc;
}

/* The "id" of a record as a string (numbers are accepted). */
static const char *record_id(json_t *o, char *tmp, size_t cap)
{
    json_t *id = json_object_get(o, "id");
    if (json_is_string(id))
        return json_string_value(id);
    if (json_is_integer(id)) {
        snprintf(tmp, cap, "%lld", (long long)json_integer_value(id));
        return tmp;
    }
    return NULL;
}

/* each_jsonl callback for REFERENCES. */
static int add_refs_line(json_t *o, const char *path, long line, void *arg)
{
    rouge_args *a = arg;
    char tmp[32];
    const char *id = record_id(o, tmp, sizeof tmp);
    json_t *refs = json_object_get(o, "references");
    if (!id || !json_is_array(refs))
        return cli_error(EXIT_DATA, "%s:%ld: expected \"id\" and a \"references\" array", path, line);
    size_t n = json_array_size(refs), i;
    char **texts = calloc(n ? n : 1, sizeof *texts);
    size_t *lens = calloc(n ? n : 1, sizeof *lens);
    int rc = texts && lens ? EXIT_OK : cli_error(EXIT_DATA, "out of memory");
    json_t *v;
    json_array_foreach(refs, i, v)
    {
        if (rc == EXIT_OK && !(texts[i] = spl_of_value(a, v, &lens[i])))
            rc = cli_error(EXIT_DATA, "%s:%ld: reference %zu is not text", path, line, i + 1);
    }
    if (rc == EXIT_OK && nf_rouge_add_references(a->r, id, (const char *const *)texts, lens, n))
        rc = cli_error(EXIT_DATA, "%s:%ld: %s", path, line, nf_rouge_error(a->r));
    for (i = 0; texts && i < n; i++)
        nf_free(texts[i]);
    free(texts), free(lens);
    return rc;
}

/* Adds one summary text of system sys. */
static int add_summary(rouge_args *a, const char *sys, const char *id, char *spl, size_t len,
                       const char *where)
{
    if (a->peer_words > 0)
        len = cut_words(spl, len, a->peer_words);
    int rc = nf_rouge_add_summary(a->r, sys, id, spl, len);
    nf_free(spl);
    return rc ? cli_error(EXIT_DATA, "%s: %s", where, nf_rouge_error(a->r)) : EXIT_OK;
}

typedef struct sum_ctx {
    rouge_args *a;
    const char *sys;
} sum_ctx;

/* each_jsonl callback for a SUMMARIES file. */
static int add_sum_line(json_t *o, const char *path, long line, void *arg)
{
    sum_ctx *c = arg;
    char tmp[32], where[512];
    const char *id = record_id(o, tmp, sizeof tmp);
    size_t len;
    char *spl = id ? spl_of_value(c->a, json_object_get(o, "summary"), &len) : NULL;
    snprintf(where, sizeof where, "%s:%ld", path, line);
    if (!spl)
        return cli_error(EXIT_DATA, "%s: expected \"id\" and a \"summary\" text", where);
    return add_summary(c->a, c->sys, id, spl, len, where);
}

/* The base name of path without its extension (the ROUGE system name). */
static void system_name(const char *path, char *out, size_t cap)
{
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && path[start - 1] != '/')
        start--;
    size_t end = n;
    for (size_t i = n; i > start + 1; i--)
        if (path[i - 1] == '.') {
            end = i - 1;
            break;
        }
    snprintf(out, cap, "%.*s", (int)(end - start), path + start);
}

/* qsort/bsearch: C strings bytewise. */
static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The sorted names of the regular, non-hidden files of dir (subfolders
 * and the like are left out); NULL on error. */
static char **list_dir(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    if (!d)
        return NULL;
    for (struct dirent *e; (e = readdir(d));) {
        char path[4096];
        struct stat sb;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_name[0] == '.' || stat(path, &sb) || !S_ISREG(sb.st_mode))
            continue;
        if (*n + 1 >= cap) {
            char **p = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof *p);
            if (!p)
                break;
            names = p;
        }
        if (!(names[*n] = strdup(e->d_name)))
            break;
        (*n)++;
    }
    closedir(d);
    if (names)
        qsort(names, *n, sizeof *names, cmp_str);
    return names ? names : calloc(1, sizeof *names);
}

/* A SUMMARIES directory: one file per cluster, named by its id (an
 * extension is dropped when the full name is no reference id). */
static int add_sum_dir(rouge_args *a, const char *dir, const char *sys, char *const *ids, size_t nids)
{
    size_t n;
    char **names = list_dir(dir, &n);
    if (!names)
        return cli_error(EXIT_DATA, "%s: cannot list: %s", dir, strerror(errno));
    int rc = EXIT_OK;
    for (size_t i = 0; rc == EXIT_OK && i < n; i++) {
        char path[4096], id[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(id, sizeof id, "%s", names[i]);
        if (!bsearch(&(const char *){id}, ids, nids, sizeof *ids, cmp_str) && strrchr(id, '.'))
            *strrchr(id, '.') = '\0';
        size_t len, slen;
        char *text = read_capped(path, ROUGE_MAX_SUMMARY, &len), *spl = NULL;
        if (!text)
            rc = EXIT_DATA;
        else if (nf_rouge_spl(text, len, a->splitter, &spl, &slen))
            rc = cli_error(EXIT_DATA, "out of memory");
        else
            rc = add_summary(a, sys, id, spl, slen, path);
        free(text);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* The sorted reference ids, to match file names in a directory. */
static char **reference_ids(const nf_rouge *r, size_t *n)
{
    *n = nf_rouge_cluster_count(r);
    char **ids = malloc((*n ? *n : 1) * sizeof *ids);
    for (size_t i = 0; ids && i < *n; i++)
        ids[i] = (char *)nf_rouge_cluster_id(r, i);
    if (ids)
        qsort(ids, *n, sizeof *ids, cmp_str);
    return ids;
}

/* Reads every SUMMARIES argument. */
static int add_all_summaries(rouge_args *a)
{
    size_t nids;
    char **ids = reference_ids(a->r, &nids);
    int rc = ids ? EXIT_OK : cli_error(EXIT_DATA, "out of memory");
    for (int i = 0; rc == EXIT_OK && i < a->npaths - 1; i++) {
        char sys[256];
        struct stat sb;
        system_name(a->paths[i], sys, sizeof sys);
        if (a->name)
            snprintf(sys, sizeof sys, "%s", a->name);
        if (stat(a->paths[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            rc = add_sum_dir(a, a->paths[i], sys, ids, nids);
        } else {
            sum_ctx c = {a, sys};
            rc = each_jsonl(a->paths[i], add_sum_line, &c);
        }
    }
    free(ids);
    return rc;
}

/* Scores and prints; returns the exit status. */
static int rouge_run(rouge_args *a)
{
    if (!a->metric_flag && (rouge_set_flag(a->r, 'n', "2") || rouge_set_flag(a->r, '2', "4") ||
                            rouge_set_flag(a->r, 'u', NULL)))
        return cli_error(EXIT_USAGE, "rouge: %s", nf_rouge_error(a->r));
    const char *refs = a->paths[a->npaths - 1];
    int rc = each_jsonl(refs, add_refs_line, a);
    if (rc == EXIT_OK && nf_rouge_cluster_count(a->r) == 0)
        rc = cli_error(EXIT_DATA, "%s: no references", refs);
    if (rc == EXIT_OK)
        rc = add_all_summaries(a);
    if (rc == EXIT_OK && nf_rouge_system_count(a->r) == 0)
        rc = cli_error(EXIT_DATA, "no summaries to score");
    if (rc != EXIT_OK)
        return rc;
    if (nf_rouge_score(a->r) != NF_OK)
        return cli_error(EXIT_DATA, "rouge: %s (references: %s)", nf_rouge_error(a->r), refs);
    char *out;
    size_t len;
    /* JSON always carries the per-cluster scores (it is for programs). */
    int per_cluster = a->per_cluster || !strcmp(a->format, "json");
    if (nf_rouge_render(a->r, a->format, per_cluster, &out, &len) != NF_OK)
        return cli_error(EXIT_DATA, "rouge: out of memory");
    fwrite(out, 1, len, stdout);
    nf_free(out);
    return fflush(stdout) ? cli_error(EXIT_DATA, "rouge: cannot write the report") : EXIT_OK;
}

int cmd_rouge(int argc, char **argv)
{
    rouge_args a = {.format = "table", .splitter = "newsfuse"};
    a.r = nf_rouge_new();
    a.paths = calloc((size_t)argc + 1, sizeof *a.paths);
    if (!a.r || !a.paths) {
        nf_rouge_free(a.r);
        free(a.paths);
        return cli_error(EXIT_DATA, "rouge: out of memory");
    }
    int rc = parse_args(&a, argc, argv);
    if (rc == EXIT_OK) {
        char note[128];
        int k = snprintf(note, sizeof note, "split: %s", a.splitter);
        if (a.peer_words > 0)
            snprintf(note + k, sizeof note - (size_t)k, " | peer cut: %ld words", a.peer_words);
        nf_rouge_set(a.r, "note", note);
        rc = rouge_run(&a);
    }
    nf_rouge_free(a.r);
    free(a.paths);
    return rc < 0 ? EXIT_OK : rc;
}
