/* paint.c - the drawing vocabulary of the charts: style tables, markers,
 * hatching, labels and legends.
 *
 * Style is data (static tables), apart from the algorithms.  Every series
 * and every area can be told apart in grayscale without its colour: series
 * by marker shape and dash pattern, areas by grey level and hatching.  The
 * colours are a restrained palette whose greys (what a black-and-white
 * printer makes of them) also differ; monochrome charts use those greys.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "alloc.h"
#include "chart_int.h"

/* ---- styles --------------------------------------------------------------- */

static const struct series_style series_styles[CHART_N_SERIES_STYLES] = {
	{MK_CIRCLE, {0}, 0, {0.11f, 0.30f, 0.56f}, 0.0f},
	{MK_SQUARE, {4, 2}, 2, {0.80f, 0.38f, 0.04f}, 0.35f},
	{MK_TRIANGLE, {1, 2}, 2, {0.16f, 0.50f, 0.26f}, 0.15f},
	{MK_DIAMOND, {5, 2, 1, 2}, 4, {0.47f, 0.27f, 0.60f}, 0.45f},
};

const struct series_style *chart_series_style(int i)
{
	if (i < 0)
		i = 0;
	return &series_styles[i % CHART_N_SERIES_STYLES];
}

/* Grades run from a dark fill (best) to a light one; the worst level is
 * white with hatching, so that "behind" never reads as an empty bar.  The
 * missing classes are white with their own hatching. */
static const struct dl_color grade_dark = {0.13f, 0.31f, 0.55f};
static const struct dl_color grade_light = {0.80f, 0.86f, 0.94f};
static const float grade_dark_grey = 0.28f, grade_light_grey = 0.86f;

static struct dl_color lerp(struct dl_color a, struct dl_color b, float t)
{
	return (struct dl_color){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t,
				 a.b + (b.b - a.b) * t};
}

struct area_style chart_grade_style(int cls, size_t n_levels)
{
	struct area_style st = {DL_WHITE, 1.0f, HATCH_NONE, DL_BLACK, 0.0f, false};
	if (cls >= 0 && n_levels > 1 && (size_t)cls >= n_levels - 1) {
		st.hatch = HATCH_DIAGONAL;
		st.hatch_color = (struct dl_color){0.70f, 0.20f, 0.10f};
		st.hatch_grey = 0.25f;
		return st;
	}
	if (cls >= 0) {
		float t = n_levels > 2 ? (float)cls / (float)(n_levels - 2) : 0;
		st.fill = lerp(grade_dark, grade_light, t);
		st.fill_grey = grade_dark_grey + (grade_light_grey - grade_dark_grey) * t;
		st.dark = st.fill_grey < 0.55f;
		return st;
	}
	switch (cls) {
	case CHART_SEG_NOT_ASSESSABLE:
		st.hatch = HATCH_CROSS;
		st.hatch_color = DL_GREY(0.55f);
		st.hatch_grey = 0.55f;
		break;
	case CHART_SEG_NO_DATA:
		st.hatch = HATCH_HORIZONTAL;
		st.hatch_color = DL_GREY(0.55f);
		st.hatch_grey = 0.55f;
		break;
	default: /* ungraded */
		st.fill = DL_GREY(0.93f);
		st.fill_grey = 0.93f;
		break;
	}
	return st;
}

struct dl_color chart_col(const struct chart *c, struct dl_color col, float grey)
{
	return c->o.monochrome ? DL_GREY(grey) : col;
}

/* ---- paths --------------------------------------------------------------- */

static struct dl_path_seg *path_add(struct path *pa, enum dl_path_op op)
{
	if (pa->n == pa->alloc) {
		size_t n = pa->alloc ? pa->alloc * 2 : 16;
		struct dl_path_seg *s = xreallocarray(pa->segs, n, sizeof *s);
		pa->segs = s;
		pa->alloc = n;
	}
	struct dl_path_seg *g = &pa->segs[pa->n++];
	memset(g, 0, sizeof *g);
	g->op = op;
	return g;
}

