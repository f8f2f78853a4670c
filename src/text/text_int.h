/* text_int.h - what the files of src/text share; not part of the API. */
#ifndef SHIRYO_TEXT_INT_H
#define SHIRYO_TEXT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <unicode/ubrk.h>

#include "text.h"

#define GETA 0x3013u          /* 〓 GETA MARK: the Japanese "missing" mark */
#define CACHE_PAGES 0x1100u   /* 256-code-point pages up to U+10FFFF */

/* How a character is drawn. */
enum tc_kind {
	TC_GLYPH,   /* in a DL_TEXT run of its font */
	TC_OUTLINE, /* outside the BMP: a DL_PATH of the glyph outline */
	TC_SKIP,    /* not drawn: an ignorable or a dropped control */
	TC_NEWLINE, /* a hard line break; not drawn */
};

enum {
	TC_SPACE = 1,   /* a space trimmed at the end of a line */
	TC_INVALID = 2, /* stands for invalid UTF-8 */
	TC_MARK = 4,    /* combining: never break before it */
};

/* One character of a text, as decoded and assigned to a font. */
struct tchar {
	uint32_t cp;      /* as drawn (〓 for what no font has) */
	uint32_t orig;    /* as read (GETA for invalid bytes) */
	size_t off;       /* bytes into the input */
	uint32_t len;     /* bytes of input */
	int font;         /* font index, -1 for TC_SKIP / TC_NEWLINE */
	int adv;          /* thousandths of an em (0 when not drawn) */
	int kern;         /* thousandths of an em added before the next char
			     when both are on one line (<= 0; spacing.c) */
	uint8_t kind;     /* enum tc_kind */
	uint8_t flags;
};

struct font_slot {
	FT_Face face;
	int upem;
	/* gid << 16 | advance (thousandths); 0: no glyph; ~0: not looked up */
	uint32_t *pages[CACHE_PAGES];
	int8_t punct_shape[64]; /* spacing.c: 0 unknown, 1 yes, -1 no */
};

struct text_engine {
	const struct fontset *fs;
	FT_Library lib;
	struct font_slot *fonts;
	size_t n_fonts;
	UBreakIterator *brk;
	UBreakIterator *phrase; /* "ja@lb=strict;lw=phrase"; NULL: none */
	/* the break opportunities of the texts laid out last (linebreak.c):
	 * a table cell or a heading is laid out at several widths */
	struct brk_memo *memo;
	size_t memo_next;
	float ascent[FONT_ROLE_COUNT]; /* em-box ascent of the role's font */
	/* what has been reported, so each thing is reported once */
	uint32_t *reported;
	size_t n_reported, alloc_reported;
	char **bad_utf8;             /* "file\nline" keys */
	size_t n_bad_utf8, alloc_bad_utf8;
	/* scratch for the break iterator */
	uint16_t *u16;
	size_t *u16_char;
	size_t alloc_u16;
};

/* engine.c */
/* Decodes utf8 into chars (malloc'd, *out), assigning fonts for role and
 * reporting problems; returns the count. */
size_t text_decode(struct text_engine *te, enum font_role role,
		   const char *utf8, size_t len, const struct text_src *src,
		   struct diag_list *dg, struct tchar **out);
/* Decodes without fonts (text_breaks): cp, orig, off, len, flags, kind. */
size_t text_decode_plain(const char *utf8, size_t len, struct tchar **out);
uint32_t text_cache_get(struct text_engine *te, int font, uint32_t cp);
/* Writes cp as UTF-8 (1 to 4 bytes) at p; returns the count. */
size_t text_put_utf8(char *p, uint32_t cp);

/* linebreak.c */
enum {
	BRK_NO = 0,
	BRK_ALLOW = 1,
	BRK_HARD = 2,
	/* legal, but the layout takes an earlier break when that costs
	 * little (paragraph.c, better_break()): */
	BRK_IN_KANA = 3, /* inside a katakana word: プロ|ジェクト */
	BRK_ORPHAN = 4,  /* tears one character from a kanji compound:
			    累|計） at a line start, ・未|確定 at an end */
	/* phrases (ICU "lw=phrase"): a break at a phrase boundary stays
	 * BRK_ALLOW, unless it splits a compound there: */
	BRK_WORD = 5,      /* between two words of one compound, kanji or
			      katakana on both sides: 参加者|数, 支援|プロ */
	BRK_IN_PHRASE = 6, /* legal, but inside a phrase: 生|産性, 開発に|
			      よる; also a grade letter and its count: D|0件 */
};
/* brk[i] for 0 < i < n: may a line start at char i (any value but
 * BRK_NO), and how well.  brk has n + 1 entries; brk[0] and brk[n] are
 * set to BRK_NO and BRK_HARD. */
void text_break_opportunities(struct text_engine *te, const struct tchar *c,
			      size_t n, uint8_t *brk);
void text_break_memo_free(struct text_engine *te);
bool text_no_line_start(uint32_t cp); /* 行頭禁則 */
bool text_no_line_end(uint32_t cp);   /* 行末禁則 */

/* spacing.c */
/* Sets c[i].kern for consecutive full-width punctuation (JLREQ 3.1.4). */
void text_kern(struct text_engine *te, struct tchar *c, size_t n);
/* Which half of a full-width punctuation glyph is blank: 1 the right
 * (、。」）), -1 the left (「（), 0 not such a glyph in its font. */
int text_punct_blank(struct text_engine *te, const struct tchar *t);
/* May justification space go between a and b?  Not inside Latin words or
 * numbers (both Western). */
bool text_gap_expandable(uint32_t a, uint32_t b);

/* outline.c */
/* Appends the outline of glyph gid of font as a filled DL_PATH with its
 * origin at (x, y) (baseline, top-left page coordinates). */
void text_outline_emit(struct text_engine *te, int font, unsigned gid,
		       float size, float x, float y, struct dl_color color,
		       struct dl_doc *d, struct dl_page *p);

#endif
