/* Fuzz target: the request header checks of `newsfuse serve`
 * (server/headers.c, plain functions compiled in here: they are part of
 * the CLI, not of the library). Byte 0 picks the check, the rest is the
 * header value up to its first NUL (headers reach them as C strings):
 *   0  srv_is_json_type(value)
 *   1  srv_token_ok(value, token): value split at 0x1e into the
 *      Authorization header and the token
 *   2  srv_host_is_loopback(value)
 * Each answers 0 or 1. The token check must equal its definition ("Bearer "
 * in any case, then exactly the token); a JSON type must start with
 * application/json; a loopback host must be localhost, [::1] or start
 * with 127. (the whole 127/8), with or without a port. */
#include "fuzz.h"
#include "../../server/headers.c"
#include <ctype.h>

/* The token check by its definition, without the constant-time loop. */
static int token_ok_ref(const char *auth, const char *token)
{
    return !strncasecmp(auth, "Bearer ", 7) && !strcmp(auth + 7, token);
}

/* Whether host, its port aside, is one a loopback answer may be given
 * for: localhost, [::1] (any case) or a first number of 127 (sscanf's %u
 * lets white space and a '+' go before it). */
static int may_be_loopback(const char *host)
{
    const char *p = host;
    if (!strncasecmp(p, "localhost", 9) || !strncmp(p, "[::1]", 5))
        return 1;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+')
        p++;
    return !strncmp(p, "127.", 4);
}

static void check(int which, char *value)
{
    if (which == 0) {
        int r = srv_is_json_type(value);
        FUZZ_CHECK(r == 0 || r == 1);
        const char *p = value + strspn(value, " \t");
        FUZZ_CHECK(!r || !strncasecmp(p, "application/json", 16));
    } else if (which == 1) {
        char *sep = strchr(value, FUZZ_SEP);
        const char *token = sep ? sep + 1 : "";
        if (sep)
            *sep = '\0';
        int r = srv_token_ok(value, token);
        FUZZ_CHECK(r == token_ok_ref(value, token));
    } else {
        int r = srv_host_is_loopback(value);
        FUZZ_CHECK(r == 0 || r == 1);
        FUZZ_CHECK(!r || may_be_loopback(value));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t n = strnlen((const char *)data + 1, size - 1);
    char *value = malloc(n + 1);
    if (!value)
        return 0;
    memcpy(value, data + 1, n);
    value[n] = '\0';
    check(data[0] % 3, value);
    free(value);
    return 0;
}
