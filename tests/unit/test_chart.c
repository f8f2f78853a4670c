/* test_chart.c - where the charts put things, for the cases that matter.
 *
 * Each case builds a small plan in an arena with the plan.h structs, the way
 * the loader leaves them, lays a chart out in a box with the real figures
 * and text engine, and checks the geometry (chart_layout) and what
 * chart_draw adds to a display list: the target of a lower-is-better
 * indicator below its baseline, running sums of a cumulative target, gaps
 * for missing years, the chosen target shapes, small multiples, clipped
 * bars, grade counts - and that nothing leaves the chart's box.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart.h"
#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "figures.h"
#include "font.h"
#include "plan.h"
#include "text.h"

#define Y_H28 2016
#define Y_H30 2018
#define Y_R2 2020
#define Y_R3 2021
#define Y_R4 2022
#define Y_R5 2023
#define Y_R6 2024
#define Y_R7 2025
#define Y_R8 2026
#define Y_R13 2031

#define BX 40.0f
#define BY 50.0f
#define BW 400.0f
#define BH 220.0f

static struct arena *A;
static struct fontset *fonts;
static struct text_engine *te;
static struct diag_list diags = DIAG_LIST_INIT;
static struct plan *P;

static struct grade_level abcd[] = {
	{"A", "計画どおり以上", {10, 1}},
	{"B", "おおむね順調", {75, 2}},
	{"C", "やや遅れ", {5, 1}},
	{"D", "遅れ", {0, 0}},
};

static struct decimal dec(int64_t units, int scale)
{
	return (struct decimal){units, scale};
}

static void cleanup(void)
{
	arena_free(A);
	text_engine_free(te);
	fontset_free(fonts);
	diag_list_release(&diags);
}

/* A fresh arena and plan from..to with the city's scheme. */
static void setup(int from, int to, enum grade_basis basis, bool prorate)
{
	if (!fonts) {
		fonts = fontset_load(NULL, &diags);
		te = fonts ? text_engine_new(fonts, &diags) : NULL;
		if (!te) {
			diag_print(&diags, stderr);
			exit(2);
		}
		atexit(cleanup);
	}
	arena_free(A);
	A = arena_new();
	P = arena_calloc(A, 1, sizeof *P);
	P->arena = A;
	P->file = "test.xml";
	P->from = from;
	P->to = to;
	P->grading.basis = basis;
	P->grading.prorate = prorate;
	P->grading.levels = abcd;
	P->grading.n_levels = 4;
	P->grading.no_data_mark = "－";
	P->grading.no_data_label = "実績未確定";
	P->grading.not_assessable_mark = "／";
	P->grading.not_assessable_label = "評価不能";
	P->grading.maintain_tolerance = dec(10, 1);
	P->grading.ratio_scale = 1;
	P->indicators = arena_calloc(A, 16, sizeof *P->indicators);
}

static void city(void)
{
	setup(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
}

/* An indicator of n parts, each a level target in 件, higher is better. */
static struct indicator *indicator(const char *id, size_t n)
{
	struct indicator *ind = &P->indicators[P->n_indicators++];
	ind->id = id;
	ind->name = id;
	ind->n_measures = n;
	ind->measures = arena_calloc(A, n, sizeof *ind->measures);
	ind->pos = (struct src_pos){"test.xml", 10, 5};
	for (size_t i = 0; i < n; i++) {
		struct measure *m = &ind->measures[i];
		m->id = n == 1 ? id : arena_printf(A, "%s-%zu", id, i);
		m->name = n == 1 ? NULL : arena_printf(A, "部分%zu", i + 1);
		m->unit = "件";
		m->goal = GOAL_HIGHER;
		m->pos = ind->pos;
	}
	return ind;
}

static void level(struct measure *m, struct decimal b, int bfy, struct decimal t,
		  int tfy)
{
	m->baseline.kind = BASELINE_LEVEL;
	m->baseline.value = b;
	m->baseline.fy = bfy;
	m->target.kind = TARGET_LEVEL;
	m->target.value = t;
	m->target.fy = tfy;
}

/* Appends an actual (years in order). */
static void actual(struct measure *m, int fy, struct decimal v)
{
	struct actual *a = arena_calloc(A, m->n_actuals + 1, sizeof *a);
	if (m->n_actuals)
		memcpy(a, m->actuals, m->n_actuals * sizeof *a);
	a[m->n_actuals] = (struct actual){fy, true, v, false, "actuals.xml", 2};
	m->actuals = a;
	m->n_actuals++;
}

static void actuals(struct measure *m, int fy, const int64_t *v, size_t n,
		    int scale)
{
	for (size_t i = 0; i < n; i++)
		actual(m, fy + (int)i, dec(v[i], scale));
}

static void unknown_actual(struct measure *m, int fy)
{
	actual(m, fy, dec(0, 0));
	m->actuals[m->n_actuals - 1].known = false;
}

static struct chart_opts opts(int fy)
{
	return (struct chart_opts){.fy = fy, .diags = &diags};
}

/* Lays out a trend chart of ind in the standard box. */
static const struct chart_geom *trend(const struct indicator *ind, int fy,
				      float w, float h)
{
	struct chart_opts o = opts(fy);
	struct chart *c = chart_trend_new(te, P, ind, &o);
	const struct chart_geom *g = chart_layout(c, BX, BY, w, h, A);
	chart_free(c);
	return g;
}

/* Draws c into a fresh document in (x, y, w, h). */
static struct dl_doc *draw(struct chart *c, float w, float h)
{
	struct dl_doc *d = dl_doc_new();
	struct dl_page *pg = dl_page_add(d, 595, 842);
	chart_draw(d, pg, BX, BY, w, h, c);
	return d;
}

static struct dl_doc *draw_trend(const struct indicator *ind, int fy)
{
	struct chart_opts o = opts(fy);
	struct chart *c = chart_trend_new(te, P, ind, &o);
	struct dl_doc *d = draw(c, BW, BH);
	chart_free(c);
	return d;
}

/* All the text of the page: runs that continue one another (the text
 * engine cuts a line where the font or the spacing changes) joined, other
 * items separated by '|'. */
static const char *page_text(const struct dl_doc *d)
{
	static char buf[16384];
	size_t n = 0;
	const struct dl_page *pg = &d->pages[0];
	const struct dl_item *prev = NULL;
	buf[0] = '\0';
	for (size_t i = 0; i < pg->n_items; i++) {
		const struct dl_item *it = &pg->items[i];
		if (it->kind != DL_TEXT || n + it->u.text.len + 2 >= sizeof buf)
			continue;
		if (prev) {
			float end = prev->u.text.x +
				    text_width(te, FONT_GOTHIC, prev->u.text.size,
					       prev->u.text.utf8, prev->u.text.len,
					       NULL, NULL);
			if (prev->u.text.y != it->u.text.y ||
			    fabsf(it->u.text.x - end) > 1.0f)
				buf[n++] = '|';
		}
		memcpy(buf + n, it->u.text.utf8, it->u.text.len);
		n += it->u.text.len;
		buf[n] = '\0';
		prev = it;
	}
	buf[n++] = '|';
	buf[n] = '\0';
	return buf;
}

static bool has_text(const struct dl_doc *d, const char *s)
{
	return strstr(page_text(d), s) != NULL;
}

/* Stroked, unfilled paths of the series line width, and their subpaths. */
static size_t series_paths(const struct dl_doc *d, size_t *moves)
{
	const struct dl_page *pg = &d->pages[0];
	size_t n = 0;
	*moves = 0;
	for (size_t i = 0; i < pg->n_items; i++) {
		const struct dl_item *it = &pg->items[i];
		if (it->kind != DL_PATH || it->u.path.fill || !it->u.path.stroke ||
		    fabsf(it->u.path.line.width - 1.4f) > 1e-4f)
			continue;
		n++;
		for (size_t k = 0; k < it->u.path.n_segs; k++)
			*moves += it->u.path.segs[k].op == DL_MOVE;
	}
	return n;
}

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-3;
}

/* ---- no item outside the box ----------------------------------------------- */

static int outside;

