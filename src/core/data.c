#include "core/data.h"
#include <string.h>

const char *data_get(const char *name, size_t *len)
{
    for (const struct nf_data_file *f = nf_data_files; f->name; f++) {
        if (strcmp(f->name, name) == 0) {
            if (len)
                *len = f->len;
            return f->bytes;
        }
    }
    return NULL;
}

int data_each_line(const char *name, int (*fn)(const char *line, size_t len, void *arg), void *arg)
{
    size_t n;
    const char *p = data_get(name, &n);
    if (!p)
        return -1;
    const char *end = p + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        size_t len = (size_t)(eol - p);
        while (len && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len && p[0] != '#') {
            int rc = fn(p, len, arg);
            if (rc)
                return rc;
        }
        p = eol + 1;
    }
    return 0;
}
