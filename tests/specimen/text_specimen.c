/* text_specimen.c - a specimen of the Japanese text engine (issue 3).
 *
 *   text_specimen PLAN.xml OUT.pdf
 *
 * Writes a few A4 pages that show what the engine does with the things a
 * council handout uses, so that a person can look at them:
 *
 *   1  headings of levels 1 to 3 (and one that wraps);
 *   2  body text of the plan through the story, full width, justified,
 *      1字下げ - the default body style;
 *   3  one paragraph (the plan's 「稼ぐ力」 paragraph) in framed boxes at
 *      the full body width, 2/3 and 1/3 of it, in each alignment, with the
 *      line count, forced breaks and loose lines in the label;
 *   3b the same paragraphs broken line by line and over the whole
 *      paragraph by phrase, side by side, and the priority projects'
 *      titles as headings (issue 21);
 *   4  vertical alignment in a box, and a text taller than its box
 *      (TEXT_GROW and TEXT_MUST_FIT);
 *   5  a table with long wrapping cells and a decimal column;
 *   6  every fallback case: DejaVu Sans for ➡ ☐ ➊ ❷ ➌ ➍, IPA fonts for
 *      髙 﨑 ㈱ ① ⇒ ※, characters outside the BMP (𠮷 𠮟) and a character
 *      no font has (U+E000), in a table that names the font chosen and in
 *      running text, large;
 *   7  kinsoku: sentences set at the width that would put a forbidden
 *      character at a line's start (or an opening bracket at its end, or
 *      split a number, a Latin word or an ellipsis), each with its lines
 *      listed and checked;
 *   8  the warnings the engine gave, as a list (also on stderr).
 *
 * Every framed box's lines are checked against the line-start and
 * line-end rules; a violation is printed to stderr and marked on the page.
 * Exit status: 0 when the PDF was written, 1 otherwise (a kinsoku
 * violation does not fail the run: the specimen is for looking at).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "font.h"
#include "layout.h"
#include "load.h"
#include "plan.h"
#include "render.h"
#include "table.h"
#include "text.h"

#define BODY_SIZE 10.5f
#define LABEL_SIZE 7.5f
#define LABEL_GAP 2.0f
#define COL_GAP 12.0f

/* ---- what the story draws, kept alive until it has been laid out ------ */

/* A text box drawn by the story: an optional small label above it, and the
 * box itself framed by a hairline, so that alignment, indents and the ends
 * of lines can be judged against the box's edges. */
struct box {
	struct text_layout *label; /* NULL: none */
	struct text_layout *tl;
	float dx;        /* from the body's left edge */
	float box_h;     /* frame height; 0: the text's */
	enum text_fit fit;
	bool frame;
	float used;      /* what text_layout_draw returned last */
};

#define ROW_MAX 4

struct box_row {
	struct box b[ROW_MAX];
	size_t n;
};

struct spec {
	struct text_engine *te;
	const struct fontset *fs;
	struct story *s;
	struct diag_list *dg;
	float body_w;
	const char *plan_file;
	struct box_row **rows;
	size_t n_rows, alloc_rows;
	char **strings;
	size_t n_strings, alloc_strings;
	size_t violations; /* kinsoku violations found in framed boxes */
};

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);
	if (!q) {
		fputs("text_specimen: out of memory\n", stderr);
		exit(1);
	}
	return q;
}

/* printf into a string the spec owns (the story copies what it is given,
 * but table cells and labels are built from these as well). */
static const char *spec_printf(struct spec *sp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static const char *spec_printf(struct spec *sp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = xrealloc(NULL, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (sp->n_strings == sp->alloc_strings) {
		sp->alloc_strings = sp->alloc_strings ? 2 * sp->alloc_strings : 64;
		sp->strings = xrealloc(sp->strings, sp->alloc_strings * sizeof *sp->strings);
	}
	sp->strings[sp->n_strings++] = s;
	return s;
}

static void spec_release(struct spec *sp)
{
	for (size_t i = 0; i < sp->n_rows; i++) {
		for (size_t k = 0; k < sp->rows[i]->n; k++) {
			text_layout_free(sp->rows[i]->b[k].label);
			text_layout_free(sp->rows[i]->b[k].tl);
		}
		free(sp->rows[i]);
	}
	free(sp->rows);
	for (size_t i = 0; i < sp->n_strings; i++)
		free(sp->strings[i]);
	free(sp->strings);
}

/* ---- UTF-8 and the kinsoku check -------------------------------------- */

/* Decodes the character at s[*i] (len bytes in all) and advances *i;
 * invalid bytes come back as U+FFFD, one byte each. */
static uint32_t utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[*i];
	size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
	if (n == 0 || *i + n > len) {
		(*i)++;
		return 0xFFFD;
	}
	if (n > 1)
		c &= 0x3F >> (n - 1);
	for (size_t k = 1; k < n; k++)
		c = (c << 6) | (u[*i + k] & 0x3F);
	*i += n;
	return c;
}

/* The last character before end, skipping trailing spaces and newlines. */
static uint32_t last_char(const char *s, size_t start, size_t end)
{
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\n'))
		end--;
	if (end == start)
		return 0;
	size_t b = end - 1;
	while (b > start && ((unsigned char)s[b] & 0xC0) == 0x80)
		b--;
	return utf8_next(s, end, &b);
}

/* JLREQ cl-02 (closing brackets), cl-04 (！？), cl-05 (・：；), cl-06
 * (、。，．), cl-10 (ー), cl-11 (small kana), and 々 ゝ ゞ: never at the
 * start of a line. */
static const char NO_START[] =
	"、。，．,.)）」』】〕〉》］｝”’！？!?：；:;・ー－ぁぃぅぇぉっゃゅょゎ"
	"ゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々ゝゞヽヾ％%";
/* cl-01 (opening brackets): never at the end of a line. */
static const char NO_END[] = "（「『【〔〈《［｛“‘(";

static bool in_set(const char *set, uint32_t cp)
{
	size_t n = strlen(set), i = 0;
	while (i < n)
		if (utf8_next(set, n, &i) == cp)
			return true;
	return false;
}

static int cp_str(uint32_t cp, char *buf)
{
	if (cp < 0x80) {
		buf[0] = (char)cp, buf[1] = 0;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xC0 | cp >> 6), buf[1] = (char)(0x80 | (cp & 0x3F));
		buf[2] = 0;
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | cp >> 12), buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F)), buf[3] = 0;
		return 3;
	}
	buf[0] = (char)(0xF0 | cp >> 18), buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), buf[3] = (char)(0x80 | (cp & 0x3F));
	buf[4] = 0;
	return 4;
}

