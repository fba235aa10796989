/* newsfuse idf: background term statistics. "idf build" counts, over a
 * corpus, the documents holding each term as the summarizer tokenizes it
 * and writes the table (TSV) that --idf reads; "idf check" reads one and
 * says what it holds. The counting and the file format are the library's
 * (nf_idf_*); this file reads the inputs and prints. */
#include "commands.h"
#include "newsfuse.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { KIND_AUTO, KIND_TEXT, KIND_JSONL, KIND_MULTINEWS, KIND_ARTICLES };

typedef struct idf_build {
    nf_idf *table;
    long min_df;
    int kind;
    size_t bad; /* lines or files that could not be read */
    const char *path; /* the input being read */
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
            "JSONL (one {\"text\": ...} per line), or plain-text files and directories\n"
            "(one document each); - is standard input (cluster JSONL unless --input).\n"
            "Output: a header line \"# newsfuse-idf/1<TAB>language=L<TAB>documents=N<TAB>\n"
            "min_df=K\", then term<TAB>documents lines in byte order of the terms.\n\n"
            "  --language L   stemmer and stop words (default english); summaries using\n"
            "                 the table take its language\n"
            "  --min-df N     leave out terms in fewer than N documents (default 2; a\n"
            "                 term the table lacks weighs as the rarest)\n"
            "  --input K      auto (default), jsonl, multinews, articles, text\n"
            "  --max-line-bytes N  longest JSONL or Multi-News line (default 64 MiB;\n"
            "                 0 = no cap): a longer one is named and skipped\n\n"
            "check reads a table as --idf does and prints its language, documents and\n"
            "terms, or the first error (file:line).\n\n"
            "Exit status: 0 success, 1 bad data (unreadable lines are reported, skipped,\n"
            "and the table of the rest is still written), 2 bad usage.\n");
}

/* Counts one event's reports. */
static int count_event(nf_docset *ds, long line, void *arg)
{
    (void)line;
    idf_build *b = arg;
    int rc = nf_idf_add_docset(b->table, ds);
    return rc == NF_OK ? EXIT_OK : -cli_error(EXIT_DATA, "idf: %s", nf_idf_error(b->table));
}

static void bad_line(const char *path, long line, const char *id, const char *msg, void *arg)
{
    (void)id;
    ((idf_build *)arg)->bad++;
    cli_error(EXIT_DATA, "%s:%ld: %s (line skipped)", path, line, msg);
}

/* Counts one article line ({"text": ..., other fields ignored}). */
static int article_line(idf_build *b, const char *path, long lineno, const char *line, size_t n)
{
    json_error_t e;
    json_t *root = json_loadb(line, n, 0, &e);
    json_t *text = root ? json_object_get(root, "text") : NULL;
    int rc = EXIT_OK;
    if (!root)
        rc = cli_error(EXIT_DATA, "%s:%ld: column %d: %s (line skipped)", path, lineno, e.column,
                       e.text);
    else if (!json_is_string(text))
        rc = cli_error(EXIT_DATA, "%s:%ld: an article needs a \"text\" string (line skipped)", path,
                       lineno);
    nf_docset *ds = rc == EXIT_OK ? nf_docset_new() : NULL;
    if (rc == EXIT_OK && (!ds || nf_docset_add(ds, NULL, NULL, NULL, json_string_value(text),
                                               json_string_length(text)) != NF_OK))
        rc = -cli_error(EXIT_DATA, "out of memory");
    if (rc == EXIT_OK)
        rc = count_event(ds, lineno, b);
    if (rc == EXIT_DATA)
        b->bad++;
    nf_docset_free(ds);
    json_decref(root);
    return rc;
}

/* One article line for read_articles (line NULL: too long, skipped). */
static int idf_article_line(const char *line, size_t n, long lineno, void *arg)
{
    idf_build *b = arg;
    if (line)
        return article_line(b, b->path, lineno, line, n);
    char msg[96];
    cli_line_too_long(msg, sizeof msg);
    bad_line(b->path, lineno, NULL, msg, b);
    return EXIT_DATA;
}

/* Reads an article JSONL file, one report per line. */
static int read_articles(idf_build *b, const char *path)
{
    b->path = path;
    return cli_each_line(path, idf_article_line, b);
}

/* Returns 1 if the first non-blank line of path is a JSON object with a
 * "text" and no "documents" (article JSONL), else 0. */
static int looks_like_articles(const char *path)
{
    size_t n;
    const char *head = cli_input_head(path, 1, &n);
    size_t i = 0;
    while (head && i < n && (head[i] == '\n' || head[i] == '\r' || head[i] == ' ' || head[i] == '\t'))
        i++;
    const char *end = head ? memchr(head + i, '\n', n - i) : NULL;
    json_t *root = head ? json_loadb(head + i, (end ? (size_t)(end - head) : n) - i, 0, NULL) : NULL;
    int yes = json_is_object(root) && json_object_get(root, "text") &&
              !json_object_get(root, "documents");
    json_decref(root);
    return yes;
}

/* Counts plain-text input: each file one document. */
static int read_text(idf_build *b, char *path)
{
    nf_docset *ds = nf_docset_new();
    if (!ds)
        return cli_error(EXIT_DATA, "out of memory");
    int rc = cli_add_text_inputs(ds, &path, 1);
    if (rc == EXIT_OK && count_event(ds, 0, b) != EXIT_OK)
        rc = EXIT_DATA;
    else if (rc != EXIT_OK)
        b->bad++;
    nf_docset_free(ds);
    return rc;
}

/* Counts one input of any kind. */
static int read_input(idf_build *b, char *path)
{
    int kind = b->kind;
    if (kind == KIND_AUTO)
        kind = cli_detect_input(path);
    if (kind == KIND_JSONL && looks_like_articles(path))
        kind = KIND_ARTICLES;
    if (kind == KIND_TEXT)
        return read_text(b, path);
    if (kind == KIND_ARTICLES)
        return read_articles(b, path);
    return cli_each_cluster(path, kind, count_event, bad_line, b);
}

/* Parses build's flags into b and moves the corpus paths to the front of
 * argv (*npaths of them). Returns EXIT_OK, EXIT_USAGE or -1 after --help. */
static int parse_build_args(idf_build *b, int argc, char **argv, int *npaths)
{
    static const char *const kinds[] = {"auto", "text", "jsonl", "multinews", "articles"};
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
            for (b->kind = 0; b->kind < 5 && strcmp(v, kinds[b->kind]); b->kind++)
                ;
            if (b->kind == 5)
                return cli_error(EXIT_USAGE, "idf build: --input must be auto, jsonl, multinews, "
                                             "articles or text");
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
    for (int i = 0; rc == EXIT_OK && i < npaths; i++)
        if (read_input(&b, argv[i]) != EXIT_OK)
            status = EXIT_DATA;
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
