/* The learned linear model of "this article belongs to this event": its
 * weights and threshold are data/events/model.txt, written by
 * scripts/train_events.py (logistic regression over the (article,
 * candidate event) pairs of a development stream, with and without dates;
 * the file says what it learned from). */
#include "core/data.h"
#include "events/events.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const events_feature_names[F_COUNT] = {"bias", "body", "title", "names", "near",
                                                   "dated", "days", "size"};

typedef struct model_read {
    events_model *m;
    unsigned seen; /* bit per feature, and bit F_COUNT for the threshold */
    int bad;
} model_read;

static int model_line(const char *line, size_t len, void *arg)
{
    model_read *mr = arg;
    char key[32];
    const char *sp = memchr(line, ' ', len);
    size_t klen = sp ? (size_t)(sp - line) : len;
    if (!sp || klen >= sizeof key) {
        mr->bad = 1;
        return 1;
    }
    memcpy(key, line, klen);
    key[klen] = 0;
    char *end;
    double v = strtod(sp + 1, &end);
    if (end == sp + 1) {
        mr->bad = 1;
        return 1;
    }
    if (!strcmp(key, "threshold")) {
        mr->m->threshold = v, mr->seen |= 1u << F_COUNT;
        return 0;
    }
    for (int f = 0; f < F_COUNT; f++)
        if (!strcmp(key, events_feature_names[f])) {
            mr->m->w[f] = v, mr->seen |= 1u << f;
            return 0;
        }
    return 0; /* another line (what it learned from) */
}

int events_model_default(events_model *m)
{
    memset(m, 0, sizeof *m);
    model_read mr = {m, 0, 0};
    if (data_each_line("events/model.txt", model_line, &mr) < 0 || mr.bad)
        return -1;
    return mr.seen == (1u << (F_COUNT + 1)) - 1 ? 0 : -1;
}

void events_features(float *const dense[CH_COUNT], const double anorm[CH_COUNT], long day,
                     const event_view *ev, double f[F_COUNT])
{
    f[F_BIAS] = 1.0;
    f[F_BODY] = tvec_cosine(dense[CH_BODY], anorm[CH_BODY], &ev->c[CH_BODY], ev->norm[CH_BODY]);
    f[F_TITLE] = tvec_cosine(dense[CH_TITLE], anorm[CH_TITLE], &ev->c[CH_TITLE], ev->norm[CH_TITLE]);
    f[F_NAMES] = tvec_cosine(dense[CH_NAMES], anorm[CH_NAMES], &ev->c[CH_NAMES], ev->norm[CH_NAMES]);
    /* the closest of its latest articles: a story drifts, and its newest
     * reports say what the next one will repeat */
    f[F_NEAR] = 0;
    for (size_t i = 0; i < ev->nrecent; i++) {
        double x = tvec_cosine(dense[CH_BODY], anorm[CH_BODY], &ev->recent[i], ev->recent_norm[i]);
        if (x > f[F_NEAR])
            f[F_NEAR] = x;
    }
    long first = ev->first, last = ev->last;
    /* time: the distance in days from the event's dates (0 inside them);
     * both features 0 when the article or the event has no date, so an
     * undated stream is scored by the words alone */
    int dated = day != EVENTS_UNDATED && first != EVENTS_UNDATED;
    long gap = !dated ? 0 : day < first ? first - day : day > last ? day - last : 0;
    f[F_DATED] = dated;
    f[F_DAYS] = dated ? log1p((double)gap) : 0.0;
    f[F_SIZE] = log1p((double)ev->size);
}

double events_score(const events_model *m, const double f[F_COUNT])
{
    double s = 0;
    for (int i = 0; i < F_COUNT; i++)
        s += m->w[i] * f[i];
    return s;
}
