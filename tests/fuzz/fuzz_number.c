/* fuzz_number.c - libFuzzer harness for the number and year parsers
 * (decimal.h, fy.h) and the arithmetic on what they return.
 *
 * The input is cut at the first newline into two strings a and b (NUL
 * bytes end a string early, as they would in a C caller).  Each is parsed
 * whole and as a prefix, as a decimal and as a fiscal year; parsed values
 * are formatted and read back, added, compared and rounded; the raw bytes
 * also make a double for decimal_from_double() and a date for
 * fy_format_date().
 *
 * Invariants: what the headers promise - |units| < 10^18, scale 0..6,
 * a syntax reason for every string that is no number and for no other,
 * format/parse round trips, prefix ends inside the string on a character
 * boundary, years inside FY_MIN..FY_MAX and round-tripping through every
 * style. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "fy.h"
#include "fuzz_util.h"

#define LIMIT INT64_C(1000000000000000000)

static void check_decimal(struct decimal d)
{
	FUZZ_ASSERT(d.scale >= 0 && d.scale <= DECIMAL_MAX_SCALE);
	FUZZ_ASSERT(d.units > -LIMIT && d.units < LIMIT);
}

static void round_trip_decimal(struct decimal d)
{
	char buf[64];
	struct decimal back;
	for (int grouping = 0; grouping < 2; grouping++) {
		int n = decimal_format(d, grouping, buf, sizeof buf);
		FUZZ_ASSERT(n > 0 && (size_t)n < sizeof buf);
		FUZZ_ASSERT(decimal_parse(buf, &back) == DECIMAL_OK);
		FUZZ_ASSERT(back.units == d.units && back.scale == d.scale);
		/* truncation is snprintf-like */
		char small[4];
		FUZZ_ASSERT(decimal_format(d, grouping, small, sizeof small) == n);
		FUZZ_ASSERT(strlen(small) == (size_t)(n < 3 ? n : 3));
	}
}

static void arithmetic(struct decimal a, struct decimal b)
{
	struct decimal s;
	if (decimal_add(a, b, &s)) {
		check_decimal(s);
		/* a + b - b == a in value */
		struct decimal nb = {-b.units, b.scale}, back;
		if (decimal_add(s, nb, &back))
			FUZZ_ASSERT(decimal_cmp(back, a) == 0);
	}
	int c = decimal_cmp(a, b);
	FUZZ_ASSERT(c >= -1 && c <= 1);
	FUZZ_ASSERT(decimal_cmp(b, a) == -c);
	for (int k = 0; k <= DECIMAL_MAX_SCALE; k++) {
		struct decimal r = decimal_round(a, k);
		check_decimal(r);
	}
	double v = decimal_to_double(a);
	FUZZ_ASSERT(isfinite(v));
	check_decimal(decimal_from_double(v, a.scale));
}

/* A character boundary of s: not in the middle of a UTF-8 sequence. */
static int at_boundary(const char *s, const char *p)
{
	return p == s || ((unsigned char)*p & 0xC0) != 0x80;
}

static void one_string(const char *s, size_t len, struct decimal *dv, int *have)
{
	struct decimal d = {12345, 2};
	enum decimal_status st = decimal_parse(s, &d);
	FUZZ_ASSERT(st >= DECIMAL_OK && st <= DECIMAL_OVERFLOW);
	FUZZ_ASSERT(decimal_status_text(st) != NULL);
	/* a reason exactly when there is no number */
	FUZZ_ASSERT((decimal_syntax_reason(s) != NULL) ==
		    (st == DECIMAL_SYNTAX || st == DECIMAL_EMPTY));
	if (st == DECIMAL_OK) {
		check_decimal(d);
		round_trip_decimal(d);
		*dv = d;
		*have = 1;
	} else {
		FUZZ_ASSERT(d.units == 12345 && d.scale == 2); /* left alone */
	}

	const char *end = NULL;
	struct decimal e = {777, 1};
	st = decimal_parse_prefix(s, &e, &end);
	FUZZ_ASSERT(end >= s && end <= s + len);
	if (st == DECIMAL_OK) {
		check_decimal(e);
		FUZZ_ASSERT(end > s);
		FUZZ_ASSERT(at_boundary(s, end));
	} else {
		FUZZ_ASSERT(end == s);
		FUZZ_ASSERT(e.units == 777 && e.scale == 1);
	}

	int fy = -1;
	if (fy_parse(s, &fy) == 0) {
		FUZZ_ASSERT(fy >= FY_MIN && fy <= FY_MAX);
		char buf[64];
		for (int style = FY_STYLE_SHORT; style <= FY_STYLE_ERA_NO_NENDO; style++) {
			int back = -1;
			int n = fy_format(fy, (enum fy_style)style, buf, sizeof buf);
			FUZZ_ASSERT(n > 0 && (size_t)n < sizeof buf);
			FUZZ_ASSERT(fy_parse(buf, &back) == 0 && back == fy);
		}
		int y = 0;
		FUZZ_ASSERT(fy_era(fy, &y) != NULL && y >= 1);
	} else {
		FUZZ_ASSERT(fy == -1);
	}
	fy = -1;
	end = NULL;
	if (fy_parse_prefix(s, &fy, &end) == 0) {
		FUZZ_ASSERT(fy >= FY_MIN && fy <= FY_MAX);
		FUZZ_ASSERT(end > s && end <= s + len && at_boundary(s, end));
	} else {
		FUZZ_ASSERT(fy == -1 && end == s);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The bytes as two C strings (each in its own allocation, so that ASan
	 * sees any read past the terminator). */
	const uint8_t *nl = memchr(data, '\n', size);
	size_t la = nl ? (size_t)(nl - data) : size;
	size_t lb = nl ? size - la - 1 : 0;
	char *a = malloc(la + 1), *b = malloc(lb + 1);
	if (!a || !b)
		abort();
	memcpy(a, data, la);
	a[la] = '\0';
	if (lb)
		memcpy(b, nl + 1, lb);
	b[lb] = '\0';

	struct decimal da = {0, 0}, db = {0, 0};
	int ha = 0, hb = 0;
	one_string(a, strlen(a), &da, &ha);
	one_string(b, strlen(b), &db, &hb);
	if (ha && hb)
		arithmetic(da, db);
	else if (ha)
		arithmetic(da, da);

	/* Raw bytes as numbers: any double, any int. */
	if (size >= sizeof(double) + 1) {
		double v;
		memcpy(&v, data, sizeof v);
		int scale = data[sizeof v] % (DECIMAL_MAX_SCALE + 1);
		struct decimal d = decimal_from_double(v, scale);
		check_decimal(d);
		FUZZ_ASSERT(d.scale == scale);
	}
	if (size >= 3 * sizeof(int)) {
		int x[3];
		char buf[64];
		memcpy(x, data, sizeof x);
		int n = fy_format(x[0], FY_STYLE_ERA, buf, sizeof buf);
		FUZZ_ASSERT(n == -1 ? (x[0] < FY_MIN || x[0] > FY_MAX) : n > 0);
		fy_era(x[0], NULL);
		n = fy_format_date(x[0], x[1], x[2], buf, sizeof buf);
		FUZZ_ASSERT(n == -1 || (n > 0 && (size_t)n < sizeof buf));
		/* small values too, so that real dates come up */
		n = fy_format_date(1926 + (x[0] & 0x1FF), 1 + (x[1] & 15), 1 + (x[2] & 31), buf,
				   sizeof buf);
		FUZZ_ASSERT(n == -1 || (n > 0 && (size_t)n < sizeof buf));
	}
	free(a);
	free(b);
	return 0;
}
