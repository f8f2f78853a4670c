/* test_doc.c - the documents as composed from the shipped plans: what the
 * reader sees in the display list.  Loads xml/kagoshima-city-plan2.xml
 * (run from the top directory), builds a document of R7 and reads its lines
 * back: the indicator tables' value columns, the bracketed years of a
 * value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cu_main.h"
#include "dl_read.h"
#include "diag.h"
#include "doc.h"
#include "dlist.h"
#include "font.h"
#include "load.h"
#include "text.h"

#define FY_R7 2025

static struct fontset *fonts;
static struct text_engine *te;
static struct diag_list diags = DIAG_LIST_INIT;
static struct plan *city;

static void cleanup(void)
{
	plan_free(city);
	text_engine_free(te);
	fontset_free(fonts);
	diag_list_release(&diags);
}

static void setup(void)
{
	if (te)
		return;
	fonts = fontset_load(NULL, &diags);
	te = fonts ? text_engine_new(fonts, &diags) : NULL;
	city = plan_load("xml/kagoshima-city-plan2.xml", &diags);
	if (!te || !city) {
		diag_print(&diags, stderr);
		exit(2);
	}
	atexit(cleanup);
}

static struct dl_doc *build(enum doc_kind kind)
{
	setup();
	struct doc_options o = {.kind = kind, .fy = FY_R7, .date = 1763683200};
	struct dl_doc *d = NULL;
	struct diag_list dl = DIAG_LIST_INIT;
	CU_ASSERT_EQUAL_FATAL(doc_build(city, &o, te, &d, &dl), 0);
	diag_list_release(&dl);
	return d;
}

/* ---- lines as drawn ------------------------------------------------------ */

static struct dl_line *lines;
static size_t n_lines;

static void read_lines(const struct dl_doc *d)
{
	free(lines);
	lines = dl_read_lines(te, d, &n_lines);
}

static const struct dl_line *find_line(const char *text)
{
	for (size_t i = 0; i < n_lines; i++)
		if (!strcmp(lines[i].text, text))
			return &lines[i];
	return NULL;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && !strcmp(s + n - k, tail);
}

/* ---- cases ------------------------------------------------------------- */

/* Pillar ① of the city plan: 基準値, 実績 and 目標値 of two rows end at the
 * same x, column by column (numbers right-aligned), and each value column
 * of a row ends left of the next one's start. */
static void value_columns_are_right_aligned(void)
{
	struct dl_doc *d = build(DOC_COUNCIL);
	read_lines(d);
	static const char *const rows[2][3] = {
		{"17事業者（R2）", "123事業者", "220事業者（R13）"},
		{"2件（R2）", "28件", "70件（R13）"},
	};
	const struct dl_line *l[2][3];
	for (int r = 0; r < 2; r++)
		for (int k = 0; k < 3; k++) {
			l[r][k] = find_line(rows[r][k]);
			CU_ASSERT_PTR_NOT_NULL_FATAL(l[r][k]);
		}
	for (int k = 0; k < 3; k++) {
		CU_ASSERT_DOUBLE_EQUAL(l[0][k]->x_end, l[1][k]->x_end, 0.2);
		/* and not merely left-aligned values of equal width */
		CU_ASSERT(l[0][k]->x + 1 < l[1][k]->x);
	}
	dl_doc_free(d);
}

/* 1,200人（R4～R13累計） does not fit a value column: the bracket goes to
 * the next line whole, never split after 「累」. */
static void bracketed_years_wrap_whole(void)
{
	for (int kind = 0; kind < 2; kind++) {
		struct dl_doc *d = build(kind ? DOC_ANNUAL : DOC_COUNCIL);
		read_lines(d);
		CU_ASSERT_PTR_NOT_NULL(find_line("（R4～R13累計）"));
		for (size_t i = 0; i < n_lines; i++)
			if (ends_with(lines[i].text, "累")) {
				fprintf(stderr, "split: '%s' on page %zu\n",
					lines[i].text, lines[i].page);
				CU_FAIL("a bracket split after 累");
			}
		dl_doc_free(d);
	}
}

/* The Check box reads as the other three: its computed results and its
 * evaluation are 「・」 items in the font of the Plan box's items. */
static void check_box_like_the_others(void)
{
	setup();
	struct doc_options o = {.kind = DOC_PROJECT, .fy = FY_R7,
				.meeting = MEETING_MIDYEAR, .date = 1763683200};
	struct dl_doc *d = NULL;
	struct diag_list dl = DIAG_LIST_INIT;
	CU_ASSERT_EQUAL_FATAL(doc_build(city, &o, te, &d, &dl), 0);
	diag_list_release(&dl);
	read_lines(d);
	const struct dl_line *plan = find_line("・台湾での商談会");
	CU_ASSERT_PTR_NOT_NULL_FATAL(plan);
	const struct dl_line *results = NULL, *eval = NULL;
	for (size_t i = 0; i < n_lines; i++) {
		if (lines[i].page != plan->page)
			continue;
		if (strstr(lines[i].text, "主要指標3件（R7）"))
			results = &lines[i];
		if (strstr(lines[i].text, "定期輸出の仕組みは"))
			eval = &lines[i];
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(results);
	CU_ASSERT_PTR_NOT_NULL_FATAL(eval);
	CU_ASSERT_NSTRING_EQUAL(results->text, "・", strlen("・"));
	CU_ASSERT_NSTRING_EQUAL(eval->text, "・", strlen("・"));
	CU_ASSERT_EQUAL(results->font, plan->font);
	CU_ASSERT_EQUAL(eval->font, plan->font);
	dl_doc_free(d);
}

static const struct cu_case cases[] = {
	{"the PDCA Check box: 「・」 items in the others' font",
	 check_box_like_the_others},
	{"numbers right-aligned in the indicator table's value columns",
	 value_columns_are_right_aligned},
	{"a value's bracketed years wrap whole", bracketed_years_wrap_whole},
	{NULL, NULL},
};

CU_MAIN("doc", cases)
