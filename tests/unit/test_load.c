/* test_load.c - plans and actuals from XML (load.h), and the model's
 * look-ups (plan.h).
 *
 * Fixtures are in tests/fixtures/ (run from the top directory).  Bad input
 * is checked message by message: severity, line, column and the words that
 * matter, and that nothing else was reported.  Files that cannot be kept as
 * fixtures (a NUL byte, deep nesting) are written to a temporary file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "actuals_csv.h"
#include "cu_main.h"
#include "diag.h"
#include "load.h"
#include "plan.h"

#define FX "tests/fixtures/"

static struct diag_list DL;

static void reset(void)
{
	diag_list_release(&DL);
	diag_list_init(&DL);
}

/* Prints the diagnostics, to see what a failing test got. */
static void dump(void)
{
	char buf[1024];
	for (size_t i = 0; i < DL.count; i++)
		fprintf(stderr, "    | %s\n", diag_format(&DL.items[i], buf, sizeof buf));
}

/* The diagnostic at file:line:column with this severity whose message
 * contains every one of the NULL-terminated words. */
static const struct diag *find(enum diag_severity sev, const char *file, int line,
			       int column, const char *w1, const char *w2, const char *w3)
{
	for (size_t i = 0; i < DL.count; i++) {
		const struct diag *d = &DL.items[i];
		if (d->severity != sev || d->line != line || d->column != column)
			continue;
		if (file && (!d->file || strcmp(d->file, file) != 0))
			continue;
		if ((w1 && !strstr(d->message, w1)) || (w2 && !strstr(d->message, w2)) ||
		    (w3 && !strstr(d->message, w3)))
			continue;
		return d;
	}
	return NULL;
}

#define EXPECT(sev, file, line, col, w1, w2, w3)                              \
	do {                                                                  \
		const struct diag *d_ = find(sev, file, line, col, w1, w2, w3); \
		if (!d_) {                                                    \
			fprintf(stderr, "\n  missing %d:%d %s / %s / %s\n",    \
				line, col, w1, w2 ? w2 : "", w3 ? w3 : "");    \
			dump();                                               \
		}                                                             \
		CU_ASSERT_PTR_NOT_NULL(d_);                                   \
	} while (0)

#define EXPECT_COUNT(n_errors, n_warnings)                                  \
	do {                                                                \
		if (DL.errors != (n_errors) || DL.warnings != (n_warnings)) \
			dump();                                             \
		CU_ASSERT_EQUAL(DL.errors, (n_errors));                     \
		CU_ASSERT_EQUAL(DL.warnings, (n_warnings));                 \
	} while (0)

static bool dec_is(struct decimal d, int64_t units, int scale)
{
	return d.units == units && d.scale == scale;
}

static struct plan *load_good(void)
{
	reset();
	struct plan *p = plan_load(FX "plan-good.xml", &DL);
	if (!p)
		dump();
	return p;
}

/* ---- a good plan --------------------------------------------------------- */

static void test_good_plan_loads_without_diagnostics(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(DL.count, 0);
	CU_ASSERT_STRING_EQUAL(p->file, FX "plan-good.xml");
	CU_ASSERT_STRING_EQUAL(p->id, "test-plan");
	CU_ASSERT_STRING_EQUAL(p->title, "第2期テスト市商工業振興プラン");
	CU_ASSERT_STRING_EQUAL(p->subtitle, "～テスト条例に基づく基本計画～");
	CU_ASSERT_STRING_EQUAL(p->short_title, "テストプラン");
	CU_ASSERT_STRING_EQUAL(p->issuer, "テスト市");
	CU_ASSERT_STRING_EQUAL(p->department, "産業振興部");
	CU_ASSERT_STRING_EQUAL(p->document, "テストプラン 概要版");
	CU_ASSERT_EQUAL(p->from, 2022); /* R4 */
	CU_ASSERT_EQUAL(p->to, 2031);   /* 令和13年度 */
	plan_free(p);
}

static void test_text_is_trimmed_and_line_breaks_joined(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL_FATAL(p->n_sections, 1);
	const struct section *s = &p->sections[0];
	CU_ASSERT_STRING_EQUAL(s->id, "positioning");
	CU_ASSERT_STRING_EQUAL(s->title, "プランの位置づけ");
	CU_ASSERT_EQUAL_FATAL(s->n_paragraphs, 2);
	/* a line break between Japanese characters disappears ... */
	CU_ASSERT_STRING_EQUAL(s->paragraphs[0], "本プランは、条例に基づく計画です。");
	/* ... and between Latin words becomes one space */
	CU_ASSERT_STRING_EQUAL(s->paragraphs[1], "Second paragraph in English.");
	CU_ASSERT_EQUAL_FATAL(s->n_items, 1);
	CU_ASSERT_STRING_EQUAL(s->items[0], "計画期間は10年間");
	CU_ASSERT_EQUAL_FATAL(p->n_vision, 2);
	CU_ASSERT_STRING_EQUAL(p->vision[0], "多彩な“人財”が活躍し、");
	CU_ASSERT_EQUAL(p->n_fields, 2);
	CU_ASSERT_STRING_EQUAL(p->fields[1], "電子関連産業");
	plan_free(p);
}

static void test_grading_is_read(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	const struct grading *g = &p->grading;
	CU_ASSERT_EQUAL(g->basis, GRADE_BASIS_PROGRESS);
	CU_ASSERT_TRUE(g->prorate);
	CU_ASSERT_EQUAL(g->ratio_scale, 1);
	CU_ASSERT_EQUAL_FATAL(g->n_levels, 4);
	CU_ASSERT_STRING_EQUAL(g->levels[1].mark, "B");
	CU_ASSERT_STRING_EQUAL(g->levels[1].label, "おおむね順調");
	CU_ASSERT_TRUE(dec_is(g->levels[1].min, 75, 2));
	CU_ASSERT_TRUE(dec_is(g->levels[3].min, 0, 0));
	CU_ASSERT_STRING_EQUAL(g->no_data_mark, "―"); /* written －: the profile's dash */
	CU_ASSERT_STRING_EQUAL(g->not_assessable_label, "評価不能");
	CU_ASSERT_TRUE(dec_is(g->maintain_tolerance, 10, 1));
	plan_free(p);
}

