/* describe.c - every sentence printed about a grading rule (issue 16).
 *
 * The cover note, the legend, the table's column heads and the bar chart's
 * title were written in three places under three names (達成率 / 進捗率 /
 * 達成度), and the cover stated one formula while maintain, rate and
 * cumulative targets were graded by others.  Here they are written once,
 * from the same struct grading that grade.c evaluates: a rule that changes
 * changes its words.  The ratio's name follows its basis: 進捗率 for
 * progress from the baseline, 達成度 for the actual over the target.
 *
 * Only the kinds the plan's indicators under the rule use are described, so
 * a note does not explain targets the plan does not have.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "fy.h"
#include "figures_int.h"
#include "typo.h"

bool fig_rule_grades(const struct grading *g)
{
	return g && g->method != GRADE_NONE;
}

bool fig_rule_has_ratio(const struct grading *g)
{
	return g && g->method == GRADE_RATIO;
}

bool fig_plan_grades(const struct plan *p)
{
	if (fig_rule_grades(&p->grading))
		return true;
	for (size_t i = 0; i < p->n_indicators; i++)
		for (size_t k = 0; k < p->indicators[i].n_measures; k++)
			if (fig_rule_grades(measure_rule(p, &p->indicators[i].measures[k])))
				return true;
	return false;
}

/* A ratio given as a fraction of 1 (0.75) in percent with the profile's
 * sign ("75％"). */
static const char *pct(struct arena *a, const struct typo *t, struct decimal d)
{
	char buf[TYPO_FIGURE_MAX];
	struct decimal x = {d.units * 100, d.scale};
	typo_percent(t, decimal_round(x, d.scale > 2 ? d.scale - 2 : 0), buf, sizeof buf);
	return arena_strdup(a, buf);
}

/* A figure in a sentence, as the profile writes figures. */
static const char *num(struct arena *a, const struct typo *t, struct decimal d)
{
	char buf[TYPO_FIGURE_MAX];
	typo_number(t, d, buf, sizeof buf);
	return arena_strdup(a, buf);
}

static const char *cat(struct arena *a, const char *s, const char *sep, const char *t)
{
	if (!t || !*t)
		return s;
	if (!s || !*s)
		return arena_strdup(a, t);
	return arena_printf(a, "%s%s%s", s, sep, t);
}

/* Which kinds the indicators under rule g use. */
struct kinds_used {
	bool level, cumulative, rate, at_least, maintain, lower, milestone, interim;
	size_t n;
};

static struct kinds_used kinds_of(const struct plan *p, const struct grading *g)
{
	struct kinds_used k = {0};
	for (size_t i = 0; i < p->n_indicators; i++)
		for (size_t j = 0; j < p->indicators[i].n_measures; j++) {
			const struct measure *m = &p->indicators[i].measures[j];
			if (measure_rule(p, m) != g)
				continue;
			k.n++;
			k.lower |= m->goal == GOAL_LOWER;
			k.interim |= m->n_interims > 0;
			if (m->milestone) {
				k.milestone = true;
				continue;
			}
			if (m->goal == GOAL_MAINTAIN && m->target.kind != TARGET_CUMULATIVE) {
				k.maintain = true;
				continue;
			}
			switch (m->target.kind) {
			case TARGET_LEVEL: k.level = true; break;
			case TARGET_CUMULATIVE: k.cumulative = true; break;
			case TARGET_RATE: k.rate = true; break;
			case TARGET_AT_LEAST: k.at_least = true; break;
			}
		}
	return k;
}

static const char *ratio_name(enum grade_basis b)
{
	return b == GRADE_BASIS_PROGRESS ? "進捗率" : "達成度";
}

/* "（実績－基準値）÷（目標値－基準値）" with ref the word for the reference. */
static const char *formula(struct arena *a, enum grade_basis b, const char *ref)
{
	return b == GRADE_BASIS_PROGRESS
		? arena_printf(a, "（実績－基準値）÷（%s－基準値）", ref)
		: arena_printf(a, "実績÷%s", ref);
}

static const char *ref_word(int prorate)
{
	return prorate == PRORATE_NONE ? "目標値" : "当該年度の目安";
}

