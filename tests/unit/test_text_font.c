/* test_text_font.c - the font set, glyph coverage and fallback, advances
 * against FreeType's own, and what happens to characters no font has,
 * characters outside the BMP and invalid UTF-8. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <unicode/utf8.h>

#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "text.h"

static struct fontset *fs;
static struct text_engine *te;
static struct diag_list dg;

static void start(void)
{
	diag_list_init(&dg);
	fs = fontset_load(NULL, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fs);
	te = text_engine_new(fs, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(te);
	CU_ASSERT_EQUAL(dg.count, 0);
}

static void stop(void)
{
	text_engine_free(te);
	fontset_free(fs);
	diag_list_release(&dg);
	te = NULL;
	fs = NULL;
}

static int font_named(const char *family)
{
	for (size_t i = 0; i < fontset_count(fs); i++)
		if (strcmp(fontset_family(fs, (int)i), family) == 0)
			return (int)i;
	return -2;
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Writes conf to a temporary file; returns its path (static). */
static const char *conf_file(const char *conf)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/shiryo-test-fontset-%d.conf", (int)getpid());
	FILE *f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(conf, f);
	fclose(f);
	return path;
}

#define EXPECT_STR(got, want)                                                  \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (strcmp(g_, w_) != 0)                                       \
			fprintf(stderr, "\n  got:  %s\n  want: %s\n", g_, w_); \
		CU_ASSERT_STRING_EQUAL(g_, w_);                                \
	} while (0)

/* ---- the font set ------------------------------------------------------------ */

static void embedded_fontset_resolves_to_the_debian_files(void)
{
	start();
	CU_ASSERT_EQUAL(fontset_count(fs), 5);
	/* the documented indices: role fonts first, then fallbacks */
	EXPECT_STR(fontset_family(fs, 0), "IPAexMincho");
	EXPECT_STR(fontset_family(fs, 1), "IPAexGothic");
	EXPECT_STR(fontset_family(fs, 2), "IPAMincho");
	EXPECT_STR(fontset_family(fs, 3), "DejaVu Sans");
	EXPECT_STR(fontset_family(fs, 4), "IPAGothic");
	EXPECT_STR(base(fontset_file(fs, 0)), "ipaexm.ttf");
	EXPECT_STR(base(fontset_file(fs, 1)), "ipaexg.ttf");
	EXPECT_STR(base(fontset_file(fs, 2)), "ipam.ttf");
	EXPECT_STR(base(fontset_file(fs, 3)), "DejaVuSans.ttf");
	EXPECT_STR(base(fontset_file(fs, 4)), "ipag.ttf");
	CU_ASSERT_EQUAL(fontset_role(fs, FONT_MINCHO), 0);
	CU_ASSERT_EQUAL(fontset_role(fs, FONT_GOTHIC), 1);
	CU_ASSERT_PTR_NULL(fontset_file(fs, 5));
	CU_ASSERT_PTR_NULL(fontset_family(fs, -1));
	stop();
}

static void chains_are_in_conf_order(void)
{
	start();
	const int *c;
	CU_ASSERT_EQUAL(fontset_chain(fs, FONT_MINCHO, &c), 3);
	CU_ASSERT(c[0] == 0 && c[1] == 2 && c[2] == 3);
	CU_ASSERT_EQUAL(fontset_chain(fs, FONT_GOTHIC, &c), 3);
	CU_ASSERT(c[0] == 1 && c[1] == 4 && c[2] == 3);
	stop();
}

/* fc-match may answer with /usr/share/fonts/truetype/fonts-japanese-*.ttf,
 * Debian alternatives that can point at any font. */
static void alternatives_links_are_never_used(void)
{
	start();
	for (size_t i = 0; i < fontset_count(fs); i++)
		CU_ASSERT_PTR_NULL(strstr(fontset_file(fs, (int)i), "fonts-japanese"));
	stop();
}

