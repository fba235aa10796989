/* The outlet of an article from its URL (outlet.h): articles of one site
 * count as one source in an event's timeline. */
#include "track/outlet.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

int track_outlet(const char *url, char *out, size_t n)
{
    if (!n)
        return 0;
    out[0] = '\0';
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p)
        return 0;
    p += 3;
    const char *at = p + strcspn(p, "/?#");
    const char *cred = memchr(p, '@', (size_t)(at - p)); /* user:password@host */
    if (cred)
        p = cred + 1;
    if (!strncasecmp(p, "www.", 4))
        p += 4;
    size_t k = 0;
    for (; p < at && *p != ':' && k + 1 < n; p++)
        out[k++] = (char)tolower((unsigned char)*p);
    out[k] = '\0';
    return k > 0;
}
