/* alt.c - what a chart shows, in Japanese sentences written from the same
 * data it is drawn from: the alternative text of its Figure in a tagged
 * PDF and the <title>/<desc> of its SVG in the HTML edition (chart.h).
 *
 * A screen reader meets a chart as its alternative text and skips what is
 * drawn (axis numbers, legends), so the text says what a sighted reader
 * takes from the chart: for a trend, the indicator, its baseline, the
 * latest actual and its year, the target and its year, and the grade; for
 * the achievement bars, each indicator's ratio and grade; for the grade
 * overview, each pillar's count per grade.  Values are written as the plan
 * writes them (its texts where it has them), marks and labels are the
 * plan's own grading words, and sample values say so.
 */
#include <string.h>

#include "arena.h"
#include "chart_int.h"
#include "figures.h"
#include "fy.h"
#include "plan.h"
#include "typo.h"

static const char *era(struct arena *a, int fy)
{
	char buf[40];
	if (fy_format(fy, FY_STYLE_ERA, buf, sizeof buf) < 0)
		return arena_printf(a, "%d年度", fy);
	return arena_strdup(a, buf);
}

/* A figure as the pages print it (the plan's profile). */
static const char *num(struct arena *a, const struct plan *p, struct decimal d)
{
	char buf[TYPO_FIGURE_MAX];
	typo_number(plan_typo(p), d, buf, sizeof buf);
	return arena_strdup(a, buf);
}

static const char *cat(struct arena *a, const char *s, const char *t)
{
	return arena_printf(a, "%s%s", s, t);
}

static const char *grade_word(const struct plan *p, const char *mark,
			      int level)
{
	if (!mark)
		return NULL;
	const struct grading *g = &p->grading;
	if (level >= 0 && (size_t)level < g->n_levels && g->levels[level].label)
		return g->levels[level].label;
	if (g->no_data_mark && !strcmp(mark, g->no_data_mark) && g->no_data_label)
		return g->no_data_label;
	if (g->not_assessable_mark && !strcmp(mark, g->not_assessable_mark) &&
	    g->not_assessable_label)
		return g->not_assessable_label;
	return NULL;
}

/* 「評価はA（計画どおり以上）」 */
static const char *grade(struct arena *a, const struct plan *p,
			 const char *mark, int level)
{
	if (!mark)
		return "";
	const char *w = grade_word(p, mark, level);
	return w && strcmp(w, mark) ? arena_printf(a, "%s（%s）", mark, w)
				    : mark;
}

static const char *measure_text(struct arena *a, const struct chart *c,
				const struct measure *m, bool *sample)
{
	const char *s = "";
	const struct typo *t = plan_typo(c->p);
	const char *unit = typo_unit(t, m->unit ? m->unit : "");
	if (m->name)
		s = arena_printf(a, "%s：", m->name);
	if (m->baseline.kind != BASELINE_UNKNOWN) {
		const char *v = m->baseline.text ? typo_figure_text(t, m->baseline.text, a)
			: arena_printf(a, "%s%s", num(a, c->p, m->baseline.value), unit);
		s = cat(a, s, arena_printf(a, "基準値は%s", v));
		if (m->baseline.fy && !m->baseline.text)
			s = cat(a, s, arena_printf(a, "（%s）", era(a, m->baseline.fy)));
		s = cat(a, s, "、");
	}
	const struct actual *last = NULL;
	for (size_t i = 0; i < m->n_actuals; i++)
		if (m->actuals[i].known && m->actuals[i].fy <= c->o.fy)
			last = &m->actuals[i];
	if (last) {
		s = cat(a, s, arena_printf(a, "%sの実績は%s%s%s、", era(a, last->fy),
					   num(a, c->p, last->value), unit,
					   last->illustrative ? "（例示値）" : ""));
		*sample |= last->illustrative;
	} else {
		s = cat(a, s, "実績値はまだなく、");
	}
	if (m->target.text)
		s = cat(a, s, arena_printf(a, "目標は%s", typo_figure_text(t, m->target.text, a)));
	else
		s = cat(a, s, arena_printf(a, "目標は%s%s", num(a, c->p, m->target.value),
					   unit));
	/* a text with a bracket names its year itself: 「27,300事業所（R8）」 */
	if (m->target.fy && !(m->target.text && (strstr(m->target.text, "（") ||
						 strchr(m->target.text, '('))))
		s = cat(a, s, arena_printf(a, "（%s）", era(a, m->target.fy)));
	return s;
}

