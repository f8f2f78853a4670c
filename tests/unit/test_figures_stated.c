/* test_figures_stated.c - recomputing published achievement figures.
 *
 * The prefecture's table of its previous policy's results (現行振興方針の目標
 * 達成状況, 目標年度 R2), built here row by row exactly as
 * xml/kagoshima-pref-manufacturing.xml encodes it, and recomputed from its own
 * values: four rows are 実績 ÷ 目標; 製造品出荷額's 103.8% follows from no
 * formula and is the one warning.
 */
#include <string.h>

#include "arena.h"
#include "cu_main.h"
#include "diag.h"
#include "figures.h"
#include "plan.h"

#define Y_H26 2014
#define Y_H28 2016
#define Y_H30 2018
#define Y_R1 2019
#define Y_R2 2020

static struct decimal dec(int64_t units, int scale)
{
	return (struct decimal){units, scale};
}

static bool pct_is(struct fig_ratio r, int64_t units, int scale)
{
	return r.ok && r.percent.units == units && r.percent.scale == scale;
}

static struct past_result level_row(const char *id, const char *name, int64_t base,
				    int64_t target, int64_t actual, int actual_fy,
				    int64_t stated, int line)
{
	struct past_result r = {0};
	r.id = id;
	r.name = name;
	r.baseline.kind = BASELINE_LEVEL;
	r.baseline.value = dec(base, 0);
	r.baseline.fy = Y_H26;
	r.target.kind = TARGET_LEVEL;
	r.target.value = dec(target, 0);
	r.target.fy = Y_R2;
	r.actual = dec(actual, 0);
	r.actual_from = r.actual_to = actual_fy;
	r.stated_achievement = dec(stated, 1);
	r.pos = (struct src_pos){"xml/kagoshima-pref-manufacturing.xml", line, 5};
	return r;
}

/* 625件（125件/年） → 675件（135件/年）, 735件（H28～R元）: a cumulative target
 * H28–R2 and a four-year actual. */
static struct past_result span_row(const char *id, const char *name, int64_t base,
				   int64_t target, int64_t per_year, int64_t actual,
				   int64_t stated, int line)
{
	struct past_result r = {0};
	r.id = id;
	r.name = name;
	r.baseline.kind = BASELINE_TOTAL;
	r.baseline.value = dec(base, 0);
	r.target.kind = TARGET_CUMULATIVE;
	r.target.value = dec(target, 0);
	r.target.has_per_year = true;
	r.target.per_year = dec(per_year, 0);
	r.target.from = Y_H28;
	r.target.to = Y_R2;
	r.target.fy = Y_R2;
	r.actual = dec(actual, 0);
	r.actual_from = Y_H28;
	r.actual_to = Y_R1;
	r.stated_achievement = dec(stated, 1);
	r.pos = (struct src_pos){"xml/kagoshima-pref-manufacturing.xml", line, 5};
	return r;
}

static struct past_result rows[5];

static void build_rows(void)
{
	rows[0] = level_row("pr-1", "製造品出荷額", 19128, 20600, 20699, Y_H30, 1038, 295);
	rows[1] = level_row("pr-2", "付加価値額", 6098, 7100, 7143, Y_H30, 1006, 303);
	rows[2] = span_row("pr-3", "産学官共同研究数", 625, 675, 135, 735, 1089, 311);
	rows[3] = span_row("pr-4", "立地協定件数", 155, 170, 34, 175, 1029, 319);
	rows[4] = level_row("pr-5", "製造業の従業者数", 68868, 70000, 71413, Y_R1, 1020, 327);
}

static void test_shipments_follow_no_formula(void)
{
	build_rows();
	struct fig_stated st;
	fig_check_past_result(&rows[0], &st);
	CU_ASSERT_EQUAL(st.matched, FIG_FORMULA_NONE);
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_ACHIEVEMENT], 1005, 1)); /* 20,699÷20,600 */
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_PROGRESS], 1067, 1));    /* 1,571÷1,472 */
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_PRORATED], 1029, 1));    /* ÷20,109 (H30) */
	CU_ASSERT_FALSE(st.candidates[FIG_FORMULA_SPAN].ok);
}

