/* test_layout.c - pages and the flow: paper sizes, margins and binding,
 * running head, footer and page labels, the 資料番号 box, the 「案」
 * watermark, keep with next, widows and orphans, fixed blocks, keep
 * groups, page breaks, the 目次 and its page numbers, the outline, the
 * document information - and one real PDF through pdf_write.  Positions
 * are read back from the display list. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu_main.h"
#include "dl_read.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "layout.h"
#include "render.h"
#include "table.h"
#include "text.h"
#include "typesize.h"

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

static const struct dl_line *find_on(const char *text, size_t page)
{
	for (size_t i = 0; i < n_lines; i++)
		if (lines[i].page == page && !strcmp(lines[i].text, text))
			return &lines[i];
	return NULL;
}

/* The section named by the running head of page p (its right part,
 * above the body), "" when none. */
static const char *running_on(size_t page)
{
	struct lay_box b = lay_body(&ls);
	for (size_t i = 0; i < n_lines; i++)
		if (lines[i].page == page && lines[i].y < b.y &&
		    fabsf(lines[i].x_end - (b.x + b.w)) < 0.05f)
			return lines[i].text;
	return "";
}

/* Lines of page p whose text starts with prefix. */
static size_t count_prefix(const char *prefix, size_t page)
{
	size_t n = 0;
	for (size_t i = 0; i < n_lines; i++)
		n += lines[i].page == page &&
		     !strncmp(lines[i].text, prefix, strlen(prefix));
	return n;
}

static struct lay_box body(void)
{
	return lay_body(&ls);
}

/* The last line of the flow on page p (below the running head, above the
 * footer). */
static const struct dl_line *last_flow_line(size_t page)
{
	const struct dl_line *last = NULL;
	struct lay_box b = body();
	for (size_t i = 0; i < n_lines; i++)
		if (lines[i].page == page && lines[i].y > b.y &&
		    lines[i].y < b.y + b.h && (!last || lines[i].y > last->y))
			last = &lines[i];
	return last;
}

/* n single-line paragraphs "埋め草k" (not indented, not justified). */
static void filler(int n)
{
	char buf[32];
	for (int k = 0; k < n; k++) {
		snprintf(buf, sizeof buf, "埋め草%d", k);
		story_para_ex(st, &(struct lay_para){
					  .text = buf,
					  .style = {.role = FONT_MINCHO,
						    .size = 10.5f,
						    .line_height = 1.6f}});
	}
}

/* A paragraph of n lines "段落k" (explicit line ends). */
static void para_lines(const char *tag, int n)
{
	char buf[4096] = "";
	for (int k = 1; k <= n; k++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s%d",
			 k > 1 ? "\n" : "", tag, k);
	story_para_ex(st, &(struct lay_para){
				  .text = buf,
				  .style = {.role = FONT_MINCHO, .size = 10.5f,
					    .line_height = 1.6f}});
}

/* ---- paper, margins, furniture ------------------------------------------- */

static void paper_sizes(void)
{
	start();
	ls.paper = LAY_A3_LANDSCAPE;
	story();
	story_para(st, "Ａ３横");
	layout();
	CU_ASSERT_EQUAL(doc->n_pages, 1);
	NEAR(doc->pages[0].width, 1190.55, 0.005);
	NEAR(doc->pages[0].height, 841.89, 0.005);
	struct lay_box b = body();
	NEAR(b.w, 1190.55 - 2 * 20 * 72 / 25.4, 0.01);
	dl_doc_free(doc);
	story_free(st);
	lay_setup_init(&ls, LAY_A4);
	story();
	story_para(st, "Ａ４縦");
	layout();
	NEAR(doc->pages[0].width, 595.28, 0.005);
	NEAR(doc->pages[0].height, 841.89, 0.005);
	stop();
}

static void margins_and_binding(void)
{
	static const struct text_style plain = {.role = FONT_MINCHO, .size = 10};
	float x[2], w[2];
	for (int k = 0; k < 2; k++) {
		start();
		ls.margin_left = 25;
		ls.margin_top = 30;
		ls.binding = k ? 10 : 0;
		story();
		story_para_ex(st, &(struct lay_para){.text = "左端", .style = plain});
		story_para_ex(st, &(struct lay_para){
					  .text = "右端",
					  .style = {.role = FONT_MINCHO, .size = 10,
						    .align = TEXT_RIGHT}});
		layout();
		read_lines();
		x[k] = find_line("左端")->x;
		w[k] = find_line("右端")->x_end - x[k];
		/* the first line's em box starts at the top margin */
		float pitch = 10 * 1.5f;
		float top = find_line("左端")->y - (pitch - 10) / 2 - 0.88f * 10;
		NEAR(top, LAY_MM(30), 0.2);
		stop();
	}
	NEAR(x[0], LAY_MM(25), 0.01);
	NEAR(x[1], LAY_MM(35), 0.01);
	NEAR(w[0] - w[1], LAY_MM(10), 0.01);
	NEAR(x[0] + w[0], 595.28 - LAY_MM(20), 0.01);
}

