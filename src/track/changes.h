/* What changed in an event's figure sheet since its last output: figures
 * not given before, counts revised to a new value, disagreements that are
 * new. The last output's sheet is kept as a digest (a small JSON text:
 * each group's label and values), so the comparison needs neither the old
 * reports nor the old sheet. */
#ifndef NF_TRACK_CHANGES_H
#define NF_TRACK_CHANGES_H
#include "newsfuse.h"
#include <jansson.h>

/* Compares sh (read from ds, the event's reports in stream order) with
 * prev (the digest of the last output, NULL for none). *changes gets
 * {"new_figures", "revisions", "conflicts"}, *timeline the entries of the
 * revisions and new conflicts ({"seq", "date", "kind", "article",
 * "text"}), *digest the digest of sh (xfree). NF_OK or NF_ENOMEM. */
int changes_compute(const nf_docset *ds, const nf_facts_sheet *sh, const char *prev,
                    json_t **changes, json_t **timeline, char **digest);

#endif
