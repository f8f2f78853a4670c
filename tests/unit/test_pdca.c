/* test_pdca.c - PDCA records (pdca.h): loading, checks, merging, look-ups,
 * and the city plan's sample records.
 *
 * Fixtures are in tests/fixtures/pdca/ (run from the top directory); their
 * plan, plan.xml, names council-R5.xml and midyear-R5.xml.  Bad input is
 * checked message by message: severity, line, column and the words that
 * matter, and that nothing else was reported.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "cu_main.h"
#include "diag.h"
#include "load.h"
#include "pdca.h"
#include "plan.h"

#define FX "tests/fixtures/pdca/"

static struct diag_list DL;

static void reset(void)
{
	diag_list_release(&DL);
	diag_list_init(&DL);
}

static void dump(void)
{
	char buf[1024];
	for (size_t i = 0; i < DL.count; i++)
		fprintf(stderr, "    | %s\n", diag_format(&DL.items[i], buf, sizeof buf));
}

/* The diagnostic at file:line:column with this severity whose message
 * contains both words (NULL: any). */
static const struct diag *find(enum diag_severity sev, const char *file, int line,
			       int column, const char *w1, const char *w2)
{
	for (size_t i = 0; i < DL.count; i++) {
		const struct diag *d = &DL.items[i];
		if (d->severity != sev || d->line != line || d->column != column)
			continue;
		if (file && (!d->file || strcmp(d->file, file) != 0))
			continue;
		if ((w1 && !strstr(d->message, w1)) || (w2 && !strstr(d->message, w2)))
			continue;
		return d;
	}
	return NULL;
}

