/* Which summaries depend on the clock (batch.h): newsfuse batch promises
 * the same bytes whatever -j is, which holds for every event that no time
 * limit cut. The library says so only in a summary's warnings, so they are
 * read here, in one place, for the CLI and the bindings alike. */
#include "batch/batch.h"
#include <string.h>

/* Marks of the warnings a time limit leaves (src/select): max_seconds,
 * and the ILP solver's own limit. */
static const char *const timing_marks[] = {"(max_seconds)", "no optimal solution within", NULL};

int batch_summary_timed(const nf_summary *s)
{
    size_t n = s ? nf_summary_warning_count(s) : 0;
    for (size_t i = 0; i < n; i++) {
        const char *w = nf_summary_warning(s, i);
        for (int k = 0; w && timing_marks[k]; k++)
            if (strstr(w, timing_marks[k]))
                return 1;
    }
    return 0;
}
