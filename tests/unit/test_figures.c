/* test_figures.c - trajectory, achievement, progress, grades and summaries.
 *
 * Each case builds a small plan in an arena with the plan.h structs, the way
 * the loader leaves them, and checks the figures a council handout would
 * print.  Percentages are compared as the printed decimal (units and scale).
 */
#include <string.h>

#include "arena.h"
#include "cu_main.h"
#include "figures.h"
#include "plan.h"

#define Y_H26 2014
#define Y_H28 2016
#define Y_H30 2018
#define Y_R1 2019
#define Y_R2 2020
#define Y_R3 2021
#define Y_R4 2022
#define Y_R5 2023
#define Y_R6 2024
#define Y_R7 2025
#define Y_R8 2026
#define Y_R9 2027
#define Y_R13 2031

static struct decimal dec(int64_t units, int scale)
{
	return (struct decimal){units, scale};
}

static struct arena *A;

static struct grade_level abcd[] = {
	{"A", "計画どおり以上", {10, 1}},
	{"B", "おおむね順調", {75, 2}},
	{"C", "やや遅れ", {5, 1}},
	{"D", "遅れ", {0, 0}},
};

/* A plan from..to with the city's scheme (progress, prorated, A–D, 1 digit). */
static struct plan *new_plan(int from, int to, enum grade_basis basis, bool prorate)
{
	struct plan *p = arena_calloc(A, 1, sizeof *p);
	p->arena = A;
	p->file = "test.xml";
	p->from = from;
	p->to = to;
	p->grading.basis = basis;
	p->grading.prorate = prorate;
	p->grading.levels = abcd;
	p->grading.n_levels = 4;
	p->grading.no_data_mark = "－";
	p->grading.not_assessable_mark = "／";
	p->grading.maintain_tolerance = dec(10, 1);
	p->grading.ratio_scale = 1;
	return p;
}

static struct measure *new_measure(const char *id, const char *unit, enum goal goal)
{
	struct measure *m = arena_calloc(A, 1, sizeof *m);
	m->id = id;
	m->unit = unit;
	m->goal = goal;
	m->pos = (struct src_pos){"test.xml", 10, 5};
	return m;
}

static void level_target(struct measure *m, struct decimal v, int fy)
{
	m->target.kind = TARGET_LEVEL;
	m->target.value = v;
	m->target.fy = fy;
}

static void baseline(struct measure *m, struct decimal v, int fy)
{
	m->baseline.kind = BASELINE_LEVEL;
	m->baseline.value = v;
	m->baseline.fy = fy;
}

/* Appends an actual (years must come in order). */
static void actual(struct measure *m, int fy, struct decimal v)
{
	struct actual *a = arena_calloc(A, m->n_actuals + 1, sizeof *a);
	if (m->n_actuals)
		memcpy(a, m->actuals, m->n_actuals * sizeof *a);
	a[m->n_actuals] = (struct actual){fy, true, v, false, "actuals.csv", 2};
	m->actuals = a;
	m->n_actuals++;
}

static void unknown_actual(struct measure *m, int fy)
{
	actual(m, fy, dec(0, 0));
	m->actuals[m->n_actuals - 1].known = false;
}

static bool pct_is(struct fig_ratio r, int64_t units, int scale)
{
	return r.ok && r.percent.units == units && r.percent.scale == scale;
}

static bool dec_is(struct decimal d, int64_t units, int scale)
{
	return d.units == units && d.scale == scale;
}

static void setup(void)
{
	A = arena_new();
}

static void teardown(void)
{
	arena_free(A);
	A = NULL;
}

/* ---- level targets ------------------------------------------------------- */

/* 新たな事業展開に取り組む事業者数 17 (R2) → 220 (R13), plan R4–R13. */
static struct measure *city_kpi01(void)
{
	struct measure *m = new_measure("kpi-01", "事業者", GOAL_HIGHER);
	baseline(m, dec(17, 0), Y_R2);
	level_target(m, dec(220, 0), Y_R13);
	return m;
}

