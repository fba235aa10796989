/* newsfuse split: one sentence per line, their byte offsets, or (--jsonl)
 * the offsets of every document of a {"id","text"} JSONL file, which is
 * what bench/sentences.sh scores. */
#include "commands.h"
#include "newsfuse.h"
#include "core/utf8.h"
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void split_usage(FILE *out)
{
    fprintf(out,
            "usage: newsfuse split [--offsets | --jsonl] [FILE|-]\n\n"
            "Prints the sentences of FILE (default: standard input), one per line.\n"
            "A line break ends a sentence, except in hard-wrapped text (lines that\n"
            "fill a width of 40 to 200 characters): there a break the next word\n"
            "explains is a space, and blank lines still part paragraphs.\n"
            "NUL and invalid UTF-8 bytes print as U+FFFD (the offsets count the\n"
            "file's own bytes).\n"
            "  --offsets   print \"START END\" byte offsets instead of the text\n"
            "  --jsonl     read one JSON object {\"id\",\"text\"} per line; print one\n"
            "              {\"id\",\"offsets\":[[START,END],...]} per line, offsets in\n"
            "              bytes of the UTF-8 text; a bad line prints\n"
            "              {\"id\",\"error\":{\"file\",\"line\",\"message\"}} in its place\n"
            "A text, or one JSONL line, is read to 64 MiB at most.\n\n"
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

/* The most bytes split reads of one text or of one JSONL line: eight
 * times max_document_bytes' default, far past any real document, and a
 * bound on what a path such as /dev/zero can make it hold. */
#define SPLIT_MAX_BYTES ((size_t)64 << 20)

/* Where a JSONL record came from, for its error record. */
typedef struct split_where {
    const char *path;
    size_t line;
} split_where;

/* Prints the error record of a bad record (nf_batch_error_record, the one
 * writer of every command's error records) in its place, so that outputs
 * stay aligned with inputs, and says so on stderr; returns 0, or -1 when
 * out of memory. id is borrowed (NULL: null); an id that is not a string
 * is written as its JSON text, as a string. msg may end inside a
 * character and is cut before it. */
static int split_error_record(json_t *id, const split_where *w, const char *msg)
{
    char why[256];
    snprintf(why, sizeof why, "%s", msg);
    utf8_cut_invalid(why);
    cli_error(EXIT_DATA, "split: %s:%zu: %s", w->path, w->line, why);
    char *idtext = id && !json_is_string(id) && !json_is_null(id) ? json_dumps(id, JSON_ENCODE_ANY) : NULL;
    const char *ids = json_is_string(id) ? json_string_value(id) : idtext;
    char *rec = NULL;
    int rc = nf_batch_error_record(w->path, (long)w->line, ids, why, &rec, NULL);
    nf_free(idtext);
    if (rc == NF_OK)
        puts(rec);
    nf_free(rec);
    return rc == NF_OK ? 0 : -1;
}

/* Splits one JSONL record line[0..n) and prints its result line (an error
 * record for a bad record); returns 0, or 1 when the record is bad or
 * memory ran out. */
static int split_jsonl_record(const char *line, size_t n, const split_where *w)
{
    json_error_t err;
    json_t *rec = json_loadb(line, n, JSON_ALLOW_NUL, &err);
    json_t *text = rec ? json_object_get(rec, "text") : NULL;
    json_t *id = rec ? json_object_get(rec, "id") : NULL;
    int bad = 0;
    char why[256] = "no \"text\" string";
    if (!rec)
        snprintf(why, sizeof why, "column %d: %s", err.column, err.text);
    if (!rec || !json_is_string(text)) {
        bad = 1;
        if (split_error_record(id, w, why))
            cli_error(EXIT_DATA, "split: %s:%zu: out of memory", w->path, w->line);
    } else if (split_put_json(split_offsets_json(id, json_string_value(text),
                                                 json_string_length(text)))) {
        bad = 1;
        if (split_error_record(id, w, "out of memory"))
            cli_error(EXIT_DATA, "split: %s:%zu: out of memory", w->path, w->line);
    }
    json_decref(rec);
    return bad;
}

/* Reads the next line of f, without its newline, into *buf (grown as
 * needed, to at most max + 1 bytes). Returns its length; -1 at the end of
 * the input; -2 when the line goes on past max bytes (the rest is left
 * unread); -3 when out of memory. */
static long split_read_line(FILE *f, char **buf, size_t *cap, size_t max)
{
    size_t n = 0;
    int c = EOF;
    while ((c = getc_unlocked(f)) != EOF && c != '\n') {
        if (n == max)
            return -2;
        if (n + 1 >= *cap) {
            size_t want = *cap ? (*cap > max / 2 ? max + 1 : *cap * 2) : 4096;
            char *p = realloc(*buf, want);
            if (!p)
                return -3;
            *buf = p, *cap = want;
        }
        (*buf)[n++] = (char)c;
    }
    return c == EOF && n == 0 ? -1 : (long)n;
}

/* Splits every record of a JSONL stream, one output line per non-blank
 * input line. A line longer than SPLIT_MAX_BYTES gets its error record
 * and ends the reading (skipping it could take for ever: /dev/zero).
 * Returns an exit code. */
static int split_print_jsonl(FILE *f, const char *path)
{
    int bad = 0;
    char *line = NULL;
    size_t cap = 0;
    split_where w = {path, 0};
    for (long n; (n = split_read_line(f, &line, &cap, SPLIT_MAX_BYTES)) != -1;) {
        w.line++;
        if (n < 0) {
            bad = 1;
            split_error_record(NULL, &w, n == -2 ? "the line is longer than 64 MiB (the most "
                                                   "split reads of one line); stopped there"
                                                 : "out of memory; stopped there");
            break;
        }
        if (!cli_is_blank(line, (size_t)n))
            bad |= split_jsonl_record(line, (size_t)n, &w);
    }
    if (ferror(f))
        bad = 1, cli_error(EXIT_DATA, "split: %s: read error after line %zu", path, w.line);
    free(line);
    return bad ? EXIT_DATA : EXIT_OK;
}

/* split --jsonl on path ("-": stdin). */
static int split_jsonl_file(const char *path)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return cli_error(EXIT_DATA, "split: %s: cannot open: %s", path, strerror(errno));
    int rc = split_print_jsonl(f, is_stdin ? "-" : path);
    if (!is_stdin)
        fclose(f);
    return rc;
}

/* split on a text file: at most SPLIT_MAX_BYTES of it. */
static int split_text_file(const char *path, int offsets)
{
    size_t len;
    int more = 0;
    char *text = cli_read_file_upto(path, SPLIT_MAX_BYTES, &len, &more);
    if (!text)
        return EXIT_DATA;
    int rc = more ? cli_error(EXIT_DATA, "split: %s: longer than 64 MiB (the most split reads of "
                              "one text)", path)
                  : split_print_text(text, len, offsets);
    free(text);
    return rc;
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
    return jsonl ? split_jsonl_file(path) : split_text_file(path, offsets);
}
