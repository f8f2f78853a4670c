/* trend_legend.c - the items of a trend chart's legend, from its series. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "chart_int.h"
#include "fy.h"
#include "typesize.h"
#include "typo.h"

static struct legend_item item(enum legend_swatch sw, int style, bool hollow,
			       const char *text)
{
	return (struct legend_item){.swatch = sw, .style = style,
				    .hollow = hollow, .text = text};
}

size_t trend_legend(const struct chart *c, const struct chart_series *s,
		    size_t n, bool multi, struct legend_item *it,
		    struct arena *a)
{
	size_t k = 0;
	bool all_cum = n > 0, base = false, star = false, rate = false,
	     floor_up = false, floor_down = false, band = false, dashed = false;
	for (size_t i = 0; i < n; i++) {
		all_cum &= s[i].cumulative;
		base |= s[i].has_baseline;
		dashed |= s[i].n_expected >= 2;
		switch (s[i].target_shape) {
		case CHART_TARGET_POINT: star = true; break;
		case CHART_TARGET_RATE: rate = true; break;
		case CHART_TARGET_BAND: band = star = true; break;
		case CHART_TARGET_FLOOR:
			if (s[i].measure->goal == GOAL_LOWER)
				floor_down = true;
			else
				floor_up = true;
			break;
		case CHART_TARGET_NONE: break;
		}
	}
	if (multi) {
		for (size_t i = 0; i < n && k < TREND_LEGEND_MAX - 8; i++) {
			const char *name = s[i].measure->name ? s[i].measure->name
							       : "実績";
			it[k++] = item(SW_SERIES, s[i].style, false,
				       s[i].cumulative
					       ? arena_printf(a, "%s（累計）", name)
					       : name);
		}
	} else {
		it[k++] = item(SW_SERIES, 0, false, all_cum ? "実績（累計）" : "実績");
	}
	if (base)
		it[k++] = item(SW_MARKER, 0, true, "基準値");
	if (star)
		it[k++] = item(SW_STAR, 0, false, "目標");
	if (rate)
		it[k++] = item(SW_TARGET_LINE, 0, false, "目標（毎年）");
	if (floor_up)
		it[k++] = item(SW_FLOOR, 0, false, "目標（以上）");
	if (floor_down)
		it[k++] = item(SW_FLOOR, 0, false, "目標（以下）");
	if (band) {
		char tol[32];
		chart_format_decimal(plan_typo(c->p), c->p->grading.maintain_tolerance, 0, tol,
				     sizeof tol);
		it[k++] = item(SW_BAND, 0, false, arena_printf(a, "維持の範囲（±%s%s）", tol,
							       plan_typo(c->p)->percent));
	}
	if (dashed)
		it[k++] = item(SW_DASHED, 0, false, "目標への目安");
	return k;
}