static void test_level_achievement_and_progress(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_ACHIEVEMENT, false);
	struct measure *m = city_kpi01();
	actual(m, Y_R7, dec(120, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT(f.has_value && dec_is(f.value, 120, 0));
	CU_ASSERT(f.actual == &m->actuals[0]);
	CU_ASSERT(pct_is(f.achievement, 545, 1)); /* 120/220 = 54.545 */
	CU_ASSERT(pct_is(f.progress, 507, 1));    /* 103/203 = 50.74 */
	CU_ASSERT(pct_is(f.basis, 545, 1));
	CU_ASSERT_EQUAL(f.state, FIG_GRADED);
	CU_ASSERT_EQUAL(f.level, 2);
	CU_ASSERT_STRING_EQUAL(f.mark, "C");
	CU_ASSERT_DOUBLE_EQUAL(f.achievement.value, 120.0 / 220.0, 1e-12);
	teardown();
}

/* The trajectory runs from the baseline's year (R2), not from the plan's
 * start: R7 is 5 of 11 steps. */
static void test_level_trajectory_from_baseline_year(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	struct measure *m = city_kpi01();
	struct decimal e;
	CU_ASSERT(fig_expected(p, m, Y_R7, &e) && dec_is(e, 109, 0)); /* 17+203×5/11 = 109.27 */
	CU_ASSERT(fig_expected(p, m, Y_R2, &e) && dec_is(e, 17, 0));
	CU_ASSERT(fig_expected(p, m, Y_R13, &e) && dec_is(e, 220, 0));
	CU_ASSERT(fig_expected(p, m, 2035, &e) && dec_is(e, 220, 0));
	CU_ASSERT_FALSE(fig_expected(p, m, Y_R1, &e)); /* before the baseline */

	/* prorated progress: (120 − 17) ÷ (109.27 − 17) = 111.6% → A */
	actual(m, Y_R7, dec(120, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT(f.has_expected && dec_is(f.expected, 109, 0));
	CU_ASSERT(pct_is(f.basis, 1116, 1));
	CU_ASSERT(pct_is(f.progress, 507, 1)); /* the printed progress is not prorated */
	CU_ASSERT_STRING_EQUAL(f.mark, "A");
	teardown();
}

/* Without a baseline year the line starts at the end of the year before the
 * plan: R4 of R4–R13 is already one step of ten. */
static void test_trajectory_without_baseline_year(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	struct measure *m = new_measure("x", "件", GOAL_HIGHER);
	baseline(m, dec(0, 0), 0);
	level_target(m, dec(100, 0), Y_R13);
	struct decimal e;
	CU_ASSERT(fig_expected(p, m, Y_R4, &e) && dec_is(e, 10, 0));
	CU_ASSERT(fig_expected(p, m, Y_R7, &e) && dec_is(e, 40, 0));
	teardown();
}

/* Expected values keep the precision of baseline and target (65.1 → 67.9). */
static void test_trajectory_precision(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	struct measure *m = new_measure("kpi-pct", "％", GOAL_HIGHER);
	baseline(m, dec(651, 1), Y_R2);
	level_target(m, dec(679, 1), Y_R13);
	struct decimal e;
	CU_ASSERT(fig_expected(p, m, Y_R7, &e) && dec_is(e, 664, 1)); /* 66.37 */
	teardown();
}

/* 事業所数 27,279 (H28) → 27,300 (R8) in R4–R13: a maintain target due
 * before the plan's end, graded by the tolerance band. */
static void test_maintain_target_before_plan_end(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, false);
	struct measure *m = new_measure("kpi-est", "事業所", GOAL_MAINTAIN);
	baseline(m, dec(27279, 0), Y_H28);
	level_target(m, dec(27300, 0), Y_R8);
	struct decimal e;
	CU_ASSERT(fig_expected(p, m, Y_R7, &e) && dec_is(e, 27298, 0)); /* 27,297.9 */
	CU_ASSERT(fig_expected(p, m, Y_R8, &e) && dec_is(e, 27300, 0));
	CU_ASSERT(fig_expected(p, m, Y_R13, &e) && dec_is(e, 27300, 0));

	actual(m, Y_R7, dec(27100, 0));
	actual(m, Y_R9, dec(26000, 0));
	actual(m, Y_R13, dec(27600, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R7, &f); /* 0.73% below: inside 1.0% */
	CU_ASSERT(f.within_tolerance);
	CU_ASSERT(pct_is(f.achievement, 993, 1));
	CU_ASSERT(pct_is(f.basis, 993, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "A");
	fig_measure_compute(p, m, Y_R9, &f); /* 4.76% below, after the target year */
	CU_ASSERT_FALSE(f.within_tolerance);
	CU_ASSERT(pct_is(f.basis, 952, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "B");
	fig_measure_compute(p, m, Y_R13, &f); /* 1.10% above: out of the band too */
	CU_ASSERT_FALSE(f.within_tolerance);
	CU_ASSERT(pct_is(f.basis, 989, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "B");
	teardown();
}

/* A level target due R8 in a plan to R13 grades later years against it. */
static void test_level_target_before_plan_end(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	struct measure *m = new_measure("x", "件", GOAL_HIGHER);
	baseline(m, dec(100, 0), Y_R3);
	level_target(m, dec(150, 0), Y_R8);
	actual(m, Y_R9, dec(150, 0));
	actual(m, Y_R13, dec(140, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R9, &f);
	CU_ASSERT(dec_is(f.expected, 150, 0));
	CU_ASSERT(pct_is(f.basis, 1000, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "A");
	fig_measure_compute(p, m, Y_R13, &f);
	CU_ASSERT(pct_is(f.basis, 800, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "B");
	teardown();
}

/* ---- directions ---------------------------------------------------------- */

static void test_lower_is_better(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_ACHIEVEMENT, false);
	struct measure *m = new_measure("vacancy", "％", GOAL_LOWER);
	baseline(m, dec(100, 1), Y_R2); /* 10.0% → 8.0% */
	level_target(m, dec(80, 1), Y_R13);
	actual(m, Y_R5, dec(90, 1));
	actual(m, Y_R6, dec(75, 1));
	actual(m, Y_R7, dec(0, 1));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R5, &f);
	CU_ASSERT(pct_is(f.achievement, 889, 1)); /* 8.0 ÷ 9.0 */
	CU_ASSERT(pct_is(f.progress, 500, 1));    /* (9 − 10) ÷ (8 − 10) */
	CU_ASSERT_STRING_EQUAL(f.mark, "B");
	fig_measure_compute(p, m, Y_R6, &f);
	CU_ASSERT(pct_is(f.basis, 1067, 1)); /* 8.0 ÷ 7.5 */
	CU_ASSERT_STRING_EQUAL(f.mark, "A");
	fig_measure_compute(p, m, Y_R7, &f); /* nothing left: met, no ratio */
	CU_ASSERT_EQUAL(f.state, FIG_GRADED);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_ZERO_ACTUAL);
	CU_ASSERT_FALSE(f.basis.ok);
	CU_ASSERT_STRING_EQUAL(f.mark, "A");

	/* progress basis, prorated: the line falls from 10.0 to 8.0 */
	p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	fig_measure_compute(p, m, Y_R5, &f); /* e = 10 − 2×3/11 = 9.4545 */
	CU_ASSERT(dec_is(f.expected, 95, 1));
	CU_ASSERT(pct_is(f.basis, 1833, 1)); /* (9 − 10) ÷ (9.4545 − 10) */
	teardown();
}

/* ---- cumulative, rate, at-least ----------------------------------------- */

/* 本市の移住関連施策を通じた移住者数: 121人/年 → 10年間で1,200人. */
static struct measure *city_migrants(void)
{
	struct measure *m = new_measure("kpi-mig", "人", GOAL_HIGHER);
	m->baseline.kind = BASELINE_RATE;
	m->baseline.value = dec(121, 0);
	m->baseline.fy = Y_R2;
	m->target.kind = TARGET_CUMULATIVE;
	m->target.value = dec(1200, 0);
	m->target.from = Y_R4;
	m->target.to = Y_R13;
	m->target.fy = Y_R13;
	m->target.text = "10年間で1,200人";
	return m;
}

static void test_cumulative_running_sum(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	struct measure *m = city_migrants();
	actual(m, Y_R4, dec(100, 0));
	actual(m, Y_R5, dec(130, 0));
	actual(m, Y_R6, dec(90, 0));
	actual(m, Y_R7, dec(140, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT(dec_is(f.value, 460, 0));    /* running sum R4–R7 */
	CU_ASSERT(dec_is(f.expected, 480, 0)); /* 1,200 × 4/10 */
	CU_ASSERT(dec_is(f.actual->value, 140, 0));
	CU_ASSERT(pct_is(f.achievement, 383, 1)); /* 460 ÷ 1,200 */
	CU_ASSERT(pct_is(f.progress, 383, 1));    /* counts from zero */
	CU_ASSERT(pct_is(f.basis, 958, 1));       /* 460 ÷ 480 */
	CU_ASSERT_STRING_EQUAL(f.mark, "B");

	/* not prorated: the running sum against the whole target */
	struct plan *q = new_plan(Y_R4, Y_R13, GRADE_BASIS_ACHIEVEMENT, false);
	fig_measure_compute(q, m, Y_R7, &f);
	CU_ASSERT(pct_is(f.basis, 383, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "D");

	/* a year before the span is not assessable */
	fig_measure_compute(p, m, Y_R3, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NOT_ASSESSABLE);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_BEFORE_START);
	CU_ASSERT_STRING_EQUAL(f.mark, "／");
	teardown();
}

static void test_cumulative_missing_year(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	struct measure *m = city_migrants();
	actual(m, Y_R4, dec(100, 0));
	actual(m, Y_R6, dec(90, 0));
	actual(m, Y_R7, dec(140, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NO_DATA);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_MISSING_YEAR);
	CU_ASSERT_EQUAL(f.missing_fy, Y_R5);
	CU_ASSERT_FALSE(f.has_value);
	CU_ASSERT_STRING_EQUAL(f.mark, "－");
	CU_ASSERT(dec_is(f.expected, 480, 0)); /* the trajectory is still known */
	teardown();
}

/* The prefecture's ウ: 60件（12件/年） over R3–R7, in a plan R3–R7, and the
 * running sum stops at the span's end. */
static void test_cumulative_after_span(void)
{
	setup();
	struct plan *p = new_plan(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, true);
	struct measure *m = new_measure("pref-u-products", "件", GOAL_HIGHER);
	m->name = "製品化件数";
	m->baseline.kind = BASELINE_AVERAGE;
	m->baseline.value = dec(7, 0);
	m->baseline.from = 2015;
	m->baseline.to = Y_R1;
	m->target.kind = TARGET_CUMULATIVE;
	m->target.value = dec(60, 0);
	m->target.has_per_year = true;
	m->target.per_year = dec(12, 0);
	m->target.from = Y_R3;
	m->target.to = Y_R7;
	m->target.fy = Y_R7;
	int v[] = {9, 11, 14, 13, 12};
	for (int i = 0; i < 5; i++)
		actual(m, Y_R3 + i, dec(v[i], 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R5, &f);
	CU_ASSERT(dec_is(f.value, 34, 0));
	CU_ASSERT(dec_is(f.expected, 36, 0));
	CU_ASSERT(pct_is(f.basis, 944, 1)); /* 34 ÷ 36 */
	fig_measure_compute(p, m, 2026, &f);
	CU_ASSERT(dec_is(f.value, 59, 0));
	CU_ASSERT(pct_is(f.basis, 983, 1));
	CU_ASSERT(f.actual == NULL);
	teardown();
}

/* 本市の移住支援金支給件数 8件 → 60件/年: the rate is due every year. */
static void test_rate_target(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	struct measure *m = new_measure("kpi-sup", "件", GOAL_HIGHER);
	baseline(m, dec(8, 0), Y_R2);
	m->target.kind = TARGET_RATE;
	m->target.value = dec(60, 0);
	m->target.fy = Y_R13;
	actual(m, Y_R4, dec(45, 0));
	struct decimal e;
	CU_ASSERT(fig_expected(p, m, Y_R4, &e) && dec_is(e, 60, 0));
	CU_ASSERT(fig_expected(p, m, Y_R13, &e) && dec_is(e, 60, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R4, &f);
	CU_ASSERT(pct_is(f.achievement, 750, 1));
	CU_ASSERT(pct_is(f.progress, 712, 1)); /* 37 ÷ 52 */
	CU_ASSERT(pct_is(f.basis, 712, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "C");
	teardown();
}

/* A total baseline of a rate target is compared per year (625件 over five
 * years = 125件/年). */
static void test_rate_with_total_baseline(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, false);
	struct measure *m = new_measure("x", "件", GOAL_HIGHER);
	m->baseline.kind = BASELINE_TOTAL;
	m->baseline.value = dec(625, 0);
	m->baseline.from = 2011;
	m->baseline.to = 2015;
	m->target.kind = TARGET_RATE;
	m->target.value = dec(135, 0);
	actual(m, Y_R4, dec(130, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R4, &f);
	CU_ASSERT(pct_is(f.progress, 500, 1)); /* (130 − 125) ÷ (135 − 125) */
	teardown();
}

/* エ 製造業の海外との取引額: 2,215億円 (H30) → 2,215億円以上 (R7).  Graded on
 * the floor even under a progress basis (the baseline is the floor). */
static void test_at_least_target(void)
{
	setup();
	struct plan *p = new_plan(Y_R3, Y_R7, GRADE_BASIS_PROGRESS, true);
	struct measure *m = new_measure("pref-e", "億円", GOAL_HIGHER);
	baseline(m, dec(2215, 0), Y_H30);
	m->target.kind = TARGET_AT_LEAST;
	m->target.value = dec(2215, 0);
	m->target.fy = Y_R7;
	actual(m, Y_R3, dec(2418, 0));
	actual(m, Y_R5, dec(2096, 0));
	struct decimal e;
	CU_ASSERT(fig_expected(p, m, Y_R3, &e) && dec_is(e, 2215, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R3, &f);
	CU_ASSERT_FALSE(f.progress.ok); /* baseline = target */
	CU_ASSERT(pct_is(f.basis, 1092, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "A");
	fig_measure_compute(p, m, Y_R5, &f);
	CU_ASSERT(pct_is(f.basis, 946, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "B");

	/* a baseline below the floor: linear up to it, then the floor */
	baseline(m, dec(2000, 0), Y_R2);
	CU_ASSERT(fig_expected(p, m, Y_R3, &e) && dec_is(e, 2043, 0)); /* 2000+215/5 */
	CU_ASSERT(fig_expected(p, m, Y_R7, &e) && dec_is(e, 2215, 0));
	teardown();
}

/* ---- unknown baselines, impossible ratios, missing data ----------------- */

/* イ 中核企業の育成件数 「－（R2）」 → 50社 (a level count here): the
 * trajectory starts from zero; progress cannot be assessed. */
static void test_unknown_baseline_count(void)
{
	setup();
	struct plan *p = new_plan(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, true);
	struct measure *m = new_measure("pref-i", "社", GOAL_HIGHER);
	m->baseline.kind = BASELINE_UNKNOWN;
	m->baseline.fy = Y_R2;
	m->baseline.text = "－（R2）";
	level_target(m, dec(50, 0), Y_R7);
	actual(m, Y_R5, dec(27, 0));
	struct decimal e;
	CU_ASSERT(fig_expected(p, m, Y_R5, &e) && dec_is(e, 30, 0)); /* 50 × 3/5 */
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R5, &f);
	CU_ASSERT(pct_is(f.basis, 900, 1));
	CU_ASSERT_FALSE(f.progress.ok);
	CU_ASSERT_STRING_EQUAL(f.mark, "B");

	p->grading.basis = GRADE_BASIS_PROGRESS;
	fig_measure_compute(p, m, Y_R5, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NOT_ASSESSABLE);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_BASELINE_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(f.mark, "／");
	CU_ASSERT(pct_is(f.achievement, 540, 1)); /* still printed */
	teardown();
}

/* 「―」 → 24.8％: no invented trajectory for a share. */
static void test_unknown_baseline_share(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_ACHIEVEMENT, true);
	struct measure *m = new_measure("kpi-share", "％", GOAL_HIGHER);
	m->baseline.kind = BASELINE_UNKNOWN;
	level_target(m, dec(248, 1), Y_R13);
	actual(m, Y_R7, dec(200, 1));
	struct decimal e;
	CU_ASSERT_FALSE(fig_expected(p, m, Y_R7, &e));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NOT_ASSESSABLE);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_BASELINE_UNKNOWN);
	CU_ASSERT(pct_is(f.achievement, 806, 1));

	p->grading.prorate = false; /* against the target itself it can be graded */
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT(pct_is(f.basis, 806, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "B");
	teardown();
}

static void test_baseline_equal_to_target(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, false);
	struct measure *m = new_measure("x", "％", GOAL_HIGHER);
	baseline(m, dec(1000, 1), Y_R2);
	level_target(m, dec(100, 0), Y_R13); /* 100.0 = 100 */
	actual(m, Y_R7, dec(995, 1));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NOT_ASSESSABLE);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_BASELINE_IS_TARGET);
	CU_ASSERT_FALSE(f.progress.ok);
	CU_ASSERT(pct_is(f.achievement, 995, 1));
	CU_ASSERT_EQUAL(f.level, -1);
	teardown();
}

static void test_target_zero(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_ACHIEVEMENT, false);
	struct measure *m = new_measure("x", "件", GOAL_HIGHER);
	baseline(m, dec(5, 0), Y_R2);
	level_target(m, dec(0, 0), Y_R13);
	actual(m, Y_R7, dec(3, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NOT_ASSESSABLE);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_TARGET_ZERO);
	CU_ASSERT_FALSE(f.achievement.ok);

	/* lower is better with a target of 0: 3 left is graded, 0 left is met */
	m->goal = GOAL_LOWER;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT(pct_is(f.basis, 0, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "D");
	teardown();
}

static void test_no_data_marks(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	struct measure *m = city_kpi01();
	unknown_actual(m, Y_R7);
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R6, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NO_DATA);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_NO_ACTUAL);
	CU_ASSERT_STRING_EQUAL(f.mark, "－");
	CU_ASSERT(f.actual == NULL);
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NO_DATA);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_ACTUAL_UNKNOWN);
	CU_ASSERT(f.actual != NULL && !f.actual->known);
	CU_ASSERT(f.has_expected);

	/* the scheme's own marks, and the fallbacks when it has none */
	p->grading.no_data_mark = "実績未確定";
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_STRING_EQUAL(f.mark, "実績未確定");
	p->grading.no_data_mark = NULL;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_STRING_EQUAL(f.mark, FIG_NO_DATA_MARK);

	/* a definition that can never be graded wins over missing data */
	m->baseline.kind = BASELINE_UNKNOWN;
	m->unit = "％";
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NOT_ASSESSABLE);
	teardown();
}

/* Prorated progress in the baseline year itself divides by zero. */
static void test_prorated_anchor_year(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_PROGRESS, true);
	struct measure *m = city_kpi01();
	actual(m, Y_R2, dec(17, 0));
	actual(m, Y_R1, dec(15, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R2, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NOT_ASSESSABLE);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_BEFORE_START);
	fig_measure_compute(p, m, Y_R1, &f);
	CU_ASSERT_EQUAL(f.reason, FIG_REASON_BEFORE_START);
	CU_ASSERT_FALSE(f.has_expected);
	teardown();
}

/* ---- rounding and thresholds -------------------------------------------- */

/* 2,001 ÷ 2,000 = 100.05 %: binary floating point says 100.04999…, the
 * exact half rounds up to 100.1. */
static void test_rounding_at_the_half(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_ACHIEVEMENT, false);
	struct measure *m = new_measure("x", "件", GOAL_HIGHER);
	baseline(m, dec(1000, 0), Y_R2);
	level_target(m, dec(2000, 0), Y_R13);
	actual(m, Y_R4, dec(2001, 0));
	actual(m, Y_R5, dec(753, 0));
	actual(m, Y_R6, dec(250, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R4, &f);
	CU_ASSERT(pct_is(f.achievement, 1001, 1));
	fig_measure_compute(p, m, Y_R5, &f); /* progress −24.7 % exactly */
	CU_ASSERT(pct_is(f.progress, -247, 1));
	p->grading.ratio_scale = 0;
	fig_measure_compute(p, m, Y_R6, &f); /* 12.5 % → 13 % */
	CU_ASSERT(pct_is(f.achievement, 13, 0));
	p->grading.ratio_scale = 2;
	fig_measure_compute(p, m, Y_R6, &f);
	CU_ASSERT(pct_is(f.achievement, 1250, 2));
	p->grading.ratio_scale = 9; /* clamped to 4 */
	fig_measure_compute(p, m, Y_R6, &f);
	CU_ASSERT(pct_is(f.achievement, 125000, 4));

	/* negative halves round away from zero: (1000 − 1247) ÷ 2000 = −12.35 */
	m->target.value = dec(3000, 0);
	m->actuals[1].value = dec(753, 0);
	p->grading.ratio_scale = 1;
	fig_measure_compute(p, m, Y_R5, &f);
	CU_ASSERT(pct_is(f.progress, -124, 1));
	teardown();
}

/* The grade follows the printed figure: 99.95 % is printed 100.0 % and is A;
 * 99.94 % is printed 99.9 % and is B. */
static void test_grade_from_rounded_ratio(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_ACHIEVEMENT, false);
	struct measure *m = new_measure("x", "件", GOAL_HIGHER);
	baseline(m, dec(0, 0), Y_R2);
	level_target(m, dec(20000, 0), Y_R13);
	actual(m, Y_R4, dec(19991, 0)); /* 99.955 */
	actual(m, Y_R5, dec(19989, 0)); /* 99.945 */
	actual(m, Y_R6, dec(14999, 0)); /* 74.995 → 75.0 → B */
	actual(m, Y_R7, dec(14989, 0)); /* 74.945 → 74.9 → C */
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R4, &f);
	CU_ASSERT(pct_is(f.basis, 1000, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "A");
	fig_measure_compute(p, m, Y_R5, &f);
	CU_ASSERT(pct_is(f.basis, 999, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "B");
	fig_measure_compute(p, m, Y_R6, &f);
	CU_ASSERT_STRING_EQUAL(f.mark, "B");
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_STRING_EQUAL(f.mark, "C");
	p->grading.ratio_scale = 2; /* 74.995 → 75.00 (half up), 74.945 → 74.95 */
	fig_measure_compute(p, m, Y_R6, &f);
	CU_ASSERT(pct_is(f.basis, 7500, 2));
	CU_ASSERT_STRING_EQUAL(f.mark, "B");
	teardown();
}

/* The prefecture's ◎○△× with its own thresholds; a ratio below every
 * min (negative progress) takes the last mark. */
static void test_custom_marks_and_thresholds(void)
{
	setup();
	static struct grade_level marks[] = {
		{"◎", "達成", {10, 1}},
		{"○", "おおむね達成", {9, 1}},
		{"△", "やや遅れ", {7, 1}},
		{"×", "遅れ", {0, 0}},
	};
	struct plan *p = new_plan(Y_R3, Y_R7, GRADE_BASIS_PROGRESS, false);
	p->grading.levels = marks;
	struct measure *m = new_measure("x", "万円", GOAL_HIGHER);
	baseline(m, dec(1000, 0), Y_R1);
	level_target(m, dec(1135, 0), Y_R7);
	actual(m, Y_R3, dec(1135, 0));
	actual(m, Y_R4, dec(1122, 0)); /* 90.4 */
	actual(m, Y_R5, dec(1094, 0)); /* 69.6 */
	actual(m, Y_R6, dec(990, 0));  /* −7.4 */
	const char *want[] = {"◎", "○", "×", "×"};
	for (int i = 0; i < 4; i++) {
		struct fig_measure f;
		fig_measure_compute(p, m, Y_R3 + i, &f);
		CU_ASSERT_STRING_EQUAL(f.mark, want[i]);
	}
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R6, &f);
	CU_ASSERT(pct_is(f.basis, -74, 1));
	CU_ASSERT_EQUAL(f.level, 3);
	teardown();
}

static void test_scheme_without_levels(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_ACHIEVEMENT, false);
	p->grading.n_levels = 0;
	struct measure *m = city_kpi01();
	actual(m, Y_R7, dec(120, 0));
	struct fig_measure f;
	fig_measure_compute(p, m, Y_R7, &f);
	CU_ASSERT_EQUAL(f.state, FIG_UNGRADED);
	CU_ASSERT(f.mark == NULL);
	CU_ASSERT_EQUAL(f.level, -1);
	CU_ASSERT(pct_is(f.basis, 545, 1));
	teardown();
}

