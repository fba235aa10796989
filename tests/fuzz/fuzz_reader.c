/* Fuzz target: the reader (nf_reader_open_buffer, the sniffing of auto,
 * every format's reading, deferred records, nf_docset_source_span). Byte
 * 0 picks the format (its value modulo the number of formats, auto
 * first), whether lines are deferred (bit 7) and whether the input is
 * called "x.html" (bit 6: a name that tells the format); the rest is the
 * input. Checks: every status is one the header lists; an event passes
 * the docset getters' promises and its source spans lie inside the input;
 * an error has a message in valid UTF-8 (it goes into error records) and
 * a line within the input's; warnings are valid UTF-8; the reading ends,
 * and ends for good. */
#include "fuzz.h"

/* Checks an event the reader handed out (a deferred one read first). */
static void check_event(nf_docset *ds, size_t size)
{
    if (nf_docset_pending(ds)) {
        int rc = nf_docset_read_pending(ds);
        FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY || rc == NF_EDATA || rc == NF_ENOMEM);
        FUZZ_CHECK(nf_docset_pending(ds) == 0);
        if (rc == NF_EDATA)
            FUZZ_CHECK(fuzz_utf8_valid(nf_docset_error(ds), strlen(nf_docset_error(ds))));
    }
    fuzz_check_docset(ds);
    for (size_t i = 0; i < nf_docset_count(ds); i++) {
        size_t len, a, b;
        nf_docset_text(ds, i, &len);
        FUZZ_CHECK(nf_docset_source_span(ds, i, 0, len, &a, &b) == NF_OK);
        const char *url = nf_docset_doc_url(ds, i), *t = nf_docset_doc_title(ds, i);
        FUZZ_CHECK(!url || fuzz_utf8_valid(url, strlen(url)));
        FUZZ_CHECK(!t || fuzz_utf8_valid(t, strlen(t)));
        /* a converted report maps into the input; any other is its own map */
        FUZZ_CHECK(a <= b && (b <= size || (a == 0 && b == len)));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t nformats = 0;
    while (nf_reader_formats()[nformats])
        nformats++;
    const char *format = nf_reader_formats()[(data[0] & 0x3f) % nformats];
    nf_reader *r = NULL;
    int rc = nf_reader_open_buffer((const char *)data + 1, size - 1, data[0] & 0x40 ? "x.html" : "-", &r);
    if (rc == NF_ENOMEM)
        return 0;
    FUZZ_CHECK(rc == NF_OK && r);
    FUZZ_CHECK(nf_reader_set(r, "format", format) == NF_OK);
    FUZZ_CHECK(nf_reader_set(r, "defer", data[0] & 0x80 ? "1" : "0") == NF_OK);
    FUZZ_CHECK(nf_reader_set(r, "max_line_bytes", "4096") == NF_OK);
    const char *sniffed = nf_reader_format(r);
    FUZZ_CHECK(sniffed && fuzz_utf8_valid(sniffed, strlen(sniffed)));
    size_t lines = 1;
    for (size_t i = 1; i < size; i++)
        lines += data[i] == '\n';
    for (size_t items = 0;; items++) {
        FUZZ_CHECK(items <= lines + 4); /* at most an item per line, and a few more */
        nf_docset *ds = NULL;
        rc = nf_reader_next(r, &ds);
        FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY || rc == NF_EDATA || rc == NF_ELIMIT ||
                   rc == NF_EIO || rc == NF_ENOMEM);
        FUZZ_CHECK((rc == NF_OK) == (ds != NULL));
        for (size_t k = 0; k < nf_reader_warning_count(r); k++)
            FUZZ_CHECK(fuzz_utf8_valid(nf_reader_warning(r, k), strlen(nf_reader_warning(r, k))));
        FUZZ_CHECK(nf_reader_line(r) >= 0 && (size_t)nf_reader_line(r) <= lines);
        if (ds)
            check_event(ds, size - 1);
        else if (rc != NF_EEMPTY) {
            const char *msg = nf_reader_error(r);
            FUZZ_CHECK(msg[0] && fuzz_utf8_valid(msg, strlen(msg)));
            const char *id = nf_reader_record_id(r);
            FUZZ_CHECK(!id || fuzz_utf8_valid(id, strlen(id)));
        }
        nf_docset_free(ds);
        if (rc == NF_EEMPTY || rc == NF_ENOMEM)
            break;
    }
    nf_docset *ds = NULL;
    if (rc == NF_EEMPTY)
        FUZZ_CHECK(nf_reader_next(r, &ds) == NF_EEMPTY && ds == NULL);
    nf_reader_free(r);
    return 0;
}
