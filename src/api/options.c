/* Setting options (nf_options_set): each value checked against what the
 * pipeline offers (the methods of select/, the languages of text/, an idf
 * table read by model/), so the registry in core/options.c need know
 * none of them. */
#include "core/alloc.h"
#include "core/options.h"
#include "core/utf8.h"
#include "model/idf.h"
#include "select/methods.h"
#include "text/tokens.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const *nf_methods(void) { return method_names(); }

void nf_options_free(nf_options *o)
{
    if (o)
        nf_idf_free(o->idf);
    xfree(o);
}

static int bad(nf_options *o, const char *key, const char *value, const char *why)
{
    snprintf(o->err, sizeof o->err, "option %s: '%.40s' %s", key, value, why);
    utf8_cut_invalid(o->err); /* %.40s may end inside a character */
    return NF_EINVAL;
}

/* An unknown method: the message lists the methods, as the API, the
 * server and the bindings have no --list-methods to point to. */
static int bad_method(nf_options *o, const char *value)
{
    char why[256];
    size_t n = (size_t)snprintf(why, sizeof why, "is not a method; the methods:");
    for (const char *const *m = method_names(); *m && n < sizeof why; m++)
        n += (size_t)snprintf(why + n, sizeof why - n, " %s", *m);
    return bad(o, "method", value, why);
}

/* Parses a count in [0, 1e9]; -1 if value is not one. */
static long parse_count(const char *v)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    return (*v && !*end && !errno && n >= 0 && n <= 1000000000L) ? n : -1;
}

/* Sets one of the budget keys; a budget given explicitly replaces the
 * default 100 words unless words was set too. */
static int set_budget(nf_options *o, int k, const char *v)
{
    long n = parse_count(v);
    if (n < 0)
        return bad(o, options_keys[k], v, "is not a count");
    if (k == OPT_WORDS)
        o->words = n;
    else if (k == OPT_SENTENCES)
        o->sentences = n;
    else
        o->bytes = n;
    if (k != OPT_WORDS && !o->set[OPT_WORDS])
        o->words = 0, snprintf(o->value[OPT_WORDS], sizeof o->value[0], "0");
    return NF_OK;
}

static int set_ratio(nf_options *o, const char *v)
{
    char *end;
    double r = strtod(v, &end);
    if (!*v || *end || !(r > 0 && r <= 1))
        return bad(o, "ratio", v, "must be a number in (0, 1]");
    o->ratio = r;
    if (!o->set[OPT_WORDS])
        o->words = 0, snprintf(o->value[OPT_WORDS], sizeof o->value[0], "0");
    return NF_OK;
}

static int set_value(nf_options *o, int k, const char *v)
{
    switch (k) {
    case OPT_WORDS: case OPT_SENTENCES: case OPT_BYTES:
        return set_budget(o, k, v);
    case OPT_RATIO:
        return set_ratio(o, v);
    case OPT_CUT:
    case OPT_FACTS:
    case OPT_STANDALONE:
        if (strcmp(v, "0") && strcmp(v, "1"))
            return bad(o, options_keys[k], v, "must be 0 or 1");
        *(k == OPT_CUT ? &o->cut : k == OPT_FACTS ? &o->facts : &o->standalone) = v[0] == '1';
        return NF_OK;
    case OPT_METHOD:
        if (!method_find(v))
            return bad_method(o, v);
        snprintf(o->method, sizeof o->method, "%s", v);
        return NF_OK;
    case OPT_LANGUAGE:
        if (strlen(v) >= sizeof o->language || !tokenizer_language_ok(v))
            return bad(o, "language", v, "has no stemmer and stop list");
        if (o->idf && strcmp(v, o->idf->language))
            return bad(o, "language", v, "differs from the idf table's language");
        snprintf(o->language, sizeof o->language, "%s", v);
        return NF_OK;
    case OPT_ORDER:
        if (strcmp(v, "date") && strcmp(v, "rank"))
            return bad(o, "order", v, "must be 'date' or 'rank'");
        o->order_by_rank = v[0] == 'r';
        return NF_OK;
    case OPT_QUERY:
        snprintf(o->query, sizeof o->query, "%s", v);
        return NF_OK;
    case OPT_MAX_SECONDS: {
        char *end;
        double x = strtod(v, &end);
        if (!*v || *end || !(x >= 0 && x <= 1e6))
            return bad(o, options_keys[k], v, "must be a number of seconds (0 = no limit)");
        o->max_seconds = x;
        return NF_OK;
    }
    case OPT_MAX_DOC_BYTES:
    case OPT_MAX_SENTENCES:
    case OPT_MAX_FIGURES: {
        long n = parse_count(v);
        if (n < 0)
            return bad(o, options_keys[k], v, "is not a count (0 = no limit)");
        *(k == OPT_MAX_DOC_BYTES ? &o->max_doc_bytes
          : k == OPT_MAX_SENTENCES ? &o->max_sentences : &o->max_figures) = n;
        return NF_OK;
    }
    default: { /* OPT_MIN_WORDS */
        long n = parse_count(v);
        if (n < 0)
            return bad(o, options_keys[k], v, "is not a count");
        o->min_words = n;
        return NF_OK;
    }
    }
}