void paint_path_move(struct path *pa, float x, float y)
{
	struct dl_path_seg *g = path_add(pa, DL_MOVE);
	g->x[0] = x;
	g->y[0] = y;
}

void paint_path_line(struct path *pa, float x, float y)
{
	struct dl_path_seg *g = path_add(pa, DL_LINETO);
	g->x[0] = x;
	g->y[0] = y;
}

void paint_path_curve(struct path *pa, float x1, float y1, float x2, float y2,
		      float x3, float y3)
{
	struct dl_path_seg *g = path_add(pa, DL_CURVETO);
	g->x[0] = x1;
	g->y[0] = y1;
	g->x[1] = x2;
	g->y[1] = y2;
	g->x[2] = x3;
	g->y[2] = y3;
}

void paint_path_close(struct path *pa)
{
	path_add(pa, DL_CLOSE);
}

void paint_path_release(struct path *pa)
{
	free(pa->segs);
	memset(pa, 0, sizeof *pa);
}

void paint_path(struct paint *pt, struct path *pa, const struct dl_color *fill,
		const struct dl_stroke *stroke)
{
	if (pa->n == 0 || (!fill && !stroke)) {
		pa->n = 0;
		return;
	}
	struct dl_item *it = dl_item_add(pt->pg, DL_PATH);
	it->u.path.segs = arena_calloc(pt->d->arena, pa->n, sizeof *pa->segs);
	memcpy(it->u.path.segs, pa->segs, pa->n * sizeof *pa->segs);
	it->u.path.n_segs = pa->n;
	it->u.path.fill = fill != NULL;
	if (fill)
		it->u.path.fill_color = *fill;
	it->u.path.stroke = stroke != NULL;
	if (stroke)
		it->u.path.line = *stroke;
	pa->n = 0;
}

void paint_line(struct paint *pt, float x0, float y0, float x1, float y1,
		float width, struct dl_color col, const float *dash, int n_dash)
{
	struct dl_stroke s = dl_stroke_solid(width, col);
	for (int i = 0; i < n_dash && i < 4; i++)
		s.dash[i] = dash[i];
	s.n_dash = n_dash > 4 ? 4 : n_dash;
	dl_line(pt->pg, x0, y0, x1, y1, &s);
}

/* ---- markers --------------------------------------------------------------- */

static void circle(struct path *pa, float x, float y, float r)
{
	const float k = 0.5523f * r;
	paint_path_move(pa, x + r, y);
	paint_path_curve(pa, x + r, y + k, x + k, y + r, x, y + r);
	paint_path_curve(pa, x - k, y + r, x - r, y + k, x - r, y);
	paint_path_curve(pa, x - r, y - k, x - k, y - r, x, y - r);
	paint_path_curve(pa, x + k, y - r, x + r, y - k, x + r, y);
	paint_path_close(pa);
}

void paint_marker(struct paint *pt, enum chart_marker m, float x, float y,
		  float r, bool hollow, struct dl_color col)
{
	struct path pa = {0};
	/* Sizes chosen so that the shapes look equally heavy. */
	switch (m) {
	case MK_CIRCLE:
		circle(&pa, x, y, r);
		break;
	case MK_SQUARE: {
		float s = r * 0.88f;
		paint_path_move(&pa, x - s, y - s);
		paint_path_line(&pa, x + s, y - s);
		paint_path_line(&pa, x + s, y + s);
		paint_path_line(&pa, x - s, y + s);
		paint_path_close(&pa);
		break;
	}
	case MK_TRIANGLE: {
		float s = r * 1.25f;
		paint_path_move(&pa, x, y - s);
		paint_path_line(&pa, x + s * 0.95f, y + s * 0.65f);
		paint_path_line(&pa, x - s * 0.95f, y + s * 0.65f);
		paint_path_close(&pa);
		break;
	}
	case MK_DIAMOND: {
		float s = r * 1.25f;
		paint_path_move(&pa, x, y - s);
		paint_path_line(&pa, x + s * 0.85f, y);
		paint_path_line(&pa, x, y + s);
		paint_path_line(&pa, x - s * 0.85f, y);
		paint_path_close(&pa);
		break;
	}
	case MK_STAR: {
		const double pi = 3.14159265358979323846;
		for (int i = 0; i < 10; i++) {
			double a = -pi / 2 + i * pi / 5;
			float rr = i % 2 ? r * 0.45f : r;
			float px = x + rr * (float)cos(a), py = y + rr * (float)sin(a);
			if (i == 0)
				paint_path_move(&pa, px, py);
			else
				paint_path_line(&pa, px, py);
		}
		paint_path_close(&pa);
		break;
	}
	}
	struct dl_color white = DL_WHITE;
	struct dl_stroke s = dl_stroke_solid(hollow ? 1.0f : 0.4f,
					     hollow ? col : DL_WHITE);
	paint_path(pt, &pa, hollow ? &white : &col, &s);
	paint_path_release(&pa);
}

