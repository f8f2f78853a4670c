/* bars.c - achievement bars: a pillar's indicators, one bar each.
 *
 * Each bar is the ratio the plan grades (fig_measure.basis: achievement or
 * progress as the scheme says, against the year's expected value when it
 * prorates), so the bar, the value printed at its end and the grade mark
 * beside it are one figure.  A compound indicator gets a row per part.
 *
 * The axis is fixed at 0-150 % for every pillar: the handout puts one chart
 * per pillar and readers compare them, which only works on one scale.
 * Longer bars are cut at 150 % with a break and an arrow, their true value
 * printed; a negative progress (the value moved away from the target) is
 * an arrow pointing left at 0.  The bar's shade follows the grade (dark =
 * best, the worst level hatched), with the mark printed anyway.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart_int.h"
#include "typo.h"
#include "fy.h"

#define MAX_RATIO 1.5
/* white kept between the 100 % line and a value label */
#define LABEL_CLEAR 2.5f

struct bar_src {
	const struct indicator *ind;
	const struct measure *m;
	const char *label;
};

static size_t bar_sources(const struct chart *c, struct arena *a,
			  struct bar_src **out)
{
	const struct plan *p = c->p;
	size_t n_ind = c->pl ? c->pl->n_indicators : p->n_indicators, n = 0;
	for (size_t i = 0; i < n_ind; i++) {
		const struct indicator *ind = c->pl ? c->pl->indicators[i]
						    : &p->indicators[i];
		n += ind->n_measures;
	}
	struct bar_src *s = arena_calloc(a, n ? n : 1, sizeof *s);
	n = 0;
	for (size_t i = 0; i < n_ind; i++) {
		const struct indicator *ind = c->pl ? c->pl->indicators[i]
						    : &p->indicators[i];
		const char *no = ind->no ? ind->no : "";
		const char *sp = ind->no ? " " : "";
		for (size_t k = 0; k < ind->n_measures; k++) {
			const struct measure *m = &ind->measures[k];
			s[n].ind = ind;
			s[n].m = m;
			if (ind->n_measures > 1 && m->name && ind->no)
				s[n].label = arena_printf(a, "%s%s%s", no, sp, m->name);
			else if (ind->n_measures > 1 && m->name)
				s[n].label = arena_printf(a, "%s（%s）", ind->name,
							  m->name);
			else
				s[n].label = arena_printf(a, "%s%s%s", no, sp,
							  ind->name ? ind->name : "");
			s[n].label = chart_short_label(a, s[n].label);
			n++;
		}
	}
	/* a slice of the whole, for a pillar whose bars are taller than a
	 * page (issue 14: 55 indicators were clipped) */
	size_t from = c->o.rows_from < n ? c->o.rows_from : n;
	if (c->o.rows_n && c->o.rows_n < n - from)
		n = from + c->o.rows_n;
	*out = s + from;
	return n - from;
}

size_t bars_rows(const struct chart *c)
{
	struct arena *a = arena_new();
	struct bar_src *src;
	size_t n = bar_sources(c, a, &src);
	arena_free(a);
	return n;
}

/* ---- columns and rows ---------------------------------------------------- */

struct cols {
	float label_w, x_zero, x_full, x_max;
};

static float value_w(const struct chart *c)
{
	float fs = c->o.font_size, mw = 0;
	const struct grading *g = &c->p->grading;
	for (size_t i = 0; i < g->n_levels; i++) {
		float w = chart_text_width(c, fs, g->levels[i].mark);
		mw = w > mw ? w : mw;
	}
	/* arrow, value, mark box */
	char widest[32];
	snprintf(widest, sizeof widest, "888.8%s", plan_typo(c->p)->percent);
	return 7 + chart_text_width(c, fs, widest) + 4 + mw + 5 + 2;
}

static struct cols columns(const struct chart *c, float x, float w)
{
	struct cols k;
	k.label_w = w * 0.36f;
	k.label_w = k.label_w < 80 ? 80 : k.label_w > 230 ? 230 : k.label_w;
	float vw = value_w(c);
	if (w - k.label_w - 6 - vw < 60)
		k.label_w = w - 6 - vw - 60;
	if (k.label_w < 20)
		k.label_w = 20;
	k.x_zero = x + k.label_w + 6;
	k.x_max = x + w - vw;
	if (k.x_max < k.x_zero + 10)
		k.x_max = k.x_zero + 10;
	k.x_full = k.x_zero + (k.x_max - k.x_zero) / (float)MAX_RATIO;
	return k;
}

