/* test_chart_axis.c - round ticks, their labels and scaled units.
 *
 * Pure arithmetic: no fonts, no plan.  Ticks are compared exactly (the
 * algorithm builds them from integers), labels as the strings printed.
 */
#include <math.h>
#include <string.h>

#include "chart.h"
#include "cu_main.h"

static struct chart_axis ax;

static void ticks(double lo, double hi, int max)
{
	chart_ticks(lo, hi, max, &ax);
}

/* The ticks are exactly these values. */
static bool ticks_are(const double *want, int n)
{
	if (ax.n_ticks != n)
		return false;
	for (int i = 0; i < n; i++)
		if (chart_tick(&ax, i) != want[i])
			return false;
	return ax.lo == want[0] && ax.hi == want[n - 1];
}

static const char *label(int i, int shift)
{
	static char buf[8][64];
	static int k;
	k = (k + 1) % 8;
	chart_tick_label(NULL, &ax, i, shift, buf[k], sizeof buf[k]);
	return buf[k];
}

/* ---- the tick algorithm ------------------------------------------------ */

static void test_zero_to_target(void)
{
	ticks(0, 7809, 5);
	CU_ASSERT_TRUE(ticks_are((double[]){0, 2000, 4000, 6000, 8000}, 5));
	CU_ASSERT_EQUAL(ax.mant, 2);
	CU_ASSERT_EQUAL(ax.exp10, 3);
	CU_ASSERT_STRING_EQUAL(label(0, 0), "0");
	CU_ASSERT_STRING_EQUAL(label(4, 0), "8,000");
}

static void test_far_from_zero_starts_at_a_round_tick(void)
{
	ticks(6534, 7809, 5);
	CU_ASSERT_TRUE(ticks_are((double[]){6500, 7000, 7500, 8000}, 4));
	ticks(89.4, 93.1, 6);
	CU_ASSERT_TRUE(ticks_are((double[]){89, 90, 91, 92, 93, 94}, 6));
	CU_ASSERT_STRING_EQUAL(label(0, 0), "89");
}

static void test_steps_one_two_five(void)
{
	ticks(0, 10, 6); /* 1.67 → 2 */
	CU_ASSERT_TRUE(ticks_are((double[]){0, 2, 4, 6, 8, 10}, 6));
	ticks(0, 100, 5); /* exactly 20 */
	CU_ASSERT_TRUE(ticks_are((double[]){0, 20, 40, 60, 80, 100}, 6));
	ticks(0, 150, 3); /* the bars' axis */
	CU_ASSERT_TRUE(ticks_are((double[]){0, 50, 100, 150}, 4));
	ticks(0, 220, 8); /* 27.5 → 50 */
	CU_ASSERT_TRUE(ticks_are((double[]){0, 50, 100, 150, 200, 250}, 6));
	ticks(0, 1200, 7); /* 171 → 200 */
	CU_ASSERT_TRUE(ticks_are((double[]){0, 200, 400, 600, 800, 1000, 1200}, 7));
	ticks(0, 80, 8); /* 10 */
	CU_ASSERT_EQUAL(ax.step, 10);
	CU_ASSERT_EQUAL(ax.n_ticks, 9);
}

static void test_rounding_pushes_to_next_step(void)
{
	/* 10 fits the raw step but needs 7 intervals: 20 is taken */
	ticks(-12, 47, 6);
	CU_ASSERT_TRUE(ticks_are((double[]){-20, 0, 20, 40, 60}, 5));
}

static void test_negative_ranges(void)
{
	ticks(-37, -3, 5);
	CU_ASSERT_TRUE(ticks_are((double[]){-40, -30, -20, -10, 0}, 5));
	CU_ASSERT_STRING_EQUAL(label(0, 0), "△40");
	CU_ASSERT_STRING_EQUAL(label(4, 0), "0");
	ticks(-2500, -1200, 4);
	CU_ASSERT_TRUE(ticks_are((double[]){-2500, -2000, -1500, -1000}, 4));
	CU_ASSERT_STRING_EQUAL(label(0, 0), "△2,500");
	ticks(-0.35, 0.35, 7);
	CU_ASSERT_TRUE(ticks_are((double[]){-0.4, -0.2, 0, 0.2, 0.4}, 5));
	CU_ASSERT_STRING_EQUAL(label(0, 0), "△0.4");
	CU_ASSERT_STRING_EQUAL(label(2, 0), "0.0");
}

static void test_decimal_steps_are_exact(void)
{
	ticks(0.1, 0.3, 4);
	CU_ASSERT_TRUE(ticks_are((double[]){0.1, 0.15, 0.2, 0.25, 0.3}, 5));
	CU_ASSERT_STRING_EQUAL(label(0, 0), "0.10");
	CU_ASSERT_STRING_EQUAL(label(4, 0), "0.30");
	ticks(5.4, 5.8, 4);
	CU_ASSERT_TRUE(ticks_are((double[]){5.4, 5.5, 5.6, 5.7, 5.8}, 5));
	CU_ASSERT_STRING_EQUAL(label(3, 0), "5.7");
	ticks(0, 1, 5);
	CU_ASSERT_TRUE(ticks_are((double[]){0, 0.2, 0.4, 0.6, 0.8, 1}, 6));
	CU_ASSERT_STRING_EQUAL(label(5, 0), "1.0");
}