/* ---- compound indicators and summaries ---------------------------------- */

static struct indicator *pref_u(struct plan *p)
{
	struct indicator *ind = arena_calloc(A, 1, sizeof *ind);
	ind->id = "pref-u";
	ind->name = "産学官連携による製品化件数と技術開発件数";
	ind->n_measures = 2;
	ind->measures = arena_calloc(A, 2, sizeof *ind->measures);
	const char *ids[] = {"pref-u-products", "pref-u-tech"};
	const char *names[] = {"製品化件数", "技術開発件数"};
	int totals[] = {60, 850}, pace[] = {12, 170};
	for (int i = 0; i < 2; i++) {
		struct measure *m = &ind->measures[i];
		m->id = ids[i];
		m->name = names[i];
		m->unit = "件";
		m->target.kind = TARGET_CUMULATIVE;
		m->target.value = dec(totals[i], 0);
		m->target.has_per_year = true;
		m->target.per_year = dec(pace[i], 0);
		m->target.from = p->from;
		m->target.to = p->to;
		m->target.fy = p->to;
		m->baseline.kind = BASELINE_AVERAGE;
		m->baseline.value = dec(i ? 160 : 7, 0);
	}
	return ind;
}

static void test_compound_worst_part(void)
{
	setup();
	struct plan *p = new_plan(Y_R3, Y_R7, GRADE_BASIS_ACHIEVEMENT, true);
	struct indicator *ind = pref_u(p);
	actual(&ind->measures[0], Y_R3, dec(11, 0));
	actual(&ind->measures[0], Y_R4, dec(13, 0));
	actual(&ind->measures[1], Y_R3, dec(180, 0));
	actual(&ind->measures[1], Y_R4, dec(150, 0));
	struct fig_indicator fi;
	fig_indicator_compute(p, ind, Y_R4, A, &fi);
	CU_ASSERT_EQUAL(fi.n_parts, 2);
	CU_ASSERT(pct_is(fi.parts[0].basis, 1000, 1)); /* 24 ÷ 24 */
	CU_ASSERT(pct_is(fi.parts[1].basis, 971, 1));  /* 330 ÷ 340 */
	CU_ASSERT_STRING_EQUAL(fi.parts[0].mark, "A");
	CU_ASSERT_STRING_EQUAL(fi.parts[1].mark, "B");
	CU_ASSERT_EQUAL(fi.state, FIG_GRADED);
	CU_ASSERT_STRING_EQUAL(fi.mark, "B");
	CU_ASSERT_EQUAL(fi.deciding_part, 1);
	CU_ASSERT_FALSE(fi.partial);

	/* both parts A: the one with the lower ratio is shown as deciding */
	actual(&ind->measures[1], Y_R5, dec(200, 0)); /* 530 ÷ 510 = 103.9 */
	actual(&ind->measures[0], Y_R5, dec(15, 0));  /* 39 ÷ 36 = 108.3 */
	fig_indicator_compute(p, ind, Y_R5, A, &fi);
	CU_ASSERT_STRING_EQUAL(fi.mark, "A");
	CU_ASSERT_EQUAL(fi.deciding_part, 1);
	CU_ASSERT(pct_is(fi.parts[1].basis, 1039, 1));
	ind->measures[0].actuals[2].value = dec(13, 0); /* 37 ÷ 36 = 102.8 */
	fig_indicator_compute(p, ind, Y_R5, A, &fi);
	CU_ASSERT_EQUAL(fi.deciding_part, 0);
	ind->measures[0].n_actuals = 2;
	ind->measures[1].n_actuals = 2;

	/* one part without data: the indicator waits for it */
	fig_indicator_compute(p, ind, Y_R5, A, &fi);
	CU_ASSERT_EQUAL(fi.state, FIG_NO_DATA);
	actual(&ind->measures[0], Y_R5, dec(12, 0));
	fig_indicator_compute(p, ind, Y_R5, A, &fi);
	CU_ASSERT_EQUAL(fi.state, FIG_NO_DATA);
	CU_ASSERT_EQUAL(fi.deciding_part, 1);
	CU_ASSERT_STRING_EQUAL(fi.mark, "－");

	/* one part that can never be assessed is left out */
	ind->measures[1].target.value = dec(0, 0);
	fig_indicator_compute(p, ind, Y_R4, A, &fi);
	CU_ASSERT_EQUAL(fi.parts[1].state, FIG_NOT_ASSESSABLE);
	CU_ASSERT_EQUAL(fi.state, FIG_GRADED);
	CU_ASSERT_STRING_EQUAL(fi.mark, "A");
	CU_ASSERT(fi.partial);
	ind->measures[0].target.value = dec(0, 0);
	fig_indicator_compute(p, ind, Y_R4, A, &fi);
	CU_ASSERT_EQUAL(fi.state, FIG_NOT_ASSESSABLE);
	CU_ASSERT_STRING_EQUAL(fi.mark, "／");
	teardown();
}

