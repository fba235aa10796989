/* Reading the CLI's inputs: files, directories, stdin, format detection. */
#define _GNU_SOURCE /* memmem */
#include "commands.h"
#include "newsfuse.h"
#include "core/utf8.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Caps how much of each text report is read: max_document_bytes (0 = no
 * cap) plus a few bytes, so a 100 MB page costs no 100 MB when only the
 * first 8 MiB are used. Set by summarize from its options. (Declared here
 * until cli/commands.h carries it.) */

int cli_is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

int cli_parse_input_kind(const char *v)
{
    static const char *const names[] = {"auto", "text", "jsonl", "multinews"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(v, names[i]))
            return i;
    return -1;
}

/* Inputs opened to tell their format, kept open until they are read, so a
 * pipe, a FIFO or stdin is read once and loses none of its first bytes. */
enum { OPEN_SLOTS = 8 };
static struct {
    char *path;
    nf_input *in;
} opened[OPEN_SLOTS];

nf_input *cli_input_open(const char *path)
{
    for (int i = 0; i < OPEN_SLOTS; i++)
        if (opened[i].in && !strcmp(opened[i].path, path))
            return opened[i].in;
    nf_input *in = nf_input_open(path);
    if (!in) {
        cli_error(EXIT_DATA, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    for (int i = 0; i < OPEN_SLOTS; i++)
        if (!opened[i].in && (opened[i].path = strdup(path))) {
            opened[i].in = in;
            break;
        }
    return in; /* not kept when every slot is taken: read from the start by its reader */
}

void cli_input_close(nf_input *in)
{
    for (int i = 0; i < OPEN_SLOTS; i++)
        if (opened[i].in == in) {
            free(opened[i].path);
            opened[i].in = NULL, opened[i].path = NULL;
        }
    nf_input_close(in);
}

/* The most of an input looked at to tell its format. */
#define HEAD_MAX ((size_t)1 << 20)

/* The longest line a JSONL or Multi-News input may hold (--max-line-bytes). */
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

const char *cli_input_head(const char *path, int lines, size_t *n)
{
    nf_input *in = cli_input_open(path);
    if (!in)
        return NULL;
    /* Asks for more only while the lines are not all there: a live stream
     * is not waited on for bytes the decision does not need. */
    for (size_t want = 4096;; want *= 4) {
        const char *head = nf_input_head(in, want, n);
        if (!head)
            return NULL; /* the failed read fails again for its reader, which says so once */
        int seen = 0;
        for (const char *p = head; seen < lines && (p = memchr(p, '\n', (size_t)(head + *n - p))); p++)
            seen++;
        if (seen >= lines || *n < want || want >= HEAD_MAX)
            return head;
    }
}

int cli_detect_input(const char *path)
{
    if (ends_with(path, ".jsonl") || ends_with(path, ".json"))
        return 2;
    struct stat st;
    if (strcmp(path, "-") && (stat(path, &st) || S_ISDIR(st.st_mode)))
        return 1;
    size_t n;
    const char *head = cli_input_head(path, 1, &n);
    if (!head)
        return 1; /* its reader says why */
    size_t i = 0;
    if (n >= 3 && !memcmp(head, "\xef\xbb\xbf", 3))
        i = 3; /* a UTF-8 byte order mark */
    while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\t' || head[i] == '\r'))
        i++;
    if (i < n && head[i] == '{')
        return 2;
    if (memmem(head, n, "|||||", 5) || memmem(head, n, "NEWLINE_CHAR", 12))
        return 3;
    return 1;
}

/* Bytes of a text report read past max_document_bytes: enough for the
 * library to see that the report is longer than the cap (and warn), and
 * to complete a UTF-8 character that starts just before it. */
#define READ_SLACK 4
/* How much of a report the binary check looks at. */
#define SNIFF_BYTES 65536

/* The most bytes of one text report worth reading (0: all of them). */
static size_t read_limit;

void cli_set_text_limit(size_t max_document_bytes)
{
    int huge = max_document_bytes > (size_t)-1 / 2; /* no buffer that big anyway */
    read_limit = max_document_bytes && !huge ? max_document_bytes + READ_SLACK : 0;
}

/* The text inputs being added: to the reports or (seen) to those already
 * read, and how many files were skipped as empty or binary. */
typedef struct text_inputs {
    nf_docset *ds;
    int seen;
    size_t skipped;
} text_inputs;

/* Reads at most read_limit bytes of path ("-" = stdin) into a new buffer
 * (freed with free); warns when the file goes on past them. Returns NULL
 * and prints why on failure. */
static char *read_report(const char *path, size_t *len)
{
    int more;
    char *data = cli_read_file_upto(path, read_limit, len, &more);
    if (data && more)
        fprintf(stderr, "newsfuse: warning: %s: read only the first %zu bytes (max_document_bytes is "
                "%zu: the rest would be cut)\n", path, *len, *len - READ_SLACK);
    return data;
}

/* Names the kind of a file whose first bytes are a known binary format's
 * signature, or returns NULL. */
static const char *binary_signature(const char *s, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } sigs[] = {
        {"\x1f\x8b", 2, "gzip data"},       {"PK\x03\x04", 4, "a zip archive"},
        {"\x7f" "ELF", 4, "an executable"},   {"%PDF-", 5, "a PDF document"},
        {"\x89PNG", 4, "a PNG image"},        {"\xff\xd8\xff", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},           {"\xfd" "7zXZ", 5, "xz data"},
        {"\x28\xb5\x2f\xfd", 4, "zstd data"},
        {"\xff\xfe", 2, "UTF-16 text (convert it to UTF-8)"},
        {"\xfe\xff", 2, "UTF-16 text (convert it to UTF-8)"},
    };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        if (n >= sigs[i].len && !memcmp(s, sigs[i].magic, sigs[i].len))
            return sigs[i].what;
    return NULL;
}

/* Returns 1 and says why in why[0..cap) when text[0..len) is no text
 * report: empty, a known binary format, or a start (SNIFF_BYTES) of which
 * over a quarter are NUL, control or invalid UTF-8 bytes (random bytes
 * give over half; Latin-1 news a few percent). */
static int not_text(const char *text, size_t len, char *why, size_t cap)
{
    const char *sig = len ? binary_signature(text, len) : "empty file";
    if (sig) {
        snprintf(why, cap, "%s", sig);
        return 1;
    }
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, bad = 0;
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = 0, k; i < n; i += k) {
        k = utf8_valid_char(u + i, n - i);
        if (!k)
            bad++, k = 1;
        else if ((u[i] < 0x20 && !strchr("\t\n\r\f\v", u[i])) || u[i] == 0x7f)
            bad++;
    }
    if (bad * 4 <= n)
        return 0;
    snprintf(why, cap, "binary data (%zu%% of its first %zu bytes are NUL, control or invalid "
             "UTF-8 bytes)", bad * 100 / n, n);
    return 1;
}

