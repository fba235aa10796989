/* The figure sheet out: a table for a terminal, NF_SCHEMA JSON, and
 * Markdown. Groups are shown disagreements first (conflict, revised),
 * then agreements, then figures only one report gives. */
#include "core/alloc.h"
#include "core/buf.h"
#include "emit/formats.h"
#include "facts/facts.h"
#include "emit/docset_json.h"
#include "ingest/docset.h"
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Group order for people: label rank (conflict, revised, agree, single),
 * then first appearance. Fills order[0..ngroups). */
static void group_order(const nf_facts_sheet *sh, size_t *order)
{
    static const int rank[] = {3, 2, 1, 0}; /* by label: single agree revised conflict */
    size_t k = 0;
    for (int r = 0; r < 4; r++)
        for (size_t g = 0; g < sh->ngroups; g++)
            if (rank[sh->groups[g].label] == r)
                order[k++] = g;
}

/* The nouns a group's figures count as a reader reads them, distinct, in
 * the order of the figures, joined by " / " (at most three): "militants /
 * kidnappers" where the sheet's class is "militant". */
static void group_nouns(const nf_facts_sheet *sh, const fgroup *g, char *out, size_t cap)
{
    const char *seen[3];
    size_t n = 0, len = 0;
    out[0] = '\0';
    for (size_t k = 0; k < g->n && n < 3; k++) {
        const char *w = facts_noun_shown(&sh->figs[g->figs[k]]);
        int dup = !w[0];
        for (size_t j = 0; j < n && !dup; j++)
            dup = !strcmp(seen[j], w);
        if (dup)
            continue;
        seen[n++] = w;
        if (len < cap)
            len += (size_t)snprintf(out + len, cap - len, "%s%s", n > 1 ? " / " : "", w);
    }
    if (!n)
        snprintf(out, cap, "%s", g->counted);
}

/* What a group counts, e.g. "killed: people (Estmarkian)", "killed: people
 * in Homs" for a group split by place: nouns, nationalities and places as
 * the reports write them (or the gazetteer names them), never keys. */
static void group_title(const nf_facts_sheet *sh, const fgroup *g, char *out, size_t cap)
{
    const char *inc = g->incident ? g->incident : "";
    const char *who = g->nation_shown && g->nation_shown[0] ? g->nation_shown : "";
    char nouns[128];
    group_nouns(sh, g, nouns, sizeof nouns);
    snprintf(out, cap, "%s: %s%s%s%s%s%s%s%s", g->event, nouns, who[0] ? " (" : "", who,
             who[0] ? ")" : "", g->place[0] ? " in " : "", g->place, inc[0] ? ", in the " : "", inc);
}

/* Appends text[0..n) with line breaks as spaces, cut at about max bytes on
 * a UTF-8 boundary ("..." marks a cut). */
static void put_excerpt(buf *b, const char *text, size_t n, size_t max)
{
    size_t k = n;
    if (n > max) {
        k = max;
        while (k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
            k--;
    }
    for (size_t i = 0; i < k; i++)
        buf_putc(b, text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i]);
    if (k < n)
        buf_puts(b, "...");
}

/* The marks after a value: (update), (earlier), (part of 18), (+more). */
static void put_marks(buf *b, const nf_facts_sheet *sh, const figure *f)
{
    /* what the text asserts first: a feared or claimed toll is no count */
    if (f->status != ST_CURRENT && f->status != ST_PREVIOUS)
        buf_printf(b, " (%s)", facts_status_name(f->status));
    else if (f->cue == CUE_UPDATE)
        buf_puts(b, " (update)");
    if (f->cue == CUE_PREVIOUS || f->status == ST_PREVIOUS)
        buf_puts(b, " (earlier)");
    if (f->part_of >= 0) {
        char v[64];
        facts_value_string(&sh->figs[f->part_of], v, sizeof v);
        buf_printf(b, " (part of %s)", v);
    }
    if (f->increment)
        buf_puts(b, " (more)");
    if (f->component)
        buf_puts(b, " (part of a total)");
}

static void text_figure(buf *b, const nf_facts_sheet *sh, const nf_docset *ds, const figure *f)
{
    char v[96];
    facts_value_string(f, v, sizeof v);
    buf_printf(b, "  [%u] %-12s", f->doc + 1, v);
    put_marks(b, sh, f);
    if (f->speaker[0])
        buf_printf(b, "  per %s", f->speaker);
    if (f->when[0])
        buf_printf(b, "  (%s)", f->when);
    buf_puts(b, "\n        \"");
    put_excerpt(b, ds->docs[f->doc].text + f->sent_start, f->sent_end - f->sent_start, 110);
    buf_puts(b, "\"\n");
}

/* Returns 1 if figure f stands for a value of its own in the group's
 * summary line (not a part, increment or component). */
