/* chart_int.h - what the files of src/chart share: the chart itself, the
 * style tables and the painting helpers (markers, hatching, labels). */
#ifndef SHIRYO_CHART_INT_H
#define SHIRYO_CHART_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "dlist.h"
#include "text.h"

struct chart {
	enum chart_kind kind;
	struct text_engine *te;
	const struct plan *p;
	const struct indicator *ind; /* trend */
	const struct pillar *pl;     /* bars (NULL: every indicator) */
	struct chart_opts o;         /* fy and font_size resolved */
	struct text_src src;         /* for the text engine's warnings */
};

/* ---- styles ------------------------------------------------------------ */

enum chart_marker { MK_CIRCLE, MK_SQUARE, MK_TRIANGLE, MK_DIAMOND, MK_STAR };

enum chart_hatch {
	HATCH_NONE,
	HATCH_DIAGONAL,   /* //// */
	HATCH_BACK,       /* \\\\ */
	HATCH_CROSS,      /* xxxx */
	HATCH_HORIZONTAL, /* ==== */
};

#define CHART_N_SERIES_STYLES 4

struct series_style {
	enum chart_marker marker;
	float dash[4];
	int n_dash;
	struct dl_color color;
	float grey; /* the monochrome colour */
};

/* A filled area: a grade in the bars and the overview. */
struct area_style {
	struct dl_color fill;
	float fill_grey;
	enum chart_hatch hatch;
	struct dl_color hatch_color;
	float hatch_grey;
	bool dark; /* labels on it are white */
};

const struct series_style *chart_series_style(int i);
/* The area of grade level `level` of n (0 best), or of a CHART_SEG_ class. */
struct area_style chart_grade_style(int cls, size_t n_levels);

/* The colour to use: c, or its grey in monochrome. */
struct dl_color chart_col(const struct chart *c, struct dl_color col, float grey);

#define CHART_TARGET_RGB ((struct dl_color){0.72f, 0.11f, 0.11f})
#define CHART_TARGET_GREY 0.25f

/* The band of a maintain target and the shading of the years before the
 * plan lie side by side on a trend chart and must not read as one tone
 * when the page is printed in black and white: the band (its colour has
 * about the same luminance as its grey) is some 0.14 darker than the
 * shading, and outlined. */
#define CHART_BAND_RGB ((struct dl_color){0.90f, 0.76f, 0.76f})
#define CHART_BAND_GREY 0.80f
#define CHART_BAND_EDGE_RGB ((struct dl_color){0.70f, 0.38f, 0.38f})
#define CHART_BAND_EDGE_GREY 0.45f
#define CHART_PREPLAN_GREY 0.94f

/* ---- painting ---------------------------------------------------------- */

struct paint {
	const struct chart *c;
	struct dl_doc *d;
	struct dl_page *pg;
};

/* A path under construction (segments copied into the document when
 * painted). */
struct path {
	struct dl_path_seg *segs;
	size_t n, alloc;
};

void paint_path_move(struct path *pa, float x, float y);
void paint_path_line(struct path *pa, float x, float y);
void paint_path_curve(struct path *pa, float x1, float y1, float x2, float y2,
		      float x3, float y3);
void paint_path_close(struct path *pa);
/* Adds the path to the page (fill and/or stroke) and empties it. */
void paint_path(struct paint *pt, struct path *pa, const struct dl_color *fill,
		const struct dl_stroke *stroke);
void paint_path_release(struct path *pa);

/* A marker centred on (x, y) of radius r: filled with col, or hollow (white
 * inside, col outline). */
void paint_marker(struct paint *pt, enum chart_marker m, float x, float y,
		  float r, bool hollow, struct dl_color col);
/* Hatching lines over the rectangle (cut to it). */
void paint_hatch(struct paint *pt, float x, float y, float w, float h,
		 enum chart_hatch kind, float spacing, struct dl_color col,
		 float width);
/* A rectangle in an area style, outlined when outline is set. */
void paint_area(struct paint *pt, float x, float y, float w, float h,
		const struct area_style *st, bool outline);
void paint_line(struct paint *pt, float x0, float y0, float x1, float y1,
		float width, struct dl_color col, const float *dash, int n_dash);

enum chart_halign { HA_LEFT, HA_CENTER, HA_RIGHT };
enum chart_valign { VA_TOP, VA_MIDDLE, VA_BOTTOM };

/* Width of a one-line label. */
float chart_text_width(const struct chart *c, float size, const char *s);
/* Draws a one-line label with its em box anchored at (x, y); returns its
 * width.  The em box is size tall. */
float paint_text(struct paint *pt, float x, float y, enum chart_halign ha,
		 enum chart_valign va, float size, struct dl_color col,
		 const char *s);
/* A label of at most CHART_LABEL_MAX_CHARS characters, the rest "…" (s
 * itself when it is shorter): a bar's row or a chart's title is a line or
 * three, and an indicator name of 40,000 characters made one row, and then a
 * chart's title, taller than a page (issue 14).  The table beside the chart
 * and its alternative text give the name whole. */
#define CHART_LABEL_MAX_CHARS 120
const char *chart_short_label(struct arena *a, const char *s);
/* Height of s broken into lines of width w (line pitch 1.25 × size). */
float chart_text_height(const struct chart *c, float size, float w,
			const char *s);
/* Draws s broken into width w from top y, at most max_h tall (whole lines
 * only); returns the height drawn. */
