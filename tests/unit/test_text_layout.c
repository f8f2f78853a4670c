/* test_text_layout.c - text boxes: alignment, Japanese justification,
 * consecutive punctuation, indents, line pitch, vertical alignment, what
 * happens when the text is taller than its box, and measuring before
 * drawing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "text.h"

static struct fontset *fs;
static struct text_engine *te;
static struct diag_list dg;
static struct dl_doc *doc;
static struct dl_page *page;

static void start(void)
{
	diag_list_init(&dg);
	fs = fontset_load(NULL, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fs);
	te = text_engine_new(fs, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(te);
	doc = dl_doc_new();
	page = dl_page_add(doc, 595, 842);
}

static void stop(void)
{
	dl_doc_free(doc);
	text_engine_free(te);
	fontset_free(fs);
	diag_list_release(&dg);
}

static struct text_layout *lay(const char *s, float width, struct text_style st)
{
	if (!st.size)
		st.size = 10;
	return text_layout_new(te, s, strlen(s), &st, width, NULL, &dg);
}

#define NEAR(a, b) CU_ASSERT_DOUBLE_EQUAL((a), (b), 1e-3)

/* 15 kana, each exactly one em */
static const char *const KANA = "あいうえおかきくけこさしすせそ";

/* Right edge of the ink advance of line i as drawn: where the next
 * character would go, less the char spacing after the last one. */
static float drawn_right(const struct text_layout *tl, size_t i, float x)
{
	const struct text_line *ln = &tl->lines[i];
	double pos = x + ln->x;
	for (size_t r = ln->first_run; r < ln->first_run + ln->n_runs; r++) {
		const struct text_run *run = &tl->runs[r];
		pos += run->width + run->after;
		if (run->spread)
			pos += (double)(run->n_chars - 1) * ln->char_space;
		if (run->gap_after)
			pos += ln->char_space;
	}
	return (float)pos;
}

/* ---- horizontal ------------------------------------------------------------- */

static void left_right_and_centre(void)
{
	start();
	struct text_layout *l = lay(KANA, 100, (struct text_style){.align = TEXT_LEFT});
	struct text_layout *r = lay(KANA, 100, (struct text_style){.align = TEXT_RIGHT});
	struct text_layout *c = lay(KANA, 100, (struct text_style){.align = TEXT_CENTER});
	CU_ASSERT_EQUAL_FATAL(l->n_lines, 2);
	CU_ASSERT_EQUAL_FATAL(r->n_lines, 2);
	NEAR(l->lines[0].width, 100);
	NEAR(l->lines[1].width, 50);
	NEAR(l->lines[1].x, 0);
	NEAR(r->lines[0].x, 0);
	NEAR(r->lines[1].x, 50);
	NEAR(c->lines[1].x, 25);
	NEAR(l->widest_line, 100);
	text_layout_free(l);
	text_layout_free(r);
	text_layout_free(c);
	stop();
}