static void check_pt(float x, float y, float bx, float by, float bw, float bh,
		     const char *what)
{
	const float eps = 0.01f;
	if (x < bx - eps || x > bx + bw + eps || y < by - eps || y > by + bh + eps) {
		if (outside++ < 10)
			fprintf(stderr, "  %s at (%.2f, %.2f) outside (%.1f, %.1f, %.1f, %.1f)\n",
				what, x, y, bx, by, bw, bh);
	}
}

/* Counts the items of the page (points of lines, rectangles, paths, clips;
 * the em box of text runs) that fall outside the box; checks the clips
 * balance. */
static int items_outside(const struct dl_doc *d, float bx, float by, float bw,
			 float bh)
{
	const struct dl_page *pg = &d->pages[0];
	int depth = 0;
	outside = 0;
	for (size_t i = 0; i < pg->n_items; i++) {
		const struct dl_item *it = &pg->items[i];
		switch (it->kind) {
		case DL_TEXT: {
			float w = text_width(te, FONT_GOTHIC, it->u.text.size,
					     it->u.text.utf8, it->u.text.len, NULL, NULL);
			float s = it->u.text.size;
			char what[160];
			snprintf(what, sizeof what, "text '%.*s'", (int)it->u.text.len,
				 it->u.text.utf8);
			check_pt(it->u.text.x, it->u.text.y - 0.88f * s, bx, by, bw, bh, what);
			check_pt(it->u.text.x + w, it->u.text.y + 0.12f * s, bx, by, bw,
				 bh, what);
			break;
		}
		case DL_LINE:
			check_pt(it->u.line.x0, it->u.line.y0, bx, by, bw, bh, "line");
			check_pt(it->u.line.x1, it->u.line.y1, bx, by, bw, bh, "line");
			break;
		case DL_RECT:
			check_pt(it->u.rect.x, it->u.rect.y, bx, by, bw, bh, "rect");
			check_pt(it->u.rect.x + it->u.rect.w, it->u.rect.y + it->u.rect.h,
				 bx, by, bw, bh, "rect");
			break;
		case DL_PATH:
			for (size_t k = 0; k < it->u.path.n_segs; k++) {
				const struct dl_path_seg *sg = &it->u.path.segs[k];
				int np = sg->op == DL_CURVETO ? 3 : sg->op == DL_CLOSE ? 0 : 1;
				for (int j = 0; j < np; j++)
					check_pt(sg->x[j], sg->y[j], bx, by, bw, bh, "path");
			}
			break;
		case DL_CLIP_PUSH:
			depth++;
			check_pt(it->u.clip.x, it->u.clip.y, bx, by, bw, bh, "clip");
			check_pt(it->u.clip.x + it->u.clip.w, it->u.clip.y + it->u.clip.h,
				 bx, by, bw, bh, "clip");
			break;
		case DL_CLIP_POP:
			depth--;
			CU_ASSERT_TRUE(depth >= 0);
			break;
		case DL_LINK_DEST:
			break;
		}
	}
	CU_ASSERT_EQUAL(depth, 0);
	return outside;
}

/* ---- trend: positions ------------------------------------------------------ */

static void test_level_trend_positions(void)
{
	city();
	struct indicator *ind = indicator("kpi", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "事業者";
	level(m, dec(17, 0), Y_R2, dec(220, 0), Y_R13);
	actuals(m, Y_R4, (int64_t[]){59, 81, 102, 123}, 4, 0);

	const struct chart_geom *g = trend(ind, Y_R7, BW, BH);
	CU_ASSERT_EQUAL_FATAL(g->n_panels, 1);
	const struct chart_panel *pn = &g->panels[0];
	CU_ASSERT_FALSE(g->small_multiples);
	CU_ASSERT_EQUAL(pn->fy_from, Y_R2); /* the baseline's year */
	CU_ASSERT_EQUAL(pn->fy_to, Y_R13);
	CU_ASSERT_TRUE(near(pn->slot, pn->plot_w / 12));
	CU_ASSERT_EQUAL(pn->axis.lo, 0); /* 17 → 220: zero-based */
	CU_ASSERT_FALSE(pn->axis_broken);
	CU_ASSERT_TRUE(pn->axis.hi >= 220);
	CU_ASSERT_TRUE(pn->plot_x >= BX && pn->plot_y >= BY &&
		       pn->plot_x + pn->plot_w <= BX + BW &&
		       pn->plot_y + pn->plot_h <= BY + BH);

	CU_ASSERT_EQUAL_FATAL(pn->n_series, 1);
	const struct chart_series *s = &pn->series[0];
	CU_ASSERT_EQUAL_FATAL(s->n_values, 4);
	CU_ASSERT_EQUAL(s->values[0].fy, Y_R4);
	CU_ASSERT_EQUAL(s->values[3].exact.units, 123);
	/* x: the middle of the year's slot; y: linear in the value */
	CU_ASSERT_TRUE(near(s->values[3].x, pn->plot_x + 5.5 * pn->slot));
	double span = pn->axis.hi - pn->axis.lo;
	CU_ASSERT_TRUE(near(s->values[3].y,
			    pn->plot_y + pn->plot_h * (pn->axis.hi - 123) / span));
	CU_ASSERT_TRUE(s->has_baseline);
	CU_ASSERT_EQUAL(s->baseline.fy, Y_R2);
	CU_ASSERT_TRUE(near(s->baseline.y, pn->plot_y + pn->plot_h * (pn->axis.hi - 17) / span));
	CU_ASSERT_EQUAL(s->target_shape, CHART_TARGET_POINT);
	CU_ASSERT_EQUAL(s->target.fy, Y_R13);
	CU_ASSERT_TRUE(near(s->target.x, pn->plot_x + 11.5 * pn->slot));
	CU_ASSERT_TRUE(near(s->target.y, pn->plot_y + pn->plot_h * (pn->axis.hi - 220) / span));
	/* the trajectory: from the baseline's year, unrounded (17 + 203 × 2/11) */
	CU_ASSERT_EQUAL_FATAL(s->n_expected, 12);
	CU_ASSERT_EQUAL(s->expected[0].fy, Y_R2);
	CU_ASSERT_TRUE(near(s->expected[0].value, 17));
	CU_ASSERT_TRUE(near(s->expected[2].value, 17 + 203.0 * 2 / 11));
	CU_ASSERT_TRUE(near(s->expected[11].value, 220));

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "目標 220"));
	CU_ASSERT_TRUE(has_text(d, "123"));      /* the last actual */
	CU_ASSERT_TRUE(has_text(d, "（事業者）")); /* the unit */
	CU_ASSERT_TRUE(has_text(d, "R2|"));
	CU_ASSERT_TRUE(has_text(d, "R13|"));
	CU_ASSERT_TRUE(has_text(d, "基準値"));
	CU_ASSERT_TRUE(has_text(d, "目標への目安"));
	CU_ASSERT_FALSE(has_text(d, "例示値"));
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, BH), 0);
	dl_doc_free(d);
}

static void test_lower_is_better_target_below_baseline(void)
{
	city();
	struct indicator *ind = indicator("overtime", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "時間";
	m->goal = GOAL_LOWER;
	level(m, dec(120, 0), Y_R2, dec(80, 0), Y_R13);
	actuals(m, Y_R4, (int64_t[]){115, 110}, 2, 0);

	const struct chart_geom *g = trend(ind, Y_R7, BW, BH);
	const struct chart_panel *pn = &g->panels[0];
	const struct chart_series *s = &pn->series[0];
	double span = pn->axis.hi - pn->axis.lo;
	/* 80 lies below 120 on the page (y grows downwards) */
	CU_ASSERT_TRUE(s->target.y > s->baseline.y);
	CU_ASSERT_TRUE(near(s->target.y, pn->plot_y + pn->plot_h * (pn->axis.hi - 80) / span));
	CU_ASSERT_TRUE(near(s->target.y, chart_panel_y(pn, 80)));
	CU_ASSERT_TRUE(s->values[1].y > s->values[0].y);
	/* 80..120 is far from zero: a broken axis from a round tick */
	CU_ASSERT_TRUE(pn->axis.lo > 0 && pn->axis.lo <= 80);
	CU_ASSERT_TRUE(pn->axis_broken);
	/* the trajectory falls */
	CU_ASSERT_TRUE(s->expected[s->n_expected - 1].value < s->expected[0].value);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "低いほど良い"));
	CU_ASSERT_TRUE(has_text(d, "目標 80"));
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, BH), 0);
	dl_doc_free(d);
}

