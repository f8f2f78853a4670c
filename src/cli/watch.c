/* watch.c - the inotify loop of shiryo watch; see watch.h.
 *
 * Folders are watched, not files: an editor that saves by writing a new
 * file and renaming it over the old one replaces the inode, and a watch on
 * the file would go with it.  An event counts when its folder and name are
 * those of a file the last build read.
 */
#define _GNU_SOURCE /* for the inotify constants in older C libraries */
#include "watch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "alloc.h"

#define QUIET_MS 150 /* an editor's save is several events: wait for the last */

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

void watch_files_add(struct watch_files *w, const char *path)
{
	for (size_t i = 0; i < w->n; i++)
		if (!strcmp(w->paths[i], path))
			return;
	if (w->n == w->alloc) {
		w->alloc = w->alloc ? w->alloc * 2 : 16;
		w->paths = xreallocarray(w->paths, w->alloc, sizeof *w->paths);
	}
	w->paths[w->n++] = xstrdup(path);
}

static void files_clear(struct watch_files *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->paths[i]);
	free(w->paths);
	*w = (struct watch_files){0};
}

/* A watched file: its folder's watch and its name in the folder. */
struct target {
	int wd;
	char *name;
};

struct watcher {
	int fd;
	struct target *t;
	size_t n;
};

/* The canonical folder of path and its last component, malloc'd. */
static bool split(const char *path, char **dir, char **name)
{
	const char *slash = strrchr(path, '/');
	char *d = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
			: xstrdup(".");
	char *real = realpath(d, NULL);
	free(d);
	if (!real)
		return false;
	*dir = real;
	*name = xstrdup(slash ? slash + 1 : path);
	return true;
}

static void watch_all(struct watcher *w, const struct watch_files *files)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->t[i].name);
	free(w->t);
	w->t = xcalloc(files->n ? files->n : 1, sizeof *w->t);
	w->n = 0;
	for (size_t i = 0; i < files->n; i++) {
		char *dir, *name;
		if (!split(files->paths[i], &dir, &name))
			continue;
		/* the same folder gives the same watch descriptor */
		int wd = inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB |
							  IN_CREATE | IN_DELETE | IN_MODIFY);
		free(dir);
		if (wd < 0) {
			free(name);
			continue;
		}
		w->t[w->n++] = (struct target){wd, name};
	}
}

/* Whether the events waiting on the watcher name a watched file. */
static bool drain(struct watcher *w)
{
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool hit = false;
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n <= 0)
			return hit;
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			for (size_t i = 0; e->len && i < w->n; i++)
				if (w->t[i].wd == e->wd && !strcmp(w->t[i].name, e->name))
					hit = true;
			p += sizeof *e + e->len;
		}
	}
}

int watch_loop(int (*rebuild)(void *ctx, struct watch_files *files), void *ctx)
{
	struct watcher w = {inotify_init1(IN_NONBLOCK | IN_CLOEXEC), NULL, 0};
	if (w.fd < 0) {
		fprintf(stderr, "shiryo: cannot watch files: %s\n", strerror(errno));
		return -1;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	struct watch_files files = {0}, last = {0};
	for (;;) {
		files_clear(&files);
		int rc = rebuild(ctx, &files);
		/* keep watching what the last build read, also when this one
		 * failed before it got that far */
		for (size_t i = 0; i < last.n; i++)
			watch_files_add(&files, last.paths[i]);
		if (rc == 0) {
			files_clear(&last);
			for (size_t i = 0; i < files.n; i++)
				watch_files_add(&last, files.paths[i]);
		}
		watch_all(&w, &files);
		drain(&w); /* what the build itself caused */
		fflush(stderr);
		/* wait for a change, then for quiet */
		bool changed = false;
		while (!stop) {
			struct pollfd pfd = {w.fd, POLLIN, 0};
			int r = poll(&pfd, 1, changed ? QUIET_MS : 1000);
			if (r < 0 && errno != EINTR)
				break;
			if (r > 0) {
				changed |= drain(&w);
				continue;
			}
			if (r == 0 && changed)
				break;
		}
		if (stop || !changed)
			break;
	}
	files_clear(&files);
	files_clear(&last);
	for (size_t i = 0; i < w.n; i++)
		free(w.t[i].name);
	free(w.t);
	close(w.fd);
	return 0;
}