static void a_role_without_any_font_is_an_error_naming_the_package(void)
{
	struct diag_list d = DIAG_LIST_INIT;
	const char *p = conf_file("font Nonesuch Mincho | nonesuch.ttf | fonts-nonesuch\n"
				  "font IPAexGothic | ipaexg.ttf | fonts-ipaexfont\n"
				  "mincho = Nonesuch Mincho\n"
				  "gothic = IPAexGothic\n");
	struct fontset *f = fontset_load(p, &d);
	CU_ASSERT_PTR_NULL(f);
	CU_ASSERT_EQUAL(d.errors, 1);
	CU_ASSERT_EQUAL_FATAL(d.count, 1);
	EXPECT_STR(d.items[0].message,
		   "font family 'Nonesuch Mincho' (role mincho) is not installed: "
		   "no nonesuch.ttf or other TrueType file of that family under "
		   "/usr/share/fonts/opentype or /usr/share/fonts/truetype; install "
		   "the Debian package fonts-nonesuch");
	EXPECT_STR(d.items[0].file, p);
	CU_ASSERT_EQUAL(d.items[0].line, 3);
	diag_list_release(&d);
	remove(p);
}

static void a_missing_fallback_is_a_warning(void)
{
	struct diag_list d = DIAG_LIST_INIT;
	const char *p = conf_file("# a comment\n\n"
				  "font IPAexMincho | ipaexm.ttf | fonts-ipaexfont\n"
				  "font Nonesuch | x.ttf | fonts-x   # trailing comment\n"
				  "mincho = IPAexMincho, Nonesuch\n"
				  "gothic = IPAexMincho\n");
	struct fontset *f = fontset_load(p, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(d.errors, 0);
	CU_ASSERT_EQUAL(d.warnings, 1);
	CU_ASSERT_EQUAL(fontset_count(f), 1);
	CU_ASSERT_EQUAL(fontset_role(f, FONT_GOTHIC), 0);
	fontset_free(f);
	diag_list_release(&d);
	remove(p);
}

static void a_broken_conf_is_reported_by_line(void)
{
	struct diag_list d = DIAG_LIST_INIT;
	const char *p = conf_file("font IPAexMincho | ipaexm.ttf\n"
				  "mincho = IPAexMincho\n"
				  "serif = IPAexMincho\n"
				  "what is this\n");
	CU_ASSERT_PTR_NULL(fontset_load(p, &d));
	CU_ASSERT_EQUAL_FATAL(d.count, 6);
	EXPECT_STR(d.items[0].message, "font line needs 'font FAMILY | FILE | PACKAGE'");
	CU_ASSERT_EQUAL(d.items[0].line, 1);
	EXPECT_STR(d.items[1].message,
		   "font family 'IPAexMincho' in role 'mincho' has no 'font' line "
		   "before it");
	EXPECT_STR(d.items[2].message,
		   "unknown role 'serif' (expected mincho or gothic)");
	EXPECT_STR(d.items[3].message,
		   "line is neither 'font ...' nor 'ROLE = FAMILY, ...'");
	CU_ASSERT_EQUAL(d.items[3].line, 4);
	EXPECT_STR(d.items[4].message, "no fonts given for role 'mincho'");
	EXPECT_STR(d.items[5].message, "no fonts given for role 'gothic'");
	diag_list_release(&d);
	CU_ASSERT_PTR_NULL(fontset_load("/nonexistent/fontset.conf", &d));
	CU_ASSERT_EQUAL(d.errors, 1);
	diag_list_release(&d);
	fontset_free(NULL);
	text_engine_free(NULL);
	text_layout_free(NULL);
	remove(p);
}

/* ---- coverage and fallback ------------------------------------------------- */

static void fallback_font_per_character(void)
{
	start();
	int exm = font_named("IPAexMincho"), exg = font_named("IPAexGothic");
	int dejavu = font_named("DejaVu Sans");
	static const struct {
		uint32_t cp;
		int mincho_is; /* 0: IPAex of the role, 1: DejaVu Sans, -1 none */
	} cases[] = {
		{0x3042, 0},  /* あ */
		{'A', 0},     /* Latin stays in the Japanese font */
		{0x3000, 0},  /* ideographic space */
		{' ', 0},
		{0x27A1, 1},  /* ➡ not in IPAex */
		{0x2610, 1},  /* ☐ */
		{0x278A, 1},  /* ➊ */
		{0x278C, 1},  /* ➌ */
		{0x2777, 0},  /* ❷ (but ➊ ➌ are not) */
		{0x9AD9, 0},  /* 髙 */
		{0xFA11, 0},  /* 﨑 */
		{0x3231, 0},  /* ㈱ */
		{0x2460, 0},  /* ① */
		{0x2473, 0},  /* ⑳ */
		{0x21D2, 0},  /* ⇒ */
		{0x203B, 0},  /* ※ */
		{0x3013, 0},  /* 〓 */
		{0x20B9F, 0}, /* 𠮟, outside the BMP, in IPAex */
		{0xFFFD, 1},  /* � */
		{0x20BB7, -1}, /* 𠮷 is in none */
		{0xF0FC, -1},  /* a Wingdings private-use code in the seeds */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int want_m = cases[i].mincho_is == 0 ? exm :
			     cases[i].mincho_is == 1 ? dejavu : -1;
		int want_g = cases[i].mincho_is == 0 ? exg :
			     cases[i].mincho_is == 1 ? dejavu : -1;
		int got_m = text_font_for(te, FONT_MINCHO, cases[i].cp);
		int got_g = text_font_for(te, FONT_GOTHIC, cases[i].cp);
		if (got_m != want_m || got_g != want_g)
			fprintf(stderr, "\n  U+%04X: mincho %d (want %d), gothic %d (want %d)\n",
				(unsigned)cases[i].cp, got_m, want_m, got_g, want_g);
		CU_ASSERT_EQUAL(got_m, want_m);
		CU_ASSERT_EQUAL(got_g, want_g);
	}
	stop();
}

/* 髙 﨑 ㈱ ① are their own glyphs, not 高 崎 (株) 1: no normalisation. */
static void variants_keep_their_own_glyphs(void)
{
	start();
	CU_ASSERT_NOT_EQUAL(text_glyph(te, 0, 0x9AD9), text_glyph(te, 0, 0x9AD8));
	CU_ASSERT_NOT_EQUAL(text_glyph(te, 0, 0xFA11), text_glyph(te, 0, 0x5D0E));
	struct text_style st = {.role = FONT_MINCHO, .size = 10};
	const char *s = "髙﨑㈱①";
	struct text_layout *tl = text_layout_new(te, s, strlen(s), &st, 0, NULL, &dg);
	CU_ASSERT_EQUAL_FATAL(tl->n_runs, 1);
	CU_ASSERT_EQUAL(tl->runs[0].font, 0);
	CU_ASSERT_EQUAL(tl->runs[0].len, strlen(s));
	CU_ASSERT_NSTRING_EQUAL(tl->runs[0].utf8, s, strlen(s));
	CU_ASSERT_EQUAL(dg.count, 0);
	text_layout_free(tl);
	stop();
}

static void runs_split_where_the_font_changes(void)
{
	start();
	struct text_style st = {.role = FONT_GOTHIC, .size = 10};
	const char *s = "65.1％ ➡ 67.9％☐確認";
	struct text_layout *tl = text_layout_new(te, s, strlen(s), &st, 0, NULL, &dg);
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 1);
	/* join runs as "font:text" */
	char got[256] = "";
	for (size_t r = 0; r < tl->n_runs; r++) {
		size_t n = strlen(got);
		snprintf(got + n, sizeof got - n, "%s%d:%.*s", r ? " " : "",
			 tl->runs[r].font, (int)tl->runs[r].len, tl->runs[r].utf8);
	}
	/* the spaces stay in IPAexGothic; the digits are cut from the
	 * Japanese because justification may not spread between them */
	EXPECT_STR(got, "1:65.1 1:％  3:➡ 1:  1:67.9 1:％ 3:☐ 1:確認");
	text_layout_free(tl);
	stop();
}

