/* One allocation hook for the whole library, so tests can make the Nth
 * allocation fail (HOUSE_STYLE: allocation failure is a tested path). */
#ifndef NF_CORE_ALLOC_H
#define NF_CORE_ALLOC_H
#include <stddef.h>

/* Allocate through the hook installed by nf_set_allocator. Each returns
 * NULL on failure (and for a zero size where the hook does). */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
void xfree(void *p);
/* Copies s[0..n) plus a NUL; NULL on failure. */
char *xstrndup(const char *s, size_t n);
char *xstrdup(const char *s);

/* The number of allocations that have failed on this thread so far. Some
 * callees (jansson, PCRE2 matching, a cleaner's verdict) absorb an
 * allocation failure and carry on with a poorer result; a public call that
 * sees this count move returns NF_ENOMEM instead of that result. */
unsigned long alloc_failures(void);

/* Grows *items (of elem bytes each, capacity *cap) to hold at least need
 * items, doubling. Returns 0, or -1 (leaving *items untouched) on failure
 * or overflow. */
int grow_array(void **items, size_t *cap, size_t need, size_t elem);

/* The idiom: GROW(v.items, v.cap, v.len + 1) */
#define GROW(ptr, cap, need) grow_array((void **)&(ptr), &(cap), (need), sizeof *(ptr))

#endif
