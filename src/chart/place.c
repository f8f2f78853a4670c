/* place.c - the label placer of the charts: a label goes to the first
 * candidate position around its point that stays inside the plot and clear
 * of markers, lines and earlier labels, else where it covers least. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart_int.h"
#include "fy.h"
#include "typesize.h"
#include "typo.h"

static bool inside(struct rect a, struct rect box)
{
	return a.x >= box.x && a.y >= box.y && a.x + a.w <= box.x + box.w &&
	       a.y + a.h <= box.y + box.h;
}

void place_take(struct placer *pl, struct rect r)
{
	if (pl->n < sizeof pl->taken / sizeof *pl->taken)
		pl->taken[pl->n++] = r;
}

void place_take_point(struct placer *pl, float x, float y, float r)
{
	place_take(pl, (struct rect){x - r, y - r, 2 * r, 2 * r});
}

void place_take_seg(struct placer *pl, float x0, float y0, float x1, float y1,
		    float pad)
{
	if (pl->n_segs < sizeof pl->segs / sizeof *pl->segs)
		pl->segs[pl->n_segs++] = (struct seg){x0, y0, x1, y1, pad};
}

/* The segments of a polyline as polyline() draws it. */
void place_take_polyline(struct placer *pl, const struct chart_pt *v, size_t n,
			 bool split_gaps, float pad)
{
	for (size_t i = 1; i < n; i++)
		if (!split_gaps || v[i].fy == v[i - 1].fy + 1)
			place_take_seg(pl, v[i - 1].x, v[i - 1].y, v[i].x, v[i].y, pad);
}

static struct rect candidate(enum pos p, float x, float y, float r, float w,
			     float h)
{
	float g = 1.5f;
	switch (p) {
	case P_ABOVE: return (struct rect){x - w / 2, y - r - g - h, w, h};
	case P_BELOW: return (struct rect){x - w / 2, y + r + g, w, h};
	case P_RIGHT: return (struct rect){x + r + g, y - h / 2, w, h};
	case P_LEFT: return (struct rect){x - r - g - w, y - h / 2, w, h};
	case P_ABOVE_LEFT: return (struct rect){x - w + r, y - r - g - h, w, h};
	case P_ABOVE_RIGHT: return (struct rect){x - r, y - r - g - h, w, h};
	case P_BELOW_LEFT: return (struct rect){x - w + r, y + r + g, w, h};
	case P_BELOW_RIGHT: return (struct rect){x - r, y + r + g, w, h};
	}
	return (struct rect){x, y, w, h};
}

static float overlap_area(struct rect a, struct rect b)
{
	float w = fminf(a.x + a.w, b.x + b.w) - fmaxf(a.x, b.x);
	float h = fminf(a.y + a.h, b.y + b.h) - fmaxf(a.y, b.y);
	return w > 0 && h > 0 ? w * h : 0;
}

/* How much of the segment runs through the rectangle grown by its pad
 * (Liang-Barsky clipping); 0 when it stays clear. */
static float seg_inside(struct rect r, struct seg sg)
{
	float x0 = r.x - sg.pad, x1 = r.x + r.w + sg.pad;
	float y0 = r.y - sg.pad, y1 = r.y + r.h + sg.pad;
	float dx = sg.x1 - sg.x0, dy = sg.y1 - sg.y0;
	float p[4] = {-dx, dx, -dy, dy};
	float q[4] = {sg.x0 - x0, x1 - sg.x0, sg.y0 - y0, y1 - sg.y0};
	float t0 = 0, t1 = 1;
	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return 0;
			continue;
		}
		float t = q[i] / p[i];
		if (p[i] < 0)
			t0 = fmaxf(t0, t);
		else
			t1 = fminf(t1, t);
	}
	if (t1 < t0)
		return 0;
	/* a line only touching the box still costs something */
	return (t1 - t0) * sqrtf(dx * dx + dy * dy) + 0.5f;
}

/* What a candidate covers of what is already there: areas of markers and
 * labels, and lines weighted by the label's height (a line through a label
 * is as bad as a marker under it). */
static float cover_cost(const struct placer *pl, struct rect c)
{
	float cost = 0;
	for (size_t k = 0; k < pl->n; k++)
		cost += overlap_area(c, pl->taken[k]);
	for (size_t k = 0; k < pl->n_segs; k++)
		cost += seg_inside(c, pl->segs[k]) * c.h;
	return cost;
}

/* Tries the positions in order, near the point and then one label height
 * further out; takes the first that is clear, else the one that covers the
 * least of what is already there.  Always inside the plot. */
struct rect place_label(struct placer *pl, float x, float y, float r, float w,
			float h, const enum pos *order, size_t n)
{
	struct rect best = {0};
	float best_cost = INFINITY;
	for (int far = 0; far < 2; far++) {
		for (size_t i = 0; i < n; i++) {
			struct rect c = candidate(order[i], x, y, r + (float)far * (h + 1),
						  w, h);
			if (!inside(c, pl->area))
				continue;
			float cost = cover_cost(pl, c);
			if (cost == 0) {
				place_take(pl, c);
				return c;
			}
			if (cost < best_cost) {
				best_cost = cost;
				best = c;
			}
		}
	}
	if (best_cost < INFINITY) {
		place_take(pl, best);
		return best;
	}
	/* nothing fits: the first choice, pushed into the plot */
	struct rect c = candidate(order[0], x, y, r, w, h);
	if (c.x + c.w > pl->area.x + pl->area.w)
		c.x = pl->area.x + pl->area.w - c.w;
	if (c.x < pl->area.x)
		c.x = pl->area.x;
	if (c.y + c.h > pl->area.y + pl->area.h)
		c.y = pl->area.y + pl->area.h - c.h;
	if (c.y < pl->area.y)
		c.y = pl->area.y;
	place_take(pl, c);
	return c;
}

/* The first of the positions at distance r that is inside the plot and
 * clear of everything, taken; false if there is none. */
bool place_clear(struct placer *pl, float x, float y, float r, float w,
		 float h, const enum pos *order, size_t n, struct rect *out)
{
	for (size_t i = 0; i < n; i++) {
		struct rect c = candidate(order[i], x, y, r, w, h);
		if (inside(c, pl->area) && cover_cost(pl, c) == 0) {
			place_take(pl, c);
			*out = c;
			return true;
		}
	}
	return false;
}

/* The label of a rate or floor line (x0 to x1 at y): on the good side of
 * the line at its right end, else the other side; else the same at its
 * left end, where a series crossing the line near the last years leaves
 * room; else one label height further out; else what covers least. */
struct rect place_line(struct placer *pl, float x0, float x1, float y,
		       float w, float h, bool low)
{
	static const enum pos up_end[] = {P_ABOVE_LEFT, P_BELOW_LEFT};
	static const enum pos down_end[] = {P_BELOW_LEFT, P_ABOVE_LEFT};
	static const enum pos up_start[] = {P_ABOVE_RIGHT, P_BELOW_RIGHT};
	static const enum pos down_start[] = {P_BELOW_RIGHT, P_ABOVE_RIGHT};
	struct rect r;
	for (int far = 0; far < 2; far++) {
		/* 2 pt off the line: clear of a trajectory that ends on it */
		float d = 0.5f + (float)far * (h + 1);
		if (place_clear(pl, x1, y, d, w, h, low ? down_end : up_end, 2, &r) ||
		    place_clear(pl, x0, y, d, w, h, low ? down_start : up_start, 2,
				&r))
			return r;
	}
	return place_label(pl, x1, y, 0.5f, w, h, low ? down_end : up_end, 2);
}
