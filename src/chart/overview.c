/* overview.c - where every pillar stands: grade counts as stacked bars.
 *
 * One row per pillar that has indicators (a plan whose indicators belong to
 * no pillar gets only the 「全体」 row), the segments in the scheme's order,
 * best first, then 「評価不能」 and 「実績未確定」 - the grey ramp runs the
 * same way as in the achievement bars, so a reader learns it once.
 *
 * Each bar is its row's 100 %: the question on the summary page is "how is
 * this pillar doing", and pillars of 3 and 8 indicators (and a 「全体」 of
 * 22) drawn to one count scale would leave the small ones a few points
 * long.  The counts themselves are printed in their segments (on a white
 * patch where the segment is hatched) and the row's total at its end, so
 * nothing of the numbers is lost.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart_int.h"
#include "typo.h"

struct row_src {
	const struct pillar *pl;
	const char *label;
};

static size_t row_sources(const struct chart *c, struct arena *a,
			  struct row_src **out)
{
	const struct plan *p = c->p;
	struct row_src *r = arena_calloc(a, p->n_pillars + 1, sizeof *r);
	size_t n = 0;
	for (size_t i = 0; i < p->n_pillars; i++) {
		const struct pillar *pl = &p->pillars[i];
		if (!pl->n_indicators)
			continue;
		r[n].pl = pl;
		/* shortened as a bar's label is (a 40,000-character title
		 * made the row taller than a page) */
		r[n++].label = chart_short_label(a, arena_printf(a, "%s%s%s", pl->no ? pl->no : "",
							     pl->no ? " " : "",
							     pl->title ? pl->title : ""));
	}
	if (c->o.total_row || n == 0) {
		/* Say when the plan has indicators outside every pillar (the
		 * basic scenario's): otherwise the 全体 count does not add up
		 * to the pillar rows and the reader wonders why. */
		size_t in_pillars = 0;
		for (size_t i = 0; i < p->n_pillars; i++)
			in_pillars += p->pillars[i].n_indicators;
		r[n].pl = NULL;
		r[n].label = n > 0 && in_pillars < p->n_indicators
				     ? "全体（柱外の指標を含む）" : "全体";
		n++;
	}
	/* a slice of the whole, for a block taller than a page */
	size_t from = c->o.rows_from < n ? c->o.rows_from : n;
	if (c->o.rows_n && c->o.rows_n < n - from)
		n = from + c->o.rows_n;
	*out = r + from;
	return n - from;
}

size_t overview_rows(const struct chart *c)
{
	struct arena *a = arena_new();
	struct row_src *r;
	size_t n = row_sources(c, a, &r);
	arena_free(a);
	return n;
}

static size_t overview_legend(const struct chart *c, struct legend_item *it,
			      size_t max, struct arena *a)
{
	const struct grading *g = &c->p->grading;
	struct fig_description d;
	fig_describe(c->p, g, c->o.fy, a, &d);
	size_t k = 0;
	for (size_t i = 0; i < d.n_legend && k + 1 < max; i++) {
		const struct fig_legend_entry *e = &d.legend[i];
		if (e->state == FIG_STATUS)
			continue; /* counted apart, not drawn as a segment */
		it[k].swatch = SW_AREA;
		it[k].area = chart_grade_style(e->state == FIG_GRADED ? e->level
					       : e->state == FIG_NO_DATA ? CHART_SEG_NO_DATA
					       : CHART_SEG_NOT_ASSESSABLE, g->n_levels);
		it[k++].text = arena_printf(a, "%s %s", e->mark ? e->mark : "", e->text);
	}
	if (g->n_levels == 0) {
		it[k].swatch = SW_AREA;
		it[k].area = chart_grade_style(CHART_SEG_UNGRADED, 0);
		it[k++].text = "評価なし";
	}
	return k;
}

struct ocols {
	float label_w, x0, x1;
};

