/* summary.c - 主要指標一覧: the one-sheet overview a council puts on the
 * table beside the handout.
 *
 * One row per indicator (per part of a compound one): where it belongs (the
 * plan's own level: its pillar, the basic scenario, the plan's targets),
 * the indicator, its unit, the baseline, the years so far as a sparkline,
 * the target, this year's value and mark, last year's mark with the arrow
 * of the change, and the 所管課.  It is one table (table.h) whose series
 * cells hold drawings: the layout places the grid, breaks it between rows
 * and repeats the header on every sheet, so a plan of two hundred
 * indicators runs over a few sheets with nothing clipped, and a plan of
 * twenty-two fits on one A3 sheet.
 */
#include <string.h>

#include "arena.h"
#include "doc_int.h"
#include "typo.h"
#include "figures.h"
#include "record.h"
#include "typesize.h"

#define SPARK_W LAY_MM(30)
/* 基準値 and 目標値 columns: at most this wide, and a value with its years
 * that would not fit starts its bracket on a line of its own (doc_fit_value
 * measures at the tables' one size, TYPE.table) */
#define VALUE_MAX LAY_MM(44)
/* Sparkline height: the room a sheet leaves each row when the whole plan is
 * on it, within these bounds - a plan of twenty rows gets lines a reader
 * can follow, a plan of two hundred the fewest sheets (a row no taller
 * than its line of text). */
#define SPARK_MIN_H 13.0f
#define SPARK_MAX_H 22.0f
#define SHEET_LEAD 90.0f /* title, legend and header rows */

/* -1 worse, 0 the same, 1 better (toward the goal). */
static int change(const struct fig_measure *now, const struct fig_measure *before)
{
	double a = decimal_to_double(now->value), b = decimal_to_double(before->value);
	const struct measure *m = now->measure;
	if (m->goal == GOAL_MAINTAIN) {
		double t = decimal_to_double(m->target.value);
		a = -(a > t ? a - t : t - a);
		b = -(b > t ? b - t : t - b);
	} else if (m->goal == GOAL_LOWER) {
		a = -a, b = -b;
	}
	return a > b ? 1 : a < b ? -1 : 0;
}

static const char *value_text(struct doc_ctx *c, const struct fig_measure *f)
{
	if (!f->has_value)
		return "未確定";
	const char *v = doc_value(c, f->value, f->measure->unit, false);
	if (f->measure->target.kind == TARGET_CUMULATIVE)
		v = doc_printf(c, "累計 %s", v);
	/* an earlier year's value names its year (fig_indicator_latest) */
	return f->latest ? doc_printf(c, "%s（%s）", v, doc_fy(c, f->value_fy)) : v;
}

static float spark_h(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	size_t rows = 0;
	for (size_t i = 0; i < p->n_indicators; i++)
		rows += p->indicators[i].n_measures;
	float h = rows ? (c->body_h - SHEET_LEAD) / (float)rows - 8 : SPARK_MAX_H;
	return h < SPARK_MIN_H ? SPARK_MIN_H : h > SPARK_MAX_H ? SPARK_MAX_H : h;
}

struct sum_group {
	const char *level;              /* the group's name in the plan's words */
	struct indicator *const *inds;
	size_t n;
};

