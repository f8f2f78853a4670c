/* trend.c - an indicator over the years.
 *
 * What is drawn, and why:
 *
 * - The values are fig_measure_compute's graded values: the year's actual,
 *   or for a cumulative target the running sum from the target's first
 *   year - the figure the grade is taken from, so the chart and the table
 *   never disagree.  A year without a known value is a gap in the line (a
 *   running sum stops at the first missing year, as the figures do); a year
 *   listed as not yet known gets a small 「未確定」.
 * - The trajectory is fig_expected's, and only where it says something the
 *   target does not already say: none for a per-year rate (the target line
 *   is the trajectory), and for a floor only the stretch that climbs to it.
 *   An unknown baseline therefore has a trajectory from zero for counts and
 *   none for shares and amounts - the figures' own rule.
 * - The baseline is a hollow marker at its year (the last year of an
 *   average), so the x axis starts there when that is before the plan; the
 *   years before the plan are shaded.  A cumulative target's baseline is a
 *   yearly figure that cannot stand beside running sums and is not drawn.
 * - The y axis is zero-based when every value has one sign and the smallest
 *   is at most half the largest: then the distance from zero means
 *   something and compressing the data costs little.  Otherwise (shares
 *   around 90%, 27,000 事業所 kept level) a zero-based axis would flatten
 *   the line the council came to see, so the axis starts at a round tick
 *   and a break mark below the axis says so.
 * - Parts of a compound indicator go in one panel only if they can share an
 *   axis: same unit, and largest values within a factor of 4 (60件 beside
 *   850件 would lie flat at the bottom).  Otherwise small multiples.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart_int.h"
#include "typo.h"
#include "fy.h"
#include "typesize.h"

#define MAX_YEARS 25
#define ZERO_SHARE 0.5
#define SHARE_RATIO 4.0
#define PANEL_MIN_W 200.0f
#define MARKER_R 2.6f
#define STAR_R 5.0f
#define LINE_W 1.4f

/* ---- the data, independent of the box ------------------------------------ */

struct trend_data {
	int from, to;              /* x axis */
	struct chart_series *series;
	size_t n;
	bool small;                /* small multiples */
	bool illustrative;
};

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