/* ---- advances ------------------------------------------------------------ */

/* The widths we break lines with are FreeType's hmtx advances scaled to
 * thousandths of an em and truncated - what libharu writes in /W. */
static void advances_match_freetype(void)
{
	start();
	FT_Library lib;
	CU_ASSERT_FATAL(FT_Init_FreeType(&lib) == 0);
	static const uint32_t cps[] = {0x3042, 'A', 'i', 'W', '1', ',', ' ',
				       0x3000, 0x9E7F, 0xFF08, 0x27A1, 0x2610,
				       0x278A, 0x20B9F, 0x30FC, 0x2460};
	for (size_t f = 0; f < fontset_count(fs); f++) {
		FT_Face face;
		CU_ASSERT_FATAL(FT_New_Face(lib, fontset_file(fs, (int)f), 0, &face) == 0);
		for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
			FT_UInt gid = FT_Get_Char_Index(face, cps[i]);
			int got = text_advance(te, (int)f, cps[i]);
			if (!gid) {
				CU_ASSERT_EQUAL(got, -1);
				continue;
			}
			/* from the loaded glyph, independently of FT_Get_Advance */
			CU_ASSERT_FATAL(FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE) == 0);
			long want = face->glyph->metrics.horiAdvance * 1000L /
				    face->units_per_EM;
			if (got != want)
				fprintf(stderr, "\n  %s U+%04X: %d, FreeType %ld\n",
					fontset_family(fs, (int)f), (unsigned)cps[i],
					got, want);
			CU_ASSERT_EQUAL(got, want);
			CU_ASSERT_EQUAL(text_glyph(te, (int)f, cps[i]), gid);
		}
		FT_Done_Face(face);
	}
	FT_Done_FreeType(lib);
	/* the familiar numbers */
	CU_ASSERT_EQUAL(text_advance(te, 0, 0x3042), 1000);
	CU_ASSERT_EQUAL(text_advance(te, 0, 0x3000), 1000);
	CU_ASSERT_EQUAL(text_advance(te, 0, ' '), 594 * 1000 / 2048);
	stop();
}

