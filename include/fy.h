/* fy.h - Japanese fiscal years (年度) and eras (和暦).
 *
 * Fiscal years are stored as the Western year they start in (令和7年度 =
 * FY2025, April 2025 - March 2026) and shown in 和暦.  FY2019 is 令和元年度:
 * the 令和 era began on 1 May 2019, inside FY2019, and Japanese public
 * documents name that fiscal year by the new era (平成31年度 is accepted on
 * input as the same year).  Likewise FY1989 is 平成元年度 (昭和64年度 is
 * accepted on input as the same year).  Eras before 昭和 are not known:
 * FY1926 is shown as 昭和元年度, although it was historically 大正15年度.
 *
 * Era years of 1 are written 元 in every style, as Japanese tables do:
 * R元, 令和元年度, 令和元年.  Year numbers are written in ASCII digits.
 */
#ifndef SHIRYO_FY_H
#define SHIRYO_FY_H

#include <stddef.h>

#define FY_MIN 1926 /* 昭和元年 */
#define FY_MAX 2200

enum fy_style {
	FY_STYLE_SHORT,  /* R7, R元, H29, S63 */
	FY_STYLE_ERA,    /* 令和7年度, 令和元年度 */
	FY_STYLE_ERA_NO_NENDO, /* 令和7年, 令和元年 */
};

/* Parses "2025", "R7", "Ｒ７", "R元", "令和7", "令和7年度", "令和元年度",
 * "H29", "平成31年", "平成31年度", "S63", "昭和63年度".  Full-width digits
 * and letters are accepted; surrounding spaces too.  Returns 0 and sets *fy on
 * success, -1 if s is not a year or lies outside FY_MIN..FY_MAX or past the
 * end of its era (平成32 is refused: there was none).
 *
 * In detail: an era is one of 令和 R r Ｒ ｒ ㋿ / 平成 H h Ｈ ｈ ㍻ /
 * 昭和 S s Ｓ ｓ ㍼, optionally followed by spaces ("R 4"), then 元 or a year number of 1-3
 * digits (R0 is refused; H31 and S64 are the last accepted, naming the same
 * fiscal years as R元 and H元).  Without an era the year is exactly four
 * digits.  Either may be followed by 年度 or 年 (spaces allowed before
 * them).  Spaces are ASCII white space, U+3000 and U+00A0.  Invalid UTF-8 is
 * refused. */
int fy_parse(const char *s, int *fy);

/* Like fy_parse on a prefix: stores where the year ended in *end, so that
 * "R2.3" or "H28～R元" can be read piece by piece ("R2.3" gives 2020 and
 * end ".3").  A trailing 年度 or 年 is part of the year; nothing else after it
 * is skipped, not even spaces.  The character at *end must be valid UTF-8.
 * On failure *fy is left alone and *end is set to s. */
int fy_parse_prefix(const char *s, int *fy, const char **end);

/* Writes fy in the given style; returns the length (snprintf-style: buf may
 * be NULL when size is 0, output is truncated and NUL-terminated when size
 * is too small) or -1, writing "" if size > 0, for a year outside
 * FY_MIN..FY_MAX. */
int fy_format(int fy, enum fy_style style, char *buf, size_t size);

/* The era name and year within it: fy_era(2019, &n) = "令和", n = 1;
 * fy_era(2018, &n) = "平成", n = 30.  Returns NULL (leaving *year_in_era
 * alone) for a year outside FY_MIN..FY_MAX.  year_in_era may be NULL. */
const char *fy_era(int fy, int *year_in_era);

/* A calendar date in 和暦: "令和7年11月21日" (元年 for year 1).  The era is
 * the one in force on that day: 2019-04-30 is 平成31年4月30日, 2019-05-01 is
 * 令和元年5月1日, 1989-01-07 is 昭和64年1月7日.  Returns the length
 * (snprintf-style, as fy_format) or -1, writing "" if size > 0, for an
 * invalid date, one before 1926-12-25 (昭和元年) or after year FY_MAX + 1. */
int fy_format_date(int year, int month, int day, char *buf, size_t size);

#endif
