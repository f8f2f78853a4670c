/* test_grading_rules.c - the six rules of GRADING.md, each stated as data in
 * a small plan of tests/fixtures/grading/, graded by the one evaluator and
 * described by the one describer (issue 16).
 *
 * Every worked case of GRADING.md is an indicator of its section's plan,
 * with the case's actual in its actuals file; the mark shiryo computes is
 * compared with the mark GRADING.md gives.  The description printed for the
 * rule (cover note, legend, column heads) is compared with what the section
 * says the rule is.  A plan without a rule gets no mark, legend or head.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "cu_main.h"
#include "diag.h"
#include "figures.h"
#include "fy.h"
#include "load.h"
#include "plan.h"

#define FX "tests/fixtures/grading/"

static struct plan *load(const char *path, struct diag_list *dg)
{
	diag_list_init(dg);
	struct plan *p = plan_load(path, dg);
	if (!p || dg->errors)
		diag_print(dg, stdout);
	return p;
}

static struct plan *load_quiet(const char *path)
{
	struct diag_list dg;
	struct plan *p = load(path, &dg);
	CU_ASSERT_EQUAL(dg.errors, 0);
	CU_ASSERT_EQUAL(dg.warnings, 0);
	diag_list_release(&dg);
	return p;
}

static int fy_of(const char *s)
{
	int fy = 0;
	CU_ASSERT_EQUAL(fy_parse(s, &fy), 0);
	return fy;
}

/* The mark of indicator id in year (NULL: none); *st gets the state. */
static const char *mark(const struct plan *p, struct arena *a, const char *id,
			const char *year, enum fig_state *st)
{
	const struct indicator *ind = plan_find_indicator(p, id);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ind);
	struct fig_indicator fi;
	fig_indicator_compute(p, ind, fy_of(year), a, &fi);
	if (st)
		*st = fi.state;
	return fi.mark;
}

struct want {
	const char *id, *year, *mark;
};

static void expect_marks(const struct plan *p, const struct want *w, size_t n)
{
	struct arena *a = arena_new();
	for (size_t i = 0; i < n; i++) {
		const char *m = mark(p, a, w[i].id, w[i].year, NULL);
		if (!m || strcmp(m, w[i].mark) != 0)
			printf("\n  %s in %s: mark %s, GRADING.md says %s\n", w[i].id,
			       w[i].year, m ? m : "(none)", w[i].mark);
		CU_ASSERT_PTR_NOT_NULL(m);
		if (m)
			CU_ASSERT_STRING_EQUAL(m, w[i].mark);
	}
	arena_free(a);
}

/* The description of rule g (NULL: the plan's) holds every phrase. */
static void expect_words(const struct plan *p, const struct grading *g, const char *year,
			 const char *const *phrases)
{
	struct arena *a = arena_new();
	struct fig_description d;
	fig_describe(p, g, fy_of(year), a, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d.note);
	for (size_t i = 0; phrases[i]; i++) {
		if (!strstr(d.note, phrases[i]))
			printf("\n  missing '%s' in the note:\n  %s\n", phrases[i], d.note);
		CU_ASSERT_PTR_NOT_NULL(strstr(d.note, phrases[i]));
	}
	arena_free(a);
}

/* The legend holds an entry "MARK TEXT" for each pair. */
static void expect_legend(const struct plan *p, const char *const *pairs)
{
	struct arena *a = arena_new();
	struct fig_description d;
	fig_describe(p, NULL, p->from, a, &d);
	for (size_t i = 0; pairs[i]; i += 2) {
		bool found = false;
		for (size_t k = 0; k < d.n_legend; k++)
			found |= d.legend[k].mark && !strcmp(d.legend[k].mark, pairs[i]) &&
				 strstr(d.legend[k].text, pairs[i + 1]) != NULL;
		if (!found)
			printf("\n  legend lacks %s %s\n", pairs[i], pairs[i + 1]);
		CU_ASSERT_TRUE(found);
	}
	arena_free(a);
}

