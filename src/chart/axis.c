/* axis.c - round ticks, their labels, and scaling units with 万 / 億 / 兆.
 *
 * Ticks are kept as integers (k × mant × 10^exp10) and formatted from those
 * integers, never from the doubles: 0.1 + 0.2 must print as "0.3", and a
 * tick at 1,200 must not come out as "1,199.9999".  The doubles are only for
 * placing things.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "chart_int.h"
#include "typo.h"

#define MIN_EXP10 (-6)
#define MAX_EXP10 18

static double p10(int e)
{
	/* Exact for |e| <= 22, which is all we use. */
	double r = 1;
	for (int i = 0; i < (e < 0 ? -e : e); i++)
		r *= 10;
	return r;
}

static double tick_value(long long k, int mant, int e)
{
	double m = (double)(k * mant);
	/* Dividing by an exact power of ten gives the double nearest to the
	 * decimal, where multiplying by 0.1 would not. */
	return e >= 0 ? m * p10(e) : m / p10(-e);
}

/* Tries steps mant × 10^e upwards until the ticks fit max intervals. */
static void fit(double lo, double hi, int max, int e, int mant,
		struct chart_axis *out)
{
	static const int next[] = {0, 2, 5, 0, 0, 10};
	for (;;) {
		if (mant == 10) {
			mant = 1;
			e++;
		}
		double step = tick_value(1, mant, e);
		/* A hair of tolerance: 0.3 / 0.1 is 2.9999999999999996. */
		long long k0 = (long long)floor(lo / step + 1e-9);
		long long k1 = (long long)ceil(hi / step - 1e-9);
		if (k1 <= k0)
			k1 = k0 + 1;
		if (k1 - k0 <= max || e >= MAX_EXP10) {
			out->mant = mant;
			out->exp10 = e;
			out->k_lo = k0;
			out->n_ticks = (int)(k1 - k0 + 1);
			out->step = step;
			out->lo = tick_value(k0, mant, e);
			out->hi = tick_value(k1, mant, e);
			return;
		}
		mant = next[mant];
	}
}

void chart_ticks(double lo, double hi, int max_intervals, struct chart_axis *out)
{
	memset(out, 0, sizeof *out);
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	if (lo > hi) {
		double t = lo;
		lo = hi;
		hi = t;
	}
	int max = max_intervals < 1 ? 1 : max_intervals > 100 ? 100 : max_intervals;
	/* Beyond what a decimal as written can hold (18 digits). */
	lo = lo < -1e18 ? -1e18 : lo > 1e18 ? 1e18 : lo;
	hi = hi < -1e18 ? -1e18 : hi > 1e18 ? 1e18 : hi;
	double mag = fabs(lo) > fabs(hi) ? fabs(lo) : fabs(hi);
	if (hi - lo <= mag * 1e-12) {
		if (mag == 0) {
			lo = 0;
			hi = 1;
		} else {
			double v = (lo + hi) / 2;
			double u = p10((int)floor(log10(fabs(v))));
			lo = v - u;
			hi = v + u;
		}
	}
	double raw = (hi - lo) / max;
	int e = (int)floor(log10(raw));
	if (e < MIN_EXP10)
		e = MIN_EXP10;
	if (e > MAX_EXP10)
		e = MAX_EXP10;
	double f = raw / p10(e);
	int mant = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
	fit(lo, hi, max, e, mant, out);
}

double chart_tick(const struct chart_axis *ax, int i)
{
	return tick_value(ax->k_lo + i, ax->mant, ax->exp10);
}

/* Tick labels and value labels are figures like any other: the plan's
 * profile writes them (typo_scaled), with the tick's exact integer. */
int chart_tick_label(const struct typo *t, const struct chart_axis *ax, int i, int shift,
		     char *buf, size_t size)
{
	return typo_scaled(t, (ax->k_lo + i) * ax->mant, ax->exp10 - shift, buf, size);
}

int chart_format_decimal(const struct typo *t, struct decimal d, int shift, char *buf,
			 size_t size)
{
	return typo_scaled(t, (long long)d.units, -d.scale - shift, buf, size);
}

/* ---- units ---------------------------------------------------------------- */

struct prefix {
	const char *utf8;
	int exp10;
};

static const struct prefix prefixes[] = {
	{"千", 3}, {"万", 4}, {"億", 8}, {"兆", 12},
};

static const char *const unscaled_units[] = {"％", "%", "‰", "倍"};

void chart_unit_scale(const char *unit, double max_abs, struct chart_unit *out)
{
	memset(out, 0, sizeof *out);
	if (!unit)
		unit = "";
	snprintf(out->unit, sizeof out->unit, "%s", unit);
	if (*unit)
		snprintf(out->title, sizeof out->title, "（%s）", unit);

	max_abs = fabs(max_abs);
	if (!(max_abs >= 100000) || !isfinite(max_abs))
		return;
	for (size_t i = 0; i < sizeof unscaled_units / sizeof *unscaled_units; i++)
		if (!strcmp(unit, unscaled_units[i]))
			return;

	int base = 0;
	const char *rest = unit;
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i].utf8);
		if (!strncmp(unit, prefixes[i].utf8, n) && unit[n]) {
			base = prefixes[i].exp10;
			rest = unit + n;
			break;
		}
	}
	/* 千 is an accounting unit (千円) and is kept when written, but the
	 * scale goes up in 万 steps, as Japanese numbers are read. */
	const struct prefix *pick = NULL;
	for (size_t i = 1; i < sizeof prefixes / sizeof *prefixes; i++) {
		if (prefixes[i].exp10 <= base)
			continue;
		pick = &prefixes[i];
		if (max_abs / p10(prefixes[i].exp10 - base) < 100000)
			break;
	}
	if (!pick)
		return;
	out->shift = pick->exp10 - base;
	snprintf(out->unit, sizeof out->unit, "%s%s", pick->utf8, rest);
	snprintf(out->title, sizeof out->title, "（%s）", out->unit);
}
