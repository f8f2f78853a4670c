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
#include "figures_int.h"

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
	return fig_rule_mark(&p->grading, st, level);
}

const char *fig_rule_mark(const struct grading *g, enum fig_state st, int level)
{
	if (g->method == GRADE_NONE)
		return NULL;
	switch (st) {
	case FIG_STATUS:
		if (level >= 0 && (size_t)level < g->n_statuses)
			return g->statuses[level].mark;
		return NULL;
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
	case FIG_REASON_NO_RULE: return "the plan states no grading rule";
	case FIG_REASON_NO_PREVIOUS: return "no earlier value to compare with";
	case FIG_REASON_NO_MARK: return "no mark entered";
	case FIG_REASON_MILESTONE_DONE: return "milestone done";
	case FIG_REASON_MILESTONE_PENDING: return "milestone not yet due";
	}
	return "";
}

/* The graded value a: the year's actual, or a cumulative target's running
 * sum.  Returns FIG_REASON_NONE when it is known. */
static enum fig_reason graded_value(const struct plan *p, const struct measure *m,
				    int fy, struct fig_measure *out)
{
	out->actual = fig_find_actual(m, fy);
	/* (an interim value or a forecast is never the year's actual: they
	 * are kept apart, in m->provisionals) */
	if (m->target.kind != TARGET_CUMULATIVE && m->latest &&
	    (!out->actual || !out->actual->known)) {
		/* a survey every few years: the latest value before fy, with
		 * its year (the page says which) */
		for (size_t i = m->n_actuals; i-- > 0;) {
			const struct actual *a = &m->actuals[i];
			if (a->fy < fy && a->known) {
				out->value = a->value;
				out->has_value = true;
				out->value_fy = a->fy;
				return FIG_REASON_NONE;
			}
		}
	}
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
	(void)p;
	const struct grading *g = out->rule;
	if (st == FIG_GRADED && (g->n_levels == 0 || g->method == GRADE_NONE))
		st = FIG_UNGRADED;
	if (g->method == GRADE_NONE && st != FIG_UNGRADED) {
		/* no rule: no marks of any kind, the figures stay */
		st = FIG_UNGRADED;
		why = FIG_REASON_NO_RULE;
	}
	out->state = st;
	if (why != FIG_REASON_NONE)
		out->reason = why;
	if (st != FIG_GRADED)
		out->level = -1;
	out->mark = fig_rule_mark(g, st, st == FIG_STATUS ? out->status : out->level);
}

/* The level of rule g whose when is w, or -1. */
static int level_when(const struct grading *g, enum grade_when w)
{
	for (size_t i = 0; i < g->n_levels; i++)
		if (grade_when_of(g, i) == w)
			return (int)i;
	return -1;
}

static void graded_when(const struct plan *p, struct fig_measure *out,
			enum grade_when w)
{
	out->level = level_when(out->rule, w);
	if (out->level < 0)
		finish(p, out, FIG_NOT_ASSESSABLE, FIG_REASON_NONE);
	else
		finish(p, out, FIG_GRADED, FIG_REASON_NONE);
}

/* A mark the department entered (or a status of the rule) on the year's
 * value: it is the mark, whatever a computation would say (Akiruno). */
static bool entered(const struct plan *p, struct fig_measure *out)
{
	const struct actual_note *act = measure_note(out->measure, out->fy);
	const struct grading *g = out->rule;
	if (!act || !act->mark)
		return false;
	out->entered_reason = act->reason;
	for (size_t i = 0; i < g->n_statuses; i++)
		if (g->statuses[i].mark && !strcmp(g->statuses[i].mark, act->mark)) {
			out->status = (int)i;
			finish(p, out, FIG_STATUS, FIG_REASON_NONE);
			return true;
		}
	for (size_t i = 0; g->method == GRADE_ENTERED && i < g->n_levels; i++)
		if (g->levels[i].mark && !strcmp(g->levels[i].mark, act->mark)) {
			out->level = (int)i;
			finish(p, out, FIG_GRADED, FIG_REASON_NONE);
			return true;
		}
	return false;
}

/* Band (Nagayo): the target reached; else better than the baseline,
 * within the band around it, or worse. */
