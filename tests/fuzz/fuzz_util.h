/* fuzz_util.h - shared by the libFuzzer harnesses in tests/fuzz/.
 *
 * Each harness is one program: LLVMFuzzerTestOneInput() feeds one input to
 * one entry point of shiryo and checks the few things that must hold for any
 * input (a failure is reported, every diagnostic is printable).  Crashes,
 * sanitizer reports, leaks and timeouts are libFuzzer's to catch.
 *
 * Header-only on purpose: every harness is a single translation unit, built
 * by the Makefile's fuzz rules against the library compiled with
 * -fsanitize=fuzzer-no-link,address,undefined.
 */
#ifndef SHIRYO_FUZZ_UTIL_H
#define SHIRYO_FUZZ_UTIL_H

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A harness invariant broke: say which and abort, so libFuzzer keeps the
 * input as a crash. */
#define FUZZ_ASSERT(cond)                                                     \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", \
				__FILE__, __LINE__, #cond);                   \
			abort();                                              \
		}                                                             \
	} while (0)

/* Formats every diagnostic (as the CLI prints them) and checks the counts. */
static inline void fuzz_check_diags(const struct diag_list *dg)
{
	char buf[1024];
	size_t errors = 0;
	for (size_t i = 0; i < dg->count; i++) {
		const struct diag *d = &dg->items[i];
		FUZZ_ASSERT(d->message != NULL);
		FUZZ_ASSERT(d->line >= 0 && d->column >= 0);
		diag_format(d, buf, sizeof buf);
		errors += d->severity == DIAG_ERROR;
	}
	FUZZ_ASSERT(errors <= dg->errors);
	if (getenv("FUZZ_VERBOSE"))
		diag_print(dg, stderr);
}

/* A private folder for the files a harness must write (the loaders take
 * paths): on tmpfs when there is one.  Removed at exit. */
static char fuzz_dir_path[256];

static inline void fuzz_dir_remove(void)
{
	char cmd[300];
	if (!fuzz_dir_path[0])
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_dir_path);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", fuzz_dir_path);
}

static inline const char *fuzz_dir(void)
{
	if (fuzz_dir_path[0])
		return fuzz_dir_path;
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : NULL;
	if (!base)
		base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "%s/shiryo-fuzz.XXXXXX", base);
	if (!mkdtemp(fuzz_dir_path)) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(fuzz_dir_remove);
	return fuzz_dir_path;
}

/* Writes size bytes to path (replacing it); aborts on failure, which would
 * be the machine's fault, not the input's. */
static inline void fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		perror(path);
		abort();
	}
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			perror(path);
			abort();
		}
		done += (size_t)n;
	}
	close(fd);
}

/* The source tree's top folder: the harnesses run from there (make fuzz)
 * but may be started elsewhere by hand; SHIRYO_TOP says where. */
static inline const char *fuzz_top(void)
{
	const char *top = getenv("SHIRYO_TOP");
	return top && *top ? top : ".";
}

#endif
