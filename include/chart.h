/* chart.h - vector charts of indicators that read well in black-and-white
 * print (issue 6).
 *
 * Three kinds of chart, each drawn into a box of a display list page with
 * lines, rectangles, paths and text from the text engine (no images):
 *
 *   trend     one indicator over the years, titled with its number and
 *             name (「① 市内就業人口１人当たりの総生産」), then its legend:
 *             baseline, actuals (or running
 *             sums of a cumulative target), the target (a point; a line for
 *             a per-year rate; a floor with hatching for 「以上」; a band for
 *             a maintain goal), the expected trajectory dashed, 和暦 years
 *             on the x axis, the unit on the y axis, the last value and the
 *             target labelled.  A compound indicator gets one series per
 *             part, or one small panel per part when their units differ.
 *   bars      every indicator of a pillar as a horizontal bar of the ratio
 *             the plan grades (its basis, prorated if the plan says so), with
 *             the 100% line, the value and the grade mark at the bar's end.
 *   overview  the grades of each pillar's indicators as stacked horizontal
 *             bars, each pillar's bar its 100 %, the count printed in every
 *             segment and the total at the end, with a legend (the
 *             handout's summary page).
 *
 * Usage (the layout engine places a chart as a fixed-height block):
 *
 *   struct chart_opts o = {.fy = 2025};
 *   struct chart *c = chart_trend_new(te, plan, ind, &o);
 *   float h = chart_height(c, width);
 *   ... block.draw = chart_draw; block.ctx = c; ...
 *   chart_draw(doc, page, x, y, width, h, c);
 *   chart_free(c);
 *
 * A chart keeps pointers to the text engine, the plan and the indicator or
 * pillar: they must outlive it.  It reads them through const pointers and
 * computes its figures with figures.h when it is drawn, so a chart and the
 * tables beside it always agree.  Everything chart_draw adds lies inside
 * the box (x, y, w, h) given to it; it also clips to the box as a safety net.
 *
 * Legible without colour: series differ by marker shape (● ■ ▲ ◆, drawn as
 * paths) and dash pattern, areas by grey level and hatching; colour (a
 * restrained palette, off with opts.monochrome) only adds to that.
 *
 * Decisions (the reasons are in the files of src/chart/):
 *  - y axes are zero-based when the data allow it honestly: when every value
 *    has one sign and the smallest is at most half the largest.  Otherwise
 *    (89.4% → 93.1%, 27,279 事業所 kept) the axis starts at a round tick and
 *    a break mark on the axis says it does not start at 0.  Bars and the
 *    overview are always zero-based: there the length is the value.
 *  - The overview stacks shares, not counts: pillars have 3 to 8
 *    indicators and a 「全体」 row has 22, so count-long bars would make
 *    the small pillars unreadable; the counts are printed in the segments.
 *  - Ticks are 1, 2 or 5 × 10^n, computed exactly (chart_ticks).
 *  - Values are scaled with 万 / 億 / 兆 only when a tick label would need
 *    six or more digits; a unit that already has a prefix (千円, 万円) is
 *    kept as it is and rescaled from it (千円 → 万円) only then.
 *  - The trajectory is fig_expected's line (at full precision, not the
 *    rounded value a table prints), nothing more: an unknown baseline gets
 *    one only for counts (from zero), as the figures do.
 *  - The x axis is the plan period, widened to the baseline's year when
 *    that is earlier (the years before the plan shaded) and to a target
 *    year after the plan.
 *  - Parts of a compound indicator share one panel when their units are the
 *    same and their largest values are within a factor of 4; otherwise each
 *    part gets its own panel (small multiples), side by side when each is
 *    at least 200 pt wide, else stacked.
 */
#ifndef SHIRYO_CHART_H
#define SHIRYO_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "figures.h"
#include "plan.h"

struct arena;
struct diag_list;
struct dl_doc;
struct dl_page;
struct text_engine;
struct typo;

struct chart;

struct chart_opts {
	int fy;            /* the handout's year: actuals after it are not
			      shown, bars and the overview grade it; 0: the
			      plan's last year */
	float font_size;   /* labels, points; 0: TYPE.chart (typesize.h) */
	bool monochrome;   /* greys only */
	bool total_row;    /* overview: a 「全体」 row of every indicator */
	size_t rows_from, rows_n; /* overview and bars: only rows [from, from + n) of
				     the whole (0, 0: all), each slice with
				     its own legend and axis: a plan of
				     hundreds of pillars over pages */
	struct diag_list *diags; /* characters no font has, reported by the
				    text engine; may be NULL; must outlive
				    the chart */
};
/* The _new functions copy the options; o may be NULL (all defaults). */

/* ---- making and drawing ----------------------------------------------- */

