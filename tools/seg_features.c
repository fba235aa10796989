/* seg_features: the sentence segmenter's side of training its model
 * (scripts/train_segmenter.py drives it).
 *
 *   seg_features features GOLD.jsonl [MODEL]
 *       one line per candidate boundary of every document:
 *       "DOC LABEL SCORE FEATURE FEATURE ...", where DOC is the document's
 *       line number (from 0), LABEL 1 when a gold sentence ends there, SCORE
 *       the model's score; the pass follows the gold decisions (so each
 *       candidate's features are those of the right sentence state).
 *   seg_features oracle GOLD.jsonl
 *       the same, following the gold decisions at every candidate: the
 *       best the candidates allow.
 *   seg_features split GOLD.jsonl [MODEL]
 *       {"id","offsets"} per document, as `newsfuse split --jsonl` prints,
 *       with the model's own decisions (to score with bench/sentence_f1.py).
 *
 * MODEL, a model file, replaces the compiled-in one. GOLD is a JSONL file
 * of {"id","text","offsets"} (UTF-8 byte offsets of the gold sentences).
 * Links the static library: it uses the segmenter's internals. */
#include "text/sentences.h"
#include "text/sentences_model.h"
#include "text/sentences_seg.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the observer needs: the text, where gold sentences end (trimmed),
 * the document's number, and whether to follow the gold decisions. */
typedef struct gold_doc {
    const char *text;
    size_t len;
    unsigned char *ends; /* ends[k]: a gold sentence ends at byte k */
    long doc;
    int follow;
} gold_doc;

/* Returns 1 if c is ASCII white space. */
static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/* The observer: prints the candidate and returns the gold verdict (or
 * the model's, when not following). */
static int observe(void *arg, size_t end, const seg_feats *f, long score, int yes)
{
    gold_doc *g = arg;
    size_t e = end;
    while (e > 0 && is_space(g->text[e - 1]))
        e--;
    int label = g->ends[e];
    if (!g->follow)
        return yes;
    if (g->follow == 2)
        return label;
    printf("%ld %d %ld %.*s\n", g->doc, label, score, (int)f->len, f->text);
    return label;
}

/* Reads a whole file into a NUL-terminated buffer; NULL on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *more = realloc(buf, cap *= 2);
            if (!more)
                free(buf);
            buf = more;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

/* Handles one gold document; returns 0, or 1 on a malformed line. */
static int one_doc(json_t *rec, long doc, int features)
{
    json_t *text = json_object_get(rec, "text"), *offs = json_object_get(rec, "offsets");
    if (!json_is_string(text) || !json_is_array(offs))
        return 1;
    gold_doc g = {.text = json_string_value(text), .len = json_string_length(text), .doc = doc,
                  .follow = features};
    int print = features != 1;
    g.ends = calloc(g.len + 1, 1);
    if (!g.ends)
        return 1;
    size_t i;
    json_t *o;
    json_array_foreach(offs, i, o) {
        size_t a = (size_t)json_integer_value(json_array_get(o, 0));
        size_t e = (size_t)json_integer_value(json_array_get(o, 1));
        while (e > a && e <= g.len && is_space(g.text[e - 1]))
            e--;
        if (e <= g.len)
            g.ends[e] = 1;
    }
    seg_observer obs = {observe, &g};
    span_vec v = {0};
    int rc = sentences_split_observed(g.text, g.len, &v, &obs) ? 1 : 0;
    if (!rc && print) {
        json_t *out = json_array();
        for (size_t k = 0; k < v.len; k++)
            json_array_append_new(out, json_pack("[II]", (json_int_t)v.items[k].start,
                                                 (json_int_t)v.items[k].end));
        json_t *line = json_pack("{sOso}", "id", json_object_get(rec, "id"), "offsets", out);
        char *s = json_dumps(line, JSON_COMPACT);
        if (s)
            puts(s);
        free(s);
        json_decref(line);
    }
    span_vec_free(&v);
    free(g.ends);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 3 || (strcmp(argv[1], "features") && strcmp(argv[1], "split") && strcmp(argv[1], "oracle"))) {
        fprintf(stderr, "usage: seg_features features|split|oracle GOLD.jsonl [MODEL]\n");
        return 2;
    }
    if (argc > 3) {
        size_t len;
        char *model = read_file(argv[3], &len);
        if (!model || segmodel_replace(model, len) < 0) {
            fprintf(stderr, "seg_features: cannot load %s\n", argv[3]);
            return 1;
        }
        free(model);
    }
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        fprintf(stderr, "seg_features: cannot read %s\n", argv[2]);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    long doc = 0;
    int bad = 0;
    while (getline(&line, &cap, f) > 0) {
        json_error_t err;
        json_t *rec = json_loads(line, 0, &err);
        int mode = !strcmp(argv[1], "features") ? 1 : !strcmp(argv[1], "oracle") ? 2 : 0;
        if (!rec || one_doc(rec, doc, mode))
            bad = 1;
        json_decref(rec);
        doc++;
    }
    free(line);
    fclose(f);
    return bad;
}
