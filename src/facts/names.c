/* The names of the sheet's enumerations (kinds, qualifiers, statuses,
 * labels) and a figure's value as words: the sheet's reasons and its
 * renderings (emit/facts_render.c) say them the same way. */
#include "facts/facts.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

const char *facts_label_name(int label)
{
    static const char *const names[] = {"single", "agree", "revised", "conflict"};
    return label >= 0 && label <= LABEL_CONFLICT ? names[label] : "unknown";
}

const char *facts_status_name(int status)
{
    static const char *const names[] = {"current", "previous", "projected", "feared", "claimed",
                                        "negated", "hypothetical"};
    return status >= 0 && status <= ST_HYPOTHETICAL ? names[status] : "unknown";
}

const char *facts_kind_name(int kind)
{
    static const char *const names[] = {"count", "money", "percent", "measure", "duration", "date",
                                        "time",  "age",   "year",    "ordinal", "id", "rate"};
    return kind >= 0 && kind <= KIND_RATE ? names[kind] : "unknown";
}

const char *facts_qualifier_name(int qual)
{
    static const char *const names[] = {"exact", "at_least", "more_than", "at_most",
                                        "fewer_than", "about", "range", "vague"};
    return qual >= 0 && qual <= Q_VAGUE ? names[qual] : "unknown";
}

/* A number without a spurious fraction or exponent. */
static void number_string(double v, char *out, size_t cap)
{
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(out, cap, "%.0f", v);
    else
        snprintf(out, cap, "%g", v);
}

void facts_value_string(const figure *f, char *out, size_t cap)
{
    static const char *const words[] = {"", "at least ", "more than ", "up to ", "fewer than ", "about "};
    char lo[32], hi[32];
    if (f->lo < 0 || f->qual == Q_VAGUE) {
        /* as written, less a trailing "of" ("dozens of" people reads "dozens") */
        size_t n = strlen(f->text);
        if (n > 3 && (!strcmp(f->text + n - 3, " of") || !strcmp(f->text + n - 3, " Of")))
            n -= 3;
        snprintf(out, cap, "%.*s", (int)n, f->text);
        return;
    }
    number_string(f->lo, lo, sizeof lo);
    number_string(f->hi, hi, sizeof hi);
    if (f->qual == Q_RANGE)
        snprintf(out, cap, "%s-%s", lo, hi);
    else
        snprintf(out, cap, "%s%s", f->qual <= Q_ABOUT ? words[f->qual] : "", lo);
}

const char *facts_noun_shown(const figure *f)
{
    const char *h = f->head ? f->head : "", *c = f->counted ? f->counted : "";
    size_t nh = strlen(h), nc = strlen(c);
    /* "militants" -> "militant", "casualties" -> "casualty": the class is
     * the rule's singular of the head, a stem no reader wrote */
    int by_rule = nh == nc + 1 ? !strncmp(h, c, nc) && h[nc] == 's'
                  : nh == nc + 2 && nc > 1 ? !strncmp(h, c, nc - 1) && !strcmp(h + nc - 1, "ies") &&
                                                 c[nc - 1] == 'y'
                  : 0;
    return by_rule ? h : c;
}
