/* test_table_draw.c - tables whose cells hold drawings (table_cell.draw):
 * the grid of the one-sheet overview.  Every drawing is made exactly once,
 * inside its cell and the body, on the page of its row; rows grow to hold
 * them; the header (with its drawing) repeats on every page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "layout.h"
#include "table.h"
#include "text.h"

#define N_ROWS 120
#define DRAW_H 24.0f

struct call {
	int n;             /* times drawn */
	size_t page;       /* page index it was drawn on */
	float x, y, w, h;
};

static struct call calls[N_ROWS + 1]; /* [N_ROWS]: the header's */
static struct dl_doc *cur_doc;

static void draw(struct dl_doc *d, struct dl_page *p, float x, float y, float w,
		 float h, void *ctx)
{
	struct call *c = ctx;
	c->n++;
	c->page = (size_t)(p - d->pages);
	c->x = x, c->y = y, c->w = w, c->h = h;
	cur_doc = d;
	/* a mark the test can find on the page */
	struct dl_stroke s = dl_stroke_solid(0.5f, DL_BLACK);
	dl_line(p, x, y + h / 2, x + w, y + h / 2, &s);
}

static void grid(void)
{
	struct diag_list dg;
	diag_list_init(&dg);
	struct fontset *fs = fontset_load(NULL, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fs);
	struct text_engine *te = text_engine_new(fs, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(te);
	struct lay_setup ls;
	lay_setup_init(&ls, LAY_A3_LANDSCAPE);
	ls.continued = "（続き）";
	struct story *st = story_new(te, &ls);
	memset(calls, 0, sizeof calls);

	struct table *t = table_new(3, NULL);
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_FIXED, .width = 80});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "指標");
	table_set(t, h, 1, "単位");
	table_set_cell(t, h, 2, &(struct table_cell){.draw = draw, .draw_ctx = &calls[N_ROWS],
						     .draw_h = 10});
	for (int i = 0; i < N_ROWS; i++) {
		size_t r = table_add_row(t, false);
		char name[32];
		snprintf(name, sizeof name, "指標%d", i + 1);
		table_set(t, r, 0, name);
		table_set(t, r, 1, "件");
		table_set_cell(t, r, 2, &(struct table_cell){.draw = draw, .draw_ctx = &calls[i],
							     .draw_h = DRAW_H});
	}
	story_table(st, t);
	struct dl_doc *doc = NULL;
	CU_ASSERT_EQUAL_FATAL(story_layout(st, &doc, &dg), 0);
	struct lay_box body = lay_body(&ls);
	CU_ASSERT_TRUE(doc->n_pages >= 3); /* 120 rows of 24 pt + padding */
	size_t last_page = 0;
	for (int i = 0; i < N_ROWS; i++) {
		CU_ASSERT_EQUAL(calls[i].n, 1);
		CU_ASSERT_TRUE(calls[i].y >= body.y - 0.01f);
		CU_ASSERT_TRUE(calls[i].y + calls[i].h <= body.y + body.h + 0.01f);
		CU_ASSERT_TRUE(calls[i].x >= body.x && calls[i].x + calls[i].w <= body.x + body.w + 0.01f);
		CU_ASSERT_DOUBLE_EQUAL(calls[i].h, DRAW_H, 0.001);
		/* rows in order, pages in order */
		CU_ASSERT_TRUE(calls[i].page >= last_page);
		if (i)
			CU_ASSERT_TRUE(calls[i].page > calls[i - 1].page ||
				       calls[i].y >= calls[i - 1].y + DRAW_H);
		last_page = calls[i].page;
	}
	/* the header's drawing on every page */
	CU_ASSERT_EQUAL((size_t)calls[N_ROWS].n, doc->n_pages);
	CU_ASSERT_EQUAL(dg.errors, 0);
	CU_ASSERT_EQUAL(dg.warnings, 0);
	dl_doc_free(doc);
	story_free(st);
	text_engine_free(te);
	fontset_free(fs);
	diag_list_release(&dg);
}

static const struct cu_case cases[] = {
	{"drawings in cells: once each, in the body, header repeated", grid},
	{NULL, NULL},
};

CU_MAIN("table_draw", cases)
