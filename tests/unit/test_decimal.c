/* test_decimal.c - decimals as written: parsing what staff type and PDF
 * extraction produces, exact rounding (四捨五入), formatting. */
#include "cu_main.h"
#include "decimal.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

/* Failures name the input, not just the line: "decimal_parse("7，809")". */
static void report(bool ok, unsigned line, const char *func,
		   const char *input, const char *detail)
{
	char msg[512];

	snprintf(msg, sizeof msg, "%s(\"%s\"): %s", func, input, detail);
	CU_assertImplementation(ok, line, msg, __FILE__, "", CU_FALSE);
}

static void check_parse(const char *s, int64_t units, int scale,
			unsigned line)
{
	struct decimal d = {-1, -1};
	enum decimal_status st = decimal_parse(s, &d);
	char detail[160];

	snprintf(detail, sizeof detail,
		 "got status %d, %lld scale %d; want %lld scale %d", (int)st,
		 (long long)d.units, d.scale, (long long)units, scale);
	report(st == DECIMAL_OK && d.units == units && d.scale == scale, line,
	       "decimal_parse", s, detail);
}

static void check_status(const char *s, enum decimal_status want,
			 unsigned line)
{
	struct decimal d = {-1, -1};
	enum decimal_status st = decimal_parse(s, &d);
	char detail[160];

	snprintf(detail, sizeof detail,
		 "got status %d, want %d (and *out untouched)", (int)st,
		 (int)want);
	report(st == want && d.units == -1 && d.scale == -1, line,
	       "decimal_parse", s, detail);
}

static void check_prefix(const char *s, int64_t units, int scale,
			 const char *rest, unsigned line)
{
	struct decimal d = {-1, -1};
	const char *end = NULL;
	enum decimal_status st = decimal_parse_prefix(s, &d, &end);
	char detail[200];

	snprintf(detail, sizeof detail,
		 "got status %d, %lld scale %d, rest \"%s\"; "
		 "want %lld scale %d, rest \"%s\"",
		 (int)st, (long long)d.units, d.scale, end ? end : "(null)",
		 (long long)units, scale, rest);
	report(st == DECIMAL_OK && d.units == units && d.scale == scale &&
		       end && strcmp(end, rest) == 0,
	       line, "decimal_parse_prefix", s, detail);
}

static void check_format(struct decimal d, bool grouping, const char *want,
			 unsigned line)
{
	char buf[64], in[64], detail[160];
	int n = decimal_format(d, grouping, buf, sizeof buf);

	snprintf(in, sizeof in, "%lld scale %d%s", (long long)d.units, d.scale,
		 grouping ? " grouped" : "");
	snprintf(detail, sizeof detail, "got \"%s\" (%d), want \"%s\"", buf, n,
		 want);
	report(strcmp(buf, want) == 0 && n == (int)strlen(want), line,
	       "decimal_format", in, detail);
}

static void check_round(int64_t units, int scale, int to, int64_t want_units,
			int want_scale, unsigned line)
{
	struct decimal d = {units, scale};
	struct decimal r = decimal_round(d, to);
	char in[64], detail[160];

	snprintf(in, sizeof in, "%lld scale %d to %d", (long long)units, scale,
		 to);
	snprintf(detail, sizeof detail, "got %lld scale %d, want %lld scale %d",
		 (long long)r.units, r.scale, (long long)want_units,
		 want_scale);
	report(r.units == want_units && r.scale == want_scale, line,
	       "decimal_round", in, detail);
}

static void check_from_double(double v, int scale, int64_t want_units,
			      unsigned line)
{
	struct decimal r = decimal_from_double(v, scale);
	char in[64], detail[160];

	snprintf(in, sizeof in, "%.17g, %d", v, scale);
	snprintf(detail, sizeof detail, "got %lld scale %d, want %lld",
		 (long long)r.units, r.scale, (long long)want_units);
	report(r.units == want_units && r.scale == scale, line,
	       "decimal_from_double", in, detail);
}

#define PARSE_IS(s, u, sc) check_parse(s, u, sc, __LINE__)
#define PARSE_FAILS(s, st) check_status(s, st, __LINE__)
#define PREFIX_IS(s, u, sc, rest) check_prefix(s, u, sc, rest, __LINE__)
#define FORMAT_IS(u, sc, g, want) \
	check_format((struct decimal){u, sc}, g, want, __LINE__)
