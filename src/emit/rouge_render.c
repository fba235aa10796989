/* The three report formats of ROUGE scores: a readable table,
 * JSON, and ROUGE-1.5.5's own lines (which pyrouge and friends parse). */
#include "core/alloc.h"
#include "emit/formats.h"
#include "eval/rouge.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Compares the leading digit runs of a and b as numbers (Perl's
 * /^([0-9]+)/ then <=>): by length without leading zeros, then by digits. */
static int digits_cmp(const char *a, const char *b)
{
    while (*a == '0' && isdigit((unsigned char)a[1]))
        a++;
    while (*b == '0' && isdigit((unsigned char)b[1]))
        b++;
    size_t la = strspn(a, "0123456789"), lb = strspn(b, "0123456789");
    if (la != lb)
        return la < lb ? -1 : 1;
    int c = strncmp(a, b, la);
    return (c > 0) - (c < 0);
}

int rouge_evalid_cmp(const char *a, const char *b)
{
    if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
        int c = digits_cmp(a, b);
        if (c)
            return c;
    }
    return strcmp(a, b);
}

/* A name and its index, sorted by name (no global state: renders of
 * distinct scorers may run at once). */
typedef struct keyed {
    const char *key;
    size_t idx;
} keyed;

/* qsort: by name, bytewise. */
static int keyed_strcmp(const void *a, const void *b)
{
    return strcmp(((const keyed *)a)->key, ((const keyed *)b)->key);
}

/* qsort: in ROUGE-1.5.5's -d order. */
static int keyed_evalid(const void *a, const void *b)
{
    return rouge_evalid_cmp(((const keyed *)a)->key, ((const keyed *)b)->key);
}

/* The indices of systems (by name) or clusters (by ROUGE's -d order);
 * NULL when out of memory. */
static size_t *sorted_order(const nf_rouge *r, int clusters)
{
    size_t n = clusters ? r->nclusters : r->nsystems;
    keyed *k = xmalloc((n ? n : 1) * sizeof *k);
    size_t *o = xmalloc((n ? n : 1) * sizeof *o);
    if (k && o) {
        for (size_t i = 0; i < n; i++)
            k[i] = (keyed){clusters ? r->clusters[i].id : r->systems[i].name, i};
        qsort(k, n, sizeof *k, clusters ? keyed_evalid : keyed_strcmp);
        for (size_t i = 0; i < n; i++)
            o[i] = k[i].idx;
    } else {
        xfree(o);
        o = NULL;
    }
    xfree(k);
    return o;
}

/* ROUGE-1.5.5's report: per system (sorted), per metric, the three
 * Average lines and, with per_cluster (-d), the "Eval" lines. */
static void render_155(const nf_rouge *r, const size_t *sys, const size_t *cl, int per_cluster,
                       buf *b)
{
    static const char vname[3] = {'R', 'P', 'F'};
    for (size_t si = 0; si < r->nsystems; si++) {
        const rouge_system *s = &r->systems[sys[si]];
        for (size_t m = 0; m < r->nmetrics; m++) {
            buf_puts(b, "---------------------------------------------\n");
            for (int v = 0; v < 3; v++) {
                const double *a = s->avg + (m * 3 + (size_t)v) * 3;
                buf_printf(b, "%s %s Average_%c: %7.5f (%s%%-conf.int. %7.5f - %7.5f)\n",
                           s->name, r->metrics[m].name, vname[v], a[0], r->st.conf_text, a[1],
                           a[2]);
            }
            if (!per_cluster)
                continue;
            buf_puts(b, ".............................................\n");
            for (size_t ci = 0; ci < r->nclusters; ci++) {
                const double *v = s->scores + (cl[ci] * r->nmetrics + m) * 3;
                if (v[0] == v[0]) /* not NAN: this system has a summary here */
                    buf_printf(b, "%s %s Eval %s.%s R:%7.5f P:%7.5f F:%7.5f\n", s->name,
                               r->metrics[m].name, r->clusters[cl[ci]].id, s->name, v[0], v[1],
                               v[2]);
            }
        }
    }
    buf_printf(b, "# signature: %s\n", r->signature);
}

/* The readable table: one row per system and metric. */
static void render_table(const nf_rouge *r, const size_t *sys, const size_t *cl, int per_cluster,
                         buf *b)
{
    buf_printf(b, "%-16s %-12s %8s %8s %8s   %-17s %-17s %-17s %s\n", "system", "metric", "R",
               "P", "F", "R conf. int.", "P conf. int.", "F conf. int.", "summaries");
    for (size_t si = 0; si < r->nsystems; si++) {
        const rouge_system *s = &r->systems[sys[si]];
        for (size_t m = 0; m < r->nmetrics; m++) {
            const double *a = s->avg + m * 9;
            buf_printf(b, "%-16s %-12s %8.5f %8.5f %8.5f   %7.5f-%7.5f   %7.5f-%7.5f   "
                          "%7.5f-%7.5f   %zu\n",
                       s->name, r->metrics[m].name, a[0], a[3], a[6], a[1], a[2], a[4], a[5],
                       a[7], a[8], s->nentries);
        }
        for (size_t ci = 0; per_cluster && ci < r->nclusters; ci++) {
            for (size_t m = 0; m < r->nmetrics; m++) {
                const double *v = s->scores + (cl[ci] * r->nmetrics + m) * 3;
                if (v[0] == v[0])
                    buf_printf(b, "  %-14s %-12s %8.5f %8.5f %8.5f   %s\n", s->name,
                               r->metrics[m].name, v[0], v[1], v[2], r->clusters[cl[ci]].id);
            }
        }
    }
    buf_printf(b, "signature: %s\n", r->signature);
}

