/* part_record.c - the evaluation record (record.h) as a council reads it:
 * who is in charge and how each indicator moved since last year, why it
 * moved and what comes next, the programmes with their money and activity
 * indicators, last council's opinions with what was done, and the 総括.
 *
 * Every figure here (values, marks, arrows, counts) is computed from the
 * actuals with figures.h, like the indicator tables beside it; the record
 * only adds words, departments and amounts.  A plan without records gets
 * nothing from these parts (no empty headings), and nothing here names a
 * particular municipality: the marks and their labels are the plan's.
 */
#include <string.h>

#include "doc_int.h"
#include "typesize.h"
#include "figures.h"
#include "record.h"

#define REC_SIZE TYPE.table
static void record_note(struct doc_ctx *c, const struct eval_record *e);

#define RECORD_NOTE "※ 所管課・事業・予算額・分析・委員意見等は例示です（実際の評価記録ではありません）。"

static const struct eval_record *this_year(struct doc_ctx *c)
{
	return eval_of_year(c->p, c->o->fy);
}

/* The note under a part that shows records written as samples. */
void part_record_note(struct doc_ctx *c)
{
	const struct eval_record *e = eval_of_year(c->p, c->o->fy);
	if (!e)
		e = eval_of_year(c->p, c->o->fy - 1);
	record_note(c, e);
}

static void record_note(struct doc_ctx *c, const struct eval_record *e)
{
	if (!e || !e->illustrative)
		return;
	story_para_ex(c->s, &(struct lay_para){
		.text = RECORD_NOTE,
		.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f,
			  .align = TEXT_RIGHT},
		.before = 0, .after = 6,
	});
}

static const char *label_of(struct doc_ctx *c, const struct indicator *ind)
{
	return ind->no ? doc_printf(c, "%s %s", ind->no, ind->name) : ind->name;
}

/* ---- 前年度比 -------------------------------------------------------------- */

/* -1 worse, 0 the same, 1 better: the value moved toward the goal (a
 * maintain goal: nearer its target). */
static int movement(const struct fig_measure *now, const struct fig_measure *before)
{
	int c = decimal_cmp(now->value, before->value);
	const struct measure *m = now->measure;
	if (m->goal == GOAL_LOWER)
		c = -c;
	else if (m->goal == GOAL_MAINTAIN) {
		double t = decimal_to_double(m->target.value);
		double dn = decimal_to_double(now->value) - t, db = decimal_to_double(before->value) - t;
		dn = dn < 0 ? -dn : dn;
		db = db < 0 ? -db : db;
		c = dn < db ? 1 : dn > db ? -1 : 0;
	}
	return c > 0 ? 1 : c < 0 ? -1 : 0;
}

static const char *arrow(int mv)
{
	return mv > 0 ? "↑" : mv < 0 ? "↓" : "→";
}

/* The value of a measure in a year as a cell: "1,234件", or 「未確定」 with
 * the latest value known before it and its year. */
static const char *value_cell(struct doc_ctx *c, const struct fig_measure *f)
{
	const struct measure *m = f->measure;
	if (f->has_value) {
		const char *v = doc_value(c, f->value, m->unit, false);
		return m->target.kind == TARGET_CUMULATIVE ? doc_printf(c, "累計 %s", v) : v;
	}
	for (size_t i = m->n_actuals; i-- > 0;) {
		const struct actual *a = &m->actuals[i];
		if (a->fy < f->fy && a->known && m->target.kind != TARGET_CUMULATIVE)
			return doc_printf(c, "未確定\n（%s %s）", doc_fy(c, a->fy),
					  doc_value(c, a->value, m->unit, false));
	}
	return "未確定";
}

static const char *mark_of(const struct fig_measure *f)
{
	return f->mark ? f->mark : "";
}

static void change_row(struct doc_ctx *c, struct table *t, const char *name,
		       const char *dept, const struct fig_measure *now,
		       const struct fig_measure *before, const char *mark_now,
		       const char *mark_before)
{
	size_t r = table_add_row(t, false);
	table_set(t, r, 0, name);
	table_set(t, r, 1, dept ? dept : doc_no_data(c));
	table_set(t, r, 2, value_cell(c, before));
	table_set(t, r, 3, mark_before);
	table_set(t, r, 4, value_cell(c, now));
	table_set(t, r, 5, mark_now);
	const char *mv = doc_no_data(c);
	if (now->has_value && before->has_value)
		mv = arrow(movement(now, before));
	table_set(t, r, 6, mv);
}

