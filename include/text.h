/* text.h - the Japanese text engine: coverage and fallback, measuring,
 * line breaking and text boxes.
 *
 * Everything shiryo prints goes through here.  The engine opens every font
 * of a font set once (FreeType) and an ICU line break iterator once, and
 * caches, per font and code point, the glyph id and the advance.
 *
 *   struct text_engine *te = text_engine_new(fs, &diags);
 *   struct text_style st = {.role = FONT_MINCHO, .size = 10.5f,
 *                           .align = TEXT_JUSTIFY};
 *   struct text_src src = {"plan.xml", 120};
 *   struct text_layout *tl = text_layout_new(te, s, strlen(s), &st,
 *                                            400, &src, &diags);
 *   ... tl->height, tl->n_lines, tl->lines[i] (measure first) ...
 *   text_layout_draw(tl, doc, page, x, y, cell_h, TEXT_MUST_FIT);
 *   text_layout_free(tl);
 *   text_engine_free(te);
 *
 * Units.  Advances are the numbers the PDF's /W array holds: the glyph's
 * hmtx advance in thousandths of an em by font_advance_em1000() (font.h),
 * the one rule for both.  Lengths in the API are
 * points; a width in points is thousandths * size / 1000.
 *
 * Lines (paragraph.c, linebreak.c): chosen over the whole paragraph at once,
 * preferring ICU's phrase boundaries (lw=phrase) and never adding a line
 * (text_style.breaker); ICU's Japanese strict line rules tailored
 * for JLREQ (行頭禁則, 行末禁則; numbers with their units, era years such
 * as R元 and H28, and Latin words never split; a katakana word, or a kanji
 * compound that would leave one character alone at a line's edge (・未|確
 * 定, 累|計）), split only when keeping it whole costs much); a line too
 * long by no more than its punctuation's blank halves takes the text in
 * and sets 、。「」（） closer (追い込み), otherwise the last piece moves
 * down (追い出し); a paragraph does not end in a line of one character
 * when the line above can give it one (min_last_chars); consecutive
 * punctuation is always set closer (」「 → half an em).  Justification
 * widens spaces, then every gap except inside Latin words and numbers, by
 * at most max_char_space so that pdftotext and mutool give the text back
 * exactly.
 *
 * What the display list gets.  DL_TEXT items hold valid UTF-8 of BMP code
 * points only (the PDF writer's rule, render.h), every one of which has a
 * glyph in the item's font (a font index of the font set); char_space is
 * set on justified lines, and items of one line are positioned one by one
 * where punctuation is set closer or the font changes.  A character outside the BMP that a font has is a
 * filled DL_PATH (the glyph outline, nonzero rule); a character no font has
 * is drawn as 〓 (U+3013 GETA MARK) - never a .notdef box - and both are
 * reported as warnings.
 *
 * Warnings name the character, its code point and the caller's source
 * position (struct text_src), once per character per engine.  Engines are
 * not thread safe: one per thread.
 */
#ifndef SHIRYO_TEXT_H
#define SHIRYO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dlist.h"
#include "font.h"

struct diag_list;
struct text_engine;

/* The installed fonts of a role's chain, best first, as font indices; the
 * array belongs to fs.  Returns the count (0 for an unknown role). */
size_t fontset_chain(const struct fontset *fs, enum font_role role,
		     const int **fonts);

/* ---- the engine ------------------------------------------------------- */

/* Opens every font of fs and the ICU line breaker.  fs must outlive the
 * engine.  Reports a font FreeType cannot open, or ICU failing, into dg and
 * returns NULL. */
struct text_engine *text_engine_new(const struct fontset *fs,
				    struct diag_list *dg);
void text_engine_free(struct text_engine *te);
const struct fontset *text_engine_fontset(const struct text_engine *te);

/* Where a text came from, for warnings ("file:line: warning: ...").  file
 * may be NULL, line 0 when unknown.  Strings are copied when used. */
struct text_src {
	const char *file;
	int line;
};

/* The font that draws cp in role: the first font of the role's chain with
 * a glyph for it, or -1 when none has one. */
int text_font_for(struct text_engine *te, enum font_role role, uint32_t cp);
/* Advance of cp in font, in thousandths of an em (the PDF /W number), or
 * -1 when the font has no glyph for it. */