/* Checks the lines of tl (laid out from s) against the rules above and,
 * when keep is given, that no line break falls inside [keep, keep_end).
 * Writes the first problem into why and returns the number found. */
static size_t check_lines(const struct text_layout *tl, const char *s, size_t keep,
			  size_t keep_end, char *why, size_t size)
{
	size_t bad = 0;
	why[0] = '\0';
	size_t len = strlen(s);
	for (size_t i = 0; i < tl->n_lines; i++) {
		const struct text_line *ln = &tl->lines[i];
		char c[8];
		if (i > 0 && !tl->lines[i - 1].hard_end && ln->start < len) {
			size_t k = ln->start;
			uint32_t first = utf8_next(s, len, &k);
			if (in_set(NO_START, first)) {
				cp_str(first, c);
				if (!bad++)
					snprintf(why, size, "%zu行目が「%s」で始まる", i + 1, c);
			}
		}
		if (i + 1 < tl->n_lines && !ln->hard_end) {
			uint32_t last = last_char(s, ln->start, ln->end);
			if (in_set(NO_END, last)) {
				cp_str(last, c);
				if (!bad++)
					snprintf(why, size, "%zu行目が「%s」で終わる", i + 1, c);
			}
			/* a piece longer than the box must be broken (forced): legal */
			if (keep_end > keep && ln->end > keep && ln->end < keep_end && !ln->forced) {
				if (!bad++)
					snprintf(why, size, "%zu行目の後で「%.*s」が分かれる", i + 1,
						 (int)(keep_end - keep), s + keep);
			}
		}
	}
	return bad;
}

static size_t count_forced(const struct text_layout *tl, size_t *loose)
{
	size_t f = 0;
	*loose = 0;
	for (size_t i = 0; i < tl->n_lines; i++) {
		f += tl->lines[i].forced;
		*loose += tl->lines[i].loose;
	}
	return f;
}

/* ---- boxes -------------------------------------------------------------- */

static struct text_layout *label_new(struct spec *sp, const char *text, float w)
{
	struct text_style st = {.role = FONT_GOTHIC, .size = LABEL_SIZE, .line_height = 1.3f,
				.color = DL_GREY(0.3f)};
	struct text_src src = {__FILE__, __LINE__};
	return text_layout_new(sp->te, text, strlen(text), &st, w, &src, sp->dg);
}

static float box_height(const struct box *b)
{
	float h = b->tl->height;
	if (b->box_h > 0 && (b->fit == TEXT_MUST_FIT || b->box_h > h))
		h = b->box_h;
	if (b->label)
		h += b->label->height + LABEL_GAP;
	return h;
}

static void draw_row(struct dl_doc *d, struct dl_page *p, float x, float y, float w,
		     float h, void *ctx)
{
	(void)w, (void)h;
	struct box_row *r = ctx;
	for (size_t i = 0; i < r->n; i++) {
		struct box *b = &r->b[i];
		float by = y;
		if (b->label) {
			text_layout_draw(b->label, d, p, x + b->dx, by, 0, TEXT_GROW);
			by += b->label->height + LABEL_GAP;
		}
		if (b->frame) {
			struct dl_stroke st = dl_stroke_solid(0.3f, DL_GREY(0.55f));
			float fh = b->box_h > 0 ? b->box_h : b->tl->height;
			dl_rect(p, x + b->dx, by, b->tl->width, fh, NULL, &st);
		}
		b->used = text_layout_draw(b->tl, d, p, x + b->dx, by, b->box_h, b->fit);
	}
}

static struct box_row *row_new(struct spec *sp)
{
	struct box_row *r = xrealloc(NULL, sizeof *r);
	memset(r, 0, sizeof *r);
	if (sp->n_rows == sp->alloc_rows) {
		sp->alloc_rows = sp->alloc_rows ? 2 * sp->alloc_rows : 32;
		sp->rows = xrealloc(sp->rows, sp->alloc_rows * sizeof *sp->rows);
	}
	sp->rows[sp->n_rows++] = r;
	return r;
}