static void add_rows(struct doc_ctx *c, struct table *t, const struct sum_group *g)
{
	int fy = c->rfy; /* the council's year beside it (doc_results_year) */
	size_t rows = 0;
	for (size_t i = 0; i < g->n; i++)
		rows += g->inds[i]->n_measures;
	size_t first = table_rows(t);
	for (size_t i = 0; i < g->n; i++) {
		const struct indicator *ind = g->inds[i];
		struct fig_indicator now, before;
		/* the year's value, else the latest with its year (as the
		 * handout's table); last year's mark is last year's own */
		fig_indicator_latest(c->p, ind, fy, c->a, &now);
		fig_indicator_compute(c->p, ind, fy - 1, c->a, &before);
		const char *dept = eval_dept(c->p, ind, c->o->fy, NULL);
		for (size_t k = 0; k < now.n_parts; k++) {
			const struct fig_measure *f = &now.parts[k], *b = &before.parts[k];
			const struct measure *m = f->measure;
			size_t r = table_add_row(t, false);
			if (r == first)
				table_set_cell(t, r, 0, &(struct table_cell){
					.text = g->level, .rowspan = (int)rows});
			const char *name = ind->name;
			if (now.n_parts > 1)
				name = doc_printf(c, "%s（%s）", ind->name, m->name ? m->name : "");
			table_set(t, r, 1, ind->no ? ind->no : "");
			table_set_cell(t, r, 2, &(struct table_cell){
				.text = name, .src = {m->pos.file, m->pos.line}});
			table_set(t, r, 3, typo_unit(plan_typo(c->p), m->unit));
			table_set(t, r, 4, doc_fit_value(c, doc_baseline(c, m), VALUE_MAX));
			struct chart_spark *sp = arena_calloc(c->a, 1, sizeof *sp);
			*sp = (struct chart_spark){.p = c->p, .ind = ind, .part = k, .fy = fy};
			table_set_cell(t, r, 5, &(struct table_cell){
				.draw = chart_spark_draw, .draw_ctx = sp, .draw_h = spark_h(c)});
			table_set(t, r, 6, doc_fit_value(c, doc_target(c, m), VALUE_MAX));
			table_set(t, r, 7, value_text(c, f));
			/* a compound indicator has one mark a year: one cell over
			 * its parts' rows (a mark on the first row only left the
			 * second reading as ungraded) */
			const char *mark = now.n_parts > 1 ? now.mark : f->mark;
			const char *bmark = now.n_parts > 1 ? before.mark : b->mark;
			if (k == 0) {
				table_set_cell(t, r, 8, &(struct table_cell){
					.text = mark ? mark : "", .rowspan = (int)now.n_parts,
					.valign = TEXT_MIDDLE, .valign_set = true});
				table_set_cell(t, r, 9, &(struct table_cell){
					.text = fy - 1 >= c->p->from && bmark ? bmark : doc_no_data(c),
					.rowspan = (int)now.n_parts,
					.valign = TEXT_MIDDLE, .valign_set = true});
			}
			const char *mv = doc_no_data(c);
			if (f->has_value && b->has_value && !f->latest) {
				int d = change(f, b);
				mv = d > 0 ? "↑" : d < 0 ? "↓" : "→";
			}
			table_set(t, r, 10, mv);
			if (table_cols(t) > 11)
				table_set(t, r, 11, dept ? dept : doc_no_data(c));
		}
	}
}

static struct table *summary_table(struct doc_ctx *c)
{
	/* a 所管課 column only when some indicator has one: a column of dashes
	 * is noise on the sheet */
	bool depts = false;
	for (size_t i = 0; i < c->p->n_indicators && !depts; i++)
		depts = eval_dept(c->p, &c->p->indicators[i], c->o->fy, NULL) != NULL;
	struct table *t = table_new(depts ? 12 : 11, &(struct table_style){.size = TYPE.table,
							      .line_height = 1.3f});
	table_set_col(t, 0, &(struct table_col){.valign = TEXT_MIDDLE, .width_kind = TABLE_FIXED, .width = LAY_MM(40)});
	table_set_col(t, 1, &(struct table_col){.valign = TEXT_MIDDLE, .width_kind = TABLE_FIXED, .width = LAY_MM(9),
						 .align = TABLE_CENTER});
	/* the indicator takes what the others leave, but never less than about
	 * 15 characters (a share column could be squeezed to one on A4) */
	table_set_col(t, 2, &(struct table_col){.valign = TEXT_MIDDLE, .width_kind = TABLE_AUTO,
						 .min = LAY_MM(55), .max = LAY_MM(110)});
	table_set_col(t, 3, &(struct table_col){.valign = TEXT_MIDDLE, .width_kind = TABLE_AUTO, .min = LAY_MM(15),
						 .max = LAY_MM(20), .align = TABLE_CENTER});
	table_set_col(t, 4, &(struct table_col){.valign = TEXT_MIDDLE, .width_kind = TABLE_AUTO, .min = LAY_MM(20),
						 .max = VALUE_MAX, .align = TABLE_RIGHT});
	table_set_col(t, 5, &(struct table_col){.valign = TEXT_MIDDLE, .width_kind = TABLE_FIXED,
						 .width = SPARK_W + 6});
	table_set_col(t, 6, &(struct table_col){.valign = TEXT_MIDDLE, .width_kind = TABLE_AUTO, .min = LAY_MM(20),
						 .max = VALUE_MAX, .align = TABLE_RIGHT});
	table_set_col(t, 7, &(struct table_col){.valign = TEXT_MIDDLE, .width_kind = TABLE_AUTO, .min = LAY_MM(18),
						 .max = LAY_MM(34), .align = TABLE_RIGHT});
	for (size_t k = 8; k <= 10; k++)
		table_set_col(t, k, &(struct table_col){.width_kind = TABLE_FIXED,
							 .width = LAY_MM(k == 10 ? 17 : 11),
							 .align = TABLE_CENTER,
							 .valign = TEXT_MIDDLE});
	if (depts)
		table_set_col(t, 11, &(struct table_col){.valign = TEXT_MIDDLE, .width_kind = TABLE_AUTO, .min = LAY_MM(20),
							  .max = LAY_MM(44)});
	const char *prev = doc_fy(c, c->rfy - 1);
	size_t h0 = table_add_row(t, true), h1 = table_add_row(t, true);
	static const char *const one[] = {"区分", "No", "指標", "単位", "基準値"};
	for (size_t k = 0; k < 5; k++)
		table_set_cell(t, h0, k, &(struct table_cell){.text = one[k], .rowspan = 2});
	table_set_cell(t, h0, 5, &(struct table_cell){
		.text = doc_printf(c, "推移（%s～%s）", doc_fy(c, c->p->from), c->rfy_short),
		.rowspan = 2});
	table_set_cell(t, h0, 6, &(struct table_cell){.text = "目標値", .rowspan = 2});
	table_set_cell(t, h0, 7, &(struct table_cell){
		.text = doc_printf(c, "実績（%s）", c->rfy_short), .colspan = 2});
	table_set_cell(t, h0, 9, &(struct table_cell){
		.text = doc_printf(c, "前年度（%s）", prev), .colspan = 2});
	if (depts)
		table_set_cell(t, h0, 11, &(struct table_cell){.text = "所管課", .rowspan = 2});
	table_set(t, h1, 7, "実績");
	table_set(t, h1, 8, "評価");
	table_set(t, h1, 9, "評価");
	table_set(t, h1, 10, "前年度比");
	return t;
}

