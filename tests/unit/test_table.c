/* test_table.c - tables laid out by the story: column widths, decimal
 * alignment, spans, header shading, and above all pagination: no row below
 * the body or over another row, header rows on every page, rows split
 * between lines, row-span groups kept together, spanning cells continued
 * and repeated.  Positions are read back from the display list. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cu_main.h"
#include "dl_read.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "layout.h"
#include "table.h"
#include "text.h"
#include "typesize.h"

/* the default cell size (table.h: TYPE.table) */
#define SZ TYPE.table

#ifndef FIXTURES
#define FIXTURES "tests/fixtures/layout/"
#endif

static struct fontset *fs;
static struct text_engine *te;
static struct diag_list dg;
static struct lay_setup ls;
static struct story *st;
static struct dl_doc *doc;

static void start(void)
{
	diag_list_init(&dg);
	fs = fontset_load(NULL, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fs);
	te = text_engine_new(fs, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(te);
	lay_setup_init(&ls, LAY_A4);
	ls.head_left = "計画";
	st = NULL;
	doc = NULL;
}

static void story(void)
{
	st = story_new(te, &ls);
}

static void layout(void)
{
	CU_ASSERT_EQUAL_FATAL(story_layout(st, &doc, &dg), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
}

static void stop(void)
{
	dl_doc_free(doc);
	story_free(st);
	text_engine_free(te);
	fontset_free(fs);
	diag_list_release(&dg);
}

#define NEAR(a, b, eps) CU_ASSERT_DOUBLE_EQUAL((a), (b), (eps))

/* ---- reading the display list back -------------------------------------- */

static struct dl_line *lines;
static size_t n_lines;

static void read_lines(void)
{
	free(lines);
	lines = dl_read_lines(te, doc, &n_lines);
}

static const struct dl_line *find_line(const char *text)
{
	for (size_t i = 0; i < n_lines; i++)
		if (!strcmp(lines[i].text, text))
			return &lines[i];
	return NULL;
}

static size_t count_lines(const char *text, size_t page)
{
	size_t n = 0;
	for (size_t i = 0; i < n_lines; i++)
		n += !strcmp(lines[i].text, text) &&
		     (page == SIZE_MAX || lines[i].page == page);
	return n;
}

static float body_bottom(void)
{
	struct lay_box b = lay_body(&ls);
	return b.y + b.h;
}

/* Stroked rectangles of a page (the cell borders). */
static size_t cell_rects(size_t page, const struct dl_item **out, size_t max)
{
	size_t n = 0;
	const struct dl_page *pg = &doc->pages[page];
	for (size_t i = 0; i < pg->n_items && n < max; i++)
		if (pg->items[i].kind == DL_RECT && pg->items[i].u.rect.stroke)
			out[n++] = &pg->items[i];
	return n;
}

/* ---- fixtures ----------------------------------------------------------- */

static char *fields[8];

static int split_tsv(char *line)
{
	int n = 0;
	char *p = line;
	fields[n++] = p;
	while ((p = strchr(p, '\t')) && n < 8) {
		*p++ = '\0';
		fields[n++] = p;
	}
	char *nl = strchr(fields[n - 1], '\n');
	if (nl)
		*nl = '\0';
	return n;
}

/* "\n" in a fixture field is a newline. */
static void unescape(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*o++ = '\n';
			s++;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

/* The 300-row fixture: 番号 | 区分 (spans 5 rows) | 内容 | 値 (decimal). */
static struct table *long_table(void)
{
	struct table *t = table_new(4, NULL);
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_FIXED,
						.width = LAY_MM(18)});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_FIXED,
						.width = LAY_MM(20),
						.valign = TEXT_MIDDLE});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_SHARE,
						.width = 1});
	table_set_col(t, 3, &(struct table_col){.width_kind = TABLE_AUTO,
						.align = TABLE_DECIMAL});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "番号");
	table_set(t, h, 1, "区分");
	table_set(t, h, 2, "内容");
	table_set(t, h, 3, "値");
	FILE *f = fopen(FIXTURES "long-table.tsv", "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#')
			continue;
		CU_ASSERT_EQUAL_FATAL(split_tsv(line), 4);
		unescape(fields[2]);
		size_t r = table_add_row(t, false);
		table_set(t, r, 0, fields[0]);
		if (*fields[1])
			table_set_cell(t, r, 1, &(struct table_cell){
						.text = fields[1], .rowspan = 5});
		table_set(t, r, 2, fields[2]);
		table_set(t, r, 3, fields[3]);
	}
	fclose(f);
	CU_ASSERT_EQUAL(table_rows(t), 301);
	return t;
}

/* The city plan's overview: 施策の柱 and 取組方針 span their initiatives,
 * 主な連携・協働先 spans the three ● columns. */
static size_t n_marks, n_initiatives;

