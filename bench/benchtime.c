/* benchtime.c - run one command and report its wall time and peak memory.
 *
 *   benchtime OUT COMMAND [ARG]...
 *
 * Runs COMMAND (its standard streams are the caller's), waits for it and
 * appends one line to the file OUT:
 *
 *   WALL_S MAXRSS_KIB USER_S SYS_S STATUS
 *
 * Wall time comes from CLOCK_MONOTONIC around fork/wait (microseconds, where
 * /usr/bin/time -f %e gives hundredths, too coarse for a 30 ms build); peak
 * RSS, user and system time from the child's own rusage (wait4), so nothing
 * of the shell that started us is counted.  STATUS is the exit status, or
 * 128 + the signal.  Exits 0 when the line was written (whatever the
 * command's status: the caller decides), 2 on a usage or system error.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* wait4 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: benchtime OUT COMMAND [ARG]...\n", stderr);
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "benchtime: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "benchtime: cannot run '%s': %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "benchtime: wait: %s\n", strerror(errno));
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	int status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);

	FILE *out = fopen(argv[1], "a");
	if (!out) {
		fprintf(stderr, "benchtime: cannot open '%s': %s\n", argv[1], strerror(errno));
		return 2;
	}
	fprintf(out, "%.6f %ld %.6f %.6f %d\n", wall, ru.ru_maxrss, seconds(ru.ru_utime),
		seconds(ru.ru_stime), status);
	if (fclose(out) != 0) {
		fprintf(stderr, "benchtime: cannot write '%s'\n", argv[1]);
		return 2;
	}
	return 0;
}