static void test_structure_and_references_are_resolved(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	struct indicator *bs = plan_find_indicator(p, "kpi-bs");
	struct indicator *k1 = plan_find_indicator(p, "kpi-01");
	struct indicator *k2 = plan_find_indicator(p, "kpi-02");
	struct pillar *p1 = plan_find_pillar(p, "p1");
	struct pillar *p2 = plan_find_pillar(p, "p2");
	CU_ASSERT_PTR_NOT_NULL_FATAL(bs);
	CU_ASSERT_PTR_NOT_NULL_FATAL(k1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(k2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p2);

	CU_ASSERT_STRING_EQUAL(p->basic_title, "「稼ぐ」商工業へ");
	CU_ASSERT_EQUAL(p->n_basic_points, 2);
	CU_ASSERT_EQUAL_FATAL(p->n_basic_indicators, 1);
	CU_ASSERT_PTR_EQUAL(p->basic_indicators[0], bs);
	CU_ASSERT_PTR_NULL(bs->pillar);

	CU_ASSERT_EQUAL_FATAL(p->n_issues, 2);
	CU_ASSERT_STRING_EQUAL(p->issues[1].no, "②");
	CU_ASSERT_STRING_EQUAL(p->issues[1].response, "底上げ");
	CU_ASSERT_STRING_EQUAL(p->issues[1].text, "付加価値額が低水準");
	CU_ASSERT_PTR_NULL(p->issues[0].response);
	CU_ASSERT_EQUAL_FATAL(p->n_scenarios, 1);
	CU_ASSERT_EQUAL_FATAL(p->scenarios[0].n_issues, 2);
	CU_ASSERT_PTR_EQUAL(p->scenarios[0].issues[1], &p->issues[1]);
	CU_ASSERT_EQUAL(p->scenarios[0].n_states, 1);

	CU_ASSERT_EQUAL(p->n_pillars, 2);
	CU_ASSERT_STRING_EQUAL(p1->no, "①");
	CU_ASSERT_STRING_EQUAL(p1->subtitle, "事業の高付加価値化と新産業の創出");
	CU_ASSERT_EQUAL_FATAL(p1->n_scenarios, 1);
	CU_ASSERT_PTR_EQUAL(p1->scenarios[0], &p->scenarios[0]);
	CU_ASSERT_EQUAL_FATAL(p1->n_directions, 1);
	const struct direction *d = &p1->directions[0];
	CU_ASSERT_STRING_EQUAL(d->title, "新たなビジネスの創出");
	CU_ASSERT_EQUAL_FATAL(d->n_initiatives, 2);
	CU_ASSERT_EQUAL(d->initiatives[0].partners,
			PARTNER_AGENCIES | PARTNER_PRIVATE | PARTNER_ACADEMIA);
	CU_ASSERT_EQUAL(d->initiatives[1].partners, PARTNER_PRIVATE);
	CU_ASSERT_STRING_EQUAL(d->initiatives[1].text, "情報発信");
	CU_ASSERT_EQUAL(d->initiatives[1].pos.line, 58);
	CU_ASSERT_EQUAL(d->initiatives[1].pos.column, 9);
	CU_ASSERT_EQUAL_FATAL(p2->n_measures, 2);
	CU_ASSERT_STRING_EQUAL(p2->measures[1], "人材の確保");

	/* outcomes and the pillar's indicators, in document order */
	CU_ASSERT_EQUAL_FATAL(p1->n_outcomes, 1);
	const struct outcome *o = &p1->outcomes[0];
	CU_ASSERT_EQUAL_FATAL(o->n_indicators, 2);
	CU_ASSERT_PTR_EQUAL(o->indicators[0], k1);
	CU_ASSERT_PTR_EQUAL(k1->outcome, o);
	CU_ASSERT_PTR_EQUAL(k1->pillar, p1);
	CU_ASSERT_EQUAL_FATAL(p1->n_indicators, 2);
	CU_ASSERT_PTR_EQUAL(p1->indicators[0], k1);
	CU_ASSERT_PTR_EQUAL(p1->indicators[1], k2);
	CU_ASSERT_EQUAL_FATAL(p2->n_indicators, 4);
	CU_ASSERT_STRING_EQUAL(p2->indicators[3]->id, "kpi-u");
	CU_ASSERT_PTR_NULL(p2->indicators[0]->outcome);

	CU_ASSERT_EQUAL_FATAL(p->n_projects, 1);
	struct project *pj = plan_find_project(p, "pj-1");
	CU_ASSERT_PTR_EQUAL_FATAL(pj, &p->projects[0]);
	CU_ASSERT_STRING_EQUAL(p->projects_title, "“地域の稼ぐ力”向上プロジェクト");
	CU_ASSERT_STRING_EQUAL(p->projects_intro, "重点的に取り組む。");
	CU_ASSERT_PTR_EQUAL(pj->pillar, p1);
	CU_ASSERT_EQUAL(pj->from, 2022);
	CU_ASSERT_EQUAL(pj->to, 2026);
	CU_ASSERT_STRING_EQUAL(pj->period_text, "令和4年4月～令和9年3月");
	CU_ASSERT_EQUAL(pj->n_initiatives, 2);
	CU_ASSERT_EQUAL_FATAL(pj->n_focus, 2);
	CU_ASSERT_PTR_EQUAL(pj->focus[1], k2);

	CU_ASSERT_EQUAL_FATAL(p->n_meetings, 1);
	const struct meeting_body *m = &p->meetings[0];
	CU_ASSERT_EQUAL(m->times_per_year, 1);
	CU_ASSERT_STRING_EQUAL(m->frequency, "年1回"); /* written 年１回: half-width digits (typo.h) */
	CU_ASSERT_EQUAL(m->n_members, 2);
	CU_ASSERT_EQUAL(m->n_agenda, 1);
	CU_ASSERT_EQUAL(m->n_notes, 1);
	plan_free(p);
}

static void test_values_are_parsed_as_written(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	struct indicator *ind = plan_find_indicator(p, "kpi-bs");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ind);
	CU_ASSERT_EQUAL_FATAL(ind->n_measures, 1);
	const struct measure *m = &ind->measures[0];
	CU_ASSERT_STRING_EQUAL(m->id, "kpi-bs");
	CU_ASSERT_PTR_NULL(m->name);
	CU_ASSERT_STRING_EQUAL(m->unit, "千円");
	CU_ASSERT_EQUAL(m->baseline.kind, BASELINE_LEVEL);
	CU_ASSERT_TRUE(dec_is(m->baseline.value, 6534, 0));
	CU_ASSERT_EQUAL(m->baseline.fy, 2017); /* H29 */
	CU_ASSERT_STRING_EQUAL(m->baseline.text, "6,534千円（H２９）");
	CU_ASSERT_EQUAL(m->target.kind, TARGET_LEVEL);
	CU_ASSERT_TRUE(dec_is(m->target.value, 7809, 0)); /* 7，809 */
	CU_ASSERT_EQUAL(m->target.fy, 2031);
	CU_ASSERT_PTR_NULL(m->target.text);
	CU_ASSERT_STRING_EQUAL(ind->source, "経済センサス");
	CU_ASSERT_EQUAL(m->pos.line, 73);
	CU_ASSERT_EQUAL(m->pos.column, 5);
	CU_ASSERT_STRING_EQUAL(m->pos.file, FX "plan-good.xml");

	m = plan_find_measure(p, "kpi-01", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_TRUE(dec_is(m->target.value, 220, 0)); /* ２２０ */
	CU_ASSERT_EQUAL(m->goal, GOAL_HIGHER);           /* the default */

	m = plan_find_measure(p, "kpi-02", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL(m->goal, GOAL_MAINTAIN);
	CU_ASSERT_EQUAL(m->target.fy, 2026); /* R8: before the plan's end */
	CU_ASSERT_STRING_EQUAL(plan_find_indicator(p, "kpi-02")->note, "R8の経済センサスによる");

	m = plan_find_measure(p, "kpi-03", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL(m->baseline.kind, BASELINE_UNKNOWN);
	CU_ASSERT_STRING_EQUAL(m->baseline.text, "―");
	CU_ASSERT_EQUAL(m->target.kind, TARGET_CUMULATIVE);
	CU_ASSERT_TRUE(dec_is(m->target.value, 1200, 0));
	CU_ASSERT_EQUAL(m->target.from, 2022);
	CU_ASSERT_EQUAL(m->target.to, 2031);
	CU_ASSERT_EQUAL(m->target.fy, 2031); /* no year: the span's end */
	CU_ASSERT_FALSE(m->target.has_per_year);
	CU_ASSERT_STRING_EQUAL(m->target.text, "10年間で1,200人");

	m = plan_find_measure(p, "kpi-04", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL(m->baseline.kind, BASELINE_RATE);
	CU_ASSERT_EQUAL(m->target.kind, TARGET_RATE);
	CU_ASSERT_STRING_EQUAL(m->target.text, "60件/年");

	ind = plan_find_indicator(p, "kpi-05");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ind);
	m = &ind->measures[0];
	CU_ASSERT_STRING_EQUAL(m->unit, "％");
	CU_ASSERT_TRUE(dec_is(m->baseline.value, 651, 1)); /* ６５．１ */
	CU_ASSERT_EQUAL(m->baseline.fy, 2019);             /* R元 */
	CU_ASSERT_EQUAL(m->target.kind, TARGET_AT_LEAST);
	CU_ASSERT_TRUE(dec_is(m->target.value, 7050, 2)); /* 70.50 keeps its digits */
	CU_ASSERT_TRUE(ind->has_stated_achievement);
	CU_ASSERT_TRUE(dec_is(ind->stated_achievement, 1038, 1));
	CU_ASSERT_FALSE(plan_find_indicator(p, "kpi-01")->has_stated_achievement);
	plan_free(p);
}

static void test_compound_indicator_has_one_measure_per_part(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	struct indicator *ind = plan_find_indicator(p, "kpi-u");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ind);
	CU_ASSERT_STRING_EQUAL(ind->no, "ウ");
	CU_ASSERT_EQUAL_FATAL(ind->n_measures, 2);
	const struct measure *m = &ind->measures[0];
	CU_ASSERT_STRING_EQUAL(m->id, "kpi-u-products");
	CU_ASSERT_STRING_EQUAL(m->name, "製品化件数");
	CU_ASSERT_EQUAL(m->baseline.kind, BASELINE_AVERAGE);
	CU_ASSERT_EQUAL(m->baseline.from, 2015); /* H27 */
	CU_ASSERT_EQUAL(m->baseline.to, 2019);   /* R元 */
	CU_ASSERT_EQUAL(m->target.kind, TARGET_CUMULATIVE);
	CU_ASSERT_TRUE(m->target.has_per_year);
	CU_ASSERT_TRUE(dec_is(m->target.per_year, 12, 0));
	CU_ASSERT_EQUAL(m->target.fy, 2026);
	CU_ASSERT_EQUAL(ind->measures[1].baseline.kind, BASELINE_TOTAL);

	struct indicator *owner = NULL;
	CU_ASSERT_PTR_EQUAL(plan_find_measure(p, "kpi-u-tech", &owner), &ind->measures[1]);
	CU_ASSERT_PTR_EQUAL(owner, ind);
	/* the compound indicator's own id names no single measure */
	CU_ASSERT_PTR_NULL(plan_find_measure(p, "kpi-u", &owner));
	CU_ASSERT_PTR_NULL(owner);
	plan_free(p);
}

static void test_compound_plan_of_the_prefecture_style(void)
{
	reset();
	struct plan *p = plan_load(FX "compound.xml", &DL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	EXPECT_COUNT(0, 0);
	CU_ASSERT_EQUAL(p->from, 2021);
	CU_ASSERT_EQUAL(p->to, 2025);
	/* no <grading>: no rule, no marks (issue 16), not an invented scheme */
	CU_ASSERT_EQUAL(p->grading.n_levels, 0);
	CU_ASSERT_EQUAL(p->grading.method, GRADE_NONE);
	struct indicator *owner;
	struct measure *m = plan_find_measure(p, "pref-u-tech", &owner);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_STRING_EQUAL(owner->id, "pref-u");
	CU_ASSERT_EQUAL(m->target.fy, 2025); /* from to="R7" */
	CU_ASSERT_TRUE(dec_is(m->target.per_year, 170, 0));

	/* actuals for the parts merge; the illustrative one marks the plan */
	CU_ASSERT_EQUAL(actuals_load_xml(p, FX "actuals-compound-good.xml", &DL), 0);
	EXPECT_COUNT(0, 0);
	CU_ASSERT_EQUAL_FATAL(m->n_actuals, 2);
	CU_ASSERT_EQUAL(m->actuals[0].fy, 2021); /* sorted by year */
	CU_ASSERT_TRUE(dec_is(m->actuals[0].value, 158, 0));
	CU_ASSERT_EQUAL(m->actuals[1].fy, 2022);
	CU_ASSERT_EQUAL(m->actuals[1].line, 3);
	CU_ASSERT_FALSE(m->actuals[1].illustrative);
	CU_ASSERT_TRUE(plan_find_measure(p, "pref-u-products", NULL)->actuals[0].illustrative);
	CU_ASSERT_TRUE(p->actuals_illustrative);
	plan_free(p);
}

static void test_actual_must_name_a_part_not_the_compound_indicator(void)
{
	reset();
	struct plan *p = plan_load(FX "compound.xml", &DL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(actuals_load_xml(p, FX "actuals-compound.xml", &DL), -1);
	EXPECT(DIAG_ERROR, FX "actuals-compound.xml", 4, 3,
	       "value refers to compound indicator 'pref-u'",
	       "'pref-u-products', 'pref-u-tech'", NULL);
	EXPECT_COUNT(1, 0);
	/* nothing merged, not even the good values */
	CU_ASSERT_EQUAL(plan_find_measure(p, "pref-u-products", NULL)->n_actuals, 0);
	CU_ASSERT_EQUAL(plan_find_measure(p, "pref-u-tech", NULL)->n_actuals, 0);
	plan_free(p);
}

static void test_compound_indicator_needs_two_parts(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "compound-one-part.xml", &DL));
	EXPECT(DIAG_ERROR, FX "compound-one-part.xml", 27, 5,
	       "compound indicator 'pref-o' has only one part", NULL, NULL);
	EXPECT_COUNT(1, 0);
}

static void test_past_results_are_read(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_STRING_EQUAL(p->past_results_title, "現行方針の目標達成状況");
	CU_ASSERT_EQUAL_FATAL(p->n_past_results, 2);
	const struct past_result *r = &p->past_results[0];
	CU_ASSERT_STRING_EQUAL(r->name, "製造品出荷額");
	CU_ASSERT_STRING_EQUAL(r->unit, "億円");
	CU_ASSERT_TRUE(dec_is(r->baseline.value, 19128, 0));
	CU_ASSERT_EQUAL(r->target.fy, 2020);
	CU_ASSERT_TRUE(dec_is(r->actual, 20699, 0));
	CU_ASSERT_EQUAL(r->actual_from, 2018);
	CU_ASSERT_EQUAL(r->actual_to, 2018);
	CU_ASSERT_STRING_EQUAL(r->actual_text, "2兆699億円（H30年）");
	CU_ASSERT_TRUE(dec_is(r->stated_achievement, 1005, 1));
	r = &p->past_results[1];
	CU_ASSERT_EQUAL(r->target.kind, TARGET_CUMULATIVE);
	CU_ASSERT_EQUAL(r->actual_from, 2016);
	CU_ASSERT_EQUAL(r->actual_to, 2020);
	plan_free(p);
}

/* ---- actuals ------------------------------------------------------------ */

static void test_plan_loads_its_actuals_files(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	const struct measure *m = plan_find_measure(p, "kpi-01", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	CU_ASSERT_EQUAL_FATAL(m->n_actuals, 2);
	CU_ASSERT_EQUAL(m->actuals[0].fy, 2022); /* written after R5, sorted first */
	CU_ASSERT_TRUE(dec_is(m->actuals[0].value, 25, 0));
	CU_ASSERT_TRUE(m->actuals[0].known);
	CU_ASSERT_TRUE(m->actuals[0].illustrative);
	CU_ASSERT_STRING_EQUAL(m->actuals[0].source, FX "actuals-good.xml");
	CU_ASSERT_EQUAL(m->actuals[0].line, 5);
	const struct actual *a = measure_actual(m, 2023);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_TRUE(dec_is(a->value, 40, 0));
	CU_ASSERT_PTR_NULL(measure_actual(m, 2024));
	CU_ASSERT_PTR_NULL(measure_actual(m, 2021));

	a = measure_actual(plan_find_measure(p, "kpi-u-products", NULL), 2022);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_TRUE(dec_is(a->value, 11, 0)); /* １１ */
	a = measure_actual(plan_find_measure(p, "kpi-02", NULL), 2022);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_FALSE(a->known); /* <value/>: listed, not yet known */
	a = measure_actual(plan_find_measure(p, "kpi-05", NULL), 2023); /* 令和5年度 */
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_TRUE(dec_is(a->value, 660, 1));

	CU_ASSERT_TRUE(p->actuals_illustrative);
	CU_ASSERT_STRING_EQUAL(p->actuals_note, "実績値は例示値です。");
	plan_free(p);
}

static void test_later_actuals_override_with_a_note(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(actuals_load_xml(p, FX "actuals-override.xml", &DL), 0);
	EXPECT(DIAG_NOTE, FX "actuals-override.xml", 3, 3,
	       "value of 'kpi-01' for R4 replaces the one from "
	       FX "actuals-good.xml:5", NULL, NULL);
	EXPECT_COUNT(0, 0);
	CU_ASSERT_EQUAL(DL.count, 1);
	const struct measure *m = plan_find_measure(p, "kpi-01", NULL);
	CU_ASSERT_EQUAL_FATAL(m->n_actuals, 3);
	CU_ASSERT_TRUE(dec_is(m->actuals[0].value, 26, 0));
	CU_ASSERT_FALSE(m->actuals[0].illustrative);
	CU_ASSERT_STRING_EQUAL(m->actuals[0].source, FX "actuals-override.xml");
	CU_ASSERT_EQUAL(m->actuals[1].fy, 2023);
	CU_ASSERT_EQUAL(m->actuals[2].fy, 2024);
	CU_ASSERT_FALSE(m->actuals[2].known);
	CU_ASSERT_TRUE(dec_is(measure_actual(plan_find_measure(p, "kpi-u-tech", NULL), 2024)->value,
			      170, 0));
	/* the other file's sample values are still there */
	CU_ASSERT_TRUE(p->actuals_illustrative);
	plan_free(p);
}

static void test_unknown_never_erases_a_known_value(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	struct actual_value v[] = {
		{.ref = "kpi-01", .fy = 2022, .known = false, .line = 7, .column = 1},
		{.ref = "kpi-01", .fy = 2030, .known = true, .value = {5, 0}, .line = 8,
		 .column = 1},
	};
	CU_ASSERT_EQUAL(actuals_merge(p, "x.csv", v, 2, &DL), 0);
	EXPECT_COUNT(0, 0);
	const struct actual *a = measure_actual(plan_find_measure(p, "kpi-01", NULL), 2022);
	CU_ASSERT_TRUE(a->known);
	CU_ASSERT_TRUE(dec_is(a->value, 25, 0));
	a = measure_actual(plan_find_measure(p, "kpi-01", NULL), 2030);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_STRING_EQUAL(a->source, "x.csv");
	CU_ASSERT_EQUAL(a->line, 8);
	plan_free(p);
}

static void test_bad_actuals_are_all_reported_and_nothing_merged(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	const char *f = FX "actuals-bad.xml";
	CU_ASSERT_EQUAL(actuals_load_xml(p, f, &DL), -1);
	EXPECT(DIAG_ERROR, f, 3, 3, "value refers to 'kpi-99', which is no indicator",
	       "plan 'test-plan'", NULL);
	EXPECT(DIAG_ERROR, f, 4, 3, "compound indicator 'kpi-u'", NULL, NULL);
	EXPECT(DIAG_ERROR, f, 5, 3, "value of 'kpi-01' for R20 lies outside the plan period R4–R13",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 7, 3, "second value of 'kpi-01' for R6",
	       "(the first is at line 6)", NULL);
	EXPECT(DIAG_ERROR, f, 8, 3, "invalid value '7x' of 'kpi-02': not a number; it has letters",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 9, 23, "invalid year 'H32'", "not a fiscal year", NULL);
	EXPECT_COUNT(6, 0);
	/* sorted by position */
	for (size_t i = 1; i < DL.count; i++)
		CU_ASSERT_TRUE(DL.items[i - 1].line <= DL.items[i].line);
	CU_ASSERT_EQUAL(plan_find_measure(p, "kpi-01", NULL)->n_actuals, 2);
	CU_ASSERT_PTR_NULL(measure_actual(plan_find_measure(p, "kpi-01", NULL), 2024));
	plan_free(p);
}

/* <value>1e9</value> said only "not a number".  It gets the explanation the
 * CSV reader gives, from the same function: the number in full, or an
 * example when it would not fit; what is not an exponent (1E, a unit after
 * one) is still just not a number. */
static void test_xml_exponent_notation_explained_as_csv_does(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	const char *f = FX "actuals-exponent.xml";
	CU_ASSERT_EQUAL(actuals_load_xml(p, f, &DL), -1);
#define EXP_WORDS "a number in exponent notation, which is not accepted; write the number in full"
	static const struct {
		int line;
		const char *message;
	} want[] = {
		{5, "invalid value '1e9' of 'kpi-01': " EXP_WORDS ": 1000000000"},
		{6, "invalid value '１．５Ｅ＋３' of 'kpi-01': " EXP_WORDS ": 1500"},
		{7, "invalid value '-2.5e-3' of 'kpi-01': " EXP_WORDS ": -0.0025"},
		{8, "invalid value '1e999' of 'kpi-01': " EXP_WORDS ", e.g. 1000000000 for 1e9"},
		{9, "invalid value '1e9件' of 'kpi-01': not a number; it has letters"},
		{10, "invalid value '1E' of 'kpi-01': not a number; it has letters"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct diag *d = find(DIAG_ERROR, f, want[i].line, 3, NULL, NULL, NULL);
		CU_ASSERT_PTR_NOT_NULL(d);
		if (d)
			CU_ASSERT_STRING_EQUAL(d->message, want[i].message);
	}
	EXPECT_COUNT(6, 0);

	/* the CSV reader's message holds the same words */
	diag_list_release(&DL);
	static const char csv[] = "指標,年度,実績\nkpi-01,R5,1e9\n";
	CU_ASSERT_EQUAL(actuals_parse_csv(p, "e.csv", csv, sizeof csv - 1, &DL), -1);
	CU_ASSERT_EQUAL_FATAL(DL.count, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(DL.items[0].message,
				      "value '1e9' is " EXP_WORDS ": 1000000000 "));
#undef EXP_WORDS
	plan_free(p);
}

static void test_actuals_of_another_plan_are_refused(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(actuals_load_xml(p, FX "actuals-other-plan.xml", &DL), -1);
	EXPECT(DIAG_ERROR, FX "actuals-other-plan.xml", 2, 10,
	       "actuals file is for plan 'another-plan', not for 'test-plan'", NULL, NULL);
	EXPECT_COUNT(1, 0);
	CU_ASSERT_TRUE(dec_is(plan_find_measure(p, "kpi-01", NULL)->actuals[0].value, 25, 0));
	plan_free(p);
}

static void test_actuals_file_must_not_be_a_url(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "url-actuals.xml", &DL));
	EXPECT(DIAG_ERROR, FX "url-actuals.xml", 8, 17,
	       "actuals file 'http://example.invalid/actuals.xml' is a URL", NULL, NULL);
	EXPECT_COUNT(1, 0);
}

static void test_missing_actuals_file_names_the_plan_line(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "missing-actuals.xml", &DL));
	EXPECT(DIAG_ERROR, FX "no-such-actuals.xml", 0, 0, "cannot open the file",
	       "No such file", NULL);
	EXPECT(DIAG_NOTE, FX "missing-actuals.xml", 8, 3,
	       "in actuals file 'no-such-actuals.xml', named here", NULL, NULL);
	EXPECT_COUNT(1, 0);
}

