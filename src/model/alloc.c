/* alloc.c - the one allocator; see alloc.h. */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void xalloc_fail(size_t n)
{
	if (n == 0)
		fputs("shiryo: out of memory\n", stderr); /* a library's allocation */
	else if (n == SIZE_MAX)
		fputs("shiryo: out of memory (a size beyond size_t)\n", stderr);
	else
		fprintf(stderr, "shiryo: out of memory (%zu bytes)\n", n);
	abort();
}

/* count * size, or SIZE_MAX (which no allocation can satisfy) on overflow */
static size_t mul(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		xalloc_fail(SIZE_MAX);
	return count * size;
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		xalloc_fail(n);
	return p;
}

void *xmallocarray(size_t count, size_t size)
{
	return xmalloc(mul(count, size));
}

void *xcalloc(size_t count, size_t size)
{
	mul(count, size);
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		xalloc_fail(count * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		xalloc_fail(n);
	return q;
}

void *xreallocarray(void *p, size_t count, size_t size)
{
	return xrealloc(p, mul(count, size));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0) {
		/* an encoding error in a %ls argument: nothing to print */
		va_end(again);
		char *p = xmalloc(1);
		*p = '\0';
		return p;
	}
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, again);
	va_end(again);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
