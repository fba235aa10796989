/* Resuming an interrupted batch (batch.h): the output file says how far
 * the run got. Every record was written with its newline in one write, so
 * a line without its newline is the one record that may be incomplete. */
#include "batch/batch.h"
#include "core/alloc.h"
#include "core/utf8.h"
#include "emit/options_json.h"
#include "model/vocab.h"
#include "newsfuse.h"
#include <stdio.h>
#include <stdlib.h>
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

uint64_t batch_record_key(const char *id, long line)
{
    char buf[32];
    if (id)
        return hash_bytes64(id, strlen(id));
    int n = snprintf(buf, sizeof buf, "\x01line %ld", line); /* no id starts with \x01 */
    return hash_bytes64(buf, (size_t)n);
}

/* Appends v to why[*n..cap) as JSON ("100", "\"concept\"", absent when
 * NULL), so a value reads the same whether it was written as a string or
 * a number. */
static void put_value(char *why, size_t cap, size_t *n, const json_t *v)
{
    char *text = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
    if (*n < cap)
        *n += (size_t)snprintf(why + *n, cap - *n, "%s", text ? text : "(absent)");
    free(text);
}

/* Returns 1 when opts and want hold the same options with the same values; else 0,
 * and why names the options that differ (at most three) with the file's
 * value and this run's, so the user sees which flag to give. */
static int options_match(const json_t *opts, const json_t *want, char *why, size_t cap)
{
    const char *key;
    const json_t *v;
    size_t n = (size_t)snprintf(why, cap, "was made with other options:");
    int differ = 0;
    /* Key by key, both ways: a key this run leaves out (idf) may be in
     * the file. */
    for (int side = 0; side < 2; side++) {
        json_object_foreach((json_t *)(side ? opts : want), key, v) {
            const json_t *had = side ? v : json_object_get(opts, key);
            const json_t *now = side ? json_object_get(want, key) : v;
            if ((side && now) || json_equal((json_t *)had, (json_t *)now) || differ++ >= 3)
                continue;
            if (n < cap)
                n += (size_t)snprintf(why + n, cap - n, "%s %s ", differ > 1 ? ";" : "", key);
            put_value(why, cap, &n, had);
            if (n < cap)
                n += (size_t)snprintf(why + n, cap - n, " there, ");
            put_value(why, cap, &n, now);
            if (n < cap)
                n += (size_t)snprintf(why + n, cap - n, " now");
        }
    }
    if (differ > 3 && n < cap)
        n += (size_t)snprintf(why + n, cap - n, "; %d more", differ - 3);
    if (n < cap)
        snprintf(why + n, cap - n, " (run again without --resume, or with the options of the first run)");
    return !differ;
}

/* The key of one output record, or why it is no record this run could
 * have written: not a JSON object of this schema (NF_SCHEMA; a record of
 * an earlier schema is named as such: its options are not this run's to
 * compare, and a file must not mix schemas), or made under other options. */
static int record_key(const char *text, size_t len, const json_t *want, uint64_t *key, char *why,
                      size_t cap)
{
    json_t *root = json_loadb(text, len, 0, NULL);
    json_t *schema = json_object_get(root, "schema"), *id = json_object_get(root, "id");
    json_t *err = json_object_get(root, "error"), *opts = json_object_get(root, "options");
    int rc = NF_OK;
    if (json_is_string(schema) && !strncmp(json_string_value(schema), "newsfuse/", 9) &&
        strcmp(json_string_value(schema), NF_SCHEMA))
        rc = NF_EDATA, snprintf(why, cap, "is a %.20s record, written by another version of newsfuse; "
                                          "this one writes %s (options typed): run again without --resume",
                                json_string_value(schema), NF_SCHEMA),
        utf8_cut_invalid(why); /* %.20s may end inside a character */
    else if (!json_is_string(schema) || strcmp(json_string_value(schema), NF_SCHEMA) ||
        !(json_is_string(id) || (json_is_null(id) && json_is_integer(json_object_get(err, "line")))))
        rc = NF_EDATA, snprintf(why, cap, "is not a newsfuse batch record");
    else if (want && opts && !options_match(opts, want, why, cap))
        rc = NF_EDATA;
    else
        *key = batch_record_key(json_is_string(id) ? json_string_value(id) : NULL,
                                (long)json_integer_value(json_object_get(err, "line")));
    json_decref(root);
    return rc;
}

/* Reads one record line of f (newline included) into *buf, at most max
 * bytes: a record this run wrote is never longer (it holds an event's
 * summary), so a longer line is no record of ours and is not read whole.
 * Returns NF_OK, NF_EEMPTY at the end, NF_ELIMIT, NF_ENOMEM. */
static int read_record(FILE *f, char **buf, size_t *bcap, size_t *len, size_t max)
{
    *len = 0;
    for (;;) {
        if (*len + 65536 + 1 > *bcap) {
            size_t want = *bcap ? *bcap * 2 : 65536 + 1;
            char *p = xrealloc(*buf, want);
            if (!p)
                return NF_ENOMEM;
            *buf = p, *bcap = want;
        }
        if (!fgets(*buf + *len, 65536 + 1, f))
            return *len ? NF_OK : NF_EEMPTY;
        *len += strlen(*buf + *len);
        if ((*buf)[*len - 1] == '\n')
            return NF_OK;
        if (*len > max)
            return NF_ELIMIT;
    }
}

int batch_resume_keys(int fd, long records, const nf_options *opts, uint64_t **keys, char *why,
                      size_t cap)
{
    json_t *want = opts ? options_json(opts) : NULL; /* as the run's records carry them */
    int dfd = dup(fd); /* shares fd's offset: set back to the end below */
    FILE *f = dfd >= 0 ? fdopen(dfd, "rb") : NULL;
    uint64_t *k = xmalloc(((size_t)records + 1) * sizeof *k);
    char *line = NULL;
    size_t lcap = 0, n;
    long i = 0;
    int rc = !f ? NF_EIO : k && (!opts || want) ? NF_OK : NF_ENOMEM;
    if (dfd >= 0 && !f)
        close(dfd);
    if (rc == NF_OK && fseeko(f, 0, SEEK_SET))
        rc = NF_EIO;
    for (; rc == NF_OK && i < records; i++) {
        rc = read_record(f, &line, &lcap, &n, NF_DEFAULT_MAX_LINE_BYTES);
        if (rc == NF_ELIMIT)
            rc = NF_EDATA, snprintf(why, cap, "is not a newsfuse batch record: a line over %zu bytes (its "
                                              "record %ld)", NF_DEFAULT_MAX_LINE_BYTES, i + 1);
        else if (rc == NF_OK && (rc = record_key(line, n, want, &k[i], why, cap)) != NF_OK) {
            size_t used = strlen(why);
            snprintf(why + used, cap - used, " (its record %ld)", i + 1);
        }
    }
    if (rc == NF_EEMPTY)
        rc = NF_EIO; /* fewer lines than batch_resume_scan counted */
    xfree(line);
    if (f)
        fclose(f);
    if (lseek(fd, 0, SEEK_END) < 0 && rc == NF_OK)
        rc = NF_EIO;
    json_decref(want);
    if (rc != NF_OK)
        xfree(k), k = NULL;
    *keys = k;
    return rc;
}
