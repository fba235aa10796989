/* Publication dates: first version, metadata and JSON-LD only. */
#include "core/alloc.h"
#include "ingest/html.h"
#include <stdio.h>
#include <string.h>

/* Reads "YYYY-MM-DD" (or with '/' or '.') at the start of s into out. */
static int iso_date(const char *s, char out[11])
{
    int y, m, d;
    char a, b;
    if (!s || sscanf(s, "%4d%c%2d%c%2d", &y, &a, &m, &b, &d) != 5 || a != b ||
        !strchr("-/.", a) || y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return 1;
}

int html_date_find(const hdom *dom, const html_ld *ld, const char *url, html_found *f)
{
    (void)url;
    static const char *const pub[] = {"article:published_time", "og:published_time", "datePublished",
                                      "pubdate", "publishdate", "date", "dc.date", NULL};
    static const char *const mod[] = {"article:modified_time", "og:updated_time", "dateModified", NULL};
    char d[11];
    if (iso_date(ld->published, d) || iso_date(html_meta_get(dom, pub), d))
        f->date = xstrdup(d);
    if (iso_date(ld->modified, d) || iso_date(html_meta_get(dom, mod), d))
        f->updated = xstrdup(d);
    return NF_OK;
}
