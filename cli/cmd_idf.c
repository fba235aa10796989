/* newsfuse idf: background term statistics. "idf build" counts, over a
 * corpus, the documents holding each term as the summarizer tokenizes it
 * and writes the table (TSV) that --idf reads; "idf check" reads one and
 * says what it holds. The counting and the file format are the library's
 * (nf_idf_*); this file reads the inputs and prints. */
#include "commands.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct idf_build {
    nf_idf *table;
    long min_df;
    const char *input; /* a name of nf_reader_formats, NULL for auto */
    size_t bad;        /* lines or files that could not be read */
} idf_build;

static void idf_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse idf build [options] CORPUS... > idf.tsv\n"
            "       newsfuse idf check IDF.tsv\n\n"
            "build counts, for every term, the documents of CORPUS that hold it, with the\n"
            "summarizer's tokens (folded, stemmed, stop words left out), and writes the\n"
            "table that --idf FILE reads (summarize, batch, eval): term weights then come\n"
            "from that corpus instead of the one event. Each report counts once; reports\n"
            "an update set has already read are not counted again.\n"
            "CORPUS: cluster JSONL (the evaluation format), Multi-News lines, article\n"
            "JSONL (one {\"text\": ...} per line), or plain-text files, web pages and\n"
            "directories of them (one document each); - is standard input.\n"
            "Output: a header line \"# newsfuse-idf/1<TAB>language=L<TAB>documents=N<TAB>\n"
            "min_df=K\", then term<TAB>documents lines in byte order of the terms.\n\n"
            "  --language L   stemmer and stop words (default english); summaries using\n"
            "                 the table take its language\n"
            "  --min-df N     leave out terms in fewer than N documents (default 2; a\n"
            "                 term the table lacks weighs as the rarest)\n"
            "  --input NAME   auto (default), text, html, cluster (or jsonl), articles,\n"
            "                 multinews, rss, atom, warc, url (see summarize --help)\n"
            "  --max-line-bytes N  longest JSONL or Multi-News line (default 64 MiB;\n"
            "                 0 = no cap): a longer one is named and skipped\n\n"
            "check reads a table as --idf does and prints its language, documents and\n"
            "terms, or the first error (file:line).\n\n"
            "Exit status: 0 success, 1 bad data (unreadable lines are reported, skipped,\n"
            "and the table of the rest is still written), 2 bad usage.\n");
}

/* Counts one event's reports. */
static int count_event(nf_docset **ds, const nf_reader *r, void *arg)
{
    (void)r;
    idf_build *b = arg;
    int rc = nf_idf_add_docset(b->table, *ds);
    return rc == NF_OK ? EXIT_OK : -cli_error(EXIT_DATA, "idf: %s", nf_idf_error(b->table));
}

/* A line or file that cannot be read: named, skipped, counted. */
static int bad_input(const nf_reader *r, int status, void *arg)
{
    ((idf_build *)arg)->bad++;
    return cli_reader_error(r, cli_reader_is_record(r, status) ? " (line skipped)" : "");
}

/* Counts every report of one input of any format (the library's reader:
 * a text file or a page is one document, a corpus's events each theirs). */
static int read_input(idf_build *b, char *path)
{
    nf_reader *r = cli_reader_open(&path, 1, b->input, NULL);
    int rc = r ? cli_each_event(r, count_event, bad_input, b) : (b->bad++, EXIT_DATA);
    nf_reader_free(r);
    return rc;
}

/* Parses build's flags into b and moves the corpus paths to the front of
 * argv (*npaths of them). Returns EXIT_OK, EXIT_USAGE or -1 after --help. */