static const char *prorate_sentence(int prorate)
{
	switch (prorate) {
	case PRORATE_BASELINE:
		return "目安は、基準値から目標値まで目標年度に向けて毎年均等に進むとした値";
	case PRORATE_ZERO:
		return "目安は、目標値を目標の期間の年数で均等に割り振った値"
		       "（目標値×経過年数÷期間の年数）";
	}
	return NULL;
}

static int rule_prorate(const struct grading *g)
{
	return g->prorate ? (g->prorate_zero ? PRORATE_ZERO : PRORATE_BASELINE) : PRORATE_NONE;
}

/* The marks of a ratio rule: "A（計画どおり以上）：100％以上、…、D（遅れ）：50％未満" */
static const char *ratio_levels(struct arena *a, const struct typo *t,
				const struct grading *g)
{
	const char *s = "";
	for (size_t i = 0; i < g->n_levels; i++) {
		const struct grade_level *l = &g->levels[i];
		const char *range;
		if (i + 1 == g->n_levels && i > 0 && l->min.units == 0)
			range = arena_printf(a, "%s未満", pct(a, t, g->levels[i - 1].min));
		else if (i > 0)
			range = arena_printf(a, "%s以上%s未満", pct(a, t, l->min),
					     pct(a, t, g->levels[i - 1].min));
		else
			range = arena_printf(a, "%s以上", pct(a, t, l->min));
		s = cat(a, s, "、", arena_printf(a, "%s（%s）：%s", l->mark,
						 l->label ? l->label : "", range));
		const struct grade_case *gc = g->cases ? &g->cases[i] : NULL;
		if (gc && gc->has_within)
			s = arena_printf(a, "%s（%s：%s以上）", s,
					 gc->within_label ? gc->within_label : "うち",
					 pct(a, t, gc->within_min));
	}
	return s;
}

/* The band's width in words: "基準値の10％", "3ポイント". */
static const char *band_width(struct arena *a, const struct typo *t,
			      const struct grading *g)
{
	return g->band_absolute ? arena_printf(a, "%sポイント", num(a, t, g->band_width))
				: arena_printf(a, "基準値の%s%s", num(a, t, g->band_width), t->percent);
}

/* The case a non-ratio level stands for, in words.  A relative band is a
 * share of the baseline ("基準値の10％"), an absolute one in points. */
static const char *when_words(struct arena *a, const struct typo *t,
			      const struct grading *g, enum grade_when w)
{
	const char *bw = band_width(a, t, g);
	bool in = g->band_inclusive;
	switch (w) {
	case WHEN_TARGET: return "目標値に達した";
	case WHEN_BETTER:
		return !g->band_both ? "基準値より改善"
				     : arena_printf(a, "改善が%s%s", bw, in ? "を超える" : "以上");
	case WHEN_SAME:
		return g->band_both ? arena_printf(a, "基準値との差が%s%s", bw, in ? "以内" : "未満")
				    : arena_printf(a, "基準値と同じか、悪化が%s%s", bw,
						   in ? "以内" : "未満");
	case WHEN_WORSE:
		return arena_printf(a, "悪化が%s%s", bw, in ? "を超える" : "以上");
	case WHEN_MET: return "実績が目標値に達した";
	case WHEN_NOT_MET: return "実績が目標値に達していない";
	case WHEN_UP: return "前回の値より増加";
	case WHEN_DOWN: return "前回の値より減少";
	case WHEN_FLAT: return "前回の値と同じ";
	case WHEN_MIN: case WHEN_ENTERED: return NULL;
	}
	return NULL;
}

static const char *when_levels(struct arena *a, const struct typo *t,
			       const struct grading *g)
{
	const char *s = "";
	for (size_t i = 0; i < g->n_levels; i++) {
		const struct grade_level *l = &g->levels[i];
		const char *w = when_words(a, t, g, grade_when_of(g, i));
		s = cat(a, s, "、", w ? arena_printf(a, "%s（%s）：%s", l->mark,
						     l->label ? l->label : "", w)
				       : arena_printf(a, "%s：%s", l->mark,
						      l->label ? l->label : ""));
	}
	return s;
}

static const char *statuses(struct arena *a, const struct grading *g)
{
	const char *s = "";
	for (size_t i = 0; i < g->n_statuses; i++)
		s = cat(a, s, "、", arena_printf(a, "%s：%s", g->statuses[i].mark,
						 g->statuses[i].label ? g->statuses[i].label : ""));
	return s;
}