void part_record_changes(struct doc_ctx *c, struct indicator *const *inds, size_t n)
{
	const struct eval_record *e = this_year(c);
	int fy = c->rfy; /* the figures' year; the record is the meeting's */
	if (!n || fy <= c->p->from - 1)
		return;
	bool any = e != NULL;
	for (size_t i = 0; !any && i < n; i++)
		any = eval_dept(c->p, inds[i], c->o->fy, NULL) != NULL;
	if (!any)
		return;
	const char *prev = doc_fy(c, fy - 1);
	part_caption(c, doc_printf(c, "所管課と前年度比（%s→%s）", prev, c->rfy_short));
	struct table *t = table_new(7, &(struct table_style){.size = REC_SIZE});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_AUTO, .min = LAY_MM(18),
						 .max = LAY_MM(31), .valign = TEXT_MIDDLE});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_AUTO, .min = LAY_MM(18),
						 .max = LAY_MM(30), .align = TABLE_RIGHT,
						 .valign = TEXT_MIDDLE});
	table_set_col(t, 3, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(10),
						 .align = TABLE_CENTER, .valign = TEXT_MIDDLE});
	table_set_col(t, 4, &(struct table_col){.width_kind = TABLE_AUTO, .min = LAY_MM(18),
						 .max = LAY_MM(36), .align = TABLE_RIGHT,
						 .valign = TEXT_MIDDLE});
	table_set_col(t, 5, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(10),
						 .align = TABLE_CENTER, .valign = TEXT_MIDDLE});
	/* 13 mm: its head breaks 前年|度比 at 10 pt, but 17 mm took the room
	 * of the 指標 column and split 粗付加|価値額 there instead, which ICU's
	 * dictionary takes for two words (a cell keeps only phrases whole) */
	table_set_col(t, 6, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(13),
						 .align = TABLE_CENTER, .valign = TEXT_MIDDLE});
	size_t h0 = table_add_row(t, true), h1 = table_add_row(t, true);
	table_set_cell(t, h0, 0, &(struct table_cell){.text = "指標", .rowspan = 2});
	table_set_cell(t, h0, 1, &(struct table_cell){.text = "所管課", .rowspan = 2});
	table_set_cell(t, h0, 2, &(struct table_cell){.text = doc_printf(c, "前年度（%s）", prev),
						      .colspan = 2});
	table_set_cell(t, h0, 4, &(struct table_cell){
		.text = doc_printf(c, "当該年度（%s）", c->rfy_short), .colspan = 2});
	table_set_cell(t, h0, 6, &(struct table_cell){.text = "前年度比", .rowspan = 2});
	table_set(t, h1, 2, "実績");
	table_set(t, h1, 3, "評価");
	table_set(t, h1, 4, "実績");
	table_set(t, h1, 5, "評価");
	for (size_t i = 0; i < n; i++) {
		const struct indicator *ind = inds[i];
		const char *dept = eval_dept(c->p, ind, c->o->fy, NULL);
		struct fig_indicator now, before;
		fig_indicator_compute(c->p, ind, fy, c->a, &now);
		fig_indicator_compute(c->p, ind, fy - 1, c->a, &before);
		if (now.n_parts == 1) {
			change_row(c, t, label_of(c, ind), dept, &now.parts[0], &before.parts[0],
				   mark_of(&now.parts[0]), mark_of(&before.parts[0]));
			continue;
		}
		size_t r = table_add_row(t, false);
		table_set_cell(t, r, 0, &(struct table_cell){.text = label_of(c, ind),
							     .grey = 0.95f});
		table_set_cell(t, r, 1, &(struct table_cell){.text = dept ? dept : doc_no_data(c),
							     .grey = 0.95f});
		table_set_cell(t, r, 2, &(struct table_cell){.grey = 0.95f});
		table_set_cell(t, r, 3, &(struct table_cell){.text = before.mark, .grey = 0.95f});
		table_set_cell(t, r, 4, &(struct table_cell){.grey = 0.95f});
		table_set_cell(t, r, 5, &(struct table_cell){.text = now.mark, .grey = 0.95f});
		table_set_cell(t, r, 6, &(struct table_cell){.grey = 0.95f});
		for (size_t k = 0; k < now.n_parts; k++)
			change_row(c, t, doc_printf(c, "　%s", now.parts[k].measure->name
							       ? now.parts[k].measure->name : ""),
				   dept, &now.parts[k], &before.parts[k], "", "");
	}
	story_table(c->s, t);
	story_para_ex(c->s, &(struct lay_para){
		.text = "前年度比：↑ 改善　→ 横ばい　↓ 悪化（目標に近づく向きを改善とします。"
			"未確定の年度は最新の値とその年度を示します）",
		.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f},
		.after = 2, .keep_with_prev = true,
	});
}

