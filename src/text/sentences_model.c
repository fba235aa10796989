/* The learned boundary model (see sentences_model.h). The model file has
 * one feature a line, "WEIGHT FEATURE" (an integer, a space, the feature's
 * text), after '#' comment lines; the table keys are the features' 64-bit
 * hashes (feats_hash), so a lookup never compares text. */
#include "text/sentences_model.h"
#include "core/data.h"
#include "text/sentences_feats.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MODEL_FILE "segmenter/en.model"
#define MODEL_SLOTS (1u << 16) /* a power of two: at most half of them hold features */

static uint64_t model_keys[MODEL_SLOTS]; /* 0: an empty slot */
static int32_t model_weights[MODEL_SLOTS];
static size_t model_count;
/* The slots in use: the smallest power of two at least four times the
 * model's lines (at least 1024), so a small model stays in cache. */
static size_t model_mask = MODEL_SLOTS - 1;
static pthread_once_t model_once = PTHREAD_ONCE_INIT;

/* Returns the slot of key h (never 0), or of the empty slot where it
 * belongs. The table is never more than half full, so one exists. */
static size_t model_slot(uint64_t h)
{
    size_t i = (size_t)(h ^ (h >> 29)) & model_mask;
    while (model_keys[i] && model_keys[i] != h)
        i = (i + 1) & model_mask;
    return i;
}

/* Returns the key of the feature text s[0..n): its hash, never 0. */
static uint64_t model_key(const char *s, size_t n)
{
    uint64_t h = feats_hash(s, n);
    return h ? h : 1;
}

/* data_each_line callback: adds one "WEIGHT FEATURE" line; returns 0, or
 * 1 (stop) when the table is full. */
static int model_add_line(const char *line, size_t len, void *arg)
{
    (void)arg;
    const char *sp = memchr(line, ' ', len);
    if (!sp || sp == line)
        return 0;
    if (model_count >= (model_mask + 1) / 2)
        return 1;
    long w = strtol(line, NULL, 10);
    size_t i = model_slot(model_key(sp + 1, len - (size_t)(sp + 1 - line)));
    if (!model_keys[i]) {
        model_keys[i] = model_key(sp + 1, len - (size_t)(sp + 1 - line));
        model_count++;
    }
    model_weights[i] = (int32_t)w;
    return 0;
}

/* Empties the table and fills it from text[0..len) line by line; returns
 * the count, or -1 when the table filled up. */
static long model_fill(const char *text, size_t len)
{
    size_t lines = 0, slots = 1024;
    for (const char *p = text; p && (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++)
        lines++;
    while (slots < 4 * (lines + 1) && slots < MODEL_SLOTS)
        slots *= 2;
    model_mask = slots - 1;
    /* Only the slots in use are touched: the rest of the static table
     * costs no memory. */
    memset(model_keys, 0, slots * sizeof model_keys[0]);
    memset(model_weights, 0, slots * sizeof model_weights[0]);
    model_count = 0;
    int full = 0;
    for (size_t a = 0; a < len && !full;) {
        const char *nl = memchr(text + a, '\n', len - a);
        size_t e = nl ? (size_t)(nl - text) : len, k = e;
        while (k > a && (text[k - 1] == '\r' || text[k - 1] == ' '))
            k--;
        if (k > a && text[a] != '#')
            full = model_add_line(text + a, k - a, NULL);
        a = e + 1;
    }
    return full ? -1 : (long)model_count;
}

/* pthread_once routine: loads the compiled-in model. */
static void model_load(void)
{
    size_t len = 0;
    const char *text = data_get(MODEL_FILE, &len);
    if (text)
        model_fill(text, len);
}

long segmodel_score(const uint64_t *h, size_t n)
{
    pthread_once(&model_once, model_load);
    long sum = 0;
    for (size_t k = 0; k < n; k++) {
        uint64_t key = h[k] ? h[k] : 1;
        size_t i = model_slot(key);
        sum += model_keys[i] ? model_weights[i] : 0;
    }
    return sum;
}

size_t segmodel_size(void)
{
    pthread_once(&model_once, model_load);
    return model_count;
}

long segmodel_replace(const char *text, size_t len)
{
    pthread_once(&model_once, model_load);
    return model_fill(text, len);
}
