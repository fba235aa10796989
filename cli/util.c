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

char *cli_read_file_upto(const char *path, size_t limit, size_t *len, int *more)
{
    nf_input *in = nf_input_open(path);
    if (!in) {
        cli_error(EXIT_DATA, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    char *data;
    int past, rc = nf_input_read_all(in, limit ? limit : (size_t)-1 / 2 - 1, &data, len, &past);
    if (rc != NF_OK)
        cli_error(EXIT_DATA, "%s: %s%s", path, rc == NF_EIO ? "read error: " : "",
                  rc == NF_EIO ? strerror(nf_input_errno(in)) : nf_strerror(rc));
    nf_input_close(in);
    if (more)
        *more = limit && past;
    return rc == NF_OK ? data : NULL;
}

char *cli_read_file(const char *path, size_t *len)
{
    return cli_read_file_upto(path, 0, len, NULL);
}

int cli_in_list(const char *const *list, const char *name)
{
    for (size_t i = 0; list && list[i]; i++)
        if (!strcmp(list[i], name))
            return 1;
    return 0;
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
    /* How inputs are read, not what is made of them: a CLI setting. */
    if (!strcmp(flag, "--max-line-bytes"))
        return cli_set_max_line(value) ? cli_error(EXIT_USAGE, "%s: --max-line-bytes takes a byte "
                                                   "count (0: no cap), not '%s'", cmd, value) : EXIT_OK;
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
    /* The message lists the methods; summarize also prints them one per line. */
    if (rc != NF_OK && !strcmp(flag, "--method"))
        return cli_error(EXIT_USAGE, "%s: %s (see %s--list-methods)", cmd, nf_options_error(opts),
                         strcmp(cmd, "summarize") ? "newsfuse summarize " : "");
    if (rc != NF_OK)
        return cli_error(EXIT_USAGE, "%s: %s", cmd, nf_options_error(opts));
    return EXIT_OK;
}

int cli_set_switch(nf_options *opts, const char *flag)
{
    static const char *const switches[] = {"cut", "facts", "standalone"};
    for (size_t i = 0; i < sizeof switches / sizeof *switches; i++)
        if (!strncmp(flag, "--", 2) && !strcmp(flag + 2, switches[i]))
            return nf_options_set(opts, switches[i], "1") == NF_OK;
    return 0;
}