static float row_min(const struct chart *c)
{
	return c->o.font_size * 1.25f + 4;
}

static float header_h(const struct chart *c)
{
	return c->o.font_size + 7;
}

static float axis_h(const struct chart *c)
{
	return c->o.font_size + 5;
}

/* "A 計画どおり以上（100%以上）" ... "－ 実績未確定": fig_describe()'s legend,
 * so that the chart says what the cover note says. */
static size_t bars_legend(const struct chart *c, struct legend_item *it,
			  size_t max, struct arena *a)
{
	struct fig_description d;
	fig_describe(c->p, &c->p->grading, c->o.fy, a, &d);
	const struct grading *g = &c->p->grading;
	size_t k = 0;
	for (size_t i = 0; i < d.n_legend && k < max; i++) {
		const struct fig_legend_entry *e = &d.legend[i];
		if (e->state == FIG_GRADED) {
			it[k].swatch = SW_AREA;
			it[k].area = chart_grade_style(e->level, g->n_levels);
		} else {
			it[k].swatch = SW_TEXT;
		}
		it[k++].text = arena_printf(a, "%s %s", e->mark ? e->mark : "", e->text);
	}
	return k;
}

float bars_height(const struct chart *c, float w)
{
	struct arena *a = arena_new();
	struct bar_src *src;
	size_t n = bar_sources(c, a, &src);
	struct cols k = columns(c, 0, w);
	float h = header_h(c) + axis_h(c);
	for (size_t i = 0; i < n; i++) {
		float th = chart_text_height(c, c->o.font_size, k.label_w, src[i].label) + 4;
		h += th > row_min(c) ? th : row_min(c);
	}
	struct legend_item it[24];
	size_t n_it = bars_legend(c, it, 24, a);
	h += 3 + paint_legend_height(c, it, n_it, w, 0);
	arena_free(a);
	return ceilf(h);
}

void bars_layout(const struct chart *c, struct chart_geom *g, struct arena *a)
{
	struct bar_src *src;
	size_t n = bar_sources(c, a, &src);
	struct cols k = columns(c, g->x, g->w);
	g->x_zero = k.x_zero;
	g->x_full = k.x_full;
	g->x_max = k.x_max;
	g->max_ratio = MAX_RATIO;

	struct legend_item it[24];
	size_t n_it = bars_legend(c, it, 24, a);
	float lh = 3 + paint_legend_height(c, it, n_it, g->w, 0);
	float avail = g->h - header_h(c) - axis_h(c) - lh;

	/* wanted heights; squeezed evenly (whole label lines are dropped when
	 * drawn) when the box is short, rows that still do not fit left out */
	float *want = arena_calloc(a, n ? n : 1, sizeof *want), sum = 0;
	for (size_t i = 0; i < n; i++) {
		float th = chart_text_height(c, c->o.font_size, k.label_w, src[i].label) + 4;
		want[i] = th > row_min(c) ? th : row_min(c);
		sum += want[i];
	}
	float f = sum > avail && sum > 0 ? avail / sum : 1;
	g->bars = arena_calloc(a, n ? n : 1, sizeof *g->bars);
	float y = g->y + header_h(c);
	float fs = c->o.font_size;
	for (size_t i = 0; i < n; i++) {
		float rh = want[i] * f;
		if (rh < row_min(c))
			rh = row_min(c);
		if (y + rh > g->y + header_h(c) + (avail > 0 ? avail : 0) + 0.01f)
			break;
		struct chart_bar *b = &g->bars[g->n_bars++];
		b->indicator = src[i].ind;
		b->measure = src[i].m;
		fig_measure_latest(c->p, src[i].m, c->o.fy, &b->fig); /* as the table */
		b->row_y = y;
		b->row_h = rh;
		b->bar_h = fs + 2 < rh - 3 ? fs + 2 : rh - 3;
		b->bar_y = y + (rh - b->bar_h) / 2;
		b->bar_x = k.x_zero;
		bool has = (b->fig.state == FIG_GRADED || b->fig.state == FIG_UNGRADED) &&
			   b->fig.basis.ok;
		if (has) {
			double r = b->fig.basis.value;
			if (r > MAX_RATIO) {
				b->clipped = true;
				b->bar_w = k.x_max - k.x_zero;
			} else if (r < 0) {
				b->below_zero = true;
			} else {
				b->bar_w = (float)(r * (k.x_full - k.x_zero));
			}
		}
		y += rh;
	}
}

