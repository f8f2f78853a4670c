/* spacing.c - the space between characters: consecutive punctuation set
 * closer, and where justification may add space.
 *
 * Japanese punctuation is drawn in a full em with its ink in one half: 、。
 * ，．and closing brackets in the left half, opening brackets in the right.
 * Set as they come, 「」、（ leave a full em of white between their inks,
 * which a Japanese reader sees as a hole.  JLREQ 3.1.4 (and every Japanese
 * typesetting system's default) sets consecutive punctuation closer:
 *   closing or 、。 then opening   」「 、「 ）（   half an em of white
 *   closing or 、。 then closing   ）」 」、 。」   solid
 *   opening then opening           （「            solid
 * done here by moving the next character back half an em (kern -500).
 * Only when both glyphs are full-width with their ink where the class
 * expects it (checked on the outline's bounding box once per font), so a
 * proportional fallback font is never squeezed.  At a line break the pair
 * is split and nothing moves: line-end punctuation keeps its em (JLREQ's
 * default, and what keeps the right edge of justified text straight).
 *
 * Justification space (paragraph.c) goes between every two characters except
 * two Western ones: a Latin word or the digits of 6,534 are never spaced
 * out; the gap between a number and the kanji after it is.
 */
#include "text_int.h"

#include FT_OUTLINE_H

enum { P_NONE, P_OPEN, P_CLOSE, P_STOP };

/* Sorted by code point. */
static const struct {
	uint32_t cp;
	uint8_t cls;
} punct[] = {
	{0x2018, P_OPEN},  /* ‘ */ {0x2019, P_CLOSE}, /* ’ */
	{0x201C, P_OPEN},  /* “ */ {0x201D, P_CLOSE}, /* ” */
	{0x3001, P_STOP},  /* 、 */ {0x3002, P_STOP}, /* 。 */
	{0x3008, P_OPEN},  /* 〈 */ {0x3009, P_CLOSE}, /* 〉 */
	{0x300A, P_OPEN},  /* 《 */ {0x300B, P_CLOSE}, /* 》 */
	{0x300C, P_OPEN},  /* 「 */ {0x300D, P_CLOSE}, /* 」 */
	{0x300E, P_OPEN},  /* 『 */ {0x300F, P_CLOSE}, /* 』 */
	{0x3010, P_OPEN},  /* 【 */ {0x3011, P_CLOSE}, /* 】 */
	{0x3014, P_OPEN},  /* 〔 */ {0x3015, P_CLOSE}, /* 〕 */
	{0x3016, P_OPEN},  /* 〖 */ {0x3017, P_CLOSE}, /* 〗 */
	{0x3018, P_OPEN},  /* 〘 */ {0x3019, P_CLOSE}, /* 〙 */
	{0xFF08, P_OPEN},  /* （ */ {0xFF09, P_CLOSE}, /* ） */
	{0xFF0C, P_STOP},  /* ， */ {0xFF0E, P_STOP}, /* ． */
	{0xFF3B, P_OPEN},  /* ［ */ {0xFF3D, P_CLOSE}, /* ］ */
	{0xFF5B, P_OPEN},  /* ｛ */ {0xFF5D, P_CLOSE}, /* ｝ */
};

#define N_PUNCT (sizeof punct / sizeof *punct)

/* Index into punct[], or -1. */
static int punct_index(uint32_t cp)
{
	size_t lo = 0, hi = N_PUNCT;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (punct[mid].cp == cp)
			return (int)mid;
		if (punct[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Is cp drawn in font as a full-width glyph inked in the half its class
 * expects?  Cached per font. */
static bool shaped(struct text_engine *te, int font, int k)
{
	struct font_slot *f = &te->fonts[font];
	if (f->punct_shape[k])
		return f->punct_shape[k] > 0;
	bool ok = false;
	uint32_t v = text_cache_get(te, font, punct[k].cp);
	if (v && (v & 0xFFFF) == 1000 &&
	    !FT_Load_Glyph(f->face, v >> 16, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) &&
	    f->face->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
		FT_BBox bb;
		FT_Outline_Get_CBox(&f->face->glyph->outline, &bb);
		long half = f->upem / 2, slack = f->upem / 20;
		if (punct[k].cls == P_OPEN)
			ok = bb.xMin >= half - slack;
		else
			ok = bb.xMax <= half + slack;
	}
	f->punct_shape[k] = ok ? 1 : -1;
	return ok;
}

void text_kern(struct text_engine *te, struct tchar *c, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		c[i].kern = 0;
		if (c[i].kind != TC_GLYPH || c[i + 1].kind != TC_GLYPH)
			continue;
		int a = punct_index(c[i].cp), b = punct_index(c[i + 1].cp);
		if (a < 0 || b < 0)
			continue;
		int ca = punct[a].cls, cb = punct[b].cls;
		bool pair = ((ca == P_CLOSE || ca == P_STOP) && cb != P_NONE) ||
			    (ca == P_OPEN && cb == P_OPEN);
		if (pair && shaped(te, c[i].font, a) &&
		    shaped(te, c[i + 1].font, b))
			c[i].kern = -500;
	}
	if (n)
		c[n - 1].kern = 0;
}

static bool western(uint32_t cp)
{
	return (cp > 0x20 && cp < 0x250 && cp != 0xA0) ||
	       (cp >= 0x370 && cp < 0x530);
}

bool text_gap_expandable(uint32_t a, uint32_t b)
{
	return !(western(a) && western(b));
}

int text_punct_blank(struct text_engine *te, const struct tchar *t)
{
	if (t->kind != TC_GLYPH)
		return 0;
	int k = punct_index(t->cp);
	if (k < 0 || !shaped(te, t->font, k))
		return 0;
	return punct[k].cls == P_OPEN ? -1 : 1;
}