static void row_add(struct spec *sp, struct box_row *r)
{
	float h = 0;
	for (size_t i = 0; i < r->n; i++) {
		float bh = box_height(&r->b[i]);
		if (bh > h)
			h = bh;
	}
	story_fixed(sp->s, h, draw_row, r);
}

/* Adds a framed box of text at width w, offset dx, to row r, labelled with
 * what (and the line statistics), and checks its lines. */
static struct box *frame_text(struct spec *sp, struct box_row *r, const char *what,
			      const char *text, const struct text_style *st, float w,
			      float dx, const struct text_src *src)
{
	struct box *b = &r->b[r->n++];
	b->tl = text_layout_new(sp->te, text, strlen(text), st, w, src, sp->dg);
	b->dx = dx;
	b->frame = true;
	b->fit = TEXT_GROW;
	size_t loose, forced = count_forced(b->tl, &loose);
	char why[256];
	size_t bad = check_lines(b->tl, text, 0, 0, why, sizeof why);
	if (bad) {
		sp->violations += bad;
		fprintf(stderr, "text_specimen: kinsoku: %s (%.1f pt): %s\n", what, (double)w, why);
	}
	b->label = label_new(sp, spec_printf(sp, "%s　幅%.1fpt・%zu行・強制改行%zu・字間上限で不足%zu%s%s",
					     what, (double)w, b->tl->n_lines, forced, loose,
					     bad ? "・禁則違反：" : "", bad ? why : ""),
			     w);
	return b;
}

/* ---- the parts of the specimen ----------------------------------------- */

static void heading(struct spec *sp, int level, const char *title)
{
	story_heading(sp->s, level, title);
}

static void note(struct spec *sp, const char *text)
{
	story_para_ex(sp->s, &(struct lay_para){
		.text = text,
		.style = {.role = FONT_GOTHIC, .size = 8.5f, .line_height = 1.45f,
			  .color = DL_GREY(0.25f)},
		.after = 4,
	});
}

static void part_headings(struct spec *sp)
{
	heading(sp, 1, "１　見出し（レベル１：ゴシック14pt、下線つき）");
	note(sp, "見出しは3段階。レベル1は柱見出しとして段落の前に16pt、後に8ptを空け、ページ末尾に残らない。");
	heading(sp, 2, "（１）見出しレベル２：ゴシック12pt");
	heading(sp, 3, "ア　見出しレベル３：ゴシック10.5pt");
	story_para(sp->s, "見出しの直後の本文です。見出しは次の段落の最初の行と同じページに置かれます。");
	heading(sp, 2, "（２）長い見出しの折り返し：“地域の稼ぐ力”向上プロジェクトのうち、"
		       "新たな産業の創出と事業の高付加価値化に向けた取組の進捗状況について");
	heading(sp, 3, "イ　数字と記号を含む見出し：目標値7,809千円（R13）・達成率65.1％");
}