static void justified_lines_end_flush_and_the_last_line_is_left(void)
{
	start();
	/* 95 pt: 9 characters fit, 5 pt spread over 8 gaps */
	struct text_layout *tl = lay(KANA, 95, (struct text_style){.align = TEXT_JUSTIFY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	CU_ASSERT_EQUAL(tl->lines[0].n_chars, 9);
	CU_ASSERT_EQUAL(tl->lines[0].n_gaps, 8);
	NEAR(tl->lines[0].char_space, 5.0 / 8);
	NEAR(drawn_right(tl, 0, 0), 95);
	NEAR(tl->lines[1].char_space, 0);
	NEAR(tl->lines[1].x, 0);
	/* the display list carries it as the runs' char spacing */
	text_layout_draw(tl, doc, page, 50, 100, 0, TEXT_GROW);
	CU_ASSERT_EQUAL_FATAL(page->n_items, 2);
	NEAR(page->items[0].u.text.char_space, 5.0 / 8);
	NEAR(page->items[1].u.text.char_space, 0);
	NEAR(page->items[0].u.text.x, 50);
	text_layout_free(tl);
	stop();
}

static void justification_never_spaces_out_latin_words_or_numbers(void)
{
	start();
	const char *s = "市内総生産は前年度の6,534千円から増え、PDCA cycleを回す取組です。";
	struct text_layout *tl = lay(s, 130, (struct text_style){.align = TEXT_JUSTIFY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 3);
	CU_ASSERT(!tl->lines[1].loose);
	CU_ASSERT(tl->lines[1].char_space > 0);
	NEAR(drawn_right(tl, 1, 0), 130);
	bool saw_number = false;
	for (size_t r = 0; r < tl->n_runs; r++) {
		const struct text_run *run = &tl->runs[r];
		if (run->len == 5 && memcmp(run->utf8, "6,534", 5) == 0) {
			saw_number = true;
			CU_ASSERT(!run->spread);
			CU_ASSERT(run->gap_after); /* before 千 it may widen */
		}
		if (run->len == 4 && memcmp(run->utf8, "PDCA", 4) == 0)
			CU_ASSERT(!run->spread);
	}
	CU_ASSERT(saw_number);
	text_layout_draw(tl, doc, page, 0, 0, 0, TEXT_GROW);
	for (size_t i = 0; i < page->n_items; i++)
		if (strcmp(page->items[i].u.text.utf8, "6,534") == 0)
			NEAR(page->items[i].u.text.char_space, 0);
	text_layout_free(tl);
	stop();
}

static void justification_widens_spaces_first(void)
{
	start();
	/* 92.9 pt of text in 100: the space (2.9 pt) widens to half an em,
	 * the rest goes to the 9 gaps */
	struct text_layout *tl = lay("あいう えおかきくけこさしすせそ", 100,
				     (struct text_style){.align = TEXT_JUSTIFY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	const struct text_line *ln = &tl->lines[0];
	CU_ASSERT_EQUAL_FATAL(ln->n_runs, 2);
	float space = text_width(te, FONT_MINCHO, 10, " ", 1, NULL, &dg);
	NEAR(tl->runs[ln->first_run].after, 5 - space);
	CU_ASSERT_EQUAL(ln->n_gaps, 9);
	NEAR(ln->char_space, (100 - 95) / 9.0);
	NEAR(drawn_right(tl, 0, 0), 100);
	CU_ASSERT(!ln->loose);
	text_layout_free(tl);
	stop();
}

/* A line that would need its characters spread by more than 0.09 em is
 * left short (loose) rather than read back by pdftotext as "市 内 総". */
static void letterspacing_is_capped_so_text_extracts_cleanly(void)
{
	start();
	const char *s = "市内総生産は前年度の6,534千円から増え";
	struct text_layout *tl = lay(s, 130, (struct text_style){.align = TEXT_JUSTIFY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	CU_ASSERT(tl->lines[0].loose);
	NEAR(tl->lines[0].char_space, 0.9);
	NEAR(drawn_right(tl, 0, 0), 100 + 9 * 0.9);
	text_layout_free(tl);
	/* a caller may lift the limit */
	tl = lay(s, 130, (struct text_style){.align = TEXT_JUSTIFY, .max_char_space = -1});
	CU_ASSERT(!tl->lines[0].loose);
	NEAR(drawn_right(tl, 0, 0), 130);
	text_layout_free(tl);
	stop();
}

static void a_line_ending_in_a_newline_is_not_justified(void)
{
	start();
	struct text_layout *tl =
		lay("あいう\nかきくけこさしすせそたちつてと", 100,
		    (struct text_style){.align = TEXT_JUSTIFY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 3);
	CU_ASSERT(tl->lines[0].hard_end);
	NEAR(tl->lines[0].char_space, 0);
	NEAR(tl->lines[0].width, 30);
	text_layout_free(tl);
	stop();
}

/* JLREQ 3.1.4: 」「 、「 ）、 （「 leave half an em, not a whole one. */
static void consecutive_punctuation_is_set_closer(void)
{
	start();
	static const struct {
		const char *s;
		float width; /* at 10 pt */
	} cases[] = {
		{"」「", 15}, {"、「", 15}, {"。」", 15}, {"）、", 15},
		{"（「", 15}, {"」」", 15}, {"」、「", 20}, {"「あ」", 30},
		{"あ、い", 30}, {"「“熱”」", 40},
	};
	const struct text_style closer = {.close_punct = true};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct text_layout *tl = lay(cases[i].s, 0, closer);
		float w = tl->lines[0].width;
		if (w < cases[i].width - 1e-3 || w > cases[i].width + 1e-3)
			fprintf(stderr, "\n  %s: %g, want %g\n", cases[i].s,
				(double)w, (double)cases[i].width);
		NEAR(w, cases[i].width);
		text_layout_free(tl);
	}
	/* drawn: the 」 keeps its place and gives up half its advance
	 * through its own char spacing, so that 「い starts where the 」's
	 * advance ends (poppler breaks lines where a run starts inside the
	 * previous advance) */
	struct text_layout *tl = lay("あ」「い", 0,
				     (struct text_style){.role = FONT_GOTHIC,
							 .close_punct = true});
	text_layout_draw(tl, doc, page, 0, 0, 0, TEXT_GROW);
	CU_ASSERT_EQUAL_FATAL(page->n_items, 3);
	CU_ASSERT_STRING_EQUAL(page->items[1].u.text.utf8, "」");
	NEAR(page->items[1].u.text.x, 10);
	NEAR(page->items[1].u.text.char_space, -5);
	NEAR(page->items[2].u.text.x, 15);
	CU_ASSERT_STRING_EQUAL(page->items[2].u.text.utf8, "「い");
	text_layout_free(tl);
	/* at a line end the pair is split and nothing moves */
	tl = lay("あいうえお」「かき", 60, closer);
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	NEAR(tl->lines[0].width, 60);
	text_layout_free(tl);
	stop();
}

/* 追い込み: a line too long by no more than its punctuation's blank
 * halves takes the next character, and the punctuation is set closer. */
static void push_in_rather_than_push_out(void)
{
	start();
	/* 11 em with two 、 in a 10 em line: each gives half an em */
	struct text_layout *tl = lay("り、市、国・県など関係機関", 100,
				     (struct text_style){.align = TEXT_JUSTIFY, .close_punct = true});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	CU_ASSERT_EQUAL(tl->lines[0].n_chars, 11);
	NEAR(tl->lines[0].width, 100);
	NEAR(tl->lines[0].char_space, 0);
	NEAR(drawn_right(tl, 0, 0), 100);
	/* the runs end after each 、 and move the next one back */
	int squeezed = 0;
	for (size_t r = tl->lines[0].first_run;
	     r < tl->lines[0].first_run + tl->lines[0].n_runs; r++)
		if (tl->runs[r].after < 0) {
			NEAR(tl->runs[r].after, -5);
			squeezed++;
		}
	CU_ASSERT_EQUAL(squeezed, 2);
	text_layout_free(tl);
	/* 11 characters, ）、 already closer: the 、 gives the other half
	 * (the last line has two, or it would take the line's end; see
	 * a_short_last_line_takes_characters_from_the_line_above) */
	tl = lay("（あいうえおかき）、けこさ", 100, (struct text_style){.close_punct = true,
										.breaker = TEXT_BREAK_GREEDY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	CU_ASSERT_EQUAL(tl->lines[0].n_chars, 11);
	NEAR(tl->lines[0].width, 100);
	text_layout_free(tl);
	/* a 、 at the end of the line gives its blank half too */
	tl = lay("あいうえおか（き）こ、さし", 100, (struct text_style){.close_punct = true,
										.breaker = TEXT_BREAK_GREEDY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	CU_ASSERT_EQUAL(tl->lines[0].n_chars, 11);
	NEAR(tl->lines[0].width, 100);
	text_layout_free(tl);
	/* and when the punctuation cannot give enough, the last character
	 * moves down instead (追い出し) */
	tl = lay("あいうえおかきくけこ、さ", 100, (struct text_style){.close_punct = true,
										.breaker = TEXT_BREAK_GREEDY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	CU_ASSERT_EQUAL(tl->lines[0].n_chars, 9);
	text_layout_free(tl);
	/* by default punctuation is set solid: the 11 em do not fit in 10,
	 * nothing is squeezed, and the text extracts as written */
	tl = lay("り、市、国・県など関係機関", 100, (struct text_style){.align = TEXT_JUSTIFY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	CU_ASSERT(tl->lines[0].n_chars < 11);
	for (size_t r = 0; r < tl->n_runs; r++)
		NEAR(tl->runs[r].after, 0);
	text_layout_free(tl);
	stop();
}

/* The lines of s in width points with st, joined by '|'. */
static const char *joined(const char *s, float width, struct text_style st)
{
	static char out[4096];
	struct text_layout *tl = lay(s, width, st);
	out[0] = '\0';
	for (size_t i = 0; i < tl->n_lines; i++) {
		size_t n = strlen(out);
		snprintf(out + n, sizeof out - n, "%s%.*s", i ? "|" : "",
			 (int)(tl->lines[i].end - tl->lines[i].start),
			 s + tl->lines[i].start);
	}
	text_layout_free(tl);
	return out;
}

#define EXPECT_STR(got, want)                                                  \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (strcmp(g_, w_) != 0)                                       \
			fprintf(stderr, "\n  got:  %s\n  want: %s\n", g_, w_); \
		CU_ASSERT_STRING_EQUAL(g_, w_);                                \
	} while (0)

/* No paragraph ends in a line of one character (「る」, 「す。」): the
 * break above moves back to the last legal break that gives the last line
 * two, punctuation not counted.  (Line by line: these kana are not words,
 * and over the whole paragraph their phrase boundaries would decide.) */
static void a_short_last_line_takes_characters_from_the_line_above(void)
{
	start();
	struct text_style left = {.align = TEXT_LEFT, .breaker = TEXT_BREAK_GREEDY};
	/* 10 em a line; 11 characters would leave 「さ」 */
	EXPECT_STR(joined("あいうえおかきくけこさ", 100, left),
		   "あいうえおかきくけ|こさ");
	/* 。 does not count: 「す。」 is one character */
	EXPECT_STR(joined("あいうえおかきくけこす。", 100, left),
		   "あいうえおかきくけ|こす。");
	/* two are enough */
	EXPECT_STR(joined("あいうえおかきくけこさし", 100, left),
		   "あいうえおかきくけこ|さし");
	/* the new break is a legal one: not before っ (行頭禁則) */
	EXPECT_STR(joined("あいうえおかきくけっこ", 100, left),
		   "あいうえおかきく|けっこ");
	/* every paragraph of a text, and only its last line */
	EXPECT_STR(joined("あいうえおかきくけこさ\nたちつてとなにぬねのは", 100, left),
		   "あいうえおかきくけ|こさ\n|たちつてとなにぬね|のは");
	/* a paragraph of one line stays as it is */
	EXPECT_STR(joined("あ\nい", 100, left), "あ\n|い");
	/* the width stays the same: lines move, none is added */
	struct text_layout *tl = lay("あいうえおかきくけこさ", 100, left);
	CU_ASSERT_EQUAL(tl->n_lines, 2);
	NEAR(tl->lines[0].width, 90);
	NEAR(tl->lines[1].width, 20);
	text_layout_free(tl);
	/* configurable: three, or off */
	struct text_style three = {.align = TEXT_LEFT, .min_last_chars = 3,
				     .breaker = TEXT_BREAK_GREEDY};
	EXPECT_STR(joined("あいうえおかきくけこさし", 100, three),
		   "あいうえおかきくけ|こさし");
	struct text_style off = {.align = TEXT_LEFT, .min_last_chars = -1,
				   .breaker = TEXT_BREAK_GREEDY};
	EXPECT_STR(joined("あいうえおかきくけこさ", 100, off),
		   "あいうえおかきくけこ|さ");
	stop();
}

/* Justified, the line above takes the extra space between its characters
 * - but only as much as keeps it flush (max_char_space): in a box of 10
 * em, one em over 8 gaps is 0.125 em, too loose, and the short line stays. */
static void a_justified_line_gives_characters_only_while_it_stays_flush(void)
{
	start();
	struct text_style just = {.align = TEXT_JUSTIFY, .breaker = TEXT_BREAK_GREEDY};
	/* 20 em and 21 characters: 19 stay, 18 gaps take 10 pt at 0.56 pt
	 * each */
	const char *s = "あいうえおかきくけこさしすせそたちつてとな";
	EXPECT_STR(joined(s, 200, just),
		   "あいうえおかきくけこさしすせそたちつて|とな");
	struct text_layout *tl = lay(s, 200, just);
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	CU_ASSERT(!tl->lines[0].loose);
	NEAR(drawn_right(tl, 0, 0), 200);
	NEAR(tl->lines[0].char_space, 10.0 / 18);
	text_layout_free(tl);
	EXPECT_STR(joined("あいうえおかきくけこさ", 100, just),
		   "あいうえおかきくけこ|さ");
	/* a pushed-in line gives up its push-in when it gives characters:
	 * 11 em with two 、 fitted into 10, then 「機」 alone (the break
	 * goes before 関係, not 関|係: one kanji torn from a compound is a
	 * poor break since issue 21) */
	struct text_style close = {.align = TEXT_JUSTIFY, .close_punct = true,
				   .max_char_space = -1, .breaker = TEXT_BREAK_GREEDY};
	EXPECT_STR(joined("り、市、国・県など関係機", 100, close),
		   "り、市、国・県など|関係機");
	tl = lay("り、市、国・県など関係機", 100, close);
	for (size_t r = tl->lines[0].first_run;
	     r < tl->lines[0].first_run + tl->lines[0].n_runs; r++)
		CU_ASSERT(tl->runs[r].after >= 0);
	NEAR(drawn_right(tl, 0, 0), 100);
	text_layout_free(tl);
	stop();
}

static void first_line_indent_and_hanging_indent(void)
{
	start();
	/* 1字下げ */
	struct text_layout *tl =
		lay(KANA, 100, (struct text_style){.first_indent = 10});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	NEAR(tl->lines[0].x, 10);
	CU_ASSERT_EQUAL(tl->lines[0].n_chars, 9);
	NEAR(tl->lines[1].x, 0);
	text_layout_free(tl);
	/* a bullet with the following lines under its text */
	tl = lay("・あいうえおかきくけこさしすせそ", 100,
		 (struct text_style){.indent = 10, .align = TEXT_JUSTIFY});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 2);
	NEAR(tl->lines[0].x, 0);
	NEAR(tl->lines[1].x, 10);
	CU_ASSERT_EQUAL(tl->lines[1].n_chars, 6);
	text_layout_free(tl);
	stop();
}

/* ---- vertical ----------------------------------------------------------------- */

static void line_pitch_and_baselines(void)
{
	start();
	struct text_layout *tl = lay(KANA, 100, (struct text_style){0});
	NEAR(tl->pitch, 15); /* default line height 1.5 */
	NEAR(tl->height, 30);
	float ascent = 10 * 1802.0f / 2048; /* IPAex em box: 0.88 above */
	NEAR(text_layout_baseline(tl, 0), 2.5 + ascent);
	NEAR(text_layout_baseline(tl, 1), 17.5 + ascent);
	text_layout_free(tl);
	tl = lay(KANA, 100, (struct text_style){.line_height = 1.75f, .size = 12});
	NEAR(tl->pitch, 21);
	text_layout_free(tl);
	stop();
}

static void vertical_alignment_in_a_box(void)
{
	start();
	enum text_valign va[3] = {TEXT_TOP, TEXT_MIDDLE, TEXT_BOTTOM};
	float off[3] = {0, 35, 70}; /* box 100, text 30 */
	for (int k = 0; k < 3; k++) {
		struct text_layout *tl =
			lay(KANA, 100, (struct text_style){.valign = va[k]});
		size_t first = page->n_items;
		NEAR(text_layout_draw(tl, doc, page, 20, 200, 100, TEXT_MUST_FIT), 100);
		CU_ASSERT_EQUAL_FATAL(page->n_items, first + 2);
		NEAR(page->items[first].u.text.y,
		     200 + off[k] + text_layout_baseline(tl, 0));
		NEAR(page->items[first].u.text.x, 20);
		text_layout_free(tl);
	}
	stop();
}

static void text_taller_than_its_box_grows_or_does_not_fit(void)
{
	start();
	struct text_layout *tl = lay(KANA, 100, (struct text_style){.valign = TEXT_MIDDLE});
	/* must fit: nothing drawn, -1 */
	CU_ASSERT(text_layout_draw(tl, doc, page, 0, 0, 20, TEXT_MUST_FIT) < 0);
	CU_ASSERT_EQUAL(page->n_items, 0);
	/* grow: all of it from the top, the height it needed */
	NEAR(text_layout_draw(tl, doc, page, 0, 0, 20, TEXT_GROW), 30);
	CU_ASSERT_EQUAL(page->n_items, 2);
	NEAR(page->items[0].u.text.y, text_layout_baseline(tl, 0));
	/* no height given: the natural one */
	NEAR(text_layout_draw(tl, doc, page, 0, 0, 0, TEXT_MUST_FIT), 30);
	text_layout_free(tl);
	stop();
}

/* A paragraph split across two pages: what fits, then the rest. */
static void lines_that_fit_and_drawing_part_of_a_paragraph(void)
{
	start();
	const char *s = "あいうえおかきくけこさしすせそたちつてとなにぬねの";
	struct text_layout *tl = lay(s, 50, (struct text_style){0});
	CU_ASSERT_EQUAL_FATAL(tl->n_lines, 5);
	CU_ASSERT_EQUAL(text_layout_lines_fitting(tl, 44), 2);
	CU_ASSERT_EQUAL(text_layout_lines_fitting(tl, 45), 3);
	CU_ASSERT_EQUAL(text_layout_lines_fitting(tl, 1000), 5);
	CU_ASSERT_EQUAL(text_layout_lines_fitting(tl, 0), 0);
	NEAR(text_layout_draw_lines(tl, 3, 10, doc, page, 0, 700), 30);
	CU_ASSERT_EQUAL_FATAL(page->n_items, 2);
	CU_ASSERT_STRING_EQUAL(page->items[0].u.text.utf8, "たちつてと");
	NEAR(page->items[0].u.text.y, 700 + text_layout_baseline(tl, 0));
	text_layout_free(tl);
	stop();
}

/* ---- measuring for tables ------------------------------------------------------- */

static void widths_for_sizing_columns(void)
{
	start();
	const char *s = "鹿児島市 6,534千円\nあいう";
	struct text_layout *tl = lay(s, 0, (struct text_style){0});
	CU_ASSERT_EQUAL(tl->n_lines, 2); /* unlimited: newlines only */
	float piece = text_width(te, FONT_MINCHO, 10, "6,534千円",
				 strlen("6,534千円"), NULL, &dg);
	NEAR(tl->min_width, piece > 40 ? piece : 40);
	float line = text_width(te, FONT_MINCHO, 10, "鹿児島市 6,534千円",
				strlen("鹿児島市 6,534千円"), NULL, &dg);
	NEAR(tl->natural_width, line);
	NEAR(tl->widest_line, line);
	text_layout_free(tl);
	/* centred without a width: within the widest line */
	tl = lay("あ\nあいう", 0, (struct text_style){.align = TEXT_CENTER});
	NEAR(tl->lines[0].x, 10);
	NEAR(tl->lines[1].x, 0);
	text_layout_free(tl);
	stop();
}

static void measure_first_draw_later_twice(void)
{
	start();
	struct text_layout *tl = lay("評価：Ａ（達成）", 60,
				     (struct text_style){.role = FONT_GOTHIC,
							 .align = TEXT_CENTER,
							 .valign = TEXT_MIDDLE});
	float h = tl->height;
	CU_ASSERT(h > 0);
	struct dl_page *p2 = dl_page_add(doc, 595, 842);
	page = &doc->pages[0];
	text_layout_draw(tl, doc, page, 0, 0, 40, TEXT_MUST_FIT);
	text_layout_draw(tl, doc, p2, 0, 0, 40, TEXT_MUST_FIT);
	CU_ASSERT_EQUAL(page->n_items, p2->n_items);
	for (size_t i = 0; i < page->n_items; i++) {
		CU_ASSERT_STRING_EQUAL(page->items[i].u.text.utf8,
				       p2->items[i].u.text.utf8);
		CU_ASSERT_EQUAL(page->items[i].u.text.font, 1);
		NEAR(page->items[i].u.text.x, p2->items[i].u.text.x);
	}
	text_layout_free(tl);
	stop();
}

static void empty_text_and_defaults(void)
{
	start();
	struct text_layout *tl = lay("", 100, (struct text_style){0});
	CU_ASSERT_EQUAL(tl->n_lines, 0);
	NEAR(tl->height, 0);
	NEAR(text_layout_draw(tl, doc, page, 0, 0, 0, TEXT_MUST_FIT), 0);
	CU_ASSERT_EQUAL(page->n_items, 0);
	text_layout_free(tl);
	struct text_style st = {0}; /* size 0: 10.5 pt */
	tl = text_layout_new(te, "あ", 3, &st, 100, NULL, &dg);
	NEAR(tl->style.size, 10.5);
	NEAR(tl->lines[0].width, 10.5);
	text_layout_free(tl);
	stop();
}

/* A box narrower than one character, a paragraph after an empty line:
 * every paragraph still gets its lines, one character each (found by
 * fuzz_text: the paragraph breaker once left the text after the blank
 * line unreached and read its path from uninitialised memory). */
static void a_box_narrower_than_a_character_after_a_blank_line(void)
{
	start();
	const char *s = "あ\n\n①い";
	struct text_layout *tl = lay(s, 1.5f, (struct text_style){0});
	CU_ASSERT_PTR_NOT_NULL_FATAL(tl);
	CU_ASSERT_FATAL(tl->n_lines >= 4);
	size_t at = 0;
	for (size_t k = 0; k < tl->n_lines; k++) {
		CU_ASSERT_EQUAL(tl->lines[k].start, at);
		CU_ASSERT(tl->lines[k].end > tl->lines[k].start);
		at = tl->lines[k].end;
	}
	CU_ASSERT_EQUAL(at, strlen(s));
	/* ① and い below the blank line, each alone and wider than the box */
	const struct text_line *a = &tl->lines[tl->n_lines - 2];
	const struct text_line *b = &tl->lines[tl->n_lines - 1];
	CU_ASSERT_EQUAL(a->start, 5);
	CU_ASSERT_EQUAL(a->end, 8);
	CU_ASSERT(a->overflow);
	CU_ASSERT_EQUAL(b->start, 8);
	CU_ASSERT(b->overflow);
	text_layout_free(tl);
	stop();
}

static const struct cu_case cases[] = {
	{"left, right and centre", left_right_and_centre},
	{"justified lines end flush and the last line is left",
	 justified_lines_end_flush_and_the_last_line_is_left},
	{"justification never spaces out Latin words or numbers",
	 justification_never_spaces_out_latin_words_or_numbers},
	{"justification widens spaces first", justification_widens_spaces_first},
	{"letterspacing is capped so text extracts cleanly",
	 letterspacing_is_capped_so_text_extracts_cleanly},
	{"a line ending in a newline is not justified",
	 a_line_ending_in_a_newline_is_not_justified},
	{"consecutive punctuation is set closer", consecutive_punctuation_is_set_closer},
	{"push-in rather than push-out", push_in_rather_than_push_out},
	{"a short last line takes characters from the line above",
	 a_short_last_line_takes_characters_from_the_line_above},
	{"a justified line gives characters only while it stays flush",
	 a_justified_line_gives_characters_only_while_it_stays_flush},
	{"first-line indent and hanging indent", first_line_indent_and_hanging_indent},
	{"line pitch and baselines", line_pitch_and_baselines},
	{"vertical alignment in a box", vertical_alignment_in_a_box},
	{"text taller than its box grows or does not fit",
	 text_taller_than_its_box_grows_or_does_not_fit},
	{"lines that fit, and drawing part of a paragraph",
	 lines_that_fit_and_drawing_part_of_a_paragraph},
	{"widths for sizing columns", widths_for_sizing_columns},
	{"measure first, draw later, twice", measure_first_draw_later_twice},
	{"empty text and defaults", empty_text_and_defaults},
	{"a box narrower than a character after a blank line",
	 a_box_narrower_than_a_character_after_a_blank_line},
	{NULL, NULL},
};

CU_MAIN("text: boxes", cases)