static void trend_data(const struct chart *c, struct arena *a,
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
	if (td->to - td->from + 1 > MAX_YEARS)
		td->from = td->to - MAX_YEARS + 1;

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

/* ---- legend ---------------------------------------------------------------- */

#define MAX_ITEMS 16

static struct legend_item item(enum legend_swatch sw, int style, bool hollow,
			       const char *text)
{
	return (struct legend_item){.swatch = sw, .style = style,
				    .hollow = hollow, .text = text};
}

static size_t trend_legend(const struct chart *c, const struct chart_series *s,
			   size_t n, bool multi, struct legend_item *it,
			   struct arena *a)
{
	size_t k = 0;
	bool all_cum = n > 0, base = false, star = false, rate = false,
	     floor_up = false, floor_down = false, band = false, dashed = false;
	for (size_t i = 0; i < n; i++) {
		all_cum &= s[i].cumulative;
		base |= s[i].has_baseline;
		dashed |= s[i].n_expected >= 2;
		switch (s[i].target_shape) {
		case CHART_TARGET_POINT: star = true; break;
		case CHART_TARGET_RATE: rate = true; break;
		case CHART_TARGET_BAND: band = star = true; break;
		case CHART_TARGET_FLOOR:
			if (s[i].measure->goal == GOAL_LOWER)
				floor_down = true;
			else
				floor_up = true;
			break;
		case CHART_TARGET_NONE: break;
		}
	}
	if (multi) {
		for (size_t i = 0; i < n && k < MAX_ITEMS - 8; i++) {
			const char *name = s[i].measure->name ? s[i].measure->name
							       : "実績";
			it[k++] = item(SW_SERIES, s[i].style, false,
				       s[i].cumulative
					       ? arena_printf(a, "%s（累計）", name)
					       : name);
		}
	} else {
		it[k++] = item(SW_SERIES, 0, false, all_cum ? "実績（累計）" : "実績");
	}
	if (base)
		it[k++] = item(SW_MARKER, 0, true, "基準値");
	if (star)
		it[k++] = item(SW_STAR, 0, false, "目標");
	if (rate)
		it[k++] = item(SW_TARGET_LINE, 0, false, "目標（毎年）");
	if (floor_up)
		it[k++] = item(SW_FLOOR, 0, false, "目標（以上）");
	if (floor_down)
		it[k++] = item(SW_FLOOR, 0, false, "目標（以下）");
	if (band) {
		char tol[32];
		chart_format_decimal(plan_typo(c->p), c->p->grading.maintain_tolerance, 0, tol,
				     sizeof tol);
		it[k++] = item(SW_BAND, 0, false, arena_printf(a, "維持の範囲（±%s%s）", tol,
							       plan_typo(c->p)->percent));
	}
	if (dashed)
		it[k++] = item(SW_DASHED, 0, false, "目標への目安");
	return k;
}

/* ---- sizes ------------------------------------------------------------------ */

/* The chart's title: the indicator's number and name, as the table beside
 * it names the row (a chart headed only by its unit, 「（％）」 four times
 * on a page, left the reader matching charts to rows by their shapes),
 * shortened as a bar's label is. */
static const char *chart_title(const struct chart *c, struct arena *a)
{
	const struct indicator *ind = c->ind;
	const char *name = chart_short_label(a, ind->name ? ind->name : "");
	return ind->no && *ind->no ? arena_printf(a, "%s %s", ind->no, name) : name;
}

/* The title's size: TYPE.chart_title, scaled with the labels when a caller
 * chose another label size. */
static float title_size(const struct chart *c)
{
	return c->o.font_size * TYPE.chart_title / TYPE.chart;
}

/* The title's height at width w, with the space under it. */
static float chart_title_h(const struct chart *c, float w, struct arena *a)
{
	return chart_text_height(c, title_size(c), w, chart_title(c, a)) + 3;
}

/* The row above a plot: the unit (and a part's name); the top tick's label
 * reaches half a line into it. */
static float title_h(const struct chart *c)
{
	return c->o.font_size * 1.5f + 5;
}

static float xlab_h(const struct chart *c)
{
	return c->o.font_size + 6;
}

static float plot_pref(float pw, bool compact)
{
	float h = pw * (compact ? 0.28f : 0.36f);
	float lo = compact ? 80 : 90, hi = compact ? 130 : 170;
	return h < lo ? lo : h > hi ? hi : h;
}

static bool side_by_side(size_t n, float w)
{
	return n > 1 && n <= 3 && (float)n * PANEL_MIN_W <= w;
}

/* The plot may give up this share of its preferred height when a page is
 * tight: below about two thirds a slope of a few per cent a year no longer
 * reads, and 50 pt leaves room for three labelled ticks. */
#define PLOT_SHRINK 0.65f
#define PLOT_MIN 50.0f

static float plot_min(float pref)
{
	float h = pref * PLOT_SHRINK;
	return h < PLOT_MIN ? (pref < PLOT_MIN ? pref : PLOT_MIN) : h;
}

static float trend_size(const struct chart *c, float w, bool least)
{
	struct arena *a = arena_new();
	struct trend_data td;
	trend_data(c, a, &td);
	struct legend_item it[MAX_ITEMS];
	size_t n = trend_legend(c, td.series, td.n, !td.small && td.n > 1, it, a);
	float h = chart_title_h(c, w, a) +
		  paint_legend_height(c, it, n, w, td.illustrative ? paint_note_width(c) + 6 : 0) + 2;
	float panel = title_h(c) + xlab_h(c);
	float plot;
	if (td.small && side_by_side(td.n, w))
		plot = plot_pref(w / (float)td.n, false);
	else if (td.small)
		plot = plot_pref(w, true);
	else
		plot = plot_pref(w, false);
	if (least)
		plot = plot_min(plot);
	h += (td.small && !side_by_side(td.n, w) ? (float)td.n : 1) * (panel + plot);
	arena_free(a);
	return ceilf(h);
}

float trend_height(const struct chart *c, float w)
{
	return trend_size(c, w, false);
}

float trend_min_height(const struct chart *c, float w)
{
	return trend_size(c, w, true);
}

/* ---- layout ------------------------------------------------------------------ */

static void place_pt(const struct chart_panel *pn, struct chart_pt *pt)
{
	pt->x = chart_panel_x(pn, pt->fy);
	pt->y = chart_panel_y(pn, pt->value);
}

static void widen(double *lo, double *hi, double v)
{
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

static void panel_layout(const struct chart *c, struct chart_panel *pn,
			 const struct trend_data *td)
{
	float fs = c->o.font_size;
	pn->fy_from = td->from;
	pn->fy_to = td->to;
	pn->plot_y = pn->y + title_h(c);
	pn->plot_h = pn->h - title_h(c) - xlab_h(c);
	if (pn->plot_h < 1)
		pn->plot_h = 1;

	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		for (size_t k = 0; k < s->n_values; k++)
			widen(&lo, &hi, s->values[k].value);
		for (size_t k = 0; k < s->n_expected; k++)
			widen(&lo, &hi, s->expected[k].value);
		for (size_t k = 0; k < s->n_band; k++) {
			widen(&lo, &hi, s->band_lo[k].value);
			widen(&lo, &hi, s->band_hi[k].value);
		}
		if (s->has_baseline)
			widen(&lo, &hi, s->baseline.value);
		if (s->target_shape != CHART_TARGET_NONE)
			widen(&lo, &hi, s->target.value);
	}
	if (!(lo <= hi)) {
		lo = 0;
		hi = 1;
	}
	/* a target line on the plot's edge would merge with the frame */
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		if (s->target_shape != CHART_TARGET_RATE &&
		    s->target_shape != CHART_TARGET_FLOOR)
			continue;
		double room = (hi - lo) * 0.04;
		if (s->target.value >= hi - room / 2)
			hi += room;
		if (s->target.value <= lo + room / 2 && lo != 0)
			lo -= room;
	}
	/* Zero-based where honest (see the top of the file); a constant
	 * series is measured from zero too. */
	if (lo >= 0 && (lo <= hi * ZERO_SHARE || lo == hi))
		lo = 0;
	else if (hi <= 0 && (hi >= lo * ZERO_SHARE || lo == hi))
		hi = 0;
	int max_int = (int)(pn->plot_h / 22);
	max_int = max_int < 2 ? 2 : max_int > 8 ? 8 : max_int;
	chart_ticks(lo, hi, max_int, &pn->axis);
	pn->axis_broken = pn->axis.lo > 0 || pn->axis.hi < 0;

	const struct measure *m = pn->series[0].measure;
	chart_unit_scale(typo_unit(plan_typo(c->p), m->unit), fmax(fabs(pn->axis.lo), fabs(pn->axis.hi)),
			 &pn->unit);
	float lw = 0;
	for (int i = 0; i < pn->axis.n_ticks; i++) {
		char buf[64];
		chart_tick_label(plan_typo(c->p), &pn->axis, i, pn->unit.shift, buf, sizeof buf);
		float tw = chart_text_width(c, fs, buf);
		lw = tw > lw ? tw : lw;
	}
	pn->plot_x = pn->x + lw + 6;
	pn->plot_w = pn->x + pn->w - pn->plot_x - 2;
	if (pn->plot_w < 1)
		pn->plot_w = 1;
	pn->slot = pn->plot_w / (float)(td->to - td->from + 1);

	bool any = false;
	for (size_t i = 0; i < pn->n_series; i++) {
		struct chart_series *s = &pn->series[i];
		any |= s->n_values > 0;
		for (size_t k = 0; k < s->n_values; k++)
			place_pt(pn, &s->values[k]);
		for (size_t k = 0; k < s->n_expected; k++)
			place_pt(pn, &s->expected[k]);
		for (size_t k = 0; k < s->n_band; k++) {
			place_pt(pn, &s->band_lo[k]);
			place_pt(pn, &s->band_hi[k]);
		}
		if (s->has_baseline)
			place_pt(pn, &s->baseline);
		place_pt(pn, &s->target);
		s->target_x0 = s->target.x;
		if (s->target_shape == CHART_TARGET_RATE ||
		    s->target_shape == CHART_TARGET_FLOOR) {
			int f0 = s->measure->target.from ? s->measure->target.from
							 : c->p->from;
			if (f0 < td->from)
				f0 = td->from;
			s->target_x0 = chart_panel_x(pn, f0);
		} else if (s->target_shape == CHART_TARGET_BAND && s->n_band) {
			s->target_x0 = s->band_lo[0].x;
		}
	}
	pn->no_values = !any;
}

