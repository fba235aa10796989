/* The figure sheet's changes between two outputs of an event (changes.h).
 * A group is known by what it counts (event, counted, modifier, place), so
 * the same group is found again in a sheet read from more reports; a value
 * by its bounds (its text for dates, which have none). */
#include "track/changes.h"
#include "core/alloc.h"
#include <stdio.h>
#include <string.h>

/* What a group counts, as the sheet's text rendering names it:
 * "killed: people (Estmark) in Greece". */
static void group_what(const nf_facts_sheet *sh, size_t g, char *out, size_t n)
{
    const char *event = "", *counted = "", *modifier = "";
    nf_facts_group(sh, g, &event, &counted, &modifier, NULL, NULL);
    nf_figure f;
    long first = nf_facts_group_figure(sh, g, 0);
    const char *place = first >= 0 && nf_facts_figure(sh, (size_t)first, &f, sizeof f) == NF_OK ? f.place : "";
    snprintf(out, n, "%s: %s%s%s%s%s%s", *event ? event : "count", *counted ? counted : "things",
             *modifier ? " (" : "", modifier, *modifier ? ")" : "", *place ? " in " : "", place);
}

/* A figure's value as a key: its bounds, or its text when it has none. */
static void value_key(const nf_figure *f, char *out, size_t n)
{
    if (f->low < 0)
        snprintf(out, n, "t:%s", f->text);
    else
        snprintf(out, n, "%.17g:%.17g", f->low, f->high);
}

/* The digest of group g: {"label", "values": {key: text}, "latest": text,
 * "latest_key"}, and the figure of its latest report in *latest. */
static json_t *group_digest(const nf_facts_sheet *sh, size_t g, nf_figure *latest)
{
    const char *label = "";
    size_t n = 0;
    nf_facts_group(sh, g, NULL, NULL, NULL, &label, &n);
    json_t *values = json_object();
    char key[96];
    for (size_t k = 0; values && k < n; k++) {
        long fi = nf_facts_group_figure(sh, g, k);
        if (fi < 0 || nf_facts_figure(sh, (size_t)fi, latest, sizeof *latest) != NF_OK)
            continue;
        value_key(latest, key, sizeof key);
        json_object_set_new(values, key, json_string(latest->text));
    }
    value_key(latest, key, sizeof key);
    return json_pack("{s:s,s:o,s:s,s:s}", "label", label, "values", values, "latest", latest->text,
                     "latest_key", key);
}

/* The report a figure comes from: its id and date. */
static void figure_source(const nf_docset *ds, const nf_figure *f, const char **id, const char **date)
{
    *id = nf_docset_doc_id(ds, f->doc);
    *date = nf_docset_doc_date(ds, f->doc);
}

/* The values of now that prev lacks, as new figures, each value once. */
static void new_values(const nf_docset *ds, const nf_facts_sheet *sh, size_t g, const char *what,
                       json_t *prev, json_t *out)
{
    json_t *known = json_object_get(prev, "values"), *said = json_object();
    size_t n = 0;
    nf_facts_group(sh, g, NULL, NULL, NULL, NULL, &n);
    char key[96];
    for (size_t k = 0; said && k < n; k++) {
        nf_figure f;
        long fi = nf_facts_group_figure(sh, g, k);
        if (fi < 0 || nf_facts_figure(sh, (size_t)fi, &f, sizeof f) != NF_OK)
            continue;
        value_key(&f, key, sizeof key);
        if (json_object_get(known, key) || json_object_get(said, key))
            continue;
        const char *id, *date;
        figure_source(ds, &f, &id, &date);
        json_array_append_new(out, json_pack("{s:s,s:s,s:s,s:s?}", "what", what, "text", f.text,
                                             "article", id, "date", date));
        json_object_set_new(said, key, json_true());
    }
    json_decref(said);
}

