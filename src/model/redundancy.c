#include "model/redundancy.h"
#include "core/alloc.h"
#include <stdlib.h>
#include <string.h>
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_AVX2_PATH 1
#endif

enum { MIN_TOKENS = 6, ROWS = 3, BANDS = 10, NHASH = ROWS * BANDS, RUN_WINDOW = 32 };

/* A fixed 64-bit mixer (splitmix64's finaliser): deterministic hashing. */
static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* Returns 1 if s may be marked or kept as a near duplicate. */
static int eligible(const msent *s)
{
    return s->dup_of < 0 && !s->debris && s->ntok >= MIN_TOKENS;
}

/* qsort order of uint64_t, ascending. */
static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Sorts v[0..n) ascending: insertion sort for a sentence's few bigrams
 * (no call per comparison), qsort for long ones. */
static void sort_u64(uint64_t *v, size_t n)
{
    if (n > 48) {
        qsort(v, n, sizeof *v, cmp_u64);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* The sorted distinct bigram hashes of every eligible sentence:
 * h[first[i] .. first[i+1]). */
typedef struct shingles {
    uint32_t *first;
    uint64_t *h;
} shingles;

/* Fills sh for every eligible sentence of m; 0 or -1 (OOM). */
static int shingles_build(shingles *sh, const model *m)
{
    sh->first = xcalloc(m->nsents + 1, sizeof *sh->first);
    sh->h = xmalloc((m->ntoks ? m->ntoks : 1) * sizeof *sh->h);
    if (!sh->first || !sh->h)
        return -1;
    uint32_t at = 0;
    for (size_t i = 0; i < m->nsents; i++) {
        const msent *s = &m->sents[i];
        uint32_t start = at;
        for (uint32_t k = 1; eligible(s) && k < s->ntok; k++)
            sh->h[at++] = mix64(((uint64_t)m->ctoks[s->tok + k - 1] << 32) | m->ctoks[s->tok + k]);
        sort_u64(sh->h + start, at - start);
        uint32_t w = start;
        for (uint32_t k = start; k < at; k++)
            if (k == start || sh->h[k] != sh->h[w - 1])
                sh->h[w++] = sh->h[k];
        at = w;
        sh->first[i + 1] = at;
    }
    return 0;
}

/* Jaccard similarity of two sorted sets of distinct hashes. */
static double jaccard_sorted(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, j = 0, inter = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j])
            i++;
        else if (a[i] > b[j])
            j++;
        else
            i++, j++, inter++;
    }
    return na + nb ? (double)inter / (double)(na + nb - inter) : 0;
}

typedef struct band_entry {
    uint64_t key;
    uint32_t sent;
} band_entry;

/* Band entries by key, then sentence (deterministic runs). */
static int cmp_entry(const void *a, const void *b)
{
    const band_entry *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->sent > y->sent) - (x->sent < y->sent);
}

/* Sorts e[0..n) as cmp_entry does, by a stable radix sort on the key:
 * entries are made in sentence order, so equal keys stay by sentence.
 * Falls back to qsort when the scratch space cannot be had. */
static void sort_entries(band_entry *e, size_t n)
{
    band_entry *tmp = n > 1 ? xmalloc(n * sizeof *tmp) : NULL;
    if (!tmp) {
        qsort(e, n, sizeof *e, cmp_entry);
        return;
    }
    band_entry *from = e, *to = tmp;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[((from[i].key >> shift) & 0xff) + 1]++;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            to[count[(from[i].key >> shift) & 0xff]++] = from[i];
        band_entry *swap = from;
        from = to, to = swap;
    }
    xfree(tmp); /* eight passes: the sorted entries are back in e */
}

/* sig[k] = the least mix64(h[s] ^ seeds[k]) over h[0..n), for every k. */
static void minhash_plain(const uint64_t *h, size_t n, const uint64_t *seeds, uint64_t *sig)
{
    for (int k = 0; k < NHASH; k++) {
        uint64_t best = UINT64_MAX;
        for (size_t s = 0; s < n; s++) {
            uint64_t v = mix64(h[s] ^ seeds[k]);
            if (v < best)
                best = v;
        }
        sig[k] = best;
    }
}

