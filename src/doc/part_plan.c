/* part_plan.c - the plan itself: initiatives with their partners, the
 * published results of the previous policy, and where the data come from. */
#include "arena.h"
#include "doc_int.h"
#include "typesize.h"
#include "figures.h"

#define MARK "●"

/* The directions and initiatives of a pillar, with the partner marks the
 * plan declares (<words><partners>): heads, marks and the legend under the
 * table are the plan's words; a plan without partners gets no such columns. */
void part_initiatives(struct doc_ctx *c, const struct pillar *pl)
{
	if (!pl->n_directions)
		return;
	const struct plan_words *w = &c->p->words;
	size_t np = w->n_partners < 16 ? w->n_partners : 16;
	const char *mark = w->partner_mark ? w->partner_mark : MARK;
	struct table *t = table_new(2 + np, &(struct table_style){.size = TYPE.table});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1,
						 .valign = TEXT_MIDDLE});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_SHARE, .width = 2.4f});
	for (size_t k = 0; k < np; k++)
		table_set_col(t, 2 + k, &(struct table_col){.width_kind = TABLE_FIXED,
							     .width = LAY_MM(12), .align = TABLE_CENTER,
							     .valign = TEXT_MIDDLE});
	size_t h0 = table_add_row(t, true), h1 = np ? table_add_row(t, true) : h0;
	int span = np ? 2 : 1;
	table_set_cell(t, h0, 0, &(struct table_cell){
		.text = plan_word(c->p, LEVEL_DIRECTION, "方針"), .rowspan = span});
	table_set_cell(t, h0, 1, &(struct table_cell){
		.text = plan_word(c->p, LEVEL_INITIATIVE, "取組"), .rowspan = span});
	if (np) {
		table_set_cell(t, h0, 2, &(struct table_cell){
			.text = w->partners_title ? w->partners_title : "", .colspan = (int)np});
		for (size_t k = 0; k < np; k++)
			table_set(t, h1, 2 + k, w->partners[k].head ? w->partners[k].head
								     : w->partners[k].name);
	}
	for (size_t d = 0; d < pl->n_directions; d++) {
		const struct direction *dir = &pl->directions[d];
		for (size_t i = 0; i < dir->n_initiatives; i++) {
			const struct initiative *in = &dir->initiatives[i];
			size_t r = table_add_row(t, false);
			if (i == 0)
				table_set_cell(t, r, 0, &(struct table_cell){
					.text = dir->no ? doc_printf(c, "%s %s", dir->no, dir->title)
							: dir->title,
					.rowspan = (int)dir->n_initiatives,
					.src = {dir->pos.file, dir->pos.line}});
			table_set_cell(t, r, 1, &(struct table_cell){
				.text = in->text, .src = {in->pos.file, in->pos.line}});
			for (size_t k = 0; k < np; k++)
				table_set(t, r, 2 + k, in->partners & (1u << k) ? mark : "");
		}
	}
	story_table(c->s, t);
	const char *legend = "";
	for (size_t k = 0; k < np; k++)
		if (w->partners[k].legend)
			legend = doc_printf(c, "%s%s%s：%s", legend, *legend ? "　" : "",
					    w->partners[k].name, w->partners[k].legend);
	if (*legend)
		story_para_ex(c->s, &(struct lay_para){
			.text = legend,
			.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f},
			.before = 2, .after = 6,
		});
}

