/* chart.c - the chart object: making, sizing, laying out and drawing.
 *
 * Drawing is two steps, as cmark renders a tree: chart_layout computes
 * where everything goes (pure arithmetic on the plan's figures and the text
 * engine's measurements), then the kind's draw function turns that geometry
 * into display-list items.  Tests check the first step directly and the
 * second through the items.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "alloc.h"
#include "chart_int.h"
#include "typesize.h"

#define DEFAULT_FONT_SIZE TYPE.chart
#define MIN_W 40.0f
#define MIN_H 30.0f

static struct chart *chart_new(enum chart_kind kind, struct text_engine *te,
			       const struct plan *p, const struct chart_opts *o)
{
	struct chart *c = xcalloc(1, sizeof *c);
	c->kind = kind;
	c->te = te;
	c->p = p;
	if (o)
		c->o = *o;
	if (!c->o.fy)
		c->o.fy = p->to;
	if (!(c->o.font_size > 0))
		c->o.font_size = DEFAULT_FONT_SIZE;
	c->src.file = p->file;
	return c;
}

struct chart *chart_trend_new(struct text_engine *te, const struct plan *p,
			      const struct indicator *ind,
			      const struct chart_opts *o)
{
	struct chart *c = chart_new(CHART_TREND, te, p, o);
	c->ind = ind;
	c->src.file = ind->pos.file ? ind->pos.file : p->file;
	c->src.line = ind->pos.line;
	return c;
}

struct chart *chart_bars_new(struct text_engine *te, const struct plan *p,
			     const struct pillar *pl, const struct chart_opts *o)
{
	struct chart *c = chart_new(CHART_BARS, te, p, o);
	c->pl = pl;
	if (pl) {
		c->src.file = pl->pos.file ? pl->pos.file : p->file;
		c->src.line = pl->pos.line;
	}
	return c;
}

struct chart *chart_overview_new(struct text_engine *te, const struct plan *p,
				 const struct chart_opts *o)
{
	return chart_new(CHART_OVERVIEW, te, p, o);
}

void chart_free(struct chart *c)
{
	free(c);
}

float chart_height(const struct chart *c, float w)
{
	switch (c->kind) {
	case CHART_TREND:
		return trend_height(c, w);
	case CHART_BARS:
		return bars_height(c, w);
	case CHART_OVERVIEW:
		return overview_height(c, w);
	}
	return 0;
}

const char *chart_what(const struct chart *c, struct arena *a)
{
	switch (c->kind) {
	case CHART_TREND:
		return arena_printf(a, "指標「%s」の推移グラフ",
				    c->ind && c->ind->name ? c->ind->name : "");
	case CHART_BARS:
		if (!c->pl)
			return "計画全体の達成状況のグラフ";
		return arena_printf(a, "施策の柱%s%sの達成状況のグラフ",
				    c->pl->no ? c->pl->no : "",
				    c->pl->title ? c->pl->title : "");
	default:
		return "施策の柱ごとの評価の内訳のグラフ";
	}
}

const char *chart_short_label(struct arena *a, const char *s)
{
	size_t i = 0, chars = 0;
	while (s[i] && chars < CHART_LABEL_MAX_CHARS) {
		i++;
		while ((s[i] & 0xC0) == 0x80)
			i++; /* continuation bytes */
		chars++;
	}
	return s[i] ? arena_printf(a, "%.*s…", (int)i, s) : s;
}

size_t chart_rows(const struct chart *c)
{
	return c->kind == CHART_OVERVIEW ? overview_rows(c)
	       : c->kind == CHART_BARS ? bars_rows(c) : 0;
}

float chart_min_height(const struct chart *c, float w)
{
	/* bars and the overview are rows of text: they do not shrink */
	if (c->kind == CHART_TREND)
		return trend_min_height(c, w);
	return chart_height(c, w);
}

const struct chart_geom *chart_layout(const struct chart *c, float x, float y,
				      float w, float h, struct arena *a)
{
	struct chart_geom *g = arena_calloc(a, 1, sizeof *g);
	g->kind = c->kind;
	g->x = x;
	g->y = y;
	g->w = w;
	g->h = h;
	if (w < MIN_W || h < MIN_H)
		return g;
	switch (c->kind) {
	case CHART_TREND:
		trend_layout(c, g, a);
		break;
	case CHART_BARS:
		bars_layout(c, g, a);
		break;
	case CHART_OVERVIEW:
		overview_layout(c, g, a);
		break;
	}
	return g;
}

void chart_draw(struct dl_doc *d, struct dl_page *pg, float x, float y,
		float w, float h, void *chart)
{
	const struct chart *c = chart;
	if (w < MIN_W || h < MIN_H)
		return;
	struct arena *a = arena_new();
	const struct chart_geom *g = chart_layout(c, x, y, w, h, a);
	struct paint pt = {c, d, pg};
	/* one Figure: a screen reader reads its text, not the labels */
	int was = dl_elem_begin(d, DL_R_FIGURE);
	if (d->cur >= 0)
		d->elems[d->cur].alt = dl_doc_strdup(d, chart_alt(c, g, a));

	/* The layout keeps everything inside the box; the clip only guards
	 * against a label the text engine measured differently. */
	struct dl_item *cl = dl_item_add(pg, DL_CLIP_PUSH);
	cl->u.clip.x = x;
	cl->u.clip.y = y;
	cl->u.clip.w = w;
	cl->u.clip.h = h;
	switch (c->kind) {
	case CHART_TREND:
		trend_draw(c, g, &pt);
		break;
	case CHART_BARS:
		bars_draw(c, g, &pt);
		break;
	case CHART_OVERVIEW:
		overview_draw(c, g, &pt);
		break;
	}
	dl_item_add(pg, DL_CLIP_POP);
	dl_elem_set(d, was);
	arena_free(a);
}

float chart_panel_x(const struct chart_panel *pn, double fy)
{
	return pn->plot_x + (float)((fy - pn->fy_from + 0.5) * pn->slot);
}

float chart_panel_y(const struct chart_panel *pn, double value)
{
	double span = pn->axis.hi - pn->axis.lo;
	if (!(span > 0))
		return pn->plot_y + pn->plot_h;
	return pn->plot_y + (float)(pn->plot_h * (pn->axis.hi - value) / span);
}
