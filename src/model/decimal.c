/* decimal.c - exact decimals as written; see decimal.h.
 *
 * Parsing walks the string one UTF-8 code point at a time and never touches
 * floating point: digits go straight into an integer count of units, so
 * "65.1" is 651 units of 10^-1 and prints back as "65.1".  Units stay below
 * 10^18, which leaves int64_t room for the sum of two before the check.
 */
#include "decimal.h"
#include "utf8.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEC_DIGITS 18
#define DEC_LIMIT INT64_C(1000000000000000000) /* 10^18, exclusive */

static const int64_t pow10_tab[DEC_DIGITS + 1] = {
	INT64_C(1),
	INT64_C(10),
	INT64_C(100),
	INT64_C(1000),
	INT64_C(10000),
	INT64_C(100000),
	INT64_C(1000000),
	INT64_C(10000000),
	INT64_C(100000000),
	INT64_C(1000000000),
	INT64_C(10000000000),
	INT64_C(100000000000),
	INT64_C(1000000000000),
	INT64_C(10000000000000),
	INT64_C(100000000000000),
	INT64_C(1000000000000000),
	INT64_C(10000000000000000),
	INT64_C(100000000000000000),
	INT64_C(1000000000000000000),
};

static int64_t p10(int n)
{
	assert(n >= 0 && n <= DEC_DIGITS);
	return pow10_tab[n];
}

/* |u| without the undefined -INT64_MIN. */
static uint64_t mag(int64_t u)
{
	return u < 0 ? (uint64_t)0 - (uint64_t)u : (uint64_t)u;
}

/* ---- reading characters ------------------------------------------------ */

enum ch_kind {
	CH_END,   /* the terminating NUL */
	CH_BAD,   /* invalid UTF-8 */
	CH_OTHER,
	CH_DIGIT, /* 0-9, ０-９ */
	CH_SEP,   /* , ， */
	CH_POINT, /* . ． */
	CH_MINUS, /* - − － */
	CH_PLUS,  /* + ＋ */
	CH_SPACE, /* ASCII white space, U+3000, U+00A0 */
};

struct ch {
	enum ch_kind kind;
	int digit;   /* for CH_DIGIT */
	int len;     /* bytes */
	uint32_t cp; /* the code point, unless CH_BAD */
};

static struct ch peek(const char *s)
{
	struct ch t = {CH_OTHER, 0, 0, 0};
	uint32_t c = 0;
	int n = utf8_next(s, &c);

	if (n < 0) {
		t.kind = CH_BAD;
		return t;
	}
	t.len = n;
	t.cp = c;
	if (n == 0) {
		t.kind = CH_END;
	} else if (c >= '0' && c <= '9') {
		t.kind = CH_DIGIT;
		t.digit = (int)(c - '0');
	} else if (c >= 0xFF10 && c <= 0xFF19) {
		t.kind = CH_DIGIT;
		t.digit = (int)(c - 0xFF10);
	} else if (c == ',' || c == 0xFF0C) {
		t.kind = CH_SEP;
	} else if (c == '.' || c == 0xFF0E) {
		t.kind = CH_POINT;
	} else if (c == '-' || c == 0x2212 || c == 0xFF0D) {
		t.kind = CH_MINUS;
	} else if (c == '+' || c == 0xFF0B) {
		t.kind = CH_PLUS;
	} else if (c == ' ' || (c >= '\t' && c <= '\r') || c == 0x3000 ||
		   c == 0xA0) {
		t.kind = CH_SPACE;
	}
	return t;
}

static const char *skip_spaces(const char *s)
{
	struct ch t;

	while ((t = peek(s)).kind == CH_SPACE)
		s += t.len;
	return s;
}

/* ---- parsing ------------------------------------------------------------ */

struct acc {
	uint64_t units;
	int sig; /* significant digits taken, at most DEC_DIGITS */
	bool over;
};

