/* infile.h - opening an input file, and remembering which files were inputs.
 *
 * Every file shiryo reads as input (the plan, each --actuals file, the
 * actuals and PDCA files a plan names, the fonts) is opened through
 * infile_open(): the file must be a regular file, checked with fstat() on
 * the open descriptor (not on the name, which could change in between),
 * and it is opened with O_NONBLOCK so that a FIFO or a terminal given as
 * an input is refused at once instead of blocking for ever.  Each file
 * opened is remembered by device and inode, so that the write policy
 * (outfile.h) can refuse an output that would overwrite an input.
 *
 * The list is process-wide and meant for the main thread.
 */
#ifndef SHIRYO_INFILE_H
#define SHIRYO_INFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Opens path for reading.  Returns a descriptor (blocking mode restored);
 * -1 when it cannot be opened (errno, and strerror() in err), or -2 when it
 * is not a regular file (err: "is a directory, not a file", ...). */
int infile_open(const char *path, char *err, size_t err_size);

/* Remembers an input already open as fd (read by other means). */
void infile_note(int fd, const char *path);

/* The path of the remembered input with this device and inode, or NULL. */
const char *infile_find(dev_t dev, ino_t ino);

/* Forgets every remembered input (tests; freed at exit anyway). */
void infile_forget_all(void);

#endif