/* 1. Nagayo: bands around the baseline. */
static void test_nagayo(void)
{
	struct plan *p = load_quiet(FX "grading-nagayo.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	static const struct want w[] = {
		{"n-160", "R5", "S"}, {"n-120", "R5", "A"}, {"n-100", "R5", "B"},
		{"n-95", "R5", "B"}, {"n-85", "R5", "C"}, {"n-none", "R5", "―"}, /* written −: the profile's dash */
		{"l-25", "R5", "S"}, {"l-45", "R5", "A"}, {"l-53", "R5", "B"},
		{"l-60", "R5", "C"},
	};
	expect_marks(p, w, sizeof w / sizeof w[0]);
	static const char *const words[] = {
		"S（目標値を達成）：目標値に達した",
		"A（基準値より改善）：基準値より改善",
		"B（基準値と同水準）：基準値と同じか、悪化が基準値の10％以内",
		"C（基準値より悪化）：悪化が基準値の10％を超える",
		NULL,
	};
	expect_words(p, NULL, "R5", words);
	static const char *const legend[] = {"S", "目標値を達成", "C", "基準値より悪化", NULL};
	expect_legend(p, legend);
	/* no ratio is computed, so there is no ratio column or bar chart */
	struct arena *a = arena_new();
	struct fig_description d;
	fig_describe(p, NULL, fy_of("R5"), a, &d);
	CU_ASSERT_PTR_NULL(d.ratio_head);
	CU_ASSERT_PTR_NULL(d.axis_title);
	CU_ASSERT_STRING_EQUAL(d.name, "評価");
	arena_free(a);
	plan_free(p);
}

/* 2. Tama: T × y ÷ n from zero over the target's own period. */
static void test_tama(void)
{
	struct plan *p = load_quiet(FX "grading-tama.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	static const struct want w[] = {
		{"t-420", "R3", "①"}, {"t-300", "R3", "②"}, {"t-200", "R3", "③"},
	};
	expect_marks(p, w, sizeof w / sizeof w[0]);
	/* the ratios of the worked cases: 105 %, 75 %, 50 % of 400 */
	const struct measure *m = &plan_find_indicator(p, "t-300")->measures[0];
	struct fig_measure f;
	fig_measure_compute(p, m, fy_of("R3"), &f);
	CU_ASSERT_TRUE(f.has_reference);
	CU_ASSERT_EQUAL(decimal_cmp(f.reference, (struct decimal){400, 0}), 0);
	CU_ASSERT_TRUE(f.basis.ok && f.basis.percent.units == 75 && f.basis.percent.scale == 0);
	static const char *const words[] = {
		"達成度＝実績÷当該年度の目安",
		"目標値を目標の期間の年数で均等に割り振った値（目標値×経過年数÷期間の年数）",
		"①（順調）：100％以上",
		"②（概ね順調）：60％以上100％未満",
		"③（遅れ）：60％未満",
		NULL,
	};
	expect_words(p, NULL, "R3", words);
	struct arena *a = arena_new();
	struct fig_description d;
	fig_describe(p, NULL, fy_of("R3"), a, &d);
	CU_ASSERT_STRING_EQUAL(d.ratio_head, "達成度");
	CU_ASSERT_STRING_EQUAL(d.axis_title, "達成度（R3年度の目安に対する）");
	arena_free(a);
	plan_free(p);
}