static void test_cumulative_running_sums(void)
{
	city();
	struct indicator *ind = indicator("migrants", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "人";
	m->baseline = (struct baseline){BASELINE_RATE, dec(121, 0), Y_R2, 0, 0, NULL};
	m->target = (struct target){TARGET_CUMULATIVE, dec(1200, 0), Y_R13, Y_R4,
				    Y_R13, false, dec(0, 0), "10年間で1,200人"};
	actuals(m, Y_R4, (int64_t[]){118, 126, 131, 109}, 4, 0);

	const struct chart_geom *g = trend(ind, Y_R7, BW, BH);
	const struct chart_panel *pn = &g->panels[0];
	const struct chart_series *s = &pn->series[0];
	CU_ASSERT_TRUE(s->cumulative);
	CU_ASSERT_EQUAL_FATAL(s->n_values, 4);
	int64_t sums[] = {118, 244, 375, 484};
	for (int i = 0; i < 4; i++) {
		CU_ASSERT_EQUAL(s->values[i].exact.units, sums[i]);
		CU_ASSERT_TRUE(near(s->values[i].y, chart_panel_y(pn, (double)sums[i])));
	}
	/* a yearly baseline cannot stand beside running sums */
	CU_ASSERT_FALSE(s->has_baseline);
	CU_ASSERT_EQUAL(pn->fy_from, Y_R4);
	/* the pace: 120 a year to 1,200 */
	CU_ASSERT_EQUAL_FATAL(s->n_expected, 10);
	CU_ASSERT_TRUE(near(s->expected[0].value, 120));
	CU_ASSERT_TRUE(near(s->expected[9].value, 1200));
	CU_ASSERT_EQUAL(s->target_shape, CHART_TARGET_POINT);
	CU_ASSERT_EQUAL(s->target.fy, Y_R13);
	CU_ASSERT_EQUAL(pn->axis.lo, 0);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "累計 484"));
	CU_ASSERT_TRUE(has_text(d, "実績（累計）"));
	CU_ASSERT_TRUE(has_text(d, "目標 1,200"));
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, BH), 0);
	dl_doc_free(d);
}

static void test_cumulative_stops_at_a_missing_year(void)
{
	city();
	struct indicator *ind = indicator("sum", 1);
	struct measure *m = &ind->measures[0];
	m->baseline.kind = BASELINE_UNKNOWN;
	m->target = (struct target){TARGET_CUMULATIVE, dec(100, 0), Y_R13, Y_R4,
				    Y_R13, false, dec(0, 0), NULL};
	actual(m, Y_R4, dec(10, 0));
	unknown_actual(m, Y_R5);
	actual(m, Y_R6, dec(12, 0));

	const struct chart_series *s = &trend(ind, Y_R7, BW, BH)->panels[0].series[0];
	CU_ASSERT_EQUAL(s->n_values, 1); /* R6's sum would skip R5 */
	CU_ASSERT_EQUAL(s->values[0].exact.units, 10);
	CU_ASSERT_EQUAL_FATAL(s->n_pending, 1);
	CU_ASSERT_EQUAL(s->pending[0], Y_R5);
}

static void test_missing_years_leave_gaps(void)
{
	city();
	struct indicator *ind = indicator("gaps", 1);
	struct measure *m = &ind->measures[0];
	level(m, dec(10, 0), Y_R2, dec(100, 0), Y_R13);
	actual(m, Y_R4, dec(20, 0));
	actual(m, Y_R5, dec(25, 0));
	unknown_actual(m, Y_R6);
	actual(m, Y_R7, dec(35, 0));

	const struct chart_series *s = &trend(ind, Y_R7, BW, BH)->panels[0].series[0];
	CU_ASSERT_EQUAL_FATAL(s->n_values, 3);
	CU_ASSERT_EQUAL(s->values[1].fy, Y_R5);
	CU_ASSERT_EQUAL(s->values[2].fy, Y_R7);
	CU_ASSERT_EQUAL(s->n_pending, 1);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	size_t moves;
	CU_ASSERT_EQUAL(series_paths(d, &moves), 1);
	CU_ASSERT_EQUAL(moves, 2); /* R4–R5, then R7 alone */
	CU_ASSERT_TRUE(has_text(d, "未確定"));
	CU_ASSERT_TRUE(has_text(d, "35"));
	dl_doc_free(d);
}

static void test_unknown_baseline_of_a_share(void)
{
	city();
	struct indicator *ind = indicator("share", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "％";
	m->baseline.kind = BASELINE_UNKNOWN;
	m->target = (struct target){TARGET_LEVEL, dec(248, 1), Y_R13, 0, 0, false,
				    dec(0, 0), NULL};
	actuals(m, Y_R4, (int64_t[]){152, 164, 173, 186}, 4, 1);

	const struct chart_geom *g = trend(ind, Y_R7, BW, BH);
	const struct chart_series *s = &g->panels[0].series[0];
	CU_ASSERT_FALSE(s->has_baseline);
	CU_ASSERT_EQUAL(s->n_expected, 0); /* zero would be invented data */
	CU_ASSERT_EQUAL(g->panels[0].fy_from, Y_R4);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_FALSE(has_text(d, "基準値"));
	CU_ASSERT_FALSE(has_text(d, "目標への目安"));
	CU_ASSERT_TRUE(has_text(d, "18.6"));
	CU_ASSERT_TRUE(has_text(d, "目標 24.8"));
	dl_doc_free(d);
}

static void test_unknown_baseline_of_a_count(void)
{
	setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, true);
	struct indicator *ind = indicator("firms", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "社";
	m->baseline.kind = BASELINE_UNKNOWN;
	m->target = (struct target){TARGET_LEVEL, dec(50, 0), Y_R7, 0, 0, false,
				    dec(0, 0), NULL};
	actual(m, Y_R3, dec(8, 0));

	const struct chart_series *s = &trend(ind, Y_R7, BW, BH)->panels[0].series[0];
	/* a count starts from zero the year before the plan: 10 a year */
	CU_ASSERT_FALSE(s->has_baseline);
	CU_ASSERT_EQUAL_FATAL(s->n_expected, 5);
	CU_ASSERT_EQUAL(s->expected[0].fy, Y_R3);
	CU_ASSERT_TRUE(near(s->expected[0].value, 10));
}

static void test_no_actuals_yet(void)
{
	city();
	struct indicator *ind = indicator("new", 1);
	level(&ind->measures[0], dec(5, 0), Y_R2, dec(50, 0), Y_R13);

	const struct chart_geom *g = trend(ind, Y_R7, BW, BH);
	CU_ASSERT_TRUE(g->panels[0].no_values);
	CU_ASSERT_EQUAL(g->panels[0].series[0].n_values, 0);
	CU_ASSERT_FALSE(g->illustrative);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "実績値なし"));
	CU_ASSERT_TRUE(has_text(d, "目標 50"));
	size_t moves;
	CU_ASSERT_EQUAL(series_paths(d, &moves), 0);
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, BH), 0);
	dl_doc_free(d);
}

static void test_one_point(void)
{
	city();
	struct indicator *ind = indicator("one", 1);
	level(&ind->measures[0], dec(5, 0), Y_R2, dec(50, 0), Y_R13);
	actual(&ind->measures[0], Y_R4, dec(9, 0));

	const struct chart_geom *g = trend(ind, Y_R7, BW, BH);
	CU_ASSERT_FALSE(g->panels[0].no_values);
	CU_ASSERT_EQUAL(g->panels[0].series[0].n_values, 1);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	size_t moves;
	CU_ASSERT_EQUAL(series_paths(d, &moves), 0); /* a marker, no line */
	CU_ASSERT_TRUE(has_text(d, "9|"));
	CU_ASSERT_FALSE(has_text(d, "実績値なし"));
	dl_doc_free(d);
}

static void test_report_year_limits_the_values(void)
{
	city();
	struct indicator *ind = indicator("kpi", 1);
	level(&ind->measures[0], dec(10, 0), Y_R2, dec(100, 0), Y_R13);
	actuals(&ind->measures[0], Y_R4, (int64_t[]){20, 30, 40, 50}, 4, 0);
	const struct chart_series *s = &trend(ind, Y_R5, BW, BH)->panels[0].series[0];
	CU_ASSERT_EQUAL(s->n_values, 2);
	CU_ASSERT_EQUAL(s->values[1].fy, Y_R5);
}

