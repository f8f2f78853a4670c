/* trend_data.c - a trend chart's data, independent of the box: the x axis
 * years, one series per part of the indicator (values, baseline, target,
 * trajectory, band, years not yet known) and whether the parts share a
 * panel.  Why each is drawn as it is: trend.c. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart_int.h"
#include "fy.h"
#include "typesize.h"
#include "typo.h"

#define SHARE_RATIO 4.0

static int target_year(const struct plan *p, const struct target *t)
{
	return t->fy ? t->fy : t->to ? t->to : p->to;
}

static void target_span(const struct plan *p, const struct target *t, int *from,
			int *to)
{
	*from = t->from ? t->from : p->from;
	*to = t->to ? t->to : target_year(p, t);
}

/* The baseline as a point comparable with the values, if there is one. */
static bool baseline_point(const struct plan *p, const struct measure *m,
			   struct chart_pt *out)
{
	const struct baseline *b = &m->baseline;
	if (b->kind == BASELINE_UNKNOWN || m->target.kind == TARGET_CUMULATIVE)
		return false;
	memset(out, 0, sizeof *out);
	out->exact = b->value;
	out->value = decimal_to_double(b->value);
	switch (b->kind) {
	case BASELINE_LEVEL:
	case BASELINE_RATE:
		out->fy = b->fy ? b->fy : b->to ? b->to : p->from - 1;
		return true;
	case BASELINE_AVERAGE:
		out->fy = b->to ? b->to : b->fy ? b->fy : p->from - 1;
		return true;
	case BASELINE_TOTAL:
		/* a total over years stands beside yearly values only */
		if (m->target.kind != TARGET_RATE || !b->from || b->to < b->from)
			return false;
		out->value /= b->to - b->from + 1;
		out->exact = decimal_from_double(out->value, b->value.scale + 1);
		out->fy = b->to;
		return true;
	case BASELINE_UNKNOWN:
		break;
	}
	return false;
}

static bool illustrative_in(const struct measure *m, int from, int to)
{
	for (size_t i = 0; i < m->n_actuals; i++) {
		const struct actual *a = &m->actuals[i];
		if (a->fy >= from && a->fy <= to && a->known && a->illustrative)
			return true;
	}
	return false;
}

static struct chart_pt pt_of(int fy, struct decimal d)
{
	struct chart_pt pt = {0};
	pt.fy = fy;
	pt.exact = d;
	pt.value = decimal_to_double(d);
	return pt;
}