static struct table *initiatives(void)
{
	struct table *t = table_new(6, NULL);
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE,
						.width = 1, .valign = TEXT_MIDDLE});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_SHARE,
						.width = 1.3f,
						.valign = TEXT_MIDDLE});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_SHARE,
						.width = 2.6f});
	for (int c = 3; c < 6; c++)
		table_set_col(t, (size_t)c,
			      &(struct table_col){.width_kind = TABLE_FIXED,
						  .width = LAY_MM(13),
						  .align = TABLE_CENTER,
						  .valign = TEXT_MIDDLE});
	size_t h0 = table_add_row(t, true), h1 = table_add_row(t, true);
	table_set_cell(t, h0, 0,
		       &(struct table_cell){.text = "施策の柱", .rowspan = 2});
	table_set_cell(t, h0, 1,
		       &(struct table_cell){.text = "取組方針", .rowspan = 2});
	table_set_cell(t, h0, 2,
		       &(struct table_cell){.text = "主な取組内容", .rowspan = 2});
	table_set_cell(t, h0, 3, &(struct table_cell){
					 .text = "主な連携・協働先", .colspan = 3});
	table_set(t, h1, 3, "関係\n機関");
	table_set(t, h1, 4, "民間");
	table_set(t, h1, 5, "大学等");
	FILE *f = fopen(FIXTURES "initiatives.tsv", "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	char line[4096], pillar[512] = "", dir[512] = "";
	size_t r_pillar = 0, r_dir = 0;
	int n_pillar = 0, n_dir = 0;
	n_marks = n_initiatives = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#')
			continue;
		CU_ASSERT_EQUAL_FATAL(split_tsv(line), 6);
		size_t r = table_add_row(t, false);
		if (strcmp(pillar, fields[0])) {
			if (n_pillar)
				table_set_cell(t, r_pillar, 0,
					       &(struct table_cell){
						       .text = pillar,
						       .rowspan = n_pillar});
			snprintf(pillar, sizeof pillar, "%s", fields[0]);
			r_pillar = r;
			n_pillar = 0;
		}
		if (strcmp(dir, fields[1])) {
			if (n_dir)
				table_set_cell(t, r_dir, 1,
					       &(struct table_cell){.text = dir,
								    .rowspan = n_dir});
			snprintf(dir, sizeof dir, "%s", fields[1]);
			r_dir = r;
			n_dir = 0;
		}
		n_pillar++;
		n_dir++;
		n_initiatives++;
		table_set(t, r, 2, fields[2]);
		for (size_t c = 0; c < 3; c++) {
			bool mark = fields[3 + c][0] == '1';
			table_set(t, r, 3 + c, mark ? "●" : NULL);
			n_marks += mark;
		}
	}
	fclose(f);
	table_set_cell(t, r_pillar, 0,
		       &(struct table_cell){.text = pillar, .rowspan = n_pillar});
	table_set_cell(t, r_dir, 1,
		       &(struct table_cell){.text = dir, .rowspan = n_dir});
	return t;
}

/* ---- pagination ---------------------------------------------------------- */

/* Nothing of the flow lies below the body: the only items under it are
 * the footers.  Texts are checked by their em box bottom (baseline plus a
 * descent of 0.12 em), rectangles and lines by their lower edge. */
static void check_nothing_below_body(void)
{
	float bottom = body_bottom();
	for (size_t p = 0; p < doc->n_pages; p++) {
		const struct dl_page *pg = &doc->pages[p];
		for (size_t i = 0; i < pg->n_items; i++) {
			const struct dl_item *it = &pg->items[i];
			float low = 0;
			if (it->kind == DL_TEXT) {
				/* the footer 「- n -」, in the middle of the
				 * bottom margin, maybe in several runs */
				if (it->u.text.y > bottom + 10 &&
				    strspn(it->u.text.utf8, "- 0123456789") ==
					    it->u.text.len)
					continue;
				low = it->u.text.y + 0.12f * it->u.text.size;
			} else if (it->kind == DL_RECT) {
				low = it->u.rect.y + it->u.rect.h;
			} else if (it->kind == DL_LINE) {
				low = fmaxf(it->u.line.y0, it->u.line.y1);
			} else {
				continue;
			}
			if (low > bottom + 0.01f) {
				CU_FAIL("an item lies below the body");
				fprintf(stderr, "\npage %zu item %zu kind %d bottom "
						"%.2f > %.2f\n",
					p, i, it->kind, (double)low, (double)bottom);
				return;
			}
		}
	}
}

/* Cell borders of one column never overlap on a page, and every text of
 * the table sits inside the cell of its column that holds its baseline. */
static void check_no_overlap(void)
{
	static const struct dl_item *r[4096];
	for (size_t p = 0; p < doc->n_pages; p++) {
		size_t n = cell_rects(p, r, 4096);
		for (size_t i = 0; i < n; i++) {
			for (size_t j = i + 1; j < n; j++) {
				const struct dl_item *a = r[i], *b = r[j];
				if (fabsf(a->u.rect.x - b->u.rect.x) > 0.01f)
					continue;
				float top = fmaxf(a->u.rect.y, b->u.rect.y);
				float bot = fminf(a->u.rect.y + a->u.rect.h,
						  b->u.rect.y + b->u.rect.h);
				if (bot - top > 0.01f) {
					CU_FAIL("two cells of a column overlap");
					fprintf(stderr,
						"\npage %zu: x %.1f y %.1f+%.1f and "
						"y %.1f+%.1f\n",
						p, (double)a->u.rect.x,
						(double)a->u.rect.y,
						(double)a->u.rect.h,
						(double)b->u.rect.y,
						(double)b->u.rect.h);
					return;
				}
			}
		}
		for (size_t k = 0; k < n_lines; k++) {
			const struct dl_line *l = &lines[k];
			if (l->page != p || l->size > SZ + 0.5f || l->y < lay_body(&ls).y ||
			    l->y > body_bottom() || !strcmp(l->text, "（続き）"))
				continue; /* table text: SZ pt, in the body */
			bool inside = false;
			for (size_t i = 0; i < n && !inside; i++) {
				const struct dl_item *a = r[i];
				inside = l->x >= a->u.rect.x &&
					 l->x_end <= a->u.rect.x + a->u.rect.w + 0.01f &&
					 l->y - 0.88f * l->size >= a->u.rect.y - 0.01f &&
					 l->y + 0.12f * l->size <=
						 a->u.rect.y + a->u.rect.h + 0.01f;
			}
			if (!inside) {
				CU_FAIL("a text of the table is outside its cell");
				fprintf(stderr, "\npage %zu: '%s' at %.1f,%.1f\n", p,
					l->text, (double)l->x, (double)l->y);
				return;
			}
		}
	}
}