static void acc_digit(struct acc *a, int d)
{
	if (a->over || (a->units == 0 && d == 0))
		return; /* leading zeros are not significant */
	if (a->sig == DEC_DIGITS) {
		a->over = true;
		return;
	}
	a->sig++;
	a->units = a->units * 10 + (uint64_t)d;
}

/* The number at the start of s.  Sets *end after it on DECIMAL_OK and on
 * DECIMAL_OVERFLOW, so that decimal_parse can still tell junk after an
 * over-long number; on DECIMAL_SYNTAX and DECIMAL_EMPTY sets *stop at the
 * character that broke the grammar, for decimal_syntax_reason(). */
static enum decimal_status scan(const char *s, struct decimal *out,
				const char **end, const char **stop)
{
	const char *p = skip_spaces(s);
	const char *last_sep = NULL;
	struct acc a = {0, 0, false};
	struct ch t = peek(p);
	bool neg = false, grouped = false, lead_zero;
	int group = 0, scale = 0;

	*stop = p;
	if (t.kind == CH_END)
		return DECIMAL_EMPTY;
	if (t.kind == CH_MINUS || t.kind == CH_PLUS) {
		neg = t.kind == CH_MINUS;
		p += t.len;
		t = peek(p);
	}
	*stop = p;
	if (t.kind != CH_DIGIT)
		return DECIMAL_SYNTAX;
	lead_zero = t.digit == 0;

	/* A separator is one only when a digit follows: "1,234," ends at the
	 * second comma, which then belongs to the caller's text. */
	for (;; t = peek(p)) {
		if (t.kind == CH_DIGIT) {
			acc_digit(&a, t.digit);
			if (group < 4)
				group++;
		} else if (t.kind == CH_SEP &&
			   peek(p + t.len).kind == CH_DIGIT) {
			/* "0,5" is refused: in a Japanese table it can only be
			 * a European decimal comma, never a thousands group. */
			if (grouped ? group != 3 : (group > 3 || lead_zero)) {
				*stop = p;
				return DECIMAL_SYNTAX;
			}
			grouped = true;
			group = 0;
			last_sep = p;
		} else {
			break;
		}
		p += t.len;
	}
	if (grouped && group != 3) {
		*stop = last_sep;
		return DECIMAL_SYNTAX;
	}

	if (t.kind == CH_POINT && peek(p + t.len).kind == CH_DIGIT) {
		p += t.len;
		for (t = peek(p); t.kind == CH_DIGIT; t = peek(p)) {
			acc_digit(&a, t.digit);
			if (scale <= DECIMAL_MAX_SCALE)
				scale++;
			p += t.len;
		}
	}
	*stop = p;
	if (t.kind == CH_BAD)
		return DECIMAL_SYNTAX;
	*end = p;
	if (a.over || scale > DECIMAL_MAX_SCALE)
		return DECIMAL_OVERFLOW;
	out->units = neg ? -(int64_t)a.units : (int64_t)a.units;
	out->scale = scale;
	return DECIMAL_OK;
}

/* decimal_parse(), and where it stopped: see scan(). */
static enum decimal_status parse_whole(const char *s, struct decimal *out,
				       const char **stop)
{
	struct decimal d;
	const char *end;
	enum decimal_status st = scan(s, &d, &end, stop);

	if (st != DECIMAL_OK && st != DECIMAL_OVERFLOW)
		return st;
	*stop = skip_spaces(end);
	if (**stop != '\0')
		return DECIMAL_SYNTAX;
	if (st == DECIMAL_OK)
		*out = d;
	return st;
}

enum decimal_status decimal_parse(const char *s, struct decimal *out)
{
	const char *stop;

	return parse_whole(s, out, &stop);
}

enum decimal_status decimal_parse_prefix(const char *s, struct decimal *out,
					 const char **end)
{
	struct decimal d;
	const char *e, *stop;
	enum decimal_status st = scan(s, &d, &e, &stop);

	if (st != DECIMAL_OK) {
		*end = s;
		return st;
	}
	*out = d;
	*end = e;
	return st;
}