void part_past_results(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	if (!p->n_past_results)
		return;
	if (p->past_results_title)
		part_caption(c, p->past_results_title);
	/* The recomputation is the reviewer's, not the reader's: its column
	 * and note only with --review (check warns of a mismatch anyway). */
	bool review = c->o->review;
	size_t ncol = review ? 6 : 5;
	struct table *t = table_new(ncol, &(struct table_style){.size = TYPE.table});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1.2f});
	/* values right-aligned, as in the indicator tables */
	for (size_t k = 1; k <= 3; k++)
		table_set_col(t, k, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1,
							 .align = TABLE_RIGHT});
	table_set_col(t, 4, &(struct table_col){.width_kind = TABLE_FIXED,
						 .width = LAY_MM(17), .align = TABLE_DECIMAL});
	if (review)
		table_set_col(t, 5, &(struct table_col){.width_kind = TABLE_FIXED,
							 .width = LAY_MM(30)});
	/* a value column's share of what the fixed columns leave */
	float value_w = (c->body_w - LAY_MM(17) - (review ? LAY_MM(30) : 0)) / 4.2f;
	size_t h = table_add_row(t, true);
	const char *head[] = {"項目", "基準", "目標値", "実績", "達成度\n（公表）", "再計算"};
	for (size_t k = 0; k < ncol; k++)
		table_set(t, h, k, head[k]);
	for (size_t i = 0; i < p->n_past_results; i++) {
		const struct past_result *r = &p->past_results[i];
		struct fig_stated st;
		fig_check_past_result(r, &st);
		size_t row = table_add_row(t, false);
		table_set_cell(t, row, 0, &(struct table_cell){
			.text = r->name, .src = {r->pos.file, r->pos.line}});
		/* the published table's figures as published, in the profile's
		 * style (2兆0,600億円 → 2兆600億円, % → ％) */
		table_set(t, row, 1, doc_fit_value(c, r->baseline.text
					       ? doc_figure_text(c, r->baseline.text) : "",
					       value_w));
		table_set(t, row, 2, doc_fit_value(c, r->target.text
					       ? doc_figure_text(c, r->target.text) : "",
					       value_w));
		table_set(t, row, 3, doc_fit_value(c, r->actual_text
					       ? doc_figure_text(c, r->actual_text)
					       : doc_value(c, r->actual, r->unit, false),
					       value_w));
		table_set(t, row, 4, doc_percent(c, &(struct fig_ratio){.ok = true,
								.percent = st.stated}));
		if (!review)
			continue;
		const char *check;
		if (st.matched != FIG_FORMULA_NONE)
			check = doc_printf(c, "一致（%s）", fig_formula_name(st.matched));
		else
			check = doc_printf(c, "不一致：実績÷目標 %s",
					   doc_percent(c, &st.candidates[FIG_FORMULA_ACHIEVEMENT]));
		table_set(t, row, 5, check);
	}
	story_table(c->s, t);
	if (!review)
		return;
	story_para_ex(c->s, &(struct lay_para){
		.text = "※ 達成度は公表値をそのまま掲載し、公表された基準・目標・実績から再計算した結果を右欄に示す（確認用）。",
		.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f},
		.before = 2, .after = 6,
	});
}

void part_sources(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	/* A column of 「記載なし」 tells the reader nothing: without any source
	 * the column goes, and a missing one is 「―」. */
	bool sources = false;
	for (size_t i = 0; i < p->n_indicators; i++)
		sources |= p->indicators[i].source != NULL;
	size_t kcol = sources ? 2 : 1;
	struct table *t = table_new(kcol + 1, &(struct table_style){.size = TYPE.table});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE, .width = 2});
	if (sources)
		table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_SHARE,
							 .width = 1.2f});
	table_set_col(t, kcol, &(struct table_col){.width_kind = TABLE_FIXED,
						    .width = LAY_MM(30)});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "指標");
	if (sources)
		table_set(t, h, 1, "算出方法・出典");
	table_set(t, h, kcol, "実績値の性質");
	for (size_t i = 0; i < p->n_indicators; i++) {
		const struct indicator *ind = &p->indicators[i];
		bool sample = false, any = false;
		for (size_t m = 0; m < ind->n_measures; m++)
			for (size_t k = 0; k < ind->measures[m].n_actuals; k++) {
				any = true;
				sample |= ind->measures[m].actuals[k].illustrative;
			}
		size_t r = table_add_row(t, false);
		table_set_cell(t, r, 0, &(struct table_cell){
			.text = ind->no ? doc_printf(c, "%s %s", ind->no, ind->name) : ind->name,
			.src = {ind->pos.file, ind->pos.line}});
		if (sources)
			table_set(t, r, 1, ind->source ? ind->source : doc_no_data(c));
		table_set(t, r, kcol, !any ? "実績なし" : sample ? "例示値" : "入力値");
	}
	story_table(c->s, t);
}