#define ROUND_IS(u, sc, to, wu, ws) check_round(u, sc, to, wu, ws, __LINE__)
#define FROM_DOUBLE_IS(v, sc, wu) check_from_double(v, sc, wu, __LINE__)

static struct decimal dec(int64_t units, int scale)
{
	struct decimal d = {units, scale};
	return d;
}

/* ---- parsing ------------------------------------------------------------ */

static void parse_keeps_written_precision(void)
{
	PARSE_IS("220", 220, 0);
	PARSE_IS("65.1", 651, 1);
	PARSE_IS("65.10", 6510, 2);
	PARSE_IS("100.0", 1000, 1);
	PARSE_IS("0.05", 5, 2);
	PARSE_IS("0", 0, 0);
	PARSE_IS("0.000", 0, 3);
	PARSE_IS("007", 7, 0);
	PARSE_IS("0.000001", 1, 6);
}

static void parse_full_width_digits_and_point(void)
{
	PARSE_IS("２２０", 220, 0);
	PARSE_IS("６５．１", 651, 1);
	PARSE_IS("65．1", 651, 1);
	PARSE_IS("６5.１", 651, 1);
	PARSE_IS("０", 0, 0);
}

static void parse_thousands_separators(void)
{
	PARSE_IS("7,809", 7809, 0);
	PARSE_IS("7，809", 7809, 0);
	PARSE_IS("７，８０９", 7809, 0);
	PARSE_IS("27,279", 27279, 0);
	PARSE_IS("1,234,567", 1234567, 0);
	PARSE_IS("1,234，567", 1234567, 0);
	PARSE_IS("1,234.5", 12345, 1);
	PARSE_IS("999,999", 999999, 0);
}

static void parse_rejects_bad_grouping(void)
{
	PARSE_FAILS("1,23", DECIMAL_SYNTAX);
	PARSE_FAILS("1,2345", DECIMAL_SYNTAX);
	PARSE_FAILS("12,34,567", DECIMAL_SYNTAX);
	PARSE_FAILS("1234,567", DECIMAL_SYNTAX);
	PARSE_FAILS("1,234,56", DECIMAL_SYNTAX);
	PARSE_FAILS("1,234,5678", DECIMAL_SYNTAX);
	PARSE_FAILS(",123", DECIMAL_SYNTAX);
	PARSE_FAILS("1,,234", DECIMAL_SYNTAX);
	PARSE_FAILS("1,234,", DECIMAL_SYNTAX);
	PARSE_FAILS("0,5", DECIMAL_SYNTAX);
	PARSE_FAILS("0,500", DECIMAL_SYNTAX);
	PARSE_FAILS("1.234,567", DECIMAL_SYNTAX);
	PARSE_FAILS("１，２３", DECIMAL_SYNTAX);
}

static void parse_signs(void)
{
	PARSE_IS("-5", -5, 0);
	PARSE_IS("−5", -5, 0);  /* U+2212 */
	PARSE_IS("－５", -5, 0); /* U+FF0D */
	PARSE_IS("-0.5", -5, 1);
	PARSE_IS("－１，２３４．５", -12345, 1);
	PARSE_IS("+5", 5, 0);
	PARSE_IS("＋5", 5, 0);
	PARSE_IS("-0", 0, 0);
}

static void parse_rejects_lone_dashes(void)
{
	PARSE_FAILS("―", DECIMAL_SYNTAX); /* U+2015, 「―」 unknown */
	PARSE_FAILS("－", DECIMAL_SYNTAX);
	PARSE_FAILS("—", DECIMAL_SYNTAX); /* U+2014 */
	PARSE_FAILS("-", DECIMAL_SYNTAX);
	PARSE_FAILS("−", DECIMAL_SYNTAX);
	PARSE_FAILS("+", DECIMAL_SYNTAX);
	PARSE_FAILS(" ― ", DECIMAL_SYNTAX);
	PARSE_FAILS("- 5", DECIMAL_SYNTAX);
	PARSE_FAILS("--5", DECIMAL_SYNTAX);
	PARSE_FAILS("―5", DECIMAL_SYNTAX);
	PARSE_FAILS("5-", DECIMAL_SYNTAX);
}

