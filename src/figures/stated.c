/* stated.c - recomputing the achievement figures a source states.
 *
 * A published 達成度 is checked against the formulas a municipality
 * plausibly used, in order: 実績 ÷ 目標, progress from the baseline, the
 * actual against a target pro-rated to the actual's year, and a multi-year
 * total against the target pro-rated by years.  A figure follows when one of
 * them, rounded half away from zero to the stated figure's own precision,
 * gives exactly the printed number.  Only a figure no formula reproduces is
 * warned about, and the warning says what each formula gave, so that staff
 * can see whether the source or the transcription is wrong.
 *
 * The prefecture's table of its previous policy's results (目標年度 R2),
 * recomputed from its own values:
 *   製造品出荷額     20,699 ÷ 20,600 = 100.5%; progress 106.7%; pro-rated to
 *                    H30 (19,128 → 20,600 over H26–R2) 102.9%.  Stated
 *                    103.8%: no formula reproduces it (it would need a
 *                    denominator near 19,941), so shiryo warns.
 *   付加価値額       7,143 ÷ 7,100 = 100.6%  (実績÷目標)
 *   産学官共同研究数 735 ÷ 675 = 108.9%      (実績÷目標: a four-year total
 *                    H28–R元 against the five-year target, not pro-rated)
 *   立地協定件数     175 ÷ 170 = 102.9%      (実績÷目標, likewise)
 *   製造業の従業者数 71,413 ÷ 70,000 = 102.0% (実績÷目標)
 */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "fy.h"
#include "figures_int.h"

const char *fig_formula_name(enum fig_formula f)
{
	switch (f) {
	case FIG_FORMULA_NONE: return "";
	case FIG_FORMULA_ACHIEVEMENT: return "実績÷目標";
	case FIG_FORMULA_PROGRESS: return "(実績−基準)÷(目標−基準)";
	case FIG_FORMULA_PRORATED: return "実績÷按分目標";
	case FIG_FORMULA_SPAN: return "期間実績÷期間按分目標";
	case FIG_FORMULA_COUNT: break;
	}
	return "";
}

static int stated_scale(struct decimal d)
{
	return d.scale < 0 ? 0 : d.scale > 4 ? 4 : d.scale;
}

static bool same(const struct fig_ratio *r, struct decimal stated)
{
	return r->ok && r->percent.scale == stated.scale && r->percent.units == stated.units;
}

static void match(struct fig_stated *out)
{
	out->matched = FIG_FORMULA_NONE;
	for (int f = FIG_FORMULA_ACHIEVEMENT; f < FIG_FORMULA_COUNT; f++)
		if (same(&out->candidates[f], out->stated)) {
			out->matched = (enum fig_formula)f;
			return;
		}
}

static int year_of(const struct baseline *b)
{
	if (b->fy)
		return b->fy;
	return b->to;
}

void fig_check_past_result(const struct past_result *r, struct fig_stated *out)
{
	memset(out, 0, sizeof *out);
	out->stated = r->stated_achievement;
	int s = stated_scale(r->stated_achievement);
	struct frac a = frac_of_decimal(r->actual);
	struct frac t = frac_of_decimal(r->target.value);
	struct frac b = frac_of_decimal(r->baseline.value);
	bool b_known = r->baseline.kind != BASELINE_UNKNOWN;
	int ya = r->actual_to ? r->actual_to : r->actual_from;
	out->fy = ya;

	if (!frac_is_zero(t))
		fig_ratio_set(&out->candidates[FIG_FORMULA_ACHIEVEMENT], frac_div(a, t), s);
	if (b_known && frac_cmp(t, b) != 0)
		fig_ratio_set(&out->candidates[FIG_FORMULA_PROGRESS],
			      frac_div(frac_sub(a, b), frac_sub(t, b)), s);

	/* Linear from the baseline's year to the target's, at the actual's. */
	int yb = year_of(&r->baseline);
	int yt = r->target.fy ? r->target.fy : r->target.to;
	if (b_known && yb && yt > yb && ya > yb && ya < yt) {
		struct frac e = frac_add(
			b, frac_div(frac_mul(frac_sub(t, b), frac_of_int(ya - yb)),
				    frac_of_int(yt - yb)));
		if (!frac_is_zero(e))
			fig_ratio_set(&out->candidates[FIG_FORMULA_PRORATED],
				      frac_div(a, e), s);
	}

	/* A total over k years against an n-year target: target × k ÷ n, or
	 * the stated yearly pace × k. */
	if (r->actual_from && r->actual_to > r->actual_from) {
		int k = r->actual_to - r->actual_from + 1;
		struct frac due = {0, 1, true};
		if (r->target.has_per_year)
			due = frac_mul(frac_of_decimal(r->target.per_year), frac_of_int(k));
		else if (r->target.from && r->target.to >= r->target.from)
			due = frac_div(frac_mul(t, frac_of_int(k)),
				       frac_of_int(r->target.to - r->target.from + 1));
		if (!due.bad && !frac_is_zero(due))
			fig_ratio_set(&out->candidates[FIG_FORMULA_SPAN], frac_div(a, due), s);
	}
	match(out);
}