void trend_layout(const struct chart *c, struct chart_geom *g, struct arena *a)
{
	struct trend_data td;
	trend_data(c, a, &td);
	if (td.n == 0)
		return;
	g->illustrative = td.illustrative;
	g->small_multiples = td.small;

	struct legend_item it[MAX_ITEMS];
	size_t n_it = trend_legend(c, td.series, td.n, !td.small && td.n > 1, it, a);
	float lh = chart_title_h(c, g->w, a) +
		   paint_legend_height(c, it, n_it, g->w,
				       td.illustrative ? paint_note_width(c) + 6 : 0) + 2;
	float top = g->y + lh, avail = g->h - lh;

	g->n_panels = td.small ? td.n : 1;
	g->panels = arena_calloc(a, g->n_panels, sizeof *g->panels);
	bool side = td.small && side_by_side(td.n, g->w);
	for (size_t i = 0; i < g->n_panels; i++) {
		struct chart_panel *pn = &g->panels[i];
		float k = (float)g->n_panels;
		if (side) {
			pn->w = (g->w - 8 * (k - 1)) / k;
			pn->x = g->x + (float)i * (pn->w + 8);
			pn->y = top;
			pn->h = avail;
		} else {
			pn->x = g->x;
			pn->w = g->w;
			pn->h = avail / k;
			pn->y = top + (float)i * pn->h;
		}
		if (td.small) {
			pn->series = &td.series[i];
			pn->n_series = 1;
			pn->title = td.series[i].measure->name;
		} else {
			pn->series = td.series;
			pn->n_series = td.n;
		}
		panel_layout(c, pn, &td);
	}
}

/* ---- drawing ------------------------------------------------------------------ */

struct rect {
	float x, y, w, h;
};

static bool inside(struct rect a, struct rect box)
{
	return a.x >= box.x && a.y >= box.y && a.x + a.w <= box.x + box.w &&
	       a.y + a.h <= box.y + box.h;
}

/* A line a label should keep clear of: the segment, and how far (half its
 * width and a hair of white). */
struct seg {
	float x0, y0, x1, y1, pad;
};

/* A greedy label placer: the first candidate position around the point
 * that stays in the plot and clear of markers, lines and earlier labels. */
struct placer {
	struct rect area;
	struct rect taken[96];
	size_t n;
	struct seg segs[256];
	size_t n_segs;
};

static void take(struct placer *pl, struct rect r)
{
	if (pl->n < sizeof pl->taken / sizeof *pl->taken)
		pl->taken[pl->n++] = r;
}

