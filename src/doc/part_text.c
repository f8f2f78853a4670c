/* part_text.c - the prose parts: cover, headings, paragraphs, notes, and
 * where the year stands in the plan. */
#include <string.h>

#include "doc_int.h"
#include "typesize.h"
#include "fy.h"

void part_heading(struct doc_ctx *c, int level, const char *title)
{
	story_heading(c->s, level, title);
}

void part_para(struct doc_ctx *c, const char *text)
{
	if (text && *text)
		story_para(c->s, text);
}

void part_caption(struct doc_ctx *c, const char *text)
{
	story_para_ex(c->s, &(struct lay_para){
		.text = text,
		.style = {.role = FONT_GOTHIC, .size = TYPE.caption, .line_height = 1.4f},
		.before = 6, .after = 2, .keep_with_next = true,
	});
}

void part_list(struct doc_ctx *c, const char *const *items, size_t n)
{
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = doc_printf(c, "%s%s・%s", s, i ? "\n" : "", items[i]);
	if (!*s)
		return;
	story_para_ex(c->s, &(struct lay_para){
		.text = s,
		.style = {.role = FONT_MINCHO, .size = TYPE.list, .line_height = 1.5f,
			  .indent = TYPE.list},
		.after = 4,
	});
}

static void centred(struct doc_ctx *c, const char *text, enum font_role role,
		    float size, float before)
{
	story_para_ex(c->s, &(struct lay_para){
		.text = text,
		.style = {.role = role, .size = size, .line_height = 1.5f,
			  .align = TEXT_CENTER},
		.before = before,
	});
}

static void figures_note(struct doc_ctx *c, bool with_sample, bool with_rule);

void part_cover(struct doc_ctx *c, const char *meeting)
{
	const struct plan *p = c->p;
	story_space(c->s, 150);
	if (meeting)
		centred(c, meeting, FONT_GOTHIC, TYPE.cover_meeting, 0);
	centred(c, p->title, FONT_GOTHIC, TYPE.cover_title, 18);
	if (p->subtitle)
		centred(c, p->subtitle, FONT_MINCHO, TYPE.cover_subtitle, 4);
	centred(c, doc_printf(c, "%s %s", c->fy_era, c->title), FONT_GOTHIC, TYPE.cover_kind, 24);
	story_space(c->s, 150);
	if (c->date[0])
		centred(c, c->date, FONT_MINCHO, TYPE.cover_date, 0);
	if (p->issuer)
		centred(c, p->department ? doc_printf(c, "%s %s", p->issuer, p->department)
					 : p->issuer, FONT_MINCHO, TYPE.cover_date, 6);
	story_space(c->s, 40);
	/* the cover says which figures are samples; how the marks are given
	 * goes where they are first read (part_grading_legend) */
	figures_note(c, true, false);
	story_cover_end(c->s);
}

/* How the marks are given, in words: fig_describe() of the plan's rule,
 * then of each per-indicator rule with the indicators it applies to.  NULL
 * when the plan states no rule (no note at all). */
static const char *grading_words(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	struct fig_description d;
	fig_describe(p, &p->grading, c->rfy, c->a, &d);
	const char *s = d.note;
	for (size_t r = 0; r < p->n_rules; r++) {
		const struct grading *g = &p->rules[r];
		const char *names = "";
		for (size_t i = 0; i < p->n_indicators; i++)
			if (p->indicators[i].n_measures &&
			    measure_rule(p, &p->indicators[i].measures[0]) == g)
				names = doc_printf(c, "%s%s「%s」", names, *names ? "・" : "",
						   p->indicators[i].name);
		if (!*names)
			continue;
		fig_describe(p, g, c->rfy, c->a, &d);
		if (!d.note)
			names = doc_printf(c, "%sには評価基準を定めず、評価を表示しない。", names);
		else
			names = doc_printf(c, "%sは次の基準による：%s", names, d.note);
		s = s ? doc_printf(c, "%s\n※ %s", s, names) : names;
	}
	return s;
}

/* The ※ note: which figures are samples (with_sample) and how the marks
 * are given (with_rule, fig_describe()'s words). */
static void figures_note(struct doc_ctx *c, bool with_sample, bool with_rule)
{
	const struct plan *p = c->p;
	const char *text = with_rule ? grading_words(c) : NULL;
	if (text)
		c->legend_shown = true;
	if (!with_sample && !text)
		return;
	const char *sample = p->actuals_note ? p->actuals_note
					     : "実績値は例示値であり、公表された統計値ではありません。";
	bool sample_too = with_sample && p->actuals_illustrative;
	if (sample_too && text)
		text = doc_printf(c, "※ %s\n※ %s", sample, text);
	else if (sample_too)
		text = doc_printf(c, "※ %s", sample);
	else if (text)
		text = doc_printf(c, "※ %s", text);
	else
		return;
	story_para_ex(c->s, &(struct lay_para){
		.text = text,
		.style = {.role = FONT_MINCHO, .size = TYPE.note, .line_height = 1.5f,
			  .indent = TYPE.note},
		.before = 4, .after = 4,
		/* with what it explains (under 主要指標の状況, the overview):
		 * split at a page foot it left one line of a ※ item behind */
		.keep_with_next = true,
	});
}

void part_figures_note(struct doc_ctx *c)
{
	figures_note(c, true, true);
}

void part_grading_legend(struct doc_ctx *c)
{
	if (!c->legend_shown)
		figures_note(c, false, true);
}

void part_position(struct doc_ctx *c)
{
	const struct plan *p = c->p;
	char from[32], to[32];
	fy_format(p->from, FY_STYLE_ERA, from, sizeof from);
	fy_format(p->to, FY_STYLE_ERA, to, sizeof to);
	int nth = c->o->fy - p->from + 1, years = p->to - p->from + 1;
	part_para(c, doc_printf(c, "%sは、計画期間（%s～%s、%d年間）の%d年目にあたります。",
				c->fy_era, from, to, years, nth));
	if (p->n_vision) {
		const char *v = "";
		for (size_t i = 0; i < p->n_vision; i++)
			v = doc_printf(c, "%s%s%s", v, i ? "\n" : "", p->vision[i]);
		part_caption(c, "目指す将来像");
		story_para_ex(c->s, &(struct lay_para){
			.text = v,
			.style = {.role = FONT_GOTHIC, .size = TYPE.h2, .line_height = 1.5f,
				  .align = TEXT_CENTER},
			.before = 2, .after = 6,
		});
	}
	if (p->basic_title) {
		part_caption(c, "基本シナリオ");
		part_para(c, p->basic_text ? doc_printf(c, "%s　%s", p->basic_title, p->basic_text)
					   : p->basic_title);
	}
}
