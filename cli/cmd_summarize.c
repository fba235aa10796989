/* newsfuse summarize: reports in, a sourced summary out. The inputs are
 * read by the library's reader: reports (text files, web pages, a
 * directory of them, or "-") make one event; a corpus (cluster JSONL,
 * article JSONL, Multi-News) gives its events, each summarized in order,
 * one output per event, an error record in place of a record that cannot
 * be read. */
#include "commands.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sum_args {
    nf_options *opts;
    const char *format; /* a name of nf_formats("summary") */
    const char *input;  /* a name of nf_reader_formats, NULL for auto */
    char **inputs;
    int ninputs;
    char **seen; /* --seen paths: reports already read */
    int nseen;
    nf_docset *seen_ds; /* their reports, read once */
} sum_args;

static void summarize_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse summarize [options] INPUT...\n\n"
            "INPUT: reports (plain-text files, saved web pages, directories of them,\n"
            "or - for standard input): together they are one event; a web page's\n"
            "article text is its report, with its title and date. Feeds (RSS, Atom),\n"
            "web archives (WARC, plain or gzip) and URLs (http://, https://, fetched)\n"
            "are reports too: each article in them (an item, an HTML response, the\n"
            "page) is a report of that one event. Or one corpus: a\n"
            "cluster JSONL file (one event per line, the format of the evaluation\n"
            "sets), article JSONL (one article per line; consecutive lines of one\n"
            "\"event\" make an event, and without \"event\" the file is one event) or\n"
            "Multi-News lines (documents separated by |||||): one summary per event,\n"
            "in order.\n\n"
            "length (the summary never exceeds it; default 100 words):\n"
            "  --words N        at most N words; 0: no word budget, and with no other\n"
            "                   every sentence the method keeps (most of the input for\n"
            "                   most methods; --order rank ranks them)\n"
            "  --sentences N    at most N sentences (0: no such budget, the default)\n"
            "  --bytes N        at most N bytes (0: no such budget, the default)\n"
            "  --ratio R        at most R times the input's words (0 < R <= 1)\n"
            "  --cut            fill the budget exactly, cutting the last sentence\n"
            "                   (the ROUGE convention)\n"

            "  --facts          add the figure sheet: every figure, who gives it, and\n"
            "                   where the reports disagree (see newsfuse facts)\n"
            "method and text:\n"
            "  --method NAME    see --list-methods (default concept)\n"
            "  --list-methods   print the method names, one per line\n"
            "  --language L     stemming and stop words (default english)\n"
            "  --order O        date (reading order, default) or rank\n"
            "  --min-words N    shortest sentence a summary may use (default 6)\n"
            "  --standalone     only sentences that stand alone: no half of a\n"
            "                   quotation, and a sentence opening with He, She, This,\n"
            "                   But... only with the sentence before it (costs a\n"
            "                   little ROUGE: see doc/METHODS.md)\n"
            "  --query TEXT     favour what answers this question or topic (default:\n"
            "                   a cluster's \"topic\", as in DUC 2006/2007)\n"
            "  --seen PATH      a report (file or directory) already read: the summary\n"
            "                   says what is new (repeatable). In a JSONL file, update\n"
            "                   sets B, C... of a topic are summarized having read the\n"
            "                   earlier sets of the same topic (DUC 2007)\n"
            "  --idf FILE       term weights from a background table (newsfuse idf\n"
            "                   build): the tf-idf methods count its documents with the\n"
            "                   event's sentences; the language follows the table\n"
            "input and output:\n"
            "  --input NAME     the input's format, recognised by default (auto):\n"
            "                   auto, text, html, cluster (or jsonl), articles, multinews,\n"
            "                   rss, atom, warc, url\n"
            "  --format F       text (default), json, jsonl (schema newsfuse/2)\n"
            "limits (a warning says when one cut something; 0 = no limit):\n"
            "  --max-document-bytes N  use at most N bytes of each report (default\n"
            "                   8 MiB); a text file is read no further\n"
            "  --max-sentences N  read at most N sentences per event (default 200000)\n"
            "  --max-seconds S  stop selecting after S seconds per event (default 30);\n"
            "                   if the method has chosen nothing by then, the summary\n"
            "                   takes the lead sentences\n"
            "  --max-line-bytes N  longest JSONL or Multi-News line (default 64 MiB): a\n"
            "                   longer one becomes an error record, the rest are read\n\n"
            "An empty file, one that is not text (a known binary format, or mostly\n"
            "NUL, control and invalid UTF-8 bytes) or a page without article text is\n"
            "skipped with a warning naming it; when no report is left, that is bad\n"
            "data. A text file that is not UTF-8 but reads as Windows-1252 (Latin-1)\n"
            "is decoded, with a warning. A feed item or WARC record that cannot be\n"
            "read is named (file, item or record and byte), the others are read;\n"
            "records a WARC file holds besides HTML pages are counted in a warning.\n"
            "Warnings go to standard error, and into the \"warnings\" of JSON output.\n\n"
            "Exit status: 0 success, 1 bad data (other events are still summarized),\n"
            "2 bad usage.\n");
}