/* ---- trend: target shapes ------------------------------------------------------ */

static void test_rate_target_is_a_line(void)
{
	city();
	struct indicator *ind = indicator("grants", 1);
	struct measure *m = &ind->measures[0];
	m->baseline = (struct baseline){BASELINE_RATE, dec(8, 0), Y_R2, 0, 0, NULL};
	m->target = (struct target){TARGET_RATE, dec(60, 0), Y_R13, 0, 0, false,
				    dec(0, 0), "60件/年"};
	actuals(m, Y_R4, (int64_t[]){18, 27, 35, 44}, 4, 0);

	const struct chart_panel *pn = &trend(ind, Y_R7, BW, BH)->panels[0];
	const struct chart_series *s = &pn->series[0];
	CU_ASSERT_EQUAL(s->target_shape, CHART_TARGET_RATE);
	CU_ASSERT_EQUAL(s->n_expected, 0); /* the line is the trajectory */
	CU_ASSERT_TRUE(near(s->target_x0, chart_panel_x(pn, Y_R4)));
	CU_ASSERT_TRUE(near(s->target.x, chart_panel_x(pn, Y_R13)));
	CU_ASSERT_TRUE(near(s->target.y, chart_panel_y(pn, 60)));
	CU_ASSERT_TRUE(s->target.y > pn->plot_y); /* not on the frame */
	CU_ASSERT_TRUE(s->has_baseline);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "目標 60/年"));
	CU_ASSERT_TRUE(has_text(d, "目標（毎年）"));
	dl_doc_free(d);
}

static struct indicator *exports(struct decimal base)
{
	setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, true);
	struct indicator *ind = indicator("exports", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "億円";
	m->baseline = (struct baseline){BASELINE_LEVEL, base, Y_H30, 0, 0, NULL};
	m->target = (struct target){TARGET_AT_LEAST, dec(2215, 0), Y_R7, 0, 0,
				    false, dec(0, 0), "2,215億円以上"};
	actuals(m, Y_R3, (int64_t[]){2418, 2761, 2096, 2304}, 4, 0);
	return ind;
}

static void test_at_least_target_is_a_floor(void)
{
	struct indicator *ind = exports(dec(2215, 0));
	const struct chart_panel *pn = &trend(ind, Y_R7, BW, BH)->panels[0];
	const struct chart_series *s = &pn->series[0];
	CU_ASSERT_EQUAL(s->target_shape, CHART_TARGET_FLOOR);
	CU_ASSERT_EQUAL(s->n_expected, 0); /* the baseline is on the floor */
	CU_ASSERT_TRUE(near(s->target_x0, chart_panel_x(pn, Y_R3)));
	CU_ASSERT_TRUE(near(s->target.x, chart_panel_x(pn, Y_R7)));
	CU_ASSERT_TRUE(pn->axis.lo <= 2096 && pn->axis.hi >= 2761);
	CU_ASSERT_EQUAL(pn->fy_from, Y_H30);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "目標 2,215以上"));
	CU_ASSERT_TRUE(has_text(d, "目標（以上）"));
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, BH), 0);
	dl_doc_free(d);

	/* a baseline short of the floor climbs to it */
	ind = exports(dec(2000, 0));
	s = &trend(ind, Y_R7, BW, BH)->panels[0].series[0];
	CU_ASSERT_TRUE(s->n_expected >= 2);
	CU_ASSERT_TRUE(near(s->expected[s->n_expected - 1].value, 2215));
}

static void test_maintain_target_is_a_band(void)
{
	city();
	struct indicator *ind = indicator("offices", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "事業所";
	m->goal = GOAL_MAINTAIN;
	level(m, dec(27279, 0), Y_H28, dec(27300, 0), Y_R8);
	actuals(m, Y_R4, (int64_t[]){27180, 27105, 27020, 26950}, 4, 0);

	const struct chart_panel *pn = &trend(ind, Y_R7, BW, BH)->panels[0];
	const struct chart_series *s = &pn->series[0];
	CU_ASSERT_EQUAL(s->target_shape, CHART_TARGET_BAND);
	CU_ASSERT_EQUAL(s->target.fy, Y_R8);
	/* the band: the plan's years, ±1.0 % around the trajectory */
	CU_ASSERT_EQUAL_FATAL(s->n_band, 10);
	CU_ASSERT_EQUAL(s->band_lo[0].fy, Y_R4);
	CU_ASSERT_TRUE(near(s->band_hi[9].value, 27300 * 1.01));
	CU_ASSERT_TRUE(near(s->band_lo[9].value, 27300 * 0.99));
	CU_ASSERT_TRUE(near(s->target_x0, chart_panel_x(pn, Y_R4)));
	CU_ASSERT_TRUE(pn->axis_broken);
	CU_ASSERT_TRUE(pn->axis.lo <= 26950 && pn->axis.hi >= 27573);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "維持の範囲（±1.0％）"));
	CU_ASSERT_TRUE(has_text(d, "目標 27,300"));
	CU_ASSERT_TRUE(has_text(d, "26,950"));
	dl_doc_free(d);
}

/* ---- trend: compound indicators and notes ---------------------------------- */

static struct indicator *compound(const char *unit2, int64_t t1, int64_t t2)
{
	setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, true);
	struct indicator *ind = indicator("pair", 2);
	ind->measures[1].unit = unit2;
	for (int i = 0; i < 2; i++) {
		struct measure *m = &ind->measures[i];
		int64_t t = i ? t2 : t1;
		m->baseline = (struct baseline){BASELINE_RATE, dec(t / 5, 0), 2019, 0, 0, NULL};
		m->target = (struct target){TARGET_CUMULATIVE, dec(t, 0), Y_R7, Y_R3,
					    Y_R7, true, dec(t / 5, 0), NULL};
		for (int y = Y_R3; y <= Y_R6; y++)
			actual(m, y, dec(t / 5 + y % 3, 0));
	}
	return ind;
}

static void test_compound_sharing_an_axis(void)
{
	struct indicator *ind = compound("件", 200, 150);
	const struct chart_geom *g = trend(ind, Y_R7, BW, BH);
	CU_ASSERT_FALSE(g->small_multiples);
	CU_ASSERT_EQUAL_FATAL(g->n_panels, 1);
	CU_ASSERT_EQUAL_FATAL(g->panels[0].n_series, 2);
	CU_ASSERT_EQUAL(g->panels[0].series[0].style, 0);
	CU_ASSERT_EQUAL(g->panels[0].series[1].style, 1);

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "部分1（累計）"));
	CU_ASSERT_TRUE(has_text(d, "部分2（累計）"));
	size_t moves;
	CU_ASSERT_EQUAL(series_paths(d, &moves), 2);
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, BH), 0);
	dl_doc_free(d);
}

static void test_compound_small_multiples(void)
{
	/* units differ: one panel each, side by side when wide */
	struct indicator *ind = compound("人", 200, 1525);
	const struct chart_geom *g = trend(ind, Y_R7, 480, BH);
	CU_ASSERT_TRUE(g->small_multiples);
	CU_ASSERT_EQUAL_FATAL(g->n_panels, 2);
	CU_ASSERT_STRING_EQUAL(g->panels[0].title, "部分1");
	CU_ASSERT_STRING_EQUAL(g->panels[1].unit.unit, "人");
	CU_ASSERT_TRUE(g->panels[1].x >= g->panels[0].x + g->panels[0].w);
	CU_ASSERT_EQUAL(g->panels[0].y, g->panels[1].y);
	CU_ASSERT_EQUAL(g->panels[0].series[0].style, 0);
	CU_ASSERT_EQUAL(g->panels[1].series[0].style, 0);
	/* narrow: stacked */
	g = trend(ind, Y_R7, 300, 2 * BH);
	CU_ASSERT_TRUE(g->panels[1].y >= g->panels[0].y + g->panels[0].h);
	CU_ASSERT_EQUAL(g->panels[0].x, g->panels[1].x);

	/* same unit, but 60 beside 850 would lie flat: small multiples too */
	ind = compound("件", 60, 850);
	CU_ASSERT_TRUE(trend(ind, Y_R7, 480, BH)->small_multiples);
	ind = compound("件", 200, 700); /* within 4x */
	CU_ASSERT_FALSE(trend(ind, Y_R7, 480, BH)->small_multiples);

	struct chart_opts o = opts(Y_R7);
	ind = compound("人", 200, 1525); /* before P is read: it makes a new P */
	struct chart *c = chart_trend_new(te, P, ind, &o);
	struct dl_doc *d = draw(c, 480, chart_height(c, 480));
	CU_ASSERT_TRUE(has_text(d, "部分1（件）"));
	CU_ASSERT_TRUE(has_text(d, "部分2（人）"));
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, 480, chart_height(c, 480)), 0);
	dl_doc_free(d);
	chart_free(c);
}