static void cover_labels_head_and_footer(void)
{
	start();
	ls.head_left = "第2期鹿児島市商工業振興プラン";
	story();
	story_para(st, "表紙の題");
	story_cover_end(st);
	story_heading(st, 1, "１ 施策の柱①");
	story_page_break(st);
	story_para(st, "続き");
	story_heading_ex(st, &(struct lay_heading){.level = 1,
						   .title = "２ 施策の柱② 長い題",
						   .running = "施策の柱②"});
	story_heading(st, 1, "３ 施策の柱③");
	story_page_break(st);
	story_para(st, "三の続き");
	story_page_break(st);
	story_heading_ex(st, &(struct lay_heading){.level = 1,
						   .title = "４ 施策の柱④ 長い題",
						   .running = "施策の柱④"});
	story_para(st, "四の本文");
	layout();
	read_lines();
	CU_ASSERT_EQUAL_FATAL(doc->n_pages, 5);
	/* page 3: no heading of its own; the last section of page 2 */
	CU_ASSERT_PTR_NOT_NULL(find_on("３ 施策の柱③", 3));
	CU_ASSERT_PTR_NULL(find_on("施策の柱②", 3));
	/* labels: cover "", then numbered (NULL) */
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc->pages[0].label);
	CU_ASSERT_STRING_EQUAL(doc->pages[0].label, "");
	CU_ASSERT_PTR_NULL(doc->pages[1].label);
	CU_ASSERT_PTR_NULL(doc->pages[2].label);
	/* the cover has neither head nor footer */
	CU_ASSERT_PTR_NULL(find_on("第2期鹿児島市商工業振興プラン", 0));
	CU_ASSERT_EQUAL(count_prefix("- ", 0), 0);
	/* footers count from the first page after the cover, centred in the
	 * bottom margin */
	const struct dl_line *f1 = find_on("- 1 -", 1), *f2 = find_on("- 2 -", 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(f2);
	struct lay_box b = body();
	NEAR((f1->x + f1->x_end) / 2, b.x + b.w / 2, 0.05);
	CU_ASSERT(f1->y > b.y + b.h && f1->y < 841.89);
	/* running head: plan name left, section right, above the body */
	const struct dl_line *h1 = find_on("第2期鹿児島市商工業振興プラン", 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(h1);
	NEAR(h1->x, b.x, 0.01);
	CU_ASSERT(h1->y < b.y);
	const struct dl_line *s1 = NULL;
	for (size_t i = 0; i < n_lines; i++)
		if (lines[i].page == 1 && lines[i].size < TYPE.running_head + 0.5f &&
		    !strcmp(lines[i].text, "１ 施策の柱①"))
			s1 = &lines[i];
	CU_ASSERT_PTR_NOT_NULL_FATAL(s1);
	CU_ASSERT(s1->y < b.y);
	NEAR(s1->x_end, b.x + b.w, 0.05);
	/* page 2 opens with the end of section 1 and starts 2 and 3 below
	 * it: the head names the section in force at its top */
	CU_ASSERT_STRING_EQUAL(running_on(2), "１ 施策の柱①");
	CU_ASSERT_STRING_EQUAL(running_on(3), "３ 施策の柱③");
	/* page 4 opens with its own heading: its running text */
	CU_ASSERT_STRING_EQUAL(running_on(4), "施策の柱④");
	/* a rule under the head on numbered pages only */
	int rules[3] = {0};
	for (size_t p = 0; p < 3; p++)
		for (size_t i = 0; i < doc->pages[p].n_items; i++) {
			const struct dl_item *it = &doc->pages[p].items[i];
			rules[p] += it->kind == DL_LINE && it->u.line.y0 < b.y &&
				    it->u.line.y0 == it->u.line.y1;
		}
	CU_ASSERT_EQUAL(rules[0], 0);
	CU_ASSERT_EQUAL(rules[1], 1);
	stop();
}

static void doc_number_box_on_the_first_page(void)
{
	start();
	ls.doc_number = "資料１";
	ls.head_left = "計画";
	story();
	story_para(st, "一枚目");
	story_page_break(st);
	story_para(st, "二枚目");
	layout();
	read_lines();
	CU_ASSERT_EQUAL_FATAL(doc->n_pages, 2);
	const struct dl_line *t = find_line("資料１");
	CU_ASSERT_PTR_NOT_NULL_FATAL(t);
	CU_ASSERT_EQUAL(t->page, 0);
	/* a stroked box around it, flush with the body's right edge, above
	 * the body */
	struct lay_box b = body();
	const struct dl_item *box = NULL;
	for (size_t i = 0; i < doc->pages[0].n_items; i++) {
		const struct dl_item *it = &doc->pages[0].items[i];
		if (it->kind == DL_RECT && it->u.rect.stroke)
			box = it;
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(box);
	NEAR(box->u.rect.x + box->u.rect.w, b.x + b.w, 0.01);
	CU_ASSERT(box->u.rect.y + box->u.rect.h <= b.y);
	CU_ASSERT(box->u.rect.x < t->x && t->x_end < box->u.rect.x + box->u.rect.w);
	CU_ASSERT(box->u.rect.y < t->y - 0.88f * t->size &&
		  t->y < box->u.rect.y + box->u.rect.h);
	/* the box takes the running head's place on page 1 only */
	CU_ASSERT_PTR_NULL(find_on("計画", 0));
	CU_ASSERT_PTR_NOT_NULL(find_on("計画", 1));
	CU_ASSERT_PTR_NULL(find_on("資料１", 1));
	CU_ASSERT_PTR_NOT_NULL(find_on("- 1 -", 0));
	stop();
}

static void draft_watermark_under_the_content(void)
{
	for (int draft = 0; draft < 2; draft++) {
		start();
		ls.draft = draft;
		story();
		story_para(st, "本文");
		story_page_break(st);
		story_para(st, "本文");
		layout();
		read_lines();
		CU_ASSERT_EQUAL(doc->draft, draft);
		for (size_t p = 0; p < doc->n_pages; p++) {
			const struct dl_line *m = find_on("案", p);
			if (!draft) {
				CU_ASSERT_PTR_NULL(m);
				continue;
			}
			CU_ASSERT_PTR_NOT_NULL_FATAL(m);
			/* first item of the page: everything paints over it */
			CU_ASSERT_EQUAL(m->item, 0);
			/* opaque light grey, large, centred on the body */
			CU_ASSERT(m->color.r == m->color.g && m->color.g == m->color.b);
			CU_ASSERT(m->color.r >= 0.8f && m->color.r < 1);
			CU_ASSERT(m->size >= 200);
			struct lay_box b = body();
			NEAR((m->x + m->x_end) / 2, b.x + b.w / 2, 0.05);
		}
		stop();
	}
}

/* ---- the flow -------------------------------------------------------------- */

/* For every amount of filler above it, a heading is on the page of the
 * first line of its paragraph, and at least once it had to move. */
static void heading_keeps_with_next(void)
{
	bool moved = false;
	for (int n = 30; n < 50; n++) {
		start();
		story();
		filler(n);
		story_heading(st, 2, "見出し");
		para_lines("段落", 6);
		layout();
		read_lines();
		const struct dl_line *h = find_line("見出し");
		const struct dl_line *p = find_line("段落1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(h);
		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
		CU_ASSERT_EQUAL(h->page, p->page);
		CU_ASSERT(p->y > h->y);
		/* never the last thing on a page */
		CU_ASSERT(last_flow_line(h->page) != h);
		/* moved although it alone (12 pt before, 16.8 pt tall) would
		 * have fitted under the filler of page 0 */
		const struct dl_line *l0 = last_flow_line(0);
		if (h->page == 1 && !strncmp(l0->text, "埋め草", 9))
			moved |= body().y + body().h - l0->y > 40;
		stop();
	}
	CU_ASSERT(moved);
}

/* Two headings in a row travel together with the paragraph's first lines. */
static void heading_chain_keeps_together(void)
{
	for (int n = 36; n < 46; n++) {
		start();
		story();
		filler(n);
		story_heading(st, 1, "章");
		story_heading(st, 2, "節");
		para_lines("段落", 5);
		layout();
		read_lines();
		size_t p = find_line("段落1")->page;
		CU_ASSERT_EQUAL(find_line("章")->page, p);
		CU_ASSERT_EQUAL(find_line("節")->page, p);
		stop();
	}
}

/* A paragraph splits between lines but never leaves one line alone at
 * the foot or the head of a page; 3 lines never split; nothing goes below
 * the body. */
static void widows_and_orphans(void)
{
	bool split = false;
	for (int len = 2; len <= 8; len++) {
		for (int n = 38; n < 46; n++) {
			start();
			story();
			filler(n);
			/* an offset that is not a multiple of the line pitch */
			story_space(st, (float)((n * 7 + len * 3) % 17));
			para_lines("行", len);
			layout();
			read_lines();
			size_t per_page[4] = {0};
			float pitch = 10.5f * 1.6f;
			for (int k = 1; k <= len; k++) {
				char buf[16];
				snprintf(buf, sizeof buf, "行%d", k);
				const struct dl_line *l = find_line(buf);
				CU_ASSERT_PTR_NOT_NULL_FATAL(l);
				CU_ASSERT_FATAL(l->page < 4);
				per_page[l->page]++;
				/* the whole line box is inside the body */
				float box_top = l->y - 0.88f * l->size -
						(pitch - l->size) / 2;
				CU_ASSERT(box_top + pitch <= body().y + body().h + 0.05f);
				CU_ASSERT(box_top >= body().y - 0.05f);
			}
			size_t pages = 0;
			for (int p = 0; p < 4; p++) {
				if (!per_page[p])
					continue;
				pages++;
				CU_ASSERT(per_page[p] >= 2);
			}
			if (len <= 3)
				CU_ASSERT_EQUAL(pages, 1);
			split |= pages > 1;
			stop();
		}
	}
	CU_ASSERT(split);
}

struct drawn {
	int calls;
	size_t page;
	float x, y, w, h;
};

static void draw_box(struct dl_doc *d, struct dl_page *p, float x, float y,
		     float w, float h, void *ctx)
{
	struct drawn *dr = ctx;
	dr->calls++;
	dr->page = (size_t)(p - d->pages);
	dr->x = x;
	dr->y = y;
	dr->w = w;
	dr->h = h;
	struct dl_stroke s = dl_stroke_solid(1, DL_BLACK);
	dl_rect(p, x, y, w, h, NULL, &s);
}

/* A note kept with the block before it (lay_para.keep_with_prev) never
 * opens a page: when it does not fit under its chart, the chart moves to
 * the next page with it. */
static void note_stays_with_its_block(void)
{
	bool moved = false;
	for (int gap = 0; gap < 60; gap += 4) {
		start();
		story();
		struct lay_box b = body();
		story_para(st, "冒頭");
		/* the chart fits with at most 60 pt to spare; the note is two
		 * lines of 10 pt (about 30 pt) */
		story_space(st, b.h - 300 - 40 - (float)gap);
		struct drawn dr = {0};
		story_fixed(st, 300, draw_box, &dr);
		story_para_ex(st, &(struct lay_para){
			.text = "※ 注記の一行目\n注記の二行目",
			.style = {.role = FONT_MINCHO, .size = 10, .line_height = 1.4f},
			.before = 2, .keep_with_prev = true});
		layout();
		read_lines();
		const struct dl_line *n = find_line("※ 注記の一行目");
		CU_ASSERT_PTR_NOT_NULL_FATAL(n);
		CU_ASSERT_EQUAL(n->page, dr.page);
		CU_ASSERT(n->y > dr.y + dr.h);
		moved |= dr.page == 1;
		stop();
	}
	CU_ASSERT(moved); /* some gaps left no room for the note */
}

static void fixed_block_is_never_split(void)
{
	bool moved = false;
	for (int n = 20; n < 45; n += 2) {
		start();
		story();
		filler(n);
		struct drawn dr = {0};
		story_fixed(st, 300, draw_box, &dr);
		layout();
		read_lines();
		CU_ASSERT_EQUAL(dr.calls, 1);
		struct lay_box b = body();
		NEAR(dr.x, b.x, 0.01);
		NEAR(dr.w, b.w, 0.01);
		NEAR(dr.h, 300, 0.01);
		CU_ASSERT(dr.y + dr.h <= b.y + b.h + 0.01f);
		if (dr.page == 1 && count_prefix("埋め草", 1) == 0) {
			/* moved to the top of the next page */
			NEAR(dr.y, b.y, 0.01);
			moved = true;
		}
		stop();
	}
	CU_ASSERT(moved);
}

static void oversize_block_is_an_error_naming_it(void)
{
	start();
	story();
	story_para(st, "前");
	struct drawn dr = {0};
	story_fixed(st, 2000, draw_box, &dr);
	story_what_last(st, "大きな図");
	layout();
	CU_ASSERT_EQUAL(dr.calls, 1);
	CU_ASSERT_EQUAL(dr.page, 1);
	CU_ASSERT_EQUAL(dg.errors, 1); /* never a silent clip (issue 14) */
	CU_ASSERT(dg.count && strstr(dg.items[0].message, "「大きな図」") != NULL);
	const struct dl_page *p = &doc->pages[1];
	bool push = false, pop = false;
	for (size_t i = 0; i < p->n_items; i++) {
		if (p->items[i].kind == DL_CLIP_PUSH) {
			push = true;
			NEAR(p->items[i].u.clip.y + p->items[i].u.clip.h,
			     body().y + body().h, 0.01);
		}
		pop |= p->items[i].kind == DL_CLIP_POP;
	}
	CU_ASSERT(push && pop);
	stop();
}

static void keep_group_stays_on_one_page(void)
{
	bool moved = false;
	for (int n = 30; n < 45; n++) {
		start();
		story();
		filler(n);
		story_keep_begin(st);
		para_lines("組", 2);
		para_lines("群", 2);
		story_keep_end(st);
		layout();
		read_lines();
		size_t p = find_line("組1")->page;
		CU_ASSERT_EQUAL(find_line("群2")->page, p);
		moved |= p == 1 && last_flow_line(0) &&
			 body().y + body().h - last_flow_line(0)->y > 3 * 16.8f;
		stop();
	}
	CU_ASSERT(moved);
	/* a group longer than a page flows on */
	start();
	story();
	story_para(st, "前");
	story_keep_begin(st);
	filler(80);
	story_keep_end(st);
	layout();
	read_lines();
	CU_ASSERT_EQUAL(find_line("埋め草0")->page, 0);
	stop();
}

/* A keep group 60 pt taller than a page whose fixed block may give up
 * 100 pt: the block gets just short enough and the group stays on one
 * page; with only 20 pt to give, nothing shrinks and the group flows on. */
static void keep_group_tightens_shrinkable_blocks(void)
{
	for (int k = 0; k < 2; k++) {
		start();
		story();
		story_keep_begin(st);
		para_lines("組", 20);              /* 20 x 16.8 pt */
		struct drawn dr = {0};
		story_fixed_ex(st, &(struct lay_fixed){.h = 300,
						       .min_h = k ? 280 : 200,
						       .fn = draw_box, .ctx = &dr});
		para_lines("尾", 8);
		story_keep_end(st);
		/* a shrinkable block outside any group keeps its height */
		struct drawn free_dr = {0};
		story_fixed_ex(st, &(struct lay_fixed){.h = 100, .min_h = 10,
						       .fn = draw_box,
						       .ctx = &free_dr});
		layout();
		read_lines();
		CU_ASSERT_EQUAL(dr.calls, 1);
		NEAR(free_dr.h, 100, 0.01);
		float natural = 20 * 16.8f + 4 + 300 + 8 + 8 * 16.8f;
		if (k == 0) {
			CU_ASSERT_EQUAL(find_line("尾8")->page, 0);
			CU_ASSERT_EQUAL(dr.page, 0);
			/* just enough: what the page lacked, and a little */
			CU_ASSERT(dr.h >= 300 - (natural - body().h) - 2);
			CU_ASSERT(dr.h <= 300 - (natural - body().h) + 0.01f);
			CU_ASSERT(find_line("尾8")->y < body().y + body().h);
			/* laid out again: the same, not tightened twice */
			float h1 = dr.h;
			dl_doc_free(doc);
			doc = NULL;
			layout();
			NEAR(dr.h, h1, 0.01);
		} else {
			NEAR(dr.h, 300, 0.01);
			CU_ASSERT_EQUAL(find_line("尾8")->page, 1);
		}
		stop();
	}
}

/* The page note: once on every page a marked block draws on, never on
 * the others - not on the page a marked block left for the next. */
static void page_note_on_the_pages_of_marked_blocks(void)
{
	static const char *const note = "※ 注記";
	start();
	ls.page_note = note;
	story();
	para_lines("長", 80);          /* pages 0-1 */
	story_note_last(st);
	story_page_break(st);
	struct drawn d1 = {0}, d2 = {0}, d3 = {0};
	story_fixed(st, 100, draw_box, &d1); /* page 2: two marked blocks */
	story_note_last(st);
	story_fixed(st, 100, draw_box, &d2);
	story_note_last(st);
	story_page_break(st);
	filler(40);                     /* page 3, nearly full: unmarked */
	story_fixed(st, 300, draw_box, &d3); /* moves to page 4 */
	story_note_last(st);
	story_page_break(st);
	story_para(st, "印なし");      /* page 5 */
	layout();
	read_lines();
	CU_ASSERT_EQUAL_FATAL(doc->n_pages, 6);
	CU_ASSERT_EQUAL(d3.page, 4);
	struct lay_box b = body();
	static const int want[6] = {1, 1, 1, 0, 1, 0};
	for (size_t p = 0; p < 6; p++) {
		int n = 0;
		for (size_t i = 0; i < n_lines; i++)
			if (lines[i].page == p && !strcmp(lines[i].text, note)) {
				n++;
				/* right-aligned just below the body */
				NEAR(lines[i].x_end, b.x + b.w, 0.05);
				CU_ASSERT(lines[i].y > b.y + b.h);
				CU_ASSERT(lines[i].y < 841.89 - 20);
			}
		CU_ASSERT_EQUAL(n, want[p]);
	}
	stop();
}

/* A fit span: 25 lines, a chart 200 pt tall that may give up 70 pt, then
 * a kept group of 8 lines, 44 pt too many for the page.  The chart gives
 * just that and the group stays on the page; with 20 pt to give, or
 * without the span, nothing shrinks and the group opens the next page.  A
 * chart that does not fit where it is moves whole and is fitted to the
 * next page: there it gives what a group of 33 lines needs. */
static void fit_span_shrinks_to_end_on_the_page(void)
{
	for (int k = 0; k < 4; k++) {
		start();
		story();
		para_lines("前", k == 3 ? 32 : 25);  /* x 16.8 pt */
		struct drawn dr = {0};
		if (k != 2)
			story_fit_begin(st);
		story_fixed_ex(st, &(struct lay_fixed){.h = 200,
						       .min_h = k == 1 ? 180 : 130,
						       .fn = draw_box, .ctx = &dr});
		story_keep_begin(st);
		para_lines("尾", k == 3 ? 33 : 8);
		story_keep_end(st);
		story_fit_end(st);
		/* after the span, a shrinkable block keeps its height */
		struct drawn after = {0};
		story_fixed_ex(st, &(struct lay_fixed){.h = 100, .min_h = 10,
						       .fn = draw_box, .ctx = &after});
		layout();
		read_lines();
		CU_ASSERT_EQUAL(dr.calls, 1);
		NEAR(after.h, 100, 0.01);
		if (k == 0) {
			float over = 25 * 16.8f + 4 + 200 + 8 + 8 * 16.8f - body().h;
			CU_ASSERT_EQUAL(dr.page, 0);
			CU_ASSERT_EQUAL(find_line("尾1")->page, 0);
			CU_ASSERT_EQUAL(find_line("尾8")->page, 0);
			CU_ASSERT(dr.h >= 200 - over - 2);
			CU_ASSERT(dr.h <= 200 - over + 0.01f);
			/* laid out again: the same, not shrunk twice */
			float h1 = dr.h;
			dl_doc_free(doc);
			doc = NULL;
			layout();
			NEAR(dr.h, h1, 0.01);
		} else if (k < 3) {
			NEAR(dr.h, 200, 0.01);
			CU_ASSERT_EQUAL(dr.page, 0);
			CU_ASSERT_EQUAL(find_line("尾1")->page, 1);
		} else {
			float over = 200 + 8 + 33 * 16.8f - body().h;
			CU_ASSERT_EQUAL(dr.page, 1);
			NEAR(dr.y, body().y, 0.01);
			CU_ASSERT(dr.h >= 200 - over - 2);
			CU_ASSERT(dr.h <= 200 - over + 0.01f);
			CU_ASSERT_EQUAL(find_line("尾1")->page, 1);
			CU_ASSERT_EQUAL(find_line("尾33")->page, 1);
		}
		stop();
	}
}

/* A page break taken only on a page at least half full: after 10 lines
 * (a quarter of the page) the next paragraph follows on the page; after
 * 25 it starts a new one; a kept group that does not fit below the 10
 * lines starts a new page all the same. */
static void page_break_only_on_a_page_filled_enough(void)
{
	for (int k = 0; k < 3; k++) {
		start();
		story();
		para_lines("前", k == 1 ? 25 : 10);
		story_page_break_ex(st, &(struct lay_break){.min_fill = 0.5f});
		story_keep_begin(st);
		para_lines("後", k == 2 ? 35 : 2);
		story_keep_end(st);
		layout();
		read_lines();
		CU_ASSERT_EQUAL(find_line("後1")->page, k == 0 ? 0 : 1);
		if (k == 0)
			CU_ASSERT_EQUAL(doc->n_pages, 1);
		stop();
	}
	/* on an empty page it does nothing either */
	start();
	story();
	story_page_break_ex(st, &(struct lay_break){.min_fill = 0.5f});
	story_para(st, "一");
	layout();
	CU_ASSERT_EQUAL(doc->n_pages, 1);
	stop();
}

static void page_breaks_and_space(void)
{
	start();
	story();
	story_page_break(st); /* on an empty page: nothing */
	story_para(st, "一");
	story_page_break(st);
	story_page_break(st); /* twice: still one */
	story_space(st, 100); /* at the top of a page: dropped */
	story_para_ex(st, &(struct lay_para){.text = "二",
					     .style = {.role = FONT_MINCHO,
						       .size = 10}});
	story_space(st, 100);
	story_para_ex(st, &(struct lay_para){.text = "三",
					     .style = {.role = FONT_MINCHO,
						       .size = 10}});
	layout();
	read_lines();
	CU_ASSERT_EQUAL(doc->n_pages, 2);
	CU_ASSERT_EQUAL(find_line("一")->page, 0);
	const struct dl_line *two = find_line("二"), *three = find_line("三");
	CU_ASSERT_EQUAL(two->page, 1);
	NEAR(two->y - (15 - 10) / 2.0 - 0.88 * 10, body().y, 0.2);
	NEAR(three->y - two->y, 15 + 100, 0.01);
	stop();
}

/* ---- contents, outline, info ------------------------------------------------ */

static void toc_numbers_after_pass_two(void)
{
	start();
	story();
	story_para(st, "表紙");
	story_cover_end(st);
	story_toc(st, "目次", 2);
	char title[64];
	/* 20 level-1 headings (the 目次 spans two pages), each with sections */
	for (int i = 1; i <= 20; i++) {
		snprintf(title, sizeof title, "第%d章", i);
		story_heading(st, 1, title);
		for (int j = 1; j <= 2; j++) {
			snprintf(title, sizeof title, "第%d章第%d節", i, j);
			story_heading(st, 2, title);
			filler(i % 7 * 3 + 4);
		}
		story_heading(st, 3, "小見出し（目次に出ない）");
		filler(2);
	}
	layout();
	read_lines();
	CU_ASSERT_EQUAL_FATAL(doc->n_outline, 1 + 20 * 4);
	size_t toc_pages = 0;
	for (size_t k = 0; k < doc->n_outline; k++) {
		const struct dl_outline *o = &doc->outline[k];
		if (o->level == 2)
			continue;
		/* the entry: its title and, on the same baseline at the right
		 * edge, the printed number of the heading's page (the cover
		 * is not counted) */
		const struct dl_line *e = NULL;
		for (size_t i = 0; i < n_lines && !e; i++)
			if (!strcmp(lines[i].text, o->title) &&
			    lines[i].size == ls.body_size)
				e = &lines[i];
		if (k == 0) {
			CU_ASSERT_STRING_EQUAL(o->title, "目次");
			CU_ASSERT_EQUAL(o->page, 1);
			continue;
		}
		CU_ASSERT_PTR_NOT_NULL_FATAL(e);
		if (e->page > toc_pages)
			toc_pages = e->page;
		char num[16];
		snprintf(num, sizeof num, "%zu", o->page);
		const struct dl_line *n = NULL;
		for (size_t i = 0; i < n_lines; i++)
			if (lines[i].page == e->page &&
			    fabsf(lines[i].y - e->y) < 0.01f &&
			    !strcmp(lines[i].text, num))
				n = &lines[i];
		CU_ASSERT_PTR_NOT_NULL_FATAL(n);
		NEAR(n->x_end, body().x + body().w, 0.05);
		/* and the page itself says so in its footer */
		char foot[24];
		snprintf(foot, sizeof foot, "- %zu -", o->page);
		CU_ASSERT_PTR_NOT_NULL(find_on(foot, o->page));
		/* a dotted leader between title and number */
		bool leader = false;
		const struct dl_page *pg = &doc->pages[e->page];
		for (size_t i = 0; i < pg->n_items; i++) {
			const struct dl_item *it = &pg->items[i];
			leader |= it->kind == DL_LINE && it->u.line.stroke.n_dash &&
				  it->u.line.x0 > e->x_end &&
				  it->u.line.x1 < n->x && fabsf(it->u.line.y0 - e->y) < 5;
		}
		CU_ASSERT(leader);
	}
	CU_ASSERT_EQUAL(toc_pages, 2); /* pages 1 and 2 hold the 目次 */
	CU_ASSERT_PTR_NULL(find_on("小見出し（目次に出ない）", 1));
	stop();
}

static void outline_nests_as_the_headings(void)
{
	start();
	story();
	story_heading(st, 1, "１ 総論");
	story_heading(st, 2, "(1) 計画の位置づけ");
	story_heading(st, 3, "ア 根拠");
	story_heading_ex(st, &(struct lay_heading){.level = 2,
						   .title = "しおりなし",
						   .no_outline = true});
	story_heading(st, 1, "２ 各論");
	story_para(st, "本文");
	layout();
	read_lines();
	CU_ASSERT_EQUAL_FATAL(doc->n_outline, 4);
	static const char *const titles[] = {"１ 総論", "(1) 計画の位置づけ",
					     "ア 根拠", "２ 各論"};
	static const int levels[] = {0, 1, 2, 0};
	for (size_t k = 0; k < 4; k++) {
		CU_ASSERT_STRING_EQUAL(doc->outline[k].title, titles[k]);
		CU_ASSERT_EQUAL(doc->outline[k].level, levels[k]);
		const struct dl_line *l = find_line(titles[k]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(l);
		CU_ASSERT_EQUAL(doc->outline[k].page, l->page);
		CU_ASSERT(doc->outline[k].y < l->y && l->y - doc->outline[k].y < 20);
	}
	/* named destinations sec.1 .. sec.5 */
	size_t dests = 0;
	for (size_t i = 0; i < doc->pages[0].n_items; i++)
		dests += doc->pages[0].items[i].kind == DL_LINK_DEST;
	CU_ASSERT_EQUAL(dests, 5);
	stop();
}

static void info_and_bad_margins(void)
{
	start();
	story();
	story_para(st, "本文");
	story_set_info(st, &(struct dl_info){.title = "令和7年度 進捗状況報告",
					     .author = "鹿児島市",
					     .subject = "推進会議資料",
					     .keywords = "主要指標,PDCA",
					     .created = 1763683200});
	layout();
	CU_ASSERT_STRING_EQUAL(doc->info.title, "令和7年度 進捗状況報告");
	CU_ASSERT_STRING_EQUAL(doc->info.author, "鹿児島市");
	CU_ASSERT_STRING_EQUAL(doc->info.subject, "推進会議資料");
	CU_ASSERT_STRING_EQUAL(doc->info.keywords, "主要指標,PDCA");
	CU_ASSERT_STRING_EQUAL(doc->info.creator, "shiryo");
	CU_ASSERT_EQUAL(doc->info.created, 1763683200);
	stop();

	start();
	ls.margin_left = ls.margin_right = 150;
	story();
	story_para(st, "本文");
	struct dl_doc *d = (struct dl_doc *)1;
	CU_ASSERT_EQUAL(story_layout(st, &d, &dg), -1);
	CU_ASSERT_PTR_NULL(d);
	CU_ASSERT_EQUAL(dg.errors, 1);
	stop();
}

/* ---- a real PDF ---------------------------------------------------------- */

static void bars(struct dl_doc *d, struct dl_page *p, float x, float y, float w,
		 float h, void *ctx)
{
	(void)d;
	(void)ctx;
	struct dl_stroke s = dl_stroke_solid(0.5f, DL_BLACK);
	struct dl_color g = DL_GREY(0.6f);
	dl_rect(p, x, y, w, h, NULL, &s);
	for (int i = 0; i < 6; i++)
		dl_rect(p, x + 20 + (float)i * (w - 40) / 6,
			y + h - 10 - (float)(i + 1) * (h - 20) / 7, (w - 40) / 9,
			(float)(i + 1) * (h - 20) / 7, &g, &s);
}

/* One handout with every part: cover with 資料番号, 目次, headings, a
 * paragraph, a table of 90 rows with decimal and ● columns, a chart. */
static void build_handout(bool a3, const char *path)
{
	start();
	ls.paper = a3 ? LAY_A3_LANDSCAPE : LAY_A4;
	ls.head_left = "第2期鹿児島市商工業振興プラン";
	ls.doc_number = "資料１";
	ls.continued = "（続き）";
	ls.draft = true;
	ls.binding = a3 ? 0 : 5;
	story();
	story_space(st, 150);
	story_para_ex(st, &(struct lay_para){
				  .text = "令和7年度 進捗状況報告",
				  .style = {.role = FONT_GOTHIC, .size = 22,
					    .align = TEXT_CENTER}});
	story_cover_end(st);
	story_toc(st, "目次", 2);
	story_heading(st, 1, "１ 主要指標");
	story_para(st, "かごしま経済の活力を高め、本市経済を牽引するため、"
		       "事業の高付加価値化を促進し、地域資源などを生かした"
		       "新産業を創出します。");
	struct table *t = table_new(3, NULL);
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_AUTO,
						.align = TABLE_DECIMAL});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_FIXED,
						.width = LAY_MM(12),
						.align = TABLE_CENTER});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "指標名");
	table_set(t, h, 1, "実績");
	table_set(t, h, 2, "評価");
	for (int i = 0; i < 90; i++) {
		size_t r = table_add_row(t, false);
		table_set(t, r, 0, "新たな事業展開に取り組む事業者数");
		table_set(t, r, 1, i % 2 ? "65.1％" : "1,200事業者");
		table_set(t, r, 2, "●");
	}
	story_table(st, t);
	story_heading(st, 2, "(1) グラフ");
	story_fixed(st, 200, bars, NULL);
	story_set_info(st, &(struct dl_info){.title = "令和7年度 進捗状況報告",
					     .author = "鹿児島市",
					     .created = 1763683200});
	layout();
	CU_ASSERT(doc->n_pages >= 4);
	CU_ASSERT_EQUAL(pdf_write(doc, fs, path, &dg), 0);
	CU_ASSERT_EQUAL(dg.errors, 0);
	stop();
}