float paint_text_block(struct paint *pt, float x, float y, float w,
		       float max_h, float size, struct dl_color col,
		       const char *s);

/* ---- legends ------------------------------------------------------------ */

enum legend_swatch {
	SW_SERIES,     /* line and marker of a series style */
	SW_MARKER,     /* a marker only (hollow for the baseline) */
	SW_STAR,       /* the target */
	SW_DASHED,     /* the trajectory */
	SW_TARGET_LINE,
	SW_FLOOR,      /* a line with hatching above */
	SW_BAND,       /* a grey band */
	SW_AREA,       /* an area style */
	SW_TEXT,       /* no swatch: the text says it ("－ 実績未確定") */
};

struct legend_item {
	enum legend_swatch swatch;
	int style;                /* series style */
	bool hollow;
	struct area_style area;
	const char *text;
};

/* Height of the legend flowed into width w (reserve: room kept free at the
 * right of the first row, for the 「例示値」 note). */
float paint_legend_height(const struct chart *c, const struct legend_item *it,
			  size_t n, float w, float reserve);
/* Draws it; returns its height. */
float paint_legend(struct paint *pt, const struct legend_item *it, size_t n,
		   float x, float y, float w, float reserve);
/* The 「例示値」 note: width, and drawing it right-aligned at x1. */
float paint_note_width(const struct chart *c);
void paint_note(struct paint *pt, float x1, float y);

/* ---- numbers ------------------------------------------------------------ */

/* Formats d ÷ 10^shift as the profile t writes figures ("7,809", "65.1",
 * "△5"; t NULL: typo_public). */
int chart_format_decimal(const struct typo *t, struct decimal d, int shift, char *buf,
			 size_t size);

/* ---- the trend chart's parts (trend*.c) --------------------------------- */

#define TREND_MAX_YEARS 25  /* the x axis, at most */
#define TREND_LEGEND_MAX 16 /* legend items */

/* The data, independent of the box (trend_data.c). */
struct trend_data {
	int from, to;              /* x axis */
	struct chart_series *series;
	size_t n;
	bool small;                /* small multiples */
	bool illustrative;
};
void trend_data(const struct chart *c, struct arena *a, struct trend_data *td);
/* The legend's items into it[TREND_LEGEND_MAX]; returns how many
 * (trend_legend.c). */
size_t trend_legend(const struct chart *c, const struct chart_series *s,
		    size_t n, bool multi, struct legend_item *it,
		    struct arena *a);
/* Sizes (trend_size.c): the title (the indicator's number and name), its
 * type size and height with the space under it at width w; the row above
 * a plot (trend_head_h) and the year labels under it; whether n panels go
 * side by side in w. */
const char *trend_title(const struct chart *c, struct arena *a);
float trend_title_size(const struct chart *c);
float trend_title_h(const struct chart *c, float w, struct arena *a);
float trend_head_h(const struct chart *c);
float trend_xlab_h(const struct chart *c);
bool trend_side_by_side(size_t n, float w);

/* ---- the label placer (place.c) ------------------------------------------ */

struct rect {
	float x, y, w, h;
};

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

enum pos { P_ABOVE, P_BELOW, P_RIGHT, P_LEFT, P_ABOVE_LEFT, P_ABOVE_RIGHT,
	   P_BELOW_LEFT, P_BELOW_RIGHT };

/* Marks a box, a marker of radius r at (x, y), a segment (kept clear by
 * pad) or a polyline's segments as taken. */
void place_take(struct placer *pl, struct rect r);
void place_take_point(struct placer *pl, float x, float y, float r);
void place_take_seg(struct placer *pl, float x0, float y0, float x1, float y1,
		    float pad);
void place_take_polyline(struct placer *pl, const struct chart_pt *v, size_t n,
			 bool split_gaps, float pad);
/* A w x h label for the point (x, y) of radius r: the first of the n
 * positions of order that is inside and clear, else the one that covers
 * least; taken. */
struct rect place_label(struct placer *pl, float x, float y, float r, float w,
			float h, const enum pos *order, size_t n);
/* The first clear position, taken; false if there is none. */
bool place_clear(struct placer *pl, float x, float y, float r, float w,
		 float h, const enum pos *order, size_t n, struct rect *out);
/* The label of a rate or floor line from x0 to x1 at y. */
struct rect place_line(struct placer *pl, float x0, float x1, float y,
		       float w, float h, bool low);

/* ---- the kinds ---------------------------------------------------------- */

void trend_layout(const struct chart *c, struct chart_geom *g, struct arena *a);
void trend_draw(const struct chart *c, const struct chart_geom *g,
		struct paint *pt);
float trend_height(const struct chart *c, float w);
/* The least height that still reads (the plot at about two thirds). */
float trend_min_height(const struct chart *c, float w);

void bars_layout(const struct chart *c, struct chart_geom *g, struct arena *a);
void bars_draw(const struct chart *c, const struct chart_geom *g,
	       struct paint *pt);
float bars_height(const struct chart *c, float w);

void overview_layout(const struct chart *c, struct chart_geom *g,
		     struct arena *a);
void overview_draw(const struct chart *c, const struct chart_geom *g,
		   struct paint *pt);
float overview_height(const struct chart *c, float w);
size_t overview_rows(const struct chart *c);
size_t bars_rows(const struct chart *c);

#endif
