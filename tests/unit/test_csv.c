/* test_csv.c - yearly actuals from Excel CSV (actuals_csv.h).
 *
 * A small plan (R4–R13) is built in an arena with a simple count, a share,
 * a per-year unit and two compound indicators; CSV text is fed through
 * actuals_parse_csv, and the byte-exact fixtures (CP932, UTF-8 with BOM,
 * made by tests/fixtures/csv/make-fixtures.sh) through actuals_load_csv.
 */
#include <string.h>

#include "actuals_csv.h"
#include "arena.h"
#include "cu_main.h"
#include "diag.h"
#include "plan.h"

#define FIXTURES "tests/fixtures/csv/"

static struct arena *A;
static struct plan *P;
static struct diag_list DL;

static struct decimal dec(int64_t units, int scale)
{
	return (struct decimal){units, scale};
}

static void simple(struct indicator *ind, const char *id, const char *name, const char *unit)
{
	ind->id = id;
	ind->name = name;
	ind->n_measures = 1;
	ind->measures = arena_calloc(A, 1, sizeof *ind->measures);
	ind->measures->id = id;
	ind->measures->unit = unit;
}

static void compound(struct indicator *ind, const char *id, const char *name,
		     const char *id1, const char *name1, const char *id2, const char *name2,
		     const char *unit2)
{
	ind->id = id;
	ind->name = name;
	ind->n_measures = 2;
	ind->measures = arena_calloc(A, 2, sizeof *ind->measures);
	ind->measures[0] = (struct measure){.id = id1, .name = name1, .unit = "件"};
	ind->measures[1] = (struct measure){.id = id2, .name = name2, .unit = unit2};
}

static void setup(void)
{
	A = arena_new();
	P = arena_calloc(A, 1, sizeof *P);
	P->arena = A;
	P->file = "plan.xml";
	P->from = 2022; /* R4 */
	P->to = 2031;   /* R13 */
	P->n_indicators = 6;
	P->indicators = arena_calloc(A, 6, sizeof *P->indicators);
	simple(&P->indicators[0], "kpi-01", "新たな事業展開に取り組む事業者数", "事業者");
	simple(&P->indicators[1], "kpi-pct", "市内就業者の満足度", "％");
	compound(&P->indicators[2], "pref-u", "産学官連携による製品化件数と技術開発件数",
		 "pref-u-products", "製品化件数", "pref-u-tech", "技術開発件数", "件");
	simple(&P->indicators[3], "kpi-mig", "移住者数", "人/年");
	compound(&P->indicators[4], "pref-o", "立地協定件数と新規雇用者数", "pref-o-sites",
		 "立地協定件数", "pref-o-jobs", "新規雇用者数", "人");
	compound(&P->indicators[5], "other", "別の指標", "other-a", "件数A", "other-jobs",
		 "新規雇用者数", "人");
	diag_list_init(&DL);
}

static void teardown(void)
{
	diag_list_release(&DL);
	arena_free(A);
	A = NULL;
	P = NULL;
}

static struct measure *M(const char *id)
{
	for (size_t i = 0; i < P->n_indicators; i++)
		for (size_t j = 0; j < P->indicators[i].n_measures; j++)
			if (!strcmp(P->indicators[i].measures[j].id, id))
				return &P->indicators[i].measures[j];
	return NULL;
}

static const struct actual *actual_of(const char *id, int fy)
{
	const struct measure *m = M(id);
	for (size_t i = 0; m && i < m->n_actuals; i++)
		if (m->actuals[i].fy == fy)
			return &m->actuals[i];
	return NULL;
}

static bool value_is(const char *id, int fy, int64_t units, int scale)
{
	const struct actual *a = actual_of(id, fy);
	return a && a->known && a->value.units == units && a->value.scale == scale;
}

static int parse(const char *name, const char *text)
{
	return actuals_parse_csv(P, name, text, strlen(text), &DL);
}

/* Whether some diagnostic has this severity, line and message start. */
static bool has_diag(enum diag_severity sev, int line, const char *start)
{
	for (size_t i = 0; i < DL.count; i++)
		if (DL.items[i].severity == sev && DL.items[i].line == line &&
		    !strncmp(DL.items[i].message, start, strlen(start)))
			return true;
	return false;
}