/* ---- areas --------------------------------------------------------------- */

void paint_hatch(struct paint *pt, float x, float y, float w, float h,
		 enum chart_hatch kind, float spacing, struct dl_color col,
		 float width)
{
	if (kind == HATCH_NONE || w <= 0 || h <= 0 || spacing <= 0)
		return;
	/* Lines cut to the rectangle here rather than by a clip: the display
	 * list then says exactly what is drawn where. */
	struct path pa = {0};
	if (kind == HATCH_HORIZONTAL) {
		for (float yy = y + spacing / 2; yy < y + h; yy += spacing) {
			paint_path_move(&pa, x, yy);
			paint_path_line(&pa, x + w, yy);
		}
	} else {
		/* 45° lines through (c, y + h), c on a grid anchored to the page
		 * so that neighbouring areas' hatching lines up */
		float start = floorf((x - h) / spacing) * spacing;
		for (float c = start; c < x + w; c += spacing) {
			float t0 = fmaxf(0, x - c), t1 = fminf(h, x + w - c);
			if (t1 <= t0)
				continue;
			if (kind == HATCH_DIAGONAL || kind == HATCH_CROSS) {
				/* rising: (c + t, y + h - t) */
				paint_path_move(&pa, c + t0, y + h - t0);
				paint_path_line(&pa, c + t1, y + h - t1);
			}
			if (kind == HATCH_BACK || kind == HATCH_CROSS) {
				/* falling: (c + t, y + t) */
				paint_path_move(&pa, c + t0, y + t0);
				paint_path_line(&pa, c + t1, y + t1);
			}
		}
	}
	struct dl_stroke s = dl_stroke_solid(width, col);
	paint_path(pt, &pa, NULL, &s);
	paint_path_release(&pa);
}

void paint_area(struct paint *pt, float x, float y, float w, float h,
		const struct area_style *st, bool outline)
{
	if (w <= 0 || h <= 0)
		return;
	struct dl_color fill = chart_col(pt->c, st->fill, st->fill_grey);
	dl_rect(pt->pg, x, y, w, h, &fill, NULL);
	paint_hatch(pt, x, y, w, h, st->hatch, 2.5f,
		    chart_col(pt->c, st->hatch_color, st->hatch_grey), 0.5f);
	if (outline) {
		struct dl_stroke s = dl_stroke_solid(0.4f, DL_GREY(0.25f));
		dl_rect(pt->pg, x, y, w, h, NULL, &s);
	}
}

/* ---- text ------------------------------------------------------------------ */

static struct text_layout *layout(const struct chart *c, float size, float w,
				  float line_height, struct dl_color col,
				  const char *s)
{
	struct text_style st = {.role = FONT_GOTHIC, .size = size,
				.line_height = line_height, .align = TEXT_LEFT,
				.color = col};
	return text_layout_new(c->te, s, strlen(s), &st, w, &c->src, c->o.diags);
}

float chart_text_width(const struct chart *c, float size, const char *s)
{
	return text_width(c->te, FONT_GOTHIC, size, s, strlen(s), &c->src,
			  c->o.diags);
}

