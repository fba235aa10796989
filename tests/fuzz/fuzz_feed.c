/* Fuzz target: one feed (feed_read, src/ingest/feed.c, and feed_sniff).
 * The status is one the header names; every record has a body, and its
 * title, address and body are valid UTF-8 without NUL bytes; dates have
 * one of the normalised forms; numbers go up and offsets lie inside the
 * input; an error message is valid UTF-8 too. */
#include "fuzz.h"
#include "ingest/feed.h"

typedef struct check_state {
    size_t size;
    long last;
} check_state;

/* A string of a record: NULL, or valid UTF-8 without NUL. */
static void check_str(const char *s)
{
    FUZZ_CHECK(!s || fuzz_utf8_valid(s, strlen(s)));
}

static int on_record(const ingest_record *r, void *arg)
{
    check_state *c = arg;
    FUZZ_CHECK(r->body && r->body_len > 0 && fuzz_utf8_valid(r->body, r->body_len));
    check_str(r->title);
    check_str(r->url);
    check_str(r->date);
    size_t dl = r->date ? strlen(r->date) : 10;
    FUZZ_CHECK(dl == 10 || dl == 19 || dl == 20 || dl == 25);
    FUZZ_CHECK(r->number > c->last && r->offset >= 0 && (size_t)r->offset < c->size);
    FUZZ_CHECK(r->charset == NULL);
    c->last = r->number;
    return 0;
}

static int on_error(long number, long long offset, const char *msg, void *arg)
{
    check_state *c = arg;
    FUZZ_CHECK(number >= 0 && offset >= 0 && (size_t)offset <= c->size);
    FUZZ_CHECK(msg && fuzz_utf8_valid(msg, strlen(msg)));
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int kind = feed_sniff((const char *)data, size);
    FUZZ_CHECK(kind == FEED_NONE || kind == FEED_RSS || kind == FEED_ATOM);
    check_state c = {size, 0};
    feed_stats st;
    int rc = feed_read((const char *)data, size, on_record, on_error, &c, &st);
    FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY || rc == NF_EDATA || rc == NF_ENOMEM);
    FUZZ_CHECK(st.records <= st.items);
    FUZZ_CHECK(rc != NF_OK || st.items > 0);
    return 0;
}