/* ---- malformed and hostile files ----------------------------------------- */

static void test_missing_file(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "no-such-plan.xml", &DL));
	EXPECT(DIAG_ERROR, FX "no-such-plan.xml", 0, 0, "cannot open the file", NULL, NULL);
	EXPECT_COUNT(1, 0);
}

static void test_truncated_file(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "truncated.xml", &DL));
	EXPECT(DIAG_ERROR, FX "truncated.xml", 11, 1,
	       "file ends inside <title> (opened at line 10)", NULL, NULL);
	EXPECT_COUNT(1, 0);
}

static void test_doctype_with_entity_bomb_is_refused(void)
{
	reset();
	clock_t t0 = clock();
	CU_ASSERT_PTR_NULL(plan_load(FX "doctype-bomb.xml", &DL));
	EXPECT(DIAG_ERROR, FX "doctype-bomb.xml", 2, 1, "DOCTYPE declaration not allowed",
	       NULL, NULL);
	EXPECT_COUNT(1, 0);
	CU_ASSERT_TRUE((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
}

static void test_external_entity_is_refused(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "external-entity.xml", &DL));
	EXPECT(DIAG_ERROR, FX "external-entity.xml", 3, 5, "DOCTYPE declaration not allowed",
	       NULL, NULL);
	EXPECT_COUNT(1, 0);
	for (size_t i = 0; i < DL.count; i++)
		CU_ASSERT_PTR_NULL(strstr(DL.items[i].message, "root:"));
}

