/* part_pdca.c - the PDCA summary: Plan / Do / Check / Action around the
 * cycle.
 *
 *   ┌Plan─────┐ → ┌Do───────┐
 *   └─────────┘   └─────────┘
 *        ↑              ↓
 *   ┌Action───┐ ← ┌Check────┐
 *   └─────────┘   └─────────┘
 *
 * The four boxes are one block that never splits across pages, the way a
 * reader takes in a cycle at a glance.  The Check box opens with the
 * indicator results computed from the figures (never typed into the
 * records), then the record's evaluation text.  Long entries: when the
 * block would be taller than two thirds of the page body, the same content
 * is set as a two-column table (段階 | 内容) that breaks across pages
 * like any table, so nothing is ever cut.  The next plan follows as a
 * paragraph.
 */
#include <string.h>

#include "arena.h"
#include "doc_int.h"
#include "typo.h"
#include "typesize.h"
#include "figures.h"

#define BOX_GAP 18.0f   /* between the columns and rows: the arrows */
#define TITLE_H 15.0f
#define PAD 5.0f
#define TEXT_SIZE TYPE.pdca

enum { P_PLAN, P_DO, P_CHECK, P_ACTION, P_N };

static const char *const box_titles[P_N] = {
	"Plan（計画）", "Do（実行）", "Check（評価）", "Action（改善）",
};

struct pdca_block {
	struct text_layout *title[P_N];
	struct text_layout *body[P_N];
	float row_h[2];
};

static void free_layout(void *tl)
{
	text_layout_free(tl);
}

const char *doc_pdca_items(struct doc_ctx *c, const struct pdca_list *l)
{
	const char *s = "";
	for (size_t i = 0; i < l->n_items; i++) {
		const struct pdca_item *it = &l->items[i];
		const char *figs = "";
		for (size_t k = 0; k < it->n_figures; k++) {
			const struct pdca_figure *f = &it->figures[k];
			figs = doc_printf(c, "%s%s%s %s%s", figs, k ? "、" : "（", f->name,
					  doc_figure_text(c, f->value_text),
					  typo_unit(plan_typo(c->p), f->unit ? f->unit : ""));
		}
		if (*figs)
			figs = doc_printf(c, "%s）", figs);
		s = doc_printf(c, "%s%s・%s%s", s, i ? "\n" : "", it->text, figs);
	}
	return s;
}

/* The indicator results of the record's pillar or project, computed. */
static const char *results_text(struct doc_ctx *c, const struct pdca_record *r)
{
	const struct plan *p = c->p;
	size_t n_levels = p->grading.n_levels;
	size_t *counts = arena_calloc(c->a, n_levels + 1, sizeof *counts);
	size_t no_data = 0, na = 0, total = 0;
	struct indicator *const *inds;
	size_t n;
	if (r->pillar) {
		inds = r->pillar->indicators;
		n = r->pillar->n_indicators;
	} else {
		inds = r->project->focus;
		n = r->project->n_focus;
	}
	for (size_t i = 0; i < n; i++) {
		struct fig_indicator fi;
		fig_indicator_latest(p, inds[i], c->rfy, c->a, &fi);
		total++;
		if (fi.state == FIG_GRADED && fi.level >= 0 && (size_t)fi.level < n_levels &&
		    fi.parts[fi.deciding_part].rule == &p->grading)
			counts[fi.level]++;
		else if (fi.state == FIG_NO_DATA)
			no_data++;
		else
			na++;
	}
	if (!total)
		return "";
	if (!fig_rule_grades(&p->grading))
		return ""; /* no rule: no marks to count */
	const char *s = doc_printf(c, "%s%zu件（%s）：", doc_indicator_word(c), total,
				   c->rfy_short);
	for (size_t i = 0; i < n_levels; i++)
		s = doc_printf(c, "%s%s%s %zu件", s, i ? "・" : "",
			       p->grading.levels[i].mark, counts[i]);
	if (no_data)
		s = doc_printf(c, "%s・%s %zu件", s, p->grading.no_data_label
			       ? p->grading.no_data_label : "未確定", no_data);
	if (na)
		s = doc_printf(c, "%s・%s %zu件", s, p->grading.not_assessable_label
			       ? p->grading.not_assessable_label : "評価不能", na);
	return doc_printf(c, "%s（実績値からの算定）", s);
}

