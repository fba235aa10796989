/* Checks on request headers, kept apart from the HTTP library so that they
 * can be tested and fuzzed as plain functions. */
#include "server.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Skips spaces and tabs. */
static const char *skip_ows(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

int srv_is_json_type(const char *ct)
{
    static const char json[] = "application/json";
    if (!ct || strncasecmp(skip_ows(ct), json, sizeof json - 1))
        return 0;
    const char *p = skip_ows(skip_ows(ct) + sizeof json - 1);
    while (*p == ';') {
        p = skip_ows(p + 1);
        if (!strncasecmp(p, "charset=", 8)) {
            const char *v = p + 8;
            size_t n = *v == '"' ? 7 : 5;
            if (strncasecmp(v, *v == '"' ? "\"utf-8\"" : "utf-8", n))
                return 0;
            p = v + n;
        } else {
            p += strcspn(p, ";");
        }
        p = skip_ows(p);
    }
    return *p == '\0';
}

int srv_token_ok(const char *auth, const char *token)
{
    static const char bearer[] = "Bearer ";
    if (!auth || strncasecmp(auth, bearer, sizeof bearer - 1))
        return 0;
    const char *given = auth + sizeof bearer - 1;
    size_t n = strlen(token), m = strlen(given);
    /* Compares every byte whatever the first difference, so the time taken
     * does not tell how much of a guess was right. */
    unsigned char diff = (unsigned char)(n != m);
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(token[i] ^ (i < m ? given[i] : 0));
    return diff == 0;
}

int srv_host_is_loopback(const char *host)
{
    if (!host)
        return 1; /* HTTP/1.0 without Host: nothing for a rebinding page to use */
    char name[256];
    size_t n = strlen(host);
    if (n >= sizeof name)
        return 0;
    memcpy(name, host, n + 1);
    char *colon = name[0] == '[' ? strchr(name, ']') : strrchr(name, ':');
    if (colon && name[0] == '[')
        colon[1] = '\0';
    else if (colon)
        *colon = '\0';
    unsigned a, b, c, d;
    char end;
    if (sscanf(name, "%3u.%3u.%3u.%3u%c", &a, &b, &c, &d, &end) == 4)
        return a == 127 && b < 256 && c < 256 && d < 256;
    return !strcasecmp(name, "localhost") || !strcmp(name, "[::1]");
}