static void take_point(struct placer *pl, float x, float y, float r)
{
	take(pl, (struct rect){x - r, y - r, 2 * r, 2 * r});
}

static void take_seg(struct placer *pl, float x0, float y0, float x1, float y1,
		     float pad)
{
	if (pl->n_segs < sizeof pl->segs / sizeof *pl->segs)
		pl->segs[pl->n_segs++] = (struct seg){x0, y0, x1, y1, pad};
}

/* The segments of a polyline as polyline() draws it. */
static void take_polyline(struct placer *pl, const struct chart_pt *v, size_t n,
			  bool split_gaps, float pad)
{
	for (size_t i = 1; i < n; i++)
		if (!split_gaps || v[i].fy == v[i - 1].fy + 1)
			take_seg(pl, v[i - 1].x, v[i - 1].y, v[i].x, v[i].y, pad);
}

enum pos { P_ABOVE, P_BELOW, P_RIGHT, P_LEFT, P_ABOVE_LEFT, P_ABOVE_RIGHT,
	   P_BELOW_LEFT, P_BELOW_RIGHT };

static struct rect candidate(enum pos p, float x, float y, float r, float w,
			     float h)
{
	float g = 1.5f;
	switch (p) {
	case P_ABOVE: return (struct rect){x - w / 2, y - r - g - h, w, h};
	case P_BELOW: return (struct rect){x - w / 2, y + r + g, w, h};
	case P_RIGHT: return (struct rect){x + r + g, y - h / 2, w, h};
	case P_LEFT: return (struct rect){x - r - g - w, y - h / 2, w, h};
	case P_ABOVE_LEFT: return (struct rect){x - w + r, y - r - g - h, w, h};
	case P_ABOVE_RIGHT: return (struct rect){x - r, y - r - g - h, w, h};
	case P_BELOW_LEFT: return (struct rect){x - w + r, y + r + g, w, h};
	case P_BELOW_RIGHT: return (struct rect){x - r, y + r + g, w, h};
	}
	return (struct rect){x, y, w, h};
}

static float overlap_area(struct rect a, struct rect b)
{
	float w = fminf(a.x + a.w, b.x + b.w) - fmaxf(a.x, b.x);
	float h = fminf(a.y + a.h, b.y + b.h) - fmaxf(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

/* How much of the segment runs through the rectangle grown by its pad
 * (Liang-Barsky clipping); 0 when it stays clear. */
static float seg_inside(struct rect r, struct seg sg)
{
	float x0 = r.x - sg.pad, x1 = r.x + r.w + sg.pad;
	float y0 = r.y - sg.pad, y1 = r.y + r.h + sg.pad;
	float dx = sg.x1 - sg.x0, dy = sg.y1 - sg.y0;
	float p[4] = {-dx, dx, -dy, dy};
	float q[4] = {sg.x0 - x0, x1 - sg.x0, sg.y0 - y0, y1 - sg.y0};
	float t0 = 0, t1 = 1;
	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return 0;
			continue;
		}
		float t = q[i] / p[i];
		if (p[i] < 0)
			t0 = fmaxf(t0, t);
		else
			t1 = fminf(t1, t);
	}
	if (t1 < t0)
		return 0;
	/* a line only touching the box still costs something */
	return (t1 - t0) * sqrtf(dx * dx + dy * dy) + 0.5f;
}

/* What a candidate covers of what is already there: areas of markers and
 * labels, and lines weighted by the label's height (a line through a label
 * is as bad as a marker under it). */
static float cover_cost(const struct placer *pl, struct rect c)
{
	float cost = 0;
	for (size_t k = 0; k < pl->n; k++)
		cost += overlap_area(c, pl->taken[k]);
	for (size_t k = 0; k < pl->n_segs; k++)
		cost += seg_inside(c, pl->segs[k]) * c.h;
	return cost;
}

/* Tries the positions in order, near the point and then one label height
 * further out; takes the first that is clear, else the one that covers the
 * least of what is already there.  Always inside the plot. */
static struct rect place(struct placer *pl, float x, float y, float r, float w,
			 float h, const enum pos *order, size_t n)
{
	struct rect best = {0};
	float best_cost = INFINITY;
	for (int far = 0; far < 2; far++) {
		for (size_t i = 0; i < n; i++) {
			struct rect c = candidate(order[i], x, y, r + (float)far * (h + 1),
						  w, h);
			if (!inside(c, pl->area))
				continue;
			float cost = cover_cost(pl, c);
			if (cost == 0) {
				take(pl, c);
				return c;
			}
			if (cost < best_cost) {
				best_cost = cost;
				best = c;
			}
		}
	}
	if (best_cost < INFINITY) {
		take(pl, best);
		return best;
	}
	/* nothing fits: the first choice, pushed into the plot */
	struct rect c = candidate(order[0], x, y, r, w, h);
	if (c.x + c.w > pl->area.x + pl->area.w)
		c.x = pl->area.x + pl->area.w - c.w;
	if (c.x < pl->area.x)
		c.x = pl->area.x;
	if (c.y + c.h > pl->area.y + pl->area.h)
		c.y = pl->area.y + pl->area.h - c.h;
	if (c.y < pl->area.y)
		c.y = pl->area.y;
	take(pl, c);
	return c;
}