static void test_illustrative_note(void)
{
	city();
	struct indicator *ind = indicator("sample", 1);
	struct measure *m = &ind->measures[0];
	level(m, dec(10, 0), Y_R2, dec(100, 0), Y_R13);
	actuals(m, Y_R4, (int64_t[]){20, 30}, 2, 0);
	m->actuals[1].illustrative = true; /* R5 */

	CU_ASSERT_TRUE(trend(ind, Y_R7, BW, BH)->illustrative);
	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "例示値"));
	dl_doc_free(d);
	/* not shown (after the report year), not noted */
	CU_ASSERT_FALSE(trend(ind, Y_R4, BW, BH)->illustrative);
	d = draw_trend(ind, Y_R4);
	CU_ASSERT_FALSE(has_text(d, "例示値"));
	dl_doc_free(d);
}

static void test_zero_based_where_honest(void)
{
	city();
	struct indicator *ind = indicator("share", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "％";
	level(m, dec(894, 1), Y_R2, dec(931, 1), Y_R13);
	actuals(m, Y_R4, (int64_t[]){891, 897}, 2, 1);
	const struct chart_panel *pn = &trend(ind, Y_R7, BW, BH)->panels[0];
	CU_ASSERT_TRUE(pn->axis_broken);
	CU_ASSERT_TRUE(pn->axis.lo > 80 && pn->axis.lo <= 89.1);
	CU_ASSERT_TRUE(pn->axis.hi >= 93.1 && pn->axis.hi < 100);

	/* a constant series is measured from zero */
	city();
	ind = indicator("flat", 1);
	level(&ind->measures[0], dec(7, 0), Y_R2, dec(7, 0), Y_R13);
	actuals(&ind->measures[0], Y_R4, (int64_t[]){7, 7}, 2, 0);
	pn = &trend(ind, Y_R7, BW, BH)->panels[0];
	CU_ASSERT_EQUAL(pn->axis.lo, 0);
	CU_ASSERT_FALSE(pn->axis_broken);
}

static void test_long_numbers_scale_the_axis(void)
{
	city();
	struct indicator *ind = indicator("yen", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "円";
	level(m, dec(1000000, 0), Y_R2, dec(1500000, 0), Y_R13);
	actuals(m, Y_R4, (int64_t[]){1100000, 1234567}, 2, 0);
	const struct chart_panel *pn = &trend(ind, Y_R7, BW, BH)->panels[0];
	CU_ASSERT_EQUAL(pn->unit.shift, 4);
	CU_ASSERT_STRING_EQUAL(pn->unit.title, "（万円）");

	struct dl_doc *d = draw_trend(ind, Y_R7);
	CU_ASSERT_TRUE(has_text(d, "（万円）"));
	CU_ASSERT_TRUE(has_text(d, "150|")); /* 1,500,000 as 150 万 */
	CU_ASSERT_TRUE(has_text(d, "1,234,567円")); /* labels keep the value */
	dl_doc_free(d);
}

/* ---- bars and overview ------------------------------------------------------- */

static struct pillar *pillar_of(struct indicator **inds, size_t n)
{
	struct pillar *pl = arena_calloc(A, 1, sizeof *pl);
	pl->id = "p1";
	pl->no = "①";
	pl->title = "新たな産業の創出";
	pl->indicators = arena_calloc(A, n, sizeof *pl->indicators);
	for (size_t i = 0; i < n; i++) {
		pl->indicators[i] = inds[i];
		inds[i]->pillar = pl;
	}
	pl->n_indicators = n;
	return pl;
}

static struct indicator *simple(const char *id, int64_t target, int n, ...)
{
	struct indicator *ind = indicator(id, 1);
	struct measure *m = &ind->measures[0];
	level(m, dec(0, 0), Y_R2, dec(target, 0), Y_R7);
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		actual(m, Y_R7, dec(va_arg(ap, int64_t), 0));
	va_end(ap);
	return ind;
}

static void test_bars_clip_and_marks(void)
{
	setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, false);
	struct indicator *inds[] = {
		simple("over", 100, 1, (int64_t)180),
		simple("full", 100, 1, (int64_t)100),
		simple("none", 100, 0),
		simple("low", 100, 1, (int64_t)30),
	};
	struct pillar *pl = pillar_of(inds, 4);
	struct chart_opts o = opts(Y_R7);
	struct chart *c = chart_bars_new(te, P, pl, &o);
	float h = chart_height(c, BW);
	const struct chart_geom *g = chart_layout(c, BX, BY, BW, h, A);
	CU_ASSERT_EQUAL_FATAL(g->n_bars, 4);
	CU_ASSERT_TRUE(near(g->max_ratio, 1.5));
	CU_ASSERT_TRUE(near(g->x_full - g->x_zero, (g->x_max - g->x_zero) / 1.5));

	const struct chart_bar *b = g->bars;
	CU_ASSERT_TRUE(b[0].clipped);
	CU_ASSERT_TRUE(near(b[0].bar_w, g->x_max - g->x_zero));
	CU_ASSERT_TRUE(near(b[0].fig.basis.value, 1.8));
	CU_ASSERT_FALSE(b[1].clipped);
	CU_ASSERT_TRUE(near(b[1].bar_x + b[1].bar_w, g->x_full)); /* 100 % */
	CU_ASSERT_EQUAL(b[2].fig.state, FIG_NO_DATA);
	CU_ASSERT_EQUAL(b[2].bar_w, 0);
	CU_ASSERT_TRUE(near(b[3].bar_w, 0.3 * (g->x_full - g->x_zero)));
	CU_ASSERT_EQUAL(b[3].fig.level, 3);
	for (int i = 1; i < 4; i++)
		CU_ASSERT_TRUE(near(b[i].row_y, b[i - 1].row_y + b[i - 1].row_h));

	struct dl_doc *d = draw(c, BW, h);
	CU_ASSERT_TRUE(has_text(d, "180.0％"));
	CU_ASSERT_TRUE(has_text(d, "100.0％"));
	CU_ASSERT_TRUE(has_text(d, "30.0％"));
	CU_ASSERT_TRUE(has_text(d, "|A|"));
	CU_ASSERT_TRUE(has_text(d, "|D|"));
	CU_ASSERT_TRUE(has_text(d, "－"));
	CU_ASSERT_TRUE(has_text(d, "実績未確定"));
	CU_ASSERT_TRUE(has_text(d, "達成度"));
	CU_ASSERT_TRUE(has_text(d, "150％"));
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, h), 0);
	dl_doc_free(d);
	chart_free(c);
}

static void test_bars_negative_progress(void)
{
	setup(Y_R3, Y_R7, GRADE_BASIS_PROGRESS, false);
	struct indicator *ind = indicator("back", 1);
	level(&ind->measures[0], dec(50, 0), Y_R2, dec(100, 0), Y_R7);
	actual(&ind->measures[0], Y_R7, dec(40, 0));
	struct chart_opts o = opts(Y_R7);
	struct chart *c = chart_bars_new(te, P, NULL, &o);
	const struct chart_geom *g = chart_layout(c, BX, BY, BW, chart_height(c, BW), A);
	CU_ASSERT_EQUAL_FATAL(g->n_bars, 1);
	CU_ASSERT_TRUE(g->bars[0].below_zero);
	CU_ASSERT_EQUAL(g->bars[0].bar_w, 0);
	struct dl_doc *d = draw(c, BW, chart_height(c, BW));
	CU_ASSERT_TRUE(has_text(d, "△20.0％"));
	CU_ASSERT_TRUE(has_text(d, "進捗率"));
	dl_doc_free(d);
	chart_free(c);
}