/* Candidates for one measure at its latest year with a known graded value. */
static bool measure_candidates(const struct plan *p, const struct measure *m,
			       struct decimal stated, struct fig_stated *out)
{
	int s = stated_scale(stated);
	for (size_t i = m->n_actuals; i-- > 0;) {
		int fy = m->actuals[i].fy;
		struct fig_measure f;
		fig_measure_at_scale(p, m, fy, s, &f);
		if (!f.has_value)
			continue;
		memset(out, 0, sizeof *out);
		out->stated = stated;
		out->fy = fy;
		out->candidates[FIG_FORMULA_ACHIEVEMENT] = f.achievement;
		out->candidates[FIG_FORMULA_PROGRESS] = f.progress;
		struct frac e, a = frac_of_decimal(f.value);
		if (fig_trajectory(p, m, fy, &e) == FIG_TRAJ_OK && !frac_is_zero(e) &&
		    !frac_is_zero(a))
			fig_ratio_set(&out->candidates[FIG_FORMULA_PRORATED],
				      m->goal == GOAL_LOWER ? frac_div(e, a) : frac_div(a, e), s);
		match(out);
		return true;
	}
	return false;
}

bool fig_check_indicator(const struct plan *p, const struct indicator *ind,
			 struct fig_stated *out)
{
	memset(out, 0, sizeof *out);
	out->stated = ind->stated_achievement;
	if (!ind->has_stated_achievement)
		return false;
	bool any = false;
	for (size_t i = 0; i < ind->n_measures; i++) {
		struct fig_stated c;
		if (!measure_candidates(p, &ind->measures[i], ind->stated_achievement, &c))
			continue;
		if (!any || c.matched != FIG_FORMULA_NONE)
			*out = c;
		any = true;
		if (c.matched != FIG_FORMULA_NONE)
			break;
	}
	return any;
}

/* "実績÷目標 100.5%, (実績−基準)÷(目標−基準) 106.7%" */
static void describe(const struct fig_stated *st, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int f = FIG_FORMULA_ACHIEVEMENT; f < FIG_FORMULA_COUNT; f++) {
		const struct fig_ratio *r = &st->candidates[f];
		if (!r->ok)
			continue;
		char num[64];
		decimal_format(r->percent, false, num, sizeof num);
		int w = snprintf(buf + n, size - n, "%s%s %s%%", n ? ", " : "",
				 fig_formula_name((enum fig_formula)f), num);
		if (w < 0 || (size_t)w >= size - n)
			break;
		n += (size_t)w;
	}
	if (!n)
		snprintf(buf, size, "nothing (the values give no ratio)");
}

size_t fig_check_plan(const struct plan *p, struct diag_list *dg)
{
	fig_check_rules(p, dg); /* notes only: not counted as warnings */
	size_t warned = 0;
	char stated[64], computed[512];
	for (size_t i = 0; i < p->n_indicators; i++) {
		const struct indicator *ind = &p->indicators[i];
		struct fig_stated st;
		if (!fig_check_indicator(p, ind, &st) || st.matched != FIG_FORMULA_NONE)
			continue;
		char year[32] = "";
		fy_format(st.fy, FY_STYLE_SHORT, year, sizeof year);
		decimal_format(st.stated, false, stated, sizeof stated);
		describe(&st, computed, sizeof computed);
		diag_add(dg, DIAG_WARNING, ind->pos.file, ind->pos.line, ind->pos.column,
			 "indicator '%s' (%s): stated achievement %s%% does not follow from "
			 "its values (actual of %s); shiryo computes %s",
			 ind->id ? ind->id : "?", ind->name ? ind->name : "", stated, year,
			 computed);
		warned++;
	}
	for (size_t i = 0; i < p->n_past_results; i++) {
		const struct past_result *r = &p->past_results[i];
		struct fig_stated st;
		fig_check_past_result(r, &st);
		if (st.matched != FIG_FORMULA_NONE)
			continue;
		decimal_format(st.stated, false, stated, sizeof stated);
		describe(&st, computed, sizeof computed);
		diag_add(dg, DIAG_WARNING, r->pos.file, r->pos.line, r->pos.column,
			 "past result '%s': stated achievement %s%% does not follow from "
			 "the stated values; shiryo computes %s",
			 r->name ? r->name : (r->id ? r->id : "?"), stated, computed);
		warned++;
	}
	return warned;
}
