/* test_fy.c - fiscal years: Western ⇄ 和暦 in both directions, the
 * 平成/令和 boundary, 元年, full-width input and what is refused. */
#include "cu_main.h"
#include "fy.h"

#include <stdbool.h>
#include <string.h>

static void report(bool ok, unsigned line, const char *func, const char *in,
		   const char *detail)
{
	char msg[512];

	snprintf(msg, sizeof msg, "%s(%s): %s", func, in, detail);
	CU_assertImplementation(ok, line, msg, __FILE__, "", CU_FALSE);
}

static void check_parse(const char *s, int want, unsigned line)
{
	int fy = -1, rc = fy_parse(s, &fy);
	char in[96], detail[96];

	snprintf(in, sizeof in, "\"%s\"", s);
	snprintf(detail, sizeof detail, "got %d (rc %d), want %d", fy, rc,
		 want);
	report(rc == 0 && fy == want, line, "fy_parse", in, detail);
}

static void check_refused(const char *s, unsigned line)
{
	int fy = -1, rc = fy_parse(s, &fy);
	char in[96], detail[96];

	snprintf(in, sizeof in, "\"%s\"", s);
	snprintf(detail, sizeof detail,
		 "got %d (rc %d), want -1 and fy untouched", fy, rc);
	report(rc == -1 && fy == -1, line, "fy_parse", in, detail);
}

static void check_prefix(const char *s, int want, const char *rest,
			 unsigned line)
{
	int fy = -1;
	const char *end = NULL;
	int rc = fy_parse_prefix(s, &fy, &end);
	char in[96], detail[160];

	snprintf(in, sizeof in, "\"%s\"", s);
	snprintf(detail, sizeof detail,
		 "got %d (rc %d) rest \"%s\", want %d rest \"%s\"", fy, rc,
		 end ? end : "(null)", want, rest);
	report(rc == 0 && fy == want && end && strcmp(end, rest) == 0, line,
	       "fy_parse_prefix", in, detail);
}

static void check_format(int fy, enum fy_style style, const char *want,
			 unsigned line)
{
	char buf[64], in[32], detail[160];
	int n = fy_format(fy, style, buf, sizeof buf);

	snprintf(in, sizeof in, "%d, style %d", fy, (int)style);
	snprintf(detail, sizeof detail, "got \"%s\" (%d), want \"%s\"", buf, n,
		 want);
	report(strcmp(buf, want) == 0 && n == (int)strlen(want), line,
	       "fy_format", in, detail);
}

static void check_date(int y, int m, int d, const char *want, unsigned line)
{
	char buf[64] = "junk", in[32], detail[160];
	int n = fy_format_date(y, m, d, buf, sizeof buf);

	snprintf(in, sizeof in, "%d-%02d-%02d", y, m, d);
	snprintf(detail, sizeof detail, "got \"%s\" (%d), want \"%s\"", buf, n,
		 want ? want : "(refused)");
	if (want)
		report(strcmp(buf, want) == 0 && n == (int)strlen(want), line,
		       "fy_format_date", in, detail);
	else
		report(n == -1 && buf[0] == '\0', line, "fy_format_date", in,
		       detail);
}

static void check_era(int fy, const char *want, int want_n, unsigned line)
{
	int n = -1;
	const char *era = fy_era(fy, &n);
	char in[16], detail[96];

	snprintf(in, sizeof in, "%d", fy);
	snprintf(detail, sizeof detail, "got %s %d, want %s %d",
		 era ? era : "NULL", n, want ? want : "NULL", want_n);
	report(want ? era && strcmp(era, want) == 0 && n == want_n
		    : !era && n == -1,
	       line, "fy_era", in, detail);
}

#define PARSE_IS(s, want) check_parse(s, want, __LINE__)
#define REFUSED(s) check_refused(s, __LINE__)
#define PREFIX_IS(s, want, rest) check_prefix(s, want, rest, __LINE__)
#define FORMAT_IS(fy, style, want) check_format(fy, style, want, __LINE__)
#define DATE_IS(y, m, d, want) check_date(y, m, d, want, __LINE__)
#define ERA_IS(fy, want, n) check_era(fy, want, n, __LINE__)

/* ---- 和暦 → Western ----------------------------------------------------- */

static void parse_western_years(void)
{
	PARSE_IS("2025", 2025);
	PARSE_IS("２０２５", 2025);
	PARSE_IS("2025年度", 2025);
	PARSE_IS("2025年", 2025);
	PARSE_IS(" 2025 ", 2025);
	PARSE_IS("1926", FY_MIN);
	PARSE_IS("2200", FY_MAX);
}