static void long_table_stays_inside_the_body(void)
{
	start();
	ls.continued = "（続き）";
	story();
	story_heading(st, 1, "長い表");
	story_table(st, long_table());
	layout();
	read_lines();
	CU_ASSERT(doc->n_pages >= 10);
	check_nothing_below_body();
	check_no_overlap();
	/* every row is there once, and every line of the 20-line cells */
	char buf[64];
	for (int i = 1; i <= 300; i++) {
		snprintf(buf, sizeof buf, "行%d", i);
		CU_ASSERT_EQUAL(count_lines(buf, SIZE_MAX), 1);
		if (i % 13 == 0) {
			for (int k = 1; k <= 20; k++) {
				snprintf(buf, sizeof buf, "第%d行 行%d", k, i);
				CU_ASSERT_EQUAL(count_lines(buf, SIZE_MAX), 1);
			}
		}
	}
	/* a 20-line cell is shorter than a page: never split */
	for (int i = 13; i <= 300; i += 13) {
		snprintf(buf, sizeof buf, "第1行 行%d", i);
		const struct dl_line *a = find_line(buf);
		snprintf(buf, sizeof buf, "第20行 行%d", i);
		const struct dl_line *b = find_line(buf);
		CU_ASSERT_FATAL(a && b);
		CU_ASSERT_EQUAL(a->page, b->page);
	}
	stop();
}

static void header_repeats_on_every_page(void)
{
	start();
	ls.continued = "（続き）";
	story();
	story_table(st, long_table());
	layout();
	read_lines();
	for (size_t p = 0; p < doc->n_pages; p++) {
		CU_ASSERT_EQUAL(count_lines("番号", p), 1);
		CU_ASSERT_EQUAL(count_lines("内容", p), 1);
		CU_ASSERT_EQUAL(count_lines("（続き）", p), p > 0);
		/* the header is the first row of the page */
		float hy = 0;
		for (size_t k = 0; k < n_lines; k++)
			if (lines[k].page == p && !strcmp(lines[k].text, "番号"))
				hy = lines[k].y;
		for (size_t k = 0; k < n_lines; k++)
			if (lines[k].page == p && !strncmp(lines[k].text, "行", 3))
				CU_ASSERT(lines[k].y > hy);
	}
	/* header cells are shaded grey 0.85, under their text */
	const struct dl_page *pg = &doc->pages[1];
	bool shaded = false;
	for (size_t i = 0; i < pg->n_items; i++) {
		const struct dl_item *it = &pg->items[i];
		if (it->kind == DL_RECT && it->u.rect.fill) {
			NEAR(it->u.rect.fill_color.r, 0.85, 1e-6);
			CU_ASSERT(it->u.rect.fill_color.r == it->u.rect.fill_color.g);
			shaded = true;
		}
		if (it->kind == DL_TEXT && !strncmp(it->u.text.utf8, "番号", 6))
			CU_ASSERT(shaded);
	}
	CU_ASSERT(shaded);
	stop();
}

static void header_not_repeated_when_asked(void)
{
	start();
	story();
	struct table *t = table_new(1, &(struct table_style){
					       .no_repeat_header = true});
	table_set(t, table_add_row(t, true), 0, "見出し");
	for (int i = 0; i < 200; i++)
		table_set(t, table_add_row(t, false), 0, "本文の行");
	story_table(st, t);
	layout();
	read_lines();
	CU_ASSERT(doc->n_pages >= 2);
	CU_ASSERT_EQUAL(count_lines("見出し", SIZE_MAX), 1);
	CU_ASSERT_EQUAL(count_lines("本文の行", SIZE_MAX), 200);
	check_nothing_below_body();
	stop();
}

/* A header taller than the page: shown once, clipped, with a warning; the
 * body rows all follow, below the body's top on later pages. */
static void header_taller_than_a_page(void)
{
	start();
	story();
	struct table *t = table_new(1, NULL);
	char *big = malloc(80 * 24);
	big[0] = '\0';
	for (int k = 1; k <= 80; k++)
		sprintf(big + strlen(big), "%s見出し%d", k > 1 ? "\n" : "", k);
	table_set(t, table_add_row(t, true), 0, big);
	free(big);
	for (int i = 0; i < 30; i++)
		table_set(t, table_add_row(t, false), 0, "本文の行");
	story_table(st, t);
	layout();
	read_lines();
	CU_ASSERT_EQUAL(dg.warnings, 1);
	CU_ASSERT_EQUAL(count_lines("見出し1", SIZE_MAX), 1);
	CU_ASSERT_EQUAL(count_lines("本文の行", SIZE_MAX), 30);
	CU_ASSERT_EQUAL(count_lines("本文の行", 0), 0);
	bool push = false;
	for (size_t i = 0; i < doc->pages[0].n_items; i++)
		if (doc->pages[0].items[i].kind == DL_CLIP_PUSH) {
			push = true;
			NEAR(doc->pages[0].items[i].u.clip.y +
				     doc->pages[0].items[i].u.clip.h,
			     body_bottom(), 0.01);
		}
	CU_ASSERT(push);
	stop();
}

