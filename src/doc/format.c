/* format.c - values, years and ratios as the handouts print them.
 *
 * The figures themselves (digits, grouping, the negative sign, ％, the
 * mark of no data, the range sign) are the plan's typographic profile's
 * (typo.h), which the charts and the rule descriptions use too; this file
 * adds what only documents need: units follow the value without a space,
 * years are short 和暦 (R7, H29, R元) in full-width brackets.  Values keep
 * the precision they were written with.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "doc_int.h"
#include "fy.h"
#include "typo.h"

const char *doc_printf(struct doc_ctx *c, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return "";
	if ((size_t)n < sizeof buf)
		return arena_strdup(c->a, buf);
	char *big = arena_alloc(c->a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return big;
}

const char *doc_fy(struct doc_ctx *c, int fy)
{
	char buf[32];
	if (fy_format(fy, FY_STYLE_SHORT, buf, sizeof buf) < 0)
		return doc_printf(c, "%d", fy);
	return arena_strdup(c->a, buf);
}

const char *doc_value(struct doc_ctx *c, struct decimal v, const char *unit,
		      bool per_year)
{
	char num[TYPO_FIGURE_MAX];
	typo_value(plan_typo(c->p), v, unit, num, sizeof num);
	return doc_printf(c, "%s%s", num, per_year ? "/年" : "");
}

/* A value of measure m.  A negative takes the profile's sign whatever sign
 * the source wrote (△ and ▲ do not mix on a page; <typography negative>
 * chooses). */
static const char *mvalue(struct doc_ctx *c, const struct measure *m, struct decimal v,
			  bool per_year)
{
	return doc_value(c, v, m->unit, per_year);
}

const char *doc_mvalue(struct doc_ctx *c, const struct measure *m, struct decimal v,
		       bool per_year)
{
	return mvalue(c, m, v, per_year);
}

/* "（R2）", "（H27～R元）" or "" */
static const char *years(struct doc_ctx *c, int from, int to, const char *tail)
{
	if (from && to && from != to)
		return doc_printf(c, "（%s%s%s%s）", doc_fy(c, from), plan_typo(c->p)->range,
				  doc_fy(c, to), tail);
	if (to || from)
		return doc_printf(c, "（%s%s）", doc_fy(c, to ? to : from), tail);
	return *tail ? doc_printf(c, "（%s）", tail) : "";
}

const char *doc_baseline(struct doc_ctx *c, const struct measure *m)
{
	const struct baseline *b = &m->baseline;
	switch (b->kind) {
	case BASELINE_UNKNOWN:
		return doc_no_data(c);
	case BASELINE_LEVEL:
		return doc_printf(c, "%s%s", mvalue(c, m, b->value, false),
				  years(c, 0, b->fy, ""));
	case BASELINE_RATE:
		return doc_printf(c, "%s%s", mvalue(c, m, b->value, true),
				  years(c, 0, b->fy, ""));
	case BASELINE_AVERAGE:
		return doc_printf(c, "%s%s", mvalue(c, m, b->value, true),
				  years(c, b->from, b->to, "平均"));
	case BASELINE_TOTAL:
		return doc_printf(c, "%s%s", mvalue(c, m, b->value, false),
				  years(c, b->from, b->to, b->from ? "" : "累計"));
	}
	return "";
}

const char *doc_target(struct doc_ctx *c, const struct measure *m)
{
	const struct target *t = &m->target;
	if (m->milestone)
		return doc_printf(c, "%s%s", m->milestone, years(c, 0, t->fy, ""));
	switch (t->kind) {
	case TARGET_LEVEL:
		return doc_printf(c, "%s%s", mvalue(c, m, t->value, false),
				  years(c, 0, t->fy, ""));
	case TARGET_CUMULATIVE: {
		const char *pace = t->has_per_year
			? doc_printf(c, "・%s", doc_value(c, t->per_year, m->unit, true))
			: "";
		return doc_printf(c, "%s%s", mvalue(c, m, t->value, false),
				  years(c, t->from, t->to, doc_printf(c, "累計%s", pace)));
	}
	case TARGET_RATE:
		return doc_printf(c, "%s%s", mvalue(c, m, t->value, true),
				  years(c, 0, t->fy, ""));
	case TARGET_AT_LEAST:
		return doc_printf(c, "%s以上%s", mvalue(c, m, t->value, false),
				  years(c, 0, t->fy, ""));
	}
	return "";
}

const char *doc_percent(struct doc_ctx *c, const struct fig_ratio *r)
{
	if (!r->ok)
		return doc_no_data(c);
	char num[TYPO_FIGURE_MAX];
	typo_percent(plan_typo(c->p), r->percent, num, sizeof num);
	return arena_strdup(c->a, num);
}

const char *doc_subtitle(struct doc_ctx *c, const char *text)
{
	const char *r = plan_typo(c->p)->range;
	size_t n = strlen(r), len = strlen(text);
	/* the plan may write the signs itself (～…～): not twice */
	if (len >= 2 * n && !strncmp(text, r, n) && !strcmp(text + len - n, r))
		return text;
	return doc_printf(c, "%s%s%s", r, text, r);
}

const char *doc_no_data(struct doc_ctx *c)
{
	return plan_typo(c->p)->no_data;
}

const char *doc_text(struct doc_ctx *c, const char *text)
{
	return typo_text(plan_typo(c->p), text, c->a);
}

const char *doc_figure_text(struct doc_ctx *c, const char *text)
{
	return typo_figure_text(plan_typo(c->p), text, c->a);
}

const char *doc_indicator_word(struct doc_ctx *c)
{
	return c->p->words.indicators ? c->p->words.indicators : "指標";
}

const char *doc_level_title(struct doc_ctx *c, enum plan_level lv, const char *no,
			    const char *title)
{
	const char *w = plan_word(c->p, lv, "");
	if (!*w && !no)
		return title;
	return doc_printf(c, "%s%s %s", w, no ? no : "", title);
}