#ifdef HAVE_AVX2_PATH
/* The low 64 bits of a * b in each lane, b given with its high halves in
 * b_hi (AVX2 multiplies 32 x 32 bits only). */
__attribute__((target("avx2"))) static __m256i mul64_avx2(__m256i a, __m256i b, __m256i b_hi)
{
    __m256i lo = _mm256_mul_epu32(a, b);
    __m256i cross = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(a, 32), b), _mm256_mul_epu32(a, b_hi));
    return _mm256_add_epi64(lo, _mm256_slli_epi64(cross, 32));
}

/* minhash_plain four shingles at a time: the same integers, so the same
 * signatures. Minima are kept with the sign bit flipped, so the signed
 * comparison AVX2 has orders them as unsigned. */
__attribute__((target("avx2"))) static void minhash_avx2(const uint64_t *h, size_t n, const uint64_t *seeds,
                                                         uint64_t *sig)
{
    const __m256i c0 = _mm256_set1_epi64x((long long)0x9e3779b97f4a7c15ULL);
    const __m256i m1 = _mm256_set1_epi64x((long long)0xbf58476d1ce4e5b9ULL);
    const __m256i m2 = _mm256_set1_epi64x((long long)0x94d049bb133111ebULL);
    const __m256i m1_hi = _mm256_srli_epi64(m1, 32), m2_hi = _mm256_srli_epi64(m2, 32);
    const __m256i sign = _mm256_set1_epi64x(INT64_MIN);
    /* The last group of four is filled up with the last shingle again: a
     * repeat cannot change a minimum. */
    size_t groups = (n + 3) / 4;
    uint64_t tail[4];
    for (int l = 0; l < 4 && n; l++)
        tail[l] = h[(groups - 1) * 4 + (size_t)l < n ? (groups - 1) * 4 + (size_t)l : n - 1];
    for (int k = 0; k < NHASH; k++) {
        __m256i seed = _mm256_set1_epi64x((long long)seeds[k]);
        __m256i best = _mm256_set1_epi64x(INT64_MAX); /* UINT64_MAX, sign flipped */
        for (size_t g = 0; g < groups; g++) {
            __m256i x;
            memcpy(&x, g + 1 < groups ? h + 4 * g : tail, sizeof x);
            x = _mm256_add_epi64(_mm256_xor_si256(x, seed), c0);
            x = mul64_avx2(_mm256_xor_si256(x, _mm256_srli_epi64(x, 30)), m1, m1_hi);
            x = mul64_avx2(_mm256_xor_si256(x, _mm256_srli_epi64(x, 27)), m2, m2_hi);
            x = _mm256_xor_si256(_mm256_xor_si256(x, _mm256_srli_epi64(x, 31)), sign);
            best = _mm256_blendv_epi8(best, x, _mm256_cmpgt_epi64(best, x));
        }
        uint64_t lanes[4], m = UINT64_MAX;
        memcpy(lanes, &best, sizeof lanes);
        for (int l = 0; l < 4; l++)
            m = (lanes[l] ^ (uint64_t)INT64_MIN) < m ? lanes[l] ^ (uint64_t)INT64_MIN : m;
        sig[k] = m;
    }
}
#endif

/* Writes sentence i's BANDS band keys (MinHash signature, ROWS per band). */
static void band_keys(const shingles *sh, size_t i, const uint64_t *seeds, int avx2, band_entry *out)
{
    uint64_t sig[NHASH];
    const uint64_t *h = sh->h + sh->first[i];
    size_t n = sh->first[i + 1] - sh->first[i];
#ifdef HAVE_AVX2_PATH
    if (avx2)
        minhash_avx2(h, n, seeds, sig);
    else
#endif
        minhash_plain(h, n, seeds, sig);
    (void)avx2;
    for (int b = 0; b < BANDS; b++) {
        uint64_t key = mix64((uint64_t)b);
        for (int r = 0; r < ROWS; r++)
            key = mix64(key ^ sig[b * ROWS + r]);
        out[b].key = key, out[b].sent = (uint32_t)i;
    }
}

