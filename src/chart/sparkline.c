/* sparkline.c - the yearly series of one indicator as a word-sized line, for
 * a table row of the one-sheet overview (chart.h: chart_spark_draw).
 *
 * Small enough for a 10 pt row, so it drops what a trend chart explains
 * (axes, labels) and keeps what a reader compares across rows: where the
 * series started (the baseline, a hollow marker at the left edge), how it
 * moved year by year from the plan's first year to the report year (a gap
 * where a year is unknown), where it stands now (a filled marker), and the
 * target (a dotted level) when it lies within the frame's reach.  Values
 * come from fig_measure_compute, so a cumulative target shows its running
 * sum, as every table does.  Legible in greys alone: line, markers and dots
 * differ in shape, not colour.
 */
#include <math.h>
#include <string.h>

#include "arena.h"
#include "chart.h"
#include "dlist.h"
#include "figures.h"

#define SPARK_MAX_YEARS 64

static void circle(struct dl_doc *d, struct dl_page *pg, float cx, float cy, float r, bool fill)
{
	/* four Bézier quarters; k = 4/3 (sqrt 2 - 1) */
	const float k = 0.5523f * r;
	struct dl_path_seg *s = arena_calloc(d->arena, 6, sizeof *s);
	s[0] = (struct dl_path_seg){DL_MOVE, {cx + r}, {cy}};
	s[1] = (struct dl_path_seg){DL_CURVETO, {cx + r, cx + k, cx}, {cy + k, cy + r, cy + r}};
	s[2] = (struct dl_path_seg){DL_CURVETO, {cx - k, cx - r, cx - r}, {cy + r, cy + k, cy}};
	s[3] = (struct dl_path_seg){DL_CURVETO, {cx - r, cx - k, cx}, {cy - k, cy - r, cy - r}};
	s[4] = (struct dl_path_seg){DL_CURVETO, {cx + k, cx + r, cx + r}, {cy - r, cy - k, cy}};
	s[5] = (struct dl_path_seg){DL_CLOSE, {0}, {0}};
	struct dl_item *it = dl_item_add(pg, DL_PATH);
	it->u.path.segs = s;
	it->u.path.n_segs = 6;
	it->u.path.fill = true;
	it->u.path.fill_color = fill ? DL_BLACK : DL_WHITE;
	it->u.path.stroke = true;
	it->u.path.line = dl_stroke_solid(0.6f, DL_BLACK);
}

void chart_spark_draw(struct dl_doc *d, struct dl_page *pg, float x, float y, float w,
		      float h, void *spark)
{
	const struct chart_spark *sp = spark;
	const struct plan *p = sp->p;
	if (!sp->ind || sp->part >= sp->ind->n_measures || w < 12 || h < 4)
		return;
	const struct measure *m = &sp->ind->measures[sp->part];
	int from = p->from, to = sp->fy;
	if (to - from + 1 > SPARK_MAX_YEARS)
		from = to - SPARK_MAX_YEARS + 1;
	size_t n = to >= from ? (size_t)(to - from + 1) : 0;
	/* slot 0 is the baseline, slots 1..n the years */
	double v[SPARK_MAX_YEARS + 1];
	bool has[SPARK_MAX_YEARS + 1] = {false};
	has[0] = m->baseline.kind != BASELINE_UNKNOWN && m->target.kind != TARGET_CUMULATIVE;
	if (has[0])
		v[0] = decimal_to_double(m->baseline.value);
	for (size_t i = 0; i < n; i++) {
		struct fig_measure f;
		fig_measure_compute(p, m, from + (int)i, &f);
		has[i + 1] = f.has_value;
		if (f.has_value)
			v[i + 1] = decimal_to_double(f.value);
	}
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i <= n; i++)
		if (has[i]) {
			lo = v[i] < lo ? v[i] : lo;
			hi = v[i] > hi ? v[i] : hi;
		}
	if (!isfinite(lo))
		return; /* nothing known: the row's value cell says so */
	/* the target joins the frame when it is within reach: a target ten
	 * times the data would flatten the line it is meant to explain */
	double t = decimal_to_double(m->target.value);
	double span = hi - lo > 0 ? hi - lo : fabs(hi) > 0 ? fabs(hi) : 1;
	bool show_t = isfinite(t) && t >= lo - 2 * span && t <= hi + 2 * span;
	if (show_t) {
		lo = t < lo ? t : lo;
		hi = t > hi ? t : hi;
	}
	if (hi - lo <= 0) {
		lo -= 1;
		hi += 1;
	}
	const float r = h > 10 ? 1.8f : 1.4f;
	float x0 = x + r + 0.5f, x1 = x + w - r - 0.5f;
	float y0 = y + r + 0.5f, y1 = y + h - r - 0.5f;
	float step = n ? (x1 - x0) / (float)n : 0;
#define SX(i) (x0 + step * (float)(i))
#define SY(val) (y1 - (float)(((val) - lo) / (hi - lo)) * (y1 - y0))
	if (show_t) {
		struct dl_stroke s = dl_stroke_solid(0.5f, DL_GREY(0.45f));
		s.dash[0] = 1.2f, s.dash[1] = 1.6f, s.n_dash = 2;
		dl_line(pg, x0, SY(t), x1, SY(t), &s);
	}
	/* the line, broken where a year is unknown */
	struct dl_stroke ln = dl_stroke_solid(0.9f, DL_BLACK);
	for (size_t i = 0; i < n; i++)
		if (has[i] && has[i + 1])
			dl_line(pg, SX(i), SY(v[i]), SX(i + 1), SY(v[i + 1]), &ln);
	if (has[0])
		circle(d, pg, SX(0), SY(v[0]), r, false);
	size_t last = 0;
	for (size_t i = 1; i <= n; i++)
		if (has[i])
			last = i;
	if (last)
		circle(d, pg, SX(last), SY(v[last]), r, true);
#undef SX
#undef SY
}