/* Whether some error has this row, column and message start. */
static bool has_error_at(int line, int column, const char *start)
{
	for (size_t i = 0; i < DL.count; i++)
		if (DL.items[i].severity == DIAG_ERROR && DL.items[i].line == line &&
		    DL.items[i].column == column &&
		    !strncmp(DL.items[i].message, start, strlen(start)))
			return true;
	return false;
}

static size_t total_actuals(void)
{
	size_t n = 0;
	for (size_t i = 0; i < P->n_indicators; i++)
		for (size_t j = 0; j < P->indicators[i].n_measures; j++)
			n += P->indicators[i].measures[j].n_actuals;
	return n;
}

static void dump(void)
{
	diag_print(&DL, stdout);
}

/* ---- encodings ----------------------------------------------------------- */

static void test_utf8_bom_crlf_fixture(void)
{
	setup();
	const char *path = FIXTURES "utf8-bom.csv";
	CU_ASSERT_EQUAL(actuals_load_csv(P, path, &DL), 0);
	CU_ASSERT_EQUAL(DL.errors, 0);
	CU_ASSERT(value_is("kpi-01", 2022, 25, 0));
	CU_ASSERT(value_is("kpi-01", 2023, 1200, 0));
	CU_ASSERT(value_is("kpi-pct", 2024, 651, 1));
	const struct actual *a = actual_of("kpi-01", 2023);
	CU_ASSERT_FATAL(a != NULL);
	CU_ASSERT_STRING_EQUAL(a->source, path);
	CU_ASSERT_EQUAL(a->line, 3);
	CU_ASSERT_FALSE(a->illustrative);
	CU_ASSERT_EQUAL(M("kpi-01")->n_actuals, 2);
	if (DL.errors)
		dump();
	teardown();
}

/* As Excel saves "CSV (コンマ区切り)" on Japanese Windows: CP932, CRLF, with
 * CP932-only characters (①, ～) in the notes. */
static void test_cp932_fixture(void)
{
	setup();
	const char *path = FIXTURES "cp932.csv";
	FILE *f = fopen(path, "rb");
	CU_ASSERT_FATAL(f != NULL);
	unsigned char head[2] = {0, 0};
	CU_ASSERT_EQUAL(fread(head, 1, 2, f), 2);
	fclose(f);
	CU_ASSERT(head[0] == 0x8E && head[1] == 0x77); /* 「指」 in Shift_JIS */

	CU_ASSERT_EQUAL(actuals_load_csv(P, path, &DL), 0);
	CU_ASSERT_EQUAL(DL.errors, 0);
	CU_ASSERT(value_is("kpi-01", 2022, 25, 0));           /* by name, 25事業者 */
	CU_ASSERT(value_is("kpi-pct", 2023, 651, 1));         /* ６５．１％ */
	CU_ASSERT(value_is("pref-u-products", 2022, 11, 0));  /* name + part, 11件 */
	CU_ASSERT(value_is("pref-u-tech", 2022, 1180, 0));    /* part name, "1,180" */
	CU_ASSERT_EQUAL(actual_of("pref-u-tech", 2022)->line, 5);
	if (DL.errors)
		dump();
	teardown();
}

static void test_bad_encodings(void)
{
	setup();
	/* 0x80 and 0xA0 are no CP932 characters, and not UTF-8 either */
	CU_ASSERT_EQUAL(parse("bad.csv", "指標,年度,実績\nkpi-01,R4,\x80\xA0\n"), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 2, "file is neither UTF-8 nor Shift_JIS/CP932 (byte "
					  "0x80 is not UTF-8)"));
	diag_list_release(&DL);

	/* a CP932 file with one bad byte at the start of line 3 */
	char buf[512];
	FILE *f = fopen(FIXTURES "cp932.csv", "rb");
	CU_ASSERT_FATAL(f != NULL);
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	char *line3 = memchr(buf, '\n', n);
	CU_ASSERT_FATAL(line3 != NULL);
	line3 = memchr(line3 + 1, '\n', n - (size_t)(line3 + 1 - buf));
	CU_ASSERT_FATAL(line3 != NULL);
	line3[1] = '\x80';
	CU_ASSERT_EQUAL(actuals_parse_csv(P, "sjis.csv", buf, n, &DL), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 3, "file is neither UTF-8 nor Shift_JIS/CP932 (byte "
					  "0x80 is not CP932)"));
	diag_list_release(&DL);
	static const char utf16[] = "\xFF\xFE\x07\x63";
	CU_ASSERT_EQUAL(actuals_parse_csv(P, "u16.csv", utf16, 4, &DL), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 0, "file is UTF-16"));
	diag_list_release(&DL);
	static const char nul[] = "指標,年度,実績\nkpi-01,R4,1\0\n";
	CU_ASSERT_EQUAL(actuals_parse_csv(P, "nul.csv", nul, sizeof nul - 1, &DL), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 2, "file contains NUL bytes"));
	diag_list_release(&DL);
	CU_ASSERT_EQUAL(parse("empty.csv", "\xEF\xBB\xBF"), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 0, "file is empty"));
	CU_ASSERT_EQUAL(total_actuals(), 0);
	teardown();
}

