/* newsfuse facts: the figure sheet of reports about one event. Inputs are
 * read as by summarize: plain-text files, directories or "-" make one
 * event; a cluster JSONL or Multi-News file gives one sheet per line. */
#include "commands.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct facts_args {
    nf_options *opts;
    const char *format; /* a name of nf_formats("facts") */
    int kind;           /* 0 auto, 1 text, 2 cluster JSONL, 3 Multi-News */
    char **inputs;
    int ninputs;
} facts_args;

static void facts_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse facts [options] INPUT...\n\n"
            "The figure sheet: every count, amount and date the reports give, what is\n"
            "counted and what happened to it (killed, injured, missing, freed, held...),\n"
            "who says so, grouped across reports and labelled agree, revised (a later\n"
            "report or \"rose to\" gives a new value), conflict, or single.\n\n"
            "INPUT: plain-text files (one report each, in the order given; a directory's\n"
            "files in name order), or - for standard input: together one event. A\n"
            "cluster JSONL or Multi-News file gives one sheet per line.\n\n"
            "  --format F   text (default), json, jsonl (schema newsfuse/2), md\n"
            "  --input K    auto (default), text, jsonl, multinews\n"
            "  --max-figures N  at most N figures, whole sentences' worth (default\n"
            "               10000; 0 = no limit; a warning says what it cut)\n"
            "  and summarize's --language and limits: --max-document-bytes,\n"
            "  --max-sentences, --max-seconds, --max-line-bytes (see summarize --help)\n\n"
            "Exit status: 0 success, 1 bad data, 2 bad usage.\n");
}

/* Parses the command line: EXIT_OK, EXIT_USAGE, or -1 after --help. */
static int parse_args(facts_args *a, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "--help") || !strcmp(f, "-h"))
            return facts_usage(stdout), -1;
        if (f[0] != '-' || !f[1]) {
            a->inputs[a->ninputs++] = argv[i];
            continue;
        }
        if (strncmp(f, "--", 2) || i + 1 >= argc)
            return cli_error(EXIT_USAGE, "facts: '%s' needs a value or is unknown (see --help)", f);
        const char *v = argv[++i];
        if (!strcmp(f, "--format")) {
            if (!cli_in_list(nf_formats("facts"), v))
                return cli_error(EXIT_USAGE, "facts: --format must be text, json, jsonl or md");
            a->format = v;
        } else if (!strcmp(f, "--input")) {
            if ((a->kind = cli_parse_input_kind(v)) < 0)
                return cli_error(EXIT_USAGE, "facts: --input must be auto, text, jsonl or multinews");
        } else {
            int rc = cli_set_option(a->opts, f, v, "facts");
            if (rc)
                return rc;
        }
    }
    if (!a->ninputs)
        return facts_usage(stderr), cli_error(EXIT_USAGE, "facts: no input (use - for stdin)");
    return EXIT_OK;
}

/* Makes and prints the sheet of one document set. */
static int facts_one(nf_docset *ds, long line, void *arg)
{
    (void)line;
    const facts_args *a = arg;
    nf_facts_sheet *sh = NULL;
    int rc = nf_facts(ds, a->opts, &sh);
    if (!sh)
        return cli_error(EXIT_DATA, "facts: %s", nf_strerror(rc));
    char *out = NULL;
    size_t len = 0;
    rc = nf_facts_render(sh, a->format, &out, &len);
    if (rc == NF_OK) {
        fwrite(out, 1, len, stdout);
        if (strcmp(a->format, "text") && strcmp(a->format, "md"))
            putchar('\n');
        if (!strcmp(a->format, "text"))
            for (size_t i = 0; i < nf_facts_warning_count(sh); i++)
                fprintf(stderr, "newsfuse: warning: %s\n", nf_facts_warning(sh, i));
    }
    nf_free(out);
    nf_facts_free(sh);
    return rc == NF_OK ? EXIT_OK : cli_error(EXIT_DATA, "facts: %s", nf_strerror(rc));
}

static void on_bad_line(const char *path, long line, const char *id, const char *msg, void *arg)
{
    (void)arg, (void)id;
    cli_error(EXIT_DATA, "%s:%ld: %s", path, line, msg);
}

/* All inputs as plain-text reports of one event. */
static int facts_texts(facts_args *a)
{
    nf_docset *ds = nf_docset_new();
    int status = ds ? cli_add_text_inputs(ds, a->inputs, a->ninputs) : EXIT_DATA;
    if (status == EXIT_OK)
        status = facts_one(ds, 0, a);
    nf_docset_free(ds);
    return status;
}

int cmd_facts(int argc, char **argv)
{
    facts_args a = {.format = "text"};
    a.opts = nf_options_new();
    a.inputs = calloc((size_t)argc, sizeof *a.inputs);
    int rc = a.opts && a.inputs ? parse_args(&a, argc, argv) : cli_error(EXIT_DATA, "out of memory");
    if (rc == EXIT_OK) {
        /* Text reports are read only as far as the library will use them. */
        cli_set_text_limit((size_t)strtoull(nf_options_get(a.opts, "max_document_bytes"), NULL, 10));
        int kind = a.kind ? a.kind : cli_detect_input(a.inputs[0]);
        if (kind == 1 || a.ninputs > 1)
            rc = facts_texts(&a);
        else
            rc = cli_each_cluster(a.inputs[0], kind, facts_one, on_bad_line, &a);
    }
    nf_options_free(a.opts);
    free(a.inputs);
    return rc < 0 ? EXIT_OK : rc;
}