static void parse_empty_and_spaces(void)
{
	PARSE_FAILS("", DECIMAL_EMPTY);
	PARSE_FAILS("   ", DECIMAL_EMPTY);
	PARSE_FAILS("　", DECIMAL_EMPTY);
	PARSE_FAILS(" \t　\r\n", DECIMAL_EMPTY);
	PARSE_IS(" 65.1 ", 651, 1);
	PARSE_IS("　２２０　", 220, 0);
	PARSE_IS("\t7,809\r\n", 7809, 0);
	PARSE_IS("\xc2\xa0" "5", 5, 0); /* U+00A0 from spreadsheets */
}

static void parse_rejects_other_text(void)
{
	PARSE_FAILS("abc", DECIMAL_SYNTAX);
	PARSE_FAILS("65.1％", DECIMAL_SYNTAX);
	PARSE_FAILS("6,534千円", DECIMAL_SYNTAX);
	PARSE_FAILS("1.2.3", DECIMAL_SYNTAX);
	PARSE_FAILS(".5", DECIMAL_SYNTAX);
	PARSE_FAILS("5.", DECIMAL_SYNTAX);
	PARSE_FAILS("1e3", DECIMAL_SYNTAX);
	PARSE_FAILS("1 234", DECIMAL_SYNTAX);
	PARSE_FAILS("0x10", DECIMAL_SYNTAX);
	PARSE_FAILS("１２a", DECIMAL_SYNTAX);
	PARSE_FAILS("五", DECIMAL_SYNTAX);
}

static void parse_rejects_invalid_utf8(void)
{
	PARSE_FAILS("\xff", DECIMAL_SYNTAX);
	PARSE_FAILS("5\xff", DECIMAL_SYNTAX);
	PARSE_FAILS("\xef\xbc", DECIMAL_SYNTAX);     /* truncated ０ */
	PARSE_FAILS("5\xef\xbc", DECIMAL_SYNTAX);
	PARSE_FAILS("\xc0\xb5", DECIMAL_SYNTAX);     /* overlong '5' */
	PARSE_FAILS("\xe0\x80\xb5", DECIMAL_SYNTAX); /* overlong '5' */
	PARSE_FAILS("5\xed\xa0\x80", DECIMAL_SYNTAX); /* surrogate */
	PARSE_FAILS("\xe3\x80", DECIMAL_SYNTAX);      /* truncated U+3000 */
	PARSE_FAILS("\xf4\x90\x80\x80", DECIMAL_SYNTAX); /* past U+10FFFF */
}

