/* text.h - the Japanese text engine (work in progress). */
#ifndef SHIRYO_TEXT_H
#define SHIRYO_TEXT_H
#include <stddef.h>
#include "font.h"
/* The installed fonts of a role's chain, best first, as font indices; the
 * array belongs to fs.  Returns the count. */
size_t fontset_chain(const struct fontset *fs, enum font_role role,
		     const int **fonts);
#endif
