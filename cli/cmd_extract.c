/* newsfuse extract: the article text of saved web pages (nf_page_extract),
 * as text or as one JSON object per page. */
#include "commands.h"
#include "newsfuse.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most extract reads of one page. */
#define EXTRACT_MAX_BYTES ((size_t)64 << 20)

static void extract_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse extract [--format text|json|jsonl] [--url URL] PAGE...\n\n"
            "Prints the article text of each saved web page (\"-\": standard input):\n"
            "the body without navigation, banners, share bars, related links, comments,\n"
            "captions and footer; paragraphs separated by a blank line.\n"
            "  --format text   the text (the default); several pages each under a\n"
            "                  line \"==> PAGE <==\"\n"
            "  --format json   one JSON object per page: source, text, title, date,\n"
            "                  updated, author, site, language, url, charset, warnings\n"
            "  --format jsonl  the same, one object per line\n"
            "  --url URL       the page's address (one page only): a date in it, and\n"
            "                  the canonical URL when the page gives none\n"
            "Any charset is read (to UTF-8; a guess is warned about). A page is read\n"
            "to 64 MiB at most.\n\n"
            "Exit status: 0 success; 1 a page could not be read, is not a web page or\n"
            "holds no article text (the other pages are still printed; a bad page\n"
            "gets {\"source\",\"error\"} in JSON); 2 bad usage.\n");
}

/* Prints the error of a page that could not be read: on stderr, and as
 * {"source","error"} in JSON formats. Returns EXIT_DATA. */
static int extract_bad(const char *path, const char *format, const char *msg)
{
    cli_error(EXIT_DATA, "extract: %s: %s", path, msg);
    if (strcmp(format, "text")) {
        fputs("{\"source\": ", stdout);
        cli_print_json_string(stdout, path);
        fputs(", \"error\": ", stdout);
        cli_print_json_string(stdout, msg);
        fputs("}\n", stdout);
    }
    return EXIT_DATA;
}

/* Prints one page's extraction; returns an exit code. */
static int extract_print(const nf_page *p, const char *path, const char *format, int many)
{
    char *s;
    size_t n;
    if (nf_page_render(p, path, format, &s, &n) != NF_OK)
        return extract_bad(path, format, "out of memory");
    if (many && !strcmp(format, "text"))
        printf("==> %s <==\n", path);
    fwrite(s, 1, n, stdout);
    if (strcmp(format, "text"))
        putchar('\n');
    else if (many)
        putchar('\n');
    nf_free(s);
    for (size_t k = 0; k < nf_page_warning_count(p); k++)
        fprintf(stderr, "newsfuse: extract: %s: warning: %s\n", path, nf_page_warning(p, k));
    return EXIT_OK;
}

/* Reads path ("-": standard input) into *html (free with nf_free), at
 * most EXTRACT_MAX_BYTES. Returns NULL, or why it cannot. */
static const char *extract_read(const char *path, char **html, size_t *len)
{
    static char why[256];
    *html = NULL;
    nf_input *in = nf_input_open(path);
    if (!in) {
        snprintf(why, sizeof why, "cannot open: %s", strerror(errno));
        return why;
    }
    int more = 0, rc = nf_input_read_all(in, EXTRACT_MAX_BYTES, html, len, &more);
    if (rc == NF_EIO)
        snprintf(why, sizeof why, "read error: %s", strerror(nf_input_errno(in)));
    else if (rc != NF_OK)
        snprintf(why, sizeof why, "%s", nf_strerror(rc));
    else if (more)
        snprintf(why, sizeof why, "larger than 64 MiB (the most extract reads of a page)");
    nf_input_close(in);
    if (rc == NF_OK && !more)
        return NULL;
    nf_free(*html);
    *html = NULL;
    return why;
}

/* Reads, extracts and prints one page; returns an exit code. */
static int extract_one(const char *path, const char *url, const char *format, int many)
{
    char *html;
    size_t len;
    const char *why = extract_read(path, &html, &len);
    if (why)
        return extract_bad(path, format, why);
    nf_page *p = NULL;
    int rc = nf_page_extract(html, len, url, &p);
    nf_free(html);
    if (!p)
        return extract_bad(path, format, nf_strerror(rc));
    int code;
    if (rc == NF_OK || rc == NF_EEMPTY) {
        code = extract_print(p, path, format, many);
        if (rc == NF_EEMPTY)
            code = cli_error(EXIT_DATA, "extract: %s: %s", path, nf_page_error(p));
    } else
        code = extract_bad(path, format, nf_page_error(p));
    nf_page_free(p);
    return code;
}

int cmd_extract(int argc, char **argv)
{
    const char *format = "text", *url = NULL;
    char **pages = calloc((size_t)argc, sizeof *pages);
    int npages = 0, rc = EXIT_OK, opts = 1;
    if (!pages)
        return cli_error(EXIT_DATA, "extract: out of memory");
    for (int i = 1; i < argc; i++) {
        if (opts && (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))) {
            free(pages);
            extract_usage(stdout);
            return EXIT_OK;
        } else if (opts && (!strcmp(argv[i], "--format") || !strcmp(argv[i], "--url"))) {
            if (i + 1 >= argc)
                return free(pages), cli_error(EXIT_USAGE, "extract: %s needs a value", argv[i]);
            *(argv[i][2] == 'f' ? &format : &url) = argv[i + 1];
            i++;
        } else if (opts && !strcmp(argv[i], "--"))
            opts = 0;
        else if (opts && argv[i][0] == '-' && argv[i][1]) {
            free(pages);
            extract_usage(stderr);
            return cli_error(EXIT_USAGE, "extract: unknown option '%s'", argv[i]);
        } else
            pages[npages++] = argv[i];
    }
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "jsonl"))
        rc = cli_error(EXIT_USAGE, "extract: --format takes text, json or jsonl, not '%s'", format);
    else if (!npages)
        extract_usage(stderr), rc = cli_error(EXIT_USAGE, "extract: no page given");
    else if (url && npages > 1)
        rc = cli_error(EXIT_USAGE, "extract: --url names one page's address: give one page");
    for (int i = 0; rc != EXIT_USAGE && i < npages; i++)
        if (extract_one(pages[i], url, format, npages > 1) != EXIT_OK)
            rc = EXIT_DATA;
    free(pages);
    return rc;
}