int text_advance(struct text_engine *te, int font, uint32_t cp);
/* Glyph id of cp in font, 0 when missing. */
unsigned text_glyph(struct text_engine *te, int font, uint32_t cp);

/* Width in points of utf8 set solid on one line at size, each character in
 * the font that will draw it (fallback and 〓 included).  Reports as the layout
 * does (src and dg may be NULL). */
float text_width(struct text_engine *te, enum font_role role, float size,
		 const char *utf8, size_t len, const struct text_src *src,
		 struct diag_list *dg);

/* ---- text boxes ------------------------------------------------------- */

enum text_align { TEXT_LEFT, TEXT_CENTER, TEXT_RIGHT, TEXT_JUSTIFY };
/* How a text box chooses its breaks. */
enum text_breaker {
	TEXT_BREAK_PARAGRAPH, /* over the whole paragraph at once: phrase
				 boundaries preferred, the fewest lines */
	TEXT_BREAK_GREEDY,    /* line by line, each as full as it can be
				 (the engine before issue 21; specimens) */
};
enum text_valign { TEXT_TOP, TEXT_MIDDLE, TEXT_BOTTOM };

/* A zeroed style is mincho, black, left, top, 1.5 line height, no indent;
 * a size of 0 is 10.5 pt. */
struct text_style {
	enum font_role role;
	float size;          /* points */
	float line_height;   /* line pitch as a multiple of size; 0: 1.5 */
	enum text_align align;   /* TEXT_JUSTIFY: last line and lines ending
				    in a newline are set left; spaces in a
				    line widen first, then every gap */
	enum text_valign valign; /* in the box height given to _draw */
	/* Set consecutive punctuation closer (」「 、「 ）」, JLREQ 3.1.4) and
	 * push lines in by taking the blank halves of 、。「」.  Off by
	 * default: poppler's pdftotext (22.02, Debian 12) reads a character
	 * that starts inside the previous glyph's advance as the start of a
	 * new line, whatever the char spacing says, so every closer pair
	 * breaks the extracted text ("本プランは、\n「本編…").  Handouts must
	 * extract exactly; they are set solid (ベタ組), as Japanese word
	 * processors set them by default. */
	bool close_punct;
	float max_char_space;    /* justification: most space added between
				    two characters, in em; 0: 0.09 em,
				    because from 0.1 em pdftotext (0.15
				    mutool) reads the gaps as word spaces;
				    < 0: no limit */
	float first_indent;  /* points, the first line of each paragraph (the
				text's first line and every line after a
				newline), e.g. size for 1 字下げ */
	float indent;        /* points, every other line (hanging lists) */
	int min_last_chars;  /* the last line of a paragraph of two or more
				lines holds at least this many characters,
				punctuation not counted, where characters can
				move down to it (legally, and keeping a
				justified line above flush): no 「す。」 alone;
				0: 2; 1 or < 0: off */
	enum text_breaker breaker;
	/* TEXT_BREAK_PARAGRAPH: a break inside a word or a phrase (粗付加価|
	 * 値額, 開催|回数, プロ|ジェクト) costs more than one more line, so a
	 * narrow box (a table cell) takes a line rather than split a word;
	 * a word wider than the box is still broken.  Off: a paragraph keeps
	 * the fewest lines, its height as line by line. */
	bool whole_words;
	struct dl_color color;
};

/* One piece of a line drawn in one font: a DL_TEXT item, or (outline) a
 * single character outside the BMP drawn as a DL_PATH.  A line is cut into
 * runs where the font changes, where consecutive punctuation is set closer
 * (after), and where justification space starts or stops going between
 * characters (it never goes inside Latin words and numbers). */
struct text_run {
	int font;            /* font set index */
	bool outline;
	bool spread;         /* justification space goes after each char */
	bool gap_after;      /* justification space follows the last char */
	const char *utf8;    /* owned by the layout; valid, BMP-only unless
				outline; substitutes (〓) already applied */
	size_t len;          /* bytes */
	size_t n_chars;
	float width;         /* points: the advances, nothing else */
	float after;         /* points moved after the last char: negative
				where 「」、。（） are set closer (JLREQ 3.1.4,
				and push-in), positive where justification
				widens a space */
};