static void part_body(struct spec *sp, const struct plan *p)
{
	heading(sp, 1, "２　本文（全幅・両端揃え・1字下げ）");
	note(sp, "本文の既定の書式（明朝10.5pt、行送り1.6、両端揃え、1字下げ）でプランの文章を組んだもの。"
		 "段落はページをまたいで分割される（2・3行の段落は分割しない）。");
	size_t shown = 0;
	for (size_t i = 0; i < p->n_sections && shown < 3; i++) {
		const struct section *sec = &p->sections[i];
		if (!sec->n_paragraphs)
			continue;
		heading(sp, 3, sec->title ? sec->title : sec->id);
		for (size_t k = 0; k < sec->n_paragraphs; k++)
			story_para_ex(sp->s, &(struct lay_para){
				.text = sec->paragraphs[k],
				.src = {p->file, 0},
			});
		shown++;
	}
	if (p->projects_intro) {
		heading(sp, 3, p->projects_title ? p->projects_title : "重点プロジェクト");
		story_para_ex(sp->s, &(struct lay_para){.text = p->projects_intro,
							.src = {p->file, 0}});
	}
	if (p->n_basic_points) {
		heading(sp, 3, "どのように「稼ぐ」か（ぶら下げインデントの箇条）");
		static const char *const marks[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"};
		const char *s = "";
		for (size_t i = 0; i < p->n_basic_points && i < 9; i++)
			s = spec_printf(sp, "%s%s%s%s", s, i ? "\n" : "", marks[i], p->basic_points[i]);
		story_para_ex(sp->s, &(struct lay_para){
			.text = s,
			.style = {.role = FONT_MINCHO, .size = 9.5f, .line_height = 1.5f,
				  .indent = 9.5f},
			.src = {p->file, 0},
		});
	}
}

static const char *align_name(enum text_align a)
{
	switch (a) {
	case TEXT_LEFT: return "左揃え";
	case TEXT_CENTER: return "中央揃え";
	case TEXT_RIGHT: return "右揃え";
	case TEXT_JUSTIFY: return "両端揃え";
	}
	return "?";
}

static void part_widths(struct spec *sp, const struct plan *p)
{
	const char *text = p->projects_intro;
	if (!text)
		text = "「稼ぐ力」とは、自らの経済的活動に価値を生み出す（＝価値を捉え直し、磨き上げる）力、"
		       "生み出した価値が多くのひとに求められるように伝える力です。";
	struct text_src src = {p->file, 0};
	float w3 = (sp->body_w - 2 * COL_GAP) / 3, w23 = 2 * w3 + COL_GAP;

	story_page_break(sp->s);
	heading(sp, 1, "３　本文の幅と揃え（全幅・2/3・1/3）");
	note(sp, "同じ段落（重点プロジェクトの「稼ぐ力」の説明）を、本文の全幅、2/3、1/3の箱に、"
		 "左・中央・右・両端揃えで1字下げして組んだもの。細い灰色の枠が箱の幅。"
		 "ラベルの「字間上限で不足」は、両端揃えの字間の上限（0.09em）のため行末まで届かない行の数。");
	static const enum text_align aligns[] = {TEXT_JUSTIFY, TEXT_LEFT, TEXT_CENTER, TEXT_RIGHT};
	for (size_t a = 0; a < 4; a++) {
		struct text_style st = {.role = FONT_MINCHO, .size = BODY_SIZE, .line_height = 1.6f,
					.align = aligns[a], .first_indent = BODY_SIZE};
		story_keep_begin(sp->s);
		heading(sp, 2, spec_printf(sp, "（%zu）%s", a + 1, align_name(aligns[a])));
		struct box_row *r = row_new(sp);
		frame_text(sp, r, spec_printf(sp, "全幅・%s", align_name(aligns[a])), text, &st,
			   sp->body_w, 0, &src);
		row_add(sp, r);
		story_space(sp->s, 6);
		r = row_new(sp);
		frame_text(sp, r, spec_printf(sp, "2/3幅・%s", align_name(aligns[a])), text, &st,
			   w23, 0, &src);
		frame_text(sp, r, spec_printf(sp, "1/3幅・%s", align_name(aligns[a])), text, &st,
			   w3, w23 + COL_GAP, &src);
		row_add(sp, r);
		story_keep_end(sp->s);
	}
}

/* Issue 21: the same paragraphs broken line by line (the engine before
 * it: each line as full as it can be) and over the whole paragraph by
 * phrase, side by side, justified at half the body width, and the
 * priority projects' titles as a heading at 340 pt, ragged. */
static void part_phrase(struct spec *sp, const struct plan *p)
{
	float w2 = (sp->body_w - COL_GAP) / 2;
	struct text_src src = {p->file, 0};
	story_page_break(sp->s);
	heading(sp, 1, "４　行ごとの改行と、段落全体で句を単位に選ぶ改行（issue 21）");
	note(sp, "同じ段落を、左は1行ずつ詰めて改行（issue 21 以前）、右は段落全体で改行位置を選び、"
		 "ICUの句（lw=phrase）の境界を優先したもの。両端揃え、本文の半分の幅。"
		 "行数は変えない。右は「相談件｜数」「生｜産性」のような語の途中の改行を避け、"
		 "代わりに字間の上限を超える行（ラベルの「字間上限で不足」）が増えることがある。");
	struct text_style line = {.role = FONT_MINCHO, .size = BODY_SIZE, .line_height = 1.6f,
				  .align = TEXT_JUSTIFY, .first_indent = BODY_SIZE,
				  .breaker = TEXT_BREAK_GREEDY};
	struct text_style para = line;
	para.breaker = TEXT_BREAK_PARAGRAPH;
	size_t shown = 0;
	for (size_t i = 0; i < p->n_sections && shown < 4; i++) {
		const struct section *sec = &p->sections[i];
		for (size_t k = 0; k < sec->n_paragraphs && shown < 4; k++, shown++) {
			struct box_row *r = row_new(sp);
			frame_text(sp, r, "1行ずつ", sec->paragraphs[k], &line, w2, 0, &src);
			frame_text(sp, r, "段落全体・句", sec->paragraphs[k], &para, w2,
				   w2 + COL_GAP, &src);
			row_add(sp, r);
			story_space(sp->s, 6);
		}
	}
	struct text_style head = {.role = FONT_GOTHIC, .size = 12, .line_height = 1.4f,
				  .breaker = TEXT_BREAK_GREEDY};
	struct text_style head_p = head;
	head_p.breaker = TEXT_BREAK_PARAGRAPH;
	for (size_t i = 0; i < p->n_projects && i < 3; i++) {
		const char *t = spec_printf(sp, "重点プロジェクト%s %s", p->projects[i].no ?
					    p->projects[i].no : "", p->projects[i].title);
		struct box_row *r = row_new(sp);
		frame_text(sp, r, "見出し・1行ずつ", t, &head, w2, 0, &src);
		frame_text(sp, r, "見出し・段落全体", t, &head_p, w2, w2 + COL_GAP, &src);
		row_add(sp, r);
		story_space(sp->s, 6);
	}
}

static void part_boxes(struct spec *sp)
{
	heading(sp, 1, "５　箱の中の縦位置と、箱に収まらない文章");
	note(sp, "高さ60ptの箱に短い文章を上・中央・下揃えで置いたもの。その下は、高さ30ptの箱に4行の文章を置いたもの："
		 "TEXT_GROW は箱を越えて全部を描き（箱が伸びる）、TEXT_MUST_FIT は描かずに −1 を返す。");
	float w3 = (sp->body_w - 2 * COL_GAP) / 3;
	struct text_src src = {__FILE__, __LINE__};
	static const enum text_valign va[] = {TEXT_TOP, TEXT_MIDDLE, TEXT_BOTTOM};
	static const char *const vname[] = {"上揃え（TEXT_TOP）", "中央（TEXT_MIDDLE）",
					    "下揃え（TEXT_BOTTOM）"};
	struct box_row *r = row_new(sp);
	for (size_t i = 0; i < 3; i++) {
		struct text_style st = {.role = FONT_GOTHIC, .size = 9, .line_height = 1.4f,
					.align = TEXT_CENTER, .valign = va[i]};
		struct box *b = frame_text(sp, r, vname[i], "事業所数\n（R7年度）", &st, w3,
					   (float)i * (w3 + COL_GAP), &src);
		b->box_h = 60;
	}
	row_add(sp, r);
	story_space(sp->s, 8);

	const char *four = "かごしま経済の活力を高め、本市経済を牽引するため、事業の高付加価値化を促進し、"
			   "地域資源などを生かした新産業を創出します。";
	struct text_style st = {.role = FONT_MINCHO, .size = 9, .line_height = 1.5f,
				.align = TEXT_JUSTIFY};
	r = row_new(sp);
	struct box *g = frame_text(sp, r, "TEXT_GROW（箱は高さ30pt）", four, &st, w3, 0, &src);
	g->box_h = 30;
	g->fit = TEXT_GROW;
	struct box *m = frame_text(sp, r, "TEXT_MUST_FIT（描かれないのが正しい）", four, &st, w3,
				   w3 + COL_GAP, &src);
	m->box_h = 30;
	m->fit = TEXT_MUST_FIT;
	row_add(sp, r);
}

static void part_table(struct spec *sp, const struct plan *p)
{
	heading(sp, 1, "６　表のセル");
	note(sp, "ゴシック9ptの表。取組内容の列は長い文章を折り返し、取組方針は行を結合して上下中央、"
		 "値の列は小数点揃え（TABLE_DECIMAL）。");
	struct table *t = table_new(4, NULL);
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1.2f,
						.valign = TEXT_MIDDLE});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_SHARE, .width = 3});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(14),
						.align = TABLE_CENTER, .valign = TEXT_MIDDLE});
	table_set_col(t, 3, &(struct table_col){.width_kind = TABLE_AUTO,
						.align = TABLE_DECIMAL, .valign = TEXT_MIDDLE});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "取組方針");
	table_set(t, h, 1, "主な取組内容");
	table_set(t, h, 2, "連携\n（関係機関）");
	table_set(t, h, 3, "参考値");

	static const char *const values[] = {"6,534千円", "65.1％", "1,200人", "―", "13.5％",
					     "27,279事業所"};
	size_t v = 0;
	const struct pillar *pl = p->n_pillars ? &p->pillars[0] : NULL;
	for (size_t d = 0; pl && d < pl->n_directions && d < 2; d++) {
		const struct direction *dir = &pl->directions[d];
		size_t n = dir->n_initiatives ? dir->n_initiatives : 1;
		if (n > 3)
			n = 3;
		size_t first = 0;
		for (size_t i = 0; i < n; i++) {
			size_t r = table_add_row(t, false);
			if (i == 0) {
				first = r;
				table_set_cell(t, r, 0, &(struct table_cell){
					.text = spec_printf(sp, "%s%s", dir->no ? dir->no : "", dir->title),
					.rowspan = (int)n, .src = {p->file, dir->pos.line}});
			}
			const struct initiative *in = dir->n_initiatives ? &dir->initiatives[i] : NULL;
			table_set_cell(t, r, 1, &(struct table_cell){
				.text = in ? in->text : dir->description,
				.src = {p->file, in ? in->pos.line : dir->pos.line}});
			table_set(t, r, 2, in && (in->partners & PARTNER_AGENCIES) ? "●" : "");
			table_set(t, r, 3, values[v++ % 6]);
		}
		(void)first;
	}
	/* A cell longer than any seed text, with the fallback characters in
	 * it, spanning two columns. */
	size_t r = table_add_row(t, false);
	table_set(t, r, 0, "長い本文のセル（2列結合）");
	table_set_cell(t, r, 1, &(struct table_cell){
		.text = "※ 実績値は例示値であり、公表された統計値ではありません。➡ 達成率＝（実績－基準値）÷（目標値－基準値）"
			"で算出し、目標値は計画期間の年数で按分した当該年度の値（期待値）とします。"
			"㈱髙﨑製作所の①〜④の取組のように、「稼ぐ力」の向上に向けた具体的な行動を一つでも多く誘発します。",
		.colspan = 2, .src = {__FILE__, __LINE__}});
	table_set(t, r, 3, "7,809千円");
	story_table(sp->s, t);
}

