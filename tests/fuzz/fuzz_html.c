/* Fuzz target: one web page (nf_page_extract, every getter, nf_page_render
 * in every format). The text and the metadata are valid UTF-8 without NUL
 * bytes; the runs are in text order, inside the text and the page, and
 * exact ones hold the same bytes in both; the JSON parses. The
 * input's first byte, when it is 0x1e, says to pass the URL that follows
 * up to the next 0x1e. */
#include "fuzz.h"
#include <jansson.h>

/* A string getter's promise: NULL, or valid UTF-8 without NUL. */
static void check_str(const char *s)
{
    FUZZ_CHECK(!s || fuzz_utf8_valid(s, strlen(s)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *page = (const char *)data, *url = NULL;
    char urlbuf[256];
    if (size && data[0] == FUZZ_SEP) {
        const uint8_t *end = memchr(data + 1, FUZZ_SEP, size - 1);
        size_t n = end ? (size_t)(end - data - 1) : 0;
        if (end && n < sizeof urlbuf) {
            memcpy(urlbuf, data + 1, n);
            urlbuf[n] = '\0';
            url = urlbuf;
            page = (const char *)end + 1, size -= n + 2;
        }
    }
    nf_page *p = NULL;
    int rc = nf_page_extract(page, size, url, &p);
    FUZZ_CHECK(rc == NF_OK || rc == NF_EEMPTY || rc == NF_EDATA || rc == NF_ENOMEM);
    FUZZ_CHECK((rc == NF_ENOMEM) == (p == NULL));
    if (!p)
        return 0;
    size_t len, n;
    const char *text = nf_page_text(p, &len);
    FUZZ_CHECK(text && strlen(text) == len && fuzz_utf8_valid(text, len));
    FUZZ_CHECK(rc != NF_OK || len > 0);
    const char *meta[] = {nf_page_title(p), nf_page_date(p), nf_page_updated(p), nf_page_author(p),
                          nf_page_site(p), nf_page_language(p), nf_page_url(p), nf_page_charset(p),
                          nf_page_error(p)};
    for (size_t k = 0; k < sizeof meta / sizeof *meta; k++)
        check_str(meta[k]);
    FUZZ_CHECK(!nf_page_date(p) || strlen(nf_page_date(p)) == 10);
    for (size_t k = 0; k < nf_page_warning_count(p); k++)
        check_str(nf_page_warning(p, k));
    const nf_page_span *s = nf_page_spans(p, &n);
    size_t last = 0;
    for (size_t k = 0; k < n; k++) {
        FUZZ_CHECK(s[k].text >= last && s[k].text + s[k].text_len <= len);
        FUZZ_CHECK(s[k].html + s[k].html_len <= size);
        FUZZ_CHECK(!s[k].exact || (s[k].text_len == s[k].html_len &&
                                   !memcmp(text + s[k].text, page + s[k].html, s[k].text_len)));
        FUZZ_CHECK(nf_page_html_offset(p, s[k].text) == s[k].html);
        last = s[k].text + s[k].text_len;
    }
    static const char *const formats[] = {"text", "json", "jsonl"};
    for (size_t f = 0; f < 3; f++) {
        char *out;
        size_t outlen;
        int r = nf_page_render(p, "page.html", formats[f], &out, &outlen);
        FUZZ_CHECK(r == NF_OK || r == NF_ENOMEM);
        if (r != NF_OK)
            continue;
        FUZZ_CHECK(strlen(out) == outlen && fuzz_utf8_valid(out, outlen));
        if (f) {
            json_t *j = json_loads(out, 0, NULL);
            FUZZ_CHECK(j != NULL);
            json_decref(j);
        }
        nf_free(out);
    }
    nf_page_free(p);
    return 0;
}