static void parse_overflow(void)
{
	PARSE_IS("999999999999999999", INT64_C(999999999999999999), 0);
	PARSE_IS("-999,999,999,999,999,999", -INT64_C(999999999999999999), 0);
	PARSE_IS("999999999999.999999", INT64_C(999999999999999999), 6);
	PARSE_IS("0000000000000000000000001", 1, 0); /* zeros not significant */
	PARSE_IS("0.123456", 123456, 6);
	PARSE_FAILS("1000000000000000000", DECIMAL_OVERFLOW);
	PARSE_FAILS("9,223,372,036,854,775,808", DECIMAL_OVERFLOW);
	PARSE_FAILS("-9223372036854775809", DECIMAL_OVERFLOW);
	PARSE_FAILS("99999999999999999.99", DECIMAL_OVERFLOW);
	PARSE_FAILS("0.1234567", DECIMAL_OVERFLOW);
	PARSE_FAILS("1.0000000", DECIMAL_OVERFLOW);
	PARSE_FAILS("12345678901234567890x", DECIMAL_SYNTAX); /* junk wins */

	char big[4001];
	memset(big, '9', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	PARSE_FAILS(big, DECIMAL_OVERFLOW);
	big[0] = '0';
	big[1] = '.';
	PARSE_FAILS(big, DECIMAL_OVERFLOW);
}

static void prefix_stops_at_unit(void)
{
	PREFIX_IS("6,534千円", 6534, 0, "千円");
	PREFIX_IS("65.1％", 651, 1, "％");
	PREFIX_IS("６５．１％", 651, 1, "％");
	PREFIX_IS("60件/年", 60, 0, "件/年");
	PREFIX_IS("2,215億円以上", 2215, 0, "億円以上");
	PREFIX_IS("10年間で1,200人", 10, 0, "年間で1,200人");
	PREFIX_IS(" 7，809 事業所", 7809, 0, " 事業所");
	PREFIX_IS("－0.5ポイント", -5, 1, "ポイント");
	PREFIX_IS("220", 220, 0, "");
}

static void prefix_leaves_trailing_punctuation(void)
{
	PREFIX_IS("1.2.3", 12, 1, ".3");
	PREFIX_IS("5.", 5, 0, ".");
	PREFIX_IS("5。", 5, 0, "。");
	PREFIX_IS("1,234,", 1234, 0, ",");
	PREFIX_IS("1,234、5,678", 1234, 0, "、5,678");
	PREFIX_IS("12, 34", 12, 0, ", 34");
}

static void prefix_failures_reset_end(void)
{
	static const struct {
		const char *s;
		enum decimal_status st;
	} cases[] = {
		{"―", DECIMAL_SYNTAX},      {"千円", DECIMAL_SYNTAX},
		{"1,23千円", DECIMAL_SYNTAX}, {"65\xff", DECIMAL_SYNTAX},
		{"", DECIMAL_EMPTY},        {"　", DECIMAL_EMPTY},
		{"0.1234567％", DECIMAL_OVERFLOW},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct decimal d = {-1, -1};
		const char *end = NULL;
		CU_ASSERT_EQUAL(decimal_parse_prefix(cases[i].s, &d, &end),
				cases[i].st);
		CU_ASSERT_PTR_EQUAL(end, cases[i].s);
		CU_ASSERT_EQUAL(d.units, -1);
	}
}

static void status_text_names_the_problem(void)
{
	CU_ASSERT_STRING_EQUAL(decimal_status_text(DECIMAL_SYNTAX),
			       "not a number");
	CU_ASSERT_PTR_NOT_NULL(decimal_status_text(DECIMAL_OK));
	CU_ASSERT_PTR_NOT_NULL(decimal_status_text(DECIMAL_EMPTY));
	CU_ASSERT_PTR_NOT_NULL(strstr(decimal_status_text(DECIMAL_OVERFLOW),
				      "18 digits"));
	CU_ASSERT_PTR_NOT_NULL(decimal_status_text((enum decimal_status)99));
}

/* A message says what is wrong with the value, once: the first thing that
 * breaks the grammar, in a phrase that follows "it". */
static void syntax_reason_names_what_is_wrong(void)
{
	static const struct {
		const char *s, *reason;
	} cases[] = {
		{"1.2.3", "has two decimal points"},
		{"１２．３．４", "has two decimal points"},
		{"12.3.4件", "has two decimal points"},
		{"abc", "has letters"},
		{"NaN", "has letters"},
		{"inf", "has letters"},
		{"1e9", "has letters"},
		{"12件", "has letters"},
		{"約100", "has letters"},
		{"１２ｘ", "has letters"},
		{"1,23", "has a thousands separator in the wrong place"},
		{"0,5", "has a thousands separator in the wrong place"},
		{"1,2345", "has a thousands separator in the wrong place"},
		{"1,2.5", "has a thousands separator in the wrong place"},
		{"1,234,", "has a thousands separator in the wrong place"},
		{"１，２３千円", "has a thousands separator in the wrong place"},
		{"1.234,5", "has a comma after its decimal point"},
		{".5", "has no digit before its decimal point"},
		{"-.5", "has no digit before its decimal point"},
		{"5.", "has no digit after its decimal point"},
		{"--5", "has two signs"},
		{"+-5", "has two signs"},
		{"- 5", "has a space after its sign"},
		{"1 000", "has a space between its digits"},
		{"1-2", "has a sign or dash after its first digit"},
		{"65.1%", "has a character that is not part of a number"},
		{"―", "has no digits"},
		{"-", "has no digits"},
		{"", "has no digits"},
		{"　", "has no digits"},
		{"\xff", "has bytes that are not UTF-8"},
		{"12\xff", "has bytes that are not UTF-8"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = decimal_syntax_reason(cases[i].s);
		report(got && !strcmp(got, cases[i].reason), __LINE__,
		       "decimal_syntax_reason", cases[i].s, got ? got : "NULL");
	}
	/* no reason for a number, nor for one too long: that is no syntax */
	CU_ASSERT_PTR_NULL(decimal_syntax_reason("1,234.5"));
	CU_ASSERT_PTR_NULL(decimal_syntax_reason(" －７，８０９ "));
	CU_ASSERT_PTR_NULL(decimal_syntax_reason("99999999999999999999"));
	CU_ASSERT_PTR_NULL(decimal_syntax_reason("1.0000001"));
}

/* ---- rounding ----------------------------------------------------------- */

static void round_half_away_from_zero(void)
{
	ROUND_IS(6515, 2, 1, 652, 1);   /* 65.15 → 65.2 */
	ROUND_IS(6514, 2, 1, 651, 1);   /* 65.14 → 65.1 */
	ROUND_IS(-6515, 2, 1, -652, 1); /* -65.15 → -65.2 */
	ROUND_IS(-6514, 2, 1, -651, 1);
	ROUND_IS(25, 1, 0, 3, 0);       /* 2.5 → 3, not banker's 2 */
	ROUND_IS(-25, 1, 0, -3, 0);
	ROUND_IS(5, 1, 0, 1, 0);
	ROUND_IS(-5, 1, 0, -1, 0);
	ROUND_IS(4999, 4, 0, 0, 0);     /* 0.4999 → 0 */
	ROUND_IS(-4999, 4, 0, 0, 0);
	ROUND_IS(123456, 5, 3, 1235, 3); /* 1.23456 → 1.235 */
	ROUND_IS(123449, 5, 3, 1234, 3);
	ROUND_IS(1000005, 6, 5, 100001, 5);
	ROUND_IS(9995, 2, 1, 1000, 1);   /* 99.95 → 100.0 */
	ROUND_IS(-9995, 2, 1, -1000, 1);
	ROUND_IS(999999, 6, 0, 1, 0);
	ROUND_IS(651, 1, 1, 651, 1);     /* same scale: unchanged */
}

static void round_to_more_digits_pads(void)
{
	ROUND_IS(651, 1, 2, 6510, 2); /* 65.1 → 65.10 */
	ROUND_IS(-5, 1, 3, -500, 3);
	ROUND_IS(7809, 0, 6, INT64_C(7809000000), 6);
	/* 10^17 at scale 6 would need 24 digits: kept as it is. */
	ROUND_IS(INT64_C(100000000000000000), 0, 6,
		 INT64_C(100000000000000000), 0);
}

static void from_double_rounds_like_a_spreadsheet(void)
{
	FROM_DOUBLE_IS(0.125, 2, 13);
	FROM_DOUBLE_IS(-0.125, 2, -13);
	FROM_DOUBLE_IS(2.5, 0, 3);
	FROM_DOUBLE_IS(-2.5, 0, -3);
	FROM_DOUBLE_IS(0.145, 2, 15);      /* stored as 0.14499999… */
	FROM_DOUBLE_IS(29.0 / 200.0, 2, 15);
	FROM_DOUBLE_IS(1.005, 2, 101);
	FROM_DOUBLE_IS(2.675, 2, 268);
	FROM_DOUBLE_IS(-1.005, 2, -101);
	FROM_DOUBLE_IS(65.1 / 70.0 * 100.0, 1, 930);
	FROM_DOUBLE_IS(2.0 / 3.0, 3, 667);
	FROM_DOUBLE_IS(1.0 / 3.0, 6, 333333);
	FROM_DOUBLE_IS(0.144999, 2, 14);
	FROM_DOUBLE_IS(7809.0, 0, 7809);
	FROM_DOUBLE_IS(7809.0, 2, 780900);
	FROM_DOUBLE_IS(123456789012.5, 0, INT64_C(123456789013));
	FROM_DOUBLE_IS(0.0, 3, 0);
	FROM_DOUBLE_IS(-0.0, 1, 0);
	FROM_DOUBLE_IS(1e-20, 2, 0);
	FROM_DOUBLE_IS(0.005, 2, 1);
	FROM_DOUBLE_IS(0.0049, 2, 0);
}

static void from_double_never_overflows(void)
{
	FROM_DOUBLE_IS(NAN, 2, 0);
	FROM_DOUBLE_IS(INFINITY, 0, INT64_C(999999999999999999));
	FROM_DOUBLE_IS(-INFINITY, 0, -INT64_C(999999999999999999));
	FROM_DOUBLE_IS(1e30, 2, INT64_C(999999999999999999));
	FROM_DOUBLE_IS(-1e30, 2, -INT64_C(999999999999999999));
	FROM_DOUBLE_IS(1e17, 6, INT64_C(999999999999999999));
	FROM_DOUBLE_IS(1e17, 0, INT64_C(100000000000000000));
	FROM_DOUBLE_IS(DBL_MAX, 6, INT64_C(999999999999999999));
}

static void to_double_is_nearest(void)
{
	CU_ASSERT_EQUAL(decimal_to_double(dec(651, 1)), 65.1);
	CU_ASSERT_EQUAL(decimal_to_double(dec(-5, 1)), -0.5);
	CU_ASSERT_EQUAL(decimal_to_double(dec(7809, 0)), 7809.0);
	CU_ASSERT_EQUAL(decimal_to_double(dec(1, 6)), 0.000001);
}

/* ---- arithmetic and comparison ----------------------------------------- */

static void add_uses_larger_scale(void)
{
	struct decimal r = {-1, -1};

	CU_ASSERT_TRUE(decimal_add(dec(651, 1), dec(5, 2), &r));
	CU_ASSERT_EQUAL(r.units, 6515);
	CU_ASSERT_EQUAL(r.scale, 2);
	CU_ASSERT_TRUE(decimal_add(dec(-5, 1), dec(5, 1), &r));
	CU_ASSERT_EQUAL(r.units, 0);
	CU_ASSERT_EQUAL(r.scale, 1);
	CU_ASSERT_TRUE(decimal_add(dec(1, 0), dec(1, 6), &r));
	CU_ASSERT_EQUAL(r.units, 1000001);
	CU_ASSERT_EQUAL(r.scale, 6);
	CU_ASSERT_TRUE(decimal_add(dec(-27279, 0), dec(27300, 0), &r));
	CU_ASSERT_EQUAL(r.units, 21);
}

static void add_refuses_overflow(void)
{
	struct decimal r = {-1, -1};

	CU_ASSERT_FALSE(decimal_add(dec(INT64_C(999999999999999999), 0),
				    dec(1, 0), &r));
	CU_ASSERT_FALSE(decimal_add(dec(-INT64_C(999999999999999999), 0),
				    dec(-1, 0), &r));
	CU_ASSERT_FALSE(decimal_add(dec(INT64_C(100000000000000000), 0),
				    dec(1, 6), &r));
	CU_ASSERT_FALSE(decimal_add(dec(INT64_MIN, 0), dec(0, 0), &r));
	CU_ASSERT_EQUAL(r.units, -1); /* untouched */
	CU_ASSERT_EQUAL(r.scale, -1);
	CU_ASSERT_TRUE(decimal_add(dec(INT64_C(999999999999999998), 0),
				   dec(1, 0), &r));
	CU_ASSERT_EQUAL(r.units, INT64_C(999999999999999999));
}

static void cmp_compares_values_not_precision(void)
{
	CU_ASSERT_EQUAL(decimal_cmp(dec(651, 1), dec(6510, 2)), 0);
	CU_ASSERT_EQUAL(decimal_cmp(dec(0, 0), dec(0, 3)), 0);
	CU_ASSERT_EQUAL(decimal_cmp(dec(-15, 1), dec(-12, 1)), -1);
	CU_ASSERT_EQUAL(decimal_cmp(dec(-12, 1), dec(-15, 1)), 1);
	CU_ASSERT_EQUAL(decimal_cmp(dec(-5, 1), dec(2, 1)), -1);
	CU_ASSERT_EQUAL(decimal_cmp(dec(-10, 1), dec(-5, 1)), -1);
	CU_ASSERT_EQUAL(decimal_cmp(dec(1, 0), dec(999999, 6)), 1);
	CU_ASSERT_EQUAL(decimal_cmp(dec(27279, 0), dec(27300, 0)), -1);
	CU_ASSERT_EQUAL(decimal_cmp(dec(INT64_C(999999999999999999), 0),
				    dec(INT64_C(999999999999999999), 6)),
			1);
	CU_ASSERT_EQUAL(decimal_cmp(dec(INT64_MIN, 0), dec(INT64_MAX, 6)), -1);
}

/* ---- formatting --------------------------------------------------------- */

static void format_groups_and_keeps_scale(void)
{
	FORMAT_IS(7809, 0, true, "7,809");
	FORMAT_IS(7809, 0, false, "7809");
	FORMAT_IS(651, 1, true, "65.1");
	FORMAT_IS(-5, 1, true, "-0.5");
	FORMAT_IS(1000, 1, true, "100.0");
	FORMAT_IS(5, 2, false, "0.05");
	FORMAT_IS(0, 0, true, "0");
	FORMAT_IS(0, 3, true, "0.000");
	FORMAT_IS(999, 0, true, "999");
	FORMAT_IS(1000, 0, true, "1,000");
	FORMAT_IS(-1234567, 0, true, "-1,234,567");
	FORMAT_IS(123456789, 3, true, "123,456.789");
	FORMAT_IS(1234567, 6, true, "1.234567");
	FORMAT_IS(INT64_MIN, 0, true, "-9,223,372,036,854,775,808");
	FORMAT_IS(INT64_MAX, 6, false, "9223372036854.775807");
}

static void format_is_snprintf_like(void)
{
	char buf[4] = "xxx";

	CU_ASSERT_EQUAL(decimal_format(dec(7809, 0), true, buf, sizeof buf), 5);
	CU_ASSERT_STRING_EQUAL(buf, "7,8");
	CU_ASSERT_EQUAL(decimal_format(dec(7809, 0), true, NULL, 0), 5);
	CU_ASSERT_EQUAL(decimal_format(dec(-5, 1), true, buf, 1), 4);
	CU_ASSERT_STRING_EQUAL(buf, "");
}

static void format_round_trips(void)
{
	static const char *const written[] = {
		"7,809", "65.1", "-0.5", "100.0", "0.000001", "1,234.50",
		"999,999,999,999,999,999", "-27,279", "0", "220",
	};

	for (size_t i = 0; i < sizeof written / sizeof written[0]; i++) {
		struct decimal d;
		char buf[64];
		CU_ASSERT_EQUAL_FATAL(decimal_parse(written[i], &d),
				      DECIMAL_OK);
		decimal_format(d, true, buf, sizeof buf);
		CU_ASSERT_STRING_EQUAL(buf, written[i]);
	}

	struct decimal d;
	char buf[64];
	CU_ASSERT_EQUAL_FATAL(decimal_parse("　－７，８０９．５０　", &d),
			      DECIMAL_OK);
	decimal_format(d, true, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "-7,809.50");
}

static const struct cu_case cases[] = {
	{"parse keeps written precision", parse_keeps_written_precision},
	{"parse full-width digits and point",
	 parse_full_width_digits_and_point},
	{"parse thousands separators", parse_thousands_separators},
	{"parse rejects bad grouping", parse_rejects_bad_grouping},
	{"parse signs", parse_signs},
	{"parse rejects lone dashes (―)", parse_rejects_lone_dashes},
	{"parse empty and surrounding spaces", parse_empty_and_spaces},
	{"parse rejects other text", parse_rejects_other_text},
	{"parse rejects invalid UTF-8", parse_rejects_invalid_utf8},
	{"parse overflow", parse_overflow},
	{"prefix stops at the unit", prefix_stops_at_unit},
	{"prefix leaves trailing punctuation",
	 prefix_leaves_trailing_punctuation},
	{"prefix failures reset end", prefix_failures_reset_end},
	{"status text names the problem", status_text_names_the_problem},
	{"syntax reason names what is wrong", syntax_reason_names_what_is_wrong},
	{"round half away from zero", round_half_away_from_zero},
	{"round to more digits pads", round_to_more_digits_pads},
	{"from_double rounds like a spreadsheet",
	 from_double_rounds_like_a_spreadsheet},
	{"from_double never overflows", from_double_never_overflows},
	{"to_double is nearest", to_double_is_nearest},
	{"add uses the larger scale", add_uses_larger_scale},
	{"add refuses overflow", add_refuses_overflow},
	{"cmp compares values, not precision",
	 cmp_compares_values_not_precision},
	{"format groups and keeps scale", format_groups_and_keeps_scale},
	{"format is snprintf-like", format_is_snprintf_like},
	{"format round trips", format_round_trips},
	{NULL, NULL},
};

CU_MAIN("decimal", cases)
