/* engine.c - fonts opened once, glyph coverage, fallback, advances, and the
 * decoding of UTF-8 into characters assigned to fonts.  See text.h.
 *
 * Coverage is decided per character, not per run: a character goes to the
 * first font of the role's chain that has a glyph for it (FT_Get_Char_Index
 * on the face's Unicode cmap), so a run is a maximal sequence of characters
 * served by one font, and spaces stay in the role's own font, which has
 * them.  Nothing is normalised: 髙 (U+9AD9), 﨑 (U+FA11), ㈱ (U+3231) and
 * ① (U+2460) are in IPAex under their own code points and are drawn as
 * written; NFKC would turn ㈱ into (株) and ① into 1, and even NFC maps
 * most CJK compatibility ideographs (U+F900-FAFF, though not 﨑) to other
 * characters - a person's or a place's name must come out as typed.
 *
 * Advances come from hmtx through FT_Get_Advance with FT_LOAD_NO_SCALE (no
 * hinting, no outline loading), in thousandths of an em by
 * font_advance_em1000() (font.h), the rule the PDF's /W array is written
 * with too, so the widths we break lines with are the widths a viewer
 * advances by.  They are cached per font in 256-entry pages, together with
 * the glyph id.
 */
#include "text_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include FT_ADVANCES_H

#include "alloc.h"
#include "diag.h"

static const char *const role_name[FONT_ROLE_COUNT] = {"mincho", "gothic"};

struct text_engine *text_engine_new(const struct fontset *fs,
				    struct diag_list *dg)
{
	struct text_engine *te = xcalloc(1, sizeof *te);
	te->fs = fs;
	if (FT_Init_FreeType(&te->lib)) {
		diag_add(dg, DIAG_ERROR, NULL, 0, 0, "cannot start FreeType");
		free(te);
		return NULL;
	}
	te->n_fonts = fontset_count(fs);
	te->fonts = xcalloc(te->n_fonts ? te->n_fonts : 1, sizeof *te->fonts);
	for (size_t i = 0; i < te->n_fonts; i++) {
		const char *path = fontset_file(fs, (int)i);
		FT_Face face;
		FT_Error err = FT_New_Face(te->lib, path, 0, &face);
		if (err) {
			diag_add(dg, DIAG_ERROR, path, 0, 0,
				 "cannot open font '%s' (FreeType error %d)",
				 fontset_family(fs, (int)i), err);
			text_engine_free(te);
			return NULL;
		}
		te->fonts[i].face = face;
		te->fonts[i].upem = face->units_per_EM ? face->units_per_EM : 1000;
	}
	for (int r = 0; r < FONT_ROLE_COUNT; r++) {
		int f = fontset_role(fs, (enum font_role)r);
		te->ascent[r] = 0.88f; /* the ideographic em box of IPA fonts */
		if (f >= 0) {
			FT_Face face = te->fonts[f].face;
			float asc = face->ascender, desc = face->descender;
			if (asc > 0 && asc - desc > 0)
				te->ascent[r] = asc / (asc - desc);
		}
	}
	/* "lb=strict": ICU 72's plain "ja" is CSS "normal", which allows a
	 * line to start with small kana and ー; JLREQ (and every Japanese
	 * typesetter of official documents) forbids that. */
	UErrorCode uerr = U_ZERO_ERROR;
	te->brk = ubrk_open(UBRK_LINE, "ja@lb=strict", NULL, 0, &uerr);
	if (U_FAILURE(uerr)) {
		diag_add(dg, DIAG_ERROR, NULL, 0, 0,
			 "cannot open ICU's Japanese line breaker: %s",
			 u_errorName(uerr));
		text_engine_free(te);
		return NULL;
	}
	/* Phrases ("lw=phrase", ICU 72 and later: CSS word-break:
	 * auto-phrase): the preferred breaks.  Without it every legal break
	 * counts as a phrase boundary, as before. */
	uerr = U_ZERO_ERROR;
	te->phrase = ubrk_open(UBRK_LINE, "ja@lb=strict;lw=phrase", NULL, 0,
			       &uerr);
	if (U_FAILURE(uerr))
		te->phrase = NULL;
	return te;
}

