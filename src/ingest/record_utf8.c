/* Text the container readers hand over, made valid UTF-8: see
 * record_utf8.h. */
#include "ingest/record_utf8.h"
#include "core/utf8.h"

void record_utf8_clean(char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = utf8_valid_char((const unsigned char *)s + i, n - i);
        if (k)
            i += k;
        else
            s[i++] = '?';
    }
}