static void test_bars_one_row_per_part(void)
{
	struct indicator *ind = compound("人", 200, 1525);
	ind->no = "オ";
	struct chart_opts o = opts(Y_R6);
	struct chart *c = chart_bars_new(te, P, NULL, &o);
	const struct chart_geom *g = chart_layout(c, BX, BY, BW, chart_height(c, BW), A);
	CU_ASSERT_EQUAL_FATAL(g->n_bars, 2);
	CU_ASSERT_PTR_EQUAL(g->bars[0].measure, &ind->measures[0]);
	CU_ASSERT_PTR_EQUAL(g->bars[1].measure, &ind->measures[1]);
	struct dl_doc *d = draw(c, BW, chart_height(c, BW));
	CU_ASSERT_TRUE(has_text(d, "オ 部分1"));
	CU_ASSERT_TRUE(has_text(d, "オ 部分2"));
	dl_doc_free(d);
	chart_free(c);
}

static void test_overview_counts_and_shares(void)
{
	setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, false);
	struct indicator *inds[] = {
		simple("a1", 100, 1, (int64_t)120),
		simple("a2", 100, 1, (int64_t)100),
		simple("d", 100, 1, (int64_t)10),
		simple("nd", 100, 0),
	};
	struct pillar *pl = pillar_of(inds, 4);
	P->pillars = pl;
	P->n_pillars = 1;
	simple("plan-level", 100, 1, (int64_t)80); /* only in 全体 */

	struct chart_opts o = opts(Y_R7);
	o.total_row = true;
	struct chart *c = chart_overview_new(te, P, &o);
	float h = chart_height(c, BW);
	const struct chart_geom *g = chart_layout(c, BX, BY, BW, h, A);
	CU_ASSERT_EQUAL_FATAL(g->n_rows, 2);
	const struct chart_row *r = &g->rows[0];
	CU_ASSERT_PTR_EQUAL(r->pillar, pl);
	CU_ASSERT_EQUAL(r->total, 4);
	CU_ASSERT_EQUAL_FATAL(r->n_segs, 3);
	CU_ASSERT_EQUAL(r->segs[0].cls, 0);
	CU_ASSERT_EQUAL(r->segs[0].count, 2);
	CU_ASSERT_EQUAL(r->segs[1].cls, 3);
	CU_ASSERT_EQUAL(r->segs[2].cls, CHART_SEG_NO_DATA);
	float span = g->x_full - g->x_zero;
	CU_ASSERT_TRUE(near(r->segs[0].x, g->x_zero));
	CU_ASSERT_TRUE(near(r->segs[0].w, span / 2));
	CU_ASSERT_TRUE(near(r->segs[2].x + r->segs[2].w, g->x_full));
	/* 全体: every indicator of the plan, B included */
	CU_ASSERT_PTR_NULL(g->rows[1].pillar);
	CU_ASSERT_EQUAL(g->rows[1].total, 5);
	CU_ASSERT_EQUAL(g->rows[1].n_segs, 4);

	struct dl_doc *d = draw(c, BW, h);
	CU_ASSERT_TRUE(has_text(d, "計4"));
	CU_ASSERT_TRUE(has_text(d, "計5"));
	CU_ASSERT_TRUE(has_text(d, "全体"));
	CU_ASSERT_TRUE(has_text(d, "A 計画どおり以上"));
	CU_ASSERT_TRUE(has_text(d, "実績未確定"));
	CU_ASSERT_TRUE(has_text(d, "① 新たな産業の創出"));
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, h), 0);
	dl_doc_free(d);
	chart_free(c);
}

/* ---- boxes ------------------------------------------------------------------ */

/* Every chart of the cases above, at several widths, at its own height and
 * squeezed or stretched: nothing outside the box. */
static void test_nothing_leaves_the_box(void)
{
	static const float widths[] = {480, 300, 200, 120};
	static const float stretch[] = {1.0f, 0.6f, 1.5f};
	int bad = 0, n = 0;
	for (int kind = 0; kind < 9; kind++) {
		struct chart_opts o = opts(Y_R7);
		o.total_row = true;
		struct chart *c = NULL;
		struct indicator *ind = NULL;
		switch (kind) {
		case 0: case 1: case 2: case 3: case 4: case 5: case 6: {
			city();
			ind = indicator("case", 1);
			struct measure *m = &ind->measures[0];
			level(m, dec(17, 0), Y_R2, dec(220, 0), Y_R13);
			if (kind != 1)
				actuals(m, Y_R4, (int64_t[]){59, 81, 102, 123}, 4, 0);
			if (kind == 2)
				m->goal = GOAL_LOWER;
			if (kind == 3)
				m->goal = GOAL_MAINTAIN;
			if (kind == 4)
				m->target.kind = TARGET_AT_LEAST;
			if (kind == 5) {
				m->unit = "円";
				m->target.value = dec(999999999, 0);
			}
			if (kind == 6)
				ind = compound("人", 200, 1525);
			for (size_t k = 0; k < ind->measures[0].n_actuals; k++)
				ind->measures[0].actuals[k].illustrative = true;
			c = chart_trend_new(te, P, ind, &o);
			break;
		}
		case 7: {
			setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, false);
			struct indicator *inds[] = {
				simple("鹿児島公共職業安定所（ハローワークかごしま管内）の新規学卒者の県内就職率",
				       100, 1, (int64_t)400),
				simple("b", 100, 0), simple("c", 100, 1, (int64_t)-50),
			};
			c = chart_bars_new(te, P, pillar_of(inds, 3), &o);
			break;
		}
		case 8: {
			setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, false);
			struct indicator *inds[] = {
				simple("a", 100, 1, (int64_t)100), simple("b", 100, 0),
			};
			P->pillars = pillar_of(inds, 2);
			P->pillars->title = "地域資源等を活用した新産業分野への参入や起業による新たなビジネスへの挑戦";
			P->n_pillars = 1;
			c = chart_overview_new(te, P, &o);
			break;
		}
		}
		for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
			for (size_t k = 0; k < sizeof stretch / sizeof *stretch; k++) {
				float w = widths[i], h = chart_height(c, w) * stretch[k];
				struct dl_doc *d = draw(c, w, h);
				int out = items_outside(d, BX, BY, w, h);
				if (out)
					fprintf(stderr, "  case %d in %.0f x %.0f: %d outside\n",
						kind, w, h, out);
				bad += out;
				n += d->pages[0].n_items > 0;
				dl_doc_free(d);
			}
		}
		chart_free(c);
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(n, 9 * 4 * 3); /* every one drew something */
	/* and every character of every chart so far had a glyph */
	if (diags.count)
		diag_print(&diags, stderr);
	CU_ASSERT_EQUAL(diags.warnings + diags.errors, 0);
}

static void test_too_small_a_box_stays_empty(void)
{
	city();
	struct indicator *ind = indicator("kpi", 1);
	level(&ind->measures[0], dec(1, 0), Y_R2, dec(2, 0), Y_R13);
	struct chart_opts o = opts(Y_R7);
	struct chart *c = chart_trend_new(te, P, ind, &o);
	struct dl_doc *d = draw(c, 30, 20);
	CU_ASSERT_EQUAL(d->pages[0].n_items, 0);
	dl_doc_free(d);
	CU_ASSERT_EQUAL(chart_layout(c, 0, 0, 30, 20, A)->n_panels, 0);
	chart_free(c);
	chart_free(NULL);
}

static void test_preferred_heights(void)
{
	city();
	struct indicator *ind = indicator("kpi", 1);
	level(&ind->measures[0], dec(1, 0), Y_R2, dec(2, 0), Y_R13);
	struct chart_opts o = opts(Y_R7);
	struct chart *c = chart_trend_new(te, P, ind, &o);
	float wide = chart_height(c, 480), narrow = chart_height(c, 240);
	CU_ASSERT_TRUE(wide > narrow);
	CU_ASSERT_TRUE(wide < 480 * 0.6f && narrow > 100);
	CU_ASSERT_EQUAL(chart_height(c, 480), wide); /* stable */
	chart_free(c);

	/* bars grow by a row per indicator */
	setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, false);
	struct indicator *inds[] = {simple("a", 1, 0), simple("b", 1, 0),
				    simple("c", 1, 0)};
	struct pillar *two = pillar_of(inds, 2), *three = pillar_of(inds, 3);
	struct chart *c2 = chart_bars_new(te, P, two, &o);
	struct chart *c3 = chart_bars_new(te, P, three, &o);
	float h2 = chart_height(c2, 480), h3 = chart_height(c3, 480);
	CU_ASSERT_TRUE(h3 > h2 && h3 - h2 < 30);
	chart_free(c2);
	chart_free(c3);
}