/* 3. Fuji: progress against the intermediate target in force. */
static void test_fuji(void)
{
	struct plan *p = load_quiet(FX "grading-fuji.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	static const struct want w[] = {
		{"f-190", "R4", "Ａ"}, {"f-160", "R4", "Ｂ"}, {"f-130", "R4", "Ｃ"},
		{"f-110", "R4", "Ｄ"}, {"f-other", "R4", "他"},
	};
	expect_marks(p, w, sizeof w / sizeof w[0]);
	struct arena *a = arena_new();
	/* 90 %: against the intermediate 200, not the final 300 */
	struct fig_measure f;
	fig_measure_compute(p, &plan_find_indicator(p, "f-190")->measures[0], fy_of("R4"), &f);
	CU_ASSERT_TRUE(f.interim);
	CU_ASSERT_TRUE(f.basis.ok && f.basis.percent.units == 90);
	/* after the intermediate year, the final target is in force */
	fig_measure_compute(p, &plan_find_indicator(p, "f-190")->measures[0], fy_of("R5"), &f);
	CU_ASSERT_FALSE(f.interim);
	/* "other" keeps its reason, for the page */
	enum fig_state st;
	mark(p, a, "f-other", "R4", &st);
	CU_ASSERT_EQUAL(st, FIG_STATUS);
	fig_measure_compute(p, &plan_find_indicator(p, "f-other")->measures[0], fy_of("R4"), &f);
	CU_ASSERT_STRING_EQUAL(f.entered_reason, "今年度の更新値なし");
	/* counts per bin for the whole plan */
	struct fig_summary s;
	fig_summary_compute(p, NULL, fy_of("R4"), a, &s);
	CU_ASSERT_EQUAL(s.total, 5);
	CU_ASSERT_EQUAL(s.counts[0], 1);
	CU_ASSERT_EQUAL(s.counts[1], 1);
	CU_ASSERT_EQUAL(s.counts[2], 1);
	CU_ASSERT_EQUAL(s.counts[3], 1);
	CU_ASSERT_EQUAL(s.statuses, 1);
	CU_ASSERT_EQUAL(s.within[0], 0); /* 90 % is not 100 % or more */
	arena_free(a);
	static const char *const words[] = {
		"進捗率＝（実績－基準値）÷（目標値－基準値）",
		"Ａ（80％以上）：80％以上（うち100％以上：100％以上）",
		"Ｂ（50％以上80％未満）：50％以上80％未満",
		"Ｃ（20％以上50％未満）：20％以上50％未満",
		"Ｄ（20％未満）：20％未満",
		"中間目標値のある指標は、その年度までは中間目標値に対して評価する",
		"他：その他（理由を記載）",
		NULL,
	};
	expect_words(p, NULL, "R4", words);
	plan_free(p);
}

/* 4. Akiruno: the department's marks and statuses, never computed. */
static void test_akiruno(void)
{
	struct plan *p = load_quiet(FX "grading-akiruno.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	static const struct want w[] = {
		{"a-s", "R5", "S"}, {"a-a", "R5", "A"}, {"a-b", "R5", "B"}, {"a-c", "R5", "C"},
		{"a-f", "R5", "F"}, {"a-x", "R5", "X"}, {"a-y", "R5", "Y"}, {"a-z", "R5", "Z"},
	};
	expect_marks(p, w, sizeof w / sizeof w[0]);
	/* no mark entered for a year: no mark is invented */
	struct arena *a = arena_new();
	enum fig_state st;
	const char *m = mark(p, a, "a-s", "R6", &st);
	CU_ASSERT_EQUAL(st, FIG_NO_DATA);
	CU_ASSERT_STRING_EQUAL(m, "―"); /* the profile's mark (typo.h) */
	struct fig_measure f;
	fig_measure_compute(p, &plan_find_indicator(p, "a-y")->measures[0], fy_of("R5"), &f);
	CU_ASSERT_STRING_EQUAL(f.entered_reason, "国の制度変更により中止");
	arena_free(a);
	static const char *const words[] = {
		"評価は所管課が行い、その理由を併記する",
		"S：目標を上回る見込み", "A：目標を達成する見込み", "B：改善が必要",
		"C：大幅な改善が必要", "F：完了", "X：未着手", "Y：中止", "Z：評価困難",
		NULL,
	};
	expect_words(p, NULL, "R5", words);
	plan_free(p);
}

