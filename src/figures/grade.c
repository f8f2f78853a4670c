/* grade.c - achievement, progress and the grade of a measure, an indicator
 * and a pillar in one year.  The rules are in figures.h; why some are so:
 *
 * - The grade is read off the rounded percentage, the figure people see: a
 *   table that prints 達成率 100.0% next to a B would be argued over.
 * - At-least and maintain targets ignore the scheme's basis.  Progress from
 *   a baseline means nothing for 「2,215億円 → 2,215億円以上」 (the baseline
 *   is the floor) or for 「27,279 → 27,300」 kept within a band, and would
 *   make those indicators permanently not assessable.
 * - "Not assessable" is decided before "no data": it follows from the
 *   definition of the indicator, so saying 実績未確定 would promise a grade
 *   that will never come.
 * - A compound indicator is only as good as its worst part: the plan sets
 *   one target for both values, and averaging would hide a part that lags.
 */
#include <string.h>

#include "arena.h"
#include "internal.h"

static int clamp_scale(int s)
{
	return s < 0 ? 0 : s > 4 ? 4 : s;
}

void fig_ratio_set(struct fig_ratio *r, struct frac f, int scale)
{
	struct frac pct = frac_mul(f, frac_of_int(100));
	r->ok = frac_to_decimal(pct, scale, &r->percent);
	r->value = r->ok ? frac_to_double(f) : 0.0;
}

const char *fig_mark(const struct plan *p, enum fig_state st, int level)
{
	const struct grading *g = &p->grading;
	switch (st) {
	case FIG_GRADED:
		if (level >= 0 && (size_t)level < g->n_levels)
			return g->levels[level].mark;
		return NULL;
	case FIG_UNGRADED:
		return NULL;
	case FIG_NO_DATA:
		return g->no_data_mark ? g->no_data_mark : FIG_NO_DATA_MARK;
	case FIG_NOT_ASSESSABLE:
		return g->not_assessable_mark ? g->not_assessable_mark
					      : FIG_NOT_ASSESSABLE_MARK;
	}
	return NULL;
}

const char *fig_reason_text(enum fig_reason r)
{
	switch (r) {
	case FIG_REASON_NONE: return "";
	case FIG_REASON_NO_ACTUAL: return "no actual for the year";
	case FIG_REASON_ACTUAL_UNKNOWN: return "actual not yet known";
	case FIG_REASON_MISSING_YEAR: return "a year of the running total is not known";
	case FIG_REASON_BEFORE_START: return "before the target's trajectory starts";
	case FIG_REASON_NO_TRAJECTORY: return "no expected value for the year";
	case FIG_REASON_BASELINE_UNKNOWN: return "baseline unknown";
	case FIG_REASON_BASELINE_IS_TARGET: return "baseline equals the target";
	case FIG_REASON_TARGET_ZERO: return "target is 0";
	case FIG_REASON_ZERO_ACTUAL: return "actual is 0: target met, no ratio";
	case FIG_REASON_OVERFLOW: return "values too large to compute";
	}
	return "";
}

/* The graded value a: the year's actual, or a cumulative target's running
 * sum.  Returns FIG_REASON_NONE when it is known. */
static enum fig_reason graded_value(const struct plan *p, const struct measure *m,
				    int fy, struct fig_measure *out)
{
	out->actual = fig_find_actual(m, fy);
	if (m->target.kind != TARGET_CUMULATIVE) {
		if (!out->actual)
			return FIG_REASON_NO_ACTUAL;
		if (!out->actual->known)
			return FIG_REASON_ACTUAL_UNKNOWN;
		out->value = out->actual->value;
		out->has_value = true;
		return FIG_REASON_NONE;
	}
	int from, to;
	fig_cumulative_span(p, &m->target, &from, &to);
	if (!from || to < from || fy < from)
		return FIG_REASON_BEFORE_START;
	int last = fy < to ? fy : to, scale = 0;
	struct frac sum = frac_of_int(0);
	for (int y = from; y <= last; y++) {
		const struct actual *a = fig_find_actual(m, y);
		if (!a || !a->known) {
			if (y == fy)
				return a ? FIG_REASON_ACTUAL_UNKNOWN : FIG_REASON_NO_ACTUAL;
			out->missing_fy = y;
			return FIG_REASON_MISSING_YEAR;
		}
		sum = frac_add(sum, frac_of_decimal(a->value));
		if (a->value.scale > scale)
			scale = a->value.scale;
	}
	if (!frac_to_decimal(sum, scale, &out->value))
		return FIG_REASON_OVERFLOW;
	out->has_value = true;
	return FIG_REASON_NONE;
}

/* The first level whose min (a ratio) the rounded percentage reaches; below
 * every min, the last (worst) level. */