/* ---- the header ---------------------------------------------------------- */

static void test_english_header_with_note(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("en.csv", "Indicator,Year,Value,Note\n"
					"kpi-01,2024,30,first count\n"
					"kpi-mig,R5,305人,\n"),
			0);
	CU_ASSERT(value_is("kpi-01", 2024, 30, 0));
	CU_ASSERT(value_is("kpi-mig", 2023, 305, 0)); /* "人" for a unit "人/年" */
	teardown();
}

static void test_columns_in_any_order_and_trailing_commas(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("order.csv", "年度,実績,指標,備考,,\r\n"
					   "R4,12,kpi-01,,,\r\n"
					   ",,,,,\r\n"
					   "\r\n"
					   "R5,13,kpi-01,メモ,,\r\n"),
			0);
	CU_ASSERT(value_is("kpi-01", 2022, 12, 0));
	CU_ASSERT(value_is("kpi-01", 2023, 13, 0));
	CU_ASSERT(actual_of("kpi-01", 2023)->line == 5); /* blank rows still count */
	diag_list_release(&DL);
	CU_ASSERT_EQUAL(parse("order.csv", "年度,実績,指標,\nR6,14,kpi-01,x\n"), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 2, "value 'x' in a column without a header"));
	teardown();
}

static void test_header_errors(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("h.csv", "kpi-01,R4,25\n"), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 1, "unknown column 'kpi-01'"));
	diag_list_release(&DL);
	CU_ASSERT_EQUAL(parse("h.csv", "指標,年度\nkpi-01,R4\n"), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 1, "the first row must be the header 指標,年度,実績"));
	diag_list_release(&DL);
	CU_ASSERT_EQUAL(parse("h.csv", "指標,年度,実績,実績\n"), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 1, "column '実績' appears twice"));
	teardown();
}

/* ---- naming indicators --------------------------------------------------- */

static void test_names_and_ids(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("names.csv",
			      "指標,年度,実績\n"
			      "新たな事業展開に取り組む事業者数,R4,1\n"              /* name */
			      "pref-u-products,R4,2\n"                               /* part id */
			      "技術開発件数,R4,3\n"                                  /* part name */
			      "立地協定件数と新規雇用者数・新規雇用者数,R4,4\n"      /* name・part */
			      "立地協定件数と新規雇用者数（立地協定件数）,R4,5\n"    /* name（part） */
			      "別の指標 新規雇用者数,R4,6\n"                         /* name part */
			      "産学官連携による製品化件数と技術開発件数製品化件数,R5,7\n"),
			0);
	CU_ASSERT(value_is("kpi-01", 2022, 1, 0));
	CU_ASSERT(value_is("pref-u-products", 2022, 2, 0));
	CU_ASSERT(value_is("pref-u-tech", 2022, 3, 0));
	CU_ASSERT(value_is("pref-o-jobs", 2022, 4, 0));
	CU_ASSERT(value_is("pref-o-sites", 2022, 5, 0));
	CU_ASSERT(value_is("other-jobs", 2022, 6, 0));
	CU_ASSERT(value_is("pref-u-products", 2023, 7, 0));
	if (DL.errors)
		dump();
	teardown();
}

static void test_names_that_do_not_resolve(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("names.csv", "指標,年度,実績\n"
					   "新規雇用者数,R4,1\n"
					   "pref-u,R4,2\n"
					   "産学官連携による製品化件数と技術開発件数,R4,3\n"
					   "新たな事業展開に取り組む事業者,R4,4\n"
					   ",R4,5\n"),
			-1);
	CU_ASSERT(has_diag(DIAG_ERROR, 2, "indicator name '新規雇用者数' is ambiguous"));
	CU_ASSERT(has_diag(DIAG_ERROR, 3, "indicator 'pref-u' has several parts; name one of "
					  "them: 'pref-u-products', 'pref-u-tech'"));
	CU_ASSERT(has_diag(DIAG_ERROR, 4, "indicator '産学官連携による製品化件数と技術開発件数' "
					  "has several parts"));
	CU_ASSERT(has_diag(DIAG_ERROR, 5, "no indicator '新たな事業展開に取り組む事業者' in the plan"));
	CU_ASSERT(has_diag(DIAG_ERROR, 6, "no indicator named in the row"));
	CU_ASSERT_EQUAL(DL.errors, 5);
	CU_ASSERT_EQUAL(total_actuals(), 0);
	teardown();
}

