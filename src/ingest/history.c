/* Update-set history (nf_batch_update_history): DUC 2007 update sets B and C of a topic
 * are summarized for a reader who has read the earlier sets. The one rule
 * for the reader (nf_reader_next on cluster JSONL: summarize, facts,
 * batch), the Python binding and Dask, so that all of them write the same
 * records. It needs nothing but document sets, so it lives with them. */
#include "newsfuse.h"
#include <string.h>

/* Length of the topic part of an update-set id: "D0703A-B" -> "D0703A". */
static size_t history_topic_len(const char *id)
{
    const char *dash = strrchr(id, '-');
    return dash ? (size_t)(dash - id) : strlen(id);
}

/* Returns 1 if ids a and b (either may be NULL) name the same topic. */
static int history_same_topic(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    size_t n = history_topic_len(b);
    return history_topic_len(a) == n && !strncmp(a, b, n);
}

/* Copies the reports of from into to, as seen (seen = 1) or new ones:
 * id and text only. Returns NF_OK or NF_ENOMEM. */
static int history_copy(nf_docset *to, const nf_docset *from, int seen)
{
    for (size_t i = 0; i < nf_docset_count(from); i++) {
        size_t len;
        const char *t = nf_docset_text(from, i, &len), *id = nf_docset_doc_id(from, i);
        int rc = seen ? nf_docset_add_seen(to, id, NULL, NULL, t, len)
                      : nf_docset_add(to, id, NULL, NULL, t, len);
        if (rc != NF_OK)
            return rc;
    }
    return NF_OK;
}

int nf_batch_update_history(nf_docset **history, nf_docset *ds)
{
    if (!history || !ds)
        return NF_EINVAL;
    const char *set = nf_docset_update_set(ds), *id = nf_docset_id(ds);
    if (!set)
        return NF_OK; /* not an update set: the history waits for the next */
    const char *hid = *history ? nf_docset_id(*history) : NULL;
    if (!history_same_topic(hid, id) || !strcmp(set, "A")) {
        nf_docset_free(*history);
        *history = nf_docset_new();
        if (!*history || nf_docset_set_id(*history, id) != NF_OK)
            return NF_ENOMEM;
    } else if (history_copy(ds, *history, 1) != NF_OK)
        return NF_ENOMEM;
    return history_copy(*history, ds, 0);
}