static int pick_level(const struct grading *g, struct decimal pct)
{
	struct frac v = frac_of_decimal(pct);
	for (size_t i = 0; i < g->n_levels; i++) {
		struct frac min = frac_mul(frac_of_decimal(g->levels[i].min),
					   frac_of_int(100));
		if (!min.bad && frac_cmp(v, min) >= 0)
			return (int)i;
	}
	return (int)g->n_levels - 1;
}

enum rule { RULE_ACHIEVEMENT, RULE_PROGRESS, RULE_MAINTAIN };

static void finish(const struct plan *p, struct fig_measure *out,
		   enum fig_state st, enum fig_reason why)
{
	if (st == FIG_GRADED && p->grading.n_levels == 0)
		st = FIG_UNGRADED;
	out->state = st;
	if (why != FIG_REASON_NONE)
		out->reason = why;
	if (st != FIG_GRADED)
		out->level = -1;
	out->mark = fig_mark(p, st, out->level);
}

void fig_measure_at_scale(const struct plan *p, const struct measure *m,
			  int fy, int scale, struct fig_measure *out)
{
	memset(out, 0, sizeof *out);
	out->measure = m;
	out->fy = fy;
	out->level = -1;

	const struct grading *g = &p->grading;
	enum target_kind kind = m->target.kind;
	bool lower = m->goal == GOAL_LOWER;
	struct frac t = frac_of_decimal(m->target.value), b = frac_of_int(0), e = t;
	bool b_known = fig_baseline(m, &b);
	enum fig_traj traj = fig_trajectory(p, m, fy, &e);
	if (traj == FIG_TRAJ_OK)
		out->has_expected = fig_expected(p, m, fy, &out->expected);

	enum fig_reason data = graded_value(p, m, fy, out);
	struct frac a = frac_of_decimal(out->value);

	/* The printed figures, never prorated. */
	if (out->has_value) {
		if (lower && !frac_is_zero(a))
			fig_ratio_set(&out->achievement, frac_div(t, a), scale);
		else if (!lower && !frac_is_zero(t))
			fig_ratio_set(&out->achievement, frac_div(a, t), scale);
		if (kind == TARGET_CUMULATIVE) {
			if (!frac_is_zero(t))
				fig_ratio_set(&out->progress, frac_div(a, t), scale);
		} else if (b_known && frac_cmp(t, b) != 0) {
			fig_ratio_set(&out->progress,
				      frac_div(frac_sub(a, b), frac_sub(t, b)), scale);
		}
	}

	/* What the grade compares with, and which failures are structural. */
	enum rule rule = m->goal == GOAL_MAINTAIN && kind != TARGET_CUMULATIVE
				 ? RULE_MAINTAIN
			 : kind == TARGET_CUMULATIVE || kind == TARGET_AT_LEAST
				 ? RULE_ACHIEVEMENT
			 : g->basis == GRADE_BASIS_PROGRESS ? RULE_PROGRESS
							    : RULE_ACHIEVEMENT;
	enum fig_reason why = FIG_REASON_NONE;
	struct frac ref = t;
	if (kind == TARGET_CUMULATIVE && data == FIG_REASON_BEFORE_START)
		why = FIG_REASON_BEFORE_START;
	else if (g->prorate && traj == FIG_TRAJ_BEFORE)
		why = FIG_REASON_BEFORE_START;
	else if (g->prorate && traj == FIG_TRAJ_NONE)
		why = !b_known && kind == TARGET_LEVEL ? FIG_REASON_BASELINE_UNKNOWN
						       : FIG_REASON_NO_TRAJECTORY;
	else if (g->prorate)
		ref = e;

	if (why == FIG_REASON_NONE) {
		switch (rule) {
		case RULE_MAINTAIN:
			if (frac_is_zero(ref))
				why = FIG_REASON_TARGET_ZERO;
			break;
		case RULE_PROGRESS:
			if (!b_known)
				why = FIG_REASON_BASELINE_UNKNOWN;
			else if (frac_cmp(t, b) == 0)
				why = FIG_REASON_BASELINE_IS_TARGET;
			else if (frac_cmp(ref, b) == 0)
				why = FIG_REASON_BEFORE_START; /* prorated, anchor year */
			break;
		case RULE_ACHIEVEMENT:
			if (!lower && frac_is_zero(ref))
				why = FIG_REASON_TARGET_ZERO;
			break;
		}
	}
	if (why != FIG_REASON_NONE) {
		finish(p, out, FIG_NOT_ASSESSABLE, why);
		return;
	}
	if (data != FIG_REASON_NONE) {
		finish(p, out, data == FIG_REASON_OVERFLOW ? FIG_NOT_ASSESSABLE : FIG_NO_DATA,
		       data);
		return;
	}

	struct frac r;
	switch (rule) {
	case RULE_MAINTAIN: {
		struct frac dev = frac_div(frac_abs(frac_sub(a, ref)), frac_abs(ref));
		struct frac tol = frac_div(frac_of_decimal(g->maintain_tolerance),
					   frac_of_int(100));
		r = frac_sub(frac_of_int(1), dev);
		out->within_tolerance = !dev.bad && !tol.bad && frac_cmp(dev, tol) <= 0;
		break;
	}
	case RULE_PROGRESS:
		r = frac_div(frac_sub(a, b), frac_sub(ref, b));
		break;
	case RULE_ACHIEVEMENT:
	default:
		if (lower && frac_is_zero(a)) {
			/* Nothing happened where less is better: met. */
			if (frac_sign(ref) >= 0) {
				out->level = 0;
				finish(p, out, FIG_GRADED, FIG_REASON_ZERO_ACTUAL);
				return;
			}
			finish(p, out, FIG_NOT_ASSESSABLE, FIG_REASON_TARGET_ZERO);
			return;
		}
		r = lower ? frac_div(ref, a) : frac_div(a, ref);
		break;
	}
	fig_ratio_set(&out->basis, r, scale);
	if (!out->basis.ok) {
		finish(p, out, FIG_NOT_ASSESSABLE, FIG_REASON_OVERFLOW);
		return;
	}
	out->level = out->within_tolerance ? 0 : pick_level(g, out->basis.percent);
	finish(p, out, FIG_GRADED, FIG_REASON_NONE);
}