/* ---- years and values ---------------------------------------------------- */

static void test_year_forms(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("y.csv", "指標,年度,実績\n"
				       "kpi-01,2022,1\n"
				       "kpi-01,R5,2\n"
				       "kpi-01,令和6年度,3\n"
				       "kpi-01,Ｒ７,4\n"
				       "kpi-01,2026年度,5\n"
				       "kpi-01,令和9,6\n"),
			0);
	for (int i = 0; i < 6; i++)
		CU_ASSERT(value_is("kpi-01", 2022 + i, i + 1, 0));
	teardown();
}

static void test_value_forms(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("v.csv", "指標,年度,実績\n"
				       "kpi-01,R4,\"1,200\"\n"
				       "kpi-01,R5,１２０\n"
				       "kpi-01,R6,17事業者\n"
				       "kpi-01,R7, 18 事業者 \n"
				       "kpi-pct,R4,65.1％\n"
				       "kpi-pct,R5,65.1%\n"
				       "kpi-pct,R6,６５．１\n"
				       "kpi-pct,R7,▲0.5\n"
				       "kpi-pct,R8,-1.25\n"
				       "pref-u-tech,R4,\"１，１８０件\"\n"),
			0);
	CU_ASSERT(value_is("kpi-01", 2022, 1200, 0));
	CU_ASSERT(value_is("kpi-01", 2023, 120, 0));
	CU_ASSERT(value_is("kpi-01", 2024, 17, 0));
	CU_ASSERT(value_is("kpi-01", 2025, 18, 0));
	CU_ASSERT(value_is("kpi-pct", 2022, 651, 1));
	CU_ASSERT(value_is("kpi-pct", 2023, 651, 1));
	CU_ASSERT(value_is("kpi-pct", 2024, 651, 1));
	CU_ASSERT(value_is("kpi-pct", 2025, -5, 1));
	CU_ASSERT(value_is("kpi-pct", 2026, -125, 2));
	CU_ASSERT(value_is("pref-u-tech", 2022, 1180, 0));
	if (DL.errors)
		dump();
	teardown();
}

/* Every kind of bad row, each reported with its row, and nothing merged. */
static void test_bad_rows_with_row_numbers(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("bad.csv", "指標,年度,実績\r\n"
					 "kpi-01,R4,10\r\n"
					 "kpi-99,R4,10\r\n"
					 "kpi-01,R15,10\r\n"
					 "kpi-01,R5,10x\r\n"
					 "kpi-01,R6,10件\r\n"
					 "kpi-01,R4,11\r\n"
					 "kpi-01,R7\r\n"
					 "kpi-01,昨年,1\r\n"
					 "kpi-01,R8,－\r\n"
					 "kpi-01,H31,1\r\n"
					 "kpi-pct,R9,12.3.4\r\n"),
			-1);
	CU_ASSERT(has_diag(DIAG_ERROR, 3, "no indicator 'kpi-99' in the plan"));
	CU_ASSERT(has_diag(DIAG_ERROR, 4, "year 'R15' is outside the plan (R4–R13)"));
	CU_ASSERT(has_diag(DIAG_ERROR, 5, "value has unit 'x', but the indicator is measured in '事業者'"));
	CU_ASSERT(has_diag(DIAG_ERROR, 6, "value has unit '件', but the indicator is measured in '事業者'"));
	CU_ASSERT(has_diag(DIAG_ERROR, 7, "duplicate row: 'kpi-01' in R4 was already given in row 2"));
	CU_ASSERT(has_diag(DIAG_ERROR, 8, "row has 2 fields, the header has 3"));
	CU_ASSERT(has_diag(DIAG_ERROR, 9, "'昨年' is not a fiscal year"));
	CU_ASSERT(has_diag(DIAG_ERROR, 10, "value '－' is not a number; leave the cell empty"));
	CU_ASSERT(has_diag(DIAG_ERROR, 11, "year 'H31' is outside the plan"));
	CU_ASSERT(has_diag(DIAG_ERROR, 12, "value '12.3.4' is not a number; it has two decimal points"));
	CU_ASSERT_EQUAL(DL.errors, 10);
	CU_ASSERT_EQUAL(total_actuals(), 0); /* row 2 was fine, and is not merged */
	CU_ASSERT_STRING_EQUAL(DL.items[0].file, "bad.csv");
	CU_ASSERT_EQUAL(DL.items[0].column, 1);
	char buf[512];
	diag_format(&DL.items[0], buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "bad.csv:3:1: error: no indicator 'kpi-99' in the plan "
				    "(give its id or its exact name)");
	teardown();
}