static bool same_bytes(const char *p, const char *q)
{
	FILE *a = fopen(p, "rb"), *b = fopen(q, "rb");
	bool same = a && b;
	size_t n = 0;
	while (same) {
		int ca = getc(a), cb = getc(b);
		same = ca == cb;
		if (ca == EOF)
			break;
		n++;
	}
	if (a)
		fclose(a);
	if (b)
		fclose(b);
	return same && n > 10000;
}

/* Built twice from scratch (story, layout, PDF), A4 and A3 landscape: the
 * same bytes.  SHIRYO_LAYOUT_PDF=DIR keeps the files for looking at. */
static void same_input_same_pdf(void)
{
	const char *keep = getenv("SHIRYO_LAYOUT_PDF");
	const char *tmp = getenv("TMPDIR");
	const char *dir = keep ? keep : tmp ? tmp : "/tmp";
	for (int a3 = 0; a3 < 2; a3++) {
		char path[2][512];
		for (int k = 0; k < 2; k++) {
			snprintf(path[k], sizeof path[k], "%s/test_layout_%s%s_%ld.pdf",
				 dir, a3 ? "a3l" : "a4", k ? "_again" : "",
				 (long)getpid());
			build_handout(a3, path[k]);
		}
		CU_ASSERT(same_bytes(path[0], path[1]));
		remove(path[1]);
		if (!keep)
			remove(path[0]);
	}
}