void fig_measure_compute(const struct plan *p, const struct measure *m, int fy,
			 struct fig_measure *out)
{
	fig_measure_at_scale(p, m, fy, clamp_scale(p->grading.ratio_scale), out);
}

/* Whether graded part f is worse than g: a lower level, or the same level
 * with a lower ratio (so that the part shown as deciding is the one that
 * lags most).  A part met with an actual of 0 has no ratio and is not
 * worse than any ratio of its level. */
static bool worse(const struct fig_measure *f, const struct fig_measure *g)
{
	if (f->level != g->level)
		return f->level > g->level;
	return f->basis.ok && (!g->basis.ok || f->basis.value < g->basis.value);
}

void fig_indicator_compute(const struct plan *p, const struct indicator *ind,
			   int fy, struct arena *a, struct fig_indicator *out)
{
	memset(out, 0, sizeof *out);
	out->indicator = ind;
	out->fy = fy;
	out->level = -1;
	out->deciding_part = -1;
	out->n_parts = ind->n_measures;
	out->parts = ind->n_measures
			     ? arena_calloc(a, ind->n_measures, sizeof *out->parts)
			     : NULL;

	int no_data = -1, graded = -1, ungraded = -1, not_assessable = -1;
	for (size_t i = 0; i < ind->n_measures; i++) {
		struct fig_measure *f = &out->parts[i];
		fig_measure_compute(p, &ind->measures[i], fy, f);
		switch (f->state) {
		case FIG_NO_DATA:
			if (no_data < 0)
				no_data = (int)i;
			break;
		case FIG_NOT_ASSESSABLE:
			if (not_assessable < 0)
				not_assessable = (int)i;
			break;
		case FIG_UNGRADED:
			if (ungraded < 0)
				ungraded = (int)i;
			break;
		case FIG_GRADED:
			if (graded < 0 || worse(f, &out->parts[graded]))
				graded = (int)i;
			break;
		}
	}

	int pick;
	if (no_data >= 0)
		pick = no_data;
	else if (graded >= 0)
		pick = graded;
	else if (ungraded >= 0)
		pick = ungraded;
	else
		pick = not_assessable;
	out->partial = not_assessable >= 0 && pick != not_assessable;
	if (pick < 0) {
		out->state = FIG_NOT_ASSESSABLE;
		out->mark = fig_mark(p, out->state, -1);
		return;
	}
	const struct fig_measure *d = &out->parts[pick];
	out->deciding_part = pick;
	out->state = d->state;
	out->reason = d->reason;
	out->level = d->level;
	out->mark = d->mark;
}

void fig_summary_compute(const struct plan *p, const struct pillar *pl, int fy,
			 struct arena *a, struct fig_summary *out)
{
	memset(out, 0, sizeof *out);
	out->pillar = pl;
	out->fy = fy;
	out->n_levels = p->grading.n_levels;
	out->counts = arena_calloc(a, out->n_levels ? out->n_levels : 1,
				   sizeof *out->counts);
	size_t n = pl ? pl->n_indicators : p->n_indicators;
	for (size_t i = 0; i < n; i++) {
		const struct indicator *ind = pl ? pl->indicators[i] : &p->indicators[i];
		struct fig_indicator fi;
		fig_indicator_compute(p, ind, fy, a, &fi);
		out->total++;
		switch (fi.state) {
		case FIG_GRADED: out->counts[fi.level]++; break;
		case FIG_UNGRADED: out->ungraded++; break;
		case FIG_NO_DATA: out->no_data++; break;
		case FIG_NOT_ASSESSABLE: out->not_assessable++; break;
		}
	}
}