static void parse_reiwa(void)
{
	PARSE_IS("R7", 2025);
	PARSE_IS("r7", 2025);
	PARSE_IS("Ｒ７", 2025);
	PARSE_IS("ｒ７", 2025);
	PARSE_IS("R07", 2025);
	PARSE_IS("R13", 2031);
	PARSE_IS("令和7", 2025);
	PARSE_IS("令和7年", 2025);
	PARSE_IS("令和7年度", 2025);
	PARSE_IS("令和７年度", 2025);
	PARSE_IS("㋿7", 2025);
	PARSE_IS("R 4", 2022);
	PARSE_IS("令和 7 年度", 2025);
	PARSE_IS("　令和7年度　", 2025);
	PARSE_IS("R182", FY_MAX);
}

static void parse_heisei_and_showa(void)
{
	PARSE_IS("H29", 2017);
	PARSE_IS("h29", 2017);
	PARSE_IS("Ｈ２９", 2017);
	PARSE_IS("平成29年度", 2017);
	PARSE_IS("㍻29", 2017);
	PARSE_IS("H30", 2018);
	PARSE_IS("S63", 1988);
	PARSE_IS("昭和63年度", 1988);
	PARSE_IS("㍼63", 1988);
	PARSE_IS("S1", 1926);
}

static void parse_gannen(void)
{
	PARSE_IS("R元", 2019);
	PARSE_IS("Ｒ元", 2019);
	PARSE_IS("令和元年度", 2019);
	PARSE_IS("令和元年", 2019);
	PARSE_IS("令和元", 2019);
	PARSE_IS("H元", 1989);
	PARSE_IS("平成元年度", 1989);
	PARSE_IS("S元", 1926);
	PARSE_IS("R1", 2019);
}

static void parse_heisei_31_is_reiwa_gannen(void)
{
	PARSE_IS("H31", 2019);
	PARSE_IS("平成31年", 2019);
	PARSE_IS("平成31年度", 2019);
	PARSE_IS("Ｈ３１", 2019);
	/* 昭和64年 lasted a week; its fiscal year is 平成元年度. */
	PARSE_IS("S64", 1989);
	PARSE_IS("昭和64年", 1989);
}

static void parse_refuses_years_past_an_era(void)
{
	REFUSED("H32");
	REFUSED("平成32年度");
	REFUSED("S65");
	REFUSED("R183");
	REFUSED("R0");
	REFUSED("H0");
	REFUSED("令和0年度");
	REFUSED("R00");
	REFUSED("R2025");
	REFUSED("1925");
	REFUSED("2201");
	REFUSED("9999");
}

static void parse_refuses_garbage(void)
{
	REFUSED("");
	REFUSED("   ");
	REFUSED("R");
	REFUSED("令和");
	REFUSED("令和年度");
	REFUSED("元");
	REFUSED("年度");
	REFUSED("7");
	REFUSED("25");
	REFUSED("202");
	REFUSED("20250");
	REFUSED("２０２５５");
	REFUSED("02025"); /* only four digits make a Western year */
	REFUSED("020250");
	REFUSED("R7x");
	REFUSED("R7.5");
	REFUSED("令和7年度予算");
	REFUSED("R元元");
	REFUSED("R-1");
	REFUSED("X7");
	REFUSED("FY2025");
	REFUSED("大正15年");
	REFUSED("2025年度度");
	REFUSED("―");
}

static void parse_refuses_invalid_utf8(void)
{
	REFUSED("\xff");
	REFUSED("R7\xff");
	REFUSED("R\xef\xbc");        /* truncated full-width digit */
	REFUSED("\xef\xbc\xb2" "\xef\xbc"); /* Ｒ, then a truncated digit */
	REFUSED("令和7年\xe5\xba");  /* truncated 度 */
	REFUSED("2025\xc0\xa0");     /* overlong space */
	REFUSED("\xe4\xbb");         /* truncated 令 */

	int fy = -1;
	const char *end = NULL;
	CU_ASSERT_EQUAL(fy_parse_prefix("R7\xff", &fy, &end), -1);
	CU_ASSERT_EQUAL(fy, -1);
}