const char *decimal_status_text(enum decimal_status st)
{
	switch (st) {
	case DECIMAL_OK:
		return "ok";
	case DECIMAL_EMPTY:
		return "no number";
	case DECIMAL_SYNTAX:
		return "not a number";
	case DECIMAL_OVERFLOW:
		return "number too long (more than 18 digits or 6 decimals)";
	}
	return "unknown decimal status";
}

/* Whether c is a letter of a script staff might type into a cell: Latin
 * (ASCII, accented, full-width), kana, kanji, half-width katakana.  Not
 * ・ or ー, which stand for "none" as often as dashes do. */
static bool is_letter(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x3041 && c <= 0x30FA) || (c >= 0x3400 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF21 && c <= 0xFF3A) ||
	       (c >= 0xFF41 && c <= 0xFF5A) || (c >= 0xFF66 && c <= 0xFF9D);
}

const char *decimal_syntax_reason(const char *s)
{
	struct decimal d;
	const char *stop;
	enum decimal_status st = parse_whole(s, &d, &stop);
	bool digit = false, point = false;

	if (st != DECIMAL_SYNTAX && st != DECIMAL_EMPTY)
		return NULL;
	/* What came before the stop: the grammar was kept up to there. */
	for (const char *p = skip_spaces(s); p < stop;) {
		struct ch t = peek(p);
		digit |= t.kind == CH_DIGIT;
		point |= t.kind == CH_POINT;
		p += t.len > 0 ? t.len : 1;
	}
	struct ch t = peek(stop);
	switch (t.kind) {
	case CH_END:
		return "has no digits";
	case CH_BAD:
		return "has bytes that are not UTF-8";
	case CH_DIGIT: /* after spaces that ended the number */
		return "has a space between its digits";
	case CH_SPACE: /* after a sign */
		return "has a space after its sign";
	case CH_MINUS:
	case CH_PLUS:
		return digit ? "has a sign or dash after its first digit" : "has two signs";
	case CH_POINT:
		if (point)
			return "has two decimal points";
		return digit ? "has no digit after its decimal point"
			     : "has no digit before its decimal point";
	case CH_SEP:
		return point ? "has a comma after its decimal point"
			     : "has a thousands separator in the wrong place";
	case CH_OTHER:
		break;
	}
	if (is_letter(t.cp))
		return "has letters";
	for (const char *p = stop; (t = peek(p)).kind != CH_END; p += t.len > 0 ? t.len : 1)
		digit |= t.kind == CH_DIGIT;
	return digit ? "has a character that is not part of a number" : "has no digits";
}

/* ---- arithmetic --------------------------------------------------------- */

double decimal_to_double(struct decimal d)
{
	/* Both operands are exact below 2^53, and one correctly rounded
	 * division gives the double nearest to the decimal. */
	return (double)d.units / (double)p10(d.scale);
}

static struct decimal saturated(bool neg, int scale)
{
	struct decimal d = {neg ? -(DEC_LIMIT - 1) : DEC_LIMIT - 1, scale};
	return d;
}

struct decimal decimal_from_double(double v, int scale)
{
	struct decimal d = {0, scale};
	bool neg = v < 0;
	double m = neg ? -v : v;
	char buf[40];
	uint64_t digits = 0;
	int exp10, k;
	const char *p;

	assert(scale >= 0 && scale <= DECIMAL_MAX_SCALE);
	if (isnan(v))
		return d;
	if (!(m < 1e18))
		return saturated(neg, scale);