static void grade_band(const struct plan *p, const struct measure *m, struct frac a,
		       struct frac b, struct frac t, struct fig_measure *out)
{
	const struct grading *g = out->rule;
	bool lower = m->goal == GOAL_LOWER;
	int reach = frac_cmp(a, t);
	/* a rule without a mark for the target (a/b/c around the baseline
	 * only) compares with the baseline alone */
	if (level_when(g, WHEN_TARGET) >= 0 && (lower ? reach <= 0 : reach >= 0)) {
		graded_when(p, out, WHEN_TARGET);
		return;
	}
	struct frac diff = lower ? frac_sub(b, a) : frac_sub(a, b);
	struct frac w = frac_of_decimal(g->band_width);
	if (!g->band_absolute)
		w = frac_div(frac_mul(frac_abs(b), w), frac_of_int(100));
	struct frac mag = frac_abs(diff);
	int c = frac_cmp(mag, w);
	bool inside = g->band_inclusive ? c <= 0 : c < 0;
	enum grade_when wh;
	if (frac_sign(diff) > 0)
		wh = g->band_both && inside ? WHEN_SAME : WHEN_BETTER;
	else
		wh = inside ? WHEN_SAME : WHEN_WORSE;
	graded_when(p, out, wh);
}

/* Direction (Matsudo): an arrow against the previous known value (the
 * last year before fy with one, else the baseline). */
static void grade_direction(const struct plan *p, const struct measure *m, int fy,
			    struct fig_measure *out)
{
	const struct actual *prev = NULL;
	for (size_t i = 0; i < m->n_actuals; i++)
		if (m->actuals[i].fy < fy && m->actuals[i].known)
			prev = &m->actuals[i];
	struct frac pv;
	if (prev) {
		pv = frac_of_decimal(prev->value);
		out->previous_fy = prev->fy;
		out->reference = prev->value;
	} else if (m->baseline.kind != BASELINE_UNKNOWN) {
		pv = frac_of_decimal(m->baseline.value);
		out->previous_fy = fig_anchor_year(p, &m->baseline);
		out->reference = m->baseline.value;
	} else {
		finish(p, out, FIG_NOT_ASSESSABLE, FIG_REASON_NO_PREVIOUS);
		return;
	}
	out->has_reference = true;
	int c = frac_cmp(frac_of_decimal(out->value), pv);
	graded_when(p, out, c > 0 ? WHEN_UP : c < 0 ? WHEN_DOWN : WHEN_FLAT);
}