/* A row of 135 lines (about 1.6 pages) splits between lines: the first
 * part fills the page it starts on, every line is drawn once, in order. */
static void tall_row_splits_between_lines(void)
{
	start();
	story();
	struct table *t = table_new(2, NULL);
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_FIXED,
						.width = 60});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "項目");
	table_set(t, h, 1, "説明");
	table_set(t, table_add_row(t, false), 0, "前の行");
	table_set(t, table_add_row(t, false), 1, "前の行の説明");
	char *big = malloc(135 * 24);
	big[0] = '\0';
	for (int k = 1; k <= 135; k++)
		sprintf(big + strlen(big), "%s説明%d", k > 1 ? "\n" : "", k);
	size_t r = table_add_row(t, false);
	table_set(t, r, 0, "長い行");
	table_set(t, r, 1, big);
	free(big);
	table_set(t, table_add_row(t, false), 0, "後の行");
	story_table(st, t);
	layout();
	read_lines();
	check_nothing_below_body();
	check_no_overlap();
	size_t prev_page = 0;
	float prev_y = 0;
	char buf[32];
	for (int k = 1; k <= 135; k++) {
		snprintf(buf, sizeof buf, "説明%d", k);
		CU_ASSERT_EQUAL_FATAL(count_lines(buf, SIZE_MAX), 1);
		const struct dl_line *l = find_line(buf);
		CU_ASSERT(l->page > prev_page ||
			  (l->page == prev_page && l->y > prev_y));
		prev_page = l->page;
		prev_y = l->y;
	}
	/* it started on the first page, right under the rows before it */
	CU_ASSERT_EQUAL(find_line("説明1")->page, 0);
	CU_ASSERT_EQUAL(find_line("説明135")->page, 2);
	/* the part on page 0 reaches to within a line of the body's end */
	float pitch = SZ * 1.4f;
	float last0 = 0;
	for (size_t k = 0; k < n_lines; k++)
		if (lines[k].page == 0 && !strncmp(lines[k].text, "説明", 6))
			last0 = fmaxf(last0, lines[k].y);
	CU_ASSERT(body_bottom() - last0 < 2 * pitch);
	/* the row's other cell is repeated on the continuation pages */
	CU_ASSERT_EQUAL(count_lines("長い行", SIZE_MAX), 3);
	CU_ASSERT_EQUAL(find_line("後の行")->page, 2);
	stop();
}

/* A table that breaks leaves no row alone: not its first row at the foot
 * of a page (the table starts overleaf), not its last row - nor the last
 * row of a section under a full-width title row - at the head of the next
 * (the row before goes with it). */
/* A story of one opening line, then the room left on its page less
 * rows_here one-line rows of table t, then t; laid out and read back. */
static void table_at_foot(struct table *t, float rows_here)
{
	float row = SZ * 1.4f + 4;
	story();
	story_para_ex(st, &(struct lay_para){
				  .text = "冒頭",
				  .style = {.role = FONT_MINCHO, .size = 10.5f,
					    .line_height = 1.6f}});
	float room = body_bottom() - lay_body(&ls).y - 10.5f * 1.6f;
	story_space(st, room - rows_here * row);
	story_table(st, t);
	layout();
	read_lines();
	check_nothing_below_body();
}

static void a_break_leaves_no_row_alone(void)
{
	for (int variant = 0; variant < 3; variant++) {
		start();
		struct table *t = table_new(1, NULL);
		char buf[24];
		/* variant 0: room for 9 of 10 rows; 1: for 1 row and a half;
		 * 2: sections of 4 rows under title rows, room for all but the
		 * last row of the first */
		int n = variant == 2 ? 10 : 10;
		for (int k = 1; k <= n; k++) {
			if (variant == 2 && (k == 1 || k == 6))
				table_set_cell(t, table_add_row(t, false), 0,
					       &(struct table_cell){.text = k == 1 ? "部一" : "部二"});
			snprintf(buf, sizeof buf, "行%d", k);
			table_set(t, table_add_row(t, false), 0, buf);
		}
		table_at_foot(t, variant == 0 ? 9.5f : variant == 1 ? 1.5f : 5.5f);
		if (variant == 0) {
			CU_ASSERT_EQUAL(find_line("行8")->page, 0);
			CU_ASSERT_EQUAL(find_line("行9")->page, 1);
			CU_ASSERT_EQUAL(find_line("行10")->page, 1);
		} else if (variant == 1) {
			CU_ASSERT_EQUAL(find_line("行1")->page, 1);
		} else {
			/* 部一 and 行1..3 stay, 行4 and 行5 go over together */
			CU_ASSERT_EQUAL(find_line("行3")->page, 0);
			CU_ASSERT_EQUAL(find_line("行4")->page, 1);
			CU_ASSERT_EQUAL(find_line("行5")->page, 1);
		}
		stop();
	}
}

/* A short table - five rows, far less than a third of a page - is read
 * as one: with room for three of its rows at the foot of a page it starts
 * overleaf, whole (the council's 総括 table was split three and two). */
static void a_short_table_is_not_broken(void)
{
	start();
	struct table *t = table_new(1, NULL);
	char buf[24];
	for (int k = 1; k <= 5; k++) {
		snprintf(buf, sizeof buf, "行%d", k);
		table_set(t, table_add_row(t, false), 0, buf);
	}
	table_at_foot(t, 3.5f);
	for (int k = 1; k <= 5; k++) {
		snprintf(buf, sizeof buf, "行%d", k);
		CU_ASSERT_PTR_NOT_NULL_FATAL(find_line(buf));
		CU_ASSERT_EQUAL(find_line(buf)->page, 1);
	}
	stop();
}

