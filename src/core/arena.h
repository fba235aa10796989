/* Arenas: one per document set and per result, so most code never frees.
 * Blocks come from the allocation hook; arena_free releases all at once. */
#ifndef NF_CORE_ARENA_H
#define NF_CORE_ARENA_H
#include <stddef.h>

struct arena_block;
typedef struct arena {
    struct arena_block *head;
    size_t used, size; /* fill of the head block */
} arena;

/* An arena starts zeroed: arena a = {0}. */
/* Returns n bytes aligned for any type, zeroed, or NULL on failure. */
void *arena_alloc(arena *a, size_t n);
/* Copies s[0..n) plus a NUL into the arena; NULL on failure. */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Releases every block; the arena may be reused afterwards. */
void arena_free(arena *a);

#endif
