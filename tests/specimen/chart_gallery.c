/* chart_gallery.c - every chart kind of a plan, for looking at (issue 6).
 *
 *   chart_gallery PLAN.xml OUT.pdf [YEAR]
 *
 * Loads the plan with its actuals (plan_load) and writes A4 pages with:
 *
 *   1  the pillar overview (grade counts per pillar, with the 「全体」 row);
 *   2  the achievement bars of every pillar that has indicators, and of
 *      every indicator (pl = NULL) when some indicator belongs to no pillar
 *      (the prefecture's targets ア〜カ, the city's basic scenario);
 *   3  a trend chart of EVERY indicator, two to a row, grouped by pillar,
 *      each captioned with its number, name, id, target kind and goal.
 *
 * YEAR is the handout's year (R7 when not given).  The charts' warnings
 * (characters no font has) and the layout's go to stderr.  Exit status: 0
 * when the PDF was written.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "diag.h"
#include "font.h"
#include "fy.h"
#include "layout.h"
#include "load.h"
#include "plan.h"
#include "render.h"
#include "text.h"

#define PAIR_GAP 12.0f
#define CAPTION_SIZE 8.0f
#define CAPTION_GAP 2.0f

/* A chart with its caption above it. */
struct cell {
	struct chart *chart;
	struct text_layout *caption; /* NULL: none */
};

/* One block of the story: one chart across the body, or two side by side. */
struct block {
	struct cell c[2];
	size_t n;
	bool pair;        /* two columns (even when the second is empty) */
	float caption_h;  /* the taller caption */
	float chart_h;    /* the taller chart */
};

struct gallery {
	struct text_engine *te;
	const struct plan *p;
	struct story *s;
	struct diag_list *dg;
	struct chart_opts opts;
	float body_w;
	struct block **blocks;
	size_t n_blocks, alloc_blocks;
	size_t n_trend, n_bars, n_overview;
	char **strings;
	size_t n_strings, alloc_strings;
};

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);
	if (!q) {
		fputs("chart_gallery: out of memory\n", stderr);
		exit(1);
	}
	return q;
}

static const char *keep_string(struct gallery *g, char *s)
{
	if (g->n_strings == g->alloc_strings) {
		g->alloc_strings = g->alloc_strings ? 2 * g->alloc_strings : 64;
		g->strings = xrealloc(g->strings, g->alloc_strings * sizeof *g->strings);
	}
	return g->strings[g->n_strings++] = s;
}

