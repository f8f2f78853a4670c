/* typo.h - the typographic profile: how figures and their symbols print.
 *
 * One profile decides, for every page of a document (tables, chart labels
 * and axes, legends, PDCA text, the cover, the HTML edition), the percent
 * sign, the mark of a figure that does not exist, the sign of a negative
 * figure, the range sign and the width of digits in running text.  The
 * default is the style of Japanese public documents (公用文): 65.1％,
 * △44.6％, 「―」 for no data, R4～R13, and half-width digits in running
 * text as in the figures (令和4年度から令和13年度, 1事業所当たり): the
 * sentences shiryo writes, the dates and every table already use them, so
 * only a plan's own full-width digits change.  A plan may choose otherwise
 * (the older "one digit full-width" style: digits="mixed") with
 * <typography> (xml/schema/README.md).
 *
 * Figures (a table cell, a chart label) always have half-width digits
 * grouped by three with ","; the digit rule is for prose only.
 *
 * Usage:
 *	const struct typo *t = plan_typo(p);     (plan.h; or &typo_public)
 *	char buf[TYPO_FIGURE_MAX];
 *	typo_value(t, d, "億円", buf, sizeof buf);   → "2兆600億円"
 *	typo_percent(t, ratio, buf, sizeof buf);     → "△44.6％"
 *	s = typo_text(t, plan_prose, arena);         → "1事業所当たり…R4～R7"
 */
#ifndef SHIRYO_TYPO_H
#define SHIRYO_TYPO_H

#include <stdbool.h>
#include <stddef.h>

#include "decimal.h"

struct arena;

enum typo_digits {
	TYPO_DIGITS_MIXED, /* one digit full-width (４人), more half-width (13年度) */
	TYPO_DIGITS_HALF,  /* all half-width (4人, 13年度) */
	TYPO_DIGITS_FULL,  /* all full-width (４人, １３年度) */
};

struct typo {
	const char *percent;  /* after a percentage: "％" or "%" */
	const char *no_data;  /* a figure that does not exist (yet): "―" */
	const char *negative; /* before a negative figure: "△", "▲" or "-" */
	const char *range;    /* between the ends of a range: "～" */
	enum typo_digits digits; /* digits of running text */
};

/* 公用文: ％, ―, △, ～, half-width digits. */
extern const struct typo typo_public;

/* Room for any figure typo_number / typo_value / typo_percent write with a
 * unit of up to 64 bytes. */
#define TYPO_FIGURE_MAX 160

/* A figure: half-width digits grouped by three, its own precision, a
 * negative with t->negative ("7,809", "65.1", "△0.5").  snprintf-style:
 * returns the length needed, truncates and NUL-terminates. */
int typo_number(const struct typo *t, struct decimal d, char *buf, size_t size);
/* The same for the integer m × 10^e, e of any sign (a chart's tick k ×
 * mant × 10^exp10, a value rescaled to 万 or 億): "2,500", "0.25", "△10". */
int typo_scaled(const struct typo *t, long long m, int e, char *buf, size_t size);
/* A figure with its unit ("6,534千円", "△117人").  A whole number of 億
 * units of one 兆 or more is written the Japanese way, 兆 then 億 without
 * leading zeros: 20,600億円 → "2兆600億円", 30,000億円 → "3兆円". */
int typo_value(const struct typo *t, struct decimal d, const char *unit, char *buf,
	       size_t size);
/* A percentage: "103.8％", "△44.6％". */
int typo_percent(const struct typo *t, struct decimal pct, char *buf, size_t size);

/* A measure's unit as printed: a percent sign (％ or %) is t->percent,
 * any other unit itself. */
const char *typo_unit(const struct typo *t, const char *unit);

/* Whether s is a lone dash of any kind (- ‐ − － ― — ─), as sources and
 * schemes write "no figure"; surrounding spaces allowed. */
bool typo_is_dash(const char *s);
/* A mark as the profile prints it: a lone dash is t->no_data, anything
 * else is mark itself (NULL stays NULL). */
const char *typo_mark(const struct typo *t, const char *mark);

/* Running text (the plan's prose, PDCA records, notes) with the profile's
 * symbols and digits: the wave dash 〜 is t->range, and each number not
 * touching a Latin letter (R7, 5G, No.1 are left alone) has the width
 * t->digits gives it by its digit count; its separators and point follow
 * its digits.  Words are never changed.  s itself when nothing changes,
 * else a copy in a; NULL gives NULL. */
const char *typo_text(const struct typo *t, const char *s, struct arena *a);
/* A figure as a source wrote it (a table cell of a published results
 * table: "2兆0,600億円（R2年）", "89.4%", "－（R2）", "-5件"): the numbers
 * half-width with "," grouping, the 億 part of a 兆 figure without leading
 * zeros, a minus sign before a digit t->negative, a lone dash t->no_data,
 * "%" or "％" after a number t->percent, 〜 or ～ t->range.  Like
 * typo_text, s itself or a copy in a. */
const char *typo_figure_text(const struct typo *t, const char *s, struct arena *a);

#endif