void fig_measure_at_scale(const struct plan *p, const struct measure *m,
			  int fy, int scale, struct fig_measure *out)
{
	memset(out, 0, sizeof *out);
	out->measure = m;
	out->fy = fy;
	out->level = -1;
	out->rule = measure_rule(p, m);
	out->target_fy = m->target.fy;

	/* The target in force: the first intermediate target not yet past
	 * (Fuji), else the final one.  Graded as if it were the target. */
	for (size_t i = 0; i < m->n_interims; i++)
		if (m->interims[i].fy && fy <= m->interims[i].fy) {
			struct measure mm = *m;
			mm.target.value = m->interims[i].value;
			mm.target.fy = m->interims[i].fy;
			mm.target.text = m->interims[i].text;
			mm.n_interims = 0;
			fig_measure_at_scale(p, &mm, fy, scale, out);
			out->measure = m;
			out->interim = true;
			out->target_fy = m->interims[i].fy;
			return;
		}

	const struct grading *g = out->rule;
	enum target_kind kind = m->target.kind;
	bool lower = m->goal == GOAL_LOWER;
	struct frac t = frac_of_decimal(m->target.value), b = frac_of_int(0), e = t;
	bool b_known = fig_baseline(m, &b);
	enum fig_traj traj = fig_trajectory(p, m, fy, &e);
	if (traj == FIG_TRAJ_OK)
		out->has_expected = fig_expected(p, m, fy, &out->expected);

	enum fig_reason data = graded_value(p, m, fy, out);
	struct frac a = frac_of_decimal(out->value);
	if (entered(p, out))
		return;
	if (g->method == GRADE_ENTERED) {
		finish(p, out, FIG_NO_DATA, FIG_REASON_NO_MARK);
		return;
	}
	if (m->milestone) {
		/* 設置, 策定: done (the year) or not yet; never a ratio */
		for (size_t i = 0; i < m->n_actuals; i++)
			if (m->actuals[i].fy <= fy && measure_note(m, m->actuals[i].fy) &&
			    measure_note(m, m->actuals[i].fy)->done) {
				out->done_fy = m->actuals[i].fy;
				break;
			}
		if (out->done_fy) {
			/* done: the best mark (met, for pass-fail) */
			out->level = g->method == GRADE_PASS_FAIL ? level_when(g, WHEN_MET)
				   : g->n_levels ? 0 : -1;
			finish(p, out, out->level >= 0 ? FIG_GRADED : FIG_NOT_ASSESSABLE,
			       FIG_REASON_MILESTONE_DONE);
		} else if (fy < fig_target_year(p, &m->target)) {
			finish(p, out, FIG_NO_DATA, FIG_REASON_MILESTONE_PENDING);
		} else {
			out->level = g->method == GRADE_PASS_FAIL ? level_when(g, WHEN_NOT_MET)
				   : (int)g->n_levels - 1;
			finish(p, out, out->level >= 0 ? FIG_GRADED : FIG_NOT_ASSESSABLE,
			       FIG_REASON_NONE);
		}
		return;
	}

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

	if (g->method == GRADE_NONE) {
		finish(p, out, FIG_UNGRADED, FIG_REASON_NO_RULE);
		return;
	}
	if (g->method == GRADE_DIRECTION || g->method == GRADE_BAND ||
	    g->method == GRADE_PASS_FAIL) {
		if (data != FIG_REASON_NONE) {
			finish(p, out, data == FIG_REASON_OVERFLOW ? FIG_NOT_ASSESSABLE
								   : FIG_NO_DATA, data);
			return;
		}
		if (g->method == GRADE_DIRECTION) {
			grade_direction(p, m, fy, out);
		} else if (g->method == GRADE_PASS_FAIL) {
			int c = frac_cmp(a, t);
			bool met = m->goal == GOAL_LOWER ? c <= 0 : c >= 0;
			out->has_reference = true;
			out->reference = m->target.value;
			graded_when(p, out, met ? WHEN_MET : WHEN_NOT_MET);
		} else if (!b_known) {
			finish(p, out, FIG_NOT_ASSESSABLE, FIG_REASON_BASELINE_UNKNOWN);
		} else {
			grade_band(p, m, a, b, t, out);
		}
		return;
	}

	/* What the grade compares with, and which failures are structural:
	 * each kind as the rule states it (the defaults are what shiryo did
	 * before rules stated kinds, and `check` warns where it assumes). */
	const struct kind_rule *kr = kind == TARGET_CUMULATIVE ? &g->cumulative
				   : kind == TARGET_RATE ? &g->rate
				   : kind == TARGET_AT_LEAST ? &g->at_least : NULL;
	int pr = g->prorate ? (g->prorate_zero ? PRORATE_ZERO : PRORATE_BASELINE) : PRORATE_NONE;
	enum grade_basis basis = g->basis;
	if (kr && kr->stated) {
		pr = kr->prorate;
		basis = kr->basis;
	} else if (kind == TARGET_CUMULATIVE || kind == TARGET_AT_LEAST) {
		basis = GRADE_BASIS_ACHIEVEMENT;
	}
	enum rule rule = m->goal == GOAL_MAINTAIN && kind != TARGET_CUMULATIVE
				 ? RULE_MAINTAIN
			 : kind == TARGET_CUMULATIVE ? RULE_ACHIEVEMENT
			 : basis == GRADE_BASIS_PROGRESS ? RULE_PROGRESS
							 : RULE_ACHIEVEMENT;
	if (rule == RULE_MAINTAIN)
		pr = g->maintain_stated ? g->maintain_prorate : pr;
	enum fig_reason why = FIG_REASON_NONE;
	struct frac ref = t;
	if (pr == PRORATE_ZERO && kind != TARGET_CUMULATIVE && kind != TARGET_RATE) {
		/* T × y ÷ n over the target's own period (Tama) */
		int from = m->target.from ? m->target.from : p->from;
		int to = fig_target_year(p, &m->target);
		if (!from || to < from || fy < from)
			why = FIG_REASON_BEFORE_START;
		else {
			int y = fy > to ? to - from + 1 : fy - from + 1;
			ref = frac_div(frac_mul(t, frac_of_int(y)), frac_of_int(to - from + 1));
			struct decimal ed;
			if (frac_to_decimal(ref, m->target.value.scale, &ed)) {
				out->has_expected = true;
				out->expected = ed;
			}
		}
	} else if (kind == TARGET_CUMULATIVE && data == FIG_REASON_BEFORE_START)
		why = FIG_REASON_BEFORE_START;
	else if (pr != PRORATE_NONE && traj == FIG_TRAJ_BEFORE)
		why = FIG_REASON_BEFORE_START;
	else if (pr != PRORATE_NONE && traj == FIG_TRAJ_NONE)
		why = !b_known && kind == TARGET_LEVEL ? FIG_REASON_BASELINE_UNKNOWN
						       : FIG_REASON_NO_TRAJECTORY;
	else if (pr != PRORATE_NONE)
		ref = e;
	if (why == FIG_REASON_NONE) {
		out->has_reference = frac_to_decimal(ref, m->target.value.scale + 1,
						     &out->reference);
	}

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

/* Whether fy itself has no value yet: its own actual is missing or not
 * known (a gap earlier in a running sum is no such case). */
static bool not_yet(const struct fig_measure *f)
{
	return !f->has_value && !f->measure->milestone &&
	       (!f->actual || !f->actual->known);
}

void fig_measure_latest(const struct plan *p, const struct measure *m, int fy,
			struct fig_measure *out)
{
	fig_measure_compute(p, m, fy, out);
	if (!not_yet(out) || !m->n_actuals)
		return;
	for (int y = fy - 1; y >= m->actuals[0].fy; y--) {
		struct fig_measure g;
		fig_measure_compute(p, m, y, &g);
		if (g.has_value) {
			*out = g;
			out->value_fy = y;
			out->latest = true;
			return;
		}
	}
}

static void indicator_compute(const struct plan *p, const struct indicator *ind,
			      int fy, struct arena *a, struct fig_indicator *out,
			      bool latest);

void fig_indicator_compute(const struct plan *p, const struct indicator *ind,
			   int fy, struct arena *a, struct fig_indicator *out)
{
	indicator_compute(p, ind, fy, a, out, false);
}

void fig_indicator_latest(const struct plan *p, const struct indicator *ind,
			  int fy, struct arena *a, struct fig_indicator *out)
{
	indicator_compute(p, ind, fy, a, out, true);
}

static void indicator_compute(const struct plan *p, const struct indicator *ind,
			      int fy, struct arena *a, struct fig_indicator *out,
			      bool latest)
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

	int no_data = -1, graded = -1, ungraded = -1, not_assessable = -1, status = -1;
	for (size_t i = 0; i < ind->n_measures; i++) {
		struct fig_measure *f = &out->parts[i];
		if (latest)
			fig_measure_latest(p, &ind->measures[i], fy, f);
		else
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
		case FIG_STATUS:
			if (status < 0)
				status = (int)i;
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
	else if (status >= 0)
		pick = status;
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
	out->status = d->status;
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
	out->n_levels = p->grading.method == GRADE_RATIO || p->grading.method == GRADE_BAND ||
			p->grading.method == GRADE_PASS_FAIL || p->grading.method == GRADE_ENTERED ||
			p->grading.method == GRADE_DIRECTION ? p->grading.n_levels : 0;
	out->counts = arena_calloc(a, out->n_levels ? out->n_levels : 1,
				   sizeof *out->counts);
	out->within = arena_calloc(a, out->n_levels ? out->n_levels : 1,
				   sizeof *out->within);
	size_t n = pl ? pl->n_indicators : p->n_indicators;
	for (size_t i = 0; i < n; i++) {
		const struct indicator *ind = pl ? pl->indicators[i] : &p->indicators[i];
		struct fig_indicator fi;
		fig_indicator_latest(p, ind, fy, a, &fi); /* as the tables show it */
		out->total++;
		switch (fi.state) {
		case FIG_GRADED:
			/* an indicator under its own rule counts by the plan's
			 * levels only when it is graded by the plan's rule */
			if (fi.deciding_part >= 0 && fi.parts[fi.deciding_part].rule == &p->grading &&
			    (size_t)fi.level < out->n_levels) {
				out->counts[fi.level]++;
				const struct grade_case *gc = p->grading.cases
					? &p->grading.cases[fi.level] : NULL;
				const struct fig_ratio *r = &fi.parts[fi.deciding_part].basis;
				if (gc && gc->has_within && r->ok &&
				    frac_cmp(frac_of_decimal(r->percent),
					     frac_mul(frac_of_decimal(gc->within_min),
						      frac_of_int(100))) >= 0)
					out->within[fi.level]++;
			}
			else
				out->other_rule++;
			break;
		case FIG_UNGRADED: out->ungraded++; break;
		case FIG_NO_DATA: out->no_data++; break;
		case FIG_NOT_ASSESSABLE: out->not_assessable++; break;
		case FIG_STATUS: out->statuses++; break;
		}
	}
}