static struct ocols ocolumns(const struct chart *c, float x, float w)
{
	struct ocols k;
	k.label_w = w * 0.34f;
	k.label_w = k.label_w < 80 ? 80 : k.label_w > 220 ? 220 : k.label_w;
	float tw = chart_text_width(c, c->o.font_size, "計888") + 6;
	if (w - k.label_w - 6 - tw < 60)
		k.label_w = w - 6 - tw - 60;
	if (k.label_w < 20)
		k.label_w = 20;
	k.x0 = x + k.label_w + 6;
	k.x1 = x + w - tw;
	if (k.x1 < k.x0 + 10)
		k.x1 = k.x0 + 10;
	return k;
}

static float row_min(const struct chart *c)
{
	return c->o.font_size * 1.25f + 8;
}

static float axis_h(const struct chart *c)
{
	return c->o.font_size + 5;
}

static float row_want(const struct chart *c, float label_w, const char *s)
{
	float h = chart_text_height(c, c->o.font_size, label_w, s) + 6;
	return h > row_min(c) ? h : row_min(c);
}

float overview_height(const struct chart *c, float w)
{
	struct arena *a = arena_new();
	struct row_src *r;
	size_t n = row_sources(c, a, &r);
	struct ocols k = ocolumns(c, 0, w);
	struct legend_item it[24];
	size_t n_it = overview_legend(c, it, 24, a);
	float h = paint_legend_height(c, it, n_it, w, 0) + 4 + axis_h(c) + 2;
	for (size_t i = 0; i < n; i++)
		h += row_want(c, k.label_w, r[i].label);
	arena_free(a);
	return ceilf(h);
}

void overview_layout(const struct chart *c, struct chart_geom *g,
		     struct arena *a)
{
	const struct plan *p = c->p;
	struct row_src *r;
	size_t n = row_sources(c, a, &r);
	struct ocols k = ocolumns(c, g->x, g->w);
	struct legend_item it[24];
	size_t n_it = overview_legend(c, it, 24, a);
	float top = g->y + paint_legend_height(c, it, n_it, g->w, 0) + 4;
	float avail = g->y + g->h - axis_h(c) - 2 - top;

	float *want = arena_calloc(a, n, sizeof *want), sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += want[i] = row_want(c, k.label_w, r[i].label);
	float f = sum > avail && sum > 0 ? avail / sum : 1;

	g->rows = arena_calloc(a, n, sizeof *g->rows);
	float y = top;
	for (size_t i = 0; i < n; i++) {
		float rh = want[i] * f;
		if (rh < row_min(c))
			rh = row_min(c);
		if (y + rh > top + (avail > 0 ? avail : 0) + 0.01f)
			break;
		struct chart_row *row = &g->rows[g->n_rows++];
		struct fig_summary sm;
		fig_summary_compute(p, r[i].pl, c->o.fy, a, &sm);
		row->pillar = r[i].pl;
		row->y = y;
		row->h = rh;
		row->bar_h = c->o.font_size + 6 < rh - 4 ? c->o.font_size + 6 : rh - 4;
		row->bar_y = y + (rh - row->bar_h) / 2;
		row->total = sm.total;
		row->segs = arena_calloc(a, sm.n_levels + 3, sizeof *row->segs);
		for (size_t l = 0; l < sm.n_levels; l++)
			if (sm.counts[l])
				row->segs[row->n_segs++] =
					(struct chart_segment){(int)l, sm.counts[l], 0, 0};
		if (sm.ungraded)
			row->segs[row->n_segs++] = (struct chart_segment){
				CHART_SEG_UNGRADED, sm.ungraded, 0, 0};
		if (sm.not_assessable)
			row->segs[row->n_segs++] = (struct chart_segment){
				CHART_SEG_NOT_ASSESSABLE, sm.not_assessable, 0, 0};
		if (sm.no_data)
			row->segs[row->n_segs++] = (struct chart_segment){
				CHART_SEG_NO_DATA, sm.no_data, 0, 0};
		y += rh;
	}

	g->x_zero = k.x0;
	g->x_full = k.x1;
	g->x_max = k.x1;
	for (size_t i = 0; i < g->n_rows; i++) {
		struct chart_row *row = &g->rows[i];
		float x = k.x0;
		for (size_t s = 0; s < row->n_segs; s++) {
			struct chart_segment *sg = &row->segs[s];
			sg->x = x;
			sg->w = (k.x1 - k.x0) * (float)sg->count / (float)row->total;
			x += sg->w;
		}
	}
}