/* However much room is left at the foot of the page, a split row puts
 * either none or at least two of its lines there: as the first row of a
 * table (variant 0), after other rows of its table (1), under a header
 * row that must stay with it (2). */
/* rows before it: about 650 pt of the 723 pt body */
#define N_BEFORE ((int)(650 / (SZ * 1.4f + 4)))

static void split_row_leaves_no_orphan_line(void)
{
	for (int variant = 0; variant < 3; variant++) {
		bool same_table = variant == 1, header = variant == 2;
		bool one_left = false;
		for (int pad = 0; pad < 60; pad += 3) {
			start();
			story();
			story_para_ex(st, &(struct lay_para){
						  .text = "冒頭",
						  .style = {.role = FONT_MINCHO,
							    .size = 10.5f,
							    .line_height = 1.6f}});
			story_space(st, (float)pad);
			struct table *t = table_new(1, NULL);
			for (int i = 0; i < N_BEFORE; i++)
				table_set(t, table_add_row(t, false), 0, "前");
			if (!same_table) {
				story_table(st, t);
				t = table_new(1, NULL);
			}
			if (header)
				table_set(t, table_add_row(t, true), 0, "見出し");
			char *big = malloc(80 * 16);
			big[0] = '\0';
			for (int k = 1; k <= 80; k++)
				sprintf(big + strlen(big), "%s説明%d", k > 1 ? "\n" : "", k);
			table_set(t, table_add_row(t, false), 0, big);
			free(big);
			story_table(st, t);
			layout();
			read_lines();
			size_t on0 = 0;
			char buf[24];
			for (int k = 1; k <= 80; k++) {
				snprintf(buf, sizeof buf, "説明%d", k);
				on0 += find_line(buf)->page == 0;
			}
			CU_ASSERT(on0 == 0 || on0 >= 2);
			if (header)
				CU_ASSERT_EQUAL(find_line("見出し")->page,
						find_line("説明1")->page);
			/* the room left would have held exactly one line; the
			 * gaps: max(space, 4) before the table, and 8 between
			 * two tables */
			float pitch = SZ * 1.4f;
			float used = 10.5f * 1.6f + fmaxf((float)pad, 4) +
				     N_BEFORE * (pitch + 4) + (same_table ? 0 : 8) +
				     (header ? pitch + 4 : 0);
			float room = body_bottom() - lay_body(&ls).y - used;
			one_left |= on0 == 0 && room >= pitch + 4 &&
				    room < 2 * pitch + 4;
			check_nothing_below_body();
			stop();
		}
		CU_ASSERT(one_left);
	}
}

/* A group of rows tied by a row span that does not fit the rest of the
 * page moves whole to the next page, whatever is above it. */
static void span_group_kept_together(void)
{
	for (int filler = 30; filler < 60; filler++) {
		start();
		story();
		struct table *t = table_new(2, NULL);
		table_set(t, table_add_row(t, true), 0, "方針");
		for (int i = 0; i < filler; i++)
			table_set(t, table_add_row(t, false), 1, "埋め草");
		size_t r = table_add_row(t, false);
		table_set_cell(t, r, 0,
			       &(struct table_cell){.text = "方針A", .rowspan = 6});
		char buf[32];
		for (int k = 0; k < 6; k++) {
			if (k)
				table_add_row(t, false);
			snprintf(buf, sizeof buf, "取組%d", k);
			table_set(t, r + (size_t)k, 1, buf);
		}
		story_table(st, t);
		layout();
		read_lines();
		size_t p = find_line("方針A")->page;
		for (int k = 0; k < 6; k++) {
			snprintf(buf, sizeof buf, "取組%d", k);
			CU_ASSERT_EQUAL(find_line(buf)->page, p);
		}
		CU_ASSERT_EQUAL(count_lines("方針A", SIZE_MAX), 1);
		check_nothing_below_body();
		check_no_overlap();
		stop();
	}
}

/* A span group taller than a page breaks between its rows; the short
 * spanning text is repeated on each page of the span. */
static void long_span_repeats_its_text(void)
{
	start();
	story();
	struct table *t = table_new(2, NULL);
	table_set(t, table_add_row(t, true), 0, "方針");
	size_t r0 = table_add_row(t, false);
	table_set_cell(t, r0, 0,
		       &(struct table_cell){.text = "方針A", .rowspan = 120});
	char buf[32];
	for (int k = 0; k < 120; k++) {
		if (k)
			table_add_row(t, false);
		snprintf(buf, sizeof buf, "取組%d", k);
		table_set(t, r0 + (size_t)k, 1, buf);
	}
	story_table(st, t);
	layout();
	read_lines();
	CU_ASSERT(doc->n_pages >= 3);
	for (size_t p = 0; p < doc->n_pages; p++)
		CU_ASSERT_EQUAL(count_lines("方針A", p), 1);
	for (int k = 0; k < 120; k++) {
		snprintf(buf, sizeof buf, "取組%d", k);
		CU_ASSERT_EQUAL(count_lines(buf, SIZE_MAX), 1);
	}
	check_nothing_below_body();
	check_no_overlap();
	stop();
}

/* A spanning cell with more lines than its rows and than a page: its
 * text continues over the pages, nothing is lost, the last row grows. */
