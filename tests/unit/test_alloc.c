/* test_alloc.c - the one allocator (alloc.h): what it returns, and that a
 * size past size_t takes the one out-of-memory path (message, abort). */
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "cu_main.h"

static void test_zero_sizes_give_memory(void)
{
	void *a = xmalloc(0), *b = xcalloc(0, 8), *c = xrealloc(NULL, 0);
	CU_ASSERT_PTR_NOT_NULL(a);
	CU_ASSERT_PTR_NOT_NULL(b);
	CU_ASSERT_PTR_NOT_NULL(c);
	free(a);
	free(b);
	free(c);
}

static void test_calloc_zeroes_and_realloc_keeps(void)
{
	int *v = xcalloc(100, sizeof *v);
	int sum = 0;
	for (int i = 0; i < 100; i++)
		sum += v[i];
	CU_ASSERT_EQUAL(sum, 0);
	v[99] = 7;
	v = xreallocarray(v, 1000, sizeof *v);
	CU_ASSERT_EQUAL(v[99], 7);
	free(v);
}

static void test_strings(void)
{
	char *a = xstrdup("鹿児島");
	CU_ASSERT_STRING_EQUAL(a, "鹿児島");
	char *b = xstrndup("abcdef", 3);
	CU_ASSERT_STRING_EQUAL(b, "abc");
	char *c = xstrndup("ab", 10); /* n past the end: stops at the NUL */
	CU_ASSERT_STRING_EQUAL(c, "ab");
	char *d = xasprintf("%s-%d", "R", 7);
	CU_ASSERT_STRING_EQUAL(d, "R-7");
	free(a);
	free(b);
	free(c);
	free(d);
}

/* Runs fn in a child with stderr into a pipe; returns the signal that ended
 * it (0: it exited) and what it printed. */
static int in_child(void (*fn)(void), char *err, size_t size)
{
	int fd[2];
	if (pipe(fd) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 2);
		signal(SIGABRT, SIG_DFL);
		fn();
		_exit(0);
	}
	close(fd[1]);
	size_t n = 0;
	ssize_t got;
	while (n + 1 < size && (got = read(fd[0], err + n, size - 1 - n)) > 0)
		n += (size_t)got;
	err[n] = '\0';
	close(fd[0]);
	int st;
	waitpid(pid, &st, 0);
	return WIFSIGNALED(st) ? WTERMSIG(st) : 0;
}

static void overflow_calloc(void)
{
	free(xcalloc(SIZE_MAX / 2, 4));
}

static void overflow_array(void)
{
	free(xreallocarray(NULL, SIZE_MAX / 8 + 1, 16));
}

static void fits(void)
{
	free(xmallocarray(1000, 16));
}

static void test_overflow_aborts_with_message(void)
{
	char err[256];
	CU_ASSERT_EQUAL(in_child(overflow_calloc, err, sizeof err), SIGABRT);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "shiryo: out of memory"));
	CU_ASSERT_EQUAL(in_child(overflow_array, err, sizeof err), SIGABRT);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "shiryo: out of memory"));
	CU_ASSERT_EQUAL(in_child(fits, err, sizeof err), 0);
	CU_ASSERT_STRING_EQUAL(err, "");
}

static const struct cu_case cases[] = {
	{"a size of 0 still gives memory", test_zero_sizes_give_memory},
	{"xcalloc zeroes, xreallocarray keeps the contents", test_calloc_zeroes_and_realloc_keeps},
	{"xstrdup, xstrndup, xasprintf copy", test_strings},
	{"a size past size_t aborts with the out-of-memory message",
	 test_overflow_aborts_with_message},
	{NULL, NULL},
};

CU_MAIN("alloc", cases)
