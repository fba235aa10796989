/* newsfuse facts: the figure sheet of reports about one event. Inputs are
 * read as by summarize, through the library's reader: reports (text
 * files, web pages, directories, "-") make one event; a corpus gives one
 * sheet per event. */
#include "commands.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct facts_args {
    nf_options *opts;
    const char *format; /* a name of nf_formats("facts") */
    const char *input;  /* a name of nf_reader_formats, NULL for auto */
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
            "INPUT: reports (plain-text files or saved web pages, in the order given;\n"
            "a directory's files in name order; - for standard input; the articles of\n"
            "a feed, a WARC file or a URL): together one event; a report's date\n"
            "orders its figures in time. A corpus (cluster\n"
            "JSONL, article JSONL, Multi-News) gives one sheet per event.\n\n"
            "  --format F   text (default), json, jsonl (schema newsfuse/2), md\n"
            "  --input NAME auto (default), text, html, cluster (or jsonl), articles,\n"
            "               multinews, rss, atom, warc, url (see summarize --help)\n"
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
            if (cli_check_input(v, "facts") != EXIT_OK)
                return EXIT_USAGE;
            a->input = v;
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
static int facts_one(const facts_args *a, nf_docset *ds)
{
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

static int on_event(nf_docset **ds, const nf_reader *r, void *arg)
{
    (void)r;
    int rc = facts_one(arg, *ds);
    fflush(stdout);
    return rc;
}

/* Makes the sheet of every event the inputs hold, in order; a record that
 * cannot be read is named and skipped. */
static int facts_inputs(const facts_args *a)
{
    nf_reader *r = cli_reader_open(a->inputs, a->ninputs, a->input, a->opts);
    int rc = r ? cli_each_event(r, on_event, NULL, (void *)a) : EXIT_DATA;
    nf_reader_free(r);
    return rc;
}

int cmd_facts(int argc, char **argv)
{
    facts_args a = {.format = "text"};
    a.opts = nf_options_new();
    a.inputs = calloc((size_t)argc, sizeof *a.inputs);
    int rc = a.opts && a.inputs ? parse_args(&a, argc, argv) : cli_error(EXIT_DATA, "out of memory");
    if (rc == EXIT_OK)
        rc = facts_inputs(&a);
    nf_options_free(a.opts);
    free(a.inputs);
    return rc < 0 ? EXIT_OK : rc;
}