/* ---- drawing ----------------------------------------------------------------- */

static void mark_box(struct paint *pt, float x, float ymid, float fs,
		     const char *mark)
{
	float w = chart_text_width(pt->c, fs, mark) + 4, h = fs + 2;
	struct dl_stroke s = dl_stroke_solid(0.5f, DL_GREY(0.2f));
	struct dl_color white = DL_WHITE;
	dl_rect(pt->pg, x, ymid - h / 2, w, h, &white, &s);
	paint_text(pt, x + w / 2, ymid, HA_CENTER, VA_MIDDLE, fs, DL_BLACK, mark);
}

static void arrow(struct paint *pt, float x, float ymid, float size, bool right,
		  struct dl_color col)
{
	struct path pa = {0};
	float d = right ? size : -size;
	paint_path_move(&pa, x, ymid - size * 0.8f);
	paint_path_line(&pa, x + d, ymid);
	paint_path_line(&pa, x, ymid + size * 0.8f);
	paint_path_close(&pa);
	paint_path(pt, &pa, &col, NULL);
	paint_path_release(&pa);
}

static const char *basis_title(const struct chart *c, struct arena *a)
{
	struct fig_description d;
	fig_describe(c->p, &c->p->grading, c->o.fy, a, &d);
	return d.axis_title ? d.axis_title : "";
}

void bars_draw(const struct chart *c, const struct chart_geom *g,
	       struct paint *pt)
{
	struct arena *a = arena_new();
	float fs = c->o.font_size;
	const struct grading *gr = &c->p->grading;
	struct cols k = columns(c, g->x, g->w);
	struct dl_color ink = DL_GREY(0.15f);

	/* a slice after the first says it goes on from the page before */
	paint_text_block(pt, g->x, g->y + 1, g->w, header_h(c), fs + 0.5f,
			 DL_BLACK, c->o.rows_from
				 ? arena_printf(a, "%s（続き）", basis_title(c, a))
				 : basis_title(c, a));

	float top = g->y + header_h(c), bottom = top;
	for (size_t i = 0; i < g->n_bars; i++)
		bottom = g->bars[i].row_y + g->bars[i].row_h;

	/* zebra rows, then the grid under the bars */
	for (size_t i = 0; i < g->n_bars; i += 2) {
		struct dl_color z = DL_GREY(0.955f);
		dl_rect(pt->pg, g->x, g->bars[i].row_y, g->w, g->bars[i].row_h, &z,
			NULL);
	}
	struct chart_axis ax;
	chart_ticks(0, MAX_RATIO * 100, 3, &ax);
	for (int i = 0; i < ax.n_ticks; i++) {
		double v = chart_tick(&ax, i);
		float x = g->x_zero + (float)(v / 100) * (g->x_full - g->x_zero);
		if (v > 0 && fabs(v - 100) > 1e-9)
			paint_line(pt, x, top, x, bottom, 0.3f, DL_GREY(0.7f), NULL, 0);
		char buf[32];
		chart_tick_label(plan_typo(c->p), &ax, i, 0, buf, sizeof buf);
		strcat(buf, plan_typo(c->p)->percent);
		paint_text(pt, x, bottom + 2, HA_CENTER, VA_TOP, fs, ink, buf);
	}

