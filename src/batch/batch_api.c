/* The public face of src/batch (newsfuse.h, "Batch"): what a caller needs
 * to read a corpus line by line and write the records newsfuse batch
 * writes. The rules themselves live in articles.c, history.c and limits.c,
 * shared with the CLI; these wrappers add the checks a public call owes
 * its caller, and the error record, so that no front end spells it out. */
#include "batch/batch.h"
#include "core/buf.h"
#include "text/utf8.h"
#include <string.h>

int nf_batch_article_group(nf_docset **open, nf_docset **closed, const char *line, size_t len,
                           char **bad_id, char *err, size_t errlen)
{
    if (closed)
        *closed = NULL;
    if (bad_id)
        *bad_id = NULL;
    if (!open || !closed || !bad_id || !err || !errlen || (!line && len))
        return NF_EINVAL;
    return batch_article_group(open, closed, line ? line : "", len, bad_id, err, errlen);
}

int nf_batch_is_article_line(const char *line, size_t len)
{
    return line ? batch_is_article_line(line, len) : -1;
}

int nf_batch_update_history(nf_docset **history, nf_docset *ds)
{
    return history && ds ? batch_update_history(history, ds) : NF_EINVAL;
}

int nf_summary_timed(const nf_summary *s) { return batch_summary_timed(s); }

/* Appends s as a JSON string, escaped as the CLI has always escaped its
 * error records (cli_print_json_string), so their bytes do not change:
 * short escapes such as \n are not used, and an invalid byte becomes
 * U+FFFD because a file name or a message need not be UTF-8. */
static void record_string(buf *b, const char *s)
{
    buf_putc(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    for (size_t left = strlen(s); left;) {
        size_t k = utf8_valid_char(p, left);
        if (!k)
            buf_puts(b, "\\ufffd"), k = 1;
        else if (*p == '"' || *p == '\\')
            buf_putc(b, '\\'), buf_putc(b, (char)*p);
        else if (*p < 0x20)
            buf_printf(b, "\\u%04x", *p);
        else
            buf_append(b, (const char *)p, k);
        p += k, left -= k;
    }
    buf_putc(b, '"');
}

int nf_batch_error_record(const char *path, long line, const char *id, const char *message,
                          char **out, size_t *len)
{
    if (len)
        *len = 0;
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    if (!path || !message)
        return NF_EINVAL;
    buf b = {0};
    buf_printf(&b, "{\"schema\":\"%s\",\"id\":", NF_SCHEMA);
    if (id)
        record_string(&b, id);
    else
        buf_puts(&b, "null");
    buf_puts(&b, ",\"error\":{\"file\":");
    record_string(&b, path);
    buf_printf(&b, ",\"line\":%ld,\"message\":", line);
    record_string(&b, message);
    buf_puts(&b, "}}");
    *out = buf_take(&b, len);
    if (!*out && len)
        *len = 0;
    return *out ? NF_OK : NF_ENOMEM;
}
