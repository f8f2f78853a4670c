/* watch.h - rebuilding whenever an input changes (shiryo watch). */
#ifndef SHIRYO_WATCH_H
#define SHIRYO_WATCH_H

#include <stddef.h>

/* The files a build read, which a change of any of them rebuilds. */
struct watch_files {
	char **paths;
	size_t n, alloc;
};

/* Adds a copy of path (a duplicate is ignored). */
void watch_files_add(struct watch_files *w, const char *path);

/* Calls rebuild(ctx, files) (files empty at each call, to be filled with
 * what the build read, also when it failed), then again after every change
 * of one of those files (written, replaced by a rename as editors save,
 * touched, deleted or created again), a short quiet time after the last
 * change.  A failed rebuild keeps the files it listed plus the previous
 * ones.  Returns 0 at SIGINT or SIGTERM, -1 when inotify is not available
 * (reported on stderr). */
int watch_loop(int (*rebuild)(void *ctx, struct watch_files *files), void *ctx);

#endif
