/* Fuzz target: article grouping (article_group, the one rule of
 * `newsfuse batch --input articles` and the Python Reader). The input is
 * article JSONL lines, fed in turn. Checks: each line is read (NF_OK),
 * refused (NF_EDATA, with a message in valid UTF-8 that goes into an
 * error record, and the open event untouched) or NF_ENOMEM; an event is
 * closed only by a line of another event; every set holds the articles of
 * one event, passes the docset getters' promises, and no article is lost
 * or counted twice. Articles without an event make one event of their
 * own, without an id. */
#include "fuzz.h"
#include "batch/batch.h"
#include "ingest/article_jsonl.h"

/* Set once a line ran out of memory: a set may then lack its article. */
static int out_of_memory;

/* Checks a set of one event, as it is closed or at the end; returns its
 * number of reports. */
static size_t check_event(const nf_docset *ds)
{
    /* an event's id, or none (articles without an event), never "" */
    FUZZ_CHECK(nf_docset_id(ds) == NULL || nf_docset_id(ds)[0] != '\0');
    FUZZ_CHECK(out_of_memory || nf_docset_count(ds) > 0);
    fuzz_check_docset(ds);
    return nf_docset_count(ds);
}

/* Feeds one line; adds to *read the articles it adds and to *sets the
 * reports of the event it closes. */
static void feed(nf_docset **open, const char *line, size_t n, size_t *read, size_t *sets)
{
    nf_docset *before = *open, *closed = (nf_docset *)1;
    char *bad_id = (char *)1, err[256];
    int rc = article_group(open, &closed, line, n, &bad_id, err, sizeof err);
    FUZZ_CHECK(rc == NF_OK || rc == NF_EDATA || rc == NF_ENOMEM);
    FUZZ_CHECK(closed != (nf_docset *)1 && bad_id != (char *)1);
    out_of_memory |= rc == NF_ENOMEM;
    if (rc == NF_EDATA) {
        FUZZ_CHECK(err[0] != '\0' && fuzz_utf8_valid(err, strlen(err)));
        FUZZ_CHECK(*open == before && closed == NULL);
        FUZZ_CHECK(!bad_id || fuzz_utf8_valid(bad_id, strlen(bad_id)));
    }
    if (rc == NF_OK) {
        FUZZ_CHECK(*open != NULL);
        const char *was = closed ? nf_docset_id(closed) : NULL, *now = nf_docset_id(*open);
        FUZZ_CHECK(!closed || (closed == before && (was && now ? strcmp(was, now) != 0 : was != now)));
        (*read)++;
    }
    if (closed)
        *sets += check_event(closed);
    nf_docset_free(closed);
    nf_free(bad_id);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nf_docset *open = NULL;
    size_t read = 0, sets = 0;
    out_of_memory = 0;
    for (size_t i = 0; i < size;) {
        const uint8_t *nl = memchr(data + i, '\n', size - i);
        size_t e = nl ? (size_t)(nl - data) : size;
        feed(&open, (const char *)data + i, e - i, &read, &sets);
        i = e + 1;
    }
    if (open)
        sets += check_event(open);
    FUZZ_CHECK(out_of_memory || sets == read); /* nothing lost, nothing twice */
    nf_docset_free(open);
    return 0;
}