static void test_invalid_utf8_is_refused_with_position(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "shift-jis.xml", &DL));
	EXPECT(DIAG_ERROR, FX "shift-jis.xml", 4, 12, "invalid UTF-8 (byte 0x83)", NULL, NULL);
	EXPECT_COUNT(1, 0);
}

static void test_declared_encoding_other_than_utf8_is_refused(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "declared-sjis.xml", &DL));
	EXPECT(DIAG_ERROR, FX "declared-sjis.xml", 1, 21,
	       "encoding 'Shift_JIS' is not supported", NULL, NULL);
	EXPECT_COUNT(1, 0);
}

/* Writes len bytes to a new temporary file; returns its path (static). */
static const char *temp_file(const void *data, size_t len)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/shiryo-test-load-XXXXXX");
	int fd = mkstemp(path);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_FATAL(write(fd, data, len) == (ssize_t)len);
	close(fd);
	return path;
}

static void test_nul_byte_is_refused_with_position(void)
{
	static const char doc[] = "<plan>\n  <me\0ta/>\n</plan>\n";
	const char *path = temp_file(doc, sizeof doc - 1);
	reset();
	CU_ASSERT_PTR_NULL(plan_load(path, &DL));
	EXPECT(DIAG_ERROR, path, 2, 6, "NUL byte", NULL, NULL);
	EXPECT_COUNT(1, 0);
	unlink(path);
}