/* ---- 要因分析・課題・今後の方向性 ------------------------------------------ */

static bool has_words(const struct eval_assessment *as)
{
	return as && (as->factors || as->issues || as->choice || as->lag);
}

void part_record_analysis(struct doc_ctx *c, struct indicator *const *inds, size_t n)
{
	const struct eval_record *e = this_year(c);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++)
		shown += has_words(eval_assessment(e, inds[i]));
	if (!shown)
		return;
	part_caption(c, doc_printf(c, "要因分析と今後の方向性（%s）", c->rfy_short));
	struct table *t = table_new(3, &(struct table_style){.size = REC_SIZE});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(42)});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(23),
						 .align = TABLE_CENTER});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1,
						 .align = TABLE_JUSTIFY});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "指標（評価・所管課）");
	table_set(t, h, 1, "項目");
	table_set(t, h, 2, "内容");
	for (size_t i = 0; i < n; i++) {
		const struct eval_assessment *as = eval_assessment(e, inds[i]);
		if (!has_words(as))
			continue;
		struct fig_indicator fi;
		fig_indicator_latest(c->p, inds[i], c->rfy, c->a, &fi);
		const char *items[4][2];
		size_t k = 0;
		if (as->factors)
			items[k][0] = "要因分析", items[k++][1] = as->factors;
		if (as->issues)
			items[k][0] = "課題", items[k++][1] = as->issues;
		if (as->choice)
			items[k][0] = "今後の方向性",
			items[k++][1] = as->direction
				? doc_printf(c, "【%s】%s", as->choice, as->direction)
				: doc_printf(c, "【%s】", as->choice);
		if (as->lag)
			items[k][0] = "データの時点", items[k++][1] = as->lag;
		const char *who = doc_printf(c, "%s\n（評価 %s%s%s）", label_of(c, inds[i]),
					     fi.mark ? fi.mark : doc_no_data(c), as->dept ? "・" : "",
					     as->dept ? as->dept : "");
		for (size_t q = 0; q < k; q++) {
			size_t r = table_add_row(t, false);
			if (q == 0)
				table_set_cell(t, r, 0, &(struct table_cell){
					.text = who, .rowspan = (int)k,
					.src = {as->pos.file, as->pos.line}});
			table_set(t, r, 1, items[q][0]);
			table_set_cell(t, r, 2, &(struct table_cell){
				.text = items[q][1], .src = {as->pos.file, as->pos.line}});
		}
	}
	story_table(c->s, t);
	if (c->p->n_review_choices) {
		const char *w = "";
		for (size_t i = 0; i < c->p->n_review_choices; i++)
			w = doc_printf(c, "%s%s%s", w, i ? "・" : "", c->p->review_choices[i]);
		story_para_ex(c->s, &(struct lay_para){
			.text = doc_printf(c, "今後の方向性の区分：%s%s", w,
					   c->p->review_choices_illustrative ? "（例示）" : ""),
			.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f},
			.after = 2,
		});
	}
}

/* ---- 事業と活動指標 --------------------------------------------------------- */

/* An amount as the record writes it, in the profile's style. */
static const char *amount(struct doc_ctx *c, const char *text)
{
	return text ? doc_figure_text(c, text) : doc_no_data(c);
}

