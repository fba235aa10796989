/* newsfuse cluster: a stream of articles grouped into events, one pass in
 * the order given (nf_clusterer_*). Each input is read by its own reader,
 * one article at a time (the reader's group article); what the events are
 * is said per article (jsonl), or per event as it ends (text), and
 * --events writes each ended event as a line of cluster JSONL. */
#include "commands.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cluster_args {
    const char *format; /* text, jsonl, or none (batch --cluster) */
    const char *input;  /* a name of nf_reader_formats, NULL for auto */
    const char *events; /* --events FILE, or NULL */
    char **inputs;
    int ninputs;
    nf_clusterer *c;
    FILE *events_out;
} cluster_args;

static void cluster_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse cluster [options] ARTICLES...\n\n"
            "Groups a stream of articles into events, in one pass in the order given:\n"
            "each article joins the best active event or opens a new one (words of its\n"
            "body and title, its names, its date, learned weights). An event with\n"
            "nothing new for --window-days of the stream's time ends.\n\n"
            "ARTICLES: article JSONL ({\"id\",\"date\",\"title\",\"text\"} per line, in stream\n"
            "order), cluster JSONL (each document an article), text files or web pages\n"
            "(each one article; a directory's files in name order), feeds, WARC (read\n"
            "one record at a time), or - for standard input; inputs are read one after\n"
            "the other.\n\n"
            "  --format F          text (default): each event as it ends, its articles'\n"
            "                      dates, ids and titles; jsonl: one line per article,\n"
            "                      {\"id\", \"event\", \"opened\"}, as it comes\n"
            "  --events FILE       write each event as a line of cluster JSONL (what\n"
            "                      summarize, facts and batch read), as it ends\n"
            "  --window-days N     an event with no article within N days of the latest\n"
            "                      date ends (default 365; 0: never)\n"
            "  --window-articles N an undated event ends after N articles without one\n"
            "                      of its own (default 5000; 0: never)\n"
            "  --threshold X       the score to join an event (default: the learned\n"
            "                      one; higher: more, smaller events)\n"
            "  --input NAME        the inputs' format (default auto; see summarize --help)\n"
            "  --language L        stemmer and stop words (default english)\n"
            "  --max-line-bytes N  the longest line of a corpus\n\n"
            "An article without text is skipped with an error, a copy (same id or same\n"
            "text) joins its first copy's event with a warning.\n"
            "Exit status: 0 success, 1 bad data (the rest is still clustered), 2 bad usage.\n");
}

/* Maps --some-key VALUE onto the clusterer's some_key. */
static int set_key(cluster_args *a, const char *flag, const char *v)
{
    char key[32];
    size_t n = strlen(flag + 2);
    if (n >= sizeof key)
        return cli_error(EXIT_USAGE, "cluster: unknown option '%s' (see --help)", flag);
    for (size_t i = 0; i <= n; i++)
        key[i] = flag[2 + i] == '-' ? '_' : flag[2 + i];
    if (nf_clusterer_set(a->c, key, v) != NF_OK)
        return cli_error(EXIT_USAGE, "cluster: %s: %s", flag, nf_clusterer_error(a->c));
    return EXIT_OK;
}

/* Parses the command line: EXIT_OK, EXIT_USAGE, or -1 after --help. */
static int parse_args(cluster_args *a, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "--help") || !strcmp(f, "-h"))
            return cluster_usage(stdout), -1;
        if (f[0] != '-' || !f[1]) {
            a->inputs[a->ninputs++] = argv[i];
            continue;
        }
        if (strncmp(f, "--", 2) || i + 1 >= argc)
            return cli_error(EXIT_USAGE, "cluster: '%s' needs a value or is unknown (see --help)", f);
        const char *v = argv[++i];
        int rc = EXIT_OK;
        if (!strcmp(f, "--format")) {
            if (strcmp(v, "text") && strcmp(v, "jsonl"))
                return cli_error(EXIT_USAGE, "cluster: --format must be text or jsonl");
            a->format = v;
        } else if (!strcmp(f, "--input"))
            rc = cli_check_input(v, "cluster") == EXIT_OK ? (a->input = v, EXIT_OK) : EXIT_USAGE;
        else if (!strcmp(f, "--events"))
            a->events = v;
        else if (!strcmp(f, "--max-line-bytes"))
            rc = cli_set_max_line(v) ? cli_error(EXIT_USAGE, "cluster: --max-line-bytes takes a "
                                                 "byte count") : EXIT_OK;
        else
            rc = set_key(a, f, v);
        if (rc)
            return rc;
    }
    if (!a->ninputs)
        return cluster_usage(stderr), cli_error(EXIT_USAGE, "cluster: no input (use - for stdin)");
    return EXIT_OK;
}