/* Appends s as a JSON string. */
static void json_str(buf *b, const char *s)
{
    buf_putc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            buf_putc(b, '\\'), buf_putc(b, (char)c);
        else if (c < 0x20)
            buf_printf(b, "\\u%04x", c);
        else
            buf_putc(b, (char)c);
    }
    buf_putc(b, '"');
}

/* One system as a JSON object. */
static void json_system(const nf_rouge *r, const rouge_system *s, const size_t *cl,
                        int per_cluster, buf *b)
{
    static const char *const vname[3] = {"R", "P", "F"};
    buf_puts(b, "{\"system\":");
    json_str(b, s->name);
    buf_printf(b, ",\"summaries\":%zu,\"average\":{", s->nentries);
    for (size_t m = 0; m < r->nmetrics; m++) {
        buf_printf(b, "%s", m ? "," : "");
        json_str(b, r->metrics[m].name);
        buf_putc(b, ':');
        for (int v = 0; v < 3; v++) {
            const double *a = s->avg + (m * 3 + (size_t)v) * 3;
            buf_printf(b, "%s\"%s\":{\"avg\":%.5f,\"ci_low\":%.5f,\"ci_high\":%.5f}",
                       v ? "," : "{", vname[v], a[0], a[1], a[2]);
        }
        buf_putc(b, '}');
    }
    buf_putc(b, '}');
    if (per_cluster) {
        buf_puts(b, ",\"clusters\":{");
        int first = 1;
        for (size_t ci = 0; ci < r->nclusters; ci++) {
            const double *v0 = s->scores + cl[ci] * r->nmetrics * 3;
            if (!r->nmetrics || v0[0] != v0[0])
                continue;
            buf_puts(b, first ? "" : ",");
            first = 0;
            json_str(b, r->clusters[cl[ci]].id);
            buf_putc(b, ':');
            for (size_t m = 0; m < r->nmetrics; m++) {
                const double *v = v0 + m * 3;
                buf_puts(b, m ? "," : "{");
                json_str(b, r->metrics[m].name);
                buf_printf(b, ":[%.5f,%.5f,%.5f]", v[0], v[1], v[2]);
            }
            buf_putc(b, '}');
        }
        buf_putc(b, '}');
    }
    buf_putc(b, '}');
}

/* The JSON report. */
static void render_json(const nf_rouge *r, const size_t *sys, const size_t *cl, int per_cluster,
                        buf *b)
{
    buf_printf(b, "{\"schema\":\"%s\",\"kind\":\"rouge\",\"signature\":", NF_SCHEMA);
    json_str(b, r->signature);
    buf flags = {0};
    rouge_flags_text(&flags, &r->st);
    buf_putc(&flags, '\0');
    char *f = buf_take(&flags, NULL);
    buf_puts(b, ",\"rouge155_flags\":");
    json_str(b, f ? f : "");
    xfree(f);
    if (!f)
        b->failed = 1;
    buf_puts(b, ",\"metrics\":[");
    for (size_t m = 0; m < r->nmetrics; m++) {
        buf_puts(b, m ? "," : "");
        json_str(b, r->metrics[m].name);
    }
    buf_printf(b, "],\"clusters\":%zu,\"systems\":[", r->nclusters);
    for (size_t si = 0; si < r->nsystems; si++) {
        buf_puts(b, si ? "," : "");
        json_system(r, &r->systems[sys[si]], cl, per_cluster, b);
    }
    buf_puts(b, "]}\n");
}

int nf_rouge_render(const nf_rouge *r, const char *format, int per_cluster, char **out,
                    size_t *len)
{
    int f = format_index("rouge", format);
    if (!out)
        return NF_EINVAL;
    *out = NULL;
    if (!r || !r->scored || f < 0)
        return NF_EINVAL;
    size_t *sys = sorted_order(r, 0);
    size_t *cl = sorted_order(r, 1);
    buf b = {0};
    if (sys && cl) {
        if (f == FORMAT_ROUGE_155)
            render_155(r, sys, cl, per_cluster, &b);
        else if (f == FORMAT_ROUGE_JSON)
            render_json(r, sys, cl, per_cluster, &b);
        else
            render_table(r, sys, cl, per_cluster, &b);
    }
    b.failed |= !sys || !cl; /* out of memory: an error, not an empty report */
    xfree(sys), xfree(cl);
    buf_putc(&b, '\0'); /* an empty report is still a string */
    size_t n;
    *out = buf_take(&b, &n);
    if (!*out)
        return NF_ENOMEM;
    if (len)
        *len = n - 1;
    return NF_OK;
}