static void long_spanning_text_continues(void)
{
	start();
	story();
	struct table *t = table_new(2, NULL);
	table_set(t, table_add_row(t, true), 0, "方針");
	char *big = malloc(100 * 24);
	big[0] = '\0';
	for (int k = 1; k <= 100; k++)
		sprintf(big + strlen(big), "%s方針の説明%d", k > 1 ? "\n" : "", k);
	size_t r0 = table_add_row(t, false);
	table_set_cell(t, r0, 0, &(struct table_cell){.text = big, .rowspan = 3});
	free(big);
	for (int k = 0; k < 3; k++) {
		if (k)
			table_add_row(t, false);
		table_set(t, r0 + (size_t)k, 1, "取組");
	}
	table_set(t, table_add_row(t, false), 1, "次の行");
	story_table(st, t);
	layout();
	read_lines();
	char buf[32];
	size_t prev = 0;
	for (int k = 1; k <= 100; k++) {
		snprintf(buf, sizeof buf, "方針の説明%d", k);
		CU_ASSERT_EQUAL_FATAL(count_lines(buf, SIZE_MAX), 1);
		CU_ASSERT(find_line(buf)->page >= prev);
		prev = find_line(buf)->page;
	}
	/* the last row continues with the spanning text, its own cell
	 * (complete) repeated on the pages it continues on */
	size_t last_page = find_line("方針の説明100")->page;
	CU_ASSERT(last_page >= 1);
	CU_ASSERT_EQUAL(count_lines("取組", 0), 3);
	CU_ASSERT_EQUAL(count_lines("取組", SIZE_MAX), 3 + last_page);
	/* the next row comes after the whole text */
	const struct dl_line *next = find_line("次の行");
	const struct dl_line *last = find_line("方針の説明100");
	CU_ASSERT(next->page > last->page ||
		  (next->page == last->page && next->y > last->y));
	check_nothing_below_body();
	check_no_overlap();
	stop();
}

/* ---- the city plan's overview --------------------------------------------- */

static void initiatives_table_spans_and_marks(void)
{
	start();
	ls.continued = "（続き）";
	ls.body_size = 10.5f;
	story();
	/* two copies make it long enough to cross pages twice */
	story_table(st, initiatives());
	story_table(st, initiatives());
	layout();
	read_lines();
	CU_ASSERT(doc->n_pages >= 3);
	check_nothing_below_body();
	check_no_overlap();
	size_t marks = 0;
	for (size_t k = 0; k < n_lines; k++)
		marks += !strcmp(lines[k].text, "●");
	CU_ASSERT_EQUAL(marks, 2 * n_marks);
	for (size_t p = 0; p < doc->n_pages; p++) {
		CU_ASSERT(count_lines("主な取組内容", p) >= 1);
		CU_ASSERT(count_lines("主な連携・協働先", p) >= 1);
	}
	CU_ASSERT_EQUAL(n_initiatives, 35);
	CU_ASSERT_EQUAL(count_lines("企業立地の受入体制・環境の拡充", SIZE_MAX), 2);

	/* 主な連携・協働先 spans the three 13 mm columns, each ● centred in
	 * its column under it */
	const struct dl_item *r[512];
	size_t n = cell_rects(0, r, 512);
	const struct dl_line *head = find_line("主な連携・協働先");
	const struct dl_item *span = NULL;
	for (size_t i = 0; i < n; i++)
		if (r[i]->u.rect.x <= head->x && head->x_end <= r[i]->u.rect.x + r[i]->u.rect.w &&
		    r[i]->u.rect.y < head->y && head->y < r[i]->u.rect.y + r[i]->u.rect.h)
			span = r[i];
	CU_ASSERT_PTR_NOT_NULL_FATAL(span);
	NEAR(span->u.rect.w, 3 * LAY_MM(13), 0.01);
	struct lay_box body = lay_body(&ls);
	NEAR(span->u.rect.x + span->u.rect.w, body.x + body.w, 0.01);
	NEAR((head->x + head->x_end) / 2, span->u.rect.x + span->u.rect.w / 2, 0.05);
	for (size_t k = 0; k < n_lines; k++) {
		if (strcmp(lines[k].text, "●") || lines[k].page != 0)
			continue;
		float mid = (lines[k].x + lines[k].x_end) / 2;
		float rel = mid - span->u.rect.x;
		float col = LAY_MM(13);
		float centre = ((float)(int)(rel / col) + 0.5f) * col;
		NEAR(rel, centre, 0.05);
	}
	/* the two-line header cell of the ● column */
	CU_ASSERT(count_lines("関係", 0) == 1 && count_lines("機関", 0) == 1);
	stop();
}

/* ---- columns and cells ----------------------------------------------------- */

static float rect_width_at(size_t page, float x, float y)
{
	const struct dl_item *r[512];
	size_t n = cell_rects(page, r, 512);
	for (size_t i = 0; i < n; i++)
		if (r[i]->u.rect.x <= x && x < r[i]->u.rect.x + r[i]->u.rect.w &&
		    r[i]->u.rect.y <= y && y < r[i]->u.rect.y + r[i]->u.rect.h)
			return r[i]->u.rect.w;
	return -1;
}

