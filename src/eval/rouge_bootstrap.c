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

/* Element k of the sorted means; Perl reads past the end as 0 (undef). */
static double at(const double *a, long r, long k)
{
    return k >= 0 && k < r ? a[k] : 0;
}

/* The resample means of series v0..v0+3 (rows holds vals by instance, so
 * a draw reads one row); four accumulators stay in registers, and each
 * series is still summed in draw order, as the script does. */
static void means_of_four(const double *rows, size_t nseries, size_t v0, size_t n,
                          const uint32_t *d, double out[4])
{
    const double *r = rows + (size_t)d[0] * nseries + v0;
    double a0 = r[0], a1 = r[1], a2 = r[2], a3 = r[3];
    for (size_t k = 1; k < n; k++) {
        r = rows + (size_t)d[k] * nseries + v0;
        a0 += r[0], a1 += r[1], a2 += r[2], a3 += r[3];
    }
    out[0] = a0 / (double)n, out[1] = a1 / (double)n;
    out[2] = a2 / (double)n, out[3] = a3 / (double)n;
}

/* The resample means of every series: means[v * R + i]. rows has room
 * for (n + 1) * (nseries + 3) values (padding for the last group). */
static void resample_means(const double *vals, size_t nseries, size_t n, const uint32_t *draws,
                           long resamples, double *rows, double *means)
{
    size_t width = (nseries + 3) / 4 * 4;
    for (size_t k = 0; k < n; k++)
        for (size_t v = 0; v < width; v++)
            rows[k * width + v] = v < nseries ? vals[v * n + k] : 0;
    for (long i = 0; i < resamples; i++) {
        const uint32_t *d = draws + (size_t)i * n;
        for (size_t v = 0; v < width; v += 4) {
            double m[4] = {0, 0, 0, 0};
            if (n)
                means_of_four(rows, width, v, n, d, m);
            for (size_t j = 0; j < 4 && v + j < nseries; j++)
                means[(v + j) * (size_t)resamples + (size_t)i] = m[j];
        }
    }
}

int bootstrap_average(const double *vals, size_t nseries, size_t n, const uint32_t *draws,
                      long resamples, double conf, double *out)
{
    size_t R = (size_t)resamples;
    double *means = xmalloc((nseries ? nseries : 1) * R * sizeof *means);
    double *rows = xmalloc((n + 1) * (nseries + 4) * sizeof *rows);
    uint64_t *tmp = xmalloc(2 * R * sizeof *tmp);
    if (!means || !rows || !tmp) {
        xfree(means), xfree(rows), xfree(tmp);
        return -1;
    }
    resample_means(vals, nseries, n, draws, resamples, rows, means);
    double delta = (double)resamples * ((100 - conf) / 2.0) / 100.0;
    long ua = (long)((double)resamples - delta - 1), la = (long)delta;
    double ratio = (double)resamples - delta - 1 - (double)ua;
    for (size_t v = 0; v < nseries; v++) {
        double *a = means + v * R, sum = 0;
        sort_doubles(a, tmp, R);
        for (size_t i = 0; i < R; i++)
            sum += a[i]; /* the sorted order, as the script sums them */
        out[v * 3] = round5(sum / (double)resamples);
        out[v * 3 + 1] = round5(at(a, resamples, la) +
                                (at(a, resamples, la + 1) - at(a, resamples, la)) * ratio);
        out[v * 3 + 2] = round5(at(a, resamples, ua) +
                                (at(a, resamples, ua + 1) - at(a, resamples, ua)) * ratio);
    }
    xfree(means), xfree(rows), xfree(tmp);
    return 0;
}
