/* The tracker's records (doc/SCHEMA.md, "Event updates"): one event's
 * update, rendered from its parts. */
#ifndef NF_EMIT_TRACK_RENDER_H
#define NF_EMIT_TRACK_RENDER_H
#include "newsfuse.h"
#include <jansson.h>

/* The parts of one update record; the JSON values are borrowed. */
typedef struct track_update {
    const char *event;
    long update;            /* 1 for the event's first output */
    const char *title, *first_date, *last_date;
    size_t articles;
    json_t *new_articles;   /* ids */
    const nf_summary *summary; /* of the new reports, the shown ones read before */
    json_t *changes, *sources, *timeline;
} track_update;

/* Renders u as one line of JSON without a newline (*out freed with
 * xfree). NF_OK or NF_ENOMEM. */
int track_render_update(const track_update *u, char **out, size_t *len);

#endif