/* The first of the positions at distance r that is inside the plot and
 * clear of everything, taken; false if there is none. */
static bool place_clear(struct placer *pl, float x, float y, float r, float w,
			float h, const enum pos *order, size_t n, struct rect *out)
{
	for (size_t i = 0; i < n; i++) {
		struct rect c = candidate(order[i], x, y, r, w, h);
		if (inside(c, pl->area) && cover_cost(pl, c) == 0) {
			take(pl, c);
			*out = c;
			return true;
		}
	}
	return false;
}

/* The label of a rate or floor line (x0 to x1 at y): on the good side of
 * the line at its right end, else the other side; else the same at its
 * left end, where a series crossing the line near the last years leaves
 * room; else one label height further out; else what covers least. */
static struct rect place_line(struct placer *pl, float x0, float x1, float y,
			      float w, float h, bool low)
{
	static const enum pos up_end[] = {P_ABOVE_LEFT, P_BELOW_LEFT};
	static const enum pos down_end[] = {P_BELOW_LEFT, P_ABOVE_LEFT};
	static const enum pos up_start[] = {P_ABOVE_RIGHT, P_BELOW_RIGHT};
	static const enum pos down_start[] = {P_BELOW_RIGHT, P_ABOVE_RIGHT};
	struct rect r;
	for (int far = 0; far < 2; far++) {
		/* 2 pt off the line: clear of a trajectory that ends on it */
		float d = 0.5f + (float)far * (h + 1);
		if (place_clear(pl, x1, y, d, w, h, low ? down_end : up_end, 2, &r) ||
		    place_clear(pl, x0, y, d, w, h, low ? down_start : up_start, 2,
				&r))
			return r;
	}
	return place(pl, x1, y, 0.5f, w, h, low ? down_end : up_end, 2);
}

static void label_at(struct paint *pt, struct rect r, float fs,
		     struct dl_color col, const char *s)
{
	struct dl_color white = DL_WHITE;
	dl_rect(pt->pg, r.x, r.y, r.w, r.h, &white, NULL);
	paint_text(pt, r.x + r.w / 2, r.y + r.h / 2, HA_CENTER, VA_MIDDLE, fs,
		   col, s);
}

/* "7,153", with the unit when the axis shows a scaled one. */
static void value_text(const struct typo *t, const struct chart_panel *pn,
		       const struct measure *m, struct decimal d, const char *before,
		       const char *after, char *buf, size_t size)
{
	char num[64];
	/* a negative with the profile's sign (△117), as the tables */
	chart_format_decimal(t, d, 0, num, sizeof num);
	snprintf(buf, size, "%s%s%s%s", before, num,
		 pn->unit.shift ? m->unit : "", after);
}

static void polyline(struct paint *pt, const struct chart_pt *v, size_t n,
		     bool split_gaps, const struct dl_stroke *s)
{
	struct path pa = {0};
	for (size_t i = 0; i < n; i++) {
		bool joined = i > 0 && (!split_gaps || v[i].fy == v[i - 1].fy + 1);
		if (joined)
			paint_path_line(&pa, v[i].x, v[i].y);
		else
			paint_path_move(&pa, v[i].x, v[i].y);
	}
	/* a lone point draws nothing: its marker shows it */
	size_t lines = 0;
	for (size_t i = 0; i < pa.n; i++)
		lines += pa.segs[i].op == DL_LINETO;
	if (lines)
		paint_path(pt, &pa, NULL, s);
	paint_path_release(&pa);
}

static void grid_draw(const struct chart_panel *pn, struct paint *pt)
{
	float right = pn->plot_x + pn->plot_w;
	for (int i = 1; i < pn->axis.n_ticks; i++) {
		double v = chart_tick(&pn->axis, i);
		float y = chart_panel_y(pn, v);
		paint_line(pt, pn->plot_x, y, right, y, 0.3f,
			   v == 0 ? DL_GREY(0.45f) : DL_GREY(0.82f), NULL, 0);
	}
}

static void axes_draw(const struct chart *c, const struct chart_panel *pn,
		      struct paint *pt)
{
	float fs = c->o.font_size, bottom = pn->plot_y + pn->plot_h;
	float right = pn->plot_x + pn->plot_w;
	struct dl_color ink = DL_GREY(0.15f);

	for (int i = 0; i < pn->axis.n_ticks; i++) {
		float y = chart_panel_y(pn, chart_tick(&pn->axis, i));
		paint_line(pt, pn->plot_x - 2.5f, y, pn->plot_x, y, 0.5f, ink,
			   NULL, 0);
		char buf[64];
		chart_tick_label(plan_typo(c->p), &pn->axis, i, pn->unit.shift, buf, sizeof buf);
		paint_text(pt, pn->plot_x - 3.5f, y, HA_RIGHT, VA_MIDDLE, fs, ink,
			   buf);
	}