/* Writes the events that ended: text on stdout, cluster JSONL to --events. */
static int write_retired(cluster_args *a)
{
    const char *const *ids;
    size_t n = nf_clusterer_retired(a->c, &ids);
    int rc = EXIT_OK;
    for (size_t k = 0; k < n; k++) {
        nf_docset *ev = nf_clusterer_take(a->c, ids[k]);
        char *out = NULL;
        size_t len;
        if (ev && !strcmp(a->format, "text")) {
            if (nf_event_render(ev, "text", &out, &len) != NF_OK)
                rc = cli_error(EXIT_DATA, "cluster: out of memory");
            else
                fwrite(out, 1, len, stdout);
            nf_free(out), out = NULL;
        }
        if (ev && a->events_out) {
            if (nf_event_render(ev, "cluster", &out, &len) != NF_OK)
                rc = cli_error(EXIT_DATA, "cluster: out of memory");
            else if (fwrite(out, 1, len, a->events_out) != len)
                rc = cli_error(EXIT_DATA, "cluster: cannot write %s", a->events);
            nf_free(out);
        }
        nf_docset_free(ev);
    }
    return rc;
}

/* Clusters the one article of ds. */
static int on_article(nf_docset **ds, const nf_reader *r, void *arg)
{
    cluster_args *a = arg;
    const char *event;
    int opened, rc = EXIT_OK;
    for (size_t i = 0; i < nf_docset_count(*ds); i++) {
        int st = nf_clusterer_add(a->c, *ds, i, &event, &opened);
        const char *file = nf_reader_file(r);
        long line = nf_reader_line(r);
        if (st != NF_OK) {
            if (line > 0)
                cli_error(EXIT_DATA, "%s:%ld: %s", file, line, nf_clusterer_error(a->c));
            else
                cli_error(EXIT_DATA, "%s: %s", file ? file : "-", nf_clusterer_error(a->c));
            if (st == NF_ENOMEM)
                return -1;
            rc = EXIT_DATA;
            continue;
        }
        if (nf_clusterer_warning(a->c))
            fprintf(stderr, "newsfuse: warning: %s\n", nf_clusterer_warning(a->c));
        if (!strcmp(a->format, "jsonl")) {
            char *out = NULL;
            size_t len;
            if (nf_clusterer_render_last(a->c, &out, &len) != NF_OK)
                return cli_error(EXIT_DATA, "cluster: out of memory"), -1;
            fwrite(out, 1, len, stdout);
            nf_free(out);
        }
        if (write_retired(a))
            return -1;
    }
    return rc;
}

static int cluster_inputs(cluster_args *a)
{
    int status = EXIT_OK;
    for (int k = 0; k < a->ninputs && status >= 0; k++) {
        nf_reader *r = cli_reader_open(&a->inputs[k], 1, a->input, NULL);
        int rc = r && nf_reader_set(r, "group", "article") == NF_OK ? EXIT_OK : EXIT_DATA;
        if (rc == EXIT_OK)
            rc = cli_each_event(r, on_article, NULL, a);
        nf_reader_free(r);
        if (rc != EXIT_OK)
            status = rc < 0 ? rc : EXIT_DATA;
    }
    if (status >= 0 && (nf_clusterer_finish(a->c) != NF_OK || write_retired(a)))
        status = -1;
    return status < 0 ? EXIT_DATA : status;
}

int cli_cluster_events(char **inputs, int n, const char *input, FILE *events, const char *name)
{
    cluster_args a = {.format = "none", .input = input, .events = name, .inputs = inputs,
                      .ninputs = n, .events_out = events};
    if (nf_clusterer_new(&a.c) != NF_OK || nf_clusterer_set(a.c, "keep", "1") != NF_OK) {
        nf_clusterer_free(a.c);
        return cli_error(EXIT_DATA, "out of memory");
    }
    int rc = cluster_inputs(&a);
    nf_clusterer_free(a.c);
    return rc;
}

int cmd_cluster(int argc, char **argv)
{
    cluster_args a = {.format = "text"};
    a.inputs = calloc((size_t)argc, sizeof *a.inputs);
    int rc = a.inputs && nf_clusterer_new(&a.c) == NF_OK ? parse_args(&a, argc, argv)
                                                           : cli_error(EXIT_DATA, "out of memory");
    if (rc == EXIT_OK && (a.events || !strcmp(a.format, "text")))
        nf_clusterer_set(a.c, "keep", "1");
    if (rc == EXIT_OK && a.events && !(a.events_out = fopen(a.events, "w")))
        rc = cli_error(EXIT_USAGE, "cluster: cannot write %s", a.events);
    if (rc == EXIT_OK)
        rc = cluster_inputs(&a);
    if (a.events_out && fclose(a.events_out) && rc == EXIT_OK)
        rc = cli_error(EXIT_DATA, "cluster: cannot write %s", a.events);
    nf_clusterer_free(a.c);
    free(a.inputs);
    return rc < 0 ? EXIT_OK : rc;
}
