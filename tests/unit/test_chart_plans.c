/* test_chart_plans.c - every chart of the two shipped plans.
 *
 * Loads xml/kagoshima-city-plan2.xml (22 indicators) and
 * xml/kagoshima-pref-manufacturing.xml (6 targets, two of them compound)
 * with their actuals (run from the top directory), draws every chart kind
 * at a full and a half column width, and checks that everything stays in
 * its box, that every character had a glyph, and the shapes the plans call
 * for: a band for 事業所数, a floor for 2,215億円以上, running sums for the
 * cumulative targets, small multiples for the compound targets.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart.h"
#include "cu_main.h"
#include "diag.h"
#include "dlist.h"
#include "font.h"
#include "load.h"
#include "text.h"

#define FY_R7 2025
#define FULL 482.0f
#define HALF 237.0f

static struct fontset *fonts;
static struct text_engine *te;
static struct diag_list diags = DIAG_LIST_INIT;
static struct plan *city, *pref;
static struct arena *A;

static void cleanup(void)
{
	plan_free(city);
	plan_free(pref);
	arena_free(A);
	text_engine_free(te);
	fontset_free(fonts);
	diag_list_release(&diags);
}

static void setup(void)
{
	if (te)
		return;
	fonts = fontset_load(NULL, &diags);
	te = fonts ? text_engine_new(fonts, &diags) : NULL;
	city = plan_load("xml/kagoshima-city-plan2.xml", &diags);
	pref = plan_load("xml/kagoshima-pref-manufacturing.xml", &diags);
	if (!te || !city || !pref) {
		diag_print(&diags, stderr);
		exit(2);
	}
	diag_list_release(&diags);
	diag_list_init(&diags);
	A = arena_new();
	atexit(cleanup);
}

static int outside(const struct dl_page *pg, float x, float y, float w, float h)
{
	int n = 0;
	const float e = 0.01f;
#define OUT(px, py) ((px) < x - e || (px) > x + w + e || (py) < y - e || (py) > y + h + e)
	for (size_t i = 0; i < pg->n_items; i++) {
		const struct dl_item *it = &pg->items[i];
		switch (it->kind) {
		case DL_TEXT: {
			float tw = text_width(te, FONT_GOTHIC, it->u.text.size,
					      it->u.text.utf8, it->u.text.len, NULL, NULL);
			float s = it->u.text.size;
			n += OUT(it->u.text.x, it->u.text.y - 0.88f * s) ||
			     OUT(it->u.text.x + tw, it->u.text.y + 0.12f * s);
			break;
		}
		case DL_LINE:
			n += OUT(it->u.line.x0, it->u.line.y0) ||
			     OUT(it->u.line.x1, it->u.line.y1);
			break;
		case DL_RECT:
			n += OUT(it->u.rect.x, it->u.rect.y) ||
			     OUT(it->u.rect.x + it->u.rect.w, it->u.rect.y + it->u.rect.h);
			break;
		case DL_PATH:
			for (size_t k = 0; k < it->u.path.n_segs; k++) {
				const struct dl_path_seg *sg = &it->u.path.segs[k];
				int np = sg->op == DL_CURVETO ? 3 : sg->op == DL_CLOSE ? 0 : 1;
				for (int j = 0; j < np; j++)
					n += OUT(sg->x[j], sg->y[j]);
			}
			break;
		case DL_CLIP_PUSH:
			n += OUT(it->u.clip.x, it->u.clip.y) ||
			     OUT(it->u.clip.x + it->u.clip.w, it->u.clip.y + it->u.clip.h);
			break;
		default:
			break;
		}
	}
#undef OUT
	return n;
}

/* Draws c at width w and its own height; returns the items outside. */
static int draw_checked(struct chart *c, float w, const char *what)
{
	struct dl_doc *d = dl_doc_new();
	struct dl_page *pg = dl_page_add(d, 595, 842);
	float h = chart_height(c, w);
	chart_draw(d, pg, 56, 60, w, h, c);
	int n = outside(pg, 56, 60, w, h);
	if (n)
		fprintf(stderr, "  %s at %.0f x %.0f: %d items outside\n", what, w, h, n);
	CU_ASSERT_TRUE(pg->n_items > 0);
	dl_doc_free(d);
	return n;
}