/* Union-find root of i, halving paths on the way. */
static uint32_t find_root(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

/* Joins the groups of i and j; the root is the smaller index. */
static void join(uint32_t *parent, uint32_t i, uint32_t j)
{
    uint32_t a = find_root(parent, i), b = find_root(parent, j);
    if (a < b)
        parent[b] = a;
    else if (b < a)
        parent[a] = b;
}

/* Verifies the candidate pairs of each run of equal band keys (each
 * member against up to RUN_WINDOW before it) and joins near duplicates. */
static void join_runs(const shingles *sh, const band_entry *e, size_t n, double min_j,
                      uint32_t *parent)
{
    for (size_t p = 0, start = 0; p < n; p++) {
        if (e[p].key != e[start].key)
            start = p;
        for (size_t q = p > start + RUN_WINDOW ? p - RUN_WINDOW : start; q < p; q++) {
            uint32_t i = e[q].sent, j = e[p].sent;
            if (find_root(parent, i) == find_root(parent, j))
                continue;
            const uint64_t *a = sh->h + sh->first[i], *b = sh->h + sh->first[j];
            if (jaccard_sorted(a, sh->first[i + 1] - sh->first[i], b,
                               sh->first[j + 1] - sh->first[j]) >= min_j)
                join(parent, i, j);
        }
    }
}

/* Marks every grouped sentence as a duplicate of its group's root. */
static void mark_groups(model *m, uint32_t *parent)
{
    for (size_t i = 0; i < m->nsents; i++) {
        uint32_t r = find_root(parent, (uint32_t)i);
        if (r == i)
            continue;
        msent *s = &m->sents[i], *root = &m->sents[r];
        s->dup_of = (int32_t)r;
        root->support += s->support + (s->doc != root->doc);
        s->support = 0;
    }
}

int redundancy_mark_near_duplicates(model *m, double min_jaccard)
{
    shingles sh = {0};
    size_t n = 0;
    band_entry *e = xmalloc((m->nsents ? m->nsents : 1) * BANDS * sizeof *e);
    uint32_t *parent = xmalloc((m->nsents ? m->nsents : 1) * sizeof *parent);
    int rc = -1;
    if (!e || !parent || shingles_build(&sh, m))
        goto done;
    uint64_t seeds[NHASH];
    for (int k = 0; k < NHASH; k++)
        seeds[k] = mix64((uint64_t)k + 1);
    int avx2 = 0;
#ifdef HAVE_AVX2_PATH
    avx2 = __builtin_cpu_supports("avx2");
#endif
    for (size_t i = 0; i < m->nsents; i++) {
        parent[i] = (uint32_t)i;
        if (eligible(&m->sents[i]) && sh.first[i + 1] > sh.first[i])
            band_keys(&sh, i, seeds, avx2, e + n), n += BANDS;
    }
    sort_entries(e, n);
    join_runs(&sh, e, n, min_jaccard, parent);
    mark_groups(m, parent);
    rc = 0;
done:
    xfree(e), xfree(parent), xfree(sh.first), xfree(sh.h);
    return rc;
}

/* Returns 1 if the bigram (a, b) occurs in sentence s of m. */
static int has_bigram(const model *m, const msent *s, uint32_t a, uint32_t b)
{
    for (uint32_t k = 1; k < s->ntok; k++)
        if (m->ctoks[s->tok + k - 1] == a && m->ctoks[s->tok + k] == b)
            return 1;
    return 0;
}

/* Counts the distinct bigrams of s (first occurrences only) and, of
 * those, the ones also in o. */
static void count_bigrams(const model *m, const msent *s, const msent *o, size_t *n,
                          size_t *shared)
{
    *n = *shared = 0;
    for (uint32_t k = 1; k < s->ntok; k++) {
        uint32_t a = m->ctoks[s->tok + k - 1], b = m->ctoks[s->tok + k];
        msent prefix = *s;
        prefix.ntok = k; /* tokens before this bigram's second token */
        if (has_bigram(m, &prefix, a, b))
            continue;
        (*n)++;
        *shared += (size_t)has_bigram(m, o, a, b);
    }
}

double redundancy_jaccard(const model *m, size_t i, size_t j)
{
    size_t ni, nj, shared, unused;
    count_bigrams(m, &m->sents[i], &m->sents[j], &ni, &shared);
    count_bigrams(m, &m->sents[j], &m->sents[i], &nj, &unused);
    return ni + nj ? (double)shared / (double)(ni + nj - shared) : 0;
}