/* The first diagnostic of row line, or NULL. */
static const struct diag *diag_of_row(int line)
{
	for (size_t i = 0; i < DL.count; i++)
		if (DL.items[i].line == line)
			return &DL.items[i];
	return NULL;
}

/* 1e9 was read as 1 with the unit 'e9'.  Exponent notation is refused as
 * what it is, at FILE:ROW:COLUMN (the value's first character, counted in
 * characters, after a quote and blanks), with the number in full. */
static void test_exponent_notation_refused_with_column(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("exp.csv", "指標,年度,実績\n"
					 "kpi-01,R4,1e9\n"
					 "kpi-01,R5,\"1.5E+3\"\n"
					 "kpi-01,R6,▲２．５ｅ－３\n"
					 "kpi-pct,令和7,　1e-2％\n"
					 "kpi-01,R8,1e999\n"
					 "kpi-01,R9,1E\n"),
			-1);
	static const struct {
		int row, column;
		const char *message;
	} want[] = {
		{2, 11, "value '1e9' is a number in exponent notation, which is not accepted; "
			"write the number in full: 1000000000"},
		{3, 12, "value '1.5E+3' is a number in exponent notation, which is not "
			"accepted; write the number in full: 1500 "},
		{4, 11, "value '▲２．５ｅ－３' is a number in exponent notation, which is "
			"not accepted; write the number in full: -0.0025 "},
		{5, 14, "value '1e-2％' is a number in exponent notation, which is not "
			"accepted; write the number in full: 0.01 "},
		{6, 11, "value '1e999' is a number in exponent notation, which is not "
			"accepted; write the number in full, e.g. 1000000000 for 1e9"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct diag *d = diag_of_row(want[i].row);
		CU_ASSERT_PTR_NOT_NULL(d);
		if (!d)
			continue;
		CU_ASSERT_EQUAL(d->severity, DIAG_ERROR);
		CU_ASSERT_EQUAL(d->column, want[i].column);
		CU_ASSERT_NSTRING_EQUAL(d->message, want[i].message, strlen(want[i].message));
	}
	/* An E with no digits after it is still just a wrong unit. */
	CU_ASSERT(has_diag(DIAG_ERROR, 7, "value has unit 'E', but the indicator is measured in"));
	CU_ASSERT_EQUAL(DL.errors, 6);
	char buf[512];
	CU_ASSERT_NSTRING_EQUAL(diag_format(diag_of_row(2), buf, sizeof buf),
				"exp.csv:2:11: error: value '1e9' is a number in exponent notation",
				strlen("exp.csv:2:11: error: value '1e9' is a number in exponent notation"));
	CU_ASSERT_EQUAL(total_actuals(), 0);
	if (DL.errors != 6)
		dump();
	teardown();
}

/* A value that is not a number says so once, and why when decimal.c can
 * tell (it said "value 'x' is not a number (not a number)"); "12.3.4" is
 * such a value, not 12.3 with the unit '.4'. */
static void test_not_a_number_says_why_once(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("nan.csv", "指標,年度,実績\n"
					 "kpi-01,R4,abc\n"
					 "kpi-pct,R5,12.3.4\n"
					 "kpi-pct,R6,\"1,23％\"\n"
					 "kpi-01,R7,▲\n"
					 "kpi-01,R8,.5\n"
					 "kpi-01,R9,99999999999999999999\n"
					 "kpi-01,R10,―\n"
					 "kpi-pct,R11,６５．１．２％\n"),
			-1);
	static const char *const want[] = {
		"value 'abc' is not a number; it has letters",
		"value '12.3.4' is not a number; it has two decimal points",
		"value '1,23％' is not a number; it has a thousands separator in the wrong place",
		"value '▲' is not a number; it has no digits",
		"value '.5' is not a number; it has no digit before its decimal point",
		"value '99999999999999999999': number too long (more than 18 digits or 6 "
		"decimals)",
		"value '―' is not a number; leave the cell empty for a value not yet known",
		"value '６５．１．２％' is not a number; it has two decimal points",
	};
	for (int i = 0; i < (int)(sizeof want / sizeof want[0]); i++) {
		const struct diag *d = diag_of_row(i + 2);
		CU_ASSERT_PTR_NOT_NULL(d);
		if (d)
			CU_ASSERT_STRING_EQUAL(d->message, want[i]);
	}
	CU_ASSERT_EQUAL(DL.errors, sizeof want / sizeof want[0]);
	teardown();
}