static void mixed_widths_are_the_sum_of_the_serving_fonts(void)
{
	start();
	const char *s = "鹿児島市 PDCA ➡ 65.1％";
	int sum = 0;
	int32_t o = 0, n = (int32_t)strlen(s);
	while (o < n) {
		UChar32 c;
		U8_NEXT(s, o, n, c);
		int f = text_font_for(te, FONT_MINCHO, (uint32_t)c);
		sum += text_advance(te, f, (uint32_t)c);
	}
	float sizes[] = {7, 10.5f, 16, 48};
	for (int k = 0; k < 4; k++) {
		float w = text_width(te, FONT_MINCHO, sizes[k], s, strlen(s), NULL, &dg);
		CU_ASSERT_DOUBLE_EQUAL(w, sum * sizes[k] / 1000.0, 1e-3);
	}
	/* ➡ in DejaVu is narrower than an em */
	CU_ASSERT(text_advance(te, 3, 0x27A1) < 1000);
	stop();
}

/* ---- what no font has -------------------------------------------------------- */

static void a_character_no_font_has_becomes_geta_with_one_warning(void)
{
	start();
	struct text_style st = {.role = FONT_MINCHO, .size = 10};
	struct text_src src = {"plan.xml", 42};
	const char *s = "𠮷野家の𠮷";
	for (int twice = 0; twice < 2; twice++) {
		struct text_layout *tl =
			text_layout_new(te, s, strlen(s), &st, 0, &src, &dg);
		CU_ASSERT_EQUAL_FATAL(tl->n_runs, 1);
		CU_ASSERT_EQUAL(tl->runs[0].font, 0);
		CU_ASSERT_NSTRING_EQUAL(tl->runs[0].utf8, "〓野家の〓",
					strlen("〓野家の〓"));
		CU_ASSERT_EQUAL(tl->runs[0].len, strlen("〓野家の〓"));
		text_layout_free(tl);
	}
	CU_ASSERT_EQUAL_FATAL(dg.count, 1);
	CU_ASSERT_EQUAL(dg.items[0].severity, DIAG_WARNING);
	EXPECT_STR(dg.items[0].file, "plan.xml");
	CU_ASSERT_EQUAL(dg.items[0].line, 42);
	EXPECT_STR(dg.items[0].message,
		   "character '𠮷' (U+20BB7 CJK UNIFIED IDEOGRAPH-20BB7) is in "
		   "none of the mincho fonts (IPAexMincho, IPAMincho, DejaVu Sans): "
		   "drawn as 〓 (U+3013 GETA MARK)");
	stop();
}

