/* Fuzz target: the request parser of `newsfuse serve` (srv_request_parse,
 * a pure function: no socket, clock or global state). Byte 0 picks the
 * route (summarize, facts, rouge, read), the rest is the body. A request is either parsed within the
 * limits or refused with 400, 413, 422 or 500 and a message; never both,
 * never a crash. The parser is compiled in from server/request.c (it is
 * part of the CLI, not of the library). */
#include "fuzz.h"
#include "../../server/request.c"

/* Checks a parsed request against the route and the limits. */
static void check_request(const srv_request *r, int route, const srv_limits *lim)
{
    FUZZ_CHECK(r->route == route);
    FUZZ_CHECK(r->json != NULL);
    if (route != SRV_ROUGE) {
        FUZZ_CHECK((r->opts != NULL) == (route != SRV_READ) && r->ndocs > 0 && r->input);
        FUZZ_CHECK(r->ndocs + r->nseen <= lim->max_documents);
    }
    for (size_t i = 0; i < r->ndocs; i++)
        FUZZ_CHECK(r->docs[i].text && r->docs[i].len <= lim->max_doc_bytes);
    for (size_t i = 0; i < r->nseen; i++)
        FUZZ_CHECK(r->seen[i].text && r->seen[i].len <= lim->max_doc_bytes);
    for (size_t i = 0; i < r->nsummaries; i++)
        FUZZ_CHECK(r->summaries[i].text && r->summaries[i].len <= lim->max_doc_bytes);
    for (size_t i = 0; i < r->nrefs; i++)
        for (size_t k = 0; k < r->refs[i].n; k++)
            FUZZ_CHECK(r->refs[i].texts[k] && r->refs[i].lens[k] <= lim->max_doc_bytes);
    int known = r->route != SRV_ROUGE && !r->splitter; /* a splitter is rouge's alone */
    for (const char *const *s = nf_rouge_splitters(); *s; s++)
        known |= r->route == SRV_ROUGE && r->splitter && !strcmp(r->splitter, *s);
    FUZZ_CHECK(known);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const srv_limits lim = {.max_body = 1 << 20, .max_documents = 8, .max_doc_bytes = 512,
                            .max_seconds = 1};
    int route = data[0] % 4;
    srv_request *r = (srv_request *)1;
    srv_error err = {0};
    int rc = srv_request_parse(route, (const char *)data + 1, size - 1, &lim, &r, &err);
    if (rc == 0) {
        FUZZ_CHECK(r != NULL);
        check_request(r, route, &lim);
    } else {
        FUZZ_CHECK(r == NULL);
        FUZZ_CHECK(rc == 400 || rc == 413 || rc == 422 || rc == 500);
        FUZZ_CHECK(err.status == rc && err.message[0] != '\0');
        FUZZ_CHECK(fuzz_utf8_valid(err.message, strlen(err.message))); /* it goes into JSON */
    }
    srv_request_free(r);
    return 0;
}
