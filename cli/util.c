#include "commands.h"
#include "newsfuse.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_error(int code, const char *fmt, ...)
{
    va_list ap;
    fputs("newsfuse: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

/* Reads at most limit bytes of f into a new NUL-terminated buffer that
 * grows as the data comes (a small file costs a small buffer); *more is
 * set when f goes on past the limit. Returns NULL when out of memory. */
static char *read_stream(FILE *f, size_t limit, size_t *len, int *more)
{
    size_t cap = limit < (1u << 16) ? limit + 1 : 1u << 16, n = 0, got = 1;
    char *data = malloc(cap);
    while (data && got && n < limit) {
        if (n + 1 >= cap) {
            size_t want = cap > limit / 2 ? limit + 1 : cap * 2;
            char *p = realloc(data, want);
            if (!p)
                free(data);
            data = p, cap = want;
            if (!data)
                break;
        }
        n += got = fread(data + n, 1, cap - 1 - n, f);
    }
    *more = data && n == limit && fgetc(f) != EOF;
    if (data)
        data[n] = '\0';
    *len = n;
    return data;
}

char *cli_read_file_upto(const char *path, size_t limit, size_t *len, int *more)
{
    int is_stdin = strcmp(path, "-") == 0, past;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        cli_error(EXIT_DATA, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    /* No limit: as much as a buffer can hold (realloc says when not). */
    char *data = read_stream(f, limit ? limit : (size_t)-1 / 2 - 1, len, &past);
    int err = ferror(f);
    if (!is_stdin)
        fclose(f);
    if (!data || err) {
        cli_error(EXIT_DATA, "%s: %s", path, data ? "read error" : "out of memory");
        free(data);
        return NULL;
    }
    if (more)
        *more = limit && past;
    return data;
}

char *cli_read_file(const char *path, size_t *len)
{
    return cli_read_file_upto(path, 0, len, NULL);
}

long cli_parse_count(const char *s)
{
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || errno || v < 0)
        return -1;
    return v;
}

int cli_set_option(nf_options *opts, const char *flag, const char *value, const char *cmd)
{
    char key[48];
    snprintf(key, sizeof key, "%s", flag + 2);
    for (char *p = key; *p; p++)
        if (*p == '-')
            *p = '_';
    if (!nf_options_get(opts, key))
        return cli_error(EXIT_USAGE, "%s: unknown option '%s' (see --help)", cmd, flag);
    int rc = nf_options_set(opts, key, value);
    /* A file the option names (--idf) that cannot be read or used is bad
     * data, not bad usage. */
    if (rc == NF_EIO || rc == NF_EDATA)
        return cli_error(EXIT_DATA, "%s: %s", cmd, nf_options_error(opts));
    if (rc != NF_OK)
        return cli_error(EXIT_USAGE, "%s: %s", cmd, nf_options_error(opts));
    return EXIT_OK;
}

int cli_set_switch(nf_options *opts, const char *flag)
{
    static const char *const switches[] = {"cut", "facts"};
    for (size_t i = 0; i < sizeof switches / sizeof *switches; i++)
        if (!strncmp(flag, "--", 2) && !strcmp(flag + 2, switches[i]))
            return nf_options_set(opts, switches[i], "1") == NF_OK;
    return 0;
}