static void prefix_reads_piece_by_piece(void)
{
	PREFIX_IS("R2.3", 2020, ".3");
	PREFIX_IS("H28～R元", 2016, "～R元");
	PREFIX_IS("R4.4～R9.3", 2022, ".4～R9.3");
	PREFIX_IS("令和7年度予算", 2025, "予算");
	PREFIX_IS("R3～R7", 2021, "～R7");
	PREFIX_IS("2025 年度 ", 2025, " ");
	PREFIX_IS("R7 ", 2025, " ");
	PREFIX_IS("Ｈ２９）", 2017, "）");

	const char *s = "H28～R元", *end = NULL;
	int from = 0, to = 0;
	CU_ASSERT_EQUAL_FATAL(fy_parse_prefix(s, &from, &end), 0);
	CU_ASSERT_TRUE_FATAL(strncmp(end, "～", strlen("～")) == 0);
	CU_ASSERT_EQUAL(fy_parse(end + strlen("～"), &to), 0);
	CU_ASSERT_EQUAL(from, 2016);
	CU_ASSERT_EQUAL(to, 2019);
}

static void prefix_failure_resets_end(void)
{
	static const char *const bad[] = {"H32～", "", "～R7", "R", "\xff"};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int fy = -1;
		const char *end = NULL;
		CU_ASSERT_EQUAL(fy_parse_prefix(bad[i], &fy, &end), -1);
		CU_ASSERT_PTR_EQUAL(end, bad[i]);
		CU_ASSERT_EQUAL(fy, -1);
	}
}

/* ---- Western → 和暦 ----------------------------------------------------- */

static void era_of_fiscal_year(void)
{
	ERA_IS(2025, "令和", 7);
	ERA_IS(2019, "令和", 1);
	ERA_IS(2018, "平成", 30);
	ERA_IS(1989, "平成", 1);
	ERA_IS(1988, "昭和", 63);
	ERA_IS(1926, "昭和", 1);
	ERA_IS(FY_MAX, "令和", 182);
	ERA_IS(1925, NULL, -1);
	ERA_IS(2201, NULL, -1);
	CU_ASSERT_STRING_EQUAL(fy_era(2017, NULL), "平成");
}

static void format_short(void)
{
	FORMAT_IS(2025, FY_STYLE_SHORT, "R7");
	FORMAT_IS(2020, FY_STYLE_SHORT, "R2");
	FORMAT_IS(2019, FY_STYLE_SHORT, "R元");
	FORMAT_IS(2018, FY_STYLE_SHORT, "H30");
	FORMAT_IS(2017, FY_STYLE_SHORT, "H29");
	FORMAT_IS(1989, FY_STYLE_SHORT, "H元");
	FORMAT_IS(1988, FY_STYLE_SHORT, "S63");
	FORMAT_IS(2031, FY_STYLE_SHORT, "R13");
	FORMAT_IS(FY_MAX, FY_STYLE_SHORT, "R182");
}

static void format_era(void)
{
	FORMAT_IS(2025, FY_STYLE_ERA, "令和7年度");
	FORMAT_IS(2019, FY_STYLE_ERA, "令和元年度");
	FORMAT_IS(2018, FY_STYLE_ERA, "平成30年度");
	FORMAT_IS(2017, FY_STYLE_ERA, "平成29年度");
	FORMAT_IS(1988, FY_STYLE_ERA, "昭和63年度");
	FORMAT_IS(1926, FY_STYLE_ERA, "昭和元年度");
	FORMAT_IS(2025, FY_STYLE_ERA_NO_NENDO, "令和7年");
	FORMAT_IS(2019, FY_STYLE_ERA_NO_NENDO, "令和元年");
	FORMAT_IS(2016, FY_STYLE_ERA_NO_NENDO, "平成28年");
}

static void format_refuses_out_of_range(void)
{
	char buf[16] = "junk";

	CU_ASSERT_EQUAL(fy_format(1925, FY_STYLE_ERA, buf, sizeof buf), -1);
	CU_ASSERT_STRING_EQUAL(buf, "");
	strcpy(buf, "junk");
	CU_ASSERT_EQUAL(fy_format(2201, FY_STYLE_SHORT, buf, sizeof buf), -1);
	CU_ASSERT_STRING_EQUAL(buf, "");
	CU_ASSERT_EQUAL(fy_format(0, FY_STYLE_SHORT, NULL, 0), -1);
	CU_ASSERT_EQUAL(fy_format(-2025, FY_STYLE_SHORT, buf, sizeof buf), -1);
}

