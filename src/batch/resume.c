/* Resuming an interrupted batch (batch.h): the output file says how far
 * the run got. Every record was written with its newline in one write, so
 * a line without its newline is the one record that may be incomplete. */
#include "batch/batch.h"
#include "core/alloc.h"
#include <errno.h>
#include <jansson.h>
#include <string.h>
#include <unistd.h>

/* Counts newlines in fd from the start; *last_nl receives the offset just
 * past the last one (0 if none), *prev_nl the one before it. */
static int resume_count_lines(int fd, long *lines, off_t *last_nl, off_t *prev_nl)
{
    char block[1 << 16];
    off_t pos = 0;
    ssize_t n;
    *lines = 0, *last_nl = 0, *prev_nl = 0;
    if (lseek(fd, 0, SEEK_SET) < 0)
        return NF_EIO;
    while ((n = read(fd, block, sizeof block)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return NF_EIO;
        for (char *p = block; (p = memchr(p, '\n', (size_t)(block + n - p))); p++) {
            (*lines)++;
            *prev_nl = *last_nl;
            *last_nl = pos + (p - block) + 1;
        }
        pos += n;
    }
    return NF_OK;
}

/* Reads bytes [from, to) of fd and returns the record's "id", or NULL. */
static int resume_read_id(int fd, off_t from, off_t to, char **id)
{
    size_t len = (size_t)(to - from);
    char *line = xmalloc(len + 1);
    if (!line)
        return NF_ENOMEM;
    ssize_t got = pread(fd, line, len, from);
    if (got != (ssize_t)len) {
        xfree(line);
        return NF_EIO;
    }
    json_t *root = json_loadb(line, len, 0, NULL);
    json_t *v = json_object_get(root, "id");
    int rc = NF_OK;
    if (json_is_string(v) && !(*id = xstrdup(json_string_value(v))))
        rc = NF_ENOMEM;
    json_decref(root);
    xfree(line);
    return rc;
}

int batch_resume_scan(int fd, long *records, char **last_id)
{
    off_t last_nl, prev_nl;
    *last_id = NULL;
    int rc = resume_count_lines(fd, records, &last_nl, &prev_nl);
    if (rc == NF_OK && ftruncate(fd, last_nl))
        rc = NF_EIO;
    if (rc == NF_OK && *records > 0)
        rc = resume_read_id(fd, prev_nl, last_nl, last_id);
    if (rc == NF_OK && lseek(fd, 0, SEEK_END) < 0)
        rc = NF_EIO;
    return rc;
}