static const char *activity_value(struct doc_ctx *c, bool has, struct decimal v,
				  const char *unit)
{
	return has ? doc_value(c, v, unit ? unit : "", false) : doc_no_data(c);
}

/* The programmes of the year whose results the document reports, from
 * that year's record: the R7 council reviews R6, so R6's budget, its
 * settlement and its activities' full-year results (R7's own, 決算前 and
 * part-year, read as R6's results beside R6's indicators). */
void part_record_programmes(struct doc_ctx *c, const struct pillar *pl)
{
	const struct eval_record *e = eval_of_year(c->p, c->rfy);
	size_t n = 0;
	for (size_t i = 0; e && i < e->n_programmes; i++)
		n += !pl || e->programmes[i].pillar == pl;
	if (!n)
		return;
	part_caption(c, doc_printf(c, "主な事業と活動指標（%s、予算額・決算額は千円）", c->rfy_short));
	struct table *t = table_new(7, &(struct table_style){.size = REC_SIZE});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1.2f});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_AUTO, .min = LAY_MM(15),
						 .align = TABLE_RIGHT});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_AUTO, .min = LAY_MM(15),
						 .align = TABLE_RIGHT});
	table_set_col(t, 3, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1.4f});
	table_set_col(t, 4, &(struct table_col){.width_kind = TABLE_AUTO, .min = LAY_MM(12),
						 .align = TABLE_RIGHT});
	table_set_col(t, 5, &(struct table_col){.width_kind = TABLE_AUTO, .min = LAY_MM(12),
						 .align = TABLE_RIGHT});
	table_set_col(t, 6, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1.2f});
	size_t h0 = table_add_row(t, true), h1 = table_add_row(t, true);
	table_set_cell(t, h0, 0, &(struct table_cell){.text = "事業名（所管課）", .rowspan = 2});
	table_set_cell(t, h0, 1, &(struct table_cell){.text = "予算額", .rowspan = 2});
	table_set_cell(t, h0, 2, &(struct table_cell){.text = "決算額", .rowspan = 2});
	table_set_cell(t, h0, 3, &(struct table_cell){.text = "活動指標", .colspan = 3});
	table_set_cell(t, h0, 6, &(struct table_cell){.text = "関連する主要指標", .rowspan = 2});
	table_set(t, h1, 3, "指標");
	table_set(t, h1, 4, "目標");
	table_set(t, h1, 5, "実績");
	for (size_t i = 0; i < e->n_programmes; i++) {
		const struct eval_programme *pg = &e->programmes[i];
		if (pl && pg->pillar != pl)
			continue;
		size_t k = pg->n_activities ? pg->n_activities : 1;
		const char *outs = "";
		for (size_t q = 0; q < pg->n_outcomes; q++)
			outs = doc_printf(c, "%s%s%s%s", outs, q ? "\n" : "",
					  pg->n_outcomes > 1 ? "・" : "", label_of(c, pg->outcomes[q]));
		const char *name = doc_printf(c, "%s\n（%s）", pg->name ? pg->name : "",
					      pg->dept ? pg->dept : "");
		if (pg->direction && !pl)
			name = doc_printf(c, "%s\n取組方針%s", name,
					  pg->direction->no ? pg->direction->no : "");
		for (size_t q = 0; q < k; q++) {
			size_t r = table_add_row(t, false);
			if (q == 0) {
				struct text_src src = {pg->pos.file, pg->pos.line};
				table_set_cell(t, r, 0, &(struct table_cell){
					.text = name, .rowspan = (int)k, .src = src});
				table_set_cell(t, r, 1, &(struct table_cell){
					.text = amount(c, pg->budget_text), .rowspan = (int)k});
				table_set_cell(t, r, 2, &(struct table_cell){
					.text = pg->settlement_text ? pg->settlement_text : "（決算前）",
					.rowspan = (int)k});
				table_set_cell(t, r, 6, &(struct table_cell){
					.text = *outs ? outs : doc_no_data(c), .rowspan = (int)k});
			}
			if (!pg->n_activities)
				continue;
			const struct eval_activity *ac = &pg->activities[q];
			table_set(t, r, 3, ac->name);
			table_set(t, r, 4, ac->target_text
				  ? activity_value(c, ac->has_target, ac->target, ac->unit)
				  : "（未設定）");
			table_set(t, r, 5, activity_value(c, ac->has_actual, ac->actual, ac->unit));
		}
	}
	story_table(c->s, t);
}