static int shows_value(const nf_facts_sheet *sh, const figure *f)
{
    return (f->part_of < 0 || sh->figs[f->part_of].group != f->group) && !f->increment && !f->component;
}

/* The values of one group already listed: open addressing over (lo, hi),
 * so listing a group's distinct values costs one probe per figure, not a
 * scan of the figures before it (a group of 40k figures took seconds). */
typedef struct value_set {
    const figure **slot; /* NULL = empty */
    size_t mask;         /* slots - 1, a power of two minus one */
} value_set;

/* Room for n values at most half full; returns 0, or -1 when out of memory. */
static int value_set_init(value_set *s, size_t n)
{
    size_t slots = 16;
    while (slots < 2 * n)
        slots *= 2;
    s->slot = xcalloc(slots, sizeof *s->slot);
    s->mask = slots - 1;
    return s->slot ? 0 : -1;
}

static size_t value_hash(double lo, double hi)
{
    uint64_t a, b;
    if (lo == 0) /* -0 and 0 compare equal, so they must hash alike */
        lo = 0;
    if (hi == 0)
        hi = 0;
    memcpy(&a, &lo, sizeof a);
    memcpy(&b, &hi, sizeof b);
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15u)) * 0xFF51AFD7ED558CCDu;
    return (size_t)(h ^ (h >> 29));
}

/* Adds f's value; returns 1 if it was not there yet. */
static int value_set_add(value_set *s, const figure *f)
{
    size_t k = value_hash(f->lo, f->hi) & s->mask;
    for (; s->slot[k]; k = (k + 1) & s->mask)
        if (s->slot[k]->lo == f->lo && s->slot[k]->hi == f->hi)
            return 0;
    s->slot[k] = f;
    return 1;
}

/* The distinct values of a group in document order, "5 / 6"; for a
 * revision the current value comes last: "12 -> 14" ("at least 12"
 * counts as 12). Out of memory marks b failed. */
static void text_values(buf *b, const nf_facts_sheet *sh, const fgroup *g)
{
    const figure *cur = g->label == LABEL_REVISED && g->latest >= 0 ? &sh->figs[g->latest] : NULL;
    const char *sep = cur ? " -> " : " / ";
    int first = 1;
    char v[96];
    value_set seen;
    if (value_set_init(&seen, g->n)) {
        b->failed = 1;
        return;
    }
    for (size_t k = 0; k < g->n; k++) {
        const figure *f = &sh->figs[g->figs[k]];
        if (!shows_value(sh, f) || (cur && f->lo == cur->lo && f->hi == cur->hi))
            continue;
        if (!value_set_add(&seen, f))
            continue;
        facts_value_string(f, v, sizeof v);
        buf_printf(b, "%s%s", first ? "" : sep, v);
        first = 0;
    }
    xfree(seen.slot);
    if (cur) {
        facts_value_string(cur, v, sizeof v);
        buf_printf(b, "%s%s", first ? "" : sep, v);
    }
    /* A group of additions only ("two more bodies") shows them as such,
     * never an empty value. */
    for (size_t k = 0, shown = 0; first && !cur && k < g->n; k++) {
        const figure *f = &sh->figs[g->figs[k]];
        if (!f->increment)
            continue;
        facts_value_string(f, v, sizeof v);
        buf_printf(b, "%s+%s", shown++ ? " / " : "", v);
    }
}

static void render_text(buf *b, const nf_facts_sheet *sh, const nf_docset *ds, const size_t *order)
{
    size_t counts[4] = {0}, other = 0;
    for (size_t g = 0; g < sh->ngroups; g++)
        counts[sh->groups[g].label]++;
    for (size_t i = 0; i < sh->n; i++)
        other += sh->figs[i].group < 0;
    buf_printf(b, "Figure sheet: %zu report%s, %zu group%s: %zu conflict, %zu revised, %zu agree, %zu single\n",
               ds->ndocs, ds->ndocs == 1 ? "" : "s", sh->ngroups, sh->ngroups == 1 ? "" : "s",
               counts[LABEL_CONFLICT], counts[LABEL_REVISED], counts[LABEL_AGREE], counts[LABEL_SINGLE]);
    for (size_t o = 0; o < sh->ngroups; o++) {
        const fgroup *g = &sh->groups[order[o]];
        char title[256];
        group_title(sh, g, title, sizeof title);
        buf_printf(b, "\n%-8s  %s  ", facts_label_name(g->label), title);
        text_values(b, sh, g);
        buf_putc(b, '\n');
        if (g->label == LABEL_REVISED || g->label == LABEL_CONFLICT)
            buf_printf(b, "  why: %s\n", g->reason ? g->reason : "");
        for (size_t k = 0; k < g->n; k++)
            text_figure(b, sh, ds, &sh->figs[g->figs[k]]);
    }
    buf_printf(b, "\n%zu other quantit%s (dates, durations, measures, ungrouped counts): see --format json\n",
               other, other == 1 ? "y" : "ies");
    buf_puts(b, "\nReports:\n");
    for (size_t d = 0; d < ds->ndocs; d++)
        buf_printf(b, "  [%zu] %s%s%s%s\n", d + 1, ds->docs[d].id, ds->docs[d].date ? " (" : "",
                   ds->docs[d].date ? ds->docs[d].date : "", ds->docs[d].date ? ")" : "");
}

