/* UTF-8 repair: every kind of invalid input becomes U+FFFD, offsets map back. */
#include "test.h"
#include "core/alloc.h"
#include "core/utf8.h"

static const char FFFD[] = "\xEF\xBF\xBD";

/* Repairs s and compares with want; returns the number of fixes. */
static size_t repair_is(const char *s, size_t n, const char *want)
{
    utf8_repair r;
    CHECK(utf8_repair_text(s, n, &r) == 0);
    CHECK(r.len == strlen(want) && memcmp(r.text, want, r.len) == 0);
    size_t k = r.nfixes;
    utf8_repair_free(&r);
    return k;
}

TEST(valid_text_unchanged)
{
    CHECK(repair_is("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80", 14, "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80") == 0);
    CHECK(repair_is("", 0, "") == 0);
}

TEST(overlong_forms_replaced)
{
    /* C0 80 is an overlong NUL (C0 never leads: two replacements); E0 80 AF
     * an overlong '/' (E0 needs A0-BF next: three). */
    CHECK(repair_is("a\xC0\x80z", 4, "a\xEF\xBF\xBD\xEF\xBF\xBDz") == 2);
    CHECK(repair_is("\xE0\x80\xAF", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") == 3);
    /* F0 80 80 AF (overlong) and F4 90 80 80 (past U+10FFFF): four each. */
    CHECK(repair_is("\xF0\x80\x80\xAF", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") == 4);
    CHECK(repair_is("\xF4\x90\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") == 4);
}

TEST(surrogates_replaced)
{
    /* ED A0 80 would be U+D800: ED needs 80-9F next, so three. */
    CHECK(repair_is("x\xED\xA0\x80y", 5, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy") == 3);
}

TEST(truncated_sequence_and_lone_continuation)
{
    CHECK(repair_is("ab\xE2\x80", 4, "ab\xEF\xBF\xBD") == 1);
    CHECK(repair_is("\x80\x80q", 3, "\xEF\xBF\xBD\xEF\xBF\xBDq") == 2);
    CHECK(repair_is("\xFF", 1, FFFD) == 1);
}

TEST(nul_bytes_replaced)
{
    CHECK(repair_is("a\0b", 3, "a\xEF\xBF\xBD" "b") == 1);
}

TEST(offsets_map_back_to_original)
{
    /* "ab" + 1 bad byte + "cd": in the repair "cd" starts at 5, originally at 3. */
    utf8_repair r;
    CHECK(utf8_repair_text("ab\xFF" "cd", 5, &r) == 0);
    CHECK(utf8_original_offset(r.fixes, r.nfixes, 0) == 0);
    CHECK(utf8_original_offset(r.fixes, r.nfixes, 2) == 2);
    CHECK(utf8_original_offset(r.fixes, r.nfixes, 5) == 3);
    CHECK(utf8_original_offset(r.fixes, r.nfixes, 7) == 5);
    utf8_repair_free(&r);
    /* A lead byte cut short by "x", then a truncated 3-byte sequence. */
    CHECK(utf8_repair_text("\xC3" "x\xE2\x82zz", 6, &r) == 0);
    CHECK(r.nfixes == 2);
    CHECK(utf8_original_offset(r.fixes, r.nfixes, r.len) == 6);
    utf8_repair_free(&r);
}

int main(void)
{
    RUN(valid_text_unchanged);
    RUN(overlong_forms_replaced);
    RUN(surrogates_replaced);
    RUN(truncated_sequence_and_lone_continuation);
    RUN(nul_bytes_replaced);
    RUN(offsets_map_back_to_original);
    TEST_EXIT();
}