/* One character of the fallback table. */
struct fallback_case {
	const char *ch;
	uint32_t cp;
	const char *expect;
};

static const struct fallback_case FALLBACK[] = {
	{"➡", 0x27A1, "DejaVu Sans（IPAに無い）"},
	{"☐", 0x2610, "DejaVu Sans"},
	{"➊", 0x278A, "DejaVu Sans"},
	{"❷", 0x2777, "DejaVu Sans"},
	{"➌", 0x278C, "DejaVu Sans"},
	{"➍", 0x278D, "DejaVu Sans"},
	{"髙", 0x9AD9, "IPA（はしご高）"},
	{"﨑", 0xFA11, "IPA（たつさき）"},
	{"㈱", 0x3231, "IPA"},
	{"①", 0x2460, "IPA"},
	{"⇒", 0x21D2, "IPA"},
	{"※", 0x203B, "IPA"},
	{"𠮷", 0x20BB7, "BMP外：輪郭で描くか〓＋警告"},
	{"𠮟", 0x20B9F, "BMP外：輪郭で描くか〓＋警告"},
	{"\xEE\x80\x80", 0xE000, "どの書体にも無い：〓＋警告"},
};
#define N_FALLBACK (sizeof FALLBACK / sizeof FALLBACK[0])

static const char *font_name(struct spec *sp, enum font_role role, uint32_t cp)
{
	int f = text_font_for(sp->te, role, cp);
	if (f < 0)
		return "なし → 〓";
	const char *fam = fontset_family(sp->fs, f);
	if (cp > 0xFFFF)
		return spec_printf(sp, "%s（輪郭）", fam ? fam : "?");
	return fam ? fam : "?";
}