/* How each kind the rule's indicators use is graded (ratio method). */
static const char *kinds_text(struct arena *a, const struct typo *t, const struct grading *g,
			      const struct kinds_used *k)
{
	const char *s = "";
	int pr = rule_prorate(g);
	if (k->cumulative) {
		int cp = g->cumulative.stated ? g->cumulative.prorate : pr;
		s = cat(a, s, "", cp == PRORATE_NONE
			? "累計の目標は、実績の累計÷目標値で評価する。"
			: "累計の目標は、実績の累計÷当該年度までの目安（目標値×経過年数÷期間の年数）で評価する。");
	}
	if (k->rate) {
		enum grade_basis b = g->rate.stated ? g->rate.basis : g->basis;
		s = cat(a, s, "", arena_printf(a, "毎年の目標（○件/年など）は、%sで評価する。",
					       formula(a, b, "毎年の目標値")));
	}
	if (k->at_least) {
		enum grade_basis b = g->at_least.stated ? g->at_least.basis : GRADE_BASIS_ACHIEVEMENT;
		int ap = g->at_least.stated ? g->at_least.prorate : pr;
		s = cat(a, s, "", arena_printf(a, "「以上」の目標は、%sで評価する。",
					       formula(a, b, ref_word(ap))));
	}
	if (k->maintain) {
		int mp = g->maintain_stated ? g->maintain_prorate : pr;
		const char *ref = mp == PRORATE_NONE ? "目標値" : "当該年度の目安";
		s = cat(a, s, "", arena_printf(a,
			"維持の目標は、%sとの差が±%s%s以内なら%s、それを超えると"
			"1－｜実績－%s｜÷%sで評価する。", ref, num(a, t, g->maintain_tolerance), t->percent,
			g->n_levels ? g->levels[0].mark : "最上位", ref, ref));
	}
	return s;
}

/* Sentences every method shares: milestones and intermediate targets. */
static const char *common_text(struct arena *a, const struct grading *g,
			       const struct kinds_used *k)
{
	const char *s = "";
	if (k->milestone && g->n_levels) {
		int best = 0, worst = (int)g->n_levels - 1;
		for (size_t i = 0; g->method == GRADE_PASS_FAIL && i < g->n_levels; i++) {
			if (grade_when_of(g, i) == WHEN_MET)
				best = (int)i;
			if (grade_when_of(g, i) == WHEN_NOT_MET)
				worst = (int)i;
		}
		s = cat(a, s, "", arena_printf(a, "設置・策定などの目標は、済みなら%s、"
					       "目標年度を過ぎて未了なら%sとする。",
					       g->levels[best].mark, g->levels[worst].mark));
	}
	if (k->interim)
		s = cat(a, s, "", "中間目標値のある指標は、その年度までは中間目標値に対して評価する。");
	return s;
}

void fig_describe(const struct plan *p, const struct grading *g, int fy,
		  struct arena *a, struct fig_description *out)
{
	memset(out, 0, sizeof *out);
	if (!g)
		g = &p->grading;
	out->rule = g;
	if (!fig_rule_grades(g))
		return;
	struct kinds_used k = kinds_of(p, g);
	const struct typo *t = plan_typo(p);
	char year[16];
	if (fy_format(fy, FY_STYLE_SHORT, year, sizeof year) < 0)
		year[0] = '\0';
	int pr = rule_prorate(g);
	const char *method = NULL, *marks = NULL;
	out->name = "評価";