/* Makes the language follow table t (when set and not chosen by the
 * user) or the default; NF_EINVAL when the user chose another. */
static int follow_idf_language(nf_options *o, const nf_idf *t)
{
    const char *want = t ? t->language : "english";
    if (o->set[OPT_LANGUAGE] && t && strcmp(o->language, want)) {
        snprintf(o->err, sizeof o->err, "option idf: the table is for %s, the language set is %s",
                 want, o->language);
        return NF_EINVAL;
    }
    if (!o->set[OPT_LANGUAGE]) {
        snprintf(o->language, sizeof o->language, "%s", want);
        snprintf(o->value[OPT_LANGUAGE], sizeof o->value[0], "%s", want);
    }
    return NF_OK;
}

int nf_options_set_idf(nf_options *o, nf_idf *t)
{
    if (!o)
        return NF_EINVAL;
    if (follow_idf_language(o, t))
        return NF_EINVAL;
    nf_idf_free(o->idf);
    o->idf = t ? idf_share(t) : NULL;
    o->idf_path[0] = '\0';
    o->err[0] = '\0';
    return NF_OK;
}

/* The idf key: reads the table at path ("" drops the table). */
static int set_idf_path(nf_options *o, const char *path)
{
    if (strlen(path) >= sizeof o->idf_path)
        return bad(o, "idf", path, "is too long a path");
    if (!*path)
        return nf_options_set_idf(o, NULL);
    nf_idf *t = nf_idf_new();
    if (!t)
        return NF_ENOMEM;
    int rc = nf_idf_read(t, path);
    if (rc != NF_OK) {
        snprintf(o->err, sizeof o->err, "option idf: %s", nf_idf_error(t));
        utf8_cut_invalid(o->err); /* the path may end inside a character */
    } else if ((rc = nf_options_set_idf(o, t)) == NF_OK) {
        snprintf(o->idf_path, sizeof o->idf_path, "%s", path);
    }
    nf_idf_free(t);
    return rc;
}

int nf_options_set(nf_options *o, const char *key, const char *value)
{
    if (!o || !key || !value)
        return NF_EINVAL;
    for (int k = 0; k < OPT_COUNT; k++) {
        if (strcmp(options_keys[k], key))
            continue;
        if (k == OPT_IDF)
            return set_idf_path(o, value);
        size_t max = k == OPT_QUERY ? sizeof o->query : sizeof o->value[k];
        if (strlen(value) >= max)
            return bad(o, key, value, "is too long");
        int rc = set_value(o, k, value);
        if (rc == NF_OK) {
            o->set[k] = 1;
            if (k != OPT_QUERY)
                snprintf(o->value[k], sizeof o->value[k], "%s", value);
            o->err[0] = '\0';
        }
        return rc;
    }
    snprintf(o->err, sizeof o->err, "unknown option '%.60s'", key);
    return NF_EINVAL;
}