static void part_fallback(struct spec *sp)
{
	story_page_break(sp->s);
	heading(sp, 1, "７　代替書体と外字");
	note(sp, "主書体（IPAex明朝・IPAexゴシック）に無い文字は、書体の並び（IPA明朝／IPAゴシック → DejaVu Sans）から"
		 "最初に持つ書体で描く。BMP外の文字は字形の輪郭を図形として描き、どの書体にも無い文字は〓で描いて警告する。"
		 "表の「文字」列はゴシック、下の段落は明朝とゴシックで同じ文字を並べたもの。");
	struct table *t = table_new(5, NULL);
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(14),
						.align = TABLE_CENTER});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(18),
						.align = TABLE_CENTER});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1});
	table_set_col(t, 3, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1});
	table_set_col(t, 4, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1.3f});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "文字");
	table_set(t, h, 1, "符号位置");
	table_set(t, h, 2, "明朝で描く書体");
	table_set(t, h, 3, "ゴシックで描く書体");
	table_set(t, h, 4, "期待");
	for (size_t i = 0; i < N_FALLBACK; i++) {
		const struct fallback_case *fc = &FALLBACK[i];
		size_t r = table_add_row(t, false);
		table_set_cell(t, r, 0, &(struct table_cell){.text = fc->ch,
							     .src = {__FILE__, __LINE__}});
		table_set(t, r, 1, spec_printf(sp, "U+%04X", (unsigned)fc->cp));
		table_set(t, r, 2, font_name(sp, FONT_MINCHO, fc->cp));
		table_set(t, r, 3, font_name(sp, FONT_GOTHIC, fc->cp));
		table_set(t, r, 4, fc->expect);
		fprintf(stderr, "text_specimen: fallback %s U+%04X: mincho %s, gothic %s\n", fc->ch,
			(unsigned)fc->cp, font_name(sp, FONT_MINCHO, fc->cp),
			font_name(sp, FONT_GOTHIC, fc->cp));
	}
	story_table(sp->s, t);

	const char *all = "➡☐➊❷➌➍ 髙﨑㈱①⇒※ 𠮷𠮟 \xEE\x80\x80";
	const char *running = "吉野家の「𠮷」、高崎の「髙﨑」、㈱と①〜④、➡ 次へ、☐ 未了、➊❷➌➍ の見出し、"
			      "⇒ 対応、※ 注記、𠮟咤激励、私用領域の「\xEE\x80\x80」。";
	for (int role = 0; role < FONT_ROLE_COUNT; role++) {
		const char *rname = role == FONT_MINCHO ? "明朝" : "ゴシック";
		story_para_ex(sp->s, &(struct lay_para){
			.text = spec_printf(sp, "%s・20pt：", rname),
			.style = {.role = FONT_GOTHIC, .size = 8, .color = DL_GREY(0.3f)},
			.before = 8, .keep_with_next = true,
		});
		story_para_ex(sp->s, &(struct lay_para){
			.text = all,
			.style = {.role = (enum font_role)role, .size = 20, .line_height = 1.4f},
			.src = {__FILE__, __LINE__},
		});
		story_para_ex(sp->s, &(struct lay_para){
			.text = spec_printf(sp, "%s・本文10.5pt：", rname),
			.style = {.role = FONT_GOTHIC, .size = 8, .color = DL_GREY(0.3f)},
			.keep_with_next = true,
		});
		story_para_ex(sp->s, &(struct lay_para){
			.text = running,
			.style = {.role = (enum font_role)role, .size = BODY_SIZE, .line_height = 1.6f,
				  .align = TEXT_JUSTIFY, .first_indent = BODY_SIZE},
			.src = {__FILE__, __LINE__},
		});
	}
}

/* One kinsoku example: text is set at the width of its first cut bytes
 * (plus a quarter point), the width at which a plain break would fall at
 * byte cut; keep, when given, must not be split. */
struct kinsoku_case {
	const char *rule;
	const char *text;
	const char *cut_after; /* the break a naive line breaker would take */
	const char *keep;      /* NULL: none */
};