/* Every error about a cell is at FILE:ROW:COLUMN, the column of the cell's
 * first character (after a quote and blanks, counted in characters), so
 * that an editor can go to it; only what concerns the row as a whole (its
 * number of fields, a second row for the same year) is at FILE:ROW. */
static void test_cell_errors_name_their_column(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("cells.csv", "指標,年度,実績\n"
					   "kpi-99,R4,10\n"
					   "kpi-01,R15,10\n"
					   "kpi-01,昨年,1\n"
					   "kpi-01,R5,10x\n"
					   "kpi-01,R6,abc\n"
					   "kpi-01,R7,－\n"
					   "kpi-01,R8,▲-1\n"
					   ",R9,1\n"
					   "kpi-01,,1\n"
					   "kpi-01,R10,=1+1\n"
					   "　新規雇用者数,R4,1\n"
					   "\"pref-u\",R4,2\n"
					   "kpi-pct,R4,\"1\"2\n"
					   "kpi-pct,R5,3\"\n"
					   "kpi-pct,R6,1\n"
					   "kpi-pct,R6,2\n"
					   "kpi-pct,R7\n"
					   "kpi-pct,R8,\"4\n"),
			-1);
	static const struct {
		int row, column;
		const char *message;
	} want[] = {
		{2, 1, "no indicator 'kpi-99' in the plan"},
		{3, 8, "year 'R15' is outside the plan"},
		{4, 8, "'昨年' is not a fiscal year"},
		{5, 11, "value has unit 'x'"},
		{6, 11, "value 'abc' is not a number; it has letters"},
		{7, 11, "value '－' is not a number; leave the cell empty"},
		{8, 11, "value '▲-1' has two signs"},
		{9, 1, "no indicator named in the row"},
		{10, 8, "no year given"},
		{11, 12, "formula not evaluated: '=1+1'"},
		{12, 2, "indicator name '新規雇用者数' is ambiguous"},
		{13, 2, "indicator 'pref-u' has several parts"},
		{14, 13, "text after a closing quote"},
		{15, 12, "stray quote in a field"},
		{15, 12, "value has unit '\"'"}, /* the quote stays in the text */
		{17, 0, "duplicate row: 'kpi-pct' in R6 was already given in row 16"},
		{18, 0, "row has 2 fields, the header has 3"},
		{19, 13, "quoted field is not closed before the end of the file"},
		{19, 13, "value has unit '?'"}, /* the line end stays in the text */
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		bool found = has_error_at(want[i].row, want[i].column, want[i].message);
		if (!found)
			printf("\n  missing %d:%d: %s\n", want[i].row, want[i].column,
			       want[i].message);
		CU_ASSERT(found);
	}
	CU_ASSERT_EQUAL(DL.errors, sizeof want / sizeof want[0]);
	if (DL.errors != sizeof want / sizeof want[0])
		dump();
	diag_list_release(&DL);

	/* the header's cells, and a cell in a column without a header */
	CU_ASSERT_EQUAL(parse("h.csv", "指標,年度,実績, foo,実績\n"), -1);
	CU_ASSERT(has_error_at(1, 11, "unknown column 'foo'"));
	CU_ASSERT(has_error_at(1, 15, "column '実績' appears twice in the header"));
	diag_list_release(&DL);
	CU_ASSERT_EQUAL(parse("h.csv", "指標,年度,実績,\nkpi-01,R4,1,x\n"), -1);
	CU_ASSERT(has_error_at(2, 13, "value 'x' in a column without a header"));
	teardown();
}