static void test_pillar_summary(void)
{
	setup();
	struct plan *p = new_plan(Y_R4, Y_R13, GRADE_BASIS_ACHIEVEMENT, false);
	p->n_indicators = 4;
	p->indicators = arena_calloc(A, 4, sizeof *p->indicators);
	int values[] = {220, 120, 0, 10};
	for (int i = 0; i < 4; i++) {
		struct indicator *ind = &p->indicators[i];
		ind->id = "kpi";
		ind->n_measures = 1;
		ind->measures = city_kpi01();
		if (i != 2)
			actual(ind->measures, Y_R7, dec(values[i], 0));
	}
	struct pillar *pl = arena_calloc(A, 1, sizeof *pl);
	pl->n_indicators = 3;
	pl->indicators = arena_calloc(A, 3, sizeof *pl->indicators);
	for (int i = 0; i < 3; i++)
		pl->indicators[i] = &p->indicators[i];

	struct fig_summary s;
	fig_summary_compute(p, pl, Y_R7, A, &s);
	CU_ASSERT_EQUAL(s.total, 3);
	CU_ASSERT_EQUAL(s.n_levels, 4);
	CU_ASSERT_EQUAL(s.counts[0], 1); /* 220 ÷ 220 */
	CU_ASSERT_EQUAL(s.counts[1], 0);
	CU_ASSERT_EQUAL(s.counts[2], 1); /* 54.5 % */
	CU_ASSERT_EQUAL(s.counts[3], 0);
	CU_ASSERT_EQUAL(s.no_data, 1);
	CU_ASSERT_EQUAL(s.not_assessable, 0);

	fig_summary_compute(p, NULL, Y_R7, A, &s); /* the whole plan */
	CU_ASSERT_EQUAL(s.total, 4);
	CU_ASSERT_EQUAL(s.counts[3], 1); /* 4.5 % */
	teardown();
}