/* Escapes a Markdown table cell: pipes and line breaks. */
static void md_cell(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '|')
            buf_puts(b, "\\|");
        else
            buf_putc(b, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    }
}

static void render_md(buf *b, const nf_facts_sheet *sh, const nf_docset *ds, const size_t *order)
{
    buf_printf(b, "# Figure sheet\n\n%zu reports, %zu groups.\n", ds->ndocs, sh->ngroups);
    for (size_t o = 0; o < sh->ngroups; o++) {
        const fgroup *g = &sh->groups[order[o]];
        char title[256], v[96];
        group_title(sh, g, title, sizeof title);
        buf_printf(b, "\n## %s — %s: ", title, facts_label_name(g->label));
        text_values(b, sh, g);
        if (g->reason && (g->label == LABEL_REVISED || g->label == LABEL_CONFLICT)) {
            buf_puts(b, "\n\n*Why:* ");
            md_cell(b, g->reason, strlen(g->reason));
        }
        buf_puts(b, "\n\n| Report | Value | Said by | When | Sentence |\n|---|---|---|---|---|\n");
        for (size_t k = 0; k < g->n; k++) {
            const figure *f = &sh->figs[g->figs[k]];
            facts_value_string(f, v, sizeof v);
            buf_printf(b, "| [%u] %s | %s", f->doc + 1, ds->docs[f->doc].id, v);
            put_marks(b, sh, f);
            buf_puts(b, " | ");
            md_cell(b, f->speaker, strlen(f->speaker));
            buf_puts(b, " | ");
            md_cell(b, f->when, strlen(f->when));
            buf_puts(b, " | ");
            md_cell(b, ds->docs[f->doc].text + f->sent_start, f->sent_end - f->sent_start);
            buf_puts(b, " |\n");
        }
    }
}

static json_t *json_figure(const nf_facts_sheet *sh, size_t i)
{
    const nf_docset *ds = sh->ds;
    nf_figure f;
    nf_facts_figure(sh, i, &f, sizeof f);
    char v[96];
    facts_value_string(&sh->figs[i], v, sizeof v);
    json_t *o = json_pack("{s:I, s:{s:I, s:s}, s:I, s:I, s:{s:I, s:I}, s:s, s:s, s:s, s:s}", "id", (json_int_t)i,
                          "doc", "index", (json_int_t)f.doc, "id", ds->docs[f.doc].id, "start",
                          (json_int_t)f.start, "end", (json_int_t)f.end, "sentence", "start",
                          (json_int_t)f.sentence_start, "end", (json_int_t)f.sentence_end, "text", f.text,
                          "value", v, "kind", f.kind, "qualifier", f.qualifier);
    if (!o)
        return NULL;
    /* A converted report's figure: the bytes of its source (a web page as
     * read) it came from, and its sentence's, as a summary sentence has. */
    json_t *src = docset_json_source(ds, f.doc, f.start, f.end);
    if (src) {
        json_object_set_new(o, "source", src);
        json_t *sentence = json_object_get(o, "sentence");
        json_object_set_new(sentence, "source",
                            docset_json_source(ds, f.doc, f.sentence_start, f.sentence_end));
    }
    json_object_set_new(o, "low", f.low >= 0 ? json_real(f.low) : json_null());
    json_object_set_new(o, "high", f.high >= 0 ? json_real(f.high) : json_null());
    const char *keys[] = {"counted", "modifier", "event", "speaker", "time", "cue"};
    const char *vals[] = {f.counted, f.modifier, f.event, f.speaker, f.time, f.cue};
    for (int k = 0; k < 6; k++)
        json_object_set_new(o, keys[k], vals[k][0] ? json_string(vals[k]) : json_null());
    const char *place = sh->figs[i].place ? sh->figs[i].place : "";
    json_object_set_new(o, "place", place[0] ? json_string(place) : json_null()); /* "in Greece" */
    json_object_set_new(o, "part_of", f.part_of >= 0 ? json_integer(f.part_of) : json_null());
    json_object_set_new(o, "group", f.group >= 0 ? json_integer(f.group) : json_null());
    json_object_set_new(o, "increment", json_boolean(f.increment));
    json_object_set_new(o, "component", json_boolean(f.component));
    const figure *x = &sh->figs[i];
    json_object_set_new(o, "status", json_string(facts_status_name(x->status)));
    json_object_set_new(o, "incident", x->incident && x->incident[0] ? json_string(x->incident) : json_null());
    json_object_set_new(o, "nationality", x->nation_shown && x->nation_shown[0] ? json_string(x->nation_shown)
                                                                                 : json_null());
    const char *noun = facts_noun_shown(x);
    json_object_set_new(o, "noun", noun[0] ? json_string(noun) : json_null());
    json_object_set_new(o, "status_cue", x->status_cue && x->status_cue[0] ? json_string(x->status_cue)
                                                                           : json_null());
    return o;
}

