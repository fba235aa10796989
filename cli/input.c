/* The CLI's inputs: every command that reads reports reads them through
 * the library's reader (nf_reader_*, include/newsfuse.h), which knows the
 * formats; this file opens one with the command line's settings and says
 * on stderr what it reports. */
#include "commands.h"
#include "newsfuse.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

int cli_is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

/* The longest line a corpus may hold (--max-line-bytes). */
static size_t max_line = NF_DEFAULT_MAX_LINE_BYTES;

size_t cli_max_line(void)
{
    return max_line;
}

int cli_set_max_line(const char *value)
{
    long v = cli_parse_count(value);
    if (v < 0)
        return -1;
    max_line = (size_t)v;
    return 0;
}

int cli_check_input(const char *value, const char *cmd)
{
    nf_reader *r = NULL;
    int rc = nf_reader_open_buffer("", 0, NULL, &r);
    if (rc == NF_OK && (rc = nf_reader_set(r, "format", value)) != NF_OK)
        cli_error(EXIT_USAGE, "%s: --input: %s (jsonl = cluster)", cmd, nf_reader_error(r));
    nf_reader_free(r);
    return rc == NF_OK ? EXIT_OK : rc == NF_ENOMEM ? cli_error(EXIT_DATA, "out of memory") : EXIT_USAGE;
}

void cli_print_inputs(FILE *out)
{
    for (const char *const *n = nf_reader_formats(); *n; n++)
        fprintf(out, "%s%s", n == nf_reader_formats() ? "" : ", ", *n);
}

nf_reader *cli_reader_open(char **inputs, int n, const char *format, const nf_options *opts)
{
    nf_reader *r = NULL;
    char cap[32];
    snprintf(cap, sizeof cap, "%zu", max_line);
    int rc = n > 0 ? nf_reader_open(inputs[0], &r) : NF_EINVAL;
    for (int i = 1; rc == NF_OK && i < n; i++)
        rc = nf_reader_add(r, inputs[i]);
    if (rc == NF_OK && format)
        rc = nf_reader_set(r, "format", format);
    if (rc == NF_OK)
        rc = nf_reader_set(r, "max_line_bytes", cap);
    /* Text reports are read only as far as the library will use them
     * (without options, whole). */
    if (rc == NF_OK)
        rc = nf_reader_set(r, "max_document_bytes",
                           opts ? nf_options_get(opts, "max_document_bytes") : "0");
    if (rc != NF_OK) {
        cli_error(EXIT_DATA, "%s", r && *nf_reader_error(r) ? nf_reader_error(r) : nf_strerror(rc));
        nf_reader_free(r);
        return NULL;
    }
    return r;
}

void cli_reader_warnings(const nf_reader *r)
{
    for (size_t i = 0; i < nf_reader_warning_count(r); i++)
        fprintf(stderr, "newsfuse: warning: %s\n", nf_reader_warning(r, i));
}

int cli_reader_is_record(const nf_reader *r, int status)
{
    return status != NF_OK && status != NF_EEMPTY && (nf_reader_line(r) > 0 || nf_reader_record(r) > 0);
}

int cli_reader_error(const nf_reader *r, const char *suffix)
{
    const char *file = nf_reader_file(r);
    long line = nf_reader_line(r);
    if (file && line > 0)
        return cli_error(EXIT_DATA, "%s:%ld: %s%s", file, line, nf_reader_error(r), suffix);
    if (file)
        return cli_error(EXIT_DATA, "%s: %s%s", file, nf_reader_error(r), suffix);
    return cli_error(EXIT_DATA, "%s%s", nf_reader_error(r), suffix);
}

int cli_each_event(nf_reader *r, cli_event_fn fn, cli_bad_fn bad, void *arg)
{
    int status = EXIT_OK, rc, one = EXIT_OK;
    nf_docset *ds;
    while (one >= 0 && (rc = nf_reader_next(r, &ds)) != NF_EEMPTY) {
        cli_reader_warnings(r);
        one = rc == NF_OK ? fn(&ds, r, arg) : bad ? bad(r, rc, arg) : cli_reader_error(r, "");
        nf_docset_free(ds);
        if (one != EXIT_OK)
            status = EXIT_DATA;
    }
    if (one >= 0)
        cli_reader_warnings(r); /* those that came with the end */
    return one < 0 ? one : status;
}

void cli_print_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    size_t left = strlen(s);
    for (const unsigned char *p = (const unsigned char *)s; *p; left--) {
        size_t k = utf8_valid_char(p, left);
        if (!k) { /* a file name or message need not be UTF-8; the record must be */
            fputs("\\ufffd", f);
            p++;
            continue;
        }
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fwrite(p, 1, k, f);
        p += k, left -= k - 1;
    }
    fputc('"', f);
}