static const struct cu_case cases[] = {
	{"A4 portrait and A3 landscape sizes", paper_sizes},
	{"margins in mm and the binding margin", margins_and_binding},
	{"cover: label \"\", no head or footer; pages numbered from 1",
	 cover_labels_head_and_footer},
	{"資料番号 box top right on the first page",
	 doc_number_box_on_the_first_page},
	{"「案」 watermark is the first item, light opaque grey",
	 draft_watermark_under_the_content},
	{"a heading keeps with its paragraph", heading_keeps_with_next},
	{"a note stays on the page of its chart", note_stays_with_its_block},
	{"consecutive headings keep together", heading_chain_keeps_together},
	{"no widows, no orphans, 3 lines never split", widows_and_orphans},
	{"a fixed block is never split", fixed_block_is_never_split},
	{"a block taller than a page is an error naming it",
	 oversize_block_is_an_error_naming_it},
	{"a keep group stays on one page", keep_group_stays_on_one_page},
	{"a keep group a little too tall tightens its shrinkable blocks",
	 keep_group_tightens_shrinkable_blocks},
	{"a fit span shrinks its charts to end on the page",
	 fit_span_shrinks_to_end_on_the_page},
	{"a conditional page break only on a page filled enough",
	 page_break_only_on_a_page_filled_enough},
	{"page breaks and space at the top of a page", page_breaks_and_space},
	{"the page note on every page of a marked block, once",
	 page_note_on_the_pages_of_marked_blocks},
	{"目次 page numbers are right after pass 2", toc_numbers_after_pass_two},
	{"the outline nests as the headings do", outline_nests_as_the_headings},
	{"document info; margins too wide are an error", info_and_bad_margins},
	{"built twice, the PDFs are the same bytes", same_input_same_pdf},
	{NULL, NULL},
};

CU_MAIN("layout", cases)