/* 5. Matsudo: no grades, an arrow against the previous value. */
static void test_matsudo(void)
{
	struct plan *p = load_quiet(FX "grading-matsudo.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	static const struct want w[] = {{"m-1", "R4", "↑"}, {"m-1", "R5", "↓"}};
	expect_marks(p, w, sizeof w / sizeof w[0]);
	static const char *const words[] = {
		"評価はせず、前回の値と比べた増減を矢印で示す",
		"↑（増加）：前回の値より増加", "↓（減少）：前回の値より減少",
		"→（横ばい）：前回の値と同じ",
		NULL,
	};
	expect_words(p, NULL, "R5", words);
	struct arena *a = arena_new();
	struct fig_description d;
	fig_describe(p, NULL, fy_of("R5"), a, &d);
	CU_ASSERT_PTR_NULL(d.ratio_head);
	CU_ASSERT_STRING_EQUAL(d.name, "前回比");
	arena_free(a);
	plan_free(p);
}

/* 6. Pass / fail, and a per-indicator rule beside the default. */
static void test_pass_fail(void)
{
	struct plan *p = load_quiet(FX "grading-passfail.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	static const struct want w[] = {
		{"p-2300", "R5", "達成"}, {"p-2215", "R5", "達成"}, {"p-2100", "R5", "未達成"},
		{"p-survey", "R5", "b"},
	};
	expect_marks(p, w, sizeof w / sizeof w[0]);
	static const char *const words[] = {
		"実績が目標値以上かどうかで評価する",
		"達成（目標値以上）：実績が目標値に達した",
		"未達成（目標値未満）：実績が目標値に達していない",
		NULL,
	};
	expect_words(p, NULL, "R5", words);
	CU_ASSERT_EQUAL_FATAL(p->n_rules, 1);
	static const char *const survey[] = {
		"a（改善）：改善が3ポイント以上", "b（横ばい）：基準値との差が3ポイント未満",
		"c（悪化）：悪化が3ポイント以上", NULL,
	};
	expect_words(p, &p->rules[0], "R5", survey);
	plan_free(p);
}

/* No rule: no mark, no legend, no heads, and `check` says so. */
static void test_no_rule(void)
{
	struct diag_list dg;
	struct plan *p = load(FX "welfare-plan.xml", &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	diag_list_release(&dg);
	/* the welfare plan with its rule taken away */
	p->grading.method = GRADE_NONE;
	p->grading.stated = false;
	struct arena *a = arena_new();
	for (size_t i = 0; i < p->n_indicators; i++) {
		struct fig_indicator fi;
		fig_indicator_compute(p, &p->indicators[i], fy_of("R7"), a, &fi);
		CU_ASSERT_PTR_NULL(fi.mark);
		CU_ASSERT_EQUAL(fi.state, FIG_UNGRADED);
	}
	struct fig_description d;
	fig_describe(p, NULL, fy_of("R7"), a, &d);
	CU_ASSERT_PTR_NULL(d.note);
	CU_ASSERT_PTR_NULL(d.name);
	CU_ASSERT_PTR_NULL(d.ratio_head);
	CU_ASSERT_EQUAL(d.n_legend, 0);
	CU_ASSERT_FALSE(fig_plan_grades(p));
	diag_list_init(&dg);
	fig_check_plan(p, &dg);
	CU_ASSERT_EQUAL(dg.count, 1);
	CU_ASSERT_EQUAL(dg.items[0].severity, DIAG_NOTE);
	CU_ASSERT_PTR_NOT_NULL(strstr(dg.items[0].message, "no marks"));
	diag_list_release(&dg);
	arena_free(a);
	plan_free(p);
}

/* The welfare plan: a ±3-point band (a change under 3 points is no
 * change), and the values sources write. */
static void test_welfare_values(void)
{
	struct plan *p = load_quiet(FX "welfare-plan.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	static const struct want w[] = {
		{"w-2", "R5", "a"},  /* △98 against △120: 22 better */
		{"w-2", "R6", "c"},  /* △131: 11 worse */
		{"w-2", "R7", "a"},  /* △117: 3 better, not under 3 */
		{"w-3", "R6", "b"},  /* 1.29 against 1.36: under 3 points */
		{"w-4", "R6", "a"},  /* 設置, done in R6 */
		{"w-1", "R7", "―"}, /* only a forecast (見込) in R7 */
		{"w-5", "R7", "a"},  /* the R5 survey, 56.1 against 52.0 */
	};
	expect_marks(p, w, sizeof w / sizeof w[0]);
	const struct measure *m = &plan_find_indicator(p, "w-2")->measures[0];
	CU_ASSERT_STRING_EQUAL(m->neg_sign, "△");
	CU_ASSERT_EQUAL(m->baseline.value.units, -120);
	CU_ASSERT_TRUE(m->calendar_year);
	const struct measure *u = &plan_find_indicator(p, "w-3")->measures[0];
	CU_ASSERT_TRUE(u->unitless);
	CU_ASSERT_STRING_EQUAL(u->unit, "");
	CU_ASSERT_STRING_EQUAL(plan_find_indicator(p, "w-4")->measures[0].milestone, "設置");
	/* the forecast is kept apart from the year's actual (issue 17) */
	const struct measure *w1 = &plan_find_indicator(p, "w-1")->measures[0];
	const struct provisional *n = measure_provisional(w1, fy_of("R7"), ACTUAL_FORECAST);
	CU_ASSERT_PTR_NOT_NULL_FATAL(n);
	CU_ASSERT_EQUAL(n->value.units, 460);
	CU_ASSERT_PTR_NULL(measure_provisional(w1, fy_of("R7"), ACTUAL_INTERIM));
	CU_ASSERT_PTR_NULL(measure_actual(w1, fy_of("R7")));
	struct fig_measure f;
	fig_measure_compute(p, &plan_find_indicator(p, "w-5")->measures[0], fy_of("R7"), &f);
	CU_ASSERT_EQUAL(f.value_fy, fy_of("R5"));
	CU_ASSERT_STRING_EQUAL(plan_find_indicator(p, "w-5")->measures[0].latest, "調査");
	CU_ASSERT_STRING_EQUAL(plan_word(p, LEVEL_PILLAR, "x"), "基本目標");
	CU_ASSERT_STRING_EQUAL(plan_word(p, LEVEL_DIRECTION, "x"), "施策");
	CU_ASSERT_EQUAL(p->words.n_partners, 0);
	plan_free(p);
}

/* The city plan states how each of its kinds is graded, and the cover
 * says it: maintain, rate and cumulative. */
static void test_city_kinds_stated(void)
{
	struct plan *p = load_quiet("xml/kagoshima-city-plan2.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(p->grading.cumulative.stated);
	CU_ASSERT_TRUE(p->grading.rate.stated);
	CU_ASSERT_TRUE(p->grading.maintain_stated);
	static const char *const words[] = {
		"進捗率＝（実績－基準値）÷（当該年度の目安－基準値）",
		"累計の目標は、実績の累計÷当該年度までの目安",
		"毎年の目標（○件/年など）は、（実績－基準値）÷（毎年の目標値－基準値）",
		"維持の目標は、当該年度の目安との差が±1.0％以内ならA",
		NULL,
	};
	expect_words(p, NULL, "R7", words);
	plan_free(p);
}

/* A rule that leaves a kind unstated: a warning at the indicator. */
static void test_unstated_kind_warns(void)
{
	const char *path = "tests/fixtures/plan-good.xml";
	struct diag_list dg;
	struct plan *p = load(path, &dg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(dg.warnings, 0); /* it states all its kinds */
	diag_list_release(&dg);
	plan_free(p);
	/* the same plan without its <cumulative> statement */
	FILE *in = fopen(path, "rb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(in);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, in);
	fclose(in);
	buf[n] = '\0';
	char *at = strstr(buf, "<cumulative ");
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	char *end = strstr(at, "/>") + 2;
	memset(at, ' ', (size_t)(end - at));
	char tmp[] = "/tmp/shiryo-grading-XXXXXX";
	int fd = mkstemp(tmp);
	CU_ASSERT_FATAL(fd >= 0);
	FILE *out = fdopen(fd, "wb");
	fwrite(buf, 1, n, out);
	fclose(out);
	/* its actuals file is not beside the copy: only the plan's own
	 * messages are looked at */
	diag_list_init(&dg);
	p = plan_load(tmp, &dg);
	bool warned = false;
	for (size_t i = 0; i < dg.count; i++)
		warned |= dg.items[i].severity == DIAG_WARNING &&
			  strstr(dg.items[i].message, "has a cumulative target, but the plan's "
						      "<grading> does not say how one is graded") &&
			  dg.items[i].line > 0;
	CU_ASSERT_TRUE(warned);
	diag_list_release(&dg);
	plan_free(p);
	remove(tmp);
}

static const struct cu_case cases[] = {
	{"1 Nagayo: bands around the baseline", test_nagayo},
	{"2 Tama: target shared out from zero", test_tama},
	{"3 Fuji: intermediate targets, other with reason", test_fuji},
	{"4 Akiruno: marks and statuses entered", test_akiruno},
	{"5 Matsudo: arrows only", test_matsudo},
	{"6 pass / fail, and a per-indicator rule", test_pass_fail},
	{"no rule: no mark, legend or head", test_no_rule},
	{"welfare plan: ±3 points and the values sources write", test_welfare_values},
	{"city plan: every kind's rule stated", test_city_kinds_stated},
	{"an unstated kind warns at the indicator", test_unstated_kind_warns},
	{NULL, NULL},
};

CU_MAIN("grading rules", cases)
