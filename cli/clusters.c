/* Reading one event per line (cluster JSONL or Multi-News), shared by
 * summarize and eval: every line is read even when others fail, and update
 * sets (DUC 2007: B after A, C after A and B) get the earlier sets of their
 * topic as reports already read (batch_update_history, the rule batch and
 * the bindings use too). */
#include "commands.h"
#include "batch/batch.h"
#include "newsfuse.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

int cli_each_cluster(const char *path, int kind, cluster_fn fn, bad_line_fn bad, void *arg)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return cli_error(EXIT_DATA, "%s: cannot open: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int status = EXIT_OK;
    nf_docset *history = NULL;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (cli_is_blank(line, (size_t)n))
            continue;
        nf_docset *ds = nf_docset_new();
        if (!ds) {
            status = cli_error(EXIT_DATA, "out of memory");
            break;
        }
        int rc = kind == 2 ? nf_docset_add_json(ds, line, (size_t)n)
                           : nf_docset_add_multinews(ds, line, (size_t)n);
        if (rc != NF_OK && rc != NF_EEMPTY) {
            bad(path, lineno, ds, arg);
            status = EXIT_DATA;
        } else if (batch_update_history(&history, ds) != NF_OK) {
            status = cli_error(EXIT_DATA, "out of memory");
        } else if ((rc = fn(ds, lineno, arg)) != EXIT_OK) {
            status = EXIT_DATA;
            if (rc < 0) { /* the caller cannot go on (an output error) */
                nf_docset_free(ds);
                break;
            }
        }
        nf_docset_free(ds);
        fflush(stdout);
    }
    if (ferror(f))
        status = cli_error(EXIT_DATA, "%s: read error after line %ld", path, lineno);
    free(line);
    nf_docset_free(history);
    if (f != stdin)
        fclose(f);
    return status;
}
