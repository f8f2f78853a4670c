/* fuzz_text.c - libFuzzer harness for the text engine: Japanese line
 * breaking and text boxes on arbitrary bytes, with the real font set
 * (fonts/fontset.conf: IPAex/IPA fonts and their fallbacks).
 *
 * The first four bytes choose the style (role, alignment, size, line
 * height, indents, character-space limit) and the box width, the rest is
 * the text - not necessarily UTF-8, not NUL-terminated (it is copied to an
 * allocation of exactly its length, so that ASan sees any read past it).
 * The text goes through text_breaks(), text_width(), text_layout_new() and
 * text_layout_draw() into a display list.
 *
 * Invariants: break offsets rise strictly and stay inside the text; lines
 * cover the text in order; runs lie inside the run array; every run's text
 * is valid UTF-8 without control characters and, unless drawn as an
 * outline, inside the BMP (what the PDF writer accepts, render.h);
 * widths and heights are finite. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "text.h"
#include "fuzz_util.h"

static struct fontset *fs;
static struct text_engine *te;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	struct diag_list dg;
	diag_list_init(&dg);
	fs = fontset_load(NULL, &dg);
	te = fs ? text_engine_new(fs, &dg) : NULL;
	if (!te) {
		diag_print(&dg, stderr);
		abort();
	}
	diag_list_release(&dg);
	return 0;
}

struct breaks {
	size_t len, last, count;
};

static void on_break(size_t offset, bool hard, void *ctx)
{
	struct breaks *b = ctx;
	(void)hard;
	FUZZ_ASSERT(offset > b->last || (b->count == 0 && offset > 0));
	FUZZ_ASSERT(offset <= b->len);
	b->last = offset;
	b->count++;
}

/* Valid UTF-8, no C0/C1 controls or DEL, BMP only unless outline. */
static void check_run_text(const char *s, size_t len, bool outline)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		unsigned c = p[i];
		uint32_t cp;
		size_t n;
		if (c < 0x80)
			cp = c, n = 1;
		else if (c >= 0xC2 && c <= 0xDF)
			cp = c & 0x1F, n = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			cp = c & 0x0F, n = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			cp = c & 0x07, n = 4;
		else
			FUZZ_ASSERT(!"invalid UTF-8 lead byte in a run");
		FUZZ_ASSERT(i + n <= len);
		for (size_t k = 1; k < n; k++) {
			FUZZ_ASSERT((p[i + k] & 0xC0) == 0x80);
			cp = cp << 6 | (p[i + k] & 0x3F);
		}
		FUZZ_ASSERT(!(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF);
		FUZZ_ASSERT(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0));
		FUZZ_ASSERT(outline || cp <= 0xFFFF);
		i += n;
	}
}

static void check_layout(const struct text_layout *tl, size_t len)
{
	FUZZ_ASSERT(isfinite(tl->height) && isfinite(tl->widest_line));
	FUZZ_ASSERT(isfinite(tl->min_width) && isfinite(tl->natural_width));
	size_t prev_end = 0;
	for (size_t i = 0; i < tl->n_lines; i++) {
		const struct text_line *l = &tl->lines[i];
		FUZZ_ASSERT(l->start <= l->end && l->end <= len);
		FUZZ_ASSERT(l->start == prev_end);
		prev_end = l->end;
		FUZZ_ASSERT(l->first_run <= tl->n_runs &&
			    l->n_runs <= tl->n_runs - l->first_run);
		FUZZ_ASSERT(isfinite(l->width) && isfinite(l->x) && isfinite(l->char_space));
	}
	FUZZ_ASSERT(tl->n_lines == 0 || prev_end == len);
	for (size_t i = 0; i < tl->n_runs; i++) {
		const struct text_run *r = &tl->runs[i];
		FUZZ_ASSERT(r->len == 0 || r->utf8 != NULL);
		FUZZ_ASSERT(isfinite(r->width) && isfinite(r->after));
		check_run_text(r->utf8, r->len, r->outline);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 4)
		return 0;
	static const float widths[] = {0, 1, 5, 10.5f, 24, 40, 80, 120, 200, 481.9f, -3};
	static const float sizes[] = {10.5f, 9, 12, 7, 16, 24, 0.5f, 0};
	static const float heights[] = {0, 1.0f, 1.5f, 2.0f, 0.1f};
	static const float spaces[] = {0, 0.25f, -1, 0.01f};
	uint8_t a = data[0], b = data[1], c = data[2], d = data[3];
	struct text_style st;
	memset(&st, 0, sizeof st);
	st.role = (a & 1) ? FONT_GOTHIC : FONT_MINCHO;
	st.align = (enum text_align)((a >> 1) & 3);
	st.valign = (enum text_valign)(((a >> 3) & 3) % 3);
	st.size = sizes[(a >> 5) & 7];
	st.line_height = heights[c % 5];
	st.max_char_space = spaces[(c / 5) & 3];
	st.first_indent = (float)(d & 15);
	st.indent = (float)(d >> 4);
	float width = widths[b % (sizeof widths / sizeof widths[0])];
	if (b >= 0xF0)
		width = (float)(b - 0xF0) * 0.75f; /* boxes narrower than a glyph */

	size_t len = size - 4;
	char *text = malloc(len ? len : 1);
	if (!text)
		abort();
	memcpy(text, data + 4, len);

	struct breaks br = {len, 0, 0};
	text_breaks(te, text, len, on_break, &br);

	struct diag_list dg;
	diag_list_init(&dg);
	struct text_src src = {"fuzz.txt", 1};
	float w = text_width(te, st.role, st.size ? st.size : 10.5f, text, len, &src, &dg);
	FUZZ_ASSERT(isfinite(w) && w >= 0);

	struct text_layout *tl = text_layout_new(te, text, len, &st, width, &src, &dg);
	FUZZ_ASSERT(tl != NULL);
	check_layout(tl, len);

	struct dl_doc *doc = dl_doc_new();
	struct dl_page *pg = dl_page_add(doc, 595.3f, 841.9f);
	float h = text_layout_draw(tl, doc, pg, 56.7f, 56.7f, 0, TEXT_GROW);
	FUZZ_ASSERT(isfinite(h));
	h = text_layout_draw(tl, doc, pg, 56.7f, 56.7f, 20, TEXT_MUST_FIT);
	FUZZ_ASSERT(isfinite(h));
	size_t fit = text_layout_lines_fitting(tl, 100);
	FUZZ_ASSERT(fit <= tl->n_lines);
	if (tl->n_lines)
		text_layout_draw_lines(tl, tl->n_lines / 2, tl->n_lines - tl->n_lines / 2,
				       doc, pg, 0, 0);
	dl_doc_free(doc);
	text_layout_free(tl);
	fuzz_check_diags(&dg);
	diag_list_release(&dg);
	free(text);
	return 0;
}
