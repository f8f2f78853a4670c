/* fy.h - Japanese fiscal years (年度) and eras (和暦).
 *
 * Fiscal years are stored as the Western year they start in (令和7年度 =
 * FY2025, April 2025 - March 2026) and shown in 和暦.  FY2019 is 令和元年度:
 * the 令和 era began on 1 May 2019, inside FY2019, and Japanese public
 * documents name that fiscal year by the new era (平成31年度 is accepted on
 * input as the same year).
 */
#ifndef SHIRYO_FY_H
#define SHIRYO_FY_H

#include <stddef.h>

#define FY_MIN 1926 /* 昭和元年 */
#define FY_MAX 2200

enum fy_style {
	FY_STYLE_SHORT,  /* R7, R1 (R元 on request, see below), H29 */
	FY_STYLE_ERA,    /* 令和7年度, 令和元年度 */
	FY_STYLE_ERA_NO_NENDO, /* 令和7年, 令和元年 */
};

/* Parses "2025", "R7", "Ｒ７", "R元", "令和7", "令和7年度", "令和元年度",
 * "H29", "平成31年", "平成31年度", "S63", "昭和63年度".  Full-width digits
 * and letters are accepted; surrounding spaces too.  Returns 0 and sets *fy on
 * success, -1 if s is not a year or lies outside FY_MIN..FY_MAX or past the
 * end of its era (平成32 is refused: there was none). */
int fy_parse(const char *s, int *fy);

/* Like fy_parse on a prefix: stores where the year ended in *end, so that
 * "R2.3" or "H28～R元" can be read piece by piece. */
int fy_parse_prefix(const char *s, int *fy, const char **end);

/* Writes fy in the given style; returns the length (snprintf-style) or -1
 * for a year outside FY_MIN..FY_MAX. */
int fy_format(int fy, enum fy_style style, char *buf, size_t size);

/* The era name and year within it: fy_era(2019, &n) = "令和", n = 1. */
const char *fy_era(int fy, int *year_in_era);

/* A calendar date in 和暦: "令和7年11月21日" (元年 for year 1). */
int fy_format_date(int year, int month, int day, char *buf, size_t size);

#endif