static void test_deep_nesting_is_refused(void)
{
	char doc[2048];
	size_t n = 0;
	n += (size_t)snprintf(doc + n, sizeof doc - n, "<plan>\n");
	for (int i = 0; i < 80; i++)
		n += (size_t)snprintf(doc + n, sizeof doc - n, " <x>\n");
	const char *path = temp_file(doc, n);
	reset();
	CU_ASSERT_PTR_NULL(plan_load(path, &DL));
	/* <plan> is level 1 on line 1; level 65 is the 64th <x> */
	EXPECT(DIAG_ERROR, path, 65, 2, "nested deeper than 64 levels", NULL, NULL);
	EXPECT_COUNT(1, 0);
	unlink(path);
}

static void test_oversized_file_is_refused(void)
{
	size_t len = ((size_t)16 << 20) + 10;
	char *big = malloc(len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(big);
	memset(big, ' ', len);
	memcpy(big, "<plan>", 6);
	const char *path = temp_file(big, len);
	free(big);
	reset();
	CU_ASSERT_PTR_NULL(plan_load(path, &DL));
	EXPECT(DIAG_ERROR, path, 0, 0, "file too large", NULL, NULL);
	EXPECT_COUNT(1, 0);
	unlink(path);
}

/* ---- what the schema and the checks say ---------------------------------- */

static void test_references_to_missing_or_wrong_ids(void)
{
	reset();
	const char *f = FX "bad-ref.xml";
	CU_ASSERT_PTR_NULL(plan_load(f, &DL));
	EXPECT(DIAG_ERROR, f, 9, 21, "pillar 'p1' refers to scenario 'sc-9', which does not exist",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 13, 24,
	       "outcome 'p1-o1' refers to indicator 'p1', which is a pillar, not an indicator",
	       NULL, NULL);
	EXPECT(DIAG_WARNING, f, 14, 24,
	       "outcome 'p1-o1' of pillar 'p1' refers to indicator 'kpi-02', which belongs to "
	       "no pillar", NULL, NULL);
	EXPECT(DIAG_ERROR, f, 19, 28, "indicator 'kpi-01' refers to pillar 'p9', which does not exist",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 33, 24,
	       "project 'pj-1' refers to pillar 'kpi-01', which is an indicator, not a pillar",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 35, 14,
	       "project 'pj-1' refers to indicator 'p1-o1', which is an outcome, not an indicator",
	       NULL, NULL);
	EXPECT_COUNT(5, 1);
}

static void test_duplicate_ids(void)
{
	reset();
	const char *f = FX "dup-id.xml";
	CU_ASSERT_PTR_NULL(plan_load(f, &DL));
	EXPECT(DIAG_ERROR, f, 20, 16,
	       "duplicate id 'kpi-01': already used by the indicator at line 14, column 5",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 26, 16,
	       "duplicate id 'p1': already used by the pillar at line 9, column 5", NULL, NULL);
	EXPECT_COUNT(2, 0);
}

static void test_missing_or_empty_unit(void)
{
	reset();
	const char *f = FX "missing-unit.xml";
	CU_ASSERT_PTR_NULL(plan_load(f, &DL));
	/* kpi-01 has no <unit>: a unitless number (issue 16), no error;
	 * an empty <unit> is still one */
	EXPECT(DIAG_ERROR, f, 19, 5, "indicator 'kpi-02' has no unit", NULL, NULL);
	EXPECT_COUNT(1, 0);
}

static void test_years_outside_the_plan_period(void)
{
	reset();
	const char *f = FX "year-outside.xml";
	CU_ASSERT_PTR_NULL(plan_load(f, &DL));
	EXPECT(DIAG_ERROR, f, 18, 27,
	       "indicator 'kpi-01' has target year R14, outside the plan period R4–R13", NULL, NULL);
	EXPECT(DIAG_ERROR, f, 23, 27,
	       "indicator 'kpi-02' has baseline year R5, after the plan period starts (R4)",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 30, 47,
	       "indicator 'kpi-03' has a cumulative target from R2, outside the plan period",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 39, 23, "project period R4–R15 lies outside the plan period R4–R13",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 49, 30,
	       "past result 'pr-1' has target year H25, before its baseline year H26", NULL, NULL);
	/* kpi-04: a baseline span before the plan and a target (R8) before its
	 * end are fine */
	EXPECT_COUNT(5, 0);
}

static void test_numbers_and_years_that_do_not_parse(void)
{
	reset();
	const char *f = FX "bad-number.xml";
	CU_ASSERT_PTR_NULL(plan_load(f, &DL));
	/* the indicator's own unit attached: read, with the hint (issue 16) */
	EXPECT(DIAG_WARNING, f, 17, 17,
	       "baseline value '17事業者' in indicator 'kpi-01' has its unit attached",
	       "write value=\"17\"", NULL);
	EXPECT(DIAG_ERROR, f, 18, 15, "invalid target value '1,23' in indicator 'kpi-01': "
	       "not a number; it has a thousands separator in the wrong place", NULL, NULL);
	EXPECT(DIAG_ERROR, f, 23, 27, "invalid baseline year 'H32' in indicator 'kpi-02'",
	       "not a fiscal year", NULL);
	EXPECT(DIAG_ERROR, f, 24, 7, "cumulative target of indicator 'kpi-02' has no 'from' year",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 24, 7, "cumulative target of indicator 'kpi-02' has no 'to' year",
	       NULL, NULL);
	EXPECT_COUNT(4, 1);
}

/* A plan's numbers said only "not a number".  They say why in the words of
 * the actuals readers, from the same function (load_number_problem): what
 * breaks the number, the number in full for exponent notation (or an
 * example when it would not fit), and overflow as before; every kind of
 * number (baseline, target, per-year, stated achievement, past result)
 * goes through it.  Each message is checked whole, at its attribute. */
static void test_plan_numbers_say_why_as_actuals_do(void)
{
	reset();
	const char *f = FX "number-reasons.xml";
	CU_ASSERT_PTR_NULL(plan_load(f, &DL));
#define EXP_WORDS "a number in exponent notation, which is not accepted; write the number in full"
	static const struct {
		int line, column;
		const char *message;
	} want[] = {
		{17, 17, "invalid baseline value '1e9' in indicator 'kpi-01': " EXP_WORDS
			 ": 1000000000"},
		{18, 15, "invalid target value '１．５Ｅ＋３' in indicator 'kpi-01': " EXP_WORDS
			 ": 1500"},
		{23, 17, "invalid baseline value '1e999' in indicator 'kpi-02': " EXP_WORDS
			 ", e.g. 1000000000 for 1e9"},
		{24, 33, "invalid target value 'NaN' in indicator 'kpi-02': not a number; "
			 "it has letters"},
		{24, 45, "invalid per-year value '12.3.4' in indicator 'kpi-02': not a number; "
			 "it has two decimal points"},
		{29, 17, "invalid baseline value '1e9件' in indicator 'kpi-03': not a number; "
			 "it has letters"},
		{30, 15, "invalid target value '99999999999999999999' in indicator 'kpi-03': "
			 "number too long (more than 18 digits or 6 decimals)"},
		{31, 27, "invalid stated achievement '98.5％' in indicator 'kpi-03': not a "
			 "number; it has a character that is not part of a number"},
		{40, 15, "invalid actual value '-2.5e-3' in past result 'pr-1': " EXP_WORDS
			 ": -0.0025"},
	};
#undef EXP_WORDS
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct diag *d = find(DIAG_ERROR, f, want[i].line, want[i].column, NULL,
					    NULL, NULL);
		if (!d) {
			fprintf(stderr, "\n  missing %d:%d %s\n", want[i].line, want[i].column,
				want[i].message);
			dump();
		}
		CU_ASSERT_PTR_NOT_NULL(d);
		if (d)
			CU_ASSERT_STRING_EQUAL(d->message, want[i].message);
	}
	EXPECT_COUNT(9, 0);
}

