/* typo.c - the typographic profile; see typo.h.
 *
 * Figures are written from decimals here and nowhere else (format.c, the
 * chart labels and the rule descriptions call these), so a change of style
 * is one change.  The text functions rewrite only characters that are
 * figures or fixed symbols: digits, their separators, signs, dashes that
 * stand for "no figure", percent and range signs; every other character of
 * the source is copied as it is.
 */
#include "typo.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "utf8.h"

const struct typo typo_public = {
	.percent = "％",
	.no_data = "―",
	.negative = "△",
	.range = "～",
	.digits = TYPO_DIGITS_HALF,
};

static const struct typo *or_public(const struct typo *t)
{
	return t ? t : &typo_public;
}

/* ---- figures ------------------------------------------------------------ */

/* snprintf-style copy of the concatenation of a, b, c. */
static int put3(char *buf, size_t size, const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c), n = la + lb + lc;
	if (size > 0) {
		char tmp[TYPO_FIGURE_MAX * 2];
		size_t k = 0;
		const char *parts[3] = {a, b, c};
		size_t lens[3] = {la, lb, lc};
		for (int i = 0; i < 3; i++)
			for (size_t j = 0; j < lens[i] && k < sizeof tmp - 1; j++)
				tmp[k++] = parts[i][j];
		size_t m = k < size ? k : size - 1;
		memcpy(buf, tmp, m);
		buf[m] = '\0';
	}
	return (int)n;
}

int typo_scaled(const struct typo *t, long long m, int e, char *buf, size_t size)
{
	char digits[64], out[96];
	bool neg = m < 0;
	unsigned long long u = neg ? 0ULL - (unsigned long long)m : (unsigned long long)m;
	int n = snprintf(digits, sizeof digits, "%llu", u);
	int frac = 0;
	if (e > 0 && u != 0) {
		for (int i = 0; i < e && n < 40; i++)
			digits[n++] = '0';
		digits[n] = '\0';
	} else if (e < 0) {
		frac = -e;
		if (frac > 30)
			frac = 30;
		/* at least one integer digit: 0.25, not .25 */
		if (n <= frac) {
			int pad = frac - n + 1;
			memmove(digits + pad, digits, (size_t)n + 1);
			memset(digits, '0', (size_t)pad);
			n += pad;
		}
	}
	char *o = out;
	int int_digits = n - frac;
	for (int i = 0; i < int_digits; i++) {
		*o++ = digits[i];
		int left = int_digits - 1 - i;
		if (left > 0 && left % 3 == 0)
			*o++ = ',';
	}
	if (frac) {
		*o++ = '.';
		for (int i = int_digits; i < n; i++)
			*o++ = digits[i];
	}
	*o = '\0';
	return put3(buf, size, neg && u ? or_public(t)->negative : "", out, "");
}

int typo_number(const struct typo *t, struct decimal d, char *buf, size_t size)
{
	return typo_scaled(t, (long long)d.units, -d.scale, buf, size);
}

int typo_value(const struct typo *t, struct decimal d, const char *unit, char *buf,
	       size_t size)
{
	static const char oku[] = "億";
	const int64_t cho = 10000; /* 億 in a 兆 */
	if (!unit)
		unit = "";
	int64_t mag = d.units < 0 ? -d.units : d.units;
	if (!strncmp(unit, oku, sizeof oku - 1) && d.scale == 0 && mag >= cho) {
		/* "2兆600億円": 兆 grouped, 億 the rest without leading zeros,
		 * nothing of it when it is 0 ("3兆円") */
		char hi[64], lo[64], tail[128];
		struct decimal h = {d.units / cho, 0}, l = {mag % cho, 0};
		typo_number(t, h, hi, sizeof hi);
		const char *rest = unit + sizeof oku - 1;
		if (l.units) {
			typo_number(t, l, lo, sizeof lo);
			put3(tail, sizeof tail, lo, oku, rest);
		} else {
			put3(tail, sizeof tail, rest, "", "");
		}
		return put3(buf, size, hi, "兆", tail);
	}
	char num[64];
	typo_number(t, d, num, sizeof num);
	return put3(buf, size, num, typo_unit(t, unit), "");
}

const char *typo_unit(const struct typo *t, const char *unit)
{
	if (unit && (!strcmp(unit, "％") || !strcmp(unit, "%")))
		return or_public(t)->percent;
	return unit;
}

int typo_percent(const struct typo *t, struct decimal pct, char *buf, size_t size)
{
	char num[64];
	typo_number(t, pct, num, sizeof num);
	return put3(buf, size, num, or_public(t)->percent, "");
}

/* ---- characters --------------------------------------------------------- */

static bool is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static int digit_value(uint32_t c)
{
	return c <= '9' ? (int)(c - '0') : (int)(c - 0xFF10);
}