static void format_is_snprintf_like(void)
{
	char buf[8];
	int need = (int)strlen("令和7年度");

	CU_ASSERT_EQUAL(fy_format(2025, FY_STYLE_ERA, NULL, 0), need);
	CU_ASSERT_EQUAL(fy_format(2025, FY_STYLE_ERA, buf, sizeof buf), need);
	CU_ASSERT_EQUAL(buf[sizeof buf - 1], '\0');
	CU_ASSERT_EQUAL(memcmp(buf, "令和", strlen("令和")), 0);
}

/* Every year in range, in every style, reads back as itself. */
static void format_parse_round_trip(void)
{
	static const enum fy_style styles[] = {
		FY_STYLE_SHORT, FY_STYLE_ERA, FY_STYLE_ERA_NO_NENDO};
	unsigned bad = 0;

	for (int fy = FY_MIN; fy <= FY_MAX; fy++) {
		for (size_t i = 0; i < 3; i++) {
			char buf[32];
			int back = -1;
			if (fy_format(fy, styles[i], buf, sizeof buf) <= 0 ||
			    fy_parse(buf, &back) != 0 || back != fy) {
				if (bad++ < 5)
					printf("\n    %d style %d: \"%s\" → %d",
					       fy, (int)styles[i], buf, back);
			}
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* ---- dates -------------------------------------------------------------- */

static void date_in_wareki(void)
{
	DATE_IS(2025, 11, 21, "令和7年11月21日");
	DATE_IS(2020, 1, 1, "令和2年1月1日");
	DATE_IS(2024, 2, 29, "令和6年2月29日");
	DATE_IS(2000, 2, 29, "平成12年2月29日");
	DATE_IS(1926, 12, 25, "昭和元年12月25日");
	DATE_IS(2201, 3, 31, "令和183年3月31日");
}

static void date_heisei_reiwa_boundary(void)
{
	DATE_IS(2019, 1, 1, "平成31年1月1日");
	DATE_IS(2019, 4, 1, "平成31年4月1日");
	DATE_IS(2019, 4, 30, "平成31年4月30日");
	DATE_IS(2019, 5, 1, "令和元年5月1日");
	DATE_IS(2019, 12, 31, "令和元年12月31日");
}

static void date_showa_heisei_boundary(void)
{
	DATE_IS(1989, 1, 7, "昭和64年1月7日");
	DATE_IS(1989, 1, 8, "平成元年1月8日");
	DATE_IS(1988, 12, 31, "昭和63年12月31日");
}

static void date_refuses_invalid(void)
{
	DATE_IS(1926, 12, 24, NULL); /* 大正 */
	DATE_IS(1900, 1, 1, NULL);
	DATE_IS(2202, 1, 1, NULL);
	DATE_IS(2025, 2, 29, NULL);
	DATE_IS(2100, 2, 29, NULL);
	DATE_IS(2025, 4, 31, NULL);
	DATE_IS(2025, 13, 1, NULL);
	DATE_IS(2025, 0, 1, NULL);
	DATE_IS(2025, 1, 0, NULL);
	DATE_IS(2025, 1, 32, NULL);
	DATE_IS(-2025, 1, 1, NULL);
	CU_ASSERT_EQUAL(fy_format_date(2025, 11, 21, NULL, 0),
			(int)strlen("令和7年11月21日"));
}

static const struct cu_case cases[] = {
	{"parse Western years", parse_western_years},
	{"parse 令和 (R, Ｒ, r, ㋿)", parse_reiwa},
	{"parse 平成 and 昭和", parse_heisei_and_showa},
	{"parse 元年", parse_gannen},
	{"parse 平成31 = 令和元 (2019)", parse_heisei_31_is_reiwa_gannen},
	{"parse refuses years past an era", parse_refuses_years_past_an_era},
	{"parse refuses garbage", parse_refuses_garbage},
	{"parse refuses invalid UTF-8", parse_refuses_invalid_utf8},
	{"prefix reads piece by piece", prefix_reads_piece_by_piece},
	{"prefix failure resets end", prefix_failure_resets_end},
	{"era of a fiscal year", era_of_fiscal_year},
	{"format short (R7, R元)", format_short},
	{"format 令和7年度", format_era},
	{"format refuses out of range", format_refuses_out_of_range},
	{"format is snprintf-like", format_is_snprintf_like},
	{"format ⇄ parse round trip, every year", format_parse_round_trip},
	{"date in 和暦", date_in_wareki},
	{"date 平成/令和 boundary", date_heisei_reiwa_boundary},
	{"date 昭和/平成 boundary", date_showa_heisei_boundary},
	{"date refuses invalid", date_refuses_invalid},
	{NULL, NULL},
};

CU_MAIN("fy", cases)