static void test_value_added_is_actual_over_target(void)
{
	build_rows();
	struct fig_stated st;
	fig_check_past_result(&rows[1], &st);
	CU_ASSERT_EQUAL(st.matched, FIG_FORMULA_ACHIEVEMENT);
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_ACHIEVEMENT], 1006, 1));
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_PROGRESS], 1043, 1));
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_PRORATED], 1056, 1));
}

/* The four-year totals are divided by the whole five-year target, not by a
 * target pro-rated to four years. */
static void test_span_totals_against_whole_target(void)
{
	build_rows();
	struct fig_stated st;
	fig_check_past_result(&rows[2], &st);
	CU_ASSERT_EQUAL(st.matched, FIG_FORMULA_ACHIEVEMENT);
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_ACHIEVEMENT], 1089, 1));
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_PROGRESS], 2200, 1));
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_SPAN], 1361, 1)); /* 735 ÷ 540 */
	CU_ASSERT_FALSE(st.candidates[FIG_FORMULA_PRORATED].ok);
	fig_check_past_result(&rows[3], &st);
	CU_ASSERT_EQUAL(st.matched, FIG_FORMULA_ACHIEVEMENT);
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_ACHIEVEMENT], 1029, 1));
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_SPAN], 1287, 1)); /* 175 ÷ 136 */
}

static void test_employees_is_actual_over_target(void)
{
	build_rows();
	struct fig_stated st;
	fig_check_past_result(&rows[4], &st);
	CU_ASSERT_EQUAL(st.matched, FIG_FORMULA_ACHIEVEMENT);
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_ACHIEVEMENT], 1020, 1));
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_PROGRESS], 2248, 1));
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_PRORATED], 1023, 1)); /* R元 */
}

/* A formula that only another precision reproduces does not count: the
 * comparison is at the stated figure's own precision. */
static void test_precision_of_the_stated_figure(void)
{
	build_rows();
	struct past_result r = rows[1];
	r.stated_achievement = dec(101, 0); /* "101%": 100.6 rounds to 101 */
	struct fig_stated st;
	fig_check_past_result(&r, &st);
	CU_ASSERT_EQUAL(st.matched, FIG_FORMULA_ACHIEVEMENT);
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_ACHIEVEMENT], 101, 0));
	r.stated_achievement = dec(10060, 2); /* "100.60%": it is 100.61 */
	fig_check_past_result(&r, &st);
	CU_ASSERT_EQUAL(st.matched, FIG_FORMULA_NONE);
	CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_ACHIEVEMENT], 10061, 2));
}

static void test_check_plan_warns_once(void)
{
	build_rows();
	struct arena *a = arena_new();
	struct plan *p = arena_calloc(a, 1, sizeof *p);
	p->arena = a;
	p->from = 2021;
	p->to = 2025;
	p->past_results = rows;
	p->n_past_results = 5;
	struct diag_list dg;
	diag_list_init(&dg);
	CU_ASSERT_EQUAL(fig_check_plan(p, &dg), 1);
	CU_ASSERT_EQUAL(dg.warnings, 1);
	CU_ASSERT_EQUAL(dg.errors, 0);
	CU_ASSERT_EQUAL_FATAL(dg.count, 1);
	const struct diag *d = &dg.items[0];
	CU_ASSERT_EQUAL(d->severity, DIAG_WARNING);
	CU_ASSERT_STRING_EQUAL(d->file, "xml/kagoshima-pref-manufacturing.xml");
	CU_ASSERT_EQUAL(d->line, 295);
	CU_ASSERT_EQUAL(d->column, 5);
	CU_ASSERT_STRING_EQUAL(d->message,
			       "past result '製造品出荷額': stated achievement 103.8% does not "
			       "follow from the stated values; shiryo computes 実績÷目標 100.5%, "
			       "(実績−基準)÷(目標−基準) 106.7%, 実績÷按分目標 102.9%");
	diag_list_release(&dg);
	arena_free(a);
}