/* Adds one file as a report; an empty or binary file is skipped with a
 * warning naming it. Returns an exit code. */
static int add_file(text_inputs *in, const char *path, const char *id)
{
    size_t len;
    char *text = read_report(path, &len);
    if (!text)
        return EXIT_DATA;
    char why[128];
    int rc = NF_OK;
    if (not_text(text, len, why, sizeof why)) {
        fprintf(stderr, "newsfuse: warning: %s: %s, skipped\n", path, why);
        in->skipped++;
    } else if (in->seen)
        rc = nf_docset_add_seen(in->ds, id, NULL, NULL, text, len);
    else
        rc = nf_docset_add(in->ds, id, NULL, NULL, text, len);
    free(text);
    return rc == NF_OK ? EXIT_OK : cli_error(EXIT_DATA, "%s: %s", path, nf_strerror(rc));
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the regular, non-hidden files of dir sorted by name. */
static int add_directory(text_inputs *in, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return cli_error(EXIT_DATA, "%s: cannot open directory: %s", dir, strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = EXIT_OK;
    for (struct dirent *e; rc == EXIT_OK && (e = readdir(d));) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "README.md"))
            continue;
        if (n == cap) {
            char **p = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof *names);
            if (!p) {
                rc = cli_error(EXIT_DATA, "out of memory");
                break;
            }
            names = p;
        }
        if (!(names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2)))
            rc = cli_error(EXIT_DATA, "out of memory");
        else
            sprintf(names[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    size_t files = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        int gone = rc == EXIT_OK && stat(names[i], &st) != 0;
        if (gone) { /* a broken link or a loop: say so, never pass it by */
            fprintf(stderr, "newsfuse: warning: %s: %s, skipped\n", names[i], strerror(errno));
            in->skipped++;
        } else if (rc == EXIT_OK && S_ISREG(st.st_mode)) {
            files++;
            rc = add_file(in, names[i], strrchr(names[i], '/') + 1);
        }
        free(names[i]);
    }
    free(names);
    if (rc == EXIT_OK && files == 0)
        rc = cli_error(EXIT_DATA, "%s: no files%s", dir, n ? " that can be read" : "");
    return rc;
}

/* Adds every input; returns an exit code: EXIT_DATA also when inputs
 * were given but every one was skipped (none is a report). */
static int add_inputs(nf_docset *ds, char **inputs, int n, int seen)
{
    text_inputs in = {ds, seen, 0};
    size_t before = seen ? nf_docset_seen_count(ds) : nf_docset_count(ds);
    for (int i = 0; i < n; i++) {
        struct stat st;
        int rc;
        if (strcmp(inputs[i], "-") && !stat(inputs[i], &st) && S_ISDIR(st.st_mode))
            rc = add_directory(&in, inputs[i]);
        else {
            const char *base = strrchr(inputs[i], '/');
            rc = add_file(&in, inputs[i], base ? base + 1 : inputs[i]);
        }
        if (rc != EXIT_OK)
            return rc;
    }
    size_t after = seen ? nf_docset_seen_count(ds) : nf_docset_count(ds);
    if (in.skipped && after == before)
        return cli_error(EXIT_DATA, "no report to read: %zu input file(s) skipped as empty or not text",
                         in.skipped);
    return EXIT_OK;
}

int cli_add_text_inputs(nf_docset *ds, char **inputs, int n)
{
    return add_inputs(ds, inputs, n, 0);
}

int cli_add_text_inputs_seen(nf_docset *ds, char **inputs, int n)
{
    return add_inputs(ds, inputs, n, 1);
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
