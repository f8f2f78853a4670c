/* alloc.h - the one allocator: every heap allocation of shiryo goes through
 * these (the arena of arena.h takes its blocks from them too).
 *
 * Running out of memory is not an error a caller can do anything useful
 * about: a CLI that cannot get memory for a 100 kB XML file has nothing
 * sensible left to do.  So none of these returns NULL.  On failure, or when
 * count * size (or n + 1) does not fit in a size_t, they print
 * "shiryo: out of memory (N bytes)" on stderr and abort(), from one place
 * (alloc.c), where a debugger's breakpoint catches every case.
 *
 * A size of 0 allocates one byte, so that the result is never NULL whatever
 * the C library does with malloc(0).  Everything is released with free().
 */
#ifndef SHIRYO_ALLOC_H
#define SHIRYO_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* n bytes, uninitialised. */
void *xmalloc(size_t n);
/* count elements of size bytes, uninitialised; aborts if the product overflows. */
void *xmallocarray(size_t count, size_t size);
/* count elements of size bytes, zeroed; aborts if the product overflows. */
void *xcalloc(size_t count, size_t size);
/* p (NULL or from these functions) resized to n bytes, as realloc. */
void *xrealloc(void *p, size_t n);
/* p resized to count elements of size bytes; aborts if the product overflows. */
void *xreallocarray(void *p, size_t count, size_t size);
/* A copy of s; s must not be NULL. */
char *xstrdup(const char *s);
/* A copy of the first n bytes of s (fewer if s ends before), NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* printf into a new string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* The one out-of-memory path: prints how many bytes were wanted (0: not known)
 * and aborts.
 * Also for a library that allocates for us and reports failure
 * (hb_subset_input_create_or_fail). */
_Noreturn void xalloc_fail(size_t n);

#endif
