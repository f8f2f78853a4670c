/* trend_size.c - a trend chart's sizes: its title, the rows around a plot,
 * the plot's preferred and least heights, and so the chart's height at a
 * width. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart_int.h"
#include "fy.h"
#include "typesize.h"
#include "typo.h"

#define PANEL_MIN_W 200.0f

/* The chart's title: the indicator's number and name, as the table beside
 * it names the row (a chart headed only by its unit, 「（％）」 four times
 * on a page, left the reader matching charts to rows by their shapes),
 * shortened as a bar's label is. */
const char *trend_title(const struct chart *c, struct arena *a)
{
	const struct indicator *ind = c->ind;
	const char *name = chart_short_label(a, ind->name ? ind->name : "");
	return ind->no && *ind->no ? arena_printf(a, "%s %s", ind->no, name) : name;
}

/* The title's size: TYPE.chart_title, scaled with the labels when a caller
 * chose another label size. */
float trend_title_size(const struct chart *c)
{
	return c->o.font_size * TYPE.chart_title / TYPE.chart;
}

/* The title's height at width w, with the space under it. */
float trend_title_h(const struct chart *c, float w, struct arena *a)
{
	return chart_text_height(c, trend_title_size(c), w, trend_title(c, a)) + 3;
}

/* The row above a plot: the unit (and a part's name); the top tick's label
 * reaches half a line into it. */
float trend_head_h(const struct chart *c)
{
	return c->o.font_size * 1.5f + 5;
}

float trend_xlab_h(const struct chart *c)
{
	return c->o.font_size + 6;
}

static float plot_pref(float pw, bool compact)
{
	float h = pw * (compact ? 0.28f : 0.36f);
	float lo = compact ? 80 : 90, hi = compact ? 130 : 170;
	return h < lo ? lo : h > hi ? hi : h;
}

bool trend_side_by_side(size_t n, float w)
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
	struct legend_item it[TREND_LEGEND_MAX];
	size_t n = trend_legend(c, td.series, td.n, !td.small && td.n > 1, it, a);
	float h = trend_title_h(c, w, a) +
		  paint_legend_height(c, it, n, w, td.illustrative ? paint_note_width(c) + 6 : 0) + 2;
	float panel = trend_head_h(c) + trend_xlab_h(c);
	float plot;
	if (td.small && trend_side_by_side(td.n, w))
		plot = plot_pref(w / (float)td.n, false);
	else if (td.small)
		plot = plot_pref(w, true);
	else
		plot = plot_pref(w, false);
	if (least)
		plot = plot_min(plot);
	h += (td.small && !trend_side_by_side(td.n, w) ? (float)td.n : 1) * (panel + plot);
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