	/* axes; a broken y axis runs on below the plot to its break mark */
	float y_end = bottom;
	if (pn->axis.lo > 0)
		y_end = bottom + 6;
	paint_line(pt, pn->plot_x, pn->plot_y, pn->plot_x, y_end, 0.6f, ink,
		   NULL, 0);
	paint_line(pt, pn->plot_x, bottom, right, bottom, 0.6f, ink, NULL, 0);
	if (pn->axis_broken) {
		float yb = pn->axis.lo > 0 ? bottom + 3.5f : pn->plot_y + 4;
		struct dl_color white = DL_WHITE;
		dl_rect(pt->pg, pn->plot_x - 3, yb - 1.1f, 6, 2.2f, &white, NULL);
		paint_line(pt, pn->plot_x - 3, yb - 0.1f, pn->plot_x + 3, yb - 2.1f,
			   0.6f, ink, NULL, 0);
		paint_line(pt, pn->plot_x - 3, yb + 2.1f, pn->plot_x + 3, yb + 0.1f,
			   0.6f, ink, NULL, 0);
	}

	/* years: every one ticked, labelled as often as they fit, counted
	 * from the baseline's year (the first year without one) so that the
	 * year everything is measured from is named; the last year always,
	 * a label too close before it dropped */
	float lw = 0;
	for (int fy = pn->fy_from; fy <= pn->fy_to; fy++) {
		char buf[16];
		fy_format(fy, FY_STYLE_SHORT, buf, sizeof buf);
		float tw = chart_text_width(c, fs, buf);
		lw = tw > lw ? tw : lw;
	}
	int every = (int)ceilf((lw + 3) / pn->slot);
	if (every < 1)
		every = 1;
	int anchor = pn->fy_to + 1;
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		if (s->has_baseline && s->baseline.fy >= pn->fy_from &&
		    s->baseline.fy < anchor)
			anchor = s->baseline.fy;
	}
	if (anchor > pn->fy_to)
		anchor = pn->fy_from;
	for (int fy = pn->fy_from; fy <= pn->fy_to; fy++) {
		float x = chart_panel_x(pn, fy);
		paint_line(pt, x, bottom, x, bottom + 2, 0.5f, ink, NULL, 0);
		int k = fy - anchor;
		bool named = fy == pn->fy_to || fy == anchor ||
			     (k % every == 0 && pn->fy_to - fy >= every);
		if (!named)
			continue;
		char buf[16];
		fy_format(fy, FY_STYLE_SHORT, buf, sizeof buf);
		/* centred under its year, but kept inside the panel */
		float tw = chart_text_width(c, fs, buf);
		float lx = x - tw / 2;
		if (lx + tw > pn->x + pn->w)
			lx = pn->x + pn->w - tw;
		if (lx < pn->x)
			lx = pn->x;
		if (pn->axis.lo > 0 && lx < pn->plot_x + 4) /* clear the break mark */
			lx = pn->plot_x + 4;
		paint_text(pt, lx, bottom + 3, HA_LEFT, VA_TOP, fs, ink, buf);
	}
}

static void targets_draw(const struct chart *c, const struct chart_panel *pn,
			 struct paint *pt)
{
	struct dl_color tc = chart_col(c, CHART_TARGET_RGB, CHART_TARGET_GREY);
	struct dl_color tint = chart_col(c, CHART_BAND_RGB, CHART_BAND_GREY);
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		if (s->target_shape == CHART_TARGET_BAND && s->n_band) {
			struct path pa = {0};
			for (size_t k = 0; k < s->n_band; k++) {
				if (k == 0)
					paint_path_move(&pa, s->band_hi[k].x, s->band_hi[k].y);
				else
					paint_path_line(&pa, s->band_hi[k].x, s->band_hi[k].y);
			}
			for (size_t k = s->n_band; k-- > 0;)
				paint_path_line(&pa, s->band_lo[k].x, s->band_lo[k].y);
			paint_path_close(&pa);
			paint_path(pt, &pa, &tint, NULL);
			/* edges, so that the band reads as one without its tint */
			struct dl_stroke es = dl_stroke_solid(0.5f,
				chart_col(c, CHART_BAND_EDGE_RGB, CHART_BAND_EDGE_GREY));
			for (int e = 0; e < 2; e++) {
				const struct chart_pt *v = e ? s->band_lo : s->band_hi;
				for (size_t k = 0; k < s->n_band; k++) {
					if (k == 0)
						paint_path_move(&pa, v[k].x, v[k].y);
					else
						paint_path_line(&pa, v[k].x, v[k].y);
				}
				paint_path(pt, &pa, NULL, &es);
			}
			paint_path_release(&pa);
		}
		if (s->target_shape == CHART_TARGET_FLOOR) {
			float x0 = s->target_x0, x1 = s->target.x, y = s->target.y;
			bool lower = s->measure->goal == GOAL_LOWER;
			float top = lower ? y : pn->plot_y;
			float h = lower ? pn->plot_y + pn->plot_h - y : y - pn->plot_y;
			/* \\\\ and light: grade D's //// and dark is the overview's
			 * and the bars' mark of a failing grade, which the zone a
			 * target of 「以上」 asks for must not look like in grey */
			paint_hatch(pt, x0, top, x1 - x0, h, HATCH_BACK, 3.5f,
				    chart_col(c, (struct dl_color){0.93f, 0.70f, 0.70f},
					      0.78f), 0.4f);
		}
		if (s->target_shape == CHART_TARGET_FLOOR ||
		    s->target_shape == CHART_TARGET_RATE)
			paint_line(pt, s->target_x0, s->target.y, s->target.x,
				   s->target.y, 1.2f, tc, NULL, 0);
	}
}

