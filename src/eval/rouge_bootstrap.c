/* ROUGE-1.5.5's printed averages: not the plain mean of the per-summary
 * scores but the mean of R bootstrap resample means, with the CI read off
 * the sorted means. Reproducing them to the last digit means drawing the
 * same resamples: resample i seeds Perl's generator with srand(i) and
 * draws int(rand(n)) n times. Perl >= 5.20 has its own drand48:
 * x0 = (seed << 16) + 0x330E, x <- (0x5DEECE66D x + 0xB) mod 2^48,
 * rand() = x / 2^48. */
#include "core/alloc.h"
#include "eval/rouge.h"
#include <math.h>
#include <stdlib.h>

/* Perl's srand(seed) for its internal drand48. */
static uint64_t drand48_seed(uint32_t seed)
{
    return ((uint64_t)seed << 16) + 0x330E;
}

/* Perl's Drand01(): the next value in [0, 1). */
static double drand48_next(uint64_t *x)
{
    *x = (*x * 0x5DEECE66DULL + 0xB) & ((1ULL << 48) - 1);
    return ldexp((double)*x, -48);
}

uint32_t *bootstrap_draws(size_t n, long resamples)
{
    uint32_t *idx = xmalloc((n ? n : 1) * (size_t)resamples * sizeof *idx);
    if (!idx)
        return NULL;
    for (long i = 0; i < resamples; i++) {
        uint64_t x = drand48_seed((uint32_t)i);
        for (size_t k = 0; k < n; k++)
            idx[(size_t)i * n + k] = (uint32_t)((double)n * drand48_next(&x));
    }
    return idx;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Element k of the sorted means; Perl reads past the end as 0 (undef). */
static double at(const double *a, long r, long k)
{
    return k >= 0 && k < r ? a[k] : 0;
}

void bootstrap_average(const double *vals, size_t n, const uint32_t *draws, long resamples,
                       double conf, double *means, double out[3])
{
    for (long i = 0; i < resamples; i++) {
        const uint32_t *d = draws + (size_t)i * n;
        double s = 0;
        for (size_t k = 0; k < n; k++)
            s += vals[d[k]]; /* summed in draw order, as the script does */
        means[i] = n ? s / (double)n : 0;
    }
    qsort(means, (size_t)resamples, sizeof *means, cmp_double);
    double sum = 0;
    for (long i = 0; i < resamples; i++)
        sum += means[i]; /* the sorted order, as the script sums them */
    double delta = (double)resamples * ((100 - conf) / 2.0) / 100.0;
    long ua = (long)((double)resamples - delta - 1), la = (long)delta;
    double ratio = (double)resamples - delta - 1 - (double)ua;
    out[0] = round5(sum / (double)resamples);
    out[1] = round5(at(means, resamples, la) +
                    (at(means, resamples, la + 1) - at(means, resamples, la)) * ratio);
    out[2] = round5(at(means, resamples, ua) +
                    (at(means, resamples, ua + 1) - at(means, resamples, ua)) * ratio);
}
