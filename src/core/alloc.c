#include "core/alloc.h"
#include "newsfuse.h"
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *(*hook_malloc)(size_t) = malloc;
static void *(*hook_realloc)(void *, size_t) = realloc;
static void (*hook_free)(void *) = free;

static _Thread_local unsigned long failures;

unsigned long alloc_failures(void) { return failures; }

/* The hook's malloc, counting failures (jansson allocates through it). */
static void *counted_malloc(size_t n)
{
    void *p = hook_malloc(n);
    if (!p)
        failures++;
    return p;
}

void nf_set_allocator(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t),
                      void (*free_fn)(void *))
{
    hook_malloc = malloc_fn ? malloc_fn : malloc;
    hook_realloc = realloc_fn ? realloc_fn : realloc;
    hook_free = free_fn ? free_fn : free;
    /* jansson allocates too: route it through the same hook. */
    json_set_alloc_funcs(counted_malloc, hook_free);
}

void *xmalloc(size_t n) { return counted_malloc(n ? n : 1); }

void *xcalloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = xmalloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = hook_realloc(p, n ? n : 1);
    if (!q)
        failures++;
    return q;
}

void xfree(void *p)
{
    if (p)
        hook_free(p);
}

void nf_free(void *p) { xfree(p); }

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

int grow_array(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return -1;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem)
        return -1;
    void *p = xrealloc(*items, ncap * elem);
    if (!p)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}