static void a_private_use_character_is_named_by_code_point(void)
{
	start();
	struct text_src src = {"seed.txt", 124};
	text_width(te, FONT_GOTHIC, 10, "\xef\x83\xbc産学連携", 15, &src, &dg);
	CU_ASSERT_EQUAL_FATAL(dg.count, 1);
	EXPECT_STR(dg.items[0].message,
		   "character (U+F0FC, a private-use character) is in none of the "
		   "gothic fonts (IPAexGothic, IPAGothic, DejaVu Sans): drawn as 〓 "
		   "(U+3013 GETA MARK)");
	/* drawn as wide as the 〓 it became */
	CU_ASSERT_DOUBLE_EQUAL(
		text_width(te, FONT_GOTHIC, 10, "\xef\x83\xbc", 3, &src, &dg),
		text_width(te, FONT_GOTHIC, 10, "〓", 3, &src, &dg), 1e-6);
	stop();
}

/* Every DL_TEXT item: valid UTF-8, BMP only, every char in the item's
 * font - what the PDF writer is promised. */
static void check_items(const struct dl_page *p)
{
	for (size_t i = 0; i < p->n_items; i++) {
		const struct dl_item *it = &p->items[i];
		if (it->kind != DL_TEXT)
			continue;
		CU_ASSERT_EQUAL(strlen(it->u.text.utf8), it->u.text.len);
		int32_t o = 0, n = (int32_t)it->u.text.len;
		while (o < n) {
			UChar32 c;
			U8_NEXT(it->u.text.utf8, o, n, c);
			CU_ASSERT(c >= 0 && c <= 0xFFFF);
			if (c >= 0)
				CU_ASSERT(text_glyph(te, it->u.text.font, (uint32_t)c) != 0);
		}
	}
}

static void invalid_utf8_becomes_geta_and_is_reported(void)
{
	start();
	struct text_style st = {.role = FONT_MINCHO, .size = 10};
	struct text_src src = {"actuals.csv", 3};
	static const struct {
		const char *in;
		const char *drawn;
	} cases[] = {
		{"a\x80z", "a〓z"},                 /* lone continuation byte */
		{"a\xc0\xafz", "a〓〓z"},           /* overlong: two bad bytes */
		{"a\xed\xa0\x80z", "a〓〓〓z"},     /* a surrogate */
		{"a\xe3\x81", "a〓"},               /* truncated at the end */
		{"a\xe3\x81z", "a〓z"},             /* truncated before z */
		{"a\xf5\x80z", "a〓〓z"},           /* past U+10FFFF */
		{"a\xf0\x9f\x98z", "a〓z"},         /* truncated 4-byte */
	};
	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595, 842);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct text_layout *tl = text_layout_new(
			te, cases[i].in, strlen(cases[i].in), &st, 0, &src, &dg);
		char got[64] = "";
		for (size_t r = 0; r < tl->n_runs; r++)
			strncat(got, tl->runs[r].utf8, tl->runs[r].len);
		EXPECT_STR(got, cases[i].drawn);
		text_layout_draw(tl, d, p, 0, 0, 0, TEXT_GROW);
		text_layout_free(tl);
	}
	check_items(p);
	/* once per source position */
	CU_ASSERT_EQUAL_FATAL(dg.count, 1);
	EXPECT_STR(dg.items[0].message,
		   "invalid UTF-8 in text (byte 0x80 at byte 1): drawn as 〓 "
		   "(U+3013 GETA MARK)");
	dl_doc_free(d);
	stop();
}