static int parse_build_args(idf_build *b, int argc, char **argv, int *npaths)
{
    *npaths = 0;
    for (int i = 1; i < argc; i++) {
        const char *f = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(f, "--help") || !strcmp(f, "-h"))
            return idf_usage(stdout), -1;
        if (f[0] != '-' || !f[1]) {
            argv[(*npaths)++] = argv[i];
            continue;
        }
        if (!v)
            return cli_error(EXIT_USAGE, "idf build: '%s' needs a value or is unknown (see --help)", f);
        i++;
        if (!strcmp(f, "--language")) {
            if (nf_idf_set_language(b->table, v) != NF_OK)
                return cli_error(EXIT_USAGE, "idf build: %s", nf_idf_error(b->table));
        } else if (!strcmp(f, "--min-df")) {
            if ((b->min_df = cli_parse_count(v)) < 1)
                return cli_error(EXIT_USAGE, "idf build: --min-df needs a count of at least 1");
        } else if (!strcmp(f, "--max-line-bytes")) {
            if (cli_set_max_line(v))
                return cli_error(EXIT_USAGE, "idf build: --max-line-bytes takes a byte count (0: no cap)");
        } else if (!strcmp(f, "--input")) {
            if (cli_check_input(v, "idf build") != EXIT_OK)
                return EXIT_USAGE;
            b->input = v;
        } else
            return cli_error(EXIT_USAGE, "idf build: unknown option '%s' (see --help)", f);
    }
    if (!*npaths)
        return idf_usage(stderr), cli_error(EXIT_USAGE, "idf build: no corpus (use - for stdin)");
    return EXIT_OK;
}

/* Writes the table to stdout. */
static int write_table(const idf_build *b)
{
    char *out = NULL;
    size_t len = 0;
    if (nf_idf_render(b->table, b->min_df, &out, &len) != NF_OK)
        return cli_error(EXIT_DATA, "idf build: out of memory");
    int ok = fwrite(out, 1, len, stdout) == len && fflush(stdout) == 0;
    nf_free(out);
    return ok ? EXIT_OK : cli_error(EXIT_DATA, "idf build: cannot write the output");
}

static int idf_build_main(int argc, char **argv)
{
    idf_build b = {.table = nf_idf_new(), .min_df = 2};
    int npaths = 0, rc = b.table ? parse_build_args(&b, argc, argv, &npaths)
                             : cli_error(EXIT_DATA, "out of memory");
    int status = EXIT_OK;
    for (int i = 0; rc == EXIT_OK && i < npaths; i++) {
        int in = read_input(&b, argv[i]);
        if (in < 0)
            rc = -in;
        else if (in != EXIT_OK)
            status = EXIT_DATA;
    }
    if (rc == EXIT_OK && nf_idf_documents(b.table) == 0)
        rc = cli_error(EXIT_DATA, "idf build: no document was read");
    if (rc == EXIT_OK)
        rc = write_table(&b);
    if (rc == EXIT_OK && b.bad)
        cli_error(EXIT_DATA, "idf build: %zu line(s) or file(s) skipped", b.bad);
    nf_idf_free(b.table);
    return rc < 0 ? EXIT_OK : rc != EXIT_OK ? rc : status;
}

static int idf_check_main(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
        return idf_usage(stdout), EXIT_OK;
    if (argc != 2)
        return cli_error(EXIT_USAGE, "idf check: one table at a time (see --help)");
    nf_idf *t = nf_idf_new();
    if (!t)
        return cli_error(EXIT_DATA, "out of memory");
    int rc = nf_idf_read(t, argv[1]);
    if (rc == NF_OK)
        printf("%s: language %s, %zu documents, %zu terms\n", argv[1], nf_idf_language(t),
               nf_idf_documents(t), nf_idf_term_count(t));
    else
        cli_error(EXIT_DATA, "%s", nf_idf_error(t));
    nf_idf_free(t);
    return rc == NF_OK ? EXIT_OK : EXIT_DATA;
}

int cmd_idf(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "build"))
        return idf_build_main(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "check"))
        return idf_check_main(argc - 1, argv + 1);
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
        return idf_usage(stdout), EXIT_OK;
    idf_usage(stderr);
    return cli_error(EXIT_USAGE, "idf: the subcommand is build or check");
}
