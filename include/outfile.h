/* outfile.h - the write policy: how shiryo writes a finished output file.
 *
 * See the comment at the top of src/model/outfile.c for the policy itself
 * (what is refused, what is written through, what is replaced, and how).
 */
#ifndef SHIRYO_OUTFILE_H
#define SHIRYO_OUTFILE_H

#include <stddef.h>

/* Writes data[len] to path ("-": standard output) by the write policy.
 * Returns 0, or -1 with the reason in err, without the path itself
 * ("No such file or directory (while creating a temporary file in folder
 * 'x')"): callers say "cannot write 'PATH': REASON". */
int outfile_write(const char *path, const void *data, size_t len, char *err,
		  size_t err_size);

/* The temporary file's name for a target named base (no folder) in a
 * folder whose names may have name_max bytes: ".BASE.XXXXXX" when that
 * fits, else a short name derived from base.  Into buf; for tests. */
void outfile_temp_name(const char *base, long name_max, char *buf, size_t size);

#endif
