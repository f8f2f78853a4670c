/* fy.c - fiscal years in 和暦; see fy.h.
 *
 * One table describes the eras; parsing, formatting and dates all read it.
 * Era spellings are matched as whole UTF-8 byte strings: UTF-8 never puts
 * the bytes of one character inside another, so a byte prefix match is a
 * character match, and invalid input simply matches nothing.
 */
#include "fy.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

struct era {
	const char *name;       /* 令和 */
	char letter;            /* R, as in R7 */
	int first;              /* Western year of 元年 */
	int last;               /* last year number accepted on input */
	int month, day;         /* first day of the era, in year `first` */
	const char *spell[5];   /* other spellings before the year number */
};

/* Newest first: the first era a year or date reaches is its era.  平成 and
 * 昭和 accept one year past their last fiscal year on input (平成31年度 was
 * printed before 令和 was announced, and 昭和64年 ran for a week), naming the
 * same fiscal year as the next era's 元年. */
static const struct era eras[] = {
	{"令和", 'R', 2019, FY_MAX - 2018, 5, 1,
	 {"令和", "Ｒ", "ｒ", "㋿", NULL}},
	{"平成", 'H', 1989, 31, 1, 8,
	 {"平成", "Ｈ", "ｈ", "㍻", NULL}},
	{"昭和", 'S', 1926, 64, 12, 25,
	 {"昭和", "Ｓ", "ｓ", "㍼", NULL}},
};

/* ---- reading characters ------------------------------------------------ */

static bool is_space(uint32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x3000 || c == 0xA0;
}

/* 0-9 for ASCII and full-width digits, else -1. */
static int digit_value(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xFF10 && c <= 0xFF19)
		return (int)(c - 0xFF10);
	return -1;
}

static const char *skip_spaces(const char *s)
{
	uint32_t c;
	int n;

	while ((n = utf8_next(s, &c)) > 0 && is_space(c))
		s += n;
	return s;
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Reads a run of digits at *pp and returns how many there were, counting
 * no further than 5 (enough to refuse a five-digit "year"). */
static int read_digits(const char **pp, int *value)
{
	const char *p = *pp;
	int count = 0, v = 0, n, d;
	uint32_t c;

	while ((n = utf8_next(p, &c)) > 0 && (d = digit_value(c)) >= 0) {
		if (count < 5) {
			v = v * 10 + d;
			count++;
		}
		p += n;
	}
	*pp = p;
	*value = v;
	return count;
}

/* The era spelled at *pp, moving *pp past it. */
static const struct era *match_era(const char **pp)
{
	const char *p = *pp;

	for (size_t i = 0; i < ARRAY_LEN(eras); i++) {
		const struct era *e = &eras[i];
		if (*p == e->letter || *p == e->letter - 'A' + 'a') {
			*pp = p + 1;
			return e;
		}
		for (const char *const *sp = e->spell; *sp; sp++) {
			if (starts(p, *sp)) {
				*pp = p + strlen(*sp);
				return e;
			}
		}
	}
	return NULL;
}

/* ---- parsing ------------------------------------------------------------ */

int fy_parse_prefix(const char *s, int *fy, const char **end)
{
	const char *p = skip_spaces(s), *q;
	const struct era *e = match_era(&p);
	int n, v, year;
	uint32_t c;

	if (e) {
		p = skip_spaces(p);
		if (starts(p, "元")) {
			p += strlen("元");
			v = 1;
		} else {
			n = read_digits(&p, &v);
			if (n < 1 || n > 3)
				goto fail;
		}
		if (v < 1 || v > e->last)
			goto fail;
		year = e->first + v - 1;
	} else {
		/* Only four digits make a Western year: "25" could be R25,
		 * H25 or 2025, and a caller should not guess. */
		if (read_digits(&p, &v) != 4)
			goto fail;
		year = v;
	}
	if (year < FY_MIN || year > FY_MAX)
		goto fail;

	q = skip_spaces(p);
	if (starts(q, "年度"))
		p = q + strlen("年度");
	else if (starts(q, "年"))
		p = q + strlen("年");
	if (utf8_next(p, &c) < 0)
		goto fail;

	*fy = year;
	if (end)
		*end = p;
	return 0;
fail:
	if (end)
		*end = s;
	return -1;
}

int fy_parse(const char *s, int *fy)
{
	const char *end;
	int year;

	if (fy_parse_prefix(s, &year, &end) < 0 || *skip_spaces(end) != '\0')
		return -1;
	*fy = year;
	return 0;
}

/* ---- formatting --------------------------------------------------------- */

static const struct era *era_of_fy(int fy)
{
	if (fy < FY_MIN || fy > FY_MAX)
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(eras); i++)
		if (fy >= eras[i].first)
			return &eras[i];
	return NULL;
}

/* "元" or the number: never more than 3 digits inside FY_MIN..FY_MAX + 1. */
static void year_text(int n, char *buf, size_t size)
{
	if (n == 1)
		snprintf(buf, size, "%s", "元");
	else
		snprintf(buf, size, "%d", n);
}

static int fail_format(char *buf, size_t size)
{
	if (size > 0)
		buf[0] = '\0';
	return -1;
}

const char *fy_era(int fy, int *year_in_era)
{
	const struct era *e = era_of_fy(fy);

	if (!e)
		return NULL;
	if (year_in_era)
		*year_in_era = fy - e->first + 1;
	return e->name;
}

int fy_format(int fy, enum fy_style style, char *buf, size_t size)
{
	const struct era *e = era_of_fy(fy);
	char num[16];

	if (!e)
		return fail_format(buf, size);
	year_text(fy - e->first + 1, num, sizeof num);
	switch (style) {
	case FY_STYLE_SHORT:
		return snprintf(buf, size, "%c%s", e->letter, num);
	case FY_STYLE_ERA:
		return snprintf(buf, size, "%s%s年度", e->name, num);
	case FY_STYLE_ERA_NO_NENDO:
		return snprintf(buf, size, "%s%s年", e->name, num);
	}
	return fail_format(buf, size);
}

static bool valid_date(int year, int month, int day)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12 || day < 1)
		return false;
	return day <= mdays[month - 1] + (month == 2 && leap);
}

int fy_format_date(int year, int month, int day, char *buf, size_t size)
{
	char num[16];

	if (year < FY_MIN || year > FY_MAX + 1 || !valid_date(year, month, day))
		return fail_format(buf, size);
	for (size_t i = 0; i < ARRAY_LEN(eras); i++) {
		const struct era *e = &eras[i];
		long date = (long)year * 10000 + month * 100 + day;
		long start = (long)e->first * 10000 + e->month * 100 + e->day;
		if (date >= start) {
			year_text(year - e->first + 1, num, sizeof num);
			return snprintf(buf, size, "%s%s年%d月%d日",
					e->name, num, month, day);
		}
	}
	return fail_format(buf, size);
}