float paint_text(struct paint *pt, float x, float y, enum chart_halign ha,
		 enum chart_valign va, float size, struct dl_color col,
		 const char *s)
{
	struct text_layout *tl = layout(pt->c, size, 0, 1.0f, col, s);
	float w = tl->widest_line;
	float left = ha == HA_LEFT ? x : ha == HA_CENTER ? x - w / 2 : x - w;
	float top = va == VA_TOP ? y : va == VA_MIDDLE ? y - size / 2 : y - size;
	text_layout_draw_lines(tl, 0, tl->n_lines, pt->d, pt->pg, left, top);
	text_layout_free(tl);
	return w;
}

#define BLOCK_PITCH 1.25f

float chart_text_height(const struct chart *c, float size, float w,
			const char *s)
{
	struct text_layout *tl = layout(c, size, w, BLOCK_PITCH, DL_BLACK, s);
	float h = tl->height;
	text_layout_free(tl);
	return h;
}

float paint_text_block(struct paint *pt, float x, float y, float w,
		       float max_h, float size, struct dl_color col,
		       const char *s)
{
	struct text_layout *tl = layout(pt->c, size, w, BLOCK_PITCH, col, s);
	size_t n = text_layout_lines_fitting(tl, max_h);
	float h = text_layout_draw_lines(tl, 0, n, pt->d, pt->pg, x, y);
	text_layout_free(tl);
	return h;
}

/* ---- legends ---------------------------------------------------------------- */

#define SWATCH_W 16.0f
#define SWATCH_GAP 2.5f
#define ITEM_GAP 8.0f

static float swatch_width(const struct legend_item *it)
{
	return it->swatch == SW_MARKER || it->swatch == SW_STAR ? 8.0f
	       : it->swatch == SW_AREA			       ? 10.0f
	       : it->swatch == SW_TEXT			       ? -SWATCH_GAP
							       : SWATCH_W;
}

static float item_width(const struct chart *c, const struct legend_item *it)
{
	return swatch_width(it) + SWATCH_GAP +
	       chart_text_width(c, c->o.font_size, it->text);
}

