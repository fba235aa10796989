/* newsfuse summarize: reports in, a sourced summary out. Plain-text files
 * (one report each, or a directory of them, or "-") make one event; a
 * cluster JSONL or Multi-News file makes one event per line, each
 * summarized in order, one output per line. */
#include "commands.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum input_kind { IN_AUTO, IN_TEXT, IN_JSONL, IN_MULTINEWS };

/* cli/input.c: caps the bytes read of each text report (0 = no cap).
 * (Declared here until cli/commands.h carries it.) */

typedef struct sum_args {
    nf_options *opts;
    const char *format; /* a name of nf_formats("summary") */
    enum input_kind kind;
    char **inputs;
    int ninputs;
    char **seen; /* --seen paths: reports already read */
    int nseen;
} sum_args;

static void summarize_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse summarize [options] INPUT...\n\n"
            "INPUT: plain-text files (one report each), directories of them, or - for\n"
            "standard input: together they are one event. A cluster JSONL file (one\n"
            "event per line, the format of the evaluation sets) or a Multi-News file\n"
            "(documents separated by |||||) gives one summary per line, in order.\n\n"
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
            "  --input KIND     auto (default), text, jsonl, multinews\n"
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
            "An empty file, or one that is not text (a known binary format, or mostly\n"
            "NUL, control and invalid UTF-8 bytes), is skipped with a warning naming\n"
            "it; when no report is left, that is bad data.\n\n"
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
            if ((int)(a->kind = (enum input_kind)cli_parse_input_kind(v)) < 0)
                return cli_error(EXIT_USAGE, "summarize: --input must be auto, text, jsonl or multinews");
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

/* Summarizes one document set and prints the result. */
static int summarize_one(const sum_args *a, nf_docset *ds)
{
    if (a->nseen && cli_add_text_inputs_seen(ds, a->seen, a->nseen) != EXIT_OK)
        return EXIT_DATA;
    nf_summary *s = NULL;
    int rc = nf_summarize(ds, a->opts, &s);
    if (rc == NF_ENOMEM || !s)
        return cli_error(EXIT_DATA, "summarize: %s", nf_strerror(rc));
    int ex = print_summary(a, s, ds);
    nf_summary_free(s);
    return ex;
}


/* Emits an error record for a bad line (JSON formats) or a message. */
static void report_bad_line(const sum_args *a, const char *path, long line, const char *id,
                            const char *msg)
{
    if (!strcmp(a->format, "text")) {
        cli_error(EXIT_DATA, "%s:%ld: %s", path, line, msg);
        return;
    }
    char *rec = NULL; /* the library's record: the same bytes batch and the binding write */
    size_t len = 0;
    if (nf_batch_error_record(path, line, id, msg, &rec, &len) == NF_OK)
        printf("%s\n", rec);
    else
        cli_error(EXIT_DATA, "out of memory");
    nf_free(rec);
    fprintf(stderr, "newsfuse: %s:%ld: %s\n", path, line, msg);
}

/* Called by the cluster reader for each event line. */
static int on_cluster(nf_docset *ds, long line, void *arg)
{
    (void)line;
    return summarize_one(arg, ds);
}

/* Called by the cluster reader for each line it cannot read. */
static void on_bad_line(const char *path, long line, const char *id, const char *msg, void *arg)
{
    report_bad_line(arg, path, line, id, msg);
}

/* All inputs as plain-text reports of one event. */
static int summarize_texts(const sum_args *a)
{
    nf_docset *ds = nf_docset_new();
    int status = ds ? cli_add_text_inputs(ds, a->inputs, a->ninputs) : EXIT_DATA;
    if (status == EXIT_OK)
        status = summarize_one(a, ds);
    nf_docset_free(ds);
    return status;
}

int cmd_summarize(int argc, char **argv)
{
    sum_args a = {.format = "text", .kind = IN_AUTO};
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
    if (rc == EXIT_OK) {
        /* Text reports are read only as far as the library will use them. */
        cli_set_text_limit((size_t)strtoull(nf_options_get(a.opts, "max_document_bytes"), NULL, 10));
        enum input_kind kind = a.kind;
        if (kind == IN_AUTO)
            kind = (enum input_kind)cli_detect_input(a.inputs[0]);
        if (kind == IN_TEXT || a.ninputs > 1)
            rc = summarize_texts(&a);
        else
            rc = cli_each_cluster(a.inputs[0], kind == IN_JSONL ? 2 : 3, on_cluster, on_bad_line, &a);
    }
    nf_options_free(a.opts);
    free(a.inputs);
    free(a.seen);
    return rc < 0 ? EXIT_OK : rc;
}