/* ---- legibility: what the printed page must not show ------------------- */

/* The white box under the label whose text starts with prefix (a label is
 * drawn as a white rectangle and then its text); false if there is none. */
static bool label_box(const struct dl_doc *d, const char *prefix, float *x,
		      float *y, float *w, float *h)
{
	const struct dl_page *pg = &d->pages[0];
	for (size_t i = 0; i + 1 < pg->n_items; i++) {
		const struct dl_item *r = &pg->items[i];
		if (r->kind != DL_RECT || !r->u.rect.fill || r->u.rect.stroke ||
		    r->u.rect.fill_color.r != 1)
			continue;
		/* the text engine may cut the label into runs */
		char text[128] = "";
		size_t n = 0;
		for (size_t k = i + 1; k < pg->n_items && pg->items[k].kind == DL_TEXT;
		     k++) {
			const struct dl_item *t = &pg->items[k];
			if (n + t->u.text.len + 1 > sizeof text)
				break;
			memcpy(text + n, t->u.text.utf8, t->u.text.len);
			n += t->u.text.len;
			text[n] = '\0';
		}
		if (strncmp(text, prefix, strlen(prefix)))
			continue;
		*x = r->u.rect.x;
		*y = r->u.rect.y;
		*w = r->u.rect.w;
		*h = r->u.rect.h;
		return true;
	}
	return false;
}

/* Whether the dashed trajectory (0.9 pt, dashed) comes within gap of the
 * box: every segment sampled every 0.1 pt. */
static bool trajectory_touches(const struct dl_doc *d, float x, float y, float w,
			       float h, float gap)
{
	const struct dl_page *pg = &d->pages[0];
	for (size_t i = 0; i < pg->n_items; i++) {
		const struct dl_item *it = &pg->items[i];
		if (it->kind != DL_PATH || !it->u.path.stroke || it->u.path.fill ||
		    it->u.path.line.n_dash != 2 ||
		    fabsf(it->u.path.line.width - 0.9f) > 1e-4f)
			continue;
		for (size_t k = 1; k < it->u.path.n_segs; k++) {
			const struct dl_path_seg *a = &it->u.path.segs[k - 1];
			const struct dl_path_seg *b = &it->u.path.segs[k];
			if (b->op != DL_LINETO)
				continue;
			float len = hypotf(b->x[0] - a->x[0], b->y[0] - a->y[0]);
			int steps = (int)(len / 0.1f) + 1;
			for (int j = 0; j <= steps; j++) {
				float t = (float)j / (float)steps;
				float px = a->x[0] + t * (b->x[0] - a->x[0]);
				float py = a->y[0] + t * (b->y[0] - a->y[0]);
				if (px > x - gap && px < x + w + gap && py > y - gap &&
				    py < y + h + gap)
					return true;
			}
		}
	}
	return false;
}

static void test_target_label_clear_of_the_trajectory(void)
{
	/* kpi-p1-5 and kpi-p4-6 of the city's plan: a star on the top
	 * gridline, the trajectory climbing steeply or gently into it from
	 * the lower left (the labels used to sit on the dashes) */
	static const struct {
		int64_t base, target, acts[4];
		int scale;
		const char *label;
	} cases[] = {
		{8, 80, {15, 19, 22, 26}, 0, "目標 80"},
		{888, 1000, {897, 899, 901, 903}, 1, "目標 100"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		city();
		struct indicator *ind = indicator("kpi", 1);
		struct measure *m = &ind->measures[0];
		level(m, dec(cases[i].base, cases[i].scale), Y_R2,
		      dec(cases[i].target, cases[i].scale), Y_R13);
		actuals(m, Y_R4, cases[i].acts, 4, cases[i].scale);
		struct dl_doc *d = draw_trend(ind, Y_R7);
		float x = 0, y = 0, w = 0, h = 0;
		CU_ASSERT_TRUE_FATAL(label_box(d, cases[i].label, &x, &y, &w, &h));
		CU_ASSERT_FALSE(trajectory_touches(d, x, y, w, h, 1.0f));
		CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, BH), 0);
		dl_doc_free(d);
	}
}

/* The centre of a path's bounding box. */
static void path_centre(const struct dl_item *it, float *cx, float *cy)
{
	float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
	for (size_t k = 0; k < it->u.path.n_segs; k++) {
		const struct dl_path_seg *sg = &it->u.path.segs[k];
		int np = sg->op == DL_CURVETO ? 3 : sg->op == DL_CLOSE ? 0 : 1;
		for (int j = 0; j < np; j++) {
			x0 = fminf(x0, sg->x[j]);
			x1 = fmaxf(x1, sg->x[j]);
			y0 = fminf(y0, sg->y[j]);
			y1 = fmaxf(y1, sg->y[j]);
		}
	}
	*cx = (x0 + x1) / 2;
	*cy = (y0 + y1) / 2;
}

static void test_running_sum_on_its_star_shows(void)
{
	/* pref-i: 50 社 over R3-R7, reached exactly in R7 */
	setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, false);
	struct indicator *ind = indicator("firms", 1);
	struct measure *m = &ind->measures[0];
	m->unit = "社";
	m->baseline.kind = BASELINE_UNKNOWN;
	m->target = (struct target){TARGET_CUMULATIVE, dec(50, 0), Y_R7, Y_R3,
				    Y_R7, false, dec(0, 0), NULL};
	actuals(m, Y_R3, (int64_t[]){8, 11, 12, 9, 10}, 5, 0);

	const struct chart_series *s = &trend(ind, Y_R7, BW, BH)->panels[0].series[0];
	CU_ASSERT_EQUAL_FATAL(s->n_values, 5);
	float tx = s->target.x, ty = s->target.y;
	CU_ASSERT_TRUE(near(s->values[4].x, tx) && near(s->values[4].y, ty));

	/* what is painted last at the point is the series' filled marker,
	 * not the white-filled star */
	struct dl_doc *d = draw_trend(ind, Y_R7);
	const struct dl_page *pg = &d->pages[0];
	const struct dl_item *top = NULL;
	int star = 0;
	for (size_t i = 0; i < pg->n_items; i++) {
		const struct dl_item *it = &pg->items[i];
		float cx, cy;
		if (it->kind != DL_PATH || !it->u.path.fill)
			continue;
		path_centre(it, &cx, &cy);
		if (fabsf(cx - tx) < 1.5f && fabsf(cy - ty) < 1.5f) {
			top = it;
			star += it->u.path.fill_color.r == 1 && it->u.path.n_segs >= 10;
		}
	}
	CU_ASSERT_EQUAL(star, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(top);
	CU_ASSERT_FALSE(top->u.path.fill_color.r == 1 && top->u.path.fill_color.g == 1);
	CU_ASSERT_TRUE(has_text(d, "累計 50"));
	CU_ASSERT_TRUE(has_text(d, "目標 50"));
	dl_doc_free(d);
}

