/* newsfuse split: one sentence per line, their byte offsets, or (--jsonl)
 * the offsets of every document of a {"id","text"} JSONL file, which is
 * what bench/sentences.sh scores. */
#include "commands.h"
#include "newsfuse.h"
#include "text/utf8.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void split_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse split [--offsets | --jsonl] [FILE|-]\n\n"
            "Prints the sentences of FILE (default: standard input), one per line.\n"
            "A line break always ends a sentence, except in hard-wrapped text\n"
            "(paragraphs separated by blank lines, long lines continued in lower case).\n"
            "NUL and invalid UTF-8 bytes print as U+FFFD (the offsets count the\n"
            "file's own bytes).\n"
            "  --offsets   print \"START END\" byte offsets instead of the text\n"
            "  --jsonl     read one JSON object {\"id\",\"text\"} per line; print one\n"
            "              {\"id\",\"offsets\":[[START,END],...]} per line, offsets in\n"
            "              bytes of the UTF-8 text ({\"id\",\"error\"} for a bad line)\n\n"
            "Exit status: 0 success, 1 unreadable input or a bad JSONL line, 2 bad usage.\n");
}

/* Prints text[a..b) on one line: a sentence may span lines (in wrapped
 * text), and a NUL or a byte that starts no valid UTF-8 character prints
 * as U+FFFD, as the library's repair shows it, so the output is text. */
static void split_put_sentence(const char *text, size_t a, size_t b)
{
    for (size_t k = a; k < b;) {
        size_t n = utf8_valid_char((const unsigned char *)text + k, b - k);
        if (!n)
            fputs("\xEF\xBF\xBD", stdout), n = 1;
        else if (text[k] == '\n' || text[k] == '\r')
            putchar(' ');
        else
            fwrite(text + k, 1, n, stdout);
        k += n;
    }
    putchar('\n');
}

/* Prints the sentences of text[0..len) as text or offsets; returns an
 * exit code. */
static int split_print_text(const char *text, size_t len, int offsets)
{
    size_t *spans, n;
    if (nf_split(text, len, &spans, &n) != NF_OK)
        return cli_error(EXIT_DATA, "split: out of memory");
    for (size_t i = 0; i < n; i++) {
        if (offsets) {
            printf("%zu %zu\n", spans[2 * i], spans[2 * i + 1]);
            continue;
        }
        split_put_sentence(text, spans[2 * i], spans[2 * i + 1]);
    }
    nf_free(spans);
    return EXIT_OK;
}

/* Builds {"id": id, "offsets": [...]} for one document; NULL when out of
 * memory. The id is borrowed. */
static json_t *split_offsets_json(json_t *id, const char *text, size_t len)
{
    size_t *spans, n;
    if (nf_split(text, len, &spans, &n) != NF_OK)
        return NULL;
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++)
        if (json_array_append_new(arr, json_pack("[I,I]", (json_int_t)spans[2 * i],
                                                 (json_int_t)spans[2 * i + 1])))
            json_decref(arr), arr = NULL;
    nf_free(spans);
    return arr ? json_pack("{s:O, s:o}", "id", id ? id : json_null(), "offsets", arr) : NULL;
}

/* Prints o (stolen) as one compact JSON line; returns 0, or -1 when out
 * of memory (o NULL included). */
static int split_put_json(json_t *o)
{
    char *dump = o ? json_dumps(o, JSON_COMPACT) : NULL;
    if (dump)
        puts(dump);
    nf_free(dump); /* jansson allocates through the library's hook */
    json_decref(o);
    return dump ? 0 : -1;
}

/* Splits one JSONL record line[0..n) and prints its result line (an
 * {"id","error"} line for a bad record, so outputs stay aligned with
 * inputs); returns 0, or 1 when the record is bad or memory ran out. */
static int split_jsonl_record(const char *line, size_t n, size_t lineno)
{
    json_error_t err;
    json_t *rec = json_loadb(line, n, JSON_ALLOW_NUL, &err);
    json_t *text = rec ? json_object_get(rec, "text") : NULL;
    json_t *id = rec ? json_object_get(rec, "id") : NULL;
    int bad = !json_is_string(text);
    const char *why = !rec ? err.text : "no \"text\" string";
    json_t *res = bad ? json_pack("{s:O, s:s}", "id", id ? id : json_null(), "error", why)
                      : split_offsets_json(id, json_string_value(text), json_string_length(text));
    if (split_put_json(res))
        why = "out of memory", bad = 1;
    if (bad)
        cli_error(EXIT_DATA, "split: line %zu: %s", lineno, why);
    json_decref(rec);
    return bad;
}

/* Splits every record of a JSONL buffer; returns an exit code. */
static int split_print_jsonl(const char *data, size_t len)
{
    int bad = 0;
    size_t lineno = 0;
    for (const char *p = data, *end = data + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        lineno++;
        size_t n = (size_t)(eol - p);
        if (strspn(p, " \t\r") < n)
            bad |= split_jsonl_record(p, n, lineno);
        p = eol + 1;
    }
    return bad ? EXIT_DATA : EXIT_OK;
}

int cmd_split(int argc, char **argv)
{
    int offsets = 0, jsonl = 0;
    const char *path = "-";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            split_usage(stdout);
            return EXIT_OK;
        } else if (!strcmp(argv[i], "--offsets"))
            offsets = 1;
        else if (!strcmp(argv[i], "--jsonl"))
            jsonl = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return split_usage(stderr), cli_error(EXIT_USAGE, "split: unknown option '%s'", argv[i]);
        else
            path = argv[i];
    }
    if (offsets && jsonl)
        return split_usage(stderr), cli_error(EXIT_USAGE, "split: --offsets and --jsonl exclude each other");
    size_t len;
    char *text = cli_read_file(path, &len);
    if (!text)
        return EXIT_DATA;
    int rc = jsonl ? split_print_jsonl(text, len) : split_print_text(text, len, offsets);
    free(text);
    return rc;
}