void overview_draw(const struct chart *c, const struct chart_geom *g,
		   struct paint *pt)
{
	struct arena *a = arena_new();
	float fs = c->o.font_size;
	size_t n_levels = c->p->grading.n_levels;
	struct ocols k = ocolumns(c, g->x, g->w);
	struct dl_color ink = DL_GREY(0.15f);

	struct legend_item it[24];
	size_t n_it = overview_legend(c, it, 24, a);
	paint_legend(pt, it, n_it, g->x, g->y, g->w, 0);

	struct row_src *r;
	row_sources(c, a, &r);
	float top = g->n_rows ? g->rows[0].y : g->y, bottom = top;
	for (size_t i = 0; i < g->n_rows; i++)
		bottom = g->rows[i].y + g->rows[i].h;

	/* grid: shares of the row */
	struct chart_axis ax;
	chart_ticks(0, 100, 5, &ax);
	for (int i = 0; i < ax.n_ticks; i++) {
		double v = chart_tick(&ax, i);
		float x = g->x_zero + (float)(v / 100) * (g->x_full - g->x_zero);
		if (i > 0)
			paint_line(pt, x, top, x, bottom, 0.3f, DL_GREY(0.75f), NULL, 0);
		char buf[32];
		chart_tick_label(plan_typo(c->p), &ax, i, 0, buf, sizeof buf);
		strcat(buf, plan_typo(c->p)->percent);
		paint_text(pt, x, bottom + 2, HA_CENTER, VA_TOP, fs, ink, buf);
	}
	/* the axis title, shortened where the label column is narrow */
	static const char *const titles[] = {"（指標数の割合）", "（割合）"};
	for (size_t i = 0; i < 2; i++) {
		if (g->x_zero - 6 - chart_text_width(c, fs, titles[i]) < g->x)
			continue;
		paint_text(pt, g->x_zero - 6, bottom + 2, HA_RIGHT, VA_TOP, fs, ink,
			   titles[i]);
		break;
	}

	for (size_t i = 0; i < g->n_rows; i++) {
		const struct chart_row *row = &g->rows[i];
		if (!row->pillar && i > 0)
			paint_line(pt, g->x, row->y, g->x + g->w, row->y, 0.5f,
				   DL_GREY(0.4f), NULL, 0);
		float th = chart_text_height(c, fs, k.label_w - 1, r[i].label);
		float off = th < row->h - 2 ? (row->h - th) / 2 : 1;
		paint_text_block(pt, g->x + 1, row->y + off, k.label_w - 1,
				 row->h - off, fs, DL_BLACK, r[i].label);
		for (size_t s = 0; s < row->n_segs; s++) {
			const struct chart_segment *sg = &row->segs[s];
			struct area_style st = chart_grade_style(sg->cls, n_levels);
			paint_area(pt, sg->x, row->bar_y, sg->w, row->bar_h, &st, true);
			char buf[24];
			snprintf(buf, sizeof buf, "%zu", sg->count);
			float tw = chart_text_width(c, fs, buf);
			if (tw + 3 > sg->w)
				continue;
			float xm = sg->x + sg->w / 2, ym = row->bar_y + row->bar_h / 2;
			if (st.hatch != HATCH_NONE) {
				struct dl_color white = DL_WHITE;
				dl_rect(pt->pg, xm - tw / 2 - 1, ym - fs / 2 - 0.5f,
					tw + 2, fs + 1, &white, NULL);
			}
			paint_text(pt, xm, ym, HA_CENTER, VA_MIDDLE, fs,
				   st.dark ? DL_WHITE : DL_BLACK, buf);
		}
		char tot[32];
		snprintf(tot, sizeof tot, "計%zu", row->total);
		float xe = row->n_segs ? row->segs[row->n_segs - 1].x +
						 row->segs[row->n_segs - 1].w
				       : g->x_zero;
		paint_text(pt, xe + 3, row->bar_y + row->bar_h / 2, HA_LEFT,
			   VA_MIDDLE, fs, ink, tot);
	}
	if (g->n_rows)
		paint_line(pt, g->x_zero, top, g->x_zero, bottom, 0.7f, ink,
			   NULL, 0);
	arena_free(a);
}
