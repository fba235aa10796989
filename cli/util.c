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

char *cli_read_file(const char *path, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        cli_error(EXIT_DATA, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *data = malloc(cap);
    while (data) {
        if (n + 1 >= cap) {
            char *p = cap > ((size_t)-1) / 2 ? NULL : realloc(data, cap * 2);
            if (!p) {
                free(data);
                data = NULL;
                break;
            }
            data = p;
            cap *= 2;
        }
        size_t got = fread(data + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f);
    if (!is_stdin)
        fclose(f);
    if (!data || err) {
        cli_error(EXIT_DATA, "%s: %s", path, data ? "read error" : "out of memory");
        free(data);
        return NULL;
    }
    data[n] = '\0';
    *len = n;
    return data;
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
