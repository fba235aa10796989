/* newsfuse split: one sentence per line. */
#include "commands.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void split_usage(FILE *out)
{
    fprintf(out, "usage: newsfuse split [--offsets] [FILE|-]\n\n"
                 "Prints the sentences of FILE (default: standard input), one per line.\n"
                 "  --offsets   print \"START END\" byte offsets instead of the text\n");
}

int cmd_split(int argc, char **argv)
{
    int offsets = 0;
    const char *path = "-";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            split_usage(stdout);
            return EXIT_OK;
        } else if (!strcmp(argv[i], "--offsets"))
            offsets = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return split_usage(stderr), cli_error(EXIT_USAGE, "split: unknown option '%s'", argv[i]);
        else
            path = argv[i];
    }
    size_t len, *spans, n;
    char *text = cli_read_file(path, &len);
    if (!text)
        return EXIT_DATA;
    if (nf_split(text, len, &spans, &n) != NF_OK) {
        free(text);
        return cli_error(EXIT_DATA, "split: out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        if (offsets) {
            printf("%zu %zu\n", spans[2 * i], spans[2 * i + 1]);
            continue;
        }
        /* A sentence may span lines; print it on one. */
        for (size_t k = spans[2 * i]; k < spans[2 * i + 1]; k++)
            putchar(text[k] == '\n' || text[k] == '\r' ? ' ' : text[k]);
        putchar('\n');
    }
    nf_free(spans);
    free(text);
    return EXIT_OK;
}
