/* arena.h - bump allocator that owns everything a loaded plan points to.
 *
 * A plan is read once and freed once: every string and array reachable from
 * a struct plan lives in the plan's arena, so plan_free() is one call and no
 * part of the model has an owner of its own.  Memory is 16-byte aligned and
 * zeroed. Blocks come from the one allocator (alloc.h), which aborts on
 * failure.
 */
#ifndef SHIRYO_ARENA_H
#define SHIRYO_ARENA_H

#include <stddef.h>

struct arena;

/* Returns a new empty arena; never NULL. */
struct arena *arena_new(void);
/* Frees the arena and every block handed out from it; NULL is a no-op. */
void arena_free(struct arena *a);

/* Zeroed memory for n bytes, valid until arena_free(). */
void *arena_alloc(struct arena *a, size_t n);
/* Zeroed array of count elements of size bytes; aborts on overflow. */
void *arena_calloc(struct arena *a, size_t count, size_t size);
/* Copy of s (NULL gives NULL). */
char *arena_strdup(struct arena *a, const char *s);
/* Copy of the first n bytes of s, NUL-terminated. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into arena memory. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Total bytes handed out, for the benchmark's memory figures. */
size_t arena_used(const struct arena *a);

#endif
