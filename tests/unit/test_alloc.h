/* A failing allocator for tests of the allocation-failure paths: install it
 * with nf_set_allocator(budget_malloc, budget_realloc, free); alloc_budget
 * allocations then succeed and every later one fails (-1: none fails);
 * alloc_count counts the calls. */
#ifndef NF_TEST_ALLOC_H
#define NF_TEST_ALLOC_H
#include <stdlib.h>

static long alloc_budget = -1;
static long alloc_count;

/* Returns 1 if the next allocation may succeed, spending one of the budget. */
static int alloc_allowed(void)
{
    alloc_count++;
    if (alloc_budget == 0)
        return 0;
    if (alloc_budget > 0)
        alloc_budget--;
    return 1;
}

static void *budget_malloc(size_t n) { return alloc_allowed() ? malloc(n) : NULL; }
static void *budget_realloc(void *p, size_t n) { return alloc_allowed() ? realloc(p, n) : NULL; }

#endif