static void test_formula_refused(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("f.csv", "指標,年度,実績\n"
				       "kpi-01,R4,=SUM(B2:B3)\n"
				       "kpi-01,R5,+12\n"
				       "@kpi-01,R6,12\n"
				       "kpi-01,=A1,12\n"
				       "kpi-01,R7,-A1*2\n"
				       "kpi-01,R8,-3\n"),
			-1);
	for (int row = 2; row <= 6; row++)
		CU_ASSERT(has_diag(DIAG_ERROR, row, "formula not evaluated: '"));
	CU_ASSERT(has_diag(DIAG_ERROR, 2, "formula not evaluated: '=SUM(B2:B3)'"));
	CU_ASSERT_EQUAL(DL.errors, 5); /* -3 is a number */
	CU_ASSERT_EQUAL(total_actuals(), 0);
	teardown();
}

static void test_huge_field_refused(void)
{
	setup();
	size_t n = ACTUALS_CSV_MAX_FIELD + 100;
	char *text = malloc(n + 64);
	CU_ASSERT_FATAL(text != NULL);
	strcpy(text, "指標,年度,実績\nkpi-01,R4,\"");
	size_t at = strlen(text);
	memset(text + at, '9', n);
	strcpy(text + at + n, "\"\nkpi-01,R5,1\n");
	CU_ASSERT_EQUAL(parse("huge.csv", text), -1);
	CU_ASSERT(has_error_at(2, 12, "field longer than 4096 bytes refused"));
	CU_ASSERT_EQUAL(DL.errors, 1); /* row 3 was read in step */
	CU_ASSERT_EQUAL(total_actuals(), 0);
	free(text);
	teardown();
}

/* ---- quoting ------------------------------------------------------------- */

static void test_quoting(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("q.csv", "指標,年度,実績,備考\r\n"
				       "kpi-01,R4,\"1,234\",\"two\r\nlines, \"\"quoted\"\"\"\r\n"
				       "\"kpi-01\",\"R5\",\"5\",\r\n"),
			0);
	CU_ASSERT(value_is("kpi-01", 2022, 1234, 0));
	CU_ASSERT(value_is("kpi-01", 2023, 5, 0));
	CU_ASSERT_EQUAL(actual_of("kpi-01", 2023)->line, 3); /* rows, not lines */
	diag_list_release(&DL);

	CU_ASSERT_EQUAL(parse("q2.csv", "指標,年度,実績\n"
					"kpi-01,R6,1\"2\n"
					"kpi-01,R7,\"3\"x\n"
					"kpi-01,R8,\"4\n"),
			-1);
	CU_ASSERT(has_diag(DIAG_ERROR, 2, "stray quote in a field"));
	CU_ASSERT(has_diag(DIAG_ERROR, 3, "text after a closing quote"));
	CU_ASSERT(has_diag(DIAG_ERROR, 4, "quoted field is not closed"));
	CU_ASSERT(actual_of("kpi-01", 2024) == NULL);
	teardown();
}

/* ---- merging ------------------------------------------------------------- */

