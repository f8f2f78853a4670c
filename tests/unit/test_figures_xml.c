/* test_figures_xml.c - the figures of the two shipped plans, loaded from
 * xml/ with their (illustrative) actuals: the prefecture's published results
 * table recomputed from the XML, and grades of a few indicators worked out
 * by hand from the values in the files.
 */
#include <string.h>

#include "cu_main.h"
#include "diag.h"
#include "figures.h"
#include "load.h"
#include "arena.h"
#include "plan.h"

#define PREF "xml/kagoshima-pref-manufacturing.xml"
#define CITY "xml/kagoshima-city-plan2.xml"

static bool pct_is(struct fig_ratio r, int64_t units, int scale)
{
	return r.ok && r.percent.units == units && r.percent.scale == scale;
}

static struct plan *load(const char *path)
{
	struct diag_list dg;
	diag_list_init(&dg);
	struct plan *p = plan_load(path, &dg);
	if (!p || dg.errors)
		diag_print(&dg, stdout);
	diag_list_release(&dg);
	return p;
}

static void test_pref_results_table(void)
{
	struct plan *p = load(PREF);
	CU_ASSERT_FATAL(p != NULL);
	CU_ASSERT_EQUAL_FATAL(p->n_past_results, 5);
	static const enum fig_formula want[] = {
		FIG_FORMULA_NONE, FIG_FORMULA_ACHIEVEMENT, FIG_FORMULA_ACHIEVEMENT,
		FIG_FORMULA_ACHIEVEMENT, FIG_FORMULA_ACHIEVEMENT,
	};
	static const int64_t ratio[] = {1005, 1006, 1089, 1029, 1020}; /* 実績÷目標 */
	for (size_t i = 0; i < 5; i++) {
		struct fig_stated st;
		fig_check_past_result(&p->past_results[i], &st);
		CU_ASSERT_EQUAL(st.matched, want[i]);
		CU_ASSERT(pct_is(st.candidates[FIG_FORMULA_ACHIEVEMENT], ratio[i], 1));
	}
	struct diag_list dg;
	diag_list_init(&dg);
	CU_ASSERT_EQUAL(fig_check_plan(p, &dg), 1);
	CU_ASSERT_EQUAL_FATAL(dg.count, 1);
	CU_ASSERT_STRING_EQUAL(dg.items[0].file, PREF);
	CU_ASSERT_EQUAL(dg.items[0].line, p->past_results[0].pos.line);
	CU_ASSERT_EQUAL(dg.items[0].line, 305);
	CU_ASSERT_EQUAL(dg.items[0].column, 5); /* "    <past-result id=" */
	CU_ASSERT(strstr(dg.items[0].message, "'製造品出荷額': stated achievement 103.8%") != NULL);
	diag_list_release(&dg);
	plan_free(p);
}

