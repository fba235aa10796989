/* Class, id, role and itemprop evidence, read once from
 * data/html/hints.txt (its header explains the patterns). */
#include "ingest/html_hint.h"
#include "core/data.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum { HK_SUB, HK_WORD, HK_ROLE, HK_ITEMPROP, HK_KINDS };
enum { MAX_PATTERNS = 256, MAX_PATTERN = 24 };

typedef struct pattern {
    char text[MAX_PATTERN];
    unsigned char len;
    signed char weight;
} pattern;

static pattern patterns[HK_KINDS][MAX_PATTERNS];
static size_t npatterns[HK_KINDS];
static pthread_once_t hints_once = PTHREAD_ONCE_INIT;

/* Reads one line "WEIGHT KIND TEXT" of the data file. */
static int hint_line(const char *line, size_t len, void *arg)
{
    (void)arg;
    static const char *const kinds[HK_KINDS] = {"sub", "word", "role", "itemprop"};
    char kind[16], text[MAX_PATTERN + 1];
    int weight;
    char copy[128];
    if (len >= sizeof copy)
        return 0;
    memcpy(copy, line, len);
    copy[len] = '\0';
    if (sscanf(copy, "%d %15s %24s", &weight, kind, text) != 3 || strlen(text) >= MAX_PATTERN)
        return 0;
    for (int k = 0; k < HK_KINDS; k++)
        if (!strcmp(kind, kinds[k]) && npatterns[k] < MAX_PATTERNS) {
            pattern *p = &patterns[k][npatterns[k]++];
            memcpy(p->text, text, strlen(text) + 1);
            p->len = (unsigned char)strlen(text);
            p->weight = (signed char)weight;
        }
    return 0;
}

enum { MAX_FURNITURE = 128, MAX_FURNITURE_LEN = 48 };
static char furniture[MAX_FURNITURE][MAX_FURNITURE_LEN];
static size_t nfurniture;

/* Reads one line of data/html/furniture.txt. */
static int furniture_line(const char *line, size_t len, void *arg)
{
    (void)arg;
    if (len < MAX_FURNITURE_LEN && nfurniture < MAX_FURNITURE)
        memcpy(furniture[nfurniture++], line, len);
    return 0;
}

static void hints_init(void)
{
    data_each_line("html/hints.txt", hint_line, NULL);
    data_each_line("html/furniture.txt", furniture_line, NULL);
}

/* Returns 1 for an ASCII byte that is neither a letter nor a digit. */
static int is_punct(unsigned char c)
{
    return c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

int html_furniture(const char *s, size_t n)
{
    pthread_once(&hints_once, hints_init);
    char w[MAX_FURNITURE_LEN];
    size_t k = 0;
    int space = 0;
    while (n && is_punct((unsigned char)s[n - 1]))
        n--;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_punct(c) && c != '\'') {
            space = k > 0;
            continue;
        }
        if (k + 2 >= sizeof w)
            return 0;
        if (space)
            w[k++] = ' ';
        space = 0;
        w[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    w[k] = '\0';
    for (size_t f = 0; k && f < nfurniture; f++)
        if (!strcmp(w, furniture[f]))
            return 1;
    return 0;
}

/* The weight of the word s[0..n) among the word patterns. */
static int word_weight(const char *s, size_t n)
{
    int w = 0;
    for (size_t k = 0; k < npatterns[HK_WORD]; k++)
        if (patterns[HK_WORD][k].len == n && !memcmp(patterns[HK_WORD][k].text, s, n))
            w += patterns[HK_WORD][k].weight;
    return w;
}

/* The weight of the lower-cased class and id s. */
static int names_weight(const char *s)
{
    int w = 0;
    for (size_t k = 0; k < npatterns[HK_SUB]; k++)
        if (strstr(s, patterns[HK_SUB][k].text))
            w += patterns[HK_SUB][k].weight;
    for (const char *p = s; *p;) {
        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
            p++;
        const char *q = p;
        while ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9'))
            q++;
        if (q > p)
            w += word_weight(p, (size_t)(q - p));
        p = q;
    }
    return w;
}

/* The weight of an attribute value v among the patterns of kind k (exact,
 * ignoring case). */
static int attr_weight(int k, const char *v)
{
    int w = 0;
    for (size_t i = 0; v && i < npatterns[k]; i++)
        if (!strcasecmp(v, patterns[k][i].text))
            w += patterns[k][i].weight;
    return w;
}

/* Appends the lower-cased value v to s (of capacity cap, length *n). */
static void lower_append(char *s, size_t cap, size_t *n, const char *v)
{
    if (*n && *n + 1 < cap)
        s[(*n)++] = ' ';
    for (; v && *v && *n + 1 < cap; v++)
        s[(*n)++] = (char)(*v >= 'A' && *v <= 'Z' ? *v + 32 : *v);
    s[*n] = '\0';
}

int html_hint(const hdom *dom, uint32_t i)
{
    pthread_once(&hints_once, hints_init);
    const hnode *n = &dom->nodes[i];
    if (n->tag == HT_TEXT || !n->len)
        return 0;
    const char *cls = html_attr(dom, i, HA_CLASS), *id = html_attr(dom, i, HA_ID);
    int w = attr_weight(HK_ROLE, html_attr(dom, i, HA_ROLE)) +
            attr_weight(HK_ITEMPROP, html_attr(dom, i, HA_ITEMPROP));
    if (cls || id) {
        char s[512];
        size_t len = 0;
        s[0] = '\0';
        lower_append(s, sizeof s, &len, cls);
        lower_append(s, sizeof s, &len, id);
        w += names_weight(s);
    }
    return w;
}