struct text_line {
	size_t start, end;   /* bytes of the input this line covers, trailing
				spaces and newline included */
	size_t first_run, n_runs; /* into text_layout.runs */
	size_t n_chars;      /* characters drawn */
	size_t n_gaps;       /* gaps that take justification space */
	float width;         /* points, trailing spaces excluded, spaces
				widened by justification included, char
				spacing not */
	float x;             /* offset of the first run from the box's left
				edge: indent plus alignment */
	float char_space;    /* justification: points added at each gap
				(DL_TEXT char_space of the spread runs) */
	bool hard_end;       /* ended by a newline in the text */
	bool forced;         /* no legal break fitted: broken at the last
				character that fits (kinsoku kept if it could) */
	bool overflow;       /* one character alone is wider than the box */
	bool loose;          /* justified, but max_char_space left some of
				the width unfilled at the end */
	/* (a pushed-in line may end in a 、 or 」 whose blank half reaches
	   past the box; its ink never does) */
};

/* A paragraph broken into lines, measured but not drawn: tables lay out
 * every cell, size the rows, then draw.  Read-only for callers. */
struct text_layout {
	struct text_style style;
	float width;          /* box width given; <= 0: unlimited */
	float pitch;          /* line pitch: size * line_height */
	float ascent;         /* baseline below the top of a line's em box */
	size_t n_lines;
	struct text_line *lines;
	size_t n_runs;
	struct text_run *runs;
	float height;         /* needed height: n_lines * pitch */
	float widest_line;    /* widest line of this layout, indent included */
	/* for sizing table columns: */
	float min_width;      /* widest unbreakable piece plus the larger
				 indent: the narrowest box without forced
				 breaks */
	float natural_width;  /* widest text between newlines, unbroken,
				 plus the first indent */
	bool forced;          /* some line was force-broken */
};

/* Breaks utf8 (len bytes; need not be NUL-terminated) into lines of at most
 * width points (<= 0: break only at newlines) with style.  Reports
 * characters no font has, characters drawn as outlines, invalid UTF-8 and
 * control characters into dg (NULL: not reported) against src.  te must
 * outlive the layout.  Never fails. */
struct text_layout *text_layout_new(struct text_engine *te, const char *utf8,
				    size_t len, const struct text_style *style,
				    float width, const struct text_src *src,
				    struct diag_list *dg);
void text_layout_free(struct text_layout *tl);

/* Offset of line i's baseline below the top of the text (line boxes are
 * pitch tall with the em box centred in them). */
float text_layout_baseline(const struct text_layout *tl, size_t i);
/* How many whole lines fit in h points (for splitting across pages). */
size_t text_layout_lines_fitting(const struct text_layout *tl, float h);

enum text_fit {
	TEXT_GROW,     /* a text taller than the box is drawn whole from the
			  box's top: the box grows to tl->height */
	TEXT_MUST_FIT, /* a text taller than the box is not drawn */
};

/* Draws the layout into page p of d in a box whose top-left corner is
 * (x, y) (top-left page coordinates, y down), tl->width wide (for an
 * unlimited width: tl->widest_line) and box_h tall (<= 0: tl->height),
 * aligned vertically by style.valign.  Returns the height used (>= box_h
 * when the box had to grow), or -1 when fit is TEXT_MUST_FIT and the text
 * is taller than box_h - then nothing is drawn. */
float text_layout_draw(const struct text_layout *tl, struct dl_doc *d,
		       struct dl_page *p, float x, float y, float box_h,
		       enum text_fit fit);
/* Draws lines [first, first + count) as a block whose top is at y (the
 * part of a paragraph that fits on a page); returns its height. */
float text_layout_draw_lines(const struct text_layout *tl, size_t first,
			     size_t count, struct dl_doc *d, struct dl_page *p,
			     float x, float y);

/* ---- line breaking alone ---------------------------------------------- */

/* The break opportunities of utf8 as the engine sees them (ICU "ja" strict
 * line rules tailored for JLREQ): calls fn with the byte offset of each
 * position a line may start at (after 0), in order; hard is true after a
 * newline.  Invalid UTF-8 counts as one character per maximal invalid
 * sequence.  For tests and tools. */
void text_breaks(struct text_engine *te, const char *utf8, size_t len,
		 void (*fn)(size_t offset, bool hard, void *ctx), void *ctx);

#endif