static void every_chart_of(struct plan *p)
{
	struct chart_opts o = {.fy = FY_R7, .diags = &diags, .total_row = true};
	int bad = 0;
	for (size_t i = 0; i < p->n_indicators; i++) {
		struct chart *c = chart_trend_new(te, p, &p->indicators[i], &o);
		bad += draw_checked(c, FULL, p->indicators[i].id);
		bad += draw_checked(c, HALF, p->indicators[i].id);
		chart_free(c);
	}
	for (size_t i = 0; i <= p->n_pillars; i++) {
		const struct pillar *pl = i < p->n_pillars ? &p->pillars[i] : NULL;
		if (pl && !pl->n_indicators)
			continue;
		struct chart *c = chart_bars_new(te, p, pl, &o);
		bad += draw_checked(c, FULL, pl ? pl->id : "all");
		bad += draw_checked(c, HALF, pl ? pl->id : "all");
		chart_free(c);
	}
	struct chart *c = chart_overview_new(te, p, &o);
	bad += draw_checked(c, FULL, "overview");
	bad += draw_checked(c, HALF, "overview");
	chart_free(c);
	CU_ASSERT_EQUAL(bad, 0);
	/* no tofu: every character had a glyph in the chain */
	if (diags.count)
		diag_print(&diags, stderr);
	CU_ASSERT_EQUAL(diags.warnings + diags.errors, 0);
}

static void test_city_charts_stay_in_their_boxes(void)
{
	setup();
	CU_ASSERT_EQUAL(city->n_indicators, 22);
	every_chart_of(city);
}

static void test_pref_charts_stay_in_their_boxes(void)
{
	setup();
	CU_ASSERT_EQUAL(pref->n_indicators, 6);
	every_chart_of(pref);
}

static const struct chart_geom *trend(struct plan *p, const char *id)
{
	struct chart_opts o = {.fy = FY_R7, .diags = &diags};
	struct chart *c = chart_trend_new(te, p, plan_find_indicator(p, id), &o);
	const struct chart_geom *g = chart_layout(c, 56, 60, FULL,
						  chart_height(c, FULL), A);
	chart_free(c);
	return g;
}

static void test_shapes_the_plans_call_for(void)
{
	setup();
	const struct chart_geom *g = trend(city, "kpi-p2-2"); /* 事業所数 */
	CU_ASSERT_EQUAL(g->panels[0].series[0].target_shape, CHART_TARGET_BAND);
	CU_ASSERT_EQUAL(g->panels[0].fy_from, 2016);        /* H28 */
	CU_ASSERT_TRUE(g->panels[0].axis_broken);
	CU_ASSERT_TRUE(g->illustrative);

	g = trend(city, "kpi-p4-8"); /* 10年間で1,200人 */
	const struct chart_series *s = &g->panels[0].series[0];
	CU_ASSERT_TRUE(s->cumulative);
	CU_ASSERT_EQUAL_FATAL(s->n_values, 4);
	CU_ASSERT_EQUAL(s->values[3].exact.units, 484); /* 118+126+131+109 */

	g = trend(city, "kpi-p4-7"); /* 60件/年 */
	CU_ASSERT_EQUAL(g->panels[0].series[0].target_shape, CHART_TARGET_RATE);

	g = trend(city, "kpi-p4-3"); /* 「―」 → 24.8％: no trajectory */
	CU_ASSERT_EQUAL(g->panels[0].series[0].n_expected, 0);
	CU_ASSERT_FALSE(g->panels[0].series[0].has_baseline);

	g = trend(city, "kpi-p1-3"); /* R7 not yet published */
	CU_ASSERT_EQUAL(g->panels[0].series[0].n_values, 3);
	CU_ASSERT_EQUAL(g->panels[0].series[0].n_pending, 1);

	g = trend(pref, "pref-e"); /* 2,215億円以上 */
	CU_ASSERT_EQUAL(g->panels[0].series[0].target_shape, CHART_TARGET_FLOOR);

	g = trend(pref, "pref-u"); /* 60件 and 850件: small multiples */
	CU_ASSERT_TRUE(g->small_multiples);
	CU_ASSERT_EQUAL(g->n_panels, 2);
	g = trend(pref, "pref-o"); /* 件 and 人 */
	CU_ASSERT_TRUE(g->small_multiples);
	CU_ASSERT_STRING_EQUAL(g->panels[1].unit.unit, "人");
}

static const struct cu_case cases[] = {
	{"every chart of the city plan stays in its box", test_city_charts_stay_in_their_boxes},
	{"every chart of the prefecture's policy stays in its box", test_pref_charts_stay_in_their_boxes},
	{"the shapes the plans call for", test_shapes_the_plans_call_for},
	{NULL, NULL},
};

CU_MAIN("chart on the shipped plans", cases)
