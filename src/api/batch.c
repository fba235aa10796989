/* The public face of article JSONL (newsfuse.h, "Batch"): what a caller
 * needs to read a corpus line by line as newsfuse batch reads it. The rule
 * itself lives in ingest/article_jsonl.c; these wrappers add the checks a
 * public call owes its caller. The update-set history is update_history.c,
 * the error record emit/error_record.c. */
#include "ingest/article_jsonl.h"

int nf_batch_article_group(nf_docset **open, nf_docset **closed, const char *line, size_t len,
                           char **bad_id, char *err, size_t errlen)
{
    if (closed)
        *closed = NULL;
    if (bad_id)
        *bad_id = NULL;
    if (!open || !closed || !bad_id || !err || !errlen || (!line && len))
        return NF_EINVAL;
    return article_group(open, closed, line ? line : "", len, bad_id, err, errlen);
}

int nf_batch_is_article_line(const char *line, size_t len)
{
    return line ? article_is_line(line, len) : -1;
}
