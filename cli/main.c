/* newsfuse: the command-line front end. It only parses arguments, calls the
 * library and prints; every subcommand lives in cli/cmd_<name>.c. */
#include "commands.h"
#include "newsfuse.h"
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};


static const struct command commands[] = {
    {"summarize", cmd_summarize, "summarize reports about one event (or each cluster of a JSONL file)"},
    {"facts", cmd_facts, "the figure sheet: who gives which number, where the reports disagree"},
    {"batch", cmd_batch, "summarize every event of a JSONL corpus on all cores, in bounded memory"},
    {"cluster", cmd_cluster, "group a stream of articles into events, in one pass (ids, or cluster JSONL)"},
    {"extract", cmd_extract, "the article text and metadata of saved web pages (HTML)"},
    {"split", cmd_split, "print the sentences of a text, one per line"},
    {"rouge", cmd_rouge, "score summaries against references exactly as ROUGE-1.5.5 does"},
    {"idf", cmd_idf, "background term statistics of a corpus, for --idf (idf build, idf check)"},
    {"eval", cmd_eval, "summarize an evaluation set and score it with its standard ROUGE settings"},
    {"track", cmd_track, "group a stream of articles into events, kept in a database, with what changed"},
    {"serve", cmd_serve, "the HTTP/JSON API and the web page, on 127.0.0.1 by default"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: newsfuse COMMAND [options] [args]\n\n"
                 "Summaries of several news reports about one event, each sentence linked\n"
                 "to its source.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'newsfuse COMMAND --help' describes one command.\n"
                 "Exit status: 0 success, 1 bad or unreadable data, 2 bad usage.\n");
}

/* Each summary frees and takes again the same few megabytes; by default
 * glibc gives them back to the system every time (mmap for large blocks,
 * trimming the heap top), and the page faults that follow cost as much as
 * the summarizing (DUC 2004 dev: 2,800 faults and ~190 ms of CPU, against
 * 970 and ~100 ms with 16 MiB thresholds). Keeping up to 16 MiB per
 * allocation arena leaves memory bounded. */
static void tune_allocator(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
#endif
}

int main(int argc, char **argv)
{
    tune_allocator();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(name, "--version")) {
        printf("newsfuse %s\n", nf_version());
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(name, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "newsfuse: unknown command '%s'\n", name);
    usage(stderr);
    return EXIT_USAGE;
}