static void test_tiny_ranges(void)
{
	/* steps stop at 10^-6, the finest a value as written has */
	ticks(1.0000001, 1.0000009, 4);
	CU_ASSERT_EQUAL(ax.exp10, -6);
	CU_ASSERT_EQUAL(ax.mant, 1);
	CU_ASSERT_TRUE(ticks_are((double[]){1.0, 1.000001}, 2));
	CU_ASSERT_STRING_EQUAL(label(0, 0), "1.000000");
	CU_ASSERT_STRING_EQUAL(label(1, 0), "1.000001");
	ticks(0.0012, 0.0019, 7);
	CU_ASSERT_TRUE(ticks_are((double[]){0.0012, 0.0013, 0.0014, 0.0015,
					    0.0016, 0.0017, 0.0018, 0.0019}, 8));
	CU_ASSERT_STRING_EQUAL(label(7, 0), "0.0019");
}

static void test_all_equal_values(void)
{
	ticks(5.7, 5.7, 5); /* widened to 4.7..6.7 */
	CU_ASSERT_TRUE(ticks_are((double[]){4.5, 5, 5.5, 6, 6.5, 7}, 6));
	CU_ASSERT_TRUE(ax.lo < 5.7 && ax.hi > 5.7);
	ticks(27300, 27300, 4); /* 17,300..37,300 */
	CU_ASSERT_TRUE(ticks_are((double[]){10000, 20000, 30000, 40000}, 4));
	ticks(0, 0, 5);
	CU_ASSERT_TRUE(ticks_are((double[]){0, 0.2, 0.4, 0.6, 0.8, 1}, 6));
	ticks(-3, -3, 4); /* -4..-2 */
	CU_ASSERT_TRUE(ticks_are((double[]){-4, -3.5, -3, -2.5, -2}, 5));
}

static void test_odd_arguments(void)
{
	ticks(10, 0, 5); /* swapped */
	CU_ASSERT_TRUE(ticks_are((double[]){0, 2, 4, 6, 8, 10}, 6));
	ticks(NAN, 3, 5);
	CU_ASSERT_TRUE(ticks_are((double[]){0, 0.2, 0.4, 0.6, 0.8, 1}, 6));
	ticks(0, INFINITY, 5);
	CU_ASSERT_EQUAL(ax.lo, 0);
	CU_ASSERT_EQUAL(ax.hi, 1);
	ticks(0, 7, 0); /* at least one interval */
	CU_ASSERT_TRUE(ticks_are((double[]){0, 10}, 2));
	ticks(0, 9.2e17, 5); /* the largest decimals */
	CU_ASSERT_EQUAL(ax.lo, 0);
	CU_ASSERT_TRUE(ax.hi >= 9.2e17);
	CU_ASSERT_TRUE(ax.n_ticks - 1 <= 5);
	CU_ASSERT_STRING_EQUAL(label(1, 0), "200,000,000,000,000,000");
}

/* Many ranges: the ticks cover the range, fit, are round, and no smaller
 * round step would have fitted. */