static void column_widths(void)
{
	start();
	story();
	struct table *t = table_new(5, NULL);
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_FIXED,
						.width = LAY_MM(25)});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_SHARE,
						.width = 1});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_SHARE,
						.width = 3});
	table_set_col(t, 3, &(struct table_col){.width_kind = TABLE_AUTO});
	table_set_col(t, 4, &(struct table_col){.width_kind = TABLE_AUTO,
						.max = 40});
	size_t r = table_add_row(t, false);
	table_set(t, r, 0, "固定");
	table_set(t, r, 1, "比例1");
	table_set(t, r, 2, "比例3");
	table_set(t, r, 3, "自動の幅");   /* 4 ems at SZ pt, + 6 pt */
	table_set(t, r, 4, "上限のある自動の幅"); /* capped at 40 pt */
	story_table(st, t);
	layout();
	read_lines();
	const struct dl_line *l[5] = {find_line("固定"), find_line("比例1"),
				    find_line("比例3"), find_line("自動の幅"),
				    NULL};
	float w[5];
	for (int c = 0; c < 4; c++) {
		CU_ASSERT_PTR_NOT_NULL_FATAL(l[c]);
		w[c] = rect_width_at(0, l[c]->x, l[c]->y);
	}
	NEAR(w[0], LAY_MM(25), 0.01);
	NEAR(w[2], 3 * w[1], 0.01);
	NEAR(w[3], 4 * SZ + 6, 0.02); /* (+ 0.01: size_columns' slack) */
	/* the capped column wraps its text within 40 pt */
	const struct dl_line *first = NULL;
	for (size_t k = 0; k < n_lines; k++)
		if (!strncmp(lines[k].text, "上限", 6))
			first = &lines[k];
	CU_ASSERT_PTR_NOT_NULL_FATAL(first);
	w[4] = rect_width_at(0, first->x, first->y);
	NEAR(w[4], 40, 0.01);
	struct lay_box body = lay_body(&ls);
	NEAR(w[0] + w[1] + w[2] + w[3] + w[4], body.w, 0.01);
	stop();
}

/* Auto columns alone fill the width in proportion to their content; a
 * table narrower than the body (style width) is centred. */
static void auto_columns_fill_and_narrow_tables_centre(void)
{
	start();
	story();
	struct table *t = table_new(2, &(struct table_style){.width = 200});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_AUTO});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_AUTO});
	size_t r = table_add_row(t, false);
	table_set(t, r, 0, "あ");       /* SZ + 6 */
	table_set(t, r, 1, "あいうえ"); /* 4 SZ + 6 */
	story_table(st, t);
	layout();
	read_lines();
	float w0 = rect_width_at(0, find_line("あ")->x, find_line("あ")->y);
	float w1 = rect_width_at(0, find_line("あいうえ")->x, find_line("あいうえ")->y);
	NEAR(w0 + w1, 200, 0.01);
	NEAR(w1 / w0, (4 * SZ + 6) / (SZ + 6), 0.01);
	struct lay_box body = lay_body(&ls);
	const struct dl_item *rr[8];
	CU_ASSERT_EQUAL_FATAL(cell_rects(0, rr, 8), 2);
	NEAR(rr[0]->u.rect.x, body.x + (body.w - 200) / 2, 0.01);
	stop();
}

/* Numbers line up on their decimal point; integers end at it; a text
 * without digits (―) ends at it too; the column is right-aligned. */
static void decimal_alignment(void)
{
	static const char *const vals[] = {"65.1％", "1,200", "3.25",
					   "―", "27,300事業所", "１２．５"};
	static const size_t int_len[] = {2, 5, 1, 3, 6, 6};
	start();
	story();
	struct table *t = table_new(2, NULL);
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_FIXED,
						.width = 120,
						.align = TABLE_DECIMAL});
	table_set(t, table_add_row(t, true), 1, "値");
	for (size_t i = 0; i < 6; i++)
		table_set(t, table_add_row(t, false), 1, vals[i]);
	story_table(st, t);
	layout();
	read_lines();
	float point = -1, right = 0;
	for (size_t i = 0; i < 6; i++) {
		const struct dl_line *l = find_line(vals[i]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(l);
		float p = l->x + text_width(te, FONT_GOTHIC, SZ, vals[i],
					    int_len[i], NULL, NULL);
		if (point < 0)
			point = p;
		NEAR(p, point, 0.01);
		if (l->x_end > right)
			right = l->x_end;
	}
	/* the widest block ends at the cell's padding */
	struct lay_box body = lay_body(&ls);
	NEAR(right, body.x + body.w - 3, 0.05);
	/* the header is centred, not decimal-aligned */
	const struct dl_line *h = find_line("値");
	NEAR((h->x + h->x_end) / 2, body.x + body.w - 60, 0.05);
	stop();
}

static void vertical_alignment(void)
{
	start();
	story();
	struct table *t = table_new(4, NULL);
	table_set_col(t, 1, &(struct table_col){.valign = TEXT_MIDDLE});
	table_set_col(t, 2, &(struct table_col){.valign = TEXT_BOTTOM});
	size_t r = table_add_row(t, false);
	table_set(t, r, 0, "上");
	table_set(t, r, 1, "中");
	table_set(t, r, 2, "下");
	table_set_cell(t, r, 3, &(struct table_cell){.text = "一\n二\n三",
						     .valign_set = true,
						     .valign = TEXT_TOP});
	story_table(st, t);
	layout();
	read_lines();
	float top = find_line("上")->y, mid = find_line("中")->y,
	      bot = find_line("下")->y;
	float pitch = SZ * 1.4f;
	NEAR(top, find_line("一")->y, 0.01);
	NEAR(mid - top, pitch, 0.01);
	NEAR(bot - top, 2 * pitch, 0.01);
	NEAR(find_line("三")->y, bot, 0.01);
	stop();
}