static const struct kinsoku_case KINSOKU[] = {
	{"行頭禁則「。」", "本プランの計画期間は、令和４年度から令和13年度までの10年間です。次に構成を示します。",
	 "10年間です", NULL},
	{"行頭禁則「、」", "本市商工業の振興には、市、国・県など関係機関、民間、大学等が一体となって取り組みます。",
	 "国・県など関係機関", NULL},
	{"行頭禁則「」」", "重点プロジェクトの「稼ぐ力」とは、自らの経済的活動に価値を生み出す力です。",
	 "重点プロジェクトの「稼ぐ力", NULL},
	{"行頭禁則「ー」", "本市では新たにサポートセンターを設置します。", "本市では新たにサポートセンタ", NULL},
	{"行頭禁則（小書きの仮名）", "新たな重点プロジェクトを推進します。", "新たな重点プロジ", NULL},
	{"行頭禁則「・」", "様々な交流・連携を通じて、ひと・企業の“熱”が高まります。",
	 "様々な交流・連携を通じて、ひと", NULL},
	{"行頭禁則「？」", "どのように「稼ぐ」か？その大切な視点を５つ示します。", "どのように「稼ぐ」か", NULL},
	{"連続約物「。」」", "会議では「進捗を細やかに確認する。」との意見がありました。",
	 "会議では「進捗を細やかに確認する", NULL},
	{"行末禁則「「」", "本プランは「本編」と「重点プロジェクト」で構成します。", "本プランは「本編」と「", NULL},
	{"行末禁則「（」", "第六次鹿児島市総合計画（計画期間：令和4年度～令和13年度）と連動させます。",
	 "第六次鹿児島市総合計画（", NULL},
	{"行末禁則「“」", "様々な交流を通じて、ひと・企業の“熱”が高まります。", "ひと・企業の“", NULL},
	{"分離禁止（桁区切り）", "市内事業所の付加価値額は基準値6,534千円から増加しました。",
	 "付加価値額は基準値6,5", "6,534千円"},
	{"分離禁止（数と単位）", "市内事業所の付加価値額は基準値6,534千円から増加しました。",
	 "付加価値額は基準値6,534", "6,534千円"},
	{"分離禁止（小数点）", "R7年度の達成率は65.1％となりました。", "R7年度の達成率は65.", "65.1％"},
	{"分離禁止（数と％）", "R7年度の達成率は65.1％となりました。", "R7年度の達成率は65.1", "65.1％"},
	{"分離禁止（欧文）", "国の施策ではSociety5.0やDXの進展に対応します。", "国の施策ではSoci",
	 "Society5.0"},
	{"箱より長い欧文（強制改行で正しい）", "国のSociety5.0やDXの進展に対応します。", "国のSoci",
	 "Society5.0"},
	{"分離禁止（三点リーダー）", "本プランの取組は今後も……続きます。", "本プランの取組は今後も…", "……"},
};
#define N_KINSOKU (sizeof KINSOKU / sizeof KINSOKU[0])

static void part_kinsoku(struct spec *sp)
{
	story_page_break(sp->s);
	heading(sp, 1, "８　禁則と分離禁止");
	note(sp, "各例は、素朴に折り返すと禁則に触れる位置で行が終わる幅（枠）で組んだもの：その位置までの文字の幅＋0.25pt。"
		 "右は組まれた行と判定（行頭禁則・行末禁則・分離禁止）。追い込み（約物を詰めて前の行に入れる）か"
		 "追い出し（前の文字を次の行へ送る）のどちらかで規則を守ればよい。");
	struct text_style st = {.role = FONT_MINCHO, .size = BODY_SIZE, .line_height = 1.6f,
				.align = TEXT_JUSTIFY};
	for (size_t i = 0; i < N_KINSOKU; i++) {
		const struct kinsoku_case *kc = &KINSOKU[i];
		const char *at = strstr(kc->text, kc->cut_after);
		size_t cut = at ? (size_t)(at - kc->text) + strlen(kc->cut_after) : 0;
		float w = text_width(sp->te, FONT_MINCHO, BODY_SIZE, kc->text, cut, NULL, NULL) + 0.25f;
		struct text_src src = {__FILE__, __LINE__};
		struct box_row *r = row_new(sp);
		struct box *b = &r->b[r->n++];
		b->tl = text_layout_new(sp->te, kc->text, strlen(kc->text), &st, w, &src, sp->dg);
		b->frame = true;
		b->fit = TEXT_GROW;

		size_t keep = 0, keep_end = 0;
		const char *k = kc->keep ? strstr(kc->text, kc->keep) : NULL;
		if (k) {
			keep = (size_t)(k - kc->text);
			keep_end = keep + strlen(kc->keep);
		}
		char why[256];
		size_t bad = check_lines(b->tl, kc->text, keep, keep_end, why, sizeof why);
		sp->violations += bad;
		const char *lines = "";
		for (size_t l = 0; l < b->tl->n_lines; l++) {
			const struct text_line *ln = &b->tl->lines[l];
			lines = spec_printf(sp, "%s%s%zu｜%.*s%s", lines, l ? "\n" : "", l + 1,
					    (int)(ln->end - ln->start), kc->text + ln->start,
					    ln->forced ? "（強制改行）" : "");
		}
		const char *verdict = bad ? spec_printf(sp, "NG：%s", why) : "OK";
		if (bad) { /* the passing cases are on the page */
			fprintf(stderr, "text_specimen: kinsoku %zu %s at %.2f pt: %s\n", i + 1,
				kc->rule, (double)w, verdict);
			for (size_t l = 0; l < b->tl->n_lines; l++) {
				const struct text_line *ln = &b->tl->lines[l];
				fprintf(stderr, "    %zu| %.*s%s\n", l + 1, (int)(ln->end - ln->start),
					kc->text + ln->start, ln->forced ? "   (forced)" : "");
			}
		}
		b->label = label_new(sp, spec_printf(sp, "%zu　%s（幅%.2fpt）　%s", i + 1, kc->rule,
						     (double)w, verdict),
				     sp->body_w);
		/* the lines as text, to the right of the box */
		struct box *lb = &r->b[r->n++];
		float dx = w + COL_GAP;
		struct text_style ls = {.role = FONT_GOTHIC, .size = 8, .line_height = 2.1f,
					.color = bad ? (struct dl_color){0.75f, 0, 0} : DL_GREY(0.2f)};
		lb->tl = text_layout_new(sp->te, lines, strlen(lines), &ls, sp->body_w - dx, &src,
					 sp->dg);
		lb->dx = dx;
		lb->fit = TEXT_GROW;
		/* line the listing up under the label, beside the box */
		lb->label = label_new(sp, " ", sp->body_w - dx);
		row_add(sp, r);
		story_space(sp->s, 4);
	}
}