static const char *legend(struct doc_ctx *c)
{
	const struct grading *g = &c->p->grading;
	const char *marks = "";
	for (size_t i = 0; i < g->n_levels; i++)
		marks = doc_printf(c, "%s%s%s %s", marks, i ? "　" : "", g->levels[i].mark,
				   g->levels[i].label ? g->levels[i].label : "");
	/* the groups headed 【…】, not parted by ／, which is also the mark
	 * of 評価不能 */
	return doc_printf(c, "【推移】○ 基準値　● 最新の実績　点線 目標値（図の範囲内のとき）　"
			     "【評価】%s　%s 未確定　%s 評価不能　【前年度比】↑ 改善　→ 横ばい　↓ 悪化"
			     "（目標に近づく向きを改善とする）",
			  marks, g->no_data_mark ? g->no_data_mark : doc_no_data(c),
			  g->not_assessable_mark ? g->not_assessable_mark : "／");
}

/* One note at the foot of every sheet, not a line under a table that runs
 * over sheets: on the sample values and on the sample records whose 所管課
 * the sheet shows. */
const char *doc_summary_page_note(const struct plan *p, int fy)
{
	const struct eval_record *e = eval_of_year(p, fy);
	bool recs = e && e->illustrative;
	if (p->actuals_illustrative && recs)
		return "※ 実績値・所管課は例示です（公表された統計値・実際の評価記録ではありません）。";
	if (p->actuals_illustrative)
		return ILLUSTRATIVE_NOTE;
	return recs ? "※ 所管課は例示です（実際の評価記録ではありません）。" : NULL;
}

int doc_summary(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	story_heading_ex(c->s, &(struct lay_heading){
		.level = 1,
		.title = doc_printf(c, "%s（%s実績）", c->title, c->rfy_era),
		.running = c->title,
	});
	/* the sheet lies beside the council's handout: its date, and the
	 * year it reports said in the title (the same as the handout's) */
	if (c->date[0])
		story_para_ex(c->s, &(struct lay_para){
			.text = c->date,
			.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f,
				  .align = TEXT_RIGHT},
			.after = 2, .keep_with_next = true,
		});
	story_para_ex(c->s, &(struct lay_para){
		.text = legend(c),
		.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f},
		.after = 4, .keep_with_next = true,
	});
	struct table *t = summary_table(c);
	size_t rows0 = table_rows(t);
	if (p->n_basic_indicators)
		add_rows(c, t, &(struct sum_group){
			p->basic_title ? doc_printf(c, "基本シナリオ\n%s", p->basic_title) : "基本シナリオ",
			p->basic_indicators, p->n_basic_indicators});
	size_t n_loose = 0;
	struct indicator **loose = doc_loose_indicators(c, &n_loose);
	if (n_loose)
		add_rows(c, t, &(struct sum_group){"計画全体の目標", loose, n_loose});
	for (size_t i = 0; i < p->n_pillars; i++) {
		const struct pillar *pl = &p->pillars[i];
		if (pl->n_indicators)
			add_rows(c, t, &(struct sum_group){
				doc_printf(c, "%s%s\n%s", plan_word(c->p, LEVEL_PILLAR, ""), pl->no ? pl->no : "", pl->title),
				pl->indicators, pl->n_indicators});
	}
	if (table_rows(t) == rows0) {
		table_free(t);
		part_para(c, "この計画には主要指標がありません。");
		return 0;
	}
	story_table(c->s, t);
	story_note_last(c->s);
	return 0;
}
