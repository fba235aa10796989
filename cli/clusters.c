/* Reading one event per line (cluster JSONL or Multi-News), shared by
 * summarize and eval: every line is read even when others fail, and update
 * sets (DUC 2007: B after A, C after A and B) get the earlier sets of their
 * topic as reports already read. */
#include "commands.h"
#include "newsfuse.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Length of the topic part of an update-set id: "D0703A-B" -> "D0703A". */
static size_t topic_len(const char *id)
{
    const char *dash = id ? strrchr(id, '-') : NULL;
    return dash ? (size_t)(dash - id) : (id ? strlen(id) : 0);
}

/* Copies the documents of from into to, as seen (seen = 1) or new ones. */
static int copy_docs(nf_docset *to, const nf_docset *from, int seen)
{
    for (size_t i = 0; i < nf_docset_count(from); i++) {
        size_t len;
        const char *t = nf_docset_text(from, i, &len), *id = nf_docset_doc_id(from, i);
        int rc = seen ? nf_docset_add_seen(to, id, NULL, NULL, t, len)
                      : nf_docset_add(to, id, NULL, NULL, t, len);
        if (rc != NF_OK)
            return cli_error(EXIT_DATA, "out of memory");
    }
    return EXIT_OK;
}

/* Set A (or a new topic) starts a topic's history; a later set of the same
 * topic reads the history as seen, then joins it. */
static int update_history(nf_docset **history, nf_docset *ds)
{
    const char *set = nf_docset_update_set(ds), *id = nf_docset_id(ds);
    if (!set)
        return EXIT_OK;
    const char *hid = *history ? nf_docset_id(*history) : NULL;
    int same = hid && id && topic_len(hid) == topic_len(id) && !strncmp(hid, id, topic_len(id));
    if (!same || !strcmp(set, "A")) {
        nf_docset_free(*history);
        *history = nf_docset_new();
        if (!*history || nf_docset_set_id(*history, id) != NF_OK)
            return cli_error(EXIT_DATA, "out of memory");
    } else if (copy_docs(ds, *history, 1) != EXIT_OK)
        return EXIT_DATA;
    return copy_docs(*history, ds, 0);
}

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
        } else if (update_history(&history, ds) != EXIT_OK) {
            status = EXIT_DATA;
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