/* A trend chart of one indicator. */
struct chart *chart_trend_new(struct text_engine *te, const struct plan *p,
			      const struct indicator *ind,
			      const struct chart_opts *o);
/* Achievement bars of a pillar's indicators; pl NULL: every indicator of
 * the plan (a plan whose indicators belong to no pillar). */
struct chart *chart_bars_new(struct text_engine *te, const struct plan *p,
			     const struct pillar *pl, const struct chart_opts *o);
/* Grade counts of every pillar that has indicators (and a 「全体」 row with
 * opts.total_row, or when no pillar has any). */
struct chart *chart_overview_new(struct text_engine *te, const struct plan *p,
				 const struct chart_opts *o);
/* What the chart is, in a few words for messages ("指標「…」の推移グラフ"),
 * from a. */
const char *chart_what(const struct chart *c, struct arena *a);
/* Rows of an overview or bars chart (its slice, if any); 0 for trends. */
size_t chart_rows(const struct chart *c);
/* Frees the chart (not what it points to); NULL is a no-op. */
void chart_free(struct chart *c);

/* The height the chart wants at width w (points): a trend chart keeps a
 * readable aspect, bars and the overview grow with their rows. */
float chart_height(const struct chart *c, float w);
/* The least height at width w at which the chart still reads (<=
 * chart_height): a trend chart's plot may give up about a third of its
 * height on a tight page; bars and the overview cannot shrink. */
float chart_min_height(const struct chart *c, float w);

/* Draws chart (a struct chart *) into the box: the layout engine's block
 * callback.  A box too small to draw in (under 40 × 30 pt) is left empty.
 * What it draws is one Figure element of the document's structure (under
 * the element current in d), its alternative text chart_alt(). */
void chart_draw(struct dl_doc *d, struct dl_page *pg, float x, float y,
		float w, float h, void *chart);

/* ---- sparklines ---------------------------------------------------------- */

/* A word-sized line of one measure's yearly values (part of ind) from the
 * plan's first year to fy: the baseline hollow at the left, the latest
 * known value filled, the target as a dotted level when it lies within
 * twice the data's range of it; no axes or labels (the row says the
 * values).  Drawn by chart_spark_draw, a layout / table drawing callback
 * (table.h: table_cell.draw); the struct and what it points to must live
 * until then.  Draws nothing when no value is known. */
struct chart_spark {
	const struct plan *p;
	const struct indicator *ind;
	size_t part;     /* which measure of a compound indicator */
	int fy;
};
void chart_spark_draw(struct dl_doc *d, struct dl_page *pg, float x, float y,
		      float w, float h, void *spark);

/* ---- axes --------------------------------------------------------------- */

/* Round ticks: lo, lo + step, ..., hi, step = mant × 10^exp10 with mant 1, 2
 * or 5; tick i is exactly (k_lo + i) × mant × 10^exp10. */
struct chart_axis {
	double lo, hi, step;
	int n_ticks;       /* >= 2 */
	long long k_lo;
	int mant, exp10;
};

/* Round ticks covering [lo, hi]: the smallest step of 1, 2 or 5 × 10^n for
 * which the multiples of it from the one at or below lo to the one at or
 * above hi make at most max_intervals (clamped to 1..100) intervals.  lo > hi are swapped; non-finite values give 0..1.  Equal values
 * v are widened to v ± 10^floor(log10 |v|) (0 to 0..1), so a constant series
 * sits in the middle of its axis.  Steps below 10^-6 are not used (values
 * as written have at most 6 fraction digits). */
void chart_ticks(double lo, double hi, int max_intervals, struct chart_axis *out);
/* Value of tick i. */
double chart_tick(const struct chart_axis *ax, int i);
/* Label of tick i with its value divided by 10^shift (a unit scaling), as
 * the typographic profile t writes figures (typo.h; NULL: typo_public):
 * ASCII digits with "," grouping and as many fraction digits as the step
 * needs ("0", "2,500", "0.25", "△10").  snprintf-style return. */
int chart_tick_label(const struct typo *t, const struct chart_axis *ax, int i, int shift,
		     char *buf, size_t size);

/* How an axis shows a unit. */
struct chart_unit {
	int shift;       /* axis values are the measure's ÷ 10^shift */
	char unit[64];   /* the unit on the axis: "万円" */
	char title[80];  /* 「（万円）」; "" for an empty unit */
};

/* Scales unit for values up to max_abs: unchanged below 100,000; otherwise
 * the smallest of 万 (10^4), 億 (10^8), 兆 (10^12) above the unit's own
 * prefix (千 万 億 兆, if any) that brings max_abs under 100,000 - 123,456円
 * → 12.3万円, 250,000千円 → 25,000万円.  ％, %, ‰ and 倍 are never scaled. */
void chart_unit_scale(const char *unit, double max_abs, struct chart_unit *out);