static void pending_draw(const struct chart *c, const struct chart_panel *pn,
			 struct paint *pt)
{
	float fs = c->o.font_size; /* 「未確定」 is read too: no smaller */
	int done[MAX_YEARS] = {0};
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		for (size_t k = 0; k < s->n_pending; k++) {
			int y = s->pending[k] - pn->fy_from;
			if (y < 0 || y >= MAX_YEARS || done[y]++)
				continue;
			paint_text(pt, chart_panel_x(pn, s->pending[k]),
				   pn->plot_y + pn->plot_h - 2, HA_CENTER,
				   VA_BOTTOM, fs, DL_GREY(0.4f), "未確定");
		}
	}
}

static void panel_draw(const struct chart *c, const struct chart_panel *pn,
		       struct paint *pt)
{
	float fs = c->o.font_size;

	/* title row: the part's name, the unit, which way is good */
	char title[256];
	bool lower = pn->n_series && pn->series[0].measure->goal == GOAL_LOWER;
	snprintf(title, sizeof title, "%s%s%s", pn->title ? pn->title : "",
		 pn->unit.title, lower ? "　低いほど良い" : "");
	paint_text_block(pt, pn->x, pn->y + 1, pn->w, title_h(c), fs, DL_BLACK,
			 title);

	/* the years before the plan, shaded */
	if (pn->fy_from < c->p->from) {
		float x1 = chart_panel_x(pn, c->p->from - 0.5);
		struct dl_color sh = DL_GREY(CHART_PREPLAN_GREY);
		dl_rect(pt->pg, pn->plot_x, pn->plot_y, x1 - pn->plot_x,
			pn->plot_h, &sh, NULL);
	}
	grid_draw(pn, pt);
	targets_draw(c, pn, pt);
	axes_draw(c, pn, pt);
	pending_draw(c, pn, pt);