static void invisible_and_control_characters(void)
{
	start();
	struct text_style st = {.role = FONT_MINCHO, .size = 10};
	/* ZWSP is dropped silently; a variation selector and a BEL are
	 * dropped with a word; a tab is a space */
	const char *s = "あ\u200bい葛\U000E0100う\a\tえ";
	struct text_layout *tl = text_layout_new(te, s, strlen(s), &st, 0, NULL, &dg);
	CU_ASSERT_EQUAL_FATAL(tl->n_runs, 1);
	CU_ASSERT_NSTRING_EQUAL(tl->runs[0].utf8, "あい葛う え", strlen("あい葛う え"));
	CU_ASSERT_EQUAL_FATAL(dg.count, 2);
	EXPECT_STR(dg.items[0].message,
		   "variation selector (U+E0100 VARIATION SELECTOR-17) ignored: the "
		   "fonts have no variant glyphs, the character before it is drawn "
		   "in its usual form");
	EXPECT_STR(dg.items[1].message, "control character U+0007 in text: left out");
	text_layout_free(tl);
	stop();
}

/* ---- outside the BMP ----------------------------------------------------------- */

static void a_char_outside_the_bmp_is_drawn_as_its_outline(void)
{
	start();
	struct text_style st = {.role = FONT_MINCHO, .size = 20};
	struct text_src src = {"plan.xml", 7};
	const char *s = "𠮟る";
	struct text_layout *tl = text_layout_new(te, s, strlen(s), &st, 0, &src, &dg);
	CU_ASSERT_EQUAL_FATAL(tl->n_runs, 2);
	CU_ASSERT(tl->runs[0].outline);
	CU_ASSERT_EQUAL(tl->runs[0].font, 0);
	CU_ASSERT(!tl->runs[1].outline);
	CU_ASSERT_EQUAL_FATAL(dg.count, 1);
	EXPECT_STR(dg.items[0].message,
		   "character '𠮟' (U+20B9F CJK UNIFIED IDEOGRAPH-20B9F) is outside "
		   "the BMP, which the PDF writer cannot write as text: drawn as an "
		   "outline from IPAexMincho (visible, but not searchable or "
		   "copyable)");

	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595, 842);
	text_layout_draw(tl, d, p, 100, 200, 0, TEXT_GROW);
	CU_ASSERT_EQUAL_FATAL(p->n_items, 2);
	const struct dl_item *path = &p->items[0], *text = &p->items[1];
	CU_ASSERT_EQUAL_FATAL(path->kind, DL_PATH);
	CU_ASSERT(path->u.path.fill);
	CU_ASSERT(!path->u.path.stroke);
	CU_ASSERT(!path->u.path.even_odd); /* TrueType: nonzero winding */
	CU_ASSERT(path->u.path.n_segs > 10);
	CU_ASSERT_EQUAL(path->u.path.segs[0].op, DL_MOVE);
	CU_ASSERT_EQUAL(path->u.path.segs[path->u.path.n_segs - 1].op, DL_CLOSE);
	/* inside the em box: x in [100, 120], y around the baseline */
	float base = 200 + text_layout_baseline(tl, 0);
	size_t curves = 0;
	for (size_t i = 0; i < path->u.path.n_segs; i++) {
		const struct dl_path_seg *sg = &path->u.path.segs[i];
		int np = sg->op == DL_CURVETO ? 3 : sg->op == DL_CLOSE ? 0 : 1;
		curves += sg->op == DL_CURVETO;
		for (int k = 0; k < np; k++) {
			CU_ASSERT(sg->x[k] >= 100 && sg->x[k] <= 120);
			CU_ASSERT(sg->y[k] >= base - 20 && sg->y[k] <= base + 4);
		}
	}
	CU_ASSERT(curves > 0); /* conic segments became cubic ones */
	CU_ASSERT_EQUAL_FATAL(text->kind, DL_TEXT);
	EXPECT_STR(text->u.text.utf8, "る");
	CU_ASSERT_DOUBLE_EQUAL(text->u.text.x,
			       100 + text_advance(te, 0, 0x20B9F) * 20 / 1000.0, 1e-3);
	CU_ASSERT_DOUBLE_EQUAL(text->u.text.y, base, 1e-3);
	check_items(p);
	dl_doc_free(d);
	text_layout_free(tl);
	stop();
}