static void test_properties_over_many_ranges(void)
{
	unsigned long long seed = 12345;
	int bad = 0;
	for (int n = 0; n < 5000; n++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		double u1 = (double)(seed >> 11) / 9007199254740992.0;
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		double u2 = (double)(seed >> 11) / 9007199254740992.0;
		int mag = (int)(u1 * 14) - 4; /* 10^-4 .. 10^9 */
		double lo = (u1 * 2 - 1) * pow(10, mag);
		double hi = lo + u2 * pow(10, mag) * 3 + pow(10, mag - 3);
		int max = 2 + (int)(u2 * 9);
		chart_ticks(lo, hi, max, &ax);
		bool ok = ax.lo <= lo && ax.hi >= hi && ax.n_ticks - 1 <= max &&
			  ax.n_ticks >= 2 &&
			  (ax.mant == 1 || ax.mant == 2 || ax.mant == 5);
		/* minimal: the next smaller round step needs more intervals */
		int m = ax.mant, e = ax.exp10;
		int sm = m == 1 ? 5 : m == 2 ? 1 : 2, se = m == 1 ? e - 1 : e;
		if (ok && se >= -6) {
			double step = sm * pow(10, se);
			double k0 = floor(lo / step + 1e-9), k1 = ceil(hi / step - 1e-9);
			ok = k1 - k0 > max;
		}
		/* the step between ticks is the step */
		for (int i = 1; ok && i < ax.n_ticks; i++)
			ok = fabs(chart_tick(&ax, i) - chart_tick(&ax, i - 1) - ax.step) <=
			     ax.step * 1e-9;
		if (!ok && bad++ < 5)
			fprintf(stderr, "ticks(%.17g, %.17g, %d) = %g..%g by %g\n",
				lo, hi, max, ax.lo, ax.hi, ax.step);
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* ---- labels and units ---------------------------------------------------- */

static void test_labels_with_a_unit_shift(void)
{
	ticks(0, 250000, 5); /* 50,000 steps */
	CU_ASSERT_STRING_EQUAL(label(1, 0), "50,000");
	CU_ASSERT_STRING_EQUAL(label(1, 4), "5");
	CU_ASSERT_STRING_EQUAL(label(5, 4), "25");
	ticks(1000000, 1010000, 5); /* 2,000 steps */
	CU_ASSERT_STRING_EQUAL(label(1, 4), "100.2");
	CU_ASSERT_STRING_EQUAL(label(0, 4), "100.0");
}

static void test_unit_kept_when_numbers_are_short(void)
{
	struct chart_unit u;
	chart_unit_scale("千円", 8000, &u);
	CU_ASSERT_EQUAL(u.shift, 0);
	CU_ASSERT_STRING_EQUAL(u.unit, "千円");
	CU_ASSERT_STRING_EQUAL(u.title, "（千円）");
	chart_unit_scale("万円", 92000, &u); /* 5 digits: kept */
	CU_ASSERT_EQUAL(u.shift, 0);
	CU_ASSERT_STRING_EQUAL(u.title, "（万円）");
	chart_unit_scale("億円", 2800, &u);
	CU_ASSERT_EQUAL(u.shift, 0);
	chart_unit_scale("事業所", 27600, &u);
	CU_ASSERT_STRING_EQUAL(u.title, "（事業所）");
	chart_unit_scale("", 50, &u);
	CU_ASSERT_STRING_EQUAL(u.title, "");
}

static void test_unit_scaled_when_numbers_get_long(void)
{
	struct chart_unit u;
	chart_unit_scale("円", 123456, &u);
	CU_ASSERT_EQUAL(u.shift, 4);
	CU_ASSERT_STRING_EQUAL(u.unit, "万円");
	CU_ASSERT_STRING_EQUAL(u.title, "（万円）");
	chart_unit_scale("千円", 250000, &u); /* 千円 → 万円 */
	CU_ASSERT_EQUAL(u.shift, 1);
	CU_ASSERT_STRING_EQUAL(u.unit, "万円");
	chart_unit_scale("万円", 123456789, &u); /* → 億円 */
	CU_ASSERT_EQUAL(u.shift, 4);
	CU_ASSERT_STRING_EQUAL(u.unit, "億円");
	chart_unit_scale("人", 1.5e9, &u); /* 15万 is not enough: 億 */
	CU_ASSERT_EQUAL(u.shift, 8);
	CU_ASSERT_STRING_EQUAL(u.unit, "億人");
	chart_unit_scale("件/年", 250000, &u);
	CU_ASSERT_STRING_EQUAL(u.unit, "万件/年");
	chart_unit_scale("円", -3e13, &u); /* magnitude; 300,000億 is long: 兆 */
	CU_ASSERT_EQUAL(u.shift, 12);
	CU_ASSERT_STRING_EQUAL(u.title, "（兆円）");
	chart_unit_scale("", 1e6, &u);
	CU_ASSERT_STRING_EQUAL(u.title, "（万）");
}

static void test_units_never_scaled(void)
{
	struct chart_unit u;
	chart_unit_scale("％", 1e6, &u);
	CU_ASSERT_EQUAL(u.shift, 0);
	CU_ASSERT_STRING_EQUAL(u.title, "（％）");
	chart_unit_scale("%", 1e6, &u);
	CU_ASSERT_EQUAL(u.shift, 0);
	chart_unit_scale("倍", 1e6, &u);
	CU_ASSERT_EQUAL(u.shift, 0);
	chart_unit_scale("兆円", 1e7, &u); /* nothing above 兆 */
	CU_ASSERT_EQUAL(u.shift, 0);
	CU_ASSERT_STRING_EQUAL(u.unit, "兆円");
	chart_unit_scale("円", NAN, &u);
	CU_ASSERT_EQUAL(u.shift, 0);
}

static const struct cu_case cases[] = {
	{"ticks from zero to a target", test_zero_to_target},
	{"data far from zero starts at a round tick", test_far_from_zero_starts_at_a_round_tick},
	{"steps are 1, 2, 5 x 10^n", test_steps_one_two_five},
	{"rounding out pushes to the next step", test_rounding_pushes_to_next_step},
	{"negative ranges", test_negative_ranges},
	{"decimal steps are exact", test_decimal_steps_are_exact},
	{"tiny ranges", test_tiny_ranges},
	{"all-equal values are centred", test_all_equal_values},
	{"odd arguments", test_odd_arguments},
	{"properties over 5000 ranges", test_properties_over_many_ranges},
	{"labels with a unit shift", test_labels_with_a_unit_shift},
	{"a unit is kept while numbers are short", test_unit_kept_when_numbers_are_short},
	{"a unit is scaled when numbers get long", test_unit_scaled_when_numbers_get_long},
	{"units that are never scaled", test_units_never_scaled},
	{NULL, NULL},
};

CU_MAIN("chart axis", cases)
