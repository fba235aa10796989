/* The error record (doc/SCHEMA.md): the one writer the CLI, newsfuse batch,
 * the server and the Python binding use for a line or an event that
 * failed (public as nf_batch_error_record). */
#include "core/buf.h"
#include "core/utf8.h"
#include "newsfuse.h"
#include <string.h>

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
