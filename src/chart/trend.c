/* trend.c - an indicator over the years: the trend chart's layout (panels,
 * axes, points placed); its data, legend, sizes and drawing are
 * trend_data.c, trend_legend.c, trend_size.c and trend_draw.c.
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
#include "fy.h"
#include "typesize.h"
#include "typo.h"

#define ZERO_SHARE 0.5

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
	pn->plot_y = pn->y + trend_head_h(c);
	pn->plot_h = pn->h - trend_head_h(c) - trend_xlab_h(c);
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

	struct legend_item it[TREND_LEGEND_MAX];
	size_t n_it = trend_legend(c, td.series, td.n, !td.small && td.n > 1, it, a);
	float lh = trend_title_h(c, g->w, a) +
		   paint_legend_height(c, it, n_it, g->w,
				       td.illustrative ? paint_note_width(c) + 6 : 0) + 2;
	float top = g->y + lh, avail = g->h - lh;

	g->n_panels = td.small ? td.n : 1;
	g->panels = arena_calloc(a, g->n_panels, sizeof *g->panels);
	bool side = td.small && trend_side_by_side(td.n, g->w);
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