static void part_warnings(struct spec *sp, const struct diag_list *dg)
{
	story_page_break(sp->s);
	heading(sp, 1, "９　テキストエンジンの警告");
	note(sp, spec_printf(sp, "この見本を組む間にエンジンが出した警告（%zu件、標準エラーにも出力）。"
				 "文字ごと・エンジンごとに1回だけ報告される。",
			     dg->count));
	const char *s = "";
	for (size_t i = 0; i < dg->count; i++) {
		char buf[1024];
		diag_format(&dg->items[i], buf, sizeof buf);
		s = spec_printf(sp, "%s%s・%s", s, i ? "\n" : "", buf);
	}
	if (!*s)
		s = "（警告なし）";
	story_para_ex(sp->s, &(struct lay_para){
		.text = s,
		.style = {.role = FONT_GOTHIC, .size = 8.5f, .line_height = 1.5f, .indent = 8.5f},
	});
}

/* ---- main -------------------------------------------------------------- */

static long long source_date(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		long long t = strtoll(e, &end, 10);
		if (*end == '\0' && t >= 0)
			return t;
	}
	return 1763683200; /* 2025-11-21, as tests/demo outside git */
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: text_specimen PLAN.xml OUT.pdf\n", stderr);
		return 2;
	}
	int rc = 1;
	struct diag_list dg, engine_dl;
	diag_list_init(&dg);
	diag_list_init(&engine_dl);
	struct fontset *fs = NULL;
	struct text_engine *te = NULL;
	struct dl_doc *doc = NULL;
	struct spec sp = {0};
	struct plan *p = plan_load(argv[1], &dg);
	if (!p)
		goto out;
	fs = fontset_load(NULL, &dg);
	if (!fs)
		goto out;
	te = text_engine_new(fs, &dg);
	if (!te)
		goto out;

	struct lay_setup ls;
	lay_setup_init(&ls, LAY_A4);
	ls.head_left = "shiryo 文字組み見本（issue 3）";
	ls.continued = "（続き）";
	sp.te = te;
	sp.fs = fs;
	sp.dg = &engine_dl;
	sp.plan_file = p->file;
	sp.body_w = lay_body(&ls).w;
	sp.s = story_new(te, &ls);
	story_set_info(sp.s, &(struct dl_info){.title = "shiryo 文字組み見本",
					       .subject = "テキストエンジンの見本（issue 3）",
					       .creator = "shiryo tests/specimen",
					       .created = source_date()});

	part_headings(&sp);
	part_body(&sp, p);
	part_widths(&sp, p);
	part_phrase(&sp, p);
	part_boxes(&sp);
	part_table(&sp, p);
	part_fallback(&sp);
	part_kinsoku(&sp);

	/* Lay out once to collect every warning, then add the list of them and
	 * lay out again (the engine reports a character once, so the second
	 * pass adds no warnings for the same characters). */
	if (story_layout(sp.s, &doc, &engine_dl) != 0)
		goto out;
	dl_doc_free(doc);
	doc = NULL;
	part_warnings(&sp, &engine_dl);
	size_t before = engine_dl.count;
	if (story_layout(sp.s, &doc, &engine_dl) != 0)
		goto out;
	if (engine_dl.count != before)
		fprintf(stderr, "text_specimen: the second layout added %zu warnings "
				"(not in the list on the page)\n", engine_dl.count - before);
	if (pdf_write(doc, fs, argv[2], &dg) != 0)
		goto out;
	for (size_t i = 0; i < sp.n_rows; i++)
		for (size_t k = 0; k < sp.rows[i]->n; k++)
			if (sp.rows[i]->b[k].fit == TEXT_MUST_FIT && sp.rows[i]->b[k].used >= 0)
				fprintf(stderr, "text_specimen: TEXT_MUST_FIT box drew its text "
						"(returned %.1f)\n", (double)sp.rows[i]->b[k].used);
	fprintf(stderr, "text_specimen: wrote %s (%zu pages, %zu engine warnings, "
			"%zu kinsoku cases, %zu violations)\n", argv[2], doc->n_pages,
		engine_dl.count, N_KINSOKU, sp.violations);
	rc = 0;
out:
	fputs("text_specimen: engine warnings:\n", stderr);
	diag_print(&engine_dl, stderr);
	diag_print(&dg, stderr);
	dl_doc_free(doc);
	story_free(sp.s);
	spec_release(&sp);
	text_engine_free(te);
	fontset_free(fs);
	plan_free(p);
	diag_list_release(&engine_dl);
	diag_list_release(&dg);
	return rc;
}
