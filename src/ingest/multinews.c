/* Multi-News lines: documents separated by "|||||", newlines written as
 * the literal NEWLINE_CHAR. */
#include "core/alloc.h"
#include "core/buf.h"
#include "ingest/docset.h"
#include <string.h>

static const char SEP[] = "|||||";
static const char NL[] = "NEWLINE_CHAR";

/* Decodes one document (NEWLINE_CHAR -> "\n", surrounding space trimmed)
 * and adds it unless it is empty. */
static int add_one(nf_docset *ds, const char *s, size_t n)
{
    buf b = {0};
    for (size_t i = 0; i < n;) {
        if (n - i >= sizeof NL - 1 && !memcmp(s + i, NL, sizeof NL - 1)) {
            buf_putc(&b, '\n');
            i += sizeof NL - 1;
        } else
            buf_putc(&b, s[i++]);
    }
    size_t len;
    char *t = buf_take(&b, &len);
    if (!t)
        return docset_fail(ds, NF_ENOMEM, "out of memory");
    size_t a = 0;
    while (a < len && (t[a] == ' ' || t[a] == '\n' || t[a] == '\t' || t[a] == '\r'))
        a++;
    while (len > a && (t[len - 1] == ' ' || t[len - 1] == '\n' || t[len - 1] == '\t' ||
                       t[len - 1] == '\r'))
        len--;
    int rc = len > a ? nf_docset_add(ds, NULL, NULL, NULL, t + a, len - a) : NF_OK;
    xfree(t);
    return rc;
}

int nf_docset_add_multinews(nf_docset *ds, const char *line, size_t len)
{
    size_t before = ds->ndocs, start = 0;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    for (size_t i = 0; i <= len; i++) {
        int at_sep = i + sizeof SEP - 1 <= len && !memcmp(line + i, SEP, sizeof SEP - 1);
        if (!at_sep && i < len)
            continue;
        int rc = add_one(ds, line + start, i - start);
        if (rc)
            return rc;
        if (i == len)
            break;
        i += sizeof SEP - 2;
        start = i + 1;
    }
    if (ds->ndocs == before)
        return docset_fail(ds, NF_EEMPTY, "no document in the line");
    return NF_OK;
}