static struct text_layout *layout(struct doc_ctx *c, const char *text,
				  enum font_role role, float w,
				  const struct pdca_record *r)
{
	struct text_style st = {.role = role, .size = TEXT_SIZE, .line_height = 1.45f};
	if (role == FONT_MINCHO)
		st.indent = TEXT_SIZE; /* hanging 「・」 */
	struct text_src src = {r->pos.file, r->pos.line};
	struct text_layout *tl = text_layout_new(c->te, text, strlen(text), &st, w,
						 &src, c->dg);
	doc_own(c, free_layout, tl);
	return tl;
}

/* An arrow of the cycle from (x0, y0) to (x1, y1); the segments are
 * horizontal or vertical.  The head is a filled path in the document's
 * arena, so it prints the same on every printer. */
static void arrow(struct dl_doc *d, struct dl_page *pg, float x0, float y0,
		  float x1, float y1)
{
	const float head = 5.0f;
	float ux = x1 > x0 ? 1.0f : x1 < x0 ? -1.0f : 0.0f;
	float uy = y1 > y0 ? 1.0f : y1 < y0 ? -1.0f : 0.0f;
	struct dl_stroke s = dl_stroke_solid(1.2f, DL_GREY(0.35f));
	dl_line(pg, x0, y0, x1 - ux * head, y1 - uy * head, &s);
	struct dl_path_seg *seg = arena_calloc(d->arena, 4, sizeof *seg);
	seg[0] = (struct dl_path_seg){DL_MOVE, {x1}, {y1}};
	seg[1] = (struct dl_path_seg){DL_LINETO, {x1 - ux * head - uy * head * 0.6f},
				      {y1 - uy * head - ux * head * 0.6f}};
	seg[2] = (struct dl_path_seg){DL_LINETO, {x1 - ux * head + uy * head * 0.6f},
				      {y1 - uy * head + ux * head * 0.6f}};
	seg[3] = (struct dl_path_seg){DL_CLOSE, {0}, {0}};
	struct dl_item *it = dl_item_add(pg, DL_PATH);
	it->u.path.segs = seg;
	it->u.path.n_segs = 4;
	it->u.path.fill = true;
	it->u.path.fill_color = DL_GREY(0.35f);
}

static void draw_block(struct dl_doc *d, struct dl_page *pg, float x, float y,
		       float w, float h, void *ctx)
{
	(void)h;
	struct pdca_block *b = ctx;
	float col_w = (w - BOX_GAP) / 2;
	/* Plan top-left, Do top-right, Check bottom-right, Action bottom-left */
	const float bx[P_N] = {x, x + col_w + BOX_GAP, x + col_w + BOX_GAP, x};
	const float by[P_N] = {y, y, y + b->row_h[0] + BOX_GAP, y + b->row_h[0] + BOX_GAP};
	const float bh[P_N] = {b->row_h[0], b->row_h[0], b->row_h[1], b->row_h[1]};
	struct dl_stroke frame = dl_stroke_solid(0.8f, DL_BLACK);
	struct dl_color band = DL_GREY(0.85f);
	/* structure: each box's title and text a paragraph, in the order
	 * of the cycle; frames, bands and arrows are artifacts */
	int block = d->cur;
	for (int i = 0; i < P_N; i++) {
		dl_elem_set(d, DL_ARTIFACT);
		dl_rect(pg, bx[i], by[i], col_w, TITLE_H, &band, NULL);
		dl_rect(pg, bx[i], by[i], col_w, bh[i], NULL, &frame);
		dl_elem_set(d, block);
		dl_elem_begin(d, DL_R_P);
		text_layout_draw(b->title[i], d, pg, bx[i] + PAD, by[i], TITLE_H, TEXT_GROW);
		dl_elem_set(d, block);
		dl_elem_begin(d, DL_R_P);
		text_layout_draw(b->body[i], d, pg, bx[i] + PAD, by[i] + TITLE_H + PAD,
				 0, TEXT_GROW);
	}
	dl_elem_set(d, DL_ARTIFACT);
	float mid0 = y + TITLE_H + 10, mid1 = by[P_CHECK] + TITLE_H + 10;
	float gap_l = x + col_w + 3, gap_r = x + col_w + BOX_GAP - 3;
	arrow(d, pg, gap_l, mid0, gap_r, mid0);                       /* Plan → Do */
	arrow(d, pg, bx[P_DO] + col_w / 2, y + b->row_h[0] + 3,
	      bx[P_DO] + col_w / 2, by[P_CHECK] - 3);                  /* Do ↓ Check */
	arrow(d, pg, gap_r, mid1, gap_l, mid1);                       /* Check → Action */
	arrow(d, pg, x + col_w / 2, by[P_ACTION] - 3, x + col_w / 2,
	      y + b->row_h[0] + 3);                                  /* Action ↑ Plan */
	dl_elem_set(d, block);
}