#define EXPECT(sev, file, line, col, w1, w2)                                  \
	do {                                                                  \
		const struct diag *d_ = find(sev, file, line, col, w1, w2);   \
		if (!d_) {                                                    \
			fprintf(stderr, "\n  missing %d:%d %s / %s\n", line,   \
				col, w1, w2 ? w2 : "");                        \
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

/* The fixtures' plan with its two PDCA files. */
static struct plan *load_plan(void)
{
	reset();
	struct plan *p = plan_load(FX "plan.xml", &DL);
	if (!p || DL.count)
		dump();
	return p;
}

/* Loads a bad fixture into the fixtures' plan: it must fail and leave the
 * plan's records as they were. */
static void load_bad(const char *file)
{
	struct plan *p = load_plan();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	reset();
	struct pdca_record *before = p->pdca;
	CU_ASSERT_EQUAL(pdca_load(p, file, &DL), -1);
	CU_ASSERT_PTR_EQUAL(p->pdca, before);
	CU_ASSERT_EQUAL(p->n_pdca, 3);
	plan_free(p);
}

static bool dec_is(struct decimal d, int64_t units, int scale)
{
	return d.units == units && d.scale == scale;
}

/* ---- good records ------------------------------------------------------- */

static void test_plan_loads_its_pdca_files_sorted(void)
{
	struct plan *p = load_plan();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(DL.count, 0);
	CU_ASSERT_EQUAL_FATAL(p->n_pdca, 3);
	/* council-R5.xml has p2 before p1: records follow the plan's order */
	CU_ASSERT_STRING_EQUAL(p->pdca[0].target, "p1");
	CU_ASSERT_STRING_EQUAL(p->pdca[1].target, "p2");
	CU_ASSERT_STRING_EQUAL(p->pdca[2].target, "pj-1");
	CU_ASSERT_EQUAL(p->pdca[0].meeting, PDCA_COUNCIL);
	CU_ASSERT_EQUAL(p->pdca[2].meeting, PDCA_MIDYEAR);

	/* an earlier year loaded later goes first; projects in plan order */
	CU_ASSERT_EQUAL(pdca_load(p, FX "yearend-R4.xml", &DL), 0);
	EXPECT_COUNT(0, 0);
	CU_ASSERT_EQUAL_FATAL(p->n_pdca, 5);
	const char *order[] = {"pj-1", "pj-2", "p1", "p2", "pj-1"};
	const int fy[] = {2022, 2022, 2023, 2023, 2023};
	for (size_t i = 0; i < 5; i++) {
		CU_ASSERT_STRING_EQUAL(p->pdca[i].target, order[i]);
		CU_ASSERT_EQUAL(p->pdca[i].fy, fy[i]);
	}
	CU_ASSERT_EQUAL(p->pdca[0].meeting, PDCA_YEAREND);
	/* the records loaded before keep their contents */
	CU_ASSERT_STRING_EQUAL(p->pdca[2].check, "主要指標の動向は別表のとおり。");
	plan_free(p);
}

static void test_records_are_read_as_written(void)
{
	struct plan *p = load_plan();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	const struct pdca_record *r = pdca_find(p, 2023, PDCA_COUNCIL, "p2");
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_EQUAL(r->pillar, plan_find_pillar(p, "p2"));
	CU_ASSERT_PTR_NULL(r->project);
	CU_ASSERT_STRING_EQUAL(r->pos.file, FX "council-R5.xml");
	CU_ASSERT_EQUAL(r->pos.line, 5);
	CU_ASSERT_EQUAL(r->pos.column, 3);

	CU_ASSERT_EQUAL_FATAL(r->plan.n_items, 1);
	CU_ASSERT_STRING_EQUAL(r->plan.items[0].text, "事業承継の相談体制を整える");
	CU_ASSERT_EQUAL_FATAL(r->done.n_items, 2);
	const struct pdca_item *it = &r->done.items[0];
	CU_ASSERT_STRING_EQUAL(it->text, "事業承継セミナーを開催した");
	CU_ASSERT_EQUAL(it->line, 8);
	CU_ASSERT_EQUAL_FATAL(it->n_figures, 2);
	CU_ASSERT_STRING_EQUAL(it->figures[0].name, "開催回数");
	CU_ASSERT_TRUE(dec_is(it->figures[0].value, 4, 0));
	CU_ASSERT_STRING_EQUAL(it->figures[0].unit, "回");
	CU_ASSERT_STRING_EQUAL(it->figures[1].value_text, "1,200");
	CU_ASSERT_TRUE(dec_is(it->figures[1].value, 1200, 0));
	CU_ASSERT_STRING_EQUAL(r->done.items[1].text, "専門家派遣を行った");
	CU_ASSERT_EQUAL(r->done.items[1].n_figures, 0);
	CU_ASSERT_PTR_NULL(r->done.items[1].figures);
	/* a line break between Japanese characters disappears */
	CU_ASSERT_STRING_EQUAL(r->check, "相談件数は増えており、おおむね順調である。");
	CU_ASSERT_EQUAL(r->action.n_items, 1);
	CU_ASSERT_STRING_EQUAL(r->next.items[0].text, "第三者承継の支援を始める");
	CU_ASSERT_EQUAL(r->discussion.n_items, 0);
	CU_ASSERT_PTR_NULL(r->discussion.items);

	r = pdca_find(p, 2023, PDCA_COUNCIL, "p1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(r->plan.n_items, 2);
	/* the words of an item, without its figures or the space before them */
	CU_ASSERT_STRING_EQUAL(r->done.items[0].text, "ビジネスプランコンテストを開いた");
	CU_ASSERT_EQUAL_FATAL(r->done.items[0].n_figures, 1);
	CU_ASSERT_TRUE(dec_is(r->done.items[0].figures[0].value, 32, 0)); /* ３２ */
	CU_ASSERT_EQUAL_FATAL(r->discussion.n_items, 1);
	CU_ASSERT_STRING_EQUAL(r->discussion.items[0].text, "支援対象の絞り込み");

	const struct pdca_session *s = r->session;
	CU_ASSERT_PTR_EQUAL(s, pdca_find(p, 2023, PDCA_COUNCIL, "p2")->session);
	CU_ASSERT_EQUAL(s->fy, 2023);
	CU_ASSERT_EQUAL(s->meeting, PDCA_COUNCIL);
	CU_ASSERT_STRING_EQUAL(s->date, "2023-11-20");
	CU_ASSERT_EQUAL(s->year, 2023);
	CU_ASSERT_EQUAL(s->month, 11);
	CU_ASSERT_EQUAL(s->day, 20);
	CU_ASSERT_STRING_EQUAL(s->name, "令和5年度 テスト市中小企業振興推進会議");
	CU_ASSERT_STRING_EQUAL(s->note, "この記録は例示です。");
	CU_ASSERT_TRUE(s->illustrative);
	CU_ASSERT_STRING_EQUAL(s->file, FX "council-R5.xml");

	/* 令和5年度; no name, note or illustrative mark; a figure without unit */
	r = pdca_find(p, 2023, PDCA_MIDYEAR, "pj-1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_EQUAL(r->project, plan_find_project(p, "pj-1"));
	CU_ASSERT_PTR_NULL(r->pillar);
	CU_ASSERT_PTR_NULL(r->session->name);
	CU_ASSERT_PTR_NULL(r->session->note);
	CU_ASSERT_FALSE(r->session->illustrative);
	CU_ASSERT_EQUAL(r->discussion.n_items, 2);
	CU_ASSERT_EQUAL(pdca_load(p, FX "yearend-R4.xml", &DL), 0);
	r = pdca_find(p, 2022, PDCA_YEAREND, "pj-2");
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_PTR_NULL(r->done.items[0].figures[0].unit);
	CU_ASSERT_STRING_EQUAL(r->session->date, "2023-04-10"); /* after R4 ends */
	plan_free(p);
}

static void test_lookups(void)
{
	struct plan *p = load_plan();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(pdca_load(p, FX "yearend-R4.xml", &DL), 0);
	size_t n;
	const struct pdca_record *r = pdca_of_year(p, 2023, &n);
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_PTR_EQUAL(r, &p->pdca[2]);
	r = pdca_of_year(p, 2022, &n);
	CU_ASSERT_EQUAL(n, 2);
	CU_ASSERT_PTR_EQUAL(r, &p->pdca[0]);
	CU_ASSERT_PTR_NULL(pdca_of_year(p, 2024, &n));
	CU_ASSERT_EQUAL(n, 0);

	r = pdca_of_meeting(p, 2023, PDCA_COUNCIL, &n);
	CU_ASSERT_EQUAL(n, 2);
	CU_ASSERT_PTR_EQUAL(r, &p->pdca[2]);
	r = pdca_of_meeting(p, 2023, PDCA_MIDYEAR, &n);
	CU_ASSERT_EQUAL(n, 1);
	CU_ASSERT_STRING_EQUAL(r->target, "pj-1");
	CU_ASSERT_PTR_NULL(pdca_of_meeting(p, 2023, PDCA_YEAREND, &n));
	CU_ASSERT_EQUAL(n, 0);

	CU_ASSERT_PTR_EQUAL(pdca_find(p, 2022, PDCA_YEAREND, "pj-2"), &p->pdca[1]);
	CU_ASSERT_PTR_NULL(pdca_find(p, 2022, PDCA_YEAREND, "p1"));
	CU_ASSERT_PTR_NULL(pdca_find(p, 2022, PDCA_MIDYEAR, "pj-2"));
	CU_ASSERT_PTR_NULL(pdca_find(p, 2023, PDCA_COUNCIL, NULL));

	enum pdca_meeting m = PDCA_COUNCIL;
	CU_ASSERT_EQUAL(pdca_meeting_parse("yearend", &m), 0);
	CU_ASSERT_EQUAL(m, PDCA_YEAREND);
	CU_ASSERT_EQUAL(pdca_meeting_parse("annual", &m), -1);
	CU_ASSERT_EQUAL(m, PDCA_YEAREND);
	CU_ASSERT_STRING_EQUAL(pdca_meeting_name(PDCA_COUNCIL), "council");
	CU_ASSERT_STRING_EQUAL(pdca_meeting_name(PDCA_MIDYEAR), "midyear");
	plan_free(p);

	/* a plan without records */
	reset();
	p = plan_load("tests/fixtures/plan-good.xml", &DL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(p->n_pdca, 0);
	CU_ASSERT_PTR_NULL(pdca_of_year(p, 2023, &n));
	CU_ASSERT_PTR_NULL(pdca_find(p, 2023, PDCA_COUNCIL, "p1"));
	plan_free(p);
}

/* ---- bad records ---------------------------------------------------------- */

static void test_bad_records_are_all_reported(void)
{
	const char *f = FX "bad-records.xml";
	load_bad(f);
	EXPECT(DIAG_ERROR, f, 3, 11, "record refers to 'p9', which is no pillar or project",
	       "of plan 'pdca-test'");
	EXPECT(DIAG_ERROR, f, 17, 11, "second record for 'p1' in this file",
	       "(the first is at line 10)");
	EXPECT(DIAG_ERROR, f, 24, 11, "record for project 'pj-1' in R9 lies outside the "
	       "project period R4–R8", NULL);
	EXPECT(DIAG_ERROR, f, 34, 7, "empty <item> in <do> of the record for 'p2'", NULL);
	EXPECT(DIAG_ERROR, f, 34, 34, "invalid value '12回' of figure '開催回数': not a number; "
	       "it has letters", NULL);
	EXPECT(DIAG_WARNING, f, 36, 5, "<check> of the record for 'p2' states a percentage",
	       "computed by shiryo");
	EXPECT_COUNT(5, 1);
	for (size_t i = 1; i < DL.count; i++)
		CU_ASSERT_TRUE(DL.items[i - 1].line <= DL.items[i].line);
}

/* A figure that is not a number said only "not a number".  It says why, in
 * the words of the actuals readers (load_number_problem): what breaks it,
 * or, for exponent notation, the number in full; a unit after an exponent
 * (1e9回) makes it just not a number again.  Each message is checked whole,
 * at the position of the value attribute. */
static void test_figure_numbers_say_why_as_actuals_do(void)
{
	const char *f = FX "figure-numbers.xml";
	load_bad(f);
#define EXP_WORDS "a number in exponent notation, which is not accepted; write the number in full"
	static const struct {
		int line, column;
		const char *message;
	} want[] = {
		{6, 34, "invalid value '1e9' of figure '支援額': " EXP_WORDS ": 1000000000"},
		{7, 35, "invalid value '１．５Ｅ＋３' of figure '相談件数': " EXP_WORDS ": 1500"},
		{8, 35, "invalid value '1e9回' of figure '開催回数': not a number; it has letters"},
		{9, 33, "invalid value '12.3.4' of figure '参加率': not a number; it has two "
			"decimal points"},
		{10, 32, "invalid value '99999999999999999999' of figure '総額': number too long "
			 "(more than 18 digits or 6 decimals)"},
	};
#undef EXP_WORDS
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct diag *d = find(DIAG_ERROR, f, want[i].line, want[i].column, NULL, NULL);
		if (!d) {
			fprintf(stderr, "\n  missing %d:%d %s\n", want[i].line, want[i].column,
				want[i].message);
			dump();
		}
		CU_ASSERT_PTR_NOT_NULL(d);
		if (d)
			CU_ASSERT_STRING_EQUAL(d->message, want[i].message);
	}
	EXPECT_COUNT(5, 0);
}

/* One message per attribute: the loader's words replace the schema's. */
static void test_bad_meeting_attributes(void)
{
	const char *f = FX "bad-header.xml";
	load_bad(f);
	EXPECT(DIAG_ERROR, f, 2, 7, "PDCA file is for plan 'other-plan', not for 'pdca-test'",
	       NULL);
	EXPECT(DIAG_ERROR, f, 3, 7, "invalid year 'H32' of the PDCA file",
	       "not a fiscal year");
	EXPECT(DIAG_ERROR, f, 4, 7, "invalid meeting 'annual' of the PDCA file",
	       "write council, midyear or yearend");
	EXPECT(DIAG_ERROR, f, 5, 7, "invalid date '2025/11/21' of the meeting",
	       "YYYY-MM-DD");
	EXPECT_COUNT(4, 0);
}

static void test_year_outside_the_plan_period(void)
{
	load_bad(FX "year-outside.xml");
	EXPECT(DIAG_ERROR, FX "year-outside.xml", 2, 24,
	       "PDCA year R14 lies outside the plan period R4–R13", NULL);
	EXPECT_COUNT(1, 0);
}

static void test_dates_outside_the_year_or_of_no_day(void)
{
	load_bad(FX "date-before.xml");
	EXPECT(DIAG_ERROR, FX "date-before.xml", 2, 52,
	       "meeting date 2025-03-31 is before R7 begins (2025-04-01)", NULL);
	EXPECT_COUNT(1, 0);
	load_bad(FX "date-after.xml");
	EXPECT(DIAG_ERROR, FX "date-after.xml", 2, 52,
	       "meeting date 2027-04-01 is more than a year after R7 ends (2026-03-31)",
	       NULL);
	EXPECT_COUNT(1, 0);
	load_bad(FX "date-no-day.xml");
	EXPECT(DIAG_ERROR, FX "date-no-day.xml", 2, 52,
	       "invalid date '2026-02-29' of the meeting: there is no such day", NULL);
	EXPECT_COUNT(1, 0);
}

/* Writes a one-record file for year and date and loads it into p. */
static int load_dated(struct plan *p, const char *year, const char *meeting,
		      const char *date)
{
	char path[] = "/tmp/shiryo-pdca-XXXXXX";
	int fd = mkstemp(path);
	CU_ASSERT_FATAL(fd >= 0);
	FILE *f = fdopen(fd, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fprintf(f, "<pdca plan=\"pdca-test\" year=\"%s\" meeting=\"%s\" date=\"%s\">\n"
		"<record target=\"p2\"><plan><item>a</item></plan><do><item>b</item></do>"
		"<check>c</check><action><item>d</item></action><next><item>e</item>"
		"</next></record></pdca>\n", year, meeting, date);
	fclose(f);
	int rc = pdca_load(p, path, &DL);
	unlink(path);
	return rc;
}

static void test_date_window_is_the_year_and_the_next(void)
{
	struct plan *p = load_plan();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	reset();
	CU_ASSERT_EQUAL(load_dated(p, "R7", "council", "2025-04-01"), 0);
	CU_ASSERT_EQUAL(load_dated(p, "R7", "midyear", "2027-03-31"), 0);
	CU_ASSERT_EQUAL(load_dated(p, "R5", "yearend", "2024-02-29"), 0); /* leap day */
	CU_ASSERT_EQUAL(load_dated(p, "2024", "council", "2000-02-29"), -1);
	CU_ASSERT_EQUAL(load_dated(p, "R6", "council", "2024-13-01"), -1);
	CU_ASSERT_EQUAL(load_dated(p, "R6", "council", "2024-04-00"), -1);
	CU_ASSERT_EQUAL(load_dated(p, "R6", "council", "2024-4-1"), -1);
	CU_ASSERT_EQUAL(load_dated(p, "R6", "council", "2100-02-29"), -1);
	EXPECT_COUNT(5, 0);
	CU_ASSERT_EQUAL(p->n_pdca, 6);
	plan_free(p);
}

static void test_schema_refuses_results_in_check(void)
{
	const char *f = FX "schema-errors.xml";
	load_bad(f);
	EXPECT(DIAG_ERROR, f, 6, 5, "element <grade> not allowed inside <check>",
	       "it holds text only");
	EXPECT(DIAG_ERROR, f, 13, 5, "element <achievement> not allowed in <record>", NULL);
	/* figures belong to Do items only */
	EXPECT(DIAG_ERROR, f, 18, 11, "element <figure> not allowed inside <item>", NULL);
	EXPECT(DIAG_ERROR, f, 21, 5, "<next> out of place in <record>: <action> is missing",
	       NULL);
	EXPECT_COUNT(4, 0);
}

static void test_percentage_in_check_only_warns(void)
{
	struct plan *p = load_plan();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(pdca_load(p, FX "percent.xml", &DL), 0);
	EXPECT(DIAG_WARNING, FX "percent.xml", 6, 5,
	       "<check> of the record for 'pj-2' states a percentage", NULL);
	EXPECT_COUNT(0, 1);
	CU_ASSERT_EQUAL(p->n_pdca, 4);
	plan_free(p);
}

static void test_record_already_loaded_is_refused(void)
{
	const char *f = FX "council-R5-again.xml";
	load_bad(f);
	EXPECT(DIAG_ERROR, f, 2, 52, "the R5 council is already loaded from "
	       FX "council-R5.xml with date 2023-11-20, not 2023-11-21", NULL);
	EXPECT(DIAG_ERROR, f, 3, 11, "record for 'p1' of the R5 council is already loaded "
	       "from " FX "council-R5.xml:16:3", NULL);
	EXPECT_COUNT(2, 0);

	/* the same file twice */
	struct plan *p = load_plan();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(pdca_load(p, FX "midyear-R5.xml", &DL), -1);
	EXPECT(DIAG_ERROR, FX "midyear-R5.xml", 3, 11,
	       "record for 'pj-1' of the R5 mid-year meeting is already loaded", NULL);
	EXPECT_COUNT(1, 0);
	plan_free(p);
}

/* Two good records and a bad one: none of them reaches the plan, and the
 * plan's arena does not grow. */
static void test_nothing_is_half_merged(void)
{
	struct plan *p = load_plan();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	struct pdca_record *before = p->pdca;
	size_t used = arena_used(p->arena);
	CU_ASSERT_EQUAL(pdca_load(p, FX "partial.xml", &DL), -1);
	EXPECT(DIAG_ERROR, FX "partial.xml", 17, 11, "record refers to 'pj-9'", NULL);
	EXPECT_COUNT(1, 0);
	CU_ASSERT_PTR_EQUAL(p->pdca, before);
	CU_ASSERT_EQUAL(p->n_pdca, 3);
	CU_ASSERT_EQUAL(arena_used(p->arena), used);
	size_t n;
	CU_ASSERT_PTR_NULL(pdca_of_year(p, 2024, &n));
	plan_free(p);
}

static void test_missing_pdca_file(void)
{
	struct plan *p = load_plan();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(pdca_load(p, FX "no-such-file.xml", &DL), -1);
	EXPECT(DIAG_ERROR, FX "no-such-file.xml", 0, 0, "cannot open the file", NULL);
	EXPECT_COUNT(1, 0);
	CU_ASSERT_EQUAL(p->n_pdca, 3);
	plan_free(p);
}

/* ---- named by the plan ------------------------------------------------------ */

static void test_bad_pdca_file_fails_the_plan_and_names_the_line(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "plan-bad-pdca.xml", &DL));
	EXPECT(DIAG_ERROR, FX "bad-header.xml", 2, 7, "PDCA file is for plan 'other-plan'",
	       NULL);
	EXPECT(DIAG_NOTE, FX "plan-bad-pdca.xml", 9, 3,
	       "in PDCA file 'bad-header.xml', named here", NULL);
	EXPECT_COUNT(4, 0);
}

static void test_pdca_file_must_not_be_a_url(void)
{
	reset();
	CU_ASSERT_PTR_NULL(plan_load(FX "plan-url-pdca.xml", &DL));
	EXPECT(DIAG_ERROR, FX "plan-url-pdca.xml", 8, 14,
	       "PDCA file 'https://example.invalid/pdca.xml' is a URL", NULL);
	EXPECT_COUNT(1, 0);
}

/* ---- the city plan's sample records ----------------------------------------- */

/* Sentences of a Japanese text: its 「。」s. */
static size_t sentences(const char *s)
{
	size_t n = 0;
	for (const char *q = s; (q = strstr(q, "。")) != NULL; q += strlen("。"))
		n++;
	return n;
}

static void test_city_plan_loads_all_twelve_files(void)
{
	reset();
	struct plan *p = plan_load("xml/kagoshima-city-plan2.xml", &DL);
	if (!p || DL.count)
		dump();
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(DL.count, 0);
	CU_ASSERT_EQUAL(p->n_pdca, 48);

	static const char *const months[] = {"-11-", "-10-", "-02-"};
	for (int fy = 2022; fy <= 2025; fy++) {
		size_t n;
		CU_ASSERT_PTR_NOT_NULL(pdca_of_year(p, fy, &n));
		CU_ASSERT_EQUAL(n, 12);
		for (int m = 0; m < PDCA_N_MEETINGS; m++) {
			const struct pdca_record *r = pdca_of_meeting(p, fy, (enum pdca_meeting)m, &n);
			CU_ASSERT_EQUAL_FATAL(n, 4);
			for (size_t i = 0; i < n; i++) {
				/* the council on pillars, the working meeting on projects */
				if (m == PDCA_COUNCIL) {
					CU_ASSERT_PTR_EQUAL(r[i].pillar, &p->pillars[i]);
				} else {
					CU_ASSERT_PTR_EQUAL(r[i].project, &p->projects[i]);
				}
				CU_ASSERT_PTR_EQUAL(r[i].session, r[0].session);
				/* short enough for a handout box */
				CU_ASSERT(r[i].plan.n_items >= 1 && r[i].plan.n_items <= 3);
				CU_ASSERT(r[i].done.n_items >= 2 && r[i].done.n_items <= 4);
				CU_ASSERT(r[i].action.n_items >= 1 && r[i].action.n_items <= 3);
				CU_ASSERT(r[i].next.n_items >= 1 && r[i].next.n_items <= 2);
				size_t k = sentences(r[i].check);
				CU_ASSERT(k >= 1 && k <= 3);
				CU_ASSERT_PTR_NULL(strstr(r[i].check, "％"));
				size_t figures = 0;
				for (k = 0; k < r[i].done.n_items; k++)
					figures += r[i].done.items[k].n_figures;
				CU_ASSERT(figures >= 2);
			}
			const struct pdca_session *s = r[0].session;
			CU_ASSERT_TRUE(s->illustrative);
			CU_ASSERT_PTR_NOT_NULL(s->note);
			CU_ASSERT_PTR_NOT_NULL(s->name);
			CU_ASSERT_PTR_NOT_NULL(strstr(s->date, months[m]));
			CU_ASSERT_EQUAL(s->year, m == PDCA_YEAREND ? fy + 1 : fy);
		}
	}
	const struct pdca_record *r = pdca_find(p, 2025, PDCA_COUNCIL, "p1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_STRING_EQUAL(r->session->date, "2025-11-21");
	CU_ASSERT_STRING_EQUAL(r->session->name, "令和7年度 鹿児島市中小企業振興推進会議");
	CU_ASSERT_STRING_EQUAL(r->pos.file, "xml/kagoshima-city-plan2-pdca-R7-council.xml");
	CU_ASSERT_PTR_NOT_NULL(pdca_find(p, 2022, PDCA_MIDYEAR, "pj-4"));
	CU_ASSERT_PTR_NULL(pdca_find(p, 2026, PDCA_MIDYEAR, "pj-4"));
	plan_free(p);
}

static void test_prefecture_plan_has_no_records(void)
{
	reset();
	struct plan *p = plan_load("xml/kagoshima-pref-manufacturing.xml", &DL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(p->n_pdca, 0);
	CU_ASSERT_PTR_NULL(p->pdca);
	plan_free(p);
}

static const struct cu_case cases[] = {
	{"plan loads its PDCA files, sorted", test_plan_loads_its_pdca_files_sorted},
	{"records are read as written", test_records_are_read_as_written},
	{"look-ups", test_lookups},
	{"bad records are all reported", test_bad_records_are_all_reported},
	{"figure numbers say why, as actuals do", test_figure_numbers_say_why_as_actuals_do},
	{"bad meeting attributes", test_bad_meeting_attributes},
	{"year outside the plan period", test_year_outside_the_plan_period},
	{"dates outside the year or of no day", test_dates_outside_the_year_or_of_no_day},
	{"date window is the year and the next", test_date_window_is_the_year_and_the_next},
	{"schema refuses results in check", test_schema_refuses_results_in_check},
	{"percentage in check only warns", test_percentage_in_check_only_warns},
	{"record already loaded is refused", test_record_already_loaded_is_refused},
	{"nothing is half-merged", test_nothing_is_half_merged},
	{"missing PDCA file", test_missing_pdca_file},
	{"bad PDCA file fails the plan and names the line", test_bad_pdca_file_fails_the_plan_and_names_the_line},
	{"PDCA file must not be a URL", test_pdca_file_must_not_be_a_url},
	{"city plan loads all twelve files", test_city_plan_loads_all_twelve_files},
	{"prefecture plan has no records", test_prefecture_plan_has_no_records},
	{NULL, NULL},
};

CU_MAIN("pdca", cases)
