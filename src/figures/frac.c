/* frac.c - exact fractions; see frac.h. */
#include "frac.h"

static const struct frac bad_frac = {0, 1, true};

static frac_int iabs(frac_int v)
{
	return v < 0 ? -v : v;
}

static frac_int gcd(frac_int a, frac_int b)
{
	a = iabs(a);
	b = iabs(b);
	while (b) {
		frac_int t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* The most negative value cannot be negated; keep every value strictly
 * inside the range so that abs and negation are always defined. */
static bool in_range(frac_int v)
{
	frac_int lim = ((frac_int)1 << (sizeof(frac_int) * 8 - 3));
	return v > -lim && v < lim;
}

static struct frac make(frac_int num, frac_int den)
{
	if (den == 0 || !in_range(num) || !in_range(den))
		return bad_frac;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	frac_int g = gcd(num, den);
	if (g > 1) {
		num /= g;
		den /= g;
	}
	return (struct frac){num, den, false};
}

static bool mul(frac_int a, frac_int b, frac_int *out)
{
	return !__builtin_mul_overflow(a, b, out) && in_range(*out);
}

struct frac frac_of_int(long long v)
{
	return make(v, 1);
}

struct frac frac_of_decimal(struct decimal d)
{
	if (d.scale < 0 || d.scale > 18)
		return bad_frac;
	frac_int den = 1;
	for (int i = 0; i < d.scale; i++)
		den *= 10;
	return make(d.units, den);
}

struct frac frac_add(struct frac a, struct frac b)
{
	if (a.bad || b.bad)
		return bad_frac;
	frac_int g = gcd(a.den, b.den);
	frac_int x, y, den;
	if (!mul(a.num, b.den / g, &x) || !mul(b.num, a.den / g, &y) ||
	    !mul(a.den / g, b.den, &den))
		return bad_frac;
	return make(x + y, den);
}

struct frac frac_sub(struct frac a, struct frac b)
{
	b.num = -b.num;
	return frac_add(a, b);
}

struct frac frac_mul(struct frac a, struct frac b)
{
	if (a.bad || b.bad)
		return bad_frac;
	/* Cross-reduce first to keep the products small. */
	frac_int g1 = gcd(a.num, b.den), g2 = gcd(b.num, a.den);
	if (g1 == 0)
		g1 = 1;
	if (g2 == 0)
		g2 = 1;
	frac_int num, den;
	if (!mul(a.num / g1, b.num / g2, &num) || !mul(a.den / g2, b.den / g1, &den))
		return bad_frac;
	return make(num, den);
}

struct frac frac_div(struct frac a, struct frac b)
{
	if (a.bad || b.bad || b.num == 0)
		return bad_frac;
	return frac_mul(a, make(b.den, b.num));
}

struct frac frac_abs(struct frac a)
{
	a.num = iabs(a.num);
	return a;
}

bool frac_is_zero(struct frac a)
{
	return !a.bad && a.num == 0;
}

int frac_sign(struct frac a)
{
	return (a.num > 0) - (a.num < 0);
}

int frac_cmp(struct frac a, struct frac b)
{
	frac_int x, y;
	if (mul(a.num, b.den, &x) && mul(b.num, a.den, &y))
		return (x > y) - (x < y);
	long double u = (long double)a.num / (long double)a.den;
	long double v = (long double)b.num / (long double)b.den;
	return (u > v) - (u < v);
}

double frac_to_double(struct frac a)
{
	return (double)((long double)a.num / (long double)a.den);
}

bool frac_to_decimal(struct frac a, int scale, struct decimal *out)
{
	if (a.bad || scale < 0 || scale > DECIMAL_MAX_SCALE)
		return false;
	frac_int n = a.num;
	for (int i = 0; i < scale; i++)
		if (!mul(n, 10, &n))
			return false;
	frac_int q = n / a.den, r = n % a.den;
	/* Half away from zero: |r| ≥ den/2, tested as 2|r| ≥ den. */
	if (2 * iabs(r) >= a.den)
		q += n < 0 ? -1 : 1;
	if (q > INT64_MAX || q < -INT64_MAX)
		return false;
	out->units = (int64_t)q;
	out->scale = scale;
	return true;
}