/* R5 under the prefecture's scheme (achievement, prorated, ◎○△×). */
static void test_pref_grades_r5(void)
{
	struct plan *p = load(PREF);
	CU_ASSERT_FATAL(p != NULL);
	struct arena *a = arena_new();
	static const struct {
		const char *id;
		int64_t percent; /* of the deciding part */
		const char *mark;
	} want[] = {
		{"pref-a", 1011, "◎"},  /* 1,102 ÷ 1,090 */
		{"pref-i", 1033, "◎"},  /* 31 ÷ 30, running sum */
		{"pref-u", 944, "○"},   /* 製品化 34 ÷ 36 (技術開発 505 ÷ 510 = 99.0) */
		{"pref-e", 946, "○"},   /* 2,096 ÷ 2,215, the floor */
		{"pref-o", 1000, "◎"},  /* 立地 120 ÷ 120 (雇用 941 ÷ 915 = 102.8) */
		{"pref-ka", 994, "○"},  /* 38.6 ÷ 38.83 */
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct indicator *ind = plan_find_indicator(p, want[i].id);
		CU_ASSERT_FATAL(ind != NULL);
		struct fig_indicator fi;
		fig_indicator_compute(p, ind, 2023, a, &fi);
		CU_ASSERT_EQUAL(fi.state, FIG_GRADED);
		CU_ASSERT_FATAL(fi.deciding_part >= 0);
		CU_ASSERT(pct_is(fi.parts[fi.deciding_part].basis, want[i].percent, 1));
		CU_ASSERT_STRING_EQUAL(fi.mark, want[i].mark);
	}
	struct fig_summary s;
	fig_summary_compute(p, NULL, 2023, a, &s);
	CU_ASSERT_EQUAL(s.total, 6);
	CU_ASSERT_EQUAL(s.counts[0], 3);
	CU_ASSERT_EQUAL(s.counts[1], 3);
	/* R7: ア and エ not yet known - counted as their R6 values are
	 * graded (issue 17, the latest value), as the tables show them */
	fig_summary_compute(p, NULL, 2025, a, &s);
	CU_ASSERT_EQUAL(s.no_data, 0);
	CU_ASSERT_EQUAL(s.counts[0], 3);
	CU_ASSERT_EQUAL(s.counts[1], 3);
	/* ア: R7 is empty, R6 (1,108) is shown and graded as of R6 */
	struct fig_indicator fa;
	fig_indicator_latest(p, plan_find_indicator(p, "pref-a"), 2025, a, &fa);
	CU_ASSERT_TRUE(fa.parts[0].latest);
	CU_ASSERT_EQUAL(fa.parts[0].value_fy, 2024);
	CU_ASSERT_EQUAL(fa.parts[0].value.units, 1108);
	CU_ASSERT_EQUAL(fa.state, FIG_GRADED);
	struct fig_measure r6;
	fig_measure_compute(p, &plan_find_indicator(p, "pref-a")->measures[0], 2024, &r6);
	CU_ASSERT_STRING_EQUAL(fa.mark, r6.mark);
	CU_ASSERT_EQUAL(fa.parts[0].basis.value, r6.basis.value);
	/* and the year's own figures still say not yet known */
	fig_indicator_compute(p, plan_find_indicator(p, "pref-a"), 2025, a, &fa);
	CU_ASSERT_EQUAL(fa.state, FIG_NO_DATA);
	CU_ASSERT_FALSE(fa.parts[0].latest);
	arena_free(a);
	plan_free(p);
}

static void test_city_pillars_r7(void)
{
	struct plan *p = load(CITY);
	CU_ASSERT_FATAL(p != NULL);
	struct arena *a = arena_new();
	size_t total = 0;
	for (size_t i = 0; i < p->n_pillars; i++) {
		struct fig_summary s;
		fig_summary_compute(p, &p->pillars[i], 2025, a, &s);
		CU_ASSERT_EQUAL(s.total, p->pillars[i].n_indicators);
		size_t n = s.no_data + s.not_assessable + s.ungraded;
		for (size_t k = 0; k < s.n_levels; k++)
			n += s.counts[k];
		CU_ASSERT_EQUAL(n, s.total);
		total += s.total;
	}
	CU_ASSERT(total > 0);

	struct fig_measure f;
	fig_measure_compute(p, plan_find_measure(p, "kpi-p1-1", NULL), 2025, &f);
	CU_ASSERT(pct_is(f.basis, 1149, 1)); /* (123 − 17) ÷ (109.27 − 17) */
	CU_ASSERT_STRING_EQUAL(f.mark, "A");
	fig_measure_compute(p, plan_find_measure(p, "kpi-p2-2", NULL), 2025, &f);
	CU_ASSERT_FALSE(f.within_tolerance); /* 26,950 is 1.27% below 27,297.9 */
	CU_ASSERT(pct_is(f.basis, 987, 1));
	CU_ASSERT_STRING_EQUAL(f.mark, "B");
	fig_measure_compute(p, plan_find_measure(p, "kpi-p4-3", NULL), 2025, &f);
	CU_ASSERT_EQUAL(f.state, FIG_NOT_ASSESSABLE); /* 「―」 → 24.8％ */
	CU_ASSERT_STRING_EQUAL(f.mark, "／");

	struct diag_list dg;
	diag_list_init(&dg);
	CU_ASSERT_EQUAL(fig_check_plan(p, &dg), 0);
	diag_list_release(&dg);
	arena_free(a);
	plan_free(p);
}

static const struct cu_case cases[] = {
	{"prefecture: results table recomputed from the XML", test_pref_results_table},
	{"prefecture: grades and summary in R5 and R7", test_pref_grades_r5},
	{"city: pillar summaries and grades in R7", test_city_pillars_r7},
	{NULL, NULL},
};

CU_MAIN("figures of the shipped plans", cases)