/* Flows the items; calls draw for each when pt is set.  Returns the height. */
static float flow(const struct chart *c, struct paint *pt,
		  const struct legend_item *it, size_t n, float x, float y,
		  float w, float reserve)
{
	float fs = c->o.font_size, row_h = fs + 4, rh = row_h;
	float cx = 1, cy = 0, avail = w - reserve;
	size_t in_row = 0;
	for (size_t i = 0; i < n; i++) {
		float iw = item_width(c, &it[i]);
		/* an item wider than a whole row (a narrow chart, the labels
		 * at their legible size) takes a row of its own and wraps its
		 * text there, instead of running out of the chart */
		float text_max = w - 1 - swatch_width(&it[i]) - SWATCH_GAP;
		bool wrap = iw > w - 1 && text_max > fs;
		if (in_row && (cx + iw > avail || wrap)) {
			cx = 1;
			cy += rh;
			rh = row_h;
			avail = w;
			in_row = 0;
		}
		float th = wrap ? chart_text_height(c, fs, text_max, it[i].text) : 0;
		if (wrap) {
			iw = w - 1;
			if (th + 4 > rh)
				rh = th + 4;
		}
		if (pt) {
			float sx = x + cx, my = y + cy + row_h / 2;
			const struct legend_item *li = &it[i];
			/* only series and marker swatches have a style (the
			 * others leave it unset) */
			bool styled = li->swatch == SW_SERIES || li->swatch == SW_MARKER;
			const struct series_style *ss =
				chart_series_style(styled ? li->style : 0);
			struct dl_color sc = chart_col(c, ss->color, ss->grey);
			struct dl_color tc = chart_col(c, CHART_TARGET_RGB,
						       CHART_TARGET_GREY);
			float sw = 8.0f;
			switch (li->swatch) {
			case SW_SERIES:
				paint_line(pt, sx, my, sx + SWATCH_W, my, 1.4f, sc,
					   ss->dash, ss->n_dash);
				paint_marker(pt, ss->marker, sx + SWATCH_W / 2, my,
					     2.6f, false, sc);
				sw = SWATCH_W;
				break;
			case SW_MARKER:
				paint_marker(pt, ss->marker, sx + 4, my, 2.6f,
					     li->hollow, sc);
				break;
			case SW_STAR:
				paint_marker(pt, MK_STAR, sx + 4, my, 4.0f, true, tc);
				break;
			case SW_DASHED: {
				static const float dash[] = {2, 2};
				paint_line(pt, sx, my, sx + SWATCH_W, my, 0.9f,
					   chart_col(c, DL_GREY(0.35f), 0.35f), dash, 2);
				sw = SWATCH_W;
				break;
			}
			case SW_TARGET_LINE:
				paint_line(pt, sx, my, sx + SWATCH_W, my, 1.2f, tc,
					   NULL, 0);
				sw = SWATCH_W;
				break;
			case SW_FLOOR:
				paint_hatch(pt, sx, my - 4, SWATCH_W, 4,
					    HATCH_BACK, 2.0f,
					    chart_col(c, (struct dl_color){0.93f, 0.70f, 0.70f}, 0.78f),
					    0.5f);
				paint_line(pt, sx, my, sx + SWATCH_W, my, 1.2f, tc,
					   NULL, 0);
				sw = SWATCH_W;
				break;
			case SW_BAND: {
				struct dl_color f = chart_col(c, CHART_BAND_RGB,
							      CHART_BAND_GREY);
				struct dl_color e = chart_col(c, CHART_BAND_EDGE_RGB,
							      CHART_BAND_EDGE_GREY);
				dl_rect(pt->pg, sx, my - 3, SWATCH_W, 6, &f, NULL);
				paint_line(pt, sx, my - 3, sx + SWATCH_W, my - 3, 0.5f,
					   e, NULL, 0);
				paint_line(pt, sx, my + 3, sx + SWATCH_W, my + 3, 0.5f,
					   e, NULL, 0);
				sw = SWATCH_W;
				break;
			}
			case SW_AREA:
				paint_area(pt, sx, my - 3.5f, 10, 7, &li->area, true);
				sw = 10;
				break;
			case SW_TEXT:
				sw = -SWATCH_GAP;
				break;
			}
			if (wrap)
				paint_text_block(pt, sx + sw + SWATCH_GAP, y + cy + 2,
						 text_max, th, fs, DL_BLACK, li->text);
			else
				paint_text(pt, sx + sw + SWATCH_GAP, my, HA_LEFT,
					   VA_MIDDLE, fs, DL_BLACK, li->text);
		}
		cx += iw + ITEM_GAP;
		in_row++;
	}
	return n ? cy + rh : 0;
}

float paint_legend_height(const struct chart *c, const struct legend_item *it,
			  size_t n, float w, float reserve)
{
	return flow(c, NULL, it, n, 0, 0, w, reserve);
}

float paint_legend(struct paint *pt, const struct legend_item *it, size_t n,
		   float x, float y, float w, float reserve)
{
	return flow(pt->c, pt, it, n, x, y, w, reserve);
}

#define NOTE_TEXT "例示値"

float paint_note_width(const struct chart *c)
{
	return chart_text_width(c, c->o.font_size, NOTE_TEXT) + 6;
}

void paint_note(struct paint *pt, float x1, float y)
{
	float fs = pt->c->o.font_size, w = paint_note_width(pt->c), h = fs + 3;
	struct dl_stroke s = dl_stroke_solid(0.5f, DL_GREY(0.3f));
	struct dl_color white = DL_WHITE;
	dl_rect(pt->pg, x1 - w, y + 0.5f, w, h, &white, &s);
	paint_text(pt, x1 - w / 2, y + 0.5f + h / 2, HA_CENTER, VA_MIDDLE, fs,
		   DL_GREY(0.2f), NOTE_TEXT);
}