/* Anything at all: the display list only ever gets what libharu can write. */
static void hostile_text_gives_only_drawable_items(void)
{
	start();
	struct dl_doc *d = dl_doc_new();
	struct dl_page *p = dl_page_add(d, 595, 842);
	unsigned seed = 12345;
	struct diag_list quiet = DIAG_LIST_INIT;
	for (int round = 0; round < 200; round++) {
		char s[64];
		for (size_t i = 0; i < sizeof s; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = (char)(seed >> 16);
		}
		struct text_style st = {.role = round % 2 ? FONT_GOTHIC : FONT_MINCHO,
					.size = 9, .align = TEXT_JUSTIFY};
		struct text_layout *tl =
			text_layout_new(te, s, sizeof s, &st, 60, NULL, &quiet);
		text_layout_draw(tl, d, p, 0, 0, 0, TEXT_GROW);
		text_layout_free(tl);
	}
	CU_ASSERT(p->n_items > 200);
	check_items(p);
	diag_list_release(&quiet);
	dl_doc_free(d);
	stop();
}

static const struct cu_case cases[] = {
	{"embedded font set resolves to the Debian files",
	 embedded_fontset_resolves_to_the_debian_files},
	{"chains are in conf order", chains_are_in_conf_order},
	{"alternatives links are never used", alternatives_links_are_never_used},
	{"a role without any font is an error naming the package",
	 a_role_without_any_font_is_an_error_naming_the_package},
	{"a missing fallback is a warning", a_missing_fallback_is_a_warning},
	{"a broken conf is reported by line", a_broken_conf_is_reported_by_line},
	{"fallback font per character", fallback_font_per_character},
	{"variants keep their own glyphs", variants_keep_their_own_glyphs},
	{"runs split where the font changes", runs_split_where_the_font_changes},
	{"advances match FreeType", advances_match_freetype},
	{"mixed widths are the sum of the serving fonts",
	 mixed_widths_are_the_sum_of_the_serving_fonts},
	{"a character no font has becomes 〓 with one warning",
	 a_character_no_font_has_becomes_geta_with_one_warning},
	{"a private-use character is named by code point",
	 a_private_use_character_is_named_by_code_point},
	{"invalid UTF-8 becomes 〓 and is reported",
	 invalid_utf8_becomes_geta_and_is_reported},
	{"invisible and control characters", invisible_and_control_characters},
	{"a char outside the BMP is drawn as its outline",
	 a_char_outside_the_bmp_is_drawn_as_its_outline},
	{"hostile text gives only drawable items", hostile_text_gives_only_drawable_items},
	{NULL, NULL},
};

CU_MAIN("text: fonts and coverage", cases)
