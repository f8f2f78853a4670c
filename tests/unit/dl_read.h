/* dl_read.h - reading a display list back, for the unit tests that check
 * what the layout drew (header-only: each test program is one file). */
#ifndef SHIRYO_TEST_DL_READ_H
#define SHIRYO_TEST_DL_READ_H

#include <stddef.h>
#include <stdint.h>

#include "dlist.h"
#include "text.h"
#include "utf8.h"

/* Width of a DL_TEXT item as drawn: the engine's advances at the item's
 * size, plus its character spacing between characters. */
static inline float dl_read_text_width(struct text_engine *te, const struct dl_item *it)
{
	const char *s = it->u.text.utf8;
	double w = 0;
	size_t n = 0;
	for (size_t i = 0; i < it->u.text.len;) {
		uint32_t cp;
		int len = utf8_next(s + i, &cp);
		if (len <= 0)
			break;
		i += (size_t)len;
		w += text_advance(te, it->u.text.font, cp) * it->u.text.size / 1000.0;
		n++;
	}
	return (float)(w + (n ? n - 1 : 0) * it->u.text.char_space);
}

#endif