	switch (g->method) {
	case GRADE_RATIO: {
		const char *rn = ratio_name(g->basis);
		out->ratio_head = rn;
		out->axis_title = pr != PRORATE_NONE
			? arena_printf(a, "%s（%s年度の目安に対する）", rn, year)
			: arena_printf(a, "%s（目標に対する・%s年度）", rn, year);
		method = arena_printf(a, "%s＝%s", rn, formula(a, g->basis, ref_word(pr)));
		if (g->basis == GRADE_BASIS_ACHIEVEMENT && k.lower)
			method = arena_printf(a, "%s（低いほど良い指標は%s÷実績）", method,
					      ref_word(pr));
		const char *ps = prorate_sentence(pr);
		method = ps ? arena_printf(a, "%s。%s。", method, ps)
			    : arena_printf(a, "%s。", method);
		if (g->n_levels)
			marks = arena_printf(a, "評価は%s。", ratio_levels(a, t, g));
		out->kinds = kinds_text(a, t, g, &k);
		break;
	}
	case GRADE_BAND:
		method = "基準値・目標値と比べた実績の位置で評価する。";
		marks = arena_printf(a, "評価は%s。", when_levels(a, t, g));
		break;
	case GRADE_PASS_FAIL:
		method = k.lower ? "目標値を達成したか（低いほど良い指標は目標値以下か）で評価する。"
				 : "実績が目標値以上かどうかで評価する。";
		marks = arena_printf(a, "%s。", when_levels(a, t, g));
		break;
	case GRADE_ENTERED:
		method = "評価は所管課が行い、その理由を併記する。";
		marks = arena_printf(a, "%s。", when_levels(a, t, g));
		break;
	case GRADE_DIRECTION:
		out->name = "前回比";
		method = "評価はせず、前回の値と比べた増減を矢印で示す。";
		marks = arena_printf(a, "%s。", when_levels(a, t, g));
		break;
	case GRADE_NONE:
		return;
	}
	out->method = method;
	if (g->method != GRADE_ENTERED && g->method != GRADE_DIRECTION)
		out->kinds = cat(a, out->kinds, "", common_text(a, g, &k));
	const char *st = statuses(a, g);
	if (*st)
		marks = cat(a, marks, "", arena_printf(a, "このほか%s。", st));
	const char *nd = fig_rule_mark(g, FIG_NO_DATA, -1);
	const char *na = fig_rule_mark(g, FIG_NOT_ASSESSABLE, -1);
	const char *tail = g->method == GRADE_ENTERED
		? arena_printf(a, "評価が未入力の指標は「%s」と表示する。", nd)
		: arena_printf(a, "実績が未確定の指標は「%s」、算定できない指標は「%s」と表示する。",
			       nd, na);
	out->note = cat(a, cat(a, cat(a, method, "", marks), "", out->kinds), "", tail);

	/* the legend: the levels, the statuses, then no data / not assessable */
	size_t n = g->n_levels + g->n_statuses + 2;
	out->legend = arena_calloc(a, n, sizeof *out->legend);
	for (size_t i = 0; i < g->n_levels; i++) {
		const struct grade_level *l = &g->levels[i];
		struct fig_legend_entry *e = &out->legend[out->n_legend++];
		e->mark = l->mark;
		e->level = (int)i;
		e->state = FIG_GRADED;
		const char *label = l->label ? l->label : "";
		if (g->method == GRADE_RATIO && g->n_levels > 1) {
			if (i + 1 == g->n_levels && i > 0)
				e->text = arena_printf(a, "%s（%s未満）", label,
						       pct(a, t, g->levels[i - 1].min));
			else
				e->text = arena_printf(a, "%s（%s以上）", label, pct(a, t, l->min));
		} else {
			e->text = label;
		}
	}
	for (size_t i = 0; i < g->n_statuses; i++) {
		struct fig_legend_entry *e = &out->legend[out->n_legend++];
		e->mark = g->statuses[i].mark;
		e->text = g->statuses[i].label ? g->statuses[i].label : "";
		e->level = -1;
		e->state = FIG_STATUS;
	}
	struct fig_legend_entry *e = &out->legend[out->n_legend++];
	e->mark = nd;
	e->text = g->method == GRADE_ENTERED ? "未入力"
		: g->no_data_label ? g->no_data_label : "実績なし";
	e->level = -1;
	e->state = FIG_NO_DATA;
	if (g->method != GRADE_ENTERED) {
		e = &out->legend[out->n_legend++];
		e->mark = na;
		e->text = g->not_assessable_label ? g->not_assessable_label : "評価不能";
		e->level = -1;
		e->state = FIG_NOT_ASSESSABLE;
	}
}

void fig_check_rules(const struct plan *p, struct diag_list *dg)
{
	if (!p->grading.stated && p->grading.method == GRADE_NONE)
		diag_add(dg, DIAG_NOTE, p->file, 0, 0,
			 "the plan states no grading rule (<grading>): no marks, no legend "
			 "and no grade column will be printed");
}
