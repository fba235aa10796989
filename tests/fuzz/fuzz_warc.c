/* Fuzz target: one WARC file (warc_read_mem, src/ingest/warc.c, and
 * warc_sniff), plain or gzip, with a 64 KiB cap on a body. Every record has
 * a body within the cap, strings that end, a date of a normalised form, a
 * number that goes up and an offset inside the input; errors carry a
 * message in valid UTF-8; the counts add up. */
#include "fuzz.h"
#include "ingest/warc.h"

#define FUZZ_MAX_BODY ((size_t)64 << 10)

typedef struct check_state {
    size_t size;
    long last;
} check_state;

static int on_record(const ingest_record *r, void *arg)
{
    check_state *c = arg;
    FUZZ_CHECK(r->body && r->body_len <= FUZZ_MAX_BODY && r->is_html == 1);
    FUZZ_CHECK(!r->url || (strlen(r->url) < 8192 && fuzz_utf8_valid(r->url, strlen(r->url))));
    FUZZ_CHECK(!r->charset || (strlen(r->charset) < 40 && fuzz_utf8_valid(r->charset, strlen(r->charset))));
    size_t dl = r->date ? strlen(r->date) : 10;
    FUZZ_CHECK(dl == 10 || dl == 19 || dl == 20 || dl == 25);
    FUZZ_CHECK(r->number > c->last && r->offset >= 0 && (size_t)r->offset <= c->size);
    c->last = r->number;
    return 0;
}

static int on_error(long number, long long offset, const char *msg, void *arg)
{
    check_state *c = arg;
    FUZZ_CHECK(number >= 0 && offset >= 0 && (size_t)offset <= c->size);
    FUZZ_CHECK(msg && strlen(msg) > 0 && fuzz_utf8_valid(msg, strlen(msg)));
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int sniffed = warc_sniff((const char *)data, size);
    FUZZ_CHECK(sniffed == 0 || sniffed == 1);
    check_state c = {size, 0};
    warc_stats st;
    int rc = warc_read_mem((const char *)data, size, FUZZ_MAX_BODY, on_record, on_error, &c, &st);
    FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY || rc == NF_EDATA || rc == NF_ENOMEM);
    FUZZ_CHECK(st.articles + st.skipped_type + st.skipped_revisit + st.skipped_status + st.skipped_mime <=
               st.records);
    FUZZ_CHECK(st.bytes_in == (long long)size);
    FUZZ_CHECK(rc != NF_OK || st.records > 0 || st.errors > 0);
    return 0;
}