static json_t *json_group(const nf_facts_sheet *sh, size_t g)
{
    const fgroup *x = &sh->groups[g];
    char nouns[128];
    group_nouns(sh, x, nouns, sizeof nouns);
    json_t *figs = json_array();
    for (size_t k = 0; figs && k < x->n; k++)
        json_array_append_new(figs, json_integer((json_int_t)x->figs[k]));
    return json_pack("{s:I, s:s, s:s, s:s, s:s?, s:s*, s:s, s:s?, s:s?, s:s?, s:I, s:o, s:o}", "id", (json_int_t)g,
                     "event", x->event, "counted", x->counted, "nouns", nouns,
                     "modifier", x->modifier[0] ? x->modifier : NULL,
                     "place", x->place[0] ? x->place : NULL, "label", facts_label_name(x->label),
                     "reason", x->reason, "incident", x->incident && x->incident[0] ? x->incident : NULL,
                     "nationality", x->nation_shown && x->nation_shown[0] ? x->nation_shown : NULL,
                     "reports", (json_int_t)x->ndocs, "current",
                     x->latest >= 0 ? json_integer(x->latest) : json_null(), "figures", figs);
}

json_t *facts_json(const nf_facts_sheet *sh)
{
    json_t *groups = json_array(), *figs = json_array(), *warn = json_array();
    for (size_t g = 0; groups && g < sh->ngroups; g++)
        json_array_append_new(groups, json_group(sh, g));
    for (size_t i = 0; figs && i < sh->n; i++)
        json_array_append_new(figs, json_figure(sh, i));
    docset_json_warnings(sh->ds, warn); /* the input's first, naming its files */
    for (size_t i = 0; warn && i < sh->nwarnings; i++)
        json_array_append_new(warn, json_string(sh->warnings[i]));
    return json_pack("{s:o, s:o, s:o}", "groups", groups, "figures", figs, "warnings", warn);
}

static json_t *json_documents(const nf_docset *ds)
{
    json_t *a = json_array();
    for (size_t d = 0; a && d < ds->ndocs; d++)
        json_array_append_new(a, json_pack("{s:I, s:s, s:s?, s:s?}", "index", (json_int_t)d, "id",
                                           ds->docs[d].id, "title", ds->docs[d].title, "date",
                                           ds->docs[d].date));
    return a;
}

/* The whole JSON document: schema, event id, reports, the sheet. */
static char *render_json(const nf_facts_sheet *sh, const nf_docset *ds, int compact, size_t *len)
{
    json_t *root = facts_json(sh);
    if (!root)
        return NULL;
    json_object_set_new(root, "schema", json_string(NF_SCHEMA));
    json_object_set_new(root, "kind", json_string("facts"));
    json_object_set_new(root, "id", ds->id ? json_string(ds->id) : json_null());
    json_object_set_new(root, "documents", json_documents(ds));
    char *s = json_dumps(root, JSON_PRESERVE_ORDER | (compact ? JSON_COMPACT : JSON_INDENT(2)));
    json_decref(root);
    if (!s)
        return NULL;
    *len = strlen(s);
    return s;
}

int nf_facts_render(const nf_facts_sheet *sh, const char *format, char **out, size_t *len)
{
    const nf_docset *ds = sh ? sh->ds : NULL;
    int f = format_index("facts", format);
    if (!sh || !ds || !out || f < 0)
        return NF_EINVAL;
    size_t n = 0;
    unsigned long failures0 = alloc_failures();
    *out = NULL;
    if (f == FORMAT_JSON || f == FORMAT_JSONL) {
        *out = render_json(sh, ds, f == FORMAT_JSONL, &n);
    } else {
        size_t *order = xmalloc((sh->ngroups ? sh->ngroups : 1) * sizeof *order);
        buf b = {0};
        if (order) {
            group_order(sh, order);
            (f == FORMAT_TEXT ? render_text : render_md)(&b, sh, ds, order);
        }
        xfree(order);
        *out = order ? buf_take(&b, &n) : NULL;
        buf_free(&b);
    }
    if (*out && alloc_failures() != failures0) { /* jansson left something out */
        xfree(*out);
        *out = NULL;
    }
    if (len)
        *len = n;
    return *out ? NF_OK : NF_ENOMEM;
}
