/* A small program built against the installed newsfuse library:
 *
 *     cc $(pkg-config --cflags newsfuse) summarize.c $(pkg-config --libs newsfuse) -o summarize
 *     ./summarize 60 report1.txt report2.txt ...
 *
 * prints a summary of at most 60 words of the reports, each sentence with
 * the file it came from. It uses only the public header. */
#include <newsfuse.h>
#include <stdio.h>
#include <stdlib.h>

/* Reads a whole file into a new buffer (free it); NULL on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *s = malloc(cap);
    while (s && (got = fread(s + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap) {
            char *p = realloc(s, cap *= 2);
            if (!p)
                free(s);
            s = p;
        }
    fclose(f);
    *len = n;
    return s;
}

/* Adds every file as one report. Returns 0 or 1. */
static int add_reports(nf_docset *ds, char **paths, int n)
{
    for (int i = 0; i < n; i++) {
        size_t len;
        char *text = read_file(paths[i], &len);
        int rc = text ? nf_docset_add(ds, paths[i], NULL, NULL, text, len) : NF_EIO;
        free(text);
        if (rc != NF_OK) {
            fprintf(stderr, "%s: %s\n", paths[i], nf_strerror(rc));
            return 1;
        }
    }
    return 0;
}

/* Prints each summary sentence with its source file. */
static void print_summary(const nf_summary *s, const nf_docset *ds)
{
    for (size_t i = 0; i < nf_summary_count(s); i++) {
        const char *text;
        size_t doc;
        nf_summary_sentence(s, i, &text, NULL, &doc, NULL, NULL, NULL);
        printf("%s\n    -- %s\n", text, nf_docset_doc_id(ds, doc));
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s WORDS FILE...\n", argv[0]);
        return 2;
    }
    nf_options *opts = nf_options_new();
    nf_docset *ds = nf_docset_new();
    nf_summary *s = NULL;
    int status = !opts || !ds;
    if (!status && nf_options_set(opts, "words", argv[1]) != NF_OK) {
        fprintf(stderr, "words: %s\n", nf_options_error(opts));
        status = 2;
    }
    if (!status)
        status = add_reports(ds, argv + 2, argc - 2);
    if (!status && nf_summarize(ds, opts, &s) == NF_ENOMEM)
        status = 1;
    if (!status) {
        printf("newsfuse %s: %zu sentences\n", nf_version(), nf_summary_count(s));
        print_summary(s, ds);
    }
    nf_summary_free(s);
    nf_docset_free(ds);
    nf_options_free(opts);
    return status;
}
