/* Reading one event per line (cluster JSONL or Multi-News), shared by
 * summarize and eval: every line is read even when others fail, and update
 * sets (DUC 2007: B after A, C after A and B) get the earlier sets of their
 * topic as reports already read (nf_batch_update_history, the rule batch and
 * the bindings use too). */
#include "commands.h"
#include "batch/batch.h"
#include "newsfuse.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Reads one line's event and hands it to fn (or its error to bad). Returns
 * EXIT_OK, EXIT_DATA, or a negative value when fn says to stop. */
static int one_cluster(const char *path, const char *line, size_t n, long lineno, int kind,
                       nf_docset **history, cluster_fn fn, bad_line_fn bad, void *arg)
{
    nf_docset *ds = nf_docset_new();
    if (!ds)
        return cli_error(EXIT_DATA, "out of memory");
    int rc = kind == 2 ? nf_docset_add_json(ds, line, n) : nf_docset_add_multinews(ds, line, n);
    int status = EXIT_OK;
    if (rc != NF_OK && rc != NF_EEMPTY) {
        bad(path, lineno, nf_docset_id(ds), nf_docset_error(ds), arg);
        status = EXIT_DATA;
    } else if (nf_batch_update_history(history, ds) != NF_OK) {
        status = cli_error(EXIT_DATA, "out of memory");
    } else if ((rc = fn(ds, lineno, arg)) != EXIT_OK) {
        status = rc < 0 ? rc : EXIT_DATA; /* negative: the caller cannot go on (an output error) */
    }
    nf_docset_free(ds);
    fflush(stdout);
    return status;
}

void cli_line_too_long(char *msg, size_t cap)
{
    snprintf(msg, cap, "line longer than %zu bytes (--max-line-bytes): skipped", cli_max_line());
}

int cli_each_line(const char *path, cli_line_fn fn, void *arg)
{
    nf_input *in = cli_input_open(path);
    if (!in)
        return EXIT_DATA;
    const char *line;
    size_t n;
    long lineno = 0;
    int status = EXIT_OK, rc, one = 0;
    while (one >= 0 && (rc = nf_input_line(in, cli_max_line(), &line, &n, &lineno)) != NF_EEMPTY) {
        if (rc == NF_EDATA) {
            status = cli_error(EXIT_DATA, "%s:%ld: binary data (NUL bytes) in a line longer than %zu "
                               "bytes: not JSONL or Multi-News; reading stopped", path, lineno,
                               cli_max_line());
            break;
        }
        if (rc != NF_OK && rc != NF_ELIMIT) {
            status = cli_error(EXIT_DATA, "%s: %s after line %ld: %s", path,
                               rc == NF_EIO ? "read error" : "cannot go on", lineno,
                               rc == NF_EIO ? strerror(nf_input_errno(in)) : nf_strerror(rc));
            break;
        }
        if (rc == NF_OK && cli_is_blank(line, n))
            continue;
        if ((one = fn(rc == NF_OK ? line : NULL, n, lineno, arg)) != EXIT_OK)
            status = EXIT_DATA;
    }
    cli_input_close(in);
    return status;
}

/* One reading of cluster lines. */
typedef struct cluster_reading {
    const char *path;
    int kind;
    nf_docset *history;
    cluster_fn fn;
    bad_line_fn bad;
    void *arg;
} cluster_reading;

static int cluster_line(const char *line, size_t n, long lineno, void *arg)
{
    cluster_reading *c = arg;
    if (!line) {
        char msg[96];
        cli_line_too_long(msg, sizeof msg);
        c->bad(c->path, lineno, NULL, msg, c->arg);
        return EXIT_DATA;
    }
    return one_cluster(c->path, line, n, lineno, c->kind, &c->history, c->fn, c->bad, c->arg);
}

int cli_each_cluster(const char *path, int kind, cluster_fn fn, bad_line_fn bad, void *arg)
{
    cluster_reading c = {path, kind, NULL, fn, bad, arg};
    int status = cli_each_line(path, cluster_line, &c);
    nf_docset_free(c.history);
    return status;
}