/* An indicator's stated figure is checked against its latest known actual. */
static void test_indicator_stated_achievement(void)
{
	struct arena *a = arena_new();
	struct plan *p = arena_calloc(a, 1, sizeof *p);
	p->arena = a;
	p->from = 2022;
	p->to = 2031;
	p->grading.ratio_scale = 1;
	struct indicator *ind = arena_calloc(a, 1, sizeof *ind);
	p->indicators = ind;
	p->n_indicators = 1;
	ind->id = "kpi-01";
	ind->name = "新たな事業展開に取り組む事業者数";
	ind->pos = (struct src_pos){"plan.xml", 120, 5};
	ind->n_measures = 1;
	ind->measures = arena_calloc(a, 1, sizeof *ind->measures);
	struct measure *m = ind->measures;
	m->id = "kpi-01";
	m->unit = "事業者";
	m->baseline.kind = BASELINE_LEVEL;
	m->baseline.value = dec(17, 0);
	m->baseline.fy = 2020;
	m->target.value = dec(220, 0);
	m->target.fy = 2031;
	m->actuals = arena_calloc(a, 2, sizeof *m->actuals);
	m->actuals[0] = (struct actual){2024, true, dec(100, 0), false, "a.csv", 2};
	m->actuals[1] = (struct actual){2025, false, dec(0, 0), false, "a.csv", 3};
	m->n_actuals = 2;

	struct fig_stated st;
	CU_ASSERT_FALSE(fig_check_indicator(p, ind, &st)); /* nothing stated */
	ind->has_stated_achievement = true;
	ind->stated_achievement = dec(409, 1); /* (100 − 17) ÷ 203 = 40.9 */
	CU_ASSERT(fig_check_indicator(p, ind, &st));
	CU_ASSERT_EQUAL(st.fy, 2024); /* R7 is not known yet */
	CU_ASSERT_EQUAL(st.matched, FIG_FORMULA_PROGRESS);
	ind->stated_achievement = dec(455, 1); /* 100 ÷ 220 = 45.45 */
	CU_ASSERT(fig_check_indicator(p, ind, &st));
	CU_ASSERT_EQUAL(st.matched, FIG_FORMULA_ACHIEVEMENT);

	ind->stated_achievement = dec(50, 0);
	struct diag_list dg;
	diag_list_init(&dg);
	CU_ASSERT_EQUAL(fig_check_plan(p, &dg), 1);
	CU_ASSERT_EQUAL_FATAL(dg.count, 1);
	CU_ASSERT_STRING_EQUAL(dg.items[0].file, "plan.xml");
	CU_ASSERT_EQUAL(dg.items[0].line, 120);
	CU_ASSERT_EQUAL(dg.items[0].column, 5);
	char buf[1024];
	CU_ASSERT_NSTRING_EQUAL(diag_format(&dg.items[0], buf, sizeof buf),
				"plan.xml:120:5: warning: indicator 'kpi-01'", 41);
	CU_ASSERT(strstr(dg.items[0].message, "stated achievement 50% does not follow") != NULL);
	CU_ASSERT(strstr(dg.items[0].message, "actual of R6") != NULL);
	CU_ASSERT(strstr(dg.items[0].message, "実績÷目標 45%") != NULL);
	diag_list_release(&dg);
	arena_free(a);
}

static const struct cu_case cases[] = {
	{"製造品出荷額 103.8%: no formula reproduces it", test_shipments_follow_no_formula},
	{"付加価値額 100.6% = 実績÷目標", test_value_added_is_actual_over_target},
	{"共同研究数, 立地協定件数: span totals ÷ whole target", test_span_totals_against_whole_target},
	{"従業者数 102.0% = 実績÷目標", test_employees_is_actual_over_target},
	{"compared at the stated precision", test_precision_of_the_stated_figure},
	{"fig_check_plan: one warning with file:line", test_check_plan_warns_once},
	{"indicator stated achievement", test_indicator_stated_achievement},
	{NULL, NULL},
};

CU_MAIN("figures: stated achievements", cases)