static void test_bar_labels_clear_of_the_100_line(void)
{
	setup(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, false);
	struct indicator *inds[] = {
		simple("a", 1000, 1, (int64_t)987), simple("b", 1000, 1, (int64_t)850),
		simple("c", 1000, 1, (int64_t)804), simple("d", 1000, 1, (int64_t)1008),
		simple("e", 1000, 1, (int64_t)600),
	};
	struct pillar *pl = pillar_of(inds, 5);
	struct chart_opts o = opts(Y_R7);
	struct chart *c = chart_bars_new(te, P, pl, &o);
	float h = chart_height(c, BW);
	const struct chart_geom *g = chart_layout(c, BX, BY, BW, h, A);
	CU_ASSERT_EQUAL_FATAL(g->n_bars, 5);
	float top = g->bars[0].row_y;
	float bottom = g->bars[4].row_y + g->bars[4].row_h;

	/* the white boxes of the values and grade marks in the rows stay
	 * 1.5 pt or more off the 100 % line */
	struct dl_doc *d = draw(c, BW, h);
	const struct dl_page *pg = &d->pages[0];
	int boxes = 0, across = 0;
	for (size_t i = 0; i < pg->n_items; i++) {
		const struct dl_item *it = &pg->items[i];
		if (it->kind != DL_RECT || !it->u.rect.fill ||
		    it->u.rect.fill_color.r != 1 || it->u.rect.fill_color.g != 1 ||
		    it->u.rect.y < top || it->u.rect.y > bottom)
			continue;
		boxes++;
		float x0 = it->u.rect.x, x1 = x0 + it->u.rect.w;
		if (x0 < g->x_full + 1.5f && x1 > g->x_full - 1.5f)
			across++;
	}
	CU_ASSERT_EQUAL(boxes, 10); /* a value and a mark per bar */
	CU_ASSERT_EQUAL(across, 0);
	CU_ASSERT_TRUE(has_text(d, "98.7％"));
	CU_ASSERT_TRUE(has_text(d, "60.0％"));
	CU_ASSERT_EQUAL(items_outside(d, BX, BY, BW, h), 0);
	dl_doc_free(d);
	chart_free(c);
}

/* The year labels under the plot: text items on one line below it. */
static size_t year_labels(const struct dl_doc *d, const struct chart_panel *pn,
			  const struct dl_item **out, size_t max)
{
	const struct dl_page *pg = &d->pages[0];
	float bottom = pn->plot_y + pn->plot_h;
	size_t n = 0;
	for (size_t i = 0; i < pg->n_items && n < max; i++) {
		const struct dl_item *it = &pg->items[i];
		if (it->kind == DL_TEXT && it->u.text.y > bottom + 2 &&
		    it->u.text.y < bottom + 4 + it->u.text.size * 1.2f)
			out[n++] = it;
	}
	return n;
}

static void test_years_name_the_baseline_and_the_last(void)
{
	/* R2 (baseline) .. R13: too narrow to name every year */
	city();
	struct indicator *ind = indicator("kpi", 1);
	struct measure *m = &ind->measures[0];
	level(m, dec(10, 0), Y_R2, dec(160, 0), Y_R13);
	actuals(m, Y_R4, (int64_t[]){31, 42, 54, 65}, 4, 0);
	static const float widths[] = {150, 170, 200};
	for (size_t wi = 0; wi < sizeof widths / sizeof *widths; wi++) {
		float w = widths[wi];
		const struct chart_panel *pn = &trend(ind, Y_R7, w, BH)->panels[0];
		CU_ASSERT_TRUE(pn->slot < text_width(te, FONT_GOTHIC, 7, "R10", 3,
						     NULL, NULL) + 3);
		struct chart_opts o = opts(Y_R7);
		struct chart *c = chart_trend_new(te, P, ind, &o);
		struct dl_doc *d = draw(c, w, BH);
		chart_free(c);
		const struct dl_item *lab[32];
		size_t n = year_labels(d, pn, lab, 32);
		CU_ASSERT_TRUE(n >= 3 && n < 12);
		CU_ASSERT_TRUE(has_text(d, "|R2|"));
		CU_ASSERT_TRUE(has_text(d, "|R13|"));
		/* in order, none touching the next */
		for (size_t i = 1; i < n; i++) {
			float end = lab[i - 1]->u.text.x +
				    text_width(te, FONT_GOTHIC, lab[i - 1]->u.text.size,
					       lab[i - 1]->u.text.utf8,
					       lab[i - 1]->u.text.len, NULL, NULL);
			CU_ASSERT_TRUE(end + 1 < lab[i]->u.text.x);
		}
		CU_ASSERT_EQUAL(items_outside(d, BX, BY, w, BH), 0);
		dl_doc_free(d);
	}
}

/* The grey a black-and-white printer makes of a colour. */
static float luminance(struct dl_color c)
{
	return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
}

static void test_band_and_preplan_differ_in_grey(void)
{
	for (int mono = 0; mono < 2; mono++) {
		city();
		struct indicator *ind = indicator("offices", 1);
		struct measure *m = &ind->measures[0];
		m->unit = "事業所";
		m->goal = GOAL_MAINTAIN;
		level(m, dec(27279, 0), Y_H28, dec(27300, 0), Y_R8);
		actuals(m, Y_R4, (int64_t[]){27180, 27105, 27020, 26950}, 4, 0);
		const struct chart_panel *pn = &trend(ind, Y_R7, BW, BH)->panels[0];
		CU_ASSERT_TRUE_FATAL(pn->fy_from < P->from);

		struct chart_opts o = opts(Y_R7);
		o.monochrome = mono;
		struct chart *c = chart_trend_new(te, P, ind, &o);
		struct dl_doc *d = draw(c, BW, BH);
		chart_free(c);
		const struct dl_page *pg = &d->pages[0];
		float shade = -1, band = -1;
		for (size_t i = 0; i < pg->n_items; i++) {
			const struct dl_item *it = &pg->items[i];
			if (it->kind == DL_RECT && it->u.rect.fill &&
			    fabsf(it->u.rect.x - pn->plot_x) < 0.01f &&
			    fabsf(it->u.rect.y - pn->plot_y) < 0.01f &&
			    fabsf(it->u.rect.h - pn->plot_h) < 0.01f)
				shade = luminance(it->u.rect.fill_color);
			if (it->kind == DL_PATH && it->u.path.fill &&
			    it->u.path.n_segs >= 2 * 10 + 1 && band < 0)
				band = luminance(it->u.path.fill_color);
		}
		CU_ASSERT_TRUE(shade > 0.9f);
		CU_ASSERT_TRUE(band > 0.5f);
		CU_ASSERT_TRUE(shade - band >= 0.12f);
		dl_doc_free(d);
	}
}

static const struct cu_case cases[] = {
	{"level trend: positions of values, baseline, target, trajectory", test_level_trend_positions},
	{"lower is better: the target lies below the baseline", test_lower_is_better_target_below_baseline},
	{"cumulative target: running sums against the pace", test_cumulative_running_sums},
	{"cumulative target: a missing year stops the sum", test_cumulative_stops_at_a_missing_year},
	{"missing years leave gaps in the line", test_missing_years_leave_gaps},
	{"unknown baseline of a share: no trajectory", test_unknown_baseline_of_a_share},
	{"unknown baseline of a count: trajectory from zero", test_unknown_baseline_of_a_count},
	{"no actuals yet: said in the plot", test_no_actuals_yet},
	{"one point: a marker, no line", test_one_point},
	{"the report year limits the values", test_report_year_limits_the_values},
	{"a per-year rate is a line", test_rate_target_is_a_line},
	{"an at-least target is a hatched floor", test_at_least_target_is_a_floor},
	{"a maintain target is a band", test_maintain_target_is_a_band},
	{"compound parts share an axis when they can", test_compound_sharing_an_axis},
	{"compound parts get small multiples otherwise", test_compound_small_multiples},
	{"illustrative actuals are noted", test_illustrative_note},
	{"zero-based where honest, broken axis otherwise", test_zero_based_where_honest},
	{"long numbers scale the axis unit", test_long_numbers_scale_the_axis},
	{"bars: clipped at 150%, 100% line, marks, no data", test_bars_clip_and_marks},
	{"bars: negative progress points left", test_bars_negative_progress},
	{"bars: one row per part", test_bars_one_row_per_part},
	{"overview: counts as shares of each pillar", test_overview_counts_and_shares},
	{"nothing leaves the chart's box", test_nothing_leaves_the_box},
	{"too small a box stays empty", test_too_small_a_box_stays_empty},
	{"preferred heights", test_preferred_heights},
	{"a target's label keeps clear of the trajectory", test_target_label_clear_of_the_trajectory},
	{"a running sum on its star shows over it", test_running_sum_on_its_star_shows},
	{"bar values keep clear of the 100% line", test_bar_labels_clear_of_the_100_line},
	{"years: the baseline's and the last are named", test_years_name_the_baseline_and_the_last},
	{"the maintain band and the pre-plan shading differ in grey", test_band_and_preplan_differ_in_grey},
	{NULL, NULL},
};

CU_MAIN("chart", cases)