static void series_data(const struct chart *c, const struct measure *m,
			int from, int to, struct chart_series *s, struct arena *a)
{
	const struct plan *p = c->p;
	const struct target *t = &m->target;
	size_t years = (size_t)(to - from + 1);
	int last = to < c->o.fy ? to : c->o.fy;

	s->measure = m;
	s->cumulative = t->kind == TARGET_CUMULATIVE;
	s->values = arena_calloc(a, years, sizeof *s->values);
	s->expected = arena_calloc(a, years, sizeof *s->expected);
	s->pending = arena_calloc(a, years, sizeof *s->pending);

	int span_from, span_to;
	target_span(p, t, &span_from, &span_to);
	for (int y = from; y <= last; y++) {
		struct fig_measure fm;
		fig_measure_compute(p, m, y, &fm);
		/* a year that borrows the latest earlier value (a survey every
		 * few years) is not a point of its own */
		if (fm.has_value && !fm.value_fy) {
			struct chart_pt *v = &s->values[s->n_values++];
			*v = pt_of(y, fm.value);
			v->illustrative = s->cumulative
						  ? illustrative_in(m, span_from, y)
						  : fm.actual && fm.actual->illustrative;
		} else if (fm.actual && !fm.actual->known) {
			s->pending[s->n_pending++] = y;
		}
	}

	/* fig_expected rounds to the precision the plan wrote (5.4 → 5.8 goes
	 * 5.4, 5.5, 5.5, 5.6 ...), which would draw a staircase; grades compare
	 * with the exact line.  The same measure with its values written to
	 * more digits gives that line through the same rules. */
	struct measure fine = *m;
	fine.baseline.value = decimal_round(m->baseline.value, DECIMAL_MAX_SCALE);
	fine.target.value = decimal_round(t->value, DECIMAL_MAX_SCALE);
	bool reached = false;
	for (int y = from; y <= to && t->kind != TARGET_RATE && !reached; y++) {
		struct decimal e;
		if (!fig_expected(p, &fine, y, &e))
			continue;
		/* a floor: only the climb to it (the floor line is the rest) */
		if (t->kind == TARGET_AT_LEAST && decimal_cmp(e, t->value) == 0)
			reached = true;
		s->expected[s->n_expected++] = pt_of(y, e);
	}
	if (t->kind == TARGET_AT_LEAST && s->n_expected < 2)
		s->n_expected = 0;

	s->has_baseline = baseline_point(p, m, &s->baseline) &&
			  s->baseline.fy >= from && s->baseline.fy <= to;

	s->target = pt_of(target_year(p, t), t->value);
	switch (t->kind) {
	case TARGET_RATE:
		s->target_shape = CHART_TARGET_RATE;
		s->target.fy = span_to;
		break;
	case TARGET_AT_LEAST:
		s->target_shape = CHART_TARGET_FLOOR;
		break;
	case TARGET_CUMULATIVE:
		s->target_shape = CHART_TARGET_POINT;
		s->target.fy = span_to;
		break;
	case TARGET_LEVEL:
		s->target_shape = m->goal == GOAL_MAINTAIN ? CHART_TARGET_BAND
							   : CHART_TARGET_POINT;
		break;
	}
	if (s->target.fy > to)
		s->target.fy = to;

	if (s->target_shape == CHART_TARGET_BAND) {
		/* where the grade counts as kept: the plan's years */
		double tol = decimal_to_double(p->grading.maintain_tolerance) / 100;
		s->band_lo = arena_calloc(a, years, sizeof *s->band_lo);
		s->band_hi = arena_calloc(a, years, sizeof *s->band_hi);
		for (size_t i = 0; i < s->n_expected; i++) {
			const struct chart_pt *e = &s->expected[i];
			if (e->fy < p->from)
				continue;
			struct chart_pt lo = *e, hi = *e;
			lo.value = e->value - fabs(e->value) * tol;
			hi.value = e->value + fabs(e->value) * tol;
			s->band_lo[s->n_band] = lo;
			s->band_hi[s->n_band++] = hi;
		}
	}
}

/* The largest magnitude a series shows. */
static double series_max(const struct chart_series *s)
{
	double m = fabs(s->target.value);
	for (size_t i = 0; i < s->n_values; i++)
		m = fmax(m, fabs(s->values[i].value));
	for (size_t i = 0; i < s->n_expected; i++)
		m = fmax(m, fabs(s->expected[i].value));
	if (s->has_baseline)
		m = fmax(m, fabs(s->baseline.value));
	return m;
}

void trend_data(const struct chart *c, struct arena *a,
		struct trend_data *td)
{
	const struct plan *p = c->p;
	const struct indicator *ind = c->ind;
	memset(td, 0, sizeof *td);
	td->from = p->from;
	td->to = p->to;
	for (size_t i = 0; i < ind->n_measures; i++) {
		const struct measure *m = &ind->measures[i];
		struct chart_pt b;
		if (baseline_point(p, m, &b) && b.fy && b.fy < td->from)
			td->from = b.fy;
		int ty = target_year(p, &m->target);
		if (ty > td->to)
			td->to = ty;
	}
	if (td->to < td->from)
		td->to = td->from;
	if (td->to - td->from + 1 > TREND_MAX_YEARS)
		td->from = td->to - TREND_MAX_YEARS + 1;

	td->n = ind->n_measures;
	td->series = arena_calloc(a, td->n ? td->n : 1, sizeof *td->series);
	double lo = INFINITY, hi = 0;
	for (size_t i = 0; i < td->n; i++) {
		struct chart_series *s = &td->series[i];
		series_data(c, &ind->measures[i], td->from, td->to, s, a);
		for (size_t k = 0; k < s->n_values; k++)
			td->illustrative |= s->values[k].illustrative;
		double mx = series_max(s);
		lo = fmin(lo, mx);
		hi = fmax(hi, mx);
		if (i > 0 && strcmp(s->measure->unit, td->series[0].measure->unit))
			td->small = true;
	}
	if (td->n > 1 && hi > lo * SHARE_RATIO)
		td->small = true;
	for (size_t i = 0; i < td->n; i++)
		td->series[i].style = td->small ? 0 : (int)i;
}
