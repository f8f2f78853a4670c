/* infile.c - opening input files, regular files only; see infile.h. */
#include "infile.h"

#include "alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct input {
	dev_t dev;
	ino_t ino;
	char *path;
};

/* The inputs of the process (infile.h): one list for every load, which
 * may run in threads of their own, hence the lock. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct input *inputs;
static size_t n_inputs, alloc_inputs;
static bool freed_at_exit;

void infile_forget_all(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < n_inputs; i++)
		free(inputs[i].path);
	free(inputs);
	inputs = NULL;
	n_inputs = alloc_inputs = 0;
	pthread_mutex_unlock(&lock);
}

/* The path of the input dev, ino, or NULL; the lock is held. */
static const char *find_locked(dev_t dev, ino_t ino)
{
	for (size_t i = 0; i < n_inputs; i++)
		if (inputs[i].dev == dev && inputs[i].ino == ino)
			return inputs[i].path;
	return NULL;
}

static void remember(dev_t dev, ino_t ino, const char *path)
{
	pthread_mutex_lock(&lock);
	if (!find_locked(dev, ino)) {
		if (!freed_at_exit) {
			atexit(infile_forget_all); /* no memory left in use at exit */
			freed_at_exit = true;
		}
		if (n_inputs == alloc_inputs) {
			alloc_inputs = alloc_inputs ? 2 * alloc_inputs : 16;
			inputs = xreallocarray(inputs, alloc_inputs, sizeof *inputs);
		}
		inputs[n_inputs++] = (struct input){dev, ino, xstrdup(path)};
	}
	pthread_mutex_unlock(&lock);
}

const char *infile_find(dev_t dev, ino_t ino)
{
	pthread_mutex_lock(&lock);
	const char *path = find_locked(dev, ino);
	pthread_mutex_unlock(&lock);
	return path;
}

void infile_note(int fd, const char *path)
{
	struct stat st;
	if (fstat(fd, &st) == 0)
		remember(st.st_dev, st.st_ino, path);
}

int infile_open(const char *path, char *err, size_t err_size)
{
	/* O_NONBLOCK: opening a FIFO without a writer, or a serial line,
	 * would otherwise wait; the file type is checked right after. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		snprintf(err, err_size, "%s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		snprintf(err, err_size, "%s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, err_size, "%s",
			 S_ISDIR(st.st_mode) ? "is a directory, not a file"
					     : "is not a regular file (a device, FIFO or "
					       "socket): shiryo reads files only");
		close(fd);
		return -2;
	}
	/* A regular file never blocks; back to ordinary reads. */
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	remember(st.st_dev, st.st_ino, path);
	return fd;
}
