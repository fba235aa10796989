/* The option registry: the keys, their defaults and their string forms.
 * Checking a value against what the pipeline offers (methods, languages,
 * an idf table) is the API's (api/options.c). */
#include "core/options.h"
#include "core/alloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const options_keys[OPT_COUNT + 1] = {
    "words", "sentences", "bytes", "ratio", "cut", "method", "language", "order", "min_words", "query",
    "max_document_bytes", "max_sentences", "max_seconds", "facts", "max_figures", "idf", "standalone", NULL};

const unsigned char options_types[OPT_COUNT] = {
    [OPT_WORDS] = OPT_T_COUNT,         [OPT_SENTENCES] = OPT_T_COUNT,
    [OPT_BYTES] = OPT_T_COUNT,         [OPT_RATIO] = OPT_T_NUMBER,
    [OPT_CUT] = OPT_T_BOOL,            [OPT_METHOD] = OPT_T_TEXT,
    [OPT_LANGUAGE] = OPT_T_TEXT,       [OPT_ORDER] = OPT_T_TEXT,
    [OPT_MIN_WORDS] = OPT_T_COUNT,     [OPT_QUERY] = OPT_T_TEXT,
    [OPT_MAX_DOC_BYTES] = OPT_T_COUNT, [OPT_MAX_SENTENCES] = OPT_T_COUNT,
    [OPT_MAX_SECONDS] = OPT_T_NUMBER,  [OPT_FACTS] = OPT_T_BOOL,
    [OPT_MAX_FIGURES] = OPT_T_COUNT,   [OPT_IDF] = OPT_T_TEXT,
    [OPT_STANDALONE] = OPT_T_BOOL,
};

const char *const *nf_option_keys(void) { return options_keys; }

void options_defaults(struct nf_options *o)
{
    memset(o, 0, sizeof *o);
    o->words = 100;
    o->min_words = 6;
    o->max_doc_bytes = OPT_DEFAULT_MAX_DOC_BYTES;
    o->max_sentences = OPT_DEFAULT_MAX_SENTENCES;
    o->max_seconds = OPT_DEFAULT_MAX_SECONDS;
    snprintf(o->method, sizeof o->method, "concept");
    snprintf(o->language, sizeof o->language, "english");
    const char *defaults[OPT_COUNT] = {"100", "0", "0", "0", "0", "concept", "english", "date", "6", ""};
    for (int k = 0; k < OPT_MAX_DOC_BYTES; k++)
        snprintf(o->value[k], sizeof o->value[k], "%s", defaults[k]);
    snprintf(o->value[OPT_MAX_DOC_BYTES], sizeof o->value[0], "%ld", o->max_doc_bytes);
    snprintf(o->value[OPT_MAX_SENTENCES], sizeof o->value[0], "%ld", o->max_sentences);
    snprintf(o->value[OPT_MAX_SECONDS], sizeof o->value[0], "%g", o->max_seconds);
    snprintf(o->value[OPT_FACTS], sizeof o->value[0], "0");
    o->max_figures = OPT_DEFAULT_MAX_FIGURES;
    snprintf(o->value[OPT_MAX_FIGURES], sizeof o->value[0], "%ld", o->max_figures);
    snprintf(o->value[OPT_STANDALONE], sizeof o->value[0], "0");
}

nf_options *nf_options_new(void)
{
    nf_options *o = xmalloc(sizeof *o);
    if (o)
        options_defaults(o);
    return o;
}

const char *nf_options_get(const nf_options *o, const char *key)
{
    for (int k = 0; o && key && k < OPT_COUNT; k++)
        if (!strcmp(options_keys[k], key))
            return k == OPT_QUERY ? o->query : k == OPT_IDF ? o->idf_path : o->value[k];
    return NULL;
}

const char *nf_options_error(const nf_options *o) { return o ? o->err : ""; }