/* Adds the revision and conflict of group g, if they are new. */
static void label_changes(const nf_docset *ds, json_t *now, json_t *prev, const char *what,
                          const nf_figure *latest, json_t *changes, json_t *timeline)
{
    const char *label = json_string_value(json_object_get(now, "label"));
    const char *was = prev ? json_string_value(json_object_get(prev, "label")) : "";
    const char *id, *date;
    figure_source(ds, latest, &id, &date);
    char text[512];
    if (!strcmp(label, "revised") &&
        (strcmp(was ? was : "", "revised") ||
         strcmp(json_string_value(json_object_get(now, "latest_key")),
                json_string_value(json_object_get(prev, "latest_key"))))) {
        const char *from = prev ? json_string_value(json_object_get(prev, "latest")) : NULL;
        if (from && !strcmp(from, latest->text))
            from = NULL;
        json_array_append_new(json_object_get(changes, "revisions"),
                              json_pack("{s:s,s:s?,s:s,s:s,s:s?}", "what", what, "from", from, "to",
                                        latest->text, "article", id, "date", date));
        snprintf(text, sizeof text, "%s: %s%s%s", what, from ? from : "", from ? " -> " : "now ",
                 latest->text);
        json_array_append_new(timeline, json_pack("{s:I,s:s?,s:s,s:s,s:n,s:s}", "seq", (json_int_t)0,
                                                  "date", date, "kind", "revision", "article", id, "outlet",
                                                  "text", text));
    }
    if (!strcmp(label, "conflict") && strcmp(was ? was : "", "conflict")) {
        json_t *vals = json_array();
        const char *k;
        json_t *v;
        json_object_foreach(json_object_get(now, "values"), k, v)
            json_array_append(vals, v);
        json_array_append_new(json_object_get(changes, "conflicts"),
                              json_pack("{s:s,s:o}", "what", what, "values", vals));
        snprintf(text, sizeof text, "%s: the reports disagree", what);
        json_array_append_new(timeline, json_pack("{s:I,s:s?,s:s,s:s,s:n,s:s}", "seq", (json_int_t)0,
                                                  "date", date, "kind", "conflict", "article", id, "outlet",
                                                  "text", text));
    }
}

int changes_compute(const nf_docset *ds, const nf_facts_sheet *sh, const char *prev,
                    json_t **changes, json_t **timeline, char **digest)
{
    json_t *old = prev ? json_loads(prev, 0, NULL) : NULL;
    json_t *dig = json_object();
    *changes = json_pack("{s:[],s:[],s:[]}", "new_figures", "revisions", "conflicts");
    *timeline = json_array();
    *digest = NULL;
    char what[400], key[420];
    for (size_t g = 0; dig && *changes && g < nf_facts_group_count(sh); g++) {
        nf_figure latest;
        memset(&latest, 0, sizeof latest);
        latest.text = "";
        group_what(sh, g, what, sizeof what);
        json_t *now = group_digest(sh, g, &latest);
        if (!now)
            continue;
        /* two groups may count the same thing (a toll and "two more"):
         * the later ones are told apart by their rank, stable as the
         * sheet orders its groups */
        snprintf(key, sizeof key, "%s", what);
        for (int k = 2; json_object_get(dig, key); k++)
            snprintf(key, sizeof key, "%s #%d", what, k);
        json_t *before = json_object_get(old, key);
        new_values(ds, sh, g, what, before, json_object_get(*changes, "new_figures"));
        label_changes(ds, now, before, what, &latest, *changes, *timeline);
        json_object_set_new(dig, key, now);
    }
    char *text = dig ? json_dumps(dig, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(dig);
    json_decref(old);
    *digest = text; /* jansson allocates through the library's hook: xfree frees it */
    if (!*digest || !*changes || !*timeline) {
        xfree(*digest), *digest = NULL;
        json_decref(*changes), json_decref(*timeline);
        *changes = *timeline = NULL;
        return NF_ENOMEM;
    }
    return NF_OK;
}
