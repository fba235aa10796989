/* Tokens: Unicode word boundaries, case folding, stop words, stemming. */
#include "test.h"
#include "text/tokens.h"

struct collect {
    char out[512];
    size_t n;
};

static int on_token(const token *t, void *arg)
{
    struct collect *c = arg;
    c->n += (size_t)snprintf(c->out + c->n, sizeof c->out - c->n, "%s%.*s%s", c->n ? " " : "",
                             (int)t->len, t->form, t->stop ? "/s" : "");
    return 0;
}

static const char *tokens_of(tokenizer *tk, const char *s)
{
    static struct collect c;
    c.n = 0;
    c.out[0] = '\0';
    CHECK(tokenizer_each(tk, s, strlen(s), on_token, &c) == 0);
    return c.out;
}

TEST(english_stems_and_stops)
{
    tokenizer *tk = tokenizer_new("english");
    CHECK(tk != NULL);
    if (!tk)
        return;
    CHECK_STR(tokens_of(tk, "The rescuers were searching"), "the/s rescuer were/s search");
    CHECK_STR(tokens_of(tk, "3.5 million, 1,000"), "3 5 million 1 000");
    CHECK_STR(tokens_of(tk, "state-of-the-art"), "state of/s the/s art");
    tokenizer_free(tk);
}

TEST(unicode_letters_and_case_folding)
{
    tokenizer *tk = tokenizer_new("english");
    if (!tk)
        return;
    /* Accented Latin, Greek and Cyrillic letters make words; dashes do not. */
    CHECK_STR(tokens_of(tk, "Z\xC3\xBCRICH \xE2\x80\x94 caf\xC3\xA9"), "z\xC3\xBCrich caf\xC3\xA9");
    CHECK_STR(tokens_of(tk, "\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91"), "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1");
    CHECK_STR(tokens_of(tk, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"), "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    tokenizer_free(tk);
}

static size_t starts[8], ends[8], noff;
static int on_offsets(const token *t, void *arg)
{
    (void)arg;
    if (noff < 8)
        starts[noff] = t->start, ends[noff] = t->end;
    noff++;
    return 0;
}

TEST(offsets_index_the_input)
{
    tokenizer *tk = tokenizer_new("english");
    if (!tk)
        return;
    noff = 0;
    CHECK(tokenizer_each(tk, "  Hi, caf\xC3\xA9!", 12, on_offsets, NULL) == 0);
    CHECK(noff == 2);
    CHECK(starts[0] == 2 && ends[0] == 4);
    CHECK(starts[1] == 6 && ends[1] == 11);
    tokenizer_free(tk);
}

TEST(languages)
{
    CHECK(tokenizer_language_ok("english"));
    CHECK(tokenizer_language_ok("french"));
    CHECK(!tokenizer_language_ok("klingon"));
    CHECK(tokenizer_new("klingon") == NULL);
    tokenizer *tk = tokenizer_new("french");
    if (!tk)
        return;
    /* Stop words are checked before stemming, forms are stemmed. */
    CHECK_STR(tokens_of(tk, "les enfants"), "le/s enfant");
    tokenizer_free(tk);
}

int main(void)
{
    RUN(english_stems_and_stops);
    RUN(unicode_letters_and_case_folding);
    RUN(offsets_index_the_input);
    RUN(languages);
    TEST_EXIT();
}