/* The fallback for long entries: a table that breaks across pages. */
static void as_table(struct doc_ctx *c, const char *const text[P_N])
{
	struct table *t = table_new(2, &(struct table_style){.size = TEXT_SIZE});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_FIXED,
						 .width = LAY_MM(28)});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "段階");
	table_set(t, h, 1, "内容");
	for (int i = 0; i < P_N; i++) {
		size_t r = table_add_row(t, false);
		table_set_cell(t, r, 0, &(struct table_cell){.text = box_titles[i],
							     .grey = 0.92f});
		table_set(t, r, 1, text[i]);
	}
	story_table(c->s, t);
}

/* line without its sentences that point to a 別表 (「主要指標の動向は別表
 * のとおり。」): no document shiryo builds has one, and the table the
 * sentence means is on the page already. */
static const char *without_annex_refs(struct doc_ctx *c, const char *line, size_t len)
{
	const char *s = "";
	const char *e = line, *end = line + len;
	while (e < end) {
		const char *stop = strstr(e, "。");
		size_t n = stop && stop < end ? (size_t)(stop - e) + strlen("。")
					      : (size_t)(end - e);
		const char *ref = strstr(e, "別表");
		if (!ref || ref >= e + n)
			s = doc_printf(c, "%s%.*s", s, (int)n, e);
		e += n;
	}
	return s;
}

/* The Check box as the other three: 「・」 items in mincho - the computed
 * results first (marked 「実績値からの算定」, which is what sets them apart
 * from the typed evaluation), then each line of the evaluation.  It was
 * set in gothic without bullets, which read as a heading or a warning on a
 * black-and-white copy rather than as one of four equal steps. */
static const char *check_text(struct doc_ctx *c, const struct pdca_record *r,
			      const char *results)
{
	const char *s = *results ? doc_printf(c, "・%s", results) : "";
	const char *e = r->check ? r->check : "";
	while (*e) {
		const char *nl = strchr(e, '\n');
		size_t len = nl ? (size_t)(nl - e) : strlen(e);
		while (len && (*e == ' ' || *e == '\t'))
			e++, len--;
		const char *kept = len ? without_annex_refs(c, e, len) : "";
		if (*kept)
			s = doc_printf(c, "%s%s・%s", s, *s ? "\n" : "", kept);
		e += len;
		if (*e == '\n')
			e++;
	}
	return s;
}

void part_pdca(struct doc_ctx *c, const struct pdca_record *r)
{
	const char *results = results_text(c, r);
	const char *text[P_N] = {
		doc_pdca_items(c, &r->plan),
		doc_pdca_items(c, &r->done),
		check_text(c, r, results),
		doc_pdca_items(c, &r->action),
	};
	float col_w = (c->body_w - BOX_GAP) / 2;
	float text_w = col_w - 2 * PAD;
	struct pdca_block *b = arena_alloc(c->a, sizeof *b);
	for (int i = 0; i < P_N; i++) {
		b->title[i] = layout(c, box_titles[i], FONT_GOTHIC, text_w, r);
		b->body[i] = layout(c, text[i], FONT_MINCHO, text_w, r);
	}
	for (int row = 0; row < 2; row++) {
		int a = row ? P_ACTION : P_PLAN, z = row ? P_CHECK : P_DO;
		float ha = b->body[a]->height, hz = b->body[z]->height;
		b->row_h[row] = TITLE_H + 2 * PAD + (ha > hz ? ha : hz);
	}
	float total = b->row_h[0] + BOX_GAP + b->row_h[1];
	/* Two thirds of an A4 body: a cycle taller than that no longer reads
	 * as one figure. */
	if (total > 480)
		as_table(c, text);
	else
		story_fixed(c->s, total, draw_block, b);
	/* the Check box's grade counts are computed from the actuals */
	if (*results)
		doc_note_block(c, r->pillar
			? doc_shows_sample(c, r->pillar->indicators, r->pillar->n_indicators)
			: doc_shows_sample(c, r->project->focus, r->project->n_focus));
	if (r->next.n_items) {
		part_caption(c, "次の取組（Plan）");
		story_para_ex(c->s, &(struct lay_para){
			.text = doc_pdca_items(c, &r->next),
			.style = {.role = FONT_MINCHO, .size = TYPE.list, .line_height = 1.5f,
				  .indent = TYPE.list},
			.after = 6,
		});
	}
}

const char **doc_strings(struct doc_ctx *c, const struct pdca_list *l)
{
	const char **v = arena_calloc(c->a, l->n_items + 1, sizeof *v);
	for (size_t i = 0; i < l->n_items; i++)
		v[i] = l->items[i].text;
	return v;
}
