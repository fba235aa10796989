/* The event clusterer's training and evaluation tool (scripts/train_events.py).
 *
 *   events_features features GOLD.jsonl [--undated] [--untitled] [--window-days N]
 *       runs the stream with every article put into its gold event (the
 *       "event_id" of each line), and prints one line per candidate event
 *       the clusterer scored: "ARTICLE LABEL f1 ... fk" (LABEL 1 when the
 *       candidate is the article's gold event; features in the order of
 *       events_feature_names), and per article "A ARTICLE GOLD_ACTIVE
 *       GOLD_CANDIDATE" (its gold event was active / among the candidates)
 *   events_features cluster GOLD.jsonl [--undated] [--untitled]
 *                   [--window-days N] [--weights w1,...,wk] [--threshold X]
 *       clusters the stream as newsfuse cluster does, with these weights,
 *       and prints "ID\tEVENT" per article
 *
 * --undated reads every article as undated (the held-out corpus that
 * decides is undated), --untitled without its title (pages and wire
 * copies often have none). The features are the ones the library computes at
 * run time (src/events/), so what is learned is what is used. */
#include "events/events.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct art {
    char *id, *title, *date, *text, *gold;
} art;

static art *read_stream(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(2);
    }
    art *v = NULL;
    size_t cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    *n = 0;
    while (getline(&line, &lcap, f) > 0) {
        json_error_t e;
        json_t *o = json_loads(line, 0, &e);
        if (!o) {
            fprintf(stderr, "%s: %s\n", path, e.text);
            exit(2);
        }
        if (*n == cap && !(v = realloc(v, (cap = cap ? cap * 2 : 1024) * sizeof *v)))
            exit(2);
        const char *s;
        art *a = &v[(*n)++];
        a->id = strdup(json_string_value(json_object_get(o, "id")));
        a->title = (s = json_string_value(json_object_get(o, "title"))) ? strdup(s) : NULL;
        a->date = (s = json_string_value(json_object_get(o, "date"))) ? strdup(s) : NULL;
        a->text = strdup(json_string_value(json_object_get(o, "text")));
        a->gold = (s = json_string_value(json_object_get(o, "event_id"))) ? strdup(s) : strdup("");
        json_decref(o);
    }
    free(line);
    fclose(f);
    return v;
}

typedef struct probe_state {
    size_t article;
    uint64_t gold; /* the gold event's serial, 0 if none yet */
    int gold_seen;
} probe_state;

static void probe(void *arg, uint64_t serial, const double f[F_COUNT])
{
    probe_state *ps = arg;
    int label = ps->gold && serial == ps->gold;
    ps->gold_seen |= label;
    printf("%zu %d", ps->article, label);
    for (int i = 1; i < F_COUNT; i++) /* the bias is implied */
        printf(" %.6g", f[i]);
    putchar('\n');
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: events_features features|cluster GOLD.jsonl [options]\n");
        return 2;
    }
    int features = !strcmp(argv[1], "features"), undated = 0, untitled = 0;
    events_config cfg;
    if (events_config_default(&cfg))
        return fprintf(stderr, "no model compiled in\n"), 2;
    for (int i = 3; i < argc; i++) {
        if (!strcmp(argv[i], "--undated"))
            undated = 1;
        else if (!strcmp(argv[i], "--untitled"))
            untitled = 1;
        else if (!strcmp(argv[i], "--window-days") && i + 1 < argc)
            cfg.window_days = atol(argv[++i]);
        else if (!strcmp(argv[i], "--threshold") && i + 1 < argc)
            cfg.model.threshold = atof(argv[++i]);
        else if (!strcmp(argv[i], "--weights") && i + 1 < argc) {
            char *p = argv[++i];
            for (int k = 0; k < F_COUNT; k++, p++) {
                cfg.model.w[k] = strtod(p, &p);
                if (*p != ',' && k + 1 < F_COUNT)
                    return fprintf(stderr, "--weights: %d numbers\n", F_COUNT), 2;
            }
        } else
            return fprintf(stderr, "unknown option %s\n", argv[i]), 2;
    }
    size_t n;
    art *v = read_stream(argv[2], &n);
    events *e = events_new(&cfg);
    /* gold event -> its serial: the stream's gold ids, looked up linearly
     * per article over the distinct ones (a tool, small data) */
    char **golds = calloc(n, sizeof *golds);
    uint64_t *serials = calloc(n, sizeof *serials);
    size_t ngolds = 0;
    for (size_t k = 0; k < n; k++) {
        int bad;
        events_article a = {v[k].id, untitled ? NULL : v[k].title, v[k].text, strlen(v[k].text),
                            undated ? EVENTS_UNDATED : events_day(v[k].date, &bad)};
        events_result res;
        if (!features) {
            if (events_add(e, &a, &res))
                return 3;
            printf("%s\te%llu\n", v[k].id, (unsigned long long)res.serial);
            continue;
        }
        size_t g = 0;
        while (g < ngolds && strcmp(golds[g], v[k].gold))
            g++;
        if (g == ngolds)
            golds[ngolds++] = v[k].gold, serials[g] = 0;
        probe_state ps = {k, serials[g], 0};
        if (events_add_forced(e, &a, serials[g], probe, &ps, &res))
            return 3;
        printf("A %zu %d %d\n", k, serials[g] && res.serial == serials[g], ps.gold_seen);
        serials[g] = res.serial;
    }
    events_free(e);
    return 0;
}