	/* 15 significant digits "d.dddddddddddddde±XX".  The radix character
	 * depends on the locale and may be several bytes, so anything that
	 * is not a digit before the 'e' is skipped. */
	snprintf(buf, sizeof buf, "%.14e", m);
	for (p = buf; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			digits = digits * 10 + (uint64_t)(*p - '0');
	if (*p != 'e')
		return d; /* cannot happen for a finite double */
	exp10 = (int)strtol(p + 1, NULL, 10);

	/* v = digits × 10^(exp10 - 14); units = v × 10^scale. */
	k = exp10 - 14 + scale;
	if (k >= 0) {
		if (k > DEC_DIGITS ||
		    digits > (uint64_t)(DEC_LIMIT - 1) / (uint64_t)p10(k))
			return saturated(neg, scale);
		digits *= (uint64_t)p10(k);
	} else if (k < -15) {
		digits = 0; /* below half a unit: digits < 10^15 */
	} else {
		uint64_t div = (uint64_t)p10(-k), r = digits % div;
		digits = digits / div + (2 * r >= div);
	}
	d.units = neg ? -(int64_t)digits : (int64_t)digits;
	return d;
}

/* d's units at a scale at least as large as its own, if they fit. */
static bool widen(struct decimal d, int scale, int64_t *units)
{
	int64_t p = p10(scale - d.scale);

	if (mag(d.units) > (uint64_t)(DEC_LIMIT - 1) / (uint64_t)p)
		return false;
	*units = d.units * p;
	return true;
}

struct decimal decimal_round(struct decimal d, int scale)
{
	assert(scale >= 0 && scale <= DECIMAL_MAX_SCALE);
	assert(d.scale >= 0 && d.scale <= DECIMAL_MAX_SCALE);
	if (scale >= d.scale) {
		int64_t u;
		if (widen(d, scale, &u)) {
			d.units = u;
			d.scale = scale;
		}
		return d;
	}

	/* C division truncates toward zero and the remainder takes the sign
	 * of the dividend, so comparing |r| with half the divisor rounds
	 * both signs away from zero. */
	int64_t p = p10(d.scale - scale);
	int64_t q = d.units / p, r = d.units % p;
	if (2 * (r < 0 ? -r : r) >= p)
		q += d.units < 0 ? -1 : 1;
	d.units = q;
	d.scale = scale;
	return d;
}

bool decimal_add(struct decimal a, struct decimal b, struct decimal *out)
{
	int scale = a.scale > b.scale ? a.scale : b.scale;
	int64_t x, y, sum;

	if (!widen(a, scale, &x) || !widen(b, scale, &y))
		return false;
	sum = x + y; /* both below 10^18: cannot overflow int64_t */
	if (mag(sum) >= (uint64_t)DEC_LIMIT)
		return false;
	out->units = sum;
	out->scale = scale;
	return true;
}

int decimal_cmp(struct decimal a, struct decimal b)
{
	/* Integer parts first, then fractions brought to the largest scale.
	 * Both parts carry the value's sign, so the order is lexicographic,
	 * and nothing is multiplied that could overflow. */
	int64_t ai = a.units / p10(a.scale), bi = b.units / p10(b.scale);
	int64_t af = a.units % p10(a.scale) * p10(DECIMAL_MAX_SCALE - a.scale);
	int64_t bf = b.units % p10(b.scale) * p10(DECIMAL_MAX_SCALE - b.scale);

	if (ai != bi)
		return ai < bi ? -1 : 1;
	if (af != bf)
		return af < bf ? -1 : 1;
	return 0;
}

int decimal_format(struct decimal d, bool grouping, char *buf, size_t size)
{
	char tmp[48]; /* sign, 20 digits, 6 separators, point, 6 decimals */
	char rev[20];
	char *o = tmp;
	uint64_t m = mag(d.units), p = (uint64_t)p10(d.scale);
	uint64_t ip = m / p, fp = m % p;
	int n = 0;
	size_t len;

	assert(d.scale >= 0 && d.scale <= DECIMAL_MAX_SCALE);
	do {
		rev[n++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	if (d.units < 0)
		*o++ = '-';
	while (n > 0) {
		*o++ = rev[--n];
		if (grouping && n > 0 && n % 3 == 0)
			*o++ = ',';
	}
	if (d.scale > 0) {
		*o++ = '.';
		for (int i = d.scale - 1; i >= 0; i--)
			*o++ = (char)('0' + fp / (uint64_t)p10(i) % 10);
	}

	len = (size_t)(o - tmp);
	if (size > 0) {
		size_t c = len < size ? len : size - 1;
		memcpy(buf, tmp, c);
		buf[c] = '\0';
	}
	return (int)len;
}