void text_engine_free(struct text_engine *te)
{
	if (!te)
		return;
	for (size_t i = 0; i < te->n_fonts; i++) {
		for (size_t pg = 0; pg < CACHE_PAGES; pg++)
			free(te->fonts[i].pages[pg]);
		if (te->fonts[i].face)
			FT_Done_Face(te->fonts[i].face);
	}
	free(te->fonts);
	if (te->lib)
		FT_Done_FreeType(te->lib);
	if (te->brk)
		ubrk_close(te->brk);
	if (te->phrase)
		ubrk_close(te->phrase);
	text_break_memo_free(te);
	free(te->reported);
	for (size_t i = 0; i < te->n_bad_utf8; i++)
		free(te->bad_utf8[i]);
	free(te->bad_utf8);
	free(te->u16);
	free(te->u16_char);
	free(te);
}

const struct fontset *text_engine_fontset(const struct text_engine *te)
{
	return te->fs;
}

/* ---- coverage and advances ---------------------------------------------- */

uint32_t text_cache_get(struct text_engine *te, int font, uint32_t cp)
{
	if (font < 0 || (size_t)font >= te->n_fonts || cp > 0x10FFFF)
		return 0;
	struct font_slot *f = &te->fonts[font];
	uint32_t *pg = f->pages[cp >> 8];
	if (!pg) {
		pg = xmallocarray(256, sizeof *pg);
		memset(pg, 0xFF, 256 * sizeof *pg);
		f->pages[cp >> 8] = pg;
	}
	uint32_t v = pg[cp & 0xFF];
	if (v == UINT32_MAX) {
		v = 0;
		FT_UInt gid = FT_Get_Char_Index(f->face, cp);
		FT_Fixed adv;
		if (gid && gid <= 0xFFFF &&
		    !FT_Get_Advance(f->face, gid, FT_LOAD_NO_SCALE, &adv)) {
			unsigned long t = (unsigned long)font_advance_em1000(
				(unsigned long)adv, (unsigned)f->upem);
			v = (uint32_t)gid << 16 | (uint32_t)(t > 0xFFFF ? 0xFFFF : t);
		}
		pg[cp & 0xFF] = v;
	}
	return v;
}

int text_advance(struct text_engine *te, int font, uint32_t cp)
{
	uint32_t v = text_cache_get(te, font, cp);
	return v ? (int)(v & 0xFFFF) : -1;
}

unsigned text_glyph(struct text_engine *te, int font, uint32_t cp)
{
	return text_cache_get(te, font, cp) >> 16;
}

int text_font_for(struct text_engine *te, enum font_role role, uint32_t cp)
{
	const int *chain;
	size_t n = fontset_chain(te->fs, role, &chain);
	for (size_t i = 0; i < n; i++)
		if (text_cache_get(te, chain[i], cp))
			return chain[i];
	return -1;
}

/* ---- UTF-8 ------------------------------------------------------------------ */

/* Decodes one character at s (n > 0 bytes).  Returns the code point, or
 * UINT32_MAX for invalid UTF-8 with *used set to the maximal invalid
 * subpart (Unicode 3.9, "U+FFFD substitution of maximal subparts"):
 * overlong forms, surrogates, values past U+10FFFF and truncated
 * sequences are all invalid. */