static void test_merge_override_and_empty_values(void)
{
	setup();
	/* what the plan's XML actuals left: an illustrative R4 value */
	struct measure *m = M("kpi-01");
	m->actuals = arena_calloc(A, 2, sizeof *m->actuals);
	m->actuals[0] = (struct actual){2022, true, dec(20, 0), true, "plan-actuals.xml", 12};
	m->actuals[1] = (struct actual){2025, true, dec(50, 0), true, "plan-actuals.xml", 13};
	m->n_actuals = 2;
	P->actuals_illustrative = true;

	CU_ASSERT_EQUAL(parse("a.csv", "指標,年度,実績\n"
				       "kpi-01,R4,25\n"
				       "kpi-01,R6,\n"
				       "kpi-01,R5,30\n"),
			0);
	CU_ASSERT(has_diag(DIAG_NOTE, 2, "value of 'kpi-01' for R4 replaces the one from "
					 "plan-actuals.xml:12"));
	CU_ASSERT(DL.count == 1 && DL.items[0].column == 11); /* at the value's cell */
	CU_ASSERT_EQUAL(m->n_actuals, 4);
	int years[] = {2022, 2023, 2024, 2025};
	for (int i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(m->actuals[i].fy, years[i]); /* still sorted */
	CU_ASSERT(value_is("kpi-01", 2022, 25, 0));
	CU_ASSERT_FALSE(actual_of("kpi-01", 2022)->illustrative);
	CU_ASSERT_FALSE(actual_of("kpi-01", 2024)->known); /* empty: not yet known */
	CU_ASSERT_EQUAL(actual_of("kpi-01", 2024)->line, 3);
	CU_ASSERT(P->actuals_illustrative); /* R7 is still sample data */

	/* a later file overrides the earlier one; an empty cell erases nothing */
	diag_list_release(&DL);
	CU_ASSERT_EQUAL(parse("b.csv", "指標,年度,実績\n"
				       "kpi-01,R5,31\n"
				       "kpi-01,R7,52\n"
				       "kpi-01,R4,\n"
				       "kpi-01,R6,40\n"),
			0);
	CU_ASSERT(has_diag(DIAG_NOTE, 2, "value of 'kpi-01' for R5 replaces the one from a.csv:4"));
	CU_ASSERT(has_diag(DIAG_NOTE, 3, "value of 'kpi-01' for R7 replaces the one from "
					 "plan-actuals.xml:13"));
	CU_ASSERT_FALSE(has_diag(DIAG_NOTE, 4, "")); /* the empty R4 changes nothing */
	CU_ASSERT(value_is("kpi-01", 2023, 31, 0));
	CU_ASSERT(value_is("kpi-01", 2022, 25, 0));
	CU_ASSERT(value_is("kpi-01", 2024, 40, 0));
	CU_ASSERT_STRING_EQUAL(actual_of("kpi-01", 2024)->source, "b.csv");
	CU_ASSERT_FALSE(P->actuals_illustrative); /* every sample value replaced */
	CU_ASSERT_EQUAL(DL.errors, 0);
	teardown();
}

/* A file with one bad row changes nothing, even where other rows were fine
 * and would have overridden values. */
static void test_nothing_half_merged(void)
{
	setup();
	CU_ASSERT_EQUAL(parse("a.csv", "指標,年度,実績\nkpi-01,R4,25\nkpi-pct,R4,50.0\n"), 0);
	struct measure *m = M("kpi-01");
	const struct actual *before = m->actuals;
	diag_list_release(&DL);
	CU_ASSERT_EQUAL(parse("b.csv", "指標,年度,実績\n"
				       "kpi-01,R4,99\n"
				       "kpi-01,R5,98\n"
				       "kpi-pct,R4,bad\n"),
			-1);
	CU_ASSERT_EQUAL(DL.errors, 1);
	CU_ASSERT(has_diag(DIAG_ERROR, 4, "value 'bad' is not a number; it has letters"));
	CU_ASSERT(m->actuals == before);
	CU_ASSERT_EQUAL(m->n_actuals, 1);
	CU_ASSERT(value_is("kpi-01", 2022, 25, 0));
	CU_ASSERT(value_is("kpi-pct", 2022, 500, 1));
	CU_ASSERT_STRING_EQUAL(actual_of("kpi-01", 2022)->source, "a.csv");
	teardown();
}

static void test_missing_file(void)
{
	setup();
	CU_ASSERT_EQUAL(actuals_load_csv(P, FIXTURES "no-such-file.csv", &DL), -1);
	CU_ASSERT(has_diag(DIAG_ERROR, 0, "cannot open actuals"));
	teardown();
}

static const struct cu_case cases[] = {
	{"UTF-8 with BOM and CRLF (fixture)", test_utf8_bom_crlf_fixture},
	{"CP932 from Excel (fixture)", test_cp932_fixture},
	{"bad encodings refused", test_bad_encodings},
	{"English header with a note column", test_english_header_with_note},
	{"columns in any order, Excel's trailing commas", test_columns_in_any_order_and_trailing_commas},
	{"header errors", test_header_errors},
	{"indicators by id, name, part name", test_names_and_ids},
	{"names that do not resolve", test_names_that_do_not_resolve},
	{"year forms", test_year_forms},
	{"value forms: separators, full width, units, signs", test_value_forms},
	{"bad rows reported with row numbers", test_bad_rows_with_row_numbers},
	{"exponent notation refused at row and column", test_exponent_notation_refused_with_column},
	{"a value that is not a number says why, once", test_not_a_number_says_why_once},
	{"cell errors name their column", test_cell_errors_name_their_column},
	{"formulas refused", test_formula_refused},
	{"huge field refused", test_huge_field_refused},
	{"RFC 4180 quoting", test_quoting},
	{"merge: override, empty values, order", test_merge_override_and_empty_values},
	{"nothing half-merged", test_nothing_half_merged},
	{"missing file", test_missing_file},
	{NULL, NULL},
};

CU_MAIN("actuals CSV", cases)
