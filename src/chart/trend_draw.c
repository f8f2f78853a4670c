/* trend_draw.c - drawing a laid-out trend chart: title, legend, grid, axes,
 * targets, trajectories, series with their markers and value labels (placed
 * by place.c), and the years not yet known. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart_int.h"
#include "fy.h"
#include "typesize.h"
#include "typo.h"

#define MARKER_R 2.6f
#define STAR_R 5.0f
#define LINE_W 1.4f

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
	int done[TREND_MAX_YEARS] = {0};
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		for (size_t k = 0; k < s->n_pending; k++) {
			int y = s->pending[k] - pn->fy_from;
			if (y < 0 || y >= TREND_MAX_YEARS || done[y]++)
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
	paint_text_block(pt, pn->x, pn->y + 1, pn->w, trend_head_h(c), fs, DL_BLACK,
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
	place_take(&pl, (struct rect){pn->x, pn->y, title_w < pn->w ? title_w : pn->w,
		   trend_head_h(c)});
	/* The lines labels keep clear of (half the line's width and 1 pt).
	 * A rate or floor target's own line is under its label by design (the
	 * label sits 1.5 pt above it), so its pad is smaller than that. */
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		place_take_polyline(&pl, s->expected, s->n_expected, false, 1.45f);
		place_take_polyline(&pl, s->values, s->n_values, true, LINE_W / 2 + 1);
		place_take_polyline(&pl, s->band_lo, s->n_band, false, 0.75f);
		place_take_polyline(&pl, s->band_hi, s->n_band, false, 0.75f);
		if (s->target_shape == CHART_TARGET_FLOOR ||
		    s->target_shape == CHART_TARGET_RATE)
			place_take_seg(&pl, s->target_x0, s->target.y, s->target.x,
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
			place_take_point(&pl, s->target.x, s->target.y, STAR_R);
		}
	}
	for (size_t i = 0; i < pn->n_series; i++) {
		const struct chart_series *s = &pn->series[i];
		const struct series_style *ss = chart_series_style(s->style);
		struct dl_color sc = chart_col(c, ss->color, ss->grey);
		if (s->has_baseline) {
			paint_marker(pt, ss->marker, s->baseline.x, s->baseline.y,
				     MARKER_R, true, sc);
			place_take_point(&pl, s->baseline.x, s->baseline.y, MARKER_R + 1);
		}
		for (size_t k = 0; k < s->n_values; k++) {
			paint_marker(pt, ss->marker, s->values[k].x, s->values[k].y,
				     MARKER_R, false, sc);
			place_take_point(&pl, s->values[k].x, s->values[k].y, MARKER_R + 1);
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
				: place_label(&pl, s->target.x, s->target.y, STAR_R, w, lh,
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
			struct rect r = place_label(&pl, v->x, v->y,
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
	struct legend_item it[TREND_LEGEND_MAX];
	size_t n_it = trend_legend(c, all, n, !g->small_multiples && n > 1, it, a);
	float reserve = g->illustrative ? paint_note_width(c) + 6 : 0;
	float th = trend_title_h(c, g->w, a);
	paint_text_block(pt, g->x, g->y, g->w, th, trend_title_size(c), DL_BLACK,
			 trend_title(c, a));
	paint_legend(pt, it, n_it, g->x, g->y + th, g->w, reserve);
	if (g->illustrative)
		paint_note(pt, g->x + g->w - 1, g->y + th + 0.5f);
	for (size_t i = 0; i < g->n_panels; i++)
		panel_draw(c, &g->panels[i], pt);
	arena_free(a);
}