static const struct cu_case cases[] = {
	{"level: achievement and progress", test_level_achievement_and_progress},
	{"level: trajectory from the baseline's year", test_level_trajectory_from_baseline_year},
	{"trajectory without a baseline year", test_trajectory_without_baseline_year},
	{"trajectory keeps the values' precision", test_trajectory_precision},
	{"maintain: R8 target in R4-R13, tolerance band", test_maintain_target_before_plan_end},
	{"level target due before the plan ends", test_level_target_before_plan_end},
	{"lower is better", test_lower_is_better},
	{"cumulative: running sum, prorated", test_cumulative_running_sum},
	{"cumulative: a missing year is no data", test_cumulative_missing_year},
	{"cumulative: stops at the span's end", test_cumulative_after_span},
	{"rate: due every year", test_rate_target},
	{"rate: total baseline per year", test_rate_with_total_baseline},
	{"at-least: graded on the floor", test_at_least_target},
	{"unknown baseline of a count", test_unknown_baseline_count},
	{"unknown baseline of a share", test_unknown_baseline_share},
	{"baseline equal to target", test_baseline_equal_to_target},
	{"target 0", test_target_zero},
	{"no-data marks and precedence", test_no_data_marks},
	{"prorated progress in the anchor year", test_prorated_anchor_year},
	{"rounding half up at the printed precision", test_rounding_at_the_half},
	{"grade follows the rounded ratio", test_grade_from_rounded_ratio},
	{"custom marks and thresholds", test_custom_marks_and_thresholds},
	{"scheme without levels", test_scheme_without_levels},
	{"compound: the worst part grades", test_compound_worst_part},
	{"pillar summary", test_pillar_summary},
	{NULL, NULL},
};

CU_MAIN("figures", cases)