static void bad_spans_are_clamped_with_a_warning(void)
{
	start();
	story();
	struct table *t = table_new(3, NULL);
	size_t r = table_add_row(t, false);
	table_add_row(t, false);
	table_set_cell(t, r, 0, &(struct table_cell){.text = "広すぎ",
						     .colspan = 9, .rowspan = 9});
	table_set(t, r + 1, 1, "隠れる");
	story_table(st, t);
	layout();
	read_lines();
	CU_ASSERT(dg.warnings >= 2);
	CU_ASSERT_PTR_NOT_NULL(find_line("広すぎ"));
	CU_ASSERT_PTR_NULL(find_line("隠れる"));
	const struct dl_item *rr[8];
	CU_ASSERT_EQUAL(cell_rects(0, rr, 8), 1);
	stop();
}

/* Layout work is linear: 10 times the rows, 10 times the work the table
 * code does (table_work: the grid positions and page slices it visits, a
 * count that does not depend on the machine's load, as CPU time would),
 * within a tenth; and 10 times the pages and items (within a page's
 * rounding), which alone would let a quadratic algorithm pass.  (A loop
 * over the rows before each row, added to table_place, makes the count
 * grow 64 times.) */
static void work_grows_linearly(void)
{
	size_t pages[2], items[2], work[2];
	for (int k = 0; k < 2; k++) {
		start();
		story();
		struct table *t = table_new(6, NULL);
		for (int i = 0; i < (k ? 2200 : 220); i++) {
			size_t r = table_add_row(t, false);
			table_set(t, r, 0, "市内就業人口１人当たりの総生産");
			table_set(t, r, 1, "6,534千円（H29）");
			table_set(t, r, 2, "6,897千円");
			table_set(t, r, 3, "7,809千円");
			table_set(t, r, 4, "28.5％");
			table_set(t, r, 5, "C");
		}
		story_table(st, t);
		layout();
		work[k] = table_work(t);
		pages[k] = doc->n_pages;
		items[k] = 0;
		for (size_t p = 0; p < doc->n_pages; p++)
			items[k] += doc->pages[p].n_items;
		stop();
	}
	fprintf(stderr, " (work %zu -> %zu) ", work[0], work[1]);
	CU_ASSERT(work[0] >= 220 * 6); /* every cell at least once */
	CU_ASSERT(work[1] >= 9 * work[0] && work[1] <= 11 * work[0]);
	CU_ASSERT(pages[1] >= 10 * pages[0] - 10 && pages[1] <= 10 * pages[0]);
	CU_ASSERT(items[1] >= 9 * items[0] && items[1] <= 11 * items[0]);
}

/* The same with row-span groups of 30 rows, longer than a page: the
 * placing looks back over the page's slices of a span, which must not
 * become a look back over the whole table. */
static void work_grows_linearly_with_spans(void)
{
	size_t work[2], pages[2];
	for (int k = 0; k < 2; k++) {
		start();
		story();
		struct table *t = table_new(3, NULL);
		for (int i = 0; i < (k ? 3000 : 300); i++) {
			size_t r = table_add_row(t, false);
			if (i % 30 == 0)
				table_set_cell(t, r, 0, &(struct table_cell){
					.text = "施策の柱① 新たな産業の創出", .rowspan = 30});
			table_set(t, r, 1, "新たな事業展開に取り組む事業者数");
			table_set(t, r, 2, "123事業者");
		}
		story_table(st, t);
		layout();
		work[k] = table_work(t);
		pages[k] = doc->n_pages;
		stop();
	}
	fprintf(stderr, " (work %zu -> %zu, pages %zu -> %zu) ", work[0],
		work[1], pages[0], pages[1]);
	CU_ASSERT(pages[0] >= 5); /* the spans cross pages */
	CU_ASSERT(work[0] >= 300 * 3);
	CU_ASSERT(work[1] >= 9 * work[0] && work[1] <= 11 * work[0]);
}

static const struct cu_case cases[] = {
	{"300-row table with 20-line cells stays inside the body, no overlap",
	 long_table_stays_inside_the_body},
	{"header rows repeat on every page, shaded grey 0.85",
	 header_repeats_on_every_page},
	{"header rows not repeated when asked", header_not_repeated_when_asked},
	{"a header taller than a page is clipped, not repeated",
	 header_taller_than_a_page},
	{"a row taller than a page splits between lines",
	 tall_row_splits_between_lines},
	{"a table break leaves no row alone on either side",
	 a_break_leaves_no_row_alone},
	{"a short table is not broken", a_short_table_is_not_broken},
	{"a split row leaves no single line at the foot of a page",
	 split_row_leaves_no_orphan_line},
	{"a row-span group that fits a page is kept together",
	 span_group_kept_together},
	{"a span longer than a page repeats its text on each page",
	 long_span_repeats_its_text},
	{"a spanning text longer than a page continues, nothing lost",
	 long_spanning_text_continues},
	{"initiatives table: spans, ● marks, repeated headers",
	 initiatives_table_spans_and_marks},
	{"column widths: fixed mm, shares, auto within limits", column_widths},
	{"auto columns fill; a narrow table is centred",
	 auto_columns_fill_and_narrow_tables_centre},
	{"numbers align on the decimal point", decimal_alignment},
	{"vertical alignment in cells", vertical_alignment},
	{"bad spans are clamped with a warning",
	 bad_spans_are_clamped_with_a_warning},
	{"layout work grows linearly with rows", work_grows_linearly},
	{"layout work grows linearly with row-span groups",
	 work_grows_linearly_with_spans},
	{NULL, NULL},
};

CU_MAIN("table", cases)