static uint32_t utf8_next(const unsigned char *s, size_t n, uint32_t *used)
{
	unsigned char b = s[0];
	*used = 1;
	if (b < 0x80)
		return b;
	uint32_t cp;
	size_t need;
	unsigned char lo = 0x80, hi = 0xBF;
	if (b >= 0xC2 && b <= 0xDF) {
		need = 1;
		cp = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		need = 2;
		cp = b & 0x0F;
		if (b == 0xE0)
			lo = 0xA0;
		else if (b == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (b >= 0xF0 && b <= 0xF4) {
		need = 3;
		cp = b & 0x07;
		if (b == 0xF0)
			lo = 0x90;
		else if (b == 0xF4)
			hi = 0x8F;
	} else {
		return UINT32_MAX;
	}
	for (size_t i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*used = (uint32_t)i;
			return UINT32_MAX;
		}
		cp = cp << 6 | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*used = (uint32_t)need + 1;
	return cp;
}

static bool is_variation_selector(uint32_t cp)
{
	return (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       (cp >= 0xE0100 && cp <= 0xE01EF) ||
	       (cp >= 0x180B && cp <= 0x180D);
}

static bool is_mark(uint32_t cp)
{
	int8_t t = u_charType((UChar32)cp);
	return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
	       t == U_COMBINING_SPACING_MARK || is_variation_selector(cp) ||
	       cp == 0x200D;
}

size_t text_decode_plain(const char *utf8, size_t len, struct tchar **out)
{
	struct tchar *c = xmallocarray((len ? len : 1), sizeof *c);
	const unsigned char *s = (const unsigned char *)utf8;
	size_t n = 0;
	for (size_t off = 0; off < len;) {
		uint32_t used;
		uint32_t cp = utf8_next(s + off, len - off, &used);
		struct tchar *t = &c[n++];
		memset(t, 0, sizeof *t);
		t->off = off;
		t->len = used;
		t->font = -1;
		t->kind = TC_GLYPH;
		if (cp == UINT32_MAX) {
			t->cp = t->orig = GETA;
			t->flags = TC_INVALID;
		} else {
			t->cp = t->orig = cp;
			if (cp == '\n' || cp == 0x85 || cp == 0x2028 ||
			    cp == 0x2029 ||
			    (cp == '\r' && !(off + 1 < len && s[off + 1] == '\n')))
				t->kind = TC_NEWLINE;
			else if (cp == '\t')
				t->cp = ' ';
			else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
				t->kind = TC_SKIP;
			if (t->cp == ' ' || t->cp == 0x3000)
				t->flags |= TC_SPACE;
			if (is_mark(cp))
				t->flags |= TC_MARK;
		}
		off += used;
	}
	*out = c;
	return n;
}

/* ---- reporting once ---------------------------------------------------------- */

enum { KEY_MISSING = 0, KEY_OUTLINE = 1, KEY_CONTROL = 2, KEY_VS = 3, KEY_NO_JAPANESE = 4 };

/* True the first time (role, what, cp) is seen by this engine. */
static bool first_time(struct text_engine *te, enum font_role role, int what,
		       uint32_t cp)
{
	uint32_t key = cp | (uint32_t)role << 21 | (uint32_t)what << 24;
	size_t lo = 0, hi = te->n_reported;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (te->reported[mid] == key)
			return false;
		if (te->reported[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (te->n_reported == te->alloc_reported) {
		te->alloc_reported = te->alloc_reported ? te->alloc_reported * 2 : 32;
		te->reported = xreallocarray(te->reported, te->alloc_reported,
					     sizeof *te->reported);
	}
	memmove(te->reported + lo + 1, te->reported + lo,
		(te->n_reported - lo) * sizeof *te->reported);
	te->reported[lo] = key;
	te->n_reported++;
	return true;
}

static bool first_bad_utf8(struct text_engine *te, const struct text_src *src)
{
	char key[64 + 32];
	snprintf(key, sizeof key, "%.64s\n%d", src && src->file ? src->file : "",
		 src ? src->line : 0);
	for (size_t i = 0; i < te->n_bad_utf8; i++)
		if (strcmp(te->bad_utf8[i], key) == 0)
			return false;
	if (te->n_bad_utf8 == te->alloc_bad_utf8) {
		te->alloc_bad_utf8 = te->alloc_bad_utf8 ? te->alloc_bad_utf8 * 2 : 8;
		te->bad_utf8 = xreallocarray(te->bad_utf8, te->alloc_bad_utf8,
					     sizeof *te->bad_utf8);
	}
	size_t n = strlen(key) + 1;
	char *k = xmalloc(n);
	te->bad_utf8[te->n_bad_utf8++] = memcpy(k, key, n);
	return true;
}

/* "U+27A1 BLACK RIGHTWARDS ARROW", or "U+F0FC, a private-use character" */
static void describe(uint32_t cp, char *buf, size_t size)
{
	char name[128];
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = u_charName((UChar32)cp, U_UNICODE_CHAR_NAME, name,
			       (int32_t)sizeof name, &err);
	int8_t type = u_charType((UChar32)cp);
	if (U_SUCCESS(err) && n > 0 && n < (int32_t)sizeof name)
		snprintf(buf, size, "U+%04X %s", (unsigned)cp, name);
	else if (type == U_PRIVATE_USE_CHAR)
		snprintf(buf, size, "U+%04X, a private-use character", (unsigned)cp);
	else if (type == U_UNASSIGNED)
		snprintf(buf, size, "U+%04X, unassigned", (unsigned)cp);
	else
		snprintf(buf, size, "U+%04X", (unsigned)cp);
}

/* "U+0007": for characters whose name says nothing */
static void code_only(uint32_t cp, char *buf, size_t size)
{
	snprintf(buf, size, "U+%04X", (unsigned)cp);
}

size_t text_put_utf8(char *p, uint32_t cp)
{
	if (cp < 0x80) {
		p[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		p[0] = (char)(0xC0 | cp >> 6);
		p[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		p[0] = (char)(0xE0 | cp >> 12);
		p[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		p[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	p[0] = (char)(0xF0 | cp >> 18);
	p[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	p[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	p[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The character itself for a message: nothing for controls and marks, so
 * that a message never carries an invisible or combining character. */
static void quoted(uint32_t cp, char *buf)
{
	int8_t t = u_charType((UChar32)cp);
	if (t == U_CONTROL_CHAR || t == U_FORMAT_CHAR || t == U_UNASSIGNED ||
	    t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
	    t == U_PRIVATE_USE_CHAR || t == U_SURROGATE) {
		buf[0] = '\0';
		return;
	}
	buf[0] = '\'';
	size_t n = 1 + text_put_utf8(buf + 1, cp);
	buf[n++] = '\'';
	buf[n++] = ' ';
	buf[n] = '\0';
}

static void chain_names(struct text_engine *te, enum font_role role, char *buf,
			size_t size)
{
	const int *chain;
	size_t n = fontset_chain(te->fs, role, &chain), used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
					 i ? ", " : "",
					 fontset_family(te->fs, chain[i]));
}

#define SRC_FILE(src) ((src) ? (src)->file : NULL)
#define SRC_LINE(src) ((src) ? (src)->line : 0)

static void substitute(struct text_engine *te, enum font_role role,
		       struct tchar *t)
{
	t->cp = GETA;
	t->font = text_font_for(te, role, GETA);
	if (t->font < 0) { /* a chain without Japanese fonts */
		t->cp = '?';
		t->font = text_font_for(te, role, '?');
	}
	t->kind = t->font < 0 ? TC_SKIP : TC_GLYPH;
	t->adv = t->font < 0 ? 0 : text_advance(te, t->font, t->cp);
}

size_t text_decode(struct text_engine *te, enum font_role role,
		   const char *utf8, size_t len, const struct text_src *src,
		   struct diag_list *dg, struct tchar **out)
{
	struct tchar *c;
	size_t n = text_decode_plain(utf8, len, &c);
	size_t n_invalid = 0, first_invalid = 0;
	char what[160], q[16], fonts[200];
	for (size_t i = 0; i < n; i++) {
		struct tchar *t = &c[i];
		if (t->kind == TC_NEWLINE)
			continue;
		if (t->flags & TC_INVALID) {
			if (!n_invalid++)
				first_invalid = i;
			substitute(te, role, t);
			continue;
		}
		if (t->kind == TC_SKIP) {
			if (dg && first_time(te, role, KEY_CONTROL, t->orig)) {
				code_only(t->orig, what, sizeof what);
				diag_add(dg, DIAG_WARNING, SRC_FILE(src),
					 SRC_LINE(src), 0,
					 "control character %s in text: "
					 "left out",
					 what);
			}
			continue;
		}
		if (u_hasBinaryProperty((UChar32)t->cp,
					UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
			/* invisible anyway (ZWSP, ZWJ, BOM, soft hyphen), so
			 * never drawn, even from a font that has a glyph;
			 * a variation selector asks for a glyph we cannot
			 * give, so that one is said */
			t->kind = TC_SKIP;
			if (dg && is_variation_selector(t->cp) &&
			    first_time(te, role, KEY_VS, t->cp)) {
				describe(t->cp, what, sizeof what);
				diag_add(dg, DIAG_WARNING, SRC_FILE(src),
					 SRC_LINE(src), 0,
					 "variation selector (%s) ignored: the "
					 "fonts have no variant glyphs, the "
					 "character before it is drawn in its "
					 "usual form",
					 what);
			}
			continue;
		}
		t->font = text_font_for(te, role, t->cp);
		if (t->font >= 0) {
			t->adv = text_advance(te, t->font, t->cp);
			if (t->cp > 0xFFFF) {
				/* the PDF writer takes BMP text only (render.h) */
				t->kind = TC_OUTLINE;
				if (dg && first_time(te, role, KEY_OUTLINE, t->cp)) {
					describe(t->cp, what, sizeof what);
					quoted(t->cp, q);
					diag_add(dg, DIAG_WARNING, SRC_FILE(src),
						 SRC_LINE(src), 0,
						 "character %s(%s) is outside "
						 "the BMP, which the PDF writer "
						 "cannot write as text: drawn "
						 "as an outline from %s (visible, "
						 "but not searchable or copyable)",
						 q, what,
						 fontset_family(te->fs, t->font));
				}
			}
			continue;
		}
		if (dg && text_font_for(te, role, GETA) < 0) {
			/* No font of the chain has Japanese glyphs (only
			 * DejaVu installed): every such character would print
			 * as '?'.  An error, once per role: nothing is
			 * written (issue 14). */
			if (first_time(te, role, KEY_NO_JAPANESE, 0)) {
				describe(t->cp, what, sizeof what);
				quoted(t->cp, q);
				chain_names(te, role, fonts, sizeof fonts);
				diag_add(dg, DIAG_ERROR, SRC_FILE(src), SRC_LINE(src), 0,
					 "character %s(%s) is in none of the %s "
					 "fonts (%s), and none of them has "
					 "Japanese glyphs: the text would print "
					 "as '?'; install the Debian package "
					 "fonts-ipaexfont",
					 q, what, role_name[role], fonts);
			}
		} else if (dg && first_time(te, role, KEY_MISSING, t->cp)) {
			describe(t->cp, what, sizeof what);
			quoted(t->cp, q);
			chain_names(te, role, fonts, sizeof fonts);
			diag_add(dg, DIAG_WARNING, SRC_FILE(src), SRC_LINE(src), 0,
				 "character %s(%s) is in none of the %s fonts "
				 "(%s): drawn as 〓 (U+3013 GETA MARK)",
				 q, what, role_name[role], fonts);
		}
		substitute(te, role, t);
	}
	if (n_invalid && dg && first_bad_utf8(te, src)) {
		const unsigned char *b = (const unsigned char *)utf8;
		diag_add(dg, DIAG_WARNING, SRC_FILE(src), SRC_LINE(src), 0,
			 "invalid UTF-8 in text (byte 0x%02X at byte %zu%s): "
			 "drawn as 〓 (U+3013 GETA MARK)",
			 b[c[first_invalid].off], c[first_invalid].off,
			 n_invalid > 1 ? ", and more" : "");
	}
	text_kern(te, c, n);
	*out = c;
	return n;
}

float text_width(struct text_engine *te, enum font_role role, float size,
		 const char *utf8, size_t len, const struct text_src *src,
		 struct diag_list *dg)
{
	struct tchar *c;
	size_t n = text_decode(te, role, utf8, len, src, dg, &c);
	long long sum = 0;
	for (size_t i = 0; i < n; i++)
		if (c[i].kind == TC_GLYPH || c[i].kind == TC_OUTLINE)
			sum += c[i].adv; /* set solid, as text_layout_new
					    sets it by default */
	free(c);
	return (float)((double)sum * size / 1000.0);
}