static void test_schema_errors_are_readable(void)
{
	reset();
	const char *f = FX "schema-errors.xml";
	CU_ASSERT_PTR_NULL(plan_load(f, &DL));
	EXPECT(DIAG_ERROR, f, 4, 5, "<issuer> out of place or repeated in <meta>", NULL, NULL);
	EXPECT(DIAG_ERROR, f, 9, 21, "attribute 'colour' not allowed on pillar 'p1'", NULL, NULL);
	EXPECT(DIAG_ERROR, f, 14, 5, "missing attribute 'id' on <indicator>", NULL, NULL);
	EXPECT(DIAG_ERROR, f, 20, 40, "invalid goal 'up' in indicator 'kpi-02'", NULL, NULL);
	EXPECT(DIAG_ERROR, f, 24, 37, "attribute 'bogus' not allowed on <target> of indicator 'kpi-02'",
	       NULL, NULL);
	EXPECT(DIAG_ERROR, f, 31, 7, "element <remark> not allowed in indicator 'kpi-03'", NULL, NULL);
	EXPECT_COUNT(6, 0);
}

/* ---- the model's functions --------------------------------------------- */

static void test_lookups_and_names(void)
{
	struct plan *p = load_good();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_PTR_NULL(plan_find_indicator(p, "nope"));
	CU_ASSERT_PTR_NULL(plan_find_indicator(p, "p1")); /* a pillar's id */
	CU_ASSERT_PTR_NULL(plan_find_pillar(p, "kpi-01"));
	CU_ASSERT_PTR_NULL(plan_find_project(p, "pj-2"));
	CU_ASSERT_PTR_NULL(plan_find_measure(p, "nope", NULL));
	CU_ASSERT_STRING_EQUAL(goal_name(GOAL_HIGHER), "higher");
	CU_ASSERT_STRING_EQUAL(goal_name(GOAL_LOWER), "lower");
	CU_ASSERT_STRING_EQUAL(goal_name(GOAL_MAINTAIN), "maintain");
	CU_ASSERT_STRING_EQUAL(target_kind_name(TARGET_LEVEL), "level");
	CU_ASSERT_STRING_EQUAL(target_kind_name(TARGET_CUMULATIVE), "cumulative");
	CU_ASSERT_STRING_EQUAL(target_kind_name(TARGET_RATE), "rate");
	CU_ASSERT_STRING_EQUAL(target_kind_name(TARGET_AT_LEAST), "at-least");
	plan_free(p);
	plan_free(NULL);
}