	/* labels and bars, then the 0 and 100 % lines over the bars, then
	 * the values (on white, so that the 100 % line does not cross them) */
	struct bar_src *src;
	size_t n_src = bar_sources(c, a, &src);
	for (size_t i = 0; i < g->n_bars; i++) {
		const struct chart_bar *b = &g->bars[i];
		const struct fig_measure *f = &b->fig;
		float ymid = b->bar_y + b->bar_h / 2;
		/* the geometry keeps the sources' order */
		const char *label = i < n_src ? src[i].label : "";
		float th = chart_text_height(c, fs, k.label_w - 1, label);
		float off = th < b->row_h - 2 ? (b->row_h - th) / 2 : 1;
		paint_text_block(pt, g->x + 1, b->row_y + off, k.label_w - 1,
				 b->row_h - off, fs, DL_BLACK, label);
		if (!(f->state == FIG_GRADED || f->state == FIG_UNGRADED) ||
		    !f->basis.ok)
			continue;
		struct area_style st = f->state == FIG_GRADED
			? chart_grade_style(f->level, gr->n_levels)
			: chart_grade_style(CHART_SEG_UNGRADED, gr->n_levels);
		paint_area(pt, b->bar_x, b->bar_y, b->bar_w, b->bar_h, &st, true);
		if (b->clipped) {
			/* a white double cut near the end: the bar goes on */
			float xc = b->bar_x + b->bar_w - 7;
			for (int j = 0; j < 2; j++) {
				float x0 = xc + (float)j * 2.4f;
				paint_line(pt, x0 - 1.5f, b->bar_y + b->bar_h + 0.5f,
					   x0 + 1.5f, b->bar_y - 0.5f, 1.1f, DL_WHITE,
					   NULL, 0);
			}
			arrow(pt, b->bar_x + b->bar_w + 1, ymid, 4, true, ink);
		} else if (b->below_zero) {
			arrow(pt, b->bar_x - 0.5f, ymid, 4, false, ink);
		}
	}
	if (g->n_bars) {
		paint_line(pt, g->x_zero, top, g->x_zero, bottom, 0.7f, ink, NULL, 0);
		paint_line(pt, g->x_full, top - 1, g->x_full, bottom, 1.0f,
			   chart_col(c, CHART_TARGET_RGB, CHART_TARGET_GREY), NULL, 0);
	}
	for (size_t i = 0; i < g->n_bars; i++) {
		const struct chart_bar *b = &g->bars[i];
		const struct fig_measure *f = &b->fig;
		float ymid = b->bar_y + b->bar_h / 2;
		if (!(f->state == FIG_GRADED || f->state == FIG_UNGRADED) ||
		    !f->basis.ok) {
			const char *mk = f->mark ? f->mark : "";
			const char *why = f->state == FIG_NO_DATA
				? (gr->no_data_label ? gr->no_data_label : "実績なし")
				: f->state == FIG_STATUS && f->rule && f->status >= 0
				? f->rule->statuses[f->status].label
				: (gr->not_assessable_label ? gr->not_assessable_label
							    : "評価不能");
			mark_box(pt, g->x_zero + 3, ymid, fs, mk);
			paint_text(pt, g->x_zero + 3 + chart_text_width(c, fs, mk) + 8,
				   ymid, HA_LEFT, VA_MIDDLE, fs, DL_GREY(0.3f), why);
			continue;
		}
		float xe = b->clipped ? b->bar_x + b->bar_w + 7
			   : b->below_zero ? b->bar_x + 3
					   : b->bar_x + b->bar_w + 3;
		char buf[48];
		chart_format_decimal(plan_typo(c->p), f->basis.percent, 0, buf, sizeof buf);
		strcat(buf, plan_typo(c->p)->percent);
		float tw = chart_text_width(c, fs, buf);
		/* A value and mark that would lie across the 100 % line (a bar
		 * ending a little short of it) go just past the line instead:
		 * the line stays whole, and near-100 % values line up there. */
		float lw = tw + 1 + (f->mark ? 3 + chart_text_width(c, fs, f->mark) + 4
					      : 0);
		if (xe - 1 < g->x_full + LABEL_CLEAR && xe + lw > g->x_full - LABEL_CLEAR)
			xe = g->x_full + LABEL_CLEAR + 1;
		struct dl_color white = DL_WHITE;
		dl_rect(pt->pg, xe - 1, ymid - fs / 2, tw + 2, fs, &white, NULL);
		paint_text(pt, xe, ymid, HA_LEFT, VA_MIDDLE, fs, DL_BLACK, buf);
		if (f->mark)
			mark_box(pt, xe + tw + 3, ymid, fs, f->mark);
	}

	struct legend_item it[24];
	size_t n_it = bars_legend(c, it, 24, a);
	paint_legend(pt, it, n_it, g->x, bottom + axis_h(c) + 3, g->w, 0);
	arena_free(a);
}