/* ---- geometry: what chart_draw draws, for tests and text back ends ----- */

enum chart_kind { CHART_TREND, CHART_BARS, CHART_OVERVIEW };

/* A value placed on a trend panel. */
struct chart_pt {
	int fy;
	double value;       /* in the measure's unit (a running sum for a
			       cumulative target) */
	struct decimal exact; /* the same as written / summed, for labels */
	float x, y;         /* page coordinates */
	bool illustrative;  /* some actual behind it is sample data */
};

enum chart_target_shape {
	CHART_TARGET_NONE,
	CHART_TARGET_POINT, /* level, cumulative: a star at (fy, value) */
	CHART_TARGET_RATE,  /* per year: a line at the value over the years */
	CHART_TARGET_FLOOR, /* at-least: a line, hatched on the good side */
	CHART_TARGET_BAND,  /* maintain: the tolerance band around the
			       trajectory, and the star at the target */
};

struct chart_series {
	const struct measure *measure;
	int style;                 /* 0 ● solid, 1 ■ dashed, 2 ▲ dotted,
				      3 ◆ dash-dot (cycling) */
	bool cumulative;           /* values are running sums */
	struct chart_pt *values;   /* known values, year order; a missing year
				      is a gap in the line */
	size_t n_values;
	bool has_baseline;         /* hollow marker */
	struct chart_pt baseline;
	struct chart_pt *expected; /* the dashed trajectory */
	size_t n_expected;
	enum chart_target_shape target_shape;
	struct chart_pt target;    /* POINT / BAND: the star; RATE / FLOOR:
				      the line's right end */
	float target_x0;           /* RATE / FLOOR / BAND: left end */
	struct chart_pt *band_lo, *band_hi; /* BAND: edges, per year */
	size_t n_band;
	int *pending;              /* years listed as not yet known (「未確定」) */
	size_t n_pending;
};

struct chart_panel {
	float x, y, w, h;               /* the panel's box */
	float plot_x, plot_y, plot_w, plot_h;
	int fy_from, fy_to;             /* x axis, years */
	float slot;                     /* points per year */
	struct chart_axis axis;         /* y */
	struct chart_unit unit;
	bool axis_broken;               /* y does not start at 0: marked */
	bool no_values;                 /* 「実績値なし」 in the plot */
	const char *title;              /* small multiples: the part's name */
	struct chart_series *series;
	size_t n_series;
};

struct chart_bar {
	const struct indicator *indicator;
	const struct measure *measure;  /* the part, for a compound indicator */
	struct fig_measure fig;         /* the figures it shows (fig.basis) */
	float row_y, row_h;             /* the row */
	float bar_x, bar_y, bar_w, bar_h; /* the bar (bar_w 0 without one) */
	bool clipped;                   /* beyond the axis: cut, with a marker */
	bool below_zero;                /* negative: marker at 0 */
};

/* One part of an overview bar: a grade level (0 = best), or one of: */
#define CHART_SEG_NOT_ASSESSABLE (-1)
#define CHART_SEG_NO_DATA (-2)
#define CHART_SEG_UNGRADED (-3)

struct chart_segment {
	int cls;
	size_t count;
	float x, w;
};

struct chart_row {
	const struct pillar *pillar;    /* NULL: the 「全体」 row */
	float y, h;                     /* the row */
	float bar_y, bar_h;
	struct chart_segment *segs;     /* non-empty classes, best first */
	size_t n_segs;
	size_t total;
};

struct chart_geom {
	enum chart_kind kind;
	float x, y, w, h;               /* the box */
	bool illustrative;              /* 「例示値」 is shown */
	/* trend */
	struct chart_panel *panels;
	size_t n_panels;
	bool small_multiples;
	/* bars and overview: x of 0 %, 100 % and the axis end */
	float x_zero, x_full, x_max;
	/* bars */
	struct chart_bar *bars;
	size_t n_bars;
	double max_ratio;               /* the axis end (1.5) */
	/* overview: segments are count ÷ total of their row */
	struct chart_row *rows;
	size_t n_rows;
};

/* The geometry of c drawn in the box, allocated in a; never NULL. */
const struct chart_geom *chart_layout(const struct chart *c, float x, float y,
				      float w, float h, struct arena *a);

/* What the chart shows in one to a few Japanese sentences, from its data
 * (alt.c): a trend's indicator, baseline, latest actual and year, target
 * and year, and grade; the bars' ratio and grade per indicator; the
 * overview's counts per grade and pillar.  Allocated in a. */
const char *chart_alt(const struct chart *c, const struct chart_geom *g,
		      struct arena *a);

/* x of a year and y of a value on a trend panel. */
float chart_panel_x(const struct chart_panel *pn, double fy);
float chart_panel_y(const struct chart_panel *pn, double value);

#endif