static int parse_args(sum_args *a, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "--help") || !strcmp(f, "-h"))
            return summarize_usage(stdout), -1;
        if (!strcmp(f, "--list-methods")) {
            for (const char *const *m = nf_methods(); *m; m++)
                puts(*m);
            return -1;
        }
        if (f[0] != '-' || !f[1]) {
            a->inputs[a->ninputs++] = argv[i];
            continue;
        }
        if (cli_set_switch(a->opts, f))
            continue;
        if (strncmp(f, "--", 2) || i + 1 >= argc)
            return cli_error(EXIT_USAGE, "summarize: '%s' needs a value or is unknown (see --help)", f);
        const char *v = argv[++i];
        if (!strcmp(f, "--format")) {
            if (!cli_in_list(nf_formats("summary"), v))
                return cli_error(EXIT_USAGE, "summarize: --format must be text, json or jsonl");
            a->format = v;
        } else if (!strcmp(f, "--seen")) {
            a->seen[a->nseen++] = argv[i];
        } else if (!strcmp(f, "--input")) {
            if (cli_check_input(v, "summarize") != EXIT_OK)
                return EXIT_USAGE;
            a->input = v;
        } else {
            int rc = cli_set_option(a->opts, f, v, "summarize");
            if (rc)
                return rc;
        }
    }
    if (!a->ninputs)
        return summarize_usage(stderr), cli_error(EXIT_USAGE, "summarize: no input (use - for stdin)");
    return EXIT_OK;
}

/* Prints a summary in the chosen format, its warnings on stderr for text. */
static int print_summary(const sum_args *a, const nf_summary *s, const nf_docset *ds)
{
    char *out;
    size_t len;
    if (nf_summary_render(s, a->format, &out, &len) != NF_OK)
        return cli_error(EXIT_DATA, "out of memory");
    fwrite(out, 1, len, stdout);
    int text = !strcmp(a->format, "text");
    if (!text)
        putchar('\n');
    nf_free(out);
    if (text)
        for (size_t i = 0; i < nf_summary_warning_count(s); i++)
            fprintf(stderr, "newsfuse: warning: %s%s%s\n", nf_docset_id(ds) ? nf_docset_id(ds) : "",
                    nf_docset_id(ds) ? ": " : "", nf_summary_warning(s, i));
    return EXIT_OK;
}

/* Summarizes one document set (with the --seen reports) and prints the
 * result. */
static int summarize_one(const sum_args *a, nf_docset *ds)
{
    for (size_t i = 0; i < nf_docset_count(a->seen_ds); i++)
        if (nf_docset_copy_report(ds, a->seen_ds, i, NULL, NULL, NULL, 1) != NF_OK)
            return cli_error(EXIT_DATA, "out of memory");
    nf_summary *s = NULL;
    int rc = nf_summarize(ds, a->opts, &s);
    if (rc == NF_ENOMEM || !s)
        return cli_error(EXIT_DATA, "summarize: %s", nf_strerror(rc));
    int ex = print_summary(a, s, ds);
    nf_summary_free(s);
    return ex;
}

/* An error of the reader: a record's gets an error record in its place
 * (JSON formats); every one is said. */
static int on_error(const nf_reader *r, int status, void *arg)
{
    const sum_args *a = arg;
    if (!cli_reader_is_record(r, status) || !strcmp(a->format, "text"))
        return cli_reader_error(r, "");
    char *rec = NULL; /* the library's record: the same bytes batch and the binding write */
    size_t len = 0;
    if (nf_batch_error_record(nf_reader_file(r), nf_reader_line(r), nf_reader_record_id(r),
                              nf_reader_error(r), &rec, &len) == NF_OK)
        printf("%s\n", rec);
    else
        cli_error(EXIT_DATA, "out of memory");
    nf_free(rec);
    fflush(stdout);
    return cli_reader_error(r, "");
}

static int on_event(nf_docset **ds, const nf_reader *r, void *arg)
{
    (void)r;
    int rc = summarize_one(arg, *ds);
    fflush(stdout);
    return rc;
}

/* A --seen input's event: its reports join those already read. */
static int on_seen(nf_docset **ds, const nf_reader *r, void *arg)
{
    (void)r;
    sum_args *a = arg;
    for (size_t i = 0; i < nf_docset_count(*ds); i++)
        if (nf_docset_copy_report(a->seen_ds, *ds, i, NULL, NULL, NULL, 0) != NF_OK)
            return cli_error(EXIT_DATA, "out of memory");
    return EXIT_OK;
}

static int on_seen_error(const nf_reader *r, int status, void *arg)
{
    (void)status, (void)arg;
    return cli_reader_error(r, " (--seen)");
}

/* Reads the inputs (or, seen, the --seen inputs once: their reports, of
 * every event, are the ones already read) and summarizes every event. */
static int read_inputs(sum_args *a, int seen)
{
    nf_reader *r = seen ? cli_reader_open(a->seen, a->nseen, NULL, a->opts)
                        : cli_reader_open(a->inputs, a->ninputs, a->input, a->opts);
    if (!r || (seen && !(a->seen_ds = nf_docset_new()))) {
        nf_reader_free(r);
        return EXIT_DATA;
    }
    int rc = seen ? cli_each_event(r, on_seen, on_seen_error, a) : cli_each_event(r, on_event, on_error, a);
    nf_reader_free(r);
    return rc;
}

int cmd_summarize(int argc, char **argv)
{
    sum_args a = {.format = "text"};
    a.opts = nf_options_new();
    a.inputs = calloc((size_t)argc, sizeof *a.inputs);
    a.seen = calloc((size_t)argc, sizeof *a.seen);
    if (!a.opts || !a.inputs || !a.seen) {
        free(a.seen);
        nf_options_free(a.opts);
        free(a.inputs);
        return cli_error(EXIT_DATA, "out of memory");
    }
    int rc = parse_args(&a, argc, argv);
    if (rc == EXIT_OK && a.nseen)
        rc = read_inputs(&a, 1);
    if (rc == EXIT_OK)
        rc = read_inputs(&a, 0);
    nf_docset_free(a.seen_ds);
    nf_options_free(a.opts);
    free(a.inputs);
    free(a.seen);
    return rc < 0 ? EXIT_OK : rc;
}