static bool is_sep(uint32_t c)
{
	return c == ',' || c == 0xFF0C;
}

static bool is_point(uint32_t c)
{
	return c == '.' || c == 0xFF0E;
}

/* Latin letters, half- and full-width: a number touching one is a name
 * (R7, 5G, Ｒ３), not a count. */
static bool is_fw_latin(uint32_t c)
{
	return (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

static bool is_latin(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_fw_latin(c);
}

/* ASCII punctuation that makes a number part of a code, a date or a
 * version (2025/4/1, 10:00, R2.3, No.1, #3, v1_2), not a count. */
static bool is_code_punct(uint32_t c)
{
	return c == '/' || c == ':' || c == '.' || c == '#' || c == '_' ||
	       c == '-' || c == '@' || c == '=';
}

static bool is_dash(uint32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2212 || c == 0xFF0D ||
	       c == 0x2015 || c == 0x2014 || c == 0x2500;
}

static bool is_minus(uint32_t c)
{
	return c == '-' || c == 0x2212 || c == 0xFF0D;
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0x3000;
}

bool typo_is_dash(const char *s)
{
	uint32_t c;
	int n, dashes = 0;
	if (!s)
		return false;
	for (; (n = utf8_next(s, &c)) > 0; s += n) {
		if (is_dash(c))
			dashes++;
		else if (!is_space(c))
			return false;
	}
	return n == 0 && dashes == 1;
}

const char *typo_mark(const struct typo *t, const char *mark)
{
	return typo_is_dash(mark) ? or_public(t)->no_data : mark;
}

/* ---- rewriting text ----------------------------------------------------- */

struct out {
	char *p, *end;
	bool changed;
};

static void emit(struct out *o, const char *s, size_t n)
{
	if ((size_t)(o->end - o->p) < n)
		n = (size_t)(o->end - o->p); /* cannot happen: sized 4x + 16 */
	memcpy(o->p, s, n);
	o->p += n;
}

static void emit_str(struct out *o, const char *s)
{
	emit(o, s, strlen(s));
}

static void emit_digit(struct out *o, int d, bool full)
{
	if (full) {
		char fw[3] = {(char)0xEF, (char)0xBC, (char)(0x90 + d)}; /* U+FF10 + d */
		emit(o, fw, 3);
	} else {
		char c = (char)('0' + d);
		emit(o, &c, 1);
	}
}

/* A number of the text: digits with separators and a point between
 * digits.  Fills the digits (values) and where the point is. */
struct run {
	const char *start, *end;
	int digits[64];
	int n, point; /* point: digits before it, -1 without one */
	bool grouped;
};

static bool scan_run(const char *s, struct run *r)
{
	uint32_t c, c2;
	int n = utf8_next(s, &c), n2;
	if (n <= 0 || !is_digit(c))
		return false;
	r->start = s;
	r->n = 0;
	r->point = -1;
	r->grouped = false;
	for (;;) {
		n = utf8_next(s, &c);
		if (n > 0 && is_digit(c)) {
			if (r->n < 64)
				r->digits[r->n++] = digit_value(c);
			s += n;
			continue;
		}
		/* a separator or point counts only between digits */
		if (n > 0 && (is_sep(c) || (is_point(c) && r->point < 0)) &&
		    (n2 = utf8_next(s + n, &c2)) > 0 && is_digit(c2)) {
			if (is_sep(c))
				r->grouped = true;
			else
				r->point = r->n;
			s += n;
			continue;
		}
		break;
	}
	r->end = s;
	return r->n < 64;
}

/* The code point before p (start: none, 0). */
static uint32_t before(const char *start, const char *p)
{
	const char *q = p;
	uint32_t c = 0;
	while (q > start) {
		q--;
		if (((unsigned char)*q & 0xC0) != 0x80)
			break;
	}
	if (q < p && utf8_next(q, &c) > 0)
		return c;
	return 0;
}

static uint32_t at(const char *p)
{
	uint32_t c = 0;
	return utf8_next(p, &c) > 0 ? c : 0;
}

/* Writes the run's digits with "," grouping (half-width) or as written
 * but in the width asked (full), dropping leading zeros of the integer
 * part when strip is set. */
static void emit_run(struct out *o, const struct run *r, bool full, bool group, bool strip)
{
	int ip = r->point < 0 ? r->n : r->point, from = 0;
	if (strip)
		while (from < ip - 1 && r->digits[from] == 0)
			from++;
	for (int i = from; i < ip; i++) {
		emit_digit(o, r->digits[i], full);
		int left = ip - 1 - i;
		if (group && left > 0 && left % 3 == 0)
			emit_str(o, full ? "，" : ",");
	}
	if (r->point >= 0) {
		emit_str(o, full ? "．" : ".");
		for (int i = r->point; i < r->n; i++)
			emit_digit(o, r->digits[i], full);
	}
}

/* Writes the run as it was written, its digits, separators and point in
 * the width asked: "７，８０９" → "7,809", nothing regrouped. */
static void emit_as_written(struct out *o, const struct run *r, bool full)
{
	uint32_t c;
	int n;
	for (const char *p = r->start; p < r->end; p += n) {
		n = utf8_next(p, &c);
		if (n <= 0)
			break;
		if (is_digit(c))
			emit_digit(o, digit_value(c), full);
		else if (is_sep(c))
			emit_str(o, full ? "，" : ",");
		else
			emit_str(o, full ? "．" : ".");
	}
}

static const char *finish(struct out *o, char *buf, const char *s, struct arena *a)
{
	*o->p = '\0';
	const char *r = s;
	if (o->changed && strcmp(buf, s))
		r = arena_strdup(a, buf);
	free(buf);
	return r;
}

static char *scratch(const char *s, struct out *o)
{
	size_t cap = 4 * strlen(s) + 16;
	char *buf = xmalloc(cap);
	o->p = buf;
	o->end = buf + cap - 1;
	o->changed = false;
	return buf;
}

const char *typo_text(const struct typo *t, const char *s, struct arena *a)
{
	if (!s)
		return NULL;
	t = or_public(t);
	struct out o;
	char *buf = scratch(s, &o);
	const char *p = s;
	uint32_t c;
	int n;
	while ((n = utf8_next(p, &c)) > 0) {
		struct run r;
		if (c == 0x301C) { /* 〜 */
			emit_str(&o, t->range);
			o.changed = true;
			p += n;
			continue;
		}
		if (!is_digit(c) || !scan_run(p, &r)) {
			emit(&o, p, (size_t)n);
			p += n;
			continue;
		}
		uint32_t b = before(s, p), f = at(r.end);
		bool code = is_latin(b) || is_latin(f) || is_code_punct(b) ||
			    (is_code_punct(f) && f != '.');
		if (is_fw_latin(b) || is_fw_latin(f)) {
			/* a full-width name (Ｒ３, ５Ｇ) as written */
			emit(&o, p, (size_t)(r.end - p));
		} else if (code) {
			/* a name or code of ASCII letters: its digits
			 * half-width whatever the profile (H２９ → H29) */
			emit_as_written(&o, &r, false);
			o.changed = true;
		} else {
			bool single = r.n == 1 && !r.grouped;
			bool full = t->digits == TYPO_DIGITS_FULL ||
				    (t->digits == TYPO_DIGITS_MIXED && single);
			emit_as_written(&o, &r, full);
			o.changed = true;
		}
		p = r.end;
	}
	if (n < 0) /* invalid UTF-8: leave the text as it is */
		o.changed = false;
	return finish(&o, buf, s, a);
}

const char *typo_figure_text(const struct typo *t, const char *s, struct arena *a)
{
	if (!s)
		return NULL;
	t = or_public(t);
	struct out o;
	char *buf = scratch(s, &o);
	const char *p = s;
	uint32_t c, prev = 0; /* the last code point of the source taken */
	int n;
	while ((n = utf8_next(p, &c)) > 0) {
		struct run r;
		uint32_t next = at(p + n);
		bool opens = !prev || is_space(prev) || prev == 0xFF08 || prev == '(' ||
			     prev == 0xFF0F || prev == '/' || prev == 0x3001;
		if (is_minus(c) && is_digit(next) && opens) {
			emit_str(&o, t->negative);
		} else if ((c == 0x25B3 || c == 0x25B2) && is_digit(next)) { /* △ ▲ */
			emit_str(&o, t->negative);
		} else if (is_dash(c) && !is_digit(next) && opens) {
			emit_str(&o, t->no_data);
		} else if ((c == '%' || c == 0xFF05) && is_digit(prev)) {
			emit_str(&o, t->percent);
		} else if (c == 0x301C || c == 0xFF5E) { /* 〜 ～ */
			emit_str(&o, t->range);
		} else if (is_digit(c) && scan_run(p, &r) && !is_fw_latin(prev) &&
			   !is_fw_latin(at(r.end))) {
			/* 2兆0,600億 → 2兆600億: the 億 part of a 兆 figure,
			 * without its leading zeros and grouped anew */
			if (prev == 0x5146 /* 兆 */)
				emit_run(&o, &r, false, true, true);
			else
				emit_as_written(&o, &r, false);
			o.changed = true;
			prev = '0';
			p = r.end;
			continue;
		} else {
			emit(&o, p, (size_t)n);
			prev = c;
			p += n;
			continue;
		}
		o.changed = true;
		prev = c;
		p += n;
	}
	if (n < 0)
		o.changed = false;
	return finish(&o, buf, s, a);
}
