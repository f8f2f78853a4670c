/* number.c - what the loaders say of a number they cannot read.
 *
 * Plan, PDCA records and actuals (XML and CSV) all take numbers written by
 * staff, and a refused number should be refused in the same words whichever
 * file it is in: what breaks it (decimal_syntax_reason()), or, for exponent
 * notation, how to write it instead.
 *
 * 1e9, 1.5E3: not how anyone writes a plan, but how Excel saves a number of
 * many digits in a General column, rounded to what the cell shows, and so
 * what a value pasted from a spreadsheet may hold.  Read as 1 with the unit
 * 'e9' (CSV) or as "not a number; it has letters" (XML), it made no sense.
 */
#include <stdio.h>
#include <string.h>

#include "decimal.h"
#include "fy.h"
#include "load_int.h"

const char *load_fy_text(int fy, char *buf, size_t size)
{
	if (fy_format(fy, FY_STYLE_SHORT, buf, size) < 0)
		snprintf(buf, size, "%d", fy);
	return buf;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The end of the exponent at s (e or E, ASCII or full-width, an optional
 * sign, digits), or NULL when s does not start with one.  *exp gets its
 * value, capped near ±10000 (enough to know it is out of range). */
static const char *read_exponent(const char *s, int *exp)
{
	const char *p = s;
	if (*p == 'e' || *p == 'E')
		p++;
	else if (starts_with(p, "ｅ") || starts_with(p, "Ｅ"))
		p += strlen("ｅ");
	else
		return NULL;
	int sign = 1;
	if (*p == '+' || *p == '-') {
		sign = *p == '-' ? -1 : 1;
		p++;
	} else if (starts_with(p, "＋") || starts_with(p, "－") || starts_with(p, "−")) {
		sign = starts_with(p, "＋") ? 1 : -1;
		p += 3; /* all three are 3 bytes */
	}
	int v = 0, digits = 0;
	for (;; digits++) {
		int d;
		if (*p >= '0' && *p <= '9') {
			d = *p - '0';
			p++;
		} else if (starts_with(p, "\xEF\xBC") && (unsigned char)p[2] >= 0x90 &&
			   (unsigned char)p[2] <= 0x99) { /* ０..９ */
			d = (unsigned char)p[2] - 0x90;
			p += 3;
		} else {
			break;
		}
		if (v < 1000)
			v = v * 10 + d;
	}
	*exp = sign * v;
	return digits > 0 ? p : NULL;
}

/* v × 10^exp written out in full into buf; false when that needs more than
 * 18 digits or more than DECIMAL_MAX_SCALE decimals. */
static bool write_in_full(struct decimal v, int exp, char *buf, size_t size)
{
	int scale = v.scale - exp;
	int64_t u = v.units;
	for (; scale < 0; scale++) {
		if (u >= 100000000000000000 || u <= -100000000000000000)
			return false;
		u *= 10;
	}
	if (scale > DECIMAL_MAX_SCALE)
		return false;
	decimal_format((struct decimal){u, scale}, false, buf, size);
	return true;
}

const char *load_exponent(struct decimal v, const char *after, char *buf, size_t size)
{
	int exp;
	const char *end = read_exponent(after, &exp);
	char full[64];
	if (!end)
		return NULL;
	if (write_in_full(v, exp, full, sizeof full))
		snprintf(buf, size, "a number in exponent notation, which is not accepted; "
			 "write the number in full: %s", full);
	else
		snprintf(buf, size, "a number in exponent notation, which is not accepted; "
			 "write the number in full, e.g. 1000000000 for 1e9");
	return end;
}

const char *load_number_problem(const char *s, enum decimal_status st, char *buf,
				size_t size)
{
	struct decimal v;
	const char *end, *past;
	/* Only a value that is nothing but a number and its exponent: "1e9件"
	 * is no number in exponent notation, just not a number. */
	if (st == DECIMAL_SYNTAX && decimal_parse_prefix(s, &v, &end) == DECIMAL_OK &&
	    (past = load_exponent(v, end, buf, size)) && !*past)
		return buf;
	const char *reason = st == DECIMAL_SYNTAX ? decimal_syntax_reason(s) : NULL;
	if (reason)
		snprintf(buf, size, "%s; it %s", decimal_status_text(st), reason);
	else
		snprintf(buf, size, "%s", decimal_status_text(st));
	return buf;
}

static bool is_percent(const char *u)
{
	return !strcmp(u, "％") || !strcmp(u, "%");
}

enum decimal_status load_value_text(const char *s, const char *unit, struct decimal *out,
				    char *why, size_t size)
{
	const char *body = s;
	bool neg = false;
	if (starts_with(body, "△") || starts_with(body, "▲")) {
		neg = true;
		body += strlen("△");
	}
	struct decimal v;
	const char *end;
	enum decimal_status st = decimal_parse(body, &v);
	if (st != DECIMAL_OK) {
		if (decimal_parse_prefix(body, &v, &end) != DECIMAL_OK || !*end ||
		    *end == '.' || *end == ',' || (*end >= '0' && *end <= '9') ||
		    read_exponent(end, &(int){0})) {
			load_number_problem(s, st, why, size);
			return st;
		}
		while (*end == ' ')
			end++;
		if (!unit || !(strcmp(end, unit) == 0 || (is_percent(end) && is_percent(unit)))) {
			load_number_problem(s, st, why, size);
			return st;
		}
	}
	if (neg && v.units < 0) {
		snprintf(why, size, "not a number; it has two signs");
		return DECIMAL_SYNTAX;
	}
	if (neg)
		v.units = -v.units;
	*out = v;
	return DECIMAL_OK;
}