/* ---- the shipped plans ---------------------------------------------------- */

static void load_shipped(const char *path, const char *some_indicator, int from, int to)
{
	reset();
	struct plan *p = plan_load(path, &DL);
	if (!p || DL.count)
		dump();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(DL.errors, 0);
	CU_ASSERT_EQUAL(DL.warnings, 0);
	CU_ASSERT_EQUAL(p->from, from);
	CU_ASSERT_EQUAL(p->to, to);
	CU_ASSERT_PTR_NOT_NULL(plan_find_indicator(p, some_indicator));
	size_t actuals = 0;
	for (size_t i = 0; i < p->n_indicators; i++)
		for (size_t k = 0; k < p->indicators[i].n_measures; k++)
			actuals += p->indicators[i].measures[k].n_actuals;
	CU_ASSERT_TRUE(actuals > 0);
	plan_free(p);
}

static void test_shipped_city_plan_loads(void)
{
	load_shipped("xml/kagoshima-city-plan2.xml", "kpi-bs-1", 2022, 2031);
}

static void test_shipped_prefecture_plan_loads(void)
{
	load_shipped("xml/kagoshima-pref-manufacturing.xml", "pref-u", 2021, 2025);
}

static const struct cu_case cases[] = {
	{"good plan loads without diagnostics", test_good_plan_loads_without_diagnostics},
	{"text is trimmed and line breaks joined", test_text_is_trimmed_and_line_breaks_joined},
	{"grading is read", test_grading_is_read},
	{"structure and references are resolved", test_structure_and_references_are_resolved},
	{"values are parsed as written", test_values_are_parsed_as_written},
	{"compound indicator has one measure per part", test_compound_indicator_has_one_measure_per_part},
	{"compound plan of the prefecture style", test_compound_plan_of_the_prefecture_style},
	{"actual must name a part, not the compound indicator", test_actual_must_name_a_part_not_the_compound_indicator},
	{"compound indicator needs two parts", test_compound_indicator_needs_two_parts},
	{"past results are read", test_past_results_are_read},
	{"plan loads its actuals files", test_plan_loads_its_actuals_files},
	{"later actuals override with a note", test_later_actuals_override_with_a_note},
	{"unknown never erases a known value", test_unknown_never_erases_a_known_value},
	{"bad actuals are all reported and nothing merged", test_bad_actuals_are_all_reported_and_nothing_merged},
	{"XML exponent notation explained as CSV does",
	 test_xml_exponent_notation_explained_as_csv_does},
	{"actuals of another plan are refused", test_actuals_of_another_plan_are_refused},
	{"actuals file must not be a URL", test_actuals_file_must_not_be_a_url},
	{"missing actuals file names the plan line", test_missing_actuals_file_names_the_plan_line},
	{"missing file", test_missing_file},
	{"truncated file", test_truncated_file},
	{"DOCTYPE with entity bomb is refused", test_doctype_with_entity_bomb_is_refused},
	{"external entity is refused", test_external_entity_is_refused},
	{"invalid UTF-8 is refused with position", test_invalid_utf8_is_refused_with_position},
	{"declared encoding other than UTF-8 is refused", test_declared_encoding_other_than_utf8_is_refused},
	{"NUL byte is refused with position", test_nul_byte_is_refused_with_position},
	{"deep nesting is refused", test_deep_nesting_is_refused},
	{"oversized file is refused", test_oversized_file_is_refused},
	{"references to missing or wrong ids", test_references_to_missing_or_wrong_ids},
	{"duplicate ids", test_duplicate_ids},
	{"missing or empty unit", test_missing_or_empty_unit},
	{"years outside the plan period", test_years_outside_the_plan_period},
	{"numbers and years that do not parse", test_numbers_and_years_that_do_not_parse},
	{"plan numbers say why, as actuals do", test_plan_numbers_say_why_as_actuals_do},
	{"schema errors are readable", test_schema_errors_are_readable},
	{"look-ups and names", test_lookups_and_names},
	{"shipped city plan loads", test_shipped_city_plan_loads},
	{"shipped prefecture plan loads", test_shipped_prefecture_plan_loads},
	{NULL, NULL},
};

CU_MAIN("load", cases)