/* ---- 前回の委員意見と対応状況 ------------------------------------------------ */

void part_record_followup(struct doc_ctx *c)
{
	const struct eval_record *e = this_year(c);
	const struct eval_record *prev = eval_of_year(c->p, c->o->fy - 1);
	if (!prev || !prev->n_opinions)
		return;
	part_heading(c, 1, "前回の委員意見と対応状況");
	part_para(c, doc_printf(c, "%sの会議でいただいた委員意見と、その後の対応状況です。",
				doc_fy(c, c->o->fy - 1)));
	struct table *t = table_new(3, &(struct table_style){.size = REC_SIZE});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_FIXED, .width = LAY_MM(8),
						 .align = TABLE_CENTER});
	table_set_col(t, 1, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1,
						 .align = TABLE_JUSTIFY});
	table_set_col(t, 2, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1.3f,
						 .align = TABLE_JUSTIFY});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, "No");
	table_set(t, h, 1, doc_printf(c, "委員意見（%s）", doc_fy(c, c->o->fy - 1)));
	table_set(t, h, 2, "対応状況（所管課）");
	for (size_t i = 0; i < prev->n_opinions; i++) {
		const struct eval_opinion *op = &prev->opinions[i];
		const struct eval_response *rs = eval_response_to(e, op);
		size_t r = table_add_row(t, false);
		table_set(t, r, 0, doc_printf(c, "%zu", i + 1));
		table_set_cell(t, r, 1, &(struct table_cell){
			.text = op->member ? doc_printf(c, "%s\n― %s", op->text, op->member)
					   : op->text,
			.src = {op->pos.file, op->pos.line}});
		table_set_cell(t, r, 2, &(struct table_cell){
			.text = !rs ? "対応状況は未登録です。"
			      : rs->dept ? doc_printf(c, "%s\n（%s）", rs->text, rs->dept) : rs->text,
			.src = rs ? (struct text_src){rs->pos.file, rs->pos.line}
				  : (struct text_src){0}});
	}
	story_table(c->s, t);
	record_note(c, prev);
}

/* This council's own opinions (the annual report's record of the year). */
void part_record_opinions(struct doc_ctx *c)
{
	const struct eval_record *e = this_year(c);
	if (!e || !e->n_opinions)
		return;
	part_heading(c, 2, doc_printf(c, "%sの委員意見", c->fy_short));
	const char *items[64];
	size_t n = 0;
	for (size_t i = 0; i < e->n_opinions && n < 64; i++)
		items[n++] = e->opinions[i].member
			? doc_printf(c, "%s ― %s", e->opinions[i].text, e->opinions[i].member)
			: e->opinions[i].text;
	part_list(c, items, n);
	record_note(c, e);
}

/* ---- 総括 ------------------------------------------------------------------ */

static const char *count_cell(struct doc_ctx *c, size_t before, size_t now, bool has_before)
{
	return has_before ? doc_printf(c, "%zu → %zu", before, now) : doc_printf(c, "%zu", now);
}

static void overall_row(struct doc_ctx *c, struct table *t, const struct pillar *pl,
			const char *name, bool has_before)
{
	struct fig_summary now, before;
	fig_summary_compute(c->p, pl, c->rfy, c->a, &now);
	fig_summary_compute(c->p, pl, c->rfy - 1, c->a, &before);
	size_t r = table_add_row(t, false);
	table_set_cell(t, r, 0, &(struct table_cell){.text = name, .grey = pl ? 0 : 0.95f});
	size_t col = 1;
	for (size_t i = 0; i < now.n_levels; i++)
		table_set_cell(t, r, col++, &(struct table_cell){
			.text = count_cell(c, before.counts[i], now.counts[i], has_before),
			.grey = pl ? 0 : 0.95f});
	table_set_cell(t, r, col++, &(struct table_cell){
		.text = count_cell(c, before.no_data + before.not_assessable + before.ungraded,
				   now.no_data + now.not_assessable + now.ungraded, has_before),
		.grey = pl ? 0 : 0.95f});
	table_set_cell(t, r, col, &(struct table_cell){
		.text = doc_printf(c, "%zu", now.total), .grey = pl ? 0 : 0.95f});
}

