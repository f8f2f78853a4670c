/* frac.h - exact fractions for the figures (private to src/figures).
 *
 * Ratios on a council handout are rounded at the half, so they must be
 * computed exactly: 2001 ÷ 2000 is 100.05 %, which binary floating point
 * holds as 100.04999... and would round to 100.0.  A frac is a reduced
 * fraction of (128-bit where the compiler has them) integers built from the
 * decimals as written.  Overflow is sticky: an operation on a `bad` frac, or
 * one that overflows, gives a bad frac, and callers check once at the end.
 */
#ifndef SHIRYO_FIG_FRAC_H
#define SHIRYO_FIG_FRAC_H

#include <stdbool.h>
#include <stdint.h>

#include "decimal.h"

#ifdef __SIZEOF_INT128__
__extension__ typedef __int128 frac_int;
#else
typedef int64_t frac_int;
#endif

struct frac {
	frac_int num, den; /* den > 0, gcd(num, den) = 1 */
	bool bad;          /* overflow or division by zero on the way */
};

struct frac frac_of_decimal(struct decimal d);
struct frac frac_of_int(long long v);
struct frac frac_add(struct frac a, struct frac b);
struct frac frac_sub(struct frac a, struct frac b);
struct frac frac_mul(struct frac a, struct frac b);
/* Division by zero gives a bad frac; callers test frac_is_zero first. */
struct frac frac_div(struct frac a, struct frac b);
struct frac frac_abs(struct frac a);
bool frac_is_zero(struct frac a);
int frac_sign(struct frac a);
/* -1, 0, 1; compares through long double if the products overflow. */
int frac_cmp(struct frac a, struct frac b);
double frac_to_double(struct frac a);
/* a rounded half away from zero to scale fraction digits; false on
 * overflow or a bad frac. */
bool frac_to_decimal(struct frac a, int scale, struct decimal *out);

#endif
