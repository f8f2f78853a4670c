/* outfile.c - the write policy: how a finished output reaches its path.
 *
 * Nothing a user names is ever destroyed, nothing is left half written:
 *
 *  1. "-" is standard output (so "-o - | lpr" works); a terminal there is
 *     refused (a PDF is not for the screen).
 *  2. A symbolic link at the path is followed (every link of a chain, as
 *     open() would): its target is what gets written, the link stays.
 *  3. A path that is one of the inputs (the same device and inode as a
 *     file opened by infile_open(), i.e. after links, and hard links too)
 *     is refused: the plan, --actuals files, linked actuals and PDCA files.
 *  4. A character device (/dev/null, a printer) or a FIFO is written
 *     through: opened and written in place, never replaced; a terminal,
 *     block device, socket or folder is refused.
 *  5. Anything else is written as a new file beside it, ".NAME.XXXXXX" in
 *     the same folder (a shorter ".shiryo-HASH.XXXXXX" when that name would
 *     not fit in NAME_MAX but NAME does), given the mode (and, as root, the
 *     owner) of the file it replaces, or 0666 minus umask for a new one,
 *     flushed with fsync, then renamed over the path: the path holds either
 *     the old file or the complete new one, never a part.
 *  6. While the temporary file exists, SIGINT, SIGTERM and SIGHUP remove it
 *     (unlink of a path saved beforehand, async-signal-safe) and then end
 *     the process as the signal would have; SIGXFSZ (ulimit -f) and SIGPIPE
 *     are ignored during the write so that they come back as EFBIG / EPIPE,
 *     reported and cleaned up like any other failure.
 */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "infile.h"

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* ---- signals -------------------------------------------------------------- */

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define N_CLEANUP (sizeof cleanup_signals / sizeof cleanup_signals[0])

/* The temporary file to remove if a signal ends the process now. */
static char *volatile armed_temp;

static void on_cleanup_signal(int sig)
{
	char *p = armed_temp;
	if (p)
		unlink(p);
	/* SA_RESETHAND made the action the default again; the signal is
	 * blocked in here, so it ends the process as soon as we return. */
	raise(sig);
}

struct guard {
	struct sigaction old[N_CLEANUP];
	bool installed[N_CLEANUP];
	struct sigaction old_xfsz, old_pipe;
	bool xfsz, pipe;
};

static void block_cleanup_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < N_CLEANUP; i++)
		sigaddset(&set, cleanup_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void guard_on(struct guard *g)
{
	memset(g, 0, sizeof *g);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_cleanup_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < N_CLEANUP; i++) {
		struct sigaction cur;
		/* A signal the caller ignores (nohup) stays ignored. */
		if (sigaction(cleanup_signals[i], NULL, &cur) == 0 &&
		    cur.sa_handler == SIG_IGN)
			continue;
		g->installed[i] = sigaction(cleanup_signals[i], &sa, &g->old[i]) == 0;
	}
	struct sigaction ign;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	g->xfsz = sigaction(SIGXFSZ, &ign, &g->old_xfsz) == 0;
	g->pipe = sigaction(SIGPIPE, &ign, &g->old_pipe) == 0;
}

static void guard_off(struct guard *g)
{
	sigset_t old;
	block_cleanup_signals(&old);
	armed_temp = NULL;
	for (size_t i = 0; i < N_CLEANUP; i++)
		if (g->installed[i])
			sigaction(cleanup_signals[i], &g->old[i], NULL);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (g->xfsz)
		sigaction(SIGXFSZ, &g->old_xfsz, NULL);
	if (g->pipe)
		sigaction(SIGPIPE, &g->old_pipe, NULL);
}

/* ---- helpers -------------------------------------------------------------- */

static bool write_all(int fd, const void *data, size_t n)
{
	const unsigned char *p = data;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* The file a path finally names: each symbolic link of the chain replaced
 * by its target (relative targets taken from the link's folder).  Stops at
 * the first name that is not a link, or does not exist yet.  NULL with
 * errno ELOOP for a loop. */
static char *resolve_links(const char *path)
{
	char *cur = xstrdup(path);
	for (int hops = 0; hops < 40; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		char target[PATH_MAX];
		ssize_t n = readlink(cur, target, sizeof target - 1);
		if (n < 0)
			return cur; /* let the write report it */
		target[n] = '\0';
		char *next;
		const char *slash = strrchr(cur, '/');
		if (target[0] == '/' || !slash) {
			next = xstrndup(target, (size_t)n);
		} else {
			size_t d = (size_t)(slash - cur) + 1;
			next = xmalloc(d + (size_t)n + 1);
			memcpy(next, cur, d);
			memcpy(next + d, target, (size_t)n + 1);
		}
		free(cur);
		cur = next;
	}
	free(cur);
	errno = ELOOP;
	return NULL;
}

void outfile_temp_name(const char *base, long name_max, char *buf, size_t size)
{
	size_t n = strlen(base);
	if (name_max <= 0)
		name_max = NAME_MAX;
	if (n + 8 <= (size_t)name_max) { /* "." NAME "." XXXXXX */
		snprintf(buf, size, ".%s.XXXXXX", base);
		return;
	}
	/* FNV-1a of the name: a stable, short stand-in. */
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)base[i];
		h *= 1099511628211ULL;
	}
	snprintf(buf, size, ".shiryo-%016llx.XXXXXX", (unsigned long long)h);
}

