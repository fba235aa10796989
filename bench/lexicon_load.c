/* Time of the figure sheet's one-time lexicon load (lexicon_get's first
 * call: every data/facts file parsed and sorted). Each run is a fresh
 * process, so the load is measured, not the cached pointer. Built and run
 * by bench/lexicon_load.sh. */
#include "facts/facts.h"
#include <stdio.h>
#include <time.h>

int main(void)
{
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    const lexicon *lx = lexicon_get();
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (!lx)
        return 1;
    printf("%.1f\n", (double)(b.tv_sec - a.tv_sec) * 1e6 + (double)(b.tv_nsec - a.tv_nsec) / 1e3);
    return 0;
}