void part_record_overall(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	const struct eval_record *e = this_year(c);
	if (!e)
		return;
	const struct grading *g = &p->grading;
	bool has_before = c->rfy - 1 >= p->from;
	part_heading(c, 1, "総括");
	part_caption(c, has_before
		? doc_printf(c, "評価ごとの指標数（%s → %s）", doc_fy(c, c->rfy - 1), c->rfy_short)
		: doc_printf(c, "評価ごとの指標数（%s）", c->rfy_short));
	size_t nc = g->n_levels + 3;
	struct table *t = table_new(nc, &(struct table_style){.size = REC_SIZE});
	table_set_col(t, 0, &(struct table_col){.width_kind = TABLE_SHARE, .width = 1});
	for (size_t i = 1; i < nc; i++)
		table_set_col(t, i, &(struct table_col){.width_kind = TABLE_FIXED,
							 .width = LAY_MM(i + 1 < nc ? 19 : 11),
							 .align = TABLE_CENTER});
	size_t h = table_add_row(t, true);
	table_set(t, h, 0, plan_word(p, LEVEL_PILLAR, "区分"));
	for (size_t i = 0; i < g->n_levels; i++)
		table_set(t, h, i + 1, g->levels[i].label
			  ? doc_printf(c, "%s\n%s", g->levels[i].mark, g->levels[i].label)
			  : g->levels[i].mark);
	table_set(t, h, nc - 2, doc_printf(c, "%s・%s\n未確定等", g->no_data_mark ? g->no_data_mark : doc_no_data(c),
					   g->not_assessable_mark ? g->not_assessable_mark : "／"));
	table_set(t, h, nc - 1, "計");
	for (size_t i = 0; i < p->n_pillars; i++)
		if (p->pillars[i].n_indicators)
			overall_row(c, t, &p->pillars[i],
				    doc_printf(c, "%s %s", p->pillars[i].no ? p->pillars[i].no : "",
					       p->pillars[i].title), has_before);
	/* say so when the total holds indicators outside every pillar (the
	 * basic scenario's), as the overview chart does: otherwise the
	 * 全体 row does not add up to the rows above it */
	size_t in_pillars = 0;
	for (size_t i = 0; i < p->n_pillars; i++)
		in_pillars += p->pillars[i].n_indicators;
	overall_row(c, t, NULL, in_pillars < p->n_indicators ? "全体（柱外の指標を含む）" : "全体",
		    has_before);
	story_table(c->s, t);
	if (has_before)
		story_para_ex(c->s, &(struct lay_para){
			.text = "各欄は「前年度 → 本年度」の指標数です。",
			.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f},
			.after = 2, .keep_with_prev = true,
		});
	if (e->n_achievements) {
		part_caption(c, "主な成果");
		part_list(c, e->achievements, e->n_achievements);
	}
	if (e->n_problems) {
		part_caption(c, "主な課題");
		part_list(c, e->problems, e->n_problems);
	}
	record_note(c, e);
}

void part_record_depts(struct doc_ctx *c, struct indicator *const *inds, size_t n)
{
	const char *w = "";
	bool sample = false;
	for (size_t i = 0; i < n; i++) {
		int y = 0;
		const char *d = eval_dept(c->p, inds[i], c->o->fy, &y);
		if (!d)
			continue;
		const struct eval_record *e = eval_of_year(c->p, y);
		sample |= e && e->illustrative;
		/* each department once, in the order of the indicators */
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = eval_dept(c->p, inds[k], c->o->fy, NULL) &&
			       !strcmp(eval_dept(c->p, inds[k], c->o->fy, NULL), d);
		if (!seen)
			w = doc_printf(c, "%s%s%s", w, *w ? "、" : "", d);
	}
	if (!*w)
		return;
	story_para_ex(c->s, &(struct lay_para){
		.text = doc_printf(c, "所管課%s：%s", sample ? "（例示）" : "", w),
		.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.4f},
		.after = 2,
	});
}