/* Writes through an open descriptor of a device, FIFO or stdout. */
static int write_through(int fd, const void *data, size_t len, const char *what,
			 char *err, size_t err_size)
{
	if (isatty(fd)) {
		snprintf(err, err_size, "%s is a terminal: send the PDF to a file or "
			 "a pipe (-o - | lpr)", what);
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		const char *in = infile_find(st.st_dev, st.st_ino);
		if (in) {
			snprintf(err, err_size, "%s is the input file '%s', which "
				 "shiryo never overwrites", what, in);
			return -1;
		}
	}
	if (!write_all(fd, data, len)) {
		snprintf(err, err_size, "%s (while writing to %s)", strerror(errno), what);
		return -1;
	}
	return 0;
}

/* ---- the policy ----------------------------------------------------------- */

static int write_replacing(const char *target, const struct stat *old,
			   const void *data, size_t len, char *err, size_t err_size);

int outfile_write(const char *path, const void *data, size_t len, char *err,
		  size_t err_size)
{
	struct guard g;
	guard_on(&g);
	int rc = -1;
	char *target = NULL;

	if (!strcmp(path, "-")) {
		rc = write_through(STDOUT_FILENO, data, len, "standard output", err,
				   err_size);
		goto out;
	}
	target = resolve_links(path);
	if (!target) {
		snprintf(err, err_size, "%s (symbolic links)", strerror(errno));
		goto out;
	}
	struct stat st;
	bool exists = stat(target, &st) == 0;
	if (exists) {
		const char *in = infile_find(st.st_dev, st.st_ino);
		if (in) {
			snprintf(err, err_size, "it is the input file '%s', which shiryo "
				 "never overwrites (name another output with -o)", in);
			goto out;
		}
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, err_size, "the path names a folder, not a file");
			goto out;
		}
		if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
			/* Blocks until a FIFO has a reader, as "> fifo" does. */
			int fd = open(target, O_WRONLY | O_NOCTTY);
			if (fd < 0) {
				snprintf(err, err_size, "%s", strerror(errno));
				goto out;
			}
			rc = write_through(fd, data, len,
					   S_ISFIFO(st.st_mode) ? "the FIFO" : "the device",
					   err, err_size);
			if (close(fd) != 0 && rc == 0) {
				snprintf(err, err_size, "%s (while closing)", strerror(errno));
				rc = -1;
			}
			goto out;
		}
		if (!S_ISREG(st.st_mode)) {
			snprintf(err, err_size, "it is a %s, which shiryo does not replace",
				 S_ISBLK(st.st_mode) ? "block device" : "socket");
			goto out;
		}
	}
	rc = write_replacing(target, exists ? &st : NULL, data, len, err, err_size);
out:
	guard_off(&g);
	free(target);
	return rc;
}

/* Rule 5: a temporary file beside the target, renamed over it. */
static int write_replacing(const char *target, const struct stat *old,
			   const void *data, size_t len, char *err, size_t err_size)
{
	const char *slash = strrchr(target, '/');
	const char *base = slash ? slash + 1 : target;
	if (!*base) {
		snprintf(err, err_size, "the path names a folder, not a file");
		return -1;
	}
	char *dir = slash ? xstrndup(target, slash == target ? 1 : (size_t)(slash - target))
			  : xstrdup(".");
	char name[NAME_MAX + 1];
	outfile_temp_name(base, pathconf(dir, _PC_NAME_MAX), name, sizeof name);
	size_t tmp_size = strlen(dir) + strlen(name) + 2;
	char *tmp = xmalloc(tmp_size);
	snprintf(tmp, tmp_size, "%s/%s", dir, name);

	int rc = -1;
	const char *step = "creating a temporary file in";
	sigset_t mask;
	block_cleanup_signals(&mask);
	int fd = mkstemp(tmp);
	int mkstemp_errno = errno;
	if (fd >= 0)
		armed_temp = tmp;
	sigprocmask(SIG_SETMASK, &mask, NULL);
	if (fd < 0) {
		errno = mkstemp_errno;
		goto out;
	}

	step = "writing the temporary file in";
	if (old) {
		/* The replaced file's owner (root only can give it) and mode;
		 * chown first, as it clears set-id bits. */
		if (geteuid() == 0 && fchown(fd, old->st_uid, old->st_gid) != 0) {
			/* not fatal: the file is ours then */
		}
		if (fchmod(fd, old->st_mode & 07777) != 0)
			goto fail;
	} else {
		mode_t um = umask(0);
		umask(um);
		if (fchmod(fd, 0666 & ~um) != 0)
			goto fail;
	}
	if (!write_all(fd, data, len))
		goto fail;
	step = "flushing the temporary file in";
	if (fsync(fd) != 0)
		goto fail;
	step = "closing the temporary file in";
	int c = close(fd);
	fd = -1;
	if (c != 0)
		goto fail;
	step = "renaming the temporary file in";
	if (rename(tmp, target) != 0)
		goto fail;
	armed_temp = NULL;
	/* Make the rename itself durable; failure here loses nothing. */
	int dfd = open(dir, O_RDONLY);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
	goto out;
fail:;
	int saved = errno;
	if (fd >= 0)
		close(fd);
	block_cleanup_signals(&mask);
	unlink(tmp);
	armed_temp = NULL;
	sigprocmask(SIG_SETMASK, &mask, NULL);
	errno = saved;
out:
	if (rc != 0)
		snprintf(err, err_size, "%s (while %s folder '%s')", strerror(errno), step,
			 dir);
	free(tmp);
	free(dir);
	return rc;
}
