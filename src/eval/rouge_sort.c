/* Sorting for the scorer's hot paths: n-gram ids, skip-bigram keys and
 * bootstrap means. qsort's callback per comparison was the largest cost
 * of a DUC-sized run. Short arrays: insertion sort; medium: bottom-up
 * merge sort with inline comparisons; long: LSD radix sort over bytes
 * that skips the bytes all keys share. */
#include "core/alloc.h"
#include "eval/rouge.h"
#include <string.h>

/* Insertion sort, for short runs. */
static void insertion_u64(uint64_t *a, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t x = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > x; j--)
            a[j] = a[j - 1];
        a[j] = x;
    }
}

/* Bottom-up merge sort of a[0..n) with tmp[0..n): runs of 16 by
 * insertion, then merged pairwise; the result ends in a. */
static void merge_u64(uint64_t *a, uint64_t *tmp, size_t n)
{
    for (size_t i = 0; i < n; i += 16)
        insertion_u64(a + i, n - i < 16 ? n - i : 16);
    uint64_t *src = a, *dst = tmp;
    for (size_t w = 16; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, o = lo;
            while (i < mid && j < hi)
                dst[o++] = src[j] < src[i] ? src[j++] : src[i++];
            while (i < mid)
                dst[o++] = src[i++];
            while (j < hi)
                dst[o++] = src[j++];
        }
        uint64_t *t = src;
        src = dst, dst = t;
    }
    if (src != a)
        memcpy(a, src, n * sizeof *a);
}

/* LSD radix sort of a[0..n) with tmp[0..n); one pass counts all eight
 * byte positions, positions where every key agrees are skipped. */
static void radix_u64(uint64_t *a, uint64_t *tmp, size_t n)
{
    uint32_t count[8][256];
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < n; i++) {
        uint64_t k = a[i];
        count[0][k & 0xFF]++, count[1][(k >> 8) & 0xFF]++;
        count[2][(k >> 16) & 0xFF]++, count[3][(k >> 24) & 0xFF]++;
        count[4][(k >> 32) & 0xFF]++, count[5][(k >> 40) & 0xFF]++;
        count[6][(k >> 48) & 0xFF]++, count[7][k >> 56]++;
    }
    uint64_t *src = a, *dst = tmp;
    for (int b = 0; b < 8; b++) {
        uint32_t *c = count[b], sum = 0;
        if (c[(a[0] >> (8 * b)) & 0xFF] == n)
            continue; /* every key has this byte: nothing to move */
        for (int v = 0; v < 256; v++) {
            uint32_t t = c[v];
            c[v] = sum, sum += t;
        }
        for (size_t i = 0; i < n; i++)
            dst[c[(src[i] >> (8 * b)) & 0xFF]++] = src[i];
        uint64_t *t = src;
        src = dst, dst = t;
    }
    if (src != a)
        memcpy(a, src, n * sizeof *a);
}

/* Sorts a[0..n) with scratch tmp[0..n) by the method that suits n. */
static void sort_with(uint64_t *a, uint64_t *tmp, size_t n)
{
    if (n < 24)
        insertion_u64(a, n);
    else if (n < 256 || n > UINT32_MAX)
        merge_u64(a, tmp, n);
    else
        radix_u64(a, tmp, n);
}

int sort_u64(uint64_t *a, size_t n)
{
    if (n < 24) {
        insertion_u64(a, n);
        return 0;
    }
    uint64_t *tmp = xmalloc(n * sizeof *tmp);
    if (!tmp)
        return -1;
    sort_with(a, tmp, n);
    xfree(tmp);
    return 0;
}

int sort_u32(uint32_t *a, size_t n)
{
    if (n < 2)
        return 0;
    uint64_t *w = xmalloc(2 * n * sizeof *w);
    if (!w)
        return -1;
    for (size_t i = 0; i < n; i++)
        w[i] = a[i];
    sort_with(w, w + n, n);
    for (size_t i = 0; i < n; i++)
        a[i] = (uint32_t)w[i];
    xfree(w);
    return 0;
}

void sort_doubles(double *a, uint64_t *tmp, size_t n)
{
    /* Non-negative doubles order as their bit patterns do. */
    uint64_t *bits = tmp, *scratch = tmp + n;
    for (size_t i = 0; i < n; i++)
        memcpy(&bits[i], &a[i], sizeof *bits);
    if (n < 24)
        insertion_u64(bits, n);
    else if (n < 4096) /* the bytes of a thousand means mostly differ: merge wins */
        merge_u64(bits, scratch, n);
    else
        radix_u64(bits, scratch, n);
    for (size_t i = 0; i < n; i++)
        memcpy(&a[i], &bits[i], sizeof *a);
}