static const char *trend_alt(struct arena *a, const struct chart *c)
{
	const struct indicator *ind = c->ind;
	const char *s = arena_printf(a, "指標「%s%s」の実績の推移を示すグラフ。",
				     ind->no ? ind->no : "", ind->name);
	bool sample = false;
	for (size_t i = 0; i < ind->n_measures; i++)
		s = cat(a, s, cat(a, measure_text(a, c, &ind->measures[i], &sample),
				  "。"));
	struct fig_indicator fi;
	fig_indicator_latest(c->p, ind, c->o.fy, a, &fi);
	/* a value of an earlier year is graded as of that year */
	int gy = fi.deciding_part >= 0 && fi.parts[fi.deciding_part].latest
		? fi.parts[fi.deciding_part].value_fy : c->o.fy;
	if (fi.mark)
		s = cat(a, s, arena_printf(a, "%sの評価は%s。", era(a, gy),
					   grade(a, c->p, fi.mark, fi.level)));
	return s;
}

static const char *bars_alt(struct arena *a, const struct chart *c,
			    const struct chart_geom *g)
{
	const char *s = arena_printf(a, "%s%s%sの指標ごとの達成状況（%s）を示す"
				     "横棒グラフ。",
				     c->pl ? "施策の柱" : "計画全体",
				     c->pl && c->pl->no ? c->pl->no : "",
				     c->pl && c->pl->title ? c->pl->title : "",
				     era(a, c->o.fy));
	for (size_t i = 0; i < g->n_bars; i++) {
		const struct chart_bar *b = &g->bars[i];
		const struct indicator *ind = b->indicator;
		s = cat(a, s, i ? "、" : "");
		s = cat(a, s, arena_printf(a, "%s%s", ind->no ? ind->no : "",
					   ind->name));
		if (b->measure && b->measure->name)
			s = cat(a, s, arena_printf(a, "（%s）", b->measure->name));
		s = cat(a, s, "：");
		if (b->fig.basis.ok)
			s = cat(a, s, arena_printf(a, "%s%s", num(a, c->p, b->fig.basis.percent),
						   plan_typo(c->p)->percent));
		else
			s = cat(a, s, "算定なし");
		if (b->fig.mark)
			s = cat(a, s, arena_printf(a, " %s", b->fig.mark));
	}
	return g->n_bars ? cat(a, s, "。") : s;
}

static const char *seg_mark(const struct plan *p, int cls)
{
	if (cls >= 0 && (size_t)cls < p->grading.n_levels)
		return p->grading.levels[cls].mark;
	if (cls == CHART_SEG_NO_DATA)
		return p->grading.no_data_mark ? p->grading.no_data_mark : plan_typo(p)->no_data;
	if (cls == CHART_SEG_NOT_ASSESSABLE)
		return p->grading.not_assessable_mark
			       ? p->grading.not_assessable_mark : "／";
	return "評価対象外";
}

static const char *overview_alt(struct arena *a, const struct chart *c,
				const struct chart_geom *g)
{
	const char *s = arena_printf(a, "施策の柱ごとの指標の評価の内訳（%s）を"
				     "示す帯グラフ。", era(a, c->o.fy));
	for (size_t i = 0; i < g->n_rows; i++) {
		const struct chart_row *r = &g->rows[i];
		const char *name = r->pillar
			? arena_printf(a, "%s%s", r->pillar->no ? r->pillar->no : "",
				       r->pillar->title ? r->pillar->title : "")
			: "全体";
		s = cat(a, s, arena_printf(a, "%s%s：", i ? "、" : "", name));
		for (size_t k = 0; k < r->n_segs; k++)
			s = cat(a, s, arena_printf(a, "%s%s %zu", k ? "・" : "",
						   seg_mark(c->p, r->segs[k].cls),
						   r->segs[k].count));
		s = cat(a, s, arena_printf(a, "（計%zu）", r->total));
	}
	return g->n_rows ? cat(a, s, "。") : s;
}

const char *chart_alt(const struct chart *c, const struct chart_geom *g,
		      struct arena *a)
{
	const char *s = "";
	switch (c->kind) {
	case CHART_TREND:
		s = trend_alt(a, c);
		break;
	case CHART_BARS:
		s = bars_alt(a, c, g);
		break;
	case CHART_OVERVIEW:
		s = overview_alt(a, c, g);
		break;
	}
	if (g->illustrative && !strstr(s, "例示値"))
		s = cat(a, s, "実績値には例示値を含む。");
	return s;
}