static const char *gallery_printf(struct gallery *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *gallery_printf(struct gallery *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = xrealloc(NULL, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return keep_string(g, s);
}

static void gallery_release(struct gallery *g)
{
	for (size_t i = 0; i < g->n_blocks; i++) {
		for (size_t k = 0; k < g->blocks[i]->n; k++) {
			chart_free(g->blocks[i]->c[k].chart);
			text_layout_free(g->blocks[i]->c[k].caption);
		}
		free(g->blocks[i]);
	}
	free(g->blocks);
	for (size_t i = 0; i < g->n_strings; i++)
		free(g->strings[i]);
	free(g->strings);
}

static void draw_block(struct dl_doc *d, struct dl_page *pg, float x, float y, float w,
		       float h, void *ctx)
{
	(void)h;
	struct block *b = ctx;
	float cw = b->pair ? (w - PAIR_GAP) / 2 : w;
	for (size_t i = 0; i < b->n; i++) {
		float cx = x + (float)i * (cw + PAIR_GAP), cy = y;
		if (b->c[i].caption)
			text_layout_draw(b->c[i].caption, d, pg, cx, cy, 0, TEXT_GROW);
		if (b->caption_h > 0)
			cy += b->caption_h + CAPTION_GAP;
		chart_draw(d, pg, cx, cy, cw, b->chart_h, b->c[i].chart);
	}
}

static struct block *block_new(struct gallery *g, bool pair)
{
	struct block *b = xrealloc(NULL, sizeof *b);
	memset(b, 0, sizeof *b);
	b->pair = pair;
	if (g->n_blocks == g->alloc_blocks) {
		g->alloc_blocks = g->alloc_blocks ? 2 * g->alloc_blocks : 32;
		g->blocks = xrealloc(g->blocks, g->alloc_blocks * sizeof *g->blocks);
	}
	g->blocks[g->n_blocks++] = b;
	return b;
}

static void block_add(struct gallery *g, struct block *b, struct chart *c, const char *caption)
{
	float cw = b->pair ? (g->body_w - PAIR_GAP) / 2 : g->body_w;
	struct cell *cl = &b->c[b->n++];
	cl->chart = c;
	if (caption) {
		struct text_style st = {.role = FONT_GOTHIC, .size = CAPTION_SIZE,
					.line_height = 1.35f};
		struct text_src src = {g->p->file, 0};
		cl->caption = text_layout_new(g->te, caption, strlen(caption), &st, cw, &src,
					      g->dg);
		if (cl->caption->height > b->caption_h)
			b->caption_h = cl->caption->height;
	}
	float h = chart_height(c, cw);
	if (h > b->chart_h)
		b->chart_h = h;
}

static void block_place(struct gallery *g, struct block *b)
{
	float h = b->chart_h + (b->caption_h > 0 ? b->caption_h + CAPTION_GAP : 0);
	story_fixed(g->s, h, draw_block, b);
}

static void caption(struct gallery *g, const char *text)
{
	story_para_ex(g->s, &(struct lay_para){
		.text = text,
		.style = {.role = FONT_GOTHIC, .size = 9.5f, .line_height = 1.4f},
		.before = 6, .after = 2, .keep_with_next = true,
	});
}

static void note(struct gallery *g, const char *text)
{
	story_para_ex(g->s, &(struct lay_para){
		.text = text,
		.style = {.role = FONT_GOTHIC, .size = 8.5f, .line_height = 1.45f,
			  .color = DL_GREY(0.25f)},
		.after = 4,
	});
}

static const char *pillar_title(struct gallery *g, const struct pillar *pl)
{
	return gallery_printf(g, "施策の柱%s %s", pl->no ? pl->no : "", pl->title ? pl->title : pl->id);
}

static const char *target_words(enum target_kind k)
{
	switch (k) {
	case TARGET_LEVEL: return "水準";
	case TARGET_CUMULATIVE: return "累計";
	case TARGET_RATE: return "毎年";
	case TARGET_AT_LEAST: return "以上";
	}
	return "?";
}

static const char *goal_words(enum goal gl)
{
	switch (gl) {
	case GOAL_HIGHER: return "高いほど良い";
	case GOAL_LOWER: return "低いほど良い";
	case GOAL_MAINTAIN: return "維持";
	}
	return "?";
}

/* 「① 名前」 and a second line of what kind of indicator it is, so that a
 * reader can check the chart against what it should show. */
static const char *indicator_caption(struct gallery *g, const struct indicator *ind)
{
	const struct measure *m = &ind->measures[0];
	size_t known = 0;
	for (size_t i = 0; i < ind->n_measures; i++)
		for (size_t k = 0; k < ind->measures[i].n_actuals; k++)
			known += ind->measures[i].actuals[k].known;
	const char *kind;
	if (ind->n_measures > 1) {
		kind = gallery_printf(g, "複合%zu系列：", ind->n_measures);
		for (size_t i = 0; i < ind->n_measures; i++) {
			const struct measure *pm = &ind->measures[i];
			kind = gallery_printf(g, "%s%s%s（%s・%s）", kind, i ? "、" : "",
					      pm->name ? pm->name : pm->id,
					      target_words(pm->target.kind), pm->unit);
		}
	} else {
		kind = gallery_printf(g, "目標：%s・%s・単位「%s」・基準値%s",
				      target_words(m->target.kind), goal_words(m->goal), m->unit,
				      m->baseline.kind == BASELINE_UNKNOWN ? "不明" : "あり");
	}
	return gallery_printf(g, "%s%s%s\n%s・%s・実績%zu件", ind->no ? ind->no : "",
			      ind->no ? " " : "", ind->name, ind->id, kind, known);
}

static void trends(struct gallery *g, struct indicator *const *inds, size_t n)
{
	for (size_t i = 0; i < n; i += 2) {
		struct block *b = block_new(g, true);
		for (size_t k = i; k < n && k < i + 2; k++) {
			block_add(g, b, chart_trend_new(g->te, g->p, inds[k], &g->opts),
				  indicator_caption(g, inds[k]));
			g->n_trend++;
		}
		block_place(g, b);
	}
}

static void one_chart(struct gallery *g, struct chart *c)
{
	struct block *b = block_new(g, false);
	block_add(g, b, c, NULL);
	block_place(g, b);
}

static void compose(struct gallery *g, const char *fy_era)
{
	const struct plan *p = g->p;
	size_t loose = 0, empty = 0;
	for (size_t i = 0; i < p->n_indicators; i++)
		loose += p->indicators[i].pillar == NULL;
	for (size_t i = 0; i < p->n_pillars; i++)
		empty += p->pillars[i].n_indicators == 0;

	story_heading(g->s, 1, gallery_printf(g, "１　施策の柱ごとの評価（overview・%s）", fy_era));
	note(g, gallery_printf(g, "%s：指標%zu、施策の柱%zu（うち指標のない柱%zu）、柱に属さない指標%zu。"
				  "「全体」の行つき（total_row）。",
			       p->title, p->n_indicators, p->n_pillars,
			       empty, loose));
	one_chart(g, chart_overview_new(g->te, p, &(struct chart_opts){
		.fy = g->opts.fy, .diags = g->dg, .total_row = true}));
	g->n_overview++;
	caption(g, "同じ図の「全体」行なし（total_row = false）");
	one_chart(g, chart_overview_new(g->te, p, &g->opts));
	g->n_overview++;

	story_page_break(g->s);
	story_heading(g->s, 1, gallery_printf(g, "２　達成率と評価（bars・%s）", fy_era));
	for (size_t i = 0; i < p->n_pillars; i++) {
		const struct pillar *pl = &p->pillars[i];
		if (!pl->n_indicators)
			continue;
		caption(g, gallery_printf(g, "%s（指標%zu）", pillar_title(g, pl), pl->n_indicators));
		one_chart(g, chart_bars_new(g->te, p, pl, &g->opts));
		g->n_bars++;
	}
	if (loose) {
		caption(g, gallery_printf(g, "全指標（pl = NULL、指標%zu）", p->n_indicators));
		one_chart(g, chart_bars_new(g->te, p, NULL, &g->opts));
		g->n_bars++;
	}

	story_page_break(g->s);
	story_heading(g->s, 1, gallery_printf(g, "３　主要指標の推移（trend・%s）", fy_era));
	note(g, "すべての指標の推移。2つずつ並べ、見出しに番号・名称、2行目に id・目標の種類・単位・基準値・実績の件数。");
	for (size_t i = 0; i < p->n_pillars; i++) {
		const struct pillar *pl = &p->pillars[i];
		if (!pl->n_indicators)
			continue;
		story_heading(g->s, 2, pillar_title(g, pl));
		trends(g, pl->indicators, pl->n_indicators);
	}
	if (loose) {
		struct indicator **v = xrealloc(NULL, loose * sizeof *v);
		size_t n = 0;
		for (size_t i = 0; i < p->n_indicators; i++)
			if (!p->indicators[i].pillar)
				v[n++] = &p->indicators[i];
		story_heading(g->s, 2, p->n_pillars && n < p->n_indicators
				       ? "施策の柱に属さない指標（基本シナリオなど）"
				       : "目標値（施策の柱に属さない指標）");
		trends(g, v, n);
		free(v);
	}
}

static long long source_date(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e) {
		char *end;
		long long t = strtoll(e, &end, 10);
		if (*end == '\0' && t >= 0)
			return t;
	}
	return 1763683200;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fputs("usage: chart_gallery PLAN.xml OUT.pdf [YEAR]\n", stderr);
		return 2;
	}
	int fy = 2025;
	if (argc == 4 && fy_parse(argv[3], &fy) != 0) {
		fprintf(stderr, "chart_gallery: '%s' is not a fiscal year\n", argv[3]);
		return 2;
	}
	int rc = 1;
	struct diag_list dg;
	diag_list_init(&dg);
	struct fontset *fs = NULL;
	struct text_engine *te = NULL;
	struct dl_doc *doc = NULL;
	struct gallery g = {0};
	struct plan *p = plan_load(argv[1], &dg);
	if (!p)
		goto out;
	fs = fontset_load(NULL, &dg);
	if (!fs)
		goto out;
	te = text_engine_new(fs, &dg);
	if (!te)
		goto out;

	char era[32], short_fy[16];
	fy_format(fy, FY_STYLE_ERA, era, sizeof era);
	fy_format(fy, FY_STYLE_SHORT, short_fy, sizeof short_fy);
	struct lay_setup ls;
	lay_setup_init(&ls, LAY_A4);
	const char *name = p->short_title ? p->short_title : p->title;
	ls.head_left = name;
	g.te = te;
	g.p = p;
	g.dg = &dg;
	g.opts = (struct chart_opts){.fy = fy, .diags = &dg};
	g.body_w = lay_body(&ls).w;
	g.s = story_new(te, &ls);
	story_set_info(g.s, &(struct dl_info){
		.title = gallery_printf(&g, "%s チャート見本（%s）", name, short_fy),
		.author = p->issuer,
		.subject = "グラフの見本（issue 6）",
		.creator = "shiryo tests/specimen",
		.created = source_date()});
	compose(&g, era);
	if (story_layout(g.s, &doc, &dg) != 0)
		goto out;
	if (pdf_write(doc, fs, argv[2], &dg) != 0)
		goto out;
	fprintf(stderr, "chart_gallery: wrote %s (%zu pages: %zu overview, %zu bars, "
			"%zu trend charts of %zu indicators)\n",
		argv[2], doc->n_pages, g.n_overview, g.n_bars, g.n_trend, p->n_indicators);
	rc = g.n_trend == p->n_indicators ? 0 : 1;
out:
	diag_print(&dg, stderr);
	dl_doc_free(doc);
	story_free(g.s);
	gallery_release(&g);
	text_engine_free(te);
	fontset_free(fs);
	plan_free(p);
	diag_list_release(&dg);
	return rc;
}
