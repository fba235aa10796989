/* Reading the CLI's inputs: files, directories, stdin, format detection. */
#include "commands.h"
#include "newsfuse.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

int cli_detect_input(const char *path)
{
    if (ends_with(path, ".jsonl") || ends_with(path, ".json"))
        return 2;
    if (!strcmp(path, "-"))
        return 1;
    struct stat st;
    if (stat(path, &st) || !S_ISREG(st.st_mode))
        return 1;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    char head[4096];
    size_t n = fread(head, 1, sizeof head - 1, f);
    fclose(f);
    head[n] = '\0';
    size_t i = 0;
    while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\t' || head[i] == '\r'))
        i++;
    if (i < n && head[i] == '{')
        return 2;
    if (strstr(head, "|||||") || strstr(head, "NEWLINE_CHAR"))
        return 3;
    return 1;
}

/* Adds to the reports (seen = 0) or to those already read (seen = 1). */
static int add_file(nf_docset *ds, const char *path, const char *id, int seen)
{
    size_t len;
    char *text = cli_read_file(path, &len);
    if (!text)
        return EXIT_DATA;
    int rc = seen ? nf_docset_add_seen(ds, id, NULL, NULL, text, len)
                  : nf_docset_add(ds, id, NULL, NULL, text, len);
    free(text);
    return rc == NF_OK ? EXIT_OK : cli_error(EXIT_DATA, "%s: %s", path, nf_strerror(rc));
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the regular, non-hidden files of dir sorted by name. */
static int add_directory(nf_docset *ds, const char *dir, int seen)
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
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (rc == EXIT_OK && !stat(names[i], &st) && S_ISREG(st.st_mode))
            rc = add_file(ds, names[i], strrchr(names[i], '/') + 1, seen);
        free(names[i]);
    }
    free(names);
    if (rc == EXIT_OK && n == 0)
        rc = cli_error(EXIT_DATA, "%s: no files", dir);
    return rc;
}

static int add_inputs(nf_docset *ds, char **inputs, int n, int seen)
{
    for (int i = 0; i < n; i++) {
        struct stat st;
        int rc;
        if (strcmp(inputs[i], "-") && !stat(inputs[i], &st) && S_ISDIR(st.st_mode))
            rc = add_directory(ds, inputs[i], seen);
        else {
            const char *base = strrchr(inputs[i], '/');
            rc = add_file(ds, inputs[i], base ? base + 1 : inputs[i], seen);
        }
        if (rc != EXIT_OK)
            return rc;
    }
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
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}
