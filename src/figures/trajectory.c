/* trajectory.c - where a measure should stand in a given year.
 *
 * The rules are listed in figures.h; the reasons for the less obvious ones:
 *
 * - The anchor is the baseline's own year, not the plan's first year: the
 *   city plan measures from R2 and starts in R4, and the honest straight line
 *   runs through the one point that was measured.  Without a baseline year
 *   the line starts at the end of the year before the plan, so that the
 *   plan's first year already carries one step (R4 of R4–R13 is 1/10 of the
 *   way, not 0).
 * - A level target due before the plan ends (事業所数, R8 in R4–R13) stays
 *   at the target afterwards rather than extrapolating past it.
 * - An unknown baseline of a count (中核企業の育成件数 「－」 → 50社) starts
 *   from zero: the plan counts something it begins doing.  For a share or an
 *   amount (「―」 → 24.8％) zero would be invented data, so there is no
 *   trajectory, and a prorated grade cannot be given.
 */
#include <string.h>

#include "figures_int.h"

const struct actual *fig_find_actual(const struct measure *m, int fy)
{
	/* Sorted by fy and short (one per year of a plan): a linear scan. */
	for (size_t i = 0; i < m->n_actuals; i++)
		if (m->actuals[i].fy == fy)
			return &m->actuals[i];
	return NULL;
}

static bool is_count_unit(const char *unit)
{
	static const char *const counts[] = {
		"件", "社", "人", "事業者", "事業所", "者", "回", "団体", "箇所",
		"か所", "校", "店", "店舗", "名", "品目", "商品", "施設", "企業",
	};
	if (!unit)
		return false;
	size_t n = strlen(unit);
	if (n > strlen("/年") && !strcmp(unit + n - strlen("/年"), "/年"))
		n -= strlen("/年");
	else if (n > strlen("／年") && !strcmp(unit + n - strlen("／年"), "／年"))
		n -= strlen("／年");
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		if (strlen(counts[i]) == n && !memcmp(unit, counts[i], n))
			return true;
	return false;
}

int fig_target_year(const struct plan *p, const struct target *t)
{
	if (t->fy)
		return t->fy;
	if (t->to)
		return t->to;
	return p->to;
}

int fig_anchor_year(const struct plan *p, const struct baseline *b)
{
	if ((b->kind == BASELINE_AVERAGE || b->kind == BASELINE_TOTAL) && b->to)
		return b->to;
	if (b->fy)
		return b->fy;
	if (b->to)
		return b->to;
	return p->from ? p->from - 1 : 0;
}

void fig_cumulative_span(const struct plan *p, const struct target *t,
			 int *from, int *to)
{
	*from = t->from ? t->from : p->from;
	*to = t->to ? t->to : fig_target_year(p, t);
}

bool fig_baseline(const struct measure *m, struct frac *out)
{
	const struct baseline *b = &m->baseline;
	if (b->kind == BASELINE_UNKNOWN)
		return false;
	*out = frac_of_decimal(b->value);
	/* 625件 over five years against a yearly target is 125件 a year. */
	if (b->kind == BASELINE_TOTAL && m->target.kind == TARGET_RATE &&
	    b->from && b->to >= b->from)
		*out = frac_div(*out, frac_of_int(b->to - b->from + 1));
	return true;
}

static enum fig_traj linear(struct frac b, int y0, struct frac t, int yt, int fy,
			    struct frac *e)
{
	if (!y0 || !yt)
		return FIG_TRAJ_NONE;
	if (fy < y0)
		return FIG_TRAJ_BEFORE;
	if (fy >= yt || y0 >= yt) {
		*e = t;
		return FIG_TRAJ_OK;
	}
	struct frac step = frac_div(frac_mul(frac_sub(t, b), frac_of_int(fy - y0)),
				    frac_of_int(yt - y0));
	*e = frac_add(b, step);
	return FIG_TRAJ_OK;
}

enum fig_traj fig_trajectory(const struct plan *p, const struct measure *m,
			     int fy, struct frac *e)
{
	const struct target *t = &m->target;
	struct frac tv = frac_of_decimal(t->value), b = frac_of_int(0);
	bool known = fig_baseline(m, &b);

	switch (t->kind) {
	case TARGET_CUMULATIVE: {
		int from, to;
		fig_cumulative_span(p, t, &from, &to);
		if (!from || to < from)
			return FIG_TRAJ_NONE;
		if (fy < from)
			return FIG_TRAJ_BEFORE;
		int k = (fy < to ? fy : to) - from + 1;
		*e = frac_div(frac_mul(tv, frac_of_int(k)), frac_of_int(to - from + 1));
		return FIG_TRAJ_OK;
	}
	case TARGET_RATE:
		*e = tv;
		return FIG_TRAJ_OK;
	case TARGET_AT_LEAST: {
		int side = known ? frac_cmp(b, tv) : 0;
		bool short_of = m->goal == GOAL_LOWER ? side > 0 : side < 0;
		if (!short_of) {
			*e = tv;
			return FIG_TRAJ_OK;
		}
		break;
	}
	case TARGET_LEVEL:
		if (known)
			break;
		if (m->goal == GOAL_MAINTAIN) {
			*e = tv;
			return FIG_TRAJ_OK;
		}
		if (!is_count_unit(m->unit))
			return FIG_TRAJ_NONE;
		break; /* from zero */
	}
	return linear(b, fig_anchor_year(p, &m->baseline), tv,
		      fig_target_year(p, t), fy, e);
}

static int expected_scale(const struct measure *m)
{
	int s = m->target.value.scale;
	if (m->baseline.kind != BASELINE_UNKNOWN &&
	    m->target.kind != TARGET_CUMULATIVE && m->target.kind != TARGET_RATE &&
	    m->baseline.value.scale > s)
		s = m->baseline.value.scale;
	if (s < 0)
		s = 0;
	return s > DECIMAL_MAX_SCALE ? DECIMAL_MAX_SCALE : s;
}

bool fig_expected(const struct plan *p, const struct measure *m, int fy,
		  struct decimal *out)
{
	struct frac e;
	if (fig_trajectory(p, m, fy, &e) != FIG_TRAJ_OK)
		return false;
	return frac_to_decimal(e, expected_scale(m), out);
}