	/* trajectories, then the series, markers on top */
	static const float traj_dash[] = {2, 2};
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		struct dl_stroke ds = dl_stroke_solid(0.9f, DL_GREY(0.35f));
		ds.dash[0] = traj_dash[0];
		ds.dash[1] = traj_dash[1];
		ds.n_dash = 2;
		polyline(pt, s->expected, s->n_expected, false, &ds);
	}
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		const struct series_style *ss = chart_series_style(s->style);
		struct dl_stroke ls = dl_stroke_solid(LINE_W,
						      chart_col(c, ss->color, ss->grey));
		for (int k = 0; k < ss->n_dash; k++)
			ls.dash[k] = ss->dash[k];
		ls.n_dash = ss->n_dash;
		polyline(pt, s->values, s->n_values, true, &ls);
	}
	struct dl_color tc = chart_col(c, CHART_TARGET_RGB, CHART_TARGET_GREY);
	/* Labels stay in the plot and the title row above it, clear of the
	 * title: a star on the top gridline is labelled above it there, not
	 * across the trajectory that climbs to it. */
	struct placer pl = {.area = {pn->plot_x + 1, pn->y + 1, pn->plot_w - 1,
				     pn->plot_y + pn->plot_h - 1 - (pn->y + 1)}};
	float title_w = chart_text_width(c, fs, title) + 2;
	take(&pl, (struct rect){pn->x, pn->y, title_w < pn->w ? title_w : pn->w,
				title_h(c)});
	/* The lines labels keep clear of (half the line's width and 1 pt).
	 * A rate or floor target's own line is under its label by design (the
	 * label sits 1.5 pt above it), so its pad is smaller than that. */
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		take_polyline(&pl, s->expected, s->n_expected, false, 1.45f);
		take_polyline(&pl, s->values, s->n_values, true, LINE_W / 2 + 1);
		take_polyline(&pl, s->band_lo, s->n_band, false, 0.75f);
		take_polyline(&pl, s->band_hi, s->n_band, false, 0.75f);
		if (s->target_shape == CHART_TARGET_FLOOR ||
		    s->target_shape == CHART_TARGET_RATE)
			take_seg(&pl, s->target_x0, s->target.y, s->target.x,
				 s->target.y, 1.1f);
	}
	/* Stars under the markers: a running sum that meets its target on
	 * the target's year sits on the star, and its marker must show. */
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		if (s->target_shape == CHART_TARGET_POINT ||
		    s->target_shape == CHART_TARGET_BAND) {
			paint_marker(pt, MK_STAR, s->target.x, s->target.y, STAR_R,
				     true, tc);
			take_point(&pl, s->target.x, s->target.y, STAR_R);
		}
	}
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		const struct series_style *ss = chart_series_style(s->style);
		struct dl_color sc = chart_col(c, ss->color, ss->grey);
		if (s->has_baseline) {
			paint_marker(pt, ss->marker, s->baseline.x, s->baseline.y,
				     MARKER_R, true, sc);
			take_point(&pl, s->baseline.x, s->baseline.y, MARKER_R + 1);
		}
		for (size_t k = 0; k < s->n_values; k++) {
			paint_marker(pt, ss->marker, s->values[k].x, s->values[k].y,
				     MARKER_R, false, sc);
			take_point(&pl, s->values[k].x, s->values[k].y, MARKER_R + 1);
		}
	}

	/* labels where they matter: the last value and the target */
	float lh = fs + 1.5f;
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		const struct measure *m = s->measure;
		bool low = m->goal == GOAL_LOWER;
		char buf[96];
		static const enum pos up_last[] = {P_RIGHT, P_ABOVE, P_BELOW,
			P_ABOVE_LEFT, P_BELOW_LEFT, P_LEFT};
		static const enum pos down_last[] = {P_RIGHT, P_BELOW, P_ABOVE,
			P_BELOW_LEFT, P_ABOVE_LEFT, P_LEFT};
		static const enum pos up_target[] = {P_ABOVE, P_ABOVE_LEFT, P_LEFT,
			P_BELOW_LEFT, P_BELOW, P_RIGHT};
		static const enum pos down_target[] = {P_BELOW, P_BELOW_LEFT, P_LEFT,
			P_ABOVE_LEFT, P_ABOVE, P_RIGHT};

		if (s->target_shape != CHART_TARGET_NONE) {
			const char *after =
				s->target_shape == CHART_TARGET_RATE ? "/年"
				: s->target_shape == CHART_TARGET_FLOOR
					? (low ? "以下" : "以上")
					: "";
			value_text(plan_typo(c->p), pn, m, m->target.value, "目標 ", after, buf,
				   sizeof buf);
			float w = chart_text_width(c, fs, buf) + 3;
			bool line = s->target_shape == CHART_TARGET_RATE ||
				    s->target_shape == CHART_TARGET_FLOOR;
			struct rect r = line
				? place_line(&pl, s->target_x0, s->target.x,
					     s->target.y, w, lh, low)
				: place(&pl, s->target.x, s->target.y, STAR_R, w, lh,
					low ? down_target : up_target, 6);
			label_at(pt, r, fs, tc, buf);
		}
		if (s->n_values) {
			const struct chart_pt *v = &s->values[s->n_values - 1];
			value_text(plan_typo(c->p), pn, m, v->exact, s->cumulative ? "累計 " : "", "",
				   buf, sizeof buf);
			const struct series_style *ss = chart_series_style(s->style);
			float w = chart_text_width(c, fs, buf) + 3;
			/* a value on its star is labelled clear of the star */
			bool on_star = (s->target_shape == CHART_TARGET_POINT ||
					s->target_shape == CHART_TARGET_BAND) &&
				       fabsf(v->x - s->target.x) < STAR_R &&
				       fabsf(v->y - s->target.y) < STAR_R;
			struct rect r = place(&pl, v->x, v->y,
					      on_star ? STAR_R : MARKER_R, w, lh,
					      low ? down_last : up_last, 6);
			label_at(pt, r, fs, chart_col(c, ss->color, ss->grey), buf);
		}
	}
	if (pn->no_values) {
		const char *msg = "実績値なし";
		float w = chart_text_width(c, fs + 1, msg) + 8;
		struct rect r = {pn->plot_x + pn->plot_w / 2 - w / 2,
				 pn->plot_y + pn->plot_h / 2 - (fs + 5) / 2, w, fs + 5};
		struct dl_stroke s = dl_stroke_solid(0.4f, DL_GREY(0.5f));
		struct dl_color white = DL_WHITE;
		dl_rect(pt->pg, r.x, r.y, r.w, r.h, &white, &s);
		paint_text(pt, r.x + r.w / 2, r.y + r.h / 2, HA_CENTER, VA_MIDDLE,
			   fs + 1, DL_GREY(0.3f), msg);
	}
}

void trend_draw(const struct chart *c, const struct chart_geom *g,
		struct paint *pt)
{
	if (!g->n_panels)
		return;
	struct arena *a = arena_new();
	size_t n = 0;
	for (size_t i = 0; i < g->n_panels; i++)
		n += g->panels[i].n_series;
	struct chart_series *all = arena_calloc(a, n, sizeof *all);
	n = 0;
	for (size_t i = 0; i < g->n_panels; i++)
		for (size_t k = 0; k < g->panels[i].n_series; k++)
			all[n++] = g->panels[i].series[k];
	struct legend_item it[MAX_ITEMS];
	size_t n_it = trend_legend(c, all, n, !g->small_multiples && n > 1, it, a);
	float reserve = g->illustrative ? paint_note_width(c) + 6 : 0;
	float th = chart_title_h(c, g->w, a);
	paint_text_block(pt, g->x, g->y, g->w, th, title_size(c), DL_BLACK,
			 chart_title(c, a));
	paint_legend(pt, it, n_it, g->x, g->y + th, g->w, reserve);
	if (g->illustrative)
		paint_note(pt, g->x + g->w - 1, g->y + th + 0.5f);
	for (size_t i = 0; i < g->n_panels; i++)
		panel_draw(c, &g->panels[i], pt);
	arena_free(a);
}
