/* dl_read.h - reading a display list back, for the unit tests that check
 * what the layout drew (header-only: each test program is one file). */
#ifndef SHIRYO_TEST_DL_READ_H
#define SHIRYO_TEST_DL_READ_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* A line as drawn: consecutive DL_TEXT runs on one baseline, each
 * starting where the last ended (from 0.5 pt before to 4 pt after). */
struct dl_line {
	size_t page;
	size_t item; /* index of its first item on the page */
	float x, x_end, y, size;
	int font;    /* of its first run */
	struct dl_color color;
	char text[1024];
};

/* The lines of every page of doc, in drawing order; *n gets their count.
 * free() the array. */
static inline struct dl_line *dl_read_lines(struct text_engine *te,
					    const struct dl_doc *doc, size_t *n)
{
	struct dl_line *lines = NULL;
	size_t alloc = 0;
	*n = 0;
	for (size_t p = 0; p < doc->n_pages; p++) {
		const struct dl_page *pg = &doc->pages[p];
		struct dl_line *cur = NULL;
		for (size_t i = 0; i < pg->n_items; i++) {
			const struct dl_item *it = &pg->items[i];
			if (it->kind != DL_TEXT) {
				cur = NULL;
				continue;
			}
			float w = dl_read_text_width(te, it);
			if (cur && fabsf(cur->y - it->u.text.y) < 0.01f &&
			    it->u.text.x >= cur->x_end - 0.5f &&
			    it->u.text.x <= cur->x_end + 4.0f &&
			    strlen(cur->text) + it->u.text.len < sizeof cur->text) {
				strncat(cur->text, it->u.text.utf8, it->u.text.len);
				cur->x_end = it->u.text.x + w;
				continue;
			}
			if (*n == alloc) {
				alloc = alloc ? 2 * alloc : 256;
				lines = realloc(lines, alloc * sizeof *lines);
				if (!lines)
					abort();
			}
			cur = &lines[(*n)++];
			cur->page = p;
			cur->item = i;
			cur->x = it->u.text.x;
			cur->x_end = it->u.text.x + w;
			cur->y = it->u.text.y;
			cur->size = it->u.text.size;
			cur->font = it->u.text.font;
			cur->color = it->u.text.color;
			size_t len = it->u.text.len < sizeof cur->text - 1 ?
					     it->u.text.len :
					     sizeof cur->text - 1;
			memcpy(cur->text, it->u.text.utf8, len);
			cur->text[len] = '\0';
		}
	}
	return lines;
}

#endif
