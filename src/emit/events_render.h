/* Rendering events (nf_event_render) and an article's assignment. */
#ifndef NF_EMIT_EVENTS_RENDER_H
#define NF_EMIT_EVENTS_RENDER_H
#include "newsfuse.h"
#include <stddef.h>

/* {"id": id, "event": event, "opened": true|false[, "warning": w]} and a
 * newline, into a new buffer (xfree). NF_OK or NF_ENOMEM. */
int events_render_assignment(const char *id, const char *event, int opened, const char *warning,
                             char **out, size_t *len);

#endif
